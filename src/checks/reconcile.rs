//! Table against prose, character by character: each task's table text beside its sentence(s)
//! of the prose, traditional characters in simplified text, and prose the table leaves out.

use std::sync::LazyLock;

use regex::Regex;

use super::Context;
use super::diff::{Hunk, diff, mark};
use crate::base::cjk::{sentences, simplified};
use crate::base::diag::{Diagnostic, Location, Remedy};
use crate::base::number::task_list;

/// Every task whose table text differs from its prose, with both versions of each change.
pub fn task_text(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in &cx.plan.tasks {
        let Some(prose) = &task.prose else { continue };
        if task
            .correction
            .as_ref()
            .is_some_and(|c| c.content_was.is_some())
        {
            continue; // the user decided; the audit lists the correction
        }
        let hunks: Vec<Hunk> = diff(&task.content, prose)
            .into_iter()
            .filter(|h| !is_traditional_only(h))
            .collect();
        if hunks.is_empty() {
            continue;
        }
        let prose_line = task
            .prose_origin
            .as_ref()
            .map(|l| l.to_string())
            .unwrap_or_default();
        let mut d = Diagnostic::warning(
            "text/differs",
            task.origin.clone(),
            format!(
                "第 {} 项的分工表文字与正文（{prose_line}）有 {} 处不同",
                task.no,
                hunks.len()
            ),
        );
        for h in &hunks {
            d = d.with_hint(format!("表：{}　文：{}", mark(h, false), mark(h, true)));
        }
        out.push(
            d.with_hint(format!(
                "如以正文为准，在 {} 中加 [[corrections]] task = {} use_prose = true",
                cx.config_path(),
                task.no
            ))
            .with_remedy(Remedy::TaskText {
                task: task.no,
                table: task.content.clone(),
                prose: prose.clone(),
            }),
        );
    }
    out
}

/// A change that only turns a traditional character into its simplified form is reported by
/// [`traditional`], not twice.
fn is_traditional_only(h: &Hunk) -> bool {
    let (old, new): (Vec<char>, Vec<char>) = (h.old.chars().collect(), h.new.chars().collect());
    old.len() == new.len()
        && !old.is_empty()
        && old
            .iter()
            .zip(&new)
            .all(|(o, n)| simplified(*o) == Some(*n))
}

/// Traditional characters in the simplified text of the table.
pub fn traditional(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A text written in traditional characters throughout is no OCR slip: said once.
    let with_traditional: Vec<&crate::model::Task> = cx
        .plan
        .tasks
        .iter()
        .filter(|t| t.content.chars().any(|c| simplified(c).is_some()))
        .collect();
    let count: usize = with_traditional
        .iter()
        .map(|t| {
            t.content
                .chars()
                .filter(|c| simplified(*c).is_some())
                .count()
        })
        .sum();
    if count >= 12 || (count >= 6 && with_traditional.len() >= 2) {
        let numbers = task_list(with_traditional.iter().take(10).map(|t| t.no));
        let more = if with_traditional.len() > 10 {
            "等"
        } else {
            ""
        };
        out.push(
            Diagnostic::warning(
                "text/traditional",
                with_traditional[0].origin.clone(),
                format!("任务内容是繁体字（第 {numbers} {more}项）：发布的文件照原文印出；PDF 所用的仿宋字库缺少部分繁体字，这些字以宋体补印，字形略有不同"),
            )
            .with_hint("如需简体，请先把来源转换为简体（如 Word 的“繁转简”）后放回原文件夹"),
        );
        return out;
    }
    for task in &cx.plan.tasks {
        for (i, c) in task.content.char_indices() {
            let Some(simple) = simplified(c) else {
                continue;
            };
            let context: String = task.content[..i]
                .chars()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            out.push(
                Diagnostic::warning(
                    "text/traditional",
                    task.origin.clone(),
                    format!(
                        "第 {} 项「{context}{c}」中的「{c}」是繁体字，应为「{simple}」",
                        task.no
                    ),
                )
                .with_hint(format!("OCR 常把「{simple}」识别成「{c}」")),
            );
        }
    }
    out
}

/// Units named in traditional characters (市政府辦公室): their sheets would be titled and
/// named so. Said once a unit, at its first task's units.
pub fn traditional_unit_names(cx: &Context) -> Vec<Diagnostic> {
    let simplified_name = |name: &str| -> Option<String> {
        name.chars()
            .any(|c| simplified(c).is_some())
            .then(|| name.chars().map(|c| simplified(c).unwrap_or(c)).collect())
    };
    let mut out = Vec::new();
    for unit in &cx.plan.units {
        let Some(simple) = simplified_name(&unit.name) else {
            continue;
        };
        let Some(first) = unit.lead.iter().chain(&unit.support).min() else {
            continue;
        };
        let Some(task) = cx.plan.task(*first) else {
            continue;
        };
        let place = (task.units.iter())
            .find(|a| a.name == unit.name)
            .map_or(task.units_place(), |a| task.unit_place(a));
        out.push(
            Diagnostic::warning(
                "unit/traditional",
                place.clone(),
                format!(
                    "单位名称「{}」是繁体字：它的任务单以此为名和抬头，应为「{simple}」",
                    unit.name
                ),
            )
            .with_hint(format!(
                "在 {} 的 [[units]] 中登记 name = \"{simple}\"，把「{}」写入它的 aliases",
                cx.config_path(),
                unit.name
            )),
        );
    }
    out
}

/// Half-width punctuation in the notice's and the plan's prose (a web page's 经区政府同意,现
/// 将…): printed full-width there, as a document to GB/T 9704 is; said once, at the first
/// paragraph it is in. The tables print their cells as written.
pub fn half_width(cx: &Context) -> Vec<Diagnostic> {
    let plan = cx.plan;
    fn said(p: &crate::model::Paragraph) -> (&str, Option<&Location>) {
        (p.text.as_str(), Some(&p.origin))
    }
    // Each section's words, then its groups' (whose heading is where their text starts).
    let sections = plan.sections.iter().flat_map(|s| {
        (s.intro.iter().map(said))
            .chain((s.groups.iter()).map(|g| (g.text.as_str(), g.origin.as_ref())))
    });
    let prose = (plan.notice.body.iter().map(said))
        .chain(plan.preamble.iter().map(said))
        .chain(sections)
        .chain(plan.closing.iter().map(said))
        .chain(plan.after_table.iter().map(said));
    let changed = |text: &str| {
        crate::base::cjk::in_full_width(text)
            .chars()
            .zip(text.chars())
            .filter(|(a, b)| a != b)
            .count()
    };
    let mut count = 0;
    let mut first = None;
    for (text, origin) in prose {
        let n = changed(text);
        if n > 0 && first.is_none() {
            first = origin.cloned();
        }
        count += n;
    }
    let Some(place) = first else {
        return Vec::new();
    };
    vec![Diagnostic::note(
        "text/half-width",
        place,
        format!(
            "通知和方案正文中有 {count} 处半角标点（, ; : ( ) 等）与汉字相邻：发布时印为全角（，；：（））；任务分工表和任务单中的任务内容照原文印出"
        ),
    )]
}

/// Tasks whose text a reposting site garbled — pinyin it put after characters (構(gòu)建),
/// or another encoding's bytes read as characters (?。ǘ┩七) — said once with every such
/// task: printed as they are, they would go into the tables, the sheets and their names.
pub fn garbled(cx: &Context) -> Vec<Diagnostic> {
    let mut tasks = cx
        .plan
        .tasks
        .iter()
        .filter_map(|t| Some((t, garbled_piece(&format!("{}{}", t.content, t.units_text))?)));
    let Some((first, piece)) = tasks.next() else {
        return Vec::new();
    };
    let numbers = task_list(std::iter::once(first.no).chain(tasks.map(|(t, _)| t.no)));
    vec![
        Diagnostic::warning(
            "text/garbled",
            first.origin.clone(),
            format!(
                "第 {numbers} 项的文字有乱码或转载网站插入的拼音（如「{piece}」）：发布的文件会照样印出"
            ),
        )
        .with_hint("请从原发布机关的网站或原文件重新复制，或在来源文件中改正后重新发布"),
    ]
}

/// The first garbled spot of `text`, with a few characters around it.
fn garbled_piece(text: &str) -> Option<String> {
    let foreign = |c: char| {
        matches!(c, '\u{0250}'..='\u{02AF}' | '\u{2500}'..='\u{257F}' | '\u{FFFD}')
            || ('\u{01CD}'..='\u{01DC}').contains(&c)
    };
    // Pinyin is taken out of text sources as they are read; a Word source may keep it.
    let at = crate::ingest::repost::find_pinyin(text)
        .or_else(|| text.find(foreign))
        .or_else(|| text.find("?。").or_else(|| text.find("?（")))?;
    let start = text[..at].char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    Some(text[start..].chars().take(10).collect())
}

/// Sentences of the prose that no task of the table carries. Not for a plan whose tasks
/// were read from the prose itself (grouped by its labels): there the prose is the tasks.
pub fn prose_only(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if cx.plan.table.grouping == crate::model::GroupingSource::Labels {
        return out;
    }
    for group in cx.plan.groups() {
        let carried: Vec<&str> = group
            .tasks
            .iter()
            .filter_map(|n| cx.plan.task(*n))
            .filter_map(|t| t.prose.as_deref())
            .collect();
        for (start, end) in sentences(&group.text) {
            let sentence = &group.text[start..end];
            // A task's prose is its sentence without the item's number (2、开展…).
            let words = crate::ingest::inline::without_item_number(sentence.trim_start());
            if carried.iter().any(|p| p.contains(words)) {
                continue;
            }
            let Some(origin) = &group.origin else {
                continue;
            };
            let head: String = sentence.chars().take(8).collect();
            let origin = origin
                .line_no()
                .and_then(|from| cx.source_line_from(origin.path(), &head, from))
                .map(|line| origin.at_line(line))
                .unwrap_or(origin.clone());
            out.push(Diagnostic::warning(
                "text/prose-only",
                origin,
                format!(
                    "正文「{}」一段中的这句话在分工表中没有对应任务：{sentence}",
                    group.title
                ),
            ));
        }
    }
    out
}

/// Paragraphs of the plan's own text (its preamble, a part's words, its closing) that hand
/// out work as tasks do — a unit with its role (县水利局牵头) and a deadline, or a numbered
/// line with a unit and a deadline (a table flattened into text) — and that no task carries:
/// work the reading did not see as tasks, said so it is never lost quietly.
pub fn assignments_not_read(cx: &Context) -> Vec<Diagnostic> {
    let plan = cx.plan;
    // The opening words of each task: a line carrying them is that task's own (its text
    // with the assignment in brackets inside it, or its prose).
    let carried: Vec<String> = plan
        .tasks
        .iter()
        .flat_map(|t| [Some(t.content.as_str()), t.prose.as_deref()])
        .flatten()
        .map(|t| {
            let words = compact(t);
            let words = words.trim_end_matches(['。', '；', ';', '.']);
            words.chars().take(12).collect::<String>()
        })
        .filter(|t| t.chars().count() >= 6)
        .collect();
    // A sentence giving out the items above it (以上第1～3项由县水利局牵头，…) is where
    // those tasks' units are read from.
    let gives_units = |origin: &Location| {
        (plan.tasks.iter()).any(|t| {
            t.units_origin.as_ref().is_some_and(|at| {
                at.path() == origin.path()
                    && at.line_no().is_some()
                    && at.line_no() == origin.line_no()
            })
        })
    };
    // A line whose words before its brackets a task holds (a task's hard-wrapped second
    // line, 改造工程建设。（区住建局牵头…）) is that task's.
    let contents: Vec<String> = plan.tasks.iter().map(|t| compact(&t.content)).collect();
    let carried_whole = |line: &str| {
        let words = line.split(['（', '(']).next().unwrap_or(line);
        words.chars().count() >= 4 && contents.iter().any(|c| c.contains(words))
    };
    let paragraphs = plan
        .preamble
        .iter()
        .chain(plan.sections.iter().flat_map(|s| &s.intro))
        .chain(&plan.closing)
        .chain(&plan.after_table)
        .filter(|p| !gives_units(&p.origin));
    let mut out = Vec::new();
    for paragraph in paragraphs {
        let lines: Vec<&str> = paragraph
            .text
            .split('\n')
            .filter(|l| assigns_work(l))
            .filter(|l| {
                let line = compact(l);
                !carried.iter().any(|t| line.contains(t.as_str())) && !carried_whole(&line)
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "text/assignment-not-read",
                paragraph.origin.clone(),
                format!(
                    "这段文字写有责任单位和完成时限，像是在分配任务，但未读作任务：「{}」",
                    crate::base::cjk::excerpt_of(&lines.join(" "), 200)
                ),
            )
            .with_hint("如是任务，请核对原文的编号或表格格式（表格请用制表符或两个以上空格分列）"),
        );
    }
    out
}

/// Text without spaces, for comparing what a task carries with a line of the source.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a line hands out work: a deadline, a body's name, and a role word or a row's
/// number standing apart (a table set as text).
fn assigns_work(line: &str) -> bool {
    static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|上旬|中旬|下旬)?\s*前|年底前|年内|长期坚持",
        )
        .unwrap()
    });
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[省市县区镇乡][\p{Han}]{1,12}?(?:局|委|办|院|政府|中心|分局|公司)").unwrap()
    });
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(?:局|委|办|院|政府|中心|公司)\s*(?:牵头|负责|配合)").unwrap()
    });
    static ROW: LazyLock<Regex> = LazyLock::new(|| {
        // A row's number standing apart before its words: `1 组织防汛应急演练…`.
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(?:^|[\s\p{Han}])[0-9０-９]{1,2}\s+\p{Han}").unwrap()
    });
    let line = line.trim();
    DEADLINE.is_match(line) && BODY.is_match(line) && (ROLE.is_match(line) || ROW.is_match(line))
}

#[cfg(test)]
mod tests {
    use super::super::{SAMPLE, SAMPLE_CONFIG, at as s, codes, run_one};
    use super::*;

    #[test]
    fn lines_handing_out_work_are_told_from_requirements() {
        for work in [
            "对全县水库开展排查（县水利局牵头，县住建局配合，2025年5月15日前完成）。",
            "序号 工作任务 责任单位 完成时限1 组织防汛应急演练 县应急管理局 2025年6月底前",
        ] {
            assert!(assigns_work(work), "{work}");
        }
        for other in [
            "各责任单位于每年6月20日前将进展情况报送区发改委。",
            "县黑土地保护工作领导小组统筹推进，实行县级领导包乡（镇）制度。",
        ] {
            assert!(!assigns_work(other), "{other}");
        }
    }

    #[test]
    fn garbled_text_is_found_and_plain_text_is_not() {
        assert_eq!(
            garbled_piece("加快建設(shè)東部基地").as_deref(),
            Some("快建設(shè)東部")
        );
        assert!(garbled_piece("?。ǘ┩七M東部石化基地").is_some());
        assert!(garbled_piece("做好（一）项工作?。").is_some());
        for plain in [
            "推进“一网通办”(含移动端)建设。",
            "新增学位4000个(其中小学2000个)。",
            "区发改委（牵头）、区财政局",
        ] {
            assert_eq!(garbled_piece(plain), None, "{plain}");
        }
    }

    #[test]
    fn identical_text_gives_nothing() {
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, task_text).is_empty());
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, traditional).is_empty());
        assert!(run_one(SAMPLE, SAMPLE_CONFIG, prose_only).is_empty());
    }

    #[test]
    fn a_changed_word_shows_both_versions() {
        let source = SAMPLE.replace("\t打造服务品牌。", "\t打造服务名牌。");
        let found = run_one(&source, SAMPLE_CONFIG, task_text);
        assert_eq!(codes(&found), [s("text/differs", 33)]);
        assert!(found[0].hints[0].contains("【名】") && found[0].hints[0].contains("【品】"));
    }

    #[test]
    fn traditional_characters_are_reported_once() {
        let source = SAMPLE.replace("\t落实母婴安全制度。", "\t落实母嬰安全制度。");
        assert_eq!(
            codes(&run_one(&source, SAMPLE_CONFIG, traditional)),
            [s("text/traditional", 35)]
        );
        // Not also as a text difference.
        assert!(run_one(&source, SAMPLE_CONFIG, task_text).is_empty());
    }

    #[test]
    fn a_text_in_traditional_characters_is_said_once() {
        let source = SAMPLE
            .replace(
                "\t落实母婴安全制度。",
                "\t落實母嬰安全製度，確保孕產婦安全。",
            )
            .replace("\t加强宣传教育。", "\t加強宣傳教育，營造關愛氛圍。");
        let found = run_one(&source, SAMPLE_CONFIG, traditional);
        assert_eq!(codes(&found), [s("text/traditional", 35)]);
        assert!(
            found[0].message.contains("第 4、5 项"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn prose_left_out_of_the_table() {
        let source = SAMPLE.replace(
            "加强宣传教育。\n\n## 分工表",
            "加强宣传教育。建立长效机制。\n\n## 分工表",
        );
        let found = run_one(&source, SAMPLE_CONFIG, prose_only);
        assert_eq!(codes(&found), [s("text/prose-only", 25)]);
        assert!(found[0].message.contains("建立长效机制。"));
    }

    #[test]
    fn a_correction_silences_the_difference() {
        let source = SAMPLE.replace("\t打造服务品牌。", "\t打造服务名牌。");
        let config = format!("{SAMPLE_CONFIG}\n[[corrections]]\ntask = 3\nuse_prose = true\n");
        assert!(run_one(&source, &config, task_text).is_empty());
    }
}
