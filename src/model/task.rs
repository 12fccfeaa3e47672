//! Tasks of the 任务分工表, the units assigned to them, and their quantified targets.

use serde::{Deserialize, Serialize};

use crate::base::diag::Location;

/// One row of the 任务分工表.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// The task number (序号).
    pub no: u32,
    /// The content as written in the table (具体内容), or as corrected by the config.
    pub content: String,
    /// The matching sentence(s) of the prose, when the plan has prose.
    pub prose: Option<String>,
    /// The section number (1-based).
    pub section: u32,
    /// The group number (1-based, through the whole plan).
    pub group: u32,
    /// The 责任单位 cell as written.
    pub units_text: String,
    /// The 责任单位 cell as documents print it: aliases replaced by canonical names.
    pub units_display: String,
    /// The units assigned, canonical names, the lead(s) first.
    pub units: Vec<Assignment>,
    /// Phrases in the 责任单位 cell that name no unit: 相关部门, 协调机制成员单位 …
    pub unspecified: Vec<String>,
    /// Those of them written in a 责任单位 column beside the 牵头 and 配合 ones: printed in
    /// that column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible_phrases: Vec<String>,
    /// Those of them written among the leads (a piece of a lead's name the source stops
    /// inside): printed in the 牵头 column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_phrases: Vec<String>,
    /// Units the 责任单位 cell names more than once (canonical names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicate_units: Vec<String>,
    /// Pieces of names a cut-off source leaves (区, 市发): kept as written with the phrases
    /// that name no unit, never a unit with a sheet of its own; `check` says each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_fragments: Vec<String>,
    /// The cell's first entry, when it names no unit, so the lead fell to a later one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_not_first: Option<String>,
    /// Deadline as `YYYY-MM-DD`, or `None` when neither the task nor the config gives one.
    pub deadline: Option<crate::base::date::Date>,
    /// The deadline as written in the source (完成时限), when the source has one.
    pub deadline_text: Option<String>,
    /// The day the work starts, when the source's table gives one (a 启动时间 column):
    /// the 序时进度 counts from it, not from 1 January.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<crate::base::date::Date>,
    /// 责任领导 / 责任人, when the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The values of the table's extra columns ([`super::TaskTable::extra_columns`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<String>,
    /// Quantified targets found in the content.
    pub targets: Vec<Target>,
    /// Where the row is.
    pub origin: Location,
    /// Where the 序号 cell is, when the source has a finer place for the row than its
    /// content's cell (a worksheet's or Word table's): findings about the number point there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_origin: Option<Location>,
    /// Where the 责任单位 cell is, when the source has a finer place for it than the row
    /// (a worksheet's or Word table's cell): findings about units point there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_origin: Option<Location>,
    /// Where the supporting units' cell is, when they have a column of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_origin: Option<Location>,
    /// Where the 责任单位 cell is, when the table has one beside the 牵头 and 配合 columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_origin: Option<Location>,
    /// Where the matching prose starts.
    pub prose_origin: Option<Location>,
    /// The user's correction from the config, when one was applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<AppliedCorrection>,
}

/// What a correction in the config changed, kept so the audit report can list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedCorrection {
    /// The table's content before the correction, when the content changed.
    pub content_was: Option<String>,
    /// The table's 责任单位 before the correction, when the units changed.
    pub units_was: Option<String>,
    /// The 完成时限 before the correction (— when the source gave none), when it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_was: Option<String>,
    /// The user's reason.
    pub reason: Option<String>,
    /// Where the correction is in the config.
    pub origin: Location,
}

impl Task {
    /// Where findings about this task's units point: its 责任单位 cell, or its row.
    pub fn units_place(&self) -> &Location {
        self.units_origin.as_ref().unwrap_or(&self.origin)
    }

    /// Where findings about assignment `a` point: the supporting units' cell for a unit that
    /// supports (when they have their own), else [`Task::units_place`].
    pub fn unit_place(&self, a: &Assignment) -> &Location {
        match (&self.support_origin, &self.responsible_origin, a.role) {
            (Some(place), _, Role::Support) | (_, Some(place), Role::Responsible) => place,
            _ => self.units_place(),
        }
    }

    /// Where a phrase of the units that names no unit (a piece of a cut name) is written:
    /// the 责任单位 column beside 牵头 and 配合, the leads' cell, or else the supports' own
    /// cell when they have one.
    pub fn phrase_place(&self, phrase: &str) -> &Location {
        let listed = |phrases: &[String]| phrases.iter().any(|p| p == phrase);
        match (&self.responsible_origin, &self.support_origin) {
            (Some(place), _) if listed(&self.responsible_phrases) => place,
            _ if listed(&self.lead_phrases) => self.units_place(),
            (_, Some(place)) => place,
            _ => self.units_place(),
        }
    }

    /// The units that lead this task.
    pub fn leads(&self) -> impl Iterator<Item = &Assignment> {
        self.units.iter().filter(|a| a.role == Role::Lead)
    }

    /// The units that support this task.
    pub fn supports(&self) -> impl Iterator<Item = &Assignment> {
        self.units.iter().filter(|a| a.role == Role::Support)
    }

    /// The assignment of `unit` (canonical name), if any.
    pub fn assignment(&self, unit: &str) -> Option<&Assignment> {
        self.units.iter().find(|a| a.name == unit)
    }
}

/// 牵头, 配合 or 责任.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 牵头: the first unit listed, responsible for the task and for reporting on it.
    Lead,
    /// 配合: every other unit listed.
    Support,
    /// 责任: a unit the source lists in a 责任单位 column of its own beside the 牵头 and 配合
    /// ones (牵头单位 | 参与单位 | 责任单位): it carries the work out where it answers
    /// (各县区政府) and reports as a 配合 unit does.
    Responsible,
}

impl Role {
    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "牵头",
            Role::Support => "配合",
            Role::Responsible => "责任",
        }
    }
}

/// One unit's part in a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The unit's canonical name.
    pub name: String,
    /// 牵头 or 配合.
    pub role: Role,
    /// The name as written in the table, when it differs from `name` (an alias, or a group
    /// such as 各街镇 that expanded to this unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// The group phrase this assignment came from: 各街镇, 相关街镇.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// True when the group names an unspecified subset (相关街镇): the unit is concerned only
    /// where the task applies to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
    /// False when the name is not in the unit registry.
    pub known: bool,
}

/// A quantified target of a task: 新增 4 个公办托幼一体园, 覆盖率达 100%.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The number.
    pub value: f64,
    /// Its unit as written: 个, %, 小时, 户, 万元 …
    pub unit: String,
    /// How the number binds.
    pub comparator: Comparator,
    /// What it measures: the phrase around the number, e.g. 公办托幼一体园.
    pub subject: String,
    /// The phrase as written, e.g. 新增 4 个公办托幼一体园.
    pub phrase: String,
}

/// How a target's number binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Exactly (新增 4 个).
    Eq,
    /// At least (不少于, 不低于, 达到…以上).
    AtLeast,
    /// At most (不超过, 控制在…以内).
    AtMost,
}
