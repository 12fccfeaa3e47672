//! Units: aliases, names the registry does not know, tasks with no real unit, duplicates.

use super::Context;
use crate::base::diag::{Diagnostic, Remedy};
use crate::model::{LEVEL_PREFIXES, is_group_phrase};

/// Aliases used instead of the canonical name.
pub fn aliases(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in &cx.plan.tasks {
        for a in &task.units {
            if let (Some(written), None) = (&a.written, &a.via)
                && written != &a.name
            {
                out.push(
                    Diagnostic::warning(
                        "unit/alias",
                        task.unit_place(a).clone(),
                        format!(
                            "第 {} 项：「{written}」与「{}」是同一单位的两种写法",
                            task.no, a.name
                        ),
                    )
                    .with_hint(format!(
                        "统一写作「{}」；发布的文件已按规范名称排印",
                        a.name
                    )),
                );
            }
        }
    }
    out
}

/// Names the registry does not know, with the closest registry name as a hint: one finding
/// a name, at its first cell, listing its tasks (a name in twenty tasks is one thing to fix,
/// not twenty). A warning, not an error: real units often differ by one character
/// (区教育局, 区体育局), so closeness alone does not prove a typo.
pub fn unknown(cx: &Context) -> Vec<Diagnostic> {
    let spellings: Vec<&str> = cx.registry.spellings().collect();
    let mut names: Vec<(
        &crate::model::Assignment,
        crate::base::diag::Location,
        Vec<u32>,
    )> = Vec::new();
    for task in &cx.plan.tasks {
        for a in task.units.iter().filter(|a| !a.known) {
            match names.iter_mut().find(|(first, _, _)| first.name == a.name) {
                Some((_, _, tasks)) => tasks.push(task.no),
                None => names.push((a, task.unit_place(a).clone(), vec![task.no])),
            }
        }
    }
    names
        .into_iter()
        .map(|(a, place, tasks)| {
            let suggestion = closest(&a.name, &spellings);
            let remedy = Remedy::UnknownUnit {
                name: a.name.clone(),
                closest: suggestion.map(|near| registry_name(cx, near)),
            };
            let tasks = numbers(&tasks);
            let d = if is_group_phrase(&a.name) {
                unfilled_group(cx, &tasks, a, place)
            } else {
                unknown_name(cx, &tasks, a, suggestion, place)
            };
            d.with_remedy(remedy)
        })
        .collect()
}

/// Task numbers as a list: 1、3、5.
fn numbers(tasks: &[u32]) -> String {
    crate::base::number::task_list(tasks.iter().copied())
}

/// A name the registry does not know, with the registry's closest spelling when one is.
fn unknown_name(
    cx: &Context,
    task_no: &str,
    a: &crate::model::Assignment,
    closest: Option<&str>,
    place: crate::base::diag::Location,
) -> Diagnostic {
    let config = cx.config_path();
    match closest {
        Some(near) => Diagnostic::warning(
            "unit/unknown",
            place,
            format!("第 {task_no} 项：单位名录中没有「{}」", a.name),
        )
        .with_hint(format!(
            "是否指「{near}」？如确为另一单位，请加入 {config} 的 [[units]]"
        )),
        None => Diagnostic::warning(
            "unit/unknown",
            place,
            format!("第 {task_no} 项：「{}」不在单位名录中", a.name),
        )
        .with_hint(format!("如确为责任单位，请加入 {config} 的 [[units]]")),
    }
}

/// 各管委会, 相关街镇 … with no `[[groups]]` entry: it stands for several units, so the fix
/// is to list its members, not to add it as a unit. Until then it gets one sheet of its own.
fn unfilled_group(
    cx: &Context,
    task_no: &str,
    a: &crate::model::Assignment,
    place: crate::base::diag::Location,
) -> Diagnostic {
    Diagnostic::warning(
        "unit/group-unfilled",
        place,
        format!(
            "第 {task_no} 项：「{}」代表多个单位，但没有列出是哪些单位；暂按一个单位出一份任务单",
            a.name
        ),
    )
    .with_hint(format!(
        "在 {} 中加一组 [[groups]]：name = \"{}\"，members 列出其成员单位；发布时为每个成员单独出任务单",
        cx.config_path(),
        a.name
    ))
}

/// 县养老服务工作领导小组各成员单位, 联席会议成员单位: the members of a body the plan names,
/// a definite set the plan does not list. They get no sheet (the phrase names no one unit);
/// said, so the office can list them as a group, as it does 各乡镇.
pub fn members_unlisted(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Declared in the config as naming no one, it is decided: not said again.
    let declared = |p: &String| cx.config.unspecified.contains(p);
    for task in &cx.plan.tasks {
        for phrase in (task.unspecified.iter())
            .filter(|p| crate::ingest::units::members_of_a_body(p) && !declared(p))
        {
            out.push(
                Diagnostic::warning(
                    "unit/members-unlisted",
                    task.phrase_place(phrase).clone(),
                    format!(
                        "第 {} 项：「{phrase}」指一个机构的各成员单位，但没有列出是哪些单位；不出任务单",
                        task.no
                    ),
                )
                .with_hint(format!(
                    "在 {} 中加一组 [[groups]]：name = \"{phrase}\"，members 列出其成员单位；发布时为每个成员单独出任务单",
                    cx.config_path()
                )),
            );
        }
    }
    out
}

/// Phrases beside a task's units naming every unit of a kind (市政府各部门, 市直各单位):
/// a definite set the office could list, printed in the table as written but on no sheet.
/// Said once a phrase, with its tasks — unless the config declares it as naming no one, it
/// names only some (有关, 相关, 其他: whichever the work concerns), or it is said already (a
/// task with no unit but it, a body's members, a cut piece).
pub fn phrases_without_sheet(cx: &Context) -> Vec<Diagnostic> {
    let every_one = |p: &String| {
        let simple = crate::base::cjk::simplified_text(p);
        simple.contains('各')
            && !["有关", "相关", "其他", "其它"]
                .iter()
                .any(|w| simple.contains(w))
    };
    let declared = |p: &String| cx.config.unspecified.contains(p) || !every_one(p);
    let mut phrases: Vec<(String, Vec<u32>, crate::base::diag::Location)> = Vec::new();
    for task in cx.plan.tasks.iter().filter(|t| !t.units.is_empty()) {
        let unsaid = task.unspecified.iter().filter(|p| {
            !declared(p)
                && !task.name_fragments.contains(p)
                && !crate::ingest::units::members_of_a_body(p)
        });
        for phrase in unsaid {
            match phrases.iter_mut().find(|(p, _, _)| p == phrase) {
                Some((_, tasks, _)) => tasks.push(task.no),
                None => phrases.push((
                    phrase.clone(),
                    vec![task.no],
                    task.phrase_place(phrase).clone(),
                )),
            }
        }
    }
    phrases
        .into_iter()
        .map(|(phrase, tasks, place)| {
            Diagnostic::note(
                "unit/phrase-no-sheet",
                place,
                format!(
                    "第 {} 项责任单位中的「{phrase}」没有指明具体单位：照原文印在任务分工表中，不出任务单",
                    crate::base::number::task_list(tasks)
                ),
            )
            .with_hint(format!(
                "如要分到具体单位，在 {config} 中加一组 [[groups]]：name = \"{phrase}\"，members 列出其成员单位；如确实不需分发，把「{phrase}」加入 {config} 的 unspecified 列表，不再提示",
                config = cx.config_path()
            ))
        })
        .collect()
}

/// The registry's own name for a spelling (a unit's canonical name, or the spelling itself
/// when it is a group or phrase).
fn registry_name(cx: &Context, spelling: &str) -> String {
    cx.registry
        .unit(spelling)
        .map(|u| u.name.clone())
        .unwrap_or_else(|| spelling.to_string())
}

/// A piece of a name in `task`'s units, said with the whole name it may be.
fn fragment_said(cx: &Context, task: &crate::model::Task, piece: &str) -> Diagnostic {
    Diagnostic::warning(
        "unit/fragment",
        task.phrase_place(piece).clone(),
        format!(
            "第 {} 项的责任单位中「{piece}」不是完整的单位名称（原文可能在此截断），未作为单位",
            task.no
        ),
    )
    .with_hint(match whole_name_beside(cx, piece) {
        Some(whole) => format!(
            "方案中另有「{whole}」，可能就是它；请对照原文补全。如「{piece}」确是单位全称，把它加入 {} 的 [[units]]",
            cx.config_path()
        ),
        None => "请对照原文补全单位名称".to_string(),
    })
}

/// A unit of the plan whose name `piece` begins (县数据资源管理局 for 县数据).
fn whole_name_beside(cx: &Context, piece: &str) -> Option<String> {
    let names = (cx.plan.tasks.iter()).flat_map(|t| t.units.iter().map(|u| u.name.as_str()));
    names
        .filter(|name| name.len() > piece.len() && name.starts_with(piece))
        .min()
        .map(str::to_string)
}

/// Tasks whose 责任单位 names no real unit (only 相关部门 …), tasks whose first-listed
/// entry names none, so the lead falls to the next one, and pieces of names a cut-off source
/// leaves (区, 市发).
pub fn unspecified(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in &cx.plan.tasks {
        for piece in &task.name_fragments {
            out.push(fragment_said(cx, task, piece));
        }
        // Only a piece the source was cut in (区): nobody is named at all.
        let cut_only = task
            .unspecified
            .iter()
            .all(|p| task.name_fragments.contains(p));
        if task.units.is_empty() && !task.unspecified.is_empty() && cut_only {
            out.push(
                Diagnostic::error(
                    "unit/only-cut",
                    task.units_place().clone(),
                    format!(
                        "第 {} 项的责任单位只剩被截断的「{}」，没有可以落实的单位",
                        task.no,
                        task.unspecified.join("、")
                    ),
                )
                .with_hint(format!(
                    "请对照原文补全；或在 {} 中写 [[corrections]] task = {} 和 units = \"单位名\"",
                    cx.config_path(),
                    task.no
                )),
            );
            continue;
        }
        if task.units.is_empty() && !task.unspecified.is_empty() {
            out.push(
                // A warning: plans are issued so, and the table, the notice and the
                // evaluations print the task as written; only no unit's sheet lists it.
                Diagnostic::warning(
                    "unit/no-real-unit",
                    task.units_place().clone(),
                    format!(
                        "第 {} 项的责任单位只有「{}」，没有具体单位，无人牵头；这项任务照常列入任务分工表，但不出现在任何单位的任务单中",
                        task.no,
                        task.unspecified.join("、")
                    ),
                )
                .with_hint(format!(
                    "如要分到具体单位，可在 fengong.toml 中加一组 [[groups]]：name = \"{}\"，members 列出其成员单位",
                    task.unspecified[0]
                )),
            );
            continue;
        }
        if let Some(first) = &task.lead_not_first
            && let Some(lead) = task.leads().next()
        {
            let lead_name = lead.via.clone().unwrap_or(lead.name.clone());
            let what = if task.name_fragments.contains(first) {
                "不是完整的单位名称"
            } else {
                "不是具体单位"
            };
            out.push(
                Diagnostic::warning(
                    "unit/lead-unspecified",
                    task.units_place().clone(),
                    format!(
                        "第 {} 项排在首位的「{first}」{what}，牵头单位按「{lead_name}」计",
                        task.no
                    ),
                )
                .with_hint("牵头单位应排在责任单位首位"),
            );
        }
    }
    out
}

/// Units cells that mark their lead with a sign before or after its name (`*市发展改革委`,
/// `区财政局*`): read as 牵头, said once for the plan at the first such cell, with the tasks.
pub fn lead_marks(cx: &Context) -> Vec<Diagnostic> {
    use crate::ingest::units::LEAD_MARKS;
    let marked = |t: &&crate::model::Task| {
        t.units_text
            .match_indices(LEAD_MARKS)
            .find_map(|(at, mark)| {
                let apart = |c: Option<char>| c.is_none_or(|c| "、，,；;/ \n（(：:）)".contains(c));
                if apart(t.units_text[..at].chars().next_back()) {
                    Some((mark.to_string(), "前"))
                } else {
                    let after = t.units_text[at + mark.len()..].chars().next();
                    apart(after).then(|| (mark.to_string(), "后"))
                }
            })
    };
    let tasks: Vec<(&crate::model::Task, (String, &str))> = cx
        .plan
        .tasks
        .iter()
        .filter_map(|t| marked(&t).map(|m| (t, m)))
        .collect();
    let Some((first, (mark, side))) = tasks.first() else {
        return Vec::new();
    };
    let nos: Vec<u32> = tasks.iter().map(|(t, _)| t.no).collect();
    vec![Diagnostic::note(
        "unit/lead-mark",
        first.units_place().clone(),
        format!(
            "第 {} 项：单位名称{side}的「{mark}」读作牵头标记，标有「{mark}」的单位牵头，其余配合；名称中不含「{mark}」",
            numbers(&nos)
        ),
    )
    .with_hint(format!("如「{mark}」另有含义（如重点任务），请在 fengong.toml 的 [[corrections]] 中为这些任务写明 units"))]
}

/// A unit listed twice in one task (as ingest found when it resolved the cell).
pub fn duplicates(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in &cx.plan.tasks {
        for name in &task.duplicate_units {
            out.push(Diagnostic::warning(
                "unit/duplicate",
                task.units_place().clone(),
                format!("第 {} 项的责任单位中「{name}」出现了两次", task.no),
            ));
        }
    }
    out
}

/// How two names of the plan may be one unit's: the second with a 省/市/区/县/州 before the
/// first (國土房管局 beside 市國土房管局: a list that shares its 市 across names writes the
/// rest bare), the first a place and the second its government, the same characters in
/// another order, or the same name but for a 和 (区文化旅游局, 区文化和旅游局) or a 委 for
/// a 局 (区发改委, 区发改局).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Twin {
    Prefixed,
    Governed,
    Reordered,
    And,
    Commission,
    /// 县发改局 beside 县发展和改革局: the usual short form of the other.
    Short,
}

impl Twin {
    fn of(a: &str, b: &str) -> Option<Twin> {
        let prefixed = b
            .strip_prefix(LEVEL_PREFIXES)
            .is_some_and(|rest| rest == a && a.chars().count() >= 3);
        let long_enough = a.chars().count() >= 4 && b.chars().count() >= 4;
        if prefixed {
            Some(Twin::Prefixed)
        } else if government_of(a, b) {
            Some(Twin::Governed)
        } else if a < b && crate::model::reordered_twins(a, b) {
            Some(Twin::Reordered)
        } else if long_enough && a.len() < b.len() && a == b.replace('和', "") {
            Some(Twin::And)
        } else if long_enough && a < b && commission_or_bureau(a, b) {
            Some(Twin::Commission)
        } else if crate::model::short_form_of(a, b) {
            Some(Twin::Short)
        } else {
            None
        }
    }

    /// What the finding says of the pair.
    fn differ(self, bare: &str, twin: &str) -> String {
        match self {
            Twin::Prefixed => format!("只差一个“{}”字", twin.chars().next().unwrap_or('市')),
            Twin::Governed => format!("只差“{}”", &twin[bare.len()..]),
            Twin::Reordered => "用字相同、只是顺序不同".to_string(),
            Twin::And => "只差一个“和”字".to_string(),
            Twin::Commission => "只差“委”和“局”".to_string(),
            Twin::Short => "像是后者的简称".to_string(),
        }
    }
}

/// Two units of the plan whose names may be one unit's (see `Twin`): likely one unit, which
/// would otherwise get two task sheets and have its returns split. The web page offers to
/// make either the other's alias.
pub fn prefix_twins(cx: &Context) -> Vec<Diagnostic> {
    let units = &cx.plan.units;
    let mut out = Vec::new();
    for bare in units.iter().filter(|u| !is_group_phrase(&u.name)) {
        let Some((twin, kind)) = (units.iter())
            .filter(|u| !is_group_phrase(&u.name))
            .find_map(|u| Twin::of(&bare.name, &u.name).map(|kind| (u, kind)))
        else {
            continue;
        };
        // Of two reordered names the one fewer tasks use is the slip, the other its unit.
        let uses = |u: &crate::model::UnitTasks| u.lead.len() + u.support.len();
        let (bare, twin) = if kind == Twin::Reordered && uses(bare) > uses(twin) {
            (twin, bare)
        } else {
            (bare, twin)
        };
        out.extend(twin_finding(cx, bare, twin, kind));
    }
    out
}

/// The finding on two names that may be one unit, at the first task naming `bare`.
fn twin_finding(
    cx: &Context,
    bare: &crate::model::UnitTasks,
    twin: &crate::model::UnitTasks,
    kind: Twin,
) -> Option<Diagnostic> {
    let first = bare.lead.iter().chain(&bare.support).min()?;
    let (task, assignment) = cx.plan.task(*first).and_then(|t| {
        let a = t.units.iter().find(|a| a.name == bare.name)?;
        Some((t, a))
    })?;
    let numbers = |u: &crate::model::UnitTasks| {
        let mut all: Vec<u32> = u.lead.iter().chain(&u.support).copied().collect();
        all.sort_unstable();
        crate::base::number::task_list(all)
    };
    // A name becomes an alias only without an entry of its own (the registry refuses both).
    let registered = |name: &str| cx.config.units.iter().any(|u| u.name == name);
    let own_entry = match registered(&bare.name) && registered(&twin.name) {
        true => format!("，并删去「{}」的 [[units]] 条目", bare.name),
        false => String::new(),
    };
    let hint = match kind {
        Twin::Prefixed | Twin::Governed | Twin::Short => {
            format!(
                "若是同一单位，在 {} 中把「{}」写进「{}」的 aliases{own_entry}",
                cx.config_path(),
                bare.name,
                twin.name
            )
        }
        // Which of two reordered (or otherwise written) names is the slip, only the reader
        // knows.
        _ => {
            format!(
                "若是同一单位，在 {} 中把写错的一个写进写对的一个的 aliases（如「{}」写错了，就写进「{}」的 aliases{own_entry}）",
                cx.config_path(),
                bare.name,
                twin.name
            )
        }
    };
    let finding = Diagnostic::warning(
        "unit/maybe-same",
        task.unit_place(assignment).clone(),
        format!(
            "「{}」（第 {} 项）与「{}」（第 {} 项）{}，可能是同一单位；现各出一份任务单",
            bare.name,
            numbers(bare),
            twin.name,
            numbers(twin),
            kind.differ(&bare.name, &twin.name)
        ),
    )
    .with_hint(hint)
    .with_remedy(Remedy::SameUnit {
        names: [bare.name.clone(), twin.name.clone()],
    });
    Some(finding)
}

/// Whether one name ends in 委 and the other is the same but for a 局 there.
fn commission_or_bureau(a: &str, b: &str) -> bool {
    let same = |x: &str, y: &str| matches!((x.strip_suffix('委'), y.strip_suffix('局')), (Some(p), Some(q)) if p == q);
    same(a, b) || same(b, a)
}

/// Whether `name` is the government of the place `place` names bare (黄埔区 → 黄埔区政府,
/// 黄埔区人民政府).
fn government_of(place: &str, name: &str) -> bool {
    place.chars().count() >= 2
        && place.ends_with(['区', '县', '市', '镇', '乡', '旗'])
        && name
            .strip_prefix(place)
            .is_some_and(|rest| rest == "政府" || rest == "人民政府")
}

/// A name the registry does not know that is two units of the plan written with nothing
/// between them (派出所工商质监所, where 派出所 and 工商质监所 are listed alone elsewhere):
/// likely two units that lost their separator, now one with a sheet of its own.
pub fn run_together(cx: &Context) -> Vec<Diagnostic> {
    let units = &cx.plan.units;
    let listed = |name: &str| {
        name.chars().count() >= 2
            && !is_group_phrase(name)
            && (units.iter().any(|u| u.name == name) || cx.registry.unit(name).is_some())
    };
    // The part before a listed name a body's name too (派出所 before a listed 工商质监所).
    let body = |name: &str| name.chars().count() >= 3 && crate::ingest::units::ends_as_a_body(name);
    let mut out = Vec::new();
    for glued in units.iter().filter(|u| !is_group_phrase(&u.name)) {
        let cuts = glued.name.char_indices().map(|(at, _)| at).skip(2);
        let Some((first, second)) = cuts.map(|at| glued.name.split_at(at)).find(|(a, b)| {
            // A listed name first with a bare body after it is its office (县政府办公室).
            (listed(a) && listed(b)) || (listed(b) && body(a))
        }) else {
            continue;
        };
        let Some(task) = (glued.lead.iter().chain(&glued.support))
            .min()
            .and_then(|n| cx.plan.task(*n))
        else {
            continue;
        };
        let elsewhere: Vec<String> = [first, second]
            .iter()
            .filter(|p| listed(p))
            .map(|p| format!("「{p}」"))
            .collect();
        let place = task
            .units
            .iter()
            .find(|a| a.name == glued.name)
            .map_or(task.units_place(), |a| task.unit_place(a));
        out.push(
            Diagnostic::warning(
                "unit/maybe-two",
                place.clone(),
                format!(
                    "第 {} 项的「{}」像是两个单位「{first}」「{second}」连写（{}在别处单独列出）：现作为一个单位，另出一份任务单",
                    task.no,
                    glued.name,
                    elsewhere.join("")
                ),
            )
            .with_hint(format!(
                "如是两个单位，请在原文中用顿号隔开后重新发布；如确为一个单位，请加入 {} 的 [[units]]",
                cx.config_path()
            )),
        );
    }
    out
}

/// The registry spelling closest to `name`, when it is close enough to be a typo: one edit
/// apart per four characters, or one containing the other.
pub fn closest<'a>(name: &str, spellings: &[&'a str]) -> Option<&'a str> {
    let len = name.chars().count();
    spellings
        .iter()
        .map(|s| (edit_distance(name, s), *s))
        .filter(|(d, s)| {
            let allowed = (len.max(s.chars().count()) / 4).max(1);
            *d <= allowed
                || (s.contains(name) && len >= 2)
                || (name.contains(*s) && s.chars().count() >= 3)
        })
        .min()
        .map(|(_, s)| s)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean() {
        let names = ["区教育局", "区体育局", "区卫生健康委", "团区委"];
        assert_eq!(closest("区教育", &names), Some("区教育局"));
        assert_eq!(closest("区卫生健康局", &names), Some("区卫生健康委"));
        assert_eq!(closest("区住房保障局", &names), None);
        assert_eq!(edit_distance("赤河源", "苏河源"), 1);
    }

    #[test]
    fn names_that_may_be_one_unit() {
        assert_eq!(Twin::of("国土房管局", "市国土房管局"), Some(Twin::Prefixed));
        assert_eq!(Twin::of("黄埔区", "黄埔区人民政府"), Some(Twin::Governed));
        assert_eq!(Twin::of("区文化旅游局", "区文化和旅游局"), Some(Twin::And));
        // Said once, from the name that sorts first.
        assert_eq!(Twin::of("区发改委", "区发改局"), Some(Twin::Commission));
        assert_eq!(Twin::of("区发改局", "区发改委"), None);
        for (a, b) in [
            ("区教育局", "区检察院"),
            ("区体育局", "区发展改革委"),
            ("区教育局", "区体育局"),
            ("区委宣传部", "区建设管理委"),
            ("和平区", "平区"),
        ] {
            assert_eq!(Twin::of(a, b), None, "{a} {b}");
            assert_eq!(Twin::of(b, a), None, "{b} {a}");
        }
    }
}

#[cfg(test)]
mod check_tests {
    use super::super::{SAMPLE, SAMPLE_CONFIG, at as s, codes, run_one};
    use super::*;

    #[test]
    fn clean_units_give_nothing() {
        for check in [aliases, unknown, unspecified, duplicates] {
            assert!(run_one(SAMPLE, SAMPLE_CONFIG, check).is_empty());
        }
    }

    #[test]
    fn aliases_and_unknown_names() {
        let source = SAMPLE
            .replace(
                "\t4\t落实母婴安全制度。\t区卫生健康委",
                "\t4\t落实母婴安全制度。\t区卫健委",
            )
            .replace("\t区建设管理委\n", "\t区建设管理\n");
        assert_eq!(
            codes(&run_one(&source, SAMPLE_CONFIG, aliases)),
            [s("unit/alias", 35)]
        );
        let found = run_one(&source, SAMPLE_CONFIG, unknown);
        assert_eq!(codes(&found), [s("unit/unknown", 32)]);
        assert!(found[0].hints[0].contains("区建设管理委"));
    }

    #[test]
    fn a_group_without_members_is_said_as_a_group_to_fill() {
        // 各管委会 is not configured: list its members, do not add it as a unit.
        let source = SAMPLE.replace("\t区教育局，各街镇\n", "\t区教育局，各管委会\n");
        let found = run_one(&source, SAMPLE_CONFIG, unknown);
        assert_eq!(codes(&found), [s("unit/group-unfilled", 33)]);
        assert!(found[0].message.contains("「各管委会」代表多个单位"));
        assert!(
            found[0].hints[0].contains("[[groups]]"),
            "{:?}",
            found[0].hints
        );
    }

    #[test]
    fn phrases_that_name_nobody() {
        let source = SAMPLE
            .replace("\t区建设管理委\n", "\t相关部门\n")
            .replace("\t区教育局，各街镇\n", "\t协调机制成员单位，各街镇\n");
        let found = codes(&run_one(&source, SAMPLE_CONFIG, unspecified));
        assert_eq!(
            found,
            [s("unit/no-real-unit", 32), s("unit/lead-unspecified", 33)]
        );
        let severities: Vec<_> = run_one(&source, SAMPLE_CONFIG, unspecified)
            .iter()
            .map(|d| d.severity)
            .collect();
        // A task for 协调机制成员单位 alone is published as written, with a warning.
        assert_eq!(
            severities,
            [
                crate::base::diag::Severity::Warning,
                crate::base::diag::Severity::Warning
            ]
        );
    }

    #[test]
    fn a_unit_twice_in_one_cell() {
        let source = SAMPLE.replace(
            "\t区发展改革委、区教育局\n",
            "\t区发展改革委、区教育局、区发展改革委\n",
        );
        assert_eq!(
            codes(&run_one(&source, SAMPLE_CONFIG, duplicates)),
            [s("unit/duplicate", 31)]
        );
    }
}
