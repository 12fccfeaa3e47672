//! Cells → meaning, shared by every reader: splitting a 责任单位 cell into units with roles
//! and resolving names through the [`UnitRegistry`]. Deadlines are [`super::deadline`]'s.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Assignment, Resolution, Role, UnitRegistry};

/// One entry of a 责任单位 cell as written, before resolution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrittenUnit {
    /// The name as written, trimmed.
    pub name: String,
    /// Marked as lead in the cell itself: `区教育局（牵头）`, or `A、B共同牵头`.
    pub marked_lead: bool,
    /// The text it was split from when names ran together (see [`run_together`]).
    pub run_together: Option<String>,
    /// The name as the cell broke it over lines (农产品流通工作 / 专班), when it did (see
    /// [`rejoin_wrapped_names`]).
    pub wrapped: Option<String>,
    /// The person named after it in its parentheses: `区商务局（王芳）`,
    /// `区文旅局（牵头，负责人：周强）`.
    pub person: Option<String>,
    /// Its name as written and the name before it in the list that lent it its level, when
    /// it was written without one (`省国税局、地税局`: 地税局 and 省国税局; see
    /// `level_shared_by_a_list`).
    pub level_lent: Option<(String, String)>,
    /// The run of names, as written with its mark, that a bracketed lead mark after the
    /// last of them spoke for (`A、B（牵头），C`: A and B lead), when it did.
    pub lead_mark_shared: Option<String>,
    /// The office's other name, in brackets after its name (`市发展改革委〔市能源局〕`,
    /// `市委组织部（市人才办）`: one office under two nameplates), when it has one.
    pub second_name: Option<String>,
}

/// A units cell whose narrow column broke a name over two lines (农产品流通工作⏎专班,
/// “十五五”规划编制⏎领导小组办公室), or a PDF's text that left a space where its line ended
/// (城镇规划建 设综合服务中心): a line break, or one space between two Han characters, is a
/// wrap, not a separator, where the piece before is no body's name, no role word, no
/// phrase — and joined with the piece after it ends as a body does. Returns the cell with
/// those breaks removed, and each name so joined with its text as written.
pub fn rejoin_wrapped_names(cell: &str) -> (std::borrow::Cow<'_, str>, Vec<(String, String)>) {
    let (lines, breaks) = split_at_breaks(cell);
    if lines.len() < 2 {
        return (cell.into(), Vec::new());
    }
    let (lines, breaks, mut joined) = join_vertical_runs(&lines, &breaks);
    let last_piece = |line: &str| {
        line.trim()
            .rsplit(is_separator)
            .next()
            .unwrap_or("")
            .to_string()
    };
    let first_piece = |line: &str| {
        line.trim()
            .split(is_separator)
            .next()
            .unwrap_or("")
            .to_string()
    };
    // A cell that sets its names apart by 、 ends a line without one only where the
    // column's width broke a name (区人力资源社会 / 保障局).
    let listed = lines.iter().any(|l| {
        l.trim()
            .trim_end_matches(is_separator)
            .contains(['、', '，', ','])
    });
    let mut out = String::with_capacity(cell.len());
    let mut skip = 0;
    for (i, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        // Inside a bracket the width broke (区发展改革委（区粮食 / 和物资储备局）), or a
        // line that is only a bracketed note (高新园 / (邹区镇)): more of the name above,
        // none of its own.
        let inside = i > 0 && brackets_open(&out) && closes_within(&lines[i..]);
        let note = i > 0 && opens_note(&lines[i..]) && !last_piece(&out).is_empty();
        if inside || note {
            let before = last_piece(&out);
            join_in_bracket(&mut out, line, &before, &mut joined);
            continue;
        }
        if i > 0 {
            let before = last_piece(&out);
            let open_list =
                listed && breaks[i - 1] == '\n' && !lines[i - 1].trim_end().ends_with(is_separator);
            let broken = name_broken_over(&before, &lines[i..], &breaks[i..]).or_else(|| {
                (open_list && wrapped_in_a_list(&before, &first_piece(line))).then_some(0)
            });
            if let Some(taken) = broken {
                let after: Vec<String> = (0..taken)
                    .map(|k| lines[i + k].trim().to_string())
                    .chain([first_piece(&lines[i + taken])])
                    .collect();
                let written = format!("{before}{}{}", breaks[i - 1], after.join("\n"));
                joined.push((format!("{before}{}", after.concat()), written));
                out.truncate(out.trim_end().len());
                for piece in &lines[i..i + taken] {
                    out.push_str(piece.trim());
                }
                out.push_str(lines[i + taken].trim_start());
                skip = taken;
                continue;
            }
            out.push(breaks[i - 1]);
        }
        out.push_str(line);
    }
    if joined.is_empty() {
        (cell.into(), joined)
    } else {
        (out.into(), joined)
    }
}

/// Joins `line` on to the name `before` that `out` ends with, a bracket going on over the
/// break, and notes the name so joined (with its breaks, when it was joined before).
fn join_in_bracket(out: &mut String, line: &str, before: &str, joined: &mut Vec<(String, String)>) {
    let piece = through_bracket(line.trim(), before);
    match joined.iter_mut().find(|(name, _)| name == before) {
        Some((name, written)) => {
            name.push_str(piece);
            written.push('\n');
            written.push_str(piece);
        }
        None => joined.push((format!("{before}{piece}"), format!("{before}\n{piece}"))),
    }
    out.truncate(out.trim_end().len());
    out.push_str(line.trim());
}

/// How many brackets `text` leaves open.
fn open_brackets(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '（' | '(' => 1,
            '）' | ')' => -1,
            _ => 0,
        })
        .sum()
}

fn brackets_open(text: &str) -> bool {
    open_brackets(text) > 0
}

/// Whether the bracket left open before `lines` closes within their first three: one
/// never closed (a bracket the scan lost) holds no names together.
fn closes_within(lines: &[String]) -> bool {
    let mut depth = 1;
    for line in lines.iter().take(3) {
        depth += open_brackets(line);
        if depth <= 0 {
            return true;
        }
    }
    false
}

/// Whether `lines` open with a bracketed note, whole on the first (（邹区镇）) or closed
/// within the next two (（区粮食和物 / 资储备局）).
fn opens_note(lines: &[String]) -> bool {
    let first = lines[0].trim();
    is_bracket_note(first)
        || (first.starts_with(['(', '（'])
            && open_brackets(first) > 0
            && closes_within(&lines[1..]))
}

/// The part of `line` that goes on the name `before` opened: through the bracket it
/// closes, and on to the next separator.
fn through_bracket<'a>(line: &'a str, before: &str) -> &'a str {
    let mut depth = open_brackets(before);
    for (at, c) in line.char_indices() {
        depth += open_brackets(c.encode_utf8(&mut [0; 4]));
        if depth <= 0 {
            let rest = &line[at + c.len_utf8()..];
            let end = rest.find(is_separator).unwrap_or(rest.len());
            return &line[..at + c.len_utf8() + end];
        }
    }
    line
}

/// Whether `line` is wholly one bracketed note: （邹区镇）, (安委办).
pub(crate) fn is_bracket_note(line: &str) -> bool {
    let line = line.trim();
    line.strip_prefix(['(', '（'])
        .and_then(|rest| rest.strip_suffix([')', '）']))
        .is_some_and(|inner| !inner.is_empty() && !inner.contains(['(', '（', ')', '）']))
}

/// Names set vertically in a narrow cell, a character or two a line (`市` / `监` / `察` /
/// `局`, `长沙` / `先导` / `区管委会、商务局`): a run of such lines opening a name, the
/// first no body of its own, with the name's last piece — three lines or more in all that
/// together end as a body does — is one line. Returns the lines, the breaks between them
/// and each name so joined with its text as written.
fn join_vertical_runs(
    lines: &[&str],
    breaks: &[char],
) -> (Vec<String>, Vec<char>, Vec<(String, String)>) {
    let short = |l: &str| {
        let l = l.trim();
        (1..=2).contains(&l.chars().count()) && !l.contains(is_separator)
    };
    let (mut out, mut out_breaks, mut joined) = (Vec::new(), Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        if i > 0 {
            out_breaks.push(breaks[i - 1]);
        }
        let opens = i == 0 || lines[i - 1].trim_end().ends_with(is_separator);
        let run = (i..lines.len())
            .take_while(|&k| short(lines[k]) && (k == i || breaks[k - 1] == '\n'))
            .count();
        let upper: String = lines[i..i + run].iter().map(|l| l.trim()).collect();
        let written = lines[i..i + run]
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>();
        let tail = lines
            .get(i + run)
            .filter(|_| run >= 2 && breaks[i + run - 1] == '\n')
            .map(|l| l.trim())
            .and_then(|l| l.split(is_separator).next().map(|piece| (l, piece)))
            .filter(|(_, piece)| (1..=6).contains(&piece.chars().count()));
        let candidate = opens && run >= 2 && !ends_as_a_body(lines[i].trim());
        match tail {
            Some((line, piece)) if candidate && ends_as_a_body(&format!("{upper}{piece}")) => {
                joined.push((
                    format!("{upper}{piece}"),
                    format!("{}\n{piece}", written.join("\n")),
                ));
                out.push(format!("{upper}{line}"));
                i += run + 1;
            }
            _ if candidate && run >= 3 && ends_as_a_body(&upper) => {
                joined.push((upper.clone(), written.join("\n")));
                out.push(upper);
                i += run;
            }
            _ => {
                out.push(lines[i].to_string());
                i += 1;
            }
        }
    }
    (out, out_breaks, joined)
}

/// How many whole lines of `lines` (each without a separator, a narrow column's piece of
/// one name: 县自 / 然资源和规划 / 局、县行政审) go with `before` before the first piece of
/// the line after them ends the name it opened: none when the next line's first piece
/// ends it, as [`breaks_a_name`] says; at most three.
fn name_broken_over(before: &str, lines: &[String], breaks: &[char]) -> Option<usize> {
    let whole = |l: &str| !l.trim().is_empty() && !l.trim().contains(is_separator);
    let mut middle = String::new();
    for (taken, line) in lines.iter().enumerate().take(4) {
        let first = line.trim().split(is_separator).next().unwrap_or("");
        // The name before its bracket (委（区粮食…): the bracket goes on as it will.
        let after = format!("{middle}{first}");
        let named = after.split(['（', '(']).next().unwrap_or("");
        if breaks_a_name(before, if named.is_empty() { &after } else { named }) {
            return Some(taken);
        }
        if !whole(line) || breaks.get(taken) != Some(&'\n') {
            return None;
        }
        middle.push_str(line.trim());
    }
    None
}

/// Whether `after` can only be the rest of a name `before` opened: it starts with what no
/// name starts with — a body's last character (局 / 区生态环境局 → 区规划资源局, 会保障局,
/// 心) or 部门 — and `before` is no closed name: none ending as an office does (法规科 /
/// 办公室 are two), a bracket, a lead mark, 等, a role word. (社, 会, 村 end a body's name
/// too, and a name broken after them: 区人力资源社 / 会保障局.)
fn goes_on_a_name(before: &str, after: &str) -> bool {
    const NEVER_FIRST: &[char] = &[
        '局', '委', '办', '会', '厅', '处', '室', '院', '所', '站', '队', '心',
    ];
    const OFFICE_ENDS: &[char] = &[
        '局', '委', '办', '室', '科', '处', '院', '所', '站', '队', '厅', '府', '部', '心', '组',
    ];
    let joined = format!("{before}{after}");
    (after.starts_with(NEVER_FIRST) || after.starts_with("部门"))
        && !before.ends_with(OFFICE_ENDS)
        && !before.ends_with([')', '）'])
        && !before.ends_with(LEAD_MARKS)
        && !before.ends_with('等')
        && role_suffix(before).is_none()
        && (ends_as_a_body(&joined) || looks_unspecified(&joined))
}

/// Whether a line of a list set apart by 、 that ends without one broke a name between
/// `before` and `after`: `before` is no name whole, and together they end as a body
/// (区人力资源社会 / 保障局), make a group phrase or a phrase naming no one (县各 / 相关部门).
/// Two whole names (财务部 / 投资发展部) stay two: a cell may list on lines as well.
fn wrapped_in_a_list(before: &str, after: &str) -> bool {
    let joined = format!("{before}{after}");
    !before.is_empty()
        && !after.is_empty()
        && !before.ends_with([')', '）'])
        && !before.ends_with(LEAD_MARKS)
        && !before.ends_with('等')
        && role_suffix(before).is_none()
        && !ends_as_a_body(before)
        && !after.starts_with('各')
        && (ends_as_a_body(&joined)
            || crate::model::is_group_phrase(&joined)
            || looks_unspecified(&joined))
}

/// Whether a break between `before` and `after` falls inside one name: `before` is no
/// body's name, no role word, no phrase, and the two together end as a body does; or
/// `before` is a head office a branch is named after (国家税务总局 / 青禾县税务局).
pub(crate) fn breaks_a_name(before: &str, after: &str) -> bool {
    if branch_of_head_office(before, after)
        || branch_named_by_place(before, after)
        || ending_broken(before, after)
        || level_and_a_letter(before, after)
        || members_broken(before, after)
        || kind_alone(before, after)
        || committees_department(before, after)
    {
        return true;
    }
    // A name closed by its bracket (高新园(邹区镇)) is whole; a line opening 各 (各街道)
    // names bodies of its own.
    let opens_anew = after.starts_with('各') || looks_unspecified(after);
    // No body is named by one character: one alone (区 / 教育局, 团 / 区委, 各 / 乡镇) opens
    // the name its column's width broke.
    // (A name spaced out a character at a time is another thing: see `letters_spaced_out`.)
    if before.chars().count() == 1 && before.chars().all(crate::base::cjk::is_han) {
        let joined = format!("{before}{after}");
        return after.chars().count() >= 2
            && !after.starts_with('各')
            && (ends_as_a_body(&joined) || crate::model::is_group_phrase(&joined));
    }
    if before.chars().count() >= 2 && goes_on_a_name(before, after) {
        return true;
    }
    before.chars().count() >= 2
        && !after.is_empty()
        && !opens_anew
        && !before.ends_with([')', '）'])
        && !before.ends_with(LEAD_MARKS)
        && !ends_as_a_body(before)
        && !before.ends_with('等')
        && role_suffix(before).is_none()
        && !looks_unspecified(before)
        && !crate::model::is_group_phrase(before)
        && ends_as_a_body(&format!("{before}{after}"))
}

/// Whether `before` ends on 各, which no name ends on (区安委会各 / 成员单位): the
/// members it names are on the next line.
fn members_broken(before: &str, after: &str) -> bool {
    before.chars().count() >= 2
        && before.ends_with('各')
        && !after.starts_with('各')
        && ends_whole(&format!("{before}{after}"))
}

/// Whether `after` is only a kind of body, naming none (管委会, 领导小组): the name it ends
/// is above it (区行政服务中心 / 管委会). Not 办公室, 法规科: a bureau's own offices are
/// named so in its plans, a line each.
fn kind_alone(before: &str, after: &str) -> bool {
    const KINDS: &[&str] = &[
        "管委会",
        "委员会",
        "党工委",
        "领导小组",
        "指挥部",
        "工作专班",
        "工委",
        "党组",
    ];
    before.chars().count() >= 2
        && KINDS.contains(&after)
        && !before.ends_with(LEAD_MARKS)
        && !before.ends_with(['、', '，', ',', '；', ';', '等'])
        && role_suffix(before).is_none()
}

/// Whether `after` is a department of the party committee `before` is (区委 / 组织部, 县委
/// / 宣传部, 区委组 / 织部): no district names a body 组织部 alone, its own level first.
fn committees_department(before: &str, after: &str) -> bool {
    let mut chars = before.chars();
    let (Some(level), Some('委')) = (chars.next(), chars.next()) else {
        return false;
    };
    // 区委组 / 织部: one character of the department's name with the committee (区委办 is
    // a name whole).
    let letter = chars.next();
    chars.next().is_none()
        && letter.is_none_or(|c| crate::base::cjk::is_han(c) && !"办会".contains(c))
        && "区县市省州".contains(level)
        && !after.starts_with(|c: char| "区县市省州各".contains(c))
        && after.chars().count() >= 2
        && ends_as_a_body(after)
}

/// Whether `before` is a level and one character (区科 / 技局, 区司 / 法局): no body is
/// named so but a party committee (区委), so the name goes on below.
fn level_and_a_letter(before: &str, after: &str) -> bool {
    let mut chars = before.chars();
    let (Some(level), Some(letter), None) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    "区县市省州".contains(level)
        && letter != '委'
        && crate::base::cjk::is_han(letter)
        && !after.starts_with(|c: char| "区县市省州各".contains(c))
        && ends_as_a_body(&format!("{before}{after}"))
}

/// Whether `after` is only the end of a body's ending `before` began (各街道办 / 事处,
/// 服务中 / 心): no name is a piece of an ending alone, whatever `before` ends with.
fn ending_broken(before: &str, after: &str) -> bool {
    let count = after.chars().count();
    !before.is_empty()
        && BODY_ENDINGS.iter().any(|ending| {
            ending.chars().count() > count
                && ending.ends_with(after)
                && format!("{before}{after}").ends_with(ending)
        })
}

/// Whether `after` is a branch named after the head office `before` (国家税务总局 +
/// 青禾县税务局, 国家金融监督管理总局 + 青禾监管分局): a 总局's field in a body's name
/// after it, as a vertical system writes its offices' names whole.
fn branch_of_head_office(before: &str, after: &str) -> bool {
    let Some(head) = before.strip_suffix("总局") else {
        return false;
    };
    let field: String = (head
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev())
    .collect();
    let branch = |a: &str| {
        (a.contains(field.as_str()) || a.contains("监管分局"))
            && ends_as_a_body(a)
            && !a.ends_with("总局")
    };
    field.chars().count() == 2 && branch(after)
}

/// Whether `after` is a branch named by its place alone (鄞州分局, 城东派出所), as it is
/// only after the body it belongs to, which `before` ends as (宁波市生态环境局 / 鄞州分局,
/// 区公安分局 / 城东派出所): no branch is named without it.
fn branch_named_by_place(before: &str, after: &str) -> bool {
    const BRANCHES: &[(&str, &[&str])] = &[
        ("分局", &["局"]),
        ("分院", &["院"]),
        ("分公司", &["公司"]),
        ("支队", &["局", "总队"]),
        ("大队", &["局", "支队"]),
        ("中队", &["局", "大队"]),
        ("派出所", &["局"]),
    ];
    // The branch may name its own unit after it (金水分局文化路派出所).
    let Some((place, parents, rest)) = BRANCHES.iter().find_map(|(kind, parents)| {
        let at = after.find(kind)?;
        Some((&after[..at], *parents, &after[at + kind.len()..]))
    }) else {
        return false;
    };
    // A place without its level (鄞州, 嘉定); one with it (区交警大队) is named whole.
    (1..=4).contains(&place.chars().count())
        && place.chars().all(crate::base::cjk::is_han)
        && !place.starts_with(|c: char| "省市区县镇乡各".contains(c))
        && before.chars().count() >= 4
        && parents.iter().any(|p| before.ends_with(p))
        && (rest.is_empty() || ends_as_a_body(rest))
}

/// `cell` cut at its line breaks and at each single space between two Han characters, with
/// the break after each piece.
fn split_at_breaks(cell: &str) -> (Vec<&str>, Vec<char>) {
    let chars: Vec<(usize, char)> = cell.char_indices().collect();
    let (mut pieces, mut breaks, mut from) = (Vec::new(), Vec::new(), 0);
    for (k, &(at, c)) in chars.iter().enumerate() {
        let between_han = || {
            let han =
                |j: Option<&(usize, char)>| j.is_some_and(|(_, c)| crate::base::cjk::is_han(*c));
            k > 0 && han(chars.get(k - 1)) && han(chars.get(k + 1))
        };
        if c == '\n' || (matches!(c, ' ' | '\u{3000}' | '\u{a0}') && between_han()) {
            pieces.push(&cell[from..at]);
            breaks.push(c);
            from = at + c.len_utf8();
        }
    }
    pieces.push(&cell[from..]);
    (pieces, breaks)
}

/// A character that prints as nothing (zero-width, a BOM, a soft hyphen, a control).
fn is_invisible(c: char) -> bool {
    !matches!(c, '\n' | '\t' | '\r')
        && crate::base::glyphs::fate(c) == crate::base::glyphs::Fate::Drop
}

/// What separates names in a units cell: 、，,；; / and whitespace (a full stop too).
fn is_separator(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／' | '。') || c.is_whitespace()
}

/// The role word a name ends with (牵头, 配合, 负责 …), matched on its simplified text.
pub(crate) fn role_suffix(name: &str) -> Option<RoleWord> {
    let simple = crate::base::cjk::simplified_text(name);
    ROLE_SUFFIXES
        .iter()
        .find(|(suffix, _)| simple.len() > suffix.len() && simple.ends_with(suffix))
        .map(|(_, word)| *word)
}

static TAIL_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    // 区商务委等相关职能部门 → 区商务委 + 相关职能部门; 区教育局等部门, 区发改委等5个单位.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(.+?)等((?:各|相关|有关|其他)?[^等]*(?:部门|单位|街镇|机构))$").unwrap()
});

/// What a role word after a list of units says of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleWord {
    /// 牵头, 主办: the units before it lead.
    Lead,
    /// 共同牵头, 共同负责, 分别牵头: every unit before it in the cell leads too.
    SharedLead,
    /// 分别负责, 按职责分工负责: each answers for its own part — they lead (a table of the
    /// same plan spans their cell over 主办 and 协办), unless a lead is named before them
    /// (X牵头，Y、Z分别负责: Y and Z do their parts under X).
    Respectively,
    /// 负责: responsible, lead or support unsaid — the first listed leads, as in a 责任单位
    /// cell.
    Responsible,
    /// 配合, 协办: the units before it support.
    Support,
}

/// Words after a unit's name that give its role in the cell itself. Longer suffixes stand
/// before the shorter ones they end with.
/// The words that say a body supports the work after its name (X配合, X参加): one list for
/// every reader of a duty, so a word added is read everywhere.
pub(crate) const SUPPORT_WORDS: &[&str] = &["配合", "协办", "参与", "参加", "协助"];

/// [`SUPPORT_WORDS`] as a regex alternation (配合|协办|…), for the patterns built on them.
pub(crate) fn support_words_pattern() -> String {
    SUPPORT_WORDS.join("|")
}

pub(crate) const ROLE_SUFFIXES: &[(&str, RoleWord)] = &[
    ("共同牵头", RoleWord::SharedLead),
    ("共同负责", RoleWord::SharedLead),
    // X、Y分别牵头: each leads its own part of the task, so all of them lead.
    ("分别牵头", RoleWord::SharedLead),
    ("分别负责", RoleWord::Respectively),
    ("分别牵头负责", RoleWord::SharedLead),
    ("牵头负责", RoleWord::Lead),
    ("牵头落实", RoleWord::Lead),
    ("牵头", RoleWord::Lead),
    ("主办", RoleWord::Lead),
    // 按职责分工负责: each does its part as its duties have it, as 分别负责 says.
    ("按职责分工负责", RoleWord::Respectively),
    ("按职责负责", RoleWord::Respectively),
    ("按职责分工落实", RoleWord::Respectively),
    ("按职责落实", RoleWord::Respectively),
    ("分工负责", RoleWord::Respectively),
    ("负责落实", RoleWord::Responsible),
    // 县政府主要领导负总责: who answers for the whole of it.
    ("负总责", RoleWord::Responsible),
    ("总负责", RoleWord::Responsible),
    ("负责", RoleWord::Responsible),
    ("配合", RoleWord::Support),
    ("协同", RoleWord::Support),
    ("协作", RoleWord::Support),
    ("协办", RoleWord::Support),
    ("协助", RoleWord::Support),
    ("参与", RoleWord::Support),
    ("参加", RoleWord::Support),
    // X牵头，Y指导: Y guides the work and answers for no part of it: it supports.
    ("指导", RoleWord::Support),
    ("督导", RoleWord::Support),
];

/// How names of bodies end: 局, 委, 中心, 街道办事处 ….
const BODY_ENDINGS: &[&str] = &[
    "局",
    "委",
    // 区卫生健康委 / 员会: broken inside its ending.
    "委员会",
    "办",
    "室",
    "科",
    "股",
    "中心",
    "政府",
    "镇",
    "乡",
    "街道",
    "办事处",
    "公司",
    // 法规司, 养老保险司: a ministry's departments.
    "司",
    "院",
    "会",
    "部",
    "所",
    "站",
    "队",
    "处",
    "组",
    "馆",
    "社",
    "行",
    "团",
    "校",
    "厅",
    "区",
    "村",
    "社区",
    "联",
    // 县科协, 市侨协
    "协",
    "台",
    "集团",
    "指挥部",
    "专班",
    "机关",
    // 吴江海关, 县电信, 市邮政: bodies named by their trade.
    "海关",
    "电信",
    "邮政",
    // Schools a bureau gives work to: 芜湖一中 (see `ends_as_a_body`), 安师大附中.
    "中学",
    "小学",
    "附中",
    "幼儿园",
    "学校",
    // A railway's depots (机务段, 车辆段, 供电段, 桥工段): not a road's 路段 or a 阶段.
    "务段",
    "辆段",
    "电段",
    "工段",
];

/// A piece of a name, not a name: a level and at most one character more that ends no
/// body's name (区, 市发, 区政 — where a source is cut off), or a name cut inside its
/// bracket (县(市、区、特). 区委 is a name.
pub fn is_name_fragment(name: &str) -> bool {
    let rest = name.trim_start_matches(|c| "省市区县州盟旗镇乡".contains(c));
    let leveled = rest.len() < name.len();
    // A level and one character: a piece (县卫, 市科), but for the party committee and the
    // government (市委, 县府).
    (leveled && rest.chars().count() <= 1 && !matches!(rest, "委" | "府"))
        || name.chars().count() == 1
        || opens_a_bracket_left_open(name)
}

/// True when `name` opens a bracket it does not close: the source ends inside it.
fn opens_a_bracket_left_open(name: &str) -> bool {
    const PAIRS: &[(char, char)] = &[
        ('（', '）'),
        ('(', ')'),
        ('〔', '〕'),
        ('[', ']'),
        ('【', '】'),
    ];
    PAIRS.iter().any(|&(open, close)| {
        name.chars().filter(|&c| c == open).count() > name.chars().filter(|&c| c == close).count()
    })
}

/// A name spaced out letter by letter to fill its cell (区　财　政　局, as 重　点　任　务 is
/// set in a header): one name, its spaces closed. Three letters standing alone at least.
fn letters_spaced_out(cell: &str) -> std::borrow::Cow<'_, str> {
    // Spaces only: a name broken over a cell's lines is `rejoin_wrapped_names`'s.
    fn tokens(piece: &str) -> Vec<&str> {
        (piece.split([' ', '\u{3000}']))
            .filter(|t| !t.is_empty())
            .collect()
    }
    let single = |t: &str| t.chars().count() == 1 && t.chars().all(crate::base::cjk::is_han);
    let spaced = |piece: &str| {
        !piece.contains('\n')
            && tokens(piece)
                .windows(3)
                .any(|w| w.iter().all(|t| single(t)))
    };
    let pieces: Vec<&str> = cell.split_inclusive(['、', '，', ',', '；', ';']).collect();
    if !pieces.iter().any(|p| spaced(p)) {
        return std::borrow::Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    for piece in pieces {
        if !spaced(piece) {
            out.push_str(piece);
            continue;
        }
        // The list's own marks close up too (县 农 业 局 、 县 财 政 局).
        let closes = |t: &str| {
            let bare = t.trim_end_matches(['、', '，', ',', '；', ';']);
            bare.is_empty() || single(bare)
        };
        let tokens = tokens(piece);
        for (i, token) in tokens.iter().enumerate() {
            if i > 0 && !(closes(token) && closes(tokens[i - 1])) {
                out.push(' ');
            }
            out.push_str(token);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True when `name` ends as a body's name does (区水务局, 白沙街道).
pub fn ends_as_a_body(name: &str) -> bool {
    // 市殘聯 ends as 市残联 does (the longest ending is three characters).
    let count = name.chars().count();
    let tail: String = name.chars().skip(count.saturating_sub(3)).collect();
    let tail = crate::base::cjk::simplified_text(&tail);
    // A school by its number (芜湖一中, 县二中, 市十五中).
    let numbered_school = tail.strip_suffix('中').is_some_and(|before| {
        before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    });
    // 城乡 (区住房和城乡 / 建设局) is town and country, no township; 社会 (区人力资源社会 /
    // 保障局) society, no association.
    numbered_school
        || (BODY_ENDINGS.iter().any(|e| tail.ends_with(e))
            && !tail.ends_with("城乡")
            && !tail.ends_with("社会"))
}

/// True when `name` ends as a whole name does, where a source might stop: a body's
/// (县交通局), or a kind of body named by its field (临夏州发展改革部门, 各成员单位) — never a
/// piece such as 县农业农.
pub fn ends_whole(name: &str) -> bool {
    const KINDS: &[&str] = &["部门", "单位", "机关", "机构", "企业", "学校"];
    // A piece (市科, a bracket left open) ends no name, whatever its last character.
    !is_name_fragment(name)
        && (ends_as_a_body(name)
            || KINDS
                .iter()
                .any(|k| name.ends_with(k) && name.chars().count() >= k.chars().count() + 2))
}

/// Kinds of body named without a place, which a 各 before them in a 、-list covers too.
const BARE_KINDS: &[&str] = &[
    "县",
    "市",
    "区",
    "县级市",
    "县政府",
    "市政府",
    "区政府",
    "县人民政府",
    "市人民政府",
    "区人民政府",
    "街道办事处",
    "街道",
    // 各镇、街: the streets', written short.
    "街",
    "乡镇",
    "镇",
    "乡",
    "乡镇人民政府",
    "镇人民政府",
    "乡人民政府",
    "社区",
    "村",
    "村（社区）",
    "村(社区)",
    "居委会",
    "村委会",
    "园区",
    "开发区",
    // 各街道、管委会: the zones' committees.
    "管委会",
    "管理委员会",
];

/// What joins the levels of [`levels_sharing_a_body`] while the cell is split: no separator.
const LEVELS_JOINED: char = '\u{E000}';

/// Levels listed before the body they share, written once after the last (`各州、市人民政府`,
/// `各县、市、区政府`): one phrase for the bodies of all those levels, as `各县（市、区）政府`
/// is, kept as written — not split into bodies no one names so (各市政府). Its 、 are
/// [`LEVELS_JOINED`] until the names are taken.
fn levels_sharing_a_body(cell: &str) -> std::borrow::Cow<'_, str> {
    static SHARED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        // A level is one character (县), or a kind of place of a few (特区, 民族乡, 自治县).
        Regex::new(&format!(
            r"(^|[、，,；;\s（(：:])(各)?({LEVEL})((?:、{LEVEL})*)、({LEVEL})([^、，,；;\s（）()]{{0,10}})",
            // Not 县级市: 各区、县级市 names two kinds of body.
            LEVEL = r"(?:民族乡|自治县|自治旗|特区|林区|[州市县区旗乡镇])"
        ))
        .unwrap()
    });
    SHARED.replace_all(cell, |caps: &regex::Captures| {
        // The body, and what follows it in the same piece (配合, 负责).
        let written = &caps[6];
        let end = written
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .rfind(|&end| ends_as_a_body(&written[..end]));
        // 县、市、区政府 names the body; 各县、市、区 the levels alone, 各 saying each.
        let each = caps.get(2).map_or("", |m| m.as_str());
        let (body, rest) = match end {
            Some(end) => written.split_at(end),
            // …and nothing after the last level but a role word (各区、县级市 names two
            // kinds of body, not levels).
            None if !each.is_empty()
                && (written.is_empty() || ROLE_SUFFIXES.iter().any(|(w, _)| written == *w)) =>
            {
                ("", written)
            }
            None => return caps[0].to_string(),
        };
        let levels: Vec<&str> = std::iter::once(&caps[3])
            .chain(caps[4].split('、').filter(|l| !l.is_empty()))
            .chain(std::iter::once(&caps[5]))
            .collect();
        format!(
            "{}{each}{}{body}{rest}",
            &caps[1],
            levels.join(&LEVELS_JOINED.to_string())
        )
    })
}

/// Places listed before the government they share, written once after the last
/// (`哈尔滨、黑河、绥芬河市政府`, `相关市、县政府`, `莒口镇、麻沙镇人民政府`): each place's government named whole
/// (哈尔滨市政府, 相关市政府). A piece that names a body already, or nobody in particular
/// (相关部门), is left as it is.
fn places_sharing_a_government(cell: &str) -> std::borrow::Cow<'_, str> {
    static SHARED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"(^|[，,；;\s（(：:])((?:[^、，,；;\s（）()：:]{2,12}、)+)",
            r"([^、，,；;\s（）()：:]{0,6}?)([市县縣区區州旗盟镇鎮乡鄉](?:人民)?政府)"
        ))
        .unwrap()
    });
    SHARED.replace_all(cell, |caps: &regex::Captures| {
        let body = &caps[4];
        let is_place = |piece: &str| {
            let simple = crate::base::cjk::simplified_text(piece);
            !ends_as_a_body(&simple)
                && !looks_unspecified(&simple)
                && !["部门", "单位", "机构", "企业"]
                    .iter()
                    .any(|e| simple.ends_with(e))
        };
        // 广州, 杭州: a city's name of two characters, its 州 no level (临夏州, 湘西州 are).
        let city_in_zhou = |piece: &str| piece.ends_with('州') && piece.chars().count() == 2;
        let at_level = |piece: &str| {
            piece.ends_with(|c: char| "市县縣区區州旗盟镇鎮乡鄉".contains(c))
                && !city_in_zhou(piece)
        };
        // A government named by its level alone (相关市、县政府) lends only that: to places
        // named by their level too, never to a bare word (财政、区政府).
        let is_place = |piece: &str| is_place(piece) && (!caps[3].is_empty() || at_level(piece));
        // 黄埔区、南沙区政府, 蕉城区、福安市人民政府: a place at the government's own level —
        // or, for a county's, at any of a county's (区, 县, 市, 旗) — names the district,
        // which reads as a body alone, yet shares the 政府 written once after the last. A
        // zone (开发区, 工业园区) has a committee, not a government.
        let level = body.chars().next();
        let county = |c: Option<char>| c.is_some_and(|c| "市县縣区區旗".contains(c));
        let same_level = |piece: &str| {
            let last = piece.chars().last();
            !caps[3].is_empty()
                && piece.chars().count() >= 3
                && (last == level || (county(last) && county(level)))
                && !is_a_zone(piece)
                && !looks_unspecified(&crate::base::cjk::simplified_text(piece))
        };
        let is_place = |piece: &str| is_place(piece) || same_level(piece);
        let run: Vec<&str> = caps[2].split('、').filter(|p| !p.is_empty()).collect();
        // The places are the run's pieces right before the last; those before them are
        // bodies of their own (机场指挥部、哈尔滨、黑河、绥芬河市政府).
        let first_place = run.iter().rposition(|p| !is_place(p)).map_or(0, |i| i + 1);
        if first_place == run.len() || !(caps[3].is_empty() || is_place(&caps[3])) {
            return caps[0].to_string();
        }
        let level_less = body.trim_start_matches(|c: char| "市县縣区區州旗盟镇鎮乡鄉".contains(c));
        let named = run
            .iter()
            .enumerate()
            .map(|(i, piece)| match i >= first_place {
                true if at_level(piece) => format!("{piece}{level_less}"),
                true => format!("{piece}{body}"),
                false => piece.to_string(),
            });
        let named: Vec<String> = named.collect();
        format!("{}{}、{}{body}", &caps[1], named.join("、"), &caps[3])
    })
}

/// Zones' names (经济技术开发区, 湖滨新区, 工业园区): places run by a committee (管委会), not
/// a government.
const ZONES: &[&str] = &[
    "开发区",
    "园区",
    "新区",
    "工业区",
    "高新区",
    "示范区",
    "试验区",
    "合作区",
    "保税区",
    "度假区",
    "景区",
    "功能区",
    "集聚区",
    "集中区",
    "管理区",
    // Their short names: 滁州经开区, 某综保区, 临港自贸区, 某产业园.
    "经开区",
    "综保区",
    "自贸区",
    "产业园",
    "工业园",
    "新城",
];

fn is_a_zone(piece: &str) -> bool {
    let simple = crate::base::cjk::simplified_text(piece);
    ZONES.iter().any(|z| simple.ends_with(z))
}

/// Zones listed before the committee they share, written once after the last
/// (`市经济技术开发区、市湖滨新区管委会`): each zone's committee named whole.
fn zones_sharing_a_committee(cell: &str) -> std::borrow::Cow<'_, str> {
    static SHARED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"(^|[，,；;\s（(：:])((?:[^、，,；;\s（）()：:]{2,14}、)+)",
            r"([^、，,；;\s（）()：:]{2,14}?)(管委会|管理委员会|管委)(?:$|[、，,；;。\s）)])"
        ))
        .unwrap()
    });
    SHARED.replace_all(cell, |caps: &regex::Captures| {
        let run: Vec<&str> = caps[2].split('、').filter(|p| !p.is_empty()).collect();
        // The zones are the run's pieces right before the last; those before them are
        // bodies of their own (市发改委、市经济技术开发区、市湖滨新区管委会).
        let first_zone = run.iter().rposition(|p| !is_a_zone(p)).map_or(0, |i| i + 1);
        if !is_a_zone(&caps[3]) || first_zone == run.len() {
            return caps[0].to_string();
        }
        let committee = &caps[4];
        let named: Vec<String> = run
            .iter()
            .enumerate()
            .map(|(i, piece)| match i >= first_zone {
                true => format!("{piece}{committee}"),
                false => piece.to_string(),
            })
            .collect();
        let after = &caps[0][caps[1].len() + caps[2].len() + caps[3].len() + committee.len()..];
        format!(
            "{}{}、{}{committee}{after}",
            &caps[1],
            named.join("、"),
            &caps[3]
        )
    })
}

/// Places listed before the department they share, written once after the last: cities
/// or prefectures (`海东市、兰州市、临夏州发展改革部门`) and groups of places (`各市〔州〕、
/// 贵安新区数据管理部门`), each one's department named whole (各市〔州〕数据管理部门, a group
/// phrase). Cities lend only from their levels (市, 州, 盟): a 镇 or 区 listed is a unit of
/// its own (安亭镇、嘉定工业区管委会); after a group of places, which alone names no one, a
/// 区 or 县 takes the department too.
fn places_sharing_a_department(cell: &str) -> std::borrow::Cow<'_, str> {
    static SHARED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"(^|[、，,；;\s（(：:])((?:(?:[^、，,；;\s（）()：:各]{2,6}?[市州盟]",
            r"|各[市州盟县区乡镇街道]{1,3}(?:[〔（(][^〔〕（）()，]{1,8}[〕）)])?)、)+)",
            r"([^、，,；;\s（）()：:各]{2,6}?[市州盟县区])([^、，,；;\s（）()：:]{2,12})"
        ))
        .unwrap()
    });
    SHARED.replace_all(cell, |caps: &regex::Captures| {
        let body = &caps[4];
        let simple = crate::base::cjk::simplified_text(body);
        let department = ends_as_a_body(&simple) || simple.ends_with("部门");
        let places: Vec<&str> =
            crate::base::cjk::split_outside_parentheses(&caps[2], |c| c == '、')
                .into_iter()
                .map(|(place, _)| place)
                .filter(|place| !place.is_empty())
                .collect();
        let group = |place: &&str| place.starts_with('各');
        let bare = |place: &&str| {
            let place = crate::base::cjk::simplified_text(place);
            !ends_as_a_body(&place) && !looks_unspecified(&place)
        };
        let last_lends = places.iter().any(group) || caps[3].ends_with(['市', '州', '盟']);
        let lends = places.iter().all(|p| group(p) || bare(p));
        // A zone's committee is its own (各镇(街道)、临港经济开发区管委会): no town's.
        let committee = ["管委会", "管理委员会", "管委"]
            .iter()
            .any(|c| simple.ends_with(c));
        let zone = is_a_zone(&caps[3]) && committee;
        if !department || !last_lends || !lends || body.contains("政府") || zone {
            return caps[0].to_string();
        }
        let named: Vec<String> = places.iter().map(|p| format!("{p}{body}")).collect();
        format!("{}{}、{}{body}", &caps[1], named.join("、"), &caps[3])
    })
}

/// A level written once for the bodies a 、-list names after it (`省财政厅、地税局`,
/// `区委宣传部、文明办`): each later body without a place of its own is that level's
/// (省地税局, 区文明办) — one unit, not a second one spelt without its level. Returns the
/// cell so named, and each name given a level with its text as written and the name that
/// lent it.
fn level_shared_by_a_list(
    cell: &str,
) -> (std::borrow::Cow<'_, str>, Vec<(String, String, String)>) {
    let pieces = crate::base::cjk::split_outside_parentheses(cell, is_separator);
    // The level the list gives, and the name that wrote it.
    let mut level: Option<(String, &str)> = None;
    let mut lent = Vec::new();
    let mut out = String::with_capacity(cell.len() + 8);
    for (piece, before) in pieces {
        if let Some(separator) = before {
            out.push(separator);
        }
        if before != Some('、') {
            level = None;
        }
        let written = piece.trim();
        if let Some(own) = level_opening(written) {
            level = Some((own, written));
        } else if let Some((of, from)) =
            (level.as_ref()).filter(|_| has_no_place(&unit_part(written)))
        {
            out.push_str(&piece[..piece.len() - piece.trim_start().len()]);
            out.push_str(of);
            out.push_str(written);
            out.push_str(&piece[piece.trim_end().len()..]);
            let unit = unit_part(written);
            lent.push((format!("{of}{unit}"), unit, unit_part(from)));
            continue;
        }
        out.push_str(piece);
    }
    if lent.is_empty() {
        (std::borrow::Cow::Borrowed(cell), lent)
    } else {
        (std::borrow::Cow::Owned(out), lent)
    }
}

/// The unit a piece of a list names: without the role word after it (地税局协办) or the
/// others it stands for (住房城乡建设厅等相关部门).
fn unit_part(piece: &str) -> String {
    let simple = crate::base::cjk::simplified_text(piece.trim());
    let name = (ROLE_SUFFIXES.iter())
        .find_map(|(suffix, _)| simple.strip_suffix(suffix))
        .unwrap_or(&simple);
    let name = match name.split_once('等') {
        Some((unit, rest)) if rest.is_empty() || looks_unspecified(rest) => unit,
        _ => name,
    };
    name.to_string()
}

/// The level a body's name opens with (省财政厅: 省, 自治区发展改革委: 自治区), not a word
/// that opens with a level's character (市场监管局, 市政园林局, 区域…).
fn level_opening(name: &str) -> Option<String> {
    const NOT_A_LEVEL: &[&str] = &["场", "容", "民", "域", "政园", "政公用", "政工程", "政局"];
    // An autonomous region's, prefecture's or county's: the level is the three characters.
    const AUTONOMOUS: &[&str] = &["自治区", "自治州", "自治县", "自治旗"];
    let name = name.trim_start_matches(LEAD_MARKS);
    let level = match AUTONOMOUS.iter().find(|level| name.starts_with(*level)) {
        Some(level) => level.to_string(),
        None => (name.chars().next())
            .filter(|c| crate::model::LEVEL_PREFIXES.contains(c))?
            .to_string(),
    };
    let rest = &name[level.len()..];
    let named = ends_as_a_body(name) || role_suffix(name).is_some();
    (named && !NOT_A_LEVEL.iter().any(|w| rest.starts_with(w))).then_some(level)
}

/// True for a body's name with no place in it, which takes the level of the list it is in
/// (地税局, 住房城乡建设厅) — not one with a place of its own (团市委, 人民银行县支行, 各乡镇),
/// one a central ministry names by its place (公安嘉定分局, 河南银保监局), the state's
/// (国家统计局) or a phrase naming no one.
fn has_no_place(name: &str) -> bool {
    // 城乡 and 农村 are no place.
    const PLACES: &[char] = &['省', '市', '县', '区', '州', '旗', '盟'];
    const PLACE_WORDS: &[&str] = &["乡镇", "街道", "镇人民", "乡人民", "镇政府", "乡政府"];
    const ENDINGS: &[&str] = &["厅", "局", "委", "办", "办公室", "委员会"];
    const OWN_PLACE: &[&str] = &[
        // 老街办, 江汉街办: a street's office, named by its street.
        "街办",
        // 大柴旦行委: a 行政委员会, the government of the place it is named by.
        "行委",
        "分局",
        "支局",
        "检验检疫",
        "海关",
        "调查队",
        "支队",
        "大队",
        "银行",
        "支行",
        "邮政",
        "铁路局",
        "烟草",
        "电力",
        "电信",
        "移动",
        "联通",
        "银保监",
        "证监",
        "银监",
        "保监",
    ];
    const PROVINCES: &[&str] = &[
        "北京",
        "天津",
        "河北",
        "山西",
        "内蒙古",
        "辽宁",
        "吉林",
        "黑龙江",
        "上海",
        "江苏",
        "浙江",
        "安徽",
        "福建",
        "江西",
        "山东",
        "河南",
        "湖北",
        "湖南",
        "广东",
        "广西",
        "海南",
        "重庆",
        "四川",
        "贵州",
        "云南",
        "西藏",
        "陕西",
        "甘肃",
        "青海",
        "宁夏",
        "新疆",
    ];
    const THE_STATES: &[&str] = &["国家", "中国", "中央", "国务院"];
    (2..=12).contains(&name.chars().count())
        && !name.contains(PLACES)
        && !name.contains(['（', '(', '等'])
        && !name.starts_with(LEAD_MARKS)
        && ENDINGS.iter().any(|e| name.ends_with(e))
        && !looks_unspecified(name)
        && ![PLACE_WORDS, OWN_PLACE]
            .concat()
            .iter()
            .any(|w| name.contains(w))
        && ![PROVINCES, THE_STATES]
            .concat()
            .iter()
            .any(|p| name.starts_with(p))
}

/// The pieces of a cell between separators (、，,；; / whitespace) outside parentheses, each
/// with whether a separator other than 、 stands before it (a new list, not the same
/// enumeration).
fn pieces(cell: &str) -> Vec<(&str, bool)> {
    crate::base::cjk::split_outside_parentheses(cell, is_separator)
        .into_iter()
        .map(|(piece, before)| (piece, before != Some('、')))
        .collect()
}

/// Marks a plan sets before (or after) the name of the unit that leads
/// (`*市发展改革委、市生态环境局`, `区财政局*、区发改局`).
pub const LEAD_MARKS: &[char] = &['*', '＊', '★', '☆', '▲', '△', '※'];

/// Splits a 责任单位 cell at 、，,；; / and whitespace, keeping `…等相关部门` tails apart.
/// A cell in traditional characters splits as its simplified text does (各有關部門及各縣
/// 政府 at its 及 as 各有关部门及各县政府), each name as written.
pub fn split_units(cell: &str) -> Vec<WrittenUnit> {
    // Characters no one sees (a zero-width space a web page left in 区\u{200B}教育局) are
    // no part of a name: one office, one sheet. `text/invisible` says each.
    let visible: String;
    let cell = if cell.chars().any(is_invisible) {
        visible = cell.chars().filter(|&c| !is_invisible(c)).collect();
        visible.as_str()
    } else {
        cell
    };
    if says_none(cell) {
        return Vec::new();
    }
    let text = crate::base::cjk::InSimplified::new(cell);
    if !text.differs() {
        return split_simplified_units(cell);
    }
    let back = |s: &String| text.as_written(s);
    split_simplified_units(&text.simple)
        .into_iter()
        .map(|unit| WrittenUnit {
            name: back(&unit.name),
            run_together: unit.run_together.as_ref().map(back),
            wrapped: unit.wrapped.as_ref().map(back),
            person: unit.person.as_ref().map(back),
            level_lent: (unit.level_lent.as_ref()).map(|(name, from)| (back(name), back(from))),
            lead_mark_shared: unit.lead_mark_shared.as_ref().map(back),
            second_name: unit.second_name.as_ref().map(back),
            ..unit
        })
        .collect()
}

/// A cell that says it names no unit: 无, 暂无, 不涉及, or a dash or slash a ledger puts
/// in an empty cell (—, ——, -, /).
pub(crate) fn says_none(cell: &str) -> bool {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    matches!(cell, "无" | "暂无" | "不涉及" | "无配合单位" | "无需配合")
        || (!cell.is_empty() && cell.chars().all(|c| "—–-－/／\\、".contains(c)))
}

fn split_simplified_units(cell: &str) -> Vec<WrittenUnit> {
    let cell = letters_spaced_out(cell);
    let cell = without_role_verbs(&cell);
    let (cell, wrapped) = rejoin_wrapped_names(&cell);
    let cell = levels_sharing_a_body(&cell);
    let cell = places_sharing_a_government(&cell);
    let cell = places_sharing_a_department(&cell);
    let cell = zones_sharing_a_committee(&cell);
    let (cell, lent) = level_shared_by_a_list(&cell);
    let mut list = UnitList::default();
    let pieces = pieces(&cell);
    for (at, &(piece, after_comma)) in pieces.iter().enumerate() {
        let comma_next = pieces.get(at + 1).is_some_and(|&(_, comma)| comma);
        list.piece(piece, after_comma, comma_next);
    }
    let mut out = list.out;
    mark_wrapped(&mut out, &wrapped);
    for unit in &mut out {
        unit.level_lent = (lent.iter())
            .find(|(name, _, _)| *name == unit.name)
            .map(|(_, written, from)| (written.clone(), from.clone()));
        if unit.name.contains(LEVELS_JOINED) {
            unit.name = unit.name.replace(LEVELS_JOINED, "、");
        }
    }
    out
}

/// A cell's units read piece by piece, with what the pieces so far say of the next.
#[derive(Default)]
struct UnitList {
    out: Vec<WrittenUnit>,
    /// Whether the 、-list so far is one 各 distributes over (各镇人民政府、街道办事处: each
    /// 街道办事处 too).
    distributing: bool,
    /// Where the run of names joined by 、 that this piece ends began: a role word after the
    /// run (区委政法委、区数据资源局牵头) is the whole run's.
    run_start: usize,
    /// Where the units after the last role word begin.
    since_role: usize,
}

impl UnitList {
    /// One piece between separators: a unit (or two), a role word for those before it, a
    /// note, or more of the phrase before it.
    fn piece(&mut self, piece: &str, after_comma: bool, comma_next: bool) {
        let Some((mut name, mark_lead)) = self.name_of(piece, after_comma) else {
            return;
        };
        // 区教育局（牵头）, 区商务局（王芳）: the role and the person, no part of the name.
        let (mut marked_lead, mut person) = (mark_lead, None);
        let mut bracketed_lead = false;
        let mut second_name = None;
        if let Some(note) = unit_note(&name) {
            (name, marked_lead, person) = (note.unit, note.lead, note.person);
            bracketed_lead = note.lead;
            second_name = note.second_name;
        }
        self.role_word(&mut name, &mut marked_lead);
        if let Some(after) = take_joined(&name, marked_lead, &mut self.out) {
            name = after;
            marked_lead = false;
        }
        // 市卫生健康委等: the unit, and others the cell does not name (kept in its text).
        if let Some(unit) = name.strip_suffix('等').filter(|u| u.chars().count() >= 2) {
            name = unit.trim().to_string();
        }
        if let Some(caps) = TAIL_PHRASE.captures(&name) {
            self.out
                .push(WrittenUnit::named(caps[1].to_string(), marked_lead));
            self.out
                .push(WrittenUnit::named(caps[2].to_string(), false));
            return;
        }
        if name.is_empty() {
            return;
        }
        let mut named = names_in(name, marked_lead);
        if let Some(last) = named.last_mut() {
            last.person = person;
            last.second_name = second_name;
        }
        self.out.extend(named);
        if bracketed_lead && comma_next {
            self.mark_closes_the_run(piece);
        }
    }

    /// 市农业农村局、市住房城乡建设局（牵头），各镇人民政府: a bracketed lead mark after
    /// the last of a run of names the comma then sets apart speaks for the run, as the
    /// unbracketed 牵头 does (…、…牵头，…); the reading is said.
    fn mark_closes_the_run(&mut self, piece: &str) {
        let run = &mut self.out[self.run_start..];
        if run.len() < 2 {
            return;
        }
        let before: Vec<&str> = run[..run.len() - 1]
            .iter()
            .map(|w| w.name.as_str())
            .collect();
        let written = format!("{}、{}", before.join("、"), piece.trim());
        for unit in run {
            unit.marked_lead = true;
            unit.lead_mark_shared = Some(written.clone());
        }
    }

    /// The piece's name and whether a mark says it leads; none when the piece names no unit
    /// of its own (empty, a note, more of the phrase before it).
    fn name_of(&mut self, piece: &str, after_comma: bool) -> Option<(String, bool)> {
        let mut name = piece.trim().to_string();
        // *市发展改革委 (or 市发展改革委*): the mark plans use for the unit that leads
        // (标*的为牵头单位), no part of the name (it made a unit of its own, with a sheet of
        // its own).
        let mark_lead = match (name.strip_prefix(LEAD_MARKS)).or(name.strip_suffix(LEAD_MARKS)) {
            Some(rest) => {
                name = rest.trim().to_string();
                true
            }
            None => false,
        };
        if name.is_empty() {
            return None;
        }
        // 市直有关部门、单位: a bare kind after 、 is more of the phrase before it, no unit.
        if !after_comma
            && matches!(name.as_str(), "单位" | "部门" | "机构")
            && let Some(last) = self.out.last_mut()
            && looks_unspecified(&last.name)
        {
            last.name = format!("{}、{name}", last.name);
            return None;
        }
        // A role word on a line of its own (units one a line, then 负责) is the list's.
        let simple = crate::base::cjk::simplified_text(&name);
        let bare_role = ROLE_SUFFIXES.iter().any(|(suffix, _)| simple == *suffix);
        if after_comma && !bare_role {
            self.run_start = self.out.len();
        }
        // …the list since the last role word, wherever its lines break.
        if bare_role {
            self.run_start = self.since_role;
        }
        if !after_comma && self.distributing && BARE_KINDS.contains(&name.as_str()) {
            name.insert(0, '各');
        }
        self.distributing = name.starts_with('各');
        // A note on the list after its last name (列第一位者为牵头或汇总单位，下同): kept in
        // the cell as written, no part of the name.
        if let Some(name_before) = role_note(&name) {
            name = name_before;
        }
        // The same note as a sentence of its own after the list (…负责。列第一位的为牵头部门，
        // 下同): the rule the reading follows, no unit.
        if is_role_note(&name) {
            return None;
        }
        Some((name, mark_lead))
    }

    /// A role word ending `name` (…牵头, …配合, 分别牵头) marks the units it speaks of.
    fn role_word(&mut self, name: &mut String, marked_lead: &mut bool) {
        let Some(word) = cut_role_word(name) else {
            return;
        };
        let led_already = self.out.iter().any(|w| w.marked_lead);
        *marked_lead |= match word {
            RoleWord::Lead | RoleWord::SharedLead => true,
            RoleWord::Respectively => !led_already,
            _ => false,
        };
        mark_leads(&mut self.out, word, self.run_start);
        // The units this piece names come after the role word's run.
        self.since_role = self.out.len() + usize::from(!name.is_empty());
        // 分别牵头, 共同牵头 speak of more than one: 投资促进局和口岸管理局 are two.
        if matches!(word, RoleWord::SharedLead | RoleWord::Respectively)
            && let Some((first, second)) = bodies_joined(name)
        {
            self.out.push(WrittenUnit::named(first, *marked_lead));
            *name = second;
            self.since_role += 1;
        }
    }
}

/// What a role word after a run of names says of those before it: 共同牵头 (every unit of
/// the cell leads), 牵头 (the run from `run_start` leads).
fn mark_leads(out: &mut [WrittenUnit], word: RoleWord, run_start: usize) {
    let from = match word {
        RoleWord::SharedLead => 0,
        RoleWord::Lead => run_start,
        RoleWord::Respectively if !out.iter().any(|w| w.marked_lead) => run_start,
        _ => return,
    };
    out.iter_mut().skip(from).for_each(|w| w.marked_lead = true);
}

impl WrittenUnit {
    /// A name as written, nothing more said of it.
    fn named(name: String, marked_lead: bool) -> WrittenUnit {
        WrittenUnit {
            name,
            marked_lead,
            run_together: None,
            wrapped: None,
            person: None,
            level_lent: None,
            lead_mark_shared: None,
            second_name: None,
        }
    }
}

/// What parentheses after a unit's name say of it, when they say only its role and who
/// answers for it: `区商务局（牵头）`, `区农业农村局（李建军）`, `区文旅局（牵头，负责人：周强）`.
/// Parentheses saying anything else (`各镇（街道）`, `区委（区政府）办公室`) are the name's.
#[derive(Debug, PartialEq)]
struct UnitNote {
    unit: String,
    lead: bool,
    person: Option<String>,
    second_name: Option<String>,
}

fn unit_note(name: &str) -> Option<UnitNote> {
    let inner = name
        .strip_suffix('）')
        .map(|n| (n, '（'))
        .or_else(|| name.strip_suffix(')').map(|n| (n, '(')))
        .or_else(|| name.strip_suffix('〕').map(|n| (n, '〔')))?;
    let (unit, inside) = inner.0.rsplit_once(inner.1)?;
    let unit = unit.trim();
    if unit.chars().count() < 2 || inside.contains(['（', '(', '〔']) {
        return None;
    }
    let mut note = UnitNote {
        unit: unit.to_string(),
        lead: false,
        person: None,
        second_name: None,
    };
    if is_second_name(unit, inside.trim()) {
        note.second_name = Some(inside.trim().to_string());
        return Some(note);
    }
    if inner.1 == '〔' {
        return None;
    }
    for part in inside.split(['，', ',', '；', ';', '、', ' ', '\u{3000}']) {
        let part = part.trim();
        let labelled = ["负责人", "联系人", "责任人", "分管领导", "责任领导"]
            .iter()
            .find_map(|label| part.strip_prefix(label))
            .map(|rest| rest.trim_start_matches(['：', ':']).trim());
        match part {
            "" => {}
            "牵头" | "牵头单位" | "主责" | "主责单位" | "主办" => note.lead = true,
            "配合单位" => {}
            _ if SUPPORT_WORDS.contains(&part) => {}
            _ if labelled.is_some_and(is_person_name) => note.person = labelled.map(String::from),
            _ if is_person_name(part) => note.person = Some(part.to_string()),
            _ => return None,
        }
    }
    Some(note)
}

/// Whether `inside`, in brackets after the body `unit`, is that office's other name (市发展
/// 改革委〔市能源局〕, 区市场监管局（区知识产权局）): a body's name on its own, at the unit's
/// level when it writes one — not the places a group stands for (各镇（街道）) nor a
/// body above or beside it (区卫健委（疾控中心） names no level of its own).
fn is_second_name(unit: &str, inside: &str) -> bool {
    let simple = crate::base::cjk::simplified_text(inside);
    let level = |name: &str| level_opening(name);
    inside.chars().count() >= 3
        && ends_as_a_body(&crate::base::cjk::simplified_text(unit))
        && ends_as_a_body(&simple)
        && !looks_unspecified(&simple)
        && !simple.starts_with('各')
        && level(inside).is_some()
        && level(inside) == level(unit)
}

/// The hundred or so commonest surnames (about nine in ten people bear one).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Whether `text` reads as a person's name: two to four Chinese characters, a common surname
/// first, and not the end of a body's name (街道, 社区).
pub(crate) fn is_person_name(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (2..=4).contains(&chars.len())
        && chars.iter().all(|c| crate::base::cjk::is_han(*c))
        && SURNAMES.contains(chars[0])
        && !ends_as_a_body(text)
        && !looks_unspecified(text)
        && role_suffix(text).is_none()
}

/// Cuts the role word a name ends with (区财政局配合 → 区财政局) and returns it. 負責, 牽頭
/// read as 负责, 牵头: the suffix is matched on the simplified name and cut from the name as
/// written, character for character.
fn cut_role_word(name: &mut String) -> Option<RoleWord> {
    let simple = crate::base::cjk::simplified_text(name);
    let (suffix, word) = ROLE_SUFFIXES
        .iter()
        .find(|(suffix, _)| simple.len() >= suffix.len() && simple.ends_with(suffix))?;
    let keep = name.chars().count() - suffix.chars().count();
    let kept: String = name.chars().take(keep).collect();
    *name = without_manner(kept.trim()).to_string();
    Some(*word)
}

/// `区行政审批局牵头推进`, `区委宣传部牵头组织实施`, `区住建局配合做好`: the verb a role word
/// takes after a body's name (推进, 组织, 抓总 …) says how, not who — cut, so the name ends at
/// its role word. Only a verb of two or four characters at a list's break, not one that
/// itself ends as a body (X牵头区住建局 names two units), and only after a body's name.
pub(crate) fn without_role_verbs(text: &str) -> std::borrow::Cow<'_, str> {
    static ROLE_VERB: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(牵头|主办|负责|配合|协办)(\p{Han}{4}|\p{Han}{2})([、，,；;。）)\s]|$)")
            .unwrap()
    });
    let cuts: Vec<(usize, usize)> = ROLE_VERB
        .captures_iter(text)
        .filter_map(|caps| {
            let (role, verb) = (caps.get(1)?, caps.get(2)?);
            let before = &text[..role.start()];
            let name_start = before
                .rfind(|c: char| is_separator(c) || "（(：:".contains(c))
                .map_or(0, |at| {
                    at + before[at..].chars().next().map_or(1, char::len_utf8)
                });
            let name = &before[name_start..];
            let kept_role = ROLE_SUFFIXES
                .iter()
                .any(|(suffix, _)| text[role.start()..verb.end()].ends_with(suffix));
            let says_how = (ends_as_a_body(name) || looks_unspecified(name))
                && !ends_as_a_body(verb.as_str())
                && !looks_unspecified(verb.as_str())
                && !kept_role;
            says_how.then(|| (verb.start(), verb.end()))
        })
        .collect();
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&text[from..start]);
        from = end;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// How a sentence says the role is to be taken up (各乡镇要积极配合, 县文旅局主动配合): words
/// between the names and the role word, no part of any name.
const MANNER_WORDS: &[&str] = &[
    "积极",
    "主动",
    "全力",
    "密切",
    "大力",
    "认真",
    "切实",
    "共同",
    "抓好",
    "做好",
    "要",
    "应",
    "须",
    "需",
    "结合实际",
    "按要求",
    "分别",
    "按职责分工",
    "按职责",
    // 各街镇按属地负责: each in its own area, as 分别 says.
    "按照属地",
    "按属地",
    "属地",
    "按各自职责",
];

/// `who` without the manner words it ends with (各乡镇要积极 → 各乡镇). A name no longer than
/// two characters once they are cut is left whole.
pub(crate) fn without_manner(who: &str) -> &str {
    let mut rest = who.trim_end();
    while let Some(cut) = MANNER_WORDS
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .filter(|cut| cut.chars().count() >= 2)
    {
        rest = cut.trim_end();
    }
    rest
}

/// X会同Y: X leads, with Y (X、Z会同有关部门: both lead); X等和Y: X (and others it does not
/// name), and Y. Pushes X's entries and returns Y, when `name` joins two so.
fn take_joined(name: &str, marked_lead: bool, out: &mut Vec<WrittenUnit>) -> Option<String> {
    let (before, after, with) = joined_names(name)?;
    if with {
        out.iter_mut().for_each(|w| w.marked_lead = true);
    }
    let before = before
        .strip_suffix('等')
        .unwrap_or(&before)
        .trim()
        .to_string();
    // X等有关部门: the unit, then the phrase for the others.
    if let Some(caps) = TAIL_PHRASE.captures(&before) {
        out.extend(names_in(caps[1].to_string(), marked_lead || with));
        out.extend(names_in(caps[2].to_string(), false));
        return Some(after);
    }
    out.extend(names_in(before, marked_lead || with));
    Some(after)
}

/// A piece joining two entries by a word, not a separator: `国家发展改革委会同有关部门`
/// (会同: the first leads, `true`) or `商务部等和各有关省级人民政府` (等和: a list that goes
/// on). Returns the two sides, each at least two characters, and whether it was 会同.
fn joined_names(name: &str) -> Option<(String, String, bool)> {
    [
        ("会同", true),
        ("會同", true),
        ("等和", false),
        ("等及", false),
    ]
    .iter()
    .find_map(|(word, with)| {
        let (before, after) = name.split_once(word)?;
        let long = |s: &str| s.trim().chars().count() >= 2;
        (long(before) && long(after))
            .then(|| (before.trim().to_string(), after.trim().to_string(), *with))
    })
    .or_else(|| {
        // 宣传处会办公室: 会 for 会同 between two bodies' names — not inside one (区社会事业局,
        // 居委会: 委会 is 委员会).
        let (before, after) = name.split_once('会')?;
        let (before, after) = (before.trim(), after.trim());
        let office = ["处", "局", "办", "厅", "司", "室", "中心"];
        (before.chars().count() >= 2
            && office.iter().any(|o| before.ends_with(o))
            && after.chars().count() >= 2
            && ends_as_a_body(after)
            && !after.starts_with(['同', '議', '议']))
        .then(|| (before.to_string(), after.to_string(), true))
    })
    .or_else(|| {
        // 能源局等省有关部门和各地级以上市人民政府: a phrase of bodies, then more.
        ["以及", "和", "及"].iter().find_map(|word| {
            let (before, after) = name.split_once(word)?;
            let kinds = ["部门", "单位", "机构"];
            // 各有关部门和单位 is one phrase: what follows 和 names bodies of its own.
            (kinds.iter().any(|k| before.trim_end().ends_with(k))
                && after.trim().chars().count() >= 3)
                .then(|| (before.trim().to_string(), after.trim().to_string(), false))
        })
    })
    .or_else(|| {
        // 统计局和市直相关单位: a body, then a phrase naming nobody (区人力资源和社会保障局
        // is one name: what follows its 和 names a body).
        ["和", "及", "与"].iter().find_map(|word| {
            let (before, after) = name.rsplit_once(word)?;
            let (before, after) = (before.trim(), after.trim());
            (before.chars().count() >= 2
                && ends_as_a_body(before)
                && !names_nobody(before)
                && names_nobody(after))
            .then(|| (before.to_string(), after.to_string(), false))
        })
    })
    .or_else(|| two_bodies(name))
}

/// How names of bodies open: with their place (县邮政, 中国移动, 各乡镇) — what tells a body
/// whose name ends in no usual way (县税务) from words about the work (确保按期完成).
pub(crate) const PLACE_OPENINGS: &[char] = &[
    '省', '市', '区', '县', '镇', '乡', '街', '各', '州', '旗', '盟', '国', '中',
];

/// 县交通局和县公路局, 区委与区政府: two bodies joined by a word, the second named from its
/// own place. The 和 inside one name (县住房和城乡建设局, 区农业农村和水利局) has no body's
/// name before it, or a place's; one joining a name to a kind it shares a place with
/// (各乡镇党委和人民政府, 高新区党工委和管委会), or starting a name (市公安局和平分局, 县教育局
/// 及其直属学校), has no place after it.
fn two_bodies(name: &str) -> Option<(String, String, bool)> {
    bodies_joined_where(name, |after| {
        after.chars().count() >= 3 && after.starts_with(PLACE_OPENINGS)
    })
    .map(|(before, after)| (before, after, false))
}

/// Two bodies' names joined by 和, 与 or 及 (投资促进局和口岸管理局), where the words around the
/// list say it names more than one: each side ends as a body does, the first no place (a
/// 和 inside one name has no body before it: 区文化和旅游局).
fn bodies_joined(name: &str) -> Option<(String, String)> {
    bodies_joined_where(name, |after| {
        after.chars().count() >= 2 && !names_nobody(after)
    })
}

/// The first 和, 与 or 及 in `name` with a body's name before it (no place's, no phrase's)
/// and one after it that `after_fits`.
fn bodies_joined_where(name: &str, after_fits: impl Fn(&str) -> bool) -> Option<(String, String)> {
    const PLACE_ENDINGS: &[&str] = &["镇", "乡", "街道", "区", "村", "社区"];
    ["和", "与", "及"].iter().find_map(|word| {
        name.match_indices(word).find_map(|(at, _)| {
            let (before, after) = (name[..at].trim(), name[at + word.len()..].trim());
            (before.chars().count() >= 2
                && ends_as_a_body(before)
                && !PLACE_ENDINGS.iter().any(|p| before.ends_with(p))
                && !names_nobody(before)
                && ends_as_a_body(after)
                && after_fits(after))
            .then(|| (before.to_string(), after.to_string()))
        })
    })
}

/// Marks the units whose names the cell broke over lines with their text as written.
fn mark_wrapped(units: &mut [WrittenUnit], wrapped: &[(String, String)]) {
    for unit in units {
        // A name read with its second name apart (区发展改革委（区粮食和物资储备局）) was
        // joined with it.
        let before_bracket = |name: &str| name.split(['（', '(']).next() == Some(&unit.name);
        unit.wrapped = wrapped
            .iter()
            .find(|(name, _)| *name == unit.name)
            .or_else(|| {
                let second = unit.second_name.as_ref()?;
                wrapped
                    .iter()
                    .find(|(name, _)| before_bracket(name) && name.contains(second.as_str()))
            })
            .map(|(_, written)| written.clone());
    }
}

/// The units a piece names: itself, or the names run together in it (see [`run_together`]).
fn names_in(name: String, marked_lead: bool) -> Vec<WrittenUnit> {
    match run_together(&name) {
        Some(names) => names
            .into_iter()
            .map(|part| WrittenUnit {
                name: part,
                marked_lead,
                run_together: Some(name.clone()),
                wrapped: None,
                person: None,
                level_lent: None,
                lead_mark_shared: None,
                second_name: None,
            })
            .collect(),
        None => vec![WrittenUnit::named(name, marked_lead)],
    }
}

/// The names of a cell that runs several bodies together with nothing between them
/// (`市行政审批局市司法局`, `县教体局各相关乡镇政府`: a web page's line break lost), when it
/// splits wholly into names of three characters or more, each ending as a body does and each
/// after the first opening with the level the first opens with (its 市, 区, 县) or with 各. A branch
/// (`市公安局市中区分局`) is not split off its parent.
pub fn run_together(name: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = name.chars().collect();
    // Only a name that opens with its level (市, 区, 县 …) is split: 全区经济运行各专班 is one.
    let prefix = *chars
        .first()
        .filter(|c| "省市区县州盟旗镇乡".contains(**c))?;
    let mut names = Vec::new();
    let mut start = 0;
    // 市场, 市政, 区域, 县域 open a word, not a name.
    let word = |i: usize| {
        matches!(
            (chars[i], chars.get(i + 1)),
            ('市', Some('场' | '政')) | ('区' | '县', Some('域'))
        )
    };
    for i in 3..chars.len().saturating_sub(2) {
        let opens = (chars[i] == prefix && !word(i)) || chars[i] == '各';
        let left: String = chars[start..i].iter().collect();
        if opens && i - start >= 3 && ends_as_a_body(&left) {
            names.push(left);
            start = i;
        }
    }
    let last: String = chars[start..].iter().collect();
    let branch = ["分局", "分院", "分中心", "分公司"]
        .iter()
        .any(|b| last.ends_with(b));
    if names.is_empty() || branch || last.chars().count() < 3 || !ends_as_a_body(&last) {
        return None;
    }
    names.push(last);
    Some(names)
}

/// The name before a parenthetical note on roles at its end (`石碶街道(列第一位者为牵头或
/// 汇总单位,下同)`), when it is one: it speaks of 牵头 / 汇总 / 下同, and is not itself a
/// role marker such as （牵头）.
fn role_note(name: &str) -> Option<String> {
    let inner_end = name.strip_suffix(['）', ')'])?;
    let open = inner_end.rfind(['（', '('])?;
    let inner = &inner_end[open..].trim_start_matches(['（', '(']);
    let note = ["下同", "汇总", "列第一", "排第一", "为牵头"]
        .iter()
        .any(|w| inner.contains(w));
    (note && open > 0).then(|| inner_end[..open].trim().to_string())
}

/// True for a note on how a list gives roles, standing alone: 列第一位的为牵头部门, 下同,
/// 第一责任单位为牵头单位.
pub(crate) fn is_role_note(text: &str) -> bool {
    let text = text.trim_matches(['（', '）', '(', ')', ' ']);
    let first = [
        "列第一",
        "排第一",
        "排在第一",
        "排名第一",
        "排在首位",
        "列首位",
        "排首位",
    ]
    .iter()
    .any(|w| text.contains(w));
    // 第一责任单位为牵头单位, 第一个单位是牵头单位: the first one is said to be the lead.
    let first_is_lead = (text.contains("第一") || text.contains("首位"))
        && ["为牵头", "是牵头", "作为牵头"]
            .iter()
            .any(|w| text.contains(w));
    text == "下同" || (first && text.contains("牵头")) || first_is_lead
}

/// What resolving a 责任单位 cell gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResolvedUnits {
    /// Units with roles, leads first, each unit once.
    pub assignments: Vec<Assignment>,
    /// Phrases that name no unit, as written.
    pub unspecified: Vec<String>,
    /// Those of them written in a 责任单位 column beside the 牵头 and 配合 ones.
    pub responsible_phrases: Vec<String>,
    /// Those of them written among the leads (a 牵头单位 cell cut inside a name).
    pub lead_phrases: Vec<String>,
    /// Names the registry does not know, as written.
    pub unknown: Vec<String>,
    /// Names listed more than once (after aliases and groups are resolved).
    pub duplicates: Vec<String>,
    /// Pieces of a name cut off (区, 市发): see [`is_name_fragment`].
    pub fragments: Vec<String>,
    /// Aliases used: (as written, canonical).
    pub aliases: Vec<(String, String)>,
    /// The first entry, when it named no unit so the lead fell to a later one.
    pub lead_not_first: Option<String>,
}

/// Resolves the written entries of one task. With `separate_columns` (牵头单位 / 配合单位) the
/// roles are given (`responsible`: a 责任单位 column's beside them); otherwise the entries
/// marked as lead lead, or else the first entry that names a unit or a group (every member of
/// a group leads then). Phrases such as 相关部门 never lead.
pub fn resolve_units(
    leads: &[WrittenUnit],
    supports: &[WrittenUnit],
    responsible: &[WrittenUnit],
    separate_columns: bool,
    registry: &UnitRegistry,
) -> ResolvedUnits {
    let mut out = ResolvedUnits::default();
    let (mut entries, explicit) = given_roles(leads, supports, separate_columns);
    entries.extend(responsible.iter().map(|w| (w, Some(Role::Responsible))));
    let mut lead_taken = explicit;
    let mut seen_first = false;
    for (written, given_role) in entries {
        let name = written.name.trim();
        let resolution = match registry.resolve(name) {
            Resolution::Unknown if looks_unspecified(name) => Resolution::Unspecified,
            Resolution::Unknown if is_name_fragment(name) || registry.is_cut_off(name) => {
                out.fragments.push(name.to_string());
                Resolution::Unspecified
            }
            other => other,
        };
        if matches!(resolution, Resolution::Unspecified) {
            if !seen_first && !explicit {
                out.lead_not_first = Some(name.to_string());
            }
            seen_first = true;
            out.unspecified.push(name.to_string());
            match given_role {
                Some(Role::Responsible) => out.responsible_phrases.push(name.to_string()),
                Some(Role::Lead) => out.lead_phrases.push(name.to_string()),
                _ => {}
            }
            continue;
        }
        let role = match given_role {
            Some(role) => role,
            None if !lead_taken => Role::Lead,
            None => Role::Support,
        };
        seen_first = true;
        lead_taken = true;
        match &resolution {
            Resolution::Unit { unit, alias: true } => {
                out.aliases.push((name.to_string(), unit.name.clone()));
            }
            Resolution::Unknown => out.unknown.push(name.to_string()),
            _ => {}
        }
        for assignment in assignments(name, resolution, role) {
            out.add(assignment);
        }
    }
    // Leads first, otherwise in the order written (a stable sort).
    out.assignments.sort_by_key(|a| a.role);
    out
}

/// The entries of a task in order, each with the role the source gives it (None: the
/// first named leads), and whether any role is given at all.
fn given_roles<'a>(
    leads: &'a [WrittenUnit],
    supports: &'a [WrittenUnit],
    separate_columns: bool,
) -> (Vec<(&'a WrittenUnit, Option<Role>)>, bool) {
    let explicit = separate_columns
        || leads.iter().any(|w| w.marked_lead)
        || supports.iter().any(|w| w.marked_lead);
    let marked_role = |w: &WrittenUnit| {
        if w.marked_lead {
            Role::Lead
        } else {
            Role::Support
        }
    };
    let entries = if separate_columns {
        leads
            .iter()
            .map(|w| (w, Some(Role::Lead)))
            .chain(supports.iter().map(|w| (w, Some(marked_role(w)))))
            .collect()
    } else if explicit {
        leads
            .iter()
            .chain(supports)
            .map(|w| (w, Some(marked_role(w))))
            .collect()
    } else {
        leads.iter().chain(supports).map(|w| (w, None)).collect()
    };
    (entries, explicit)
}

/// Who an entry written `name` assigns in `role`: its unit, every member of its group, or
/// the name itself when the registry does not know it.
fn assignments(name: &str, resolution: Resolution<'_>, role: Role) -> Vec<Assignment> {
    match resolution {
        Resolution::Unit { unit, alias } => vec![Assignment {
            name: unit.name.clone(),
            role,
            written: alias.then(|| name.to_string()),
            via: None,
            conditional: false,
            known: true,
        }],
        Resolution::Group(group) => group
            .members
            .iter()
            .map(|member| Assignment {
                name: member.clone(),
                role,
                written: Some(group.name.clone()),
                via: Some(group.name.clone()),
                conditional: group.partial,
                known: true,
            })
            .collect(),
        // 各村(社区) and 各村（社区） are one name: written with the full-width brackets of
        // Chinese text.
        Resolution::Unknown => vec![Assignment {
            name: crate::base::cjk::in_full_width(name).into_owned(),
            role,
            written: None,
            via: None,
            conditional: false,
            known: false,
        }],
        Resolution::Unspecified => Vec::new(),
    }
}

impl ResolvedUnits {
    /// Adds an assignment; a unit named twice is listed once (and said, unless once was
    /// through its group: the explicit naming wins, keeping the stronger role).
    fn add(&mut self, assignment: Assignment) {
        let Some(existing) = self
            .assignments
            .iter_mut()
            .find(|a| a.name == assignment.name)
        else {
            self.assignments.push(assignment);
            return;
        };
        match (existing.via.is_some(), assignment.via.is_some()) {
            (true, false) => {
                let role = existing.role.min(assignment.role);
                *existing = Assignment { role, ..assignment };
            }
            (false, false) if !self.duplicates.contains(&assignment.name) => {
                self.duplicates.push(assignment.name.clone());
            }
            _ => {}
        }
    }
}

/// The 责任单位 cell as documents print it: as written, each alias replaced by its unit's
/// canonical name (区妇儿工委办 → 区妇工委办); separators, groups and phrases unchanged.
pub fn canonical_cell(cell: &str, registry: &UnitRegistry) -> String {
    // A name wrapped over two lines of the cell is one name (as the units are read), never
    // printed as two; nor is one spaced out letter by letter printed as its letters.
    let (cell, _) = rejoin_wrapped_names(cell);
    let cell = letters_spaced_out(&cell).into_owned();
    let mut out = String::with_capacity(cell.len());
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut String| {
        let trimmed = piece.trim();
        let lead = &piece[..piece.len() - piece.trim_start().len()];
        let trail = &piece[piece.trim_end().len()..];
        let name = match registry.resolve(trimmed) {
            Resolution::Unit { unit, alias: true } => unit.name.clone(),
            _ => match TAIL_PHRASE.captures(trimmed) {
                Some(caps) => match registry.resolve(&caps[1]) {
                    Resolution::Unit { unit, alias: true } => {
                        format!("{}等{}", unit.name, &caps[2])
                    }
                    _ => trimmed.to_string(),
                },
                None => trimmed.to_string(),
            },
        };
        out.push_str(lead);
        out.push_str(&name);
        out.push_str(trail);
        piece.clear();
    };
    for c in cell.chars() {
        if matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／' | '\n') {
            flush(&mut piece, &mut out);
            out.push(c);
        } else {
            piece.push(c);
        }
    }
    flush(&mut piece, &mut out);
    out
}

/// Phrases no registry lists but that plainly name nobody: 区各有关部门, 县直各有关部门,
/// 协调机制各成员单位.
pub fn looks_unspecified(name: &str) -> bool {
    names_nobody(name) || reads_as_a_remark(name)
}

/// Whether `phrase` is the members of a body it names (县…领导小组各成员单位, 联席会议成员
/// 单位): a definite set the plan does not list — not members of bodies left open (各有关
/// 成员单位) nor of none (成员单位).
pub fn members_of_a_body(phrase: &str) -> bool {
    let Some(body) = phrase.strip_suffix("成员单位") else {
        return false;
    };
    let body = body.trim_end_matches('各');
    body.chars().count() >= 2 && !body.ends_with("有关") && !body.ends_with("相关")
}

/// Phrases that name no one body: 各有关部门, 成员单位, 部门.
pub fn names_nobody(name: &str) -> bool {
    // 市級各有關部門 reads as 市级各有关部门.
    let name = crate::base::cjk::simplified_text(name);
    let name = name.as_str();
    [
        "有关部门",
        "相关部门",
        "有关单位",
        "相关单位",
        "职能部门",
        "成员单位",
        "各部门",
        "各单位",
    ]
    .iter()
    .any(|p| name.ends_with(p))
        || ["部门", "单位"].contains(&name)
        || name.ends_with("个部门")
        || name.ends_with("个单位")
        || each_of_a_kind(name)
        || nobodies_joined(name)
        || related_of_a_kind(name)
        // 其他部门和单位, 其余单位: those not named, whoever they are.
        || ["其他", "其余", "其它"]
            .iter()
            .filter_map(|w| name.strip_prefix(w))
            .any(|rest| !rest.is_empty() && names_nobody(rest))
}

/// A kind of body qualified as those concerned (有关直属单位, 市食安委有关委员单位, 县直相关
/// 部门): whichever of them the work touches, no one body.
fn related_of_a_kind(name: &str) -> bool {
    const KINDS: &[&str] = &["部门", "单位", "机构", "企业", "组织"];
    let Some(at) = name.rfind("有关").or_else(|| name.rfind("相关")) else {
        return false;
    };
    let kind = &name[at + "有关".len()..];
    // 区人社局等有关部门和单位 names 区人社局 first: a list, not a phrase.
    !name[..at].contains('等')
        && kind.chars().count() <= 6
        && !kind.contains(['和', '及', '与', '、'])
        && KINDS.iter().any(|k| kind.ends_with(k))
}

/// Two phrases naming nobody joined by 和, 及 or 与: 有关部门和单位, 相关部门及单位 (not a
/// unit's list, 区人社局等有关部门和单位, whose 等 names a body before it).
fn nobodies_joined(name: &str) -> bool {
    const KINDS: &[&str] = &["部门", "单位", "机构", "企业", "个人", "组织"];
    // 县直有关部门、单位 (joined by the reader from a list) as 有关部门和单位.
    name.split_once(['和', '及', '与', '、'])
        .is_some_and(|(first, rest)| {
            !first.contains('等')
                && names_nobody(first)
                && (KINDS.contains(&rest) || names_nobody(rest))
        })
}

/// 各产业主管部门, 区属各重点国企, 全区经济运行各专班: "each" of a kind of body the plan does
/// not list — no one body (unlike 各街道, whose members a config can name).
/// Each place's body is a group the config can list (各市〔州〕数据管理部门, 各区县财政部门).
fn each_of_a_kind(name: &str) -> bool {
    name.rsplit_once('各').is_some_and(|(_, kind)| {
        let places = kind.starts_with(crate::model::PLACE_LEVELS);
        !places
            && [
                "部门",
                "单位",
                "企业",
                "国企",
                "专班",
                "机构",
                "平台公司",
                "主体",
                "工作组",
            ]
            .iter()
            .any(|k| kind.ends_with(k))
    })
}

/// A remark written among a list of units, no body's name: 区政府无相关工作职能的, 不再列出,
/// 由市政府直属责任部门负责相关工作. It ends as no body does and reads as a clause.
fn reads_as_a_remark(name: &str) -> bool {
    let bare = name.split(['（', '(']).next().unwrap_or(name);
    !ends_as_a_body(bare)
        && !name.starts_with('各')
        && ["的", "由", "均需", "不再", "以下", "以上", "列出"]
            .iter()
            .any(|w| name.contains(w))
}

/// Whether every name on `text` (split as a 责任单位 cell is) is a body's: a cell that
/// reads as units whatever column it stands in.
pub fn is_units_text(text: &str) -> bool {
    // A list may close with a full stop (区投资促进中心。, 区财政局、区税务局。); one inside it
    // is a sentence's. A lone name before it must open as a body's does: 建成县残疾人服务
    // 中心。 is work done.
    let stopped = text.trim().strip_suffix('。');
    let text = stopped.unwrap_or(text.trim());
    if text.chars().count() > 200 || text.contains(['。', '：', ':']) {
        return false;
    }
    let names = split_units(text);
    let opens_as_a_body =
        |name: &str| name.starts_with(['各', '区', '县', '市', '省', '州', '镇', '乡', '街']);
    if stopped.is_some() && names.len() == 1 && !opens_as_a_body(&names[0].name) {
        return false;
    }
    !names.is_empty()
        && names.iter().all(|unit| {
            let name = unit.name.as_str();
            let bare = name
                .split(['（', '('])
                .next()
                .unwrap_or(name)
                .trim_end_matches(['）', ')']);
            name.chars().count() <= 24
                && (name.starts_with('各') || names_nobody(name) || ends_as_a_body(bare))
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_saying_none_names_no_unit() {
        for cell in ["无", " 暂无 ", "—", "——", "-", "/", "／", "不涉及"] {
            assert!(split_units(cell).is_empty(), "{cell}");
        }
        assert_eq!(split_units("无锡市商务局").len(), 1);
    }

    use super::*;

    #[test]
    fn kinds_of_place_sharing_one_government_are_one_phrase() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|u| u.name).collect() };
        assert_eq!(names("各市、特区、区人民政府"), ["各市、特区、区人民政府"]);
        assert_eq!(
            names("各乡、民族乡、镇人民政府"),
            ["各乡、民族乡、镇人民政府"]
        );
        assert_eq!(names("各区、县级市"), ["各区", "各县级市"]);
    }
    use crate::model::{Unit, UnitGroup, UnitKind};

    #[test]
    fn a_mark_before_or_after_a_name_marks_its_lead() {
        let read = |cell: &str| -> Vec<(String, bool)> {
            (split_units(cell).into_iter())
                .map(|u| (u.name, u.marked_lead))
                .collect()
        };
        for cell in [
            "区财政局*、区发改局",
            "*区财政局、区发改局",
            "区财政局★，区发改局",
        ] {
            assert_eq!(
                read(cell),
                [
                    ("区财政局".to_string(), true),
                    ("区发改局".to_string(), false)
                ],
                "{cell}"
            );
        }
        // A line ending in the mark is a whole name, not the start of one wrapped.
        assert_eq!(
            read("区财政局*\n区发改局"),
            [
                ("区财政局".to_string(), true),
                ("区发改局".to_string(), false)
            ]
        );
    }

    #[test]
    fn those_concerned_of_a_kind_name_no_one() {
        for phrase in [
            "有关直属单位",
            "市食安委有关委员单位",
            "县直相关部门",
            "有关企业",
        ] {
            assert!(looks_unspecified(phrase), "{phrase}");
        }
        for body in ["县有关部门协调中心", "市相关产业促进中心", "县民政局"] {
            assert!(!names_nobody(body), "{body}");
        }
    }

    #[test]
    fn a_verb_after_a_role_word_is_cut_a_unit_after_it_is_not() {
        let cut = |t: &str| without_role_verbs(t).into_owned();
        assert_eq!(cut("区行政审批局牵头推进"), "区行政审批局牵头");
        assert_eq!(
            cut("区委宣传部牵头组织实施，区住建局配合做好"),
            "区委宣传部牵头，区住建局配合"
        );
        assert_eq!(cut("区财政局牵头负责"), "区财政局牵头负责");
        assert_eq!(cut("区发改委牵头区住建局"), "区发改委牵头区住建局");
        // Only after a body's name.
        assert_eq!(cut("各单位按职责配合做好"), "各单位按职责配合做好");
        assert_eq!(cut("区财政局负责资金保障工作"), "区财政局负责资金保障工作");
    }

    #[test]
    fn a_name_by_field_ends_whole_a_piece_does_not() {
        assert!(ends_whole("县交通局"));
        assert!(ends_whole("临夏州发展改革部门"));
        assert!(ends_whole("各成员单位"));
        assert!(!ends_whole("县农业农"));
        assert!(!ends_whole("部门"));
    }

    fn registry() -> UnitRegistry {
        let unit = |name: &str, aliases: &[&str]| Unit {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: UnitKind::Government,
        };
        UnitRegistry::new(
            vec![
                unit("区妇工委办", &["区妇儿工委办"]),
                unit("区教育局", &[]),
                unit("区商务委", &[]),
                unit("南翔镇", &[]),
                unit("江桥镇", &[]),
            ],
            vec![
                UnitGroup {
                    name: "各街镇".into(),
                    members: vec!["南翔镇".into(), "江桥镇".into()],
                    partial: false,
                },
                UnitGroup {
                    name: "相关街镇".into(),
                    members: vec!["南翔镇".into(), "江桥镇".into()],
                    partial: true,
                },
            ],
            crate::config::DEFAULT_UNSPECIFIED
                .iter()
                .map(|s| s.to_string())
                .collect(),
        )
        .unwrap()
    }

    fn names(cell: &str) -> Vec<String> {
        split_units(cell).into_iter().map(|w| w.name).collect()
    }

    #[test]
    fn a_cell_in_traditional_characters_splits_as_in_simplified() {
        let names = |cell: &str| {
            split_units(cell)
                .into_iter()
                .map(|u| u.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("市级各有关部门及各县市区政府"),
            ["市级各有关部门", "各县市区政府"]
        );
        assert_eq!(
            names("市級各有關部門及各縣市區政府"),
            ["市級各有關部門", "各縣市區政府"]
        );
        // A name joined from two lines comes back in the characters written.
        let text = crate::base::cjk::InSimplified::new("區發展和改革局、區財政局");
        assert_eq!(text.as_written("区财政局"), "區財政局");
        assert_eq!(text.as_written("区发展改革局"), "區發展改革局");
    }

    #[test]
    fn parentheses_after_a_unit_give_its_role_and_person_not_its_name() {
        let units =
            split_units("区农业农村局（李建军）、区文旅局（牵头，负责人：周强）、各镇（街道）");
        let read: Vec<(&str, bool, Option<&str>)> = units
            .iter()
            .map(|w| (w.name.as_str(), w.marked_lead, w.person.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("区农业农村局", false, Some("李建军")),
                ("区文旅局", true, Some("周强")),
                ("各镇（街道）", false, None),
            ]
        );
        // Parentheses naming a body belong to the name.
        assert_eq!(
            split_units("区政府办（金融办）")[0].name,
            "区政府办（金融办）"
        );
    }

    #[test]
    fn a_bare_kind_after_a_phrase_is_more_of_it() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|w| w.name).collect() };
        assert_eq!(
            names("市直有关部门、单位，各区市政府"),
            ["市直有关部门、单位", "各区市政府"]
        );
        for phrase in [
            "市直有关部门、单位",
            "县直有关单位、部门",
            "各有关部门、机构",
        ] {
            assert!(looks_unspecified(phrase), "{phrase}");
        }
        // After a body's name it stays what it is (said as no whole name by the checks).
        assert_eq!(names("区财政局、单位"), ["区财政局", "单位"]);
    }

    #[test]
    fn a_role_word_after_names_joined_by_the_enumeration_comma_is_all_of_theirs() {
        let units = split_units("县委政法委、县数据资源局牵头，县直各有关单位配合");
        let marked: Vec<(&str, bool)> = units
            .iter()
            .map(|w| (w.name.as_str(), w.marked_lead))
            .collect();
        assert_eq!(
            marked,
            [
                ("县委政法委", true),
                ("县数据资源局", true),
                ("县直各有关单位", false)
            ]
        );
        // 指导 gives a supporting role, no part of the name.
        let units = split_units("各镇（街道）牵头，区委政法委指导");
        assert_eq!(units[1].name, "区委政法委");
        assert!(!units[1].marked_lead);
        // Two bodies joined by a word are two units; a 和 inside a name is none.
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|w| w.name).collect() };
        assert_eq!(names("县交通局和县公路局"), ["县交通局", "县公路局"]);
        assert_eq!(
            names("县住房和城乡建设局、县水利局与县财政局"),
            ["县住房和城乡建设局", "县水利局", "县财政局"]
        );
        assert_eq!(names("区农业农村和水利局"), ["区农业农村和水利局"]);
        assert_eq!(names("县人力资源和社会保障局"), ["县人力资源和社会保障局"]);
        for one in [
            "市公安局和平分局",
            "县教育局及其直属学校",
            "各乡镇党委和人民政府",
            "高新区党工委和管委会",
        ] {
            assert_eq!(names(one).len(), 1, "{one}: {:?}", names(one));
        }
        // Nor do the words saying how (要积极, 主动) the role is taken up.
        let units = split_units("县住建局牵头，各乡镇要积极配合");
        assert_eq!(units[1].name, "各乡镇");
        assert_eq!(without_manner("县文旅局主动"), "县文旅局");
        assert_eq!(without_manner("各街镇按属地"), "各街镇");
        // A name left no longer than two characters stays whole.
        assert_eq!(without_manner("主要"), "主要");
    }

    #[test]
    fn roles_and_phrases_written_in_the_cell() {
        let cell = |c: &str| -> Vec<(String, bool)> {
            split_units(c)
                .into_iter()
                .map(|w| (w.name, w.marked_lead))
                .collect()
        };
        assert_eq!(
            cell("区教育局、区体育局共同牵头，区财政局配合"),
            [
                ("区教育局".into(), true),
                ("区体育局".into(), true),
                ("区财政局".into(), false)
            ]
        );
        assert_eq!(
            cell("区民政局牵头；各街镇按职责分工负责"),
            [("区民政局".into(), true), ("各街镇".into(), false)]
        );
        assert_eq!(
            cell("区教育局等部门"),
            [("区教育局".into(), false), ("部门".into(), false)]
        );
        assert_eq!(
            cell("区发改委等5个单位"),
            [("区发改委".into(), false), ("5个单位".into(), false)]
        );
        assert_eq!(cell("区商务委等相关职能部门")[1].0, "相关职能部门");
        assert_eq!(
            cell("市人力社保局、市农业农村局分别牵头"),
            [("市人力社保局".into(), true), ("市农业农村局".into(), true)]
        );
        // 分别牵头 says there are several: a 和 between two bodies parts them, each leading.
        assert_eq!(
            cell("投资促进局和口岸管理局分别牵头、区发改局"),
            [
                ("投资促进局".into(), true),
                ("口岸管理局".into(), true),
                ("区发改局".into(), false)
            ]
        );
        assert_eq!(
            cell("区商务局和区交通局分别牵头、区发改局"),
            [
                ("区商务局".into(), true),
                ("区交通局".into(), true),
                ("区发改局".into(), false)
            ]
        );
        // One name with a 和 of its own stays one.
        assert_eq!(
            cell("区文化和旅游局共同牵头、区财政局"),
            [("区文化和旅游局".into(), true), ("区财政局".into(), false)]
        );
    }

    #[test]
    fn phrases_joined_name_nobody_but_a_list_after_a_unit_does() {
        for phrase in [
            "有关部门和单位",
            "各有关部门和单位",
            "相关部门及单位",
            "有关单位和个人",
        ] {
            assert!(looks_unspecified(phrase), "{phrase}");
        }
        assert!(!looks_unspecified("区人社局等有关部门和单位"));
        assert!(!looks_unspecified("区住房和城乡建设局"));
    }

    #[test]
    fn a_unit_working_with_others_leads_them() {
        let with = split_units("国家发展改革委、财政部会同有关部门负责");
        let shown: Vec<(&str, bool)> = with
            .iter()
            .map(|w| (w.name.as_str(), w.marked_lead))
            .collect();
        assert_eq!(
            shown,
            [
                ("国家发展改革委", true),
                ("财政部", true),
                ("有关部门", false)
            ]
        );
        assert_eq!(names("区人社局会同区财政局"), ["区人社局", "区财政局"]);
        assert_eq!(names("宣传处会办公室"), ["宣传处", "办公室"]);
        assert!(split_units("宣传处会办公室")[0].marked_lead);
        // A bracketed mark after a run the comma sets apart speaks for the run; before 、 or
        // at the cell's end, for its own name.
        let shared = split_units("市农业农村局、市住建局（牵头），各镇人民政府");
        let leads: Vec<bool> = shared.iter().map(|w| w.marked_lead).collect();
        assert_eq!(leads, [true, true, false]);
        assert_eq!(
            shared[0].lead_mark_shared.as_deref(),
            Some("市农业农村局、市住建局（牵头）")
        );
        let own: Vec<bool> = (split_units("市农业农村局、市住建局（牵头）、各镇人民政府").iter())
            .map(|w| w.marked_lead)
            .collect();
        assert_eq!(own, [false, true, false]);
        for one in ["区社会事业局", "居委会办公室", "市总工会办公室"] {
            assert_eq!(names(one), [one]);
        }
        assert!(split_units("区人社局会同区财政局")[0].marked_lead);
        // 等和: the list goes on after the units the 等 stands for.
        assert_eq!(
            names("商务部等和各有关省级人民政府负责"),
            ["商务部", "各有关省级人民政府"]
        );
        assert!(!split_units("商务部等和各有关省级人民政府")[0].marked_lead);
    }

    #[test]
    fn a_name_spaced_out_letter_by_letter_is_one_name() {
        assert_eq!(names("区　财　政　局、区税务局"), ["区财政局", "区税务局"]);
        assert_eq!(names("区 财 政 局"), ["区财政局"]);
        // Names set apart by spaces stay apart.
        assert_eq!(names("县委 县政府"), ["县委", "县政府"]);
        // A list set out so, its marks with it, is printed closed up.
        let registry = UnitRegistry::default();
        assert_eq!(
            canonical_cell(
                "县 农 业 农 村 局 、 县 卫 生 健 康 局 、 各 乡 镇",
                &registry
            ),
            "县农业农村局、县卫生健康局、各乡镇"
        );
    }

    #[test]
    fn places_and_zones_share_the_government_or_committee_after_them() {
        // A county's levels share a county's government; a zone has none.
        assert_eq!(
            names("市工信局、蕉城区、福安市人民政府"),
            ["市工信局", "蕉城区人民政府", "福安市人民政府"]
        );
        assert_eq!(
            names("嘉定工业区、安亭镇人民政府"),
            ["嘉定工业区", "安亭镇人民政府"]
        );
        // Zones share the committee written once after the last; a town does not.
        assert_eq!(
            names("各镇(街道)、临港经济开发区管委会"),
            ["各镇(街道)", "临港经济开发区管委会"]
        );
        assert_eq!(
            names("市发改委、市经济技术开发区、市湖滨新区管委会"),
            ["市发改委", "市经济技术开发区管委会", "市湖滨新区管委会"]
        );
        assert_eq!(
            names("安亭镇、嘉定工业区管委会"),
            ["安亭镇", "嘉定工业区管委会"]
        );
    }

    #[test]
    fn a_ge_before_a_list_covers_the_bare_kinds_after_it() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|w| w.name).collect() };
        assert_eq!(
            names("各乡镇人民政府、街道办事处，区财政局"),
            ["各乡镇人民政府", "各街道办事处", "区财政局"]
        );
        assert_eq!(names("区财政局、街道办事处"), ["区财政局", "街道办事处"]);
        assert_eq!(names("各街道，社区"), ["各街道", "社区"]);
        assert_eq!(
            names("各镇、街道、村（社区）"),
            ["各镇", "各街道", "各村（社区）"]
        );
        assert_eq!(names("各县、市、区政府"), ["各县、市、区政府"]);
        assert_eq!(names("市卫生健康委等"), ["市卫生健康委"]);
        // Places sharing the government written once after the last.
        assert_eq!(
            names("机场指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局"),
            [
                "机场指挥部",
                "哈尔滨市政府",
                "黑河市政府",
                "绥芬河市政府",
                "省农垦总局"
            ]
        );
        assert_eq!(
            names("省发改委、铁路办、相关市、县政府"),
            ["省发改委", "省铁路办", "相关市政府", "县政府"]
        );
        assert_eq!(names("相關市、縣政府"), ["相關市政府", "縣政府"]);
        assert_eq!(
            names("区财政局、区教育局、区政府"),
            ["区财政局", "区教育局", "区政府"]
        );
        assert_eq!(names("相关部门、黑河市政府"), ["相关部门", "黑河市政府"]);
        // Districts at the government's own level share it too; a bare level does not.
        assert_eq!(
            names("市卫生健康委，荔湾区、黄埔区政府"),
            ["市卫生健康委", "荔湾区政府", "黄埔区政府"]
        );
        assert_eq!(names("各区、南沙区政府"), ["各区", "南沙区政府"]);
        // An office's other name in brackets is no unit of its own (one office, two
        // nameplates); the places a group stands for, or a body of no level, stay the name's.
        let units = split_units("市发展改革委〔市能源局〕、市委组织部(市人才办)、各镇（街道）");
        let read: Vec<(&str, Option<&str>)> = (units.iter())
            .map(|u| (u.name.as_str(), u.second_name.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("市发展改革委", Some("市能源局")),
                ("市委组织部", Some("市人才办")),
                ("各镇（街道）", None)
            ]
        );
        assert_eq!(names("区卫健委（疾控中心）"), ["区卫健委（疾控中心）"]);
        // 广州's 州 is its name's, no level: it takes 市政府 as 哈尔滨 does.
        assert_eq!(names("广州、深圳市政府"), ["广州市政府", "深圳市政府"]);
        assert_eq!(names("临夏州、甘南州政府"), ["临夏州政府", "甘南州政府"]);
        // Zones sharing the committee written once at a sentence's end.
        assert_eq!(
            names(
                "各县市区人民政府,皖江江北新兴产业集中区、经济技术开发区、三山经济开发区、高新技术产业开发区管委会。"
            ),
            [
                "各县市区人民政府",
                "皖江江北新兴产业集中区管委会",
                "经济技术开发区管委会",
                "三山经济开发区管委会",
                "高新技术产业开发区管委会"
            ]
        );
        assert_eq!(
            names("市地方金融监管局，滁州经开区、中新苏滁高新区管委会，各县、市、区人民政府。"),
            [
                "市地方金融监管局",
                "滁州经开区管委会",
                "中新苏滁高新区管委会",
                "各县、市、区人民政府"
            ]
        );

        // Units one a line (Alt+Enter in a cell), the role word on a line of its own.
        assert_eq!(
            names("市殘聯\n市財政局\n市稅務局\n負責"),
            ["市殘聯", "市財政局", "市稅務局"]
        );
        let marked: Vec<bool> = split_units("区教育局\n区体育局\n牵头")
            .iter()
            .map(|w| w.marked_lead)
            .collect();
        assert_eq!(marked, [true, true]);
        assert_eq!(names("财政、区政府"), ["财政", "区政府"]);
        // A phrase of bodies joined to more by 和.
        assert_eq!(
            names("省水利厅、省能源局等省有关部门和各地级以上市人民政府"),
            ["省水利厅", "省能源局", "省有关部门", "各地级以上市人民政府"]
        );
        assert_eq!(names("各有关部门和单位"), ["各有关部门和单位"]);
        assert_eq!(
            names("各县(市、区)人民政府，市直各有关单位"),
            ["各县(市、区)人民政府", "市直各有关单位"]
        );
    }

    #[test]
    fn a_note_on_roles_and_traditional_role_words_are_no_part_of_a_name() {
        let names = |cell: &str| -> Vec<(String, bool)> {
            split_units(cell)
                .into_iter()
                .map(|w| (w.name, w.marked_lead))
                .collect()
        };
        assert_eq!(
            names("区发改局、石碶街道(列第一位者为牵头或汇总单位,下同)"),
            [
                ("区发改局".to_string(), false),
                ("石碶街道".to_string(), false)
            ]
        );
        assert_eq!(
            names("市人力資源社會保障局牽頭、市稅務局負責"),
            [
                ("市人力資源社會保障局".to_string(), true),
                ("市稅務局".to_string(), false)
            ]
        );
        // A name's own parentheses stay.
        assert_eq!(names("各县(市、区)人民政府")[0].0, "各县(市、区)人民政府");
    }

    #[test]
    fn splits_at_every_separator_the_seed_uses() {
        assert_eq!(
            names("区发展改革委、区妇工委办，各街镇"),
            ["区发展改革委", "区妇工委办", "各街镇"]
        );
        assert_eq!(
            names(" 区教育局 ,区体育局；团区委\n区总工会 "),
            ["区教育局", "区体育局", "团区委", "区总工会"]
        );
        assert_eq!(
            names("区体育局、区商务委等相关职能部门，各街镇"),
            ["区体育局", "区商务委", "相关职能部门", "各街镇"]
        );
        // 和 inside a name is no separator.
        assert_eq!(names("区文化和旅游局"), ["区文化和旅游局"]);
        assert!(names("、，").is_empty());
    }

    fn roles(cell: &str) -> Vec<(String, Role)> {
        resolve_units(&split_units(cell), &[], &[], false, &registry())
            .assignments
            .into_iter()
            .map(|a| (a.name, a.role))
            .collect()
    }

    #[test]
    fn first_listed_leads_and_aliases_resolve() {
        let resolved = resolve_units(
            &split_units("区妇儿工委办、区教育局"),
            &[],
            &[],
            false,
            &registry(),
        );
        assert_eq!(
            resolved.aliases,
            vec![("区妇儿工委办".into(), "区妇工委办".into())]
        );
        assert_eq!(resolved.assignments[0].name, "区妇工委办");
        assert_eq!(resolved.assignments[0].role, Role::Lead);
        assert_eq!(
            resolved.assignments[0].written.as_deref(),
            Some("区妇儿工委办")
        );
        assert_eq!(resolved.assignments[1].role, Role::Support);
    }

    #[test]
    fn groups_expand_and_phrases_never_lead() {
        assert_eq!(
            roles("区教育局，各街镇"),
            [
                ("区教育局".into(), Role::Lead),
                ("南翔镇".into(), Role::Support),
                ("江桥镇".into(), Role::Support),
            ]
        );
        let resolved = resolve_units(
            &split_units("协调机制成员单位，各街镇"),
            &[],
            &[],
            false,
            &registry(),
        );
        assert!(resolved.lead_not_first.is_some());
        assert_eq!(resolved.unspecified, ["协调机制成员单位"]);
        assert!(resolved.assignments.iter().all(|a| a.role == Role::Lead));
        assert_eq!(resolved.assignments.len(), 2);

        let resolved = resolve_units(
            &split_units("区商务委等相关职能部门，相关街镇"),
            &[],
            &[],
            false,
            &registry(),
        );
        assert_eq!(resolved.assignments[0].name, "区商务委");
        assert_eq!(resolved.assignments[0].role, Role::Lead);
        assert!(resolved.assignments[1].conditional);
        assert_eq!(resolved.unspecified, ["相关职能部门"]);
    }

    #[test]
    fn duplicates_and_unknowns_are_recorded() {
        let resolved = resolve_units(
            &split_units("区教育局、区教育、区教育局、南翔镇、各街镇"),
            &[],
            &[],
            false,
            &registry(),
        );
        assert_eq!(resolved.duplicates, ["区教育局"]);
        for fragment in [
            "区",
            "市发",
            "区政",
            "县",
            "县(市、区、特",
            "縣〔市、區、特",
            "区发改委（粮食",
        ] {
            assert!(is_name_fragment(fragment), "{fragment}");
        }
        for name in [
            "区委",
            "县委",
            "市府办",
            "区发改委",
            "团区委",
            "区法院",
            "区发改委（区粮食局）",
            "县(市、区)政府",
        ] {
            assert!(!is_name_fragment(name), "{name}");
        }
        assert_eq!(resolved.unknown, ["区教育"]);
        // 南翔镇 is named explicitly and through 各街镇: once, not as a duplicate.
        assert_eq!(
            resolved
                .assignments
                .iter()
                .filter(|a| a.name == "南翔镇")
                .count(),
            1
        );
        assert!(resolved.assignments.iter().any(|a| a.name == "江桥镇"));
    }

    #[test]
    fn lead_and_support_columns_and_markers() {
        let resolved = resolve_units(
            &split_units("区教育局"),
            &split_units("区商务委、各街镇"),
            &[],
            true,
            &registry(),
        );
        let leads: Vec<_> = resolved
            .assignments
            .iter()
            .filter(|a| a.role == Role::Lead)
            .collect();
        assert_eq!(leads.len(), 1);
        assert_eq!(resolved.assignments.len(), 4);
        assert_eq!(
            roles("区商务委、区教育局（牵头）"),
            [
                ("区教育局".into(), Role::Lead),
                ("区商务委".into(), Role::Support),
            ]
        );
    }

    #[test]
    fn unlisted_phrases_that_name_nobody() {
        let resolved = resolve_units(
            &split_units("区总工会、区各有关部门"),
            &[],
            &[],
            false,
            &registry(),
        );
        assert_eq!(resolved.unspecified, ["区各有关部门"]);
        assert!(looks_unspecified("县直各有关部门"));
        assert!(!looks_unspecified("区教育局"));
    }

    #[test]
    fn printed_cells_use_canonical_names() {
        assert_eq!(
            canonical_cell("区妇儿工委办、区教育局，各街镇", &registry()),
            "区妇工委办、区教育局，各街镇"
        );
        assert_eq!(
            canonical_cell("区商务委等相关职能部门", &registry()),
            "区商务委等相关职能部门"
        );
        // A name wrapped over two lines prints whole, as it is read.
        assert_eq!(
            canonical_cell("区新兴产业\n服务中心\n区住建局", &registry()),
            "区新兴产业服务中心\n区住建局"
        );
    }

    #[test]
    fn each_of_two_kinds_of_body() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|u| u.name).collect() };
        assert_eq!(
            names("市财政局，各区、县级市"),
            ["市财政局", "各区", "各县级市"]
        );
        assert_eq!(names("各有关区、县级市"), ["各有关区", "各县级市"]);
    }

    #[test]
    fn a_name_broken_over_two_lines_of_a_cell_is_one_name() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|u| u.name).collect() };
        assert_eq!(names("农产品流通工作\n专班"), ["农产品流通工作专班"]);
        // A PDF's narrow column: a level alone, a name ending in 城乡 (town and country, no
        // township) — each broke a name; a whole name on each line stays two.
        assert_eq!(
            names("区卫生健康局、区\n教育局、相关街道"),
            ["区卫生健康局", "区教育局", "相关街道"]
        );
        assert_eq!(names("区住房和城乡\n建设局"), ["区住房和城乡建设局"]);
        assert_eq!(names("区财政局\n区教育局"), ["区财政局", "区教育局"]);
        assert_eq!(names("区\n市场监管局"), ["区市场监管局"]);
        // A PDF's text wraps a name anywhere: no body is named by one character (团 / 县委,
        // 各 / 乡镇), none starts with a body's last one (县人力资源社 / 会保障局, 县水 / 利局
        // is another thing: 县水 is a piece), and where a cell sets names apart by 、 a line
        // ending without one broke a name not yet whole (县人力资源社会 / 保障局, 县各 /
        // 相关部门). Whole names a line each stay apart.
        assert_eq!(
            names("县水利局、县人力资源社会\n保障局、团\n县委"),
            ["县水利局", "县人力资源社会保障局", "团县委"]
        );
        assert_eq!(names("区委组织部、各\n乡镇"), ["区委组织部", "各乡镇"]);
        assert_eq!(names("县人力资源社\n会保障局"), ["县人力资源社会保障局"]);
        assert_eq!(
            names("县财政局、县各\n相关部门"),
            ["县财政局", "县各相关部门"]
        );
        assert_eq!(
            names("财务部\n投资发展部、各部门"),
            ["财务部", "投资发展部", "各部门"]
        );
        assert_eq!(names("法规科\n办公室"), ["法规科", "办公室"]);
        // A line holding only the end of a body's ending ends the name above, whole as
        // that name looks (各街道办 / 事处).
        assert_eq!(
            names("区城管局、各街道办\n事处"),
            ["区城管局", "各街道办事处"]
        );
        assert_eq!(names("区政务服务中\n心"), ["区政务服务中心"]);
        assert_eq!(names("区安委会各\n成员单位"), ["区安委会各成员单位"]);
        // A line that is only a kind of body ends the name above it.
        assert_eq!(
            names("区行政服务中心\n管委会、区直各部门"),
            ["区行政服务中心管委会", "区直各部门"]
        );
        assert_eq!(names("区防汛抗旱\n指挥部"), ["区防汛抗旱指挥部"]);
        // A party committee's department under its committee.
        assert_eq!(names("区委\n组织部"), ["区委组织部"]);
        assert_eq!(names("区委组\n织部、区财政局"), ["区委组织部", "区财政局"]);
        assert_eq!(names("区委办\n区财政局"), ["区委办", "区财政局"]);
        assert_eq!(names("区委\n区政府办公室"), ["区委", "区政府办公室"]);
        assert_eq!(names("区财政局、\n领导小组"), ["区财政局", "领导小组"]);
        // A level and one character names no body but a party committee.
        assert_eq!(
            names("区经信局、区科\n技局、区商务局"),
            ["区经信局", "区科技局", "区商务局"]
        );
        assert_eq!(
            names("“十五五”规划编制\n领导小组办公室、财务部"),
            ["“十五五”规划编制领导小组办公室", "财务部"]
        );
        // A body, then a phrase naming nobody, joined by 和.
        let joined: Vec<String> = split_units("统计局和市直相关单位、区人力资源和社会保障局")
            .into_iter()
            .map(|w| w.name)
            .collect();
        assert_eq!(joined, ["统计局", "市直相关单位", "区人力资源和社会保障局"]);
        let vertical = split_units("市\n监\n察\n局");
        assert_eq!(vertical.len(), 1);
        assert_eq!(vertical[0].name, "市监察局");
        assert_eq!(vertical[0].wrapped.as_deref(), Some("市\n监\n察\n局"));
        let vertical = split_units("长沙\n先导\n区管委会");
        assert_eq!(vertical[0].name, "长沙先导区管委会");
        let vertical_then_more: Vec<String> = split_units("长沙\n先导\n区管委会、商务局")
            .into_iter()
            .map(|w| w.name)
            .collect();
        assert_eq!(vertical_then_more, ["长沙先导区管委会", "商务局"]);
        // Short names a line each are names, not one set vertically.
        assert_eq!(split_units("团委\n妇联\n科协").len(), 3);
        let wrapped = split_units("农产品流通工作\n专班").remove(0).wrapped;
        assert_eq!(wrapped.as_deref(), Some("农产品流通工作\n专班"));
        // A line that is only a bracketed note is more of the name above it.
        assert_eq!(
            names("科技园\n(城南镇)\n区财政局"),
            ["科技园(城南镇)", "区财政局"]
        );
        let noted = split_units("应急管理局\n（安委办）").remove(0).wrapped;
        assert_eq!(noted.as_deref(), Some("应急管理局\n（安委办）"));
        // One name a line, a role word, a phrase: the break separates.
        assert_eq!(
            names("财务会计部\n投资发展部"),
            ["财务会计部", "投资发展部"]
        );
        assert_eq!(
            names("区发改委牵头\n区财政局配合"),
            ["区发改委", "区财政局"]
        );
        assert_eq!(names("各有关部门\n区财政局"), ["各有关部门", "区财政局"]);
        // A name closed by its bracket, or a line opening 各, stands alone.
        assert_eq!(
            names("经开区\n高新园(邹区镇)\n各街道\n市国有公司"),
            ["经开区", "高新园(邹区镇)", "各街道", "市国有公司"]
        );
        assert_eq!(names("区教育局等\n区财政局"), ["区教育局", "区财政局"]);
    }

    #[test]
    fn a_name_broken_over_three_lines_or_spaced_from_its_head_office_is_one_name() {
        // A narrow column breaks one name over three lines and more.
        assert_eq!(
            names("县住房和城乡\n建设局、县自\n然资源和规划\n局、县行政审\n批服务局"),
            [
                "县住房和城乡建设局",
                "县自然资源和规划局",
                "县行政审批服务局"
            ]
        );
        let three = split_units("县自\n然资源和规划\n局").remove(0).wrapped;
        assert_eq!(three.as_deref(), Some("县自\n然资源和规划\n局"));
        // A branch named after its head office is one name; two bodies stay two.
        assert_eq!(
            names("国家税务总局\n青禾县税务\n局、县财政局"),
            ["国家税务总局青禾县税务局", "县财政局"]
        );
        assert_eq!(
            names("国家税务总局　西城区税务局"),
            ["国家税务总局西城区税务局"]
        );
        // A web copy's no-break space after a level, a zero-width one inside a name.
        assert_eq!(
            names("区\u{a0}民政局、区市场监督管理局"),
            ["区民政局", "区市场监督管理局"]
        );
        assert_eq!(
            names("区\u{200b}教育局、区卫生\u{200d}健康局、区\u{feff}财政局\u{200b}"),
            ["区教育局", "区卫生健康局", "区财政局"]
        );
        assert_eq!(names("国家统计局\n县统计局"), ["国家统计局", "县统计局"]);
        // A bracket the width broke, inside or before it: one name, no line break left.
        assert_eq!(
            names("区住房和城乡建设局、区发展改革\n委（区粮食\n和物资储备\n局）"),
            ["区住房和城乡建设局", "区发展改革委"]
        );
        assert_eq!(
            names("区发展改革委\n（区粮食和物\n资储备局）、区城市管理局"),
            ["区发展改革委", "区城市管理局"]
        );
        assert_eq!(
            names("区教育体育局（区体\n育局）、区卫生健康委"),
            ["区教育体育局", "区卫生健康委"]
        );
        let unit = split_units("区发展改革\n委（区粮食\n和物资储备\n局）").remove(0);
        assert_eq!(unit.second_name.as_deref(), Some("区粮食和物资储备局"));
        assert_eq!(
            unit.wrapped.as_deref(),
            Some("区发展改革\n委（区粮食\n和物资储备\n局）")
        );
        // A branch named by its place, a committee's kind alone: the body above names it.
        assert_eq!(
            names("宁波市生态环境局\n鄞州分局、区财政局"),
            ["宁波市生态环境局鄞州分局", "区财政局"]
        );
        assert_eq!(names("区公安分局\n城东派出所"), ["区公安分局城东派出所"]);
        assert_eq!(
            names("郑州市公安局\n金水分局文化路派出所、各街道"),
            ["郑州市公安局金水分局文化路派出所", "各街道"]
        );
        assert_eq!(
            names("区卫生健康委\n员会、各街道"),
            ["区卫生健康委员会", "各街道"]
        );
        assert_eq!(names("区直机关\n工委"), ["区直机关工委"]);
        assert_eq!(names("区教育局\n党组"), ["区教育局党组"]);
        // A branch named with its own level, or under no body, stands alone.
        assert_eq!(names("区公安局\n区交警大队"), ["区公安局", "区交警大队"]);
        assert_eq!(names("各街道\n鄞州分局"), ["各街道", "鄞州分局"]);
    }

    #[test]
    fn a_school_is_a_body_a_bureau_gives_work_to() {
        for school in [
            "芜湖一中",
            "安师大附中",
            "县实验小学",
            "市十五中",
            "城关幼儿园",
        ] {
            assert!(ends_as_a_body(school), "{school}");
        }
        for words in ["其中", "集中", "适中"] {
            assert!(!ends_as_a_body(words), "{words}");
        }
    }

    #[test]
    fn names_run_together_are_split_where_each_ends_as_a_body() {
        assert_eq!(
            run_together("市行政审批局市司法局"),
            Some(vec!["市行政审批局".into(), "市司法局".into()])
        );
        assert_eq!(
            run_together("县教体局各相关乡镇政府"),
            Some(vec!["县教体局".into(), "各相关乡镇政府".into()])
        );
        assert_eq!(
            run_together("区财政局区市场监管局区商务委"),
            Some(vec![
                "区财政局".into(),
                "区市场监管局".into(),
                "区商务委".into()
            ])
        );
        for one in [
            "市市场监督管理局",
            "市发展改革委市场处",
            "区委区政府督查室",
            "市公安局市中区分局",
            "区发展和改革委员会",
            "市委市政府信访局",
            "全区经济运行各专班",
        ] {
            assert_eq!(run_together(one), None, "{one}");
        }
    }

    /// A space a PDF's line end left between two characters of one name joins them, and the
    /// name keeps how it was written; a space between two whole names separates them.
    #[test]
    fn a_space_inside_a_name_is_a_wrap() {
        let units = split_units("城镇规划建 设综合服务中心、各村委会");
        let names: Vec<&str> = units.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, ["城镇规划建设综合服务中心", "各村委会"]);
        assert_eq!(
            units[0].wrapped.as_deref(),
            Some("城镇规划建 设综合服务中心")
        );
        let names: Vec<String> = (split_units("县教体局 各相关乡镇政府").into_iter())
            .map(|w| w.name)
            .collect();
        assert_eq!(names, ["县教体局", "各相关乡镇政府"]);
    }

    #[test]
    fn a_level_written_once_is_every_later_body_of_the_lists() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|w| w.name).collect() };
        assert_eq!(names("省国税局、地税局"), ["省国税局", "省地税局"]);
        // An autonomous region's level is its three characters.
        assert_eq!(
            names("自治区发展改革委、交通运输厅"),
            ["自治区发展改革委", "自治区交通运输厅"]
        );
        assert_eq!(
            names("省发展改革委、财政厅、自然资源厅"),
            ["省发展改革委", "省财政厅", "省自然资源厅"]
        );
        assert_eq!(names("区委宣传部、文明办"), ["区委宣传部", "区文明办"]);
        assert_eq!(
            names("省工信委、国土资源厅、人行郑州中心支行、住建厅协办"),
            ["省工信委", "省国土资源厅", "人行郑州中心支行", "省住建厅"]
        );
        assert_eq!(
            names("省商务厅、住房城乡建设厅等相关部门、河南银保监局"),
            ["省商务厅", "省住房城乡建设厅", "相关部门", "河南银保监局"]
        );
        // Only along the same 、-list, and only to a body with no place of its own.
        assert_eq!(names("省财政厅，国土资源厅"), ["省财政厅", "国土资源厅"]);
        assert_eq!(
            names("市教育局、团市委、各区政府"),
            ["市教育局", "团市委", "各区政府"]
        );
        assert_eq!(
            names("县财政局、人民银行县支行、税务局"),
            ["县财政局", "人民银行县支行", "县税务局"]
        );
        // A name opening with a level's character is no level (市场监管局).
        assert_eq!(names("市场监管局、财政局"), ["市场监管局", "财政局"]);
        assert_eq!(names("市政园林局、城管局"), ["市政园林局", "城管局"]);
        assert_eq!(
            names("国家发展改革委、财政部"),
            ["国家发展改革委", "财政部"]
        );
        // A body named by its own place keeps it (公安嘉定分局).
        assert_eq!(
            names("区交通委、公安嘉定分局、福建出入境检验检疫局"),
            ["区交通委", "公安嘉定分局", "福建出入境检验检疫局"]
        );
        assert_eq!(names("县发改局、有关部门"), ["县发改局", "有关部门"]);
    }

    #[test]
    fn levels_listed_before_the_body_they_share_are_one_phrase() {
        let names =
            |cell: &str| -> Vec<String> { split_units(cell).into_iter().map(|w| w.name).collect() };
        assert_eq!(
            names("省财政厅，各州、市人民政府配合"),
            ["省财政厅", "各州、市人民政府"]
        );
        assert_eq!(names("各县、市、区政府"), ["各县、市、区政府"]);
        // Cities sharing the department written once after the last.
        assert_eq!(
            names("海东市、兰州市、临夏州发展改革部门"),
            [
                "海东市发展改革部门",
                "兰州市发展改革部门",
                "临夏州发展改革部门"
            ]
        );
        assert_eq!(
            names("省财政厅、海东市、兰州市发展改革部门"),
            ["省财政厅", "海东市发展改革部门", "兰州市发展改革部门"]
        );
        assert_eq!(
            names("安亭镇、马陆镇、嘉定工业区管委会"),
            ["安亭镇", "马陆镇", "嘉定工业区管委会"]
        );
        // A group of places before a place and its department: the group's department.
        assert_eq!(
            names("省大数据局，各市〔州〕、贵安新区数据管理部门"),
            [
                "省大数据局",
                "各市〔州〕数据管理部门",
                "贵安新区数据管理部门"
            ]
        );
        assert_eq!(
            names("各县（市、区）、高新区发展改革部门"),
            ["各县（市、区）发展改革部门", "高新区发展改革部门"]
        );
        assert_eq!(names("各乡镇、县直各部门"), ["各乡镇", "县直各部门"]);
        assert_eq!(names("市发改委、市财政局"), ["市发改委", "市财政局"]);
        // Without 各, or without the body: the same phrase, as written.
        assert_eq!(
            names("市财政局、县、市、区政府"),
            ["市财政局", "县、市、区政府"]
        );
        assert_eq!(
            names("市财政局，各县、市、区"),
            ["市财政局", "各县、市、区"]
        );
        assert_eq!(names("各县、市、区配合"), ["各县、市、区"]);
        assert_eq!(
            names("市经信局、中新苏滁高新区管委会等,各县、市、区政府。"),
            ["市经信局", "中新苏滁高新区管委会", "各县、市、区政府"]
        );
        // A list of bodies, not of levels, is left as written.
        assert_eq!(names("各镇、街道"), ["各镇", "各街道"]);
    }

    #[test]
    fn each_of_a_kind_names_no_one_body() {
        for phrase in [
            "各产业主管部门",
            "区属各重点国企",
            "全区经济运行各专班",
            "各相关单位",
            "其他部门和单位",
            "其余单位",
        ] {
            assert!(names_nobody(phrase), "{phrase}");
        }
        // A body whose name opens so is one (其他税收收入 is no body, 其他 alone no one).
        assert!(!names_nobody("其他"));
        for collective in ["各街道", "各镇人民政府", "各管委会", "各县(市、区)人民政府"]
        {
            assert!(!names_nobody(collective), "{collective}");
        }
    }
}
