//! The typed plan model: what ingest builds once and every later stage only reads.
//!
//! Glossary (the Chinese terms once, English identifiers everywhere else):
//!
//! | 中文 | identifier |
//! |---|---|
//! | 通知 (the covering notice) | [`Notice`] |
//! | 发文字号, e.g. 嘉发改〔2025〕14号 | [`Notice::doc_number`] |
//! | 主送机关 | [`Notice::recipients`] |
//! | 工作安排 / 方案 (the plan's prose) | [`Plan`] (title, preamble, sections, closing) |
//! | 一、… (a part of the plan) | [`Section`] |
//! | 加粗小标题段落 / （一）… (a bold-headed paragraph) | [`Group`] |
//! | 任务分工表 | [`TaskTable`] and [`Plan::tasks`] |
//! | 主要事项 (the table's group label) | [`TableLabel`] |
//! | 责任单位 | [`Assignment`] |
//! | 牵头 / 配合 | [`Role::Lead`] / [`Role::Support`] |
//! | 完成时限 | [`Task::deadline`] |
//! | 量化目标 | [`Target`] |
//! | 单位名录 | [`UnitRegistry`] |
//! | 反馈表 (a returned form) | [`ReturnForm`] |
//! | 完成状态 | [`Status`] |
//! | 半年度 / 年度 | [`PeriodKind`] |

mod notice;
mod returns;
mod task;
mod unit;

pub use notice::{
    Notice, Paragraph, SignOff, doc_number_year, lists_the_table, names_a_table,
    normalize_doc_number, plan_of_table,
};
pub use returns::{Period, PeriodKind, ReturnForm, ReturnRow, Status, YearlessDate};
pub use task::{AppliedCorrection, Assignment, Comparator, Role, Target, Task};
pub use unit::{
    LEVEL_PREFIXES, PLACE_LEVELS, Resolution, Unit, UnitGroup, UnitKind, UnitRegistry,
    is_group_phrase, reordered_twins, short_form_of,
};

use serde::{Deserialize, Serialize};

use crate::base::diag::Location;

/// Everything fengong knows about one plan: the notice, the prose, the table and its tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The covering notice (通知); fields are empty when the input had none (a bare Excel table).
    pub notice: Notice,
    /// The plan's title, e.g. 嘉定区推进儿童友好城区建设2025年重点工作安排: its name, as the
    /// sheets and the table cite it.
    pub title: Option<String>,
    /// What the source writes in brackets after the title that is no part of its name
    /// (（共计121项）): printed after the title where the plan's text is, cited nowhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    /// The plan year (from the title, the doc number or the config).
    pub year: Option<i32>,
    /// Where units send their returns, when not to the issuer: the config's
    /// `[plan] returns_to`, or the office the document's own 报送 sentence names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns_to: Option<String>,
    /// Paragraphs before the first section.
    pub preamble: Vec<Paragraph>,
    /// The sections 一、二、… with their groups.
    pub sections: Vec<Section>,
    /// Paragraphs after the last group (the closing requirements).
    pub closing: Vec<Paragraph>,
    /// The plan's own 署名 and 成文日期 after its closing words (a plan two offices issue
    /// as a document of its own, or an attachment signed at its end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<SignOff>,
    /// The plan's text under its table, when the table stands inside the plan (一、安排表,
    /// the table, then 二、工作要求 …): printed after the table, where the source has it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_table: Vec<Paragraph>,
    /// Facts about the 任务分工表 as it was laid out in the source.
    pub table: TaskTable,
    /// The tasks, in table order.
    pub tasks: Vec<Task>,
    /// Units that have at least one task, in registry order, with their task numbers.
    pub units: Vec<UnitTasks>,
    /// The source files this plan was read from.
    pub sources: Vec<String>,
}

impl Plan {
    /// The title as the source writes it, its note (（共计121项）) included.
    pub fn title_as_written(&self) -> Option<String> {
        let title = self.title.as_deref()?;
        Some(format!(
            "{title}{}",
            self.title_note.as_deref().unwrap_or_default()
        ))
    }

    /// The task numbered `no`. Tasks are nearly always numbered 1, 2, … in order, so this
    /// looks at position `no - 1` first and searches only when the numbering is off.
    pub fn task(&self, no: u32) -> Option<&Task> {
        (no as usize)
            .checked_sub(1)
            .and_then(|i| self.tasks.get(i))
            .filter(|t| t.no == no)
            .or_else(|| self.tasks.iter().find(|t| t.no == no))
    }

    /// The section numbered `no` (1-based).
    pub fn section(&self, no: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.no == no)
    }

    /// The group numbered `no` (1-based, counted through the whole plan).
    pub fn group(&self, no: u32) -> Option<&Group> {
        // Sections hold consecutive group numbers: find the section first.
        self.sections
            .iter()
            .find(|s| s.groups.last().is_some_and(|g| g.no >= no))
            .and_then(|s| s.groups.iter().find(|g| g.no == no))
            .or_else(|| self.groups().find(|g| g.no == no))
    }

    /// All groups in plan order.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.sections.iter().flat_map(|s| s.groups.iter())
    }

    /// Every text the documents print, with its place (the nearest one known): what the
    /// glyph check reads.
    pub fn texts(&self) -> Vec<(Location, &str)> {
        let file = Location::file(self.sources.first().cloned().unwrap_or_default());
        let notice_at = self.notice.origin.clone().unwrap_or_else(|| file.clone());
        let mut out: Vec<(Location, &str)> = Vec::new();
        let n = &self.notice;
        for text in [
            &n.issuer,
            &n.doc_number,
            &n.title,
            &n.signer,
            &n.date,
            &self.title,
        ]
        .into_iter()
        .flatten()
        {
            out.push((notice_at.clone(), text));
        }
        for text in n.recipients.iter().chain(&n.attachments) {
            out.push((notice_at.clone(), text));
        }
        let paragraphs = n.body.iter().chain(&n.imprint).chain(&self.preamble);
        for p in paragraphs.chain(&self.closing).chain(&self.after_table) {
            out.push((p.origin.clone(), &p.text));
        }
        for section in &self.sections {
            let at = section.origin.clone().unwrap_or_else(|| file.clone());
            out.push((at, &section.title));
            for p in &section.intro {
                out.push((p.origin.clone(), &p.text));
            }
            for group in &section.groups {
                let at = group.origin.clone().unwrap_or_else(|| file.clone());
                out.push((at.clone(), &group.title));
                out.push((at, &group.text));
            }
        }
        let table_at = self.table.origin.clone().unwrap_or_else(|| file.clone());
        for text in self.table.title.iter().chain(&self.table.extra_columns) {
            out.push((table_at.clone(), text));
        }
        for task in &self.tasks {
            let fields = [
                Some(&task.content),
                task.deadline_text.as_ref(),
                task.person.as_ref(),
            ];
            for text in fields.into_iter().flatten().chain(&task.extra) {
                out.push((task.origin.clone(), text));
            }
            out.push((task.units_place().clone(), &task.units_display));
        }
        out
    }
}

/// A part of the plan, 一、进一步完善儿童友好城区建设顶层设计.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// 1-based number.
    pub no: u32,
    /// The Chinese numeral as written: 一, 二, …
    pub numeral: String,
    /// The title without its numeral, from the prose when there is prose.
    pub title: String,
    /// The title as the table's section row writes it, when that row exists.
    pub table_title: Option<String>,
    /// Where the prose heading is.
    pub origin: Option<Location>,
    /// Where the table's section row is.
    pub table_origin: Option<Location>,
    /// Paragraphs between its heading and its first group (what the section says before
    /// its work: aims, principles), as the prose writes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<Paragraph>,
    /// Its groups, in order.
    pub groups: Vec<Group>,
}

/// A bold-headed paragraph of the prose (or a 主要事项 label of a table without prose).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// 1-based number through the whole plan: the （N） a continuous numbering would give.
    pub no: u32,
    /// The heading without its closing 。, e.g. 推动友好理念融入规划体系.
    pub title: String,
    /// The paragraph's text after the heading (empty for a table-only plan); it starts with
    /// a line break when the heading stands on a line of its own, with `：` when the heading
    /// closes with one (（一）总体要求：坚持…).
    pub text: String,
    /// The heading as the prose numbers it (（一）坚持常态化疫情防控), printed so in the
    /// attachment; none for a bold lead-in without a number, or a plan without prose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Where the heading is.
    pub origin: Option<Location>,
    /// The table label naming this group, as written, if the table has one.
    pub label: Option<String>,
    /// Numbers of its tasks, in order.
    pub tasks: Vec<u32>,
}

/// A further table of the source read into the 任务分工表 under its own title (see
/// [`TaskTable::parts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TablePart {
    /// Its title as written (2022年《政府工作报告》重点任务分解表).
    pub title: String,
    /// The number of its first task.
    pub first_task: u32,
}

/// The 任务分工表 as laid out in the source, kept so checks can compare it with the prose.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskTable {
    /// Its title, e.g. 嘉定区推进儿童友好城区建设2025年重点工作任务分工表.
    pub title: Option<String>,
    /// The further tables read into it whose titles stand over sections of their own (附件2
    /// 重点任务分解表 / 一、扩大有效投资 …): each title and the number of the part's first task.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TablePart>,
    /// Where the table starts (its first header row).
    pub origin: Option<Location>,
    /// How many times the header row was repeated after page breaks.
    pub repeated_headers: u32,
    /// The section rows, 一、… spanning the table.
    pub sections: Vec<TableSection>,
    /// The 主要事项 labels, where they sit in the table.
    pub labels: Vec<TableLabel>,
    /// How the groups were decided: from the prose by matching text, or from the labels.
    pub grouping: GroupingSource,
    /// Headers of the source table's columns fengong does not read (备注 …), kept with
    /// each task's values ([`Task::extra`]) and printed in the table outputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_columns: Vec<String>,
    /// Names a two-row header merges over several columns (阶段目标 over 6月底前 | 12月底前,
    /// 责任单位 over 牵头单位 | 配合单位): printed over those columns as the source has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_bands: Vec<HeaderBand>,
    /// Which of [`TaskTable::extra_columns`] (by index) set what is done by a period
    /// (一季度 … 四季度, 2025年 … 2027年): a schedule, shown on each unit's sheet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule_columns: Vec<usize>,
    /// The header the source writes over the schedule's columns (时间节点 merged over
    /// 一季度 … 四季度), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_heading: Option<String>,
    /// The header row as the source writes it, one text a column (序号, 工作任务, 牵头单位 …):
    /// how each column was recognised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<String>,
    /// The header rows of the further tables read into it, where each differs from the
    /// first's (附件3's 序号 | 任务内容 | 责任单位 under 附件2's 序号 | 指标名称 | 目标 …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub further_headers: Vec<Vec<String>>,
    /// The source gives leads and supports apart (牵头单位 | 配合单位 columns, labelled lines,
    /// inline duties): the published table does too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub roles_apart: bool,
    /// What the source calls its leading units' column or line (主责单位, 牵头科室（单位）),
    /// printed as that column's header; 牵头单位 when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_column: Option<String>,
    /// What the source calls its supporting units' (协同单位, a 责任单位 beside the lead's);
    /// 配合单位 when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_column: Option<String>,
    /// What the source calls a 责任单位 column beside the 牵头 and 配合 ones, whose units are
    /// [`Role::Responsible`]: printed as a column of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_column: Option<String>,
    /// What the source calls its content column (工作任务, 重点事项); 具体内容 when it does
    /// not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_column: Option<String>,
    /// What the source calls a units column that lists leads and supports together (责任单位,
    /// 牵头组织实施单位 alone); 责任单位 when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_column: Option<String>,
    /// What the source calls its deadline column (时间节点, 完成时间); 完成时限 when it does
    /// not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_column: Option<String>,
    /// What the source calls its leader column (分管领导, 责任人); 责任领导 when it does not
    /// say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_column: Option<String>,
    /// What the source calls its group column (类别, 领域); 主要事项 when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_column: Option<String>,
    /// The columns fengong reads, in the order the source's header sets them (序号 | 重点工作
    /// | 责任领导 | 责任单位): the published table keeps that order. Empty for a plan without
    /// a table header (inline duties, labelled lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub column_order: Vec<TableColumn>,
    /// The notes the source prints under its table (注：…), printed under the published one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Paragraph>,
}

/// A column of the source's task table, by what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableColumn {
    /// 主要事项, 类别.
    Group,
    /// 序号.
    No,
    /// 具体内容, 工作任务.
    Content,
    /// 牵头单位.
    Lead,
    /// 配合单位 (or a 责任单位 column beside the 牵头单位 one).
    Support,
    /// A 责任单位 column beside both the 牵头单位 and the 配合单位 ones.
    Responsible,
    /// 责任单位: leads and supports in one column.
    Units,
    /// 完成时限.
    Deadline,
    /// 责任领导.
    Person,
    /// The source's `n`th column that fengong does not read (see [`TaskTable::extra_columns`]).
    Extra(usize),
}

/// A name a two-row header merges over several columns, and the columns under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderBand {
    /// The name as written (阶段目标).
    pub name: String,
    /// The columns it stands over, left to right.
    pub columns: Vec<TableColumn>,
}

impl TaskTable {
    /// The name a two-row header merges over `column`, if any.
    pub fn band_over(&self, column: TableColumn) -> Option<&str> {
        (self.header_bands.iter())
            .find(|b| b.columns.contains(&column))
            .map(|b| b.name.as_str())
    }

    /// The 主要事项 label the table gives group `group`, if any.
    pub fn label_of(&self, group: u32) -> Option<&str> {
        self.labels
            .iter()
            .find(|l| l.group == Some(group))
            .map(|l| l.text.as_str())
    }
}

/// Where the grouping of tasks came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupingSource {
    /// Each task's text was found in a bold-headed paragraph of the prose.
    #[default]
    Prose,
    /// No prose: the table's labels decide (a label holds until the next one).
    Labels,
}

/// A section row of the table: 一、进一步完善儿童友好城区建设顶层设计.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSection {
    /// The numeral, 一.
    pub numeral: String,
    /// The title without the numeral.
    pub title: String,
    /// Where the row is.
    pub origin: Location,
    /// The first task after the row.
    pub first_task: Option<u32>,
}

/// A 主要事项 label as it sits in the table: text, row, and which group it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableLabel {
    /// As written, e.g. `(八) 推动幼有善育、学有优教`.
    pub text: String,
    /// The number in its （）, e.g. 8 for （八）.
    pub number: Option<u32>,
    /// The title after the number.
    pub title: String,
    /// Where it is.
    pub origin: Location,
    /// The task on its row, or the next task when the label has a row of its own.
    pub row_task: Option<u32>,
    /// The group this label names (matched by title), when one matches.
    pub group: Option<u32>,
}

/// A unit and the tasks it carries, for sheets and summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitTasks {
    /// Canonical name.
    pub name: String,
    /// Kind of unit.
    pub kind: UnitKind,
    /// Whether the registry knows it.
    pub known: bool,
    /// Tasks it leads.
    pub lead: Vec<u32>,
    /// Tasks it supports, or carries out as a 责任单位 beside the 牵头 and 配合 ones
    /// ([`Role::Responsible`]).
    pub support: Vec<u32>,
}
