//! Render: views → bytes, one module per output format. Nothing here writes files.

pub mod pdf;
pub mod xlsx;

/// The date a document carries (creation date in PDF metadata): `SOURCE_DATE_EPOCH` when set,
/// else the notice's 成文日期, else 1 January of the plan year; never the clock, so the same
/// input gives the same bytes.
pub fn document_date(plan: &crate::model::Plan) -> (u16, u8, u8, u8, u8, u8) {
    if let Some(epoch) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
    {
        return from_epoch(epoch);
    }
    if let Some(date) = plan.notice.date.as_deref().and_then(parse_chinese_date) {
        return (date.0, date.1, date.2, 0, 0, 0);
    }
    let year = plan.year.unwrap_or(2000).clamp(1, 9999) as u16;
    (year, 1, 1, 0, 0, 0)
}

/// `2025年3月5日` → (2025, 3, 5).
pub fn parse_chinese_date(text: &str) -> Option<(u16, u8, u8)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let (y, m, d) = (
        year.trim().parse().ok()?,
        month.trim().parse().ok()?,
        day.trim().parse().ok()?,
    );
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Seconds since 1970 → UTC (year, month, day, hour, minute, second).
pub fn from_epoch(epoch: i64) -> (u16, u8, u8, u8, u8, u8) {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (
        y.clamp(1, 9999) as u16,
        m as u8,
        d as u8,
        (secs / 3600) as u8,
        (secs % 3600 / 60) as u8,
        (secs % 60) as u8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_become_dates() {
        assert_eq!(from_epoch(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(from_epoch(1_735_689_600), (2025, 1, 1, 0, 0, 0));
        assert_eq!(from_epoch(951_782_400 + 3_661), (2000, 2, 29, 1, 1, 1));
    }

    #[test]
    fn chinese_dates() {
        assert_eq!(parse_chinese_date("2025年3月5日"), Some((2025, 3, 5)));
        assert_eq!(parse_chinese_date("2025年13月5日"), None);
        assert_eq!(parse_chinese_date("三月"), None);
    }
}
