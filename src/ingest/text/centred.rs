//! Rows of a table set to columns whose cells are centred vertically, as offices set them
//! in Word, taken out by `pdftotext -layout`: a row's one-line cells (its 序号, a short
//! unit) stand on its middle line and its longer cells' first lines above them. Read from
//! its number down, such a row loses those lines to the row before.
//!
//! Which lines between two numbers are whose is read from the layout itself: centred, each
//! column of a row has as many lines above the row's number as below it, and no row's
//! cell is left cut (`2025 年 12`, `各镇（街`). That reading is taken only where it fits the
//! table better than reading every row from its number down (a table set to the top of its
//! cells fits that one exactly).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::table::{columns_of_page, is_heading_line, parse_task_number};
use super::{Columns, Places};
use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::HeaderMap;

/// Where the rows of a centred table start: each number moved from the line it stands on
/// to its row's first line, so the rows read as top-aligned ones do.
#[derive(Debug, Default)]
pub(super) struct RowStarts {
    /// A row's first line (its index), with the row's number.
    opens: HashMap<usize, String>,
    /// The lines the numbers were moved from.
    left: HashSet<usize>,
}

impl RowStarts {
    /// Line `at` as the rows read it: the cells of the row it opens, its number given it
    /// (Ok); else the line, a number moved up from it set to spaces (Err).
    pub(super) fn read(
        &self,
        at: usize,
        line: String,
        (columns, no_column): (&Columns, usize),
    ) -> Result<Vec<String>, String> {
        if let Some(number) = self.opens.get(&at) {
            return Ok(columns.numbered(&line, no_column, number));
        }
        if self.left.contains(&at) {
            return Err(columns.without_piece(&line, no_column));
        }
        Err(line)
    }

    /// The number of the row opening at line `at` (a line holding `number` in its 序号
    /// column, or one a number was moved up to), if one opens there.
    pub(super) fn row_opening<'a>(&'a self, at: usize, number: Option<&'a str>) -> Option<&'a str> {
        match self.opens.get(&at) {
            Some(moved) => Some(moved),
            None => number.filter(|_| !self.left.contains(&at)),
        }
    }

    /// One note for them all, at the first row moved.
    pub(super) fn said(&self, places: Places<'_>) -> Option<Diagnostic> {
        let first = *self.opens.keys().min()?;
        let mut numbers: Vec<&str> = self.opens.values().map(String::as_str).collect();
        numbers.sort_by_key(|n| parse_task_number(n));
        Some(Diagnostic::note(
            "table/cells-centred",
            places.at(first as u32 + 1),
            format!(
                "分工表的格子上下居中，{} 项的序号排在该行中间、文字的第一行在序号之上（第 {} 项）：已按各列上下对称把这些行读回所在的项",
                numbers.len(),
                numbers.join("、")
            ),
        ))
    }
}

/// A line among a table's rows with the pieces its columns set.
pub(super) struct Line {
    pub(super) at: usize,
    /// The row's number, when the line has one in the 序号 column.
    pub(super) number: Option<String>,
    pub(super) pieces: Vec<(usize, String)>,
    /// A page broke before it: a header repeated at the page's top was passed over.
    pub(super) after_break: bool,
}

/// A run of rows no heading or stray line breaks: its lines, and which hold a number.
#[derive(Default)]
pub(super) struct Run {
    pub(super) lines: Vec<Line>,
    numbers: Vec<usize>,
}

/// The row starts of the table whose rows begin at line index `from`, set to `columns`
/// with its numbers in column `no_column`, its tasks' words in `content`, its 类别 in
/// `group`: none moved unless its cells are centred.
pub(super) fn row_starts(
    lines: &[&str],
    from: usize,
    columns: &Columns,
    (no_column, content, group): (usize, Option<usize>, Option<usize>),
) -> RowStarts {
    let runs = runs_of_rows(lines, from, columns.clone(), no_column);
    let table = Table {
        count: columns.len(),
        no_column,
        group,
        closed_content: content.filter(|&c| tasks_end_sentences(&runs, c)),
    };
    let (mut top, mut centred) = (0, 0);
    let mut splits = Vec::with_capacity(runs.len());
    for run in &runs {
        top += top_cost(run, &table);
        let (cost, split) = centred_split(run, &table);
        centred += cost;
        splits.push(split);
    }
    let mut starts = RowStarts::default();
    if centred >= top {
        return starts;
    }
    for (run, above) in runs.iter().zip(splits) {
        for (row, &number_at) in run.numbers.iter().enumerate() {
            if above[row] == 0 {
                continue;
            }
            let number = &run.lines[number_at];
            let first = &run.lines[number_at - above[row]];
            starts
                .opens
                .insert(first.at, number.number.clone().unwrap_or_default());
            starts.left.insert(number.at);
        }
    }
    starts
}

/// What the costs of a reading look at: how many columns, which holds the numbers, and the
/// task's column when its tasks end their sentences (a task's words cut by a page do not).
struct Table {
    count: usize,
    no_column: usize,
    group: Option<usize>,
    closed_content: Option<usize>,
}

impl Table {
    /// The columns after the 序号 but the 类别: a 类别 may be merged down over rows,
    /// centred over them all (`merged_labels` reads it).
    fn columns(&self) -> impl Iterator<Item = usize> + Clone {
        let group = self.group;
        (self.no_column + 1..self.count).filter(move |&c| Some(c) != group)
    }
}

/// Whether most of the tasks' words in column `content` end a sentence: at least one of its
/// lines for every two rows ends with 。.
fn tasks_end_sentences(runs: &[Run], content: usize) -> bool {
    let rows: usize = runs.iter().map(|r| r.numbers.len()).sum();
    let ends = (runs.iter().flat_map(|r| &r.lines))
        .flat_map(|l| &l.pieces)
        .filter(|(c, t)| *c == content && t.ends_with(['。', '；', ';']))
        .count();
    rows > 0 && ends * 2 >= rows
}

/// The table's lines in runs of rows: a section's row, a line not set to the columns or
/// one with words in the 序号 column that are no number ends a run; blank lines and a
/// header repeated at a page's top are passed over (a row goes on over a page).
pub(super) fn runs_of_rows(
    lines: &[&str],
    from: usize,
    mut columns: Columns,
    no_column: usize,
) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = Run::default();
    let mut broke = false;
    for (at, line) in lines.iter().enumerate().skip(from) {
        columns_of_page(&mut columns, lines, at);
        if line.trim().is_empty() {
            continue;
        }
        let pieces = (!is_heading_line(line))
            .then(|| columns.pieces(line))
            .flatten();
        let Some(mut pieces) = pieces else {
            runs.push(std::mem::take(&mut run));
            continue;
        };
        let cells: Vec<&str> = pieces.iter().map(|(_, t)| t.as_str()).collect();
        if cells.len() >= 2 && HeaderMap::detect(&cells).is_some() {
            broke = !run.lines.is_empty();
            continue;
        }
        let number = match pieces.iter().position(|(c, _)| *c == no_column) {
            Some(k) if parse_task_number(&pieces[k].1).is_some() => Some(pieces.remove(k).1),
            Some(_) => {
                runs.push(std::mem::take(&mut run));
                continue;
            }
            None => None,
        };
        if number.is_some() {
            run.numbers.push(run.lines.len());
        }
        let after_break = std::mem::take(&mut broke);
        run.lines.push(Line {
            at,
            number,
            pieces,
            after_break,
        });
    }
    runs.push(run);
    runs.retain(|r| !r.numbers.is_empty());
    runs
}

/// What reading each row from its number down costs: lines above a run's first number
/// are no row's; a column whose text starts below its row's number line, and a cell left
/// cut, do not fit it.
fn top_cost(run: &Run, table: &Table) -> usize {
    let mut cost = 2 * run.numbers[0];
    for (row, &at) in run.numbers.iter().enumerate() {
        let end = run.numbers.get(row + 1).copied().unwrap_or(run.lines.len());
        cost += top_row_cost(&run.lines[at..end], table);
    }
    cost
}

/// What a row read from its number (its first line of `lines`) down costs: its columns
/// that start below that line, and its cells left cut.
fn top_row_cost(lines: &[Line], table: &Table) -> usize {
    starting_low(lines, table) + cut_cells(lines, table)
}

/// How many columns have words in `lines` but none on the first of them.
fn starting_low(lines: &[Line], table: &Table) -> usize {
    (table.columns())
        .filter(|&c| !has_piece(&lines[0], c) && lines[1..].iter().any(|l| has_piece(l, c)))
        .count()
}

/// The best reading of a run as centred rows, and its cost: how many lines stand above
/// each row's number. A row's columns each as many lines above the number as below it,
/// no cell left cut; the lines before the run's first number are its first row's, those
/// after its last number its last row's.
fn centred_split(run: &Run, table: &Table) -> (usize, Vec<usize>) {
    let numbers = &run.numbers;
    let rows = numbers.len();
    // best[row][above]: the least cost of the rows before `row` when `row` has `above`
    // lines over its number, with the choice that led there.
    // Ordered, so that of equal readings the same one wins every run.
    let mut best: Vec<BTreeMap<usize, (usize, usize)>> = vec![BTreeMap::new(); rows + 1];
    best[0].insert(numbers[0], (0, 0));
    for row in 0..rows {
        let at = numbers[row];
        let next = numbers.get(row + 1).copied().unwrap_or(run.lines.len());
        // The lines between this number and the next, and how many of them can be this
        // row's: all of them for the last row.
        let gap = next - at - 1;
        let choices = if row + 1 == rows { gap..=gap } else { 0..=gap };
        let states: Vec<(usize, usize)> = best[row].iter().map(|(&a, &(c, _))| (a, c)).collect();
        for (above, cost_before) in states {
            for below in choices.clone() {
                let lines = &run.lines[at - above..=at + below];
                let cost = cost_before + row_cost(lines, above, table);
                let entry = best[row + 1].entry(gap - below).or_insert((usize::MAX, 0));
                if cost < entry.0 {
                    *entry = (cost, above);
                }
            }
        }
    }
    // Back from the end: the number of lines above each row's number.
    let (mut state, cost) = (best[rows].iter())
        .min_by_key(|(a, (c, _))| (*c, **a))
        .map_or((0, usize::MAX), |(a, (c, _))| (*a, *c));
    let mut above = vec![0; rows];
    for row in (0..rows).rev() {
        let (_, came_from) = best[row + 1][&state];
        above[row] = came_from;
        state = came_from;
    }
    (cost, above)
}

/// What a row costs read as centred — but for a row a page cuts: Word and LibreOffice set
/// the part on the first page from the cells' top (the number on its first line), the
/// rest on the next page centred in its own height.
fn row_cost(lines: &[Line], above: usize, table: &Table) -> usize {
    let cut_at = (lines.iter().skip(1).position(|l| l.after_break)).map(|k| k + 1);
    match cut_at {
        Some(cut) if above < cut => {
            let first_part = starting_low(&lines[above..cut], table);
            let ended = ended_before_the_cut(&lines[above..cut], &lines[cut..], table);
            2 * above
                + first_part
                + ended
                + centred_alone(&lines[cut..], table)
                + cut_cells(lines, table)
        }
        _ => centred_cost(lines, above, table),
    }
}

/// How many columns of a row's part on a page end a sentence (。；) and yet go on on the
/// next page: a row the page cuts leaves its words cut, a whole row has nothing to go on.
fn ended_before_the_cut(first: &[Line], rest: &[Line], table: &Table) -> usize {
    let last_piece = |c: usize| {
        (first.iter().rev())
            .find_map(|l| l.pieces.iter().find(|(k, _)| *k == c))
            .map(|(_, t)| t.trim_end())
    };
    (table.columns())
        .filter(|&c| rest.iter().any(|l| has_piece(l, c)))
        .filter(|&c| last_piece(c).is_some_and(|t| t.ends_with(['。', '；', ';', '！', '？'])))
        .count()
}

/// How far from centred in `lines` the columns are that have words there, with no number
/// among them to centre on (a cut row's rest on the next page): for each, how many lines
/// above its first line against how many below its last.
fn centred_alone(lines: &[Line], table: &Table) -> usize {
    (table.columns())
        .filter_map(|c| {
            let first = lines.iter().position(|l| has_piece(l, c))?;
            let last = lines.iter().rposition(|l| has_piece(l, c))?;
            Some(first.abs_diff(lines.len() - 1 - last))
        })
        .sum()
}

/// What a centred row costs: for each column, how far its lines above the number line are
/// from as many as below it, and the cells left cut. Only the columns after the 序号 count:
/// a 类别 before it is merged down over rows, centred over them all. `lines` are the row's, `above` of
/// them over its number.
fn centred_cost(lines: &[Line], above: usize, table: &Table) -> usize {
    let uneven: usize = (table.columns())
        .map(|c| {
            let over = lines[..above].iter().filter(|l| has_piece(l, c)).count();
            let under = lines[above + 1..]
                .iter()
                .filter(|l| has_piece(l, c))
                .count();
            over.abs_diff(under)
        })
        .sum();
    uneven + cut_cells(lines, table)
}

fn has_piece(line: &Line, column: usize) -> bool {
    line.pieces.iter().any(|(c, _)| *c == column)
}

/// How many of a row's cells (its `lines`' pieces, column by column) end cut or start
/// with what closes the cell before: a figure waiting for its measure (`2025 年 12`),
/// an open bracket (`各镇（街`), a list going on (`区财政局、`); `道）`, `、区水务局`.
fn cut_cells(lines: &[Line], table: &Table) -> usize {
    (table.columns())
        .filter(|&c| {
            let text: String = (lines.iter())
                .flat_map(|l| l.pieces.iter().filter(|(k, _)| *k == c))
                .map(|(_, t)| t.as_str())
                .collect();
            let unended = Some(c) == table.closed_content
                && !text.trim_end().ends_with(['。', '；', ';', '！', '？']);
            left_cut(&text) || unended
        })
        .count()
}

fn left_cut(text: &str) -> bool {
    let text = text.trim();
    let opened = text.chars().filter(|c| matches!(c, '(' | '（')).count();
    let closed = text.chars().filter(|c| matches!(c, ')' | '）')).count();
    !text.is_empty()
        && (opened != closed
            || text.ends_with(|c: char| c.is_ascii_digit() || "、，,（(年".contains(c))
            || text.starts_with(|c: char| "）)、，,。；;".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::column_starts;

    fn starts_of(text: &str) -> (Vec<String>, RowStarts) {
        let lines: Vec<&str> = text.lines().collect();
        let columns = column_starts(lines[0], &lines[1..]).expect("set to columns");
        let starts = row_starts(&lines, 1, &columns, (0, Some(1), None));
        let mut opened: Vec<(usize, String)> = (starts.opens.iter())
            .map(|(at, no)| (*at, no.clone()))
            .collect();
        opened.sort();
        let said = opened.iter().map(|(at, no)| format!("{no}@{at}")).collect();
        (said, starts)
    }

    #[test]
    fn a_centred_rows_number_moves_to_its_first_line() {
        let text = "\
序号              任务内容                       牵头单位       配合单位       完成时限
   新建改造农村公路提档升级工程 60 公里，完成农村危桥改造 12                 区财政局、各镇（街   2025 年 11
 1                                        区交通运输局
   座。                                                   道）        月底前
   实施农村生活污水治理提质增效工程，行政村治理设施正常运行率                    苏州市吴中生态环境   2025 年 12
 2                                         区水务局
   达到 95%以上。                                         局、各镇（街道）     月底前
                                                                2025 年 10
3    推进农村供水管网更新改造，改造老旧供水管网 45 公里。          区水务局      吴中水务集团
                                                                  月底前
4    推进数字乡村建设，实现 5G 网络行政村全覆盖。              区工信局       区数据局       2025 年 12 月
";
        let (said, starts) = starts_of(text);
        assert_eq!(said, ["1@1", "2@4", "3@7"]);
        assert!(starts.left.contains(&2) && starts.left.contains(&8));
    }

    #[test]
    fn a_table_set_to_the_top_of_its_cells_is_read_from_each_number_down() {
        let text = "\
序号              任务内容                       牵头单位       配合单位       完成时限
 1 新建改造农村公路提档升级工程 60 公里，完成农村危桥改造 12   区交通运输局   区财政局、各镇（街   2025 年 11
   座。                                                                    道）                 月底前
 2 实施农村生活污水治理提质增效工程，行政村治理设施正常运行率  区水务局       苏州市吴中生态环境   2025 年 12
   达到 95%以上。                                                           局、各镇（街道）     月底前
 3 推进农村供水管网更新改造，改造老旧供水管网 45 公里。        区水务局       吴中水务集团         2025 年 10
                                                                                                 月底前
";
        let (said, starts) = starts_of(text);
        assert!(said.is_empty(), "{said:?}");
        assert!(starts.opens.is_empty());
    }

    #[test]
    fn a_cell_cut_at_a_pages_foot_goes_on_with_its_row() {
        let text = "\
序号              任务内容                       牵头单位       配合单位       完成时限
                                                                2025 年 10
3    推进农村供水管网更新改造，改造老旧供水管网 45 公里。          区水务局      吴中水务集团
                                                                  月底前
4    培育市级以上农业产业化龙头企业 5 家，新增家庭农场 50 家。     区农业农村局       区商务局     2025 年 12

序号                 任务内容                  牵头单位       配合单位       完成时限
                                                                月底前
                                                  区农业农村局、区交    2025 年 9
5    发展乡村休闲旅游，打造乡村旅游精品线路 10 条。          区文体旅局
                                                     通运输局       月底前
";
        let (said, _) = starts_of(text);
        // 月底前 after the repeated header ends task 4's 2025 年 12; task 5 opens below it.
        assert_eq!(said, ["3@1", "5@8"]);
    }

    #[test]
    fn a_rows_rest_on_the_next_page_is_centred_in_its_own_height() {
        let line = |columns: &[usize]| Line {
            at: 0,
            number: None,
            pieces: columns.iter().map(|&c| (c, "字".to_string())).collect(),
            after_break: false,
        };
        let table = Table {
            count: 4,
            no_column: 0,
            group: None,
            closed_content: None,
        };
        // The content's one line in the middle of the units' three: centred.
        let rest = [line(&[3]), line(&[1, 3]), line(&[3])];
        assert_eq!(centred_alone(&rest, &table), 0);
        // The content's line at the top, over the units' three: not.
        let rest = [line(&[1, 3]), line(&[3]), line(&[3])];
        assert_eq!(centred_alone(&rest, &table), 2);
    }

    #[test]
    fn what_a_cell_left_cut_looks_like() {
        for cut in ["2025 年 12", "各镇（街", "区财政局、", "道）", "2025 年"] {
            assert!(left_cut(cut), "{cut}");
        }
        for whole in ["2025 年 12 月底前", "各镇（街道）", "达到 95%以上。", ""] {
            assert!(!left_cut(whole), "{whole}");
        }
    }
}
