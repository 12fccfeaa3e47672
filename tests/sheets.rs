//! Per-unit task sheets in three formats, the DOCX-ready Markdown, and templates that can be
//! overridden without a rebuild.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

fn published() -> &'static Path {
    published_seed()
}

fn out(name: &str) -> PathBuf {
    published().join("output").join(name)
}

fn manifest() -> Value {
    serde_json::from_slice(&std::fs::read(out("manifest.json")).unwrap()).unwrap()
}

fn model() -> Value {
    serde_json::from_slice(&std::fs::read(out("plan.json")).unwrap()).unwrap()
}

/// (task number, role) of `unit` in the model, in plan order.
fn expected(unit: &str) -> Vec<(u64, String, bool)> {
    model()["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| {
            let a = t["units"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["name"] == unit)?;
            let role = if a["role"] == "lead" {
                "牵头"
            } else {
                "配合"
            };
            Some((
                t["no"].as_u64().unwrap(),
                role.to_string(),
                a["conditional"] == true,
            ))
        })
        .collect()
}

fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_sheet_in_four_formats_for_every_unit() {
    let m = manifest();
    let sheets: Vec<&Value> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "unit-sheet")
        .collect();
    let units: BTreeSet<&str> = sheets.iter().map(|f| f["unit"].as_str().unwrap()).collect();
    let model_units: BTreeSet<String> = model()["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(units.len(), 41);
    assert_eq!(
        units.iter().map(|u| u.to_string()).collect::<BTreeSet<_>>(),
        model_units
    );
    for unit in &units {
        let formats: BTreeSet<&str> = sheets
            .iter()
            .filter(|f| f["unit"] == *unit)
            .map(|f| f["format"].as_str().unwrap())
            .collect();
        assert_eq!(
            formats,
            ["docx", "markdown", "pdf", "xlsx"].into_iter().collect(),
            "{unit}"
        );
    }
}

fn check_unit(unit: &str) {
    let want = expected(unit);
    assert!(!want.is_empty());
    // Markdown: one table row per task, in order, with the role.
    let md = std::fs::read_to_string(out(&format!("任务单/{unit}.md"))).unwrap();
    let rows: Vec<(u64, String, bool)> = md
        .lines()
        .filter(|l| {
            l.starts_with("| ")
                && l.split('|')
                    .nth(1)
                    .is_some_and(|c| c.trim().parse::<u64>().is_ok())
        })
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let role = cells[4].trim_end_matches("（相关街镇）").to_string();
            (
                cells[1].parse().unwrap(),
                role,
                cells[4].ends_with("（相关街镇）"),
            )
        })
        .collect();
    assert_eq!(rows, want, "{unit} markdown");
    let leads = want.iter().filter(|(_, r, _)| r == "牵头").count();
    assert!(md.contains(&format!(
        "本单位牵头 {leads} 项，配合 {} 项",
        want.len() - leads
    )));

    // PDF: every task's content is there.
    let pdf = out(&format!("任务单/{unit}.pdf"));
    let text = Command::new("pdftotext")
        .args(["-raw"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = flat(&String::from_utf8_lossy(&text.stdout));
    let tasks = model()["tasks"].as_array().unwrap().clone();
    for (no, _, _) in &want {
        let content = tasks[*no as usize - 1]["content"].as_str().unwrap();
        let content = flat(&fengong::base::cjk::tidy_spacing(content));
        assert!(text.contains(&content), "{unit} PDF lacks task {no}");
    }

    // XLSX: the same rows, validation and protection, the hidden key with unit and hashes.
    let xlsx = out(&format!("任务单/{unit}.xlsx"));
    let script = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["任务清单"]
key = wb["_fengong"]
rows = []
for r in ws.iter_rows(min_row=5, values_only=True):
    if isinstance(r[0], (int, float)):
        rows.append([int(r[0]), r[3]])
dv = [(d.type, d.formula1, str(d.sqref)) for d in ws.data_validations.dataValidation]
first = 1 + next(r for r in range(1, key.max_row + 1) if key.cell(row=r, column=1).value == "task")
print(json.dumps({
    "rows": rows,
    "protected": bool(ws.protection.sheet),
    "locked_task": ws["C5"].protection.locked,
    "open_status": ws["H5"].protection.locked,
    "validations": dv,
    "key_state": key.sheet_state,
    "unit": key["B1"].value,
    "plan": key["B2"].value,
    "hashes": [key.cell(row=r, column=2).value for r in range(first, first + len(rows))],
}, ensure_ascii=False))
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let x: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows: Vec<(u64, String)> = x["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_u64().unwrap(),
                r[1].as_str()
                    .unwrap()
                    .trim_end_matches("（相关街镇）")
                    .to_string(),
            )
        })
        .collect();
    let want_rows: Vec<(u64, String)> = want.iter().map(|(n, r, _)| (*n, r.clone())).collect();
    assert_eq!(rows, want_rows, "{unit} xlsx");
    assert_eq!(x["protected"], true);
    assert_eq!(x["locked_task"], true);
    assert_eq!(x["open_status"], false);
    let validations = x["validations"].to_string();
    assert!(
        validations.contains("list") && validations.contains("已完成,序时推进,滞后,未启动"),
        "{validations}"
    );
    assert!(validations.contains("whole"), "{validations}");
    assert_eq!(x["key_state"], "hidden");
    assert_eq!(x["unit"], unit);
    assert_eq!(x["plan"], "嘉发改〔2025〕14号");
    for (hash, (no, _, _)) in x["hashes"].as_array().unwrap().iter().zip(&want) {
        let content = tasks[*no as usize - 1]["content"].as_str().unwrap();
        assert_eq!(hash.as_str().unwrap(), fengong::form::task_hash(content));
    }
}

#[test]
fn a_department_sheet_matches_the_model() {
    check_unit("区教育局");
    check_unit("区妇工委办");
}

#[test]
fn a_town_sheet_carries_each_and_relevant_town_tasks() {
    let want = expected("南翔镇");
    // 各街镇 (task 1 …) and, marked, 相关街镇 (41, 43, 54).
    assert!(want.iter().any(|(n, _, c)| *n == 1 && !c));
    let conditional: Vec<u64> = want
        .iter()
        .filter(|(_, _, c)| *c)
        .map(|(n, _, _)| *n)
        .collect();
    assert_eq!(conditional, [41, 43, 54]);
    // Task 8 (协调机制成员单位，各街镇): the towns lead.
    assert!(want.contains(&(8, "牵头".to_string(), false)));
    check_unit("南翔镇");
    let md = std::fs::read_to_string(out("任务单/南翔镇.md")).unwrap();
    assert!(md.contains("配合（相关街镇）"));
}

#[test]
fn pandoc_turns_every_markdown_into_a_word_document() {
    let reference = root().join("templates/reference.docx");
    let m = manifest();
    for file in m["files"].as_array().unwrap() {
        if file["format"] != "markdown" {
            continue;
        }
        let path = out(file["path"].as_str().unwrap());
        let docx = published()
            .join("docx")
            .join(format!("{}.docx", file["path"].as_str().unwrap()));
        std::fs::create_dir_all(docx.parent().unwrap()).unwrap();
        let status = Command::new("pandoc")
            .arg(&path)
            .arg("--reference-doc")
            .arg(&reference)
            .arg("-o")
            .arg(&docx)
            .output()
            .expect("pandoc is needed; .ci/run installs it");
        assert!(
            status.status.success(),
            "{}: {}",
            file["path"],
            String::from_utf8_lossy(&status.stderr)
        );
        let xml = Command::new("python3")
            .args(["-c", "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())"])
            .arg(&docx)
            .output()
            .unwrap();
        let xml = String::from_utf8_lossy(&xml.stdout);
        let kind = file["kind"].as_str().unwrap();
        if kind == "table" || kind == "unit-sheet" || kind == "notice" {
            assert!(
                xml.contains("<w:tbl>"),
                "{}: no table in the DOCX",
                file["path"]
            );
        }
        if file["path"] == "任务分工表.md" {
            // Every task row survives, the 78 tasks and the 4 section rows plus the header.
            assert_eq!(
                xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count(),
                83
            );
            assert!(xml.contains("custom") || xml.contains("Title"));
        }
    }
}

#[test]
fn a_template_override_changes_the_output_without_a_rebuild() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("unit_sheet.md.tera"),
        "# {{ unit }}的任务（自定义模板）\n\n共 {{ tasks | length }} 项。\n",
    )
    .unwrap();
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let md = std::fs::read_to_string(dir.path().join("output/任务单/区教育局.md")).unwrap();
    assert_eq!(
        md,
        format!(
            "# 区教育局的任务（自定义模板）\n\n共 {} 项。\n",
            expected("区教育局").len()
        )
    );
    // A broken override names the template and its line.
    std::fs::write(templates.join("unit_sheet.md.tera"), "第一行\n{% for %}\n").unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unit_sheet.md.tera"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn templates_can_be_ejected() {
    let dir = tempfile::tempdir().unwrap();
    let out = fengong(dir.path(), &["templates", "--eject", "mine"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "notice.md.tera",
        "table.md.tera",
        "unit_sheet.md.tera",
        "audit.md.tera",
        "reference.docx",
    ] {
        assert!(dir.path().join("mine").join(name).exists(), "{name}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine/unit_sheet.md.tera")).unwrap(),
        std::fs::read_to_string(root().join("templates/unit_sheet.md.tera")).unwrap()
    );
}

#[test]
fn unit_names_never_leave_the_output_folder() {
    let config = format!(
        "{}\n[[units]]\nname = \"../../越界\"\n[[units]]\nname = \"CON\"\n",
        seed_config()
    );
    let text = seed_text().replace("区委网信办、区委宣传部", "../../越界、CON");
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", text.as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let m: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/manifest.json")).unwrap())
            .unwrap();
    for f in m["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        assert!(!path.contains(".."), "{path}");
        assert!(dir.path().join("output").join(path).exists());
    }
    let names: Vec<&str> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["unit"] == "CON")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("任务单/_CON.")),
        "{names:?}"
    );
    assert!(!dir.path().join("越界.pdf").exists());
}

/// The workbooks as they print: 任务分工表.xlsx and a return form through LibreOffice, and no
/// character of a cell crosses the cell's border (rows were about half as tall as their
/// text: 2,485 of 5,970 characters of the table and 584 of 4,012 of the form printed over
/// the row below). The return form prints on A3 landscape, one page wide.
#[test]
fn workbooks_print_without_clipped_rows() {
    let out = published_seed().join("output");
    let dir = tempfile::tempdir().unwrap();
    for (name, source) in [
        ("table.xlsx", "任务分工表.xlsx"),
        ("form.xlsx", "任务单/区教育局.xlsx"),
    ] {
        std::fs::copy(out.join(source), dir.path().join(name)).unwrap();
    }
    // With the project's fonts only: what prints must not hang on the CJK fallback font the
    // machine happens to have (Debian's fonts-droid-fallback moved 4 characters over a rule).
    let converted = soffice(dir.path())
        .env("FONTCONFIG_FILE", root().join("fonts/fonts.conf"))
        .args(["--convert-to", "pdf", "table.xlsx", "form.xlsx"])
        .current_dir(dir.path())
        .output()
        .expect("soffice (LibreOffice) is needed; .ci/run installs it");
    assert!(converted.status.success());
    let script = r#"
import pdfplumber, sys
for path in sys.argv[1:]:
    crossing = 0
    with pdfplumber.open(path) as pdf:
        size = (round(pdf.pages[0].width), round(pdf.pages[0].height))
        for page in pdf.pages:
            rules = [l for l in page.lines + page.edges if abs(l["top"] - l["bottom"]) < 0.5]
            for c in page.chars:
                if not c["text"].strip():
                    continue
                top, bottom = c["top"] + 0.5, c["bottom"] - 0.5
                if any(l["x0"] <= c["x0"] and l["x1"] >= c["x1"] and top < l["top"] < bottom for l in rules):
                    crossing += 1
    print(path, size[0], size[1], crossing)
"#;
    let run = std::process::Command::new("python3")
        .args(["-c", script, "table.pdf", "form.pdf"])
        .current_dir(dir.path())
        .output()
        .expect("python3 with pdfplumber; .ci/run installs it");
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for line in report.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let crossing: usize = parts[3].parse().unwrap();
        // Nothing crosses a border, a 主要事项 label merged over rows that a page break
        // divides neither: it stands at the top of its merge.
        assert_eq!(crossing, 0, "{line}: characters print over a cell border");
        if parts[0] == "form.pdf" {
            assert_eq!(
                (parts[1], parts[2]),
                ("1191", "842"),
                "the form prints on A3 landscape"
            );
        }
    }
}
