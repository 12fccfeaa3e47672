//! 示例 returns: the real return forms fengong issues, filled in by a deterministic script so
//! the main command shows a whole evaluation, with a few realistic faults (a unit that never
//! returns, an edited task text, a bad percentage, a status outside the list, a duplicate, a
//! stray workbook). `cargo run --example sample_returns` writes them into `input/returns/`;
//! a test checks the committed files are what this code makes of the current plan.
//!
//! Also the returns generator of the benchmark (1,000 forms).

use crate::base::date;
use crate::base::diag::{Error, Result};
use crate::model::{Period, PeriodKind, Plan, Role, Status};
use crate::output::document::{safe_file_name, unit_file_names};
use crate::render::{self, xlsx};
use crate::view::TaskSheet;

/// One generated file: its path inside the period folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleFile {
    /// Path relative to the period folder, `/`-separated.
    pub path: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// The faults planted in one period, by unit name; units the plan lacks are skipped.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// This unit sends nothing.
    pub missing: Option<String>,
    /// This unit edits the locked text of its first task.
    pub edited_text: Option<String>,
    /// This unit writes 120 as a progress.
    pub progress_over: Option<String>,
    /// This unit writes 八成 as a progress.
    pub progress_text: Option<String>,
    /// This unit writes 基本完成 as a status.
    pub bad_status: Option<String>,
    /// This unit sends two forms, the second later.
    pub duplicate: Option<String>,
    /// The lead of this task writes words where the target value should be a number.
    pub target_words: Option<u32>,
    /// Add a workbook that is not a return form.
    pub stray_workbook: bool,
}

impl Faults {
    /// The faults of the shipped sample for a period.
    pub fn shipped(kind: PeriodKind) -> Faults {
        match kind {
            PeriodKind::MidYear => Faults {
                missing: Some("区信访办".into()),
                edited_text: Some("区体育局".into()),
                progress_over: Some("区卫生健康委".into()),
                progress_text: Some("区文化旅游局".into()),
                bad_status: Some("区绿化市容局".into()),
                duplicate: Some("区民政局".into()),
                target_words: None,
                stray_workbook: true,
            },
            PeriodKind::YearEnd => Faults {
                missing: Some("华亭镇".into()),
                edited_text: Some("区商务委".into()),
                target_words: Some(54),
                ..Faults::default()
            },
        }
    }
}

/// A small deterministic hash (FNV-1a) of a key: the dice of the sample.
fn roll(key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h ^ (h >> 15)
}

const PROBLEMS: [&str; 4] = [
    "项目选址调整，前期手续办理时间较长",
    "资金尚未全部拨付到位",
    "涉及多个部门和街镇，协调推进需要时间",
    "施工招标延期，开工时间推迟",
];
const NAMES: [&str; 6] = ["王敏", "李静", "张伟", "陈洁", "刘洋", "周颖"];

/// The status a unit reports for a task, and its progress.
fn pick(kind: PeriodKind, dice: u32, lead: bool) -> (Status, u32) {
    let r = dice % 100;
    let (completed, on_schedule, lagging) = match (kind, lead) {
        (PeriodKind::MidYear, true) => (22, 86, 96),
        (PeriodKind::MidYear, false) => (25, 92, 98),
        (PeriodKind::YearEnd, true) => (82, 88, 97),
        (PeriodKind::YearEnd, false) => (85, 92, 98),
    };
    let spread = dice / 100 % 20;
    if r < completed {
        (Status::Completed, 100)
    } else if r < on_schedule {
        // A few claim 序时推进 with too little done: the 序时进度 rule catches them.
        let low = r.is_multiple_of(9);
        match kind {
            PeriodKind::MidYear if low => (Status::OnSchedule, 30 + spread / 2),
            PeriodKind::MidYear => (Status::OnSchedule, 50 + spread * 2),
            PeriodKind::YearEnd => (Status::OnSchedule, 80 + spread / 2),
        }
    } else if r < lagging {
        (Status::Lagging, 15 + spread)
    } else {
        (Status::NotStarted, 0)
    }
}

/// The opening words of a task, for the progress text.
fn gist(content: &str) -> String {
    let first: String = content
        .split(['，', '。', '；'])
        .next()
        .unwrap_or(content)
        .chars()
        .take(24)
        .collect();
    first.trim().to_string()
}

fn row_fill(
    sheet: &TaskSheet,
    task: &crate::view::SheetTask,
    plan: &Plan,
    period: &Period,
    faults: &Faults,
) -> xlsx::RowFill {
    let dice = roll(&format!("{}|{}|{}", period.label, sheet.unit, task.no));
    let lead = task.role == Role::Lead.label();
    let (status, progress) = pick(period.kind, dice, lead);
    let what = gist(&task.content);
    let due = plan
        .task(task.no)
        .and_then(|t| t.deadline)
        .map(date::chinese)
        .unwrap_or_else(|| "年底".into());
    let problem = PROBLEMS[(dice / 7 % PROBLEMS.len() as u32) as usize];
    let progress_text = match status {
        Status::Completed => format!("已完成。{what}，已按方案要求落实到位，形成工作台账。"),
        Status::OnSchedule => format!("正在推进。{what}，已完成前期工作，计划于{due}前完成。"),
        Status::Lagging => format!("进度滞后。{what}，目前完成约{progress}%，正在加快推进。"),
        _ => "尚未启动，已列入下阶段工作计划。".to_string(),
    };
    let problems = match status {
        Status::Lagging | Status::NotStarted => problem.to_string(),
        _ => String::new(),
    };
    let evidence = match status {
        Status::Completed => "工作方案；现场照片；验收或总结材料".to_string(),
        Status::OnSchedule => "工作推进会议纪要；阶段性工作照片".to_string(),
        _ => String::new(),
    };
    // Targets, reported by the lead: the whole number when done, a share of it otherwise.
    let target_value = plan
        .task(task.no)
        .filter(|_| lead)
        .map(|t| {
            t.targets
                .iter()
                .map(|target| {
                    let share = if status == Status::Completed {
                        1.0 + f64::from(dice % 3) * 0.1
                    } else {
                        f64::from(progress) / 100.0
                    };
                    let value = (target.value * share).round().min(if target.unit == "%" {
                        100.0
                    } else {
                        f64::MAX
                    });
                    format!("{}{}", value, target.unit)
                })
                .collect::<Vec<_>>()
                .join("；")
        })
        .unwrap_or_default();
    let mut fill = xlsx::RowFill {
        status: status.label().to_string(),
        progress: progress.to_string(),
        progress_text,
        target_value,
        problems,
        evidence,
        edited_content: None,
    };
    if faults.target_words == Some(task.no) && lead {
        fill.target_value = "基本完成".into();
    }
    fill
}

/// The filled form of one unit.
fn fill_for(sheet: &TaskSheet, plan: &Plan, period: &Period, faults: &Faults) -> xlsx::FormFill {
    let is = |f: &Option<String>| f.as_deref() == Some(sheet.unit.as_str());
    let day = 1 + roll(&format!("{}|{}", period.label, sheet.unit)) % 9;
    let (year, month) = match period.kind {
        PeriodKind::MidYear => (period.year, 7),
        PeriodKind::YearEnd => (period.year + 1, 1),
    };
    let mut fill = xlsx::FormFill {
        sample: true,
        filled_on: date::ymd(year, month, day as i32),
        contact: NAMES[(roll(&sheet.unit) % NAMES.len() as u32) as usize].to_string(),
        phone: format!("021-0000{:04}", roll(&sheet.unit) % 10_000),
        rows: Default::default(),
    };
    for task in &sheet.tasks {
        let lead = task.role == Role::Lead.label();
        let dice = roll(&format!(
            "{}|{}|{}|support",
            period.label, sheet.unit, task.no
        ));
        // Supporting units often leave rows to the lead; conditional (相关街镇) rows too.
        if (!lead && dice.is_multiple_of(2)) || (task.conditional && !dice.is_multiple_of(3)) {
            continue;
        }
        fill.rows
            .insert(task.no, row_fill(sheet, task, plan, period, faults));
    }
    let first = sheet.tasks.first().map(|t| t.no);
    if is(&faults.edited_text)
        && let Some(no) = first
        && let Some(task) = sheet.tasks.first()
    {
        let row = fill.rows.entry(no).or_default();
        row.edited_content = Some(format!("{}（本单位建议调整为下半年完成）", task.content));
    }
    if is(&faults.progress_over)
        && let Some(row) = fill.rows.values_mut().next()
    {
        row.progress = "120".into();
    }
    if is(&faults.progress_text)
        && let Some(row) = fill.rows.values_mut().next()
    {
        row.progress = "八成".into();
    }
    if is(&faults.bad_status)
        && let Some(row) = fill.rows.values_mut().next()
    {
        row.status = "基本完成".into();
    }
    fill
}

/// Every file of a period's sample: one form per unit (街镇 in a subfolder), the planted faults.
pub fn sample_returns(plan: &Plan, period: &Period, faults: &Faults) -> Result<Vec<SampleFile>> {
    let date = render::document_date(plan);
    let author = plan.notice.issuer.clone().unwrap_or_default();
    let mut files = Vec::new();
    let names = unit_file_names(plan);
    for sheet in TaskSheet::all(plan) {
        if faults.missing.as_deref() == Some(sheet.unit.as_str()) {
            continue;
        }
        let town = plan
            .units
            .iter()
            .find(|u| u.name == sheet.unit)
            .is_some_and(|u| u.kind == crate::model::UnitKind::Town);
        let folder = if town { "街镇/" } else { "" };
        let title = format!("{}任务清单", sheet.unit);
        let props = xlsx::properties(&title, &author, date)?;
        let fill = fill_for(&sheet, plan, period, faults);
        let name = names
            .get(sheet.unit.as_str())
            .cloned()
            .unwrap_or_else(|| safe_file_name(&sheet.unit));
        files.push(SampleFile {
            path: format!("{folder}示例_{name}.xlsx"),
            bytes: xlsx::return_form(&sheet, &props, Some(&fill))?,
        });
        if faults.duplicate.as_deref() == Some(sheet.unit.as_str()) {
            let mut later = fill.clone();
            later.filled_on = later
                .filled_on
                .and_then(|d| date::ymd(i32::from(d.year()), i32::from(d.month()), 15));
            for row in later.rows.values_mut() {
                if row.status == Status::Lagging.label() {
                    row.status = Status::OnSchedule.label().into();
                    row.progress = "60".into();
                    row.problems.clear();
                }
            }
            files.push(SampleFile {
                path: format!("{folder}示例_{name}（更正稿）.xlsx"),
                bytes: xlsx::return_form(&sheet, &props, Some(&later))?,
            });
        }
    }
    if faults.stray_workbook {
        files.push(SampleFile {
            path: "示例_汇总草稿.xlsx".into(),
            bytes: stray_workbook(&xlsx::properties("汇总草稿", &author, date)?)?,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// A workbook someone made by hand: not a return form.
fn stray_workbook(props: &rust_xlsxwriter::DocProperties) -> Result<Vec<u8>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.set_properties(props);
    let sheet = workbook.add_worksheet();
    let err = |e: rust_xlsxwriter::XlsxError| Error::Render(e.to_string());
    sheet.write_string(0, 0, "单位").map_err(err)?;
    sheet.write_string(0, 1, "完成情况").map_err(err)?;
    sheet.write_string(1, 0, "区教育局").map_err(err)?;
    sheet.write_string(1, 1, "基本完成").map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

/// The periods the shipped sample covers, for a plan year.
pub fn shipped_periods(year: i32) -> [Period; 2] {
    [
        Period::new(format!("{year}-半年度"), PeriodKind::MidYear, year),
        Period::new(format!("{year}-年度"), PeriodKind::YearEnd, year),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_are_stable() {
        assert_eq!(roll("a"), roll("a"));
        assert_ne!(roll("a"), roll("b"));
    }

    #[test]
    fn statuses_spread_over_the_list() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..400 {
            seen.insert(pick(PeriodKind::MidYear, roll(&i.to_string()), true).0);
        }
        assert_eq!(seen.len(), 4, "{seen:?}");
    }
}
