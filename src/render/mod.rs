//! Render: views → bytes, one module per output format. Nothing here writes files.

pub mod blocks;
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
