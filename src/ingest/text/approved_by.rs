//! The 签发人 of a document sent up (报告, 请示): GB/T 9704 7.2.6 names the leaders who
//! approved it right of its 文号 (`青发改〔2025〕21号　　签发人：张　明`), or a clerk types
//! them on a line of their own over or under it. Taken out of the head before the notice is
//! read, so the 文号 line reads as one.

use std::sync::LazyLock;

use regex::Regex;

static APPROVED_BY: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"签\s*发\s*人\s*[:：]\s*(.*)$").unwrap()
});

/// How far down a head the 文号 and its 签发人 may stand.
const HEAD_LINES: usize = 40;

/// The 签发人 read off a notice's head.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ApprovedBy {
    /// The names, in the order written (`张　明`: a two-character name padded as written).
    pub names: Vec<String>,
    /// The line (0-based) they stood on.
    pub at: usize,
    /// The line as written, for a source with no notice to give them to.
    pub written: String,
}

/// Takes the 签发人 out of `lines`' head: from the 文号's own line (the 文号 left in place),
/// or from a line of their own next to it (left blank: lines keep their numbers).
pub(super) fn take_approved_by(lines: &mut [String]) -> Option<ApprovedBy> {
    let head = lines.len().min(HEAD_LINES);
    let at = (0..head).find(|&at| approved_by_at(lines, at).is_some())?;
    let (keep, names) = approved_by_at(lines, at)?;
    let written = lines[at].trim().to_string();
    lines[at] = keep;
    Some(ApprovedBy { names, at, written })
}

/// A cell of a head set in a table (the 文号 in one cell, `签发人：张明` in the next, or both
/// in one): what stands before the 签发人, and their names.
pub(crate) fn in_cell(text: &str) -> Option<(String, Vec<String>)> {
    let found = APPROVED_BY.captures(text)?;
    let names = names_of(found.get(1)?.as_str())?;
    Some((text[..found.get(0)?.start()].trim().to_string(), names))
}

/// The line `at` with its 签发人 taken out, and their names: when what is left of it is a
/// 文号, or nothing and a 文号 stands on a line next to it.
fn approved_by_at(lines: &[String], at: usize) -> Option<(String, Vec<String>)> {
    let line = &lines[at];
    let found = APPROVED_BY.captures(line)?;
    let whole = found.get(0)?;
    let names = names_of(found.get(1)?.as_str())?;
    let before = line[..whole.start()].trim();
    let is_number = |text: &str| super::notice::head_number(text.trim()).is_some();
    let beside_a_number = || {
        let above = (0..at).rev().find(|&j| !lines[j].trim().is_empty());
        let below = (at + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
        [above, below]
            .into_iter()
            .flatten()
            .any(|j| is_number(&lines[j]))
    };
    let stands = if before.is_empty() {
        beside_a_number()
    } else {
        is_number(before)
    };
    stands.then(|| (before.to_string(), names))
}

/// The names after `签发人：`: a person's name each (two to four characters, a two-character
/// one perhaps padded with a space), apart by runs of spaces or by 、，；.
fn names_of(text: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for piece in text.split(['、', '，', ',', '；', ';']) {
        let piece = piece.replace('\t', "  ");
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        // Two spaces apart (or a full-width one between whole names) part two names; one
        // space inside a name pads it (张　明).
        for name in split_names(piece) {
            let letters = name.chars().filter(|c| !c.is_whitespace()).count();
            let is_name = (2..=4).contains(&letters)
                && (name.chars()).all(|c| c.is_whitespace() || c == '·' || is_han(c));
            if !is_name {
                return None;
            }
            names.push(name);
        }
    }
    (!names.is_empty()).then_some(names)
}

/// A run of names split where two names part: at every space, but for the one space that
/// pads a two-character name (王晓东　李　华: 王晓东 and 李　华).
fn split_names(piece: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = piece;
    let mut joined = false;
    let mut previous = "";
    for word in piece.split_whitespace() {
        let start = rest.find(word).unwrap_or(0);
        let gap = &rest[..start];
        rest = &rest[start + word.len()..];
        let one = |w: &str| w.chars().count() == 1;
        let padded = !joined && gap.chars().count() == 1 && one(word) && one(previous);
        match names.last_mut() {
            Some(last) if padded => {
                last.push_str(gap);
                last.push_str(word);
            }
            _ => names.push(word.to_string()),
        }
        joined = padded;
        previous = word;
    }
    names
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn taken_off_the_number_line() {
        let mut head = lines(
            "青禾区发展和改革委员会\n\n青发改〔2025〕21号　　　　签发人：张　明\n\n关于…的报告",
        );
        let read = take_approved_by(&mut head).unwrap();
        assert_eq!(read.names, ["张　明"]);
        assert_eq!(read.at, 2);
        assert_eq!(head[2], "青发改〔2025〕21号");
    }

    #[test]
    fn several_names_and_a_line_of_their_own() {
        let mut head = lines("某局\n签发人：王晓东  李　华、赵一\n某发〔2025〕3号\n关于…的请示");
        let read = take_approved_by(&mut head).unwrap();
        assert_eq!(read.names, ["王晓东", "李　华", "赵一"]);
        assert_eq!(head[1], "");
        let mut tabbed = lines("某发〔2025〕3号\t签发人：王晓东 李华");
        assert_eq!(
            take_approved_by(&mut tabbed).unwrap().names,
            ["王晓东", "李华"]
        );
    }

    #[test]
    fn not_without_a_number_or_a_name() {
        // A form's field in the body, no 文号 beside it.
        let mut body = lines("关于…的通知\n各单位：\n签发人：张明\n请于5月底前报送。");
        assert_eq!(take_approved_by(&mut body), None);
        // Words after the label that are no name.
        let mut words = lines("某发〔2025〕3号　签发人：由分管领导签字后报送");
        assert_eq!(take_approved_by(&mut words), None);
        assert_eq!(words[0], "某发〔2025〕3号　签发人：由分管领导签字后报送");
    }
}
