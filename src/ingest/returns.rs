//! Returned forms (反馈表): the unit-sheet XLSX a unit filled in and sent back, read with
//! calamine. The form is recognised by its hidden `_fengong` sheet (unit, plan, task numbers
//! and hashes), never by its file name; the columns are found by their headers, so a form
//! re-saved by WPS or LibreOffice, or one with a column moved, still reads.
//!
//! Reading only looks at the file. Whether the unit and tasks belong to the current plan is
//! the evaluation's business.

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Range, Reader, Sheets};

use super::xlsx::text_of;
use crate::cjk::{excerpt, tidy_spacing};
use crate::diag::{Diagnostic, Location};
use crate::model::{ReturnForm, ReturnRow, Status};
use crate::render::xlsx::KEY_SHEET;
use crate::view::content_hash;

/// The form versions this reader understands (the key sheet's `form` value).
pub const FORM_VERSIONS: &[&str] = &["fengong-return-1"];

/// A form read: what it says, and what was wrong with it (warnings; the form is kept).
#[derive(Debug, Clone)]
pub struct ReadForm {
    /// The form.
    pub form: ReturnForm,
    /// Problems of single cells or rows.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the returned form at `path`. A file that is not a readable fengong form comes back as
/// `Err` with the reasons; a broken file never panics.
pub fn read(path: &Path, display: &str) -> Result<ReadForm, Vec<Diagnostic>> {
    let workbook = super::xlsx::open(path).map_err(|why| vec![unreadable(display, &why)])?;
    read_workbook(workbook, display)
}

/// The same from bytes in memory (fuzzing, benchmarks).
pub fn read_bytes(bytes: &[u8], display: &str) -> Result<ReadForm, Vec<Diagnostic>> {
    let workbook = super::xlsx::open_bytes(bytes).map_err(|why| vec![unreadable(display, &why)])?;
    read_workbook(workbook, display)
}

fn unreadable(display: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "return/unreadable",
        Location::file(display),
        format!("无法读取反馈表：{why}"),
    )
    .with_hint("请确认文件是 Excel（.xlsx/.xls）表格且未损坏；必要时请该单位重新报送")
}

fn rejected(display: &str, code: &str, message: String) -> Vec<Diagnostic> {
    vec![
        Diagnostic::error(code, Location::file(display), message).with_hint(
            "请使用 fengong 下发的任务单（任务单/单位名称.xlsx）填报，不要另建表格或删除隐藏工作表",
        ),
    ]
}

fn sheet<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    display: &str,
) -> Result<Range<Data>, Vec<Diagnostic>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        workbook.worksheet_range(name)
    })) {
        Ok(Ok(range)) => Ok(range),
        Ok(Err(e)) => Err(vec![unreadable(display, &format!("工作表「{name}」：{e}"))]),
        Err(_) => Err(vec![unreadable(
            display,
            &format!("工作表「{name}」已损坏"),
        )]),
    }
}

/// A cell by absolute (row, column), as text.
fn cell(range: &Range<Data>, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(text_of).unwrap_or_default()
}

/// One task as the key sheet lists it.
struct KeyTask {
    hash: String,
}

fn read_workbook<RS: std::io::Read + std::io::Seek>(
    mut workbook: Sheets<RS>,
    display: &str,
) -> Result<ReadForm, Vec<Diagnostic>> {
    let names = workbook.sheet_names();
    if !names.iter().any(|n| n == KEY_SHEET) {
        return Err(rejected(
            display,
            "return/not-a-form",
            format!(
                "不是 fengong 下发的反馈表：缺少隐藏工作表「{KEY_SHEET}」，无法确认报送单位和任务"
            ),
        ));
    }
    let key = sheet(&mut workbook, KEY_SHEET, display)?;
    let mut pairs: HashMap<String, String> = HashMap::new();
    for row in 0..4u32 {
        let k = cell(&key, row, 0);
        if !k.is_empty() {
            pairs.insert(k, cell(&key, row, 1));
        }
    }
    let version = pairs.get("form").cloned().unwrap_or_default();
    if !FORM_VERSIONS.contains(&version.as_str()) {
        return Err(rejected(
            display,
            "return/form-version",
            format!(
                "反馈表版本「{version}」无法识别（隐藏工作表「{KEY_SHEET}」已被改动，或来自其他程序）"
            ),
        ));
    }
    let unit = tidy_spacing(pairs.get("unit").map(String::as_str).unwrap_or(""));
    if unit.is_empty() {
        return Err(rejected(
            display,
            "return/no-unit",
            format!("隐藏工作表「{KEY_SHEET}」中没有填报单位"),
        ));
    }
    let plan_id = pairs.get("plan").cloned().unwrap_or_default();
    let sample = pairs.get("sample").is_some_and(|v| v == "示例");
    let mut keyed: Vec<(u32, KeyTask)> = Vec::new();
    let (key_end, _) = key.end().unwrap_or((0, 0));
    for row in 5..=key_end {
        let no = cell(&key, row, 0);
        let Ok(no) = no.parse::<u32>() else {
            if no.is_empty() {
                continue;
            }
            return Err(rejected(
                display,
                "return/key-damaged",
                format!(
                    "隐藏工作表「{KEY_SHEET}」第 {} 行的任务序号「{}」无效",
                    row + 1,
                    excerpt(&no)
                ),
            ));
        };
        keyed.push((
            no,
            KeyTask {
                hash: cell(&key, row, 1),
            },
        ));
    }

    let Some(form_name) = names
        .iter()
        .find(|n| n.as_str() == "任务清单")
        .or_else(|| names.iter().find(|n| n.as_str() != KEY_SHEET))
        .cloned()
    else {
        return Err(rejected(
            display,
            "return/no-sheet",
            "反馈表中没有任务清单工作表".into(),
        ));
    };
    let form = sheet(&mut workbook, &form_name, display)?;
    let at = |row: u32, col: u32| Location::cell(display, &form_name, row, col);
    let Some((header_row, columns)) = find_header(&form) else {
        return Err(rejected(
            display,
            "return/no-header",
            format!("工作表「{form_name}」中找不到表头（需含“序号”和“完成状态”两列）"),
        ));
    };

    let mut diagnostics = Vec::new();
    let filled_on = read_date(&form, header_row, display, &form_name, &mut diagnostics);
    let (last_row, last_col) = form.end().unwrap_or((0, 0));
    let key_index: HashMap<u32, &KeyTask> = keyed.iter().map(|(n, k)| (*n, k)).collect();
    let mut rows: Vec<ReturnRow> = Vec::new();
    for row in header_row + 1..=last_row {
        let no_text = cell(&form, row, columns.no);
        if no_text.is_empty() {
            continue;
        }
        let Ok(no) = no_text.trim().parse::<u32>() else {
            diagnostics.push(Diagnostic::warning(
                "return/bad-number",
                at(row, columns.no),
                format!("序号「{}」不是任务序号，该行未读取", excerpt(&no_text)),
            ));
            continue;
        };
        let Some(issued) = key_index.get(&no) else {
            diagnostics.push(
                Diagnostic::warning(
                    "return/unknown-task",
                    at(row, columns.no),
                    format!("第 {no} 项任务不在下发给本单位的任务清单中，该行未读取"),
                )
                .with_hint("请勿自行增加任务行；确需增加的任务请另行报告"),
            );
            continue;
        };
        if rows.iter().any(|r| r.task == no) {
            diagnostics.push(Diagnostic::warning(
                "return/duplicate-row",
                at(row, columns.no),
                format!("第 {no} 项任务出现了两行，只读取第一行"),
            ));
            continue;
        }
        let text = |col: Option<u32>| {
            col.filter(|c| *c <= last_col)
                .map(|c| cell(&form, row, c))
                .unwrap_or_default()
        };
        let content = text(columns.content);
        let text_intact = content_hash(&tidy_spacing(&content)) == issued.hash;
        if !text_intact {
            diagnostics.push(
                Diagnostic::warning(
                    "return/text-edited",
                    at(row, columns.content.unwrap_or(columns.no)),
                    format!(
                        "第 {no} 项任务的任务内容被改动过（现为「{}」）；反馈照收，评估仍按方案原文",
                        excerpt(&content)
                    ),
                )
                .with_hint("任务内容不可修改；如对任务有异议，请另行书面说明"),
            );
        }
        let status_text = text(columns.status);
        let status = if status_text.is_empty() {
            None
        } else {
            let parsed = Status::parse(&status_text);
            if parsed.is_none() {
                diagnostics.push(Diagnostic::warning(
                    "return/bad-status",
                    at(row, columns.status.unwrap_or(columns.no)),
                    format!(
                        "第 {no} 项任务的完成状态「{}」不是可选项（已完成、序时推进、滞后、未启动），按未填写计",
                        excerpt(&status_text)
                    ),
                ));
            }
            parsed
        };
        let progress_text = text(columns.progress);
        let progress = if progress_text.is_empty() {
            None
        } else {
            match parse_percent(&progress_text) {
                Some(p) if (0.0..=100.0).contains(&p) => Some(p),
                Some(p) => {
                    diagnostics.push(Diagnostic::warning(
                        "return/bad-progress",
                        at(row, columns.progress.unwrap_or(columns.no)),
                        format!("第 {no} 项任务的完成进度 {p}% 超出 0—100，按未填写计"),
                    ));
                    None
                }
                None => {
                    diagnostics.push(Diagnostic::warning(
                        "return/not-a-number",
                        at(row, columns.progress.unwrap_or(columns.no)),
                        format!(
                            "第 {no} 项任务的完成进度「{}」不是数字（应填 0—100 的整数），按未填写计",
                            excerpt(&progress_text)
                        ),
                    ));
                    None
                }
            }
        };
        rows.push(ReturnRow {
            task: no,
            status,
            progress,
            progress_text: text(columns.narrative),
            target_value: text(columns.target_value),
            problems: text(columns.problems),
            evidence: split_list(&text(columns.evidence)),
            contact: text(columns.contact),
            phone: text(columns.phone),
            text_intact,
            issued_hash: issued.hash.clone(),
            origin: at(row, columns.no),
        });
    }
    for (no, _) in &keyed {
        if !rows.iter().any(|r| r.task == *no) {
            diagnostics.push(Diagnostic::warning(
                "return/row-missing",
                Location::file(display),
                format!("下发的第 {no} 项任务在反馈表中找不到（该行被删除或序号被改动）"),
            ));
        }
    }
    for row in &rows {
        if let (Some(Status::Completed), Some(p)) = (row.status, row.progress)
            && p < 100.0
        {
            diagnostics.push(Diagnostic::warning(
                "return/status-progress",
                row.origin.clone(),
                format!(
                    "第 {} 项任务报“已完成”，完成进度却为 {p}%，请核实",
                    row.task
                ),
            ));
        }
    }
    Ok(ReadForm {
        form: ReturnForm {
            file: display.to_string(),
            unit,
            plan_id,
            sample,
            filled_on,
            rows,
        },
        diagnostics,
    })
}

/// Absolute column numbers of the form's columns, found by header text.
struct Columns {
    no: u32,
    content: Option<u32>,
    status: Option<u32>,
    progress: Option<u32>,
    narrative: Option<u32>,
    target_value: Option<u32>,
    problems: Option<u32>,
    evidence: Option<u32>,
    contact: Option<u32>,
    phone: Option<u32>,
}

fn find_header(range: &Range<Data>) -> Option<(u32, Columns)> {
    let (start_row, start_col) = range.start()?;
    for (i, row) in range.rows().enumerate() {
        let names: Vec<String> = row
            .iter()
            .map(|d| text_of(d).chars().filter(|c| !c.is_whitespace()).collect())
            .collect();
        let find = |pred: &dyn Fn(&str) -> bool| {
            names
                .iter()
                .position(|n| pred(n))
                .map(|p| p as u32 + start_col)
        };
        let no = find(&|n| n == "序号");
        let status = find(&|n| n == "完成状态" || n == "进展状态");
        if let (Some(no), Some(status)) = (no, status) {
            return Some((
                start_row + i as u32,
                Columns {
                    no,
                    content: find(&|n| n == "任务内容" || n == "具体内容"),
                    status: Some(status),
                    progress: find(&|n| n.starts_with("完成进度")),
                    narrative: find(&|n| n.starts_with("进展情况")),
                    target_value: find(&|n| n.starts_with("量化目标完成")),
                    problems: find(&|n| n.starts_with("存在问题")),
                    evidence: find(&|n| n.starts_with("佐证材料")),
                    contact: find(&|n| n == "联系人"),
                    phone: find(&|n| n.starts_with("联系电话")),
                },
            ));
        }
    }
    None
}

/// The 填报日期 above the header: the cell after the label, or text after the label's "：".
fn read_date(
    form: &Range<Data>,
    header_row: u32,
    display: &str,
    sheet_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let (start_row, start_col) = form.start()?;
    let (_, end_col) = form.end()?;
    for row in start_row..header_row {
        for col in start_col..=end_col {
            let label = cell(form, row, col);
            if !label.starts_with("填报日期") {
                continue;
            }
            let inline = label
                .trim_start_matches("填报日期")
                .trim_start_matches(['：', ':'])
                .trim()
                .to_string();
            let (value, at_col) = if inline.is_empty() {
                match (col + 1..=end_col)
                    .map(|c| (form.get_value((row, c)), c))
                    .find(|(d, _)| d.is_some_and(|d| !matches!(d, Data::Empty)))
                {
                    Some((Some(d), c)) => (d.clone(), c),
                    _ => return None,
                }
            } else {
                (Data::String(inline), col)
            };
            let parsed = match &value {
                Data::Float(_) | Data::Int(_) | Data::DateTime(_) => {
                    let serial = match &value {
                        Data::Float(f) => *f,
                        Data::Int(i) => *i as f64,
                        Data::DateTime(dt) => dt.as_f64(),
                        _ => 0.0,
                    };
                    (20_000.0..80_000.0)
                        .contains(&serial)
                        .then(|| super::xlsx::serial_date(serial))
                }
                other => parse_date(&text_of(other)),
            };
            if parsed.is_none() {
                diagnostics.push(Diagnostic::warning(
                    "return/bad-date",
                    Location::cell(display, sheet_name, row, at_col),
                    format!("填报日期「{}」无法识别", excerpt(&text_of(&value))),
                ));
            }
            return parsed;
        }
    }
    None
}

/// `2025-07-10`, `2025/7/10`, `2025.7.10`, `2025年7月10日` → `2025-07-10`.
pub fn parse_date(text: &str) -> Option<String> {
    let digits: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    let [y, m, d] = digits.as_slice() else {
        return None;
    };
    let iso = format!("{y:04}-{m:02}-{d:02}");
    crate::config::is_iso_date(&iso).then_some(iso)
}

/// A percentage as written: `80`, `80%`, `８０％`, `0.8` stays 0.8 (the form asks for 0–100).
pub fn parse_percent(text: &str) -> Option<f64> {
    let ascii = crate::cjk::ascii_digits(text.trim());
    let number = ascii.trim_end_matches('%').trim();
    number.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// 佐证材料 as a list: one item per line or per ；/;.
fn split_list(text: &str) -> Vec<String> {
    text.split(['\n', '；', ';'])
        .map(|s| {
            s.trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '、')
                .trim()
        })
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_ways_people_write_them() {
        assert_eq!(parse_date("2025-07-10").as_deref(), Some("2025-07-10"));
        assert_eq!(parse_date("2025/7/1").as_deref(), Some("2025-07-01"));
        assert_eq!(parse_date("2025年7月10日").as_deref(), Some("2025-07-10"));
        assert_eq!(parse_date("2025年13月10日"), None);
        assert_eq!(parse_date("七月十日"), None);
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent("80"), Some(80.0));
        assert_eq!(parse_percent("80%"), Some(80.0));
        assert_eq!(parse_percent("８０％"), Some(80.0));
        assert_eq!(parse_percent("120"), Some(120.0));
        assert_eq!(parse_percent("八成"), None);
        assert_eq!(parse_percent("NaN"), None);
    }

    #[test]
    fn evidence_lists() {
        assert_eq!(
            split_list("1. 工作方案\n2. 现场照片；会议纪要"),
            ["工作方案", "现场照片", "会议纪要"]
        );
    }

    #[test]
    fn garbage_is_rejected_not_a_panic() {
        let err = read_bytes(b"PK\x03\x04 not really", "x.xlsx").unwrap_err();
        assert!(err[0].message.contains("无法读取反馈表"), "{err:?}");
    }
}
