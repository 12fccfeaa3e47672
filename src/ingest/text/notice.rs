//! The notice at the top of a text source: 发文机关, 文号, title, 主送, body, 附件说明, 署名
//! and 成文日期.

use std::sync::LazyLock;

use regex::Regex;

use super::page_box::{PageBox, page_box};
use super::{Block, Places, section_heading};
use crate::base::cjk::{ends_sentence, tidy_spacing};
use crate::base::diag::Diagnostic;
use crate::model::{Notice, Paragraph, normalize_doc_number};

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$")
        .unwrap()
});

/// A 成文日期 that names its month and no day (2021年2月), as some joint notices are dated.
static MONTH_LINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(
        r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月$",
    )
    .unwrap()
});

/// The 成文日期 a line gives, as the notice prints it (2022年5月10日, or 2021年2月 as a few
/// notices are dated), and whether it had to
/// be read from a copy that lost its 年月日: `2022-05-10`, `2022.5.10`, or the bare digits a
/// web page leaves (`2022510`, read only when one date fits them).
pub(super) fn date_of(text: &str) -> Option<(String, bool)> {
    use crate::base::date::{chinese, parse_written, ymd};
    let text = text.trim();
    if let Some(read) = zeros_typed_as_letters(text) {
        return date_of(&read);
    }
    if DATE_LINE.is_match(text) || MONTH_LINE.is_match(text) {
        return Some((text.split_whitespace().collect(), false));
    }
    let plausible = |d: &crate::base::date::Date| (1949..=2100).contains(&d.year());
    let separated = text.contains(['-', '.', '/', '．'])
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | '．'));
    if separated {
        return parse_written(text)
            .filter(plausible)
            .map(|d| (chinese(d), true));
    }
    if !(7..=8).contains(&text.len()) || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Year, then month and day of one or two digits each (a one-digit day has no 0).
    let (year, rest) = text.split_at(4);
    let number = |s: &str| s.parse::<i32>().ok();
    let readings: Vec<_> = (1..rest.len())
        .filter(|&cut| cut <= 2 && rest.len() - cut <= 2)
        .filter(|&cut| !rest[cut..].starts_with('0') || rest.len() - cut == 2)
        .filter_map(|cut| ymd(number(year)?, number(&rest[..cut])?, number(&rest[cut..])?))
        .filter(plausible)
        .collect();
    match readings.as_slice() {
        [only] => Some((chinese(*only), true)),
        _ => None,
    }
}

/// A 成文日期 line that lost its 年月日 and reads as more than one date (`2019116`: 1月16日
/// or 11月6日; `2022121日`): the date's place, said, not a line of the body.
fn is_garbled_date(text: &str) -> bool {
    let digits = text.trim().trim_end_matches('日').trim();
    // 2018年210: the year kept, its 月 and 日 lost.
    let digits = match digits.split_once('年') {
        Some((year, rest)) if (2..=4).contains(&rest.len()) => &format!("{year}{rest}"),
        _ => digits,
    };
    (6..=8).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits[..4]
            .parse::<i32>()
            .is_ok_and(|year| (1949..=2100).contains(&year))
}

/// The notice read from the top of a source, and the blocks around it.
pub(super) struct NoticeRead<'a> {
    /// The notice, when the source has one.
    pub notice: Option<Notice>,
    /// Blocks above the notice (a web page's own headline and metadata): none of the
    /// notice's parts, reported rather than lost.
    pub before: &'a [Block],
    /// Blocks inside the notice's head that are none of its parts (a web page's headline
    /// repeated between the title and the 主送): reported rather than lost.
    pub skipped: &'a [Block],
    /// The blocks after the notice: the plan.
    pub rest: &'a [Block],
    /// What reading it found to say (a date read from bare digits).
    pub said: Vec<Diagnostic>,
}

/// How far from the top a notice's 文号 or 主送 may be: below a web page's headline and
/// metadata, above the plan.
const HEAD_BLOCKS: usize = 20;

/// Reads the notice at the top of `blocks`: found by its 发文字号 on a line of its own, or —
/// a notice copied from a web page, or typed without one — by its 主送 line, the title above
/// it.
pub(super) fn parse_notice<'a>(blocks: &'a [Block], places: Places<'_>) -> NoticeRead<'a> {
    let mut notice = Notice::default();
    let page = page_box(blocks);
    // A page's box over the document (a label and its value a line each) takes none of the
    // lines its head may stand within.
    let reach = HEAD_BLOCKS + page.blocks.len();
    let (number_at, retold) = head_of_document(blocks, reach);
    // Blocks inside the head that are none of its parts (a web page's metadata between the
    // title and the 主送): said, not lost.
    let mut skipped: &[Block];
    let mut said = Vec::new();
    let from = retold.unwrap_or(0);
    let (start, mut i) = if let Some(number_at) = number_at {
        let (start, page_lines, end) =
            head_by_number(blocks, number_at, (places, &mut said), &mut notice);
        skipped = &blocks[page_lines];
        (start, end)
    } else if let Some(at) = (from..blocks.len().min(from + reach)).find(|&at| {
        is_recipients(&blocks[at].text)
            || bodies_addressed(blocks, at)
            || recipients_unmarked(blocks, at, places, &mut said)
    }) {
        let (start, title_end) = read_head_above_recipients(
            blocks,
            (&page.blocks, at),
            &mut notice,
            (places, &mut said),
        );
        let (first, last) = recipients_lines(blocks, at, title_end);
        skipped = &blocks[title_end.min(at)..first];
        let written: String = blocks[first..=last].iter().map(|b| b.text.trim()).collect();
        notice.recipients = split_list(&recipients_of(&written));
        (start, last + 1)
    } else if let Some(at) = headed_by_title_alone(blocks, from) {
        notice.title = Some(tidy_title(&blocks[at].text));
        skipped = &[];
        (at, at + 1)
    } else {
        return NoticeRead {
            notice: None,
            before: &[],
            skipped: &[],
            rest: blocks,
            said: Vec::new(),
        };
    };
    notice.origin = Some(places.at(blocks[start].line));
    fill_from_page_box(&mut notice, &page);
    if retold.is_some() {
        number_from_box(&mut notice, blocks, reach);
    }
    settle_title(&mut notice, &blocks[start..], places, &mut said);
    // A 主送 a few lines further down: what stands between is none of the notice's parts.
    // Right under the head, a list of bodies is the 主送 though its colon is missing.
    // A marked 主送 a line or two down wins over a line of a body's name right under the
    // head (the issuer's, as a page repeats its title: 某镇人民政府 / 关于印发… / 各村:).
    if notice.recipients.is_empty()
        && let Some(at) = ((i..(i + 4).min(blocks.len())).find(|&j| is_recipients(&blocks[j].text)))
            .or_else(|| {
                (i < blocks.len() && unmarked_recipients_line(&blocks[i], places, &mut said))
                    .then_some(i)
            })
    {
        skipped = &blocks[i..at];
        notice.recipients = split_list(&recipients_of(&blocks[at].text));
        i = at + 1;
    }
    let (body, end, hands_out) = read_body_or_plan(blocks, i, places);
    (notice.body, i) = (body, end);
    // Signed under the tasks it hands out: the sign-off is read at the end, the tasks and
    // the words after them between are the plan.
    if hands_out && let Some(at) = sign_off_at_end(blocks, i) {
        let rest = signed_under_tasks(blocks, (i, at), places, &mut notice, &mut said);
        return NoticeRead {
            notice: Some(notice),
            before: &blocks[..start],
            skipped,
            rest,
            said,
        };
    }
    i = read_attachments(blocks, (i, places), &mut notice, &mut said);
    i = read_sign_off(blocks, i, places, &mut notice, &mut said);
    skipped = date_between_head_and_recipients(skipped, places, &mut notice);
    if let Some(last) = i.checked_sub(1).and_then(|j| blocks.get(j)) {
        notice.end_origin = Some(places.at(last.line));
    }
    // A bare "附件" or "附件1" label before the attached plan.
    if let Some(b) = blocks.get(i)
        && b.text.starts_with("附件")
        && b.text.chars().count() <= 4
    {
        i += 1;
    }
    NoticeRead {
        notice: Some(notice),
        before: &blocks[..start],
        skipped,
        rest: &blocks[i.min(blocks.len())..],
        said,
    }
}

/// A notice (or 通告, 公告) with neither 文号 nor 主送 — one addressed to the public: its
/// title near the top, then its words, its 署名 over its date, and the attached plan after
/// them (附件, or the plan's title). Where its title is.
fn headed_by_title_alone(blocks: &[Block], from: usize) -> Option<usize> {
    let is_title = |text: &str| {
        let simple = crate::base::cjk::simplified_text(text.trim());
        is_notice_title(text)
            || (simple.contains("关于") && (simple.ends_with("通告") || simple.ends_with("公告")))
    };
    let at = (from..blocks.len().min(from + HEAD_BLOCKS)).find(|&at| is_title(&blocks[at].text))?;
    let signed = (at + 2..blocks.len().min(at + 60)).find(|&j| signs_above_date(blocks, j))?;
    let dated =
        (signed + 1..blocks.len().min(signed + 5)).find(|&j| date_of(&blocks[j].text).is_some())?;
    let after = blocks.get(dated + 1)?;
    let plan_follows = after.text.starts_with("附件") || super::prose::names_a_plan(&after.text);
    plan_follows.then_some(at)
}

/// The notice's title as a title: a label before it (a web page's 标题：) said and left
/// out, a 文号 written into it taken as the 文号, and the issuer it names before its 关于
/// when there is no 版头 (某区人民政府办公室关于…).
fn settle_title(
    notice: &mut Notice,
    blocks: &[Block],
    places: Places<'_>,
    said: &mut Vec<Diagnostic>,
) {
    if let Some(title) = notice.title.take() {
        let proper = title_proper(&title);
        if let Some(label) = proper.label {
            let at = blocks
                .iter()
                .find(|b| b.text.contains(label))
                .or(blocks.first());
            if let Some(at) = at {
                said.push(crate::ingest::unused_note(label, places.at(at.line)));
            }
        }
        if let Some(number) = proper.number
            && notice.doc_number.is_none()
        {
            notice.doc_number_written = Some(number.to_string());
            notice.doc_number = normalize_doc_number(number);
        }
        notice.title = Some(proper.title.to_string());
    }
    if notice.issuer.is_none()
        && let Some(title) = &notice.title
        && let Some(before) = issuer_words(title)
        && is_agency(&before)
    {
        notice.issuer = Some(issuer_name(&before));
    }
}

/// What the notice's own text lacks, taken from the page's information box: its title (标题),
/// 发文字号 and 成文日期 (or 发文日期, the date the document was issued) — the box's 发布日期
/// is the page's, not the notice's.
fn fill_from_page_box(notice: &mut Notice, page: &PageBox) {
    if notice.title.is_none()
        && let Some(title) = page.field(&["标题", "名称"]).map(tidy_spacing)
        && is_notice_title(&title)
    {
        notice.title = Some(title);
    }
    if notice.doc_number.is_none()
        && let Some(written) = page.field(&["发文字号", "文号"])
        && let Some(number) = normalize_doc_number(written)
    {
        notice.doc_number_written = Some(written.to_string());
        notice.doc_number = Some(number);
    }
    // The box's date is the page's field, not the document's text: printed as GB/T 9704
    // writes a date (2024年05月20日 → 2024年5月20日).
    if notice.date.is_none()
        && let Some(date) = page
            .field(&["成文日期", "发文日期", "颁布日期"])
            .and_then(|value| {
                crate::base::date::parse_written(value)
                    .map(crate::base::date::chinese)
                    .or_else(|| date_of(value).map(|(date, _)| date))
            })
    {
        notice.date = Some(date);
    }
}

/// What a notice lacks, read from lines a Word document sets outside its paragraphs — a small
/// table over the notice (a 版头 of 发文机关标志 and 文号, or a page's box: 标题 | …), or a
/// page header: the 发文机关标志 (…文件), 发文字号, title and 成文日期. Each row is one
/// line's cells. Returns the names of the fields taken, for the note that says so.
pub(crate) fn fill_from_lines_outside(
    notice: &mut Notice,
    rows: &[Vec<String>],
) -> Vec<&'static str> {
    let mut had = (
        notice.issuer.is_some(),
        notice.doc_number.is_some(),
        notice.title.is_some(),
        notice.date.is_some(),
    );
    let lines: Vec<String> = (rows.iter())
        .map(|cells| format!("| {} |", cells.join(" | ")))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    fill_from_page_box(notice, &page_box(&super::blocks(&lines)));
    // An issuer read off the title's first words stands in for a 版头 the text lacks.
    let from_title = (notice.title.as_deref())
        .and_then(issuer_words)
        .map(|words| issuer_name(&words));
    let mut issuer_open = notice.issuer.is_none() || notice.issuer == from_title;
    if issuer_open && let Some((names, filed)) = mark_in_rows(rows) {
        issuer_open = false;
        let issuer = names.join("\n");
        if notice.issuer.as_ref() != Some(&issuer) {
            notice.issuer = Some(issuer.clone());
            had.0 = false;
        }
        notice.issuer_written = Some(match (filed, names.len()) {
            (true, 1) => format!("{issuer}文件"),
            (true, _) => format!("{issuer}\n文件"),
            (false, _) => issuer,
        });
    }
    for cell in rows.iter().flatten() {
        // The 签发人's names apart by spaces, read before the spaces are tidied away.
        let text = match super::approved_by::in_cell(cell.trim()) {
            Some((before, names)) => {
                notice.approved_by.extend(names);
                tidy_spacing(&before)
            }
            None => tidy_spacing(cell.trim()),
        };
        let issuer = issuer_name(&text);
        // 规范性文件 (a box's 文件类型) names a kind of document, no agency.
        if issuer_open && text.ends_with("文件") && issuer != text && is_one_agency(&issuer) {
            issuer_open = false;
            if notice.issuer.as_ref() != Some(&issuer) {
                notice.issuer = Some(issuer);
                had.0 = false;
            }
            notice.issuer_written = Some(text.to_string());
        }
        if notice.doc_number.is_none()
            && let Some(number) = normalize_doc_number(&text)
        {
            notice.doc_number_written = Some(text.to_string());
            notice.doc_number = Some(number);
        }
        if notice.title.is_none() && is_notice_title(&text) {
            notice.title = Some(tidy_title(&text));
        }
    }
    let now = (
        notice.issuer.is_some(),
        notice.doc_number.is_some(),
        notice.title.is_some(),
        notice.date.is_some(),
    );
    [
        (had.0 != now.0, "发文机关标志"),
        (had.1 != now.1, "发文字号"),
        (had.2 != now.2, "标题"),
        (had.3 != now.3, "成文日期"),
    ]
    .into_iter()
    .filter_map(|(taken, name)| taken.then_some(name))
    .collect()
}

/// The 发文机关标志 of a 版头 set as a table, above its 文号: the agencies' names (a cell
/// each, down its rows, or a line each in one cell) and whether 文件 stands beside them — in
/// a cell of its own (merged down their rows) or after the last name. None when a cell above
/// the 文号 holds anything else (a page's box: 标题 | …), or for one agency's name alone over
/// no 文号 (a page header naming its office).
fn mark_in_rows(rows: &[Vec<String>]) -> Option<(Vec<String>, bool)> {
    let (mut names, mut filed, mut numbered) = (Vec::new(), false, false);
    for row in rows {
        if (row.iter()).any(|cell| head_number(&tidy_spacing(cell.trim())).is_some()) {
            numbered = true;
            break;
        }
        for line in row.iter().flat_map(|cell| cell.lines()) {
            let line = tidy_spacing(line.trim());
            let (name, with_word) = match line.strip_suffix("文件") {
                Some(name) => (name.trim(), true),
                None => (line.as_str(), false),
            };
            filed |= with_word;
            if name.is_empty() {
                continue;
            }
            if !is_one_agency(name) {
                return None;
            }
            names.push(name.to_string());
        }
    }
    let head = filed || numbered || names.len() > 1;
    (!names.is_empty() && head).then_some((names, filed))
}

/// Where the document's head is: the block of its 文号, when it has one, and — a page's box
/// over it (its title and 文号, then the document's own head) — where its head starts
/// again below the box.
fn head_of_document(blocks: &[Block], reach: usize) -> (Option<usize>, Option<usize>) {
    let number_at = doc_number_line(blocks, reach);
    match number_at.and_then(|at| title_retold_below(blocks, at)) {
        // Its own 文号 under the title that stands again, when it has one.
        Some(again) => (
            doc_number_line(&blocks[again..], reach).map(|j| again + j),
            Some(again),
        ),
        None => (number_at, None),
    }
}

/// The 文号 a page's box over the document gives, for a document that writes none of its
/// own under its title.
fn number_from_box(notice: &mut Notice, blocks: &[Block], reach: usize) {
    if notice.doc_number.is_some() {
        return;
    }
    if let Some((number, _)) =
        doc_number_line(blocks, reach).and_then(|at| number_and_date(&blocks[at].text))
    {
        notice.doc_number_written = Some(number.to_string());
        notice.doc_number = head_number(number);
    }
}

/// A 文号 at `number_at` under a title that stands again further down, over the 主送 (a
/// page's box — title, 文号, 发布机构, date a line each — over the document itself): where
/// the title stands again; `None` when the 文号 heads the document.
fn title_retold_below(blocks: &[Block], number_at: usize) -> Option<usize> {
    let (title, _) = title_above_number(blocks, number_at)?;
    let end = blocks.len().min(number_at + HEAD_BLOCKS);
    let recipients = (number_at + 2..end).find(|&j| is_recipients(&blocks[j].text))?;
    (number_at + 1..recipients).find(|&k| {
        (1..=3.min(recipients - k)).any(|lines| {
            let joined: String = blocks[k..k + lines].iter().map(|b| b.text.trim()).collect();
            tidy_title(&joined) == title
        })
    })
}

/// Reads the head of a notice found by its 文号 at `number_at`: the 文号 (and a date after
/// it), what stands above it (title, 版头, a date in parentheses) and below it. Returns
/// where the notice starts, the page's own lines between title and 文号, and where the
/// head ends.
fn head_by_number(
    blocks: &[Block],
    number_at: usize,
    (places, said): (Places<'_>, &mut Vec<Diagnostic>),
    notice: &mut Notice,
) -> (usize, std::ops::Range<usize>, usize) {
    let mut take_date = |date: HeadDate, j: usize| {
        if notice.date.is_none() {
            notice.date = Some(date.read);
            notice.date_written = date.written;
            notice.date_origin = Some(places.at(blocks[j].line));
        }
    };
    if let Some((number, date)) = number_and_date(&blocks[number_at].text) {
        notice.doc_number_written = Some(number.to_string());
        notice.doc_number = head_number(number);
        if let Some(date) = date {
            take_date(date, number_at);
        }
    }
    let (mut start, mut page_lines) = start_above_number(blocks, number_at);
    // A gazette's head may give the 成文日期 in parentheses on a line of its own above
    // (（2008年2月26日）), or between the title and the 文号; a bare date there is a
    // page's (发布日期).
    let dated = |j: usize| dated_head_line(&blocks[j].text);
    if let Some(date) = start.checked_sub(1).and_then(dated) {
        start -= 1;
        take_date(date, start);
    }
    if let Some(date) = dated(page_lines.start).filter(|_| !page_lines.is_empty()) {
        take_date(date, page_lines.start);
        page_lines.start += 1;
    } else if let Some(date) = (page_lines.end.checked_sub(1))
        .filter(|_| !page_lines.is_empty())
        .and_then(dated)
    {
        page_lines.end -= 1;
        take_date(date, page_lines.end);
    }
    // A page's own line under the 文号 (作者: … 发布日期: … 来源: …) is none of the head:
    // said, and the head read from under it.
    let mut number_line = number_at;
    while blocks
        .get(number_line + 1)
        .is_some_and(|b| super::is_page_line(&b.text))
    {
        number_line += 1;
        let line = &blocks[number_line];
        said.push(crate::ingest::unused_note(&line.text, places.at(line.line)));
    }
    (
        start,
        page_lines,
        read_head(blocks, (number_at, number_line + 1), notice),
    )
}

/// A notice signed without a date whose page sets it under the 文号, over the 主送 (沪卫计医管
/// 〔2015〕8号 / 2015年4月3日 / 各区县卫生计生委…:): that line's date is the 成文日期. Returns
/// what is left of the lines between the head and the 主送.
fn date_between_head_and_recipients<'a>(
    between: &'a [Block],
    places: Places<'_>,
    notice: &mut Notice,
) -> &'a [Block] {
    if notice.date.is_some() {
        return between;
    }
    let dated = |b: &Block| head_date(&b.text);
    let (date, rest) = match between {
        [first, rest @ ..] if let Some(date) = dated(first) => ((date, first), rest),
        [rest @ .., last] if let Some(date) = dated(last) => ((date, last), rest),
        _ => return between,
    };
    let (date, block) = date;
    notice.date = Some(date.read);
    notice.date_written = date.written;
    notice.date_origin = Some(places.at(block.line));
    rest
}

/// The 成文日期 of a head's line that is only that date in parentheses (（2008年2月26日）).
fn dated_head_line(text: &str) -> Option<HeadDate> {
    let text = text.trim();
    text.starts_with(['（', '('])
        .then(|| head_date(text))
        .flatten()
}

/// A notice's title as a web page may give it, taken apart: a label of the page's glued
/// before it (【市政府重点工作及责任分解】…), the 文号 run on before it with a dash
/// (阳政办〔2019〕1号—区人民政府办公室关于…), and the title itself.
struct TitleParts<'a> {
    label: Option<&'a str>,
    number: Option<&'a str>,
    title: &'a str,
}

fn title_proper(written: &str) -> TitleParts<'_> {
    let mut parts = TitleParts {
        label: None,
        number: None,
        title: written.trim(),
    };
    if parts.title.starts_with('【')
        && let Some(end) = parts.title.find('】').map(|e| e + '】'.len_utf8())
        && is_notice_title(&parts.title[end..])
    {
        parts.label = Some(&parts.title[..end]);
        parts.title = parts.title[end..].trim_start();
    }
    if let Some(number) = doc_number_within(parts.title)
        && let Some(rest) = parts.title.strip_prefix(number.as_str())
    {
        let rest = rest.trim_start_matches(['—', '－', '-', '–', ' ', '　']);
        if rest.len() < parts.title.len() - number.len() && is_notice_title(rest) {
            parts.number = parts.title.get(..number.len());
            parts.title = rest;
        }
    }
    parts
}

/// A title with its 文号 after it on the same line (…的通知 常政发〔2023〕1号, as a web page
/// runs them together): the title alone; the number is read where it stands. Any other text
/// as it is.
fn title_before_its_number(text: String) -> String {
    let Some(number) = doc_number_within(&text) else {
        return text;
    };
    // A web page's cell border after it (… 常政發〔2023〕1號 |) is none of either.
    let rest = (text
        .trim_end_matches(['|', '｜', ' ', '　'])
        .strip_suffix(number.as_str()))
    .map(|rest| rest.trim_end_matches(['—', '－', '-', '–', ' ', '　', '|', '｜']));
    match rest {
        Some(rest) if !rest.is_empty() && is_notice_title(rest) => rest.to_string(),
        _ => text,
    }
}

/// A title with a web page's words run on after it, no sentence among them (…的通知美丽西藏
/// 建设规划纲要(2014-2030年)>, a link's text): the title alone, and those words to be said as
/// left out. Any other text as it is.
fn without_page_words_after(text: String) -> (String, Option<String>) {
    if is_notice_title(&text) {
        return (text, None);
    }
    let trimmed = text.trim();
    let split = ["通知", "意见", "决定", "通报"]
        .iter()
        .flat_map(|kind| trimmed.match_indices(kind).map(|(at, k)| at + k.len()))
        .filter_map(|end| {
            let (title, after) = trimmed.split_at(end);
            let after = after.trim();
            let crumbs = (1..=40).contains(&after.chars().count())
                && !after.contains(['。', '，', ',', '；', ';', '：', ':']);
            (crumbs && is_notice_title(title)).then_some((end, after))
        })
        .max_by_key(|(end, _)| *end);
    match split {
        Some((end, after)) => (trimmed[..end].to_string(), Some(after.to_string())),
        None => (text, None),
    }
}

/// A 主送 line whose colon is missing or mistyped (各乡镇人民政府，县直各部门 / …；) straight
/// under the notice's title: read as the 主送, and said.
fn recipients_unmarked(
    blocks: &[Block],
    at: usize,
    places: Places<'_>,
    said: &mut Vec<Diagnostic>,
) -> bool {
    let under_title = (1..=3).any(|lines| {
        at >= lines && {
            let title: String = blocks[at - lines..at]
                .iter()
                .map(|b| b.text.trim())
                .collect();
            is_notice_title(&title)
        }
    });
    under_title && unmarked_recipients_line(&blocks[at], places, said)
}

/// A line listing bodies with no colon after them (各街道办事处，区政府各部门), where a 主送
/// stands: read as the 主送, and said.
fn unmarked_recipients_line(block: &Block, places: Places<'_>, said: &mut Vec<Diagnostic>) -> bool {
    let text = block.text.trim();
    let list = recipients_of(text);
    let list = list.as_str();
    // Every item a body's name or a 各 phrase, the line no sentence.
    let bodies = list.split(['、', '，', ',', '；', ';']).all(|item| {
        // 区政府各部门（单位）: the bracket says what kind of body; the name is outside it.
        let item = crate::base::cjk::without_brackets(item);
        let item = item.as_str();
        item.chars().count() <= 16
            && (crate::ingest::units::ends_whole(item) || item.starts_with('各'))
            && !["请", "印发", "贯彻", "执行", "现将"]
                .iter()
                .any(|w| item.contains(w))
    });
    let read = !text.ends_with(['：', ':', '。']) && bodies && is_recipients(&format!("{list}："));
    if read {
        said.push(Diagnostic::warning(
            "notice/recipients-colon",
            places.at(block.line),
            if list == recipients_text(text) {
                format!("主送机关「{list}」后没有冒号：按主送机关读入，发布的通知补上冒号")
            } else {
                format!("主送机关「{}」的括号没有闭合，后面也没有冒号：按主送机关「{list}」读入，发布的通知补上", recipients_text(text))
            },
        ));
    }
    read
}

/// The bodies of a 主送 line as [`recipients_text`] gives them, a bracket the page left
/// open at its end closed (区政府各部门(单位 → 区政府各部门(单位): its close was lost with
/// the colon.
fn recipients_of(line: &str) -> String {
    let list = recipients_text(line);
    let open = list.rfind(['(', '（']);
    let inside = open.map_or("", |at| list[at..].trim_start_matches(['(', '（']));
    let left_open = !inside.is_empty()
        && inside.chars().count() <= 4
        && inside.chars().all(crate::base::cjk::is_han);
    let close = match open.map(|at| &list[at..]) {
        Some(rest) if rest.starts_with('(') => ')',
        _ => '）',
    };
    if left_open {
        format!("{list}{close}")
    } else {
        list.to_string()
    }
}

/// The bodies of a 主送 line, without the colon (or the mark typed in its place) after them.
fn recipients_text(line: &str) -> &str {
    line.trim()
        .trim_end_matches(['：', ':', '；', ';', '，', ',', '。'])
        .trim_end()
}

/// A 主送 line naming the bodies themselves (三明、南平、龙岩市水利局，厅区域协调组:), no
/// 各… among them: a list of names ending in a colon, one at least a body's, over a
/// notice's first sentence (…现印发给你们，请遵照执行。).
fn bodies_addressed(blocks: &[Block], at: usize) -> bool {
    let text = blocks[at].text.trim();
    let Some(list) = text.strip_suffix(['：', ':']) else {
        return false;
    };
    let items: Vec<&str> = list.split(['、', '，', ',']).map(str::trim).collect();
    let bodies = items
        .iter()
        .any(|item| crate::ingest::units::ends_as_a_body(item) || item.ends_with("小组"));
    let body_follows = blocks.get(at + 1).is_some_and(|next| {
        ["印发给你们", "现将", "请认真", "请遵照", "通知如下"]
            .iter()
            .any(|w| next.text.contains(w))
    });
    bodies
        && body_follows
        && !list.contains(['。', '；', ';', '：', ':'])
        && items.iter().all(|i| (1..=24).contains(&i.chars().count()))
        && !super::is_bare_page_label(text)
}

/// A 主送 line: a list of bodies ending in a colon (各街道办事处、区政府各部门：), each item
/// short, at least one of them 各… or a kind of body — not a sentence that ends 如下：.
pub(super) fn is_recipients(text: &str) -> bool {
    // 機關各部門： is addressed as 机关各部门： is.
    let simple = crate::base::cjk::simplified_text(text.trim());
    let text = simple.as_str();
    let Some(list) = text.strip_suffix(['：', ':']) else {
        return false;
    };
    // A web page's box label standing alone (发布机构：) is no list of bodies.
    if super::is_bare_page_label(text) {
        return false;
    }
    // 责任单位： over the units named under it is a task's label, no one addressed (区级有关
    // 部门： is: bodies 有关 the matter, as 各 names every one).
    let column_label = !text.contains('各')
        && !text.contains("有关")
        && matches!(
            crate::ingest::raw_table::Column::from_header(text.trim_end_matches(['：', ':'])),
            Some(
                crate::ingest::raw_table::Column::Units
                    | crate::ingest::raw_table::Column::Lead
                    | crate::ingest::raw_table::Column::Support
            )
        );
    if column_label {
        return false;
    }
    const BODIES: &[&str] = &["单位", "部门", "机构", "政府", "办事处", "委员会", "管委会"];
    let items: Vec<&str> = list
        .split(['、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    !items.is_empty()
        && !list.contains(['。', '：', ':'])
        && !["如下", "以下", "下列", "通知"]
            .iter()
            .any(|w| list.contains(w))
        && section_heading(list).is_none()
        && items.iter().all(|item| item.chars().count() <= 24)
        && items.iter().any(|item| {
            // 机关各处(室): every body of a kind within one, the kind's other name after it.
            let within = item.contains('各')
                && crate::ingest::units::ends_as_a_body(
                    item.split(['(', '（']).next().unwrap_or(item),
                );
            item.starts_with('各') || within || BODIES.iter().any(|b| item.ends_with(b))
        })
}

/// Reads what stands above a 主送 line at `at` when there is no 文号 line: the notice's
/// title (one block, or broken over up to three: `关于印发…的` / `通 知`; else the nearest
/// title above, a web page's headline), the 发文机关 on the line above the title, and a 文号
/// written inside a line above (a web page's `文 号 蔡政办〔2023〕1号`).
/// Returns where the notice starts and the block after its title (what stands between it and
/// the 主送 is none of the notice). The blocks of the page's information box (`page_lines`:
/// its `标题：…` too) are no line of the notice's.
fn read_head_above_recipients(
    blocks: &[Block],
    (page_lines, at): (&[usize], usize),
    notice: &mut Notice,
    (places, said): (Places<'_>, &mut Vec<Diagnostic>),
) -> (usize, usize) {
    // A page's own line between the title and the 主送 (来源:    时间:2020年10月16日) is
    // none of the title: it is read from above it (and said, as what stands between).
    let recipients_at = at;
    let at = at
        - (0..at)
            .rev()
            .take_while(|&j| super::is_page_line(&blocks[j].text))
            .count();
    let joined = |from: usize| -> (String, Option<String>) {
        let text = title_before_its_number(
            blocks[from..at]
                .iter()
                .map(|b| b.text.trim())
                .collect::<String>(),
        );
        let (title, after) = without_page_words_after(text);
        (tidy_title(&title), after)
    };
    // (first block, block after it, text): a title over one to three lines right above the
    // 主送, or the nearest title line above it.
    let in_box = |j: &usize| page_lines.contains(j);
    let title_at = (1..=3.min(at))
        .map(|k| at - k)
        .take_while(|from| !in_box(from))
        .find(|from| is_notice_title(&joined(*from).0))
        .map(|from| (from, at, joined(from)))
        .or_else(|| {
            (0..at)
                .filter(|j| !in_box(j))
                .rev()
                .find(|j| is_notice_title(&title_before_its_number(blocks[*j].text.clone())))
                .map(|j| {
                    let title = title_before_its_number(blocks[j].text.clone());
                    (j, j + 1, (tidy_title(&title), None))
                })
        });
    let title_at = title_at.map(|(from, end, (title, after))| {
        if let Some(after) = after {
            said.push(crate::ingest::unused_note(
                &after,
                places.at(blocks[end - 1].line),
            ));
        }
        (from, end, title)
    });
    if let Some(number) = blocks[..at].iter().find_map(|b| doc_number_within(&b.text)) {
        notice.doc_number_written = Some(number.clone());
        notice.doc_number = normalize_doc_number(&number);
    }
    let Some((from, title_end, title)) = title_at else {
        return (recipients_at, recipients_at);
    };
    // The 版头 over the title: one agency's line, or a line each for agencies issuing
    // jointly (农业农村部 最高人民法院 / 公安部 市场监管总局).
    let agencies = agencies_above(blocks, from);
    let start = from - agencies;
    notice.issuer = (agencies > 0).then(|| issuers_of(&blocks[start..from]));
    if blocks[start..from].iter().any(|b| is_filed_word(&b.text)) {
        notice.issuer_written = (notice.issuer.as_ref()).map(|issuer| format!("{issuer}\n文件"));
    }
    let broken = (agencies == 1)
        .then(|| name_broken_onto_title(&blocks[from - 1].text, &title))
        .flatten();
    notice.title = Some(match (agencies, broken) {
        (_, Some(issuer)) => {
            let title = format!("{}{title}", tidy_spacing(&blocks[from - 1].text));
            notice.issuer = Some(issuer);
            title
        }
        (1, None) => titled_by_issuer(blocks, from - 1, title),
        _ => title,
    });
    (start, title_end)
}

/// The issuer's whole name when a title opens with a kind of body alone before its 关于
/// (…工作领导小组 / 办公室关于印发…): the agency's name above broken onto the title's line,
/// its last word there — no kind of body issues a notice by itself.
fn name_broken_onto_title(agency: &str, title: &str) -> Option<String> {
    let words = issuer_words(title)?;
    let name = tidy_spacing(super::without_bullet(agency));
    let kind_only = !words.is_empty() && is_kind_of_body(&words);
    let whole = format!("{name}{words}");
    (kind_only && issuer_name_of_one(agency) == name && is_one_agency(&whole)).then_some(whole)
}

/// A title opening with 关于 under the agency at `agency_at`, no 文号 between: the agency is
/// the title's first words, on a line of their own as a web page sets them (济宁市人民政府 /
/// 关于…的实施意见). Not when the line is a 版头 by its words (…文件, …(通知)), nor when agencies
/// issue jointly (side by side, or a line each): none of them is put in the title alone.
fn titled_by_issuer(blocks: &[Block], agency_at: usize, title: String) -> String {
    let agency = &blocks[agency_at].text;
    let name = tidy_spacing(super::without_bullet(agency));
    // …文件, …(通知): the line says more than the name, as a 版头 does.
    let red_head = issuer_name_of_one(agency) != name;
    let joint = agencies_side_by_side(agency).is_some()
        || (agency_at.checked_sub(1)).is_some_and(|j| ends_as_an_agency(&blocks[j].text));
    if title.starts_with("关于") && !red_head && !joint {
        format!("{name}{title}")
    } else {
        title
    }
}

/// What a title says before its 关于 (關於 too: read on the simplified text, cut from the
/// title as written, character for character) — or, in a title with no 关于, before the
/// 印发 of the document it issues (某区委办公室 某区政府办公室印发《…》的通知): its issuers'
/// words, if any.
fn issuer_words(title: &str) -> Option<String> {
    let simple = crate::base::cjk::simplified_text(title);
    let at = simple.find("关于").or_else(|| issuing_verb_at(&simple))?;
    Some(title.chars().take(simple[..at].chars().count()).collect())
}

/// A line that names an issuing body: short, no punctuation, ends as bodies' names do.
fn is_agency(text: &str) -> bool {
    agencies_side_by_side(text).is_some() || is_one_agency(&issuer_name_of_one(text))
}

/// The issuers of agency lines issuing jointly, one a line (a 文件 line under them is none).
fn issuers_of(agencies: &[Block]) -> String {
    let names: Vec<String> = (agencies.iter())
        .filter(|b| !is_filed_word(&b.text))
        .map(|b| issuer_name(&b.text))
        .collect();
    names.join("\n")
}

/// The 版头's 文件 on a line of its own (its agencies' names a line each above it, as a joint
/// 版头 reads copied line by line; 文　件 spaced out in a PDF's copy).
fn is_filed_word(text: &str) -> bool {
    text.split_whitespace().collect::<String>() == "文件"
}

/// How many blocks right above `at` name an agency each (agencies issuing jointly, a line
/// each), with the 文件 line among or under them when the 版头 sets it apart (文件 centred
/// to the right of two names, a PDF's text sets it between their lines).
fn agencies_above(blocks: &[Block], at: usize) -> usize {
    let (mut taken, mut agencies, mut filed) = (0, 0, false);
    // Four departments issuing a plan together (成都: 发改委, 社工部, 规自局, 住建局) are
    // usual; eight is a generous bound.
    while taken < at && agencies < 8 {
        let text = &blocks[at - taken - 1].text;
        if !filed && is_filed_word(text) {
            filed = true;
        } else if is_agency(text) {
            agencies += 1;
        } else {
            break;
        }
        taken += 1;
    }
    // A 文件 over every name is none of theirs.
    if taken > 0 && is_filed_word(&blocks[at - taken].text) {
        taken -= 1;
    }
    if agencies == 0 { 0 } else { taken }
}

/// A block whose last words name an agency (a page's lines joined onto the first of two
/// issuers' names: …浏览:3013收藏中共某区委办公室).
fn ends_as_an_agency(text: &str) -> bool {
    let text = text.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (2..=chars.len().min(30)).any(|n| is_agency(&text[chars[chars.len() - n].0..]))
}

/// True for one agency's name (its 文件 and parenthesis already left out).
fn is_one_agency(name: &str) -> bool {
    // 國務院辦公廳關於落實中共中央國務院: a title's first line, ending on the body it is about.
    let about = crate::base::cjk::simplified_text(name).contains("关于");
    // 政府文件 (a site's column) names a kind of body, not one.
    let own = name.strip_suffix("文件").unwrap_or(name);
    (2..=30).contains(&name.chars().count())
        && !about
        && !is_kind_of_body(own)
        && !name.contains(['，', '。', '：', ':', ',', '、', '《'])
        && (AGENCY_ENDINGS.iter().any(|e| name.ends_with(e))
            || crate::ingest::units::ends_as_a_body(name))
}

/// How agencies' names end.
const AGENCY_ENDINGS: &[&str] = &[
    "政府",
    "办公室",
    "办公厅",
    "委员会",
    "局",
    "厅",
    "委",
    "部",
    "院",
    // 阿里地区行政公署
    "署",
    "中心",
    "文件",
];

/// A kind of body named alone (办公室, 人民政府), which is no one agency.
fn is_kind_of_body(words: &str) -> bool {
    words.is_empty() || AGENCY_ENDINGS.contains(&words) || words == "人民政府"
}

/// A line that is a 发文字号 with its closing bracket or its 号 lost (`南兴府办函〔202058`, a
/// web page's copy): what it likely read, 南兴府办函〔2020〕58号. `None` for a whole 文号 or
/// anything else.
pub(crate) fn garbled_doc_number(text: &str) -> Option<String> {
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^([^\s\d:：()（）〔〕\[\]【】]{1,10})[〔\[【(（]((?:19|20)\d\d)[〕\]】)）]?\s*(\d{1,4})\s*号?$")
            .unwrap()
    });
    let text = text.trim();
    if crate::model::normalize_doc_number(text).is_some() {
        return None;
    }
    let caps = CUT.captures(text)?;
    Some(format!("{}〔{}〕{}号", &caps[1], &caps[2], &caps[3]))
}

/// A 发文字号 written inside a longer line (`文 号 蔡政办〔2023〕1号`), as written.
pub(crate) fn doc_number_within(text: &str) -> Option<String> {
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"([^\s\d:：()（）〔〕\[\]【】]{1,10}[〔\[【(（]\d{4}[〕\]】)）]第?\s?\d{1,4}\s?[号號])",
        )
        .unwrap()
    });
    let found = WITHIN.captures(text)?[1].to_string();
    let found = found.strip_prefix("文号").unwrap_or(&found).to_string();
    normalize_doc_number(&found).map(|_| found)
}

/// Reads what surrounds the 文号 at `number_at` (its head goes on at `below`, past a page's
/// lines under it): the 版头 above it (or, on a web page, the
/// notice's own title, which then names no issuer: the 署名 does, later), the title under
/// it and the 主送 line. Returns the index of the first block after them.
fn read_head(blocks: &[Block], (number_at, below): (usize, usize), notice: &mut Notice) -> usize {
    let set_issuer = |notice: &mut Notice, written: &String| {
        let issuer = issuer_name(written);
        if tidy_spacing(written) != issuer {
            notice.issuer_written = Some(written.clone());
        }
        notice.issuer = Some(issuer);
    };
    let mut i = below;
    // The 版头 over the title or the 文号: one agency's, or agencies issuing jointly a line
    // each.
    let head_over = |notice: &mut Notice, at: usize| {
        let lines = &blocks[at - agencies_above(blocks, at)..at];
        let filed = lines.iter().any(|b| is_filed_word(&b.text));
        match lines.len() - usize::from(filed) {
            0 => false,
            1 if filed => {
                set_issuer(notice, &format!("{}文件", lines[0].text.trim()));
                true
            }
            1 => {
                set_issuer(notice, &lines[0].text);
                true
            }
            _ => {
                let issuers = issuers_of(lines);
                notice.issuer_written = filed.then(|| format!("{issuers}\n文件"));
                notice.issuer = Some(issuers);
                true
            }
        }
    };
    // The title over the 文号 (broken over lines, the 版头 above it), or the 版头 alone.
    if let Some((title, first)) = title_above_number(blocks, number_at) {
        notice.title = Some(title);
        if head_over(notice, first) {
            // A 版头 stands over the 文号, never over a title the 文号 comes after.
            notice.title = (notice.title.take()).map(|t| titled_by_issuer(blocks, first - 1, t));
        }
        return read_recipients(blocks, i, notice);
    }
    head_over(notice, number_at);
    // A web page sets the issuer on a line of its own between the 文号 and the title, or
    // the issuers a line each when they issue jointly.
    let agencies = (i..blocks.len().min(i + 4))
        .take_while(|&j| is_agency(&blocks[j].text))
        .count();
    if notice.issuer.is_none()
        && agencies > 0
        && blocks
            .get(i + agencies)
            .is_some_and(|b| begins_title(&b.text))
    {
        notice.issuer = Some(issuers_of(&blocks[i..i + agencies]));
        i += agencies;
    }
    // Under a 版头 that named the issuer, the title may open with the issuer's name on a
    // line of its own (某县人民政府办公室 / 关于印发… / 的通知): one title.
    let opens_with_issuer = notice.issuer.is_some()
        && blocks.get(i).is_some_and(|b| is_agency(&b.text))
        && blocks.get(i + 1).is_some_and(|b| begins_title(&b.text));
    if let Some(b) = blocks.get(i)
        && (begins_title(&b.text)
            || b.heading > 0
            || opens_with_issuer
            || issuers_broken_over_title(blocks, i))
        && !b.text.ends_with('：')
    {
        let (title, end) = title_over_lines(blocks, i);
        notice.title = Some(title);
        i = end;
    }
    read_recipients(blocks, i, notice)
}

/// The notice's title right above its 文号, on up to three lines (关于分解落实…2018年 /
/// 重点工作任务的通知), and the block it starts at.
fn title_above_number(blocks: &[Block], number_at: usize) -> Option<(String, usize)> {
    let end = title_end_above_number(blocks, number_at);
    let title_from = |first: usize| {
        let pieces = &blocks[first..end];
        let title = tidy_title(&pieces.iter().map(|b| b.text.trim()).collect::<String>());
        let plain = pieces
            .iter()
            .all(|b| !crate::base::cjk::outside_quotes(&b.text).contains(['。', '，', '：', ':']));
        (plain && is_notice_title(&title) && title.chars().count() <= 80).then_some((title, first))
    };
    let (title, first) = (1..=3.min(end)).find_map(|lines| title_from(end - lines))?;
    // A title about another document's words (國務院辦公廳關於落實中共中央國務院 / 關於全面深化
    // …若干意見 / …分工的通知): the line above its first 关于 begins it, when that line opens
    // with its issuer and 关于 and is no title by itself.
    let above = first.checked_sub(1).filter(|&j| {
        first + 3 > end && {
            let text = &blocks[j].text;
            let issuer = issuer_words(text).filter(|w| !w.trim().is_empty());
            issuer.is_some_and(|w| is_agency(&w)) && !is_notice_title(text) && !is_agency(text)
        }
    });
    Some(above.and_then(title_from).unwrap_or((title, first)))
}

/// Where a notice found by its 文号 at `number_at` starts — the title above the 文号, or
/// the 版头 over either; a web page's metadata there (来源：… 发布：…) does not — and the
/// page's own lines between that title and the 文号.
fn start_above_number(blocks: &[Block], number_at: usize) -> (usize, std::ops::Range<usize>) {
    let with_agency = |at: usize| at - agencies_above(blocks, at);
    match title_above_number(blocks, number_at) {
        Some((_, first)) => (
            with_agency(first),
            title_end_above_number(blocks, number_at)..number_at,
        ),
        None => (with_agency(number_at), number_at..number_at),
    }
}

/// Where a title above the 文号 at `number_at` must end: right above it, or — the 主送
/// straight under the 文号, so no title stands below it — above the web page's own lines
/// between the title and the 文号.
fn title_end_above_number(blocks: &[Block], number_at: usize) -> usize {
    let no_title_below = blocks
        .get(number_at + 1)
        .is_some_and(|b| is_recipients(&b.text));
    if no_title_below {
        furniture_above(blocks, number_at)
    } else {
        number_at
    }
}

/// Where the web page's own lines right above block `at` begin (来源：信息公开办 /
/// 发布日期：2016-03-01 / 点击数：… between a notice's title and its 文号), or a gazette's
/// 成文日期 there (（2019年1月29日）); `at` when none.
fn furniture_above(blocks: &[Block], at: usize) -> usize {
    let mut start = at;
    while start > 0
        && (super::is_page_line(&blocks[start - 1].text)
            || dated_head_line(&blocks[start - 1].text).is_some())
    {
        start -= 1;
    }
    start
}

/// A line that starts a notice's title: 关于…, the issuer's name before its 关于
/// (县人民政府办公室关于 / 对…), or one that names the notice.
fn begins_title(text: &str) -> bool {
    let issuer_about =
        issuer_words(text).is_some_and(|issuer| issuer.trim().is_empty() || is_agency(&issuer));
    text.contains("通知") || issuer_about || is_notice_title(text)
}

/// A title whose issuers' names run over its first line break (中共某区委办公室 某区人 /
/// 民政府办公室关于印发《…》的通知): no line alone begins it, the lines joined do.
fn issuers_broken_over_title(blocks: &[Block], i: usize) -> bool {
    let (title, end) = title_over_lines(blocks, i);
    end > i + 1
        && is_notice_title(&title)
        && issuer_words(&title).is_some_and(|w| !w.trim().is_empty() && is_agency(&w))
}

/// The title starting at block `i`, joined over the lines it is broken across (关于印发 … /
/// 重点工作 实施方案 的通知) until it names its kind; the index after it.
fn title_over_lines(blocks: &[Block], i: usize) -> (String, usize) {
    // Joined as written, tidied whole: issuers side by side on the first line keep their
    // space though their 关于 is on a later one.
    let mut written = blocks[i].text.trim().to_string();
    let mut title = tidy_title(&written);
    let mut end = i + 1;
    // A 《 left open (…陕西省《 / 2022年…工作要点》分工方案的通知): the name goes on below.
    let open = |t: &str| t.matches('《').count() > t.matches('》').count();
    while (!is_notice_title(&title) || open(&title))
        && end < (i + 4).min(blocks.len())
        && !blocks[end].text.contains(['。', '，', '：', ':'])
        && blocks[end].text.chars().count() <= if open(&title) { 60 } else { 30 }
        && title.chars().count() + blocks[end].text.chars().count() <= 100
    {
        written.push_str(blocks[end].text.trim());
        title = tidy_title(&written);
        end += 1;
    }
    if is_notice_title(&title) {
        (title, end)
    } else {
        (tidy_title(&blocks[i].text), i + 1)
    }
}

/// The first and last lines of the 主送 found at `at`, under a title ending at
/// `title_end`: a 主送 a page's width broke has its first line above (…临港经济开发区管委 /
/// 会,区政府各部门:) or its last under it (…各直属机 / 构:).
fn recipients_lines(blocks: &[Block], at: usize, title_end: usize) -> (usize, usize) {
    let first = match at > title_end && starts_a_broken_list(&blocks[at - 1].text) {
        true => at - 1,
        false => at,
    };
    let ends_below = blocks.get(at + 1).is_some_and(|next| {
        !blocks[at].text.trim_end().ends_with(['：', ':']) && ends_a_broken_list(&next.text)
    });
    (first, at + usize::from(ends_below))
}

/// Whether `line` is the first line of a list of bodies broken at the page's width: names
/// set apart by 、 or a comma, no sentence, no colon closing it.
fn starts_a_broken_list(line: &str) -> bool {
    let line = line.trim();
    line.contains(['、', '，', ','])
        && !line.contains(['。', '；', ';', '：', ':', '《'])
        && (6..=60).contains(&line.chars().count())
        && line.starts_with('各')
}

/// Whether `line` is the last piece of a 主送 broken at the page's width: a few characters
/// closed by the 主送's colon (构:, 会,区政府各部门、直属机构:).
fn ends_a_broken_list(line: &str) -> bool {
    let line = line.trim();
    let Some(list) = line.strip_suffix(['：', ':']) else {
        return false;
    };
    (1..=40).contains(&list.chars().count())
        && !list.contains(['。', '；', ';', '：', ':', '《'])
        && list
            .chars()
            .all(|c| crate::base::cjk::is_han(c) || "、，,（）()".contains(c))
}

/// The 主送 line at block `i`, when it is one; the index after the head.
fn read_recipients(blocks: &[Block], mut i: usize, notice: &mut Notice) -> usize {
    // A web page's own line (分享到：) is no 主送: the one further down is — nor is a
    // page's label left bare (实施日期:) over a list of bodies a line or two down.
    let marked_below = || {
        !blocks.get(i).is_some_and(|b| is_recipients(&b.text))
            && (i + 1..(i + 3).min(blocks.len())).any(|j| is_recipients(&blocks[j].text))
    };
    // A 主送 the page's width broke over two lines (各镇(街道)…临港经济开发区管委 / 会,区政府
    // 各部门、直属机构:).
    if let (Some(first), Some(last)) = (blocks.get(i), blocks.get(i + 1))
        && starts_a_broken_list(&first.text)
        && ends_a_broken_list(&last.text)
    {
        let written = format!("{}{}", first.text.trim(), last.text.trim());
        notice.recipients = split_list(written.trim_end_matches(['：', ':']));
        return i + 2;
    }
    if let Some(b) = blocks.get(i)
        && !super::is_page_line(&b.text)
        && !marked_below()
        && (b.text.ends_with('：') || b.text.ends_with(':'))
        && !b.text.contains('。')
        && b.text.chars().count() < 200
    {
        notice.recipients = split_list(b.text.trim_end_matches(['：', ':']));
        i += 1;
    }
    i
}

/// Reads the body from block `i`: until 附件, a heading (the plan), a 署名 over its date, a
/// date, the plan's own title, or the end; a 特此通知 is its last line. With
/// `plan_at_sections`, a section heading (一、…) ends it too: a notice with no sign-off
/// whose body runs to the end holds the plan itself. Lines that do not end a sentence are
/// joined to the next.
fn read_body(
    blocks: &[Block],
    mut i: usize,
    places: Places<'_>,
    plan_at_sections: bool,
) -> (Vec<Paragraph>, usize) {
    let mut body: Vec<Paragraph> = Vec::new();
    while let Some(b) = blocks.get(i) {
        if b.heading > 0
            || b.text.starts_with("附件")
            || b.text.starts_with("附：")
            || b.text.starts_with("附:")
            || date_of(&b.text).is_some()
        {
            break;
        }
        // The 署名 ends the body even with no 附件说明 between them, and with no date
        // under it where the plan follows; so does a 附注 ((此件公开发布)) with neither.
        if signs_above_date(blocks, i)
            || (!body.is_empty() && (signers_undated(blocks, i) > 0 || is_annotation(&b.text)))
        {
            break;
        }
        let plan_starts = section_heading(&b.text).is_some() || opens_an_assigned_task(blocks, i);
        if !body.is_empty()
            && (super::prose::names_a_plan(&b.text) || (plan_at_sections && plan_starts))
        {
            // The plan's title begun on the line above (实施《…规划》 / 责任分工方案): the
            // plan's, not the body's.
            let begun = body.last().is_some_and(|last| {
                last.text == blocks[i - 1].text
                    && !ends_sentence(&last.text)
                    && last.text.chars().count() <= 40
                    && super::prose::names_a_plan(&format!("{}{}", last.text.trim(), b.text.trim()))
            });
            if begun {
                body.pop();
                i -= 1;
            }
            break;
        }
        // A heading opens a paragraph even under a line that ends no sentence (即日起至8月5日
        // / 二、联系方式).
        if let Some(last) = body.last_mut()
            && !ends_sentence(&last.text)
            && !is_body_heading(&last.text)
            && !is_body_heading(&b.text)
        {
            last.text.push_str(&b.text);
        } else {
            body.push(Paragraph {
                text: b.text.clone(),
                origin: places.at(b.line),
            });
        }
        i += 1;
        if b.text
            .trim_end_matches(['。', '！', '!'])
            .ends_with("特此通知")
        {
            break;
        }
    }
    (body, i)
}

/// A heading of the notice's own body on a line of its own (一、规范主动公开工作): its
/// paragraph, not the start of the next.
fn is_body_heading(text: &str) -> bool {
    let text = tidy_spacing(text);
    // 一、落实责任，确保质量: a heading of two short phrases keeps its comma.
    let short_phrases = text.chars().count() <= 20;
    (section_heading(&text).is_some() || super::numbered_label(&text).is_some())
        && text.chars().count() <= 30
        && !text.contains(['。', '；', ';'])
        && (short_phrases || !text.contains(['，', ',']))
}

/// The body from block `i`, where it ends, and whether it hands out tasks itself. A body
/// that runs to the end with no sign-off holds the plan — as does one that hands out tasks
/// (一、…（X负责）): it ends at its sections, or its first task.
fn read_body_or_plan(
    blocks: &[Block],
    i: usize,
    places: Places<'_>,
) -> (Vec<Paragraph>, usize, bool) {
    let (body, end) = read_body(blocks, i, places, false);
    // A part's heading in a heading style (Word's 标题 1: 一、稳定粮食生产) ends the body as
    // any heading does; the tasks under it are the notice's own all the same.
    let part_heading = blocks
        .get(end)
        .is_some_and(|b| b.heading > 0 && section_heading(&tidy_spacing(&b.text)).is_some());
    let hands_out = (i..end).any(|j| opens_an_assigned_task(blocks, j))
        || (part_heading && opens_an_assigned_task(blocks, end + 1));
    if end >= blocks.len() || hands_out {
        let (body, end) = read_body(blocks, i, places, true);
        return (body, end, hands_out);
    }
    (body, end, hands_out)
}

/// A 文号 line as written: the 文号 alone, or — as a gazette page sets it — with the
/// 成文日期 after it (`川办函〔2017〕113号 2017年6月2日`). Returns the 文号 and the date.
fn number_and_date(text: &str) -> Option<(&str, Option<HeadDate>)> {
    let text = text.trim();
    // A page's label before the number (发布文号:厅函[2019]8号, 文号：…) is none of it.
    let text = match text.split_once([':', '：']) {
        Some((label, number))
            if ["文号", "字号"].iter().any(|w| label.trim().ends_with(w))
                && label.chars().count() <= 6 =>
        {
            number.trim()
        }
        _ => text,
    };
    if head_number(text).is_some() {
        return Some((text, None));
    }
    let (number, rest) = text.split_once(char::is_whitespace)?;
    head_number(number)?;
    Some((number, Some(head_date(rest)?)))
}

/// The 文号 a notice's head gives on its line, as GB/T 9704 writes it — also when a page
/// lost its 〕 or 号 (万州府发〔202312): the head is still the notice's, and the check says
/// how it is written.
pub(super) fn head_number(text: &str) -> Option<String> {
    normalize_doc_number(text).or_else(|| garbled_doc_number(text))
}

/// A 成文日期 read in a notice's head, and how it is written there when that differs.
struct HeadDate {
    read: String,
    written: Option<String>,
}

/// A 成文日期 standing alone in a notice's head, perhaps in parentheses, its 〇 perhaps typed
/// as the letter O (`（二OO八年二月二十六日）`): as written, the O read as 〇.
fn head_date(text: &str) -> Option<HeadDate> {
    let written = text
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let inner = zeros_typed_as_letters(written).unwrap_or_else(|| written.to_string());
    let (read, _) = date_of(&inner).filter(|(_, guessed)| !guessed)?;
    let written = (inner != written).then(|| written.to_string());
    Some(HeadDate { read, written })
}

/// How a 成文日期 `written` otherwise than a 公文 writes it was read as `date`, said: its
/// 〇 typed as the letter O, figures with dashes (2023-02-22 says one date), or bare
/// figures (2019116 may say two: `guessed`).
fn date_read(
    written: &str,
    (date, guessed): (&str, bool),
    place: crate::base::diag::Location,
) -> Option<Diagnostic> {
    // A date in Chinese numerals (its 〇 perhaps typed as O) is said by the check: it is
    // printed in figures.
    if guessed && written.contains(['-', '.', '/', '．']) {
        let message = format!("成文日期写作「{written}」：发布的通知按公文格式印作 {date}");
        Some(Diagnostic::note("notice/date-read", place, message))
    } else if guessed {
        let message = format!("成文日期「{written}」缺“年月日”，按 {date} 读");
        Some(Diagnostic::warning("notice/date-read", place, message))
    } else {
        None
    }
}

/// A date in Chinese numerals whose 〇 is typed as the letter O (`二OO八年二月二十六日`, as
/// many a page writes it): the date with 〇. None when there is no such letter.
fn zeros_typed_as_letters(text: &str) -> Option<String> {
    let letter = |c: char| matches!(c, 'O' | 'o' | 'Ｏ' | 'ｏ');
    let chinese = text.contains('年') && !text.chars().any(|c| c.is_ascii_digit());
    if !chinese || !text.chars().any(letter) {
        return None;
    }
    let read: String = (text.chars())
        .map(|c| if letter(c) { '〇' } else { c })
        .collect();
    DATE_LINE.is_match(read.trim()).then_some(read)
}

/// The block of the notice's 发文字号 near the top — not one under a page's 发文字号：
/// label, which is its information box's.
fn doc_number_line(blocks: &[Block], reach: usize) -> Option<usize> {
    let numbers: Vec<usize> = (0..blocks.len().min(reach))
        .filter(|&j| {
            number_and_date(&blocks[j].text).is_some()
                && !j
                    .checked_sub(1)
                    .is_some_and(|above| super::is_bare_page_label(&blocks[above].text))
        })
        .collect();
    // A page's box gives the 文号 too (a value a line, no title right above it): the
    // document's own is the one under its title.
    let titled = numbers
        .iter()
        .copied()
        .find(|&j| title_above_number(blocks, j).is_some());
    titled.or(numbers.first().copied())
}

/// A notice whose tasks (from block `from`) are signed under them (the sign-off from block
/// `at`): reads the sign-off, says what follows it, gives the words after the last task to
/// the body, and returns the tasks' blocks.
fn signed_under_tasks<'a>(
    blocks: &'a [Block],
    (from, at): (usize, usize),
    places: Places<'_>,
    notice: &mut Notice,
    said: &mut Vec<Diagnostic>,
) -> &'a [Block] {
    let end = read_sign_off(blocks, at, places, notice, said);
    for b in &blocks[end..] {
        said.push(crate::ingest::unused_note(&b.text, places.at(b.line)));
    }
    // The words after the last task (what is asked of the units, what it replaces) are the
    // notice's own, before its sign-off.
    let mut tasks_end = at;
    while tasks_end > from && is_notice_words(&blocks[tasks_end - 1]) {
        tasks_end -= 1;
    }
    // Under a part of their own (四、实施期限) they are that part's, printed with the plan.
    let under_a_part =
        tasks_end > from && section_heading(&tidy_spacing(&blocks[tasks_end - 1].text)).is_some();
    if under_a_part {
        tasks_end = at;
    }
    notice
        .body
        .extend(blocks[tasks_end..at].iter().map(|b| Paragraph {
            text: b.text.clone(),
            origin: places.at(b.line),
        }));
    notice.end_origin = blocks.get(end - 1).map(|b| places.at(b.line));
    notice.handed_out = blocks.get(from).map(|b| (b.line, blocks[tasks_end].line));
    &blocks[from.min(tasks_end)..tasks_end]
}

/// Where the sign-off of a notice that hands out its tasks stands among its last blocks,
/// after `from`: its 署名 over its 成文日期 (or the date alone), followed by at most a 附注,
/// a 版记 and a few lines of the page.
fn sign_off_at_end(blocks: &[Block], from: usize) -> Option<usize> {
    // Signed with no date under it (the source lost it): the agencies that end the text,
    // all of them (a joint notice signs one agency a line).
    let undated = (1..=3)
        .rev()
        .find(|&n| {
            blocks
                .len()
                .checked_sub(n)
                .is_some_and(|at| signers_at_end(blocks, at) == n)
        })
        .map(|n| blocks.len() - n);
    let Some(date_at) = (from..blocks.len())
        .rev()
        .take(6)
        .find(|&j| date_of(&blocks[j].text).is_some())
    else {
        return undated.filter(|&at| at > from);
    };
    let signed = (date_at.saturating_sub(3).max(from)..date_at)
        .find(|&j| signers_above_date(blocks, j) == date_at - j);
    Some(signed.unwrap_or(date_at)).filter(|&at| at > from)
}

/// Whether block `i` opens a task the notice hands out itself: a numbered line (1.…,
/// 一、…) whose own lines, up to the next numbered one, say who does it (牵头科室：…,
/// （…牵头）, （…负责）).
fn opens_an_assigned_task(blocks: &[Block], i: usize) -> bool {
    let numbered = |b: &Block| {
        crate::ingest::raw_table::opening_number(&b.text).is_some()
            || opens_with_a_part_number(&b.text)
    };
    if !blocks.get(i).is_some_and(numbered) {
        return false;
    }
    let own = blocks[i + 1..]
        .iter()
        .take(8)
        .take_while(|b| !numbered(b) && b.heading == 0);
    std::iter::once(&blocks[i])
        .chain(own)
        .any(|b| crate::ingest::inline::names_duty(&b.text))
}

/// Whether a block after a notice's tasks is its own words, none of a task's: not
/// numbered, labelled or assigning, not a heading.
fn is_notice_words(b: &Block) -> bool {
    b.heading == 0
        && !opens_with_a_part_number(&b.text)
        && !crate::ingest::inline::is_task_line(&b.text)
        && !crate::ingest::inline::names_duty(&b.text)
}

/// Whether a line opens with a part's number: 一、, （一）.
fn opens_with_a_part_number(text: &str) -> bool {
    let text = text.trim_start();
    let numeral = |c: char| "一二三四五六七八九十百".contains(c);
    let bare = text
        .split_once('、')
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(numeral));
    bare || super::numbered_label(text).is_some()
}

/// Whether block `i` is a 署名: a short line right above the 成文日期.
fn signs_above_date(blocks: &[Block], i: usize) -> bool {
    signers_above_date(blocks, i) > 0
}

/// How many 署名 lines start at block `i` right above the 成文日期: one, or — a notice
/// issued jointly (中共某区委办公室 / 某区人民政府办公室) — up to three agencies, one a line.
/// How many blocks from `i` are agencies' names that end the text, one a line, with no
/// date after them (at most 3): a 署名 whose date the source lost.
fn signers_at_end(blocks: &[Block], i: usize) -> usize {
    let n = blocks.len().saturating_sub(i);
    // Each agency's name short (two side by side on one line: each).
    let short = |text: &str| match agencies_side_by_side(text) {
        Some(names) => names.iter().all(|n| n.chars().count() <= 25),
        None => text.chars().count() <= 25,
    };
    let all_agencies = (i..blocks.len())
        .all(|j| is_signer(&blocks[j]) && is_agency(&blocks[j].text) && short(&blocks[j].text));
    if (1..=3).contains(&n) && all_agencies {
        n
    } else {
        0
    }
}

/// How many blocks from `i` are agencies' names, one a line, with no date under them where
/// the text ends or the plan starts (its title, 附件, a heading): a 署名 whose date the
/// source lost or never wrote.
fn signers_undated(blocks: &[Block], i: usize) -> usize {
    let plan_starts = |b: &Block| {
        b.heading > 0 || b.text.starts_with("附件") || super::prose::names_a_plan(&b.text)
    };
    (1..=3)
        .find(|&n| {
            let names = blocks.get(i..i + n).unwrap_or_default();
            names.len() == n
                && signers_at_end(names, 0) == n
                && blocks.get(i + n).is_none_or(plan_starts)
        })
        .unwrap_or(0)
}

/// The dates of agencies signing side by side, written side by side on one line
/// (2025年4月8日　　2025年4月9日): each, as read. `None` for anything else.
fn dates_side_by_side(text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let dates: Vec<String> = (parts.iter())
        .filter_map(|p| date_of(p).filter(|(_, guessed)| !guessed).map(|(d, _)| d))
        .collect();
    (parts.len() >= 2 && dates.len() == parts.len()).then_some(dates)
}

/// How many blocks from `i`, under a 成文日期 with no 署名 above it, are agencies' names
/// (at most 3) that end the sign-off: the text ends, or a 附注, 版记 or the plan follows.
fn signers_under_date(blocks: &[Block], i: usize) -> usize {
    let ends = |b: &Block| {
        is_annotation(&b.text)
            || b.text.starts_with("抄送")
            || b.heading > 0
            || b.text.starts_with("附件")
            || super::prose::names_a_plan(&b.text)
    };
    (1..=3)
        .find(|&n| {
            (blocks.get(i..i + n))
                .is_some_and(|names| names.iter().all(|b| is_signer(b) && is_agency(&b.text)))
                && blocks.get(i + n).is_none_or(ends)
        })
        .unwrap_or(0)
}

fn signers_above_date(blocks: &[Block], i: usize) -> usize {
    let is_date = |b: &Block| {
        date_of(&b.text).is_some()
            || is_garbled_date(&b.text)
            || dates_side_by_side(&b.text).is_some()
    };
    (1..=3)
        .find(|&n| {
            blocks.get(i + n).is_some_and(is_date)
                && (i..i + n)
                    .all(|j| is_signer(&blocks[j]) && (n == 1 || is_agency(&blocks[j].text)))
        })
        .unwrap_or(0)
}

/// Reads the 附件说明 at block `i`: 附件：《…》, or 附件：1. … with further numbered lines.
/// Returns the index of the first block after it.
fn read_attachments(
    blocks: &[Block],
    (mut i, places): (usize, Places<'_>),
    notice: &mut Notice,
    said: &mut Vec<Diagnostic>,
) -> usize {
    let Some(first) = blocks
        .get(i)
        .and_then(|b| super::prose::after_attachments_label(&b.text))
    else {
        return i;
    };
    if !first.is_empty() {
        notice
            .attachments
            .push(attachment_name(first, places.at(blocks[i].line), said));
    }
    i += 1;
    while let Some(b) = blocks.get(i) {
        // The 成文日期 right under the list (no 署名 between) starts with a digit too.
        let numbered = b.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && b.heading == 0
            && b.text.chars().count() < 120
            && date_of(&b.text).is_none();
        // 附件1：… / 附件2：…, a label a line.
        let labelled = super::prose::after_attachments_label(&b.text).filter(|n| !n.is_empty());
        if !numbered && labelled.is_none() {
            // A name wrapped onto the next line (…设施建设 / 实施方案), the 署名 right under
            // it: the rest of the name, not a first 署名.
            if let Some(last) = notice.attachments.last_mut()
                && wraps_a_name(b)
                && (signers_above_date(blocks, i + 1) > 0
                    || blocks
                        .get(i + 1)
                        .is_some_and(|d| date_of(&d.text).is_some()))
            {
                last.push_str(b.text.trim());
                i += 1;
                continue;
            }
            break;
        }
        let name = attachment_name(labelled.unwrap_or(&b.text), places.at(b.line), said);
        notice.attachments.push(name);
        i += 1;
    }
    i
}

/// A line that may end an attachment's name broken over two: short, no sentence, no agency,
/// no date, no number of its own.
fn wraps_a_name(b: &Block) -> bool {
    let text = b.text.trim();
    b.heading == 0
        && (2..=30).contains(&text.chars().count())
        && !text.contains(['。', '，', '：', ':', '；'])
        && !is_agency(text)
        && date_of(text).is_none()
        && !text.starts_with(|c: char| c.is_ascii_digit())
}

/// The 署名 and 成文日期 a Word notice sets under its attachment's table (…印发给你们 / 附件
/// / the table / 北塘县人民政府 / 2024年2月20日), read into `notice` when it has neither
/// and the lines `under` the table (each with its paragraph) open with them. Returns how
/// many of those lines were read (with a 附注 or 版记 after them), and what was said.
pub(crate) fn sign_off_under_table(
    notice: &mut Notice,
    under: &[(&str, u32)],
    places: Places<'_>,
) -> (usize, Vec<Diagnostic>) {
    if notice.signer.is_some() || notice.date.is_some() {
        return (0, Vec::new());
    }
    let texts: Vec<&str> = under.iter().map(|(text, _)| *text).collect();
    let signs = signing_off(&texts);
    if !signs.first().copied().unwrap_or(false) {
        return (0, Vec::new());
    }
    let blocks: Vec<Block> = (under.iter())
        .map(|(text, line)| Block {
            line: *line,
            heading: 0,
            text: super::strip_markup(text.trim()),
            bold: None,
            blank_before: false,
        })
        .collect();
    let mut read = notice.clone();
    let mut said = Vec::new();
    let end = read_sign_off(&blocks, 0, places, &mut read, &mut said);
    // Only a sign-off that ends the document: words after it are the plan's or a page's.
    if read.date.is_none() || end < blocks.len() {
        return (0, Vec::new());
    }
    *notice = read;
    (end, said)
}

/// Reads, from block `i`, what ends a notice when the source has it: 署名, 成文日期, the 附注
/// under the date, and the 版记's 抄送 and 印发 lines. Returns the index after them.
fn read_sign_off(
    blocks: &[Block],
    mut i: usize,
    places: Places<'_>,
    notice: &mut Notice,
    said: &mut Vec<Diagnostic>,
) -> usize {
    i += read_signers(blocks, i, notice);
    if let Some(b) = blocks.get(i)
        && date_of(&b.text).is_none()
        && is_garbled_date(&b.text)
    {
        notice.date_unreadable = Some(b.text.trim().to_string());
        notice.date_origin = Some(places.at(b.line));
        i += 1;
        if let Some(b) = blocks.get(i)
            && is_annotation(&b.text)
        {
            notice.annotation = Some(tidy_spacing(&b.text));
            i += 1;
        }
    }
    // Agencies signing side by side, their dates side by side under them: the last signed.
    let side_by_side = read_dates_side_by_side(blocks, (i, places), notice, said);
    i += usize::from(side_by_side);
    if let Some(b) = blocks.get(i)
        && !side_by_side
        && let Some((date, guessed)) = date_of(&b.text)
    {
        said.extend(date_read(
            b.text.trim(),
            (&date, guessed),
            places.at(b.line),
        ));
        if zeros_typed_as_letters(b.text.trim()).is_some() {
            notice.date_written = Some(b.text.trim().to_string());
        }
        notice.date = Some(date);
        i += 1;
        i = read_joint_signers(blocks, (i, places), notice, said);
        // A web page repeats the date (its own 发布日期 line): the same text, already read,
        // said as left out.
        // Another date under it (the page's 发布日期) is said too, as not the 成文日期.
        while let Some(again) = blocks.get(i).filter(|d| date_of(&d.text).is_some()) {
            let same = date_of(&again.text).map(|(date, _)| date) == notice.date;
            let mut note = crate::ingest::unused_note(&again.text, places.at(again.line));
            note.message.push_str(if same {
                "（与上一行的成文日期重复）"
            } else {
                "（成文日期下又一个日期，未读作成文日期）"
            });
            said.push(note);
            i += 1;
        }
    }
    // The 署名 written under the date (2025年5月6日 / 某指挥部办公室): read, and printed in its
    // place above the date.
    i += read_signer_under_date(blocks, (i, places), notice, said);
    if notice.date.is_some() {
        i = read_annotations(blocks, i, notice);
    }
    while let Some(b) = blocks.get(i)
        && (b.text.starts_with("抄送") || b.text.starts_with("主送") || b.text.ends_with("印发"))
    {
        notice.imprint.push(Paragraph {
            text: b.text.clone(),
            origin: places.at(b.line),
        });
        i += 1;
    }
    i
}

/// 附注: short lines in parentheses under the 成文日期 (（此件公开发布）, a contact's
/// (联系人：…) over it) from block `i`, one after another in the order written, a line each.
/// Returns the index after them.
fn read_annotations(blocks: &[Block], mut i: usize, notice: &mut Notice) -> usize {
    let mut notes = Vec::new();
    while let Some(b) = blocks.get(i)
        && is_annotation(&b.text)
    {
        notes.push(tidy_spacing(&b.text));
        i += 1;
    }
    if !notes.is_empty() {
        notice.annotation = Some(notes.join("\n"));
    }
    i
}

/// The 署名 from block `i`, over its date or ending the notice: one agency, or agencies
/// issuing jointly, each on its line (or side by side), the leading one first. Returns how
/// many blocks it took.
fn read_signers(blocks: &[Block], i: usize, notice: &mut Notice) -> usize {
    let signers = signers_above_date(blocks, i).max(signers_undated(blocks, i));
    if signers > 0 {
        let names: Vec<String> = (blocks[i..i + signers].iter())
            .flat_map(|b| {
                agencies_side_by_side(&b.text).unwrap_or_else(|| vec![b.text.trim().to_string()])
            })
            .collect();
        notice.signer = Some(names.join("\n"));
    }
    signers
}

/// The dates of agencies signing side by side, on one line at block `i`: the latest read as
/// the 成文日期, the others said. Returns whether the line was one.
fn read_dates_side_by_side(
    blocks: &[Block],
    (i, places): (usize, Places<'_>),
    notice: &mut Notice,
    said: &mut Vec<Diagnostic>,
) -> bool {
    let Some(b) = blocks.get(i) else {
        return false;
    };
    let Some(dates) = dates_side_by_side(&b.text) else {
        return false;
    };
    notice.date = latest_signed(&dates, places.at(b.line), said);
    notice.date.is_some()
}

/// The latest of joint agencies' dates, the 成文日期 (GB/T 9704 7.3.5.2: the day the last
/// agency signs); the others said at `place`.
fn latest_signed(
    dates: &[String],
    place: crate::base::diag::Location,
    said: &mut Vec<Diagnostic>,
) -> Option<String> {
    let last = (dates.iter())
        .max_by_key(|d| crate::base::date::parse_written(d))
        .cloned()?;
    let others: Vec<&str> = (dates.iter())
        .filter(|d| **d != last)
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        said.push(joint_dates_said(place, &last, &others));
    }
    Some(last)
}

/// A 署名 written under a 成文日期 with none above it, from block `i`: read and said.
/// Returns how many blocks it took.
fn read_signer_under_date(
    blocks: &[Block],
    (i, places): (usize, Places<'_>),
    notice: &mut Notice,
    said: &mut Vec<Diagnostic>,
) -> usize {
    if notice.signer.is_some() || notice.date.is_none() {
        return 0;
    }
    let under = signers_under_date(blocks, i);
    if under > 0 {
        let names: Vec<String> = (blocks[i..i + under].iter())
            .map(|b| b.text.trim().to_string())
            .collect();
        said.push(Diagnostic::note(
            "notice/signer-under-date",
            places.at(blocks[i].line),
            format!(
                "署名「{}」写在成文日期之下：发布的通知按公文格式印在日期之上",
                names.join("、")
            ),
        ));
        notice.signer = Some(names.join("\n"));
    }
    under
}

/// What a joint sign-off's dates became: the latest printed, the others not.
fn joint_dates_said(
    place: crate::base::diag::Location,
    printed: &str,
    others: &[&str],
) -> Diagnostic {
    Diagnostic::note(
        "notice/joint-dates",
        place,
        format!(
            "联合发文的署名各有日期：成文日期按最晚的「{printed}」印出，「{}」不单独印出",
            others.join("」「")
        ),
    )
}

/// A 署名 set as a table (two agencies side by side, their dates under them or one date
/// merged across; a name over its date in one cell): read into the notice when it has no
/// 署名 yet — every agency signs, the latest date is the 成文日期, the others said. None
/// when a cell holds anything but agencies' names and dates (or none of the names).
pub(crate) fn sign_off_in_rows(
    notice: &mut Notice,
    rows: &[Vec<String>],
    place: crate::base::diag::Location,
) -> Option<Vec<Diagnostic>> {
    if notice.signer.is_some() {
        return None;
    }
    let (mut names, mut dates) = (Vec::new(), Vec::new());
    for line in rows.iter().flatten().flat_map(|cell| cell.lines()) {
        let line = tidy_spacing(line.trim());
        if line.is_empty() {
            continue;
        }
        match date_of(&line) {
            Some((date, false)) => dates.push(date),
            _ if is_one_agency(&line) => names.push(issuer_name(&line)),
            _ => return None,
        }
    }
    if names.is_empty() {
        return None;
    }
    notice.signer = Some(names.join("\n"));
    let mut said = Vec::new();
    dates.dedup();
    if notice.date.is_none()
        && let Some(latest) = latest_signed(&dates, place.clone(), &mut said)
    {
        notice.date = Some(latest);
        notice.date_origin = Some(place);
    }
    Some(said)
}

/// Agencies issuing jointly, each over its own date (青禾区教育局 / 2025年4月8日 / 青禾区财政局 /
/// 2025年4月9日), from block `i` under the first one's date: every one signs, and the
/// 成文日期 is the last signed (GB/T 9704 7.3.5.2: the date the last agency's head signs);
/// the others are said, not printed. Returns the index after them.
fn read_joint_signers(
    blocks: &[Block],
    (mut i, places): (usize, Places<'_>),
    notice: &mut Notice,
    said: &mut Vec<Diagnostic>,
) -> usize {
    let day = |text: &str| crate::base::date::parse_written(text);
    loop {
        let more = signers_above_date(blocks, i);
        let agencies = (i..i + more).all(|j| is_agency(&blocks[j].text));
        let Some((date, _)) = (more > 0 && agencies)
            .then(|| blocks.get(i + more))
            .flatten()
            .and_then(|b| date_of(&b.text))
        else {
            return i;
        };
        let names = blocks[i..i + more]
            .iter()
            .map(|b| b.text.trim().to_string());
        let mut signer: Vec<String> = (notice.signer.iter()).map(String::clone).collect();
        signer.extend(names);
        notice.signer = Some(signer.join("\n"));
        let kept = notice.date.clone().unwrap_or_default();
        let later = day(&date)
            .zip(day(&kept))
            .is_some_and(|(new, old)| new > old);
        let (printed, other) = if later { (date, kept) } else { (kept, date) };
        let place = places.at(blocks[i + more].line);
        said.push(joint_dates_said(place, &printed, &[other.as_str()]));
        notice.date = Some(printed);
        i += more + 1;
    }
}

/// A notice's title: …关于…的通知 (or 意见, 决定 …), or …印发《…》的通知 as joint notices
/// write it without 关于; not an agency's name. 《》 around the whole (a web page quoting
/// it) are no part of it.
pub(crate) fn is_notice_title(text: &str) -> bool {
    // 關於…的實施意見 reads as 关于…的实施意见.
    let text = crate::base::cjk::simplified_text(text.trim());
    let text = without_issue_mark(without_outer_marks(&text));
    let names_its_kind = ["通知", "意见", "决定", "通报", "批复", "函"]
        .iter()
        .any(|kind| text.ends_with(kind));
    // A document sent up (报告, 请示) names what it is about: 关于报送《…》的请示.
    let sent_up = ["请示", "报告"].iter().any(|kind| text.ends_with(kind)) && text.contains("关于");
    sent_up
        || (names_its_kind
            && (text.contains("关于") || issuing_verb_at(text).is_some() || of_its_kind(text)))
}

/// 《政府工作报告》重点工作部门分工的意见: a title of the document's kind without 关于, as a
/// province writes its 意见 (…的意见, …的决定): a name ending in 的 and its kind, no
/// sentence in it.
fn of_its_kind(text: &str) -> bool {
    ["的意见", "的实施意见", "的决定"]
        .iter()
        .any(|kind| text.ends_with(kind))
        && text.chars().count() <= 60
        && !crate::base::cjk::outside_quotes(text).contains(['。', '，', ',', '；', '：', ':'])
}

/// …印发《…》的通知 (转发, 下发 …): a title naming the document it issues, with no sentence
/// in it; where its verb stands.
fn issuing_verb_at(title: &str) -> Option<usize> {
    static ISSUES: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(?:印发|转发|下发|颁发|公布)[^《》]{0,30}《[^》]+》[^《》]{0,4}(?:通知|决定)$")
            .unwrap()
    });
    if crate::base::cjk::outside_quotes(title).contains(['。', '，', ',', '；']) {
        return None;
    }
    ISSUES.find(title).map(|verb| verb.start())
}

/// A title with the 《》 a web page set around the whole of it (《…关于印发〈…〉的通知》)
/// taken off; any other text as it is.
pub(crate) fn without_outer_marks(text: &str) -> &str {
    match text.strip_prefix('《').and_then(|t| t.strip_suffix('》')) {
        Some(inner) if !inner.contains(['《', '》']) => inner,
        _ => text,
    }
}

/// The plan a notice issues, named in its title: 关于印发《X》的通知 → X (spacing of a title
/// broken over lines tidied); 关于印发X的通知 → X; a notice that is the plan itself, 关于X的通知
/// → X.
pub(crate) fn issued_plan(title: &str) -> Option<String> {
    // Read on the simplified text (關於印發《…》的通知), cut from the title as written.
    let title = crate::base::cjk::tidy_spacing(title);
    let simple = crate::base::cjk::simplified_text(&title);
    let name = issued_plan_simplified(&simple)?;
    let skip = simple[..simple.find(&name)?].chars().count();
    // Standing alone, the plan's name writes the titles it quotes in 《》: the 〈〉 were the
    // notice's, whose 《》 held it.
    let enclosed = title.chars().skip(skip).take(name.chars().count());
    Some(
        enclosed
            .map(|c| match c {
                '〈' => '《',
                '〉' => '》',
                c => c,
            })
            .collect(),
    )
}

/// [`issued_plan`] of a title in simplified characters.
fn issued_plan_simplified(title: &str) -> Option<String> {
    // The marks enclose what is issued only where they open right after the verb and close
    // before 的通知: in 关于印发2024年县《政府工作报告》重点任务分工方案的通知 they quote a
    // document inside the plan's name.
    let verb_end = ["印发", "转发"]
        .iter()
        .filter_map(|verb| title.find(verb).map(|at| at + verb.len()))
        .min();
    let encloses = |open: usize, close: usize| {
        let before = verb_end.map(|end| title[end..open - '《'.len_utf8()].trim());
        let after = title[close + '》'.len_utf8()..].trim();
        before.is_some_and(str::is_empty)
            && (after.is_empty() || after.starts_with('的') || after.starts_with("通知"))
    };
    if verb_end.is_some()
        && let Some(open) = title.find('《').map(|o| o + '《'.len_utf8())
        && let Some(close) = title.rfind('》').filter(|c| *c > open)
        && encloses(open, close)
    {
        let name = title[open..close].trim().to_string();
        return (!name.is_empty()).then_some(name);
    }
    // A document issued as what it is (关于…的实施意见, …的决定), no 印发 notice around it: the
    // plan is the document itself. (關於…的實施意見 too.)
    // 关于X的通报(2022年·第9期): the report on X; 关于X督查通报: that report itself.
    let title = without_issue_mark(title);
    let simple = crate::base::cjk::simplified_text(title);
    if simple.contains("关于") && !simple.ends_with("通知") && !simple.ends_with("通报") {
        return Some(title.to_string());
    }
    let about = title.find("关于")? + "关于".len();
    let subject = &title[about..];
    let subject = ["的通知", "的通报"]
        .iter()
        .find_map(|kind| subject.strip_suffix(kind))
        .or_else(|| subject.ends_with("通报").then_some(subject))?;
    let name = ["印发", "转发"]
        .iter()
        .find_map(|verb| subject.strip_prefix(verb))
        .unwrap_or(subject)
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// A title without the mark of its issue or draft after it: `…督查通报(2022年·第9期)`,
/// `…的通知（征求意见稿）` → `…督查通报`, `…的通知`.
pub(crate) fn without_issue_mark(title: &str) -> &str {
    static ISSUE_MARK: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"\s*[（(](?:(?:\d{4}年)?[·•・\s]*第?[0-9一二三四五六七八九十〇零]+期",
            r"|征求意见稿|送审稿|讨论稿|修订稿|试行|暂行|修订)[）)]$"
        ))
        .unwrap()
    });
    let title = without_number_after(title.trim());
    ISSUE_MARK
        .find(title)
        .map_or(title, |mark| title[..mark.start()].trim_end())
}

/// A title without its 发文字号 written after it in brackets, on the same line (`…的通知
/// (粤府〔2021〕22号)`, as web pages print it): the 文号 is read apart.
fn without_number_after(title: &str) -> &str {
    static NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"\s*[（(]\s*[^\s()（）〔〕\[\]【】]{1,10}[〔\[【(（]\d{4}[〕\]】)）]",
            r"第?\s?\d{1,4}\s?[号號]\s*[）)]$"
        ))
        .unwrap()
    });
    NUMBER_AFTER
        .find(title)
        .map_or(title, |number| title[..number.start()].trim_end())
}

/// Whether `line` is one of a 版记's lines: its 抄送 (抄送：区委各部门。) or its print line
/// (…办公室 2010年4月19日印发) — the print's, none of a plan's words.
pub(crate) fn is_imprint_line(line: &str) -> bool {
    let copied_to = (tidy_spacing(line.trim()).strip_prefix("抄送"))
        .is_some_and(|rest| rest.starts_with(['：', ':']));
    copied_to || is_printed_on(line)
}

/// Whether `line` is a 版记's line saying when (and by whom) the document was printed:
/// `某市人民政府办公室 2011年2月15日印发`, `二○一一年二月十五日印发`.
pub(crate) fn is_printed_on(line: &str) -> bool {
    static PRINTED_ON: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*印[发發]$",
        )
        .unwrap()
    });
    line.chars().count() <= 40 && PRINTED_ON.is_match(line.trim())
}

/// Which of `lines` sign a document off: one to three lines each an agency's name (two for
/// a joint document), over a 成文日期 on a line of its own, at the text's end or over what
/// follows a signature (附注, 抄送, 附件, the plan's title). Blank lines are passed over.
/// Such lines are no more of the paragraph above them, however it ends.
pub(crate) fn signing_off(lines: &[&str]) -> Vec<bool> {
    let shown = |l: &str| crate::ingest::text::strip_markup(l.trim().trim_start_matches('#'));
    let filled: Vec<(usize, String)> = (lines.iter().enumerate())
        .map(|(i, l)| (i, shown(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut signs = vec![false; lines.len()];
    for (k, (at, text)) in filled.iter().enumerate() {
        if !is_date_line(text) {
            continue;
        }
        let after_a_signature = filled.get(k + 1).is_none_or(|(_, next)| {
            is_annotation(next)
                || ["抄送", "印发", "附件"].iter().any(|w| next.starts_with(w))
                || super::names_a_plan(next)
        });
        let agencies = filled[..k]
            .iter()
            .rev()
            .take(3)
            .take_while(|(_, l)| is_agency(&tidy_spacing(l)))
            .count();
        if agencies == 0 || !after_a_signature {
            continue;
        }
        signs[*at] = true;
        for (i, _) in &filled[k - agencies..k] {
            signs[*i] = true;
        }
    }
    signs
}

/// Whether `text` is a 成文日期 on a line of its own, 年月日 written out (2019年2月20日, or
/// the month alone: 2021年2月).
pub(crate) fn is_date_line(text: &str) -> bool {
    let text = text.trim();
    DATE_LINE.is_match(text) || MONTH_LINE.is_match(text)
}

/// A 附注: a short line wholly in parentheses, nothing else on it — one note or a few side
/// by side ((联系人：…，联系电话：…)(此件公开发布)).
pub(crate) fn is_annotation(text: &str) -> bool {
    let text = text.trim();
    let mut notes = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(inside) = rest.strip_prefix(['（', '(']) else {
            return false;
        };
        let Some(close) = inside.find(['）', ')']) else {
            return false;
        };
        let inner = &inside[..close];
        let fits = !inner.trim().is_empty()
            && inner.chars().count() <= 80
            && !inner.contains(['（', '(', '。']);
        if !fits {
            return false;
        }
        notes += 1;
        rest = inside[close..].trim_start_matches(['）', ')']).trim_start();
    }
    notes > 0
}

/// A line that can be a 署名: short, no sentence in it, not a heading.
fn is_signer(b: &Block) -> bool {
    b.heading == 0 && !b.text.contains(['。', '，']) && b.text.chars().count() <= 40
}

/// Agencies issuing jointly, written side by side on one line (`中共某县委办公室　某县人民政府
/// 办公室`, a 版头's or a 署名's), each a name of its own: their names, a trailing 文件 left
/// out. `None` for one agency's name, however spaced (`县 人 民 政 府`).
fn agencies_side_by_side(text: &str) -> Option<Vec<String>> {
    let mut names: Vec<&str> = text.split_whitespace().collect();
    if names.last() == Some(&"文件") {
        names.pop();
    }
    // Each a whole name (县委办公室 at least, or a ministry's: 公安部): 嘉定区 发展和改革委员会
    // is one agency's.
    let each_a_body = names.iter().all(|n| {
        let name = issuer_name_of_one(n);
        let length = name.chars().count();
        let ministry = length >= 3 && name.ends_with(['部', '局', '院', '厅', '署']);
        (length >= 5 || ministry) && is_one_agency(&name)
    });
    (names.len() >= 2 && each_a_body).then(|| names.iter().map(|n| issuer_name_of_one(n)).collect())
}

/// A title as printed: spaces tidied, but agencies issuing it jointly, written side by side
/// before its 关于, keep one full-width space between them.
fn tidy_title(text: &str) -> String {
    let text = without_number_after(text.trim());
    // 《…关于印发〈…〉的通知》 from a web page: the title without the marks, what they
    // enclosed in 《》 again.
    let inner = without_outer_marks(text);
    if inner.len() < text.len() && is_notice_title(inner) {
        return tidy_title(&inner.replace('〈', "《").replace('〉', "》"));
    }
    if let Some(before) = issuer_words(text)
        && let Some(names) = agencies_side_by_side(&before)
    {
        return format!(
            "{}{}",
            names.join("　"),
            tidy_spacing(&text[before.len()..])
        );
    }
    tidy_spacing(text)
}

/// `上海市嘉定区发展和改革委员会(通知)` / `…文件` → `上海市嘉定区发展和改革委员会`; agencies
/// issuing jointly side by side → one a line, the leading one first.
pub(crate) fn issuer_name(text: &str) -> String {
    match agencies_side_by_side(text) {
        Some(names) => names.join("\n"),
        None => issuer_name_of_one(text),
    }
}

/// [`issuer_name`] of one agency.
fn issuer_name_of_one(text: &str) -> String {
    // A web page's list bullet before the 版头 (•   青岛市人民政府) is none of the name.
    let text = super::without_bullet(text);
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
fn attachment_name(
    text: &str,
    at: crate::base::diag::Location,
    said: &mut Vec<Diagnostic>,
) -> String {
    // Its number in the list (1. / 2、), not digits of the name (2016年…).
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^\d{1,2}\s*[.．、]\s*").unwrap()
    });
    let text = text.trim();
    let text = NUMBER.find(text).map_or(text, |m| &text[m.end()..]);
    let text = text.trim_end_matches(['。', '；', ';']);
    let text = text.trim();
    let text = text
        .strip_prefix('《')
        .and_then(|t| t.strip_suffix('》'))
        .unwrap_or(text);
    // A download page's file name (…安排表.xls): the attachment is the document, not the file.
    let (text, file) = super::prose::without_file_extension(text);
    if !file.is_empty() {
        said.push(Diagnostic::note(
            "notice/attachment-file",
            at,
            format!("附件说明中的「{file}」是网页上附件文件的扩展名，不是附件名称的一部分：发布的附件说明不印它"),
        ));
    }
    tidy_spacing(text)
}

/// Splits a 主送 list at ，, and ；— not at 、, which binds a group of its own
/// (各县市区教育局、各直属学校) and is printed as written — outside parentheses.
fn split_list(text: &str) -> Vec<String> {
    crate::base::cjk::split_outside_parentheses(text, |c| matches!(c, '，' | ',' | '；' | ';'))
        .into_iter()
        .map(|(piece, _)| piece.trim())
        .filter(|s| !s.is_empty())
        // 各县区人民政府 （管委会）: a space a page or a Word file left inside a name is
        // closed, as in the body.
        .map(tidy_spacing)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_words_run_on_after_a_title_are_cut_off_it() {
        let (title, after) = without_page_words_after(
            "阿里地区行政公署关于印发《阿里地区生态保护分工方案》的通知美丽西藏建设规划纲要(2014-2030年)>"
                .to_string(),
        );
        assert_eq!(
            title,
            "阿里地区行政公署关于印发《阿里地区生态保护分工方案》的通知"
        );
        assert_eq!(after.as_deref(), Some("美丽西藏建设规划纲要(2014-2030年)>"));
        // A sentence after 通知 is no title's line.
        let sentence = "关于印发《方案》的通知，请各单位认真执行".to_string();
        assert_eq!(without_page_words_after(sentence.clone()), (sentence, None));
        let whole = "关于印发《方案》的通知".to_string();
        assert_eq!(without_page_words_after(whole.clone()), (whole, None));
    }

    #[test]
    fn every_body_of_a_kind_within_one_is_addressed() {
        assert!(is_recipients("机关各处(室):"));
        assert!(is_recipients("机关各处（室）、各直属单位："));
        assert!(!is_recipients("主要任务:"));
        assert!(!is_recipients("各项工作要求如下:"));
    }

    #[test]
    fn a_recipients_bracket_the_page_left_open_is_closed() {
        assert_eq!(
            recipients_of("各街道办事处,区政府各部门(单位"),
            "各街道办事处,区政府各部门(单位)"
        );
        assert_eq!(
            recipients_of("区政府各部门（单位）："),
            "区政府各部门（单位）"
        );
        // A bracket holding more than a kind's word is no name's lost close.
        assert_eq!(
            recipients_of("各有关单位（请于3月底前报送"),
            "各有关单位（请于3月底前报送"
        );
    }

    #[test]
    fn a_title_issuing_a_document_needs_no_guanyu_and_no_outer_marks() {
        assert!(is_notice_title(
            "中共某区委办公室 某区人民政府办公室印发《某区行动方案》的通知"
        ));
        assert!(is_notice_title(
            "《某县人民政府关于印发〈某县工作要点〉的通知》"
        ));
        // A sentence citing a notice is none; nor is a name without a document.
        assert!(!is_notice_title(
            "现将《某区行动方案》印发给你们，请认真执行的通知"
        ));
        assert!(!is_notice_title("某区人民政府办公室印发的通知"));
        assert_eq!(
            tidy_title("《某县人民政府关于印发〈某县工作要点〉的通知》"),
            "某县人民政府关于印发《某县工作要点》的通知"
        );
        assert_eq!(
            issuer_words("某区人民政府办公室印发《某区行动方案》的通知").as_deref(),
            Some("某区人民政府办公室")
        );
    }

    #[test]
    fn a_signature_is_its_agencies_over_a_date_at_the_end_or_over_what_follows_one() {
        let lines = [
            "责任单位：县农机中心（牵头），县各乡镇",
            "中共某县委办公室",
            "某县人民政府办公室",
            "",
            "2024年3月1日",
        ];
        assert_eq!(signing_off(&lines), [false, true, true, false, true]);
        // A unit over a deadline inside the text signs nothing off.
        let lines = ["县农业农村局", "2024年3月1日", "2.维修农机具。"];
        assert_eq!(signing_off(&lines), [false, false, false]);
        let lines = ["某县人民政府", "2024年3月1日", "（此件公开发布）"];
        assert_eq!(signing_off(&lines), [true, true, false]);
    }

    #[test]
    fn an_annotation_is_one_note_in_brackets_or_several_side_by_side() {
        assert!(is_annotation("（此件公开发布）"));
        assert!(is_annotation(
            "(联系人:白某、巴某,联系电话:8812822,电子邮箱:ab@163.com)(此件公开发布)"
        ));
        assert!(!is_annotation("（此件公开发布）请认真执行"));
        assert!(!is_annotation("（一）加强领导"));
        assert!(!is_annotation("（加强领导。）"));
    }

    #[test]
    fn the_document_a_notice_issues_is_what_its_marks_enclose_only_whole() {
        assert_eq!(
            issued_plan("某县人民政府关于印发《2024年重点工作方案》的通知").as_deref(),
            Some("2024年重点工作方案")
        );
        // Marks quoting a document inside the plan's name do not enclose the plan.
        assert_eq!(
            issued_plan("某县人民政府关于印发2024年县《政府工作报告》重点任务分工方案的通知")
                .as_deref(),
            Some("2024年县《政府工作报告》重点任务分工方案")
        );
        assert_eq!(
            issued_plan("关于印发《〈政府工作报告〉重点任务分工方案》的通知").as_deref(),
            Some("《政府工作报告》重点任务分工方案")
        );
        // Read the same in either script, cut as written.
        assert_eq!(
            issued_plan("國務院辦公廳關於落實若干意見有關政策措施分工的通知").as_deref(),
            Some("落實若干意見有關政策措施分工")
        );
        assert_eq!(
            issued_plan("某县人民政府关于印发2024年重点工作安排的通知").as_deref(),
            Some("2024年重点工作安排")
        );
    }

    #[test]
    fn a_titles_issue_or_draft_mark_is_no_part_of_its_kind() {
        assert_eq!(
            without_issue_mark("某办关于督查情况的通报(2022年·第9期)"),
            "某办关于督查情况的通报"
        );
        assert_eq!(
            without_issue_mark("关于督查的通报（第12期）"),
            "关于督查的通报"
        );
        assert_eq!(
            without_issue_mark("关于…的通知（征求意见稿）"),
            "关于…的通知"
        );
        // Words in brackets that are the title's own stay.
        assert_eq!(
            without_issue_mark("关于加快发展的意见（2025—2027年）"),
            "关于加快发展的意见（2025—2027年）"
        );
        assert!(is_notice_title("某办关于督查情况的通报(2022年·第9期)"));
        assert!(!is_notice_title("关于加快发展的意见（2025—2027年）"));
        // A 文号 after the title, as web pages print it: read apart, no part of the title.
        let numbered = "广东省人民政府关于印发2021年重点任务分工方案的通知 (粤府〔2021〕22号)";
        assert!(is_notice_title(numbered));
        assert_eq!(
            tidy_title(numbered),
            "广东省人民政府关于印发2021年重点任务分工方案的通知"
        );
    }

    #[test]
    fn a_doc_number_that_lost_its_bracket_or_its_hao_is_told_from_a_whole_one() {
        assert_eq!(
            garbled_doc_number("南兴府办函〔202058").as_deref(),
            Some("南兴府办函〔2020〕58号")
        );
        assert_eq!(
            garbled_doc_number("嘉发改〔2025〕14").as_deref(),
            Some("嘉发改〔2025〕14号")
        );
        assert_eq!(garbled_doc_number("嘉发改〔2025〕14号"), None);
        assert_eq!(garbled_doc_number("2025年3月5日"), None);
        assert_eq!(garbled_doc_number("一、总体要求"), None);
    }

    #[test]
    fn a_web_pages_metadata_between_title_and_recipients_is_said() {
        let text = "某区人民政府办公室关于印发某区2026年重点工作安排的通知\n\
                    发布日期:2026-01-05 10:00 来源:区政府办公室 浏览次数:\n\
                    【字体:大 中 小】打印\n\
                    各街道办事处，区政府各部门：\n\
                    现将《某区2026年重点工作安排》印发给你们，请认真贯彻落实。\n";
        let doc = super::super::parse(text, "x.md");
        let notice = doc.notice.unwrap();
        assert_eq!(
            notice.title.as_deref(),
            Some("某区人民政府办公室关于印发某区2026年重点工作安排的通知")
        );
        assert_eq!(notice.recipients, ["各街道办事处", "区政府各部门"]);
        let unused: Vec<u32> = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == "source/unused")
            .filter_map(|d| d.location.line_no())
            .collect();
        assert_eq!(unused, [2, 3]);
    }

    /// A title under the 文号 broken over four lines, its first the issuer's name and 关于:
    /// one title, the issuer read from it, the 主送 under it.
    #[test]
    fn a_title_opening_with_its_issuer_over_four_lines() {
        let text = "石政办发〔2021〕5号\n\
                    县人民政府办公室关于\n\
                    对县《政府工作报告》确定的2021年\n\
                    重点工作及市《政府工作报告》涉及石湾的\n\
                    重点事项进行责任分解的通知\n\
                    各镇人民政府，县政府各部门：\n\
                    现将责任分解印发给你们，请认真贯彻落实。\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(
            notice.title.as_deref(),
            Some(
                "县人民政府办公室关于对县《政府工作报告》确定的2021年重点工作及市《政府工作报告》涉及石湾的重点事项进行责任分解的通知"
            )
        );
        assert_eq!(notice.issuer.as_deref(), Some("县人民政府办公室"));
        assert_eq!(notice.recipients, ["各镇人民政府", "县政府各部门"]);
        assert_eq!(notice.body.len(), 1);
    }

    /// Two issuers' names opening the title, the line broken inside the second name: the
    /// three lines are the title, the names a full-width space apart.
    #[test]
    fn a_title_whose_issuers_run_over_its_first_line_break() {
        let text = "    中共厦门市湖里区委办公室\n\
                    湖委办发〔2025〕13号\n\
                    \n\
                    中共厦门市湖里区委办公室 厦门市湖里区人\n\
                    民政府办公室关于印发《湖里区 2025 年基层\n\
                    治理工作要点》的通知\n\
                    各街道党工委、办事处，区直各部门：\n\
                    现将要点印发给你们，请认真抓好落实。\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(
            notice.title.as_deref(),
            Some(
                "中共厦门市湖里区委办公室　厦门市湖里区人民政府办公室关于印发《湖里区2025年基层治理工作要点》的通知"
            )
        );
        assert_eq!(notice.recipients, ["各街道党工委、办事处", "区直各部门"]);
        // 文件 centred to the right of the two names: its line between theirs.
        let text = "中共厦门市湖里区委办公室\n\
                    \u{20}                             文件\n\
                    厦门市湖里区人民政府办公室\n\
                    湖委办〔2025〕15号\n\
                    关于印发《湖里区2025年基层治理工作要点》的通知\n\
                    各街道党工委、办事处，区直各部门：\n\
                    现将要点印发给你们，请认真抓好落实。\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(
            notice.issuer.as_deref(),
            Some("中共厦门市湖里区委办公室\n厦门市湖里区人民政府办公室")
        );
        assert_eq!(
            notice.issuer_written.as_deref(),
            Some("中共厦门市湖里区委办公室\n厦门市湖里区人民政府办公室\n文件")
        );
    }

    /// The 成文日期 right under the 附件 list, no 署名 between: the date, not an attachment.
    #[test]
    fn a_date_under_the_attachment_list_is_the_date() {
        let text = "关于分解落实2023年区政府工作目标任务的通知\n\
                    各乡镇人民政府，区政府各部门：\n\
                    现将《2023年区政府工作目标任务落实责任分解表》印发给你们，请认真贯彻落实。\n\
                    附件：2023年区政府工作目标任务落实责任分解表\n\
                    2023年1月30日\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(
            notice.attachments,
            ["2023年区政府工作目标任务落实责任分解表"]
        );
        assert_eq!(notice.date.as_deref(), Some("2023年1月30日"));
    }

    /// What a reposting page sets around a notice's head: a labelled 文号 (发布文号:), bare
    /// labels over the 主送 (实施日期:), the date under the 文号, a site column (政府文件).
    #[test]
    fn a_pages_words_around_the_head_are_none_of_its_parts() {
        let text = "关于印发《某部实施方案》的通知\n\
                    发布文号:厅函[2019]8号\n\
                    实施日期:\n\
                    状       态: 现行\n\
                    机关各部门,各派出机构、直属单位:\n\
                    现将《某部实施方案》印发给你们,请认真抓好落实工作。\n\
                    某部办公厅\n\
                    附件:某部实施方案\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(notice.doc_number.as_deref(), Some("厅函〔2019〕8号"));
        assert_eq!(notice.recipients, ["机关各部门", "各派出机构、直属单位"]);
        let text = "关于印发《某市改善医疗服务实施方案》的通知\n\
                    沪卫计医管〔2015〕8号\n\
                    2015年4月3日\n\
                    各区县卫生计生委,各市级医疗机构:\n\
                    现将《某市改善医疗服务实施方案》印发给你们,请遵照执行。\n\
                    上海市卫生和计划生育委员会\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(notice.date.as_deref(), Some("2015年4月3日"));
        let text = "政府文件\n\
                    江西省应急管理厅关于印发江西省2023年应急管理工作要点的通知\n\
                    機關各部門:\n\
                    现将要点印发给你们,请认真贯彻执行。\n\
                    江西省应急管理厅\n\
                    2023年2月28日\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(notice.issuer.as_deref(), Some("江西省应急管理厅"));
        assert_eq!(notice.recipients, ["機關各部門"]);
    }

    /// A web page's information box gives the 文号 (with a space before 号, as sites set
    /// it) above a notice that has none of its own.
    #[test]
    fn a_doc_number_in_the_pages_information_box_is_the_notices() {
        let text = "• 发文序号:京兴政办发〔2023〕1 号\n\
                    • 成文日期:2023年3月3日\n\
                    关于印发《2023年区政府工作报告重点工作分工方案》的通知\n\
                    各镇人民政府,区政府各委、办、局:\n\
                    现将《2023年区政府工作报告重点工作分工方案》印发给你们。\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(notice.doc_number.as_deref(), Some("京兴政办发〔2023〕1号"));
    }

    /// A 文号 run on before the title with a dash, or a web page's label glued before it:
    /// neither is the title, nor the issuer the title names.
    #[test]
    fn a_number_or_a_label_before_the_title_is_no_part_of_it() {
        let text = "阳政办〔2019〕1号—区人民政府办公室关于印发2019年重点工作分解方案的通知
                    各街办事处,区人民政府各部门:
                    现将《2019年重点工作分解方案》印发给你们。
";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        assert_eq!(
            notice.title.as_deref(),
            Some("区人民政府办公室关于印发2019年重点工作分解方案的通知")
        );
        assert_eq!(notice.doc_number.as_deref(), Some("阳政办〔2019〕1号"));
        assert_eq!(notice.issuer.as_deref(), Some("区人民政府办公室"));
        let text =
            "【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知
                    各县、市、区人民政府,市政府各部门:
                    现将2020年市政府重点工作及责任分解印发给你们。
";
        let doc = super::super::parse(text, "x.md");
        let notice = doc.notice.unwrap();
        assert_eq!(notice.issuer.as_deref(), Some("滁州市人民政府"));
        assert!(notice.title.unwrap().starts_with("滁州市人民政府关于"));
        let said: Vec<&str> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert!(
            said.iter()
                .any(|m| m.contains("「【市政府重点工作及责任分解】」")),
            "{said:?}"
        );
    }

    #[test]
    fn a_notice_in_traditional_characters_is_read_as_one() {
        let text = "東府〔2021〕54號\n東莞市人民政府關於促進就業的實施意見\n各鎮人民政府，市府直屬各單位：\n為穩定就業，提出如下意見：\n一、穩定崗位\n";
        let notice = super::super::parse(text, "x.md").notice.unwrap();
        // Its 號 stays 號, as its 府 and 東 stay: no number in two scripts.
        assert_eq!(notice.doc_number.as_deref(), Some("東府〔2021〕54號"));
        assert_eq!(
            notice.title.as_deref(),
            Some("東莞市人民政府關於促進就業的實施意見")
        );
        assert_eq!(notice.issuer.as_deref(), Some("東莞市人民政府"));
    }

    #[test]
    fn a_date_that_lost_its_year_month_and_day_is_read_when_one_date_fits() {
        let date = |t: &str| date_of(t);
        assert_eq!(date("2025年3月5日"), Some(("2025年3月5日".into(), false)));
        assert_eq!(date("2022-05-10"), Some(("2022年5月10日".into(), true)));
        assert_eq!(date("2022.5.10"), Some(("2022年5月10日".into(), true)));
        assert_eq!(date("2022510"), Some(("2022年5月10日".into(), true)));
        assert_eq!(date("20221231"), Some(("2022年12月31日".into(), true)));
        // 2022 1 11 or 2022 11 1: no telling.
        assert_eq!(date("2022111"), None);
        assert_eq!(date("12355"), None);
        assert_eq!(date("2022-13-01"), None);
        assert_eq!(date("2022-02-31"), None);
        // Lost its 年月日 and reads two ways: a date's line all the same, said as unreadable.
        assert!(is_garbled_date("2019116"));
        assert!(is_garbled_date("2022121日"));
        assert!(!is_garbled_date("12355"));
        assert!(!is_garbled_date("3000116"));
    }

    #[test]
    fn an_attachments_number_is_taken_off_not_its_year() {
        let mut said = Vec::new();
        let mut name = |text: &str| {
            let at = crate::base::diag::Location::line("a.md", 3);
            attachment_name(text, at, &mut said)
        };
        assert_eq!(name("1. 《某区工作方案》"), "某区工作方案");
        assert_eq!(
            name("2016年民生实事目标任务分解表"),
            "2016年民生实事目标任务分解表"
        );
        assert_eq!(name("2、2025年任务清单。"), "2025年任务清单");
        // A download page's file name: the extension is taken off, and said.
        assert_eq!(
            name("松阳县2025年重点项目计划安排表.xls"),
            "松阳县2025年重点项目计划安排表"
        );
        assert_eq!(said.len(), 1);
    }
}
