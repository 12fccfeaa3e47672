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
        let at = |r: usize, c: Option<usize>| self.at(r, c);
        let place = |r: usize, c: usize| (self.place)(r, c);
        // Title: the first text above the header.
        let title = rows[..header_row]
            .iter()
            .flat_map(|r| r.iter())
            .find(|t| !t.is_empty())
            .map(|t| tidy_spacing(t));
        diagnostics.extend(header.findings(|c| place(header_row, c)));
        let mut table = RawTable {
            title,
            origin: Some(place(header_row, 0)),
            repeated_headers: 0,
            extra_columns: header.extra.iter().map(|(name, _)| name.clone()).collect(),
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
                        person: col(Column::Person)
                            .map(|c| at(r, Some(c)))
                            .filter(|p| !p.is_empty()),
                        extra: header.extra.iter().map(|(_, c)| at(r, Some(*c))).collect(),
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
            // A section row is one text across the table (merged, or in any one column,
            // the 序号 column too).
            let alone = cells.iter().filter(|c| !c.is_empty()).count() == 1;
            if alone && let Some((numeral, title)) = section_heading(&tidy_spacing(&text)) {
                table.rows.push(RawRow {
                    kind: RowKind::Section { numeral, title },
                    origin: place(r, first),
                });
                continue;
            }
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

    #[test]
    fn line_breaks_inside_a_cell_join_without_a_space_between_chinese() {
        assert_eq!(join_lines("深化学校\n家庭社会"), "深化学校家庭社会");
        assert_eq!(join_lines("AB\nCD"), "AB CD");
    }
}
