//! Hostile input, one case each: the documented exit code, a Chinese message naming the file
//! and place, no panic, and nothing left in the output folder.

use crate::common;

use common::*;
use rust_xlsxwriter::Workbook;

fn refused(dir: &std::path::Path, args: &[&str], code: i32, must_say: &[&str]) {
    let out = fengong(dir, args);
    let err = said(&out);
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
fn a_table_claiming_the_whole_sheet_is_refused_before_it_is_read() {
    // One cell at XFD1048576 made calamine allocate 512 GiB and abort.
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet().set_name("分工").unwrap();
    for (c, h) in ["序号", "具体内容", "责任单位"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let dir = project(&[("表.xlsx", &bytes)]);
    refused(
        dir.path(),
        &["publish"],
        2,
        &["input/表.xlsx#分工", "上限 50000 行"],
    );
}

#[test]
fn characters_without_a_glyph_never_stop_a_publish() {
    // Ten of these used to abort the publish without naming a place.
    let odd = "✅☑\u{200B}\u{200D}\u{FEFF}\u{E000}\u{F0FC}\u{FFFD}ğ한👍";
    let text = seed_text().replace(
        "\t2\t城市规划建设体现儿童视角",
        &format!("\t2\t城市规划建设{odd}体现儿童视角"),
    );
    let dir = project(&[("嘉发改〔2025〕14号.md", text.as_bytes())]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let checked = said(&fengong(dir.path(), &["check"]));
    let at = "input/嘉发改〔2025〕14号.md:94";
    for said in [
        "U+2705", "U+E000", "U+D55C", "U+1F44D", "U+200B", "U+200D", "U+FEFF",
    ] {
        assert!(
            checked
                .lines()
                .any(|l| l.starts_with(at) && l.contains(said)),
            "{said} not reported at {at}: {checked}"
        );
    }
    let pdf = dir.path().join("output/任务分工表.pdf");
    let text = std::process::Command::new("pdftotext")
        .args(["-raw", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed; .ci/run installs it");
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // ☑ ğ and the replacement character from the symbol fallback, Wingdings ✓ mapped, the
    // zero-width ones gone, the rest marked.
    assert!(
        text.contains("城市规划建设〓☑〓✓\u{FFFD}ğ〓〓体现儿童视角"),
        "{text}"
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
    let err = said(&check);
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

/// A project whose config names `file` (inside input/) as the 仿宋 font.
fn with_body_font(file: &str, bytes: Option<&[u8]>) -> tempfile::TempDir {
    let config = format!("{}\n[fonts]\nbody = {file:?}\n", seed_config());
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let path = dir.path().join("input").join(file);
    match bytes {
        Some(bytes) => std::fs::write(path, bytes).unwrap(),
        None => std::fs::create_dir_all(path).unwrap(),
    }
    dir
}

#[test]
fn a_truncated_or_damaged_font_is_refused_by_name() {
    // Cut off at half: the table directory still parses, the glyphs are gone (this published
    // with exit 0 and blank 仿宋 text).
    let font = std::fs::read(root().join("fonts/DejaVuSans.ttf")).unwrap();
    let cut = &font[..font.len() / 2];
    let dir = with_body_font("仿宋.ttf", Some(cut));
    refused(dir.path(), &["publish"], 2, &["仿宋.ttf", "已损坏"]);
    // Whole, but its glyph outlines overwritten.
    let mut damaged = std::fs::read(root().join("fonts/NotoSansSC-Regular.ttf")).unwrap();
    let glyf = table_range(&damaged, b"glyf");
    damaged[glyf].fill(0);
    let dir = with_body_font("仿宋.ttf", Some(&damaged));
    refused(
        dir.path(),
        &["publish"],
        2,
        &["仿宋.ttf", "已损坏", "无法绘出"],
    );
}

#[test]
fn a_folder_named_as_a_font_is_not_a_font_file() {
    let dir = with_body_font("字体", None);
    refused(
        dir.path(),
        &["publish"],
        2,
        &["字体", "是一个目录，不是字体文件"],
    );
}

/// Where the table `tag` lies in an sfnt font file.
fn table_range(font: &[u8], tag: &[u8; 4]) -> std::ops::Range<usize> {
    let be16 = |at: usize| u16::from_be_bytes([font[at], font[at + 1]]) as usize;
    let be32 = |at: usize| u32::from_be_bytes(font[at..at + 4].try_into().unwrap()) as usize;
    (0..be16(4))
        .map(|i| 12 + 16 * i)
        .find(|&at| &font[at..at + 4] == tag)
        .map(|at| be32(at + 8)..be32(at + 8) + be32(at + 12))
        .expect("table")
}

#[test]
fn unit_names_that_make_the_same_or_too_long_file_name() {
    // `..` and `...` both make `_`; 80 four-byte characters are 320 bytes, over the 255 a
    // filesystem allows; ABC局 and abc局 are one file on a case-blind disk. All aborted.
    let long = "𠀀".repeat(80);
    let text = format!(
        "序号\t具体内容\t责任单位\n1\t做好甲事。\t..\n2\t做好乙事。\t...\n3\t做好丙事。\t{long}\n4\t做好丁事。\tABC局\n5\t做好戊事。\tabc局\n"
    );
    let config = seed_config_titled("测试方案");
    let dir = project(&[
        ("表.md", text.as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = std::fs::read_dir(dir.path().join("output/任务单"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let folded: std::collections::BTreeSet<String> =
        names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(folded.len(), 5, "{names:?}");
    assert!(names.iter().all(|n| n.len() <= 255), "{names:?}");
}
