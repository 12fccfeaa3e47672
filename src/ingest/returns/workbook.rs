//! The returned workbook itself: its key sheet, its task list and its 填报日期, read with
//! calamine. The layout it expects is [`crate::form`]'s, which the writer uses too.

use std::collections::HashMap;

use calamine::{Data, Range, Reader, Sheets};

use super::ReadForm;
use crate::base::cjk::{excerpt, excerpt_of, tidy_spacing};
use crate::base::date::{self, Date, Written};
use crate::base::diag::{Diagnostic, Location};
use crate::base::number::parse_percent;
use crate::form::{self, Column, KEY_SHEET, KeyField};
use crate::ingest::xlsx::text_of;
use crate::model::{ReturnForm, ReturnRow, Status, YearlessDate};

pub(super) fn unreadable(display: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "return/unreadable",
        Location::file(display),
        format!("无法读取反馈表：{why}"),
    )
    .with_hint("请确认文件是 Excel（.xlsx/.xls）表格且未损坏；必要时请该单位重新报送")
}

fn rejected(display: &str, code: &str, message: String) -> Vec<Diagnostic> {
    vec![
        Diagnostic::error(code, Location::file(display), message).with_hint(
            "请使用 fengong 下发的任务单（任务单/单位名称.xlsx）填报，不要另建表格或删除隐藏工作表",
        ),
    ]
}

fn sheet<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    display: &str,
) -> Result<Range<Data>, Vec<Diagnostic>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        workbook.worksheet_range(name)
    })) {
        Ok(Ok(range)) => Ok(range),
        Ok(Err(e)) => Err(vec![unreadable(display, &format!("工作表「{name}」：{e}"))]),
        Err(_) => Err(vec![unreadable(
            display,
            &format!("工作表「{name}」已损坏"),
        )]),
    }
}

/// A cell by absolute (row, column), as text.
fn cell(range: &Range<Data>, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(text_of).unwrap_or_default()
}

/// What the hidden key sheet says: who, which plan, which tasks with which text.
struct Key {
    unit: String,
    plan_id: String,
    sample: bool,
    /// (task number, hash of its text as issued), in the order issued.
    tasks: Vec<(u32, String)>,
    /// The headers of the locked columns the form was issued with past its own
    /// ([`KeyField::Shown`]): not columns the unit added.
    shown: Vec<String>,
}

pub(super) fn read_workbook<RS: std::io::Read + std::io::Seek>(
    mut workbook: Sheets<RS>,
    display: &str,
) -> Result<ReadForm, Vec<Diagnostic>> {
    let names = workbook.sheet_names();
    if !names.iter().any(|n| n == KEY_SHEET) {
        return Err(rejected(
            display,
            "return/not-a-form",
            format!(
                "不是 fengong 下发的反馈表：缺少隐藏工作表「{KEY_SHEET}」，无法确认报送单位和任务"
            ),
        ));
    }
    let key = read_key(&sheet(&mut workbook, KEY_SHEET, display)?, display)?;
    let Some(form_name) = names
        .iter()
        .find(|n| n.as_str() == form::FORM_SHEET)
        .or_else(|| names.iter().find(|n| n.as_str() != KEY_SHEET))
        .cloned()
    else {
        return Err(rejected(
            display,
            "return/no-sheet",
            "反馈表中没有任务清单工作表".into(),
        ));
    };
    let range = sheet(&mut workbook, &form_name, display)?;
    // Cells merged down over several tasks' rows (one 进展情况 for three tasks).
    let merges: Vec<calamine::Dimensions> =
        (crate::ingest::xlsx::merged_regions(&mut workbook, &form_name).into_iter())
            .filter(|m| m.end.0 > m.start.0)
            .collect();
    let Some((header_row, columns)) = find_header(&range) else {
        return Err(rejected(
            display,
            "return/no-header",
            format!("工作表「{form_name}」中找不到表头（需含“序号”和“完成状态”两列）"),
        ));
    };
    let table = TaskList {
        range: &range,
        display,
        sheet: &form_name,
        header_row,
        columns,
        merges: &merges,
        shown: &key.shown,
    };
    let mut diagnostics = Vec::new();
    diagnostics.extend(table.merges_said());
    let (filled_on, filled_on_yearless) = table.filled_on(&mut diagnostics);
    let rows = table.rows(&key, &mut diagnostics);
    let (contact, phone) = table.contact();
    diagnostics.extend(table.unread_cells());
    diagnostics.extend(other_sheets(&mut workbook, &names, &form_name, display));
    Ok(ReadForm {
        form: ReturnForm {
            file: display.to_string(),
            unit: key.unit,
            plan_id: key.plan_id,
            sample: key.sample,
            filled_on,
            filled_on_yearless,
            contact,
            phone,
            rows,
        },
        diagnostics,
    })
}

/// How much of a cell's or a sheet's words a finding quotes.
const QUOTED_CHARS: usize = 200;

/// Sheets a unit added to its form (补充说明, Sheet2 with a note): not read, their words
/// said — a sheet each, where its first words stand.
fn other_sheets<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    names: &[String],
    form_name: &str,
    display: &str,
) -> Vec<Diagnostic> {
    let mut said = Vec::new();
    for name in names.iter().filter(|n| *n != KEY_SHEET && *n != form_name) {
        let Ok(range) = sheet(workbook, name, display) else {
            continue;
        };
        let words = words_of(
            range
                .cells()
                .map(|(row, col, data)| (row as u32, col as u32, data)),
        );
        if let Some(((row, col), text)) = words {
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            said.push(
                Diagnostic::warning(
                    "return/other-sheet",
                    Location::cell(display, name.as_str(), start_row + row, start_col + col),
                    format!("反馈表另有工作表「{name}」，其中的文字未读入评估：「{text}」"),
                )
                .with_hint("如需计入，请把说明写进任务清单中对应任务的“进展情况”或“存在问题”"),
            );
        }
    }
    said
}

/// The words of `cells` (relative row, column, data) in reading order, quoted up to
/// [`QUOTED_CHARS`], and where the first stands; none when all are empty.
fn words_of<'d>(cells: impl Iterator<Item = (u32, u32, &'d Data)>) -> Option<((u32, u32), String)> {
    let mut first = None;
    let mut words: Vec<String> = Vec::new();
    let mut length = 0;
    for (row, col, data) in cells {
        let text = tidy_spacing(&text_of(data));
        if text.is_empty() {
            continue;
        }
        first.get_or_insert((row, col));
        if length < QUOTED_CHARS {
            length += text.chars().count();
            words.push(text);
        }
    }
    let joined = words.join(" ");
    first.map(|at| (at, excerpt_of(&joined, QUOTED_CHARS)))
}

fn read_key(key: &Range<Data>, display: &str) -> Result<Key, Vec<Diagnostic>> {
    let (key_end, _) = key.end().unwrap_or((0, 0));
    let tasks_header = (0..=key_end)
        .find(|&row| cell(key, row, 0) == form::KEY_TASKS_HEADER)
        .unwrap_or(form::KEY_TASKS_HEADER_ROW);
    let mut pairs: HashMap<String, String> = HashMap::new();
    for row in 0..tasks_header {
        let k = cell(key, row, 0);
        if !k.is_empty() {
            pairs.insert(k, cell(key, row, 1));
        }
    }
    let field = |f: KeyField| pairs.get(f.name()).cloned().unwrap_or_default();
    let version = field(KeyField::Version);
    if !form::VERSIONS_READ.contains(&version.as_str()) {
        return Err(rejected(
            display,
            "return/form-version",
            format!(
                "反馈表版本「{version}」无法识别（隐藏工作表「{KEY_SHEET}」已被改动，或来自其他程序）"
            ),
        ));
    }
    let unit = tidy_spacing(&field(KeyField::Unit));
    if unit.is_empty() {
        return Err(rejected(
            display,
            "return/no-unit",
            format!("隐藏工作表「{KEY_SHEET}」中没有填报单位"),
        ));
    }
    let mut tasks = Vec::new();
    for row in tasks_header + 1..=key_end {
        let no = cell(key, row, 0);
        match no.parse::<u32>() {
            Ok(no) => tasks.push((no, cell(key, row, 1))),
            Err(_) if no.is_empty() => {}
            Err(_) => {
                return Err(rejected(
                    display,
                    "return/key-damaged",
                    format!(
                        "隐藏工作表「{KEY_SHEET}」第 {} 行的任务序号「{}」无效",
                        row + 1,
                        excerpt(&no)
                    ),
                ));
            }
        }
    }
    Ok(Key {
        unit,
        plan_id: field(KeyField::Plan),
        sample: field(KeyField::Sample) == form::SAMPLE_MARK,
        tasks,
        shown: (field(KeyField::Shown).lines())
            .map(|header| header.chars().filter(|c| !c.is_whitespace()).collect())
            .filter(|header: &String| !header.is_empty())
            .collect(),
    })
}

/// Absolute column numbers of the form's columns, found by header text.
#[derive(Debug, Default)]
struct Columns(HashMap<Column, u32>);

impl Columns {
    fn get(&self, column: Column) -> Option<u32> {
        self.0.get(&column).copied()
    }
}

/// The header row: the first row naming both 序号 and 完成状态.
fn find_header(range: &Range<Data>) -> Option<(u32, Columns)> {
    let (start_row, start_col) = range.start()?;
    for (i, row) in range.rows().enumerate() {
        let mut columns = Columns::default();
        for (c, data) in row.iter().enumerate() {
            if let Some(column) = Column::recognise(&text_of(data)) {
                columns.0.entry(column).or_insert(start_col + c as u32);
            }
        }
        if columns.get(Column::No).is_some() && columns.get(Column::Status).is_some() {
            return Some((start_row + i as u32, columns));
        }
    }
    None
}

/// The task list of a form, found.
struct TaskList<'a> {
    range: &'a Range<Data>,
    display: &'a str,
    sheet: &'a str,
    header_row: u32,
    columns: Columns,
    /// Its cells merged over several rows: each row they cover reads their text.
    merges: &'a [calamine::Dimensions],
    /// Headers of the locked columns it was issued with past the form's own.
    shown: &'a [String],
}

impl TaskList<'_> {
    fn at(&self, row: u32, col: u32) -> Location {
        Location::cell(self.display, self.sheet, row, col)
    }

    /// The cell of `column` in `row` (the 序号 cell when the form lacks the column).
    fn place(&self, row: u32, column: Column) -> Location {
        let no = self.columns.get(Column::No).unwrap_or(0);
        self.at(row, self.columns.get(column).unwrap_or(no))
    }

    fn text(&self, row: u32, column: Column) -> String {
        let (_, last_col) = self.range.end().unwrap_or((0, 0));
        let Some(col) = self.columns.get(column).filter(|c| *c <= last_col) else {
            return String::new();
        };
        // A merged cell's text stands in its first cell only.
        let (row, col) = (self.merges.iter())
            .find(|m| m.contains(row, col))
            .map_or((row, col), |m| m.start);
        cell(self.range, row, col)
    }

    /// What is said of cells merged down over several tasks' rows below the header: their
    /// text is read for each of those tasks. One finding a span of rows, naming its columns.
    fn merges_said(&self) -> Vec<Diagnostic> {
        let mut spans: Vec<((u32, u32), Vec<String>, Location)> = Vec::new();
        let mut merges: Vec<_> = (self.merges.iter())
            .filter(|m| m.start.0 > self.header_row)
            .collect();
        merges.sort_by_key(|m| m.start);
        for m in merges {
            let heading = format!("「{}」", cell(self.range, self.header_row, m.start.1));
            let rows = (m.start.0, m.end.0);
            match spans.iter_mut().find(|(span, _, _)| *span == rows) {
                Some((_, headings, _)) => headings.push(heading),
                None => spans.push((rows, vec![heading], self.at(m.start.0, m.start.1))),
            }
        }
        (spans.into_iter())
            .map(|((first, last), headings, place)| {
                Diagnostic::note(
                    "return/merged-cells",
                    place,
                    format!(
                        "第 {}—{} 行的{}是合并单元格：其内容计入所跨的每一行的任务",
                        first + 1,
                        last + 1,
                        headings.join("")
                    ),
                )
            })
            .collect()
    }

    /// What the unit wrote where the form reads nothing, said with its words: a column it
    /// added (责任科室), a row without a 序号 (a matter it added itself). One finding a
    /// column, one a row.
    fn unread_cells(&self) -> Vec<Diagnostic> {
        let (Some((start_row, start_col)), Some((last_row, last_col))) =
            (self.range.start(), self.range.end())
        else {
            return Vec::new();
        };
        let first_row = (self.header_row + 1).max(start_row);
        let ours = |header: &str| {
            let header: String = header.chars().filter(|c| !c.is_whitespace()).collect();
            Column::recognise(&header).is_some()
                || (Column::ALL.iter().chain([&Column::Person])).any(|c| c.header() == header)
                || self.shown.contains(&header)
        };
        let added: Vec<u32> = (start_col..=last_col)
            .filter(|&col| !ours(&cell(self.range, self.header_row, col)))
            .collect();
        let mut said = Vec::new();
        for &col in &added {
            let below = (first_row..=last_row).map(|row| (row, col));
            let cells =
                below.filter_map(|(row, col)| Some((row, col, self.range.get_value((row, col))?)));
            let Some(((row, _), text)) = words_of(cells) else {
                continue;
            };
            let header = cell(self.range, self.header_row, col);
            let named = match header.trim() {
                "" => "一列没有列名的内容".to_string(),
                header => format!("一列「{}」", tidy_spacing(header)),
            };
            said.push(Diagnostic::warning(
                "return/added-column",
                self.at(row, col),
                format!("反馈表多出{named}，其中的文字未读入评估：「{text}」"),
            ));
        }
        for row in first_row..=last_row {
            if !self.text(row, Column::No).is_empty() || self.inside_a_merge(row) {
                continue;
            }
            let cells = (start_col..=last_col)
                .filter(|col| !added.contains(col))
                .filter_map(|col| Some((row, col, self.range.get_value((row, col))?)));
            if let Some(((_, col), text)) = words_of(cells) {
                said.push(
                    Diagnostic::warning(
                        "return/unnumbered-row",
                        self.at(row, col),
                        format!(
                            "第 {} 行没有序号，不是下发的任务，其中的文字未读入评估：「{text}」",
                            row + 1
                        ),
                    )
                    .with_hint("自行增加的事项请另行报告，或写进对应任务的“进展情况”"),
                );
            }
        }
        said
    }

    /// Whether `row` lies under the first row of a cell merged down (its text read with
    /// the tasks the merge spans).
    fn inside_a_merge(&self, row: u32) -> bool {
        (self.merges.iter()).any(|m| m.start.0 < row && row <= m.end.0)
    }

    /// Every row of a task the key lists, and what is wrong with the others.
    fn rows(&self, key: &Key, diagnostics: &mut Vec<Diagnostic>) -> Vec<ReturnRow> {
        let issued: HashMap<u32, &str> = key.tasks.iter().map(|(n, h)| (*n, h.as_str())).collect();
        let (last_row, _) = self.range.end().unwrap_or((0, 0));
        let mut rows: Vec<ReturnRow> = Vec::new();
        for row in self.header_row + 1..=last_row {
            let no_text = self.text(row, Column::No);
            if no_text.is_empty() {
                continue;
            }
            let Ok(no) = no_text.trim().parse::<u32>() else {
                // A unit's note under its table (备注：…) is its word to the office: kept whole.
                if is_remark(&no_text) {
                    diagnostics.push(Diagnostic::note(
                        "return/remark",
                        self.place(row, Column::No),
                        format!("单位在表中写了备注：「{}」", tidy_spacing(&no_text)),
                    ));
                    continue;
                }
                diagnostics.push(Diagnostic::warning(
                    "return/bad-number",
                    self.place(row, Column::No),
                    format!("序号「{}」不是任务序号，该行未读取", excerpt(&no_text)),
                ));
                continue;
            };
            let Some(hash) = issued.get(&no) else {
                diagnostics.push(
                    Diagnostic::warning(
                        "return/unknown-task",
                        self.place(row, Column::No),
                        format!("第 {no} 项任务不在下发给本单位的任务清单中，该行未读取"),
                    )
                    .with_hint("请勿自行增加任务行；确需增加的任务请另行报告"),
                );
                continue;
            };
            if rows.iter().any(|r| r.task == no) {
                diagnostics.push(Diagnostic::warning(
                    "return/duplicate-row",
                    self.place(row, Column::No),
                    format!("第 {no} 项任务出现了两行，只读取第一行"),
                ));
                continue;
            }
            rows.push(self.row(row, no, hash, diagnostics));
        }
        for (no, _) in &key.tasks {
            if !rows.iter().any(|r| r.task == *no) {
                diagnostics.push(Diagnostic::warning(
                    "return/row-missing",
                    Location::file(self.display),
                    format!("下发的第 {no} 项任务在反馈表中找不到（该行被删除或序号被改动）"),
                ));
            }
        }
        diagnostics.extend(rows.iter().filter_map(status_against_progress));
        rows
    }

    /// One task's row.
    fn row(&self, row: u32, no: u32, hash: &str, diagnostics: &mut Vec<Diagnostic>) -> ReturnRow {
        let content = self.text(row, Column::Content);
        let text_intact = form::task_hash(&content) == hash;
        if !text_intact {
            diagnostics.push(
                Diagnostic::warning(
                    "return/text-edited",
                    self.place(row, Column::Content),
                    format!(
                        "第 {no} 项任务的任务内容被改动过（现为「{}」）；反馈照收，评估仍按方案原文",
                        excerpt(&content)
                    ),
                )
                .with_hint("任务内容不可修改；如对任务有异议，请另行书面说明"),
            );
        }
        let status = self.status(row, no, diagnostics);
        let progress = self.progress(row, no, diagnostics);
        ReturnRow {
            task: no,
            status,
            progress,
            progress_text: self.text(row, Column::Narrative),
            // The form writes a locked — where the task has no target: nothing reported.
            target_value: Some(self.text(row, Column::TargetValue))
                .filter(|t| t != "—")
                .unwrap_or_default(),
            problems: self.text(row, Column::Problems),
            evidence: split_list(&self.text(row, Column::Evidence)),
            text_intact,
            issued_hash: hash.to_string(),
            origin: self.place(row, Column::No),
            status_origin: Some(self.place(row, Column::Status)),
        }
    }

    fn status(&self, row: u32, no: u32, diagnostics: &mut Vec<Diagnostic>) -> Option<Status> {
        let written = self.text(row, Column::Status);
        if written.is_empty() {
            return None;
        }
        let parsed = Status::parse(&written);
        let choices: Vec<&str> = Status::REPORTABLE.iter().map(|s| s.label()).collect();
        match parsed {
            None => diagnostics.push(
                Diagnostic::warning(
                    "return/bad-status",
                    self.place(row, Column::Status),
                    format!(
                        "第 {no} 项任务的完成状态「{}」不是可选项（{}），按未填写计",
                        excerpt(&written),
                        choices.join("、")
                    ),
                )
                .with_hint(
                    "请该单位在下拉列表中重选完成状态后重新报送（尚未全部完成的选“序时推进”或“滞后”，完成进度填百分数）",
                ),
            ),
            // 正常推进, 已办结: a word of its own read as the status it means, said so.
            Some(status) if tidy_spacing(&written) != status.label() => {
                diagnostics.push(Diagnostic::note(
                    "return/status-read-as",
                    self.place(row, Column::Status),
                    format!(
                        "第 {no} 项任务的完成状态写的是「{}」，按“{}”计",
                        excerpt(&written),
                        status.label()
                    ),
                ))
            }
            Some(_) => {}
        }
        parsed
    }

    fn progress(&self, row: u32, no: u32, diagnostics: &mut Vec<Diagnostic>) -> Option<f64> {
        let written = self.text(row, Column::Progress);
        if written.is_empty() {
            return None;
        }
        let message = match parse_percent(&written) {
            // A cell formatted as a percentage keeps 85% as 0.85 (and a clerk may type that):
            // progress is never a fraction of one per cent.
            Some(p) if p > 0.0 && p < 1.0 && !written.contains('%') => {
                let read = (p * 1000.0).round() / 10.0;
                diagnostics.push(Diagnostic::warning(
                    "return/progress-fraction",
                    self.place(row, Column::Progress),
                    format!(
                        "第 {no} 项任务的完成进度写作 {written}，按 {read}% 计（设为百分比格式的单元格把 {read}% 存为 {written}）；如不是此意请改填 0—100 的数"
                    ),
                ));
                return Some(read);
            }
            Some(p) if (0.0..=100.0).contains(&p) => return Some(p),
            Some(p) => format!("第 {no} 项任务的完成进度 {p}% 超出 0—100，按未填写计"),
            None => format!(
                "第 {no} 项任务的完成进度「{}」不是数字（应填 0—100 的整数），按未填写计",
                excerpt(&written)
            ),
        };
        let code = if message.contains("超出") {
            "return/bad-progress"
        } else {
            "return/not-a-number"
        };
        diagnostics.push(Diagnostic::warning(
            code,
            self.place(row, Column::Progress),
            message,
        ));
        None
    }

    /// The 填报日期 above the header: the cell after the label, or text after the label's "：".
    /// The first cell above the header that starts with `label`: its (row, column) and the
    /// text after the label. The header block's fields are found by their labels, so a form
    /// re-saved or rearranged by WPS or Excel still reads.
    fn find_label(&self, label: &str) -> Option<(u32, u32, String)> {
        let (start_row, start_col) = self.range.start()?;
        let (_, end_col) = self.range.end()?;
        (start_row..self.header_row)
            .flat_map(|row| (start_col..=end_col).map(move |col| (row, col)))
            .find_map(|(row, col)| {
                let text = cell(self.range, row, col);
                let rest = text.strip_prefix(label)?.to_string();
                Some((row, col, rest))
            })
    }

    /// What the unit wrote beside `label` (联系人, 联系电话): after the label's colon in its
    /// own cell, or in the cell to its right unless that is another label.
    fn labelled_text(&self, label: &str) -> String {
        let Some((row, col, rest)) = self.find_label(label) else {
            return String::new();
        };
        let inline = rest.trim_start_matches(['：', ':']).trim();
        if !inline.is_empty() {
            return inline.to_string();
        }
        let next = cell(self.range, row, col + 1);
        if next.ends_with(['：', ':']) {
            String::new()
        } else {
            next
        }
    }

    /// 联系人 and 联系电话: once in the header block, or (forms before version 2) the first
    /// row that has them.
    fn contact(&self) -> (String, String) {
        let mut contact = self.labelled_text("联系人");
        let mut phone = self.labelled_text("联系电话");
        let (Some((start_row, _)), Some((end_row, _))) = (self.range.start(), self.range.end())
        else {
            return (contact, phone);
        };
        for row in (self.header_row + 1).max(start_row)..=end_row {
            if contact.is_empty() {
                contact = self.text(row, Column::Contact);
            }
            if phone.is_empty() {
                phone = self.text(row, Column::Phone);
            }
        }
        (contact, phone)
    }

    /// 填报日期, or its month and day when the year is left out.
    fn filled_on(
        &self,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Option<Date>, Option<Box<YearlessDate>>) {
        let Some((row, col, rest)) = self.find_label("填报日期") else {
            return (None, None);
        };
        match self.date_after(row, col, &rest, diagnostics) {
            Some((Written::Full(date), ..)) => (Some(date), None),
            Some((written, text, at_col)) => {
                let at = self.at(row, at_col);
                (None, Some(Box::new(YearlessDate { written, text, at })))
            }
            None => (None, None),
        }
    }

    /// The date written after the 填报日期 label at (row, col) — in the label's own cell
    /// (`填报日期：2025-07-10`) or in the next filled cell — with its text and column.
    fn date_after(
        &self,
        row: u32,
        col: u32,
        rest: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<(Written, String, u32)> {
        let (_, end_col) = self.range.end()?;
        let inline = rest.trim_start_matches(['：', ':']).trim();
        let (value, at_col) = if inline.is_empty() {
            (col + 1..=end_col)
                .filter_map(|c| self.range.get_value((row, c)).map(|d| (d.clone(), c)))
                .find(|(d, _)| !matches!(d, Data::Empty))?
        } else {
            (Data::String(inline.to_string()), col)
        };
        let text = text_of(&value);
        let serial = match &value {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            Data::DateTime(dt) => Some(dt.as_f64()),
            _ => None,
        };
        let parsed = match serial {
            Some(serial) if (20_000.0..80_000.0).contains(&serial) => {
                date::from_excel_serial(serial).map(Written::Full)
            }
            // A number typed as 20260112; not 7.1 (7.10 typed as a number: its day is lost).
            Some(serial) if serial.fract() == 0.0 => {
                date::parse_filled(&text).filter(|w| matches!(w, Written::Full(_)))
            }
            Some(_) => None,
            None => date::parse_filled(&text),
        };
        if parsed.is_none() {
            diagnostics.push(Diagnostic::warning(
                "return/bad-date",
                self.at(row, at_col),
                format!(
                    "填报日期「{}」无法识别（应写成 2025年7月10日 这样的日期）",
                    excerpt(&text)
                ),
            ));
        }
        parsed.map(|written| (written, text, at_col))
    }
}

/// 佐证材料 as a list: one item per line or per ；/;.
/// Whether a 序号 cell's text is a note, not a number gone wrong: labelled 备注/说明/注, or
/// a sentence.
/// A status its progress contradicts, said: 已完成 at under 100%, or 序时推进, 滞后 or 未启动
/// at 100% (likely finished, the status not changed).
fn status_against_progress(row: &ReturnRow) -> Option<Diagnostic> {
    let (status, progress) = (row.status?, row.progress?);
    let message = match status {
        Status::Completed if progress < 100.0 => format!(
            "第 {} 项任务报“已完成”，完成进度却为 {progress}%，请核实",
            row.task
        ),
        Status::OnSchedule | Status::Lagging | Status::NotStarted if progress >= 100.0 => {
            format!(
                "第 {} 项任务报“{}”，完成进度却为 100%，请核实是否已完成",
                row.task,
                status.label()
            )
        }
        _ => return None,
    };
    Some(Diagnostic::warning(
        "return/status-progress",
        row.origin.clone(),
        message,
    ))
}

fn is_remark(text: &str) -> bool {
    let text = text.trim();
    let han = text
        .chars()
        .filter(|c| crate::base::cjk::is_han(*c))
        .count();
    ["备注", "说明", "注：", "注:"]
        .iter()
        .any(|l| text.starts_with(l))
        || han >= 8
}

fn split_list(text: &str) -> Vec<String> {
    text.split(['\n', '；', ';'])
        .map(|s| {
            s.trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '、')
                .trim()
        })
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_under_the_table_is_a_remark_not_a_bad_number() {
        assert!(is_remark("备注：第9项任务由我部与区妇工委办共同推进"));
        assert!(is_remark("第9项任务相关数据以区妇工委办报送为准"));
        assert!(!is_remark("十二"));
        assert!(!is_remark("1a"));
    }

    #[test]
    fn evidence_lists() {
        assert_eq!(
            split_list("1. 工作方案\n2. 现场照片；会议纪要"),
            ["工作方案", "现场照片", "会议纪要"]
        );
    }

    #[test]
    fn garbage_is_rejected_not_a_panic() {
        let err = super::super::read_bytes(b"PK\x03\x04 not really", "x.xlsx").unwrap_err();
        assert!(err[0].message.contains("无法读取反馈表"), "{err:?}");
    }
}
