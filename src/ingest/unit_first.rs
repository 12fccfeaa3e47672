//! Work handed out by naming who does it first: a paragraph per unit (区住建局负责全区村庄环境
//! 整治总协调工作，…), or a measure opening with who does it (（一）由省经贸委负责，省农业厅、
//! 环保局配合，加快…; 由省经贸委承办，…协办。). Read only where nothing else hands out the work,
//! so a 保障措施 sentence such as 区财政局负责资金保障 among tasks written the usual way stays
//! the plan's text.

use std::sync::LazyLock;

use regex::Regex;

use super::raw_table::{RawRow, RawTable, RawTask, RowKind};
use super::text::{Places, numbered_label, section_heading};
use crate::base::cjk::{ends_sentence, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};

/// Who leads and who supports, as the opening of a paragraph writes them: `由X负责，Y配合，`,
/// `主要由X牵头，Y配合，`, `X牵头，Y参与`, `X负责…`, `X。负责…`, `X要…`.
static OPENING_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // pattern built from literals
    Regex::new(&format!(
        "{}{}",
        r"^(?:主要|具体|统一)?(由)?([^，,。；;：:（(）)]{2,60}?)([。：:])?(负责|牵头|承办|主办|要)",
        format_args!(
            r"(?:[，,]([^，,。；;：:]{{2,120}}?)(?:{}))?",
            crate::ingest::units::support_words_pattern()
        )
    ))
    .unwrap()
});

/// Who a paragraph opens by naming: the units that lead and support, and the leader who
/// answers for the work (由李四副区长负责，区发展改革局牵头，…).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Opening {
    lead: String,
    support: Option<String>,
    person: Option<String>,
}

/// A line with no sentence right above a paragraph: a part's heading, or (`item`) a numbered
/// item's title.
struct Heading {
    title: String,
    item: bool,
}

/// An item's number: 1、 1. 1．
static ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^\d{1,3}\s*[、.．]").unwrap()
});

/// The fewest paragraphs that must open with who does them for the text to be read so.
const FEWEST: usize = 2;

/// Reads the paragraphs of `text` that open with who does the work as tasks, each led by the
/// units it opens with, its words kept whole as the task's content; `None` unless at least
/// two do.
pub fn parse_at(text: &str, places: Places<'_>) -> Option<RawTable> {
    let mut table = RawTable::default();
    let mut tasks = 0;
    // The heading right above the paragraph being read, if any.
    let mut heading: Option<Heading> = None;
    // The marks put between an item's title and the sentence under it, said.
    let mut joints = Vec::new();
    for (paragraph, line) in crate::ingest::inline::paragraphs(text) {
        let here = places.at(line);
        let tidy = tidy_spacing(&paragraph);
        if let Some((numeral, title)) = section_heading(&tidy)
            && opening_duty(&title).is_none()
        {
            heading = Some(Heading {
                title: title.clone(),
                item: false,
            });
            table.rows.push(RawRow {
                kind: RowKind::Section { numeral, title },
                origin: here,
            });
            continue;
        }
        let words = without_number(&tidy);
        let Some(Opening {
            lead,
            support,
            person,
        }) = opening_duty(words)
        else {
            // （一）治理农村黑臭水体: a heading the sentence under it may give out; 1、兰州城市轨道
            // 交通项目: an item's title over the sentence that gives it out.
            // 1、西大桥沿线有垃圾死角。 / 整改要求：由县环卫站负责…: an item stating a problem
            // heads the sentence that hands it out too.
            let item = ITEM_NUMBER.is_match(&tidy);
            heading =
                (item || (numbered_label(&tidy).is_some() && !ends_sentence(words))).then(|| {
                    Heading {
                        title: words.to_string(),
                        item,
                    }
                });
            continue;
        };
        tasks += 1;
        let content = task_words(heading.take(), words, &here, &mut joints);
        let (lead, support) = with_later_duties(words, lead, support, tasks, &here, &mut table);
        let task = RawTask {
            no: tasks.to_string(),
            content,
            lead: Some(lead),
            support,
            person,
            units_origin: Some(here.clone()),
            ..RawTask::default()
        };
        table.rows.push(RawRow {
            kind: RowKind::Task(Box::new(task)),
            origin: here,
        });
    }
    if tasks < FEWEST {
        return None;
    }
    drop_sections_without_tasks(&mut table.rows);
    let first = table
        .rows
        .iter()
        .find(|r| matches!(r.kind, RowKind::Task(_)))
        .map(|r| r.origin.clone());
    table
        .said
        .extend(crate::ingest::inline::said_joints(&joints));
    if let Some(first) = first {
        table.said.push(Diagnostic::note(
            "structure/unit-first",
            first,
            format!(
                "原文按单位写分工（段首写明由谁负责）：{tasks} 段各读作一项任务，段首的单位为牵头单位，其后写明配合的为配合单位；任务内容照原文"
            ),
        ));
    }
    Some(table)
}

/// A task's words: the paragraph's `words`, or the heading over them.
fn task_words(
    heading: Option<Heading>,
    words: &str,
    here: &Location,
    joints: &mut Vec<(String, &'static str, Location)>,
) -> String {
    // 一、治理畜牧业产品污染 / 由乡三农服务中心承办，乡畜牧站配合。: a sentence that only
    // gives the part out makes the part's heading the task (its words are the plan's); an
    // item's title heads the sentence's words.
    match heading {
        Some(heading) if only_a_duty(words) => heading.title,
        Some(Heading { title, item: true }) if ends_sentence(&title) => {
            format!("{title}{words}")
        }
        Some(Heading { title, item: true }) => {
            joints.push((title.clone(), "：", here.clone()));
            format!("{title}：{words}")
        }
        _ => words.to_string(),
    }
}

/// Section rows with no task under them are only the plan's text: the prose keeps them.
fn drop_sections_without_tasks(rows: &mut Vec<RawRow>) {
    let has_task_after = |at: usize, rows: &[RawRow]| {
        rows[at + 1..]
            .iter()
            .take_while(|r| !matches!(r.kind, RowKind::Section { .. }))
            .any(|r| matches!(r.kind, RowKind::Task(_)))
    };
    let keep: Vec<bool> = (0..rows.len())
        .map(|at| !matches!(rows[at].kind, RowKind::Section { .. }) || has_task_after(at, rows))
        .collect();
    let mut keep = keep.into_iter();
    rows.retain(|_| keep.next().unwrap_or(true));
}

/// A list of who does the work without the words describing the first of them (包片单位县
/// 气象局, 陈家坝沿线包片单位县职教中心、…): from the body's name, which opens with its place
/// right after the describing 单位. The words stay in the task's content.
fn after_description(lead: &str) -> &str {
    let first_end = lead.find(['、', '，', ',']).unwrap_or(lead.len());
    let Some(at) = lead[..first_end].rfind("单位") else {
        return lead;
    };
    let name = &lead[at + "单位".len()..];
    let named = name[..first_end - at - "单位".len()].chars().count() >= 3
        && name.starts_with(crate::ingest::units::PLACE_OPENINGS);
    if named { name } else { lead }
}

/// True for a line opening with who does the work (县住建局：负责…, 县住建局负责…): a paragraph
/// of its own, not the tail of a title line above it (unless that line opens with a duty
/// itself: a wrapped paragraph).
pub(crate) fn opens_with_duty(line: &str) -> bool {
    opening_duty(without_number(&tidy_spacing(line))).is_some()
}

/// True for a sentence that only says who does the work: `由乡三农服务中心承办，乡畜牧站、
/// 卫生院配合。`, `县教育局负责。`.
pub(crate) fn only_a_duty(words: &str) -> bool {
    static DUTY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // pattern built from literals
        Regex::new(&format!(
            "{}{}",
            r"^(?:主要|具体|统一)?由?[^，,。；;：:]{2,60}?(?:负责|牵头|承办|主办)",
            format_args!(
                r"(?:[，,][^，,。；;：:]{{2,120}}?(?:{}))?[。.]?$",
                crate::ingest::units::support_words_pattern()
            )
        ))
        .unwrap()
    });
    let words = words.trim();
    DUTY_ONLY.is_match(after_leader(words).unwrap_or(words))
}

/// The words after a clause naming the leader who answers for the work (由副市长李四负责，
/// 市住建局牵头…; 由县政府主要领导负总责，…): who does it comes next.
pub(crate) fn after_leader(words: &str) -> Option<&str> {
    let (clause, rest) = words.split_once(['，', ','])?;
    let who = clause.trim().strip_prefix('由').unwrap_or(clause.trim());
    let who = ["负总责", "总负责", "负责"]
        .iter()
        .find_map(|role| who.strip_suffix(role))?;
    crate::ingest::inline::is_post(who).then(|| rest.trim_start())
}

/// `words` without the number opening it (（一）, 1., ①).
fn without_number(words: &str) -> &str {
    if numbered_label(words).is_some()
        && let Some((close, mark)) = words.char_indices().find(|(_, c)| matches!(c, '）' | ')'))
    {
        return words[close + mark.len_utf8()..].trim_start();
    }
    let rest = words.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(['.', '．', '、']) {
        Some(after) if rest.len() < words.len() => after.trim_start(),
        _ => words.trim_start_matches(|c: char| ('①'..='⑳').contains(&c)),
    }
}

/// The leads and supports a paragraph opens with, when each name there is a body's: at its
/// start, or after a title sentence ending in 。 (校园内部安全整治。主要由县教育局牵头，…).
fn opening_duty(words: &str) -> Option<Opening> {
    duty_at_start(words, false)
        .or_else(|| {
            let (title, rest) = words.split_once('。')?;
            (title.chars().count() <= 24).then(|| duty_at_start(rest.trim_start(), true))?
        })
        .or_else(|| {
            let rest = after_short_label(words)?;
            duty_at_start(rest, false).or_else(|| duty_at_start(after_lead_in(rest)?, false))
        })
}

/// The words from a 由 that a short clause of how leads into (按照先劝阻、再强制的要求，由X
/// 负责…), within the first sentence.
fn after_lead_in(words: &str) -> Option<&str> {
    let sentence = words.split('。').next().unwrap_or(words);
    let at = sentence.find("，由").or_else(|| sentence.find(",由"))?;
    let comma = sentence[at..].chars().next()?.len_utf8();
    (sentence[..at].chars().count() <= 40).then(|| &words[at + comma..])
}

/// The words after a short label opening a paragraph (整改要求：由县环卫站负责…, 责任分工：…),
/// where who does the work may follow.
fn after_short_label(words: &str) -> Option<&str> {
    let (label, rest) = words.split_once(['：', ':'])?;
    let label = label.trim();
    let short = (2..=6).contains(&label.chars().count());
    (short && label.chars().all(crate::base::cjk::is_han)).then(|| rest.trim_start())
}

/// [`opening_duty`] at the very start of `words`, with the units a later clause says support
/// (县交通局负责国道巡查，县公路局配合。). After a title sentence (`after_title`) only a
/// duty handed out counts: 加强组织领导。各乡镇要高度重视… is a requirement, not work.
fn duty_at_start(words: &str, after_title: bool) -> Option<Opening> {
    // 分管副区长：王五；区财政局牵头，…: the leader's clause, then who does the work.
    if let Some((clause, rest)) = words.split_once(['；', ';', '，', ','])
        && let Some(leader) = leader_clause(clause)
    {
        let mut opening = duty_at_start(rest.trim_start(), false)?;
        opening.person = Some(leader.trim().to_string());
        return Some(opening);
    }
    let caps = OPENING_DUTY.captures(words)?;
    let by = caps.get(1).is_some();
    // 县教育局、县卫健局分别负责: how they do it is no part of who.
    let lead = after_description(crate::ingest::units::without_manner(caps[2].trim()));
    let role = &caps[4];
    // 由李四副区长负责，区发展改革局牵头，…: the leader who answers for the work, then who
    // does it.
    if role == "负责" && caps.get(3).is_none() && crate::ingest::inline::is_post(lead) {
        let rest = words[caps.get(4)?.end()..].strip_prefix(['，', ','])?;
        let mut opening = duty_at_start(rest.trim_start(), false)?;
        opening.person = Some(lead.to_string());
        return Some(opening);
    }
    // 县环保局。负责…: the mark only between a body and 负责.
    let marked = caps.get(3).is_some();
    // 城区排水防涝设施建设由县住建局负责: the work first, its doer after 由 — no opening duty;
    // 县交通运输局负责的国省道路段: a name of what they answer for, no duty.
    let work_first = lead.contains('由');
    let describes = words[caps.get(4)?.end()..].starts_with('的');
    if work_first
        || describes
        || !bodies(lead)
        || (role == "要" && (by || after_title))
        || (marked && (by || role != "负责"))
    {
        return None;
    }
    let mut supports: Vec<String> = caps
        .get(5)
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| supporting(s))
        .into_iter()
        .collect();
    // Only the opening sentence's: the next one is another duty's.
    let rest = &words[caps.get(0)?.end()..];
    let sentence = rest.split('。').next().unwrap_or(rest);
    supports.extend(later_supports(sentence));
    let support = (!supports.is_empty()).then(|| supports.join("、"));
    Some(Opening {
        lead: lead.to_string(),
        support,
        person: None,
    })
}

/// The leader a clause names as answering for the work: 分管副区长：王五, 责任领导：王五.
fn leader_clause(clause: &str) -> Option<&str> {
    crate::ingest::inline::leader_label(clause).or_else(|| {
        let (post, name) = clause.split_once(['：', ':'])?;
        crate::ingest::inline::is_post(post).then_some(name)
    })
}

/// The leads and supports of a paragraph with the duties its later sentences open with
/// (…。福建出入境检验检疫局负责，省农业厅配合，强化…): the paragraph is one item of the plan,
/// so those bodies lead their part of it beside the first — said, with the item's number.
fn with_later_duties(
    words: &str,
    lead: String,
    support: Option<String>,
    no: usize,
    here: &crate::base::diag::Location,
    table: &mut RawTable,
) -> (String, Option<String>) {
    let later: Vec<Opening> = (words.split('。').skip(1))
        .filter_map(|sentence| duty_at_start(sentence.trim(), true))
        .collect();
    if later.is_empty() {
        return (lead, support);
    }
    let named: Vec<&str> = later.iter().map(|o| o.lead.as_str()).collect();
    table.said.push(Diagnostic::note(
        "unit/later-leads",
        here.clone(),
        format!(
            "第 {no} 项的段落中，后面的句子另写明由「{}」负责：一并列为这项任务的牵头单位",
            named.join("、")
        ),
    ));
    let mut leads: Vec<String> = vec![lead];
    let mut supports: Vec<String> = support.into_iter().collect();
    for opening in later {
        leads.push(opening.lead);
        supports.extend(opening.support);
    }
    // One name once: a support that leads a later part leads.
    let mut seen: Vec<String> = Vec::new();
    let mut once = |list: Vec<String>| -> Vec<String> {
        let names = list
            .iter()
            .flat_map(|l| crate::ingest::units::split_units(l));
        let mut kept = Vec::new();
        for name in names.map(|n| n.name) {
            if !seen.contains(&name) {
                seen.push(name.clone());
                kept.push(name);
            }
        }
        kept
    };
    let leads = once(leads);
    let supports = once(supports);
    let support = (!supports.is_empty()).then(|| supports.join("、"));
    (leads.join("、"), support)
}

/// True for a list whose every name is a body's (县交通局、县公路局; 县交通局和县公路局).
fn bodies(list: &str) -> bool {
    let names = crate::ingest::units::split_units(list);
    !names.is_empty()
        && names
            .iter()
            .all(|n| crate::ingest::units::ends_as_a_body(&n.name))
}

/// True for a list of supports: bodies, or phrases naming those concerned (县直有关部门,
/// 市食安委有关委员单位) — kept, as the units reader keeps them, unnamed.
fn supporting(list: &str) -> bool {
    use crate::ingest::units::{ends_as_a_body, looks_unspecified};
    let names = crate::ingest::units::split_units(list);
    !names.is_empty()
        && (names.iter()).all(|n| ends_as_a_body(&n.name) || looks_unspecified(&n.name))
}

/// The units of the clauses after the opening that are only who supports (…，县公路局配合。):
/// names opening with a place, so a verb (组织各志愿服务队参与, 发动村委会参与) is none.
fn later_supports(rest: &str) -> Vec<String> {
    use crate::ingest::units::SUPPORT_WORDS;
    // 县城管局、县交通运输局分别负责路面修补: names opening a clause, then their part.
    static OPENING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // pattern built from literals
        Regex::new(&format!(
            r"^([^，,。；;：:]{{2,60}}?)(?:分别负责|负责|{})",
            crate::ingest::units::support_words_pattern()
        ))
        .unwrap()
    });
    rest.split(['，', ',', '；', ';'])
        .filter_map(|clause| {
            let clause = clause.trim();
            let who = SUPPORT_WORDS
                .iter()
                .find_map(|w| clause.strip_suffix(w))
                .or_else(|| Some(OPENING_ROLE.captures(clause)?.get(1)?.as_str()))?;
            let who = crate::ingest::units::without_manner(who);
            (who.starts_with(crate::ingest::units::PLACE_OPENINGS) && supporting(who))
                .then(|| who.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_opening_with_who_does_it_is_told() {
        assert!(opens_with_duty("县住建局：负责城区排水防涝设施建设。"));
        assert!(opens_with_duty("县住建局负责城区排水防涝设施建设。"));
        assert!(opens_with_duty("1.县住建局:负责城区排水防涝。"));
        assert!(!opens_with_duty("城区排水防涝设施建设由县住建局负责。"));
        assert!(!opens_with_duty("加强组织领导，压实工作责任。"));
    }

    #[test]
    fn who_opens_the_paragraph_leads_it() {
        let duty = |w: &str| opening_duty(w).map(|o| (o.lead, o.support));
        assert_eq!(
            duty("区住建局负责全区村庄环境整治总协调工作。"),
            Some(("区住建局".to_string(), None))
        );
        assert_eq!(
            duty("区委农办要结合全区建设任务，负责指导督查。"),
            Some(("区委农办".to_string(), None))
        );
        assert_eq!(
            duty("由省经贸委负责，省农业厅、环保局配合，加快基地建设。"),
            Some(("省经贸委".to_string(), Some("省农业厅、环保局".to_string())))
        );
        assert_eq!(
            duty("由省经贸委承办，省农业厅、卫生厅协办。治理工作目标：…"),
            Some(("省经贸委".to_string(), Some("省农业厅、卫生厅".to_string())))
        );
        // Several bodies open it; a mark between a body and 负责; a 配合 clause later on;
        // a title sentence before who does it.
        assert_eq!(
            duty("县交通局、县公路局负责国道巡查。"),
            Some(("县交通局、县公路局".to_string(), None))
        );
        assert_eq!(
            duty("县交通局和县公路局负责国道巡查。"),
            Some(("县交通局和县公路局".to_string(), None))
        );
        assert_eq!(
            duty("县环保局。负责全县秸秆禁烧统一监督。"),
            Some(("县环保局".to_string(), None))
        );
        assert_eq!(
            duty("县交通局负责国道、省道两侧巡查，县公路局配合。"),
            Some(("县交通局".to_string(), Some("县公路局".to_string())))
        );
        assert_eq!(
            duty(
                "校园内部安全整治。主要由县教育局牵头，县公安局、县消防大队配合，对全县学校排查。"
            ),
            Some((
                "县教育局".to_string(),
                Some("县公安局、县消防大队".to_string())
            ))
        );
        // A verb before a body supports nothing; the next sentence is another duty's.
        assert_eq!(
            duty("县团委负责志愿服务，组织各志愿服务队参与。"),
            Some(("县团委".to_string(), None))
        );
        assert_eq!(
            duty("县经贸委负责监管。县农业厅配合做好种植基地工作，县环保局配合。"),
            Some(("县经贸委".to_string(), None))
        );
        // Work, not a body, opens these.
        for words in [
            "加强组织领导，各单位要明确专人负责。",
            "全面推进农村人居环境整治，确保年底前完成。",
            "各项工作要落到实处。",
            "加强组织领导。由各单位负责。",
            "县环保局。要加强监督。",
            "加强组织领导。各乡镇要高度重视，明确专人负责。",
        ] {
            assert_eq!(duty(words), None, "{words}");
        }
        assert_eq!(
            without_number("（一）由省经贸委负责，…"),
            "由省经贸委负责，…"
        );
        assert_eq!(without_number("2.区财政局负责…"), "区财政局负责…");
    }
}
