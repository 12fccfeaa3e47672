//! The return form (反馈表): the one contract between the workbook fengong sends each unit
//! (`render::xlsx::return_form`) and the reader of what comes back (`ingest::returns`).
//!
//! Both sides take the sheet names, the columns, the key sheet's layout, the form version
//! and the task hash from here, so a change to the form is made once and a writer and reader
//! that disagree cannot be built.

use crate::base::cjk::tidy_spacing;
use crate::base::hash;

/// The hidden sheet that identifies a returned form: unit, plan, tasks and their hashes.
pub const KEY_SHEET: &str = "_fengong";

/// The visible sheet the unit fills in.
pub const FORM_SHEET: &str = "任务清单";

/// The version written into the key sheet of every form made now: 2 asks 联系人 and
/// 联系电话 once, in the header block (1 asked them on every row).
pub const VERSION: &str = "fengong-return-3";

/// The form versions the reader understands.
pub const VERSIONS_READ: &[&str] = &[VERSION, "fengong-return-2", "fengong-return-1"];

/// Key sheet rows above the task list's header hold `name | value` pairs ([`KeyField`]).
/// The header is found by its first cell ([`KEY_TASKS_HEADER`]): forms before version 3
/// had it one row higher.
pub const KEY_TASKS_HEADER_ROW: u32 = 5;
/// The first cell of the key sheet's task list header (`task | hash | row`).
pub const KEY_TASKS_HEADER: &str = "task";

/// A `name | value` pair of the key sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyField {
    /// The unit the form was issued to.
    Unit,
    /// The plan id (its 文号, or its title).
    Plan,
    /// The form version ([`VERSION`]).
    Version,
    /// Present, with [`SAMPLE_MARK`], on the shipped 示例 returns.
    Sample,
    /// The headers of the locked columns written after the form's own (责任领导 by the
    /// source's name for it, the source's extra columns), a line each: the form's, never
    /// columns the unit added.
    Shown,
}

impl KeyField {
    /// Every field, in the row order they are written.
    pub const ALL: [KeyField; 5] = [
        KeyField::Unit,
        KeyField::Plan,
        KeyField::Version,
        KeyField::Sample,
        KeyField::Shown,
    ];

    /// The name written in the key sheet's first column.
    pub fn name(self) -> &'static str {
        match self {
            KeyField::Unit => "unit",
            KeyField::Plan => "plan",
            KeyField::Version => "form",
            KeyField::Sample => "sample",
            KeyField::Shown => "shown",
        }
    }

    /// The key sheet row of the field.
    pub fn row(self) -> u32 {
        match self {
            KeyField::Unit => 0,
            KeyField::Plan => 1,
            KeyField::Version => 2,
            KeyField::Sample => 3,
            KeyField::Shown => 4,
        }
    }
}

/// The value of [`KeyField::Sample`] on the shipped 示例 returns.
pub const SAMPLE_MARK: &str = "示例";

/// A column of the form's task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// 序号.
    No,
    /// 主要事项.
    Group,
    /// 任务内容 (locked; hashed into the key).
    Content,
    /// 责任类型.
    Role,
    /// 其他责任单位.
    OtherUnits,
    /// 完成时限.
    Deadline,
    /// 量化目标.
    Targets,
    /// 完成状态 (a dropdown of [`crate::model::Status::REPORTABLE`]).
    Status,
    /// 完成进度（%）, 0–100.
    Progress,
    /// 进展情况.
    Narrative,
    /// 量化目标完成值.
    TargetValue,
    /// 存在问题.
    Problems,
    /// 佐证材料.
    Evidence,
    /// 联系人: a column of forms before version 2, read from them; now once per form
    /// ([`CONTACT_CELL`]).
    Contact,
    /// 联系电话: the same ([`PHONE_CELL`]).
    Phone,
    /// 责任领导 (locked): written after the last column, on the forms of plans that name
    /// one ([`crate::view::TaskSheet::has_person`]).
    Person,
}

impl Column {
    /// Every column the writer prints, left to right (联系人 and 联系电话 are asked once, in
    /// the header block, not on every row).
    pub const ALL: [Column; 13] = [
        Column::No,
        Column::Group,
        Column::Content,
        Column::Role,
        Column::OtherUnits,
        Column::Deadline,
        Column::Targets,
        Column::Status,
        Column::Progress,
        Column::Narrative,
        Column::TargetValue,
        Column::Problems,
        Column::Evidence,
    ];

    /// The header the writer prints.
    pub fn header(self) -> &'static str {
        match self {
            Column::No => "序号",
            Column::Group => "主要事项",
            Column::Content => "任务内容",
            Column::Role => "责任类型",
            Column::OtherUnits => "其他责任单位",
            Column::Deadline => "完成时限",
            Column::Targets => "量化目标",
            Column::Status => "完成状态",
            Column::Progress => "完成进度（%）",
            Column::Narrative => "进展情况",
            Column::TargetValue => "量化目标完成值",
            Column::Problems => "存在问题",
            Column::Evidence => "佐证材料",
            Column::Contact => "联系人",
            Column::Phone => "联系电话",
            Column::Person => "责任领导",
        }
    }

    /// Column width in Excel's character units.
    pub fn width(self) -> f64 {
        match self {
            Column::No => 6.0,
            Column::Group => 16.0,
            Column::Content => 46.0,
            Column::Role => 8.0,
            Column::OtherUnits => 22.0,
            Column::Deadline => 16.0,
            Column::Targets => 18.0,
            Column::Status => 11.0,
            Column::Progress => 10.0,
            Column::Narrative => 36.0,
            Column::TargetValue => 16.0,
            Column::Problems => 24.0,
            Column::Evidence => 20.0,
            Column::Contact => 10.0,
            Column::Phone => 14.0,
            Column::Person => 10.0,
        }
    }

    /// The 0-based column the writer puts it in (past the last for a column it no longer
    /// writes).
    pub fn index(self) -> u16 {
        Column::ALL
            .iter()
            .position(|c| *c == self)
            .unwrap_or(Column::ALL.len()) as u16
    }

    /// True for the columns the unit fills in (unlocked).
    pub fn is_input(self) -> bool {
        !matches!(
            self,
            Column::No
                | Column::Group
                | Column::Content
                | Column::Role
                | Column::OtherUnits
                | Column::Deadline
                | Column::Targets
                | Column::Person
        )
    }

    /// The column a header names, as the reader finds it: the writer's header, spaces
    /// ignored, and the wordings a unit's re-typed form or an older form uses (具体内容,
    /// 进展状态, 完成进度 without the unit …).
    pub fn recognise(header: &str) -> Option<Column> {
        let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
        let column = match h.as_str() {
            "序号" => Column::No,
            "任务内容" | "具体内容" => Column::Content,
            "完成状态" | "进展状态" => Column::Status,
            "联系人" => Column::Contact,
            _ if h.starts_with("完成进度") => Column::Progress,
            _ if h.starts_with("进展情况") => Column::Narrative,
            _ if h.starts_with("量化目标完成") => Column::TargetValue,
            _ if h.starts_with("存在问题") => Column::Problems,
            _ if h.starts_with("佐证材料") => Column::Evidence,
            _ if h.starts_with("联系电话") => Column::Phone,
            _ => return None,
        };
        Some(column)
    }
}

/// Row of the column headers (0-based); tasks start on the next row.
pub const HEADER_ROW: u32 = 3;

/// Where the unit writes its 填报日期 (row, column).
pub const DATE_CELL: (u32, u16) = (1, 9);

/// Where the unit writes its 联系人, once for the form (row, column).
pub const CONTACT_CELL: (u32, u16) = (2, 9);

/// Where the unit writes its 联系电话 (row, column).
pub const PHONE_CELL: (u32, u16) = (2, 11);

/// Excel's limit on the characters of one cell.
pub const CELL_LIMIT: usize = 32_767;

/// The hash of a task's text as the form prints it, which the key sheet carries and the
/// reader compares with the text it finds: spacing is tidied first on both sides, so a form
/// re-saved by WPS or LibreOffice (which may collapse spaces) still matches.
pub fn task_hash(content: &str) -> String {
    hash::short_hex(tidy_spacing(content).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_the_writer_prints_reads_back_where_the_reader_needs_it() {
        for column in Column::ALL {
            let read = Column::recognise(column.header());
            match column {
                // Task columns other than 序号 and 任务内容 are not read back: they are the plan's.
                Column::Group
                | Column::Role
                | Column::OtherUnits
                | Column::Deadline
                | Column::Targets => {
                    assert_eq!(read, None, "{column:?}")
                }
                _ => assert_eq!(read, Some(column), "{column:?}"),
            }
        }
        assert_eq!(Column::recognise(" 完成 状态 "), Some(Column::Status));
        assert_eq!(
            Column::ALL.len(),
            Column::ALL.iter().map(|c| c.index()).max().unwrap() as usize + 1
        );
    }

    #[test]
    fn task_hash_ignores_spacing_the_reader_may_see_collapsed() {
        assert_eq!(
            task_hash("推进 嘉定新城  建设"),
            task_hash("推进 嘉定新城 建设")
        );
        assert_ne!(task_hash("推进嘉定新城建设"), task_hash("推进嘉定新城规划"));
        assert_eq!(task_hash("x").len(), 16);
    }

    #[test]
    fn the_first_input_column_is_the_status() {
        assert!(!Column::Targets.is_input());
        assert!(Column::Status.is_input());
        assert!(Column::Phone.is_input());
        assert!(Column::Evidence.is_input());
        assert_eq!(
            Column::ALL.len(),
            13,
            "联系人/联系电话 are asked once, not per row"
        );
    }
}
