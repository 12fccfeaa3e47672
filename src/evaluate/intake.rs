//! Intake: every file of the period accounted for, each form checked against the plan, and
//! one return chosen per unit (or a conflict named).

use std::collections::{BTreeMap, HashMap};

use super::{FileRecord, Outcome};
use crate::base::cjk::excerpt;
use crate::base::date;
use crate::base::diag::{Diagnostic, Location, Severity};
use crate::config::EvaluationConfig;
use crate::form;
use crate::ingest::returns::{FileRead, ReadFile, ReadForm};
use crate::model::{Period, PeriodKind, Plan, ReturnForm, ReturnRow, Role};

/// How many other files a duplicate's finding names.
const NAMED_DUPLICATES: usize = 6;

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
    pub fn new(
        plan: &Plan,
        rules: &EvaluationConfig,
        period: &Period,
        read: Vec<ReadFile>,
    ) -> Intake {
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
                FileRead::NotASheet(why) => {
                    let note =
                        Diagnostic::note("return/not-a-form", Location::file(file.clone()), why);
                    (record(file, Outcome::NotAForm, vec![note]), None)
                }
                FileRead::Rejected(reasons) => (record(file, Outcome::Rejected, reasons), None),
                FileRead::Ignored(why) => {
                    let note =
                        Diagnostic::note("return/ignored", Location::file(file.clone()), why);
                    (record(file, Outcome::Ignored, vec![note]), None)
                }
                FileRead::Form(mut read) => {
                    place_yearless(&mut read, period);
                    validate(plan, &plan_id, &unit_index, file, read)
                }
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

    /// The returns used that were filled in outside `period`: before it could be reported
    /// on (in an earlier year, or — for the year-end — by the end of July, when the
    /// mid-year returns are filled in), or after the next period's returns are due (a
    /// year-end return from December on in the mid-year's folder; a next mid-year's from
    /// July of the next year on). Used, and said: likely sent again or put in the wrong
    /// folder.
    pub fn filled_outside(&self, period: &Period) -> Vec<(String, Diagnostic)> {
        let (from, after, kind) = match period.kind {
            PeriodKind::MidYear => (
                date::ymd(period.year, 1, 1),
                date::ymd(period.year, 12, 1),
                "半年度",
            ),
            PeriodKind::YearEnd => (
                date::ymd(period.year, 8, 1),
                date::ymd(period.year + 1, 7, 1),
                "年度",
            ),
        };
        let (Some(from), Some(after)) = (from, after) else {
            return Vec::new();
        };
        (self.chosen.iter())
            .filter_map(|(unit, i)| {
                let record = &self.files[*i];
                let filled = record.filled_on.filter(|d| *d < from || *d >= after)?;
                let (than, which) = match filled < from {
                    true => ("早于", "上一期"),
                    false => ("晚于", "下一期"),
                };
                let code = match filled < from {
                    true => "return/filled-early",
                    false => "return/filled-late",
                };
                let said = Diagnostic::warning(
                    code,
                    Location::file(record.file.clone()),
                    format!(
                        "填报日期为 {}，{than}{}{kind}评估的报送时间，可能是{which}的反馈表或放错了目录；已按本期采用，请核实",
                        date::chinese(filled),
                        period.year
                    ),
                );
                Some((unit.clone(), said))
            })
            .collect()
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

    /// Superseded files name the one used: that message is the same for all of them.
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
            self.set_aside(*i, Outcome::Superseded, why.clone(), None);
        }
    }

    fn conflict(&mut self, unit: &str, indices: &[usize], prefer_latest: bool) {
        // A few names at most: naming all of n files in each of them grew the report (and
        // memory) with n².
        let names: Vec<&str> = indices
            .iter()
            .take(NAMED_DUPLICATES)
            .map(|i| self.files[*i].file.as_str())
            .collect();
        let more = if indices.len() > names.len() {
            format!(" 等 {} 份", indices.len())
        } else {
            String::new()
        };
        // The report says what a reader needs; how to settle it with fengong is the hint,
        // which the console prints.
        let (why, hint) = if prefer_latest {
            ("填报日期相同或未填，无法判断哪份最新", None)
        } else {
            (
                "待确认采用哪一份后重新评估",
                Some(
                    "删除其中一份，或使用 --prefer-latest（配置 prefer_latest = true）采用填报日期最晚的一份",
                ),
            )
        };
        let why = format!(
            "{unit}本期报送了 {} 份（{}{more}），均暂不采用：{why}",
            indices.len(),
            names.join("、")
        );
        for i in indices {
            self.set_aside(*i, Outcome::Conflict, why.clone(), hint);
        }
    }

    fn set_aside(&mut self, i: usize, outcome: Outcome, why: String, hint: Option<&str>) {
        let record = &mut self.files[i];
        record.outcome = outcome;
        let mut finding =
            Diagnostic::warning("return/duplicate", Location::file(record.file.clone()), why);
        if let Some(hint) = hint {
            finding = finding.with_hint(hint);
        }
        record.findings.insert(0, finding);
    }
}

/// A 填报日期 written without its year placed in the year nearest the period's end (a
/// year-end's 1月9日 is January of the next year), and said.
fn place_yearless(read: &mut ReadForm, period: &Period) {
    let Some(yearless) = read.form.filled_on_yearless.take() else {
        return;
    };
    let Some(placed) = yearless.written.near(period.end) else {
        return;
    };
    read.form.filled_on = Some(placed);
    read.diagnostics.push(Diagnostic::note(
        "return/date-without-year",
        yearless.at,
        format!(
            "填报日期「{}」未写年份，按{}计",
            excerpt(&yearless.text),
            date::chinese(placed)
        ),
    ));
}

fn record(file: String, outcome: Outcome, findings: Vec<Diagnostic>) -> FileRecord {
    FileRecord {
        file,
        unit: None,
        filled_on: None,
        contact: String::new(),
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
    record.contact = contact_of(&form);
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
    let misnamed = named_for_another(plan, &form.file, &form.unit);
    form.rows = rows_of_unit(plan, unit, &mut form, &mut diagnostics);
    if let Some(blank) = sent_back_blank(&form, unit, &diagnostics) {
        record.findings = std::iter::once(blank).chain(diagnostics).collect();
        return (record, None);
    }
    diagnostics.extend(supports_left_blank(&form, unit));
    record.outcome = if diagnostics.iter().all(|d| d.severity == Severity::Note) {
        Outcome::Accepted
    } else {
        Outcome::AcceptedWithWarnings
    };
    record.rows = form.rows.len();
    record.findings = diagnostics;
    if let Some(misnamed) = misnamed {
        record.outcome = Outcome::Held;
        record.findings.insert(0, misnamed);
    }
    (record, Some(form))
}

/// The rows of `form` for tasks the plan gives `unit`, each checked against the task's text
/// as issued; the others said and left out.
fn rows_of_unit(
    plan: &Plan,
    unit: &crate::model::UnitTasks,
    form: &mut ReturnForm,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ReturnRow> {
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
        let role = if unit.lead.contains(&row.task) {
            Role::Lead
        } else {
            Role::Support
        };
        diagnostics.extend(no_status(&row, role, diagnostics));
        kept.push(row);
    }
    kept
}

/// A form sent back as it was issued: no row holds a word the unit wrote (an unreadable
/// status or progress counts as written), by a unit that leads some of its tasks — or by
/// one that only supports, with no 填报日期 or 联系人 either (nothing of it was filled in).
/// Not a return: its tasks count as 未报送, and the file is said as sent back blank. (A
/// supporting unit that dated or signed its sheet and left its rows empty has nothing to
/// add: its rows take the leads' statuses.)
fn sent_back_blank(
    form: &ReturnForm,
    unit: &crate::model::UnitTasks,
    said: &[Diagnostic],
) -> Option<Diagnostic> {
    const WRITTEN: &[&str] = &[
        "return/bad-status",
        "return/bad-progress",
        "return/not-a-number",
        "return/progress-fraction",
    ];
    let wrote = form.rows.iter().any(|r| !r.is_blank())
        || said.iter().any(|d| WRITTEN.contains(&d.code.as_str()));
    let leads = form.rows.iter().any(|r| unit.lead.contains(&r.task));
    let signed = form.filled_on.is_some()
        || form.filled_on_yearless.is_some()
        || !form.contact.trim().is_empty()
        || !form.phone.trim().is_empty();
    let untouched = !signed && !form.rows.is_empty();
    (!wrote && (leads || untouched)).then(|| {
        Diagnostic::error(
            "return/blank",
            Location::file(form.file.clone()),
            format!(
                "反馈表原样报回，{} 项任务都没有填写（完成状态、进展情况等均为空）：不作为{}的报送，其任务按“未报送”计",
                form.rows.len(),
                form.unit
            ),
        )
        .with_hint("请该单位填写后重新报送")
    })
}

/// The tasks a unit supports whose rows it left empty (they take the lead's status, as the
/// rules print), said once for the file, so a form filled for some tasks only is seen so.
fn supports_left_blank(form: &ReturnForm, unit: &crate::model::UnitTasks) -> Option<Diagnostic> {
    let blank: Vec<String> = (form.rows.iter())
        .filter(|r| r.is_blank() && unit.support.contains(&r.task))
        .map(|r| r.task.to_string())
        .collect();
    (!blank.is_empty()).then(|| {
        Diagnostic::note(
            "return/support-blank",
            Location::file(form.file.clone()),
            format!(
                "本表 {} 项任务中，配合的第 {} 项（共 {} 项）没有填写，按牵头单位的报送计",
                form.rows.len(),
                blank.join("、"),
                blank.len()
            ),
        )
    })
}

/// 联系人 and 联系电话 as one line: 刘军，13800138000.
fn contact_of(form: &ReturnForm) -> String {
    [form.contact.trim(), form.phone.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("，")
}

/// A file named for another unit of the plan than the one whose form it holds (区交通委.xlsx
/// holding 区商务委's form): read as the form says, and said — one unit likely filled in
/// another's form.
fn named_for_another(plan: &Plan, file: &str, unit: &str) -> Option<Diagnostic> {
    let name = std::path::Path::new(file).file_stem()?.to_string_lossy();
    if name.contains(unit) {
        return None;
    }
    let named = (plan.units.iter())
        .map(|u| u.name.as_str())
        .filter(|other| *other != unit && other.chars().count() >= 3 && name.contains(other))
        .max_by_key(|other| other.chars().count())?;
    Some(
        Diagnostic::warning(
            "return/file-name",
            Location::file(file),
            format!(
                "文件名写的是「{named}」，表内却是下发给{unit}的任务单：暂不采用，请核实是哪个单位报送的"
            ),
        )
        .with_hint(format!(
            "如确是{unit}的报送，把文件改名为「{unit}」后重新评估；如是{named}误用了{unit}的任务单，请把{named}的任务单发给它重新填报，并从本期目录中移出这份文件"
        )),
    )
}

/// A row that chooses no status, said (a status not on the list is said already): a task
/// the unit leads counts as 未报送 though the unit reported, a task it supports takes the
/// task's status — and a status word in 进展情况 is likely the status typed in the wrong
/// column. A supporter's row left wholly empty is not said: it shares the task's status, as
/// the rules print.
fn no_status(row: &ReturnRow, role: Role, said: &[Diagnostic]) -> Option<Diagnostic> {
    let no = row.task;
    let already = said
        .iter()
        .any(|d| d.code == "return/bad-status" && d.message.starts_with(&format!("第 {no} 项")));
    if row.status.is_some() || already || (role != Role::Lead && row.is_blank()) {
        return None;
    }
    let counted = match role {
        Role::Lead => "（本单位牵头）没有选完成状态，该项按“未报送”计",
        _ => "（本单位配合）没有选完成状态，该项按该任务的完成状态计",
    };
    let misplaced = crate::model::Status::parse(row.progress_text.trim())
        .map(|s| {
            format!(
                "；进展情况栏写的「{}」像是完成状态，请核对是否填错了栏",
                s.label()
            )
        })
        .unwrap_or_default();
    Some(Diagnostic::warning(
        "return/no-status",
        row.status_origin
            .clone()
            .unwrap_or_else(|| row.origin.clone()),
        format!("第 {no} 项任务{counted}{misplaced}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copies(plan: &Plan, n: usize) -> Vec<ReadFile> {
        let plan_id = plan.title.clone().unwrap_or_default();
        (0..n)
            .map(|i| {
                let file = format!("副本{i:05}.xlsx");
                let form = ReturnForm {
                    file: file.clone(),
                    unit: "区教育局".into(),
                    plan_id: plan_id.clone(),
                    sample: false,
                    filled_on: None,
                    filled_on_yearless: None,
                    contact: String::new(),
                    phone: String::new(),
                    rows: Vec::new(),
                };
                let read = ReadForm {
                    form,
                    diagnostics: Vec::new(),
                };
                (file, FileRead::Form(read))
            })
            .collect()
    }

    fn period() -> Period {
        Period::new("2025-半年度", PeriodKind::MidYear, 2025)
    }

    /// Bytes of every finding's message over `n` copies of one unit's return.
    fn findings_size(plan: &Plan, n: usize) -> usize {
        let intake = Intake::new(
            plan,
            &EvaluationConfig::default(),
            &period(),
            copies(plan, n),
        );
        assert!(intake.files.iter().all(|f| f.outcome == Outcome::Conflict));
        intake
            .files
            .iter()
            .flat_map(|f| &f.findings)
            .map(|d| d.message.len())
            .sum()
    }

    #[test]
    fn duplicates_cost_grows_linearly() {
        let text = "# 测试方案\n\n序号\t具体内容\t责任单位\n1\t做好甲事。\t区教育局\n";
        let plan = crate::ingest::plan_from_text_bytes(text.as_bytes(), "t.md").unwrap();
        let (small, large) = (findings_size(&plan, 200), findings_size(&plan, 800));
        // Four times the files, about four times the text (it was sixteen).
        assert!(large < small * 5, "{small} → {large}");
        let two = Intake::new(
            &plan,
            &EvaluationConfig::default(),
            &period(),
            copies(&plan, 2),
        );
        let message = &two.files[0].findings[0].message;
        assert!(
            message.contains("（副本00000.xlsx、副本00001.xlsx）"),
            "{message}"
        );
        let many = Intake::new(
            &plan,
            &EvaluationConfig::default(),
            &period(),
            copies(&plan, 200),
        );
        assert!(
            many.files[0].findings[0]
                .message
                .contains("副本00005.xlsx 等 200 份）")
        );
    }
}
