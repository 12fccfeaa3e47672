//! Markdown-like text, often OCR'd from a PDF: the notice header, the plan's prose with its
//! headings and bold-headed paragraphs, and a tab- or pipe-separated 分工表 whose header repeats
//! at every page break.
//!
//! The reader is line based and forgiving: heading levels vary (`##`, `###`, `####` for the same
//! level of 一、 headings in the seed), bold markup comes as `**…**` or `<b>…</b>`, and paragraphs
//! split by a page break are joined again when the first half does not end a sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::raw_table::{Column, HeaderMap, RawRow, RawTable, RawTask, RowKind};
use crate::base::cjk::{chinese_number, ends_sentence, excerpt, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};
use crate::model::{Notice, Paragraph, normalize_doc_number};

/// What a text source holds; any part may be missing.
#[derive(Debug, Clone, Default)]
pub struct TextDocument {
    /// The covering notice, when the text starts with one (a 发文字号 near the top).
    pub notice: Option<Notice>,
    /// The plan's prose.
    pub prose: Option<Prose>,
    /// The 分工表.
    pub table: Option<RawTable>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// The plan's prose: title, preamble, sections with their groups, closing paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prose {
    /// The plan title, spacing tidied.
    pub title: Option<Paragraph>,
    /// Paragraphs before the first section.
    pub preamble: Vec<Paragraph>,
    /// 一、二、… with their groups.
    pub sections: Vec<ProseSection>,
    /// Paragraphs after the last group.
    pub closing: Vec<Paragraph>,
}

/// A section heading of the prose and its groups.
#[derive(Debug, Clone, PartialEq)]
pub struct ProseSection {
    /// The numeral, 一.
    pub numeral: String,
    /// The title without numeral and markup.
    pub title: String,
    /// Where the heading is.
    pub origin: Location,
    /// Paragraphs between the heading and the first group.
    pub intro: Vec<Paragraph>,
    /// Its bold-headed paragraphs.
    pub groups: Vec<ProseGroup>,
}

/// A bold-headed paragraph: **推动友好理念融入规划体系。**坚持儿童优先原则，…
#[derive(Debug, Clone, PartialEq)]
pub struct ProseGroup {
    /// The bold heading without its final 。.
    pub title: String,
    /// Where the heading is.
    pub origin: Location,
    /// The text after the heading, joined across page breaks, with the lines it came from.
    pub text: LinedText,
}

/// Text joined from several lines, remembering which byte offset came from which line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinedText {
    /// The text.
    pub text: String,
    /// `(byte offset, line)`: from that offset on, the text came from that line.
    pub marks: Vec<(usize, u32)>,
}

impl LinedText {
    fn push(&mut self, text: &str, line: u32) {
        self.marks.push((self.text.len(), line));
        self.text.push_str(text);
    }

    /// The line the byte at `offset` came from.
    pub fn line_at(&self, offset: usize) -> u32 {
        let index = self.marks.partition_point(|(start, _)| *start <= offset);
        self.marks
            .get(index.saturating_sub(1))
            .map(|(_, line)| *line)
            .unwrap_or(0)
    }
}

/// Reads a text source named `path`.
pub fn parse(text: &str, path: &str) -> TextDocument {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut doc = TextDocument::default();

    let header_at = lines
        .iter()
        .position(|line| split_cells(line).is_some_and(|c| HeaderMap::detect(&c).is_some()));
    let (front_end, table) = match header_at {
        Some(header_index) => {
            let (title_index, title) = table_title(&lines, header_index);
            let table = parse_table(&lines, header_index, title, path, &mut doc.diagnostics);
            (title_index.unwrap_or(header_index), Some(table))
        }
        None => (lines.len(), None),
    };
    doc.table = table;

    let blocks = blocks(&lines[..front_end]);
    let (notice, rest) = parse_notice(&blocks, path);
    doc.notice = notice;
    doc.prose = parse_prose(rest, path);
    doc
}

/// A non-blank line with its markup read.
#[derive(Debug, Clone)]
struct Block {
    line: u32,
    /// Number of leading `#`.
    heading: usize,
    /// The visible text: markup removed, trimmed.
    text: String,
    /// The bold lead-in and the text after it, when the line starts bold.
    bold: Option<(String, String)>,
}

fn blocks(lines: &[&str]) -> Vec<Block> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, raw)| !raw.trim().is_empty())
        .map(|(index, raw)| {
            let trimmed = raw.trim();
            let heading = trimmed.chars().take_while(|c| *c == '#').count();
            let content = trimmed[heading..].trim();
            Block {
                line: index as u32 + 1,
                heading,
                text: strip_markup(content),
                bold: bold_lead(content),
            }
        })
        .filter(|b| !b.text.is_empty())
        .collect()
}

static BOLD_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(?:\*\*|__|<b>|<strong>)(.+?)(?:\*\*|__|</b>|</strong>)(.*)$").unwrap()
});

fn bold_lead(content: &str) -> Option<(String, String)> {
    let caps = BOLD_LEAD.captures(content)?;
    Some((strip_markup(&caps[1]), strip_markup(&caps[2])))
}

/// Removes bold/strong markup and trims.
pub fn strip_markup(text: &str) -> String {
    let mut out = text.to_string();
    for tag in [
        "<b>",
        "</b>",
        "<strong>",
        "</strong>",
        "<B>",
        "</B>",
        "**",
        "<br>",
        "<br/>",
    ] {
        if out.contains(tag) {
            out = out.replace(tag, "");
        }
    }
    out.trim().to_string()
}

/// Splits a table line into cells: tab-separated, or a Markdown pipe row.
fn split_cells(line: &str) -> Option<Vec<String>> {
    if line.contains('\t') {
        return Some(line.split('\t').map(strip_markup).collect());
    }
    let trimmed = line.trim();
    if trimmed.starts_with('|') && trimmed.len() > 1 {
        let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
        return Some(inner.split('|').map(strip_markup).collect());
    }
    None
}

fn is_pipe_rule(cells: &[String]) -> bool {
    cells.iter().all(|c| {
        let c = c.trim();
        !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
    })
}

/// The title above the header at `header_index`: the nearest non-blank line, when it is a
/// heading or names a table. Returns its line index too, where the prose ends.
fn table_title(lines: &[&str], header_index: usize) -> (Option<usize>, Option<String>) {
    let Some(index) = (0..header_index)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
    else {
        return (None, None);
    };
    let raw = lines[index].trim();
    let text = tidy_spacing(&strip_markup(raw.trim_start_matches('#')));
    let looks_like_title = raw.starts_with('#')
        || text.ends_with('表')
        || text.contains("分工")
        || (text.chars().count() <= 60 && !text.contains('。'));
    if looks_like_title && !text.is_empty() {
        (Some(index), Some(text))
    } else {
        (None, None)
    }
}

static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^([一二三四五六七八九十]{1,3})\s*[、，,.．]\s*(\S.*)$").unwrap()
});

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^[（(]\s*([一二三四五六七八九十百]{1,4})\s*[）)]\s*(.*)$").unwrap()
});

/// `一、进一步…` → (一, 进一步…).
pub fn section_heading(text: &str) -> Option<(String, String)> {
    let caps = SECTION.captures(text.trim())?;
    let title = caps[2].trim().to_string();
    let stops = title.matches('。').count();
    (stops == 0 || (stops == 1 && title.ends_with('。'))).then(|| {
        (
            caps[1].to_string(),
            title.trim_end_matches('。').to_string(),
        )
    })
}

/// `（八）推动幼有善育、学有优教` / `(八) …` → (8, 推动幼有善育、学有优教).
pub fn numbered_label(text: &str) -> Option<(u32, String)> {
    let caps = LABEL.captures(text.trim())?;
    Some((chinese_number(&caps[1])?, caps[2].trim().to_string()))
}

// ---------------------------------------------------------------------------------------------
// The notice

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$")
        .unwrap()
});

/// Reads the notice at the top of `blocks`, when there is a 发文字号 among the first lines.
/// Returns the notice and the blocks that follow it (the plan).
fn parse_notice<'a>(blocks: &'a [Block], path: &str) -> (Option<Notice>, &'a [Block]) {
    let Some(number_at) = blocks
        .iter()
        .take(12)
        .position(|b| normalize_doc_number(&b.text).is_some())
    else {
        return (None, blocks);
    };
    let mut notice = Notice {
        doc_number_written: Some(blocks[number_at].text.clone()),
        doc_number: normalize_doc_number(&blocks[number_at].text),
        ..Notice::default()
    };
    let first = number_at.checked_sub(1).unwrap_or(number_at);
    notice.origin = Some(Location::line(path, blocks[first].line));
    if number_at > 0 {
        notice.issuer = Some(issuer_name(&blocks[number_at - 1].text));
    }
    let mut i = number_at + 1;
    if let Some(b) = blocks.get(i)
        && (b.text.contains("通知") || b.heading > 0 || b.text.starts_with("关于"))
        && !b.text.ends_with('：')
    {
        notice.title = Some(tidy_spacing(&b.text));
        i += 1;
    }
    if let Some(b) = blocks.get(i)
        && (b.text.ends_with('：') || b.text.ends_with(':'))
        && !b.text.contains('。')
        && b.text.chars().count() < 200
    {
        notice.recipients = split_list(b.text.trim_end_matches(['：', ':']));
        i += 1;
    }
    // Body: until 附件, a heading (the plan), a 署名/date, or the end.
    let mut body: Vec<Paragraph> = Vec::new();
    while let Some(b) = blocks.get(i) {
        if b.heading > 0 || b.text.starts_with("附件") || DATE_LINE.is_match(&b.text) {
            break;
        }
        if let Some(last) = body.last_mut()
            && !ends_sentence(&last.text)
        {
            last.text.push_str(&b.text);
        } else {
            body.push(Paragraph {
                text: b.text.clone(),
                origin: Location::line(path, b.line),
            });
        }
        i += 1;
    }
    notice.body = body;
    // 附件说明: 附件：《…》, or 附件：1. … with further numbered lines.
    if let Some(b) = blocks.get(i)
        && let Some(rest) = b.text.strip_prefix("附件")
        && (rest.starts_with('：') || rest.starts_with(':'))
    {
        let first = rest.trim_start_matches(['：', ':']).trim();
        if !first.is_empty() {
            notice.attachments.push(attachment_name(first));
        }
        i += 1;
        while let Some(b) = blocks.get(i) {
            let numbered = b.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                && b.heading == 0
                && b.text.chars().count() < 120;
            if !numbered {
                break;
            }
            notice.attachments.push(attachment_name(&b.text));
            i += 1;
        }
    }
    // 署名 and 成文日期, when the source has them.
    if let Some(b) = blocks.get(i)
        && b.heading == 0
        && !b.text.contains(['。', '，'])
        && b.text.chars().count() <= 40
        && blocks
            .get(i + 1)
            .is_some_and(|d| DATE_LINE.is_match(&d.text))
    {
        notice.signer = Some(b.text.clone());
        i += 1;
    }
    if let Some(b) = blocks.get(i)
        && DATE_LINE.is_match(&b.text)
    {
        notice.date = Some(b.text.split_whitespace().collect());
        i += 1;
    }
    if let Some(last) = i.checked_sub(1).and_then(|j| blocks.get(j)) {
        notice.end_origin = Some(Location::line(path, last.line));
    }
    // A bare "附件" or "附件1" label before the attached plan.
    if let Some(b) = blocks.get(i)
        && b.text.starts_with("附件")
        && b.text.chars().count() <= 4
    {
        i += 1;
    }
    (Some(notice), &blocks[i.min(blocks.len())..])
}

/// `上海市嘉定区发展和改革委员会(通知)` / `…文件` → `上海市嘉定区发展和改革委员会`.
fn issuer_name(text: &str) -> String {
    let mut name = tidy_spacing(text);
    if let Some(open) = name.rfind(['(', '（'])
        && name.ends_with([')', '）'])
        && open > 0
    {
        name.truncate(open);
    }
    let name = name.trim();
    name.strip_suffix("文件").unwrap_or(name).trim().to_string()
}

/// `1. 《某方案》` → `某方案`.
fn attachment_name(text: &str) -> String {
    let text = text.trim();
    let text = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let text = text.trim_start_matches(['.', '．', '、', ' ']);
    let text = text.trim_end_matches(['。', '；', ';']);
    let text = text.trim();
    let text = text
        .strip_prefix('《')
        .and_then(|t| t.strip_suffix('》'))
        .unwrap_or(text);
    tidy_spacing(text)
}

/// Splits a list at 、，, and ；.
fn split_list(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The prose

/// Where a plain paragraph of the prose goes while reading.
enum Tail {
    None,
    Preamble,
    Intro,
    Group,
    Pending,
}

fn parse_prose(blocks: &[Block], path: &str) -> Option<Prose> {
    if blocks.is_empty() {
        return None;
    }
    let mut prose = Prose::default();
    let mut start = 0;
    let first = &blocks[0];
    if section_heading(&first.text).is_none() && group_start(first).is_none() {
        prose.title = Some(Paragraph {
            text: tidy_spacing(&first.text),
            origin: Location::line(path, first.line),
        });
        start = 1;
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
                origin: Location::line(path, block.line),
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
                    origin: Location::line(path, block.line),
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
                    origin: Location::line(path, block.line),
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
                pending.push(paragraph(block, path));
                tail = Tail::Pending;
            }
            Tail::Pending => push_or_join(&mut pending, block, path, continues),
            Tail::Preamble | Tail::None if prose.sections.is_empty() => {
                push_or_join(&mut prose.preamble, block, path, continues);
                tail = Tail::Preamble;
            }
            _ => {
                if let Some(section) = prose.sections.last_mut() {
                    push_or_join(&mut section.intro, block, path, continues);
                }
                tail = Tail::Intro;
            }
        }
    }
    prose.closing = pending;
    Some(prose)
}

fn paragraph(block: &Block, path: &str) -> Paragraph {
    Paragraph {
        text: block.text.clone(),
        origin: Location::line(path, block.line),
    }
}

fn push_or_join(list: &mut Vec<Paragraph>, block: &Block, path: &str, continues: bool) {
    if let Some(last) = list.last_mut()
        && continues
        && !ends_sentence(&last.text)
    {
        last.text.push_str(&block.text);
    } else {
        list.push(paragraph(block, path));
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

// ---------------------------------------------------------------------------------------------
// The table

fn parse_table(
    lines: &[&str],
    header_index: usize,
    title: Option<String>,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let header_cells = split_cells(lines[header_index]).unwrap_or_default();
    let header = HeaderMap::detect(&header_cells).unwrap_or_default();
    let mut table = RawTable {
        title,
        origin: Some(Location::line(path, header_index as u32 + 1)),
        repeated_headers: 0,
        rows: Vec::new(),
    };
    for (index, line) in lines.iter().enumerate().skip(header_index + 1) {
        let line_no = index as u32 + 1;
        let here = Location::line(path, line_no);
        if line.trim().is_empty() {
            continue;
        }
        let Some(cells) = split_cells(line) else {
            let text = tidy_spacing(&strip_markup(line.trim().trim_start_matches('#')));
            let is_title = table.title.as_deref() == Some(text.as_str())
                || text.contains("分工表")
                || text.ends_with("任务表");
            if !is_title {
                diagnostics.push(
                    Diagnostic::warning(
                        "table/stray-line",
                        here,
                        format!("分工表中有一行不是表格行，已忽略：「{}」", excerpt(&text)),
                    )
                    .with_hint("如为表格内容，请用制表符分隔各列"),
                );
            }
            continue;
        };
        if is_pipe_rule(&cells) {
            continue;
        }
        if HeaderMap::detect(&cells).is_some() {
            table.repeated_headers += 1;
            continue;
        }
        let no = header.get(&cells, Column::No);
        let content = header.get(&cells, Column::Content);
        let units = header.get(&cells, Column::Units);
        let label = header.get(&cells, Column::Group);
        let number = parse_task_number(no);
        if let Some(_n) = number {
            let task = RawTask {
                label: (!label.is_empty()).then(|| label.to_string()),
                no: no.to_string(),
                content: content.to_string(),
                units: units.to_string(),
                lead: header
                    .index(Column::Lead)
                    .map(|_| header.get(&cells, Column::Lead).to_string()),
                support: header
                    .index(Column::Support)
                    .map(|_| header.get(&cells, Column::Support).to_string()),
                deadline: header
                    .index(Column::Deadline)
                    .map(|_| header.get(&cells, Column::Deadline).to_string())
                    .filter(|d| !d.is_empty()),
                content_origin: None,
                units_origin: None,
            };
            table.rows.push(RawRow {
                kind: RowKind::Task(Box::new(task)),
                origin: here,
            });
            continue;
        }
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        if no.is_empty() && !content.is_empty() {
            // A task row broken across lines by OCR: its tail has no number.
            if let Some(RawRow {
                kind: RowKind::Task(prev),
                ..
            }) = table.rows.last_mut()
            {
                prev.content.push_str(content);
                if !units.is_empty() {
                    prev.units.push_str(units);
                }
                diagnostics.push(Diagnostic::warning(
                    "table/continued-row",
                    here,
                    format!("没有序号的表格行已并入上一项任务（第 {} 项）", prev.no),
                ));
            } else {
                diagnostics.push(Diagnostic::warning(
                    "table/unnumbered-row",
                    here,
                    format!("表格行没有序号，已忽略：「{}」", excerpt(content)),
                ));
            }
            continue;
        }
        if filled.len() == 1 || (!label.is_empty() && content.is_empty() && units.is_empty()) {
            let written = if label.is_empty() {
                filled[0].trim()
            } else {
                label
            };
            let kind = match section_heading(&tidy_spacing(written)) {
                Some((numeral, title)) => RowKind::Section { numeral, title },
                None => RowKind::Label(written.to_string()),
            };
            table.rows.push(RawRow { kind, origin: here });
            continue;
        }
        if filled.is_empty() {
            continue;
        }
        diagnostics.push(Diagnostic::warning(
            "table/bad-number",
            here,
            format!("序号「{no}」不是数字，此行已忽略"),
        ));
    }
    table
}

/// `12`, `12.`, `12、`, `（12）` → 12.
pub fn parse_task_number(text: &str) -> Option<u32> {
    let digits = text
        .trim()
        .trim_matches(['(', ')', '（', '）', '.', '．', '、', ' '])
        .trim();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_any_bracket() {
        assert_eq!(
            numbered_label("(八) 推动幼有善育、学有优教"),
            Some((8, "推动幼有善育、学有优教".into()))
        );
        assert_eq!(
            numbered_label("（九）持续做好课后关爱"),
            Some((9, "持续做好课后关爱".into()))
        );
        assert_eq!(numbered_label("(四)凝聚合力"), Some((4, "凝聚合力".into())));
        assert_eq!(numbered_label("推动"), None);
    }

    #[test]
    fn sections() {
        assert_eq!(
            section_heading("二、进一步提升托幼教育和健康服务能级"),
            Some(("二".into(), "进一步提升托幼教育和健康服务能级".into()))
        );
        assert_eq!(
            section_heading("一、坚持儿童优先原则，编制规划。还有一句。"),
            None
        );
    }

    #[test]
    fn task_numbers() {
        assert_eq!(parse_task_number("12"), Some(12));
        assert_eq!(parse_task_number(" 12. "), Some(12));
        assert_eq!(parse_task_number("（3）"), Some(3));
        assert_eq!(parse_task_number(""), None);
        assert_eq!(parse_task_number("一"), None);
    }

    const SMALL: &str = "\
# 某区发展和改革委员会文件

某发改（2024）3号

## 关于印发《某区工作安排》的通知

各部门，各街镇：

现印发给你们，请认真
贯彻落实。

附件：《某区工作安排》

# 某区 2024 年工作安排

为做好工作，制定本安排。

## 一、第一部分

**推动甲。**做好甲事。做好乙事，

丙事同步推进。

**推动乙。**做好丁事。

各部门要抓好落实。

## 某区2024年任务分工表

主要事项\t序号\t具体内容\t责任单位
<b>一、第一部分</b>\t\t\t
(一) 推动甲\t1\t做好甲事。\t区教育局、区体育局

## 某区2024年任务分工表

主要事项\t序号\t具体内容\t责任单位
\t2\t做好乙事，丙事同步推进。\t区体育局
<b>(二) 推动乙</b>\t\t\t
\t3\t做好丁事。\t区教育局
";

    #[test]
    fn reads_a_small_document_in_the_seed_layout() {
        let doc = parse(SMALL, "x.md");
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        let notice = doc.notice.unwrap();
        assert_eq!(notice.issuer.as_deref(), Some("某区发展和改革委员会"));
        assert_eq!(notice.doc_number.as_deref(), Some("某发改〔2024〕3号"));
        assert_eq!(notice.recipients, vec!["各部门", "各街镇"]);
        assert_eq!(notice.body.len(), 1);
        assert_eq!(notice.body[0].text, "现印发给你们，请认真贯彻落实。");
        assert_eq!(notice.attachments, vec!["某区工作安排"]);

        let prose = doc.prose.unwrap();
        assert_eq!(prose.title.unwrap().text, "某区2024年工作安排");
        assert_eq!(prose.preamble.len(), 1);
        assert_eq!(prose.sections.len(), 1);
        let groups = &prose.sections[0].groups;
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].title, "推动甲");
        assert_eq!(groups[0].text.text, "做好甲事。做好乙事，丙事同步推进。");
        assert_eq!(groups[0].text.line_at(0), 20);
        assert_eq!(
            groups[0]
                .text
                .line_at(groups[0].text.text.find("丙").unwrap()),
            22
        );
        assert_eq!(prose.closing.len(), 1);
        assert_eq!(prose.closing[0].text, "各部门要抓好落实。");

        let table = doc.table.unwrap();
        assert_eq!(table.title.as_deref(), Some("某区2024年任务分工表"));
        assert_eq!(table.repeated_headers, 1);
        let kinds: Vec<String> = table
            .rows
            .iter()
            .map(|r| match &r.kind {
                RowKind::Section { numeral, .. } => format!("S{numeral}"),
                RowKind::Label(l) => format!("L{l}"),
                RowKind::Task(t) => format!("T{}", t.no),
            })
            .collect();
        assert_eq!(kinds, ["S一", "T1", "T2", "L(二) 推动乙", "T3"]);
        assert_eq!(table.rows[1].origin, Location::line("x.md", 32));
    }

    #[test]
    fn pipe_tables_read_like_tab_tables() {
        let text = "| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| 1 | 做好甲事。 | 区教育局 |\n";
        let doc = parse(text, "p.md");
        let table = doc.table.unwrap();
        assert_eq!(table.rows.len(), 1);
        match &table.rows[0].kind {
            RowKind::Task(t) => {
                assert_eq!(t.content, "做好甲事。");
                assert_eq!(t.units, "区教育局");
            }
            other => panic!("{other:?}"),
        }
    }
}
