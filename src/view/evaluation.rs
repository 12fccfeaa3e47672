//! Views of an [`Evaluation`]: the period's report and the units' assessment packets. Numbers
//! are formatted here once (`71.8%`, `—`), so the Markdown, the PDF and the XLSX agree.

use std::collections::BTreeMap;

use serde::Serialize;

use super::section_heading;
use crate::base::date;
use crate::base::number::{fmt_number, fmt_rate};
use crate::evaluate::{Evaluation, Outcome, TaskResult, UnitReport};
use crate::model::{Comparator, Plan, Role, Status};

/// The colour of a status wherever it is drawn (PDF and Excel charts), so 滞后 is always the
/// same orange.
pub fn status_color(status: Status) -> [u8; 3] {
    match status {
        Status::Completed => [0x2E, 0x7D, 0x32],
        Status::OnSchedule => [0x15, 0x65, 0xC0],
        Status::Lagging => [0xEF, 0x6C, 0x00],
        Status::NotStarted => [0x9E, 0x9E, 0x9E],
        Status::Missing => [0xC6, 0x28, 0x28],
    }
}

/// The colour of a chart's series `index` named `name`: its status's colour when it names
/// one (charts carry their series by the labels the report prints), else a palette's.
pub fn series_color(name: &str, index: usize) -> [u8; 3] {
    match Status::ALL.into_iter().find(|s| s.label() == name) {
        Some(status) => status_color(status),
        None => [[0x15, 0x65, 0xC0], [0x2E, 0x7D, 0x32], [0xEF, 0x6C, 0x00]][index % 3],
    }
}

/// `71.8%`, `13.0%`, or `—` when there is nothing to divide.
pub fn percent(value: Option<f64>) -> String {
    value
        .map(|v| format!("{}%", fmt_rate(v)))
        .unwrap_or_else(|| "—".into())
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64 * 100.0)
}

/// A count and its share.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// 已完成 …
    pub label: &'static str,
    /// How many.
    pub count: usize,
    /// Its share of the whole, `19.2%`.
    pub share: String,
    /// The same unrounded, percent (XLSX).
    pub share_value: Option<f64>,
}

/// A row of counts by status (a section, a group, a unit's lead tasks).
#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    /// What the row is.
    pub name: String,
    /// Tasks.
    pub total: usize,
    /// Counts in [`Status::ALL`] order.
    pub counts: Vec<usize>,
    /// 已完成 / total.
    pub completion_rate: String,
    /// The same as a number (charts), 0 when there are no tasks.
    pub completion_value: f64,
    /// The same unrounded (XLSX).
    pub completion: Option<f64>,
}

fn status_row(name: String, statuses: impl Iterator<Item = Status>) -> StatusRow {
    let mut counts = vec![0usize; 5];
    let mut total = 0;
    for status in statuses {
        total += 1;
        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
            counts[i] += 1;
        }
    }
    let rate = share(counts[0], total);
    StatusRow {
        name,
        total,
        counts,
        completion_rate: percent(rate),
        completion_value: rate.map_or(0.0, |r| (r * 10.0).round() / 10.0),
        completion: rate,
    }
}

/// A unit's line of the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct UnitLine {
    /// 名次 (`—` for a unit that leads no task).
    pub rank: String,
    /// True when ranked (it leads tasks).
    pub ranked: bool,
    /// 名次 as a number, for ordering and the workbook.
    pub rank_value: Option<usize>,
    /// The unit.
    pub unit: String,
    /// True when its return was used.
    pub returned: bool,
    /// True when it sent returns that wait for a decision (two of them): it did report.
    pub pending: bool,
    /// Why they wait, as the file list says it (重复报送待定, 待核实); empty when none do.
    pub pending_as: String,
    /// Lead tasks.
    pub lead_total: usize,
    /// Lead tasks by status, [`Status::ALL`] order.
    pub counts: Vec<usize>,
    /// Lead completion rate, `—` when it leads none.
    pub completion_rate: String,
    /// The same as a number for charts (0 when it leads none).
    pub completion_value: f64,
    /// The same unrounded (XLSX).
    pub completion: Option<f64>,
    /// Supported tasks.
    pub support_total: usize,
    /// Supported tasks completed.
    pub support_completed: usize,
    /// Score, one decimal.
    pub score: String,
    /// Score as a number.
    pub score_value: f64,
}

/// A task in the report's lists.
#[derive(Debug, Clone, Serialize)]
pub struct TaskLine {
    /// 序号.
    pub no: u32,
    /// （N）group.
    pub group: String,
    /// Content.
    pub content: String,
    /// Leads, joined with 、.
    pub leads: String,
    /// The plan's 责任领导 of the task (王镇长), or empty.
    pub person_name: String,
    /// The same under the source's heading (分管领导：王镇长), or empty.
    pub person: String,
    /// Status.
    pub status: &'static str,
    /// What the lead reported, when the rules changed it.
    pub reported: Option<&'static str>,
    /// Why the status differs from the claim.
    pub note: String,
    /// Lead progress `60%`, or `—`.
    pub progress: String,
    /// Lead 进展情况 (several leads: "单位：text" joined).
    pub progress_text: String,
    /// 存在问题, with the unit when there are several.
    pub problems: String,
    /// 佐证材料 of the leads.
    pub evidence: Vec<String>,
    /// Supporting units' reports, one each, every cell they filled.
    pub supports: Vec<SupportLine>,
    /// The same without the texts: "单位（状态）、…".
    pub supports_brief: String,
    /// 完成时限.
    pub deadline: String,
    /// Score.
    pub score: String,
}

/// A target line.
#[derive(Debug, Clone, Serialize)]
pub struct TargetLine {
    /// 序号.
    pub no: u32,
    /// The phrase.
    pub phrase: String,
    /// `≥ 30个`.
    pub target: String,
    /// Reported value `28个`, or `未报`.
    pub reported: String,
    /// `93.3%` or `—`.
    pub attained: String,
    /// 达成 / 未达成 / 未报, and what it was judged against when not the year's target.
    pub verdict: String,
    /// Who reported.
    pub reporter: String,
}

/// A file line.
#[derive(Debug, Clone, Serialize)]
pub struct FileLine {
    /// File name within the period folder.
    pub file: String,
    /// Unit, or `—`.
    pub unit: String,
    /// 填报日期 or `—`.
    pub filled_on: String,
    /// 联系人 and 联系电话, or `—`.
    pub contact: String,
    /// 处理结果.
    pub outcome: &'static str,
    /// True when its data is used.
    pub used: bool,
    /// Every reason and problem, with its cell: `C5：…`.
    pub notes: Vec<String>,
}

/// The period report (评估报告).
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationView {
    /// Report title.
    pub title: String,
    /// The year-end packets' index title (考核汇总).
    pub index_title: String,
    /// Plan title.
    pub plan_title: String,
    /// 发文字号.
    pub doc_number: String,
    /// Whether the notice asks for the evaluation (…做好中期及年度跟踪评估): the report
    /// opens citing that request, else the plan's 要求 only.
    pub evaluation_asked: bool,
    /// Issuer.
    pub issuer: String,
    /// 2025年半年度.
    pub period_title: String,
    /// The folder name.
    pub period_label: String,
    /// 2025年6月30日.
    pub period_end: String,
    /// 50% / 100%.
    pub elapsed: String,
    /// True when built from 示例 returns.
    pub sample: bool,
    /// Tasks.
    pub task_total: usize,
    /// Units with tasks.
    pub unit_total: usize,
    /// Units ranked (those leading tasks).
    pub ranked_total: usize,
    /// Units whose return was used.
    pub units_returned: usize,
    /// Files in the folder.
    pub file_total: usize,
    /// Files by outcome: (label, count), only outcomes that occur.
    pub file_counts: Vec<(String, usize)>,
    /// By status over all tasks.
    pub statuses: Vec<StatusCount>,
    /// 完成率.
    pub completion_rate: String,
    /// 达序时率: (已完成 + 序时推进) / total.
    pub on_track_rate: String,
    /// By section.
    pub sections: Vec<StatusRow>,
    /// By group.
    pub groups: Vec<StatusRow>,
    /// Units by rank.
    pub units: Vec<UnitLine>,
    /// Units in plan order (the chart reads better in a stable order).
    pub units_in_order: Vec<UnitLine>,
    /// 滞后 and 未启动 tasks.
    pub behind: Vec<TaskLine>,
    /// 未报送 tasks a lead of which sent no form.
    pub unreported: Vec<TaskLine>,
    /// 未报送 tasks whose leads all sent forms, one choosing no status for them (or one not
    /// on the list): counted as 未报送, said apart — the units did report.
    pub unfilled: Vec<TaskLine>,
    /// Every task.
    pub tasks: Vec<TaskLine>,
    /// Whether a supporting unit wrote more than its status: 任务明细 in the PDF lists each
    /// supporter's status (and problems) and sends the reader to the workbook for the rest.
    pub supporters_reported: bool,
    /// Targets.
    pub targets: Vec<TargetLine>,
    /// Units with no usable return.
    pub missing_units: Vec<String>,
    /// The heading of the plan's 责任领导 column, when any task names one.
    pub person_heading: Option<String>,
    /// The period's year outside the plan's, said.
    pub year_mismatch: Option<String>,
    /// Every file.
    pub files: Vec<FileLine>,
    /// Status names in column order.
    pub status_labels: Vec<&'static str>,
    /// The rules, one sentence each.
    pub rules: Vec<String>,
    /// The bar charts the PDF draws, by the name a template gives its 图表 block
    /// (`by_section`, `completion_by_unit`, `score_by_unit`); the numbers are these, never
    /// read back from the Markdown.
    pub charts: BTreeMap<&'static str, Chart>,
}

/// A bar chart: one bar per row, stacked when there are several series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// Series names, in stacking order.
    pub series: Vec<String>,
    /// True when the values are percentages: the axis runs to 100.
    pub percent: bool,
    /// The bars.
    pub bars: Vec<ChartBar>,
}

/// One bar of a [`Chart`]: its label and one value per series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartBar {
    /// What the bar is (a section, a unit).
    pub label: String,
    /// One value per series.
    pub values: Vec<f64>,
}

/// The report's charts: statuses by section, the completion rate of each unit that leads
/// tasks (highest first), and the score of every ranked unit (rank order).
fn charts(
    sections: &[StatusRow],
    units: &[UnitLine],
    units_in_order: &[UnitLine],
) -> BTreeMap<&'static str, Chart> {
    let labels: Vec<String> = Status::ALL.iter().map(|s| s.label().to_string()).collect();
    let by_section = Chart {
        series: labels,
        percent: false,
        bars: sections
            .iter()
            .map(|s| ChartBar {
                label: s.name.clone(),
                values: s.counts.iter().map(|c| *c as f64).collect(),
            })
            .collect(),
    };
    // Highest completion first (plan order among equals): a reader looks for who is ahead
    // and who is behind.
    let mut leading: Vec<&UnitLine> = units_in_order.iter().filter(|u| u.lead_total > 0).collect();
    leading.sort_by(|a, b| b.completion_value.total_cmp(&a.completion_value));
    let completion = Chart {
        series: vec!["完成率（%）".into()],
        percent: true,
        bars: leading
            .iter()
            .map(|u| ChartBar {
                label: u.unit.clone(),
                values: vec![u.completion_value],
            })
            .collect(),
    };
    // Ranked units only: a unit that leads nothing is scored on its support alone, and its
    // bar among the ranked ones would read as a rank it does not have.
    let score = Chart {
        series: vec!["得分".into()],
        percent: false,
        bars: units
            .iter()
            .filter(|u| u.ranked)
            .map(|u| ChartBar {
                label: u.unit.clone(),
                values: vec![u.score_value],
            })
            .collect(),
    };
    BTreeMap::from([
        ("by_section", by_section),
        ("completion_by_unit", completion),
        ("score_by_unit", score),
    ])
}

fn unit_line(u: &crate::evaluate::UnitResult, pending_as: String) -> UnitLine {
    let pending_as = if u.file.is_none() {
        pending_as
    } else {
        String::new()
    };
    UnitLine {
        rank: u.rank.map_or_else(|| "—".into(), |r| r.to_string()),
        ranked: u.rank.is_some(),
        rank_value: u.rank,
        unit: u.unit.clone(),
        returned: u.file.is_some(),
        pending: !pending_as.is_empty(),
        pending_as,
        lead_total: u.lead_total,
        counts: u.lead_by_status.to_vec(),
        completion_rate: percent(u.completion_rate),
        completion_value: u.completion_rate.map_or(0.0, |r| (r * 10.0).round() / 10.0),
        completion: u.completion_rate,
        support_total: u.support_total,
        support_completed: u.support_completed,
        score: format!("{:.1}", u.score),
        score_value: (u.score * 10.0).round() / 10.0,
    }
}

fn joined_reports(reports: &[UnitReport], pick: impl Fn(&UnitReport) -> &str) -> String {
    let filled: Vec<&UnitReport> = reports.iter().filter(|r| !pick(r).is_empty()).collect();
    match filled.as_slice() {
        [] => String::new(),
        [only] if reports.len() == 1 => pick(only).to_string(),
        many => many
            .iter()
            .map(|r| format!("{}：{}", r.unit, pick(r)))
            .collect::<Vec<_>>()
            .join("；"),
    }
}

/// A task as the report lists it.
pub fn task_line(plan: &Plan, t: &TaskResult) -> TaskLine {
    let person = (plan.task(t.no).and_then(|task| task.person.as_deref()))
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
    let lead_reported = t.lead_reports.iter().map(|r| r.reported).min();
    let progress: Vec<String> = t
        .lead_reports
        .iter()
        .filter_map(|r| r.progress.map(|p| format!("{}%", fmt_number(p))))
        .collect();
    TaskLine {
        no: t.no,
        group: super::sheet_group(plan, t.group),
        content: t.content.clone(),
        leads: if t.leads.is_empty() {
            "—".into()
        } else {
            t.leads.join("、")
        },
        person_name: person.clone(),
        person: match person.as_str() {
            "" => String::new(),
            name => format!("{}：{name}", super::person_heading(plan)),
        },
        status: t.status.label(),
        reported: lead_reported
            .filter(|r| *r != t.status && *r != Status::Missing)
            .map(Status::label),
        note: t.note.clone().unwrap_or_default(),
        progress: if progress.is_empty() {
            "—".into()
        } else {
            progress.join("、")
        },
        progress_text: joined_reports(&t.lead_reports, |r| &r.progress_text),
        problems: joined_reports(&t.lead_reports, |r| &r.problems),
        evidence: t
            .lead_reports
            .iter()
            .flat_map(|r| r.evidence.iter().cloned())
            .collect(),
        supports: t.support_reports.iter().map(support_line).collect(),
        supports_brief: t
            .support_reports
            .iter()
            .map(
                |r| match r.problems.trim().trim_end_matches(['。', '；', ';']) {
                    "" => format!("{}（{}）", r.unit, support_status(r)),
                    problems => {
                        format!("{}（{}；存在问题：{problems}）", r.unit, support_status(r))
                    }
                },
            )
            .collect::<Vec<_>>()
            .join("、"),
        // A deadline that names no date (长期坚持) as the plan writes it.
        deadline: t.deadline.map(date::chinese).unwrap_or_else(|| {
            (plan.task(t.no).and_then(|task| task.deadline_text.clone()))
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| "—".into())
        }),
        score: fmt_number(t.score),
    }
}

/// A supporting unit's report on a task: every cell of its row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportLine {
    /// The unit.
    pub unit: String,
    /// Its status as reported, and the rules' where they differ (报序时推进，计滞后).
    pub status: String,
    /// 完成进度, `71.8%` or `—`.
    pub progress: String,
    /// 进展情况.
    pub progress_text: String,
    /// 量化目标完成值 as written.
    pub target_value: String,
    /// 存在问题.
    pub problems: String,
    /// 佐证材料, `；` between.
    pub evidence: String,
}

fn support_line(r: &crate::evaluate::UnitReport) -> SupportLine {
    SupportLine {
        unit: r.unit.clone(),
        status: support_status(r),
        progress: r
            .progress
            .map_or_else(|| "—".into(), |p| format!("{}%", fmt_number(p))),
        progress_text: r.progress_text.clone(),
        target_value: r.target_value.trim().trim_matches('—').to_string(),
        problems: r.problems.clone(),
        evidence: r.evidence.join("；"),
    }
}

fn target_lines(t: &TaskResult) -> Vec<TargetLine> {
    t.targets
        .iter()
        .map(|g| {
            let op = match g.comparator {
                Comparator::AtLeast => "≥ ",
                Comparator::AtMost => "≤ ",
                Comparator::Eq => "",
            };
            let verdict = match g.met {
                Some(true) => "达成",
                Some(false) => "未达成",
                None => "未报",
            };
            // At mid-year against the plan's figure for then, both figures shown.
            let (target, verdict) = match &g.stage {
                Some(stage) => (
                    format!(
                        "全年{op}{}{unit}；{} {}{unit}",
                        fmt_number(g.value),
                        stage.by,
                        fmt_number(stage.value),
                        unit = g.unit
                    ),
                    match g.met {
                        Some(_) => format!("{verdict}（对照{}）", stage.by),
                        None => verdict.to_string(),
                    },
                ),
                None => (
                    format!("{op}{}{}", fmt_number(g.value), g.unit),
                    verdict.to_string(),
                ),
            };
            TargetLine {
                no: t.no,
                phrase: g.phrase.clone(),
                target,
                reported: g
                    .reported
                    .map(|r| format!("{}{}", fmt_number(r), g.unit))
                    .unwrap_or_else(|| "未报".into()),
                attained: percent(g.attained),
                verdict,
                reporter: g.reporter.clone().unwrap_or_else(|| "—".into()),
            }
        })
        .collect()
}

/// Why a unit's returns are set aside, as the file list says it (重复报送待定: two of them;
/// 待核实: a file named for another unit): it did report, not "未报送". Empty when none is.
fn waiting_as(e: &Evaluation, unit: &str) -> String {
    use crate::evaluate::Outcome;
    let mut why: Vec<&str> = (e.files.iter())
        .filter(|f| matches!(f.outcome, Outcome::Conflict | Outcome::Held))
        .filter(|f| f.unit.as_deref() == Some(unit))
        .map(|f| f.outcome.label())
        .collect();
    why.dedup();
    why.join("、")
}

/// A unit without a usable return, and why when it did send something: 区民政局 sent two
/// returns, and is 重复报送待定, not 未报送.
fn missing_unit(e: &Evaluation, unit: &str) -> String {
    let sent: Vec<&crate::evaluate::FileRecord> = e
        .files
        .iter()
        .filter(|f| f.unit.as_deref() == Some(unit))
        .collect();
    if sent.is_empty() {
        return unit.to_string();
    }
    let mut outcomes: Vec<&str> = sent.iter().map(|f| f.outcome.label()).collect();
    outcomes.dedup();
    format!("{unit}（报送 {} 份，{}）", sent.len(), outcomes.join("、"))
}

/// Whether every lead of task `no` sent a form this period: a 未报送 task is then one a
/// lead's form left without a status.
fn leads_returned(plan: &Plan, e: &Evaluation, no: u32) -> bool {
    let Some(task) = plan.task(no) else {
        return false;
    };
    task.leads()
        .all(|lead| (e.units.iter()).any(|u| u.unit == lead.name && u.file.is_some()))
}

/// A supporting unit's status beside the task: 未填写状态 where its row has words and no
/// status (its score then takes the task's); what it reported and what the rules count
/// when they differ (报序时推进，计滞后).
fn support_status(r: &UnitReport) -> String {
    match r.reported {
        Status::Missing => "未填写状态".to_string(),
        // What it reported first: the rules' verdict (逾期, below the 序时进度) beside it.
        reported if reported != r.status => {
            format!("报{}，计{}", reported.label(), r.status.label())
        }
        _ => r.status.label().to_string(),
    }
}

/// What a unit reported of a task, before the rules (序时推进 though overdue): 未填写 where
/// its form leaves the status empty, 未报送 where it sent none.
fn own_status(own: Option<&UnitReport>, returned: bool) -> &'static str {
    match own.map(|r| r.reported) {
        Some(Status::Missing) | None if returned => "未填写",
        Some(Status::Missing) | None => "未报送",
        Some(reported) => reported.label(),
    }
}

/// The plan's title and the period, the year said once: "…2025年重点工作安排半年度", not
/// "…2025年重点工作安排2025年半年度".
fn after_plan(plan_title: &str, period: &crate::model::Period) -> String {
    let year = format!("{}年", period.year);
    if plan_title.contains(&year) {
        // 2026年半年度 → 半年度, 2026年度 → 年度 (its 年 is the kind's, not the year's).
        let title = period.title();
        let rest = title.trim_start_matches(&year.replace('年', ""));
        let kind = if rest.starts_with("年度") {
            rest
        } else {
            rest.trim_start_matches('年')
        };
        format!("{plan_title}{kind}")
    } else {
        format!("{plan_title}{}", period.title())
    }
}

/// A finding's place as a reader says it (a report is for people, not for a spreadsheet
/// formula): 任务清单表 I5 单元格.
fn cell_of(location: &crate::base::diag::Location) -> Option<String> {
    match location {
        crate::base::diag::Location::Cell { sheet, cell, .. } => {
            Some(format!("{sheet}表 {cell} 单元格"))
        }
        crate::base::diag::Location::Line { line, .. } => Some(format!("第 {line} 行")),
        crate::base::diag::Location::Paragraph { index, .. } => Some(format!("第 {index} 段")),
        crate::base::diag::Location::Sheet { sheet, .. } => Some(format!("工作表「{sheet}」")),
        crate::base::diag::Location::File { .. } => None,
    }
}

impl EvaluationView {
    /// The view of `e` for `plan`.
    pub fn new(plan: &Plan, e: &Evaluation) -> EvaluationView {
        let plan_title = plan.title.clone().unwrap_or_default();
        let total = e.tasks.len();
        let (sections, groups) = breakdown(plan, e);
        let units_in_order: Vec<UnitLine> = (e.units.iter())
            .map(|u| unit_line(u, waiting_as(e, &u.unit)))
            .collect();
        let units = ranked(&units_in_order);
        let tasks: Vec<TaskLine> = e.tasks.iter().map(|t| task_line(plan, t)).collect();
        let with_status = |wanted: &[Status]| -> Vec<TaskLine> {
            e.tasks
                .iter()
                .zip(&tasks)
                .filter(|(result, _)| wanted.contains(&result.status))
                .map(|(_, line)| line.clone())
                .collect()
        };
        let charts = charts(&sections, &units, &units_in_order);
        EvaluationView {
            title: format!("{}评估报告", after_plan(&plan_title, &e.period)),
            index_title: format!("{}考核汇总", after_plan(&plan_title, &e.period)),
            plan_title,
            doc_number: plan.notice.doc_number.clone().unwrap_or_default(),
            evaluation_asked: (plan.notice.body.iter()).any(|p| p.text.contains("评估")),
            issuer: super::issuer_in_a_sentence(plan),
            period_title: e.period.title(),
            period_label: e.period.label.clone(),
            period_end: date::chinese(e.period.end),
            elapsed: format!("{}%", fmt_rate(e.schedule_share)),
            sample: e.sample,
            task_total: total,
            unit_total: e.units.len(),
            ranked_total: e.units.iter().filter(|u| u.rank.is_some()).count(),
            units_returned: e.units.iter().filter(|u| u.file.is_some()).count(),
            file_total: e.files.len(),
            file_counts: file_counts(e),
            statuses: statuses(e),
            completion_rate: percent(share(e.count_tasks(Status::Completed), total)),
            on_track_rate: percent(share(
                e.count_tasks(Status::Completed) + e.count_tasks(Status::OnSchedule),
                total,
            )),
            sections,
            groups,
            units,
            units_in_order,
            behind: with_status(&[Status::Lagging, Status::NotStarted]),
            unreported: (with_status(&[Status::Missing]).into_iter())
                .filter(|t| !leads_returned(plan, e, t.no))
                .collect(),
            unfilled: (with_status(&[Status::Missing]).into_iter())
                .filter(|t| leads_returned(plan, e, t.no))
                .collect(),
            charts,
            targets: e.tasks.iter().flat_map(target_lines).collect(),
            supporters_reported: (e.tasks.iter().flat_map(|t| &t.support_reports)).any(|r| {
                [&r.progress_text, &r.target_value]
                    .iter()
                    .any(|text| !matches!(text.trim(), "" | "—"))
                    || !r.evidence.is_empty()
            }),
            tasks,
            missing_units: e.missing_units.iter().map(|u| missing_unit(e, u)).collect(),
            year_mismatch: e.year_mismatch.clone(),
            person_heading: (plan.tasks.iter().any(|t| t.person.is_some()))
                .then(|| super::person_heading(plan)),
            files: e.files.iter().map(file_line).collect(),
            status_labels: Status::ALL.iter().map(|s| s.label()).collect(),
            rules: rules(e),
        }
    }
}

/// How many tasks have each status, and their share.
fn statuses(e: &Evaluation) -> Vec<StatusCount> {
    let total = e.tasks.len();
    Status::ALL
        .iter()
        .map(|s| StatusCount {
            label: s.label(),
            count: e.count_tasks(*s),
            share: percent(share(e.count_tasks(*s), total)),
            share_value: share(e.count_tasks(*s), total),
        })
        .collect()
}

/// The statuses by section and by group.
fn breakdown(plan: &Plan, e: &Evaluation) -> (Vec<StatusRow>, Vec<StatusRow>) {
    let sections = plan
        .sections
        .iter()
        .map(|s| {
            // A plan of one untitled part (a ledger without parts) counts all its tasks so.
            let name = match section_heading(&s.numeral, &s.title) {
                name if !name.trim().is_empty() => name,
                _ if plan.sections.len() == 1 => "全部任务".to_string(),
                _ => "（未分部分）".to_string(),
            };
            status_row(
                name,
                e.tasks
                    .iter()
                    .filter(|t| t.section == s.no)
                    .map(|t| t.status),
            )
        })
        .collect();
    // Without any group's title there are no 事项 to count by: the parts say it all.
    let titled = super::has_group_titles(plan);
    let groups = plan
        .groups()
        .filter(|_| titled)
        .map(|g| {
            status_row(
                super::sheet_group(plan, g.no),
                e.tasks.iter().filter(|t| t.group == g.no).map(|t| t.status),
            )
        })
        .collect();
    (sections, groups)
}

/// Ranked units by rank, then those leading nothing, by score.
fn ranked(units_in_order: &[UnitLine]) -> Vec<UnitLine> {
    let mut units = units_in_order.to_vec();
    units.sort_by(|a, b| {
        let key = |u: &UnitLine| (u.rank_value.is_none(), u.rank_value);
        key(a)
            .cmp(&key(b))
            .then(b.score_value.total_cmp(&a.score_value))
            .then(a.unit.cmp(&b.unit))
    });
    units
}

/// How many returned files came to each outcome, those that did.
fn file_counts(e: &Evaluation) -> Vec<(String, usize)> {
    [
        Outcome::Accepted,
        Outcome::AcceptedWithWarnings,
        Outcome::Superseded,
        Outcome::Conflict,
        Outcome::Held,
        Outcome::Rejected,
        Outcome::NotAForm,
        Outcome::Ignored,
    ]
    .into_iter()
    .map(|outcome| (outcome.label().to_string(), e.count_files(outcome)))
    .filter(|(_, n)| *n > 0)
    .collect()
}

/// A returned file, what became of it and why.
fn file_line(f: &crate::evaluate::FileRecord) -> FileLine {
    FileLine {
        file: f.file.clone(),
        unit: f.unit.clone().unwrap_or_else(|| "—".into()),
        filled_on: f
            .filled_on
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into()),
        contact: match f.contact.as_str() {
            "" => "—".into(),
            contact => contact.to_string(),
        },
        outcome: f.outcome.label(),
        used: f.outcome.used(),
        notes: f
            .findings
            .iter()
            .map(|d| match cell_of(&d.location) {
                Some(at) => format!("{at}：{}", d.message),
                None => d.message.clone(),
            })
            .collect(),
    }
}

/// The rules the evaluation applied, in the words the report prints them.
fn rules(e: &Evaluation) -> Vec<String> {
    let s = &e.scores;
    let r = &e.rules;
    let mut rules = vec![
        "任务完成状态以牵头单位报送的状态为准；有多个牵头单位的，取进展最慢者；牵头单位未报送或未填写的，记为“未报送”。".to_string(),
        format!(
            "完成时限在{}之前（含当日）的任务，报“序时推进”的按“滞后（逾期）”计。",
            date::chinese(e.period.end)
        ),
    ];
    if r.schedule_rule {
        rules.push("报“序时推进”但完成进度低于序时进度（截至评估日已过时间占完成时限的比例）的，按“滞后”计；没有写明完成日期的任务（如“长期坚持”“每季度”）不作此项判断。".into());
    }
    rules.push(format!(
        "每项任务得分：已完成 {}、序时推进 {}、滞后 {}、未启动 {}、未报送 {} 分。",
        fmt_number(s.completed),
        fmt_number(s.on_schedule),
        fmt_number(s.lagging),
        fmt_number(s.not_started),
        fmt_number(s.missing)
    ));
    rules.push(format!(
        "单位得分为其各项任务得分的加权平均：牵头任务权重 {}，配合任务权重 {}；配合单位已报送但未填某项的，按该任务的完成状态计；整份未报送的，按“未报送”计。",
        fmt_number(r.lead_weight),
        fmt_number(r.support_weight)
    ));
    rules.push(
        "完成率 = 已完成任务数 ÷ 任务总数；达序时率 = （已完成 + 序时推进）÷ 任务总数。".into(),
    );
    rules.push(
        "按得分排名，得分相同的名次并列；没有牵头任务的单位不参与排名，列于排名表末，其得分只反映配合任务。"
            .into(),
    );
    rules.push(if r.prefer_latest {
        "同一单位本期报送多份的，采用填报日期最晚的一份。".into()
    } else {
        "同一单位本期报送多份的，均暂不采用，待确认采用哪一份后重新评估。".into()
    });
    rules
}

/// A task in a unit's packet.
#[derive(Debug, Clone, Serialize)]
pub struct PacketTask {
    /// The task as the report lists it.
    #[serde(flatten)]
    pub line: TaskLine,
    /// The unit's own status on it.
    pub own_status: &'static str,
    /// The unit's own progress text.
    pub own_text: String,
    /// The unit's own evidence.
    pub own_evidence: Vec<String>,
    /// The unit's own problems.
    pub own_problems: String,
}

/// One unit's year-end assessment packet (考核材料).
#[derive(Debug, Clone, Serialize)]
pub struct PacketView {
    /// The unit.
    pub unit: String,
    /// Plan title.
    pub plan_title: String,
    /// 发文字号.
    pub doc_number: String,
    /// Issuer.
    pub issuer: String,
    /// 2025年度.
    pub period_title: String,
    /// True for 示例 data.
    pub sample: bool,
    /// Its line of the ranking.
    pub line: UnitLine,
    /// Units with tasks.
    pub unit_total: usize,
    /// Units ranked (those leading tasks).
    pub ranked_total: usize,
    /// The file used, or `—`.
    pub file: String,
    /// Its lead tasks.
    pub lead_tasks: Vec<PacketTask>,
    /// Its supported tasks.
    pub support_tasks: Vec<PacketTask>,
    /// Targets of its lead tasks.
    pub targets: Vec<TargetLine>,
    /// Its own 存在问题, "第N项：…".
    pub issues: Vec<String>,
    /// What was found in its file.
    pub findings: Vec<String>,
    /// Status names in column order.
    pub status_labels: Vec<&'static str>,
}

impl PacketView {
    /// Packets of every unit, in plan order.
    pub fn all(plan: &Plan, e: &Evaluation, report: &EvaluationView) -> Vec<PacketView> {
        e.units
            .iter()
            .map(|u| {
                let line = report
                    .units_in_order
                    .iter()
                    .find(|l| l.unit == u.unit)
                    .cloned()
                    .unwrap_or_else(|| unit_line(u, String::new()));
                let mut lead_tasks = Vec::new();
                let mut support_tasks = Vec::new();
                let mut targets = Vec::new();
                let mut issues = Vec::new();
                for t in &e.tasks {
                    let own = t
                        .lead_reports
                        .iter()
                        .chain(&t.support_reports)
                        .find(|r| r.unit == u.unit);
                    let assignment = plan.task(t.no).and_then(|task| task.assignment(&u.unit));
                    let Some(assignment) = assignment else {
                        continue;
                    };
                    let role = assignment.role;
                    // A 相关街镇 task the unit said nothing about is not its task: not listed,
                    // as it is not counted (the counts and the lists agree).
                    if own.is_none() && (role == Role::Lead || assignment.conditional) {
                        continue;
                    }
                    let packet_task = PacketTask {
                        line: task_line(plan, t),
                        own_status: own_status(own, u.file.is_some()),
                        own_text: own.map(|r| r.progress_text.clone()).unwrap_or_default(),
                        own_evidence: own.map(|r| r.evidence.clone()).unwrap_or_default(),
                        own_problems: own.map(|r| r.problems.clone()).unwrap_or_default(),
                    };
                    if let Some(r) = own
                        && !r.problems.is_empty()
                    {
                        issues.push(format!("第 {} 项：{}", t.no, r.problems));
                    }
                    if role == Role::Lead {
                        targets.extend(target_lines(t));
                        lead_tasks.push(packet_task);
                    } else {
                        support_tasks.push(packet_task);
                    }
                }
                let file = e.files.iter().find(|f| Some(&f.file) == u.file.as_ref());
                PacketView {
                    unit: u.unit.clone(),
                    plan_title: report.plan_title.clone(),
                    doc_number: report.doc_number.clone(),
                    issuer: report.issuer.clone(),
                    period_title: report.period_title.clone(),
                    sample: e.sample,
                    line,
                    unit_total: e.units.len(),
                    ranked_total: e.units.iter().filter(|u| u.rank.is_some()).count(),
                    file: u.file.clone().unwrap_or_else(|| "—".into()),
                    lead_tasks,
                    support_tasks,
                    targets,
                    issues,
                    findings: file
                        .map(|f| f.findings.iter().map(|d| d.message.clone()).collect())
                        .unwrap_or_default(),
                    status_labels: Status::ALL.iter().map(|s| s.label()).collect(),
                }
            })
            .collect()
    }
}
