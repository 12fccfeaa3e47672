//! The 任务分工表 in a text source: tab-separated or pipe rows under a header row, with
//! section rows and 主要事项 labels.

use super::merged_labels::{self, MergedLabels};
use super::{Places, centred, is_pipe_rule, section_heading, split_cells, strip_markup};
use std::sync::LazyLock;

use regex::Regex;

use crate::base::cjk::{excerpt, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};
use crate::ingest::raw_table::{
    Column, ColumnNames, HeaderMap, RawRow, RawTable, RawTask, RowKind,
};

/// One line under a table's header: a row of cells, or a line that is not one.
pub(super) enum TableLine {
    /// Cells, as the header orders them.
    Row(Vec<String>),
    /// A line that does not split into cells, as written.
    Stray(String),
}

/// Reads the table whose header row is line `header_index` of `lines`, to the end of them.
pub(super) fn parse_table(
    lines: &[&str],
    header_index: usize,
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let header_cells = split_cells(lines[header_index]).unwrap_or_default();
    parse_table_under(
        lines,
        (header_cells, header_index, header_index + 1),
        places,
        diagnostics,
    )
}

/// Reads the table whose header row (its cells, from line index `first`) ends before line
/// index `body_at`: the rows from there to the end.
pub(super) fn parse_table_under(
    lines: &[&str],
    (mut header_cells, first, body_at): (Vec<String>, usize, usize),
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let mut body = Vec::new();
    let (mut starts, header_lines) = set_to_columns(
        lines,
        (&mut header_cells, first, body_at),
        places,
        diagnostics,
    );
    let mut index = body_at + header_lines;
    let mut wrapped = WrappedRows::default();
    let column_of = |kind| (header_cells.iter()).position(|c| Column::from_header(c) == Some(kind));
    let no_column = column_of(Column::No);
    // Columns whose wrapped lines run on as one line of words, the task's and its time's.
    let runs_on = [
        column_of(Column::Group),
        column_of(Column::Person),
        column_of(Column::Content),
        column_of(Column::Deadline),
    ];
    let row_starts = match (&starts, no_column) {
        (Some(columns), Some(no)) => {
            centred::row_starts(lines, index, columns, (no, runs_on[2], runs_on[0]))
        }
        _ => centred::RowStarts::default(),
    };
    diagnostics.extend(row_starts.said(places));
    let mut merged = match (&starts, no_column, runs_on[0]) {
        (Some(columns), Some(no), Some(group)) => {
            merged_labels::spread(lines, index, columns, (no, group), &row_starts)
        }
        _ => MergedLabels::default(),
    };
    diagnostics.extend(merged.said(places));
    while index < lines.len() {
        let at = index;
        if let Some(columns) = starts.as_mut() {
            columns_of_page(columns, lines, at);
        }
        let width = header_cells.len();
        let (mut line, next) = line_of_a_row(lines, at, width);
        index = next;
        if line.trim().is_empty() {
            continue;
        }
        if starts.as_ref().is_some_and(|c| note_under_table(c, &line)) {
            body.push((at as u32 + 1, TableLine::Row(vec![line.trim().to_string()])));
            continue;
        }
        if let (Some(columns), Some(group)) = (starts.as_ref(), runs_on[0]) {
            line = merged.without_taken(at, line, columns, group);
        }
        if let (Some(columns), Some(no_column)) = (starts.as_ref(), no_column) {
            match row_starts.read(at, line, (columns, no_column)) {
                Ok(cells) => {
                    body.push((at as u32 + 1, TableLine::Row(cells)));
                    give_merged_label(&mut body, &mut merged, at, runs_on[0], width);
                    continue;
                }
                // A line that held only its row's number, moved up, is empty now.
                Err(rest) if rest.trim().is_empty() => continue,
                Err(rest) => line = rest,
            }
        }
        if let (Some(columns), Some(no_column)) = (starts.as_ref(), no_column)
            && let Some(cells) = row_going_on(&mut body)
            && wraps_onto(cells, &line, (columns, no_column, runs_on))
        {
            wrapped.line_of(&cells[no_column], at);
            continue;
        }
        let placed = (starts.as_ref()).and_then(|columns| columns.cells(&line));
        let mut row = match split_cells(&line) {
            Some(cells) if is_pipe_rule(&cells) => continue,
            Some(_) if let Some(placed) = placed => TableLine::Row(placed),
            Some(cells) if let Some((first, second)) = rows_run_together(&cells, width) => {
                let place = places.at(at as u32 + 1);
                diagnostics.push(run_together_said(&first, &second, place));
                body.push((at as u32 + 1, TableLine::Row(first)));
                TableLine::Row(second)
            }
            Some(cells) => TableLine::Row(cells),
            None => TableLine::Stray(line),
        };
        if let (Some(_), Some(group), TableLine::Row(cells)) = (&starts, runs_on[0], &mut row)
            && !merged.is_read()
        {
            label_carried_up(&mut body, cells, group);
        }
        body.push((at as u32 + 1, row));
        give_merged_label(&mut body, &mut merged, at, runs_on[0], width);
    }
    // A label whose row read as none stays, a line of its own where it stood.
    for (at, label) in merged.take_rest() {
        let before = body.partition_point(|(line, _)| *line <= at as u32 + 1);
        body.insert(before, (at as u32 + 1, TableLine::Stray(label)));
    }
    if let (Some(_), Some(content)) = (&starts, runs_on[2]) {
        spaces_around_figures_closed(&mut body, content);
    }
    diagnostics.extend(wrapped.said(places));
    read_table((header_cells, first as u32 + 1), body, places, diagnostics)
}

/// A note under the table (注：…) set from its left edge over the columns: no cell of the
/// row above goes on in it.
fn note_under_table(columns: &super::Columns, line: &str) -> bool {
    crate::ingest::grid::is_note(line.trim()) && columns.one_piece_from_first(line)
}

/// The line at index `at` with the lines a row broken inside a cell goes on over, and the
/// index after them.
fn line_of_a_row(lines: &[&str], at: usize, width: usize) -> (String, usize) {
    let broken = row_broken_in_a_cell(lines, at, width)
        .or_else(|| tab_row_broken_in_a_cell(lines, at, width))
        .or_else(|| last_cell_continued(lines, at));
    broken.unwrap_or_else(|| (lines[at].to_string(), at + 1))
}

/// Two rows read from one line that lost the break between them.
fn run_together_said(first: &[String], second: &[String], place: Location) -> Diagnostic {
    let (last, no) = (first.last().map_or("", String::as_str), &second[0]);
    Diagnostic::warning(
        "table/rows-run-together",
        place,
        format!(
            "这一行是两行连在一起（原文丢了换行）：「{last}」之后的「{no}」起是第 {no} 项，已分开读"
        ),
    )
}

/// The last row read, past a header repeated at a page's top: a row cut by the page goes
/// on under it.
fn row_going_on(body: &mut [(u32, TableLine)]) -> Option<&mut Vec<String>> {
    let mut at = body.len().checked_sub(1)?;
    if let TableLine::Row(cells) = &body[at].1
        && HeaderMap::detect(cells).is_some()
    {
        at = at.checked_sub(1)?;
    }
    match &mut body[at].1 {
        TableLine::Row(cells) => Some(cells),
        TableLine::Stray(_) => None,
    }
}

/// The rows of a table set to columns whose cells went on over lines under them: each
/// row's number with how many lines, and where the first was.
#[derive(Default)]
struct WrappedRows {
    rows: Vec<(String, usize)>,
    first: Option<usize>,
}

impl WrappedRows {
    /// Line index `at` went on with the cells of the row numbered `no`.
    fn line_of(&mut self, no: &str, at: usize) {
        let no = no.trim();
        match self.rows.last_mut() {
            Some((last, count)) if last == no => *count += 1,
            _ => self.rows.push((no.to_string(), 1)),
        }
        self.first.get_or_insert(at);
    }

    /// One note for them all.
    fn said(&self, places: Places<'_>) -> Option<Diagnostic> {
        let at = self.first?;
        let lines: usize = self.rows.iter().map(|(_, n)| n).sum();
        let rows: Vec<&str> = self.rows.iter().map(|(no, _)| no.as_str()).collect();
        Some(Diagnostic::note(
            "table/cell-wrapped",
            places.at(at as u32 + 1),
            format!(
                "分工表按列排版，{} 项的格子折到了下面的行（共 {lines} 行：第 {} 项）：已按各列的位置接回所在的格子",
                rows.len(),
                rows.join("、")
            ),
        ))
    }
}

/// A PDF's text sets a space between a figure and the characters beside it (`达到 98%以上`,
/// `2025 年`) where the document has none: the task's words as written.
fn spaces_around_figures_closed(body: &mut [(u32, TableLine)], content: usize) {
    for (_, line) in body {
        if let TableLine::Row(cells) = line
            && let Some(cell) = cells.get_mut(content)
        {
            let lines: Vec<String> = cell.split('\n').map(tidy_spacing).collect();
            *cell = lines.join("\n");
        }
    }
}

/// The columns of a table set to them by spaces (a fixed-width page, a PDF's text), read
/// from a header on one line: its names as the columns read them (`序号 主要事项` two), the
/// lines under it that go on with them joined and said. The columns, and how many lines
/// under the header were its.
fn set_to_columns(
    lines: &[&str],
    (header_cells, first, body_at): (&mut Vec<String>, usize, usize),
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<super::Columns>, usize) {
    let Some(columns) = (body_at == first + 1)
        .then(|| super::column_starts(lines[first], &lines[body_at..]))
        .flatten()
    else {
        return (None, 0);
    };
    // The header's words one space apart, columns of their own (`序号 主要事项`).
    if columns.names().len() != header_cells.len() {
        *header_cells = columns.names().to_vec();
    }
    let wrapped = header_wrapped_under(header_cells, &lines[body_at..], &columns);
    if wrapped > 0 {
        diagnostics.push(Diagnostic::note(
            "table/header-wrapped",
            places.at(first as u32 + 1),
            format!(
                "表头的列名折成了 {} 行（PDF 中的窄列），已合起来读作「{}」",
                wrapped + 1,
                header_cells.join("」「")
            ),
        ));
    }
    (Some(columns), wrapped)
}

/// The columns as the page that line `at` opens (after `pdftotext`'s form feed) sets them.
pub(super) fn columns_of_page(columns: &mut super::Columns, lines: &[&str], at: usize) {
    if !lines[at].starts_with(super::PAGE_BREAK) {
        return;
    }
    let page = (lines[at + 1..].iter())
        .position(|l| l.starts_with(super::PAGE_BREAK))
        .map_or(lines.len(), |end| at + 1 + end);
    columns.on_next_page(&lines[at..page]);
}

/// The lines under a header set to its columns that go on with its names (责任 / 领导,
/// 序 / 号, 完成时 / 限: a PDF's narrow columns wrap them), each piece joined to the name
/// above it: how many lines there were.
fn header_wrapped_under(header: &mut [String], lines: &[&str], columns: &super::Columns) -> usize {
    if header.len() != columns.len() {
        return 0;
    }
    let word =
        |t: &str| (1..=4).contains(&t.chars().count()) && t.chars().all(crate::base::cjk::is_han);
    // A unit's name under a whole column name is a row's first line (cells centred
    // vertically set it beside the header's last line), no more of the name.
    let goes_on = |name: &str, text: &str| {
        word(text)
            && !(Column::from_header(name).is_some() && crate::ingest::units::ends_as_a_body(text))
    };
    let mut taken = 0;
    for line in lines {
        let Some(pieces) = columns
            .pieces(line)
            .filter(|p| p.iter().all(|(c, t)| goes_on(&header[*c], t)))
        else {
            break;
        };
        for (column, text) in pieces {
            header[column].push_str(&text);
        }
        taken += 1;
    }
    // Only names that read as columns once whole: a short first row's words stay its own.
    let named = header
        .iter()
        .filter(|h| Column::from_header(h).is_some())
        .count();
    if taken > 0 && named < 2 {
        return 0;
    }
    taken
}

/// The label of a 类别 merged down over rows, given to the row opening at line `at` (the
/// last line read); on a line of its own where that line read as no row, so it is kept.
fn give_merged_label(
    body: &mut Vec<(u32, TableLine)>,
    merged: &mut MergedLabels,
    at: usize,
    group: Option<usize>,
    width: usize,
) {
    let (Some(group), Some(label)) = (group, merged.take_given(at)) else {
        return;
    };
    match body.last_mut() {
        Some((line, TableLine::Row(cells))) if *line == at as u32 + 1 && group < cells.len() => {
            cells[group] = label;
        }
        _ => {
            let mut cells = vec![String::new(); width.max(group + 1)];
            cells[group] = label;
            body.push((at as u32 + 1, TableLine::Row(cells)));
        }
    }
}

/// A 主要事项 label merged down over rows, which a PDF's text sets over their lines
/// (`（一）深化“一` on task 1's, `网通办”改革` on task 2's): a row's label without a number
/// of its own, under rows whose last label has one, is the rest of that label.
fn label_carried_up(body: &mut [(u32, TableLine)], cells: &mut [String], group: usize) {
    let numbered = |text: &str| {
        let text = tidy_spacing(text);
        super::numbered_label(&text).is_some() || section_heading(&text).is_some()
    };
    let Some(label) = cells
        .get(group)
        .filter(|l| !l.trim().is_empty() && !numbered(l))
    else {
        return;
    };
    let above = (body.iter_mut().rev())
        .map_while(|(_, line)| match line {
            TableLine::Row(cells) => Some(cells),
            TableLine::Stray(_) => None,
        })
        .find_map(|cells| cells.get_mut(group).filter(|l| !l.trim().is_empty()));
    if let Some(above) = above.filter(|l| numbered(l)) {
        above.push_str(label.trim());
        cells[group].clear();
    }
}

/// A line of a table set to its columns that goes on with the numbered row above (cells
/// wrapped by their columns' width, as a PDF's text sets them: `      民1.2万户。     建设局`):
/// indented past the 序号 column, each piece under a column of its own. Each piece is put
/// on a line of its own under its cell (the cell's reader joins a wrapped word or name);
/// whether it was.
fn wraps_onto(
    cells: &mut [String],
    line: &str,
    (columns, no_column, [group_column, person_column, content_column, time_column]): (
        &super::Columns,
        usize,
        [Option<usize>; 4],
    ),
) -> bool {
    if cells.len() != columns.len()
        || cells
            .get(no_column)
            .is_none_or(|no| parse_task_number(no.trim()).is_none())
        || section_heading(line.trim()).is_some()
    {
        return false;
    }
    let Some(pieces) = columns.pieces(line) else {
        return false;
    };
    // A 类别 label set before the 序号 goes on over the rows' lines as any cell does.
    let before_number = |column: usize| column <= no_column && Some(column) != group_column;
    if pieces.iter().any(|(column, _)| before_number(*column)) {
        return false;
    }
    // A cell left inside its brackets (各镇(街) takes the piece that closes them (道)),
    // wherever the line sets it.
    let open = |cell: &String| {
        let count = |marks: &[char]| cell.chars().filter(|c| marks.contains(c)).count();
        count(&['(', '（']) > count(&[')', '）'])
    };
    let closes = |text: &str| {
        let close = text.find([')', '）']);
        close.is_some_and(|at| !text[..at].contains(['(', '（']))
    };
    let left_open: Vec<usize> = (0..cells.len()).filter(|&c| open(&cells[c])).collect();
    for (column, text) in pieces {
        let column = match left_open.as_slice() {
            [only] if closes(&text) => *only,
            _ => column,
        };
        let cell = &mut cells[column];
        // A 主要事项 label wraps as a heading does, a leader's name as a name: one line of
        // words, unless the line above ended its list (县委常委、 / 常务副县长).
        let runs_on = Some(column) == group_column
            || (Some(column) == person_column && !cell.ends_with(['、', '，', ',', '；', ';']))
            || (Some(column) == content_column && wrapped_by_width(cell, &text))
            || (Some(column) == time_column && date_goes_on(cell, &text));
        if !cell.is_empty() && !runs_on {
            cell.push('\n');
        }
        cell.push_str(&text);
    }
    true
}

/// Whether a date's line goes on with the cell above it (`2025 年 9 月` / `30 日`, `2025 年`
/// / `12 月底前`, `2025 年 12` / `月底前`): the cell stops at a figure or a year, or the
/// line starts with what only ends a date. A line with a date of its own (a second
/// stage's) keeps its line.
fn date_goes_on(cell: &str, line: &str) -> bool {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^\d{1,2}\s*(日|号)").unwrap()
    });
    let (cell, line) = (cell.trim_end(), line.trim_start());
    !cell.is_empty()
        && (cell.ends_with(|c: char| c.is_ascii_digit() || c == '年')
            || line.starts_with(['日', '号', '底', '前', '月', '旬'])
            || DAY.is_match(line))
}

/// Whether a task's line in a table set to its columns goes on from the line above only
/// because the column's width ended it (`开展一` / `次评估通报。`): the line above ends
/// no clause and this one opens no item (（1）, 2., ①), each of which keeps its line.
fn wrapped_by_width(cell: &str, line: &str) -> bool {
    !cell
        .trim_end()
        .ends_with(['。', '；', ';', '：', ':', '！', '？', '!', '?'])
        && crate::ingest::raw_table::opening_number(line).is_none()
}

/// Two rows a lost line break ran into one (…| 2023年10月底3 | 新建…| 2023年11月底): twice
/// the header's cells but one, the row's last cell closed by the next row's number. The two
/// rows, when so.
fn rows_run_together(cells: &[String], width: usize) -> Option<(Vec<String>, Vec<String>)> {
    if width < 3 || cells.len() != 2 * width - 1 {
        return None;
    }
    let joint = cells[width - 1].trim();
    let digits = joint.len() - joint.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (last, number) = joint.split_at(joint.len() - digits);
    if !(1..=3).contains(&digits) || last.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first_no = parse_task_number(cells[0].trim())?;
    (parse_task_number(number)? == first_no + 1).then(|| {
        let mut first = cells[..width - 1].to_vec();
        first.push(last.trim().to_string());
        let mut second = vec![number.to_string()];
        second.extend(cells[width..].iter().cloned());
        (first, second)
    })
}

/// A `|` row broken by a line break inside a cell (a web page's cell of two lines,
/// `市国土资源局` / `市农牧林业局 | 2010年9月20日前 |`): the line at `at` lacks the closing
/// `|` its header has and too few cells; with the lines after it (at most four) it has as
/// many as the header. The row, the cell's break kept, and the index after its last line.
fn row_broken_in_a_cell(lines: &[&str], at: usize, width: usize) -> Option<(String, usize)> {
    let closed = |l: &str| l.trim_end().ends_with('|');
    let count = |l: &str| split_cells(l).map_or(0, |c| c.len());
    let first = lines[at];
    if !first.contains('|') || closed(first) || count(first) >= width {
        return None;
    }
    let mut joined = first.trim_end().to_string();
    for (end, more) in lines.iter().enumerate().skip(at + 1).take(4) {
        if more.trim().is_empty() {
            return None;
        }
        joined.push('\n');
        joined.push_str(more.trim());
        if closed(more) {
            return (count(&joined) == width).then_some((joined, end + 1));
        }
    }
    None
}

/// A tab-separated row broken by a line break inside a cell, not quoted (a web page's cell
/// of two units copied: `2⇥一般公共预算收入增长5%左右。⇥区财政局` / `区税务局⇥区政府有关部门…`):
/// a numbered line with too few cells, and after it (at most four) lines that are not a
/// row, a heading or a number of their own, whose cells make up the header's `width` once
/// the cell at each break is joined. The row, the breaks kept, and the index after it.
fn tab_row_broken_in_a_cell(lines: &[&str], at: usize, width: usize) -> Option<(String, usize)> {
    let (first, cells) = numbered_tab_row(lines[at])?;
    if cells >= width {
        return None;
    }
    let mut joined = first.to_string();
    let mut count = cells;
    for (end, more) in lines.iter().enumerate().skip(at + 1).take(4) {
        let more = more.trim_end();
        let lead = more.split('\t').next().unwrap_or("").trim();
        if lead.is_empty()
            || parse_task_number(lead).is_some()
            || section_heading(lead).is_some()
            || split_cells(more).is_some_and(|c| HeaderMap::detect(&c).is_some())
        {
            return None;
        }
        joined.push('\n');
        joined.push_str(more.trim_start());
        count += more.matches('\t').count();
        if count == width {
            return Some((joined, end + 1));
        }
        if count > width {
            return None;
        }
    }
    None
}

/// A tab-separated row whose last cell goes on on the lines after it, not quoted (a web
/// page's cell of several lines: `3⇥…⇥区发改委⇥区工信局…区卫健委,` / `各乡镇人民政府、街道办事处`):
/// plain lines — no tab, no heading, no number — followed by another row of the table (text
/// under the table is not the cell's). The row, the breaks kept, and the index after it.
fn last_cell_continued(lines: &[&str], at: usize) -> Option<(String, usize)> {
    let (first, _) = numbered_tab_row(lines[at])?;
    let plain = |l: &str| {
        let l = l.trim();
        !l.is_empty()
            && !l.contains('\t')
            && !is_heading_line(l)
            && parse_task_number(l.split([' ', '　']).next().unwrap_or("")).is_none()
    };
    let end = (at + 1..lines.len().min(at + 5))
        .take_while(|&k| plain(lines[k]))
        .last()?
        + 1;
    let next_row = lines[end..].iter().find(|l| !l.trim().is_empty())?;
    if !next_row.contains('\t') {
        return None;
    }
    let mut joined = first.to_string();
    for more in &lines[at + 1..end] {
        joined.push('\n');
        joined.push_str(more.trim());
    }
    Some((joined, end))
}

/// A tab-separated line whose first cell is a task's number: the line, its cells counted.
fn numbered_tab_row(line: &str) -> Option<(&str, usize)> {
    let line = line.trim_end();
    let first = line.split('\t').next()?;
    (line.contains('\t') && parse_task_number(first).is_some())
        .then(|| (line, line.split('\t').count()))
}

/// A heading on a line of its own among a table's rows: a section's (一、…) or a group's
/// (（二）…, short, no sentence in it).
pub(super) fn is_heading_line(line: &str) -> bool {
    let text = heading_text(line);
    section_heading(&text).is_some() || group_heading(&text).is_some()
}

/// A heading line's text, without a Markdown heading's marks or the bars a web table's
/// merged row leaves after it when copied (一、深化政务公开 |||).
fn heading_text(line: &str) -> String {
    // A Markdown heading's marks (## 二、…) set it apart, as a line of its own does.
    let text = strip_markup(line.trim().trim_start_matches('#'));
    tidy_spacing(text.trim_end_matches(['|', '｜', ' ', '\t']))
}

/// A group's heading alone on a line: （二）推动产业升级 — a numbered label of at most 30
/// characters, no full stop inside.
fn group_heading(text: &str) -> Option<String> {
    super::numbered_label(text)?;
    let inner = text.trim_end_matches('。');
    (text.chars().count() <= 30 && !inner.contains('。')).then(|| text.to_string())
}

/// A pipe table's header broken over lines (a narrow page wraps it: `序号 | 工作 责任组 |` /
/// `责任 领导 |` / `责任 单位 |` / `月度目标要求 | 工作进展 |`): the lines joined read as a
/// header. Its cells, its first line's index and the index after its last.
pub(super) fn wrapped_header(lines: &[&str]) -> Option<(Vec<String>, usize, usize)> {
    let piped = |l: &str| l.trim().ends_with('|') && l.trim().chars().count() <= 60;
    (0..lines.len()).find_map(|first| {
        if !piped(lines[first]) {
            return None;
        }
        let mut joined = lines[first].trim().to_string();
        for end in first + 1..(first + 6).min(lines.len()) {
            if !piped(lines[end]) {
                return None;
            }
            joined.push(' ');
            joined.push_str(lines[end].trim());
            let cells = split_cells(&joined)?;
            if HeaderMap::detect(&cells).is_some() {
                let header = more_of_header(lines, joined, first, end + 1);
                // Rows of one cell a line (`80 |`) under it: every cell has its own line, the
                // header's too — a stacked table between borders, not a wrapped header.
                return (!one_cell_a_line(&lines[header.2..])).then_some(header);
            }
        }
        None
    })
}

/// True when the first line of `lines` with text holds one cell at most (`80 |`).
fn one_cell_a_line(lines: &[&str]) -> bool {
    lines
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_some_and(|l| {
            split_cells(l).is_none_or(|c| c.iter().filter(|c| !c.trim().is_empty()).count() <= 1)
        })
}

/// A wrapped header read up to `end`, with the piped lines after it that are more of it (no
/// row's number first).
fn more_of_header(
    lines: &[&str],
    mut joined: String,
    first: usize,
    mut end: usize,
) -> (Vec<String>, usize, usize) {
    while let Some(next) = lines.get(end).map(|l| l.trim())
        && next.ends_with('|')
        && next.chars().count() <= 60
        && split_cells(next).is_some_and(|c| {
            c.first()
                .is_some_and(|f| parse_task_number(f).is_none() && !f.trim().is_empty())
        })
    {
        let longer = format!("{joined} {next}");
        if split_cells(&longer).is_none_or(|c| HeaderMap::detect(&c).is_none()) {
            break;
        }
        joined = longer;
        end += 1;
    }
    (split_cells(&joined).unwrap_or_default(), first, end)
}

/// A table with the columns of `header` and no rows yet.
fn empty_table(header: &HeaderMap, header_cells: &[String], header_place: &Location) -> RawTable {
    RawTable {
        title: None,
        origin: Some(header_place.clone()),
        repeated_headers: 0,
        extra_columns: header.extra.iter().map(|(name, _)| name.clone()).collect(),
        header: header_cells.iter().map(|c| c.trim().to_string()).collect(),
        column_order: header.order(),
        header_bands: Vec::new(),
        left_out: Vec::new(),
        column_names: ColumnNames::of_header(header, header_cells),
        rows: Vec::new(),
        after: Vec::new(),
        said: Vec::new(),
        parts: Vec::new(),
        appended: Vec::new(),
        notes: Vec::new(),
    }
}

/// A line among a table's rows that is not one: a section's heading on a line of its own
/// (a web table's row of one merged cell, copied without its tabs) is the section's row, a
/// group's its label; anything else is said as a stray line.
fn line_among_rows(
    table: &mut RawTable,
    (line, going_on): (&str, &mut Option<usize>),
    here: Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let text = heading_text(line);
    let kind = match section_heading(&text) {
        Some((numeral, title)) => Some(RowKind::Section { numeral, title }),
        None => group_heading(&text).map(RowKind::Label),
    };
    match kind {
        Some(kind) => table.rows.push(RawRow { kind, origin: here }),
        None if let Some((no, cell)) = cell_wrapped_onto(table, line, *going_on) => {
            // Said once, at the first line of the run.
            if going_on.replace(cell).is_some() {
                return;
            }
            diagnostics.push(Diagnostic::note(
                "table/cell-wrapped",
                here,
                format!(
                    "第 {no} 项：下一行「{}」是上一行某格折下来的文字，已接在该格之后",
                    line.trim()
                ),
            ));
        }
        None => diagnostics.extend(stray_line(table, line, here)),
    }
}

/// Reads a table from its header's cells and line and the numbered lines under it.
pub(super) fn read_table(
    (header_cells, header_line): (Vec<String>, u32),
    body: Vec<(u32, TableLine)>,
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let header = HeaderMap::detect(&header_cells).unwrap_or_default();
    let header_place = places.at(header_line);
    diagnostics.extend(header.findings(|_| header_place.clone()));
    let mut table = empty_table(&header, &header_cells, &header_place);
    // No 序号 column: tasks are numbered in row order.
    let by_order = header.index(Column::No).is_none();
    if by_order {
        diagnostics.push(Diagnostic::note(
            "table/no-number-column",
            header_place.clone(),
            "表中没有序号列，任务按行序编号（1、2、3……）",
        ));
    }
    let (mut order, mut own_numbered) = (0, 0);
    // The last task row's cells: what a cell merged down over the rows after it says.
    let mut previous: Vec<String> = Vec::new();
    let last_row = body
        .iter()
        .rposition(|(_, l)| matches!(l, TableLine::Row(_)));
    let mut under = Vec::new();
    // The cell of the last task a wrapped line went on with: the next line goes on with it.
    let mut wrapped: Option<usize> = None;
    for (at, (line_no, line)) in body.into_iter().enumerate() {
        let here = places.at(line_no);
        let cells = match line {
            TableLine::Row(cells) => cells,
            // The text goes on after the table (二、工作要求 …): not a line among its rows.
            TableLine::Stray(line) if last_row.is_none_or(|last| at > last) => {
                under.push((line, here));
                continue;
            }
            TableLine::Stray(line) => {
                let mut going_on = wrapped.take();
                line_among_rows(&mut table, (&line, &mut going_on), here, diagnostics);
                wrapped = going_on;
                continue;
            }
        };
        wrapped = None;
        if HeaderMap::detect(&cells).is_some_and(|h| header.repeats(&h)) {
            table.repeated_headers += 1;
            continue;
        }
        let cells = match mend_short_row((&header, header_cells.len()), &cells, &previous) {
            Some((mended, gap)) => {
                let said = said_mended((&header, &header_cells), (&cells, &mended, gap), &here);
                diagnostics.push(said);
                mended
            }
            None => cells,
        };
        if parse_task_number(header.get(&cells, Column::No)).is_some() {
            previous.clone_from(&cells);
        }
        let (numbered, next_own) = numbered_in_order(&header, &cells, (order, own_numbered));
        let numbered = by_order && numbered;
        if numbered {
            order += 1;
            own_numbered += u32::from(next_own);
        }
        let ordinal = order.to_string();
        let no = if by_order {
            if numbered { ordinal.as_str() } else { "" }
        } else {
            header.get(&cells, Column::No)
        };
        read_row(
            &mut table,
            (&header, header_cells.len()),
            &cells,
            no,
            here,
            diagnostics,
        );
    }
    if let Some(at) = header.index(Column::Person) {
        let column = header_cells[at].trim();
        diagnostics.extend(leaders_carried_down(&mut table, column));
    }
    table.settle_layout(&header, &header_place, diagnostics);
    super::take_text_under(&mut table, under, diagnostics);
    table
}

/// Tasks with no leader under a task with one: the source merged the leader's cell down
/// over the rows, and a copy keeps it once, on the first (empty cells, or cells a web page
/// left out). Each such task takes the leader above it, said once per leader; a heading
/// row, or a task of another group, ends the merge.
fn leaders_carried_down(table: &mut RawTable, column: &str) -> Vec<Diagnostic> {
    // Each leader carried: who, where it is written, how many tasks take it.
    let mut carried: Vec<(String, Location, usize)> = Vec::new();
    let mut above: Option<(String, Option<String>, usize)> = None;
    for row in &mut table.rows {
        let RowKind::Task(task) = &mut row.kind else {
            above = None;
            continue;
        };
        match (&task.person, &above) {
            (Some(leader), _) => {
                above = Some((leader.clone(), task.label.clone(), carried.len()));
                carried.push((leader.clone(), row.origin.clone(), 0));
            }
            (None, Some((leader, label, at))) if task.label.is_none() || task.label == *label => {
                task.person = Some(leader.clone());
                carried[*at].2 += 1;
            }
            (None, _) => above = None,
        }
    }
    (carried.into_iter().filter(|(_, _, rows)| *rows > 0))
        .map(|(leader, origin, rows)| {
            Diagnostic::note(
                "table/merged-down",
                origin,
                format!(
                    "「{column}」一格只在这一行写了「{leader}」，其下 {rows} 项任务的这一格空着（原表是合并的单元格）：按同一位领导读"
                ),
            )
        })
        .collect()
}

/// What is said of a table whose measures are numbered in their text under headings in its
/// 序号 column: the headings are its groups, `column` a column of its own.
pub(crate) fn upper_task_column(column: &str, place: Location) -> Diagnostic {
    Diagnostic::note(
        "table/measures-under-headings",
        place,
        format!(
            "「序号」列写的是（一）（二）……事项，各项任务的编号在内容之前：按事项分组、按内容前的编号读出任务；「{column}」列原样保留在任务分工表中"
        ),
    )
}

/// Whether a row of a table without 序号 is a task numbered in row order, after `order`
/// tasks of which `own` opened with their own number; and whether it opens with its own.
/// A row of text alone is a heading, unless every task so far opened with its own number
/// and this one opens with the next (a last task cut off before its units).
fn numbered_in_order(
    header: &HeaderMap,
    cells: &[String],
    (order, own): (u32, u32),
) -> (bool, bool) {
    let content = header.get(cells, Column::Content);
    let next_own = opens_with_own_number(content, order + 1) && own == order;
    let task =
        !content.is_empty() && (heading_row(header, cells).is_none() || (order > 0 && next_own));
    (task, next_own)
}

/// Whether a task's text opens with its own row number `no` (1.做好规划解读).
fn opens_with_own_number(content: &str, no: u32) -> bool {
    crate::ingest::raw_table::without_own_number(content, no).len() < content.len()
}

/// One row under the header (of `width` cells), its number `no` (as written, or its row
/// order): a task, the tail of the task above, a heading, or said as not read.
fn read_row(
    table: &mut RawTable,
    (header, width): (&HeaderMap, usize),
    cells: &[String],
    no: &str,
    here: Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if parse_task_number(no).is_some() || is_marked_task(header, cells, no) {
        push_task(table, header, (no, cells, width), here, diagnostics);
        return;
    }
    if let Some((cells, moved)) = numbered_in_text(header, cells, width) {
        push_numbered_in_text(table, (header, width), (cells, moved), here, diagnostics);
        return;
    }
    if note_or_total(table, cells, &here, diagnostics) {
        return;
    }
    // A numbered heading alone on its row (一、主要预期指标 in a table numbered by its rows)
    // heads the rows under it: no task's tail.
    if let Some(kind) = heading_row(header, cells).filter(|_| {
        let text = tidy_spacing(header.get(cells, Column::Content));
        section_heading(&text).is_some() || super::numbered_label(&text).is_some()
    }) {
        table.rows.push(RawRow { kind, origin: here });
        return;
    }
    // 4.免征… under 3.对统一征用…, numbered in their text: the next task, though it names no
    // one (the source cut before its units) — never the tail of the one above.
    if no.is_empty() && numbers_on(table, header.get(cells, Column::Content)) {
        push_task(table, header, ("", cells, width), here, diagnostics);
        return;
    }
    if no.is_empty()
        && let Some(moved) = short_of_its_time(header, cells, width)
    {
        let why = format!(
            "这一行比表头少 {} 格，最后一格是完成时限（两个空格之间的分隔在复制时丢失）",
            width - cells.len()
        );
        diagnostics.push(continued_moved(table, header, &moved, here, &why));
        return;
    }
    if no.is_empty() && !header.get(cells, Column::Content).is_empty() {
        diagnostics.push(continue_task(table, header, cells, here));
        return;
    }
    if let Some(moved) = right_aligned(header, cells, width) {
        let why = "这一行的各格靠左、行尾空缺（网页表格左侧的合并单元格在复制时丢失）";
        diagnostics.push(continued_moved(table, header, &moved, here, why));
        return;
    }
    if let Some(kind) = heading_row(header, cells) {
        table.rows.push(RawRow { kind, origin: here });
        return;
    }
    if cells.iter().all(|c| c.trim().is_empty()) {
        return;
    }
    // The whole row, said: none of its cells is read.
    let row: Vec<&str> = (cells.iter().map(|c| c.trim()))
        .filter(|c| !c.is_empty())
        .collect();
    diagnostics.push(Diagnostic::warning(
        "table/bad-number",
        here,
        format!("序号「{no}」不是数字，此行已忽略：「{}」", row.join(" ")),
    ));
}

/// A row that is a note under the table (注：…: kept to print under it, or said) or a total
/// (合计: said); whether it was one.
fn note_or_total(
    table: &mut RawTable,
    cells: &[String],
    here: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut filled: Vec<&str> = (cells.iter().map(|c| c.trim()))
        .filter(|c| !c.is_empty())
        .collect();
    filled.dedup();
    if filled.iter().any(|c| crate::ingest::grid::is_total_cell(c)) {
        diagnostics.push(crate::ingest::grid::total_row_said(
            &filled.join(" "),
            here.clone(),
        ));
        return true;
    }
    if !filled
        .first()
        .is_some_and(|c| crate::ingest::grid::is_note(c))
    {
        return false;
    }
    let note = filled.join("　");
    match crate::ingest::grid::explains_the_table(&note) {
        true => table.notes.push((note, here.clone())),
        false => diagnostics.push(crate::ingest::grid::note_row_said(&note, here.clone())),
    }
    true
}

/// The cells of a row whose task is numbered in its text (see
/// [`HeaderMap::numbered_in_text`]): as written, or moved right by the cells it lacks when
/// it has fewer than the header's `width` (the cells left of it merged down the rows, lost
/// when a web page's table was copied). Returns the cells and how many were lacking.
fn numbered_in_text(
    header: &HeaderMap,
    cells: &[String],
    width: usize,
) -> Option<(Vec<String>, usize)> {
    if header.numbered_in_text(cells).is_some() {
        return Some((cells.to_vec(), 0));
    }
    let missing = width.checked_sub(cells.len()).filter(|m| *m > 0)?;
    let mut moved = vec![String::new(); missing];
    moved.extend(cells.iter().cloned());
    if header.numbered_in_text(&moved).is_some() {
        return Some((moved, missing));
    }
    // Its empty last cells lost with their bars: the row ends at its time.
    let moved = ending_at_its_time(header, cells, width)?;
    let missing = moved.iter().take_while(|c| c.is_empty()).count();
    header
        .numbered_in_text(&moved)
        .is_some()
        .then_some((moved, missing))
}

/// A row moved right under its header (`why` it stood short) continuing the task above,
/// said.
fn continued_moved(
    table: &mut RawTable,
    header: &HeaderMap,
    moved: &[String],
    here: Location,
    why: &str,
) -> Diagnostic {
    let continued = continue_task(table, header, moved, here.clone());
    Diagnostic::warning(
        "table/cells-moved-left",
        here,
        format!("{why}：已按表头靠右对齐；{}", continued.message),
    )
    .with_hint("请核对这一行；把表格粘贴到 Excel 或 WPS 表格后另存为 .xlsx 最稳妥")
}

/// A row short of the header's cells whose last cell says only a time, left of the 完成时限
/// column: empty cells before it lost their separators (two tabs copied as one), so it
/// moves right until its time stands under 完成时限, the lost cells empty at its start.
fn short_of_its_time(header: &HeaderMap, cells: &[String], width: usize) -> Option<Vec<String>> {
    let at = header.index(Column::Deadline)?;
    let last = cells.len().checked_sub(1)?;
    let short = at
        .checked_sub(last)
        .filter(|s| *s > 0 && cells.len() + s <= width)?;
    if !crate::ingest::deadline::says_only_a_time(cells[last].trim()) {
        return None;
    }
    let mut moved = vec![String::new(); short];
    moved.extend(cells.iter().cloned());
    moved.resize(width, String::new());
    Some(moved)
}

/// A short row whose last filled cell is a time, moved right to end at the 完成时限 column
/// when only columns kept as they are (备注) stand after it: their cells were left empty,
/// their bars lost with them. None for any other row.
fn ending_at_its_time(header: &HeaderMap, cells: &[String], width: usize) -> Option<Vec<String>> {
    let filled = cells.iter().rposition(|c| !c.trim().is_empty())? + 1;
    let at = header.index(Column::Deadline)?;
    let ends = at + 1 < width
        && at + 1 >= filled
        && crate::ingest::deadline::reads_as_time(cells[filled - 1].trim())
        && (at + 1..width).all(|c| header.extra.iter().any(|(_, e)| *e == c));
    if !ends {
        return None;
    }
    let mut moved = vec![String::new(); at + 1 - filled];
    moved.extend(cells[..filled].iter().cloned());
    moved.resize(width, String::new());
    Some(moved)
}

/// Adds a task numbered in its text: the heading its 序号 cell holds a row of its own, the
/// number taken off the text; said when its cells were moved.
fn push_numbered_in_text(
    table: &mut RawTable,
    (header, width): (&HeaderMap, usize),
    (mut cells, missing): (Vec<String>, usize),
    here: Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (Some((heading, number, text)), Some(content)) = (
        header.numbered_in_text(&cells),
        header.index(Column::Content),
    ) else {
        return;
    };
    table.push_cell_heading(&heading, here.clone());
    cells[content] = text;
    first_of_run_numbered_in_text(table, &number);
    push_task(
        table,
        header,
        (&number, &cells, width),
        here.clone(),
        diagnostics,
    );
    if let Some(RawRow {
        kind: RowKind::Task(task),
        ..
    }) = table.rows.last_mut()
    {
        task.numbered_in_text = true;
    }
    if missing > 0 {
        diagnostics.push(
            Diagnostic::warning(
                "table/cells-moved-left",
                here,
                format!(
                    "这一行比表头少 {missing} 格（网页表格左侧的合并单元格在复制时丢失）：已按表头靠右对齐，读作任务「{number}」，左侧缺的格视为与上一行合并"
                ),
            )
            .with_hint("请核对这一行；把表格粘贴到 Excel 或 WPS 表格后另存为 .xlsx 最稳妥"),
        );
    }
}

/// The task above a run of rows numbered in their text (序号 1 merged over 1.… / 2.… /
/// 3.…, the copy keeping the number on the first row only): when its text opens with the
/// number before `number`, it is the run's first, its number taken off its text as the
/// others' are.
fn first_of_run_numbered_in_text(table: &mut RawTable, number: &str) {
    let Some(RawRow {
        kind: RowKind::Task(above),
        ..
    }) = table.rows.last_mut()
    else {
        return;
    };
    let number_of = |text: &str| parse_task_number(text.trim_end_matches(['.', '．', '、', '。']));
    if above.numbered_in_text || parse_task_number(&above.no).is_none() {
        return;
    }
    let Some((own, text)) = crate::ingest::raw_table::opening_number(&above.content) else {
        return;
    };
    if number_of(own)
        .zip(number_of(number))
        .is_some_and(|(a, b)| b == a + 1)
    {
        let (own, text) = (own.to_string(), text.trim_start().to_string());
        above.no = own;
        above.content = text;
        above.numbered_in_text = true;
    }
}

/// A row numbered （一） or ① with its task's text and units: a task, not a heading.
fn is_marked_task(header: &HeaderMap, cells: &[String], no: &str) -> bool {
    is_written_task_number(no)
        && !header.get(cells, Column::Content).trim().is_empty()
        && [Column::Units, Column::Lead]
            .iter()
            .any(|c| !header.get(cells, *c).trim().is_empty())
}

/// A row whose cells stand left with its tail empty — merged cells at its start (序号,
/// 责任单位 …) lost when a web page's table was copied: its cells moved right, to where the
/// header has them, when there they read as the tail of a task (no number, some content).
fn right_aligned(header: &HeaderMap, cells: &[String], width: usize) -> Option<Vec<String>> {
    header.index(Column::No)?;
    let width = covered_width(header, width);
    let filled = cells.iter().rposition(|c| !c.trim().is_empty())? + 1;
    if filled < 2 || filled >= width || cells[..filled].iter().any(|c| c.trim().is_empty()) {
        return None;
    }
    if parse_task_number(&cells[0]).is_some() || section_heading(&tidy_spacing(&cells[0])).is_some()
    {
        return None;
    }
    let moved = ending_at_its_time(header, cells, width).unwrap_or_else(|| {
        let mut moved = vec![String::new(); width - filled];
        moved.extend(cells[..filled].iter().cloned());
        moved
    });
    let reads = header.get(&moved, Column::No).is_empty()
        && !header.get(&moved, Column::Content).is_empty();
    reads.then_some(moved)
}

/// A line of one cell's words under a task's row whose cell stops open (…工业项目20个, /
/// 竣工投产15个。; 县财政局、 / 县税务局), or under a line that went on with one: the rest of
/// that cell, wrapped onto a line of its own by a page's width. Joined to the cell; the
/// task's number and which of its cells it was (see `cells_of`).
fn cell_wrapped_onto(
    table: &mut RawTable,
    line: &str,
    going_on: Option<usize>,
) -> Option<(u32, usize)> {
    let text = line.trim();
    if text.is_empty() || split_cells(line).is_some() || super::section_heading(text).is_some() {
        return None;
    }
    let Some(RawRow {
        kind: RowKind::Task(task),
        ..
    }) = table.rows.last_mut()
    else {
        return None;
    };
    let indented = line.starts_with([' ', '\u{3000}']);
    let unclosed =
        |cell: &str| cell.matches(['（', '(']).count() > cell.matches(['）', ')']).count();
    // A list stops open at its separator; a sentence, indented under its row, wherever it
    // is not ended (…增长6%以上,一般 / 公共预算收入增长5%。).
    let open = |units: bool, cell: &str| {
        let cell = cell.trim_end();
        !cell.is_empty()
            && (cell.ends_with(['，', ',', '、', '；', ';'])
                || (!units && indented && !crate::base::cjk::ends_sentence(cell)))
    };
    let units_text = crate::ingest::units::is_units_text(text);
    let no = task.no.parse().ok()?;
    // Only an indented line goes on after a wrapped one: a page's header is set flush.
    let going_on = going_on.filter(|_| indented);
    let mut cells = cells_of(task);
    let at = going_on
        .or_else(|| (0..cells.len()).find(|&k| unclosed(cells[k].1)))
        .or_else(|| {
            (0..cells.len()).find(|&k| cells[k].0 == units_text && open(cells[k].0, cells[k].1))
        })?;
    cells.get_mut(at)?.1.push_str(text);
    Some((no, at))
}

/// A task row's cells a wrapped line may go on with, in a fixed order — content, units,
/// lead, support, then the extra columns' — each with whether it holds units.
fn cells_of(task: &mut RawTask) -> Vec<(bool, &mut String)> {
    let mut cells = vec![(false, &mut task.content), (true, &mut task.units)];
    cells.extend(task.lead.as_mut().map(|c| (true, c)));
    cells.extend(task.support.as_mut().map(|c| (true, c)));
    cells.extend(task.extra.iter_mut().map(|c| (false, c)));
    cells
}

/// A line among the table's rows that is not one: said, unless it repeats the table's title
/// (a page header).
fn stray_line(table: &RawTable, line: &str, here: Location) -> Option<Diagnostic> {
    let text = tidy_spacing(&strip_markup(line.trim().trim_start_matches('#')));
    let is_title = table.title.as_deref() == Some(text.as_str())
        || text.contains("分工表")
        || text.ends_with("任务表");
    (!is_title).then(|| {
        Diagnostic::warning(
            "table/stray-line",
            here,
            format!("分工表中有一行不是表格行，已忽略：「{}」", text.trim()),
        )
        .with_hint("如为表格内容，请用制表符分隔各列")
    })
}

/// Adds task `no` from `cells` (of a header of `columns` cells): said when its cells look
/// moved, and what stands under no header said too, never lost.
fn push_task(
    table: &mut RawTable,
    header: &HeaderMap,
    (no, cells, columns): (&str, &[String], usize),
    here: Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(at) = header.headings
        && let Some(heading) = cells.get(at)
    {
        table.push_heading_cell(heading, here.clone());
    }
    let mut task = task_cells(header, cells);
    task.no = no.to_string();
    let filled = cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1);
    diagnostics.extend(shifted_row(
        &task,
        filled,
        covered_width(header, columns),
        &here,
    ));
    for (_, cell) in cells.iter().enumerate().filter(|(c, _)| !header.covers(*c)) {
        if !cell.trim().is_empty() {
            table.left_out.push((cell.trim().to_string(), here.clone()));
        }
    }
    table.rows.push(RawRow {
        kind: RowKind::Task(Box::new(task)),
        origin: here,
    });
}

/// Whether `content` opens with the number after the one the task above opens with (3. … then
/// 4. …).
fn numbers_on(table: &RawTable, content: &str) -> bool {
    let number = |text: &str| {
        let (number, _) = crate::ingest::raw_table::opening_number(text)?;
        crate::ingest::text::parse_task_number(number)
    };
    let Some(RawRow {
        kind: RowKind::Task(prev),
        ..
    }) = table.rows.last()
    else {
        return false;
    };
    matches!((number(&prev.content), number(content)), (Some(a), Some(b)) if b == a + 1)
}

/// A row with content but no number: the tail of the task row above, broken across lines by
/// OCR (every column taken in), or — with no task above — a row left out. The finding says
/// which.
fn continue_task(
    table: &mut RawTable,
    header: &HeaderMap,
    cells: &[String],
    here: Location,
) -> Diagnostic {
    if let Some(RawRow {
        kind: RowKind::Task(prev),
        ..
    }) = table.rows.last_mut()
    {
        prev.absorb(task_cells(header, cells), "");
        // A group's label has no place in the task it joins: said, never dropped.
        let label = header.get(cells, Column::Group);
        if !label.is_empty() {
            table.left_out.push((label.to_string(), here.clone()));
        }
        return Diagnostic::warning(
            "table/continued-row",
            here,
            format!("没有序号的表格行已并入上一项任务（第 {} 项）", prev.no),
        );
    }
    Diagnostic::warning(
        "table/unnumbered-row",
        here,
        format!(
            "表格行没有序号，已忽略：「{}」",
            excerpt(header.get(cells, Column::Content))
        ),
    )
}

/// How many columns the header names: a row of pipes may end in an empty cell.
fn covered_width(header: &HeaderMap, columns: usize) -> usize {
    (0..columns)
        .rev()
        .find(|&i| header.covers(i))
        .map_or(columns, |i| i + 1)
}

/// Whether a units cell of `cells` reads as a time (长期推进, 2021年8月前): a sign that the
/// row's cells stand in the wrong columns.
fn units_read_as_time(header: &HeaderMap, cells: &[String]) -> bool {
    [Column::Units, Column::Lead, Column::Support]
        .iter()
        .map(|c| header.get(cells, *c))
        .any(|u| !u.is_empty() && crate::ingest::deadline::reads_as_time(u))
}

/// Whether a 责任领导 cell of `cells` holds what no leader's cell does — a body's name or a
/// task's words (`县工信局`, `加快标准厂房建设`) — a sign that the row's cells stand in the
/// wrong columns. Empty, a name (张三) or a post (李四副县长, 分管副县长) fit.
fn person_misplaced(header: &HeaderMap, cells: &[String]) -> bool {
    let person = header.get(cells, Column::Person).trim();
    header.index(Column::Person).is_some()
        && !person.is_empty()
        && !person.split(['、', '，', ',', ' ']).all(|name| {
            let name = name.trim();
            crate::ingest::units::is_person_name(name)
                || (name.chars().count() <= 12 && crate::ingest::inline::is_post(name))
        })
}

/// A numbered row short of cells whose units cell reads as a time (`2 | 扎实做好… | 疾控处 |
/// 长期推进 |` under `序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限`), or whose leader's
/// cell holds a body or a task's words: a cell merged down over the rows (one 工作任务 over
/// four measures, one 牵头领导 over three tasks) lost when a web page's table was copied.
/// The row is read with the run of empty cells, right of its number, that puts units in the
/// units column, a time in the time column and a leader (or nothing) in the leader's, each
/// filled from the row above — the merge's text. Returns the cells and where the gap starts.
fn mend_short_row(
    (header, columns): (&HeaderMap, usize),
    cells: &[String],
    previous: &[String],
) -> Option<(Vec<String>, usize)> {
    let no = header.index(Column::No)?;
    parse_task_number(cells.get(no)?)?;
    let width = covered_width(header, columns);
    let filled = cells.iter().rposition(|c| !c.trim().is_empty())? + 1;
    if filled >= width || !(units_read_as_time(header, cells) || person_misplaced(header, cells)) {
        return None;
    }
    let reads = |row: &[String]| {
        !units_read_as_time(header, row)
            && !person_misplaced(header, row)
            && !header.get(row, Column::Content).is_empty()
            && [Column::Units, Column::Lead]
                .iter()
                .any(|c| crate::ingest::units::is_units_text(header.get(row, *c)))
            && header.index(Column::Deadline).is_none_or(|_| {
                crate::ingest::deadline::reads_as_time(header.get(row, Column::Deadline))
            })
    };
    for gap in 1..=width - filled {
        for at in no + 1..filled {
            let mut row: Vec<String> = cells[..at].to_vec();
            row.extend((at..at + gap).map(|i| previous.get(i).cloned().unwrap_or_default()));
            row.extend(cells[at..filled].iter().cloned());
            if reads(&row) {
                return Some((row, at));
            }
        }
    }
    None
}

/// What is said of a row [`mend_short_row`] read: which cell it took from the row above.
fn said_mended(
    (header, header_cells): (&HeaderMap, &[String]),
    (written, row, gap): (&[String], &[String], usize),
    here: &Location,
) -> Diagnostic {
    let why = if units_read_as_time(header, written) {
        "责任单位一格写的像是时限"
    } else {
        "领导一格写的不是人名或职务"
    };
    let here = here.clone();
    let column = header_cells.get(gap).map_or("", |c| c.trim());
    let value = row.get(gap).map_or("", |c| c.trim());
    let taken = if value.is_empty() {
        format!("「{column}」一格空缺")
    } else {
        format!("「{column}」一格取上一行的「{}」", excerpt(value))
    };
    Diagnostic::warning(
        "table/merged-cell-restored",
        here,
        format!(
            "这一行比表头少格，且{why}：按网页表格的合并单元格在复制时丢失读，{taken}，其后各格右移一列"
        ),
    )
    .with_hint("请核对这一行；把表格粘贴到 Excel 或 WPS 表格后另存为 .xlsx 最稳妥")
}

/// A row with fewer cells than the header whose units cell reads as a deadline (长期推进,
/// 2021年8月前) and that no merged cell restored ([`mend_short_row`]): its cells stand in
/// the wrong columns. An error: a time would otherwise be published as a unit, with a sheet.
fn shifted_row(
    task: &RawTask,
    cells: usize,
    columns: usize,
    here: &Location,
) -> Option<Diagnostic> {
    let units = [Some(&task.units), task.lead.as_ref(), task.support.as_ref()];
    let looks_like_time = |text: &str| {
        let text = text.trim();
        !text.is_empty() && crate::ingest::deadline::reads_as_time(text)
    };
    let shifted = cells < columns && units.into_iter().flatten().any(|u| looks_like_time(u));
    shifted.then(|| {
        Diagnostic::error(
            "table/short-row",
            here.clone(),
            format!(
                "第 {} 项这一行只有 {cells} 格，表头有 {columns} 列，且责任单位一格写的像是时限：各格错了位，无法确定各格属于哪一列",
                task.no
            ),
        )
        .with_hint("网页表格的合并单元格在复制时会丢失；请把表格粘贴到 Excel 或 WPS 表格核对各列后另存为 .xlsx")
    })
}

/// The cells of a numbered task row, by column.
fn task_cells(header: &HeaderMap, cells: &[String]) -> RawTask {
    let present = |column| {
        header
            .index(column)
            .map(|_| header.get(cells, column).to_string())
    };
    // A web cell's lines are the page's own paragraphs.
    let (content, joints) =
        crate::ingest::grid::join_content_lines(header.get(cells, Column::Content), true);
    RawTask {
        label: Some(header.get(cells, Column::Group).to_string()).filter(|l| !l.is_empty()),
        no: header.get(cells, Column::No).to_string(),
        no_written: None,
        content,
        joints,
        units: header.get(cells, Column::Units).to_string(),
        lead: present(Column::Lead),
        support: present(Column::Support),
        deadline: present(Column::Deadline).filter(|d| !d.is_empty()),
        person: Some(header.get(cells, Column::Person).to_string()).filter(|p| !p.is_empty()),
        extra: header.extras(cells),
        content_origin: None,
        units_origin: None,
        deadline_origin: None,
        support_origin: None,
        responsible_origin: None,
        numbered_in_text: false,
        written_no: None,
        written_mark: None,
    }
}

/// A row that is a section (一、…) or a 主要事项 label: one filled cell, or a label cell with
/// neither content nor units.
fn heading_row(header: &HeaderMap, cells: &[String]) -> Option<RowKind> {
    let label = header.get(cells, Column::Group);
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    // A label alone on its row, a short numeral (一, （二）) in its 序号 cell at most: any
    // other cell filled makes it no heading (its text would be dropped).
    let others = cells.iter().enumerate().filter(|(i, c)| {
        let c = c.trim();
        !c.is_empty()
            && Some(*i) != header.index(Column::Group)
            && !(Some(*i) == header.index(Column::No) && c.chars().count() <= 4)
    });
    let lone_label = !label.is_empty() && others.count() == 0;
    if filled.len() != 1 && !lone_label {
        return None;
    }
    let written = if label.is_empty() {
        filled[0].trim()
    } else {
        label
    };
    Some(match section_heading(&tidy_spacing(written)) {
        Some((numeral, title)) => RowKind::Section { numeral, title },
        None => RowKind::Label(written.to_string()),
    })
}

/// A 序号 written as a numeral of another kind — （一）, (二), 三、, ③ — as some tables number
/// their tasks: its value. Such tables are renumbered in row order (see
/// [`RawTable::renumber_marked`](crate::ingest::raw_table::RawTable::renumber_marked)).
pub fn marked_number(text: &str) -> Option<u32> {
    let inner = text
        .trim()
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）', '、', '.', '．'])
        .trim();
    let mut chars = inner.chars();
    if let (Some(c @ '①'..='⑳'), None) = (chars.next(), chars.next()) {
        return Some(c as u32 - '①' as u32 + 1);
    }
    (inner.chars().count() <= 3)
        .then(|| crate::base::cjk::chinese_number(inner))
        .flatten()
}

/// A 序号 written as no plain figure that still numbers a task: （一）, ①, or a compound
/// 1-1, 2.3 (a task under its part). Such rows are tasks when they carry content and units;
/// the plan numbers them 1, 2, 3 in row order and says so.
pub fn is_written_task_number(text: &str) -> bool {
    static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^\d{1,3}(?:\s*[-－—–.．]\s*\d{1,3}){1,2}$").unwrap()
    });
    // 9（新增）, 12(续建): a figure and a note on the row.
    static NOTED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^\d{1,3}\s*[（(][^（）()]{1,12}[）)]$").unwrap()
    });
    marked_number(text).is_some() || COMPOUND.is_match(text.trim()) || NOTED.is_match(text.trim())
}

/// What is said of tasks whose 序号 carries a mark (`★6`: a key task in the plan's legend):
/// the numbers read without it, the marks not printed — said with the numbers as written.
pub fn number_marks(table: &RawTable, place: Location) -> Option<Diagnostic> {
    let marked: Vec<String> = table
        .tasks()
        .filter(|t| t.no.contains(crate::ingest::units::LEAD_MARKS))
        .map(|t| t.no.trim().to_string())
        .collect();
    let marks: String = marked
        .iter()
        .flat_map(|n| {
            n.chars()
                .filter(|c| crate::ingest::units::LEAD_MARKS.contains(c))
        })
        .fold(String::new(), |mut out, c| {
            if !out.contains(c) {
                out.push(c);
            }
            out
        });
    (!marked.is_empty()).then(|| {
        Diagnostic::note(
            "table/marked-number",
            place,
            format!(
                "序号带「{marks}」标记的任务（{}）按序号数字读；标记不印入任务分工表和任务单，其含义以原文说明为准",
                marked.join("、")
            ),
        )
    })
}

/// Where the 序号 cells write their numbers in brackets (（1）…（8）): read as the numbers,
/// printed plain — said, with the first and last as written.
pub fn bracketed_numbers(table: &RawTable, place: Location) -> Option<Diagnostic> {
    let bracketed: Vec<String> = (table.tasks())
        .map(|t| t.no.trim().to_string())
        .filter(|no| no.starts_with(['（', '(']) && parse_task_number(no).is_some())
        .collect();
    if bracketed.is_empty() {
        return None;
    }
    let more = if bracketed.len() > 8 { "……" } else { "" };
    Some(Diagnostic::note(
        "table/number-in-brackets",
        place,
        format!(
            "分工表的序号写在括号中（依次为 {}{more}，共 {} 项）：按其中的数字读，发布的任务分工表、任务单和评估印作不带括号的数字",
            bracketed[..bracketed.len().min(8)].join("、"),
            bracketed.len()
        ),
    ))
}

/// `12`, `12.`, `12、`, `（12）`, and `★12` / `12*` (a mark plans set on some tasks: said
/// by [`number_marks`], the number read without it) → 12.
pub fn parse_task_number(text: &str) -> Option<u32> {
    let digits = text
        .trim()
        .trim_matches(crate::ingest::units::LEAD_MARKS)
        .trim()
        .trim_matches(['(', ')', '（', '）', '.', '．', '、', ' '])
        .trim();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_in_brackets_are_said_with_their_forms() {
        let task = |no: &str| RawRow {
            kind: RowKind::Task(Box::new(RawTask {
                no: no.to_string(),
                ..RawTask::default()
            })),
            origin: Location::file("t.md"),
        };
        let mut table = RawTable {
            rows: vec![task("（1）"), task("(2)"), task("（1）")],
            ..RawTable::default()
        };
        let said = bracketed_numbers(&table, Location::file("t.md")).unwrap();
        assert!(
            said.message.contains("依次为 （1）、(2)、（1），共 3 项"),
            "{}",
            said.message
        );
        table.rows = vec![task("1"), task("2.")];
        assert!(bracketed_numbers(&table, Location::file("t.md")).is_none());
    }

    #[test]
    fn a_number_under_its_part_numbers_a_task() {
        for written in [
            "1-1",
            "2－3",
            "1.2",
            "3．1",
            "（一）",
            "①",
            "9（新增）",
            "12(续建)",
        ] {
            assert!(is_written_task_number(written), "{written}");
        }
        for other in ["2025年", "1-", "一、重点任务", "备注"] {
            assert!(!is_written_task_number(other), "{other}");
        }
    }

    fn read(text: &str) -> (RawTable, Vec<Diagnostic>) {
        let lines: Vec<&str> = text.lines().collect();
        let mut diagnostics = Vec::new();
        let table = parse_table(&lines, 0, Places::lines("t.txt"), &mut diagnostics);
        (table, diagnostics)
    }

    fn task(table: &RawTable, index: usize) -> &RawTask {
        let tasks: Vec<&RawTask> = table
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        tasks[index]
    }

    #[test]
    fn a_row_broken_across_lines_keeps_every_column_of_its_tail() {
        let (table, diagnostics) = read(
            "序号\t工作任务\t牵头单位\t配合单位\t完成时限\t备注\n\
             1\t推进改造，\t区住建委\t区财政局、\t2026年6月底\t\n\
             \t完成20个小区。\t\t区规划资源局\t\t年中检查\n\
             2\t建设公园\t区绿化市容局\t\t2026年12月底\t",
        );
        let first = task(&table, 0);
        assert_eq!(first.content, "推进改造，完成20个小区。");
        assert_eq!(first.support.as_deref(), Some("区财政局、\n区规划资源局"));
        assert_eq!(first.deadline.as_deref(), Some("2026年6月底"));
        assert_eq!(first.extra, vec!["年中检查".to_string()]);
        assert_eq!(task(&table, 1).content, "建设公园");
        assert!(diagnostics.iter().any(|d| d.code == "table/continued-row"));
    }

    #[test]
    fn a_tab_row_whose_cell_breaks_a_line_is_one_row() {
        // A web page's cell of two units, copied without quotes: the cell's second line
        // carries the rest of the row.
        let (table, diagnostics) = read(
            "序号\t重点工作任务\t主要责任单位\t协同配合单位\n\
             一、主要预期目标\n\
             1\t地区生产总值增长6.5%左右。\t区发改委\t区政府各部门\n\
             2\t一般公共预算收入增长5%左右。\t区财政局\n\
             区税务局\t区政府有关部门,各乡镇人民政府\n\
             3\t固定资产投资增长7.5%左右。\t区发改委\t区工信局",
        );
        assert!(
            matches!(&table.rows[0].kind, RowKind::Section { numeral, title } if numeral == "一" && title == "主要预期目标"),
            "{:?}",
            table.rows[0].kind
        );
        let second = task(&table, 1);
        assert_eq!(second.lead.as_deref(), Some("区财政局\n区税务局"));
        assert_eq!(
            second.support.as_deref(),
            Some("区政府有关部门,各乡镇人民政府")
        );
        assert_eq!(task(&table, 2).no, "3");
        assert!(
            !diagnostics
                .iter()
                .any(|d| d.code == "table/bad-number" || d.code == "table/stray-line"),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn a_tab_rows_last_cell_goes_on_on_plain_lines_and_a_group_heading_is_a_label() {
        let (table, diagnostics) = read(
            "序号\t重点工作任务\t主要责任单位\t协同配合单位\n\
             （一）稳增长\n\
             1\t固定资产投资增长7.5%左右。\t区发改委\t区工信局、区住建局,\n\
             各乡镇人民政府、街道办事处,\n\
             谯城经开区管委会。\n\
             2\t社会消费品零售总额增长8%。\t区商务局\t区市场监管局\n\
             （二）惠民生\n\
             3\t新增城镇就业5000人。\t区人社局\t各乡镇人民政府\n\
             各单位要按时报送进展。",
        );
        assert!(
            matches!(&table.rows[0].kind, RowKind::Label(l) if l == "（一）稳增长"),
            "{:?}",
            table.rows[0].kind
        );
        assert_eq!(
            task(&table, 0).support.as_deref(),
            Some("区工信局、区住建局,\n各乡镇人民政府、街道办事处,\n谯城经开区管委会。")
        );
        assert_eq!(task(&table, 1).no, "2");
        assert!(
            table
                .rows
                .iter()
                .any(|r| matches!(&r.kind, RowKind::Label(l) if l == "（二）惠民生"))
        );
        // Text under the table's last row is not its cell's.
        assert_eq!(task(&table, 2).support.as_deref(), Some("各乡镇人民政府"));
        assert!(
            !diagnostics.iter().any(|d| d.code == "table/stray-line"),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn a_short_tab_row_takes_no_next_numbered_row_into_it() {
        let (table, _) = read(
            "序号\t工作任务\t牵头单位\t配合单位\n\
             1\t推进改造。\t区住建委\n\
             2\t建设公园\t区绿化市容局\t区财政局",
        );
        assert_eq!(task(&table, 0).lead.as_deref(), Some("区住建委"));
        assert_eq!(task(&table, 1).lead.as_deref(), Some("区绿化市容局"));
    }

    #[test]
    fn a_row_short_of_a_merged_cell_takes_it_from_the_row_above() {
        let (table, diagnostics) = read(
            "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 |\n\
             1 | 推进改革 | 抓好落实。 | 疾控处 | 长期推进 |\n\
             2 | 加强监督。 | 监督处 | 2026年8月前 |",
        );
        let second = task(&table, 1);
        assert_eq!(second.units, "监督处");
        assert_eq!(second.deadline.as_deref(), Some("2026年8月前"));
        let said: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.code == "table/merged-cell-restored")
            .map(|d| format!("{} {}", d.location, d.message))
            .collect();
        assert_eq!(said.len(), 1, "{diagnostics:?}");
        assert!(said[0].starts_with("t.txt:3 "), "{said:?}");
        assert!(
            said[0].contains("「工作任务」一格取上一行的「推进改革」"),
            "{said:?}"
        );
        assert!(!diagnostics.iter().any(|d| d.code == "table/short-row"));
    }

    #[test]
    fn a_row_left_out_for_its_number_is_said_whole() {
        let (table, said) = read(
            "序号\t任务内容\t牵头单位\n1\t开展河湖清四乱整治。\t县水利局\n甲\t新建人才公寓3000套。\t县人社局\n",
        );
        assert_eq!(table.rows.len(), 1);
        let bad: Vec<&str> = (said.iter())
            .filter(|d| d.code == "table/bad-number")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            bad,
            ["序号「甲」不是数字，此行已忽略：「甲 新建人才公寓3000套。 县人社局」"]
        );
    }

    #[test]
    fn a_row_whose_cells_no_merge_explains_is_an_error() {
        let (_, diagnostics) = read(
            "序号\t工作任务\t责任处室\t备注\n\
             1\t加强监督。\t长期推进",
        );
        let short: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.code == "table/short-row")
            .collect();
        assert_eq!(short.len(), 1, "{diagnostics:?}");
        assert_eq!(short[0].location.to_string(), "t.txt:2");
        assert_eq!(short[0].severity, crate::base::diag::Severity::Error);
        assert!(
            short[0].message.contains("只有 3 格，表头有 4 列"),
            "{}",
            short[0].message
        );
    }

    #[test]
    fn a_centred_rows_line_holding_only_its_number_is_no_line_of_its_own() {
        let (table, said) = read(
            "\
序号              任务内容                       牵头单位       配合单位       完成时限
   新建改造农村公路提档升级工程 60 公里，完成农村危桥改造 12       区交通运输局    区财政局、各镇（街   2025 年 11
 1
   座。                                                   道）        月底前
4    推进数字乡村建设，实现 5G 网络行政村全覆盖。              区工信局       区数据局       2025 年 12 月",
        );
        let codes: Vec<&str> = said.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.contains(&"table/cells-centred"), "{codes:?}");
        assert!(!codes.contains(&"table/stray-line"), "{said:#?}");
        let first = task(&table, 0);
        assert_eq!(first.no, "1");
        assert!(first.content.ends_with("12座。"), "{}", first.content);
        assert_eq!(task(&table, 1).no, "4");
    }

    /// A note set from the table's left edge right under a row whose units cell goes on:
    /// no line of the cell, a note printed under the table.
    #[test]
    fn a_note_under_the_last_row_is_no_line_of_its_cell() {
        let (table, said) = read(
            "\
序号    任务内容                                  责任单位            完成时限
  1     开展消防安全隐患排查整治。                区应急管理局、区    2025 年 8 月
                                                  消防救援大队
注：责任单位排在第一位的为牵头单位。",
        );
        assert_eq!(table.rows.len(), 1, "{said:#?}");
        assert_eq!(task(&table, 0).units, "区应急管理局、区\n消防救援大队");
        assert_eq!(table.notes.len(), 1, "{said:#?}");
    }

    #[test]
    fn a_dates_wrapped_line_goes_on_with_it_and_a_second_date_does_not() {
        assert!(date_goes_on("2025 年 9 月", "30 日"));
        assert!(date_goes_on("2025 年", "12 月底前"));
        assert!(date_goes_on("2025 年 12", "月底前"));
        assert!(!date_goes_on("2025 年 6 月底前", "2025 年 12 月底前"));
        assert!(!date_goes_on("长期坚持", "（每季度报送）"));
        assert!(!date_goes_on("", "30 日"));
    }

    #[test]
    fn section_and_label_rows_are_told_apart() {
        let (table, _) = read(
            "主要事项\t序号\t具体内容\t责任单位\n\
             一、稳增长\t\t\t\n\
             扩大有效投资\t\t\t\n\
             \t1\t推进项目\t区发改委",
        );
        assert!(
            matches!(&table.rows[0].kind, RowKind::Section { numeral, title } if numeral == "一" && title == "稳增长")
        );
        assert!(matches!(&table.rows[1].kind, RowKind::Label(l) if l == "扩大有效投资"));
        assert!(matches!(&table.rows[2].kind, RowKind::Task(_)));
    }
}
