//! The starter `fengong.toml` that `fengong init` writes from a plan read without one: its
//! year and deadline, the notice's 署名 and 成文日期 when found, every unit the plan names as
//! a `[[units]]` entry (its kind guessed from its name), names that may be one unit written
//! two ways proposed as comments, and the group phrases (各街镇 …) as commented placeholders
//! to fill. The user reads it, corrects it, and `check` then lists real findings.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::ingest::units::{looks_unspecified, members_of_a_body};
use crate::model::Plan;
use crate::model::{LEVEL_PREFIXES, is_group_phrase};

/// The starter config for `plan`, as TOML text with Chinese comments; `year_guessed` when
/// its year was read from the tasks' texts or the web page rather than the document's own.
pub fn config_for(plan: &Plan, year_guessed: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# fengong 项目配置：由 fengong init 根据方案生成，请核对后修改。"
    );
    let _ = writeln!(
        out,
        "# 修改后运行 fengong check 查看问题，fengong publish 发布。\n"
    );
    // Top-level keys come before the first [table] in TOML.
    unspecified(plan, &mut out);
    plan_and_notice(plan, year_guessed, &mut out);
    let (units, mut groups) = unit_names(plan);
    // The members of a body the plan names (…领导小组各成员单位): a group to fill.
    groups.extend(members_to_list(plan));
    group_placeholders(&groups, &units, &mut out);
    units_section(&units, &mut out);
    alias_proposals(&units, &mut out);
    out
}

fn plan_and_notice(plan: &Plan, year_guessed: bool, out: &mut String) {
    let _ = writeln!(out, "[plan]");
    match plan.year {
        Some(year) => {
            if year_guessed {
                let _ = writeln!(
                    out,
                    "# 标题、文号和日期都没有写年份：下面的年份取自任务内容或网页的发布日期，请核对"
                );
            }
            let _ = writeln!(out, "year = {year}");
            // A deadline the source does not set is the user's to give, never fengong's.
            if plan.tasks.iter().any(|t| t.deadline_text.is_none()) {
                let _ = writeln!(
                    out,
                    "# 原文有任务没有写完成时限，任务单和评估中空缺；如要统一按年底计，去掉下一行开头的 #："
                );
                let _ = writeln!(out, "# default_deadline = \"{year:04}-12-31\"");
            }
            let _ = writeln!(out);
        }
        None => {
            let _ = writeln!(out, "# 方案中没有找到年度，请填写：");
            let _ = writeln!(out, "# year = 2025\n");
        }
    }
    // Where the task sheets send the returns: the office the plan names, shown to change.
    match &plan.returns_to {
        Some(office) => {
            let _ = writeln!(
                out,
                "# 任务单请各单位把反馈表报送给谁：下面是原文写明的报送单位，如不对请改写"
            );
            let _ = writeln!(out, "returns_to = {}\n", quoted(office));
        }
        None => {
            let _ = writeln!(
                out,
                "# 任务单请各单位把反馈表报送给谁：默认为发文机关；如是其他单位，去掉 # 填写"
            );
            let _ = writeln!(out, "# returns_to = \"\"\n");
        }
    }
    let _ = writeln!(out, "[notice]");
    let _ = writeln!(
        out,
        "# 署名和成文日期：原文没有时在此填写，发布的通知会带上；留空则日期行留白待手写。"
    );
    let field = |v: &Option<String>| v.as_deref().map(quoted).unwrap_or_else(|| "\"\"".into());
    let _ = writeln!(out, "signer = {}", field(&plan.notice.signer));
    let _ = writeln!(out, "date = {}\n", field(&plan.notice.date));
}

/// Unit names the plan uses (canonical, as read), and the group phrases (各街镇 …).
fn unit_names(plan: &Plan) -> (Vec<String>, Vec<String>) {
    let mut units = Vec::new();
    let mut groups = BTreeSet::new();
    for unit in &plan.units {
        if is_group_phrase(&unit.name) {
            groups.insert(unit.name.clone());
        } else if !units.contains(&unit.name) {
            units.push(unit.name.clone());
        }
    }
    (units, groups.into_iter().collect())
}

/// The phrases that name no one body, as the config's `unspecified` list — not the pieces
/// of names a cut-off source leaves (区商): listed there they would hide the cut from
/// `check`; they are named in a comment to complete instead.
fn unspecified(plan: &Plan, out: &mut String) {
    let fragments: BTreeSet<&str> = plan
        .tasks
        .iter()
        .flat_map(|t| t.name_fragments.iter().map(String::as_str))
        .collect();
    let phrases: BTreeSet<&str> = plan
        .tasks
        .iter()
        .flat_map(|t| t.unspecified.iter().map(String::as_str))
        .filter(|n| !fragments.contains(n) && !members_of_a_body(n))
        .chain(
            plan.units
                .iter()
                .map(|u| u.name.as_str())
                .filter(|n| looks_unspecified(n)),
        )
        .collect();
    let _ = writeln!(
        out,
        "# 不指向具体单位的说法：照原文保留，但不作为牵头单位，也不单独出任务单。\n# 其中要分到具体单位的（如「各部门」具体指哪些单位），从下面的列表移出，另写一组\n# [[groups]]：name = \"说法\"，members = [\"单位1\", \"单位2\"]，各成员就会收到任务单。"
    );
    let list: Vec<String> = phrases.iter().map(|p| quoted(p)).collect();
    let _ = writeln!(out, "unspecified = [{}]\n", list.join(", "));
    if !fragments.is_empty() {
        let named: Vec<String> = fragments
            .iter()
            .map(|f| format!("「{}」", in_comment(f)))
            .collect();
        let _ = writeln!(
            out,
            "# {}不是完整的单位名称（原文可能在此截断）：请对照原文补全后再运行 fengong check。\n",
            named.concat()
        );
    }
}

/// The members of bodies the plan names and does not list (县…领导小组各成员单位).
fn members_to_list(plan: &Plan) -> BTreeSet<String> {
    plan.tasks
        .iter()
        .flat_map(|t| t.unspecified.iter())
        .filter(|n| members_of_a_body(n))
        .cloned()
        .collect()
}

/// The plan's units of the kind of place a phrase of "each" (or "those concerned": 相关社区)
/// names (各社区: 东门社区, 西湖社区;
/// 各乡镇: 南翔镇, 东湖乡; 各街镇: towns and 街道): likely its members, for the user to check.
fn likely_members(group: &str, units: &[String]) -> Vec<String> {
    let Some(places) = ["各", "相关", "有关"]
        .iter()
        .find_map(|each| group.strip_prefix(each))
    else {
        return Vec::new();
    };
    // What each place's body is called (各乡镇人民政府) names the same places.
    let places = ["人民政府", "政府", "党委", "办事处", "居委会", "村委会"]
        .iter()
        .find_map(|body| places.strip_suffix(body))
        .unwrap_or(places);
    let endings: &[&str] = match places {
        "社区" => &["社区"],
        "村" | "行政村" => &["村"],
        "村居" | "村（社区）" | "村(社区)" => &["村", "社区"],
        "街道" => &["街道", "街道办事处"],
        "乡镇" => &["乡", "镇", "乡人民政府", "镇人民政府"],
        "镇" => &["镇", "镇人民政府"],
        "乡" => &["乡", "乡人民政府"],
        "街镇" | "镇街" | "镇（街道）" | "镇(街道)" => {
            &["镇", "街道", "街道办事处", "镇人民政府"]
        }
        _ => &[],
    };
    units
        .iter()
        .filter(|u| u.chars().count() > 2 && !u.starts_with(['各', '相', '有']))
        .filter(|u| endings.iter().any(|e| u.ends_with(e)))
        .cloned()
        .collect()
}

fn group_placeholders(groups: &[String], units: &[String], out: &mut String) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "# 代表多个单位的说法：请填写成员，发布时为每个成员单独出任务单。"
    );
    let _ = writeln!(out, "# partial = true 表示“相关”的，只在该单位报送时计入。");
    for group in groups {
        let _ = writeln!(out, "# [[groups]]");
        let _ = writeln!(out, "# name = {}", quoted(group));
        let members = likely_members(group, units);
        match members.is_empty() {
            true => {
                let _ = writeln!(out, "# members = [\"\", \"\"]");
            }
            false => {
                let _ = writeln!(
                    out,
                    "# 下面是方案中出现的同类单位，请核对是否全、是否都属于「{}」：",
                    in_comment(group)
                );
                let listed: Vec<String> = members.iter().map(|m| quoted(m)).collect();
                let _ = writeln!(out, "# members = [{}]", listed.join(", "));
            }
        }
        if group.starts_with("相关") {
            let _ = writeln!(out, "# partial = true");
        }
        let _ = writeln!(out);
    }
}

fn units_section(units: &[String], out: &mut String) {
    let _ = writeln!(
        out,
        "# ---------------------------------------------------------------------------"
    );
    let _ = writeln!(
        out,
        "# 单位名录：name 为规范名称，aliases 为原文中的其他写法。"
    );
    let _ = writeln!(
        out,
        "# kind：party 党委部门；government 政府部门（默认）；mass_organisation 群团组织；"
    );
    let _ = writeln!(
        out,
        "#       judicial 审判检察机关；agency 派驻机构；town 街道、镇、管委会。"
    );
    for name in units {
        let _ = writeln!(out, "[[units]]");
        let _ = writeln!(out, "name = {}", quoted(name));
        if let Some(kind) = kind_of(name) {
            let _ = writeln!(out, "kind = \"{kind}\"");
        }
    }
    let _ = writeln!(out);
}

/// A guess from the name's ending or beginning; `None` for a government department.
fn kind_of(name: &str) -> Option<&'static str> {
    let ends = |words: &[&str]| words.iter().any(|w| name.ends_with(w));
    let starts = |words: &[&str]| words.iter().any(|w| name.starts_with(w));
    if ends(&["街道", "镇", "乡", "管委会", "办事处"]) {
        Some("town")
    } else if starts(&["区委", "县委", "市委"]) && !name.contains("党校") {
        Some("party")
    } else if starts(&["团"])
        || ends(&[
            "总工会",
            "妇联",
            "残联",
            "工商联",
            "科协",
            "文联",
            "红十字会",
        ])
    {
        Some("mass_organisation")
    } else if ends(&["法院", "检察院"]) {
        Some("judicial")
    } else if ends(&["分局", "支队", "大队", "税务局", "海关", "支行", "分行"]) {
        Some("agency")
    } else {
        None
    }
}

/// Pairs of names that may be one unit written two ways, as comments to act on.
fn alias_proposals(units: &[String], out: &mut String) {
    let mut pairs = Vec::new();
    for (i, a) in units.iter().enumerate() {
        for b in &units[i + 1..] {
            if maybe_same(a, b) {
                pairs.push((a, b));
            }
        }
    }
    if pairs.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "# 以下名称可能是同一单位的不同写法。若是，删去其中一个 [[units]]，"
    );
    let _ = writeln!(
        out,
        "# 把它写进另一个的 aliases，如 aliases = [\"区文化和旅游局\"]："
    );
    for (a, b) in pairs {
        let _ = writeln!(out, "#   {} / {}", in_comment(a), in_comment(b));
    }
}

/// Names that differ by a 省/市/区/县 prefix, by 和, by 局/委, one the other's short form
/// (县发改局, 县发展和改革局), or one containing the other —
/// but not one ending in the other: words before a body's name make another body (纪检办公室
/// is not 办公室).
fn maybe_same(a: &str, b: &str) -> bool {
    let core = |s: &str| -> String {
        let s = s.trim_start_matches(LEVEL_PREFIXES);
        s.replace('和', "").replace('委', "局")
    };
    let (ca, cb) = (core(a), core(b));
    let within = |short: &str, long: &str| {
        short.chars().count() >= 3 && long.contains(short) && !long.ends_with(short)
    };
    ca == cb
        || within(&ca, &cb)
        || within(&cb, &ca)
        || crate::model::reordered_twins(a, b)
        || crate::model::short_form_of(a, b)
        || crate::model::short_form_of(b, a)
}

/// A name as a comment may hold it: a line break in it (a cell's wrap the reader kept)
/// would end the comment and leave the rest for TOML to fail on.
fn in_comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        assert_eq!(kind_of("南翔镇"), Some("town"));
        assert_eq!(kind_of("新成路街道"), Some("town"));
        assert_eq!(kind_of("区委宣传部"), Some("party"));
        assert_eq!(kind_of("团区委"), Some("mass_organisation"));
        assert_eq!(kind_of("区法院"), Some("judicial"));
        assert_eq!(kind_of("公安嘉定分局"), Some("agency"));
        assert_eq!(kind_of("区教育局"), None);
    }

    #[test]
    fn the_places_a_phrase_of_each_names_are_proposed() {
        let units: Vec<String> = [
            "东门社区",
            "西湖社区",
            "党政办",
            "南翔镇",
            "新成路街道",
            "东湖乡",
        ]
        .iter()
        .map(|u| u.to_string())
        .collect();
        assert_eq!(likely_members("各社区", &units), ["东门社区", "西湖社区"]);
        assert_eq!(
            likely_members("各乡镇人民政府", &units),
            ["南翔镇", "东湖乡"]
        );
        assert_eq!(likely_members("各街镇", &units), ["南翔镇", "新成路街道"]);
        assert_eq!(likely_members("相关社区", &units), ["东门社区", "西湖社区"]);
        assert!(likely_members("各部门", &units).is_empty());
    }

    #[test]
    fn a_name_with_a_line_break_stays_in_its_comment() {
        let units = [
            "区发展改革委（区粮食\n和物资储备局）".to_string(),
            "区发展改革委".to_string(),
        ];
        let mut out = String::new();
        alias_proposals(&units, &mut out);
        assert!(out.contains("区粮食 和物资储备局"), "{out}");
        assert!(out.lines().all(|l| l.starts_with('#')), "{out}");
    }

    #[test]
    fn names_that_may_be_one_unit() {
        assert!(maybe_same("区文化旅游局", "区文化和旅游局"));
        assert!(maybe_same("区发改委", "区发改局"));
        assert!(maybe_same("县民政局", "民政局"));
        // A province's list writes its 省 once: 省国税局、地税局.
        assert!(maybe_same("省商务厅", "商务厅"));
        assert!(!maybe_same("区教育局", "区体育局"));
        assert!(maybe_same("区委宣传部", "区委宣传部（区网信办）"));
        assert!(!maybe_same("办公室", "纪检办公室"));
        assert!(maybe_same("县住房和城乡建设局", "县住建局"));
        assert!(!maybe_same("领导小组办公室", "风险化解领导小组办公室"));
    }

    #[test]
    fn the_office_returns_go_to_is_written_to_change() {
        let source = "某街道2025年工作方案\n\n一、重点任务\n\n1.完成3个小区改造。（牵头单位：城建办；完成时限：2025年10月底前）\n\n二、工作要求\n\n各科室每月20日前将工作进展报社区管理办。\n";
        let config = crate::config::Config::default();
        let (plan, _) = crate::ingest::plan_from_text(source, &config);
        let written = config_for(&plan, false);
        let parsed: toml::Table = toml::from_str(&written).unwrap();
        assert_eq!(
            parsed["plan"]["returns_to"].as_str(),
            Some("社区管理办"),
            "{written}"
        );
        let source = source.replace("将工作进展报社区管理办", "抓好落实");
        let (plan, _) = crate::ingest::plan_from_text(&source, &config);
        let written = config_for(&plan, false);
        assert!(written.contains("# returns_to = \"\""), "{written}");
    }

    #[test]
    fn a_name_cut_off_is_to_complete_not_a_phrase() {
        let source = "某区2026年重点工作分解\n\n序号\t工作任务\t牵头单位\n1\t新增市场主体2000户。\t区市场监管局\n2\t社会消费品零售总额增长6%。\t区商\n";
        let config = crate::config::Config::default();
        let (plan, _) = crate::ingest::plan_from_text(source, &config);
        let written = config_for(&plan, false);
        let parsed: toml::Table = toml::from_str(&written).unwrap();
        let listed = parsed["unspecified"].as_array().unwrap();
        assert!(
            !listed.iter().any(|v| v.as_str() == Some("区商")),
            "{written}"
        );
        assert!(
            written.contains("# 「区商」不是完整的单位名称"),
            "{written}"
        );
    }

    #[test]
    fn strings_are_quoted_for_toml() {
        assert_eq!(quoted("甲\"乙"), "\"甲\\\"乙\"");
        assert_eq!(
            toml::from_str::<toml::Table>(&format!("a = {}", quoted("x\\y\"z"))).unwrap()["a"]
                .as_str(),
            Some("x\\y\"z")
        );
    }
}
