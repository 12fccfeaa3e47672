//! A table drawn with box lines in plain text (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as old documents and
//! legal databases give them: read as a grid, like a worksheet.
//!
//! A web page collapses runs of spaces, so columns cannot be found by position; they are
//! found by the vertical lines, in order. A cell wraps over several text lines and ends where
//! its column has a horizontal rule, so one column's cell may span rows of another (a merge
//! down): the rows are the runs of lines between rules of any column, and a cell covering
//! several rows holds its text in the first and is a merge over the rest.

use std::collections::HashMap;

use crate::base::cjk::excerpt_of;
use crate::base::diag::{Diagnostic, Location};
use crate::ingest::grid::Grid;
use crate::ingest::raw_table::RawTable;

use super::Places;

/// A box-drawn table: where it stands and its cells as a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxTable {
    /// Its first line (index into the lines).
    pub first: usize,
    /// The line after its last.
    pub end: usize,
    /// Cell texts by row and column; a cell over several rows has its text in the first.
    pub rows: Vec<Vec<String>>,
    /// Cells covered by a cell above, with that cell's text.
    pub merged_down: HashMap<(usize, usize), String>,
    /// The line (index) each cell's text starts on, by row and column.
    pub lines: Vec<Vec<usize>>,
}

/// Why a box-drawn table could not be read: the line whose cells do not match its columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The line (index).
    pub line: usize,
    /// How many cells it has.
    pub cells: usize,
    /// How many columns the table has.
    pub columns: usize,
}

impl BoxTable {
    /// The table as a [`Grid`], its places the text lines of its cells.
    pub fn grid<'a>(&self, places: Places<'a>) -> Grid<'a> {
        let lines = self.lines.clone();
        Grid {
            rows: self.rows.clone(),
            merged_down: self.merged_down.clone(),
            place: Box::new(move |r, c| {
                let line = lines.get(r).and_then(|row| row.get(c).or(row.first()));
                match line {
                    Some(line) => places.at(*line as u32 + 1),
                    None => Location::file(places.path),
                }
            }),
            // A drawn cell's lines wrap at its width, anywhere in a sentence.
            paragraphs: false,
        }
    }
}

/// Whether `c` draws a table's lines (the Unicode box-drawing block).
fn is_box_char(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// A horizontal stroke: what a rule between rows is made of.
fn is_horizontal(c: char) -> bool {
    matches!(
        c,
        '─' | '━'
            | '═'
            | '┄'
            | '┅'
            | '┈'
            | '┉'
            | '╌'
            | '╍'
            | '╴'
            | '╶'
            | '╸'
            | '╺'
            | '╼'
            | '╾'
    )
}

/// Whether a line belongs to a box-drawn table: it opens with a vertical line or a corner
/// (a box character inside garbled text — 廣州┳ — draws nothing).
pub fn is_box_line(line: &str) -> bool {
    line.trim_start()
        .starts_with(|c: char| is_box_char(c) && !is_horizontal(c))
}

/// Whether a box line ends at a border (a line copied only in part does not).
pub fn ends_at_border(line: &str) -> bool {
    line.trim_end()
        .ends_with(|c: char| is_box_char(c) && !is_horizontal(c))
}

/// One column's part of a line: text, or a rule that ends the column's cell.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Rule,
}

/// The pieces of a line between its vertical lines; none before the first or after the
/// last (a row's outer border).
fn pieces(line: &str) -> Vec<Piece> {
    let line = line.trim();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut opened = false;
    for c in line.chars() {
        if is_box_char(c) && !is_horizontal(c) {
            if opened {
                out.push(piece(&current));
            }
            opened = true;
            current.clear();
        } else {
            current.push(c);
        }
    }
    // Text after the last line (a row whose right border was lost) is a piece too.
    if opened && !current.trim().is_empty() {
        out.push(piece(&current));
    }
    out
}

fn piece(text: &str) -> Piece {
    let text = text.trim();
    if !text.is_empty() && text.chars().all(|c| is_horizontal(c) || c == ' ') {
        Piece::Rule
    } else {
        Piece::Text(text.to_string())
    }
}

/// Every box-drawn table in `lines`, in order: a run of box lines, broken where a new table
/// opens (a line starting with ┌ or another top corner).
pub fn find_all(lines: &[&str]) -> Vec<Result<BoxTable, Unreadable>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_box_line(lines[i]) {
            i += 1;
            continue;
        }
        let first = i;
        i += 1;
        while i < lines.len() && is_box_line(lines[i]) && !opens_table(lines[i]) {
            i += 1;
        }
        out.push(read(lines, first, i));
    }
    out
}

/// A top border: ┌ ┏ ╔ ╓ ╒ (or their rounded form) first on the line.
fn opens_table(line: &str) -> bool {
    line.trim_start()
        .starts_with(['┌', '┍', '┎', '┏', '╒', '╓', '╔', '╭'])
}

/// Reads lines `first..end` as one table.
fn read(lines: &[&str], first: usize, end: usize) -> Result<BoxTable, Unreadable> {
    let split: Vec<Vec<Piece>> = lines[first..end].iter().map(|l| pieces(l)).collect();
    let columns = split.iter().map(Vec::len).max().unwrap_or(0);
    // A line of rules only closes every column, whatever its count (┴ merges columns
    // below); a line of one text piece spans the table (a section row); any other line
    // must have a piece for every column.
    for (i, line) in split.iter().enumerate() {
        let rules_only = line.iter().all(|p| *p == Piece::Rule);
        if !rules_only && line.len() != 1 && line.len() != columns {
            return Err(Unreadable {
                line: first + i,
                cells: line.len(),
                columns,
            });
        }
    }
    let (row_of, rows_count) = rows_of_lines(&split);
    let mut table = BoxTable {
        first,
        end,
        rows: vec![vec![String::new(); columns]; rows_count],
        merged_down: HashMap::new(),
        lines: Vec::new(),
    };
    // A cell with no text of its own is placed at its row's first line.
    table.lines = (0..rows_count)
        .map(|r| vec![first + row_of.iter().position(|&x| x == r).unwrap_or(0); columns])
        .collect();
    for column in 0..columns {
        for cell in cells_of_column(&split, column) {
            table.place(cell, column, &row_of, first);
        }
    }
    Ok(table)
}

/// The row each line belongs to: rows are runs of lines with no rule in them; a line with
/// a rule belongs to the row after it (or the last row, at the table's foot). With the
/// number of rows.
fn rows_of_lines(split: &[Vec<Piece>]) -> (Vec<usize>, usize) {
    let has_rule = |line: &Vec<Piece>| line.is_empty() || line.contains(&Piece::Rule);
    let mut row_of = vec![0; split.len()];
    let mut row = 0;
    let mut in_row = false;
    for (i, line) in split.iter().enumerate() {
        if has_rule(line) {
            if in_row {
                row += 1;
                in_row = false;
            }
        } else {
            in_row = true;
        }
        row_of[i] = row;
    }
    let count: usize = if in_row { row + 1 } else { row };
    // Rule lines after the last row belong to it.
    for r in &mut row_of {
        *r = (*r).min(count.saturating_sub(1));
    }
    (row_of, count)
}

/// One cell of a column: the lines (indices into the table) it covers and its text.
struct Cell {
    lines: Vec<usize>,
    text: Vec<(usize, String)>,
}

/// The cells of `column`, top to bottom: runs of lines between the column's rules. A line
/// of one piece (a section row) is a cell of column 0 alone.
fn cells_of_column(split: &[Vec<Piece>], column: usize) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut open: Option<Cell> = None;
    for (i, line) in split.iter().enumerate() {
        let spanning = line.len() == 1 && line[0] != Piece::Rule;
        let piece = match line.get(column) {
            _ if line.is_empty() => Some(&Piece::Rule),
            _ if line.iter().all(|p| *p == Piece::Rule) => Some(&Piece::Rule),
            _ if spanning && column > 0 => None,
            found => found,
        };
        match piece {
            Some(Piece::Rule) => cells.extend(open.take()),
            Some(Piece::Text(text)) => {
                let cell = open.get_or_insert_with(|| Cell {
                    lines: Vec::new(),
                    text: Vec::new(),
                });
                cell.lines.push(i);
                if !text.is_empty() {
                    cell.text.push((i, text.clone()));
                }
            }
            None => {}
        }
    }
    cells.extend(open);
    cells
}

impl BoxTable {
    /// Puts `cell` of `column` into the grid: its text in its first row, a merge over the
    /// rest.
    fn place(&mut self, cell: Cell, column: usize, row_of: &[usize], first: usize) {
        let (Some(&top), Some(&bottom)) = (cell.lines.first(), cell.lines.last()) else {
            return;
        };
        let (top_row, bottom_row) = (row_of[top], row_of[bottom]);
        let text = join_wrapped(cell.text.iter().map(|(_, t)| t.as_str()));
        if text.is_empty() {
            return;
        }
        // A merge is placed where its text is, in every row it covers.
        let line = first + cell.text.first().map_or(top, |(i, _)| *i);
        self.rows[top_row][column] = text.clone();
        self.lines[top_row][column] = line;
        for row in top_row + 1..=bottom_row {
            self.merged_down.insert((row, column), text.clone());
            self.lines[row][column] = line;
        }
    }
}

/// A cell's text lines joined: a line wrapped at the cell's edge goes on without a break
/// (a number cut in two is one number again), but for a space between two English words; a
/// line that opens an item (△, ●, 1., （一）) starts a line of its own.
fn join_wrapped<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() && opens_item(part) {
            out.push('\n');
        } else if out.ends_with(|c: char| c.is_ascii_alphabetic())
            && part.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Whether a line opens an item of a list: a bullet, or a number followed by its mark.
fn opens_item(line: &str) -> bool {
    line.starts_with([
        '△', '▲', '●', '○', '■', '□', '◆', '◇', '★', '☆', '·', '•', '-', '—',
    ]) || super::numbered_label(line).is_some()
        || crate::ingest::raw_table::opening_number(line).is_some()
}

/// The 分工表 of `lines` when it is drawn with box lines: the first box table with a header,
/// the box tables right under it (the same table over pages) read with it. Returns the line
/// where the text before it ends (its title, or a heading over it, belongs to it) and the
/// table; what follows it is said as unread.
pub(super) fn read_table(
    lines: &[&str],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(usize, RawTable)> {
    let found = find_all(lines);
    let start = found.iter().position(|t| {
        t.as_ref()
            .is_ok_and(|t| t.grid(places).header_row().is_some())
    })?;
    let Ok(mut joined) = found[start].clone() else {
        return None;
    };
    let mut next = start + 1;
    while let Some(Ok(more)) = found.get(next) {
        let between_blank = lines[joined.end..more.first]
            .iter()
            .all(|l| l.trim().is_empty());
        if !between_blank || more.columns() != joined.columns() || more.rows.is_empty() {
            break;
        }
        joined.extend(more);
        next += 1;
    }
    let grid = joined.grid(places);
    let header_row = grid.header_row()?;
    let mut table = grid.table(header_row, diagnostics);
    let front_end = match super::above_table(lines, joined.first) {
        Some((index, kind)) => {
            kind.apply(&mut table, places.at(index as u32 + 1));
            index
        }
        None => joined.first,
    };
    // The plan's text going on under the table is kept to be printed after it.
    let under = &lines[joined.end.min(lines.len())..];
    let kept =
        super::plan_text_under_table(under.iter().map(|l| if is_box_line(l) { "" } else { *l }));
    let kept = under[..kept]
        .iter()
        .position(|l| is_box_line(l))
        .unwrap_or(kept);
    for (at, line) in under[..kept].iter().enumerate() {
        if !line.trim().is_empty() {
            table.after.push(crate::model::Paragraph {
                text: line.trim().to_string(),
                origin: places.at((joined.end + at) as u32 + 1),
            });
        }
    }
    say_after(lines, joined.end + kept, places, diagnostics);
    Some((front_end, table))
}

/// Says every line from `from` on, after a box-drawn 分工表 and the plan's text under it, as
/// unread: a further box table once, with its first words, any other line by itself.
fn say_after(lines: &[&str], from: usize, places: Places<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let mut i = from;
    while i < lines.len() {
        let (at, line) = (i, lines[i].trim());
        i += 1;
        let text = if line.is_empty() {
            continue;
        } else if is_box_line(line) {
            while i < lines.len() && is_box_line(lines[i]) && !opens_table(lines[i]) {
                i += 1;
            }
            let words = box_words(&lines[at..i]);
            if words.is_empty() {
                format!("第 {} 行起的制表线表格没有文字（可能没有复制完整）", at + 1)
            } else {
                format!(
                    "任务分工表之后的表格未读入：「{}」",
                    excerpt_of(&words, 200)
                )
            }
        } else {
            format!("任务分工表之后的文字未读入：「{}」", line.trim())
        };
        diagnostics.push(Diagnostic::note(
            "table/after-table",
            places.at(at as u32 + 1),
            text,
        ));
    }
}

/// The words of box-drawn lines, without the lines.
fn box_words(lines: &[&str]) -> String {
    lines
        .iter()
        .flat_map(|l| pieces(l))
        .filter_map(|p| match p {
            Piece::Text(t) if !t.is_empty() => Some(t),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl BoxTable {
    fn columns(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    /// Appends the rows of `more`, the same table continued.
    fn extend(&mut self, more: &BoxTable) {
        let offset = self.rows.len();
        self.rows.extend(more.rows.iter().cloned());
        self.lines.extend(more.lines.iter().cloned());
        for ((r, c), text) in &more.merged_down {
            self.merged_down.insert((r + offset, *c), text.clone());
        }
        self.end = more.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> BoxTable {
        let lines: Vec<&str> = text.lines().collect();
        let mut all = find_all(&lines);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0).expect("readable")
    }

    #[test]
    fn a_plain_table_reads_one_row_a_rule() {
        let t = table(
            "┌──┬──────┬────┐\n│序号│工作任务│责任单位│\n├──┼──────┼────┤\n│1 │做好甲事，│区教育局│\n│ │加强乙事。│ │\n├──┼──────┼────┤\n│2 │做好丙事。│区体育局│\n└──┴──────┴────┘",
        );
        assert_eq!(
            t.rows,
            vec![
                vec!["序号", "工作任务", "责任单位"],
                vec!["1", "做好甲事，加强乙事。", "区教育局"],
                vec!["2", "做好丙事。", "区体育局"],
            ]
        );
        assert!(t.merged_down.is_empty());
        assert_eq!((t.first, t.end), (0, 8));
        assert_eq!(t.lines[2][1], 6);
    }

    #[test]
    fn a_cell_spanning_rows_of_another_column_is_a_merge() {
        // The 分管领导 and the units run down beside two task cells; the units' rule falls
        // inside the second task's cell.
        let t = table(concat!(
            "┌────┬───┬────┐\n",
            "│工作任务│分管领导│牵头单位│\n",
            "├────┼───┼────┤\n",
            "│做好甲事│张三│区财政│\n",
            "├────┤ │局、区税│\n",
            "│△做好乙│ │务局 │\n",
            "│事 │ ├────┤\n",
            "│△做好丙事│ │区教育局│\n",
            "└────┴───┴────┘\n",
        ));
        assert_eq!(t.rows.len(), 4, "{:?}", t.rows);
        assert_eq!(t.rows[1], vec!["做好甲事", "张三", "区财政局、区税务局"]);
        assert_eq!(t.rows[2], vec!["△做好乙事\n△做好丙事", "", ""]);
        assert_eq!(t.rows[3], vec!["", "", "区教育局"]);
        let merge = |r, c| t.merged_down.get(&(r, c)).map(String::as_str);
        assert_eq!(merge(2, 1), Some("张三"));
        assert_eq!(merge(3, 1), Some("张三"));
        assert_eq!(merge(2, 2), Some("区财政局、区税务局"));
        assert_eq!(merge(3, 0), Some("△做好乙事\n△做好丙事"));
        assert_eq!(merge(3, 2), None);
    }

    #[test]
    fn a_row_of_one_cell_spans_the_table() {
        let t = table(concat!(
            "┌──┬────┬───┐\n",
            "│序号│主要任务│责任单位│\n",
            "├──┴────┴───┤\n",
            "│一、民生保障 │\n",
            "├──┬────┬───┤\n",
            "│1 │做好甲事│区民政局│\n",
            "└──┴────┴───┘\n",
        ));
        assert_eq!(t.rows[1], vec!["一、民生保障", "", ""]);
        assert_eq!(t.rows[2], vec!["1", "做好甲事", "区民政局"]);
    }

    #[test]
    fn heavy_and_double_lines_draw_tables_too() {
        let t = table("╔══╦════╗\n║序号║责任单位║\n╠══╬════╣\n║1 ║区民政局║\n╚══╩════╝");
        assert_eq!(
            t.rows,
            vec![vec!["序号", "责任单位"], vec!["1", "区民政局"]]
        );
    }

    #[test]
    fn a_line_whose_cells_do_not_match_the_columns_is_named() {
        let lines: Vec<&str> = "┌─┬─┬─┐\n│a│b│c│\n│a│b│\n└─┴─┴─┘".lines().collect();
        let all = find_all(&lines);
        assert_eq!(
            all,
            vec![Err(Unreadable {
                line: 2,
                cells: 2,
                columns: 3
            })]
        );
    }

    #[test]
    fn tables_one_after_another_are_separate_and_text_between_is_not_theirs() {
        let lines: Vec<&str> = "┌─┬─┐\n│a│b│\n└─┴─┘\n┌─┬─┐\n│c│d│\n└─┴─┘\n说明文字\n┌─┐"
            .lines()
            .collect();
        let all = find_all(&lines);
        assert_eq!(all.len(), 3);
        assert!(find_all(&["?。（七）推進(jìn)┳廣州"]).is_empty());
        assert!(ends_at_border("└─┴─┘"));
        assert!(!ends_at_border("│ 工 作 任 务 │分管领导│完"));
        assert_eq!(all[0].as_ref().unwrap().rows, vec![vec!["a", "b"]]);
        assert_eq!(all[1].as_ref().unwrap().end, 6);
        assert!(all[2].as_ref().unwrap().rows.is_empty());
    }

    #[test]
    fn wrapped_lines_join_as_written_and_items_keep_their_lines() {
        assert_eq!(
            join_wrapped(["各县(市、区)政", "府,市财政局"].into_iter()),
            "各县(市、区)政府,市财政局"
        );
        assert_eq!(join_wrapped(["△甲", "△乙"].into_iter()), "△甲\n△乙");
        assert_eq!(join_wrapped(["5G", "network"].into_iter()), "5G network");
        assert_eq!(
            join_wrapped(["稳定在6", "8%以上"].into_iter()),
            "稳定在68%以上"
        );
    }
}
