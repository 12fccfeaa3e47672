//! 完成时限 as written → the last day it allows.

use std::sync::LazyLock;

use regex::Regex;

use crate::base::date::{self, Date};

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?").unwrap()
});
static YEAR_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"(?:(\d{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月").unwrap()
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"(?:(\d{4})\s*年\s*)?(?:第\s*)?([一二三四1-4])\s*季度").unwrap()
});
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    // 2019年底, 2019年内: the year's 年 is the 年 of 年底 too.
    Regex::new(r"(?:(\d{4})\s*年?\s*)?(上半年|下半年|年中|年底|年末|全年|年内|年內)").unwrap()
});
static NEXT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"(?:^|[^\d年])(?:次|翌|明)年").unwrap()
});
static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    // 2026年, and a span of years (2025—2027年, 2025年至2026年): the last year's end.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(?:\d{4}\s*年?\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*)?(\d{4})\s*年?$").unwrap()
});

static STARTS: LazyLock<Regex> = LazyLock::new(|| {
    // When work starts (2月开工, 三季度启动): no deadline, whatever date it names.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"(?:\d{4}\s*年\s*)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\d{1,2}\s*日)?",
        r"(?:初|底|末|上旬|中旬|下旬)?|(?:第\s*)?[一二三四1-4]\s*季度(?:末)?|上半年|下半年)",
        r"(?:前|起)?(?:开工|開工|动工|動工|开建|開建|启动|啟動|开始)"
    ))
    .unwrap()
});

/// A 完成时限 cell's text with the breaks its column's width made taken out (`2025年11月` /
/// `底前`, `长期` / `坚持`); a break before a date of its own (`6月底前完成方案，` /
/// `12月底前全面完成`) stays, the cell's two lines, unless the line before stops in its
/// date (`2025年` / `11月底前`).
pub fn unwrapped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        // A PDF's text sets a space between a figure and a character (2025 年 6 月底).
        let line = crate::base::cjk::tidy_spacing(line);
        let line = line.as_str();
        let opens_a_date =
            line.starts_with(|c: char| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c));
        let date_open = out.ends_with(|c: char| c == '年' || c.is_ascii_digit());
        // A line closed by its mark (阶段，时间； / 完成规划，2021年6月底；) is one of the
        // cell's; a comma only pauses (前完成汇编， / 全年持续推进).
        let closed = out.ends_with(['；', ';', '。']);
        if k > 0 && !out.is_empty() && !line.is_empty() && (closed || opens_a_date && !date_open) {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}
/// Whether a 完成时限 names when work starts (5月底前动工, 2月開工): a start, no deadline.
pub fn names_a_start(text: &str) -> bool {
    STARTS.is_match(&crate::base::cjk::ascii_digits(text))
}

/// Words of work that goes on or comes round (长期坚持, 每月5日前, 按季度): no one last day.
const ONGOING: &[&str] = &[
    "长期",
    "持续",
    "常态",
    "每月",
    "每季",
    "每周",
    "每年",
    "每半年",
    "按月",
    "按季",
    "定期",
];

/// Whether a 完成时限 describes work that goes on or recurs, so that naming no day is what
/// it means, not a reading to fix.
pub fn is_ongoing(text: &str) -> bool {
    // Read in simplified characters: 持續推進 is 持续推进.
    let text = crate::base::cjk::simplified_text(text);
    ONGOING.iter().any(|w| text.contains(w))
}

static YEAR_DOT_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    // 2025.6, 2025/8 — a month written the short way, no day after it.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"(\d{4})\s*[./．／]\s*(\d{1,2})(?:\s*$|\s*[^./．／\d])").unwrap()
});

/// Reads a 完成时限 into `YYYY-MM-DD`, the last day it allows: `2025年12月底` → 2025-12-31,
/// `6月底前` → `{year}-06-30`, `10月上旬` → `{year}-10-10`, `2025年三季度` → 2025-09-30,
/// `年底前` → `{year}-12-31`, `2025.6` → 2025-06-30. A time that names no day (长期坚持,
/// 每月5日前) gives `None`; one that names a day and goes on after it
/// (`2025年8月底前，此后长期坚持`) gives that day. Where it names several (阶段性节点:
/// `4月底前完成汇编，全年持续推进`), the latest is the task's: the others are its steps.
pub fn parse_deadline(text: &str, plan_year: Option<i32>) -> Option<Date> {
    // `\d` matches full-width digits too, which `parse` does not read (２０２５年５月).
    let text = crate::base::cjk::ascii_digits(text);
    // 2月开工，年内完成: the start is no deadline; what is left may name one.
    let text = STARTS.replace_all(&text, "");
    let text = text
        .trim()
        .trim_start_matches(['，', ',', '；', ';'])
        .trim();
    if text.is_empty() {
        return None;
    }
    // 次年底前, 翌年6月: the year after the plan's.
    let plan_year = match NEXT_YEAR.is_match(text) {
        true => plan_year.map(|y| y + 1),
        false => plan_year,
    };
    let mut named = NamedTimes::default();
    for caps in FULL_DATE.captures_iter(text) {
        let day = || {
            date::ymd(
                caps[1].parse().ok()?,
                caps[2].parse().ok()?,
                caps[3].parse().ok()?,
            )
        };
        named.add(&caps, day());
    }
    for caps in YEAR_MONTH.captures_iter(text) {
        // 每月 names a month of every year, not one.
        if is_ongoing(text) && caps.get(1).is_none() && text.contains("每") {
            return None;
        }
        let end = || {
            let year = year_of(caps.get(1).map(|m| m.as_str()), plan_year)?;
            let month = small_number(&caps[2]).filter(|m| (1..=12).contains(m))?;
            let after = &text[caps.get(0).map_or(0, |m| m.end())..];
            match day_after_month(after) {
                Some(day) => date::ymd(year, month as i32, day),
                None => month_end(year, month),
            }
        };
        named.add(&caps, end());
    }
    for caps in YEAR_DOT_MONTH.captures_iter(text) {
        let month: Option<u32> = caps[2].parse().ok().filter(|m| (1..=12).contains(m));
        let end = caps[1]
            .parse()
            .ok()
            .zip(month)
            .and_then(|(y, m)| month_end(y, m));
        named.add(&caps, end);
    }
    // 长期坚持 names no day; a day named before it (8月底前，此后长期坚持) is the deadline.
    if named.spans.is_empty() && is_ongoing(text) {
        return None;
    }
    for caps in QUARTER.captures_iter(text) {
        let end = year_of(caps.get(1).map(|m| m.as_str()), plan_year)
            .zip(small_number(&caps[2]))
            .and_then(|(year, quarter)| month_end(year, quarter * 3));
        named.add(&caps, end);
    }
    for caps in HALF.captures_iter(text) {
        let month = match &caps[2] {
            "上半年" | "年中" => 6,
            _ => 12,
        };
        let end =
            year_of(caps.get(1).map(|m| m.as_str()), plan_year).and_then(|y| month_end(y, month));
        named.add(&caps, end);
    }
    if let Some(caps) = YEAR_ONLY.captures(text) {
        named.add(
            &caps,
            caps[1].parse().ok().and_then(|year| month_end(year, 12)),
        );
    }
    named.latest()
}

/// The times a 完成时限 names, each where it is written; a time inside one already read
/// (the 2025年2月 of 2025年2月30日) is that one's.
#[derive(Default)]
struct NamedTimes {
    spans: Vec<(usize, usize)>,
    days: Vec<Option<Date>>,
}

impl NamedTimes {
    fn add(&mut self, caps: &regex::Captures<'_>, day: Option<Date>) {
        let Some(found) = caps.get(0) else {
            return;
        };
        let (start, end) = (found.start(), found.end());
        if self.spans.iter().any(|&(s, e)| start < e && s < end) {
            return;
        }
        self.spans.push((start, end));
        self.days.push(day);
    }

    /// The latest day, unless one of the times names none that exists (2025年2月30日).
    fn latest(self) -> Option<Date> {
        let days: Option<Vec<Date>> = self.days.into_iter().collect();
        days?.into_iter().max()
    }
}

/// The day the words after a month name: 上旬 ends on the 10th, 中旬 on the 20th (下旬 with
/// the month), 9月1日前 on the 1st.
fn day_after_month(after: &str) -> Option<i32> {
    let after = after.trim_start();
    if after.starts_with("上旬") {
        return Some(10);
    }
    if after.starts_with("中旬") {
        return Some(20);
    }
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let rest = after[digits.len()..].trim_start();
    (rest.starts_with(['日', '号']) && (1..=2).contains(&digits.len()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Words only a time has (年底, 长期, 每季 …).
const TIME_WORDS: &[&str] = &[
    "年底",
    "月底",
    "月前",
    "日前",
    "季度",
    "长期",
    "持续",
    "常态",
    "全年",
    "年内",
    "上半年",
    "下半年",
    "每月",
    "每季",
    "每年",
    "年度",
    "月份",
    "完成时",
];

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"\d{1,2}月").unwrap()
});

/// Whether a cell's text reads as a time — a date [`parse_deadline`] reads, a month, or a
/// word only times use (长期推进, 每季度末) — whether or not it names a day.
pub fn reads_as_time(text: &str) -> bool {
    let text = &crate::base::cjk::simplified_text(text);
    parse_deadline(text, None).is_some()
        || TIME_WORDS.iter().any(|w| text.contains(w))
        || MONTH.is_match(text)
}

/// Whether a line says little but a time (长期坚持, 年内完成, 每季度末, 6月底前): it reads as
/// one, and what is left without its time words and figures is a verb's few characters — not
/// a task that mentions a time (空气质量完成年度目标任务).
pub fn says_only_a_time(text: &str) -> bool {
    let text = &crate::base::cjk::simplified_text(text);
    // A date read is not enough: 2024年底前实现证照互认共享 names one and says more.
    if parse_deadline(text, None).is_none() && !reads_as_time(text) {
        return false;
    }
    let mut rest = MONTH.replace_all(text, "").into_owned();
    for word in TIME_WORDS {
        rest = rest.replace(word, "");
    }
    let left = rest
        .chars()
        .filter(|c| crate::base::cjk::is_han(*c) && !"年月日前底末内起止至每".contains(*c))
        .count();
    left <= 4
}

fn year_of(written: Option<&str>, plan_year: Option<i32>) -> Option<i32> {
    match written {
        Some(y) => y.parse().ok(),
        None => plan_year,
    }
}

/// A limit counted from the day the notice is issued (a 督查通报's 整改时限).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// `5天`, `3日内`, `一周内` (7 days).
    Days(u32),
    /// `7个工作日内`: not counted here (holidays are not known).
    WorkingDays(u32),
    /// `1个月内`.
    Months(u32),
}

/// The limit `text` counts from the day of issue: `5天`, `3日内`, `7个工作日`, `两周内`,
/// `1个月内完成`; `None` for a date, or anything else.
pub fn within(text: &str) -> Option<Within> {
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"^(?:限)?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个)?\s*(天|日|工作日|周|星期|月)",
            r"\s*(?:内|之内|以内)?\s*(?:完成|整改到位|整改完毕|办结)?[。.]?$"
        ))
        .unwrap()
    });
    let text = crate::base::cjk::ascii_digits(text.trim());
    let caps = WITHIN.captures(&text)?;
    let count = match &caps[1] {
        "两" => 2,
        n => small_number(n)?,
    };
    match &caps[3] {
        "天" | "日" if caps.get(2).is_none() => Some(Within::Days(count)),
        "工作日" => Some(Within::WorkingDays(count)),
        "周" | "星期" => Some(Within::Days(count * 7)),
        "月" if caps.get(2).is_some() => Some(Within::Months(count)),
        _ => None,
    }
}

/// The last day a limit counted from `issued` allows; none for working days.
pub fn counted_from(issued: Date, limit: Within) -> Option<Date> {
    let span = match limit {
        Within::Days(days) => jiff::Span::new().days(i64::from(days)),
        Within::Months(months) => jiff::Span::new().months(i64::from(months)),
        Within::WorkingDays(_) => return None,
    };
    issued.checked_add(span).ok()
}

fn small_number(text: &str) -> Option<u32> {
    text.parse()
        .ok()
        .or_else(|| crate::base::cjk::chinese_number(text))
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    // A time and nothing else, as a schedule's column header writes it: 一季度, 第二季度,
    // 2026年三季度, 3月, 十二月份, 6月底前, 上半年, 2025年, 2026年度 — with a word for what
    // falls in it (目标, 任务, 节点 …) after it at most.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"^(?P<time>(?:\d{4}\s*年度?)?\s*(?:第?[一二三四1-4]\s*季度|",
        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?(?:上旬|中旬|下旬|底|末)?|",
        r"上半年|下半年|年中|年底|年末)|\d{4}\s*年度?)",
        r"\s*(?:前|末)?\s*(?:的)?(?:目标任务|工作目标|目标|任务|节点|安排|计划|进度)?$"
    ))
    .unwrap()
});

/// The last day of the period a schedule column's header names (一季度 → {year}-03-31,
/// 2025年目标 → 2025-12-31), when the header names a period and nothing else: the columns of
/// a plan that sets what is done by each quarter, month or year.
pub fn period_end(header: &str, plan_year: Option<i32>) -> Option<Date> {
    let header: String = crate::base::cjk::ascii_digits(header)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let caps = PERIOD.captures(&header)?;
    parse_deadline(&caps["time"].replace("年度", "年"), plan_year)
}

fn month_end(year: i32, month: u32) -> Option<Date> {
    date::month_end(year, i32::try_from(month).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_wrapped_by_its_width_is_one_line_of_time() {
        assert_eq!(unwrapped("2025年11月\n底前"), "2025年11月底前");
        assert_eq!(unwrapped("长期\n坚持"), "长期坚持");
        assert_eq!(unwrapped("2025年\n11月底前"), "2025年11月底前");
        assert_eq!(
            unwrapped("6月底前完成方案，\n12月底前全面完成"),
            "6月底前完成方案，\n12月底前全面完成"
        );
        assert_eq!(unwrapped("2025年12月底前"), "2025年12月底前");
        assert_eq!(unwrapped("2025 年 6 月底\n前"), "2025年6月底前");
        assert_eq!(
            unwrapped("2025年4月底前完成汇编，\n全年持续推进"),
            "2025年4月底前完成汇编，全年持续推进"
        );
        assert_eq!(
            unwrapped("阶段，时间；\n完成规划，6月底；"),
            "阶段，时间；\n完成规划，6月底；"
        );
    }

    #[test]
    fn a_line_saying_only_a_time_is_told_from_a_task_naming_one() {
        for time in [
            "长期坚持",
            "年内完成",
            "每季度末",
            "6月底前",
            "2024年12月底前",
            "持续推进",
            "全年",
        ] {
            assert!(says_only_a_time(time), "{time}");
        }
        for task in [
            "空气质量完成年度目标任务",
            "节能减排降碳完成年度目标任务",
            "推进城区道路建设",
        ] {
            assert!(!says_only_a_time(task), "{task}");
        }
    }

    #[test]
    fn a_limit_counted_from_the_day_of_issue() {
        assert_eq!(within("5天"), Some(Within::Days(5)));
        assert_eq!(within("3日内"), Some(Within::Days(3)));
        assert_eq!(within("十五天内完成"), Some(Within::Days(15)));
        assert_eq!(within("两周内"), Some(Within::Days(14)));
        assert_eq!(within("1个月内"), Some(Within::Months(1)));
        assert_eq!(within("7个工作日"), Some(Within::WorkingDays(7)));
        // Dates and times are not limits; nor is a month without 个 (3月 is March).
        for not in ["3月", "2026年3月底前", "长期坚持", "每月5日前", "5个"] {
            assert_eq!(within(not), None, "{not}");
        }
        let issued = date::ymd(2026, 1, 30).unwrap();
        assert_eq!(
            counted_from(issued, Within::Months(1)),
            date::ymd(2026, 2, 28)
        );
        assert_eq!(counted_from(issued, Within::Days(5)), date::ymd(2026, 2, 4));
        assert_eq!(counted_from(issued, Within::WorkingDays(5)), None);
    }

    #[test]
    fn deadlines() {
        let y = Some(2025);
        for (text, want) in [
            ("2025年12月底", Some("2025-12-31")),
            ("6月底前", Some("2025-06-30")),
            ("2025年三季度", Some("2025-09-30")),
            ("第四季度", Some("2025-12-31")),
            ("年底前", Some("2025-12-31")),
            ("2026年底前", Some("2026-12-31")),
            ("2026年内", Some("2026-12-31")),
            ("2027年底前完成", Some("2027-12-31")),
            ("2026年年底前", Some("2026-12-31")),
            ("次年底前", Some("2026-12-31")),
            ("翌年6月底前", Some("2026-06-30")),
            ("2026年上半年", Some("2026-06-30")),
            ("2025年6月15日", Some("2025-06-15")),
            ("2025-06-15", Some("2025-06-15")),
            ("2024年2月底", Some("2024-02-29")),
            ("十一月", Some("2025-11-30")),
            ("2025年", Some("2025-12-31")),
            ("2025—2027年", Some("2027-12-31")),
            ("2025-2026年", Some("2026-12-31")),
            ("2025年至2026年", Some("2026-12-31")),
            ("长期坚持", None),
            ("10月上旬前", Some("2025-10-10")),
            ("9月中旬", Some("2025-09-20")),
            ("9月下旬", Some("2025-09-30")),
            // A day named without the year: that day of the plan's year.
            ("9月1日前", Some("2025-09-01")),
            ("11月15号之前", Some("2025-11-15")),
            ("9月31日前", None),
            ("2025.6", Some("2025-06-30")),
            ("2025/8", Some("2025-08-31")),
            ("每月5日前", None),
            ("每季度", None),
            ("2025年8月底前，此后长期坚持", Some("2025-08-31")),
            // Steps before the end: the task ends with the latest time it names.
            (
                "2025年4月底前完成政策汇编，全年持续推进",
                Some("2025-12-31"),
            ),
            (
                "2025年6月底前完成方案，12月底前全面完成",
                Some("2025-12-31"),
            ),
            ("一季度完成摸底，三季度完成整改", Some("2025-09-30")),
            (
                "2025年9月底前完成主体工程，2026年6月底前投用",
                Some("2026-06-30"),
            ),
            ("全年持续推进", None),
            // A start is no deadline: the end given after it is.
            ("2月开工，年内完成主体结构", Some("2025-12-31")),
            ("6月開工,年內完工", Some("2025-12-31")),
            ("整治工程10月开工", None),
            ("三季度启动，11月底前完成", Some("2025-11-30")),
            ("２０２５年５月３１日前完成", Some("2025-05-31")),
            ("５月底前", Some("2025-05-31")),
            ("持续推进", None),
            ("2025年13月", None),
            ("2025年2月30日", None),
            ("", None),
        ] {
            assert_eq!(
                parse_deadline(text, y).map(|d| d.to_string()).as_deref(),
                want,
                "{text}"
            );
        }
        assert_eq!(parse_deadline("6月底前", None), None);
        assert!(names_a_start("5月底前动工"));
        assert!(!names_a_start("2026年6月底前完成"));
    }

    #[test]
    fn a_schedule_header_names_a_period_and_nothing_else() {
        let y = Some(2026);
        for (header, want) in [
            ("一季度", "2026-03-31"),
            ("第二季度", "2026-06-30"),
            ("2027年三季度", "2027-09-30"),
            ("3月", "2026-03-31"),
            ("十二月份", "2026-12-31"),
            ("6月底前", "2026-06-30"),
            ("上半年", "2026-06-30"),
            ("下半年", "2026-12-31"),
            ("2025年", "2025-12-31"),
            ("2025年度", "2025-12-31"),
            ("2025年目标", "2025-12-31"),
            ("2026年度目标任务", "2026-12-31"),
            ("第四季度节点", "2026-12-31"),
        ] {
            assert_eq!(
                period_end(header, y).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{header}"
            );
        }
        // A header saying more than a time is some other column.
        for header in [
            "完成时限",
            "时间节点",
            "一季度完成情况",
            "2025年工作进展",
            "备注",
            "季度",
        ] {
            assert_eq!(period_end(header, y), None, "{header}");
        }
        // A period without a year, in a plan whose year is unknown: no day.
        assert_eq!(period_end("一季度", None), None);
    }
}
