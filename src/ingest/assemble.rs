//! Notice + prose + table → [`Plan`].
//!
//! The prose decides the grouping. The seed's table was OCR'd from a PDF whose merged 主要事项
//! cells were centred vertically and split over pages, so its labels sit on the wrong rows, some
//! are missing and the numbering skips. Each task's text appears (with OCR differences) in
//! exactly one bold-headed paragraph of the prose, so every prose sentence is given to the task
//! whose text covers most of it, and a task's group is the group of its sentences. Labels decide
//! only when there is no prose (a bare spreadsheet), a label holding until the next one.

use std::collections::HashMap;

use super::deadline::parse_deadline;
use super::raw_table::{RawRow, RawTable, RawTask, RowKind};
use super::text::{Prose, ProseGroup, parse_task_number, table_label};
use super::units::{ResolvedUnits, WrittenUnit, looks_unspecified, resolve_units, split_units};
use crate::base::cjk::{self, bigrams, match_key, similarity};
use crate::base::date::Date;
use crate::base::diag::{Diagnostic, Location};
use crate::config::Config;
use crate::model::{
    AppliedCorrection, Group, GroupingSource, Notice, Paragraph, Plan, Resolution, Section,
    TableColumn, TableLabel, TableSection, Task, TaskTable, UnitKind, UnitRegistry, UnitTasks,
    doc_number_year,
};

/// The parts read from the sources, before they are put together.
#[derive(Debug, Default)]
pub struct Parts {
    /// The notice, if any source had one.
    pub notice: Option<Notice>,
    /// The prose, if any source had it.
    pub prose: Option<Prose>,
    /// The table.
    pub table: RawTable,
    /// The source files.
    pub sources: Vec<String>,
    /// The tasks were read from the prose itself (inline or labelled layouts): group them by
    /// their headings, and keep the prose only for its preamble.
    pub tasks_in_prose: bool,
    /// The title of prose that is not used otherwise (it has no groups): it still names
    /// the plan.
    pub prose_title: Option<crate::model::Paragraph>,
    /// The year of a web page's own date line (发布日期：…), with the source it came from.
    pub page_year: Option<(i32, String)>,
    /// Numbered items of prose that is not the plan's (said as unused): held against the
    /// table's tasks, an item none carries is warned.
    pub unused_items: Vec<crate::model::Paragraph>,
}

/// A prose sentence must share at least this share of its bigrams with a task to belong to it.
const MIN_COVERAGE: f64 = 0.3;
/// A label names a group when their titles are at least this similar.
const MIN_LABEL_SIMILARITY: f64 = 0.5;

/// Puts the parts together. Diagnostics about the source go to `diagnostics`.
pub fn assemble(
    mut parts: Parts,
    config: &Config,
    registry: &UnitRegistry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plan {
    let mut notice = complete_notice(parts.notice.take().unwrap_or_default(), config);
    let (title, title_note) = plan_title_and_note(&parts, &notice, config, diagnostics);
    diagnostics.extend(said_one_of_several(title.as_deref(), &notice, &parts));
    // A source that is a document itself (关于稳增长的若干意见: its 主送 and body, no title
    // line of its own) is issued under its own title, not inside a 关于印发 notice.
    // One whose 附件 is that plan's table (附件：…若干意见主要任务分工表) issues it instead.
    if notice.origin.is_some()
        && notice.title.is_none()
        && title.as_deref().is_some_and(super::text::is_notice_title)
        && !title.as_deref().is_some_and(|t| attached(&notice, t))
    {
        notice.title = title.clone();
    }
    // The title as written, its note included: (2024年修订) may hold the plan's year.
    let printed_title = [title.as_deref(), title_note.as_deref()]
        .into_iter()
        .flatten()
        .collect::<String>();
    let year = plan_year(
        title.as_ref().map(|_| printed_title.as_str()),
        &notice,
        &parts,
        config,
        diagnostics,
    );
    diagnostics.extend(titles_not_taken(&parts, &notice, (&title, &printed_title)));
    let mut raw = std::mem::take(&mut parts.table);
    let after_table = std::mem::take(&mut raw.after);
    diagnostics.extend(cell_lines_joined(&raw));
    diagnostics.extend(raw.remarks_out_of_units());
    // 整改时限：5天 counts from the day the notice is dated.
    let issued = (notice.date.as_deref()).and_then(|d| parse_deadline(d, None));
    let own = own_places([
        notice.issuer.as_deref(),
        notice.signer.as_deref(),
        title.as_deref(),
    ]);
    let mut tasks = build_tasks(&raw, (year, issued, &own), config, registry, diagnostics);
    diagnostics.extend(last_task_cut(&tasks, &raw.extra_columns, diagnostics));
    diagnostics.extend(items_not_in_table(parts.unused_items.iter(), &tasks));
    let mut table = task_table(&raw);
    table.notes = table_notes(&raw, table.roles_apart, diagnostics);
    if table.title.is_none() {
        table.title = title
            .as_deref()
            .and_then(|t| table_named(&parts, &notice, t));
    }
    let signed = (parts.prose.as_mut()).map_or_else(Vec::new, |p| std::mem::take(&mut p.sign_off));
    let (mut sections, preamble, closing) = place_tasks(
        &mut parts,
        &raw,
        &mut tasks,
        &mut table,
        &notice,
        diagnostics,
    );
    // What the task reader left out is lost only when the plan's printed text lacks it too
    // (the closing words after the last task are printed as the plan's).
    let printed = printed_text(
        &preamble,
        &sections,
        &[&closing[..], &after_table[..], &signed[..]].concat(),
    );
    say_left_out(
        &raw.left_out,
        &printed,
        notice.attachments.len(),
        diagnostics,
    );
    let sign_off = plan_sign_off(&signed);
    table.labels = table_labels(&raw, &sections, table.grouping);
    leaders_of_headings(&sections, &mut tasks, diagnostics);
    name_cut_at_end(&mut tasks, diagnostics);
    apply_corrections(&mut tasks, (config, year), registry, diagnostics);
    for group in sections.iter_mut().flat_map(|s| s.groups.iter_mut()) {
        group.label = table.label_of(group.no).map(str::to_string);
    }
    let units = unit_tasks(&tasks, registry);
    // A note under the table may say it too (注：各单位每季度末向区人社局报送进展).
    let after: Vec<Paragraph> = closing.iter().chain(&table.notes).cloned().collect();
    let returns_to = returns_office(&notice, &preamble, &sections, &after, config, diagnostics);
    Plan {
        notice,
        title,
        title_note,
        year,
        returns_to,
        preamble,
        sections,
        closing,
        sign_off,
        after_table,
        table,
        tasks,
        units,
        sources: parts.sources,
    }
}

/// Where units send their returns: the config's office, or the one the document's sentence
/// on reporting progress names (各牵头单位每季度末将工作进展报县营商环境建设领导小组办公室),
/// said so the office can set another; else none (the issuer).
fn returns_office(
    notice: &crate::model::Notice,
    preamble: &[Paragraph],
    sections: &[crate::model::Section],
    closing: &[Paragraph],
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(office) = config
        .plan
        .returns_to
        .as_ref()
        .filter(|o| !o.trim().is_empty())
    {
        return Some(office.trim().to_string());
    }
    fn written(p: &Paragraph) -> (&str, Option<Location>) {
        (p.text.as_str(), Some(p.origin.clone()))
    }
    let groups = sections.iter().flat_map(|s| {
        (s.intro.iter().map(written))
            .chain(s.groups.iter().map(|g| (g.text.as_str(), g.origin.clone())))
    });
    let mut paragraphs = (notice.body.iter().map(written))
        .chain(preamble.iter().map(written))
        .chain(groups)
        .chain(closing.iter().map(written));
    let (office, origin) = paragraphs.find_map(|(text, origin)| {
        super::reporting::office_named(text).map(|office| (office, origin))
    })?;
    diagnostics.push(
        Diagnostic::note(
            "plan/returns-to",
            origin
                .unwrap_or_else(|| Location::file(notice.origin.as_ref().map_or("", |o| o.path()))),
            format!("原文写明工作进展报送「{office}」：任务单请各单位把反馈表报送该单位"),
        )
        .with_hint("如应报送其他单位，在 fengong.toml 的 [plan] 中写 returns_to = \"单位名\""),
    );
    Some(office)
}

/// The plan's own 署名 and 成文日期 closing its text (中共某区委办公室 / 某区人民政府办公室 /
/// 2018年5月28日), as the prose reader set them apart: set as a signature is.
fn plan_sign_off(lines: &[Paragraph]) -> Option<crate::model::SignOff> {
    let (date, signers) = lines.split_last()?;
    Some(crate::model::SignOff {
        signers: signers.iter().map(|p| p.text.trim().to_string()).collect(),
        date: date.text.trim().to_string(),
        origin: lines.first()?.origin.clone(),
    })
}

/// The plan's title and what the source writes in brackets after it that is no part of its
/// name (（共计121项））: from the config, the prose, the notice or the file's name.
fn plan_title_and_note(
    parts: &Parts,
    notice: &Notice,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<String>, Option<String>) {
    let title_place = parts
        .prose
        .as_ref()
        .and_then(|p| p.title.as_ref())
        .or(parts.prose_title.as_ref())
        .map(|p| p.origin.clone())
        .unwrap_or_else(|| Location::file(parts.sources.first().map_or("", String::as_str)));
    let title = plan_title(parts, notice, config)
        .map(|t| plan_of_a_bare_notice_title(t, notice, config, title_place.clone(), diagnostics))
        .or_else(|| title_from_file_name(&parts.sources, diagnostics));
    match title {
        Some(t) if config.plan.title.is_none() => {
            let (name, note) = name_and_note(t, notice, title_place, diagnostics);
            (Some(name), note)
        }
        title => (title, None),
    }
}

/// The marks put between the lines of tasks' content cells, said once each way: a name
/// over its words (建设数字产业园：完成园区一期…) as the inline reader says the marks it puts
/// between an item's title and its paragraph; two pieces of work (…审核机制；2.每季度…)
/// as lines of a cell joined.
fn cell_lines_joined(raw: &RawTable) -> Vec<Diagnostic> {
    let mut names = Vec::new();
    let mut pieces = Vec::new();
    for row in &raw.rows {
        let RowKind::Task(task) = &row.kind else {
            continue;
        };
        let at = task.content_origin.clone().unwrap_or(row.origin.clone());
        for (before, mark) in &task.joints {
            let joint = (before.clone(), *mark, at.clone());
            if *mark == "：" {
                names.push(joint);
            } else {
                pieces.push(joint);
            }
        }
    }
    let pieces_said = pieces.first().map(|(_, _, first)| {
        Diagnostic::note(
            "text/joint-added",
            first.clone(),
            format!(
                "有 {} 处任务内容在单元格里分行写，上一行没有标点、下一行另起一事：连成一段时在两行之间加了标点（{}），任务分工表和任务单照此印出",
                pieces.len(),
                super::inline::joints_shown(&pieces)
            ),
        )
        .with_hint("如不需要这个标点，请在原表格中把这几行连成一行，或在行末写上标点")
    });
    super::inline::said_joints(&names)
        .into_iter()
        .chain(pieces_said)
        .collect()
}

/// The last task's text stopping inside a sentence (…消防安全隐患整治。建成) — its content,
/// or a column of its own (落实情况 …前期工作已完成;县) — where every other task's ends with
/// one: the source was copied in part, the cut inside the table, where no last line of prose
/// shows it. Said once, unless the source's end is said already.
fn last_task_cut(
    tasks: &[Task],
    extra_columns: &[String],
    said: &[Diagnostic],
) -> Option<Diagnostic> {
    if said.iter().any(|d| d.code == "source/cut-off") {
        return None;
    }
    let (last, others) = tasks.split_last()?;
    // Column 0 is the content, column k the k-th extra column.
    fn cell(t: &Task, column: usize) -> &str {
        match column {
            0 => t.content.trim(),
            k => t.extra.get(k - 1).map_or("", |c| c.trim()),
        }
    }
    let cut_in = |column: usize| {
        let filled: Vec<&str> = (others.iter())
            .map(|t| cell(t, column))
            .filter(|c| !c.is_empty())
            .collect();
        let text = cell(last, column);
        // The content of every task is filled; a column of its own may leave some blank.
        let enough = if column == 0 { others.len() } else { 2 };
        filled.len() >= enough.max(2)
            && filled.iter().all(|c| cjk::ends_sentence(c))
            && !cjk::ends_sentence(text)
            && text.chars().last().is_some_and(cjk::is_han)
    };
    let column = (0..=extra_columns.len()).find(|&c| cut_in(c))?;
    let tail = super::text::tail_of(cell(last, column), 12);
    let message = match column {
        0 => format!(
            "第 {} 项任务的内容停在「…{tail}」，没有写完（其余各项都以句号结尾）：文字可能没有复制完整",
            last.no
        ),
        k => format!(
            "第 {} 项任务的「{}」停在「…{tail}」，没有写完（其余各项这一栏都以句号结尾）：文字可能没有复制完整",
            last.no,
            extra_columns[k - 1]
        ),
    };
    Some(
        Diagnostic::warning("source/cut-off", last.origin.clone(), message)
            .with_hint("请对照原文补全后再发布；网页复制的文字常在页面末尾被截断"),
    )
}

/// The last name of the last task where the source stops inside it (…、县农业农, said as
/// `source/cut-off`): a piece of a name, kept as written, never a unit with a sheet of its
/// own. A name the registry knows, or one ending as bodies' names do, is whole.
fn name_cut_at_end(tasks: &mut [Task], said: &[Diagnostic]) {
    let Some(last) = tasks.last_mut() else {
        return;
    };
    // Cut where its units are written (their line, or the lines a wrapped list runs on
    // to) — not at a heading under the task that the source stops after.
    let units_at = last.units_place().line_no();
    let units_lines = last.units_text.matches('\n').count() as u32;
    let at_last_task = |d: &&Diagnostic| {
        d.code == "source/cut-off"
            && d.location.path() == last.origin.path()
            && match (d.location.line_no(), units_at) {
                (Some(cut), Some(units)) => (units..=units + units_lines).contains(&cut),
                (cut, _) => cut >= last.origin.line_no(),
            }
    };
    let Some(cut_off) = said.iter().find(|d| at_last_task(d)) else {
        return;
    };
    // The piece the source stops on: the end of the line the finding quotes (units a
    // remark gave every later task are added after it, never cut).
    let last_piece = |text: &str| {
        text.trim_end()
            .rsplit(['、', '，', ',', '；', ';', ' ', '\n', '：', ':'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches('…')
            .to_string()
    };
    let quoted = (cut_off.message.split_once('「'))
        .and_then(|(_, rest)| rest.split_once('」'))
        .map(|(line, _)| last_piece(line));
    let written = quoted.unwrap_or_else(|| last_piece(&last.units_text));
    let written = written.as_str();
    // Brackets inside the name print full-width (省数据局（省营商局）等牵).
    let same =
        |name: &str| name == written || cjk::in_full_width(name) == cjk::in_full_width(written);
    let Some(at) = last.units.iter().position(|a| {
        // 省数据局(省营商局) ends as a body does; its other name in brackets is no piece.
        let bare = cjk::without_brackets(&cjk::simplified_text(written));
        same(&a.name) && !a.known && !super::units::ends_whole(&bare)
    }) else {
        return;
    };
    let cut = last.units.remove(at);
    last.name_fragments.push(cut.name.clone());
    if cut.role == crate::model::Role::Lead {
        last.lead_phrases.push(cut.name.clone());
    }
    last.unspecified.push(cut.name);
}

/// The leaders a heading names (（牵头领导：成坤、柯相国）, 朱伟县长牵头重点工作,
/// 徐国龙副市长重点工作, 徐仁標市長牽頭重點工作).
fn leaders_in_heading(title: &str) -> Option<String> {
    static LEADERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(
            r"[（(](?:牵头|责任|分管|联系|包抓)?(?:市|区|县|镇)?领导[:：]\s*([^（）()]+)[）)]\s*$",
        )
        .unwrap()
    });
    // 一、朱伟县长牵头重点工作, 二、王强副区长分管工作, 李丹常委、常务副区长牵头重点工作:
    // the heading opens with its leaders and their posts.
    static OPENS_WITH_LEADERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        const POST: &str = concat!(
            r"(?:(?:常务)?副?(?:省|市|县|区|州|旗|镇|乡)长",
            r"|(?:(?:省|市|县|区|州|旗)(?:政府|委)?)?党组(?:副?书记|成员)",
            r"|(?:(?:省|市|县|区|州|旗)委)?常委",
            r"|副?秘书长|副?书记|副?主任|同志)",
        );
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(&format!(
            r"^\s*((?:\p{{Han}}{{2,3}}[、，,])*\p{{Han}}{{2,3}}?)\s*({POST}(?:[、，,]?{POST})*)\s*(?:牵头|负责|分管|联系|领衔|主抓|包抓|主管|(?:重点|分管|联系)?工作)"
        ))
        .unwrap()
    });
    // Read on the simplified text (徐仁標市長牽頭重點工作), the names taken as written: the
    // two are the same character for character.
    let simple = cjk::simplified_text(title);
    let written = |m: regex::Match<'_>| -> String {
        let from = simple[..m.start()].chars().count();
        title
            .chars()
            .skip(from)
            .take(m.as_str().chars().count())
            .collect()
    };
    if let Some(c) = LEADERS.captures(&simple) {
        return Some(written(c.get(1)?).trim().to_string());
    }
    let c = OPENS_WITH_LEADERS.captures(&simple)?;
    Some(match &c[2] {
        "同志" => written(c.get(1)?),
        _ => format!("{}{}", written(c.get(1)?), written(c.get(2)?)),
    })
}

/// A part's or group's heading that ends naming who leads its work (一、主要经济指标等工作
/// 目标（牵头领导：成坤、柯相国）): its tasks without a 责任领导 of their own are led by
/// them, said once for each heading.
fn leaders_of_headings(
    sections: &[Section],
    tasks: &mut [Task],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let headings = sections.iter().flat_map(|s| {
        let all: Vec<u32> = s
            .groups
            .iter()
            .flat_map(|g| g.tasks.iter().copied())
            .collect();
        let origin = s.origin.as_ref().or(s.table_origin.as_ref());
        std::iter::once((s.title.as_str(), origin, all)).chain(
            (s.groups.iter()).map(|g| (g.title.as_str(), g.origin.as_ref(), g.tasks.clone())),
        )
    });
    for (title, origin, numbers) in headings {
        let Some(names) = leaders_in_heading(title) else {
            continue;
        };
        let led: Vec<u32> = (tasks.iter_mut())
            .filter(|t| numbers.contains(&t.no) && t.person.is_none())
            .map(|t| {
                t.person = Some(names.clone());
                t.no
            })
            .collect();
        // Tasks naming their own 责任人 under it keep theirs: the heading's leader stays in
        // the heading, printed as written, and is said.
        let own: Vec<u32> = (tasks.iter())
            .filter(|t| numbers.contains(&t.no) && t.person.is_some())
            .map(|t| t.no)
            .collect();
        let (said, listed) = if led.is_empty() {
            (
                "其下第 {} 项任务各有自己的责任人，按各项所写，牵头领导随标题印出，不写入任务单",
                own,
            )
        } else {
            ("作为其下第 {} 项任务的责任领导", led)
        };
        if let (Some(origin), false) = (origin, listed.is_empty()) {
            let numbers = crate::base::number::task_list(listed.iter().copied());
            diagnostics.push(Diagnostic::note(
                "unit/leader-from-heading",
                origin.clone(),
                format!(
                    "标题「{}」写明了牵头领导（{names}）：{}",
                    cjk::excerpt(title),
                    said.replace("{}", &numbers)
                ),
            ));
        }
    }
}

/// The plan's year: from its title, the 文号, the table's title, the config, the date the
/// notice was signed (2019 年 4 月 16 日), the page's own date, the tasks' dates.
fn plan_year(
    title: Option<&str>,
    notice: &Notice,
    parts: &Parts,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<i32> {
    // A plan that is a document of its own (…实施意见(池政〔2017〕101号)) writes its 文号
    // after its title.
    let title_number = || title.and_then(super::text::doc_number_within);
    let said_before = diagnostics.len();
    let year = title
        .and_then(year_in)
        .or_else(|| notice.doc_number.as_deref().and_then(doc_number_year))
        .or_else(|| title_number().as_deref().and_then(doc_number_year))
        .or_else(|| parts.table.title.as_deref().and_then(year_in))
        .or(config.plan.year)
        .or_else(|| {
            notice.date.as_deref().and_then(|d| {
                let d = cjk::tidy_spacing(d);
                year_in(&d).or_else(|| year_in_numerals(&d))
            })
        })
        .or_else(|| signed_year(parts))
        .or_else(|| page_year(parts, diagnostics))
        .or_else(|| year_in_tasks(&parts.table, diagnostics))
        .or_else(|| year_in_notice_body(notice, diagnostics))
        .or_else(|| year_in_preamble(parts, diagnostics));
    // A plan for several years (三年实施计划(2013—2015年)) dates its 12月底前 by the year it
    // was issued in: said, as the title names others.
    let title_place = (parts.prose.as_ref())
        .and_then(|p| Some(p.title.as_ref()?.origin.clone()))
        .or_else(|| notice.origin.clone());
    // A year read elsewhere says the title names none: it names the span.
    if let Some((first, last)) = title.and_then(year_span_in) {
        for said in &mut diagnostics[said_before..] {
            said.message = said.message.replacen(
                "方案标题、发文字号",
                &format!("方案标题只写了 {first}—{last} 年，发文字号"),
                1,
            );
        }
    }
    if let (Some(year), Some((first, last)), Some(place)) =
        (year, title.and_then(year_span_in), title_place)
    {
        diagnostics.push(
            Diagnostic::note(
                "plan/year-span",
                place,
                format!(
                    "方案标题写的是 {first}—{last} 年：没有写年份的时限（如“12月底前”）按 {year} 年换算"
                ),
            )
            .with_hint("如不对，在 fengong.toml 的 [plan] 中填写 year = 年份"),
        );
    }
    year
}

/// The year of the date the plan itself is signed with (临河县人民政府 / 2019年2月20日 under
/// its last part), when it has no notice around it: the last of its paragraphs that is a
/// date on a line of its own.
fn signed_year(parts: &Parts) -> Option<i32> {
    let prose = parts.prose.as_ref()?;
    // Its own sign-off set apart (江孜县水利局 / 2023年11月20日) dates it too.
    let paragraphs = (prose.preamble.iter())
        .chain(prose.sections.iter().flat_map(|s| s.intro.iter()))
        .chain(&prose.closing)
        .chain(&prose.sign_off);
    paragraphs
        .rev()
        .find(|p| super::text::is_date_line(&p.text))
        .and_then(|p| year_in(&cjk::tidy_spacing(&p.text)))
}

/// The year the plan's opening words name most (决定从2023年4月9日起…), when nothing
/// else gives one: said, as a reading of the text.
fn year_in_preamble(parts: &Parts, diagnostics: &mut Vec<Diagnostic>) -> Option<i32> {
    let preamble = &parts.prose.as_ref()?.preamble;
    let year = most_named_year(preamble.iter().map(|p| p.text.as_str()))?;
    diagnostics.push(
        Diagnostic::note(
            "plan/year-from-preamble",
            preamble.first()?.origin.clone(),
            format!(
                "方案标题、发文字号、日期和任务都没有写年份：按方案开头写到的年份，取 {year} 年（用于换算“6月底前”等时限）"
            ),
        )
        .with_hint("如不对，在 fengong.toml 的 [plan] 中填写 year = 年份"),
    );
    Some(year)
}

/// The plan's own text as the attachment prints it, run together without spaces.
fn printed_text(preamble: &[Paragraph], sections: &[Section], closing: &[Paragraph]) -> String {
    let mut printed = String::new();
    let paragraphs = preamble
        .iter()
        .chain(sections.iter().flat_map(|s| s.intro.iter()))
        .chain(closing);
    for text in paragraphs.map(|p| p.text.as_str()).chain(
        sections
            .iter()
            .flat_map(|s| s.groups.iter())
            .map(|g| g.text.as_str()),
    ) {
        printed.push_str(&without_spaces(text));
    }
    printed
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The extra columns whose header names a period (一季度, 2025年).
fn schedule_columns(raw: &RawTable) -> Vec<usize> {
    (raw.extra_columns.iter().enumerate())
        .filter(|(_, name)| super::deadline::period_end(name, Some(2000)).is_some())
        .map(|(i, _)| i)
        .collect()
}

/// The upper line of the schedule's first column when its header is written over two rows
/// (时间节点 over 一季度): what the source calls the schedule.
fn schedule_heading(raw: &RawTable) -> Option<String> {
    let first = *schedule_columns(raw).first()?;
    let at = (raw.column_order.iter()).position(|c| *c == TableColumn::Extra(first))?;
    let (upper, _) = raw.header.get(at)?.split_once('\n')?;
    Some(upper.trim().to_string()).filter(|u| !u.is_empty())
}

/// The day a task's work starts, from the table's column that says when work starts (启动
/// 时间, 开工时间, 开始日期): the day written, or the first of the month written (2025年5月).
fn work_starts(raw: &RawTable, cells: &RawTask, year: Option<i32>) -> Option<Date> {
    let at =
        (raw.extra_columns.iter()).position(|h| super::raw_table::Column::names_the_start(h))?;
    let written = cells.extra.get(at)?.trim();
    let day = parse_deadline(written, year)?;
    if written.contains(['日', '号']) {
        return Some(day);
    }
    crate::base::date::ymd(i32::from(day.year()), i32::from(day.month()), 1)
}

/// The table as the model keeps it, before its tasks are grouped.
fn task_table(raw: &RawTable) -> TaskTable {
    // Each part named by its first task: the rows from its first on.
    let first_task = |from: usize| {
        raw.rows[from.min(raw.rows.len())..]
            .iter()
            .find_map(|row| match &row.kind {
                RowKind::Task(task) => parse_task_number(&task.no),
                _ => None,
            })
    };
    let parts = (raw.parts.iter())
        .filter_map(|(title, from)| {
            Some(crate::model::TablePart {
                title: title.clone(),
                first_task: first_task(*from)?,
            })
        })
        .collect();
    TaskTable {
        title: raw.title.clone(),
        parts,
        origin: raw.origin.clone(),
        repeated_headers: raw.repeated_headers,
        sections: table_sections(raw),
        labels: Vec::new(),
        grouping: GroupingSource::Prose,
        extra_columns: raw.extra_columns.clone(),
        schedule_columns: schedule_columns(raw),
        schedule_heading: schedule_heading(raw),
        header: raw.header.clone(),
        further_headers: (raw.appended.iter())
            .filter_map(|a| a.own_header().map(<[String]>::to_vec))
            .collect(),
        lead_column: raw.column_names.lead.clone(),
        support_column: raw.column_names.support.clone(),
        responsible_column: raw.column_names.responsible.clone(),
        content_column: raw.column_names.content.clone(),
        units_column: raw.column_names.units.clone(),
        deadline_column: raw.column_names.deadline.clone(),
        person_column: raw.column_names.person.clone(),
        group_column: raw.column_names.group.clone(),
        column_order: raw.column_order.clone(),
        header_bands: raw.header_bands.clone(),
        notes: Vec::new(),
        // A 配合 column (or a units column beside the 牵头 one) in the source: the published
        // table prints leads and supports apart; a 牵头 column alone is one column.
        roles_apart: raw.rows.iter().any(|r| match &r.kind {
            RowKind::Task(cells) => {
                cells.support.is_some() || (cells.lead.is_some() && !cells.units.trim().is_empty())
            }
            _ => false,
        }),
    }
}

/// The notes under the source's table the published one prints under it, each said: all
/// but one saying how the source marks its leads when the published table prints leads
/// and supports in columns of their own (its cells keep no marks).
fn table_notes(
    raw: &RawTable,
    roles_apart: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let mut printed = Vec::new();
    for (text, origin) in &raw.notes {
        let on_marks = roles_apart && crate::ingest::grid::speaks_of_roles(text);
        let message = match on_marks {
            true => format!(
                "表下的说明讲的是原表怎样标注牵头单位；发布的任务分工表把牵头单位、配合单位分列，不再照印：「{text}」"
            ),
            false => format!("表下的说明不作为任务，照原文印在发布的任务分工表下方：「{text}」"),
        };
        diagnostics.push(Diagnostic::note("table/note-row", origin.clone(), message));
        if !on_marks {
            printed.push(Paragraph {
                text: text.clone(),
                origin: origin.clone(),
            });
        }
    }
    printed
}

/// Puts the tasks in sections and groups — by the prose that writes them out, or by the
/// table's own rows — and returns the sections with the plan's preamble and closing text.
fn place_tasks(
    parts: &mut Parts,
    raw: &RawTable,
    tasks: &mut [Task],
    table: &mut TaskTable,
    notice: &Notice,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Section>, Vec<Paragraph>, Vec<Paragraph>) {
    let tasks_in_prose = parts.tasks_in_prose;
    let prose = parts.prose.take();
    let attached = notice.attachments.len();
    table.grouping = GroupingSource::Labels;
    match prose {
        Some(prose) if tasks_in_prose => {
            let sections = group_by_labels(raw, tasks, diagnostics);
            let (mut sections, preamble, closing) =
                with_plan_text(sections, prose, tasks, diagnostics);
            // 附件2 over a table read with these tasks labels the table: said, not printed —
            // after the closing words, or after the last section's items.
            let closing = without_attachment_labels(closing, attached, diagnostics);
            for section in &mut sections {
                let intro = std::mem::take(&mut section.intro);
                section.intro = without_attachment_labels(intro, attached, diagnostics);
            }
            let preamble = preamble_before_tasks(preamble, tasks, raw, diagnostics);
            (sections, preamble, closing)
        }
        Some(prose) if prose_holds_tasks(&prose, tasks) => {
            table.grouping = GroupingSource::Prose;
            let sections = group_by_prose(&prose, tasks, &table.sections, diagnostics);
            (sections, prose.preamble, prose.closing)
        }
        // Prose over a table that does not write its tasks out: the plan's text around it,
        // printed as written; the table's rows place the tasks.
        Some(prose) => {
            if prose.sections.iter().any(|s| !s.groups.is_empty()) {
                let items = prose.sections.iter().flat_map(|s| s.intro.iter());
                diagnostics.extend(items_not_in_table(items, tasks));
            }
            let sections = group_by_labels(raw, tasks, diagnostics);
            let sections = super::prose_parts::parted_as_prose(
                sections,
                &prose,
                tasks,
                table.origin.as_ref(),
                diagnostics,
            );
            let text = text_around_table(prose, attached, diagnostics);
            (sections, text, Vec::new())
        }
        None => (
            group_by_labels(raw, tasks, diagnostics),
            Vec::new(),
            Vec::new(),
        ),
    }
}

/// What the task reader `left_out` is lost only when the plan's `printed` text lacks it too;
/// an attachment's label the notice prints (附件2 over a sheet's table) is none of it.
fn say_left_out(
    left_out: &[(String, Location)],
    printed: &str,
    attachments: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let left_out: Vec<Paragraph> = (left_out.iter())
        .filter(|(text, _)| !printed.contains(&without_spaces(text)))
        .map(|(text, origin)| Paragraph {
            text: text.clone(),
            origin: origin.clone(),
        })
        .collect();
    let left_out = without_attachment_labels(left_out, attachments, diagnostics);
    diagnostics.extend(
        left_out
            .into_iter()
            .map(|p| super::unused_note(&p.text, p.origin)),
    );
}

/// `paragraphs` without the attachments' labels among them (附件2 over a table's title):
/// they label the table, not the plan's text. A label the notice's list numbers (附件2 of
/// two) is the mark the published notice prints over that attachment, dropped quietly;
/// any other is said.
fn without_attachment_labels(
    paragraphs: Vec<Paragraph>,
    attachments: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let (labels, text): (Vec<Paragraph>, Vec<Paragraph>) = paragraphs
        .into_iter()
        .partition(|p| super::text::is_attachment_label(&p.text));
    for label in labels {
        if !super::text::labels_a_listed_attachment(&label.text, attachments) {
            diagnostics.push(super::unused_note(&label.text, label.origin));
        }
    }
    text
}

/// The paragraphs of prose without groups, in order: its preamble, each section's heading
/// (一、总体要求) and words, its closing. An attachment's label (附件1 over a table's title)
/// labels the table, not the plan's text (see [`without_attachment_labels`]) — but for the
/// label opening the text of a plan a notice attaches (its file's 附件), the mark the
/// notice prints.
fn text_around_table(
    prose: Prose,
    attached: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let mut paragraphs = prose.preamble;
    for section in prose.sections {
        if !(section.numeral.is_empty() && section.title.is_empty()) {
            paragraphs.push(Paragraph {
                text: format!("{}、{}", section.numeral, section.title),
                origin: section.origin,
            });
        }
        paragraphs.extend(section.intro);
        // Its numbered parts ((一)指导思想 / …) are the plan's words too, none a task's; a
        // bold line of no number (a notice's title set bold) is said, not printed as them.
        for group in section.groups {
            if group.numbered_heading().is_none() {
                let text = format!("{}{}", group.title, group.text.text);
                diagnostics.push(super::unused_note(&text, group.origin));
                continue;
            }
            paragraphs.push(Paragraph {
                text: cjk::tidy_spacing(group.heading.trim()),
                origin: group.origin.clone(),
            });
            if !group.text.text.trim().is_empty() {
                let origin = match group.origin {
                    Location::Line { path, .. } => Location::Line {
                        path,
                        line: group.text.line_at(0),
                    },
                    other => other,
                };
                let text = group.text.text.trim().to_string();
                paragraphs.push(Paragraph { text, origin });
            }
        }
    }
    paragraphs.extend(prose.closing);
    if attached > 0
        && paragraphs
            .first()
            .is_some_and(|p| super::text::is_attachment_label(&p.text))
    {
        paragraphs.remove(0);
    }
    without_attachment_labels(paragraphs, attached, diagnostics)
}

/// The notice as it will be printed: what the source lacks, from the config, and who issues
/// a notice read without its 版头.
fn complete_notice(mut notice: Notice, config: &Config) -> Notice {
    if notice.title.is_none() {
        notice.title = config.notice.title.clone().filter(|t| !t.trim().is_empty());
        notice.from_config.title = notice.title.is_some();
    }
    if notice.signer.is_none() {
        notice.signer = config.notice.signer.clone();
        notice.from_config.signer = notice.signer.is_some();
    }
    if notice.date.is_none() {
        notice.date = config.notice.date.clone();
        notice.from_config.date = notice.date.is_some();
    }
    // A notice read without its 版头 (a web page: title first) is issued by whoever signs it;
    // an issuer taken from the title without its place (县人民政府办公室) by the 署名's full
    // name (青山县人民政府办公室); one the title shortens (市政府, 市政府办公室) by the full name
    // it stands for (南京市人民政府).
    let fuller = |issuer: &String| {
        notice.signer.clone().filter(|s| {
            s.len() > issuer.len()
                && (s.ends_with(issuer.as_str())
                    || s.replace("人民政府", "政府").ends_with(issuer.as_str()))
        })
    };
    // Issued jointly, the agencies named run together before the title's 关于: the 版头
    // names each, one a line, the leading one first (GB/T 9704 7.2.2), as they sign.
    if let (Some(issuer), Some(signer)) = (&notice.issuer, &notice.signer)
        && signer.lines().count() > 1
        && *issuer == signer.lines().map(str::trim).collect::<String>()
    {
        notice.issuer = Some(signer.lines().map(str::trim).collect::<Vec<_>>().join("\n"));
    }
    match &notice.issuer {
        // Issued jointly: the leading agency, the first to sign — named as a 版头 is, without
        // a seal's note (（代章）) the 署名 keeps.
        None if notice.origin.is_some() => {
            notice.issuer = notice
                .signer
                .as_deref()
                .and_then(|s| s.lines().next())
                .map(super::text::issuer_name);
            notice.issuer_from_signer = notice.issuer.is_some();
        }
        Some(issuer) if notice.issuer_written.is_none() => {
            if let Some(full) = fuller(issuer) {
                notice.issuer = Some(super::text::issuer_name(&full));
            }
        }
        _ => {}
    }
    in_arabic_figures(&mut notice);
    // The 版记: the config's, else what the source's 版记 lines say.
    let (copy_to, printed) = notice.imprint_fields();
    notice.copy_to = config.notice.copy_to.clone().or(copy_to);
    notice.printed = match (&config.notice.printed_by, &config.notice.printed_on) {
        (Some(by), Some(on)) => Some((by.clone(), on.clone())),
        _ => printed,
    };
    notice
}

/// A 成文日期 in Chinese numerals (二〇二五年三月十二日) printed in Arabic figures, as GB/T
/// 9704 7.3.5.1 sets it; the source's form kept for the check to say.
fn in_arabic_figures(notice: &mut Notice) {
    let Some(date) = notice.date.as_deref() else {
        return;
    };
    let chinese = date.contains('年') && !date.chars().any(|c| c.is_ascii_digit());
    if let Some(day) = crate::base::date::parse_written(date).filter(|_| chinese) {
        notice.date_written.get_or_insert_with(|| date.to_string());
        notice.date = Some(crate::base::date::chinese(day));
    }
}

/// Titles read that did not become the plan's (`printed`), said, not lost: a first line of
/// prose, and the title over the prose when the plan is another attachment's table.
fn titles_not_taken(
    parts: &Parts,
    notice: &Notice,
    (title, printed): (&Option<String>, &str),
) -> Vec<Diagnostic> {
    let another =
        || another_table_attached(parts, notice).is_some_and(|t| title.as_ref() == Some(&t));
    let over_prose = (parts.prose.as_ref().and_then(|p| p.title.as_ref())).filter(|_| another());
    [parts.prose_title.as_ref(), over_prose]
        .into_iter()
        .flatten()
        .filter(|p| printed != p.text)
        .map(|p| super::unused_note(&p.text, p.origin.clone()))
        .collect()
}

/// The task table's title when the prose over it is titled as another table the notice
/// attaches (附件1 指标汇总表 over 附件2 任务分解表, both listed): the plan is the table's.
fn another_table_attached(parts: &Parts, notice: &Notice) -> Option<String> {
    let table = parts.table.title.as_deref()?.trim();
    let listed = |name: &str| notice.attachments.iter().any(|a| a.trim() == name.trim());
    let prose = (parts.prose.as_ref()).and_then(|p| Some(p.title.as_ref()?.text.as_str()));
    let another = match prose {
        Some(prose) => {
            let a_table = prose.trim_end().ends_with('表') || crate::model::names_a_table(prose);
            a_table && prose.trim() != table && listed(prose)
        }
        // No title read over the prose: the first attachment listed is not this table.
        None => notice
            .attachments
            .first()
            .is_some_and(|a| a.trim() != table),
    };
    (another && listed(table)).then(|| table.to_string())
}

/// The plan's title: the user's `[plan] title`; else the prose's title, the notice's 附件,
/// the plan the notice's title issues, the prose's first line, the table's title.
fn plan_title(parts: &Parts, notice: &Notice, config: &Config) -> Option<String> {
    config
        .plan
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        // Two tables attached (附件1 指标汇总表, 附件2 任务分解表), the prose above the task
        // table the first: the plan is the table the tasks are read from.
        .or_else(|| another_table_attached(parts, notice))
        .or_else(|| {
            let title = &parts.prose.as_ref()?.title.as_ref()?.text;
            Some(
                crate::model::plan_of_table(title)
                    .unwrap_or(title)
                    .to_string(),
            )
        })
        // The attachment titled as the body issues it, though its 附件说明 names another
        // document (…落实推进情况表, the form for its returns): the plan is the one attached
        // (the difference is said by the checks).
        .or_else(|| titled_as_issued(parts, notice))
        // 附件：1.主要指标任务 2.重点工作任务, each a part of the table: the plan is the one
        // the notice's title issues, those its parts.
        .or_else(|| {
            attachments_are_parts(parts, notice)
                .then(|| issued(notice, parts))
                .flatten()
        })
        // 附件：任务分工表 names the plan's table, not the plan: the plan the notice issues
        // comes first.
        .or_else(|| {
            (notice.attachments.first())
                .filter(|a| !crate::model::names_a_table(a))
                .cloned()
        })
        .or_else(|| one_of_several(notice, parts))
        .or_else(|| issued(notice, parts).filter(|_| issues_a_document(notice)))
        // The body may name it short (现将《主要目标和任务工作分工表》印发), its 附件 in full.
        .or_else(|| sole_document_issued(notice).map(|name| named_in_attachments(notice, name)))
        .or_else(|| {
            let table = notice.attachments.first()?;
            Some(
                crate::model::plan_of_table(table)
                    .unwrap_or(table)
                    .to_string(),
            )
        })
        .or_else(|| issued(notice, parts))
        .or_else(|| parts.prose_title.as_ref().map(|p| p.text.clone()))
        .or_else(|| parts.table.title.clone())
        .or_else(|| sole_heading_naming_a_plan(&parts.table))
        .or_else(|| first_part_title(&parts.table))
        // A notice that is itself the division (…有关政策措施分工的通知, its body handing out
        // the tasks, nothing attached): the plan is the notice.
        .or_else(|| notice.handed_out.and(notice.title.clone()))
}

/// Whether the notice lists two attachments or more and each is a part of the table (a
/// section row or sheet titled 一、主要指标任务 for 附件：1.主要指标任务), its title issuing
/// a document (关于印发《…工作要点》的通知).
fn attachments_are_parts(parts: &Parts, notice: &Notice) -> bool {
    let sections: Vec<Vec<char>> = (parts.table.rows.iter())
        .filter_map(|row| match &row.kind {
            RowKind::Section { title, .. } => Some(match_key(title)),
            _ => None,
        })
        .collect();
    notice.attachments.len() >= 2
        && issues_a_document(notice)
        && (notice.attachments.iter()).all(|a| sections.contains(&match_key(a)))
}

/// The table's own title, when it is the document the notice's body issues (现将《X》印发)
/// and no 附件说明 names it.
fn titled_as_issued(parts: &Parts, notice: &Notice) -> Option<String> {
    let table = parts.table.title.as_deref()?.trim();
    let issued = sole_document_issued(notice)?;
    // 《2022年<政府工作报告>…分工》 in the body names the attachment titled with 《》 inside.
    let key = |t: &str| -> String {
        (crate::base::cjk::simplified_text(t).chars())
            .filter(|c| !"《》<>〈〉".contains(*c))
            .collect()
    };
    let same = |a: &str, b: &str| key(a) == key(b);
    (same(table, &issued) && !notice.attachments.iter().any(|a| same(a, table)))
        .then(|| table.to_string())
}

/// `name` as the notice's 附件 writes it in full, when one ends with it.
fn named_in_attachments(notice: &Notice, name: String) -> String {
    (notice.attachments.iter())
        .find(|a| a.len() > name.len() && a.ends_with(name.as_str()))
        .cloned()
        .unwrap_or(name)
}

/// Whether one of the notice's 附件 names `title` (the plan or its table).
fn attached(notice: &Notice, title: &str) -> bool {
    let title = crate::base::cjk::simplified_text(title);
    (notice.attachments.iter()).any(|a| crate::base::cjk::simplified_text(a).contains(&title))
}

/// The name of the table the plan's `title` was read from (…若干意见主要任务分工表 gives
/// …若干意见), printed over the table as written rather than made again from the plan's.
fn table_named(parts: &Parts, notice: &Notice, title: &str) -> Option<String> {
    let prose = parts.prose.as_ref().and_then(|p| p.title.as_ref());
    let names = prose
        .map(|p| &p.text)
        .into_iter()
        .chain(&notice.attachments);
    names
        .filter(|name| crate::model::names_a_table(name))
        .find(|name| crate::model::plan_of_table(name) == Some(title))
        .cloned()
}

/// The plan's name, and what its title writes after it in brackets that is no part of it:
/// a count of its items (…分工方案（共计121项）), or what the notice leaves off wherever it
/// names the plan (关于印发《…方案》的通知 over …方案（2024年修订）). Said when split, as
/// the note is printed only where the plan's text is.
fn name_and_note(
    title: String,
    notice: &Notice,
    place: Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Option<String>) {
    static COUNT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"^[（(]\s*(?:共计|共|计|合计)?\s*[\d一二三四五六七八九十百]+\s*[项条件个大类]\s*(?:任务|事项|工作|措施)?\s*[）)]$").unwrap()
    });
    let Some((name, note)) = trailing_bracket(&title) else {
        return (title, None);
    };
    let named_so = notice.attachments.iter().any(|a| a == name)
        || (notice.title.as_deref())
            .and_then(super::text::issued_plan)
            .as_deref()
            == Some(name)
        || sole_document_issued(notice).as_deref() == Some(name);
    if !COUNT.is_match(note) && !named_so {
        return (title, None);
    }
    diagnostics.push(Diagnostic::note(
        "plan/title-note",
        place,
        format!(
            "方案标题「{title}」后的「{note}」是说明，不是方案名称的一部分：任务分工表和任务单引用方案时写作《{name}》，方案正文的标题照原文印出"
        ),
    ));
    (name.to_string(), Some(note.to_string()))
}

/// `…方案（共计121项）` → (…方案, （共计121项）): a title's closing bracket and what it holds.
fn trailing_bracket(title: &str) -> Option<(&str, &str)> {
    let title = title.trim_end();
    if !title.ends_with(['）', ')']) {
        return None;
    }
    let open = title.rfind(['（', '('])?;
    let name = title[..open].trim_end();
    (!name.is_empty() && !title[open..].contains(['《', '》'])).then(|| (name, &title[open..]))
}

/// The plan a notice's title issues (关于印发X的通知 → X, 关于X的通报 → X), as the source
/// names it in full.
fn issued(notice: &Notice, parts: &Parts) -> Option<String> {
    let issued = notice.title.as_deref().and_then(super::text::issued_plan)?;
    // 印发《某要点》任务分工 with 附件：某要点任务分工表 attached: the table it names is the
    // one issued, as the attachment writes it.
    let unmarked = crate::base::cjk::simplified_text(&issued.replace(['《', '》'], ""));
    if unmarked.len() < issued.len()
        && let Some(attached) = (notice.attachments.iter()).find(|a| {
            let a = crate::base::cjk::simplified_text(a);
            a == unmarked || a.strip_suffix('表') == Some(unmarked.as_str())
        })
    {
        return Some(attached.clone());
    }
    // The body may name it in full (现将《海口市2019年…要点》印发给你们).
    let handed_out = notice.documents_handed_out().map(|(names, _)| names);
    let in_body = (handed_out.into_iter().flatten())
        .find(|name| name.len() > issued.len() && name.ends_with(&issued));
    Some(named_in_full(&issued, parts).or(in_body).unwrap_or(issued))
}

/// Whether the notice's title issues a document (关于印发…的通知), not work (关于做好…的通知).
fn issues_a_document(notice: &Notice) -> bool {
    (notice.title.as_deref()).is_some_and(|t| {
        ["印发", "印發", "转发", "轉發"]
            .iter()
            .any(|w| t.contains(w))
    })
}

/// The one document the notice's body says it issues (现将《X》印发给你们, 现将《X》（以下简称
/// 《方案》）印发, 《X》已经…同意，现印发): the plan — not a
/// document the body cites on the way (为落实《政府工作报告》…).
fn sole_document_issued(notice: &Notice) -> Option<String> {
    static ISSUES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(concat!(
            r"(?:[将將]|^)\s*《([^《》]+)》\s*",
            // （以下简称《方案》）: the short name it goes by after.
            r"(?:[（(]\s*以下简称[^（）()]{0,20}[）)])?",
            r"([^《》。]{0,30}?)印[发發]"
        ))
        .unwrap()
    });
    // 现将《政府工作报告》243项工作任务予以分解印发: what is issued is the work the words
    // between name the report's parts by, not the report.
    let issues_its_parts = |between: &str| {
        ["分解", "分工", "任务", "项", "方面", "目标"]
            .iter()
            .any(|w| between.contains(w))
    };
    let mut issued = (notice.body.iter())
        .map(|p| p.text.as_str())
        .flat_map(|text| {
            let names: Vec<String> = (ISSUES.captures_iter(text))
                .filter(|caps| {
                    !caps
                        .get(2)
                        .is_some_and(|gap| issues_its_parts(gap.as_str()))
                })
                .filter_map(|caps| Some(caps.get(1)?.as_str().trim().to_string()))
                .collect();
            names
        });
    let named = issued.next()?;
    issued.next().is_none().then_some(named)
}

/// The plan the notice's title issues as the source names it in full elsewhere: the title
/// leaves out what its issuer already says (某县人民政府关于印发2023年…方案的通知 issues
/// 某县2023年…方案), which the table's title or the plan's first line keeps.
fn named_in_full(issued: &str, parts: &Parts) -> Option<String> {
    // 〈政府工作报告〉 inside the title's 《》 is 《政府工作报告》 on the plan's own line.
    let inner = issued.replace('〈', "《").replace('〉', "》");
    [
        parts.prose_title.as_ref().map(|p| p.text.as_str()),
        parts.table.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(crate::base::cjk::tidy_spacing)
    .find(|name| {
        (name.len() > issued.len() && name.ends_with(issued))
            || (issued.contains('〈') && *name == inner)
    })
}

/// The numbered items of prose above a table (1.深入推进政策解读。…) that no row of it
/// carries, when the others are its rows: work the plan names and nobody is given. Warned
/// with the item's place; said only as unused text, it would pass for one more preamble line.
fn items_not_in_table<'a>(
    paragraphs: impl Iterator<Item = &'a Paragraph>,
    tasks: &[Task],
) -> Vec<Diagnostic> {
    let rows: Vec<_> = (tasks.iter())
        .map(|t| bigrams(&match_key(&t.content)))
        .filter(|b| !b.is_empty())
        .collect();
    let items: Vec<&Paragraph> = paragraphs
        .filter(|p| super::inline::is_task_line(&p.text))
        .collect();
    let carried = |item: &Paragraph| {
        let own = bigrams(&match_key(&item.text));
        rows.iter().any(|row| found_in(row, &own, (3, 5)))
    };
    let (carried, missing): (Vec<&Paragraph>, Vec<&Paragraph>) =
        items.into_iter().partition(|p| carried(p));
    if carried.is_empty() {
        return Vec::new();
    }
    (missing.into_iter())
        .map(|item| {
            Diagnostic::warning(
                "prose/item-not-in-table",
                item.origin.clone(),
                format!(
                    "正文中的这一条在任务分工表中没有对应的任务（其余 {} 条都有）：「{}」",
                    carried.len(),
                    cjk::tidy_spacing(&item.text)
                ),
            )
            .with_hint("如这项工作也要分工，请在分工表中补上一行；如不需要，可不处理")
        })
        .collect()
}

/// The documents the notice's body hands out by name, when it names several.
fn documents_issued(notice: &Notice) -> Vec<String> {
    notice
        .documents_handed_out()
        .map(|(names, _)| names)
        .filter(|names| names.len() >= 2)
        .unwrap_or_default()
}

/// The plan, when a notice issues several documents in one title (关于印发X和Y的通知) and
/// its body names them apart: the one the source's table or prose is titled by, else the
/// first. Only names the title is made of count (not a law the body cites).
fn one_of_several(notice: &Notice, parts: &Parts) -> Option<String> {
    let names = documents_in_title(notice);
    if names.len() < 2 {
        return None;
    }
    let titled = [
        parts.table.title.as_deref(),
        parts.prose_title.as_ref().map(|p| p.text.as_str()),
    ];
    let at = (names.iter())
        .position(|n| titled.contains(&Some(n.as_str())))
        .unwrap_or(0);
    names.into_iter().nth(at)
}

/// The documents the notice's body names that its title issues together (关于印发X和Y的通知:
/// 《X》, 《Y》): most of each name's words are in the title, which is none of them whole.
fn documents_in_title(notice: &Notice) -> Vec<String> {
    let Some(issued) = notice.title.as_deref().and_then(super::text::issued_plan) else {
        return Vec::new();
    };
    let names = documents_issued(notice);
    if names.contains(&issued) {
        return Vec::new();
    }
    let in_title = bigrams(&match_key(&issued));
    let part_of_title = |name: &String| found_in(&bigrams(&match_key(name)), &in_title, (2, 3));
    names.into_iter().filter(part_of_title).collect()
}

/// Says that the plan is one of several documents a notice issues, which one, and how to
/// name another.
fn said_one_of_several(title: Option<&str>, notice: &Notice, parts: &Parts) -> Option<Diagnostic> {
    let title = title?;
    let chosen = one_of_several(notice, parts).filter(|c| c == title)?;
    let names = documents_in_title(notice);
    let place = (notice.body.iter())
        .find(|p| p.text.contains(&chosen))
        .map(|p| p.origin.clone())?;
    Some(
        Diagnostic::note(
            "plan/one-of-several",
            place,
            format!(
                "通知印发了 {} 份文件（{}）：方案标题取「{chosen}」",
                names.len(),
                names
                    .iter()
                    .map(|n| format!("《{n}》"))
                    .collect::<Vec<_>>()
                    .join("")
            ),
        )
        .with_hint("如分工表属于另一份文件，请在输入目录的 fengong.toml 的 [plan] 中填写 title"),
    )
}

/// A source that opens with a 印发 notice's title but has no notice (a page that kept only
/// its headline: 某市关于印发…行动方案的通知) names the plan that notice issues: the plan's
/// title is that, and the line is said.
fn plan_of_a_bare_notice_title(
    title: String,
    notice: &Notice,
    config: &Config,
    place: Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let simple = cjk::simplified_text(&title);
    let printing = simple.ends_with("通知") && (simple.contains("印发") || simple.contains("转发"));
    if notice.origin.is_some() || config.plan.title.is_some() || !printing {
        return title;
    }
    let Some(plan) = super::text::issued_plan(&title).filter(|p| *p != title) else {
        return title;
    };
    diagnostics.push(Diagnostic::note(
        "plan/title-from-notice-title",
        place,
        format!(
            "原文开头「{title}」是通知的标题，来源中没有通知正文：方案标题取其印发的「{plan}」"
        ),
    ));
    plan
}

/// A source with no title anywhere in it, whose file is named as a plan
/// (立山区政府2023年重点工作任务分解和责任分工方案.xlsx): the plan's title is that name, said.
fn title_from_file_name(sources: &[String], diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let (source, stem) = sources.iter().find_map(|source| {
        let stem = std::path::Path::new(source).file_stem()?.to_str()?;
        let stem = cjk::tidy_spacing(stem);
        // 鹹陽市…工作要點: a name in traditional script names a plan as its simplified form does.
        super::text::names_a_plan(&cjk::simplified_text(&stem)).then_some((source, stem))
    })?;
    diagnostics.push(Diagnostic::note(
        "plan/title-from-file",
        Location::file(source),
        format!("来源中没有方案标题，按文件名取「{stem}」；如不对，请在配置的 [plan] 中填写 title"),
    ));
    Some(stem)
}

/// The title of the first of several tables read together (see [`RawTable::append`]): the
/// section row it opens with, unnumbered.
fn first_part_title(table: &RawTable) -> Option<String> {
    match &table.rows.first()?.kind {
        RowKind::Section { numeral, title } if numeral.is_empty() && !title.is_empty() => {
            Some(title.clone())
        }
        _ => None,
    }
}

/// The heading of a table's only section when it names the table (一、10件民生实事任务分解表
/// over the whole table): the plan's title without its numeral.
fn sole_heading_naming_a_plan(table: &RawTable) -> Option<String> {
    let mut titles = table.rows.iter().filter_map(|row| match &row.kind {
        RowKind::Section { title, .. } => Some(title),
        _ => None,
    });
    let title = titles.next()?;
    (titles.next().is_none() && super::text::names_a_plan(title)).then(|| title.clone())
}

/// Sections grouped from a plan whose tasks were read from its own prose, given that prose's
/// text: each group's paragraphs (tasks and their assignments, so the notice's attachment
/// prints the plan as written) and what each section says before its work (what matches no
/// section is reported). Returns the sections, the preamble and the closing.
/// A plan whose tasks stand in its prose under no 一、 heading: what the prose reader took
/// for a preamble from the first task on is the tasks and their labelled lines (read as
/// tasks) — or a page's lines after them (扫一扫…), said as unused, not kept as the plan's
/// preamble.
fn preamble_before_tasks(
    preamble: Vec<Paragraph>,
    tasks: &[Task],
    raw: &RawTable,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paragraph> {
    let Some(first) = tasks.iter().filter_map(|t| t.origin.line_no()).min() else {
        return preamble;
    };
    let (before, from): (Vec<Paragraph>, Vec<Paragraph>) = preamble
        .into_iter()
        .partition(|p| p.origin.line_no().is_none_or(|line| line < first));
    for paragraph in from {
        let text = paragraph.text.trim();
        // A heading the tasks were read under (扩大有效投资 over 3.…) is their group's.
        let heading = raw.rows.iter().any(|r| match &r.kind {
            RowKind::Label(title) | RowKind::Section { title, .. } => {
                cjk::tidy_spacing(title) == cjk::tidy_spacing(text)
            }
            _ => false,
        });
        if !heading
            && !read_as_tasks(text, tasks)
            && !made_of_task_fields(text, tasks, &raw.column_names)
        {
            diagnostics.push(super::unused_note(text, paragraph.origin.clone()));
        }
    }
    before
}

/// Whether a paragraph of the plan's text was read into its tasks: who does them, a remark
/// on them, or a task's words (an item's title line heads them: 2、…项目 → …项目：由…).
fn read_as_tasks(text: &str, tasks: &[Task]) -> bool {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let words = letters(super::inline::without_item_number(text));
    super::inline::names_duty(text)
        || super::inline::is_remark_on_tasks(text)
        || tasks.iter().any(|t| {
            let content = cjk::tidy_spacing(&t.content);
            content.contains(&cjk::tidy_spacing(text))
                || (!words.is_empty() && letters(&content).contains(&words))
                || cjk::tidy_spacing(text).contains(content.trim_end_matches('。'))
        })
}

/// Whether a paragraph among the tasks holds nothing but their fields' values as the tasks
/// read them and labels between them: records of labels over values (责任单位 / 县住建局、县水务局 /
/// 完成时限 / 2026年10月底前), which the prose reader takes for paragraphs.
fn made_of_task_fields(text: &str, tasks: &[Task], labels: &super::raw_table::ColumnNames) -> bool {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut fields: Vec<String> = Vec::new();
    for task in tasks {
        fields.push(letters(&task.units_text));
        fields.extend(task.deadline_text.as_deref().map(letters));
        fields.extend(
            task.units
                .iter()
                .map(|a| letters(a.written.as_ref().unwrap_or(&a.name))),
        );
        fields.extend(task.unspecified.iter().map(|u| letters(u)));
    }
    fields.retain(|f| !f.is_empty());
    // Longest first: a whole list before the names in it.
    fields.sort_by_key(|f| std::cmp::Reverse(f.chars().count()));
    let mut rest = letters(text);
    for field in &fields {
        rest = rest.replace(field.as_str(), "|");
    }
    // What the values leave are labels: the source's own column names, or words a header
    // would be read by.
    let label = |piece: &str| {
        labels.all().any(|name| letters(name) == piece)
            || super::raw_table::Column::from_header(piece).is_some()
    };
    !letters(text).is_empty() && rest.split('|').filter(|p| !p.is_empty()).all(label)
}

fn with_plan_text(
    mut sections: Vec<Section>,
    prose: Prose,
    tasks: &[Task],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Section>, Vec<Paragraph>, Vec<Paragraph>) {
    let prose_groups: Vec<&ProseGroup> = prose
        .sections
        .iter()
        .flat_map(|s| s.groups.iter())
        .collect();
    let mut matched = vec![false; prose_groups.len()];
    for group in sections.iter_mut().flat_map(|s| s.groups.iter_mut()) {
        if let Some(at) = prose_groups
            .iter()
            .position(|p| similarity(&p.title, &group.title) >= 0.8)
        {
            group.text = prose_groups[at].text.text.clone();
            group.heading = prose_groups[at].numbered_heading();
            matched[at] = true;
        }
    }
    // Numbered paragraphs the prose reads as groups but the plan has no group of (its tasks
    // numbered （一）…（九） right under a section): printed as written in their section.
    // Each kept with the prose section it stands in (two sections may share a numeral: a
    // copy's 一、 twice).
    let unmatched: Vec<(usize, Paragraph)> = (prose.sections.iter().enumerate())
        .flat_map(|(at, s)| s.groups.iter().map(move |g| (at, g)))
        .zip(&matched)
        .filter(|(_, matched)| !**matched)
        .map(|((at, g), _)| {
            let text = format!("{}{}", g.heading, g.text.text);
            (
                at,
                Paragraph {
                    text,
                    origin: g.origin.clone(),
                },
            )
        })
        .collect();
    // What a section says before its groups, matched by its numeral — its aims, or, when
    // its tasks sit right under it, the tasks as written; what matches no section is said,
    // not lost.
    for (found_at, found) in prose.sections.iter().enumerate() {
        let grouped = !found.groups.is_empty();
        let task_of_a_group = |text: &str| grouped && super::inline::is_task_line(text);
        let own_words = found
            .intro
            .iter()
            .filter(|p| !p.text.trim().is_empty() && !task_of_a_group(&p.text));
        let as_written = unmatched
            .iter()
            .filter(|(at, _)| *at == found_at)
            .map(|(_, p)| p);
        // A part titled with no numeral (附件2's 乙方案) is the plan's section of its title.
        let by_title = (found.numeral.is_empty() && !found.title.is_empty())
            .then(|| {
                sections
                    .iter()
                    .position(|s| s.numeral.is_empty() && s.title == found.title)
            })
            .flatten();
        let by_numeral = by_title.or_else(|| {
            nth_with_numeral(
                sections.iter().map(|s| s.numeral.as_str()),
                &found.numeral,
                prose
                    .sections
                    .iter()
                    .take_while(|s| !std::ptr::eq(*s, found))
                    .filter(|s| s.numeral == found.numeral)
                    .count(),
            )
        });
        // A section the plan has none of (二、工作要求 after sections of tasks read unit
        // first; a heading the prose did not see as one): its words go to the plan's
        // section they stand in, its heading with them as a paragraph, not dropped.
        let heading = (by_numeral.is_none() && !found.title.is_empty()).then(|| Paragraph {
            text: match found.numeral.as_str() {
                "" => found.title.clone(),
                numeral => format!("{numeral}、{}", found.title),
            },
            origin: found.origin.clone(),
        });
        let words = heading.iter().chain(own_words).chain(as_written);
        let at = by_numeral.or_else(|| section_around(&sections, found.origin.line_no()?));
        match at {
            Some(at) => sections[at].intro.extend(words.cloned()),
            // No section to print them in: what is none of the tasks is said.
            None => diagnostics.extend(
                words
                    .filter(|p| !read_as_tasks(p.text.trim(), tasks))
                    .map(|p| super::unused_note(&p.text, p.origin.clone())),
            ),
        }
    }
    (sections, prose.preamble, prose.closing)
}

/// Where the `n`-th (from 0) of `numerals` equal to `numeral` stands; none for an empty one.
fn nth_with_numeral<'a>(
    numerals: impl Iterator<Item = &'a str>,
    numeral: &str,
    n: usize,
) -> Option<usize> {
    if numeral.is_empty() {
        return None;
    }
    numerals
        .enumerate()
        .filter(|(_, x)| *x == numeral)
        .nth(n)
        .map(|(at, _)| at)
}

/// The plan section whose heading is the last one above source line `line`.
fn section_around(sections: &[Section], line: u32) -> Option<usize> {
    sections
        .iter()
        .enumerate()
        .filter_map(|(at, s)| {
            let start = s.table_origin.as_ref().or(s.origin.as_ref())?.line_no()?;
            (start <= line).then_some((start, at))
        })
        .max()
        .map(|(_, at)| at)
}

/// Whether the prose writes out the tasks' text (as the seed does, each task in a
/// bold-headed paragraph): only then can it decide the grouping. Half the tasks at least
/// must own a sentence of it: a task or two sharing words with a paragraph of aims (持续推进
/// “三清两改一建”) does not make the prose the tasks' place.
fn prose_holds_tasks(prose: &Prose, tasks: &[Task]) -> bool {
    let flat: FlatGroups = (prose.sections.iter().enumerate())
        .flat_map(|(si, s)| s.groups.iter().map(move |g| (si, g)))
        .collect();
    let sentences = prose_sentences(&flat);
    let owned = match_sentences(&sentences, &flat, tasks);
    let found = owned.iter().filter(|o| !o.is_empty()).count();
    found > 0 && found * 2 >= tasks.len()
}

/// Whether at least `share` (a fraction, 3/5 as `(3, 5)`) of the character pairs `own` holds
/// are found in `other`: a text mostly written in another.
fn found_in(
    own: &std::collections::HashSet<u64>,
    other: &std::collections::HashSet<u64>,
    (num, den): (usize, usize),
) -> bool {
    !own.is_empty() && own.intersection(other).count() * den >= own.len() * num
}

/// A corrected 完成时限, as a plan writes it or as an ISO date, read with the plan's year;
/// one that reads as no date is an error, the task's own left as it was.
fn correct_deadline(
    task: &mut Task,
    written: &str,
    year: Option<i32>,
    applied: &mut AppliedCorrection,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let parsed = crate::base::date::parse_iso(written).or_else(|| parse_deadline(written, year));
    let Some(date) = parsed else {
        diagnostics.push(
            Diagnostic::error(
                "config/correction-deadline",
                applied.origin.clone(),
                format!(
                    "第 {} 项任务更正的完成时限「{written}」无法识别为日期",
                    task.no
                ),
            )
            .with_hint(
                "请写成 2026-06-30 或“2026年6月底前”；没有写年份的，先在 [plan] 中填写 year",
            ),
        );
        return;
    };
    applied.deadline_was = Some(task.deadline_text.clone().unwrap_or_else(|| "—".into()));
    task.deadline_text = Some(written.to_string());
    task.deadline = Some(date);
}

/// Applies the user's `[[corrections]]`: new content (or the prose's), new units, a new
/// 完成时限.
fn apply_corrections(
    tasks: &mut [Task],
    (config, year): (&Config, Option<i32>),
    registry: &UnitRegistry,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let path = config
        .path
        .clone()
        .unwrap_or_else(|| crate::project::CONFIG_FILE.to_string());
    for correction in &config.corrections {
        let origin = Location::line(&path, correction.line);
        let Some(task) = tasks.iter_mut().find(|t| t.no == correction.task) else {
            diagnostics.push(Diagnostic::error(
                "config/correction-task",
                origin,
                format!("更正所指的第 {} 项任务不存在", correction.task),
            ));
            continue;
        };
        let new_content = if correction.use_prose {
            match &task.prose {
                Some(prose) => Some(prose.clone()),
                None => {
                    diagnostics.push(Diagnostic::error(
                        "config/correction-prose",
                        origin,
                        format!("第 {} 项任务在正文中没有对应文字，无法采用正文", task.no),
                    ));
                    continue;
                }
            }
        } else {
            correction.content.as_ref().map(|c| c.trim().to_string())
        };
        let mut applied = AppliedCorrection {
            content_was: None,
            units_was: None,
            deadline_was: None,
            reason: correction.reason.clone(),
            origin,
        };
        if let Some(content) = new_content
            && content != task.content
        {
            applied.content_was = Some(std::mem::replace(&mut task.content, content));
            task.targets = super::targets::extract(&task.content);
        }
        if let Some(units) = &correction.units {
            let resolved = resolve_units(&split_units(units), &[], &[], false, registry);
            applied.units_was = Some(std::mem::replace(
                &mut task.units_text,
                units.trim().to_string(),
            ));
            task.units_display = super::units::canonical_cell(&task.units_text, registry);
            task.units = resolved.assignments;
            task.unspecified = resolved.unspecified;
            task.duplicate_units = resolved.duplicates;
            task.name_fragments = resolved.fragments;
            task.lead_not_first = resolved.lead_not_first;
        }
        if let Some(written) = correction.deadline.as_deref().map(str::trim) {
            correct_deadline(task, written, year, &mut applied, diagnostics);
        }
        task.correction = Some(applied);
    }
}

fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    let span = year_span_in(text);
    // A horizon the plan looks to (…和二〇三五年远景目标纲要) is not the year it is for.
    let horizon = |at: usize| {
        let after: String = chars.iter().skip(at + 5).take(2).collect();
        matches!(cjk::simplified_text(&after).as_str(), "远景" | "愿景")
    };
    chars.windows(5).enumerate().find_map(|(at, w)| {
        let written: String = w.iter().collect();
        let digits: String = w[..4].iter().collect();
        (w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
            .then(|| digits.parse().ok())
            .flatten()
            // Or in numerals (（二○一一年八月）).
            .or_else(|| year_in_numerals(&written).filter(|_| w[4] == '年'))
            // The end of a span (2013—2015年) is not the year the plan is for.
            .filter(|year| span.is_none_or(|(_, last)| last != *year))
            .filter(|_| !horizon(at))
    })
}

/// The year a date written in numerals opens with (二〇〇九年二月二十日, 二○○九年…).
fn year_in_numerals(date: &str) -> Option<i32> {
    let digits: String = date
        .chars()
        .take_while(|c| *c != '年')
        .map(|c| match c {
            '〇' | '○' | '零' | 'O' | 'Ｏ' => Some('0'),
            c => "一二三四五六七八九"
                .chars()
                .position(|n| n == c)
                .and_then(|i| char::from_digit(i as u32 + 1, 10)),
        })
        .collect::<Option<String>>()?;
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The years a text's span names (2013—2015年, 2021-2023年, 2024至2026年).
fn year_span_in(text: &str) -> Option<(i32, i32)> {
    static SPAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"(\d{4})\s*(?:年)?\s*[—–\-－~～至到]+\s*(\d{4})\s*年").unwrap()
    });
    let caps = SPAN.captures(text)?;
    Some((caps[1].parse().ok()?, caps[2].parse().ok()?))
}

/// The year a web page dates the document by, when nothing of the document itself does:
/// said, like the tasks' year, since the page's date is not the plan's.
fn page_year(parts: &Parts, diagnostics: &mut Vec<Diagnostic>) -> Option<i32> {
    let (year, source) = parts.page_year.clone()?;
    diagnostics.push(
        Diagnostic::note(
            "plan/year-from-page",
            Location::file(&source),
            format!(
                "方案标题、发文字号和日期都没有写年份：按网页上的发布日期，取 {year} 年（用于换算“6月底前”等时限）"
            ),
        )
        .with_hint("如不对，在 fengong.toml 的 [plan] 中填写 year = 年份"),
    );
    Some(year)
}

/// The year the tasks' texts name most (2017年3月底前拨付…), when nothing else gives the
/// plan's: said, since it is a reading of the text and dates its 6月底前.
fn year_in_tasks(raw: &RawTable, diagnostics: &mut Vec<Diagnostic>) -> Option<i32> {
    let texts = (raw.rows.iter()).filter_map(|row| match &row.kind {
        RowKind::Task(task) => Some([Some(&task.content), task.deadline.as_ref()]),
        _ => None,
    });
    let year = most_named_year(texts.flatten().flatten().map(String::as_str))?;
    diagnostics.push(
        Diagnostic::note(
            "plan/year-from-tasks",
            raw.origin
                .clone()
                .or_else(|| raw.rows.first().map(|r| r.origin.clone()))?,
            format!(
                "方案标题、发文字号和日期都没有写年份：按任务内容中最常写到的年份，取 {year} 年（用于换算“6月底前”等时限）"
            ),
        )
        .with_hint("如不对，在 fengong.toml 的 [plan] 中填写 year = 年份"),
    );
    Some(year)
}

/// The year the notice's body names most (现就2013年《政府工作报告》确定的重点工作…), when
/// neither it nor the tasks give one otherwise: said, as a reading of the text.
fn year_in_notice_body(notice: &Notice, diagnostics: &mut Vec<Diagnostic>) -> Option<i32> {
    let year = most_named_year(notice.body.iter().map(|p| p.text.as_str()))?;
    diagnostics.push(
        Diagnostic::note(
            "plan/year-from-notice",
            notice.body.first()?.origin.clone(),
            format!(
                "方案标题、发文字号、日期和任务都没有写年份：按通知正文写到的年份，取 {year} 年（用于换算“6月底前”等时限）"
            ),
        )
        .with_hint("如不对，在 fengong.toml 的 [plan] 中填写 year = 年份"),
    );
    Some(year)
}

/// The year `texts` name most, on a tie the earliest; not one a work aims at (到2025年,
/// 至2025年) or compares with (比2015年, 较2020年).
fn most_named_year<'a>(texts: impl Iterator<Item = &'a str>) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for text in texts {
        let mut rest = text;
        while let Some(year) = year_in(rest) {
            let at = rest.find(&format!("{year}年")).unwrap_or(0);
            if !rest[..at].ends_with(['到', '至', '比', '较']) {
                *counts.entry(year).or_default() += 1;
            }
            rest = &rest[at + 4..];
        }
    }
    let (&year, _) = counts
        .iter()
        .max_by(|(ya, a), (yb, b)| a.cmp(b).then(yb.cmp(ya)))?;
    Some(year)
}

/// The places the plan's issuer and title open with (九江市人民政府: 九江; 上海市嘉定区…:
/// 上海, 嘉定): a unit named after one (九江铁路建设办) has its place written.
fn own_places<'a>(texts: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    const LEVELS: &[char] = &['省', '市', '县', '区', '州', '旗', '盟'];
    let mut places: Vec<String> = Vec::new();
    for text in texts.into_iter().flatten().flat_map(str::lines) {
        let mut rest = text.trim().trim_start_matches("中共");
        while let Some((at, level)) = rest
            .char_indices()
            .take(5)
            .find(|(_, c)| LEVELS.contains(c))
        {
            let place = &rest[..at];
            let count = place.chars().count();
            if !(2..=4).contains(&count) || !place.chars().all(cjk::is_han) {
                break;
            }
            if !places.iter().any(|p| p == place) {
                places.push(place.to_string());
            }
            rest = &rest[at + level.len_utf8()..];
        }
    }
    places
}

fn build_tasks(
    raw: &RawTable,
    (year, issued, own_places): (Option<i32>, Option<Date>, &[String]),
    config: &Config,
    registry: &UnitRegistry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Task> {
    let dated = (year, issued);
    let registry = &registry.with_cut_off(cut_off_names(raw, config, registry));
    let mut notes = TaskNotes {
        schedule: Schedule::of(raw, year),
        own_places: own_places.to_vec(),
        ..TaskNotes::default()
    };
    let mut tasks = Vec::new();
    for row in &raw.rows {
        let RowKind::Task(cells) = &row.kind else {
            continue;
        };
        let Some(no) = parse_task_number(&cells.no) else {
            continue;
        };
        let units = notes.units(no, row, cells, (config, registry), diagnostics);
        let (deadline, deadline_text) = notes.deadline(no, row, cells, dated, config);
        let (content, closed) = cjk::close_word_spaces(cells.content.trim());
        let origin = cells.content_origin.clone().unwrap_or(row.origin.clone());
        if !closed.is_empty() {
            notes.spaces_closed.push((no, origin.clone(), closed));
        }
        let targets = super::targets::extract(&content);
        let resolved = units.resolved;
        tasks.push(Task {
            no,
            content,
            prose: None,
            section: 0,
            group: 0,
            units_display: super::units::canonical_cell(&units.text, registry),
            units_text: units.text,
            units: resolved.assignments,
            unspecified: resolved.unspecified,
            responsible_phrases: resolved.responsible_phrases,
            lead_phrases: resolved.lead_phrases,
            duplicate_units: resolved.duplicates,
            name_fragments: resolved.fragments,
            lead_not_first: resolved.lead_not_first,
            deadline,
            deadline_text,
            start: work_starts(raw, cells, year),
            person: cells.person.clone().or(units.persons),
            extra: cells.extra.clone(),
            targets,
            number_origin: (cells.content_origin.is_some() && row.origin != origin)
                .then(|| row.origin.clone()),
            origin,
            units_origin: cells.units_origin.clone(),
            support_origin: cells.support_origin.clone(),
            responsible_origin: cells.responsible_origin.clone(),
            prose_origin: None,
            correction: None,
        });
    }
    notes.said(raw, diagnostics);
    tasks
}

/// Names the table writes cut off beside their whole: 县数据 where 县数据资源管理局 is
/// written too, a cell of a copy cut at its edge. A name the registry knows, or one that ends
/// as a body's name, is whole.
fn cut_off_names(
    raw: &RawTable,
    config: &Config,
    registry: &UnitRegistry,
) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    for row in &raw.rows {
        if let RowKind::Task(cells) = &row.kind {
            let written = written_units(cells, config);
            let all = (written.leads.into_iter())
                .chain(written.supports)
                .chain(written.responsible);
            names.extend(all.map(|w| w.name.trim().to_string()));
        }
    }
    let whole_beside = |piece: &String| {
        names.iter().any(|name| {
            name.len() > piece.len()
                && name.starts_with(piece.as_str())
                && super::units::ends_whole(name)
        })
    };
    (names.iter())
        .filter(|name| {
            matches!(registry.resolve(name), Resolution::Unknown)
                && !super::units::ends_whole(name)
                && !looks_unspecified(name)
                && whole_beside(name)
        })
        .cloned()
        .collect()
}

/// What reading the tasks found to say once for all of them, each with the tasks it
/// concerns.
#[derive(Default)]
struct TaskNotes {
    spaces_closed: Vec<SpacesClosed>,
    unread_deadlines: Vec<UnreadDeadline>,
    /// Tasks whose lead is the first of a plain 责任单位 cell's units (see lead_by_order).
    first_leads: Vec<(u32, Location, AfterTheFirst)>,
    levels_lent: LevelsLent,
    wrapped: WrappedNames,
    schedule: Schedule,
    /// Tasks whose deadline is the last period their schedule fills.
    scheduled: Vec<u32>,
    /// The places the plan's issuer and title name ([`own_places`]).
    own_places: Vec<String>,
}

/// A task's units: as resolved, as written, and the persons named beside them.
struct TaskUnits {
    resolved: ResolvedUnits,
    text: String,
    persons: Option<String>,
}

impl TaskNotes {
    /// Task `no`'s units, resolved; what their reading found is noted or said.
    fn units(
        &mut self,
        no: u32,
        row: &RawRow,
        cells: &RawTask,
        (config, registry): (&Config, &UnitRegistry),
        diagnostics: &mut Vec<Diagnostic>,
    ) -> TaskUnits {
        let separate = cells.lead.is_some();
        let mut written = written_units(cells, config);
        // A name opening with the plan's own place (九江铁路建设办) wrote its level: none lent.
        for unit in (written.leads.iter_mut())
            .chain(&mut written.supports)
            .chain(&mut written.responsible)
        {
            if let Some((as_written, _)) = &unit.level_lent
                && self
                    .own_places
                    .iter()
                    .any(|p| as_written.starts_with(p.as_str()))
            {
                unit.name = as_written.clone();
                unit.level_lent = None;
            }
        }
        let (leads, supports) = (&written.leads, &written.supports);
        let persons = persons_named(leads, supports);
        let resolved: ResolvedUnits =
            resolve_units(leads, supports, &written.responsible, separate, registry);
        let text = units_as_written(cells);
        let units_origin = cells.units_origin.clone().unwrap_or(row.origin.clone());
        if let Some(after) = lead_by_order(cells, &written, &resolved, config) {
            self.first_leads.push((no, units_origin.clone(), after));
        }
        // Each list is said at its own cell: the 配合 column's names at the 配合 cell.
        for (units, origin) in [
            (&written.leads, &units_origin),
            (
                &written.supports,
                cells.support_origin.as_ref().unwrap_or(&units_origin),
            ),
            (
                &written.responsible,
                cells.responsible_origin.as_ref().unwrap_or(&units_origin),
            ),
        ] {
            say_run_together(no, units.iter(), origin, diagnostics);
            say_lead_mark_shared(no, units.iter(), origin, diagnostics);
            self.levels_lent.note(no, units.iter(), origin);
            self.wrapped.note(no, units.iter(), origin);
        }
        diagnostics.extend(roles_read(no, &written.roles_said, cells, &units_origin));
        if !written.folded.is_empty() {
            let names: String = written.folded.iter().map(|n| format!("「{n}」")).collect();
            diagnostics.push(Diagnostic::note(
                "unit/listed-in-two-columns",
                (cells.responsible_origin.clone()).unwrap_or(units_origin.clone()),
                format!(
                    "第 {no} 项：这一格写的{names}已写在牵头或配合单位列中，只按那一列读一次；发布的任务分工表中这一格空出"
                ),
            ));
        }
        if resolved.assignments.is_empty() && !text.is_empty() && resolved.unspecified.is_empty() {
            diagnostics.push(Diagnostic::warning(
                "table/no-units",
                units_origin,
                format!("第 {no} 项任务的责任单位「{text}」无法识别"),
            ));
        }
        TaskUnits {
            resolved,
            text,
            persons,
        }
    }

    /// Task `no`'s deadline, and its text as written: its cell, else the last period its
    /// schedule fills, else the config's default.
    fn deadline(
        &mut self,
        no: u32,
        row: &RawRow,
        cells: &RawTask,
        dated: (Option<i32>, Option<Date>),
        config: &Config,
    ) -> (Option<Date>, Option<String>) {
        let deadline_text = (cells.deadline.as_deref())
            .map(crate::ingest::deadline::unwrapped)
            .filter(|d| !d.trim().is_empty());
        // Findings on it point at its own cell, where the table has one.
        let origin = cells.deadline_origin.as_ref().unwrap_or(&row.origin);
        let (mut deadline, unread) =
            task_deadline(no, deadline_text.as_deref(), dated, config, origin);
        self.unread_deadlines.extend(unread);
        if deadline_text.is_none()
            && let Some(last) = self.schedule.last_filled(&cells.extra)
        {
            deadline = Some(last);
            self.scheduled.push(no);
        }
        (deadline, deadline_text)
    }

    fn said(self, raw: &RawTable, diagnostics: &mut Vec<Diagnostic>) {
        say_unread_deadlines(self.unread_deadlines, diagnostics);
        diagnostics.extend(said_spaces_closed(&self.spaces_closed));
        diagnostics.extend(said_lead_by_order(&self.first_leads));
        diagnostics.extend(self.levels_lent.said());
        diagnostics.extend(self.wrapped.said());
        diagnostics.extend(self.schedule.said(&self.scheduled, raw));
    }
}

/// A task's number, its place, and the spaces closed in its text (as written, as closed).
type SpacesClosed = (u32, Location, Vec<(String, String)>);

/// The spaces closed inside the words of tasks' text (污水管 网: a web page's line breaks),
/// said once with every place: the model and every output hold the text closed.
fn said_spaces_closed(closed: &[SpacesClosed]) -> Option<Diagnostic> {
    let (_, first, _) = closed.first()?;
    let places: Vec<String> = closed
        .iter()
        .map(|(no, _, runs)| {
            let runs: Vec<String> = runs
                .iter()
                .map(|(written, read)| format!("「{written}」→「{read}」"))
                .collect();
            format!("第 {no} 项{}", runs.join("、"))
        })
        .collect();
    Some(
        Diagnostic::note(
            "text/space-closed",
            first.clone(),
            format!(
                "任务内容的词语中间有空格（多是网页或 PDF 换行留下的），已去掉：{}",
                places.join("；")
            ),
        )
        .with_hint("如空格本是原文要的（如两个名称之间），请在原文中改用顿号或逗号"),
    )
}

/// The columns of a table that sets what is done by each period (一季度 … 四季度, 2025年 …
/// 2027年), each with the period's last day.
#[derive(Default)]
struct Schedule {
    columns: Vec<(usize, Date, String)>,
}

impl Schedule {
    fn of(raw: &RawTable, year: Option<i32>) -> Schedule {
        let columns = (schedule_columns(raw).into_iter())
            .filter_map(|i| {
                let name = &raw.extra_columns[i];
                super::deadline::period_end(name, year).map(|end| (i, end, name.clone()))
            })
            .collect();
        Schedule { columns }
    }

    /// A task without a 完成时限 of its own is due when the last period it writes work for
    /// ends.
    fn last_filled(&self, extra: &[String]) -> Option<Date> {
        (self.columns.iter())
            .filter(|(i, _, _)| extra.get(*i).is_some_and(|v| !v.trim().is_empty()))
            .map(|(_, end, _)| *end)
            .max()
    }

    /// Says which tasks took their deadline from the schedule, once.
    fn said(&self, tasks: &[u32], raw: &RawTable) -> Option<Diagnostic> {
        let origin = raw
            .origin
            .clone()
            .or_else(|| raw.rows.first().map(|r| r.origin.clone()))?;
        (!tasks.is_empty()).then(|| {
            let names: Vec<&str> = self.columns.iter().map(|(_, _, n)| n.as_str()).collect();
            Diagnostic::note(
                "table/deadline-from-schedule",
                origin,
                format!(
                    "第 {} 项任务没有写完成时限：按「{}」中最后一个写了内容的时段定为完成时限",
                    crate::base::number::task_list(tasks.iter().copied()),
                    names.join("、")
                ),
            )
        })
    }
}

/// What the rest of a 责任单位 cell's units became when its first was taken to lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AfterTheFirst {
    /// A plain 责任单位 column: 配合.
    Support,
    /// Beside a 配合 column of its own: still 责任单位 ([`crate::model::Role::Responsible`]).
    Responsible,
}

/// Whether a task's lead is the first of the several units a 责任单位 cell lists, none marked
/// (`[plan] lead = "first"`): the source does not say so. What the others became, if so.
fn lead_by_order(
    cells: &RawTask,
    written: &WrittenRoles,
    resolved: &ResolvedUnits,
    config: &Config,
) -> Option<AfterTheFirst> {
    use crate::model::Role;
    if config.plan.lead != crate::config::LeadRule::First || cells.lead.is_some() {
        return None;
    }
    let count = |role: Role| {
        (resolved.assignments.iter())
            .filter(|a| a.role == role)
            .count()
    };
    if cells.support.is_some() {
        // written_units marked the first itself and kept the others as 责任单位.
        return (count(Role::Responsible) > 0).then_some(AfterTheFirst::Responsible);
    }
    // Units given a role (a group phrase such as 各县(市、区)人民政府 too): with two or more,
    // the order decided which leads.
    let named = resolved.assignments.len();
    // X负责，Y、Z参与: the cell gives the others a supporting role itself.
    let supports_written = super::units::ROLE_SUFFIXES
        .iter()
        .filter(|(_, word)| *word == super::units::RoleWord::Support)
        .any(|(suffix, _)| cells.units.contains(suffix));
    let by_order = !supports_written
        && named > 1
        && !written.leads.iter().any(|w| w.marked_lead)
        && count(Role::Lead) == 1;
    by_order.then_some(AfterTheFirst::Support)
}

/// The tasks whose first listed unit was taken to lead, said once for each thing the others
/// became.
fn said_lead_by_order(assumed: &[(u32, Location, AfterTheFirst)]) -> Vec<Diagnostic> {
    [AfterTheFirst::Support, AfterTheFirst::Responsible]
        .into_iter()
        .filter_map(|after| {
            let tasks: Vec<_> = assumed.iter().filter(|(_, _, a)| *a == after).collect();
            let (_, place, _) = tasks.first()?;
            let numbers = crate::base::number::task_list(tasks.iter().map(|t| t.0).take(12));
            let which = match tasks.len() {
                n if n > 12 => format!("第 {numbers} 等 {n} 项"),
                _ => format!("第 {numbers} 项"),
            };
            let others = match after {
                AfterTheFirst::Support => "其余为配合单位",
                AfterTheFirst::Responsible => "其余仍为责任单位，和配合单位一样报送进展",
            };
            Some(
                Diagnostic::note(
                    "unit/lead-first",
                    place.clone(),
                    format!(
                        "责任单位没有分出牵头和配合：{which}所列的第一个单位作为牵头单位，{others}"
                    ),
                )
                .with_hint(
                    "如所列单位共同牵头，在输入目录的 fengong.toml 的 [plan] 中写 lead = \"all\"",
                ),
            )
        })
        .collect()
}

/// Names read otherwise than written: without their level, lent one by their list
/// (`省国税局、地税局`), or with the office's other name in brackets (`市发展改革委〔市能源局〕`,
/// read as 市发展改革委). Each reading, the tasks it was read in and where first, for one
/// note each.
#[derive(Default)]
struct LevelsLent(Vec<NameRead>);

/// One reading [`LevelsLent`] says: the name as written, as read, the name that explains
/// it (the list's name that lent the level, or the other name), whether that is a second
/// name, the tasks, where first.
struct NameRead {
    written: String,
    name: String,
    from: String,
    second_name: bool,
    tasks: Vec<u32>,
    at: Location,
}

impl LevelsLent {
    fn note<'a>(&mut self, no: u32, units: impl Iterator<Item = &'a WrittenUnit>, at: &Location) {
        for unit in units {
            let readings = [
                (unit.level_lent.clone(), false),
                (
                    (unit.second_name.as_ref())
                        .map(|other| (format!("{}（{other}）", unit.name), other.clone())),
                    true,
                ),
            ];
            for (reading, second_name) in readings {
                let Some((written, from)) = reading else {
                    continue;
                };
                let same = |r: &&mut NameRead| r.written == written && r.name == unit.name;
                match self.0.iter_mut().find(same) {
                    Some(reading) if !reading.tasks.contains(&no) => reading.tasks.push(no),
                    Some(_) => {}
                    None => self.0.push(NameRead {
                        written,
                        name: unit.name.clone(),
                        from,
                        second_name,
                        tasks: vec![no],
                        at: at.clone(),
                    }),
                }
            }
        }
    }

    fn said(self) -> impl Iterator<Item = Diagnostic> {
        self.0.into_iter().map(|read| {
            let tasks = crate::base::number::task_list(read.tasks);
            let NameRead { written, name, from, .. } = read;
            match read.second_name {
                false => Diagnostic::note(
                    "unit/level-shared",
                    read.at,
                    format!(
                        "第 {tasks} 项：「{written}」前没有写层级，和同一列举中的「{from}」一样读作「{name}」"
                    ),
                )
                .with_hint("如不是同一层级的单位，请在原文中写全单位名称"),
                true => Diagnostic::note(
                    "unit/second-name",
                    read.at,
                    format!(
                        "第 {tasks} 项：「{name}」后括号中的「{from}」读作同一单位的另一名称（一个机构两块牌子）：任务单出给「{name}」"
                    ),
                )
                .with_hint(format!(
                    "如「{from}」是另一个单位，请在原文中把它单独列出；如确为同一单位，可在 fengong.toml 的 [[units]] 中把它写作「{name}」的 aliases"
                )),
            }
        })
    }
}

/// The units whose `written` text says something of them, by that text, each text once
/// with the names read from it.
fn by_written<'a>(
    units: impl Iterator<Item = &'a WrittenUnit>,
    written: impl Fn(&'a WrittenUnit) -> Option<&'a str>,
) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for unit in units {
        let Some(text) = written(unit) else {
            continue;
        };
        match out.iter_mut().find(|(w, _)| *w == text) {
            Some((_, names)) => names.push(&unit.name),
            None => out.push((text, vec![&unit.name])),
        }
    }
    out
}

/// 市农业农村局、市住房城乡建设局（牵头），各镇人民政府: the mark was read as the run's, said
/// once per run, with how to write the other reading.
fn say_lead_mark_shared<'a>(
    no: u32,
    units: impl Iterator<Item = &'a WrittenUnit>,
    origin: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (written, names) in by_written(units, |u| u.lead_mark_shared.as_deref()) {
        let last = names.last().copied().unwrap_or_default();
        diagnostics.push(
            Diagnostic::note(
                "unit/lead-mark-shared",
                origin.clone(),
                format!(
                    "第 {no} 项：「{written}」中“牵头”写在顿号列举的最后一个单位之后、逗号之前，读作{}共同牵头",
                    names.iter().map(|n| format!("「{n}」")).collect::<String>()
                ),
            )
            .with_hint(format!(
                "如只有「{last}」牵头，请把它写在最前，或把其他单位移到逗号之后"
            )),
        );
    }
}

/// Names that ran together in a cell (`市行政审批局市司法局`), each text once, and how they
/// were read apart: for the user to check.
fn say_run_together<'a>(
    no: u32,
    units: impl Iterator<Item = &'a WrittenUnit>,
    origin: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (written, names) in by_written(units, |u| u.run_together.as_deref()) {
        diagnostics.push(
            Diagnostic::note(
                "unit/run-together",
                origin.clone(),
                format!(
                    "第 {no} 项：「{written}」中几个单位名称连写，已读作{}",
                    names.iter().map(|n| format!("「{n}」")).collect::<String>()
                ),
            )
            .with_hint("如读错，请在原文中用顿号隔开各单位"),
        );
    }
}

/// Names a cell broke over lines (农产品流通工作⏎专班, 高新园⏎(邹区镇)), read as one: each
/// reading, the tasks it was read in and where first, for one note each (a merged cell
/// writes it on every row under it).
#[derive(Default)]
struct WrappedNames(Vec<(String, String, Vec<u32>, Location)>);

impl WrappedNames {
    fn note<'a>(&mut self, no: u32, units: impl Iterator<Item = &'a WrittenUnit>, at: &Location) {
        for unit in units {
            let Some(written) = unit.wrapped.as_deref() else {
                continue;
            };
            let same =
                |r: &&mut (String, String, Vec<u32>, Location)| r.0 == written && r.1 == unit.name;
            match self.0.iter_mut().find(same) {
                Some(reading) if !reading.2.contains(&no) => reading.2.push(no),
                Some(_) => {}
                None => self
                    .0
                    .push((written.to_string(), unit.name.clone(), vec![no], at.clone())),
            }
        }
    }

    fn said(self) -> impl Iterator<Item = Diagnostic> {
        self.0.into_iter().map(|(written, name, tasks, at)| {
            let tasks = crate::base::number::task_list(tasks);
            let lines: Vec<String> = written.lines().map(|l| format!("「{l}」")).collect();
            let how = if lines.len() > 2 {
                format!("单元格中{}分 {} 行写", lines.concat(), lines.len())
            } else if lines.len() > 1 {
                format!("单元格中{}分两行写", lines.concat())
            } else {
                format!("「{written}」中间隔着空格（换行或排版留下的）")
            };
            Diagnostic::note(
                "unit/wrapped",
                at,
                format!("第 {tasks} 项：{how}，读作一个单位「{name}」"),
            )
            .with_hint("如是两个单位，请在原表中用顿号隔开")
        })
    }
}

/// The people a units cell names in its parentheses (`区商务局（王芳）`): the one name, or
/// each with its unit when several units name someone (王芳（区商务局）、赵明（区供销社）).
fn persons_named(leads: &[WrittenUnit], supports: &[WrittenUnit]) -> Option<String> {
    let named: Vec<(&str, &str)> = leads
        .iter()
        .chain(supports)
        .filter_map(|w| Some((w.person.as_deref()?, w.name.as_str())))
        .collect();
    match named.as_slice() {
        [] => None,
        [(person, _)] => Some(person.to_string()),
        _ => Some(
            named
                .iter()
                .map(|(person, unit)| format!("{person}（{unit}）"))
                .collect::<Vec<_>>()
                .join("、"),
        ),
    }
}

/// The units of a 牵头 cell and a 配合 cell, each in its column's role unless the cell
/// says otherwise in words: 「X牵头，Y配合」 in the 牵头 column makes Y a supporter (the cell
/// marks who leads, so the others do not), 「X牵头」 in the 配合 column makes X a lead. A
/// 配合 cell's 「…按职责分工负责」 says how its units support: no lead.
fn roles_in_role_columns(lead: &str, support: &str) -> RolesInColumns {
    let mut leads = split_units(lead);
    let mut supports = split_units(support);
    let mut said = Vec::new();
    let names = |units: &[WrittenUnit]| -> String {
        units.iter().map(|w| format!("「{}」", w.name)).collect()
    };
    if leads.iter().any(|w| w.marked_lead) && leads.iter().any(|w| !w.marked_lead) {
        let (marked, others): (Vec<_>, Vec<_>) = leads.into_iter().partition(|w| w.marked_lead);
        said.push((
            Column::Lead,
            format!("牵头单位一格写「{lead}」：{}读作配合单位", names(&others)),
        ));
        leads = marked;
        supports.splice(0..0, others);
    }
    leads.iter_mut().for_each(|w| w.marked_lead = true);
    let in_words = super::units::ROLE_SUFFIXES
        .iter()
        .any(|(suffix, _)| crate::base::cjk::simplified_text(support).contains(suffix));
    if names_a_lead(support) {
        let marked: Vec<WrittenUnit> = supports.iter().filter(|w| w.marked_lead).cloned().collect();
        if !marked.is_empty() {
            let how = format!(
                "配合单位一格写「{support}」：{}读作牵头单位",
                names(&marked)
            );
            said.push((Column::Support, how));
        }
    } else {
        supports.iter_mut().for_each(|w| w.marked_lead = false);
        if in_words && !supports.is_empty() {
            let how = format!(
                "配合单位一格写「{support}」：{}读作配合单位",
                names(&supports)
            );
            said.push((Column::Support, how));
        }
    }
    RolesInColumns {
        leads,
        supports,
        said,
    }
}

/// How task `no`'s 牵头 and 配合 cells' words of role were read, each said at its cell.
fn roles_read(
    no: u32,
    said: &[(Column, String)],
    cells: &RawTask,
    units_origin: &Location,
) -> Vec<Diagnostic> {
    (said.iter())
        .map(|(column, how)| {
            let at = match column {
                Column::Lead => units_origin,
                Column::Support => cells.support_origin.as_ref().unwrap_or(units_origin),
            };
            Diagnostic::note(
                "unit/role-in-cell",
                at.clone(),
                format!("第 {no} 项：{how}"),
            )
        })
        .collect()
}

/// A row's 牵头 and 配合 cells read, and how any words of role in them were read.
struct RolesInColumns {
    leads: Vec<WrittenUnit>,
    supports: Vec<WrittenUnit>,
    /// What a cell said of roles in words, by the cell it said it in.
    said: Vec<(Column, String)>,
}

/// Which role column a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Lead,
    Support,
}

/// Whether a cell says in words or marks that someone leads (牵头, 主办, 共同负责, ★).
fn names_a_lead(cell: &str) -> bool {
    use super::units::{LEAD_MARKS, ROLE_SUFFIXES, RoleWord};
    let simple = crate::base::cjk::simplified_text(cell);
    cell.contains(LEAD_MARKS)
        || ROLE_SUFFIXES
            .iter()
            .filter(|(_, word)| matches!(word, RoleWord::Lead | RoleWord::SharedLead))
            .any(|(suffix, _)| simple.contains(suffix))
}

/// The units a task row names, by the role its cells give them.
struct WrittenRoles {
    leads: Vec<WrittenUnit>,
    supports: Vec<WrittenUnit>,
    /// A 责任单位 cell's beside the 牵头 and 配合 ones.
    responsible: Vec<WrittenUnit>,
    /// The names of a third role column (主体责任单位) that all stood in the 牵头 or 配合
    /// column already: read once, in the role those give, and the cell left empty.
    folded: Vec<String>,
    /// How words of role in a 牵头 or 配合 cell were read.
    roles_said: Vec<(Column, String)>,
}

/// The units a task row names, as leads and supports. With a separate lead column a
/// 责任单位 column beside it (主要责任单位 | 其他责任单位, 牵头单位 | 责任单位) lists
/// supports too — or, beside a 配合 column as well, the units responsible; a single units
/// column lists every unit, the first or a marked one leading (`lead = "all"`: all of them,
/// unless the cell marks its lead itself).
fn written_units(cells: &RawTask, config: &Config) -> WrittenRoles {
    if cells.lead.is_some() {
        let read = roles_in_role_columns(
            cells.lead.as_deref().unwrap_or(""),
            cells.support.as_deref().unwrap_or(""),
        );
        let (leads, mut supports, roles_said) = (read.leads, read.supports, read.said);
        let mut responsible = Vec::new();
        let mut folded = Vec::new();
        for unit in split_units(&cells.units) {
            let listed = |w: &WrittenUnit| w.name == unit.name;
            if leads.iter().any(listed) || supports.iter().any(listed) {
                folded.push(unit.name);
                continue;
            }
            if cells.support.is_some() {
                responsible.push(unit);
            } else {
                supports.push(unit);
            }
        }
        // Beside a 牵头 column alone, a 责任单位 column repeating the lead is the plan's way of
        // listing every unit; beside 配合 too, a cell naming only others' units prints empty.
        if cells.support.is_none() || !responsible.is_empty() {
            folded.clear();
        }
        WrittenRoles {
            leads,
            supports,
            responsible,
            folded,
            roles_said,
        }
    } else {
        let mut units = split_units(&cells.units);
        let supports = split_units(cells.support.as_deref().unwrap_or(""));
        let mut responsible = Vec::new();
        if !units.iter().any(|w| w.marked_lead) {
            if config.plan.lead == crate::config::LeadRule::All {
                units.iter_mut().for_each(|w| w.marked_lead = true);
            } else if cells.support.is_some() {
                // 责任单位 | 配合单位: the units cell's first named unit leads, the 配合 cell's
                // units support whatever order the cells are read in, and the others the
                // units cell lists stay 责任单位: the source did not call them 配合.
                if let Some(at) = units.iter().position(|w| !looks_unspecified(&w.name)) {
                    units[at].marked_lead = true;
                    responsible = units.split_off(at + 1);
                }
            }
        }
        WrittenRoles {
            leads: units,
            supports,
            responsible,
            folded: Vec::new(),
            roles_said: Vec::new(),
        }
    }
}

/// A task row's units cells as written, joined (lead, units, support) when they are separate
/// — (lead, support, units) when the units cell lists those responsible.
fn units_as_written(cells: &RawTask) -> String {
    if cells.lead.is_none() && cells.support.as_deref().is_none_or(|s| s.trim().is_empty()) {
        return cells.units.trim().to_string();
    }
    let units = Some(cells.units.as_str());
    let (second, third) = match cells.lead {
        Some(_) if cells.support.is_some() => (cells.support.as_deref(), units),
        _ => (units, cells.support.as_deref()),
    };
    // Each list joined as one (牵头责任单位：市发展改革委。 then 协同责任单位：…): a full
    // stop closing a line is not the list's.
    [cells.lead.as_deref(), second, third]
        .into_iter()
        .flatten()
        .map(|s| {
            s.trim()
                .trim_end_matches(['。', '；', ';', '，', ','])
                .trim_end()
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

/// A deadline as written that reads as no date, or only counted from the notice's date:
/// the tasks writing it, where the first is.
struct UnreadDeadline {
    text: String,
    reading: DeadlineReading,
    tasks: Vec<u32>,
    origin: Location,
}

/// What became of a deadline that names no date of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeadlineReading {
    /// No date in it.
    Unread,
    /// It would read once the plan's year is known (年底前, 6月底前).
    NeedsYear,
    /// A limit (5天, 1个月内) counted from the notice's date (`from`), ending `to`.
    Counted { from: Date, to: Date },
    /// A limit in days with no notice date to count from.
    NotDated,
    /// A limit in working days, not counted.
    WorkingDays,
}

/// A task's deadline: its cell read as a date, else the config's default; and the written
/// text when it reads as no date and does not say the work is ongoing.
fn task_deadline(
    no: u32,
    written: Option<&str>,
    (year, issued): (Option<i32>, Option<Date>),
    config: &Config,
    origin: &Location,
) -> (Option<Date>, Option<UnreadDeadline>) {
    use super::deadline::{Within, counted_from, within};
    let Some(text) = written else {
        let default = config.plan.default_deadline.as_deref();
        return (default.and_then(crate::base::date::parse_iso), None);
    };
    let said = |reading| {
        Some(UnreadDeadline {
            text: text.to_string(),
            reading,
            tasks: vec![no],
            origin: origin.clone(),
        })
    };
    if let Some(parsed) = parse_deadline(text, year) {
        return (Some(parsed), None);
    }
    if super::deadline::is_ongoing(text) {
        return (None, None);
    }
    match (within(text), issued) {
        (Some(Within::WorkingDays(_)), _) => (None, said(DeadlineReading::WorkingDays)),
        (Some(limit), Some(from)) => match counted_from(from, limit) {
            Some(to) => (Some(to), said(DeadlineReading::Counted { from, to })),
            None => (None, said(DeadlineReading::Unread)),
        },
        (Some(_), None) => (None, said(DeadlineReading::NotDated)),
        (None, _) if year.is_none() && parse_deadline(text, Some(2000)).is_some() => {
            (None, said(DeadlineReading::NeedsYear))
        }
        (None, _) => (None, said(DeadlineReading::Unread)),
    }
}

/// One finding for each deadline text that reads as no date, with every task writing it
/// (年内见成效 under five tasks is one thing to fix).
fn say_unread_deadlines(unread: Vec<UnreadDeadline>, diagnostics: &mut Vec<Diagnostic>) {
    let mut merged: Vec<UnreadDeadline> = Vec::new();
    for one in unread {
        match merged.iter_mut().find(|m| m.text == one.text) {
            Some(m) => m.tasks.extend(one.tasks),
            None => merged.push(one),
        }
    }
    for m in merged {
        let tasks = crate::base::number::task_list(m.tasks.iter().copied());
        let text = &m.text;
        if let Some(said) = limit_said(&m, &tasks) {
            diagnostics.push(said);
            continue;
        }
        diagnostics.push(if super::deadline::names_a_start(text) {
            Diagnostic::warning(
                "table/deadline",
                m.origin,
                format!("第 {tasks} 项任务的完成时限「{text}」写的是开工（启动）的时间，不是完成的时间：没有读作完成时限"),
            )
            .with_hint("如需按期评估，在 fengong.toml 中写 [[corrections]] task = 序号 和 deadline = \"完成时限\"")
        } else if m.reading == DeadlineReading::NeedsYear {
            Diagnostic::warning(
                "table/deadline",
                m.origin,
                format!("第 {tasks} 项任务的完成时限「{text}」没有写年份，方案中也看不出是哪一年"),
            )
            .with_hint("在 fengong.toml 的 [plan] 中填写 year = 年份，即可换算为日期")
        } else {
            Diagnostic::warning(
                "table/deadline",
                m.origin,
                format!("第 {tasks} 项任务的完成时限「{text}」无法识别为日期"),
            )
            .with_hint(format!(
                "评估时这{}项任务不按期计滞后；如需按期评估，在 fengong.toml 中为每项写 [[corrections]] task = {} 和 deadline = \"2025年12月底前\"（写明年月，原文不必改）",
                if m.tasks.len() > 1 { "些" } else { "" },
                m.tasks.first().copied().unwrap_or(1)
            ))
        });
    }
}

/// What is said of a limit counted from the day of issue (整改时限：5天): the date it gives,
/// or why it gives none.
fn limit_said(m: &UnreadDeadline, tasks: &str) -> Option<Diagnostic> {
    use crate::base::date::chinese;
    let text = &m.text;
    let origin = m.origin.clone();
    Some(match m.reading {
        DeadlineReading::Counted { from, to } => Diagnostic::note(
            "table/deadline-counted",
            origin,
            format!(
                "第 {tasks} 项任务的完成时限「{text}」从成文日期{}起算，定为{}",
                chinese(from),
                chinese(to)
            ),
        ),
        DeadlineReading::NotDated => Diagnostic::warning(
            "table/deadline",
            origin,
            format!("第 {tasks} 项任务的完成时限「{text}」从发文之日起算，但通知没有成文日期，无法换算为日期"),
        )
        .with_hint("在 fengong.toml 的 [notice] 中填写 date = \"成文日期\"，即可换算"),
        DeadlineReading::WorkingDays => Diagnostic::warning(
            "table/deadline",
            origin,
            format!("第 {tasks} 项任务的完成时限「{text}」按工作日计，节假日不由 fengong 推算：没有换算为日期"),
        )
        .with_hint("如需按期评估，在 fengong.toml 中写 [[corrections]] task = 序号 和 deadline = \"完成时限\""),
        _ => return None,
    })
}

fn table_sections(raw: &RawTable) -> Vec<TableSection> {
    let mut out: Vec<TableSection> = Vec::new();
    let mut waiting: Option<usize> = None;
    for row in &raw.rows {
        match &row.kind {
            RowKind::Section { numeral, title } => {
                out.push(TableSection {
                    numeral: numeral.clone(),
                    title: title.clone(),
                    origin: row.origin.clone(),
                    first_task: None,
                });
                waiting = Some(out.len() - 1);
            }
            RowKind::Task(cells) => {
                if let Some(i) = waiting.take() {
                    out[i].first_task = parse_task_number(&cells.no);
                }
            }
            RowKind::Label(_) => {}
        }
    }
    out
}

/// One sentence of a group's prose.
struct Sentence {
    group: usize,
    start: usize,
    end: usize,
    line: u32,
}

/// Prose groups in plan order, with the index of their section.
type FlatGroups<'a> = Vec<(usize, &'a ProseGroup)>;

fn group_by_prose(
    prose: &Prose,
    tasks: &mut [Task],
    table_sections: &[TableSection],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let flat: FlatGroups = prose
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.groups.iter().map(move |g| (si, g)))
        .collect();
    let sentences = prose_sentences(&flat);
    let owned = match_sentences(&sentences, &flat, tasks);
    let mut group_of = take_prose(tasks, &owned, &sentences, &flat, diagnostics);
    place_unmatched(&mut group_of, tasks, &flat, diagnostics);
    check_order(&group_of, tasks, &flat, diagnostics);
    let sections = prose_sections(prose, table_sections, tasks, &group_of);
    for (task, g) in tasks.iter_mut().zip(&group_of) {
        let g = g.unwrap_or(0);
        task.group = g as u32 + 1;
        task.section = flat.get(g).map(|(si, _)| *si as u32 + 1).unwrap_or(1);
    }
    sections
}

/// Every sentence of every group's prose.
fn prose_sentences(flat: &FlatGroups) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (gi, (_, group)) in flat.iter().enumerate() {
        for (start, end) in cjk::sentences(&group.text.text) {
            // An item's number opening the sentence (2、开展…) is none of the task's words.
            let written = &group.text.text[start..end];
            let words = crate::ingest::inline::without_item_number(written.trim_start());
            let start = end - words.len();
            sentences.push(Sentence {
                group: gi,
                start,
                end,
                line: group.text.line_at(start),
            });
        }
    }
    sentences
}

fn sentence_text<'a>(flat: &FlatGroups<'a>, sentence: &Sentence) -> &'a str {
    &flat[sentence.group].1.text.text[sentence.start..sentence.end]
}

/// For each task, the sentences (indices) whose text it holds best.
fn match_sentences(sentences: &[Sentence], flat: &FlatGroups, tasks: &[Task]) -> Vec<Vec<usize>> {
    // Inverted index: bigram → tasks whose text contains it. A sentence's candidates come from
    // its most selective bigrams (a bigram in half the tasks, 儿童, says nothing), and each
    // candidate is then scored exactly; this keeps the matching near linear in the size of the
    // text instead of sentences × tasks.
    let task_grams: Vec<std::collections::HashSet<u64>> = tasks
        .iter()
        .map(|t| bigrams(&match_key(&t.content)))
        .collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (ti, grams) in task_grams.iter().enumerate() {
        for bigram in grams {
            index.entry(*bigram).or_default().push(ti);
        }
    }
    const SELECTIVE: usize = 64;
    let mut owned: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let text = sentence_text(flat, sentence);
        let grams = bigrams(&match_key(text));
        if grams.is_empty() {
            continue;
        }
        let mut lists: Vec<&Vec<usize>> = grams.iter().filter_map(|g| index.get(g)).collect();
        lists.sort_by_key(|l| l.len());
        let mut candidates: Vec<usize> = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            if i > 0 && list.len() > SELECTIVE {
                break;
            }
            candidates.extend(list.iter().copied());
        }
        candidates.sort_unstable();
        candidates.dedup();
        counts.clear();
        for &ti in &candidates {
            let n = grams.iter().filter(|g| task_grams[ti].contains(g)).count();
            counts.insert(ti, n);
        }
        // Highest count wins; ties go to the earlier task, so the result does not depend on
        // hash order.
        let best = counts
            .iter()
            .map(|(&ti, &n)| (n, std::cmp::Reverse(ti)))
            .max()
            .map(|(n, std::cmp::Reverse(ti))| (ti, n));
        if let Some((ti, n)) = best
            && n as f64 >= MIN_COVERAGE * grams.len() as f64
        {
            owned[ti].push(si);
        }
    }

    owned
}

/// Each task's matched sentences give its prose and its group (index into `flat`).
fn take_prose(
    tasks: &mut [Task],
    owned: &[Vec<usize>],
    sentences: &[Sentence],
    flat: &FlatGroups,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<usize>> {
    // Each task: its sentences give its prose and its group.
    let mut group_of: Vec<Option<usize>> = vec![None; tasks.len()];
    for (ti, task) in tasks.iter_mut().enumerate() {
        let mine = &owned[ti];
        let Some(&first) = mine.first() else { continue };
        let first_sentence = &sentences[first];
        let (_, group) = flat[first_sentence.group];
        task.prose = Some(
            mine.iter()
                .map(|&s| sentence_text(flat, &sentences[s]))
                .collect::<Vec<_>>()
                .join(""),
        );
        task.prose_origin = Some(group.origin.at_line(first_sentence.line));
        group_of[ti] = Some(first_sentence.group);
        if mine
            .iter()
            .any(|&s| sentences[s].group != first_sentence.group)
        {
            diagnostics.push(Diagnostic::warning(
                "prose/task-spans-groups",
                task.origin.clone(),
                format!("第 {} 项任务的内容分属正文的多个段落", task.no),
            ));
        }
    }
    group_of
}

/// Tasks not found in the prose: between two tasks of the same group they belong to it;
/// otherwise they follow the task before them.
fn place_unmatched(
    group_of: &mut [Option<usize>],
    tasks: &[Task],
    flat: &FlatGroups,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for ti in 0..tasks.len() {
        if group_of[ti].is_some() {
            continue;
        }
        let before = group_of[..ti].iter().rev().flatten().next().copied();
        let after = group_of[ti + 1..].iter().flatten().next().copied();
        let chosen = before.or(after).unwrap_or(0);
        group_of[ti] = Some(chosen);
        if let Some((_, group)) = flat.get(chosen) {
            diagnostics.push(
                Diagnostic::warning(
                    "prose/task-not-found",
                    tasks[ti].origin.clone(),
                    format!(
                        "第 {} 项任务的内容在方案正文中找不到，按前后任务归入「{}」",
                        tasks[ti].no, group.title
                    ),
                )
                .with_hint("请核对分工表与正文是否一致"),
            );
        }
    }
}

/// The table lists tasks in plan order; a task going back to an earlier group is suspect.
fn check_order(
    group_of: &[Option<usize>],
    tasks: &[Task],
    flat: &FlatGroups,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut highest = 0;
    for (ti, g) in group_of.iter().enumerate() {
        let g = g.unwrap_or(0);
        if g < highest {
            diagnostics.push(Diagnostic::warning(
                "prose/order",
                tasks[ti].origin.clone(),
                format!(
                    "第 {} 项任务在正文中位于前面的段落「{}」，与分工表顺序不一致",
                    tasks[ti].no, flat[g].1.title
                ),
            ));
        }
        highest = highest.max(g);
    }
}

/// The plan's sections and groups as the prose has them, with the tasks placed in them and
/// the table's own section titles beside.
fn prose_sections(
    prose: &Prose,
    table_sections: &[TableSection],
    tasks: &[Task],
    group_of: &[Option<usize>],
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut group_no = 0;
    for (si, section) in prose.sections.iter().enumerate() {
        let no = si as u32 + 1;
        // The first 一、 of the prose is the table's first 一、, the second its second (parts
        // that number their sections afresh: 第一部分 一、… 第二部分 一、…).
        let earlier = prose.sections[..si]
            .iter()
            .filter(|s| s.numeral == section.numeral)
            .count();
        let table_section = nth_with_numeral(
            table_sections.iter().map(|t| t.numeral.as_str()),
            &section.numeral,
            earlier,
        )
        .map(|at| &table_sections[at]);
        let mut groups = Vec::new();
        for group in &section.groups {
            group_no += 1;
            let gi = group_no as usize - 1;
            let members: Vec<u32> = tasks
                .iter()
                .zip(group_of)
                .filter(|(_, g)| **g == Some(gi))
                .map(|(t, _)| t.no)
                .collect();
            groups.push(Group {
                no: group_no,
                title: group.title.clone(),
                text: group.text.text.clone(),
                heading: group.numbered_heading(),
                origin: Some(group.origin.clone()),
                label: None,
                tasks: members,
            });
        }
        sections.push(Section {
            no,
            numeral: section.numeral.clone(),
            title: section.title.clone(),
            table_title: table_section.map(|t| t.title.clone()),
            origin: Some(section.origin.clone()),
            table_origin: table_section.map(|t| t.origin.clone()),
            intro: section.intro.clone(),
            groups,
        });
    }
    sections
}

fn group_by_labels(
    raw: &RawTable,
    tasks: &mut [Task],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut current_label: Option<String> = None;
    let mut group_no = 0u32;
    let mut task_index: HashMap<u32, usize> = HashMap::new();
    for (i, t) in tasks.iter().enumerate() {
        task_index.entry(t.no).or_insert(i);
    }
    // A table with no 主要事项 at all has one untitled group per section by design; only
    // where the table has labels is a task without one a defect.
    let part_labelled = labelled_parts(raw);
    let mut part = 0;
    let new_section =
        |sections: &mut Vec<Section>, numeral: &str, title: &str, origin: &Location| {
            sections.push(Section {
                no: sections.len() as u32 + 1,
                numeral: numeral.to_string(),
                title: title.to_string(),
                table_title: Some(title.to_string()).filter(|t| !t.is_empty()),
                origin: None,
                table_origin: Some(origin.clone()),
                intro: Vec::new(),
                groups: Vec::new(),
            });
        };
    for row in &raw.rows {
        match &row.kind {
            RowKind::Section { numeral, title } => {
                new_section(&mut sections, numeral, title, &row.origin);
                current_label = None;
                part += 1;
            }
            RowKind::Label(text) => {
                if sections.is_empty() {
                    new_section(&mut sections, "", "", &row.origin);
                }
                group_no += 1;
                push_label_group(&mut sections, group_no, text, &row.origin);
                current_label = Some(text.clone());
            }
            RowKind::Task(cells) => {
                let Some(no) = parse_task_number(&cells.no) else {
                    continue;
                };
                if sections.is_empty() {
                    new_section(&mut sections, "", "", &row.origin);
                }
                let fresh_label = cells
                    .label
                    .as_ref()
                    .filter(|l| current_label.as_deref() != Some(l.as_str()));
                let needs_group =
                    sections.last().is_some_and(|s| s.groups.is_empty()) || fresh_label.is_some();
                if needs_group {
                    group_no += 1;
                    let text = fresh_label.cloned().unwrap_or_default();
                    if text.is_empty() && part_labelled[part] {
                        diagnostics.push(Diagnostic::warning(
                            "table/label-missing",
                            row.origin.clone(),
                            format!("第 {no} 项任务之前没有主要事项，已归入无标题事项"),
                        ));
                    }
                    push_label_group(&mut sections, group_no, &text, &row.origin);
                    current_label = Some(text);
                }
                if let (Some(section), Some(&ti)) = (sections.last_mut(), task_index.get(&no))
                    && let Some(group) = section.groups.last_mut()
                {
                    group.tasks.push(no);
                    tasks[ti].group = group.no;
                    tasks[ti].section = section.no;
                }
            }
        }
    }
    sections
}

/// For the rows before the first section row and those under each, whether they have a
/// label. A plan may number one part's tasks right under its heading (一、 then （一）…
/// （九）) and group another's: a task without a label is a defect only in a part with them.
fn labelled_parts(raw: &RawTable) -> Vec<bool> {
    let mut parts = vec![false];
    for row in &raw.rows {
        let labelled = match &row.kind {
            RowKind::Section { .. } => {
                parts.push(false);
                continue;
            }
            RowKind::Label(_) => true,
            RowKind::Task(t) => t.label.is_some(),
        };
        if let Some(last) = parts.last_mut() {
            *last |= labelled;
        }
    }
    parts
}

fn push_label_group(sections: &mut [Section], no: u32, text: &str, origin: &Location) {
    let title = table_label(text)
        .map(|(_, t)| t)
        .unwrap_or_else(|| text.to_string());
    if let Some(section) = sections.last_mut() {
        section.groups.push(Group {
            no,
            title: cjk::tidy_spacing(&title),
            text: String::new(),
            heading: None,
            origin: Some(origin.clone()),
            label: Some(text.to_string()).filter(|t| !t.is_empty()),
            tasks: Vec::new(),
        });
    }
}

fn table_labels(raw: &RawTable, sections: &[Section], grouping: GroupingSource) -> Vec<TableLabel> {
    let groups: Vec<&Group> = sections.iter().flat_map(|s| s.groups.iter()).collect();
    let mut labels: Vec<TableLabel> = Vec::new();
    let mut waiting: Vec<usize> = Vec::new();
    let mut last_text: Option<&str> = None;
    for row in &raw.rows {
        let (text, task_no) = match &row.kind {
            RowKind::Label(text) => (text.as_str(), None),
            RowKind::Task(cells) => {
                let no = parse_task_number(&cells.no);
                for i in waiting.drain(..) {
                    labels[i].row_task = no;
                }
                match &cells.label {
                    // A merged cell repeated on each row of its merge is one label.
                    Some(label) if last_text != Some(label.as_str()) => (label.as_str(), no),
                    _ => continue,
                }
            }
            RowKind::Section { .. } => {
                last_text = None;
                continue;
            }
        };
        last_text = Some(text);
        let (number, title) = match table_label(text) {
            Some((n, t)) => (Some(n), t),
            None => (None, text.to_string()),
        };
        let group = match grouping {
            GroupingSource::Labels => groups
                .iter()
                .find(|g| g.origin.as_ref() == Some(&row.origin))
                .map(|g| g.no),
            GroupingSource::Prose => groups
                .iter()
                .map(|g| (similarity(&title, &g.title), g.no))
                .filter(|(s, _)| *s >= MIN_LABEL_SIMILARITY)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                .map(|(_, no)| no),
        };
        labels.push(TableLabel {
            text: text.to_string(),
            number,
            title: cjk::tidy_spacing(&title),
            origin: row.origin.clone(),
            row_task: task_no,
            group,
        });
        if task_no.is_none() {
            waiting.push(labels.len() - 1);
        }
    }
    labels
}

fn unit_tasks(tasks: &[Task], registry: &UnitRegistry) -> Vec<UnitTasks> {
    let mut order: Vec<UnitTasks> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for task in tasks {
        for a in &task.units {
            let i = *index.entry(a.name.clone()).or_insert_with(|| {
                let (kind, known) = match registry.unit(&a.name) {
                    Some(unit) => (unit.kind, true),
                    None => (UnitKind::Unknown, false),
                };
                order.push(UnitTasks {
                    name: a.name.clone(),
                    kind,
                    known,
                    lead: Vec::new(),
                    support: Vec::new(),
                });
                order.len() - 1
            });
            let entry = &mut order[i];
            let list = match a.role {
                crate::model::Role::Lead => &mut entry.lead,
                crate::model::Role::Support | crate::model::Role::Responsible => &mut entry.support,
            };
            if !list.contains(&task.no) {
                list.push(task.no);
            }
        }
    }
    // Registry order first, then unknown units in the order they appear.
    let first_seen: HashMap<String, usize> = order
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.clone(), i))
        .collect();
    order.sort_by_key(|u| {
        (
            registry.position(&u.name).unwrap_or(usize::MAX),
            first_seen.get(&u.name).copied().unwrap_or(0),
        )
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_lines_join_without_their_full_stops() {
        let cells = RawTask {
            lead: Some("市发展改革委。".into()),
            support: Some("市农业农村局、市住建局。".into()),
            ..RawTask::default()
        };
        assert_eq!(
            units_as_written(&cells),
            "市发展改革委、市农业农村局、市住建局"
        );
    }

    fn plan_of(source: &str) -> (Plan, Vec<Diagnostic>) {
        crate::ingest::plan_from_text(source, &Config::default())
    }

    #[test]
    fn years_are_read_from_numerals_and_spans_and_places_from_names() {
        assert_eq!(year_in_numerals("二○○九年二月二十日"), Some(2009));
        assert_eq!(year_in_numerals("二〇二五年三月五日"), Some(2025));
        assert_eq!(year_in_numerals("二月二十日"), None);
        assert_eq!(
            year_span_in("三年实施计划(2013—2015年)"),
            Some((2013, 2015))
        );
        assert_eq!(year_in("三年实施计划(2013—2015年)"), None);
        assert_eq!(year_in("2024年重点工作(2024—2026年)"), Some(2024));
        // A horizon looked to is no year of the plan's.
        assert_eq!(
            year_in("海丰县第十四个五年规划和二〇三五年远景目标纲要"),
            None
        );
        assert_eq!(year_in("2021年实施二〇三五年远景目标"), Some(2021));
        assert_eq!(
            own_places([
                Some("上海市嘉定区发展和改革委员会"),
                Some("九江市支持大南昌都市圈发展行动方案")
            ]),
            ["上海", "嘉定", "九江"]
        );
        assert!(own_places([Some("2026年市政府重点工作")]).is_empty());
    }

    #[test]
    fn a_deadline_that_reads_as_no_date_is_said_once_with_its_tasks() {
        let source = "某市2026年重点工作分解\n\n序号 | 工作任务 | 责任单位 | 完成时限\n\
            1 | 抓好财政监督 | 市财政局 | 逐步推进\n\
            2 | 加强税源监控 | 市税务局 | 6月底前\n\
            3 | 建设信用体系 | 市发改委 | 逐步推进\n";
        let (_, said) = plan_of(source);
        let unread: Vec<&Diagnostic> = said.iter().filter(|d| d.code == "table/deadline").collect();
        assert_eq!(unread.len(), 1, "{unread:?}");
        assert_eq!(
            unread[0].message,
            "第 1、3 项任务的完成时限「逐步推进」无法识别为日期"
        );
        assert_eq!(unread[0].location.line_no(), Some(4));
    }

    #[test]
    fn a_deadline_without_a_year_asks_for_the_year() {
        let source = "某局重点工作分解\n\n序号 | 工作任务 | 责任科室 | 完成时限\n\
            1 | 完成信访积案化解 | 办信科 | 年底前\n";
        let (_, said) = plan_of(source);
        let deadline = said.iter().find(|d| d.code == "table/deadline").unwrap();
        assert!(
            deadline.message.contains("没有写年份"),
            "{}",
            deadline.message
        );
        assert!(
            deadline.hints[0].contains("year = 年份"),
            "{:?}",
            deadline.hints
        );
    }

    #[test]
    fn a_year_the_work_aims_at_is_not_the_year_it_is_done() {
        let source = "某县优化营商环境若干措施\n\n\
            序号 | 工作任务 | 责任单位\n\
            1 | 到2026年建成产业空间50万平方米，2023年供地10万平方米。 | 县自然资源局\n\
            2 | 至2026年培育规上企业30家。 | 县工信局\n\
            3 | 单位产值能耗比2020年下降5%，较2021年再降1%。 | 县发改委\n";
        let (plan, said) = plan_of(source);
        assert_eq!(plan.year, Some(2023));
        assert!(said.iter().any(|d| d.code == "plan/year-from-tasks"));
    }

    /// The table puts the label of group 乙 on the last row of the group, the way a vertically
    /// centred merged cell comes out of OCR, and gives group 丙 no label at all.
    const MISPLACED: &str = "\
# 2025年工作安排

## 一、第一部分

**推动甲。**做好甲一事。做好甲二事。

**推动乙。**做好乙一事，完善机制。做好乙二事。做好乙三事。

**推进丙。**做好丙一事。

分工表

序号\t主要事项\t具体内容\t责任单位
1\t(一) 推动甲\t做好甲一事。\t区教育局
2\t\t做好甲二事。\t区教育局
3\t\t做好乙一事，完善机制。\t区教育局
4\t(二) 推动乙\t做好乙二事。\t区教育局
5\t\t做好乙三事。\t区教育局
6\t\t做好丙一事。\t区教育局
";

    #[test]
    fn prose_decides_groups_not_label_rows() {
        let (plan, diagnostics) = plan_of(MISPLACED);
        assert_eq!(plan.table.grouping, GroupingSource::Prose);
        let groups: Vec<(String, Vec<u32>)> = plan
            .groups()
            .map(|g| (g.title.clone(), g.tasks.clone()))
            .collect();
        assert_eq!(
            groups,
            [
                ("推动甲".to_string(), vec![1, 2]),
                ("推动乙".to_string(), vec![3, 4, 5]),
                ("推进丙".to_string(), vec![6]),
            ]
        );
        // The label of 乙 is on task 4's row, but names group 2 which starts at task 3.
        let label = &plan.table.labels[1];
        assert_eq!(
            (label.number, label.row_task, label.group),
            (Some(2), Some(4), Some(2))
        );
        assert_eq!(
            plan.task(3).unwrap().prose.as_deref(),
            Some("做好乙一事，完善机制。")
        );
        assert_eq!(plan.year, Some(2025));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn without_prose_labels_hold_until_the_next() {
        let table_only = MISPLACED
            .lines()
            .skip_while(|l| !l.starts_with("分工表"))
            .collect::<Vec<_>>()
            .join("\n");
        let (plan, _) = plan_of(&table_only);
        assert_eq!(plan.table.grouping, GroupingSource::Labels);
        let groups: Vec<Vec<u32>> = plan.groups().map(|g| g.tasks.clone()).collect();
        assert_eq!(groups, [vec![1, 2, 3], vec![4, 5, 6]]);
        assert_eq!(plan.task(4).unwrap().group, 2);
    }

    #[test]
    fn a_task_missing_from_the_prose_follows_its_neighbours() {
        let source = MISPLACED.replace("做好乙二事。\t", "全新的内容写在这里。\t");
        let (plan, diagnostics) = plan_of(&source);
        assert_eq!(plan.task(4).unwrap().group, 2);
        assert!(diagnostics.iter().any(|d| d.code == "prose/task-not-found"));
    }
}
