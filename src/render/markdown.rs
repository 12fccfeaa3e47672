//! The Markdown outputs, ready for Word: pandoc sizes a pipe table's columns by the dashes of
//! its separator row, so a template's `|---|---|` gave 任务内容 a few characters' width and
//! a unit's sheet 16 pages. Each table inside a `::: {columns="…"}` division gets dashes
//! weighted by its column kinds (the same kinds the PDF layout sizes columns by).

use std::sync::LazyLock;

use regex::Regex;

use super::ColumnKind;

static COLUMNS: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r#"^:::+\s*\{.*columns\s*=\s*"([^"]*)".*\}\s*$"#).unwrap()
});

/// `markdown` with every separator row of a table in a `columns` division re-weighted
/// (alignment colons kept); everything else unchanged.
pub fn for_word(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 256);
    let mut kinds: Option<Vec<Option<ColumnKind>>> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(caps) = COLUMNS.captures(trimmed) {
            kinds = Some(caps[1].split_whitespace().map(ColumnKind::parse).collect());
        } else if trimmed.starts_with(":::") {
            kinds = None;
        } else if let Some(kinds) = &kinds
            && let Some(row) = weighted(trimmed, kinds)
        {
            out.push_str(&row);
            out.push_str(&line[line.trim_end().len()..]);
            continue;
        }
        out.push_str(line);
    }
    out
}

/// The separator row `line` re-weighted, if it is one.
fn weighted(line: &str, kinds: &[Option<ColumnKind>]) -> Option<String> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    let is_separator = cells.iter().all(|c| {
        !c.is_empty() && c.trim_matches(':').chars().all(|ch| ch == '-') && c.contains('-')
    });
    if !is_separator {
        return None;
    }
    let mut row = String::from("|");
    for (i, cell) in cells.iter().enumerate() {
        let weight = kinds
            .get(i)
            .copied()
            .flatten()
            .map_or(5, ColumnKind::word_weight);
        let dashes = "-".repeat(2 * weight);
        let left = if cell.starts_with(':') { ":" } else { "" };
        let right = if cell.ends_with(':') { ":" } else { "" };
        row.push_str(&format!("{left}{dashes}{right}|"));
    }
    Some(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_follow_the_column_kinds() {
        let md = "::: {columns=\"no content units\"}\n| 序号 | 内容 | 单位 |\n|:---:|---|---|\n| 1 | 甲 | 乙 |\n:::\n\n| a | b |\n|---|---|\n";
        let out = for_word(md);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[2],
            format!(
                "|:{}:|{}|{}|",
                "-".repeat(6),
                "-".repeat(40),
                "-".repeat(24)
            )
        );
        assert_eq!(lines[3], "| 1 | 甲 | 乙 |", "rows are untouched");
        assert_eq!(lines[7], "|---|---|", "a table without kinds is left alone");
    }
}
