//! The unit registry (单位名录): canonical names, aliases, kinds, groups and the phrases that
//! name no unit at all.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// What kind of body a unit is; decides nothing in the pipeline, helps readers of the sheets.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 区委工作部门: 区委宣传部, 区委社会工作部 …
    Party,
    /// 区政府工作部门: 区教育局, 区发展改革委 …
    #[default]
    Government,
    /// 群团组织: 团区委, 区总工会, 区妇工委办 …
    MassOrganisation,
    /// 审判、检察机关: 区法院, 区检察院.
    Judicial,
    /// 垂直管理或派驻机构: 公安嘉定分局 …
    Agency,
    /// 街道、镇、管委会.
    Town,
    /// Not in the registry.
    Unknown,
}

/// A unit: one canonical name and the other ways sources spell it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Canonical name, as documents print it: 区妇工委办.
    pub name: String,
    /// Other spellings that mean the same unit: 区妇儿工委办.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Kind of unit.
    #[serde(default)]
    pub kind: UnitKind,
}

/// A phrase that stands for several units: 各街镇 → the 12 街镇.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitGroup {
    /// The phrase: 各街镇.
    pub name: String,
    /// Canonical names of its members.
    pub members: Vec<String>,
    /// True when the phrase names an unspecified subset of the members (相关街镇).
    #[serde(default)]
    pub partial: bool,
}

/// The levels of places a phrase of "each" may name (各市〔州〕, 各乡镇, 各街道, 各村): the
/// bodies of each such place are members a config can list.
pub const PLACE_LEVELS: &[char] = &['市', '州', '盟', '县', '旗', '区', '乡', '镇', '街', '村'];

/// 各街镇, 各乡镇, 各街道, 相关街镇, 有关设区市 …: a phrase standing for several units, whose members a
/// `[[groups]]` entry lists.
pub fn is_group_phrase(name: &str) -> bool {
    // What brackets add (各县（市、区）政府（管委会）) names more of the same bodies.
    let outside = crate::base::cjk::without_brackets(name).chars().count();
    // Each place's body (各乡镇数据管理部门, 各区县财政部门): members the config can list,
    // however long the body's name.
    let each_place = name
        .strip_prefix('各')
        .is_some_and(|rest| rest.starts_with(PLACE_LEVELS));
    (["各", "相关", "有关"].iter().any(|w| name.starts_with(w)) && outside <= 8)
        || (each_place && outside <= 16)
        || (counted_places(name) && outside <= 10)
}

/// 三县政府, 两区, 5个乡镇: a count of places, each place's body one of its members.
fn counted_places(name: &str) -> bool {
    let rest =
        name.trim_start_matches(|c: char| c.is_ascii_digit() || "两二三四五六七八九十".contains(c));
    let counted = rest.len() < name.len();
    let rest = rest.strip_prefix('个').unwrap_or(rest);
    let body = rest.trim_start_matches(PLACE_LEVELS);
    let places = body.len() < rest.len();
    const BODIES: &[&str] = &[
        "",
        "政府",
        "人民政府",
        "党委",
        "党委政府",
        "道",
        "道办事处",
        "办事处",
        "管委会",
    ];
    counted && places && BODIES.contains(&body)
}

/// The level a body's name may open with (省发改委, 市财政局, 区教育局): a list sharing its
/// level across names writes it once (省国税局、地税局), so names that differ only by it may
/// be one unit.
pub const LEVEL_PREFIXES: &[char] = crate::base::cjk::LEVEL_PREFIXES;

/// Two names of the same characters in another order, ending alike (省农村农业厅 beside
/// 省农业农村厅): one body's name with its words transposed by a slip, likely.
pub fn reordered_twins(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut chars: Vec<char> = s.chars().collect();
        chars.sort_unstable();
        chars
    };
    a != b
        && a.chars().count() >= 4
        && a.chars().last() == b.chars().last()
        && sorted(a) == sorted(b)
}

/// A body's name and its usual short form (县发改局 for 县发展和改革局, 区住建委 for
/// 区住房和城乡建设委员会, 区市场监管局 for 区市场监督管理局): the same level, the same
/// kind of body at the end, the short one's first word the long one's, and each of its
/// characters in the long name in order. Likely one unit, for someone to confirm.
pub fn short_form_of(short: &str, long: &str) -> bool {
    // 委员会 is written 委 in the short form.
    let body = |s: &str| -> Vec<char> {
        let s = s.strip_suffix("员会").unwrap_or(s);
        s.chars().collect()
    };
    let (short, long) = (body(short), body(long));
    let level = |s: &[char]| s.first().copied().filter(|c| LEVEL_PREFIXES.contains(c));
    if short.len() < 3 || short.len() >= long.len() || level(&short) != level(&long) {
        return false;
    }
    let from = usize::from(level(&short).is_some());
    let (short, long) = (&short[from..], &long[from..]);
    let mut rest = long.iter();
    short.len() >= 3
        && short.first() == long.first()
        && short.last() == long.last()
        // Written out in one piece it is a longer name's part, no short form of it.
        && !long.windows(short.len()).any(|w| w == short)
        && short.iter().all(|c| rest.any(|l| l == c))
}

/// What a written name turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution<'a> {
    /// A unit; `alias` is true when the name was one of its aliases.
    Unit {
        /// The unit.
        unit: &'a Unit,
        /// Whether the written name was an alias.
        alias: bool,
    },
    /// A group phrase.
    Group(&'a UnitGroup),
    /// A phrase that names no unit (相关部门).
    Unspecified,
    /// Not known.
    Unknown,
}

/// All units, groups and non-unit phrases of a project, with O(1) lookup by any spelling.
#[derive(Debug, Clone, Default)]
pub struct UnitRegistry {
    units: Vec<Unit>,
    groups: Vec<UnitGroup>,
    unspecified: Vec<String>,
    by_name: HashMap<String, Entry>,
    /// Names this plan writes cut off beside their whole (县数据 beside 县数据资源管理局):
    /// pieces, not units, unless the config lists them.
    cut_off: std::collections::BTreeSet<String>,
}

#[derive(Debug, Clone, Copy)]
enum Entry {
    Unit { index: usize, alias: bool },
    Group(usize),
    Unspecified,
}

/// Why a registry could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError(pub String);

impl UnitRegistry {
    /// Builds a registry; every spelling must be unique and every group member a unit.
    pub fn new(
        units: Vec<Unit>,
        groups: Vec<UnitGroup>,
        unspecified: Vec<String>,
    ) -> Result<Self, RegistryError> {
        let mut by_name = HashMap::new();
        let mut claim = |name: &str, entry: Entry| -> Result<(), RegistryError> {
            let name = name.trim();
            if name.is_empty() {
                return Err(RegistryError("单位名称不能为空".into()));
            }
            if by_name.insert(name.to_string(), entry).is_some() {
                return Err(RegistryError(format!("名称「{name}」重复出现")));
            }
            Ok(())
        };
        for (index, unit) in units.iter().enumerate() {
            claim(
                &unit.name,
                Entry::Unit {
                    index,
                    alias: false,
                },
            )?;
            for alias in &unit.aliases {
                claim(alias, Entry::Unit { index, alias: true })?;
            }
        }
        for (index, group) in groups.iter().enumerate() {
            claim(&group.name, Entry::Group(index))?;
        }
        for phrase in &unspecified {
            claim(phrase, Entry::Unspecified)?;
        }
        let registry = UnitRegistry {
            units,
            groups,
            unspecified,
            by_name,
            cut_off: Default::default(),
        };
        for group in &registry.groups {
            for member in &group.members {
                match registry.resolve(member) {
                    Resolution::Unit { alias: false, .. } => {}
                    _ => {
                        return Err(RegistryError(format!(
                            "「{}」的成员「{member}」不是名录中的单位：请先在 fengong.toml 中为它加一条 [[units]]，name = \"{member}\"（镇、街道、乡写 kind = \"town\"）",
                            group.name
                        )));
                    }
                }
            }
        }
        Ok(registry)
    }

    /// What `name` is.
    pub fn resolve(&self, name: &str) -> Resolution<'_> {
        // 各村(社区) is 各村（社区）: a name's brackets, either width.
        let name = name.trim();
        let entry = self.by_name.get(name).or_else(|| {
            let full = crate::base::cjk::in_full_width(name);
            let half = name.replace('（', "(").replace('）', ")");
            (self.by_name.get(full.as_ref())).or_else(|| self.by_name.get(half.as_str()))
        });
        match entry {
            Some(Entry::Unit { index, alias }) => Resolution::Unit {
                unit: &self.units[*index],
                alias: *alias,
            },
            Some(Entry::Group(index)) => Resolution::Group(&self.groups[*index]),
            Some(Entry::Unspecified) => Resolution::Unspecified,
            None => Resolution::Unknown,
        }
    }

    /// This registry, knowing which of a plan's names are written cut off (see `cut_off`).
    pub fn with_cut_off(&self, names: std::collections::BTreeSet<String>) -> UnitRegistry {
        UnitRegistry {
            cut_off: names,
            ..self.clone()
        }
    }

    /// True when the plan writes `name` cut off beside its whole name.
    pub fn is_cut_off(&self, name: &str) -> bool {
        self.cut_off.contains(name.trim())
    }

    /// The unit called `name` (canonical or alias).
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        match self.resolve(name) {
            Resolution::Unit { unit, .. } => Some(unit),
            _ => None,
        }
    }

    /// All units, in registry order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// All groups.
    pub fn groups(&self) -> &[UnitGroup] {
        &self.groups
    }

    /// The phrases that name no unit.
    pub fn unspecified(&self) -> &[String] {
        &self.unspecified
    }

    /// Registry position of a unit, for ordering lists of units the way the registry does.
    pub fn position(&self, name: &str) -> Option<usize> {
        match self.by_name.get(name.trim()) {
            Some(Entry::Unit { index, .. }) => Some(*index),
            _ => None,
        }
    }

    /// Every spelling the registry knows (canonical names, aliases, groups, phrases).
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        self.by_name.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_form_keeps_the_first_and_last_words_in_order() {
        assert!(short_form_of("县发改局", "县发展和改革局"));
        assert!(short_form_of("县住建局", "县住房和城乡建设局"));
        assert!(short_form_of("区发改委", "区发展和改革委员会"));
        assert!(short_form_of("区市场监管局", "区市场监督管理局"));
        assert!(short_form_of("人社局", "人力资源和社会保障局"));
        // A question worth asking: a bureau that took on more work.
        assert!(short_form_of("县农业农村局", "县农业农村和水利局"));
        assert!(!short_form_of("县水利局", "县农业农村和水利局"));
        assert!(!short_form_of("县发改局", "市发展和改革局"));
        assert!(!short_form_of("区教育局", "区体育局"));
        assert!(!short_form_of("区财政局", "区财政局"));
    }

    #[test]
    fn a_group_phrase_may_name_more_of_its_bodies_in_brackets() {
        assert!(is_group_phrase("各街镇"));
        assert!(is_group_phrase("各县(市、区)政府(管委会)"));
        assert!(is_group_phrase("各县（市、区）人民政府"));
        assert!(is_group_phrase("有关设区市"));
        assert!(is_group_phrase("三县政府"));
        assert!(is_group_phrase("5个乡镇"));
        assert!(!is_group_phrase("三区三线划定办"));
        assert!(!is_group_phrase("二区教育局"));
        assert!(!is_group_phrase("各有关部门和单位及全县各级党组织"));
        assert!(!is_group_phrase("区教育局"));
    }

    #[test]
    fn transposed_words_make_reordered_twins() {
        assert!(reordered_twins("省农村农业厅", "省农业农村厅"));
        assert!(!reordered_twins("省农业农村厅", "省农业农村厅"));
        // The same characters ending otherwise name another kind of body.
        assert!(!reordered_twins("区社会工作部", "区工作社会部门"));
        assert!(!reordered_twins("区文化馆站", "区文化站馆"));
        assert!(!reordered_twins("区教育局", "区体育局"));
    }

    fn unit(name: &str, aliases: &[&str]) -> Unit {
        Unit {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: UnitKind::Government,
        }
    }

    #[test]
    fn resolves_names_aliases_groups_and_phrases() {
        let reg = UnitRegistry::new(
            vec![unit("区妇工委办", &["区妇儿工委办"]), unit("南翔镇", &[])],
            vec![UnitGroup {
                name: "各街镇".into(),
                members: vec!["南翔镇".into()],
                partial: false,
            }],
            vec!["相关部门".into()],
        )
        .unwrap();
        assert!(matches!(
            reg.resolve("区妇工委办"),
            Resolution::Unit { alias: false, .. }
        ));
        match reg.resolve(" 区妇儿工委办 ") {
            Resolution::Unit { unit, alias } => {
                assert!(alias);
                assert_eq!(unit.name, "区妇工委办");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(reg.resolve("各街镇"), Resolution::Group(g) if g.members.len() == 1));
        assert_eq!(reg.resolve("相关部门"), Resolution::Unspecified);
        assert_eq!(reg.resolve("区教育"), Resolution::Unknown);
        // A name's brackets, either width, name the same body.
        let reg = UnitRegistry::new(
            vec![unit("区委（区政府）办公室", &[]), unit("各村(社区)", &[])],
            vec![],
            vec![],
        )
        .unwrap();
        for spelled in ["区委(区政府)办公室", "各村（社区）"] {
            assert!(
                matches!(reg.resolve(spelled), Resolution::Unit { .. }),
                "{spelled}"
            );
        }
    }

    #[test]
    fn refuses_duplicate_spellings_and_unknown_members() {
        let dup = UnitRegistry::new(
            vec![unit("区教育局", &[]), unit("区体育局", &["区教育局"])],
            vec![],
            vec![],
        );
        assert!(dup.is_err());
        let bad_member = UnitRegistry::new(
            vec![unit("区教育局", &[])],
            vec![UnitGroup {
                name: "各街镇".into(),
                members: vec!["南翔镇".into()],
                partial: false,
            }],
            vec![],
        );
        assert!(bad_member.is_err());
    }
}
