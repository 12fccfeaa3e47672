//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) with calamine: the 分工表 found by its header, not
//! its position (title rows above, an explanation sheet before it, notes after it, blank rows
//! inside), merged 主要事项 cells spread over their rows, every value with its `sheet!cell`.

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto, open_workbook_auto_from_rs};

use super::raw_table::{Column, HeaderMap, RawRow, RawTable, RawTask, RowKind};
use super::text::{numbered_label, parse_task_number, section_heading};
use crate::base::cjk::{excerpt, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};

/// What a workbook gave: its table and what was noticed.
#[derive(Debug, Default)]
pub struct SheetDocument {
    /// The table.
    pub table: Option<RawTable>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the first sheet of `path` that has a 分工表 header. Fatal problems (not a workbook,
/// no table) come back as errors naming the file.
pub fn read(path: &Path, display: &str) -> Result<SheetDocument, Vec<Diagnostic>> {
    let workbook = open(path).map_err(|why| vec![unreadable(display, &why)])?;
    read_workbook(workbook, display)
}

/// The same from bytes in memory (the fuzz target's way in).
pub fn read_bytes(bytes: &[u8], display: &str) -> Result<SheetDocument, Vec<Diagnostic>> {
    let workbook = open_bytes(bytes).map_err(|why| vec![unreadable(display, &why)])?;
    read_workbook(workbook, display)
}

/// An opened workbook of a file.
pub type FileWorkbook = Sheets<std::io::BufReader<std::fs::File>>;
/// An opened workbook in memory.
pub type MemoryWorkbook = Sheets<std::io::Cursor<Vec<u8>>>;

/// Opens any workbook calamine knows; the reason, in Chinese, when it cannot. calamine parses
/// untrusted zip/XML/BIFF: a panic inside it must not take the run down.
pub fn open(path: &Path) -> Result<FileWorkbook, String> {
    match std::panic::catch_unwind(|| open_workbook_auto(path)) {
        Ok(Ok(workbook)) => Ok(workbook),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("文件已损坏".into()),
    }
}

/// [`open`] from bytes.
pub fn open_bytes(bytes: &[u8]) -> Result<MemoryWorkbook, String> {
    let cursor = std::io::Cursor::new(bytes.to_vec());
    match std::panic::catch_unwind(|| open_workbook_auto_from_rs(cursor)) {
        Ok(Ok(workbook)) => Ok(workbook),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("文件已损坏".into()),
    }
}

fn read_workbook<RS: std::io::Read + std::io::Seek>(
    mut workbook: Sheets<RS>,
    display: &str,
) -> Result<SheetDocument, Vec<Diagnostic>> {
    let names = workbook.sheet_names();
    let mut looked = Vec::new();
    for name in &names {
        let range = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            workbook.worksheet_range(name)
        })) {
            Ok(Ok(range)) => range,
            Ok(Err(e)) => return Err(vec![unreadable(display, &format!("工作表「{name}」：{e}"))]),
            Err(_) => {
                return Err(vec![unreadable(
                    display,
                    &format!("工作表「{name}」已损坏"),
                )]);
            }
        };
        looked.push(name.clone());
        let Some(header_row) = find_header(&range) else {
            continue;
        };
        let merges = merged_regions(&mut workbook, name);
        let mut doc = SheetDocument::default();
        doc.table = Some(read_table(
            &range,
            header_row,
            &merges,
            display,
            name,
            &mut doc.diagnostics,
        ));
        return Ok(doc);
    }
    Err(vec![
        Diagnostic::error(
            "input/no-table",
            Location::file(display),
            format!(
                "在工作表「{}」中都找不到任务分工表：需要一行含“序号”“具体内容”“责任单位”（或同义列名）的表头",
                looked.join("」「")
            ),
        )
        .with_hint("列名可为：序号/编号；具体内容/工作任务/重点任务/任务内容；责任单位/牵头单位/配合单位"),
    ])
}

fn unreadable(display: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "input/unreadable",
        Location::file(display),
        format!("无法读取电子表格：{why}"),
    )
    .with_hint("请确认文件确为 Excel（.xlsx/.xls）或 WPS/LibreOffice（.ods）表格，且未损坏")
}

fn merged_regions<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
) -> Vec<calamine::Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The text of a cell: numbers without a trailing `.0`, dates as `YYYY-MM-DD`.
pub(crate) fn text_of(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => crate::base::date::from_excel_serial(dt.as_f64())
            .map(|d| d.to_string())
            .unwrap_or_else(|| dt.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Index (relative to the range) of the first row that reads as a 分工表 header.
fn find_header(range: &Range<Data>) -> Option<usize> {
    range.rows().position(|row| {
        let cells: Vec<String> = row.iter().map(text_of).collect();
        HeaderMap::detect(&cells).is_some()
    })
}

fn read_table(
    range: &Range<Data>,
    header_row: usize,
    merges: &[calamine::Dimensions],
    display: &str,
    sheet: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(text_of).collect())
        .collect();
    let header = HeaderMap::detect(&rows[header_row]).unwrap_or_default();
    // A value merged down a column belongs to every row of the merge (a 主要事项 label over its
    // tasks). A merge across columns (a title or section row) stays in its first cell.
    let mut merged: HashMap<(usize, usize), String> = HashMap::new();
    for m in merges {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let (Some(r), Some(c)) = (
            top.checked_sub(row0 as usize),
            left.checked_sub(col0 as usize),
        ) else {
            continue;
        };
        let Some(value) = rows.get(r).and_then(|row| row.get(c)).cloned() else {
            continue;
        };
        if m.start.1 != m.end.1 {
            continue;
        }
        for rr in m.start.0 + 1..=m.end.0 {
            merged.insert((rr as usize, m.start.1 as usize), value.clone());
        }
    }
    let at = |r: usize, c: Option<usize>| -> String {
        let Some(c) = c else { return String::new() };
        let own = rows
            .get(r)
            .and_then(|row| row.get(c))
            .cloned()
            .unwrap_or_default();
        if !own.is_empty() {
            return own;
        }
        merged
            .get(&(r + row0 as usize, c + col0 as usize))
            .cloned()
            .unwrap_or_default()
    };
    let place =
        |r: usize, c: usize| Location::cell(display, sheet, row0 + r as u32, col0 + c as u32);

    // Title: the first text above the header.
    let title = rows[..header_row]
        .iter()
        .flat_map(|r| r.iter())
        .find(|t| !t.is_empty())
        .map(|t| tidy_spacing(t));
    let mut table = RawTable {
        title,
        origin: Some(place(header_row, 0)),
        repeated_headers: 0,
        rows: Vec::new(),
    };
    let col = |c: Column| header.index(c);
    let no_col = col(Column::No).unwrap_or(0);
    for (r, cells) in rows.iter().enumerate().skip(header_row + 1) {
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if HeaderMap::detect(cells).is_some() {
            table.repeated_headers += 1;
            continue;
        }
        let no_text = at(r, col(Column::No));
        let content = join_lines(&at(r, col(Column::Content)));
        let units = at(r, col(Column::Units));
        let lead = col(Column::Lead).map(|c| at(r, Some(c)));
        let support = col(Column::Support).map(|c| at(r, Some(c)));
        let label = at(r, col(Column::Group));
        if parse_task_number(&no_text).is_some() {
            let content_col = col(Column::Content).unwrap_or(no_col);
            let units_col = col(Column::Units).or(col(Column::Lead)).unwrap_or(no_col);
            table.rows.push(RawRow {
                kind: RowKind::Task(Box::new(RawTask {
                    label: (!label.is_empty()).then_some(label),
                    no: no_text,
                    content,
                    units,
                    lead,
                    support,
                    deadline: col(Column::Deadline)
                        .map(|c| at(r, Some(c)))
                        .filter(|d| !d.is_empty()),
                    content_origin: Some(place(r, content_col)),
                    units_origin: Some(place(r, units_col)),
                })),
                origin: place(r, no_col),
            });
            continue;
        }
        // Not a task: a section row, a label of its own, a note after the table, or junk.
        let first = cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
        let text = cells[first].clone();
        if ["注", "说明", "备注", "附注", "填表说明"]
            .iter()
            .any(|p| text.starts_with(p))
        {
            continue;
        }
        if !no_text.is_empty() {
            diagnostics.push(Diagnostic::warning(
                "table/bad-number",
                place(r, no_col),
                format!("序号「{no_text}」不是数字，此行已忽略"),
            ));
            continue;
        }
        if !content.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "table/unnumbered-row",
                    place(r, no_col),
                    format!(
                        "这一行有具体内容但没有序号，已忽略：「{}」",
                        excerpt(&content)
                    ),
                )
                .with_hint("请补上序号"),
            );
            continue;
        }
        let tidy = tidy_spacing(&text);
        let kind = match section_heading(&tidy) {
            Some((numeral, title)) => RowKind::Section { numeral, title },
            None if numbered_label(&tidy).is_some() || Some(first) == col(Column::Group) => {
                RowKind::Label(text)
            }
            None => {
                diagnostics.push(Diagnostic::warning(
                    "table/stray-line",
                    place(r, first),
                    format!("分工表中有一行无法识别，已忽略：「{}」", excerpt(&text)),
                ));
                continue;
            }
        };
        table.rows.push(RawRow {
            kind,
            origin: place(r, first),
        });
    }
    table
}

/// In-cell line breaks inside a sentence: joined without a space between Chinese characters.
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('\n').enumerate() {
        let part = part.trim();
        if i > 0 && !part.is_empty() {
            let prev_ascii = out
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            let next_ascii = part
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            if prev_ascii && next_ascii {
                out.push(' ');
            }
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_values_read_as_text() {
        assert_eq!(text_of(&Data::Float(12.0)), "12");
        assert_eq!(text_of(&Data::Float(12.5)), "12.5");
        assert_eq!(text_of(&Data::String(" 区教育局 ".into())), "区教育局");
        assert_eq!(join_lines("深化学校\n家庭社会"), "深化学校家庭社会");
        assert_eq!(join_lines("AB\nCD"), "AB CD");
    }
}
