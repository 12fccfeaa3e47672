//! Word documents made by independent tools (python-docx, LibreOffice; see
//! `tests/fixtures/docx/make_fixtures.py` and `EXPECTED.md`): what the reader gets from
//! each, and the plan fengong reads from them, end to end.

use crate::common;

use std::path::PathBuf;

use common::*;
use fengong::ingest::docx::{Block, DocxError, Paragraph, Table, VMerge, read};
use fengong::model::Plan;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docx")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect()
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
        .collect()
}

/// The text of the cell that covers grid `column` in `row`.
fn cell(table: &Table, row: usize, column: usize) -> &str {
    table.rows[row]
        .cells
        .iter()
        .find(|c| c.column <= column && column < c.column + c.span)
        .map(|c| c.text.as_str())
        .unwrap_or("")
}

#[test]
fn the_seed_as_a_word_gongwen() {
    let doc = read(&fixture("seed_gongwen.docx")).unwrap();
    let paras = paragraphs(&doc.blocks);
    let by_index = |i: usize| paras.iter().find(|p| p.index == i).unwrap();
    let head = by_index(1);
    assert!(
        head.red && head.text.contains("上海市嘉定区发展和改革委员会"),
        "{head:?}"
    );
    assert!(by_index(3).bottom_border, "the 文号 sits on the red rule");
    assert!(by_index(3).text.contains("14号"));
    assert!(by_index(5).text.starts_with("关于印发《"));
    assert_eq!(
        by_index(16).bold_lead.as_deref(),
        Some("推动友好理念融入规划体系。")
    );
    let groups = paras.iter().filter(|p| p.bold_lead.is_some()).count();
    assert_eq!(groups, 20, "one bold lead per prose group");

    let tables = tables(&doc.blocks);
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    assert_eq!(table.rows.len(), 83);
    assert!(table.rows[0].header);
    assert_eq!(cell(table, 0, 2), "具体内容");
    // Section rows span the whole grid.
    for row in [1, 13, 37, 64] {
        assert_eq!(table.rows[row].cells.len(), 1, "row {}", row + 1);
        assert_eq!(table.rows[row].cells[0].span, 4);
        assert!(cell(table, row, 0).contains("进一步"));
    }
    // 主要事项 merged down over a group's rows: task 1 starts a region, task 2 continues it.
    let task_row = |no: &str| {
        table
            .rows
            .iter()
            .position(|r| r.cells.iter().any(|c| c.column == 1 && c.text == no))
            .unwrap()
    };
    let first = &table.rows[task_row("1")].cells[0];
    let second = &table.rows[task_row("2")].cells[0];
    assert_eq!(first.merge, VMerge::Restart);
    assert!(first.text.contains("推动友好理念融入规划体系"));
    assert_eq!(second.merge, VMerge::Continue);
    let tasks = table
        .rows
        .iter()
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| c.column == 1 && c.text.parse::<u32>().is_ok())
        })
        .count();
    assert_eq!(tasks, 78);
    assert!(cell(table, task_row("38"), 3).starts_with("区交通委"));
}

#[test]
fn automatic_numbers_are_rebuilt_with_their_restarts() {
    let doc = read(&fixture("auto_numbered.docx")).unwrap();
    let paras = paragraphs(&doc.blocks);
    let numbers: Vec<&str> = paras
        .iter()
        .map(|p| p.number.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(&numbers[..4], ["一、", "（一）", "1.", "2."]);
    let sections: Vec<&str> = numbers
        .iter()
        .copied()
        .filter(|n| n.ends_with('、'))
        .collect();
    assert_eq!(sections, ["一、", "二、", "三、", "四、"]);
    // （一） restarts under each section; 1. under each group.
    assert_eq!(numbers.iter().filter(|n| **n == "（一）").count(), 3);
    assert_eq!(numbers.iter().filter(|n| **n == "1.").count(), 6);
    assert!(
        paras
            .iter()
            .all(|p| !p.text.starts_with('一') || p.number.is_empty()),
        "no number is typed in the text"
    );
    let task = paras
        .iter()
        .find(|p| p.text.starts_with("推进高频政务服务事项"))
        .unwrap();
    assert_eq!(task.number, "1.");
    assert!(task.text.contains("牵头单位：县政务服务中心"));
}

#[test]
fn separate_columns_and_merged_section_rows() {
    let doc = read(&fixture("separate_columns.docx")).unwrap();
    let tables = tables(&doc.blocks);
    let table = tables[0];
    assert_eq!(table.rows.len(), 19);
    let header: Vec<&str> = (0..5).map(|c| cell(table, 0, c)).collect();
    assert_eq!(
        header,
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    );
    assert_eq!(table.rows[1].cells[0].span, 5);
    assert_eq!(cell(table, 1, 0), "一、完善养老服务设施网络");
    assert_eq!(cell(table, 2, 2), "区民政局");
    assert_eq!(cell(table, 2, 4), "2025年12月");
}

#[test]
fn a_table_continued_in_a_second_table_and_cells_of_two_lines() {
    let doc = read(&fixture("continued_table.docx")).unwrap();
    let tables = tables(&doc.blocks);
    assert_eq!(tables.len(), 2);
    assert_eq!((tables[0].rows.len(), tables[1].rows.len()), (26, 16));
    assert!(tables[0].rows[0].header);
    assert!(
        !tables[1].rows[0].header,
        "the repeated header is an ordinary row"
    );
    assert_eq!(cell(tables[1], 0, 0), "序号");
    let cells: Vec<&str> = tables
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.text.as_str()))
        })
        .collect();
    assert!(
        cells.contains(&"市教育局\n市发展改革委"),
        "a line break in one paragraph"
    );
    assert!(
        cells.contains(&"市卫生健康委\n市妇联"),
        "two paragraphs in one cell"
    );
}

#[test]
fn old_formats_are_refused_by_name_not_misread() {
    assert!(matches!(
        read(&fixture("converted.doc")),
        Err(DocxError::NotZip(_))
    ));
    assert!(matches!(
        read(&fixture("converted.odt")),
        Err(DocxError::MissingPart(_))
    ));
}

/// A project whose input holds the fixture `name` (and the seed's config).
fn word_project(name: &str) -> tempfile::TempDir {
    project(&[(name, &fixture(name))])
}

fn checked(name: &str) -> fengong::Checked {
    let dir = word_project(name);
    fengong::check(&dir.path().join("input")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A group's title and task numbers.
type Group = (String, Vec<u32>);

fn units(plan: &Plan, no: u32) -> (Vec<String>, Vec<String>) {
    let task = plan.task(no).unwrap();
    (
        task.leads().map(|a| a.name.clone()).collect(),
        task.supports().map(|a| a.name.clone()).collect(),
    )
}

fn deadline(plan: &Plan, no: u32) -> Option<String> {
    plan.task(no).unwrap().deadline.map(|d| d.to_string())
}

/// Without the OCR's spaces: the text seed has them, Word text is what it is.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_seed_as_a_word_gongwen_reads_as_the_text_seed_does() {
    let word = checked("seed_gongwen.docx").plan;
    let text = fengong::check(&input_dir()).unwrap().plan;
    assert_eq!(word.notice.issuer, text.notice.issuer);
    assert_eq!(word.notice.doc_number, text.notice.doc_number);
    assert_eq!(
        word.notice.doc_number.as_deref(),
        Some("嘉发改〔2025〕14号")
    );
    assert_eq!(word.notice.title, text.notice.title);
    assert_eq!(word.notice.recipients, text.notice.recipients);
    assert_eq!(word.notice.signer, text.notice.signer);
    assert_eq!(word.notice.date, text.notice.date);
    assert_eq!(word.tasks.len(), 78);
    for (w, t) in word.tasks.iter().zip(&text.tasks) {
        assert_eq!(squeezed(&w.content), squeezed(&t.content), "task {}", t.no);
        assert_eq!(units(&word, w.no), units(&text, t.no), "task {}", t.no);
        assert_eq!(w.deadline, t.deadline, "task {}", t.no);
        assert_eq!((w.section, w.group), (t.section, t.group), "task {}", t.no);
    }
    let outline = |p: &Plan| -> Vec<(String, Vec<Group>)> {
        p.sections
            .iter()
            .map(|s| {
                let groups = s.groups.iter().map(|g| (g.title.clone(), g.tasks.clone()));
                (s.title.clone(), groups.collect())
            })
            .collect()
    };
    assert_eq!(outline(&word), outline(&text));
    assert_eq!(word.title, text.title);
}

#[test]
fn findings_in_a_word_document_name_its_paragraphs_and_table_cells() {
    let report = checked("seed_gongwen.docx").report;
    let places: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.location.to_string())
        .collect();
    assert!(
        places.iter().any(|p| p.ends_with("seed_gongwen.docx#段3")),
        "the 文号: {places:#?}"
    );
    // 第 40 项 赤河源/苏河源: its table cell, and the paragraph of the prose it differs from.
    let differs = report
        .diagnostics
        .iter()
        .find(|d| d.code == "text/differs" && d.message.contains("第 40 项"))
        .expect("task 40 differs from the prose");
    assert!(
        differs
            .location
            .to_string()
            .ends_with("seed_gongwen.docx#表1!C44"),
        "{differs:?}"
    );
    assert!(differs.message.contains("#段"), "{}", differs.message);
}

#[test]
fn publishing_the_word_seed_writes_every_document() {
    let dir = word_project("seed_gongwen.docx");
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = read_tree(&dir.path().join("output"));
    let seed = read_tree(published_seed().join("output").as_path());
    let names = |tree: &std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        tree.keys().cloned().collect()
    };
    assert_eq!(names(&written), names(&seed));
    assert!(
        written
            .keys()
            .any(|k| k.starts_with("任务单/") && k.ends_with(".xlsx"))
    );
}

#[test]
fn a_plan_numbered_by_word_reads_its_sections_groups_and_inline_assignments() {
    let plan = checked("auto_numbered.docx").plan;
    assert_eq!(plan.tasks.len(), 12);
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        [
            "提升政务服务效能",
            "降低企业经营成本",
            "加强市场监管和法治保障",
            "强化组织保障"
        ]
    );
    let groups = groups(&plan);
    assert_eq!(groups.len(), 6);
    assert_eq!(groups[0], ("深化“一网通办”改革".to_string(), vec![1, 2]));
    assert_eq!(groups[5].1, [11, 12]);
    assert_eq!(
        units(&plan, 1),
        (
            vec!["县政务服务中心".into()],
            vec!["县数据局".into(), "县人力社保局".into()]
        )
    );
    assert_eq!(units(&plan, 8).0, ["县金融服务中心"]);
    assert_eq!(deadline(&plan, 1).as_deref(), Some("2025-12-31"));
    assert_eq!(deadline(&plan, 3).as_deref(), Some("2025-06-30"));
    assert_eq!(deadline(&plan, 12).as_deref(), Some("2025-09-30"));
    assert!(
        plan.task(1)
            .unwrap()
            .content
            .starts_with("推进高频政务服务事项")
    );
}

#[test]
fn a_table_with_lead_support_and_deadline_columns_and_merged_section_rows() {
    let checked = checked("separate_columns.docx");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 15);
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        [
            "完善养老服务设施网络",
            "提升医养结合服务能力",
            "强化养老服务要素保障"
        ]
    );
    assert_eq!(
        units(plan, 1),
        (
            vec!["区民政局".into()],
            vec![
                "区发展改革委".into(),
                "区财政局".into(),
                "各街道办事处".into()
            ]
        )
    );
    assert_eq!(units(plan, 8).0, ["区医保局"]);
    assert!(
        units(plan, 10).1.is_empty(),
        "task 10 has no supporting unit"
    );
    assert_eq!(deadline(plan, 1).as_deref(), Some("2025-12-31"));
    assert_eq!(deadline(plan, 2).as_deref(), Some("2025-06-30"));
    assert_eq!(deadline(plan, 8), None, "长期坚持");
    let codes = common::codes(&checked);
    assert!(
        !codes.contains(&"table/bad-number"),
        "section rows are sections: {codes:?}"
    );
    assert!(
        !codes.contains(&"table/label-missing"),
        "no 主要事项 column, nothing missing"
    );
}

#[test]
fn a_table_continued_in_a_second_word_table_is_one_list() {
    let plan = checked("continued_table.docx").plan;
    assert_eq!(plan.tasks.len(), 40);
    assert_eq!(plan.table.repeated_headers, 1);
    assert_eq!(
        units(&plan, 4),
        (vec!["市教育局".into()], vec!["市发展改革委".into()])
    );
    assert_eq!(
        units(&plan, 21),
        (vec!["市卫生健康委".into()], vec!["市妇联".into()])
    );
    assert_eq!(deadline(&plan, 4).as_deref(), Some("2025-08-31"));
    assert_eq!(deadline(&plan, 23).as_deref(), Some("2025-05-31"));
    assert_eq!(units(&plan, 40).0, ["市应急管理局"]);
}

fn soffice_installed() -> bool {
    std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn old_formats_are_read_through_libreoffice_or_refused_with_the_command() {
    for name in ["converted.odt", "converted.doc"] {
        let dir = word_project(name);
        let input = dir.path().join("input");
        if soffice_installed() {
            let plan = fengong::check(&input)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .plan;
            assert_eq!(plan.tasks.len(), 15, "{name}");
            assert_eq!(plan.sections.len(), 3, "{name}");
            assert_eq!(units(&plan, 1).0, ["区民政局"], "{name}");
            let out = fengong(dir.path(), &["publish"]);
            assert!(out.status.success(), "{name}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("已用 LibreOffice 转为 .docx 后读取"),
                "{name}: said on the console"
            );
            assert!(
                dir.path().join("input").join(name).exists(),
                "the original stays"
            );
        } else {
            eprintln!("soffice is not installed: checking the message instead of the conversion");
        }
        // Without LibreOffice on the PATH the user is told the one command that converts.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_fengong"))
            .args(["check", "input"])
            .current_dir(dir.path())
            .env("PATH", "/nonexistent")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = stderr(&out);
        assert!(
            err.contains(name) && err.contains("soffice --headless --convert-to docx"),
            "{err}"
        );
    }
}

/// A plan saved from a browser as a web page: read through LibreOffice like an old Word
/// file, its navigation lines said as unused, its tasks and their units read.
#[test]
fn a_saved_web_page_is_read_through_libreoffice() {
    let page = "<html><head><meta charset=\"utf-8\"><title>某区人才工作要点</title></head><body>\
        <p>首页 &gt; 政务公开 &gt; 规划计划</p>\
        <h2>某区2026年人才工作要点</h2>\
        <p>为加快建设人才强区，制定本要点。</p>\
        <p>一、引进高层次人才</p>\
        <p>1.引进领军人才20名。（牵头单位：区委组织部，配合单位：区人社局、区科技局）</p>\
        <p>2.新建博士后工作站3个。（牵头单位：区人社局，配合单位：各街道）</p>\
        <p>二、优化人才服务</p>\
        <p>3.建成人才公寓500套。（牵头单位：区住建局）</p></body></html>";
    let dir = project(&[("某区2026年人才工作要点.html", page.as_bytes())]);
    if !soffice_installed() {
        eprintln!("soffice is not installed: the page cannot be converted here");
        return;
    }
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(units(&plan, 1).0, ["区委组织部"]);
    assert_eq!(units(&plan, 2).1, ["各街道"]);
    assert_eq!(units(&plan, 3).0, ["区住建局"]);
    let out = fengong(dir.path(), &["check"]);
    let err = said(&out);
    assert!(err.contains("已用 LibreOffice 转为 .docx 后读取"), "{err}");
    assert!(err.contains("首页"), "the page's navigation is said: {err}");
}

/// An OA system's 导出Excel, and a site's 下载: a web page under an office file's name (.xls,
/// .doc). Read as the page it is, and said so — not refused as a damaged workbook.
#[test]
fn a_web_page_saved_as_xls_or_doc_is_read_as_a_page() {
    let table = "<html><head><meta charset=\"utf-8\"></head><body><table border=\"1\">\
        <tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>\
        <tr><td>1</td><td>新建城区停车泊位500个。</td><td>县住房和城乡建设局</td><td>县公安局</td><td>2025年12月底前</td></tr>\
        <tr><td>2</td><td>完成农村公路改造30公里。</td><td>县交通运输局</td><td></td><td>2025年10月底前</td></tr>\
        </table></body></html>";
    if !soffice_installed() {
        eprintln!("soffice is not installed: the page cannot be converted here");
        return;
    }
    for name in ["任务分工表.xls", "任务分工表.doc"] {
        let dir = project(&[(name, table.as_bytes())]);
        let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
        assert_eq!(plan.tasks.len(), 2, "{name}");
        assert_eq!(
            units(&plan, 1),
            (
                vec!["县住房和城乡建设局".to_string()],
                vec!["县公安局".to_string()]
            ),
            "{name}"
        );
        let out = fengong(dir.path(), &["check"]);
        assert!(
            said(&out).contains("网页格式（HTML）"),
            "{name}: {}",
            said(&out)
        );
    }
}

#[test]
fn a_pdf_is_named_not_read() {
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("原件.pdf", b"%PDF-1.7\n%%EOF\n"),
    ]);
    let out = fengong(dir.path(), &["check"]);
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        all.contains("原件.pdf") && all.contains("PDF 文件暂不能读取"),
        "{all}"
    );
}

/// The same notice typed as text, for the 红头 variants to agree with.
const RED_HEAD_AS_TEXT: &str = "# 青山县发展和改革局文件\n\n青发改〔2025〕21号\n\n## 关于印发《青山县2025年民生实事任务分工》的通知\n\n各乡镇人民政府，县直有关单位：\n\n现将《青山县2025年民生实事任务分工》印发给你们，请认真抓好落实。\n\n附件：青山县2025年民生实事任务分工\n\n青山县发展和改革局\n\n2025年3月12日\n\n青山县2025年民生实事任务分工表\n\n序号\t工作任务\t责任单位\t完成时限\n1\t新建城乡社区综合服务站5个。\t县民政局、县财政局\t2025年10月底前\n2\t完成农村人居环境整治村20个。\t县农业农村局、县生态环境分局\t2025年12月\n3\t新增城镇就业1200人。\t县人力社保局\t全年\n";

#[test]
fn the_red_head_as_red_text_a_table_or_a_text_box_gives_the_same_notice() {
    let dir = project(&[("notice.md", RED_HEAD_AS_TEXT.as_bytes())]);
    let text = fengong::check(&dir.path().join("input")).unwrap().plan;
    assert_eq!(text.notice.issuer.as_deref(), Some("青山县发展和改革局"));
    assert_eq!(text.notice.date.as_deref(), Some("2025年3月12日"));
    for name in ["red_head_table.docx", "red_head_textbox.docx"] {
        let word = checked(name).plan;
        let n = (&word.notice, &text.notice);
        assert_eq!(n.0.issuer, n.1.issuer, "{name}");
        assert_eq!(n.0.doc_number, n.1.doc_number, "{name}");
        assert_eq!(n.0.title, n.1.title, "{name}");
        assert_eq!(n.0.recipients, n.1.recipients, "{name}");
        assert_eq!(n.0.attachments, n.1.attachments, "{name}");
        assert_eq!(n.0.signer, n.1.signer, "{name}");
        assert_eq!(n.0.date, n.1.date, "{name}");
        assert_eq!(word.tasks.len(), 3, "{name}");
        assert_eq!(units(&word, 2), units(&text, 2), "{name}");
    }
}

/// The notice and its attachment in two Word files read as the one-file 公文 does.
#[test]
fn a_notice_and_its_attachment_in_two_word_files() {
    let part = |name: &str| fixture(&format!("two_files/{name}"));
    let (notice, plan_part) = (part("通知.docx"), part("附件.docx"));
    let dir = project(&[("通知.docx", &notice), ("附件.docx", &plan_part)]);
    let two = fengong::check(&dir.path().join("input")).unwrap().plan;
    let one = checked("seed_gongwen.docx").plan;
    assert_eq!(two.notice.doc_number, one.notice.doc_number);
    assert_eq!(two.notice.title, one.notice.title);
    assert_eq!(two.notice.recipients, one.notice.recipients);
    assert_eq!(two.title, one.title);
    assert_eq!(two.tasks.len(), 78);
    for (a, b) in two.tasks.iter().zip(&one.tasks) {
        assert_eq!(
            (&a.content, a.section, a.group),
            (&b.content, b.section, b.group)
        );
        assert_eq!(units(&two, a.no), units(&one, b.no));
    }
}

/// Lines a writer set apart with Shift+Enter inside one paragraph: a title over two lines is
/// one title, the 署名 over its 成文日期 in one paragraph are both read, and labelled lines
/// are each read and printed on lines of their own, not run together.
#[test]
fn lines_broken_inside_a_paragraph_are_read_and_printed_as_lines() {
    let dir = project(&[
        ("line_breaks.docx", &fixture("line_breaks.docx")),
        (
            "fengong.toml",
            b"[plan]\ndefault_deadline = \"2025-12-31\"\n",
        ),
    ]);
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    let notice = &plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("关于印发《柏溪区2025年重点工作任务分工》的通知")
    );
    assert_eq!(notice.signer.as_deref(), Some("柏溪区人民政府办公室"));
    assert_eq!(notice.date.as_deref(), Some("2025年3月5日"));
    assert_eq!(plan.title.as_deref(), Some("柏溪区2025年重点工作任务分工"));
    assert_eq!(
        units(&plan, 1),
        (
            vec!["区工信局".into()],
            vec!["区发改局".into(), "各街道".into()]
        )
    );
    assert_eq!(
        units(&plan, 2),
        (
            vec!["区商务局".into()],
            vec!["区税务局".into(), "区市场监管局".into()]
        )
    );
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let notice = std::fs::read_to_string(dir.path().join("output/通知.md")).unwrap();
    assert!(
        notice.contains("\n牵头单位：区工信局\n\n配合单位：区发改局，各街道\n"),
        "{notice}"
    );
    let docx = docx_text(&dir.path().join("output/通知.docx"));
    // Runs joined by spaces: each line a run of its own, not one run of both.
    assert!(
        docx.contains(" 牵头单位：区商务局 配合单位：区税务局、区市场监管局 "),
        "{docx}"
    );
}

/// Nothing of a Word source is dropped without a word, character by character: every clause
/// of every body paragraph and table cell, as python-docx reads the file (not fengong), is in
/// one string of the model, or the paragraph (段N) is one a finding names. Numbering and
/// labels are structure.
#[test]
fn every_character_of_every_word_fixture_is_used_or_reported() {
    let script = root().join("tests/tools/read_docx.py");
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/docx"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    let (mut used, mut reported_chars, mut checked_files) = (0, 0, 0);
    let pinyin = regex::Regex::new(concat!(
        r"(\p{Han})[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*",
        r"(?: [a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]?[a-zü]*)*[)）]"
    ))
    .unwrap();
    let mut lost = Vec::new();
    for name in &names {
        let dir = word_project(name);
        let Ok(checked) = fengong::check(&dir.path().join("input")) else {
            continue;
        };
        checked_files += 1;
        let mut model = Vec::new();
        model_strings(&serde_json::to_value(&checked.plan).unwrap(), &mut model);
        let reported: std::collections::BTreeSet<u32> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.location.path().ends_with(name.as_str()))
            .filter_map(|d| d.location.line_no())
            .collect();
        // What a finding at a table's row quotes (a 合计 row, a note under the table the
        // published one does not print) is reported with its place: by table and row.
        let said_at_row: Vec<((String, u32), &str)> = (checked.report.diagnostics.iter())
            .filter(|d| d.location.path().ends_with(name.as_str()))
            .filter_map(|d| match &d.location {
                fengong::base::diag::Location::Cell { sheet, cell, .. } => {
                    let row: String = cell.chars().filter(char::is_ascii_digit).collect();
                    Some(((sheet.clone(), row.parse().ok()?), d.message.as_str()))
                }
                _ => None,
            })
            .collect();
        let out = std::process::Command::new("python3")
            .arg(&script)
            .arg(root().join("tests/fixtures/docx").join(name))
            .output()
            .expect("python3 with python-docx");
        assert!(out.status.success(), "{name}: read_docx.py failed");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // A reposting site's pinyin (和城乡(xiāng)) a finding says was taken out is reported.
        let pinyin_said =
            checked.report.diagnostics.iter().any(|d| {
                d.code == "text/pinyin-removed" && d.location.path().ends_with(name.as_str())
            });
        let mut texts: Vec<(String, String)> = Vec::new();
        for (i, p) in doc["paragraphs"].as_array().unwrap().iter().enumerate() {
            let text = p.as_str().unwrap().to_string();
            let chars = content_chars(&text).chars().count();
            if reported.contains(&(i as u32 + 1)) {
                reported_chars += chars;
            } else {
                texts.push((format!("段{}", i + 1), text));
            }
        }
        for (t, table) in doc["tables"].as_array().unwrap().iter().enumerate() {
            for (r, row) in table["rows"].as_array().unwrap().iter().enumerate() {
                let key = (format!("表{}", t + 1), r as u32 + 1);
                let said: Vec<&str> = (said_at_row.iter())
                    .filter(|(at, _)| *at == key)
                    .map(|(_, message)| *message)
                    .collect();
                for (c, cell) in row.as_array().unwrap().iter().enumerate() {
                    let text = cell.as_str().unwrap();
                    let quoted = !text.trim().is_empty()
                        && (text.lines().flat_map(clauses))
                            .all(|clause| said.iter().any(|m| content_chars(m).contains(&clause)));
                    if quoted {
                        reported_chars += content_chars(text).chars().count();
                        continue;
                    }
                    texts.push((
                        format!("表{} 行{} 列{}", t + 1, r + 1, c + 1),
                        cell.as_str().unwrap().to_string(),
                    ));
                }
            }
        }
        for (place, text) in texts {
            let text = if pinyin_said {
                let without = pinyin.replace_all(&text, "$1").into_owned();
                reported_chars += text.chars().count() - without.chars().count();
                without
            } else {
                text
            };
            for line in text.lines() {
                for clause in clauses(line) {
                    if model.iter().any(|m| m.contains(&clause)) {
                        used += clause.chars().count();
                    } else {
                        lost.push(format!("{name} {place}: «{clause}» in «{line}»"));
                    }
                }
            }
        }
    }
    assert!(checked_files >= 6, "only {checked_files} Word files read");
    assert!(used > 5_000, "only {used} characters checked");
    assert!(
        lost.is_empty(),
        "{} clauses dropped without a word ({used} characters used, {reported_chars} on reported paragraphs):\n{}",
        lost.len(),
        lost.join("\n")
    );
}

/// A Word table whose header takes two rows (责任单位 merged across 牵头单位 | 协同单位; 序号,
/// 工作任务 and 完成时限 merged down) and a task written over two rows under one merged 序号:
/// the 协同 column is read, the task is one task with both rows' cells.
#[test]
fn a_two_row_header_and_a_task_over_two_rows() {
    let checked = checked("two_row_header.docx");
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(
        units(plan, 1),
        (
            vec!["区住房建设局".into()],
            vec!["区财政局".into(), "各街道".into()]
        )
    );
    assert_eq!(
        plan.task(2).unwrap().content,
        "建设口袋公园6个。同步完善公园管理养护制度。"
    );
    assert_eq!(
        units(plan, 2),
        (
            vec!["区园林绿化局".into()],
            vec!["各街道".into(), "区城市管理局".into()]
        )
    );
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("2026年9月底前\n2026年12月底前")
    );
    // A 牵头单位 cell of two lines: both lead.
    assert_eq!(
        units(plan, 3).0,
        ["区城市管理局".to_string(), "区住房建设局".to_string()]
    );
    assert_eq!(
        plan.table.header,
        [
            "序号",
            "工作任务",
            "责任单位\n牵头单位",
            "协同单位",
            "完成时限"
        ]
    );
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"table/bad-number"), "{codes:?}");
    assert!(!codes.contains(&"structure/duplicate-number"), "{codes:?}");
}

/// A county's measures under a city's plan, in a Word table: 序号 holds the city's
/// headings merged down (vMerge), the city's task merged down over its measures, each
/// measure numbered （1）, （2） in its cell. Each measure is a task (the merged 序号 does
/// not make the rows one task), the headings group them, the city's tasks stay a column.
#[test]
fn measures_under_merged_headings_in_a_word_table() {
    let checked = checked("measures_under_headings.docx");
    let plan = &checked.plan;
    let rows: Vec<(u32, &str, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.no, t.content.as_str(), t.extra[0].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                1,
                "分解下达各乡镇粮食播种面积任务。",
                "1.全市粮食播种面积稳定在300万亩以上。"
            ),
            (
                2,
                "落实耕地地力保护补贴。",
                "1.全市粮食播种面积稳定在300万亩以上。"
            ),
            (3, "新建高标准农田8000亩。", "2.建设高标准农田5万亩。"),
            (4, "培训农村劳动力1200人次。", "3.开展农民工技能培训。"),
        ]
    );
    assert_eq!(
        units(plan, 3),
        (
            vec!["县农业农村局".into()],
            vec!["县自然资源局".into(), "县水利局".into()]
        )
    );
    assert_eq!(
        groups(plan),
        [
            ("稳面积稳产量。".to_string(), vec![1, 2, 3]),
            ("拓宽就业渠道。".to_string(), vec![4])
        ]
    );
    assert_eq!(plan.table.extra_columns, ["市级重点任务"]);
    assert!(!codes(&checked).contains(&"table/merged-number"));
}

/// A city's targets in a Word table: each 序号 and its 目标名称 merged down (vMerge) over
/// targets numbered （1）, （2） in their cells, each with its leader and lead. Each target is
/// a task with its own units (the merged 序号 does not make eight rows one task whose leads
/// all lead everything); the 目标名称 groups them; the reading is said.
#[test]
fn targets_numbered_in_their_cells_under_a_merged_number_are_tasks() {
    let checked = checked("targets_under_merged_number.docx");
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "地区生产总值增长5%左右。",
            "一般公共预算收入保持稳定增长。",
            "制造业投资增长8%左右。",
            "城镇新增就业1.2万人。",
            "新建改建城市公园6个。",
        ]
    );
    assert_eq!(
        units(plan, 1),
        (
            vec!["市发改局".into()],
            vec!["各县区".into(), "市统计局".into()]
        )
    );
    assert_eq!(
        units(plan, 3),
        (vec!["市工信局".into()], vec!["市发改局".into()])
    );
    assert_eq!(
        units(plan, 5),
        (vec!["市住建局".into()], vec!["市园林局".into()])
    );
    assert_eq!(
        groups(plan),
        [
            ("全市经济社会发展的主要预期目标".to_string(), vec![1, 2, 3]),
            ("民生保障".to_string(), vec![4, 5])
        ]
    );
    let person: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.person.as_deref()).collect();
    assert_eq!(person[2], Some("李  勇"), "{person:?}");
    let codes = codes(&checked);
    assert!(!codes.contains(&"table/merged-number"), "{codes:?}");
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "table/numbered-under-merged-number")
            .count(),
        2,
        "{codes:?}"
    );
}

/// Two 分工表 in one Word file, as wide as each other but headed differently (附件1 its
/// targets, 附件2 its key tasks): both are read, each a section under its own title, the
/// second's tasks numbered on after the first's — never taken as one table continued, nor
/// left out.
#[test]
fn a_second_table_with_its_own_header_is_read_after_the_first() {
    let checked = checked("two_tables.docx");
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "地区生产总值增长6%左右",
            "一般公共预算收入增长4%",
            "建成区级数据共享交换平台",
            "新建公办幼儿园3所",
            "完成背街小巷整治40条",
        ]
    );
    let sections: Vec<(&str, Vec<u32>)> = plan
        .sections
        .iter()
        .map(|s| {
            let tasks = s
                .groups
                .iter()
                .flat_map(|g| g.tasks.iter().copied())
                .collect();
            (s.title.as_str(), tasks)
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("2026年主要目标分解表", vec![1, 2]),
            ("2026年重点工作分解表", vec![3, 4, 5])
        ]
    );
    assert_eq!(leads(plan, 5), ["区城市管理局"]);
    let said = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "table/another-table")
        .unwrap();
    assert!(
        said.message.contains("第 3—5 项（原序号 1—3）"),
        "{}",
        said.message
    );
    assert!(
        said.location.to_string().contains("表2"),
        "{}",
        said.location
    );
}

/// 类别 | 主要任务 | 细化措施 with the first two merged down: each row's task is its 细化措施,
/// the 主要任务 it carries out kept beside it as a column of its own (so a unit's sheet
/// shows the measure it leads, not the heading it shares); none of the text above the
/// table is lost.
#[test]
fn measures_under_merged_tasks_are_the_tasks() {
    let checked = checked("measures_by_task.docx");
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "实施用水总量和强度双控，到2027年全市用水总量控制在9.6亿立方米以内。",
            "把节水目标完成情况纳入县级政府考核，推广节水型器具。",
            "抓好工业节水，推动高耗水企业开展节水改造。",
        ]
    );
    assert_eq!(plan.table.extra_columns, ["主要任务"]);
    let beside: Vec<&str> = plan.tasks.iter().map(|t| t.extra[0].as_str()).collect();
    assert_eq!(
        beside,
        [
            "严守用水总量控制红线",
            "严守用水效率控制红线",
            "严守用水效率控制红线"
        ]
    );
    assert_eq!(leads(plan, 3), ["市工业和信息化局"]);
    assert_eq!(supports(plan, 3), ["市水利局"]);
    let codes = codes(&checked);
    assert!(!codes.contains(&"source/cut-off"), "{codes:?}");
    assert!(codes.contains(&"table/measures-as-tasks"), "{codes:?}");
    assert!(!codes.contains(&"table/extra-column"), "{codes:?}");
    let said: String = checked
        .report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    let kept = serde_json::to_string(plan).unwrap();
    for words in ["清河市河湖长制办公室", "清河市河湖长制主要任务分解表"] {
        assert!(said.contains(words) || kept.contains(words), "{words} lost");
    }
}

/// A plan's title set as 公文 titles are over two paragraphs (centred, bold, 18 pt) is one
/// title, its preamble under it; a paragraph cut off after the table is said, as a text
/// file's last line is.
#[test]
fn a_title_over_two_paragraphs_and_a_cut_last_paragraph() {
    let checked = checked("title_over_two_paragraphs.docx");
    let plan = &checked.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("柳溪镇2026年度安全生产专项整治工作计划")
    );
    let preamble: Vec<&str> = plan.preamble.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        preamble,
        ["按照镇政府关于2026年安全生产工作的总体要求，结合我镇实际，特制定本工作计划。"]
    );
    assert_eq!(contents(plan), ["道路交通", "建筑施工", "人员密集场所"]);
    let codes = codes(&checked);
    assert!(!codes.contains(&"source/unused"), "{codes:?}");
    let cut: Vec<&fengong::Diagnostic> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "source/cut-off")
        .collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert!(
        cut[0].location.to_string().ends_with("#段9"),
        "{}",
        cut[0].location
    );
    assert!(
        cut[0].message.contains("安全生产专项整」"),
        "{}",
        cut[0].message
    );
}

/// A Word plan copied from a reposting site that put pinyin after characters (和城乡(xiāng)
/// 建设局): the pinyin is taken out of paragraphs and table cells before they are read, as in
/// a text source, and said with where — one unit, not two spellings of it.
#[test]
fn a_reposting_sites_pinyin_is_taken_out_of_a_word_plan() {
    let checked = checked("pinyin_repost.docx");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    for no in [1, 2] {
        assert_eq!(units(plan, no).0, ["县住房和城乡建设局"], "{no}");
    }
    for no in [3, 4] {
        assert_eq!(units(plan, no).0, ["县卫生健康局"], "{no}");
    }
    let json = serde_json::to_string(plan).unwrap();
    for pinyin in ["(guān)", "(xiāng)", "(kāng)"] {
        assert!(!json.contains(pinyin), "{pinyin}");
    }
    let said: Vec<&str> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "text/pinyin-removed")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("共 3 处，在第 2、5 段和表1"), "{said:?}");
    assert!(!codes(&checked).contains(&"text/garbled"));
}

/// A Word cell's paragraphs are its writer's: two measures stay apart, numbered items each
/// on its own line (printed so: a line break in the table's cell), a sentence broken after
/// a comma is one; a note on its own paragraph under the lead's name
/// (镇经发办 / （汇总）) is printed with it, in the table and on the sheets.
#[test]
fn a_cells_paragraphs_stay_apart_and_a_note_under_a_name_is_printed() {
    let checked = checked("cell_paragraphs.docx");
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "新建农村公路12公里；完成危桥改造3座",
            "1.建立巡河台账\n2.每月开展一次联合巡查",
            "推进集镇污水管网建设，加快雨污分流改造",
            "统计全年经济运行数据。"
        ]
    );
    assert_eq!(units(plan, 4).0, ["镇经发办"]);
    let dir = word_project("cell_paragraphs.docx");
    let input = dir.path().join("input");
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("| 镇经发办（汇总） |"), "{table}");
    assert!(
        table.contains("| 1.建立巡河台账 <br>2.每月开展一次联合巡查 |"),
        "{table}"
    );
    let sheet = common::published_text(&input, "任务单/镇经发办.md");
    assert!(sheet.contains("| 牵头（汇总） |"), "{sheet}");
}

/// A section heading set as a paragraph between two tables heads the second table's tasks,
/// as a heading row merged across one table does; it is not said as left out.
#[test]
fn a_heading_between_two_tables_heads_the_second() {
    let checked = checked("sections_between_tables.docx");
    let plan = &checked.plan;
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["加快现代能源体系建设", "加快交通基础设施建设"]);
    let numbers = |s: usize| -> Vec<u32> {
        (plan.sections[s].groups.iter())
            .flat_map(|g| g.tasks.iter().copied())
            .collect()
    };
    assert_eq!(numbers(0), [1, 2]);
    assert_eq!(numbers(1), [3, 4]);
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"word/after-table"), "{codes:?}");
}

/// What a Word notice keeps outside its paragraphs gives what its text lacks, and says so:
/// a 版头 table of two rows (发文机关标志 over 文号) with no empty paragraph under it, a
/// web page's box pasted as a table (标　题： | …, 发文字号： | …), a masthead in the page
/// header (which names the issuer more fully than the title does).
#[test]
fn a_notices_head_outside_its_paragraphs_is_read() {
    let notice = |name: &str| checked(name).plan.notice;
    let said = |name: &str, code: &str| {
        let checked = checked(name);
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let head = notice("head_in_table_without_blank.docx");
    assert_eq!(head.doc_number.as_deref(), Some("青发改〔2025〕21号"));
    assert_eq!(head.issuer.as_deref(), Some("青山县发展和改革局"));
    let note = said("head_in_table_without_blank.docx", "word/table-over-notice");
    assert!(note.contains("发文机关标志、发文字号"), "{note}");
    let boxed = notice("page_box_in_table.docx");
    assert_eq!(boxed.doc_number.as_deref(), Some("青发改〔2025〕21号"));
    assert_eq!(
        boxed.title.as_deref(),
        Some("青山县发展和改革局关于印发《青山县2025年民生实事任务分工》的通知")
    );
    let masthead = notice("masthead_in_page_header.docx");
    assert_eq!(masthead.issuer.as_deref(), Some("鞍山市立山区人民政府"));
    assert_eq!(masthead.signer.as_deref(), Some("立山区人民政府"));
    let note = said("masthead_in_page_header.docx", "word/not-content");
    assert!(
        note.contains("取自文档页眉：「鞍山市立山区人民政府文件」"),
        "{note}"
    );
}

/// A table nested in a task's 完成时限 cell (阶段 | 时间 / 完成规划 | 2021年6月底 / …): each
/// row a line of the cell, its cells in order, the latest date the deadline.
#[test]
fn a_table_in_a_cell_keeps_its_rows() {
    let plan = checked("table_in_a_cell.docx").plan;
    let task = plan.task(1).unwrap();
    assert_eq!(
        task.deadline_text.as_deref(),
        Some("阶段，时间；\n完成规划，2021年6月底；\n引进企业，2021年11月底")
    );
    assert_eq!(
        task.deadline.map(|d| d.to_string()).as_deref(),
        Some("2021-11-30")
    );
}

/// A Word notice handing out three attachments, the third after the second's table: as
/// numbered paragraphs each with its 责任单位, or as a table of its own. Either way its tasks
/// are read after the table's (5—7), each finding numbers them as the plan does — the text's
/// two tasks before the tables counted — and the notice prints 附件2 and 附件3 apart, each
/// under its label and title, numbered as the source numbers it.
#[test]
fn a_third_attachment_after_the_table_is_read_in_prose_or_as_a_table() {
    for name in [
        "three_attachments_prose.docx",
        "three_attachments_tables.docx",
    ] {
        let checked = checked(name);
        let plan = &checked.plan;
        let contents: Vec<&str> = plan.tasks.iter().map(|t| t.content.as_str()).collect();
        assert_eq!(contents.len(), 7, "{name}: {contents:?}");
        assert_eq!(contents[4], "新建城区公办幼儿园1所。", "{name}");
        assert_eq!(
            units(plan, 6),
            (
                vec!["县住建局".to_string()],
                vec!["各乡镇人民政府".to_string()]
            ),
            "{name}"
        );
        let said: Vec<String> = (checked.report.diagnostics.iter())
            .filter(|d| d.code.ends_with("-table"))
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(
            !said.iter().any(|m| m.contains("未读入")),
            "{name}: {said:?}"
        );
        assert!(
            said.iter()
                .any(|m| m.contains("民生实事任务清单") && m.contains("第 5—7 项")),
            "{name}: {said:?}"
        );
        assert!(
            said.iter().all(|m| !m.contains("第 3—5 项")),
            "{name}: {said:?}"
        );
        let dir = word_project(name);
        let out = dir.path().join("out");
        fengong::publish_with(&dir.path().join("input"), &out, &Default::default()).unwrap();
        let md = std::fs::read_to_string(out.join("通知.md")).unwrap();
        let third = md
            .find("\n附件3\n")
            .unwrap_or_else(|| panic!("{name}: {md}"));
        let second = md[..third]
            .find("\n附件2\n")
            .unwrap_or_else(|| panic!("{name}: {md}"));
        assert!(
            md[second..third].contains("| 2 | 固定资产投资增长：6% |"),
            "{name}: {md}"
        );
        let list = &md[third..];
        assert!(
            list.contains("武乡县2024年民生实事任务清单"),
            "{name}: {list}"
        );
        assert!(
            list.contains("| 1 | 新建城区公办幼儿园1所。 |"),
            "{name}: {list}"
        );
        assert!(!list.contains("固定资产投资"), "{name}: {list}");
    }
}

/// A Word file's own short paragraphs (a title over its 主送, a 附件说明 over the 署名,
/// labelled lines indented with 「　　」) are never rewrapped as a printed page's lines.
#[test]
fn short_word_paragraphs_stay_the_writers_own() {
    let checked = checked("short_paragraphs.docx");
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("关于印发《青山区2025年生态环境保护工作要点》的通知")
    );
    assert_eq!(
        notice.recipients,
        ["各镇人民政府", "区生态环境保护委员会各成员单位"]
    );
    assert_eq!(notice.attachments, ["青山区2025年生态环境保护工作要点"]);
    assert_eq!(
        notice.signer.as_deref(),
        Some("青山区生态环境保护委员会办公室")
    );
    assert_eq!(notice.date.as_deref(), Some("2025年4月10日"));
    assert_eq!(checked.plan.tasks.len(), 3);
    assert_eq!(units(&checked.plan, 2).0, ["区住房和城乡建设局"]);
    let codes = codes(&checked);
    for never in ["source/rewrapped", "notice/no-title", "notice/no-signer"] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }
}

/// The attachment's 附件 label and title set in a text box over its preamble: read where the
/// box stands, the preamble printed under the plan's title.
#[test]
fn an_attachment_head_in_a_text_box_heads_the_plan() {
    let checked = checked("attachment_head_in_text_box.docx");
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("北塘区2025年乡村振兴重点任务")
    );
    let preamble: Vec<&str> = (checked.plan.preamble.iter())
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        preamble,
        ["为扎实推进乡村全面振兴，现将2025年重点任务分解如下。"]
    );
    assert!(!codes(&checked).contains(&"source/unused"));
    let dir = project(&[("方案.docx", &fixture("attachment_head_in_text_box.docx"))]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let notice = std::fs::read_to_string(dir.path().join("output/通知.md")).unwrap();
    let head = notice.find("北塘区2025年乡村振兴重点任务\n").unwrap();
    let preamble = notice.find("为扎实推进乡村全面振兴").unwrap();
    assert!(head < preamble, "{notice}");
}

/// Unit names with characters no one sees (zero-width, a BOM) or a space inside (a head
/// office and its branch, a no-break space after a level): one unit each, one sheet each.
#[test]
fn invisible_characters_and_spaces_inside_a_unit_name_make_no_second_unit() {
    let checked = checked("unit_names_with_invisible_spaces.docx");
    let plan = &checked.plan;
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [
            "区卫生健康局",
            "区教育局",
            "区数据局",
            "区民政局",
            "区财政局",
            "国家税务总局西城区税务局"
        ]
    );
    assert_eq!(
        units(plan, 2),
        (vec!["区教育局".into()], vec!["区财政局".into()])
    );
    assert_eq!(units(plan, 4).0, ["国家税务总局西城区税务局"]);
    assert_eq!(units(plan, 6).0, ["区民政局"]);
    assert!(codes(&checked).contains(&"text/invisible"));
    assert!(!codes(&checked).contains(&"unit/fragment"));
}

/// A notice that hands out its own measures under parts set in Word's Heading 1 style: its
/// 署名 and 成文日期 are read at its end, the measures are its tasks, and a measure over two
/// paragraphs above its 责任单位 line is one task.
#[test]
fn a_notice_whose_parts_are_headings_keeps_its_sign_off() {
    let checked = checked("notice_with_heading_styles.docx");
    let notice = &checked.plan.notice;
    assert_eq!(notice.signer.as_deref(), Some("某某县农业农村局"));
    assert_eq!(notice.date.as_deref(), Some("2025年3月3日"));
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert!(
        plan.task(1)
            .unwrap()
            .content
            .ends_with("分解到村、落实到田块。")
    );
    assert_eq!(units(plan, 4).0, ["县人力资源和社会保障局"]);
    let codes = codes(&checked);
    for never in ["notice/no-signer", "notice/no-date"] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }
    // The body's words after the measures print after them, as the source has them.
    let dir = word_project("notice_with_heading_styles.docx");
    let md = published_text(&dir.path().join("input"), "通知.md");
    let order = [
        "通知如下",
        "一、稳定粮食生产",
        "人力资源和社会保障局",
        "请各单位于",
        "特此通知",
        "custom-style=\"署名\"",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|w| md.find(w).unwrap_or_else(|| panic!("no {w}:\n{md}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}\n{md}");
}

/// Tasks opening with a bold lead-in numbered 1. under （一） headings: tasks of those
/// groups, and the plan prints each heading above its tasks.
#[test]
fn bold_numbered_lead_ins_are_tasks_printed_under_their_heading() {
    let checked = checked("bold_item_lead_ins.docx");
    let groups: Vec<Group> = checked
        .plan
        .groups()
        .map(|g| (g.title.clone(), g.tasks.clone()))
        .collect();
    assert_eq!(
        groups,
        [
            ("推进数字产业化".to_string(), vec![1, 2]),
            ("推进产业数字化".to_string(), vec![3])
        ]
    );
    let dir = word_project("bold_item_lead_ins.docx");
    let md = published_text(&dir.path().join("input"), "方案.md");
    let order = [
        "（一）推进数字产业化",
        "1.培育数字企业",
        "2.建设数字产业园",
        "（二）推进产业数字化",
        "1.实施智能化改造",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|w| md.find(w).unwrap_or_else(|| panic!("no {w}:\n{md}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}\n{md}");
}

/// Heads, sign-offs and 版记 as offices set them in Word (round 99): the 版头 a table of the
/// agencies' names beside 文件 (a cell apart, merged down their rows, or the names a line each
/// in one cell), a 请示's 签发人 beside its 文号, the 署名 a table of agencies over their
/// dates with a 附注 under it, the 署名 in a text box, and the 版记 after the attachment's
/// table as paragraphs or as a table: every field read, nothing said as left out.
#[test]
fn word_heads_sign_offs_and_imprints_as_offices_set_them() {
    let notice = |name: &str| {
        let checked = checked(name);
        let left_out = ["source/unused", "word/table-not-read", "word/after-table"];
        let said: Vec<&str> = (checked.report.diagnostics.iter())
            .filter(|d| left_out.contains(&d.code.as_str()))
            .map(|d| d.message.as_str())
            .collect();
        assert!(said.is_empty(), "{name}: {said:?}");
        checked.plan.notice
    };
    let joint = notice("joint_head_rows_signed_in_table.docx");
    let two = "青禾区人力资源和社会保障局\n青禾区财政局";
    assert_eq!(joint.issuer.as_deref(), Some(two));
    assert_eq!(joint.issuer_written, Some(format!("{two}\n文件")));
    assert_eq!(joint.signer.as_deref(), Some(two));
    assert_eq!(joint.date.as_deref(), Some("2025年8月6日"));
    assert_eq!(joint.annotation.as_deref(), Some("（此件主动公开）"));

    let three = notice("joint_head_one_cell.docx");
    let names = "青禾区教育局\n青禾区卫生健康局\n青禾区体育局";
    assert_eq!(three.issuer.as_deref(), Some(names));
    assert!(!three.issuer_from_signer);

    let apart = notice("head_table_word_apart_imprint_table.docx");
    assert_eq!(
        apart.issuer_written.as_deref(),
        Some("青禾区人民政府办公室文件")
    );
    assert_eq!(
        apart.copy_to.as_deref(),
        Some("区委各部门，区人大常委会办公室，区政协办公室")
    );
    assert_eq!(
        apart.printed,
        Some(("青禾区人民政府办公室".into(), "2025年2月18日".into()))
    );

    let request = notice("request_approver_in_head_table.docx");
    assert_eq!(request.approved_by, ["李建国"]);
    assert_eq!(
        request.title.as_deref(),
        Some("青禾区发展和改革局关于审定《青禾区2025年重大项目推进工作方案》的请示")
    );

    let boxed = notice("sign_off_in_text_box.docx");
    assert_eq!(boxed.signer.as_deref(), Some("青禾区民政局"));
    assert_eq!(boxed.date.as_deref(), Some("2025年2月27日"));

    let signed = notice("signed_in_table_imprint_after.docx");
    assert_eq!(
        signed.signer.as_deref(),
        Some("中共青禾区委办公室\n青禾区人民政府办公室")
    );
    assert_eq!(signed.date.as_deref(), Some("2025年3月28日"));
    assert_eq!(signed.annotation.as_deref(), Some("（此件发至镇街）"));
    assert_eq!(
        signed.copy_to.as_deref(),
        Some("市委农办，区人大常委会办公室，区政协办公室")
    );
}

/// Text the document hides (w:vanish) is left out, as Word prints it, and said where it
/// stands with its words.
#[test]
fn hidden_text_is_said_with_its_words() {
    let checked = checked("hidden_text.docx");
    let hidden = (checked.report.diagnostics.iter())
        .find(|d| d.code == "word/not-content" && d.message.contains("隐藏文字"))
        .expect("a note on the hidden text");
    assert!(hidden.message.contains("内部备忘：此稿待主要领导审定"));
    assert!(
        hidden.location.to_string().contains("段"),
        "{}",
        hidden.location
    );
}
