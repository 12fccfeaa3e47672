//! Render: views → bytes, one module per output format. Nothing here writes files.

pub mod blocks;
pub mod docx;
pub mod markdown;
pub mod pdf;
pub mod widths;
pub mod xlsx;

/// The custom style of a note under a table (注：…): set at the table's size.
pub const TABLE_NOTE: &str = "表注";

use crate::base::date::{self, DateTime};

/// `SOURCE_DATE_EPOCH` (seconds since 1970) when set; an error saying what is wrong when it
/// is set to something else. A run checks it before writing anything: silently ignoring a
/// wrong value would give other bytes than the build that set it expects.
pub fn source_date_epoch() -> crate::base::diag::Result<Option<DateTime>> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    if text.trim().is_empty() {
        return Ok(None);
    }
    match text.trim().parse::<i64>().ok().and_then(date::from_epoch) {
        Some(time) => Ok(Some(time)),
        None => Err(crate::base::diag::Error::Input(vec![
            crate::base::diag::Diagnostic::error(
                "env/source-date-epoch",
                crate::base::diag::Location::file("SOURCE_DATE_EPOCH"),
                format!(
                    "环境变量 SOURCE_DATE_EPOCH 的值「{text}」不是有效的时间戳（1970 年以来的秒数）"
                ),
            )
            .with_hint("请改为如 1735689600 的整数，或取消这个变量"),
        ])),
    }
}

/// The date a document carries (creation date in PDF metadata): `SOURCE_DATE_EPOCH` when set,
/// else the notice's 成文日期, else 1 January of the plan year; never the clock, so the same
/// input gives the same bytes.
pub fn document_date(plan: &crate::model::Plan) -> DateTime {
    if let Ok(Some(time)) = source_date_epoch() {
        return time;
    }
    let day = plan
        .notice
        .date
        .as_deref()
        .and_then(date::parse_written)
        .or_else(|| date::ymd(plan.year.unwrap_or(2000).clamp(1, 9999), 1, 1))
        .unwrap_or(date::Date::MIN);
    day.to_datetime(jiff::civil::Time::midnight())
}

/// What a document says about itself (PDF metadata, Word's document properties).
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocInfo {
    /// Title.
    pub title: String,
    /// Author (the issuing agency).
    pub author: String,
    /// Subject line.
    pub subject: Option<String>,
    /// Creation date, UTC.
    pub date: crate::base::date::DateTime,
    /// A stable identity for the PDF's /ID: two documents with the same title and author
    /// (a unit's sheet for two periods) must not share one.
    pub id: String,
}

/// How a column of a given kind is sized in a layout: its narrowest width (ems of the
/// table's text plus points), its widest share of the table, whether it takes the width
/// left over, and the alignment its kind imposes (else the alignment row's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnSizing {
    /// Narrowest width: this many ems …
    pub min_em: f32,
    /// … plus this many points (a cell's padding where a value must not wrap).
    pub min_pt: f32,
    /// Widest share of the table (0–1).
    pub max_share: f32,
    /// Takes the width left over.
    pub grow: bool,
    /// The alignment the kind imposes.
    pub align: Option<Align>,
}

/// Breaks a title into balanced lines no wider than `width`: the trapezoid GB/T 9704 7.3.1
/// asks for, preferring breaks after 》, 的, 关于 or a year (2025年) and before 《, outside
/// title marks where the line allows, never between a number and what it counts (2016|年),
/// and never inside an issuer's name (the words before 关于, 东湖区人民|政府办公室) unless one
/// is longer than a line. The fewest lines that hold the title, then the breaks that cost
/// least over all of them. `advances` are the characters' widths in the layout's unit (glyph
/// advances for the PDF, ems for Word). A space a line breaks at is left out of both lines.
pub fn balanced_title(chars: &[char], advances: &[f32], width: f32) -> Vec<std::ops::Range<usize>> {
    let n = chars.len();
    let total: f32 = advances.iter().sum();
    if n == 0 || total <= width + 0.01 {
        return std::iter::once(0..n).collect();
    }
    // No title is that long: whatever claims to be one is filled line by line.
    if n > MAX_TITLE_CHARS {
        return filled_lines(advances, width);
    }
    let splits = splits_a_short_name(chars, advances, width);
    // A split name costs more than any balance: the lines keep names whole where they can.
    let split_cost = width * 4.0;
    let cut_cost: Vec<Option<f32>> = (0..=n)
        .map(|cut| {
            let cost = title_cut_cost(chars, advances, cut)?;
            Some(if splits[cut] { cost + split_cost } else { cost })
        })
        .collect();
    let first = (total / width).ceil().max(1.0) as usize;
    // The fewest lines; one more where that keeps a short name whole (《政府|工作报告》).
    let mut fewest: Option<Vec<usize>> = None;
    for count in first..=(first + 2).min(n) {
        let Some(cuts) = cheapest_cuts(chars, advances, width, count, &cut_cost) else {
            continue;
        };
        if !cuts.iter().any(|&cut| splits[cut]) {
            return lines_at(chars, &cuts);
        }
        match fewest {
            None => fewest = Some(cuts),
            Some(fewest) => return lines_at(chars, &fewest),
        }
    }
    match fewest {
        Some(cuts) => lines_at(chars, &cuts),
        None => filled_lines(advances, width),
    }
}

/// The longest title broken as a title: longer is filled line by line.
const MAX_TITLE_CHARS: usize = 200;

/// Lines filled to `width` one after the other, where a title cannot be broken as one.
fn filled_lines(advances: &[f32], width: f32) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, advance) in advances.iter().enumerate() {
        if i > start && used + advance > width + 0.01 {
            out.push(start..i);
            (start, used) = (i, 0.0);
        }
        used += advance;
    }
    out.push(start..advances.len());
    out
}

/// The title's lines between `cuts`, without the spaces at their ends.
fn lines_at(chars: &[char], cuts: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &end in cuts.iter().chain(std::iter::once(&chars.len())) {
        out.push(trimmed(chars, start..end));
        start = end;
    }
    out
}

/// For each cut of a title, whether it splits a name a reader takes as one word: one in
/// title marks or quotes no wider than half the line (《政府工作报告》, “十三五”), an
/// issuer's before 关于 (not at the space between two), or a word (普惠托育, 服务体系).
fn splits_a_short_name(chars: &[char], advances: &[f32], width: f32) -> Vec<bool> {
    let mut splits = inside_words(chars);
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '《' | '〈' | '“' => open.push(i),
            '》' | '〉' | '”' => {
                if let Some(start) = open.pop() {
                    let wide: f32 = advances[start..=i].iter().sum();
                    if wide <= width / 2.0 {
                        splits[start + 1..=i].iter_mut().for_each(|s| *s = true);
                    }
                }
            }
            _ => {}
        }
    }
    let issuers_end = chars
        .windows(2)
        .position(|w| w == ['关', '于'])
        .unwrap_or(0);
    for (cut, split) in splits.iter_mut().enumerate().take(issuers_end).skip(1) {
        if !is_title_space(chars[cut - 1]) && !is_title_space(chars[cut]) {
            *split = true;
        }
    }
    // The words a title is made of (关于印发…的通知): never 印|发.
    for word in TITLE_WORDS {
        let word: Vec<char> = word.chars().collect();
        for (at, _) in chars
            .windows(word.len())
            .enumerate()
            .filter(|(_, w)| *w == word)
        {
            splits[at + 1..at + word.len()]
                .iter_mut()
                .for_each(|s| *s = true);
        }
    }
    splits
}

/// The words of Chinese text, by jieba's dictionary and its model of words it lacks.
static WORDS: std::sync::LazyLock<jieba_rs::Jieba> = std::sync::LazyLock::new(jieba_rs::Jieba::new);

/// For each cut of `chars`, whether it falls inside a word of two or more Han characters
/// (a number and what it counts are kept apart by [`title_cut_cost`]).
fn inside_words(chars: &[char]) -> Vec<bool> {
    let text: String = chars.iter().collect();
    let mut inside = vec![false; chars.len() + 1];
    let mut at = 0;
    for word in WORDS.cut(&text, true) {
        let len = word.chars().count();
        if len > 1 && word.chars().all(crate::base::cjk::is_han) {
            inside[at + 1..at + len].iter_mut().for_each(|s| *s = true);
        }
        at += len;
    }
    inside
}

/// Words of a notice's title formula, each kept on one line.
const TITLE_WORDS: &[&str] = &["关于", "印发", "转发", "通知", "意见", "方案", "报告"];

/// The `count - 1` cuts that set the title in `count` lines no wider than `width` at least
/// cost: each line's distance from an even share (but the last's), plus what each cut costs; `None` when the
/// title does not fit in so many lines.
fn cheapest_cuts(
    chars: &[char],
    advances: &[f32],
    width: f32,
    count: usize,
    cut_cost: &[Option<f32>],
) -> Option<Vec<usize>> {
    let n = chars.len();
    let target = advances.iter().sum::<f32>() / count as f32;
    // Widths of chars[..i], so a line's is a difference.
    let upto: Vec<f32> = std::iter::once(0.0)
        .chain(advances.iter().scan(0.0, |sum, a| {
            *sum += a;
            Some(*sum)
        }))
        .collect();
    let line_cost = |start: usize, end: usize| -> Option<f32> {
        let range = trimmed(chars, start..end);
        let used = upto[range.end] - upto[range.start];
        let fits = range.len() <= 1 || used <= width + 0.01;
        // The last line takes what is left: shorter reads as the trapezoid.
        let uneven = if end == n { 0.0 } else { (used - target).abs() };
        fits.then_some(uneven)
    };
    // best[k][j]: the least cost of setting chars[..j] in k lines, and the cut before it.
    let mut best = vec![vec![None::<(f32, usize)>; n + 1]; count + 1];
    best[0][0] = Some((0.0, 0));
    for k in 1..=count {
        for end in 1..=n {
            let Some(cost_here) = (if end == n { Some(0.0) } else { cut_cost[end] }) else {
                continue;
            };
            // From the nearest start back, until the line is wider than the measure.
            for start in (0..end).rev() {
                if end - start > 1 && upto[end] - upto[start] > width * 2.0 {
                    break;
                }
                let Some((before, _)) = best[k - 1][start] else {
                    continue;
                };
                let Some(line) = line_cost(start, end) else {
                    continue;
                };
                let cost = before + line + cost_here;
                // On a tie the earlier start, as the lines were set before.
                if best[k][end].is_none_or(|(c, _)| cost <= c) {
                    best[k][end] = Some((cost, start));
                }
            }
        }
    }
    best[count][n]?;
    let mut cuts = Vec::with_capacity(count - 1);
    let mut end = n;
    for k in (1..=count).rev() {
        let (_, start) = best[k][end]?;
        if start > 0 {
            cuts.push(start);
        }
        end = start;
    }
    cuts.reverse();
    Some(cuts)
}

/// What breaking a title before `chars[cut]` costs (less than nothing where a title reads
/// well broken), or `None` where it must not break.
fn title_cut_cost(chars: &[char], advances: &[f32], cut: usize) -> Option<f32> {
    if cut == 0 || cut >= chars.len() {
        return None;
    }
    let (i, before, after) = (cut - 1, chars[cut - 1], chars[cut]);
    let at_space = is_title_space(before) || is_title_space(after);
    if !at_space && !crate::base::cjk::may_break(before, after) {
        return None;
    }
    // A number stays with what it counts: 2016年, 14号 never break.
    if before.is_ascii_digit() && matches!(after, '年' | '月' | '日' | '号' | '个' | '项') {
        return None;
    }
    let mut cost = 0.0;
    let after_year = before == '年' && i > 0 && chars[i - 1].is_ascii_digit();
    let after_about = i > 0 && chars[i - 1] == '关' && before == '于';
    // 关于印发|数字威海建设…的通知: the name of what is issued starts there, marks or none.
    let after_issuing =
        i > 0 && matches!(chars[i - 1], '印' | '转') && before == '发' && after != '《';
    if matches!(before, '》' | '的' | '”')
        || matches!(after, '《' | '“')
        || after_year
        || after_about
        || after_issuing
    {
        cost -= advances[i] * 1.5;
    }
    // How deep inside 《…》, 〈…〉 and “…” the cut falls: a name in title marks or a quoted
    // word is kept whole where the line allows (《政府 | 工作报告》, “十 | 三五” read badly),
    // the deeper the more so.
    let depth = chars[..cut].iter().fold(0i32, |open, c| match c {
        '《' | '〈' | '“' => open + 1,
        '》' | '〉' | '”' => open - 1,
        _ => open,
    });
    cost += advances[i] * 3.0 * depth.max(0) as f32;
    // An issuer's name split costs as any name split ([`splits_a_short_name`]).
    Some(cost)
}

/// A space between a title's words (two issuers side by side).
fn is_title_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// `range` without the spaces at its ends.
fn trimmed(chars: &[char], mut range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    while range.start < range.end && is_title_space(chars[range.start]) {
        range.start += 1;
    }
    while range.end > range.start && is_title_space(chars[range.end - 1]) {
        range.end -= 1;
    }
    range
}

/// A signature block as both layouts set it: who signs, one agency a line, the date (none:
/// a placeholder to write it in by hand) and a 附注 under it.
#[derive(Clone, Copy)]
pub struct Signed<'a> {
    /// The agencies, the leading one first.
    pub signers: &'a [String],
    /// The 成文日期.
    pub date: Option<&'a str>,
    /// The 附注, a line each (（此件公开发布） over （联系人：…）), under the date.
    pub annotations: &'a [String],
}

impl<'a> Signed<'a> {
    /// The notice's 署名, 成文日期 and 附注.
    pub fn notice(view: &'a crate::view::NoticeView) -> Self {
        Signed {
            signers: &view.signers,
            date: view.date.as_deref(),
            annotations: &view.annotations,
        }
    }

    /// The 落款 the plan signs its own text with.
    pub fn plan(view: &'a crate::view::NoticeView) -> Self {
        Signed {
            signers: &view.plan.signers,
            date: view.plan.sign_date.as_deref(),
            annotations: &[],
        }
    }
}

/// Where the 署名 and the 成文日期 end, as gaps from the 版心's right edge (7.3.5.2): the 署名
/// 2 字 (`two`) from the right and the date starting 2 字 right of the 署名's start; a date
/// longer than that allows is 2 字 from the right and the 署名 starts 2 字 left of it.
/// Returns (signer gap, date gap), for both layouts.
pub fn signature_gaps(signer_w: f32, date_w: f32, two: f32) -> (f32, f32) {
    if date_w <= signer_w - two {
        (two, signer_w - date_w)
    } else {
        (date_w - signer_w + 2.0 * two, two)
    }
}

/// How a block of lines is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Justified to the measure, last line flush left.
    Justify,
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// The 主要事项 column a table merges down over its tasks: a `group` column first, or one
/// further right (序号 | 类别 | …) where some task row leaves it empty under the label above
/// — a column every row fills (a unit's sheet, each task its own 主要事项) is read as written.
pub(crate) fn merged_group_column(
    kinds: Option<&[ColumnKind]>,
    rows: &[Vec<(bool, String)>],
) -> Option<usize> {
    let at = kinds?.iter().position(|k| *k == ColumnKind::Group)?;
    let is_band = |r: &Vec<(bool, String)>| {
        r.first().is_some_and(|(bold, _)| *bold) && r.iter().skip(1).all(|(_, t)| t.is_empty())
    };
    let continues = |r: &Vec<(bool, String)>| r.get(at).is_some_and(|(_, t)| t.trim().is_empty());
    (at == 0 || rows.iter().filter(|r| !is_band(r)).any(continues)).then_some(at)
}

/// After these a list of names may break: a break inside a unit's name (区妇工委/办) or a
/// person's (副县长 李/红梅) is taken only when one name is longer than the line.
pub fn after_name(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | '；' | '：' | ',' | ';' | ':' | ' ' | '/' | '）' | ')'
    )
}

/// How many ems of a name a names column keeps whole (县政府党组成员, 县市场监督管理局、): a
/// longer one (国家税务总局清溪县税务局) may break rather than starve the task's text.
pub const NAME_KEPT_EMS: f32 = 9.0;

/// The pieces of a names cell a line keeps whole: each name with the mark after it.
pub fn name_pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(|c: char| after_name(c) || c == '\n')
        .map(|piece| piece.trim_end_matches('\n'))
}

/// What a column holds, which decides its width and alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// 序号: narrow, centred.
    No,
    /// 责任类型: narrow, centred.
    Role,
    /// 完成时限.
    Date,
    /// 主要事项: as the first column, merged down over its tasks.
    Group,
    /// 量化目标.
    Target,
    /// 责任单位.
    Units,
    /// 具体内容: takes what is left, justified.
    Content,
    /// Free text (进展情况, 说明 …): takes what is left.
    Text,
    /// A status word, centred.
    Status,
    /// A name that labels the row (部分, 单位 …): takes what is left.
    Name,
    /// 牵头单位, a file name.
    Lead,
    /// A percentage, centred.
    Rate,
    /// A small number, centred.
    Count,
    /// Anything else: a middle width, the alignment row's alignment.
    Other,
}

impl ColumnKind {
    /// The kind a template names: `no`, `role`, `date`, `group`, `target`, `units`,
    /// `content`, `text`, `status`, `name`, `lead`, `rate`, `count`, `other`.
    pub fn parse(word: &str) -> Option<ColumnKind> {
        let kind = match word {
            "no" => ColumnKind::No,
            "role" => ColumnKind::Role,
            "date" => ColumnKind::Date,
            "group" => ColumnKind::Group,
            "target" => ColumnKind::Target,
            "units" => ColumnKind::Units,
            "content" => ColumnKind::Content,
            "text" => ColumnKind::Text,
            "status" => ColumnKind::Status,
            "name" => ColumnKind::Name,
            "lead" => ColumnKind::Lead,
            "rate" => ColumnKind::Rate,
            "count" => ColumnKind::Count,
            "other" => ColumnKind::Other,
            _ => return None,
        };
        Some(kind)
    }

    /// How a column of this kind is sized; `leading_group` for a group column that is the
    /// table's first (its labels span their rows and may be wider).
    pub fn sizing(kind: Option<ColumnKind>, leading_group: bool) -> ColumnSizing {
        let s = |min_em, min_pt, max_share, grow, align| ColumnSizing {
            min_em,
            min_pt,
            max_share,
            grow,
            align,
        };
        match kind {
            Some(ColumnKind::No) => s(3.0, 0.0, 0.06, false, Some(Align::Center)),
            Some(ColumnKind::Role) => s(3.0, 0.0, 0.08, false, Some(Align::Center)),
            // 2025年12月31日 on one line: seven ems and the cell's padding.
            Some(ColumnKind::Date) => s(7.0, 9.0, 0.16, false, None),
            Some(ColumnKind::Group) => s(
                4.0,
                0.0,
                if leading_group { 0.17 } else { 0.12 },
                false,
                Some(Align::Center),
            ),
            Some(ColumnKind::Target) => s(4.0, 0.0, 0.12, false, None),
            Some(ColumnKind::Units) => s(6.0, 0.0, 0.32, false, Some(Align::Left)),
            Some(ColumnKind::Content) => s(8.0, 0.0, 1.0, true, Some(Align::Justify)),
            Some(ColumnKind::Text) => s(6.0, 0.0, 1.0, true, Some(Align::Left)),
            Some(ColumnKind::Status) => s(4.4, 0.0, 0.14, false, Some(Align::Center)),
            Some(ColumnKind::Name) => s(5.0, 0.0, 1.0, true, Some(Align::Left)),
            Some(ColumnKind::Lead) => s(5.0, 0.0, 0.22, false, Some(Align::Left)),
            Some(ColumnKind::Rate) => s(3.3, 0.0, 0.1, false, Some(Align::Center)),
            Some(ColumnKind::Count) => s(2.6, 0.0, 0.08, false, Some(Align::Center)),
            Some(ColumnKind::Other) | None => s(4.0, 0.0, 0.18, false, None),
        }
    }

    /// Holds names (units): lines break between names, not inside one.
    pub fn holds_names(kind: Option<ColumnKind>) -> bool {
        matches!(
            kind,
            Some(ColumnKind::Units | ColumnKind::Lead | ColumnKind::Name)
        )
    }

    /// Its width relative to the others, as pandoc should give it in Word (the dashes of
    /// a pipe table's separator row).
    pub fn word_weight(self) -> usize {
        match self {
            ColumnKind::No | ColumnKind::Role | ColumnKind::Rate | ColumnKind::Count => 3,
            ColumnKind::Status => 4,
            ColumnKind::Target | ColumnKind::Other => 5,
            ColumnKind::Group | ColumnKind::Lead => 7,
            ColumnKind::Date => 8,
            ColumnKind::Name => 8,
            ColumnKind::Units => 12,
            ColumnKind::Text => 18,
            ColumnKind::Content => 20,
        }
    }
}

/// The notice's Markdown paragraphs whose content both layouts place from the view (版头,
/// 文号, 署名, 附注, 版记, and the plan's own 落款): their twins in the Markdown are skipped,
/// never set twice. The 成文日期 paragraph, always written (a placeholder when the date is
/// unknown), is where both set the 署名 block — so an unknown 署名, an empty paragraph the
/// Markdown drops, does not take the date and the 附注 with it; the 落款日期 paragraph is
/// where they set the plan's.
pub fn is_notice_furniture(style: &str) -> bool {
    matches!(
        style,
        "发文机关标志" | "发文字号" | "署名" | "附注" | "版记" | "落款"
    )
}

/// A line saying who does the task above it, or by when (责任单位：…, 牵头单位:…, 完成时限：…):
/// it belongs with that task on the page. The labels are the ones the reader takes.
pub(crate) fn is_duty_line(text: &str) -> bool {
    let text = text.trim();
    let inside = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
        .unwrap_or(text);
    crate::ingest::inline::is_labelled_line(inside)
}

/// The most a plan's text before its table may say and still share the table's page: a
/// preamble of a few lines (为……，现将任务分解如下。), about six lines of the body.
const PREAMBLE_CHARS: usize = 170;

/// Whether the attachment's 任务分工表 title at `blocks[at]` starts a page of its own: it
/// does after a plan's text; after the attachment's title and a short preamble only, the
/// table follows on that page rather than leave it nearly empty.
pub(crate) fn table_starts_page(blocks: &[blocks::Block], at: usize) -> bool {
    let mut chars = 0;
    for block in blocks[..at].iter().rev() {
        match block {
            blocks::Block::Title(_) => return chars > PREAMBLE_CHARS,
            blocks::Block::Paragraph { spans, style: None } => {
                chars += spans.iter().map(|(_, t)| t.chars().count()).sum::<usize>();
            }
            _ => return true,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_follows_a_short_preamble_on_its_page() {
        use blocks::Block;
        let para = |t: &str| Block::Paragraph {
            spans: vec![(false, t.to_string())],
            style: None,
        };
        let title = |t: &str| Block::Title(t.to_string());
        let short = [
            title("方案"),
            para("为扎实推进乡村振兴，现将任务分解如下。"),
            title("分工表"),
        ];
        assert!(!table_starts_page(&short, 2));
        let none = [title("方案"), title("分工表")];
        assert!(!table_starts_page(&none, 1));
        let long = "一".repeat(PREAMBLE_CHARS + 1);
        let plan = [title("方案"), para(&long), title("分工表")];
        assert!(table_starts_page(&plan, 2));
        let headed = [
            title("方案"),
            Block::Heading(1, "一、总体要求".into()),
            title("分工表"),
        ];
        assert!(table_starts_page(&headed, 2));
        // No attachment title before it: nothing to share a page with.
        assert!(table_starts_page(&[para("正文"), title("分工表")], 1));
    }

    #[test]
    fn a_line_of_who_or_by_when_goes_with_its_task() {
        for line in [
            "责任单位：区发改局",
            "牵头单位:区商务局",
            "（责任单位：区财政局）",
            "完成时限：6月底",
            "责任人：王芳",
        ] {
            assert!(is_duty_line(line), "{line}");
        }
        for line in [
            "1.地区生产总值增长6%左右。",
            "各单位要按时报送。",
            "单位GDP能耗下降。",
        ] {
            assert!(!is_duty_line(line), "{line}");
        }
    }

    fn lines(title: &str, width: f32) -> Vec<String> {
        let chars: Vec<char> = title.chars().collect();
        let advances: Vec<f32> = chars
            .iter()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        balanced_title(&chars, &advances, width)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn a_title_never_breaks_a_number_from_what_it_counts() {
        for width in (16..=60).map(|w| w as f32 / 2.0) {
            let got = lines(
                "嘉定区推进儿童友好城区建设2025年重点工作安排半年度评估报告",
                width,
            );
            assert!(
                !got.windows(2).any(|w| w[0].ends_with(|c: char| c.is_ascii_digit())
                    && w[1].starts_with('年')),
                "{width}: {got:?}"
            );
            assert_eq!(
                got.concat(),
                "嘉定区推进儿童友好城区建设2025年重点工作安排半年度评估报告"
            );
        }
        // Where balance alone would cut 2025|年.
        assert_eq!(
            lines("甲乙丙丁2025年戊己庚辛", 7.0),
            ["甲乙丙丁2025年", "戊己庚辛"]
        );
    }

    #[test]
    fn issuers_side_by_side_are_broken_between_their_names_never_inside_one() {
        let title = "中共东湖区委办公室　东湖区人民政府办公室关于印发《东湖区2026年优化营商环境行动方案》的通知";
        let got = lines(title, 20.1);
        assert_eq!(
            got[0], "中共东湖区委办公室　东湖区人民政府办公室",
            "{got:?}"
        );
        // Where both do not fit a line, the break falls at the space, which neither line keeps.
        let narrow = lines(title, 19.0);
        assert_eq!(narrow[0], "中共东湖区委办公室", "{narrow:?}");
        assert!(narrow[1].starts_with("东湖区人民政府办公室"), "{narrow:?}");
        assert_eq!(narrow.concat(), title.replace('　', ""));
    }

    /// GB/T 9704 7.3.3: a title breaks where its words keep their sense — 普惠托育 | 服务体系,
    /// never 普惠托 | 育 (the balance alone chose it, E4056), 重点工 | 作 (E3960).
    #[test]
    fn a_title_breaks_between_words() {
        let cases = [
            "关于印发《青浦区2026年普惠托育服务体系建设工作方案》的通知",
            "武乡县人民政府办公室关于印发武乡县2024年重点工作任务分解方案的通知",
            "沁县人民政府办公室关于印发沁县2023年政府工作报告重点工作任务分解方案的通知",
        ];
        let split = [
            "托|育", "普|惠", "工|作", "任|务", "分|解", "服|务", "体|系", "建|设",
        ];
        for title in cases {
            for width in [14.0, 16.0, 18.0, 20.0, 22.0] {
                let got = lines(title, width);
                assert_eq!(got.concat(), title);
                for pair in got.windows(2) {
                    let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
                    let cut = format!("{}|{}", end.unwrap_or(' '), start.unwrap_or(' '));
                    assert!(!split.contains(&cut.as_str()), "{width}: {got:?}");
                }
            }
        }
    }

    #[test]
    fn a_plan_named_without_title_marks_is_broken_after_its_issuing_word() {
        let title = "威海市人民政府办公室关于印发数字威海建设2023年工作要点的通知";
        for width in [17.0, 18.0, 20.0, 22.0] {
            let got = lines(title, width);
            assert_eq!(got.concat(), title);
            assert!(
                !got.windows(2).any(|w| w[0].ends_with('数')),
                "{width}: {got:?}"
            );
        }
        assert_eq!(
            lines(title, 20.0),
            [
                "威海市人民政府办公室关于印发",
                "数字威海建设2023年工作要点的通知"
            ]
        );
    }

    #[test]
    fn a_title_of_thousands_of_characters_is_filled_line_by_line() {
        let title = "关于印发《某县重点工作方案》的通知".repeat(400);
        let got = lines(&title, 20.0);
        assert_eq!(got.concat(), title);
        assert!(
            got.iter().all(|l| l.chars().count() <= 20),
            "{:?}",
            &got[..2]
        );
    }

    #[test]
    fn no_title_line_is_wider_than_the_measure() {
        let titles = [
            "中共东湖区委办公室　东湖区人民政府办公室关于印发《东湖区2026年优化营商环境行动方案》的通知",
            "嘉定区推进儿童友好城区建设2025年重点工作安排半年度评估报告",
            "关于印发《2019年〈政府工作报告〉目标任务分解表》的通知",
        ];
        for title in titles {
            for width in (12..=60).map(|w| w as f32 / 2.0) {
                let got = lines(title, width);
                let widest = got
                    .iter()
                    .map(|l| {
                        l.chars()
                            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
                            .sum::<f32>()
                    })
                    .fold(0.0, f32::max);
                assert!(widest <= width + 0.01, "{width}: {got:?}");
            }
        }
    }

    #[test]
    fn a_name_in_title_marks_is_kept_whole_where_the_line_allows() {
        let got = lines(
            "某省人民政府关于落实《政府工作报告》重点工作责任分工的意见",
            20.0,
        );
        assert!(
            got.iter().any(|l| l.contains("《政府工作报告》")),
            "{got:?}"
        );
        // Nor a word in quotes, nor a name inside a name.
        let quoted = lines(
            "关于印发实施《西部大开发“十三五”规划》责任分工方案的通知",
            20.0,
        );
        assert!(quoted.iter().any(|l| l.contains("“十三五”")), "{quoted:?}");
        let nested = lines(
            "关于印发《2019年〈政府工作报告〉目标任务分解表》的通知",
            17.0,
        );
        assert!(
            nested.iter().any(|l| l.contains("〈政府工作报告〉")),
            "{nested:?}"
        );
        let issued = lines(
            "县人民政府办公室关于印发2024年县《政府工作报告》重点任务责任分解方案的通知",
            20.1,
        );
        assert!(
            issued.iter().any(|l| l.contains("《政府工作报告》")),
            "{issued:?}"
        );
        // Nor a word of the title's formula (关于印|发), nor a short name where two lines hold
        // it whole.
        for (title, width) in [
            (
                "某县人民政府办公室关于印发2025年《政府工作报告》重点工作责任分工方案的通知",
                20.1,
            ),
            (
                "关于印发《2024年县〈政府工作报告〉目标任务分解表》的通知",
                20.1,
            ),
        ] {
            let got = lines(title, width);
            assert!(!got.iter().any(|l| l.ends_with('印')), "{got:?}");
            assert!(got.iter().any(|l| l.contains("政府工作报告")), "{got:?}");
        }
        let two = lines(
            "关于印发《2024年县〈政府工作报告〉目标任务分解表》的通知",
            20.1,
        );
        assert_eq!(two.len(), 2, "{two:?}");
        // A name longer than a line still breaks.
        let long = lines(
            "关于印发《某区推进儿童友好城区建设三年行动方案》的通知",
            12.0,
        );
        assert_eq!(
            long.concat(),
            "关于印发《某区推进儿童友好城区建设三年行动方案》的通知"
        );
    }
}
