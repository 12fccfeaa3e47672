//! Returned forms (反馈表): what a unit reported for its tasks in one period.

use serde::{Deserialize, Serialize};

use crate::base::date::{self, Date};
use crate::base::diag::Location;

/// A task's state as reported, or as the evaluation decides it. Ordered from the least to the
/// most advanced, so "the least advanced of several leads" is a `min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// 未报送: nobody responsible reported on it.
    Missing,
    /// 未启动.
    NotStarted,
    /// 滞后 (behind the elapsed share of the year, or past its deadline).
    Lagging,
    /// 序时推进 (on schedule).
    OnSchedule,
    /// 已完成.
    Completed,
}

impl Status {
    /// Every status, most advanced first: the order reports list them in.
    pub const ALL: [Status; 5] = [
        Status::Completed,
        Status::OnSchedule,
        Status::Lagging,
        Status::NotStarted,
        Status::Missing,
    ];

    /// What a unit may report: the return form's dropdown, in its order.
    pub const REPORTABLE: [Status; 4] = [
        Status::Completed,
        Status::OnSchedule,
        Status::Lagging,
        Status::NotStarted,
    ];

    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Status::Completed => "已完成",
            Status::OnSchedule => "序时推进",
            Status::Lagging => "滞后",
            Status::NotStarted => "未启动",
            Status::Missing => "未报送",
        }
    }

    /// Reads what a unit wrote: the four words of the dropdown and the synonyms seen in real
    /// ledgers (已办结, 推进中, 进展缓慢 …). 未报送 is never something a unit reports.
    pub fn parse(text: &str) -> Option<Status> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t.trim_end_matches(['。', '.']);
        let status = match t {
            "已完成"
            | "完成"
            | "已办结"
            | "办结"
            | "提前完成"
            | "已完成和提前完成"
            | "全部完成"
            | "已全部完成"
            | "已经完成"
            | "圆满完成" => Status::Completed,
            "序时推进" | "达进度" | "按序时" | "有序推进" | "正常推进" | "正在办理" | "推进中"
            | "按序时推进" | "持续推进" | "超序时" | "超进度" | "正在推进" | "正在实施"
            | "正在施工" | "正在建设" | "进行中" | "实施中" | "施工中" | "建设中" => {
                Status::OnSchedule
            }
            "滞后" | "欠进度" | "慢序时" | "未达序时进度" | "进展缓慢" | "逾期" => {
                Status::Lagging
            }
            "未启动" | "暂未开启" | "尚未启动" | "未开始" => Status::NotStarted,
            _ => return None,
        };
        Some(status)
    }
}

/// Which evaluation: 半年度 (mid-year) or 年度 (year-end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    /// 半年度.
    MidYear,
    /// 年度.
    YearEnd,
}

impl PeriodKind {
    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            PeriodKind::MidYear => "半年度",
            PeriodKind::YearEnd => "年度",
        }
    }

    /// From a folder name or a `--period` value: 半年 / 中期 / 上半年 → mid-year; 年度 / 年终 /
    /// 全年 → year-end.
    pub fn detect(text: &str) -> Option<PeriodKind> {
        if ["半年", "中期", "上半年", "年中"]
            .iter()
            .any(|w| text.contains(w))
        {
            Some(PeriodKind::MidYear)
        } else if ["年度", "年终", "全年", "年底"]
            .iter()
            .any(|w| text.contains(w))
        {
            Some(PeriodKind::YearEnd)
        } else {
            None
        }
    }
}

/// One evaluation period: its folder's name, kind and the day it closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The folder name, e.g. `2025-半年度`; names the output folder.
    pub label: String,
    /// Mid-year or year-end.
    pub kind: PeriodKind,
    /// The year evaluated.
    pub year: i32,
    /// The day the period ends (30 June or 31 December): deadlines on or before it have
    /// passed.
    pub end: Date,
}

impl Period {
    /// A period of `year`.
    pub fn new(label: impl Into<String>, kind: PeriodKind, year: i32) -> Period {
        let month = match kind {
            PeriodKind::MidYear => 6,
            PeriodKind::YearEnd => 12,
        };
        let end = date::month_end(year.clamp(1, 9999), month).unwrap_or(Date::MAX);
        Period {
            label: label.into(),
            kind,
            year,
            end,
        }
    }

    /// What headings say: 2025年半年度, 2025年度.
    pub fn title(&self) -> String {
        match self.kind {
            PeriodKind::MidYear => format!("{}年半年度", self.year),
            PeriodKind::YearEnd => format!("{}年度", self.year),
        }
    }

    /// 1 January of the year evaluated: where the time towards a deadline starts.
    pub fn start(&self) -> Date {
        date::ymd(self.year.clamp(1, 9999), 1, 1).unwrap_or(Date::MIN)
    }

    /// True when `deadline` has passed by the period's end.
    pub fn is_past(&self, deadline: Date) -> bool {
        deadline <= self.end
    }

    /// 序时进度: the share of the time from 1 January to `due` (the year's end when the task
    /// has no deadline) that has elapsed when the period closes, in percent, at most 100.
    /// Days count whole, the period's last day included: 181 of 365 days at 30 June.
    /// Every report and every rule takes this one number.
    pub fn schedule_share(&self, due: Option<Date>) -> Option<f64> {
        self.schedule_share_from(due, None)
    }

    /// [`Self::schedule_share`] of work that starts on `begins` (a 启动时间) when that is
    /// after 1 January: none of the time before it counts; work not begun by the period's
    /// end is due no progress yet (0).
    pub fn schedule_share_from(&self, due: Option<Date>, begins: Option<Date>) -> Option<f64> {
        let start = begins.map_or(self.start(), |b| b.max(self.start()));
        if start > self.end {
            return Some(0.0);
        }
        let due = due.unwrap_or_else(|| date::month_end(self.year, 12).unwrap_or(self.end));
        if due < start {
            return None;
        }
        let elapsed = date::days_between(start, self.end) + 1;
        let total = date::days_between(start, due) + 1;
        Some((elapsed as f64 / total as f64 * 100.0).min(100.0))
    }
}

/// A returned form as read: who sent it, for which plan, and its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnForm {
    /// The file, as shown in messages.
    pub file: String,
    /// The unit, from the hidden key sheet (never from the file name).
    pub unit: String,
    /// The plan id the form was issued for.
    pub plan_id: String,
    /// True for the shipped 示例 returns.
    pub sample: bool,
    /// 填报日期, when given.
    pub filled_on: Option<Date>,
    /// 填报日期 written without its year (7月12日): the evaluation places it in the period.
    #[serde(default)]
    pub filled_on_yearless: Option<Box<YearlessDate>>,
    /// 联系人, as written.
    #[serde(default)]
    pub contact: String,
    /// 联系电话, as written.
    #[serde(default)]
    pub phone: String,
    /// One row per task the form carries.
    pub rows: Vec<ReturnRow>,
}

/// A 填报日期 with no year, as written and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearlessDate {
    /// The month and day read.
    pub written: date::Written,
    /// The text as the unit wrote it.
    pub text: String,
    /// Its cell.
    pub at: Location,
}

/// What a unit wrote for one task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnRow {
    /// The task number.
    pub task: u32,
    /// 完成状态, when valid.
    pub status: Option<Status>,
    /// 完成进度（%）, when a number in 0–100.
    pub progress: Option<f64>,
    /// 进展情况.
    pub progress_text: String,
    /// 量化目标完成值, as written.
    pub target_value: String,
    /// 存在问题.
    pub problems: String,
    /// 佐证材料, one entry per item.
    pub evidence: Vec<String>,
    /// False when the locked task text was edited in the form.
    pub text_intact: bool,
    /// The hash of the task's text when the form was issued (from the hidden key sheet).
    pub issued_hash: String,
    /// Where the row is.
    pub origin: Location,
    /// Where its 完成状态 is (what a finding about the status points at).
    #[serde(default)]
    pub status_origin: Option<Location>,
}

impl ReturnRow {
    /// True when the unit wrote nothing for the task.
    pub fn is_blank(&self) -> bool {
        self.status.is_none()
            && self.progress.is_none()
            && self.progress_text.is_empty()
            && self.target_value.is_empty()
            && self.problems.is_empty()
            && self.evidence.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_order_from_least_advanced() {
        assert!(Status::Missing < Status::NotStarted);
        assert!(Status::Lagging < Status::OnSchedule);
        assert_eq!(
            [Status::Completed, Status::Lagging].iter().min(),
            Some(&Status::Lagging)
        );
    }

    #[test]
    fn synonyms_read_as_statuses() {
        assert_eq!(Status::parse("已办结"), Some(Status::Completed));
        assert_eq!(Status::parse(" 推进中 "), Some(Status::OnSchedule));
        assert_eq!(Status::parse("进展缓慢"), Some(Status::Lagging));
        assert_eq!(Status::parse("尚未启动"), Some(Status::NotStarted));
        assert_eq!(Status::parse("基本完成"), None);
        assert_eq!(Status::parse("未报送"), None);
    }

    #[test]
    fn periods_from_folder_names() {
        assert_eq!(PeriodKind::detect("2025-半年度"), Some(PeriodKind::MidYear));
        assert_eq!(
            PeriodKind::detect("2025年中期评估"),
            Some(PeriodKind::MidYear)
        );
        assert_eq!(PeriodKind::detect("2025-年度"), Some(PeriodKind::YearEnd));
        assert_eq!(PeriodKind::detect("misc"), None);
        assert_eq!(
            Period::new("x", PeriodKind::MidYear, 2025).end.to_string(),
            "2025-06-30"
        );
    }

    #[test]
    fn schedule_share_counts_from_the_start_the_plan_gives() {
        let mid = Period::new("2025-半年度", PeriodKind::MidYear, 2025);
        // Work from 1 May to 31 October: 61 of its 184 days gone at 30 June.
        let share = mid
            .schedule_share_from(date::ymd(2025, 10, 31), date::ymd(2025, 5, 1))
            .unwrap();
        assert!((share - 61.0 / 184.0 * 100.0).abs() < 1e-9, "{share}");
        // Not begun by the period's end: no progress due yet.
        let later = mid.schedule_share_from(date::ymd(2025, 12, 31), date::ymd(2025, 9, 1));
        assert_eq!(later, Some(0.0));
        // A start before the year counts from 1 January, as no start does.
        assert_eq!(
            mid.schedule_share_from(None, date::ymd(2024, 10, 1)),
            mid.schedule_share(None)
        );
    }

    #[test]
    fn schedule_share_counts_whole_days() {
        let mid = Period::new("2025-半年度", PeriodKind::MidYear, 2025);
        let share = mid.schedule_share(None).unwrap();
        assert!((share - 181.0 / 365.0 * 100.0).abs() < 1e-9, "{share}");
        assert_eq!(mid.schedule_share(date::ymd(2025, 6, 30)), Some(100.0));
        assert_eq!(mid.schedule_share(date::ymd(2024, 12, 31)), None);
        let end = Period::new("2025-年度", PeriodKind::YearEnd, 2025);
        assert_eq!(end.schedule_share(None), Some(100.0));
        assert!(end.is_past(date::ymd(2025, 12, 31).unwrap()));
    }
}
