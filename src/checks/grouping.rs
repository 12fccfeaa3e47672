//! Grouping: the table's 主要事项 labels and section rows against the prose.

use super::Context;
use crate::base::cjk::chinese_numeral;
use crate::base::diag::Diagnostic;
use crate::model::{Group, GroupingSource};

fn span(group: &Group) -> String {
    match (group.tasks.first(), group.tasks.last()) {
        (Some(a), Some(b)) if a == b => format!("第 {a} 项"),
        (Some(a), Some(b)) => format!("第 {a}—{b} 项"),
        _ => "没有任务".into(),
    }
}

/// Labels on a row other than their group's first, and labels naming no group.
pub fn labels(cx: &Context) -> Vec<Diagnostic> {
    let plan = cx.plan;
    if plan.table.grouping != GroupingSource::Prose {
        return Vec::new();
    }
    let mut out = Vec::new();
    for label in &plan.table.labels {
        let Some(group) = label.group.and_then(|g| plan.group(g)) else {
            out.push(
                Diagnostic::warning(
                    "group/label-unmatched",
                    label.origin.clone(),
                    format!("主要事项「{}」在正文中找不到对应的段落", label.text),
                )
                .with_hint("请核对该标签的文字"),
            );
            continue;
        };
        let first = group.tasks.first().copied();
        if first.is_some() && label.row_task != first {
            let row = label
                .row_task
                .map(|n| format!("第 {n} 项所在行"))
                .unwrap_or_else(|| "表格末尾".into());
            out.push(
                Diagnostic::warning(
                    "group/label-misplaced",
                    label.origin.clone(),
                    format!(
                        "主要事项「{}」位于{row}，但按正文该事项为{}",
                        label.text,
                        span(group)
                    ),
                )
                .with_hint(format!("该标签应覆盖{}（合并单元格）", span(group))),
            );
        }
        if label.title != group.title {
            let hunks = super::diff::diff(&label.title, &group.title);
            let shown: Vec<String> = hunks
                .iter()
                .map(|h| format!("表「{}」/ 文「{}」", h.old, h.new))
                .collect();
            out.push(Diagnostic::warning(
                "group/label-title",
                label.origin.clone(),
                format!(
                    "主要事项「{}」与正文小标题「{}」文字不一致：{}",
                    label.title,
                    group.title,
                    shown.join("；")
                ),
            ));
        }
    }
    // Groups of the prose that no label names.
    if !plan.table.labels.is_empty() {
        for group in plan.groups() {
            if plan.table.labels.iter().any(|l| l.group == Some(group.no)) {
                continue;
            }
            let Some(first) = group.tasks.first().and_then(|n| plan.task(*n)) else {
                continue;
            };
            out.push(
                Diagnostic::warning(
                    "group/label-missing",
                    first.origin.clone(),
                    format!(
                        "正文小标题「{}」（{}）在分工表中没有主要事项标签",
                        group.title,
                        span(group)
                    ),
                )
                .with_hint(format!(
                    "应加“（{}）{}”",
                    chinese_numeral(group.no),
                    group.title
                )),
            );
        }
    }
    out
}

/// The number of the last part whose heading (in the table or the prose) stands above
/// `at` in the same source.
fn part_above(cx: &Context, at: &crate::base::diag::Location) -> Option<u32> {
    cx.plan
        .sections
        .iter()
        .filter(|s| {
            // The table's own section row where it has one (the prose stands elsewhere).
            s.table_origin
                .as_ref()
                .or(s.origin.as_ref())
                .is_some_and(|o| {
                    o.path() == at.path() && o.line_no().is_some() && o.line_no() < at.line_no()
                })
        })
        .map(|s| s.no)
        .next_back()
}

/// Skipped and repeated label numbers: （五） followed by （七）. A plan may number its labels
/// afresh under each part: a （一） under a new 一、二、 part starts again.
pub fn numbering(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous: Option<u32> = None;
    let mut seen: Vec<u32> = Vec::new();
    let mut part: Option<u32> = None;
    for label in &cx.plan.table.labels {
        let Some(n) = label.number else { continue };
        // The part it stands in: the last part heading above it (a label of a part with no
        // task, 二、基本原则's （一）, is that part's), else its task's.
        let here = part_above(cx, &label.origin).or_else(|| {
            label
                .row_task
                .and_then(|no| cx.plan.task(no))
                .map(|t| t.section)
        });
        if n == 1 && here.is_some() && here != part {
            seen.clear();
            previous = None;
        }
        part = here.or(part);
        if seen.contains(&n) {
            out.push(Diagnostic::warning(
                "group/number-repeated",
                label.origin.clone(),
                format!("主要事项编号（{}）重复", chinese_numeral(n)),
            ));
        } else if let Some(p) = previous
            && n > p + 1
        {
            let missing: Vec<String> = (p + 1..n)
                .map(|m| format!("（{}）", chinese_numeral(m)))
                .collect();
            out.push(
                Diagnostic::warning(
                    "group/number-skipped",
                    label.origin.clone(),
                    format!(
                        "主要事项编号从（{}）跳到（{}），缺{}",
                        chinese_numeral(p),
                        chinese_numeral(n),
                        missing.join("")
                    ),
                )
                .with_hint("主要事项应连续编号"),
            );
        } else if previous.is_none() && n > 1 {
            out.push(Diagnostic::warning(
                "group/number-skipped",
                label.origin.clone(),
                format!("主要事项编号从（{}）开始", chinese_numeral(n)),
            ));
        }
        seen.push(n);
        previous = Some(previous.map_or(n, |p| p.max(n)));
    }
    out
}

/// A numbered item of the prose read as a group with no task under it, where the other
/// items of its part are tasks or carry them ((一)做好甲公开。… with no one named, between
/// items that name theirs): no task was made of it — said, its words printed with the plan.
pub fn without_tasks(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for section in &cx.plan.sections {
        if !section.groups.iter().any(|g| !g.tasks.is_empty()) {
            continue;
        }
        let empty = (section.groups.iter()).filter(|g| g.tasks.is_empty() && g.heading.is_some());
        for group in empty {
            let heading = group.heading.as_deref().unwrap_or(&group.title);
            let Some(origin) = group.origin.clone() else {
                continue;
            };
            out.push(
                Diagnostic::warning(
                    "group/no-tasks",
                    origin,
                    format!(
                        "「{heading}」下没有读出任务，它本身也没有写明责任单位：未列入任务分工表，照原文印在方案正文中"
                    ),
                )
                .with_hint("如这一条或其下的事项是任务，请核对原文的编号和责任单位后重新检查"),
            );
        }
    }
    out
}

/// Section titles that differ between the table's section rows and the prose.
pub fn section_titles(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for section in &cx.plan.sections {
        let (Some(table_title), Some(place)) = (&section.table_title, &section.table_origin) else {
            continue;
        };
        if section.origin.is_none() || *table_title == section.title {
            continue;
        }
        let shown: Vec<String> = super::diff::diff(table_title, &section.title)
            .iter()
            .map(|h| {
                format!(
                    "{} → {}",
                    super::diff::mark(h, false),
                    super::diff::mark(h, true)
                )
            })
            .collect();
        out.push(
            Diagnostic::warning(
                "group/section-title",
                place.clone(),
                format!(
                    "分工表中“{}、{table_title}”与正文标题“{}、{}”不一致：{}",
                    section.numeral,
                    section.numeral,
                    section.title,
                    shown.join("；")
                ),
            )
            .with_hint("以正文为准"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{SAMPLE, SAMPLE_CONFIG, at as s, codes, run_one};
    use super::*;

    #[test]
    fn clean_labels_give_nothing() {
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, labels).is_empty());
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, numbering).is_empty());
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, section_titles).is_empty());
    }

    #[test]
    fn misplaced_missing_and_retitled_labels() {
        // (一) moves down a row; (二) loses its label; (三) is worded differently.
        let source = SAMPLE
            .replace("(一) 推动规划融入\t1", "\t1")
            .replace(
                "\t2\t开展城市体检。",
                "(一) 推动规划融入\t2\t开展城市体检。",
            )
            .replace("(二) 加强品牌建设\t3", "\t3")
            .replace("(三) 保障母婴安全", "(三) 保障母婴健康");
        let found = codes(&run_one(&source, SAMPLE_CONFIG, labels));
        assert_eq!(
            found,
            [
                s("group/label-misplaced", 32),
                s("group/label-title", 35),
                s("group/label-missing", 33),
            ]
        );
    }

    #[test]
    fn skipped_and_repeated_numbers() {
        let source = SAMPLE.replace("(二) 加强品牌建设", "(三) 加强品牌建设");
        let found = codes(&run_one(&source, SAMPLE_CONFIG, numbering));
        assert_eq!(
            found,
            [
                s("group/number-skipped", 33),
                s("group/number-repeated", 35)
            ]
        );
    }

    #[test]
    fn numbers_starting_again_under_a_new_part_are_not_repeats() {
        // （一） again under 二、: the part numbers its groups afresh.
        let source = SAMPLE.replace("(三) 保障母婴安全", "(一) 保障母婴安全");
        assert!(run_one(&source, SAMPLE_CONFIG, numbering).is_empty());
        // （一） again within the same part is a repeat (and （三） after it skips （二）).
        let source = SAMPLE.replace("(二) 加强品牌建设", "(一) 加强品牌建设");
        let found = codes(&run_one(&source, SAMPLE_CONFIG, numbering));
        assert_eq!(
            found,
            [
                s("group/number-repeated", 33),
                s("group/number-skipped", 35)
            ]
        );
    }

    #[test]
    fn section_rows_against_the_prose() {
        let source = SAMPLE.replace("二、提升服务能级\t", "二、提升服务能力\t");
        let found = run_one(&source, SAMPLE_CONFIG, section_titles);
        assert_eq!(codes(&found), [s("group/section-title", 34)]);
        assert!(found[0].message.contains("【力】") && found[0].message.contains("【级】"));
    }
}
