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

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use regex::Regex;
use serde::Serialize;

use crate::cjk::{excerpt, tidy_spacing};
use crate::config::{EvaluationConfig, ScoreTable};
use crate::diag::{Diagnostic, Error, Location, Result};
use crate::ingest::returns::{self, ReadForm};
use crate::model::{Comparator, Period, PeriodKind, Plan, ReturnForm, ReturnRow, Role, Status};
use crate::project::SHEET_EXTENSIONS;
use crate::view::content_hash;

/// One file of a period folder as read: its name, and the form or why it is not one
/// (`None`: not a spreadsheet).
pub type ReadFile = (
    String,
    Option<std::result::Result<ReadForm, Vec<Diagnostic>>>,
);

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
    /// Not used: unreadable, not a form, another plan, an unknown unit.
    Rejected,
    /// Not a spreadsheet (an attachment, a note): not read.
    NotAForm,
}

impl Outcome {
    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Accepted => "已接收",
            Outcome::AcceptedWithWarnings => "已接收（有问题）",
            Outcome::Superseded => "已被替代",
            Outcome::Conflict => "重复报送待定",
            Outcome::Rejected => "退回",
            Outcome::NotAForm => "非反馈表，未读取",
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
    pub filled_on: Option<String>,
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
    /// 完成时限, `YYYY-MM-DD`.
    pub deadline: Option<String>,
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
    /// Supported tasks with status 已完成.
    pub support_completed: usize,
    /// Lead tasks 已完成 / lead tasks, percent; `None` when it leads none.
    pub completion_rate: Option<f64>,
    /// Weighted mean score, 0–100.
    pub score: f64,
    /// 1 = best; equal scores share a rank.
    pub rank: usize,
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
    /// Units with tasks and no usable return.
    pub missing_units: Vec<String>,
}

impl Evaluation {
    /// Files by outcome.
    pub fn count_files(&self, outcome: Outcome) -> usize {
        self.files.iter().filter(|f| f.outcome == outcome).count()
    }

    /// Tasks by status.
    pub fn count_tasks(&self, status: Status) -> usize {
        self.tasks.iter().filter(|t| t.status == status).count()
    }
}

/// Finds the period folders under `dir` (its immediate subfolders, sorted by name).
pub fn period_folders(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::io(dir, "读取", e.into()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type().is_dir() && !name.starts_with('.') {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

/// Files lying directly in the returns folder, outside any period folder: they cannot be
/// evaluated, and must not pass unnoticed. A README there is expected and not listed.
pub fn stray_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            !name.starts_with('.')
                && !name.starts_with("~$")
                && !name.eq_ignore_ascii_case("README.md")
        })
        .map(|e| e.into_path())
        .collect()
}

/// The period of a folder: its name says 半年度 or 年度 (or `kind` does) and usually the year
/// (else the plan's year).
pub fn period_of(folder: &Path, kind: Option<PeriodKind>, plan: &Plan) -> Result<Period> {
    let label = folder
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "评估".into());
    let Some(kind) = kind.or_else(|| PeriodKind::detect(&label)) else {
        return Err(Error::Input(vec![
            Diagnostic::error(
                "return/period",
                Location::file(folder.display().to_string()),
                format!("无法从目录名「{label}」判断是半年度还是年度评估"),
            )
            .with_hint("目录名请写成如 2025-半年度、2025-年度，或用 --period 半年度|年度 指定"),
        ]));
    };
    #[allow(clippy::unwrap_used)] // literal pattern
    static YEAR: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"(19|20)\d\d").unwrap());
    let year = YEAR
        .find(&label)
        .and_then(|m| m.as_str().parse().ok())
        .or(plan.year)
        .unwrap_or(2000);
    Ok(Period::new(label, kind, year))
}

/// Reads every file under `folder` (any depth) and evaluates the period.
pub fn evaluate_folder(
    plan: &Plan,
    rules: &EvaluationConfig,
    folder: &Path,
    period: Period,
) -> Result<Evaluation> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(folder).to_path_buf();
            Error::io(&path, "读取", e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        // Office/WPS lock files and hidden files are not returns.
        if name.starts_with("~$") || name.starts_with('.') {
            continue;
        }
        paths.push(entry.into_path());
    }
    use rayon::prelude::*;
    let read: Vec<ReadFile> = paths
        .par_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(folder)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let display = path.display().to_string();
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let result = SHEET_EXTENSIONS
                .contains(&ext.as_str())
                .then(|| returns::read(path, &display));
            (relative, result)
        })
        .collect();
    Ok(evaluate(plan, rules, period, read))
}

/// Evaluates forms already read: (file name, read result or `None` for a non-spreadsheet).
pub fn evaluate(
    plan: &Plan,
    rules: &EvaluationConfig,
    period: Period,
    read: Vec<ReadFile>,
) -> Evaluation {
    let plan_id = plan
        .notice
        .doc_number
        .clone()
        .unwrap_or_else(|| plan.title.clone().unwrap_or_default());
    let unit_index: HashMap<&str, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.as_str(), i))
        .collect();

    // 1. Every file, validated against the plan.
    let mut files: Vec<FileRecord> = Vec::new();
    let mut forms: Vec<Option<ReturnForm>> = Vec::new();
    for (file, result) in read {
        let (record, form) = match result {
            None => (
                FileRecord {
                    file,
                    unit: None,
                    filled_on: None,
                    outcome: Outcome::NotAForm,
                    findings: Vec::new(),
                    rows: 0,
                },
                None,
            ),
            Some(Err(reasons)) => (
                FileRecord {
                    file,
                    unit: None,
                    filled_on: None,
                    outcome: Outcome::Rejected,
                    findings: reasons,
                    rows: 0,
                },
                None,
            ),
            Some(Ok(read)) => validate(plan, &plan_id, &unit_index, file, read),
        };
        files.push(record);
        forms.push(form);
    }

    // 2. One return per unit: conflicts, or the latest when the rules say so.
    let mut by_unit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, record) in files.iter().enumerate() {
        if record.outcome.used()
            && let Some(unit) = &record.unit
        {
            by_unit.entry(unit.as_str()).or_default().push(i);
        }
    }
    let mut chosen: HashMap<String, usize> = HashMap::new();
    let mut verdicts: Vec<(usize, Outcome, String)> = Vec::new();
    for (unit, indices) in &by_unit {
        if let [only] = indices.as_slice() {
            chosen.insert(unit.to_string(), *only);
            continue;
        }
        let names: Vec<String> = indices.iter().map(|i| files[*i].file.clone()).collect();
        let latest = rules
            .prefer_latest
            .then(|| {
                let best = indices
                    .iter()
                    .max_by_key(|i| files[**i].filled_on.clone())?;
                let best_date = files[*best].filled_on.clone()?;
                let ties = indices
                    .iter()
                    .filter(|i| files[**i].filled_on.as_deref() == Some(best_date.as_str()))
                    .count();
                (ties == 1).then_some(*best)
            })
            .flatten();
        match latest {
            Some(best) => {
                chosen.insert(unit.to_string(), best);
                for i in indices.iter().filter(|i| **i != best) {
                    verdicts.push((
                        *i,
                        Outcome::Superseded,
                        format!(
                            "{unit}本期报送了 {} 份；采用填报日期最晚的「{}」（{}）",
                            indices.len(),
                            files[best].file,
                            files[best].filled_on.as_deref().unwrap_or("")
                        ),
                    ));
                }
            }
            None => {
                let why = if rules.prefer_latest {
                    "填报日期相同或未填，无法判断哪份最新"
                } else {
                    "请删除其中一份，或使用 --prefer-latest（配置 prefer_latest = true）采用填报日期最晚的一份"
                };
                for i in indices {
                    verdicts.push((
                        *i,
                        Outcome::Conflict,
                        format!(
                            "{unit}本期报送了 {} 份（{}），均暂不采用：{why}",
                            indices.len(),
                            names.join("、")
                        ),
                    ));
                }
            }
        }
    }
    for (i, outcome, why) in verdicts {
        let record = &mut files[i];
        record.outcome = outcome;
        record.findings.insert(
            0,
            Diagnostic::warning("return/duplicate", Location::file(record.file.clone()), why),
        );
    }
    let sample = chosen
        .values()
        .any(|i| forms[*i].as_ref().is_some_and(|f| f.sample));

    // 3. Tasks.
    let scores = match period.kind {
        PeriodKind::MidYear => rules.mid_year,
        PeriodKind::YearEnd => rules.year_end,
    };
    let form_of =
        |unit: &str| -> Option<&ReturnForm> { chosen.get(unit).and_then(|i| forms[*i].as_ref()) };
    let row_of = |unit: &str, task: u32| -> Option<&ReturnRow> {
        form_of(unit).and_then(|f| f.rows.iter().find(|r| r.task == task))
    };
    let mut target_findings: Vec<(String, Diagnostic)> = Vec::new();
    let mut tasks: Vec<TaskResult> = Vec::new();
    for task in &plan.tasks {
        let report = |a: &crate::model::Assignment| -> Option<UnitReport> {
            let row = row_of(&a.name, task.no).filter(|r| !r.is_blank());
            if a.conditional && row.is_none() {
                // 相关街镇: concerned only where it says so.
                return None;
            }
            let reported = row.and_then(|r| r.status).unwrap_or(Status::Missing);
            let (status, note) = judge(
                reported,
                row.and_then(|r| r.progress),
                task.deadline.as_deref(),
                &period,
                rules,
            );
            Some(UnitReport {
                unit: a.name.clone(),
                role: a.role,
                reported,
                status,
                note,
                progress: row.and_then(|r| r.progress),
                progress_text: row.map(|r| r.progress_text.clone()).unwrap_or_default(),
                problems: row.map(|r| r.problems.clone()).unwrap_or_default(),
                evidence: row.map(|r| r.evidence.clone()).unwrap_or_default(),
                target_value: row.map(|r| r.target_value.clone()).unwrap_or_default(),
                text_intact: row.is_none_or(|r| r.text_intact),
            })
        };
        let lead_reports: Vec<UnitReport> = task.leads().filter_map(report).collect();
        let support_reports: Vec<UnitReport> = task
            .supports()
            .filter_map(report)
            .filter(|r| r.reported != Status::Missing)
            .collect();
        let worst = lead_reports.iter().min_by_key(|r| r.status);
        let status = worst.map(|r| r.status).unwrap_or(Status::Missing);
        let note = match worst {
            Some(r) if r.note.is_some() => r.note.clone(),
            Some(r) if lead_reports.len() > 1 && r.status != Status::Missing => {
                Some(format!("按进展最慢的牵头单位（{}）计", r.unit))
            }
            Some(r) if lead_reports.len() > 1 => Some(format!("牵头单位{}未报送", r.unit)),
            None => Some("无牵头单位报送".into()),
            _ => None,
        };
        // Targets: the first lead that wrote a value reports them (the 汇总 unit).
        let reporter = lead_reports
            .iter()
            .find(|r| !r.target_value.trim().is_empty());
        let numbers: Vec<f64> = reporter
            .map(|r| numbers_in(&r.target_value))
            .unwrap_or_default();
        if let Some(r) = reporter
            && numbers.is_empty()
            && !task.targets.is_empty()
        {
            let origin = row_of(&r.unit, task.no)
                .map(|row| row.origin.clone())
                .unwrap_or_else(|| Location::file(r.unit.clone()));
            target_findings.push((
                r.unit.clone(),
                Diagnostic::warning(
                    "return/not-a-number",
                    origin,
                    format!(
                        "第 {} 项任务的量化目标完成值「{}」中没有数字，无法与目标比较",
                        task.no,
                        excerpt(&r.target_value)
                    ),
                ),
            ));
        }
        let targets = task
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let reported = numbers.get(i).copied();
                let attained = reported
                    .filter(|_| t.value != 0.0)
                    .map(|r| r / t.value * 100.0);
                let met = reported.map(|r| match t.comparator {
                    Comparator::AtMost => r <= t.value,
                    Comparator::Eq | Comparator::AtLeast => r >= t.value,
                });
                TargetResult {
                    phrase: tidy_spacing(&t.phrase),
                    value: t.value,
                    unit: t.unit.clone(),
                    comparator: t.comparator,
                    reported,
                    attained,
                    met,
                    reporter: reported.and(reporter.map(|r| r.unit.clone())),
                }
            })
            .collect();
        tasks.push(TaskResult {
            no: task.no,
            section: task.section,
            group: task.group,
            content: tidy_spacing(&task.content),
            deadline: task.deadline.clone(),
            leads: task.leads().map(|a| a.name.clone()).collect(),
            status,
            note,
            score: score_of(&scores, status),
            lead_reports,
            support_reports,
            targets,
        });
    }
    for (unit, finding) in target_findings {
        if let Some(i) = chosen.get(&unit) {
            let record = &mut files[*i];
            record.findings.push(finding);
            if record.outcome == Outcome::Accepted {
                record.outcome = Outcome::AcceptedWithWarnings;
            }
        }
    }

    // 4. Units.
    let task_index: HashMap<u32, usize> =
        tasks.iter().enumerate().map(|(i, t)| (t.no, i)).collect();
    let mut units: Vec<UnitResult> = Vec::new();
    for unit in &plan.units {
        let returned = form_of(&unit.name).is_some();
        let mut lead_by_status = [0usize; 5];
        let (mut weighted, mut weights) = (0.0, 0.0);
        let (mut lead_total, mut support_total, mut support_completed) = (0, 0, 0);
        let mut lead_completed = 0;
        for no in &unit.lead {
            let Some(result) = task_index.get(no).map(|i| &tasks[*i]) else {
                continue;
            };
            let Some(mine) = result.lead_reports.iter().find(|r| r.unit == unit.name) else {
                continue; // conditional and silent: not its task
            };
            lead_total += 1;
            let slot = Status::ALL
                .iter()
                .position(|s| *s == mine.status)
                .unwrap_or(4);
            lead_by_status[slot] += 1;
            if mine.status == Status::Completed {
                lead_completed += 1;
            }
            weighted += rules.lead_weight * score_of(&scores, mine.status);
            weights += rules.lead_weight;
        }
        for no in &unit.support {
            let Some(result) = task_index.get(no).map(|i| &tasks[*i]) else {
                continue;
            };
            let own = result.support_reports.iter().find(|r| r.unit == unit.name);
            let conditional = plan
                .task(*no)
                .and_then(|t| t.assignment(&unit.name))
                .is_some_and(|a| a.conditional);
            if conditional && own.is_none() {
                continue;
            }
            support_total += 1;
            let status = match own {
                Some(r) => r.status,
                None if returned => result.status,
                None => Status::Missing,
            };
            if result.status == Status::Completed {
                support_completed += 1;
            }
            weighted += rules.support_weight * score_of(&scores, status);
            weights += rules.support_weight;
        }
        units.push(UnitResult {
            unit: unit.name.clone(),
            file: chosen.get(&unit.name).map(|i| files[*i].file.clone()),
            lead_total,
            lead_by_status,
            support_total,
            support_completed,
            completion_rate: (lead_total > 0)
                .then(|| lead_completed as f64 / lead_total as f64 * 100.0),
            score: if weights > 0.0 {
                weighted / weights
            } else {
                0.0
            },
            rank: 0,
        });
    }
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|a, b| units[*b].score.total_cmp(&units[*a].score));
    for (place, i) in order.iter().enumerate() {
        let rank = if place > 0 && (units[order[place - 1]].score - units[*i].score).abs() < 1e-9 {
            units[order[place - 1]].rank
        } else {
            place + 1
        };
        units[*i].rank = rank;
    }
    let missing_units = plan
        .units
        .iter()
        .filter(|u| !chosen.contains_key(&u.name))
        .map(|u| u.name.clone())
        .collect();
    Evaluation {
        period,
        scores,
        rules: rules.clone(),
        sample,
        files,
        tasks,
        units,
        missing_units,
    }
}

/// Checks a form against the plan: right plan, known unit, tasks of that unit, text as issued.
fn validate(
    plan: &Plan,
    plan_id: &str,
    unit_index: &HashMap<&str, usize>,
    file: String,
    read: ReadForm,
) -> (FileRecord, Option<ReturnForm>) {
    let ReadForm {
        mut form,
        mut diagnostics,
    } = read;
    let record =
        |outcome: Outcome, findings: Vec<Diagnostic>, rows: usize, form: &ReturnForm| FileRecord {
            file: file.clone(),
            unit: Some(form.unit.clone()),
            filled_on: form.filled_on.clone(),
            outcome,
            findings,
            rows,
        };
    if form.plan_id != plan_id {
        let why = Diagnostic::error(
            "return/other-plan",
            Location::file(form.file.clone()),
            format!(
                "这份反馈表是为「{}」下发的，不属于本方案「{plan_id}」",
                excerpt(&form.plan_id)
            ),
        );
        return (record(Outcome::Rejected, vec![why], 0, &form), None);
    }
    let Some(unit) = unit_index.get(form.unit.as_str()).map(|i| &plan.units[*i]) else {
        let why = Diagnostic::error(
            "return/unknown-unit",
            Location::file(form.file.clone()),
            format!("填报单位「{}」在本方案中没有任务", excerpt(&form.unit)),
        );
        return (record(Outcome::Rejected, vec![why], 0, &form), None);
    };
    let mut kept = Vec::with_capacity(form.rows.len());
    for row in std::mem::take(&mut form.rows) {
        let assigned = unit.lead.contains(&row.task) || unit.support.contains(&row.task);
        let Some(task) = plan.task(row.task).filter(|_| assigned) else {
            diagnostics.push(Diagnostic::warning(
                "return/unknown-task",
                row.origin.clone(),
                format!(
                    "第 {} 项任务不是本方案分给{}的任务，该行未采用",
                    row.task, form.unit
                ),
            ));
            continue;
        };
        if content_hash(&tidy_spacing(&task.content)) != row.issued_hash {
            diagnostics.push(
                Diagnostic::warning(
                    "return/outdated",
                    row.origin.clone(),
                    format!(
                        "第 {} 项任务的内容在表格下发后已修改，本表是旧版；反馈照收，评估按现行内容",
                        row.task
                    ),
                )
                .with_hint("如改动较大，请把新版任务单发给该单位重新填报"),
            );
        }
        kept.push(row);
    }
    form.rows = kept;
    let outcome = if diagnostics.is_empty() {
        Outcome::Accepted
    } else {
        Outcome::AcceptedWithWarnings
    };
    let rows = form.rows.len();
    (record(outcome, diagnostics, rows, &form), Some(form))
}

/// The rules applied to one unit's claim: (status, why it changed).
fn judge(
    reported: Status,
    progress: Option<f64>,
    deadline: Option<&str>,
    period: &Period,
    rules: &EvaluationConfig,
) -> (Status, Option<String>) {
    if reported != Status::OnSchedule {
        return (reported, None);
    }
    if let Some(deadline) = deadline
        && deadline <= period.end.as_str()
    {
        return (
            Status::Lagging,
            Some(format!(
                "报“序时推进”，但完成时限（{}）已过，按滞后（逾期）计",
                crate::view::chinese_date(deadline)
            )),
        );
    }
    if rules.schedule_rule
        && let (Some(p), Some(expected)) = (progress, expected_share(deadline, period))
        && p + 0.5 < expected
    {
        return (
            Status::Lagging,
            Some(format!(
                "报“序时推进”，但完成进度 {}% 低于序时进度 {}%，按滞后计",
                fmt_number(p),
                fmt_number(expected.floor())
            )),
        );
    }
    (reported, None)
}

/// The share of time elapsed from 1 January of the period's year to the deadline, at the
/// period's end (序时进度), in percent; the calendar year when there is no deadline.
fn expected_share(deadline: Option<&str>, period: &Period) -> Option<f64> {
    let start = day_number(&format!("{:04}-01-01", period.year))?;
    let end = day_number(&period.end)?;
    let due = match deadline {
        Some(d) => day_number(d)?,
        None => day_number(&format!("{:04}-12-31", period.year))?,
    };
    (due > start).then(|| ((end - start) as f64 / (due - start) as f64 * 100.0).min(100.0))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Points for a status.
pub fn score_of(scores: &ScoreTable, status: Status) -> f64 {
    match status {
        Status::Completed => scores.completed,
        Status::OnSchedule => scores.on_schedule,
        Status::Lagging => scores.lagging,
        Status::NotStarted => scores.not_started,
        Status::Missing => scores.missing,
    }
}

/// The numbers in a reported value, in order: `新增5个；覆盖率98%` → [5, 98].
pub fn numbers_in(text: &str) -> Vec<f64> {
    #[allow(clippy::unwrap_used)] // literal pattern
    static NUMBER: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"\d+(?:\.\d+)?").unwrap());
    let ascii = crate::cjk::ascii_digits(text);
    NUMBER
        .find_iter(&ascii)
        .filter_map(|m| m.as_str().parse().ok())
        .collect()
}

/// A number as people write it: no `.0`, at most one decimal.
pub fn fmt_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-01-01"), Some(20_089));
        assert_eq!(
            day_number("2025-12-31").unwrap() - day_number("2025-01-01").unwrap(),
            364
        );
    }

    #[test]
    fn elapsed_share_at_mid_year() {
        let period = Period::new("2025-半年度", PeriodKind::MidYear, 2025);
        let share = expected_share(Some("2025-12-31"), &period).unwrap();
        assert!((share - 180.0 / 364.0 * 100.0).abs() < 1e-9, "{share}");
        assert_eq!(expected_share(Some("2025-06-30"), &period), Some(100.0));
    }

    #[test]
    fn the_claim_is_not_the_verdict() {
        let rules = EvaluationConfig::default();
        let mid = Period::new("2025-半年度", PeriodKind::MidYear, 2025);
        let end = Period::new("2025-年度", PeriodKind::YearEnd, 2025);
        let due = Some("2025-12-31");
        assert_eq!(
            judge(Status::OnSchedule, Some(60.0), due, &mid, &rules).0,
            Status::OnSchedule
        );
        assert_eq!(
            judge(Status::OnSchedule, Some(30.0), due, &mid, &rules).0,
            Status::Lagging
        );
        assert_eq!(
            judge(Status::OnSchedule, None, due, &end, &rules).0,
            Status::Lagging
        );
        assert_eq!(
            judge(
                Status::OnSchedule,
                Some(90.0),
                Some("2026-06-30"),
                &end,
                &rules
            )
            .0,
            Status::OnSchedule
        );
        assert_eq!(
            judge(Status::Completed, Some(30.0), due, &mid, &rules).0,
            Status::Completed
        );
    }

    #[test]
    fn numbers_in_values() {
        assert_eq!(numbers_in("新增5个；覆盖率98.5%"), [5.0, 98.5]);
        assert_eq!(numbers_in("４个"), [4.0]);
        assert!(numbers_in("基本完成").is_empty());
        assert_eq!(fmt_number(71.8421), "71.8");
        assert_eq!(fmt_number(80.0), "80");
    }
}
