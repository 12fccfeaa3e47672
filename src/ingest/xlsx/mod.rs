//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) with calamine: the 分工表 found by its header, not
//! its position (title rows above, an explanation sheet before it, notes after it, blank rows
//! inside), merged 主要事项 cells spread over their rows, every value with its `sheet!cell`.

use std::collections::HashMap;
use std::path::Path;

use std::io::Cursor;

use calamine::{
    Data, Ods, Range, Reader, SheetVisible, Sheets, Xls, Xlsx, open_workbook_auto_from_rs,
};

use super::grid::Grid;
use super::raw_table::RawTable;
use super::sheet_limits;
use crate::base::diag::{Diagnostic, Location};

mod comments;
mod formula;
mod furniture;
mod hidden;
mod shown;
use hidden::Hidden;

/// What a workbook gave: its table and what was noticed.
#[derive(Debug, Default)]
pub struct SheetDocument {
    /// The table.
    pub table: Option<RawTable>,
    /// Sheets without a table that hold a notice (主送, body, 署名, 成文日期 a cell a row),
    /// `(sheet, text)`: the text a row a line, each line the sheet's row of that number.
    pub notices: Vec<(String, String)>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the sheets of `path` that have a 分工表 header (the first one's table, the others'
/// tasks after it); a sheet with something else is named. Fatal problems (not a workbook, no
/// table, over a size limit) come back as errors naming the file.
pub fn read(path: &Path, display: &str) -> Result<SheetDocument, Vec<Diagnostic>> {
    let bytes = sheet_limits::read_file(path).map_err(|why| vec![unreadable(display, &why)])?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    read_checked(bytes, display, ext.as_deref())
}

/// The same from bytes in memory (the fuzz target's way in).
pub fn read_bytes(bytes: &[u8], display: &str) -> Result<SheetDocument, Vec<Diagnostic>> {
    read_checked(bytes.to_vec(), display, None)
}

/// Checks the limits, finds what the sheets hide, then reads the workbook.
fn read_checked(
    bytes: Vec<u8>,
    display: &str,
    ext: Option<&str>,
) -> Result<SheetDocument, Vec<Diagnostic>> {
    sheet_limits::check(&bytes, display)?;
    let hidden = hidden::of_workbook(&bytes);
    let comments = comments::of_workbook(&bytes);
    let beside_cells = furniture::of_workbook(&bytes);
    let dates_shown = shown::of_workbook(&bytes);
    let workbook = open_checked(bytes, display, ext, unreadable)?;
    let mut doc = read_workbook(workbook, (&hidden, &dates_shown), display)?;
    doc.diagnostics.extend(comments.into_iter().map(|c| {
        let place = Location::Cell {
            path: display.to_string(),
            sheet: c.sheet,
            cell: c.cell,
        };
        Diagnostic::note(
            "xlsx/comment",
            place,
            format!("此处的批注不作为方案内容读取：「{}」", c.text),
        )
    }));
    doc.diagnostics.extend(beside_cells.into_iter().map(|t| {
        let (code, what) = match t.place {
            furniture::Place::TextBox => ("xlsx/text-box", "文本框中的文字"),
            furniture::Place::Header => ("xlsx/header-footer", "页眉"),
            furniture::Place::Footer => ("xlsx/header-footer", "页脚"),
        };
        let place = Location::Cell {
            path: display.to_string(),
            sheet: t.sheet,
            cell: "A1".to_string(),
        };
        Diagnostic::note(
            code,
            place,
            format!("工作表的{what}不作为方案内容读取：「{}」", t.text),
        )
    }));
    Ok(doc)
}

/// An opened workbook (held in memory: it was bounded before calamine saw it).
pub type Workbook = Sheets<Cursor<Vec<u8>>>;

/// Opens the workbook at `path` after checking it against [`sheet_limits`]; `unreadable`
/// words the error for a file that is not a workbook.
pub fn open(
    path: &Path,
    display: &str,
    unreadable: fn(&str, &str) -> Diagnostic,
) -> Result<Workbook, Vec<Diagnostic>> {
    let bytes = sheet_limits::read_file(path).map_err(|why| vec![unreadable(display, &why)])?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    open_bytes(bytes, display, ext.as_deref(), unreadable)
}

/// [`open`] from bytes; `ext` (lower case) picks the format as the file name would, so the
/// error says what is wrong with that format. calamine parses untrusted zip/XML/BIFF: a panic
/// inside it must not take the run down.
pub fn open_bytes(
    bytes: Vec<u8>,
    display: &str,
    ext: Option<&str>,
    unreadable: fn(&str, &str) -> Diagnostic,
) -> Result<Workbook, Vec<Diagnostic>> {
    sheet_limits::check(&bytes, display)?;
    open_checked(bytes, display, ext, unreadable)
}

/// [`open_bytes`] for bytes already within [`sheet_limits`].
fn open_checked(
    bytes: Vec<u8>,
    display: &str,
    ext: Option<&str>,
    unreadable: fn(&str, &str) -> Diagnostic,
) -> Result<Workbook, Vec<Diagnostic>> {
    let broken = why_unopened(&bytes, ext);
    let cursor = Cursor::new(bytes);
    let opened = std::panic::catch_unwind(|| -> Result<Workbook, String> {
        let text = |e: &dyn std::fmt::Display| e.to_string();
        match ext {
            Some("xls" | "xla") => Ok(Sheets::Xls(Xls::new(cursor).map_err(|e| text(&e))?)),
            Some("xlsx" | "xlsm" | "xlam") => {
                Ok(Sheets::Xlsx(Xlsx::new(cursor).map_err(|e| text(&e))?))
            }
            Some("ods") => Ok(Sheets::Ods(Ods::new(cursor).map_err(|e| text(&e))?)),
            _ => open_workbook_auto_from_rs(cursor).map_err(|e| text(&e)),
        }
    });
    match opened {
        Ok(Ok(workbook)) => Ok(workbook),
        // calamine's reasons are English and about zip or BIFF records: said in words.
        Ok(Err(_)) | Err(_) => Err(vec![unreadable(display, broken)]),
    }
}

/// Why a file of these `bytes` (named with `ext`) could not be opened as a workbook, in the
/// words of its user: what it looks like, not what the parser met.
fn why_unopened(bytes: &[u8], ext: Option<&str>) -> &'static str {
    if bytes.is_empty() {
        "文件是空的（0 字节），可能保存或下载时出错"
    } else if bytes.starts_with(b"PK\x03\x04") {
        "文件不完整或已损坏（可能下载或复制时中断），无法按 Excel 表格打开"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        && crate::ingest::docx::is_encrypted_package(bytes)
    {
        "表格设有打开密码，无法读取"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "文件已损坏或已加密，无法按 Excel 97—2003（.xls）表格打开"
    } else if matches!(ext, Some("xlsx" | "xlsm" | "xls" | "ods")) {
        "文件内容不是它的扩展名所说的电子表格（可能是改了扩展名的其他文件），或已损坏"
    } else {
        "不是可识别的电子表格格式"
    }
}

/// The values of sheet `name`, with the formulas saved without their results worked out
/// where they can be (said in `diagnostics`).
fn read_range<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Range<Data>, Vec<Diagnostic>> {
    let caught = |read: &mut dyn FnMut() -> Result<Range<Data>, calamine::Error>| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
    };
    let mut range = match caught(&mut || workbook.worksheet_range(name)) {
        Ok(Ok(range)) => range,
        Ok(Err(e)) => return Err(vec![unreadable(display, &format!("工作表「{name}」：{e}"))]),
        Err(_) => {
            return Err(vec![unreadable(
                display,
                &format!("工作表「{name}」已损坏"),
            )]);
        }
    };
    // A sheet whose formulas cannot be read still has its values.
    let formulas = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        workbook.worksheet_formula(name)
    }));
    if let Ok(Ok(formulas)) = formulas {
        let filled = formula::fill(&mut range, &formulas);
        diagnostics.extend(formulas_said(&filled, display, name));
    }
    Ok(range)
}

/// What filling a sheet's formulas is said as: one note for those worked out, one warning
/// for those left blank, each naming its first cells.
fn formulas_said(filled: &formula::Filled, display: &str, sheet: &str) -> Vec<Diagnostic> {
    let listed = |cells: &[formula::FormulaCell]| -> String {
        let named: Vec<String> = (cells.iter().take(3))
            .map(|(r, c, f)| format!("{}「={f}」", crate::base::diag::cell_name(*r, *c)))
            .collect();
        let more = if cells.len() > 3 { " 等" } else { "" };
        format!("{}{more}", named.join("、"))
    };
    let first = |cells: &[formula::FormulaCell]| {
        let (r, c, _) = &cells[0];
        Location::cell(display, sheet, *r, *c)
    };
    let mut said = Vec::new();
    if !filled.worked_out.is_empty() {
        said.push(Diagnostic::note(
            "xlsx/formula-worked-out",
            first(&filled.worked_out),
            format!(
                "文件中没有保存 {} 个公式的计算结果（文件可能由程序生成，未在 Excel 或 WPS 中保存过），已按公式算出：{}",
                filled.worked_out.len(),
                listed(&filled.worked_out)
            ),
        ));
    }
    if !filled.left_blank.is_empty() {
        said.push(
            Diagnostic::warning(
                "xlsx/formula-no-value",
                first(&filled.left_blank),
                format!(
                    "文件中没有保存 {} 个公式的计算结果，这些单元格按空白读入：{}",
                    filled.left_blank.len(),
                    listed(&filled.left_blank)
                ),
            )
            .with_hint("请用 Excel 或 WPS 打开此文件、保存后再运行"),
        );
    }
    said
}

fn read_workbook<RS: std::io::Read + std::io::Seek>(
    mut workbook: Sheets<RS>,
    (hidden, dates_shown): (&HashMap<String, Hidden>, &HashMap<String, DatesShown>),
    display: &str,
) -> Result<SheetDocument, Vec<Diagnostic>> {
    let names = workbook.sheet_names();
    let hidden_sheets: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.visible != SheetVisible::Visible)
        .map(|sheet| sheet.name.clone())
        .collect();
    let mut looked = Vec::new();
    let mut doc = SheetDocument::default();
    // Sheets with no table, said once the workbook is known to have one.
    let mut not_read = Vec::new();
    // A cover sheet's title, before the first table (封面: 某区2025年…重点任务清单).
    let mut cover = None;
    let mut sheets = SheetsAppended::default();
    // The first row that names some of a 分工表's columns, for the error if no sheet has one.
    let mut near = None;
    for name in &names {
        let range = read_range(&mut workbook, name, display, &mut doc.diagnostics)?;
        if hidden_sheets.contains(name) {
            doc.diagnostics.extend(hidden_sheet(&range, display, name));
            continue;
        }
        looked.push(name.clone());
        let Some(header_row) = find_header(&range) else {
            if let Some(text) = notice_text(&range) {
                doc.notices.push((name.clone(), text));
                continue;
            }
            if doc.table.is_none() && cover.is_none() {
                cover = cover_title(&range);
            }
            if near.is_none() {
                near = near_header(&range, display, name);
            }
            not_read.push(sheet_not_read(&range, display, name));
            continue;
        };
        let merges = merged_regions(&mut workbook, name);
        let sheet = Sheet {
            display,
            name,
            hidden: hidden.get(name.as_str()).cloned().unwrap_or_default(),
            dates_shown: dates_shown.get(name.as_str()),
        };
        let table = read_table(&range, header_row, &merges, &sheet, &mut doc.diagnostics);
        // A further sheet's table (附件2 after 附件1) is read too, its tasks after these.
        match doc.table.as_mut() {
            Some(first) => doc.diagnostics.push(sheets.append(first, table, name)),
            None => {
                doc.table = Some(table);
                sheets.first_tab = Some(name.clone());
            }
        }
    }
    if let Some(table) = doc.table.as_mut() {
        // Tables from several sheets are named by the plan: the cover's title names it.
        if table.title.is_none()
            && let Some(cover) = cover
        {
            shorten_sheet_sections(table, &cover);
            table.title = Some(cover);
        }
        if table.title.is_none() {
            table.title = sheets.first_title;
        }
        doc.diagnostics.extend(not_read.into_iter().flatten());
        return Ok(doc);
    }
    Err(vec![no_table(display, &looked, near)])
}

/// The tables of further sheets put after the first's.
#[derive(Default)]
struct SheetsAppended {
    /// The first table's sheet.
    first_tab: Option<String>,
    /// What names the tables together (the first sheet's title), once one is appended.
    first_title: Option<String>,
    appended: bool,
}

impl SheetsAppended {
    /// Puts `table`, of sheet `tab`, after `first`. A further sheet with no title row of its
    /// own is a part named by its tab (重点任务, 保障任务); the first sheet's title row then
    /// names them all, and its tab its own part. So too a title that is the first's with
    /// its part in brackets (某表（市定）).
    fn append(&mut self, first: &mut RawTable, mut table: RawTable, tab: &str) -> Diagnostic {
        // 某表（续）: the first sheet's table going on, no part of its own.
        let continued_as =
            (table.title.clone()).filter(|title| crate::ingest::raw_table::is_continuation(title));
        let continued = continued_as.is_some();
        if continued {
            table.title = None;
        }
        let untitled = table.title.is_none() && !continued;
        if untitled {
            table.title = part_named_by_tab(tab);
        }
        let part_of = |title: &Option<String>, plan: &Option<String>| {
            bracketed_part(title.as_deref()?, plan.as_deref()?)
        };
        if !self.appended {
            self.first_title = title_over_sections(first);
            let parted = untitled || part_of(&table.title, &first.title).is_some();
            if parted && self.first_title.is_none() {
                self.first_title = first.title.take();
                first.title = self.first_tab.as_deref().and_then(part_named_by_tab);
            }
            self.appended = true;
        }
        let written = table.title.clone();
        if let Some(part) = part_of(&table.title, &self.first_title) {
            table.title = Some(part);
        }
        let renamed = (table.title != written).then_some(()).and(written);
        let mut said = first.append(table);
        if let Some(title) = continued_as {
            said.message = (said.message).replacen(
                "来源中还有一张分工表",
                &format!("工作表「{tab}」是前一张分工表的续表「{title}」"),
                1,
            );
        }
        // The note names the part as printed, and the title as the sheet wrote it.
        if let Some(written) = renamed {
            said.message =
                (said.message).replacen("」：", &format!("」（原标题「{written}」）："), 1);
        }
        said
    }
}

/// The part a title names in brackets after the plan's title (唐山市…任务分解表（市定） →
/// 市定).
fn bracketed_part(title: &str, plan: &str) -> Option<String> {
    let rest = title.trim().strip_prefix(plan.trim())?.trim();
    let part = rest
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim();
    (!part.is_empty()).then(|| part.to_string())
}

/// A sheet's tab as the name of its part of the plan (重点任务, 保障任务): none for the names
/// a workbook gives its sheets by itself (Sheet2, 工作表1) or by number alone (附件2, 表1).
fn part_named_by_tab(tab: &str) -> Option<String> {
    let words: String = (tab.chars())
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace() && !"（）()-_".contains(*c))
        .collect();
    let by_number =
        ["工作表", "表", "附件", "附表", "Sheet", "sheet", "表格"].contains(&words.as_str());
    (words.chars().any(crate::base::cjk::is_han) && !by_number).then(|| tab.trim().to_string())
}

/// Why no sheet holds a 分工表: at a row that names some of its columns, which are missing;
/// else what a header needs.
fn no_table(display: &str, looked: &[String], near: Option<(Location, NearHeader)>) -> Diagnostic {
    if let Some((place, (names, missing))) = near {
        return Diagnostic::error(
            "input/no-table",
            place,
            format!(
                "这一行像是任务分工表的表头（{}），但缺少“{}”列，无法读出任务",
                names.join("、"),
                missing.join("”“")
            ),
        )
        .with_hint(crate::ingest::raw_table::missing_columns_hint(&missing));
    }
    let sheets = match looked {
        [one] => format!("工作表「{one}」中"),
        more => format!("{} 个工作表（「{}」）中都", more.len(), more.join("」「")),
    };
    Diagnostic::error(
        "input/no-table",
        Location::file(display),
        format!("{sheets}找不到任务分工表：需要一行含“序号”“任务内容”“责任单位”（或同义列名）的表头"),
    )
    .with_hint("列名按其含义识别：含“任务”“工作”“事项”“内容”“措施”的是任务内容；含“牵头”“主责”“责任单位”“责任部门”的是牵头单位；含“配合”“协同”“协办”“参与”的是配合单位；含“时限”“时间”“节点”的是完成时限")
}

/// The first row of a sheet that names some of a 分工表's columns but lacks one, at its
/// first cell.
fn near_header(range: &Range<Data>, display: &str, sheet: &str) -> Option<(Location, NearHeader)> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    texts(range).iter().enumerate().find_map(|(r, cells)| {
        let found = crate::ingest::raw_table::columns_missing(cells)?;
        let first = cells.iter().position(|c| !c.trim().is_empty()).unwrap_or(0);
        let place = Location::cell(display, sheet, row0 + r as u32, col0 + first as u32);
        Some((place, found))
    })
}

/// A row naming some of a 分工表's columns: the names read and the columns missing.
type NearHeader = (Vec<String>, Vec<&'static str>);

/// The title of a sheet's table over sections of its own: it names the workbook's tables
/// together (the plan), as a cover's would, when a further sheet's table follows.
fn title_over_sections(table: &RawTable) -> Option<String> {
    let sectioned =
        (table.rows.iter()).any(|r| matches!(r.kind, super::raw_table::RowKind::Section { .. }));
    table.title.clone().filter(|_| sectioned)
}

/// Sheets titled as the cover is, each with its part in brackets (古城区…清单（文化事业）
/// under 滇中市古城区…清单): each sheet's section is that part.
fn shorten_sheet_sections(table: &mut RawTable, cover: &str) {
    for row in &mut table.rows {
        let super::raw_table::RowKind::Section { numeral, title } = &mut row.kind else {
            continue;
        };
        let Some((base, part)) = title
            .strip_suffix(['）', ')'])
            .and_then(|t| t.rsplit_once(['（', '(']))
        else {
            continue;
        };
        let base = base.trim();
        if numeral.is_empty()
            && !part.trim().is_empty()
            && base.chars().count() >= 4
            && cover.contains(base)
        {
            *title = part.trim().to_string();
        }
    }
}

/// The first words of a sheet without a table, when they name a plan (a cover sheet).
fn cover_title(range: &Range<Data>) -> Option<String> {
    let first = texts(range).into_iter().flatten().find(|t| !t.is_empty())?;
    let title = crate::base::cjk::tidy_spacing(&first);
    crate::ingest::text::names_a_plan(&title).then_some(title)
}

/// The text of a sheet that holds a notice (the notice kept on a sheet before the table):
/// a row a line, numbered as the sheet's rows are, a row's cells joined by a space.
fn notice_text(range: &Range<Data>) -> Option<String> {
    let (first_row, _) = range.start()?;
    // A notice is a page or two: a sheet whose text starts far down, or runs long, is none
    // (and its rows are never laid out as lines).
    if first_row > 1_000 || range.height() > 1_000 {
        return None;
    }
    let mut lines = vec![String::new(); first_row as usize];
    for row in texts(range) {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        lines.push(cells.join(" "));
    }
    let text = lines.join("\n");
    let doc = crate::ingest::text::parse(&text, "");
    let notice = doc.notice?;
    // A notice says who it is addressed to, and what it asks or who signs it.
    let says = notice.signer.is_some() || notice.date.is_some() || !notice.body.is_empty();
    (!notice.recipients.is_empty() && says).then_some(text)
}

/// A sheet with no 分工表 that holds something (an explanation, a list of contacts): named
/// with its first words, never passed over without a word.
fn sheet_not_read(range: &Range<Data>, display: &str, sheet: &str) -> Option<Diagnostic> {
    let words = first_words(range);
    if words.is_empty() {
        return None;
    }
    let (row, column) = range.start().unwrap_or((0, 0));
    Some(Diagnostic::note(
        "xlsx/sheet-not-read",
        Location::cell(display, sheet, row, column),
        format!(
            "工作表「{sheet}」中没有分工表，未读入：「{}」",
            crate::base::cjk::excerpt_of(&words, 200)
        ),
    ))
}

/// A sheet the workbook hides is not read (Excel neither shows nor prints it); one that holds
/// anything is said, as a warning when it has a 分工表 of its own.
fn hidden_sheet(range: &Range<Data>, display: &str, sheet: &str) -> Option<Diagnostic> {
    let words = first_words(range);
    if words.is_empty() {
        return None;
    }
    let (row, column) = range.start().unwrap_or((0, 0));
    let place = Location::cell(display, sheet, row, column);
    let message = format!(
        "工作表「{sheet}」在工作簿中被隐藏，未读入：「{}」",
        crate::base::cjk::excerpt_of(&words, 200)
    );
    let said = if find_header(range).is_some() {
        Diagnostic::warning("xlsx/hidden", place, message)
    } else {
        Diagnostic::note("xlsx/hidden", place, message)
    };
    Some(said.with_hint("如需读入，请在 Excel/WPS 中取消隐藏该工作表后再运行"))
}

/// The first forty non-empty cells of a sheet, joined by spaces.
fn first_words(range: &Range<Data>) -> String {
    let words: Vec<String> = texts(range)
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .take(40)
        .collect();
    words.join(" ")
}

fn unreadable(display: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "input/unreadable",
        Location::file(display),
        format!("无法读取电子表格：{why}"),
    )
    .with_hint(if why.contains("密码") {
        "请在 Excel 或 WPS 中取消打开密码后另存一份"
    } else {
        "请确认文件确为 Excel（.xlsx/.xls）或 WPS/LibreOffice（.ods）表格，且未损坏"
    })
}

/// The merged cells of the sheet `name`.
pub(crate) fn merged_regions<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
) -> Vec<calamine::Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The text of a cell: numbers without a trailing `.0`, dates as a Chinese document writes
/// them (2025年8月31日), the way a sheet set to 年月日 shows them, not as an ISO string.
pub(crate) fn text_of(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => crate::base::date::from_excel_serial(dt.as_f64())
            .map(crate::base::date::chinese)
            .unwrap_or_else(|| dt.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // An error value (#REF!, #N/A) says nothing of the task: see `blank_errors`.
        Data::Error(_) => String::new(),
    }
}

/// Index (relative to the range) of the row where a 分工表 header starts.
fn find_header(range: &Range<Data>) -> Option<usize> {
    super::grid::find_header(&texts(range))
}

/// The cells of `range` as text, row by row.
fn texts(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .map(|r| r.iter().map(text_of).collect())
        .collect()
}

/// The sheet a table is read from.
struct Sheet<'a> {
    display: &'a str,
    name: &'a str,
    hidden: Hidden,
    /// Its date cells that show part of a date.
    dates_shown: Option<&'a DatesShown>,
}

/// A sheet's date cells, by (row, column), that show only part of a date.
type DatesShown = HashMap<(u32, u32), shown::Shown>;

/// Sets the text of each date cell a sheet shows only part of (2025年5月) as it shows it.
fn as_shown(rows: &mut [Vec<String>], range: &Range<Data>, shown: &DatesShown) {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    for (&(r, c), how) in shown {
        let (Some(dr), Some(dc)) = (r.checked_sub(row0), c.checked_sub(col0)) else {
            continue;
        };
        let (dr, dc) = (dr as usize, dc as usize);
        let Some(Data::DateTime(dt)) = range.get((dr, dc)) else {
            continue;
        };
        if let (Some(date), Some(cell)) = (
            crate::base::date::from_excel_serial(dt.as_f64()),
            rows.get_mut(dr).and_then(|row| row.get_mut(dc)),
        ) {
            *cell = shown::text(date, *how);
        }
    }
}

/// The sheet as a [`Grid`]: a merge down a column spreads its value over its rows; a merge
/// across columns stays in its first cell (a title or section row). Hidden rows and columns
/// are blanked (so every place stays the sheet's own) and said.
fn read_table(
    range: &Range<Data>,
    header_row: usize,
    merges: &[calamine::Dimensions],
    sheet: &Sheet<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawTable {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = texts(range);
    if let Some(shown) = sheet.dates_shown {
        as_shown(&mut rows, range, shown);
    }
    let (display, name) = (sheet.display, sheet.name);
    let place =
        move |r: usize, c: usize| Location::cell(display, name, row0 + r as u32, col0 + c as u32);
    let is_hidden = |r: usize, c: usize| {
        sheet.hidden.rows.contains(&(row0 + r as u32))
            || sheet.hidden.columns.contains(&(col0 + c as u32))
    };
    diagnostics.extend(blank_hidden(&mut rows, &sheet.hidden, (row0, col0), place));
    diagnostics.extend(errors_said(range, place));
    diagnostics.extend(units_under_a_merged_header(
        &mut rows,
        merges,
        (header_row, row0, col0),
        place,
    ));
    diagnostics.extend(crate::ingest::repost::strip_from_cells(&mut rows, place));
    let mut merged_down: HashMap<(usize, usize), String> = HashMap::new();
    for m in merges.iter().filter(|m| m.start.1 == m.end.1) {
        let (Some(top), Some(c)) = (
            (m.start.0 as usize).checked_sub(row0 as usize),
            (m.start.1 as usize).checked_sub(col0 as usize),
        ) else {
            continue;
        };
        let Some(value) = rows.get(top).and_then(|row| row.get(c)).cloned() else {
            continue;
        };
        for r in top + 1..=top + (m.end.0 - m.start.0) as usize {
            if !is_hidden(r, c) {
                merged_down.insert((r, c), value.clone());
            }
        }
    }
    let grid = Grid {
        rows,
        merged_down,
        place: Box::new(place),
        paragraphs: false,
    };
    grid.table(header_row, diagnostics)
}

/// The cells holding an Excel error value (#REF!, #N/A, #DIV/0!: a formula whose reference
/// broke): read as empty, each said with its place.
fn errors_said(range: &Range<Data>, place: impl Fn(usize, usize) -> Location) -> Vec<Diagnostic> {
    let mut said = Vec::new();
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Data::Error(error) = cell {
                said.push(
                    Diagnostic::warning(
                        "table/error-value",
                        place(r, c),
                        format!("单元格的值是 Excel 错误「{error}」（公式引用失效或计算出错）：没有读作任何内容"),
                    )
                    .with_hint("请在原表中改正这个单元格（填入实际内容），再运行 fengong"),
                );
            }
        }
    }
    said
}

/// A header of who does the work merged across columns with nothing under it naming them
/// apart (责任单位 over D and E, no 牵头 | 配合 row): every column under it lists units of the
/// task, joined into its first. Said once.
fn units_under_a_merged_header(
    rows: &mut [Vec<String>],
    merges: &[calamine::Dimensions],
    (header_row, row0, col0): (usize, u32, u32),
    place: impl Fn(usize, usize) -> Location,
) -> Option<Diagnostic> {
    use crate::ingest::raw_table::Column;
    let merge = merges.iter().find(|m| {
        let (top, left) = (m.start.0.checked_sub(row0), m.start.1.checked_sub(col0));
        let header = (top.zip(left)).and_then(|(t, l)| rows.get(t as usize)?.get(l as usize));
        m.start.0 == m.end.0
            && m.end.1 > m.start.1
            && top == Some(header_row as u32)
            && header.is_some_and(|h| {
                matches!(
                    Column::from_header(h),
                    Some(Column::Units | Column::Lead | Column::Support)
                )
            })
    })?;
    let (first, last) = (
        (merge.start.1 - col0) as usize,
        (merge.end.1 - col0) as usize,
    );
    // A second header row naming the columns apart (牵头单位 | 配合单位) reads them itself.
    let named_apart = rows.get(header_row + 1).is_some_and(|row| {
        (first..=last).any(|c| row.get(c).is_some_and(|h| Column::from_header(h).is_some()))
    });
    if named_apart {
        return None;
    }
    let mut joined_any = false;
    for row in rows.iter_mut().skip(header_row + 1) {
        let names: Vec<String> = (first..=last)
            .filter_map(|c| row.get(c).map(|t| t.trim().to_string()))
            .filter(|t| !t.is_empty())
            .collect();
        joined_any |= names.len() > 1;
        for c in first..=last.min(row.len().saturating_sub(1)) {
            row[c].clear();
        }
        if let Some(cell) = row.get_mut(first) {
            *cell = names.join("、");
        }
    }
    joined_any.then(|| {
        Diagnostic::note(
            "table/units-across-columns",
            place(header_row, first),
            format!(
                "表头「{}」合并了 {} 列，其下没有分列的小标题：各列的单位一并读作这一项的责任单位（以「、」连接，第一个在前）",
                rows[header_row][first].trim(),
                last - first + 1
            ),
        )
    })
}

/// Empties the cells of hidden rows and columns, saying each row and column that held
/// anything: Excel neither shows nor prints them, so they are not published either.
fn blank_hidden(
    rows: &mut [Vec<String>],
    hidden: &Hidden,
    (row0, col0): (u32, u32),
    place: impl Fn(usize, usize) -> Location,
) -> Vec<Diagnostic> {
    let mut said = Vec::new();
    let hint = "Excel 中隐藏的行和列不显示、不打印，这里也不发布；如需发布，请取消隐藏后再运行";
    for (r, row) in rows.iter_mut().enumerate() {
        if !hidden.rows.contains(&(row0 + r as u32)) {
            continue;
        }
        let words: Vec<String> = row.iter_mut().map(std::mem::take).collect();
        if let Some(c) = words.iter().position(|w| !w.is_empty()) {
            let text: Vec<&str> = words
                .iter()
                .map(String::as_str)
                .filter(|w| !w.is_empty())
                .collect();
            said.push(
                Diagnostic::warning(
                    "xlsx/hidden",
                    place(r, c),
                    format!("此行在表格中被隐藏，未读入：「{}」", text.join(" ")),
                )
                .with_hint(hint),
            );
        }
    }
    said.extend(filtered_rows(rows, hidden, row0, &place));
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for c in 0..width {
        if !hidden.columns.contains(&(col0 + c as u32)) {
            continue;
        }
        let words: Vec<(usize, String)> = rows
            .iter_mut()
            .enumerate()
            .filter_map(|(r, row)| row.get_mut(c).map(|cell| (r, std::mem::take(cell))))
            .filter(|(_, w)| !w.is_empty())
            .collect();
        if let Some((r, _)) = words.first() {
            let text: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
            said.push(
                Diagnostic::warning(
                    "xlsx/hidden",
                    place(*r, c),
                    format!(
                        "此列在表格中被隐藏，未读入：「{}」",
                        crate::base::cjk::excerpt_of(&text.join(" "), 200)
                    ),
                )
                .with_hint(hint),
            );
        }
    }
    said
}

/// The rows a filter hid when the ledger was saved, said once: read and published like
/// the rest (a ledger saved filtered to one unit still holds every task).
fn filtered_rows(
    rows: &[Vec<String>],
    hidden: &Hidden,
    row0: u32,
    place: impl Fn(usize, usize) -> Location,
) -> Option<Diagnostic> {
    let filled: Vec<usize> = (0..rows.len())
        .filter(|r| hidden.filtered.contains(&(row0 + *r as u32)))
        .filter(|&r| rows[r].iter().any(|w| !w.is_empty()))
        .collect();
    let first = *filled.first()?;
    let numbers: Vec<String> = (filled.iter())
        .map(|r| (row0 + *r as u32 + 1).to_string())
        .collect();
    Some(
        Diagnostic::note(
            "xlsx/filtered",
            place(first, 0),
            format!(
                "表格保存时设有筛选，第 {} 行被筛选隐藏：照常读入和发布",
                numbers.join("、")
            ),
        )
        .with_hint("在 Excel 中“清除筛选”即可看到这些行"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workbook saved with 打开密码 (an OLE file holding an EncryptedPackage) is said to be
    /// one, with what to do — not taken for a damaged Excel 97 file.
    #[test]
    fn a_workbook_under_a_password_is_said_to_be() {
        let mut locked = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        locked.extend(std::iter::repeat_n(0u8, 600));
        locked.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        let said = read_bytes(&locked, "任务分工表.xlsx").unwrap_err();
        assert!(
            said[0].message.contains("设有打开密码"),
            "{}",
            said[0].message
        );
        assert!(
            said[0].hints[0].contains("取消打开密码"),
            "{:?}",
            said[0].hints
        );
    }

    #[test]
    fn cell_values_read_as_text() {
        assert_eq!(text_of(&Data::Float(12.0)), "12");
        assert_eq!(text_of(&Data::Float(12.5)), "12.5");
        assert_eq!(text_of(&Data::String(" 区教育局 ".into())), "区教育局");
        // 45900 is 2025-08-31: written as a Chinese document writes a date.
        let date = Data::DateTime(calamine::ExcelDateTime::new(
            45900.0,
            calamine::ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(text_of(&date), "2025年8月31日");
    }

    #[test]
    fn an_error_value_is_read_as_nothing_and_said_where_it_is() {
        let error = Data::Error(calamine::CellErrorType::Ref);
        assert_eq!(text_of(&error), "");
        let mut range: Range<Data> = Range::new((0, 0), (1, 1));
        range.set_value((1, 1), error);
        range.set_value((0, 0), Data::String("序号".into()));
        let said = errors_said(&range, |r, c| {
            Location::cell("t.xlsx", "表", r as u32, c as u32)
        });
        assert_eq!(said.len(), 1);
        assert_eq!(said[0].location, Location::cell("t.xlsx", "表", 1, 1));
        assert!(said[0].message.contains("#REF!"), "{}", said[0].message);
    }
}
