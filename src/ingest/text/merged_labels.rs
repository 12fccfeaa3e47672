//! A 类别 cell merged down over several rows, its words centred over them all, as offices
//! set them in Word: `pdftotext -layout` puts the label's lines on whichever rows' lines
//! stand beside them (`压实安` and `全责任` on task 2's lines of three tasks, `提升本` on
//! task 8's last line and `质安全` on task 9's). Read line by line, the label goes to the
//! task in the middle, or in halves to two.
//!
//! Which lines make one label, and which rows it names, is read from the layout: a label
//! stands inside the rows it names, in their middle. That reading is taken only where it
//! fits the table better than giving each row the label lines beside it (a 类别 set to the
//! top of its cells fits that one exactly).

use std::collections::{BTreeMap, HashSet};

use super::centred::{RowStarts, Run, runs_of_rows};
use super::{Columns, Places};
use crate::base::diag::Diagnostic;

/// The most lines of one label, and the most lines apart two of its lines stand (a row's
/// line of other columns between them).
const MOST_LINES: usize = 8;
const MOST_APART: usize = 3;

/// The labels of a 类别 column merged down over rows, each given to the first row it names.
#[derive(Debug, Default)]
pub(super) struct MergedLabels {
    /// Lines (indexes) whose 类别 piece is part of a label given to a row.
    taken: HashSet<usize>,
    /// A row's first line (index), with the label given it.
    given: BTreeMap<usize, String>,
    /// For the note: each label, the numbers of the rows it names, where it stands.
    spread: Vec<(String, Vec<String>, usize)>,
}

impl MergedLabels {
    /// Line `at` without its piece of a label given elsewhere.
    pub(super) fn without_taken(
        &self,
        at: usize,
        line: String,
        columns: &Columns,
        group: usize,
    ) -> String {
        match self.taken.contains(&at) {
            true => columns.without_piece(&line, group),
            false => line,
        }
    }

    /// The label given to the row opening at line `at`, taken out so none is given twice.
    pub(super) fn take_given(&mut self, at: usize) -> Option<String> {
        self.given.remove(&at)
    }

    /// The labels no row took (its opening line read as none), with their lines: kept.
    pub(super) fn take_rest(&mut self) -> Vec<(usize, String)> {
        std::mem::take(&mut self.given).into_iter().collect()
    }

    /// Whether the labels were read as merged down (the rows' own reading is then left be).
    pub(super) fn is_read(&self) -> bool {
        !self.spread.is_empty()
    }

    /// One note for them all, at the first label.
    pub(super) fn said(&self, places: Places<'_>) -> Option<Diagnostic> {
        let (_, _, first) = self.spread.first()?;
        let shown: Vec<String> = (self.spread.iter())
            .map(|(label, numbers, _)| match numbers.as_slice() {
                [one] => format!("「{label}」第 {one} 项"),
                [from, .., to] => format!("「{label}」第 {from}—{to} 项"),
                [] => format!("「{label}」"),
            })
            .collect();
        Some(Diagnostic::note(
            "table/labels-merged",
            places.at(*first as u32 + 1),
            format!(
                "分工表的类别格子跨行合并、文字上下居中，各行文字排在几项之间：已按所跨的行读作 {}",
                shown.join("；")
            ),
        ))
    }
}

/// The labels of the table whose rows begin at line index `from`, in column `group`: read
/// as merged down over rows where that fits the layout better than each row's own.
pub(super) fn spread(
    lines: &[&str],
    from: usize,
    columns: &Columns,
    (no_column, group): (usize, usize),
    starts: &RowStarts,
) -> MergedLabels {
    let runs = runs_of_rows(lines, from, columns.clone(), no_column);
    let mut merged = MergedLabels::default();
    let (mut own, mut centred) = (0, 0);
    let mut readings = Vec::new();
    for run in &runs {
        let rows = Rows::of(run, starts);
        let fragments = fragments(run, group, &rows);
        if fragments.is_empty() {
            continue;
        }
        own += own_rows_cost(&fragments, &rows);
        let Some((cost, labels)) = centred_labels(&fragments, &rows) else {
            return merged;
        };
        centred += cost;
        readings.push((run, rows, fragments, labels));
    }
    if centred >= own {
        return merged;
    }
    for (run, rows, fragments, labels) in readings {
        for label in labels {
            let text: String = (fragments[label.fragments.clone()].iter())
                .map(|f| f.text.as_str())
                .collect();
            let opens = run.lines[rows.opening[label.rows.start]].at;
            let numbers = rows.numbers[label.rows.clone()].to_vec();
            merged.spread.push((text.clone(), numbers, opens));
            merged.given.insert(opens, text);
            (fragments[label.fragments].iter()).for_each(|f| {
                merged.taken.insert(run.lines[f.line].at);
            });
        }
    }
    merged
}

/// A run's rows: where each starts (an index into the run's lines; the first row also has
/// the lines above it), its number, and on which page each line stands.
struct Rows {
    start: Vec<usize>,
    /// The line each row opens on (its number's, or the one its number was moved to).
    opening: Vec<usize>,
    numbers: Vec<String>,
    /// Each line's page, counted from the run's first.
    page: Vec<usize>,
    /// Each line's place in the text (its index), to measure by.
    at: Vec<usize>,
}

impl Rows {
    fn of(run: &Run, starts: &RowStarts) -> Rows {
        let (mut start, mut opening, mut numbers) = (Vec::new(), Vec::new(), Vec::new());
        for (i, line) in run.lines.iter().enumerate() {
            if let Some(number) = starts.row_opening(line.at, line.number.as_deref()) {
                start.push(if start.is_empty() { 0 } else { i });
                opening.push(i);
                numbers.push(number.to_string());
            }
        }
        let mut page = Vec::with_capacity(run.lines.len());
        for line in &run.lines {
            let before = page.last().copied().unwrap_or(0);
            page.push(before + usize::from(line.after_break));
        }
        let at = run.lines.iter().map(|l| l.at).collect();
        Rows {
            start,
            opening,
            numbers,
            page,
            at,
        }
    }

    fn count(&self) -> usize {
        self.start.len()
    }

    /// The run's lines (indexes) of rows `rows`.
    fn lines(&self, rows: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let end = (self.start.get(rows.end).copied()).unwrap_or(self.at.len());
        self.start[rows.start]..end
    }

    /// The row whose lines hold the run's line `line`.
    fn holding(&self, line: usize) -> usize {
        self.start.partition_point(|&s| s <= line).saturating_sub(1)
    }
}

/// A line's piece of the 类别 column.
struct Fragment {
    line: usize,
    /// The row whose lines hold it.
    row: usize,
    /// The rows it may name: its own, and on a line of its own at a row's edge the row
    /// beyond that edge too (a label taller than its rows stands out over them).
    rows: std::ops::RangeInclusive<usize>,
    text: String,
    /// It opens with a numeral of its own (（一）…): a label starts with it.
    numbered: bool,
    /// It is narrower than the column's full width by a character or more: a label wrapped
    /// by its column's width ends on such a line.
    short: bool,
}

/// What joining a label's lines after one short of the column's width costs, in half
/// lines: two labels' lines side by side read as one (群 / 加快发展) only where the layout
/// says so plainly.
const SHORT_JOIN: usize = 4;

/// The cost of reading `fragments` as one label's lines: those short of the column's width
/// before its last.
fn short_joins(fragments: &[Fragment]) -> usize {
    let before_last = fragments.len().saturating_sub(1);
    SHORT_JOIN * fragments[..before_last].iter().filter(|f| f.short).count()
}

fn fragments(run: &Run, group: usize, rows: &Rows) -> Vec<Fragment> {
    let mut fragments: Vec<Fragment> = (run.lines.iter().enumerate())
        .filter_map(|(i, line)| {
            let text: String = (line.pieces.iter())
                .filter(|(c, _)| *c == group)
                .map(|(_, t)| t.trim())
                .collect();
            let numbered = super::numbered_label(&text).is_some();
            let row = rows.holding(i);
            let alone = line.number.is_none() && line.pieces.iter().all(|(c, _)| *c == group);
            let first = rows.start.get(row) == Some(&i) && row > 0;
            let last = rows.start.get(row + 1) == Some(&(i + 1));
            let may = match (alone, first, last) {
                (true, true, _) => row - 1..=row,
                (true, _, true) => row..=row + 1,
                _ => row..=row,
            };
            (!text.is_empty()).then_some(Fragment {
                line: i,
                row,
                rows: may,
                text,
                numbered,
                short: false,
            })
        })
        .collect();
    // The column's full width: the width most of its lines have (of two as common, the
    // wider), not the widest (a task's words set over the column's edge would be).
    let width = |f: &Fragment| super::Measure::Display.of(&f.text);
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    fragments
        .iter()
        .for_each(|f| *counts.entry(width(f)).or_default() += 1);
    let full = (counts.iter().max_by_key(|(w, n)| (**n, **w))).map_or(0, |(w, _)| *w);
    for fragment in &mut fragments {
        fragment.short = width(fragment) + 2 <= full;
    }
    fragments
}

/// How far the labels stand from their rows' first lines when each row takes the lines
/// beside it, in half lines (as the centred cost counts). The first label heads the run's
/// first row too: rows above it would have none.
fn own_rows_cost(fragments: &[Fragment], rows: &Rows) -> usize {
    let mut cost = 0;
    let mut last_row = None;
    for fragment in fragments {
        if last_row != Some(fragment.row) {
            let heads = if last_row.is_none() { 0 } else { fragment.row };
            let top = rows.at[rows.start[heads]];
            cost += 2 * rows.at[fragment.line].saturating_sub(top);
            last_row = Some(fragment.row);
        }
    }
    cost
}

/// One label of a centred reading: its fragments and the rows it names.
#[derive(Debug, Clone)]
struct Label {
    fragments: std::ops::Range<usize>,
    rows: std::ops::Range<usize>,
}

/// The best reading of the fragments as labels each centred over the rows it names, the
/// rows parted among them from the run's first to its last, and its cost: how far each
/// label's middle stands from its rows' (half lines). A label's rows hold all its lines;
/// of readings as good, the one with more labels. None when no reading fits.
fn centred_labels(fragments: &[Fragment], rows: &Rows) -> Option<(usize, Vec<Label>)> {
    // best[(fragments used, rows used)] = ((cost, joins), the label that led there).
    type Best = BTreeMap<(usize, usize), ((usize, usize), Option<Label>)>;
    let mut best: Best = BTreeMap::new();
    best.insert((0, 0), ((0, 0), None));
    for used in 0..fragments.len() {
        let states: Vec<(usize, (usize, usize))> = (best.range((used, 0)..(used + 1, 0)))
            .map(|(&(_, r), &(c, _))| (r, c))
            .collect();
        for (rows_used, (cost, joins)) in states {
            for label in labels_from(fragments, used, rows_used, rows) {
                let Some(this) = label_cost(&label, fragments, rows) else {
                    continue;
                };
                let this = this + short_joins(&fragments[label.fragments.clone()]);
                let next_cost = (cost + this, joins + label.fragments.len() - 1);
                let key = (label.fragments.end, label.rows.end);
                let entry = best.entry(key).or_insert(((usize::MAX, 0), None));
                if next_cost < entry.0 {
                    *entry = (next_cost, Some(label));
                }
            }
        }
    }
    let mut state = (fragments.len(), rows.count());
    let ((cost, _), _) = best.get(&state)?;
    let cost = *cost;
    let mut labels = Vec::new();
    while let Some((_, Some(label))) = best.get(&state) {
        state = (label.fragments.start, label.rows.start);
        labels.push(label.clone());
    }
    labels.reverse();
    Some((cost, labels))
}

/// The labels that can start at fragment `first` with their rows starting at row `row`:
/// lines near one another on one page, a numbered one only first; rows holding all its
/// lines and none of the next label's.
fn labels_from(fragments: &[Fragment], first: usize, row: usize, rows: &Rows) -> Vec<Label> {
    let mut out = Vec::new();
    if *fragments[first].rows.end() < row {
        return out;
    }
    for end in first + 1..=fragments.len().min(first + MOST_LINES) {
        let last = &fragments[end - 1];
        if end - 1 > first {
            let before = &fragments[end - 2];
            let apart = rows.at[last.line] - rows.at[before.line];
            if last.numbered || apart > MOST_APART || rows.page[last.line] != rows.page[before.line]
            {
                break;
            }
        }
        // The next label's rows start at its first line's row at the latest; the last
        // label's rows run to the run's end.
        let least = *last.rows.start() + 1;
        let most = fragments
            .get(end)
            .map_or(rows.count(), |next| *next.rows.end());
        let least = if end == fragments.len() { most } else { least };
        for rows_end in least..=most {
            out.push(Label {
                fragments: first..end,
                rows: row..rows_end,
            });
        }
    }
    out
}

/// How far a label's middle stands from the middle of its rows, in half lines. Rows a page
/// cuts hold the label on their first page, set from its top or centred over that page's
/// part (Word and LibreOffice set a cut cell's words so); none when it stands elsewhere.
fn label_cost(label: &Label, fragments: &[Fragment], rows: &Rows) -> Option<usize> {
    let lines = rows.lines(label.rows.clone());
    let first = fragments[label.fragments.start].line;
    let last = fragments[label.fragments.end - 1].line;
    let (top, bottom) = (lines.start, lines.end - 1);
    let centred =
        |bottom: usize| (rows.at[first] + rows.at[last]).abs_diff(rows.at[top] + rows.at[bottom]);
    if rows.page[top] == rows.page[bottom] {
        return Some(centred(bottom));
    }
    if rows.page[last] != rows.page[top] {
        return None;
    }
    let page_end = (lines.clone()).rfind(|&l| rows.page[l] == rows.page[top])?;
    Some(centred(page_end).min(2 * (rows.at[first] - rows.at[top])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::column_starts;

    /// The labels read from a table set to columns (类别 | 序号 | 任务内容 | 牵头单位), as
    /// (row's first line, label) and the lines taken.
    fn spread_of(text: &str) -> (Vec<(usize, String)>, Vec<usize>) {
        let lines: Vec<&str> = text.lines().collect();
        let columns = column_starts(lines[0], &lines[1..]).expect("set to columns");
        let starts = super::super::centred::row_starts(&lines, 1, &columns, (1, Some(2), Some(0)));
        let merged = spread(&lines, 1, &columns, (1, 0), &starts);
        let given = merged.given.into_iter().collect();
        let mut taken: Vec<usize> = merged.taken.into_iter().collect();
        taken.sort();
        (given, taken)
    }

    #[test]
    fn a_label_centred_over_its_rows_names_them_all() {
        let text = "\
类别   序号   任务内容                      牵头单位
             严格落实党政领导干部安全生产
       1                                   区应急管理局
             责任制，开展督导检查。
压实         督促企业主要负责人履行第一
       2                                   区应急管理局
责任         责任人职责。
             将安全生产工作纳入年度绩效
       3                                   区委组织部
             考核。
             开展危险化学品企业精准执法
       4                                   区应急管理局
提升         检查。
本质
             全面排查城镇燃气管道老化问
安全   5                                   区住房城乡建设局
             题。
";
        let (given, taken) = spread_of(text);
        // 压实责任 stands on task 2's lines, the middle of tasks 1–3: task 1's; 提升本质安全
        // stands over tasks 4 and 5, its lines apart: one label, task 4's.
        assert_eq!(
            given,
            [
                (1, "压实责任".to_string()),
                (10, "提升本质安全".to_string())
            ]
        );
        assert_eq!(taken, [4, 6, 12, 13, 15]);
    }

    #[test]
    fn a_label_set_to_the_top_of_its_cells_is_left_to_its_rows() {
        let text = "\
类别   序号   任务内容                      牵头单位
压实   1     严格落实党政领导干部安全生产    区应急管理局
责任         责任制，开展督导检查。
       2     督促企业主要负责人履行第一      区应急管理局
             责任人职责。
提升   3     开展危险化学品企业精准执法      区应急管理局
本质         检查。
";
        let (given, taken) = spread_of(text);
        assert!(given.is_empty() && taken.is_empty(), "{given:?}");
    }

    #[test]
    fn a_label_over_rows_a_page_cuts_stands_at_their_top() {
        let text = "\
类别   序号   任务内容                      牵头单位
             严格落实党政领导干部安全生产
       1                                   区应急管理局
压实         责任制，开展督导检查。
责任         督促企业主要负责人履行第一
       2                                   区应急管理局
             责任人职责。
保障   3     将安全生产工作纳入年度绩效      区委组织部
             考核，考核结果作为干部评价
民生         的重要参考。
       4     新增城镇就业 6000 人，开发      区人力资源社会保障局
             公益性岗位 300 个，确保零就
             业家庭动态清零。

\u{c}类别   序号   任务内容                      牵头单位
       5     建设社区嵌入式养老服务设施      区民政局
             10 处，新增养老床位 300 张，
             覆盖全部街道。
             全面排查城镇燃气管道老化问
生态         题，年内完成老旧燃气管道更
       6     新改造 40 公里，同步更新          区住房城乡建设局
             调压设施，消除安全隐患，
             实现燃气管网安全运行。
";
        let (given, _) = spread_of(text);
        // 保障民生 at the top of task 3, the page cutting its rows after task 4: tasks 3–5;
        // 生态 on the next page names no row on the page before it: task 6 alone.
        assert_eq!(
            given,
            [
                (1, "压实责任".to_string()),
                (7, "保障民生".to_string()),
                (18, "生态".to_string())
            ]
        );
    }
}
