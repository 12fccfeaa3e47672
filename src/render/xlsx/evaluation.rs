//! The evaluation workbook (评估报告.xlsx): the report's tables as sheets people sort and
//! filter, counts and rates as numbers (never formulas), and native Excel charts of the
//! status by section and the completion rate by unit.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, DocProperties, Format,
    FormatAlign, Workbook, Worksheet,
};

use super::{Formats, cell_text, lines_needed, row_height, xlsx_error};
use crate::base::diag::Result;
use crate::view::{EvaluationView, TaskLine};

/// A cell of a report sheet.
enum Value {
    Text(String),
    Count(usize),
    Number(f64),
    /// A percentage 0–100, written as a fraction with a % format; `None` leaves it empty.
    Percent(Option<f64>),
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// Parses the view's `71.8%` back to a number, `—` to none.
fn pct(s: &str) -> Value {
    Value::Percent(s.trim_end_matches('%').parse::<f64>().ok())
}

struct Sheet<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    percent: Format,
    number: Format,
    /// A text longer than the tallest row shows, set from its top: its start prints.
    long_text: Format,
    row: u32,
}

/// The most lines a row is made tall for: Excel's rows stop at 409 pt.
const MOST_LINES: usize = 23;

impl Sheet<'_> {
    /// A table's rows `first..=last` under its header of `columns`: filtered (when it has
    /// rows), its first `frozen` columns and header held in view, the header over every
    /// printed page, as 任务分工表.xlsx's is.
    fn hold_header(
        &mut self,
        (first, last): (u32, u32),
        columns: usize,
        frozen: u16,
        filled: bool,
    ) -> Result<()> {
        if filled {
            self.ws
                .autofilter(first - 1, 0, last, columns as u16 - 1)
                .map_err(xlsx_error)?;
        }
        self.ws
            .set_freeze_panes(first, frozen)
            .map_err(xlsx_error)?;
        self.ws
            .set_repeat_rows(first - 1, first - 1)
            .map_err(xlsx_error)?;
        Ok(())
    }

    fn title(&mut self, title: &str, width: u16) -> Result<()> {
        self.ws
            .merge_range(
                self.row,
                0,
                self.row,
                width.saturating_sub(1),
                &cell_text(title),
                &self.f.title,
            )
            .map_err(xlsx_error)?;
        self.ws.set_row_height(self.row, 30).map_err(xlsx_error)?;
        self.row += 1;
        Ok(())
    }

    fn note(&mut self, note: &str, width: u16) -> Result<()> {
        let format = Format::new()
            .set_font_name(super::BODY_FONT)
            .set_font_size(12)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        self.ws
            .merge_range(
                self.row,
                0,
                self.row,
                width.saturating_sub(1),
                &cell_text(note),
                &format,
            )
            .map_err(xlsx_error)?;
        let lines = lines_needed(note, f64::from(width) * 11.0);
        self.ws
            .set_row_height(self.row, row_height(lines))
            .map_err(xlsx_error)?;
        self.row += 1;
        Ok(())
    }

    /// Writes a header and rows; returns the (first, last) data rows.
    fn table(&mut self, header: &[(&str, f64)], rows: Vec<Vec<Value>>) -> Result<(u32, u32)> {
        for (col, (name, width)) in header.iter().enumerate() {
            self.ws
                .set_column_width(col as u16, *width)
                .map_err(xlsx_error)?;
            self.ws
                .write_string_with_format(self.row, col as u16, *name, &self.f.header)
                .map_err(xlsx_error)?;
        }
        self.row += 1;
        let first = self.row;
        for cells in rows {
            let mut lines = 1;
            for (col, value) in cells.iter().enumerate() {
                let c = col as u16;
                match value {
                    Value::Text(s) => {
                        let width = header.get(col).map_or(10.0, |h| h.1);
                        let needed = lines_needed(s, (width - 1.0).max(2.0));
                        lines = lines.max(needed);
                        let format = match needed > MOST_LINES {
                            true => &self.long_text,
                            false => &self.f.body,
                        };
                        self.ws
                            .write_string_with_format(self.row, c, cell_text(s), format)
                    }
                    Value::Count(n) => {
                        self.ws
                            .write_number_with_format(self.row, c, *n as f64, &self.f.centred)
                    }
                    Value::Number(n) => {
                        self.ws
                            .write_number_with_format(self.row, c, *n, &self.number)
                    }
                    Value::Percent(Some(p)) => {
                        self.ws
                            .write_number_with_format(self.row, c, p / 100.0, &self.percent)
                    }
                    Value::Percent(None) => self.ws.write_blank(self.row, c, &self.percent),
                }
                .map_err(xlsx_error)?;
            }
            self.ws
                .set_row_height(self.row, row_height(lines.min(MOST_LINES)))
                .map_err(xlsx_error)?;
            self.row += 1;
        }
        let last = self.row.saturating_sub(1).max(first);
        self.row += 1;
        Ok((first, last))
    }
}

fn sheet<'a>(workbook: &'a mut Workbook, name: &str, f: &'a Formats) -> Result<Sheet<'a>> {
    let ws = workbook.add_worksheet();
    ws.set_name(name).map_err(xlsx_error)?;
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(Sheet {
        ws,
        f,
        percent: f.centred.clone().set_num_format("0.0%"),
        number: f.centred.clone().set_num_format("0.0"),
        long_text: f.body.clone().set_align(FormatAlign::Top),
        row: 0,
    })
}

fn status_header<'a>(
    first: &'a str,
    labels: &[&'a str],
    last: &[(&'a str, f64)],
) -> Vec<(&'a str, f64)> {
    let mut header = vec![(first, 40.0), ("任务数", 8.0)];
    header.extend(labels.iter().map(|l| (*l, 9.0)));
    header.extend_from_slice(last);
    header
}

/// The evaluation workbook of `view`.
pub fn evaluation(view: &EvaluationView, props: &DocProperties) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    workbook.set_properties(props);
    let f = Formats::new();
    overview_sheet(&mut workbook, &f, view)?;
    units_sheet(&mut workbook, &f, view)?;
    for (name, tasks) in [("任务明细", &view.tasks), ("滞后未启动", &view.behind)] {
        task_sheet(&mut workbook, &f, view, name, tasks)?;
    }
    supports_sheet(&mut workbook, &f, view)?;
    targets_sheet(&mut workbook, &f, view)?;
    files_sheet(&mut workbook, &f, view)?;
    rules_sheet(&mut workbook, &f, view)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// 总体情况: the counts, the sections, and their stacked chart.
fn overview_sheet(workbook: &mut Workbook, f: &Formats, view: &EvaluationView) -> Result<()> {
    let labels = &view.status_labels;
    let mut s = sheet(workbook, "总体情况", f)?;
    s.title(&view.title, 9)?;
    if view.sample {
        s.note("示例数据：由示例反馈表生成，内容均为虚构，仅用于演示。", 9)?;
    }
    s.note(
        &format!(
            "评估截止日 {}，序时进度 {}。方案任务 {} 项，责任单位 {} 个，采用 {} 个单位的反馈，未报送或未采用 {} 个。完成率 {}，达序时率 {}。",
            view.period_end,
            view.elapsed,
            view.task_total,
            view.unit_total,
            view.units_returned,
            view.missing_units.len(),
            view.completion_rate,
            view.on_track_rate
        ),
        9,
    )?;
    s.table(
        &[("完成状态", 40.0), ("任务数", 8.0), ("占比", 9.0)],
        view.statuses
            .iter()
            .map(|c| {
                vec![
                    text(c.label),
                    Value::Count(c.count),
                    Value::Percent(c.share_value),
                ]
            })
            .collect(),
    )?;
    let header = status_header("部分", labels, &[("完成率", 9.0)]);
    let (first, last) = s.table(&header, view.sections.iter().map(status_cells).collect())?;
    let mut chart = Chart::new(ChartType::BarStacked);
    for (i, label) in labels.iter().enumerate() {
        let col = 2 + i as u16;
        let color = crate::view::series_color(label, i);
        chart
            .add_series()
            .set_name(("总体情况", first - 1, col))
            .set_categories(("总体情况", first, 0, last, 0))
            .set_values(("总体情况", first, col, last, col))
            .set_format(
                ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(rgb(color))),
            );
    }
    chart.title().set_name("各部分任务完成状态");
    chart.y_axis().set_reverse();
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(760).set_height(360);
    // A printed chart starts a page, so no page break cuts through it.
    s.ws.set_page_breaks(&[s.row]).map_err(xlsx_error)?;
    s.ws.insert_chart(s.row, 0, &chart).map_err(xlsx_error)?;
    s.row += 20;
    if !view.groups.is_empty() {
        let header = status_header("事项", labels, &[("完成率", 9.0)]);
        s.table(&header, view.groups.iter().map(status_cells).collect())?;
    }
    Ok(())
}

/// 分单位: the ranking and the completion-rate chart.
fn units_sheet(workbook: &mut Workbook, f: &Formats, view: &EvaluationView) -> Result<()> {
    let labels = &view.status_labels;
    let mut s = sheet(workbook, "分单位", f)?;
    s.title(&format!("{}分单位情况", view.period_title), 12)?;
    let mut header = vec![
        ("名次", 6.0),
        ("单位", 20.0),
        ("是否报送", 9.0),
        ("牵头任务", 9.0),
    ];
    header.extend(labels.iter().map(|l| (*l, 9.0)));
    header.extend_from_slice(&[
        ("完成率", 9.0),
        ("配合任务", 9.0),
        ("配合已完成", 10.0),
        ("得分", 8.0),
    ]);
    let (first, last) = s.table(
        &header,
        view.units
            .iter()
            .map(|u| {
                let mut cells = vec![
                    u.rank_value.map_or_else(|| text("—"), Value::Count),
                    text(&u.unit),
                    text(&match (u.returned, u.pending) {
                        (true, _) => "是".to_string(),
                        (false, true) => format!("是（{}）", u.pending_as),
                        (false, false) => "否".to_string(),
                    }),
                    Value::Count(u.lead_total),
                ];
                cells.extend(u.counts.iter().map(|c| Value::Count(*c)));
                cells.push(Value::Percent(u.completion));
                cells.push(Value::Count(u.support_total));
                cells.push(Value::Count(u.support_completed));
                cells.push(Value::Number(u.score_value));
                cells
            })
            .collect(),
    )?;
    s.hold_header((first, last), header.len(), 2, true)?;
    // The units that lead tasks, ranked at the top: a unit that only supports has no rate
    // (an empty bar that read as 0%), as the report's chart leaves it out.
    let leading = view.units.iter().take_while(|u| u.lead_total > 0).count() as u32;
    if leading == 0 {
        return Ok(());
    }
    let end = first + leading - 1;
    let rate_col = 4 + labels.len() as u16;
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("牵头任务完成率")
        .set_categories(("分单位", first, 1, end, 1))
        .set_values(("分单位", first, rate_col, end, rate_col))
        .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(0x1565C0)));
    chart.title().set_name("各单位牵头任务完成率");
    chart.y_axis().set_reverse();
    chart.x_axis().set_num_format("0%").set_min(0).set_max(1);
    chart.legend().set_hidden();
    // As tall as its bars need, up to a page: a short list's chart no longer runs onto a
    // second page.
    chart
        .set_width(640)
        .set_height((120 + 28 * leading).min(900));
    // Below the table, on a page of its own: beside it, the sheet printed one page wide
    // would shrink the table to fit the chart.
    s.ws.set_page_breaks(&[s.row]).map_err(xlsx_error)?;
    s.ws.insert_chart(s.row, 0, &chart).map_err(xlsx_error)?;
    Ok(())
}

/// 任务明细 or 滞后未启动: one row per task.
fn task_sheet(
    workbook: &mut Workbook,
    f: &Formats,
    view: &EvaluationView,
    name: &str,
    tasks: &[TaskLine],
) -> Result<()> {
    let mut s = sheet(workbook, name, f)?;
    s.title(&format!("{}{name}", view.period_title), 13)?;
    let person = view.person_heading.as_deref();
    let mut header = vec![
        ("序号", 6.0),
        ("主要事项", 16.0),
        ("任务内容", 40.0),
        ("牵头单位", 16.0),
    ];
    header.extend(person.map(|heading| (heading, 12.0)));
    header.extend([
        ("完成时限", 12.0),
        ("状态", 9.0),
        ("牵头单位报送", 10.0),
        ("说明", 22.0),
        ("进度", 8.0),
        ("进展情况", 36.0),
        ("存在问题", 24.0),
        ("佐证材料", 20.0),
        ("配合单位反馈", 30.0),
    ]);
    let (first, last) = s.table(
        &header,
        tasks
            .iter()
            .map(|t| {
                let mut row = vec![
                    Value::Count(t.no as usize),
                    text(&t.group),
                    text(&t.content),
                    text(&t.leads),
                ];
                row.extend(person.map(|_| text(&t.person_name)));
                row.extend([
                    text(&t.deadline),
                    text(t.status),
                    text(t.reported.unwrap_or(t.status)),
                    text(&t.note),
                    pct(&t.progress),
                    text(&t.progress_text),
                    text(&t.problems),
                    text(t.evidence.join("；")),
                    // What each reported: the sheet 配合单位反馈.
                    text(&t.supports_brief),
                ]);
                row
            })
            .collect(),
    )?;
    s.hold_header((first, last), header.len(), 3, !tasks.is_empty())
}

/// 配合单位反馈: a row for each supporting unit's report on each task, every cell it filled
/// (one cell holding them all grew past the tallest row Excel prints).
fn supports_sheet(workbook: &mut Workbook, f: &Formats, view: &EvaluationView) -> Result<()> {
    let mut s = sheet(workbook, "配合单位反馈", f)?;
    s.title(&format!("{}配合单位反馈", view.period_title), 9)?;
    let header = [
        ("序号", 6.0),
        ("任务内容", 36.0),
        ("配合单位", 16.0),
        ("状态", 12.0),
        ("进度", 8.0),
        ("进展情况", 40.0),
        ("量化目标完成值", 16.0),
        ("存在问题", 24.0),
        ("佐证材料", 20.0),
    ];
    let rows: Vec<Vec<Value>> = (view.tasks.iter())
        .flat_map(|t| t.supports.iter().map(move |r| (t, r)))
        .map(|(t, r)| {
            vec![
                Value::Count(t.no as usize),
                text(&t.content),
                text(&r.unit),
                text(&r.status),
                pct(&r.progress),
                text(&r.progress_text),
                text(&r.target_value),
                text(&r.problems),
                text(&r.evidence),
            ]
        })
        .collect();
    let filled = !rows.is_empty();
    let rows = s.table(&header, rows)?;
    s.hold_header(rows, header.len(), 3, filled)
}

/// 量化目标.
fn targets_sheet(workbook: &mut Workbook, f: &Formats, view: &EvaluationView) -> Result<()> {
    let mut s = sheet(workbook, "量化目标", f)?;
    s.title(&format!("{}量化目标完成情况", view.period_title), 7)?;
    s.ws.set_repeat_rows(1, 1).map_err(xlsx_error)?;
    s.table(
        &[
            ("序号", 6.0),
            ("目标", 40.0),
            ("目标值", 12.0),
            ("报送值", 12.0),
            ("完成比例", 10.0),
            ("是否达成", 10.0),
            ("报送单位", 16.0),
        ],
        view.targets
            .iter()
            .map(|g| {
                vec![
                    Value::Count(g.no as usize),
                    text(&g.phrase),
                    text(&g.target),
                    text(&g.reported),
                    pct(&g.attained),
                    text(&g.verdict),
                    text(&g.reporter),
                ]
            })
            .collect(),
    )?;
    Ok(())
}

/// 报送情况: every file, then the units that sent nothing usable.
fn files_sheet(workbook: &mut Workbook, f: &Formats, view: &EvaluationView) -> Result<()> {
    let mut s = sheet(workbook, "报送情况", f)?;
    s.title(&format!("{}反馈表报送情况", view.period_title), 6)?;
    s.table(
        &[
            ("文件", 34.0),
            ("单位", 18.0),
            ("填报日期", 12.0),
            ("联系人", 24.0),
            ("处理结果", 14.0),
            ("处理说明", 70.0),
        ],
        view.files
            .iter()
            .map(|file| {
                vec![
                    text(&file.file),
                    text(&file.unit),
                    text(&file.filled_on),
                    text(&file.contact),
                    text(file.outcome),
                    text(file.notes.join("\n")),
                ]
            })
            .collect(),
    )?;
    s.table(
        &[("未报送或报送未被采用的单位", 44.0)],
        view.missing_units.iter().map(|u| vec![text(u)]).collect(),
    )?;
    Ok(())
}

/// 评估口径: the rules, one per row.
fn rules_sheet(workbook: &mut Workbook, f: &Formats, view: &EvaluationView) -> Result<()> {
    let mut s = sheet(workbook, "评估口径", f)?;
    s.title("评估口径", 2)?;
    s.table(
        &[("序号", 6.0), ("口径", 100.0)],
        view.rules
            .iter()
            .enumerate()
            .map(|(i, r)| vec![Value::Count(i + 1), text(r)])
            .collect(),
    )?;
    Ok(())
}

/// A section's or group's row: name, tasks, counts by status, completion rate.
fn status_cells(r: &crate::view::StatusRow) -> Vec<Value> {
    let mut cells = vec![text(&r.name), Value::Count(r.total)];
    cells.extend(r.counts.iter().map(|c| Value::Count(*c)));
    cells.push(Value::Percent(r.completion));
    cells
}

fn rgb(c: [u8; 3]) -> u32 {
    (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2])
}
