//! Score: each unit's weighted score over the tasks it leads and supports, and its rank.

use std::collections::HashMap;

use super::intake::Intake;
use super::{TaskResult, UnitResult};
use crate::config::{EvaluationConfig, ScoreTable};
use crate::model::{Plan, Status, UnitTasks};

/// Every unit with tasks, in plan order, scored and ranked.
pub(super) fn units(
    plan: &Plan,
    rules: &EvaluationConfig,
    scores: &ScoreTable,
    intake: &Intake,
    tasks: &[TaskResult],
) -> Vec<UnitResult> {
    let task_index: HashMap<u32, &TaskResult> = tasks.iter().map(|t| (t.no, t)).collect();
    let mut units: Vec<UnitResult> = plan
        .units
        .iter()
        .map(|unit| unit_result(plan, rules, scores, intake, &task_index, unit))
        .collect();
    rank(&mut units);
    units
}

fn unit_result(
    plan: &Plan,
    rules: &EvaluationConfig,
    scores: &ScoreTable,
    intake: &Intake,
    task_index: &HashMap<u32, &TaskResult>,
    unit: &UnitTasks,
) -> UnitResult {
    let returned = intake.form_of(&unit.name).is_some();
    let mut lead_by_status = [0usize; 5];
    let (mut weighted, mut weights) = (0.0, 0.0);
    let (mut lead_total, mut support_total, mut support_completed) = (0, 0, 0);
    for result in unit.lead.iter().filter_map(|no| task_index.get(no)) {
        let Some(mine) = result.lead_reports.iter().find(|r| r.unit == unit.name) else {
            continue; // conditional and silent: not its task
        };
        lead_total += 1;
        let slot = Status::ALL
            .iter()
            .position(|s| *s == mine.status)
            .unwrap_or(4);
        lead_by_status[slot] += 1;
        weighted += rules.lead_weight * scores.of(mine.status);
        weights += rules.lead_weight;
    }
    for result in unit.support.iter().filter_map(|no| task_index.get(no)) {
        let own = result.support_reports.iter().find(|r| r.unit == unit.name);
        let conditional = plan
            .task(result.no)
            .and_then(|t| t.assignment(&unit.name))
            .is_some_and(|a| a.conditional);
        if conditional && own.is_none() {
            continue;
        }
        support_total += 1;
        let status = match own {
            Some(r) if r.reported != Status::Missing => r.status,
            _ if returned => result.status,
            _ => Status::Missing,
        };
        // As scored: what the unit reported (or, having returned its form, the task's).
        if status == Status::Completed {
            support_completed += 1;
        }
        weighted += rules.support_weight * scores.of(status);
        weights += rules.support_weight;
    }
    let lead_completed = lead_by_status[0];
    UnitResult {
        unit: unit.name.clone(),
        file: intake.file_of(&unit.name),
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
        rank: None,
    }
}

/// 1 = best; equal scores share a rank (并列). Only units that lead tasks are ranked: a
/// unit that only supports has no lead task to be measured by, and ranked among them it came
/// first with 100 points for doing nothing of its own.
fn rank(units: &mut [UnitResult]) {
    let mut order: Vec<usize> = (0..units.len())
        .filter(|i| units[*i].lead_total > 0)
        .collect();
    order.sort_by(|a, b| units[*b].score.total_cmp(&units[*a].score));
    for (place, i) in order.iter().enumerate() {
        let rank = match place.checked_sub(1).map(|p| order[p]) {
            Some(prev) if (units[prev].score - units[*i].score).abs() < 1e-9 => units[prev].rank,
            _ => Some(place + 1),
        };
        units[*i].rank = rank;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, score: f64) -> UnitResult {
        UnitResult {
            unit: name.into(),
            file: None,
            lead_total: 1,
            lead_by_status: [0; 5],
            support_total: 0,
            support_completed: 0,
            completion_rate: None,
            score,
            rank: None,
        }
    }

    #[test]
    fn equal_scores_share_a_rank() {
        let mut units = vec![
            unit("a", 80.0),
            unit("b", 100.0),
            unit("c", 80.0),
            unit("d", 10.0),
        ];
        rank(&mut units);
        let ranks: Vec<Option<usize>> = units.iter().map(|u| u.rank).collect();
        assert_eq!(ranks, [Some(2), Some(1), Some(2), Some(4)]);
    }

    #[test]
    fn units_leading_nothing_are_not_ranked() {
        let mut supporter = unit("只配合", 100.0);
        supporter.lead_total = 0;
        let mut units = vec![unit("a", 80.0), supporter, unit("b", 60.0)];
        rank(&mut units);
        let ranks: Vec<Option<usize>> = units.iter().map(|u| u.rank).collect();
        assert_eq!(ranks, [Some(1), None, Some(2)]);
    }
}
