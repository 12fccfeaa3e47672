//! Civil dates: deadlines, period ends, 填报日期, 成文日期 and document dates are one type,
//! [`Date`] (jiff's), read and printed here.

pub use jiff::civil::{Date, DateTime};

/// A strict `YYYY-MM-DD` date (the config's and the model's form); `None` for anything
/// else, including days that do not exist (2025-02-29).
pub fn parse_iso(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let shape = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if !shape {
        return None;
    }
    text.parse::<Date>().ok()
}

/// A date as people write one: `2025-07-10`, `2025/7/10`, `2025.7.10`, `2025年7月10日`,
/// and in Chinese numerals as notices long printed it: `二〇二五年三月五日`.
pub fn parse_written(text: &str) -> Option<Date> {
    let arabic = in_arabic_figures(text);
    let text = arabic.as_deref().unwrap_or(text);
    let numbers: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<i32>>>()?;
    let [y, m, d] = numbers.as_slice() else {
        return None;
    };
    ymd(*y, *m, *d)
}

/// `二〇二五年三月五日` in Arabic figures (`2025年3月5日`): the year digit by digit, month and
/// day as numbers (十二, 二十五); `None` when the text is not such a date.
fn in_arabic_figures(text: &str) -> Option<String> {
    let text = text.trim();
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c || (matches!(c, '零' | '○') && d == '〇'))
    };
    let year: String = (year.chars())
        .map(|c| digit(c).map(|d| char::from(b'0' + d as u8)))
        .collect::<Option<String>>()?;
    let month = crate::base::cjk::chinese_number(month)?;
    let day = crate::base::cjk::chinese_number(day)?;
    (year.len() == 4).then(|| format!("{year}年{month}月{day}日"))
}

/// A date as a unit writes it on a form: what [`parse_written`] reads, and `20260112`,
/// `元月`, or a month and day with no year (`7月12日`, `7.10`), left for the caller to place.
pub fn parse_filled(text: &str) -> Option<Written> {
    let text = text.trim().replace("元月", "1月");
    if let Some(date) = parse_written(&text) {
        return Some(Written::Full(date));
    }
    let digits = text.as_bytes();
    if digits.len() == 8 && digits.iter().all(u8::is_ascii_digit) {
        let number = |range: std::ops::Range<usize>| text[range].parse::<i32>().ok();
        return ymd(number(0..4)?, number(4..6)?, number(6..8)?).map(Written::Full);
    }
    let numbers: Vec<i8> = text
        .trim_end_matches('日')
        .split(['月', '.', '/', '-', '．'])
        .map(|p| p.trim().parse().ok())
        .collect::<Option<Vec<i8>>>()?;
    let [month, day] = numbers.as_slice() else {
        return None;
    };
    // Checked against a leap year: 2月29日 is a day some years have.
    Date::new(2024, *month, *day).ok()?;
    Some(Written::MonthDay {
        month: *month,
        day: *day,
    })
}

/// A date as written on a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Written {
    /// Year, month and day.
    Full(Date),
    /// A month and day, the year left out.
    MonthDay {
        /// 1–12.
        month: i8,
        /// 1–31.
        day: i8,
    },
}

impl Written {
    /// The date, a month and day taken in the year that puts it nearest `near` (a form
    /// dated 1月9日 for a year-end is January of the next year).
    pub fn near(self, near: Date) -> Option<Date> {
        match self {
            Written::Full(date) => Some(date),
            Written::MonthDay { month, day } => (near.year() - 1..=near.year() + 1)
                .filter_map(|year| Date::new(year, month, day).ok())
                .min_by_key(|d| days_between(*d, near).abs()),
        }
    }
}

/// The date of year, month and day, when it exists.
pub fn ymd(year: i32, month: i32, day: i32) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    Date::new(year, month, day).ok()
}

/// The last day of a month.
pub fn month_end(year: i32, month: i32) -> Option<Date> {
    ymd(year, month, 1).map(|d| d.last_of_month())
}

/// `2025-12-31` → `2025年12月31日`.
pub fn chinese(date: Date) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}

/// An Excel date serial (days since 1899-12-30, the fraction a time of day).
pub fn from_excel_serial(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let origin = ymd(1899, 12, 30)?;
    // To the second first, so 45657.99999999 (float noise for midnight) is the next day.
    let days = ((serial * 86_400.0).round() / 86_400.0).floor() as i64;
    origin.checked_add(jiff::Span::new().days(days)).ok()
}

/// Seconds since 1970 as a UTC date and time (`SOURCE_DATE_EPOCH`).
pub fn from_epoch(epoch: i64) -> Option<DateTime> {
    let timestamp = jiff::Timestamp::from_second(epoch).ok()?;
    Some(jiff::tz::Offset::UTC.to_datetime(timestamp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_strict() {
        assert_eq!(parse_iso("2025-12-31"), ymd(2025, 12, 31));
        assert!(parse_iso("2024-02-29").is_some());
        assert!(parse_iso("2025-02-29").is_none());
        assert!(parse_iso("2025-1-31").is_none());
        assert!(parse_iso("2025-12-32").is_none());
    }

    #[test]
    fn written_dates() {
        for text in ["2025-07-10", "2025/7/10", "2025.7.10", "2025年7月10日"] {
            assert_eq!(parse_written(text), ymd(2025, 7, 10), "{text}");
        }
        assert_eq!(parse_written("2025年13月5日"), None);
        assert_eq!(parse_written("二〇二五年三月五日"), ymd(2025, 3, 5));
        assert_eq!(parse_written("二〇二四年十二月二十五日"), ymd(2024, 12, 25));
        assert_eq!(parse_written("二〇二五年十三月五日"), None);
        assert_eq!(parse_written("二五年三月五日"), None);
        assert_eq!(parse_written("三月"), None);
        assert_eq!(chinese(ymd(2025, 6, 30).unwrap()), "2025年6月30日");
    }

    #[test]
    fn dates_filled_on_forms() {
        let near = |text, end| parse_filled(text).and_then(|w| w.near(end));
        let (june, december) = (ymd(2025, 6, 30).unwrap(), ymd(2025, 12, 31).unwrap());
        assert_eq!(near("2025年7月10日", december), ymd(2025, 7, 10));
        assert_eq!(near("20260112", june), ymd(2026, 1, 12));
        assert_eq!(near("2027年元月9日", june), ymd(2027, 1, 9));
        assert_eq!(near("7月12日", june), ymd(2025, 7, 12));
        assert_eq!(near("7.10", june), ymd(2025, 7, 10));
        assert_eq!(near("1月9日", december), ymd(2026, 1, 9));
        assert_eq!(near("12月28日", december), ymd(2025, 12, 28));
        assert_eq!(
            parse_filled("7月12日"),
            Some(Written::MonthDay { month: 7, day: 12 })
        );
        for text in ["2月30日", "13.1", "20251301", "七月", "7", "1.2.3.4", ""] {
            assert_eq!(parse_filled(text), None, "{text}");
        }
    }

    #[test]
    fn arithmetic() {
        let jan1 = ymd(2025, 1, 1).unwrap();
        assert_eq!(days_between(jan1, ymd(2025, 12, 31).unwrap()), 364);
        assert_eq!(month_end(2024, 2), ymd(2024, 2, 29));
        assert_eq!(from_excel_serial(45_658.0), Some(jan1));
        assert_eq!(from_excel_serial(45_658.75), Some(jan1));
        assert_eq!(from_excel_serial(45_657.999_999_99), Some(jan1));
        let t = from_epoch(951_782_400 + 3_661).unwrap();
        assert_eq!(
            (
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            ),
            (2000, 2, 29, 1, 1, 1)
        );
        assert_eq!(from_epoch(0).unwrap().date(), ymd(1970, 1, 1).unwrap());
    }
}
