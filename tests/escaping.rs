//! Data is never read as Markdown: random task text and return text full of Markdown and
//! HTML syntax (`5*8*2小时`, `[试点](url)`, `<u>`, `&amp;`, `#`, `|` …) comes back unchanged
//! through pdftotext from every kind of PDF that prints it — the task table, the unit sheets,
//! the evaluation report and the assessment packets — and the Markdown outputs carry no raw
//! HTML. Needs poppler-utils (`.ci/run` installs it).

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use fengong::render::xlsx::{FormFill, RowFill, properties, return_form};
use fengong::view::TaskSheet;

/// A small deterministic generator (the run must be reproducible).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "推进",
            "儿童",
            "工作",
            "小时",
            "*",
            "**",
            "_",
            "__",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "&",
            "&amp;",
            "&#35;",
            "#",
            "!",
            "|",
            "~",
            "`",
            "-",
            "+",
            "=",
            ".",
            ":",
            "\\",
            "'",
            "\"",
            "0",
            "1.",
            "9",
            "a",
            "Z",
            "<u>",
            "</u>",
            "[试点](http://x.cn)",
            "5*8*2",
            "{{ x }}",
            "{%",
            "$",
            "<script>",
            "](javascript:",
            "1) ",
            "- ",
            "# ",
            " ",
        ];
        let n = 3 + self.next() % 9;
        let mut out = String::from("甲");
        for _ in 0..n {
            out.push_str(PIECES[self.next() % PIECES.len()]);
        }
        out.push('。');
        out
    }
}

const UNITS: [&str; 4] = ["区教育局", "区体育局", "区民政局", "区科委"];

/// A bare task table (Excel keeps every character as typed) with `texts` as task contents.
fn table(texts: &[String]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["序号", "具体内容", "责任单位"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (i, text) in texts.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        sheet.write_string(r, 1, text).unwrap();
        sheet.write_string(r, 2, UNITS[i % UNITS.len()]).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// Text as pdftotext gives it back, without any whitespace.
fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed; .ci/run installs it");
    assert!(out.status.success(), "{}", path.display());
    flat(&String::from_utf8_lossy(&out.stdout))
}

fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn publish(dir: &Path) {
    let out = fengong(dir, &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn random_text_with_markdown_syntax_prints_as_written() {
    let mut rng = Rng(20251130);
    for round in 0..3 {
        let tasks: Vec<String> = (0..8).map(|_| rng.text()).collect();
        let config = seed_config_titled("测试方案");
        let dir = project(&[
            ("分工.xlsx", &table(&tasks)),
            ("fengong.toml", config.as_bytes()),
        ]);
        publish(dir.path());
        let out = dir.path().join("output");
        let table_pdf = pdf_text(&out.join("任务分工表.pdf"));
        for (i, text) in tasks.iter().enumerate() {
            assert!(
                table_pdf.contains(&flat(text)),
                "round {round}: task {} «{text}» not in 任务分工表.pdf: {table_pdf}",
                i + 1
            );
            let unit = UNITS[i % UNITS.len()];
            let sheet = pdf_text(&out.join(format!("任务单/{unit}.pdf")));
            assert!(
                sheet.contains(&flat(text)),
                "round {round}: «{text}» not in {unit}.pdf"
            );
        }
        // Each lead reports a random progress text at year end.
        let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
        let folder = dir.path().join("input/returns/2025-年度");
        std::fs::create_dir_all(&folder).unwrap();
        let mut reported = BTreeMap::new();
        for sheet in TaskSheet::all(&plan) {
            let mut rows = BTreeMap::new();
            for task in &sheet.tasks {
                let text = rng.text();
                reported.insert(task.no, (sheet.unit.clone(), text.clone()));
                let row = RowFill {
                    status: "滞后".into(),
                    progress: "30".into(),
                    progress_text: text.clone(),
                    problems: text,
                    ..RowFill::default()
                };
                rows.insert(task.no, row);
            }
            let fill = FormFill {
                sample: false,
                filled_on: fengong::base::date::parse_iso("2026-01-05"),
                rows,
                ..FormFill::default()
            };
            let props = properties("t", "t", jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0)).unwrap();
            let bytes = return_form(&sheet, &props, Some(&fill)).unwrap();
            std::fs::write(folder.join(format!("{}.xlsx", sheet.unit)), bytes).unwrap();
        }
        publish(dir.path());
        let period = out.join("评估/2025-年度");
        let report = pdf_text(&period.join("评估报告.pdf"));
        for (no, (unit, text)) in &reported {
            let packet = pdf_text(&period.join(format!("考核材料/{unit}.pdf")));
            assert!(
                packet.contains(&flat(text)),
                "round {round}: task {no}'s return «{text}» not in the packet of {unit}: {packet}"
            );
            // The report quotes each 滞后 task's problems.
            assert!(
                report.contains(&flat(text)),
                "round {round}: task {no}'s problems «{text}» not in 评估报告.pdf"
            );
        }
        // No raw HTML reaches a Markdown output.
        for entry in walkdir::WalkDir::new(&out).into_iter().flatten() {
            if entry.path().extension().is_some_and(|e| e == "md") {
                let md = std::fs::read_to_string(entry.path()).unwrap();
                for raw in ["<script>", "<u>", "](javascript:"] {
                    let unescaped = md
                        .match_indices(raw)
                        .any(|(at, _)| !md[..at].ends_with('\\'));
                    assert!(!unescaped, "{} has raw {raw}", entry.path().display());
                }
            }
        }
    }
}
