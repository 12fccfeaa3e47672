//! A table as a grid of text cells, from any format that has real tables (spreadsheets,
//! Word): the 分工表 found by its header row, merged cells resolved, every row turned into a
//! [`RawRow`] with the place of its cells.

use std::collections::HashMap;

use super::raw_table::{Column, HeaderMap, RawRow, RawTable, RawTask, RowKind, opening_number};
use super::text::{is_written_task_number, numbered_label, parse_task_number, section_heading};
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
    /// Whether a line break inside a cell is its writer's paragraph (Word's), not a line a
    /// sentence may be broken at (a spreadsheet's Alt+Enter).
    pub paragraphs: bool,
}

/// A 分工表 header, written on one row or two (责任单位 over 主要责任单位 | 协同配合单位).
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Which column holds what, read from the finest name each column has.
    pub map: HeaderMap,
    /// Each column's header as written, the rows' texts joined by a line break.
    pub written: Vec<String>,
    /// Each column's name as the published table prints it: as written, but under a
    /// header merged across several columns (责任单位 over 主要责任单位 | 协同配合单位) the
    /// column's own name alone — the merged one is the group's, not the first column's.
    pub printed: Vec<String>,
    /// How many rows it takes.
    pub rows: usize,
    /// Names the upper row merges over several columns, printed no more.
    pub merged: Vec<MergedName>,
}

/// A name a two-row header merges over several columns (责任分工 over 牵头单位 | 责任单位).
#[derive(Debug, Clone, PartialEq)]
pub struct MergedName {
    /// The column it starts at.
    pub at: usize,
    /// The name.
    pub name: String,
    /// The names of the columns under it.
    pub columns: Vec<String>,
}

/// The first row of `rows` where a 分工表 header starts.
pub fn find_header(rows: &[Vec<String>]) -> Option<usize> {
    (0..rows.len()).find(|r| header_at(rows, *r).is_some())
}

/// The header starting at row `r`: the row alone, or with the row under it when that row
/// names columns more finely (a merged 责任单位 over 牵头单位 | 配合单位; then a column the
/// upper row leaves blank under a merge is named by the lower).
pub fn header_at(rows: &[Vec<String>], r: usize) -> Option<Header> {
    let top = rows.get(r)?;
    let text = |row: &Vec<String>, c: usize| row.get(c).map_or("", |s| s.trim()).to_string();
    if let Some(sub) = rows.get(r + 1).filter(|sub| names_columns_under(top, sub)) {
        let width = top.len().max(sub.len());
        let names: Vec<String> = (0..width)
            .map(|c| {
                let (upper, lower) = (text(top, c), text(sub, c));
                if lower.is_empty() { upper } else { lower }
            })
            .collect();
        if let Some(map) = HeaderMap::detect(&names) {
            let written: Vec<String> = (0..width)
                .map(|c| {
                    let (upper, lower) = (text(top, c), text(sub, c));
                    match (upper.is_empty(), lower.is_empty() || lower == upper) {
                        (_, true) => upper,
                        (true, false) => lower,
                        (false, false) => format!("{upper}\n{lower}"),
                    }
                })
                .collect();
            // The upper cell spans the columns right of it that it leaves blank.
            let spans = |c: usize| text(top, c + 1).is_empty() && !text(sub, c + 1).is_empty();
            // The name merged over a column, for each column under a merge.
            let over: Vec<String> = (0..width)
                .scan(String::new(), |over, c| {
                    let upper = text(top, c);
                    if !upper.is_empty() {
                        *over = upper;
                    } else if text(sub, c).is_empty() {
                        over.clear();
                    }
                    Some(over.clone())
                })
                .collect();
            let period =
                |name: &str| crate::ingest::deadline::period_end(name, Some(2000)).is_some();
            let printed = (0..width)
                .map(|c| {
                    let (upper, lower) = (text(top, c), text(sub, c));
                    let merged = !lower.is_empty()
                        && (spans(c) || (upper.is_empty() && !over[c].is_empty()));
                    match () {
                        // A period over what is planned and done in it (第二季度 over 工作任务安排 |
                        // 完成情况): both words name the column.
                        _ if merged && period(&over[c]) && !period(&lower) => {
                            format!("{}{lower}", over[c])
                        }
                        _ if !upper.is_empty() && !lower.is_empty() && spans(c) => lower,
                        _ => written[c].clone(),
                    }
                })
                .collect();
            let merged = (0..width)
                .filter(|&c| !text(top, c).is_empty() && !text(sub, c).is_empty() && spans(c))
                .map(|c| MergedName {
                    at: c,
                    name: text(top, c),
                    columns: std::iter::once(c)
                        .chain((c + 1..width).take_while(|&k| spans(k - 1)))
                        .map(|k| text(sub, k))
                        .collect(),
                })
                .collect();
            return Some(Header {
                map,
                written,
                printed,
                rows: 2,
                merged,
            });
        }
    }
    let names = spanned_names(top, &rows[r + 1..]);
    let map = HeaderMap::detect(&names)?;
    let written: Vec<String> = top.iter().map(|c| c.trim().to_string()).collect();
    Some(Header {
        map,
        printed: written.clone(),
        written,
        rows: 1,
        merged: Vec::new(),
    })
}

/// Names merged over several columns of a two-row header (责任分工 over 牵头单位 | 责任单位,
/// 阶段目标 over 6月底前 | 12月底前): bands the published table prints over the columns
/// they span. A period over what is planned and done in it (第二季度 over 工作任务安排 |
/// 完成情况) is no band: each column's name is printed with it.
fn header_bands(merged: &[MergedName], header: &HeaderMap) -> Vec<crate::model::HeaderBand> {
    merged
        .iter()
        .filter(|m| crate::ingest::deadline::period_end(&m.name, Some(2000)).is_none())
        .filter_map(|m| {
            let columns = (m.at..m.at + m.columns.len())
                .map(|c| header.column_at(c))
                .collect::<Option<Vec<_>>>()?;
            Some(crate::model::HeaderBand {
                name: m.name.clone(),
                columns,
            })
        })
        .collect()
}

/// Merged names the published table cannot print over their columns (one over a column it
/// does not read): said at their cells, with the columns they span.
fn merged_names_said(
    merged: &[MergedName],
    bands: &[crate::model::HeaderBand],
    place: impl Fn(usize) -> Location,
) -> Vec<Diagnostic> {
    merged
        .iter()
        .filter(|m| crate::ingest::deadline::period_end(&m.name, Some(2000)).is_none())
        .filter(|m| !bands.iter().any(|b| b.name == m.name))
        .map(|m| merged_name_said(m, place(m.at)))
        .collect()
}

/// Says that the name `merged` is not printed over its columns.
fn merged_name_said(merged: &MergedName, at: Location) -> Diagnostic {
    Diagnostic::note(
        "table/merged-header",
        at,
        format!(
            "表头「{}」合并在「{}」之上：发布的任务分工表只印各列自己的列名",
            merged.name,
            merged.columns.join("」「")
        ),
    )
}

/// The header's names, a content header merged across columns (项 目 over 类别 | 指标) giving
/// its name to each blank header cell it spans that has cells below: the columns are then
/// read as a content column beside another, the left one grouping the right.
fn spanned_names(top: &[String], below: &[Vec<String>]) -> Vec<String> {
    let mut names: Vec<String> = top.iter().map(|c| c.trim().to_string()).collect();
    for c in 1..names.len() {
        let spanned = names[c].is_empty()
            && matches!(
                Column::from_header(&names[c - 1]),
                Some(Column::Content | Column::Group)
            )
            && below
                .iter()
                .any(|row| row.get(c).is_some_and(|s| !s.trim().is_empty()));
        if spanned {
            names[c] = names[c - 1].clone();
        }
    }
    names
}

/// Whether `sub` is a second header row under `top`: `top` is a header row (it names the
/// 序号 column), every cell `sub` fills is a short column name or a period (or repeats the
/// name above it, as a merge copied down does), and at least one names something the row
/// above does not.
fn names_columns_under(top: &[String], sub: &[String]) -> bool {
    if !top
        .iter()
        .any(|c| Column::from_header(c) == Some(Column::No))
    {
        return false;
    }
    let filled: Vec<(usize, &str)> = sub
        .iter()
        .enumerate()
        .map(|(c, s)| (c, s.trim()))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let above = |c: usize| top.get(c).map_or("", |t| t.trim());
    // A period (一季度 … 四季度 under a merged 时间节点) names a column of a schedule; a
    // report's column (完成情况 under a merged 第二季度) one of its own.
    let is_name = |s: &str| {
        s.chars().count() <= 10
            && (Column::from_header(s).is_some()
                || Column::is_report_or_remark(s)
                || crate::ingest::deadline::period_end(s, Some(2000)).is_some())
            && section_heading(s).is_none()
            && numbered_label(s).is_none()
    };
    // A finer name stands under a name merged over it (or its blank span): under a column
    // named and not merged (序号, 工作任务 beside 牵头单位) it is a row's cell (二季度, （本
    // 季度无到期任务）), no name.
    let under_merge = |c: usize| above(c).is_empty() || above(c + 1).is_empty();
    !filled.is_empty()
        && filled
            .iter()
            .all(|(c, s)| above(*c) == *s || (is_name(s) && under_merge(*c)))
        && filled.iter().any(|(c, s)| above(*c) != *s)
}

/// A cell's text with what OCR misreads in it read as meant: letters in a figure,
/// a heading's 一 read as a dash (see `printed`).
fn misread_characters_read(cell: &str) -> String {
    let heading = crate::ingest::text::printed::one_read_as_dash(cell);
    crate::ingest::text::printed::misread_figures(heading.as_deref().unwrap_or(cell))
}

impl Grid<'_> {
    /// The first row where a 分工表 header starts.
    pub fn header_row(&self) -> Option<usize> {
        find_header(&self.rows)
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
    /// task, a section nor a label are reported. A letter O a scan's OCR read between two
    /// digits (2O21年12月, 4O个) is read as the 0 it is, said once.
    pub fn table(&self, header_row: usize, diagnostics: &mut Vec<Diagnostic>) -> RawTable {
        let mended: Vec<Vec<String>> = (self.rows.iter())
            .map(|row| row.iter().map(|c| misread_characters_read(c)).collect())
            .collect();
        if mended == self.rows {
            return self.table_as_read(header_row, diagnostics);
        }
        let mut changed = Vec::new();
        for (r, (row, read)) in mended.iter().zip(&self.rows).enumerate() {
            for (c, (cell, was)) in row.iter().zip(read).enumerate() {
                if cell != was {
                    changed.push((
                        (self.place)(r, c),
                        was.trim().to_string(),
                        cell.trim().to_string(),
                    ));
                }
            }
        }
        if let Some((first, _, _)) = changed.first() {
            let shown: Vec<String> = (changed.iter().take(6))
                .map(|(place, was, cell)| {
                    let at = match place {
                        Location::Cell {
                            sheet, cell: name, ..
                        } => format!("{sheet}!{name}"),
                        other => other.to_string(),
                    };
                    format!("{at}「{was}」→「{cell}」")
                })
                .collect();
            diagnostics.push(
                Diagnostic::note(
                    "source/ocr-mended",
                    first.clone(),
                    format!(
                        "{} 个单元格中识别误认的字符已改正（数字中的字母 O、l 读作 0、1，日期中的「曰」读作「日」，标题开头的「—、」读作「一、」）：{}{}",
                        changed.len(),
                        shown.join("；"),
                        if changed.len() > 6 { "……" } else { "" }
                    ),
                )
                .with_hint("请对照原件核对；如改错了，请在原文中改正后重试"),
            );
        }
        let merged_down = (self.merged_down.iter())
            .map(|(&at, text)| (at, misread_characters_read(text)))
            .collect();
        let grid = Grid {
            rows: mended,
            merged_down,
            place: Box::new(|r, c| (self.place)(r, c)),
            paragraphs: self.paragraphs,
        };
        grid.table_as_read(header_row, diagnostics)
    }

    fn table_as_read(&self, header_row: usize, diagnostics: &mut Vec<Diagnostic>) -> RawTable {
        let rows = &self.rows;
        let Header {
            map: header,
            written,
            printed,
            rows: header_rows,
            merged,
        } = header_at(rows, header_row).unwrap_or(Header {
            map: HeaderMap::default(),
            written: Vec::new(),
            printed: Vec::new(),
            rows: 1,
            merged: Vec::new(),
        });
        let (title, mut left_out) = self.title_above(header_row);
        // 一、加大重点领域公开力度 merged between the title and the header (a sheet a part):
        // the first part of the table, not a line left out.
        let part_over_header = self.part_over_header(header_row, &left_out);
        if let Some((_, at)) = &part_over_header {
            let text = self.row_text(*at);
            left_out.retain(|(t, _)| *t != text);
        }
        diagnostics.extend(header.findings(|c| (self.place)(header_row, c)));
        let bands = header_bands(&merged, &header);
        diagnostics.extend(merged_names_said(&merged, &bands, |c| {
            (self.place)(header_row, c)
        }));
        let column_names = crate::ingest::raw_table::ColumnNames::of_header(&header, &printed);
        let mut table = RawTable {
            column_names,
            title,
            origin: Some((self.place)(header_row, 0)),
            repeated_headers: 0,
            // An extra column printed under the name its header gives it whole (第二季度
            // 完成情况).
            extra_columns: (header.extra.iter())
                .map(|(name, c)| {
                    (printed
                        .get(*c)
                        .filter(|p| !p.is_empty() && !p.contains('\n')))
                    .unwrap_or(name)
                    .clone()
                })
                .collect(),
            column_order: header.order(),
            header_bands: bands,
            header: written,
            left_out,
            rows: Vec::new(),
            after: Vec::new(),
            said: Vec::new(),
            parts: Vec::new(),
            appended: Vec::new(),
            notes: Vec::new(),
        };
        if let Some(((numeral, title), at)) = part_over_header {
            table.rows.push(RawRow {
                kind: RowKind::Section { numeral, title },
                origin: (self.place)(at, 0),
            });
        }
        let mut r = header_row + header_rows;
        // Tasks numbered in row order, for a table without a 序号 column.
        let mut order = 0;
        if header.index(Column::No).is_none() {
            diagnostics.push(Diagnostic::note(
                "table/no-number-column",
                (self.place)(header_row, 0),
                "表中没有序号列，任务按行序编号（1、2、3……）",
            ));
        }
        // Right under a header repeated where a page turned: a task's row may go on there.
        let mut over_a_page = false;
        // The last row read as a task (or joined to one): only a row right under it goes on.
        let mut task_at = None;
        while r < rows.len() {
            let cells = &rows[r];
            if cells.iter().all(|c| c.is_empty()) {
                r += 1;
                continue;
            }
            if let Some(repeated) = header_at(rows, r).filter(|h| header.repeats(&h.map)) {
                table.repeated_headers += 1;
                r += repeated.rows;
                over_a_page = true;
                continue;
            }
            if std::mem::take(&mut over_a_page)
                && self.goes_on_over_the_page(r, &header, &mut table, diagnostics)
            {
                r += 1;
                continue;
            }
            if self.numbered_in_text(r, &header, &mut table, diagnostics) {
                r += 1;
                continue;
            }
            if self.joins_merged_number(r, &header, &mut table, diagnostics) {
                r += 1;
                continue;
            }
            let under_a_task = task_at.is_some_and(|at: usize| {
                rows[at + 1..r]
                    .iter()
                    .all(|row| row.iter().all(|c| c.is_empty()))
            });
            if under_a_task && self.unnumbered_goes_on(r, &header, &mut table, diagnostics) {
                task_at = Some(r);
                r += 1;
                continue;
            }
            let row = match self.task_row(r, &header, order + 1) {
                Some(task) => {
                    order += 1;
                    task_at = Some(r);
                    self.beside_the_task(r, &header, &mut table);
                    Some(task)
                }
                None => self.row_of_no_task(r, &header, &mut table, diagnostics),
            };
            table.rows.extend(row);
            r += 1;
        }
        take_rows_under_last_task(&mut table, diagnostics);
        table.settle_layout(&header, &(self.place)(header_row, 0), diagnostics);
        table
    }

    /// What row `r`, a task's, holds beside it: the heading its heading cell names, and any
    /// cell under no header — none of the task's: said, not lost.
    fn beside_the_task(&self, r: usize, header: &HeaderMap, table: &mut RawTable) {
        if let Some(at) = header.headings {
            table.push_heading_cell(&self.at(r, Some(at)), (self.place)(r, at));
        }
        for (c, text) in self.rows[r].iter().enumerate() {
            if !text.trim().is_empty() && !header.covers(c) {
                table
                    .left_out
                    .push((text.trim().to_string(), (self.place)(r, c)));
            }
        }
    }

    /// Row `r`, no task's (see [`Self::other_row`]); a note on the table kept to print
    /// under the published one.
    fn row_of_no_task(
        &self,
        r: usize,
        header: &HeaderMap,
        table: &mut RawTable,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<RawRow> {
        let row = self.other_row(r, header, diagnostics);
        if let Some(note) = self.note_at(r).filter(|n| explains_the_table(n)) {
            let first = self.rows[r].iter().position(|c| !c.is_empty());
            table
                .notes
                .push((note, (self.place)(r, first.unwrap_or(0))));
        }
        row
    }

    /// Row `r` under a header repeated at a page's top, with no 序号, when the task above
    /// stopped open (…建设5万亩, / 配套建设灌排设施。; 各镇 / (街道)): the rest of that task's
    /// row, broken by the page. Joined cell by cell, and said. True when joined.
    fn goes_on_over_the_page(
        &self,
        r: usize,
        header: &HeaderMap,
        table: &mut RawTable,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let Some(RawRow {
            kind: RowKind::Task(prev),
            ..
        }) = table.rows.last_mut()
        else {
            return false;
        };
        let col = |c: Column| header.index(c);
        let content = self.at(r, col(Column::Content));
        let open = !crate::base::cjk::ends_sentence(prev.content.trim_end())
            || prev.content.trim_end().ends_with(['，', ',', '、']);
        if !self.at(r, col(Column::No)).trim().is_empty() || content.trim().is_empty() || !open {
            return false;
        }
        prev.content.push_str(content.trim());
        for (column, cell) in [
            (Column::Units, &mut prev.units),
            (Column::Lead, prev.lead.get_or_insert_default()),
            (Column::Support, prev.support.get_or_insert_default()),
        ] {
            cell.push_str(self.at(r, col(column)).trim());
        }
        prev.lead = prev
            .lead
            .take()
            .filter(|l| !l.is_empty() || col(Column::Lead).is_some());
        prev.support =
            (prev.support.take()).filter(|s| !s.is_empty() || col(Column::Support).is_some());
        diagnostics.push(Diagnostic::note(
            "table/row-over-page",
            (self.place)(r, col(Column::Content).unwrap_or(0)),
            format!(
                "第 {} 项的表格行在换页处断开，下一页表头下的「{}」已接回该项",
                prev.no,
                self.filled_cells(r).join(" ")
            ),
        ));
        true
    }

    /// Joins row `r` to the task above when its 序号 is that task's, merged down (one task
    /// written over several rows), and says so. True when joined.
    fn joins_merged_number(
        &self,
        r: usize,
        header: &HeaderMap,
        table: &mut RawTable,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let Some(RawRow {
            kind: RowKind::Task(prev),
            ..
        }) = table.rows.last_mut()
        else {
            return false;
        };
        let (code, message, hint) = match header.index(Column::No) {
            Some(c) if self.under_merged(r, Some(c)) => (
                "table/merged-number",
                format!(
                    "此行与上一行共用合并单元格中的序号「{}」，已并入第 {} 项任务（内容相接，责任单位合并）",
                    prev.no, prev.no
                ),
                "如这几行原是几项任务，请在原表中拆开序号单元格并分别编号",
            ),
            // No 序号: a row whose content is the task above's, merged down, with cells of
            // its own (more units beside it). Row-order numbers may still change (bulleted
            // items), so the task is named by its words.
            None if self.under_merged(r, header.index(Column::Content)) => (
                "table/merged-content",
                format!(
                    "此行与上一行共用合并单元格中的工作内容，其责任单位等已并入该项任务「{}」",
                    excerpt(&prev.content)
                ),
                "如这几行原是几项任务，请在原表中拆开内容单元格",
            ),
            Some(_) if self.continues_the_task_above(r, header) => (
                "table/continued-row",
                format!(
                    "此行没有序号，也没有写责任单位：已作为第 {} 项任务的后半部分并入（内容相接）",
                    prev.no
                ),
                "如这一行是另一项任务，请在原表中补上序号和责任单位",
            ),
            _ => return false,
        };
        let own = self.own_task_cells(r, header);
        // Rows under one merged 序号 or content are cells of their own: their units are
        // lists of their own (区城投 / 区交通局: never one name broken over two lines, nor
        // names sharing a word across the rows), and
        // words ending with no mark are set apart by ；, said.
        let merged = code != "table/continued-row";
        let (glue, message) = if merged
            && !own.content.trim().is_empty()
            && !prev.content.trim().is_empty()
            && !prev
                .content
                .trim_end()
                .ends_with(|c: char| "。；，：、;,:！？".contains(c))
        {
            prev.content = format!("{}；", prev.content.trim_end());
            ("；", format!("{message}；两行内容之间加了「；」"))
        } else if merged {
            ("；", message)
        } else {
            ("\n", message)
        };
        prev.absorb(own, glue);
        // A label of the row's own in the group column (老旧小区 under 2 | 城市更新) has no
        // place in the task it joins: said, never dropped.
        let label_at = header.index(Column::Group);
        let label = self.own(r, label_at);
        if !label.is_empty() && !self.under_merged(r, label_at) {
            (table.left_out).push((label, (self.place)(r, label_at.unwrap_or(0))));
        }
        // Placed at the row's own cells (the merge's place is the row above's).
        let own = self.rows[r].iter().position(|t| !t.trim().is_empty());
        let at = header.index(Column::No).or(own);
        diagnostics.push(
            Diagnostic::warning(code, (self.place)(r, at.unwrap_or(0)), message).with_hint(hint),
        );
        true
    }

    /// Whether row `r` carries on the task above it (5 | 开工建设县老年养护楼。| 县民政局 over
    /// | 开工建设老年大学。| | 12月底前): words in the content cell, and no number, no unit
    /// and no heading of its own.
    fn continues_the_task_above(&self, r: usize, header: &HeaderMap) -> bool {
        let own = |c: Column| self.own(r, header.index(c));
        let content = tidy_spacing(&own(Column::Content));
        !content.is_empty()
            && own(Column::No).is_empty()
            && [Column::Units, Column::Lead, Column::Support]
                .iter()
                .all(|&c| own(c).is_empty())
            && own(Column::Group).is_empty()
            && section_heading(&content).is_none()
            && numbered_label(&content).is_none()
            && !is_note(&content)
    }

    /// The title above the header at `header_row`: the row nearest it that names a plan
    /// (…分解表, …方案), joined with rows above it it goes on from, else the first text
    /// there that is not a web page's information box (索引号 | … | 发文日期 | …). Every
    /// other row — the box, an issuer typed above the title, a line under it — is said.
    fn title_above(&self, header_row: usize) -> (Option<String>, Vec<(String, Location)>) {
        let mut left_out: Vec<(usize, usize)> = Vec::new();
        // Rows that may title the table: (row, its first filled column).
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for (r, row) in self.rows[..header_row].iter().enumerate() {
            let Some(first) = row.iter().position(|t| !t.trim().is_empty()) else {
                continue;
            };
            // The attachment's label (附件, 附件2) names no table.
            let label = crate::ingest::text::is_attachment_label(&tidy_spacing(&row[first]));
            if crate::ingest::text::is_page_metadata(&row.join(" | ")) || label {
                left_out.push((r, first));
            } else {
                candidates.push((r, first));
            }
        }
        let texts: Vec<String> = (candidates.iter())
            .map(|&(r, first)| tidy_spacing(&self.rows[r][first]))
            .collect();
        let (start, end) = title_rows(&texts);
        let mut title = None;
        for (k, &(r, first)) in candidates.iter().enumerate() {
            if (start..=end).contains(&k) {
                title = Some(title.unwrap_or_default() + texts[k].as_str());
            } else {
                left_out.push((r, first));
            }
        }
        left_out.sort_unstable();
        let said = (left_out.into_iter())
            .map(|(r, first)| (self.row_text(r), (self.place)(r, first)))
            .collect();
        // 一、10件民生实事任务分解表: the table's title is its words, as a text's heading is.
        let title = title.map(|t: String| match crate::ingest::text::section_heading(&t) {
            Some((_, words)) if !words.is_empty() => words,
            _ => t,
        });
        (title, said)
    }

    /// The last filled row above the header, when it is one cell heading a part (一、…, no
    /// sentence) among the rows `left_out` of the title: the part and the row.
    fn part_over_header(
        &self,
        header_row: usize,
        left_out: &[(String, Location)],
    ) -> Option<((String, String), usize)> {
        let at = (0..header_row)
            .rev()
            .find(|&r| self.rows[r].iter().any(|t| !t.trim().is_empty()))?;
        let filled: Vec<&String> = (self.rows[at].iter())
            .filter(|t| !t.trim().is_empty())
            .collect();
        let [cell] = filled[..] else {
            return None;
        };
        let (numeral, title) = section_heading(&tidy_spacing(cell))?;
        let heading =
            !title.is_empty() && !title.trim_end_matches('。').contains(['。', '，', '；']);
        let text = self.row_text(at);
        (heading && left_out.iter().any(|(t, _)| *t == text)).then_some(((numeral, title), at))
    }

    /// Row `r`'s filled cells, ` | `-joined.
    fn row_text(&self, r: usize) -> String {
        let text: Vec<&str> = self.rows[r]
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        text.join(" | ")
    }

    /// The text row `r` itself holds in column `c` (no merge from above).
    fn own(&self, r: usize, c: Option<usize>) -> String {
        c.and_then(|c| self.rows[r].get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// Whether row `r`'s cell in column `c` is a merge from the row above (a 序号 merged
    /// down: one task written over several rows, its number once).
    fn under_merged(&self, r: usize, c: Option<usize>) -> bool {
        let Some(c) = c else { return false };
        let own = self.rows[r].get(c).map_or("", |s| s.trim());
        own.is_empty() && self.merged_down.contains_key(&(r, c))
    }

    /// The cells row `r` itself holds (no merge from above), by column.
    fn own_task_cells(&self, r: usize, header: &HeaderMap) -> RawTask {
        let own = |c: Column| self.own(r, header.index(c));
        let present = |c: Column| header.index(c).map(|_| own(c));
        let (content, joints) = join_content_lines(&own(Column::Content), self.paragraphs);
        RawTask {
            content,
            joints,
            units: own(Column::Units),
            lead: present(Column::Lead),
            support: present(Column::Support),
            deadline: present(Column::Deadline),
            person: present(Column::Person),
            extra: header
                .extra
                .iter()
                .map(|(_, c)| self.own(r, Some(*c)))
                .collect(),
            ..RawTask::default()
        }
    }

    /// Row `r` as a task, when its 序号 is a number.
    fn task_row(&self, r: usize, header: &HeaderMap, order: u32) -> Option<RawRow> {
        let col = |c: Column| header.index(c);
        let at = |c: Option<usize>| self.at(r, c);
        // No 序号 column: a row with its own content is the next task in row order.
        // A numbered heading merged across the row (一、主要预期指标, （一）…) is no task.
        let first = self.rows[r].iter().position(|c| !c.is_empty()).unwrap_or(0);
        let heading = || {
            let numbered = |text: &str| {
                let tidy = tidy_spacing(text);
                section_heading(&tidy).is_some() || numbered_label(&tidy).is_some()
            };
            self.heading_alone(r, header, first).is_some() && numbered(&self.rows[r][first])
        };
        let no = match col(Column::No) {
            Some(c) => self.at(r, Some(c)),
            None if heading() => return None,
            // (Figures alone are a total's, 合计 | 824000, not a task's words.)
            None if self
                .own(r, col(Column::Content))
                .chars()
                .any(crate::base::cjk::is_han) =>
            {
                order.to_string()
            }
            None => return None,
        };
        let units_given = [Column::Units, Column::Lead]
            .iter()
            .any(|c| !at(col(*c)).is_empty());
        let marked =
            is_written_task_number(&no) && units_given && !at(col(Column::Content)).is_empty();
        if parse_task_number(&no).is_none() && !marked {
            return None;
        }
        Some(self.row_as_task(r, header, no))
    }

    /// Row `r` as a task numbered in its text (see [`HeaderMap::numbered_in_text`]): the
    /// heading its 序号 cell holds (merged down) is added to `table` first, once.
    fn numbered_in_text(
        &self,
        r: usize,
        header: &HeaderMap,
        table: &mut RawTable,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let width = self.rows[r].len();
        let cells: Vec<String> = (0..width).map(|c| self.at(r, Some(c))).collect();
        let found = header
            .numbered_in_text(&cells)
            .or_else(|| self.numbered_under_merged_number(r, header, &cells, diagnostics));
        let Some((heading, number, text)) = found else {
            return false;
        };
        table.push_cell_heading(
            &heading,
            (self.place)(r, header.index(Column::No).unwrap_or(0)),
        );
        let mut row = self.row_as_task(r, header, number);
        if let RowKind::Task(task) = &mut row.kind {
            (task.content, task.joints) = join_content_lines(&text, self.paragraphs);
            task.numbered_in_text = true;
        }
        table.rows.push(row);
        true
    }

    /// Row `r` under a 序号 merged down over rows whose contents each open with a number of
    /// their own (序号 1 over （1）…（8）, each row with its leader and units): a task
    /// numbered in its text, the merged number its heading (or, beside a group column, the
    /// group's) — not one task written over eight rows. Said at the merge's first row.
    fn numbered_under_merged_number(
        &self,
        r: usize,
        header: &HeaderMap,
        cells: &[String],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<(String, String, String)> {
        let no_col = header.index(Column::No)?;
        let content_col = header.index(Column::Content)?;
        let (first, last) = self.merge_span(r, no_col);
        let opens = |row: usize| opening_number(&self.at(row, Some(content_col))).is_some();
        if last == first || !(first..=last).all(opens) {
            return None;
        }
        let assigned = [Column::Lead, Column::Units]
            .iter()
            .any(|c| crate::ingest::units::is_units_text(header.get(cells, *c)));
        let (number, text) = opening_number(header.get(cells, Column::Content))?;
        if !assigned {
            return None;
        }
        let no = header.get(cells, Column::No);
        if r == first {
            diagnostics.push(Diagnostic::note(
                "table/numbered-under-merged-number",
                (self.place)(r, no_col),
                format!(
                    "序号「{no}」的单元格合并在 {} 行之上，各行内容各有编号（从「{}」起）：按 {} 项任务读，各有其责任单位",
                    last - first + 1,
                    number,
                    last - first + 1
                ),
            ));
        }
        let heading = if header.get(cells, Column::Group).is_empty() {
            no.to_string()
        } else {
            String::new()
        };
        Some((heading, number.to_string(), text.to_string()))
    }

    /// The rows a merge down column `c` covers, row `r` among them: its first and last.
    fn merge_span(&self, r: usize, c: usize) -> (usize, usize) {
        let mut first = r;
        while first > 0 && self.under_merged(first, Some(c)) {
            first -= 1;
        }
        let mut last = first;
        while last + 1 < self.rows.len() && self.under_merged(last + 1, Some(c)) {
            last += 1;
        }
        (first, last)
    }

    /// Row `r`'s cells as task `no`, a merge from above filling a cell of its own.
    fn row_as_task(&self, r: usize, header: &HeaderMap, no: String) -> RawRow {
        let col = |c: Column| header.index(c);
        let at = |c: Option<usize>| self.at(r, c);
        let no_col = col(Column::No).unwrap_or(0);
        let content_col = col(Column::Content).unwrap_or(no_col);
        let units_col = col(Column::Lead).or(col(Column::Units)).unwrap_or(no_col);
        let label = at(col(Column::Group));
        let filled = |c: Column| col(c).map(|c| at(Some(c))).filter(|v| !v.is_empty());
        let (content, joints) = join_content_lines(&at(col(Column::Content)), self.paragraphs);
        let task = RawTask {
            label: (!label.is_empty()).then_some(label),
            no,
            no_written: None,
            content,
            joints,
            units: at(col(Column::Units)),
            lead: col(Column::Lead).map(|c| at(Some(c))),
            support: col(Column::Support).map(|c| at(Some(c))),
            deadline: filled(Column::Deadline),
            person: filled(Column::Person).map(|p| name_lines_joined(&p)),
            extra: header.extra.iter().map(|(_, c)| at(Some(*c))).collect(),
            content_origin: Some((self.place)(r, content_col)),
            units_origin: Some((self.place)(r, units_col)),
            deadline_origin: col(Column::Deadline).map(|c| (self.place)(r, c)),
            // Supports in their own column, or in a 责任单位 column beside the lead's; one
            // beside both lists the units responsible.
            support_origin: col(Column::Support)
                .or(col(Column::Lead).and(col(Column::Units)))
                .map(|c| (self.place)(r, c)),
            responsible_origin: (col(Column::Lead).and(col(Column::Support)))
                .and(col(Column::Units))
                .map(|c| (self.place)(r, c)),
            numbered_in_text: false,
            written_no: None,
            written_mark: None,
        };
        RawRow {
            kind: RowKind::Task(Box::new(task)),
            origin: (self.place)(r, no_col),
        }
    }

    /// Row `r` with words and who does them but no 序号, right under a task (其中：帮助长期失业
    /// 青年就业300人。 | 区人社局 | 团区委): more of that task, joined and said — its units
    /// keep their work. True when joined.
    fn unnumbered_goes_on(
        &self,
        r: usize,
        header: &HeaderMap,
        table: &mut RawTable,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let col = |c: Column| header.index(c);
        let Some(no_col) = col(Column::No) else {
            return false;
        };
        let content = self.at(r, col(Column::Content));
        let names_who = [Column::Units, Column::Lead, Column::Support]
            .iter()
            .any(|c| !self.at(r, col(*c)).trim().is_empty());
        if !self.at(r, Some(no_col)).trim().is_empty()
            || content.trim().is_empty()
            || !names_who
            || self.note_at(r).is_some()
            || self.is_total(r)
        {
            return false;
        }
        let Some(RawRow {
            kind: RowKind::Task(prev),
            ..
        }) = table.rows.last_mut()
        else {
            return false;
        };
        let RowKind::Task(more) = self.row_as_task(r, header, String::new()).kind else {
            return false;
        };
        prev.absorb(*more, "");
        diagnostics.push(
            Diagnostic::warning(
                "table/continued-row",
                (self.place)(r, no_col),
                format!(
                    "这一行没有序号，已并入上一项任务（第 {} 项），其单位同负责该项：「{}」",
                    prev.no,
                    self.filled_cells(r).join(" ")
                ),
            )
            .with_hint("如这一行是一项单独的任务，请在原表中补上序号"),
        );
        true
    }

    /// Whether row `r` is a total (合计 | 共5项任务), none of the tasks.
    fn is_total(&self, r: usize) -> bool {
        self.rows[r].iter().any(|cell| is_total_cell(cell))
    }

    /// Row `r` as a note under the table (see [`is_note`]): every cell of it, as a note row
    /// often holds two (填报单位 | 填报日期) and a row merged across holds it in each.
    fn note_at(&self, r: usize) -> Option<String> {
        let first = self.rows[r].iter().find(|c| !c.is_empty())?;
        if !is_note(first) {
            return None;
        }
        let mut cells = self.filled_cells(r);
        cells.dedup();
        Some(cells.join("　").trim().to_string())
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
        let first = cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
        let place = (self.place)(r, first);
        // A printed page's number kept as a row (— 2 —, 第1页 共2页: a scan's table, or
        // a sheet pasted from a PDF): no heading of the tasks under it.
        let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
        if filled == 1
            && crate::ingest::text::printed::is_page_number(&tidy_spacing(cells[first].trim()))
        {
            diagnostics.push(Diagnostic::note(
                "table/page-number",
                place,
                format!(
                    "「{}」是打印页的页码，不是表格内容：未读入",
                    cells[first].trim()
                ),
            ));
            return None;
        }
        let kind = match self.heading_alone(r, header, first) {
            Some(kind) => kind,
            None => self.unread_row(r, header, first, diagnostics)?,
        };
        Some(RawRow {
            kind,
            origin: place,
        })
    }

    /// Row `r` as a heading standing alone on its row, its text in cell `first`: a section
    /// (一、…) or a group (（一）…, or a heading without a numeral in the leftmost cell, as
    /// ledgers merge their groups across: 强化行政规范性文件集中规范公开).
    fn heading_alone(&self, r: usize, header: &HeaderMap, first: usize) -> Option<RowKind> {
        let cells = &self.rows[r];
        if cells.iter().filter(|c| !c.is_empty()).count() != 1 {
            return None;
        }
        let text = &cells[first];
        let tidy = tidy_spacing(text);
        if let Some((numeral, title)) = section_heading(&tidy) {
            return Some(RowKind::Section { numeral, title });
        }
        let leftmost = first == 0 || Some(first) == header.index(Column::No);
        let unnumbered_group = leftmost
            && !is_note(text)
            && tidy.chars().count() <= 60
            && !tidy.trim_end_matches('。').contains('。')
            && parse_task_number(&tidy).is_none();
        (numbered_label(&tidy).is_some() || unnumbered_group).then(|| RowKind::Label(text.clone()))
    }

    /// Row `r`, neither a task nor a heading alone: a heading among other cells, or — in
    /// `diagnostics` — why it is not read (a note, a bad number, no number, nothing known).
    fn unread_row(
        &self,
        r: usize,
        header: &HeaderMap,
        first: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<RowKind> {
        let text = &self.rows[r][first];
        let tidy = tidy_spacing(text);
        let place = (self.place)(r, first);
        let col = |c: Column| header.index(c);
        let number_place = (self.place)(r, col(Column::No).unwrap_or(0));
        let no = self.at(r, col(Column::No));
        let content = self.at(r, col(Column::Content));
        if let Some(row) = self.note_at(r) {
            if !explains_the_table(&row) {
                diagnostics.push(note_row_said(&row, place));
            }
            return None;
        }
        if let Some(section) = section_in_number_column(&no, &self.rows[r], header) {
            return Some(section);
        }
        // (一) | 加强战略科技力量建设。 with no unit: a group's label, numbered in the 序号
        // column.
        let label = format!("{no}{content}");
        if !no.is_empty() && !content.is_empty() && numbered_label(&label).is_some() {
            let units = [Column::Units, Column::Lead, Column::Support];
            if units.iter().all(|&c| self.at(r, col(c)).is_empty()) {
                return Some(RowKind::Label(label));
            }
        }
        if self.is_total(r) {
            diagnostics.push(total_row_said(&self.filled_cells(r).join(" "), place));
            return None;
        }
        if !no.is_empty() {
            let row = self.filled_cells(r).join(" ");
            diagnostics.push(Diagnostic::warning(
                "table/bad-number",
                number_place,
                format!("序号「{no}」不是数字，此行已忽略：「{row}」"),
            ));
            return None;
        }
        if let Some(heading) = self.heading_in_content(r, header, &content) {
            return Some(heading);
        }
        if !content.is_empty() {
            let row = self.filled_cells(r).join(" ");
            diagnostics.push(
                Diagnostic::warning(
                    "table/unnumbered-row",
                    number_place,
                    format!("这一行有具体内容但没有序号，已忽略：「{row}」"),
                )
                .with_hint("请补上序号"),
            );
            return None;
        }
        if let Some((numeral, title)) = section_heading(&tidy) {
            return Some(RowKind::Section { numeral, title });
        }
        self.label_or_stray(r, header, first, diagnostics)
    }

    /// Row `r` when its only text is a short heading in the content column, without a
    /// number (穗府's 强化科技创新支撑能力。 over （一） | 加强战略科技力量建设。): a part
    /// over the numbered labels under it, or a group's label over the tasks under it where
    /// no task is above (the table's start, or under a heading). Among tasks it may be a
    /// task's text carried over a page: not a heading.
    fn heading_in_content(&self, r: usize, header: &HeaderMap, content: &str) -> Option<RowKind> {
        let tidy = tidy_spacing(content);
        let short = tidy.chars().count() <= 60 && !tidy.trim_end_matches('。').contains('。');
        // Wholly in brackets it is a remark ((本季度无到期任务)), not a heading.
        let remark = tidy.starts_with(['（', '(']) && tidy.ends_with(['）', ')']);
        if content.is_empty()
            || self.filled_cells(r).len() != 1
            || !short
            || remark
            || is_note(content)
        {
            return None;
        }
        let filled = |n: &usize| !self.filled_cells(*n).is_empty();
        let next = (r + 1..self.rows.len()).find(filled)?;
        let number = |n: usize| self.at(n, header.index(Column::No));
        let labels = |n: usize| {
            let text = format!("{}{}", number(n), self.at(n, header.index(Column::Content)));
            numbered_label(&text).is_some()
        };
        if labels(next) {
            return Some(RowKind::Section {
                numeral: String::new(),
                title: tidy,
            });
        }
        let task = |n: usize| parse_task_number(&number(n)).is_some();
        let above = (0..r).rev().find(filled);
        (task(next) && !above.is_some_and(task)).then(|| RowKind::Label(content.to_string()))
    }

    /// The cells of row `r` that hold anything, trimmed.
    fn filled_cells(&self, r: usize) -> Vec<&str> {
        self.rows[r]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// Row `r` with no number and no task text: a group's label (its first filled cell
    /// `first` numbered as labels are, or in the group column), else a line not read, said.
    fn label_or_stray(
        &self,
        r: usize,
        header: &HeaderMap,
        first: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<RowKind> {
        let text = &self.rows[r][first];
        let tidy = tidy_spacing(text);
        let place = (self.place)(r, first);
        let col = |c: Column| header.index(c);
        let row = self.filled_cells(r);
        // A label beside figures of its own (合计 | 824000 | 331000) is a row of the table,
        // not a heading: said whole, its figures with it.
        let figures_beside = row.len() > 1
            && row[1..].iter().all(|c| {
                c.chars()
                    .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '%' | '-'))
            });
        if !figures_beside && (numbered_label(&tidy).is_some() || Some(first) == col(Column::Group))
        {
            // A group's row naming units of its own (and a time, a remark): none of its
            // tasks' — said, not lost.
            let units = [Column::Units, Column::Lead, Column::Support]
                .iter()
                .any(|&c| !self.at(r, col(c)).trim().is_empty());
            let others: Vec<String> = (self.rows[r].iter().enumerate())
                .filter(|&(c, cell)| c != first && !cell.trim().is_empty())
                .map(|(_, cell)| format!("「{}」", cell.trim()))
                .collect();
            if units {
                diagnostics.push(
                    Diagnostic::warning(
                        "table/label-units",
                        place,
                        format!(
                            "「{tidy}」一行没有任务内容，按分组标题读；这一行另写的{}没有对应的任务，未读入",
                            others.concat()
                        ),
                    )
                    .with_hint("如这一行本身是一项任务，请在内容列写明任务内容并补上序号"),
                );
            }
            return Some(RowKind::Label(text.clone()));
        }
        diagnostics.push(Diagnostic::warning(
            "table/stray-line",
            place,
            format!("分工表中有一行无法识别，已忽略：「{}」", row.join(" ")),
        ));
        None
    }
}

/// A part's heading written across the 序号 and content columns (`一 | 健全物业管理体制`):
/// a Chinese numeral alone as the number, a short title beside it, no units.
fn section_in_number_column(no: &str, cells: &[String], header: &HeaderMap) -> Option<RowKind> {
    let numeral = no.trim().trim_end_matches(['、', '.', '．']).trim();
    let is_numeral = !numeral.is_empty()
        && numeral.chars().count() <= 3
        && numeral.chars().all(|c| "一二三四五六七八九十".contains(c));
    if !is_numeral {
        return None;
    }
    let units = [Column::Units, Column::Lead, Column::Support]
        .iter()
        .filter_map(|c| header.index(*c))
        .any(|c| cells.get(c).is_some_and(|t| !t.trim().is_empty()));
    let no_at = header.index(Column::No);
    let rest: Vec<&str> = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| Some(*i) != no_at && !c.trim().is_empty())
        .map(|(_, c)| c.trim())
        .collect();
    let title = rest.join(" ");
    let short = (1..=40).contains(&title.chars().count());
    (!units && rest.len() == 1 && short && !title.trim_end_matches('。').contains('。')).then(
        || RowKind::Section {
            numeral: numeral.to_string(),
            title: title.trim_end_matches('。').to_string(),
        },
    )
}

/// Label rows after the last task (a merged row under the table giving its 文号, a remark):
/// no group, since no task stands under them — the plan's text going on, kept under the
/// table, or said.
fn take_rows_under_last_task(table: &mut RawTable, diagnostics: &mut Vec<Diagnostic>) {
    let last_task = table
        .rows
        .iter()
        .rposition(|r| matches!(r.kind, RowKind::Task(_)));
    let Some(last_task) = last_task else { return };
    let trailing = table.rows[last_task + 1..]
        .iter()
        .all(|r| matches!(r.kind, RowKind::Label(_)));
    if !trailing || table.rows.len() == last_task + 1 {
        return;
    }
    let under: Vec<(String, Location)> = table
        .rows
        .drain(last_task + 1..)
        .filter_map(|r| match r.kind {
            RowKind::Label(text) => Some((text, r.origin)),
            _ => None,
        })
        .collect();
    crate::ingest::text::take_text_under(table, under, diagnostics);
}

/// Whether a note row (see [`is_note`]) says something of the table (注：各单位每季度末报送
/// 进展。, 说明：…): kept to print under the published one (see
/// [`crate::ingest::assemble`]). Not the source form's own lines (填表人：…, 填表说明).
pub(crate) fn explains_the_table(note: &str) -> bool {
    let text = note.trim_start_matches(['（', '(']);
    ["注", "说明", "备注", "附注"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// Whether a note says how the source marks its leads (标“（牵头）”的为牵头单位, 排在第一位的
/// 为牵头单位): true of the source's cells, not of a table that prints leads apart.
pub(crate) fn speaks_of_roles(note: &str) -> bool {
    note.split(['。', '；', ';']).any(|sentence| {
        crate::ingest::units::is_role_note(sentence)
            || ["的为牵头", "的是牵头", "的为主责"]
                .iter()
                .any(|w| sentence.contains(w))
    })
}

/// The finding on a note row the published table does not print.
pub(crate) fn note_row_said(row: &str, place: Location) -> Diagnostic {
    Diagnostic::note(
        "table/note-row",
        place,
        format!("表中的说明行未作为任务读入：「{row}」"),
    )
}

/// Whether a cell says its row is a total (合计, 总计：), none of the tasks.
pub(crate) fn is_total_cell(cell: &str) -> bool {
    let tidy: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    ["合计", "总计", "小计", "共计"].iter().any(|w| {
        tidy.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['：', ':']))
    })
}

/// What is said of a total row, quoting its cells.
pub(crate) fn total_row_said(row: &str, place: Location) -> Diagnostic {
    Diagnostic::note(
        "table/total-row",
        place,
        format!("表中的合计行不是任务，未读入，发布的任务分工表不印合计：「{row}」"),
    )
}

/// A note under a table (注：, 说明, 备注 …), not a row of it.
pub(crate) fn is_note(text: &str) -> bool {
    // Who filled the form in, under a ledger (填表人：… 联系电话：…), is a note on it too.
    const FILLED_BY: &[&str] = &[
        "填表人",
        "填报人",
        "制表人",
        "审核人",
        "联系人",
        "联系电话",
        "填报单位",
        "填表单位",
        "报送单位",
    ];
    let text = text.trim_start_matches(['（', '(']);
    ["注", "说明", "备注", "附注", "填表说明"]
        .iter()
        .any(|p| text.starts_with(p))
        || FILLED_BY.iter().any(|label| {
            let label_at = text.strip_prefix(label);
            label_at.is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
        })
}

/// A content cell's lines as one text, and the marks put between them (each with the text
/// before it). A line opening a numbered item stays a line of its own where the break is
/// the writer's own paragraph (`paragraphs`: Word's, a web page's) or the line above ended
/// its clause. A line that ends its clause joins the next as written, as does a sentence
/// broken anywhere; a mark goes between two pieces of work that would otherwise run into
/// one another: `；` before a numbered item (…审核机制 / 2.每季度…), after a figure that
/// ends a target (…2.5万人 / 开发…) and — where a break is the writer's own paragraph
/// (`paragraphs`: Word's, a web page's) — between two lines each a clause of its own; `：`
/// after a name on the first line over the sentence of its words (建设数字产业园 / 完成…).
pub(crate) fn join_content_lines(
    text: &str,
    paragraphs: bool,
) -> (String, Vec<(String, &'static str)>) {
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let Some((first, rest)) = lines.split_first() else {
        return (String::new(), Vec::new());
    };
    let mut out = first.to_string();
    let mut joints = Vec::new();
    for (i, line) in rest.iter().enumerate() {
        // An item （1）, 2., ① opening the writer's own paragraph, or a line after a clause
        // ended: kept on its line, as the cell shows its items one under another.
        let clause_ended = out.ends_with(['。', '；', ';', '：', ':']);
        if (paragraphs || clause_ended) && opening_number(line).is_some() {
            out.push('\n');
            out.push_str(line);
            continue;
        }
        let ended = out.ends_with([
            '。', '；', ';', '，', ',', '、', '：', ':', '！', '？', '!', '?',
        ]);
        let mark = if ended {
            None
        } else if opening_number(line).is_some() {
            Some("；")
        } else if i == 0 && names_over_words(first, &rest.join("\n")) {
            Some("：")
        } else if (paragraphs || ends_with_a_figure(&out))
            && clause_of_its_own(if i == 0 { first } else { rest[i - 1] }, line)
        {
            Some("；")
        } else {
            None
        };
        match mark {
            Some(mark) => {
                joints.push((out.clone(), mark));
                out.push_str(mark);
                out.push_str(line);
            }
            None => out = join_lines(&format!("{out}\n{line}")),
        }
    }
    (out, joints)
}

/// Whether a cell's first line is a name over the sentence of words under it: a short
/// phrase with no mark, over a line that is a clause of its own and holds marks.
pub(crate) fn names_over_words(first: &str, rest: &str) -> bool {
    let marks = ['。', '，', '；', '：', '、', ',', ';', ':', '！', '？'];
    (2..=20).contains(&first.chars().count())
        && !first.contains(marks)
        && first.ends_with(crate::base::cjk::is_han)
        && rest.contains(['。', '，', '；', ',', ';'])
        && !rest.starts_with(['“', '"', '「', '《', '（', '('])
        && !crate::ingest::inline::runs_on(rest)
}

/// Whether `text` ends on a figure and what it counts (2.5万人, 10座, 95%): a target, whole.
fn ends_with_a_figure(text: &str) -> bool {
    static FIGURE_END: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(
            r"\d\s*(?:[万亿千百])?(?:人次|人|个|处|座|家|所|户|条|项|公里|千米|米|亩|公顷|吨|辆|台|套|元|%|％|件|次|场|批|栋|间|张|平方米|立方米)$",
        )
        .unwrap()
    });
    FIGURE_END.is_match(text)
}

/// Whether `line`, under the line `above` it, opens a clause of its own rather than
/// carrying on `above`'s (a sentence broken inside a phrase, 以上, a quotation's mark).
fn clause_of_its_own(above: &str, line: &str) -> bool {
    // Running text (a clause before a comma: …配套建设,加快滨江 / 综合交通枢纽建设) was
    // wrapped at the cell's width.
    let running = above.contains(['，', ',', '；', ';', '、']);
    !running
        && above.chars().count() >= 4
        && above.ends_with(|c: char| {
            crate::base::cjk::is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '%' | '％')
        })
        && !line.starts_with(['“', '"', '「', '《', '（', '(', '）', ')', '”', '」', '》'])
        && !["以上", "以下", "左右", "以内", "之内"]
            .iter()
            .any(|w| line.starts_with(w))
        && !crate::ingest::inline::runs_on(line)
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

/// Which of the lines above a table title it, first to last index: the last that names a
/// plan, from the first of the title-like lines right above it it goes on from (某县2025年
/// 重点工作 / 任务分解表, …项目任务 / 分解方案); with none naming a plan, the first line alone.
fn title_rows(texts: &[String]) -> (usize, usize) {
    let Some(end) = texts
        .iter()
        .rposition(|t| crate::ingest::text::names_a_plan(t))
    else {
        return (0, 0);
    };
    // An issuer typed above the title (平顶山市河长制办公室), the notice's own title or a
    // sentence is a line of its own, no part of the table's.
    let part_of_title = |t: &str| {
        !crate::ingest::units::ends_as_a_body(t)
            && !crate::ingest::text::is_notice_title(t)
            && !t.contains(['，', '。', '；', '：', ',', ';', ':'])
    };
    let mut start = end;
    while start > 0
        && part_of_title(&texts[start - 1])
        && texts[start - 1..=end].concat().chars().count() <= 60
    {
        start -= 1;
    }
    (start, end)
}

/// A leaders' cell written a list a line (张同生、赵建华 / 徐开信、肖云汉: paragraphs of a Word
/// cell, Alt+Enter in Excel): one list, its lines joined by 、 as its names are — printed on
/// one line, two lists would run together.
fn name_lines_joined(cell: &str) -> String {
    let mut joined = String::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let goes_on = joined.is_empty()
            || joined.ends_with(['、', '，', ',', '；', ';', '（', '('])
            || line.starts_with(['、', '，', ',', '；', ';', '（', '(', '）', ')']);
        if !goes_on {
            joined.push('、');
        }
        joined.push_str(line);
    }
    joined
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_leaders_cell_of_several_lines_is_one_list() {
        assert_eq!(
            name_lines_joined("张同生、赵建华、施炎\n徐开信、肖云汉"),
            "张同生、赵建华、施炎、徐开信、肖云汉"
        );
        assert_eq!(name_lines_joined("王五\n（副区长）"), "王五（副区长）");
        assert_eq!(name_lines_joined("李四、\n王五"), "李四、王五");
    }

    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid<'static> {
        Grid {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            merged_down: HashMap::new(),
            place: Box::new(|r, c| Location::cell("t.xlsx", "表", r as u32, c as u32)),
            paragraphs: false,
        }
    }

    #[test]
    fn lines_above_the_header_and_a_total_row_are_said_not_dropped() {
        let g = grid(&[
            &["附件2", "", ""],
            &["某县2026年重大项目清单", "", ""],
            &["单位：万元", "", ""],
            &["序号", "项目名称", "建设内容", "责任单位"],
            &["（一）产业项目", "", "", ""],
            &["1", "甲产业园", "建设厂房3万平方米", "县工信局"],
            &["", "合计", "824000", "331000"],
        ]);
        let mut found = Vec::new();
        let table = g.table(3, &mut found);
        assert_eq!(table.title.as_deref(), Some("某县2026年重大项目清单"));
        let left: Vec<&str> = table.left_out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(left, ["附件2", "单位：万元"]);
        let total: Vec<&str> = found
            .iter()
            .filter(|d| d.code == "table/total-row")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(total.len(), 1, "{found:?}");
        assert!(total[0].contains("合计 824000 331000"), "{total:?}");
        assert!(matches!(&table.rows[0].kind, RowKind::Label(l) if l == "（一）产业项目"));
    }

    #[test]
    fn an_unnumbered_heading_in_the_content_column_heads_what_is_under_it() {
        let kinds = |rows: &[&[&str]]| {
            let mut found = Vec::new();
            let table = grid(rows).table(0, &mut found);
            let kinds: Vec<String> = (table.rows.iter())
                .map(|r| match &r.kind {
                    RowKind::Section { numeral, title } => format!("{numeral}|{title}"),
                    RowKind::Task(t) => t.no.clone(),
                    RowKind::Label(l) => format!("# {l}"),
                })
                .collect();
            let stray = found
                .iter()
                .filter(|d| d.code == "table/unnumbered-row")
                .count();
            (kinds, stray)
        };
        // Over numbered labels: a part. Over tasks at the start: a group's label.
        let (read, stray) = kinds(&[
            &["序号", "重点工作", "牵头单位"],
            &["", "强化科技创新支撑能力。", ""],
            &["（一）", "加强战略科技力量建设。", ""],
            &["1", "做好甲事。", "市科技局"],
        ]);
        assert_eq!(
            read,
            [
                "|强化科技创新支撑能力。",
                "# （一）加强战略科技力量建设。",
                "1"
            ]
        );
        assert_eq!(stray, 0);
        let (read, _) = kinds(&[
            &["序号", "重点工作", "牵头单位"],
            &["", "稳增长", ""],
            &["1", "做好甲事。", "市发展改革委"],
        ]);
        assert_eq!(read, ["# 稳增长", "1"]);
        // Between tasks it may be a task's text carried over a page: never a heading.
        let (read, _) = kinds(&[
            &["序号", "重点工作", "牵头单位"],
            &["1", "做好甲事。", "市发展改革委"],
            &["", "并做好乙事", ""],
            &["2", "做好丙事。", "市商务局"],
        ]);
        assert_eq!(read, ["1", "2"]);
    }

    #[test]
    fn a_part_written_in_the_number_column_is_a_section_and_a_noted_number_a_task() {
        let g = grid(&[
            &["序号", "工作任务", "责任单位"],
            &["一", "健全物业管理体制", ""],
            &["1", "做好甲事。", "区住建局"],
            &["2（新增）", "做好乙事。", "区民政局"],
            &["二、", "提升服务水平", ""],
            &["3", "做好丙事。", "区市场监管局"],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        let kinds: Vec<String> = table
            .rows
            .iter()
            .map(|r| match &r.kind {
                RowKind::Section { numeral, title } => format!("{numeral}、{title}"),
                RowKind::Task(t) => t.no.clone(),
                RowKind::Label(l) => format!("# {l}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "一、健全物业管理体制",
                "1",
                "2（新增）",
                "二、提升服务水平",
                "3"
            ]
        );
        assert!(
            found.iter().all(|d| d.code != "table/bad-number"),
            "{found:?}"
        );
    }

    #[test]
    fn a_row_without_a_number_under_a_task_goes_on_with_it_and_a_note_prints() {
        let g = grid(&[
            &["序号", "工作任务", "牵头单位", "配合单位"],
            &["1", "新增就业岗位2.6万个。", "区人社局", "各街镇"],
            &[
                "",
                "其中：帮助长期失业青年就业300人。",
                "区人社局",
                "团区委",
            ],
            &["2", "开展职业培训。", "区人社局", ""],
            &["合计", "2项任务", "", ""],
            &["注：各单位每季度末报送进展。", "", "", ""],
            &["注：标“（牵头）”的为牵头单位。", "", "", ""],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        let tasks: Vec<&RawTask> = table.tasks().collect();
        assert_eq!(tasks.len(), 2);
        assert_eq!(
            tasks[0].content,
            "新增就业岗位2.6万个。其中：帮助长期失业青年就业300人。"
        );
        assert!(tasks[0].support.as_deref().unwrap_or("").contains("团区委"));
        let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["table/continued-row", "table/total-row"]);
        // Both notes kept for the published table (which prints the one on marks only
        // where it keeps them).
        let notes: Vec<&str> = table.notes.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            notes,
            [
                "注：各单位每季度末报送进展。",
                "注：标“（牵头）”的为牵头单位。"
            ]
        );
        assert!(!speaks_of_roles(notes[0]) && speaks_of_roles(notes[1]));
    }

    #[test]
    fn rows_that_are_not_tasks_are_read_or_reported_never_dropped() {
        let g = grid(&[
            &["序号", "工作任务", "责任单位"],
            &["一、民生保障", "", ""],
            &["（一）改善出行", "", ""],
            &["1", "做好甲事。", "区教育局"],
            &["注：本表由区发改委汇总。", "", "填报日期：2025年3月20日"],
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
        // A note row is kept whole, at its place, to print under the table.
        assert_eq!(
            table.notes,
            [(
                "注：本表由区发改委汇总。　填报日期：2025年3月20日".to_string(),
                Location::cell("t.xlsx", "表", 4, 0)
            )]
        );
        assert_eq!(
            codes,
            [
                ("table/bad-number", "t.xlsx#表!A6".to_string()),
                ("table/unnumbered-row", "t.xlsx#表!A7".to_string()),
                ("table/stray-line", "t.xlsx#表!C8".to_string()),
            ]
        );
    }

    #[test]
    fn a_groups_row_naming_units_says_them() {
        let g = grid(&[
            &["主要任务", "工作措施", "责任单位", "备注"],
            &["（一）扩大见习岗位", "", "县人社局", "2026年6月"],
            &["", "2.开发公益岗位20个。", "县人社局、各乡镇", ""],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        assert!(matches!(&table.rows[0].kind, RowKind::Label(l) if l == "（一）扩大见习岗位"));
        let said: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == "table/label-units")
            .collect();
        assert_eq!(said.len(), 1, "{found:?}");
        assert!(
            said[0].message.contains("「县人社局」「2026年6月」"),
            "{}",
            said[0].message
        );
    }

    #[test]
    fn a_row_under_the_last_task_is_no_group() {
        let g = grid(&[
            &["序号", "主要事项", "工作任务", "责任单位"],
            &["1", "稳定就业", "做好甲事。", "区教育局"],
            &["某府〔2021〕54号", "", "", ""],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        assert_eq!(table.rows.len(), 1, "{:?}", table.rows);
        let said: Vec<(&str, String)> = found
            .iter()
            .map(|d| (d.code.as_str(), d.location.to_string()))
            .collect();
        assert!(
            said.contains(&("table/after-table", "t.xlsx#表!A3".to_string())),
            "{said:?}"
        );
    }

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_header_over_two_rows_is_read_by_its_finer_names() {
        let two = rows(&[
            &["序号", "重点工作任务", "责任单位", "", "备注"],
            &["", "", "主要责任单位", "协同配合单位", ""],
            &["1", "做好甲事。", "区教育局", "区体育局", ""],
        ]);
        let header = header_at(&two, 0).unwrap();
        assert_eq!(header.rows, 2);
        assert_eq!(header.map.index(Column::Lead), Some(2));
        assert_eq!(header.map.index(Column::Support), Some(3));
        assert_eq!(header.written[2], "责任单位\n主要责任单位");
        // The merged name is a band over the two columns it spans, printed over them.
        let bands = header_bands(&header.merged, &header.map);
        assert_eq!(bands.len(), 1);
        assert_eq!(bands[0].name, "责任单位");
        assert_eq!(
            bands[0].columns,
            [
                crate::model::TableColumn::Lead,
                crate::model::TableColumn::Support
            ]
        );
        // A report's column under a merged period (完成情况 under 第二季度) is a column's
        // name: both columns under the merge are read.
        let report = rows(&[
            &["序号", "重点工作", "责任科室", "第二季度", ""],
            &["", "", "", "工作任务安排", "完成情况"],
            &["1", "做好甲事。", "乡村振兴办", "推进甲事。", "完成60%。"],
        ]);
        let header = header_at(&report, 0).unwrap();
        assert_eq!(header.rows, 2);
        assert_eq!(header.printed[3], "第二季度工作任务安排");
        assert_eq!(header.printed[4], "第二季度完成情况");
        assert!(header_bands(&header.merged, &header.map).is_empty());
        // One row when the next is a task, or a section row whose words name a column.
        let one = rows(&[&["序号", "工作任务", "责任单位"], &["", "一、重点任务", ""]]);
        assert_eq!(header_at(&one, 0).unwrap().rows, 1);
        // A task followed by a repeated header (a table continued on a new page) is a task.
        let repeated = rows(&[
            &["25", "完成燃气管道改造", "市住建局"],
            &["序号", "工作任务", "责任单位"],
        ]);
        assert!(header_at(&repeated, 0).is_none());
        assert_eq!(find_header(&repeated), Some(1));
    }

    #[test]
    fn a_content_header_spanning_a_blank_cell_names_both_columns() {
        let spanned = rows(&[
            &["项 目", "", "分值", "目标", "考核单位"],
            &[
                "经济发展",
                "县域生产总值增速",
                "4",
                "高于全市平均",
                "县发改局",
            ],
        ]);
        let map = header_at(&spanned, 0).unwrap().map;
        assert_eq!(map.index(Column::Group), Some(0));
        assert_eq!(map.index(Column::Content), Some(1));
        // A blank header with nothing under it, or beside 序号, stays blank.
        let empty_below = rows(&[
            &["序号", "", "工作任务", "责任单位"],
            &["1", "", "做好甲事", "区教育局"],
        ]);
        assert_eq!(spanned_names(&empty_below[0], &empty_below[1..])[1], "");
        let beside_number = rows(&[
            &["序号", "", "工作任务", "责任单位"],
            &["1", "x", "做好甲事", "区教育局"],
        ]);
        assert_eq!(spanned_names(&beside_number[0], &beside_number[1..])[1], "");
    }

    #[test]
    fn a_table_without_a_number_column_numbers_its_rows() {
        let g = grid(&[
            &["工作任务", "具体要求", "责任科室", "时限要求"],
            &["规范公开", "做好公开。", "法规科", "全年"],
            &["强化监督", "开展检查。", "监督科", "6月底"],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        let numbers: Vec<String> = table
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t.no.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(numbers, ["1", "2"]);
        assert!(found.iter().any(|d| d.code == "table/no-number-column"));
    }

    /// A title row numbered as a part of the document (一、10件民生实事任务分解表) titles the
    /// table with its words, as the same line of a text does.
    #[test]
    fn a_title_rows_numeral_is_no_part_of_the_title() {
        let g = grid(&[
            &["一、10件民生实事任务分解表", "", ""],
            &["序号", "工作任务", "责任单位"],
            &["1", "做好甲事。", "县教育局"],
        ]);
        let table = g.table(1, &mut Vec::new());
        assert_eq!(table.title.as_deref(), Some("10件民生实事任务分解表"));
    }

    #[test]
    fn a_heading_merged_across_without_a_numeral_is_a_group() {
        let g = grid(&[
            &["序号", "工作任务", "责任科室"],
            &["强化行政规范性文件公开", "", ""],
            &["1", "做好甲事。", "法规科"],
        ]);
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        assert!(matches!(&table.rows[0].kind, RowKind::Label(l) if l == "强化行政规范性文件公开"));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_label_of_a_row_joined_under_a_merged_number_is_said() {
        let mut g = grid(&[
            &["序号", "目标名称", "工作标准", "牵头单位"],
            &["2", "城市更新", "", ""],
            &["", "老旧小区", "(3)改造老旧小区12个。", "区住建局"],
        ]);
        g.merged_down.insert((2, 0), "2".to_string());
        let mut found = Vec::new();
        let table = g.table(0, &mut found);
        let place = Location::cell("t.xlsx", "表", 2, 1);
        assert!(
            table.left_out.contains(&("老旧小区".to_string(), place)),
            "{:?}",
            table.left_out
        );
    }

    #[test]
    fn numbered_items_keep_their_lines() {
        // Each a paragraph of a Word cell: each on its line. A spreadsheet's (or any) item
        // after a clause ended: on its line too.
        for (cell, paragraphs) in [
            ("1.建立解读材料同步审核机制\n2.每季度抽查一次", true),
            ("（1）建立台账；\n（2）每月巡查。", false),
        ] {
            assert_eq!(
                join_content_lines(cell, paragraphs),
                (cell.to_string(), vec![])
            );
        }
    }

    #[test]
    fn a_cells_lines_join_as_one_sentence_unless_they_are_two_pieces_of_work() {
        let joined = |text: &str, paragraphs: bool| {
            let (text, joints) = join_content_lines(text, paragraphs);
            (
                text,
                joints.iter().map(|(_, mark)| *mark).collect::<Vec<_>>(),
            )
        };
        // A name over the sentence of its words: a colon.
        assert_eq!(
            joined(
                "建设数字产业园\n完成园区一期主体工程，引进软件企业10家",
                true
            ),
            (
                "建设数字产业园：完成园区一期主体工程，引进软件企业10家".to_string(),
                vec!["："]
            )
        );
        // A sentence broken inside a phrase, a first clause of a word or two: one sentence,
        // whatever wrote the break.
        for paragraphs in [true, false] {
            for (cell, sentence) in [
                (
                    "加快推进城东片区\n开发，完成投资10亿元",
                    "加快推进城东片区开发，完成投资10亿元",
                ),
                ("深化学校\n家庭社会", "深化学校家庭社会"),
                (
                    "推进高频事项\n“一件事”集成办理。",
                    "推进高频事项“一件事”集成办理。",
                ),
                ("完成投资10亿元\n以上", "完成投资10亿元以上"),
                ("完善制度。\n开展检查。", "完善制度。开展检查。"),
                (
                    "推进滨江商务区配套建设,加快滨江\n综合交通枢纽建设",
                    "推进滨江商务区配套建设,加快滨江综合交通枢纽建设",
                ),
            ] {
                assert_eq!(joined(cell, paragraphs), (sentence.to_string(), vec![]));
            }
        }
        // Numbered items a spreadsheet's break left unended, and targets ending on their
        // figures: a semicolon between them.
        assert_eq!(
            joined("1.建立解读材料同步审核机制\n2.每季度抽查一次", false),
            (
                "1.建立解读材料同步审核机制；2.每季度抽查一次".to_string(),
                vec!["；"]
            )
        );
        for paragraphs in [true, false] {
            assert_eq!(
                joined("城镇新增就业2.5万人\n开发公益性岗位500个", paragraphs).0,
                "城镇新增就业2.5万人；开发公益性岗位500个"
            );
        }
        // Two clauses, each a paragraph of a Word cell: apart; a spreadsheet's break may
        // wrap a sentence anywhere.
        assert_eq!(
            joined("联动共建科学城\n推动量子通信器件国家重点实验室落地", true).0,
            "联动共建科学城；推动量子通信器件国家重点实验室落地"
        );
        assert_eq!(
            joined("联动共建科学城\n推动量子通信器件国家重点实验室落地", false).0,
            "联动共建科学城推动量子通信器件国家重点实验室落地"
        );
    }

    #[test]
    fn line_breaks_inside_a_cell_join_without_a_space_between_chinese() {
        assert_eq!(join_lines("深化学校\n家庭社会"), "深化学校家庭社会");
        assert_eq!(join_lines("AB\nCD"), "AB CD");
    }
}
