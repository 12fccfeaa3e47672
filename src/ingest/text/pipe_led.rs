//! A 分工表 copied from a web page that opens each cell but a row's first with a bar
//! (`| 目标任务`) and ends each row with a bar alone on its line. The bars tell the rows and
//! cells apart, so a cell may run over lines (a narrow column, text set vertically:
//! `市` / `监` / `察` / `局`). A cell merged down over rows is written in its first row
//! only: the rows under it are short of it, and take it from the row above.

use super::table::{TableLine, parse_task_number, read_table};
use super::{Places, section_heading};
use crate::base::cjk::{excerpt, tidy_spacing};
use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::{Column, HeaderMap, RawTable};

/// A header whose cells each open a line with a bar, closed by a bar alone.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PipeLedHeader {
    /// Index of its first line.
    pub first: usize,
    /// Index of the line after its closing bar.
    pub end: usize,
    /// Its cells, their spacing tidied (`目 标 任 务` → 目标任务).
    pub cells: Vec<String>,
}

/// How many lines a header of this form may take (a dozen columns).
const HEADER_LINES: usize = 14;

/// A line that is a bar and nothing else: where a row ends.
fn is_bar(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().all(|c| matches!(c, '|' | '｜'))
}

/// A line opening a cell: a bar, then the cell's text.
fn opens_cell(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = line.strip_prefix('|').or_else(|| line.strip_prefix('｜'))?;
    (!is_bar(line)).then_some(rest.trim())
}

/// The cells of a row from its lines: a bar opens a cell, any other line goes on with the
/// cell before it (the first line opens the first cell); a cell's lines keep their breaks.
fn cells_of(lines: &[&str]) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        match (opens_cell(line), cells.last_mut()) {
            (Some(text), _) => cells.push(text.to_string()),
            (None, Some(cell)) if !cell.is_empty() => {
                cell.push('\n');
                cell.push_str(line);
            }
            (None, Some(cell)) => cell.push_str(line),
            (None, None) => cells.push(line.to_string()),
        }
    }
    cells
}

/// The first header of `lines` in this form: short lines, at least one opening with a bar,
/// up to a bar alone, whose cells name a 分工表's columns.
pub(super) fn find_header(lines: &[&str]) -> Option<PipeLedHeader> {
    (0..lines.len()).find_map(|first| {
        let line = lines[first].trim();
        if line.is_empty() || is_bar(line) {
            return None;
        }
        let close =
            (first + 1..lines.len().min(first + HEADER_LINES)).find(|&i| is_bar(lines[i]))?;
        let own = &lines[first..close];
        let short = own.iter().all(|l| l.trim().chars().count() <= 20);
        let barred = own.iter().skip(1).any(|l| opens_cell(l).is_some());
        if !short || !barred {
            return None;
        }
        let cells: Vec<String> = cells_of(own).iter().map(|c| tidy_spacing(c)).collect();
        HeaderMap::detect(&cells).map(|_| PipeLedHeader {
            first,
            end: close + 1,
            cells,
        })
    })
}

/// Reads the rows under `header` to the end of `lines`: each up to its closing bar, a row
/// short of cells given the ones merged down from the row above. Lines after the last row
/// with no bar among them are the text under the table.
pub(super) fn read(
    lines: &[&str],
    header: &PipeLedHeader,
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let map = HeaderMap::detect(&header.cells).unwrap_or_default();
    let kinds = super::stacked::kinds_of(&map, header.cells.len());
    let mut body = Vec::new();
    let mut previous: Vec<String> = Vec::new();
    let mut start = header.end;
    while start < lines.len() {
        let close = (start..lines.len()).find(|&i| is_bar(lines[i]));
        let end = close.unwrap_or(lines.len());
        let own = &lines[start..end];
        let Some(at) = own.iter().position(|l| !l.trim().is_empty()) else {
            start = end + 1;
            continue;
        };
        let line_no = (start + at) as u32 + 1;
        if close.is_none() && !own.iter().any(|l| opens_cell(l).is_some()) && !cut_row(own) {
            // No bar after it: the text goes on under the table.
            for (i, line) in own.iter().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                body.push(((start + i) as u32 + 1, TableLine::Stray(line.to_string())));
            }
            break;
        }
        let cells = cells_of(own);
        let cells = match fill_merged(&kinds, &cells, &previous) {
            Filled::Whole => cells,
            Filled::Restored(row, taken) => {
                diagnostics.push(said_restored(
                    &header.cells,
                    &row,
                    &taken,
                    places.at(line_no),
                ));
                row
            }
            Filled::Unplaced => {
                diagnostics.push(unplaced(&header.cells, &cells, places.at(line_no)));
                start = end + 1;
                continue;
            }
        };
        if !map.get(&cells, Column::Content).is_empty() && cells.len() > 1 {
            previous.clone_from(&cells);
        }
        body.push((line_no, TableLine::Row(cells)));
        start = end + 1;
    }
    read_table(
        (header.cells.clone(), header.first as u32 + 1),
        body,
        places,
        diagnostics,
    )
}

/// Lines after the last bar, none opening a cell, that are a row the source was cut in
/// (`|` / `力争全年实施重点项目566个,完成投资1494亿`): one line right under the bar, no
/// heading, no line of a 版记 or of the page. Text under a table stands apart from it.
fn cut_row(lines: &[&str]) -> bool {
    let filled: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let [line] = filled.as_slice() else {
        return false;
    };
    let tidy = tidy_spacing(line);
    !lines[0].trim().is_empty()
        && section_heading(&tidy).is_none()
        && !super::is_page_line(line)
        && !["抄送", "主送", "附件"].iter().any(|w| tidy.starts_with(w))
        && !tidy.ends_with("印发")
}

/// A row's cells, with those merged down over it put back.
#[derive(Debug, PartialEq)]
enum Filled {
    /// As many cells as the header, or a row of one heading: as written.
    Whole,
    /// Short of cells, placed the one way they read: the row and the columns taken from the
    /// row above.
    Restored(Vec<String>, Vec<usize>),
    /// Short of cells that fit the columns no way, or more than one.
    Unplaced,
}

/// Places a row short of cells: its cells in order in the columns where each reads as its
/// column's kind (a task's text, units, a time, a number), the content among them; the
/// others — merged down over it — from `previous`. Placed when one way fits.
fn fill_merged(kinds: &[Option<Column>], cells: &[String], previous: &[String]) -> Filled {
    let width = kinds.len();
    let lone_heading = cells.len() == 1 && section_heading(&tidy_spacing(&cells[0])).is_some();
    if cells.len() >= width || cells.is_empty() || lone_heading {
        return Filled::Whole;
    }
    if width > 12 || previous.is_empty() {
        return Filled::Unplaced;
    }
    let fits: Vec<Vec<usize>> = placements(width, cells.len())
        .into_iter()
        .filter(|at| {
            at.iter().any(|&i| kinds[i] == Some(Column::Content))
                && at
                    .iter()
                    .zip(cells)
                    .all(|(&i, cell)| reads_as(kinds[i], cell))
        })
        .collect();
    let [at] = fits.as_slice() else {
        return Filled::Unplaced;
    };
    // A merged cell's units were read (and their breaks said) in the row above: taken
    // here as read.
    let taken_as_read = |i: usize| {
        let cell = previous.get(i).map_or("", String::as_str);
        match kinds[i] {
            Some(Column::Units | Column::Lead | Column::Support) => {
                crate::ingest::units::rejoin_wrapped_names(cell)
                    .0
                    .into_owned()
            }
            _ => cell.to_string(),
        }
    };
    let mut row: Vec<String> = (0..width).map(taken_as_read).collect();
    for (&i, cell) in at.iter().zip(cells) {
        row[i].clone_from(cell);
    }
    let taken = (0..width).filter(|i| !at.contains(i)).collect();
    Filled::Restored(row, taken)
}

/// Every way to choose `k` of `width` columns, in order.
fn placements(width: usize, k: usize) -> Vec<Vec<usize>> {
    (0u32..1 << width)
        .filter(|mask| mask.count_ones() as usize == k)
        .map(|mask| (0..width).filter(|i| mask & (1 << i) != 0).collect())
        .collect()
}

/// Whether `cell` may stand in a column of `kind`.
fn reads_as(kind: Option<Column>, cell: &str) -> bool {
    let cell = cell.trim();
    let units = crate::ingest::units::is_units_text;
    let time = crate::ingest::deadline::reads_as_time;
    match kind {
        Some(Column::Units | Column::Lead | Column::Support) => units(cell) && !time(cell),
        Some(Column::Deadline) => time(cell),
        Some(Column::No) => parse_task_number(cell).is_some(),
        // A task's text may name a time (力争全年实施重点项目566个): only a short one is
        // a time limit's cell.
        // Nor is a number alone (12 / | where the page stops) or nothing a task's text.
        Some(Column::Content) => {
            let time_limit = time(cell) && cell.chars().count() <= 20;
            !cell.is_empty() && parse_task_number(cell).is_none() && !units(cell) && !time_limit
        }
        Some(Column::Group | Column::Person) | None => true,
    }
}

/// What is said of a row whose merged cells were put back.
fn said_restored(
    header: &[String],
    row: &[String],
    taken: &[usize],
    place: crate::base::diag::Location,
) -> Diagnostic {
    let taken: Vec<String> = taken
        .iter()
        .map(|&i| {
            let value = row[i].trim();
            if value.is_empty() {
                format!("「{}」空缺", header[i])
            } else {
                format!(
                    "「{}」取上一行的「{}」",
                    header[i],
                    excerpt(&tidy_spacing(value))
                )
            }
        })
        .collect();
    Diagnostic::note(
        "table/merged-cell-restored",
        place,
        format!(
            "这一行比表头少格（网页表格的合并单元格只写在第一行）：{}",
            taken.join("，")
        ),
    )
}

/// What is said of a row short of cells that could not be placed: an error, its text quoted.
fn unplaced(header: &[String], cells: &[String], place: crate::base::diag::Location) -> Diagnostic {
    // A row left out is quoted whole.
    let written: Vec<String> = cells.iter().map(|c| tidy_spacing(c)).collect();
    Diagnostic::error(
        "table/short-row",
        place,
        format!(
            "这一行只有 {} 格，表头有 {} 列（{}），看不出各格属于哪一列，此行未读入：「{}」",
            cells.len(),
            header.len(),
            header.join(" / "),
            written.join(" / ")
        ),
    )
    .with_hint("网页表格的合并单元格在复制时会丢失；请把表格粘贴到 Excel 或 WPS 表格核对各列后另存为 .xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUT: &str = "牵头单位\n| 目 标 任 务\n| 责 任 单 位\n|\n市\n监\n察\n局\n| 严肃查处腐败行为\n| 审计局、财政局\n|\n推进法治建设\n| 市直各单位\n|\n";

    #[test]
    fn a_header_of_barred_lines_is_found_with_its_cells_tidied() {
        let lines: Vec<&str> = CUT.lines().collect();
        let header = find_header(&lines).unwrap();
        assert_eq!(header.cells, ["牵头单位", "目标任务", "责任单位"]);
        assert_eq!((header.first, header.end), (0, 4));
    }

    #[test]
    fn a_cell_over_lines_keeps_its_breaks_and_a_bar_opens_the_next() {
        let cells = cells_of(&["市", "监", "| 严肃查处", "腐败行为", "| 审计局"]);
        assert_eq!(cells, ["市\n监", "严肃查处\n腐败行为", "审计局"]);
    }

    #[test]
    fn a_short_row_takes_the_merged_cell_from_the_row_above() {
        let kinds = [
            Some(Column::Lead),
            Some(Column::Content),
            Some(Column::Units),
        ];
        let previous: Vec<String> = ["市监察局", "严肃查处", "审计局"].map(String::from).into();
        let lead_merged = fill_merged(
            &kinds,
            &["推进法治建设".into(), "市直各单位".into()],
            &previous,
        );
        assert_eq!(
            lead_merged,
            Filled::Restored(
                vec![
                    "市监察局".into(),
                    "推进法治建设".into(),
                    "市直各单位".into()
                ],
                vec![0]
            )
        );
        // A row cut where the page stops (12 / |): its number is no task's text.
        let numbered = [Some(Column::No), Some(Column::Content), Some(Column::Units)];
        let cut = fill_merged(&numbered, &["12".into(), String::new()], &previous);
        assert_eq!(cut, Filled::Unplaced);
        let both_merged = fill_merged(&kinds, &["固定资产投资增长20%".into()], &previous);
        assert!(matches!(both_merged, Filled::Restored(_, ref taken) if taken == &[0, 2]));
        // Two cells of text: neither can be the units.
        let unplaced = fill_merged(
            &kinds,
            &["推进法治建设".into(), "优化营商环境".into()],
            &previous,
        );
        assert_eq!(unplaced, Filled::Unplaced);
    }

    #[test]
    fn a_task_naming_a_time_is_still_a_task() {
        let kinds = [
            Some(Column::Lead),
            Some(Column::Content),
            Some(Column::Units),
        ];
        let previous: Vec<String> = ["市发改委", "地区生产总值增长13%", "统计局"]
            .map(String::from)
            .into();
        let cut = fill_merged(
            &kinds,
            &["力争全年实施重点项目566个,完成投资1494亿".into()],
            &previous,
        );
        assert!(matches!(cut, Filled::Restored(_, ref taken) if taken == &[0, 2]));
    }

    #[test]
    fn a_lone_heading_is_no_short_row() {
        let kinds = [
            Some(Column::Lead),
            Some(Column::Content),
            Some(Column::Units),
        ];
        let previous: Vec<String> = ["市监察局", "严肃查处", "审计局"].map(String::from).into();
        assert_eq!(
            fill_merged(&kinds, &["二、民生保障".into()], &previous),
            Filled::Whole
        );
    }
}
