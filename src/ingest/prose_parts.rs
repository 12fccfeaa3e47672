//! A table with no part rows of its own, under a plan whose text is parted 一、二、三 and
//! writes each task out there (the table repeats the text's paragraphs, a row each): each
//! task belongs to the part whose words it repeats. Without this the plan read as one
//! untitled part, and its task sheets, table and reports showed no 一、二、 at all.

use std::collections::HashSet;

use super::text::Prose;
use crate::base::cjk::{bigrams, match_key};
use crate::base::diag::{Diagnostic, Location};
use crate::base::number::task_list;
use crate::model::{Group, Section, Task};

/// A task is a paragraph's when the paragraph holds at least this share of the task's
/// character pairs (3/5): the table copies the text, give or take a heading or a figure.
const FOUND: (usize, usize) = (3, 5);

/// `sections` (the table's own, read from its rows) parted as the prose is, when the table
/// has no parts and the prose's parts write out at least half its tasks in table order,
/// in two parts or more; else `sections` as they are. `table` is where findings about the
/// table point.
pub(super) fn parted_as_prose(
    sections: Vec<Section>,
    prose: &Prose,
    tasks: &mut [Task],
    table: Option<&Location>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let untitled = |s: &Section| s.numeral.is_empty() && s.title.is_empty();
    let parts: Vec<usize> = (prose.sections.iter().enumerate())
        .filter(|(_, s)| !s.numeral.is_empty())
        .map(|(i, _)| i)
        .collect();
    if tasks.is_empty() || parts.len() < 2 || !sections.iter().all(untitled) {
        return sections;
    }
    let paragraphs: Vec<Vec<HashSet<u64>>> =
        (parts.iter()).map(|&i| part_paragraphs(prose, i)).collect();
    let found: Vec<Option<usize>> = (tasks.iter())
        .map(|t| part_repeated(&bigrams(&match_key(&t.content)), &paragraphs))
        .collect();
    let count = found.iter().flatten().count();
    let in_order = (found.iter().flatten()).is_sorted();
    if count * 2 < tasks.len() || !in_order {
        return sections;
    }
    let (placed, by_order) = with_neighbours(&found);
    // Every task in one part (二、重点任务 of 一、总体要求 … 三、保障措施) parts nothing.
    if placed.iter().all(|&p| p == placed[0]) {
        return sections;
    }
    let tied = rebuilt(&sections, prose, &parts, tasks, &placed);
    if let Some(table) = table {
        diagnostics.push(said(&tied, table));
    }
    for &i in &by_order {
        let section = &tied[tasks[i].section as usize - 1];
        diagnostics.push(Diagnostic::note(
            "table/part-by-order",
            tasks[i].origin.clone(),
            format!(
                "第 {} 项任务的文字在方案正文中没有找到，按前后任务归入「{}、{}」",
                tasks[i].no, section.numeral, section.title
            ),
        ));
    }
    tied
}

/// The character pairs of each paragraph of prose part `index`: its words, its groups'
/// headings and text.
fn part_paragraphs(prose: &Prose, index: usize) -> Vec<HashSet<u64>> {
    let part = &prose.sections[index];
    let intro = part.intro.iter().map(|p| p.text.clone());
    let groups = (part.groups.iter()).map(|g| format!("{}{}", g.title, g.text.text));
    intro
        .chain(groups)
        .map(|text| bigrams(&match_key(&text)))
        .collect()
}

/// The part (its index among `parts`) with a paragraph holding `task`'s words, when one
/// part alone has the best such paragraph.
fn part_repeated(task: &HashSet<u64>, parts: &[Vec<HashSet<u64>>]) -> Option<usize> {
    if task.is_empty() {
        return None;
    }
    let held = |p: &HashSet<u64>| task.intersection(p).count();
    let best: Vec<(usize, usize)> = (parts.iter().enumerate())
        .filter_map(|(i, ps)| ps.iter().map(held).max().map(|n| (n, i)))
        .collect();
    let top = best.iter().map(|(n, _)| *n).max()?;
    let mut at_top = best.iter().filter(|(n, _)| *n == top);
    let (_, part) = at_top.next()?;
    let (num, den) = FOUND;
    (at_top.next().is_none() && top * den >= task.len() * num).then_some(*part)
}

/// Every task's part: its own where found, else its neighbours' — the part of the tasks
/// before and after it when they agree, else the one before (a table goes on with a part
/// until the next opens). Also the tasks placed so, by their index.
fn with_neighbours(found: &[Option<usize>]) -> (Vec<usize>, Vec<usize>) {
    let mut placed = Vec::with_capacity(found.len());
    let mut by_order = Vec::new();
    for (i, part) in found.iter().enumerate() {
        match part {
            Some(p) => placed.push(*p),
            None => {
                let before = placed.last().copied();
                let after = found[i..].iter().flatten().next().copied();
                placed.push(before.or(after).unwrap_or(0));
                by_order.push(i);
            }
        }
    }
    (placed, by_order)
}

/// Sections holding `tasks` by `placed` (each task's index among `parts`), titled as the
/// prose titles them; each task keeps its group of `sections` (a table's 类别), cut where a
/// part starts inside it. Groups are numbered through the plan again.
fn rebuilt(
    sections: &[Section],
    prose: &Prose,
    parts: &[usize],
    tasks: &mut [Task],
    placed: &[usize],
) -> Vec<Section> {
    let groups: Vec<&Group> = sections.iter().flat_map(|s| &s.groups).collect();
    let mut tied: Vec<Section> = Vec::new();
    let mut last: Option<(usize, u32)> = None;
    let mut group_no = 0;
    for (task, &part) in tasks.iter_mut().zip(placed) {
        if last.is_none_or(|(p, _)| p != part) {
            let written = &prose.sections[parts[part]];
            tied.push(Section {
                no: tied.len() as u32 + 1,
                numeral: written.numeral.clone(),
                title: written.title.clone(),
                table_title: None,
                origin: Some(written.origin.clone()),
                table_origin: None,
                intro: Vec::new(),
                groups: Vec::new(),
            });
        }
        let Some(section) = tied.last_mut() else {
            continue;
        };
        if last != Some((part, task.group)) {
            group_no += 1;
            let template = groups.iter().find(|g| g.no == task.group);
            section.groups.push(Group {
                no: group_no,
                tasks: Vec::new(),
                ..template
                    .map(|g| (*g).clone())
                    .unwrap_or_else(|| untitled_group(task))
            });
        }
        last = Some((part, task.group));
        if let Some(group) = section.groups.last_mut() {
            group.tasks.push(task.no);
            task.group = group.no;
            task.section = section.no;
        }
    }
    tied
}

/// A group of no title for `task`, where the table's rows gave it none.
fn untitled_group(task: &Task) -> Group {
    Group {
        no: 0,
        title: String::new(),
        text: String::new(),
        heading: None,
        origin: Some(task.origin.clone()),
        label: None,
        tasks: Vec::new(),
    }
}

/// The note saying how the tasks were parted: each part with its tasks.
fn said(tied: &[Section], table: &Location) -> Diagnostic {
    let parts: Vec<String> = (tied.iter())
        .map(|s| {
            let numbers = s.groups.iter().flat_map(|g| g.tasks.iter().copied());
            format!("「{}、{}」第 {} 项", s.numeral, s.title, task_list(numbers))
        })
        .collect();
    Diagnostic::note(
        "table/parts-from-text",
        table.clone(),
        format!(
            "任务分工表没有分部分的行，按方案正文各部分写出的任务归入：{}",
            parts.join("；")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str) -> HashSet<u64> {
        bigrams(&match_key(text))
    }

    #[test]
    fn a_task_is_the_part_whose_paragraph_repeats_it() {
        let parts = vec![
            vec![set(
                "提升数字经济核心产业。引进培育软件和信息服务业重点企业20家。",
            )],
            vec![set("推进智慧社区建设。建成智慧社区30个。")],
        ];
        let task = set("提升数字经济核心产业：引进培育软件和信息服务业重点企业 20 家。");
        assert_eq!(part_repeated(&task, &parts), Some(0));
        assert_eq!(part_repeated(&set("建成智慧社区30个"), &parts), Some(1));
        assert_eq!(part_repeated(&set("组织网络安全攻防演练"), &parts), None);
    }

    #[test]
    fn a_task_two_parts_repeat_alike_is_neither_s() {
        let parts = vec![
            vec![set("建成智慧社区30个。")],
            vec![set("建成智慧社区30个。")],
        ];
        assert_eq!(part_repeated(&set("建成智慧社区30个"), &parts), None);
    }

    #[test]
    fn a_task_not_found_goes_with_its_neighbours() {
        let (placed, by_order) = with_neighbours(&[Some(0), None, Some(0), None, Some(1)]);
        assert_eq!(placed, vec![0, 0, 0, 0, 1]);
        assert_eq!(by_order, vec![1, 3]);
        let (placed, _) = with_neighbours(&[None, Some(1), Some(2)]);
        assert_eq!(placed, vec![1, 1, 2]);
    }
}
