//! Republishing reuses the previous output's unchanged PDF and XLSX files: the result must be
//! byte for byte what a fresh publish writes, an edit must remake exactly what it touches, and
//! a file changed after publishing must never be passed on.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{fengong, project, seed_text, stderr};

const SEED: &str = "嘉发改〔2025〕14号.md";

fn read_all(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::read_tree(dir)
}

/// Runs `fengong publish` with `args` and returns its console text.
fn publish(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["publish"];
    all.extend_from_slice(args);
    let out = fengong(dir, &all);
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

/// Whether a path is a PDF, XLSX or DOCX (what can be reused).
fn costly(path: &str) -> bool {
    path.ends_with(".pdf") || path.ends_with(".xlsx") || path.ends_with(".docx")
}

/// The number of PDF, XLSX and DOCX files of an output.
fn costly_files(files: &BTreeMap<String, Vec<u8>>) -> usize {
    files.keys().filter(|p| costly(p)).count()
}

fn reused_count(console: &str) -> Option<usize> {
    let after = console.split("其中 ").nth(1)?;
    after.split(' ').next()?.parse().ok()
}

#[test]
fn an_unchanged_republish_reuses_every_pdf_xlsx_and_docx_and_writes_the_same_bytes() {
    let dir = project(&[(SEED, seed_text().as_bytes())]);
    let first_console = publish(dir.path(), &[]);
    assert_eq!(reused_count(&first_console), None, "{first_console}");
    let first = read_all(&dir.path().join("output"));
    let costly = costly_files(&first);
    assert!(costly >= 80, "{costly}");

    let console = publish(dir.path(), &[]);
    assert_eq!(reused_count(&console), Some(costly), "{console}");
    assert_eq!(read_all(&dir.path().join("output")), first);

    let console = publish(dir.path(), &["--fresh"]);
    assert_eq!(reused_count(&console), None, "{console}");
    assert_eq!(read_all(&dir.path().join("output")), first);
}

#[test]
fn an_edit_remakes_exactly_the_documents_it_touches() {
    let text = seed_text();
    let dir = project(&[(SEED, text.as_bytes())]);
    publish(dir.path(), &[]);
    let before = read_all(&dir.path().join("output"));

    // Task 33 (区卫生健康委 leads, 区总工会 supports): one word more in the table's text.
    let edited = text.replacen(
        "完善青少年心理服务链条。\t",
        "完善全区青少年心理服务链条。\t",
        1,
    );
    assert_ne!(edited, text, "the seed no longer has task 33's text");
    std::fs::write(dir.path().join("input").join(SEED), &edited).unwrap();
    let console = publish(dir.path(), &[]);
    let after = read_all(&dir.path().join("output"));

    // Reuse changes nothing: a fresh publish of the edited input writes the same bytes.
    publish(dir.path(), &["--fresh", "-o", "fresh"]);
    assert_eq!(read_all(&dir.path().join("fresh")), after);

    let changed: Vec<&str> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path.as_str())
        .filter(|p| costly(p))
        .collect();
    assert_eq!(
        changed,
        [
            "任务分工表.docx",
            "任务分工表.pdf",
            "任务分工表.xlsx",
            "任务单/区卫生健康委.docx",
            "任务单/区卫生健康委.pdf",
            "任务单/区卫生健康委.xlsx",
            "任务单/区总工会.docx",
            "任务单/区总工会.pdf",
            "任务单/区总工会.xlsx",
            "通知.docx",
            "通知.pdf",
        ]
    );
    assert_eq!(
        reused_count(&console),
        Some(costly_files(&after) - changed.len()),
        "{console}"
    );
}

#[test]
fn a_file_changed_after_publishing_is_made_afresh() {
    let dir = project(&[(SEED, seed_text().as_bytes())]);
    publish(dir.path(), &[]);
    let first = read_all(&dir.path().join("output"));
    // A stamped or damaged copy left in the output: same name, other bytes.
    let sheet = dir.path().join("output/任务单/区教育局.pdf");
    let mut bytes = std::fs::read(&sheet).unwrap();
    bytes.extend_from_slice(b"%stamped\n");
    std::fs::write(&sheet, bytes).unwrap();
    std::fs::write(dir.path().join("output/任务分工表.xlsx"), b"").unwrap();

    // Not the user's to lose unasked: the publish stops, naming both, and leaves them.
    let refused = fengong(dir.path(), &["publish"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("「任务单/区教育局.pdf」"));
    assert_eq!(
        std::fs::read(dir.path().join("output/任务分工表.xlsx")).unwrap(),
        b""
    );
    // Replaced when asked: made afresh, never passed on.
    let console = publish(dir.path(), &["--force"]);
    assert_eq!(
        reused_count(&console),
        Some(costly_files(&first) - 2),
        "{console}"
    );
    assert_eq!(read_all(&dir.path().join("output")), first);
}

#[test]
fn another_body_font_remakes_every_pdf() {
    let dir = project(&[(SEED, seed_text().as_bytes())]);
    publish(dir.path(), &[]);
    let config = common::seed_config();
    let noto = common::root().join("fonts/NotoSerifSC-Regular.ttf");
    let config = format!(
        "{config}\n[fonts]\nbody = {:?}\n",
        noto.display().to_string()
    );
    std::fs::write(dir.path().join("input/fengong.toml"), config).unwrap();
    let console = publish(dir.path(), &[]);
    let after = read_all(&dir.path().join("output"));
    let xlsx = after.keys().filter(|p| p.ends_with(".xlsx")).count();
    // Only the workbooks, which use no font files, are reused.
    assert_eq!(reused_count(&console), Some(xlsx), "{console}");
}
