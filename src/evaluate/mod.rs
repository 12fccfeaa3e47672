//! Evaluate: a period's returned forms + the plan + the rules → an [`Evaluation`]: every file
//! accounted for, every task's status and score, every unit's score and rank.
//!
//! The rules (`[evaluation]` in `fengong.toml`, printed in the report):
//! - a task's status is its lead's reported status; several leads: the least advanced; a lead
//!   that sent nothing (or left the row empty) gives 未报送;
//! - the unit's claim is an input, not the verdict: 序时推进 on a task whose deadline has passed
//!   by the period's end becomes 滞后 (逾期); 序时推进 with a progress below the share of time
//!   elapsed towards the deadline becomes 滞后 (未达序时进度);
//! - a unit's score is the weighted mean of its tasks' scores (lead weight, support weight);
//!   a supporting unit that returned its form but left a row empty shares the task's status.

//!
//! Three stages with a type between each: `intake` accounts for every file and picks one
//! return per unit (an `Intake`); `judge` turns the returns into each task's status and
//! targets ([`TaskResult`]); `score` turns those into each unit's score and rank
//! ([`UnitResult`]). Each number is computed once, in one of them.

mod intake;
mod judge;
mod score;

use serde::Serialize;

use crate::base::date::Date;
use crate::base::diag::{Diagnostic, Severity};
use crate::config::{EvaluationConfig, ScoreTable};
use crate::ingest::returns::ReadFile;
use crate::model::{Comparator, Period, Plan, Role, Status};

pub use judge::judge;

/// What became of one file of the period's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Outcome {
    /// Read and used, nothing to say.
    Accepted,
    /// Read and used; some cells or rows had problems (listed).
    AcceptedWithWarnings,
    /// Replaced by a later return of the same unit (`prefer_latest`).
    Superseded,
    /// One of two or more returns of the same unit: none of them is used until someone decides.
    Conflict,
    /// A unit's form in a file named for another unit (one likely filled in another's
    /// sheet): not used until someone checks who sent it.
    Held,
    /// Not used: unreadable, not a form, another plan, an unknown unit.
    Rejected,
    /// Not a spreadsheet (an attachment, a note): not read.
    NotAForm,
    /// Not read on purpose: a link, an Office lock file, a hidden file (the finding says).
    Ignored,
}

impl Outcome {
    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Accepted => "已接收",
            Outcome::AcceptedWithWarnings => "已接收（有问题）",
            Outcome::Superseded => "已被替代",
            Outcome::Conflict => "重复报送待定",
            Outcome::Held => "待核实",
            Outcome::Rejected => "退回",
            Outcome::NotAForm => "非反馈表，未读取",
            Outcome::Ignored => "已忽略",
        }
    }

    /// True when the file's data is used.
    pub fn used(self) -> bool {
        matches!(self, Outcome::Accepted | Outcome::AcceptedWithWarnings)
    }
}

/// One file and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct FileRecord {
    /// The file, relative to the period folder.
    pub file: String,
    /// The unit the form names (from its hidden key), when readable.
    pub unit: Option<String>,
    /// 填报日期.
    pub filled_on: Option<Date>,
    /// 联系人 and 联系电话 as the unit wrote them, to call about its figures.
    pub contact: String,
    /// What became of it.
    pub outcome: Outcome,
    /// Why (rejection reason, conflict), and every problem found in it.
    pub findings: Vec<Diagnostic>,
    /// Rows read.
    pub rows: usize,
}

/// A unit's report on one task, as shown beside the task.
#[derive(Debug, Clone, Serialize)]
pub struct UnitReport {
    /// The unit.
    pub unit: String,
    /// 牵头 / 配合.
    pub role: Role,
    /// What it reported (未报送 when nothing).
    pub reported: Status,
    /// After the rules (overdue, 序时进度).
    pub status: Status,
    /// Why the rules changed it.
    pub note: Option<String>,
    /// 完成进度（%）.
    pub progress: Option<f64>,
    /// 进展情况.
    pub progress_text: String,
    /// 存在问题.
    pub problems: String,
    /// 佐证材料.
    pub evidence: Vec<String>,
    /// 量化目标完成值 as written.
    pub target_value: String,
    /// False when it edited the locked task text.
    pub text_intact: bool,
    /// Where the row is in the returned form.
    #[serde(skip)]
    pub origin: Option<crate::base::diag::Location>,
}

/// A quantified target against what the lead reported.
#[derive(Debug, Clone, Serialize)]
pub struct TargetResult {
    /// The target's phrase.
    pub phrase: String,
    /// The target number.
    pub value: f64,
    /// Its unit (个, %, 小时 …).
    pub unit: String,
    /// How it binds.
    pub comparator: Comparator,
    /// The number reported, when a number was reported.
    pub reported: Option<f64>,
    /// reported / target, in percent.
    pub attained: Option<f64>,
    /// Met or not; `None` when nothing usable was reported.
    pub met: Option<bool>,
    /// Who reported it.
    pub reporter: Option<String>,
    /// What the plan sets for the period's end, where its table has a column for that
    /// time (阶段目标 6月底前, 二季度): at mid-year the value is judged against it.
    pub stage: Option<StageTarget>,
}

/// A target's figure for a time within the year, from the plan's table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTarget {
    /// The figure, in the target's measure word.
    pub value: f64,
    /// The time it is set for, as the table's column names it: 6月底前, 二季度, or
    /// 一季度至二季度 when the columns set each period's own share.
    pub by: String,
}

/// A task after evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct TaskResult {
    /// 序号.
    pub no: u32,
    /// Section number.
    pub section: u32,
    /// Group number.
    pub group: u32,
    /// 具体内容.
    pub content: String,
    /// 完成时限.
    pub deadline: Option<Date>,
    /// The leads, as the plan names them.
    pub leads: Vec<String>,
    /// The status the evaluation gives.
    pub status: Status,
    /// Why it differs from what the lead reported, when it does.
    pub note: Option<String>,
    /// The score of the status.
    pub score: f64,
    /// The leads' reports.
    pub lead_reports: Vec<UnitReport>,
    /// The supporting units' reports (only those who wrote something).
    pub support_reports: Vec<UnitReport>,
    /// Targets against what was reported.
    pub targets: Vec<TargetResult>,
}

/// A unit after evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct UnitResult {
    /// The unit.
    pub unit: String,
    /// The file used, when one was.
    pub file: Option<String>,
    /// Tasks it leads (those that concern it).
    pub lead_total: usize,
    /// Its lead tasks by its own status after the rules, in [`Status::ALL`] order.
    pub lead_by_status: [usize; 5],
    /// Tasks it supports.
    pub support_total: usize,
    /// Supported tasks 已完成 by its own report (the task's status where it returned its
    /// form without one): the status its score counts.
    pub support_completed: usize,
    /// Lead tasks 已完成 / lead tasks, percent; `None` when it leads none.
    pub completion_rate: Option<f64>,
    /// Weighted mean score, 0–100.
    pub score: f64,
    /// 1 = best; equal scores share a rank; `None` for a unit that leads no task (not
    /// ranked: it has nothing of its own to be measured by).
    pub rank: Option<usize>,
}

/// A period's evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// The period.
    pub period: Period,
    /// The scores used (the period's table).
    pub scores: ScoreTable,
    /// The rules as configured.
    pub rules: EvaluationConfig,
    /// True when any form used is a shipped 示例 return.
    pub sample: bool,
    /// Every file of the folder.
    pub files: Vec<FileRecord>,
    /// Every task, in plan order.
    pub tasks: Vec<TaskResult>,
    /// Every unit with tasks, in plan order.
    pub units: Vec<UnitResult>,
    /// 序时进度 of a task due at the year's end, percent (see [`Period::schedule_share`]).
    pub schedule_share: f64,
    /// Units with tasks and no usable return.
    pub missing_units: Vec<String>,
    /// The period's year lies outside the plan's years (a folder named for the wrong year):
    /// what to check, said in the report and by the command.
    pub year_mismatch: Option<String>,
}

impl Evaluation {
    /// Adds to each used return's file the characters of its rows that print other than
    /// they are ([`crate::base::glyphs::findings`]); `has_glyph` says which a font has.
    pub fn note_glyphs(&mut self, has_glyph: impl Fn(char) -> bool) {
        let reports = self
            .tasks
            .iter()
            .flat_map(|t| t.lead_reports.iter().chain(&t.support_reports));
        let mut by_unit: std::collections::BTreeMap<&str, Vec<Diagnostic>> = Default::default();
        for report in reports {
            let Some(origin) = &report.origin else {
                continue;
            };
            let texts = [
                &report.progress_text,
                &report.problems,
                &report.target_value,
            ]
            .into_iter()
            .chain(&report.evidence)
            .map(|t| (origin, t.as_str()));
            let found = crate::base::glyphs::findings(texts, &has_glyph);
            by_unit.entry(&report.unit).or_default().extend(found);
        }
        for (unit, found) in by_unit.into_iter().filter(|(_, f)| !f.is_empty()) {
            let used = self
                .files
                .iter_mut()
                .find(|f| f.outcome.used() && f.unit.as_deref() == Some(unit));
            if let Some(record) = used {
                if record.outcome == Outcome::Accepted
                    && found.iter().any(|d| d.severity != Severity::Note)
                {
                    record.outcome = Outcome::AcceptedWithWarnings;
                }
                record.findings.extend(found);
            }
        }
    }

    /// Files by outcome.
    pub fn count_files(&self, outcome: Outcome) -> usize {
        self.files.iter().filter(|f| f.outcome == outcome).count()
    }

    /// Tasks by status.
    pub fn count_tasks(&self, status: Status) -> usize {
        self.tasks.iter().filter(|t| t.status == status).count()
    }
}

/// Evaluates forms already read (see [`crate::ingest::returns::read_folder`]).
pub fn evaluate(
    plan: &Plan,
    rules: &EvaluationConfig,
    period: Period,
    read: Vec<ReadFile>,
) -> Evaluation {
    let mut intake = intake::Intake::new(plan, rules, &period, read);
    let outside = intake.filled_outside(&period);
    intake.add_findings(outside);
    let scores = rules.scores(period.kind);
    let judged = judge::tasks(plan, rules, &period, &scores, &intake);
    intake.add_findings(judged.findings);
    let units = score::units(plan, rules, &scores, &intake, &judged.tasks);
    Evaluation {
        year_mismatch: year_mismatch(plan, &period),
        schedule_share: period.schedule_share(None).unwrap_or(100.0),
        sample: intake.sample(),
        missing_units: intake.missing_units(plan),
        files: intake.files,
        period,
        scores,
        rules: rules.clone(),
        tasks: judged.tasks,
        units,
    }
}

/// Said when the period's year is before the plan's year or after its last deadline's: every
/// deadline then reads as passed (or none as begun), which is likely a misnamed folder.
fn year_mismatch(plan: &Plan, period: &Period) -> Option<String> {
    let first = plan.year?;
    let last = (plan.tasks.iter())
        .filter_map(|t| t.deadline)
        .map(|d| i32::from(d.year()))
        .max()
        .unwrap_or(first)
        .max(first);
    let span = if last == first {
        format!("{first}年")
    } else {
        format!("{first}—{last}年")
    };
    let why = if period.year < first {
        "方案尚未开始"
    } else if period.year > last {
        "方案各项任务的完成时限均已过"
    } else {
        return None;
    };
    Some(format!(
        "本期按{}年评估，而本方案的年份是{span}，{why}；请核对反馈表目录名「{}」中的年份",
        period.year, period.label
    ))
}
