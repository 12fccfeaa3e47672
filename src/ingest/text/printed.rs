//! Text read back from printed pages — a scan's OCR, a PDF's text layer — carries the page
//! with it: page numbers (`— 2 —`) and a running head (the 文号 again) between pages, lines
//! broken where the page ran out, a table whose cells are set apart by single spaces, and
//! characters set apart by spaces (`县 水 利 局`) or a letter read for a digit (`2O25`).
//! Each is put back as the document wrote it, and said; nothing is dropped without a word.
//!
//! Lines keep their numbers: a line joined onto the one above is left empty, as is a page's
//! number or head.

use std::sync::LazyLock;

use regex::Regex;

use super::Places;
use crate::base::cjk::{ascii_digits, ends_sentence};
use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::{Column, HeaderMap};

/// `lines` as the document wrote them, each change said in `diagnostics`.
pub(super) fn restore(lines: &mut [String], places: Places<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let furniture = drop_page_furniture(lines, places, diagnostics);
    drop_heads_inside(lines, places, diagnostics);
    let joined = join_wrapped_lines(lines, &furniture, places, diagnostics);
    join_open_brackets(lines, places, diagnostics);
    join_assignments_below(lines, places, diagnostics);
    split_space_set_tables(lines);
    // Letters set apart on purpose (索 引 号, a header's 工 作 任 务) are a web page's or a
    // table's style: spaces are closed only in a text shown to come from printed pages.
    let printed = joined || furniture.iter().any(|f| *f);
    close_spaced_characters(lines, printed, places, diagnostics);
    say_run_together_paragraphs(lines, places, diagnostics);
}

/// A line that holds a document's parts run together (a PDF's text flattened to one line by
/// a file-sharing site: …工作计划。 一、总体要求 … 二、年度任务 …): its headings cannot be
/// told from its sentences, so what is read from it is likely wrong. Said with the headings
/// it holds; the text is left as it is.
fn say_run_together_paragraphs(
    lines: &[String],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    static INSIDE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[。；\s]((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^，。；\s]{2,12})")
            .unwrap()
    });
    for (i, line) in lines.iter().enumerate() {
        let found: Vec<(bool, &str)> = (INSIDE.captures_iter(line))
            .filter_map(|c| {
                let spaced = c.get(0)?.as_str().starts_with(char::is_whitespace);
                Some((spaced, c.get(1)?.as_str()))
            })
            .collect();
        // A shorter line holds parts run together when a space stands where each line
        // broke (…分解如下。 一、抓好项目建设 (一)交通建设。): a paragraph's own list runs
        // on after its ；.
        let spaced = found.iter().filter(|(spaced, _)| *spaced).count() >= 2;
        if found.len() < 2 || (line.chars().count() < 300 && !spaced) {
            continue;
        }
        let headings: Vec<&str> = found.iter().map(|(_, h)| *h).collect();
        let shown: Vec<String> = headings
            .iter()
            .take(4)
            .map(|h| format!("「{h}」"))
            .collect();
        diagnostics.push(
            Diagnostic::warning(
                "text/run-together",
                places.at(i as u32 + 1),
                format!(
                    "这一{}有 {} 字，中间夹着 {} 个标题（{}）：原文的段落被连成了一{}，各标题和任务分不开，读出的任务可能不对",
                    places.unit(),
                    line.chars().count(),
                    headings.len(),
                    shown.join(""),
                    places.unit()
                ),
            )
            .with_hint("请从原文重新复制，使每个标题、每项任务各占一段"),
        );
    }
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(
        // Dashes may stand apart: — — — 3 —.
        r"^(?:(?:[—－\-–━─~～]\s*){1,3}\d{1,4}\s*(?:[—－\-–━─~～]\s*){1,3}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)$",
    )
    .unwrap()
});

/// Whether a line is a page's number as printed: `— 2 —`, `-3-`, `— — — 3 —`, `第 2 页 共 9 页`.
pub(crate) fn is_page_number(line: &str) -> bool {
    PAGE_NUMBER.is_match(&ascii_digits(line.trim()))
}

/// Whether a line is figures and dashes only (`3`, `- 12`, `— — — 3 —`): what is left of a
/// page number [`is_page_number`] does not know by its shape. Not page furniture by itself
/// (a bare figure may be a table's cell), but nothing a paragraph runs on through either.
pub(crate) fn is_figures_only(line: &str) -> bool {
    line.chars().any(|c| c.is_ascii_digit())
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "—–-－_·".contains(c))
}

/// Empties the page numbers and the running heads after them (a line under a page number
/// that repeats a short line seen before it, as the 文号 does); says them in one note.
/// Returns which lines were page furniture.
fn drop_page_furniture(
    lines: &mut [String],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<bool> {
    let mut furniture = vec![false; lines.len()];
    let bare = bare_page_numbers(lines);
    // The first line after each page's number: where a running head stands.
    let heads: Vec<String> = (0..lines.len())
        .filter(|&i| is_page_number(&lines[i]) || bare.contains(&i))
        .filter_map(|i| (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()))
        .map(|j| lines[j].trim().to_string())
        .collect();
    for i in 0..lines.len() {
        // A browser's print header or footer on every page (2023/3/21 15:39  关于印发…的通知,
        // https://… 2/5): the page's, where it stands twice.
        if is_print_margin(&lines[i]) {
            let twice = (lines.iter().enumerate())
                .any(|(j, l)| j != i && without_page_count(l) == without_page_count(&lines[i]));
            furniture[i] = twice;
            continue;
        }
        if !is_page_number(&lines[i]) && !bare.contains(&i) {
            continue;
        }
        furniture[i] = true;
        let Some(next) = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()) else {
            continue;
        };
        let head = lines[next].trim();
        let seen = || lines[..i].iter().any(|l| l.trim() == head);
        // A head over every page (the plan's title) is one over the first of them too.
        let over_pages = || heads.iter().filter(|h| h.as_str() == head).count() >= 2;
        // An attachment's label at its page's top (附件, 附件2) marks it, printed so.
        let label = super::prose::is_attachment_label(head);
        // A line that ends mid-list (区人民武装部、: a cell's line the page cut) goes on: a
        // head is a title, whatever line above it matches.
        let goes_on = head.ends_with(['、', '，', ',', '；', ';']);
        let head_like = head.chars().count() <= 40 && !is_page_number(head) && !label && !goes_on;
        if head_like && (seen() || over_pages()) {
            furniture[next] = true;
        }
    }
    // The head over every page stands over the first as well, above its 版头.
    if let Some(top) = lines.iter().position(|l| !l.trim().is_empty())
        && heads
            .iter()
            .filter(|h| h.as_str() == lines[top].trim())
            .count()
            >= 2
    {
        furniture[top] = true;
    }
    let dropped: Vec<usize> = (0..lines.len()).filter(|&i| furniture[i]).collect();
    let Some(&first) = dropped.first() else {
        return furniture;
    };
    let mut words: Vec<String> = Vec::new();
    for &i in &dropped {
        let quoted = format!("「{}」", lines[i].trim());
        if !words.contains(&quoted) {
            words.push(quoted);
        }
        lines[i].clear();
    }
    let at: Vec<String> = dropped.iter().map(|i| (i + 1).to_string()).collect();
    diagnostics.push(
        Diagnostic::note(
            "source/page-furniture",
            places.at(first as u32 + 1),
            format!(
                "第 {} {}是印在页面上的页码或页眉，未读入：{}",
                at.join("、"),
                places.unit(),
                words.join("")
            ),
        )
        .with_hint("这些是扫描或转换时带出的版面文字，不属于正文；如有误，请删去页码行后重试"),
    );
    furniture
}

/// The lines that are a page's number with no dashes (`                4`, as `pdftotext
/// -layout` centres a page's footer): a figure alone, set well in from the margin, with
/// a blank line, a page's start or the text's end on each side — and the document's such
/// figures counting up as pages do. A figure a table's cell holds stands among its rows.
fn bare_page_numbers(lines: &[String]) -> Vec<usize> {
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty() || l.starts_with(super::PAGE_BREAK))
    };
    let found: Vec<(usize, u32)> = (0..lines.len())
        .filter_map(|i| {
            let line = lines[i].trim_start_matches(super::PAGE_BREAK);
            let indent = line.len() - line.trim_start().len();
            let figure = line.trim();
            let alone = indent >= 8
                && (1..=3).contains(&figure.len())
                && figure.chars().all(|c| c.is_ascii_digit())
                && blank(i.checked_sub(1))
                && blank(Some(i + 1));
            alone.then(|| Some((i, figure.parse().ok()?))).flatten()
        })
        .collect();
    let counting = found.len() >= 2 && found.windows(2).all(|w| w[0].1 < w[1].1);
    match counting {
        true => found.into_iter().map(|(i, _)| i).collect(),
        false => Vec::new(),
    }
}

/// A line a browser prints in a page's margin: the time of printing and the page's title,
/// or the page's address and its count (https://… 2/5).
fn is_print_margin(line: &str) -> bool {
    static MARGIN: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"^(?:\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}(?:\s.*)?|https?://\S+(?:\s+\d{1,3}/\d{1,3})?)$",
        )
        .unwrap()
    });
    MARGIN.is_match(line.trim())
}

/// A margin's line without the page's count at its end (https://… 2/5 → https://…).
fn without_page_count(line: &str) -> &str {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"\s+\d{1,3}/\d{1,3}$").unwrap()
    });
    let line = line.trim();
    COUNT
        .find(line)
        .map_or(line, |count| &line[..count.start()])
}

/// A 版头 and 文号 inside a sentence (`…对有明确时间节点的重许昌市人民政府文件许政〔2020〕21号大工作…`):
/// a page's running head that a PDF's text put where the page turned. Taken out, the
/// sentence closed up, and said with its place. The head is the issuing body's name (…人民
/// 政府, …办公室 …) up to 文件, starting at the character its 文号 starts with (许政 ← 许昌市).
fn drop_heads_inside(lines: &mut [String], places: Places<'_>, diagnostics: &mut Vec<Diagnostic>) {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"(?:人民政府|办公室|办公厅|委员会|政府|委|局|厅)文件\s*(\p{Han}{1,8})\s*[〔\[［（(]\s*\d{4}\s*[〕\]］）)]\s*\d{1,4}\s*号",
        )
        .unwrap()
    });
    for (i, line) in lines.iter_mut().enumerate() {
        let Some(found) = HEAD.captures(line) else {
            continue;
        };
        let (Some(whole), Some(code)) = (found.get(0), found.get(1)) else {
            continue;
        };
        let Some(first) = code.as_str().chars().next() else {
            continue;
        };
        // The head's start: the nearest 文号's first character before it, a name's length.
        let before = &line[..whole.start()];
        let Some(start) = before
            .char_indices()
            .rev()
            .take(20)
            .find(|(_, c)| *c == first)
            .map(|(at, _)| at)
        else {
            continue;
        };
        let inside = line[..start]
            .trim()
            .chars()
            .last()
            .is_some_and(crate::base::cjk::is_han)
            && line[whole.end()..]
                .trim()
                .chars()
                .next()
                .is_some_and(crate::base::cjk::is_han);
        if !inside {
            continue;
        }
        let head = line[start..whole.end()].to_string();
        line.replace_range(start..whole.end(), "");
        diagnostics.push(Diagnostic::note(
            "source/page-furniture",
            places.at(i as u32 + 1),
            format!(
                "这一{}中间夹着另一页的版头和文号「{head}」（转换文字时带出的页眉），未读入，前后文字已接上",
                places.unit()
            ),
        ));
    }
}

/// The display width of a line: a Chinese character or full-width form is two.
fn width(line: &str) -> usize {
    super::Measure::Display.of(line)
}

/// Whether `line` opens a paragraph, a heading, an item or a row of its own: indented, or
/// led by a number or marker — never the rest of the line above.
fn opens_a_block(line: &str) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,3}\s*(?:[.．、，,\s]|$)|[①-⑳]|第[一二三四五六七八九十\d]{1,3}[部章条节]|附件|[#>|*\-•])",
        )
        .unwrap()
    });
    // A figure and its measure word closing a clause (300 辆。, 25 个，) is a sentence's
    // quantity going on from the line above, never an item's number (5 家庭医生… may be).
    static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^\d{1,6}(?:\.\d+)?\s*(?:万|亿|千|余)?\s*(?:个|辆|家|人|户|所|座|处|条|项|部|场|次|名|公里|千米|米|亩|张|台|套|间|栋|吨|元|件|份|批|支|%|％)(?:以上|以内|左右)?(?:[。，、；;,)）]|$)").unwrap()
    });
    let indented = line.starts_with('\u{3000}') || line.starts_with("  ");
    let trimmed = ascii_digits(line.trim());
    if !indented && QUANTITY.is_match(&trimmed) {
        return false;
    }
    // A table's column name alone (序号, 任务内容: a table taken out a cell a line) opens
    // the table, never the rest of its title.
    let column_name = trimmed.chars().count() <= 8 && Column::from_header(&trimmed).is_some();
    indented || MARKER.is_match(&trimmed) || line.contains('\t') || column_name
}

/// Whether `text`, joined so far, is a notice's title whole (…关于印发《…》的通知): the
/// line under it (the 主送) goes on with no title, however wide the title's last line is.
fn a_whole_title(text: &str) -> bool {
    let text = text.trim();
    !text.contains(['。', '，', '：', ':'])
        && text.matches('《').count() == text.matches('》').count()
        && super::notice::is_notice_title(text)
}

/// Whether `line` reaches to the page's `full` width as a paragraph's line does: one set
/// far in (a narrow cell's last line, a 署名) fills no page however far it reaches — a
/// paragraph's lines start at its left edge or one indent in.
fn fills_the_page(line: &str, full: usize) -> bool {
    let indent = width(line) - width(line.trim_start());
    width(line.trim_end()) >= full * 85 / 100 && indent <= full / 5
}

/// Joins each line broken where the page ran out onto the line it continues, when the text
/// shows it was wrapped at a page width: lines that fill the width and stop mid-sentence,
/// in a text whose paragraphs are marked by indents or page numbers. One note says how many.
/// Whether any were joined.
fn join_wrapped_lines(
    lines: &mut [String],
    furniture: &[bool],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some(full) = full_width(lines) else {
        return false;
    };
    let next_line = |lines: &[String], i: usize| next_over_pages(lines, furniture, i);
    let indented = lines
        .iter()
        .filter(|l| l.starts_with('\u{3000}') || l.starts_with("  "))
        .count();
    // Where paragraphs open indented, a line that fills the page and is not followed by an
    // indent goes on even after a full stop; otherwise only a sentence cut off does.
    let wraps = |piece: &str, next: &str, by_indent: bool| {
        !piece.trim().is_empty()
            && !piece.contains(['\t', '|'])
            && !set_to_columns(piece)
            && !set_to_columns(next)
            && fills_the_page(piece, full)
            && !opens_a_block(next)
            // A page's box (索引号：… / 标题：… / 发文字号：…) is set a field a line.
            && !super::is_page_line(next)
            && !super::is_page_line(piece)
            && (by_indent || !ends_sentence(piece))
    };
    let cut: Vec<usize> = (0..lines.len())
        .filter(|&i| next_line(lines, i).is_some_and(|j| wraps(&lines[i], &lines[j], false)))
        .map(|i| width(lines[i].trim_end()))
        .collect();
    let paged = furniture.iter().any(|f| *f);
    if cut.len() < 2 || (indented < 2 && !paged) {
        return false;
    }
    // A Word file's paragraphs are its writer's, short ones too (a title over its 主送):
    // lines only where a PDF turned into Word set a page's lines a paragraph each, as
    // several cut mid-sentence at one width show.
    let at_one_width = |w: usize| cut.iter().filter(|c| c.abs_diff(w) <= 2).count();
    if places.are_paragraphs() && cut.iter().all(|&w| at_one_width(w) < 3) {
        return false;
    }
    let by_indent = indented >= 2;
    let mut joined = 0;
    let mut first = None;
    for i in 0..lines.len() {
        // The joined text goes on while its last line, as printed, does.
        let mut piece = lines[i].clone();
        let mut at = i;
        while let Some(next) = next_line(lines, at)
            && wraps(&piece, &lines[next], by_indent)
            && !a_whole_title(&lines[i])
        {
            piece = std::mem::take(&mut lines[next]);
            let tail = piece.trim();
            // Words of Latin letters wrapped apart keep a space; a number's digits (《20 /
            // 22年) do not.
            if lines[i].ends_with(|c: char| c.is_ascii_alphabetic())
                && tail.starts_with(|c: char| c.is_ascii_alphabetic())
            {
                lines[i].push(' ');
            }
            lines[i].push_str(tail);
            first.get_or_insert(i);
            joined += 1;
            at = next;
        }
    }
    if let Some(first) = first {
        diagnostics.push(Diagnostic::note(
            "source/rewrapped",
            places.at(first as u32 + 1),
            format!(
                "原文按页面宽度折行（扫描或转换而来）：已把 {joined} 处折断的行接回所在的段落或表格行"
            ),
        ));
    }
    joined > 0
}

/// The next line with words after line `i`, past page furniture and the blank lines around
/// it (a page's number set apart: … / (blank) / — 1 — / (blank) / …): a paragraph goes on
/// over a page. A blank line alone ends it: none.
fn next_over_pages(lines: &[String], furniture: &[bool], i: usize) -> Option<usize> {
    let (mut blank, mut paged) = (false, false);
    for j in i + 1..lines.len() {
        if furniture[j] {
            paged = true;
        } else if lines[j].trim().is_empty() {
            blank = true;
        } else {
            return (!blank || paged).then_some(j);
        }
    }
    None
}

/// A line ending inside brackets it opened (…达到100%。（牵头单位: / — 2 — / 区卫生健康局;
/// 配合单位:各街道办事处）): the page or the line turned inside them; the line that closes
/// them, past blank lines and the page's furniture, is joined to it. Said once.
/// A task's bracketed assignment that the page's width pushed onto a line of its own
/// (`3．推进…新增睦邻点40个。` / `（牵头单位：区农业农村委；配合单位：…）`): no paragraph
/// opens so, so it goes back onto the line above it, which ends a sentence of the task's.
fn join_assignments_below(
    lines: &mut [String],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^[（(]\s*(?:牵头单位|责任单位|牵头部门|责任部门|主责单位)\s*[：:]").unwrap()
    });
    let mut joined = Vec::new();
    for i in 1..lines.len() {
        let line = lines[i].trim();
        let above = lines[i - 1].trim_end();
        let after_task = above.ends_with(['。', '；', ';']) && !above.trim().is_empty();
        if !ASSIGNMENT.is_match(line) || !after_task || above.contains(['\t', '|']) {
            continue;
        }
        let tail = line.to_string();
        lines[i - 1] = format!("{above}{tail}");
        lines[i].clear();
        joined.push(i + 1);
    }
    let what = "是上一{unit}任务的责任单位括注（转换时被挤到下一行）：已接回该任务";
    diagnostics.extend(lines_joined_said(&joined, places, what));
}

/// Says which lines (`joined`, 1-based) had the next joined onto them, and why: `what`, its
/// `{unit}` the kind of place (行, 段).
fn lines_joined_said(joined: &[usize], places: Places<'_>, what: &str) -> Option<Diagnostic> {
    let first = *joined.first()?;
    let at: Vec<String> = joined.iter().map(|n| n.to_string()).collect();
    Some(Diagnostic::note(
        "source/rewrapped",
        places.at(first as u32),
        format!(
            "第 {} {}{}",
            at.join("、"),
            places.unit(),
            what.replace("{unit}", places.unit())
        ),
    ))
}

fn join_open_brackets(lines: &mut [String], places: Places<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let unclosed = |l: &str| l.matches(['（', '(']).count() > l.matches(['）', ')']).count();
    let mut joined = Vec::new();
    for i in 0..lines.len() {
        let line = lines[i].trim_end();
        // A table's row is no sentence: a cell's bracket goes on in its cell, which the
        // table's reader joins (各镇(街 / 道)).
        let a_row = line.contains(['\t', '|']) || super::split_cells(line).is_some();
        if line.is_empty() || a_row || !unclosed(line) {
            continue;
        }
        let Some(next) = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()) else {
            continue;
        };
        let tail = lines[next].trim().to_string();
        let closes = tail.matches(['）', ')']).count() > tail.matches(['（', '(']).count();
        if !closes || opens_a_block(&tail) || next - i > 4 {
            continue;
        }
        lines[i] = format!("{line}{tail}");
        lines[next].clear();
        joined.push(i + 1);
    }
    let what = "的括号到下一行才闭合（换页或折行断开）：已把下一行接回";
    diagnostics.extend(lines_joined_said(&joined, places, what));
}

/// The width a page's lines are wrapped at: the 90th percentile of the lines' widths, when
/// that is a page's (at most about 60 Chinese characters) — a text whose paragraphs are one
/// line each has far longer lines.
/// Whether a line is a table's row set to columns by spaces (`pdftotext -layout`): no line
/// of the page's text, its width saying nothing of where prose wraps.
fn set_to_columns(line: &str) -> bool {
    line.trim().contains("  ")
}

fn full_width(lines: &[String]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty() && !l.contains(['\t', '|']) && !set_to_columns(l))
        // Nor does a line set far in: a title centred, a cell's piece under its column.
        .filter(|l| l.len() - l.trim_start_matches(' ').len() < 10)
        .map(|l| width(l.trim_end()))
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    let full = widths[widths.len() * 9 / 10];
    (24..=120).contains(&full).then_some(full)
}

/// The cells of a line set apart by single spaces (or any run of them).
fn space_set_cells(line: &str) -> Vec<&str> {
    line.split([' ', '\u{3000}'])
        .filter(|c| !c.is_empty())
        .collect()
}

/// Whether `line` is a table's header set as text with single spaces between its cells:
/// every word a column's name (序号 工作任务 责任单位 完成时限). Its cells if so.
pub(crate) fn space_set_header(line: &str) -> Option<Vec<&str>> {
    let cells = space_set_cells(line);
    // A column no kind names (一季度完成情况) is an extra one: a short name ending as a
    // column's title does, no sentence (以及其他 is none).
    const TITLE_ENDS: &[&str] = &[
        "情况", "进展", "进度", "备注", "说明", "要求", "目标", "指标", "分值", "类型", "状态",
        "成效", "措施", "计划", "安排", "依据", "来源", "级别", "结果", "问题",
    ];
    let short_name = |c: &&str| {
        c.chars().count() <= 10
            && c.chars().all(crate::base::cjk::is_han)
            && TITLE_ENDS.iter().any(|e| c.ends_with(e))
    };
    let named = cells.len() >= 3
        && !line.contains('\t')
        && cells
            .iter()
            .filter(|c| Column::from_header(c).is_some())
            .count()
            >= 3
        && cells
            .iter()
            .all(|c| Column::from_header(c).is_some() || short_name(c))
        && HeaderMap::detect(&cells).is_some();
    named.then_some(cells)
}

/// A space-set row's cells with a name padded to three characters' width (路 军, 屈 磊: two
/// single characters) taken as one cell, when the row has more cells than the header's
/// `count` and so it has as many.
fn padded_names_joined(cells: Vec<String>, count: usize) -> Vec<String> {
    let single = |c: &str| c.chars().count() == 1 && c.chars().all(crate::base::cjk::is_han);
    if cells.len() <= count {
        return cells;
    }
    let mut out: Vec<String> = Vec::with_capacity(cells.len());
    let mut i = 0;
    while i < cells.len() {
        if i + 1 < cells.len() && single(&cells[i]) && single(&cells[i + 1]) {
            out.push(format!("{} {}", cells[i], cells[i + 1]));
            i += 2;
        } else {
            out.push(cells[i].clone());
            i += 1;
        }
    }
    if out.len() == count { out } else { cells }
}

/// A table set as text with single spaces between its cells: a [`space_set_header`] and
/// under it rows led by their number, a cell broken over lines going on on the next line
/// (not numbered, not indented: the rest of the row). When every row, put back together,
/// has as many words as the header has columns, the cells are set apart by tabs, as a
/// table pasted from a spreadsheet is. When one has more or fewer — a cell holding a space,
/// or left empty — no row can be told apart for sure, and the table is left as it is, to be
/// said where it is read. A table set to its columns is left to be read by them.
fn split_space_set_tables(lines: &mut [String]) {
    let mut i = 0;
    while i < lines.len() {
        let Some(count) = space_set_header(&lines[i]).map(|h| h.len()) else {
            i += 1;
            continue;
        };
        let (rows, end) = space_set_rows(lines, i + 1);
        // A table set to its columns (a PDF's text) is read by where its cells stand, its
        // wrapped cells' lines under their columns: not run together here.
        // (Past the lines a header set over several was read from, emptied.)
        let block: Vec<&str> = (lines[i + 1..].iter())
            .map(String::as_str)
            .skip_while(|l| l.is_empty())
            .take_while(|l| !l.trim().is_empty())
            .collect();
        if super::column_starts(&lines[i], &block).is_some() {
            i = end;
            continue;
        }
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                let whole: String = row.iter().map(|&r| lines[r].trim()).collect();
                let cells = space_set_cells(&whole)
                    .iter()
                    .map(|c| c.to_string())
                    .collect();
                padded_names_joined(cells, count)
            })
            .collect();
        if !rows.is_empty() && cells.iter().all(|c| c.len() == count) {
            lines[i] = space_set_cells(&lines[i]).join("\t");
            for (row, cells) in rows.iter().zip(cells) {
                for &r in &row[1..] {
                    lines[r].clear();
                }
                lines[row[0]] = cells.join("\t");
            }
        }
        i = end;
    }
}

/// The rows under a space-set header from line `from`: each the lines it is written on
/// (its numbered line, then the lines its cells go on on). Returns where the table ends.
fn space_set_rows(lines: &[String], from: usize) -> (Vec<Vec<usize>>, usize) {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut j = from;
    while j < lines.len() {
        let line = &lines[j];
        if line.trim().is_empty() {
            j += 1;
            continue;
        }
        let numbered = space_set_cells(line)
            .first()
            .map(|c| ascii_digits(c))
            .is_some_and(|c| {
                super::parse_task_number(&c).is_some() || super::is_written_task_number(&c)
            });
        match rows.last_mut() {
            _ if line.contains('\t') => break,
            _ if numbered => rows.push(vec![j]),
            Some(row) if !opens_a_block(line) => row.push(j),
            _ => break,
        }
        j += 1;
    }
    (rows, j)
}

static SPACED_HAN: LazyLock<Regex> = LazyLock::new(|| {
    // Three or more characters each set apart by one space: 县 水 利 局.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"\p{Han}(?:[ \u{3000}]\p{Han}){2,}").unwrap()
});

/// Closes the spaces OCR sets between the characters of a word (`县 水 利 局` → `县水利局`)
/// in a `printed` text, and reads a letter O between digits as the zero it is (`2O25`),
/// (a tab row's spaces kept); one note lists what changed. A label's letters (索 引 号：) stay
/// apart.
fn close_spaced_characters(
    lines: &mut [String],
    printed: bool,
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut changed: Vec<(usize, String)> = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        // A tab row's cells keep their spaces; its misread characters are mended as any.
        let row = line.contains('\t');
        let mut out = line.clone();
        let runs = SPACED_HAN.find_iter(line).filter(|_| printed && !row);
        for found in runs {
            if line[found.end()..].trim_start().starts_with(['：', ':']) {
                continue;
            }
            let run = found.as_str();
            let closed: String = run.chars().filter(|c| !c.is_whitespace()).collect();
            out = out.replacen(run, &closed, 1);
            changed.push((i, format!("「{run}」→「{closed}」")));
        }
        if let Some(mended) = one_read_as_dash(&out) {
            let numeral = |l: &str| -> String {
                let l = l.trim_start();
                let end = (l.char_indices())
                    .find(|(_, c)| matches!(c, '、' | '）' | ')'))
                    .map_or(0, |(at, c)| at + c.len_utf8());
                l[..end].to_string()
            };
            let (read, meant) = (numeral(&out), numeral(&mended));
            changed.push((i, format!("标题开头的「{read}」读作「{meant}」")));
            out = mended;
        }
        let digits = misread_figures(&out);
        if digits != out {
            for (read, meant) in runs_changed(&out, &digits) {
                changed.push((i, format!("「{read}」读作「{meant}」")));
            }
            out = digits;
        }
        *line = out;
    }
    let Some((first, _)) = changed.first() else {
        return;
    };
    let said: Vec<String> = changed
        .iter()
        .map(|(i, what)| format!("第 {} {}{what}", i + 1, places.unit()))
        .collect();
    diagnostics.push(
        Diagnostic::note(
            "source/ocr-mended",
            places.at(*first as u32 + 1),
            format!("识别文字中的字间空格和误认字符已改正：{}", said.join("；")),
        )
        .with_hint("请对照原件核对；如改错了，请在原文中改正后重试"),
    );
}

/// The runs of digits and letters O that `fixed` reads differently from `text` (the two
/// the same length in characters): (`2O25`, `2025`).
fn runs_changed(text: &str, fixed: &str) -> Vec<(String, String)> {
    let pairs: Vec<(char, char)> = text.chars().zip(fixed.chars()).collect();
    let in_run = |c: char| c.is_ascii_digit() || is_misread_digit(c) || matches!(c, '０'..='９');
    let mut out = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let start = i;
        while i < pairs.len() && in_run(pairs[i].0) {
            i += 1;
        }
        let run = &pairs[start..i];
        if run.iter().any(|(a, b)| a != b) {
            out.push((
                run.iter().map(|p| p.0).collect(),
                run.iter().map(|p| p.1).collect(),
            ));
        }
        i = i.max(start + 1);
    }
    out
}

/// A heading whose numeral 一 OCR read as a dash (`—、持续推进重点改革`, `(—)深化…`,
/// `十—、`): the line with 一 in its place; none when the line opens otherwise.
pub(crate) fn one_read_as_dash(line: &str) -> Option<String> {
    static DASHED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(\s*)(?:([二三四五六七八九]?十)?[—－─━\-]、|([（(])[—－─━\-]([）)]))")
            .unwrap()
    });
    let caps = DASHED.captures(line)?;
    let indent = &caps[1];
    let numeral = match (caps.get(2), caps.get(3), caps.get(4)) {
        (tens, None, None) => format!("{}一、", tens.map_or("", |t| t.as_str())),
        (_, Some(open), Some(close)) => format!("{}一{}", open.as_str(), close.as_str()),
        _ => return None,
    };
    let rest = &line[caps.get(0)?.end()..];
    // A dash heading (——在推进…) or a range is none: the numeral has words after it.
    rest.chars()
        .next()
        .is_some_and(crate::base::cjk::is_han)
        .then(|| format!("{indent}{numeral}{rest}"))
}

/// Letters OCR reads for digits, and 曰 for the 日 of a date.
fn is_misread_digit(c: char) -> bool {
    matches!(c, 'O' | 'o' | 'Ｏ' | 'l' | 'I' | 'ｌ' | 'Ｉ' | '曰')
}

/// `text` with what OCR misreads in a figure read as meant: a letter O as 0
/// ([`letter_o_as_zero`]), a letter l or I as 1 ([`letter_l_as_one`]), and 曰 after a
/// figure as 日 (2月18曰).
pub(crate) fn misread_figures(text: &str) -> String {
    let text = letter_l_as_one(&letter_o_as_zero(text));
    let mut out: Vec<char> = text.chars().collect();
    for i in 1..out.len() {
        if out[i] == '曰' && out[i - 1].is_ascii_digit() {
            out[i] = '日';
        }
    }
    out.into_iter().collect()
}

/// `text` with a letter l or I read as 1 in a run of digits and such letters that holds a
/// digit and stands apart from any word in letters (`2025年l2月`, `l00%`, `20l5`) — not in
/// one (`Il2`, `l2C`, `Wi-Fi 6`).
pub(crate) fn letter_l_as_one(text: &str) -> String {
    let one = |c: char| matches!(c, 'l' | 'I' | 'ｌ' | 'Ｉ');
    let digit = |c: char| c.is_ascii_digit() || matches!(c, '０'..='９');
    let mut out: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < out.len() {
        if !(one(out[i]) || digit(out[i])) {
            i += 1;
            continue;
        }
        let end = (i..out.len())
            .find(|&j| !(one(out[j]) || digit(out[j])))
            .unwrap_or(out.len());
        let run = &out[i..end];
        let apart = |c: Option<&char>| c.is_none_or(|c| !c.is_ascii_alphabetic() && *c != '-');
        // More letters than digits is a name's (Il2), not a figure's.
        let (ones, digits) = (run.iter().filter(|&&c| one(c)).count(), run.len());
        let mixed = ones > 0 && ones <= digits - ones;
        if mixed && apart(i.checked_sub(1).map(|p| &out[p])) && apart(out.get(end)) {
            for c in &mut out[i..end] {
                if one(*c) {
                    *c = '1';
                }
            }
        }
        i = end;
    }
    out.into_iter().collect()
}

/// `text` with a Latin O read as 0 where it stands in a figure: between two digits (`2O25年`
/// → `2025年`), or ending one before a word or a sign (`4O个`, `1OO%`) — not in a name in
/// letters (`O2O`, `PM2.5`), whose figure a letter opens.
pub(crate) fn letter_o_as_zero(text: &str) -> String {
    let letter_o = |c: char| matches!(c, 'O' | 'o' | 'Ｏ');
    let digit = |c: char| {
        ascii_digits(&c.to_string())
            .chars()
            .all(|d| d.is_ascii_digit())
    };
    let mut out: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < out.len() {
        if !(letter_o(out[i]) && i > 0 && digit(out[i - 1])) {
            i += 1;
            continue;
        }
        let end = (i..out.len())
            .find(|&j| !letter_o(out[j]))
            .unwrap_or(out.len());
        let run_start = (0..i).rev().find(|&j| !digit(out[j])).map_or(0, |j| j + 1);
        let opened_by_letter = run_start > 0 && out[run_start - 1].is_ascii_alphabetic();
        let ends_figure = out.get(end).is_none_or(|&c| {
            digit(c) || crate::base::cjk::is_han(c) || "%％‰.．、，。；）)".contains(c)
        });
        if ends_figure && !opened_by_letter {
            out[i..end].fill('0');
        }
        i = end;
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests;
