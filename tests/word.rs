//! The Word files as their users get them: LibreOffice opens every kind, the notice converted
//! by it has the GB/T 9704 geometry the PDF has (measured with the same script), python-docx
//! reads every table with its rows and merges, every paragraph of the Markdown is in the
//! Word file, and the bytes repeat. Needs LibreOffice Writer, pdfplumber and python-docx
//! (`.ci/run` installs them); LibreOffice is given `fonts/fonts.conf`, which names the free
//! fonts for the 公文 names the files ask for.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::*;
use serde_json::Value;

/// The shipped input with its sample returns, published once for this file.
fn published() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("input"), &dir.path().join("input"));
        let out = fengong(dir.path(), &["publish"]);
        assert!(out.status.success(), "{}", stderr(&out));
        dir
    })
    .path()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn output(name: &str) -> PathBuf {
    published().join("output").join(name)
}

/// (name, docx, pdf) of each converted kind.
type Converted = Vec<(String, PathBuf, PathBuf)>;

/// The Word files of every kind, converted to PDF by LibreOffice once.
fn converted() -> &'static Converted {
    static DONE: OnceLock<(tempfile::TempDir, Converted)> = OnceLock::new();
    &DONE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            // Every Word file of the output; the kinds the other tests read by name.
            let kinds = [
                ("notice", "通知.docx"),
                ("table", "任务分工表.docx"),
                ("town", "任务单/南翔镇.docx"),
                ("department", "任务单/区教育局.docx"),
                ("single", "任务单/区信访办.docx"),
                ("mid-year", "评估/2025-半年度/评估报告.docx"),
                ("year-end", "评估/2025-年度/评估报告.docx"),
            ];
            let mut sources: Vec<(String, String)> = kinds
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect();
            for (i, entry) in walkdir::WalkDir::new(output(""))
                .sort_by_file_name()
                .into_iter()
                .enumerate()
            {
                let entry = entry.unwrap();
                let path = entry
                    .path()
                    .strip_prefix(output(""))
                    .unwrap()
                    .display()
                    .to_string();
                if path.ends_with(".docx") && !sources.iter().any(|(_, s)| *s == path) {
                    sources.push((format!("file{i}"), path));
                }
            }
            let mut files = Vec::new();
            for (name, source) in &sources {
                let docx = dir.path().join(format!("{name}.docx"));
                std::fs::copy(output(source), &docx).unwrap();
                files.push((
                    name.to_string(),
                    docx,
                    dir.path().join(format!("{name}.pdf")),
                ));
            }
            let mut args = vec!["--convert-to", "pdf"];
            let names: Vec<String> = files.iter().map(|(n, _, _)| format!("{n}.docx")).collect();
            args.extend(names.iter().map(String::as_str));
            let out = soffice(dir.path())
                .args(&args)
                .current_dir(dir.path())
                .env("FONTCONFIG_FILE", root().join("fonts/fonts.conf"))
                .output()
                .expect("soffice (LibreOffice Writer) is needed; .ci/run installs it");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            (dir, files)
        })
        .1
}

fn pdf_of(name: &str) -> PathBuf {
    converted()
        .iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, _, pdf)| pdf.clone())
        .unwrap()
}

fn measure(pdf: &Path) -> Value {
    let script = root().join("tests/tools/measure_pdf.py");
    serde_json::from_str(&run(
        "python3",
        &[script.to_str().unwrap(), pdf.to_str().unwrap()],
    ))
    .unwrap()
}

fn read_docx(path: &Path) -> Value {
    let script = root().join("tests/tools/read_docx.py");
    serde_json::from_str(&run(
        "python3",
        &[script.to_str().unwrap(), path.to_str().unwrap()],
    ))
    .unwrap()
}

const MM: f64 = 72.0 / 25.4;

#[test]
fn libreoffice_opens_every_word_file() {
    for (name, _, pdf) in converted() {
        assert!(pdf_pages(pdf) >= 1, "{name}");
        let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(
            text.chars().filter(|c| !c.is_whitespace()).count() > 100,
            "{name}"
        );
        let fonts = run("pdffonts", &[pdf.to_str().unwrap()]);
        assert!(
            fonts.contains("FandolFang"),
            "{name}: the body is not 仿宋: {fonts}"
        );
    }
    // One task, one page, as the PDF has it.
    assert_eq!(pdf_pages(&pdf_of("single")), 1);
}

/// The notice as LibreOffice lays out the Word file: the checks the PDF notice passes,
/// within 1 mm.
#[test]
fn the_word_notice_has_the_gbt9704_geometry() {
    let m = measure(&pdf_of("notice"));
    let pages = m["pages"].as_array().unwrap();
    let f = |v: &Value| v.as_f64().unwrap();
    let first = &pages[0];
    // 发文机关标志: red, centred in the 版心, its em box top 72 mm from the page top.
    let mark = &first["largest_text"];
    assert_eq!(mark["text"], "上海市嘉定区发展和改革委员会");
    assert_eq!(mark["color"], serde_json::json!([1.0, 0.0, 0.0]));
    let em_top = f(&mark["baseline_mm"]) - 0.88 * f(&mark["size"]) / MM;
    assert!((em_top - 72.0).abs() < 1.0, "mark top at {em_top} mm");
    let centre = (f(&mark["x0_mm"]) + f(&mark["x1_mm"])) / 2.0;
    assert!((centre - 106.0).abs() < 1.0, "mark centred at {centre}");
    // 文号 centred; the red rule 4 mm below it, 28–184 mm.
    let lines = first["body_lines"].as_array().unwrap();
    let number = lines
        .iter()
        .find(|l| l["text"] == "嘉发改〔2025〕14号")
        .expect("文号");
    let centre = (f(&number["x0_mm"]) + f(&number["x1_mm"])) / 2.0;
    assert!((centre - 106.0).abs() < 1.0, "文号 centred at {centre}");
    let red = first["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["color"] == serde_json::json!([1.0, 0.0, 0.0]))
        .expect("red rule");
    assert!((f(&red["x0_mm"]) - 28.0).abs() < 1.0 && (f(&red["x1_mm"]) - 184.0).abs() < 1.0);
    let number_bottom = f(&number["baseline_mm"]) + 0.12 * 16.0 / MM;
    let gap = f(&red["y_mm"]) - number_bottom;
    assert!((gap - 4.0).abs() < 1.0, "rule {gap} mm below the 文号");

    // Margins and the grid: text within 28–184 mm; no page over 22 lines except the
    // notice's own when tightened (as the PDF's); full attachment pages hold exactly 22.
    let mut full = 0;
    for page in pages {
        let lines = page["body_lines"].as_array().unwrap();
        for line in lines {
            let text = line["text"].as_str().unwrap();
            assert!(f(&line["x0_mm"]) > 27.0, "{text}");
            // LibreOffice 7.4 hangs a closing mark past the 版心 whatever the file asks
            // (w:overflowPunct is off; Word keeps it inside): one such character may stand out.
            let hanging = text.ends_with(['，', '。', '、', '；', '：', '”', '）', '》']);
            let limit = if hanging {
                184.0 + 16.0 / MM + 0.5
            } else {
                185.0
            };
            assert!(f(&line["x1_mm"]) < limit, "{text}");
        }
        let prose = !lines.is_empty()
            && lines
                .iter()
                .all(|l| l["sizes"] == serde_json::json!([16.0]));
        let count = page["text_lines"].as_u64().unwrap();
        if prose && page["number"].as_u64().unwrap() > 1 {
            assert!(count <= 22, "page {} has {count} lines", page["number"]);
            full += usize::from(count == 22);
        }
        // "— N —" 7 mm below the 版心: odd pages right, even pages left, one 字 in.
        let number = page["number"].as_u64().unwrap();
        let pn = &page["page_number"];
        assert_eq!(pn["text"].as_str().unwrap(), format!("—{number}—"));
        assert_eq!(f(&pn["size"]), 14.0);
        let baseline = f(&pn["baseline_mm"]);
        assert!(
            (269.0..=272.5).contains(&baseline),
            "page {number} at {baseline}"
        );
        if number % 2 == 1 {
            assert!(
                (f(&pn["x1_mm"]) - (184.0 - 4.939)).abs() < 1.0,
                "odd page {number}"
            );
        } else {
            assert!(
                (f(&pn["x0_mm"]) - (28.0 + 4.939)).abs() < 1.0,
                "even page {number}"
            );
        }
    }
    // Pages that end before a heading or a kept paragraph hold 21 (the PDF: 5 of 22).
    assert!(full >= 3, "only {full} full pages of 22 lines");
}

/// The Word notice's lines are where the PDF's are: the same baselines, page by page, over
/// the notice and the attachment's prose.
#[test]
fn the_word_notice_lines_up_with_the_pdf() {
    let word = measure(&pdf_of("notice"));
    let pdf = measure(&output("通知.pdf"));
    let baselines = |m: &Value, page: usize| -> Vec<f64> {
        m["pages"][page]["body_lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["baseline_mm"].as_f64().unwrap())
            .collect()
    };
    // The notice's page and the attachment's first: line for line. Further pages may break
    // a line earlier or later (Word decides), but every line sits on the PDF's grid.
    for page in 0..2 {
        let (w, p) = (baselines(&word, page), baselines(&pdf, page));
        assert_eq!(w.len(), p.len(), "page {}: {w:?} vs {p:?}", page + 1);
        for (a, b) in w.iter().zip(&p) {
            assert!((a - b).abs() < 1.0, "page {}: {a} vs {b}", page + 1);
        }
    }
    // The 22 grid lines' baselines: em box tops 37 mm + i × pitch, baselines 0.88 em lower.
    let pitch = (225.0 - 16.0 / MM) / 21.0;
    let grid: Vec<f64> = (0..22)
        .map(|i| 37.0 + i as f64 * pitch + 0.88 * 16.0 / MM)
        .collect();
    for page in 2..6 {
        for a in baselines(&word, page) {
            assert!(
                grid.iter().any(|b| (a - b).abs() < 1.0),
                "page {}: a line at {a} mm is off the grid",
                page + 1
            );
        }
    }
}

/// A notice whose body is one long paragraph: Word's page 1 holds as many of its lines as
/// the PDF's (LibreOffice moves a paragraph kept with the next whole, which left page 1
/// with the title and 主送 alone), and the 署名 still follows the body's last lines.
#[test]
fn a_long_last_paragraph_starts_on_the_notices_first_page() {
    let sentence = "区政府办公室负责对目标任务进度情况进行督察通报，各部门要明确责任、强化担当，严格按照进度计划抓好落实。";
    let body = sentence.repeat(8);
    let source = format!(
        "东坪区人民政府办公室文件\n\n东政办发〔2026〕3号\n\n关于印发《东坪区2026年重点工作任务分解表》的通知\n\n区政府各部门，各街道办事处：\n\n{body}\n\n附件：东坪区2026年重点工作任务分解表\n\n东坪区人民政府办公室\n2026年2月15日\n\n附件\n\n东坪区2026年重点工作任务分解表\n\n序号\t工作任务\t牵头单位\t完成时限\n1\t推进老旧小区改造。\t区住建局\t2026年底\n"
    );
    let (dir, word, pdf) = notice_through_word(&source);
    assert!(body_lines(&pdf, 0) >= 8, "{}", body_lines(&pdf, 0));
    assert_eq!(body_lines(&word, 0), body_lines(&pdf, 0));
    let text = run(
        "pdftotext",
        &[dir.path().join("通知.pdf").to_str().unwrap(), "-"],
    );
    let page2 = text.split('\u{c}').nth(1).unwrap_or("");
    assert!(page2.contains("东坪区人民政府办公室"), "{page2}");
}

/// A title of three lines ending just above a grid line, a short notice: the PDF keeps the
/// whole notice on page 1 (its lines set closer); the Word file, measured from the same
/// rule, sets the 主送 on the same line and keeps it there too (it put the 主送 a line lower
/// and the body, 附件说明 and 署名 went to page 2).
#[test]
fn a_short_notice_under_a_three_line_title_stays_on_its_first_page_in_word() {
    let title =
        "东坪区人民政府关于印发《东坪区人民政府2026年重点工作任务分解和责任分工方案》的通知";
    let plan = "东坪区人民政府2026年重点工作任务分解和责任分工方案";
    let source = format!(
        "东坪区人民政府文件\n\n东政发〔2026〕3号\n\n{title}\n\n各街道办事处，区政府各部门：\n\n现将《{plan}》印发给你们，请认真贯彻落实。\n\n附件：{plan}\n\n东坪区人民政府\n2026年2月15日\n\n附件\n\n{plan}\n\n序号\t工作任务\t牵头单位\t完成时限\n1\t推进老旧小区改造。\t区住建局\t2026年底\n"
    );
    let (dir, word, pdf) = notice_through_word(&source);
    let text = run(
        "pdftotext",
        &[dir.path().join("通知.pdf").to_str().unwrap(), "-"],
    );
    let page1 = text.split('\u{c}').next().unwrap_or("");
    assert!(
        page1.contains("2026年2月15日") || page1.contains("2026 年 2 月 15 日"),
        "{page1}"
    );
    assert_eq!(body_lines(&word, 0), body_lines(&pdf, 0));
}

/// A 版头 with letters in it (政协XX市委员会办公室文件) stays on one line in Word as in the
/// PDF: the letters, in the CJK face's own Latin and spaced from the characters around
/// them, are measured wider than half an em.
#[test]
fn a_mark_with_letters_in_it_stays_on_one_line_in_word() {
    let source = "政协XX市委员会办公室文件\n\nXX政办发〔2025〕5号\n\n政协XX市委员会办公室关于印发《XX市政协办公室2025年工作要点》的通知\n\n各专门委员会，机关各科室：\n\n现将《XX市政协办公室2025年工作要点》印发给你们，请认真贯彻落实。\n\n附件：XX市政协办公室2025年工作要点\n\n政协XX市委员会办公室\n2025年2月15日\n\n附件\n\nXX市政协办公室2025年工作要点\n\n序号\t工作任务\t牵头单位\t完成时限\n1\t开展专题调研。\t提案委\t2025年底\n";
    let (dir, _word, _pdf) = notice_through_word(source);
    let text = run(
        "pdftotext",
        &[dir.path().join("通知.pdf").to_str().unwrap(), "-"],
    );
    let mark = text.lines().find(|l| l.contains("政协")).unwrap_or("");
    assert!(mark.trim_end().ends_with("文件"), "{text}");
}

/// Publishes `source` as the only input, converts the Word notice through LibreOffice and
/// measures both PDFs.
fn notice_through_word(source: &str) -> (tempfile::TempDir, Value, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("input")).unwrap();
    std::fs::write(dir.path().join("input/plan.md"), source).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let converted = soffice(dir.path())
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(dir.path().join("output/通知.docx"))
        .env("FONTCONFIG_FILE", root().join("fonts/fonts.conf"))
        .output()
        .expect("soffice (LibreOffice Writer) is needed; .ci/run installs it");
    assert!(converted.status.success());
    let word = measure(&dir.path().join("通知.pdf"));
    let pdf = measure(&dir.path().join("output/通知.pdf"));
    (dir, word, pdf)
}

fn body_lines(measured: &Value, page: usize) -> usize {
    measured["pages"][page]["body_lines"]
        .as_array()
        .unwrap()
        .len()
}

/// python-docx reads the task table with every row, the 主要事项 merged down over its tasks,
/// the header repeated, no row split; each cell's text is the Markdown table's.
#[test]
fn python_docx_reads_the_tables_as_the_model_has_them() {
    let plan: Value = serde_json::from_slice(&std::fs::read(output("plan.json")).unwrap()).unwrap();
    let tasks = plan["tasks"].as_array().unwrap();
    for file in ["任务分工表.docx", "通知.docx"] {
        let doc = read_docx(&output(file));
        let table = doc["tables"].as_array().unwrap().last().unwrap();
        let rows = table["rows"].as_array().unwrap();
        assert_eq!(table["header_rows"], 1, "{file}");
        assert_eq!(
            table["cant_split"].as_u64().unwrap() as usize,
            rows.len(),
            "{file}"
        );
        let groups: std::collections::BTreeSet<String> = tasks
            .iter()
            .filter_map(|t| t["group"].as_str().map(String::from))
            .collect();
        assert!(
            table["merged_down"].as_u64().unwrap() as usize >= groups.len(),
            "{file}: {} merged group cells for {} groups",
            table["merged_down"],
            groups.len()
        );
        // Every task's row: its number, its content word for word, its group's label.
        for task in tasks {
            let no = task["no"].as_u64().unwrap().to_string();
            let row = rows
                .iter()
                .find(|r| r[1] == no.as_str())
                .unwrap_or_else(|| panic!("{file}: no row for task {no}"));
            // The tables print the content as the view tidies it (no OCR spaces).
            let flat = |v: &Value| -> String {
                v.as_str()
                    .unwrap()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect()
            };
            assert_eq!(flat(&row[2]), flat(&task["content"]), "{file}: task {no}");
        }
        // The cells equal the Markdown table's, the merged label repeated as python-docx
        // reads it.
        let md_name = file.replace(".docx", ".md");
        let md = std::fs::read_to_string(output(&md_name)).unwrap();
        let blocks = fengong::render::blocks::blocks(&md).unwrap();
        let Some(fengong::render::blocks::Block::Table {
            header,
            rows: md_rows,
            ..
        }) = blocks
            .iter()
            .rev()
            .find(|b| matches!(b, fengong::render::blocks::Block::Table { .. }))
        else {
            panic!("{md_name} has no table");
        };
        assert_eq!(rows.len(), md_rows.len() + 1, "{file}");
        let header_row: Vec<&str> = rows[0]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(
            header_row,
            header.iter().map(String::as_str).collect::<Vec<_>>()
        );
        let mut label = String::new();
        for (row, md_row) in rows[1..].iter().zip(md_rows) {
            let cells: Vec<&str> = row
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            let section = md_row[0].0 && md_row.iter().skip(1).all(|(_, t)| t.is_empty());
            if section {
                assert!(cells.iter().all(|c| *c == md_row[0].1), "{file}: {cells:?}");
                label.clear();
                continue;
            }
            if !md_row[0].1.is_empty() {
                label = md_row[0].1.clone();
            }
            assert_eq!(cells[0], label, "{file}");
            for (c, (_, text)) in cells.iter().zip(md_row).skip(1) {
                assert_eq!(c, text, "{file}");
            }
        }
    }
}

/// Every paragraph and table cell of each Markdown output is in its Word file.
#[test]
fn every_paragraph_of_the_markdown_is_in_the_word_file() {
    let flat = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    for (md, docx) in [
        ("通知.md", "通知.docx"),
        ("任务分工表.md", "任务分工表.docx"),
        ("任务单/南翔镇.md", "任务单/南翔镇.docx"),
        ("任务单/区教育局.md", "任务单/区教育局.docx"),
        (
            "评估/2025-半年度/评估报告.md",
            "评估/2025-半年度/评估报告.docx",
        ),
        ("评估/2025-年度/评估报告.md", "评估/2025-年度/评估报告.docx"),
    ] {
        let doc = read_docx(&output(docx));
        let mut text = String::new();
        for p in doc["paragraphs"].as_array().unwrap() {
            text.push_str(&flat(p.as_str().unwrap()));
        }
        for t in doc["tables"].as_array().unwrap() {
            for row in t["rows"].as_array().unwrap() {
                for c in row.as_array().unwrap() {
                    text.push_str(&flat(c.as_str().unwrap()));
                    text.push('|');
                }
            }
        }
        let markdown = std::fs::read_to_string(output(md)).unwrap();
        let mut checked = 0;
        for block in fengong::render::blocks::blocks(&markdown).unwrap() {
            use fengong::render::blocks::Block;
            let pieces: Vec<String> = match &block {
                Block::Table { header, rows, .. } => header
                    .iter()
                    .cloned()
                    .chain(rows.iter().flatten().map(|(_, t)| t.clone()))
                    .collect(),
                Block::Chart(_) | Block::Rule | Block::PageBreak => Vec::new(),
                other => vec![other.text()],
            };
            for piece in pieces {
                let piece = flat(&piece);
                if piece.is_empty() {
                    continue;
                }
                assert!(text.contains(&piece), "{docx}: missing «{piece}»");
                checked += 1;
            }
        }
        assert!(checked > 10, "{md}: {checked}");
    }
}

/// Same input, same bytes; the zip has fixed entry times and no extra fields; the document's
/// date is SOURCE_DATE_EPOCH's.
#[test]
fn word_files_are_reproducible() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let publish = |out: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_fengong"))
            .args(["publish", "input", "-o", out])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", "1741132800") // 2025-03-05
            .status()
            .unwrap();
        assert!(status.success());
    };
    publish("a");
    publish("b");
    for name in ["通知.docx", "任务分工表.docx", "任务单/南翔镇.docx"] {
        let a = std::fs::read(dir.path().join("a").join(name)).unwrap();
        let b = std::fs::read(dir.path().join("b").join(name)).unwrap();
        assert_eq!(a, b, "{name}");
    }
    let script = r#"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    assert i.date_time == (1980, 1, 1, 0, 0, 0), (i.filename, i.date_time)
    assert i.extra == b"", (i.filename, i.extra)
core = z.read("docProps/core.xml").decode()
assert "2025-03-05T00:00:00Z" in core, core
print(len(z.infolist()))
"#;
    let path = dir.path().join("a/通知.docx");
    let out = run("python3", &["-c", script, path.to_str().unwrap()]);
    assert!(out.trim().parse::<usize>().unwrap() >= 8);
}

/// With `[notice]` copy_to/printed_by/printed_on the Word notice ends with the 版记: on an
/// even page, at its foot, with no page number, its three rules in place.
#[test]
fn the_word_imprint_sits_on_the_foot_of_an_even_page() {
    let config = seed_config().replacen(
        "[notice]\n",
        "[notice]\ncopy_to = \"区委办公室，区政府办公室\"\nprinted_by = \"上海市嘉定区发展和改革委员会办公室\"\nprinted_on = \"2025年3月6日\"\n",
        1,
    );
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let work = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("output/通知.docx"),
        work.path().join("n.docx"),
    )
    .unwrap();
    let converted = soffice(work.path())
        .args(["--convert-to", "pdf", "n.docx"])
        .current_dir(work.path())
        .env("FONTCONFIG_FILE", root().join("fonts/fonts.conf"))
        .output()
        .expect("soffice");
    assert!(converted.status.success());
    let script = r#"
import pdfplumber, sys
with pdfplumber.open(sys.argv[1]) as pdf:
    last = pdf.pages[-1]
    mm = 72 / 25.4
    rules = sorted(round(l["top"] / mm, 1) for l in last.lines + last.edges + last.rects
                   if abs(l["top"] - l["bottom"]) < 1.5 and l["x1"] - l["x0"] > 300)
    print(len(pdf.pages), len(rules), rules[-1] if rules else 0)
    print(last.extract_text() or "")
"#;
    let pdf = work.path().join("n.pdf");
    let said = run("python3", &["-c", script, pdf.to_str().unwrap()]);
    let mut lines = said.lines();
    let first: Vec<f32> = lines
        .next()
        .unwrap()
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    let text: String = lines.collect::<Vec<_>>().join("\n");
    assert_eq!(first[0] as usize % 2, 0, "the 版记 page is even: {said}");
    assert!(first[1] >= 3.0, "three rules: {said}");
    // The last rule on the 版心's bottom edge (262 mm), give or take a line's leading.
    assert!(
        (first[2] - 262.0).abs() < 3.0,
        "last rule at {} mm",
        first[2]
    );
    assert!(text.contains("抄送：区委办公室，区政府办公室。"), "{text}");
    assert!(text.contains("2025年3月6日印发"), "{text}");
    assert!(!text.contains('—'), "the 版记 page has no number: {text}");
}

/// A report's 签发人 stands on its 文号's line, right of it (GB/T 9704 7.2.6), more than two a
/// line each above it, and joint
/// agencies' 文件 to the right of their names, on the middle one's line (7.2.2): in the PDF
/// and in the Word file as LibreOffice prints it.
#[test]
fn the_approver_and_the_joint_mark_stand_where_the_standard_puts_them() {
    let report =
        std::fs::read_to_string(root().join("tests/fixtures/notices/report_with_approver.md"))
            .unwrap();
    let (dir, _word, _pdf) = notice_through_word(&report);
    for pdf in [
        dir.path().join("通知.pdf"),
        dir.path().join("output/通知.pdf"),
    ] {
        let text = pdf_text(&pdf);
        // LibreOffice sets a space between figures and ideographs (21 号).
        let line = text.lines().find(|l| l.contains("〕21")).unwrap_or("");
        assert!(line.contains("签发人"), "{}: {text}", pdf.display());
        assert!(line.find("〕21") < line.find("签发人"), "{line}");
    }
    // Three 签发人: two names a line, the last on the 文号's (7.2.6).
    let request = std::fs::read_to_string(
        root().join("tests/fixtures/notices/request_approvers_under_number.md"),
    )
    .unwrap()
    .replace("签发人：王晓东、李华", "签发人：王晓东、李华、陈　刚");
    let (dir, _word, _pdf) = notice_through_word(&request);
    for pdf in [
        dir.path().join("通知.pdf"),
        dir.path().join("output/通知.pdf"),
    ] {
        let text = pdf_text(&pdf);
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.split_whitespace().collect())
            .collect();
        let at = lines.iter().position(|l| l.contains("〕8")).unwrap_or(0);
        assert!(lines[at].ends_with("陈刚"), "{}: {text}", pdf.display());
        assert!(at > 0 && lines[at - 1] == "签发人：王晓东李华", "{text}");
    }
    let joint =
        std::fs::read_to_string(root().join("tests/fixtures/notices/joint_head_own_dates.md"))
            .unwrap();
    let (dir, _word, _pdf) = notice_through_word(&joint);
    for pdf in [
        dir.path().join("通知.pdf"),
        dir.path().join("output/通知.pdf"),
    ] {
        let text = pdf_text(&pdf);
        // The names spread to the widest: their characters a space apart in the text.
        let line: String = (text.lines().find(|l| l.contains("文件")).unwrap_or(""))
            .split_whitespace()
            .collect();
        assert_eq!(line, "桐溪县财政局文件", "{}: {text}", pdf.display());
    }
}
