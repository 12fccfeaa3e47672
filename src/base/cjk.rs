//! Chinese text helpers every stage may use: spacing, numerals, sentences and a cheap
//! similarity measure for OCR'd text.

use std::collections::HashSet;

/// A line break the writer put inside a paragraph (Word's Shift+Enter, `w:br`): Unicode's
/// LINE SEPARATOR, so that one paragraph stays one line for the readers (to whom it is
/// whitespace) and is broken where the paragraph is printed ([`printed_lines`]).
pub const LINE_BREAK: char = '\u{2028}';

/// The lines a paragraph prints as: split at its line breaks (a paragraph's own
/// [`LINE_BREAK`] and the `\n` between paragraphs), each tidied, blank ones left out.
pub fn printed_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(['\n', LINE_BREAK])
        .map(tidy_spacing)
        .filter(|l| !l.is_empty())
}

/// `text` tidied line by line ([`printed_lines`]), its lines kept: a task whose cell set
/// its items one under another (（1）… / （2）…) prints them so.
pub fn tidy_lines(text: &str) -> String {
    printed_lines(text).collect::<Vec<_>>().join("\n")
}

/// `text` with the half-width punctuation a web page or a converter left in Chinese prose
/// in its full-width form (经区政府同意,现将 → 经区政府同意，现将; (此件公开发布) →
/// （此件公开发布）): a mark next to a Chinese character, a pair of brackets holding one. A
/// mark between figures (1,000, 10:30), in Latin text or a web address stays; a full stop
/// is never touched (6.5%, 1.).
pub fn in_full_width(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains([',', ';', ':', '?', '!', '(', ')']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let han_at = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| is_wide(*c));
    let before = |i: usize| (0..i).rev().find(|&j| chars[j] != ' ');
    let after = |i: usize| (i + 1..chars.len()).find(|&j| chars[j] != ' ');
    let mut out: Vec<char> = chars.clone();
    for (i, c) in chars.iter().enumerate() {
        let full = match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '?' => '？',
            '!' => '！',
            _ => continue,
        };
        let next_to_han = han_at(before(i)) || (han_at(after(i)) && *c != ':');
        let between_figures = before(i).is_some_and(|j| chars[j].is_ascii_digit())
            && after(i).is_some_and(|j| chars[j].is_ascii_digit());
        if next_to_han && !between_figures {
            out[i] = full;
        }
    }
    // Brackets: a pair holding a Chinese character, innermost first.
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(start) = open.pop()
                    && chars[start + 1..i].iter().any(|c| is_han(*c))
                {
                    out[start] = '（';
                    out[i] = '）';
                }
            }
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out.into_iter().collect())
}

/// CJK ideographs, CJK punctuation and full-width forms.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFF | 0x2014 | 0x2018..=0x201F | 0x2026)
}

/// `text` inside 《》, the title marks it holds itself turned to 〈〉 (a title within a
/// title: 《贯彻落实〈关于…的意见〉的方案》).
pub fn in_title_marks(text: &str) -> String {
    format!("《{}》", text.replace('《', "〈").replace('》', "〉"))
}

/// `text` cut at the characters `separator` accepts that stand outside parentheses (各县(市、
/// 区)人民政府 is one name): each piece with the separator before it (`None` for the first).
pub fn split_outside_parentheses(
    text: &str,
    separator: impl Fn(char) -> bool,
) -> Vec<(&str, Option<char>)> {
    let mut out = Vec::new();
    let (mut start, mut before, mut depth) = (0, None, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            // 各县〔市、区〕: a level written in 六角括号 is inside brackets too.
            '(' | '（' | '〔' => depth += 1,
            ')' | '）' | '〕' => depth = depth.saturating_sub(1),
            _ if depth == 0 && separator(c) => {
                out.push((&text[start..i], before));
                start = i + c.len_utf8();
                before = Some(c);
            }
            _ => {}
        }
    }
    out.push((&text[start..], before));
    out
}

/// Han ideographs (the unified blocks and their extensions), not punctuation.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Removes spaces that OCR puts between Chinese and digits (`2025 年 重点` → `2025年重点`),
/// keeping single spaces between Latin words and the space before a field's label
/// (`规建办 责任单位：派出所`: two fields, never one name 规建办责任单位).
pub fn tidy_spacing(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let wide = |c: Option<char>| c.is_some_and(is_wide);
            if !(wide(before) || wide(after)) {
                out.push(' ');
            } else if before.is_some_and(|c| !matches!(c, '（' | '(' | '：' | ':'))
                && (opens_field_label(&chars[i..]) || halves_of_a_quote(&chars, start, i))
            {
                out.push(chars[start]);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `text` with the spaces inside its Chinese words closed (`工作机 制` → `工作机制`, left by a
/// page's line breaks), as [`tidy_spacing`] prints it — never a line break, nor the space
/// before a field's label. Returns the text and each place closed, as written and as
/// closed, with up to three characters either side (`工作机 制`, `工作机制`).
pub fn close_word_spaces(text: &str) -> (String, Vec<(String, String)>) {
    let chars: Vec<char> = text.chars().collect();
    let is_gap = |c: char| matches!(c, ' ' | '\t' | '\u{3000}');
    let mut out = String::with_capacity(text.len());
    let mut closed = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_gap(chars[i]) || i == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_gap(chars[i]) {
            i += 1;
        }
        let inside_word = is_han(chars[start - 1])
            && chars.get(i).copied().is_some_and(is_han)
            && !opens_field_label(&chars[i..])
            && !halves_of_a_quote(&chars, start, i);
        if !inside_word {
            out.extend(&chars[start..i]);
            continue;
        }
        let solid = |c: &&char| !c.is_whitespace();
        let before: String = {
            let mut b: Vec<char> = chars[..start]
                .iter()
                .rev()
                .take_while(solid)
                .take(3)
                .copied()
                .collect();
            b.reverse();
            b.into_iter().collect()
        };
        let after: String = chars[i..].iter().take_while(solid).take(3).collect();
        let gap: String = chars[start..i].iter().collect();
        closed.push((format!("{before}{gap}{after}"), format!("{before}{after}")));
    }
    (out, closed)
}

/// Whether the gap `chars[start..end]` stands between two Chinese characters inside quotation
/// marks: a slogan's two halves (“红色小象 星光灿烂”) are spaced on purpose.
fn halves_of_a_quote(chars: &[char], start: usize, end: usize) -> bool {
    // A slogan is short: its marks are looked for a few characters either side, which
    // keeps a long text's many spaces from costing its length each.
    const NEAR: usize = 24;
    let han_around =
        start > 0 && is_han(chars[start - 1]) && chars.get(end).copied().is_some_and(is_han);
    let before = &chars[start.saturating_sub(NEAR)..start];
    let depth = before.iter().fold(0i32, |open, c| match c {
        '“' | '‘' | '「' | '『' => open + 1,
        '”' | '’' | '」' | '』' => (open - 1).max(0),
        _ => open,
    });
    let closed_after = chars[end..]
        .iter()
        .take(NEAR)
        .take_while(|c| !matches!(c, '“' | '「' | '『' | '\n'))
        .any(|c| matches!(c, '”' | '’' | '」' | '』'));
    han_around && depth > 0 && closed_after
}

/// Words a field's label ends with (责任单位：, 完成时限：, 责任领导：): a label names who
/// answers or by when.
const FIELD_LABEL_ENDS: &[&str] = &[
    "单位",
    "部门",
    "科室",
    "处室",
    "股室",
    "时限",
    "时间",
    "领导",
    "责任人",
];

/// Words a field's label opens with (a bare 单位： may be the second half of `责任 单位：`).
const FIELD_LABEL_OPENINGS: &[&str] = &[
    "牵头", "配合", "责任", "协办", "协同", "协作", "参与", "完成", "主责", "主办", "承办", "实施",
    "其他",
];

/// The labels of a contact's fields (联系人：周涛 电话：…): a space before one parts two
/// fields, never a name run into its label (周涛电话).
const CONTACT_LABELS: &[&str] = &[
    "联系人",
    "联系电话",
    "电话",
    "手机",
    "传真",
    "邮箱",
    "电子邮箱",
    "邮编",
    "地址",
];

/// True when `rest` opens with a field's label, then a colon: a few Han characters from one
/// of [`FIELD_LABEL_OPENINGS`] to one of [`FIELD_LABEL_ENDS`], or one of
/// [`CONTACT_LABELS`].
fn opens_field_label(rest: &[char]) -> bool {
    let han = rest.iter().take(8).take_while(|c| is_han(**c)).count();
    if !matches!(rest.get(han), Some('：' | ':')) {
        return false;
    }
    let label: String = rest[..han].iter().collect();
    CONTACT_LABELS.contains(&label.as_str())
        || (han >= 3
            && FIELD_LABEL_OPENINGS.iter().any(|w| label.starts_with(w))
            && FIELD_LABEL_ENDS.iter().any(|end| label.ends_with(end)))
}

/// The first 30 characters of `text`, with … when there is more: for quoting in messages.
pub fn excerpt(text: &str) -> String {
    excerpt_of(text, 30)
}

/// The first `n` characters of `text`, with … when there are more: what a finding quotes
/// of a whole table or sheet it did not read (a paragraph or row left out is quoted whole).
pub fn excerpt_of(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

/// Characters that close a quotation or bracket and stay with the sentence before them.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '】', '》', '"', '\''];

/// True when `text` ends a sentence (so a following line starts a new paragraph).
pub fn ends_sentence(text: &str) -> bool {
    let end = text.trim_end();
    // A parenthesis or bracket after a full stop closes the sentence: …300个。（区卫生健康委
    // 牵头）, …成果。[牵头单位:区卫健局]
    if let Some(open) = opening_of_last_bracket(end)
        && end[..open].trim_end().ends_with(['。', '！', '？'])
    {
        return true;
    }
    let trimmed = end.trim_end_matches(CLOSERS);
    trimmed.chars().last().is_some_and(|c| {
        matches!(
            c,
            '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…'
        )
    })
}

/// Where the bracket closing `text` opens, past the brackets inside it (〔…市(中)直…〕).
fn opening_of_last_bracket(text: &str) -> Option<usize> {
    let is_close = |c: char| matches!(c, '）' | ')' | ']' | '】' | '〕');
    let is_open = |c: char| matches!(c, '（' | '(' | '[' | '【' | '〔');
    if !text.ends_with(is_close) {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        if is_close(c) {
            depth += 1;
        } else if is_open(c) {
            depth -= 1;
            if depth == 0 {
                return Some(at);
            }
        }
    }
    None
}

/// Byte ranges of the sentences of `text`: each ends after 。！？ (with any closing quotes)
/// or at a line break. Leading and trailing whitespace is excluded.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = None;
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            let mut e = i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if CLOSERS.contains(&next) {
                    e = j + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            end = Some(e);
        } else if c == '\n' {
            end = Some(i);
        }
        if let Some(e) = end {
            push_trimmed(text, start, e, &mut out);
            start = if c == '\n' { i + 1 } else { e };
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push((start + lead, end - trail));
    }
}

/// The characters that carry meaning for matching: letters, digits and ideographs, with
/// traditional forms OCR produces mapped to simplified ones.
pub fn match_key(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| {
            simplified(c)
                .unwrap_or(c)
                .to_lowercase()
                .next()
                .unwrap_or(c)
        })
        .collect()
}

/// Adjacent character pairs of a key, packed into one number each.
pub fn bigrams(key: &[char]) -> HashSet<u64> {
    key.windows(2)
        .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
        .collect()
}

/// Dice similarity of two texts over character bigrams, 0.0–1.0.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (ka, kb) = (match_key(a), match_key(b));
    if ka == kb {
        return 1.0;
    }
    let (ba, bb) = (bigrams(&ka), bigrams(&kb));
    if ba.is_empty() || bb.is_empty() {
        return 0.0;
    }
    let common = ba.intersection(&bb).count();
    2.0 * common as f64 / (ba.len() + bb.len()) as f64
}

/// Traditional characters that turn up in simplified-Chinese government text (OCR, old fonts),
/// with their simplified forms: read besides the converter's own table.
pub const TRADITIONAL: &[(char, char)] = &[
    ('門', '门'),
    ('嬰', '婴'),
    ('們', '们'),
    ('這', '这'),
    ('來', '来'),
    ('國', '国'),
    ('區', '区'),
    ('會', '会'),
    ('與', '与'),
    ('為', '为'),
    ('發', '发'),
    ('學', '学'),
    ('業', '业'),
    ('務', '务'),
    ('動', '动'),
    ('對', '对'),
    ('體', '体'),
    ('設', '设'),
    ('級', '级'),
    ('關', '关'),
    ('愛', '爱'),
    ('兒', '儿'),
    ('衛', '卫'),
    ('護', '护'),
    ('醫', '医'),
    ('療', '疗'),
    ('種', '种'),
    ('電', '电'),
    ('話', '话'),
    ('實', '实'),
    ('點', '点'),
    ('園', '园'),
    ('開', '开'),
    ('計', '计'),
    ('劃', '划'),
    ('質', '质'),
    ('員', '员'),
    ('無', '无'),
    ('機', '机'),
    ('構', '构'),
    ('歲', '岁'),
    ('齡', '龄'),
    ('婦', '妇'),
    ('導', '导'),
    ('據', '据'),
    ('網', '网'),
    ('絡', '络'),
    ('聯', '联'),
    ('協', '协'),
    ('調', '调'),
    ('傳', '传'),
    ('統', '统'),
    ('價', '价'),
    ('營', '营'),
    ('辦', '办'),
    ('場', '场'),
    ('戶', '户'),
    ('經', '经'),
    ('濟', '济'),
    ('職', '职'),
    ('責', '责'),
    ('單', '单'),
    ('牽', '牵'),
    ('頭', '头'),
    ('參', '参'),
    ('負', '负'),
    ('時', '时'),
    ('間', '间'),
    ('領', '领'),
    ('號', '号'),
    ('內', '内'),
    ('項', '项'),
    ('節', '节'),
    ('進', '进'),
    ('況', '况'),
    ('備', '备'),
    ('註', '注'),
    ('類', '类'),
    ('別', '别'),
    ('鎮', '镇'),
    ('鄉', '乡'),
    ('縣', '县'),
    ('組', '组'),
    ('織', '织'),
    ('處', '处'),
    // The kinds of document a title ends in (實施意見, 決定, 規劃 …) and 關於.
    ('見', '见'),
    ('於', '于'),
    ('決', '决'),
    ('規', '规'),
    ('書', '书'),
    ('報', '报'),
    ('說', '说'),
];

/// `text` with its traditional characters in their simplified forms, one for one: for
/// reading what a header or a label says (牽頭單位 is 牵头单位), never for what is kept as
/// written.
pub fn simplified_text(text: &str) -> String {
    if !text.chars().any(|c| c >= '\u{3400}') {
        return text.to_string();
    }
    simplet2s::convert(text)
        .chars()
        .map(|c| table_simplified(c).unwrap_or(c))
        .collect()
}

/// A text in traditional characters read in simplified ones: what a reader decides on the
/// simplified text (where a list of names splits, which word is a role) it gives back in
/// the characters the source wrote.
pub struct InSimplified<'a> {
    written: &'a str,
    /// The simplified text: one character for each of `written`'s.
    pub simple: String,
}

impl<'a> InSimplified<'a> {
    pub fn new(written: &'a str) -> InSimplified<'a> {
        InSimplified {
            written,
            simple: simplified_text(written),
        }
    }

    /// True when the text has a traditional character to read.
    pub fn differs(&self) -> bool {
        self.simple != self.written
    }

    /// `piece` of the simplified text as the source wrote it: the same characters of the
    /// written text where `piece` is found in the simplified one; else each character put
    /// back as the text wrote it (a name a reader joined from two lines).
    pub fn as_written(&self, piece: &str) -> String {
        if let Some(at) = self.simple.find(piece) {
            let start = self.simple[..at].chars().count();
            let len = piece.chars().count();
            return self.written.chars().skip(start).take(len).collect();
        }
        piece
            .chars()
            .map(|c| {
                self.simple
                    .chars()
                    .zip(self.written.chars())
                    .find(|(s, w)| *s == c && s != w)
                    .map_or(c, |(_, w)| w)
            })
            .collect()
    }
}

/// The simplified form of a traditional character, read alone (乾 stays: only 乾燥 and
/// the like are 干).
pub fn simplified(c: char) -> Option<char> {
    if c < '\u{3400}' {
        return None;
    }
    let mut buf = [0; 4];
    simplet2s::convert(c.encode_utf8(&mut buf))
        .chars()
        .next()
        .filter(|s| *s != c)
        .or_else(|| table_simplified(c))
}

fn table_simplified(c: char) -> Option<char> {
    TRADITIONAL.iter().find(|(t, _)| *t == c).map(|(_, s)| *s)
}

/// The usual form of a small or vertical punctuation mark (Unicode's Small Form Variants
/// and Vertical Forms: `1﹒`, `﹙一﹚`, `︰`), which some sites and converters emit: read as
/// the full-width mark it stands for, so numbers and labels read the same. The small full
/// stop (`﹒`) depends on where it stands: see [`in_standard_forms`].
pub fn standard_form(c: char) -> Option<char> {
    Some(match c {
        '\u{FE10}' | '\u{FE50}' => '，',
        '\u{FE11}' | '\u{FE51}' => '、',
        '\u{FE12}' => '。',
        '\u{FE13}' | '\u{FE55}' | '\u{FE30}' => '：',
        '\u{FE14}' | '\u{FE54}' => '；',
        '\u{FE15}' | '\u{FE57}' => '！',
        '\u{FE16}' | '\u{FE56}' => '？',
        '\u{FE58}' => '—',
        '\u{FE59}' | '\u{FE35}' => '（',
        '\u{FE5A}' | '\u{FE36}' => '）',
        '\u{FE5D}' | '\u{FE39}' => '〔',
        '\u{FE5E}' | '\u{FE3A}' => '〕',
        '\u{FE63}' => '－',
        '\u{FE6A}' => '％',
        _ => return None,
    })
}

/// `line` with its small and vertical marks in their usual forms ([`standard_form`]). A
/// small full stop is read by where it stands: a number's point between digits (3﹒5), a
/// numbering mark after one (1﹒), a full stop elsewhere (增长5%﹒).
pub fn in_standard_forms(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    (0..chars.len())
        .map(|i| match chars[i] {
            '\u{FE52}' if digit(i.checked_sub(1)) && digit(Some(i + 1)) => '.',
            '\u{FE52}' if digit(i.checked_sub(1)) && i + 1 < chars.len() => '．',
            '\u{FE52}' => '。',
            c => standard_form(c).unwrap_or(c),
        })
        .collect()
}

/// Full-width digits, point and percent (０-９ ． ％, as IMEs type them) as ASCII, so numbers
/// read the same however they were typed.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .collect()
}

/// 一 → 1, 十 → 10, 十七 → 17, 二十一 → 21, 一百零五 → 105.
pub fn chinese_number(text: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    }
    let chars: Vec<char> = text.trim().chars().collect();
    if let Some(h) = chars.iter().position(|&c| c == '百') {
        let hundreds = match h {
            0 => 1,
            1 => digit(chars[0]).filter(|&n| n > 0)?,
            _ => return None,
        };
        let rest: String = chars[h + 1..].iter().collect();
        let rest = rest.trim_start_matches(['零', '〇']);
        let tail = if rest.is_empty() {
            0
        } else {
            chinese_number(rest)?
        };
        return Some(hundreds * 100 + tail);
    }
    match chars.as_slice() {
        [] => None,
        [d] if *d != '十' => digit(*d).filter(|&n| n > 0),
        _ => {
            let t = chars.iter().position(|&c| c == '十')?;
            let tens = match t {
                0 => 1,
                1 => digit(chars[0]).filter(|&n| n > 0)?,
                _ => return None,
            };
            let units = match &chars[t + 1..] {
                [] => 0,
                [u] => digit(*u).filter(|&n| n > 0)?,
                _ => return None,
            };
            Some(tens * 10 + units)
        }
    }
}

/// 1 → 一, 10 → 十, 17 → 十七, 21 → 二十一 (1–99).
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// May not start a line (行首禁则).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '〕'
            | '】'
            | '〉'
            | '…'
            | '·'
            | '％'
            | '%'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '—'
    )
}

/// May not end a line (行尾禁则).
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '“' | '‘' | '〔' | '【' | '〈' | '(' | '['
    )
}

/// Part of a word that never splits: Latin letters, digits and what binds them (2025, 100%,
/// 12.5, AB).
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '%' | '.' | '+' | '-' | '/' | '@' | '_' | '&' | '\'')
}

/// True when a line may break between `a` and `b`.
pub fn may_break(a: char, b: char) -> bool {
    if a == '\n' || b == '\n' {
        return true;
    }
    if b == ' ' {
        return false; // spaces hang at the end of the line
    }
    if a == ' ' {
        return true;
    }
    if no_line_start(b) || no_line_end(a) {
        return false;
    }
    if word_char(a) && word_char(b) {
        return false;
    }
    // Dashes and ellipses come in pairs that never split.
    !(a == b && matches!(a, '—' | '…'))
}

/// A name without what it says in brackets and without spaces: 年度投资金额 (万元) → 年度投资金额,
/// 牵头科室（单位） → 牵头科室.
pub fn without_brackets(name: &str) -> String {
    let mut depth = 0usize;
    name.chars()
        .filter(|c| match c {
            '(' | '（' | '〔' => {
                depth += 1;
                false
            }
            ')' | '）' | '〕' => {
                depth = depth.saturating_sub(1);
                false
            }
            c => depth == 0 && !c.is_whitespace(),
        })
        .collect()
}

/// The levels of government a body's name opens with (省财政厅, 区教育局).
pub const LEVEL_PREFIXES: &[char] = &['省', '市', '区', '县', '州'];

/// `names` joined as the source's cell `written` joins them where two stand side by side
/// in it: 和, 及, 与, ，and ； stay (岳麓区和市直相关单位; 各县区，市直各部门: the comma
/// parts kinds of unit), a half-width `,` `;` becomes full-width, a line break or a space
/// 、. Names written otherwise (a corrected name, a member of a group) are joined with 、.
pub fn joined_as_written(names: &[String], written: &str) -> String {
    // Names are kept with full-width brackets (各村（社区）) whichever the source wrote.
    let written = in_full_width(written);
    let written = written.as_ref();
    let mut out = String::new();
    // Where the name before ended in `written`, when it was found there.
    let mut after: Option<usize> = None;
    for (i, name) in names.iter().enumerate() {
        let from = after.unwrap_or(0);
        // A group spread over its words (各乡镇人民政府、街道办事处) shows as 各街道办事处; a
        // name its list lent a level (省财政厅、自然资源厅) as 省自然资源厅.
        let level_lent = name.strip_prefix(LEVEL_PREFIXES).unwrap_or("");
        let found = [name.as_str(), name.trim_start_matches('各'), level_lent]
            .into_iter()
            .filter(|form| !form.is_empty())
            .find_map(|form| written[from..].find(form).map(|at| (from + at, form.len())));
        if i > 0 {
            let between = after.zip(found).map(|(end, (at, _))| &written[end..at]);
            out.push_str(between.and_then(separator_as_written).unwrap_or("、"));
        }
        out.push_str(name);
        after = found.map(|(at, len)| at + len);
    }
    out
}

/// The separator a list's `between` two names stands for: the words between them, or,
/// where a name of the list was left out (a unit's own sheet names the others), the mark
/// after the name before (区政府各部门,各乡镇人民政府、街道办事处 without 各乡镇人民政府:
/// 区政府各部门，街道办事处). None when it is neither.
fn separator_as_written(between: &str) -> Option<&'static str> {
    let mark = |text: &str| {
        Some(match text {
            "" | "、" => "、",
            "，" | "," => "，",
            "；" | ";" => "；",
            "和" => "和",
            "及" => "及",
            "与" => "与",
            _ => return None,
        })
    };
    let between = between.trim();
    mark(between).or_else(|| {
        let first = between.chars().next()?;
        let last = between.chars().next_back()?;
        ("、，,；;".contains(first) && "、，,；;".contains(last))
            .then(|| mark(&first.to_string()))
            .flatten()
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn half_width_punctuation_in_chinese_prose_prints_full_width() {
        let full = |t: &str| in_full_width(t).into_owned();
        assert_eq!(
            full("经区政府同意,现将《方案》印发给你们,请认真贯彻落实。"),
            "经区政府同意，现将《方案》印发给你们，请认真贯彻落实。"
        );
        assert_eq!(full("(此件公开发布)"), "（此件公开发布）");
        assert_eq!(
            full("责任单位:区发改局;完成时限:6月底前"),
            "责任单位：区发改局；完成时限：6月底前"
        );
        // Figures, Latin text, addresses and full stops stay as written.
        assert_eq!(full("投资1,000万元,增长6.5%"), "投资1,000万元，增长6.5%");
        assert_eq!(
            full("见 http://www.gov.cn (网站)"),
            "见 http://www.gov.cn （网站）"
        );
        assert_eq!(full("10:30召开"), "10:30召开");
        assert_eq!(full("GDP (nominal)"), "GDP (nominal)");
        assert_eq!(full("各县(市、区)政府"), "各县（市、区）政府");
        assert!(matches!(
            in_full_width("无半角标点。"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_small_full_stop_reads_by_where_it_stands() {
        assert_eq!(
            in_standard_forms("1﹒增长3﹒5%﹐达到目标﹒"),
            "1．增长3.5%，达到目标。"
        );
        assert_eq!(
            in_standard_forms("﹙一﹚牵头单位﹕区发改局"),
            "（一）牵头单位：区发改局"
        );
    }

    #[test]
    fn separators_inside_parentheses_belong_to_the_name() {
        let pieces = split_outside_parentheses(
            "各县(市、区)人民政府、市直单位，各街道",
            |c| matches!(c, '、' | '，'),
        );
        assert_eq!(
            pieces,
            [
                ("各县(市、区)人民政府", None),
                ("市直单位", Some('、')),
                ("各街道", Some('，'))
            ]
        );
    }

    #[test]
    fn a_title_within_a_title_takes_angle_marks() {
        assert_eq!(
            in_title_marks("贯彻落实《关于加强街道工作的意见》的任务分解方案"),
            "《贯彻落实〈关于加强街道工作的意见〉的任务分解方案》"
        );
        assert_eq!(in_title_marks("某区工作安排"), "《某区工作安排》");
    }

    use super::*;

    #[test]
    fn a_list_keeps_the_words_its_source_joins_names_with() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            joined_as_written(&names(&["岳麓区", "市直相关单位"]), "岳麓区和市直相关单位"),
            "岳麓区和市直相关单位"
        );
        assert_eq!(
            joined_as_written(
                &names(&[
                    "区政府各部门",
                    "各乡镇人民政府",
                    "各街道办事处",
                    "魏武国控集团"
                ]),
                "区政府各部门,各乡镇人民政府、街道办事处,魏武国控集团。"
            ),
            "区政府各部门，各乡镇人民政府、各街道办事处，魏武国控集团"
        );
        // A name of the list left out: the mark after the name before it.
        assert_eq!(
            joined_as_written(
                &names(&["区政府各部门", "街道办事处", "魏武国控集团"]),
                "区政府各部门,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团"
            ),
            "区政府各部门，街道办事处，魏武国控集团"
        );
        // A line break is 、; a name the source wrote otherwise (corrected) is joined with 、.
        assert_eq!(
            joined_as_written(&names(&["区财政局", "区税务局"]), "区财政局\n区税务局"),
            "区财政局、区税务局"
        );
        assert_eq!(
            joined_as_written(&names(&["区发展改革委", "区财政局"]), "区发改委和区财政局"),
            "区发展改革委、区财政局"
        );
    }

    #[test]
    fn numerals_both_ways() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十七", 17),
            ("二十", 20),
            ("二十一", 21),
            ("九十九", 99),
            ("一百", 100),
            ("一百零五", 105),
        ];
        for (text, n) in cases {
            assert_eq!(chinese_number(text), Some(n), "{text}");
            if n < 100 {
                assert_eq!(chinese_numeral(n), text);
            }
        }
        for bad in ["", "零", "十十", "二二", "x", "一二三", "一二百"] {
            assert_eq!(chinese_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn spacing_and_sentence_ends() {
        assert_eq!(
            tidy_spacing("嘉定区推进儿童友好城区建设 2025 年 重点工作安排"),
            "嘉定区推进儿童友好城区建设2025年重点工作安排"
        );
        assert_eq!(tidy_spacing("AB  餐 and  more 字"), "AB餐and more字");
        // A slogan's halves keep their space.
        assert_eq!(
            tidy_spacing("开展“红色小象 星光灿烂”关爱项目"),
            "开展“红色小象 星光灿烂”关爱项目"
        );
        assert_eq!(close_word_spaces("开展“红色小象 星光灿烂”项目").1, []);
        let (text, closed) = close_word_spaces(
            "完善工作机 制，建设污水管　网。\n牵头单位：甲 责任单位：乙 Word and",
        );
        assert_eq!(
            text,
            "完善工作机制，建设污水管网。\n牵头单位：甲 责任单位：乙 Word and"
        );
        assert_eq!(
            closed,
            [
                ("工作机 制，建".to_string(), "工作机制，建".to_string()),
                ("污水管　网。".to_string(), "污水管网。".to_string())
            ]
        );
        assert_eq!(tidy_spacing("Word  and\tExcel"), "Word and Excel");
        // Two labelled fields keep their space; a label OCR split does not.
        assert_eq!(
            tidy_spacing("牵头单位：规建办 责任单位：派出所"),
            "牵头单位：规建办 责任单位：派出所"
        );
        assert_eq!(
            tidy_spacing("牵头单位：规建办　完成时限：6月底"),
            "牵头单位：规建办　完成时限：6月底"
        );
        assert_eq!(
            tidy_spacing("(联系人:周涛 电话:86789315)"),
            "(联系人:周涛 电话:86789315)"
        );
        assert_eq!(tidy_spacing("责任 单位： 区 水务局"), "责任单位：区水务局");
        assert_eq!(
            tidy_spacing("（ 责任单位：区水务局）"),
            "（责任单位：区水务局）"
        );
        assert!(ends_sentence("特此通知。"));
        assert!(ends_sentence("“追光小屋”居室微改造。”"));
        assert!(!ends_sentence("推进“三个助手”"));
        assert!(!ends_sentence("引领作用，"));
        assert!(ends_sentence(
            "新增普惠托位300个。（区卫生健康委牵头；2026年三季度）"
        ));
        assert!(!ends_sentence("在村（社区）"));
        // The bracket closing the line opens after the full stop, a name's own inside it.
        assert!(ends_sentence(
            "改造小区40个。〔市住建局牵头，市(中)直有关单位负责〕"
        ));
        assert!(!ends_sentence(
            "改造小区〔市住建局牵头，市(中)直有关单位负责〕"
        ));
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let text = "开展“童言嘉话。”活动。 加强宣传！\n第二段";
        let parts: Vec<&str> = sentences(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            parts,
            ["开展“童言嘉话。”", "活动。", "加强宣传！", "第二段"]
        );
    }

    #[test]
    fn similarity_survives_ocr_noise() {
        assert!(similarity("持续做好课后关爱", "持续做好课外关心关爱") > 0.6);
        assert!(similarity("强化各部門深度参与", "强化各部门深度参与") > 0.99);
        assert!(similarity("推动幼有善育", "加大特殊儿童关爱力度") < 0.1);
    }
}

/// `text` without what its quotation marks enclose (“收好官，开好局”, 「…」): a mark inside a
/// quotation is the quoted words', not the sentence's — a title quoting a slogan with a
/// comma in it is still a title.
pub fn outside_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '「' => closing = Some('」'),
                '‘' => closing = Some('’'),
                _ => out.push(c),
            },
        }
    }
    // An unclosed quotation keeps its words: nothing is taken that the text does not close.
    if closing.is_some() {
        return text.to_string();
    }
    out
}

#[cfg(test)]
mod quote_tests {
    use super::outside_quotes;

    #[test]
    fn marks_inside_quotations_are_the_quoted_words() {
        assert_eq!(
            outside_quotes("关于开展“收好官，开好局”专项行动的通知"),
            "关于开展专项行动的通知"
        );
        assert_eq!(outside_quotes("未闭合“引号，照原文"), "未闭合“引号，照原文");
    }
}
