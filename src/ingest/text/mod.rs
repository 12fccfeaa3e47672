//! Markdown-like text, often OCR'd from a PDF: the notice header, the plan's prose with its
//! headings and bold-headed paragraphs, and a tab- or pipe-separated 分工表 whose header repeats
//! at every page break.
//!
//! The reader is line based and forgiving: heading levels vary (`##`, `###`, `####` for the same
//! level of 一、 headings in the seed), bold markup comes as `**…**` or `<b>…</b>`, and paragraphs
//! split by a page break are joined again when the first half does not end a sentence.

mod approved_by;
pub(crate) mod boxed;
mod centred;
mod header_lines;
mod merged_labels;
mod notice;
mod page_box;
mod pipe_led;
pub(crate) mod printed;
pub(crate) mod prose;
mod stacked;
mod table;

use std::sync::LazyLock;

use regex::Regex;

use super::raw_table::{HeaderMap, RawRow, RawTable, RowKind};
use crate::base::cjk::{LINE_BREAK, chinese_number, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};
use crate::model::{Notice, Paragraph};
pub(crate) use notice::{
    doc_number_within, fill_from_lines_outside, garbled_doc_number, is_annotation, is_date_line,
    is_imprint_line, is_notice_title, is_printed_on, issued_plan, issuer_name, sign_off_in_rows,
    sign_off_under_table, signing_off,
};
pub(crate) use prose::{
    after_attachments_label, attached_plan, is_attachment_label, labels_a_listed_attachment,
};
pub use prose::{names_a_plan, title_below_lines, title_from_lines};
pub(crate) use table::upper_task_column;
pub use table::{
    bracketed_numbers, is_written_task_number, marked_number, number_marks, parse_task_number,
};
use {
    notice::{NoticeRead, parse_notice},
    prose::parse_prose,
    table::parse_table,
};

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
    /// The year of the date a web page's own lines give (发布日期：2023-03-10), when they do.
    pub page_year: Option<i32>,
    /// How many of the text's lines stand above its 分工表 (its title included), when the
    /// table is in the text.
    pub lines_above_table: Option<usize>,
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
    /// The lines that sign the plan off at its end (the agencies over the date), when it is
    /// signed: its 落款, no paragraphs of its text.
    pub sign_off: Vec<Paragraph>,
    /// Paragraphs that are none of the plan's — above its title (a news page's lead lines),
    /// or a web page's own lines anywhere (来源：… 发布时间：…): said, not printed.
    pub before: Vec<Paragraph>,
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
    /// The heading as written, numeral and all (`（一）全力推进产业项目建设。`), to print the
    /// group as the source has it where the plan has no group of its title.
    pub heading: String,
}

impl ProseGroup {
    /// The heading as printed when the prose numbers it: `(一)坚持常态化疫情防控.` →
    /// `（一）坚持常态化疫情防控。` (full-width brackets and stop, the stop kept as written);
    /// none for a bold lead-in without a number. A colon the group's text opens with (see
    /// [`ProseGroup::text`]) is printed there, not twice.
    pub fn numbered_heading(&self) -> Option<String> {
        numbered_label(&self.heading)?;
        let heading = tidy_spacing(self.heading.trim());
        let heading = match heading.strip_prefix(['(', '（']) {
            Some(rest) => format!("（{}", rest.replacen(')', "）", 1)),
            None => heading,
        };
        let heading = match heading.strip_suffix(['.', '．']) {
            Some(rest) => format!("{rest}。"),
            None => heading,
        };
        Some(if self.text.text.starts_with('：') {
            heading.trim_end_matches(['：', ':']).to_string()
        } else {
            heading
        })
    }
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

/// `text` as the document wrote it when it was read back from printed pages (a scan's OCR,
/// a PDF's text): page numbers and running heads left out, lines broken at the page's
/// width joined, a table set with single spaces split into cells, OCR's spaced characters
/// closed — each said. Every line keeps its number, so places stay true. Every reader of
/// a text source reads this.
pub fn restore_printed(text: &str, places: Places<'_>) -> (String, Vec<Diagnostic>, HeaderBands) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut said = Vec::new();
    said.extend(standard_forms(&mut lines, places));
    // The 版记 under a plan's table is no row of it (a 抄送 wrapped at the page's width
    // read as the last task's words): set aside while the rest is restored.
    let imprint: Vec<(usize, String)> = (imprint_lines(&lines).into_iter())
        .map(|at| (at, std::mem::take(&mut lines[at])))
        .collect();
    let bands = HeaderBands(header_lines::join_header_lines(
        &mut lines, places, &mut said,
    ));
    printed::restore(&mut lines, places, &mut said);
    for (at, line) in imprint {
        lines[at] = line;
    }
    said.extend(without_stamp_text(&mut lines, places));
    said.extend(spaces_out_of_labels(&mut lines, places));
    said.extend(without_cut_piece(&mut lines, places));
    said.extend(without_contents(&mut lines, places));
    said.extend(without_scrambled_tails(&mut lines, places));
    (lines.join("\n"), said, bands)
}

/// The names a header set over several lines merges over its columns (责任单位 over 牵头单位
/// | 配合单位), each with the line (index) the header was joined on: the restored text
/// cannot hold them, so they are handed to the table read there.
#[derive(Debug, Default)]
pub struct HeaderBands(Vec<(usize, Vec<header_lines::Band>)>);

impl HeaderBands {
    /// The table of `doc` its bands, when its header is one joined from several lines:
    /// each over the columns it stands over, where the table reads them all.
    pub fn give(&self, doc: &mut TextDocument) {
        let Some(table) = doc.table.as_mut() else {
            return;
        };
        let Some(Location::Line { line, .. }) = &table.origin else {
            return;
        };
        let Some((_, bands)) = self.0.iter().find(|(at, _)| *at as u32 + 1 == *line) else {
            return;
        };
        let Some(map) = HeaderMap::detect(&table.header) else {
            return;
        };
        for (name, under) in bands {
            let columns = (under.iter())
                .map(|n| table.header.iter().position(|h| h == n))
                .map(|at| at.and_then(|at| map.column_at(at)))
                .collect::<Option<Vec<_>>>();
            if let Some(columns) = columns {
                table.header_bands.push(crate::model::HeaderBand {
                    name: name.clone(),
                    columns,
                });
            }
        }
    }
}

/// The scrambled letters a forum sets after a line against copying (`一、重点任务分解- q( g'
/// V( T: h`): after the line's words, short pieces of letters and marks with spaces between.
/// None when the tail is anything else (a figure, a unit: 5G, PM2.5, a list of them).
fn scrambled_tail(line: &str) -> Option<usize> {
    let words_end = line
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii())
        .map(|(i, c)| i + c.len_utf8())?;
    let tail = &line[words_end..];
    let pieces: Vec<&str> = tail.split_whitespace().collect();
    let letters = tail.chars().filter(char::is_ascii_alphabetic).count();
    let marks = tail
        .chars()
        .filter(|c| "()'\":;[]#%&*^~`".contains(*c))
        .count();
    let scrambled = pieces.len() >= 4
        && pieces.iter().all(|p| p.chars().count() <= 3)
        && letters >= 3
        && marks >= 2;
    scrambled.then_some(words_end)
}

/// Each line's scrambled tail ([`scrambled_tail`]) left out, and said with its line.
fn without_scrambled_tails(lines: &mut [String], places: Places<'_>) -> Vec<Diagnostic> {
    let mut said = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        let Some(end) = scrambled_tail(line) else {
            continue;
        };
        let tail = line[end..].trim().to_string();
        line.truncate(end);
        said.push(Diagnostic::note(
            "source/unused",
            places.at(i as u32 + 1),
            format!("行末的「{tail}」是网页加在文字后的乱码，未读入方案"),
        ));
    }
    said
}

/// A line of a table of contents: a heading, a leader of dots, a page number
/// (1.1编制目的……………………6).
fn is_contents_line(line: &str) -> bool {
    static CONTENTS: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^\S.*?(?:[.．·‧•]{4,}|…{2,})[.．…·‧•\s]*\d{1,4}\s*$").unwrap()
    });
    CONTENTS.is_match(line.trim())
}

/// The lines of a table of contents (a plan printed with one: 1总则……6) blanked, so no
/// reader takes them for headings or tasks, and said once with where they are.
fn without_contents(lines: &mut [String], places: Places<'_>) -> Option<Diagnostic> {
    let at: Vec<usize> = (0..lines.len())
        .filter(|&i| is_contents_line(&lines[i]))
        .collect();
    let (&first, &last) = (at.first()?, at.last()?);
    let shown = tidy_spacing(lines[first].trim());
    for &i in &at {
        lines[i].clear();
    }
    let span = match first == last {
        true => String::new(),
        false => format!("（至第 {} 行，共 {} 行）", last + 1, at.len()),
    };
    Some(Diagnostic::note(
        "source/unused",
        places.at(first as u32 + 1),
        format!("这是目录，未读入方案：「{shown}」{span}；方案正文照原文读入"),
    ))
}

/// A stray space OCR left inside a label (`责 任单位:县农业农村局`) or a document number's
/// year (`嘉政办发〔2 024〕1号`): closed where the closed text reads as one, said once.
fn spaces_out_of_labels(lines: &mut [String], places: Places<'_>) -> Option<Diagnostic> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(\p{Han}+(?:[ \u{3000}]\p{Han}+){1,2})([：:])").unwrap()
    });
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[〔\[［【（(]\s*(\d(?:\s?\d){3})\s*[〕\]］】）)]\s*\d{1,4}\s*号").unwrap()
    });
    let mut changed: Vec<String> = Vec::new();
    let mut first = None;
    for (i, line) in lines.iter_mut().enumerate() {
        let trimmed = line.trim_start().to_string();
        let mut mended = trimmed.clone();
        if let Some(caps) = LABEL.captures(&trimmed) {
            let closed: String = caps[1].chars().filter(|c| !c.is_whitespace()).collect();
            // A short label padded to its neighbours' width (组 长：) is set so on purpose.
            let padded = closed.chars().count() <= 2
                || caps[1].chars().filter(|c| c.is_whitespace()).count() + 1
                    == closed.chars().count();
            let candidate = format!("{closed}{}", &trimmed[caps[1].len()..]);
            if !padded && crate::ingest::inline::is_labelled_line(&candidate) {
                mended = candidate;
            }
        }
        if let Some(caps) = YEAR.captures(&mended)
            && caps[1].contains(char::is_whitespace)
        {
            let year = &caps[1];
            let closed: String = year.chars().filter(|c| !c.is_whitespace()).collect();
            mended = mended.replacen(year, &closed, 1);
        }
        if mended != trimmed {
            first.get_or_insert(i);
            changed.push(format!(
                "第 {} {}「{}」→「{}」",
                i + 1,
                places.unit(),
                tail_of(&trimmed, 24),
                tail_of(&mended, 24)
            ));
            *line = mended;
        }
    }
    Some(
        Diagnostic::note(
            "source/ocr-mended",
            places.at(first? as u32 + 1),
            format!("标签和文号中识别多出的空格已去掉：{}", changed.join("；")),
        )
        .with_hint("请对照原件核对；如改错了，请在原文中改正后重试"),
    )
}

/// The words a scan's OCR read off the seal pressed over the 署名 and date: `（盖章）咸阳市`
/// (the mark a copy writes for the seal, and what could be read of it), or a piece of the
/// 署名 alone between it and the date (泾县人 under 泾县人民政府). None of the document's
/// words: each line left out and said.
fn without_stamp_text(lines: &mut [String], places: Places<'_>) -> Vec<Diagnostic> {
    static SEAL: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^[（(【\[]\s*(?:盖章|蓋章|印章|公章|签章|簽章|章)\s*[）)】\]]\s*(.*)$")
            .unwrap()
    });
    let mut said = Vec::new();
    for at in 1..lines.len() {
        let line = tidy_spacing(lines[at].trim());
        if line.is_empty() {
            continue;
        }
        let above = (0..at)
            .rev()
            .map(|k| lines[k].trim())
            .find(|l| !l.is_empty());
        let next = (at + 1..lines.len())
            .map(|k| lines[k].trim())
            .find(|l| !l.is_empty());
        let piece_of_signer = |piece: &str| {
            let piece = piece.trim();
            piece.is_empty()
                || above.is_some_and(|above| {
                    piece.chars().count() >= 2 && above != piece && above.starts_with(piece)
                })
        };
        let dated_next = next.is_some_and(|n| crate::base::date::parse_written(n).is_some());
        let stamp = match SEAL.captures(&line) {
            Some(caps) => piece_of_signer(&caps[1]) || dated_next,
            None => {
                dated_next
                    && (2..=12).contains(&line.chars().count())
                    && line.chars().all(crate::base::cjk::is_han)
                    && piece_of_signer(&line)
            }
        };
        if !stamp {
            continue;
        }
        said.push(Diagnostic::note(
            "source/stamp",
            places.at(at as u32 + 1),
            format!(
                "「{line}」是扫描识别时从公章上读出的文字，不是原文：未读入，署名和日期照常读取"
            ),
        ));
        lines[at].clear();
    }
    said
}

/// A last line cut right after its task's closing bracket (…(地区农牧局)引): the piece taken
/// off, so that every reader reads the bracket, and the cut said quoting it.
fn without_cut_piece(lines: &mut [String], places: Places<'_>) -> Option<Diagnostic> {
    let (at, tail) = cut_at_end(&lines.iter().map(String::as_str).collect::<Vec<_>>())?;
    let whole = before_a_cut_piece(&lines[at])?.to_string();
    lines[at] = whole;
    Some(cut_off(places.at(at as u32 + 1), places.unit(), &tail))
}

/// Small and vertical punctuation marks (`1﹒`, `﹙一﹚`) in `lines` put in their usual
/// forms, and said once, at the first line holding one, with the marks seen.
fn standard_forms(lines: &mut [String], places: Places<'_>) -> Option<Diagnostic> {
    let (mut first, mut count, mut seen) = (None, 0, String::new());
    for (i, line) in lines.iter_mut().enumerate() {
        let small = |c: char| c == '\u{FE52}' || crate::base::cjk::standard_form(c).is_some();
        if !line.chars().any(small) {
            continue;
        }
        first.get_or_insert(i);
        count += 1;
        for c in line.chars().filter(|c| small(*c)) {
            if !seen.contains(c) && seen.chars().count() < 6 {
                seen.push(c);
            }
        }
        *line = crate::base::cjk::in_standard_forms(line);
    }
    let marks: Vec<String> = seen
        .chars()
        .map(|c| match crate::base::cjk::standard_form(c) {
            Some(usual) => format!("「{c}」读作「{usual}」"),
            None => format!("「{c}」在编号后读作「．」、在句末读作「。」"),
        })
        .collect();
    first.map(|i| {
        Diagnostic::note(
            "text/small-forms",
            places.at(i as u32 + 1),
            format!(
                "原文有 {count} 行用了小号或竖排的标点，按通常的标点读：{}",
                marks.join("，")
            ),
        )
    })
}

/// Reads a text source named `path`.
pub fn parse(text: &str, path: &str) -> TextDocument {
    parse_at(text, Places::lines(path))
}

/// [`parse`], the places of `text`'s lines named by `places`: a Word document's paragraphs,
/// one per line, read as text (see `ingest::word`).
pub fn parse_at(text: &str, places: Places<'_>) -> TextDocument {
    let mut joined = join_quoted_rows(text);
    let approved_by = approved_by::take_approved_by(&mut joined);
    let mut lines: Vec<&str> = joined.iter().map(String::as_str).collect();
    let (imprint, disclosure) = imprint_at_end(&mut lines, places);
    let mut doc = TextDocument {
        page_year: page_year(&lines),
        ..TextDocument::default()
    };

    let found = boxed::read_table(&lines, places, &mut doc.diagnostics)
        .or_else(|| find_table(&lines, places, &mut doc.diagnostics));
    let (front_end, table) = match found {
        Some((front_end, table)) => (front_end, Some(table)),
        None => (lines.len(), None),
    };
    doc.lines_above_table = table.is_some().then_some(front_end);
    doc.table = table;

    // Titles of the documents the notice hands out, broken over two lines under it, are
    // read whole (政府工作报告“十四五”时期 / 重点工作责任分解).
    let names = (parse_notice(&blocks(&lines[..front_end]), places).notice)
        .map(|notice| part_names(&notice))
        .unwrap_or_default();
    let rejoined = titles_rejoined(&lines[..front_end], &names);
    let front: Vec<&str> = match &rejoined {
        Some(rejoined) => rejoined.iter().map(String::as_str).collect(),
        None => lines[..front_end].to_vec(),
    };
    let blocks = blocks(&front);
    let mut read = parse_notice(&blocks, places);
    doc.diagnostics.append(&mut read.said);
    let own_title = title_over_recipients(&read);
    for block in read.before.iter().chain(read.skipped) {
        if own_title.is_some_and(|t| std::ptr::eq(t, block)) {
            continue;
        }
        doc.diagnostics.push(unused_page_line(
            &block.text,
            places.at(block.line),
            read.notice.as_ref(),
        ));
    }
    doc.notice = read.notice;
    if let Some(approved) = approved_by {
        match doc.notice.as_mut() {
            Some(notice) => notice.approved_by = approved.names,
            None => doc.diagnostics.push(crate::ingest::unused_note(
                &approved.written,
                places.at(approved.at as u32 + 1),
            )),
        }
    }
    if let Some(notice) = doc.notice.as_mut() {
        sign_off_after_table(notice, &lines, places, &mut doc.diagnostics);
    }
    give_notice_its_imprint(&mut doc, imprint, disclosure);
    doc.prose = parse_prose(read.rest, places);
    if let (Some(prose), Some(title)) = (doc.prose.as_mut(), own_title) {
        prose.title = Some(Paragraph {
            text: tidy_spacing(&title.text),
            origin: places.at(title.line),
        });
    }
    if let Some((at, tail)) = cut_at_end(&lines)
        && !(doc.table.as_ref()).is_some_and(|table| ends_on_a_whole_row(table, at as u32 + 1))
    {
        doc.diagnostics
            .push(cut_off(places.at(at as u32 + 1), places.unit(), &tail));
    }
    doc
}

/// Whether the text's last line, `line`, is of the table's last row, that row read whole up
/// to its time (a PDF's table whose cells wrap ends on their last pieces: `治提升60条。  底前`).
fn ends_on_a_whole_row(table: &RawTable, line: u32) -> bool {
    let Some(RawRow {
        kind: RowKind::Task(task),
        origin: Location::Line { line: row_line, .. },
    }) = table.rows.last()
    else {
        return false;
    };
    table.after.is_empty()
        && *row_line <= line
        && (task.deadline.as_deref()).is_some_and(crate::ingest::deadline::reads_as_time)
}

/// The 版记 at the text's very end (抄送：… / …办公室 2025年3月18日印发), where GB/T 9704
/// puts it — after the attachments, so under the plan's table — taken out of `lines` (left
/// blank, the lines keep their numbers) for the notice. Blank lines and page numbers
/// between are passed over; a 抄送 the page's width wrapped (…，区 / 检察院。) is one.
/// Also the line saying how the document is made public right over it (公开方式：主动公开,
/// where some provinces print it): the notice's 附注.
fn imprint_at_end(lines: &mut [&str], places: Places<'_>) -> (Vec<Paragraph>, Option<Paragraph>) {
    let mut found = Vec::new();
    let mut at = lines.len();
    let mut disclosure = None;
    while at > 0 {
        at -= 1;
        let line = lines[at].replace('\t', " ");
        let line = line.trim();
        // A bare figure at the very end is the last page's number (5).
        if line.is_empty() || printed::is_page_number(line) || printed::is_figures_only(line) {
            continue;
        }
        let first = if is_imprint_line(&tidy_spacing(line)) {
            Some(printer_over(lines, at).unwrap_or(at))
        } else {
            copied_to_over(lines, at)
        };
        let Some(first) = first else {
            if found.is_empty() || !says_how_made_public(line) {
                break;
            }
            disclosure = Some(Paragraph {
                text: tidy_spacing(line),
                origin: places.at(at as u32 + 1),
            });
            lines[at] = "";
            break;
        };
        let text: String = lines[first..=at].iter().map(|l| l.trim()).collect();
        found.push(Paragraph {
            text: tidy_spacing(&text),
            origin: places.at(first as u32 + 1),
        });
        lines[first..=at].fill("");
        at = first;
    }
    found.reverse();
    (found, disclosure)
}

/// The 版记 and the line saying how the document is made public found at the text's end
/// (see [`imprint_at_end`]) as the notice's: said as unused when there is no notice to take
/// them, or it has its own.
fn give_notice_its_imprint(
    doc: &mut TextDocument,
    imprint: Vec<Paragraph>,
    disclosure: Option<Paragraph>,
) {
    match doc.notice.as_mut() {
        Some(notice) if notice.imprint.is_empty() => notice.imprint = imprint,
        _ => doc.diagnostics.extend(
            (imprint.iter()).map(|p| crate::ingest::unused_note(&p.text, p.origin.clone())),
        ),
    }
    let Some(disclosure) = disclosure else {
        return;
    };
    match doc.notice.as_mut() {
        Some(notice) if notice.annotation.is_none() => notice.annotation = Some(disclosure.text),
        _ => (doc.diagnostics).push(crate::ingest::unused_note(
            &disclosure.text,
            disclosure.origin,
        )),
    }
}

/// Which of `lines` [`imprint_at_end`] takes for the 版记.
fn imprint_lines(lines: &[String]) -> Vec<usize> {
    let mut taken: Vec<&str> = lines.iter().map(String::as_str).collect();
    imprint_at_end(&mut taken, Places::lines(""));
    (0..lines.len())
        .filter(|&at| taken[at].is_empty() && !lines[at].is_empty())
        .collect()
}

/// The line naming who printed it over a 版记's date of printing with no name before it
/// (南宁市青秀区人民政府办公室 / (blank) / 2025 年 4 月 21 日印发, as plain `pdftotext` sets
/// the two ends of one line): the name's line, the next line with words above.
fn printer_over(lines: &[&str], at: usize) -> Option<usize> {
    let dated = tidy_spacing(lines[at].trim());
    if !is_printed_on(&dated)
        || !dated.starts_with(|c: char| c.is_ascii_digit() || "二〇○一".contains(c))
    {
        return None;
    }
    let k = (at.saturating_sub(3)..at)
        .rev()
        .find(|&k| !lines[k].trim().is_empty())?;
    let name = tidy_spacing(lines[k].trim());
    let short_name = name.chars().count() <= 30
        && name.chars().all(crate::base::cjk::is_han)
        && crate::ingest::units::ends_as_a_body(&name);
    short_name.then_some(k)
}

/// The line a 抄送 wrapped onto line `at` opens on: one of the two lines of words right
/// above it (a blank line between, as a PDF's wide line spacing sets them).
fn copied_to_over(lines: &[&str], at: usize) -> Option<usize> {
    let above = (0..at)
        .rev()
        .take(4)
        .filter(|&k| !lines[k].trim().is_empty());
    for k in above.take(2) {
        let line = tidy_spacing(lines[k].trim());
        if line.starts_with("抄送") {
            return is_imprint_line(&line).then_some(k);
        }
        if is_imprint_line(&line) || printed::is_page_number(&line) {
            return None;
        }
    }
    None
}

/// Whether `line` says how the document is made public (公开方式：主动公开).
fn says_how_made_public(line: &str) -> bool {
    let line = tidy_spacing(line.trim());
    ["公开方式", "公开属性", "公开类别"].iter().any(|label| {
        line.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(['：', ':']) && rest.chars().count() <= 12)
    })
}

/// The notice's 署名 and 成文日期 under its table (主送 / body / the table pasted / 某区人民政府
/// 办公室 / 2023年3月28日), among the lines `diagnostics` say were not read: read into
/// `notice`, no longer said.
fn sign_off_after_table(
    notice: &mut crate::model::Notice,
    lines: &[&str],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let under: Vec<(&str, u32)> = (said_not_read(diagnostics, places.path()).into_iter())
        .filter_map(|line| Some((*lines.get(line as usize - 1)?, line)))
        .collect();
    let (read, said) = sign_off_under_table(notice, &under, places);
    let read_lines: Vec<u32> = under[..read].iter().map(|(_, line)| *line).collect();
    read_after_all(diagnostics, places.path(), &read_lines);
    diagnostics.extend(said);
}

/// The codes of what is said of lines (a text's, a Word document's) under a table that
/// were not read.
const NOT_READ: [&str; 2] = ["table/after-table", "word/after-table"];

fn is_said_not_read(d: &Diagnostic, path: &str) -> bool {
    NOT_READ.contains(&d.code.as_str()) && d.location.path() == path
}

/// The lines (or paragraphs) of `path` under its table that `diagnostics` say were not
/// read, in order: where a later reading (a sign-off, an attachment) may find its own.
pub(crate) fn said_not_read(diagnostics: &[Diagnostic], path: &str) -> Vec<u32> {
    (diagnostics.iter())
        .filter(|d| is_said_not_read(d, path))
        .filter_map(|d| d.location.line_no())
        .collect()
}

/// Takes back what `diagnostics` said of `lines` of `path` not being read: a later reading
/// used them.
pub(crate) fn read_after_all(diagnostics: &mut Vec<Diagnostic>, path: &str, lines: &[u32]) {
    diagnostics.retain(|d| {
        !is_said_not_read(d, path) || d.location.line_no().is_none_or(|l| !lines.contains(&l))
    });
}

/// The names a notice gives the documents it issues (its 附件说明, the 《》 its body hands out),
/// bare of marks and spaces, when it names more than one.
pub(crate) fn part_names(notice: &crate::model::Notice) -> Vec<String> {
    let mut names: Vec<String> = notice.attachments.iter().map(|a| bare_title(a)).collect();
    if let Some((handed_out, _)) = notice.documents_handed_out() {
        names.extend(handed_out.iter().map(|n| bare_title(n)));
    }
    if names.len() < 2 {
        names.clear();
    }
    names
}

/// A title as names compare: without 《》 and spaces.
pub(crate) fn bare_title(name: &str) -> String {
    (name.chars())
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》'))
        .collect()
}

/// `lines` with each of `names` broken over a line and the next filled one joined onto the
/// first (the second left empty, so every line keeps its number); `None` when none is.
pub(crate) fn titles_rejoined<S: AsRef<str>>(lines: &[S], names: &[String]) -> Option<Vec<String>> {
    if names.is_empty() {
        return None;
    }
    let mut out: Vec<String> = lines.iter().map(|l| l.as_ref().to_string()).collect();
    let mut joined = false;
    for i in 0..out.len() {
        let first = bare_title(&out[i]);
        if first.is_empty() || names.contains(&first) {
            continue;
        }
        let Some(j) = (i + 1..out.len()).find(|&j| !out[j].trim().is_empty()) else {
            continue;
        };
        if names.contains(&format!("{first}{}", bare_title(&out[j]))) {
            out[i] = format!("{}{}", out[i].trim_end(), out[j].trim());
            out[j].clear();
            joined = true;
        }
    }
    joined.then_some(out)
}

/// A last line cut just after a task's closing bracket, on the first characters of a next
/// line (…环境保护。(地区农牧局)引): the line up to its bracket, read as a whole task. The
/// piece after it is quoted by the cut-off warning, not read into the task.
fn before_a_cut_piece(line: &str) -> Option<&str> {
    let trimmed = line.trim_end();
    let at = trimmed.rfind([')', '）', ']', '】'])?;
    let close = trimmed[at..].chars().next()?.len_utf8();
    let (whole, piece) = trimmed.split_at(at + close);
    let piece = piece.trim();
    let short = (1..=4).contains(&piece.chars().count());
    // The bracket closes an assignment: after a sentence, or naming who does the work
    // (按（附件）要求落实 is a sentence going on after a bracket).
    let open = whole.rfind(['(', '（', '[', '【'])?;
    let assigns = whole[..open].ends_with(['。', '；', ';'])
        || ["单位", "牵头", "负责", "责任"]
            .iter()
            .any(|w| whole[open..].contains(w));
    (short && assigns && piece.chars().all(crate::base::cjk::is_han) && !stops_mid_sentence(whole))
        .then_some(whole)
}

/// A document addressed straight to its recipients under its own title (镇村项目攻坚月活动
/// 工作意见 / 各乡镇人民政府，…：): no notice's title, the line right above the 主送 names a
/// plan — it is this plan's title, not a line left out.
fn title_over_recipients<'a>(read: &NoticeRead<'a>) -> Option<&'a Block> {
    let notice = read.notice.as_ref()?;
    let title = read.before.last()?;
    (notice.title.is_none()
        && !notice.recipients.is_empty()
        && notice.doc_number.is_none()
        && prose::names_a_plan(&title.text))
    .then_some(title)
}

/// A line above the notice left out of it (a web page's headline, its information box),
/// saying what of it the notice took (文号 蔡政办〔2023〕1号 from 发布机构 … 文号 …).
fn unused_page_line(
    text: &str,
    place: Location,
    notice: Option<&crate::model::Notice>,
) -> Diagnostic {
    let mut said = crate::ingest::unused_note(text, place);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let taken = notice.map_or(Vec::new(), |n| {
        [
            (
                "发文字号",
                n.doc_number_written.as_ref().or(n.doc_number.as_ref()),
            ),
            ("成文日期", n.date.as_ref()),
        ]
        .into_iter()
        .filter_map(|(what, value)| {
            let value: String = value?.chars().filter(|c| !c.is_whitespace()).collect();
            // A date the box writes its own way (2026-01-04 for 2026年1月4日).
            let as_dated = || {
                (flat.split(['|', '｜', '：', ':']))
                    .filter_map(crate::base::date::parse_written)
                    .any(|day| crate::base::date::chinese(day) == value)
            };
            (!value.is_empty() && (flat.contains(&value) || as_dated()))
                .then(|| format!("{what}「{value}」"))
        })
        .collect()
    });
    if !taken.is_empty() {
        said.message = format!("{}；其中的{}已读入通知", said.message, taken.join("、"));
    }
    said
}

/// Where the source's last filled line stops unfinished, and its last words: inside a
/// sentence, inside a label's value, or inside a list of units. `None` when it ends whole.
pub(crate) fn cut_at_end(lines: &[&str]) -> Option<(usize, String)> {
    // A value under a label on the line above (完成时限 / …长期坚持) is a cell, not a sentence.
    let filled: Vec<(usize, &&str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let under_label = filled
        .iter()
        .rev()
        .nth(1)
        .is_some_and(|(_, l)| crate::ingest::inline::is_bare_label(l));
    // A run of labelled lines cut inside its next label (牵头领导:… / 主要责任单位:… /
    // 完成时): a few characters, no colon, where the two lines above each have theirs.
    let label_cut = |last: &str| {
        let last = last.trim();
        let labels_above = (filled.iter().rev().skip(1).take(2))
            .filter(|(_, l)| crate::ingest::inline::is_labelled_line(l))
            .count();
        labels_above == 2
            && (1..=6).contains(&last.chars().count())
            && last.chars().all(crate::base::cjk::is_han)
    };
    let &(at, last) = filled.last()?;
    if prose::ends_attachment_list(lines) {
        return None;
    }
    let cut_label = crate::ingest::inline::cut_label(last, filled.iter().map(|(_, l)| **l));
    let above = filled.iter().rev().nth(1).map(|(_, l)| **l);
    (!under_label
        && (stops_mid_sentence(last)
            || label_cut(last)
            || cut_label
            || units_cut(last)
            || signers_cut(last, above)
            || agency_cut(last)
            || ends_under_a_heading(last, above)))
    .then(|| (at, tail_of(&strip_markup(last), 12)))
}

/// A text that ends on a heading — or on a bare item number under one ((一)优化同权事项 /
/// 1) — stops before the work the heading was for.
pub(crate) fn ends_under_a_heading(last: &str, above: Option<&str>) -> bool {
    let heading = |line: &str| {
        let text = tidy_spacing(strip_markup(line.trim_start_matches('#')).trim());
        let titled = |title: &str| {
            !title.is_empty() && !title.ends_with(['。', '；', '：', ':']) && !title.contains('。')
        };
        let section = section_heading(&text).is_some_and(|(_, title)| titled(&title));
        section || numbered_label(&text).is_some_and(|(_, title)| titled(&title))
    };
    let last = last.trim();
    let bare_number = (1..=2).contains(&last.len()) && last.chars().all(|c| c.is_ascii_digit());
    heading(last) || (bare_number && above.is_some_and(heading))
}

/// The warning that the source stops unfinished at `place` (a line or a paragraph: `unit`)
/// on the words `tail`.
pub(crate) fn cut_off(place: Location, unit: &str, tail: &str) -> Diagnostic {
    Diagnostic::warning(
        "source/cut-off",
        place,
        format!("原文最后一{unit}停在「…{tail}」，没有写完：文字可能没有复制完整"),
    )
    .with_hint("请对照原文补全后再发布；网页复制的文字常在页面末尾被截断")
}

/// Whether a labelled units line (责任单位：省发展改革委、省发展改) ends in a name that ends
/// no body's name: a source cut inside it.
fn units_cut(line: &str) -> bool {
    let Some((label, value)) = line.trim().split_once(['：', ':']) else {
        return false;
    };
    let names_units = ["单位", "部门", "科室", "处室"]
        .iter()
        .any(|w| label.contains(w));
    let last = value
        .rsplit(['、', '，', ',', '；', ';'])
        .next()
        .unwrap_or("")
        .trim();
    let simple = crate::base::cjk::simplified_text(last);
    names_units
        && label.chars().count() <= 8
        && last.chars().count() >= 2
        && last.chars().all(crate::base::cjk::is_han)
        && !crate::ingest::units::ends_whole(&simple)
        && !crate::ingest::units::looks_unspecified(&simple)
}

/// A last line of agencies' names cut inside one (农业农村部 最高人民法院 / 国家市场监): under
/// a line of whole names side by side (the 署名's first line), a piece of a name.
/// A last line that is an agency's name stopped inside its last word (a 署名 cut as the
/// page was: 重庆市梁平区人民, …政府办公): 人民政府, 办公室 and 委员会 each begun, not ended.
fn agency_cut(last: &str) -> bool {
    const BEGUN: &[&str] = &["人民", "人民政", "政府办", "政府办公", "办公", "委员"];
    let simple = crate::base::cjk::simplified_text(last.trim());
    (4..=30).contains(&simple.chars().count())
        && simple.chars().all(crate::base::cjk::is_han)
        && BEGUN.iter().any(|b| simple.ends_with(b))
}

fn signers_cut(last: &str, above: Option<&str>) -> bool {
    let whole = |name: &str| {
        let simple = crate::base::cjk::simplified_text(name);
        crate::ingest::units::ends_whole(&simple) && name.chars().all(crate::base::cjk::is_han)
    };
    let Some(names_above) = above.map(|a| a.split_whitespace().collect::<Vec<_>>()) else {
        return false;
    };
    let pieces: Vec<&str> = last.split_whitespace().collect();
    let Some((cut, before)) = pieces.split_last() else {
        return false;
    };
    let simple = crate::base::cjk::simplified_text(cut);
    // Agencies side by side (a joint 署名's first line) over the piece: one agency's name
    // over a person's (区统计局 / 张明) is a contact, whole.
    names_above.len() >= 2
        && names_above.iter().all(|n| whole(n))
        && before.iter().all(|n| whole(n))
        && (2..=12).contains(&cut.chars().count())
        && cut.chars().all(crate::base::cjk::is_han)
        && !crate::ingest::units::ends_whole(&simple)
        && !crate::ingest::units::looks_unspecified(&simple)
}

/// Whether the last line of a text stops in the middle of a sentence (a page copied only in
/// part): a long line with no sentence end, or a quote or bracket left open. A table row,
/// a date, a 署名 or an 印发 line ends a text as it is.
pub(crate) fn stops_mid_sentence(line: &str) -> bool {
    let line = line.trim();
    let open = |opens: &[char], closes: &[char]| {
        line.chars().filter(|c| opens.contains(c)).count()
            > line.chars().filter(|c| closes.contains(c)).count()
    };
    let unclosed = open(
        &['“', '（', '(', '《', '【', '[', '〔'],
        &['”', '）', ')', '》', '】', ']', '〕'],
    );
    // A task closed by its assignment in brackets, every bracket closed ((责任单位:…各县(市、
    // 区)人民政府), [牵头单位:…;责任单位:…各街办(新区)]): the line is whole.
    if !unclosed && line.ends_with([')', '）', ']', '】', '〕']) {
        return false;
    }
    // A box-drawn table's line is cut when its right border is missing.
    if boxed::is_box_line(line) {
        return !boxed::ends_at_border(line);
    }
    // A numbered heading or item with nothing under it: no document ends there (六、加强城区
    // 生态环境建, 5. 强化项目会办推) — but an attachment's name may (2. 某某任务清单).
    let tidy = tidy_spacing(line);
    let after_number = section_heading(&tidy)
        .map(|(_, t)| t)
        .or_else(|| numbered_label(&tidy).map(|(_, t)| t))
        .or_else(|| crate::ingest::raw_table::opening_number(&tidy).map(|(_, t)| t.to_string()));
    let numbered = after_number.is_some_and(|t| !names_a_plan(&t) && !t.contains('《'));
    // A line ending on the comma or 、 of a list (部门分工:省财政厅牵头,) stops before its
    // next part, labelled or not.
    if line.ends_with(['，', ',', '、']) && !line.contains(['|', '\t']) {
        return true;
    }
    // A list of whole units' names (区卫生健康委、区医疗保障局、各街道办事处: a table's last
    // cell pasted on a line of its own) is no sentence.
    if is_list_of_units(line) {
        return false;
    }
    // A table's lines are not a sentence, nor is a labelled line (牵头单位：县委督查室), nor
    // a task's sentence closed by its labels (…万人。牵头单位：市人社局).
    !line.contains(['|', '\t'])
        && !space_set_row_ends_whole(line)
        && !crate::ingest::inline::is_labelled_line(line)
        && !crate::ingest::inline::ends_with_labels(line)
        && !is_page_line(line)
        && !crate::base::cjk::ends_sentence(line)
        && !line.ends_with(['：', ':', '|'])
        && !["印发", "印發"].iter().any(|w| line.ends_with(w))
        // A plan's title closing a notice's file (the table in a file of its own).
        && (unclosed || !names_a_plan(&tidy))
        // An 附件说明 line (附件：1.某县…任务清单) names documents, no sentence.
        && (!tidy.starts_with("附件") || tidy.contains(['，', '。', '；']))
        && (line.chars().count() >= 20 || unclosed || numbered)
}

/// Whether `line` is a row set apart by runs of spaces whose last cell is whole: a time
/// (…　　2022年12月底) or a unit's name.
fn space_set_row_ends_whole(line: &str) -> bool {
    let Some(cells) = split_cells(line).filter(|c| c.len() >= 3) else {
        return false;
    };
    let last = cells.last().map(|c| c.trim()).unwrap_or_default();
    crate::ingest::deadline::says_only_a_time(last)
        || crate::ingest::units::ends_whole(&crate::base::cjk::simplified_text(last))
}

/// Whether `line` is only names of units set apart by 、，； each ending as a body's name
/// does (or an unspecified phrase: 各有关单位). Stricter than [`crate::ingest::units::
/// is_units_text`], which takes a name cut short (各街道社会事务管) for a body's.
fn is_list_of_units(line: &str) -> bool {
    let names: Vec<String> = line
        .split(['、', '，', ',', '；', ';'])
        .map(|n| crate::base::cjk::simplified_text(n.trim()))
        .collect();
    names.len() >= 2
        && names.iter().all(|n| {
            n.chars().count() >= 2
                && n.chars().all(crate::base::cjk::is_han)
                && (crate::ingest::units::ends_whole(n)
                    || crate::ingest::units::looks_unspecified(n))
        })
}

/// The last `n` characters of `text`.
pub(crate) fn tail_of(text: &str, n: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(n)).collect()
}

/// The 分工表 in `lines` — a row of cells naming its columns, or a header pasted one cell per
/// line whose rows can be put back together — with the line before it where the text above
/// ends (its title or a heading over it belongs to the table).
fn find_table(
    lines: &[&str],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(usize, RawTable)> {
    let (front_end, body_start) = table_start(lines)?;
    // A further 分工表 below this one (附件2 after 附件1) ends it and is read in turn.
    let next = next_table(lines, body_start);
    let end = next.map_or(lines.len(), |(cut, _)| cut);
    let (_, mut table) = read_one_table(&lines[..end], places, diagnostics)?;
    if let Some((cut, _)) = next {
        let rest: Vec<&str> = (0..lines.len())
            .map(|i| if i < cut { "" } else { lines[i] })
            .collect();
        if let Some((title_at, more)) = find_table(&rest, places, diagnostics) {
            // An attachment's label over the further table's title (附件2) is said.
            for (i, line) in rest.iter().enumerate().take(title_at).skip(cut) {
                if !line.trim().is_empty() {
                    diagnostics.push(crate::ingest::unused_note(
                        line.trim(),
                        places.at(i as u32 + 1),
                    ));
                }
            }
            diagnostics.push(table.append(more));
        }
    }
    Some((front_end, table))
}

/// Where the first 分工表 of `lines` starts — the line its title (or the heading over it)
/// is on, else its header — and the line after its header.
fn table_start(lines: &[&str]) -> Option<(usize, usize)> {
    let (first, after_header) = match lines
        .iter()
        .position(|line| split_cells(line).is_some_and(|c| HeaderMap::detect(&c).is_some()))
    {
        Some(at) => (at, at + 1),
        None => match table::wrapped_header(lines) {
            Some(header) => (header.1, header.1 + 1),
            None => match pipe_led::find_header(lines) {
                Some(header) => (header.first, header.end),
                None => {
                    let header = stacked::find_header(lines)?;
                    (header.first, header.end)
                }
            },
        },
    };
    let front_end = above_table(lines, first).map_or(first, |(index, _)| index);
    Some((front_end, after_header))
}

/// A further 分工表 after the one whose body starts at `from`: a header naming other
/// columns than a repeated one (a table continued over pages repeats its own). Returns
/// where the text before it ends — at its title, or the attachment label over that — and
/// where its header is.
fn next_table(lines: &[&str], from: usize) -> Option<(usize, usize)> {
    let header_of = |at: usize| split_cells(lines[at]).filter(|c| HeaderMap::detect(c).is_some());
    let first = (0..from).rev().find_map(header_of);
    let rest: Vec<&str> = (0..lines.len())
        .map(|i| if i < from { "" } else { lines[i] })
        .collect();
    let (start, _) = table_start(&rest)?;
    let header = (start..lines.len()).find(|&i| header_of(i).is_some());
    // A header pasted one cell per line is only a further table under a title naming one
    // (…任务分解表): lines inside a table's body can look like column names.
    let titled = names_a_plan(lines[start]) || prose::is_attachment_label(lines[start]);
    if header.is_none() && !titled {
        return None;
    }
    if let (Some(at), Some(first)) = (header, &first)
        && header_of(at).as_ref() == Some(first)
    {
        // The same header again: the table goes on, unless a further one follows later.
        return next_table(lines, at + 1);
    }
    let mut cut = start;
    if let Some(above) = (from..cut).rev().find(|&i| !lines[i].trim().is_empty())
        && prose::is_attachment_label(lines[above])
    {
        cut = above;
    }
    Some((cut, header.unwrap_or(start)))
}

/// The first 分工表 of `lines`, read, with the line where the text before it ends.
fn read_one_table(
    lines: &[&str],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(usize, RawTable)> {
    let header_at = lines
        .iter()
        .position(|line| split_cells(line).is_some_and(|c| HeaderMap::detect(&c).is_some()));
    let wrapped = || table::wrapped_header(lines);
    let (first, mut table) = match header_at {
        Some(index) => (index, parse_table(lines, index, places, diagnostics)),
        None if let Some(header) = wrapped() => {
            let first = header.1;
            (
                first,
                table::parse_table_under(lines, header, places, diagnostics),
            )
        }
        None if let Some(header) = pipe_led::find_header(lines) => (
            header.first,
            pipe_led::read(lines, &header, places, diagnostics),
        ),
        None => {
            let header = stacked::find_header(lines)?;
            let rebuilt = stacked::rebuild(lines, &header, places)?;
            (header.first, stacked::read(rebuilt, places, diagnostics))
        }
    };
    let above = above_table(lines, first);
    let front_end = above.as_ref().map_or(first, |(index, _)| *index);
    if let Some((index, kind)) = above {
        kind.apply(&mut table, places.at(index as u32 + 1));
    }
    Some((front_end, table))
}

/// How the places of a source's blocks are named: lines of a text, or paragraphs of a Word
/// document (`x.docx#段12`).
#[derive(Debug, Clone, Copy)]
pub struct Places<'a> {
    path: &'a str,
    paragraphs: bool,
}

impl<'a> Places<'a> {
    /// Lines of the text `path`.
    pub fn lines(path: &'a str) -> Self {
        Places {
            path,
            paragraphs: false,
        }
    }

    /// Paragraphs of the Word document `path`.
    pub fn paragraphs(path: &'a str) -> Self {
        Places {
            path,
            paragraphs: true,
        }
    }

    /// The source the places are in.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// Whether the blocks are a Word document's paragraphs, each the writer's own, not the
    /// lines of a text, which a page break may cut inside a sentence.
    pub fn are_paragraphs(&self) -> bool {
        self.paragraphs
    }

    /// What a block is called in a message: 行 or 段.
    pub fn unit(&self) -> &'static str {
        if self.paragraphs { "段" } else { "行" }
    }

    /// The place of block number `n` (a line or a paragraph).
    pub fn at(&self, n: u32) -> Location {
        if self.paragraphs {
            Location::paragraph(self.path, n)
        } else {
            Location::line(self.path, n)
        }
    }
}

/// A non-blank line (or paragraph) with its markup read.
#[derive(Debug, Clone)]
pub(super) struct Block {
    line: u32,
    /// Number of leading `#`.
    heading: usize,
    /// The visible text: markup removed, trimmed.
    text: String,
    /// The bold lead-in and the text after it, when the line starts bold.
    bold: Option<(String, String)>,
    /// Whether a blank line stands right above it in the source.
    blank_before: bool,
}

fn blocks(lines: &[&str]) -> Vec<Block> {
    let blocks: Vec<Block> = lines
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
                blank_before: index > 0 && lines[index - 1].trim().is_empty(),
            }
        })
        .filter(|b| !b.text.is_empty())
        .flat_map(annotation_beside_date)
        .flat_map(lines_of_their_own)
        .flat_map(recipients_apart)
        .collect();
    join_heading_tails(blocks)
}

/// A 主送 with the notice's first sentence after it on the same line (各辖市、区人民政府,市各
/// 委办局: 现将…印发给你们, as a web page runs them together): two blocks of one place, the
/// 主送 read as on a line of its own.
fn recipients_apart(block: Block) -> Vec<Block> {
    let text = &block.text;
    let split = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '：' | ':'))
        .find_map(|(at, c)| {
            let (list, body) = (&text[..at + c.len_utf8()], text[at + c.len_utf8()..].trim());
            // 現將…: the words read in simplified characters.
            let simple = crate::base::cjk::simplified_text(body);
            let opens_a_notice = [
                "现将",
                "印发给你们",
                "现印发",
                "请认真",
                "请遵照",
                "根据",
                "为",
            ]
            .iter()
            .any(|w| simple.starts_with(w))
                || simple.contains("印发给你们");
            (opens_a_notice && body.chars().count() >= 8 && notice::is_recipients(list))
                .then(|| (list.to_string(), body.to_string()))
        });
    let Some((list, body)) = split else {
        return vec![block];
    };
    let part = |text: String| Block {
        text,
        heading: 0,
        bold: None,
        blank_before: false,
        ..block.clone()
    };
    // 淮政办发〔2020〕1号各县区人民政府,…: the 文号 run into the 主送 stands on its own too.
    let number = notice::doc_number_within(&list).filter(|n| list.starts_with(n.as_str()));
    match number {
        Some(number) => {
            let list = list[number.len()..].trim().to_string();
            vec![part(number), part(list), part(body)]
        }
        None => vec![part(list), part(body)],
    }
}

/// A block whose writer set lines apart inside it ([`LINE_BREAK`]: Word's Shift+Enter) as
/// blocks of one place, split before each line that opens a line of its own — a date (the
/// 署名 over its 成文日期 in one paragraph), a number, a label (牵头单位：), 附件, 抄送 — so
/// each is read as on a line of its own. Other breaks (a title over two lines, a sentence
/// the writer broke) stay inside the block, whitespace to its reader.
/// A 附注 set on the date's line, spaces between (`(此件发至乡)        2017年6月13日`, the
/// two side by side as the page sets them): the date, then the 附注 under it, as GB/T 9704
/// prints them.
fn annotation_beside_date(block: Block) -> Vec<Block> {
    let text = block.text.trim();
    let split = text
        .find(['）', ')'])
        .map(|close| close + text[close..].chars().next().map_or(1, char::len_utf8))
        .map(|end| (&text[..end], &text[end..]));
    let Some((note, date)) = split else {
        return vec![block];
    };
    let spaced = date.starts_with(['\t', ' ', '\u{3000}']) && date.trim().chars().count() >= 8;
    if !(spaced && notice::is_annotation(note) && notice::date_of(date.trim()).is_some()) {
        return vec![block];
    }
    let (note, date) = (note.to_string(), date.trim().to_string());
    let dated = Block {
        text: date,
        bold: None,
        ..block.clone()
    };
    let noted = Block {
        text: note,
        bold: None,
        blank_before: false,
        ..block
    };
    vec![dated, noted]
}

fn lines_of_their_own(block: Block) -> Vec<Block> {
    if !block.text.contains(LINE_BREAK) {
        return vec![block];
    }
    let opens_a_line = |piece: &str| {
        let piece = piece.trim();
        notice::date_of(piece).is_some()
            || super::inline::is_task_line(piece)
            || section_heading(piece).is_some()
            || numbered_label(piece).is_some()
            || ["附件", "抄送", "印发"]
                .iter()
                .any(|w| piece.starts_with(w))
    };
    let mut out: Vec<Block> = Vec::new();
    for piece in block.text.split(LINE_BREAK) {
        match out.last_mut() {
            Some(last) if !opens_a_line(piece) => {
                last.text.push(LINE_BREAK);
                last.text.push_str(piece);
            }
            _ if piece.trim().is_empty() => {}
            Some(_) => out.push(Block {
                line: block.line,
                heading: 0,
                text: piece.trim().to_string(),
                bold: None,
                blank_before: false,
            }),
            None => out.push(Block {
                text: piece.trim().to_string(),
                ..block.clone()
            }),
        }
    }
    for b in &mut out {
        b.text = b.text.trim_matches(LINE_BREAK).to_string();
    }
    // A bold lead-in's rest is the first block's, not the lines split off it.
    if let [first, _, ..] = out.as_mut_slice()
        && let Some((lead, rest)) = &mut first.bold
        && let Some(own) = first.text.strip_prefix(lead.as_str())
    {
        *rest = own.trim().to_string();
    }
    out
}

/// `blocks` with each heading's hard-wrapped tail ([`is_heading_tail`]) joined to it.
fn join_heading_tails(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        if let Some(last) = out.last_mut()
            && last.line + 1 == block.line
            && block.heading == 0
            && is_heading_tail(
                &last.text,
                &block.text,
                blocks.get(i + 1).map(|b| b.text.as_str()),
            )
        {
            last.text.push_str(block.text.trim());
            continue;
        }
        out.push(block.clone());
    }
    out
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

/// The lines of `text`, with a row (cells set apart by tabs or ` | `) whose quoted cell
/// holds line breaks (a table copied from a web page or a spreadsheet: CSV rules) joined
/// back onto its first line; the lines it took are left empty, so every line keeps its
/// number.
fn join_quoted_rows(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut i = 0;
    while i < lines.len() {
        let open = |s: &str| s.matches('"').count() % 2 == 1;
        let a_row = |s: &str| s.contains('\t') || s.contains(" | ");
        if a_row(&lines[i]) && open(&lines[i]) {
            let mut j = i + 1;
            // A quoted cell closes within a few lines; an unmatched quote is left alone.
            while j < lines.len() && j - i <= 20 {
                let next = std::mem::take(&mut lines[j]);
                lines[i].push('\n');
                lines[i].push_str(&next);
                j += 1;
                if !open(&lines[i]) {
                    break;
                }
            }
            if open(&lines[i]) {
                // No closing quote: undo, the quote is a character of the text.
                let parts: Vec<String> = lines[i].split('\n').map(str::to_string).collect();
                for (k, part) in parts.into_iter().enumerate() {
                    lines[i + k] = part;
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    lines
}

/// Splits a table line into cells: tab-separated (quoted cells unquoted, their line breaks
/// joined), a Markdown pipe row, cells separated by ` | `, or by runs of two or more spaces
/// (a table pasted from a web page or a PDF).
pub(super) fn split_cells(line: &str) -> Option<Vec<String>> {
    if line.contains('\t') {
        return Some(line.split('\t').map(|c| cell_text(&unquote(c))).collect());
    }
    let trimmed = line.trim();
    if trimmed.starts_with('|') && trimmed.len() > 1 {
        let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
        return Some(inner.split('|').map(cell_text).collect());
    }
    if trimmed.contains(" | ") {
        return Some(trimmed.split('|').map(|c| cell_text(&unquote(c))).collect());
    }
    let cells: Vec<String> = SPACE_RUN
        .split(trimmed)
        .map(strip_markup)
        .filter(|c| !c.is_empty())
        .collect();
    // One word set with spaces between its characters (目  标  任  务, a header cell spread
    // to its column's width): a word, not a row of one-character cells.
    let spaced_word = cells
        .iter()
        .all(|c| c.chars().count() == 1 && c.chars().all(crate::base::cjk::is_han));
    (cells.len() >= 3 && !spaced_word).then_some(cells)
}

/// The cells of a line set apart by runs of spaces, each with the column it starts at,
/// counted by `measure`; none when the line is a tab, pipe or ` | ` row.
fn cells_at_columns(line: &str, measure: Measure) -> Option<Vec<(usize, String)>> {
    if line.contains(['\t', '|']) {
        return None;
    }
    let line = line.trim_end();
    let mut cells = Vec::new();
    let mut from = 0;
    let bounds = SPACE_RUN
        .find_iter(line)
        .map(|m| (m.start(), m.end()))
        .chain([(line.len(), line.len())]);
    for (start, end) in bounds {
        let text = &line[from..start];
        let lead = text.len() - text.trim_start().len();
        let cell = strip_markup(text.trim());
        if !cell.is_empty() {
            cells.push((measure.of(&line[..from + lead]), cell));
        }
        from = end;
    }
    Some(cells)
}

/// How a text set to columns counts them: by display width (a Chinese character two wide,
/// as a fixed-width editor shows it) or a column a character (as `pdftotext -layout` sets
/// a PDF's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    Display,
    Chars,
}

impl Measure {
    /// The columns `text` takes.
    pub(super) fn of(self, text: &str) -> usize {
        match self {
            // A page's form feed (`pdftotext`'s) takes no column.
            Measure::Chars => text.chars().filter(|c| !c.is_control()).count(),
            Measure::Display => text
                .chars()
                .filter(|c| !c.is_control())
                .map(|c| if crate::base::cjk::is_wide(c) { 2 } else { 1 })
                .sum(),
        }
    }
}

/// Where a space-set table's columns start, read from its header line, and how they are
/// counted.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    starts: Vec<usize>,
    measure: Measure,
    /// The header's names, a column each: words one space apart in a piece of the header
    /// (`序号 主要事项`, as `pdftotext` sets narrow columns) are apart when the rows start
    /// under each of them.
    names: Vec<String>,
    /// Where the header read sets each name (on the page the columns are read for): a page's
    /// header repeated elsewhere moves its columns as far as its names moved.
    header_at: Vec<usize>,
    /// Whether `starts` are the columns' left edges, read from the gutters between them
    /// (a piece is in the column it starts inside), not where their cells start (a piece
    /// is in the column it starts nearest).
    edges: bool,
}

/// The columns of a space-set table, read from its header line, when the table is set to
/// them: every row with all its cells starts each nearest its own column (a fixed-width
/// page, a PDF's text). Counted the way more of the lines' pieces stand exactly under a
/// header's column, the header's words one space apart taken as columns of their own when
/// more pieces stand under them so. None for a web copy whose spaces only set cells apart.
pub(super) fn column_starts(header: &str, rows: &[&str]) -> Option<Columns> {
    let set = |measure: Measure, apart: bool, from_rows: bool| -> Option<(Columns, usize)> {
        let mut pieces = cells_at_columns(header, measure)?;
        // A header of single spaces alone is no table set to columns but words a space
        // apart (`printed`'s to read).
        if apart {
            pieces = Some(pieces)
                .filter(|p| p.len() >= 3)
                .and_then(|p| header_words_apart(p, measure))?;
        }
        let (mut starts, names): (Vec<usize>, Vec<String>) = pieces.into_iter().unzip();
        let header_at = starts.clone();
        if from_rows {
            starts = starts_from_rows(names.len(), measure, rows)?;
        }
        let columns = Columns {
            starts,
            measure,
            names,
            header_at,
            edges: false,
        };
        let (mut full_rows, mut aligned) = (0, 0);
        // The next page sets its columns afresh (`Columns::on_next_page`).
        for row in rows.iter().take_while(|r| !r.starts_with(PAGE_BREAK)) {
            let Some(cells) = columns.set_apart(row) else {
                continue;
            };
            aligned += (cells.iter())
                .filter(|(at, _)| columns.starts.contains(at))
                .count();
            if cells.len() != columns.len() {
                continue;
            }
            let own = (cells.iter().enumerate()).all(|(k, (at, _))| columns.column_of(*at) == k);
            if !own {
                return None;
            }
            full_rows += 1;
        }
        (columns.len() >= 3 && full_rows >= 1).then_some((columns, aligned))
    };
    let readings = [
        (Measure::Display, false, false),
        (Measure::Chars, false, false),
        (Measure::Display, true, false),
        (Measure::Chars, true, false),
        (Measure::Chars, false, true),
        (Measure::Display, false, true),
    ];
    // The reading that sets two pieces of a line in one column least often, then the one
    // more pieces stand exactly under. Cells centred or set right in their columns start
    // anywhere in them: their columns' edges are read from the gutters.
    let mut candidates: Vec<(Columns, usize)> = readings
        .into_iter()
        .filter_map(|(measure, apart, from_rows)| set(measure, apart, from_rows))
        .collect();
    let crowded_at_best = (candidates.iter())
        .map(|(c, _)| c.crowded_lines(rows))
        .min();
    if crowded_at_best.is_none_or(|n| n > 0)
        && let Some(edges) = Columns::from_gutters(header, rows, true)
    {
        let aligned = (first_page_rows(rows).flatten())
            .filter(|(at, _)| edges.starts.contains(at))
            .count();
        candidates.push((edges, aligned));
    }
    (candidates.into_iter())
        .map(|(columns, aligned)| (columns.crowded_lines(rows), aligned, columns))
        .enumerate()
        .min_by_key(|(k, (crowded, aligned, _))| (*crowded, std::cmp::Reverse(*aligned), *k))
        .map(|(_, (_, _, columns))| columns)
}

/// The lines of a table's first page that are its rows' (not its headings, nor prose),
/// pieces at the columns they start at.
fn first_page_rows<'a>(rows: &'a [&'a str]) -> impl Iterator<Item = Vec<(usize, String)>> + 'a {
    (rows.iter())
        .take_while(|r| !r.starts_with(PAGE_BREAK))
        .filter(|r| section_heading(r.trim()).is_none() && numbered_label(r.trim()).is_none())
        .filter_map(|r| cells_at_columns(r, Measure::Chars))
        .filter(|pieces| !pieces.is_empty() && pieces.iter().all(|(_, t)| t.chars().count() <= 40))
}

/// Where the rows start each of `count` columns, for a header whose names stand centred
/// over wider columns (`pdftotext -layout` of a Word table sets 任务内容 over the middle of
/// its column, the rows' words from its left edge): for each column, the middle one of
/// the starts of the numbered rows that fill every column, a number one space before the
/// task's words taken apart (` 1 开展…`). None without such rows, when they do not rise
/// from column to column, or when the rows' cells do not stand under each other.
fn starts_from_rows(count: usize, measure: Measure, rows: &[&str]) -> Option<Vec<usize>> {
    let number = |t: &str| (1..=3).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit());
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); count];
    for row in rows.iter().take_while(|r| !r.starts_with(PAGE_BREAK)) {
        let Some(mut pieces) = cells_at_columns(row, measure) else {
            continue;
        };
        if let Some((at, first)) = pieces.first().cloned()
            && let Some((no, rest)) = first.split_once(' ')
            && number(no)
        {
            pieces[0] = (at, no.to_string());
            let words = rest.trim_start();
            let from = at + measure.of(&first[..first.len() - words.len()]);
            pieces.insert(1, (from, words.to_string()));
        }
        if pieces.len() == count && pieces.iter().any(|(_, text)| number(text)) {
            for (k, (at, _)) in pieces.iter().enumerate() {
                starts[k].push(*at);
            }
        }
    }
    let middle: Vec<usize> = (starts.iter())
        .map(|at| {
            let mut at = at.clone();
            at.sort_unstable();
            at.get(at.len() / 2).copied()
        })
        .collect::<Option<_>>()?;
    // Set to columns, the rows start each within a character or two of the others (a
    // PDF's text); cells only spaced apart start wherever the cell before them ends.
    let (near, all) = (starts.iter().zip(&middle))
        .flat_map(|(at, mid)| at.iter().map(move |a| a.abs_diff(*mid) <= 3))
        .fold((0, 0), |(near, all), close| {
            (near + usize::from(close), all + 1)
        });
    (middle.windows(2).all(|w| w[0] < w[1]) && near * 10 >= all * 9).then_some(middle)
}

/// A header's pieces with the words one space apart in them each a piece of its own, at
/// the column it starts at; none when no piece has such words. Only short Han words part:
/// a column's name, not a phrase.
fn header_words_apart(
    pieces: Vec<(usize, String)>,
    measure: Measure,
) -> Option<Vec<(usize, String)>> {
    let word =
        |w: &str| (1..=8).contains(&w.chars().count()) && w.chars().all(crate::base::cjk::is_han);
    let mut parted = false;
    let mut out = Vec::with_capacity(pieces.len());
    for (at, text) in pieces {
        let words: Vec<&str> = text.split(' ').collect();
        if words.len() < 2 || !words.iter().all(|w| word(w)) {
            out.push((at, text));
            continue;
        }
        parted = true;
        let mut column = at;
        for w in words {
            out.push((column, w.to_string()));
            column += measure.of(w) + 1;
        }
    }
    parted.then_some(out)
}

fn nearest(starts: &[usize], at: usize) -> usize {
    (0..starts.len())
        .min_by_key(|&k| starts[k].abs_diff(at))
        .unwrap_or(0)
}

impl Columns {
    /// The column a piece starting at `at` is in.
    /// The column a piece starting at `at` stands in: the one it starts in — but with edges
    /// read from the gutters, the next when it starts within two of that one's edge and
    /// stands as much beyond it as before at least (a unit centred in its column, over the
    /// gutter: `区商务局`).
    fn column_holding(&self, at: usize, text: &str) -> usize {
        let column = self.column_of(at);
        let Some(&edge) = self.starts.get(column + 1).filter(|_| self.edges) else {
            return column;
        };
        let end = at + self.measure.of(text);
        let over = edge - at;
        if over <= 2 && end > edge && end - edge >= over {
            column + 1
        } else {
            column
        }
    }

    fn column_of(&self, at: usize) -> usize {
        if self.edges {
            return self.starts.iter().rposition(|&s| s <= at).unwrap_or(0);
        }
        nearest(&self.starts, at)
    }

    /// The columns of a PDF's table whose cells stand anywhere in their columns (centred,
    /// set right): between each name's middle and the next name (a name stands centred
    /// over its column) the column's edge is where the fewest of the rows' pieces
    /// stand, the rows' lines all laid over each other. None without such a gutter, or
    /// with a column none of the rows has words in when `every_column_held` (a first
    /// page's: a next page's rows may have none in a 类别 merged down before).
    fn from_gutters(header: &str, rows: &[&str], every_column_held: bool) -> Option<Columns> {
        let measure = Measure::Chars;
        let names = cells_at_columns(header, measure)?;
        if names.len() < 3 {
            return None;
        }
        let mut cover: Vec<usize> = Vec::new();
        let mut piece_starts = Vec::new();
        // Where the rows' numbers end: a 序号 column holds them alone.
        let mut number_ends = Vec::new();
        let mut lines = 0;
        for pieces in first_page_rows(rows) {
            lines += 1;
            for (at, text) in pieces {
                let end = at + measure.of(&text);
                if cover.len() < end {
                    cover.resize(end, 0);
                }
                cover[at..end].iter_mut().for_each(|c| *c += 1);
                piece_starts.push(at);
                if (1..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit()) {
                    number_ends.push(end);
                }
            }
        }
        let covered = |x: usize| cover.get(x).copied().unwrap_or(0);
        let mut starts = vec![0];
        // From a name's middle (it may be wider than its narrow column) to where the next
        // starts (inside its own column).
        let middle = |(at, name): &(usize, String)| at + measure.of(name) / 2;
        for pair in names.windows(2) {
            let end = middle(&pair[0]);
            let next = &pair[1].0.max(end + 1);
            // A gutter next to no row's piece crosses (a heading, the text after the
            // table may).
            let fewest = (end..*next).map(covered).min()?;
            if fewest > 2.max(lines / 10) {
                return None;
            }
            // A 序号 column holds its numbers alone: its edge is right after them, the
            // words past the next gap (a task's, set from its column's left) the next
            // column's. Another column's edge is the gap nearest the next name.
            let gaps = |from: usize| (from + 1..=*next).filter(move |&x| covered(x - 1) == fewest);
            let numbers_end = (number_ends.iter())
                .filter(|&&e| e > pair[0].0 && e <= *next)
                .max();
            let gutter = match (
                crate::ingest::raw_table::Column::from_header(&pair[0].1),
                numbers_end,
            ) {
                // The first gap past the numbers, to its right end: where the next column's
                // words start.
                (Some(crate::ingest::raw_table::Column::No), Some(&after)) => {
                    let mut run = gaps(after.max(end));
                    let first = run.next()?;
                    run.try_fold(first, |g, x| if x == g + 1 { Ok(x) } else { Err(g) })
                        .unwrap_or_else(|g| g)
                }
                _ => gaps(end).max()?,
            };
            starts.push(gutter);
        }
        // Every column holds some row's words.
        let holds = |k: usize| {
            let end = starts.get(k + 1).copied().unwrap_or(usize::MAX);
            piece_starts.iter().any(|&at| at >= starts[k] && at < end)
        };
        if every_column_held && !(0..starts.len()).all(holds) {
            return None;
        }
        let (header_at, names) = names.into_iter().unzip();
        Some(Columns {
            starts,
            measure,
            names,
            header_at,
            edges: true,
        })
    }

    /// How many of the first page's row lines set two pieces in one column.
    fn crowded_lines(&self, rows: &[&str]) -> usize {
        (rows.iter())
            .take_while(|r| !r.starts_with(PAGE_BREAK))
            .filter(|r| section_heading(r.trim()).is_none() && numbered_label(r.trim()).is_none())
            .filter(|r| cells_at_columns(r, self.measure).is_some_and(|p| p.len() >= 2))
            .filter(|r| self.pieces(r).is_none())
            .count()
    }

    /// How many columns.
    pub(super) fn len(&self) -> usize {
        self.starts.len()
    }

    /// The header's names, a column each.
    pub(super) fn names(&self) -> &[String] {
        &self.names
    }

    /// The columns as the next page of a PDF's text sets them (`pdftotext -layout` lays
    /// out each page by its own widest lines): where a line of the page with a piece in
    /// every column starts them, else the one shift of all that puts most of its pieces
    /// exactly under a column. `lines` are the page's.
    pub(super) fn on_next_page(&mut self, lines: &[&str]) {
        // The page's own header, repeated over its rows.
        let header = lines.iter().enumerate().find_map(|(at, l)| {
            cells_at_columns(l, self.measure)
                .filter(|p| p.iter().map(|(_, t)| t).eq(self.names.iter()))
                .map(|p| (at, p))
        });
        if let Some((at, page_header)) = header {
            // Its gutters, where the page's rows show them (a page may hold no words of
            // a 类别 merged down over the rows before); else each column where the name
            // over it went: `pdftotext` sets each page to its own scale.
            let gutters = (self.edges)
                .then(|| Columns::from_gutters(lines[at], &lines[at + 1..], false))
                .flatten();
            if let Some(page) = gutters {
                self.starts = page.starts;
            } else if self.header_at.len() == self.starts.len() {
                for ((start, was), (now, _)) in (self.starts.iter_mut())
                    .zip(&self.header_at)
                    .zip(&page_header)
                {
                    *start = (*start + now).saturating_sub(*was);
                }
            }
            self.header_at = page_header.into_iter().map(|(at, _)| at).collect();
            return;
        }
        if self.edges {
            return;
        }
        let pieces: Vec<Vec<usize>> = (lines.iter())
            .filter_map(|l| cells_at_columns(l, self.measure))
            .map(|cells| cells.into_iter().map(|(at, _)| at).collect())
            .collect();
        if let Some(full) = pieces.iter().find(|p| p.len() == self.len()) {
            self.starts.clone_from(full);
            return;
        }
        let under = |shift: isize| {
            let shifted: Vec<usize> = (self.starts.iter())
                .map(|&s| s.saturating_add_signed(shift))
                .collect();
            (pieces.iter().flatten())
                .filter(|at| shifted.contains(at))
                .count()
        };
        let best = (-12..=12isize)
            .max_by_key(|&shift| (under(shift), std::cmp::Reverse(shift.abs())))
            .unwrap_or(0);
        if under(best) > under(0) {
            for start in &mut self.starts {
                *start = start.saturating_add_signed(best);
            }
        }
    }

    /// A space-set row, each cell put under the column it starts nearest (an empty
    /// 配合单位 cell is a wider run of spaces, no cell lost to a merge); none when two cells
    /// would share a column.
    pub(super) fn cells(&self, line: &str) -> Option<Vec<String>> {
        let pieces = self.pieces(line)?;
        if pieces.len() > self.len() || pieces.len() < 2 {
            return None;
        }
        let mut out = vec![String::new(); self.len()];
        for (column, text) in pieces {
            out[column] = text;
        }
        Some(out)
    }

    /// A line's cells, a column each, with `number` in column `no_column`: a row whose
    /// number stood lower (cells centred vertically).
    pub(super) fn numbered(&self, line: &str, no_column: usize, number: &str) -> Vec<String> {
        let mut out = vec![String::new(); self.len()];
        for (column, text) in self.pieces(line).unwrap_or_default() {
            out[column] = text;
        }
        out[no_column] = number.to_string();
        out
    }

    /// Whether `line` is one piece that starts in the first column (a note under the
    /// table, 注：…, set from the table's left edge over its columns).
    pub(super) fn one_piece_from_first(&self, line: &str) -> bool {
        matches!(self.set_apart(line).as_deref(), Some([(at, _)]) if self.column_of(*at) == 0)
    }

    /// The line with its piece in `column` set to spaces, every other piece where it was.
    pub(super) fn without_piece(&self, line: &str, column: usize) -> String {
        let Some(pieces) = self.set_apart(line) else {
            return line.to_string();
        };
        let Some((start, text)) = pieces
            .into_iter()
            .find(|(at, _)| self.column_of(*at) == column)
        else {
            return line.to_string();
        };
        // The piece's first byte: where the columns before it add up to its start.
        let mut taken = 0;
        let from = line.char_indices().find_map(|(i, c)| {
            let here = taken;
            taken += self.measure.of(c.encode_utf8(&mut [0; 4]));
            (here == start && line[i..].starts_with(text.as_str())).then_some(i)
        });
        match from {
            Some(i) => {
                let blank = " ".repeat(self.measure.of(&text));
                format!("{}{blank}{}", &line[..i], &line[i + text.len()..])
            }
            None => line.to_string(),
        }
    }

    /// The pieces of a space-set line, each with the column it starts nearest; none when
    /// two would share a column or the line is no space-set one.
    pub(super) fn pieces(&self, line: &str) -> Option<Vec<(usize, String)>> {
        let mut out: Vec<(usize, String)> = Vec::new();
        for (at, text) in self.set_apart(line)? {
            let column = self.column_holding(at, &text);
            if out.last().is_some_and(|(l, _)| column <= *l) {
                return None;
            }
            out.push((column, text));
        }
        (!out.is_empty()).then_some(out)
    }

    /// The pieces of a space-set line at the columns they start at, a piece running into
    /// a column no piece of its own starts in parted where one space sets it apart within
    /// two of that column's start (`19 （一）规范涉企执`: a PDF's narrow 序号 column one
    /// space from the next).
    fn set_apart(&self, line: &str) -> Option<Vec<(usize, String)>> {
        let pieces = cells_at_columns(line, self.measure)?;
        let mut out = Vec::with_capacity(pieces.len());
        for (k, (at, text)) in pieces.iter().enumerate() {
            let own = self.column_of(*at);
            let next = (pieces.get(k + 1)).map_or(self.len(), |(a, _)| self.column_of(*a));
            // A PDF's text sets a cell within a column or two of its header's name.
            // Each column parted into once: the words after it are its cell's.
            let mut last = own;
            let free = |column: usize, last: usize| {
                // Edges read from the gutters: the words after the space start inside a
                // later column, or within two of its edge (the gutter is no wider).
                let k = match self.edges {
                    true => self.column_of(column + 2),
                    false => self.column_of(column),
                };
                let near = self.edges || self.starts[k].abs_diff(column) <= 2;
                (k > last && k < next && near).then_some(k)
            };
            let (mut from, mut column) = (0, *at);
            // A part's start, at least its column's edge: the column it was parted into.
            let mut edge = 0;
            for (i, c) in text.char_indices() {
                column += self.measure.of(c.encode_utf8(&mut [0; 4]));
                let parts_here = (c == ' ' && text[i + 1..].starts_with(|n: char| n != ' '))
                    .then(|| free(column, last))
                    .flatten();
                if let Some(k) = parts_here {
                    last = k;
                    let start = *at + self.measure.of(&text[..from]);
                    out.push((start.max(edge), text[from..i].trim().to_string()));
                    from = i + 1;
                    edge = if self.edges { self.starts[k] } else { 0 };
                }
            }
            let start = *at + self.measure.of(&text[..from]);
            out.push((start.max(edge), text[from..].trim().to_string()));
        }
        Some(out)
    }
}

/// A table cell's text as shown: its markup read, a `<br>` (a Markdown table's line break
/// inside a cell) a line break of the cell, as a quoted cell's are.
fn cell_text(cell: &str) -> String {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(?i)<br\s*/?>").unwrap()
    });
    let lines: Vec<String> = BREAK.split(cell).map(strip_markup).collect();
    lines.join("\n").trim().to_string()
}

/// What `pdftotext` puts before a page's first line.
pub(super) const PAGE_BREAK: char = '\u{c}';

static SPACE_RUN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"(?: {2,}|\u{3000}+)").unwrap()
});

/// A CSV-quoted cell without its quotes (`""` is a quote). Its line breaks stay: between
/// units they separate names; in a task's content they are joined where it is read.
fn unquote(cell: &str) -> String {
    let trimmed = cell.trim();
    match trimmed.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) if trimmed.len() >= 2 => inner.replace("\"\"", "\""),
        _ => cell.to_string(),
    }
}

pub(super) fn is_pipe_rule(cells: &[String]) -> bool {
    cells.iter().all(|c| {
        let c = c.trim();
        !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
    })
}

/// The title above the header at `header_index`: the nearest non-blank line, when it is a
/// heading or names a table. Returns its line index too, where the prose ends.
/// A table header copied one cell per line (a web page's table pasted as plain text: 序号 /
/// 重点工作内容 / 责任单位 / 配合单位, each on its own line) whose rows could not be put back
/// together: the line it starts on and its cells.
pub fn header_one_cell_per_line(text: &str) -> Option<(u32, Vec<String>)> {
    let lines: Vec<&str> = text.lines().collect();
    stacked::find_header(&lines).map(|h| (h.first as u32 + 1, h.cells))
}

/// A table a PDF's text took out a column at a time (`pdftotext` without `-layout`: 序号
/// and 主要任务 with their rows, then 牵头单位 and its cells, then 配合单位 …): the header's
/// names stand alone on lines far apart, the cells of the columns before between them,
/// and which cell of one column goes with which of the next no longer shows. The lines of
/// the first names and of the later one, with all the names.
pub fn table_taken_by_columns(text: &str) -> Option<(u32, u32, Vec<String>)> {
    use crate::ingest::raw_table::Column;
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches([PAGE_BREAK, ' ', '\u{3000}']))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if column_named(line) != Some(Column::No) {
            continue;
        }
        let mut names = vec![line.to_string()];
        let mut at = i + 1;
        while let Some(next) = (lines.get(at)).filter(|l| l.is_empty() || column_named(l).is_some())
        {
            if !next.is_empty() {
                names.push(next.to_string());
            }
            at += 1;
        }
        if names
            .iter()
            .any(|n| column_named(n).is_some_and(holds_units))
        {
            continue;
        }
        if let Some(later) = later_names(&lines, at) {
            names.extend(
                (lines[later..].iter())
                    .filter(|l| !l.is_empty())
                    .map_while(|l| column_named(l).map(|_| l.to_string())),
            );
            return Some((i as u32 + 1, later as u32 + 1, names));
        }
    }
    None
}

/// A table's header a PDF's text took out a cell at a time, its narrow cells' names broken
/// over lines (序 / 号, 完成时 / 限), each name's lines apart from the next's by a blank one:
/// what no web page's copy does. Its rows' cells follow, an empty one leaving no trace, in
/// whatever order the page gave them. The line it starts on and the names as read.
pub fn header_broken_cell_by_cell(text: &str) -> Option<(u32, Vec<String>)> {
    use crate::ingest::raw_table::Column;
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches([PAGE_BREAK, ' ', '\u{3000}']))
        .collect();
    let short = |l: &str| (1..=4).contains(&l.chars().count());
    for start in 0..lines.len() {
        if !short(lines[start]) || !lines[start].starts_with('序') {
            continue;
        }
        // Names a blank line apart, each of a few short lines.
        let (mut names, mut broken, mut at) = (Vec::new(), false, start);
        loop {
            let block: Vec<&str> = (lines[at..].iter())
                .take_while(|l| !l.is_empty() && short(l))
                .copied()
                .take(3)
                .collect();
            let name = block.concat();
            if block.is_empty() || column_named(&name).is_none() {
                break;
            }
            broken |= block.len() > 1;
            names.push(name);
            at += block.len();
            at += (lines[at..].iter()).take_while(|l| l.is_empty()).count();
        }
        let first_is_number = names.first().and_then(|n| column_named(n)) == Some(Column::No);
        if first_is_number && broken && names.len() >= 3 {
            return Some((start as u32 + 1, names));
        }
    }
    None
}

/// The column a line names when it is a column's name alone — not a cell that reads as
/// one (各乡镇 names a units column's kind, in no header's words).
fn column_named(line: &str) -> Option<crate::ingest::raw_table::Column> {
    const NAME_WORDS: &[&str] = &[
        "序号",
        "任务",
        "内容",
        "事项",
        "措施",
        "工作",
        "单位",
        "部门",
        "科室",
        "处室",
        "牵头",
        "配合",
        "协办",
        "主责",
        "时限",
        "时间",
        "领导",
        "责任人",
    ];
    (line.chars().count() <= 8 && NAME_WORDS.iter().any(|w| line.contains(w)))
        .then(|| crate::ingest::raw_table::Column::from_header(line))
        .flatten()
}

fn holds_units(column: crate::ingest::raw_table::Column) -> bool {
    use crate::ingest::raw_table::Column;
    matches!(column, Column::Units | Column::Lead | Column::Support)
}

/// Where, after the first names' group ending at line index `at`, the names of the units'
/// columns start (with any name standing right above them: 工作任务 over 牵头单位) — when
/// rows' cells and at least two of their numbers stand between: in a table copied a cell
/// a line, the names all come first.
fn later_names(lines: &[&str], at: usize) -> Option<usize> {
    use crate::ingest::raw_table::Column;
    let (mut cells, mut numbers) = (0, 0);
    for (j, later) in lines.iter().enumerate().skip(at) {
        match column_named(later) {
            Some(c) if holds_units(c) && cells >= 3 && numbers >= 2 => {
                let named = |k: &usize| !lines[*k].is_empty();
                let above = ((at..j).rev().filter(named))
                    .take_while(|&k| column_named(lines[k]).is_some())
                    .last();
                return Some(above.unwrap_or(j));
            }
            Some(Column::No) => return None,
            Some(c) if holds_units(c) => return None,
            _ if parse_task_number_line(later) => {
                cells += 1;
                numbers += 1;
            }
            _ if !later.is_empty() => cells += 1,
            _ => {}
        }
    }
    None
}

/// Whether a line is a task's number alone (1, 12).
fn parse_task_number_line(line: &str) -> bool {
    (1..=3).contains(&line.len()) && line.chars().all(|c| c.is_ascii_digit())
}

/// A table's header set as text with single spaces between its cells whose rows could
/// not be told apart (a cell holding a space, or left empty): the line and its cells.
pub fn space_set_header(text: &str) -> Option<(u32, Vec<String>)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let cells = printed::space_set_header(line)?;
        Some((i as u32 + 1, cells.iter().map(|c| c.to_string()).collect()))
    })
}

/// A row of cells that names some of a 分工表's columns but not all it needs (工作任务 |
/// 责任科室 | 时限要求 without 序号): its line, the names read, and what is missing.
pub fn near_header(text: &str) -> Option<(u32, Vec<String>, Vec<&'static str>)> {
    text.lines().enumerate().find_map(|(i, line)| {
        // A web page's information box in bars (组配分类 | 部门文件 | 发布机构 | …) heads
        // no table.
        if is_page_metadata(line) {
            return None;
        }
        let (names, missing) = crate::ingest::raw_table::columns_missing(&split_cells(line)?)?;
        Some((i as u32 + 1, names, missing))
    })
}

/// What the line right above a table's header is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AboveTable {
    /// The table's title.
    Title(String),
    /// A section or group heading (一、… / （一）…) that heads the whole table.
    Heading(RowKind),
    /// A part's heading over its first group's (一、… then （一）…), both over the table.
    PartAndGroup(RowKind, RowKind),
    /// A note on the table ((注：A类指…)): not a title; said, not lost.
    Note(String),
}

/// The line right above the header at `header_index`, when it belongs to the table, with
/// its index.
pub(super) fn above_table(lines: &[&str], header_index: usize) -> Option<(usize, AboveTable)> {
    // A border alone on its line (`|` opening a table pasted a cell per line) is the
    // table's, not what stands above it.
    let index = (0..header_index)
        .rev()
        .find(|&i| !lines[i].trim().trim_matches(['|', '｜']).trim().is_empty())?;
    let raw = lines[index].trim();
    let text = strip_markup(raw.trim_start_matches('#'));
    if header_cells_again(&text, lines[header_index]) {
        return Some((index, AboveTable::Note(tidy_spacing(&text))));
    }
    let kind = classify_above_table(&text, raw.starts_with('#'))?;
    // A group's heading under its part's (## 一、… / ### （一）… / the table): both head it.
    if let AboveTable::Heading(group @ RowKind::Label(_)) = &kind
        && let Some(above) = (0..index).rev().find(|&i| !lines[i].trim().is_empty())
        && let Some((numeral, title)) = section_heading(&tidy_spacing(&strip_markup(
            lines[above].trim().trim_start_matches('#'),
        )))
    {
        let part = RowKind::Section { numeral, title };
        return Some((above, AboveTable::PartAndGroup(part, group.clone())));
    }
    Some((index, kind))
}

/// A line above a table's header that only repeats some of its cells with a bar after them
/// (工作要求 | over 工作任务 | 工作要求 | …): a piece of the header copied twice from a web
/// page, no title.
fn header_cells_again(text: &str, header_line: &str) -> bool {
    let Some(header) = split_cells(header_line) else {
        return false;
    };
    let cells: Vec<String> = (text.split(['|', '｜']).map(tidy_spacing))
        .filter(|c| !c.is_empty())
        .collect();
    text.contains(['|', '｜'])
        && !cells.is_empty()
        && cells
            .iter()
            .all(|c| header.iter().any(|h| tidy_spacing(h) == *c))
}

/// Labels of the information box a government web page puts above a document (索引号,
/// 发文日期, 公开方式 …): none of the document's text.
const PAGE_METADATA_LABELS: &[&str] = &[
    "索引号",
    "公文种类",
    "公文类别",
    "文种",
    "信息类别",
    "主题分类",
    "体裁分类",
    "组配分类",
    "发布机构",
    "发布单位",
    "发布部门",
    "发文机关",
    "发文单位",
    "发文字号",
    "成文日期",
    "颁布日期",
    "发布日期",
    "发文日期",
    "生成日期",
    "公开方式",
    "公开范围",
    "公开时限",
    "公开形式",
    "信息来源",
    "信息分类",
    "所属机构",
    "有效性",
    "效力状态",
    "统一编号",
    "主题词",
    // The page's own line under a headline: 来源：… 发布时间：… 浏览次数：…
    "来源",
    // A repost's note of the headline it first ran under (原标题：6类22件…——).
    "原标题",
    "发布时间",
    "浏览次数",
    "点击数",
    "点击量",
    "阅读次数",
    "访问次数",
    "浏览量",
    "阅读量",
    "访问量",
    "字号",
    "字体",
    "文章来源",
    "责任编辑",
    "编辑",
    "审核",
    "作者",
    "发表时间",
    "监督方式",
    // A disclosure box's own fields (文件名称 | … | 公开责任部门 | … | 公开日期 | …).
    "文件名称",
    "信息名称",
    "文号",
    "公开责任部门",
    "公开目录",
    "公开日期",
    "内容概述",
    // Its share and print buttons under the text: 分享到：, 【打印本页】.
    "分享到",
    "分享",
    // Its links under the text: to the files it offers and to the pages before and after.
    "附件下载",
    "相关附件",
    "相关链接",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
];

/// Where a page says the reader is: `当前位置：首页 > 政务公开`, `>> 专题专栏 >> 归档专题`.
const BREADCRUMB_OPENINGS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "您当前的位置",
    "所在位置",
];

/// Whether a line or a table row is a web page's information box (`索引号 | 000330185/2022-
/// 83945 | 公开方式 | 主动公开`): it names two of its labels, or opens with 索引号.
pub fn is_page_metadata(text: &str) -> bool {
    let written = crate::base::cjk::simplified_text(text);
    // A label spaced out to its column's width (索 引 号) is the label.
    let simple = crate::base::cjk::simplified_text(&tidy_spacing(text));
    let cells: Vec<&str> = simple
        .split(['|', '\t', ' ', '\u{3000}', ':', '：'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    // A label may be run into the value before it (来源：某局发布时间：2023-03-10).
    let labels = cells
        .iter()
        .filter(|c| {
            PAGE_METADATA_LABELS
                .iter()
                .any(|l| c == &l || (l.chars().count() >= 4 && c.ends_with(l)))
        })
        .count();
    // A box copied as a table's rows (文件名称 | … | ||): a label in its first cell — 标题
    // too, there (標題 | 某镇自然灾害救助应急预案 | ||), the document's own title below it.
    let boxed_row = simple.contains(['|', '｜'])
        && cells
            .first()
            .is_some_and(|first| PAGE_METADATA_LABELS.contains(first) || *first == "标题");
    labels >= 2 || cells.first() == Some(&"索引号") || boxed_row || is_breadcrumb(&written)
}

/// The year of the first date a web page's own lines give near the top (发布日期：2016-03-01,
/// 发布时间:2023-03-10 10:00).
fn page_year(lines: &[&str]) -> Option<i32> {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        // Its label and value a cell each in a box copied as a table's row (发布日期 | …).
        Regex::new(r"(?:日期|时间)\s*[:：|｜]\s*((?:19|20)\d{2})\s*[-年./]").unwrap()
    });
    lines
        .iter()
        .take(40)
        .filter(|l| is_page_line(l))
        .find_map(|l| DATED.captures(l)?.get(1)?.as_str().parse().ok())
}

/// A label of a web page's information box standing alone, its value on the next line
/// (`索 引 号：`, `发文字号：`, `标　　题：`): the box copied one cell a line.
pub(crate) fn is_bare_page_label(text: &str) -> bool {
    let simple = crate::base::cjk::simplified_text(without_bullet(text));
    // With its colon, or without (a box copied one cell a line: 发文字号 / 郧政发〔2023〕5号).
    let label = simple.trim().trim_end_matches(['：', ':']);
    let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    PAGE_METADATA_LABELS.contains(&label.as_str())
        || page_box::FIELD_LABELS.contains(&label.as_str())
}

/// A web page's own line: its information box or breadcrumb ([`is_page_metadata`]), or one
/// of its labels with a value (来源：信息公开办, 发布日期：2016-03-01, 点击数：).
pub(crate) fn is_page_line(text: &str) -> bool {
    // A page's list bullet (• 发布机构：) or brackets ((来源：某区发布)) around its line.
    let bare = without_bullet(text);
    let bare = (bare.strip_prefix(['（', '(']))
        .and_then(|inner| inner.strip_suffix(['）', ')']))
        .unwrap_or(bare);
    page_line_as_written(text) || (bare != text.trim() && page_line_as_written(bare))
}

/// [`is_page_line`] of the line as it stands.
fn page_line_as_written(text: &str) -> bool {
    let simple = crate::base::cjk::simplified_text(text.trim());
    let labelled = |line: &str| {
        line.split_once([':', '：']).is_some_and(|(label, value)| {
            // 索 引 号：, 文　号： — a box's label spaced out to its column's width.
            let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
            let label = label.as_str();
            (PAGE_METADATA_LABELS.contains(&label) || is_page_counter(label))
                && value.chars().count() <= 40
                || is_page_date(label, value)
        })
    };
    labelled(&simple)
        || without_stamp(&simple).is_some_and(labelled)
        || is_page_metadata(&simple)
        || is_menu_item(&simple)
        || is_page_action(&simple)
}

/// A page's count of its readers, however it names it: 浏览人数, 阅读次数, 点击量, 访问人次.
fn is_page_counter(label: &str) -> bool {
    ["浏览", "阅读", "点击", "访问"].iter().any(|verb| {
        label
            .strip_prefix(verb)
            .is_some_and(|count| ["次数", "人数", "人次", "数", "量"].contains(&count))
    })
}

/// A page's date stamp under a bare 日期 or 时间 label (日期:2023-12-04 10:27): written as
/// a machine writes it, not as a plan does (时间：2025年6月底前).
fn is_page_date(label: &str, value: &str) -> bool {
    static STAMPED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
            .unwrap()
    });
    matches!(label, "日期" | "时间") && STAMPED.is_match(value.trim())
}

/// `text` without a list bullet a web page sets before its lines (•   发布机构：).
pub(super) fn without_bullet(text: &str) -> &str {
    text.trim_start()
        .trim_start_matches(['•', '·', '●', '▪'])
        .trim_start()
}

/// A line's words after the date (and time) a web page stamps before its own labels
/// (`2017-07-03 作者:`, `2024-05-10 10:30 来源：县政府办`); none without one.
fn without_stamp(line: &str) -> Option<&str> {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+")
            .unwrap()
    });
    STAMP.find(line).map(|stamp| &line[stamp.end()..])
}

/// A line made only of what a web page offers to do with itself (分享到微信, 打印本页, 关闭,
/// 扫一扫在手机上查看当前页面, a close button's ×): none of the document's words.
fn is_page_action(text: &str) -> bool {
    // Longest first, so that 打印本页 goes whole before 打印.
    const WORDS: &[&str] = &[
        "用微信扫描二维码",
        "好友和朋友圈",
        "在手机上查看",
        "当前页面",
        "关闭窗口",
        "打印本页",
        "打印此页",
        "返回顶部",
        "加入收藏",
        "朋友圈",
        "二维码",
        // A site's column the page is filed under (政策, 政策文件).
        "政策文件",
        "政策解读",
        "政策",
        // A reading page's own controls: 页面 / 配色 / 辅助线 / 重置, 字体大小, 全文.
        "辅助线",
        "QQ空间",
        "qq空间",
        "QQ",
        "qq",
        "扫一扫",
        "大中小",
        "分享到",
        "分享至",
        "分享",
        "打印",
        "关闭",
        "收藏",
        "微信",
        "微博",
        "政务",
        "字号",
        "字体",
        "大小",
        "全文",
        "页面",
        "配色",
        "重置",
        "空间",
        "好友",
        "返回",
        "扫描",
        "本页",
    ];
    let shown: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"【】[]|｜×✕╳·•/：:".contains(*c))
        .collect();
    if text.trim().is_empty() || text.chars().count() > 30 {
        return false;
    }
    // Marks alone: a close button (×) is the page's; a bar is a table's rule.
    if shown.is_empty() {
        return text.contains(['×', '✕', '╳']);
    }
    let mut rest = shown.as_str();
    while !rest.is_empty() {
        match WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(word) => rest = &rest[word.len()..],
            None => return false,
        }
    }
    true
}

/// A site's menu item copied with the page: a bullet and a few words (• 政府信息公开).
fn is_menu_item(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['•', '·', '●', '▪', '◆', '■']) else {
        return false;
    };
    let rest = rest.trim();
    !rest.is_empty() && rest.chars().count() <= 12 && !rest.contains(['。', '，', '；', '：', ':'])
}

/// A page's breadcrumb: it opens with 当前位置 (您的位置 …), or steps through its sections
/// with `>>`, `»` or ` > `.
fn is_breadcrumb(text: &str) -> bool {
    let text = text.trim();
    let opens = BREADCRUMB_OPENINGS.iter().any(|w| {
        text.strip_prefix(w)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '：', '>', '＞']))
    });
    let steps = text.matches(">>").count()
        + text.matches('»').count()
        + text.matches("＞＞").count()
        + text.matches(" > ").count();
    opens || (steps >= 1 && text.chars().count() <= 80 && !text.contains(['。', '；']))
}

/// What a paragraph right above a table is to it (`heading`: set as a heading): a note, a
/// section or group heading over the whole table, its title — or nothing of the table.
pub(crate) fn classify_above_table(text: &str, heading: bool) -> Option<AboveTable> {
    // A title copied with the table's border after it (…重点任务台账 |) ends at its words.
    let text = tidy_spacing(text.trim().trim_matches(['|', '｜']));
    if text.is_empty() {
        return None;
    }
    let inner = text.trim_start_matches(['（', '(']);
    if inner.starts_with("注") || inner.starts_with("说明") {
        return Some(AboveTable::Note(text));
    }
    if let Some((numeral, title)) = section_heading(&text) {
        return Some(AboveTable::Heading(RowKind::Section { numeral, title }));
    }
    if numbered_label(&text).is_some() {
        return Some(AboveTable::Heading(RowKind::Label(text)));
    }
    // 附件：…重点项目表 right over it: the attachment it is, named — its title.
    if let Some((label, name)) = text.split_once(['：', ':'])
        && prose::is_attachment_label(label)
        && (name.trim().ends_with('表') || crate::model::names_a_table(name))
    {
        return Some(AboveTable::Title(name.trim().to_string()));
    }
    // A page's furniture (• 字体:[ ], 来源:…, its information box) is no title.
    let furniture = text.starts_with(['•', '·', '●', '▪', '■'])
        || is_page_metadata(&text)
        || text
            .chars()
            .filter(|c| crate::base::cjk::is_han(*c))
            .count()
            < 4
        || text
            .split_once([':', '：'])
            .is_some_and(|(label, _)| label.chars().count() <= 6);
    if furniture {
        return None;
    }
    // A sentence (…具体分工见下表。, …抓好落实，主要任务分解如下) introduces the table: the
    // plan's text, not its title.
    let sentence = text.contains('。')
        || text.trim_end_matches(['：', ':']).ends_with("如下")
        || (text.contains(['，', ',']) && !text.ends_with('表'));
    let looks_like_title = heading
        || (!sentence
            && (text.ends_with('表') || text.contains("分工") || text.chars().count() <= 60));
    looks_like_title.then_some(AboveTable::Title(text))
}

impl AboveTable {
    /// Puts what stood above the table at `place` into `table`: its title, its first row
    /// (a heading over it), or a note said as left out.
    pub(crate) fn apply(self, table: &mut RawTable, place: Location) {
        match self {
            AboveTable::Title(title) => table.title = Some(title),
            AboveTable::Heading(kind) => table.rows.insert(
                0,
                RawRow {
                    kind,
                    origin: place,
                },
            ),
            AboveTable::PartAndGroup(part, group) => {
                for kind in [group, part] {
                    let origin = place.clone();
                    table.rows.insert(0, RawRow { kind, origin });
                }
            }
            AboveTable::Note(note) => table.left_out.push((note, place)),
        }
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

/// How many of the lines under a table, from the first, go on with the plan's own text
/// (二、工作要求, its sentences, a last line cut off): up to the first that is a page's own
/// line (打印本页, 来源：…), a 版记 line, an attachment's label or a few words without a
/// sentence (a 署名, a date). Blank lines count with the text around them.
pub(crate) fn plan_text_under_table<'a>(lines: impl IntoIterator<Item = &'a str>) -> usize {
    let mut taken = 0;
    for (at, line) in lines.into_iter().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !goes_on_with_the_plan(line) {
            break;
        }
        taken = at + 1;
    }
    taken
}

/// The lines under a table's last row: the plan's text going on (kept as the table's
/// `after`), then what is not (said as not read).
pub(crate) fn take_text_under(
    table: &mut RawTable,
    under: Vec<(String, Location)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (going_on, rest) = split_text_under_table(under);
    table.after.extend(going_on);
    for (line, here) in rest {
        diagnostics.push(Diagnostic::note(
            "table/after-table",
            here,
            format!("任务分工表之后的文字未读入：「{}」", line.trim()),
        ));
    }
}

/// Lines under a table, `(text, place)`, split into the plan's text going on (see
/// [`plan_text_under_table`]), as paragraphs, and the lines after it, to be said.
pub(crate) fn split_text_under_table(
    under: Vec<(String, Location)>,
) -> (Vec<Paragraph>, Vec<(String, Location)>) {
    let kept = plan_text_under_table(under.iter().map(|(l, _)| l.as_str()));
    let mut rest = under;
    let going_on = rest
        .drain(..kept)
        .filter(|(line, _)| !line.trim().is_empty())
        .map(|(line, origin)| Paragraph {
            text: line.trim().trim_start_matches('#').trim().to_string(),
            origin,
        })
        .collect();
    (going_on, rest)
}

/// Whether a line under a table reads as the plan's text: a heading, a sentence, or a long
/// line (a sentence cut off) — and none of a page's or a 版记's lines.
fn goes_on_with_the_plan(line: &str) -> bool {
    let tidy = tidy_spacing(&strip_markup(line.trim().trim_start_matches('#')));
    if is_page_line(line)
        || prose::is_attachment_label(line)
        || tidy.starts_with("抄送")
        || tidy.starts_with("主送")
        || ["印发", "印發"].iter().any(|w| tidy.ends_with(w))
    {
        return false;
    }
    section_heading(&tidy).is_some()
        || numbered_label(&tidy).is_some()
        || tidy.ends_with(['。', '；', '！', '？', '：', ';', ':'])
        || tidy.chars().count() >= 20
}

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

/// The numeral of a line numbered as a part is (一、), whatever follows it — one heading
/// or sentences of an item's own.
pub fn section_numeral(text: &str) -> Option<String> {
    SECTION
        .captures(text.trim())
        .map(|caps| caps[1].to_string())
}

/// Whether `line` is the hard-wrapped tail of the heading `heading` right above it (a PDF's
/// or a narrow column's line break: `一、…加强党对基层治理的全面` + `领导`): the heading runs
/// on to its last character, and `line` is a short run of ideographs with no numbering of
/// its own, followed by the next numbered item or by nothing.
pub fn is_heading_tail(heading: &str, line: &str, next: Option<&str>) -> bool {
    let heading = heading.trim();
    let line = line.trim();
    let is_heading =
        |t: &str| section_heading(&tidy_spacing(t)).is_some() || numbered_label(t).is_some();
    let starts_item = |t: &str| {
        let t = t.trim_start();
        is_heading(t) || t.starts_with(|c: char| c.is_ascii_digit() || ('①'..='⑳').contains(&c))
    };
    is_heading(heading)
        && heading.chars().last().is_some_and(crate::base::cjk::is_han)
        && (1..=10).contains(&line.chars().count())
        && line.chars().all(crate::base::cjk::is_han)
        && !is_heading(line)
        // 附件 under the last heading labels the attachment after it.
        && !is_attachment_label(line)
        && next.is_none_or(starts_item)
}

/// `（八）推动幼有善育、学有优教` / `(八) …` → (8, 推动幼有善育、学有优教).
pub fn numbered_label(text: &str) -> Option<(u32, String)> {
    let caps = LABEL.captures(text.trim())?;
    Some((chinese_number(&caps[1])?, caps[2].trim().to_string()))
}

/// Where the title of a numbered heading ends on its line, and its text starts: at a colon
/// closing a short lead-in before any comma (（一）总体要求：以…为指导，…), else at the first
/// 。 (（二）稳定工业增长。推动…). `None` when the line is all title. A colon inside
/// brackets is the bracket's (加快建设商贸中心（牵头单位：区商务局）).
pub fn heading_title_end(rest: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let lead_in = (rest.char_indices().take(16))
        .take_while(|(_, c)| !matches!(c, '，' | ',' | '。' | '；' | ';'))
        .find(|&(_, c)| {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && matches!(c, '：' | ':')
        });
    if let Some((at, colon)) = lead_in
        && at > 0
    {
        return Some((at, at + colon.len_utf8()));
    }
    rest.find('。').map(|end| (end, end + '。'.len_utf8()))
}

/// A table's label row numbered as its own (`（八）…`, `(1)…`): its number and text. A table
/// numbers its group labels either way; prose tells the two levels apart, so this is not
/// [`numbered_label`].
pub fn table_label(text: &str) -> Option<(u32, String)> {
    static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^[（(]\s*(\d{1,2})\s*[）)]\s*(\S.*)$").unwrap()
    });
    numbered_label(text).or_else(|| {
        let caps = ARABIC.captures(text.trim())?;
        Some((caps[1].parse().ok()?, caps[2].trim().to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_imprint_at_the_end_is_read_whole_with_the_line_over_it() {
        let text = "\
（二）发放消费券2000万元。（责任单位：区商务局牵头）
公开方式：主动公开

抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院，区

检察院。
南宁市青秀区人民政府办公室

2025 年 4 月 21 日印发

                5
";
        let mut lines: Vec<&str> = text.split('\n').collect();
        let (imprint, disclosure) = imprint_at_end(&mut lines, Places::lines("t.txt"));
        let texts: Vec<&str> = imprint.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院。",
                "南宁市青秀区人民政府办公室2025年4月21日印发"
            ]
        );
        assert_eq!(imprint[0].origin.line_no(), Some(4));
        assert_eq!(imprint[1].origin.line_no(), Some(7));
        assert_eq!(
            disclosure.map(|p| p.text).as_deref(),
            Some("公开方式：主动公开")
        );
        // Taken out of the text; the task above stays.
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.trim().is_empty() || l.trim() == "5")
        );
        assert!(lines[0].starts_with("（二）"));
    }

    #[test]
    fn a_name_over_a_date_of_printing_that_names_its_printer_is_left() {
        let text = "第三项任务由区财政局负责。\n2025年4月21日印发";
        let mut lines: Vec<&str> = text.split('\n').collect();
        let (imprint, _) = imprint_at_end(&mut lines, Places::lines("t.txt"));
        assert_eq!(imprint.len(), 1);
        assert_eq!(imprint[0].text, "2025年4月21日印发");
        assert_eq!(lines[0], "第三项任务由区财政局负责。");
    }

    #[test]
    fn a_piece_over_a_gutter_is_in_the_column_holding_as_much_of_it() {
        let columns = Columns {
            starts: vec![0, 5, 38, 51],
            measure: Measure::Chars,
            names: ["序号", "工作内容", "牵头单位", "协同单位"]
                .map(String::from)
                .to_vec(),
            header_at: vec![0, 19, 39, 53],
            edges: true,
        };
        // Two characters before the edge, two after: the unit's column.
        assert_eq!(columns.column_holding(36, "区商务局"), 2);
        // More before the edge than after, or starting further off: where it starts.
        assert_eq!(columns.column_holding(36, "范街区"), 1);
        assert_eq!(columns.column_holding(35, "区商务局"), 1);
        assert_eq!(columns.column_holding(36, "条。"), 1);
    }

    #[test]
    fn a_text_ending_on_a_heading_or_a_number_under_one_is_cut() {
        assert!(ends_under_a_heading(
            "(一)优化审批事项",
            Some("一、主要任务")
        ));
        assert!(ends_under_a_heading("1", Some("(一)优化审批事项")));
        assert!(!ends_under_a_heading("1", Some("第一页的文字到此。")));
        assert!(!ends_under_a_heading(
            "（此件公开发布）",
            Some("2024年3月1日")
        ));
        assert!(!ends_under_a_heading(
            "二、做好宣传工作。各单位要加强宣传。",
            None
        ));
    }

    #[test]
    fn a_line_of_a_pages_buttons_is_the_pages() {
        for line in [
            "分享到微信",
            "打印本页",
            "×",
            "【打印】【关闭窗口】",
            "政务微信 政务微博",
            "扫一扫在手机上查看当前页面",
            "用微信扫描二维码分享至好友和朋友圈",
        ] {
            assert!(is_page_line(line), "{line}");
        }
        for line in ["|", "政务公开", "关闭违规企业3家", "打印机采购"] {
            assert!(!is_page_line(line), "{line}");
        }
        // A count of readers and a stamped date, however labelled.
        for line in ["浏览人数:0", "阅读次数：12", "日期:2023-12-04 10:27"] {
            assert!(is_page_line(line), "{line}");
        }
        for line in ["时间：2025年6月底前", "日期：每月5日前"] {
            assert!(!is_page_line(line), "{line}");
        }
    }

    #[test]
    fn a_pages_box_in_bars_is_no_header_short_of_a_column() {
        let page = "索引号 | 001008003001086/2020-42401 | ||\n\
                    组配分类 | 部门文件 | 发布机构 | 山福镇 |\n";
        assert_eq!(near_header(page), None);
        let (line, _, missing) = near_header("说明\n工作任务 | 责任科室 | 时限要求\n").unwrap();
        assert_eq!((line, missing), (2, vec!["序号"]));
    }

    #[test]
    fn a_signature_cut_inside_an_agencys_name_is_cut() {
        let end = |text: &str| cut_at_end(&text.lines().collect::<Vec<_>>());
        let (_, tail) = end("现将要点印发给你们。\n农业农村部 最高人民法院\n国家市场监\n").unwrap();
        assert_eq!(tail, "国家市场监");
        assert_eq!(
            end("现将要点印发给你们。\n农业农村部 最高人民法院\n国家市场监督管理总局\n"),
            None
        );
        assert_eq!(
            end("现将要点印发给你们。\n某县人民政府\n2024年3月1日\n"),
            None
        );
        assert_eq!(end("联系人：\n区统计局\n张明\n"), None);
    }

    #[test]
    fn a_list_of_whole_names_ends_a_text_as_it_is() {
        assert!(!stops_mid_sentence(
            "区卫生健康委、区医疗保障局、各街道办事处"
        ));
        assert!(stops_mid_sentence(
            "区卫生健康委、区医疗保障局、各街道社会事务管"
        ));
    }

    #[test]
    fn a_sentence_above_a_table_is_no_title() {
        let title = |text: &str| {
            matches!(
                classify_above_table(text, false),
                Some(AboveTable::Title(_))
            )
        };
        assert!(!title("县政府确定实施以下民生实事项目，具体分工见下表。"));
        assert!(!title(
            "各县区、各有关单位要按照职责分工抓好落实，主要任务分解如下"
        ));
        assert!(!title("主要任务分工如下："));
        assert!(title("梅林县2025年民生实事项目任务分工表"));
        assert!(title("梅林县城区、园区重点项目责任分工表"));
        assert!(title("重点项目清单"));
    }
    use crate::ingest::raw_table::RowKind;

    #[test]
    fn a_word_set_with_spaces_between_its_characters_is_no_row() {
        assert_eq!(split_cells("目  标  任  务"), None);
        assert_eq!(
            split_cells("序号  工作任务  责任单位").map(|c| c.len()),
            Some(3)
        );
    }

    #[test]
    fn a_pdfs_columns_one_space_apart_are_columns() {
        // `pdftotext` leaves one space between a narrow 序号 column and the next.
        let header = "序号 主要事项        工作任务             责任单位      完成时限";
        let rows = [
            "9  （一）规范执法     全面推行“综合查一次”。     县司法局      2025 年 9 月底",
            "19 （二）完善诉求     健全政企沟通机制。        县发展和改革局   每季度",
        ];
        let columns = column_starts(header, &rows).unwrap();
        assert_eq!(
            columns.names(),
            ["序号", "主要事项", "工作任务", "责任单位", "完成时限"]
        );
        let cells = columns.cells(rows[1]).unwrap();
        assert_eq!(cells[0], "19");
        assert_eq!(cells[1], "（二）完善诉求");
        // A task's own words a space apart (达到 98%) stay one cell.
        let row = "20            全面推行“综合查一次”，达到 98%以上。  县司法局      长期坚持";
        assert_eq!(
            columns.cells(row).unwrap()[2],
            "全面推行“综合查一次”，达到 98%以上。"
        );
        // A header cell whose words rows never start under is one column's name.
        let spaced = column_starts(
            "序号  工作 任务              责任单位      完成时限",
            &["1   整治城区背街小巷。         县住建局      2026年9月底前"],
        )
        .unwrap();
        assert_eq!(spaced.len(), 4);
    }

    #[test]
    fn columns_whose_names_stand_centred_are_set_by_their_rows() {
        // `pdftotext -layout` of a Word table: 任务内容 centred over its column, the rows'
        // words from its left edge, the number one space before them.
        let header = "序号             任务内容                  牵头单位     配合单位";
        let rows = [
            " 1 开展居住区分类质量回头看，对达标率低的小区实    区绿化市容局    各街镇",
            "   行挂牌督办。",
            " 2 推进单位分类全覆盖，将党政机关纳入分类示范       区机管局    区教育局、区",
            "   单位创建范围。                                    卫生健康委",
        ];
        let columns = column_starts(header, &rows).unwrap();
        let cells = columns.cells(rows[0]).unwrap();
        assert_eq!(cells[0], "1");
        assert_eq!(cells[2], "区绿化市容局");
        let pieces = columns.pieces(rows[3]).unwrap();
        assert_eq!(pieces[1], (3, "卫生健康委".to_string()));
        // Cells only spaced apart start wherever the one before ends: no columns.
        let spaced = [
            "1  新增规上工业企业10家和一批项目。  区工业和信息化局   临港开发区管委会",
            "2  建设美丽宜居村30个。  区农业农村局   区住房和城乡建设局、各镇",
            "3  新增城镇就业2000人以上。  区人力资源和社会保障局   各镇",
        ];
        assert!(column_starts(header, &spaced).is_none());
    }

    /// Cells centred in their rows, a row's task one line on its number's line, the others'
    /// two lines around it; 工作任务 centred far right of where its rows' words start: the
    /// 序号's edge is right after the numbers, not by the next name (all the tasks' words
    /// went into the 序号 column, and the rows holding only a number and a task were lost).
    #[test]
    fn a_numbers_column_ends_right_after_its_numbers() {
        let header =
            "     序号                      工作任务         牵头单位     配合单位    完成时限";
        let rows = [
            "                                          区退役军   区委组织部、区   2025 年 8",
            "     1    开展“八一”建军节走访慰问活动。",
            "                                          人事务局   民政局、各街道   月 10 日前",
            "                                                 区财政局、区人",
            "                                          区退役军             2025 年 9",
            "     2    落实军人军属优待政策，发放优待金。                      力资源和社会保",
            "                                          人事务局             月 30 日前",
            "                                                    障局",
            "                                          区人力资",
            "                                                 区委组织部、区   2025 年 12",
            "     3    做好随军家属就业安置。                     源和社会",
        ];
        let columns = column_starts(header, &rows).unwrap();
        let pieces = columns.pieces(rows[1]).unwrap();
        assert_eq!(pieces[0].0, 0);
        assert_eq!(pieces[1], (1, "开展“八一”建军节走访慰问活动。".to_string()));
        let pieces = columns.pieces(rows[0]).unwrap();
        assert_eq!(pieces[0], (2, "区退役军".to_string()));
    }

    #[test]
    fn a_table_taken_out_a_column_at_a_time_is_told_from_one_copied_a_cell_a_line() {
        let by_columns = "分工表\n序号\n工作任务\n一、工程建设\n1\n新建工程2处。\n2\n改造管网。\n牵头单位\n配合单位\n县水利局\n县财政局\n";
        let (first, later, names) = table_taken_by_columns(by_columns).unwrap();
        assert_eq!((first, later), (2, 9));
        assert_eq!(names, ["序号", "工作任务", "牵头单位", "配合单位"]);
        // The names first, then each row's cells: a web table copied a cell a line.
        let by_rows =
            "序号\n工作任务\n牵头单位\n1\n新建工程2处。\n县水利局\n2\n改造管网。\n县住建局\n";
        assert!(table_taken_by_columns(by_rows).is_none());
        // A cell that reads as a column's kind (各乡镇) names no column.
        let cells = "序号\n工作任务\n1\n甲。\n2\n乙。\n各乡镇\n";
        assert!(table_taken_by_columns(cells).is_none());
        // A header whose narrow cells' names a PDF's text broke over lines (序 / 号): taken
        // out a cell at a time; a web copy's names stand whole.
        let broken = "附件\n序\n号\n\n项目内容\n\n完成时\n限\n\n牵头单位\n\n1\n新建学校。\n";
        let (line, names) = header_broken_cell_by_cell(broken).unwrap();
        assert_eq!(line, 2);
        assert_eq!(names, ["序号", "项目内容", "完成时限", "牵头单位"]);
        assert!(header_broken_cell_by_cell(by_rows).is_none());
    }

    #[test]
    fn the_next_page_of_a_pdfs_text_sets_its_columns_afresh() {
        let header = "序 主要事项  工作任务          责任   责任单位     完成时";
        let rows = ["1 （一）深  推进政务服务事项全部   张建   县行政审批服   2025 年"];
        let mut columns = column_starts(header, &rows).unwrap();
        let page = [
            "\u{c}11          落实稳岗返还、社保补贴      陈静   县人力资源和   2025 年",
            "13  （二）强  建立重点企业用工服务专员     陈静   县人力资源和   每季度",
        ];
        columns.on_next_page(&page);
        // The form feed takes no column; the page's full row sets them.
        assert_eq!(columns.cells(page[0]).unwrap()[0], "11");
        assert_eq!(columns.cells(page[0]).unwrap()[2], "落实稳岗返还、社保补贴");
        assert_eq!(columns.cells(page[1]).unwrap()[1], "（二）强");
    }

    #[test]
    fn a_units_line_ending_inside_a_name_is_cut() {
        assert!(units_cut("责任单位：省商务厅、省发展改"));
        assert!(units_cut("配合单位:市财政局、市自然资"));
        assert!(!units_cut("责任单位：省商务厅、省发展改革委"));
        assert!(!units_cut("责任单位：各市、县（区）"));
        assert!(!units_cut("责任单位：省商务厅、有关部门"));
        assert!(!units_cut("完成时限：2025年底"));
    }

    #[test]
    fn a_text_ending_at_a_numbered_line_with_nothing_under_it_is_cut() {
        assert!(stops_mid_sentence("六、加强城区生态环境建"));
        assert!(stops_mid_sentence("5. 强化项目会办推"));
        assert!(stops_mid_sentence("（三）完善"));
        assert!(stops_mid_sentence("(四)完善工作机制"));
        assert!(!stops_mid_sentence("5. 强化项目会办推进。"));
        assert!(!stops_mid_sentence("2. 某区2026年重点任务清单"));
        assert!(!stops_mid_sentence(
            "附件：1.云岭县农村人居环境整治任务清单"
        ));
    }

    #[test]
    fn a_last_line_cut_mid_sentence_is_told_from_one_that_ends() {
        assert!(stops_mid_sentence("(三)大力推行“首席服务员"));
        assert!(stops_mid_sentence("部门分工:省财政厅牵头,"));
        assert!(stops_mid_sentence("责任单位：县财政局、"));
        assert!(stops_mid_sentence(
            "加快推进产业园区基础设施建设,完善配套服务功能,全面推"
        ));
        assert!(stops_mid_sentence("(牵头单位:区行政审批局;责任单位:区政"));
        assert!(stops_mid_sentence(
            "2、巩固创建成果。[牵头单位:区卫健局;责任单位:各街办(新区"
        ));
        assert!(stops_mid_sentence(
            "(责任单位:市直各有关单位、各县(市、区)人民政府、"
        ));
        for whole in [
            "2、巩固创建成果。[牵头单位:区卫健局、区创文办;责任单位:区疫情防控指挥部成员单位、各街办(新区)]",
            "(责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会)",
            "3.开展背街小巷整治。（牵头单位：规建办　责任单位：各村（社区））",
            "各部门要抓好落实。",
            "2026年3月12日",
            "东湖区人民政府办公室",
            "东湖区人民政府办公室 2026年3月12日印发",
            "| 7 | 推进城市更新 | 区住建局 |",
            "附件：",
        ] {
            assert!(!stops_mid_sentence(whole), "{whole}");
        }
        assert_eq!(tail_of("一二三四五", 3), "三四五");
        assert_eq!(tail_of("一二", 3), "一二");
    }

    #[test]
    fn a_table_of_contents_is_told_by_its_leaders_and_page_numbers() {
        for line in [
            "1总则…………………………………………………………......6",
            "1.1编制目的……………………………………………..…6",
            "第二章 组织指挥体系 .......... 12",
        ] {
            assert!(is_contents_line(line), "{line}");
        }
        for line in [
            "1.完善镇村两级应急预案。(牵头单位:镇应急办)",
            "……等6",
            "共计……",
        ] {
            assert!(!is_contents_line(line), "{line}");
        }
    }

    #[test]
    fn a_page_cut_after_a_closing_bracket_leaves_the_bracket_to_be_read() {
        // A bracket in the line's middle, words after it: a sentence, read as written.
        assert_eq!(before_a_cut_piece("按（附件）要求落实"), None);
        assert_eq!(
            before_a_cut_piece("保护。(地区农牧局)引"),
            Some("保护。(地区农牧局)")
        );
    }

    #[test]
    fn a_numbered_group_heading_prints_as_the_prose_numbers_it() {
        let group = |heading: &str| ProseGroup {
            title: String::new(),
            origin: Location::line("p.md", 1),
            text: LinedText::default(),
            heading: heading.to_string(),
        };
        assert_eq!(
            group("(一)坚持常态化疫情防控")
                .numbered_heading()
                .as_deref(),
            Some("（一）坚持常态化疫情防控")
        );
        // Its closing stop or colon as written (（一）做强临海产业。 on a line of its own).
        assert_eq!(
            group("（二）深化政务服务标准化建设.")
                .numbered_heading()
                .as_deref(),
            Some("（二）深化政务服务标准化建设。")
        );
        assert_eq!(
            group("（三）总体要求：").numbered_heading().as_deref(),
            Some("（三）总体要求：")
        );
        let mut colon_in_text = group("（三）总体要求：");
        colon_in_text.text.push("：坚持…", 1);
        assert_eq!(
            colon_in_text.numbered_heading().as_deref(),
            Some("（三）总体要求")
        );
        assert_eq!(group("推动友好理念融入规划体系。").numbered_heading(), None);
    }

    #[test]
    fn a_long_section_heading_without_a_sentence_is_still_a_heading() {
        // A repost's pinyin junk makes a heading long; it still has no sentence in it.
        let text = "某市工作事项\n\n一、努力構(gòu)建現(xiàn)代產(chǎn)業(yè)體系,促進(jìn)經(jīng)濟又快又好發(fā)展\n\n(一)加快建设汽车产业基地。(牵头单位:市经贸委)\n";
        let prose = parse(text, "p.md").prose.unwrap();
        assert_eq!(prose.sections.len(), 1);
        assert_eq!(prose.sections[0].numeral, "一");
        assert!(prose.preamble.is_empty(), "{:?}", prose.preamble);
    }

    #[test]
    fn a_header_pasted_one_cell_per_line_is_found_between_borders() {
        let text = "要点\n工作任务\n|\n具体要求\n|\n责任科室\n|\n时限要求\n|\n强化公开\n";
        let (line, cells) = header_one_cell_per_line(text).unwrap();
        assert_eq!(line, 2);
        assert_eq!(cells, ["工作任务", "具体要求", "责任科室", "时限要求"]);
        let titled = "某区重点工作责任单位表\n序号\n重点工作内容\n责任单位\n";
        assert_eq!(header_one_cell_per_line(titled).unwrap().0, 2);
    }

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
    fn labelled_lines_and_items_are_paragraphs_of_their_own() {
        let text = "某区2023年重点工作分工方案\n\n前言说明部分\n\n一、主要目标\n\n\
                    1.地区生产总值增长6%左右\n\n牵头单位:区发改局\n\n责任单位:开发区,各街道\n\n\
                    2.规模以上工业增加值增长5%左右\n\n牵头单位:区工信局\n";
        let prose = parse(text, "x.md").prose.unwrap();
        let intro: Vec<&str> = prose.sections[0]
            .intro
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            intro,
            [
                "1.地区生产总值增长6%左右",
                "牵头单位:区发改局",
                "责任单位:开发区,各街道",
                "2.规模以上工业增加值增长5%左右",
                "牵头单位:区工信局"
            ]
        );
    }

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

    #[test]
    fn a_web_pages_information_box_is_told_from_a_header() {
        assert!(is_page_metadata(
            "索引号 | 000330185/2022-83945 | 公开方式 | 主动公开 |"
        ));
        assert!(is_page_metadata(
            "发布机构：区政府办公室 发文日期：2022-07-14"
        ));
        assert!(is_page_metadata("索引號：11610723/2024-0123"));
        assert!(!is_page_metadata("序号 | 工作任务 | 责任单位 | 完成时间"));
        // A box's title row, copied as a table's (標題 | … | ||).
        assert!(is_page_metadata(
            "標題 | 重慶市梁平區碧山鎮人民政府自然災害救助應急預案 | ||"
        ));
        assert!(!is_page_metadata("标题：某镇自然灾害救助应急预案"));
        // The page's own lines: a source and time run together, a breadcrumb.
        assert!(is_page_metadata("来源:某区发展和改革局发布时间:2023-03-10"));
        assert!(is_page_metadata(
            "时间:2023-07-11 17:01 浏览次数: 信息来源: 某市政府"
        ));
        assert!(is_page_metadata("当前位置:首页"));
        assert!(is_page_metadata(">> 专题专栏 >> 归档专题 >> 2023重点工作"));
        assert!(!is_page_metadata("当前位置优势明显，要抓住机遇。"));
        assert!(!is_page_metadata("来源：市统计局。"));
        assert!(!is_page_metadata("各有关单位：发布单位要认真落实。"));
    }
}
