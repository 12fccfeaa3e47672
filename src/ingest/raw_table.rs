//! The 任务分工表 as rows, before any meaning is given to them. Text and spreadsheet readers
//! both produce a [`RawTable`]; `units`, `deadline` and `assemble` turn it into tasks.

use crate::base::diag::Location;

/// The columns a 分工表 may have, found by their header names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// 主要事项 / 工作类别 / 重点领域: the group label.
    Group,
    /// 序号 / 编号.
    No,
    /// 具体内容 / 工作任务 / 重点任务 / 任务内容 / 工作内容.
    Content,
    /// 责任单位 / 责任部门: lead first, then support.
    Units,
    /// 牵头单位.
    Lead,
    /// 配合单位 / 协同单位.
    Support,
    /// 完成时限 / 时间节点 / 完成时间.
    Deadline,
}

impl Column {
    /// The column a header cell names, if any.
    pub fn from_header(cell: &str) -> Option<Column> {
        let name: String = cell
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '<' | '>' | '/'))
            .collect();
        let name = name.trim_end_matches(['：', ':']);
        Some(match name {
            "主要事项" | "工作类别" | "重点领域" | "类别" | "领域" | "主要任务" | "重点工作" => {
                Column::Group
            }
            "序号" | "编号" | "任务编号" | "序" => Column::No,
            "具体内容" | "工作任务" | "重点任务" | "任务内容" | "工作内容" | "具体任务"
            | "工作措施" | "主要内容" => Column::Content,
            "责任单位" | "责任部门" | "责任主体" | "实施单位" => Column::Units,
            "牵头单位" | "牵头部门" => Column::Lead,
            "配合单位" | "协同单位" | "配合部门" | "协办单位" => Column::Support,
            "完成时限" | "时间节点" | "完成时间" | "时限" | "完成期限" | "时间安排" => {
                Column::Deadline
            }
            _ => return None,
        })
    }
}

/// Which column of a row holds what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderMap {
    /// (column, index in the row) pairs.
    pub columns: Vec<(Column, usize)>,
}

impl HeaderMap {
    /// Reads a header row; it must name a number column and a content column, and some
    /// way of giving units.
    pub fn detect<S: AsRef<str>>(cells: &[S]) -> Option<HeaderMap> {
        let mut columns = Vec::new();
        for (index, cell) in cells.iter().enumerate() {
            if let Some(column) = Column::from_header(cell.as_ref())
                && !columns.iter().any(|(c, _)| *c == column)
            {
                columns.push((column, index));
            }
        }
        let map = HeaderMap { columns };
        let has = |c| map.index(c).is_some();
        let has_units = has(Column::Units) || has(Column::Lead);
        (has(Column::No) && has(Column::Content) && has_units).then_some(map)
    }

    /// Where `column` is.
    pub fn index(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }

    /// The cell of `column` in `cells`, trimmed; empty when absent.
    pub fn get<'a, S: AsRef<str>>(&self, cells: &'a [S], column: Column) -> &'a str {
        self.index(column)
            .and_then(|i| cells.get(i))
            .map(|s| s.as_ref().trim())
            .unwrap_or("")
    }
}

/// A table read from a source, row by row, with every row's place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTable {
    /// The title above the table.
    pub title: Option<String>,
    /// Where the header is.
    pub origin: Option<Location>,
    /// How many times the header was repeated (page breaks).
    pub repeated_headers: u32,
    /// The rows, in order.
    pub rows: Vec<RawRow>,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// What the row is.
    pub kind: RowKind,
    /// Where it is.
    pub origin: Location,
}

/// What a row holds.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// A section row spanning the table: 一、….
    Section {
        /// The numeral: 一.
        numeral: String,
        /// The title after 、.
        title: String,
    },
    /// A 主要事项 label on a row of its own.
    Label(String),
    /// A task.
    Task(Box<RawTask>),
}

/// The cells of a task row, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTask {
    /// The 主要事项 cell on this row (a label, or the merged group cell), if any.
    pub label: Option<String>,
    /// 序号 as written.
    pub no: String,
    /// 具体内容.
    pub content: String,
    /// 责任单位 (lead first).
    pub units: String,
    /// 牵头单位, when the table has that column.
    pub lead: Option<String>,
    /// 配合单位, when the table has that column.
    pub support: Option<String>,
    /// 完成时限.
    pub deadline: Option<String>,
    /// Where the content cell is (for spreadsheets: a finer place than the row).
    pub content_origin: Option<Location>,
    /// Where the units cell is.
    pub units_origin: Option<Location>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_seed_header_and_synonyms() {
        let map = HeaderMap::detect(&["主要事项", "序号", "具体内容", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Group), Some(0));
        assert_eq!(map.index(Column::Units), Some(3));
        let map =
            HeaderMap::detect(&["编号", " 工作任务 ", "牵头单位", "配合单位", "完成时限"]).unwrap();
        assert_eq!(map.index(Column::Lead), Some(2));
        assert_eq!(map.index(Column::Deadline), Some(4));
        assert_eq!(
            map.get(&["1", "x", "区教育局 ", "", ""], Column::Lead),
            "区教育局"
        );
    }

    #[test]
    fn a_header_needs_number_content_and_units() {
        assert!(HeaderMap::detect(&["序号", "具体内容"]).is_none());
        assert!(HeaderMap::detect(&["具体内容", "责任单位"]).is_none());
        assert!(HeaderMap::detect(&["姓名", "电话"]).is_none());
    }
}
