//! Checks: each a small function over the [`Plan`] returning findings; none changes the plan.
//!
//! - [`structure`]: task numbers, empty cells, the notice's 文号, 署名, 成文日期, 附件.
//! - [`grouping`]: the table's 主要事项 labels and section rows against the prose.
//! - [`reconcile`]: each task's table text against its prose, character by character.
//! - [`units`]: aliases, unknown names, tasks with no real unit, duplicates.

pub mod diff;
pub mod grouping;
pub mod reconcile;
pub mod structure;
pub mod units;

use crate::base::diag::{Diagnostic, Location, Severity};
use crate::config::Config;
use crate::model::{Plan, UnitRegistry};

/// Everything found about a plan: what ingest noticed plus what the checks found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// All findings, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Adds findings made after the checks (by a stage that knows the fonts), in place order.
    pub fn add(&mut self, more: Vec<Diagnostic>) {
        self.diagnostics.extend(more);
        self.diagnostics.sort_by(|a, b| {
            sort_key(&a.location)
                .cmp(&sort_key(&b.location))
                .then(a.code.cmp(&b.code))
        });
        self.diagnostics.dedup();
    }
}

/// What every check may look at.
pub struct Context<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The project configuration.
    pub config: &'a Config,
    /// The unit registry built from it.
    pub registry: &'a UnitRegistry,
    /// The decoded text sources, (path, text), for pointing at lines.
    pub texts: &'a [(String, String)],
}

impl Context<'_> {
    /// The config file's path as users should edit it.
    pub fn config_path(&self) -> String {
        self.config
            .path
            .clone()
            .unwrap_or_else(|| format!("input/{}", crate::project::CONFIG_FILE))
    }

    /// True when the source itself gave the notice's `field` (signer/date), rather than the
    /// config: the config's value equals it only by coincidence then.
    pub fn source_notice_field(&self, field: &str) -> bool {
        let notice = &self.plan.notice;
        match field {
            "signer" => notice.signer.is_some() && !notice.from_config.signer,
            _ => notice.date.is_some() && !notice.from_config.date,
        }
    }

    /// The first line of `path` containing `needle`.
    pub fn source_line_of(&self, path: &str, needle: &str) -> Option<u32> {
        self.source_line_from(path, needle, 1)
    }

    /// The first line at or after `from` of `path` containing `needle`.
    pub fn source_line_from(&self, path: &str, needle: &str, from: u32) -> Option<u32> {
        let (_, text) = self.texts.iter().find(|(p, _)| p == path)?;
        text.lines()
            .enumerate()
            .skip(from.saturating_sub(1) as usize)
            .find(|(_, line)| line.contains(needle))
            .map(|(i, _)| i as u32 + 1)
    }
}

/// Every check, in the order the audit report lists their sections.
const CHECKS: &[fn(&Context) -> Vec<Diagnostic>] = &[
    structure::numbering,
    structure::empty_cells,
    structure::no_lead,
    structure::no_unit_named,
    structure::notice,
    structure::title,
    structure::declared_count,
    structure::heading_counts,
    structure::deadlines,
    grouping::section_titles,
    grouping::labels,
    grouping::numbering,
    grouping::without_tasks,
    reconcile::task_text,
    reconcile::traditional,
    reconcile::traditional_unit_names,
    reconcile::garbled,
    reconcile::half_width,
    reconcile::prose_only,
    reconcile::assignments_not_read,
    units::aliases,
    units::unknown,
    units::unspecified,
    units::members_unlisted,
    units::phrases_without_sheet,
    units::duplicates,
    units::lead_marks,
    units::prefix_twins,
    units::run_together,
];

/// Runs every check over `plan` and merges the findings with those of ingest.
pub fn run(
    plan: &Plan,
    config: &Config,
    registry: &UnitRegistry,
    texts: &[(String, String)],
    ingest: &[Diagnostic],
) -> Report {
    let cx = Context {
        plan,
        config,
        registry,
        texts,
    };
    let mut diagnostics = ingest.to_vec();
    for check in CHECKS {
        diagnostics.extend(check(&cx));
    }
    // Numbers the plan gave items that assign no work are said where the numbers are kept.
    if ingest.iter().any(|d| d.code == "plan/numbers-as-written") {
        diagnostics.retain(|d| d.code != "structure/missing-number");
    }
    diagnostics.sort_by(|a, b| {
        sort_key(&a.location)
            .cmp(&sort_key(&b.location))
            .then(a.code.cmp(&b.code))
    });
    diagnostics.dedup();
    Report { diagnostics }
}

/// Place order: file, then line or cell; whole-file findings first; cells by sheet, row,
/// then column (C9 before C10).
fn sort_key(location: &Location) -> (String, u8, String, u32, u32) {
    match location {
        Location::File { path } => (path.clone(), 0, String::new(), 0, 0),
        Location::Line { path, line } => (path.clone(), 1, String::new(), *line, 0),
        Location::Paragraph { path, index } => (path.clone(), 1, String::new(), *index, 0),
        Location::Sheet { path, sheet } => (path.clone(), 2, sheet.clone(), 0, 0),
        Location::Cell { path, sheet, cell } => {
            let (row, column) = row_and_column(cell);
            (path.clone(), 2, sheet.clone(), row, column)
        }
    }
}

/// An A1-style reference's row and column numbers (C10 → 10, 3).
fn row_and_column(cell: &str) -> (u32, u32) {
    let letters = cell.chars().take_while(char::is_ascii_alphabetic);
    let column = letters.fold(0u32, |n, c| {
        n.saturating_mul(26)
            .saturating_add(u32::from(c.to_ascii_uppercase()) - u32::from('A') + 1)
    });
    let row = cell
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap_or(0);
    (row, column)
}

/// Runs one check on a plan read from `source` with the config text `config`.
#[cfg(test)]
pub(crate) fn run_one(
    source: &str,
    config: &str,
    check: fn(&Context) -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let config = Config::parse(config, "f.toml").unwrap();
    let registry = config.registry("f.toml").unwrap();
    let (plan, _) = crate::ingest::plan_from_text(source, &config);
    let texts = vec![("t.md".to_string(), source.to_string())];
    let cx = Context {
        plan: &plan,
        config: &config,
        registry: &registry,
        texts: &texts,
    };
    check(&cx)
}

/// A (code, line) pair, as [`codes`] gives them.
#[cfg(test)]
pub(crate) fn at(code: &str, line: u32) -> (String, u32) {
    (code.to_string(), line)
}

/// The (code, line) pairs of `findings`.
#[cfg(test)]
pub(crate) fn codes(findings: &[Diagnostic]) -> Vec<(String, u32)> {
    findings
        .iter()
        .map(|d| (d.code.clone(), d.location.line_no().unwrap_or(0)))
        .collect()
}

/// A small plan in the seed's layout, for the checks' tests: a notice, two sections with
/// three groups in the prose, and a table.
#[cfg(test)]
pub(crate) const SAMPLE: &str = "\
# 某区发展和改革委员会

某发改(2025)3号

## 关于印发《某区2025年工作安排》的通知

各部门：

现印发给你们。

附件：《某区2025年工作安排》

# 某区2025年工作安排

为做好工作，制定本安排。

## 一、完善顶层设计

**推动规划融入。**做好规划编制。开展城市体检。

**加强品牌建设。**打造服务品牌。

## 二、提升服务能级

**保障母婴安全。**落实母婴安全制度。加强宣传教育。

## 分工表

主要事项\t序号\t具体内容\t责任单位
一、完善顶层设计\t\t\t
(一) 推动规划融入\t1\t做好规划编制。\t区发展改革委、区教育局
\t2\t开展城市体检。\t区建设管理委
(二) 加强品牌建设\t3\t打造服务品牌。\t区教育局，各街镇
二、提升服务能级\t\t\t
(三) 保障母婴安全\t4\t落实母婴安全制度。\t区卫生健康委
\t5\t加强宣传教育。\t区卫生健康委
";

/// The registry the sample uses.
#[cfg(test)]
pub(crate) const SAMPLE_CONFIG: &str = r#"
[plan]
default_deadline = "2024-12-31"

[[units]]
name = "区发展改革委"
[[units]]
name = "区教育局"
[[units]]
name = "区建设管理委"
[[units]]
name = "区卫生健康委"
aliases = ["区卫健委"]
[[units]]
name = "南翔镇"
kind = "town"
[[units]]
name = "江桥镇"
kind = "town"
[[groups]]
name = "各街镇"
members = ["南翔镇", "江桥镇"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_in_row_order() {
        let at = |cell: &str| Location::Cell {
            path: "a.xlsx".into(),
            sheet: "表".into(),
            cell: cell.into(),
        };
        let mut cells = ["C100", "C10", "B10", "C9", "AA1"].map(at);
        cells.sort_by_key(sort_key);
        let order: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            order,
            [
                "a.xlsx#表!AA1",
                "a.xlsx#表!C9",
                "a.xlsx#表!B10",
                "a.xlsx#表!C10",
                "a.xlsx#表!C100"
            ]
        );
    }

    #[test]
    fn a_clean_sample_has_only_notice_findings() {
        let config = Config::parse(SAMPLE_CONFIG, "f.toml").unwrap();
        let registry = config.registry("f.toml").unwrap();
        let (plan, ingest) = crate::ingest::plan_from_text(SAMPLE, &config);
        let texts = vec![("t.md".to_string(), SAMPLE.to_string())];
        let report = run(&plan, &config, &registry, &texts, &ingest);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        // Notes aside (the 责任单位 column's first unit leads), only the notice's.
        let codes: Vec<&str> = codes
            .into_iter()
            .filter(|c| *c != "unit/lead-first")
            .collect();
        assert_eq!(
            codes,
            ["notice/doc-number", "notice/no-date", "notice/no-signer"]
        );
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.code == "unit/lead-first")
        );
    }
}
