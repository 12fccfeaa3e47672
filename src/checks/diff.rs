//! Character-level differences between two versions of a text, shown the way a proof-reader
//! marks them: both versions with the differing characters in 【】 and some context.

/// One difference: what the first text has and what the second has instead, at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    /// Characters only in the first text (may be empty: an insertion).
    pub old: String,
    /// Characters only in the second text (may be empty: a deletion).
    pub new: String,
    /// Characters of the first text before the hunk.
    pub before: String,
    /// Characters of the first text after the hunk.
    pub after: String,
    /// Characters of the second text before the hunk (differs from `before` only where an
    /// earlier change is near).
    pub new_before: String,
    /// Characters of the second text after the hunk.
    pub new_after: String,
}

/// Above this many cells the exact comparison would be slow; a cheaper one is used instead.
const MAX_CELLS: usize = 4_000_000;
/// Characters of context shown on each side of a hunk.
const CONTEXT: usize = 8;

/// The differences between `a` and `b`, whitespace ignored (OCR spacing is noise).
pub fn diff(a: &str, b: &str) -> Vec<Hunk> {
    let a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = b.chars().filter(|c| !c.is_whitespace()).collect();
    let ops = edit_script(&a, &b);
    // Group consecutive non-equal ops into hunks; changes separated by one or two equal
    // characters read better as one hunk.
    let mut hunks = Vec::new();
    let (mut i, mut j, mut k) = (0usize, 0usize, 0usize);
    while k < ops.len() {
        if ops[k] == Op::Equal {
            i += 1;
            j += 1;
            k += 1;
            continue;
        }
        let (start_i, start_j) = (i, j);
        loop {
            while k < ops.len() && ops[k] != Op::Equal {
                match ops[k] {
                    Op::Delete => i += 1,
                    Op::Insert => j += 1,
                    Op::Equal => {}
                }
                k += 1;
            }
            let run = ops[k..].iter().take_while(|o| **o == Op::Equal).count();
            if run > 0 && run <= 2 && k + run < ops.len() {
                i += run;
                j += run;
                k += run;
                continue;
            }
            break;
        }
        hunks.push(Hunk {
            old: a[start_i..i].iter().collect(),
            new: b[start_j..j].iter().collect(),
            before: a[start_i.saturating_sub(CONTEXT)..start_i].iter().collect(),
            after: a[i..(i + CONTEXT).min(a.len())].iter().collect(),
            new_before: b[start_j.saturating_sub(CONTEXT)..start_j].iter().collect(),
            new_after: b[j..(j + CONTEXT).min(b.len())].iter().collect(),
        });
    }
    hunks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Equal,
    Delete,
    Insert,
}

/// Shortest edit script by longest common subsequence, after trimming the common prefix and
/// suffix; beyond [`MAX_CELLS`] the middle is one replacement.
fn edit_script(a: &[char], b: &[char]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops = vec![Op::Equal; prefix];
    if am.len().saturating_mul(bm.len()) > MAX_CELLS {
        ops.extend(std::iter::repeat_n(Op::Delete, am.len()));
        ops.extend(std::iter::repeat_n(Op::Insert, bm.len()));
    } else {
        ops.extend(lcs_ops(am, bm));
    }
    ops.extend(std::iter::repeat_n(Op::Equal, suffix));
    ops
}

fn lcs_ops(a: &[char], b: &[char]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j] = LCS of a[i..] and b[j..], in one flat vector.
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if a[i] == b[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut ops = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            ops.push(Op::Equal);
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            ops.push(Op::Delete);
            i += 1;
        } else {
            ops.push(Op::Insert);
            j += 1;
        }
    }
    ops.extend(std::iter::repeat_n(Op::Delete, n - i));
    ops.extend(std::iter::repeat_n(Op::Insert, m - j));
    ops
}

/// `…before【old】after…`: one side of a hunk with its context.
pub fn mark(hunk: &Hunk, new_side: bool) -> String {
    let (before, changed, after) = if new_side {
        (&hunk.new_before, &hunk.new, &hunk.new_after)
    } else {
        (&hunk.before, &hunk.old, &hunk.after)
    };
    let shown = if changed.is_empty() { "　" } else { changed };
    format!("…{before}【{shown}】{after}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_replaced_character_with_context() {
        let hunks = diff("推进赤河源综合公园竣工", "推进苏河源综合公园竣工");
        assert_eq!(hunks.len(), 1);
        assert_eq!((hunks[0].old.as_str(), hunks[0].new.as_str()), ("赤", "苏"));
        assert_eq!(hunks[0].before, "推进");
        assert_eq!(mark(&hunks[0], false), "…推进【赤】河源综合公园竣工…");
        assert_eq!(mark(&hunks[0], true), "…推进【苏】河源综合公园竣工…");
    }

    #[test]
    fn insertions_deletions_and_spacing() {
        assert!(diff("不少于 30 个", "不少于30个").is_empty());
        let hunks = diff("慢行标志线优化", "慢行标志标线优化");
        assert_eq!((hunks[0].old.as_str(), hunks[0].new.as_str()), ("", "标"));
        let hunks = diff("午餐安全管理改善工作", "午餐安全管理和改善工作");
        assert_eq!(hunks.len(), 1);
        assert_eq!(hunks[0].new, "和");
    }

    #[test]
    fn nearby_changes_merge() {
        // 课后关爱 vs 课外关心关爱: two edits one character apart read as one.
        let hunks = diff("持续做好课后关爱", "持续做好课外关心关爱");
        assert_eq!(hunks.len(), 1, "{hunks:?}");
    }

    #[test]
    fn huge_texts_fall_back_without_blowing_up() {
        let a: String = "甲".repeat(5000);
        let b: String = "乙".repeat(5000);
        let hunks = diff(&format!("开头{a}结尾"), &format!("开头{b}结尾"));
        assert_eq!(hunks.len(), 1);
        assert_eq!(hunks[0].old.chars().count(), 5000);
    }
}
