//! A 分工表 pasted one cell per line — a web page's table copied as plain text: 序号 / 重点工作
//! / 责任单位 / 完成时限 each on a line of its own, then every row's cells the same way. A
//! blank cell leaves no line and a cell of several lines leaves several, so the rows cannot be
//! counted off; they are put back together by what each line says (a number, a list of
//! units, a time, a sentence), aligned to the header's columns at the least cost.

use super::table::{TableLine, read_table};
use super::{Places, section_heading, split_cells, table_label};
use crate::base::cjk::{excerpt, is_han, tidy_spacing};
use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::{Column, HeaderMap, RawTable, opening_number};

/// A header found one cell per line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StackedHeader {
    /// Index of its first line.
    pub first: usize,
    /// Index of the line after its last.
    pub end: usize,
    /// Its cells, as written (a name broken over two lines joined).
    pub cells: Vec<String>,
    /// Cells that may be one with the cell after them (攻坚目标 / 任务): the rows decide.
    pub may_join: Vec<usize>,
}

/// A line's cell without the borders some pages leave at its ends (`80 |`) or put on lines
/// of their own (`|`, then empty).
fn cell_text(line: &str) -> &str {
    line.trim().trim_matches(['|', '｜']).trim()
}

/// The first header of `lines` written one cell per line: a run of short lines that read as
/// columns' names and together make a header. A name fengong does not read (当前进度, 备注)
/// stands among them as an extra column; a name a narrow column broke over two lines (责任 /
/// 领导) is one cell.
pub(super) fn find_header(lines: &[&str]) -> Option<StackedHeader> {
    let filled: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, cell_text(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let named = |l: &str| Column::from_header(l).is_some();
    let name_like = |l: &str| {
        // A unit in brackets after a name (年度投资金额（万元）) is part of it, and so is
        // the period a column reports on (1-10月推进情况, 2025年目标).
        let bare = crate::base::cjk::without_brackets(l);
        let bare_of_period = crate::base::cjk::without_brackets(without_period(l));
        // A body's name (区住建局), a numeral (一) or a part's heading (一、主要预期目标) is a
        // row's cell, never a column's name.
        let a_value = matches!(says(l), Says::Units | Says::Number | Says::Heading)
            || crate::base::cjk::chinese_number(l).is_some();
        // A label with its value (责任单位：区工商联) is a task's line, no column's name.
        let labelled = l
            .split_once(['：', ':'])
            .is_some_and(|(_, value)| !value.trim().is_empty());
        bare.chars().count() <= 12
            && l.chars().count() <= 18
            && !labelled
            && split_cells(l).is_none()
            && section_heading(l).is_none()
            && (named(l)
                || (bare_of_period.chars().count() <= 8
                    && bare_of_period.chars().all(is_han)
                    && !a_value))
    };
    // A body's name over the word it qualifies, a column's name broken over two lines
    // (区政府 / 分管领导): part of the header, not a row's cell.
    let qualifies_next = |k: usize| {
        let (l, next) = (filled[k].1, filled.get(k + 1).map_or("", |(_, n)| *n));
        l.chars().count() <= 6
            && l.chars().all(is_han)
            && says(l) == Says::Units
            && Column::from_header(next) == Some(Column::Person)
    };
    // A long name fengong does not read (落实进展情况及问题原因) stands between two it does:
    // a column of its own, since no row's cell is followed by a column's name.
    let between_names = |k: usize| {
        let l = filled[k].1;
        let bare = crate::base::cjk::without_brackets(l);
        bare.chars().count() <= 16
            && bare.chars().all(is_han)
            && says(l) == Says::Text
            && filled.get(k + 1).is_some_and(|(_, next)| named(next))
    };
    (0..filled.len()).find_map(|start| {
        if !named(filled[start].1) {
            return None;
        }
        let mut run: Vec<&(usize, &str)> = (start..filled.len())
            .take(MAX_HEADER_LINES)
            .take_while(|&k| name_like(filled[k].1) || qualifies_next(k) || between_names(k))
            .map(|k| &filled[k])
            .collect();
        // A title above it (…责任单位表) reads as a name too: the header starts at its 序号,
        // or at the group columns just left of it (分类 / 序号), whose merged cells come
        // before each row's number.
        let number_at = run
            .iter()
            .position(|(_, l)| Column::from_header(l) == Some(Column::No));
        let from = number_at.map_or(0, |at| {
            let groups = run[..at]
                .iter()
                .rev()
                .take_while(|(_, l)| Column::from_header(l) == Some(Column::Group))
                .count();
            at - groups
        });
        drop_first_rows_left_cells(&mut run, from, number_at);
        let numbered_next = filled
            .get(start + run.len())
            .is_some_and(|(_, l)| super::parse_task_number(l).is_some());
        // At the end a name fengong does not read is a column (备注) only when it is as short
        // as a header word and a row's number follows; else it is the first row's text (a
        // group's merged cell before its number).
        // 备注 is a column's name wherever it stands: no row's text is that word alone.
        let remarks = |l: &str| matches!(tidy_spacing(l).as_str(), "备注" | "备考" | "附注");
        let trailing_column =
            |l: &str| remarks(l) || (numbered_next && without_period(l).chars().count() <= 4);
        while run.len() > from
            && run
                .last()
                .is_some_and(|(_, l)| !named(l) && !trailing_column(l))
        {
            run.pop();
        }
        if run.len() <= from {
            return None;
        }
        let names: Vec<&str> = run[from..].iter().map(|(_, l)| *l).collect();
        let (cells, may_join) = wrapped_names(&names);
        (cells.len() >= 3 && HeaderMap::detect(&cells).is_some()).then(|| StackedHeader {
            first: run[from].0,
            end: run.last().map_or(0, |(i, _)| i + 1),
            cells,
            may_join,
        })
    })
}

/// A column's name without the period it reports on written first: `1-10月推进情况` →
/// `推进情况`, `2025年目标` → `目标`, `一季度进展` stays (a word of its own).
fn without_period(name: &str) -> &str {
    match PERIOD.find(name) {
        Some(m) if m.end() < name.len() => &name[m.end()..],
        _ => name,
    }
}

/// A period written first in a column's name: 1-10月, 6月底, 2025年, 2025年度.
static PERIOD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    regex::Regex::new(
        r"^(?:\d{4}年)?(?:\d{1,2}(?:月)?\s*[-—–~～至到]\s*)?\d{1,2}月(?:份|底|末)?|^\d{4}年(?:度)?",
    )
    .unwrap()
});

/// Whether a column's name is a period alone: 一季度, 上半年, 全年, 6月, 2025年.
fn names_a_period(name: &str) -> bool {
    let name = name.trim();
    let dated = PERIOD.find(name).is_some_and(|m| m.end() == name.len());
    let worded = ["季度", "半年", "全年", "年度"]
        .iter()
        .any(|p| name.ends_with(p))
        && name.chars().count() <= 4;
    dated || worded
}

/// Columns left of 序号 have the first row's cells there before its number, and a group's
/// first cell is seldom empty: names at the end of `run`, as many as such columns, that
/// could be a group's text (no unit, time or person; no 备注) are those cells, not names
/// (分类 / 序号 / 事项 / … / 发展目标 / 1). The header starts at `from`, 序号 at `number_at`.
fn drop_first_rows_left_cells(
    run: &mut Vec<&(usize, &str)>,
    from: usize,
    number_at: Option<usize>,
) {
    let left = number_at.map_or(0, |at| at - from);
    let group_text = |l: &str| {
        matches!(
            Column::from_header(l),
            None | Some(Column::Content | Column::Group)
        ) && !Column::is_report_or_remark(l)
    };
    // The header left must still say where the task's text is.
    let still_whole = |run: &[&(usize, &str)]| {
        let names: Vec<&str> = run[from..run.len() - 1].iter().map(|(_, l)| *l).collect();
        HeaderMap::detect(&names).is_some_and(|m| m.index(Column::Content).is_some())
    };
    for _ in 0..left {
        if number_at.is_some_and(|at| run.len() > at + 2)
            && run.last().is_some_and(|(_, l)| group_text(l))
            && still_whole(run)
        {
            run.pop();
        }
    }
}

/// How many lines a stacked header may take: a dozen columns, some broken over two lines.
const MAX_HEADER_LINES: usize = 16;

/// A header's lines made cells. A word a narrow column broke over two lines is one cell: its
/// first piece names nothing on its own and is no column's word (责任 / 领导, 第二季度 /
/// 完成情况), or is a role before the kind of body that has it (牵头 / 科室). Two short names of the same kind side by side (攻坚目标 / 任务) may be one cell
/// or two: only the rows can tell, so they are returned as a choice (the index of the first).
fn wrapped_names(names: &[&str]) -> (Vec<String>, Vec<usize>) {
    // Letters set apart (要 内 容) count as the name's characters.
    let len = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let kind = |s: &str| Column::from_header(s);
    let remark = |s: &str| Column::is_report_or_remark(s);
    let broken = |a: &str, b: &str| {
        // One character names no column: 主 / 要 内 容.
        let single = len(a) == 1 && kind(a).is_none() && kind(b) != Some(Column::No);
        // The body whose leader a column names: 区政府 / 分管领导.
        let leader_of_body =
            kind(b) == Some(Column::Person) && kind(a).is_none() && says(a) == Says::Units;
        // Two periods side by side (一季度 / 二季度) are two columns.
        let periods = names_a_period(a) && names_a_period(b);
        let qualifier = kind(a).is_none()
            && !periods
            && !remark(a)
            && len(a) <= 4
            && len(b) <= 4
            && kind(b) != Some(Column::No)
            && (len(b) <= 2 || kind(b).is_none());
        // A role and the kind of body that has it: 牵头 / 科室, 配合 / 单位.
        let role_of_body = matches!(kind(a), Some(Column::Lead | Column::Support))
            && kind(b) == Some(Column::Units)
            && len(b) <= 2;
        single || qualifier || role_of_body || leader_of_body
    };
    let mut cells: Vec<String> = Vec::new();
    let mut i = 0;
    while i < names.len() {
        match names.get(i + 1) {
            Some(next) if broken(names[i], next) => {
                cells.push(format!("{}{next}", names[i]));
                i += 2;
            }
            _ => {
                cells.push(names[i].to_string());
                i += 1;
            }
        }
    }
    let either = |a: &str, b: &str| {
        kind(a).is_some()
            && kind(a) == kind(b)
            && kind(a) != Some(Column::No)
            && len(a).min(len(b)) <= 2
            && len(a) + len(b) <= 8
    };
    let may_join = (0..cells.len().saturating_sub(1))
        .filter(|&i| either(&cells[i], &cells[i + 1]))
        .take(MAX_JOIN_CHOICES)
        .collect();
    (cells, may_join)
}

/// How many two-way header cells are tried against the rows (2^n readings).
const MAX_JOIN_CHOICES: usize = 4;

/// The header's cells with the joins of `chosen` (a bit per entry of `may_join`) made.
fn joined(cells: &[String], may_join: &[usize], chosen: u32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut join_next = false;
    for (i, cell) in cells.iter().enumerate() {
        match out.last_mut() {
            Some(last) if join_next => last.push_str(cell),
            _ => out.push(cell.clone()),
        }
        join_next = may_join
            .iter()
            .position(|&at| at == i)
            .is_some_and(|bit| chosen & (1 << bit) != 0);
    }
    out
}

/// What a line under a stacked header says, which decides the columns it may stand in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    /// A bare number: a row's 序号.
    Number,
    /// A section or group heading (一、… / （一）… / (1)…), a row of its own between rows.
    Heading,
    /// A note under the table (注：…): not a row.
    Note,
    /// A task numbered in its own cell ((1)地区生产总值增长6%左右。) with its leader or units
    /// after it: a row of its own under the row's 序号 (merged over them in the page).
    Item,
    /// Names of bodies: 县水务局、县住建局.
    Units,
    /// A time: 12月底前, 长期坚持.
    Time,
    /// A person's name, two to four characters.
    Name,
    /// Anything else: a task's text.
    Text,
    /// A cell the page left empty, marked by a bar alone (`|`) where every cell ends in one.
    Empty,
    /// More of the cell above, never a cell of its own: a bracketed note under a unit's
    /// name (应急管理局 / (安委办)).
    More,
}

fn says(line: &str) -> Says {
    let text = tidy_spacing(line.trim());
    if super::parse_task_number(&text).is_some() {
        return Says::Number;
    }
    let inner = text.trim_start_matches(['（', '(']);
    // A web page's own line under the table (打印本页 关闭窗口) is no cell either.
    if inner.starts_with("注：")
        || inner.starts_with("注:")
        || inner.starts_with("说明：")
        || crate::ingest::text::is_page_line(&text)
    {
        return Says::Note;
    }
    if section_heading(&text).is_some() || table_label(&text).is_some() {
        return Says::Heading;
    }
    if crate::ingest::units::is_units_text(&text) {
        return Says::Units;
    }
    let chars = text.chars().count();
    // 秋季开学前, 汛期前: a short line that ends as a time limit does.
    let time = crate::ingest::deadline::says_only_a_time(&text)
        || (chars <= 12 && text.ends_with(['前', '底']));
    if time && chars <= 20 && (!text.contains('。') || chars <= 8) {
        return Says::Time;
    }
    // 李四副市长, 分管副县长: a leader with a post is a person as much as a bare name is.
    let post = chars <= 12 && crate::ingest::inline::is_post(&text);
    if post || ((2..=4).contains(&chars) && text.chars().all(is_han)) {
        return Says::Name;
    }
    Says::Text
}

/// Costs, in halves: what the alignment pays for a line in a column that fits it less well,
/// a cell left empty, a line joined onto a cell, a row begun again.
mod cost {
    /// A column left empty.
    pub const EMPTY: u32 = 2;
    /// The task's text left empty: a row without it is seldom meant.
    pub const EMPTY_CONTENT: u32 = 6;
    /// A second line in a cell (a cell broken over lines).
    pub const JOIN: u32 = 2;
    /// A fit this bad or worse is said, row by row.
    pub const DOUBTFUL: u32 = 4;
    /// Beginning the columns again inside a numbered row: a merged 序号 over two rows.
    pub const SUB_ROW: u32 = 4;
    /// A line put in no column (said, not lost).
    pub const LEFT_OUT: u32 = 6;
}

/// What a line saying `says` costs in a column of `kind` (None: a column fengong does not
/// read); None where it cannot stand.
fn fit(says: Says, kind: Option<Column>) -> Option<u32> {
    use Says::*;
    match kind {
        _ if says == Empty || says == More => (kind != Some(Column::No)).then_some(0),
        Some(Column::Content) if says == Item => Some(0),
        _ if says == Item => None,
        Some(Column::Content | Column::Group) => match says {
            Text | Heading => Some(0),
            Name => Some(2),
            Units => Some(4),
            Time => Some(6),
            Number | Note | Item | Empty | More => None,
        },
        Some(Column::Units | Column::Lead | Column::Support) => match says {
            Units => Some(0),
            Name => Some(4),
            _ => None,
        },
        // A schedule's column (进度要求) holds sentences: one there costs less than a line
        // joined on to the cell before and this one left empty.
        Some(Column::Deadline) => match says {
            Time => Some(0),
            Text => Some(3),
            _ => None,
        },
        // A body in a leader's column is rare (区政府办 for its head); a line of units after a
        // row's units is more of them, not the next row's leader.
        Some(Column::Person) => match says {
            Name => Some(0),
            Units => Some(3),
            Text => Some(4),
            _ => None,
        },
        Some(Column::No) => None,
        None => match says {
            Text => Some(0),
            Time | Name => Some(2),
            Units => Some(4),
            _ => None,
        },
    }
}

fn empty_cost(kind: Option<Column>) -> u32 {
    match kind {
        Some(Column::Content) => cost::EMPTY_CONTENT,
        _ => cost::EMPTY,
    }
}

/// A line joined to a cell of units costs nothing: a web page lists a cell's units one per
/// line. A 牵头 cell costs a little more than the cells after it: where units run on
/// from one cell into the next and nothing marks where, one unit leads and the rest are
/// the 配合 cell's (发改局 / 开发区 / 科技园 / 统计局).
fn join_cost(kind: Option<Column>, says: Says) -> u32 {
    match kind {
        Some(Column::Lead) => 1,
        Some(Column::Units | Column::Support) => 0,
        // Words after a row's time (a page's line under the table) are seldom more of it:
        // a schedule's sentence opens its cell at less cost than it joins one.
        Some(Column::Deadline) if says == Says::Text => cost::JOIN + 3,
        _ => cost::JOIN,
    }
}

/// Where a line of a stretch goes: its column and whether it begins a row again, or
/// nowhere (a line of the page under the table: 分享到, 打印本页).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Placed {
    In {
        slot: usize,
        restart: bool,
        fit: u32,
    },
    Out,
}

/// Aligns a stretch of lines to the columns `kinds` (in the header's order), each line to a
/// column it fits, columns in order within a row, a row begun again at `restart` cost, a
/// line left out at [`cost::LEFT_OUT`]: the assignment of least cost. A line `opens` marks
/// (the line above closed its cell with a bar) is never more of the cell before.
fn align(
    lines: &[Says],
    opens: &[bool],
    kinds: &[Option<Column>],
    restart: u32,
    row_begun: bool,
) -> (Vec<Placed>, u32) {
    const NONE: u32 = u32::MAX / 4;
    let (n, k) = (lines.len(), kinds.len());
    let empties = |from: usize, to: usize| empties(kinds, from, to);
    // State j < k: the last line placed stands in column j; state k: none placed yet.
    // best[i][state] after lines ..i; back[i][state]: (state before line i-1, its placing).
    let mut best = vec![vec![NONE; k + 1]; n + 1];
    let mut back = vec![vec![(k, Placed::Out); k + 1]; n + 1];
    best[0][k] = 0;
    // Where bars close every cell, a row begun again (under a merged 序号) at the task's
    // text is a row whose other cells the page merged with the row above: they are not on
    // the page to be filled, so none is empty.
    let marked = restart > 0 && opens.contains(&true);
    let merged_away = |j: usize| marked && kinds[j] == Some(Column::Content);
    // A numbered item begins a row of its own: leaving it out leaves that row's cells all
    // empty (a last task cut off before its units is still a task).
    let item_left_out = cost::LEFT_OUT + empties(0, k);
    for i in 0..n {
        for p in 0..=k {
            let here = best[i][p];
            if here >= NONE {
                continue;
            }
            let mut offer = |state: usize, total: u32, placed: Placed| {
                if total < best[i + 1][state] {
                    best[i + 1][state] = total;
                    back[i + 1][state] = (p, placed);
                }
            };
            let out = [cost::LEFT_OUT, item_left_out][usize::from(lines[i] == Says::Item)];
            offer(p, here + out, Placed::Out);
            for (j, &kind) in kinds.iter().enumerate() {
                let Some(fit) = fit(lines[i], kind) else {
                    continue;
                };
                if !may_follow(lines[i], opens.get(i) == Some(&true), p == j) {
                    continue;
                }
                let (step, restarted) = step_cost(kinds, (p, j), lines[i], restart, merged_away(j));
                let placed = Placed::In {
                    slot: j,
                    restart: restarted,
                    fit,
                };
                offer(j, here + step + fit, placed);
            }
        }
    }
    // A row begun at its number has every column, filled or left empty: leaving its
    // lines out leaves them all empty (a row cut after its text is still that text's).
    let last_row_merged_away = |state: usize| {
        (traced(&back, state).iter().rev())
            .find_map(|placed| match *placed {
                Placed::In {
                    restart: true,
                    slot,
                    ..
                } => Some(merged_away(slot)),
                _ => None,
            })
            .unwrap_or(false)
    };
    let tail = |state: usize| match state {
        _ if state < k && last_row_merged_away(state) => 0,
        _ if state < k => empties(state + 1, k),
        _ if row_begun => empties(0, k),
        _ => 0,
    };
    let state = (0..=k)
        .filter(|&s| best[n][s] < NONE)
        .min_by_key(|&s| (best[n][s] + tail(s), s))
        .unwrap_or(k);
    (traced(&back, state), best[n][state] + tail(state))
}

/// The cost of the columns `from..to` left empty.
fn empties(kinds: &[Option<Column>], from: usize, to: usize) -> u32 {
    kinds[from..to].iter().map(|&c| empty_cost(c)).sum()
}

/// What placing a line saying `says` in column `j` costs after the last line placed in `p`
/// (`kinds.len()`: none yet) beyond its fit — the columns it skips left empty, its join, or
/// a row begun again (`restart`; with its other cells `merged` away none empty) — and
/// whether it begins the row again.
fn step_cost(
    kinds: &[Option<Column>],
    (p, j): (usize, usize),
    says: Says,
    restart: u32,
    merged: bool,
) -> (u32, bool) {
    let k = kinds.len();
    if p == k {
        (empties(kinds, 0, j), false)
    } else if j == p {
        (join_cost(kinds[j], says), false)
    } else if j > p {
        (empties(kinds, p + 1, j), false)
    } else if merged {
        (restart + empties(kinds, p + 1, k), true)
    } else {
        (
            restart + empties(kinds, p + 1, k) + empties(kinds, 0, j),
            true,
        )
    }
}

/// Whether a line saying `says` may stand in a column after the last line placed, in the
/// same column (`same`) or another: an empty cell is a cell of its own, never a line of
/// the one before; more of a cell is only that; a line that `opens` a cell joins none.
fn may_follow(says: Says, opens: bool, same: bool) -> bool {
    match says {
        Says::Empty => !same,
        Says::More => same,
        _ => !(same && opens),
    }
}

/// The placings that end in `state` after the last line, traced back through `back`.
fn traced(back: &[Vec<(usize, Placed)>], mut state: usize) -> Vec<Placed> {
    let n = back.len() - 1;
    let mut placed = vec![Placed::Out; n];
    for i in (0..n).rev() {
        let (before, how) = back[i + 1][state];
        placed[i] = how;
        state = before;
    }
    placed
}

/// A stacked table read back into rows of cells: the header's cells and line, the rows with
/// their lines, and what was found on the way.
pub(super) struct Rebuilt {
    header: (Vec<String>, u32),
    body: Vec<(u32, TableLine)>,
    diagnostics: Vec<Diagnostic>,
}

/// Puts the table under `header` back together, or says nothing when it cannot be: a number
/// column the header does not name (the rows cannot be told apart), or too many lines that
/// fit no column well.
pub(super) fn rebuild(
    lines: &[&str],
    header: &StackedHeader,
    places: Places<'_>,
) -> Option<Rebuilt> {
    let mut body = filled_lines(lines, header.end);
    notes_with_their_names(&mut body);
    let numbered = body.iter().any(|(_, _, s)| *s == Says::Number);
    items_with_their_units(&mut body, numbered);
    let mut cells = best_reading(header, &body, numbered);
    let mut map = HeaderMap::detect(&cells)?;
    // Rows numbered under a header that names no 序号 (merged into the heading beside it):
    // the numbers are a column of their own, just left of the task's text.
    let unnamed_number = numbered && map.index(Column::No).is_none();
    if unnamed_number {
        cells.insert(map.index(Column::Content)?, "序号".to_string());
        map = HeaderMap::detect(&cells)?;
    }
    let kinds = kinds_of(&map, cells.len());
    let number_at = map.index(Column::No);
    let mut rows = Rows {
        names: &cells,
        width: cells.len(),
        number_at,
        numbered,
        out: Vec::new(),
        doubtful: Vec::new(),
        notes: Vec::new(),
        places,
        cell_opens: cells_closed_by_bars(lines, &body),
    };
    if numbered {
        rows.numbered(&body, &kinds);
    } else {
        rows.in_order(&body, &kinds);
    }
    rows.out.sort_by_key(|(line, _)| *line);
    if columns_are_a_guess(&rows, map.index(Column::Content), body.len()) {
        return None;
    }
    let header_line = header.first as u32 + 1;
    let mut diagnostics = said(
        &header.cells,
        places.at(header_line),
        numbered,
        number_at.is_some(),
        unnamed_number,
    );
    diagnostics.extend(rows.doubtful);
    diagnostics.extend(rows.notes);
    let body = rows.out;
    Some(Rebuilt {
        header: (cells, header_line),
        body,
        diagnostics,
    })
}

/// The lines under the header that hold a cell, each with what it says: text, or a cell a
/// bar marks empty. A row's numbers are put in sequence.
fn filled_lines<'a>(lines: &[&'a str], start: usize) -> Vec<(usize, &'a str, Says)> {
    // Where every cell ends in a bar, a bar alone inside a row is a cell left empty; one
    // before a row's number (or the end) closes the row.
    let empties_marked = bars_mark_empty_cells(&lines[start..]);
    // For each line, whether the next filled line after it opens a row (or none follows).
    let mut before_row = vec![true; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        let next = cell_text(lines[i]);
        before_row[i] = if next.is_empty() {
            before_row[i + 1]
        } else {
            super::parse_task_number(next).is_some()
        };
    }
    let closes_row = |i: usize| before_row[i + 1];
    let empty_cell = |i: usize| empties_marked && is_bar(lines[i]) && !closes_row(i);
    let mut body: Vec<(usize, &str, Says)> = lines
        .iter()
        .enumerate()
        .skip(start)
        .filter_map(|(i, l)| match cell_text(l) {
            _ if empty_cell(i) => Some((i, "", Says::Empty)),
            "" => None,
            text => Some((i, text, says(text))),
        })
        .collect();
    let bars: Vec<usize> = (start..lines.len())
        .filter(|&i| is_bar(lines[i]) && !empty_cell(i))
        .collect();
    numbers_in_sequence(&mut body, &bars);
    body
}

/// The lines that open a cell of their own where the page ends each cell with a bar
/// (`已完工。 |`): those after a line that ends in one. A cell the page broke over lines
/// ends its last line only, so a bar is where a cell stops.
fn cells_closed_by_bars(lines: &[&str], body: &[(usize, &str, Says)]) -> Vec<usize> {
    let Some(&(start, _, _)) = body.first() else {
        return Vec::new();
    };
    if !bars_mark_empty_cells(&lines[start..]) {
        return Vec::new();
    }
    (body.windows(2))
        .filter(|pair| lines[pair[0].0].trim_end().ends_with(['|', '｜']))
        .map(|pair| pair[1].0)
        .collect()
}

/// A bracketed note under a unit's name (应急管理局 / (安委办)) is more of that name, in
/// its cell: the units reader joins the two. A note naming a body makes a short name over
/// it one too (科技园 / (城南镇)).
fn notes_with_their_names(body: &mut [(usize, &str, Says)]) {
    for i in 1..body.len() {
        let note = body[i].1.trim();
        if !crate::ingest::units::is_bracket_note(note) {
            continue;
        }
        let inner = &note[note.char_indices().nth(1).map_or(0, |(at, _)| at)..];
        let inner = inner.trim_end_matches([')', '）']);
        let names_a_body = crate::ingest::units::is_units_text(inner);
        let short_name = |l: &str| {
            let l = l.trim();
            l.chars().count() <= 8 && l.chars().all(is_han)
        };
        match body[i - 1].2 {
            Says::Units => body[i].2 = Says::More,
            Says::Name | Says::Text if names_a_body && short_name(body[i - 1].1) => {
                body[i - 1].2 = Says::Units;
                body[i].2 = Says::More;
            }
            _ => {}
        }
    }
}

/// Whether the columns read are a guess: no task, more than a quarter of the `lines` fit
/// their column badly or none at all, or more than a quarter of the rows have no task text
/// (一, 已完工, a unit's name: the columns slid).
fn columns_are_a_guess(rows: &Rows<'_>, content_at: Option<usize>, lines: usize) -> bool {
    let tasks = rows
        .out
        .iter()
        .filter(|(_, r)| matches!(r, TableLine::Row(_)))
        .count();
    let left_out = rows.out.len() - tasks;
    let no_text = rows
        .out
        .iter()
        .filter_map(|(_, r)| match r {
            TableLine::Row(cells) => content_at.and_then(|at| cells.get(at)),
            TableLine::Stray(_) => None,
        })
        .filter(|c| !c.trim().is_empty() && !reads_as_task_text(c))
        .count();
    tasks == 0 || (rows.doubtful.len() + left_out) * 4 > lines || no_text * 4 > tasks
}

/// A line numbered as an item ((1)地区生产总值增长6%左右。) with its leader or units on the
/// line right after it is a task of its own under the row's number — not a heading between
/// rows. In a table with no 序号 (`numbered` false), a measure numbered in its own cell
/// (2.为小微企业开通…) over its units is the task's text, never a group's cell.
fn items_with_their_units(body: &mut [(usize, &str, Says)], numbered: bool) {
    // An item's number after the last item's goes on with them, its units perhaps lost
    // with a cell the page merged over several rows.
    let mut last: Option<u32> = None;
    for i in 0..body.len() {
        let text = tidy_spacing(body[i].1);
        let bracketed = (table_label(&text))
            .filter(|_| text.starts_with(['(', '（']) && super::numbered_label(&text).is_none())
            .map(|(n, _)| n)
            .filter(|_| numbered && body[i].2 == Says::Heading);
        // 2.为小微企业开通… over its units: a measure numbered in its own cell, as (2) is.
        let dotted = opening_number(&text)
            .and_then(|(n, _)| n.trim_end_matches(['.', '．', '、', '。']).parse().ok())
            .filter(|_| !numbered && body[i].2 == Says::Text);
        let Some(n) = bracketed.or(dotted) else {
            continue;
        };
        let assigned_after = body
            .get(i + 1)
            .is_some_and(|(_, _, next)| matches!(next, Says::Units | Says::Name));
        if assigned_after || last.is_some_and(|l| n == l + 1) {
            body[i].2 = Says::Item;
            last = Some(n);
        }
    }
    if numbered {
        dotted_items_under_a_number(body);
    }
}

/// Under one 序号 (a cell the page merged over several rows), measures each numbered in
/// its own cell (1.地区生产总值增长5%。, 2.…) and each over its own leader or units: every
/// one a task of its own. Only where every numbered line of the row is so — a content
/// cell listing 1.… 2.… over one cell of units is one task's words.
fn dotted_items_under_a_number(body: &mut [(usize, &str, Says)]) {
    let mut start = 0;
    while start < body.len() {
        let end = (start + 1..body.len())
            .find(|&i| body[i].2 == Says::Number)
            .unwrap_or(body.len());
        let dotted: Vec<usize> = (start..end)
            .filter(|&i| {
                body[i].2 == Says::Text && opening_number(&tidy_spacing(body[i].1)).is_some()
            })
            .collect();
        let assigned = |i: usize| {
            body.get(i + 1)
                .is_some_and(|(_, _, next)| matches!(next, Says::Units | Says::Name))
        };
        if dotted.len() >= 2 && dotted.iter().all(|&i| assigned(i)) {
            for i in dotted {
                body[i].2 = Says::Item;
            }
        }
        start = end;
    }
}

/// Whether a cell under the task's column reads as a task's text: a sentence or a phrase
/// of work, not a numeral, a unit, a time or a word of progress (已完工).
fn reads_as_task_text(cell: &str) -> bool {
    let text = tidy_spacing(cell);
    let progress = ["已完工", "已完成", "未开工", "推进中", "进行中", "已开工"]
        .iter()
        .any(|w| text.starts_with(w) && text.chars().count() <= 8);
    text.chars().count() > 2
        && crate::base::cjk::chinese_number(&text).is_none()
        && !progress
        && matches!(says(&text), Says::Text | Says::Heading)
}

/// A line that is a border and nothing else (`|`): where a page's table ends a row.
/// True when the page ends each cell with a bar (`推进工业园区扩区。 |`): a bar alone on a
/// line inside a row is then a cell left empty.
fn bars_mark_empty_cells(lines: &[&str]) -> bool {
    let filled: Vec<&str> = (lines.iter())
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !is_bar(l))
        .collect();
    let barred = filled.iter().filter(|l| l.ends_with(['|', '｜'])).count();
    !filled.is_empty() && barred * 10 >= filled.len() * 9
}

fn is_bar(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().all(|c| matches!(c, '|' | '｜'))
}

/// Rows begin at numbers that follow one another (80, 81 …: a page may start anywhere) —
/// and, where the page marks its rows' ends with a bar on a line of its own (`|` lines at
/// `bars`), right after one. A bare number elsewhere is a cell's value — a year in 建设时间
/// (2024), an amount in 投资 (300, or 2 after row 1) — and says so.
fn numbers_in_sequence(body: &mut [(usize, &str, Says)], bars: &[usize]) {
    let marked = bars.len() >= 2;
    let mut last: Option<u32> = None;
    let mut previous_line: Option<usize> = None;
    let (mut starts, mut values) = (Vec::new(), 0);
    // A number further on than the next one still starts a row where a task's text follows
    // it: a bureau's extract keeps the plan's numbers (3, 68, 69, 73).
    let text_after: Vec<bool> = (0..body.len())
        .map(|i| {
            body.get(i + 1)
                .is_some_and(|(_, next, _)| next.chars().count() >= 8 && reads_as_task_text(next))
        })
        .collect();
    for (i, (at, line, said)) in body.iter_mut().enumerate() {
        let after_bar = previous_line.is_none_or(|p| bars.iter().any(|&b| p < b && b < *at));
        previous_line = Some(*at);
        if *said != Says::Number {
            continue;
        }
        let Some(n) = super::parse_task_number(line) else {
            continue;
        };
        let follows = |l: u32| n == l + 1 || (n > l + 1 && text_after[i]);
        if last.is_none_or(follows) && (!marked || after_bar) {
            last = Some(n);
            starts.push(i);
            continue;
        }
        *said = value_says(line, n);
        values += 1;
    }
    // One number followed by no next one, among other bare numbers, starts no run: it is a
    // value like the rest (分值 3, 3, 2 … in a table without 序号).
    if let [only] = starts[..]
        && values > 0
    {
        let (_, line, said) = &mut body[only];
        if let Some(n) = super::parse_task_number(line) {
            *said = value_says(line, n);
        }
    }
}

/// What a bare number that starts no row is: a year (a time) or a cell's value.
fn value_says(line: &str, n: u32) -> Says {
    let year = (1949..=2100).contains(&n) && line.trim().len() == 4;
    if year { Says::Time } else { Says::Text }
}

/// What each of a header's `width` cells holds, by its map (None: a column fengong does
/// not read).
pub(super) fn kinds_of(map: &HeaderMap, width: usize) -> Vec<Option<Column>> {
    (0..width)
        .map(|i| map.columns.iter().find(|(_, at)| *at == i).map(|(c, _)| *c))
        .collect()
}

/// The reading of the header the rows fit best: each two-way cell (攻坚目标 / 任务) one
/// column or two, whichever leaves fewer cells empty and fewer lines out of place; on a tie,
/// the cells as written.
fn best_reading(
    header: &StackedHeader,
    body: &[(usize, &str, Says)],
    numbered: bool,
) -> Vec<String> {
    if header.may_join.is_empty() {
        return header.cells.clone();
    }
    let said: Vec<Says> = body
        .iter()
        .map(|(_, _, s)| *s)
        .filter(|s| !matches!(s, Says::Heading | Says::Note))
        .collect();
    let restart = if numbered { cost::SUB_ROW } else { 0 };
    (0..1u32 << header.may_join.len())
        .filter_map(|chosen| {
            let cells = joined(&header.cells, &header.may_join, chosen);
            let map = HeaderMap::detect(&cells)?;
            let number_at = map.index(Column::No);
            let kinds: Vec<Option<Column>> = kinds_of(&map, cells.len())
                .into_iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != number_at)
                .map(|(_, kind)| kind)
                .collect();
            let cost: u32 = said
                .split(|s| *s == Says::Number)
                .filter(|row| !row.is_empty())
                .map(|row| align(row, &[], &kinds, restart, numbered).1)
                .sum();
            Some(((cost, chosen.count_ones()), cells))
        })
        .min_by_key(|(key, _)| *key)
        .map_or_else(|| header.cells.clone(), |(_, cells)| cells)
}

/// What is said of a table put back together: that it was, and how its rows were numbered.
fn said(
    header: &[String],
    place: crate::base::diag::Location,
    numbered: bool,
    has_number_column: bool,
    unnamed_number: bool,
) -> Vec<Diagnostic> {
    let mut said = vec![
        Diagnostic::warning(
            "table/cells-per-line",
            place.clone(),
            format!(
                "这里的分工表每格占一行（表头「{}」，从网页复制时表格被拆散）：已按各行写的内容（序号、单位、时间、文字）还原各列；空白的格子看不出来，请核对分工表",
                header.join(" / ")
            ),
        )
        .with_hint("最稳妥的是在网页上选中整张表格，粘贴到 Excel 或 WPS 表格后另存为 .xlsx，放在原文件所在的文件夹"),
    ];
    if !numbered && has_number_column {
        said.push(Diagnostic::note(
            "table/no-number-column",
            place.clone(),
            "表中序号列是空的，任务按行序编号（1、2、3……）",
        ));
    }
    if unnamed_number {
        said.push(Diagnostic::note(
            "table/unnamed-number-column",
            place,
            "表头没有“序号”一列，但各行写有编号：按编号分行，编号记为序号",
        ));
    }
    said
}

/// Reads a rebuilt table as any other.
pub(super) fn read(
    rebuilt: Rebuilt,
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    diagnostics.extend(rebuilt.diagnostics);
    read_table(rebuilt.header, rebuilt.body, places, diagnostics)
}

/// Rows being put back together.
struct Rows<'a> {
    /// The header's cells.
    names: &'a [String],
    width: usize,
    number_at: Option<usize>,
    /// Rows begin at their numbers.
    numbered: bool,
    out: Vec<(u32, TableLine)>,
    /// Lines that fit their column badly, said row by row (too many: no reading at all).
    doubtful: Vec<Diagnostic>,
    /// How rows were read (items under a number), said.
    notes: Vec<Diagnostic>,
    places: Places<'a>,
    /// Lines that open a cell of their own: the line above ended its cell with a bar.
    cell_opens: Vec<usize>,
}

/// A stretch's lines set in cells: the rows they make, each with the line it starts at, and
/// the cells they give the row after (a merged cell left of 序号 is copied before its number).
#[derive(Default)]
struct Set {
    rows: Vec<(usize, Vec<String>)>,
    next: Vec<String>,
}

impl Rows<'_> {
    /// The header's columns a row's own lines go to (after 序号), and those left of 序号,
    /// whose lines come before the number and so belong to the row after.
    fn slots(&self) -> (Vec<usize>, Vec<usize>) {
        let at = self.number_at.unwrap_or(0);
        ((at + 1..self.width).collect(), (0..at).collect())
    }

    /// Rows that begin at their 序号: each number and the lines up to the next make one row
    /// (a merged 序号 over two rows makes a row begun again inside it, read as its tail).
    fn numbered(&mut self, body: &[(usize, &str, Says)], kinds: &[Option<Column>]) {
        let (own, left) = self.slots();
        let with_next: Vec<usize> = own.iter().chain(&left).copied().collect();
        let starts: Vec<usize> = (0..body.len())
            .filter(|&i| body[i].2 == Says::Number)
            .collect();
        let mut carried = self.before_row(&body[..starts[0]], &left, kinds);
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(body.len());
            // A heading or note ends the row's cells; what follows it leads the next row.
            let cells_end = (start + 1..end)
                .find(|&i| matches!(body[i].2, Says::Heading | Says::Note))
                .unwrap_or(end);
            let (number_line, number, _) = body[start];
            let own_lines = &body[start + 1..cells_end];
            if own_lines.iter().any(|(_, _, s)| *s == Says::Item) {
                carried = self.items_under_number(own_lines, (number_line, number), carried, kinds);
                if cells_end < end {
                    let after = self.before_row(&body[cells_end..end], &left, kinds);
                    carried = merge_cells(carried, after);
                }
                continue;
            }
            let set = self.aligned(own_lines, &with_next, own.len(), kinds);
            let mut rows = set.rows.into_iter();
            let (_, mut cells) = rows
                .next()
                .unwrap_or((start, vec![String::new(); self.width]));
            for (cell, lead) in cells.iter_mut().zip(std::mem::take(&mut carried)) {
                if cell.is_empty() {
                    *cell = lead;
                }
            }
            if let Some(at) = self.number_at {
                cells[at] = number.to_string();
            }
            self.out
                .push((number_line as u32 + 1, TableLine::Row(cells)));
            for (line, cells) in rows {
                self.out.push((line as u32 + 1, TableLine::Row(cells)));
            }
            carried = set.next;
            if cells_end < end {
                let after = self.before_row(&body[cells_end..end], &left, kinds);
                carried = merge_cells(carried, after);
            }
        }
    }

    /// A row's lines under its number that are items numbered in their own cells, each with
    /// its units ((1)…, 王旭锋, 发改局; (2)…, 财政局): a row each, the number left to them
    /// (read as tasks numbered in their text), the lines before the first item (the group's
    /// label) with the first. Returns the cells carried to the row after.
    fn items_under_number(
        &mut self,
        lines: &[(usize, &str, Says)],
        (number_line, number): (usize, &str),
        mut carried: Vec<String>,
        kinds: &[Option<Column>],
    ) -> Vec<String> {
        let (own, left) = self.slots();
        let with_next: Vec<usize> = own.iter().chain(&left).copied().collect();
        let items: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].2 == Says::Item)
            .collect();
        let first = opening_number(lines[items[0]].1.trim()).map_or("", |(n, _)| n);
        self.notes.push(Diagnostic::note(
            "table/numbered-under-merged-number",
            self.places.at(number_line as u32 + 1),
            format!(
                "序号「{number}」下各行内容各有编号（从「{first}」起）：按 {} 项任务读，各有其责任单位",
                items.len()
            ),
        ));
        let content_at = kinds.iter().position(|k| *k == Some(Column::Content));
        for (k, &item) in items.iter().enumerate() {
            let from = if k == 0 { 0 } else { item };
            let to = items.get(k + 1).copied().unwrap_or(lines.len());
            let set = self.aligned(&lines[from..to], &with_next, own.len(), kinds);
            for (r, (line, mut cells)) in set.rows.into_iter().enumerate() {
                for (cell, lead) in cells.iter_mut().zip(std::mem::take(&mut carried)) {
                    if cell.is_empty() {
                        *cell = lead;
                    }
                }
                // The item's number is the task's; its text the task's content.
                if r == 0
                    && let (Some(no), Some(content)) = (self.number_at, content_at)
                    && let Some((number, text)) = opening_number(cells[content].trim())
                {
                    let (number, text) = (number.to_string(), text.to_string());
                    cells[no] = number;
                    cells[content] = text;
                }
                self.out.push((line as u32 + 1, TableLine::Row(cells)));
            }
            carried = set.next;
        }
        carried
    }

    /// Lines before a row's number: headings and notes stand between rows; the rest fill
    /// the columns left of 序号 for the row to come, or are not rows at all.
    fn before_row(
        &mut self,
        lines: &[(usize, &str, Says)],
        left: &[usize],
        kinds: &[Option<Column>],
    ) -> Vec<String> {
        let mut carried = vec![String::new(); self.width];
        if left.is_empty() {
            self.headings_between(lines);
            return carried;
        }
        let mut start = 0;
        for i in 0..=lines.len() {
            let boundary = i == lines.len() || matches!(lines[i].2, Says::Heading | Says::Note);
            if !boundary {
                continue;
            }
            let stretch = &lines[start..i];
            {
                carried = merge_cells(carried, self.aligned(stretch, left, 0, kinds).next);
            }
            if i < lines.len() {
                self.between(&lines[i..=i]);
            }
            start = i + 1;
        }
        carried
    }

    /// Rows without numbers: every time the columns begin again, a new row; headings stand
    /// between them. The 序号 column, when the header has one, is numbered in row order.
    fn in_order(&mut self, body: &[(usize, &str, Says)], kinds: &[Option<Column>]) {
        let slots: Vec<usize> = (0..self.width)
            .filter(|&c| Some(c) != self.number_at)
            .collect();
        let mut order = 0;
        let mut stretch_start = 0;
        for i in 0..=body.len() {
            let boundary = i == body.len() || matches!(body[i].2, Says::Heading | Says::Note);
            if !boundary {
                continue;
            }
            let set = self.aligned(&body[stretch_start..i], &slots, slots.len(), kinds);
            for (line, mut cells) in set.rows {
                order += 1;
                if let Some(at) = self.number_at {
                    cells[at] = order.to_string();
                }
                self.out.push((line as u32 + 1, TableLine::Row(cells)));
            }
            if i < body.len() {
                self.between(&body[i..=i]);
            }
            stretch_start = i + 1;
        }
    }

    /// Lines between rows where no cell of the next row stands (序号 first): headings, each
    /// a row of its own — a bare number in the 序号 cell with its title on the line under
    /// it ((一) / 加强战略科技力量建设。) one heading, and a short line of text alone a heading
    /// whose number the copy lost (强化科技创新支撑能力。). Anything else is not a row.
    fn headings_between(&mut self, lines: &[(usize, &str, Says)]) {
        let mut i = 0;
        while i < lines.len() {
            let (line, text, said) = lines[i];
            let bare_number = said == Says::Heading
                && table_label(text).is_some_and(|(_, title)| title.trim().is_empty());
            let title_under = lines.get(i + 1).filter(|(_, _, s)| *s == Says::Text);
            let heading = match title_under {
                Some((_, title, _)) if bare_number => {
                    i += 1;
                    Some(format!("{}{}", text.trim(), title.trim()))
                }
                _ if said == Says::Text && text.chars().count() <= 40 => Some(text.to_string()),
                _ => None,
            };
            match heading {
                Some(heading) => {
                    let mut cells = vec![String::new(); self.width];
                    cells[0] = heading;
                    self.out.push((line as u32 + 1, TableLine::Row(cells)));
                }
                None => self.between(&lines[i..=i]),
            }
            i += 1;
        }
    }

    /// Lines between rows: a heading is a row of its own; anything else is not a row.
    fn between(&mut self, lines: &[(usize, &str, Says)]) {
        for &(line, text, said) in lines {
            let row = if said == Says::Heading {
                // In the first cell, as a heading merged across the row is copied.
                let mut cells = vec![String::new(); self.width];
                cells[0] = text.to_string();
                TableLine::Row(cells)
            } else {
                TableLine::Stray(text.to_string())
            };
            self.out.push((line as u32 + 1, row));
        }
    }

    /// Sets a stretch of lines in the header's columns `slots` (those from `next_from` on
    /// belong to the row after); lines that fit their column badly are said, lines that fit
    /// none are not rows. Without numbers a row begun again is a new row; with them, the
    /// tail of a merged 序号.
    fn aligned(
        &mut self,
        stretch: &[(usize, &str, Says)],
        slots: &[usize],
        next_from: usize,
        kinds: &[Option<Column>],
    ) -> Set {
        let restart = if self.numbered { cost::SUB_ROW } else { 0 };
        let slot_kinds: Vec<Option<Column>> = slots.iter().map(|&i| kinds[i]).collect();
        let said: Vec<Says> = stretch.iter().map(|(_, _, s)| *s).collect();
        let mut set = Set {
            rows: Vec::new(),
            next: vec![String::new(); self.width],
        };
        let row_begun = self.numbered && next_from > 0;
        let opens: Vec<bool> = (stretch.iter())
            .map(|(line, _, _)| self.cell_opens.contains(line))
            .collect();
        let placing = align(&said, &opens, &slot_kinds, restart, row_begun).0;
        for (&(line, text, _), place) in stretch.iter().zip(placing) {
            let Placed::In { slot, restart, fit } = place else {
                self.out
                    .push((line as u32 + 1, TableLine::Stray(text.to_string())));
                continue;
            };
            let cell = if slot >= next_from {
                &mut set.next[slots[slot]]
            } else {
                if set.rows.is_empty() || restart {
                    set.rows.push((line, vec![String::new(); self.width]));
                }
                let Some((_, cells)) = set.rows.last_mut() else {
                    continue;
                };
                &mut cells[slots[slot]]
            };
            if !cell.is_empty() {
                cell.push('\n');
            }
            cell.push_str(text);
            if fit >= cost::DOUBTFUL {
                self.doubtful.push(Diagnostic::warning(
                    "table/cell-guessed",
                    self.places.at(line as u32 + 1),
                    format!(
                        "「{}」放在了「{}」一列，请核对",
                        excerpt(text),
                        self.names[slots[slot]]
                    ),
                ));
            }
        }
        set
    }
}

/// Cells of the same row from two places, each cell's lines in order.
fn merge_cells(mut into: Vec<String>, more: Vec<String>) -> Vec<String> {
    for (cell, add) in into.iter_mut().zip(more) {
        if add.is_empty() {
            continue;
        }
        if !cell.is_empty() {
            cell.push('\n');
        }
        cell.push_str(&add);
    }
    into
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::raw_table::{RawTask, RowKind};

    fn read(text: &str) -> (RawTable, Vec<Diagnostic>) {
        let lines: Vec<&str> = text.lines().collect();
        let places = Places::lines("t.txt");
        let header = find_header(&lines).expect("a header");
        let rebuilt = rebuild(&lines, &header, places).expect("rebuilt");
        let mut diagnostics = Vec::new();
        let table = super::read(rebuilt, places, &mut diagnostics);
        (table, diagnostics)
    }

    #[test]
    fn quarters_side_by_side_are_columns_of_their_own() {
        let text = "2025年重点工作任务进度表\n序号\n重点任务\n牵头单位\n一季度\n二季度\n全年目标\n1\n推进工业园区扩区。\n县发改局\n完成选址\n完成报批\n扩区到位\n2\n新建社区食堂。\n县民政局\n建成1家\n建成2家\n建成3家";
        let lines: Vec<&str> = text.lines().collect();
        let header = find_header(&lines).expect("a header");
        assert_eq!(
            header.cells,
            [
                "序号",
                "重点任务",
                "牵头单位",
                "一季度",
                "二季度",
                "全年目标"
            ]
        );
    }

    fn tasks(table: &RawTable) -> Vec<&RawTask> {
        table
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect()
    }

    /// A progress table whose merged cells left no line (a group's numeral and unit, then
    /// projects and their progress): a unit's name or a numeral is no column's name, and
    /// rows whose task text reads 一 or 已完工 are a guess — refused, not published.
    /// Under one number, measures 1.… 2.… over one cell of units are that task's words;
    /// each over units of its own, tasks of their own.
    #[test]
    fn dotted_measures_under_a_number_are_tasks_only_each_over_its_units() {
        let (table, _) = read(
            "序号\n工作任务\n责任单位\n1\n1.新建幼儿园2所。\n2.改建小学1所。\n县教育局\n\
             2\n1.新增就业3000人。\n县人社局\n2.开展技能培训。\n县总工会\n",
        );
        let tasks = tasks(&table);
        let words: Vec<&str> = tasks.iter().map(|t| t.content.as_str()).collect();
        assert_eq!(tasks.len(), 3, "{words:?}");
        assert!(
            words[0].contains("新建幼儿园") && words[0].contains("改建小学"),
            "{words:?}"
        );
        assert_eq!(tasks[0].units, "县教育局");
        assert_eq!(tasks[2].units, "县总工会");
    }

    #[test]
    fn a_table_whose_columns_slid_is_refused_not_guessed() {
        let text = "序号 |\n牵头单位 |\n项目名称 |\n业主单位 |\n进展情况 |\n||\n\
                    一 |\n区水务局 |\n(一)城区供水管网改造 |\n1.东门片区 |\n区水投 |\n已完工 |\n|\n\
                    2.西湖片区 |\n区城投 |\n已完工 |\n|||\n\
                    二 |\n区教体局 |\n(一)新建学校 |\n1.城南小学 |\n区教体局 |\n推进中 |\n|\n\
                    2.城北幼儿园 |\n区城投 |\n已完工 |\n|||\n";
        let lines: Vec<&str> = text.lines().collect();
        let header = find_header(&lines).expect("a header");
        assert_eq!(header.cells, ["序号", "牵头单位", "项目名称", "业主单位"]);
        assert!(rebuild(&lines, &header, Places::lines("t.txt")).is_none());
    }

    #[test]
    fn rows_without_numbers_begin_where_the_columns_begin_again() {
        let (table, diagnostics) = read(
            "序号\n\n工作内容\n\n责任单位\n\n配合单位\n\n一、优化结构\n\n\
             推进服务业集聚区建设。\n\n区发改委\n\n区商务委、区财政局\n\n\
             建设商贸圈。\n\n区商务委\n\n推进科技创新，培育小巨人企业。\n\n区科委\n",
        );
        assert!(matches!(&table.rows[0].kind, RowKind::Section { numeral, .. } if numeral == "一"));
        let tasks = tasks(&table);
        assert_eq!(tasks.len(), 3);
        assert_eq!(tasks[0].no, "1");
        assert_eq!(tasks[0].units, "区发改委");
        assert_eq!(tasks[0].support.as_deref(), Some("区商务委、区财政局"));
        assert_eq!(tasks[1].content, "建设商贸圈。");
        assert_eq!(tasks[1].support.as_deref(), Some(""));
        assert_eq!(tasks[2].units, "区科委");
        assert!(diagnostics.iter().any(|d| d.code == "table/cells-per-line"));
    }

    #[test]
    fn a_group_column_left_of_the_number_heads_the_rows_its_values_stand_before() {
        let (table, _) = read(
            "重点工作分解\n\n类别\n\n序号\n\n工作事项\n\n责任单位\n\n牵头单位\n\n\
             稳住增长\n\n1\n\n全年生产总值增长6%。\n\n区统计局、区发改局\n\n区发改局\n\n\
             2\n\n外贸出口稳中有增。\n\n区商务局\n\n区商务局\n\n\
             改善民生\n\n3\n\n新增就业岗位3000个。\n\n区人社局、各街道\n\n区人社局\n",
        );
        assert_eq!(
            table.header.iter().map(String::as_str).collect::<Vec<_>>(),
            ["类别", "序号", "工作事项", "责任单位", "牵头单位"]
        );
        let tasks = tasks(&table);
        assert_eq!(tasks.len(), 3);
        assert_eq!(tasks[1].content, "外贸出口稳中有增。");
        assert_eq!(tasks[2].content, "新增就业岗位3000个。");
        assert_eq!(tasks[0].label.as_deref(), Some("稳住增长"));
        assert_eq!(tasks[2].label.as_deref(), Some("改善民生"));
        assert!(tasks.iter().all(|t| t.extra.is_empty()));
    }

    #[test]
    fn header_words_broken_over_lines_are_joined_and_two_way_cells_left_to_the_rows() {
        let names = [
            "序号", "重点", "工作", "责任", "领导", "牵头", "配合", "完成", "时限", "备注",
        ];
        let (cells, may_join) = wrapped_names(&names);
        assert_eq!(
            cells,
            [
                "序号",
                "重点工作",
                "责任领导",
                "牵头",
                "配合",
                "完成时限",
                "备注"
            ]
        );
        assert!(may_join.is_empty());
        assert_eq!(
            wrapped_names(&["序号", "牵头", "科室", "第二季度", "完成情况"]).0,
            ["序号", "牵头科室", "第二季度完成情况"]
        );

        let header = |text: &str| {
            let lines: Vec<&str> = text.lines().collect();
            let header = find_header(&lines).expect("a header");
            let body: Vec<(usize, &str, Says)> = lines
                .iter()
                .enumerate()
                .skip(header.end)
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i, *l, says(l)))
                .collect();
            best_reading(&header, &body, true)
        };
        // Rows with one text for 年度目标 / 任务: one column. Rows with two: two.
        let top = "序号\n年度目标\n任务\n责任单位\n";
        let one = format!("{top}1\n建成口袋公园5个。\n区绿化局\n2\n新增停车位800个。\n区交通委\n");
        assert_eq!(header(&one), ["序号", "年度目标任务", "责任单位"]);
        let two = format!(
            "{top}1\n绿化提升\n建成口袋公园5个。\n区绿化局\n2\n停车治理\n新增停车位800个。\n区交通委\n"
        );
        assert_eq!(header(&two), ["序号", "年度目标", "任务", "责任单位"]);
    }

    #[test]
    fn a_line_is_read_by_what_it_says() {
        assert_eq!(says("12"), Says::Number);
        assert_eq!(says("县水务局"), Says::Units);
        assert_eq!(says("区商务委等相关部门、各街镇"), Says::Units);
        assert_eq!(says("县卫生健康局、各乡镇人民政府"), Says::Units);
        assert_eq!(says("2026年6月底前"), Says::Time);
        assert_eq!(says("长期坚持"), Says::Time);
        assert_eq!(says("汛期前"), Says::Time);
        assert_eq!(says("张明华"), Says::Name);
        assert_eq!(says("李四副市长"), Says::Name);
        assert_eq!(says("二、提升城市品质"), Says::Heading);
        assert_eq!(says("(2)改善人居环境。"), Says::Heading);
        assert_eq!(says("注：A类指约束性任务。"), Says::Note);
        assert_eq!(says("建成县残疾人综合服务中心。"), Says::Text);
        // A list of units closed by a full stop is units still.
        assert_eq!(says("区投资促进中心。"), Says::Units);
        assert_eq!(
            says("区政府有关部门,各乡镇人民政府、街道办事处。"),
            Says::Units
        );
        assert_eq!(says("推进改造，完成20个小区"), Says::Text);
    }

    #[test]
    fn units_one_per_line_share_a_cell_unless_a_second_units_column_waits() {
        use Says::*;
        let one = [
            Some(Column::Content),
            Some(Column::Units),
            Some(Column::Deadline),
        ];
        let slots = |placed: Vec<Placed>| -> Vec<Option<usize>> {
            placed
                .into_iter()
                .map(|p| match p {
                    Placed::In { slot, .. } => Some(slot),
                    Placed::Out => None,
                })
                .collect()
        };
        assert_eq!(
            slots(
                align(
                    &[Text, Units, Units, Units, Time],
                    &[],
                    &one,
                    cost::SUB_ROW,
                    true
                )
                .0
            ),
            [Some(0), Some(1), Some(1), Some(1), Some(2)]
        );
        let two = [
            Some(Column::Content),
            Some(Column::Units),
            Some(Column::Support),
        ];
        assert_eq!(
            slots(align(&[Text, Units, Units], &[], &two, 0, false).0),
            [Some(0), Some(1), Some(2)]
        );
        // A line of the page after a full row fits nowhere well: left out, not a row.
        assert_eq!(
            slots(align(&[Text, Units, Time, Text], &[], &one, cost::SUB_ROW, true).0),
            [Some(0), Some(1), Some(2), None]
        );
    }
}
