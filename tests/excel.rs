//! Excel both ways: the official task table written as XLSX (checked with openpyxl and
//! LibreOffice), and tables read from workbooks of several realistic shapes.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::*;
use fengong::model::{Plan, Role};
use rust_xlsxwriter::Workbook;

fn plan_of(dir: &Path) -> Plan {
    fengong::check(&dir.join("input")).expect("reads").plan
}

/// Who does a task and how; the spelling written is not compared (documents print
/// canonical names).
fn units(task: &fengong::model::Task) -> Vec<(String, Role, Option<String>, bool)> {
    task.units
        .iter()
        .map(|a| (a.name.clone(), a.role, a.via.clone(), a.conditional))
        .collect()
}

fn tidy(s: &str) -> String {
    fengong::base::cjk::tidy_spacing(s)
}

#[test]
fn the_written_table_reads_back_to_the_same_model() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let seed = plan_of(dir.path());
    let xlsx = std::fs::read(dir.path().join("output/任务分工表.xlsx")).unwrap();
    let back_dir = project(&[("任务分工表.xlsx", &xlsx)]);
    let back = plan_of(back_dir.path());
    assert_eq!(back.tasks.len(), seed.tasks.len());
    for (a, b) in seed.tasks.iter().zip(&back.tasks) {
        assert_eq!(a.no, b.no);
        // The documents print the text without OCR spaces between Chinese and digits.
        assert_eq!(tidy(&a.content), b.content, "task {}", a.no);
        assert_eq!(units(a), units(b), "task {}", a.no);
        assert_eq!(a.unspecified, b.unspecified);
        assert_eq!(a.group, b.group, "task {}", a.no);
        assert_eq!(a.section, b.section, "task {}", a.no);
        assert_eq!(a.targets.len(), b.targets.len());
    }
    assert_eq!(groups(&seed), groups(&back));
    let sections =
        |p: &Plan| -> Vec<String> { p.sections.iter().map(|s| s.title.clone()).collect() };
    assert_eq!(sections(&seed), sections(&back));
    assert_eq!(back.table.title, seed.table.title);
}

/// A workbook as another bureau sends it: an explanation sheet first, title rows, separate
/// 牵头单位 / 配合单位 columns, a deadline column, numbers stored as text, blank rows, in-cell
/// line breaks, stray spaces, labels without merges, notes after the table.
fn other_bureau_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("填表说明").unwrap();
    info.write_string(0, 0, "请按要求填写，勿改动表头。")
        .unwrap();
    let sheet = wb.add_worksheet();
    sheet.set_name("分工方案").unwrap();
    sheet
        .write_string(0, 0, "某区2026年优化营商环境重点任务分工表")
        .unwrap();
    sheet.write_string(1, 0, "（2026年3月）").unwrap();
    let header = [
        "工作类别",
        "编号",
        "重点任务",
        "牵头单位",
        "配合单位",
        "完成时限",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    let rows: &[[&str; 6]] = &[
        ["一、提升政务服务效能", "", "", "", "", ""],
        [
            "（一）深化一网通办",
            "1",
            "推进高频事项\n“一件事”集成办理。",
            " 区数据局 ",
            "区教育局、区卫生健康委",
            "2026年6月底前",
        ],
        [
            "",
            "2",
            "新增 30 个24小时自助服务点。",
            "区数据局",
            "各街镇",
            "2026年三季度",
        ],
        ["", "", "", "", "", ""],
        [
            "（二）优化监管方式",
            "3",
            "推行“综合查一次”，年内覆盖率不低于90%。",
            "区市场监管局、区数据局",
            "",
            "年底前",
        ],
        ["二、降低经营成本", "", "", "", "", ""],
        [
            "（三）减轻企业负担",
            "4",
            "落实减税降费政策，全年减负不少于5亿元。",
            "区财政局",
            "区发展改革委\n区人力资源社会保障局",
            "2026-12-31",
        ],
        ["注：牵头单位负责汇总报送进展。", "", "", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(4 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_from_another_bureau() {
    let dir = project(&[("营商环境.xlsx", &other_bureau_workbook())]);
    let plan = plan_of(dir.path());
    assert_eq!(
        plan.table.title.as_deref(),
        Some("某区2026年优化营商环境重点任务分工表")
    );
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let t1 = plan.task(1).unwrap();
    assert_eq!(t1.content, "推进高频事项“一件事”集成办理。");
    let roles: Vec<(&str, Role)> = t1.units.iter().map(|a| (a.name.as_str(), a.role)).collect();
    assert_eq!(
        roles,
        [
            ("区数据局", Role::Lead),
            ("区教育局", Role::Support),
            ("区卫生健康委", Role::Support)
        ]
    );
    assert_eq!(
        t1.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-06-30")
    );
    assert_eq!(t1.deadline_text.as_deref(), Some("2026年6月底前"));
    assert_eq!(
        plan.task(2)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-09-30")
    );
    // Two leads in the 牵头单位 column both lead.
    let t3 = plan.task(3).unwrap();
    assert_eq!(t3.leads().count(), 2);
    assert_eq!(
        t3.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
    let t4 = plan.task(4).unwrap();
    assert_eq!(t4.supports().count(), 2, "line break separates units");
    assert_eq!(t4.targets[0].unit, "亿元");
    // Labels without merges hold until the next; sections from the section rows.
    let groups = groups(&plan);
    assert_eq!(
        groups,
        [
            ("深化一网通办".to_string(), vec![1, 2]),
            ("优化监管方式".to_string(), vec![3]),
            ("减轻企业负担".to_string(), vec![4]),
        ]
    );
    assert_eq!(plan.sections.len(), 2);
    assert_eq!(plan.sections[1].title, "降低经营成本");
    // Places are sheet!cell.
    assert!(
        t1.origin
            .to_string()
            .ends_with("input/营商环境.xlsx#分工方案!C6"),
        "{}",
        t1.origin
    );
}

#[test]
fn problems_name_the_sheet_and_cell() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("任务").unwrap();
    for (c, h) in ["序号", "具体内容", "责任单位"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "1").unwrap();
    sheet.write_string(1, 1, "做好甲事。").unwrap();
    sheet.write_string(1, 2, "区教育").unwrap();
    sheet.write_string(2, 0, "第二").unwrap();
    sheet.write_string(2, 1, "做好乙事。").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("t.xlsx", &bytes)]);
    let out = fengong(dir.path(), &["check"]);
    let err = said(&out);
    assert!(err.contains("input/t.xlsx#任务!A3"), "{err}");
    // A finding about a unit points at the unit's own cell (责任单位, column C).
    assert!(
        err.contains("input/t.xlsx#任务!C2: 警告[unit/unknown]"),
        "{err}"
    );
    assert!(err.contains("是否指「区教育局」"), "{err}");
}

#[test]
fn a_workbook_without_a_table_or_not_a_workbook() {
    let mut wb = Workbook::new();
    wb.add_worksheet().write_string(0, 0, "通讯录").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("名单.xlsx", &bytes)]);
    let out = fengong(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("input/名单.xlsx"));
    assert!(stderr(&out).contains("找不到任务分工表"));

    let dir = project(&[("假的.xlsx", "这不是表格".as_bytes())]);
    let out = fengong(dir.path(), &["publish"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("input/假的.xlsx"));
    assert!(stderr(&out).contains("无法读取电子表格"));
    assert!(!dir.path().join("output").exists());
}

#[test]
fn cells_that_look_like_formulas_stay_text() {
    let text = seed_text().replace(
        "继续开展学生体质监测工作。加强医教协同",
        "=HYPERLINK(\"http://x\",\"点击\")继续开展学生体质监测工作。加强医教协同",
    );
    let dir = project(&[("嘉发改〔2025〕14号.md", text.as_bytes())]);
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let xlsx = std::fs::read(dir.path().join("output/任务分工表.xlsx")).unwrap();
    let sheet = unzip_entry(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "a formula was written");
    let strings = unzip_entry(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("=HYPERLINK("));
}

/// One entry of a zip, as text (the XLSX parts are XML).
fn unzip_entry(zip: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.zip");
    std::fs::write(&path, zip).unwrap();
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
        ])
        .arg(&path)
        .arg(name)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn openpyxl_sees_a_ledger() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let path = dir.path().join("output/任务分工表.xlsx");
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["任务分工表"]
merged = {str(r) for r in ws.merged_cells.ranges}
assert "A1:D1" in merged, merged                      # title across
assert "A3:D3" in merged, merged                      # section row across
assert "A4:A5" in merged, merged                      # group (一) over tasks 1-2
assert ws.freeze_panes == "A3", ws.freeze_panes
assert ws.auto_filter.ref.startswith("A2:D"), ws.auto_filter.ref
assert ws.print_title_rows == "$1:$2", ws.print_title_rows
assert ws.page_setup.orientation == "landscape"
assert int(ws.page_setup.paperSize) == 9
assert ws.sheet_properties.pageSetUpPr.fitToPage
assert ws.page_setup.fitToHeight == 0
assert "&P" in ws.oddFooter.center.text
assert [c.value for c in ws[2]] == ["主要事项", "序号", "具体内容", "责任单位"]
assert ws["C4"].font.name == "仿宋" and ws["C4"].alignment.wrap_text
assert ws["C4"].border.left.style == "thin"
print("ok")
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn libreoffice_opens_it_and_reads_back_ods_and_xls() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let source = dir.path().join("output/任务分工表.xlsx");
    let convert = |to: &str| {
        let out_dir = dir.path().join(format!("lo-{to}"));
        let out = soffice(dir.path())
            .args(["--norestore", "--convert-to", to, "--outdir"])
            .arg(&out_dir)
            .arg(&source)
            .env("HOME", dir.path())
            .output()
            .expect("soffice (libreoffice-calc) is needed; .ci/run installs it");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.to_lowercase().contains("error"), "{stderr}");
        out_dir.join(format!("任务分工表.{to}"))
    };
    let pdf = convert("pdf");
    assert!(std::fs::metadata(&pdf).unwrap().len() > 10_000);
    // The same table saved by LibreOffice as .ods and .xls reads back the same.
    let seed = plan_of(dir.path());
    for to in ["ods", "xls"] {
        let file = convert(to);
        let back_dir = project(&[(&format!("t.{to}"), &std::fs::read(&file).unwrap())]);
        let back = plan_of(back_dir.path());
        assert_eq!(back.tasks.len(), 78, "{to}");
        for (a, b) in seed.tasks.iter().zip(&back.tasks) {
            assert_eq!(tidy(&a.content), b.content, "{to} task {}", a.no);
            assert_eq!(units(a), units(b), "{to} task {}", a.no);
            assert_eq!(a.group, b.group, "{to} task {}", a.no);
        }
    }
}

/// An Excel ledger whose section and group rows are merged across the table, their text in
/// the 序号 column: each is read as one row, a section or a group, not a bad number.
#[test]
fn rows_merged_across_the_table_are_sections_and_groups() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("分工").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            3,
            "某区2025年便民服务任务分工表",
            &rust_xlsxwriter::Format::new(),
        )
        .unwrap();
    for (c, h) in ["序号", "工作任务", "牵头单位", "配合单位"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let merged = |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, text: &str| {
        sheet
            .merge_range(row, 0, row, 3, text, &rust_xlsxwriter::Format::new())
            .unwrap();
    };
    merged(sheet, 2, "一、提升服务质量");
    merged(sheet, 3, "（一）政务服务");
    let task = |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, cells: [&str; 4]| {
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(row, c as u16, *v).unwrap();
        }
    };
    task(
        sheet,
        4,
        ["1", "推行“一件事一次办”。", "区政务服务中心", "区数据局"],
    );
    merged(sheet, 5, "（二）便民设施");
    task(sheet, 6, ["2", "新建城市书房5家。", "区文旅局", "各街道"]);
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分工.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["提升服务质量"]);
    let groups = groups(plan);
    assert_eq!(
        groups,
        [
            ("政务服务".to_string(), vec![1]),
            ("便民设施".to_string(), vec![2])
        ]
    );
    assert!(
        !checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "table/bad-number"),
        "{:?}",
        checked.report.diagnostics
    );
}

/// A city's table whose 序号 start from 1 again in each part (一、… 1 2 / 二、… 1 2 3), as
/// Word and Excel tables often are: numbered on through the table and said, each task in
/// its part — not refused for numbers repeated. A number repeated in one part stays wrong.
#[test]
fn numbers_starting_again_in_each_part_are_numbered_on() {
    let book = |numbers: [&str; 5]| {
        let mut wb = Workbook::new();
        let sheet = wb.add_worksheet();
        for (c, h) in ["序号", "重点任务", "牵头单位", "配合单位"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        let rows: [(&str, &str); 5] = [
            ("开展社区嵌入式服务设施现状摸底。", "市发改委"),
            ("优化服务设施配置标准。", "市规划和自然资源局"),
            ("推进首批100个示范社区项目建设。", "市住建局"),
            ("盘活社区闲置低效空间。", "市住建局"),
            ("建立项目调度机制。", "市发改委"),
        ];
        let mut row = 1;
        for (at, (content, lead)) in rows.iter().enumerate() {
            if at == 0 || at == 2 {
                let part = if at == 0 {
                    "一、统筹规划布局"
                } else {
                    "二、推进项目建设"
                };
                sheet
                    .merge_range(row, 0, row, 3, part, &rust_xlsxwriter::Format::new())
                    .unwrap();
                row += 1;
            }
            for (c, v) in [numbers[at], content, lead, "市财政局"].iter().enumerate() {
                sheet.write_string(row, c as u16, *v).unwrap();
            }
            row += 1;
        }
        wb.save_to_buffer().unwrap()
    };
    let dir = project(&[("分工.xlsx", &book(["1", "2", "1", "2", "3"]))]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let numbers: Vec<u32> = checked.plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    let parts: Vec<u32> = checked.plan.tasks.iter().map(|t| t.section).collect();
    assert_eq!(parts, [1, 1, 2, 2, 2]);
    let said = codes(&checked);
    assert!(said.contains(&"table/renumbered"), "{said:?}");
    assert!(!said.contains(&"structure/duplicate-number"), "{said:?}");
    // 1 2 / 1 1 3: no run of its own, the repeat is the source's to mend.
    let dir = project(&[("分工.xlsx", &book(["1", "2", "1", "1", "3"]))]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let said = codes(&checked);
    assert!(!said.contains(&"table/renumbered"), "{said:?}");
    assert!(said.contains(&"structure/duplicate-number"), "{said:?}");
    // Said at the 序号 cell, where the number is (A6, first at A3), not at the task's text.
    let repeated = (checked.report.diagnostics.iter())
        .find(|d| d.code == "structure/duplicate-number")
        .unwrap();
    assert!(
        repeated.location.to_string().ends_with("!A6"),
        "{}",
        repeated.location
    );
    assert!(repeated.message.contains("!A3"), "{}", repeated.message);
}

/// A province's notice attaching two tables kept in one workbook, a sheet each (附件1 主要指
/// 标分解表, 附件2 重点任务分解表 over parts of its own, 一、扩大有效投资 …): 附件2's title
/// names its part and it is printed as 附件2 under that title — it was said to need
/// attaching separately, its title and each sheet's 附件N label said unused.
#[test]
fn a_second_attachments_table_with_parts_of_its_own_is_printed_as_that_attachment() {
    let notice = "甘肃省人民政府文件\n\n甘政发〔2022〕9号\n\n\
        甘肃省人民政府关于分解落实2022年《政府工作报告》主要目标任务的通知\n\n\
        各市、自治州人民政府，省政府各部门：\n\n\
        现将2022年《政府工作报告》主要目标任务分解印发给你们，请认真抓好落实。\n\n\
        附件：1．2022年《政府工作报告》主要指标分解表\n\
        2．2022年《政府工作报告》重点任务分解表\n\n甘肃省人民政府\n\n2022年1月25日\n";
    let mut wb = Workbook::new();
    let format = rust_xlsxwriter::Format::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("附件1").unwrap();
    let rows: [[&str; 5]; 3] = [
        ["序号", "指标名称", "2022年目标", "牵头单位", "配合单位"],
        ["1", "地区生产总值增长", "6.5%", "省发展改革委", "省统计局"],
        ["2", "城镇新增就业", "31万人以上", "省人社厅", "各市州政府"],
    ];
    sheet.write_string(0, 0, "附件1").unwrap();
    sheet
        .merge_range(1, 0, 1, 4, "2022年《政府工作报告》主要指标分解表", &format)
        .unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 2, c as u16, *v).unwrap();
        }
    }
    let sheet = wb.add_worksheet();
    sheet.set_name("附件2").unwrap();
    sheet.write_string(0, 0, "附件2").unwrap();
    sheet
        .merge_range(1, 0, 1, 4, "2022年《政府工作报告》重点任务分解表", &format)
        .unwrap();
    let rows: [[&str; 5]; 5] = [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["一、扩大有效投资", "", "", "", ""],
        [
            "1",
            "谋划实施重大项目。",
            "省发展改革委",
            "省直有关部门",
            "12月底",
        ],
        ["二、推动工业强省", "", "", "", ""],
        ["2", "实施工业强省行动。", "省工信厅", "省国资委", "12月底"],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        if row[1].is_empty() {
            sheet.merge_range(r, 0, r, 4, row[0], &format).unwrap();
            continue;
        }
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r, c as u16, *v).unwrap();
        }
    }
    let book = wb.save_to_buffer().unwrap();
    let dir = project(&[("通知.md", notice.as_bytes()), ("附件.xlsx", &book)]);
    let input = dir.path().join("input");
    let checked = fengong::check(&input).unwrap();
    let said = codes(&checked);
    assert!(!said.contains(&"notice/attachments"), "{said:?}");
    assert!(!said.contains(&"source/unused"), "{said:?}");
    let parts = &checked.plan.table.parts;
    assert_eq!(parts.len(), 1, "{parts:?}");
    assert_eq!(parts[0].title, "2022年《政府工作报告》重点任务分解表");
    assert_eq!(parts[0].first_task, 3);
    let notice = common::published_text(&input, "通知.md");
    let second = notice.find("附件2\n").expect("附件2 printed");
    let tail = &notice[second..];
    assert!(
        tail.contains("2022年《政府工作报告》重点任务分解表"),
        "{tail}"
    );
    assert!(tail.contains("**一、扩大有效投资**"), "{tail}");
    assert!(!tail.contains("主要指标分解表"), "{tail}");
    assert!(!notice[..second].contains("谋划实施重大项目"), "{notice}");
}

/// The notice's two table attachments sent as a file each (附件1.xlsx, 附件2.xlsx), as
/// offices send them: read as one source's two tables are — they were refused as two
/// 分工表 (`input/two-tables`). A further table the notice does not list still is.
#[test]
fn attachments_sent_as_a_file_each_are_read_together() {
    let notice = "某县人民政府办公室文件\n\n某政办发〔2025〕9号\n\n\
        某县人民政府办公室关于印发2025年重点任务分解的通知\n\n县直各有关单位：\n\n\
        经县政府同意，现将有关任务分解印发给你们，请认真抓好落实。\n\n\
        附件：1.2025年十五件民盼实事任务分解\n2.2025年县政府重点工作备忘录任务分解\n\n\
        某县人民政府办公室\n\n2025年5月18日\n";
    let book = |title: &str, task: &str| {
        let mut wb = Workbook::new();
        let sheet = wb.add_worksheet();
        sheet.write_string(0, 0, title).unwrap();
        for (c, h) in ["序号", "工作任务", "牵头单位"].iter().enumerate() {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
        for (c, v) in ["1", task, "县发改局"].iter().enumerate() {
            sheet.write_string(2, c as u16, *v).unwrap();
        }
        wb.save_to_buffer().unwrap()
    };
    let first = book("2025年十五件民盼实事任务分解", "新增城区公共停车位500个。");
    let second = book(
        "2025年县政府重点工作备忘录任务分解",
        "推进高速公路前期工作。",
    );
    let dir = project(&[
        ("通知.md", notice.as_bytes()),
        ("附件1.xlsx", &first),
        ("附件2.xlsx", &second),
    ]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    let said = codes(&checked);
    assert!(said.contains(&"table/another-table"), "{said:?}");
    assert!(!said.contains(&"notice/attachments"), "{said:?}");
    // A third table no attachment names: which one is meant is still asked.
    let third = book("某某台账", "另一项任务。");
    let dir = project(&[
        ("通知.md", notice.as_bytes()),
        ("附件1.xlsx", &first),
        ("台账.xlsx", &third),
    ]);
    let refused = fengong::check(&dir.path().join("input"))
        .unwrap_err()
        .to_string();
    assert!(refused.contains("又有一份"), "{refused}");
}

/// A workbook typed from a reposting site's page, pinyin after characters in its cells
/// (县住房和城乡(xiāng)建设局, 污水处理(chǔ lǐ)): the pinyin is taken out before reading and said
/// at its first cell — one unit, not two, and no cell printing it.
#[test]
fn pinyin_a_reposting_site_put_in_cells_is_taken_out_and_said() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("分工").unwrap();
    let rows = [
        ["序号", "工作任务", "牵头单位"],
        [
            "1",
            "推进污水处理(chǔ lǐ)设施建设。",
            "县住房和城乡(xiāng)建设局",
        ],
        ["2", "改造老旧小区3个。", "县住房和城乡建设局"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分工.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks[0].content, "推进污水处理设施建设。");
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["县住房和城乡建设局"]);
    let said: Vec<&fengong::Diagnostic> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "text/pinyin-removed")
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].message.contains("共 2 处，在 2 个单元格"),
        "{}",
        said[0].message
    );
    assert!(
        said[0].location.to_string().contains("B2"),
        "{}",
        said[0].location
    );
}

/// A ledger whose header takes two rows — 序号 and 工作任务 merged down, 责任单位 merged across
/// 牵头单位 | 协同配合单位 — and a task written over two rows under one merged 序号: every
/// column is read (the 协同 column was dropped without a word), the task is one task.
#[test]
fn a_two_row_header_and_a_number_merged_over_two_rows() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .merge_range(0, 0, 0, 4, "某区2026年重点工作任务分解表", &plain)
        .unwrap();
    sheet.merge_range(1, 0, 2, 0, "序号", &plain).unwrap();
    sheet.merge_range(1, 1, 2, 1, "工作任务", &plain).unwrap();
    sheet.merge_range(1, 2, 1, 3, "责任单位", &plain).unwrap();
    sheet.merge_range(1, 4, 2, 4, "备注", &plain).unwrap();
    sheet.write_string(2, 2, "主要责任单位").unwrap();
    sheet.write_string(2, 3, "协同配合单位").unwrap();
    let row = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 5]| {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r, c as u16, *v).unwrap();
            }
        }
    };
    row(
        sheet,
        3,
        ["1", "推进老旧小区改造。", "区住建局", "区体育中心", ""],
    );
    // Task 2 over rows 5 and 6, its 序号 merged.
    sheet.merge_range(4, 0, 5, 0, "2", &plain).unwrap();
    row(
        sheet,
        4,
        [
            "",
            "建设口袋公园10个。",
            "区绿化市容局",
            "各街道",
            "上半年开工",
        ],
    );
    row(
        sheet,
        5,
        ["", "完善公园管理制度。", "", "区城管执法局", "年底验收"],
    );
    row(
        sheet,
        6,
        ["3", "开展背街小巷整治。", "区城管执法局\n区住建局", "", ""],
    );
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分解表.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let roles = |no: u32| -> Vec<(String, Role)> {
        plan.task(no)
            .unwrap()
            .units
            .iter()
            .map(|a| (a.name.clone(), a.role))
            .collect()
    };
    assert_eq!(
        roles(1),
        [
            ("区住建局".to_string(), Role::Lead),
            ("区体育中心".to_string(), Role::Support)
        ]
    );
    let two = plan.task(2).unwrap();
    assert_eq!(two.content, "建设口袋公园10个。完善公园管理制度。");
    assert!(roles(2).contains(&("区城管执法局".to_string(), Role::Support)));
    assert_eq!(two.extra, ["上半年开工\n年底验收".to_string()]);
    // Both units of a 主要责任单位 cell lead.
    assert_eq!(
        roles(3),
        [
            ("区城管执法局".to_string(), Role::Lead),
            ("区住建局".to_string(), Role::Lead)
        ]
    );
    assert_eq!(
        plan.table.header,
        [
            "序号",
            "工作任务",
            "责任单位\n主要责任单位",
            "协同配合单位",
            "备注"
        ]
    );
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"table/bad-number"), "{codes:?}");
    assert!(!codes.contains(&"structure/duplicate-number"), "{codes:?}");
    // The merge is said, at the row it took in.
    let merged: Vec<String> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "table/merged-number")
        .map(|d| d.location.to_string())
        .collect();
    assert_eq!(merged.len(), 1, "{merged:?}");
    assert!(merged[0].ends_with("!A6"), "{merged:?}");
    // A finding about a supporting unit points at its own cell, not the lead's.
    let place_of = |name: &str| -> String {
        checked
            .report
            .diagnostics
            .iter()
            .find(|d| d.code == "unit/unknown" && d.message.contains(name))
            .map(|d| d.location.to_string())
            .unwrap_or_default()
    };
    assert!(
        place_of("区体育中心").ends_with("!D4"),
        "{}",
        place_of("区体育中心")
    );
    assert!(
        place_of("区住建局").ends_with("!C4"),
        "{}",
        place_of("区住建局")
    );
}

/// Every cell of every Excel ledger in `tests/fixtures/xlsx` (made by its make_fixtures.py,
/// as offices keep them: titles, two-row headers, merged sections and 序号, notes, extra
/// columns) is in the model, or on a row a finding names, or said in a finding: read here
/// with calamine, not as fengong reads it.
#[test]
fn every_character_of_every_excel_ledger_is_used_or_reported() {
    use calamine::{Reader, open_workbook_auto};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx");
    let mut ledgers: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    ledgers.sort();
    assert!(ledgers.len() >= 2, "{ledgers:?}");
    let (mut used, mut lost) = (0, Vec::new());
    for path in &ledgers {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let checked = fengong::check(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut model = Vec::new();
        model_strings(&serde_json::to_value(&checked.plan).unwrap(), &mut model);
        let mine: Vec<&fengong::Diagnostic> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.location.path().ends_with(&name))
            .collect();
        // Rows a finding leaves out (a note, a stray or unnumbered row), as (sheet, row).
        let left_out = [
            "table/note-row",
            "table/stray-line",
            "table/unnumbered-row",
            "table/bad-number",
        ];
        let rows: Vec<(String, u32)> = mine
            .iter()
            .filter(|d| left_out.contains(&d.code.as_str()))
            .filter_map(|d| {
                let place = d.location.to_string();
                let (sheet, cell) = place.split_once('#')?.1.rsplit_once('!')?;
                let row: u32 = cell
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .ok()?;
                Some((sheet.to_string(), row))
            })
            .collect();
        let said: Vec<String> = mine.iter().map(|d| content_chars(&d.message)).collect();
        let mut book = open_workbook_auto(path).unwrap();
        for sheet in book.sheet_names().to_vec() {
            let range = book.worksheet_range(&sheet).unwrap();
            let (top, _) = range.start().unwrap_or((0, 0));
            for (r, row) in range.rows().enumerate() {
                let row_no = top + r as u32 + 1;
                if rows.contains(&(sheet.clone(), row_no)) {
                    continue;
                }
                for cell in row
                    .iter()
                    .map(|c| c.to_string())
                    .filter(|c| !c.trim().is_empty())
                {
                    for line in cell.lines() {
                        for clause in clauses(line) {
                            if model.iter().any(|m| m.contains(&clause))
                                || said.iter().any(|m| m.contains(&clause))
                            {
                                used += clause.chars().count();
                            } else {
                                lost.push(format!(
                                    "{name}#{sheet} row {row_no}: «{clause}» in «{cell}»"
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(used > 300, "only {used} characters checked");
    assert!(
        lost.is_empty(),
        "dropped without a word:\n{}",
        lost.join("\n")
    );
}

/// A ledger numbering one part's tasks （一）…（三） right under its heading and the next
/// part's 1, 2 under a group row: every row is a task, numbered 1—5 in row order and said
/// with the numbers as written; no "no label" warning for the part without groups; 主办 /
/// 协办 give the roles.
#[test]
fn tasks_numbered_with_chinese_numerals_are_read_and_renumbered() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/marked_numbers.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(plan.task(3).unwrap().content, "城镇新增就业60万人。");
    assert_eq!(plan.task(4).unwrap().content, "推进200个省级重点项目。");
    let lead = |no: u32| leads(plan, no);
    assert_eq!(lead(2), ["省财政厅"]);
    assert_eq!(lead(4), ["省发展改革委"]);
    let codes = codes(&checked);
    assert!(codes.contains(&"table/renumbered"), "{codes:?}");
    assert!(!codes.contains(&"table/bad-number"), "{codes:?}");
    assert!(!codes.contains(&"table/label-missing"), "{codes:?}");
    let renumbered = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "table/renumbered")
        .unwrap();
    assert!(
        renumbered.message.contains("（一）、（二）、（三）、1、2"),
        "{}",
        renumbered.message
    );
}

/// The same layout in a workbook: 序号 and the province's tasks merged down, the measures
/// numbered (1), (2) in their cells. The merged 序号 is no task's number (the rows under it
/// are tasks of their own, not one task's tail); the merged task a column kept on each row.
#[test]
fn measures_numbered_in_their_cells_under_merged_headings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx/measures_under_headings.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "接入省算力调度平台，完成市级节点部署。",
            "编制市级算力资源目录。",
            "市级部门新建系统一律部署在政务云。",
            "完成市级公共数据目录编制并动态更新。",
        ]
    );
    assert_eq!(leads(plan, 3), ["市数据局"]);
    assert_eq!(supports(plan, 3), ["市财政局"]);
    assert_eq!(
        groups(plan),
        [
            ("统筹算力设施建设。".to_string(), vec![1, 2, 3]),
            ("健全公共数据目录。".to_string(), vec![4])
        ]
    );
    assert_eq!(plan.table.extra_columns, ["省《要点》任务", "备注"]);
    let upper: Vec<&str> = plan.tasks.iter().map(|t| t.extra[0].as_str()).collect();
    assert_eq!(
        upper,
        [
            "1.建设全省一体化算力调度平台。",
            "1.建设全省一体化算力调度平台。",
            "2.推进政务云资源集约使用。",
            "3.推动公共数据按目录归集。",
        ]
    );
    let codes = codes(&checked);
    assert!(
        codes.contains(&"table/measures-under-headings"),
        "{codes:?}"
    );
    assert!(!codes.contains(&"table/merged-number"), "{codes:?}");
}

/// An indicator table whose 项 目 header is merged across two columns — the area (merged
/// down over its indicators) and each indicator — with no 序号 and two indicators sharing one
/// merged target and unit: the area is the group, each indicator a task in row order, the
/// shared cells each one's; nothing under the spanned header is left unread.
#[test]
fn a_header_spanning_two_columns_groups_the_left_and_names_the_right() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx/indicators_under_spanned_header.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "县域生产总值增速",
            "一般公共预算收入",
            "外贸进出口总额",
            "实际利用外资",
            "城镇新增就业",
            "城乡居民医保参保率",
        ]
    );
    assert_eq!(
        groups(plan),
        [
            ("经济发展".to_string(), vec![1, 2, 3, 4]),
            ("民生保障".to_string(), vec![5, 6])
        ]
    );
    assert_eq!(leads(plan, 4), ["县商务局"]);
    assert_eq!(plan.table.extra_columns, ["分值", "目标"]);
    assert_eq!(plan.task(4).unwrap().extra, ["2", "按市下达计划考核"]);
    let codes = codes(&checked);
    assert!(!codes.contains(&"source/unused"), "{codes:?}");
    assert!(!codes.contains(&"table/unnumbered-row"), "{codes:?}");
}

/// A workbook with a sheet of notes and two sheets of tables (附件1 its targets, 附件2 its
/// key tasks): both tables are read, the second's tasks after the first's, each a section
/// under its title; the notes sheet is named, not passed over.
#[test]
fn every_sheet_with_a_table_is_read_and_the_others_named() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx/two_tables_in_two_sheets.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5);
    assert_eq!(plan.task(3).unwrap().content, "建成科学城西区综合管廊一期");
    assert_eq!(supports(plan, 4), ["区教委", "区财政局"]);
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "2026年区政府工作报告预期目标分解表",
            "2026年区政府工作报告重点工作任务分解表"
        ]
    );
    let notes = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "xlsx/sheet-not-read")
        .unwrap();
    assert!(notes.message.contains("填表说明"), "{}", notes.message);
    assert!(
        notes.location.to_string().contains("#填表说明!A1"),
        "{}",
        notes.location
    );
}

/// A ledger kept one row per 年度工作措施, the task's 序号, text, leader and departments
/// repeated on each of its rows: one task per 序号, its measures in order in their column,
/// said once; a row whose cells hold header words (…工作专班, 各部门) is a row, not the
/// header repeated; a department's name broken over two lines of its cell is one name.
#[test]
fn a_ledger_written_one_row_per_measure_reads_one_task_per_number() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/one_row_per_measure.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.table.repeated_headers, 0);
    let measures = |no: u32| plan.task(no).unwrap().extra[0].clone();
    assert_eq!(
        measures(1),
        "1.分解下达年度经营目标；\n2.按月跟踪预算执行情况，分析偏差原因；\n3.开展降本增效专项行动。"
    );
    assert_eq!(
        measures(2),
        "1.制定保供工作方案；\n2.落实保供工作\n3.建立库存月报制度。"
    );
    assert_eq!(leads(plan, 1), ["财务部", "投资发展部"]);
    assert_eq!(leads(plan, 2), ["农资保供工作专班"]);
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("陈立新"));
    let codes = codes(&checked);
    assert!(!codes.contains(&"structure/duplicate-number"), "{codes:?}");
    let said: Vec<&fengong::Diagnostic> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "table/repeated-rows")
        .collect();
    assert_eq!(said.len(), 1);
    assert!(
        said[0].message.contains("表中 2 项任务各占几行"),
        "{}",
        said[0].message
    );
    assert!(
        said[0].message.contains("共并入 4 行"),
        "{}",
        said[0].message
    );
    assert!(codes.contains(&"unit/wrapped"), "{codes:?}");
}

/// What Excel hides it neither shows nor prints, so fengong does not publish it either: a
/// hidden column (内部备注), a hidden row (a withdrawn task) and a hidden sheet holding an
/// older copy of the table are each said with their place and words, and reach no output.
#[test]
fn hidden_rows_columns_and_sheets_are_said_and_not_published() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("任务表").unwrap();
    sheet
        .write_string(0, 0, "青溪县2026年民生实事项目推进表")
        .unwrap();
    let header = [
        "序号",
        "项目内容",
        "牵头单位",
        "配合单位",
        "完成时间",
        "内部备注",
    ];
    let rows: &[[&str; 6]] = &[
        [
            "1",
            "新建城乡公交候车亭40座。",
            "县交通运输局",
            "各乡镇",
            "2026年9月底前",
            "已列入预算",
        ],
        [
            "2",
            "改造老旧供水管网12公里。",
            "县水利局",
            "县财政局",
            "2026年11月底前",
            "",
        ],
        [
            "3",
            "建设智慧农贸市场2个。",
            "县商务局",
            "",
            "2026年10月底前",
            "项目已撤回",
        ],
        [
            "4",
            "为困难老人安装紧急呼叫设备500台。",
            "县民政局",
            "",
            "2026年6月底前",
            "待定",
        ],
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            sheet.write_string(2 + r as u32, c as u16, *v).unwrap();
        }
    }
    sheet.set_column_hidden(5).unwrap();
    sheet.set_row_hidden(4).unwrap();
    let old = wb.add_worksheet();
    old.set_name("旧版").unwrap();
    for (c, h) in header.iter().take(3).enumerate() {
        old.write_string(0, c as u16, *h).unwrap();
    }
    old.write_string(1, 0, "1").unwrap();
    old.write_string(1, 1, "修缮乡镇文化站3处。").unwrap();
    old.write_string(1, 2, "县文化旅游局").unwrap();
    old.set_hidden(true);
    let dir = project(&[("民生实事.xlsx", &wb.save_to_buffer().unwrap())]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    let contents: Vec<&str> = plan.tasks.iter().map(|t| t.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "新建城乡公交候车亭40座。",
            "改造老旧供水管网12公里。",
            "为困难老人安装紧急呼叫设备500台。"
        ]
    );
    assert!(
        plan.table.extra_columns.is_empty(),
        "{:?}",
        plan.table.extra_columns
    );
    let hidden: Vec<(String, &str)> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "xlsx/hidden")
        .map(|d| (d.location.to_string(), d.message.as_str()))
        .collect();
    assert_eq!(hidden.len(), 3, "{hidden:#?}");
    let said = |place: &str, words: &[&str]| {
        hidden
            .iter()
            .any(|(at, message)| at.ends_with(place) && words.iter().all(|w| message.contains(w)))
    };
    assert!(
        said("#任务表!A5", &["此行", "建设智慧农贸市场2个。", "县商务局"]),
        "{hidden:#?}"
    );
    assert!(
        said("#任务表!F2", &["此列", "内部备注", "已列入预算", "待定"]),
        "{hidden:#?}"
    );
    assert!(
        said("#旧版!A1", &["被隐藏", "修缮乡镇文化站3处。"]),
        "{hidden:#?}"
    );
    assert!(
        !checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "xlsx/sheet-not-read")
    );
    // Nothing hidden reaches the published table.
    let out = dir.path().join("output");
    fengong::publish(&dir.path().join("input"), &out).unwrap();
    let table = std::fs::read_to_string(out.join("任务分工表.md")).unwrap();
    for word in ["内部备注", "已列入预算", "智慧农贸市场", "文化站"] {
        assert!(!table.contains(word), "{word} published:\n{table}");
    }
    assert!(table.contains("紧急呼叫设备"), "{table}");
}

/// A workbook with a cover sheet and one sheet per part, each titled as the cover is with
/// its part in brackets: the plan is named by the cover, each sheet's section by its part.
#[test]
fn a_cover_sheet_names_the_plan_and_each_sheet_its_part() {
    let cover = "滇南市古城区2026年文旅融合发展重点任务清单";
    let mut wb = Workbook::new();
    let front = wb.add_worksheet();
    front.set_name("封面").unwrap();
    front.write_string(2, 1, cover).unwrap();
    front.write_string(4, 1, "古城区文化和旅游局编").unwrap();
    for (part, task, unit) in [
        ("文化事业", "建成城市书房5个。", "区文化和旅游局"),
        ("旅游产业", "创建4A级旅游景区1个。", "区文化和旅游局"),
    ] {
        let sheet = wb.add_worksheet();
        sheet.set_name(part).unwrap();
        let title = format!("古城区2026年文旅融合发展重点任务清单（{part}）");
        sheet.write_string(0, 0, &title).unwrap();
        for (c, h) in ["序号", "重点任务", "责任单位", "完成时限"]
            .iter()
            .enumerate()
        {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
        for (c, v) in ["1", task, unit, "2026年10月底前"].iter().enumerate() {
            sheet.write_string(2, c as u16, *v).unwrap();
        }
    }
    let dir = project(&[("文旅融合.xlsx", &wb.save_to_buffer().unwrap())]);
    let plan = plan_of(dir.path());
    assert_eq!(plan.title.as_deref(), Some(cover));
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["文化事业", "旅游产业"]);
    assert_eq!(plan.tasks.len(), 2);
}

/// A ledger that sets what is done each quarter — 时间节点 merged over 一季度 … 四季度, no
/// 完成时限 column: the header is read over both rows, each task is due when the last
/// quarter it writes work for ends (said once), and each unit's sheet and return form carry
/// the schedule under the source's own name for it.
#[test]
fn a_quarterly_schedule_sets_the_deadline_and_reaches_the_sheets() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .merge_range(0, 0, 0, 7, "某县2026年民生工程推进计划表", &plain)
        .unwrap();
    for (c, name) in [
        (0, "序号"),
        (1, "工程名称及内容"),
        (2, "牵头单位"),
        (3, "配合单位"),
    ] {
        sheet.merge_range(1, c, 2, c, name, &plain).unwrap();
    }
    sheet.merge_range(1, 4, 1, 7, "时间节点", &plain).unwrap();
    for (c, q) in ["一季度", "二季度", "三季度", "四季度"].iter().enumerate() {
        sheet.write_string(2, 4 + c as u16, *q).unwrap();
    }
    let rows: [[&str; 8]; 2] = [
        [
            "1",
            "新建城区雨污分流管网15公里。",
            "县住建局",
            "县财政局",
            "完成设计",
            "开工建设",
            "完成8公里",
            "全部完工",
        ],
        [
            "2",
            "改造农村公路危桥6座。",
            "县交通局",
            "各乡镇",
            "摸底排查",
            "完成招标",
            "",
            "",
        ],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(3 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("推进计划表.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(
        plan.table.extra_columns,
        ["一季度", "二季度", "三季度", "四季度"]
    );
    assert_eq!(plan.table.schedule_heading.as_deref(), Some("时间节点"));
    let due = |no: u32| plan.task(no).unwrap().deadline.map(|d| d.to_string());
    assert_eq!(due(1).as_deref(), Some("2026-12-31"));
    assert_eq!(due(2).as_deref(), Some("2026-06-30"));
    let codes = common::codes(&checked);
    assert!(codes.contains(&"table/deadline-from-schedule"), "{codes:?}");
    assert!(!codes.contains(&"plan/no-deadline"), "{codes:?}");
    assert!(!codes.contains(&"table/bad-number"), "{codes:?}");

    let out = common::fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let sheet_md = std::fs::read_to_string(dir.path().join("output/任务单/县交通局.md")).unwrap();
    assert!(sheet_md.contains("| 时间节点 |"), "{sheet_md}");
    assert!(
        sheet_md.contains("一季度：摸底排查；二季度：完成招标 |"),
        "{sheet_md}"
    );
    assert!(sheet_md.contains("2026年6月30日"), "{sheet_md}");
    // The return form prints it after its own columns, locked, under the same name.
    use calamine::{Reader, open_workbook_auto};
    let mut form = open_workbook_auto(dir.path().join("output/任务单/县住建局.xlsx")).unwrap();
    let name = form.sheet_names()[0].clone();
    let range = form.worksheet_range(&name).unwrap();
    let header: Vec<String> = range
        .rows()
        .nth(fengong::form::HEADER_ROW as usize)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header.last().map(String::as_str),
        Some("时间节点"),
        "{header:?}"
    );
    let first: Vec<String> = range
        .rows()
        .nth(fengong::form::HEADER_ROW as usize + 1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(
        first.last().unwrap().starts_with("一季度：完成设计"),
        "{first:?}"
    );
    // Its row is as tall as the schedule needs (three lines), not clipped at two.
    let bytes = std::fs::read(dir.path().join("output/任务单/县住建局.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    let row = format!("<row r=\"{}\"", fengong::form::HEADER_ROW + 2);
    let height: f64 = xml
        .split(&row)
        .nth(1)
        .and_then(|r| r.split("ht=\"").nth(1))
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse().ok())
        .unwrap();
    assert!(height >= 3.0 * 17.0 + 6.0, "{height}");
}

/// A workbook that keeps the notice on a sheet of its own before the table (主送, body,
/// 附件, 署名, 成文日期 a row each): the notice is read from it as from a text, its places
/// the sheet's rows, and published; nothing of it is left unread.
#[test]
fn a_notice_on_a_sheet_of_its_own_is_read() {
    let mut wb = Workbook::new();
    let notice = wb.add_worksheet();
    notice.set_name("通知").unwrap();
    let lines = [
        "某区人民政府办公室关于印发2026年区政府重点工作任务分解的通知",
        "各街道办事处，区政府各部门：",
        "现将《2026年区政府重点工作任务分解》印发给你们，请认真贯彻落实。",
        "附件：2026年区政府重点工作任务分解",
        "某区人民政府办公室",
        "2026年2月15日",
    ];
    for (r, line) in lines.iter().enumerate() {
        notice.write_string(r as u32, 0, *line).unwrap();
    }
    let table = wb.add_worksheet();
    table.set_name("任务分解").unwrap();
    let rows: [[&str; 4]; 3] = [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "新建社区食堂10家。", "区民政局", "2026年9月底"],
        ["2", "改造背街小巷20条。", "区建设管理委", "2026年11月底"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            table.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("重点工作.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.notice.signer.as_deref(), Some("某区人民政府办公室"));
    assert_eq!(plan.notice.date.as_deref(), Some("2026年2月15日"));
    assert_eq!(plan.notice.recipients, ["各街道办事处", "区政府各部门"]);
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"xlsx/sheet-not-read"), "{codes:?}");
    assert!(!codes.contains(&"notice/not-made"), "{codes:?}");
    let out = common::fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let published = std::fs::read_to_string(dir.path().join("output/通知.md")).unwrap();
    assert!(published.contains("2026年2月15日"), "{published}");
}

/// A ledger a program wrote, its 序号 formulas saved without their results (no one opened it
/// in Excel since): the numbers are worked out from the formulas and said, no task is lost;
/// a formula fengong cannot work out is named with its cell.
#[test]
fn formulas_saved_without_results_are_worked_out() {
    use rust_xlsxwriter::Formula;
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("分解表").unwrap();
    for (c, h) in ["序号", "工作任务", "牵头单位", "完成时限"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ("完成城区绿化改造10处。", "区城管局"),
        ("新建社区食堂4个。", "区民政局"),
        ("改造老旧管网12公里。", "区住建局"),
    ];
    for (i, (content, lead)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        // No result saved (a blank value), or xlsxwriter's 0.
        let number = match i {
            0 => Formula::new("=ROW()-1").set_result(" "),
            _ => Formula::new(format!("=A{r}+1")),
        };
        sheet.write_formula(r, 0, number).unwrap();
        sheet.write_string(r, 1, *content).unwrap();
        sheet.write_string(r, 2, *lead).unwrap();
        sheet.write_string(r, 3, "2025年12月底前").unwrap();
    }
    sheet
        .write_formula(4, 3, Formula::new("=VLOOKUP(B2,C:D,2,0)").set_result(" "))
        .unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("t.xlsx", &bytes)]);
    let plan = plan_of(dir.path());
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let err = said(&fengong(dir.path(), &["check"]));
    assert!(
        err.contains("input/t.xlsx#分解表!A2: 提示[xlsx/formula-worked-out]"),
        "{err}"
    );
    assert!(err.contains("A3「=A2+1」"), "{err}");
    assert!(
        err.contains("input/t.xlsx#分解表!D5: 警告[xlsx/formula-no-value]"),
        "{err}"
    );
}

/// A name a two-row header merges over two columns (责任分工 over 牵头单位 | 责任单位): the
/// published table prints it over them as the source does, in every format.
#[test]
fn a_name_merged_over_columns_is_printed_over_them() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("分解表").unwrap();
    let plain = rust_xlsxwriter::Format::new();
    (sheet.merge_range(0, 0, 0, 4, "2025年民生实事任务分解表", &plain)).unwrap();
    for (c, h) in ["序号", "工作任务"].iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    sheet.merge_range(1, 2, 1, 3, "责任分工", &plain).unwrap();
    sheet.write_string(1, 4, "完成时限").unwrap();
    sheet.write_string(2, 2, "牵头单位").unwrap();
    sheet.write_string(2, 3, "责任单位").unwrap();
    let rows = [
        ("1", "新建社区食堂4个。", "区民政局", "各街道"),
        ("2", "改造老旧管网12公里。", "区住建局", "区水务局"),
    ];
    for (i, (no, content, lead, other)) in rows.iter().enumerate() {
        let r = i as u32 + 3;
        for (c, v) in [no, content, lead, other, &"2025年12月底前"]
            .iter()
            .enumerate()
        {
            sheet.write_string(r, c as u16, **v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("t.xlsx", &bytes)]);
    let plan = plan_of(dir.path());
    assert_eq!(plan.tasks.len(), 2);
    let bands: Vec<_> = (plan.table.header_bands.iter())
        .map(|b| (b.name.as_str(), b.columns.clone()))
        .collect();
    use fengong::model::TableColumn;
    assert_eq!(
        bands,
        [("责任分工", vec![TableColumn::Lead, TableColumn::Support])]
    );
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(!said(&out).contains("merged-header"), "{}", said(&out));
    let output = dir.path().join("output");
    let markdown = std::fs::read_to_string(output.join("任务分工表.md")).unwrap();
    assert!(
        markdown.contains(r#"over="||责任分工|责任分工|""#),
        "{markdown}"
    );
    // Word: the name spans both columns; the others are merged down the two header rows.
    let docx = std::fs::read(output.join("任务分工表.docx")).unwrap();
    let document = unzip_entry(&docx, "word/document.xml");
    let band = document.find("责任分工").expect("the band in Word");
    let before = &document[..band];
    let opened = before.rfind("<w:tc>").unwrap();
    assert!(before[opened..].contains(r#"<w:gridSpan w:val="2"/>"#));
    assert_eq!(document.matches(r#"<w:tblHeader/>"#).count(), 2);
    // Excel: merged over C and D in the header's first row, the names under it.
    let xlsx = std::fs::read(output.join("任务分工表.xlsx")).unwrap();
    let sheet = unzip_entry(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<mergeCell ref="C2:D2"/>"#), "{sheet}");
    assert!(sheet.contains(r#"<mergeCell ref="A2:A3"/>"#), "{sheet}");
    // PDF: the name is on the page, above the columns' own.
    let text = pdf_text(&output.join("任务分工表.pdf"));
    let (band, lead) = (text.find("责任分工"), text.find("牵头单位"));
    assert!(band.is_some() && band < lead, "{text}");
}

/// Rows typed above a table's title — the issuing office, the notice's title — are said,
/// never the plan's title; a title over two rows (柳川县2026年重点工作 / 任务分解表) is one.
#[test]
fn an_issuer_above_the_title_is_no_title_and_a_title_over_two_rows_is_one() {
    let workbook = |above: &[&str]| -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let mut row = 0;
        for text in above {
            ws.merge_range(row, 0, row, 3, text, &rust_xlsxwriter::Format::new())
                .unwrap();
            row += 1;
        }
        for (c, h) in ["序号", "工作任务", "牵头单位", "完成时限"]
            .iter()
            .enumerate()
        {
            ws.write_string(row, c as u16, *h).unwrap();
        }
        let tasks = [
            ("1", "新建污水管网12公里。", "县住建局", "2026年10月底前"),
            ("2", "完成河道清淤8条。", "县水利局", "2026年6月底前"),
        ];
        for (no, content, lead, deadline) in tasks {
            row += 1;
            for (c, v) in [no, content, lead, deadline].iter().enumerate() {
                ws.write_string(row, c as u16, *v).unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    };
    let issuer = workbook(&[
        "柳川县河长制办公室",
        "关于印发《柳川县2026年河湖治理任务分解方案》的通知",
        "柳川县2026年河湖治理任务分解表",
    ]);
    let dir = project(&[("分解表.xlsx", &issuer)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("柳川县2026年河湖治理任务分解表")
    );
    let unused: Vec<String> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/unused")
        .map(|d| format!("{} {}", d.location, d.message))
        .collect();
    assert_eq!(unused.len(), 2, "{unused:?}");
    assert!(unused[0].contains("A1") && unused[0].contains("柳川县河长制办公室"));
    assert!(unused[1].contains("A2") && unused[1].contains("关于印发"));
    let two_rows = workbook(&["柳川县2026年重点工作", "任务分解表"]);
    let dir = project(&[("分解表.xlsx", &two_rows)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("柳川县2026年重点工作任务分解表")
    );
    assert!(!codes(&checked).contains(&"source/unused"));
    // Its first row names a plan too (…项目任务), the second only its kind.
    let kind_apart = workbook(&["附件", "柳川县2026年河湖治理项目任务", "分解方案"]);
    let dir = project(&[("分解表.xlsx", &kind_apart)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("柳川县2026年河湖治理项目任务分解方案")
    );
}

/// A piece of a name (高, the source cut inside 高新区) is said at the cell it is written in
/// — 牵头, 配合 or 责任单位 — and printed in that column.
#[test]
fn a_piece_of_a_name_is_said_at_its_own_cell() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["序号", "主要任务", "牵头单位", "配合单位", "责任单位"],
        [
            "1",
            "严守用水总量控制红线。",
            "县水利局",
            "县发改局",
            "各乡镇、高",
        ],
        [
            "2",
            "严守用水效率控制红线。",
            "县水利局",
            "县发改局、高",
            "各乡镇",
        ],
        ["3", "抓好工业节水。", "县工信局、高", "县发改局", "各乡镇"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let dir = project(&[("分解表.xlsx", &wb.save_to_buffer().unwrap())]);
    let input = dir.path().join("input");
    let checked = fengong::check(&input).unwrap();
    let places: Vec<String> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/fragment")
        .map(|d| d.location.to_string())
        .collect();
    assert_eq!(
        places,
        [
            "input/分解表.xlsx#Sheet1!E2",
            "input/分解表.xlsx#Sheet1!D3",
            "input/分解表.xlsx#Sheet1!C4"
        ]
    );
    let table = published_text(&input, "任务分工表.md");
    // Printed as the piece it is.
    assert!(
        table.contains("| 县工信局、高（原文截断） | 县发改局 |"),
        "{table}"
    );
}

/// A row with no number and no unit under a task (its second line of work, its own time)
/// carries on that task, as the same table pasted as text does: its words are the task's,
/// never dropped.
#[test]
fn a_row_with_no_number_and_no_unit_carries_on_the_task_above() {
    let checked = check_workbook(
        "某县2026年民生实事分解表",
        ["序号", "民生实事", "责任单位", "完成时限"],
        &[
            ["1", "新建城西幼儿园。", "县教育局", "12月底前"],
            ["2", "开工建设县康养中心。", "县民政局", "5月底前"],
            ["", "开工建设老年活动室。", "", "10月底前"],
            ["3", "整修南干渠堤防。", "县水利局", "11月底前"],
        ],
    );
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(
        plan.task(2).unwrap().content,
        "开工建设县康养中心。开工建设老年活动室。"
    );
    assert_eq!(leads(plan, 3), ["县水利局"]);
    let codes = codes(&checked);
    assert!(codes.contains(&"table/continued-row"), "{codes:?}");
    assert!(!codes.contains(&"table/unnumbered-row"), "{codes:?}");
}

/// A group's label numbered in the 序号 column ((一) | 加强科技力量建设。) with no unit is
/// the group over the rows under it, not a row with a bad number left out.
#[test]
fn a_group_numbered_in_the_number_column_is_its_label() {
    let checked = check_workbook(
        "某市2026年科技创新重点工作分工表",
        ["序号", "重点工作", "牵头单位", "配合单位"],
        &[
            ["(一)", "加强科技力量建设。", "", ""],
            ["1", "建设市实验室2家。", "市科技局", "市财政局"],
            ["(二)", "强化企业创新主体地位。", "", ""],
            ["2", "新增高新技术企业50家。", "市科技局", "各区政府"],
        ],
    );
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    let titles: Vec<&str> = (plan.sections.iter())
        .flat_map(|s| s.groups.iter().map(|g| g.title.as_str()))
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("加强科技力量建设")),
        "{titles:?}"
    );
    assert!(!codes(&checked).contains(&"table/bad-number"));
}

/// The check of a one-sheet workbook: its title in A1, a header of four columns under it,
/// then `rows` (an empty string leaves its cell empty).
fn check_workbook(title: &str, header: [&str; 4], rows: &[[&str; 4]]) -> fengong::Checked {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.write_string(0, 0, title).unwrap();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            sheet.write_string(2 + r as u32, c as u16, *v).unwrap();
        }
    }
    let book = wb.save_to_buffer().unwrap();
    let dir = project(&[
        ("表.xlsx", &book),
        ("fengong.toml", b"[plan]\nyear = 2026\n"),
    ]);
    fengong::check(&dir.path().join("input")).unwrap()
}

/// A 责任单位 cell that adds a sentence on how its list is meant (…不再做分工，下同。): the
/// sentence is said as a remark, no unit with a sheet of its own.
#[test]
fn a_remark_in_a_units_cell_is_no_unit() {
    let checked = check_workbook(
        "辰市2026年物流降本任务分工",
        ["序号", "重点任务", "责任单位", "备注"],
        &[
            [
                "1",
                "开通多式联运线路2条。",
                "市交通局、市商务局按职责分工负责。具体任务均涉及各区政府，不再做分工，下同。",
                "",
            ],
            ["2", "建设城乡共配中心3个。", "市商务局", ""],
        ],
    );
    let names: Vec<&str> = checked.plan.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(!names.iter().any(|n| n.contains("不再")), "{names:?}");
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/remark")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("不再做分工"), "{}", said[0]);
}

/// Rows under one merged 序号 and lead, each with its own words and its own unit: the
/// units are names of their own (区城投, 区交通局 — never one name broken over two lines),
/// and the words are set apart by ；, said.
#[test]
fn rows_under_a_merged_number_keep_their_units_apart() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .write_string(0, 0, "巳区2026年为民办实事项目表")
        .unwrap();
    for (c, h) in ["序号", "牵头单位", "项目名称", "实施单位"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    sheet.merge_range(2, 0, 4, 0, "1", &plain).unwrap();
    sheet.merge_range(2, 1, 4, 1, "区住建局", &plain).unwrap();
    for (r, (name, unit)) in [
        ("城区道路改造 1.和平路", "区城投"),
        ("2.建设路", "区交通局"),
        ("3.滨江路", "滨江街道"),
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2 + r as u32, 2, *name).unwrap();
        sheet.write_string(2 + r as u32, 3, *unit).unwrap();
    }
    sheet.write_string(5, 0, "2").unwrap();
    sheet.write_string(5, 1, "区民政局").unwrap();
    sheet.write_string(5, 2, "新建长者食堂3个").unwrap();
    sheet.write_string(5, 3, "区民政局").unwrap();
    let book = wb.save_to_buffer().unwrap();
    let dir = project(&[
        ("表.xlsx", &book),
        ("fengong.toml", b"[plan]\nyear = 2026\n"),
    ]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let one = checked.plan.task(1).unwrap();
    assert_eq!(one.content, "城区道路改造 1.和平路；2.建设路；3.滨江路");
    let names: Vec<&str> = one.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["区住建局", "区城投", "区交通局", "滨江街道"]);
    assert!(!common::codes(&checked).contains(&"unit/wrapped"));
}

/// Rows numbered in their words under one merged 序号, a unit's cell with a bracketed note
/// on a line of its own (应急局 / (安委办), 科技园 / (城南镇)): the note is more of the name
/// above it — no unit of its own, no row glued to the one above — said once for every row
/// a merged cell writes it on, at the cell it stands in.
#[test]
fn a_bracketed_note_under_a_unit_is_more_of_its_name() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .write_string(0, 0, "午区2026年主要目标责任分解表")
        .unwrap();
    for (c, h) in ["序号", "工作标准", "牵头单位", "配合单位"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    sheet.merge_range(2, 0, 4, 0, "1", &plain).unwrap();
    sheet
        .merge_range(2, 3, 3, 3, "科技园\n(城南镇)\n区财政局", &plain)
        .unwrap();
    for (r, (text, lead)) in [
        ("(1)工业产值增长6%。", "区工信局"),
        ("(2)能耗下降完成任务。", "区环保局"),
        ("(3)安全生产形势平稳。", "应急局\n(安委办)"),
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2 + r as u32, 1, *text).unwrap();
        sheet.write_string(2 + r as u32, 2, *lead).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分解表.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "工业产值增长6%。",
            "能耗下降完成任务。",
            "安全生产形势平稳。"
        ]
    );
    assert_eq!(common::leads(plan, 3), ["应急局（安委办）"]);
    assert_eq!(common::supports(plan, 1), ["科技园（城南镇）", "区财政局"]);
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| n.starts_with(['(', '（'])),
        "{names:?}"
    );
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"table/merged-number"), "{codes:?}");
    let wrapped: Vec<(String, &str)> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/wrapped")
        .map(|d| (d.location.to_string(), d.message.as_str()))
        .collect();
    assert_eq!(wrapped.len(), 2, "{wrapped:?}");
    assert!(
        wrapped[0].0.ends_with("D3") && wrapped[0].1.starts_with("第 1、2 项"),
        "{wrapped:?}"
    );
    assert!(wrapped[1].0.ends_with("C5"), "{wrapped:?}");
}

/// A task's cell whose lines (Alt+Enter) are two pieces of work — numbered items, targets
/// ending on their figures — keeps them apart with a `；`, said; a sentence broken inside a
/// phrase stays one sentence.
#[test]
fn lines_of_a_cell_that_are_two_pieces_of_work_stay_apart() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let rows = [
        ["序号", "工作任务", "责任单位"],
        ["1", "1.清理河道垃圾\n2.拆除违建网箱", "县水利局"],
        ["2", "城镇新增就业2.5万人\n开发公益性岗位500个", "县人社局"],
        ["3", "推进高频事项\n“一件事”集成办理。", "县数据局"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分工.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        [
            "1.清理河道垃圾；2.拆除违建网箱",
            "城镇新增就业2.5万人；开发公益性岗位500个",
            "推进高频事项“一件事”集成办理。"
        ]
    );
    let said: Vec<&fengong::Diagnostic> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "text/joint-added")
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].message.contains("有 2 处"), "{}", said[0].message);
    assert!(
        said[0].location.to_string().ends_with("B2"),
        "{}",
        said[0].location
    );
}

/// A table without a 序号 column, numbered in row order: a heading merged across the row
/// (一、主要预期指标) heads the rows under it and takes no task's number.
#[test]
fn a_merged_heading_in_a_table_numbered_by_its_rows_is_no_task() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["目标任务", "责任领导", "责任单位"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let format = rust_xlsxwriter::Format::new();
    sheet
        .merge_range(1, 0, 1, 2, "一、主要预期指标", &format)
        .unwrap();
    let rows = [
        ["生产总值增长7.5%以上。", "董贵波", "市发改委"],
        ["一般公共预算收入增长5%。", "郑敏强", "市财政局"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r as u32 + 2, c as u16, *v).unwrap();
        }
    }
    sheet
        .merge_range(4, 0, 4, 2, "二、重点工作任务", &format)
        .unwrap();
    for (c, v) in ["新建5G基站800个。", "张三", "市经信局"].iter().enumerate() {
        sheet.write_string(5, c as u16, *v).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分工.xlsx", &bytes)]);
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["主要预期指标", "重点工作任务"]);
    assert_eq!(
        contents(&plan),
        [
            "生产总值增长7.5%以上。",
            "一般公共预算收入增长5%。",
            "新建5G基站800个。"
        ]
    );
}

/// Two sheets, the first titled in a merged row over its own section rows: its title names
/// the plan — not lost because a second sheet's table follows.
#[test]
fn a_first_sheets_title_over_its_sections_names_the_plan() {
    let mut wb = Workbook::new();
    let merged = rust_xlsxwriter::Format::new();
    let header = ["序号", "工作任务", "牵头单位", "责任单位"];
    let first = wb.add_worksheet();
    first.set_name("预期目标").unwrap();
    let title = "2025年市《政府工作报告》任务分解和责任分工方案";
    first.merge_range(0, 0, 0, 3, title, &merged).unwrap();
    for (c, h) in header.iter().enumerate() {
        first.write_string(1, c as u16, *h).unwrap();
    }
    first
        .merge_range(2, 0, 2, 3, "一、主要预期目标", &merged)
        .unwrap();
    for (c, v) in ["1", "地区生产总值增长6%。", "市发展改革委", "市统计局"]
        .iter()
        .enumerate()
    {
        first.write_string(3, c as u16, *v).unwrap();
    }
    let second = wb.add_worksheet();
    second.set_name("重点任务").unwrap();
    for (c, h) in header.iter().enumerate() {
        second.write_string(0, c as u16, *h).unwrap();
    }
    second
        .merge_range(1, 0, 1, 3, "二、全力扩大有效需求", &merged)
        .unwrap();
    let row = [
        "2",
        "实施亿元以上项目300个以上。",
        "市发展改革委",
        "市自然资源局",
    ];
    for (c, v) in row.iter().enumerate() {
        second.write_string(2, c as u16, *v).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分工.xlsx", &bytes)]);
    let plan = plan_of(dir.path());
    assert_eq!(plan.title.as_deref(), Some(title));
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["主要预期目标", "全力扩大有效需求"]);
    assert_eq!(plan.tasks.len(), 2);
}

/// A sheet's tab, its title row if any, and its one task's text.
type SheetOfPart<'a> = (&'a str, Option<&'a str>, &'a str);

/// A workbook of sheets named for their parts (重点任务, 保障任务), each titled in a merged
/// first row where given, each a header and one task.
fn sheets_of_parts(sheets: &[SheetOfPart<'_>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let merged = rust_xlsxwriter::Format::new();
    for (no, (tab, title, content)) in sheets.iter().enumerate() {
        let sheet = wb.add_worksheet();
        sheet.set_name(*tab).unwrap();
        let mut row = 0;
        if let Some(title) = title {
            sheet.merge_range(0, 0, 0, 3, title, &merged).unwrap();
            row = 1;
        }
        for (c, h) in ["序号", "建设内容", "责任单位", "完成时限"]
            .iter()
            .enumerate()
        {
            sheet.write_string(row, c as u16, *h).unwrap();
        }
        let cells = [
            &(no + 1).to_string(),
            *content,
            "区财政局",
            "2026年12月底前",
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(row + 1, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Sheets named for their parts, only the first with a title row: the title names the
/// plan, each tab its part — the title is no part of the first sheet's own; a title that
/// is the first's with its part in brackets names that part; tabs a workbook names by
/// itself (Sheet2) name no part.
#[test]
fn sheets_named_for_their_parts_are_the_plans_parts() {
    let title = "建阳区乡建乡创任务分解表";
    let cases: [(&[SheetOfPart<'_>], &[&str]); 3] = [
        (
            &[
                ("重点任务", Some(title), "开展村庄环境整治。"),
                ("保障任务", None, "统筹补助资金。"),
            ],
            &["重点任务", "保障任务"],
        ),
        (
            &[
                ("省达", Some(title), "开展村庄环境整治。"),
                (
                    "市定",
                    Some("建阳区乡建乡创任务分解表（市定）"),
                    "统筹补助资金。",
                ),
            ],
            &["省达", "市定"],
        ),
        (
            &[
                ("Sheet1", Some(title), "开展村庄环境整治。"),
                ("Sheet2", None, "统筹补助资金。"),
            ],
            &[],
        ),
    ];
    for (sheets, parts) in cases {
        let bytes = sheets_of_parts(sheets);
        let dir = project(&[("分解表.xlsx", &bytes)]);
        let plan = plan_of(dir.path());
        assert_eq!(plan.title.as_deref(), Some(title), "{sheets:?}");
        let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
        let titles: Vec<&str> = titles.into_iter().filter(|t| !t.is_empty()).collect();
        assert_eq!(titles, parts, "{sheets:?}");
        assert_eq!(plan.tasks.len(), 2);
    }
}

/// A part's heading merged across the sheet between its title and its header (a sheet a
/// part, as ledgers are kept): each sheet's first part, named as the row says — not a line
/// left out, the parts named by the title.
#[test]
fn a_parts_row_over_the_header_heads_the_sheets_tasks() {
    let mut wb = Workbook::new();
    let merged = rust_xlsxwriter::Format::new();
    let parts = ["一、加大重点领域公开力度", "二、加强政策解读和回应关切"];
    for (no, part) in parts.iter().enumerate() {
        let sheet = wb.add_worksheet();
        sheet
            .merge_range(0, 0, 0, 3, "测试委2022年政务公开工作任务分工表", &merged)
            .unwrap();
        sheet.merge_range(1, 0, 1, 3, part, &merged).unwrap();
        for (c, h) in ["序号", "工作任务", "牵头处室", "完成时限"]
            .iter()
            .enumerate()
        {
            sheet.write_string(2, c as u16, *h).unwrap();
        }
        let cells = [
            &(no + 1).to_string(),
            "做好信息公开。",
            "财务处",
            "2022年12月底前",
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(3, c as u16, *v).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("分工表.xlsx", &bytes)]);
    let plan = plan_of(dir.path());
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["加大重点领域公开力度", "加强政策解读和回应关切"]);
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(
        plan.title.as_deref(),
        Some("测试委2022年政务公开工作任务分工表")
    );
}

/// A 责任单位 header merged over two columns with no row naming them apart: both columns list
/// the task's units (said); a column of plans under a 进度安排 header is kept as a column of its
/// own, not read as deadlines (said).
#[test]
fn units_under_a_merged_header_and_a_column_of_plans() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .merge_range(0, 0, 0, 4, "2025年重点工作任务清单", &plain)
        .unwrap();
    for (c, text) in ["序号", "工作任务"].iter().enumerate() {
        sheet.write_string(1, c as u16, *text).unwrap();
    }
    sheet.merge_range(1, 2, 1, 3, "责任单位", &plain).unwrap();
    sheet.write_string(1, 4, "2025年1-3月份进度安排").unwrap();
    let rows = [
        [
            "1",
            "推进污水管网提升项目。",
            "区住建局",
            "区水务局",
            "开展管网摸底排查、登记等工作",
        ],
        [
            "2",
            "盘活存量土地400亩。",
            "区自然资源局",
            "",
            "持续推进存量土地清理处置",
        ],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r as u32 + 2, c as u16, *v).unwrap();
            }
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("清单.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["区住建局"]);
    assert_eq!(supports(plan, 1), ["区水务局"]);
    let codes = codes(&checked);
    assert!(codes.contains(&"table/units-across-columns"), "{codes:?}");
    assert!(codes.contains(&"table/not-deadlines"), "{codes:?}");
    assert!(!codes.contains(&"source/unused"), "{codes:?}");
    assert!(plan.tasks.iter().all(|t| t.deadline_text.is_none()));
    assert_eq!(plan.tasks[0].extra, ["开展管网摸底排查、登记等工作"]);
}

/// A deadline that reads as no date is said at the deadline's own cell, not the row's first.
#[test]
fn an_unread_deadline_is_said_at_its_cell() {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet().set_name("表").unwrap();
    for (c, text) in ["序号", "工作任务", "责任单位", "完成时限"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *text).unwrap();
    }
    sheet.write_string(1, 0, "1").unwrap();
    sheet.write_string(1, 1, "新建幼儿园3所。").unwrap();
    sheet.write_string(1, 2, "区教育局").unwrap();
    sheet.write_string(1, 3, "见成效").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("表.xlsx", &bytes)]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    let at = |code: &str| -> Vec<String> {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.location.to_string())
            .collect()
    };
    let said = at("table/deadline");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].ends_with("#表!D2"), "{said:?}");
}

/// A 主要事项 label longer than its column is wide wraps: the rows it stands over are
/// together tall enough for it, also when its group has a single short task (沁县's
/// 「（一）推进煤炭产业提质增效」 over 「加快智能化矿井建设。」 lost 增效 on paper).
#[test]
fn a_group_label_never_outgrows_its_rows() {
    let dir = published_fixture("notices/three_attachments.md");
    let script = r#"
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
header = next(r for r in ws.iter_rows() if any(c.value == "主要事项" for c in r))
col = next(c.column for c in header if c.value == "主要事项")
letter = openpyxl.utils.get_column_letter(col)
width = ws.column_dimensions[letter].width
merged = [m for m in ws.merged_cells.ranges if m.min_col <= col <= m.max_col]
spans = {m.min_row: m.max_row for m in merged if m.min_col == m.max_col}
across = {r for m in merged if m.min_col < m.max_col for r in range(m.min_row, m.max_row + 1)}
for row in range(header[0].row + 1, ws.max_row + 1):
    label = ws.cell(row, col).value
    if not label or row in across:
        continue
    last = spans.get(row, row)
    height = sum(ws.row_dimensions[r].height or 15 for r in range(row, last + 1))
    print(f"{label}\t{width}\t{height}")
"#;
    let run = Command::new("python3")
        .args(["-c", script])
        .arg(dir.path().join("output/任务分工表.xlsx"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let listed = String::from_utf8(run.stdout).unwrap();
    let mut wrapped = 0;
    for line in listed.lines() {
        let [label, width, height] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("{line}")
        };
        let width: f64 = width.parse().unwrap();
        let height: f64 = height.parse().unwrap();
        let lines = fengong::render::xlsx::lines_needed(label, width - 1.0);
        wrapped += usize::from(lines > 1);
        assert!(
            height >= lines as f64 * 17.0,
            "「{label}」 needs {lines} lines in a column {width} wide; its rows are {height} pt"
        );
    }
    assert!(
        wrapped > 0,
        "no label wraps: the test tests nothing\n{listed}"
    );
}

/// A 牵头单位 | 配合单位 ledger whose cells also say roles in words: 「X牵头，Y配合」 in the
/// 牵头 column makes Y a supporter; 「…按职责分工负责」 in the 配合 column leaves its units
/// supporting; 「X共同牵头」 there makes X a lead; 无, — and / name no one. Each reading of
/// words is said at its own cell; none is taken for a unit cut off.
#[test]
fn words_of_role_in_role_columns_are_read_as_they_say() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx/roles_in_role_columns.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["县公安局"]);
    assert_eq!(supports(plan, 1), ["县交通运输局", "各乡镇（街道）"]);
    assert_eq!(leads(plan, 2), ["县统计局"]);
    assert_eq!(supports(plan, 2), ["县市场监督管理局"]);
    for no in 3..=5 {
        let task = plan.task(no).unwrap();
        assert_eq!(task.units.len(), 1, "{no}: {:?}", task.units);
        assert!(task.unspecified.is_empty(), "{no}: {:?}", task.unspecified);
    }
    assert_eq!(leads(plan, 6), ["县住房和城乡建设局", "县公安局"]);
    assert_eq!(supports(plan, 6), ["县城市管理局"]);
    let said: Vec<String> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/role-in-cell")
        .map(|d| format!("{} {}", d.location, d.message))
        .collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        said[0].contains("!D3") && said[0].contains("按职责分工负责"),
        "{}",
        said[0]
    );
    assert!(said[1].contains("!C4") && said[1].contains("「县市场监督管理局」读作配合单位"));
    assert!(!codes(&checked).contains(&"unit/fragment"));
    let md = published_text(&path, "任务分工表.md");
    assert!(!md.contains("原文截断"), "{md}");
}

/// A ledger saved while filtered to one 牵头单位: the rows the filter hides are tasks all
/// the same, read and said once; a row its author hid outside the filter stays left out
/// and said.
#[test]
fn rows_a_saved_filter_hides_are_read() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/saved_filtered.xlsx");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 4);
    assert_eq!(leads(&checked.plan, 4), ["县商务局"]);
    let said = |code: &str| -> Vec<String> {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| format!("{} {}", d.location, d.message))
            .collect()
    };
    let filtered = said("xlsx/filtered");
    assert_eq!(filtered.len(), 1, "{filtered:?}");
    assert!(
        filtered[0].contains("!A4") && filtered[0].contains("第 4、6 行"),
        "{filtered:?}"
    );
    let hidden = said("xlsx/hidden");
    assert_eq!(hidden.len(), 1, "{hidden:?}");
    assert!(hidden[0].contains("原第5项已撤销"), "{hidden:?}");
}

/// A notice issuing 《…工作要点》 whose 附件 are the two sheets' parts (1.主要指标任务
/// 2.重点工作任务): the plan is titled as issued, the parts its sections, its date cells
/// printed as the sheet shows them (2025年10月, 12月31日); the renumbering
/// quotes each number as written and the second table's note both tables' headers; the
/// 附件说明 naming parts is no mismatch.
#[test]
fn attachments_that_are_the_tables_parts_title_the_plan_as_issued() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/parts_attached");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("枫林县2025年乡村全面振兴工作要点")
    );
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["主要指标任务", "重点工作任务"]);
    assert_eq!(plan.tasks.len(), 5);
    // Date cells printed as the sheet shows them: no day, or no year, it does not show.
    let deadline = |no: u32| {
        let task = plan.task(no).unwrap();
        (
            task.deadline.map(|d| d.to_string()),
            task.deadline_text.clone(),
        )
    };
    assert_eq!(
        deadline(1),
        (Some("2025-10-31".into()), Some("2025年10月".into()))
    );
    assert_eq!(
        deadline(2),
        (Some("2025-12-31".into()), Some("12月31日".into()))
    );
    let said = |code: &str| -> String {
        (checked.report.diagnostics.iter())
            .find(|d| d.code == code)
            .map(|d| d.message.clone())
            .unwrap_or_default()
    };
    assert!(
        said("table/renumbered").contains("1.1、1.2、1、2、3"),
        "{}",
        said("table/renumbered")
    );
    assert!(
        said("table/another-table").contains("指标名称及目标"),
        "{}",
        said("table/another-table")
    );
    assert!(
        !codes(&checked).contains(&"notice/attachment-title"),
        "{:?}",
        codes(&checked)
    );
}

/// A 注 in a text box drawn on the sheet and the page's header and footer: none of the
/// plan's words, each said with its sheet.
#[test]
fn text_outside_the_cells_is_said() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/notes_beside_cells.xlsx");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    let said: Vec<String> = (checked.report.diagnostics.iter())
        .filter(|d| d.code.starts_with("xlsx/text-box") || d.code == "xlsx/header-footer")
        .map(|d| format!("{} {}", d.location, d.message))
        .collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    for words in [
        "附件2",
        "联系电话：0000-7654321",
        "注：第2项须于每月5日前报送审计进度。",
    ] {
        assert!(
            said.iter()
                .any(|s| s.contains(words) && s.contains("#分工表")),
            "{words}: {said:#?}"
        );
    }
    // The schedule's merged name is printed over its columns, not said.
    let bands = &checked.plan.table.header_bands;
    assert_eq!(bands.len(), 1, "{bands:?}");
    assert_eq!(bands[0].name, "时间节点");
    assert_eq!(bands[0].columns.len(), 4);
    assert!(
        !(checked.report.diagnostics.iter()).any(|d| d.code == "table/merged-header"),
        "{:?}",
        checked.report.diagnostics
    );
}
