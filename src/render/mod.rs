//! Render: views → bytes, one module per output format. Nothing here writes files.

pub mod pdf;
pub mod xlsx;

use crate::base::date::{self, DateTime};

/// The date a document carries (creation date in PDF metadata): `SOURCE_DATE_EPOCH` when set,
/// else the notice's 成文日期, else 1 January of the plan year; never the clock, so the same
/// input gives the same bytes.
pub fn document_date(plan: &crate::model::Plan) -> DateTime {
    if let Some(time) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(date::from_epoch)
    {
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
