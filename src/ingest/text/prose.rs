//! The plan's prose: its title, preamble, 一、 sections, their groups (bold lead-ins or （一）
//! headings) and closing paragraphs.

use super::{
    Block, LinedText, Places, Prose, ProseGroup, ProseSection, numbered_label, section_heading,
};
use crate::base::cjk::{ends_sentence, tidy_spacing};
use crate::model::Paragraph;

/// Where a plain paragraph of the prose goes while reading.
enum Tail {
    None,
    Preamble,
    Intro,
    Group,
    Pending,
}

pub(super) fn parse_prose(blocks: &[Block], places: Places<'_>) -> Option<Prose> {
    if blocks.is_empty() {
        return None;
    }
    let mut prose = Prose::default();
    let mut start = 0;
    let first = &blocks[0];
    if section_heading(&first.text).is_none()
        && group_start(first).is_none()
        && reads_as_title(&first.text)
    {
        let mut title = tidy_spacing(&first.text);
        start = 1;
        // A title broken over lines (a web page, a narrow column): its next line continues
        // it while the title is unfinished and the line is a bare fragment.
        while let Some(next) = blocks.get(start)
            && continues_title(&title, next)
        {
            title.push_str(&tidy_spacing(&next.text));
            start += 1;
        }
        prose.title = Some(Paragraph {
            text: title,
            origin: places.at(first.line),
        });
    }
    // Plain paragraphs seen after a group; they belong to it unless no group follows.
    let mut pending: Vec<Paragraph> = Vec::new();
    let mut tail = Tail::None;
    for block in &blocks[start..] {
        if let Some((numeral, title)) = section_heading(&block.text)
            && (block.heading > 0 || block.bold.is_some() || block.text.chars().count() <= 40)
        {
            flush_pending(&mut prose, &mut pending);
            prose.sections.push(ProseSection {
                numeral,
                title: tidy_spacing(&title),
                origin: places.at(block.line),
                intro: Vec::new(),
                groups: Vec::new(),
            });
            tail = Tail::Intro;
            continue;
        }
        if let Some((title, rest)) = group_start(block) {
            flush_pending(&mut prose, &mut pending);
            if prose.sections.is_empty() {
                prose.sections.push(ProseSection {
                    numeral: String::new(),
                    title: String::new(),
                    origin: places.at(block.line),
                    intro: Vec::new(),
                    groups: Vec::new(),
                });
            }
            let mut text = LinedText::default();
            if !rest.is_empty() {
                text.push(&rest, block.line);
            }
            if let Some(section) = prose.sections.last_mut() {
                section.groups.push(ProseGroup {
                    title,
                    origin: places.at(block.line),
                    text,
                });
            }
            tail = Tail::Group;
            continue;
        }
        // A plain paragraph: continues the previous one across a page break, or starts anew.
        let continues = block.heading == 0 && block.bold.is_none();
        match tail {
            Tail::Group => {
                let group = prose.sections.last_mut().and_then(|s| s.groups.last_mut());
                if let Some(group) = group {
                    if group.text.text.is_empty() {
                        group.text.push(&block.text, block.line);
                        continue;
                    }
                    if continues && !ends_sentence(&group.text.text) {
                        group.text.push(&block.text, block.line);
                        continue;
                    }
                }
                pending.push(paragraph(block, places));
                tail = Tail::Pending;
            }
            Tail::Pending => push_or_join(&mut pending, block, places, continues),
            Tail::Preamble | Tail::None if prose.sections.is_empty() => {
                push_or_join(&mut prose.preamble, block, places, continues);
                tail = Tail::Preamble;
            }
            _ => {
                if let Some(section) = prose.sections.last_mut() {
                    push_or_join(&mut section.intro, block, places, continues);
                }
                tail = Tail::Intro;
            }
        }
    }
    prose.closing = pending;
    Some(prose)
}

fn paragraph(block: &Block, places: Places<'_>) -> Paragraph {
    Paragraph {
        text: block.text.clone(),
        origin: places.at(block.line),
    }
}

fn push_or_join(list: &mut Vec<Paragraph>, block: &Block, places: Places<'_>, continues: bool) {
    if let Some(last) = list.last_mut()
        && continues
        && !ends_sentence(&last.text)
    {
        last.text.push_str(&block.text);
    } else {
        list.push(paragraph(block, places));
    }
}

/// Plain paragraphs between two groups belong to the earlier group.
fn flush_pending(prose: &mut Prose, pending: &mut Vec<Paragraph>) {
    if pending.is_empty() {
        return;
    }
    let group = prose
        .sections
        .iter_mut()
        .rev()
        .find_map(|s| s.groups.last_mut());
    if let Some(group) = group {
        for p in pending.drain(..) {
            group.text.push("\n", p.origin.line_no().unwrap_or(0));
            group.text.push(&p.text, p.origin.line_no().unwrap_or(0));
        }
    }
}

/// A group's first line: a bold lead-in ending in 。, or a （一） numbered heading.
fn group_start(block: &Block) -> Option<(String, String)> {
    if let Some((bold, rest)) = &block.bold {
        if section_heading(bold).is_some() && rest.is_empty() {
            return None;
        }
        let bold = bold.trim();
        let title = numbered_label(bold)
            .map(|(_, t)| t)
            .unwrap_or(bold.to_string());
        return Some((
            tidy_spacing(title.trim_end_matches(['。', '.', '：', ':'])),
            rest.clone(),
        ));
    }
    let (_, rest) = numbered_label(&block.text)?;
    match rest.find('。') {
        Some(end) => {
            let title = &rest[..end];
            let after = &rest[end + '。'.len_utf8()..];
            Some((tidy_spacing(title), after.trim().to_string()))
        }
        None => Some((tidy_spacing(&rest), String::new())),
    }
}

/// Whether a first line reads as a title, not as the preamble's first sentence (为认真贯彻…，
/// 特制定如下措施。): no sentence in it, and not a sentence's length.
fn reads_as_title(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 80 && !text.contains(['。', '；', ';']) && !text.ends_with(['：', ':'])
}

/// Whether a line names a plan: a title (no sentence in it) that ends in a kind of plan —
/// 方案, 计划, 要点, 清单, 任务分解 … — the attachment's title where a notice ends.
pub(super) fn names_a_plan(text: &str) -> bool {
    let text = tidy_spacing(text);
    let bare = !text.contains(['，', '。', '；', '：', ',', ';', ':']);
    let numbered = section_heading(&text).is_some()
        || numbered_label(&text).is_some()
        || text.starts_with(|c: char| c.is_ascii_digit() && !text.contains('年'));
    bare && !numbered && text.chars().count() <= 60 && PLAN_KINDS.iter().any(|k| text.ends_with(k))
}

/// The words a plan's title ends in.
const PLAN_KINDS: &[&str] = &[
    "方案",
    "计划",
    "要点",
    "安排",
    "清单",
    "意见",
    "办法",
    "措施",
    "任务",
    "分工表",
    "分解",
    "分解表",
    "细则",
];

/// Whether `next` continues a title that so far reads `title`: the title names no kind of
/// plan yet (…方案, …计划, …要点 …), has no punctuation, and `next` is a short fragment
/// without punctuation that is neither a heading nor a group.
fn continues_title(title: &str, next: &Block) -> bool {
    let bare = |t: &str| !t.chars().any(|c| "，。；：、,.;:（）()《》“”".contains(c));
    let text = next.text.trim();
    !PLAN_KINDS.iter().any(|k| title.ends_with(k))
        && bare(title)
        && bare(text)
        && text.chars().count() <= 20
        && title.chars().count() + text.chars().count() <= 60
        && section_heading(text).is_none()
        && group_start(next).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_sentence_is_preamble_not_a_title() {
        let read = |text: &str| {
            let lines: Vec<&str> = text.lines().collect();
            parse_prose(&super::super::blocks(&lines), Places::lines("t.txt")).unwrap()
        };
        let prose = read("为稳定经济增长，特制定如下措施。\n一、提高审批效率\n1. 精简手续。");
        assert!(prose.title.is_none());
        assert_eq!(prose.preamble[0].text, "为稳定经济增长，特制定如下措施。");
        let prose = read("某区稳增长若干措施\n一、提高审批效率\n1. 精简手续。");
        assert_eq!(prose.title.unwrap().text, "某区稳增长若干措施");
    }
}
