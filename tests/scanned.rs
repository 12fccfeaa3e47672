//! Text read back from scanned pages (OCR) and pasted as offices paste it: what the scan
//! misread is read as meant and said, what the page printed around the document (seals,
//! page numbers, a browser's print header) is left out and said, and lines the page's
//! width broke go back together.

use crate::common;

use std::path::PathBuf;

use common::*;
use rust_xlsxwriter::Workbook;

fn text_source(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn messages<'a>(checked: &'a fengong::Checked, code: &str) -> Vec<&'a str> {
    (checked.report.diagnostics.iter())
        .filter(|d| d.code == code)
        .map(|d| d.message.as_str())
        .collect()
}

/// The seal's words a scan reads between the 署名 and the date — with the mark a copy
/// writes for the seal, or a piece of the 署名 alone — are no part of the notice: the
/// 署名 and date read as without them, the words said.
#[test]
fn a_seals_words_over_the_date_are_left_out() {
    let notice = |stamp: &str| {
        format!(
            "咸政发〔2022〕4号\n咸阳市人民政府关于印发重点工作分工方案的通知\n\
             各县市区人民政府,市政府各部门:\n现将《重点工作分工方案》印发给你们,请认真贯彻落实。\n\
             附件:重点工作分工方案\n咸阳市人民政府\n{stamp}\n2022年4月15日\n重点工作分工方案\n\
             一、稳住经济大盘\n1.实施重点项目300个以上。(市发改委牵头,市财政局配合)\n"
        )
    };
    for stamp in ["（盖章）咸阳市", "（盖章）", "咸阳市人"] {
        let (_dir, input) = text_source("通知.txt", &notice(stamp));
        let checked = fengong::check(&input).unwrap();
        let read = &checked.plan.notice;
        assert_eq!(read.signer.as_deref(), Some("咸阳市人民政府"), "{stamp}");
        assert_eq!(read.date.as_deref(), Some("2022年4月15日"), "{stamp}");
        assert_eq!(checked.plan.title.as_deref(), Some("重点工作分工方案"));
        let said = messages(&checked, "source/stamp");
        assert!(said.iter().any(|m| m.contains(stamp)), "{stamp}: {said:?}");
        let printed = published_text(&input, "通知.md");
        assert!(!printed.lines().any(|l| l.trim() == stamp), "{printed}");
    }
    // A line of the body that only looks short is no seal's.
    let (_dir, input) = text_source("通知.txt", &notice("特此通知。"));
    let checked = fengong::check(&input).unwrap();
    assert!(messages(&checked, "source/stamp").is_empty());
}

/// 一 read as a dash at a heading's start (—、, (—)), a letter O between digits, a stray
/// space in a label or a 文号's year: read as meant, each said.
#[test]
fn characters_a_scan_misread_are_read_as_meant() {
    let (_dir, input) = text_source(
        "通知.txt",
        "嘉政办发〔2 024〕1号\n县人民政府办公室关于印发重点工作责任分解方案的通知\n\
         各镇人民政府,县政府各部门:\n现将《重点工作责任分解方案》印发给你们,请认真贯彻落实。\n\
         嘉鱼县人民政府办公室\n2024年2月22日\n重点工作责任分解方案\n—、扩大有效投资\n\
         1.新建高标准农田3万亩。\n牵头县领导:分管农业副县长\n责 任单位:县农业农村局\n\
         配合单位:县财政局\n完成时限:2O24年11月底\n二、优化营商环境\n\
         2.新增市场主体5000户。\n责任单位:县市场监管局\n完成时限:2024年12月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.doc_number.as_deref(),
        Some("嘉政办发〔2024〕1号")
    );
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.numeral.as_str()).collect();
    assert_eq!(sections, ["一", "二"]);
    assert_eq!(leads(plan, 1), ["县农业农村局"]);
    assert_eq!(supports(plan, 1), ["县财政局"]);
    assert_eq!(plan.task(1).unwrap().content, "新建高标准农田3万亩。");
    assert_eq!(
        plan.task(1)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-11-30")
    );
    let said = messages(&checked, "source/ocr-mended").join("；");
    for mended in [
        "「—、」读作「一、」",
        "责任单位:县农业农村局",
        "〔2024〕",
        "2O24",
    ] {
        assert!(said.contains(mended), "{mended}: {said}");
    }
}

/// A page turned inside a task's brackets (…（牵头单位: / — 2 — / 区卫生健康局;…）) and a
/// browser's print header on each page: the brackets read whole, the header left out.
#[test]
fn a_page_turned_inside_brackets_and_a_print_header_are_read_through() {
    let (_dir, input) = text_source(
        "方案.txt",
        "江门市江海区和美乡村建设行动实施方案\n一、重点任务\n\
         （一）加强农村公共服务。推进街道卫生院和村卫生站标准化建设,2025年底前村卫生站规范化建设率达到100%。（牵头单位:\n\
         \n— 2 —\n\n区卫生健康局;配合单位:各街道办事处）\n\
         （二）加强乡村精神文明建设。深化新时代文明实践中心建设,推进移风易俗。（牵头单位:区委宣传部;配合单位:各街道党工委）\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 1), ["区卫生健康局"]);
    assert_eq!(supports(&checked.plan, 1), ["各街道办事处"]);
    let said = messages(&checked, "source/rewrapped");
    assert!(said.iter().any(|m| m.contains("括号")), "{said:?}");

    let header = "2023/3/21 15:39  关于印发《某区乡村建设行动方案》的通知";
    let mut text = format!("{header}\n某区乡村建设行动方案\n一、重点任务\n");
    text.push_str(
        "1.推进农村道路畅通工程。完善农村公路网络,2024年底前完成村道\n\
         提档升级30公里。(牵头单位:区交通运输局;配合单位:各镇人民政府)\n",
    );
    text.push_str(&format!(
        "https://www.example.gov.cn/zwgk/1.html 1/2\n{header}\n"
    ));
    text.push_str(
        "2.推进农村供水保障工程。2025年底前农村自来水普及率达到99%。(牵头单位:区水利局)\n\
         https://www.example.gov.cn/zwgk/1.html 2/2\n",
    );
    let (_dir, input) = text_source("方案.txt", &text);
    let checked = fengong::check(&input).unwrap();
    for task in &checked.plan.tasks {
        assert!(!task.content.contains("15:39"), "{}", task.content);
        assert!(!task.content.contains("https"), "{}", task.content);
    }
    let said = messages(&checked, "source/page-furniture").join("");
    assert!(said.contains("15:39") && said.contains("1/2"), "{said}");
}

/// A table set with runs of spaces: a cell the page's width wrapped onto a line of its own
/// goes on with its cell; a row whose 配合单位 cell is empty, set to the columns, keeps
/// its lead — no merged cell lost, no source cut.
#[test]
fn space_set_tables_keep_wrapped_and_empty_cells() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "泾县2023年目标任务分解表\n序号     工作任务     牵头单位     协同单位     完成时限\n\
         1     地区生产总值增长6%左右。     县发展改革委     县统计局     2023年12月底\n\
         2    新开工亿元以上工业项目20个,    县经信局    县自然资源和规划局    2023年10月底\n\
         \u{20}       竣工投产15个。\n\
         3     新建高标准农田2.5万亩。     县农业农村局     县财政局     2023年11月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        contents(&checked.plan),
        [
            "地区生产总值增长6%左右。",
            "新开工亿元以上工业项目20个,竣工投产15个。",
            "新建高标准农田2.5万亩。"
        ]
    );
    assert!(codes(&checked).contains(&"table/cell-wrapped"));
    assert!(!codes(&checked).contains(&"table/stray-line"));
    assert!(!codes(&checked).contains(&"source/cut-off"));

    let (_dir, input) = text_source(
        "分工.txt",
        "2022年重点任务责任落实分工\n\
         序号\u{3000}\u{3000}重点任务\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}牵头单位\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}配合单位\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}完成时限\n\
         1\u{3000}\u{3000}新建高标准农田2万亩\u{3000}\u{3000}旗农牧和科技局\u{3000}\u{3000}旗财政局\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}2022年10月底\n\
         2\u{3000}\u{3000}城镇新增就业800人\u{3000}\u{3000}旗人力资源和社会保障局\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}2022年12月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 2), ["旗人力资源和社会保障局"]);
    assert!(supports(&checked.plan, 2).is_empty());
    assert!(!codes(&checked).contains(&"table/merged-cell-restored"));
    assert!(!codes(&checked).contains(&"source/cut-off"));
}

/// A 主送 the page's width broke over two lines is one 主送, whichever line the break
/// leaves the colon on.
#[test]
fn a_recipients_line_broken_by_the_page_is_one() {
    for (first, second, names) in [
        (
            "各镇(街道)人民政府(办事处),临港经济开发区管委",
            "会,区政府各部门、直属机构:",
            vec![
                "各镇(街道)人民政府(办事处)",
                "临港经济开发区管委会",
                "区政府各部门、直属机构",
            ],
        ),
        (
            "各区、县人民政府,市人民政府各工作部门、各直属机",
            "构:",
            vec!["各区、县人民政府", "市人民政府各工作部门、各直属机构"],
        ),
    ] {
        let (_dir, input) = text_source(
            "通知.txt",
            &format!(
                "大洼政办发〔2021〕2号\n盘锦市大洼区人民政府办公室关于印发任务分解表的通知\n{first}\n{second}\n\
                 现将《任务分解表》印发给你们,请认真贯彻落实。\n附件:任务分解表\n盘锦市大洼区人民政府办公室\n\
                 2021年1月25日\n任务分解表\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n\
                 1 | 新增规上工业企业10家。 | 区工业和信息化局 | 临港经济开发区管委会 | 2021年12月\n"
            ),
        );
        let checked = fengong::check(&input).unwrap();
        assert_eq!(checked.plan.notice.recipients, names);
        let body: Vec<&str> = (checked.plan.notice.body.iter())
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(body, ["现将《任务分解表》印发给你们,请认真贯彻落实。"]);
    }
}

/// A workbook exported from a scan: a page's number kept as a row is no group, a merged
/// section row opening with —、 is section 一, a deadline's 2O21 is 2021 — each said.
#[test]
fn a_workbook_from_a_scan_is_read_as_meant() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .merge_range(0, 0, 0, 4, "大洼区2021年目标任务分解表", &plain)
        .unwrap();
    for (c, name) in ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *name).unwrap();
    }
    sheet
        .merge_range(2, 0, 2, 4, "—、主要预期目标", &plain)
        .unwrap();
    let row = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 5]| {
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r, c as u16, *v).unwrap();
        }
    };
    row(
        sheet,
        3,
        [
            "1",
            "新增规上工业企业10家。",
            "区工业和信息化局",
            "临港经济开发区管委会",
            "2O21年12月",
        ],
    );
    sheet.merge_range(4, 0, 4, 4, "— 2 —", &plain).unwrap();
    row(
        sheet,
        5,
        [
            "2",
            "完成高标准农田建设5万亩。",
            "区农业农村局",
            "区农垦集团",
            "2021年10月",
        ],
    );
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分解表.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.sections.len(), 1);
    assert_eq!(plan.sections[0].numeral, "一");
    assert!(
        groups(plan).iter().all(|(title, _)| !title.contains('2')),
        "{:?}",
        groups(plan)
    );
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(
        plan.task(1)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2021-12-31")
    );
    assert!(codes(&checked).contains(&"table/page-number"));
    let said = messages(&checked, "source/ocr-mended").join("");
    assert!(
        said.contains("2O21年12月") && said.contains("—、主要预期目标"),
        "{said}"
    );
    assert!(!codes(&checked).contains(&"table/label-missing"));
}

/// A notice's title the page broke inside its 《》, and a paragraph a page number set apart
/// with blank lines: each read whole, and printed whole.
#[test]
fn a_title_and_a_paragraph_broken_by_the_page_read_whole() {
    let (_dir, input) = text_source(
        "通知.txt",
        "市政办函〔2022〕63号\n西安市人民政府办公厅关于印发西安市贯彻落实陕西省《\n\
         2022年深化“放管服”改革优化营商环境工作要点》分工方案的通知\n各区、县人民政府,市人民政府各工作部门:\n\
         现将《分工方案》印发给你们,请认真组织实施。\n西安市人民政府办公厅\n2022年7月27日\n分工方案\n\
         序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n\
         1 | 编制市级行政许可事项清单。 | 市行政审批局 | 市司法局 | 2022年9月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.notice.title.as_deref(),
        Some(
            "西安市人民政府办公厅关于印发西安市贯彻落实陕西省《2022年深化“放管服”改革优化营商环境工作要点》分工方案的通知"
        )
    );
    assert!(!codes(&checked).contains(&"notice/title-marks"));

    let mut text = String::from(
        "\u{3000}\u{3000}咸政发〔2022〕4号\n咸阳市人民政府关于落实《政府工作报告》重点工作部门分\n工的意见\n\
         \u{3000}\u{3000}各县市区人民政府,市人民政府各工作部门、派出机构、\n直属事业机构:\n\
         \u{3000}\u{3000}为深入落实市九届人大一次会议通过的《政府工作报告》\n部署,实现经济社会发展目标,现就《政府工作报告》确定的\n\
         重点工作,提出部门分工意见如下:\n\u{3000}\u{3000}一、今后五年主要目标和重点任务\n",
    );
    text.push_str(
        "\u{3000}\u{3000}1.年均经济增速7%左右,到2026年,全体居民人均可支配\n\n— 1 —\n\n\
         收入超过38000元,非公经济增加值占比达到60%以上,城镇化\n率达到60%以上。(市政府各部门负责)\n\
         \u{3000}\u{3000}2.实施高新技术企业倍增计划,每年新认定高新技术企\n业50家以上,全社会研发经费投入强度达到2.2%以上,加快\n\
         秦创原咸阳协同创新中心建设。(市科技局负责)\n\
         \u{3000}\u{3000}3.实施重点项目300个以上,年度完成投资1000亿元以上,\n10月底前新开工项目全部开工。(市发改委负责)\n\
         \u{3000}\u{3000}咸阳市人民政府\n\u{3000}\u{3000}2022年4月15日\n",
    );
    let (_dir, input) = text_source("意见.txt", &text);
    let notice = published_text(&input, "通知.md");
    assert!(notice.contains("人均可支配收入超过38000元"), "{notice}");
}

/// Two table rows a lost line break ran together (…| 2023年10月底3 | 新建…): read apart,
/// the deadline without the next row's number, said.
#[test]
fn two_rows_run_together_are_read_apart() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "泾县2023年目标任务分解表\n序号 | 工作任务 | 牵头单位 | 协同单位 | 完成时限\n\
         1 | 地区生产总值增长6%左右。 | 县发展改革委 | 县统计局 | 2023年12月底\n\
         2 | 新开工亿元以上工业项目20个。 | 县经信局 | 县自然资源和规划局 | 2023年10月底3 | 新建高标准农田2.5万亩。 | 县农业农村局 | 县财政局 | 2023年11月底\n\
         4 | 改造农村公路50公里。 | 县交通运输局 | 县财政局 | 2023年12月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("2023年10月底")
    );
    assert_eq!(leads(plan, 3), ["县农业农村局"]);
    assert!(codes(&checked).contains(&"table/rows-run-together"));
}

/// A space-set row whose unit's name the page's width broke inside its brackets (各镇(街 /
/// 道)), its deadline misread (2O21): the name whole in its cell, the row's other cells
/// untouched, the year read as 2021.
#[test]
fn a_name_broken_inside_its_brackets_in_a_space_set_row_is_whole() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "大洼区2021年目标任务分解表\n序号     工作任务     牵头单位     配合单位     完成时限\n\
         1   新增规上工业企业10家。   区工业和信息化局   临港经济开发区管委会   2O21年12月\n\
         2   建设美丽宜居村30个。   区农业农村局   区住房和城乡建设局、各镇(街   2O21年11月\n\
         \u{20}               道)\n\
         3   新增城镇就业2000人。   区人力资源和社会保障局   各镇(街道)   2021年12月\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(supports(plan, 2), ["区住房和城乡建设局", "各镇（街道）"]);
    for no in [1, 2] {
        let task = plan.task(no).unwrap();
        assert!(
            task.deadline_text
                .as_deref()
                .is_some_and(|d| d.starts_with("2021年")),
            "{:?}",
            task.deadline_text
        );
    }
    assert!(!codes(&checked).contains(&"table/stray-line"));
}

/// A workbook row a page broke: its rest under the header repeated on the next page, with
/// no 序号, goes on with the task above (which stopped open), cell by cell — said.
#[test]
fn a_workbook_row_broken_by_a_page_goes_on_under_the_repeated_header() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let header = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"];
    let row = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 5]| {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r, c as u16, *v).unwrap();
            }
        }
    };
    row(sheet, 0, header);
    row(
        sheet,
        1,
        [
            "1",
            "完成高标准农田建设5万亩,",
            "区农业农村局",
            "区农垦集团、各镇",
            "2021年10月",
        ],
    );
    row(sheet, 2, ["— 2 —", "", "", "", ""]);
    row(sheet, 3, header);
    row(sheet, 4, ["", "配套建设灌排设施。", "", "(街道)", ""]);
    row(
        sheet,
        5,
        [
            "2",
            "建设美丽宜居村30个。",
            "区农业农村局",
            "区住房和城乡建设局",
            "2021年11月",
        ],
    );
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分解表.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "完成高标准农田建设5万亩,配套建设灌排设施。",
            "建设美丽宜居村30个。"
        ]
    );
    assert_eq!(supports(plan, 1), ["区农垦集团", "各镇（街道）"]);
    assert!(codes(&checked).contains(&"table/row-over-page"));
    assert!(!codes(&checked).contains(&"table/unnumbered-row"));
}

/// A web table pasted a cell a line, every cell closed by a bar: a line after a row's last
/// cell opens a cell of its own — the task's text of a row under the merged 序号, whose
/// other cells the page merged — never more of the 进展情况 cell above it.
#[test]
fn a_cell_after_a_closed_row_is_a_row_under_the_merged_number() {
    let table = "2023年区政府民生实事进展情况\n序号 |\n具体任务及目标 |\n牵头单位 |\n责任单位 |\n进展情况 |\n\
                 1 |\n完成区第二幼儿园建设。 |\n区教体局 |\n区国投集团 |\n已完工。 |\n\
                 2 |\n新建发热门诊1栋。 |\n慈化镇 |\n区卫健委 |\n已完工。 |\n";
    let (_dir, input) = text_source("进展.txt", &format!("{table}提升乡镇卫生院建设水平。 |\n"));
    let checked = fengong::check(&input).unwrap();
    let task = checked.plan.task(2).unwrap();
    assert_eq!(task.extra, ["已完工。"]);
    assert_eq!(task.content, "新建发热门诊1栋。提升乡镇卫生院建设水平。");
    assert_eq!(messages(&checked, "table/continued-row").len(), 1);
    // The same row again in full: its units are the task's already, not named twice.
    let full = format!("{table}提升乡镇卫生院建设水平。 |\n慈化镇 |\n区卫健委 |\n进行中。 |\n");
    let (_dir, input) = text_source("进展.txt", &full);
    let checked = fengong::check(&input).unwrap();
    let task = checked.plan.task(2).unwrap();
    let names: Vec<&str> = task.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["慈化镇", "区卫健委"]);
    assert!(codes(&checked).iter().all(|c| *c != "unit/run-together"));
}

/// A web page's information box copied as a table's rows (索 引 号 | … | 公文种类 | 其他 |
/// …), or as labelled lines with a label of another wording (公文种类:其他): no plan's
/// title — said, and its 发布日期 the plan's year.
#[test]
fn a_pages_box_in_rows_names_no_plan() {
    let tasks = "⑴强化招商意识。建立招商引资“红黑榜”制度。(责任单位:县经济合作局)\n\
                 ⑵抢抓合作机遇。持续开展招商引资“百日攻坚”活动。(责任单位:县经济合作局)\n";
    for head in [
        "索 引 号 | 008478033/2022-0140 | 公文种类 | 其他 | 发布机构 | 苍溪县政府 |\n\
         发布日期 | 2022-02-22 | 主题词 | 招商引资 |\n",
        "公文种类:其他\n发布日期:2022-02-22\n",
    ] {
        let (_dir, input) = text_source("招商.txt", &format!("{head}{tasks}"));
        let checked = fengong::check(&input).unwrap();
        assert_eq!(checked.plan.title, None, "{head}");
        assert_eq!(checked.plan.year, Some(2022), "{head}");
        assert!(codes(&checked).contains(&"plan/no-title"), "{head}");
        assert_eq!(messages(&checked, "source/unused").len(), 2, "{head}");
    }
}

/// The scrambled letters a forum puts after a line against copying (`- q( g' V( T: h`):
/// left out of the heading they follow, and said with the line; a figure or a term in
/// Latin letters after words stays.
#[test]
fn a_forums_scrambled_tail_is_left_out_and_said() {
    let (_dir, input) = text_source(
        "方案.txt",
        "深化川渝合作工作任务\n一、重点任务分解- q( g' V( T: h\n\
         1.共建川渝合作示范区,建成5G基站300个。(牵头单位:区发展改革委)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.sections[0].title, "重点任务分解");
    assert!(checked.plan.tasks[0].content.contains("5G基站300个"));
    let said = messages(&checked, "source/unused");
    assert!(
        said.iter().any(|m| m.contains("「- q( g' V( T: h」")),
        "{said:?}"
    );
}

/// A notice addressed to one kind of body (区级有关部门：) is a notice: made, its 主送 read.
#[test]
fn a_notice_to_bodies_concerned_is_a_notice() {
    let (_dir, input) = text_source(
        "通知.txt",
        "重庆市潼南区人民政府关于下达深化川渝合作工作任务的通知\n区级有关部门:\n\
         现将重点任务分解下达到各责任单位,请认真组织实施。\n\
         1.共建川渝合作示范区。(牵头单位:区发展改革委)\n2.推进城际快速通道建设。(牵头单位:区交通委)\n\
         重庆市潼南区人民政府\n2018年8月20日\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.recipients, ["区级有关部门"]);
    assert_eq!(notice.signer.as_deref(), Some("重庆市潼南区人民政府"));
    assert!(!codes(&checked).contains(&"notice/not-made"));
}

/// A 成文日期 in Chinese numerals whose 〇 is the letter O (二OO八年…) dates the notice, its
/// 署名 kept, the reading said; a 署名 the page cut inside its name (…梁平区人民) is said cut.
#[test]
fn a_sign_off_as_pages_write_and_cut_it() {
    let notice = "宝府办〔2008〕18号\n关于印发《2008年政府工作目标任务分解》的通知\n各镇人民政府:\n\
                  现将《2008年政府工作目标任务分解》印发给你们。\n特此通知\n宝山区人民政府办公室\n";
    let plan = "2008年政府工作目标任务分解\n一、促进经济发展。\n\
                1、加强经济运行分析,确保完成主要指标。(牵头单位:发改委)\n";
    let (_dir, input) = text_source("通知.txt", &format!("{notice}二OO八年二月二十六日\n{plan}"));
    let checked = fengong::check(&input).unwrap();
    let read = &checked.plan.notice;
    assert_eq!(read.signer.as_deref(), Some("宝山区人民政府办公室"));
    assert_eq!(read.date.as_deref(), Some("2008年2月26日"));
    let said = messages(&checked, "notice/date-format");
    assert!(
        said.iter().any(|m| m.contains("「二OO八年二月二十六日」")),
        "{said:?}"
    );
    let cut = "梁平府办发〔2021〕12号\n关于印发目标任务分解方案的通知\n各乡镇人民政府:\n\
               现将《目标任务分解方案》印发给你们。\n附件:目标任务分解方案\n重庆市梁平区人民\n";
    let (_dir, input) = text_source("通知.txt", cut);
    let refused = fengong::check(&input).unwrap_err().to_string();
    assert!(refused.contains("停在「…重庆市梁平区人民」"), "{refused}");
}

/// A level written once is lent to the names after it that have none — never to a body
/// named by its own place (大柴旦行委, a 行政委员会).
#[test]
fn a_level_is_not_lent_to_a_body_named_by_its_place() {
    let (_dir, input) = text_source(
        "方案.txt",
        "海西州健康工作任务分工\n1.推进健康乡村建设。\n责任单位:州卫生健康委\n\
         配合单位:州公安局、各市县人民政府、大柴旦行委\n完成时限:2020年12月31日\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(everyone(&checked.plan, 1).contains(&"大柴旦行委".to_string()));
    assert!(messages(&checked, "unit/level-shared").is_empty());
}

fn everyone(plan: &fengong::model::Plan, no: u32) -> Vec<String> {
    let task = plan.task(no).unwrap();
    task.units.iter().map(|u| u.name.clone()).collect()
}

/// A 领域 column before the tasks' names and texts (领域 | 序号 | 重要项目 | 目标任务和工作
/// 要求): the 领域 heads parts, each task its name and text — read as the same table without
/// the 领域 column is, in text and in a workbook.
#[test]
fn a_column_of_fields_before_named_tasks_heads_parts() {
    let rows = [
        [
            "一、经济发展",
            "1",
            "稳增长",
            "实现区级一般公共预算收入增长4%。",
            "区发展改革委",
            "区财政局",
        ],
        [
            "一、经济发展",
            "2",
            "优化营商环境",
            "企业开办时间压缩至3个工作日以内。",
            "区政府办公室",
            "区市场监管局",
        ],
        [
            "二、城区建设",
            "3",
            "旧区改造",
            "完成旧区改造2万平方米。",
            "区建设管理委",
            "区房管局",
        ],
    ];
    let header = [
        "领域",
        "序号",
        "重要项目",
        "目标任务和工作要求",
        "主责部门",
        "配合部门",
    ];
    let mut text = format!(
        "长宁区2019年重点工作目标\n| {} |\n| --- | --- | --- | --- | --- | --- |\n",
        header.join(" | ")
    );
    for row in &rows {
        text.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    let (_dir, input) = text_source("目标.txt", &text);
    let from_text = fengong::check(&input).unwrap().plan;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("目标.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let from_book = fengong::check(&path).unwrap().plan;
    for plan in [&from_text, &from_book] {
        assert_eq!(
            plan.task(1).unwrap().content,
            "稳增长：实现区级一般公共预算收入增长4%。"
        );
        let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["经济发展", "城区建设"]);
        assert_eq!(plan.sections[1].groups[0].tasks, [3]);
        assert_eq!(plan.task(1).unwrap().targets.len(), 1);
    }
}

/// Rows under one merged 序号, each numbered in its text (1.… / 2.… / 3.…): the first
/// row's own number is taken off as the others' are, in a text table as in a workbook.
#[test]
fn rows_numbered_in_their_text_under_one_number_read_alike() {
    let (_dir, input) = text_source(
        "目标.txt",
        "区政府2024年重点工作目标任务分解落实方案\n| 序号 | 项目 | 重点工作目标任务 | 责任单位 |\n\
         | --- | --- | --- | --- |\n| 1 | 主要预期目标 | 1.地区生产总值增长5%以上。 | ★区发改委 |\n\
         |  |  | 2.一般公共预算收入同口径增长6%以上。 | ★区财政局 |\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "地区生产总值增长5%以上。",
            "一般公共预算收入同口径增长6%以上。"
        ]
    );
}

/// A plan's file of its own opening with its 附件 mark, beside the notice that lists it:
/// the mark is the attachment's, printed with the notice, nothing said left out.
#[test]
fn an_attachment_files_mark_is_the_notices() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("通知.md"),
        "济长政办字〔2021〕3号\n济南市长清区人民政府办公室关于印发《重点工作任务分工》的通知\n\
         各街道办事处:\n现将《重点工作任务分工》印发给你们。\n附件:重点工作任务分工\n\
         济南市长清区人民政府办公室\n2021年3月30日\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("附件.md"),
        "附件\n重点工作任务分工\n| 序号 | 重点工作任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n\
         | 1 | 完成老旧小区改造12个。 | 区住房城乡建设局 | 2021年10月底 |\n",
    )
    .unwrap();
    let checked = fengong::check(dir.path()).unwrap();
    assert!(messages(&checked, "source/unused").is_empty());
    std::fs::remove_file(dir.path().join("通知.md")).unwrap();
    let alone = fengong::check(dir.path()).unwrap();
    assert_eq!(messages(&alone, "source/unused").len(), 1);
}

/// A `|` row short of merged cells whose trailing empty 备注 lost its bar too: its last cell,
/// a time, ends at the 完成时限 column — read as the row with its bar is.
#[test]
fn a_short_row_that_lost_its_empty_last_cell_ends_at_its_time() {
    let (_dir, input) = text_source(
        "方案.txt",
        "西安市落实分工方案\n序号 | 部署任务 | 落实措施 | 牵头单位 | 责任单位 | 完成时限 | 备注\n\
         (一)全面实施行政许可事项清单管理。 | 1.编制并公布行政许可事项清单。 | (1)编制市级行政许可事项清单。 | 市行政审批局 | 各区县政府 | 2022年9月底\n\
         (2)清理整治变相许可。 | 市司法局 | 各区县政府 | 2022年11月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2, "{:?}", codes(&checked));
    assert_eq!(plan.task(2).unwrap().content, "清理整治变相许可。");
    assert_eq!(leads(plan, 2), ["市司法局"]);
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("2022年11月底")
    );
    assert!(!codes(&checked).contains(&"table/bad-number"));
}

/// A notice without a title of its own issuing two plans is titled with both.
#[test]
fn an_untitled_notice_issuing_two_plans_is_titled_with_both() {
    let (_dir, input) = text_source(
        "通知.txt",
        "各镇人民政府:\n现将两个责任分解方案印发给你们,请认真落实。\n附件:1.甲方案\n2.乙方案\n\
         嘉鱼县人民政府办公室\n2021年5月12日\n附件1\n甲方案\n一、重点工作\n\
         (一)新建农村公路100公里。(牵头单位:县交通运输局;责任单位:县财政局)\n附件2\n乙方案\n\
         (一)推进武深高速建设。(牵头单位:县交通运输局;责任单位:县自然资源和规划局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let said = messages(&checked, "notice/no-title");
    assert!(
        said.iter()
            .any(|m| m.contains("「关于印发《甲方案》和《乙方案》的通知」")),
        "{said:?}"
    );
    let notice = published_text(&input, "通知.md");
    assert!(
        notice.contains("关于印发《甲方案》和《乙方案》的通知"),
        "{notice}"
    );
}

/// Who filled a ledger in, under its table (填表人：… 联系电话：…), is a note on the form:
/// said as such, not as a row whose 序号 is no number.
#[test]
fn a_ledgers_filled_by_row_is_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [&[&str]; 3] = [
        &["序号", "重点工作任务", "责任单位", "完成时限"],
        &[
            "1",
            "完成老旧小区改造12个。",
            "区住房城乡建设局",
            "2021年10月底",
        ],
        &["填表人：区政府办公室督查科", "", "联系电话：87221234", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 1);
    assert!(!codes(&checked).contains(&"table/bad-number"));
    assert_eq!(messages(&checked, "table/note-row").len(), 1);
}

/// A 附注 set beside the date on its line ((此件发至乡)    2017年6月13日): the 署名 above
/// read, the date read, the 附注 kept under it — never the three glued into the body.
#[test]
fn an_annotation_beside_the_date_leaves_the_sign_off_whole() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发《某市河长制工作实施方案》的通知\n\n某办发〔2017〕19号\n\n各乡(镇)人民政府:\n\n\
         《某市河长制工作实施方案》已经市委、市政府同意,现印发给你们,请认真贯彻执行。\n\n\
         中共某市委办公室\n某市人民政府办公室\n\n(此件发至乡)                  2017年6月13日\n\n\
         某市河长制工作实施方案\n序号\t工作内容\t牵头单位\t完成时限\n1\t完成河湖划界。\t市水利局\t2017年12月\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.signer.as_deref(),
        Some("中共某市委办公室\n某市人民政府办公室")
    );
    assert_eq!(notice.date.as_deref(), Some("2017年6月13日"));
    assert_eq!(notice.annotation.as_deref(), Some("(此件发至乡)"));
    assert!(!codes(&checked).contains(&"notice/no-date"));
}

/// A letter l (or I) a scan read for 1 in a figure, and 曰 for the 日 of a date: the 文号,
/// the 成文日期 and a deadline read as meant (2025年l2月 is December, never February), each
/// said; a row a page broke whose two empty cells were copied as one is moved right under
/// its header by its time, which never becomes a unit.
#[test]
fn figures_a_scan_misread_and_a_row_short_after_a_page_break_are_read_as_meant() {
    let (_dir, input) = text_source(
        "方案.txt",
        "临政办发(2O25)l2号\n临江区人民政府办公室关于印发重点任务分工方案的通知\n\
         各街道办事处，区政府各部门：\n现将《临江区重点任务分工方案》印发给你们，请认真贯彻落实。\n\
         附件：临江区重点任务分工方案\n临江区人民政府办公室\n2025年2月l8曰\n\
         临江区重点任务分工方案\n\n序号\t项目名称\t具体任务\t牵头单位\t责任单位\t完成时限\n\
         1\t安全生产\t开展隐患排查整治，整改率达到l00%。\t区应急管理局\t各街道办事处\t2025年l2月底前\n\
         2\t学校建设\t新建中小学校4所，其中东湖实验学校、\n\n第2页 共3页\n\n\
         序号\t项目名称\t具体任务\t牵头单位\t责任单位\t完成时限\n\
         \t滨江小学于9月开学前投入使用。\t区教育局\t区自然资源局\t2025年9月1日前\n\
         3\t就业帮扶\t开展职业技能培训5000人次。\t区人力资源社会保障局\t各街道办事处\t2025年12月底前\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.doc_number.as_deref(),
        Some("临政办发〔2025〕12号")
    );
    assert_eq!(plan.notice.date.as_deref(), Some("2025年2月18日"));
    assert_eq!(plan.notice.signer.as_deref(), Some("临江区人民政府办公室"));
    let deadline = |no: u32| plan.task(no).unwrap().deadline.map(|d| d.to_string());
    assert_eq!(deadline(1).as_deref(), Some("2025-12-31"));
    assert!(plan.task(1).unwrap().content.contains("整改率达到100%"));
    assert_eq!(plan.task(1).unwrap().targets.len(), 1);
    let said = messages(&checked, "source/ocr-mended").join("；");
    for mended in [
        "「l2」读作「12」",
        "「l8曰」读作「18日」",
        "「l00」读作「100」",
    ] {
        assert!(said.contains(mended), "{mended}: {said}");
    }
    // Task 2 whole, its units and time in their columns.
    let task = plan.task(2).unwrap();
    assert!(
        task.content.ends_with("滨江小学于9月开学前投入使用。"),
        "{}",
        task.content
    );
    assert_eq!(leads(plan, 2), ["区教育局"]);
    assert_eq!(deadline(2).as_deref(), Some("2025-09-01"));
    assert!(!plan.units.iter().any(|u| u.name.contains("2025年")));
    let moved = messages(&checked, "table/cells-moved-left").join("；");
    assert!(moved.contains("最后一格是完成时限"), "{moved}");
}

/// The 版记 at the very end of a text, under the plan's table, where GB/T 9704 puts it
/// (after the attachments): the notice's 抄送 and 印发 lines, printed in the notice — not a
/// table's stray line nor a row whose 序号 is the office's name.
#[test]
fn the_imprint_under_the_table_is_the_notices() {
    let (_dir, input) = text_source(
        "方案.txt",
        "泰政办发〔2025〕21号\n泰和区人民政府办公室关于印发泰和区营商环境任务分工方案的通知\n\n\
         区政府各部门：\n\n现将《泰和区营商环境任务分工方案》印发给你们，请认真贯彻落实。\n\n\
         泰和区人民政府办公室\n2025年3月18日\n\n泰和区营商环境任务分工方案\n\n\
         序号\t重点任务\t牵头单位\t完成时限\n1\t推行企业开办“一网通办”。\t区市场监管局\t2025年6月底前\n\n\
         — 3 —\n\n抄送：区委各部门，区人大常委会办公室。\n泰和区人民政府办公室\t2025年3月18日印发\n",
    );
    let checked = fengong::check(&input).unwrap();
    let (copy_to, printed) = checked.plan.notice.imprint_fields();
    assert_eq!(copy_to.as_deref(), Some("区委各部门，区人大常委会办公室"));
    assert_eq!(
        printed,
        Some((
            "泰和区人民政府办公室".to_string(),
            "2025年3月18日".to_string()
        ))
    );
    for code in [
        "table/stray-line",
        "table/bad-number",
        "table/after-table",
        "source/unused",
    ] {
        assert!(
            messages(&checked, code).is_empty(),
            "{code}: {:?}",
            messages(&checked, code)
        );
    }
    let printed = published_text(&input, "通知.md");
    assert!(
        printed.contains("抄送：区委各部门，区人大常委会办公室"),
        "{printed}"
    );
    assert!(printed.contains("2025年3月18日印发"), "{printed}");
}
