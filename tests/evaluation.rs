//! Evaluation end to end: forms fengong issues are filled in programmatically (and once by
//! openpyxl, and once re-saved as .xls by LibreOffice, as units' own software would), put in a
//! period folder, evaluated by the binary, and the numbers of the Markdown and XLSX reports are
//! checked against numbers this test computes on its own from the plan and what it filled in.
//! Every fault the issue names has a test and must show in the report.

use crate::common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use common::{fengong, project, root, seed_text, stderr, supports};
use fengong::model::{Plan, Role};
use fengong::render::xlsx::{FormFill, RowFill, properties, return_form};
use fengong::view::TaskSheet;

fn seed_plan() -> Plan {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| {
        fengong::check(&root().join("input"))
            .expect("seed checks")
            .plan
    })
    .clone()
}

/// A project with the seed and a returns folder for `period`; returns (project, folder).
fn with_returns(period: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let folder = dir.path().join("input/returns").join(period);
    std::fs::create_dir_all(&folder).unwrap();
    (dir, folder)
}

/// The status this test reports for a task a unit leads: a fixed rule over task and unit.
fn chosen_status(no: u32, unit: &str) -> &'static str {
    let salt: u32 = unit.chars().map(|c| c as u32).sum();
    ["已完成", "序时推进", "滞后", "未启动"][((no + salt) % 4) as usize]
}

fn form_for(sheet: &TaskSheet, fill: &FormFill) -> Vec<u8> {
    let props = properties("t", "t", jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0)).unwrap();
    return_form(sheet, &props, Some(fill)).unwrap()
}

/// Fills every lead row of `sheet` with the chosen status (progress 60 for 序时推进, above the
/// mid-year 序时进度), leaving supporting rows empty.
fn lead_fill(sheet: &TaskSheet, date: &str) -> FormFill {
    let mut rows = BTreeMap::new();
    for t in &sheet.tasks {
        if t.role != "牵头" {
            continue;
        }
        let status = chosen_status(t.no, &sheet.unit);
        rows.insert(
            t.no,
            RowFill {
                status: status.into(),
                progress: match status {
                    "已完成" => "100",
                    "序时推进" => "60",
                    "滞后" => "20",
                    _ => "0",
                }
                .into(),
                progress_text: format!("第{}项进展", t.no),
                problems: if status == "滞后" {
                    format!("第{}项的问题", t.no)
                } else {
                    String::new()
                },
                ..RowFill::default()
            },
        );
    }
    FormFill {
        sample: false,
        filled_on: fengong::base::date::parse_iso(date),
        rows,
        ..FormFill::default()
    }
}

fn sheet_cells(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn num(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// The rank each status has, least advanced first, and its mid-year score.
fn order(status: &str) -> (u8, f64) {
    match status {
        "未报送" => (0, 0.0),
        "未启动" => (1, 0.0),
        "滞后" => (2, 40.0),
        "序时推进" => (3, 80.0),
        "已完成" => (4, 100.0),
        other => panic!("{other}"),
    }
}

#[test]
fn report_numbers_match_an_independent_count() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-半年度");
    let silent = "区体育局";
    for sheet in TaskSheet::all(&plan) {
        if sheet.unit == silent {
            continue;
        }
        let name = format!("{}.xlsx", sheet.unit);
        std::fs::write(
            folder.join(name),
            form_for(&sheet, &lead_fill(&sheet, "2025-07-05")),
        )
        .unwrap();
    }
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Independent count: a task's status is the least advanced of its leads' (conditional
    // leads count only where they wrote something: here they all did, except the silent unit).
    let own = |unit: &str, no: u32| -> &'static str {
        if unit == silent {
            "未报送"
        } else {
            chosen_status(no, unit)
        }
    };
    let mut task_status: HashMap<u32, &str> = HashMap::new();
    for task in &plan.tasks {
        let status = task
            .units
            .iter()
            .filter(|a| a.role == Role::Lead)
            .filter(|a| !(a.conditional && a.name == silent))
            .map(|a| own(&a.name, task.no))
            .min_by_key(|s| order(s).0)
            .unwrap_or("未报送");
        task_status.insert(task.no, status);
    }
    let count = |s: &str| task_status.values().filter(|v| **v == s).count();
    let total = plan.tasks.len();

    // Markdown: the overview sentence.
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    for status in ["已完成", "序时推进", "滞后", "未启动", "未报送"] {
        let n = count(status);
        let share = n as f64 / total as f64 * 100.0;
        // Rates print at one decimal, whatever the value: 13.0% beside 38.5%.
        let share = format!("{:.1}", (share * 10.0).round() / 10.0);
        let expect = format!("{status} {n} 项（{share}%）");
        assert!(md.contains(&expect), "missing «{expect}»");
    }
    assert!(md.contains("区体育局"), "the silent unit is named");
    assert!(
        md.contains("（一）未报送或报送未被采用的单位\n\n区体育局（共 1 个）"),
        "{}",
        &md[md.find("（一）未报送").unwrap()..][..200]
    );

    // XLSX 总体情况: the status table as numbers.
    let xlsx = dir.path().join("output/评估/2025-半年度/评估报告.xlsx");
    let rows = sheet_cells(&xlsx, "总体情况");
    for status in ["已完成", "序时推进", "滞后", "未启动", "未报送"] {
        let row = rows
            .iter()
            .find(|r| text(&r[0]) == status)
            .unwrap_or_else(|| panic!("no row {status}"));
        assert_eq!(num(&row[1]), Some(count(status) as f64), "{status}");
        let share = num(&row[2]).unwrap();
        assert!((share - count(status) as f64 / total as f64).abs() < 1e-9);
    }

    // XLSX 分单位: each unit's lead counts, completion rate and score.
    let rows = sheet_cells(&xlsx, "分单位");
    let header = rows.iter().position(|r| text(&r[0]) == "名次").unwrap();
    let col = |name: &str| rows[header].iter().position(|c| text(c) == name).unwrap();
    let mut checked = 0;
    for unit in &plan.units {
        let row = rows
            .iter()
            .find(|r| text(&r[col("单位")]) == unit.name)
            .unwrap_or_else(|| panic!("{}", unit.name));
        let leads: Vec<u32> = unit
            .lead
            .iter()
            .copied()
            .filter(|no| {
                let a = plan.task(*no).unwrap().assignment(&unit.name).unwrap();
                !(a.conditional && unit.name == silent)
            })
            .collect();
        let supports: Vec<u32> = unit
            .support
            .iter()
            .copied()
            .filter(|no| {
                !plan
                    .task(*no)
                    .unwrap()
                    .assignment(&unit.name)
                    .unwrap()
                    .conditional
            })
            .collect();
        assert_eq!(
            num(&row[col("牵头任务")]),
            Some(leads.len() as f64),
            "{}",
            unit.name
        );
        let done = leads
            .iter()
            .filter(|no| own(&unit.name, **no) == "已完成")
            .count();
        if leads.is_empty() {
            assert!(num(&row[col("完成率")]).is_none());
        } else {
            let rate = num(&row[col("完成率")]).unwrap();
            assert!(
                (rate - done as f64 / leads.len() as f64).abs() < 1e-9,
                "{}",
                unit.name
            );
        }
        // Score: lead 1, support 0.5; a unit that returned shares the task's status on
        // supporting rows it left empty; the silent unit scores 未报送 everywhere.
        let mut sum = 0.0;
        let mut weight = 0.0;
        for no in &leads {
            sum += order(own(&unit.name, *no)).1;
            weight += 1.0;
        }
        for no in &supports {
            let s = if unit.name == silent {
                "未报送"
            } else {
                task_status[no]
            };
            sum += 0.5 * order(s).1;
            weight += 0.5;
        }
        let expected = if weight > 0.0 { sum / weight } else { 0.0 };
        let score = num(&row[col("得分")]).unwrap();
        assert!(
            (score - (expected * 10.0).round() / 10.0).abs() < 1e-9,
            "{}: {score} vs {expected}",
            unit.name
        );
        checked += 1;
    }
    assert_eq!(checked, 41);

    // The unit chart and the section chart are native charts.
    let zip = std::fs::read(&xlsx).unwrap();
    let names = zip_names(&zip);
    assert!(
        names
            .iter()
            .filter(|n| n.starts_with("xl/charts/chart"))
            .count()
            >= 2,
        "{names:?}"
    );
    // Mid-year: no packets.
    assert!(
        !dir.path()
            .join("output/评估/2025-半年度/考核汇总.pdf")
            .exists()
    );
}

fn zip_names(bytes: &[u8]) -> Vec<String> {
    // Central directory entries: signature PK\1\2, name length at +28, name at +46.
    let mut names = Vec::new();
    let mut i = 0;
    while i + 46 < bytes.len() {
        if &bytes[i..i + 4] == b"PK\x01\x02" {
            let len = u16::from_le_bytes([bytes[i + 28], bytes[i + 29]]) as usize;
            names.push(String::from_utf8_lossy(&bytes[i + 46..i + 46 + len]).into_owned());
            i += 46 + len;
        } else {
            i += 1;
        }
    }
    names
}

/// A period folder with the planted faults, evaluated; returns (project, report Markdown,
/// console).
fn faulty(prefer_latest: bool) -> (tempfile::TempDir, String, String) {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-半年度");
    let sheets = TaskSheet::all(&plan);
    let by_name = |n: &str| sheets.iter().find(|s| s.unit == n).unwrap();
    for sheet in &sheets {
        if sheet.unit == "区信访办" {
            continue; // never returns
        }
        let mut fill = lead_fill(sheet, "2025-07-05");
        let first = sheet.tasks[0].no;
        let row = fill.rows.entry(first).or_default();
        match sheet.unit.as_str() {
            "区体育局" => row.edited_content = Some("改过的任务内容".into()),
            "区卫生健康委" => row.progress = "120".into(),
            "区文化旅游局" => row.progress = "八成".into(),
            "区绿化市容局" => row.status = "基本完成".into(),
            _ => {}
        }
        if sheet.unit == "区科委" {
            // Terminal escapes and HTML from a form: never reach the console or the report.
            let lead = fill
                .rows
                .values_mut()
                .find(|r| !r.status.is_empty())
                .unwrap();
            lead.progress_text = "\u{1B}[31m红字\u{7}<script>alert(1)</script>".into();
        }
        if sheet.unit == "区教育局" {
            // What units paste from chat: an emoji no font has, a zero-width space.
            let lead = fill
                .rows
                .values_mut()
                .find(|r| !r.status.is_empty())
                .unwrap();
            lead.progress_text = "进展顺利👍\u{200B}".into();
        }
        std::fs::write(
            folder.join(format!("{}.xlsx", sheet.unit)),
            form_for(sheet, &fill),
        )
        .unwrap();
    }
    // A duplicate: 区民政局 again, later, all done.
    let civil = by_name("区民政局");
    let mut later = lead_fill(civil, "2025-07-12");
    for row in later.rows.values_mut() {
        row.status = "已完成".into();
        row.progress = "100".into();
    }
    std::fs::create_dir_all(folder.join("补报")).unwrap();
    std::fs::write(
        folder.join("补报/区民政局（更正）.xlsx"),
        form_for(civil, &later),
    )
    .unwrap();
    // A form of another plan, garbage, a hand-made workbook, an attachment.
    let mut other = by_name("区教育局").clone();
    other.plan_id = "嘉发改〔2024〕3号".into();
    std::fs::write(
        folder.join("旧方案.xlsx"),
        form_for(&other, &FormFill::default()),
    )
    .unwrap();
    std::fs::write(folder.join("损坏.xlsx"), b"PK\x03\x04 broken").unwrap();
    // 16 KB that claim the whole 1048576 × 16384 grid: refused, and the others still read.
    let mut huge = rust_xlsxwriter::Workbook::new();
    let sheet = huge.add_worksheet().set_name("任务清单").unwrap();
    sheet.write_string(0, 0, "序号").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    std::fs::write(folder.join("巨大.xlsx"), huge.save_to_buffer().unwrap()).unwrap();
    std::fs::write(folder.join("佐证.pdf"), b"%PDF-1.4").unwrap();
    // A link to a form kept elsewhere, an Office lock file, a hidden file, a linked period
    // folder: none is read, each is listed with why.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(elsewhere.join("2025-年度")).unwrap();
    std::fs::write(elsewhere.join("区科委.xlsx"), b"x").unwrap();
    std::os::unix::fs::symlink(elsewhere.join("区科委.xlsx"), folder.join("链接.xlsx")).unwrap();
    std::fs::write(folder.join("~$区教育局.xlsx"), b"lock").unwrap();
    std::fs::write(folder.join(".隐藏.xlsx"), b"x").unwrap();
    std::os::unix::fs::symlink(
        elsewhere.join("2025-年度"),
        folder.parent().unwrap().join("2025-年度"),
    )
    .unwrap();
    // A form dropped beside the period folders, in none of them.
    std::fs::write(folder.parent().unwrap().join("放错位置.xlsx"), b"x").unwrap();
    let mut args = vec!["publish"];
    if prefer_latest {
        args.push("--prefer-latest");
    }
    let out = fengong(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    (dir, md, stderr(&out))
}

/// The report's line for a file.
fn file_line<'a>(md: &'a str, file: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(&format!("| {file} |")))
        .unwrap_or_else(|| panic!("no line for {file}"))
}

#[test]
fn every_fault_is_caught_and_every_file_accounted_for() {
    let (dir, md, console) = faulty(false);
    let plan = seed_plan();
    // Every file appears once in the report and on the console: 40 units' forms, the
    // duplicate, the other plan's form, the broken and the huge file, the PDF, and the link,
    // lock and hidden files.
    let files = 40 + 1 + 3 + 1 + 3;
    let lines = md
        .lines()
        .filter(|l| l.contains(".xlsx |") || l.contains(".pdf |"))
        .count();
    assert_eq!(lines, files, "{md}");
    for name in [
        "区教育局.xlsx",
        "补报/区民政局（更正）.xlsx",
        "旧方案.xlsx",
        "损坏.xlsx",
        "巨大.xlsx",
        "佐证.pdf",
    ] {
        assert!(console.contains(name), "console misses {name}");
    }
    assert!(file_line(&md, "区体育局.xlsx").contains("任务内容被改动过"));
    assert!(file_line(&md, "区体育局.xlsx").contains("已接收（有问题）"));
    assert!(file_line(&md, "区卫生健康委.xlsx").contains("超出 0—100"));
    assert!(file_line(&md, "区文化旅游局.xlsx").contains("不是数字"));
    assert!(file_line(&md, "区绿化市容局.xlsx").contains("不是可选项"));
    let education = file_line(&md, "区教育局.xlsx");
    assert!(education.contains("已接收（有问题）"), "{education}");
    assert!(
        education.contains("👍") && education.contains("〓"),
        "{education}"
    );
    assert!(education.contains("U+200B"), "{education}");
    let science = file_line(&md, "区科委.xlsx");
    assert!(
        science.contains("U+001B") && science.contains("U+0007"),
        "{science}"
    );
    for text in [&md, &console] {
        assert!(
            !text.contains(['\u{1B}', '\u{7}']),
            "a control character got through"
        );
    }
    assert!(!md.contains("<script>"), "raw HTML in the report");
    assert!(file_line(&md, "旧方案.xlsx").contains("退回"));
    assert!(file_line(&md, "旧方案.xlsx").contains("不属于本方案"));
    assert!(file_line(&md, "损坏.xlsx").contains("退回"));
    assert!(file_line(&md, "巨大.xlsx").contains("退回"));
    assert!(file_line(&md, "巨大.xlsx").contains("上限 50000 行"));
    assert!(file_line(&md, "链接.xlsx").contains("已忽略"));
    assert!(file_line(&md, "链接.xlsx").contains("符号链接"));
    // (Markdown escapes the ~ of the name: data is never markup.)
    assert!(file_line(&md, "\\~$区教育局.xlsx").contains("临时锁文件"));
    assert!(file_line(&md, ".隐藏.xlsx").contains("隐藏文件"));
    assert!(
        console
            .lines()
            .any(|l| l.contains("2025-年度") && l.contains("符号链接")),
        "{console}"
    );
    assert!(file_line(&md, "佐证.pdf").contains("非反馈表"));
    // The duplicate without --prefer-latest: both set aside, the unit counts as missing.
    assert!(file_line(&md, "区民政局.xlsx").contains("重复报送待定"));
    assert!(file_line(&md, "补报/区民政局（更正）.xlsx").contains("重复报送待定"));
    let missing = &md[md.find("（一）未报送或报送未被采用的单位").unwrap()..];
    let missing = missing.lines().nth(2).unwrap();
    assert!(
        missing.contains("区信访办") && missing.contains("区民政局"),
        "{missing}"
    );
    // It sent two: it is said so, not left as if it sent nothing.
    assert!(
        missing.contains("区民政局（报送 2 份，重复报送待定）"),
        "{missing}"
    );
    assert!(!missing.contains("区信访办（报送"), "{missing}");
    // The edited text kept its return: 区体育局 is not missing, and its cell is named.
    assert!(!missing.contains("区体育局"));
    // Named as a reader says it, not as a formula would.
    assert!(file_line(&md, "区体育局.xlsx").contains("任务清单表 C5 单元格"));
    // The XLSX lists the same.
    let rows = sheet_cells(
        &dir.path().join("output/评估/2025-半年度/评估报告.xlsx"),
        "报送情况",
    );
    let outcome = |file: &str| {
        rows.iter()
            .find(|r| text(&r[0]) == file)
            .map(|r| text(&r[4]))
            .unwrap_or_default()
    };
    assert_eq!(outcome("损坏.xlsx"), "退回");
    assert_eq!(outcome("区民政局.xlsx"), "重复报送待定");
    assert!(rows.iter().any(|r| text(&r[0]) == "区信访办"));
    let _ = plan;
}

#[test]
fn prefer_latest_takes_the_later_return() {
    let (_dir, md, _) = faulty(true);
    assert!(file_line(&md, "区民政局.xlsx").contains("已被替代"));
    assert!(file_line(&md, "补报/区民政局（更正）.xlsx").contains("已接收"));
    let missing = &md[md.find("（一）未报送或报送未被采用的单位").unwrap()..];
    assert!(!missing.lines().nth(2).unwrap().contains("区民政局"));
    // Its tasks are now all done: the later form's statuses are the ones used.
    let plan = seed_plan();
    let civil = plan.units.iter().find(|u| u.name == "区民政局").unwrap();
    let line = md
        .lines()
        .find(|l| l.contains("| 区民政局 |"))
        .expect("unit line");
    assert!(
        line.contains(&format!("| {} | {} |", civil.lead.len(), civil.lead.len())),
        "{line}"
    );
}

#[test]
fn a_form_saved_by_other_software_still_reads() {
    // openpyxl edits a real form the way a unit's Excel or WPS would: types into the open
    // cells, adds a row with a task number that was never issued, saves.
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-半年度");
    let sheet = TaskSheet::all(&plan)
        .into_iter()
        .find(|s| s.unit == "区教育局")
        .unwrap();
    let blank = folder.join("blank.xlsx");
    std::fs::write(&blank, form_for(&sheet, &FormFill::default())).unwrap();
    let script = r#"
import sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["任务清单"]
ws.cell(row=2, column=10).value = datetime.date(2025, 7, 8)
for r in range(5, ws.max_row + 1):
    if ws.cell(row=r, column=1).value is None:
        continue
    ws.cell(row=r, column=8).value = "已完成"
    ws.cell(row=r, column=9).value = 100
    ws.cell(row=r, column=10).value = "已办结"
r = ws.max_row + 1
ws.cell(row=r, column=1).value = 999
ws.cell(row=r, column=8).value = "已完成"
wb.save(sys.argv[2])
"#;
    let edited = folder.join("区教育局（WPS）.xlsx");
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&blank)
        .arg(&edited)
        .status()
        .expect("python3 with openpyxl");
    assert!(status.success());
    std::fs::remove_file(&blank).unwrap();
    // LibreOffice turns a copy into .xls (a unit on an old Office).
    let other = TaskSheet::all(&plan)
        .into_iter()
        .find(|s| s.unit == "团区委")
        .unwrap();
    let xlsx = dir.path().join("团区委.xlsx");
    std::fs::write(&xlsx, form_for(&other, &lead_fill(&other, "2025-07-03"))).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let converted = common::soffice(profile.path())
        .args(["--convert-to", "xls", "--outdir"])
        .arg(&folder)
        .arg(&xlsx)
        .output()
        .expect("soffice");
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let out = fengong(
        dir.path(),
        &["evaluate", "input/returns/2025-半年度", "--output", "out"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(dir.path().join("out/评估报告.md")).unwrap();
    let line = file_line(&md, "区教育局（WPS）.xlsx");
    assert!(line.contains("2025-07-08"), "{line}");
    assert!(
        line.contains("第 999 项任务不在下发给本单位的任务清单中"),
        "{line}"
    );
    let line = file_line(&md, "团区委.xls");
    assert!(
        line.contains("已接收") && line.contains("2025-07-03"),
        "{line}"
    );
    // 区教育局 reported every task done: all its lead tasks count as done.
    let edu = plan.units.iter().find(|u| u.name == "区教育局").unwrap();
    let unit_line = md.lines().find(|l| l.contains("| 区教育局 |")).unwrap();
    assert!(
        unit_line.contains(&format!(
            "| {} | {} | 0 | 0 | 0 | 0 | 100.0% |",
            edu.lead.len(),
            edu.lead.len()
        )),
        "{unit_line}"
    );
}

#[test]
fn a_period_folder_must_say_which_period() {
    let (dir, folder) = with_returns("杂项");
    let _ = folder;
    let out = fengong(dir.path(), &["evaluate", "input/returns/杂项"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("无法从目录名「杂项」判断"),
        "{}",
        stderr(&out)
    );
    let out = fengong(
        dir.path(),
        &["evaluate", "input/returns/杂项", "--period", "年度"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("output/评估/杂项/评估报告.pdf").is_file());
}

#[test]
fn year_end_writes_packets_with_bookmarks() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-年度");
    let mut targets = 0;
    for sheet in TaskSheet::all(&plan) {
        let mut fill = lead_fill(&sheet, "2026-01-05");
        for (no, row) in fill.rows.iter_mut() {
            let task = plan.task(*no).unwrap();
            if !task.targets.is_empty()
                && task.leads().next().map(|a| a.name.as_str()) == Some(sheet.unit.as_str())
            {
                // Report exactly the target numbers: every target is met at 100%.
                row.target_value = task
                    .targets
                    .iter()
                    .map(|t| format!("{}{}", t.value, t.unit))
                    .collect::<Vec<_>>()
                    .join("；");
                targets += task.targets.len();
            }
        }
        std::fs::write(
            folder.join(format!("{}.xlsx", sheet.unit)),
            form_for(&sheet, &fill),
        )
        .unwrap();
    }
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let base = dir.path().join("output/评估/2025-年度");
    let md = std::fs::read_to_string(base.join("评估报告.md")).unwrap();
    let target_rows = md
        .lines()
        .filter(|l| l.ends_with("| 100.0% | 达成 |"))
        .count();
    assert_eq!(target_rows, targets, "every target met");
    // Year-end: 序时推进 on a task due 2025-12-31 counts as 滞后.
    assert!(md.contains("已过，按滞后（逾期）计"));
    for unit in &plan.units {
        assert!(
            base.join(format!("考核材料/{}.pdf", unit.name)).is_file(),
            "{}",
            unit.name
        );
    }
    let script = r#"
import sys
from pdfminer.pdfparser import PDFParser
from pdfminer.pdfdocument import PDFDocument
doc = PDFDocument(PDFParser(open(sys.argv[1], "rb")))
for level, title, *_ in doc.get_outlines():
    print(level, title)
"#;
    let outline = |path: &Path| {
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(path)
            .output()
            .expect("python3 with pdfminer");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let one = outline(&base.join("考核材料/区教育局.pdf"));
    for part in [
        "区教育局2025年度考核材料",
        "一、总体情况",
        "二、牵头任务",
        "三、配合任务",
        "四、量化目标",
        "五、存在问题",
    ] {
        assert!(one.contains(part), "{part} not bookmarked: {one}");
    }
    let index = outline(&base.join("考核汇总.pdf"));
    for unit in &plan.units {
        assert!(
            index.contains(&format!("1 {}2025年度考核材料", unit.name)),
            "{} not bookmarked",
            unit.name
        );
    }
    // pdftotext gives back the ranking and each unit's name.
    let text = std::process::Command::new("pdftotext")
        .arg(base.join("考核汇总.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' '], "");
    assert!(text.contains("得分排名"));
}

#[test]
fn the_shipped_sample_returns_are_what_the_generator_makes() {
    // Regenerate in memory from the current plan and forms; the committed files must match
    // byte for byte (run `cargo run --example sample_returns` after changing the forms).
    let plan = seed_plan();
    for period in fengong::samples::shipped_periods(2025) {
        let folder = root().join("input/returns").join(&period.label);
        let made = fengong::samples::sample_returns(
            &plan,
            &period,
            &fengong::samples::Faults::shipped(period.kind),
        )
        .unwrap();
        let mut on_disk: Vec<String> = walk(&folder)
            .into_iter()
            .map(|p| {
                p.strip_prefix(&folder)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        on_disk.sort();
        let names: Vec<String> = made.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            on_disk, names,
            "{}: run `cargo run --example sample_returns`",
            period.label
        );
        for file in &made {
            let bytes = std::fs::read(folder.join(&file.path)).unwrap();
            assert!(
                bytes == file.bytes,
                "{} is stale: run `cargo run --example sample_returns`",
                file.path
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn the_shipped_sample_shows_its_faults() {
    let out = fengong(
        &root(),
        &[
            "evaluate",
            "input/returns/2025-半年度",
            "--output",
            "target/sample-eval-test",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(root().join("target/sample-eval-test/评估报告.md")).unwrap();
    assert!(md.contains("**示例数据**"));
    for fault in [
        "任务内容被改动过",
        "超出 0—100",
        "不是数字",
        "不是可选项",
        "重复报送待定",
        "缺少隐藏工作表",
    ] {
        assert!(md.contains(fault), "sample report lacks {fault}");
    }
    assert!(md.contains("区信访办"));
    let out = fengong(
        &root(),
        &[
            "evaluate",
            "input/returns/2025-年度",
            "--output",
            "target/sample-eval-test-year",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(root().join("target/sample-eval-test-year/评估报告.md")).unwrap();
    assert!(md.contains("第 54 项任务的量化目标完成值「基本完成」中没有数字"));
    assert!(md.contains("华亭镇（共 1 个）"));
    assert!(
        root()
            .join("target/sample-eval-test-year/考核材料/华亭镇.pdf")
            .is_file()
    );
}

#[test]
fn evaluations_are_reproducible() {
    // The shipped input with its 示例 returns, published twice: every file's hash (the
    // manifest lists them) is the same.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    for path in walk(&root().join("input")) {
        let target = input.join(path.strip_prefix(root().join("input")).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&path, &target).unwrap();
    }
    let mut manifests = Vec::new();
    for out in ["a", "b"] {
        let run = fengong(dir.path(), &["publish", "-o", out]);
        assert!(run.status.success(), "{}", stderr(&run));
        manifests.push(std::fs::read(dir.path().join(out).join("manifest.json")).unwrap());
    }
    assert!(manifests[0] == manifests[1]);
    let manifest = String::from_utf8(manifests.remove(0)).unwrap();
    assert!(manifest.contains("\"kind\": \"evaluation\""));
    assert!(manifest.contains("\"kind\": \"packet\""));
}

/// The return form's one contract (`fengong::form`), both ways: what the writer puts in every
/// open cell and the key sheet comes back from the reader unchanged, and an edited task text
/// is seen through the same hash.
#[test]
fn a_return_form_round_trips_through_writer_and_reader() {
    let plan = seed_plan();
    let sheet = TaskSheet::all(&plan)
        .into_iter()
        .find(|s| s.unit == "区教育局")
        .unwrap();
    let mut rows = BTreeMap::new();
    for (i, t) in sheet.tasks.iter().enumerate() {
        rows.insert(
            t.no,
            RowFill {
                status: ["已完成", "序时推进", "滞后", "未启动"][i % 4].into(),
                progress: format!("{}", 10 * (i % 10)),
                progress_text: format!("进展{i}"),
                target_value: format!("{i}个"),
                problems: format!("问题{i}"),
                evidence: format!("材料{i}甲；材料{i}乙"),
                edited_content: (i == 1).then(|| "改过的任务内容".to_string()),
            },
        );
    }
    let fill = FormFill {
        sample: true,
        filled_on: fengong::base::date::parse_iso("2025-07-08"),
        contact: "王敏".into(),
        phone: "021-59990000".into(),
        rows,
    };
    let read = fengong::ingest::returns::read_bytes(&form_for(&sheet, &fill), "区教育局.xlsx")
        .unwrap()
        .form;
    assert_eq!(read.unit, sheet.unit);
    assert_eq!(read.plan_id, sheet.plan_id);
    assert!(read.sample);
    assert_eq!(read.filled_on, fill.filled_on);
    // Asked once, in the header block.
    assert_eq!(
        (read.contact.as_str(), read.phone.as_str()),
        ("王敏", "021-59990000")
    );
    assert_eq!(read.rows.len(), sheet.tasks.len());
    for (i, (row, task)) in read.rows.iter().zip(&sheet.tasks).enumerate() {
        let written = &fill.rows[&task.no];
        assert_eq!(row.task, task.no);
        assert_eq!(row.status.map(|s| s.label()), Some(written.status.as_str()));
        assert_eq!(row.progress, Some((10 * (i % 10)) as f64));
        assert_eq!(row.progress_text, written.progress_text);
        // Asked only where the task has a target; elsewhere the cell is a locked —.
        let has_target = !matches!(task.targets.trim(), "" | "—");
        let expected = if has_target {
            written.target_value.as_str()
        } else {
            ""
        };
        assert_eq!(row.target_value, expected, "task {}", task.no);
        assert_eq!(row.problems, written.problems);
        assert_eq!(row.evidence, [format!("材料{i}甲"), format!("材料{i}乙")]);
        assert_eq!(row.issued_hash, fengong::form::task_hash(&task.content));
        assert_eq!(row.text_intact, i != 1, "task {}", task.no);
    }
}

/// The columns a form carries past its own — the source's 责任人 and its extra columns —
/// are the form's: a form returned as issued is not said to have added them; a column the
/// unit did add still is.
#[test]
fn a_forms_own_extra_columns_are_not_taken_for_added_ones() {
    let dir = project(&[(
        "分工表.txt",
        "某区2025年重点工作任务分工表\n\
         序号\t工作任务\t牵头单位\t配合单位\t责任人\t资金来源\t完成时限\n\
         1\t建成智慧停车平台。\t区交通委\t区财政局\t张明\t区级财政\t2025年12月底前\n\
         2\t新增公共充电桩500个。\t区交通委\t各街镇\t张明\t社会资本\t2025年9月底前\n"
            .as_bytes(),
    )]);
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    let sheet = TaskSheet::all(&plan)
        .into_iter()
        .find(|s| s.unit == "区交通委")
        .unwrap();
    let bytes = form_for(&sheet, &lead_fill(&sheet, "2025-07-05"));
    let read = fengong::ingest::returns::read_bytes(&bytes, "区交通委.xlsx").unwrap();
    let codes: Vec<&str> = read.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"return/added-column"), "{codes:?}");
    assert_eq!(read.form.rows.len(), 2);
    // Both columns are on the form, with the source's values.
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let form = book.worksheet_range("任务清单").unwrap();
    let cells: Vec<String> = form.cells().map(|(_, _, d)| text(d)).collect();
    for written in ["责任人", "资金来源", "张明", "区级财政"] {
        assert!(
            cells.iter().any(|c| c.contains(written)),
            "{written}: {cells:?}"
        );
    }
    // A column the unit adds beside them (openpyxl, as its Excel would) is still said.
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["任务清单"]
header = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "序号")
col = ws.max_column + 1
ws.cell(row=header, column=col).value = "责任科室"
ws.cell(row=header + 1, column=col).value = "规划科"
wb.save(sys.argv[1])
"#;
    let path = dir.path().join("区交通委.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .status()
        .expect("python3 with openpyxl");
    assert!(status.success());
    let reread = std::fs::read(&path).unwrap();
    let read = fengong::ingest::returns::read_bytes(&reread, "区交通委.xlsx").unwrap();
    let said: Vec<&str> = (read.diagnostics.iter())
        .filter(|d| d.code == "return/added-column")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("「责任科室」") && said[0].contains("规划科"),
        "{said:?}"
    );
}

/// A unit that only supports: its sheet sent back untouched (no row, no 填报日期, no 联系人) is
/// no return — its tasks 未报送, the file 退回 — not a report taking the leads' statuses and
/// the top score; one it dated and left its rows empty has nothing to add, and is taken so.
#[test]
fn a_supporters_untouched_sheet_is_no_return() {
    let plan = seed_plan();
    let supporters: Vec<TaskSheet> = TaskSheet::all(&plan)
        .into_iter()
        .filter(|s| s.tasks.iter().all(|t| t.role == "配合"))
        .take(2)
        .collect();
    assert_eq!(supporters.len(), 2, "the seed has units that only support");
    let (dir, folder) = with_returns("2025-半年度");
    let (untouched, dated) = (&supporters[0], &supporters[1]);
    std::fs::write(
        folder.join(format!("{}.xlsx", untouched.unit)),
        form_for(untouched, &FormFill::default()),
    )
    .unwrap();
    let signed = FormFill {
        filled_on: fengong::base::date::parse_iso("2025-07-04"),
        contact: "王敏".into(),
        ..FormFill::default()
    };
    std::fs::write(
        folder.join(format!("{}.xlsx", dated.unit)),
        form_for(dated, &signed),
    )
    .unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    let line = file_line(&md, &format!("{}.xlsx", untouched.unit));
    assert!(
        line.contains("| 退回 |") && line.contains("反馈表原样报回"),
        "{line}"
    );
    assert!(
        md.contains(&format!("{}（报送 1 份，退回）", untouched.unit)),
        "{md}"
    );
    let line = file_line(&md, &format!("{}.xlsx", dated.unit));
    assert!(line.contains("| 已接收 |"), "{line}");
    assert!(line.contains("没有填写，按牵头单位的报送计"), "{line}");
}

/// A status word of the unit's own: one that means a listed status (正常推进) is read as it
/// and said so, the unit's word quoted; one that does not (基本完成) is said with what to do.
#[test]
fn a_status_in_the_units_own_words_is_said_as_read() {
    let plan = seed_plan();
    let sheet = TaskSheet::all(&plan)
        .into_iter()
        .find(|s| s.tasks.iter().filter(|t| t.role == "牵头").count() >= 2)
        .unwrap();
    let leads: Vec<u32> = (sheet.tasks.iter())
        .filter(|t| t.role == "牵头")
        .map(|t| t.no)
        .take(2)
        .collect();
    let mut fill = lead_fill(&sheet, "2025-07-05");
    fill.rows.get_mut(&leads[0]).unwrap().status = "正常推进".into();
    fill.rows.get_mut(&leads[1]).unwrap().status = "基本完成".into();
    let read = fengong::ingest::returns::read_bytes(&form_for(&sheet, &fill), "x.xlsx").unwrap();
    let said = |code: &str| {
        (read.diagnostics.iter())
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{code}: {:?}", read.diagnostics))
    };
    let read_as = said("return/status-read-as");
    assert!(
        read_as.message.contains(&format!(
            "第 {} 项任务的完成状态写的是「正常推进」，按“序时推进”计",
            leads[0]
        )),
        "{}",
        read_as.message
    );
    let row = read.form.rows.iter().find(|r| r.task == leads[0]).unwrap();
    assert_eq!(row.status.map(|s| s.label()), Some("序时推进"));
    let refused = said("return/bad-status");
    assert!(
        refused.message.contains("「基本完成」不是可选项"),
        "{}",
        refused.message
    );
    assert!(
        refused.hints.iter().any(|h| h.contains("下拉列表中重选")),
        "{:?}",
        refused.hints
    );
}

/// The figures of a packet agree with its own lists and with the ranking: 南翔镇's packet said
/// 配合 20 项 and listed 21; units leading nothing ranked first with 100 points.
#[test]
fn packets_and_ranking_agree_with_their_lists() {
    let checked = fengong::check(&root().join("input")).unwrap();
    let plan = checked.plan;
    let folder = root().join("input/returns/2025-年度");
    let period = fengong::ingest::returns::period_of(&folder, None, plan.year).unwrap();
    let read = fengong::ingest::returns::read_folder(&folder).unwrap();
    let rules = checked.project.config.evaluation.clone();
    let e = fengong::evaluate::evaluate(&plan, &rules, period, read);
    let view = fengong::view::EvaluationView::new(&plan, &e);
    let packets = fengong::view::PacketView::all(&plan, &e, &view);
    assert_eq!(packets.len(), view.units.len());
    assert_eq!(
        view.unit_total,
        plan.units.len(),
        "every unit with tasks is counted"
    );
    assert_eq!(
        view.ranked_total,
        view.units.iter().filter(|u| u.ranked).count()
    );
    for p in &packets {
        let line = &p.line;
        assert_eq!(
            p.lead_tasks.len(),
            line.lead_total,
            "{}: lead tasks",
            p.unit
        );
        assert_eq!(
            p.support_tasks.len(),
            line.support_total,
            "{}: supported tasks",
            p.unit
        );
        assert_eq!(
            line.counts.iter().sum::<usize>(),
            line.lead_total,
            "{}",
            p.unit
        );
        assert_eq!(
            line.ranked,
            line.lead_total > 0,
            "{}: ranked only when leading",
            p.unit
        );
    }
    // Ranked units first, by rank, equal scores sharing one; the others after, unranked.
    let ranked: Vec<&fengong::view::UnitLine> = view.units.iter().filter(|u| u.ranked).collect();
    assert!(view.units[..ranked.len()].iter().all(|u| u.ranked));
    for pair in ranked.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(a.score_value >= b.score_value);
        assert_eq!(a.rank_value == b.rank_value, a.score_value == b.score_value);
    }
    assert!(
        view.units.iter().any(|u| !u.ranked),
        "the seed has units leading nothing"
    );
}

/// A version-1 form (联系人 and 联系电话 on every row) still reads, its contact taken from
/// its rows; a version-2 form asks them once.
#[test]
fn forms_of_the_first_version_still_read_their_contact() {
    let plan = seed_plan();
    let sheet = TaskSheet::all(&plan)
        .into_iter()
        .find(|s| s.unit == "区教育局")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.xlsx");
    std::fs::write(&new, form_for(&sheet, &lead_fill(&sheet, "2025-07-08"))).unwrap();
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
key = wb["_fengong"]
for row in key.iter_rows():
    for c in row:
        if c.value == "fengong-return-3":
            c.value = "fengong-return-1"
ws = wb["任务清单"]
for r in range(1, 5):
    for c in range(9, 14):
        v = ws.cell(row=r, column=c).value
        if isinstance(v, str) and v.startswith("联系"):
            ws.cell(row=r, column=c).value = None
            ws.cell(row=r, column=c + 1).value = None
ws.cell(row=4, column=14).value = "联系人"
ws.cell(row=4, column=15).value = "联系电话"
ws.cell(row=6, column=14).value = "李强"
ws.cell(row=6, column=15).value = "021-59991234"
wb.save(sys.argv[2])
"#;
    let old = dir.path().join("old.xlsx");
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&new)
        .arg(&old)
        .status()
        .expect("python3 with openpyxl");
    assert!(status.success());
    let read = fengong::ingest::returns::read(&old, "old.xlsx")
        .unwrap()
        .form;
    assert_eq!(
        (read.contact.as_str(), read.phone.as_str()),
        ("李强", "021-59991234")
    );
    assert_eq!(read.rows.len(), sheet.tasks.len());
}

/// Every rate a report prints has the one decimal the workbook's `0.0%` shows: the section
/// table printed `13%` above `38.5%` (3 of 23 rounds to 13.0).
#[test]
fn rates_print_at_one_precision() {
    let checked = fengong::check(&root().join("input")).unwrap();
    let plan = checked.plan;
    let rules = checked.project.config.evaluation.clone();
    let rate = regex::Regex::new(r"^\d+\.\d%$").unwrap();
    for period in ["2025-半年度", "2025-年度"] {
        let folder = root().join("input/returns").join(period);
        let p = fengong::ingest::returns::period_of(&folder, None, plan.year).unwrap();
        let read = fengong::ingest::returns::read_folder(&folder).unwrap();
        let e = fengong::evaluate::evaluate(&plan, &rules, p, read);
        let view = fengong::view::EvaluationView::new(&plan, &e);
        let mut rates: Vec<&str> = vec![&view.completion_rate, &view.on_track_rate];
        rates.extend(view.sections.iter().map(|s| s.completion_rate.as_str()));
        rates.extend(view.groups.iter().map(|s| s.completion_rate.as_str()));
        rates.extend(view.units.iter().map(|u| u.completion_rate.as_str()));
        rates.extend(view.statuses.iter().map(|s| s.share.as_str()));
        assert!(rates.len() > 40);
        for r in rates {
            assert!(r == "—" || rate.is_match(r), "{period}: «{r}»");
        }
    }
}

/// A lead that sends its form but chooses no status for a task — the status typed in
/// 进展情况 — is said on its file; the report counts the task as 未报送 but apart from
/// the tasks whose leads sent nothing, and names units that sent nothing as such.
#[test]
fn a_lead_that_chose_no_status_is_told_from_one_that_sent_nothing() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-半年度");
    let sheets = TaskSheet::all(&plan);
    let sheet = sheets.iter().find(|s| s.lead_count > 1).unwrap();
    let mut fill = lead_fill(sheet, "2025-07-05");
    let no = sheet.tasks.iter().find(|t| t.role == "牵头").unwrap().no;
    let row = fill.rows.entry(no).or_default();
    row.status = String::new();
    row.progress_text = "序时推进".into();
    let file = format!("{}.xlsx", sheet.unit);
    std::fs::write(folder.join(&file), form_for(sheet, &fill)).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    let line = file_line(&md, &file);
    assert!(line.contains("已接收（有问题）"), "{line}");
    assert!(
        line.contains(&format!("第 {no} 项任务（本单位牵头）没有选完成状态")),
        "{line}"
    );
    assert!(line.contains("「序时推进」像是完成状态"), "{line}");
    let unfilled = md
        .lines()
        .find(|l| l.contains("报送了反馈表，但没有从下拉列表中选填完成状态"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(unfilled.contains(&format!("第 {no} 项（")), "{unfilled}");
    let unreported = md
        .lines()
        .find(|l| l.contains("项任务的牵头单位未报送进展"))
        .unwrap();
    assert!(
        !unreported.contains(&format!("第 {no} 项（")),
        "{unreported}"
    );
    assert!(md.contains("其承担的任务按“未报送”计"), "{md}");
}

/// Returns as units send them back (round 84): 85% kept as 0.85 by a percentage cell or typed
/// so is 85, said; a year-end return filled in July is used and said; a scan, a Word file, a
/// zip and Windows' own files each get their reason; an empty workbook is refused in words,
/// never a library's English; a unit with two returns waiting is no "未报送" in the ranking.
#[test]
fn returns_as_units_send_them_are_read_as_meant() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-年度");
    let sheets = TaskSheet::all(&plan);
    let leads: Vec<&TaskSheet> = sheets.iter().filter(|s| s.lead_count > 0).collect();
    // One unit's first lead task at 0.85, another's return filled in July, a third twice.
    let (fraction, july, twice) = (leads[0], leads[1], leads[2]);
    let mut fill = lead_fill(fraction, "2026-01-05");
    let no = fraction.tasks.iter().find(|t| t.role == "牵头").unwrap().no;
    let row = fill.rows.entry(no).or_default();
    row.status = "序时推进".into();
    row.progress = "0.85".into();
    std::fs::write(folder.join("甲.xlsx"), form_for(fraction, &fill)).unwrap();
    let july_fill = lead_fill(july, "2025-07-08");
    std::fs::write(folder.join("乙.xlsx"), form_for(july, &july_fill)).unwrap();
    for name in ["丙一.xlsx", "丙二.xlsx"] {
        let fill = lead_fill(twice, "2026-01-06");
        std::fs::write(folder.join(name), form_for(twice, &fill)).unwrap();
    }
    for name in [
        "扫描件.pdf",
        "说明.docx",
        "反馈.zip",
        "Thumbs.db",
        "空.xlsx",
    ] {
        std::fs::write(folder.join(name), b"").unwrap();
    }
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(dir.path().join("output/评估/2025-年度/评估报告.md")).unwrap();
    let line = file_line(&md, "甲.xlsx");
    assert!(
        line.contains(&format!("第 {no} 项任务的完成进度写作 0.85，按 85% 计")),
        "{line}"
    );
    let details = &md[md.find("# 附：任务进展明细").unwrap()..];
    let detail = (details.lines())
        .find(|l| l.starts_with(&format!("| {no} | ")))
        .unwrap();
    assert!(detail.contains("85%"), "{detail}");
    let line = file_line(&md, "乙.xlsx");
    assert!(line.contains("已接收（有问题）"), "{line}");
    assert!(
        line.contains("填报日期为 2025年7月8日，早于2025年度评估"),
        "{line}"
    );
    for (file, why) in [
        ("扫描件.pdf", "是扫描件或图片"),
        ("说明.docx", "是文字文件，不是反馈表"),
        ("反馈.zip", "是压缩包，未解压"),
        ("Thumbs.db", "是 Windows 自动生成的系统文件"),
        ("空.xlsx", "文件是空的（0 字节）"),
    ] {
        let line = file_line(&md, file);
        assert!(line.contains(why), "{file}: {line}");
    }
    assert!(!md.contains("Zip error") && !md.contains("EOCD"), "{md}");
    assert!(
        md.contains(&format!("| {}（重复报送待定） |", twice.unit)),
        "{md}"
    );
}

/// A unit that merged 完成状态, 完成进度 and 进展情况 down over three of its tasks' rows (one
/// answer for three) reports for each of the three, and is told its merge was read so.
#[test]
fn a_cell_merged_over_tasks_rows_answers_for_each() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-半年度");
    let sheets = TaskSheet::all(&plan);
    let sheet = sheets.iter().find(|s| s.lead_count >= 3).unwrap();
    let mut fill = lead_fill(sheet, "2025-07-05");
    let leads: Vec<u32> = (sheet.tasks.iter())
        .filter(|t| t.role == "牵头")
        .map(|t| t.no)
        .take(3)
        .collect();
    for no in &leads {
        let row = fill.rows.entry(*no).or_default();
        row.status = "已完成".into();
        row.progress = "100".into();
        row.progress_text = "三项合并说明：均已完成。".into();
    }
    let file = folder.join("合并.xlsx");
    std::fs::write(&file, form_for(sheet, &fill)).unwrap();
    // The clerk merges the three tasks' cells, keeping the first row's text (as Excel does).
    let script = r#"
import openpyxl, sys
path, nos = sys.argv[1], [int(n) for n in sys.argv[2:]]
book = openpyxl.load_workbook(path)
sheet = next(s for s in book.worksheets if s.sheet_state == "visible")
header = next(r for r in sheet.iter_rows() if any(c.value == "序号" for c in r))
cols = {c.value: c.column for c in header}
rows = [c.row for c in sheet.iter_cols(min_col=cols["序号"], max_col=cols["序号"]).__next__() if c.value in nos or str(c.value) in map(str, nos)]
for name in ["完成状态", "完成进度（%）", "进展情况"]:
    col = cols[name]
    for r in rows[1:]:
        sheet.cell(r, col).value = None
    sheet.merge_cells(start_row=rows[0], end_row=rows[-1], start_column=col, end_column=col)
book.save(path)
"#;
    let mut args = vec![
        "-c".to_string(),
        script.to_string(),
        file.display().to_string(),
    ];
    args.extend(leads.iter().map(u32::to_string));
    let run = std::process::Command::new("python3")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    let line = file_line(&md, "合并.xlsx");
    assert!(
        line.contains("是合并单元格：其内容计入所跨的每一行的任务"),
        "{line}"
    );
    assert!(!line.contains("没有选完成状态"), "{line}");
    let details = &md[md.find("# 附：任务进展明细").unwrap()..];
    for no in &leads {
        let detail = (details.lines())
            .find(|l| l.starts_with(&format!("| {no} | ")))
            .unwrap();
        assert!(detail.contains("三项合并说明"), "{no}: {detail}");
    }
}

/// A unit writes its progress and its problems as numbered lines of their own (Alt+Enter in
/// Excel): every report keeps the lines apart — the Markdown's table cell with `<br>`, the
/// Word report and the unit's packet a break between them, the PDF a line each.
#[test]
fn numbered_lines_of_a_return_stay_lines_in_every_report() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-年度");
    let sheets = TaskSheet::all(&plan);
    let sheet = sheets.iter().find(|s| s.lead_count >= 1).unwrap();
    let mut fill = lead_fill(sheet, "2026-01-05");
    let no = sheet.tasks.iter().find(|t| t.role == "牵头").unwrap().no;
    let row = fill.rows.entry(no).or_default();
    row.status = "滞后".into();
    row.progress = "40".into();
    row.progress_text = "1.完成选址论证；\n2.启动方案设计；\n\n3.开展招标准备。".into();
    row.problems = "一是资金未到位；\n二是审批时间较长。".into();
    std::fs::write(folder.join("多行.xlsx"), form_for(sheet, &fill)).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let period = dir.path().join("output/评估/2025-年度");
    let md = std::fs::read_to_string(period.join("评估报告.md")).unwrap();
    let details = &md[md.find("# 附：任务进展明细").unwrap()..];
    let detail = (details.lines())
        .find(|l| l.starts_with(&format!("| {no} | ")))
        .unwrap();
    assert!(
        detail.contains("1.完成选址论证； <br>2.启动方案设计； <br>3.开展招标准备。"),
        "{detail}"
    );
    assert!(
        detail.contains("一是资金未到位； <br>二是审批时间较长。"),
        "{detail}"
    );
    // The PDF: each numbered line begins a line of its own.
    let pdf = common::pdf_text(&period.join("评估报告.pdf"));
    // (A narrow column wraps each further on: a line's first characters are enough.)
    for line in ["2.启动", "3.开展", "二是审"] {
        assert!(
            pdf.lines()
                .any(|l| l.split_whitespace().any(|w| w.starts_with(line))),
            "{line} does not begin a line of the PDF: {:?}",
            pdf.lines().filter(|l| l.contains(line)).collect::<Vec<_>>()
        );
    }
    let part = |path: &Path, name: &str| {
        let bytes = std::fs::read(path).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
        xml
    };
    let word_xml = |path: &Path| part(path, "word/document.xml");
    // A justified line ending in a break keeps its spacing: Word and LibreOffice spread its
    // characters over the line otherwise (进 展 情 况 ：).
    assert!(
        part(&period.join("评估报告.docx"), "word/settings.xml")
            .contains("<w:doNotExpandShiftReturn/>")
    );
    let apart = "1.完成选址论证；</w:t><w:br/><w:t xml:space=\"preserve\">2.启动方案设计；";
    assert!(
        word_xml(&period.join("评估报告.docx")).contains(apart),
        "the Word report runs the lines together"
    );
    // The unit's packet: its progress a paragraph whose lines are apart.
    let packet = word_xml(&period.join(format!("考核材料/{}.docx", sheet.unit)));
    assert!(packet.contains(apart), "the packet runs the lines together");
}

/// What a unit reported stays what it reported: a lead's 序时推进 judged 滞后 at year end is
/// still 本单位报送：序时推进 in its packet; a supporting unit's 存在问题 is in the report's
/// detail beside its status; 配合已完成 counts what the unit reported done (none where it
/// sent nothing).
#[test]
fn a_units_own_report_is_told_apart_from_the_tasks_status() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-年度");
    let sheets = TaskSheet::all(&plan);
    let lead = sheets.iter().find(|s| s.lead_count >= 1).unwrap();
    let no = lead.tasks.iter().find(|t| t.role == "牵头").unwrap().no;
    let mut fill = lead_fill(lead, "2026-01-05");
    let row = fill.rows.entry(no).or_default();
    row.status = "序时推进".into();
    row.progress = "60".into();
    std::fs::write(folder.join("牵头.xlsx"), form_for(lead, &fill)).unwrap();
    // A unit supporting that task reports it late, with its problem.
    let task = plan.task(no).unwrap();
    let supporter = (task.units.iter())
        .find(|a| a.role == Role::Support && a.via.is_none())
        .unwrap();
    let sheet = sheets.iter().find(|s| s.unit == supporter.name).unwrap();
    let mut fill = lead_fill(sheet, "2026-01-06");
    let row = fill.rows.entry(no).or_default();
    row.status = "滞后".into();
    row.progress = "30".into();
    row.problems = "配套资金尚未到位".into();
    row.evidence = "宣传方案\n活动照片".into();
    std::fs::write(folder.join("配合.xlsx"), form_for(sheet, &fill)).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let period = dir.path().join("output/评估/2025-年度");
    let md = std::fs::read_to_string(period.join("评估报告.md")).unwrap();
    assert!(
        md.contains("2025年重点工作安排年度评估报告"),
        "the title's 年度"
    );
    let details = &md[md.find("# 附：任务进展明细").unwrap()..];
    let detail = (details.lines())
        .find(|l| l.starts_with(&format!("| {no} | ")))
        .unwrap();
    assert!(
        detail.contains(&format!(
            "{}（滞后；存在问题：配套资金尚未到位）",
            supporter.name
        )),
        "{detail}"
    );
    // Every cell it filled is in the workbook, a row of its own, and the report says where.
    assert!(md.contains("全文见同目录评估报告.xlsx 的“配合单位反馈”表"));
    let cells = sheet_cells(&period.join("评估报告.xlsx"), "配合单位反馈");
    let row: Vec<String> = (cells.iter())
        .find(|row| row.iter().any(|c| c.to_string() == supporter.name))
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default();
    for filled in ["滞后", "配套资金尚未到位", "宣传方案；活动照片"] {
        assert!(row.iter().any(|c| c == filled), "{filled}: {row:?}");
    }
    let packet = common::docx_text(&period.join(format!("考核材料/{}.docx", lead.unit)));
    assert!(
        packet.contains(&format!("第 {no} 项（本单位报送：序时推进）")),
        "{packet}"
    );
    // A unit that sent nothing has done none of its supports, whatever the leads report.
    let ranking = &md[md.find("# 三、分单位情况").unwrap()..md.find("# 四、").unwrap()];
    let silent: Vec<&str> = (ranking.lines())
        .filter(|l| l.contains("（未报送）"))
        .collect();
    let completed: Vec<u32> = (details.lines())
        .filter(|l| l.contains("| 已完成"))
        .filter_map(|l| l.split('|').nth(1)?.trim().parse().ok())
        .collect();
    let credited_before = silent.iter().any(|line| {
        completed.iter().any(|no| {
            supports(&plan, *no)
                .iter()
                .any(|u| line.contains(&format!("| {u}（未报送）")))
        })
    });
    assert!(
        credited_before,
        "no silent unit supports a task done: nothing to tell apart"
    );
    for line in silent {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(cells[cells.len() - 3], "0", "{line}");
    }
}

/// A supporting unit that writes its progress but chooses no status is still heard: the
/// detail names it 未填写状态 with its words, the file's note points at the 完成状态 cell and
/// says how it counts; a 填报日期 written without its year (7月12日) is read in the period's.
#[test]
fn a_supporter_without_a_status_and_a_date_without_a_year_are_read() {
    let plan = seed_plan();
    let (dir, folder) = with_returns("2025-半年度");
    let sheets = TaskSheet::all(&plan);
    let task = (plan.tasks.iter())
        .find(|t| {
            t.units
                .iter()
                .any(|a| a.role == Role::Support && a.via.is_none())
        })
        .unwrap();
    let supporter = (task.units.iter())
        .find(|a| a.role == Role::Support && a.via.is_none())
        .unwrap();
    let sheet = sheets.iter().find(|s| s.unit == supporter.name).unwrap();
    let mut fill = lead_fill(sheet, "2025-07-10");
    let row = fill.rows.entry(task.no).or_default();
    row.status = String::new();
    row.progress_text = "村内环境卫生集中整治2次。".into();
    let typed = folder.join("配合.xlsx");
    std::fs::write(&typed, form_for(sheet, &fill)).unwrap();
    // The unit types its date as many do, without the year.
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["任务清单"]
for row in ws.iter_rows():
    for c in row:
        if isinstance(c.value, str) and c.value.startswith("填报日期"):
            ws.cell(row=c.row, column=c.column + 1).value = "7月12日"
wb.save(sys.argv[1])
"#;
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&typed)
        .status()
        .expect("python3 with openpyxl");
    assert!(status.success());
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    let details = &md[md.find("# 附：任务进展明细").unwrap()..];
    let detail = (details.lines())
        .find(|l| l.starts_with(&format!("| {} | ", task.no)))
        .unwrap();
    assert!(
        detail.contains(&format!("{}（未填写状态）", supporter.name)),
        "{detail}"
    );
    let filed = (md.lines())
        .find(|l| l.starts_with("| 配合.xlsx |"))
        .unwrap();
    assert!(filed.contains("| 2025-07-12 |"), "{filed}");
    assert!(
        filed.contains("填报日期「7月12日」未写年份，按2025年7月12日计"),
        "{filed}"
    );
    let said = format!(
        "第 {} 项任务（本单位配合）没有选完成状态，该项按该任务的完成状态计",
        task.no
    );
    let at = filed.find(&said).unwrap_or_else(|| panic!("{filed}"));
    // The note names the 完成状态 cell (column H of the form), not the row's 序号.
    let cell = filed[..at].rsplit("任务清单表 ").next().unwrap();
    assert!(
        cell.starts_with('H') && cell.ends_with(" 单元格："),
        "{filed}"
    );
    // The report's workbook carries its words, a row of their own, and the task's row its
    // status; no stop before a list's ；.
    let workbook = dir.path().join("output/评估/2025-半年度/评估报告.xlsx");
    let cells = sheet_cells(&workbook, "配合单位反馈");
    assert!(
        cells.iter().any(|row| {
            let row: Vec<String> = row.iter().map(|c| c.to_string()).collect();
            row.contains(&supporter.name)
                && row.iter().any(|c| c == "未填写状态")
                && row.iter().any(|c| c.contains("村内环境卫生集中整治2次"))
        }),
        "{cells:?}"
    );
    let details = sheet_cells(&workbook, "任务明细");
    let brief = format!("{}（未填写状态）", supporter.name);
    assert!(
        details
            .iter()
            .flatten()
            .any(|c| c.to_string().contains(&brief)),
        "{brief}"
    );
    assert!(
        !cells
            .iter()
            .chain(&details)
            .flatten()
            .any(|c| c.to_string().contains("。；"))
    );
}

/// The plan's 分管领导 of each task follows it into the evaluation (the report's detail and
/// lists of tasks behind, its workbook, the unit's packet), under the source's own heading;
/// a period named for a year the plan does not cover is said, in the report and by the
/// command.
#[test]
fn leaders_follow_their_tasks_and_a_period_out_of_the_plans_years_is_said() {
    let path = root().join("tests/fixtures/xlsx/leaders_and_groups.xlsx");
    let dir = project(&[("台账.xlsx", std::fs::read(&path).unwrap().as_slice())]);
    let returns = dir.path().join("input/returns");
    for period in ["2026-半年度", "2031-年度"] {
        std::fs::create_dir_all(returns.join(period)).unwrap();
    }
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let period = dir.path().join("output/评估/2026-半年度");
    let md = std::fs::read_to_string(period.join("评估报告.md")).unwrap();
    let details = &md[md.find("# 附：任务进展明细").unwrap()..];
    for leader in ["分管领导：王镇长", "分管领导：李副镇长"] {
        assert!(details.contains(leader), "{leader}: {details}");
    }
    assert!(!md.contains("请注意"), "2026 is the plan's year");
    let cells = sheet_cells(&period.join("评估报告.xlsx"), "任务明细");
    let header = (cells.iter())
        .find(|row| row.iter().any(|c| *c == "序号"))
        .unwrap();
    let column = (header.iter())
        .position(|c| *c == "分管领导")
        .expect("a 分管领导 column");
    assert!(
        cells
            .iter()
            .any(|row| row.get(column).is_some_and(|c| *c == "李副镇长"))
    );
    // Packets are the year-end's.
    // The workbook's completion chart has the two units that lead tasks, not the three that
    // only support (empty bars that read as 0%).
    let bytes = std::fs::read(period.join("评估报告.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let charts: Vec<String> = (0..zip.len())
        .filter_map(|i| {
            let mut part = zip.by_index(i).ok()?;
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut part, &mut xml).ok()?;
            (part.name().ok()?.starts_with("xl/charts/chart")).then_some(xml)
        })
        .collect();
    let units_chart = (charts.iter())
        .find(|xml| xml.contains("各单位牵头任务完成率"))
        .expect("the units' chart");
    assert!(units_chart.contains("分单位!$B$3:$B$4<"), "{units_chart}");
    let packets = std::fs::read_dir(dir.path().join("output/评估/2031-年度/考核材料")).unwrap();
    let named = packets
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "docx"))
        .any(|e| common::docx_text(&e.path()).contains("分管领导：李副镇长"));
    assert!(named, "no packet names the leader");
    // 2031 is five years past the plan's deadlines.
    let late =
        std::fs::read_to_string(dir.path().join("output/评估/2031-年度/评估报告.md")).unwrap();
    assert!(late.contains("**请注意**：本期按2031年评估"), "{late}");
    let said = format!("{}{}", common::stdout(&out), stderr(&out));
    assert!(said.contains("注意：本期按2031年评估"), "{said}");
    assert!(
        !late.contains("份（）"),
        "an empty list of files in brackets"
    );
}

/// Returns as units sent them (round 100): what a unit wrote where the form reads nothing —
/// a column it added, a row without a 序号, a sheet of notes — is said with its words; a file
/// named for another unit than the form's is held until someone checks, a year-end return in
/// the mid-year's folder is used and said; the contact each form gives is listed with its file.
#[test]
fn what_a_return_holds_beyond_its_form_is_said_with_its_words() {
    let (dir, folder) = with_returns("2025-半年度");
    let sent = root().join("tests/fixtures/returns/as_sent");
    for entry in std::fs::read_dir(&sent).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "xlsx") {
            std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
        }
    }
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md =
        std::fs::read_to_string(dir.path().join("output/评估/2025-半年度/评估报告.md")).unwrap();
    for (file, said) in [
        (
            "区建设管理委.xlsx",
            "反馈表多出一列「责任科室」，其中的文字未读入评估：「规划建设科",
        ),
        ("区教育局.xlsx", "（新增行标记XR-88）"),
        ("外冈镇.xlsx", "外冈镇补充说明一：第8项镇级经费已追加30万元"),
        (
            "区科委2025年度反馈.xlsx",
            "填报日期为 2026年1月6日，晚于2025半年度评估的报送时间",
        ),
    ] {
        let line = file_line(&md, file);
        assert!(line.contains(said), "{file}: {line}");
        assert!(line.contains("已接收（有问题）"), "{file}: {line}");
    }
    let line = file_line(&md, "区教育局.xlsx");
    assert!(line.contains("没有序号，不是下发的任务"), "{line}");
    // 区商务委's sheet in a file named for 区交通委: held, counted for neither.
    let line = file_line(&md, "区交通委.xlsx");
    assert!(line.contains("| 待核实 |"), "{line}");
    assert!(
        line.contains("文件名写的是「区交通委」，表内却是下发给区商务委的任务单：暂不采用"),
        "{line}"
    );
    assert!(md.contains("区商务委（报送 1 份，待核实）"), "{md}");
    // In the ranking too it waits as 待核实, not as a duplicate.
    assert!(md.contains("| 区商务委（待核实）"), "{md}");
    let line = file_line(&md, "外冈镇.xlsx");
    assert!(line.contains("反馈表另有工作表「补充说明」"), "{line}");
    // Sent back as issued: no return, its unit among those that sent nothing usable.
    let line = file_line(&md, "区农业农村委.xlsx");
    assert!(
        line.contains("| 退回 |") && line.contains("反馈表原样报回"),
        "{line}"
    );
    assert!(md.contains("区农业农村委（报送 1 份，退回）"), "{md}");
    // Filled for some tasks only: the ones left, named.
    let line = file_line(&md, "马陆镇.xlsx");
    assert!(line.contains("（共 17 项）没有填写"), "{line}");
    let line = file_line(&md, "安亭镇.xlsx");
    assert!(line.contains("反馈表中贴有 1 张图片"), "{line}");
    let line = file_line(&md, "公安嘉定分局.xlsx");
    assert!(
        line.contains("第 74 项任务报“序时推进”，完成进度却为 100%"),
        "{line}"
    );
    // The contact the unit wrote, beside its file.
    let cells = sheet_cells(
        &dir.path().join("output/评估/2025-半年度/评估报告.xlsx"),
        "报送情况",
    );
    let header = cells
        .iter()
        .find(|r| r.iter().any(|c| text(c) == "联系人"))
        .unwrap();
    let at = header.iter().position(|c| text(c) == "联系人").unwrap();
    let contacts: Vec<String> = cells.iter().filter_map(|r| r.get(at)).map(text).collect();
    assert!(contacts.iter().any(|c| c.contains("刘洋")), "{contacts:?}");
}

/// At mid-year a target is answered against what the plan sets for then, where its table
/// has a column for the time: 6月底前 400户 of the year's 800户 (410户 reached), and
/// quarters that share the year's 1000人次 out (200 + 300 by June: 520 reached). Both
/// figures are shown and the verdict says which it was judged against; at year end the
/// year's own target stands.
#[test]
fn a_mid_year_value_is_judged_against_the_plans_figure_for_then() {
    let dir = project(&[(
        "分工表.txt",
        "某区2025年就业创业工作任务分工表\n\
         序号\t工作任务\t牵头单位\t6月底前\t一季度\t二季度\t三季度\t四季度\t完成时限\n\
         1\t扶持创业800户。\t区人社局\t400户\t\t\t\t\t2025年12月底前\n\
         2\t培训养老护理员1000人次。\t区民政局\t\t培训200人次\t培训300人次\t培训300人次\t培训200人次\t2025年12月底前\n\
         3\t新建社区食堂10个。\t区民政局\t\t\t\t\t\t2025年12月底前\n"
            .as_bytes(),
    )]);
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    for (period, date) in [("2025-半年度", "2025-07-05"), ("2025-年度", "2026-01-05")] {
        let folder = dir.path().join("input/returns").join(period);
        std::fs::create_dir_all(&folder).unwrap();
        for sheet in TaskSheet::all(&plan) {
            let mut fill = lead_fill(&sheet, date);
            for (no, row) in fill.rows.iter_mut() {
                row.status = "序时推进".into();
                row.progress = "60".into();
                row.target_value = ["410户", "520人次", "6个"][*no as usize - 1].into();
            }
            let file = folder.join(format!("{}.xlsx", sheet.unit));
            std::fs::write(file, form_for(&sheet, &fill)).unwrap();
        }
    }
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = |period: &str| {
        let path = dir.path().join(format!("output/评估/{period}/评估报告.md"));
        std::fs::read_to_string(path).unwrap()
    };
    let line = |md: &str, no: u32| -> String {
        let targets = &md[md.find("# 五、量化目标完成情况").unwrap()..];
        (targets.lines())
            .find(|l| l.starts_with(&format!("| {no} | ")))
            .unwrap_or_else(|| panic!("{no}: {targets}"))
            .to_string()
    };
    let mid = report("2025-半年度");
    let first = line(&mid, 1);
    assert!(first.contains("全年800户；6月底前 400户"), "{first}");
    assert!(first.contains("102.5%"), "{first}");
    assert!(first.contains("| 达成（对照6月底前） |"), "{first}");
    let second = line(&mid, 2);
    assert!(second.contains("一季度至二季度 500人次"), "{second}");
    assert!(
        second.contains("| 达成（对照一季度至二季度） |"),
        "{second}"
    );
    // No figure for then: the year's target, as before.
    let third = line(&mid, 3);
    assert!(third.contains("| 10个 | 6个 | 60.0% | 未达成 |"), "{third}");
    let year = report("2025-年度");
    let first = line(&year, 1);
    assert!(
        first.contains("| 800户 | 410户 | 51.2% | 未达成 |"),
        "{first}"
    );
    // The workbook says the same.
    let cells = sheet_cells(
        &dir.path().join("output/评估/2025-半年度/评估报告.xlsx"),
        "量化目标",
    );
    let row = (cells.iter())
        .find(|r| r.iter().any(|c| text(c) == "扶持创业800户"))
        .unwrap_or_else(|| panic!("{cells:?}"));
    assert!(
        row.iter().any(|c| text(c) == "达成（对照6月底前）"),
        "{row:?}"
    );
}
