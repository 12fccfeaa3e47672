//! The other two ways plans assign work, read from text without a table:
//!
//! - inline after each task: `…新增普惠托位300个。（区卫生健康局牵头，区财政局、区发展改革局
//!   配合；2026年12月底前完成）`, including `X、Y共同牵头` and `…按职责分工负责`;
//! - labelled lines under a numbered task: `牵头单位：…` / `责任单位：…` / `配合单位：…` /
//!   `完成时限：…`.
//!
//! A document may mix them. Tasks are numbered 1, 2, … in document order (their written
//! numbers restart under each heading); sections and groups come from the 一、 and （一）
//! headings (or bold lead-ins) and become the rows of a [`RawTable`].

use crate::base::cjk::joined_as_written;
use std::sync::LazyLock;

use regex::Regex;

use super::raw_table::{Column, RawRow, RawTable, RawTask, RowKind};
use super::text::{
    Places, is_heading_tail, numbered_label, section_heading, section_numeral, strip_markup,
    title_from_lines,
};
use crate::base::cjk::tidy_spacing;
use crate::base::diag::Location;

static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    // A parenthesis or bracket that names who does the work: （…牵头…）, [牵头单位:…], 【…】,
    // 〔责任单位:…〕; it may hold parentheses of its own (各街办(新区), 各市〔州〕).
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"[（(\[【〔]",
        r"((?:[^（）()\[\]【】〔〕]|[（(〔][^（）()〔〕]*[）)〕])*?",
        r"(?:(?:牵头|配合|负责|责任单位|责任部门|协同|协办|参与|主办|承办|牽頭|負責|責任單位|責任部門|協同|協辦|參與|主辦|承辦",
        // Any labelled clause naming who answers for it: 责任科室：, 责任股室：, 主责处室：.
        r"|(?:责任|責任|主责|主責)\p{Han}{1,3}[:：])",
        // A name's own parenthesis may be left open where the source stops (各村（社).
        r"(?:[^（）()\[\]【】〔〕]|[（(〔][^（）()〔〕]*(?:[）)〕]|$))*",
        // X、Y指导 (a ministry guiding the work): only at a clause's end — 以…为指导 is
        // the plan's words, not an assignment.
        r"|[^为](?:指导|督导)(?:[，,；;。](?:[^（）()\[\]【】〔〕]|[（(〔][^（）()〔〕]*[）)〕])*)?)",
        r")",
        // Closed, or left open at the paragraph's end (a source cut off mid-list).
        r"(?:[）)\]】〕]|$)"
    ))
    .unwrap()
});

/// The parentheses of `text` that name who does the work ([`ASSIGNMENT`]), but for those
/// that say what a role word means: `各责任单位（包括牵头单位、责任单位，下同）`,
/// `各牵头单位（无牵头单位的，责任单位即为牵头单位）` define words of the notice, and name
/// no one.
fn duty_brackets(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    let found: Vec<regex::Captures<'_>> = ASSIGNMENT
        .captures_iter(text)
        .filter(|caps| {
            let (Some(whole), Some(inside)) = (caps.get(0), caps.get(1)) else {
                return false;
            };
            !defines_a_role_word(&text[..whole.start()], inside.as_str())
                && !aside_on_a_role(&text[..whole.start()])
                && !speaks_of_a_case(inside.as_str())
                && names_anyone(inside.as_str())
        })
        .collect();
    let after = found
        .last()
        .and_then(|caps| caps.get(0))
        .map_or(0, |m| m.end());
    let cut = list_cut_open(text).filter(|caps| caps.get(0).is_some_and(|m| m.start() >= after));
    let listed = list_closing_the_text(text).filter(|_| found.is_empty());
    let earlier = listed
        .as_ref()
        .and_then(|caps| caps.get(0))
        .map_or(Vec::new(), |closing| {
            lists_after_stops(text, closing.start())
        });
    found.into_iter().chain(cut).chain(earlier).chain(listed)
}

/// The brackets of `line` naming who does the work, as (where, what they say): two side by
/// side with nothing between ((责任科室:基础教育科)(责任单位:芜湖一中)) are one task's, read
/// as one.
fn brackets_side_by_side(line: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for caps in duty_brackets(line) {
        let (Some(whole), Some(inside)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        match out.last_mut() {
            Some((last, said)) if line[last.end..whole.start()].trim().is_empty() => {
                last.end = whole.end();
                said.push('；');
                said.push_str(inside.as_str());
            }
            _ => out.push((whole.range(), inside.as_str().to_string())),
        }
    }
    out
}

/// Whether `text` ends on the bracket naming who does its work (…10亿元以上。（责任单位：区商务局
/// 牵头，区财政局配合）): the task it closes is whole, the next line another paragraph.
pub(crate) fn ends_with_a_duty(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['。', '；', ';']);
    // Closed: a bracket the page's width cut open (…区财政局 / 配合）) goes on below.
    text.ends_with(['）', ')'])
        && duty_brackets(text)
            .last()
            .and_then(|caps| caps.get(0))
            .is_some_and(|whole| whole.end() == text.len())
}

/// A paragraph that is only a bracket naming who does the work ((牵头单位:市委政法委;配合单位:
/// 市公安局)): it closes the paragraph above, as labelled lines under it would.
fn duty_alone(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['。', '；', ';']);
    duty_brackets(text)
        .next()
        .and_then(|caps| caps.get(0))
        .is_some_and(|whole| whole.start() == 0 && whole.end() == text.len())
}

/// A parenthesis of bodies' names alone closing a task's text, no role word in it
/// (…核心城市。(市委政研室、市委改革办、市发展改革局)): the plan lists who does the work
/// and says elsewhere, or not at all, who leads. Read as that list when every name ends as
/// a body's and one is plainly an office (…局, …委, …办, …人民政府) — not a list of things
/// built (市民中心、会展中心). A time may close the list (地区生态环境局,2019年6月底前).
fn list_closing_the_text(text: &str) -> Option<regex::Captures<'_>> {
    static CLOSING_LIST: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[（(]((?:[^（）()。；;：:]|[（(][^（）()]*[）)])+)[）)][。．.；;]?\s*$")
            .unwrap()
    });
    let caps = CLOSING_LIST.captures(text.trim_end())?;
    let inside = caps.get(1)?.as_str();
    // The task's words before it: not a body's name the parenthesis gives another of
    // (应急局(安委办)).
    let before = text[..caps.get(0)?.start()].trim();
    let words = before
        .chars()
        .filter(|c| crate::base::cjk::is_han(*c))
        .count();
    if !before.is_empty() && (words < 4 || crate::ingest::units::is_units_text(before)) {
        return None;
    }
    // (地区生态环境局,2019年6月底前): the list, then when.
    let inside = match inside.rsplit_once(['，', ',']) {
        Some((units, last)) if crate::ingest::deadline::says_only_a_time(last.trim()) => units,
        _ => inside,
    };
    lists_who(inside).then_some(caps)
}

/// Whether a parenthesis's words list who does the work: bodies' names, one plainly an
/// office — or kinds of body only (各有关部门: who does it though named by kind; the table
/// prints it, no sheet does).
fn lists_who(inside: &str) -> bool {
    let names = crate::ingest::units::split_units(inside);
    let only_kinds = !names.is_empty()
        && names
            .iter()
            .all(|unit| crate::ingest::units::names_nobody(&unit.name));
    lists_offices(inside) || only_kinds
}

/// Whether a parenthesis's words are bodies' names, one plainly an office (…局, …委, …司).
fn lists_offices(inside: &str) -> bool {
    const OFFICES: &[&str] = &["局", "委", "办", "厅", "政府", "部", "室", "委员会", "司"];
    let names = crate::ingest::units::split_units(inside);
    let office = names.iter().any(|unit| {
        let name = crate::base::cjk::simplified_text(&unit.name);
        name.chars().count() >= 3 && OFFICES.iter().any(|o| name.ends_with(o))
    });
    office && crate::ingest::units::is_units_text(inside)
}

/// Lists of bodies in parentheses, each right after a sentence's stop, before the one that
/// closes the text (…空气质量数据。(监测司、大气司) 公开近岸海域水质信息。(海洋司) …。(气候司)):
/// a paragraph of several tasks, each closed by who does it.
fn lists_after_stops(text: &str, closing_at: usize) -> Vec<regex::Captures<'_>> {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[（(]((?:[^（）()。；;：:]|[（(][^（）()]*[）)])+)[）)]").unwrap()
    });
    LIST.captures_iter(&text[..closing_at])
        .filter(|caps| {
            let (Some(whole), Some(inside)) = (caps.get(0), caps.get(1)) else {
                return false;
            };
            text[..whole.start()]
                .trim_end()
                .ends_with(['。', '；', ';'])
                && text[whole.end()..]
                    .trim_start()
                    .starts_with(crate::base::cjk::is_han)
                && lists_who(inside.as_str())
        })
        .collect()
}

/// A parenthesis of names left open where a paragraph stops, before any 牵头 or 负责 could
/// say what it is (…复耕撂荒地200亩。(县农业农村局、县): the source cut inside a task's
/// list of units. Read as that list when it opens with a body's full name and holds no
/// sentence; the name it stops in is a piece (`source/cut-off`).
fn list_cut_open(text: &str) -> Option<regex::Captures<'_>> {
    static OPEN_LIST: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[（(〔【\[]((?:[^（）()\[\]【】〔〕。；;]|[（(〔][^（）()〔〕]*[）)〕])+)$")
            .unwrap()
    });
    let caps = OPEN_LIST.captures(text.trim_end())?;
    let inside = caps.get(1)?.as_str();
    let first = inside.split(['、', '，', ',']).next()?.trim();
    (first.chars().count() >= 3 && crate::ingest::units::ends_as_a_body(first)).then_some(caps)
}

/// Whether `text` holds a parenthesis naming who does the work.
fn has_duty(text: &str) -> bool {
    duty_brackets(text).next().is_some()
}

/// The first parenthesis of `text` naming who does the work.
fn first_duty(text: &str) -> Option<regex::Match<'_>> {
    duty_brackets(text).next().and_then(|caps| caps.get(0))
}

/// Whether a parenthesis stands right after a role its sentence gives (…由省水利厅具体牵头
/// (日常工作由厅建管处负责),省烟草局配合): an aside on how that body does it, not the task's
/// assignment.
fn aside_on_a_role(before: &str) -> bool {
    const ROLES: &[&str] = &[
        "牵头", "负责", "配合", "主办", "承办", "协办", "牽頭", "負責",
    ];
    let before = before.trim_end();
    ROLES.iter().any(|r| before.ends_with(r))
}

/// `由鲁国会、郑忠安副厅长分别负责`: the leaders named by their post who answer for a task
/// (the last name carries the post for all), as written; none where a body does.
fn leaders_answering(clause: &str) -> Option<String> {
    let who = clause.strip_prefix('由')?;
    let who = ["分别负责", "负责"]
        .iter()
        .find_map(|end| who.strip_suffix(end))?
        .trim();
    let last = who.rsplit(['、', '，', ',']).next()?;
    let posted = is_post(last) || last.ends_with("总工");
    (posted && !is_a_name(last)).then(|| who.to_string())
}

/// A numbered item's one assignment bracket, and whole sentences after it that are more of
/// the item: (the line up to the bracket and its stop, those sentences). None where the
/// words after it give work out themselves or start another item, or run on to a next line.
fn words_after_the_bracket(line: &str) -> Option<(&str, &str)> {
    let mut brackets = duty_brackets(line);
    let whole = brackets.next()?.get(0)?;
    if brackets.next().is_some() || sentence_going_on(&line[whole.end()..]).is_some() {
        return None;
    }
    let after = &line[whole.end()..];
    let stop = after.len() - after.trim_start().trim_start_matches(['。', '.']).len();
    let (head, tail) = line.split_at(whole.end() + stop);
    let tail = tail.trim();
    let another = TASK_NUMBER.is_match(tail)
        || tail.starts_with("一是")
        || lead_in_before_ordinals(tail).is_some();
    let whole_sentences = tail.ends_with(['。', '！', '？', '；']);
    (!tail.is_empty()
        && whole_sentences
        && !another
        && !has_duty(tail)
        && duty_in_sentence(tail).is_none())
    .then_some((head, tail))
}

/// The words after an assignment's parenthesis that finish its sentence (…考核内容(省水利厅
/// 牵头),考核结果每年通报一次。): the comma goes on with the same task, up to the sentence's
/// end, when no other assignment stands before it. Their length in bytes.
fn sentence_going_on(after: &str) -> Option<usize> {
    if !after.starts_with(['，', ',']) {
        return None;
    }
    let end = after
        .find('。')
        .map_or(after.len(), |at| at + '。'.len_utf8());
    let clause = &after[..end];
    let words = clause.trim_matches(|c: char| !crate::base::cjk::is_han(c));
    (words.chars().count() >= 2 && !has_duty(clause) && list_cut_open(clause).is_none())
        .then_some(end)
}

/// Whether a parenthesis says what to do in a case of the role words (责任单位中无牵头单位的
/// 按职能分别报告): a rule for the tasks, no one's assignment.
fn speaks_of_a_case(inside: &str) -> bool {
    static CASE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(?:无|未|没有|不设)(?:明确)?(?:牵头|责任|配合|协办)(?:单位|部门)").unwrap()
    });
    CASE.is_match(inside)
}

/// Whether a parenthesis's duty names a body, a phrase for bodies, a leader or a person —
/// not a clause that only mentions a role word (半年进展(须综合责任单位情况)报督查室).
fn names_anyone(inside: &str) -> bool {
    use crate::ingest::units::{is_person_name, is_units_text, looks_unspecified};
    let duty = parse_duty(inside);
    let mut named = duty.leads.iter().chain(&duty.supports).chain(&duty.listed);
    // A label cut where the source stops ((牵头单) is the duty the cut took.
    is_cut_label(inside.trim())
        || duty.person.is_some()
        || named.any(|name| {
            is_units_text(name) || looks_unspecified(name) || is_post(name) || is_person_name(name)
        })
}

/// Whether a parenthesis right after a role word (责任单位, 承办单位) says what the word
/// covers — it opens with 包括, 含, 即, 指, or a case (无…的, 未写…的), or names nothing but
/// role words — rather than who does a task.
fn defines_a_role_word(before: &str, inside: &str) -> bool {
    static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"(?:牵头|责任|配合|协办|主办|承办|参与|协同|主责|牽頭|責任|協辦|參與)",
            r"(?:单位|部门|科室|單位|部門)$"
        ))
        .unwrap()
    });
    static DEFINING: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(?:包括|包含|含|即|指|是指|系指|无|未|没有)").unwrap()
    });
    if !ROLE_WORD.is_match(before.trim_end()) {
        return false;
    }
    let inside = inside.trim();
    if DEFINING.is_match(inside) {
        return true;
    }
    let duty = parse_duty(inside);
    let named: Vec<&String> = duty
        .leads
        .iter()
        .chain(&duty.supports)
        .chain(&duty.listed)
        .collect();
    !named.is_empty() && named.iter().all(|name| ROLE_WORD.is_match(name))
}

static TASK_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // 第一，… 第二，…: items counted in words, each a paragraph of its own.
    #[allow(clippy::unwrap_used)] // pattern built from literals
    Regex::new(&format!(
        r"^(?:{}|第[一二三四五六七八九十]{{1,3}}[，,：:])\s*",
        crate::ingest::raw_table::ITEM_NUMBER
    ))
    .unwrap()
});

/// `（二）至（四）项所需经费`: items referred to, not a number opening the text.
fn refers_to_items(text: &str) -> bool {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^[（(][一二三四五六七八九十]{1,3}[）)]\s*(?:至|到|、|和|与|及|项|中)").unwrap()
    });
    REFERENCE.is_match(text)
}

static PART_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // 一、… : a task numbered at the parts' level, when that is the finest level the
    // document numbers its work at; （二）… after the task before it on the same line.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(?:[一二三四五六七八九十百]{1,4}、|[（(][一二三四五六七八九十]{1,3}[）)])\s*")
        .unwrap()
});

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    // 一是… 二是…: tasks counted in a sentence.
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^[一二三四五六七八九十]{1,3}是").unwrap()
});

/// The value of a clause naming the leader who answers for a task (分管副区长：王五).
pub(crate) fn leader_label(text: &str) -> Option<&str> {
    match labelled(text)? {
        (LabelKind::Person, value) if !value.is_empty() => Some(value),
        _ => None,
    }
}

/// True for a labelled line (牵头单位：…, 完成时限：…).
pub(crate) fn is_labelled_line(text: &str) -> bool {
    labelled(text).is_some()
}

/// Whether `line` is a label of `lines` cut short, the source stopping inside it (牵头责 of
/// 牵头责任单位：…): a few characters, no mark, the start of a longer label some line uses.
pub(crate) fn cut_label<'a>(line: &str, lines: impl Iterator<Item = &'a str>) -> bool {
    let line = line.trim();
    if !(1..=6).contains(&line.chars().count()) || !line.chars().all(crate::base::cjk::is_han) {
        return false;
    }
    let mut labels = lines.filter(|l| labelled(l).is_some()).filter_map(|l| {
        let l = l.trim();
        l.find(['：', ':']).map(|colon| &l[..colon])
    });
    labels.any(|label| label.len() > line.len() && label.starts_with(line))
}

/// True for a line labelled with who does the work (牵头单位：…, 协办单位：…, 责任单位：…),
/// not a web page's own line (监督方式：…).
pub(crate) fn is_units_line(text: &str) -> bool {
    let units = labelled(text).is_some_and(|(kind, _)| {
        matches!(
            kind,
            LabelKind::Lead | LabelKind::Support | LabelKind::Responsible
        )
    });
    units && !super::text::is_page_line(text)
}

/// True for a line that says who does a task: a labelled line (牵头单位：…), one carrying
/// an assignment in brackets (（区发改委牵头）), or one giving the items above theirs
/// (上述项目由区商务委牵头负责。).
pub(crate) fn names_duty(text: &str) -> bool {
    let text = text.trim();
    labelled(text).is_some()
        || has_duty(text)
        || ends_with_labels(text)
        || assignment_sentence(text).is_some()
        || duty_of_items_above(text).is_some()
        || duty_of_numbered_items(text).is_some()
        || duty_in_sentence(without_item_number(text)).is_some()
}

/// True for a sentence about the tasks around it that the reader acts on and says so
/// (以下任务均需X落实, 以上工作由X牵头负责): no text left unread.
pub(crate) fn is_remark_on_tasks(text: &str) -> bool {
    let text = text.trim();
    standing_remark(text).is_some()
        || duty_of_items_above(text).is_some()
        || duty_of_numbered_items(text).is_some()
}

/// `text` without the item number opening it (2、, （3）, ①).
pub(crate) fn without_item_number(text: &str) -> &str {
    let text = text.trim_start();
    TASK_NUMBER.find(text).map_or(text, |m| &text[m.end()..])
}

/// True for a line that belongs to a task: numbered, labelled, or carrying an assignment.
pub fn is_task_line(text: &str) -> bool {
    let text = text.trim();
    TASK_NUMBER.is_match(text) || labelled(text).is_some() || has_duty(text)
}

/// Who leads, who supports and by when, read from an inline parenthesis or labelled lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duty {
    /// The parenthesis's text: how its lists join their names (，、和) where they stand
    /// side by side, printed so.
    written: String,
    /// Leading units as written.
    pub leads: Vec<String>,
    /// Supporting units (and phrases such as 各有关部门) as written.
    pub supports: Vec<String>,
    /// The deadline as written.
    pub deadline: Option<String>,
    /// 责任领导 / 责任人 as written.
    pub person: Option<String>,
    /// A sentence after the list that is none of its parts (…开发区管委。以下任务均需…落实,
    /// 不再一一列出): to be said, not read as units.
    pub remark: Option<String>,
    /// The units the remark gives every task after this one (以下均需X落实), as written.
    pub standing: Option<String>,
    /// The part of the work a clause gives its units, written before 由 (其中加装电梯由X负责):
    /// to be said, not read as a unit.
    pub scopes: Vec<String>,
    /// The plain lists read (责任单位：X、Y、Z; X、Y、Z负责), as written.
    listed: Vec<String>,
    /// Whether any role was written (牵头, 配合, a label, a mark): the lists are then read
    /// by it, not by their order.
    roles_written: bool,
    /// Whether a lead was named as one (牵头单位：X, X牵头, X（牵头）, X会同Y).
    lead_named: bool,
    /// The units of the plain lists after their first, which went to `supports` by their
    /// order alone.
    after_the_first: Vec<String>,
}

impl Duty {
    /// Gives `task` these duties. Units only listed, no role written (责任单位：X、Y、Z), go
    /// to its units as a plain 责任单位 cell does, so that the plan's rule decides who
    /// leads (`[plan] lead`) and says so — as it does for a table's cell.
    fn assign_to(&self, task: &mut RawTask) {
        if !self.roles_written && !self.listed.is_empty() {
            task.units = self.listed.join("、");
            task.lead = None;
            task.support = None;
        } else if !self.lead_named && !self.listed.is_empty() {
            // 责任单位：X、Y；配合单位：Z, X、Y负责，Z配合: a plain list beside supports named
            // as such, read as a 责任单位 cell beside a 配合 cell is — its first leads and
            // the plan's rule says so; its others stay 责任单位, not 配合.
            let apart: Vec<String> = (self.supports.iter())
                .filter(|s| !self.after_the_first.contains(s))
                .cloned()
                .collect();
            task.units = self.listed.join("、");
            task.lead = None;
            task.support = Some(joined_as_written(&apart, &self.written));
        } else {
            task.lead = Some(joined_as_written(&self.leads, &self.written));
            task.support = Some(joined_as_written(&self.supports, &self.written));
        }
        task.deadline = self.deadline.clone();
        task.person = self.person.clone();
    }

    /// Every unit and phrase it names, leads first, as written.
    fn all_named(&self) -> Vec<String> {
        let listed = self.listed.iter().flat_map(|l| names(l));
        let mut out: Vec<String> = Vec::new();
        for name in self
            .leads
            .iter()
            .chain(&self.supports)
            .cloned()
            .chain(listed)
        {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// A list whose first unit leads (X、Y、Z负责, 责任单位：…), when no lead is given yet: a
    /// phrase naming nobody (各有关部门和单位) leads no one, so the first body after it does.
    fn first_listed_leads(&mut self, list: &str) {
        let units = names(list);
        if let Some((leads, supports)) = marked_leads(list) {
            self.roles_written = true;
            self.lead_named = true;
            self.leads.extend(leads);
            self.supports.extend(supports);
            return;
        }
        self.listed
            .push(list.trim().trim_end_matches(['。', '；', ';']).to_string());
        let lead_at = self
            .leads
            .is_empty()
            .then(|| units.iter().position(|u| may_lead(u)))
            .flatten();
        for (at, unit) in units.into_iter().enumerate() {
            if Some(at) == lead_at {
                self.leads.push(unit);
            } else {
                self.after_the_first.push(unit.clone());
                self.supports.push(unit);
            }
        }
    }
}

/// Reads the 责任单位 cells of `table` written as labelled clauses (`牵头单位：县水利局
/// 责任单位：县财政局、各镇人民政府`) as an assignment's parenthesis is read: each label its
/// role, never a unit named 牵头单位：县水利局. The table's own deadline and person stay
/// unless the cell gives them.
pub(crate) fn read_labelled_units_cells(table: &mut RawTable) {
    for row in &mut table.rows {
        let RowKind::Task(task) = &mut row.kind else {
            continue;
        };
        let cell = task.units.trim();
        if task.lead.is_some() || task.support.is_some() || !is_units_line(cell) {
            continue;
        }
        let duty = parse_duty(cell);
        if duty.leads.is_empty() && duty.supports.is_empty() && duty.listed.is_empty() {
            continue;
        }
        let (deadline, person) = (task.deadline.take(), task.person.take());
        if duty.roles_written {
            task.units.clear();
        }
        duty.assign_to(task);
        task.deadline = task.deadline.take().or(deadline);
        task.person = task.person.take().or(person);
    }
}

/// A list that marks its leads itself (`区市场监管局、区商务局（牵头）、区工信局`,
/// `区委政法委、区数据资源局牵头，区直各有关单位配合`): the marked leads — a role word after a
/// run of names joined by 、 marks the whole run — and the others support, whatever the
/// order; `None` when nothing is marked.
fn marked_leads(list: &str) -> Option<(Vec<String>, Vec<String>)> {
    use crate::ingest::units::{RoleWord, role_suffix, split_units};
    let mut marks: Vec<(String, bool)> = Vec::new();
    let mut run_start = 0;
    for (name, new_list) in listed(list) {
        if new_list {
            run_start = marks.len();
        }
        let led_already = marks.iter().any(|(_, m)| *m);
        let by_word = match role_suffix(&name) {
            Some(RoleWord::Lead | RoleWord::SharedLead) => true,
            Some(RoleWord::Respectively) => !led_already,
            _ => false,
        };
        let marked = by_word || split_units(&name).iter().any(|w| w.marked_lead);
        marks.push((name, marked));
        if by_word {
            marks[run_start..].iter_mut().for_each(|(_, m)| *m = true);
        }
    }
    if !marks.iter().any(|(_, m)| *m) {
        return None;
    }
    let (leads, supports): (Vec<_>, Vec<_>) = marks.into_iter().partition(|(_, m)| *m);
    let names = |v: Vec<(String, bool)>| v.into_iter().map(|(n, _)| n).collect();
    Some((names(leads), names(supports)))
}

/// Whether a listed name may take the lead by its place: it names a unit and carries no
/// supporting role word of its own (区农业农村局配合).
fn may_lead(unit: &str) -> bool {
    use crate::ingest::units::{RoleWord, looks_unspecified, role_suffix};
    !looks_unspecified(unit) && role_suffix(unit) != Some(RoleWord::Support)
}

/// The start of a label and no more (牵头单, 责任部): a source cut inside it.
fn is_cut_label(clause: &str) -> bool {
    const LABELS: &[&str] = &[
        "牵头单位",
        "牵头部门",
        "责任单位",
        "责任部门",
        "配合单位",
        "配合部门",
        "协办单位",
    ];
    clause.chars().count() >= 2 && LABELS.iter().any(|l| l.starts_with(clause) && *l != clause)
}

/// Reads the clauses of an assignment parenthesis:
/// `区卫生健康局牵头，区财政局、区发展改革局配合；2026年12月底前完成`. One in traditional
/// characters reads as its simplified text does, each part as written.
pub fn parse_duty(inside: &str) -> Duty {
    let text = crate::base::cjk::InSimplified::new(inside);
    if !text.differs() {
        return parse_simplified_duty(inside);
    }
    let duty = parse_simplified_duty(&text.simple);
    let back = |s: &String| text.as_written(s);
    let all = |v: &Vec<String>| v.iter().map(back).collect::<Vec<_>>();
    Duty {
        written: inside.to_string(),
        leads: all(&duty.leads),
        supports: all(&duty.supports),
        deadline: duty.deadline.as_ref().map(back),
        person: duty.person.as_ref().map(back),
        remark: duty.remark.as_ref().map(back),
        standing: duty.standing.as_ref().map(back),
        scopes: all(&duty.scopes),
        listed: all(&duty.listed),
        roles_written: duty.roles_written,
        lead_named: duty.lead_named,
        after_the_first: all(&duty.after_the_first),
    }
}

/// The clauses of a duty's words, each with the mark before it: split at ；，。 outside
/// parentheses — and before a label with no comma before it (牵头单位：甲 责任单位：乙).
fn duty_clauses(inside: &str) -> impl Iterator<Item = (&str, Option<char>)> {
    let clauses = crate::base::cjk::split_outside_parentheses(inside, |c| {
        matches!(c, '；' | ';' | '，' | ',' | '。')
    });
    clauses.into_iter().flat_map(|(clause, before)| {
        split_at_inner_labels(clause)
            .into_iter()
            .enumerate()
            .map(move |(i, part)| (part, if i == 0 { before } else { Some(' ') }))
    })
}

fn parse_simplified_duty(written: &str) -> Duty {
    let mut duty = Duty {
        written: written.to_string(),
        ..Duty::default()
    };
    let inside = crate::ingest::units::without_role_verbs(written);
    let inside: &str = &inside;
    // The lead or support label the clause before opened: names after a comma go on with it.
    let mut open_label = None;
    // Inside a sentence stating the rule (列第一位的为牵头部门，其他部门和单位按职责分工负责，
    // 下同): its clauses on the others are the rule's, no one named.
    let mut in_rule = false;
    for (clause, before) in duty_clauses(inside) {
        let continued = open_label.take();
        in_rule &= matches!(before, Some('，' | ','));
        if in_rule
            && ["其他", "其余", "其它"]
                .iter()
                .any(|w| clause.trim().starts_with(w))
        {
            continue;
        }
        // After a full stop, a sentence that is no label and no time is a remark: the rest
        // of the parenthesis with it.
        let rule = crate::ingest::units::is_role_note(clause.trim());
        if before == Some('。')
            && labelled(clause.trim()).is_none()
            && !is_deadline(clause)
            && !rule
        {
            let at = clause.as_ptr() as usize - inside.as_ptr() as usize;
            duty.remark = Some(inside[at..].trim().to_string()).filter(|r| !r.is_empty());
            duty.standing = duty.remark.as_deref().and_then(standing_units);
            break;
        }
        let clause = clause.trim().trim_end_matches('.');
        // 列第一位的为牵头部门，下同: the rule read here anyway (the first listed leads). A
        // label the source stops inside ((牵头单, cut off) names no one.
        if crate::ingest::units::is_role_note(clause) {
            in_rule = true;
            continue;
        }
        if clause.is_empty() || is_cut_label(clause) {
            continue;
        }
        // A standing remark between the clauses (…，以下各项均需各市按职责分工负责，不再列出；
        // 完成时限：…): a remark, the clauses after it read on.
        if let Some(units) = standing_units(clause) {
            duty.remark = Some(clause.to_string());
            duty.standing = Some(units);
            continue;
        }
        if duty.remark.is_some() && is_not_listed_again(clause) {
            duty.add_remark(clause);
            continue;
        }
        // The labelled lines' words inside the parenthesis: （牵头单位：…；配合单位：…）.
        // A clause after a label and a comma (牵头单位：甲，乙) continues that label.
        if let Some((kind, value)) = labelled(clause) {
            duty.take_label(kind, value);
            open_label = matches!(kind, LabelKind::Lead | LabelKind::Support).then_some(kind);
            continue;
        }
        // 牵头单位：甲，乙，丙 — all three lead, as with 、 between them.
        if let Some(kind) = continued.filter(|_| matches!(before, Some('，' | ',')))
            && only_names(clause)
        {
            duty.take_label(kind, clause);
            open_label = Some(kind);
            continue;
        }
        if let Some(rest) = clause
            .strip_prefix("责任单位")
            .or_else(|| clause.strip_prefix("责任部门"))
        {
            duty.first_listed_leads(rest.trim_start_matches(['：', ':']));
            continue;
        }
        // 2025年9月底前开工，2026年6月底前竣工: each stage kept, in order.
        if is_deadline(clause) {
            duty.deadline = Some(match duty.deadline.take() {
                Some(before) => format!("{before}，{clause}"),
                None => clause.to_string(),
            });
            continue;
        }
        // 牵头单位：县发改局，确保按期完成 — what is to be done, after those who do it.
        if (continued.is_some() || !duty.leads.is_empty() || !duty.supports.is_empty())
            && names_no_one(clause)
        {
            duty.add_remark(clause);
            continue;
        }
        duty.take_named(clause);
    }
    duty
}

/// True for a clause that names no body, no phrase of bodies and no leader's post, and lists
/// nothing (确保按期完成, 全力做好保障): words about the work, not who does it. A clause
/// giving a role (县邮政配合) or opening with a place (县税务, 中国移动) names someone, though
/// its name ends as no body does.
fn names_no_one(clause: &str) -> bool {
    use crate::ingest::units::{PLACE_OPENINGS, ROLE_SUFFIXES, ends_as_a_body, looks_unspecified};
    let clause = clause.trim();
    // 张三: a person, whom the reader keeps as it did.
    if clause.contains(['、', '/'])
        || crate::ingest::units::is_person_name(clause)
        || by_whom(clause).is_some()
        || clause.starts_with(PLACE_OPENINGS)
        || ROLE_SUFFIXES
            .iter()
            .any(|(suffix, _)| clause.ends_with(suffix))
    {
        return false;
    }
    let named = names(clause);
    !named.is_empty()
        && !named
            .iter()
            .any(|n| ends_as_a_body(n) || looks_unspecified(n) || is_post(n))
}

/// True for a clause of units alone, no time, no role word and no 由 (甲, 乙、丙): what goes
/// on with a label before it.
fn only_names(clause: &str) -> bool {
    use crate::ingest::units::{PLACE_OPENINGS, ROLE_SUFFIXES, ends_as_a_body, looks_unspecified};
    let named = names(clause);
    !is_deadline(clause)
        && by_whom(clause).is_none()
        && !ROLE_SUFFIXES
            .iter()
            .any(|(suffix, _)| clause.ends_with(suffix))
        && !named.is_empty()
        // 确保按期完成 is what is to be done, no one who does it.
        && named
            .iter()
            .all(|n| ends_as_a_body(n) || looks_unspecified(n) || n.starts_with(PLACE_OPENINGS))
}

impl Duty {
    /// Words of the parenthesis that say something of the work and name no one.
    fn add_remark(&mut self, clause: &str) {
        match self.remark.as_mut() {
            Some(remark) => {
                remark.push('，');
                remark.push_str(clause);
            }
            None => self.remark = Some(clause.to_string()),
        }
    }

    /// A labelled clause inside the parenthesis: 牵头单位：…, 完成时限：….
    fn take_label(&mut self, kind: LabelKind, value: &str) {
        match kind {
            LabelKind::Lead => {
                self.roles_written = true;
                self.lead_named = true;
                self.leads.extend(names(value));
            }
            LabelKind::Support => {
                self.roles_written = true;
                self.supports.extend(names(value));
            }
            LabelKind::Responsible => self.first_listed_leads(value),
            LabelKind::Deadline => self.deadline = Some(value.to_string()),
            // 牵头责任人：涂娟，具体责任人：王勇、张伟: every one named, in order.
            LabelKind::Person => {
                let person = value.trim().trim_end_matches(['。', '；', ';', '，', ',']);
                if !person.is_empty() {
                    self.person = Some(match self.person.take() {
                        Some(before) if !before.is_empty() => format!("{before}、{person}"),
                        _ => person.to_string(),
                    });
                }
            }
        }
    }

    /// A clause of names with the role word after them (X、Y牵头, Z配合, X会同Y负责) or none.
    fn take_named(&mut self, clause: &str) {
        use crate::ingest::units::{ROLE_SUFFIXES, RoleWord};
        let clause = match by_whom(clause) {
            Some((scope, who)) => {
                if !scope.is_empty() {
                    self.scopes.push(scope.to_string());
                }
                who
            }
            None => clause,
        };
        let role = ROLE_SUFFIXES
            .iter()
            .find_map(|(suffix, word)| Some((clause.strip_suffix(suffix)?, *word)))
            .map(|(who, word)| (crate::ingest::units::without_manner(who), word));
        // 分管副省长、协管副秘书长负责: leaders' posts, the task's 责任领导, no units.
        let named = names(role.map_or(clause, |(who, _)| who));
        if !named.is_empty() && named.iter().all(|n| is_post(n)) {
            let posts = named.join("、");
            self.person = Some(match self.person.take() {
                Some(before) => format!("{before}、{posts}"),
                None => posts,
            });
            return;
        }
        self.roles_written |= matches!(
            role,
            Some((
                _,
                RoleWord::Lead | RoleWord::SharedLead | RoleWord::Respectively | RoleWord::Support
            ))
        );
        match role {
            // X、Y牵头, X主办, X、Y共同负责: all of them lead.
            Some((who, RoleWord::Lead | RoleWord::SharedLead)) => {
                self.lead_named = true;
                self.leads.extend(names(who));
            }
            // X、Y分别负责: they lead, unless a lead is named before them.
            Some((who, RoleWord::Respectively)) if self.leads.is_empty() => {
                self.lead_named = true;
                self.leads.extend(names(who));
            }
            // 责任单位：X、Y，Z按职责分工负责: Z is listed with them, its lead by order alone.
            Some((who, RoleWord::Respectively)) if !self.lead_named && !self.listed.is_empty() => {
                self.first_listed_leads(who)
            }
            Some((who, RoleWord::Respectively)) => self.supports.extend(names(who)),
            // X配合, X协办: they support.
            // (X（牵头）、Y配合: a unit marking itself the lead still leads.)
            Some((who, RoleWord::Support)) => match marked_leads(who) {
                Some((leads, supports)) => {
                    self.lead_named = true;
                    self.leads.extend(leads);
                    self.supports.extend(supports);
                }
                None => self.supports.extend(names(who)),
            },
            // X、Y、Z负责 (or a bare list): the first listed leads, as in a 责任单位 cell —
            // X、Y会同Z负责: X and Y lead, with Z.
            other => {
                let who = other.map_or(clause, |(who, _)| who);
                match who.split_once("会同") {
                    Some((leads, with)) if self.leads.is_empty() => {
                        self.roles_written = true;
                        self.lead_named = true;
                        self.leads.extend(names(leads));
                        self.supports.extend(names(with));
                    }
                    _ => self.first_listed_leads(who),
                }
            }
        }
    }
}

/// A leader's post, no body (分管副省长, 协管副秘书长, 县委书记, 分管领导, 李四副市长), or a
/// post with the leader's name after it (副市长李四): the 责任领导 a duty names beside its
/// units.
pub(crate) fn is_post(name: &str) -> bool {
    let name = name.trim();
    post_alone(name)
        || name.char_indices().skip(2).any(|(at, _)| {
            post_alone(&name[..at]) && crate::ingest::units::is_person_name(&name[at..])
        })
}

fn post_alone(name: &str) -> bool {
    const POSTS: &[&str] = &["长", "书记", "主任", "主席", "领导"];
    name.chars().count() >= 2
        && POSTS.iter().any(|p| name.ends_with(p))
        && !crate::ingest::units::ends_as_a_body(name)
}

/// A clause that says who after 由 (由区绿化市容局牵头, 其中加装电梯由区房管局负责): the words
/// before 由 (the part of the work, or nothing) and the units after it. A 由 inside a name
/// (自由贸易试验区) is none: the names after 由 open with a place (区, 市 …) or 由 opens the
/// clause.
fn by_whom(clause: &str) -> Option<(&str, &str)> {
    use crate::ingest::units::PLACE_OPENINGS as PLACES;
    let (at, _) = clause.match_indices('由').rev().find(|(at, _)| {
        let after = clause[at + '由'.len_utf8()..].trim_start();
        *at == 0 || after.starts_with(PLACES)
    })?;
    let who = clause[at + '由'.len_utf8()..].trim_start();
    (!who.is_empty()).then(|| (clause[..at].trim(), who))
}

/// The units an item's own bracket (`duty`, as written with its brackets) names that
/// `task` does not yet name: added to its supporting units, in their order.
fn support_from_item(task: &mut RawTask, duty: &str) -> Vec<String> {
    let inside = duty.trim_matches(['（', '）', '(', ')', '[', ']', '【', '】', '〔', '〕']);
    let duty = parse_duty(inside);
    let named: Vec<String> = [task.units.as_str()]
        .into_iter()
        .chain(task.lead.as_deref())
        .chain(task.support.as_deref())
        .flat_map(names)
        .collect();
    let mut added: Vec<String> = Vec::new();
    for unit in duty.all_named() {
        if !named.contains(&unit) && !added.contains(&unit) {
            added.push(unit);
        }
    }
    if !added.is_empty() {
        let before = task.support.as_deref().map(str::trim).unwrap_or_default();
        let joint = if before.is_empty() { "" } else { "、" };
        task.support = Some(format!("{before}{joint}{}", added.join("、")));
    }
    added
}

/// Unit names of a clause: split at 、/ (and ，； between names) outside parentheses, and
/// at 及 (市级各有关部门及各县市区政府).
fn names(text: &str) -> Vec<String> {
    listed(text).into_iter().map(|(name, _)| name).collect()
}

/// [`names`], each with whether a new list starts at it (after ，； rather than 、).
fn listed(text: &str) -> Vec<(String, bool)> {
    // Spaces between names (镇市场监管所　镇卫生院) list them as 、 does.
    let pieces = crate::base::cjk::split_outside_parentheses(text, |c| {
        matches!(c, '、' | '/' | '／' | '，' | ',' | '；' | ';') || c.is_whitespace()
    });
    let mut out: Vec<(String, bool)> = Vec::new();
    for (piece, before) in pieces {
        // A PDF's line end left as a space inside a name (城镇规划建 设综合服务中心): one
        // name, kept as written for the units reader to join and say.
        if let (Some(space @ (' ' | '\u{3000}')), Some((last, _))) = (before, out.last_mut())
            && crate::ingest::units::breaks_a_name(last, piece.trim())
        {
            last.push(space);
            last.push_str(piece.trim());
            continue;
        }
        let new_list =
            !matches!(before, Some('、' | '/' | '／')) && !before.is_some_and(char::is_whitespace);
        for (i, name) in piece.split('及').map(str::trim).enumerate() {
            if !name.is_empty() {
                out.push((name.to_string(), new_list && i == 0));
            }
        }
    }
    out
}

fn is_deadline(clause: &str) -> bool {
    let has_time = clause.contains('年')
        || clause.contains('月')
        || clause.contains("季度")
        || clause.contains("长期")
        || clause.contains("持续");
    has_time && !clause.contains("牵头") && !clause.contains("配合")
}

/// Lines joined into paragraphs: a line that does not end a sentence continues on the next,
/// unless the next is a heading, a numbered task or a labelled line. A labelled line's list
/// of units continues only on a line that is more of the list (no sentence punctuation): a
/// PDF's hard wrap, `协办单位：区委编办、园区党工` + `委、各街道党工委`.
/// True for a line opening with a short label and a colon (人：…, 联系人：…), outside any
/// bracket.
pub(crate) fn opens_with_a_label(line: &str) -> bool {
    let Some(colon) = line.find(['：', ':']) else {
        return false;
    };
    let label = &line[..colon];
    (1..=6).contains(&label.chars().count()) && label.chars().all(crate::base::cjk::is_han)
}

/// A contact's line among a task's labelled lines (联系人：王明, 联系电话：…): none of the
/// task's fields, and no end of it either.
fn is_contact_line(line: &str) -> bool {
    opens_with_a_label(line.trim()) && line.trim().starts_with("联系")
}

/// Punctuation inside or at the end of a sentence: a line with none is a title or a label.
const SENTENCE_MARKS: &[char] = &['。', '，', '；', '：', '、', ',', ';', ':', '！', '？'];

/// A label on a line of its own with its value on the `next` line (a two-column table copied
/// from a web page: 责任单位 / 卫健局、文旅局): the two as one labelled line.
fn with_value_below(line: &str, next: Option<&&str>) -> Option<String> {
    let value = strip_markup(next?.trim());
    // A numbered line under it (主要措施 / (一)…) is the first item of what the label heads,
    // no value of it.
    let numbered = numbered_label(&value).is_some()
        || section_heading(&value).is_some()
        || crate::ingest::raw_table::opening_number(&value).is_some()
        || PART_NUMBER.is_match(&value);
    (is_bare_label(line)
        && value.chars().any(char::is_alphanumeric)
        && !is_bare_label(&value)
        && !numbered)
        .then(|| format!("{line}：{value}"))
}

/// Whether the paragraph `last` is a line of bare words a paragraph opening with who does
/// the work does not join — not a line wrapped mid-sentence: one ending on a joining word
/// (…全面排查由), a long numbered item, a duty's own first line.
fn is_bare_line(last: &str) -> bool {
    let joins_on = last.ends_with(['由', '和', '及', '与', '并', '的', '对', '将', '、']);
    let item = !TASK_NUMBER.is_match(last) || is_item_title(last);
    !last.contains(SENTENCE_MARKS) && !joins_on && item && !super::unit_first::opens_with_duty(last)
}

pub(crate) fn paragraphs(text: &str) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut open = false;
    let mut open_label = false;
    let lines: Vec<&str> = text.split('\n').collect();
    let signing_off = super::text::signing_off(&lines);
    let mut value_taken = false;
    for (index, raw) in lines.iter().enumerate() {
        if std::mem::take(&mut value_taken) {
            continue;
        }
        let mut line = strip_markup(raw.trim().trim_start_matches('#'));
        if line.is_empty() {
            open = false;
            open_label = false;
            continue;
        }
        if let Some(labelled) = with_value_below(&line, lines.get(index + 1)) {
            line = labelled;
            value_taken = true;
        }
        // A page number from a PDF's text between two lines of one paragraph: passed over
        // here (the prose reader reports it). Those of a page number's full shape are gone by
        // now; a bare figure or a broken one (— — — 3 —) may be left.
        if super::text::printed::is_figures_only(&line) {
            continue;
        }
        // A heading wrapped onto this line: joined to the heading on the line above.
        if let Some((last, last_no)) = out.last_mut()
            && *last_no as usize == index
            && is_heading_tail(
                last,
                &line,
                lines
                    .get(index + 1)
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty()),
            )
        {
            last.push_str(&line);
            continue;
        }
        let LineKind {
            heading,
            label,
            page_line,
        } = LineKind::of(&line, raw);
        // 县防汛抗旱指挥部成员单位职责 / 县住建局：负责…: a line with no punctuation (a title)
        // ends before a paragraph opening with who does the work.
        let after_bare_line = out.last().is_some_and(|(last, _)| is_bare_line(last));
        let unit_first = after_bare_line && super::unit_first::opens_with_duty(&line);
        // 中共某县委办公室 / 某县人民政府办公室 / 2024年3月1日 under the last task: the
        // document's 署名 and 成文日期, each a line of its own, none of the task's list.
        // A 版记's date of printing (二○一一年二月十五日印发) is none of the last task's.
        let signs_off = signing_off[index] || super::text::is_printed_on(&line);
        // 一、…目标。〔…牵头〕: an item numbered at the parts' level starts a block, a
        // heading or not.
        let attachment = super::text::is_attachment_label(&line);
        let starts_block = heading
            || label
            || page_line
            || attachment
            || unit_first
            || signs_off
            || TASK_NUMBER.is_match(&line)
            || PART_NUMBER.is_match(&line);
        // A line opening with a label of its own (人：主要负责同志) is no more of the list; a
        // colon inside a name's brackets (各乡镇（其中：青石乡为重点）) is.
        let more_of_list = open_label
            && !line.contains(['。', '，', '；', ',', ';'])
            && !opens_with_a_label(&line);
        match out.last_mut() {
            Some((last, _)) if (open || more_of_list) && !starts_block => last.push_str(&line),
            _ => out.push((line.clone(), index as u32 + 1)),
        }
        // A heading is a line of its own: the paragraph after it does not join it.
        let unfinished = !crate::base::cjk::ends_sentence(&line);
        if !(open_label && more_of_list && !starts_block) {
            open_label = label && unfinished;
        }
        if signs_off {
            open = false;
            continue;
        }
        // （一）市食安办负责，…深入宣传贯彻《 cut at the page's width: its sentence goes on.
        let goes_on = !heading || (numbered_label(&line).is_some() && wrapped_mid_sentence(&line));
        // A line naming a plan is its title, whole (某市2024年重点工作分工方案).
        let title = super::text::names_a_plan(&line);
        open = goes_on
            && unfinished
            && !label
            && !open_label
            && !page_line
            && !is_item_title(&line)
            && !title
            && !attachment
            // (牵头单位：…) alone closes the paragraph above: the next line is another's.
            && !duty_alone(&line)
            && !is_phrase_heading(&line);
    }
    out
}

/// What a line of a text is to the paragraphs around it.
struct LineKind {
    /// A heading (numbered, set with #, bracketed, a field's): a line of its own.
    heading: bool,
    /// A labelled line (牵头单位：…), or a unit's line with its role (县水利局：牵头).
    label: bool,
    /// A web page's own line (当前位置：首页, 来源：… 发布时间：…): it joins no paragraph.
    page_line: bool,
}

impl LineKind {
    /// `line` as shown, from the source line `raw`.
    fn of(line: &str, raw: &str) -> LineKind {
        LineKind {
            heading: numbered_label(line).is_some()
                || section_heading(&tidy_spacing(line)).is_some()
                || raw.trim_start().starts_with('#')
                || is_bracket_label(line)
                || field_heading(line).is_some(),
            label: labelled(line).is_some() || unit_and_role(line).is_some(),
            page_line: super::text::is_page_line(line),
        }
    }
}

/// A line cut mid-sentence (（一）市食安办负责，…深入宣传贯彻《): inside a pair of marks, on a
/// joining word, or a sentence of clauses as long as a printed line — not a heading's title
/// over its paragraph (（一）坚持问题导向，精准施策).
fn wrapped_mid_sentence(line: &str) -> bool {
    let unclosed =
        |open: char, close: char| line.matches(open).count() > line.matches(close).count();
    let inside_marks = unclosed('《', '》') || unclosed('“', '”') || unclosed('（', '）');
    let joins_on = line.ends_with([
        '由', '和', '及', '与', '并', '的', '对', '将', '、', '，', ',',
    ]);
    let long_sentence = line.contains(['，', ',']) && line.chars().count() >= 27;
    !crate::base::cjk::ends_sentence(line) && (inside_marks || joins_on || long_sentence)
}

/// A numbered line of a few words and no mark (1.城东道路改造项目): an item's title, whole on
/// its line — a line wrapped at the page's width is longer. A longer one naming a project
/// (…配套管網建設項目(票決項目)) is one too: a wrapped line stops mid-word.
fn is_item_title(line: &str) -> bool {
    let line = line.trim();
    let Some(number) = TASK_NUMBER.find(line) else {
        return false;
    };
    let words = line[number.end()..].trim();
    // Its note in brackets (票決項目) is no sentence.
    let bare = match words.strip_suffix([')', '）']) {
        Some(open) => open
            .rsplit_once(['(', '（'])
            .map_or(words, |(before, _)| before),
        None => words,
    };
    let count = bare.chars().count();
    let names_a_project = ["项目", "工程"]
        .iter()
        .any(|k| crate::base::cjk::simplified_text(bare).ends_with(k));
    bare.chars().all(char::is_alphanumeric)
        && ((2..=20).contains(&count) || (names_a_project && count <= 40))
}

/// What a numbered line that is only a field's name opens: the item's work (1、任务, 2.
/// 建设内容) or who does it (2、项目攻坚领导小组, 3.责任分工).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Work,
    Who,
}

/// A numbered paragraph that names a field of the item above it, no sentence: its kind and
/// its name.
fn field_heading(paragraph: &str) -> Option<(Field, &str)> {
    let name = field_name(paragraph)?;
    // 工作专班 is a body, though 工作 names work elsewhere.
    let group = ["小组", "专班", "指挥部"].iter().any(|w| name.ends_with(w));
    let who = matches!(
        Column::from_header(name),
        Some(Column::Units | Column::Lead)
    );
    if group || who {
        return Some((Field::Who, name));
    }
    content_label(name).map(|name| (Field::Work, name))
}

/// The name of a numbered line of a few words and nothing else (1、任务, 2、工作机制): over
/// labelled lines naming who does the work, whatever it is called, it is the item's
/// who-field.
fn field_name(paragraph: &str) -> Option<&str> {
    let line = paragraph.trim_start();
    let number = TASK_NUMBER.find(line)?;
    let name = line[number.end()..].trim();
    ((2..=12).contains(&name.chars().count()) && name.chars().all(crate::base::cjk::is_han))
        .then_some(name)
}

/// 责任单位： / 县水利局：牵头 / 县住建局：配合: a label naming units with no value, over a
/// line per unit that says its role — read as 牵头单位：县水利局 and 配合单位：县住建局, each
/// at its first unit's line.
/// A sentence that only gives out a task, naming each body's role (各区委为责任单位，市委组织部
/// 协办。): the labelled line it says (责任单位：各区委；协办单位：市委组织部).
fn assignment_sentence(paragraph: &str) -> Option<String> {
    static SUPPORT: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(.+?)(配合|协办|协助|协作|协同|参与)$").unwrap()
    });
    let sentence = paragraph.trim().trim_end_matches(['。', '；', ';']);
    let mut labels = Vec::new();
    for clause in sentence.split(['，', ',', '；', ';']) {
        let clause = clause.trim();
        let (who, label) = match clause.rsplit_once('为') {
            Some((who, role)) if labelled(&format!("{role}：{who}")).is_some() => {
                (who, role.to_string())
            }
            _ => {
                let caps = SUPPORT.captures(clause)?;
                let (who, word) = (caps.get(1)?.as_str(), caps.get(2)?.as_str());
                (who, format!("{word}单位"))
            }
        };
        if !crate::ingest::units::is_units_text(who) || !names(who).iter().all(|n| is_a_name(n)) {
            return None;
        }
        labels.push(format!("{label}：{who}"));
    }
    let leads = labels
        .first()
        .and_then(|l| labelled(l))
        .is_some_and(|(kind, _)| matches!(kind, LabelKind::Lead | LabelKind::Responsible));
    leads.then(|| labels.join("；"))
}

fn roles_line_by_line(all: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let mut out = Vec::with_capacity(all.len());
    let mut at = 0;
    while at < all.len() {
        let (paragraph, line_no) = &all[at];
        let empty_units_label = matches!(
            labelled(paragraph),
            Some((LabelKind::Lead | LabelKind::Responsible, value)) if value.is_empty()
        );
        let roles: Vec<(&str, bool, u32)> = if empty_units_label {
            (all[at + 1..].iter())
                .map_while(|(line, no)| unit_and_role(line).map(|(name, lead)| (name, lead, *no)))
                .collect()
        } else {
            Vec::new()
        };
        if roles.is_empty() {
            out.push((paragraph.clone(), *line_no));
            at += 1;
            continue;
        }
        for (lead, label) in [(true, "牵头单位"), (false, "配合单位")] {
            let named: Vec<&(&str, bool, u32)> = roles.iter().filter(|r| r.1 == lead).collect();
            if let Some(first) = named.first() {
                let names: Vec<&str> = named.iter().map(|r| r.0).collect();
                out.push((format!("{label}：{}", names.join("、")), first.2));
            }
        }
        at += 1 + roles.len();
    }
    out
}

/// `县水利局：牵头`, `县住建局（配合）`: a unit's name and whether it leads.
fn unit_and_role(line: &str) -> Option<(&str, bool)> {
    static UNIT_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // pattern built from literals
        Regex::new(&format!(
            r"^(.{{2,40}}?)\s*[：:（(]\s*(牵头|主责|主办|负责|{})(?:单位|部门)?\s*[）)]?[。；;，,]?$",
            crate::ingest::units::support_words_pattern()
        ))
        .unwrap()
    });
    let caps = UNIT_ROLE.captures(line.trim())?;
    let name = caps.get(1)?.as_str().trim();
    let lead = !crate::ingest::units::SUPPORT_WORDS.contains(&caps.get(2)?.as_str());
    is_a_name(name).then_some((name, lead))
}

/// 1.整治占道经营行为。责任单位：县城管局。完成时限：6月底前。: the labels written on in
/// the task's own paragraph, after a sentence ends, are read as lines of their own under it
/// — when they name who does it (a date alone after a sentence may be the sentence's).
fn labels_on_lines_of_their_own(all: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let mut out = Vec::with_capacity(all.len());
    for (paragraph, line_no) in all {
        let runs = label_runs(&paragraph);
        let labels_of = |run: std::ops::Range<usize>| {
            paragraph[run]
                .trim()
                .trim_end_matches(['。', '；', ';'])
                .to_string()
        };
        match runs.as_slice() {
            [] => out.push((paragraph, line_no)),
            [last] => {
                out.push((paragraph[..last.start].trim_end().to_string(), line_no));
                out.push((labels_of(last.clone()), line_no));
            }
            // Several tasks in one paragraph, each closed by its labels: each closed by them
            // in brackets, as a paragraph of tasks is read.
            _ => {
                let mut joined = String::new();
                let mut from = 0;
                for run in runs {
                    joined.push_str(paragraph[from..run.start].trim().trim_end_matches('。'));
                    joined.push_str(&format!("（{}）。", labels_of(run.clone())));
                    from = run.end;
                }
                out.push((joined, line_no));
            }
        }
    }
    out
}

/// Where runs of labelled clauses naming units stand in a paragraph, each after a sentence's
/// end: the one running to its end (…新增就业10万人。牵头单位：市人社局), and — where the
/// paragraph gives out several tasks so — those inside it, each closed by its full stop
/// before the next task's words (一是…。牵头部门：甲；配合部门：乙。二是…。牵头部门：丙。).
fn label_runs(paragraph: &str) -> Vec<std::ops::Range<usize>> {
    let Some(last) = trailing_labels_at(paragraph) else {
        return Vec::new();
    };
    let mut runs = Vec::new();
    let mut from = 0;
    while let Some(run) = inner_labels_in(&paragraph[..last], from) {
        from = run.end;
        runs.push(run);
    }
    runs.push(last..paragraph.len());
    runs
}

/// The first run of labelled clauses in `text` from `from`, after a sentence's end and closed
/// by a full stop, with a task's words after it.
fn inner_labels_in(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let mut stops = (text[from..].match_indices('。')).map(|(at, stop)| from + at + stop.len());
    stops.find_map(|start| {
        let end = start + text[start..].find('。')? + '。'.len_utf8();
        let words_after = text[end..].trim_start();
        let task_after =
            words_after.starts_with(crate::base::cjk::is_han) && labelled(words_after).is_none();
        (task_after && trailing_labels_at(&text[..end]) == Some(start)).then_some(start..end)
    })
}

/// A labelled time alone closing a paragraph after its assignments (完成时限：2025年12月底前。):
/// the time.
fn closing_time(rest: &str) -> Option<String> {
    let (LabelKind::Deadline, value) = labelled(rest)? else {
        return None;
    };
    let value = value.trim().trim_end_matches(['。', '；', ';']).trim();
    (!value.contains('。') && reads_as_a_time(value)).then(|| value.to_string())
}

/// A labelled time's value that reads as one: a deadline's words, or a short phrase under its
/// label whatever its words (整个冬季) — not a sentence.
fn reads_as_a_time(value: &str) -> bool {
    let length = value.chars().count();
    (is_deadline(value) && length <= 24)
        || (length <= 10 && !value.contains(['，', ',', '、', '：', ':']))
}

/// Labels set in brackets instead of closed by a colon (【牵头单位】市商务局【配合单位】市文旅局
/// 【完成时间】2025年12月底前), read as the labels they are: 牵头单位：市商务局；配合单位：…
/// A bracket holding anything but a label (【重点任务】, 【案例】) stays as written.
fn labels_in_brackets(paragraph: &str) -> std::borrow::Cow<'_, str> {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[【〖\[]\s*(\p{Han}{2,8})\s*[】〗\]]").unwrap()
    });
    let is_label = |label: &str| labelled(&format!("{label}：甲")).is_some();
    if !BRACKETED
        .captures_iter(paragraph)
        .any(|caps| is_label(&caps[1]))
    {
        return std::borrow::Cow::Borrowed(paragraph);
    }
    let mut out = String::with_capacity(paragraph.len() + 8);
    let mut last = 0;
    for caps in BRACKETED.captures_iter(paragraph) {
        let (Some(whole), label) = (caps.get(0), &caps[1]) else {
            continue;
        };
        if !is_label(label) {
            continue;
        }
        out.push_str(&paragraph[last..whole.start()]);
        // A value before it ends where the next label starts.
        let before = out.trim_end();
        if !before.is_empty() && !before.ends_with(['。', '；', ';', '，', ',', '（', '(']) {
            out.push('；');
        }
        out.push_str(label);
        out.push('：');
        last = whole.end();
    }
    out.push_str(&paragraph[last..]);
    std::borrow::Cow::Owned(out)
}

/// 1.完成老旧小区改造12个。完成时限：2025年12月底前, its units known (from its heading): the
/// time closing its words is its deadline, not its words.
fn take_closing_time(task: &mut RawTask) {
    if task.is_assigned()
        && task.deadline.as_deref().is_none_or(|d| d.trim().is_empty())
        && let Some((at, time)) = trailing_deadline(&task.content)
    {
        task.content.truncate(at);
        task.deadline = Some(time);
    }
}

/// A task's words closed by a labelled time alone (…改造12个。完成时限：2025年12月底前): where
/// its words end, and the time.
fn trailing_deadline(content: &str) -> Option<(usize, String)> {
    let ends = content
        .char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '；' | ';'))
        .map(|(at, c)| at + c.len_utf8());
    ends.into_iter().find_map(|at| {
        let words = content[..at]
            .chars()
            .filter(|c| crate::base::cjk::is_han(*c));
        (words.count() >= 2)
            .then(|| closing_time(&content[at..]))
            .flatten()
            .map(|time| (at, time))
    })
}

/// Whether a paragraph's sentence is followed by labelled clauses naming who does it
/// (…新增就业10万人。牵头单位：市人社局): the paragraph ends where its labels do.
pub(crate) fn ends_with_labels(paragraph: &str) -> bool {
    trailing_labels_at(paragraph).is_some()
}

/// Where labelled clauses naming units start after the paragraph's first sentence ends,
/// running to its end; `None` for a paragraph that is a label itself or holds none.
fn trailing_labels_at(paragraph: &str) -> Option<usize> {
    if labelled(paragraph).is_some() {
        return None;
    }
    let names_units = |kind: LabelKind| {
        matches!(
            kind,
            LabelKind::Lead | LabelKind::Support | LabelKind::Responsible
        )
    };
    // Sentence ends outside brackets: a label inside a task's brackets is the bracket's.
    let mut depth = 0i32;
    let ends: Vec<usize> = paragraph
        .char_indices()
        .filter(|&(_, c)| {
            match c {
                '（' | '(' | '[' | '【' | '〔' => depth += 1,
                '）' | ')' | ']' | '】' | '〕' => depth -= 1,
                _ => {}
            }
            depth == 0 && matches!(c, '。' | '；' | ';' | '！' | '？')
        })
        .map(|(at, c)| at + c.len_utf8())
        .collect();
    // Each value reads as what its label says: names of bodies, a time, a leader — not a
    // sentence (牵头单位：要履行牵头职责。).
    let reads_as_said = |kind: LabelKind, value: &str| {
        let value = value.trim().trim_end_matches(['。', '；', ';']);
        match kind {
            LabelKind::Lead | LabelKind::Support | LabelKind::Responsible => {
                crate::ingest::units::is_units_text(value)
                    && names(value)
                        .iter()
                        .all(|n| is_a_name(n) || is_name_with_role(n))
            }
            // A short phrase under its label is a time whatever its words (整个冬季).
            LabelKind::Deadline => reads_as_a_time(value),
            LabelKind::Person => value.chars().count() <= 20 && !value.contains(['，', ',']),
        }
    };
    ends.into_iter().find(|&at| {
        let rest = paragraph[at..].trim();
        let head = paragraph[..at].trim();
        head.chars()
            .filter(|c| crate::base::cjk::is_han(*c))
            .count()
            >= 2
            && !without_kinds_of_place(&without_aliases(rest)).contains(['（', '(', '[', '【'])
            && label_clauses(rest).is_some_and(|clauses| {
                // A leader's label alone (…增长10%。牵头县领导:县长) is the first of the
                // item's fields; the units' come on the lines after it.
                clauses
                    .iter()
                    .any(|(kind, _, _)| names_units(*kind) || *kind == LabelKind::Person)
                    && clauses
                        .iter()
                        .all(|&(kind, _, value)| reads_as_said(kind, value))
            })
    })
}

/// `text` without the brackets inside a name that give the kinds of place it covers
/// (各县(市)区政府, 各县（市、区）): a name's, not a parenthesis of the sentence.
fn without_kinds_of_place(text: &str) -> std::borrow::Cow<'_, str> {
    static KINDS: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[（(][市区县州旗镇乡、]{1,5}[）)]").unwrap()
    });
    KINDS.replace_all(text, "")
}

/// `text` without the brackets that give a body's other name straight after it (市委组织部
/// （市人才办）) or its role (区水务局（牵头）): what is left in brackets is no name's.
fn without_aliases(text: &str) -> std::borrow::Cow<'_, str> {
    static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(\p{Han})[（(](\p{Han}{2,15})[）)]").unwrap()
    });
    // A role marked after a name (区水务局（牵头）) is the name's too.
    let role = |word: &str| {
        crate::ingest::units::ROLE_SUFFIXES
            .iter()
            .any(|(w, _)| *w == word)
    };
    ALIAS.replace_all(text, |caps: &regex::Captures<'_>| {
        if is_a_name(&caps[2]) || role(&caps[2]) {
            caps[1].to_string()
        } else {
            caps[0].to_string()
        }
    })
}

/// A name with its role word after it (县公安局配合): a name as a units label may list it.
fn is_name_with_role(name: &str) -> bool {
    use crate::ingest::units::{ROLE_SUFFIXES, without_manner};
    ROLE_SUFFIXES
        .iter()
        .find_map(|(suffix, _)| name.strip_suffix(suffix))
        .is_some_and(|who| is_a_name(without_manner(who)))
}

/// Items written as numbered fields (（一）道路项目 / 1、任务 / 修建城东道路。 / 2、领导小组 /
/// 组长：副县长 / 成员单位：交通局、财政局): the fields are the item's parts, not tasks of
/// their own. The work's name and text join the item's line (（一）道路项目。任务：修建城东道
/// 路。) and the who-field's name gives way to its labelled lines, so the item reads as one
/// task with its duties under it. Only the whole pattern is read so — a work field with its
/// text, then labelled lines (after a who-field or straight after the text) — so a plain
/// `1.主要任务` heading over numbered tasks stays a heading.
fn fields_into_their_item(all: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let is_plain = |p: &str| {
        field_heading(p).is_none()
            && labelled(p).is_none()
            && !TASK_NUMBER.is_match(p.trim_start())
            && numbered_label(p).is_none()
            && section_heading(&tidy_spacing(p)).is_none()
    };
    let mut out: Vec<(String, u32)> = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let parent = out.last().is_some_and(|(p, _)| numbered_label(p).is_some());
        let work = field_heading(&all[i].0).filter(|(kind, _)| *kind == Field::Work);
        if let (true, Some((_, name))) = (parent, work) {
            let text_end = (i + 1..all.len())
                .find(|&j| !is_plain(&all[j].0))
                .unwrap_or(all.len());
            let who_field = all.get(text_end).is_some_and(|(p, _)| {
                field_heading(p).is_some_and(|(kind, _)| kind == Field::Who)
                    || field_name(p).is_some()
                        && all
                            .get(text_end + 1)
                            .is_some_and(|(next, _)| labelled(next).is_some())
            });
            let labels_at = if who_field { text_end + 1 } else { text_end };
            let labelled_after = all
                .get(labels_at)
                .is_some_and(|(p, _)| labelled(p).is_some());
            if text_end > i + 1 && labelled_after {
                let text: String = all[i + 1..text_end].iter().map(|(p, _)| p.trim()).collect();
                if let Some((item, _)) = out.last_mut() {
                    if !crate::base::cjk::ends_sentence(item.trim_end()) {
                        item.push('。');
                    }
                    item.push_str(&format!("{name}：{text}"));
                }
                i = labels_at;
                continue;
            }
        }
        out.push(all[i].clone());
        i += 1;
    }
    out
}

/// A line that is only a label a value goes with (责任单位, 完成时限, 具体任务), no colon,
/// no value.
pub(crate) fn is_bare_label(line: &str) -> bool {
    let line = line.trim();
    !line.contains(['：', ':'])
        && (labelled(&format!("{line}：")).is_some() || content_label(line).is_some())
}

/// The text after a label naming a task's content (具体任务：…, 工作任务：…), and the label.
fn after_content_label(line: &str) -> Option<(&str, &str)> {
    let (label, text) = line.split_once('：')?;
    content_label(label).map(|label| (label, text.trim()))
}

/// The text after a label that names only a task's words (主要内容：…, 建设内容:…): the
/// label says no more than a table's content column does.
fn after_content_only_label(line: &str) -> Option<&str> {
    let (label, text) = line.split_once(['：', ':'])?;
    content_label(label)
        .is_some_and(|l| l.ends_with("内容"))
        .then(|| text.trim())
}

/// `label` when it is a short name of a task's content column (具体任务, 重点工作).
fn content_label(label: &str) -> Option<&str> {
    let label = label.trim();
    // A column's name is a word or two (具体任务, 工作内容), not a heading (某市工作事项).
    let short =
        (2..=4).contains(&label.chars().count()) && label.chars().all(crate::base::cjk::is_han);
    (short && Column::from_header(label) == Some(Column::Content)).then_some(label)
}

/// A short line opened by a dash (——在推进“放管服”改革上精准发力): a lead-in over what
/// follows, not a sentence.
fn is_dash_heading(line: &str) -> bool {
    let line = line.trim();
    let rest = line.trim_start_matches(['—', '－', '-', '─']);
    // Two dashes at least (——): one may open a range or a quote.
    line.chars().count() - rest.chars().count() >= 2
        && line.starts_with(['—', '－', '─'])
        && (2..=40).contains(&rest.chars().count())
        && !rest.contains(['。', '；', ';'])
}

/// A few words on a line of their own with no mark of a sentence, a clause, a number, a
/// label or a list of units in them (主要预期目标, 扩大有效投资): a heading, where items follow.
fn is_bare_heading(line: &str) -> bool {
    let line = tidy_spacing(line.trim());
    (2..=24).contains(&line.chars().count())
        && !line.contains([
            '。', '，', ',', '；', ';', '：', ':', '！', '？', '!', '?', '（', '(', '【',
        ])
        && !line.starts_with(|c: char| {
            c.is_ascii_digit() || crate::ingest::units::LEAD_MARKS.contains(&c)
        })
        && !has_duty(&line)
        && !crate::ingest::text::names_a_plan(&line)
        && !crate::ingest::units::is_units_text(&line)
        && !crate::ingest::deadline::says_only_a_time(&line)
        && !crate::ingest::text::is_page_line(&line)
        && numbered_label(&line).is_none()
        && section_heading(&line).is_none()
}

/// A heading the document left unnumbered, written as parallel phrases (强化组织领导，压实
/// 工作责任; 办好民生实事 夯实基层基础): two or three phrases of four to eight characters, no
/// sentence, nothing that says who does what.
fn is_phrase_heading(line: &str) -> bool {
    let line = line.trim();
    let phrases: Vec<&str> = line
        .split(['，', ',', ' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    (2..=3).contains(&phrases.len())
        && phrases.iter().all(|p| {
            (4..=8).contains(&p.chars().count()) && p.chars().all(crate::base::cjk::is_han)
        })
        && !has_duty(line)
        && !crate::ingest::units::is_units_text(line)
}

/// A few words in 【】 on a line of their own: a category over the lines after it.
fn is_bracket_label(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('【') && line.ends_with('】') && line.chars().count() <= 20
}

/// Reads tasks written inline or with labelled lines from `text`; `None` when there are none.
pub fn parse(text: &str, path: &str) -> Option<RawTable> {
    parse_at(text, Places::lines(path))
}

/// [`parse`], the places of `text`'s lines named by `places` (a Word document's paragraphs).
pub fn parse_at(text: &str, places: Places<'_>) -> Option<RawTable> {
    let all = (paragraphs(text).into_iter())
        .map(|(p, no)| (labels_in_brackets(&p).into_owned(), no))
        .collect();
    let all = roles_line_by_line(labels_on_lines_of_their_own(all));
    let all = (all.into_iter())
        .map(|(p, no)| (assignment_sentence(&p).unwrap_or(p), no))
        .collect();
    let all = fields_into_their_item(all);
    let mut reader = Reader {
        table: RawTable::default(),
        pending: None,
        numbered: false,
        next_no: 1,
        section_lead: None,
        lead_heading: None,
        group_lead: None,
        mark: None,
        parents: Vec::new(),
        under_group_heading: false,
        heading_text: None,
        headings_carry: false,
        item_heading: None,
        standing: None,
        assigned_marks: Vec::new(),
        joints: Vec::new(),
        duty_next: false,
        content_then_duty: false,
        item_next: false,
        duties_unnumbered_next: false,
        duty_unnumbered_next: false,
        sub_heading: None,
        content_labels: Vec::new(),
        attachment_list: false,
        unassigned: Vec::new(),
        first_items_out: Vec::new(),
        labels_after_items: None,
    };
    // The source cut inside a label it uses (牵头责 of 牵头责任单位：): no words of the task.
    let mut all = all;
    if let Some((last, line_no)) = all.last()
        && cut_label(last, all.iter().map(|(p, _)| p.as_str()))
    {
        reader
            .table
            .left_out
            .push((last.clone(), places.at(*line_no)));
        all.pop();
    }
    reader.read_all(&all, places);
    let mut table = reader.finish();
    let said = keep_written_numbers(&mut table, &all);
    table.said.extend(said);
    let repeated = repeated_numbers(&table);
    table.said.extend(repeated);
    // The document's first line names the plan when it reads as a title — or, under a news
    // page's lead lines, the line naming a plan above the first section.
    // Without their markup (# 桐江区…安排): a title is its words.
    let lines: Vec<String> = text
        .lines()
        .map(|l| strip_markup(l.trim().trim_start_matches('#')))
        .filter(|l| !l.is_empty())
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    // A title below is read over the lines it is broken across (…《关于加强新时代 / 街道工作的
    // 意见》的…方案); the first paragraph is joined over its lines already.
    let below = super::text::title_below_lines(&lines).map(|at| title_from_lines(&lines, at));
    // A first line naming a plan is the title, whole: the line under it (具体问题如下：) is
    // none of it, though the paragraph reader ran the two together.
    // An attachment's label over it (附件 / 某某方案) is none of the title.
    let first_line = lines
        .iter()
        .position(|l| !super::text::is_page_line(l) && !super::text::is_attachment_label(l));

    let first = match first_line {
        Some(at) if super::text::names_a_plan(lines[at]) => Some(title_from_lines(&lines, at)),
        _ => all
            .iter()
            .find(|(p, _)| !super::text::is_page_line(p))
            .map(|(first, _)| first.clone()),
    };
    // A notice's headline over the plan's text with no body of its own (印发《某方案》的通知 /
    // 一、…): the table is the plan's, named as the headline names it.
    let first = first.map(|line| {
        (super::text::is_notice_title(&line))
            .then(|| super::text::issued_plan(&line))
            .flatten()
            .unwrap_or(line)
    });
    table.title = below
        .or(first)
        .map(|first| tidy_spacing(&first))
        .filter(|t| t.chars().count() <= 60 && !t.contains('。') && !is_task_line(t))
        .filter(|t| section_heading(t).is_none() && numbered_label(t).is_none())
        .filter(|t| !is_bare_label(t) && after_content_label(t).is_none());
    let has_tasks = table
        .rows
        .iter()
        .any(|r| matches!(r.kind, RowKind::Task(_)));
    has_tasks.then_some(table)
}

/// The rows read so far and the task being written.
struct Reader {
    table: RawTable,
    pending: Option<(RawTask, Location)>,
    /// Whether the pending task was opened by a number of its own (1. （一） …).
    numbered: bool,
    /// The number the next task gets (tasks are numbered in document order).
    next_no: u32,
    /// The paragraph after the one being read names who does the work (牵头单位：…).
    duty_next: bool,
    /// The paragraph after the one being read gives the work's words under a label (主要内容：
    /// …), and the one after it names who does it.
    content_then_duty: bool,
    /// The paragraph after the one being read opens a numbered item (1.…, （1）…).
    item_next: bool,
    /// The two paragraphs after the one being read are unnumbered and each names who does
    /// it: items under a numbered heading (1、重点工程 / 润扬大桥…（市交通局牵头）).
    duties_unnumbered_next: bool,
    /// The paragraph after the one being read is unnumbered and closes with who does it: a
    /// line of phrases over it (强化组织领导，压实工作责任) is its heading.
    duty_unnumbered_next: bool,
    /// A numbered heading over unnumbered items under a group's heading already, from the
    /// row its items start at: its words open each item's text when the block ends.
    sub_heading: Option<(String, usize, Location)>,
    /// Who leads the current section's work, when its heading says so (一、县示范区管委会牵头
    /// 工作（8项）): its numbered tasks that name no one are theirs.
    section_lead: Option<String>,
    /// A part's heading that closed naming its lead in brackets (一、扩大有效投资政策（由县发改局
    /// 牵头实施）), until tasks come under it — with none, it was a task numbered 一、.
    lead_heading: Option<LeadHeading>,
    /// Who does the current group's items, when its heading names them (（一）鹿城镇（14个）
    /// over the problems the town is to mend).
    /// What is said of it, until an item is given out by it.
    group_lead: Option<GroupLead>,
    /// The number the pending task was opened by, as written (`1.`, `（2）`), and its kind.
    mark: Option<(String, Marker)>,
    /// The numbered tasks whose sub-items are being read (（1）… under 1.), outermost first:
    /// a sub-item may head items of its own (1. over （1） over ①).
    parents: Vec<Parent>,
    /// The text after a （一） heading's title that named no one, its place and the row count
    /// then: the heading's own task whose units are missing, or its intro when tasks follow.
    heading_text: Option<HeadingText>,
    /// Paragraphs since the last heading that assign nothing: the items a closing 上述项目
    /// 由X牵头负责 gives to X.
    unassigned: Vec<(String, Location)>,
    /// The numbered items naming no one that opened the plan, left out as its text (no task
    /// came before them): where in `left_out`, and each item — a closing 以上工作由X牵头负责
    /// gives them out after all.
    first_items_out: Vec<(usize, RawTask, Location)>,
    /// Labelled lines under the last of those items (1、… / 2、… / 责任单位：… / 整改时限：…):
    /// all the items' when no other item of the part names anyone.
    labels_after_items: Option<LabelsAfterItems>,
    /// A （一） heading of this section carried work in its own text: its siblings do too.
    headings_carry: bool,
    /// The numbering of an item made the heading of the tasks on its line (2.发展数字经济。
    /// 一是…；二是…): the next item numbered so is the heading's sibling, not its task.
    item_heading: Option<Marker>,
    /// The current group was opened by a heading of its own (（一）…, ——…): a numbered
    /// heading over items under it is a level finer than the plan's groups.
    under_group_heading: bool,
    /// Units a remark gave every task after it (以下均需试点城市政府落实，不再列出).
    standing: Option<String>,
    /// The kinds of number that opened tasks naming who does them: the levels that carry
    /// the work.
    assigned_marks: Vec<Marker>,
    /// The marks put between an item's title and its paragraph (1、城东道路改造项目 / 由…负责):
    /// the title, the mark and where — words the source does not have, said.
    joints: Vec<(String, &'static str, Location)>,
    /// The labels naming only an item's words (主要内容：), left out of them, and where.
    content_labels: Vec<(String, Location)>,
    /// An attachment list (附件：1.… / 2.…) is being read: its items are no tasks.
    attachment_list: bool,
}

/// A group's heading naming who does its work (（三）县民政局牵头的工作): the lead, what is
/// said of it until an item is given out by it, and where the group starts — the row of
/// its label and how many paragraphs naming no one were read before it.
struct GroupLead {
    lead: String,
    /// Who helps and by when, where the heading says so too (（一）老旧小区改造（牵头单位：
    /// 区住建委；配合单位：各街镇）): its items' unless they say otherwise.
    supports: Option<String>,
    deadline: Option<String>,
    said: Option<crate::base::diag::Diagnostic>,
    row: usize,
    unassigned: usize,
}

impl GroupLead {
    /// A heading naming its lead alone, at `row`, after `unassigned` paragraphs naming no one.
    fn of_lead(
        lead: String,
        said: crate::base::diag::Diagnostic,
        row: usize,
        unassigned: usize,
    ) -> Self {
        GroupLead {
            lead,
            supports: None,
            deadline: None,
            said: Some(said),
            row,
            unassigned,
        }
    }

    /// The heading's helpers before the item's own (named once), and its deadline where the
    /// item names none.
    fn give_helpers_and_deadline(&self, task: &mut RawTask) {
        if let Some(supports) = &self.supports {
            let own = task.support.take().unwrap_or_default();
            let mut all: Vec<String> = names(supports);
            for name in names(&own) {
                if !all.contains(&name) {
                    all.push(name);
                }
            }
            task.support = Some(all.join("、"));
        }
        let dated = task
            .deadline
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty());
        if !dated {
            task.deadline = self.deadline.clone().or(task.deadline.take());
        }
    }
}

/// Labelled lines under an item whose siblings above named no one: the clauses, where the
/// first stands, the lines as written, and the number the item was to get.
struct LabelsAfterItems {
    clauses: Vec<(LabelKind, String)>,
    at: Location,
    lines: Vec<String>,
    item_no: u32,
}

/// A part's (or a group's) heading naming its lead in brackets: its row, its numbering mark
/// as written (一、, （一）), its words and the duty; `group` for a （一） heading.
struct LeadHeading {
    row: usize,
    mark: String,
    words: String,
    duty: Duty,
    group: bool,
}

/// A （一） heading's text that named no one, held until what follows it tells whether it
/// is a task whose duties are missing or the heading (or intro) of tasks under it.
struct HeadingText {
    text: String,
    origin: Location,
    /// The row count when it was read: rows from here on are under it.
    at: usize,
    /// A heading that is all one sentence: what it is when tasks follow and when none do.
    whole: Option<WholeHeading>,
}

/// A （一） heading written as one whole sentence: the group label it makes over tasks of its
/// own, or else its number and mark, kept as its task's.
struct WholeHeading {
    label: String,
    number: u32,
    mark: String,
}

impl HeadingText {
    /// The text after a heading's title, the heading made a group already.
    fn after_title(text: String, origin: Location, at: usize) -> HeadingText {
        HeadingText {
            text,
            origin,
            at,
            whole: None,
        }
    }
}

/// The kind of number a task is opened by: items of one list share it; a different kind
/// under an open task starts its sub-items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `1.` `1、`
    Dot,
    /// `（1）` `(1)`
    Paren,
    /// `①`
    Circled,
    /// `（一）` carrying work itself.
    Chinese,
    /// `一、` carrying work itself.
    Section,
}

impl Marker {
    fn of(written: &str) -> Marker {
        let written = written.trim();
        if written.starts_with(['（', '(']) {
            Marker::Paren
        } else if written.starts_with(|c: char| c.is_ascii_digit()) {
            Marker::Dot
        } else {
            Marker::Circled
        }
    }
}

/// A numbered task with sub-items of its own, none of which has yet said who does it.
/// Whether the sub-items share the task's duties (one 牵头单位 line after the last) or each
/// carry their own (the task is then their heading) is known only when a duty comes.
struct Parent {
    task: RawTask,
    origin: Location,
    marker: Marker,
    /// The sub-items read so far without duties, as written with their numbers.
    items: Vec<(RawTask, Location, String)>,
    /// A sub-item carries work of its own: the parent heads them.
    carries: bool,
    /// Where its heading row goes if it heads them.
    row_at: usize,
}

impl Reader {
    /// No task is being written, or the one being written has who does it: the next line
    /// is no more of its words.
    /// Whether the group heading the reader is under was numbered (（一）…).
    fn group_numbered(&self) -> bool {
        let label = (self.table.rows.iter().rev())
            .take_while(|r| !matches!(r.kind, RowKind::Section { .. }))
            .find_map(|r| match &r.kind {
                RowKind::Label(label) => Some(label),
                _ => None,
            });
        label.is_some_and(|l| numbered_label(l).is_some())
    }

    fn between_items(&self) -> bool {
        self.pending
            .as_ref()
            .is_none_or(|(task, _)| task.is_assigned())
    }

    fn finish_task(&mut self) {
        if self.sub_item_pending() {
            return;
        }
        let numbered = std::mem::take(&mut self.numbered);
        let (mark, kind) = self.mark.take().unzip();
        if let Some((task, _)) = self.pending.as_mut() {
            task.written_no = mark.as_deref().and_then(written_number);
            task.written_mark = mark;
        }
        // 1.建立联席会议，由省水利厅牵头，省烟草局配合。: its own sentence says who.
        if let Some((task, _)) = self.pending.as_mut()
            && !task.is_assigned()
            && let Some(duty) = duty_in_sentence(&task.content)
        {
            duty.assign_to(task);
        }
        let group_lead = self.group_lead.as_ref().map(|g| &g.lead);
        let heading_lead = group_lead.or(self.section_lead.as_ref());
        // Under a heading's lead, a task naming only who helps (协同单位：…, (配合单位:…)) is
        // the lead's too.
        let leadless = |task: &RawTask| {
            !task.is_assigned()
                || (task.lead.as_deref().is_none_or(|l| l.trim().is_empty())
                    && task.units.trim().is_empty())
        };
        if (numbered || group_lead.is_some())
            && let (Some((task, _)), Some(lead)) = (self.pending.as_mut(), heading_lead)
            && leadless(task)
            && !task.content.trim().is_empty()
        {
            task.lead = Some(lead.clone());
            // Said once, where the heading gives its first item out.
            if let Some(group) = self.group_lead.as_mut() {
                self.table.said.extend(group.said.take());
                group.give_helpers_and_deadline(task);
            }
        }
        if let Some((task, _)) = self.pending.as_mut() {
            take_closing_time(task);
        }
        // An item naming no one is a task whose units are missing only at a level that
        // carries the work: a 1、加强领导 among requirements under tasks numbered （一） is
        // the plan's text, said as left out.
        let level_of_tasks =
            kind.is_none_or(|k| self.assigned_marks.is_empty() || self.assigned_marks.contains(&k));
        // 以下任务均需各区市政府落实，不再一一列出: a task at that level naming no one of its
        // own is theirs, as the remark says.
        if numbered
            && level_of_tasks
            && let (Some((task, _)), Some(units)) = (self.pending.as_mut(), &self.standing)
            && !task.is_assigned()
            && !task.content.trim().is_empty()
        {
            add_standing_units(task, units);
        }
        let assigned = self.pending.as_ref().is_some_and(|(t, _)| t.is_assigned());
        if numbered && level_of_tasks && self.next_no == 1 && !assigned {
            let at = self.table.left_out.len();
            let item = self.pending.clone();
            let item = item.filter(|(task, _)| !task.content.trim().is_empty());
            self.first_items_out
                .extend(item.map(|(task, origin)| (at, task, origin)));
        }
        if assigned
            && let Some(kind) = kind
            && !self.assigned_marks.contains(&kind)
        {
            self.assigned_marks.push(kind);
        }
        finish(
            &mut self.pending,
            numbered && level_of_tasks,
            &mut self.table,
            &mut self.next_no,
        );
    }

    /// Ends a sub-item under a held parent: without duties it is held too (the parent's, or
    /// a task of its own once a sibling carries work); with duties the sub-items carry the
    /// work, and those held before it become tasks ahead of it. True when it was held.
    fn sub_item_pending(&mut self) -> bool {
        if self.parents.is_empty() {
            return false;
        }
        let Some((task, _)) = self.pending.as_ref() else {
            return false;
        };
        let assigned = task.is_assigned();
        if assigned {
            // The parents above a sub-item carrying work head it, as their own do.
            let depth = self.parents.len();
            for outer in &mut self.parents[..depth - 1] {
                outer.carries = true;
            }
        }
        let Some(parent) = self.parents.last_mut() else {
            return false;
        };
        if !assigned && !parent.carries {
            if let Some((task, origin)) = self.pending.take() {
                let written = self.mark.take().map(|(w, _)| w).unwrap_or_default();
                parent.items.push((task, origin, written));
            }
            self.numbered = false;
            return true;
        }
        if assigned && !parent.carries {
            parent.carries = true;
            let held = std::mem::take(&mut parent.items);
            let current = self.pending.take();
            for (task, origin, _) in held {
                self.pending = Some((task, origin));
                finish(&mut self.pending, true, &mut self.table, &mut self.next_no);
            }
            self.pending = current;
        }
        false
    }

    /// Opens a numbered task at `here`, its number written `written`: first ending the task
    /// before it, or holding it when this is the first of its sub-items.
    fn open_item(&mut self, written: &str, here: &Location) {
        let marker = Marker::of(written);
        // A parent whose items are held still waits to learn whether they share its duties:
        // an item of it does not head items of its own then.
        let opens_sub_items = self.parents.last().is_none_or(|p| p.items.is_empty())
            && self.numbered
            && self.mark.as_ref().is_some_and(|(_, m)| *m != marker)
            && self
                .pending
                .as_ref()
                .is_some_and(|(t, _)| !t.is_assigned() && !t.content.trim().is_empty());
        if let Some(depth) = self.parents.iter().position(|p| p.marker == marker) {
            // The next item of an open parent's list: the blocks inside it end, and its own.
            while self.parents.len() > depth {
                self.end_inner_block();
            }
        } else if opens_sub_items {
            self.hold_parent();
        } else {
            self.finish_task();
        }
        // 3. after 2.发展数字经济。一是…；二是…: no more of item 2's tasks, a group of its own.
        if self.item_heading.take_if(|m| *m == marker).is_some() {
            self.push(RowKind::Label(String::new()), here.clone());
        }
        self.open_numbered(here);
        self.mark = Some((written.trim().to_string(), marker));
    }

    fn hold_parent(&mut self) {
        let Some((task, origin)) = self.pending.take() else {
            return;
        };
        let Some((_, marker)) = self.mark.take() else {
            return;
        };
        self.numbered = false;
        self.parents.push(Parent {
            task,
            origin,
            marker,
            items: Vec::new(),
            carries: false,
            row_at: self.table.rows.len(),
        });
    }

    /// A labelled line under a sub-item when sub-items before it had none: the duties of
    /// the parent, whose text the sub-items are.
    fn take_up_sub_items(&mut self) {
        let Some(parent) = self.parents.pop_if(|p| !p.carries && !p.items.is_empty()) else {
            return;
        };
        let mut task = parent.task;
        task.content = tidy_content(&task.content);
        let current = self
            .pending
            .take()
            .map(|(t, o)| (t, o, self.mark.take().map(|(w, _)| w).unwrap_or_default()));
        // A heading with no stop of its own (1.完善应急预案体系) introduces its items: a
        // colon between, not (1) run into its last word.
        let trimmed = task.content.trim_end();
        if !trimmed.is_empty()
            && !trimmed.ends_with(['。', '；', '：', '，', ';', ':', ',', '！', '？', '、'])
        {
            task.content = format!("{trimmed}：");
        }
        // Each sub-item as written, its 1）and its ；.
        for (item, _, written) in parent.items.into_iter().chain(current) {
            task.content.push_str(&written);
            task.content.push_str(item.content.trim());
        }
        self.pending = Some((task, parent.origin));
        self.numbered = true;
        self.mark = Some((String::new(), parent.marker));
    }

    /// Ends the task being written and every parent it is a sub-item of.
    fn end_block(&mut self) {
        self.finish_task();
        while !self.parents.is_empty() {
            self.end_inner_block();
        }
        if let Some((title, from_row, origin)) = self.sub_heading.take() {
            self.sub_heading_into_items(&title, from_row, origin);
        }
    }

    /// Ends the task being written and the innermost parent it may be a sub-item of: a
    /// parent whose sub-items carried work heads them; one none of whose sub-items did is
    /// one task, its sub-items its text.
    fn end_inner_block(&mut self) {
        self.finish_task();
        let Some(parent) = self.parents.pop() else {
            return;
        };
        if parent.carries {
            let title = tidy_content(&parent.task.content);
            if !self.parents.is_empty() || self.under_group_heading {
                self.sub_heading_into_items(&title, parent.row_at, parent.origin);
            } else if !title.is_empty() {
                let row = RawRow {
                    kind: RowKind::Label(title),
                    origin: parent.origin,
                };
                self.table.rows.insert(parent.row_at, row);
            }
            return;
        }
        let depth = self.parents.len();
        self.parents.push(parent);
        self.take_up_sub_items();
        if self.parents.len() > depth
            && let Some(parent) = self.parents.pop()
        {
            // No sub-item held: the parent alone.
            self.pending = Some((parent.task, parent.origin));
            self.numbered = true;
        }
        self.finish_task();
    }

    /// A heading over items under a group's heading already (（一） over 1.重大项目建设 over
    /// （1）…): the plan's groups have one level, so its words open each of its items' text
    /// (重大项目建设：推进…), said once with the items.
    fn sub_heading_into_items(&mut self, title: &str, from_row: usize, origin: Location) {
        let heading = title.trim_end_matches(['。', '；', ';', '：', ':']);
        if heading.is_empty() {
            return;
        }
        // Counted, not numbered: the tasks' numbers are settled after the reading (numbers
        // as written may replace them).
        let mut items = 0;
        for row in &mut self.table.rows[from_row..] {
            if let RowKind::Task(task) = &mut row.kind {
                task.content = format!("{heading}：{}", task.content);
                items += 1;
            }
        }
        if items == 0 {
            return;
        }
        self.table.said.push(crate::base::diag::Diagnostic::note(
            "plan/sub-heading",
            origin,
            format!("「{heading}」是分组标题之下的小标题：已写在它下面 {items} 项任务的内容之前"),
        ));
    }

    /// A section heading: its row, and who leads its work when the heading names them.
    fn section(&mut self, numeral: String, title: String, here: Location) {
        self.end_block();
        self.settle_labels_after_items();
        self.under_group_heading = false;
        self.settle_group_lead();
        self.unassigned.clear();
        self.first_items_out.clear();
        self.settle_heading_text();
        self.settle_lead_heading();
        self.headings_carry = false;
        self.item_heading = None;
        self.section_lead = heading_lead(&title);
        self.group_lead = None;
        let title = title_before_its_sentence(&title).unwrap_or(title);
        self.push(RowKind::Section { numeral, title }, here);
    }

    /// 一、新建幼儿园3所。 over 责任单位：…: an item numbered at the 一、 level with who does
    /// it on the lines under it — a task at that level, no heading.
    fn section_item(&mut self, numeral: &str, paragraph: &str, here: Location) {
        self.end_block();
        self.settle_group_lead();
        self.settle_heading_text();
        self.settle_lead_heading();
        self.finish_task();
        self.section_lead = None;
        self.group_lead = None;
        self.open_numbered(&here);
        self.mark = Some((format!("{numeral}、"), Marker::Section));
        self.assignments(&after_numeral(paragraph, numeral), here);
    }

    /// Adds `units` to every task read since the last section heading — the items that
    /// opened the plan naming no one among them; how many.
    fn give_tasks_above(&mut self, units: &str) -> usize {
        let mut given = 0;
        for row in self.table.rows.iter_mut().rev() {
            match &mut row.kind {
                RowKind::Section { .. } => break,
                RowKind::Task(task) => {
                    add_standing_units(task, units);
                    given += 1;
                }
                RowKind::Label(_) => {}
            }
        }
        given + (self.take_back_first_items(|task| add_standing_units(task, units))).len()
    }

    /// The end of a group whose heading named its lead: the paragraphs under it naming no
    /// one, when it gave out no item, are its tasks, the lead's; else a 协同单位： line closing
    /// it is the supports of every item it gave out.
    fn settle_group_lead(&mut self) {
        let Some(group) = self.group_lead.take() else {
            return;
        };
        if group.said.is_none() || self.unassigned.len() <= group.unassigned {
            self.supports_closing_group(&group);
            return;
        }
        let paragraphs: Vec<_> = self.unassigned.drain(group.unassigned..).collect();
        for (text, origin) in paragraphs {
            let task = RawTask {
                content: text,
                lead: Some(group.lead.clone()),
                units_origin: Some(origin.clone()),
                ..RawTask::default()
            };
            self.pending = Some((task, origin));
            finish(&mut self.pending, false, &mut self.table, &mut self.next_no);
        }
        self.table.said.extend(group.said);
    }

    /// （三）县民政局牵头的工作 / 1.… / 2.… / 协同单位：县财政局: the supports the line after
    /// the group's last item names are each item's that the heading alone gave out.
    fn supports_closing_group(&mut self, group: &GroupLead) {
        let Some(heading) = self.table.rows.get(group.row).map(|r| r.origin.clone()) else {
            return;
        };
        let mut tasks: Vec<&mut RawTask> = (self.table.rows.iter_mut().skip(group.row + 1))
            .filter_map(|r| match &mut r.kind {
                RowKind::Task(task) => Some(task.as_mut()),
                _ => None,
            })
            .collect();
        let Some((last, earlier)) = tasks.split_last_mut() else {
            return;
        };
        let by_heading_alone = |t: &RawTask| {
            t.lead.as_deref() == Some(group.lead.as_str())
                && t.support.is_none()
                && t.units.trim().is_empty()
        };
        let Some(support) = last.support.clone() else {
            return;
        };
        if earlier.is_empty()
            || last.lead.as_deref() != Some(group.lead.as_str())
            || !earlier.iter().all(|t| by_heading_alone(t))
        {
            return;
        }
        for task in earlier.iter_mut() {
            task.support = Some(support.clone());
            task.support_origin = last.support_origin.clone();
        }
        let numbers: Vec<&str> = (earlier.iter().map(|t| t.no.as_str()))
            .chain([last.no.as_str()])
            .collect();
        let said = crate::base::diag::Diagnostic::note(
            "unit/group-support",
            last.support_origin.clone().unwrap_or(heading),
            format!(
                "配合单位「{}」写在「{}」一组各项之后：作为其下第 {} 项共同的配合单位",
                support.trim_end_matches(['。', '；', ';', '.']),
                group.lead,
                numbers.join("、")
            ),
        );
        self.table.said.push(said);
    }

    /// Whether the last row read is a task whose duties are known.
    fn last_task_assigned(&self) -> bool {
        matches!(self.table.rows.last(), Some(RawRow { kind: RowKind::Task(t), .. }) if t.is_assigned())
    }

    fn open_numbered(&mut self, here: &Location) {
        self.pending = Some((RawTask::default(), here.clone()));
        self.numbered = true;
    }

    fn finish(mut self) -> RawTable {
        self.end_block();
        self.settle_labels_after_items();
        self.settle_group_lead();
        self.settle_heading_text();
        self.settle_lead_heading();
        self.no_group_over_nothing();
        self.earlier_siblings_are_groups();
        self.closing_items_are_text();
        self.table.said.extend(said_joints(&self.joints));
        self.table
            .said
            .extend(said_content_labels(&self.content_labels));
        self.table
    }

    /// Labelled lines under the last of a part's first items, the only task of the part: the
    /// items above, which named no one, share them (said).
    fn settle_labels_after_items(&mut self) {
        let Some(held) = self.labels_after_items.take() else {
            return;
        };
        if self.next_no != held.item_no + 1 {
            return;
        }
        let give = |task: &mut RawTask| {
            for (kind, value) in &held.clauses {
                apply_label(task, *kind, value);
            }
            task.units_origin = Some(held.at.clone());
        };
        let taken = self.take_back_first_items(give);
        if let Some(first) = taken.first() {
            self.table.said.push(crate::base::diag::Diagnostic::note(
                "plan/items-above",
                first.clone(),
                format!(
                    "自此行起 {} 项没有写明责任单位，与其下一项一起按「{}」分工",
                    taken.len(),
                    held.lines.join("；")
                ),
            ));
        }
    }

    /// A part's (or group's) heading that named its lead with no task coming under it: it
    /// was a task itself, numbered at its level (一、新建幼儿园3所（区教育局牵头）), where it
    /// stands.
    fn settle_lead_heading(&mut self) {
        let Some(held) = self.lead_heading.take() else {
            return;
        };
        let rows = &self.table.rows;
        let is_task = |r: &RawRow| matches!(r.kind, RowKind::Task(_));
        if held.row >= rows.len() || rows[held.row + 1..].iter().any(is_task) {
            return;
        }
        // A （一） heading stays its group's label, the task under it: the groups beside it
        // are groups too. A part's heading is the task in its place.
        let heading = if held.group {
            self.table.rows[held.row].clone()
        } else {
            self.table.rows.remove(held.row)
        };
        let at = held.row + usize::from(held.group);
        let words = match duty_brackets(&held.words).last().and_then(|c| c.get(0)) {
            Some(bracket) => held.words[..bracket.start()].trim_end().to_string(),
            None => held.words,
        };
        let mut task = RawTask {
            content: words,
            written_mark: Some(held.mark),
            units_origin: Some(heading.origin.clone()),
            ..RawTask::default()
        };
        held.duty.assign_to(&mut task);
        self.pending = Some((task, heading.origin));
        finish(&mut self.pending, true, &mut self.table, &mut self.next_no);
        if let Some(row) = self.table.rows.pop() {
            self.table.rows.insert(at, row);
        }
    }

    /// 二、工作要求 / 1.加强领导。各乡镇要… after the parts holding the tasks, numbered as the
    /// tasks are but naming no one: the plan's requirements, its text — not tasks whose units
    /// are missing. Only whole parts at the end whose every item names no one, after tasks
    /// that all name someone; said as a warning, so a part of tasks whose units were
    /// forgotten is not lost without a word.
    fn closing_items_are_text(&mut self) {
        fn task_of(row: &RawRow) -> Option<&RawTask> {
            match &row.kind {
                RowKind::Task(task) => Some(task),
                _ => None,
            }
        }
        let rows = &self.table.rows;
        let mut cut = rows.len();
        while let Some(start) =
            (rows[..cut].iter()).rposition(|r| matches!(r.kind, RowKind::Section { .. }))
        {
            let mut items = rows[start..cut].iter().filter_map(task_of).peekable();
            if items.peek().is_none() || items.any(RawTask::is_assigned) {
                break;
            }
            cut = start;
        }
        let before: Vec<&RawTask> = rows[..cut].iter().filter_map(task_of).collect();
        if cut == rows.len() || before.is_empty() || !before.iter().all(|t| t.is_assigned()) {
            return;
        }
        let closing = self.table.rows.split_off(cut);
        let Some(first) = closing.first().map(|r| r.origin.clone()) else {
            return;
        };
        let items = closing.iter().filter_map(task_of).count();
        self.next_no -= items as u32;
        let mut parts = Vec::new();
        for row in closing {
            let text = match row.kind {
                RowKind::Section { numeral, title } => {
                    parts.push(format!("「{numeral}、{title}」"));
                    title
                }
                RowKind::Label(label) => label,
                RowKind::Task(task) => task.content,
            };
            self.table.left_out.push((text, row.origin));
        }
        self.table.said.push(
            crate::base::diag::Diagnostic::warning(
                "plan/items-not-tasks",
                first,
                format!(
                    "{}中的 {} 个编号条目都没有写责任单位，读作方案正文（如工作要求），不列为任务",
                    parts.join("、"),
                    items
                ),
            )
            .with_hint("如这些条目是任务，请在每条后写明牵头单位（如“（县水利局牵头）”）"),
        );
    }

    /// Headings at the level that carried the work ((一)…(二)… each a task), last in the
    /// document with no task under them — a page copied in part stops inside the next one,
    /// or the plan closes under a heading of that level — head no group: no 主要事项 of no
    /// tasks (said as numbered from （三）, the tasks above as having none). Their words
    /// stay in the plan's text.
    fn no_group_over_nothing(&mut self) {
        if !self.headings_carry {
            return;
        }
        while self
            .table
            .rows
            .pop_if(|r| matches!(r.kind, RowKind::Label(_)))
            .is_some()
        {}
    }

    /// （一）强化资金保障。…（its labels） then （二） over items of its own: the part's （N）
    /// level is its groups, so the （N） tasks before the first group label are each a
    /// group of one, as later ones are (see [`Self::group_as_its_siblings`]).
    fn earlier_siblings_are_groups(&mut self) {
        let mut at = self.table.rows.len();
        while at > 0 {
            at -= 1;
            let RowKind::Label(label) = &self.table.rows[at].kind else {
                continue;
            };
            if !label.starts_with('（') {
                continue;
            }
            let first = (self.table.rows[..at].iter())
                .rposition(|row| !matches!(&row.kind, RowKind::Task(t) if group_title(t).is_some()))
                .map_or(0, |k| k + 1);
            let opens_part =
                first == 0 || matches!(self.table.rows[first - 1].kind, RowKind::Section { .. });
            if !opens_part {
                continue;
            }
            for k in (first..at).rev() {
                let RowKind::Task(task) = &self.table.rows[k].kind else {
                    continue;
                };
                let Some(label) = group_title(task) else {
                    continue;
                };
                let origin = self.table.rows[k].origin.clone();
                let row = RawRow {
                    kind: RowKind::Label(label),
                    origin,
                };
                self.table.rows.insert(k, row);
            }
            at = first;
        }
    }

    /// A （一） heading's text that named no one, under which no task came, while headings
    /// A （一） heading's text that named no one, under which no task came, while headings
    /// beside it carry their work in their own text: it is that heading's task, its units
    /// missing (a task with no units, which `check` refuses) — never dropped. Under headings
    /// that carry no work (保障措施) it is prose, kept with the plan's sections.
    fn settle_heading_text(&mut self) {
        let Some(heading) = self.heading_text.take() else {
            return;
        };
        let under = self.table.rows[heading.at..]
            .iter()
            .any(|r| matches!(r.kind, RowKind::Task(_)));
        if under || !self.headings_carry {
            // A sentence heading tasks of its own heads them.
            if let Some(whole) = heading.whole {
                let row = RawRow {
                    kind: RowKind::Label(whole.label),
                    origin: heading.origin,
                };
                self.table.rows.insert(heading.at, row);
            }
            return;
        }
        let (written_no, written_mark) = heading.whole.map(|w| (w.number, w.mark)).unzip();
        let mut task = RawTask {
            content: heading.text,
            written_no,
            written_mark,
            ..RawTask::default()
        };
        // 以下任务均需各乡镇人民政府落实: theirs too, as the remark says.
        if let Some(units) = &self.standing {
            add_standing_units(&mut task, units);
        }
        self.pending = Some((task, heading.origin));
        finish(&mut self.pending, true, &mut self.table, &mut self.next_no);
    }

    fn push(&mut self, kind: RowKind, origin: Location) {
        self.table.rows.push(RawRow { kind, origin });
    }

    /// Keeps the first name the plan's labelled lines give leading and supporting units
    /// (牵头科室（单位）, 责任单位), leaders and deadlines, for the published table's headers.
    fn name_role(&mut self, kind: LabelKind, line: &str) {
        let Some(colon) = line.find(['：', ':']) else {
            return;
        };
        let name = Some(tidy_spacing(&line[..colon]));
        let names = &mut self.table.column_names;
        match kind {
            LabelKind::Lead if names.lead.is_none() => names.lead = name,
            // 责任单位 names the supports only beside a 牵头 line (without one its first leads).
            LabelKind::Support if names.support.is_none() => names.support = name,
            LabelKind::Responsible if names.support.is_none() && names.lead.is_some() => {
                names.support = name;
            }
            // 牵头负责领导：…: the published table's leader column is called so.
            LabelKind::Person if names.person.is_none() => names.person = name,
            // 完成时间：…, 时间节点：…: so is its deadline column.
            LabelKind::Deadline if names.deadline.is_none() => names.deadline = name,
            _ => {}
        }
    }

    /// The labels inside an assignment bracket ([牵头单位:…;责任单位:…]) name the published
    /// table's columns as labelled lines do.
    fn name_roles_in(&mut self, inside: &str) {
        for clause in inside.split(['；', ';']) {
            if let Some((kind, _)) = labelled(clause) {
                self.name_role(kind, clause.trim());
            }
        }
    }

    /// A paragraph of labelled clauses (牵头单位：…；完成时限：…): the task's above it.
    fn labelled_paragraph(&mut self, clauses: &[Labelled<'_>], paragraph: &str, here: Location) {
        self.take_up_sub_items();
        let Some((task, _)) = self.pending.as_mut() else {
            // A label with no task above it belongs to nothing: said, not lost.
            self.table.left_out.push((paragraph.to_string(), here));
            return;
        };
        let owned = clauses
            .iter()
            .map(|&(kind, _, value)| (kind, value.to_string()));
        match self.labels_after_items.as_mut() {
            Some(held) if held.item_no == self.next_no => {
                held.clauses.extend(owned);
                held.lines.push(paragraph.trim().to_string());
            }
            // The first task of the plan: its items above were left out as text.
            _ if !task.is_assigned() && !self.first_items_out.is_empty() && self.next_no == 1 => {
                self.labels_after_items = Some(LabelsAfterItems {
                    clauses: owned.collect(),
                    at: here.clone(),
                    lines: vec![paragraph.trim().to_string()],
                    item_no: self.next_no,
                });
            }
            _ => {}
        }
        for &(kind, _, value) in clauses {
            apply_label(task, kind, value);
            // Findings about the units point at the line that names them.
            let names_units = matches!(
                kind,
                LabelKind::Lead | LabelKind::Support | LabelKind::Responsible
            );
            if names_units && task.units_origin.is_none() {
                task.units_origin = Some(here.clone());
            }
        }
        for &(kind, clause, _) in clauses {
            self.name_role(kind, clause);
        }
    }

    /// A remark on a line of its own about the tasks around it, acted on and said; whether
    /// `paragraph` was one. 以下任务均涉及区财政局，不再重复。: every later task's unit;
    /// 以上任务均需各乡镇人民政府落实。 after the tasks: theirs, back to the section's start.
    fn remark(&mut self, paragraph: &str, here: &Location) -> bool {
        let Some((toward, units)) = standing_remark(paragraph) else {
            return false;
        };
        let said = match toward {
            Toward::Later => {
                self.finish_task();
                self.standing = Some(units.clone());
                "此后每项任务".to_string()
            }
            Toward::Earlier => {
                // The remark closes what is above it: a heading whose whole text is the work
                // is a task now.
                self.end_block();
                self.settle_heading_text();
                match self.give_tasks_above(&units) {
                    0 => return false,
                    given => format!("它上面本部分 {given} 项任务"),
                }
            }
        };
        self.table.said.push(crate::base::diag::Diagnostic::note(
            "unit/remark",
            here.clone(),
            format!(
                "「{}」是说明：其中「{units}」已加入{said}的责任单位",
                paragraph.trim()
            ),
        ));
        true
    }

    /// What the paragraphs after `all[index]` say of it: who does it (labelled lines), a
    /// numbered item next, items under it.
    /// Every paragraph in order, each with what the ones after it say of it.
    fn read_all(&mut self, all: &[(String, u32)], places: Places<'_>) {
        let mut title_taken = false;
        for (index, (paragraph, line_no)) in all.iter().enumerate() {
            if std::mem::take(&mut title_taken) {
                continue;
            }
            // 附件2 / 乙方案 after tasks read: another plan the notice attaches, its tasks a
            // part of their own, numbered on.
            if self.table.tasks().next().is_some()
                && let Some((title, lines)) = super::text::attached_plan(
                    paragraph,
                    all.get(index + 1).map(|(next, _)| next.as_str()),
                )
            {
                self.section(String::new(), title, places.at(*line_no));
                title_taken = lines == 2;
                continue;
            }
            // Labelled lines after this one (牵头单位：…) make it a task, whatever its
            // numbering.
            let next = all.get(index + 1).and_then(|(next, _)| labelled(next));
            let labelled_next = next.is_some()
                || all.get(index + 1).is_some_and(|(n, _)| duty_alone(n))
                || words_then_its_labels(all, index);
            self.look_ahead(all, index);
            self.paragraph(paragraph, places.at(*line_no), labelled_next);
        }
    }

    fn look_ahead(&mut self, all: &[(String, u32)], index: usize) {
        let names_duty = |line: Option<&(String, u32)>| {
            line.and_then(|(l, _)| labelled(l))
                .is_some_and(|(kind, _)| {
                    matches!(
                        kind,
                        LabelKind::Lead | LabelKind::Support | LabelKind::Responsible
                    )
                })
        };
        // A leader's line first (牵头领导：… / 牵头单位：…) is the item's too: who does it
        // comes after it.
        let person = |line: &(String, u32)| {
            labelled(&line.0).is_some_and(|(kind, _)| kind == LabelKind::Person)
        };
        let after_leaders = (index + 1..all.len())
            .find(|&k| !person(&all[k]))
            .unwrap_or(all.len());
        self.duty_next = names_duty(all.get(after_leaders))
            || all
                .get(after_leaders)
                .is_some_and(|(next, _)| duty_alone(next));
        let numbered =
            |line: &str| TASK_NUMBER.is_match(line.trim()) || numbered_label(line.trim()).is_some();
        self.item_next = all.get(index + 1).is_some_and(|(next, _)| numbered(next));
        let unnumbered_duty = |(next, _): &(String, u32)| {
            !numbered(next) && section_heading(next.trim()).is_none() && has_duty(next)
        };
        self.duty_unnumbered_next = all.get(index + 1).is_some_and(unnumbered_duty);
        self.duties_unnumbered_next =
            all.len() > index + 2 && all[index + 1..index + 3].iter().all(unnumbered_duty);
        // 一、建设社区食堂 / 主要内容：… / 主办单位：…: the item's words, then who does it.
        self.content_then_duty = all
            .get(index + 1)
            .is_some_and(|(next, _)| after_content_only_label(next).is_some())
            && names_duty(all.get(index + 2));
    }

    /// One paragraph: a label of the task before it, a section heading, a group heading or
    /// a task numbered at any level, and the assignments that close tasks.
    fn paragraph(&mut self, paragraph: &str, here: Location, labelled_next: bool) {
        // Said as left out (unless printed with the plan), the task it stands in kept open
        // for the labelled lines after it.
        if is_contact_line(paragraph) {
            self.table.left_out.push((paragraph.to_string(), here));
            return;
        }
        // 附件2 on its own after the last task of 附件1: the next attachment's label, no
        // words of that task (it was read into its text and printed on its sheets).
        if super::text::is_attachment_label(paragraph) {
            self.end_block();
            self.table.left_out.push((paragraph.to_string(), here));
            return;
        }
        // 附件：1.…清单 / 2.…名录 closing the plan: the documents it attaches, no tasks.
        self.attachment_list &= super::text::prose::is_attachment_item(paragraph);
        if super::text::prose::opens_attachment_list(paragraph) || self.attachment_list {
            self.end_block();
            self.attachment_list = true;
            self.table.left_out.push((paragraph.to_string(), here));
            return;
        }
        if self.bullet_of_pending(paragraph, &here) {
            return;
        }
        // 2.改扩建幼儿园5所。（以上第1、2项由县教育局牵头…）: the item, then the sentence
        // giving out the items above, as if on a line of its own.
        if let Some((item, inside)) = bracket_on_items_above(paragraph)
            && (duty_of_numbered_items(inside).is_some() || duty_of_items_above(inside).is_some())
        {
            self.paragraph(item, here.clone(), false);
            self.paragraph(inside, here, labelled_next);
            return;
        }
        let bracketed = closing_duty_in_brackets(paragraph);
        let paragraph = bracketed.as_deref().unwrap_or(paragraph);
        if let Some(given) = duty_of_numbered_items(paragraph) {
            self.numbered_items_above(&given, paragraph, here);
            return;
        }
        if let Some(duty) = duty_of_items_above(paragraph) {
            self.items_above(duty, paragraph, here);
            return;
        }
        if self.unnumbered_heading(paragraph, &here) {
            return;
        }
        if let Some(clauses) = label_clauses(paragraph) {
            self.labelled_paragraph(&clauses, paragraph, here);
            return;
        }
        if self.numbered_heading(paragraph, &here) {
            return;
        }
        self.numbered_line(paragraph, here, labelled_next);
    }

    /// A heading with no numeral of its own; whether `paragraph` was one.
    fn unnumbered_heading(&mut self, paragraph: &str, here: &Location) -> bool {
        // ——在深化供给侧结构性改革上保持定力: a lead-in the document sets between its parts
        // and the tasks under it — that level is their group, as a （一） heading is.
        // 扩大有效投资 over 3.新开工… between finished items: a heading the document left
        // unnumbered, over the items under it — their group, as a dash's lead-in is.
        let dash_lead_in = is_dash_heading(paragraph) && !has_duty(paragraph);
        let bare = (self.item_next && self.between_items() && is_bare_heading(paragraph))
            || (self.duty_unnumbered_next && is_phrase_heading(paragraph));
        // 1、约束性指标的责任部门 over unnumbered items each naming who does it: their
        // heading, no item's title.
        let over_unnumbered = self.duties_unnumbered_next
            && TASK_NUMBER.is_match(paragraph.trim())
            && !without_item_number(paragraph.trim()).contains(SENTENCE_MARKS)
            && !has_duty(paragraph);
        // Under a group's heading already, it is a sub-heading: its words open its items'
        // (（一）坚定不移做强增长引擎 / 加强基础设施建设 / 12.…).
        let under_numbered_group = bare && self.under_group_heading && self.group_numbered();
        if (over_unnumbered && self.under_group_heading) || under_numbered_group {
            self.end_block();
            let title = tidy_spacing(without_item_number(paragraph.trim()));
            self.sub_heading = Some((title, self.table.rows.len(), here.clone()));
            return true;
        }
        if dash_lead_in || bare || over_unnumbered {
            self.end_block();
            self.settle_heading_text();
            self.under_group_heading = true;
            self.push(RowKind::Label(tidy_spacing(paragraph)), here.clone());
            return true;
        }
        // 【公共设施】: a category over what follows, no item of it (said).
        if is_bracket_label(paragraph) {
            self.finish_task();
            self.table
                .left_out
                .push((paragraph.to_string(), here.clone()));
            return true;
        }
        false
    }

    /// A part's heading, or an item numbered as parts are; whether `paragraph` was one.
    fn numbered_heading(&mut self, paragraph: &str, here: &Location) -> bool {
        if !self.duty_next
            && let Some((numeral, title, duty)) = heading_with_its_lead(paragraph)
        {
            let words = after_numeral(&tidy_spacing(paragraph), &numeral);
            self.section(numeral.clone(), title, here.clone());
            self.section_lead = Some(duty.leads.join("、"));
            let row = self.table.rows.len() - 1;
            self.lead_heading = Some(LeadHeading {
                row,
                mark: format!("{numeral}、"),
                words,
                duty,
                group: false,
            });
            return true;
        }
        let item_as_part = self.duty_next || self.content_then_duty;
        if let Some((numeral, title)) = section_heading(&tidy_spacing(paragraph))
            && (!has_duty(paragraph) || names_only_leaders(paragraph))
        {
            if item_as_part {
                self.section_item(&numeral, paragraph, here.clone());
            } else {
                self.section(numeral, title, here.clone());
            }
            return true;
        }
        if !has_duty(paragraph) && !TASK_NUMBER.is_match(paragraph) && self.remark(paragraph, here)
        {
            return true;
        }
        // 一、新建社区食堂。全年新建食堂30个。 over 牵头单位：…: an item of sentences, numbered
        // as parts are, whose next line names who does it — a task, not a heading.
        if item_as_part
            && !has_duty(paragraph)
            && let Some(numeral) = section_numeral(&tidy_spacing(paragraph))
        {
            self.section_item(&numeral, paragraph, here.clone());
            return true;
        }
        // 一、title。what its items are …: the heading, then its summary (the prose keeps
        // it); the items follow on lines of their own.
        if let Some((numeral, title)) = heading_over_summary(paragraph) {
            self.section(numeral, title, here.clone());
            return true;
        }
        false
    }

    /// A line of tasks: numbered at any level or by its labels, a heading before them on the
    /// same line, and the assignments that close them.
    fn numbered_line(&mut self, paragraph: &str, here: Location, labelled_next: bool) {
        let mut line = paragraph.to_string();
        // 一、title。一是…（…牵头）；二是…: the heading, then its tasks on the same line.
        if let Some((head, rest)) = split_heading(&line) {
            match section_heading(&tidy_spacing(&head)) {
                Some((numeral, title)) => self.section(numeral, title, here.clone()),
                None => self.end_block(),
            }
            line = rest;
        }
        if let Some((number, rest)) = numbered_label(&line) {
            line = self.group_or_task(number, &rest, &here, labelled_next);
            if line.is_empty() {
                return;
            }
            if self.pending.is_none() && !TASK_NUMBER.is_match(&line) {
                let rows = self.table.rows.len();
                self.assignments(&line, here.clone());
                if self.table.rows.len() > rows {
                    self.headings_carry = true;
                } else if self.pending.is_none() {
                    self.heading_text = Some(HeadingText::after_title(line, here, rows));
                }
                return;
            }
        }
        let mut one_item = false;
        if let Some(number) = TASK_NUMBER.find(&line) {
            self.open_item(number.as_str(), &here);
            line = line[number.end()..].to_string();
            one_item = true;
        } else if self.more_of_pending(&line, &here) {
            return;
        } else if let Some(text) = self.task_by_its_labels(&line, labelled_next) {
            // A task without a number, its duties on labelled lines under it (a two-column
            // table copied from a web page: 具体任务 / 责任单位 / 完成时限).
            self.finish_task();
            self.pending = Some((
                RawTask {
                    content: text,
                    ..RawTask::default()
                },
                here,
            ));
            return;
        }
        // 1.主要指标的责任部门。 over a line of several sentences each with its duty: the
        // numbered line heads them, none of their text.
        if brackets_side_by_side(&line).len() >= 2 {
            line = self.heading_opening_the_line(line);
            self.numbered_line_heads_tasks();
        }
        if one_item && let Some((head, tail)) = words_after_the_bracket(&line) {
            self.assignments(head, here);
            self.more_of_the_last_task(tail);
            return;
        }
        self.assignments(&line, here);
    }

    /// Words of a numbered item after its bracket (…(牵头单位:区水利厅)。由张三副厅长负责,
    /// 污染防治处落实,2010年11月底前完成。): more of the task the bracket closed, and its
    /// deadline when the bracket gave none and a clause says only when.
    fn more_of_the_last_task(&mut self, words: &str) {
        let Some(RawRow {
            kind: RowKind::Task(task),
            ..
        }) = self.table.rows.last_mut()
        else {
            return;
        };
        task.content.push_str(words);
        let clauses: Vec<&str> = crate::base::cjk::split_outside_parentheses(words, |c| {
            matches!(c, '，' | ',' | '；' | ';' | '。')
        })
        .into_iter()
        .map(|(clause, _)| clause.trim())
        .collect();
        if task.deadline.is_none() {
            task.deadline = (clauses.iter())
                .find(|c| is_deadline(c) && crate::ingest::deadline::reads_as_time(c))
                .map(|c| c.to_string());
        }
        // 由鲁国会、郑忠安副厅长分别负责: the leaders who answer for it, by their post.
        if task.person.is_none() {
            task.person = clauses.iter().find_map(|c| leaders_answering(c));
        }
    }

    /// 工作成果：…, 具体措施：… under a numbered task that names no one yet: more of that
    /// task, under its label — not a record of its own taking the task's place. 主要内容：…
    /// under an item's name: its words, as a table's content cell is. Whether `line` was.
    fn more_of_pending(&mut self, line: &str, here: &Location) -> bool {
        let Some((label, text)) = (after_content_only_label(line).map(|t| (None, t)))
            .or_else(|| after_content_label(line).map(|(l, t)| (Some(l), t)))
        else {
            return false;
        };
        if !self.numbered {
            return false;
        }
        let Some((task, _)) = self.pending.as_mut().filter(|(t, _)| !t.is_assigned()) else {
            return false;
        };
        let content = task.content.trim_end();
        let ends = crate::base::cjk::ends_sentence(content);
        task.content = match label {
            Some(label) => format!("{content}{}{label}：{text}", if ends { "" } else { "。" }),
            None => format!("{content}{}{text}", if ends { "" } else { "：" }),
        };
        if label.is_none() {
            let label = line[..line.len() - text.len()].trim().to_string();
            self.content_labels.push((label, here.clone()));
        }
        true
    }

    /// A bulleted line right under a task that names its units (▲增加值可比增长6%左右。): its
    /// targets, more of its words, the bullet kept; whether `paragraph` was one. One naming
    /// units of its own (▲新开工项目3个。（责任单位：X、Y）) under a numbered task is an item
    /// of that task, not a task of its own that would number the plan's next tasks on from
    /// the source's: kept in its words, the units it adds support the task, and said.
    fn bullet_of_pending(&mut self, paragraph: &str, here: &Location) -> bool {
        const BULLETS: &[char] = &[
            '▲', '△', '●', '○', '■', '□', '◆', '◇', '•', '·', '※', '★', '☆',
        ];
        let line = paragraph.trim();
        // The task is done once its duty is read: the last row, unless one is being written.
        let task = match self.pending.as_mut() {
            Some((task, _)) => task,
            None => match self.table.rows.last_mut() {
                Some(RawRow {
                    kind: RowKind::Task(task),
                    ..
                }) => task,
                _ => return false,
            },
        };
        let bulleted = line.starts_with(BULLETS) && line.chars().count() > 1;
        if !bulleted || !task.is_assigned() || task.content.trim().is_empty() {
            return false;
        }
        let added = match first_duty(line) {
            None => Vec::new(),
            Some(_) if task.written_no.is_none() => return false,
            Some(duty) => support_from_item(task, duty.as_str()),
        };
        // The bullet parts it from the words before, as written.
        task.content = format!("{}{line}", task.content.trim_end());
        if has_duty(line) {
            let no = task.written_no.unwrap_or_default();
            let added = match added.is_empty() {
                true => String::new(),
                false => format!("；它另写的「{}」作为第 {no} 项的配合单位", added.join("、")),
            };
            self.table.said.push(crate::base::diag::Diagnostic::note(
                "plan/item-units",
                here.clone(),
                format!(
                    "「{}」是第 {no} 项之下的条目，写有自己的责任单位：照原文并入第 {no} 项的内容，\
                     不另作一项（其后各项的序号照原文）{added}",
                    crate::base::cjk::excerpt_of(line, 20)
                ),
            ));
        }
        true
    }

    /// 2.教育和卫生。新建幼儿园3所。（…）改造卫生院5所。（…）: a numbered line whose first
    /// sentence names no one and is a heading's length, before sentences each with its
    /// duty — that sentence is the numbered task's text (made their heading next); the
    /// rest of the line is returned.
    fn heading_opening_the_line(&mut self, line: String) -> String {
        let Some((task, _)) = self.pending.as_mut() else {
            return line;
        };
        if !self.numbered || !task.content.trim().is_empty() {
            return line;
        }
        let Some(stop) = line.find('。') else {
            return line;
        };
        let first = &line[..stop + '。'.len_utf8()];
        // A duty right after it (地区生产总值增长6%左右。（省发展改革委负责）) makes it a task.
        let assigned_next =
            first_duty(line[first.len()..].trim_start()).is_some_and(|m| m.start() == 0);
        if assigned_next || has_duty(first) || first.chars().count() > 20 {
            return line;
        }
        task.content = first.trim().to_string();
        line[first.len()..].to_string()
    }

    /// The numbered task being written, a whole sentence that names no one, made the
    /// heading of the tasks of the unnumbered line under it.
    fn numbered_line_heads_tasks(&mut self) {
        let heads = self.numbered
            && self.parents.is_empty()
            && self.pending.as_ref().is_some_and(|(t, _)| {
                !t.is_assigned() && crate::base::cjk::ends_sentence(&t.content)
            });
        if !heads {
            return;
        }
        if let Some((task, origin)) = self.pending.take() {
            let title = tidy_content(&task.content);
            let title = title.trim_end_matches(['。', '；', ';']);
            // With its number, as the plan's text has it (1.就业和社会保障).
            let written = self.mark.as_ref().map_or("", |(w, _)| w.as_str());
            self.item_heading = self.mark.as_ref().map(|(_, m)| *m);
            // The untitled group the item opened when it began ends before it has tasks.
            if let Some(RawRow {
                kind: RowKind::Label(label),
                ..
            }) = self.table.rows.last()
                && label.is_empty()
            {
                self.table.rows.pop();
            }
            self.push(RowKind::Label(format!("{written}{title}")), origin);
        }
    }

    /// A closing 上述项目由X牵头负责: the items since the last heading that named no one are
    /// tasks, X's; with none, the sentence is said.
    fn items_above(&mut self, duty: Duty, paragraph: &str, here: Location) {
        let gave_pending = self.give_pending(&duty, &here);
        self.finish_task();
        let items = std::mem::take(&mut self.unassigned);
        // Numbered tasks above it are what it gives out; the prose among them (the plan's
        // title and preamble, in a plan of no parts) is none of them.
        let numbered_above = gave_pending
            || !self.first_items_out.is_empty()
            || matches!(self.table.rows.last(), Some(RawRow { kind: RowKind::Task(t), .. }) if !t.is_assigned());
        if items.is_empty() || numbered_above {
            self.duty_of_tasks_above(&duty, paragraph, here, gave_pending);
            return;
        }
        let first = self.next_no;
        for (text, origin) in items {
            let mut task = RawTask {
                content: text,
                ..RawTask::default()
            };
            duty.assign_to(&mut task);
            task.units_origin = Some(here.clone());
            self.pending = Some((task, origin));
            finish(&mut self.pending, false, &mut self.table, &mut self.next_no);
        }
        let numbers = crate::base::number::task_list(first..self.next_no);
        self.table.said.push(crate::base::diag::Diagnostic::note(
            "plan/items-above",
            here,
            format!(
                "第 {numbers} 项没有各自写明责任单位，按其后的「{}」分工",
                paragraph.trim()
            ),
        ));
    }

    /// `以上第2、3项工作由县城管局牵头，县公安局配合。`: the items it names by number, the
    /// nearest above it in this part that name no one, given out by it. A number it names
    /// that no such item carries is said.
    fn numbered_items_above(&mut self, given: &[NumberedDuty], paragraph: &str, here: Location) {
        let duty_of = |no: Option<u32>| {
            let no = no?;
            given
                .iter()
                .find(|(numbers, _)| numbers.contains(&no))
                .map(|(_, duty)| duty)
        };
        if let Some((task, _)) = self.pending.as_mut()
            && !task.is_assigned()
            && let Some(duty) = duty_of(task.written_no)
        {
            assign_keeping_deadline(duty, task, &here);
        }
        self.finish_task();
        let mut found: Vec<u32> = Vec::new();
        // Named, but with units of their own: kept, and said.
        let mut own: Vec<u32> = Vec::new();
        for row in self.table.rows.iter_mut().rev() {
            match &mut row.kind {
                RowKind::Section { .. } => break,
                RowKind::Label(_) => {}
                RowKind::Task(task) => {
                    let Some(no) = task.written_no.filter(|no| !found.contains(no)) else {
                        continue;
                    };
                    if let Some(duty) = duty_of(Some(no)) {
                        found.push(no);
                        if task.is_assigned() {
                            own.push(no);
                        } else {
                            assign_keeping_deadline(duty, task, &here);
                        }
                    }
                }
            }
        }
        if !own.is_empty() {
            own.sort_unstable();
            let numbers: Vec<String> = own.iter().map(u32::to_string).collect();
            self.table.said.push(crate::base::diag::Diagnostic::warning(
                "plan/items-above",
                here.clone(),
                format!(
                    "「{}」所说的第 {} 项已各自写明责任单位：按各项自己写的，此句未改动它们，请核对",
                    paragraph.trim(),
                    numbers.join("、")
                ),
            ));
        }
        let first_named =
            (self.first_items_out.iter()).any(|(_, task, _)| duty_of(task.written_no).is_some());
        if first_named {
            let give = |task: &mut RawTask| {
                if let Some(duty) = duty_of(task.written_no) {
                    assign_keeping_deadline(duty, task, &here);
                }
            };
            self.take_back_first_items(give);
            found.extend(
                given
                    .iter()
                    .flat_map(|(numbers, _)| numbers.iter().copied()),
            );
        }
        let missing: Vec<u32> = (given.iter())
            .flat_map(|(numbers, _)| numbers.iter().copied())
            .filter(|no| !found.contains(no))
            .collect();
        let (level, said) = if missing.is_empty() {
            let numbers: Vec<String> = given
                .iter()
                .flat_map(|(numbers, _)| numbers.iter().map(u32::to_string))
                .collect();
            let said = format!(
                "第 {} 项按其后的「{}」分工",
                numbers.join("、"),
                paragraph.trim()
            );
            (crate::base::diag::Severity::Note, said)
        } else {
            let numbers: Vec<String> = missing.iter().map(u32::to_string).collect();
            let said = format!(
                "「{}」所说的第 {} 项，在它上面本部分没有找到",
                paragraph.trim(),
                numbers.join("、")
            );
            (crate::base::diag::Severity::Warning, said)
        };
        let said = crate::base::diag::Diagnostic::new(level, "plan/items-above", here, said);
        self.table.said.push(said);
    }

    /// `1.开展城区道路清扫保洁。` / `以上工作由县城管局牵头负责。`: numbered tasks naming no one,
    /// right above the sentence, are given out by it. A task that names its own units keeps
    /// them, and ends the run the sentence speaks of.
    /// `gave_pending`: the task being written when the sentence came was given out by it
    /// (see [`Self::give_pending`]) and is the last row now.
    fn duty_of_tasks_above(
        &mut self,
        duty: &Duty,
        paragraph: &str,
        here: Location,
        gave_pending: bool,
    ) {
        // Back to the section's start over its group headings, until a task naming its own.
        let mut given: Vec<Location> = Vec::new();
        let mut at_start = true;
        for (i, row) in self.table.rows.iter_mut().rev().enumerate() {
            match &mut row.kind {
                RowKind::Section { .. } => break,
                RowKind::Label(_) => continue,
                RowKind::Task(task) if task.is_assigned() && !(i == 0 && gave_pending) => {
                    at_start = false;
                    break;
                }
                RowKind::Task(task) => {
                    assign_keeping_deadline(duty, task, &here);
                    given.push(row.origin.clone());
                }
            }
        }
        if at_start {
            let taken =
                self.take_back_first_items(|task| assign_keeping_deadline(duty, task, &here));
            given.extend(taken);
        }
        let given: Vec<String> = (self.table.rows.iter())
            .filter_map(|r| match &r.kind {
                RowKind::Task(task) if given.contains(&r.origin) => Some(task.no.clone()),
                _ => None,
            })
            .collect();
        if given.is_empty() {
            // Its units get no task from it: said, since they may expect one.
            self.table.said.push(crate::base::diag::Diagnostic::warning(
                "plan/items-above",
                here.clone(),
                format!(
                    "「{}」没有分给任何任务：它上面的任务各自写明了责任单位",
                    paragraph.trim()
                ),
            ));
            self.table.left_out.push((paragraph.to_string(), here));
            return;
        }
        self.table.said.push(crate::base::diag::Diagnostic::note(
            "plan/items-above",
            here,
            format!(
                "第 {} 项没有各自写明责任单位，按其后的「{}」分工",
                given.join("、"),
                paragraph.trim()
            ),
        ));
    }

    /// The items that opened the plan, left out as text when they came (see
    /// [`Reader::first_items_out`]), tasks after all: given out by `give`, each set where it
    /// stands in the document, every task numbered on. Where they are.
    fn take_back_first_items(&mut self, give: impl Fn(&mut RawTask)) -> Vec<Location> {
        let items = std::mem::take(&mut self.first_items_out);
        let still_out = |(at, _, origin): &(usize, RawTask, Location)| {
            self.table
                .left_out
                .get(*at)
                .is_some_and(|(_, o)| o == origin)
        };
        if items.is_empty() || !items.iter().all(still_out) {
            return Vec::new();
        }
        let mut taken = Vec::new();
        for (out_at, mut task, origin) in items.into_iter().rev() {
            self.table.left_out.remove(out_at);
            task.content = tidy_content(&task.content);
            give(&mut task);
            // Before the first row written after it (a later group's heading, a task).
            let line = origin.line_no();
            let at = (self.table.rows.iter())
                .position(|r| r.origin.line_no() > line)
                .unwrap_or(self.table.rows.len());
            let row = RawRow {
                kind: RowKind::Task(Box::new(task)),
                origin: origin.clone(),
            };
            self.table.rows.insert(at, row);
            taken.push(origin);
        }
        let mut no = 1;
        for row in &mut self.table.rows {
            if let RowKind::Task(task) = &mut row.kind {
                task.no = no.to_string();
                no += 1;
            }
        }
        self.next_no = no;
        taken
    }

    /// The numbered task being written, naming no one, given out by the sentence after it;
    /// whether it was.
    fn give_pending(&mut self, duty: &Duty, here: &Location) -> bool {
        if !self.numbered {
            return false;
        }
        match self.pending.as_mut() {
            Some((task, _)) if !task.is_assigned() && !task.content.trim().is_empty() => {
                assign_keeping_deadline(duty, task, here);
                true
            }
            _ => false,
        }
    }

    /// The text of a task with no number that opens before labelled lines: a paragraph
    /// when no task is being written, or one under a 具体任务： label (kept as the content
    /// column's name) always.
    fn task_by_its_labels(&mut self, line: &str, labelled_next: bool) -> Option<String> {
        if !labelled_next || has_duty(line) {
            return None;
        }
        // A 具体任务： label opens the next record, whatever is being written.
        if let Some((label, text)) = after_content_label(line) {
            let names = &mut self.table.column_names;
            names.content.get_or_insert_with(|| label.to_string());
            return Some(text.to_string());
        }
        // A paragraph with no label opens one only above who does it (not a page's title
        // above its 时间： line) — also right after a task whose duties are read (新建产业园
        // 1个。 / 责任单位：… / 推进园区道路建设。 / 责任单位：…).
        let open = self
            .pending
            .as_ref()
            .is_none_or(|(task, _)| task.is_assigned());
        (open && self.duty_next).then(|| line.to_string())
    }

    /// A （一） line: a group heading (its title, then maybe task text), or — when its
    /// sentence is followed straight by who does it, or by labelled lines — a task itself.
    /// Returns the text left to read as tasks.
    fn group_or_task(
        &mut self,
        number: u32,
        rest: &str,
        here: &Location,
        labelled_next: bool,
    ) -> String {
        self.end_block();
        self.settle_group_lead();
        self.settle_heading_text();
        if self.lead_heading.as_ref().is_some_and(|held| held.group) {
            self.settle_lead_heading();
        }
        self.under_group_heading = false;
        let (title, after) = match super::text::heading_title_end(rest) {
            Some((end, after)) if !has_duty(&rest[..end]) => {
                (rest[..end].to_string(), rest[after..].to_string())
            }
            _ if !has_duty(rest) => (rest.to_string(), String::new()),
            _ => (String::new(), rest.to_string()),
        };
        // Under a part's heading that named its lead (一、强化科技创新（区科技局牵头）), a
        // （一） line with its words is a measure of that part: its task, the lead's.
        let carries_work = labelled_next
            || first_duty(after.trim()).is_some_and(|m| m.start() == 0)
            || (self.lead_heading.is_some() && !after.trim().is_empty())
            // (二)关于…的问题，由财政部牵头，发展改革委参加。: its own sentence says who.
            || duty_in_sentence(rest).is_some();
        // Its labels on the lines under it: a group too, and its task opened for them.
        let sibling_group = carries_work && self.group_as_its_siblings(number, &title, here);
        if sibling_group && !labelled_next {
            return rest.trim().to_string();
        }
        if carries_work {
            self.headings_carry = true;
            self.open_numbered(here);
            let written = format!("（{}）", crate::base::cjk::chinese_numeral(number));
            self.mark = Some((written, Marker::Chinese));
            return rest.trim().to_string();
        }
        if let Some(duty) = title_with_its_lead(rest.trim()) {
            self.group_naming_its_lead(number, rest.trim(), duty, here);
            return String::new();
        }
        if !title.is_empty() {
            let mark = format!("（{}）", crate::base::cjk::chinese_numeral(number));
            let label = format!("{mark}{}", tidy_spacing(&title));
            // A whole sentence where headings beside it carry their work ((一)…。 / 责任单位：…)
            // is such a task whose duties are missing — unless tasks of its own follow.
            let sentence = after.trim().is_empty() && crate::base::cjk::ends_sentence(rest.trim());
            if self.headings_carry && sentence {
                self.heading_text = Some(HeadingText {
                    text: rest.trim().to_string(),
                    origin: here.clone(),
                    at: self.table.rows.len(),
                    whole: Some(WholeHeading {
                        label,
                        number,
                        mark,
                    }),
                });
                return String::new();
            }
            self.group_lead = group_heading_lead(&title).map(|lead| {
                let said = crate::base::diag::Diagnostic::note(
                    "unit/lead-from-heading",
                    here.clone(),
                    format!("小标题「{label}」写的是负责单位：其下没有各自写明责任单位的事项由「{lead}」负责"),
                );
                GroupLead::of_lead(lead, said, self.table.rows.len(), self.unassigned.len())
            });
            self.under_group_heading = true;
            self.push(RowKind::Label(label), here.clone());
        }
        after.trim().to_string()
    }

    /// (四)深化产权制度改革。(X牵头) among （一）…（三） groups, each over its task's words:
    /// a group too, its `title` its task's words. Its label pushed; false when it is none.
    fn group_as_its_siblings(&mut self, number: u32, title: &str, here: &Location) -> bool {
        let group =
            !title.is_empty() && self.lead_heading.is_none() && self.last_label_numbered_as("（");
        if group {
            let numeral = crate::base::cjk::chinese_numeral(number);
            let label = format!("（{numeral}）{}", tidy_spacing(title));
            self.push(RowKind::Label(label), here.clone());
        }
        group
    }

    /// Whether the last group label of the part so far opens with `mark` (（一）…): its
    /// （N） lines are groups.
    fn last_label_numbered_as(&self, mark: &str) -> bool {
        (self.table.rows.iter().rev())
            .find_map(|row| match &row.kind {
                RowKind::Label(label) => Some(label.starts_with(mark)),
                RowKind::Section { .. } => Some(false),
                _ => None,
            })
            .unwrap_or(false)
    }

    /// （一）加快建设商贸中心（牵头单位：区商务局） over items of its own: a group, whose lead
    /// is that of its items that name no one. Held: with no task under it, it is a task.
    fn group_naming_its_lead(&mut self, number: u32, words: &str, duty: Duty, here: &Location) {
        let mark = format!("（{}）", crate::base::cjk::chinese_numeral(number));
        let label = format!("{mark}{}", tidy_spacing(words));
        let lead = duty.leads.join("、");
        let supports = (!duty.supports.is_empty()).then(|| duty.supports.join("、"));
        let deadline = duty.deadline.clone();
        let helpers = supports
            .as_ref()
            .map_or(String::new(), |s| format!("、「{s}」配合"));
        let by = deadline
            .as_ref()
            .map_or(String::new(), |d| format!("；没写完成时限的按「{d}」"));
        let said = crate::base::diag::Diagnostic::note(
            "unit/lead-from-heading",
            here.clone(),
            format!(
                "小标题「{label}」写的是负责单位：其下没有各自写明责任单位的事项由「{lead}」负责{helpers}{by}"
            ),
        );
        let row = self.table.rows.len();
        self.group_lead = Some(GroupLead {
            lead,
            supports,
            deadline,
            said: Some(said),
            row,
            unassigned: self.unassigned.len(),
        });
        self.lead_heading = Some(LeadHeading {
            row,
            mark,
            words: words.to_string(),
            duty,
            group: true,
        });
        self.under_group_heading = true;
        self.push(RowKind::Label(label), here.clone());
    }

    /// Each assignment parenthesis closes the task written before it; text after the last
    /// one continues a task or starts the next.
    fn assignments(&mut self, line: &str, here: Location) {
        let rows_before = self.table.rows.len();
        // （一）重大基础设施工程。围绕…，重点实施以下工程：一是…: the words leading into the
        // counted tasks are the group's (its text keeps them), not the first task's.
        let mut cut = match self.under_group_heading && self.pending.is_none() {
            true => lead_in_before_ordinals(line).unwrap_or(0),
            false => 0,
        };
        for (whole, inside) in brackets_side_by_side(line) {
            let inside = inside.as_str();
            // After sub-items that named no one, the duty is their parent's.
            self.take_up_sub_items();
            self.name_roles_in(inside);
            // A heading's text continued in this paragraph: one task from the heading on.
            if self.pending.is_none()
                && self.headings_carry
                && let Some(heading) = self.heading_text.take()
            {
                let task = RawTask {
                    content: heading.text,
                    ..RawTask::default()
                };
                self.pending = Some((task, heading.origin));
            }
            let (task, opened) = self
                .pending
                .get_or_insert_with(|| (RawTask::default(), here.clone()));
            // 1、推进项目建设 / 加快推进重点项目。（…牵头）: the item's title over its words, a
            // paragraph apart, is not run into them.
            let title = task.content.trim();
            let is_title = !title.is_empty()
                && !title.contains(SENTENCE_MARKS)
                && title.ends_with(crate::base::cjk::is_han)
                && !runs_on(&line[..whole.start]);
            if cut == 0 && *opened != here && is_title {
                join_title(&mut task.content, &here, &mut self.joints);
            }
            let opened_here = task.content.trim().is_empty();
            // 一是…。二是…。三是…（X牵头）: the bracket closes the last counted item; those
            // before it name no one — left out of the task, said.
            if let Some(last) = last_counted_item(&line[cut..whole.start]) {
                let before = line[cut..cut + last].trim();
                if !before.is_empty() && opened_here {
                    self.table.left_out.push((before.to_string(), here.clone()));
                    cut += last;
                }
            }
            let Some((task, _)) = self.pending.as_mut() else {
                continue;
            };
            let stop_after = line[whole.end..].trim_start().starts_with('。');
            write_before_duty(task, &line[cut..whole.start], stop_after);
            let going_on = sentence_going_on(&line[whole.end..]);
            if let Some(len) = going_on {
                task.content.push_str(&line[whole.end..whole.end + len]);
            }
            let duty = parse_duty(inside);
            duty.assign_to(task);
            if let Some(units) = &self.standing {
                add_standing_units(task, units);
            }
            self.say_remarks(&duty, &here);
            if duty.standing.is_some() {
                self.standing = duty.standing;
            }
            self.finish_task();
            cut = whole.end + going_on.unwrap_or(0);
        }
        let rest = line[cut..].trim().trim_start_matches(BETWEEN_TASKS);
        // （牵头单位：县城管局）（完成时限：2026年9月底前）: the second the task's deadline;
        // ①…（X牵头）；②…（Y负责）。完成时限：2025年12月底前: the time closing the paragraph
        // is each of its tasks' that names none.
        if cut > 0
            && let Some(deadline) = deadline_bracket(rest).or_else(|| closing_time(rest))
        {
            let undated = (self.table.rows[rows_before..].iter_mut())
                .filter_map(|row| match &mut row.kind {
                    RowKind::Task(task) if task.deadline.is_none() => Some(task),
                    _ => None,
                })
                .map(|task| task.deadline = Some(deadline.clone()))
                .count();
            if undated > 0 {
                return;
            }
        }
        if !rest.is_empty() {
            self.after_assignments(rest, here, cut > 0);
        }
    }

    /// Says what a bracket holds besides who does the work: a remark (read as none of the
    /// units, printed with the plan) and the scopes of units' parts of it.
    fn say_remarks(&mut self, duty: &Duty, here: &Location) {
        if let Some(remark) = &duty.remark {
            let standing = match &duty.standing {
                Some(units) => format!("；其中「{units}」已加入此后每项任务的责任单位"),
                None => String::new(),
            };
            self.table.said.push(crate::base::diag::Diagnostic::note(
                "unit/remark",
                here.clone(),
                format!(
                    "括注中「{remark}」是说明，不是单位名单，未读作单位；它随方案正文印出{standing}"
                ),
            ));
        }
        for scope in &duty.scopes {
            self.table.said.push(crate::base::diag::Diagnostic::note(
                "unit/scope",
                here.clone(),
                format!("括注中「{scope}」说的是其后单位负责的那部分工作，不是单位名，未读作单位"),
            ));
        }
    }

    /// The text of a paragraph after its last assignment (`after_one`) or of one with none.
    fn after_assignments(&mut self, rest: &str, here: Location, after_one: bool) {
        // 整改措施：… names the work; 工作要求：, 保障措施： open the plan's closing words.
        let content_labelled = (rest.split_once(['：', ':'])).is_some_and(|(l, _)| {
            content_label(l).is_some() && !l.ends_with("要求") && !l.contains("保障")
        });
        let measures_of_last = content_labelled && self.last_task_assigned();
        match self.pending.as_mut() {
            // Prose after a task whose duties are known: the task is complete, and the prose
            // is none of it — said, not lost.
            Some((task, _)) if task.is_assigned() => {
                self.finish_task();
                self.table.left_out.push((rest.to_string(), here));
            }
            Some((task, opened)) => {
                // 1.城东道路改造项目 / 改造城东道路2公里。: an item's title over its words, a
                // paragraph apart, is not run into them.
                if *opened != here {
                    join_title(&mut task.content, &here, &mut self.joints);
                }
                task.content.push_str(rest);
            }
            // Text after the last assignment of a paragraph starts the next task.
            None if after_one => {
                let task = RawTask {
                    content: rest.to_string(),
                    ..RawTask::default()
                };
                self.pending = Some((task, here));
            }
            // A paragraph whose own sentence says who does it (…由省水利厅牵头，省烟草局配合):
            // a task, as with its units in brackets.
            None if duty_in_sentence(rest).is_some() => {
                let task = RawTask {
                    content: rest.to_string(),
                    ..RawTask::default()
                };
                self.pending = Some((task, here));
                self.finish_task();
            }
            // More of a heading's text that names no one yet (see `settle_heading_text`).
            None if self.heading_text.is_some() => {
                if let Some(heading) = self.heading_text.as_mut() {
                    heading.text.push_str(rest);
                }
            }
            // 整改措施：一是…二是… under a problem its bracket gave out: the work the units
            // are to do, more of that task's words.
            None if measures_of_last => {
                if let Some(RawRow {
                    kind: RowKind::Task(task),
                    ..
                }) = self.table.rows.last_mut()
                {
                    task.content.push_str(rest.trim());
                }
            }
            // Prose that assigns nothing: a preamble or closing paragraph — or an item a
            // closing 上述项目由X牵头负责 gives.
            None => self.unassigned.push((rest.to_string(), here)),
        }
    }
}

/// A （一） item of sentences (（一）落实粮食播种面积。全县…52万亩以上。) whose words go on over
/// a paragraph or a few, unnumbered, before the labelled lines naming who does it, with the
/// next item (or part, or the end) straight after those: one task over those paragraphs,
/// not a group heading over a task of the last paragraph alone.
fn words_then_its_labels(all: &[(String, u32)], index: usize) -> bool {
    let item = all[index].0.trim();
    let Some((_, rest)) = numbered_label(item) else {
        return false;
    };
    let numbered = |p: &str| {
        let p = p.trim();
        TASK_NUMBER.is_match(p) || numbered_label(p).is_some() || section_heading(p).is_some()
    };
    let duty_label = |p: &str| {
        labelled(p).is_some_and(|(kind, _)| {
            matches!(
                kind,
                LabelKind::Lead | LabelKind::Support | LabelKind::Responsible
            )
        }) || duty_alone(p)
    };
    let plain = |p: &str| !numbered(p) && !has_duty(p) && labelled(p).is_none() && !duty_alone(p);
    if has_duty(item) || !crate::base::cjk::ends_sentence(rest.trim()) {
        return false;
    }
    let words_end = (index + 1..all.len())
        .find(|&j| !plain(&all[j].0))
        .unwrap_or(all.len());
    let words = words_end - index - 1;
    if !(1..=3).contains(&words) || !all.get(words_end).is_some_and(|(p, _)| duty_label(p)) {
        return false;
    }
    let labels_end = (words_end..all.len())
        .find(|&j| labelled(&all[j].0).is_none() && !duty_alone(&all[j].0))
        .unwrap_or(all.len());
    all.get(labels_end).is_none_or(|(p, _)| numbered(p))
}

/// Joins the task's words `content` to a paragraph of them after it at `here`, with the
/// mark [`paragraph_joint`] gives; a mark put in is kept in `joints`.
fn join_title(
    content: &mut String,
    here: &Location,
    joints: &mut Vec<(String, &'static str, Location)>,
) {
    let joint = paragraph_joint(content);
    if !joint.is_empty() {
        joints.push((content.trim().to_string(), joint, here.clone()));
    }
    content.push_str(joint);
}

/// The first few marks put into tasks' words, each after the end of the text before it:
/// 「…审核机制」后加「；」，… and 等 when there are more.
pub(crate) fn joints_shown(joints: &[(String, &'static str, Location)]) -> String {
    let shown: Vec<String> = (joints.iter().take(4))
        .map(|(before, joint, _)| {
            let cut = if before.chars().count() > 12 {
                "…"
            } else {
                ""
            };
            let tail = crate::ingest::text::tail_of(before, 12);
            format!("「{cut}{tail}」后加「{joint}」")
        })
        .collect();
    let more = if joints.len() > 4 { "等" } else { "" };
    format!("{}{more}", shown.join("，"))
}

/// The marks put between items' titles and their paragraphs, said once: they are printed
/// in the task's words, which the source writes on two lines.
pub(crate) fn said_joints(
    joints: &[(String, &'static str, Location)],
) -> Option<crate::base::diag::Diagnostic> {
    let (_, _, first) = joints.first()?;
    Some(
        crate::base::diag::Diagnostic::note(
            "text/joint-added",
            first.clone(),
            format!(
                "有 {} 项任务的标题单占一行、下一段接着写任务：合成一项任务时在两段之间加了标点（{}），任务分工表和任务单照此印出",
                joints.len(),
                joints_shown(joints)
            ),
        )
        .with_hint("如不需要这个标点，请在原文中把标题和下一段连成一段"),
    )
}

/// The labels naming only items' words (主要内容：), said once: the task's words are what
/// follows them, joined to the item's name.
fn said_content_labels(labels: &[(String, Location)]) -> Option<crate::base::diag::Diagnostic> {
    let (_, first) = labels.first()?;
    let mut names: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    Some(crate::base::diag::Diagnostic::note(
        "text/content-label",
        first.clone(),
        format!(
            "有 {} 项任务用「{}」标出任务内容：标签本身不写入任务内容，任务名称与内容之间以「：」相连",
            labels.len(),
            names.join("」「")
        ),
    ))
}

/// What goes between a task's words and a paragraph of them after it: nothing after a mark
/// that ends a sentence or clause; after a short title (城东道路改造项目), `：`; after a
/// longer sentence the source left open, `。`.
fn paragraph_joint(content: &str) -> &'static str {
    let content = content.trim_end();
    match content.chars().last() {
        None => "",
        Some(c) if !c.is_alphanumeric() && !matches!(c, '）' | ')' | '》' | '”') => "",
        Some(_) if content.chars().count() <= 30 => "：",
        Some(_) => "。",
    }
}

/// Whether a line carries on the words of the line above it (a hard-wrapped sentence: 和招商
/// 引资工作。, 治理，完成20个…, 基础设施。): it opens with a joining word, or its first clause
/// is a word or two — not a sentence of its own under an item's title.
pub(crate) fn runs_on(line: &str) -> bool {
    let line = line.trim_start();
    let joins = line.starts_with(['和', '及', '与', '并', '的', '等', '、', '，', '。', '；']);
    let first_clause = line
        .split(['，', '。', '；', ',', ';', '、', '（', '('])
        .next()
        .unwrap_or("");
    joins || first_clause.chars().count() <= 4
}

/// Whether every assignment parenthesis of `paragraph` names only the leaders who answer
/// for it (一、经济发展目标（牵头领导：张明、李华）): a heading's leaders, no unit's duty.
fn names_only_leaders(paragraph: &str) -> bool {
    let mut any = false;
    for caps in duty_brackets(paragraph) {
        let Some(inside) = caps.get(1) else { continue };
        let duty = parse_duty(inside.as_str());
        if !duty.leads.is_empty()
            || !duty.supports.is_empty()
            || !duty.listed.is_empty()
            || duty.person.is_none()
        {
            return false;
        }
        any = true;
    }
    any
}

/// Which tasks a standing remark speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toward {
    /// 以下任务均需…: every task after it.
    Later,
    /// 以上任务均需…: the tasks above it.
    Earlier,
}

/// The units a remark hands every task after it: `以下均需试点城市政府落实，不再列出`,
/// `以下任务均需各区市政府、开发区管委落实,不再一一列出`, `以下各项均需各市按职责分工负责`,
/// `以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出`,
/// `除专门列出外，以下任务均涉及各乡镇，不再重复`.
fn standing_units(remark: &str) -> Option<String> {
    standing_remark(remark)
        .filter(|(toward, _)| *toward == Toward::Later)
        .map(|(_, units)| units)
}

/// The units a standing remark names (以下…/以上…均需X落实), and which tasks it speaks of.
fn standing_remark(remark: &str) -> Option<(Toward, String)> {
    static STANDING: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"^(?:除[^，,；;。]{0,8}外[，,]?)?",
            // 以下任务, 以下政策措施, 以下各项重点项目: what it speaks of, a few words.
            r"以([上下])(?:各项)?(?:\p{Han}{0,4}?(?:任务|工作|事项|措施|政策|项目|举措))?(?:均|都|皆)?",
            r"(?:(?:需要?|须|要|由)",
            r"([^，,；;。]+?)(?:按照?职责(?:分工)?)?(?:负责落实|落实到位|抓好落实|落实|实施|承担|负责)",
            // Who is to do the work ends its clause: 由督查室负责跟踪督办 says what else
            // someone does.
            r"(?:[，,；;。]|$)",
            r"|涉及([^，,；;。]+))"
        ))
        .unwrap()
    });
    let caps = STANDING.captures(remark.trim())?;
    let toward = if &caps[1] == "上" {
        Toward::Earlier
    } else {
        Toward::Later
    };
    // 以上任务均需各乡镇认真落实: how they are to do it is no part of who.
    let units = crate::ingest::units::without_manner(caps.get(2).or_else(|| caps.get(3))?.as_str());
    let named = names(units);
    (!named.is_empty() && named.iter().all(|n| is_a_name(n))).then(|| (toward, units.to_string()))
}

/// `不再列出`, `不再一一列出`, `不再重复`, `下同`: the end of a standing remark.
fn is_not_listed_again(clause: &str) -> bool {
    let clause = clause.trim().trim_end_matches(['。', '.']);
    clause == "下同"
        || (clause.starts_with("不再") && (clause.ends_with("列出") || clause.ends_with("重复")))
}

/// Adds to `task` the units a remark gave every task after it, those it does not list: they
/// lead where no one does (X、Y指导), else support; in a plain list they follow its units.
fn add_standing_units(task: &mut RawTask, units: &str) {
    let listed = [
        task.lead.as_deref(),
        task.support.as_deref(),
        Some(&task.units),
    ];
    let already = |name: &String| listed.iter().flatten().any(|l| names(l).contains(name));
    let new: Vec<String> = names(units).into_iter().filter(|n| !already(n)).collect();
    if new.is_empty() {
        return;
    }
    let joined = new.join("、");
    let append = |list: &mut String| {
        if !list.trim().is_empty() {
            list.push('、');
        }
        list.push_str(&joined);
    };
    match (task.lead.as_mut(), task.support.as_mut()) {
        (Some(lead), _) if lead.trim().is_empty() => *lead = joined.clone(),
        (Some(_), Some(support)) => append(support),
        (Some(_), None) => task.support = Some(joined.clone()),
        (None, _) => append(&mut task.units),
    }
}

/// Adds to `task` its words written before its assignment parenthesis; `stop_after` when the
/// sentence's stop stands after the parenthesis, which makes it the task's own.
fn write_before_duty(task: &mut RawTask, written: &str, stop_after: bool) {
    // 、 or ， between one assignment and the next task in the same sentence is no part of
    // the next task.
    if task.content.is_empty() {
        task.content
            .push_str(written.trim_start_matches(BETWEEN_TASKS).trim_start());
    } else {
        task.content.push_str(written);
    }
    if stop_after {
        let kept = (task.content.trim_end()).trim_end_matches(['，', '；', ',', ';']);
        task.content.truncate(kept.len());
        if !task.content.ends_with(['。', '！', '？']) {
            task.content.push('。');
        }
    }
}

/// Where the last counted item of `words` starts (…。二是…。三是从严抓好安全生产。…), when
/// 一是 opens the count before it.
fn last_counted_item(words: &str) -> Option<usize> {
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"。\s*([二三四五六七八九十]{1,3}是)").unwrap()
    });
    // Items counted as sentences after a lead-in (…安排部署：一是…。二是…。); steps of one
    // task after its title (全力抓好项目建设。一是…；二是…) are all that task's.
    let first = words.find("一是")?;
    let lead_in = words[..first].trim_end();
    if !(lead_in.is_empty() || lead_in.ends_with(['：', ':'])) {
        return None;
    }
    let last = COUNTED.captures_iter(words).last()?.get(1)?.start();
    (last > first).then_some(last)
}

/// Where counted tasks start after the words leading into them on the same line (围绕改善对外
/// 交通,重点实施以下工程:一是…): at the 一是 right after a colon, no sentence or assignment
/// before it.
fn lead_in_before_ordinals(line: &str) -> Option<usize> {
    let at = line.find("一是")?;
    let before = line[..at].trim_end();
    (before.ends_with(['：', ':']) && !before.contains(['。', '；', ';']) && !has_duty(before))
        .then_some(at)
}

/// Gives `task` out by `duty`, keeping the deadline the task wrote when the duty has none.
/// `duty`, said at `at` (a sentence after the items), given to `task`: its own deadline
/// stays when the sentence gives none, and findings on its units point at the sentence.
fn assign_keeping_deadline(duty: &Duty, task: &mut RawTask, at: &Location) {
    let deadline = task.deadline.take();
    duty.assign_to(task);
    task.deadline = task.deadline.take().or(deadline);
    task.units_origin.get_or_insert_with(|| at.clone());
}

/// Who a sentence closing a list of items gives them to: `上述项目由区商务委牵头负责。`,
/// `以上工作由县发改局牵头，县财政局配合。`.
fn duty_of_items_above(paragraph: &str) -> Option<Duty> {
    let caps = ITEMS_ABOVE.captures(paragraph.trim())?;
    let duty = parse_duty(caps.get(1)?.as_str());
    let named = duty.leads.iter().chain(&duty.supports);
    (!duty.leads.is_empty() && named.into_iter().all(|n| is_a_name(n))).then_some(duty)
}

/// Items named by their numbers and who a sentence gives them to.
type NumberedDuty = (Vec<u32>, Duty);

/// `以上第2、3项工作由县城管局牵头，县公安局配合。`, `上述第1至3项由县农业农村局负责，第4项由各乡镇
/// 负责。`: the items each clause names by number, and who it gives them to. Every clause must
/// read so.
fn duty_of_numbered_items(paragraph: &str) -> Option<Vec<NumberedDuty>> {
    static CLAUSE_START: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[，,；;]\s*第").unwrap()
    });
    static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(?:以上|上述|上列)?第([0-9０-９一二三四五六七八九十、，,和及至到~～\-－—]+)(?:项|条)\p{Han}{0,4}?由(.+?(?:牵头|负责|承办|落实).*?)$").unwrap()
    });
    let text = paragraph.trim().trim_end_matches(['。', '.']);
    if !["以上", "上述", "上列"].iter().any(|w| text.starts_with(w)) {
        return None;
    }
    let mut starts: Vec<usize> = CLAUSE_START
        .find_iter(text)
        .map(|m| m.end() - '第'.len_utf8())
        .collect();
    starts.insert(0, 0);
    let mut given = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |&next| {
            text[..next]
                .trim_end_matches(|c: char| "，,；; ".contains(c))
                .len()
        });
        let caps = CLAUSE.captures(text[start..end].trim())?;
        let numbers = item_numbers(caps.get(1)?.as_str())?;
        let duty = parse_duty(caps.get(2)?.as_str());
        let named = duty.leads.iter().chain(&duty.supports);
        if duty.leads.is_empty() || !named.into_iter().all(|n| is_a_name(n)) {
            return None;
        }
        given.push((numbers, duty));
    }
    Some(given)
}

/// `2、3`, `1至3`, `二、四` → the numbers named; `None` for a range that runs backward or far.
fn item_numbers(text: &str) -> Option<Vec<u32>> {
    let number = |s: &str| {
        let digits = crate::base::cjk::ascii_digits(s.trim());
        digits
            .parse::<u32>()
            .ok()
            .or_else(|| crate::base::cjk::chinese_number(&digits))
    };
    let mut numbers = Vec::new();
    for part in text.split(['、', '，', ',', '和', '及']) {
        match part.split_once(['至', '到', '~', '～', '-', '－', '—']) {
            Some((from, to)) => {
                let (from, to) = (number(from)?, number(to)?);
                if from > to || to - from > 50 {
                    return None;
                }
                numbers.extend(from..=to);
            }
            None => numbers.push(number(part)?),
        }
    }
    Some(numbers)
}

/// True for a name a sentence about the tasks gives them to: a body's or a phrase naming
/// bodies (各乡镇, 县直各部门) — not what is to be done (县政府督查室负责跟踪督办, 于6月底前).
fn is_a_name(name: &str) -> bool {
    use crate::ingest::units::{ends_whole, looks_unspecified};
    let simple = crate::base::cjk::simplified_text(&without_aliases(name));
    let says_what_to_do = ["负责", "牵头", "配合", "落实", "督促", "结合"]
        .iter()
        .any(|w| simple.contains(w));
    // 各市, 各县区: every one of a kind of body.
    let every = simple.starts_with('各') && simple.chars().count() <= 8;
    !says_what_to_do
        && !simple.chars().any(|c| c.is_ascii_digit())
        && (every || ends_whole(&simple) || looks_unspecified(&simple))
}

/// Who a task's own words say does it, with no bracket or label: `…，由县发改局牵头，县财政局
/// 配合。`, `联席会议由省水利厅具体牵头(日常工作由厅建管处负责),省烟草局配合,…`. The role
/// ends its clause (由X负责解释 says what X does, not who does the task), the clauses naming
/// supports follow it, and every name is a body's.
fn duty_in_sentence(text: &str) -> Option<Duty> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"^(.+?)(?:具体|统一|共同|主要)?",
            r"(牵头负责|牵头落实|牵头|负责落实|负责实施|组织实施|负责)",
            // 由省水利厅具体牵头(日常工作由厅建管处负责): how the lead goes about it.
            r"(?:[（(][^（）()]*[）)])?$"
        ))
        .unwrap()
    });
    static SUPPORT: LazyLock<Regex> = LazyLock::new(|| {
        let words = crate::ingest::units::support_words_pattern();
        #[allow(clippy::unwrap_used)] // pattern built from a fixed list
        Regex::new(&format!(r"^(.+?)(?:积极|共同|密切|协同)?(?:{words})$")).unwrap()
    });
    // Read in simplified characters (由財政部牽頭), the names kept as written.
    let text = crate::base::cjk::InSimplified::new(text);
    let clauses = crate::base::cjk::split_outside_parentheses(&text.simple, |c| {
        matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':')
    });
    let mut written = Vec::new();
    let mut after_lead = false;
    for (index, (clause, before)) in clauses.into_iter().enumerate() {
        let clause = clause.trim();
        // A new sentence is none of the assignment's clauses.
        after_lead &= !matches!(before, Some('。'));
        // A text opening with who does it (由县市场监管局负责，各乡镇配合，…) is read as such
        // by the readers of parts given out and of paragraphs led by their units.
        if index == 0 && by_whom(clause).is_some_and(|(words, _)| words.is_empty()) {
            return None;
        }
        let who = by_whom(clause).map(|(_, who)| who);
        let lead = who.and_then(|who| LEAD.captures(who));
        if let Some(caps) = lead {
            written.push(format!("{}{}", text.as_written(&caps[1]), &caps[2]));
            after_lead = true;
        } else if let Some((lead, with)) = who.and_then(together_with) {
            // 由发展改革委会同农业部等部门研究提出落实意见: who, whatever the work is.
            let (lead, with) = (text.as_written(lead), text.as_written(with));
            written.push(format!("{lead}牵头，{with}配合"));
            after_lead = true;
        } else if let Some(caps) = SUPPORT.captures(clause).filter(|_| after_lead) {
            written.push(format!("{}配合", text.as_written(&caps[1])));
        } else if after_lead
            && is_deadline(clause)
            && crate::ingest::deadline::reads_as_time(clause)
        {
            // …，省烟草局配合，2016年6月底前完成。: when, as a bracket would say it.
            written.push(text.as_written(clause));
        } else {
            after_lead = false;
        }
    }
    if written.is_empty() {
        return None;
    }
    let duty = parse_duty(&written.join("，"));
    let mut named = duty.leads.iter().chain(&duty.supports);
    (!duty.leads.is_empty() && named.all(|n| is_a_name(n))).then_some(duty)
}

/// `发展改革委会同农业部、粮食局等部门研究提出落实意见`: the bodies before 会同 (who lead),
/// and the list after it up to where its last name ends (who support); the words after
/// are the work.
fn together_with(who: &str) -> Option<(&str, &str)> {
    let (lead, rest) = who.split_once("会同")?;
    if lead.is_empty() || !names(lead).iter().all(|n| is_a_name(n)) {
        return None;
    }
    // The longest opening of the list whose last name is a body's (…粮食局等部门 / 研究).
    let ends: Vec<usize> = rest
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .collect();
    let end = ends.into_iter().rev().find(|&end| {
        let list = &rest[..end];
        let last = list.rsplit(['、', '，', ',']).next().unwrap_or(list);
        last.chars().count() >= 2 && is_a_name(last) && names(list).iter().all(|n| is_a_name(n))
    })?;
    Some((lead, &rest[..end]))
}

/// `上述项目由区商务委牵头负责。`: the assignment in group 1.
static ITEMS_ABOVE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"^(?:上述|以上|上列)\p{Han}{0,6}?由(.+?(?:牵头|负责|承办).*?)[。.]?$").unwrap()
});

/// A task whose paragraph ends by giving its own items out (`（三）加强职业技能培训。第一，…；
/// 第二，…。以上工作由区人社局牵头，区财政局配合，2025年11月底前完成。`): the same paragraph
/// with that sentence as an assignment in brackets, the way the reader knows duties.
fn closing_duty_in_brackets(paragraph: &str) -> Option<String> {
    if has_duty(paragraph) {
        return None;
    }
    let body = paragraph.trim().trim_end_matches(['。', '.']);
    // 1.推进项目建设。加快推进重点项目。区发展改革局牵头，区财政局配合。: a numbered item's
    // last sentence that only names who does it, every name a body's.
    let numbered =
        TASK_NUMBER.is_match(paragraph.trim_start()) || numbered_label(paragraph).is_some();
    let sentence = body.rsplit_once('。').and_then(|(before, last)| {
        let duty = match ITEMS_ABOVE.captures(last.trim()) {
            Some(caps) => caps.get(1)?.as_str(),
            None if numbered && only_bodies_duty(last) => last.trim(),
            None => return None,
        };
        Some((before, duty))
    });
    // A sentence of its own keeps its stop; words the duty's comma closed keep none.
    let (before, stop, duty) = match sentence {
        Some((before, duty)) => (before, "。", duty),
        None if numbered => {
            let (before, duty) = duty_closing_the_sentence(body)?;
            (before, "", duty)
        }
        None => return None,
    };
    let given = !before.trim().is_empty() && !parse_duty(duty).leads.is_empty();
    given.then(|| format!("{before}{stop}（{duty}）"))
}

/// Whether `words` only say who does the work, every one named a body (县教育局负责,
/// 县农业农村局牵头，县财政局配合，2025年10月底前完成).
fn only_bodies_duty(words: &str) -> bool {
    if !super::unit_first::only_a_duty(without_deadline_clause(words)) {
        return false;
    }
    let duty = parse_duty(words);
    let named = duty.leads.iter().chain(&duty.supports);
    !duty.leads.is_empty() && named.into_iter().all(|n| is_a_name(n))
}

/// A numbered item whose one sentence closes with who does it after a comma (1.健全垃圾分类
/// 体系，县城市管理局负责; …2000户，县农业农村局牵头，县卫生健康局、县财政局配合，2025年10月
/// 底前完成): the words before and the duty — the longest run of closing clauses that only
/// names bodies and their roles (and when), after task words of their own.
fn duty_closing_the_sentence(body: &str) -> Option<(&str, &str)> {
    let commas = body
        .match_indices(['，', ','])
        .map(|(at, c)| (at, at + c.len()));
    for (at, after) in commas {
        let (before, duty) = (&body[..at], body[after..].trim());
        let words = before
            .chars()
            .filter(|c| crate::base::cjk::is_han(*c))
            .count();
        if words >= 4 && only_bodies_duty(duty) {
            return Some((before, duty));
        }
    }
    None
}

/// A paragraph closing with a bracket that speaks of the items above (…5所。（以上第1、2项由…
/// 牵头）): the words before it and the bracket's words.
fn bracket_on_items_above(paragraph: &str) -> Option<(&str, &str)> {
    let text = paragraph.trim().trim_end_matches(['。', '；', ';']);
    let inside = text.strip_suffix(['）', ')'])?;
    let open = inside.rfind(['（', '('])?;
    let words = inside[open..].trim_start_matches(['（', '(']);
    let refers = ["以上", "上述", "上列"]
        .iter()
        .any(|w| words.starts_with(w));
    let before = text[..open].trim_end();
    (refers && !before.is_empty()).then_some((before, words))
}

/// A sentence without the time clause closing it (…各乡镇配合，2026年9月底前完成 → …各乡镇配合).
fn without_deadline_clause(sentence: &str) -> &str {
    match sentence.trim().rsplit_once(['，', ',']) {
        Some((before, time)) if is_deadline(time) && time.chars().count() <= 16 => before,
        _ => sentence,
    }
}

/// Punctuation that separates a task from the assignment before it in one sentence.
const BETWEEN_TASKS: &[char] = &['。', '；', '，', '、', ',', ';', ' '];

/// What a label (牵头单位：, 协办部门：, 完成时限：, 责任领导： …) gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Lead,
    Support,
    /// 责任单位: the first listed leads, unless a lead is named elsewhere.
    Responsible,
    Deadline,
    Person,
}

/// A labelled line or clause: a short label that names a column of the division of work —
/// recognised by what it says, as a table header is ([`Column::from_header`]: 牵头单位,
/// 主责部门, 协办单位, 参与单位, 责任主体, 进度安排, 责任领导 …) — a colon, and its value.
/// 联系人 is a contact, not who answers for a task.
fn labelled(text: &str) -> Option<(LabelKind, &str)> {
    let text = text.trim();
    let colon = text.find(['：', ':'])?;
    // A numbered heading ((三)省编办牵头的工作) names no field, whatever its words.
    if numbered_label(&text[..colon]).is_some() || TASK_NUMBER.is_match(&text[..colon]) {
        return None;
    }
    // 牵头科室（单位）: what the brackets offer instead is no part of the label's word.
    let label = crate::base::cjk::without_brackets(text[..colon].trim());
    let label = label.as_str();
    let value = text[colon..].trim_start_matches(['：', ':']).trim();
    let short = (2..=8).contains(&label.chars().count());
    // Who wrote or issued the document (编制单位：某镇安委办, 发布单位：…) does none of its work.
    let authored = ["编制", "起草", "发布", "印发", "制定", "制发"]
        .iter()
        .any(|w| label.starts_with(w));
    if !short
        || !label.chars().all(crate::base::cjk::is_han)
        || label.contains("联系")
        || authored
        || ORDINAL.is_match(label)
    {
        return None;
    }
    let label = &crate::base::cjk::simplified_text(label);
    // A leading group's lines under a project: its head answers for it (组长：副县长, the
    // task's 责任领导); its members, where they are bodies, do the work (成员：城建局、土地局).
    // So does a leader named by post (责任秘书长：李振峰, 分管副市长：王五).
    if ["组长", "指挥长", "召集人"]
        .iter()
        .any(|w| label.ends_with(w))
        || (post_alone(label) && !label.ends_with("领导"))
    {
        return Some((LabelKind::Person, value));
    }
    if label == "成员" {
        return crate::ingest::units::is_units_text(value)
            .then_some((LabelKind::Responsible, value));
    }
    let kind = match Column::from_header(label)? {
        Column::Lead => LabelKind::Lead,
        Column::Support => LabelKind::Support,
        Column::Units => LabelKind::Responsible,
        Column::Deadline => LabelKind::Deadline,
        // 责任领导, 分管领导, 责任人 — not a heading's 加强组织领导：.
        Column::Person
            if ["责任", "分管", "主管", "牵头", "负责"]
                .iter()
                .any(|w| label.contains(w)) =>
        {
            LabelKind::Person
        }
        Column::Person => return None,
        Column::No | Column::Content | Column::Group => return None,
    };
    Some((kind, value))
}

/// Words a label may open with (牵头单位, 责任部门, 配合科室, 完成时限, 责任领导 …): where a
/// label written straight after a value starts (牵头单位：规建办责任单位：派出所).
const LABEL_OPENINGS: &[&str] = &[
    "牵头",
    "主责",
    "主要责任",
    "主办",
    "配合",
    "协同",
    "协作",
    "协办",
    "参与",
    "协助",
    "责任",
    "实施单位",
    "承办",
    "完成",
    "时限",
    "期限",
    "分管",
    "主管",
];

/// A clause cut where a further label starts inside its value, with a space before it or
/// none (牵头单位：规建办 责任单位：派出所, 牵头单位：规建办责任单位：派出所): each part
/// one label. The label is the leftmost run before a later colon that opens with a label's
/// word and reads as a label — a name holding such a word (区协同创新中心) is too long to be
/// one.
fn split_at_inner_labels(clause: &str) -> Vec<&str> {
    let past = |at: usize| at + clause[at..].chars().next().map_or(1, char::len_utf8);
    let mut parts = Vec::new();
    let mut start = 0;
    let Some(first) = clause.find(['：', ':']) else {
        return vec![clause];
    };
    let mut from = past(first);
    while let Some(colon) = clause[from..].find(['：', ':']).map(|at| from + at) {
        let before = &clause[from..colon];
        let label_at = before
            .char_indices()
            // At 0 the label before is empty (牵头领导：责任部门：…): it is cut there too.
            .filter(|(at, _)| LABEL_OPENINGS.iter().any(|w| before[*at..].starts_with(w)))
            .map(|(at, _)| from + at)
            .find(|at| labelled(&clause[*at..]).is_some());
        if let Some(at) = label_at {
            parts.push(clause[start..at].trim_end());
            start = at;
        }
        from = past(colon);
    }
    parts.push(&clause[start..]);
    parts
}

/// A labelled clause: its kind, the clause as written, and its value.
type Labelled<'a> = (LabelKind, &'a str, &'a str);

/// The labelled clauses of a line that opens with a label, as (kind, clause, value): a line
/// may carry several, set apart by ；, a comma or spaces (完成时限：10月底前；责任领导：刘建国,
/// 牵头单位：甲　配合单位：乙, 牵头单位：甲，配合单位：乙; a Word paragraph's line break
/// reaches here as a space). Text after a separator that opens no label goes on with the
/// value before it.
fn label_clauses(line: &str) -> Option<Vec<Labelled<'_>>> {
    static BETWEEN_LABELS: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[；;，,。]\s*|\s+").unwrap()
    });
    let line = line.trim();
    labelled(line)?;
    let mut clauses = Vec::new();
    let mut start = 0;
    for cut in BETWEEN_LABELS.find_iter(line) {
        if labelled(&line[cut.end()..]).is_some() {
            clauses.push(&line[start..cut.start()]);
            start = cut.end();
        }
    }
    clauses.push(&line[start..]);
    clauses
        .into_iter()
        .flat_map(split_at_inner_labels)
        .map(|clause| labelled(clause).map(|(kind, value)| (kind, clause.trim(), value)))
        .collect()
}

/// A labelled line under a numbered task.
fn apply_label(task: &mut RawTask, kind: LabelKind, value: &str) {
    let units = names(value);
    let listed = joined_as_written(&units, value);
    match kind {
        LabelKind::Lead => task.lead = Some(listed),
        // Beside a 责任单位 line whose first unit leads, the others support too.
        LabelKind::Support => match task.support.as_mut().filter(|s| !s.is_empty()) {
            Some(support) => {
                support.push('、');
                support.push_str(&listed);
            }
            None => task.support = Some(listed),
        },
        LabelKind::Responsible => {
            // Without a 牵头单位 line the marked, or else the first listed, leads.
            // A plain 责任单位 cell: the plan's rule decides who leads, and says so.
            if task.lead.is_none() {
                let value = without_role_note(value.trim().trim_end_matches(['。', '；', ';']));
                task.units = value.trim_end_matches(['。', '；', ';']).to_string();
            } else {
                task.support = Some(listed);
            }
        }
        LabelKind::Deadline => task.deadline = Some(value.to_string()),
        // 牵头负责领导:金力。: the sentence's stop is no part of the name. 组长 then 副组长:
        // both, in order.
        LabelKind::Person if value.trim().trim_end_matches(['。', '；', ';']).is_empty() => {}
        LabelKind::Person => {
            let person = value.trim().trim_end_matches(['。', '；', ';']);
            task.person = Some(match task.person.take() {
                Some(before) if !before.is_empty() => format!("{before}、{person}"),
                _ => person.to_string(),
            });
        }
    }
}

/// A units list without the note on how it gives roles that closes it (`市发改委、市财政局
/// （第一责任单位为牵头单位，下同）`): the note is the plan's rule, quoted where the lead
/// is said to be the first listed, never printed as part of the list.
fn without_role_note(value: &str) -> &str {
    let Some(open) = value.rfind(['（', '(']) else {
        return value;
    };
    let note = &value[open..];
    let closed = note.ends_with(['）', ')']);
    if closed && crate::ingest::units::is_role_note(note) {
        value[..open].trim_end()
    } else {
        value
    }
}

/// Ends the pending task: kept, numbered, when someone was assigned to it — or when it has
/// a number of its own among the tasks (the plan lists it; the check says it has no unit).
/// Text that is neither is listed as left out, never dropped without a word.
fn finish(
    pending: &mut Option<(RawTask, Location)>,
    numbered: bool,
    table: &mut RawTable,
    next_no: &mut u32,
) {
    let Some((mut task, origin)) = pending.take() else {
        return;
    };
    task.content = tidy_content(&task.content);
    if task.deadline.is_none()
        && let Some((content, deadline)) = deadline_bracket_at_end(&task.content)
            .or_else(|| deadline_sentence_at_end(&task.content))
    {
        task.deadline = Some(deadline);
        task.content = content;
    }
    if task.deadline.is_none() {
        task.deadline = deadline_opening_the_only_sentence(&task.content)
            .or_else(|| deadline_closing_the_only_sentence(&task.content));
    }
    let assigned = task.is_assigned();
    let listed = numbered && *next_no > 1 && !task.content.is_empty();
    if !(assigned || listed) {
        if !task.content.is_empty() {
            table.left_out.push((task.content, origin));
        }
        return;
    }
    task.no = next_no.to_string();
    *next_no += 1;
    table.rows.push(RawRow {
        kind: RowKind::Task(Box::new(task)),
        origin,
    });
}

/// `整治背街小巷环境卫生。（完成时限：2026年9月底前）`: a closing parenthesis that holds only the
/// task's labelled deadline, the units given elsewhere (a sentence after the tasks): the
/// words before it, and the deadline.
fn deadline_bracket_at_end(content: &str) -> Option<(String, String)> {
    static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"(?:[（(][^（）()]+[）)]|【[^【】]+】|\[[^\[\]]+\])[。.]?$").unwrap()
    });
    let bracket = CLOSING.find(content)?;
    let deadline = deadline_bracket(bracket.as_str())?;
    let before = content[..bracket.start()].trim_end();
    (!before.is_empty()).then(|| (before.to_string(), deadline))
}

/// `…依法下放一批行政许可事项。2024年9月底前完成。`: a last sentence that says only when
/// is the whole task's time, as a bracket there would be — the words before it, and it.
fn deadline_sentence_at_end(content: &str) -> Option<(String, String)> {
    let body = content.trim_end().strip_suffix('。')?;
    let (before, last) = body.rsplit_once('。')?;
    let last = last.trim();
    let short = (2..=16).contains(&last.chars().count());
    (short && !before.trim().is_empty() && crate::ingest::deadline::says_only_a_time(last))
        .then(|| (format!("{}。", before.trim_end()), last.to_string()))
}

/// `2018年6月底前完成市区国有企业改革方案。`: a task of one sentence that opens by saying when
/// — the time is the whole task's. The sentence stays the task's text.
fn deadline_opening_the_only_sentence(content: &str) -> Option<String> {
    static OPENING_TIME: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|中旬|上旬|下旬)?前").unwrap()
    });
    let body = content.trim().trim_end_matches(['。', '.']);
    if body.contains(['。', '；', ';']) {
        return None;
    }
    let time = OPENING_TIME.find(body)?.as_str();
    let said = time.chars().count() >= 3 && body.len() > time.len();
    (said && crate::ingest::deadline::says_only_a_time(time)).then(|| time.to_string())
}

/// `实施背街小巷整治30条,9月底前完成。`: a task of one sentence whose last clause says only
/// when it is done, no other time before it — the time is the whole task's. The sentence
/// stays the task's text.
fn deadline_closing_the_only_sentence(content: &str) -> Option<String> {
    static CLOSING_TIME: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"^((?:\d{4}\s*年)?(?:\d{1,2}\s*月)?(?:年?底|末|中旬|上旬|下旬|年内)?前?)",
            r"(?:全面|基本)?(?:完成|建成\p{Han}{0,2}|完工|竣工|到位|投用|投运|投入使用)$"
        ))
        .unwrap()
    });
    let body = content.trim().trim_end_matches(['。', '.']);
    if body.contains(['。', '；', ';']) {
        return None;
    }
    let (before, last) = body.rsplit_once(['，', ','])?;
    let time = CLOSING_TIME.captures(last.trim())?.get(1)?.as_str();
    let read = crate::ingest::deadline::parse_deadline(time, Some(2000)).is_some();
    (read && !crate::ingest::deadline::reads_as_time(before)).then(|| time.to_string())
}

/// The deadline a parenthesis holds and nothing else: `（完成时限：2026年9月底前）`.
fn deadline_bracket(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches(['。', '.']);
    let inside = text
        .strip_prefix(['（', '(', '【', '['])?
        .strip_suffix(['）', ')', '】', ']'])?;
    match labelled(inside)? {
        (LabelKind::Deadline, value) if is_deadline(value) => Some(value.to_string()),
        _ => None,
    }
}

/// The number a task's mark writes (`12.`, `12、`, `（12）` → 12); none for ① or 一是.
fn written_number(mark: &str) -> Option<u32> {
    let digits: String = mark.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Tasks numbered on through the document (1. … 45., never starting again under a heading)
/// keep the numbers they are written with when those differ from their order — a numbered
/// item that assigns no work (1.目标。… under 一、总体目标) would otherwise move every number
/// after it by one, and 第18项 of the plan would be 17 in the table. Says so, naming the
/// numbers that are no task.
fn keep_written_numbers(
    table: &mut RawTable,
    paragraphs: &[(String, u32)],
) -> Option<crate::base::diag::Diagnostic> {
    let tasks: Vec<(u32, Location)> = table
        .rows
        .iter()
        .filter_map(|r| match &r.kind {
            RowKind::Task(t) => Some((t.written_no?, r.origin.clone())),
            _ => None,
        })
        .collect();
    let count = table
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Task(_)))
        .count();
    let rising = tasks.windows(2).all(|w| w[0].0 < w[1].0);
    let differ = tasks
        .iter()
        .enumerate()
        .any(|(i, (n, _))| *n != i as u32 + 1);
    if tasks.len() != count || count < 2 || !rising || !differ {
        return None;
    }
    for row in &mut table.rows {
        if let RowKind::Task(task) = &mut row.kind
            && let Some(n) = task.written_no
        {
            task.no = n.to_string();
        }
    }
    let numbers: Vec<u32> = tasks.iter().map(|(n, _)| *n).collect();
    let last = numbers.last().copied().unwrap_or(0);
    // The numbers the text's items are written with; one it never writes was not copied (a
    // plan read from its 12th item on).
    let written: Vec<u32> = (paragraphs.iter())
        .filter_map(|(text, _)| {
            let number = TASK_NUMBER.find(text.trim())?;
            written_number(number.as_str())
        })
        .collect();
    let (held, absent): (Vec<u32>, Vec<u32>) = (1..=last)
        .filter(|n| !numbers.contains(n))
        .partition(|n| written.contains(n));
    let place = tasks.first().map(|(_, o)| o.clone())?;
    let mut said = format!("任务沿用原文的编号（{}—{}）", numbers[0], last);
    if !held.is_empty() {
        let held = crate::base::number::task_list(held.iter().copied());
        said.push_str(&format!("；原文第 {held} 条没有写明责任单位，不作为任务"));
    }
    if !absent.is_empty() {
        let absent = crate::base::number::task_list(absent.iter().copied());
        said.push_str(&format!(
            "；读入的文字中没有第 {absent} 条（可能没有复制完整）"
        ));
    }
    Some(crate::base::diag::Diagnostic::note(
        "plan/numbers-as-written",
        place,
        said,
    ))
}

/// A task written with the same number as the one before it in its part (`12.` twice): read
/// as a task of its own and numbered on, which moves every later number by one, so said.
fn repeated_numbers(table: &RawTable) -> Vec<crate::base::diag::Diagnostic> {
    let mut said = Vec::new();
    // The number and kind of mark (12. or （12）) of the task before.
    let mut previous: Option<(u32, Marker)> = None;
    for row in &table.rows {
        match &row.kind {
            RowKind::Section { .. } => previous = None,
            RowKind::Task(task) => {
                let this = task
                    .written_no
                    .zip(task.written_mark.as_deref().map(Marker::of));
                if let (Some((n, mark)), Some(before)) = (this, previous)
                    && (n, mark) == before
                {
                    said.push(crate::base::diag::Diagnostic::warning(
                        "plan/repeated-number",
                        row.origin.clone(),
                        format!(
                            "原文有两条都编为第 {n} 条；这一条按顺序作为第 {} 项任务，其后的编号依次顺延",
                            task.no
                        ),
                    ).with_hint("请核对原文编号；如是笔误，发布的任务表已按顺序重新编号"));
                }
                previous = this.or(previous);
            }
            RowKind::Label(_) => {}
        }
    }
    said
}

/// Who a section heading says leads its work: `县示范区管委会牵头工作（8项）`,
/// `区发改委、区财政局牵头` → the units before 牵头; `None` for any other heading.
/// Who does a group's items when its heading names them: as a section's heading does (X牵头
/// 工作), or by a body's name alone with the count of its items (鹿城镇（14个）, 县教育局（5项）)
/// — a 督查通报's problems listed under whoever is to mend them.
/// The group label a task written as a （N） heading with its title (（一）强化资金保障。用好…)
/// would have: `（一）强化资金保障`.
fn group_title(task: &RawTask) -> Option<String> {
    let mark = task.written_mark.as_deref()?;
    let chinese = |c: char| "一二三四五六七八九十".contains(c);
    if !mark.starts_with('（') || !mark.chars().nth(1).is_some_and(chinese) || task.label.is_some()
    {
        return None;
    }
    let (end, _) = super::text::heading_title_end(&task.content)?;
    let title = &task.content[..end];
    (!has_duty(title)).then(|| format!("{mark}{}", tidy_spacing(title)))
}

fn group_heading_lead(title: &str) -> Option<String> {
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"^(\p{Han}{2,20}?)\s*[（(]\s*共?\s*\d{1,3}\s*[个项处条件](?:问题)?\s*[）)]$")
            .unwrap()
    });
    // Those who mend what a 督查 found: a town, a street, a bureau, a committee — not a
    // place the problems are at (城东片区, 市民服务中心, 老旧小区).
    const MENDERS: &[&str] = &[
        "镇",
        "乡",
        "街道",
        "办事处",
        "局",
        "委",
        "办",
        "管委会",
        "政府",
        "社区",
        "村",
        "公司",
    ];
    heading_lead(title).or_else(|| {
        let name = COUNTED.captures(title.trim())?.get(1)?.as_str();
        let simple = crate::base::cjk::simplified_text(name);
        MENDERS
            .iter()
            .any(|e| simple.ends_with(e))
            .then(|| name.to_string())
    })
}

fn heading_lead(title: &str) -> Option<String> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(
            r"^(.+?)(?:牵头|负责)(?:的)?(?:工作|任务|事项)?\s*(?:[（(]\s*\d+\s*项\s*[）)])?[。.]?$",
        )
        .unwrap()
    });
    let who = LEAD.captures(title.trim())?.get(1)?.as_str().trim();
    let units = names(who);
    let plausible = !units.is_empty()
        && units
            .iter()
            .all(|u| u.chars().count() <= 20 && !u.contains(['，', ',', '。']));
    plausible.then(|| units.join("、"))
}

/// A 一、 line's words after its numeral and the mark after that.
fn after_numeral(line: &str, numeral: &str) -> String {
    let line = line.trim_start();
    line[line.find(numeral).map_or(0, |at| at + numeral.len())..]
        .trim_start_matches(['、', '，', ',', '.', '．', ' '])
        .to_string()
}

/// A part's heading closing with who leads its work in brackets and nothing else there (一、
/// 扩大有效投资政策（由县发改局牵头实施）): its numeral, its title as written (the brackets
/// print with it: the plan's words), and the duty. A title that is a sentence, or brackets
/// that also say who supports or by when, are a task's.
fn heading_with_its_lead(paragraph: &str) -> Option<(String, String, Duty)> {
    let (numeral, title) = section_heading(&tidy_spacing(paragraph))?;
    // A part's lead alone goes to its items (see `section_lead`).
    let duty = title_with_its_lead(&title)
        .filter(|duty| duty.supports.is_empty() && duty.deadline.is_none())?;
    Some((numeral, title, duty))
}

/// The duty of a heading's title that closes with who leads in brackets and says nothing
/// else there (扩大有效投资政策（由县发改局牵头实施）, 老旧小区改造（牵头单位：区住建委；
/// 配合单位：各街镇）); `None` for a title that is a sentence.
fn title_with_its_lead(title: &str) -> Option<Duty> {
    let caps = duty_brackets(title).last()?;
    let (whole, inside) = (caps.get(0)?, caps.get(1)?);
    let words = title[..whole.start()].trim();
    let duty = parse_duty(inside.as_str());
    // Its helpers and deadline go to its items with its lead.
    let names_a_lead =
        !duty.leads.is_empty() && duty.remark.is_none() && duty.leads.iter().all(|n| is_a_name(n));
    let a_title = (2..=40).contains(&words.chars().count()) && !words.contains(SENTENCE_MARKS);
    (names_a_lead && a_title && title[whole.end()..].trim().is_empty()).then_some(duty)
}

/// A section heading with a summary after it on the same line that assigns no work
/// (`五、加强公共服务设施建设。改建菜市场4家；…`): its numeral and title.
fn heading_over_summary(line: &str) -> Option<(String, String)> {
    let end = line.find('。')? + '。'.len_utf8();
    let (head, rest) = (&line[..end], line[end..].trim());
    let summary = !rest.is_empty() && !has_duty(rest) && !TASK_NUMBER.is_match(rest);
    section_heading(&tidy_spacing(head)).filter(|_| summary)
}

/// A heading's title run into the sentence after it with no stop between (二、责任主体及工作
/// 分工按照上述原则，明确…): the title alone, up to the word that opens the sentence — a
/// clause opening with 按照, 根据, 围绕 … and closed by a comma. The sentence stays in the
/// plan's text; the title names the part. `None` for a title that is one phrase.
fn title_before_its_sentence(title: &str) -> Option<String> {
    const OPENINGS: &[&str] = &[
        "按照",
        "根据",
        "依据",
        "围绕",
        "结合",
        "对照",
        "坚持",
        "通过",
        "为了",
        "为进一步",
    ];
    let comma = title.find(['，', ','])?;
    let clause = &title[..comma];
    let (at, _) = OPENINGS
        .iter()
        .filter_map(|w| clause.find(w).map(|at| (at, w)))
        .filter(|(at, _)| clause[..*at].chars().count() >= 4)
        .min_by_key(|(at, _)| *at)?;
    Some(title[..at].trim().to_string())
}

/// A section heading with text after it on the same line: `一、夯实基础。一是…（…牵头）`
/// → (`一、夯实基础。`, the rest), when the rest assigns work.
/// A rest that is only the assignment (`一、对…予以倾斜。（区发展改革委负责）`) assigns the
/// sentence before it: the line is one task numbered at the 一、 level, not a heading.
fn split_heading(line: &str) -> Option<(String, String)> {
    let end = line.find('。')? + '。'.len_utf8();
    let (head, rest) = (&line[..end], line[end..].trim());
    let only_assignment = first_duty(rest).is_some_and(|m| {
        m.start() == 0 && rest[m.end()..].trim_matches(['。', '；']).trim().is_empty()
    });
    // 二、各单位工作总结报告由党政办公室汇总存档。请于…报送。（牵头单位：…）: a sentence, not
    // a title, before one task's words is that task's — the line is one item of its level.
    let title = section_heading(&tidy_spacing(head)).map(|(_, title)| title);
    let headed = title.as_ref().is_some_and(|title| {
        title.chars().count() <= 12
            || brackets_side_by_side(rest).len() >= 2
            || ORDINAL.is_match(rest.trim_start())
    });
    (title.is_some() && headed && has_duty(rest) && !only_assignment)
        .then(|| (head.to_string(), rest.to_string()))
}

/// The content of a task: its text without the number, ending with its full stop.
fn tidy_content(text: &str) -> String {
    let text = text
        .trim()
        .trim_start_matches(['；', '，', '。', ';', ','])
        .trim();
    let text = TASK_NUMBER.replace(text, "");
    let text = match refers_to_items(text.trim()) {
        true => std::borrow::Cow::Borrowed(text.trim()),
        false => PART_NUMBER.replace(text.trim(), ""),
    };
    // 一是 opens one of several tasks; a task holding 一是…；二是… keeps them as written.
    static MORE_ORDINALS: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"[；;，,。]\s*[二三四五六七八九十]是").unwrap()
    });
    let text: String = if MORE_ORDINALS.is_match(&text) {
        text.into_owned()
    } else {
        ORDINAL.replace(text.trim(), "").into_owned()
    };
    // As written: no stop is added where the source has none.
    text.trim().trim_end_matches(['，', '；']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_ending_on_who_does_it_is_whole() {
        assert!(ends_with_a_duty(
            "（二）发放消费券2000万元。（责任单位：区商务局牵头，区财政局配合）"
        ));
        assert!(ends_with_a_duty("完成改造。（牵头单位：区住建局）。"));
        assert!(!ends_with_a_duty("（二）发放消费券2000万元，撬动消费"));
        assert!(!ends_with_a_duty(
            "（责任单位：区商务局牵头）做好后续工作，"
        ));
        assert!(!ends_with_a_duty(
            "以上。（责任单位：区投资促进局牵头，区发展和改革局、区财政局"
        ));
    }

    #[test]
    fn leaders_answering_for_a_task_are_named_by_their_post() {
        assert_eq!(
            leaders_answering("由鲁国会、郑忠安副厅长分别负责").as_deref(),
            Some("鲁国会、郑忠安副厅长")
        );
        assert_eq!(
            leaders_answering("由金国兴总工负责").as_deref(),
            Some("金国兴总工")
        );
        // A body answering is a unit's duty, no leader's.
        assert_eq!(leaders_answering("由区水利厅负责"), None);
        assert_eq!(leaders_answering("污染防治处落实"), None);
    }

    #[test]
    fn a_numbered_line_under_a_bare_label_is_no_value_of_it() {
        // 主要措施 heads the groups under it: (一) stays their first heading.
        let text = "某市2023年乡村振兴实施方案\n主要措施\n(一)保障粮食安全\n\
                    1.抓好粮食生产。(牵头单位:市农业农村局)\n(二)加强基础设施建设\n\
                    2.加强耕地保护。(牵头单位:市自然资源局)\n";
        let table = parse(text, "t.md").unwrap();
        let labels: Vec<&str> = (table.rows.iter())
            .filter_map(|r| match &r.kind {
                RowKind::Label(label) => Some(label.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["（一）保障粮食安全", "（二）加强基础设施建设"]);
        assert_eq!(table.tasks().count(), 2);
    }

    #[test]
    fn lists_of_offices_after_each_sentence_close_a_task_each() {
        let text = "某部2019年政务公开工作要点实施方案\n一、加强信息公开\n\
                    实时发布环境空气质量数据。(监测司、大气司) 公开近岸海域水质信息。(海洋司) \
                    公布二氧化碳排放信息。(气候司)\n";
        let table = parse(text, "t.txt").unwrap();
        let tasks: Vec<(&str, &str)> = table
            .tasks()
            .map(|t| (t.content.trim(), t.units.as_str()))
            .collect();
        assert_eq!(
            tasks,
            [
                ("实时发布环境空气质量数据。", "监测司、大气司"),
                ("公开近岸海域水质信息。", "海洋司"),
                ("公布二氧化碳排放信息。", "气候司"),
            ]
        );
        // Named by kind only, still who does it: the table prints it.
        let kinds = "某部工作安排\n一、加强公开\n1.及时公开目标任务进展。(各有关部门)\n\
                     2.公布城市空气质量。(监测司)\n";
        let table = parse(kinds, "t.txt").unwrap();
        let units: Vec<&str> = table.tasks().map(|t| t.units.as_str()).collect();
        assert_eq!(units, ["各有关部门", "监测司"]);
        // A parenthesis inside a sentence (城市(含县城)) closes nothing.
        let one = "推进城市(含县城)更新改造。提升服务水平。(市住建局)";
        assert_eq!(duty_brackets(one).count(), 1);
    }

    #[test]
    fn a_bracket_on_the_line_under_a_paragraph_closes_it() {
        let text = "某市2021年重点工作分工方案\n\
                    着力维护社会稳定。深入开展反分裂斗争,加快推进重点项目。\n\
                    (牵头单位:市委政法委;配合单位:市公安局)\n\
                    着力巩固边防。推进边境小康村建设。(牵头单位:市委边境办)\n";
        assert!(duty_alone("(牵头单位:市委政法委;配合单位:市公安局)"));
        assert!(!duty_alone("推进建设。(牵头单位:市委边境办)"));
        let table = parse(text, "t.txt").unwrap();
        let tasks: Vec<&RawTask> = table.tasks().collect();
        assert_eq!(tasks.len(), 2);
        assert_eq!(
            tasks[0].content,
            "着力维护社会稳定。深入开展反分裂斗争,加快推进重点项目。"
        );
        assert_eq!(tasks[0].lead.as_deref(), Some("市委政法委"));
    }

    #[test]
    fn a_bracket_that_only_mentions_a_role_word_names_no_one() {
        assert!(!names_anyone("须综合责任单位情况"));
        assert!(names_anyone("区发改委牵头，区财政局配合"));
        assert!(names_anyone("各乡镇按职责分工负责"));
        assert!(names_anyone("牵头单"));
        assert!(!has_duty("将半年进展(须综合责任单位情况)报区政府督查室"));
    }

    #[test]
    fn a_sentence_that_says_who_does_it() {
        let duty = duty_in_sentence(
            "联席会议由省水利厅具体牵头(日常工作由厅建管处负责),省烟草局配合,同时要求三市也相应建立联席会议制度。",
        )
        .expect("read");
        assert_eq!(duty.leads, ["省水利厅"]);
        assert_eq!(duty.supports, ["省烟草局"]);
        // As the State Council's notices write it, in either script.
        let duty = duty_in_sentence(
            "(二)關於“嚴守耕地保護紅線”的問題,由國土資源部會同農業部等部門負責落實。",
        )
        .expect("read");
        assert_eq!(duty.leads, ["國土資源部"]);
        assert_eq!(duty.supports, ["農業部等部門"]);
        let duty = duty_in_sentence(
            "关于价格的问题,由发展改革委、财政部会同农业部、粮食局等部门研究提出具体意见,2014年6月底前报国务院。",
        )
        .expect("read");
        assert_eq!(duty.leads, ["发展改革委", "财政部"]);
        assert_eq!(duty.supports, ["农业部", "粮食局等部门"]);
        assert_eq!(duty.deadline.as_deref(), Some("2014年6月底前报国务院"));
        let duty = duty_in_sentence("(三)关于补偿的问题，由财政部牵头，发展改革委、农业部参加。")
            .expect("read");
        assert_eq!(duty.leads, ["财政部"]);
        assert_eq!(duty.supports, ["发展改革委", "农业部"]);
        let duty = duty_in_sentence("推进老旧小区改造，由区住建委牵头负责。").expect("read");
        assert_eq!(duty.leads, ["区住建委"]);
        assert!(duty.supports.is_empty());
        // A role with more words after it says what the body does, not who does the task;
        // a support named apart from any lead, a post, or a word that is no body's are none.
        for none in [
            "本方案由区发改委负责解释。",
            "领导小组办公室设在区发改委，由区发改委牵头负责日常工作。",
            "区财政局配合做好资金保障。",
            "成立由分管副区长牵头的工作专班。",
            "所需经费由财政负责。",
            // Opening with who: the unit-first and parts-given-out readers' to read.
            "由县市场监管局负责，各乡镇配合。",
        ] {
            assert!(duty_in_sentence(none).is_none(), "{none}");
        }
    }

    #[test]
    fn items_named_by_number_and_who_gets_them() {
        let given = duty_of_numbered_items(
            "上述第1至3项由县农业农村局牵头负责，第4项由各乡镇人民政府负责。",
        )
        .expect("read");
        assert_eq!(given.len(), 2);
        assert_eq!(given[0].0, [1, 2, 3]);
        assert_eq!(given[0].1.leads, ["县农业农村局"]);
        assert_eq!(given[1].0, [4]);
        assert_eq!(item_numbers("二、四"), Some(vec![2, 4]));
        assert_eq!(item_numbers("5至2"), None);
        // A sentence about the items' timing, or one with no number, is none.
        assert!(duty_of_numbered_items("以上第2项需于6月底前完成。").is_none());
        assert!(duty_of_numbered_items("以上工作由县城管局牵头负责。").is_none());
    }

    #[test]
    fn labels_after_a_sentence_start_where_the_sentence_ends() {
        let at = |t: &str| trailing_labels_at(t).map(|at| t[at..].to_string());
        assert_eq!(
            at("1.整治占道经营。责任单位：县城管局。完成时限：6月底前。").as_deref(),
            Some("责任单位：县城管局。完成时限：6月底前。")
        );
        // Inside brackets, a date alone, and prose with a colon are none.
        assert_eq!(
            at("1.加装电梯。[牵头单位:县住建局;责任单位:县财政局]"),
            None
        );
        assert_eq!(at("1.整治占道经营。完成时限：6月底前。"), None);
        assert_eq!(at("各单位要高度重视。具体要求如下：加强领导。"), None);
    }

    #[test]
    fn a_leaders_post_with_or_without_the_name() {
        for post in [
            "分管副县长",
            "县委书记",
            "李四副市长",
            "副市长李四",
            "市政府主要领导",
        ] {
            assert!(is_post(post), "{post}");
        }
        for body in ["市住建局", "县长途汽车站", "副市长办公室"] {
            assert!(!is_post(body), "{body}");
        }
        let rest = |words| super::super::unit_first::after_leader(words);
        assert_eq!(
            rest("由副市长李四负责，市住建局牵头。"),
            Some("市住建局牵头。")
        );
        assert_eq!(
            rest("由市政府主要领导负总责,各区政府配合"),
            Some("各区政府配合")
        );
        assert_eq!(rest("由市住建局负责，市财政局配合"), None);
    }

    #[test]
    fn a_bodys_other_name_in_brackets_is_part_of_its_name() {
        assert_eq!(
            without_aliases("市委组织部（市人才办），市人社局"),
            "市委组织部，市人社局"
        );
        assert!(is_a_name("市委组织部（市人才办）"));
        // Brackets holding no name stay.
        assert_eq!(
            without_aliases("县城管局（6月底前）"),
            "县城管局（6月底前）"
        );
        assert!(
            trailing_labels_at("1.引进人才。责任单位：市委组织部（市人才办），市人社局。")
                .is_some()
        );
        assert!(trailing_labels_at("1.引进人才。责任单位：县城管局。（2026年6月底前）").is_none());
    }

    #[test]
    fn a_unit_per_line_says_its_role() {
        assert_eq!(unit_and_role("县水利局：牵头"), Some(("县水利局", true)));
        assert_eq!(unit_and_role("县住建局（配合）"), Some(("县住建局", false)));
        assert_eq!(unit_and_role("工作要求：牵头"), None);
        assert_eq!(unit_and_role("县水利局：负责城区防洪堤修复"), None);
    }

    #[test]
    fn a_closing_parenthesis_holding_only_a_deadline_is_the_deadline() {
        assert_eq!(
            deadline_bracket_at_end("整治背街小巷环境卫生。（完成时限：2026年9月底前）"),
            Some((
                "整治背街小巷环境卫生。".to_string(),
                "2026年9月底前".to_string()
            ))
        );
        assert_eq!(
            deadline_bracket_at_end("整治背街小巷。(时限:长期坚持)。").map(|(_, d)| d),
            Some("长期坚持".to_string())
        );
        // Units, a note, or a label that is no deadline: not this.
        assert_eq!(
            deadline_bracket_at_end("整治背街小巷。（牵头单位：县城管局）"),
            None
        );
        assert_eq!(deadline_bracket_at_end("完成（含续建）项目10个"), None);
        // The brackets deadline_bracket reads are the brackets found at the end.
        assert_eq!(
            deadline_bracket_at_end("整治背街小巷。【完成时限：2026年9月底前】").map(|(_, d)| d),
            Some("2026年9月底前".to_string())
        );
        assert_eq!(deadline_bracket_at_end("（完成时限：2026年9月底前）"), None);
        assert_eq!(
            deadline_sentence_at_end("下放一批县级行政许可事项。2024年9月底前完成。"),
            Some((
                "下放一批县级行政许可事项。".to_string(),
                "2024年9月底前完成".to_string()
            ))
        );
        // A time inside the task's words is that part's, not the task's.
        assert_eq!(
            deadline_sentence_at_end("建成数据平台。2024年底前实现证照互认共享。"),
            None
        );
        assert_eq!(deadline_sentence_at_end("2024年9月底前完成。"), None);
        let opening = deadline_opening_the_only_sentence;
        assert_eq!(
            opening("2018年6月底前完成市区国有企业改革方案。").as_deref(),
            Some("2018年6月底前")
        );
        assert_eq!(opening("6月底前完成方案编制;年底前完成验收。"), None);
        let closing = deadline_closing_the_only_sentence;
        assert_eq!(
            closing("实施背街小巷整治30条,9月底前完成").as_deref(),
            Some("9月底前")
        );
        assert_eq!(
            closing("实施快速化改造二期工程，2023年10月底前建成通车。").as_deref(),
            Some("2023年10月底前")
        );
        // A time that is one step's among others, or words after it, is no task's deadline.
        assert_eq!(closing("6月底前完成方案编制，年底前完成验收。"), None);
        assert_eq!(closing("推进改造，9月底前完成主体工程。"), None);
        assert_eq!(opening("前期工作全部完成。"), None);
    }

    #[test]
    fn units_working_with_others_lead_them() {
        // A sentence after the list's full stop is a remark, not more units.
        let d = parse_duty(
            "牵头单位:市行政审批服务局;责任单位:市直有关部门、单位,各区市政府、开发区管委。以下任务均需各区市政府、开发区管委落实,不再一一列出",
        );
        assert_eq!(d.leads, ["市行政审批服务局"]);
        assert!(
            !d.supports
                .iter()
                .any(|s| s.contains("以下") || s.contains("列出"))
        );
        assert_eq!(
            d.remark.as_deref(),
            Some("以下任务均需各区市政府、开发区管委落实,不再一一列出")
        );
        let d = parse_duty("区民政局牵头。2025年底前完成");
        assert_eq!(d.deadline.as_deref(), Some("2025年底前完成"));
        assert_eq!(d.remark, None);
        let d = parse_duty("国家发展改革委、财政部会同有关部门负责");
        assert_eq!(d.leads, ["国家发展改革委", "财政部"]);
        assert_eq!(d.supports, ["有关部门"]);
        // A phrase naming nobody listed first leads no one: the first body after it does.
        let d = parse_duty("各有关部门和单位、区邮政分公司负责");
        assert_eq!(d.leads, ["区邮政分公司"]);
        assert_eq!(d.supports, ["各有关部门和单位"]);
    }

    #[test]
    fn numbered_fields_join_their_item_only_as_a_whole_pattern() {
        let lines = |texts: &[&str]| -> Vec<(String, u32)> {
            texts
                .iter()
                .enumerate()
                .map(|(n, t)| (t.to_string(), n as u32 + 1))
                .collect()
        };
        let read = fields_into_their_item(lines(&[
            "（一）道路项目",
            "1、任务",
            "修建城东道路。",
            "2、领导小组",
            "组长：副县长",
            "成员单位：交通局",
        ]));
        let expected = [
            ("（一）道路项目。任务：修建城东道路。", 1),
            ("组长：副县长", 5),
            ("成员单位：交通局", 6),
        ];
        assert_eq!(read, expected.map(|(t, l)| (t.to_string(), l)).to_vec());
        // A heading over numbered tasks, or a work field with no duties after it, stays.
        for texts in [
            &[
                "（一）道路项目",
                "1.主要任务",
                "（1）修建城东道路（交通局牵头）",
            ][..],
            &[
                "（一）道路项目",
                "1、任务",
                "修建城东道路。",
                "（二）学校项目",
            ][..],
        ] {
            assert_eq!(fields_into_their_item(lines(texts)), lines(texts));
        }
        // A who-field named anything over labelled lines; 工作专班 is a body, not work.
        for who in ["2、工作机制", "2、工作专班"] {
            let read = fields_into_their_item(lines(&[
                "（一）河长制工作",
                "1、任务",
                "开展河道清四乱行动。",
                who,
                "召集人：王强",
                "成员：县水利局",
            ]));
            assert_eq!(
                read[0].0, "（一）河长制工作。任务：开展河道清四乱行动。",
                "{who}"
            );
            assert_eq!(read.len(), 3, "{who}");
        }
        assert_eq!(field_heading("2、工作专班"), Some((Field::Who, "工作专班")));
        assert_eq!(
            field_heading("2、项目攻坚领导小组"),
            Some((Field::Who, "项目攻坚领导小组"))
        );
        assert_eq!(field_heading("1、任务"), Some((Field::Work, "任务")));
        assert_eq!(field_heading("1、成立领导小组，明确分工。"), None);
    }

    #[test]
    fn an_items_title_is_whole_on_its_line_and_set_apart_from_its_words() {
        assert!(is_item_title("1.城东道路改造项目"));
        assert!(is_item_title(
            "2.綿陽火車站站前廣場及周邊配套設施建設項目(票決項目)"
        ));
        // A line wrapped at the page's width, a sentence, a bare number: none.
        assert!(!is_item_title(
            "1.全面推进城乡环境卫生整治提升行动持续改善群众"
        ));
        assert!(!is_item_title("1.改造城东道路2公里。"));
        assert!(!is_item_title("1."));
        assert_eq!(paragraph_joint("城东道路改造项目"), "：");
        assert_eq!(paragraph_joint("城东道路改造项目。"), "");
        assert_eq!(paragraph_joint("城西公园建设项目(票决项目)"), "：");
        assert_eq!(
            paragraph_joint("全面推进城乡环境卫生整治提升行动持续改善群众生活环境质量和城乡面貌"),
            "。"
        );
        assert_eq!(paragraph_joint(""), "");
    }

    #[test]
    fn names_after_a_comma_go_on_with_the_label_before_them() {
        for list in ["甲局,乙办,丙委", "甲局，乙办，丙委", "甲局、乙办、丙委"]
        {
            let d = parse_duty(&format!("牵头单位:{list};责任单位:县政府各部门"));
            assert_eq!(d.leads, ["甲局", "乙办", "丙委"], "{list}");
            assert_eq!(d.supports, ["县政府各部门"], "{list}");
        }
        let d = parse_duty("配合单位：甲局，乙办；牵头单位：丙委");
        assert_eq!(d.supports, ["甲局", "乙办"]);
        assert_eq!(d.leads, ["丙委"]);
        // A role word, a time or a 责任单位 list ends what the label gives.
        let d = parse_duty("牵头单位：甲局，乙办配合");
        assert_eq!(
            (d.leads, d.supports),
            (vec!["甲局".to_string()], vec!["乙办".to_string()])
        );
        let d = parse_duty("牵头单位：甲局，2025年6月底前完成");
        assert_eq!(d.leads, ["甲局"]);
        assert_eq!(d.deadline.as_deref(), Some("2025年6月底前完成"));
        let d = parse_duty("牵头单位：县发改局，确保按期完成");
        assert_eq!(d.leads, ["县发改局"]);
        // Words about the work after the names are a remark, no unit.
        assert!(d.supports.is_empty(), "{:?}", d.supports);
        assert_eq!(d.remark.as_deref(), Some("确保按期完成"));
        let d = parse_duty("牵头单位：县生态环境局；配合单位：县水利局，全力做好保障");
        assert_eq!(d.supports, ["县水利局"]);
        assert_eq!(d.remark.as_deref(), Some("全力做好保障"));
        // How the role is taken up is no part of the name.
        let d = parse_duty("牵头单位：县住建局，各乡镇要积极配合");
        assert_eq!(d.supports, ["各乡镇"]);
        let d = parse_duty("县农业农村局牵头，县文旅局、各乡镇主动配合");
        assert_eq!(d.leads, ["县农业农村局"]);
        assert_eq!(d.supports, ["县文旅局", "各乡镇"]);
        // A name after the lead that ends as no body is still a name when listed, given a
        // role, or opening with a place.
        let d = parse_duty("牵头单位：县发改局；配合单位：县科协、县工商联");
        assert_eq!(d.supports, ["县科协", "县工商联"]);
        let d = parse_duty("县商务局牵头，县邮政配合");
        assert_eq!(d.supports, ["县邮政"]);
        let d = parse_duty("牵头单位：县工信局，中国联通，中国电信");
        assert_eq!(d.leads, ["县工信局", "中国联通", "中国电信"]);
        assert_eq!(d.remark, None);
        let d = parse_duty("牵头单位：县发改局，县税务");
        assert_eq!(d.remark, None);
        let d = parse_duty("责任单位：甲局，乙办");
        assert_eq!(
            (d.leads, d.supports),
            (vec!["甲局".to_string()], vec!["乙办".to_string()])
        );
    }

    #[test]
    fn a_number_written_twice_is_said_and_a_new_part_starting_again_is_not() {
        let text = "一、城市建设\n\
            1.改造老旧小区5个。（区住建局牵头）\n\
            2.新建停车位800个。（区城管局牵头）\n\
            2.打通断头路2条。（区交通局牵头）\n\
            二、社会事业\n\
            1.新建托育机构3所。（区卫健局牵头）\n";
        let table = parse(text, "p.md").unwrap();
        let said: Vec<&str> = table
            .said
            .iter()
            .filter(|d| d.code == "plan/repeated-number")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(said.len(), 1, "{:?}", table.said);
        assert!(
            said[0].contains("第 2 条") && said[0].contains("第 3 项"),
            "{said:?}"
        );
    }

    #[test]
    fn duty_clauses() {
        let d = parse_duty("区卫生健康局牵头，区财政局、区发展改革局配合；2026年12月底前完成");
        assert_eq!(d.leads, ["区卫生健康局"]);
        assert_eq!(d.supports, ["区财政局", "区发展改革局"]);
        assert_eq!(d.deadline.as_deref(), Some("2026年12月底前完成"));
        let d = parse_duty(
            "市发展改革委、市财政局共同牵头，市级各有关部门及各县市区政府按职责分工负责",
        );
        assert_eq!(d.leads, ["市发展改革委", "市财政局"]);
        assert_eq!(d.supports, ["市级各有关部门", "各县市区政府"]);
        let d = parse_duty("责任单位：区教育局、区体育局");
        assert_eq!(d.leads, ["区教育局"]);
        assert_eq!(d.supports, ["区体育局"]);
        // 按职责分工负责 after a list led by its order alone joins the list.
        let d = parse_duty("责任单位:区林草局、区应急局,各乡镇按职责分工负责");
        assert_eq!(d.leads, ["区林草局"]);
        assert_eq!(d.after_the_first, ["区应急局", "各乡镇"]);
        assert!(!d.lead_named);
        // The sentence stating the rule (列第一位的为牵头部门，其他…按职责分工负责，下同)
        // names no one: 其他部门和单位 is the rule's words, no unit.
        let d = parse_duty(
            "省科技厅、省发改委、省经信委等负责。列第一位的为牵头部门,其他部门和单位按职责分工负责,下同",
        );
        assert_eq!(d.leads, ["省科技厅"]);
        assert_eq!(d.supports, ["省发改委", "省经信委等"]);
        assert_eq!(d.remark, None);
        // A standing remark between the clauses is no list of units; the deadline after it
        // is still read.
        let d = parse_duty(
            "省商务厅牵头，各地级以上市人民政府、省有关部门按职责分工负责，以下各项均需各市按职责分工负责，不再列出；完成时限：2025年9月底前",
        );
        assert_eq!(d.leads, ["省商务厅"]);
        assert_eq!(d.supports, ["各地级以上市人民政府", "省有关部门"]);
        assert_eq!(
            d.remark.as_deref(),
            Some("以下各项均需各市按职责分工负责，不再列出")
        );
        assert_eq!(d.standing.as_deref(), Some("各市"));
        assert_eq!(d.deadline.as_deref(), Some("2025年9月底前"));
        // Labels set apart by a space, a full-width space or nothing.
        for inside in [
            "牵头单位：规建办 责任单位：派出所、综合执法分局",
            "牵头单位：规建办　责任单位：派出所、综合执法分局",
            "牵头单位:规建办责任单位:派出所、综合执法分局",
            "牵头单位：规建办配合单位：派出所、综合执法分局",
        ] {
            let d = parse_duty(inside);
            assert_eq!(d.leads, ["规建办"], "{inside}");
            assert_eq!(d.supports, ["派出所", "综合执法分局"], "{inside}");
        }
        // A name holding a label's word is no label; a colon in a remark is none either.
        let d = parse_duty("牵头单位：区协同创新中心，配合单位：区财政局");
        assert_eq!(d.leads, ["区协同创新中心"]);
        let d =
            parse_duty("牵头单位：市发展改革委责任单位：市级各有关部门；完成时限：2025年6月底前");
        assert_eq!(d.leads, ["市发展改革委"]);
        assert_eq!(d.supports, ["市级各有关部门"]);
        assert_eq!(d.deadline.as_deref(), Some("2025年6月底前"));
        // 等按职责分工落实 is a role, not part of a name: each does its part, so each leads.
        let d = parse_duty("区应急局、区卫健委等按职责分工落实");
        assert_eq!(d.leads, ["区应急局", "区卫健委等"]);
        assert!(d.supports.is_empty(), "{:?}", d.supports);
        // Under a lead it names, the units after it do their parts under that lead.
        let d = parse_duty("区应急局牵头，区卫健委、区住建委按职责分工落实");
        assert_eq!(d.leads, ["区应急局"]);
        assert_eq!(d.supports, ["区卫健委", "区住建委"]);
    }

    #[test]
    fn a_task_holding_several_ordinals_keeps_them_all() {
        assert_eq!(tidy_content("一是新建站点5个。"), "新建站点5个。");
        assert_eq!(
            lead_in_before_ordinals("围绕改善对外交通,重点实施以下工程:一是推进工程建设。"),
            Some("围绕改善对外交通,重点实施以下工程:".len())
        );
        assert_eq!(lead_in_before_ordinals("一是推进工程建设。"), None);
        assert_eq!(
            lead_in_before_ordinals("加强领导。具体是:一是成立专班。"),
            None
        );
        assert_eq!(
            tidy_content("一是新建站点5个；二是改造站点3个。"),
            "一是新建站点5个；二是改造站点3个。"
        );
    }

    #[test]
    fn a_task_giving_out_its_own_items_in_its_last_sentence_is_assigned() {
        let text = "一、重点任务\n\
            （一）加强职业技能培训。第一，开展技能培训2000人次；第二，新建实训基地2个。\
            以上工作由区人社局牵头，区财政局、区总工会配合，2025年11月底前完成。\n\
            （二）强化就业服务。举办招聘会20场（区人社局负责，2025年12月底前）。\n";
        let table = parse(text, "p.md").unwrap();
        let tasks: Vec<&RawTask> = table.tasks().collect();
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0].lead.as_deref(), Some("区人社局"));
        assert_eq!(tasks[0].support.as_deref(), Some("区财政局、区总工会"));
        assert_eq!(tasks[0].deadline.as_deref(), Some("2025年11月底前完成"));
        assert!(
            tasks[0].content.contains("新建实训基地2个"),
            "{}",
            tasks[0].content
        );
        assert!(
            !tasks[0].content.contains("以上工作"),
            "{}",
            tasks[0].content
        );
    }

    #[test]
    fn a_list_marking_its_lead_is_read_by_the_mark_not_the_order() {
        let d = parse_duty("责任单位：区市场监管局、区商务局（牵头）、区工信局");
        assert_eq!(d.leads, ["区商务局（牵头）"]);
        assert_eq!(d.supports, ["区市场监管局", "区工信局"]);
        // X、Y牵头: both lead, however many are listed before the role word.
        let d = parse_duty("区委政法委、区数据资源局牵头，区直各有关单位配合");
        assert_eq!(d.leads, ["区委政法委", "区数据资源局"]);
        assert_eq!(d.supports, ["区直各有关单位"]);
        // A comma inside the unit's parentheses is no clause's end.
        let d = parse_duty("区文旅局（牵头，负责人：周强）、区商务局配合，2025年7月底前");
        assert_eq!(d.leads, ["区文旅局（牵头，负责人：周强）"]);
        assert_eq!(d.supports, ["区商务局"]);
        assert_eq!(d.deadline.as_deref(), Some("2025年7月底前"));
        let d = parse_duty("镇市场监管所\u{3000}镇教育指导中心\u{3000}镇卫生院负责");
        assert_eq!(d.leads, ["镇市场监管所"]);
        assert_eq!(d.supports, ["镇教育指导中心", "镇卫生院"]);
        let d = parse_duty("区住建局牵头，2025年9月底前开工，2026年6月底前竣工");
        assert_eq!(
            d.deadline.as_deref(),
            Some("2025年9月底前开工，2026年6月底前竣工")
        );
        // A labelled 责任单位 line is read as a table's 责任单位 cell is: a unit saying 配合
        // of itself does not lead, the marked one does.
        let mut task = RawTask::default();
        apply_label(
            &mut task,
            LabelKind::Responsible,
            "区市场监管局（牵头），区农业农村局配合",
        );
        assert_eq!(
            (task.lead.as_deref(), task.support.as_deref()),
            (None, None)
        );
        let read: Vec<(String, bool)> = crate::ingest::units::split_units(&task.units)
            .into_iter()
            .map(|w| (w.name, w.marked_lead))
            .collect();
        assert_eq!(
            read,
            [
                ("区市场监管局".to_string(), true),
                ("区农业农村局".to_string(), false)
            ]
        );
    }

    fn task_rows(table: &RawTable) -> Vec<(String, String)> {
        table
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some((t.content.clone(), t.lead.clone().unwrap_or_default())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_heading_whose_text_names_no_one_beside_headings_that_carry_work_is_a_task() {
        let text = "一、重点任务\n\
            （一）压缩审批时限。推行承诺制审批。（县审批局牵头）\n\
            （二）优化项目服务。推行帮办代办，\n\
            全程跟踪重点项目。（县发改局牵头）\n\
            （三）规范涉企收费。清理收费项目\n\
            二、保障措施\n\
            （一）加强组织领导。各单位要高度重视。\n";
        let table = parse(text, "p.md").unwrap();
        assert_eq!(
            task_rows(&table),
            [
                ("推行承诺制审批。".to_string(), "县审批局".to_string()),
                // Its text over two paragraphs is one task.
                (
                    "推行帮办代办，全程跟踪重点项目。".to_string(),
                    "县发改局".to_string()
                ),
                // No one named: a task without units (check refuses it), never dropped.
                ("清理收费项目".to_string(), String::new()),
            ]
        );
        // Under headings that carry no work it stays prose: an intro before numbered tasks.
        let intro = "（一）加强基础设施。围绕短板，做好以下工作：\n\
            1. 新建道路5公里。（县交通局牵头）\n";
        let table = parse(intro, "p.md").unwrap();
        assert_eq!(
            task_rows(&table),
            [("新建道路5公里。".to_string(), "县交通局".to_string())]
        );
    }

    /// 由 before the units is no part of a name; words before it name the part of the work.
    #[test]
    fn units_after_by_and_the_part_they_answer_for() {
        let d = parse_duty("由区绿化市容局牵头，区财政局配合");
        assert_eq!(
            (d.leads, d.supports),
            (
                vec!["区绿化市容局".to_string()],
                vec!["区财政局".to_string()]
            )
        );
        let d = parse_duty("区住建委负责，其中加装电梯由区房管局负责");
        assert_eq!(d.leads, ["区住建委"]);
        assert_eq!(d.supports, ["区房管局"]);
        assert_eq!(d.scopes, ["其中加装电梯"]);
        let d = parse_duty("市自由贸易区管委会牵头");
        assert_eq!(d.leads, ["市自由贸易区管委会"]);
        assert!(d.scopes.is_empty());
    }

    #[test]
    fn a_parenthesis_saying_what_a_role_word_covers_names_no_one() {
        for text in [
            "各责任单位(包括牵头单位、责任单位,下同)要高度重视。",
            "各牵头单位(无牵头单位的,责任单位即为牵头单位,下同)于1月15日前报备。",
            "各承办单位（含主办单位、协办单位）要逐项细化。",
            "各配合单位（牵头单位、责任单位）要主动对接。",
        ] {
            assert!(!has_duty(text), "{text}");
        }
        for text in [
            "完善工作机制。（区发改委牵头，区财政局配合）",
            "建立联系制度，明确责任单位（区商务委牵头）。",
        ] {
            assert!(has_duty(text), "{text}");
        }
    }

    #[test]
    fn assignments_in_brackets_and_with_parentheses_inside() {
        let line =
            "1、做好防控工作。[牵头单位:区卫健局;责任单位:区防控指挥部成员单位、各街办(新区)]";
        let caps = ASSIGNMENT.captures(line).unwrap();
        let d = parse_duty(&caps[1]);
        assert_eq!(d.leads, ["区卫健局"]);
        assert_eq!(d.supports, ["区防控指挥部成员单位", "各街办(新区)"]);
        let caps = ASSIGNMENT
            .captures("推进改革。【区发改委牵头，区财政局配合】")
            .unwrap();
        assert_eq!(parse_duty(&caps[1]).leads, ["区发改委"]);
        assert!(ASSIGNMENT.captures("完成(含续建)项目10个。").is_none());
        // 指导 at a clause's end names who guides the work; in the plan's words it does not.
        let caps = ASSIGNMENT
            .captures("推广先进技术装备。（工业和信息化部、商务部指导）")
            .unwrap();
        assert_eq!(parse_duty(&caps[1]).supports, ["工业和信息化部", "商务部"]);
        assert!(ASSIGNMENT.is_match("开展试点（生态环境部指导，试点城市负责）"));
        assert!(!ASSIGNMENT.is_match("坚持改革（以新发展理念为指导）。"));
        assert!(!ASSIGNMENT.is_match("做好服务（加强指导服务）。"));
    }

    /// A leader's label (牵头负责领导：) names the published column; the sentence's stop after
    /// the name is no part of it.
    #[test]
    fn a_leaders_label_names_its_column() {
        let table = parse(
            "1.地区生产总值增长8%以上。\n牵头负责领导:金力。\n牵头责任单位:市发展改革委。",
            "t.txt",
        )
        .unwrap();
        assert_eq!(table.column_names.person.as_deref(), Some("牵头负责领导"));
        let persons: Vec<Option<String>> = (table.rows.iter())
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t.person.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(persons, [Some("金力".to_string())]);
    }

    #[test]
    fn prose_after_a_labelled_task_is_said_not_dropped() {
        let table = parse(
            "1. 做好甲事。\n牵头单位：区教育局\n\n本项工作纳入年度考核，按季度通报。\n\n2. 做好乙事。\n牵头单位：区体育局",
            "t.txt",
        )
        .unwrap();
        let texts: Vec<&str> = table.left_out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["本项工作纳入年度考核，按季度通报。"]);
        let tasks = table
            .rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Task(_)))
            .count();
        assert_eq!(tasks, 2);
    }

    #[test]
    fn a_section_heading_that_names_its_lead_leads_its_tasks() {
        assert_eq!(
            heading_lead("县示范区管委会牵头工作(8项)").as_deref(),
            Some("县示范区管委会")
        );
        assert_eq!(
            heading_lead("县发改局、县财政局牵头").as_deref(),
            Some("县发改局、县财政局")
        );
        assert_eq!(heading_lead("坚持和加强党的全面领导"), None);
        let table = parse(
            "一、县示范区管委会牵头工作(2项)\n1.建设养殖基地。\n2.打造生产基地。\n二、县发改局牵头工作(1项)\n3.推进项目建设。",
            "t.txt",
        )
        .unwrap();
        let leads: Vec<Option<String>> = table
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t.lead.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            leads,
            [
                Some("县示范区管委会".to_string()),
                Some("县示范区管委会".to_string()),
                Some("县发改局".to_string())
            ]
        );
    }

    #[test]
    fn labels_in_traditional_characters_read_the_same() {
        let caps = ASSIGNMENT
            .captures("推進流通體系建設。（牽頭單位：省商務廳；責任單位：省發展改革委）")
            .unwrap();
        let d = parse_duty(&caps[1]);
        assert_eq!(d.leads, ["省商務廳"]);
        assert_eq!(d.supports, ["省發展改革委"]);
        // Role words and the 及 between two phrases read as in simplified text; the names
        // stay as written.
        let d = parse_duty(
            "市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責",
        );
        assert_eq!(
            d.leads,
            ["市政府辦公室", "市行政審批制度改革工作領導小組辦公室"]
        );
        assert_eq!(d.supports, ["市級各有關部門", "各縣市區政府"]);
    }

    #[test]
    fn a_line_carries_several_labels_set_apart() {
        let clauses = |line: &str| {
            label_clauses(line).map(|c| {
                c.into_iter()
                    .map(|(kind, _, value)| (kind, value.to_string()))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            clauses("完成时限：2025年10月底前；责任领导：刘建国"),
            Some(vec![
                (LabelKind::Deadline, "2025年10月底前".to_string()),
                (LabelKind::Person, "刘建国".to_string())
            ])
        );
        assert_eq!(
            clauses("牵头单位：县委督查室　配合单位：县委组织部"),
            Some(vec![
                (LabelKind::Lead, "县委督查室".to_string()),
                (LabelKind::Support, "县委组织部".to_string())
            ])
        );
        // One space, or a comma, before the next label sets it apart too.
        for line in [
            "牵头单位：区发改局 配合单位：区财政局，各街道",
            "牵头单位：区发改局，配合单位：区财政局，各街道",
        ] {
            assert_eq!(
                clauses(line),
                Some(vec![
                    (LabelKind::Lead, "区发改局".to_string()),
                    (LabelKind::Support, "区财政局，各街道".to_string())
                ]),
                "{line}"
            );
        }
        // A label straight after a value, with no space, is set apart too.
        assert_eq!(
            clauses("牵头单位：规建办责任单位：派出所、综合执法分局"),
            Some(vec![
                (LabelKind::Lead, "规建办".to_string()),
                (LabelKind::Responsible, "派出所、综合执法分局".to_string())
            ])
        );
        // A ；that opens no label goes on with the value.
        assert_eq!(
            clauses("完成时限：6月底前完成排查；12月底前完成整治"),
            Some(vec![(
                LabelKind::Deadline,
                "6月底前完成排查；12月底前完成整治".to_string()
            )])
        );
        assert_eq!(clauses("加强组织领导。"), None);
    }

    #[test]
    fn labels_are_read_by_what_they_say() {
        let kind = |text: &str| labelled(text).map(|(k, v)| (k, v.to_string()));
        assert_eq!(
            kind("协办单位:区委编办、区民政局"),
            Some((LabelKind::Support, "区委编办、区民政局".into()))
        );
        assert_eq!(
            kind("主责部门：区发改委").map(|k| k.0),
            Some(LabelKind::Lead)
        );
        assert_eq!(
            kind("参与单位：各街道").map(|k| k.0),
            Some(LabelKind::Support)
        );
        assert_eq!(
            kind("责任主体：区财政局").map(|k| k.0),
            Some(LabelKind::Responsible)
        );
        assert_eq!(
            kind("进度安排：2026年6月").map(|k| k.0),
            Some(LabelKind::Deadline)
        );
        assert_eq!(kind("责任领导：张三").map(|k| k.0), Some(LabelKind::Person));
        assert_eq!(
            kind("牵头单位 ： 区教育局").map(|k| k.1),
            Some("区教育局".into())
        );
        // Not labels of the division of work.
        assert_eq!(kind("联系人：王五"), None);
        assert_eq!(kind("工作目标：到2026年建成"), None);
        assert_eq!(kind("一是加强领导：成立专班"), None);
        assert_eq!(kind("加强组织领导：成立专班"), None);
        assert_eq!(kind("分管领导：李四").map(|k| k.0), Some(LabelKind::Person));
        assert_eq!(kind("区发改委负责统筹协调各部门的工作安排：按季度"), None);
    }

    #[test]
    fn a_hard_wrapped_list_of_units_stays_one_label() {
        let text = "1.做实街道。\n牵头单位:区委社会工委\n协办单位:区委编办、区民政局、园区党工\n委、各街道党工委\n2.推进改革。";
        let got: Vec<String> = paragraphs(text).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            got,
            [
                "1.做实街道。",
                "牵头单位:区委社会工委",
                "协办单位:区委编办、区民政局、园区党工委、各街道党工委",
                "2.推进改革。"
            ]
        );
        let text = "1.做实街道。\n协办单位:区委编办、园区党工\n— — — 3 —\n委、各街道党工委";
        let got: Vec<String> = paragraphs(text).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            got[1], "协办单位:区委编办、园区党工委、各街道党工委",
            "a page number between the lines of a list is passed over"
        );
        let text = "一、提高党建工作水平,加强党对基层治理的全面\n领导\n1.完善机制。";
        let got: Vec<String> = paragraphs(text).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            got,
            [
                "一、提高党建工作水平,加强党对基层治理的全面领导",
                "1.完善机制。"
            ]
        );
    }
}
