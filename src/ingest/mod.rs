//! Ingest: sources → [`Plan`]. One reader per input format; all of them produce the same
//! parts (notice, prose, [`raw_table::RawTable`]), which [`assemble`] puts together.

pub mod assemble;
pub mod convert;
pub mod deadline;
pub mod docx;
pub mod grid;
pub mod inline;
pub(crate) mod later_attachment;
mod prose_parts;
pub mod raw_table;
pub(crate) mod reporting;
pub mod repost;
pub mod returns;
pub mod sheet_limits;
pub mod targets;
pub mod text;
pub mod unit_first;
pub mod units;
pub mod word;
pub mod xlsx;

use std::path::Path;

use crate::base::diag::{Diagnostic, Error, Location, Remedy, Result};
use crate::model::Plan;
use crate::project::{
    CONVERTED_EXTENSIONS, Project, SHEET_EXTENSIONS, UNREAD_EXTENSIONS, WORD_EXTENSIONS,
};

/// Text sources larger than this are refused: a plan is a few hundred KB at most, and
/// reading a stray dump or log would only waste time and memory.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// The plan and what was noticed while reading it.
#[derive(Debug)]
pub struct Ingested {
    /// The plan.
    pub plan: Plan,
    /// Problems of the source found while reading (never fatal ones: those are errors).
    pub diagnostics: Vec<Diagnostic>,
    /// The unit registry the plan was resolved with.
    pub registry: crate::model::UnitRegistry,
    /// The decoded text sources, (path, text), so later stages can point at lines.
    pub texts: Vec<(String, String)>,
}

/// What the input folder holds that fengong cannot read, each said with what to do: a notice
/// kept only in a zip or a scan is otherwise missing without a word.
fn left_aside(project: &Project) -> Vec<Diagnostic> {
    use crate::project::Aside;
    (project.aside.iter())
        .map(|(path, kind)| {
            let shown = project.shown(path);
            let (message, hint) = match kind {
                Aside::Empty => {
                    return Diagnostic::warning(
                        "input/empty",
                        Location::file(shown),
                        "文件是空的（0 字节），没有可读的内容，已跳过",
                    )
                    .with_hint("多是新建后未保存、或下载未完成的文件；如它本应是通知或分工表，请重新保存或下载；否则可移出输入目录");
                }
                Aside::Archive => (
                    "压缩包不读取，其中的文件未读入",
                    "如其中有通知或任务分工表，请先解压到输入目录",
                ),
                Aside::Picture => (
                    "图片（扫描件、照片）不能读出文字，未读入",
                    "请使用同一文件的 Word（.docx）或文字版本",
                ),
                Aside::Folder => (
                    "子目录中的文件不读取（只读取输入目录本身的文件；反馈表放在 returns/<评估期>/ 中）",
                    "如其中有通知或任务分工表，请移到输入目录本身",
                ),
            };
            Diagnostic::note("input/aside", Location::file(shown), message).with_hint(hint)
        })
        .collect()
}

/// The folder's files `[plan] sources` leaves out, each said: a revised plan put beside the
/// listed one is otherwise never read, and nobody told.
fn unlisted(project: &Project, config_path: &str) -> Vec<Diagnostic> {
    let listed: Vec<String> = (project.sources.iter())
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string())
        .collect();
    (project.unlisted.iter())
        .map(|path| {
            let file = (path.file_name())
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            Diagnostic::warning(
                "source/not-listed",
                Location::file(project.shown(path)),
                format!(
                    "「{file}」未读取：{config_path} 的 [plan] sources 只列了「{}」",
                    listed.join("」「")
                ),
            )
            .with_hint(format!(
                "如要读它，把「{file}」写进 [plan] sources（换掉旧的，或加在后面）"
            ))
            .with_remedy(Remedy::ReadSource { file })
        })
        .collect()
}

/// Reads every source of `project` into one plan.
pub fn load(project: &Project) -> Result<Ingested> {
    let config_path = project
        .config_path
        .as_ref()
        .map(|p| project.shown(p))
        .unwrap_or_else(|| crate::project::CONFIG_FILE.to_string());
    let registry = project.config.registry(&config_path)?;
    let mut gathered = Gathered::default();
    gathered.diagnostics.extend(unlisted(project, &config_path));
    gathered.diagnostics.extend(left_aside(project));
    let many_sources = project.sources.len() > 1;
    for source in &project.sources {
        let display = project.shown(source);
        gathered.parts.sources.push(display.clone());
        match read_source(source, &display) {
            Ok(Read::Sheet(doc)) => {
                let doc = *doc;
                gathered.diagnostics.extend(doc.diagnostics);
                // A notice kept on a sheet of its own is read as a text is, its rows its
                // lines (x.xlsx#通知 第 3 行).
                for (sheet, text) in doc.notices {
                    let shown = format!("{display}#{sheet}");
                    let notice = text::parse(&text, &shown);
                    gathered.take_text(notice, text, PlaceKind::Lines, &shown, true);
                }
                if let Some(table) = doc.table {
                    gathered.take_table(table, &display, false);
                }
            }
            Ok(Read::Skipped(note)) => gathered.diagnostics.push(*note),
            Ok(Read::Text { doc, text, places }) => {
                gathered.take_text(*doc, text, places, &display, many_sources)
            }
            Err(Error::Input(mut list)) => gathered.fatal.append(&mut list),
            Err(other) => return Err(other),
        }
    }
    gathered.settle_prose_apart();
    let Gathered {
        parts,
        table_from,
        fatal,
        mut diagnostics,
        texts,
        attachment_marks,
        ..
    } = gathered;
    if (parts.notice.as_ref()).is_none_or(|n| n.attachments.is_empty()) {
        let marks = attachment_marks.into_iter();
        diagnostics.extend(marks.map(|p| unused_note(&p.text, p.origin)));
    }
    if !fatal.is_empty() {
        return Err(Error::Input(fatal));
    }
    match require_tasks(project, &parts.table, table_from.as_deref(), &texts) {
        Err(Error::Input(mut refused)) => {
            // The tables seen and not read say where the 分工表 likely is.
            refused.extend(
                diagnostics
                    .into_iter()
                    .filter(|d| d.code == "word/table-not-read"),
            );
            return Err(Error::Input(refused));
        }
        other => other?,
    }
    let plan = assemble::assemble(parts, &project.config, &registry, &mut diagnostics);
    cite_the_stated_lead_rule(&mut diagnostics, &texts);
    diagnostics.extend(said_numbered_through(&plan.tasks, &texts));
    diagnostics.sort_by(|a, b| a.location.cmp(&b.location).then(a.code.cmp(&b.code)));
    Ok(Ingested {
        plan,
        diagnostics,
        registry,
        texts,
    })
}

/// A notice handing out several documents whose texts follow one after another, each
/// under its title and numbering its items from 1 (衢州: 《…“十四五”时期重点工作责任分解》
/// 《…2021年重点工作责任分解》和《…民生实事项目责任分解》): each later title, a line the
/// task reader left out, heads the part of the tasks under it — the parts were run together
/// under the first title, the others' titles said unused.
fn parts_the_notice_names(table: &mut raw_table::RawTable, notice: Option<&crate::model::Notice>) {
    let names = notice.map(text::part_names).unwrap_or_default();
    if names.is_empty() {
        return;
    }
    let (titles, left_out): (Vec<_>, Vec<_>) = std::mem::take(&mut table.left_out)
        .into_iter()
        .partition(|(line, origin)| {
            origin.line_no().is_some() && names.contains(&text::bare_title(line))
        });
    table.left_out = left_out;
    for (title, origin) in titles {
        let line = origin.line_no().unwrap_or_default();
        let at = (table.rows.iter())
            .position(|r| r.origin.line_no().is_some_and(|l| l > line))
            .unwrap_or(table.rows.len());
        let row = raw_table::RawRow {
            kind: raw_table::RowKind::Section {
                numeral: String::new(),
                title: crate::base::cjk::tidy_spacing(&title),
            },
            origin,
        };
        table.rows.insert(at, row);
    }
}

/// Tasks numbered on in order where the text numbers them otherwise — afresh in each part
/// ((一) 1. 2. (二) 1. 2.), skipping a number, or at two levels —, said once with the
/// numbers each had: sheets and returns cite the new ones. Only where every task with a
/// line of its own has it open with its number.
fn said_numbered_through(
    tasks: &[crate::model::Task],
    texts: &[(String, String)],
) -> Option<Diagnostic> {
    // A Word document's text holds a paragraph a line (its numbers as Word shows them).
    let line_of = |task: &crate::model::Task| {
        let (path, line) = match &task.origin {
            Location::Line { path, line } => (path, *line),
            Location::Paragraph { path, index } => (path, *index),
            _ => return None,
        };
        let (_, text) = texts.iter().find(|(p, _)| p == path)?;
        text.lines().nth((line as usize).checked_sub(1)?)
    };
    // Tasks sharing a line (一是…二是…), or standing on it after a heading's words (二、提升
    // 服务水平。一是…), are not numbered by what opens it: the others are.
    let shares_a_line = |t: &crate::model::Task| {
        (tasks.iter()).any(|other| other.no != t.no && other.origin == t.origin)
    };
    let after_a_heading = |t: &crate::model::Task| {
        let Some((number, _)) = line_of(t).and_then(written_item_number) else {
            return false;
        };
        let rest = line_of(t).map_or("", |l| l.trim_start()[number.len()..].trim_start());
        let opening: String = t.content.trim().chars().take(4).collect();
        !crate::base::cjk::tidy_spacing(rest).starts_with(&crate::base::cjk::tidy_spacing(&opening))
    };
    let written: Option<Vec<(u32, String, u32)>> = (tasks.iter())
        .filter(|t| !shares_a_line(t) && !after_a_heading(t))
        .map(|t| {
            let (number, value) = written_item_number(line_of(t)?)?;
            Some((t.no, number, value))
        })
        .collect();
    let differ: Vec<(u32, String, u32)> = (written?.into_iter())
        .filter(|(no, _, value)| no != value)
        .collect();
    let (first_no, _, _) = differ.first()?;
    let first = tasks.iter().find(|t| t.no == *first_no)?;
    let shown: Vec<String> = (differ.iter().take(6))
        .map(|(no, number, _)| format!("第 {no} 项原为「{number}」"))
        .collect();
    let more = if differ.len() > 6 { "等" } else { "" };
    Some(
        Diagnostic::note(
            "plan/renumbered",
            first.origin.clone(),
            format!(
                "原文的编号在各部分重新开始、有跳号或分属两级：任务按先后连续编为第 1—{} 项，{}{more}",
                tasks.len(),
                shown.join("，")
            ),
        )
        .with_hint("任务分工表、任务单和评估都用连续编号；如需沿用原编号，请在原文中连续编号"),
    )
}

/// The item number a line opens with (3. 3、 （3） ③ 三、 （三）), as written and its value.
fn written_item_number(line: &str) -> Option<(String, u32)> {
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(concat!(
            r"^\s*(?:(\d{1,3})\s*[.．、。]|[（(]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]",
            r"|([①-⑳])|([一二三四五六七八九十]{1,3})\s*、)"
        ))
        .unwrap()
    });
    let caps = NUMBER.captures(line)?;
    let value = match (caps.get(1).or(caps.get(2)).or(caps.get(4)), caps.get(3)) {
        (Some(m), _) => match m.as_str().parse() {
            Ok(n) => n,
            Err(_) => crate::base::cjk::chinese_number(m.as_str())?,
        },
        (None, Some(circled)) => circled.as_str().chars().next()? as u32 - '①' as u32 + 1,
        (None, None) => return None,
    };
    Some((caps[0].trim().to_string(), value))
}

/// Where the source itself says that the first listed unit leads (表中责任单位排在第一位的为
/// 牵头单位, in a notice, a note under the table or a sheet of its own), the note that the
/// first was taken to lead quotes it instead of offering `lead = "all"`.
fn cite_the_stated_lead_rule(diagnostics: &mut [Diagnostic], texts: &[(String, String)]) {
    let Some(at) = diagnostics.iter().position(|d| d.code == "unit/lead-first") else {
        return;
    };
    // The texts read, and what findings quote of the rest (a 说明 sheet, a note row).
    let quoted = diagnostics.iter().filter_map(|d| {
        Some(
            d.message
                .rsplit_once('「')?
                .1
                .rsplit_once('」')?
                .0
                .to_string(),
        )
    });
    let sources = texts.iter().map(|(_, t)| t.clone()).chain(quoted);
    let stated = sources
        .flat_map(|text| {
            text.split(['。', '；', ';', '\n'])
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|sentence| {
            sentence.chars().count() <= 60
                && units::is_role_note(sentence)
                && !sentence.contains('「')
        });
    let Some(stated) = stated else { return };
    let note = &mut diagnostics[at];
    // Without its label (注：, 填表说明：), or the parenthesis after a list that says it
    // (责任单位：甲、乙（第一责任单位为牵头单位，下同）).
    // Only a bracket closing the sentence: 标注“（牵头）”的为牵头单位 quotes its mark in one.
    let bracketed = stated
        .rfind(['（', '('])
        .map(|open| &stated[open..])
        .filter(|tail| tail.ends_with(['）', ')']))
        .map(|tail| tail.trim_matches(['（', '）', '(', ')']))
        .filter(|inner| !inner.contains(['）', ')']) && units::is_role_note(inner));
    let rule = match stated.split_once(['：', ':']) {
        _ if bracketed.is_some() => bracketed.unwrap_or_default(),
        Some((label, rule)) if label.chars().count() <= 5 => rule,
        _ => stated.as_str(),
    };
    if let Some((_, rest)) = note.message.split_once('：') {
        note.message = format!("原文写明「{rule}」：{rest}");
        note.hints.clear();
    }
}

/// Whether a document titled `title` is one of the attachments `listed` (bare titles): its
/// title is one of them, or names one with at most a few words around it (2025年 …, （试行）)
/// — but a title quoting one in 《》 with words after it (关于《…》的起草说明) is about it.
fn issued_as(title: &str, listed: &[String]) -> bool {
    let bare = text::bare_title(title);
    let after_quote = title
        .rfind('》')
        .map(|end| title[end + '》'.len_utf8()..].chars().count())
        .unwrap_or(0);
    let quoted = title.split('《').nth(1).and_then(|s| s.split('》').next());
    let about = quoted.is_some_and(|q| listed.contains(&text::bare_title(q))) && after_quote >= 2;
    !about
        && listed.iter().any(|name| {
            bare == *name
                || ((bare.contains(name.as_str()) || name.contains(bare.as_str()))
                    && bare.chars().count().abs_diff(name.chars().count()) <= 6)
                || crate::base::cjk::similarity(&bare, name) >= 0.6
        })
}

/// What the sources gave so far, while they are read one by one.
#[derive(Default)]
struct Gathered {
    parts: assemble::Parts,
    /// The source the table was taken from.
    table_from: Option<String>,
    /// The table is tasks read from a text's paragraphs, not a table.
    table_inline: bool,
    /// Problems that stop the reading, gathered over every source before stopping.
    fatal: Vec<Diagnostic>,
    diagnostics: Vec<Diagnostic>,
    /// The text sources, (display path, text).
    texts: Vec<(String, String)>,
    /// Attachment labels over a plan's title in a file of its own (附件 / 某某方案): the
    /// mark of the attachment a notice lists (printed with it), or — with no such notice —
    /// none of the plan's words, said.
    attachment_marks: Vec<crate::model::Paragraph>,
    /// The source the notice was taken from.
    notice_from: Option<String>,
    /// Prose of files holding neither a notice nor a table, beside other sources: the plan's
    /// text when the notice issues it, a note about the plan (起草说明) when the notice issues
    /// something else — told once every source is read (see [`Gathered::settle_prose_apart`]).
    prose_apart: Vec<(String, text::Prose)>,
}

impl Gathered {
    /// Takes what a text or Word source holds: its notice (the first one found), its prose,
    /// its table — or, without one, the tasks it assigns inline or with labelled lines.
    fn take_text(
        &mut self,
        mut doc: text::TextDocument,
        text: String,
        places: PlaceKind,
        display: &str,
        many_sources: bool,
    ) {
        let mut inline_here = false;
        if let Some(table) = doc.table.take() {
            let above: String = match doc.lines_above_table {
                Some(n) => text.lines().take(n).collect::<Vec<_>>().join("\n"),
                None => text.clone(),
            };
            let before = after_notice(&above, doc.notice.as_ref());
            doc.table = Some(
                match tasks_beside_table(&before, places.places(display), &table) {
                    Some(mut tasks) => {
                        self.diagnostics.append(&mut tasks.said);
                        self.diagnostics
                            .push(read_beside_table(&tasks, &table, display));
                        let mut tasks = table.after_tasks(tasks, &mut doc.diagnostics);
                        if doc.notice.is_some() {
                            tasks.title = None;
                        }
                        self.parts.tasks_in_prose = true;
                        inline_here = true;
                        tasks
                    }
                    None => table,
                },
            );
        }
        self.attachment_after_table(&mut doc, &text, places.places(display));
        let plan_text = plan_text_of(&text, doc.notice.as_ref());
        // Paragraphs opening with who does the work hand it out only where nothing else can:
        // beside another source (a table in its own file) they are the plan's words.
        let unit_first = || {
            (!many_sources)
                .then(|| unit_first::parse_at(&plan_text, places.places(display)))
                .flatten()
        };
        let mut read_inline = false;
        if doc.table.is_none()
            && let Some(mut table) =
                inline::parse_at(&plan_text, places.places(display)).or_else(unit_first)
        {
            // Above a notice's plan, the document's first line is the 版头, not a title.
            if doc.notice.is_some() {
                table.title = None;
            }
            parts_the_notice_names(&mut table, doc.notice.as_ref());
            doc.table = Some(table);
            inline_here = true;
            read_inline = true;
        }
        self.texts.push((display.to_string(), text));
        self.diagnostics.append(&mut doc.diagnostics);
        let found_anything = doc.notice.is_some() || doc.table.is_some();
        // Sentences over a table in the same file, no notice around them: the plan's words.
        let over_own_table = doc.table.is_some() && doc.notice.is_none();
        if let Some(notice) = doc.notice {
            self.take_notice(notice, display);
        }
        if self.parts.page_year.is_none() {
            self.parts.page_year = doc.page_year.map(|y| (y, display.to_string()));
        }
        let apart = !found_anything && many_sources;
        self.place_prose(doc.prose, display, apart, (inline_here, over_own_table));
        if let Some(table) = doc.table {
            self.take_table(table, display, read_inline);
        }
    }

    /// Takes a file's prose: at once, or — a file of prose alone beside others (`apart`) —
    /// once every source is read; a file of neither prose nor anything else is said.
    fn place_prose(
        &mut self,
        prose: Option<text::Prose>,
        display: &str,
        apart: bool,
        (inline_here, over_own_table): (bool, bool),
    ) {
        match prose {
            Some(prose) if apart => self.prose_apart.push((display.to_string(), prose)),
            Some(prose) => self.take_prose(prose, inline_here, over_own_table),
            None if apart => self.diagnostics.push(Diagnostic::note(
                "input/ignored",
                Location::file(display),
                "未识别出通知或任务分工表，已跳过此文件",
            )),
            None => {}
        }
    }

    /// Takes the first notice; a second, other one is an error.
    fn take_notice(&mut self, notice: crate::model::Notice, display: &str) {
        match self.notice_from.clone() {
            None => {
                self.parts.notice = Some(notice);
                self.notice_from = Some(display.to_string());
            }
            Some(first) => self.second_notice(&notice, &first, display),
        }
    }

    /// A second notice (a draft beside the final, last year's beside this year's): which one
    /// is meant? The same notice found twice is read once.
    fn second_notice(&mut self, notice: &crate::model::Notice, first: &str, display: &str) {
        let Some(kept) = self.parts.notice.as_ref() else {
            return;
        };
        let same = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
        let written = notice.doc_number.is_some() || notice.title.is_some();
        if !written
            || (same(&kept.doc_number, &notice.doc_number) && same(&kept.title, &notice.title))
        {
            return;
        }
        let name = |n: &crate::model::Notice| {
            (n.doc_number.clone())
                .or(n.title.clone())
                .map(|s| format!("（{s}）"))
                .unwrap_or_default()
        };
        self.fatal.push(
            Diagnostic::error(
                "input/two-notices",
                notice.origin.clone().unwrap_or(Location::file(display)),
                format!(
                    "已在 {first} 中读到通知{}，此处又有一份{}",
                    name(kept),
                    name(notice)
                ),
            )
            .with_hint(
                "一个项目只发一份通知（征求意见稿、旧稿请移出输入目录）；也可在 fengong.toml 的 [plan] sources 中指定要读的文件",
            )
            .with_remedy(crate::base::diag::Remedy::LeaveOutSource {
                files: vec![file_name(first), file_name(display)],
            }),
        );
    }

    /// The prose of files holding neither notice nor table: with a notice that lists what it
    /// issues, a file is its plan's text when its title is one of them or its name labels
    /// one (附件1.docx); a title quoting one of them with words after it (关于《…方案》的
    /// 起草说明) is a note about it, and any other a document the notice does not issue:
    /// said with its title, none of it read. Without such a list, the first is the plan's.
    fn settle_prose_apart(&mut self) {
        for (display, prose) in std::mem::take(&mut self.prose_apart) {
            let listed = (self.parts.notice.as_ref())
                .map(|n| {
                    n.attachments
                        .iter()
                        .map(|a| text::bare_title(a))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            let title = prose.title.as_ref().map(|t| t.text.clone());
            let stem = std::path::Path::new(&display)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let issued = listed.is_empty()
                || text::labels_a_listed_attachment(&stem, listed.len())
                || title.as_deref().is_some_and(|t| issued_as(t, &listed));
            if issued {
                self.take_prose(prose, false, false);
                continue;
            }
            let message = match &title {
                Some(t) => format!(
                    "标题「{t}」不是通知附件说明所列的文件（{}），未读入此文件",
                    listed.join("、")
                ),
                None => "未识别出通知或任务分工表，也不是通知所附的文件，已跳过此文件".into(),
            };
            self.diagnostics.push(
                Diagnostic::note("input/ignored", Location::file(&display), message).with_hint(
                    "起草说明、修改说明等不随通知印发，无需处理；如它正是所附方案，请把附件说明中的名称改成与它的标题一致",
                ),
            );
        }
    }

    /// An attachment the notice (this text's, or one read before) lists, written after the
    /// text's table: read on into it (see [`later_attachment`]).
    fn attachment_after_table(
        &self,
        doc: &mut text::TextDocument,
        text: &str,
        places: text::Places<'_>,
    ) {
        let notice = doc.notice.as_ref().or(self.parts.notice.as_ref());
        if let (Some(table), Some(notice)) = (doc.table.as_mut(), notice) {
            later_attachment::read_after_table(table, notice, text, places, &mut doc.diagnostics);
        }
    }

    /// Takes the first grouped prose, or the prose beside tasks read inline. Prose the plan
    /// does not use (no groups, or a second file's) still names the plan with its title; the
    /// rest is said, not lost.
    fn take_prose(&mut self, mut prose: text::Prose, inline_here: bool, over_own_table: bool) {
        // A file opening with its label over a table titled on its own (附件 / 某某分工表 /
        // the table): the label is all its prose.
        if prose.title.is_none()
            && prose.preamble.len() == 1
            && prose.sections.is_empty()
            && text::is_attachment_label(&prose.preamble[0].text)
        {
            prose.before.append(&mut prose.preamble);
        }
        for above in prose.before.drain(..) {
            if text::is_attachment_label(&above.text) {
                self.attachment_marks.push(above);
                continue;
            }
            self.diagnostics
                .push(unused_note(&above.text, above.origin));
        }
        let grouped = prose.sections.iter().any(|s| !s.groups.is_empty());
        // Beside tasks read inline the prose is the plan's own text (its preamble, its
        // sections' aims) even without groups: kept to be printed, not reported. So is a
        // titled plan's text around a table that carries its work (徐庄镇's 工作计划: a
        // preamble, 一、安排表 and the table, 二、工作要求).
        let sentences = || {
            (prose.preamble.iter())
                .chain(prose.sections.iter().flat_map(|s| s.intro.iter()))
                .any(|p| crate::base::cjk::ends_sentence(p.text.trim()))
        };
        let untitled_over_table = prose.title.is_none() && over_own_table && sentences();
        let plan_text = prose.title.is_some() || untitled_over_table;
        if (grouped || inline_here || plan_text) && self.parts.prose.is_none() {
            // Its numbered points are still held against the table's rows: one no row
            // carries is said (prose/item-not-in-table).
            if untitled_over_table && !inline_here {
                let items = prose.sections.iter().flat_map(|s| s.intro.iter()).cloned();
                self.parts.unused_items.extend(items);
            }
            self.parts.prose = Some(prose);
            return;
        }
        if self.parts.prose_title.is_none() {
            self.parts.prose_title = prose.title.take();
        }
        if !inline_here {
            let items = prose.sections.iter().flat_map(|s| s.intro.iter()).cloned();
            self.parts.unused_items.extend(items);
        }
        self.diagnostics.extend(if inline_here {
            prose_beside_inline_tasks(&prose)
        } else {
            unused_prose(&prose)
        });
    }

    /// Takes the first table found; a second one is an error (which one is meant?) — but
    /// for tasks read from a text's own paragraphs beside a table in another source (a
    /// notice in Word, its 分工表 in Excel): the table is the division of work, the text's
    /// tasks are compared with it and said. `read_inline`: `table` is such tasks.
    fn take_table(&mut self, mut table: raw_table::RawTable, display: &str, read_inline: bool) {
        if let Some(first) = self.table_from.clone() {
            match (self.table_inline, read_inline) {
                (true, false) => {
                    let inline = std::mem::take(&mut self.parts.table);
                    self.parts.tasks_in_prose = false;
                    self.table_inline = false;
                    self.store_table(table, display);
                    let said = tasks_in_text_and_table(&inline, &first, &self.parts.table, display);
                    self.diagnostics.extend(said);
                }
                (false, true) => {
                    let said = tasks_in_text_and_table(&table, display, &self.parts.table, &first);
                    self.diagnostics.extend(said);
                }
                _ if self.attached_apart(self.parts.table.title.as_deref(), &first)
                    && self.attached_apart(table.title.as_deref(), display) =>
                {
                    let said = self.parts.table.append(table);
                    self.diagnostics.push(said);
                }
                _ => self.second_table(&table, &first, display),
            }
            return;
        }
        if read_inline {
            self.diagnostics.append(&mut table.said);
            self.parts.tasks_in_prose = true;
        }
        self.table_inline = read_inline;
        self.store_table(table, display);
    }

    /// Whether the table titled `title` of the file `display` is one of the attachments the
    /// notice lists, sent as a file of its own (附件1.docx, 附件2.docx, as offices send
    /// them): by its title, or by a file named as the list numbers it. Two such tables are
    /// read one after the other, as a file's two tables are.
    fn attached_apart(&self, title: Option<&str>, display: &str) -> bool {
        let Some(notice) = self.parts.notice.as_ref() else {
            return false;
        };
        let listed = notice.attachments.len();
        let names = text::part_names(notice);
        let titled = title.is_some_and(|t| names.contains(&text::bare_title(t)));
        let stem = std::path::Path::new(display)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let numbered = text::labels_a_listed_attachment(&stem, listed);
        listed >= 2 && (titled || numbered)
    }

    /// A second table: which one is meant?
    fn second_table(&mut self, table: &raw_table::RawTable, first: &str, display: &str) {
        self.fatal.push(
            Diagnostic::error(
                "input/two-tables",
                table.origin.clone().unwrap_or(Location::file(display)),
                format!("已在 {first} 中读到任务分工表，此处又有一份"),
            )
            .with_hint(
                "一个项目只能有一份分工表；可在 fengong.toml 的 [plan] sources 中指定要读的文件",
            )
            .with_remedy(crate::base::diag::Remedy::LeaveOutSource {
                files: vec![file_name(first), file_name(display)],
            }),
        );
    }

    /// Keeps the table of `display`, with what reading a table needs done to it.
    fn store_table(&mut self, table: raw_table::RawTable, display: &str) {
        self.table_from = Some(display.to_string());
        self.parts.table = table;
        let in_text = self
            .parts
            .table
            .rows
            .iter()
            .any(|r| matches!(&r.kind, raw_table::RowKind::Task(t) if t.numbered_in_text));
        let ditto = self.parts.table.fill_ditto_marks();
        self.diagnostics.extend(ditto);
        inline::read_labelled_units_cells(&mut self.parts.table);
        let place = (self.parts.table.origin.clone()).unwrap_or(Location::file(display));
        self.diagnostics
            .extend(text::number_marks(&self.parts.table, place.clone()));
        self.diagnostics
            .extend(text::bracketed_numbers(&self.parts.table, place));
        let renumbered = match self.parts.table.renumber_marked() {
            Some(written) if in_text => Some(("任务的编号写在各项内容之前", written)),
            Some(written) => Some(("分工表的序号不全是数字", written)),
            None => (self.parts.table.renumber_restarting_parts())
                .map(|written| ("分工表的序号在各部分重新从 1 编起", written)),
        };
        if let Some((why, written)) = renumbered {
            let count = written.len();
            let shown: Vec<String> = written
                .iter()
                .take(12)
                .map(|n| crate::base::cjk::tidy_spacing(n))
                .collect();
            let more = if count > 12 { "……" } else { "" };
            let place = self
                .parts
                .table
                .origin
                .clone()
                .unwrap_or(Location::file(display));
            self.diagnostics.push(Diagnostic::warning(
                "table/renumbered",
                place,
                format!(
                    "{why}（原编号依次为 {}{more}）：{count} 项任务按行序编为第 1—{count} 项，任务单和评估用新序号",
                    shown.join("、")
                ),
            ));
        }
    }
}

/// Tasks a text hands out in its own paragraphs (`inline`, of `text_from`) beside the
/// table of another source (`table_from`): the table is the division of work; said, with
/// the text's tasks the table does not hold, so none is lost without a word — and, where
/// the text gives a task's lead the table's row does not name, that too.
fn tasks_in_text_and_table(
    inline: &raw_table::RawTable,
    text_from: &str,
    table: &raw_table::RawTable,
    table_from: &str,
) -> Vec<Diagnostic> {
    let mut said = vec![text_tasks_in_table(inline, text_from, table, table_from)];
    said.extend(leads_not_in_table(inline, table, table_from));
    said
}

/// The text's tasks whose lead the table's row for the same task does not name at all (the
/// text 县行政审批局, the row 县市场监管局): which is meant is for the user to say.
fn leads_not_in_table(
    inline: &raw_table::RawTable,
    table: &raw_table::RawTable,
    table_from: &str,
) -> Option<Diagnostic> {
    let task_of = |r: &raw_table::RawRow| match &r.kind {
        raw_table::RowKind::Task(t) => Some((t.as_ref().clone(), r.origin.clone())),
        _ => None,
    };
    let rows: Vec<(raw_table::RawTask, Location)> = table.rows.iter().filter_map(task_of).collect();
    let named = |t: &raw_table::RawTask| {
        let all = [
            t.lead.as_deref(),
            t.support.as_deref(),
            Some(t.units.as_str()),
        ];
        han_only(&all.into_iter().flatten().collect::<Vec<_>>().join("、"))
    };
    let mut differ: Vec<(String, String, String, Location)> = Vec::new();
    for (task, origin) in inline.rows.iter().filter_map(task_of) {
        let lead_text = task.lead.clone().unwrap_or_else(|| task.units.clone());
        let Some(lead) = units::split_units(&lead_text).into_iter().next() else {
            continue;
        };
        let row = (rows.iter()).find(|(row, _)| in_a_row(&task.content, &[han_only(&row.content)]));
        if let Some((row, _)) = row
            && !named(row).is_empty()
            && !named(row).contains(&han_only(&lead.name))
        {
            let row_lead = row.lead.clone().unwrap_or_else(|| row.units.clone());
            differ.push((task.content.clone(), lead.name, row_lead, origin));
        }
    }
    let (_, _, _, first) = differ.first()?.clone();
    let shown: Vec<String> = (differ.iter().take(5))
        .map(|(content, text, row, _)| {
            let content = crate::base::cjk::excerpt_of(content, 16);
            format!("「{content}」正文由「{text}」牵头，分工表写「{row}」")
        })
        .collect();
    let more = if differ.len() > 5 { "等" } else { "" };
    Some(
        Diagnostic::warning(
            "input/text-and-table-differ",
            first,
            format!(
                "正文和 {table_from} 的分工表对 {} 项任务写的责任单位不同：{}{more}；发布按分工表",
                differ.len(),
                shown.join("；")
            ),
        )
        .with_hint("请核对哪一份是对的，改正原文或分工表后重试"),
    )
}

/// [`tasks_in_text_and_table`]'s finding on the text's tasks the table holds.
fn text_tasks_in_table(
    inline: &raw_table::RawTable,
    text_from: &str,
    table: &raw_table::RawTable,
    table_from: &str,
) -> Diagnostic {
    let rows = task_words(table);
    let tasks: Vec<(&raw_table::RawTask, &Location)> = (inline.rows.iter())
        .filter_map(|r| match &r.kind {
            raw_table::RowKind::Task(t) => Some((t.as_ref(), &r.origin)),
            _ => None,
        })
        .collect();
    let in_table = |task: &raw_table::RawTask| {
        let words = han_only(&task.content);
        (words.chars().count() < 8 && rows.iter().any(|row| row.contains(&words)))
            || in_a_row(&task.content, &rows)
    };
    let missing: Vec<&(&raw_table::RawTask, &Location)> =
        tasks.iter().filter(|(task, _)| !in_table(task)).collect();
    let whose = format!("{text_from} 的正文也写了 {} 项任务的分工", tasks.len());
    let rule = format!("以 {table_from} 的任务分工表为准，正文照原文印出");
    match missing.first() {
        None => Diagnostic::note(
            "input/tasks-in-text-and-table",
            inline.origin.clone().unwrap_or(Location::file(text_from)),
            format!("{whose}，都在分工表中：{rule}"),
        ),
        Some((_, origin)) => {
            let shown: Vec<String> = (missing.iter().take(5))
                .map(|(task, _)| format!("「{}」", crate::base::cjk::excerpt_of(&task.content, 16)))
                .collect();
            let more = if missing.len() > 5 { "等" } else { "" };
            Diagnostic::warning(
                "input/tasks-in-text-and-table",
                (*origin).clone(),
                format!(
                    "{whose}，其中 {} 项在分工表中没有找到（{}{more}）：{rule}，请核对分工表是否漏列",
                    missing.len(),
                    shown.join("、")
                ),
            )
        }
    }
}

/// The tasks the plan's text hands out itself above a table that lists others (一、主要任务
/// with its （一）…（X负责）, then 二、重点项目清单 and its table): read with the table's,
/// first, so neither is lost. Not when the text only writes out the table's own tasks
/// (most of them in its rows), nor when few of its items name who does them.
fn tasks_beside_table(
    text: &str,
    places: text::Places<'_>,
    table: &raw_table::RawTable,
) -> Option<raw_table::RawTable> {
    let tasks = inline::parse_at(text, places)?;
    let written: Vec<&raw_table::RawTask> = tasks
        .rows
        .iter()
        .filter_map(|r| match &r.kind {
            raw_table::RowKind::Task(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let assigned = written
        .iter()
        .filter(|t| {
            [
                t.lead.as_deref(),
                t.support.as_deref(),
                Some(t.units.as_str()),
            ]
            .iter()
            .any(|u| u.is_some_and(|u| !u.trim().is_empty()))
        })
        .count();
    if assigned == 0 || assigned * 2 < written.len() {
        return None;
    }
    // The text writing out the table's own tasks has most of them in its rows; one task
    // sharing words with a project (建设乡镇区域养老服务中心 beside a row 乡镇区域养老服务
    // 中心) does not make the others the table's.
    let rows = task_words(table);
    let repeated = written
        .iter()
        .filter(|t| in_a_row(&t.content, &rows))
        .count();
    (repeated * 2 <= written.len()).then_some(tasks)
}

/// The Han characters of `text`.
fn han_only(text: &str) -> String {
    text.chars()
        .filter(|c| crate::base::cjk::is_han(*c))
        .collect()
}

/// The Han characters of each task row's text in `table`.
fn task_words(table: &raw_table::RawTable) -> Vec<String> {
    (table.rows.iter())
        .filter_map(|r| match &r.kind {
            raw_table::RowKind::Task(t) => Some(han_only(&t.content)),
            _ => None,
        })
        .collect()
}

/// Whether any eight characters of a task's text stand in one of a table's `rows` (their Han
/// characters): the same task, however the text heads it (推动…。坚持儿童优先原则 over a row
/// 坚持儿童优先原则).
fn in_a_row(content: &str, rows: &[String]) -> bool {
    let chars: Vec<char> = han_only(content).chars().collect();
    chars.windows(8).step_by(4).any(|window| {
        let window: String = window.iter().collect();
        rows.iter().any(|row| row.contains(&window))
    })
}

/// What is said of tasks read from the text beside a table's.
fn read_beside_table(
    tasks: &raw_table::RawTable,
    table: &raw_table::RawTable,
    display: &str,
) -> Diagnostic {
    let count = |t: &raw_table::RawTable| {
        t.rows
            .iter()
            .filter(|r| matches!(r.kind, raw_table::RowKind::Task(_)))
            .count()
    };
    let (before, after) = (count(tasks), count(table));
    // Tables read one after another are named by the first's title, their first section.
    let first_section = table.rows.iter().find_map(|r| match &r.kind {
        raw_table::RowKind::Section { title, .. } => Some(title.as_str()),
        _ => None,
    });
    let name = match (table.title.as_deref(), first_section) {
        (Some(title), _) => title,
        (None, Some(title)) if !table.appended.is_empty() => title,
        _ => "分工表",
    };
    let more = match table.appended.iter().filter(|a| !a.in_text).count() {
        0 => String::new(),
        n => format!("等 {} 张表", n + 1),
    };
    let message = format!(
        "方案正文写明了责任单位的 {before} 项任务编为第 1—{before} 项，「{name}」{more}的 {after} 项接在其后编为第 {}—{} 项，一并出任务单",
        before + 1,
        before + after
    );
    let place = table.origin.clone().unwrap_or(Location::file(display));
    // A task of the text whose words stand in a row may be the row's, listed twice.
    let rows = task_words(table);
    let alike: Vec<String> = (tasks.rows.iter())
        .filter_map(|r| match &r.kind {
            raw_table::RowKind::Task(t) => Some(t),
            _ => None,
        })
        .enumerate()
        .filter(|(_, t)| in_a_row(&t.content, &rows))
        .map(|(k, t)| {
            let words = crate::base::cjk::excerpt_of(&t.content, 16);
            format!("第 {} 项「{words}」", k + 1)
        })
        .collect();
    match alike.is_empty() {
        true => Diagnostic::note("table/tasks-beside-table", place, message),
        false => Diagnostic::warning(
            "table/tasks-beside-table",
            place,
            format!(
                "{message}；其中{}的文字也出现在「{name}」的行中，可能重复列出",
                alike.join("、")
            ),
        )
        .with_hint("请核对：如是同一项工作，在原文中删去重复的一项后重试"),
    }
}

/// Refuses a project whose sources hold no table, or a table without a numbered task.
fn require_tasks(
    project: &Project,
    table: &raw_table::RawTable,
    table_from: Option<&str>,
    texts: &[(String, String)],
) -> Result<()> {
    if let Some(said) = table_taken_by_columns(texts) {
        return Err(Error::Input(vec![said]));
    }
    let Some(table_source) = table_from else {
        return Err(match table_set_unreadably(texts) {
            Some(said) => Error::Input(vec![said]),
            None => no_table_found(project, texts),
        });
    };
    if !table
        .rows
        .iter()
        .any(|r| matches!(r.kind, raw_table::RowKind::Task(_)))
    {
        return Err(no_numbered_task(table, table_source, texts));
    }
    Ok(())
}

/// A table a PDF's text took out a column at a time, or a cell at a time with its header's
/// names broken over lines: whatever was read of it pairs cells of different rows, so
/// nothing is published from it.
fn table_taken_by_columns(texts: &[(String, String)]) -> Option<Diagnostic> {
    let refused = |display: &str, line: u32, message: String| {
        Diagnostic::error(
            "input/table-by-columns",
            Location::line(display, line),
            message,
        )
        .with_hint(TAKEN_FROM_A_PDF)
    };
    if let Some((display, (first, names))) = texts
        .iter()
        .find_map(|(d, t)| text::header_broken_cell_by_cell(t).map(|found| (d, found)))
    {
        return Some(refused(
            display,
            first,
            format!(
                "这里的分工表是从 PDF 中逐格取出的文字：表头的列名被拆成几行（读作「{}」），各格之后的空格子不留痕迹，格子的先后也不一定是原表的，无法还原成行",
                names.join(" / ")
            ),
        ));
    }
    let (display, (first, later, names)) = texts
        .iter()
        .find_map(|(d, t)| text::table_taken_by_columns(t).map(|found| (d, found)))?;
    Some(refused(
        display,
        first,
        format!(
            "这里的分工表是从 PDF 中按列取出的文字：表头「{}」各占一行，第 {first} 行起是前几列的格子，第 {later} 行起才是后几列，哪个单位对应哪项任务已看不出来，无法还原成行",
            names.join(" / ")
        ),
    ))
}

/// What to do with a table a PDF's text took apart.
const TAKEN_FROM_A_PDF: &str = "请用 pdftotext -layout（保留版面）重新取出文字；或在 WPS、Word 中打开 PDF，把表格复制到 Excel 或 WPS 表格后另存为 .xlsx，放在原文件所在的文件夹";

/// A table the text holds but sets so that its columns cannot be told apart: one cell a
/// line, or cells set apart by single spaces.
fn table_set_unreadably(texts: &[(String, String)]) -> Option<Diagnostic> {
    if let Some((display, (line, cells))) = texts
        .iter()
        .find_map(|(d, t)| text::header_one_cell_per_line(t).map(|h| (d, h)))
    {
        return Some(
            Diagnostic::error(
                "input/cells-per-line",
                Location::line(display, line),
                format!(
                    "这里的分工表每格占一行（表头「{}」）：从网页复制时表格被拆散，空白的格子不留痕迹，无法还原各列",
                    cells.join(" / ")
                ),
            )
            .with_hint("请在网页上选中整张表格，粘贴到 Excel 或 WPS 表格后另存为 .xlsx，放在原文件所在的文件夹；或每行各格之间用制表符隔开"),
        );
    }
    if let Some((display, (line, cells))) = texts
        .iter()
        .find_map(|(d, t)| text::space_set_header(t).map(|h| (d, h)))
    {
        return Some(
            Diagnostic::error(
                "input/space-set-table",
                Location::line(display, line),
                format!(
                    "这里的分工表（表头「{}」）各格之间只隔一个空格，而有的行格内也有空格或有空格子，分不清哪段文字属于哪一列",
                    cells.join(" / ")
                ),
            )
            .with_hint("请把原表格粘贴到 Excel 或 WPS 表格后另存为 .xlsx，放在原文件所在的文件夹；或每行各格之间改用制表符隔开"),
        );
    }
    None
}

/// Why no table was read: a header lacking a column, or what the text shows instead.
fn no_table_found(project: &Project, texts: &[(String, String)]) -> Error {
    let place = project
        .sources
        .first()
        .map(|p| project.shown(p))
        .unwrap_or_default();
    // A header that names some columns but lacks one: say which, where.
    if let Some((display, (line, names, missing))) = texts
        .iter()
        .find_map(|(d, t)| text::near_header(t).map(|h| (d, h)))
    {
        return Error::Input(vec![
            Diagnostic::error(
                "input/no-table",
                Location::line(display, line),
                format!(
                    "这一行像是任务分工表的表头（{}），但缺少“{}”列，无法读出任务",
                    names.join("、"),
                    missing.join("”“")
                ),
            )
            .with_hint(crate::ingest::raw_table::missing_columns_hint(&missing)),
        ]);
    }
    let word = place.ends_with(".docx") || place.ends_with(".doc") || place.ends_with(".wps");
    let hint = if word {
        "请确认任务分工表是 Word 表格，表头含“序号”“任务内容”“责任单位”（或同义列名）；或在正文中逐项写明牵头单位"
    } else {
        "表格各列以制表符或竖线（| 序号 | 具体内容 | 责任单位 |）分隔；没有表格时，请在每项任务后写明牵头单位（如“（区发改委牵头）”或“牵头单位：……”）"
    };
    let mut message = "未找到任务分工表（表头含“序号”“任务内容”“责任单位”或同义列名），也没有读出写明责任单位的编号任务".to_string();
    for seen in texts.iter().flat_map(|(_, t)| what_the_text_shows(t)) {
        message.push('；');
        message.push_str(&seen);
    }
    Error::Input(vec![
        Diagnostic::error("input/no-table", Location::file(place), message).with_hint(hint),
    ])
}

/// Why a table read has no task: its cells were copied empty, or its 序号 column holds no
/// number.
fn no_numbered_task(
    table: &raw_table::RawTable,
    table_source: &str,
    texts: &[(String, String)],
) -> Error {
    let at = table.origin.clone().unwrap_or(Location::file(table_source));
    let source = texts
        .iter()
        .find(|(d, _)| d == table_source)
        .map(|(_, t)| t);
    let header_line = at.line_no().unwrap_or(0) as usize;
    if source.is_some_and(|t| cells_copied_empty(t, header_line, &table.header)) {
        let header: Vec<&str> = (table.header.iter())
            .map(|h| h.trim())
            .filter(|h| !h.is_empty())
            .collect();
        return Error::Input(vec![
            Diagnostic::error(
                "input/empty-table",
                at,
                format!(
                    "任务分工表只有表头（{}），表头下各格都是空的：表格的内容没有复制下来",
                    header.join("、")
                ),
            )
            .with_hint("网页上的表格复制时常只剩框线：请在原网页把表格另存或复制到 Excel、WPS 表格中核对后保存为 .xlsx，或从原文件（Word、Excel）读入"),
        ]);
    }
    // Say what the 序号 column holds instead: a web table's merged cells shift a row's
    // cells to the left, so a group's title or a measure lands under 序号.
    let first = table.header.first().cloned().unwrap_or_default();
    Error::Input(vec![
        Diagnostic::error(
            "input/empty-table",
            at,
            format!("任务分工表中没有任何带序号的任务行：「{first}」列下没有一个是数字"),
        )
        .with_hint("每项任务一行、第一列写序号（1、2、3……）；从网页复制的表格如有合并单元格，各格会错位，请先粘贴到 Excel 或 WPS 表格核对后另存为 .xlsx"),
    ])
}

/// Whether the lines under a table's header (line `header`, 1-based; its further names on
/// lines of their own when a web page copied them so) hold nothing but empty cells and part
/// headings (一、…): a web page whose table copied as its rules only.
fn cells_copied_empty(text: &str, header: usize, names: &[String]) -> bool {
    let rules = |line: &str| {
        line.chars()
            .all(|c| matches!(c, '|' | '｜') || c.is_whitespace())
    };
    let under: Vec<&str> = text.lines().skip(header).map(str::trim).collect();
    let empty_rows = under.iter().filter(|l| !l.is_empty() && rules(l)).count();
    let rest_are_parts = under.iter().all(|l| {
        let cell = l.trim_matches(['|', '｜']).trim();
        rules(l) || text::section_heading(cell).is_some() || names.iter().any(|n| n.trim() == cell)
    });
    header > 0 && empty_rows > 0 && rest_are_parts
}

/// A table of figures set as text (单位名称 签约项目总投资(亿元) … / 小店区 1502 50 …): a line
/// of three or more words set apart by spaces or tabs, over at least three rows of cells
/// holding figures. Its header line.
fn rows_of_figures<'a>(lines: &[&'a str]) -> Option<&'a str> {
    let cells = |line: &str| {
        line.split([' ', '\t', '\u{3000}'])
            .filter(|c| !c.is_empty())
            .count()
    };
    let figures = |line: &str| line.chars().filter(char::is_ascii_digit).count() >= 3;
    // A page's information box (索引号: …  发布日期: 2024-01-05) is labelled, no table.
    let filled: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    filled
        .windows(4)
        .filter(|w| !w.iter().any(|l| l.contains([':', '：'])))
        .find_map(|w| {
            (cells(w[0]) >= 3
                && !figures(w[0])
                && w[1..].iter().all(|r| cells(r) >= 2 && figures(r)))
            .then_some(w[0])
        })
}

/// The attachments a notice lists from line `at` on (附件：1.…分解表) that no input holds,
/// said, with the lines that list them.
fn attachments_not_read(lines: &[&str], at: usize) -> (String, std::ops::Range<usize>) {
    // Its number in the list (附件：1.…) is no part of its name.
    let first = text::after_attachments_label(lines[at]).unwrap_or_default();
    let first = raw_table::opening_number(first).map_or(first, |(_, name)| name);
    let more = lines[at + 1..]
        .iter()
        .take_while(|l| raw_table::opening_number(l).is_some())
        .count();
    let named = crate::base::cjk::excerpt(first);
    // Its title stands further down the same text (a Word file holding the attachment):
    // the file is here, its table is what could not be read.
    let title = first.trim_matches(['《', '》', '。']);
    let here = lines[at + more + 1..].iter().any(|l| {
        let shown = text::strip_markup(l.trim_start_matches('#'));
        !title.is_empty() && shown.trim().trim_matches(['《', '》']) == title
    });
    let said = if here {
        format!("通知的附件说明列出「{named}」，文中有它的标题，但标题下没有能读出的任务分工表")
    } else if more > 0 {
        format!(
            "通知的附件说明列出「{named}」等 {} 个附件，但读入的文件中没有它们",
            more + 1
        )
    } else {
        format!("通知的附件说明列出「{named}」，但读入的文件中没有它")
    };
    (said, at..at + more + 1)
}

/// A text that stops mid-sentence — or inside a label (牵头领导:… / 牵) — was not copied
/// whole: what is missing may be the table.
fn stops_mid_sentence(lines: &[&str]) -> Option<String> {
    // Read as shown: a heading's # and bold's ** are the reader's marks, not the text's.
    let shown: Vec<String> = lines
        .iter()
        .map(|l| text::strip_markup(l.trim_start_matches('#')))
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let (_, tail) = text::cut_at_end(&shown)?;
    Some(format!(
        "原文最后一行停在「…{tail}」，没有写完：文字可能没有复制完整"
    ))
}

/// What a source without a table shows that points at why: the attachments its notice names
/// (附件：1.…分解表 — not among the inputs), or numbered items none of which names a unit.
fn what_the_text_shows(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut seen = Vec::new();
    let listed = lines.iter().position(|l| {
        text::after_attachments_label(l).is_some_and(|rest| rest.chars().count() > 1)
    });
    let mut attachment_lines = 0..0;
    if let Some(at) = listed {
        let (said, lines_listed) = attachments_not_read(&lines, at);
        seen.push(said);
        attachment_lines = lines_listed;
    }
    let rows_of_figures = rows_of_figures(&lines);
    if listed.is_none()
        && let Some((named, here)) = issued_elsewhere(&lines)
    {
        seen.push(match (rows_of_figures, here) {
            (Some(_), _) => format!("通知正文说印发{named}，文中有它的表格，但读不出任务分工表"),
            (None, true) => {
                format!("通知正文说印发{named}，文中有它的标题，但标题下没有读出写明责任单位的任务")
            }
            (None, false) => format!("通知正文说印发{named}，但读入的文件中没有它"),
        });
    }
    if let Some(header) = rows_of_figures {
        seen.push(format!(
            "从「{}」起的几行像是按单位分列数字的目标表，没有“任务内容”“责任单位”一类的列；fengong 还读不了这种表",
            crate::base::cjk::excerpt(header)
        ));
    }
    let items: Vec<&&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !attachment_lines.contains(i))
        .map(|(_, l)| l)
        .filter(|l| raw_table::opening_number(l).is_some() || is_counted_item(l))
        .collect();
    let run_together = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| raw_table::header_run_together(l).map(|names| (i, names)));
    seen.extend(run_together.as_ref().map(run_together_said));
    // Numbered items from the run-together header on are its cells or a viewer's page
    // marks (1、序号项目名称…), not items.
    let items: Vec<&&str> = match &run_together {
        Some((at, _)) => items
            .into_iter()
            .filter(|l| !lines[*at..].iter().any(|after| std::ptr::eq(*after, **l)))
            .collect(),
        None => items,
    };
    if items.len() >= 2 {
        seen.push(format!(
            "原文有 {} 条编号事项（如「{}」），但都没有写明责任单位",
            items.len(),
            crate::base::cjk::excerpt(items[0])
        ));
    }
    seen.extend(box_drawn_table(&lines));
    seen.extend(items_on_one_line(&lines));
    seen.extend(stops_mid_sentence(&lines));
    seen
}

/// A long line holding numbered items one after another (`… 1.轨道交通… 牵头领导:… 2.新增…`):
/// a page whose line breaks were lost in the copy, its items unreadable as items.
fn items_on_one_line(lines: &[&str]) -> Option<String> {
    static ITEM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"(?:^|[。；;\s])(\d{1,2})[.．、]\s*\p{Han}").unwrap()
    });
    lines.iter().enumerate().find_map(|(i, line)| {
        if line.chars().count() < 300 {
            return None;
        }
        let numbers: Vec<u32> = (ITEM.captures_iter(line))
            .filter_map(|c| c[1].parse().ok())
            .collect();
        // Items counted on from 1 (1. 2. 3.), not figures that happen to follow a space.
        let counted = numbers.windows(2).filter(|w| w[1] == w[0] + 1).count();
        (counted >= 2).then(|| {
            format!(
                "第 {} 行有 {} 字，其中 {} 条编号事项连在一行里（网页或 PDF 的换行在复制时丢失），分不出各项：请在每项编号前换行后重试",
                i + 1,
                line.chars().count(),
                counted + 1
            )
        })
    })
}

/// What is said of a header whose names run together with its rows, on line `at` (0-based).
fn run_together_said((at, names): &(usize, String)) -> String {
    format!(
        "第 {} 行写有表头「{names}」，但各列的名称和内容连成了一行、中间没有分隔（表格复制成了连续的文字），分不出各列：请把原文件或原网页的表格复制到 Excel 或 WPS 表格、核对后另存为 .xlsx，放在原文件所在的文件夹",
        at + 1
    )
}

/// The document the notice's body says it issues (《…》已经县政府同意，现印发给你们), as
/// shown, and whether its title stands again further on (maybe broken over lines).
fn issued_elsewhere(lines: &[&str]) -> Option<(String, bool)> {
    let plain = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                // A title inside the notice's 《》 marks its own titles with 〈〉.
                '〈' => '《',
                '〉' => '》',
                c => c,
            })
            .collect()
    };
    // A notice's own words handing it out (现将《X》印发给你们, 现印发《X》), not a report
    // of one issued before (…大排查。印发《关于做好…的通知》, a table's cell).
    let hands_out = |l: &str| {
        let simple = crate::base::cjk::simplified_text(l);
        ["现将", "现印发", "现予印发", "特印发", "特此印发", "印发给"]
            .iter()
            .any(|w| simple.contains(w))
    };
    let (named, titled) = lines
        .iter()
        .filter(|l| hands_out(l))
        .find_map(|l| issued_in(l))?;
    let shown = crate::base::cjk::excerpt(&named);
    let shown = if titled {
        format!("《{shown}》")
    } else {
        format!("「{shown}」")
    };
    // Its title on lines of its own (one to three) — not the notice's title and sentence
    // naming it.
    let here = (1..=3).any(|k| {
        lines
            .windows(k)
            .any(|w| plain(&w.concat()) == plain(&named))
    });
    Some((shown, here))
}

/// A table drawn with box lines (┌─┬─┐ │ ├) that could not be read: a line whose cells do
/// not match the table's columns, or no header naming the columns. Says where.
fn box_drawn_table(lines: &[&str]) -> Option<String> {
    let found = text::boxed::find_all(lines);
    let to_excel = "请把原网页或原文件的表格复制到 Excel 或 WPS 表格、核对后另存为 .xlsx，放在原文件所在的文件夹";
    let message = match found.iter().find(|t| t.is_err()).or(found.first())? {
        Err(e) => format!(
            "第 {} 行起的表格是用制表线（┌ │ ├）画出的，但第 {} 行有 {} 格、表格有 {} 列，无法对齐各列：{to_excel}",
            found_first_line(lines),
            e.line + 1,
            e.cells,
            e.columns
        ),
        Ok(t) => format!(
            "第 {} 行起的表格是用制表线（┌ │ ├）画出的，但其中没有写明各列内容的表头（如“工作任务”“责任单位”）：{to_excel}",
            t.first + 1
        ),
    };
    Some(message)
}

/// The first line (1-based) that draws a table.
fn found_first_line(lines: &[&str]) -> usize {
    lines
        .iter()
        .position(|l| text::boxed::is_box_line(l))
        .map_or(0, |i| i + 1)
}

/// Verbs by which a notice hands a document to those it is sent to.
const ISSUING: &[&str] = &["印发", "下达", "转发", "下发"];

/// Words before a document a sentence names as its ground (根据《…》), not one it issues.
const CITING: &[&str] = &[
    "根据", "按照", "依据", "贯彻", "落实", "对照", "参照", "遵照", "结合", "依照",
];

/// The document a notice's sentence says it issues (《X》…印发给你们 / 现将《X》下达), or,
/// named without title marks, what it hands down (现将我市重点项目投资计划转下达给你们: `false`
/// for no marks). A document the sentence cites — after 根据 or 按照, with its own 文号, or
/// one another body 下发了 — is none.
fn issued_in(line: &str) -> Option<(String, bool)> {
    for sentence in line.split(['。', '；', ';']) {
        let mut from = 0;
        while let Some(open) = sentence[from..].find('《').map(|o| from + o) {
            let inner = open + '《'.len_utf8();
            let Some(close) = sentence[inner..].find('》').map(|c| inner + c) else {
                break;
            };
            let name = sentence[inner..close].trim();
            let after = &sentence[close + '》'.len_utf8()..];
            from = close + '》'.len_utf8();
            let clause_before = sentence[..open]
                .rsplit(['，', ',', '：', ':'])
                .next()
                .unwrap_or("");
            let cited = CITING.iter().any(|w| clause_before.contains(w))
                || has_own_number(after)
                || ISSUING
                    .iter()
                    .any(|v| clause_before.trim_end().ends_with(&format!("{v}了")));
            let verb_after = ISSUING
                .iter()
                .any(|v| after.split('《').next().unwrap_or("").contains(v));
            let verb_before =
                ISSUING.iter().any(|v| clause_before.contains(v)) || clause_before.contains("现将");
            // 印发2022年《政府工作报告》重点任务分解落实方案的通知: the 《》 mark a title
            // inside the name of what is issued; the name runs from the verb to its kind.
            if !cited
                && verb_before
                && let Some(whole) = name_around_a_title(clause_before, name, after)
            {
                return Some((whole, false));
            }
            if !name.is_empty() && !cited && (verb_after || verb_before) {
                return Some((name.to_string(), true));
            }
        }
    }
    static HANDED_DOWN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"现将([^，。；,;《》()（）]{2,40}?)(?:转下达|印发|下达|转发|下发)给")
            .unwrap()
    });
    let object = HANDED_DOWN.captures(line)?.get(1)?.as_str().trim();
    Some((object.to_string(), false))
}

/// The whole name a title in 《》 stands inside, after an issuing verb: the words from the
/// verb to the 《, the title, and the words after it up to a plan's kind (…方案, …计划).
fn name_around_a_title(clause_before: &str, title: &str, after: &str) -> Option<String> {
    const KINDS: &[&str] = &[
        "方案",
        "计划",
        "要点",
        "意见",
        "措施",
        "安排",
        "规划",
        "纲要",
        "清单",
        "分工表",
        "分解表",
    ];
    let verb_end = ISSUING
        .iter()
        .filter_map(|v| clause_before.rfind(v).map(|at| at + v.len()))
        .max()?;
    let before = clause_before[verb_end..].trim();
    let end = after
        .find(['，', ',', '。', '；', '《'])
        .unwrap_or(after.len());
    let words = after[..end].trim_end_matches("的通知").trim();
    let kind_end = KINDS
        .iter()
        .filter_map(|k| words.rfind(k).map(|at| at + k.len()))
        .max()?;
    let rest = &words[..kind_end];
    (!rest.is_empty() && after.starts_with(crate::base::cjk::is_han))
        .then(|| format!("{before}《{title}》{rest}"))
}

/// True when the words right after a document's name are its 文号 in brackets
/// (（粤发改重点〔2022〕157号）): a document already issued, cited.
fn has_own_number(after: &str) -> bool {
    let after = after.trim_start();
    let Some(rest) = after.strip_prefix(['（', '(']) else {
        return false;
    };
    let inside = rest.split([')', '）']).next().unwrap_or("");
    inside.contains('号') && inside.chars().count() <= 30
}

/// 第一件实事：…, 第3项：… — an item counted in words.
fn is_counted_item(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('第') else {
        return false;
    };
    let numeral: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .collect();
    !numeral.is_empty() && rest[numeral.len()..].starts_with(['件', '项', '条'])
}

/// Reads one text source from memory into a plan with the default config: the fuzz target's
/// way into the text ingest. Errors are the diagnostics that stop a run.
pub fn plan_from_text_bytes(
    bytes: &[u8],
    display: &str,
) -> std::result::Result<Plan, Vec<Diagnostic>> {
    let config = crate::config::Config::default();
    let registry = config.registry(display).map_err(|_| Vec::new())?;
    let text = crate::base::decode::decode(bytes).map_err(|e| {
        vec![Diagnostic::error(
            "input/unreadable",
            Location::file(display),
            e.message(),
        )]
    })?;
    let (text, restored, bands) = text::restore_printed(&text, text::Places::lines(display));
    let mut doc = text::parse(&text, display);
    bands.give(&mut doc);
    doc.diagnostics.extend(restored);
    let mut tasks_in_prose = false;
    if doc.table.is_none() {
        doc.table = inline::parse(&text, display)
            .or_else(|| unit_first::parse_at(&text, text::Places::lines(display)));
        tasks_in_prose = doc.table.is_some();
    }
    let Some(table) = doc.table else {
        return Err(vec![Diagnostic::error(
            "input/no-table",
            Location::file(display),
            "未找到任务分工表",
        )]);
    };
    let mut diagnostics = doc.diagnostics;
    Ok(assemble::assemble(
        assemble::Parts {
            notice: doc.notice,
            prose: doc.prose,
            table,
            sources: vec![display.to_string()],
            tasks_in_prose,
            prose_title: None,
            page_year: doc.page_year.map(|y| (y, display.to_string())),
            unused_items: Vec::new(),
        },
        &config,
        &registry,
        &mut diagnostics,
    ))
}

/// Reads a workbook from memory into a plan with the default config (the Excel fuzz target).
pub fn plan_from_sheet_bytes(
    bytes: &[u8],
    display: &str,
) -> std::result::Result<Plan, Vec<Diagnostic>> {
    let config = crate::config::Config::default();
    let registry = config.registry(display).map_err(|_| Vec::new())?;
    let doc = xlsx::read_bytes(bytes, display)?;
    let table = doc.table.unwrap_or_default();
    let mut diagnostics = doc.diagnostics;
    Ok(assemble::assemble(
        assemble::Parts {
            table,
            sources: vec![display.to_string()],
            ..assemble::Parts::default()
        },
        &config,
        &registry,
        &mut diagnostics,
    ))
}

/// The paragraphs of prose around tasks read inline that assign no work (the plan's own
/// preamble, a section's aims, a closing paragraph), as notes with their places.
fn prose_beside_inline_tasks(prose: &text::Prose) -> Vec<Diagnostic> {
    prose
        .title
        .iter()
        .chain(&prose.preamble)
        .chain(prose.sections.iter().flat_map(|s| s.intro.iter()))
        .chain(&prose.closing)
        .filter(|p| !p.text.trim().is_empty() && !inline::is_task_line(&p.text))
        .filter(|p| !inline::is_remark_on_tasks(&p.text))
        .map(|p| unused_note(&p.text, p.origin.clone()))
        .collect()
}

/// A paragraph left out of the plan, said whole: the user decides whether it matters. A 文号
/// that lost its 〕 or 号 is said as one, with what it likely read.
pub(crate) fn unused_note(text: &str, origin: Location) -> Diagnostic {
    if let Some(likely) = text::garbled_doc_number(text) {
        return Diagnostic::warning(
            "notice/doc-number-garbled",
            origin,
            format!(
                "这一行像是发文字号，但缺了“〕”或“号”：「{}」，未读作文号（原文可能是「{likely}」）",
                text.trim()
            ),
        )
        .with_hint("请对照原文补全发文字号后重试");
    }
    Diagnostic::note(
        "source/unused",
        origin,
        format!("这段文字未读入方案：「{}」", text.trim()),
    )
}

/// Every paragraph of prose that is not used, as a note with its place.
fn unused_prose(prose: &text::Prose) -> Vec<Diagnostic> {
    let paragraphs = prose
        .title
        .iter()
        .chain(&prose.preamble)
        .chain(&prose.closing)
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| unused_note(&p.text, p.origin.clone()));
    paragraphs.chain(unused_headings(prose)).collect()
}

/// The section and group headings of `prose`, with whatever text stands under them, as
/// notes with their places: for prose whose sections are not the plan's.
pub(crate) fn unused_headings(prose: &text::Prose) -> Vec<Diagnostic> {
    let headings = prose
        .sections
        .iter()
        .filter(|s| !s.title.is_empty())
        .map(|s| (format!("{}、{}", s.numeral, s.title), s.origin.clone()));
    let intros = prose
        .sections
        .iter()
        .flat_map(|s| s.intro.iter())
        .map(|p| (p.text.clone(), p.origin.clone()));
    let groups = prose
        .sections
        .iter()
        .flat_map(|s| s.groups.iter())
        .map(|g| (format!("{}{}", g.title, g.text.text), g.origin.clone()));
    headings
        .chain(intros)
        .chain(groups)
        .filter(|(text, _)| !text.trim().is_empty())
        .map(|(text, origin)| unused_note(&text, origin))
        .collect()
}

/// What one source gave.
enum Read {
    /// A text or Word source: what it holds, its text (lines, or a Word document's
    /// paragraphs one per line) and how its places are named.
    Text {
        doc: Box<text::TextDocument>,
        text: String,
        places: PlaceKind,
    },
    /// A workbook.
    Sheet(Box<xlsx::SheetDocument>),
    /// A file listed but not read (a PDF), and the note that says so.
    Skipped(Box<Diagnostic>),
}

/// How a text's places are named.
#[derive(Debug, Clone, Copy)]
enum PlaceKind {
    Lines,
    Paragraphs,
}

impl PlaceKind {
    fn places(self, display: &str) -> text::Places<'_> {
        match self {
            PlaceKind::Lines => text::Places::lines(display),
            PlaceKind::Paragraphs => text::Places::paragraphs(display),
        }
    }
}

/// Reads one source by its ending: a workbook, a Word document (old formats through
/// LibreOffice), a PDF (named, not read), or text.
fn read_source(source: &Path, display: &str) -> Result<Read> {
    let ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = ext.as_str();
    // A web page saved as .xls (an OA system's 导出Excel): its table read as a Word one.
    let web_sheet = SHEET_EXTENSIONS.contains(&ext) && convert::holds_html(source);
    if SHEET_EXTENSIONS.contains(&ext) && !web_sheet {
        return xlsx::read(source, display)
            .map(|doc| Read::Sheet(Box::new(doc)))
            .map_err(Error::Input);
    }
    if UNREAD_EXTENSIONS.contains(&ext) {
        return Ok(Read::Skipped(Box::new(
            Diagnostic::warning(
                "input/pdf",
                Location::file(display),
                "PDF 文件暂不能读取，已跳过",
            )
            .with_hint("请使用同一文件的 Word（.docx）版本，或用 WPS/Word 把 PDF 转为 .docx"),
        )));
    }
    let (word_bytes, converted) = if WORD_EXTENSIONS.contains(&ext) {
        (Some(read_bounded(source, display, MAX_WORD_BYTES)?), false)
    } else if CONVERTED_EXTENSIONS.contains(&ext) || web_sheet {
        (
            Some(convert::to_docx(source, display).map_err(Error::Input)?),
            true,
        )
    } else {
        (None, false)
    };
    if let Some(bytes) = word_bytes {
        let mut word = word::read(&bytes, display).map_err(Error::Input)?;
        if converted {
            let what = if convert::holds_html(source) && !matches!(ext, "html" | "htm") {
                "此文件是网页格式（HTML），已用 LibreOffice 按网页转为 .docx 后读取（原文件未改动）"
            } else {
                "已用 LibreOffice 转为 .docx 后读取（原文件未改动）"
            };
            word.doc.diagnostics.push(Diagnostic::note(
                "input/converted",
                Location::file(display),
                what,
            ));
        }
        return Ok(Read::Text {
            doc: Box::new(word.doc),
            text: word.text,
            places: PlaceKind::Paragraphs,
        });
    }
    let (text, marks) = repost::without_scrape_marks(&read_text(source, display)?, display);
    let (text, pinyin) = repost::without_pinyin(&text, display);
    let (text, footer) = repost::without_site_footer(&text, display);
    let (text, spaces) = repost::without_lost_spaces(&text, display);
    let (text, restored, bands) = text::restore_printed(&text, text::Places::lines(display));
    let mut doc = text::parse(&text, display);
    bands.give(&mut doc);
    doc.diagnostics.extend(marks);
    doc.diagnostics.extend(pinyin);
    doc.diagnostics.extend(footer);
    doc.diagnostics.extend(spaces);
    doc.diagnostics.extend(restored);
    Ok(Read::Text {
        doc: Box::new(doc),
        text,
        places: PlaceKind::Lines,
    })
}

/// Word files larger than this are refused before they are opened: a plan is a few MB at
/// most, pictures included.
pub const MAX_WORD_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of `path`, refused with a message when the file is larger than `limit`.
fn read_bounded(path: &Path, display: &str, limit: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, "读取", e))?;
    if meta.len() > limit {
        return Err(Error::Input(vec![Diagnostic::error(
            "input/too-large",
            Location::file(display),
            format!(
                "文件过大（{:.1} MB），最大 {} MB；请确认选对了文件",
                meta.len() as f64 / 1024.0 / 1024.0,
                limit / 1024 / 1024
            ),
        )]));
    }
    std::fs::read(path).map_err(|e| Error::io(path, "读取", e))
}

/// `text` with the notice's lines blanked (numbering kept): a notice's own 一、二、三、
/// requirements are not the plan's sections.
/// The plan's text after `notice` (see [`after_notice`]), each title of a document the
/// notice names read on one line where the text broke it over two.
fn plan_text_of(text: &str, notice: Option<&crate::model::Notice>) -> String {
    let plan_text = after_notice(text, notice);
    let names = notice.map(text::part_names).unwrap_or_default();
    match text::titles_rejoined(&plan_text.lines().collect::<Vec<_>>(), &names) {
        Some(lines) => lines.join("\n"),
        None => plan_text,
    }
}

fn after_notice(text: &str, notice: Option<&crate::model::Notice>) -> String {
    // Tasks handed out in the body, signed under them: only their lines are the plan's.
    if let Some((from, to)) = notice.and_then(|n| n.handed_out) {
        return text
            .lines()
            .enumerate()
            .map(|(i, line)| {
                let line_no = i as u32 + 1;
                if (from..to).contains(&line_no) {
                    line
                } else {
                    ""
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let Some(end) = notice
        .and_then(|n| n.end_origin.as_ref())
        .and_then(|o| o.line_no())
    else {
        return text.to_string();
    };
    text.lines()
        .enumerate()
        .map(|(i, line)| if (i as u32) < end { "" } else { line })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The file name of a source shown as `display` (input/x.docx → x.docx).
fn file_name(display: &str) -> String {
    display
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(display)
        .to_string()
}

/// Reads and decodes one text source; every failure names the file.
fn read_text(path: &Path, display: &str) -> Result<String> {
    let bytes = read_bounded(path, display, MAX_TEXT_BYTES)?;
    crate::base::decode::decode(&bytes).map_err(|e| {
        let location = match e {
            crate::base::decode::DecodeError::Malformed { line } => Location::line(display, line),
            _ => Location::file(display),
        };
        Error::Input(vec![Diagnostic::error(
            "input/unreadable",
            location,
            e.message(),
        )])
    })
}

/// A plan read from one text `source` with `config`, as ingest would, for other modules' tests.
#[cfg(test)]
pub(crate) fn plan_from_text(
    source: &str,
    config: &crate::config::Config,
) -> (Plan, Vec<Diagnostic>) {
    let registry = config.registry("f.toml").unwrap();
    let doc = text::parse(source, "t.md");
    let mut diagnostics = doc.diagnostics;
    let plan = assemble::assemble(
        assemble::Parts {
            notice: doc.notice,
            prose: doc.prose,
            table: doc.table.unwrap_or_default(),
            sources: vec!["t.md".into()],
            tasks_in_prose: false,
            prose_title: None,
            page_year: None,
            unused_items: Vec::new(),
        },
        config,
        &registry,
        &mut diagnostics,
    );
    (plan, diagnostics)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_items_number_is_read_in_each_way_plans_write_it() {
        let read = |line: &str| super::written_item_number(line).map(|(_, n)| n);
        for (line, n) in [
            ("3.推进城区道路建设。", 3),
            ("12、新增停车位。", 12),
            ("（4）建设公园。", 4),
            ("(十二)完善机制。", 12),
            ("③推进改造。", 3),
            ("三、加强保障", 3),
            ("1。推进道路建设。", 1),
        ] {
            assert_eq!(read(line), Some(n), "{line}");
        }
        for line in ["2026年完成改造。", "| 1 | 推进 |", "1\t推进"] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn a_table_of_figures_in_the_text_is_said_not_looked_for_elsewhere() {
        let text = "关于下达2026年全县招商引资目标的通知\n各乡镇人民政府：\n\
            现将2026年全县招商引资目标分解下达给你们。\n\n\
            单位名称 签约项目(个) 到位资金(亿元)\n\n柳溪镇 12 3.5\n\n石湾镇 8 2.1\n\n青禾乡 5 1.2\n";
        let said = super::what_the_text_shows(text).join("；");
        assert!(said.contains("文中有它的表格"), "{said}");
        assert!(
            said.contains("「单位名称 签约项目(个) 到位资金(亿元)」"),
            "{said}"
        );
        assert!(!said.contains("读入的文件中没有"), "{said}");
        // Without the rows, the table is missing from the folder.
        let cut = text.split("单位名称").next().unwrap();
        let said = super::what_the_text_shows(cut).join("；");
        assert!(said.contains("读入的文件中没有"), "{said}");
        // Sentences with figures are no table.
        let prose = "一、目标\n全年签约项目 12 个，到位资金 3.5 亿元。\n新增企业 20 家。\n完成投资 10 亿元。\n年底前全部开工。\n";
        assert_eq!(
            super::rows_of_figures(&prose.lines().collect::<Vec<_>>()),
            None
        );
    }

    #[test]
    fn a_notice_issues_what_it_hands_on_not_what_it_cites() {
        let issued = |line: &str| super::issued_in(line);
        let plan = ("2026年县政府重点工作任务分解".to_string(), true);
        // A title inside the name issued: the whole name, not the title.
        assert_eq!(
            issued("区政府关于印发2022年《政府工作报告》重点任务分解落实方案的通知"),
            Some((
                "2022年《政府工作报告》重点任务分解落实方案".to_string(),
                false
            ))
        );
        assert_eq!(
            issued("《2026年县政府重点工作任务分解》已经县人民政府同意，现印发给你们。"),
            Some(plan.clone())
        );
        assert_eq!(
            issued("现将《2026年县政府重点工作任务分解》印发给你们，请认真贯彻执行。"),
            Some(plan.clone())
        );
        // Cited as ground, with its own 文号: what is handed down is named without marks.
        assert_eq!(
            issued(
                "根据《省发展改革委关于下达2022年重点建设项目计划的通知》（粤发改重点〔2022〕157号），共安排项目62个。现将我市省重点项目投资计划转下达给你们，请认真贯彻执行。"
            ),
            Some(("我市省重点项目投资计划".to_string(), false))
        );
        // Another body's document, 下发了 with its 文号; the verb inside a name is no verb.
        assert_eq!(
            issued(
                "近日，市考核办下发了《关于按季分解下达部分考核指标的通知》（汉市考办发〔2016〕6号），决定启动倒逼机制。"
            ),
            None
        );
        // Cited, then the plan issued in the same paragraph.
        assert_eq!(
            issued(
                "根据《某省实施方案》，结合我县实际，制定了《2026年县政府重点工作任务分解》，现印发给你们。"
            ),
            Some(plan)
        );
    }
}
