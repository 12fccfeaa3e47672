//! Decisions recorded in `fengong.toml` on the user's behalf (the 校对 page): edited as a
//! document, so every comment, blank line and the order of entries stay as the user left them.

use std::path::Path;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value, value};

use super::Config;
use crate::base::diag::{Error, Location, Result};

/// One decision about a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Task `task` takes the prose's text.
    UseProse {
        /// The task's number.
        task: u32,
    },
    /// Task `task` takes the user's own text.
    OwnText {
        /// The task's number.
        task: u32,
        /// The text.
        content: String,
    },
    /// `alias` is another spelling of the registry unit `unit`.
    Alias {
        /// The registry unit's name.
        unit: String,
        /// The spelling found in the source.
        alias: String,
    },
    /// `name` is a unit of its own.
    AddUnit {
        /// The unit's name.
        name: String,
    },
    /// `name` (各街镇, 相关街镇 …) stands for `members`; `partial` when only some of them
    /// are meant (相关…).
    Group {
        /// The phrase.
        name: String,
        /// The registry units it stands for.
        members: Vec<String>,
        /// Only some of the members are meant.
        partial: bool,
    },
    /// The sources to read (file names in the input folder), `[plan] sources`.
    Sources(Vec<String>),
    /// A unit that sent several returns: take the latest (`[evaluation] prefer_latest`).
    PreferLatest,
    /// The notice's 署名.
    Signer(String),
    /// The notice's 成文日期, as written on the notice (2025年3月5日).
    Date(String),
    /// The plan's title, where the source gives none (`[plan] title`).
    PlanTitle(String),
}

impl Decision {
    /// What was recorded, for the user.
    pub fn describe(&self) -> String {
        match self {
            Decision::UseProse { task } => format!("第 {task} 项以正文为准"),
            Decision::OwnText { task, .. } => format!("第 {task} 项采用自行填写的文字"),
            Decision::Alias { unit, alias } => format!("「{alias}」记为「{unit}」的别称"),
            Decision::AddUnit { name } => format!("「{name}」加入单位名录"),
            Decision::Group { name, members, .. } => {
                format!("「{name}」定义为单位组（{} 个单位）", members.len())
            }
            Decision::Sources(files) => format!("只读这些文件：{}", files.join("、")),
            Decision::PreferLatest => "同一单位报送多份的，采用填报日期最晚的一份".into(),
            Decision::Signer(s) => format!("署名「{s}」"),
            Decision::Date(d) => format!("成文日期「{d}」"),
            Decision::PlanTitle(t) => format!("方案标题「{t}」"),
        }
    }
}

/// `text` (a config file named `path`, possibly empty) with `decision` recorded. The result
/// is checked by parsing it as fengong will: a decision that would make the file unreadable
/// is refused with the reason.
pub fn apply(text: &str, path: &str, decision: &Decision) -> Result<String> {
    let refuse = |message: String| Error::Config {
        location: Location::file(path),
        message,
    };
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| refuse(e.message().to_string()))?;
    match decision {
        Decision::UseProse { task } => correct(&mut doc, *task, None)?,
        Decision::OwnText { task, content } => {
            let content = content.trim();
            if content.is_empty() {
                return Err(refuse(format!("第 {task} 项的新文字是空的")));
            }
            correct(&mut doc, *task, Some(content))?
        }
        Decision::Alias { unit, alias } => add_alias(&mut doc, unit.trim(), alias.trim())?,
        Decision::AddUnit { name } => add_unit(&mut doc, name.trim())?,
        Decision::Group {
            name,
            members,
            partial,
        } => add_group(&mut doc, name.trim(), members, *partial)?,
        Decision::Sources(files) => {
            if files.is_empty() {
                return Err(refuse("至少要读一个文件".into()));
            }
            let list: Array = files.iter().map(String::as_str).collect();
            set_in(&mut doc, "plan", "sources", Value::Array(list))?
        }
        Decision::PreferLatest => {
            set_in(&mut doc, "evaluation", "prefer_latest", Value::from(true))?
        }
        Decision::Signer(signer) => set_notice(&mut doc, "signer", signer.trim())?,
        Decision::PlanTitle(title) => {
            // As the notice names it, without the 《》 a clerk may type around it.
            let title = title.trim().trim_matches(['《', '》']).trim();
            if title.is_empty() {
                return Err(refuse("方案标题是空的".into()));
            }
            set_in(&mut doc, "plan", "title", Value::from(title))?
        }
        Decision::Date(date) => {
            // Written as the notice prints it, whatever form it was typed in (2025-03-05).
            let date = date.trim();
            let Some(parsed) = crate::base::date::parse_written(date) else {
                return Err(refuse(format!("成文日期「{date}」应写作如 2025年3月5日")));
            };
            set_notice(&mut doc, "date", &crate::base::date::chinese(parsed))?
        }
    }
    let edited = doc.to_string();
    // Read back as a project reads it: its unit registry too (a group's members in it).
    Config::parse(&edited, path)?.registry(path)?;
    Ok(edited)
}

/// Records `decision` in the config file at `path` (created when there is none), replacing
/// the file in one step: a reader sees the old file or the new one, never half of either.
pub fn record(path: &Path, decision: &Decision) -> Result<()> {
    let display = path.display().to_string();
    // Read as fengong reads it (a GBK or UTF-16 file too); written back as UTF-8.
    let text = match std::fs::read(path) {
        Ok(bytes) => match crate::base::decode::decode(&bytes) {
            Ok(text) => text,
            Err(crate::base::decode::DecodeError::Empty) => String::new(),
            Err(e) => {
                return Err(Error::Config {
                    location: Location::file(&display),
                    message: e.message(),
                });
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(path, "读取", e)),
    };
    let edited = apply(&text, &display, decision)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let write = || -> std::io::Result<()> {
        use std::io::Write as _;
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(edited.as_bytes())?;
        crate::base::permissions_as_saved(temp.as_file(), Some(path))?;
        temp.as_file().sync_all()?;
        temp.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().map_err(|e| Error::io(path, "写入", e))
}

/// Sets task `task`'s correction: the prose (`None`) or `content`. An existing correction
/// of the task is changed in place; its `units` and `reason` stay.
fn correct(doc: &mut DocumentMut, task: u32, content: Option<&str>) -> Result<()> {
    let entries = array_of_tables(doc, "corrections")?;
    let existing = entries
        .iter()
        .position(|t| t.get("task").and_then(Item::as_integer) == Some(i64::from(task)));
    let index = existing.unwrap_or_else(|| {
        let mut entry = Table::new();
        entry.decor_mut().set_prefix("\n");
        entry.insert("task", value(i64::from(task)));
        entries.push(entry);
        entries.len() - 1
    });
    let entry = entries
        .get_mut(index)
        .ok_or_else(|| config_error("corrections 条目无法写入"))?;
    entry.remove("content");
    entry.remove("use_prose");
    match content {
        Some(text) => entry.insert("content", value(text)),
        None => entry.insert("use_prose", value(true)),
    };
    Ok(())
}

/// Adds `alias` to the `[[units]]` entry named `unit` (a new entry when the registry's unit
/// has none in the file). An `alias` with an entry of its own (two names `init` registered
/// that are one unit) is folded in: its entry goes, its aliases and kind join `unit`'s.
fn add_alias(doc: &mut DocumentMut, unit: &str, alias: &str) -> Result<()> {
    if unit.is_empty() || alias.is_empty() || unit == alias {
        return Err(config_error("单位和别称都须填写，且不能相同"));
    }
    let tables = array_of_tables(doc, "units")?;
    let own = (tables.iter()).position(|t| t.get("name").and_then(Item::as_str) == Some(alias));
    let folded = own.map(|at| {
        let entry = tables.get(at).cloned().unwrap_or_default();
        tables.remove(at);
        entry
    });
    let entry = entry_named(tables, unit)?;
    if let Some(folded) = folded {
        if let (Some(kind), false) = (folded.get("kind"), entry.contains_key("kind")) {
            entry.insert("kind", kind.clone());
        }
        let theirs: Vec<String> = (folded.get("aliases").and_then(Item::as_array))
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        for name in theirs {
            push_alias(entry, unit, &name)?;
        }
    }
    push_alias(entry, unit, alias)
}

/// `alias` added to `entry`'s aliases unless there.
fn push_alias(entry: &mut Table, unit: &str, alias: &str) -> Result<()> {
    let aliases = entry
        .entry("aliases")
        .or_insert_with(|| value(Array::new()))
        .as_array_mut()
        .ok_or_else(|| config_error(&format!("「{unit}」的 aliases 应是数组")))?;
    if !aliases.iter().any(|v| v.as_str() == Some(alias)) {
        aliases.push(alias);
    }
    Ok(())
}

/// Adds a `[[units]]` entry named `name` unless one is there.
fn add_unit(doc: &mut DocumentMut, name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(config_error("单位名称是空的"));
    }
    entry_named(array_of_tables(doc, "units")?, name).map(|_| ())
}

/// Sets the members of the `[[groups]]` entry named `name` (added when missing).
fn add_group(doc: &mut DocumentMut, name: &str, members: &[String], partial: bool) -> Result<()> {
    let members: Vec<&str> = members
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .collect();
    if name.is_empty() || members.is_empty() {
        return Err(config_error("单位组须有名称和至少一个成员单位"));
    }
    // A member is a unit of the registry, by its name: one written by another of its names
    // is that unit; one named here for the first time (the streets behind 各街道, which the
    // plan never names one by one) is added to it.
    let units = array_of_tables(doc, "units")?;
    let unit_called = |units: &ArrayOfTables, member: &str| {
        units.iter().find_map(|t| {
            let aliases = t.get("aliases").and_then(Item::as_array)?;
            aliases
                .iter()
                .any(|v| v.as_str() == Some(member))
                .then(|| t.get("name").and_then(Item::as_str).map(str::to_string))
                .flatten()
        })
    };
    let mut named: Vec<String> = Vec::new();
    for member in &members {
        let name = match unit_called(units, member) {
            Some(unit) => unit,
            None => {
                entry_named(units, member)?;
                member.to_string()
            }
        };
        if !named.contains(&name) {
            named.push(name);
        }
    }
    let entry = entry_named(array_of_tables(doc, "groups")?, name)?;
    entry.insert(
        "members",
        value(named.iter().map(String::as_str).collect::<Array>()),
    );
    if partial {
        entry.insert("partial", value(true));
    } else {
        entry.remove("partial");
    }
    Ok(())
}

/// The entry of `tables` whose `name` is `name`, appended (after a blank line) when none is.
fn entry_named<'t>(tables: &'t mut ArrayOfTables, name: &str) -> Result<&'t mut Table> {
    let found = tables
        .iter()
        .position(|t| t.get("name").and_then(Item::as_str) == Some(name));
    let index = found.unwrap_or_else(|| {
        let mut entry = Table::new();
        entry.decor_mut().set_prefix("\n");
        entry.insert("name", value(name));
        tables.push(entry);
        tables.len() - 1
    });
    tables
        .get_mut(index)
        .ok_or_else(|| config_error(&format!("「{name}」的条目无法写入")))
}

/// Sets `[notice] key`, keeping a comment written after the old value.
fn set_notice(doc: &mut DocumentMut, key: &str, text: &str) -> Result<()> {
    if text.is_empty() {
        return Err(config_error("填写的内容是空的"));
    }
    set_in(doc, "notice", key, Value::from(text))
}

/// Sets `[table] key` to `new`, keeping the key's comment line and a comment after the old
/// value.
fn set_in(doc: &mut DocumentMut, table: &str, key: &str, new: Value) -> Result<()> {
    let notice = doc
        .entry(table)
        .or_insert_with(toml_edit::table)
        .as_table_mut()
        .ok_or_else(|| config_error(&format!("{table} 应是表 [{table}]")))?;
    // Assigned through the existing item, so the key's own comment line stays too.
    match notice.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor();
            let prefix = decor.prefix().and_then(|p| p.as_str()).unwrap_or(" ");
            let suffix = decor.suffix().and_then(|s| s.as_str()).unwrap_or("");
            *old = new.decorated(prefix, suffix);
        }
        _ => {
            notice.insert(key, Item::Value(new));
        }
    }
    Ok(())
}

/// The array of tables `[[key]]`, created when missing.
fn array_of_tables<'d>(doc: &'d mut DocumentMut, key: &str) -> Result<&'d mut ArrayOfTables> {
    doc.entry(key)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| config_error(&format!("{key} 应写作 [[{key}]] 条目")))
}

fn config_error(message: &str) -> Error {
    Error::Config {
        location: Location::file("fengong.toml"),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# 项目配置\n\n[plan]\nyear = 2025 # 年度\n\n[notice]\n# 署名\nsigner = \"\"  # 待填\ndate = \"\"\n\n[[units]]\nname = \"区教育局\"\n\n[[units]]\nname = \"区文化旅游局\"\naliases = [\"区文旅局\"]\n\n# 更正\n[[corrections]]\ntask = 3\nuse_prose = true\n";

    fn edited(decision: Decision) -> String {
        apply(FILE, "fengong.toml", &decision).unwrap()
    }

    #[test]
    fn comments_and_order_survive_every_decision() {
        for decision in [
            Decision::UseProse { task: 40 },
            Decision::OwnText {
                task: 3,
                content: "推进苏河源综合公园竣工。".into(),
            },
            Decision::Alias {
                unit: "区文化旅游局".into(),
                alias: "区文化和旅游局".into(),
            },
            Decision::AddUnit {
                name: "区国资委".into(),
            },
            Decision::Signer("上海市嘉定区发展和改革委员会".into()),
            Decision::Date("2025年3月5日".into()),
        ] {
            let text = edited(decision.clone());
            for kept in [
                "# 项目配置",
                "year = 2025 # 年度",
                "# 署名",
                "# 更正",
                "name = \"区教育局\"",
            ] {
                assert!(text.contains(kept), "{decision:?} lost {kept}:\n{text}");
            }
            assert!(Config::parse(&text, "f").is_ok());
        }
    }

    /// Two names `init` registered that are one unit: the one made an alias leaves its
    /// entry, bringing its own aliases, and the registry reads (it refuses a name twice).
    #[test]
    fn a_registered_name_made_an_alias_is_folded_into_the_unit() {
        let decision = Decision::Alias {
            unit: "区教育局".into(),
            alias: "区文化旅游局".into(),
        };
        let c = Config::parse(&edited(decision), "f").unwrap();
        let names: Vec<&str> = c.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["区教育局"]);
        assert_eq!(c.units[0].aliases, ["区文旅局", "区文化旅游局"]);
        assert!(c.registry("f").is_ok());
    }

    #[test]
    fn each_decision_reads_back_as_the_config_fengong_uses() {
        let config = |d| Config::parse(&edited(d), "f").unwrap();
        let c = config(Decision::UseProse { task: 40 });
        assert_eq!(c.corrections.len(), 2);
        assert!(c.corrections[1].use_prose && c.corrections[1].task == 40);

        // A second decision about task 3 replaces the first, it does not add a rival.
        let c = config(Decision::OwnText {
            task: 3,
            content: " 新文字 ".into(),
        });
        assert_eq!(c.corrections.len(), 1);
        assert_eq!(c.corrections[0].content.as_deref(), Some("新文字"));
        assert!(!c.corrections[0].use_prose);

        let c = config(Decision::Alias {
            unit: "区文化旅游局".into(),
            alias: "区文化和旅游局".into(),
        });
        assert_eq!(c.units[1].aliases, ["区文旅局", "区文化和旅游局"]);
        let c = config(Decision::Alias {
            unit: "区教育局".into(),
            alias: "区教委".into(),
        });
        assert_eq!(c.units[0].aliases, ["区教委"]);

        let c = config(Decision::AddUnit {
            name: "区国资委".into(),
        });
        assert_eq!(c.units.len(), 3);
        assert_eq!(c.units[2].name, "区国资委");

        let c = config(Decision::Group {
            name: "相关街镇".into(),
            members: vec!["区教育局".into(), " 区文化旅游局 ".into(), "".into()],
            partial: true,
        });
        assert_eq!(c.groups.len(), 1);
        assert_eq!(c.groups[0].members, ["区教育局", "区文化旅游局"]);
        assert!(c.groups[0].partial);
        assert!(
            c.registry("f").is_ok(),
            "the group resolves against the units"
        );

        let c = config(Decision::Sources(vec![
            "通知.docx".into(),
            "表.xlsx".into(),
        ]));
        assert_eq!(c.plan.sources, ["通知.docx", "表.xlsx"]);
        assert_eq!(c.plan.year, Some(2025), "the table's other keys stay");
        assert!(config(Decision::PreferLatest).evaluation.prefer_latest);

        let c = config(Decision::PlanTitle("《某区2025年重点工作方案》".into()));
        assert_eq!(c.plan.title.as_deref(), Some("某区2025年重点工作方案"));
        let c = config(Decision::Date("2025年3月5日".into()));
        assert_eq!(c.notice.date.as_deref(), Some("2025年3月5日"));
        let c = config(Decision::Date("2025-03-05".into()));
        assert_eq!(c.notice.date.as_deref(), Some("2025年3月5日"), "as printed");
        let text = edited(Decision::Signer("某委".into()));
        assert!(text.contains("signer = \"某委\"  # 待填"), "{text}");
    }

    #[test]
    fn the_shipped_config_changes_only_where_decided() {
        let shipped = include_str!("../../input/fengong.toml");
        let text = apply(shipped, "f", &Decision::Signer("某委".into())).unwrap();
        let differing: Vec<(&str, &str)> = shipped
            .lines()
            .zip(text.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(shipped.lines().count(), text.lines().count());
        assert_eq!(differing, [("signer = \"\"", "signer = \"某委\"")]);

        let text = apply(shipped, "f", &Decision::UseProse { task: 40 }).unwrap();
        // Appended after the last line, nothing above it touched.
        let added = text
            .strip_prefix(shipped)
            .expect("the old text is kept whole");
        assert_eq!(added, "\n[[corrections]]\ntask = 40\nuse_prose = true\n");
    }

    #[test]
    fn an_empty_file_gets_what_the_decision_needs() {
        let text = apply("", "f", &Decision::UseProse { task: 5 }).unwrap();
        assert_eq!(
            Config::parse(&text, "f").unwrap().corrections[0].task,
            5,
            "{text}"
        );
        let text = apply("", "f", &Decision::Signer("某委".into())).unwrap();
        assert_eq!(
            Config::parse(&text, "f").unwrap().notice.signer.as_deref(),
            Some("某委")
        );
    }

    /// The streets behind 各街道 are named for the first time when the group is decided: they
    /// join the registry, so the file reads back — an alias stays the unit's alias.
    #[test]
    fn a_groups_new_members_join_the_registry() {
        let text = "[[units]]\nname = \"友好街道办事处\"\naliases = [\"友好街道\"]\n";
        let decision = Decision::Group {
            name: "各街道".into(),
            members: vec!["友好街道".into(), "曙光街道".into()],
            partial: false,
        };
        let edited = apply(text, "f", &decision).unwrap();
        let config = Config::parse(&edited, "f").unwrap();
        let names: Vec<&str> = config.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["友好街道办事处", "曙光街道"], "{edited}");
        assert!(config.registry("f").is_ok(), "{edited}");
        // A group whose members make the registry unreadable is refused.
        let clash = Decision::Group {
            name: "曙光街道".into(),
            members: vec!["曙光街道".into()],
            partial: false,
        };
        assert!(apply(&edited, "f", &clash).is_err());
    }

    #[test]
    fn bad_decisions_are_refused_and_nothing_changes() {
        for bad in [
            Decision::Date("三月五日".into()),
            Decision::Signer("  ".into()),
            Decision::OwnText {
                task: 1,
                content: " ".into(),
            },
            Decision::Alias {
                unit: "区教育局".into(),
                alias: "区教育局".into(),
            },
        ] {
            assert!(apply(FILE, "f", &bad).is_err(), "{bad:?}");
        }
        assert!(apply("[notice\n", "f", &Decision::UseProse { task: 1 }).is_err());
    }

    #[test]
    fn record_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fengong.toml");
        record(&path, &Decision::AddUnit { name: "甲".into() }).unwrap();
        record(&path, &Decision::UseProse { task: 2 }).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let config = Config::parse(&text, "f").unwrap();
        assert_eq!(config.units[0].name, "甲");
        assert_eq!(config.corrections[0].task, 2);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A new file is saved readable by others, as an editor saves it; a file replaced keeps
    /// its own permissions.
    #[cfg(unix)]
    #[test]
    fn record_keeps_the_files_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fengong.toml");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        record(&path, &Decision::AddUnit { name: "甲".into() }).unwrap();
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        record(&path, &Decision::AddUnit { name: "乙".into() }).unwrap();
        assert_eq!(mode(&path), 0o640);
    }
}
