//! Quantified targets in a task's text: 新增 4 个公办托幼一体园, 覆盖率达 100%, 不少于 2 小时.
//!
//! A target is an Arabic number followed by a measure word (个, %, 小时, 户, 万元 …). Numbers
//! inside quotation marks or 《》 are names ("15分钟幸福圈", "我嘉健康 1 小时"), numbers without a
//! measure word are hotlines or codes (12355), and 岁/年/月/日 mark ages and dates: none of
//! those are targets.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Comparator, Target};

static NUMBER_AND_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    // Longest measure words first so 万元 is not read as 万 + 元; a rate (万吨/日) is one;
    // a count of times (场次, 人次, 批次) is one word.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(
        r"(\d+(?:\.\d+)?)\s*(个百分点|%|％|(?:万|亿)?(?:平方米|平方公里|立方米|千瓦时|千瓦|标准箱|美元|元|[人户场批车架班轮频]次|课时|学时|小时|分钟|公里|千米|公顷|吨|米|例|个|户|人|家|所|座|处|场|次|项|名|张|条|亩|套|间|支|期|批|班|天|周|辆|台|篇|本|册|份|床|栋|幢|节|堂|门|件|艘|头|株|棵|部)(?:\s*/\s*(?:日|天|年|月|小时|时|秒))?)",
    )
    .unwrap()
});

const AT_LEAST_BEFORE: &[&str] = &[
    "不少于",
    "不低于",
    "不小于",
    "不短于",
    "至少",
    "达到",
    "超过",
    "多于",
    "高于",
    "大于",
    "逾",
    "达",
];
const AT_MOST_BEFORE: &[&str] = &[
    "不超过",
    "不高于",
    "不多于",
    "不大于",
    "控制在",
    "低于",
    "少于",
    "小于",
    "压降至",
    "降至",
];
const AT_LEAST_AFTER: &[&str] = &["及以上", "以上"];
const AT_MOST_AFTER: &[&str] = &["以内", "以下", "之内"];
const ABOUT_AFTER: &[&str] = &["左右", "上下"];
/// Verbs that start a target phrase but are not part of what it measures.
const LEADING_VERBS: &[&str] = &[
    "实现",
    "确保",
    "保障",
    "保证",
    "推动",
    "力争",
    "全面",
    "使",
    "让",
    "推进",
    "达成",
    "新增",
    "新建",
    "新建成",
    "建成",
    "打造",
    "开办",
    "完成",
    "培育",
    "提供",
    "开展",
    // Words that urge the verb after them.
    "努力",
    "争取",
    "全力",
    "积极",
];
/// A time at the start of a clause: 3月底前, 6月份, 年底前, 2025年, and a span of days
/// (2021年5月1日至2022年4月30日).
static OPENING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"^(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|份|中旬|上旬|下旬)?|年底|年内)",
        r"(?:[至到—－-](?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底)?)?(?:前|起)?"
    ))
    .unwrap()
});
/// Verbs after a counted noun that end it.
const CLAUSE_VERBS: &[&str] = &["实现", "进行", "开展", "完成", "达到", "投入使用", "建成"];
/// Verbs of change that end a subject before a number (占比提高 2 个百分点).
const TRAILING_VERBS: &[&str] = &["提高", "提升", "增加", "增长", "降低", "下降", "减少"];

/// Characters ending a clause: the subject of a target never crosses them — nor the
/// bullet an item opens with (…5亿元。▲新开工项目3个: 新开工项目).
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | ',' | ';' | ':' | '（' | '(' | '）' | ')' | '\n'
    ) || matches!(
        c,
        '▲' | '△' | '●' | '○' | '■' | '□' | '◆' | '◇' | '•' | '※' | '★' | '☆'
    )
}

/// A target found, with where its number and phrase are in the text and whether what it
/// measures was read before the number (nothing after its measure word said it).
struct Found {
    target: Target,
    number_start: usize,
    phrase_stop: usize,
    subject_before: bool,
}

/// Every figure with its measure word in a value as a unit wrote it (1.35万个；160人 →
/// (13500, 个), (160, 人)), counted in the word's base (万 and 亿 multiplied out).
pub fn figures(text: &str) -> Vec<(f64, String)> {
    let ascii = crate::base::cjk::ascii_digits(text);
    (NUMBER_AND_UNIT.captures_iter(&ascii))
        .filter_map(|caps| {
            let value: f64 = caps.get(1)?.as_str().parse().ok()?;
            let (base, scale) = in_base_unit(caps.get(2)?.as_str());
            Some((value * scale, base.to_string()))
        })
        .collect()
}

/// A measure word without its 万 or 亿, and what that multiplies by: 万个 → (个, 10000).
pub fn in_base_unit(unit: &str) -> (&str, f64) {
    let unit = unit.trim();
    if let Some(rest) = unit.strip_prefix('万').filter(|r| !r.is_empty()) {
        (rest, 1e4)
    } else if let Some(rest) = unit.strip_prefix('亿').filter(|r| !r.is_empty()) {
        (rest, 1e8)
    } else {
        (unit, 1.0)
    }
}

/// All quantified targets in `text`, in order.
pub fn extract(text: &str) -> Vec<Target> {
    let mut found = found_in(text);
    share_listed_values(text, &mut found);
    found.into_iter().map(|f| f.target).collect()
}

/// Values listed one after another for one subject (城乡居民人均可支配收入分别达到9.5万元和6万元;
/// 城镇、农村常住居民人均可支配收入分别增长5.2%、8%): each value after the first measures what
/// the first does — or, when the subject lists as many names as there are values before
/// 分别, the name in its place (城镇常住居民…, 农村常住居民…). Its phrase is its own value,
/// never the first's sentence again.
fn share_listed_values(text: &str, found: &mut [Found]) {
    let mut i = 0;
    while i < found.len() {
        let mut end = i + 1;
        while end < found.len()
            && found[end].subject_before
            && matches!(
                text[found[end - 1].phrase_stop..found[end].number_start].trim(),
                "、" | "和" | "及" | "与"
            )
        {
            end += 1;
        }
        if end - i > 1 && found[i].subject_before {
            let distributed = distributed_subjects(text, found[i].number_start, end - i);
            let first = found[i].target.subject.clone();
            for (k, f) in found[i..end].iter_mut().enumerate() {
                match &distributed {
                    Some((subjects, list_at)) => {
                        f.target.subject = subjects[k].clone();
                        if k == 0 {
                            f.target.phrase = text[*list_at..f.phrase_stop].trim().to_string();
                        }
                    }
                    None => f.target.subject = first.clone(),
                }
                if k > 0 {
                    f.target.phrase = text[f.number_start..f.phrase_stop].trim().to_string();
                }
            }
        }
        i = end;
    }
}

/// `count` subjects from a clause `A、B…X分别…` before the number at `number_start`, when
/// its list before 分别 has as many names: the names the first share the last's words
/// after its own (城镇、农村常住居民人均可支配收入 → 城镇常住居民人均可支配收入,
/// 农村常住居民人均可支配收入).
fn distributed_subjects(
    text: &str,
    number_start: usize,
    count: usize,
) -> Option<(Vec<String>, usize)> {
    let before = &text[..number_start];
    let at = before.rfind("分别")?;
    let clause_start = before[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_break(*c) && *c != '、')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let list = before[clause_start..at].trim();
    let list = LEADING_VERBS
        .iter()
        .filter(|v| list.starts_with(**v))
        .max_by_key(|v| v.len())
        .map_or(list, |v| &list[v.len()..]);
    let names: Vec<&str> = list.split('、').map(str::trim).collect();
    let (last, firsts) = names.split_last()?;
    if names.len() != count || firsts.iter().any(|n| n.is_empty()) {
        return None;
    }
    // The words the last name has beyond the first's length are the shared ones.
    let skip = firsts[0].chars().count();
    let tail: String = last.chars().skip(skip).collect();
    let mut out: Vec<String> = firsts.iter().map(|n| format!("{n}{tail}")).collect();
    out.push(last.to_string());
    // Where the list starts: the first value's phrase starts there (城镇、农村…增长5.2%).
    let list_at = text[..at].rfind(list).unwrap_or(clause_start);
    Some((out, list_at))
}

/// Every target of `text` as found alone, in order.
fn found_in(text: &str) -> Vec<Found> {
    let quoted = quoted_ranges(text);
    let mut out = Vec::new();
    for caps in NUMBER_AND_UNIT.captures_iter(text) {
        let (Some(number), Some(unit)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if quoted.iter().any(|r| r.contains(&number.start())) || !stands_alone(text, number, unit) {
            continue;
        }
        let Ok(value) = number.as_str().parse::<f64>() else {
            continue;
        };
        let before = text[..number.start()].trim_end();
        let (comparator, comparator_start) = comparator_before(before);
        let (comparator, phrase_end) = comparator_after(text, unit.end(), comparator);
        // What it measures: the words after the measure word, or, when none follow (100%,
        // 2 小时。), the words before the number.
        let rest = &text[phrase_end..];
        let after = subject_after(rest);
        let measured_after = !after.is_empty() && !matches!(unit.as_str(), "%" | "％" | "个百分点");
        let (subject, phrase_start, phrase_stop) = if measured_after {
            let start = comparator_start.unwrap_or_else(|| verb_start(before));
            let stop = phrase_end + rest.find(after).unwrap_or(0) + after.len();
            (after.to_string(), start, stop)
        } else {
            let clause_end = comparator_start.unwrap_or(before.len());
            let (subject, start) = subject_before(text, clause_end);
            (subject, start, phrase_end)
        };
        out.push(Found {
            target: Target {
                value,
                unit: unit.as_str().replace('％', "%"),
                comparator,
                subject,
                phrase: text[phrase_start.min(phrase_stop)..phrase_stop]
                    .trim()
                    .to_string(),
            },
            number_start: number.start(),
            phrase_stop,
            subject_before: !measured_after,
        });
    }
    out
}

/// Whether the number and measure word found stand as a target: not part of a longer token
/// (AB12, 3.5.1) or a range (3-5个, 0-6岁), not a scope (不含 6 亩), not a time limit (14 个
/// 工作日内, 3 个月).
fn stands_alone(text: &str, number: regex::Match<'_>, unit: regex::Match<'_>) -> bool {
    let before = text[..number.start()].trim_end();
    let prev = before.chars().last();
    let range_word = matches!(prev, Some('至' | '到'))
        && before
            .trim_end_matches(['至', '到'])
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
    let in_token = prev
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '~' | '～' | '—' | '.'));
    let after_unit = &text[unit.end()..];
    let scope = ["不含", "不包括", "含", "除"]
        .iter()
        .any(|w| before.ends_with(w));
    let duration = unit.as_str() == "个"
        && ["工作日", "月", "季度", "年度", "小时"]
            .iter()
            .any(|w| after_unit.starts_with(w));
    // 人 opening a word (121人才梯队项目, 人员, 人口) is no measure word; nor 周 in an age
    // (65周岁).
    let in_word = (unit.as_str() == "人" && after_unit.starts_with(['才', '员', '口', '民', '群']))
        || (unit.as_str() == "周" && after_unit.starts_with('岁'))
        // 部 counts lifts and films (电梯50部), not 部门 or 部署.
        || (unit.as_str() == "部" && after_unit.starts_with(['门', '署', '分', '级', '委', '长', '位', '件']));
    !(range_word
        || in_token
        || scope
        || duration
        || in_word
        || names_a_reach(unit.as_str(), after_unit)
        || qualifies_a_noun(after_unit)
        || counts_in_a_subject(after_unit)
        || is_reference(before)
        || names_a_policy(unit.as_str(), after_unit))
}

/// Whether a count opens the subject of a figure later in its clause (4个小区加装电梯不少于
/// 6台, 新建9个班幼儿园1所): it says what the figure measures, no target of its own — unless
/// a verb of its own closes it first (完成12个，…: the clause breaks; 建成12个实现…).
fn counts_in_a_subject(after_unit: &str) -> bool {
    let clause: String = after_unit
        .chars()
        .take_while(|c| !is_clause_break(*c))
        .take(30)
        .collect();
    let Some(next) = NUMBER_AND_UNIT.find(&clause) else {
        return false;
    };
    let between = &clause[..next.start()];
    // 2000名技能人才和10000名青年人才: two counts joined, two targets.
    !between.is_empty()
        && between.chars().all(crate::base::cjk::is_han)
        && !between.contains(['和', '及', '与', '或', '并'])
        && !CLAUSE_VERBS.iter().any(|v| between.contains(v))
}

/// 15分钟就业服务圈, 1小时经济圈, 2小时免费停车: a time naming the kind of thing that follows it,
/// no figure to reach — the time runs straight into its noun (not 30分钟内, 2小时以上, 1小时，).
fn names_a_reach(unit: &str, after_unit: &str) -> bool {
    matches!(unit, "分钟" | "小时")
        && after_unit
            .chars()
            .next()
            .is_some_and(|c| crate::base::cjk::is_han(c) && !"内以左之及的".contains(c))
}

/// `33条稳经济措施`, `10条意见`: a policy named by how many articles it has, no target.
fn names_a_policy(unit: &str, after_unit: &str) -> bool {
    let clause: String = after_unit
        .chars()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | ',' | ';' | '（' | '('))
        .take(8)
        .collect();
    unit == "条"
        && ["措施", "意见", "规定", "举措", "政策"]
            .iter()
            .any(|w| clause.contains(w))
}

/// Verbs that point at work set elsewhere (聚焦…规划102项重大工程, 围绕市委确定的18个重点产业链,
/// 借鉴先进地区36项改革经验): a number in their clause counts what is pointed at, no target
/// of this task.
const REFERRING_VERBS: &[&str] = &[
    "聚焦", "围绕", "对照", "按照", "依照", "依据", "根据", "对标", "借鉴", "参照", "紧扣", "遵照",
];

/// Whether the number after `before` counts what the clause points at, or names an article
/// or item by its place (第12条) — unless a verb of the clause's own follows the pointing one.
fn is_reference(before: &str) -> bool {
    let clause_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '，' | '。' | '；' | ',' | ';' | '：' | ':' | '\n'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let clause = &before[clause_start..];
    // 按照时间节点完成15个: the clause's own verb after the pointing one sets the target.
    let points = REFERRING_VERBS
        .iter()
        .filter_map(|verb| clause.rfind(verb))
        .max();
    let acts_after = points.is_some_and(|at| {
        let after = &clause[at..];
        LEADING_VERBS
            .iter()
            .chain(CLAUSE_VERBS)
            .any(|verb| after.contains(verb))
    });
    before.ends_with('第') || points.is_some() && !acts_after
}

/// Whether `N户以上` qualifies the noun after it (100户以上自然村公路硬化率巩固在100%): 以上 or
/// 以下 runs on into a word, and the clause goes on to a figure of its own, the target.
fn qualifies_a_noun(after_unit: &str) -> bool {
    let after = after_unit.trim_start();
    let Some(rest) = ["以上", "以下"].iter().find_map(|w| after.strip_prefix(w)) else {
        return false;
    };
    let clause = rest
        .split(['，', '。', '；', ',', ';'])
        .next()
        .unwrap_or("");
    rest.trim_start().starts_with(crate::base::cjk::is_han)
        && clause.contains(|c: char| c.is_ascii_digit())
}

/// The comparator written after the measure word (以上, 以内; 左右 keeps the value as
/// written), and where the target's phrase ends.
fn comparator_after(text: &str, unit_end: usize, before: Comparator) -> (Comparator, usize) {
    let after_unit = &text[unit_end..];
    let after_trim = after_unit.trim_start();
    let gap = after_unit.len() - after_trim.len();
    let found = |words: &[&str]| {
        words
            .iter()
            .find(|w| after_trim.starts_with(**w))
            .map(|w| w.len())
    };
    if let Some(len) = found(AT_LEAST_AFTER) {
        (Comparator::AtLeast, unit_end + gap + len)
    } else if let Some(len) = found(AT_MOST_AFTER) {
        (Comparator::AtMost, unit_end + gap + len)
    } else if let Some(len) = found(ABOUT_AFTER) {
        (before, unit_end + gap + len)
    } else {
        (before, unit_end)
    }
}

/// The thing counted after the measure word, to the end of its clause or where the clause
/// goes on to say what is done with it (6 个项目实现交付 → 项目).
fn subject_after(rest: &str) -> &str {
    let end = rest
        .char_indices()
        .find(|(_, c)| is_clause_break(*c))
        .map_or(rest.len(), |(i, _)| i);
    let end = rest[..end].char_indices().nth(24).map_or(end, |(i, _)| i);
    let clause = &rest[..end];
    // The next number starts a target of its own (2000名技能人才和10000名青年人才).
    let clause = match clause.find(|c: char| c.is_ascii_digit()) {
        Some(at) => clause[..at].trim_end_matches(['和', '及', '与', '并', '、']),
        None => clause,
    };
    let cut = CLAUSE_VERBS
        .iter()
        .filter_map(|v| clause.find(v))
        .filter(|&at| at > 0)
        .min()
        .unwrap_or(clause.len());
    clause[..cut].trim()
}

/// What a number measures when nothing follows its measure word: its clause up to
/// `clause_end`, without a leading verb (实现, 确保 …) or a trailing verb of change (提高 …);
/// and where the phrase starts.
fn subject_before(text: &str, clause_end: usize) -> (String, usize) {
    let clause_start = clause_start_before(text, clause_end);
    // A value after a label's colon (地区生产总值增长：5.5%) measures the label.
    let label_colon = text[..clause_start].ends_with(['：', ':']);
    if label_colon && text[clause_start..clause_end].trim().is_empty() {
        let colon = text[..clause_start]
            .char_indices()
            .next_back()
            .map_or(0, |(at, _)| at);
        let (subject, start) = subject_before(text, colon);
        if !subject.is_empty() {
            return (subject, start);
        }
    }
    let mut subject = text[clause_start..clause_end].trim();
    let mut start =
        clause_start + (text[clause_start..].len() - text[clause_start..].trim_start().len());
    // An item's number the clause opens with (（2）组织…培训, a line of the task's items)
    // is none of what is measured.
    if let Some((_, after)) = crate::ingest::raw_table::opening_number(subject) {
        subject = after.trim_start();
        start += subject_offset(&text[start..], subject);
    }
    // A time the clause opens with (3月底前新建成…) is when, not what.
    if let Some(time) = OPENING_TIME.find(subject) {
        subject = subject[time.end()..].trim_start();
        start += subject_offset(&text[start..], subject);
    }
    // The longest verb that opens it: 新建成, not 新建 (leaving 成…); and the one after
    // a word that only urges it (努力实现, 争取完成).
    while let Some(stripped) = LEADING_VERBS
        .iter()
        .filter(|v| subject.starts_with(**v))
        .max_by_key(|v| v.len())
        .and_then(|v| subject.strip_prefix(v))
    {
        subject = stripped.trim_start();
        start += subject_offset(&text[start..], subject);
    }
    if let Some(stripped) = TRAILING_VERBS.iter().find_map(|v| subject.strip_suffix(v)) {
        subject = stripped.trim_end();
    }
    // 分别 (respectively) says how values map to it, not what is measured.
    subject = subject.strip_suffix("分别").unwrap_or(subject).trim_end();
    (subject.to_string(), start)
}

/// Where the clause ending at `end` starts: after the last clause break — passing over an
/// abbreviation in brackets inside its noun (地区生产总值(GDP)增长, PM2.5浓度), and over a list
/// its noun closes with 等 (财政奖补、税费减免、科技创新等领域政策: all of them, not the last).
fn clause_start_before(text: &str, end: usize) -> usize {
    let noun_end = end;
    let mut end = end;
    loop {
        let Some((at, c)) = (text[..end].char_indices().rev()).find(|(_, c)| is_clause_break(*c))
        else {
            return 0;
        };
        let open = match c {
            ')' | '）' => text[..at].rfind(['(', '（']),
            _ => None,
        };
        let inside = open.map(|o| &text[o..at]);
        let abbreviation = inside.is_some_and(|inside| {
            let inside = inside.trim_start_matches(['(', '（']);
            (1..=8).contains(&inside.chars().count())
                && inside
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.')
        });
        let closed_by_deng = c == '、' && text[at..noun_end].contains("等");
        match open {
            Some(open) if abbreviation && open > 0 => end = open,
            None if closed_by_deng => end = at,
            _ => return at + c.len_utf8(),
        }
    }
}

fn subject_offset(haystack: &str, needle: &str) -> usize {
    haystack.find(needle).unwrap_or(0)
}

/// The comparator written just before the number, and where it starts.
fn comparator_before(before: &str) -> (Comparator, Option<usize>) {
    for word in AT_LEAST_BEFORE {
        if before.ends_with(word) {
            return (Comparator::AtLeast, Some(before.len() - word.len()));
        }
    }
    for word in AT_MOST_BEFORE {
        if before.ends_with(word) {
            return (Comparator::AtMost, Some(before.len() - word.len()));
        }
    }
    (Comparator::Eq, None)
}

/// Verbs that open a count (新增 4 个, 开办 30 个, 为 20 户): the phrase starts with them.
const COUNT_VERBS: &[&str] = &[
    "新增", "新建", "建成", "建设", "打造", "开办", "完成", "培育", "提供", "改造", "举办", "开展",
    "组织", "配备", "招募", "培训", "发放", "实施", "推出", "创建", "为",
];

/// Where the verb just before a bare number starts, or the number itself when none is there.
fn verb_start(before: &str) -> usize {
    COUNT_VERBS
        .iter()
        .find(|v| before.ends_with(**v))
        .map(|v| before.len() - v.len())
        .unwrap_or(before.len())
}

/// Byte ranges inside quotation marks and book-title marks.
fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let pairs = [
        ('“', '”'),
        ('「', '」'),
        ('『', '』'),
        ('《', '》'),
        ('‘', '’'),
    ];
    let mut ranges = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut straight_open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if let Some((_, close)) = pairs.iter().find(|(open, _)| *open == c) {
            stack.push((*close, i));
        } else if let Some(pos) = stack.iter().rposition(|(close, _)| *close == c) {
            let (_, start) = stack[pos];
            stack.truncate(pos);
            ranges.push(start..i);
        } else if c == '"' {
            match straight_open.take() {
                Some(start) => ranges.push(start..i),
                None => straight_open = Some(i),
            }
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_a_clause_points_at_are_no_targets() {
        for text in [
            "聚焦国家“十四五”规划102项重大工程，梳理筛选项目。",
            "对照《优化营商环境条例》第12条，清理规范涉企收费。",
            "围绕市委确定的18个重点产业链，开展精准招商。",
            "学习借鉴先进地区36项改革经验，提升服务水平。",
        ] {
            assert!(extract(text).is_empty(), "{text}");
        }
        assert_eq!(extract("按照时间节点完成15个老旧小区改造。").len(), 1);
        assert_eq!(extract("按照要求，完成老旧小区改造15个。").len(), 1);
    }

    fn brief(text: &str) -> Vec<(f64, String, Comparator, String)> {
        extract(text)
            .into_iter()
            .map(|t| (t.value, t.unit, t.comparator, t.subject))
            .collect()
    }

    #[test]
    fn two_counts_in_one_clause_are_two_targets_and_a_name_is_none() {
        let targets = extract("每年评选2000名技能重点人才和10000名产业急需青年高技能人才。");
        let subjects: Vec<&str> = targets.iter().map(|t| t.subject.as_str()).collect();
        assert_eq!(subjects, ["技能重点人才", "产业急需青年高技能人才"]);
        assert!(
            targets[0].phrase.ends_with("技能重点人才"),
            "{}",
            targets[0].phrase
        );
        assert!(extract("121人才梯队项目。").is_empty());
    }

    /// A count opening what a later figure measures is its subject's, no target; an age is
    /// none; 部 counts lifts, not 部门.
    #[test]
    fn a_count_inside_a_subject_and_an_age_are_no_targets() {
        let targets = brief("南苑社区4个小区加装电梯不少于6台。");
        assert_eq!(targets.len(), 1, "{targets:?}");
        assert_eq!((targets[0].0, targets[0].1.as_str()), (6.0, "台"));
        assert_eq!(targets[0].2, Comparator::AtLeast);
        let targets = brief("新建9个班幼儿园1所。");
        assert_eq!(targets.len(), 1, "{targets:?}");
        assert_eq!((targets[0].0, targets[0].1.as_str()), (1.0, "所"));
        let targets = brief("同步推进既有住宅加装电梯50部。");
        assert_eq!((targets[0].0, targets[0].1.as_str()), (50.0, "部"));
        assert!(brief("协调3部门联合执法。").is_empty());
        let targets = brief("为65周岁以上老年人免费体检2.5万人次。");
        assert_eq!(targets.len(), 1, "{targets:?}");
        assert_eq!((targets[0].0, targets[0].1.as_str()), (2.5, "万人次"));
    }

    /// An item's bullet opens its clause: what it measures starts after it.
    #[test]
    fn an_item_number_is_not_part_of_the_subject() {
        let targets = extract(
            "开展安全生产培训：\n（1）组织企业主要负责人培训不少于500人次；\n2.新建实训基地2个。",
        );
        let subjects: Vec<&str> = targets.iter().map(|t| t.subject.as_str()).collect();
        assert_eq!(subjects, ["组织企业主要负责人培训", "实训基地"]);
        assert!(
            targets[0].phrase.starts_with("组织"),
            "{}",
            targets[0].phrase
        );
    }

    #[test]
    fn a_bullet_is_not_part_of_the_subject() {
        let targets =
            extract("全年完成固定资产投资5亿元。▲新开工亿元以上项目3个。★完成工业投资2亿元。");
        let subjects: Vec<&str> = targets.iter().map(|t| t.subject.as_str()).collect();
        assert_eq!(
            subjects,
            ["全年完成固定资产投资", "新开工亿元以上项目", "工业投资"]
        );
        assert!(
            targets[1].phrase.starts_with("新开工"),
            "{}",
            targets[1].phrase
        );
    }

    /// 15分钟就业服务圈 names a kind of circle; the count after it is the target.
    #[test]
    fn a_time_naming_a_reach_is_no_target_but_the_count_after_it_is() {
        let targets = extract("建设15分钟就业服务圈，新建社区就业服务站10个。");
        let found: Vec<(f64, &str)> = targets.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(found, [(10.0, "个")]);
        let targets = extract("窗口办理时间压缩至30分钟内，每天开放不少于8小时。");
        let found: Vec<(f64, &str)> = targets.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(found, [(30.0, "分钟"), (8.0, "小时")]);
    }

    /// `100户以上自然村` names which villages; the clause's target is the figure after it.
    #[test]
    fn a_figure_that_qualifies_a_noun_is_no_target() {
        let targets = extract("行政村通畅率及100户以上自然村公路硬化率巩固在100%。");
        let found: Vec<(f64, &str)> = targets.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(found, [(100.0, "%")]);
        // With no figure after it, 以上 is the target's own.
        let targets = extract("新增城镇就业3000人以上，完成投资10亿元以上目标任务。");
        let found: Vec<(f64, &str)> = targets.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(found, [(3000.0, "人"), (10.0, "亿元")]);
    }

    #[test]
    fn seed_targets() {
        let t = extract(
            "推进托幼一体化建设，新增 4 个公办托幼一体园、新增 80 个托额，实现公办园托幼一体化覆盖率达 100%，全面建设高质量幼儿园。",
        );
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[0].value, t[0].unit.as_str(), t[0].comparator),
            (4.0, "个", Comparator::Eq)
        );
        assert_eq!(t[0].subject, "公办托幼一体园");
        assert_eq!(t[0].phrase, "新增 4 个公办托幼一体园");
        assert_eq!(t[1].subject, "托额");
        assert_eq!((t[2].value, t[2].unit.as_str()), (100.0, "%"));
        assert_eq!(t[2].comparator, Comparator::AtLeast);
        assert_eq!(t[2].subject, "公办园托幼一体化覆盖率");
        assert_eq!(t[2].phrase, "公办园托幼一体化覆盖率达 100%");

        assert_eq!(
            brief("保障中小学生每天综合运动不少于 2 小时。"),
            [(
                2.0,
                "小时".into(),
                Comparator::AtLeast,
                "中小学生每天综合运动".into()
            )]
        );
        let t = brief(
            "寒暑假期间，开办不少于 30 个小学生爱心暑托班、不少于 12 个中小学生爱心寒托班点位。",
        );
        assert_eq!(
            t,
            [
                (
                    30.0,
                    "个".into(),
                    Comparator::AtLeast,
                    "小学生爱心暑托班".into()
                ),
                (
                    12.0,
                    "个".into(),
                    Comparator::AtLeast,
                    "中小学生爱心寒托班点位".into()
                ),
            ]
        );
        let t = extract("积极打造15个“家+书屋”家庭教育新空间，拓宽家庭教育服务阵地。");
        assert_eq!((t[0].value, t[0].unit.as_str()), (15.0, "个"));
        assert_eq!(t[0].subject, "“家+书屋”家庭教育新空间");
        let t = extract("为 20 户困境儿童家庭进行“追光小屋”居室微改造。");
        assert_eq!((t[0].value, t[0].unit.as_str()), (20.0, "户"));
        assert_eq!(t[0].subject, "困境儿童家庭");
        assert_eq!(t[0].phrase, "为 20 户困境儿童家庭");
        let t = extract("推动交大嘉定实验等 6 个项目实现交付。");
        assert_eq!((t[0].value, t[0].subject.as_str()), (6.0, "项目"));
    }

    #[test]
    fn seed_decoys_are_not_targets() {
        for text in [
            "做好 12355 青少年心理咨询和法律援助热线电话、12356 全国统一心理援助热线宣传推广。",
            "深化 0-6 岁儿童孤独症筛查工作。",
            "打造少先队“15分钟幸福圈”，不断完善“家门口”的少先队社会化工作格局。",
            "推进15分钟社区生活圈建设。",
            "打造1小时经济圈。",
            "打造“我嘉健康 1 小时”健康促进品牌。",
            "编制经济社会发展“十五五”规划时优先考虑儿童利益。",
            "制定 2025 年重点工作安排如下。",
            "落实《2025年10项民生实事》要求。",
        ] {
            assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
        }
    }

    #[test]
    fn a_value_after_a_label_measures_the_label() {
        let t = extract("地区生产总值增长：5.5%");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].phrase, "地区生产总值增长：5.5%");
        let t = extract("固定资产投资增长: 6%");
        assert_eq!(t[0].phrase, "固定资产投资增长: 6%");
        // A colon ending a sentence's lead-in is no label: its clause is the subject.
        let t = extract("主要目标：建成幼儿园3所");
        assert_eq!(t[0].subject, "幼儿园");
        assert!(!t[0].phrase.contains("主要目标"), "{}", t[0].phrase);
    }

    #[test]
    fn approximations_scopes_and_time_limits() {
        let t = extract("地区生产总值增长6.5%左右。");
        assert_eq!(t[0].phrase, "地区生产总值增长6.5%左右");
        assert!(extract("6亩以下(不含6亩)的土地使用转让手续").len() == 1);
        assert!(extract("在14个工作日内办结。").is_empty());
        assert!(extract("3个月内完成整改。").is_empty());
    }

    #[test]
    fn other_phrasings() {
        assert_eq!(
            brief("家庭医生签约率不低于95%。"),
            [(
                95.0,
                "%".into(),
                Comparator::AtLeast,
                "家庭医生签约率".into()
            )]
        );
        assert_eq!(
            brief("群众满意度达到 90% 以上"),
            [(90.0, "%".into(), Comparator::AtLeast, "群众满意度".into())]
        );
        assert_eq!(
            brief("普惠性托位占比提高 2 个百分点。"),
            [(
                2.0,
                "个百分点".into(),
                Comparator::Eq,
                "普惠性托位占比".into()
            )]
        );
        let t = extract("区财政安排专项资金 500 万元，支持社区托育点建设。");
        assert_eq!((t[0].value, t[0].unit.as_str()), (500.0, "万元"));
        assert_eq!(
            brief("办理时限控制在 3 天以内。"),
            [(3.0, "天".into(), Comparator::AtMost, "办理时限".into())]
        );
        assert_eq!(brief("新建 2.5 公里骑行道")[0].0, 2.5);
        assert_eq!(
            brief("新增普惠托位300个。")[0],
            (300.0, "个".into(), Comparator::Eq, "普惠托位".into())
        );
        assert!(brief("完成 3-5 个试点").is_empty());
        assert!(brief("完成3至5个试点").is_empty());
    }

    #[test]
    fn values_listed_for_one_subject_share_it_or_take_their_names_in_turn() {
        let t = extract("城镇、农村常住居民人均可支配收入分别增长5.2%、8%左右。");
        let read: Vec<(f64, &str)> = t.iter().map(|t| (t.value, t.subject.as_str())).collect();
        assert_eq!(
            read,
            [
                (5.2, "城镇常住居民人均可支配收入"),
                (8.0, "农村常住居民人均可支配收入")
            ]
        );
        assert_eq!(t[0].phrase, "城镇、农村常住居民人均可支配收入分别增长5.2%");
        assert_eq!(t[1].phrase, "8%左右");
        let t = extract("城乡居民人均可支配收入分别达到9.5万元和6万元。");
        let read: Vec<(f64, &str, &str)> = t
            .iter()
            .map(|t| (t.value, t.unit.as_str(), t.subject.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (9.5, "万元", "城乡居民人均可支配收入"),
                (6.0, "万元", "城乡居民人均可支配收入")
            ]
        );
        assert_eq!(t[1].phrase, "6万元");
        assert!(!t[0].phrase.contains("6万元"), "{}", t[0].phrase);
    }

    #[test]
    fn a_count_of_times_is_one_measure_word() {
        let t = extract("全年组织宣讲不少于50场次，覆盖企业3000家以上。");
        let read: Vec<(f64, &str, &str)> = (t.iter())
            .map(|t| (t.value, t.unit.as_str(), t.subject.as_str()))
            .collect();
        assert_eq!(read[0].0, 50.0);
        assert_eq!(read[0].1, "场次");
        assert_ne!(read[0].2, "次");
        assert!(read[0].2.contains("宣讲"), "{read:?}");
        // A list its noun closes with 等 is all of what is counted.
        let t = extract("出台惠企政策，财政奖补、税费减免、科技创新等领域政策不少于150条。");
        assert_eq!(t[0].subject, "财政奖补、税费减免、科技创新等领域政策");
        let t = extract("新建学校3所、医院2所。");
        assert_eq!(t[1].subject, "医院");
    }

    #[test]
    fn a_measure_word_counted_in_ten_thousands_is_one() {
        let t = extract("力争完成旅客吞吐量1370万人次、货邮吞吐量15.5万吨。");
        let read: Vec<(f64, &str)> = t.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(read, [(1370.0, "万人次"), (15.5, "万吨")]);
        assert_eq!(t[1].subject, "货邮吞吐量");
        // Each verb that opens the phrase goes, the one after 力争 too.
        assert_eq!(t[0].subject, "旅客吞吐量");
        // A rate: the measure per day is one unit, the thing measured before it.
        let t = extract("2008年处理能力达到14.5万吨/日。");
        assert_eq!(t[0].unit, "万吨/日");
        assert!(!t[0].subject.starts_with('/'), "{}", t[0].subject);
        let t = extract("努力实现地区生产总值增长6.2%左右。");
        assert_eq!(t[0].subject, "地区生产总值");
    }

    #[test]
    fn the_longest_verb_and_an_opening_time_are_no_part_of_the_subject() {
        let t = extract("新建成婴幼儿照护服务成长驿站7家。");
        assert_eq!(t[0].subject, "婴幼儿照护服务成长驿站");
        let t = extract("开展胃肠癌联合筛查1万例以上。");
        assert_eq!(
            (t[0].value, t[0].unit.as_str(), t[0].subject.as_str()),
            (1.0, "万例", "胃肠癌联合筛查")
        );
        let t = extract("托位：3月底前新增托位100个以上。");
        assert!(!t[0].subject.contains("月底"), "{:?}", t[0].subject);
        // A span of days opening the clause is when, whole: the phrase never starts inside it.
        let t = extract("2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策。");
        assert_eq!(t.len(), 1);
        assert!(
            t[0].phrase.starts_with("实施") || t[0].phrase.starts_with("阶段性"),
            "{:?}",
            t[0].phrase
        );
    }
}
