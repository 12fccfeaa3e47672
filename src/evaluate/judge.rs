//! Judge: each task's status from its leads' returns under the rules, and its quantified
//! targets against the values reported.

use super::intake::Intake;
use super::{StageTarget, TargetResult, TaskResult, UnitReport};
use crate::base::cjk::{excerpt, tidy_spacing};
use crate::base::date::{self, Date};
use crate::base::diag::{Diagnostic, Location};
use crate::base::number::{fmt_number, fmt_rate, numbers_in};
use crate::config::{EvaluationConfig, ScoreTable};
use crate::model::{Assignment, Comparator, Period, Plan, Status, Task};

/// Every task judged, and what was wrong with the values units reported (by unit).
pub(super) struct Judged {
    pub tasks: Vec<TaskResult>,
    pub findings: Vec<(String, Diagnostic)>,
}

/// Judges every task of the plan, in plan order.
pub(super) fn tasks(
    plan: &Plan,
    rules: &EvaluationConfig,
    period: &Period,
    scores: &ScoreTable,
    intake: &Intake,
) -> Judged {
    let mut findings = Vec::new();
    let tasks = plan
        .tasks
        .iter()
        .map(|task| {
            let report = |a: &Assignment| unit_report(task, a, period, rules, intake);
            let lead_reports: Vec<UnitReport> = task.leads().filter_map(report).collect();
            let support_reports: Vec<UnitReport> = task
                .supports()
                .filter_map(report)
                // A supporter's row with words but no status stays: what it wrote is shown.
                .filter(|r| r.reported != Status::Missing || r.origin.is_some())
                .collect();
            let (status, note) = task_status(&lead_reports);
            let stages = stage_targets(plan, task, period);
            let targets = targets(task, &lead_reports, &stages, intake, &mut findings);
            TaskResult {
                no: task.no,
                section: task.section,
                group: task.group,
                content: tidy_spacing(&task.content),
                deadline: task.deadline,
                leads: task.leads().map(|a| a.name.clone()).collect(),
                status,
                note,
                score: scores.of(status),
                lead_reports,
                support_reports,
                targets,
            }
        })
        .collect();
    Judged { tasks, findings }
}

/// One assigned unit's report on `task`, judged; `None` for a 相关街镇 that said nothing
/// (concerned only where it says so).
fn unit_report(
    task: &Task,
    a: &Assignment,
    period: &Period,
    rules: &EvaluationConfig,
    intake: &Intake,
) -> Option<UnitReport> {
    let row = intake.row_of(&a.name, task.no).filter(|r| !r.is_blank());
    if a.conditional && row.is_none() {
        return None;
    }
    let reported = row.and_then(|r| r.status).unwrap_or(Status::Missing);
    let progress = row.and_then(|r| r.progress);
    let span = (task.start, task.deadline);
    let (status, note) = judge(reported, progress, span, period, rules);
    Some(UnitReport {
        unit: a.name.clone(),
        role: a.role,
        reported,
        status,
        note,
        progress,
        progress_text: row.map(|r| r.progress_text.clone()).unwrap_or_default(),
        problems: row.map(|r| r.problems.clone()).unwrap_or_default(),
        evidence: row.map(|r| r.evidence.clone()).unwrap_or_default(),
        target_value: row.map(|r| r.target_value.clone()).unwrap_or_default(),
        text_intact: row.is_none_or(|r| r.text_intact),
        origin: row.map(|r| r.origin.clone()),
    })
}

/// The task's status is its least advanced lead's, with why when that needs saying.
fn task_status(lead_reports: &[UnitReport]) -> (Status, Option<String>) {
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
    (status, note)
}

/// The rules applied to one unit's claim on work from `start` (when the plan says) to
/// `deadline`: (status, why it changed). The claim is an input, not the verdict: 序时推进
/// past the deadline, or below the 序时进度, is 滞后.
pub fn judge(
    reported: Status,
    progress: Option<f64>,
    (start, deadline): (Option<Date>, Option<Date>),
    period: &Period,
    rules: &EvaluationConfig,
) -> (Status, Option<String>) {
    if reported != Status::OnSchedule {
        return (reported, None);
    }
    if let Some(deadline) = deadline
        && period.is_past(deadline)
    {
        return (
            Status::Lagging,
            Some(format!(
                "报“序时推进”，但完成时限（{}）已过，按滞后（逾期）计",
                date::chinese(deadline)
            )),
        );
    }
    // A task with no day to finish by (长期坚持, 每季度) has no 序时进度 to fall behind.
    if rules.schedule_rule
        && let (Some(p), Some(due)) = (progress, deadline)
        && let Some(expected) = period.schedule_share_from(Some(due), start)
        && p < expected
    {
        let from = start
            .filter(|s| *s > period.start())
            .map_or(String::new(), |s| {
                format!("（自启动时间{}起算）", date::chinese(s))
            });
        return (
            Status::Lagging,
            Some(format!(
                "报“序时推进”，但完成进度 {}% 低于序时进度 {}%{from}，按滞后计",
                fmt_number(p),
                fmt_rate(expected)
            )),
        );
    }
    (reported, None)
}

/// The task's targets against the values its first reporting lead wrote (the 汇总 unit).
fn targets(
    task: &Task,
    lead_reports: &[UnitReport],
    stages: &[Option<StageTarget>],
    intake: &Intake,
    findings: &mut Vec<(String, Diagnostic)>,
) -> Vec<TargetResult> {
    let reporter = lead_reports
        .iter()
        .find(|r| !r.target_value.trim().is_empty());
    if let Some(r) = reporter {
        findings.extend(value_said(task, r, intake).map(|d| (r.unit.clone(), d)));
    }
    let answers = reporter.map_or_else(
        || vec![None; task.targets.len()],
        |r| answers(&task.targets, &r.target_value),
    );
    (task.targets.iter().zip(answers).enumerate())
        .map(|(i, (t, reported))| {
            let stage = stages.get(i).cloned().flatten();
            // At mid-year a figure the plan sets for then is what the value answers.
            let goal = stage.as_ref().map_or(t.value, |s| s.value);
            TargetResult {
                phrase: tidy_spacing(&t.phrase),
                value: t.value,
                unit: t.unit.clone(),
                comparator: t.comparator,
                reported,
                attained: reported.filter(|_| goal != 0.0).map(|r| r / goal * 100.0),
                met: reported.map(|r| match t.comparator {
                    Comparator::AtMost => r <= goal,
                    Comparator::Eq | Comparator::AtLeast => r >= goal,
                }),
                reporter: reported.and(reporter.map(|r| r.unit.clone())),
                stage,
            }
        })
        .collect()
}

/// What the plan sets each of `task`'s targets at by the mid-year, where its table has
/// columns for times within the year (阶段目标 over 6月底前, 二季度, 上半年): the figure
/// with the target's measure word in the column for the period's end. Figures for each
/// period that add up to the year's (一季度 200, 二季度 300 … of 1000) are each period's own
/// share: the stage is their sum to the period's end. None at year end (the year's target
/// is the task's own) and where the table says nothing for then.
fn stage_targets(plan: &Plan, task: &Task, period: &Period) -> Vec<Option<StageTarget>> {
    if period.kind != crate::model::PeriodKind::MidYear {
        return vec![None; task.targets.len()];
    }
    let table = &plan.table;
    // Each column for a time within the year: its end, its name (6月底前, 二季度: the time
    // says what it is beside the year's) and its text.
    let columns: Vec<(Date, String, &str)> = (table.schedule_columns.iter())
        .filter_map(|&i| {
            let name = table.extra_columns.get(i)?;
            let end = crate::ingest::deadline::period_end(name, Some(period.year))?;
            let text = task.extra.get(i)?;
            (i32::from(end.year()) == period.year).then_some((end, name.clone(), text.as_str()))
        })
        .collect();
    (task.targets.iter().enumerate())
        .map(|(i, t)| {
            let (unit, scale) = crate::ingest::targets::in_base_unit(&t.unit);
            let rank = (task.targets[..i].iter())
                .filter(|o| crate::ingest::targets::in_base_unit(&o.unit).0 == unit)
                .count();
            let points: Vec<(Date, &str, f64)> = (columns.iter())
                .filter_map(|(end, named, text)| {
                    let same = (crate::ingest::targets::figures(text).into_iter())
                        .filter(|(_, u)| u == unit)
                        .map(|(v, _)| v / scale)
                        .nth(rank)?;
                    Some((*end, named.as_str(), same))
                })
                .collect();
            stage_of(&points, t.value, period.end)
        })
        .collect()
}

/// The stage by `end` among `points` (each time's end, column and figure) of a year's
/// `target`: the figure for that time, or — figures that add up to the year's, each a
/// period's share — their sum to it.
fn stage_of(points: &[(Date, &str, f64)], target: f64, end: Date) -> Option<StageTarget> {
    let total: f64 = points.iter().map(|(_, _, v)| v).sum();
    let shares = points.len() >= 2 && (total - target).abs() <= target.abs() * 0.01;
    if shares {
        let upto: Vec<&(Date, &str, f64)> = points.iter().filter(|(e, _, _)| *e <= end).collect();
        let (first, last) = (upto.first()?, upto.last()?);
        let by = match upto.len() {
            1 => first.1.to_string(),
            _ => format!("{}至{}", first.1, last.1),
        };
        return Some(StageTarget {
            value: upto.iter().map(|(_, _, v)| v).sum(),
            by,
        });
    }
    let (_, by, value) = points.iter().find(|(e, _, _)| *e == end)?;
    Some(StageTarget {
        value: *value,
        by: by.to_string(),
    })
}

/// What is said of the value `r` wrote for `task`: one typed over the locked — of a task
/// the plan sets no figure for (said with its words, not compared), or one without a number.
fn value_said(task: &Task, r: &UnitReport, intake: &Intake) -> Option<Diagnostic> {
    let origin = || {
        intake
            .row_of(&r.unit, task.no)
            .map(|row| row.origin.clone())
            .unwrap_or_else(|| Location::file(r.unit.clone()))
    };
    let written = excerpt(&r.target_value);
    if task.targets.is_empty() && !matches!(r.target_value.trim(), "—" | "-" | "无") {
        return Some(Diagnostic::warning(
            "return/value-without-target",
            origin(),
            format!(
                "第 {} 项任务原文没有量化目标，量化目标完成值栏却填写了「{written}」：未与目标比较，请看其进展情况",
                task.no
            ),
        ));
    }
    (!task.targets.is_empty() && numbers_in(&r.target_value).is_empty()).then(|| {
        Diagnostic::warning(
            "return/not-a-number",
            origin(),
            format!(
                "第 {} 项任务的量化目标完成值「{written}」中没有数字，无法与目标比较",
                task.no
            ),
        )
    })
}

/// The value written for each of `targets`, in the target's measure word. The figures
/// written in a target's measure word answer the targets of that word in turn (1.35万个；
/// 160人 for 300人: 160); a target no figure shares a word with is answered by the numbers
/// in order, when there are as many as targets (or one target).
fn answers(targets: &[crate::model::Target], written: &str) -> Vec<Option<f64>> {
    fn base(t: &crate::model::Target) -> (&str, f64) {
        crate::ingest::targets::in_base_unit(&t.unit)
    }
    let numbers = numbers_in(written);
    let figures = crate::ingest::targets::figures(written);
    let in_order = numbers.len() == targets.len() || targets.len() == 1;
    (targets.iter().enumerate())
        .map(|(i, t)| {
            let (unit, scale) = base(t);
            let same: Vec<f64> = (figures.iter())
                .filter(|(_, u)| u == unit)
                .map(|(v, _)| v / scale)
                .collect();
            let rank = (targets[..i].iter()).filter(|o| base(o).0 == unit).count();
            match same.get(rank) {
                Some(value) => Some(*value),
                None if same.is_empty() && in_order => numbers.get(i).copied(),
                None => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PeriodKind;

    #[test]
    fn a_stage_is_the_figure_for_then_or_the_shares_up_to_it() {
        let d = |m| date::month_end(2025, m).unwrap();
        // Figures that grow to the year's: each is where the work stands by then.
        let growing = [
            (d(3), "一季度", 200.0),
            (d(6), "二季度", 500.0),
            (d(12), "四季度", 1000.0),
        ];
        let stage = stage_of(&growing, 1000.0, d(6)).unwrap();
        assert_eq!((stage.value, stage.by.as_str()), (500.0, "二季度"));
        // Figures that add up to it: each period's own share.
        let shares = [
            (d(3), "一季度", 200.0),
            (d(6), "二季度", 300.0),
            (d(9), "三季度", 300.0),
            (d(12), "四季度", 200.0),
        ];
        let stage = stage_of(&shares, 1000.0, d(6)).unwrap();
        assert_eq!((stage.value, stage.by.as_str()), (500.0, "一季度至二季度"));
        // Nothing set for then.
        assert!(stage_of(&[(d(9), "三季度", 700.0)], 1000.0, d(6)).is_none());
    }

    #[test]
    fn the_claim_is_not_the_verdict() {
        let rules = EvaluationConfig::default();
        let mid = Period::new("2025-半年度", PeriodKind::MidYear, 2025);
        let end = Period::new("2025-年度", PeriodKind::YearEnd, 2025);
        let due = date::ymd(2025, 12, 31);
        let verdict = |progress, due, period| {
            judge(Status::OnSchedule, progress, (None, due), period, &rules).0
        };
        assert_eq!(verdict(Some(60.0), due, &mid), Status::OnSchedule);
        assert_eq!(verdict(Some(50.0), due, &mid), Status::OnSchedule);
        // 序时进度 at 30 June is 181/365 = 49.6%: 49% is behind it.
        assert_eq!(verdict(Some(49.0), due, &mid), Status::Lagging);
        assert_eq!(verdict(Some(30.0), due, &mid), Status::Lagging);
        assert_eq!(verdict(None, due, &end), Status::Lagging);
        assert_eq!(
            verdict(Some(90.0), date::ymd(2026, 6, 30), &end),
            Status::OnSchedule
        );
        assert_eq!(
            judge(Status::Completed, Some(30.0), (None, due), &mid, &rules).0,
            Status::Completed
        );
    }

    #[test]
    fn a_target_is_answered_by_the_figure_in_its_measure_word() {
        let targets = |text: &str| crate::ingest::targets::extract(text);
        let one = targets("帮助长期失业青年实现就业300人。");
        assert_eq!(answers(&one, "1.35万个；160人"), [Some(160.0)]);
        assert_eq!(answers(&one, "160"), [Some(160.0)]);
        // Another measure word alone still answers the one target (5家 for 5个).
        let count = targets("新建幼儿园5个。");
        assert_eq!(answers(&count, "5家"), [Some(5.0)]);
        // Counted in 万 on one side: the same measure.
        let tenk = targets("新增就业岗位2.6万个。");
        assert_eq!(answers(&tenk, "13000个"), [Some(1.3)]);
        let two = targets("新建公园6个、绿道20公里。");
        assert_eq!(
            answers(&two, "绿道18公里，公园6个"),
            [Some(6.0), Some(18.0)]
        );
    }

    #[test]
    fn the_note_quotes_the_same_share_the_report_prints() {
        let rules = EvaluationConfig::default();
        let mid = Period::new("2025-半年度", PeriodKind::MidYear, 2025);
        let year_end = date::ymd(2025, 12, 31);
        let (_, note) = judge(
            Status::OnSchedule,
            Some(30.0),
            (None, year_end),
            &mid,
            &rules,
        );
        let share = fmt_rate(mid.schedule_share(None).unwrap());
        assert!(note.unwrap().contains(&format!("序时进度 {share}%")));
        // No day to finish by (长期坚持): no 序时进度 to fall behind.
        let ongoing = judge(Status::OnSchedule, Some(30.0), (None, None), &mid, &rules);
        assert_eq!(ongoing, (Status::OnSchedule, None));
    }
}
