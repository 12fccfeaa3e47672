//! Structure: task numbers, empty cells, and what the notice lacks.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Context;
use crate::base::diag::{Diagnostic, Location, Remedy};
use crate::model::Role;

/// Duplicate and missing task numbers.
pub fn numbering(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashMap<u32, &Location> = HashMap::new();
    for task in &cx.plan.tasks {
        let at = task.number_origin.as_ref().unwrap_or(&task.origin);
        if let Some(first) = seen.get(&task.no) {
            out.push(
                Diagnostic::error(
                    "structure/duplicate-number",
                    at.clone(),
                    format!("任务序号 {} 重复（首次出现在 {first}）", task.no),
                )
                .with_hint("每项任务的序号必须唯一，任务单和评估按序号对应"),
            );
        } else {
            seen.insert(task.no, at);
        }
    }
    let Some(max) = cx.plan.tasks.iter().map(|t| t.no).max() else {
        return out;
    };
    // Report each run of missing numbers once, at the task after it.
    let mut previous = 0;
    let mut numbers: Vec<(u32, &Location)> = seen.iter().map(|(n, l)| (*n, *l)).collect();
    numbers.sort();
    for (no, origin) in numbers {
        if no > previous + 1 {
            let missing = if no == previous + 2 {
                format!("{}", previous + 1)
            } else {
                format!("{}—{}", previous + 1, no - 1)
            };
            // A warning, not an error: every row the source holds is read or reported, so a
            // gap is the source's own numbering (an extract keeps the plan's numbers).
            out.push(
                Diagnostic::warning(
                    "structure/missing-number",
                    origin.clone(),
                    format!("任务序号不连续：缺第 {missing} 项（最大序号 {max}）"),
                )
                .with_hint(
                    "如原文是节选、保留原方案的序号，可不处理；否则请核对原文是否缺了这几项",
                ),
            );
        }
        previous = no;
    }
    out
}

/// Tasks without content or without any unit, and cells longer than Excel holds.
pub fn empty_cells(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in &cx.plan.tasks {
        let chars = task.content.chars().count();
        if chars > crate::form::CELL_LIMIT {
            out.push(
                Diagnostic::warning(
                    "structure/too-long",
                    task.origin.clone(),
                    format!(
                        "第 {} 项任务的内容有 {chars} 字，超过 Excel 单元格上限 32767 字；Excel 文件中将截断并注明，PDF 和 Markdown 保留全文",
                        task.no
                    ),
                )
                .with_hint("请核对该任务是否误把多行内容并入了一个单元格"),
            );
        }
        if task.content.trim().is_empty() {
            out.push(Diagnostic::error(
                "structure/empty-content",
                task.origin.clone(),
                format!("第 {} 项任务没有具体内容", task.no),
            ));
        }
        if task.units_text.trim().is_empty() {
            out.push(
                Diagnostic::error(
                    "structure/empty-units",
                    task.origin.clone(),
                    format!("第 {} 项任务没有责任单位", task.no),
                )
                .with_hint(format!(
                    "请在分工表中补上责任单位，或在 {} 中写 [[corrections]] task = {} 和 units = \"单位名\"；如这一行只是说明（如总体要求）、不是任务，请清空它的序号",
                    cx.config_path(),
                    task.no
                )),
            );
        }
    }
    out
}

/// A plan none of whose tasks names a unit — each names only phrases (相关部门, 技工院校内由
/// 人力资源社会保障行政部门): no unit has a sheet to receive, and what was read as tasks is
/// likely not the plan's division of work at all. An error: nothing to publish by.
pub fn no_unit_named(cx: &Context) -> Vec<Diagnostic> {
    let tasks = &cx.plan.tasks;
    let Some(first) = tasks.iter().find(|t| !t.units_text.trim().is_empty()) else {
        return Vec::new();
    };
    if tasks.iter().any(|t| !t.units.is_empty()) {
        return Vec::new();
    }
    let written: Vec<&str> = (tasks.iter())
        .flat_map(|t| t.unspecified.iter().map(String::as_str))
        .take(3)
        .collect();
    vec![
        Diagnostic::error(
            "structure/no-unit-named",
            first.units_place().clone(),
            format!(
                "{}没有指明具体单位（只写了「{}」）：没有单位可以下发任务单，读入的可能并不是方案的任务分工",
                match tasks.len() {
                    1 => "读入的唯一一项任务".to_string(),
                    n => format!("读入的 {n} 项任务都"),
                },
                written.join("」「")
            ),
        )
        .with_hint("请用 fengong dump 核对读入的任务；如分工表在另一个文件中，请放入同一文件夹"),
    ]
}

/// Tasks whose units are all supports: a 牵头单位 cell left empty (or cut off), so no unit
/// answers for the task and its return is nobody's to make.
pub fn no_lead(cx: &Context) -> Vec<Diagnostic> {
    cx.plan
        .tasks
        .iter()
        .filter(|task| {
            !task.units.is_empty() && task.units.iter().all(|a| a.role != Role::Lead)
        })
        .map(|task| {
            let listed: Vec<&str> = task.units.iter().map(|a| a.name.as_str()).collect();
            Diagnostic::warning(
                "structure/no-lead",
                task.units_origin.clone().unwrap_or_else(|| task.origin.clone()),
                format!(
                    "第 {} 项任务没有牵头单位，所列单位（{}）都是配合单位：任务单上没有单位牵头汇总进展",
                    task.no,
                    listed.join("、")
                ),
            )
            .with_hint("请在分工表的牵头单位一格补上，或核对这一行是否被截断")
        })
        .collect()
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$").unwrap()
});

/// A plan with no title anywhere (no prose title, no 附件说明, no table title, no
/// `[plan] title`): every document would print an empty 《》.
pub fn title(cx: &Context) -> Vec<Diagnostic> {
    if cx.plan.title.is_some() {
        return Vec::new();
    }
    let source = cx.plan.sources.first().cloned().unwrap_or_default();
    vec![
        Diagnostic::error(
            "plan/no-title",
            Location::file(source),
            "来源中找不到方案标题（正文标题、附件说明或分工表标题都没有）",
        )
        .with_hint(format!(
            "在 {} 的 [plan] 中填写 title = \"……\"",
            cx.config_path()
        ))
        .with_remedy(crate::base::diag::Remedy::PlanTitle),
    ]
}

/// A title that says how many tasks the plan has (`(共计121项)`, `共50项重点任务`) over
/// another number of tasks read: rows lost to a cut copy or a layout not read. Said once.
pub fn declared_count(cx: &Context) -> Vec<Diagnostic> {
    static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"共(?:计|有)?\s*(\d{1,4})\s*(?:项|条)").unwrap()
    });
    let titles = [cx.plan.title_as_written(), cx.plan.table.title.clone()];
    let Some((title, declared)) = titles.iter().flatten().find_map(|t| {
        let ascii = crate::base::cjk::ascii_digits(t);
        let n: usize = DECLARED.captures(&ascii)?[1].parse().ok()?;
        Some((t, n))
    }) else {
        return count_in_the_words(cx).into_iter().collect();
    };
    let read = cx.plan.tasks.len();
    if read == declared {
        return Vec::new();
    }
    let place = (cx.plan.table.origin.clone())
        .or_else(|| cx.plan.tasks.first().map(|t| t.origin.clone()))
        .unwrap_or_else(|| Location::file(cx.plan.sources.first().cloned().unwrap_or_default()));
    vec![
        Diagnostic::warning(
            "plan/count-differs",
            place,
            format!("标题「{title}」写明共 {declared} 项，读出的任务是 {read} 项"),
        )
        .with_hint("请核对原文：任务是否有缺漏（复制不全、某种排版未读出），或标题中的数字有误"),
    ]
}

/// The notice's body or the plan's opening words saying how many tasks it hands out
/// (现将…6个方面243项工作任务予以分解印发, 《方案》确定的146项工作任务) over another number
/// read: the table copied in part, or rows lost. Said once, at that paragraph; a text
/// giving two different counts is left alone.
fn count_in_the_words(cx: &Context) -> Option<Diagnostic> {
    static STATED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(\d{1,4})\s*项(?:重点|主要|具体|目标)?(?:工作任务|任务|工作|事项|实事)")
            .unwrap()
    });
    // 3项工作机制 counts something else: the count's noun ends there.
    let ends_there = |rest: &str| {
        rest.chars().next().is_none_or(|c| {
            !crate::base::cjk::is_han(c) || "予的已分进全均由在为和及、".contains(c)
        })
    };
    let paragraphs = cx.plan.notice.body.iter().chain(&cx.plan.preamble);
    // Each count with its clause (现将…6个方面243项工作任务予以分解印发) and place.
    let mut found: Vec<(usize, String, &Location)> = Vec::new();
    for paragraph in paragraphs {
        let ascii = crate::base::cjk::ascii_digits(&paragraph.text);
        for caps in STATED.captures_iter(&ascii) {
            let (Some(whole), Ok(n)) = (caps.get(0), caps[1].parse::<usize>()) else {
                continue;
            };
            if ends_there(&ascii[whole.end()..]) {
                let stop = |c: char| matches!(c, '。' | '，' | '；' | ',' | ';');
                let after_stop =
                    |at: usize| at + ascii[at..].chars().next().map_or(0, char::len_utf8);
                let start = ascii[..whole.start()].rfind(stop).map_or(0, after_stop);
                let end = ascii[whole.end()..]
                    .find(stop)
                    .map_or(ascii.len(), |at| whole.end() + at);
                found.push((n, ascii[start..end].trim().to_string(), &paragraph.origin));
            }
        }
    }
    let (declared, clause, origin) = found.first()?.clone();
    let read = cx.plan.tasks.len();
    if found.iter().any(|(n, _, _)| *n != declared) || read == declared {
        return None;
    }
    Some(
        Diagnostic::warning(
            "plan/count-differs",
            origin.clone(),
            format!("正文「{clause}」写明 {declared} 项，读出的任务是 {read} 项"),
        )
        .with_hint("请核对原文：分工表是否复制完整、某种排版未读出，或正文中的数字有误"),
    )
}

/// A part's or group's heading that says how many tasks it holds (一、县示范区管委会牵头工作
/// （8项）) over another number read under it: items lost or misread. Said for each.
pub fn heading_counts(cx: &Context) -> Vec<Diagnostic> {
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[（(]\s*(?:共(?:计|有)?)?\s*(\d{1,3})\s*(?:项|条)\s*[）)]\s*$").unwrap()
    });
    let declared = |title: &str| -> Option<usize> {
        let ascii = crate::base::cjk::ascii_digits(title);
        COUNTED.captures(&ascii)?[1].parse().ok()
    };
    let mut out = Vec::new();
    for section in &cx.plan.sections {
        let read: usize = section.groups.iter().map(|g| g.tasks.len()).sum();
        let origin = section.origin.as_ref().or(section.table_origin.as_ref());
        let heads = std::iter::once((&section.title, origin, read))
            .chain((section.groups.iter()).map(|g| (&g.title, g.origin.as_ref(), g.tasks.len())));
        for (title, origin, read) in heads {
            let (Some(declared), Some(origin)) = (declared(title), origin) else {
                continue;
            };
            if declared != read {
                out.push(Diagnostic::warning(
                    "plan/count-differs",
                    origin.clone(),
                    format!("标题「{}」写明 {declared} 项，其下读出的任务是 {read} 项", crate::base::cjk::excerpt(title)),
                ).with_hint("请核对原文：其下的任务是否有缺漏（复制不全、某种排版未读出），或标题中的数字有误"));
            }
        }
    }
    out
}

/// Tasks left without a deadline: no 完成时限 written, and no default in the config (a plan
/// whose year is unknown gets none from `fengong init`). Said once, with the tasks, since
/// their sheets and the evaluation leave the deadline blank.
pub fn deadlines(cx: &Context) -> Vec<Diagnostic> {
    let without: Vec<&crate::model::Task> = cx
        .plan
        .tasks
        .iter()
        .filter(|t| t.deadline.is_none() && t.deadline_text.is_none())
        .collect();
    let Some(first) = without.first() else {
        return Vec::new();
    };
    let numbers = crate::base::number::task_list(without.iter().take(12).map(|t| t.no));
    let more = if without.len() > 12 { "等" } else { "" };
    // A date inside a task's text (2017年3月底前拨付…, 2025年底前，市级机关…) is that part's,
    // not the task's.
    let dated_text = without.iter().any(|t| {
        ["底前", "日前", "月前"]
            .iter()
            .any(|w| t.content.contains(w))
    });
    let written = if dated_text {
        "原文没有单列完成时限（任务内容中的“×月底前”“×年底前”等只管其中一项工作）"
    } else {
        "原文未写完成时限"
    };
    let why = if cx.plan.year.is_none() {
        format!("{written}，也看不出方案的年份")
    } else {
        format!("{written}，配置中也没有默认完成时限")
    };
    vec![
        Diagnostic::warning(
            "plan/no-deadline",
            first.origin.clone(),
            format!(
                "第 {numbers} {more}项任务（共 {} 项）没有完成时限：{why}；任务单和评估中完成时限空缺",
                without.len()
            ),
        )
        .with_hint(format!(
            "在 {} 的 [plan] 中填写 default_deadline = \"YYYY-MM-DD\"（如当年年底）；原文的“5月底前”等时限还需 year = 年份才能换算",
            cx.config_path()
        )),
    ]
}

/// The notice: 文号 brackets, title, issuer, 署名 and 成文日期, and the attachments; or why
/// there is no notice.
/// How many paragraphs of its own words the plan has (preamble, parts' words, groups' text,
/// closing), besides its tasks.
fn paragraphs_of_its_own(plan: &crate::model::Plan) -> usize {
    plan.preamble.len()
        + plan.closing.len()
        + plan.after_table.len()
        + plan.sections.iter().map(|s| s.intro.len()).sum::<usize>()
        + plan.groups().filter(|g| !g.text.trim().is_empty()).count()
}

pub fn notice(cx: &Context) -> Vec<Diagnostic> {
    let notice = &cx.plan.notice;
    let Some(start) = notice.origin.clone() else {
        let source = cx.plan.sources.first().cloned().unwrap_or_default();
        let plan = cx.plan;
        let own_text = paragraphs_of_its_own(plan);
        // The plan's own words are printed in the notice's attachment: without a notice, as
        // the plan itself (compose::notice_documents).
        // A plan whose text hands out its tasks is printed as written, the table apart.
        let tasks_in_text = plan.table.column_order.is_empty();
        let words = if own_text > 0 && tasks_in_text {
            format!("；方案正文 {own_text} 段照原文另印为方案.md、方案.pdf 和方案.docx")
        } else if own_text > 0 {
            format!("；方案正文 {own_text} 段连同任务分工表另印为方案.md、方案.pdf 和方案.docx")
        } else {
            String::new()
        };
        return vec![Diagnostic::note(
            "notice/not-made",
            Location::file(source),
            format!(
                "来源中没有通知（红头、发文字号），不生成通知.md 和通知.pdf；任务分工表、任务单和评估照常发布{words}"
            ),
        )];
    };
    let end = notice.end_origin.clone().unwrap_or(start.clone());
    let mut out = notice_head(cx, &start);
    out.extend(unpaired_title_marks(&notice.body));
    out.extend(unpaired_marks_in_title(cx, &start));
    out.extend(attachments(cx, &end));
    out.extend(signer(cx, &end));
    out.extend(date(cx, &end));
    out
}

/// A notice title whose 《 and 》 do not pair (关于印发《…三年实施计划(2013—2015年)的通知: the
/// page lost the closing mark): printed as written, so said where the title stands.
fn unpaired_marks_in_title(cx: &Context, start: &Location) -> Option<Diagnostic> {
    let notice = &cx.plan.notice;
    let title = notice
        .title
        .as_deref()
        .filter(|_| !notice.from_config.title)?;
    let (opens, closes) = (title.matches('《').count(), title.matches('》').count());
    if opens == closes {
        return None;
    }
    let opening: String = title.chars().take(8).collect();
    let place =
        (cx.source_line_of(start.path(), &opening)).map_or(start.clone(), |l| start.at_line(l));
    Some(
        Diagnostic::warning(
            "notice/title-marks",
            place,
            format!(
                "通知标题的书名号不成对（《 {opens} 个，》 {closes} 个）：发布的通知照原文印出"
            ),
        )
        .with_hint("请对照原文补上缺少的书名号后重新发布"),
    )
}

/// Body paragraphs whose 《 and 》 do not pair (…工作报告重点工作责任分解》已经县政府同意:
/// the source lost the opening mark): printed as written, so said.
fn unpaired_title_marks(body: &[crate::model::Paragraph]) -> Vec<Diagnostic> {
    body.iter()
        .filter_map(|p| {
            let opens = p.text.matches('《').count();
            let closes = p.text.matches('》').count();
            (opens != closes).then(|| {
                Diagnostic::warning(
                    "notice/title-marks",
                    p.origin.clone(),
                    format!(
                        "通知正文这一段的书名号不成对（《 {opens} 个，》 {closes} 个）：「{}」",
                        crate::base::cjk::excerpt(&p.text)
                    ),
                )
                .with_hint("请对照原文补上缺少的书名号")
            })
        })
        .collect()
}

/// What the notice's head lacks or writes wrongly: the 文号's form, a title, an issuer.
fn notice_head(cx: &Context, start: &Location) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let notice = &cx.plan.notice;
    let config_place = cx.config_path();
    if let (Some(written), Some(normal)) = (&notice.doc_number_written, &notice.doc_number)
        && written != normal
    {
        out.push(
            Diagnostic::warning(
                "notice/doc-number",
                doc_number_place(cx).unwrap_or(start.clone()),
                format!("发文字号「{written}」不合 GB/T 9704 写法，应为「{normal}」"),
            )
            .with_hint("年份用六角括号〔〕，序号不编虚位、不加“第”；发布的文件已按规范写法排印"),
        );
    }
    if notice.title.is_none() {
        // What the notice will be titled, when the plan has a name to title it with.
        let printed = match cx.plan.title.as_deref() {
            Some(plan) => format!("；发布的通知以「{}」为题", notice.title_made_up(plan)),
            None => String::new(),
        };
        out.push(
            Diagnostic::warning(
                "notice/no-title",
                start.clone(),
                format!("原文通知没有标题{printed}"),
            )
            .with_hint(format!(
                "如需改用其他标题，在 {config_place} 的 [notice] title 中填写"
            )),
        );
    }
    // No 版头 in the source: the one printed is the 署名's agency.
    if let (Some(issuer), true) = (&notice.issuer, notice.issuer_from_signer) {
        out.push(Diagnostic::note(
            "notice/issuer-from-signer",
            start.clone(),
            format!("原文没有版头（发文机关标志）：发布的通知按署名「{issuer}」印出版头"),
        ));
    }
    if notice.issuer.is_none() && notice.signer.is_none() {
        out.push(
            Diagnostic::warning(
                "notice/no-issuer",
                start.clone(),
                "通知没有发文机关（原文没有版头，也没有署名）：发布的通知不印版头（发文机关标志和红线）",
            )
            .with_hint(format!(
                "在 {config_place} 的 [notice] signer 中填写发文机关名称，版头和署名都用它"
            )),
        );
    }
    out
}

/// Whether two names of a document are one: a title quoted inside another's marks writes
/// 〈〉 for 《》 (《〈政府工作报告〉重点任务分工方案》), and spacing differs.
fn same_name(a: &str, b: &str) -> bool {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '〈' => '《',
                '〉' => '》',
                c => c,
            })
            .collect()
    };
    plain(a) == plain(b)
}

/// The 附件说明 against what is attached: more attachments than this plan, or another name.
/// No 附件说明: the published notice names what it attaches — not where the notice is the
/// table itself (its title the plan's, no words of the plan's own).
fn attachment_note_added(cx: &Context, end: &Location) -> Option<Diagnostic> {
    let notice = &cx.plan.notice;
    let table_in_body = notice.title.is_some()
        && notice.title == cx.plan.title
        && paragraphs_of_its_own(cx.plan) == 0
        && notice.handed_out.is_none();
    (notice.attachments.is_empty() && !table_in_body).then(|| {
        Diagnostic::note(
            "notice/attachment-note-added",
            end.clone(),
            "原文通知没有附件说明：发布的通知在正文之后按所附的方案（或任务分工表）补上「附件：……」一行",
        )
    })
}

/// Whether the attachment `name` was read into the published table: a further 分工表 of the
/// source (附件2) is a section of it, or a part under its own title; the plan's table under
/// its title is printed as the attachment the list names.
fn read_as_part(plan: &crate::model::Plan, name: &str) -> bool {
    plan.sections.iter().any(|s| s.title == name)
        || (plan.table.title.as_ref()).is_some_and(|t| crate::model::lists_the_table(name, t))
        || (plan.table.parts.iter()).any(|p| same_name(&p.title, name))
}

fn attachments(cx: &Context, end: &Location) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let notice = &cx.plan.notice;
    out.extend(attachment_note_added(cx, end));
    let read_as_part = |name: &String| read_as_part(cx.plan, name);
    // The plan is the attachment of its title, wherever the list puts it (附件2 the 分解表
    // the tasks are read from); else the first.
    let plan_at = (notice.attachments.iter())
        .position(|a| cx.plan.title.as_ref() == Some(a))
        .unwrap_or(0);
    let others: Vec<&str> = notice
        .attachments
        .iter()
        .enumerate()
        .filter(|(at, _)| *at != plan_at)
        .map(|(_, a)| a)
        .filter(|a| !read_as_part(a))
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        out.push(
            Diagnostic::warning(
                "notice/attachments",
                end.clone(),
                format!(
                    "附件说明列出 {} 个附件，发布的通知只附本方案及其任务分工表；其余附件（{}）需另行附上",
                    notice.attachments.len(),
                    others.join("、")
                ),
            )
            .with_hint("发文前核对附件说明与实际附件是否一致"),
        );
    }
    // No 附件说明, but the body hands out several documents by name: the others are not
    // among what is published either.
    if notice.attachments.is_empty()
        && let Some((named, paragraph)) = notice.documents_handed_out()
    {
        let others: Vec<&str> = (named.iter())
            .filter(|n| {
                !cx.plan.title.as_ref().is_some_and(|t| same_name(n, t)) && !read_as_part(n)
            })
            .map(String::as_str)
            .collect();
        if named.len() > 1 && !others.is_empty() {
            out.push(
                Diagnostic::warning(
                    "notice/attachments",
                    paragraph.origin.clone(),
                    format!(
                        "通知正文印发 {} 个文件，发布的通知只附本方案及其任务分工表；其余文件（{}）需另行附上",
                        named.len(),
                        others.iter().map(|n| format!("《{n}》")).collect::<String>()
                    ),
                )
                .with_hint("原文没有附件说明：发文前核对所附文件是否齐全"),
            );
        }
    }
    // 附件：任务分工表 (or …方案任务分工表) over the plan's table names what is attached.
    let names_the_table = |attachment: &str, title: &str| {
        crate::model::names_a_table(attachment)
            && crate::model::plan_of_table(attachment).is_none_or(|plan| plan == title)
    };
    // 附件：1.主要指标任务 2.重点工作任务, each a part the plan's table reads in: the plan's
    // parts, named so, not a document titled otherwise.
    let all_parts = notice.attachments.len() > 1 && notice.attachments.iter().all(read_as_part);
    if let (Some(attachment), Some(title)) = (notice.attachments.get(plan_at), &cx.plan.title)
        && attachment != title
        && !names_the_table(attachment, title)
        && !all_parts
    {
        out.push(Diagnostic::warning(
            "notice/attachment-title",
            end.clone(),
            format!("附件说明「{attachment}」与附件标题「{title}」不一致"),
        ));
    }
    out
}

/// The 署名: missing, or taken from the config.
fn signer(cx: &Context, end: &Location) -> Option<Diagnostic> {
    let config_place = cx.config_path();
    match (&cx.plan.notice.signer, cx.source_notice_field("signer")) {
        (None, _) => Some(
            Diagnostic::warning(
                "notice/no-signer",
                end.clone(),
                match cx.plan.notice.issuer.as_deref() {
                    // The published notice signs with the issuer (view::NoticeView).
                    // Issued jointly: the agencies one a line, said on one.
                    Some(issuer) => format!(
                        "通知没有署名（发文机关署名）：发布的通知以发文机关「{}」署名，请核对",
                        issuer.replace('\n', "」「")
                    ),
                    None => "通知没有署名（发文机关署名）".to_string(),
                },
            )
            .with_hint(format!(
                "在 {config_place} 的 [notice] signer 中填写后重新发布"
            ))
            .with_remedy(Remedy::NoticeSigner),
        ),
        (Some(signer), false) => Some(Diagnostic::note(
            "notice/signer-from-config",
            end.clone(),
            format!("原文没有署名，已采用配置中的「{signer}」"),
        )),
        _ => None,
    }
}

/// The 成文日期: missing, taken from the config, or not in the standard's form.
fn date(cx: &Context, end: &Location) -> Vec<Diagnostic> {
    let config_place = cx.config_path();
    let from_source = cx.source_notice_field("date");
    let notice = &cx.plan.notice;
    let Some(date) = &notice.date else {
        let message = match &notice.date_unreadable {
            Some(written) => {
                let lost = if written.contains('年') {
                    "月日"
                } else {
                    "年月日"
                };
                format!(
                    "通知的成文日期「{written}」缺“{lost}”，看不出是哪一天；发布的通知将留出日期行待手写"
                )
            }
            None => "通知没有成文日期；发布的通知将留出日期行待手写".to_string(),
        };
        // An unreadable date is said where it stands.
        let place = notice
            .date_origin
            .as_ref()
            .filter(|_| notice.date_unreadable.is_some());
        return vec![
            Diagnostic::warning("notice/no-date", place.unwrap_or(end).clone(), message)
                .with_hint(format!(
                    "在 {config_place} 的 [notice] date 中填写，如 date = \"2025年3月5日\""
                ))
                .with_remedy(Remedy::NoticeDate),
        ];
    };
    let mut out = Vec::new();
    if !from_source {
        out.push(Diagnostic::note(
            "notice/date-from-config",
            end.clone(),
            format!("原文没有成文日期，已采用配置中的「{date}」"),
        ));
    }
    if !DATE.is_match(date) {
        // 2021年2月: some joint notices are dated so; the notice prints it as written.
        let (message, hint) = if date.ends_with('月') {
            (
                format!(
                    "成文日期「{date}」没有写日（GB/T 9704 的成文日期年、月、日俱全）；发布的通知照原文印出"
                ),
                "如原件写有日，请对照原件补全，如 2025年3月5日",
            )
        } else {
            let said = match notice.date_written.as_deref().filter(|_| from_source) {
                Some(written) => format!("「{written}」（读作「{date}」）"),
                None => format!("「{date}」"),
            };
            (
                format!("成文日期{said}不合规范"),
                "用阿拉伯数字写全年份，月、日不编虚位，如 2025年3月5日",
            )
        };
        // Said where the source dates it: a gazette's head, not the notice's end.
        let place = notice.date_origin.as_ref().filter(|_| from_source);
        let d = Diagnostic::warning("notice/date-format", place.unwrap_or(end).clone(), message)
            .with_hint(hint);
        // A date the config supplied can be set again from the page.
        out.push(if from_source {
            d
        } else {
            d.with_remedy(Remedy::NoticeDate)
        });
    } else if from_source {
        out.extend(date_in_figures(notice, end));
    }
    out
}

/// A 成文日期 the source writes in Chinese numerals (二〇二五年三月十二日; 二OO八年…, its 〇
/// typed as the letter O), printed in figures: said where it is written.
fn date_in_figures(notice: &crate::model::Notice, end: &Location) -> Option<Diagnostic> {
    let (written, date) = (notice.date_written.as_deref()?, notice.date.as_deref()?);
    Some(Diagnostic::note(
        "notice/date-format",
        notice.date_origin.as_ref().unwrap_or(end).clone(),
        format!(
            "成文日期原文写作「{written}」：GB/T 9704 用阿拉伯数字标全年、月、日，发布的通知印作「{date}」"
        ),
    ))
}

fn doc_number_place(cx: &Context) -> Option<Location> {
    let written = cx.plan.notice.doc_number_written.as_deref()?;
    let origin = cx.plan.notice.origin.as_ref()?;
    let line = cx.source_line_of(origin.path(), written)?;
    Some(origin.at_line(line))
}

#[cfg(test)]
mod tests {
    use super::super::{SAMPLE, SAMPLE_CONFIG, at as s, codes, run_one};
    use super::*;

    #[test]
    fn a_title_quoted_inside_another_names_the_same_document() {
        assert!(same_name(
            "〈政府工作报告〉重点任务分工方案",
            "《政府工作报告》重点任务 分工方案"
        ));
        assert!(!same_name(
            "政府工作报告重点任务分工方案",
            "安全生产责任分工方案"
        ));
    }

    #[test]
    fn tasks_without_a_deadline_are_said_once() {
        let config = SAMPLE_CONFIG.replace("default_deadline = \"2024-12-31\"", "");
        let found = run_one(SAMPLE, &config, deadlines);
        let first_task_line = found
            .first()
            .and_then(|d| d.location.line_no())
            .unwrap_or(0);
        assert_eq!(
            codes(&found),
            [("plan/no-deadline".to_string(), first_task_line)]
        );
        assert!(first_task_line > 0);
        assert!(
            found[0].message.contains("第 1、2、3、4、5 项"),
            "{}",
            found[0].message
        );
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, deadlines).is_empty());
    }

    #[test]
    fn a_title_counting_other_tasks_than_read_is_said() {
        let titled = |count: &str| {
            SAMPLE.replace(
                "# 某区2025年工作安排",
                &format!("# 某区2025年工作安排（共{count}项）"),
            )
        };
        let found = run_one(&titled("121"), SAMPLE_CONFIG, declared_count);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "plan/count-differs");
        assert!(found[0].message.contains("共 121 项，读出的任务是 5 项"));
        assert!(run_one(&titled("５"), SAMPLE_CONFIG, declared_count).is_empty());
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, declared_count).is_empty());
    }

    /// 泾县's notice: 现将…6个方面243项工作任务予以分解印发 over a table read with 5.
    #[test]
    fn a_notice_counting_other_tasks_than_read_is_said() {
        let counted = |words: &str| SAMPLE.replace("现印发给你们。", words);
        let found = run_one(
            &counted("现将2025年6个方面243项工作任务予以分解印发。"),
            SAMPLE_CONFIG,
            declared_count,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("写明 243 项，读出的任务是 5 项"),
            "{}",
            found[0].message
        );
        for same in [
            "现将5项工作任务印发给你们。",
            "建立3项工作机制，现印发给你们。",
        ] {
            assert!(
                run_one(&counted(same), SAMPLE_CONFIG, declared_count).is_empty(),
                "{same}"
            );
        }
    }

    #[test]
    fn duplicate_and_missing_numbers() {
        let source = SAMPLE
            .replace("\t2\t开展城市体检。", "\t1\t开展城市体检。")
            .replace("\t5\t加强宣传教育。", "\t7\t加强宣传教育。");
        let found = codes(&run_one(&source, SAMPLE_CONFIG, numbering));
        assert_eq!(
            found,
            [
                s("structure/duplicate-number", 32),
                s("structure/missing-number", 33),
                s("structure/missing-number", 36),
            ]
        );
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, numbering).is_empty());
    }

    #[test]
    fn empty_cells() {
        let source = SAMPLE
            .replace("\t区建设管理委\n", "\t\n")
            .replace("打造服务品牌。", "");
        let found = codes(&run_one(&source, SAMPLE_CONFIG, super::empty_cells));
        assert_eq!(
            found,
            [
                s("structure/empty-units", 32),
                s("structure/empty-content", 33)
            ]
        );
    }

    #[test]
    fn a_plan_whose_tasks_name_no_unit_is_an_error() {
        let phrases = [
            "区发展改革委、区教育局",
            "区建设管理委",
            "区教育局，各街镇",
            "区卫生健康委",
        ];
        let mut source = SAMPLE.to_string();
        for units in phrases {
            source = source.replace(&format!("\t{units}\n"), "\t相关部门\n");
        }
        let found = run_one(&source, SAMPLE_CONFIG, no_unit_named);
        assert_eq!(codes(&found), [s("structure/no-unit-named", 31)]);
        assert!(
            found[0]
                .message
                .contains("读入的 5 项任务都没有指明具体单位")
        );
        // One task naming a unit is enough: the others are said task by task.
        let one_named = source.replacen("\t相关部门\n", "\t区教育局\n", 1);
        assert!(run_one(&one_named, SAMPLE_CONFIG, no_unit_named).is_empty());
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, no_unit_named).is_empty());
    }

    #[test]
    fn a_task_whose_lead_cell_is_empty_has_no_lead() {
        let source = SAMPLE
            .replace("具体内容\t责任单位", "具体内容\t牵头单位\t配合单位")
            .replace("\t区建设管理委\n", "\t\t区建设管理委\n");
        let found = run_one(&source, SAMPLE_CONFIG, no_lead);
        assert_eq!(codes(&found), [s("structure/no-lead", 32)]);
        assert!(found[0].message.contains("第 2 项") && found[0].message.contains("区建设管理委"));
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, no_lead).is_empty());
    }

    #[test]
    fn notice_number_signer_date_attachment() {
        let found = codes(&run_one(SAMPLE, SAMPLE_CONFIG, notice));
        assert_eq!(
            found,
            [
                s("notice/doc-number", 3),
                s("notice/no-signer", 11),
                s("notice/no-date", 11),
            ]
        );
        // Signer and date from the config are notes; a badly written date is a warning.
        let config = format!(
            "[notice]\nsigner = \"某区发展和改革委员会\"\ndate = \"2025年03月05日\"\n{SAMPLE_CONFIG}"
        );
        let source = SAMPLE.replace("某发改(2025)3号", "某发改〔2025〕3号");
        let found = codes(&run_one(&source, &config, notice));
        assert_eq!(
            found,
            [
                s("notice/signer-from-config", 11),
                s("notice/date-from-config", 11),
                s("notice/date-format", 11),
            ]
        );
        let source = SAMPLE.replace(
            "附件：《某区2025年工作安排》",
            "附件：《某区2024年工作安排》",
        );
        let found = codes(&run_one(&source, SAMPLE_CONFIG, notice));
        assert!(found.contains(&s("notice/attachment-title", 11)));
    }
}
