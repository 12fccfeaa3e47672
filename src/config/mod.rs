//! `input/fengong.toml`, the project configuration: plan defaults, notice fields the source
//! lacks, and the unit registry.

use serde::{Deserialize, Serialize};

use crate::base::diag::{Error, Location, Result};
use crate::model::{Unit, UnitGroup, UnitRegistry};

pub mod edit;

/// Phrases that stand for "whoever it concerns" and never name a unit, used when the config
/// does not list its own.
pub const DEFAULT_UNSPECIFIED: &[&str] = &[
    "相关部门",
    "相关职能部门",
    "各有关部门",
    "有关部门",
    "各相关部门",
    "相关单位",
    "各相关单位",
    "有关单位",
    "协调机制成员单位",
];

/// The whole configuration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Plan-wide defaults.
    pub plan: PlanConfig,
    /// Notice fields that the source does not carry.
    pub notice: NoticeConfig,
    /// The units, canonical name first.
    pub units: Vec<Unit>,
    /// Group phrases: 各街镇, 相关街镇.
    pub groups: Vec<UnitGroup>,
    /// Phrases that name no unit.
    pub unspecified: Vec<String>,
    /// Per-task corrections the user decided on (which text wins: table or prose).
    pub corrections: Vec<Correction>,
    /// Font files per role, replacing the shipped free fonts.
    pub fonts: FontsConfig,
    /// How returned forms are scored.
    pub evaluation: EvaluationConfig,
    /// The file this config was read from, for messages (not part of the file).
    #[serde(skip)]
    pub path: Option<String>,
}

/// `[[corrections]]`: the user's decision for one task, applied when publishing and listed
/// in the audit report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The task number.
    pub task: u32,
    /// New 具体内容 for the task.
    #[serde(default)]
    pub content: Option<String>,
    /// Take the prose's text as the content.
    #[serde(default)]
    pub use_prose: bool,
    /// New 责任单位 cell, lead first.
    #[serde(default)]
    pub units: Option<String>,
    /// New 完成时限, as a plan writes it (2026年6月底前, 2026-06-30).
    #[serde(default)]
    pub deadline: Option<String>,
    /// Why, for the audit report.
    #[serde(default)]
    pub reason: Option<String>,
    /// The line of the entry in the config file (not part of the file).
    #[serde(skip)]
    pub line: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            plan: PlanConfig::default(),
            notice: NoticeConfig::default(),
            units: Vec::new(),
            groups: Vec::new(),
            unspecified: DEFAULT_UNSPECIFIED.iter().map(|s| s.to_string()).collect(),
            corrections: Vec::new(),
            fonts: FontsConfig::default(),
            evaluation: EvaluationConfig::default(),
            path: None,
        }
    }
}

/// `[plan]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanConfig {
    /// The plan year, when neither the title nor the doc number says it.
    pub year: Option<i32>,
    /// Deadline (`YYYY-MM-DD`) of tasks whose row names none, e.g. the plan year's end.
    pub default_deadline: Option<String>,
    /// Source files to read, relative to the input folder; empty means every text and
    /// spreadsheet file at the top of the folder.
    pub sources: Vec<String>,
    /// The plan's title, when the sources do not give one (or to replace theirs).
    pub title: Option<String>,
    /// Who leads in a plain 责任单位 column: the first listed unit (default) or all of them.
    /// A unit marked in the cell (`X牵头`) always wins.
    pub lead: LeadRule,
    /// The office units send their returns to, when not the issuer (县…领导小组办公室).
    pub returns_to: Option<String>,
}

/// `[plan] lead`: who leads when a 责任单位 cell lists several units and marks none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeadRule {
    /// The first listed unit leads, the others support (the usual convention).
    #[default]
    First,
    /// Every listed unit leads (plans that list co-responsible units).
    All,
}

/// `[fonts]`: the user's own font files for the GB/T 9704 roles (方正小标宋, 仿宋_GB2312 …),
/// relative to the input folder or absolute.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FontsConfig {
    /// 小标宋: titles and the 发文机关标志.
    pub title: Option<String>,
    /// 仿宋: body text.
    pub body: Option<String>,
    /// 黑体: 一、 headings, table headers.
    pub hei: Option<String>,
    /// 楷体: （一） headings.
    pub kai: Option<String>,
    /// 宋体: page numbers, and the per-glyph fallback.
    pub song: Option<String>,
}

/// `[evaluation]`: the scoring rules of the 半年度 and 年度 evaluations. The report prints
/// them, so whoever reads a score can see how it was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EvaluationConfig {
    /// Scores at mid-year (半年度).
    pub mid_year: ScoreTable,
    /// Scores at year-end (年度).
    pub year_end: ScoreTable,
    /// Weight of a task the unit leads in its score.
    pub lead_weight: f64,
    /// Weight of a task the unit supports.
    pub support_weight: f64,
    /// Two returns of one unit for one period: take the one with the later 填报日期 instead
    /// of setting both aside (also `--prefer-latest`).
    pub prefer_latest: bool,
    /// 序时推进 with a progress below the share of time elapsed towards the deadline counts
    /// as 滞后 (未达序时进度).
    pub schedule_rule: bool,
}

impl Default for EvaluationConfig {
    fn default() -> Self {
        EvaluationConfig {
            mid_year: ScoreTable {
                completed: 100.0,
                on_schedule: 80.0,
                lagging: 40.0,
                not_started: 0.0,
                missing: 0.0,
            },
            year_end: ScoreTable {
                completed: 100.0,
                on_schedule: 60.0,
                lagging: 40.0,
                not_started: 0.0,
                missing: 0.0,
            },
            lead_weight: 1.0,
            support_weight: 0.5,
            prefer_latest: false,
            schedule_rule: true,
        }
    }
}

/// Points for each status.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreTable {
    /// 已完成.
    pub completed: f64,
    /// 序时推进.
    pub on_schedule: f64,
    /// 滞后.
    pub lagging: f64,
    /// 未启动.
    pub not_started: f64,
    /// 未报送: the unit returned nothing for the task.
    pub missing: f64,
}

impl ScoreTable {
    /// Points for a status.
    pub fn of(&self, status: crate::model::Status) -> f64 {
        use crate::model::Status;
        match status {
            Status::Completed => self.completed,
            Status::OnSchedule => self.on_schedule,
            Status::Lagging => self.lagging,
            Status::NotStarted => self.not_started,
            Status::Missing => self.missing,
        }
    }
}

impl EvaluationConfig {
    /// The score table of a period.
    pub fn scores(&self, kind: crate::model::PeriodKind) -> ScoreTable {
        match kind {
            crate::model::PeriodKind::MidYear => self.mid_year,
            crate::model::PeriodKind::YearEnd => self.year_end,
        }
    }
}

/// `[notice]`: what the source lacks, filled in by the user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoticeConfig {
    /// The notice's title, when the source has none (else 关于印发《方案》的通知 is printed).
    pub title: Option<String>,
    /// 署名, when the source has none.
    pub signer: Option<String>,
    /// 成文日期, e.g. `2025年3月5日`, when the source has none.
    pub date: Option<String>,
    /// 版记 抄送: the agencies copied, e.g. `区委办公室，区人大办公室`.
    pub copy_to: Option<String>,
    /// 版记 印发机关, e.g. `上海市嘉定区发展和改革委员会办公室`.
    pub printed_by: Option<String>,
    /// 版记 印发日期, e.g. `2025年3月6日`.
    pub printed_on: Option<String>,
}

impl Config {
    /// Parses the text of a config file named `path` (for messages).
    pub fn parse(text: &str, path: &str) -> Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|err| {
            let line = err
                .span()
                .map(|span| line_of_offset(text, span.start))
                .unwrap_or(1);
            Error::Config {
                location: Location::line(path, line),
                message: in_chinese(err.message()),
            }
        })?;
        config.path = Some(path.to_string());
        // Each correction's line, so messages about it can point there.
        let mut entry_lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[corrections]]")
            .map(|(i, _)| i as u32 + 1);
        for correction in &mut config.corrections {
            correction.line = entry_lines.next().unwrap_or(1);
            let given = correction.content.is_some() as u8 + correction.use_prose as u8;
            let more = correction.units.is_some() || correction.deadline.is_some();
            if given > 1 || (given == 0 && !more) {
                return Err(Error::Config {
                    location: Location::line(path, correction.line),
                    message: format!(
                        "第 {} 项任务的更正须写 content（新内容）或 use_prose = true（采用正文），二选一；也可只写 units 或 deadline",
                        correction.task
                    ),
                });
            }
        }
        config.notice.signer = non_empty(config.notice.signer.take());
        config.notice.date = non_empty(config.notice.date.take());
        config.notice.copy_to = non_empty(config.notice.copy_to.take());
        config.notice.printed_by = non_empty(config.notice.printed_by.take());
        config.notice.printed_on = non_empty(config.notice.printed_on.take());
        config.plan.default_deadline = non_empty(config.plan.default_deadline.take());
        let eval = &config.evaluation;
        let scores = [&eval.mid_year, &eval.year_end].into_iter().flat_map(|t| {
            [
                t.completed,
                t.on_schedule,
                t.lagging,
                t.not_started,
                t.missing,
            ]
        });
        if scores
            .chain([eval.lead_weight, eval.support_weight])
            .any(|v| !v.is_finite() || !(0.0..=1000.0).contains(&v))
        {
            return Err(Error::Config {
                location: Location::line(path, find_line(text, "[evaluation")),
                message: "[evaluation] 中的分值和权重须为 0—1000 之间的数".into(),
            });
        }
        if let Some(deadline) = &config.plan.default_deadline
            && crate::base::date::parse_iso(deadline).is_none()
        {
            return Err(Error::Config {
                location: Location::line(path, find_line(text, "default_deadline")),
                message: format!("default_deadline「{deadline}」不是 YYYY-MM-DD 格式的日期"),
            });
        }
        Ok(config)
    }

    /// Builds the unit registry; a bad registry is a config error at `path`.
    pub fn registry(&self, path: &str) -> Result<UnitRegistry> {
        UnitRegistry::new(
            self.units.clone(),
            self.groups.clone(),
            self.unspecified.clone(),
        )
        .map_err(|err| Error::Config {
            location: Location::file(path),
            message: err.0,
        })
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn line_of_offset(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

fn find_line(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| i as u32 + 1)
        .unwrap_or(1)
}

/// What the TOML reader says of a config file, in the words of those who edit it: the
/// field it does not know and those it does, a missing field, a value of the wrong kind
/// (and what was written instead), a key given twice, the syntax slip it names. Its English
/// is never shown: a slip it names in words not known here is said generally.
fn in_chinese(message: &str) -> String {
    use std::sync::LazyLock;
    static FIELD: LazyLock<regex::Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"^unknown field `([^`]*)`, expected (?:one of )?(.*)$").unwrap()
    });
    static MISSING: LazyLock<regex::Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"^missing field `([^`]*)`").unwrap()
    });
    static DUPLICATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"duplicate key(?: `([^`]*)`)?").unwrap()
    });
    static TICKED: LazyLock<regex::Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"`([^`]*)`").unwrap()
    });
    let message = message.trim();
    if let Some(caps) = FIELD.captures(message) {
        let known: Vec<&str> = TICKED
            .captures_iter(&caps[2])
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect();
        return format!(
            "不认识的设置项「{}」；这里可写的有：{}",
            &caps[1],
            known.join("、")
        );
    }
    if let Some(caps) = MISSING.captures(message) {
        return format!("缺少必填的设置项「{}」", &caps[1]);
    }
    if let Some(caps) = DUPLICATE.captures(message) {
        return match caps.get(1) {
            Some(key) => format!("设置项「{}」写了两次", key.as_str()),
            None => "同一设置项写了两次".to_string(),
        };
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return wrong_value(message);
    }
    if message.starts_with("wanted ") {
        return format!("取值的写法不对：{}", what_is_wanted(message));
    }
    format!("TOML 写法有误：{}", syntax_slip(message))
}

/// A value of the wrong kind, said as what was written and what is wanted, from the
/// reader's `invalid type: string "abc", expected i32`.
fn wrong_value(message: &str) -> String {
    use std::sync::LazyLock;
    static WRONG: LazyLock<regex::Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(
            r#"^invalid (type|value): (string|integer|floating point|boolean|map|sequence)(?: [`"](.*)[`"])?, expected (.*)$"#,
        )
        .unwrap()
    });
    let Some(caps) = WRONG.captures(message) else {
        return format!("取值的写法不对：{}", what_is_wanted(message));
    };
    let kind = match &caps[2] {
        "string" => "文字",
        "integer" => "整数",
        "floating point" => "小数",
        "boolean" => "true/false",
        "map" => "没加引号的日期或一组设置",
        _ => "列表",
    };
    let written = match (caps.get(3), &caps[1]) {
        (Some(value), "value") => format!("{kind}「{}」超出了可用的范围，", value.as_str()),
        (Some(value), _) => format!("这里写成了{kind}「{}」，", value.as_str()),
        (None, _) => format!("这里写成了{kind}，"),
    };
    format!("取值的写法不对：{written}{}", what_is_wanted(&caps[4]))
}

/// What the reader expected, from the words after its `expected` (or its `wanted …`).
fn what_is_wanted(expected: &str) -> &'static str {
    let wanted = expected.rsplit("expected").next().unwrap_or(expected);
    if wanted.contains("string") {
        "应为加引号的文字（如 \"2026-06-30\"）"
    } else if wanted.contains("bool") {
        "应为 true 或 false"
    } else if ["integer", "i32", "u32", "i64", "u64", "u8", "u16"]
        .iter()
        .any(|t| wanted.contains(t))
    {
        "应为整数（不加引号）"
    } else {
        "取值的类型不对"
    }
}

/// The slip a TOML syntax error names, said as what to write instead.
fn syntax_slip(message: &str) -> &'static str {
    const SLIPS: &[(&str, &str)] = &[
        (
            "unclosed table",
            "表名的方括号没有配对，应写成 [plan] 或 [[units]] 这样",
        ),
        (
            "unclosed array",
            "列表的方括号没有闭合，应写成 [\"甲\", \"乙\"] 这样",
        ),
        (
            "key with no value",
            "设置项后缺少等号和取值，应写成 名称 = 取值",
        ),
        (
            "string values must be quoted",
            "文字取值要加英文双引号，如 title = \"…\"",
        ),
        ("string", "引号没有配对：文字取值的前后各要一个英文双引号"),
        (
            "unexpected key or value",
            "这一行在取值或表名之后还有多余的字符",
        ),
        (
            "invalid key",
            "设置项的名称写法有误（名称只用英文字母、数字、下划线）",
        ),
    ];
    SLIPS
        .iter()
        .find(|(english, _)| message.contains(english))
        .map(|(_, chinese)| *chinese)
        .unwrap_or("请核对这一行的引号、等号和方括号")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toml_readers_words_are_said_in_chinese() {
        let err = Config::parse(
            "[[corrections]]\ntask = 3\ndue = \"2023-12-31\"\n",
            "f.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("不认识的设置项「due」"), "{err}");
        assert!(err.contains("units"), "{err}");
        assert!(!err.contains("unknown field"), "{err}");
        let err = Config::parse("[plan]\nyear = \"2026\"\n", "f.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("取值的写法不对"), "{err}");
        let err = Config::parse("[plan\nyear = 2026\n", "f.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("TOML 写法有误"), "{err}");
    }

    #[test]
    fn a_config_slip_is_said_without_the_readers_english() {
        let said = |toml: &str| Config::parse(toml, "f.toml").unwrap_err().to_string();
        let cases = [
            ("[plan\nyear = 2026\n", "方括号没有配对"),
            ("[plan]\nyear 2026\n", "缺少等号"),
            ("[plan]\ntitle = \"abc\n", "引号没有配对"),
            (
                "[plan]\nyear = \"abc\"\n",
                "这里写成了文字「abc」，应为整数",
            ),
            ("[plan]\nyear = 2026\nyear = 2027\n", "写了两次"),
            ("[plan]\ntitle = abc\n", "要加英文双引号"),
            (
                "[[units]]\nname = 3\n",
                "这里写成了整数「3」，应为加引号的文字",
            ),
            ("[plan]\ndefault_deadline = 2026-06-30\n", "没加引号的日期"),
            ("[plan]\nyear = 2026.5\n", "小数「2026.5」"),
            ("[plan]\nyear = 99999999999\n", "超出了可用的范围"),
            ("[plan]]\n", "多余的字符"),
            ("[plan]\nlead = 3\n", "应为加引号的文字"),
        ];
        for (toml, words) in cases {
            let err = said(toml);
            assert!(err.contains(words), "{toml:?}: {err}");
            for english in [
                "expected", "invalid", "unclosed", "wanted", "must", "key", "value",
            ] {
                assert!(!err.contains(english), "{toml:?}: {err}");
            }
        }
    }

    #[test]
    fn empty_config_has_builtin_phrases() {
        let config = Config::parse("", "fengong.toml").unwrap();
        assert!(config.unspecified.iter().any(|p| p == "相关部门"));
        assert!(config.units.is_empty());
    }

    #[test]
    fn blank_notice_fields_are_absent() {
        let config = Config::parse("[notice]\nsigner = \"  \"\ndate = \"\"\n", "f.toml").unwrap();
        assert_eq!(config.notice.signer, None);
        assert_eq!(config.notice.date, None);
    }

    #[test]
    fn errors_name_the_line() {
        let err = Config::parse("[plan]\nyear = 2025\nbogus = 1\n", "input/fengong.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("input/fengong.toml:3:"), "{err}");
        let err = Config::parse("[plan]\ndefault_deadline = \"2025-13-01\"\n", "f.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.toml:2:"), "{err}");
    }

    #[test]
    fn corrections_know_their_lines() {
        let text = "[plan]\nyear = 2025\n\n[[corrections]]\ntask = 40\ncontent = \"推进苏河源综合公园竣工。\"\n\n[[corrections]]\ntask = 71\nuse_prose = true\n";
        let config = Config::parse(text, "f.toml").unwrap();
        let lines: Vec<(u32, u32)> = config
            .corrections
            .iter()
            .map(|c| (c.task, c.line))
            .collect();
        assert_eq!(lines, [(40, 4), (71, 8)]);
        let both = "[[corrections]]\ntask = 1\ncontent = \"x\"\nuse_prose = true\n";
        let err = Config::parse(both, "f.toml").unwrap_err().to_string();
        assert!(err.starts_with("f.toml:1:"), "{err}");
        let neither = "[[corrections]]\ntask = 1\n";
        assert!(Config::parse(neither, "f.toml").is_err());
    }

    #[test]
    fn evaluation_rules_read_and_are_checked() {
        let text = "[evaluation]\nsupport_weight = 0.25\n\n[evaluation.mid_year]\ncompleted = 100\non_schedule = 70\nlagging = 30\nnot_started = 0\nmissing = 0\n";
        let config = Config::parse(text, "f.toml").unwrap();
        assert_eq!(config.evaluation.support_weight, 0.25);
        assert_eq!(config.evaluation.mid_year.on_schedule, 70.0);
        assert_eq!(config.evaluation.year_end.on_schedule, 60.0, "default kept");
        let bad = "[plan]\nyear = 2025\n[evaluation]\nlead_weight = -1\n";
        let err = Config::parse(bad, "f.toml").unwrap_err().to_string();
        assert!(err.starts_with("f.toml:3:"), "{err}");
    }

    #[test]
    fn iso_dates() {
        assert!(crate::base::date::parse_iso("2025-12-31").is_some());
        assert!(crate::base::date::parse_iso("2024-02-29").is_some());
        assert!(crate::base::date::parse_iso("2025-02-29").is_none());
        assert!(crate::base::date::parse_iso("2025-1-31").is_none());
        assert!(crate::base::date::parse_iso("2025-12-32").is_none());
    }
}
