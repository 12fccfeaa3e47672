//! The plan's prose: its title, preamble, 一、 sections, their groups (bold lead-ins or （一）
//! headings) and closing paragraphs.

use super::{
    Block, LinedText, Places, Prose, ProseGroup, ProseSection, numbered_label, section_heading,
};
use std::sync::LazyLock;

use regex::Regex;

use crate::base::cjk::{ends_sentence, tidy_spacing};
use crate::model::Paragraph;

/// Where a plain paragraph of the prose goes while reading.
#[derive(Clone, Copy, PartialEq, Eq)]
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
    let lead = page_lines_on_top(blocks);
    let at = title_below(&blocks[lead..])
        .or_else(|| headline_over_page_lines(&blocks[lead..]))
        .map_or(lead, |at| lead + at);
    let mut before: Vec<Paragraph> = blocks[..at].iter().map(|b| paragraph(b, places)).collect();
    let (title, start, file) = read_title(&blocks[at..], places);
    // A download link's file name as the title (附件下载：…分解表.doc): its extension is none
    // of the plan's name, said.
    before.extend(file);
    // The attachment's label the title stands under (附件 / 某某方案), with no notice above
    // to hold it: none of the plan's words, said.
    if title.is_some() && start > 1 && is_attachment_label(&blocks[at].text) {
        before.push(paragraph(&blocks[at], places));
    }
    let start = at + start;
    let mut reader = ProseReader {
        prose: Prose {
            title,
            before,
            ..Prose::default()
        },
        pending: Vec::new(),
        tail: Tail::None,
        places,
        lines: Lines {
            width: line_width(&blocks[start..]),
            previous: String::new(),
            signing_off: signing_off_blocks(blocks),
            previous_signs_off: false,
        },
    };
    let end = signed_from(blocks, &reader.lines.signing_off).max(start);
    reader.prose.sign_off = blocks[end..].iter().map(|b| paragraph(b, places)).collect();
    let mut title_taken = false;
    for (at, block) in blocks.iter().enumerate().take(end).skip(start) {
        if std::mem::take(&mut title_taken) {
            continue;
        }
        // 附件2 / 乙方案 after the plan's parts: another plan the notice attaches, a part of
        // its own titled by it.
        if !reader.prose.sections.is_empty()
            && let Some((title, lines)) = attached_plan(
                &block.text,
                blocks[..end].get(at + 1).map(|b| b.text.as_str()),
            )
        {
            reader.section(block, String::new(), &title);
            title_taken = lines == 2;
            continue;
        }
        // A 版记's lines (抄送：…, …办公室 2010年4月19日印发) are the print's, none of the
        // plan's words.
        if super::is_page_line(&block.text) || super::is_imprint_line(&block.text) {
            reader.prose.before.push(paragraph(block, places));
        } else if let Some((numeral, title)) = section_heading(&block.text)
            && heads_a_section(block)
        {
            reader.section(block, numeral, &title);
        } else if let Some((title, rest)) = group_start(block)
            && !reader.item_of_group(block)
        {
            reader.group(block, title, &rest);
        } else {
            reader.plain(block);
        }
        reader.lines.previous.clone_from(&block.text);
        reader.lines.previous_signs_off = reader.lines.signing_off.contains(&block.line);
    }
    let groups_text: String = (reader.prose.sections.iter())
        .flat_map(|s| s.groups.iter())
        .map(|g| format!("{}\n", g.text.text))
        .collect();
    let items = last_groups_own(&groups_text, &reader.pending);
    let closing = reader.pending.split_off(items);
    reader.flush_pending();
    let mut prose = reader.prose;
    prose.closing = closing;
    Some(prose)
}

/// Another plan's title under its attachment's label, the label on line `first` and the
/// title on it or on `next` (附件2 / 乙方案, 附件2：乙方案): the title, and how many lines the
/// two take. The label is numbered: 附：任务分工表 over the plan's own table is none.
pub(crate) fn attached_plan(first: &str, next: Option<&str>) -> Option<(String, usize)> {
    let first = first.trim();
    let numbered = (first.strip_prefix("附件")).is_some_and(|n| {
        n.trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    });
    let a_plan = |title: &str| names_a_plan(title) && !crate::model::names_a_table(title);
    if !numbered {
        return None;
    }
    if is_attachment_label(first) {
        let next = next?.trim();
        return a_plan(next).then(|| (tidy_spacing(next), 2));
    }
    let rest = after_attachments_label(first)?;
    a_plan(rest).then(|| (tidy_spacing(rest), 1))
}

/// How many of the first blocks are a web page's own lines: none of the plan.
fn page_lines_on_top(blocks: &[Block]) -> usize {
    // A web page's own lines at the top (当前位置：首页 >> …, a stamp: 2024-04, 28) are
    // none of the plan.
    let stamp = |text: &str| {
        let text = text.trim();
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | ':' | ' '))
    };
    // A box's fields at the top (名 称: …, 索 引 号:) are the page's too.
    let field = |text: &str| {
        text.split_once([':', '：']).is_some_and(|(label, _)| {
            let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
            super::page_box::FIELD_LABELS.contains(&label.as_str())
        })
    };
    blocks
        .iter()
        .take_while(|b| {
            super::is_page_line(&b.text)
                || stamp(&b.text)
                || super::is_bare_page_label(&b.text)
                || field(&b.text)
        })
        .count()
        .min(blocks.len() - 1)
}

/// How many of the paragraphs after the last group are its own: its numbered items (3、…
/// under （二）), with the lines between them, and the lines labelled as the groups' lines
/// between items are (推进情况：…, each item's). What follows them (保障措施-like words)
/// closes the plan. `groups_text`: the groups' text so far.
fn last_groups_own(groups_text: &str, pending: &[Paragraph]) -> usize {
    let is_item = |p: &Paragraph| crate::ingest::inline::is_task_line(&p.text);
    let label = |text: &str| {
        let text = text.trim();
        crate::ingest::inline::opens_with_a_label(text).then(|| {
            text.split([':', '：'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
    };
    let mut labels: Vec<String> = groups_text.lines().filter_map(label).collect();
    let items_labelled =
        |p: &Paragraph, labels: &[String]| label(&p.text).is_some_and(|l| labels.contains(&l));
    let Some(first) = pending.first() else {
        return 0;
    };
    if !is_item(first) && !items_labelled(first, &labels) {
        return 0;
    }
    let Some(last_item) = pending.iter().rposition(is_item) else {
        return usize::from(items_labelled(first, &labels));
    };
    labels.extend(pending[..last_item].iter().filter_map(|p| label(&p.text)));
    let after = pending[last_item + 1..]
        .iter()
        .take_while(|p| items_labelled(p, &labels))
        .count();
    last_item + 1 + after
}

/// Whether a plain-text `一、…` line is a section heading, not a paragraph that opens with
/// a numeral: short, or one clause with no sentence in it (a repost's pinyin junk makes a
/// heading long: 一、努力構(gòu)建…).
fn heads_a_section(block: &Block) -> bool {
    let chars = block.text.chars().count();
    block.heading > 0
        || block.bold.is_some()
        || chars <= 40
        || (chars <= 80 && !block.text.contains(['。', '；', ';']))
}

/// Where the plan's title stands when it is not the first block: lines above it that name
/// no plan (a news page's lead: 地区生产总值增长5%左右 …, 小编带你了解) and a line naming a
/// plan right above the first section heading.
pub(super) fn title_below(blocks: &[Block]) -> Option<usize> {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    title_below_lines(&texts)
}

/// Where a web page's headline stands when the site's own short lines are over it (林芝市
/// 林业和草原局 / 政府信息公开 / headline / 发布时间：…): the line right over the page's
/// information lines is its headline; the words above it are the site's name and column.
fn headline_over_page_lines(blocks: &[Block]) -> Option<usize> {
    let short_words = |b: &Block| {
        b.text.trim().chars().count() <= 20
            && !b.text.contains(['。', '，', '；', '：', ',', ';', ':'])
    };
    // A title broken over lines (某区2025年重点工作 / 任务分工方案, 某镇 / 自然灾害救助应急
    // 预案) names a plan whole.
    let broken_title = |at: usize| {
        (1..=at.min(2)).any(|k| {
            let joined: String = blocks[at - k..=at].iter().map(|b| b.text.trim()).collect();
            names_a_plan(&joined)
        })
    };
    (1..blocks.len().min(6)).find(|&at| {
        blocks
            .get(at + 1)
            .is_some_and(|b| super::is_page_line(&b.text))
            && reads_as_title(&blocks[at].text)
            && blocks[..at].iter().all(short_words)
            && !broken_title(at)
    })
}

/// Where the plan's title stands, over paragraphs' texts, when it is not the first: lines
/// above it that name no plan (a news page's lead) and a line naming a plan right above the
/// first section heading.
pub fn title_below_lines(texts: &[&str]) -> Option<usize> {
    // A news page's headline and lead over 《某方案》公布如下: the plan is the one announced.
    if !texts.first().is_some_and(|t| names_a_plan(t))
        && let Some(at) = (1..texts.len().min(6)).find(|&at| announced_plan(texts[at]).is_some())
    {
        return Some(at);
    }
    // Above the first section, or — the tasks all in a table after the prose — above the
    // prose's end.
    let first_section = texts
        .iter()
        .take(40)
        .position(|t| section_heading(&tidy_spacing(t)).is_some())
        .unwrap_or(texts.len().min(40));
    // The title may have its preamble under it (为贯彻落实…，现提出如下分工方案。, a few
    // lines when a PDF's text is hard-wrapped) before the first section.
    let at = (1..first_section)
        .rev()
        .take(8)
        .find(|&at| names_a_plan(texts[at]) && !names_a_part(texts[at]))?;
    // A title broken over two lines whose first part opened the 《 this one closes. One
    // whose first part is the first line (某县2025年为民办实事 / 项目责任分工方案) is the
    // first line's title, read from the top.
    // A 》 closing a 《 opened two or three lines up, the lines between bare (…贯彻落实《关于
    // 促进消费 / 恢复升级的若干政策 / 措施》实施方案): the title starts where the mark opens.
    let opened_higher = (2..=3).filter_map(|k| at.checked_sub(k)).find(|&from| {
        let lines = &texts[from..=at];
        let joined: String = lines.iter().map(|t| t.trim()).collect();
        opens_a_mark(texts[from])
            && joined.matches('《').count() == joined.matches('》').count()
            && lines[1..lines.len() - 1].iter().all(|t| {
                !t.contains(['。', '，', '；', '：', ';', ':', ',', '《', '》'])
                    && (1..=20).contains(&t.trim().chars().count())
            })
    });
    let at = match at.checked_sub(1) {
        _ if let Some(from) = opened_higher.filter(|_| !opens_a_mark(texts[at])) => from,
        Some(above) if opens_a_mark(texts[above]) && !opens_a_mark(texts[at]) => above,
        // 关于落实《政府工作报告》 / 重点工作的任务分工 under a news page's lead: a line that
        // opens as a title does, naming a plan only with the line under it.
        Some(above) if above > 0 && opens_a_title(texts[above], texts[at]) => above,
        // 绥阳县芙蓉中学“双创”工作 / 实 施 方 案 under a page's line: a line naming only a kind
        // of plan ends the title the line above begins.
        Some(above)
            if above > 0
                && names_only_a_kind(texts[at])
                && reads_as_title(texts[above])
                && !ends_sentence(texts[above].trim())
                && continues_title_with(&tidy_spacing(texts[above]), texts[at]) =>
        {
            above
        }
        Some(0)
            if reads_as_title(texts[0])
                && !ends_sentence(texts[0].trim())
                && continues_title_with(&tidy_spacing(texts[0]), texts[at]) =>
        {
            return None;
        }
        _ => at,
    };
    let mut at = first_line_the_notice_names(&texts[..=at]).unwrap_or(at);
    // The attachment's label over its title (附件) is the title's: read with it.
    if at > 0 && is_attachment_label(texts[at - 1]) {
        at -= 1;
    }
    (at > 0 && !names_a_plan(texts[0])).then_some(at)
}

/// Where the plan's title begins when a notice's title above it names the plan it issues
/// (…印发《某区全面提升“城市颜值”加快建设“美丽街区”三年行动计划》的通知): the first of the
/// lines that, with the last of `texts`, open that name — a title broken over lines that
/// name no plan on their own (某区全面提升“城市颜值” / 加快建设…三年行动计划).
fn first_line_the_notice_names(texts: &[&str]) -> Option<usize> {
    let key = |t: &str| -> String {
        crate::base::cjk::simplified_text(t)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let last = texts.len().checked_sub(1)?;
    let (notice_at, name) = (texts[..last].iter().enumerate().rev())
        .find_map(|(k, t)| super::is_notice_title(t).then(|| super::issued_plan(t).map(|n| (k, n))))
        .flatten()?;
    let name = key(&name);
    (notice_at + 1..last).find(|&from| {
        let lines = key(&texts[from..=last].concat());
        !lines.is_empty() && name.starts_with(&lines)
    })
}

/// True when `line` is the first part of a title `next` ends: it opens as a title does (关于
/// …), reads as one, and names a plan only with `next` after it.
fn opens_a_title(line: &str, next: &str) -> bool {
    let line = tidy_spacing(line);
    line.starts_with("关于")
        && reads_as_title(&line)
        && !ends_sentence(&line)
        && continues_title_with(&line, next)
}

/// True when a line opens more 《 than it closes: the title goes on on the next line.
fn opens_a_mark(text: &str) -> bool {
    text.matches('《').count() > text.matches('》').count()
        && !text.contains(['。', '；', ';'])
        && text.chars().count() <= 40
}

/// The plan's title when the first block reads as one, joined over the lines it is broken
/// across (a web page, a narrow column); and the index of the block after it.
fn read_title(
    blocks: &[Block],
    places: Places<'_>,
) -> (Option<Paragraph>, usize, Option<Paragraph>) {
    // An attachment's label over its title (附件, 附件2) marks it as one: not the title.
    let skip = usize::from(is_attachment_label(&blocks[0].text) && blocks.len() > 1);
    let first = &blocks[skip];
    // 《某方案》公布如下： names the plan; the rest of its words are the page's, said.
    if let Some(name) = announced_plan(&first.text) {
        let title = Paragraph {
            text: name,
            origin: places.at(first.line),
        };
        return (Some(title), skip + 1, Some(paragraph(first, places)));
    }
    // A bold line is a group's title, unless it names a plan or is set as a heading (a
    // Word title set large, centred and in bold).
    if section_heading(&first.text).is_some()
        || (group_start(first).is_some() && !names_a_plan(&first.text) && first.heading == 0)
        || !reads_as_title(&first.text)
    {
        return (None, 0, None);
    }
    // 附件1:某某实施方案 — the attachment's label on its title's line is none of the title,
    // nor a download link's file extension (附件下载：…分解表.doc).
    let (named, file) = without_file_extension(first.text.trim());
    let labelled = after_attachments_label(named).filter(|rest| names_a_plan(rest));
    let file = (labelled.is_some() && !file.is_empty()).then(|| Paragraph {
        text: file.to_string(),
        origin: places.at(first.line),
    });
    let mut title = tidy_spacing(labelled.unwrap_or(&first.text));
    let mut start = skip + 1;
    while let Some(next) = blocks.get(start)
        && continues_title(&title, next)
    {
        title.push_str(&tidy_spacing(&next.text));
        start += 1;
    }
    let title = Paragraph {
        text: title,
        origin: places.at(first.line),
    };
    (Some(title), start, file)
}

/// The plan a news page announces on a line of its own before its text (《关于做好…的实施
/// 方案》公布如下：, 《某方案》全文如下。), tidied; none when the line says more or names no plan.
pub(crate) fn announced_plan(line: &str) -> Option<String> {
    static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(?:现将)?《([^《》]{4,80})》(?:全文|原文)?(?:公布|發布|发布|刊發|刊发|印發|印发)?如下[：:。]?$")
            .unwrap()
    });
    let line = tidy_spacing(line.trim());
    let name = ANNOUNCED.captures(&line)?[1].to_string();
    names_a_plan(&name).then_some(name)
}

/// A file's name without its extension (…分解表.doc → …分解表, `.doc`); other text whole.
pub(crate) fn without_file_extension(text: &str) -> (&str, &str) {
    const FILES: &[&str] = &[
        ".xlsx", ".xls", ".docx", ".doc", ".pdf", ".wps", ".et", ".ofd",
    ];
    let lower = text.to_ascii_lowercase();
    match FILES
        .iter()
        .find(|ext| lower.ends_with(*ext) && text.len() > ext.len())
    {
        Some(ext) => {
            let (name, file) = text.split_at(text.len() - ext.len());
            (name.trim_end(), file)
        }
        None => (text, ""),
    }
}

/// The prose being read, and where its next plain paragraph goes.
struct ProseReader<'a> {
    prose: Prose,
    /// Plain paragraphs seen after a group; they belong to it unless no group follows.
    pending: Vec<Paragraph>,
    tail: Tail,
    places: Places<'a>,
    lines: Lines,
}

/// What a plain line's joining looks at beyond the paragraph it may join: the source's
/// lines as written.
struct Lines {
    /// The length of a line the source wrapped at its page's width ([`line_width`]).
    width: usize,
    /// The text of the line read last.
    previous: String,
    /// The lines of the document's 署名 and 成文日期 ([`super::signing_off`]): each a line
    /// of its own.
    signing_off: Vec<u32>,
    /// Whether the line read last is one of them.
    previous_signs_off: bool,
}

/// The lines of `blocks` that sign the document off.
/// Where the lines that sign the text off at its very end begin (agencies over a date, the
/// date last); `blocks.len()` when it does not end so.
fn signed_from(blocks: &[Block], signing_off: &[u32]) -> usize {
    let first = (blocks.iter())
        .rposition(|b| !signing_off.contains(&b.line))
        .map_or(0, |at| at + 1);
    let signed = &blocks[first..];
    let dated = signed.last().is_some_and(|b| super::is_date_line(&b.text));
    if signed.len() >= 2 && dated {
        first
    } else {
        blocks.len()
    }
}

fn signing_off_blocks(blocks: &[Block]) -> Vec<u32> {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let signs = super::signing_off(&texts);
    (blocks.iter().zip(signs))
        .filter(|(_, signs)| *signs)
        .map(|(b, _)| b.line)
        .collect()
}

impl Lines {
    /// The last line of `paragraph` as the source writes it: the line read last when the
    /// paragraph ends with it (lines joined across a page break are one string by now).
    fn last_of<'t>(&'t self, paragraph: &'t str) -> &'t str {
        let last = paragraph.rsplit('\n').next().unwrap_or(paragraph);
        if !self.previous.is_empty() && last.ends_with(self.previous.as_str()) {
            &self.previous
        } else {
            last
        }
    }

    /// Whether `line` runs to the page's edge: a line wrapped there, which a blank line
    /// under it (a web copy's double spacing) does not end.
    fn fills(&self, line: &str) -> bool {
        self.width > 0 && line.trim().chars().count() * 10 >= self.width * 8
    }
}

/// The length of the source's full lines: the upper quartile of its lines of ten characters
/// or more. A hard-wrapped text's lines are mostly this long; a text of one line per
/// paragraph has it far above a heading's length. 0 when there are too few lines to tell.
fn line_width(blocks: &[Block]) -> usize {
    let mut lengths: Vec<usize> = blocks
        .iter()
        .map(|b| b.text.chars().count())
        .filter(|n| *n >= 10)
        .collect();
    if lengths.len() < 4 {
        return 0;
    }
    lengths.sort_unstable();
    lengths[lengths.len() * 3 / 4]
}

impl ProseReader<'_> {
    /// Whether `block` is an item of the group being read: a bold lead-in numbered 1. (or
    /// （1）, ①) under a （一） heading is a task's words set in bold, a level finer than the
    /// group — no group of its own, which would print it before its heading.
    fn item_of_group(&self, block: &Block) -> bool {
        let Some((bold, _)) = &block.bold else {
            return false;
        };
        let group = (self.prose.sections.last()).and_then(|s| s.groups.last());
        self.tail == Tail::Group
            && crate::ingest::raw_table::opening_number(bold.trim()).is_some()
            && group.is_some_and(|g| numbered_label(g.heading.trim()).is_some())
    }

    fn flush_pending(&mut self) {
        flush_pending(&mut self.prose, &mut self.pending);
    }

    fn section(&mut self, block: &Block, numeral: String, title: &str) {
        self.flush_pending();
        self.prose.sections.push(ProseSection {
            numeral,
            title: tidy_spacing(title),
            origin: self.places.at(block.line),
            intro: Vec::new(),
            groups: Vec::new(),
        });
        self.tail = Tail::Intro;
    }

    /// A group's heading (a bold lead-in or （一）), with the text after it on its line.
    fn group(&mut self, block: &Block, title: String, rest: &str) {
        self.flush_pending();
        let origin = self.places.at(block.line);
        if self.prose.sections.is_empty() {
            self.prose.sections.push(ProseSection {
                numeral: String::new(),
                title: String::new(),
                origin: origin.clone(),
                intro: Vec::new(),
                groups: Vec::new(),
            });
        }
        let mut text = LinedText::default();
        if !rest.is_empty() {
            text.push(rest, block.line);
        }
        let line = block.text.trim_end();
        // The text as the line writes it: without the colon group_start keeps before it.
        let written = rest
            .trim()
            .strip_prefix('：')
            .unwrap_or(rest.trim())
            .trim_start();
        let heading = line.strip_suffix(written).unwrap_or(line).to_string();
        if let Some(section) = self.prose.sections.last_mut() {
            section.groups.push(ProseGroup {
                title,
                origin,
                text,
                heading,
            });
        }
        self.tail = Tail::Group;
    }

    /// A plain paragraph: continues the previous one across a page break, or starts anew
    /// where the last heading says. A Word paragraph never continues one: its breaks are the
    /// writer's own (a page break inside its sentence is no paragraph break).
    fn plain(&mut self, block: &Block) {
        let places = self.places;
        let continues = block.heading == 0 && block.bold.is_none() && !places.are_paragraphs();
        match self.tail {
            Tail::Group => {
                let group = self
                    .prose
                    .sections
                    .last_mut()
                    .and_then(|s| s.groups.last_mut());
                if let Some(group) = group
                    && (group.text.text.is_empty() || goes_on(&group.text.text, block, &self.lines))
                {
                    // Under a heading on a line of its own, the text is a paragraph of its
                    // own (so is a labelled line: 责任单位：…), not the heading's sentence
                    // run on; nor is a Word paragraph after the group's sentence.
                    if group.text.text.is_empty() || places.are_paragraphs() {
                        group.text.push("\n", block.line);
                    }
                    group.text.push(&block.text, block.line);
                    return;
                }
                self.pending.push(paragraph(block, places));
                self.tail = Tail::Pending;
            }
            Tail::Pending => push_or_join(&mut self.pending, block, places, continues, &self.lines),
            Tail::Preamble | Tail::None if self.prose.sections.is_empty() => {
                push_or_join(
                    &mut self.prose.preamble,
                    block,
                    places,
                    continues,
                    &self.lines,
                );
                self.tail = Tail::Preamble;
            }
            _ => {
                if let Some(section) = self.prose.sections.last_mut() {
                    push_or_join(&mut section.intro, block, places, continues, &self.lines);
                }
                self.tail = Tail::Intro;
            }
        }
    }
}

fn paragraph(block: &Block, places: Places<'_>) -> Paragraph {
    Paragraph {
        text: block.text.clone(),
        origin: places.at(block.line),
    }
}

/// Whether `block` goes on from the paragraph `last` (a page break inside a sentence):
/// never when it starts an item of its own; after a labelled line (牵头单位：…) only when it
/// is more of the line's list, as the task reader reads it (a PDF's hard wrap: 协办单位：…
/// 园区党工 / 委、各街道党工委). Across a blank line only from running text or a line that
/// fills the page's width: a shorter line of bare words ended its paragraph there (a web
/// copy's 会议纪要摘编 / (blank) / 各单位要高度重视 are two).
fn goes_on(last: &str, block: &Block, lines: &Lines) -> bool {
    if lines.previous_signs_off
        || lines.signing_off.contains(&block.line)
        || super::is_imprint_line(&block.text)
    {
        return false;
    }
    let last_line = lines.last_of(last);
    // Running text holds a clause: a sentence a page break cut (…五项制度，持续 / (blank) /
    // 完善…). A line of bare words over a blank line is a heading or a line of its own.
    let running = last_line.contains(['，', ',', '；', ';', '、']);
    if block.blank_before && !running && !lines.fills(last_line) {
        return false;
    }
    let labelled = crate::ingest::inline::is_labelled_line(last_line);
    // The list stops unfinished: after a separator, or inside a name (…、园区党工).
    let last_name = last_line
        .rsplit(['、', '，', ',', '；', ';', '：', ':'])
        .next();
    let unfinished = last_name.is_some_and(|n| !crate::ingest::units::ends_whole(n.trim()));
    // A line opening with a label of its own (人：主要负责同志) is no more of the list.
    let more_of_list = crate::ingest::inline::is_units_line(last_line)
        && unfinished
        && !block.text.contains(['。', '，', '；', ',', ';'])
        && !crate::ingest::inline::opens_with_a_label(&block.text)
        && !crate::ingest::text::is_page_line(&block.text);
    // A sentence wrapped at the page's width goes on though its last piece closes the task
    // (…推进区域教育中心建设强势 / 开局。(责任单位:…)): no number opens that line.
    let wrapped = lines.fills(last_line)
        && crate::ingest::raw_table::opening_number(&block.text).is_none()
        && super::numbered_label(&block.text).is_none()
        && !crate::ingest::inline::is_labelled_line(&block.text);
    // A line naming a plan is a title, whole: the sentence under it is another paragraph.
    block.heading == 0
        && !names_a_plan(last)
        && !ends_short_of_the_next(last_line, &block.text)
        && block.bold.is_none()
        && !ends_sentence(last)
        && !crate::ingest::inline::ends_with_a_duty(last_line)
        && (!crate::ingest::inline::is_task_line(&block.text) || wrapped)
        && (!labelled || more_of_list)
}

/// True when `last` is a short line with no clause in it — opened by a mark (壹、工作目标, a
/// numeral the reader does not count), or of a few words (工作目标, 2017—2020年)) — and the
/// one after it is clearly longer: no page or column ran out there, so the next line starts
/// a paragraph of its own. A line wrapped at the page's width is as long as any after it; a
/// sentence's first line of a line's length with no mark (通过开展专项行动全面提升城乡 /
/// 环境卫生质量…) runs on as before.
fn ends_short_of_the_next(last: &str, next: &str) -> bool {
    let last = last.trim();
    // A clause before a comma is running text (落实…制度，持续 / 完善…): a break mid-sentence;
    // words set apart by spaces are a table's row, read with the rows under it.
    if last.contains(['，', ',', '；', ';', '：', ':']) || last.contains(char::is_whitespace) {
        return false;
    }
    let short = last.chars().count();
    let most = if opens_with_a_mark(last) { 20 } else { 12 };
    let next_line = next.split('\n').next().unwrap_or(next).trim();
    short <= most && next_line.chars().count() >= short + 6
}

/// True when `line` opens with one to three characters and 、, ． or . (壹、工作目标).
fn opens_with_a_mark(line: &str) -> bool {
    line.chars()
        .take(4)
        .position(|c| matches!(c, '、' | '．' | '.'))
        .is_some_and(|at| at >= 1)
}

fn push_or_join(
    list: &mut Vec<Paragraph>,
    block: &Block,
    places: Places<'_>,
    continues: bool,
    lines: &Lines,
) {
    if let Some(last) = list.last_mut()
        && continues
        && goes_on(&last.text, block, lines)
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
    match super::heading_title_end(&rest) {
        // （一）总体要求：坚持…: the colon the heading closes with is printed, never a 。
        // in its place.
        Some((end, after)) => {
            let text = rest[after..].trim();
            let colon = rest[end..after].contains(['：', ':']) && !text.is_empty();
            let text = if colon {
                format!("：{text}")
            } else {
                text.to_string()
            };
            Some((tidy_spacing(&rest[..end]), text))
        }
        None => Some((tidy_spacing(&rest), String::new())),
    }
}

/// Whether a first line reads as a title, not as the preamble's first sentence (为认真贯彻…，
/// 特制定如下措施。): no sentence in it, and not a sentence's length.
fn reads_as_title(text: &str) -> bool {
    let text = text.trim();
    // A page's word (全文, 正文, 电脑桌面) is too short to be a title unless it names a plan.
    let long_enough = text.chars().count() >= 6 || names_a_plan(text);
    // A line wholly in parentheses is a 附注 ((此件公开发布), (联系人：…)).
    long_enough
        && !super::notice::is_annotation(text)
        && !super::is_page_line(text)
        // A column's name over its value (具体任务 / …, a two-column table copied as text).
        && !crate::ingest::inline::is_bare_label(text)
        // A numbered line is an item of the plan, not its name.
        && crate::ingest::raw_table::opening_number(text).is_none()
        && text.chars().count() <= 80
        && !text.contains(['。', '；', ';'])
        && !text.ends_with(['：', ':'])
}

/// The list after a 附件说明's label: 附件：1.…, or under the short label 附：1、….
pub(crate) fn after_attachments_label(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("附件")
        .or_else(|| text.strip_prefix('附'))?;
    // 附件2：…, 附件 1：…: the attachment's number before the colon; a page's 附件下载：.
    let rest = rest.strip_prefix("下载").unwrap_or(rest);
    let rest = rest
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        .trim_start();
    rest.strip_prefix(['：', ':']).map(str::trim)
}

/// 附件, 附件2, 附件 1： — an attachment's label on a line of its own.
pub(crate) fn is_attachment_label(text: &str) -> bool {
    let rest = tidy_spacing(text);
    rest.strip_prefix("附件").is_some_and(|n| {
        n.trim_end_matches(['：', ':'])
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    })
}

/// Whether `text` opens a list of attachments with its first item (附件：1.…责任清单): the
/// 附件说明 a plan or notice ends with, no task's words.
pub(crate) fn opens_attachment_list(text: &str) -> bool {
    let rest = tidy_spacing(text);
    rest.strip_prefix("附件")
        .and_then(|n| n.strip_prefix(['：', ':']))
        .is_some_and(|item| crate::ingest::raw_table::opening_number(item).is_some())
}

/// Whether the last of `lines` is an item of an attachment list (附件：1.… / 2.…): a name
/// of a document, no sentence left unfinished.
pub(crate) fn ends_attachment_list(lines: &[&str]) -> bool {
    for line in lines.iter().rev().filter(|l| !l.trim().is_empty()).take(20) {
        if opens_attachment_list(line) {
            return true;
        }
        if !is_attachment_item(line) {
            return false;
        }
    }
    false
}

/// An item of an attachment list after its first: a number and a document's name, short,
/// no sentence in it.
pub(crate) fn is_attachment_item(line: &str) -> bool {
    crate::ingest::raw_table::opening_number(line.trim()).is_some_and(|(_, name)| {
        let name = name.trim_end_matches(['；', ';', '。']);
        (2..=60).contains(&name.chars().count()) && !name.contains(['。', '，', '（', '('])
    })
}

/// Whether `text` is the label of an attachment a notice listing `listed` attachments
/// numbers (附件2 of two; a bare 附件 is the first): the mark the published notice prints
/// over it, none of the plan's words.
pub(crate) fn labels_a_listed_attachment(text: &str, listed: usize) -> bool {
    is_attachment_label(text) && (1..=listed).contains(&attachment_label_number(text).unwrap_or(1))
}

/// The number of an attachment's label (附件2 → 2, 附件三 → 3); `None` for a bare 附件,
/// `Some(0)` for a number it cannot count.
pub(crate) fn attachment_label_number(text: &str) -> Option<usize> {
    let rest = tidy_spacing(text);
    let number = rest
        .strip_prefix("附件")?
        .trim_end_matches(['：', ':'])
        .trim();
    if number.is_empty() {
        return None;
    }
    const DIGITS: &str = "一二三四五六七八九";
    let counted = match number.chars().collect::<Vec<_>>()[..] {
        ['十'] => Some(10),
        [d] => DIGITS.chars().position(|c| c == d).map(|at| at + 1),
        ['十', d] => DIGITS.chars().position(|c| c == d).map(|at| at + 11),
        _ => None,
    };
    Some(number.parse().ok().or(counted).unwrap_or(0))
}

/// A name without the period in brackets after it (…方案(2022—2024年), …方案（2023年）);
/// any other text as it is. (A status, （试行）, is [`super::notice::without_issue_mark`]'s.)
fn without_period_after(text: &str) -> &str {
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[（(]\d{4}\s*(?:年)?(?:\s*[—–\-－~～至到]+\s*\d{4}\s*年?)?(?:度)?[）)]$")
            .unwrap()
    });
    match PERIOD.find(text) {
        Some(period) if period.start() > 0 => text[..period.start()].trim_end(),
        _ => text,
    }
}

/// Whether a line names a plan: a title (no sentence in it) that ends in a kind of plan —
/// 方案, 计划, 要点, 清单, 任务分解 … — the attachment's title where a notice ends.
pub fn names_a_plan(text: &str) -> bool {
    // 民生實事清單 names a plan as 民生实事清单 does.
    let text = crate::base::cjk::simplified_text(&tidy_spacing(text));
    // …三年行动方案(2022—2024年), …办法（试行）: the plan's name, then its period or status.
    let text = without_period_after(super::notice::without_issue_mark(&text));
    // 某区产业扶持政策：关于加快智能制造发展的若干措施 — a topic before the plan's name.
    if let Some((topic, name)) = text.split_once(['：', ':'])
        && !topic.is_empty()
        && topic.chars().count() <= 20
        && !topic.contains(['，', '。', '；', ',', ';'])
        && name.starts_with("关于")
    {
        return names_a_plan(name);
    }
    let bare =
        !crate::base::cjk::outside_quotes(text).contains(['，', '。', '；', '：', ',', ';', ':']);
    let numbered = section_heading(text).is_some()
        || numbered_label(text).is_some()
        || text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', '．', '、', ')', '）', ' '])
            && text.starts_with(|c: char| c.is_ascii_digit());
    // A ledger's name: …推进表, …任务表, …工作台账 — a table or ledger of work.
    let ledger = (text.ends_with('表') || text.ends_with("台账"))
        && ["任务", "工作", "分工", "责任", "事项", "项目", "实事"]
            .iter()
            .any(|w| text.contains(w));
    bare && !numbered
        && text.chars().count() <= 60
        && (ledger
            || PLAN_KINDS
                .iter()
                .chain(LIST_KINDS)
                .any(|k| text.ends_with(k)))
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
    // …重要工作事项责任分工, …重点工作任务分工.
    "分工",
    "分解",
    "分解表",
    "细则",
    // A table's name is whole (…指标分解汇总表, …项目一览表, …工作台账).
    "汇总表",
    "一览表",
    "明细表",
    "台账",
];

/// Whether a line names a part of a plan by a kind's word (主要措施, 保障措施, 重点任务): a
/// heading over its work, no plan's title.
fn names_a_part(line: &str) -> bool {
    const PARTS: &[&str] = &[
        "主要", "保障", "具体", "重点", "工作", "组织", "政策", "配套",
    ];
    words_before_the_kind(line).is_some_and(|before| PARTS.contains(&before.as_str()))
}

/// What a line says before the kind of plan it ends in (主要措施 → 主要, 实 施 方 案 → 实施),
/// read on its simplified, closed-up text; none when it ends in no kind.
fn words_before_the_kind(line: &str) -> Option<String> {
    let line = crate::base::cjk::simplified_text(&tidy_spacing(line));
    let before = PLAN_KINDS.iter().find_map(|kind| line.strip_suffix(kind))?;
    Some(before.to_string())
}

/// Whether a line names a kind of plan and nothing more (实 施 方 案, 工作方案): no title alone.
fn names_only_a_kind(line: &str) -> bool {
    words_before_the_kind(line)
        .is_some_and(|before| ["", "实施", "工作", "行动", "推进"].contains(&before.as_str()))
}

/// The words a list that is a plan of its own ends in, not a kind of plan a title goes on
/// after (某县2025年为民办实事 / 项目责任分工方案): 2024年某市10件惠民实事.
const LIST_KINDS: &[&str] = &["实事", "实事项目"];

/// Whether `next` continues a title that so far reads `title`: the title names no kind of
/// plan yet (…方案, …计划, …要点 …), has no punctuation, and `next` is a short fragment
/// without punctuation that is neither a heading nor a group.
fn continues_title(title: &str, next: &Block) -> bool {
    // A line set as a heading (a Word title set large, centred and bold over two
    // paragraphs) is the title's, not a group's, as the first line was.
    continues_title_with(title, &next.text) && (group_start(next).is_none() || next.heading > 0)
}

/// `continues_title` over lines of text: the title that starts at `texts[at]`, joined over
/// the lines it goes on to.
pub fn title_from_lines(texts: &[&str], at: usize) -> String {
    if let Some(name) = announced_plan(texts[at]) {
        return name;
    }
    let mut title = tidy_spacing(texts[at]);
    for next in &texts[at + 1..] {
        if !continues_title_with(&title, next) {
            break;
        }
        title.push_str(&tidy_spacing(next));
    }
    title
}

/// Whether the line `text` goes on with a title that so far reads `title`.
fn continues_title_with(title: &str, text: &str) -> bool {
    let bare = |t: &str| !t.chars().any(|c| "，。；：、,.;:（）()《》“”".contains(c));
    let text = text.trim();
    // The page's share buttons under its headline (分享 微信) are none of the title.
    if super::is_page_line(text) {
        return false;
    }
    // 2019年区《政府工作报告》确定的主要 / 目标任务责任分解方案: only the two together name a
    // plan.
    let completes = || {
        !names_a_plan(title)
            && names_a_plan(&format!("{title}{text}"))
            && !text.chars().any(|c| "，。；：、,.;:".contains(c))
    };
    // …方案 / （2025—2027年）, …方案 / 暨重点任务分解: the title's own second line.
    let brackets_or_joins = (text.starts_with(['（', '('])
        && text.ends_with(['）', ')'])
        && !text.contains(['。', '；', ';']))
        || text.starts_with('暨');
    if brackets_or_joins && !title.starts_with("关于") {
        return text.chars().count() <= 24 && title.chars().count() + text.chars().count() <= 70;
    }
    let simple = crate::base::cjk::simplified_text(title);
    // A notice's title ends at its 通知: a word under it (a page's 政策) is none of it.
    if simple.ends_with("通知") {
        return false;
    }
    // 2019年《政府工作报告》确定的主要目标任务 / 责任分解方案: a bare line that ends as a
    // plan's name does ends the title the line above began.
    let ends_the_name = bare(text)
        && PLAN_KINDS
            .iter()
            .any(|k| crate::base::cjk::simplified_text(text).ends_with(k));
    // A title may end on a word that names a plan's work (…目标任务, …重点工作分工) and go on
    // with the plan's kind (责任分解方案, 落实方案).
    let goes_on = ends_the_name
        && text.chars().count() <= 10
        && ["任务", "分工", "分解"].iter().any(|k| simple.ends_with(k));
    (!PLAN_KINDS.iter().any(|k| simple.ends_with(k)) || goes_on)
        && ((bare(title) && bare(text)) || opens_a_mark(title) || completes() || ends_the_name)
        && text.chars().count() <= 20
        && title.chars().count() + text.chars().count() <= 60
        && section_heading(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attachments_label_is_counted() {
        let counted: Vec<Option<usize>> =
            ["附件", "附件2", "附件 3：", "附件三", "附件十二", "附件x"]
                .iter()
                .map(|l| attachment_label_number(l))
                .collect();
        assert_eq!(
            counted,
            [None, Some(2), Some(3), Some(3), Some(12), Some(0)]
        );
    }

    #[test]
    fn a_plan_named_with_its_period_or_a_quoted_slogan_is_named() {
        assert!(names_a_plan("西岭县冬季供暖保障方案(2024—2025年)"));
        assert!(names_a_plan("某县数据管理办法（试行）"));
        assert!(names_a_plan("关于开展“清河净岸,美丽乡村”专项行动方案"));
        assert!(!names_a_plan("(2024—2025年)"));
        assert!(!names_a_plan("为做好工作，制定本方案"));
    }

    #[test]
    fn a_sentence_wrapped_at_the_pages_width_goes_on_into_its_bracket() {
        let text = "市教育局2022年工作要点\n一、建设区域教育中心,办好人民满意教育\n\
                    1.推进区域教育中心建设。成立市、县两级区域教育中心建设推进专\n\
                    班,制定实施方案,确保全面完成年度目标任务,推进区域教育中心建设强势\n\
                    开局。(责任单位:区域教育中心建设专班)\n\
                    2.深入实施“十四五”教育发展规划。召开规划部署会。(责任单位:发展规划科)\n";
        let prose = super::super::parse(text, "x.md").prose.unwrap();
        let intro: Vec<&str> = (prose.sections[0].intro.iter())
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(intro.len(), 2, "{intro:?}");
        assert!(intro[0].ends_with("建设强势开局。(责任单位:区域教育中心建设专班)"));
    }

    #[test]
    fn a_pages_headline_under_the_sites_name_is_the_title() {
        let text = "林芝市林业和草原局\n\n政府信息公开\n\n2019年度森林抚育工程项目有序推进\n\n\
                    发布时间: 2020-10-23   浏览次数:\n\n为做好森林抚育，制定本方案。\n";
        let prose = super::super::parse(text, "x.md").prose.unwrap();
        assert_eq!(
            prose.title.unwrap().text,
            "2019年度森林抚育工程项目有序推进"
        );
        let before: Vec<&str> = prose.before.iter().map(|p| p.text.as_str()).collect();
        assert!(before.contains(&"林芝市林业和草原局"), "{before:?}");
        assert!(before.contains(&"政府信息公开"), "{before:?}");
        // A page's stamp over the title (2024-04) is none of it: the title is the first line.
        let text = "2024-04\n\nxx市总工会2024年工作要点\n\n| 浏览量:\n\n\
                    市总工会2024年工作要点\n\n一、强化思想政治引领\n";
        let prose = super::super::parse(text, "x.md").prose.unwrap();
        assert_eq!(prose.title.unwrap().text, "xx市总工会2024年工作要点");
        // A title broken over two lines over the same page line stays whole.
        let text = "某区2025年重点工作\n任务分工方案\n发布时间: 2025-03-01\n\n一、推动改革\n";
        let prose = super::super::parse(text, "x.md").prose.unwrap();
        assert_eq!(prose.title.unwrap().text, "某区2025年重点工作任务分工方案");
    }

    /// A title broken where neither line names a plan alone (…确定的主要 / 目标任务责任分解
    /// 方案): one title, its 《》 no bar to that.
    #[test]
    fn a_title_whose_lines_name_a_plan_only_together_is_one() {
        let text = "2019年区《政府工作报告》确定的主要\n\n目标任务责任分解方案\n\n一、推动改革\n";
        let prose = super::super::parse(text, "x.md").prose.unwrap();
        assert_eq!(
            prose.title.unwrap().text,
            "2019年区《政府工作报告》确定的主要目标任务责任分解方案"
        );
    }

    /// A blank line under a line of bare words ends its paragraph (会议纪要摘编 / 各单位要高度
    /// 重视 are two lines of their own, not one sentence); a sentence cut at a page's width
    /// or after a clause goes on across one (a double-spaced web copy, a PDF's page break).
    #[test]
    fn a_blank_line_parts_paragraphs_only_under_a_line_that_ended() {
        let preamble = |text: &str| -> Vec<String> {
            let prose = super::super::parse(text, "x.md").prose.unwrap();
            prose.preamble.into_iter().map(|p| p.text).collect()
        };
        let text = "某区2026年重点工作方案\n\n会议纪要摘编\n\n各单位要高度重视\n\n\
                    为推动重点工作落实，现将分工明确如下。\n\n一、工作要求\n";
        assert_eq!(
            preamble(text),
            [
                "会议纪要摘编",
                "各单位要高度重视",
                "为推动重点工作落实，现将分工明确如下。"
            ]
        );
        let wrapped = "某区2026年重点工作方案\n\n\
                       为推动全区重点工作落实落细确保各项任务按期完成现将今年\n\n\
                       重点工作任务分工如下请各单位认真抓好贯彻落实按时报送进\n\n\
                       展情况并及时协调解决工作中遇到的困难和问题确保取得实效\n\n\
                       特此说明。\n\n\
                       各牵头单位要切实履行职责，主动协调配合单位，定期研究推进\n\n\
                       重点工作。\n\n一、工作要求\n";
        assert_eq!(
            preamble(wrapped),
            [
                "为推动全区重点工作落实落细确保各项任务按期完成现将今年重点工作任务分工如下请各单位\
                 认真抓好贯彻落实按时报送进展情况并及时协调解决工作中遇到的困难和问题确保取得实效\
                 特此说明。",
                "各牵头单位要切实履行职责，主动协调配合单位，定期研究推进重点工作。"
            ]
        );
    }

    #[test]
    fn a_plan_announced_below_a_news_headline_is_the_title() {
        assert_eq!(
            announced_plan("《关于做好2023年乡村振兴重点工作的实施方案》公布如下:").as_deref(),
            Some("关于做好2023年乡村振兴重点工作的实施方案")
        );
        assert_eq!(
            announced_plan("《某区稳增长行动方案》全文如下。").as_deref(),
            Some("某区稳增长行动方案")
        );
        // A notice's sentence handing the plan out says more.
        assert_eq!(
            announced_plan("现将《某区稳增长行动方案》印发给你们，请认真贯彻执行。"),
            None
        );
        assert_eq!(announced_plan("《政府工作报告》公布如下"), None);
        let lines = [
            "宁德发布丨2023年乡村振兴重点工作，我市这样实施……",
            "近日，市委、市政府印发《关于做好2023年乡村振兴重点工作的实施方案》。",
            "《关于做好2023年乡村振兴重点工作的实施方案》公布如下:",
            "为全面推进乡村振兴，制定如下实施方案:",
        ];
        let at = title_below_lines(&lines);
        assert_eq!(at, Some(2));
        assert_eq!(
            title_from_lines(&lines, 2),
            "关于做好2023年乡村振兴重点工作的实施方案"
        );
    }

    #[test]
    fn a_ledger_of_work_names_a_plan() {
        assert!(names_a_plan("和平县2025年重点工作任务表"));
        assert!(names_a_plan("石门区为民办实事推进表"));
        assert!(names_a_plan("2026年招商引资工作台账"));
        // Traditional characters name it as simplified ones do.
        assert!(names_a_plan("某縣民生實事清單"));
        assert!(!names_a_plan("附表"));
        assert!(!names_a_plan("2025年度统计表"));
    }

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
