//! Hostile and broken inputs: each gets exit code 2, a Chinese message naming the file, no
//! panic, and nothing written to the output folder.

use crate::common;

use common::*;

fn assert_refused(files: &[(&str, &[u8])], must_name: &str, must_say: &str) {
    let dir = project(files);
    for args in [&["check"][..], &["dump", "--json"][..], &["publish"][..]] {
        let out = fengong(dir.path(), args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(must_name),
            "{args:?} does not name {must_name}: {err}"
        );
        assert!(
            err.contains(must_say),
            "{args:?} does not say {must_say}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(!dir.path().join("output").exists(), "{args:?} wrote output");
    }
}

#[test]
fn empty_file() {
    assert_refused(&[("plan.md", b"")], "input/plan.md", "文件为空");
    assert_refused(&[("plan.md", b"  \r\n\n ")], "input/plan.md", "文件为空");
}

/// An empty file beside the plan (新建 Microsoft Excel 工作表.xlsx, never saved) holds nothing
/// to lose: each is said, and the plan is read and published.
#[test]
fn an_empty_file_beside_the_plan_is_said_and_skipped() {
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("新建 Microsoft Excel 工作表.xlsx", b""),
        ("新建文本文档.txt", b""),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = fengong(dir.path(), &["check"]);
    let said = said(&check);
    for name in ["新建 Microsoft Excel 工作表.xlsx", "新建文本文档.txt"] {
        assert!(
            said.contains(&format!("input/{name}: 警告[input/empty]")),
            "{name}: {said}"
        );
    }
    assert!(dir.path().join("output/任务分工表.pdf").exists());
}

/// A clerk's folder holds more than fengong reads: a zip, a scan, a folder of old returns.
/// Each is said with what it is (a notice kept only in the zip is otherwise missing without a
/// word); a folder holding nothing but them says what to do with each.
#[test]
fn archives_pictures_and_folders_are_said() {
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        (
            "通知及附件.zip",
            b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        ),
        ("通知扫描件.jpg", b"\xFF\xD8\xFF\xE0"),
    ]);
    let input = dir.path().join("input");
    std::fs::create_dir_all(input.join("反馈/2025上半年")).unwrap();
    std::fs::create_dir_all(input.join("returns")).unwrap();
    let said = said(&fengong(dir.path(), &["check"]));
    for (name, what) in [
        ("通知及附件.zip", "压缩包"),
        ("通知扫描件.jpg", "图片"),
        ("反馈", "子目录"),
    ] {
        let line = (said.lines())
            .find(|l| l.starts_with(&format!("input/{name}: ")))
            .unwrap_or_else(|| panic!("{name} not said: {said}"));
        assert!(
            line.contains("[input/aside]") && line.contains(what),
            "{line}"
        );
    }
    assert!(!said.contains("input/returns:"), "{said}");

    std::fs::remove_file(input.join("嘉发改〔2025〕14号.md")).unwrap();
    let out = fengong(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("「通知及附件.zip」是压缩包，请先解压"),
        "{}",
        stderr(&out)
    );
}

/// `check --format json` on a source it cannot read: the findings as JSON on stdout for a
/// script, the message on stderr, exit 2.
#[test]
fn a_refusal_in_json_for_scripts() {
    let dir = project(&[("plan.md", b"")]);
    let out = fengong(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(found[0]["location"]["path"], "input/plan.md");
    assert!(stderr(&out).contains("文件为空"));
}

#[test]
fn binary_garbage() {
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert_refused(&[("plan.md", &garbage)], "input/plan.md", "不是文本文件");
}

#[test]
fn broken_encoding() {
    let mut bytes = "第一行\n第二行\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFE, 0xFF, b'\n']);
    assert_refused(
        &[("plan.md", &bytes)],
        "input/plan.md:3",
        "无法识别文件编码",
    );
}

#[test]
fn a_file_without_a_table() {
    let text = "# 某区工作安排\n\n## 一、总体要求\n\n**做好工作。**认真落实。\n";
    assert_refused(
        &[("plan.md", text.as_bytes())],
        "input/plan.md",
        "未找到任务分工表",
    );
}

/// A page whose line breaks were lost in the copy: its numbered items stand one after
/// another on a single line, which is said, with how many.
#[test]
fn items_run_together_on_one_line_are_said() {
    let mut text = String::from("2026年县政府民生实事项目进展情况公示如下，接受社会监督。");
    for (n, item) in [
        "新建城区公交首末站2座。",
        "改造农村危桥6座。",
        "新增养老床位300张。",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            " {}.{item} 牵头领导:某某 责任单位:县交通运输局 项目责任人:某某 实际完成情况:工程已完成年度目标任务的一半，项目按计划扎实有序推进，下阶段将进一步加大推进力度，确保按期完成。",
            n + 1
        ));
    }
    assert_refused(
        &[("plan.txt", text.as_bytes())],
        "input/plan.txt",
        "3 条编号事项连在一行里",
    );
}

/// A notice whose table was not put in input/, and a list of items none of which names a
/// unit: the refusal says what it saw — the attachments the notice lists, the items.
#[test]
fn a_refusal_says_what_the_source_shows() {
    let notice = "关于做好2026年重点工作任务分解的通知\n各镇人民政府，县政府各部门：\n\
                  现将县政府2026年重点工作任务分解（详见附件），请抓好落实。\n\
                  附件：1.2026年重点工作任务分解表\n2.2026年民生实事任务分解表\n\
                  某县人民政府办公室\n2026年2月3日\n";
    assert_refused(
        &[("notice.md", notice.as_bytes())],
        "input/notice.md",
        "通知的附件说明列出「2026年重点工作任务分解表」等 2 个附件，但读入的文件中没有它们",
    );
    // The list under the short label 附： is the same list.
    let short = notice
        .replace("附件：1.", "附：1、")
        .replace("\n2.2026", "\n2、2026");
    assert_refused(
        &[("short.md", short.as_bytes())],
        "input/short.md",
        "通知的附件说明列出「2026年重点工作任务分解表」等 2 个附件，但读入的文件中没有它们",
    );
    // A web page's box of labels and dates above it is no table's header.
    let boxed = format!(
        "索引号: | 1134-2026-0007 | 信息分类: | 通知 |\n成文日期: | 发布日期: | 2026-02-03 | |\n{notice}"
    );
    assert_refused(
        &[("boxed.md", boxed.as_bytes())],
        "input/boxed.md",
        "通知的附件说明列出「2026年重点工作任务分解表」等 2 个附件",
    );
    // No 附件说明: the body's own sentence names what it issues.
    let issued = "某县人民政府办公室关于印发2026年重点工作任务分解的通知\n各镇人民政府，县政府各部门：\n\
                  《2026年县政府重点工作任务分解》已经县人民政府同意，现印发给你们，请认真抓好落实。\n\
                  某县人民政府办公室\n2026年2月3日\n";
    assert_refused(
        &[("issued.md", issued.as_bytes())],
        "input/issued.md",
        "通知正文说印发《2026年县政府重点工作任务分解》，但读入的文件中没有它",
    );
    // A text that stops mid-sentence: said, it may not have been copied whole.
    let cut = "某县2026年重点工作要点\n一、推动产业升级\n加快建设先进制造业基地，推进新能源汽车零部件产业园二期、智能装备产业园和";
    assert_refused(
        &[("cut.md", cut.as_bytes())],
        "input/cut.md",
        "原文最后一行停在「…园二期、智能装备产业园和」，没有写完：文字可能没有复制完整",
    );
    // The plan the body issues stands in the text itself (its title broken over two lines),
    // with no table and no unit: the refusal does not send the user looking for it.
    let here = format!(
        "{issued}某县2026年县政府\n重点工作任务分解\n一、推动产业升级\n加快建设先进制造业基地。\n"
    );
    let dir = project(&[("here.md", here.as_bytes())]);
    let err = said(&fengong(dir.path(), &["check"]));
    assert!(err.contains("未找到任务分工表"), "{err}");
    assert!(!err.contains("没有读到它"), "{err}");
    // A table drawn with box lines: where it starts, and how to bring it in.
    let boxed = "某县2026年重点工作任务分解\n┌────┬────┐\n│工作任务│牵头单位│\n├────┼────┤\n│抓好财政│县财政局│\n│工作    │        │\n└────┴────┘\n";
    assert_refused(
        &[("boxed.md", boxed.as_bytes())],
        "input/boxed.md",
        "第 2 行起的表格是用制表线（┌ │ ├）画出的，但其中没有写明各列内容的表头",
    );
    // One whose lines do not keep to its columns: the line that breaks them.
    let ragged = "某县2026年重点工作任务分解\n┌──┬────┬────┐\n│序号│工作任务│牵头单位│\n├──┼────┼────┤\n│1 │抓好财政工作│\n└──┴────┴────┘\n";
    assert_refused(
        &[("ragged.md", ragged.as_bytes())],
        "input/ragged.md",
        "第 2 行起的表格是用制表线（┌ │ ├）画出的，但第 5 行有 2 格、表格有 3 列",
    );
    let items = "某镇2026年为民办实事项目\n第一件实事：新建村级养老服务站3个。\n\
                 第二件实事：改造农村公路12公里。\n第三件实事：新增公共停车位200个。\n";
    assert_refused(
        &[("items.md", items.as_bytes())],
        "input/items.md",
        "原文有 3 条编号事项（如「第一件实事：新建村级养老服务站3个。」），但都没有写明责任单位",
    );
    // A Word table pasted as running text: the header's names are there, but run together
    // with the rows; the viewer's page marks (1、2、) are not counted as items.
    let glued = "某区2026年民生实事分解表\n1、序号实事名称具体内容牵头单位配合单位1改造老旧小区完成改造20个。区住建局各街道2新增托位新增普惠托位300个。\n2、区卫健局区教育局\n";
    assert_refused(
        &[("glued.md", glued.as_bytes())],
        "input/glued.md",
        "第 2 行写有表头「序号实事名称具体内容牵头单位配合单位」，但各列的名称和内容连成了一行",
    );
    let dir = project(&[("glued.md", glued.as_bytes())]);
    let err = said(&fengong(dir.path(), &["check"]));
    assert!(!err.contains("编号事项"), "{err}");
}

/// A web page's table pasted as plain text, one cell per line, whose lines mostly fit no
/// column (names of people under 责任单位): the place of its header and what happened, not
/// "no table" and not a guess.
#[test]
fn a_table_copied_one_cell_per_line() {
    let text = "要点\n序号\n|\n工作任务\n|\n责任单位\n|\n1\n|\n做好公开。\n|\n张明\n|\n2\n|\n抓好落实。\n|\n李华\n";
    assert_refused(
        &[("plan.txt", text.as_bytes())],
        "input/plan.txt:2",
        "每格占一行（表头「序号 / 工作任务 / 责任单位」）",
    );
}

/// A table whose 序号 column holds no number (a web table's merged cells shifted it): the
/// message says which column.
#[test]
fn a_table_whose_number_column_holds_no_number() {
    let text = "序号 | 部署任务 | 落实措施 | 牵头单位\n一、优化审批 | | |\n(一)实施清单管理。 | 1.编制清单。 | 市审批局 |\n";
    assert_refused(
        &[("plan.txt", text.as_bytes())],
        "input/plan.txt:1",
        "「序号」列下没有一个是数字",
    );
}

/// A web table that copied as its rules only (the header, then rows of empty cells): says
/// the contents were lost, not that the 序号 column holds no number.
#[test]
fn a_table_whose_cells_copied_empty() {
    let text = "2021年政务公开工作主要任务分解表\n工作任务 | 工作要求 | 牵头单位 | 责任单位 |\n\
                一、紧扣“十四五”开好局起好步 |\n|||\n| | | |\n|||\n";
    assert_refused(
        &[("plan.txt", text.as_bytes())],
        "input/plan.txt:2",
        "表头下各格都是空的",
    );
    // The header's names one a line, as the page copied them.
    let text = "2021年政务公开工作主要任务分解表\n工作任务 |\n工作要求 |\n牵头单位 |\n责任单位 |\n\
                一、紧扣“十四五”开好局起好步 |\n|||\n|\n|\n";
    assert_refused(
        &[("plan.txt", text.as_bytes())],
        "input/plan.txt:2",
        "表头下各格都是空的",
    );
}

/// A notice whose attachment stands in the same file, its title set as a bold heading over a
/// table that is no 分工表 (乡镇 | 新种任务（亩）): the message says the title is here and
/// its table could not be read — not that the folder lacks the attachment — and never takes
/// the bold title's marks for a line cut off.
#[test]
fn an_attachment_in_the_same_file_over_a_table_that_is_no_plan() {
    let text = "各乡镇人民政府：\n\n现将《某县2023年任务分解表》下达给你们。\n\n\
                附件：某县2023年任务分解表\n\n某县领导小组办公室\n\n2023年2月6日\n\n附件\n\n\
                # **某县2023年任务分解表**\n";
    assert_refused(
        &[("plan.md", text.as_bytes())],
        "input/plan.md",
        "文中有它的标题，但标题下没有能读出的任务分工表",
    );
    let dir = project(&[("plan.md", text.as_bytes())]);
    let err = stderr(&fengong(dir.path(), &["check"]));
    assert!(!err.contains("没有写完"), "{err}");
    assert!(!err.contains("**"), "{err}");
}

/// A table whose header lacks a column fengong needs: the line, what it read, what is missing.
#[test]
fn a_header_without_a_units_column_says_so() {
    let text = "某局2025年工作要点分解表\n序号\t工作任务\t时限要求\n1\t做好公开。\t全年\n";
    assert_refused(
        &[("plan.txt", text.as_bytes())],
        "input/plan.txt:2",
        "缺少“责任单位”列",
    );
}

#[test]
fn a_table_without_tasks() {
    let text = "分工表\n\n序号\t具体内容\t责任单位\n\n说明文字\n";
    assert_refused(
        &[("plan.md", text.as_bytes())],
        "input/plan.md:3",
        "没有任何带序号的任务行",
    );
}

#[test]
fn an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("input")).unwrap();
    let out = fengong(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("input"));
    assert!(stderr(&out).contains("没有可读取的文件"));
}

#[test]
fn a_failed_publish_leaves_the_previous_output() {
    let dir = project(&[("plan.md", seed_text().as_bytes())]);
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let before = std::fs::read(dir.path().join("output/manifest.json")).unwrap();
    std::fs::write(dir.path().join("input/plan.md"), b"").unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read(dir.path().join("output/manifest.json")).unwrap(),
        before
    );
}

/// A publish that fails while documents are already being written (a unit-sheet template
/// that names a field the sheet does not have) leaves the previous output as it was and no
/// staging folder behind.
#[test]
fn a_publish_failing_midway_leaves_no_trace() {
    let dir = project(&[("plan.md", seed_text().as_bytes())]);
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let before = std::fs::read(dir.path().join("output/manifest.json")).unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/unit_sheet.md.tera"),
        "# {{ unit }}\n\n{{ no_such_field }}\n",
    )
    .unwrap();
    let out = fengong(dir.path(), &["publish", "--fresh"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("output/manifest.json")).unwrap(),
        before
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A notice whose requirements say what its role words cover (各承办单位（含主办单位、协办单位，
/// 下同）, 各主办单位（未写主办单位的，…即为主办单位）) and no table: refused for want of tasks,
/// never read as tasks led by 含主办单位.
#[test]
fn a_notice_defining_its_role_words_has_no_tasks() {
    let notice = "县人民政府办公室关于印发2026年重点任务分解方案的通知\n\
        各乡镇人民政府，县政府各部门：\n\
        现将《2026年重点任务分解方案》印发给你们，并提出如下要求。\n\
        一、压实责任。各承办单位(含主办单位、协办单位,下同)要逐项细化任务。\
        各主办单位(未写主办单位的,第一个承办单位即为主办单位,下同)于2月底前报送推进计划。\n\
        二、加强配合。各责任单位（包括牵头单位、责任单位）要主动对接。\n";
    assert_refused(
        &[("通知.md", notice.as_bytes())],
        "input/通知.md",
        "未找到任务分工表",
    );
}
