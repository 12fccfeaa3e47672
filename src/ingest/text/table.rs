//! The 任务分工表 in a text source: tab-separated or pipe rows under a header row, with
//! section rows and 主要事项 labels.

use super::{Places, is_pipe_rule, section_heading, split_cells, strip_markup};
use crate::base::cjk::{excerpt, tidy_spacing};
use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::{Column, HeaderMap, RawRow, RawTable, RawTask, RowKind};

pub(super) fn parse_table(
    lines: &[&str],
    header_index: usize,
    title: Option<String>,
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let header_cells = split_cells(lines[header_index]).unwrap_or_default();
    let header = HeaderMap::detect(&header_cells).unwrap_or_default();
    let header_place = places.at(header_index as u32 + 1);
    diagnostics.extend(header.findings(|_| header_place.clone()));
    let mut table = RawTable {
        title,
        origin: Some(header_place.clone()),
        repeated_headers: 0,
        extra_columns: header.extra.iter().map(|(name, _)| name.clone()).collect(),
        header: header_cells.iter().map(|c| c.trim().to_string()).collect(),
        left_out: Vec::new(),
        rows: Vec::new(),
    };
    for (index, line) in lines.iter().enumerate().skip(header_index + 1) {
        let line_no = index as u32 + 1;
        let here = places.at(line_no);
        if line.trim().is_empty() {
            continue;
        }
        let Some(cells) = split_cells(line) else {
            let text = tidy_spacing(&strip_markup(line.trim().trim_start_matches('#')));
            let is_title = table.title.as_deref() == Some(text.as_str())
                || text.contains("分工表")
                || text.ends_with("任务表");
            if !is_title {
                diagnostics.push(
                    Diagnostic::warning(
                        "table/stray-line",
                        here,
                        format!("分工表中有一行不是表格行，已忽略：「{}」", excerpt(&text)),
                    )
                    .with_hint("如为表格内容，请用制表符分隔各列"),
                );
            }
            continue;
        };
        if is_pipe_rule(&cells) {
            continue;
        }
        if HeaderMap::detect(&cells).is_some() {
            table.repeated_headers += 1;
            continue;
        }
        let no = header.get(&cells, Column::No);
        let content = header.get(&cells, Column::Content);
        let units = header.get(&cells, Column::Units);
        let label = header.get(&cells, Column::Group);
        let number = parse_task_number(no);
        if let Some(_n) = number {
            let task = RawTask {
                label: (!label.is_empty()).then(|| label.to_string()),
                no: no.to_string(),
                content: crate::ingest::grid::join_lines(content),
                units: units.to_string(),
                lead: header
                    .index(Column::Lead)
                    .map(|_| header.get(&cells, Column::Lead).to_string()),
                support: header
                    .index(Column::Support)
                    .map(|_| header.get(&cells, Column::Support).to_string()),
                deadline: header
                    .index(Column::Deadline)
                    .map(|_| header.get(&cells, Column::Deadline).to_string())
                    .filter(|d| !d.is_empty()),
                person: Some(header.get(&cells, Column::Person).to_string())
                    .filter(|p| !p.is_empty()),
                extra: header.extras(&cells),
                content_origin: None,
                units_origin: None,
            };
            table.rows.push(RawRow {
                kind: RowKind::Task(Box::new(task)),
                origin: here,
            });
            continue;
        }
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        if no.is_empty() && !content.is_empty() {
            // A task row broken across lines by OCR: its tail has no number.
            if let Some(RawRow {
                kind: RowKind::Task(prev),
                ..
            }) = table.rows.last_mut()
            {
                prev.content.push_str(content);
                if !units.is_empty() {
                    prev.units.push_str(units);
                }
                diagnostics.push(Diagnostic::warning(
                    "table/continued-row",
                    here,
                    format!("没有序号的表格行已并入上一项任务（第 {} 项）", prev.no),
                ));
            } else {
                diagnostics.push(Diagnostic::warning(
                    "table/unnumbered-row",
                    here,
                    format!("表格行没有序号，已忽略：「{}」", excerpt(content)),
                ));
            }
            continue;
        }
        if filled.len() == 1 || (!label.is_empty() && content.is_empty() && units.is_empty()) {
            let written = if label.is_empty() {
                filled[0].trim()
            } else {
                label
            };
            let kind = match section_heading(&tidy_spacing(written)) {
                Some((numeral, title)) => RowKind::Section { numeral, title },
                None => RowKind::Label(written.to_string()),
            };
            table.rows.push(RawRow { kind, origin: here });
            continue;
        }
        if filled.is_empty() {
            continue;
        }
        diagnostics.push(Diagnostic::warning(
            "table/bad-number",
            here,
            format!("序号「{no}」不是数字，此行已忽略"),
        ));
    }
    table
}

/// `12`, `12.`, `12、`, `（12）` → 12.
pub fn parse_task_number(text: &str) -> Option<u32> {
    let digits = text
        .trim()
        .trim_matches(['(', ')', '（', '）', '.', '．', '、', ' '])
        .trim();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
