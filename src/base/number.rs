//! Numbers as reports print them and as units write them.

use std::sync::LazyLock;

use regex::Regex;

/// A number as people write it: no `.0`, at most one decimal.
pub fn fmt_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// Task numbers as findings list them: `1、2、5`.
pub fn task_list(numbers: impl IntoIterator<Item = u32>) -> String {
    numbers
        .into_iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join("、")
}

/// A rate as reports print it: always one decimal (`13.0`, `38.5`, `100.0`), as the
/// workbooks' `0.0%` format shows it, so a column of rates reads at one precision.
pub fn fmt_rate(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// The numbers in a reported value, in order: `新增5个；覆盖率98%` → [5, 98].
pub fn numbers_in(text: &str) -> Vec<f64> {
    #[allow(clippy::unwrap_used)] // literal pattern
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(?:\.\d+)?").unwrap());
    let ascii = super::cjk::ascii_digits(text);
    NUMBER
        .find_iter(&ascii)
        .filter_map(|m| m.as_str().parse().ok())
        .collect()
}

/// A percentage as written: `80`, `80%`, `８０％`, `0.8` stays 0.8 (forms ask for 0–100).
pub fn parse_percent(text: &str) -> Option<f64> {
    let ascii = super::cjk::ascii_digits(text.trim());
    let number = ascii.trim_end_matches('%').trim();
    number.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_numbers_are_listed_with_the_enumeration_comma() {
        assert_eq!(task_list([1, 2, 5]), "1、2、5");
        assert_eq!(task_list([7]), "7");
        assert_eq!(task_list([]), "");
    }

    #[test]
    fn numbers_in_values() {
        assert_eq!(numbers_in("新增5个；覆盖率98.5%"), [5.0, 98.5]);
        assert_eq!(numbers_in("４个"), [4.0]);
        assert!(numbers_in("基本完成").is_empty());
        assert_eq!(fmt_number(71.8421), "71.8");
        assert_eq!(fmt_number(80.0), "80");
        assert_eq!(fmt_rate(13.043), "13.0");
        assert_eq!(fmt_rate(38.46), "38.5");
        assert_eq!(fmt_rate(100.0), "100.0");
        assert_eq!(fmt_rate(0.0), "0.0");
    }

    #[test]
    fn percents() {
        assert_eq!(parse_percent("８０％"), Some(80.0));
        assert_eq!(parse_percent(" 56% "), Some(56.0));
        assert_eq!(parse_percent("八成"), None);
    }
}
