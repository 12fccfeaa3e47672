//! Views: what templates and renderers see, built from the plan and the report. Templates
//! depend on these field names, not on the model's.

use serde::Serialize;

use crate::checks::Report;
use crate::cjk::chinese_numeral;
use crate::diag::{Diagnostic, Location, Severity};
use crate::model::Plan;

/// The 校对报告.
#[derive(Debug, Serialize)]
pub struct AuditView {
    /// 发文字号.
    pub doc_number: Option<String>,
    /// The notice's title.
    pub notice_title: Option<String>,
    /// The plan's title.
    pub plan_title: Option<String>,
    /// The sources read.
    pub sources: Vec<String>,
    /// Sizes and finding counts.
    pub counts: AuditCounts,
    /// Findings by category, in report order; empty categories are left out.
    pub categories: Vec<AuditCategory>,
    /// Corrections from the config that publishing applied.
    pub corrections: Vec<CorrectionView>,
}

/// Sizes of the plan and counts of findings.
#[derive(Debug, Serialize)]
pub struct AuditCounts {
    /// Tasks.
    pub tasks: usize,
    /// Sections.
    pub sections: usize,
    /// Groups.
    pub groups: usize,
    /// Units with tasks.
    pub units: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

/// One category of findings.
#[derive(Debug, Serialize)]
pub struct AuditCategory {
    /// 一, 二, …
    pub numeral: String,
    /// Its title.
    pub title: &'static str,
    /// Its findings.
    pub findings: Vec<FindingView>,
}

/// One finding, worded for people.
#[derive(Debug, Serialize)]
pub struct FindingView {
    /// 错误 / 警告 / 提示.
    pub severity: &'static str,
    /// The stable code.
    pub code: String,
    /// `input/x.md:123`.
    pub place: String,
    /// `x.md 第 123 行` or `x.xlsx 工作表「S」C7 单元格`.
    pub place_text: String,
    /// The message.
    pub message: String,
    /// The hints.
    pub hints: Vec<String>,
}

/// A correction as the audit lists it.
#[derive(Debug, Serialize)]
pub struct CorrectionView {
    /// Task number.
    pub task: u32,
    /// Content before, when changed.
    pub content_was: Option<String>,
    /// Content now.
    pub content: String,
    /// Units before, when changed.
    pub units_was: Option<String>,
    /// Units now.
    pub units: String,
    /// The user's reason.
    pub reason: Option<String>,
    /// Where the correction is in the config.
    pub place: String,
}

/// Categories by code prefix, in the order the report shows them.
const CATEGORIES: &[(&str, &[&str])] = &[
    ("输入与配置", &["input", "config"]),
    ("通知", &["notice"]),
    ("任务结构", &["structure", "table"]),
    (
        "分组与主要事项",
        &["group", "prose/order", "prose/task-spans-groups"],
    ),
    ("分工表文字与正文", &["text", "prose"]),
    ("责任单位", &["unit"]),
];

fn category_of(code: &str) -> usize {
    // The longest matching prefix wins (prose/order before prose).
    let mut best = (0, CATEGORIES.len() - 1);
    for (i, (_, prefixes)) in CATEGORIES.iter().enumerate() {
        for prefix in *prefixes {
            let matches = code == *prefix || code.starts_with(&format!("{prefix}/"));
            if matches && prefix.len() > best.0 {
                best = (prefix.len(), i);
            }
        }
    }
    best.1
}

/// Where, in words: `x.md 第 123 行`.
pub fn place_text(location: &Location) -> String {
    match location {
        Location::Line { path, line } => format!("{path} 第 {line} 行"),
        Location::Cell { path, sheet, cell } => format!("{path} 工作表「{sheet}」{cell} 单元格"),
        Location::File { path } => path.clone(),
    }
}

fn finding(d: &Diagnostic) -> FindingView {
    FindingView {
        severity: d.severity.label(),
        code: d.code.clone(),
        place: d.location.to_string(),
        place_text: place_text(&d.location),
        message: d.message.clone(),
        hints: d.hints.clone(),
    }
}

impl AuditView {
    /// The audit of `plan` with the findings of `report`.
    pub fn new(plan: &Plan, report: &Report) -> AuditView {
        let mut buckets: Vec<Vec<FindingView>> = CATEGORIES.iter().map(|_| Vec::new()).collect();
        for d in &report.diagnostics {
            buckets[category_of(&d.code)].push(finding(d));
        }
        let categories = CATEGORIES
            .iter()
            .zip(buckets)
            .filter(|(_, findings)| !findings.is_empty())
            .enumerate()
            .map(|(i, ((title, _), findings))| AuditCategory {
                numeral: chinese_numeral(i as u32 + 1),
                title,
                findings,
            })
            .collect();
        let corrections = plan
            .tasks
            .iter()
            .filter_map(|t| {
                let c = t.correction.as_ref()?;
                Some(CorrectionView {
                    task: t.no,
                    content_was: c.content_was.clone(),
                    content: t.content.clone(),
                    units_was: c.units_was.clone(),
                    units: t.units_text.clone(),
                    reason: c.reason.clone(),
                    place: place_text(&c.origin),
                })
            })
            .collect();
        AuditView {
            doc_number: plan.notice.doc_number.clone(),
            notice_title: plan.notice.title.clone(),
            plan_title: plan.title.clone(),
            sources: plan.sources.clone(),
            counts: AuditCounts {
                tasks: plan.tasks.len(),
                sections: plan.sections.len(),
                groups: plan.groups().count(),
                units: plan.units.len(),
                errors: report.count(Severity::Error),
                warnings: report.count(Severity::Warning),
                notes: report.count(Severity::Note),
            },
            categories,
            corrections,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_fall_into_categories() {
        assert_eq!(CATEGORIES[category_of("notice/no-date")].0, "通知");
        assert_eq!(CATEGORIES[category_of("prose/order")].0, "分组与主要事项");
        assert_eq!(
            CATEGORIES[category_of("prose/task-not-found")].0,
            "分工表文字与正文"
        );
        assert_eq!(CATEGORIES[category_of("unit/alias")].0, "责任单位");
        assert_eq!(CATEGORIES[category_of("table/stray-line")].0, "任务结构");
        assert_eq!(CATEGORIES[category_of("whatever")].0, "责任单位");
    }
}
