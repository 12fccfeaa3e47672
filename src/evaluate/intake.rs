//! Intake: every file of the period accounted for, each form checked against the plan, and
//! one return chosen per unit (or a conflict named).

use std::collections::{BTreeMap, HashMap};

use super::{FileRecord, Outcome};
use crate::base::cjk::excerpt;
use crate::base::diag::{Diagnostic, Location};
use crate::config::EvaluationConfig;
use crate::form;
use crate::ingest::returns::{ReadFile, ReadForm};
use crate::model::{Plan, ReturnForm, ReturnRow};

/// The period's files and the return used for each unit.
pub(super) struct Intake {
    /// Every file, with its outcome.
    pub files: Vec<FileRecord>,
    /// The form of each file that was one and belongs to the plan (same order as `files`).
    forms: Vec<Option<ReturnForm>>,
    /// Unit → index of the file whose return is used.
    chosen: HashMap<String, usize>,
}

impl Intake {
    /// Validates every file read and chooses one return per unit.
    pub fn new(plan: &Plan, rules: &EvaluationConfig, read: Vec<ReadFile>) -> Intake {
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
        let (files, forms) = read
            .into_iter()
            .map(|(file, result)| match result {
                None => (record(file, Outcome::NotAForm, Vec::new()), None),
                Some(Err(reasons)) => (record(file, Outcome::Rejected, reasons), None),
                Some(Ok(read)) => validate(plan, &plan_id, &unit_index, file, read),
            })
            .unzip();
        let mut intake = Intake {
            files,
            forms,
            chosen: HashMap::new(),
        };
        intake.choose(rules.prefer_latest);
        intake
    }

    /// The return used for `unit`.
    pub fn form_of(&self, unit: &str) -> Option<&ReturnForm> {
        self.chosen.get(unit).and_then(|i| self.forms[*i].as_ref())
    }

    /// What `unit` wrote for `task`, when its return is used.
    pub fn row_of(&self, unit: &str, task: u32) -> Option<&ReturnRow> {
        self.form_of(unit)
            .and_then(|f| f.rows.iter().find(|r| r.task == task))
    }

    /// The file whose return is used for `unit`.
    pub fn file_of(&self, unit: &str) -> Option<String> {
        self.chosen.get(unit).map(|i| self.files[*i].file.clone())
    }

    /// True when any return used is a shipped 示例.
    pub fn sample(&self) -> bool {
        self.chosen
            .values()
            .any(|i| self.forms[*i].as_ref().is_some_and(|f| f.sample))
    }

    /// Units with tasks and no usable return, in plan order.
    pub fn missing_units(&self, plan: &Plan) -> Vec<String> {
        plan.units
            .iter()
            .filter(|u| !self.chosen.contains_key(&u.name))
            .map(|u| u.name.clone())
            .collect()
    }

    /// Findings the later stages made about a unit's return, added to its file.
    pub fn add_findings(&mut self, findings: Vec<(String, Diagnostic)>) {
        for (unit, finding) in findings {
            if let Some(i) = self.chosen.get(&unit) {
                let record = &mut self.files[*i];
                record.findings.push(finding);
                if record.outcome == Outcome::Accepted {
                    record.outcome = Outcome::AcceptedWithWarnings;
                }
            }
        }
    }

    /// One return per unit: the only one, the latest when `prefer_latest` can tell, or a
    /// conflict that sets all of them aside.
    fn choose(&mut self, prefer_latest: bool) {
        let mut by_unit: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, record) in self.files.iter().enumerate() {
            if record.outcome.used()
                && let Some(unit) = &record.unit
            {
                by_unit.entry(unit.clone()).or_default().push(i);
            }
        }
        for (unit, indices) in by_unit {
            if let [only] = indices.as_slice() {
                self.chosen.insert(unit, *only);
                continue;
            }
            let latest = prefer_latest.then(|| self.latest(&indices)).flatten();
            match latest {
                Some(best) => self.supersede(&unit, &indices, best),
                None => self.conflict(&unit, &indices, prefer_latest),
            }
        }
    }

    /// The file with the latest 填报日期, when exactly one has it.
    fn latest(&self, indices: &[usize]) -> Option<usize> {
        let best_date = indices
            .iter()
            .filter_map(|i| self.files[*i].filled_on)
            .max()?;
        let mut best = indices
            .iter()
            .filter(|i| self.files[**i].filled_on == Some(best_date));
        let first = *best.next()?;
        best.next().is_none().then_some(first)
    }

    fn supersede(&mut self, unit: &str, indices: &[usize], best: usize) {
        let why = format!(
            "{unit}本期报送了 {} 份；采用填报日期最晚的「{}」（{}）",
            indices.len(),
            self.files[best].file,
            self.files[best]
                .filled_on
                .map(|d| d.to_string())
                .unwrap_or_default()
        );
        self.chosen.insert(unit.to_string(), best);
        for i in indices.iter().filter(|i| **i != best) {
            self.set_aside(*i, Outcome::Superseded, why.clone());
        }
    }

    fn conflict(&mut self, unit: &str, indices: &[usize], prefer_latest: bool) {
        let names: Vec<&str> = indices
            .iter()
            .map(|i| self.files[*i].file.as_str())
            .collect();
        let why = if prefer_latest {
            "填报日期相同或未填，无法判断哪份最新"
        } else {
            "请删除其中一份，或使用 --prefer-latest（配置 prefer_latest = true）采用填报日期最晚的一份"
        };
        let why = format!(
            "{unit}本期报送了 {} 份（{}），均暂不采用：{why}",
            indices.len(),
            names.join("、")
        );
        for i in indices {
            self.set_aside(*i, Outcome::Conflict, why.clone());
        }
    }

    fn set_aside(&mut self, i: usize, outcome: Outcome, why: String) {
        let record = &mut self.files[i];
        record.outcome = outcome;
        record.findings.insert(
            0,
            Diagnostic::warning("return/duplicate", Location::file(record.file.clone()), why),
        );
    }
}

fn record(file: String, outcome: Outcome, findings: Vec<Diagnostic>) -> FileRecord {
    FileRecord {
        file,
        unit: None,
        filled_on: None,
        outcome,
        findings,
        rows: 0,
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
    let mut record = record(file, Outcome::Rejected, Vec::new());
    record.unit = Some(form.unit.clone());
    record.filled_on = form.filled_on;
    if form.plan_id != plan_id {
        record.findings.push(Diagnostic::error(
            "return/other-plan",
            Location::file(form.file.clone()),
            format!(
                "这份反馈表是为「{}」下发的，不属于本方案「{plan_id}」",
                excerpt(&form.plan_id)
            ),
        ));
        return (record, None);
    }
    let Some(unit) = unit_index.get(form.unit.as_str()).map(|i| &plan.units[*i]) else {
        record.findings.push(Diagnostic::error(
            "return/unknown-unit",
            Location::file(form.file.clone()),
            format!("填报单位「{}」在本方案中没有任务", excerpt(&form.unit)),
        ));
        return (record, None);
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
        if form::task_hash(&task.content) != row.issued_hash {
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
    record.outcome = if diagnostics.is_empty() {
        Outcome::Accepted
    } else {
        Outcome::AcceptedWithWarnings
    };
    record.rows = form.rows.len();
    record.findings = diagnostics;
    (record, Some(form))
}
