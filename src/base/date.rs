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

/// A date as people write one: `2025-07-10`, `2025/7/10`, `2025.7.10`, `2025年7月10日`.
pub fn parse_written(text: &str) -> Option<Date> {
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
        assert_eq!(parse_written("三月"), None);
        assert_eq!(chinese(ymd(2025, 6, 30).unwrap()), "2025年6月30日");
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
