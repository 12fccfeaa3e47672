//! Render: views → bytes, one module per output format. Nothing here writes files.

pub mod markdown;
pub mod pdf;
pub mod xlsx;

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
