//! Column widths from content, one way for every layout: each column as wide as its widest
//! text needs, within its kind's minimum and share of the table; the growing column takes
//! what is left; then width moves, half an em at a time, wherever that makes the table
//! shorter. The PDF counts lines with its shaped glyphs, Word and Excel with an estimate:
//! each layout brings its own [`LineCount`].

use std::collections::HashMap;
use std::rc::Rc;

/// What the widths need to know of a column, in the layout's unit (pt).
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnNeed {
    /// Its kind's narrowest width.
    pub min: f32,
    /// Its widest share of the table (0–1).
    pub max_share: f32,
    /// Takes the width left over (the task's text, free text).
    pub grow: bool,
    /// May give width to others (a 主要事项 label keeps the width it reads in).
    pub yields: bool,
    /// Its texts on one line, the widest, header included, padding included.
    pub natural: f32,
    /// Its header on one line, padding left out.
    pub header: f32,
    /// Its widest text other than the header on one line, padding left out.
    pub widest_body: f32,
    /// All its texts but the header on one line, end to end: how much it has to say.
    pub volume: f32,
}

/// How many lines each text of a column takes at a width: the header first, then one
/// count a row (rows it has no text in may be left out).
pub trait LineCount {
    /// The counts for column `column` at `width`.
    fn lines(&mut self, column: usize, width: f32) -> Rc<Vec<usize>>;
}

/// A [`LineCount`] that remembers: widths move by whole steps, so each (column, width) is
/// counted once.
pub struct Remembered<C> {
    count: C,
    known: HashMap<(usize, i64), Rc<Vec<usize>>>,
}

impl<C: FnMut(usize, f32) -> Vec<usize>> Remembered<C> {
    /// Counts with `count(column, width)`.
    pub fn new(count: C) -> Self {
        Remembered {
            count,
            known: HashMap::new(),
        }
    }
}

impl<C: FnMut(usize, f32) -> Vec<usize>> LineCount for Remembered<C> {
    fn lines(&mut self, column: usize, width: f32) -> Rc<Vec<usize>> {
        let key = (column, (width * 64.0).round() as i64);
        if let Some(known) = self.known.get(&key) {
            return known.clone();
        }
        let counts = Rc::new((self.count)(column, width));
        self.known.insert(key, counts.clone());
        counts
    }
}

/// The widths of `columns` across `total`, moving half an em at a time; `em` is the text's
/// size, `pad` a cell's padding left and right together. They add up to `total`.
pub fn column_widths(
    columns: &[ColumnNeed],
    total: f32,
    em: f32,
    pad: f32,
    count: &mut impl LineCount,
) -> Vec<f32> {
    let step = em / 2.0;
    let mins = fitting_minimums(columns, total);
    let crowded = columns.iter().zip(&mins).any(|(c, m)| *m < c.min - 0.01);
    let floors = floors(columns, &mins, em, pad);
    let mut widths = if crowded {
        shared_by_volume(columns, &floors, total)
    } else {
        starting_widths(columns, &mins, total)
    };
    if let Some(grow) = columns.iter().position(|c| c.grow) {
        balance(columns, &floors, grow, step, &mut widths, count);
    }
    widths
}

/// Each column's narrowest width: its kind's, or — when a table has more columns than those
/// fit across the page (a ledger of twelve) — all of them narrowed alike until they do, so
/// that every column keeps a share of the width and none is squeezed out.
fn fitting_minimums(columns: &[ColumnNeed], total: f32) -> Vec<f32> {
    let sum: f32 = columns.iter().map(|c| c.min).sum();
    let scale = if sum > total { total / sum } else { 1.0 };
    columns.iter().map(|c| c.min * scale).collect()
}

/// Widths before balancing: each column its natural width within its minimum and share; the
/// growing column takes what is left, and gives first when the table is too wide, then the
/// others above their minimum, in proportion, never below it.
fn starting_widths(columns: &[ColumnNeed], mins: &[f32], total: f32) -> Vec<f32> {
    let n = columns.len();
    let mut widths: Vec<f32> = columns
        .iter()
        .zip(mins)
        .map(|(c, min)| c.natural.min(c.max_share * total).max(*min))
        .collect();
    let sum: f32 = widths.iter().sum();
    let grow = columns.iter().position(|c| c.grow);
    match grow {
        // No text column to take the rest (a table of numbers): share it out evenly.
        None if sum < total => {
            let extra = (total - sum) / n.max(1) as f32;
            widths.iter_mut().for_each(|w| *w += extra);
        }
        Some(g) if sum < total => widths[g] += total - sum,
        _ if sum > total => {
            let mut excess = sum - total;
            if let Some(g) = grow {
                let cut = (widths[g] - mins[g]).max(0.0).min(excess);
                widths[g] -= cut;
                excess -= cut;
            }
            let slack: f32 = widths.iter().zip(mins).map(|(w, m)| (w - m).max(0.0)).sum();
            let share = (excess / slack.max(f32::EPSILON)).min(1.0);
            for (w, m) in widths.iter_mut().zip(mins) {
                *w -= (*w - m).max(0.0) * share;
            }
        }
        _ => {}
    }
    widths
}

/// Widths for a table too crowded for its columns' minimums: each column its floor (see
/// [`floors`]), and what is left shared out by how much each has to say, none wider than
/// its widest text or its share; what no column can take goes to the growing one.
fn shared_by_volume(columns: &[ColumnNeed], mins: &[f32], total: f32) -> Vec<f32> {
    let sum: f32 = mins.iter().sum();
    if sum >= total {
        return mins.iter().map(|m| m * total / sum).collect();
    }
    let mut widths = mins.to_vec();
    let cap: Vec<f32> = columns
        .iter()
        .zip(mins)
        .map(|(c, m)| c.natural.min(c.max_share * total).max(*m))
        .collect();
    let mut open: Vec<usize> = (0..columns.len())
        .filter(|&c| cap[c] > widths[c] && columns[c].volume > 0.0)
        .collect();
    let mut left = total - widths.iter().sum::<f32>();
    while left > 0.01 && !open.is_empty() {
        let volume: f32 = open.iter().map(|&c| columns[c].volume).sum();
        let mut capped = false;
        for &c in &open {
            let share = left * columns[c].volume / volume;
            if widths[c] + share >= cap[c] {
                capped = true;
            }
        }
        if !capped {
            for &c in &open {
                widths[c] += left * columns[c].volume / volume;
            }
            left = 0.0;
            break;
        }
        // Fill the columns that reach their cap, then share again among the rest.
        open.retain(|&c| {
            let share = left * columns[c].volume / volume;
            if widths[c] + share >= cap[c] {
                widths[c] = cap[c];
                false
            } else {
                true
            }
        });
        left = total - widths.iter().sum::<f32>();
    }
    if left > 0.01 {
        let to = columns.iter().position(|c| c.grow).unwrap_or(0);
        widths[to] += left;
    }
    widths
}

/// How narrow each column may go in balancing: its minimum, but its header on two lines at
/// most (牵头/任务); in a table whose minimums had to shrink to fit, no wider than its
/// widest text needs.
fn floors(columns: &[ColumnNeed], mins: &[f32], em: f32, pad: f32) -> Vec<f32> {
    let crowded = columns.iter().zip(mins).any(|(c, m)| *m < c.min - 0.01);
    columns
        .iter()
        .zip(mins)
        .map(|(c, min)| {
            let half = (c.header / 2.0 / em - 0.01).ceil() * em + pad + 0.5;
            let floor = min.max(half);
            if crowded && c.yields {
                floor.min((c.widest_body + pad + 0.5).max(half))
            } else {
                floor
            }
        })
        .collect()
}

/// The table's height in lines: each row as tall as its tallest cell.
fn height_in_lines(lines: &[Rc<Vec<usize>>]) -> usize {
    let rows = lines.iter().map(|c| c.len()).max().unwrap_or(0);
    (0..rows)
        .map(|r| {
            lines
                .iter()
                .filter_map(|c| c.get(r))
                .max()
                .copied()
                .unwrap_or(1)
        })
        .sum()
}

/// Moves width between the columns, a step at a time, while that makes the table shorter:
/// a short list of units beside a long task wraps a line or two more, the task many lines
/// fewer. Each round makes the move that saves the most lines per step: one column giving
/// up to 24 steps to the growing column, to another column of text (a ledger's 工作措施
/// beside its 任务) or to both; every column that can spare a few without growing the table giving them
/// together (twelve count columns may each spare what no single one can); or the growing
/// column giving some back to one whose text wraps.
fn balance(
    columns: &[ColumnNeed],
    floors: &[f32],
    grow: usize,
    step: f32,
    widths: &mut [f32],
    count: &mut impl LineCount,
) {
    let n = columns.len();
    let takers: Vec<usize> = (0..n)
        .filter(|&c| c != grow && columns[c].grow && columns[c].yields)
        .collect();
    let mut lines: Vec<Rc<Vec<usize>>> = (0..n).map(|c| count.lines(c, widths[c])).collect();
    let mut height = height_in_lines(&lines);
    // Each round makes one move; the count bounds the work on any table.
    for _ in 0..64 {
        let room: Vec<i32> = (0..n)
            .map(|c| {
                let gives = c == grow || columns[c].yields;
                let steps = ((widths[c] - floors[c]) / step + 0.001).floor().max(0.0);
                if gives { steps as i32 } else { 0 }
            })
            .collect();
        let mut trial = |delta: &[i32]| {
            let mut with = lines.clone();
            for (c, k) in delta.iter().enumerate().filter(|(_, k)| **k != 0) {
                with[c] = count.lines(c, widths[c] + step * *k as f32);
            }
            height_in_lines(&with)
        };
        let Some((delta, h)) = best_move(&room, grow, &takers, height, &mut trial) else {
            break;
        };
        for (c, k) in delta.iter().enumerate().filter(|(_, k)| **k != 0) {
            widths[c] += step * *k as f32;
            lines[c] = count.lines(c, widths[c]);
        }
        height = h;
    }
}

/// The move of most lines saved per step from `height`, as steps per column (they sum to
/// nothing), and the height after it; `room` is how many steps each column may give.
fn best_move(
    room: &[i32],
    grow: usize,
    takers: &[usize],
    height: usize,
    trial: &mut impl FnMut(&[i32]) -> usize,
) -> Option<(Vec<i32>, usize)> {
    let n = room.len();
    let mut best: Option<(Vec<i32>, usize, f32)> = None;
    let mut consider = |delta: Vec<i32>, h: usize| {
        let moved: i32 = delta.iter().filter(|k| **k > 0).sum();
        if h < height && moved > 0 {
            let gain = (height - h) as f32 / moved as f32;
            if best.as_ref().is_none_or(|b| gain > b.2) {
                best = Some((delta, h, gain));
            }
        }
    };
    let step = |from: usize, to: usize, k: i32| {
        let mut delta = vec![0; n];
        delta[from] = -k;
        delta[to] = k;
        delta
    };
    let mut harmless = vec![0i32; n];
    for c in (0..n).filter(|c| *c != grow && room[*c] > 0) {
        for k in 1..=room[c].min(24) {
            let delta = step(c, grow, k);
            let h = trial(&delta);
            if h <= height && k == harmless[c] + 1 && k <= 4 {
                harmless[c] = k;
            }
            consider(delta, h);
            for &to in takers.iter().filter(|t| **t != c) {
                let delta = step(c, to, k);
                let h = trial(&delta);
                consider(delta, h);
                // Two long texts side by side set a row's height together: both must widen.
                if k % 2 == 0 {
                    let mut both = step(c, to, k / 2);
                    both[c] = -k;
                    both[grow] += k / 2;
                    let h = trial(&both);
                    consider(both, h);
                }
            }
        }
    }
    if harmless.iter().filter(|k| **k > 0).count() > 1 {
        for k in 1..=4 {
            let mut delta: Vec<i32> = harmless.iter().map(|h| -k.min(*h)).collect();
            delta[grow] = -delta.iter().sum::<i32>();
            let h = trial(&delta);
            consider(delta, h);
        }
    }
    for c in (0..n).filter(|c| *c != grow) {
        for k in 1..=room[grow].min(24) {
            let delta = step(grow, c, k);
            let h = trial(&delta);
            consider(delta, h);
        }
    }
    best.map(|(delta, h, _)| (delta, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns of text `chars` long at one em a character, at `em` = 10.
    fn need(min_em: f32, share: f32, grow: bool, chars: &[usize], header: usize) -> ColumnNeed {
        let widest = chars.iter().copied().max().unwrap_or(0) as f32 * 10.0;
        let header = header as f32 * 10.0;
        ColumnNeed {
            min: min_em * 10.0,
            max_share: share,
            grow,
            yields: true,
            natural: widest.max(header) + 8.0,
            volume: chars.iter().sum::<usize>() as f32 * 10.0,
            header,
            widest_body: widest,
        }
    }

    fn counter(texts: Vec<Vec<usize>>) -> Remembered<impl FnMut(usize, f32) -> Vec<usize>> {
        Remembered::new(move |c: usize, w: f32| {
            let per_line = ((w - 8.0) / 10.0).floor().max(1.0) as usize;
            texts[c]
                .iter()
                .map(|n| n.div_ceil(per_line).max(1))
                .collect()
        })
    }

    #[test]
    fn a_ledger_of_many_columns_fits_and_its_texts_get_the_width() {
        // 序号, 任务 (grows), 单位, 时间, 措施 (text), and four columns left to be filled in.
        let texts = vec![
            vec![2, 1, 1],
            vec![4, 120, 90],
            vec![4, 10, 5],
            vec![4, 3, 3],
            vec![4, 200, 150],
            vec![3, 0, 0],
            vec![4, 0, 0],
            vec![6, 0, 0],
            vec![6, 0, 0],
        ];
        let mut columns: Vec<ColumnNeed> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| match i {
                0 => need(3.0, 0.06, false, &t[1..], t[0]),
                1 => need(8.0, 1.0, true, &t[1..], t[0]),
                2 => need(6.0, 0.32, false, &t[1..], t[0]),
                3 => need(7.0, 0.16, false, &t[1..], t[0]),
                _ => need(6.0, 1.0, true, &t[1..], t[0]),
            })
            .collect();
        columns[1].grow = true;
        let total = 500.0;
        let widths = column_widths(&columns, total, 10.0, 8.0, &mut counter(texts));
        assert!(
            (widths.iter().sum::<f32>() - total).abs() < 0.5,
            "{widths:?}"
        );
        assert!(widths.iter().all(|w| *w > 15.0), "{widths:?}");
        // The measures and the task, the long texts, are the widest; the empty columns
        // are no wider than their headers on two lines.
        let widest_two: Vec<usize> = {
            let mut order: Vec<usize> = (0..widths.len()).collect();
            order.sort_by(|a, b| widths[*b].total_cmp(&widths[*a]));
            order[..2].to_vec()
        };
        assert!(
            widest_two.contains(&1) && widest_two.contains(&4),
            "{widths:?}"
        );
        assert!(widths[7] <= 3.0 * 10.0 + 8.5 + 5.0, "{widths:?}");
    }

    #[test]
    fn a_table_that_fits_keeps_every_minimum() {
        let texts = vec![vec![2, 1], vec![4, 300], vec![4, 12]];
        let columns = vec![
            need(3.0, 0.06, false, &[1], 2),
            need(8.0, 1.0, true, &[300], 4),
            need(6.0, 0.32, false, &[12], 4),
        ];
        let widths = column_widths(&columns, 500.0, 10.0, 8.0, &mut counter(texts));
        assert!(widths[0] >= 30.0 && widths[2] >= 60.0, "{widths:?}");
        assert!((widths.iter().sum::<f32>() - 500.0).abs() < 0.5);
    }
}
