//! A table as a grid of text cells, from any format that has real tables (spreadsheets,
//! Word): the 分工表 found by its header row, merged cells resolved, every row turned into a
//! [`RawRow`] with the place of its cells.

use std::collections::HashMap;

use super::raw_table::{Column, HeaderMap, RawRow, RawTable, RawTask, RowKind};
use super::text::{numbered_label, parse_task_number, section_heading};
use crate::base::cjk::{excerpt, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};

/// A table of text cells and where each one is.
pub struct Grid<'a> {
    /// Cell texts, row by row. A cell merged across columns keeps its text in its first
    /// column.
    pub rows: Vec<Vec<String>>,
    /// Cells covered by a merge down a column, with the merge's text: a 主要事项 label
    /// belongs to every row it spans.
    pub merged_down: HashMap<(usize, usize), String>,
    /// The place of the cell at (row, column) of `rows`.
    pub place: Box<dyn Fn(usize, usize) -> Location + 'a>,
}

impl Grid<'_> {
    /// The first row that reads as a 分工表 header.
    pub fn header_row(&self) -> Option<usize> {
        self.rows
            .iter()
            .position(|row| HeaderMap::detect(row).is_some())
    }

    /// The text of (row, column), or the merge's that covers it.
    fn at(&self, r: usize, c: Option<usize>) -> String {
        let Some(c) = c else { return String::new() };
        let own = self
            .rows
            .get(r)
            .and_then(|row| row.get(c))
            .cloned()
            .unwrap_or_default();
        if !own.is_empty() {
            return own;
        }
        self.merged_down.get(&(r, c)).cloned().unwrap_or_default()
    }

    /// The rows under the header at `header_row` as a [`RawTable`]; rows that are neither a
    /// task, a section nor a label are reported.
    pub fn table(&self, header_row: usize, diagnostics: &mut Vec<Diagnostic>) -> RawTable {
        let rows = &self.rows;
        let header = HeaderMap::detect(&rows[header_row]).unwrap_or_default();
        // Title: the first text above the header.
        let title = rows[..header_row]
            .iter()
            .flat_map(|r| r.iter())
            .find(|t| !t.is_empty())
            .map(|t| tidy_spacing(t));
        diagnostics.extend(header.findings(|c| (self.place)(header_row, c)));
        let mut table = RawTable {
            title,
            origin: Some((self.place)(header_row, 0)),
            repeated_headers: 0,
            extra_columns: header.extra.iter().map(|(name, _)| name.clone()).collect(),
            header: rows[header_row]
                .iter()
                .map(|c| c.trim().to_string())
                .collect(),
            left_out: Vec::new(),
            rows: Vec::new(),
        };
        for (r, cells) in rows.iter().enumerate().skip(header_row + 1) {
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            if HeaderMap::detect(cells).is_some() {
                table.repeated_headers += 1;
                continue;
            }
            let row = match self.task_row(r, &header) {
                Some(task) => Some(task),
                None => self.other_row(r, &header, diagnostics),
            };
            table.rows.extend(row);
        }
        table
    }

    /// Row `r` as a task, when its 序号 is a number.
    fn task_row(&self, r: usize, header: &HeaderMap) -> Option<RawRow> {
        let col = |c: Column| header.index(c);
        let at = |c: Option<usize>| self.at(r, c);
        let no = at(col(Column::No));
        parse_task_number(&no)?;
        let no_col = col(Column::No).unwrap_or(0);
        let content_col = col(Column::Content).unwrap_or(no_col);
        let units_col = col(Column::Units).or(col(Column::Lead)).unwrap_or(no_col);
        let label = at(col(Column::Group));
        let filled = |c: Column| col(c).map(|c| at(Some(c))).filter(|v| !v.is_empty());
        let task = RawTask {
            label: (!label.is_empty()).then_some(label),
            no,
            content: join_lines(&at(col(Column::Content))),
            units: at(col(Column::Units)),
            lead: col(Column::Lead).map(|c| at(Some(c))),
            support: col(Column::Support).map(|c| at(Some(c))),
            deadline: filled(Column::Deadline),
            person: filled(Column::Person),
            extra: header.extra.iter().map(|(_, c)| at(Some(*c))).collect(),
            content_origin: Some((self.place)(r, content_col)),
            units_origin: Some((self.place)(r, units_col)),
        };
        Some(RawRow {
            kind: RowKind::Task(Box::new(task)),
            origin: (self.place)(r, no_col),
        })
    }

    /// Row `r` when it is not a task: a section row, a label of its own, a note under the
    /// table, or a row that reads as nothing — each of the last two reported, never dropped
    /// without a word.
    fn other_row(
        &self,
        r: usize,
        header: &HeaderMap,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<RawRow> {
        let cells = &self.rows[r];
        let col = |c: Column| header.index(c);
        let no_col = col(Column::No).unwrap_or(0);
        let first = cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
        let text = cells[first].clone();
        let tidy = tidy_spacing(&text);
        let place = (self.place)(r, first);
        // A section row is one text across the table (merged, or in any one column, the 序号
        // column too).
        let alone = cells.iter().filter(|c| !c.is_empty()).count() == 1;
        if alone && let Some((numeral, title)) = section_heading(&tidy) {
            return Some(RawRow {
                kind: RowKind::Section { numeral, title },
                origin: place,
            });
        }
        // A group row the same way: （一）… alone on its row (merged across, as Excel ledgers
        // write it).
        if alone && numbered_label(&tidy).is_some() {
            return Some(RawRow {
                kind: RowKind::Label(text),
                origin: place,
            });
        }
        let no = self.at(r, col(Column::No));
        let content = self.at(r, col(Column::Content));
        let note = ["注", "说明", "备注", "附注", "填表说明"];
        let finding = if note.iter().any(|p| text.starts_with(p)) {
            Diagnostic::note(
                "table/note-row",
                place,
                format!("表中的说明行未作为任务读入：「{}」", excerpt(&text)),
            )
        } else if !no.is_empty() {
            Diagnostic::warning(
                "table/bad-number",
                (self.place)(r, no_col),
                format!("序号「{no}」不是数字，此行已忽略"),
            )
        } else if !content.is_empty() {
            Diagnostic::warning(
                "table/unnumbered-row",
                (self.place)(r, no_col),
                format!(
                    "这一行有具体内容但没有序号，已忽略：「{}」",
                    excerpt(&content)
                ),
            )
            .with_hint("请补上序号")
        } else if let Some((numeral, title)) = section_heading(&tidy) {
            return Some(RawRow {
                kind: RowKind::Section { numeral, title },
                origin: place,
            });
        } else if numbered_label(&tidy).is_some() || Some(first) == col(Column::Group) {
            return Some(RawRow {
                kind: RowKind::Label(text),
                origin: place,
            });
        } else {
            Diagnostic::warning(
                "table/stray-line",
                place,
                format!("分工表中有一行无法识别，已忽略：「{}」", excerpt(&text)),
            )
        };
        diagnostics.push(finding);
        None
    }
}

/// In-cell line breaks inside a sentence: joined without a space between Chinese characters.
pub(crate) fn join_lines(text: &str) -> String {
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

    fn grid(rows: &[&[&str]]) -> Grid<'static> {
        Grid {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            merged_down: HashMap::new(),
            place: Box::new(|r, c| Location::cell("t.xlsx", "表", r as u32, c as u32)),
        }
    }

    #[test]
    fn rows_that_are_not_tasks_are_read_or_reported_never_dropped() {
        let g = grid(&[
            &["序号", "工作任务", "责任单位"],
            &["一、民生保障", "", ""],
            &["（一）改善出行", "", ""],
            &["1", "做好甲事。", "区教育局"],
            &["注：本表由区发改委汇总。", "", ""],
            &["第二", "做好乙事。", "区体育局"],
            &["", "做好丙事。", "区民政局"],
            &["", "", "区财政局"],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        assert_eq!(table.rows.len(), 3, "the section, the group and task 1");
        assert!(matches!(&table.rows[1].kind, RowKind::Label(l) if l == "（一）改善出行"));
        let codes: Vec<(&str, String)> = found
            .iter()
            .map(|d| (d.code.as_str(), d.location.to_string()))
            .collect();
        assert_eq!(
            codes,
            [
                ("table/note-row", "t.xlsx#表!A5".to_string()),
                ("table/bad-number", "t.xlsx#表!A6".to_string()),
                ("table/unnumbered-row", "t.xlsx#表!A7".to_string()),
                ("table/stray-line", "t.xlsx#表!C8".to_string()),
            ]
        );
    }

    #[test]
    fn line_breaks_inside_a_cell_join_without_a_space_between_chinese() {
        assert_eq!(join_lines("深化学校\n家庭社会"), "深化学校家庭社会");
        assert_eq!(join_lines("AB\nCD"), "AB CD");
    }
}
