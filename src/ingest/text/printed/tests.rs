use super::*;

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

fn restored(text: &str) -> (Vec<String>, Vec<Diagnostic>) {
    let mut lines = lines(text);
    let mut said = Vec::new();
    restore(&mut lines, Places::lines("scan.txt"), &mut said);
    (lines, said)
}

/// A page of a plan as a scan reads back: indented paragraphs wrapped at the page's width,
/// a page number and the 文号 again at the top of the next page.
const SCANNED: &str = "\
白溪县人民政府办公室
白政办发〔2026〕3号
　　一、工作目标
　　到2026年底，全县农村生活污水治理率达到百分之六十以上，
行政村生活垃圾收运处置体系覆盖率保持百分之百，村容村貌
明显改善。
　　二、重点任务
　　（一）治理农村生活污水。新建和改造农村生活污水处理设施
30座，完善配套管网（县生态环境局牵头，县住建局、各乡镇配
合，2026年10月底前完成）。

— 2 —

白政办发〔2026〕3号
　　（二）整治村庄环境卫生。开展村庄清洁行动，清理房前屋后
杂物堆放（县农业农村局牵头，各乡镇配合，2026年6月底前完成
）。
　　三、保障措施
　　各乡镇要落实属地责任。";

#[test]
fn page_numbers_and_running_heads_are_left_out_and_said() {
    let (lines, said) = restored(SCANNED);
    assert!(lines.iter().all(|l| !l.contains("— 2 —")));
    // The 文号 at the top stays; its repeat under the page number goes.
    assert_eq!(lines.iter().filter(|l| l.contains("白政办发")).count(), 1);
    let note = said
        .iter()
        .find(|d| d.code == "source/page-furniture")
        .unwrap();
    assert!(
        note.message.contains("「— 2 —」「白政办发〔2026〕3号」"),
        "{}",
        note.message
    );
    assert!(note.message.contains("第 12、14 行"), "{}", note.message);
    assert_eq!(note.location.line_no(), Some(12));
}

#[test]
fn an_attachments_label_at_its_pages_top_is_no_running_head() {
    let text = "\
附件
某区2025年工作要点
一、做大做强数字产业

— 2 —

附件
某区2025年工作要点任务分解表";
    let (lines, said) = restored(text);
    assert_eq!(lines.iter().filter(|l| l.trim() == "附件").count(), 2);
    let note = said.iter().find(|d| d.code == "source/page-furniture");
    assert!(
        note.is_some_and(|n| !n.message.contains("「附件」")),
        "{note:?}"
    );
}

#[test]
fn lines_broken_at_the_page_width_are_joined_back_into_their_paragraphs() {
    let (lines, said) = restored(SCANNED);
    let filled: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        filled,
        [
            "白溪县人民政府办公室",
            "白政办发〔2026〕3号",
            "一、工作目标",
            "到2026年底，全县农村生活污水治理率达到百分之六十以上，行政村生活垃圾收运处置体系覆盖率保持百分之百，村容村貌明显改善。",
            "二、重点任务",
            "（一）治理农村生活污水。新建和改造农村生活污水处理设施30座，完善配套管网（县生态环境局牵头，县住建局、各乡镇配合，2026年10月底前完成）。",
            "（二）整治村庄环境卫生。开展村庄清洁行动，清理房前屋后杂物堆放（县农业农村局牵头，各乡镇配合，2026年6月底前完成）。",
            "三、保障措施",
            "各乡镇要落实属地责任。",
        ]
    );
    // Lines keep their numbers: a paragraph stays on its first line.
    assert!(lines[3].contains("到2026年底"));
    let note = said.iter().find(|d| d.code == "source/rewrapped").unwrap();
    assert!(note.message.contains("6 处"), "{}", note.message);
}

#[test]
fn text_with_a_paragraph_on_each_line_is_left_as_it_is() {
    let text = "\
一、工作目标
到2026年底，全县农村生活污水治理率达到百分之六十以上，行政村生活垃圾收运处置体系覆盖率保持百分之百。
二、重点任务
（一）治理农村生活污水。新建和改造农村生活污水处理设施30座（县生态环境局牵头，2026年10月底前完成）。
（二）整治村庄环境卫生。开展村庄清洁行动，清理房前屋后杂物堆放（县农业农村局牵头，2026年6月底前完成）。
组织防汛应急演练，每个乡镇至少开展1次
县应急管理局
2026年6月底前
加强监测预警，实现预警信息到村到户到人
县气象局
2026年5月底前";
    let (lines, said) = restored(text);
    assert_eq!(lines, self::lines(text));
    assert!(said.is_empty(), "{said:#?}");
}

#[test]
fn a_table_set_with_single_spaces_gets_its_cells_apart() {
    let text = "\
序号 工作任务 责任单位 完成时限
1 整治城区背街小巷20条 县住建局、县城管局 2026年9月底前

2 新建公厕15座 县城管局 2026年10月底前
三、保障措施";
    let (lines, _) = restored(text);
    assert_eq!(lines[0], "序号\t工作任务\t责任单位\t完成时限");
    assert_eq!(
        lines[1],
        "1\t整治城区背街小巷20条\t县住建局、县城管局\t2026年9月底前"
    );
    assert_eq!(lines[3], "2\t新建公厕15座\t县城管局\t2026年10月底前");
    assert_eq!(lines[4], "三、保障措施");
}

/// A column no kind names but titled as a column (一季度完成情况) is an extra one; a
/// leader's name padded to three characters' width (路 军) is one cell.
#[test]
fn a_space_set_table_keeps_its_extra_column_and_padded_names() {
    let text = "\
序号 目标任务 牵头县领导 牵头责任单位 一季度完成情况
1 地区生产总值增长9%以上。 路 军 发展改革委 数据上报中
2 固定资产投资增长10%。 屈 磊 商务局 完成18.6亿元";
    let (lines, _) = restored(text);
    assert_eq!(
        lines[0],
        "序号\t目标任务\t牵头县领导\t牵头责任单位\t一季度完成情况"
    );
    assert_eq!(
        lines[1],
        "1\t地区生产总值增长9%以上。\t路 军\t发展改革委\t数据上报中"
    );
    assert_eq!(
        lines[2],
        "2\t固定资产投资增长10%。\t屈 磊\t商务局\t完成18.6亿元"
    );
}

/// A row with a word more (a cell holding a space) or fewer (an empty cell) than the
/// header's columns: which cell is which cannot be told, so no row of the table is split.
#[test]
fn a_table_whose_rows_do_not_split_evenly_is_left_as_it_is() {
    for odd in [
        "2 新建公厕 15座 县城管局 2026年10月底前",
        "2 新建公厕15座 县城管局",
    ] {
        let text = format!(
            "序号 工作任务 责任单位 完成时限\n1 整治城区背街小巷20条 县住建局 2026年9月底前\n{odd}"
        );
        let (lines, _) = restored(&text);
        assert_eq!(lines, self::lines(&text), "{odd}");
    }
}

#[test]
fn a_line_of_words_that_are_not_all_column_names_is_no_header() {
    let text = "序号 工作任务 责任单位 以及其他";
    let (lines, _) = restored(text);
    assert_eq!(lines[0], text);
}

#[test]
fn characters_set_apart_and_a_letter_o_between_digits_are_mended_and_said() {
    let text =
        format!("{SCANNED}\n（县 水 利 局牵头，2O25年5月15日前完成）\n张 三\n主 题 词：防汛");
    let (lines, said) = restored(&text);
    let at = lines.len() - 3;
    assert_eq!(lines[at], "（县水利局牵头，2025年5月15日前完成）");
    // Two characters apart may be a name set out on purpose, a label's on purpose.
    assert_eq!(lines[at + 1], "张 三");
    assert_eq!(lines[at + 2], "主 题 词：防汛");
    let note = said.iter().find(|d| d.code == "source/ocr-mended").unwrap();
    assert!(
        note.message.contains("「县 水 利 局」→「县水利局」"),
        "{}",
        note.message
    );
    assert!(
        note.message.contains("「2O25」读作「2025」"),
        "{}",
        note.message
    );
}

/// A web page's letters set apart on purpose (索 引 号, a header's 工 作 任 务) stay as
/// they are when nothing shows the text came from printed pages; a letter O between
/// digits is a zero in any text.
#[test]
fn letters_set_apart_in_a_text_not_printed_stay_apart() {
    let text = "索 引 号 MB1534522/2023-05475\n分   类 政务公开 有 效 性 有效\n工 作 任 务\n2O25年";
    let (lines, _) = restored(text);
    assert_eq!(lines[..3], self::lines(text)[..3]);
    assert_eq!(lines[3], "2025年");
}

#[test]
fn page_numbers_are_told_from_figures() {
    for line in [
        "— 2 —",
        "-3-",
        "－ 12 －",
        "— — — 3 —",
        "第 2 页 共 9 页",
        "第３页",
    ] {
        assert!(is_page_number(line), "{line}");
    }
    for line in ["2", "2025", "— 2025年 —", "第2页内容", "- 项目"] {
        assert!(!is_page_number(line), "{line}");
    }
}

/// A document flattened to one line (…工作计划。 一、总体要求 … 二、年度任务 …): its parts
/// cannot be told apart; said with the headings it holds, the text left as it is.
#[test]
fn a_document_run_together_on_one_line_is_said() {
    let body = "深入贯彻落实上级部署，持续改善农村人居环境，建设美丽宜居乡村。".repeat(8);
    let line = format!(
        "某街道2021年工作计划 为推动工作，制订本计划。 一、总体要求 {body} 二、年度任务及责任分解 （一）农村改路。{body}（责任单位:城建中心）"
    );
    let (out, said) = restored(&line);
    assert_eq!(out, std::slice::from_ref(&line));
    let said: Vec<(&str, &str)> = (said.iter())
        .map(|d| (d.code.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0, "text/run-together");
    assert!(
        said[0]
            .1
            .contains("「一、总体要求」「二、年度任务及责任分解」「（一）农村改路」"),
        "{said:?}"
    );
    // A long paragraph that quotes a heading once is a paragraph.
    let (_, said) = restored(&format!("{body}如第一条所说 一、总体要求 已经明确。{body}"));
    assert!(said.is_empty(), "{said:?}");
    // A short line whose line breaks became spaces holds its parts run together too; a
    // paragraph listing its points after ； does not.
    let short = "某镇人民政府关于印发分工的通知 某政〔2026〕2号 现将任务分解如下。 一、项目建设 （一）道路。 1.修路。（镇建设办牵头）";
    let (_, said) = restored(short);
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].code, "text/run-together");
    let listed = "重点抓好三项工作：（一）修路；（二）建桥；（三）治水。";
    let (_, said) = restored(listed);
    assert!(said.is_empty(), "{said:?}");
}

#[test]
fn a_running_head_inside_a_sentence_is_taken_out_and_said() {
    let text = "白溪县人民政府\n白政〔2026〕3号\n各乡镇：\n对有明确时间节点的重白溪县人民政府文件白政〔2026〕4号大工作实行专项督查。";
    let (lines, said) = restored(text);
    assert_eq!(lines[3], "对有明确时间节点的重大工作实行专项督查。");
    // The head and number standing on their own lines are the notice's, not a page's.
    assert_eq!(lines[0], "白溪县人民政府");
    assert_eq!(lines[1], "白政〔2026〕3号");
    let note = said
        .iter()
        .find(|d| d.code == "source/page-furniture")
        .unwrap();
    assert!(
        note.message
            .contains("「白溪县人民政府文件白政〔2026〕4号」"),
        "{}",
        note.message
    );
    assert_eq!(note.location.line_no(), Some(4));
}

/// A letter O ending a figure before a word or a sign is a zero (新建4O个, 1OO%); one in a
/// name in letters (O2O, X1O) is the name's.
#[test]
fn a_letter_o_ending_a_figure_is_a_zero_but_not_in_a_name() {
    for (read, meant) in [
        ("新建充电桩4O个", "新建充电桩40个"),
        ("覆盖率达到1OO%。", "覆盖率达到100%。"),
        ("2O21年12月", "2021年12月"),
        ("发展O2O模式", "发展O2O模式"),
        ("型号X1O设备", "型号X1O设备"),
        ("3Ostrich", "3Ostrich"),
    ] {
        assert_eq!(letter_o_as_zero(read), meant, "{read}");
    }
}

/// A letter l or I in a figure is a 1 (2025年l2月底前, l00%), and 曰 after one is 日; a
/// name in letters keeps its own (I2C, Il2, Wi-Fi 6).
#[test]
fn a_letter_l_in_a_figure_is_a_one_and_yue_after_it_is_ri() {
    for (read, meant) in [
        ("2025年l2月底前", "2025年12月底前"),
        ("整改率达到l00%", "整改率达到100%"),
        ("临政办发(2O25)l2号", "临政办发(2025)12号"),
        ("2025年2月l8曰", "2025年2月18日"),
        ("2025年6月3O曰前", "2025年6月30日前"),
        ("接口I2C模块", "接口I2C模块"),
        ("Il2", "Il2"),
        ("在l个月内", "在l个月内"),
        ("子曰：学而时习之", "子曰：学而时习之"),
    ] {
        assert_eq!(misread_figures(read), meant, "{read}");
    }
}

/// `pdftotext -layout` centres a page's number with no dashes: a figure alone, well in,
/// blank lines around it, the pages' figures counting up — said, left out. The plan's title
/// over each page from the first (before 附件 on the first page) is a running head.
#[test]
fn bare_page_numbers_and_a_head_over_every_page_are_page_furniture() {
    let text = "\
  关于做好供水保障工作的通知。

                1
\u{c}          柳川县供水保障方案

附件
 柳川县供水保障方案
  一、目标任务

                2
\u{c}          柳川县供水保障方案
  二、工作要求
  共 3 项：
3
";
    let (lines, said) = restored(text);
    let kept: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(!kept.contains(&"1") && !kept.contains(&"2"), "{kept:?}");
    // A figure at the margin with text right above it is no page's number.
    assert!(kept.contains(&"3"), "{kept:?}");
    assert_eq!(
        kept.iter()
            .filter(|l| l.ends_with("柳川县供水保障方案"))
            .count(),
        1,
        "{kept:?}"
    );
    let furniture = said
        .iter()
        .find(|d| d.code == "source/page-furniture")
        .unwrap();
    assert!(
        furniture
            .message
            .contains("「1」「柳川县供水保障方案」「2」"),
        "{}",
        furniture.message
    );
    // Figures that do not count up are no page numbers.
    let (lines, _) = restored("甲。\n\n          5\n\n乙。\n\n          2\n\n丙。");
    assert!(lines.iter().any(|l| l.trim() == "5"));
}

/// A task's bracketed assignment the page's width pushed onto a line of its own goes back
/// onto the task's line; a sentence that opens with a bracket of another kind stays.
#[test]
fn an_assignment_pushed_onto_its_own_line_goes_back_to_its_task() {
    let (lines, said) = restored(
        "3．推进互助式养老睦邻点建设，新增睦邻点40个。\n（牵头单位：区农业农村委；配合单位：区民政局）\n（此件公开发布）",
    );
    assert_eq!(
        lines[0],
        "3．推进互助式养老睦邻点建设，新增睦邻点40个。（牵头单位：区农业农村委；配合单位：区民政局）"
    );
    assert!(lines[1].is_empty());
    assert_eq!(lines[2], "（此件公开发布）");
    assert!(said.iter().any(|d| d.message.contains("责任单位括注")));
}

/// A page's head over every page stands over the first too, above the 版头: left out with
/// the others. A table's rows and its cells' pieces set far in say nothing of the page's
/// width: the notice's wrapped 附件说明 still joins back, and the 署名 under it reads.
#[test]
fn the_head_of_every_page_and_a_tables_width_do_not_mislead() {
    let row = format!("{}县水利局{}县财政局", " ".repeat(40), " ".repeat(12));
    let piece = format!("{}区市场监管局、", " ".repeat(70));
    let mut text =
        String::from("          柳川县人民政府办公室文件\n\n柳川县人民政府办公室文件\n\n");
    for _ in 0..6 {
        text.push_str("  各乡镇、各部门要按照要求，认真抓好各项任务的落实，确保年底前\n");
        text.push_str("全部完成，并将进展情况及时报送县发展改革局。\n");
    }
    text.push_str("    附件：柳川县2025年农村供水保障提升工作方案任务分工\n表\n\n");
    for _ in 0..8 {
        text.push_str(&row);
        text.push('\n');
        text.push_str(&piece);
        text.push('\n');
    }
    for page in 1..=2 {
        text.push_str(&format!(
            "\n              — {page} —\n\n          柳川县人民政府办公室文件\n甲。\n"
        ));
    }
    let (lines, _) = restored(&text);
    assert!(lines[0].is_empty(), "{:?}", &lines[..3]);
    assert_eq!(lines[2], "柳川县人民政府办公室文件");
    assert!(
        (lines.iter()).any(|l| l.ends_with("附件：柳川县2025年农村供水保障提升工作方案任务分工表")),
        "{lines:#?}"
    );
}

/// A line the page's width broke before a figure (`…淘汰更新` / `300 辆。`) goes on with its
/// sentence: a figure with its measure word is no item's number.
#[test]
fn a_line_opening_with_a_quantity_goes_on_with_its_sentence() {
    let mut text = String::new();
    for _ in 0..4 {
        text.push_str("  各有关单位要按照本方案要求，认真组织实施，确保各项任务按期完\n成，并及时报送工作进展情况。\n");
    }
    text.push_str("  3．加强机动车排气污染监管，完成老旧柴油货车淘汰更新工作共计\n300 辆。\n  4．推进工地扬尘治理。\n");
    let (lines, _) = restored(&text);
    assert!(
        (lines.iter()).any(|l| l.ends_with("淘汰更新工作共计300 辆。")),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.trim() == "4．推进工地扬尘治理。"));
    // Only a quantity closing its clause: a number before words may be an item's.
    assert!(!opens_a_block("25 个。（牵头单位：区住建局）"));
    assert!(opens_a_block("5 家庭医生签约服务覆盖率达到80%。"));
}

/// A joint title over three lines as wide as the page's: its last line ends the title, the
/// 主送 under it stays a line of its own. (A notice laid out in Word, printed, taken out by
/// `pdftotext -layout`.)
#[test]
fn a_title_as_wide_as_the_page_ends_where_it_names_its_kind() {
    let text = "\
中 共 广 州 市 天 河 区 委 办 公 室
广州市天河区人民政府办公室                文件
广 州 市 天 河 区 人 民 武 装 部

         天委办发〔2025〕7 号

中共广州市天河区委办公室 广州市天河区人
民政府办公室 广州市天河区人民武装部关于
印发《天河区 2025 年双拥工作要点》的通知
各街道党工委、办事处，区委各部委办局，区直各单位：
  《天河区 2025 年双拥工作要点》已经区委、区政府、区
人民武装部同意，现印发给你们，请认真贯彻落实。

  附件：天河区 2025 年双拥工作要点



                  中共广州市天河区委办公室
                 广州市天河区人民政府办公室
                   广州市天河区人民武装部
                      2025 年 3 月 5 日




              —1—
附件
     天河区 2025 年双拥工作要点
  为巩固发展军政军民团结，制定本工作要点。
  一、落实拥军优属政策
  开展“八一”建军节走访慰问活动。
  落实军人军属优待政策，发放优待金。
  做好随军家属就业安置。
  落实军人子女入学优待。
  二、加强全民国防教育
  开展国防教育进机关活动。
  组织高校国防教育讲座。
  开展全民国防教育日宣传。
  做好征兵宣传和兵役登记。
  三、巩固军政军民团结
  推进退役军人服务站规范化建设。
  开展军营周边治安环境整治。
  保障军事设施周边电力供应。
  落实军休干部医疗保障。
  推动军地人才双向交流。
  做好双拥模范城复审迎检。
  附件：天河区 2025 年双拥工作任务分工




            —2—";
    let (lines, said) = restored(text);
    assert!(said.iter().any(|d| d.code == "source/rewrapped"));
    assert!(
        lines
            .iter()
            .any(|l| l.trim() == "各街道党工委、办事处，区委各部委办局，区直各单位："),
        "{lines:#?}"
    );
}

/// A table's cell cut by a page with no header repeated: the line at the next page's top
/// (区人民武装部、) matches a cell's line above, but ends mid-list — no running head.
#[test]
fn a_cells_line_at_a_pages_top_is_no_running_head() {
    let text = "\
序号   工作任务                     牵头单位     配合单位
                                                区人民武装部、
 7     开展全民国防教育日宣传。     区委宣传部   区直机关工委
 12    落实军休干部医疗保障。       区卫生健康局 区医疗保障局

                                 —3—
                                                区人民武装部、
 13    推动军地人才双向交流。       区委组织部   区人力资源和社
                                                会保障局";
    let (_, said) = restored(text);
    let furniture = said
        .iter()
        .find(|d| d.code == "source/page-furniture")
        .unwrap();
    assert!(
        !furniture.message.contains("区人民武装部"),
        "{}",
        furniture.message
    );
}
