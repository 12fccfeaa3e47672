//! XLSX with rust_xlsxwriter: the official task table as a ledger people print. Every cell
//! is written as text (never a formula, whatever it starts with); dates in the file's
//! properties come from the document date, so the same input gives the same bytes.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

mod evaluation;

pub use evaluation::evaluation;

use crate::base::diag::{Error, Result};
use crate::model::Status;
use crate::view::{SheetTask, TaskSheet, TaskTableView};

use crate::form::{
    CELL_LIMIT, CONTACT_CELL, Column, DATE_CELL, HEADER_ROW, KEY_SHEET, KeyField, PHONE_CELL,
};

/// Fonts named in the formats, so WPS and Excel use the real ones where installed.
pub(crate) const BODY_FONT: &str = "仿宋";
const HEADER_FONT: &str = "黑体";
const TITLE_FONT: &str = "方正小标宋简体";

pub(crate) fn xlsx_error(e: XlsxError) -> Error {
    Error::Render(format!("生成 Excel 文件失败：{e}"))
}

/// Workbook properties with a fixed creation date (the document date, never the clock).
pub fn properties(
    title: &str,
    author: &str,
    date: crate::base::date::DateTime,
) -> Result<DocProperties> {
    let when = ExcelDateTime::from_ymd(
        date.year().max(1) as u16,
        date.month() as u8,
        date.day() as u8,
    )
    .and_then(|t| t.and_hms(date.hour() as u16, date.minute() as u8, date.second() as u8))
    .map_err(xlsx_error)?;
    Ok(DocProperties::new()
        .set_title(title)
        .set_author(author)
        .set_creation_datetime(&when))
}

/// Text as a cell may hold it: over Excel's limit it is cut, and the cut is said in the cell.
pub fn cell_text(text: &str) -> String {
    if text.chars().count() <= CELL_LIMIT {
        return text.to_string();
    }
    let note = "……（超出 Excel 单元格 32767 字符上限，以下从略）";
    let keep = CELL_LIMIT - note.chars().count();
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(note);
    out
}

/// The shared cell formats of the 公文 tables.
pub struct Formats {
    /// Title row.
    pub title: Format,
    /// Header row.
    pub header: Format,
    /// Section rows.
    pub section: Format,
    /// Group cells.
    pub group: Format,
    /// Body cells, left.
    pub body: Format,
    /// Body cells, centred (序号).
    pub centred: Format,
}

impl Formats {
    /// The formats.
    pub fn new() -> Formats {
        let cell = |font: &str, size: f64| {
            Format::new()
                .set_font_name(font)
                .set_font_size(size)
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        Formats {
            title: Format::new()
                .set_font_name(TITLE_FONT)
                .set_font_size(18)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: cell(HEADER_FONT, 12.0)
                .set_align(FormatAlign::Center)
                .set_background_color(0xEDEDED),
            section: cell(HEADER_FONT, 12.0).set_background_color(0xF6F6F6),
            // At the top of its merge: a label centred in rows a page break divides prints
            // across the break and the header repeated under it.
            group: cell(BODY_FONT, 12.0)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
            body: cell(BODY_FONT, 12.0).set_align(FormatAlign::Left),
            centred: cell(BODY_FONT, 12.0).set_align(FormatAlign::Center),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

/// Sets a sheet up as a ledger: A4 landscape, one page wide, header rows repeated on every
/// printed page and frozen on screen, page numbers in the footer.
pub fn ledger_page_setup(sheet: &mut Worksheet, header_row: u32) -> Result<()> {
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, header_row).map_err(xlsx_error)?;
    sheet
        .set_freeze_panes(header_row + 1, 0)
        .map_err(xlsx_error)?;
    sheet.set_footer("&C第 &P 页，共 &N 页");
    sheet.set_margins(0.6, 0.6, 0.8, 0.8, 0.3, 0.3);
    Ok(())
}

/// Row height in points that shows `lines` lines of 12 pt text (CJK fonts set 12 pt on
/// about 17 pt lines in Excel, WPS and LibreOffice), with a little room above and below.
pub(crate) fn row_height(lines: usize) -> f64 {
    (lines.max(1) as f64) * 17.0 + 6.0
}

/// How many lines `text` at 12 pt needs in a column `width` wide. A column's width counts
/// the default font's digits (7 px each, plus 5 px), while a 12 pt CJK character is 16 px
/// and a Latin one about half: counting a CJK character as one unit made rows about half as
/// tall as their text. Wrapping at character edges wastes part of each line, so only 92 %
/// of a line is counted as filled.
pub fn lines_needed(text: &str, width: f64) -> usize {
    let usable = ((width * 7.0 + 5.0 - 6.0) * 0.92).max(16.0);
    text.split('\n')
        .map(|part| {
            let px: f64 = part
                .chars()
                .map(|c| {
                    if crate::base::cjk::is_wide(c) {
                        16.0
                    } else {
                        8.5
                    }
                })
                .sum();
            ((px / usable).ceil() as usize).max(1)
        })
        .sum()
}

/// The official 任务分工表: title row merged across, header 主要事项 / 序号 / 具体内容 / 责任单位
/// (主要事项 only when groups have titles), section rows merged across, each group's 主要事项
/// merged down its rows, thin borders, autofilter on the header.
pub fn task_table(view: &TaskTableView, props: &DocProperties) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    workbook.set_properties(props);
    let f = Formats::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("任务分工表").map_err(xlsx_error)?;
    let columns = task_table_columns(view);
    let last = columns.len() as u16 - 1;
    for (col, (_, width)) in columns.iter().enumerate() {
        sheet
            .set_column_width(col as u16, *width)
            .map_err(xlsx_error)?;
    }
    sheet
        .merge_range(0, 0, 0, last, &cell_text(&view.title), &f.title)
        .map_err(xlsx_error)?;
    sheet.set_row_height(0, 36).map_err(xlsx_error)?;
    let header_row = task_table_header(sheet, view, &columns, &f)?;
    let mut row: u32 = header_row + 1;
    for section in &view.sections {
        // A table without sections has one untitled section: no empty row for it.
        if !section.heading.is_empty() {
            sheet
                .merge_range(row, 0, row, last, &cell_text(&section.heading), &f.section)
                .map_err(xlsx_error)?;
            sheet.set_row_height(row, 22).map_err(xlsx_error)?;
            row += 1;
        }
        // A section without tasks says what it says across the table (总体目标).
        for paragraph in &section.intro {
            let text = cell_text(paragraph);
            let width: f64 = columns.iter().map(|(_, w)| w).sum();
            sheet
                .merge_range(row, 0, row, last, &text, &f.body)
                .map_err(xlsx_error)?;
            sheet
                .set_row_height(row, row_height(lines_needed(&text, width - 1.0)))
                .map_err(xlsx_error)?;
            row += 1;
        }
        for group in &section.groups {
            let first = row;
            let mut lines = Vec::with_capacity(group.tasks.len());
            for task in &group.tasks {
                lines.push(table_row(sheet, row, task, &columns, view, &f)?);
                row += 1;
            }
            if row == first || !view.grouped {
                continue;
            }
            let at = (view.columns.iter())
                .position(|c| c.holds == crate::model::TableColumn::Group)
                .unwrap_or(0) as u16;
            let width = columns.get(usize::from(at)).map_or(16.0, |c| c.1);
            group_label(sheet, (first..row, at, width), &group.label, &lines, &f)?;
        }
    }
    sheet
        .autofilter(header_row, 0, row.saturating_sub(1).max(header_row), last)
        .map_err(xlsx_error)?;
    let width: f64 = columns.iter().map(|(_, w)| w).sum();
    table_notes(sheet, (row, last, width), &view.notes)?;
    ledger_page_setup(sheet, header_row)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// The task table's header from row 1: one row of names, or — under names the source
/// merges over runs of columns (阶段目标 over 6月底前 | 12月底前) — those names merged
/// across their runs above the columns' own, a column under none merged down both rows.
/// Returns the header's last row.
fn task_table_header(
    sheet: &mut Worksheet,
    view: &TaskTableView,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<u32> {
    // A narrow column's header goes over two lines (本月工作内容): the row shows them all.
    let lines_of = |names: &mut dyn Iterator<Item = (&str, f64)>| {
        names
            .map(|(name, width)| lines_needed(name, width - 1.0))
            .max()
            .unwrap_or(1)
    };
    let banded = view.columns.iter().any(|c| !c.over.is_empty());
    let last_row = if banded { 2 } else { 1 };
    let over = |col: usize| view.columns.get(col).map_or("", |c| c.over.as_str());
    let mut col = 0;
    while col < columns.len() {
        let (name, _) = columns[col];
        let band = over(col);
        let c16 = col as u16;
        if band.is_empty() {
            if banded {
                sheet.merge_range(1, c16, 2, c16, &cell_text(name), &f.header)
            } else {
                sheet.write_string_with_format(1, c16, cell_text(name), &f.header)
            }
            .map_err(xlsx_error)?;
            col += 1;
            continue;
        }
        let run = (col..columns.len())
            .take_while(|&k| over(k) == band)
            .count();
        let end = (col + run - 1) as u16;
        if run > 1 {
            sheet.merge_range(1, c16, 1, end, &cell_text(band), &f.header)
        } else {
            sheet.write_string_with_format(1, c16, cell_text(band), &f.header)
        }
        .map_err(xlsx_error)?;
        for (k, (name, _)) in columns.iter().enumerate().skip(col).take(run) {
            (sheet.write_string_with_format(2, k as u16, cell_text(name), &f.header))
                .map_err(xlsx_error)?;
        }
        col += run;
    }
    let names = lines_of(&mut columns.iter().map(|(n, w)| (*n, *w)));
    if banded {
        sheet.set_row_height(1, row_height(1)).map_err(xlsx_error)?;
    }
    (sheet.set_row_height(last_row, 22.0f64.max(row_height(names)))).map_err(xlsx_error)?;
    Ok(last_row)
}

/// The source's notes under its table (注：…), a row each from `row`, merged across the
/// table's columns (up to `last`, `width` wide) and tall enough for their lines.
fn table_notes(
    sheet: &mut Worksheet,
    (row, last, width): (u32, u16, f64),
    notes: &[String],
) -> Result<()> {
    let format = Format::new()
        .set_font_name(BODY_FONT)
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Top);
    for (i, note) in notes.iter().enumerate() {
        let at = row + i as u32;
        let text = cell_text(note);
        sheet
            .merge_range(at, 0, at, last, &text, &format)
            .map_err(xlsx_error)?;
        sheet
            .set_row_height(at, row_height(lines_needed(&text, width - 1.0)))
            .map_err(xlsx_error)?;
    }
    Ok(())
}

/// A group's 主要事项 label over its rows `rows` (which hold `lines` lines each) in column
/// `at`, `width` wide: merged down them, and the last row made taller where the label
/// wraps to more lines than they hold (a group of one short task clipped 「（一）推进煤炭
/// 产业提质增效」 after 提质).
fn group_label(
    sheet: &mut Worksheet,
    (rows, at, width): (std::ops::Range<u32>, u16, f64),
    label: &str,
    lines: &[usize],
    f: &Formats,
) -> Result<()> {
    let label = cell_text(label);
    let short = lines_needed(&label, width - 1.0).saturating_sub(lines.iter().sum());
    if let Some(last) = lines.last().filter(|_| short > 0) {
        sheet
            .set_row_height(rows.end - 1, row_height(last + short))
            .map_err(xlsx_error)?;
    }
    if rows.len() > 1 {
        sheet
            .merge_range(rows.start, at, rows.end - 1, at, &label, &f.group)
            .map_err(xlsx_error)?;
    } else {
        sheet
            .write_string_with_format(rows.start, at, &label, &f.group)
            .map_err(xlsx_error)?;
    }
    Ok(())
}

/// The task table's columns in the view's order (the source's: 主要事项 where it stands, 序号,
/// 具体内容, 责任单位 or 牵头单位 and 配合单位, its other columns), with widths from their text
/// (see [`crate::render::widths`]) across a landscape A4 page printed at full size: a ledger
/// of twelve columns is not shrunk to fit.
fn task_table_columns(view: &TaskTableView) -> Vec<(&str, f64)> {
    use crate::render::ColumnKind as Kind;
    let columns: Vec<(&str, Kind)> = view
        .columns
        .iter()
        .map(|c| {
            let kind = match c.holds {
                crate::model::TableColumn::Lead => Kind::Lead,
                _ => Kind::parse(c.kind).unwrap_or(Kind::Other),
            };
            (c.heading.as_str(), kind)
        })
        .collect();
    // Every column's texts, header first, as the rows hold them.
    let mut texts: Vec<Vec<String>> = columns.iter().map(|(h, _)| vec![h.to_string()]).collect();
    for group in view.sections.iter().flat_map(|s| &s.groups) {
        for (c, column) in texts.iter_mut().enumerate() {
            // The merged 主要事项 cell holds its label once, down its group's rows.
            if view.columns[c].holds == crate::model::TableColumn::Group {
                column.push(cell_text(&group.label));
            } else {
                column.extend(group.tasks.iter().map(|t| cell_text(&t.cells[c])));
            }
        }
    }
    let widths = fitted_widths(&columns, &texts);
    columns
        .iter()
        .zip(widths)
        .map(|((name, _), width)| (*name, width))
        .collect()
}

/// What of a landscape A4 page's width (10.49 in between the margins) columns fill at full
/// size, in Excel's px: measured by printing through LibreOffice, whose px for the sheet's
/// 12 pt font are wider than Excel's nominal 7 a digit.
const PRINTABLE_PX: f32 = 800.0;

/// Column widths in Excel's units (a default digit, 7 px, and 5 px a column) for columns of
/// `kinds` holding `texts` (header first), filling the printable width.
fn fitted_widths(columns: &[(&str, crate::render::ColumnKind)], texts: &[Vec<String>]) -> Vec<f64> {
    use crate::render::widths::{self, ColumnNeed, Remembered};
    // A 12 pt CJK character is 16 px, a Latin one about half (see lines_needed).
    let px = |t: &str| -> f32 {
        t.chars()
            .map(|c| {
                if crate::base::cjk::is_wide(c) {
                    16.0
                } else {
                    8.5
                }
            })
            .sum()
    };
    let widest = |t: &[String]| -> f32 {
        t.iter()
            .flat_map(|t| t.split('\n'))
            .map(px)
            .fold(0.0, f32::max)
    };
    let pad = 6.0;
    let needs: Vec<ColumnNeed> = columns
        .iter()
        .zip(texts)
        .map(|((_, kind), texts)| {
            let is_group = *kind == crate::render::ColumnKind::Group;
            let sizing = crate::render::ColumnKind::sizing(Some(*kind), is_group);
            let header = px(&texts[0]);
            let widest_body = widest(&texts[1..]);
            let mut min = sizing.min_em * 16.0 + sizing.min_pt * 4.0 / 3.0;
            // A column of names keeps its longest name whole, within its share.
            if crate::render::ColumnKind::holds_names(Some(*kind)) {
                let name = (texts[1..].iter())
                    .flat_map(|t| crate::render::name_pieces(t))
                    .map(px)
                    .fold(0.0f32, f32::max);
                let kept =
                    (crate::render::NAME_KEPT_EMS * 16.0).min(sizing.max_share * PRINTABLE_PX);
                min = min.max((name + pad).min(kept));
            }
            ColumnNeed {
                min,
                max_share: sizing.max_share,
                grow: sizing.grow,
                yields: *kind != crate::render::ColumnKind::Group,
                natural: header.max(widest_body) + pad,
                header,
                widest_body,
                volume: texts[1..].iter().map(|t| px(t)).sum(),
            }
        })
        .collect();
    let mut count = Remembered::new(|c: usize, width: f32| {
        // The group's labels span their rows: they set no row's height.
        if columns[c].1 == crate::render::ColumnKind::Group {
            return Vec::new();
        }
        let units = f64::from((width - 5.0) / 7.0);
        texts[c]
            .iter()
            .map(|t| lines_needed(t, units - 1.0))
            .collect()
    });
    widths::column_widths(&needs, PRINTABLE_PX, 16.0, pad, &mut count)
        .into_iter()
        .map(|w| f64::from(((w - 5.0) / 7.0 * 4.0).floor() / 4.0))
        .collect()
}

/// A task's row: its cells in the view's columns, 序号 as a number; the 主要事项 cell is
/// written once for the group (see [`task_table`]). Returns the lines its height holds.
fn table_row(
    sheet: &mut Worksheet,
    row: u32,
    task: &crate::view::TableTaskView,
    columns: &[(&str, f64)],
    view: &TaskTableView,
    f: &Formats,
) -> Result<usize> {
    use crate::model::TableColumn;
    let mut lines = 1;
    for (c, (column, text)) in view.columns.iter().zip(&task.cells).enumerate() {
        let col = c as u16;
        match column.holds {
            TableColumn::Group => continue,
            TableColumn::No => sheet
                .write_number_with_format(row, col, task.no as f64, &f.centred)
                .map_err(xlsx_error)?,
            _ => {
                let text = cell_text(text);
                let width = columns.get(c).map_or(16.0, |c| c.1);
                lines = lines.max(lines_needed(&text, width - 1.0));
                sheet
                    .write_string_with_format(row, col, &text, &f.body)
                    .map_err(xlsx_error)?
            }
        };
    }
    sheet
        .set_row_height(row, row_height(lines))
        .map_err(xlsx_error)?;
    Ok(lines)
}

/// A unit's task sheet as the return form it fills in twice a year: the task columns locked,
/// the input columns open with a status dropdown and a 0–100 progress check, the sheet
/// protected, and a hidden sheet with the unit, the plan and a hash of each task's text so a
/// returned form can be matched and tamper-checked.
pub fn unit_sheet(sheet: &TaskSheet, props: &DocProperties) -> Result<Vec<u8>> {
    return_form(sheet, props, None)
}

/// What to write into a return form's open cells: the shipped 示例 returns, tests and the
/// benchmark fill the real form this way instead of building a look-alike.
#[derive(Debug, Clone, Default)]
pub struct FormFill {
    /// Mark the form as a 示例 (sample) in its key sheet.
    pub sample: bool,
    /// 填报日期.
    pub filled_on: Option<crate::base::date::Date>,
    /// 联系人.
    pub contact: String,
    /// 联系电话.
    pub phone: String,
    /// Rows by task number.
    pub rows: std::collections::BTreeMap<u32, RowFill>,
}

/// One row of a [`FormFill`].
#[derive(Debug, Clone, Default)]
pub struct RowFill {
    /// 完成状态 as typed.
    pub status: String,
    /// 完成进度（%）: written as a number when it reads as one, else as text (a fault).
    pub progress: String,
    /// 进展情况.
    pub progress_text: String,
    /// 量化目标完成值.
    pub target_value: String,
    /// 存在问题.
    pub problems: String,
    /// 佐证材料.
    pub evidence: String,
    /// Replaces the locked task text (simulates a unit that edited it).
    pub edited_content: Option<String>,
}

/// The return form of `sheet`, with `fill` written into its open cells when given. Its
/// layout is [`crate::form`]'s, which the returns reader uses too.
pub fn return_form(
    sheet: &TaskSheet,
    props: &DocProperties,
    fill: Option<&FormFill>,
) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    workbook.set_properties(props);
    let f = Formats::new();
    let open = f.body.clone().set_unlocked().set_background_color(0xFFFBE6);
    let form = workbook.add_worksheet();
    form.set_name(crate::form::FORM_SHEET).map_err(xlsx_error)?;
    form_heading(form, sheet, fill, &f, &open)?;
    // No task of the unit's stands under a 主要事项: the column, kept where the returns
    // reader looks for the others, is hidden, as the sheet's PDF leaves it out.
    if sheet.tasks.iter().all(|t| t.group.trim().is_empty()) {
        form.set_column_hidden(Column::Group.index())
            .map_err(xlsx_error)?;
    }
    let first = HEADER_ROW + 1;
    for (i, task) in sheet.tasks.iter().enumerate() {
        let row_fill = fill.and_then(|f| f.rows.get(&task.no));
        let extra = extra_column(sheet).map(|(col, _)| (col, task.extra.as_str()));
        task_row(form, (first + i as u32, extra), task, row_fill, &f, &open)?;
        if sheet.has_person {
            form.write_string_with_format(
                first + i as u32,
                Column::Person.index(),
                cell_text(&task.person),
                &f.centred,
            )
            .map_err(xlsx_error)?;
        }
    }
    if !sheet.tasks.is_empty() {
        input_validations(form, first, first + sheet.tasks.len() as u32 - 1)?;
    }
    ledger_page_setup(form, HEADER_ROW)?;
    // Fifteen columns on one A4 width printed at about 6 pt; on A3 landscape the 12 pt text
    // prints at about 9 pt.
    form.set_paper_size(8);
    form.set_freeze_panes(first, 1).map_err(xlsx_error)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    form.protect_with_options(&options);
    key_sheet(
        workbook.add_worksheet(),
        sheet,
        fill.is_some_and(|f| f.sample),
    )?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// The columns `sheet`'s form prints: every column, then 责任领导 when the plan names one.
fn form_columns(sheet: &TaskSheet) -> impl Iterator<Item = Column> {
    Column::ALL
        .into_iter()
        .chain(sheet.has_person.then_some(Column::Person))
}

/// Where `sheet`'s form prints what the source's extra columns say (locked, after the last
/// column), and its header — never one the returns reader would take for a column it reads.
fn extra_column(sheet: &TaskSheet) -> Option<(u16, String)> {
    if sheet.extra_heading.is_empty() {
        return None;
    }
    let heading = match Column::recognise(&sheet.extra_heading) {
        Some(_) => format!("原表{}", sheet.extra_heading),
        None => sheet.extra_heading.clone(),
    };
    Some((
        Column::ALL.len() as u16 + u16::from(sheet.has_person),
        heading,
    ))
}

/// Column widths, the title, the plan line, the 填报日期 cell, the note and the headers.
fn form_heading(
    form: &mut Worksheet,
    sheet: &TaskSheet,
    fill: Option<&FormFill>,
    f: &Formats,
    open: &Format,
) -> Result<()> {
    let open_label = Format::new()
        .set_font_name(BODY_FONT)
        .set_font_size(12)
        .set_align(FormatAlign::Right);
    let info = Format::new().set_font_name(BODY_FONT).set_font_size(12);
    let extra = extra_column(sheet);
    let last_col =
        Column::ALL.len() as u16 - 1 + u16::from(sheet.has_person) + u16::from(extra.is_some());
    for column in form_columns(sheet) {
        form.set_column_width(column.index(), column.width())
            .map_err(xlsx_error)?;
    }
    let title = format!("{}任务清单及进展反馈表", sheet.unit);
    form.merge_range(0, 0, 0, last_col, &cell_text(&title), &f.title)
        .map_err(xlsx_error)?;
    form.set_row_height(0, 36).map_err(xlsx_error)?;
    let plan = format!(
        "{}{}　本单位{}",
        sheet.doc_number.as_deref().unwrap_or(""),
        crate::base::cjk::in_title_marks(&sheet.plan_title),
        sheet.role_counts()
    );
    form.merge_range(1, 0, 1, Column::Targets.index(), &cell_text(&plan), &info)
        .map_err(xlsx_error)?;
    form.write_string_with_format(DATE_CELL.0, DATE_CELL.1 - 1, "填报日期：", &open_label)
        .map_err(xlsx_error)?;
    let date_format = open.clone().set_num_format("yyyy-mm-dd");
    match fill.and_then(|f| f.filled_on).and_then(excel_date) {
        Some(date) => form
            .write_datetime_with_format(DATE_CELL.0, DATE_CELL.1, &date, &date_format)
            .map_err(xlsx_error)?,
        None => form
            .write_blank(DATE_CELL.0, DATE_CELL.1, &date_format)
            .map_err(xlsx_error)?,
    };
    let date_rule = DataValidation::new()
        .allow_date(DataValidationRule::GreaterThan(
            ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_error)?,
        ))
        .set_input_message("请填写报送日期，如 2025-07-10")
        .map_err(xlsx_error)?;
    form.add_data_validation(
        DATE_CELL.0,
        DATE_CELL.1,
        DATE_CELL.0,
        DATE_CELL.1,
        &date_rule,
    )
    .map_err(xlsx_error)?;
    form.merge_range(2, 0, 2, Column::Status.index(), "说明：白色单元格为任务信息，不可修改；请在黄色单元格中填写。完成状态从下拉列表中选择，完成进度填 0—100 的整数。", &info)
        .map_err(xlsx_error)?;
    // 联系人 and 联系电话 once for the form, beside the 说明.
    let (contact, phone) = fill.map_or(("", ""), |f| (f.contact.as_str(), f.phone.as_str()));
    for ((row, col), label, value) in [
        (CONTACT_CELL, "联系人：", contact),
        (PHONE_CELL, "联系电话：", phone),
    ] {
        form.write_string_with_format(row, col - 1, label, &open_label)
            .map_err(xlsx_error)?;
        form.write_string_with_format(row, col, cell_text(value), open)
            .map_err(xlsx_error)?;
    }
    let mut lines = 1;
    for column in form_columns(sheet) {
        // The 责任领导 column goes by the source's name for it (责任人).
        let header = match column {
            Column::Person => sheet.person_heading.as_str(),
            _ => column.header(),
        };
        form.write_string_with_format(HEADER_ROW, column.index(), cell_text(header), &f.header)
            .map_err(xlsx_error)?;
        lines = lines.max(lines_needed(header, column.width()));
    }
    if let Some((col, heading)) = &extra {
        form.set_column_width(*col, EXTRA_WIDTH)
            .map_err(xlsx_error)?;
        form.write_string_with_format(HEADER_ROW, *col, cell_text(heading), &f.header)
            .map_err(xlsx_error)?;
        lines = lines.max(lines_needed(heading, EXTRA_WIDTH));
    }
    form.set_row_height(HEADER_ROW, row_height(lines))
        .map_err(xlsx_error)?;
    Ok(())
}

/// Width of the form's column of the source's extra values, in Excel's character units.
const EXTRA_WIDTH: f64 = 30.0;

/// One task on `row`: its locked columns (and the source's extra values in the column
/// `extra` gives), its open cells, and what `fill` wrote in them.
fn task_row(
    form: &mut Worksheet,
    (row, extra): (u32, Option<(u16, &str)>),
    task: &SheetTask,
    fill: Option<&RowFill>,
    f: &Formats,
    open: &Format,
) -> Result<()> {
    let role = if task.conditional {
        format!("{}（相关街镇）", task.role)
    } else {
        task.role.to_string()
    };
    form.write_number_with_format(row, Column::No.index(), f64::from(task.no), &f.centred)
        .map_err(xlsx_error)?;
    let content = fill
        .and_then(|r| r.edited_content.as_deref())
        .unwrap_or(task.content.as_str());
    let cells = [
        (Column::Group, task.group.as_str(), &f.group),
        (Column::Content, content, &f.body),
        (Column::Role, role.as_str(), &f.centred),
        (Column::OtherUnits, task.others.as_str(), &f.body),
        (Column::Deadline, task.deadline.as_str(), &f.centred),
        (Column::Targets, task.targets.as_str(), &f.body),
    ];
    for (column, text, format) in cells {
        form.write_string_with_format(row, column.index(), cell_text(text), format)
            .map_err(xlsx_error)?;
    }
    // 量化目标完成值 is asked only of a task that has a target: elsewhere it is a locked —.
    let no_target = task.targets.trim().is_empty() || task.targets.trim() == "—";
    for column in Column::ALL.into_iter().filter(|c| c.is_input()) {
        if column == Column::TargetValue && no_target {
            form.write_string_with_format(row, column.index(), "—", &f.centred)
                .map_err(xlsx_error)?;
            continue;
        }
        form.write_blank(row, column.index(), open)
            .map_err(xlsx_error)?;
    }
    if let Some(r) = fill {
        let values = [
            (Column::Status, &r.status),
            (Column::Progress, &r.progress),
            (Column::Narrative, &r.progress_text),
            (Column::TargetValue, &r.target_value),
            (Column::Problems, &r.problems),
            (Column::Evidence, &r.evidence),
        ];
        for (column, value) in values
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .filter(|(c, _)| !(*c == Column::TargetValue && no_target))
        {
            let col = column.index();
            match value.parse::<f64>() {
                Ok(n) if column == Column::Progress && n.is_finite() => form
                    .write_number_with_format(row, col, n, open)
                    .map_err(xlsx_error)?,
                _ => form
                    .write_string_with_format(row, col, cell_text(value), open)
                    .map_err(xlsx_error)?,
            };
        }
    }
    if let Some((col, text)) = extra {
        form.write_string_with_format(row, col, cell_text(text), &f.body)
            .map_err(xlsx_error)?;
    }
    let lines = row_lines(task, content, fill, extra.map(|(_, text)| text));
    form.set_row_height(row, row_height(lines))
        .map_err(xlsx_error)?;
    Ok(())
}

/// How many lines a task's row needs: its longest cell's, what the unit wrote and the
/// source's extra values included, two at least.
fn row_lines(
    task: &SheetTask,
    content: &str,
    fill: Option<&RowFill>,
    extra: Option<&str>,
) -> usize {
    let written = [
        (Column::Group, task.group.as_str()),
        (Column::Content, content),
        (Column::OtherUnits, task.others.as_str()),
        (Column::Targets, task.targets.as_str()),
    ];
    let filled = fill.into_iter().flat_map(|r| {
        [
            (Column::Narrative, r.progress_text.as_str()),
            (Column::Problems, r.problems.as_str()),
            (Column::Evidence, r.evidence.as_str()),
            (Column::TargetValue, r.target_value.as_str()),
        ]
    });
    let cells = written
        .into_iter()
        .chain(filled)
        .map(|(column, text)| lines_needed(text, column.width()));
    let extra = extra.map(|text| lines_needed(text, EXTRA_WIDTH));
    cells.chain(extra).fold(2, usize::max)
}

/// The 完成状态 dropdown and the 0–100 rule of 完成进度 over the task rows.
fn input_validations(form: &mut Worksheet, first: u32, last: u32) -> Result<()> {
    let labels: Vec<&str> = Status::REPORTABLE.iter().map(|s| s.label()).collect();
    let status = DataValidation::new()
        .allow_list_strings(&labels)
        .map_err(xlsx_error)?
        .set_error_title("完成状态")
        .map_err(xlsx_error)?
        .set_error_message(format!("请从下拉列表中选择：{}", labels.join("、")))
        .map_err(xlsx_error)?;
    let col = Column::Status.index();
    form.add_data_validation(first, col, last, col, &status)
        .map_err(xlsx_error)?;
    let progress = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_error_title("完成进度")
        .map_err(xlsx_error)?
        .set_error_message("完成进度请填 0—100 的整数")
        .map_err(xlsx_error)?;
    let col = Column::Progress.index();
    form.add_data_validation(first, col, last, col, &progress)
        .map_err(xlsx_error)?;
    Ok(())
}

/// The headers of the locked columns `sheet`'s form writes after its own, a line each.
fn shown_headers(sheet: &TaskSheet) -> String {
    let person = sheet.has_person.then(|| sheet.person_heading.clone());
    let extra = extra_column(sheet).map(|(_, heading)| heading);
    person
        .into_iter()
        .chain(extra)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The hidden key: who, which plan, which tasks with which text.
fn key_sheet(key: &mut Worksheet, sheet: &TaskSheet, sample: bool) -> Result<()> {
    key.set_name(KEY_SHEET).map_err(xlsx_error)?;
    let mut pairs = vec![
        (KeyField::Unit, sheet.unit.as_str()),
        (KeyField::Plan, sheet.plan_id.as_str()),
        (KeyField::Version, crate::form::VERSION),
    ];
    if sample {
        pairs.push((KeyField::Sample, crate::form::SAMPLE_MARK));
    }
    let shown = shown_headers(sheet);
    if !shown.is_empty() {
        pairs.push((KeyField::Shown, shown.as_str()));
    }
    for (field, value) in pairs {
        key.write_string(field.row(), 0, field.name())
            .map_err(xlsx_error)?;
        key.write_string(field.row(), 1, value)
            .map_err(xlsx_error)?;
    }
    let header = crate::form::KEY_TASKS_HEADER_ROW;
    let names = [crate::form::KEY_TASKS_HEADER, "hash", "row"];
    for (col, name) in names.into_iter().enumerate() {
        key.write_string(header, col as u16, name)
            .map_err(xlsx_error)?;
    }
    let first_task_row = HEADER_ROW + 1;
    for (i, task) in sheet.tasks.iter().enumerate() {
        let r = header + 1 + i as u32;
        key.write_number(r, 0, f64::from(task.no))
            .map_err(xlsx_error)?;
        key.write_string(r, 1, &task.hash).map_err(xlsx_error)?;
        // The row as Excel numbers it (1-based), for a person reading the key.
        key.write_number(r, 2, f64::from(first_task_row + i as u32 + 1))
            .map_err(xlsx_error)?;
    }
    key.set_hidden(true);
    key.protect();
    Ok(())
}

fn excel_date(date: crate::base::date::Date) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).ok()?,
        date.month() as u8,
        date.day() as u8,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_and_say_so() {
        let long = "字".repeat(200_000);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_LIMIT);
        assert!(cut.ends_with("以下从略）"));
        assert_eq!(cell_text("短"), "短");
    }

    #[test]
    fn lines_for_row_heights() {
        // A 60-wide column holds about 24 characters of 12 pt CJK text a line.
        assert_eq!(lines_needed(&"字".repeat(24), 60.0), 1);
        assert_eq!(lines_needed(&"字".repeat(100), 60.0), 5);
        assert_eq!(lines_needed(&"a".repeat(45), 60.0), 1);
        assert_eq!(lines_needed("一\n二", 10.0), 2);
        assert_eq!(lines_needed("", 10.0), 1);
    }
}
