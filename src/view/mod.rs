//! Views: what templates and renderers see, built from the plan and the report. Templates
//! depend on these field names, not on the model's.

mod evaluation;

pub use evaluation::{
    Chart, ChartBar, EvaluationView, FileLine, PacketTask, PacketView, StatusCount, StatusRow,
    TargetLine, TaskLine, UnitLine, percent, series_color, status_color, task_line,
};

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::base::cjk::{
    LINE_BREAK, chinese_numeral, in_full_width, joined_as_written, printed_lines, tidy_spacing,
};
use crate::base::diag::{Diagnostic, Location, Severity};
use crate::checks::Report;
use crate::model::{Plan, Role, TableColumn};

/// The 校对报告.
#[derive(Debug, Serialize)]
pub struct AuditView {
    /// 发文字号.
    pub doc_number: Option<String>,
    /// The notice's title.
    pub notice_title: Option<String>,
    /// The plan's title.
    pub plan_title: Option<String>,
    /// The sources read.
    pub sources: Vec<String>,
    /// Sizes and finding counts.
    pub counts: AuditCounts,
    /// Findings by category, in report order; empty categories are left out.
    pub categories: Vec<AuditCategory>,
    /// Corrections from the config that publishing applied.
    pub corrections: Vec<CorrectionView>,
}

/// Sizes of the plan and counts of findings.
#[derive(Debug, Serialize)]
pub struct AuditCounts {
    /// Tasks.
    pub tasks: usize,
    /// Sections.
    pub sections: usize,
    /// Groups.
    pub groups: usize,
    /// Units with tasks.
    pub units: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

/// One category of findings.
#[derive(Debug, Serialize)]
pub struct AuditCategory {
    /// 一, 二, …
    pub numeral: String,
    /// Its title.
    pub title: &'static str,
    /// Its findings.
    pub findings: Vec<FindingView>,
}

/// One finding, worded for people.
#[derive(Debug, Serialize)]
pub struct FindingView {
    /// 错误 / 警告 / 提示.
    pub severity: &'static str,
    /// The stable code.
    pub code: String,
    /// `input/x.md:123`.
    pub place: String,
    /// `x.md 第 123 行` or `x.xlsx 工作表「S」C7 单元格`.
    pub place_text: String,
    /// The message.
    pub message: String,
    /// The hints.
    pub hints: Vec<String>,
}

/// A correction as the audit lists it.
#[derive(Debug, Serialize)]
pub struct CorrectionView {
    /// Task number.
    pub task: u32,
    /// Content before, when changed.
    pub content_was: Option<String>,
    /// Content now.
    pub content: String,
    /// Units before, when changed.
    pub units_was: Option<String>,
    /// Units now.
    pub units: String,
    /// 完成时限 before, when changed.
    pub deadline_was: Option<String>,
    /// 完成时限 now.
    pub deadline: String,
    /// The user's reason.
    pub reason: Option<String>,
    /// Where the correction is in the config.
    pub place: String,
}

/// Categories by code prefix, in the order the report shows them.
const CATEGORIES: &[(&str, &[&str])] = &[
    ("输入与配置", &["input", "config"]),
    ("通知", &["notice"]),
    ("任务结构", &["structure", "table"]),
    (
        "分组与主要事项",
        &["group", "prose/order", "prose/task-spans-groups"],
    ),
    ("分工表文字与正文", &["text", "prose"]),
    ("方案与完成时限", &["plan"]),
    ("责任单位", &["unit"]),
    (
        "未读入的原文",
        &["source", "word", "xlsx", "table/after-table"],
    ),
    // Any code no category above names: listed, never filed under another heading.
    ("其他", &[]),
];

fn category_of(code: &str) -> usize {
    // The longest matching prefix wins (prose/order before prose).
    let mut best = (0, CATEGORIES.len() - 1);
    for (i, (_, prefixes)) in CATEGORIES.iter().enumerate() {
        for prefix in *prefixes {
            let matches = code == *prefix || code.starts_with(&format!("{prefix}/"));
            if matches && prefix.len() > best.0 {
                best = (prefix.len(), i);
            }
        }
    }
    best.1
}

/// True for the Word documents fengong reads (tables are named 表1, 表2 … there).
fn is_word(path: &str) -> bool {
    let lower = path.to_lowercase();
    [".docx", ".doc", ".wps", ".odt", ".rtf"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Where, in words: `x.md 第 123 行`.
pub fn place_text(location: &Location) -> String {
    match location {
        Location::Line { path, line } => format!("{path} 第 {line} 行"),
        Location::Cell { path, sheet, cell } if is_word(path) => {
            format!(
                "{path} {sheet}（第 {} 个表格）{cell} 单元格",
                sheet.trim_start_matches('表')
            )
        }
        Location::Cell { path, sheet, cell } => format!("{path} 工作表「{sheet}」{cell} 单元格"),
        Location::Paragraph { path, index } => format!("{path} 第 {index} 段"),
        Location::Sheet { path, sheet } => format!("{path} 工作表「{sheet}」"),
        Location::File { path } => path.clone(),
    }
}

fn finding(d: &Diagnostic) -> FindingView {
    FindingView {
        severity: d.severity.label(),
        code: d.code.clone(),
        place: d.location.to_string(),
        place_text: place_text(&d.location),
        message: d.message.clone(),
        hints: d.hints.clone(),
    }
}

impl AuditView {
    /// The audit of `plan` with the findings of `report`.
    pub fn new(plan: &Plan, report: &Report) -> AuditView {
        let mut buckets: Vec<Vec<FindingView>> = CATEGORIES.iter().map(|_| Vec::new()).collect();
        for d in &report.diagnostics {
            buckets[category_of(&d.code)].push(finding(d));
        }
        let categories = CATEGORIES
            .iter()
            .zip(buckets)
            .filter(|(_, findings)| !findings.is_empty())
            .enumerate()
            .map(|(i, ((title, _), findings))| AuditCategory {
                numeral: chinese_numeral(i as u32 + 1),
                title,
                findings,
            })
            .collect();
        let corrections = plan
            .tasks
            .iter()
            .filter_map(|t| {
                let c = t.correction.as_ref()?;
                Some(CorrectionView {
                    task: t.no,
                    content_was: c.content_was.clone(),
                    content: t.content.clone(),
                    units_was: c.units_was.clone(),
                    units: t.units_text.clone(),
                    deadline_was: c.deadline_was.clone(),
                    deadline: sheet_deadline(t),
                    reason: c.reason.clone(),
                    place: place_text(&c.origin),
                })
            })
            .collect();
        AuditView {
            doc_number: plan.notice.doc_number.clone(),
            notice_title: plan.notice.title.clone(),
            plan_title: plan.title.clone(),
            sources: plan.sources.clone(),
            counts: AuditCounts {
                tasks: plan.tasks.len(),
                sections: plan.sections.len(),
                groups: plan.groups().count(),
                units: plan.units.len(),
                errors: report.count(Severity::Error),
                warnings: report.count(Severity::Warning),
                notes: report.count(Severity::Note),
            },
            categories,
            corrections,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(holds: &[TableColumn]) -> Vec<TableColumnView> {
        holds
            .iter()
            .map(|&holds| TableColumnView {
                heading: String::new(),
                over: String::new(),
                kind: "text",
                holds,
                extra_at: None,
            })
            .collect()
    }

    fn order_of(columns: Vec<TableColumnView>) -> Vec<TableColumn> {
        columns.into_iter().map(|c| c.holds).collect()
    }

    #[test]
    fn targets_are_joined_as_the_task_joins_them() {
        let targets = |content: &str| {
            let found = crate::ingest::targets::extract(content);
            targets_as_written(content, &found)
        };
        assert_eq!(
            targets("城乡居民人均可支配收入分别增长6%、6.5%。"),
            "城乡居民人均可支配收入分别增长6%、6.5%"
        );
        let two = targets("新增公办托育园4个，建成社区托育点10个。");
        assert!(two.contains('；'), "{two}");
    }

    #[test]
    fn columns_print_in_the_sources_order_the_group_where_it_stands() {
        use TableColumn::*;
        // 类别 after 序号 in the source; 责任领导 and 完成时限 before the units.
        let source = [
            No,
            Group,
            Content,
            Person,
            Deadline,
            Lead,
            Support,
            Extra(0),
        ];
        let usual = printed(&[
            Group,
            No,
            Content,
            Lead,
            Support,
            Deadline,
            Person,
            Extra(0),
        ]);
        assert_eq!(
            order_of(in_source_order(usual, &source)),
            [
                No,
                Group,
                Content,
                Person,
                Deadline,
                Lead,
                Support,
                Extra(0)
            ]
        );
        // One units column printed for a 牵头 column with a 责任单位 column left of it.
        let source = [No, Content, Support, Lead];
        let usual = printed(&[No, Content, Units]);
        assert_eq!(
            order_of(in_source_order(usual, &source)),
            [No, Content, Units]
        );
        // A deadline the source has no column for follows the column printed before it.
        let source = [Content, Person, Units];
        let usual = printed(&[No, Content, Units, Deadline, Person]);
        assert_eq!(
            order_of(in_source_order(usual, &source)),
            [No, Content, Person, Units, Deadline]
        );
        // No header (inline duties): the usual order.
        let usual = printed(&[No, Content, Lead, Support, Deadline]);
        assert_eq!(
            order_of(in_source_order(usual, &[])),
            [No, Content, Lead, Support, Deadline]
        );
    }

    #[test]
    fn a_units_cell_over_lines_reads_as_one_list() {
        assert_eq!(one_line_list("区财政局\n区税务局"), "区财政局、区税务局");
        assert_eq!(one_line_list("区财政局、\n区税务局"), "区财政局、区税务局");
        assert_eq!(one_line_list("区教育局"), "区教育局");
        assert_eq!(
            one_line_list("县教体局 各相关乡镇政府"),
            "县教体局、各相关乡镇政府"
        );
    }

    #[test]
    fn a_bare_category_after_its_unit_reads_as_deng() {
        let mut names = vec!["区水务局".to_string(), "区国投公司".to_string()];
        let phrases = ["部门".to_string(), "各有关单位".to_string()];
        with_phrases(
            &mut names,
            &phrases,
            "区水务局等部门，区国投公司，各有关单位",
        );
        assert_eq!(names, ["区水务局等部门", "区国投公司", "各有关单位"]);
    }

    #[test]
    fn extra_values_join_as_clauses() {
        let parts = ["已进场施工。".to_string(), "二季度：完成60%。".to_string()];
        assert_eq!(joined_as_clauses(&parts), "已进场施工；二季度：完成60%。");
    }

    #[test]
    fn a_phrase_keeps_its_place_among_the_names() {
        let mut names = vec!["各乡镇人民政府".to_string()];
        with_phrases(
            &mut names,
            &["县直各有关单位".to_string()],
            "县直各有关单位,各乡镇人民政府",
        );
        assert_eq!(names, ["县直各有关单位", "各乡镇人民政府"]);
        // A piece the source was cut in (区) stands where it was cut, not in the first name.
        let mut names = vec!["区财政局".to_string(), "区统计局".to_string()];
        with_phrases(&mut names, &["区".to_string()], "区财政局、区统计局、区");
        assert_eq!(names, ["区财政局", "区统计局", "区"]);
    }

    #[test]
    fn codes_fall_into_categories() {
        assert_eq!(CATEGORIES[category_of("notice/no-date")].0, "通知");
        assert_eq!(CATEGORIES[category_of("prose/order")].0, "分组与主要事项");
        assert_eq!(
            CATEGORIES[category_of("prose/task-not-found")].0,
            "分工表文字与正文"
        );
        assert_eq!(CATEGORIES[category_of("unit/alias")].0, "责任单位");
        assert_eq!(CATEGORIES[category_of("table/stray-line")].0, "任务结构");
        assert_eq!(CATEGORIES[category_of("whatever")].0, "其他");
        assert_eq!(CATEGORIES[category_of("source/unused")].0, "未读入的原文");
        assert_eq!(
            CATEGORIES[category_of("word/after-table")].0,
            "未读入的原文"
        );
        assert_eq!(
            CATEGORIES[category_of("plan/no-deadline")].0,
            "方案与完成时限"
        );
    }
}

/// The 任务分工表 as documents print it: sections, groups with continuous （N） labels from the
/// prose, tasks with canonical unit names. Spaces OCR put between Chinese and digits
/// (`等 6 个项目`) are not printed; the model keeps the text as written.
#[derive(Debug, Clone, Serialize)]
pub struct TaskTableView {
    /// Title above the table.
    pub title: String,
    /// Whether the table prints 牵头单位 and 配合单位 apart, as the source gives them, instead
    /// of one 责任单位 column.
    pub roles_apart: bool,
    /// The headers of those two columns: the source's own names (主责单位, 协同单位, 责任单位
    /// beside 牵头单位 …), or 牵头单位 and 配合单位.
    pub lead_heading: String,
    /// See [`TaskTableView::lead_heading`].
    pub support_heading: String,
    /// The header of a 责任单位 column the source sets beside its 牵头 and 配合 ones, when
    /// it does: printed as a column of its own.
    pub responsible_heading: Option<String>,
    /// The header of the 主要事项 column, as the source names it.
    pub group_heading: String,
    /// The header of the number column: 序号, in the source's script (序號).
    pub no_heading: String,
    /// The header of the content column: the source's (工作任务, 重点事项), or 具体内容.
    pub content_heading: String,
    /// The header of the one units column (when roles are not apart): the source's, or
    /// 责任单位.
    pub units_heading: String,
    /// Whether the table prints its 主要事项 column: only when some group has a title (a
    /// column of bare （一）（二） would be numbering the source never wrote).
    pub grouped: bool,
    /// Columns after 责任单位, as the source had them: 完成时限 (as written) when any task
    /// has one, 责任领导 when any task names one, then the columns fengong does not read
    /// (备注 …). Empty for most plans.
    pub extra_columns: Vec<String>,
    /// The layout kind of each extra column (`date`, `other`, `text`: see
    /// [`crate::render::ColumnKind::parse`]).
    pub extra_kinds: Vec<&'static str>,
    /// Every column in the order it prints, the source's (see
    /// [`TableTaskView::cells`]); the fields above serve templates written before it.
    pub columns: Vec<TableColumnView>,
    /// The names merged over the columns ([`TableColumnView::over`]) as a table's `over`
    /// attribute writes them, a column's after each `|`; empty when the header has no band.
    pub bands: String,
    /// Sections in order.
    pub sections: Vec<TableSectionView>,
    /// The notes the source prints under its table (注：…), printed under it.
    pub notes: Vec<String>,
}

impl TaskTableView {
    /// A part of the table printed as an attachment of its own (附件2 of a plan whose 附件1
    /// groups its tasks): its 主要事项 column only where its own groups have titles.
    fn without_unused_group_column(&mut self) {
        let labelled = (self.sections.iter())
            .flat_map(|s| &s.groups)
            .any(|g| !g.label.trim().is_empty());
        let Some(at) = (self.columns.iter()).position(|c| c.holds == TableColumn::Group) else {
            return;
        };
        if labelled {
            return;
        }
        self.grouped = false;
        self.columns.remove(at);
        self.bands = bands_attribute(&self.columns);
        for task in (self.sections.iter_mut())
            .flat_map(|s| &mut s.groups)
            .flat_map(|g| &mut g.tasks)
        {
            if at < task.cells.len() {
                task.cells.remove(at);
            }
        }
    }

    /// Numbers the tasks it holds 1, 2, 3 … from its first, in the 序号 cells too.
    fn number_from_one(&mut self) {
        let tasks = || {
            self.sections
                .iter()
                .flat_map(|s| &s.groups)
                .flat_map(|g| &g.tasks)
        };
        let Some(first) = tasks().map(|t| t.no).min() else {
            return;
        };
        let no_at = self.columns.iter().position(|c| c.holds == TableColumn::No);
        for task in self
            .sections
            .iter_mut()
            .flat_map(|s| &mut s.groups)
            .flat_map(|g| &mut g.tasks)
        {
            task.no = task.no + 1 - first;
            if let Some(cell) = no_at.and_then(|at| task.cells.get_mut(at)) {
                *cell = task.no.to_string();
            }
        }
    }
}

/// A section of the table.
#[derive(Debug, Clone, Serialize)]
pub struct TableSectionView {
    /// 一、… as printed.
    pub heading: String,
    /// What a section without tasks says (一、总体目标 and its targets), printed under its
    /// heading rather than leaving it an empty band when no notice prints it; empty for a
    /// section with tasks. One entry per paragraph, each printed as a row of its own: a
    /// table cell in Markdown cannot hold a line break, and items run together read as one.
    pub intro: Vec<String>,
    /// Its groups.
    pub groups: Vec<TableGroupView>,
}

/// A group of the table.
#[derive(Debug, Clone, Serialize)]
pub struct TableGroupView {
    /// （一）推动… as printed.
    pub label: String,
    /// Its tasks.
    pub tasks: Vec<TableTaskView>,
}

/// A task row.
#[derive(Debug, Clone, Serialize)]
pub struct TableTaskView {
    /// 序号.
    pub no: u32,
    /// 具体内容.
    pub content: String,
    /// 责任单位 as printed.
    pub units: String,
    /// 牵头单位, when [`TaskTableView::roles_apart`].
    pub lead: String,
    /// 配合单位 (and phrases such as 各有关部门), when [`TaskTableView::roles_apart`].
    pub support: String,
    /// The units of a 责任单位 column beside both (see
    /// [`TaskTableView::responsible_heading`]).
    pub responsible: String,
    /// Its values of [`TaskTableView::extra_columns`].
    pub extra: Vec<String>,
    /// Its cell in each of [`TaskTableView::columns`]: the group's label in the 主要事项
    /// column on its first row only.
    pub cells: Vec<String>,
}

/// The most characters of a line in an extra column laid out as short values, not text.
const SHORT_VALUE: usize = 10;

/// A column printed after the units: its header, its layout kind and what it holds.
type ExtraColumn = (String, &'static str, TableColumn);

/// The columns printed after 责任单位 and each task's values in them: 完成时限 as written when
/// any task has one, 责任领导 when any task names one, then the source's extra columns.
fn extra_columns(
    plan: &Plan,
) -> (
    Vec<ExtraColumn>,
    impl Fn(&crate::model::Task) -> Vec<String>,
) {
    let deadline = plan.tasks.iter().any(|t| t.deadline_text.is_some());
    let person = plan.tasks.iter().any(|t| t.person.is_some());
    let mut columns = Vec::new();
    if deadline {
        let heading = named(&plan.table.deadline_column, "完成时限");
        columns.push((heading, "date", TableColumn::Deadline));
    }
    if person {
        let heading = person_heading(plan);
        // Names (副县长 李红梅): a line breaks between them, never inside one.
        columns.push((heading, "lead", TableColumn::Person));
    }
    // A column of short values (一季度: 签约80%, 责任人: 孙科长) takes the width they need;
    // one of sentences (备注, 具体措施) grows with the content.
    let longest = |n: usize| {
        (plan.tasks.iter())
            .filter_map(|t| t.extra.get(n))
            .flat_map(|cell| cell.lines())
            .map(|line| line.trim().chars().count())
            .max()
            .unwrap_or(0)
    };
    columns.extend((plan.table.extra_columns.iter().enumerate()).map(|(n, c)| {
        let kind = if longest(n) <= SHORT_VALUE {
            "other"
        } else {
            "text"
        };
        (c.clone(), kind, TableColumn::Extra(n))
    }));
    let width = plan.table.extra_columns.len();
    let values = move |t: &crate::model::Task| {
        let mut values = Vec::new();
        if deadline {
            values.push(deadline_as_written(t).unwrap_or_default());
        }
        if person {
            values.push(t.person.clone().unwrap_or_default());
        }
        values.extend((0..width).map(|i| lines_joined(t.extra.get(i).map_or("", String::as_str))));
        values
    };
    (columns, values)
}

/// A column of the printed 任务分工表.
#[derive(Debug, Clone, Serialize)]
pub struct TableColumnView {
    /// Its header: the source's words, or the usual ones.
    pub heading: String,
    /// The name the source's two-row header merges over it and its neighbours (阶段目标
    /// over 6月底前 | 12月底前), printed above their headings; empty for most columns.
    pub over: String,
    /// How it is laid out (`group`, `no`, `content`, `units`, `date`, `other`, `text`: see
    /// [`crate::render::ColumnKind::parse`]).
    pub kind: &'static str,
    /// What it holds.
    #[serde(skip)]
    pub holds: TableColumn,
    /// Where its values sit in [`TableTaskView::extra`], for a column printed after the units
    /// by the older templates.
    #[serde(skip)]
    extra_at: Option<usize>,
}

impl TableColumnView {
    /// Task `task`'s cell in this column; `first` when the task opens its group (whose label
    /// the 主要事项 cell carries once).
    fn cell(&self, task: &TableTaskView, label: &str, first: bool) -> String {
        match self.holds {
            TableColumn::Group if first => label.to_string(),
            TableColumn::Group => String::new(),
            TableColumn::No => task.no.to_string(),
            TableColumn::Content => task.content.clone(),
            TableColumn::Lead => task.lead.clone(),
            TableColumn::Support => task.support.clone(),
            TableColumn::Responsible => task.responsible.clone(),
            TableColumn::Units => task.units.clone(),
            TableColumn::Deadline | TableColumn::Person | TableColumn::Extra(_) => self
                .extra_at
                .and_then(|i| task.extra.get(i).cloned())
                .unwrap_or_default(),
        }
    }
}

/// The table's columns in the order the source's header sets them (序号 | 重点工作 | 责任领导
/// | 责任单位 keeps its leader third; 序号 | 类别 its 类别 second, merged down its group's rows).
/// A column the source has no place for (完成时限 read from the content; 主要事项 from the
/// prose: first) follows the one printed before it.
fn in_source_order(columns: Vec<TableColumnView>, order: &[TableColumn]) -> Vec<TableColumnView> {
    if order.is_empty() {
        return columns;
    }
    let at = |c: TableColumn| order.iter().position(|o| *o == c);
    let mut previous = 0;
    let mut keyed: Vec<((usize, usize), TableColumnView)> = Vec::new();
    for (i, column) in columns.into_iter().enumerate() {
        let own = match column.holds {
            TableColumn::Units => [TableColumn::Units, TableColumn::Lead, TableColumn::Support]
                .into_iter()
                .filter_map(at)
                .min(),
            TableColumn::Lead => at(TableColumn::Lead).or(at(TableColumn::Units)),
            TableColumn::Support => at(TableColumn::Support).or(at(TableColumn::Units)),
            other => at(other),
        };
        previous = own.unwrap_or(previous);
        let key = (previous, i);
        keyed.push((key, column));
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, column)| column).collect()
}

/// The `over` attribute of a table whose header has bands: each column's band name, joined
/// by `|`; empty when no column has one.
fn bands_attribute(columns: &[TableColumnView]) -> String {
    if columns.iter().all(|c| c.over.is_empty()) {
        return String::new();
    }
    (columns.iter())
        .map(|c| c.over.replace(['|', '"'], ""))
        .collect::<Vec<_>>()
        .join("|")
}

/// A units cell written over lines (区财政局⏎区税务局) on one line, its lines joined by 、
/// where the line does not already end in a separator.
fn one_line_list(cell: &str) -> String {
    // Units a cell set apart by spaces (县教体局 各相关乡镇政府) are as many names as
    // those on lines of their own: the reader split them so.
    let mut out = String::new();
    for name in cell.split_whitespace() {
        if !out.is_empty() && !out.ends_with(['、', '，', ',', '；', ';']) {
            out.push('、');
        }
        out.push_str(name);
    }
    tidy_spacing(&out)
}

/// Whether any group of `plan` has a title: else the 主要事项 column is left out.
pub fn has_group_titles(plan: &Plan) -> bool {
    plan.sections
        .iter()
        .flat_map(|s| s.groups.iter())
        .any(|g| !g.title.trim().is_empty())
}

/// Whether a unit's sheet shows each task's 主要事项: some group has a title, or the plan is
/// parted (一、二、 with titles) — a unit's tasks come from several parts, and a sheet
/// without them loses where each stands in the plan.
fn sheet_names_groups(plan: &Plan) -> bool {
    let titled_parts = (plan.sections.iter())
        .filter(|s| !s.title.trim().is_empty())
        .count();
    has_group_titles(plan) || titled_parts >= 2
}

/// `sections` with a band titling each further table read into the table over sections of
/// its own (附件2 重点任务分解表 over 一、扩大有效投资), before the section of its first task.
fn with_part_titles(
    mut sections: Vec<TableSectionView>,
    parts: &[crate::model::TablePart],
) -> Vec<TableSectionView> {
    for part in parts.iter().rev() {
        let opening = sections.iter().position(|s| {
            let first = s.groups.iter().flat_map(|g| g.tasks.first()).next();
            first.is_some_and(|t| t.no == part.first_task)
        });
        if let Some(at) = opening {
            let band = TableSectionView {
                heading: part.title.clone(),
                intro: Vec::new(),
                groups: Vec::new(),
            };
            sections.insert(at, band);
        }
    }
    sections
}

impl TaskTableView {
    /// The table of `plan`.
    pub fn new(plan: &Plan) -> TaskTableView {
        let (extra_columns, extra_of) = extra_columns(plan);
        let sections = plan
            .sections
            .iter()
            .flat_map(|s| bands(table_section(plan, s, &extra_of), s, plan))
            .collect();
        let sections = with_part_titles(sections, &plan.table.parts);
        let extra_holds = extra_columns.iter().map(|(_, _, holds)| *holds).collect();
        let (extra_columns, extra_kinds) = extra_columns
            .into_iter()
            .map(|(heading, kind, _)| (heading, kind))
            .unzip();
        let mut view = TaskTableView {
            title: table_title(plan),
            roles_apart: plan.table.roles_apart,
            lead_heading: lead_heading(plan),
            support_heading: named(&plan.table.support_column, "配合单位"),
            responsible_heading: responsible_heading(plan),
            group_heading: named(&plan.table.group_column, "主要事项"),
            no_heading: (plan.table.header.iter())
                .map(|h| h.trim())
                .find(|h| crate::base::cjk::simplified_text(h) == "序号")
                .unwrap_or("序号")
                .to_string(),
            content_heading: named(&plan.table.content_column, "具体内容"),
            units_heading: units_heading(&plan.table),
            grouped: has_group_titles(plan),
            extra_columns,
            extra_kinds,
            columns: Vec::new(),
            bands: String::new(),
            sections,
            notes: (plan.table.notes.iter())
                .map(|note| tidy_spacing(&note.text))
                .collect(),
        };
        view.columns = in_source_order(view.printed_columns(extra_holds), &plan.table.column_order);
        for column in &mut view.columns {
            column.over = (plan.table.band_over(column.holds))
                .unwrap_or_default()
                .to_string();
        }
        view.bands = bands_attribute(&view.columns);
        view.fill_cells();
        view
    }

    /// The columns it prints, in the usual order: 主要事项 (when grouped), 序号, the content,
    /// the units (one column, or 牵头 and 配合), then the extra columns, which hold
    /// `extra_holds`.
    fn printed_columns(&self, extra_holds: Vec<TableColumn>) -> Vec<TableColumnView> {
        let column = |heading: &str, kind, holds| TableColumnView {
            heading: heading.to_string(),
            over: String::new(),
            kind,
            holds,
            extra_at: None,
        };
        let mut columns = Vec::new();
        if self.grouped {
            columns.push(column(&self.group_heading, "group", TableColumn::Group));
        }
        columns.push(column(&self.no_heading, "no", TableColumn::No));
        columns.push(column(
            &self.content_heading,
            "content",
            TableColumn::Content,
        ));
        if self.roles_apart {
            columns.push(column(&self.lead_heading, "units", TableColumn::Lead));
            columns.push(column(&self.support_heading, "units", TableColumn::Support));
            if let Some(heading) = &self.responsible_heading {
                columns.push(column(heading, "units", TableColumn::Responsible));
            }
        } else {
            columns.push(column(&self.units_heading, "units", TableColumn::Units));
        }
        let extras = self.extra_columns.iter().zip(&self.extra_kinds);
        for (i, ((heading, kind), holds)) in extras.zip(extra_holds).enumerate() {
            columns.push(TableColumnView {
                extra_at: Some(i),
                ..column(heading, kind, holds)
            });
        }
        columns
    }

    /// Sets every task's [`TableTaskView::cells`] from [`TaskTableView::columns`].
    fn fill_cells(&mut self) {
        let columns = &self.columns;
        for group in self.sections.iter_mut().flat_map(|s| s.groups.iter_mut()) {
            let label = group.label.clone();
            for (i, task) in group.tasks.iter_mut().enumerate() {
                task.cells = columns
                    .iter()
                    .map(|c| c.cell(task, &label, i == 0))
                    .collect();
            }
        }
    }
}

/// The table's title: the source's, or the plan's name. A plan that is itself the division
/// of work (…责任分工方案, …任务分解) names its table; any other gets 任务分工表 after its name.
fn table_title(plan: &Plan) -> String {
    // A plan that is itself a list of tasks (…任务清单, …工作台账) names its table already.
    let named = plan.title.as_ref().map(|t| {
        if t.contains("分工") || t.contains("分解") || crate::model::names_a_table(t) {
            t.clone()
        } else if t.ends_with("任务") {
            // …目标任务 is named 目标任务分工表, its 任务 not said twice.
            format!("{t}分工表")
        } else {
            format!("{t}任务分工表")
        }
    });
    let title = (plan.table.title.clone())
        .or(named)
        .unwrap_or_else(|| "任务分工表".into());
    // 桑珠孜区:同谱… prints its colon full-width, as the plan's text does.
    in_full_width(&title).into_owned()
}

/// Section `s` of the table, each task's cells after the units given by `extra_of`.
fn table_section(
    plan: &Plan,
    s: &crate::model::Section,
    extra_of: &impl Fn(&crate::model::Task) -> Vec<String>,
) -> TableSectionView {
    // Only where no notice prints the plan's text: its attachment (or, issued as itself,
    // its body) does, and the table is the work's, not the aims'.
    let intro = if s.groups.iter().all(|g| g.tasks.is_empty()) && !plan.notice.is_made() {
        (s.intro.iter())
            .flat_map(|p| printed_lines(&p.text))
            .map(|line| in_full_width(&line).into_owned())
            .collect()
    } else {
        Vec::new()
    };
    // Without a 责任单位 column of its own, the units the 责任单位 column listed after its
    // lead (责任单位 | 配合单位) print where the source wrote them.
    let responsible_apart = responsible_heading(plan).is_some();
    let lead_names = |t: &crate::model::Task| {
        let mut names = names_shown(t, Role::Lead, "");
        if !responsible_apart {
            names.extend(names_shown(t, Role::Responsible, ""));
        }
        names
    };
    let task_row = |t: &crate::model::Task| TableTaskView {
        no: t.no,
        content: crate::base::cjk::tidy_lines(&t.content),
        units: cut_marked(&one_line_list(&t.units_display), &t.name_fragments),
        lead: joined_as_written(&lead_names(t), &t.units_text),
        support: joined_as_written(&names_shown(t, Role::Support, ""), &t.units_text),
        responsible: joined_as_written(&names_shown(t, Role::Responsible, ""), &t.units_text),
        extra: extra_of(t),
        cells: Vec::new(),
    };
    let groups = s.groups.iter().map(|g| TableGroupView {
        // A group without a title (tasks before the first label) prints no bare （一） in
        // the 主要事项 column.
        label: if g.title.trim().is_empty() {
            String::new()
        } else {
            group_label(plan, g)
        },
        tasks: g
            .tasks
            .iter()
            .filter_map(|n| plan.task(*n))
            .map(task_row)
            .collect(),
    });
    TableSectionView {
        heading: section_heading(&s.numeral, &s.title),
        intro,
        groups: groups.collect(),
    }
}

/// Section `view` of `s` as the table prints it: split at each group the table wrote as a
/// row of its own with nothing under it (（一）… over the rows of the next 主要事项), which
/// prints as a band as written. A part without tasks prints no empty band unless the table
/// wrote it: its words are the notice's to print, or the band's own intro row here. Tasks
/// read from the prose (no table, no header) make no rows of a table's own.
fn bands(
    mut view: TableSectionView,
    s: &crate::model::Section,
    plan: &Plan,
) -> Vec<TableSectionView> {
    let written_table = plan.table.origin.is_some();
    let has_tasks = view.groups.iter().any(|g| !g.tasks.is_empty());
    if !has_tasks && view.intro.is_empty() && !(written_table && s.table_origin.is_some()) {
        return Vec::new();
    }
    let groups = std::mem::take(&mut view.groups);
    let mut printed = Vec::new();
    for (group, of) in groups.into_iter().zip(&s.groups) {
        match &of.label {
            Some(label) if group.tasks.is_empty() && written_table => {
                let band = TableSectionView {
                    heading: tidy_spacing(label),
                    intro: Vec::new(),
                    groups: Vec::new(),
                };
                printed.push(std::mem::replace(&mut view, band));
            }
            _ => view.groups.push(group),
        }
    }
    printed.push(view);
    printed
}

/// The header of the one units column: the source's, where a 牵头单位 column alone lists
/// every unit its own; 责任单位 when it does not say.
fn units_heading(table: &crate::model::TaskTable) -> String {
    let name = table.units_column.clone().or(table.lead_column.clone());
    named(&name, "责任单位")
}

/// A column's header: the source's name for it, or the usual one.
/// The heading of the column of leads. A 责任部门 column beside a 配合部门 one lists the
/// leads: its name heads them. Without a name, a column that also lists 责任单位 after the
/// lead (X、Y负责，Z配合) is no 牵头 column.
fn lead_heading(plan: &Plan) -> String {
    let usual = if plan.table.responsible_column.is_none() && has_responsible_units(plan) {
        "责任单位"
    } else {
        "牵头单位"
    };
    // A 责任单位 column beside the source's 配合单位 one held the leads; one alone held them
    // all, its leads marked (县教育局（牵头）、县住建局): printed apart, the leads' column
    // is the 牵头单位.
    let beside_supports = (plan.table.column_order).contains(&TableColumn::Support);
    let units_column = plan.table.units_column.clone().filter(|_| beside_supports);
    named(&(plan.table.lead_column.clone()).or(units_column), usual)
}

/// The heading of a column of 责任单位 apart from the leads': the source's own, or 责任单位
/// when a task names 责任单位 beside its lead under a heading that says 牵头 (牵头单位 lines
/// in one task, 责任单位：A、B，C配合 in another). Printed among the leads, B would be read
/// as leading where its sheet says 责任.
fn responsible_heading(plan: &Plan) -> Option<String> {
    if plan.table.responsible_column.is_some() {
        return plan.table.responsible_column.clone();
    }
    let says_lead = (plan.table.lead_column.as_deref()).is_some_and(|h| h.contains("牵头"));
    (says_lead && has_responsible_units(plan)).then(|| "责任单位".to_string())
}

fn has_responsible_units(plan: &Plan) -> bool {
    (plan.tasks.iter().flat_map(|t| &t.units)).any(|a| a.role == Role::Responsible)
}

/// The heading the plan's source gives its 责任领导 column (分管领导, 责任人 …).
pub(crate) fn person_heading(plan: &Plan) -> String {
    named(&plan.table.person_column, "责任领导")
}

fn named(name: &Option<String>, usual: &str) -> String {
    name.clone().unwrap_or_else(|| usual.to_string())
}

/// `一、title`, or the bare title when the section has no numeral.
pub fn section_heading(numeral: &str, title: &str) -> String {
    if numeral.is_empty() {
        title.to_string()
    } else {
        format!("{numeral}、{title}")
    }
}

/// A task's 主要事项 on a unit's sheet: its group's label; for a task under no titled group
/// (附件3's 民生实事 after 附件1's groups), the part it stands in (the further table's title,
/// 二、…), else —. Never empty: an empty cell reads as the label above continued, which put
/// 附件3's task under 附件1's （三）稳定扩大就业.
pub(crate) fn sheet_group(plan: &Plan, group_no: u32) -> String {
    if let Some(group) = plan.group(group_no).filter(|g| !g.title.trim().is_empty()) {
        return group_label(plan, group);
    }
    plan.sections
        .iter()
        .find(|s| s.groups.iter().any(|g| g.no == group_no))
        .filter(|s| !s.title.trim().is_empty())
        .map(|s| section_heading(&s.numeral, &s.title))
        .unwrap_or_else(|| "—".to_string())
}

/// `（三）title`: numbered as the prose numbers it, or among the groups that have titles (a
/// section whose tasks stand under it without a group does not count: 二、 then （一） as the
/// source wrote it); an untitled group shows its number only.
pub fn group_label(plan: &Plan, group: &crate::model::Group) -> String {
    // The prose numbers its groups itself (afresh under each part, as a 意见 may), or the
    // table's labels do so in each part: as written.
    let written = (group.heading.as_deref().and_then(bracketed_number)).or_else(|| {
        (group.label.as_deref())
            .and_then(bracketed_number)
            .filter(|_| labels_number_each_part(plan))
    });
    // A table's label written without a number (大气, 水) is printed as written: a （四）
    // before it would be numbering the source never gave.
    if written.is_none()
        && group.heading.is_none()
        && group
            .label
            .as_deref()
            .is_some_and(|l| !opens_with_a_number(l))
        && !group.title.trim().is_empty()
    {
        return group.title.clone();
    }
    // A title that carries its own number (a 类别 cell `一、主要预期目标`): as written, never
    // numbered twice.
    // Its lines kept apart as the cell has them (二、…质量效益提升 / （一）全力推进…: a part and
    // its first heading in one merged cell), not run together.
    if written.is_none() && group.heading.is_none() && opens_with_its_own_number(&group.title) {
        let lines: Vec<String> = (group.label.iter())
            .flat_map(|l| l.lines().map(tidy_spacing))
            .filter(|l| !l.is_empty())
            .collect();
        if lines.concat() == group.title {
            return lines.join(" ");
        }
        return group.title.clone();
    }
    let no = if let Some(n) = written {
        n
    } else if group.title.trim().is_empty() {
        group.no
    } else {
        // A heading with no number and no task of its own (a part's heading whose numeral
        // the copy lost) prints as a band across the table: no group to count.
        let band = |g: &crate::model::Group| {
            g.tasks.is_empty() && g.label.as_deref().is_some_and(|l| !opens_with_a_number(l))
        };
        plan.groups()
            .filter(|g| g.no <= group.no && !g.title.trim().is_empty() && !band(g))
            .count() as u32
    };
    format!("（{}）{}", chinese_numeral(no), group.title)
}

/// The number a heading opens with in brackets: （三）… → 3.
fn bracketed_number(text: &str) -> Option<u32> {
    let (number, _) = text
        .trim()
        .strip_prefix(['（', '('])?
        .split_once(['）', ')'])?;
    crate::base::cjk::chinese_number(number.trim())
}

/// Whether the table's 主要事项 labels number their groups afresh in each part — （一）（二）
/// under 一、, （一）（二） again under 二、 — each part's from （一） on, in order. A table
/// whose labels run on through the plan (or were misread) is numbered by its groups.
fn labels_number_each_part(plan: &Plan) -> bool {
    let mut parts = 0;
    for section in &plan.sections {
        let numbers: Vec<u32> = (section.groups.iter())
            .filter_map(|g| g.label.as_deref().and_then(bracketed_number))
            .collect();
        if numbers.is_empty() {
            continue;
        }
        if !numbers.iter().copied().eq(1..=numbers.len() as u32) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Whether a title opens with a number closed as numbers are (一、, 1., （一）, (1), ①), not
/// with a figure (`2021年…`).
fn opens_with_its_own_number(title: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let text = title.trim();
    let (inner, closers) = match text.strip_prefix(['（', '(']) {
        Some(rest) => (rest, "）)"),
        None => (text, "、.．"),
    };
    if text.starts_with(|c| ('①'..='⑳').contains(&c)) {
        return true;
    }
    let run = inner.chars().take_while(|&c| numeral(c)).count();
    (1..=3).contains(&run) && inner.chars().nth(run).is_some_and(|c| closers.contains(c))
}

/// Whether a label opens with a number of its own: （一）, (1), 1., 一、, ①.
fn opens_with_a_number(label: &str) -> bool {
    let label = label.trim();
    let Some(first) = label.chars().next() else {
        return false;
    };
    // A figure (2025年主要预期目标) is no number: a number is short and closed (12.).
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let run = label.chars().take_while(|&c| numeral(c)).count();
    let closed = (label.chars().nth(run)).is_some_and(|c| "、.．）)".contains(c));
    matches!(first, '（' | '(' | '①'..='⑳') || ((1..=3).contains(&run) && closed)
}

/// The notice and its attachment as documents print them.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    /// 发文机关标志: the issuing agencies' names, one a line, the leading one first; none
    /// for a notice whose issuer nobody knows (no 版头 printed).
    pub mark: Vec<String>,
    /// The mark ends with 文件: after the name of one agency, centred to the right of the
    /// names of joint ones (GB/T 9704 7.2.2).
    pub filed: bool,
    /// 发文字号, normalised.
    pub doc_number: Option<String>,
    /// 签发人, right of the 文号 (a document sent up: 报告, 请示).
    pub approved_by: Vec<String>,
    /// Title.
    pub title: String,
    /// 主送机关 line, e.g. 各相关单位，各街镇：
    pub recipients: Option<String>,
    /// Body paragraphs.
    pub body: Vec<String>,
    /// The body's paragraphs after the tasks a notice hands out itself (请各单位于…报送,
    /// 特此通知): printed after them, where the source has them.
    pub body_after: Vec<String>,
    /// Attachment names.
    pub attachments: Vec<String>,
    /// 署名: the source's, the config's, or the issuer — one agency a line when issued
    /// jointly, the leading one first.
    pub signers: Vec<String>,
    /// 成文日期, when known.
    pub date: Option<String>,
    /// 附注 under the date, in its parentheses, a line each, when the source has them.
    pub annotations: Vec<String>,
    /// 版记 抄送, when known.
    pub copy_to: Option<String>,
    /// 版记 印发机关 and 印发日期, when known.
    pub printed: Option<(String, String)>,
    /// The attached plan.
    pub plan: PlanView,
    /// The attached table.
    pub table: TaskTableView,
    /// The label over the first attachment: 附件, or 附件1 when the notice lists several.
    pub attachment_label: String,
    /// The label over the table when it is an attachment of its own (附件2 after the plan's
    /// text as 附件1): the table then prints only its own rows, under its own title.
    pub table_label: Option<String>,
    /// The tables attached after the first, each under its label and its own title, when
    /// the notice attaches its tables apart (附件1 预期目标分解表, 附件2 重点工作分解表) and
    /// the source gave each as a table of its own.
    pub further_tables: Vec<(String, TaskTableView)>,
    /// The table stands in the document's body, before its 署名, not attached: a document
    /// issued as itself with no text but its table (关于…责任分工的意见: 现就…提出责任分工意见
    /// 如下：, the table under it).
    pub table_in_body: bool,
    /// The attached table prints its title: not when it is the plan's own title printed just
    /// above, over the plan's text (the title once, then the text, then the table).
    pub table_titled: bool,
    /// The plan printed as itself, no notice around it (方案.*, a source without a notice):
    /// its title, its text and its table, no 版头, 署名 or 附件标识.
    pub plan_only: bool,
}

/// The plan's prose as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    /// Title.
    pub title: String,
    /// Whether the plan has text of its own beyond its headings (a preamble, a section's
    /// words, a group's text, a closing): without any, the attachment is the table itself,
    /// not a page of bare headings before it.
    pub has_text: bool,
    /// Paragraphs before the sections.
    pub preamble: Vec<PrintedParagraph>,
    /// Sections with their groups.
    pub sections: Vec<PlanSectionView>,
    /// Closing paragraphs.
    pub closing: Vec<PrintedParagraph>,
    /// Its own 署名, one agency a line, set over [`PlanView::sign_date`] as a notice's
    /// signature is (the 落款 of a plan signed at its end).
    pub signers: Vec<String>,
    /// Its own 成文日期, under its closing words; none when it has no 落款.
    pub sign_date: Option<String>,
    /// The plan's text under its table, printed after the table.
    pub after_table: Vec<PrintedParagraph>,
    /// The plan is the document itself (关于…的意见 under its 文号, no 印发 notice around
    /// it): its text follows the body, before the 署名, and only the table is attached.
    pub inline: bool,
    /// Its text hands out the tasks itself (labelled lines, duties in brackets) and it has
    /// no table of its own: the attachment prints the text as written, not a table made
    /// from it after it (the same tasks twice); the table is 任务分工表.* apart.
    pub tasks_in_text: bool,
}

/// A section of the prose.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSectionView {
    /// 一、… as printed.
    pub heading: String,
    /// Paragraphs between the heading and the first group.
    pub intro: Vec<PrintedParagraph>,
    /// Its groups: (bold heading without its 。, numbered as the prose numbers it, text;
    /// a text starting with a line break stands under its heading, not after it).
    pub groups: Vec<(String, String)>,
    /// Its words written after its last group (a line the copy stops inside), printed there.
    pub after: Vec<PrintedParagraph>,
    /// The label the notice attaches it under (附件2), when the part is another plan the
    /// notice lists: printed as an attachment of its own, its heading as a title.
    pub attachment: Option<String>,
}

/// [`tidy_spacing`] of each line, keeping the line breaks between paragraphs (and a
/// paragraph's own, [`LINE_BREAK`], as new lines).
fn tidy_lines(text: &str) -> String {
    text.split(['\n', LINE_BREAK])
        .map(tidy_spacing)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The notice's issuer as a sentence names it: a joint issuer's offices (one a line on the
/// 版头) joined by 、; without one (a table sent without a notice), its 署名 (the config's
/// signer).
pub(crate) fn issuer_in_a_sentence(plan: &Plan) -> String {
    let notice = &plan.notice;
    let issuer = notice.issuer.as_deref().filter(|i| !i.trim().is_empty());
    (issuer
        .or(notice.signer.as_deref())
        .unwrap_or_default()
        .lines())
    .map(str::trim)
    .filter(|l| !l.is_empty())
    .collect::<Vec<_>>()
    .join("、")
}

/// Paragraphs of the notice's body, a printed line each.
fn body_lines<'a>(paragraphs: impl Iterator<Item = &'a crate::model::Paragraph>) -> Vec<String> {
    paragraphs
        .flat_map(|p| printed_lines(&p.text))
        .map(|line| in_full_width(&line).into_owned())
        .collect()
}

impl NoticeView {
    /// The notice of `plan`.
    pub fn new(plan: &Plan) -> NoticeView {
        let notice = &plan.notice;
        // The body's words after the tasks it hands out, by their place in the source.
        let after_tasks = |p: &&crate::model::Paragraph| {
            let line = p.origin.line_no();
            notice
                .handed_out
                .is_some_and(|(_, after)| line.is_some_and(|l| l >= after))
        };

        let issuer = notice.issuer.clone().unwrap_or_default();
        let plan_title = plan.title.clone().unwrap_or_default();
        // 发文机关标志: the name, with 文件 when the source's 版头 has it (GB/T 9704 7.2.2).
        let filed = notice
            .issuer_written
            .as_deref()
            .is_some_and(|w| w.trim_end().ends_with("文件"));
        let mut table = TaskTableView::new(plan);
        let plan_view = PlanView::new(plan);
        // A document issued as itself carries its text; what it attaches is the table, which
        // is then not named as the document is.
        // So is a notice that hands out its tasks in its body, signed under them.
        let inline = (plan_view.has_text && notice.title.is_some() && notice.title == plan.title)
            || notice.handed_out.is_some();
        if inline && plan.title.as_deref() == Some(table.title.as_str()) {
            table.title = "任务分工表".to_string();
        }
        let text_attached = plan_view.has_text && !inline;
        let table_in_body = notice.title.is_some()
            && notice.title == plan.title
            && !plan_view.has_text
            && notice.attachments.is_empty()
            && notice.handed_out.is_none();
        // No 附件说明 in the source: the published notice names what it attaches (said by
        // `check`), as GB/T 9704 has every attachment named under the body.
        // Documents the body hands out by name, each read as a part of the table (衢州's
        // three 责任分解): attached one by one, as the body names them.
        let handed_out = (notice.documents_handed_out())
            .map(|(names, _)| names)
            .filter(|names| {
                let read = |name: &String| {
                    bare_name(name) == bare_name(&plan_title)
                        || (plan.sections.iter()).any(|s| bare_name(&s.title) == bare_name(name))
                };
                names.len() > 1 && names.iter().all(read)
            });
        let attachments = match notice.attachments.is_empty() {
            false => notice.attachments.clone(),
            true if handed_out.is_some() && !text_attached => handed_out.unwrap_or_default(),
            true if inline => vec![table.title.clone()],
            true if table_in_body => Vec::new(),
            true if text_attached => vec![plan_title.clone()],
            true => vec![table.title.clone()],
        };
        let mut further_tables = if text_attached {
            Vec::new()
        } else {
            tables_apart(&attachments, &mut table)
        };
        let (attachment_label, table_label) = attachment_labels(
            &attachments,
            &plan_title,
            (text_attached, &mut further_tables),
            &mut table,
        );
        let mut plan_view = plan_view;
        let text_parts = label_attached_parts(&mut plan_view, &attachments, &plan_title);
        // The text holds the tasks of the parts it labels: no table of them printed apart.
        let table_label = table_label.filter(|_| !(text_parts && plan_view.tasks_in_text));
        let table_titled = !(text_attached && table_label.is_none() && table.title == plan_title);
        NoticeView {
            mark: (issuer.lines().map(str::trim))
                .filter(|name| !name.is_empty())
                .map(str::to_string)
                .collect(),
            filed,
            doc_number: notice.doc_number.clone(),
            approved_by: notice.approved_by.clone(),
            // A title copied from a web page (…督查通报(2022年·第9期)) prints full-width.
            title: notice.title.as_deref().map_or_else(
                || notice.title_made_up(&plan_title),
                |title| in_full_width(title).into_owned(),
            ),
            recipients: (!notice.recipients.is_empty()).then(|| {
                in_full_width(&format!("{}：", notice.recipients.join("，"))).into_owned()
            }),
            body: body_lines(notice.body.iter().filter(|p| !after_tasks(p))),
            body_after: body_lines(notice.body.iter().filter(|p| after_tasks(p))),
            attachments,
            signers: notice
                .signer
                .clone()
                .unwrap_or(issuer)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            date: notice.date.clone(),
            annotations: (notice.annotation.iter().flat_map(|a| a.lines()))
                .map(|a| in_full_width(a.trim()).into_owned())
                .collect(),
            copy_to: notice.copy_to.clone(),
            printed: notice.printed.clone(),
            plan: PlanView {
                inline,
                ..plan_view
            },
            table,
            attachment_label,
            table_titled,
            table_label,
            further_tables,
            table_in_body,
            plan_only: false,
        }
    }

    /// The plan of a source without a notice, printed as itself (方案.*): its title over its
    /// text and its table — the source's words, not a notice made up around them.
    pub fn plan_only(plan: &Plan) -> NoticeView {
        let plan_view = PlanView::new(plan);
        let table = TaskTableView::new(plan);
        // A plan named by its table (…任务分解表) prints that name once, over its text.
        let table_titled = table.title != plan_view.title;
        NoticeView {
            mark: Vec::new(),
            filed: false,
            doc_number: None,
            approved_by: Vec::new(),
            title: plan_view.title.clone(),
            recipients: None,
            body: Vec::new(),
            body_after: Vec::new(),
            attachments: Vec::new(),
            signers: Vec::new(),
            date: None,
            annotations: Vec::new(),
            copy_to: None,
            printed: None,
            plan: plan_view,
            table,
            attachment_label: String::new(),
            table_label: None,
            further_tables: Vec::new(),
            table_in_body: false,
            table_titled,
            plan_only: true,
        }
    }
}

/// The labels of the attachments as printed. With one attachment it is 附件. With several,
/// the plan's text is 附件N by its place in the notice's list, and a table the list names
/// apart (by its own title, or by the title it came under when the plan's text handed out
/// tasks before it) is printed as an attachment of its own: from that section on, under
/// that title, with its own label.
fn attachment_labels(
    attachments: &[String],
    plan_title: &str,
    (text_attached, further): (bool, &mut Vec<(String, TaskTableView)>),
    table: &mut TaskTableView,
) -> (String, Option<String>) {
    if attachments.len() < 2 {
        return ("附件".to_string(), None);
    }
    let bare = bare_name;
    let named = |name: &str| attachments.iter().position(|a| bare(a) == bare(name));
    // The table named by its title, or by its kind alone (附件2：任务分工表).
    let table_at = |title: &str| {
        named(title)
            .or_else(|| (attachments.iter()).position(|a| crate::model::lists_the_table(a, title)))
    };
    let label = |at: usize| format!("附件{}", at + 1);
    // The table alone attached: it is the attachment the list names it (or the plan) as.
    if !text_attached {
        let at = table_at(&table.title)
            .or_else(|| named(plan_title))
            .unwrap_or(0);
        return (label(at), None);
    }
    let plan_at = named(plan_title).unwrap_or(0);
    let own = table_at(&table.title)
        .filter(|at| *at != plan_at)
        .map(|at| (at, 0))
        .or_else(|| {
            table.sections.iter().enumerate().find_map(|(i, s)| {
                named(&s.heading)
                    .filter(|at| *at != plan_at)
                    .map(|at| (at, i))
            })
        });
    let Some((at, from)) = own else {
        return (label(plan_at), None);
    };
    if from > 0 || table_at(&table.title).is_none() {
        table.sections.drain(..from);
        if let Some(first) = table.sections.first_mut() {
            first.heading.clear();
        }
        table.title = printed_name(&attachments[at]);
        // The attachments listed after it (附件3 under the table) are printed apart.
        *further = tables_apart(attachments, table);
        // Its rows were numbered on after the text's tasks; each attachment numbers its own.
        table.number_from_one();
        table.without_unused_group_column();
        for (_, part) in further.iter_mut() {
            part.number_from_one();
            part.without_unused_group_column();
        }
    }
    (label(plan_at), Some(label(at)))
}

/// The plan's parts that are other plans the notice lists (附件2 乙方案 read on after 甲方案's
/// text), each labelled as the list numbers it. Whether any was.
fn label_attached_parts(plan: &mut PlanView, attachments: &[String], plan_title: &str) -> bool {
    let mut labelled = false;
    for section in &mut plan.sections {
        let at = (attachments.iter())
            .position(|a| bare_name(a) == bare_name(&section.heading))
            .filter(|&at| bare_name(&attachments[at]) != bare_name(plan_title));
        if let Some(at) = at {
            section.attachment = Some(format!("附件{}", at + 1));
            labelled = true;
        }
    }
    labelled
}

/// A notice's name for an attachment as its title prints: without the 《》 around the whole
/// of it, and without spaces.
fn printed_name(name: &str) -> String {
    name.trim()
        .trim_matches(|c| matches!(c, '《' | '》'))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A notice's name for an attachment as a title compares: without spaces and without the
/// marks around it or around a name inside it (2025年县《政府工作报告》任务清单 is the
/// attachment titled 2025年县政府工作报告任务清单; a Word title writes <> for 〈〉).
fn bare_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '〈' | '〉' | '<' | '>'))
        .collect()
}

/// The table's parts the notice attaches apart: when two or more of its sections are
/// titled as the notice's list names its attachments (each a table of the source under its
/// own title), the table keeps the first part under the first one's name, and the later
/// parts are returned, each with its label (附件2) and its own title. The tasks keep their
/// numbers, as the 任务单 cite them.
fn tables_apart(attachments: &[String], table: &mut TaskTableView) -> Vec<(String, TaskTableView)> {
    if attachments.len() < 2 {
        return Vec::new();
    }
    let named = |name: &str| {
        attachments
            .iter()
            .position(|a| bare_name(a) == bare_name(name))
    };
    let headed = (table.sections.iter().enumerate())
        .filter_map(|(i, section)| Some((i, named(&section.heading)?)));
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (i, at) in headed {
        if !starts.iter().any(|&(_, a)| a == at) {
            starts.push((i, at));
        }
    }
    // The rows before the first part's title are the attachment the table is titled as (衢州's
    // first 责任分解, its title the plan's).
    if let Some(at) = named(&table.title)
        && starts.first().is_some_and(|&(i, _)| i > 0)
        && !starts.iter().any(|&(_, a)| a == at)
    {
        starts.insert(0, (0, at));
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    let mut parts = Vec::new();
    for (k, &(from, at)) in starts.iter().enumerate().rev() {
        let mut part = table.clone();
        part.sections = table.sections.split_off(from);
        // The band naming the attachment is its title now (and, over sections of the part's
        // own, nothing at all); a part's own 一、 stays.
        if let Some(first) = part.sections.first_mut()
            && named(&first.heading) == Some(at)
        {
            first.heading.clear();
            if first.groups.is_empty() && first.intro.is_empty() {
                part.sections.remove(0);
            }
        }
        part.title = printed_name(&attachments[at]);
        if k > 0 {
            parts.push((format!("附件{}", at + 1), part));
        } else {
            // The first part keeps what came before its title (rows under no title).
            table.sections.extend(part.sections);
            table.title = part.title;
        }
    }
    parts.reverse();
    table.without_unused_group_column();
    for (_, part) in parts.iter_mut() {
        part.without_unused_group_column();
    }
    parts
}

/// A paragraph of the plan's own text as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedParagraph {
    /// Its words.
    pub text: String,
    /// It is a part's heading (二、工作要求: numbered 一、 and no sentence), set as one.
    pub heading: bool,
}

/// Paragraphs as printed: a line the source kept apart inside one (a task and the 责任单位：
/// line under it) is a paragraph of its own, never run into the line before.
fn printed_paragraphs(paragraphs: &[crate::model::Paragraph]) -> Vec<PrintedParagraph> {
    paragraphs
        .iter()
        .flat_map(|p| printed_lines(&p.text))
        .map(|text| PrintedParagraph {
            heading: is_part_heading(&text),
            text: in_full_width(&text).into_owned(),
        })
        .collect()
}

/// A section's words before its groups, and those the source wrote after its last group
/// with words (（三）大力推行“首席服务员, cut off there): each printed where it stands.
fn words_before_and_after_groups(
    s: &crate::model::Section,
) -> (Vec<crate::model::Paragraph>, Vec<crate::model::Paragraph>) {
    let last_group = (s.groups.iter())
        .filter(|g| !g.text.trim().is_empty())
        .filter_map(|g| g.origin.as_ref()?.line_no())
        .max();
    (s.intro.iter().cloned()).partition(|p| match (p.origin.line_no(), last_group) {
        (Some(line), Some(last)) => line < last,
        _ => true,
    })
}

/// A section's groups as the prose prints them: (heading, text). A group with no text of its
/// own whose heading stands in an earlier group's text (1.推广免耕少耕技术 under （一）, its
/// sub-items the tasks) is already printed there, and is not printed again.
fn printed_groups(
    groups: &[crate::model::Group],
    intro: &[crate::model::Paragraph],
) -> Vec<(String, String)> {
    let mut printed: Vec<(String, String)> = Vec::new();
    for group in groups {
        let text = tidy_lines(&group.text);
        let title = tidy_spacing(&group.title);
        // Said in the section's own words or a group's above (1.就业和社会保障。 over the
        // line of its tasks): not again as a heading of its own.
        let said_above = || {
            let in_intro = intro
                .iter()
                .any(|p| tidy_spacing(&p.text).contains(title.as_str()));
            in_intro || printed.iter().any(|(_, t)| t.contains(title.as_str()))
        };
        if text.trim().is_empty() && !title.is_empty() && said_above() {
            continue;
        }
        let heading = group.heading.as_deref().unwrap_or(&group.title);
        printed.push((
            in_full_width(heading).into_owned(),
            in_full_width(&text).into_owned(),
        ));
    }
    printed
}

/// Whether a paragraph is a part's heading: a Chinese numeral and 、, then a title with no
/// sentence in it (二、工作要求), not a numbered sentence (一、各单位要……。).
fn is_part_heading(text: &str) -> bool {
    // 第二部分 重点任务, 第三章 保障措施: the level above 一、 in plans numbered so.
    static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^第[一二三四五六七八九十]{1,3}(?:部分|章|篇|编)\s*[^\s。，；]{1,20}$").unwrap()
    });
    if CHAPTER.is_match(text.trim()) {
        return true;
    }
    let Some((numeral, title)) = text.split_once('、') else {
        return false;
    };
    !numeral.is_empty()
        && numeral.chars().all(|c| "一二三四五六七八九十".contains(c))
        && !title.trim().is_empty()
        && title.chars().count() <= 40
        && !title.trim_end_matches('。').contains(['。', '；', '，'])
}

/// Whether a part prints words the table does not: its own, its groups' — or the headings
/// of groups with no task (一、水井防冻措施 / （一）水井应做到…。 — measures for the public,
/// no one's task), which no band of the table carries.
/// A group with no tasks is the plan's words (a heading of its text) unless it is a band of
/// a workbook's or Word table's (a label row over finer ones: （一）坚定不移做强增长引擎 /
/// 加强基础设施建设), which the table prints.
fn has_words_of_its_own(section: &crate::model::Section) -> bool {
    let band = |g: &crate::model::Group| {
        g.label.is_some() && matches!(g.origin, Some(crate::base::diag::Location::Cell { .. }))
    };
    !section.intro.is_empty()
        || (section.groups.iter())
            .any(|g| !g.text.trim().is_empty() || (g.tasks.is_empty() && !band(g)))
}

impl PlanView {
    /// The plan's own text as the attachment (or, issued as itself, the notice) prints it.
    fn new(plan: &Plan) -> PlanView {
        PlanView {
            // Words under the table print under it: before it the attachment has no text.
            has_text: !plan.preamble.is_empty()
                || !plan.closing.is_empty()
                || plan.sign_off.is_some()
                || plan.sections.iter().any(has_words_of_its_own),
            title: in_full_width(&plan.title_as_written().unwrap_or_default()).into_owned(),
            preamble: printed_paragraphs(&plan.preamble),
            // A section with no words of its own is the table's band, which the table prints.
            sections: plan
                .sections
                .iter()
                .filter(|s| has_words_of_its_own(s))
                .map(|s| {
                    let (intro, after) = words_before_and_after_groups(s);
                    PlanSectionView {
                        heading: in_full_width(&section_heading(&s.numeral, &s.title)).into_owned(),
                        intro: printed_paragraphs(&intro),
                        groups: printed_groups(&s.groups, &s.intro),
                        after: printed_paragraphs(&after),
                        attachment: None,
                    }
                })
                .collect(),
            closing: printed_paragraphs(&plan.closing),
            signers: (plan.sign_off.iter())
                .flat_map(|s| s.signers.iter().map(|name| tidy_spacing(name)))
                .collect(),
            sign_date: plan.sign_off.as_ref().map(|s| tidy_spacing(&s.date)),
            after_table: printed_paragraphs(&plan.after_table),
            inline: false,
            // Only where the text itself holds the tasks, under its headings: items read
            // with no heading over them stand in no printed paragraph, and the table is
            // their only print in the attachment.
            tasks_in_text: plan.table.column_order.is_empty()
                && plan.sections.iter().any(|s| {
                    !s.intro.is_empty() || s.groups.iter().any(|g| !g.text.trim().is_empty())
                }),
        }
    }
}

/// One unit's task sheet (任务清单): its tasks in plan order with its role in each.
#[derive(Debug, Clone, Serialize)]
pub struct TaskSheet {
    /// The unit's canonical name.
    pub unit: String,
    /// The plan's title.
    pub plan_title: String,
    /// The title names a division of work already (…任务分工表, …分工方案): the sheet cites
    /// it as the division, not as a plan the division follows.
    pub plan_divides: bool,
    /// 发文字号, when known.
    pub doc_number: Option<String>,
    /// The issuing agency.
    pub issuer: String,
    /// What identifies the plan in returned forms: the 文号, else the title.
    pub plan_id: String,
    /// The tasks.
    pub tasks: Vec<SheetTask>,
    /// How many it leads.
    pub lead_count: usize,
    /// How many it supports.
    pub support_count: usize,
    /// How many it carries out as a 责任单位 beside the 牵头 and 配合 ones.
    pub responsible_count: usize,
    /// What the source calls those units (协作单位): 责任单位 when it does not say.
    pub responsible_name: String,
    /// How many are addressed to it only as one of 相关街镇.
    pub conditional_count: usize,
    /// True when the plan names a 责任领导 for any task: the sheet shows the column.
    pub has_person: bool,
    /// That column's header: what the source calls it (责任人), else 责任领导.
    pub person_heading: String,
    /// True when some group of the plan has a title: the sheet shows the 主要事项 column.
    pub has_groups: bool,
    /// The header of the column holding what the source's extra columns say of each task
    /// (进度安排, 备注 …); empty when none of the sheet's tasks has such a value.
    pub extra_heading: String,
}

/// A task as a unit's sheet shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SheetTask {
    /// 序号.
    pub no: u32,
    /// （N）group title.
    pub group: String,
    /// 任务内容.
    pub content: String,
    /// 牵头 / 配合, with the note the source writes after the unit's name (牵头（汇总）).
    pub role: String,
    /// True when addressed through 相关街镇: only where the task concerns this unit.
    pub conditional: bool,
    /// Who else: "牵头：A；配合：B、各街镇".
    pub others: String,
    /// 完成时限 as written, else the default as a Chinese date, or "—".
    pub deadline: String,
    /// 量化目标, the phrases joined with ；, or "—".
    pub targets: String,
    /// A hash of the content as printed, to tamper-check returned forms.
    pub hash: String,
    /// 责任领导 / 责任人, or — (shown when the plan names any: [`TaskSheet::has_person`]).
    pub person: String,
    /// What the source's extra columns say of it (一季度：完成设计；二季度：开工建设), or —
    /// (shown under [`TaskSheet::extra_heading`]).
    pub extra: String,
}

/// The word a sheet gives `role`: a 责任单位 column beside the 牵头 and 配合 ones goes by
/// what the source calls it (协作单位: 协作), for its units are not the work's owners.
fn role_word(plan: &Plan, role: Role) -> &str {
    let named = (plan.table.responsible_column.as_deref())
        .map(|c| c.trim().trim_end_matches(['单', '位', '部', '门']))
        .filter(|w| (1..=4).contains(&w.chars().count()));
    match (role, named) {
        (Role::Responsible, Some(word)) => word,
        _ => role.label(),
    }
}

/// Who else does `task`, as `unit`'s sheet says it: 牵头：A；配合：B、各街镇 (共同牵头 when
/// `unit` leads too), or —.
fn others_of(task: &crate::model::Task, unit: &str, (role, plan): (Role, &Plan)) -> String {
    let lead_word = if role == Role::Lead {
        "共同牵头"
    } else {
        "牵头"
    };
    let others: Vec<String> = [
        (lead_word, Role::Lead),
        ("配合", Role::Support),
        (role_word(plan, Role::Responsible), Role::Responsible),
    ]
    .into_iter()
    .filter_map(|(word, role)| {
        let names = names_shown(task, role, unit);
        (!names.is_empty())
            .then(|| format!("{word}：{}", joined_as_written(&names, &task.units_text)))
    })
    .collect();
    if others.is_empty() {
        "—".into()
    } else {
        others.join("；")
    }
}

/// What the source's extra columns say of `task`, for its unit's sheet: a single column's
/// value as written; several as `一季度：完成设计；二季度：开工建设`, the empty left out.
fn sheet_extra(plan: &Plan, task: &crate::model::Task) -> Option<String> {
    let columns = &plan.table.extra_columns;
    let values = (columns.iter().zip(&task.extra))
        .map(|(name, value)| (name, lines_joined(value)))
        .filter(|(_, value)| !value.is_empty());
    let parts: Vec<String> = if columns.len() == 1 {
        values.map(|(_, value)| value).collect()
    } else {
        values
            .map(|(name, value)| format!("{}：{value}", extra_named(plan, name)))
            .collect()
    };
    (!parts.is_empty()).then(|| joined_as_clauses(&parts))
}

/// An extra column's name on a sheet that lists several: with the name the source's header
/// merges over it (阶段目标（6月底前）), unless that names every extra column and so heads
/// the sheet's column ([`sheet_extra_heading`]).
fn extra_named(plan: &Plan, name: &str) -> String {
    let table = &plan.table;
    let band = |i: usize| table.band_over(crate::model::TableColumn::Extra(i));
    let Some(at) = table.extra_columns.iter().position(|c| c == name) else {
        return name.to_string();
    };
    match band(at) {
        Some(over) if (0..table.extra_columns.len()).any(|i| band(i) != Some(over)) => {
            format!("{over}（{name}）")
        }
        _ => name.to_string(),
    }
}

/// A task's targets, one after another: joined as the task joins them where only 、, 和, 及
/// or 与 stands between two (分别增长6%、6.5%: one statement, not two), else by ；.
fn targets_as_written(content: &str, targets: &[crate::model::Target]) -> String {
    let mut out = String::new();
    let mut after: Option<usize> = Some(0);
    for (i, target) in targets.iter().enumerate() {
        let found = after.and_then(|from| {
            let at = content.get(from..)?.find(target.phrase.as_str())? + from;
            Some((content[from..at].trim(), at + target.phrase.len()))
        });
        if i > 0 {
            match found {
                Some((between, _)) if matches!(between, "、" | "和" | "及" | "与") => {
                    out.push_str(between)
                }
                _ => out.push('；'),
            }
        }
        out.push_str(&tidy_spacing(&target.phrase));
        after = found.map(|(_, end)| end);
    }
    out
}

/// Values joined by ；, each but the last without the stop it ended with (完成30%。；二季度
/// reads badly).
fn joined_as_clauses(parts: &[String]) -> String {
    let last = parts.len().saturating_sub(1);
    (parts.iter().enumerate())
        .map(|(i, p)| {
            if i < last {
                p.trim_end().trim_end_matches(['。', '；', ';', '，', ','])
            } else {
                p.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// The header of a sheet's column of extra values: a single column's own; a schedule's
/// (一季度 … 四季度) as the source calls it, else 进度安排; the name merged over them all;
/// else 其他.
fn sheet_extra_heading(plan: &Plan) -> String {
    let table = &plan.table;
    match table.extra_columns.as_slice() {
        [one] => one.clone(),
        all if table.schedule_columns.len() == all.len() => {
            (table.schedule_heading.clone()).unwrap_or_else(|| "进度安排".into())
        }
        all => {
            // Columns all under one merged name (阶段目标 over 6月底前 | 12月底前): that name.
            let band = |i: usize| table.band_over(crate::model::TableColumn::Extra(i));
            match band(0) {
                Some(over) if (1..all.len()).all(|i| band(i) == Some(over)) => over.to_string(),
                _ => "其他".into(),
            }
        }
    }
}

/// 完成时限 as a sheet prints it: as the source wrote it (2026年6月底, 全年, 长期坚持), else the
/// default deadline as a Chinese date, else —.
fn sheet_deadline(task: &crate::model::Task) -> String {
    deadline_as_written(task).unwrap_or_else(|| {
        task.deadline
            .map(crate::base::date::chinese)
            .unwrap_or_else(|| "—".into())
    })
}

/// 完成时限 as the source wrote it; `None` when the source gave none.
fn deadline_as_written(task: &crate::model::Task) -> Option<String> {
    let joined = lines_joined(task.deadline_text.as_deref()?);
    (!joined.is_empty()).then_some(joined)
}

/// A cell written over lines (a task over two rows: two deadlines, two remarks) on one line,
/// its lines kept apart by ；: 10月底；12月底, never run together — and never twice, after a
/// line that ends in its own stop (1.完成转让工作；).
fn lines_joined(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(tidy_spacing).filter(|l| !l.is_empty()) {
        if !out.is_empty() && !out.ends_with(['；', '。', '，', '、', ';', ',', '：', ':']) {
            out.push('；');
        }
        out.push_str(&line);
    }
    out
}

/// Where `item` stands in a list as written as an item of its own — between separators or
/// the list's ends, not inside a longer name.
fn item_at(written: &str, item: &str) -> Option<usize> {
    let apart = |c: Option<char>| c.is_none_or(|c| "、，,；;/／ \n（）()和及与等".contains(c));
    written.match_indices(item).map(|(at, _)| at).find(|&at| {
        apart(written[..at].chars().next_back()) && apart(written[at + item.len()..].chars().next())
    })
}

/// `names` followed by the phrases that name no unit. A bare 部门 / 单位 / 5个单位 split from
/// `X等部门` in the cell as written (`written`) stays after its X (`X等部门`); any other phrase
/// (各有关部门) is an item of its own.
fn with_phrases(names: &mut Vec<String>, phrases: &[String], written: &str) {
    for phrase in phrases {
        let anchor = written.find(&format!("等{phrase}")).and_then(|at| {
            let before = &written[..at];
            names
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    // 省财政厅、自然资源厅等相关部门: a name its list lent a level.
                    let lent = n.strip_prefix(crate::model::LEVEL_PREFIXES);
                    before.ends_with(n.as_str()) || lent.is_some_and(|l| before.ends_with(l))
                })
                .max_by_key(|(_, n)| n.len())
                .map(|(i, _)| i)
        });
        match anchor {
            Some(i) => names[i] = format!("{}等{phrase}", names[i]),
            None => {
                // Where the source wrote it among the names (县直各有关单位，各乡镇人民政府):
                // as an item of its own, not inside a name (a cut-off 区 after 区统计局).
                let at = item_at(written, phrase);
                // A group spread over its words (各乡镇人民政府、街道办事处) is written without
                // its 各.
                let find = |n: &str| {
                    written
                        .find(n)
                        .or_else(|| written.find(n.trim_start_matches('各')))
                };
                let before =
                    at.and_then(|p| names.iter().position(|n| find(n).is_some_and(|q| q > p)));
                match before {
                    Some(i) => names.insert(i, phrase.clone()),
                    None => names.push(phrase.clone()),
                }
            }
        }
    }
}

/// The names of a task's units in `role` as tables and sheets show them (the unit `except`
/// left out): groups once, phrases (等相关部门) after the unit the source wrote them after,
/// and a unit written with 等 after it (区规划局等) keeping its 等.
fn names_shown(task: &crate::model::Task, role: Role, except: &str) -> Vec<String> {
    let of_role = || task.units.iter().filter(move |a| a.role == role);
    let mut names = names_collapsed(of_role(), except);
    // Phrases naming no unit (各有关部门) print in the column the source wrote them in.
    let elsewhere =
        |p: &&String| task.responsible_phrases.contains(p) || task.lead_phrases.contains(p);
    let phrases: Vec<String> = match role {
        Role::Lead => task.lead_phrases.clone(),
        Role::Support => task
            .unspecified
            .iter()
            .filter(|p| !elsewhere(p))
            .cloned()
            .collect(),
        Role::Responsible => task.responsible_phrases.clone(),
    };
    with_phrases(&mut names, &phrases, &task.units_text);
    // 省财政厅、自然资源厅等: written without the level its list lent it.
    let before_etc = |a: &crate::model::Assignment| {
        let form = a.written.as_deref().unwrap_or(&a.name);
        let etc = |form: &str| task.units_text.contains(&format!("{form}等"));
        etc(form)
            || form
                .strip_prefix(crate::model::LEVEL_PREFIXES)
                .is_some_and(etc)
    };
    for a in of_role().filter(|a| a.via.is_none() && before_etc(a)) {
        if let Some(name) = names.iter_mut().find(|n| **n == a.name) {
            name.push('等');
        }
    }
    // The list ended on the sheet's own unit with 等 (区财政局、区规划局等): it stays open
    // on that unit's sheet too (区财政局等) — not where a phrase follows (区商务委等相关部门).
    let ends_the_list = |a: &crate::model::Assignment| {
        let form = a.written.as_deref().unwrap_or(&a.name);
        let after = |at: usize| task.units_text[at + form.len()..].strip_prefix('等');
        (task.units_text.match_indices(form)).any(|(at, _)| {
            after(at).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|c| "，,；;。）)".contains(c))
            })
        })
    };
    if of_role()
        .next_back()
        .is_some_and(|a| a.name == except && a.via.is_none() && ends_the_list(a))
        && let Some(last) = names.last_mut().filter(|n| !n.ends_with('等'))
    {
        last.push('等');
    }
    // A phrase the list ends on with 等 (区属各重点国企等) keeps it too: the list stays open.
    for name in names.iter_mut().filter(|n| phrases.contains(n)) {
        if task.units_text.contains(&format!("{name}等")) {
            name.push('等');
        }
    }
    // A piece of a name the source stops inside (县农业农) prints as what it is.
    for name in names.iter_mut().filter(|n| task.name_fragments.contains(n)) {
        name.push_str(CUT_MARK);
    }
    for name in names.iter_mut() {
        if let Some(note) = note_after(&task.units_text, name) {
            name.push_str(&format!("（{note}）"));
        }
    }
    names
}

/// The note the source writes in brackets right after `name` among a task's units, its own
/// line or not (镇经发办⏎（汇总）): printed with the name, which is read without it. Not a
/// role the columns print already (（牵头）), a person's name (printed as 责任人), or a rule
/// of the list (列第一位者为牵头单位，下同).
fn note_after(units_text: &str, name: &str) -> Option<String> {
    let at = units_text.find(name)?;
    let after = units_text[at + name.len()..].trim_start();
    let inside = after.strip_prefix(['（', '('])?;
    let inner = inside[..inside.find(['）', ')'])?].trim();
    let role = [
        "牵头", "配合", "主办", "协办", "主责", "责任", "参与", "协助", "负责",
    ]
    .iter()
    .any(|w| inner.starts_with(w));
    let rule = ["下同", "列第一", "排第一", "为牵头", "第一位"]
        .iter()
        .any(|w| inner.contains(w));
    let fits = !inner.is_empty()
        && inner.chars().count() <= 12
        && !inner.contains(['（', '('])
        && !role
        && !rule
        && !crate::ingest::units::is_person_name(inner)
        && !crate::ingest::units::is_units_text(inner);
    fits.then(|| inner.to_string())
}

/// What follows a piece of a unit's name the source was cut inside, wherever it is printed.
const CUT_MARK: &str = "（原文截断）";

/// `cell` with [`CUT_MARK`] after each of `fragments` where it stands as an entry of its own
/// (followed by a separator or the end).
fn cut_marked(cell: &str, fragments: &[String]) -> String {
    let mut out = cell.to_string();
    for piece in fragments {
        let ends_entry = |at: usize| {
            out[at + piece.len()..].chars().next().is_none_or(|c| {
                matches!(c, '、' | '，' | ',' | '；' | ';' | '。') || c.is_whitespace()
            })
        };
        if let Some(at) = out
            .rmatch_indices(piece.as_str())
            .map(|(at, _)| at)
            .find(|at| ends_entry(*at))
        {
            out.insert_str(at + piece.len(), CUT_MARK);
        }
    }
    out
}

/// Names of `assignments` with units reached through a group shown once as the group
/// (各街镇), the unit `except` left out.
fn names_collapsed<'a>(
    assignments: impl Iterator<Item = &'a crate::model::Assignment>,
    except: &str,
) -> Vec<String> {
    let assignments: Vec<&crate::model::Assignment> = assignments.collect();
    // A member of a small group (友好街道 of 各街道办事处, two streets) reads the group's
    // other members by name: the group holds the sheet's own unit. A larger one (12 街镇)
    // stays the group, as the source writes it.
    let own_group = (assignments.iter())
        .find(|a| a.name == except)
        .and_then(|a| a.via.as_deref())
        .filter(|group| {
            let fellows = assignments
                .iter()
                .filter(|a| a.via.as_deref() == Some(*group));
            fellows.count() <= 4
        });
    let mut out: Vec<String> = Vec::new();
    for a in assignments {
        if a.name == except {
            continue;
        }
        let shown = match a.via.as_deref() {
            Some(group) if Some(group) != own_group => group.to_string(),
            _ => a.name.clone(),
        };
        if !out.contains(&shown) {
            out.push(shown);
        }
    }
    out
}

impl TaskSheet {
    /// How many tasks it leads, supports, and carries out as a 责任单位 (said only when some).
    pub fn role_counts(&self) -> String {
        let mut counts = format!(
            "牵头 {} 项，配合 {} 项",
            self.lead_count, self.support_count
        );
        if self.responsible_count > 0 {
            counts.push_str(&format!(
                "，作为{} {} 项",
                self.responsible_name, self.responsible_count
            ));
        }
        counts
    }

    /// The sheet of every unit that has tasks, in registry order.
    pub fn all(plan: &Plan) -> Vec<TaskSheet> {
        plan.units
            .iter()
            .map(|u| {
                // Only this unit's tasks, from the plan's index: no pass over every task per
                // unit.
                let mut numbers: Vec<u32> = u.lead.iter().chain(&u.support).copied().collect();
                numbers.sort_unstable();
                numbers.dedup();
                TaskSheet::build(plan, &u.name, numbers.iter().filter_map(|n| plan.task(*n)))
            })
            .collect()
    }

    fn build<'a>(
        plan: &'a Plan,
        unit: &str,
        candidates: impl Iterator<Item = &'a crate::model::Task>,
    ) -> TaskSheet {
        let plan_title = plan.title.clone().unwrap_or_default();
        let mut tasks = Vec::new();
        let (mut lead_count, mut responsible_count) = (0, 0);
        for task in candidates {
            let Some(mine) = task.assignment(unit) else {
                continue;
            };
            let others = others_of(task, unit, (mine.role, plan));
            let content = crate::base::cjk::tidy_lines(&task.content);
            tasks.push(SheetTask {
                no: task.no,
                group: sheet_group(plan, task.group),
                hash: crate::form::task_hash(&task.content),
                content,
                role: match note_after(&task.units_text, unit) {
                    Some(note) => format!("{}（{note}）", role_word(plan, mine.role)),
                    None => role_word(plan, mine.role).to_string(),
                },
                conditional: mine.conditional,
                others,
                deadline: sheet_deadline(task),
                targets: if task.targets.is_empty() {
                    "—".into()
                } else {
                    targets_as_written(&task.content, &task.targets)
                },
                person: task.person.clone().unwrap_or_else(|| "—".into()),
                extra: sheet_extra(plan, task).unwrap_or_else(|| "—".into()),
            });
            match mine.role {
                Role::Lead => lead_count += 1,
                Role::Responsible => responsible_count += 1,
                Role::Support => {}
            }
        }
        let conditional_count = tasks.iter().filter(|t| t.conditional).count();
        let extra_heading = if tasks.iter().any(|t| t.extra != "—") {
            sheet_extra_heading(plan)
        } else {
            String::new()
        };
        TaskSheet {
            extra_heading,
            has_person: plan.tasks.iter().any(|t| t.person.is_some()),
            person_heading: person_heading(plan),
            has_groups: sheet_names_groups(plan),
            unit: unit.to_string(),
            plan_id: plan
                .notice
                .doc_number
                .clone()
                .unwrap_or_else(|| plan_title.clone()),
            plan_divides: plan_title.contains("分工") || crate::model::names_a_table(&plan_title),
            plan_title,
            doc_number: plan.notice.doc_number.clone(),
            // Where returns go (报送…): the office the plan names, or a joint issuer's offices
            // one after the other.
            issuer: plan
                .returns_to
                .clone()
                .unwrap_or_else(|| issuer_in_a_sentence(plan)),
            support_count: tasks.len() - lead_count - responsible_count,
            lead_count,
            responsible_count,
            responsible_name: format!("{}单位", role_word(plan, Role::Responsible)),
            conditional_count,
            tasks,
        }
    }
}
