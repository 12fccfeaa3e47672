//! Hostile input, one case each: the documented exit code, a Chinese message naming the file
//! and place, no panic, and nothing left in the output folder.

mod common;

use common::*;
use rust_xlsxwriter::Workbook;

fn refused(dir: &std::path::Path, args: &[&str], code: i32, must_say: &[&str]) {
    let out = fengong(dir, args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    for s in must_say {
        assert!(err.contains(s), "{args:?} does not say {s}: {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(!dir.join("output").exists(), "{args:?} wrote output");
}

fn table_workbook(rows: &[[&str; 3]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("分工").unwrap();
    for (c, h) in ["序号", "具体内容", "责任单位"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_truncated_workbook() {
    let whole = table_workbook(&[["1", "做好甲事。", "区教育局"]]);
    let cut = &whole[..whole.len() / 2];
    let dir = project(&[("截断.xlsx", cut)]);
    refused(
        dir.path(),
        &["publish"],
        2,
        &["input/截断.xlsx", "无法读取电子表格"],
    );
}

#[test]
fn duplicate_task_numbers_stop_the_publish() {
    let text = seed_text().replace(
        "\t2\t城市规划建设体现儿童视角",
        "\t1\t城市规划建设体现儿童视角",
    );
    let dir = project(&[("嘉发改〔2025〕14号.md", text.as_bytes())]);
    refused(
        dir.path(),
        &["check"],
        1,
        &["嘉发改〔2025〕14号.md:94", "任务序号 1 重复", "缺第 2 项"],
    );
    refused(
        dir.path(),
        &["publish"],
        1,
        &["任务序号 1 重复", "未写出任何文件"],
    );
}

#[test]
fn a_cell_longer_than_excel_holds() {
    // rust_xlsxwriter refuses to write such a cell, so the 200,000 characters come in a text
    // table, the way an OCR run that lost its row breaks delivers them.
    let long = "推进儿童友好建设".repeat(25_000);
    let text = format!("序号\t具体内容\t责任单位\n1\t{long}\t区教育局\n2\t做好乙事。\t区体育局\n");
    let config = seed_config_titled("测试方案");
    let dir = project(&[
        ("长.md", text.as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = fengong(dir.path(), &["check"]);
    let err = stderr(&check);
    assert!(err.contains("input/长.md:2"), "{err}");
    assert!(err.contains("超过 Excel 单元格上限 32767 字"), "{err}");
    // The XLSX holds the cut text and says so; the Markdown keeps all of it.
    let md = std::fs::read_to_string(dir.path().join("output/任务分工表.md")).unwrap();
    assert!(md.contains(&long));
    let xlsx = std::fs::read(dir.path().join("output/任务分工表.xlsx")).unwrap();
    let back = project(&[("back.xlsx", &xlsx)]);
    let plan = fengong::check(&back.path().join("input")).unwrap().plan;
    let content = &plan.task(1).unwrap().content;
    assert_eq!(content.chars().count(), 32_767);
    assert!(content.ends_with("以下从略）"));
}

#[test]
fn a_fifty_megabyte_text_file() {
    let mut big = seed_text().into_bytes();
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice("填充内容。\n".repeat(100_000).as_bytes());
    }
    let dir = project(&[("巨大.md", &big)]);
    refused(dir.path(), &["publish"], 2, &["input/巨大.md", "文件过大"]);
}

#[test]
fn a_formula_read_from_excel_stays_text() {
    let bytes = table_workbook(&[
        [
            "1",
            "=HYPERLINK(\"http://example.invalid\",\"点我\")",
            "区教育局",
        ],
        ["2", "+1+1", "@SUM(A1:A2)"],
        ["3", "-2", "区教育局"],
    ]);
    let config = seed_config_titled("测试方案");
    let dir = project(&[("公式.xlsx", &bytes), ("fengong.toml", config.as_bytes())]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for file in ["任务分工表.xlsx", "任务单/区教育局.xlsx"] {
        let written = std::fs::read(dir.path().join("output").join(file)).unwrap();
        let listing = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(any(b'<f>' in z.read(n) for n in z.namelist() if n.startswith('xl/worksheets/')))",
            ])
            .arg(dir.path().join("output").join(file))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&listing.stdout).trim(),
            "False",
            "{file} has a formula"
        );
        assert!(!written.is_empty());
    }
}
