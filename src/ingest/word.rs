//! Word documents: a `.docx` read by [`super::docx`] becomes what a text source gives — the
//! notice and the plan's prose from its paragraphs, the 分工表 from its tables — with places
//! `x.docx#段12` and `x.docx#表2!C7`.
//!
//! The paragraphs are written out one per line (line N is 段N, Word's automatic numbers in
//! front, bold lead-ins and headings marked as the text format marks them) and read by the
//! text reader, so a Word plan is understood exactly as the same plan typed as text. The
//! 分工表 is read as a grid, like a worksheet: merged 主要事项 cells belong to every row
//! they span, section rows spanning the table are sections, and a table continued in a
//! second Word table (its header repeated as a row) is one table.

use std::collections::HashMap;

use super::docx::{
    self, Align, DocxError, NotContent, NoteKind, NotePlace, Paragraph, ParagraphStyle, Table,
    VMerge,
};
use super::grid::Grid;
use super::later_attachment;
use super::text::{self, Places, TextDocument};
use crate::base::cjk::{LINE_BREAK, excerpt_of, tidy_spacing};
use crate::base::diag::{Diagnostic, Location};

/// A Word document read.
#[derive(Debug)]
pub struct WordSource {
    /// What it holds, as a text source would give it.
    pub doc: TextDocument,
    /// Its paragraphs before the 分工表, one per line (line N is 段N): what the checks quote
    /// and the inline reader reads when there is no table.
    pub text: String,
}

/// Reads the `.docx` bytes of the file shown as `display`.
pub fn read(bytes: &[u8], display: &str) -> Result<WordSource, Vec<Diagnostic>> {
    let mut word = docx::read(bytes).map_err(|e| vec![refused(display, &e)])?;
    // A reposting site's pinyin (和城乡(xiāng)建设局) is no part of the text, as in a .txt.
    let pinyin = crate::ingest::repost::strip_from_word(&mut word, display);
    let paragraphs = body_paragraphs(&word);
    let tables = tables_in_order(&word);
    let mut diagnostics = not_content_notes(&word, display);
    diagnostics.extend(pinyin);
    let parts = task_tables(&tables, &paragraphs);
    let found = parts.first();
    // The prose ends before the table's title (the paragraph just above it, when it reads
    // as one) or before the table.
    let (end, title) = match &found {
        Some(t) => table_title(&paragraphs, t.before_paragraph),
        None => (paragraphs.len(), None),
    };
    let mut lines: Vec<String> = paragraphs[..end].iter().map(|p| line_of(p)).collect();
    place_text_boxes(&word, &mut lines, display, &mut diagnostics);
    let (over_notice, under_table) = other_tables(&tables, &parts, &mut lines);
    // The 分工表 is read from Word's own table, its bands from its merged cells.
    let (text, restored, _) = text::restore_printed(&lines.join("\n"), Places::paragraphs(display));
    let mut doc = text::parse_at(&text, Places::paragraphs(display));
    let over_notice = signed_in_tables(&over_notice, &lines, &mut doc, display);
    notice_outside_paragraphs(
        (&over_notice, &word.header_lines),
        doc.notice.as_mut(),
        display,
        &mut diagnostics,
    );
    imprint_or_reported(&under_table, doc.notice.as_mut(), display, &mut diagnostics);
    // The text read ends where the 分工表 begins, not where the document does.
    if found.is_some() {
        doc.diagnostics.retain(|d| d.code != "source/cut-off");
    }
    doc.diagnostics.extend(restored);
    doc.diagnostics.append(&mut diagnostics);
    if let Some(found) = found {
        let mut table = found
            .grid(&tables, &paragraphs, display)
            .table(found.header_row, &mut doc.diagnostics);
        if let Some((index, above)) = title {
            above.apply(&mut table, Location::paragraph(display, index as u32));
        }
        // A further 分工表 (附件2 after 附件1): its tasks after these, its title its own.
        // Headings between a table's parts are its rows, never said as left out.
        let mut titles: Vec<usize> = (parts.iter())
            .flat_map(|part| part.headings_between(&tables, &paragraphs))
            .map(|(_, index, _)| index)
            .collect();
        for part in &parts[1..] {
            let mut more = part
                .grid(&tables, &paragraphs, display)
                .table(part.header_row, &mut doc.diagnostics);
            if let (_, Some((index, above))) = table_title(&paragraphs, part.before_paragraph) {
                above.apply(&mut more, Location::paragraph(display, index as u32));
                titles.push(index);
            }
            doc.diagnostics.push(table.append(more));
        }
        let last = parts
            .last()
            .map_or(found.end_paragraph, |p| p.end_paragraph);
        table.after = text_after_table(
            &paragraphs,
            (found.after_paragraph, last),
            &titles,
            (display, doc.notice.as_mut()),
            &mut doc.diagnostics,
        );
        doc.diagnostics
            .extend(cut_under_table(&paragraphs, last, display));
        attachment_after_table(&paragraphs, &mut table, &mut doc, display);
        doc.table = Some(table);
    }
    Ok(WordSource { doc, text })
}

/// The body's paragraphs, in order (those in tables not among them).
fn body_paragraphs(word: &docx::WordDocument) -> Vec<&Paragraph> {
    (word.blocks.iter())
        .filter_map(|b| match b {
            docx::Block::Paragraph(p) => Some(p),
            docx::Block::Table(_) => None,
        })
        .collect()
}

/// The text read stopped at the table; the document's own end (from paragraph `last` on)
/// is after it: a cut there is said.
fn cut_under_table(paragraphs: &[&Paragraph], last: usize, display: &str) -> Option<Diagnostic> {
    let under: Vec<&Paragraph> = (paragraphs.iter())
        .filter(|p| p.index >= last)
        .copied()
        .collect();
    let lines: Vec<String> = under.iter().map(|p| line_of(p)).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (at, tail) = text::cut_at_end(&lines)?;
    let place = Location::paragraph(display, under[at].index as u32);
    Some(text::cut_off(place, "段", &tail))
}

/// A Word paragraph as a line of the text format: its number and text, `#` for a heading,
/// `**…**` around a bold lead-in; tabs as spaces and line breaks as [`LINE_BREAK`] (one
/// paragraph, one line, its breaks printed where the paragraph is).
fn line_of(p: &Paragraph) -> String {
    let flat = |s: &str| {
        s.replace('\t', " ")
            .replace(['\n', '\r'], &LINE_BREAK.to_string())
    };
    let text = flat(&format!("{}{}", p.number, p.text));
    if text.trim().is_empty() {
        return String::new();
    }
    let marked = match (&p.bold_lead, p.all_bold) {
        (Some(lead), _) => {
            let rest = p.text.get(lead.len()..).unwrap_or("");
            format!("**{}{}**{}", p.number, flat(lead).trim_end(), flat(rest))
        }
        (None, true) => format!("**{}**", text.trim()),
        (None, false) => text,
    };
    match heading_level(p) {
        0 => marked,
        level => format!("{} {marked}", "#".repeat(level)),
    }
}

/// The heading level a paragraph has for the text reader: Word's Title and Heading styles,
/// or a centred line in a large size (how 公文 titles are usually set, without a style).
fn heading_level(p: &Paragraph) -> usize {
    match p.style {
        ParagraphStyle::Title => 1,
        ParagraphStyle::Heading(n) => usize::from(n.max(1)),
        ParagraphStyle::Body => {
            let large = p.font_size_half_points.is_some_and(|sz| sz >= 32);
            usize::from(p.align == Align::Center && large)
        }
    }
}

/// The tables of the document, in order.
fn tables_in_order(word: &docx::WordDocument) -> Vec<(usize, &Table)> {
    let mut before = 0;
    let mut out = Vec::new();
    for block in &word.blocks {
        match block {
            docx::Block::Paragraph(p) => before = p.index,
            docx::Block::Table(t) => out.push((before, t)),
        }
    }
    out
}

/// A 分工表 found among the tables: one with a header row, and the tables after it as wide
/// as it (a table continued over pages, often pasted as a second table).
struct TaskTable {
    /// Indices into the document's tables.
    tables: Vec<usize>,
    /// Row of the header in the first table.
    header_row: usize,
    /// The body paragraph before the first table (0: none).
    before_paragraph: usize,
    /// The first body paragraph after the table starts.
    after_paragraph: usize,
    /// The first body paragraph after its last table (a 续表 continued past a page).
    end_paragraph: usize,
}

/// Every 分工表 among the tables, in order (附件1's, then 附件2's).
fn task_tables(tables: &[(usize, &Table)], paragraphs: &[&Paragraph]) -> Vec<TaskTable> {
    let mut found: Vec<TaskTable> = Vec::new();
    let mut from = 0;
    while let Some(part) = task_table(tables, from, paragraphs) {
        from = part.tables.last().map_or(tables.len(), |last| last + 1);
        found.push(part);
    }
    found
}

/// The first 分工表 at or after table `from`.
fn task_table(
    tables: &[(usize, &Table)],
    from: usize,
    paragraphs: &[&Paragraph],
) -> Option<TaskTable> {
    let (first, header_row) = tables
        .iter()
        .enumerate()
        .skip(from)
        .find_map(|(i, (_, t))| super::grid::find_header(&cell_rows(t)).map(|h| (i, h)))?;
    let width = grid_width(tables[first].1);
    let header = super::grid::header_at(&cell_rows(tables[first].1), header_row);
    let mut used = vec![first];
    for (i, (_, t)) in tables.iter().enumerate().skip(first + 1) {
        // A table as wide is this one continued — unless it opens with a header of its own
        // that names other columns: a further 分工表.
        let rows = cell_rows(t);
        let other_header = super::grid::find_header(&rows)
            .and_then(|r| super::grid::header_at(&rows, r))
            .is_some_and(|h| Some(&h.written) != header.as_ref().map(|h| &h.written));
        // 附件2 / its title between the two: another attachment's table, whatever its header.
        let (after, upto) = (tables[i - 1].0, tables[i].0);
        let attachment_between = (paragraphs.iter())
            .filter(|p| p.index > after && p.index <= upto)
            .any(|p| {
                let line = format!("{}{}", p.number, p.text);
                let line = line.trim();
                text::is_attachment_label(line)
                    || text::after_attachments_label(line).is_some()
                    || (text::names_a_plan(line) && !line.contains(['。', '；']))
            });
        if grid_width(t) != width || other_header || attachment_between {
            break;
        }
        used.push(i);
    }
    let end_paragraph = used.last().map_or(tables[first].0, |&last| tables[last].0) + 1;
    Some(TaskTable {
        header_row,
        before_paragraph: tables[first].0,
        after_paragraph: tables[first].0 + 1,
        end_paragraph,
        tables: used,
    })
}

/// Where a row of a [`TaskTable`]'s grid stands: a table's row, or a paragraph between two
/// of its tables.
enum RowOrigin {
    Cell { table: usize, row: usize },
    Paragraph(usize),
}

impl TaskTable {
    /// Section and group headings set as paragraphs between its tables (二、加快交通基础
    /// 设施建设 over a table of its own): with the paragraph's index, before each table's
    /// position in `self.tables`. Each heads the rows after it, as a heading row merged
    /// across the table does.
    fn headings_between(
        &self,
        tables: &[(usize, &Table)],
        paragraphs: &[&Paragraph],
    ) -> Vec<(usize, usize, String)> {
        let mut found = Vec::new();
        for (at, pair) in self.tables.windows(2).enumerate() {
            let (after, upto) = (tables[pair[0]].0, tables[pair[1]].0);
            for p in paragraphs
                .iter()
                .filter(|p| p.index > after && p.index <= upto)
            {
                let text = format!("{}{}", p.number, p.text);
                if let Some(text::AboveTable::Heading(_)) =
                    text::classify_above_table(&text, heading_level(p) > 0)
                {
                    found.push((at + 1, p.index, text.trim().to_string()));
                }
            }
        }
        found
    }

    /// The used tables as one grid: rows in order, places naming each table (表N) and its
    /// own rows, a vertically merged cell's text in every row it covers, a heading between
    /// two tables a row of its own.
    fn grid<'a>(
        &self,
        tables: &[(usize, &Table)],
        paragraphs: &[&Paragraph],
        display: &'a str,
    ) -> Grid<'a> {
        let mut rows = Vec::new();
        let mut origins: Vec<RowOrigin> = Vec::new();
        let mut merged_down = HashMap::new();
        let mut restart: HashMap<usize, String> = HashMap::new();
        let headings = self.headings_between(tables, paragraphs);
        let width = grid_width(tables[self.tables[0]].1);
        for (position, &i) in self.tables.iter().enumerate() {
            for (_, index, heading) in headings.iter().filter(|(at, _, _)| *at == position) {
                let mut row = vec![heading.clone()];
                row.resize(width.max(1), String::new());
                rows.push(row);
                origins.push(RowOrigin::Paragraph(*index));
                restart.clear();
            }
            let table = tables[i].1;
            for (r, row) in table.rows.iter().enumerate() {
                let at = rows.len();
                for cell in &row.cells {
                    match cell.merge {
                        VMerge::Restart => {
                            restart.insert(cell.column, cell.items.clone());
                        }
                        VMerge::Continue => {
                            if let Some(text) = restart.get(&cell.column) {
                                merged_down.insert((at, cell.column), text.clone());
                            }
                        }
                        VMerge::None => {
                            restart.remove(&cell.column);
                        }
                    }
                }
                // A task's cell keeps its list items apart (see docx::Cell::items).
                rows.push(row_cells(row, |cell| &cell.items));
                origins.push(RowOrigin::Cell {
                    table: table.index,
                    row: r,
                });
            }
        }
        Grid {
            rows,
            merged_down,
            place: Box::new(move |r, c| match origins.get(r) {
                Some(RowOrigin::Cell { table, row }) => {
                    Location::cell(display, format!("表{table}"), *row as u32, c as u32)
                }
                Some(RowOrigin::Paragraph(index)) => Location::paragraph(display, *index as u32),
                None => Location::file(display),
            }),
            // A Word cell's lines are its writer's paragraphs.
            paragraphs: true,
        }
    }
}

/// A row's texts by grid column; a cell spanning columns keeps its text in the first, a
/// cell continuing a merge down is empty (its text is the merge's).
fn row_texts(row: &docx::Row) -> Vec<String> {
    row_cells(row, |cell| &cell.text)
}

/// [`row_texts`] with each cell's text as `text_of` gives it.
fn row_cells(row: &docx::Row, text_of: impl Fn(&docx::Cell) -> &String) -> Vec<String> {
    let width = row
        .cells
        .iter()
        .map(|c| c.column + c.span)
        .max()
        .unwrap_or(0);
    let mut texts = vec![String::new(); width];
    for cell in &row.cells {
        if cell.merge != VMerge::Continue
            && let Some(slot) = texts.get_mut(cell.column)
        {
            *slot = text_of(cell).trim().to_string();
        }
    }
    texts
}

fn cell_rows(table: &Table) -> Vec<Vec<String>> {
    table.rows.iter().map(row_texts).collect()
}

fn grid_width(table: &Table) -> usize {
    table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.column + c.span))
        .max()
        .unwrap_or(0)
}

/// Where the prose ends: at the nearest non-blank paragraph above the table when it belongs
/// to the table — its title, a heading over it, a note on it (returned too, with its
/// paragraph number) — else at the table.
fn table_title(
    paragraphs: &[&Paragraph],
    before: usize,
) -> (usize, Option<(usize, text::AboveTable)>) {
    let upto = paragraphs.iter().take_while(|p| p.index <= before).count();
    let Some(at) = (0..upto)
        .rev()
        .find(|&i| !paragraphs[i].text.trim().is_empty())
    else {
        return (upto, None);
    };
    let p = paragraphs[at];
    let text = format!("{}{}", p.number, p.text);
    match text::classify_above_table(&text, heading_level(p) > 0) {
        Some(above) => (at, Some((p.index, above))),
        None => (upto, None),
    }
}

/// Text boxes hold the 发文机关标志 in some 红头 templates: a box anchored in a blank
/// paragraph near the top takes that paragraph's line. A box that opens with an
/// attachment's label (附件 / its title), anchored in a blank paragraph, is the attachment's
/// head: its paragraphs take that line and the blank ones right above it. Any other box is
/// reported, not read.
fn place_text_boxes(
    word: &docx::WordDocument,
    lines: &mut [String],
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut by_anchor: Vec<(usize, Vec<&Paragraph>)> = Vec::new();
    for p in &word.text_boxes {
        match by_anchor.last_mut() {
            Some((anchor, list)) if *anchor == p.index => list.push(p),
            _ => by_anchor.push((p.index, vec![p])),
        }
    }
    for (anchor, boxes) in by_anchor {
        let text: String = boxes
            .iter()
            .map(|p| format!("{}{}", p.number, p.text.trim()))
            .collect::<Vec<_>>()
            .join("");
        if text.trim().is_empty() {
            continue;
        }
        let blank_at = |i: usize| lines.get(i).is_some_and(|l| l.trim().is_empty());
        let slot = anchor.checked_sub(1).filter(|&i| blank_at(i));
        let placed = |kind, lines: &mut [String]| placed_box(&boxes, anchor, lines, kind);
        let read_there = |what: &str| {
            Diagnostic::note(
                "word/text-box",
                Location::paragraph(display, anchor as u32),
                format!("文本框中的{what}按所在位置读入：「{}」", text.trim()),
            )
        };
        match slot {
            Some(_) if placed(PlacedBox::SignOff, lines) => {
                diagnostics.push(read_there("署名和成文日期"));
            }
            Some(i) if anchor <= 6 => lines[i] = format!("# {text}"),
            Some(_) if placed(PlacedBox::AttachmentHead, lines) => {
                diagnostics.push(read_there("附件标识和标题"));
            }
            _ => diagnostics.push(Diagnostic::note(
                "word/text-box",
                Location::paragraph(display, anchor as u32),
                format!("文本框中的文字不作为方案内容读取：「{}」", text.trim()),
            )),
        }
    }
}

/// The kinds of text box read where they stand, one paragraph a line.
#[derive(Clone, Copy)]
enum PlacedBox {
    /// An attachment's label and title (附件 / 北塘区2025年乡村振兴重点任务).
    AttachmentHead,
    /// The notice's 署名 over its 成文日期.
    SignOff,
}

/// Puts a text box's paragraphs of the kind `kind` on its blank anchor line (paragraph
/// `anchor`) and the blank lines right above it, one a line, the last on the anchor's;
/// whether they were of that kind and there were lines enough.
fn placed_box(boxes: &[&Paragraph], anchor: usize, lines: &mut [String], kind: PlacedBox) -> bool {
    let texts: Vec<String> = (boxes.iter())
        .map(|p| format!("{}{}", p.number, p.text.trim()))
        .filter(|t| !t.trim().is_empty())
        .collect();
    let fits = texts.len() <= 4 && texts.iter().all(|t| t.chars().count() <= 60);
    let of_kind = match kind {
        PlacedBox::AttachmentHead => texts.first().is_some_and(|t| text::is_attachment_label(t)),
        PlacedBox::SignOff => {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            texts.len() >= 2 && text::signing_off(&refs).iter().all(|&signs| signs)
        }
    };
    let Some(first) = anchor.checked_sub(texts.len()) else {
        return false;
    };
    let blank = (first..anchor).all(|i| lines.get(i).is_some_and(|l| l.trim().is_empty()));
    if !(fits && of_kind && blank) {
        return false;
    }
    for (line, text) in lines[first..anchor].iter_mut().zip(texts) {
        *line = text;
    }
    true
}

/// A table that is not the 分工表: a small one in a blank line near the top is the 红头
/// set as a table and takes that line. Whether it was placed (an empty one needs no place).
fn place_small_table((before, table): &(usize, &Table), lines: &mut [String]) -> bool {
    let texts: Vec<String> = cell_rows(table)
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect();
    if texts.is_empty() {
        return true;
    }
    let joined = texts.join(" ");
    let blank = [*before, before + 1]
        .into_iter()
        .filter(|i| *i >= 1 && *i <= 6)
        .find(|i| lines.get(i - 1).is_some_and(|l| l.trim().is_empty()));
    match blank {
        // One row (a 发文机关标志 alone); more are read against the notice once it is read.
        Some(i) if table.rows.len() == 1 => {
            lines[i - 1] = format!("# {joined}");
            true
        }
        _ => false,
    }
}

/// The tables that are no 分工表 of `parts`: a small one at the top placed in `lines` as the
/// 红头; the rest returned, to be read against the notice once it is read — those over it
/// (or with no 分工表 in the file) first, those after the first 分工表 (a 版记 set as a
/// table, or reported) second.
fn other_tables<'t>(
    tables: &[(usize, &'t Table)],
    parts: &[TaskTable],
    lines: &mut [String],
) -> (Vec<(usize, &'t Table)>, Vec<&'t Table>) {
    let (mut over_notice, mut under_table) = (Vec::new(), Vec::new());
    for (i, table) in tables.iter().enumerate() {
        match parts.first() {
            _ if parts.iter().any(|t| t.tables.contains(&i)) => {}
            Some(t) if i > t.tables[0] => under_table.push(table.1),
            _ if place_small_table(table, lines) => {}
            _ => over_notice.push(*table),
        }
    }
    (over_notice, under_table)
}

/// The notice's 署名 set as a table under its body (agencies side by side, their dates under
/// them), read into it, and a 附注 in parentheses right under the table with it; the other
/// tables returned, to be read against the notice's head or reported.
fn signed_in_tables<'t>(
    tables: &[(usize, &'t Table)],
    lines: &[String],
    doc: &mut TextDocument,
    display: &str,
) -> Vec<&'t Table> {
    let mut rest = Vec::new();
    for &(before, table) in tables {
        let place = Location::cell(display, format!("表{}", table.index), 0, 0);
        let under_body = |n: &crate::model::Notice| {
            (n.body.iter()).any(|p| p.origin.line_no().is_some_and(|l| l as usize <= before))
        };
        let said = (doc.notice.as_mut())
            .filter(|n| under_body(n))
            .and_then(|n| text::sign_off_in_rows(n, &cell_rows(table), place));
        let (Some(said), Some(notice)) = (said, doc.notice.as_mut()) else {
            rest.push(table);
            continue;
        };
        doc.diagnostics.extend(said);
        let after = Location::paragraph(display, before as u32 + 1);
        if let Some(line) = lines.get(before)
            && notice.annotation.is_none()
            && text::is_annotation(line)
        {
            notice.annotation = Some(tidy_spacing(line));
            // Read before the notice's 署名 was, as a line above the plan's title.
            (doc.diagnostics).retain(|d| !(d.code == "source/unused" && d.location == after));
            if let Some(prose) = doc.prose.as_mut() {
                prose.before.retain(|p| p.origin != after);
            }
        }
    }
    rest
}

/// The tables after the 分工表: a 版记 set as a table read into the notice, the others
/// reported.
fn imprint_or_reported(
    tables: &[&Table],
    mut notice: Option<&mut crate::model::Notice>,
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for table in tables {
        if !imprint_from_table(table, notice.as_deref_mut(), display) {
            report_table(table, display, diagnostics);
        }
    }
}

/// A 版记 set as a table (抄送：… over 某办公室 | 2025年6月4日印发), read into the notice's
/// 版记 when it has none yet. Whether it was one.
fn imprint_from_table(
    table: &Table,
    notice: Option<&mut crate::model::Notice>,
    display: &str,
) -> bool {
    let Some(notice) = notice.filter(|n| n.imprint.is_empty()) else {
        return false;
    };
    let lines: Vec<(usize, String)> = (cell_rows(table).into_iter().enumerate())
        .map(|(row, cells)| (row, cells.join(" ").replace(['\t', '\n'], " ")))
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    if lines.is_empty() || !lines.iter().all(|(_, line)| text::is_imprint_line(line)) {
        return false;
    }
    notice.imprint = (lines.into_iter())
        .map(|(row, line)| crate::model::Paragraph {
            text: tidy_spacing(&line),
            origin: Location::cell(display, format!("表{}", table.index), row as u32, 0),
        })
        .collect();
    true
}

/// What the notice keeps outside its paragraphs — the tables over it, the page header's
/// lines — read for what its text lacks; a table that gives nothing is reported.
fn notice_outside_paragraphs(
    (tables, header): (&[&Table], &[String]),
    mut notice: Option<&mut crate::model::Notice>,
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for table in tables {
        if !imprint_from_table(table, notice.as_deref_mut(), display)
            && !notice_from_table(table, notice.as_deref_mut(), display, diagnostics)
        {
            report_table(table, display, diagnostics);
        }
    }
    notice_from_header(header, notice, display, diagnostics);
}

/// A small table standing over the notice (a 版头 set as a table, a page's box: 标题 | …,
/// 发文字号 | …): what the notice's text lacks of its 发文机关标志, 文号, title and date,
/// taken from it and said. Whether anything was.
fn notice_from_table(
    table: &Table,
    notice: Option<&mut crate::model::Notice>,
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some(notice) = notice.filter(|_| table.rows.len() <= 8) else {
        return false;
    };
    let rows: Vec<Vec<String>> = (cell_rows(table).into_iter())
        .map(|row| row.into_iter().filter(|c| !c.is_empty()).collect())
        .collect();
    let taken = text::fill_from_lines_outside(notice, &rows);
    if !taken.is_empty() {
        let words: Vec<String> = rows.iter().flatten().cloned().collect();
        diagnostics.push(Diagnostic::note(
            "word/table-over-notice",
            Location::cell(display, format!("表{}", table.index), 0, 0),
            format!(
                "第 {} 个表格在通知之上：通知正文没有写的{}取自这个表格（「{}」）",
                table.index,
                taken.join("、"),
                excerpt_of(&words.join(" "), 120)
            ),
        ));
    }
    !taken.is_empty()
}

/// The page header's lines: quoted, and the notice's 发文机关标志 (…文件) taken from them
/// when its text has none.
fn notice_from_header(
    lines: &[String],
    notice: Option<&mut crate::model::Notice>,
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if lines.is_empty() {
        return;
    }
    let taken = match notice {
        Some(notice) => {
            let rows: Vec<Vec<String>> = lines.iter().map(|l| vec![l.clone()]).collect();
            text::fill_from_lines_outside(notice, &rows)
        }
        None => Vec::new(),
    };
    let quoted = excerpt_of(&lines.join(" "), 120);
    let message = if taken.is_empty() {
        format!("文档页眉中的文字不作为方案内容读取：「{quoted}」")
    } else {
        format!(
            "通知正文没有写的{}取自文档页眉：「{quoted}」",
            taken.join("、")
        )
    };
    diagnostics.retain(|d| !(d.code == "word/not-content" && d.message.contains("页眉")));
    diagnostics.push(Diagnostic::note(
        "word/not-content",
        Location::file(display),
        message,
    ));
}

/// A table that is not read, named with its first words — and, when a row near its top names
/// some of a 分工表's columns, which it lacks (a warning: the table was likely meant).
fn report_table(table: &Table, display: &str, diagnostics: &mut Vec<Diagnostic>) {
    let rows = cell_rows(table);
    let joined: Vec<String> = rows
        .iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .cloned()
        .collect();
    let top: Vec<String> = (rows.iter().take(3))
        .map(|r| format!("| {} |", r.join(" | ").replace('\n', " ")))
        .collect();
    let excerpt = excerpt_of(&joined.join(" "), 200);
    let said = match text::near_header(&top.join("\n")) {
        Some((row, names, missing)) => Diagnostic::warning(
            "word/table-not-read",
            Location::cell(display, format!("表{}", table.index), row - 1, 0),
            format!(
                "第 {} 个表格第 {row} 行像是任务分工表的表头（{}），但看不出哪一列是“{}”，未读入：「{excerpt}」",
                table.index,
                names.join("、"),
                missing.join("”“")
            ),
        )
        .with_hint("请把该列的列名改为“责任单位”“牵头单位”等常用名称（或补上缺少的列）后重试"),
        None => Diagnostic::note(
            "word/table-not-read",
            Location::cell(display, format!("表{}", table.index), 0, 0),
            format!("第 {} 个表格不是任务分工表，未读入：「{excerpt}」", table.index),
        ),
    };
    diagnostics.push(said);
}

/// An attachment the notice lists written after the table (附件3's items in paragraphs):
/// read on into `table` (see [`later_attachment`]).
fn attachment_after_table(
    paragraphs: &[&Paragraph],
    table: &mut crate::ingest::raw_table::RawTable,
    doc: &mut TextDocument,
    display: &str,
) {
    if let Some(notice) = doc.notice.as_ref() {
        let every: Vec<String> = paragraphs.iter().map(|p| line_of(p)).collect();
        let places = Places::paragraphs(display);
        let said = &mut doc.diagnostics;
        later_attachment::read_after_table(table, notice, &every.join("\n"), places, said);
    }
}

/// Paragraphs after the 分工表 (but the titles of further tables, `titles`): the plan's
/// text going on under the last table (from `last` on) is returned to be printed after it;
/// the `notice`'s 署名 and 成文日期 standing there are read into it; every other one with
/// text is named, never dropped silently.
fn text_after_table(
    paragraphs: &[&Paragraph],
    (after, last): (usize, usize),
    titles: &[usize],
    (display, notice): (&str, Option<&mut crate::model::Notice>),
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<crate::model::Paragraph> {
    let under: Vec<(String, Location, usize)> = paragraphs
        .iter()
        .filter(|p| p.index >= after && !titles.contains(&p.index))
        .map(|p| {
            let text = format!("{}{}", p.number, p.text);
            (text, Location::paragraph(display, p.index as u32), p.index)
        })
        .filter(|(text, _, _)| !text.trim().is_empty())
        .collect();
    // Only what stands under the last table goes on with the plan; between tables, said.
    let first_under_last = under
        .iter()
        .position(|(_, _, i)| *i >= last)
        .unwrap_or(under.len());
    let mut lines: Vec<(String, Location)> = under
        .into_iter()
        .map(|(text, place, _)| (text, place))
        .collect();
    let (going_on, mut rest) = text::split_text_under_table(lines.split_off(first_under_last));
    // 附件2 between two tables the notice lists: the mark it prints over the second.
    let listed = notice.as_ref().map_or(0, |n| n.attachments.len());
    lines.retain(|(text, _)| !text::labels_a_listed_attachment(text, listed));
    // The notice's 署名 and 成文日期, set under the attachment's table.
    if let Some(notice) = notice {
        let under: Vec<(&str, u32)> = (rest.iter())
            .map(|(text, place)| (text.as_str(), place.line_no().unwrap_or(0)))
            .collect();
        let (read, said) = text::sign_off_under_table(notice, &under, Places::paragraphs(display));
        diagnostics.extend(said);
        rest.drain(..read);
        // The 版记 at the document's end, where GB/T 9704 puts it: after the attachments.
        let imprint = (rest.iter().rev())
            .take_while(|(text, _)| text::is_imprint_line(text))
            .count();
        if notice.imprint.is_empty() && imprint > 0 {
            notice.imprint = (rest.split_off(rest.len() - imprint).into_iter())
                .map(|(text, origin)| crate::model::Paragraph {
                    text: tidy_spacing(&text.replace('\t', " ")),
                    origin,
                })
                .collect();
        }
    }
    // Between its tables (续表, 附件2) a paragraph is none of the table's rows.
    let between = lines.into_iter().map(|line| (line, "任务分工表中间"));
    for ((text, place), position) in between.chain(rest.into_iter().map(|l| (l, "任务分工表之后")))
    {
        diagnostics.push(Diagnostic::note(
            "word/after-table",
            place,
            format!("{position}的段落未读入：「{}」", text.trim()),
        ));
    }
    going_on
}

/// One note per kind of part that is not content; footnotes, endnotes and comments one by
/// one, each with its text where the body refers to it.
fn not_content_notes(word: &docx::WordDocument, display: &str) -> Vec<Diagnostic> {
    let said_one_by_one = |kind: &NotContent| match kind {
        NotContent::Footnotes => {
            (word.notes.iter()).any(|n| matches!(n.kind, NoteKind::Footnote | NoteKind::Endnote))
        }
        NotContent::Comments => word.notes.iter().any(|n| n.kind == NoteKind::Comment),
        _ => false,
    };
    let kinds = word
        .not_content
        .iter()
        .filter(|kind| **kind != NotContent::TextBoxes && !said_one_by_one(kind))
        .map(|kind| {
            let message = match kind {
                NotContent::Headers => "文档中的页眉不作为方案内容读取",
                NotContent::Footers => "文档中的页脚（含页码）不作为方案内容读取",
                NotContent::Comments => "文档中的批注不作为方案内容读取",
                // As Word shows the document with its changes accepted.
                NotContent::TrackedDeletions => {
                    "文档中修订删除的文字不读入，修订插入的文字已读入（按接受全部修订后的文本）"
                }
                NotContent::Footnotes => "文档中的脚注和尾注不作为方案内容读取",
                NotContent::TextBoxes => "文档中的文本框不作为方案内容读取",
            };
            Diagnostic::note("word/not-content", Location::file(display), message)
        });
    let notes = word.notes.iter().map(|note| {
        let what = match note.kind {
            NoteKind::Footnote => "脚注",
            NoteKind::Endnote => "尾注",
            NoteKind::Comment => "批注",
            NoteKind::Hidden => "隐藏文字",
        };
        let place = match note.place {
            NotePlace::Paragraph(n) => Location::paragraph(display, n as u32),
            NotePlace::Cell { table, row, column } => {
                Location::cell(display, format!("表{table}"), row as u32, column as u32)
            }
            NotePlace::Elsewhere => Location::file(display),
        };
        Diagnostic::note(
            "word/not-content",
            place,
            format!("此处的{what}不作为方案内容读取：「{}」", note.text),
        )
    });
    kinds.chain(notes).collect()
}

/// Why a file could not be read as a .docx, in the user's words.
fn refused(display: &str, e: &DocxError) -> Diagnostic {
    let (message, hint) = match e {
        DocxError::NotZip(_) => (
            "不是 .docx 文件（可能是旧版 .doc，或文件已损坏）".to_string(),
            "请用 WPS 或 Word 另存为 .docx 后再读取",
        ),
        DocxError::MissingPart(_) => (
            "不是 Word 文档（压缩包中没有正文）".to_string(),
            "请确认选对了文件；.odt 等格式请另存为 .docx",
        ),
        DocxError::Encrypted => (
            "文档设有打开密码，无法读取".to_string(),
            "请在 WPS 或 Word 中取消密码后另存一份",
        ),
        DocxError::TooLarge { what, limit } => (
            format!("文档过大，超出读取上限（{what}，上限 {limit}）"),
            "请确认选对了文件",
        ),
        DocxError::Xml { part, .. } => (
            format!("文档已损坏（{part} 无法解析）"),
            "请用 WPS 或 Word 打开后重新保存",
        ),
    };
    Diagnostic::error(
        "input/unreadable",
        Location::file(display),
        format!("无法读取 Word 文档：{message}"),
    )
    .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::docx::tests::{docx, p};

    fn row(cells: &[&str]) -> String {
        let cells: String = cells
            .iter()
            .map(|c| format!("<w:tc>{}</w:tc>", p(c)))
            .collect();
        format!("<w:tr>{cells}</w:tr>")
    }

    fn table(rows: &[&[&str]]) -> String {
        let grid = "<w:gridCol w:w=\"1\"/>".repeat(rows[0].len());
        let rows: String = rows.iter().map(|r| row(r)).collect();
        format!("<w:tbl><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
    }

    /// A table continued past a page as a second table under 续表: the plan's closing words
    /// under the second table go on with the plan, 续表 is said as standing between, and the
    /// sentence introducing the table is the plan's text, not the table's title.
    #[test]
    fn the_words_under_a_continued_table_go_on_with_the_plan() {
        let header: &[&str] = &["序号", "项目名称", "牵头单位", "完成时限"];
        let body = [
            p("梅林县2025年民生实事项目实施方案"),
            p("县政府确定今年实施以下民生实事项目，具体分工见下表。"),
            table(&[header, &["1", "新建幼儿园2所", "县教育局", "2025年8月底前"]]),
            p("续表"),
            table(&[
                header,
                &["2", "改造农贸市场3个", "县商务局", "2025年10月底前"],
            ]),
            p("各牵头单位要于每月25日前报送项目进展情况。"),
        ]
        .concat();
        let read = read(&docx(&body, &[]), "input/方案.docx").unwrap();
        let table = read.doc.table.expect("a table");
        assert_eq!(table.title, None);
        let after: Vec<&str> = table.after.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(after, ["各牵头单位要于每月25日前报送项目进展情况。"]);
        let said: Vec<&str> = (read.doc.diagnostics.iter())
            .filter(|d| d.code == "word/after-table")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(said, ["任务分工表中间的段落未读入：「续表」"]);
    }

    /// A notice whose 署名 and 成文日期 stand under its attachment's table, at the end of the
    /// document: the notice's, not paragraphs left out. Words going on with the plan there
    /// keep a signature under them out of the notice.
    #[test]
    fn a_notice_signed_under_the_table_is_signed() {
        let head = [
            p("北塘县人民政府"),
            p("北塘政发〔2024〕5号"),
            p("北塘县人民政府关于印发2024年重点工作分解的通知"),
            p("各乡镇人民政府："),
            p("现将《2024年重点工作分解》印发给你们，请认真落实。"),
            p("附件：2024年重点工作分解"),
            p("2024年重点工作分解"),
            table(&[
                &["序号", "工作任务", "责任单位"],
                &["1", "新建农村公路12公里", "县交通局"],
            ]),
        ]
        .concat();
        let body = [head.clone(), p("北塘县人民政府"), p("2024年2月20日")].concat();
        let signed = read(&docx(&body, &[]), "input/通知.docx").unwrap();
        let notice = signed.doc.notice.expect("a notice");
        assert_eq!(notice.signer.as_deref(), Some("北塘县人民政府"));
        assert_eq!(notice.date.as_deref(), Some("2024年2月20日"));
        assert!(
            !(signed.doc.diagnostics.iter()).any(|d| d.code == "word/after-table"),
            "{:?}",
            signed.doc.diagnostics
        );
        // A line that is no sign-off after the date: nothing is taken.
        let body = [
            head,
            p("北塘县人民政府"),
            p("2024年2月20日"),
            p("扫码查看更多政策解读内容"),
        ]
        .concat();
        let unsigned = read(&docx(&body, &[]), "input/通知.docx").unwrap();
        assert_eq!(unsigned.doc.notice.expect("a notice").date, None);
    }

    /// The plan's title set as 公文 titles are — centred, large and bold, no style — over its
    /// preamble and the table: the title names the plan and the preamble is its text (both
    /// were said as left out, the preamble never printed).
    #[test]
    fn a_bold_large_centred_title_heads_the_plans_text() {
        let title = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/>\
                     <w:sz w:val=\"44\"/></w:rPr><w:t>柳川县2025年重要工作事项责任分工</w:t>\
                     </w:r></w:p>";
        let body = [
            title.to_string(),
            p("2025年是规划的收官之年。现将2025年县政府重要工作事项责任分工如下："),
            table(&[
                &["序号", "工作任务", "责任单位"],
                &["1", "扩大有效投资", "县发展改革局"],
            ]),
        ]
        .concat();
        let read = read(&docx(&body, &[]), "input/分工.docx").unwrap();
        let unused: Vec<&str> = (read.doc.diagnostics.iter())
            .filter(|d| d.code == "source/unused")
            .map(|d| d.message.as_str())
            .collect();
        assert!(unused.is_empty(), "{unused:?}");
        let prose = read.doc.prose.expect("the plan's text");
        assert_eq!(
            prose.title.map(|t| t.text).as_deref(),
            Some("柳川县2025年重要工作事项责任分工")
        );
        let preamble: Vec<&str> = prose.preamble.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            preamble,
            ["2025年是规划的收官之年。现将2025年县政府重要工作事项责任分工如下："]
        );
    }

    /// 附件2 on its own after the last item of a prose 附件1 whose part heading names the
    /// lead (沁县): the next attachment's label, no words of that item — it was read into the
    /// item's text and printed on the unit's sheet.
    #[test]
    fn an_attachments_label_after_the_last_item_is_none_of_it() {
        let body = [
            p("附件1"),
            p("2025年县政府工作报告任务清单"),
            p("一、县发改局牵头工作（2项）"),
            p("1.全年谋划储备项目100个以上。"),
            p("2.推进沁县至沁源高速公路前期工作。"),
            p(""),
            p("附件2"),
            p("2025年十五件民盼实事任务分解"),
        ]
        .concat();
        let read = read(&docx(&body, &[]), "input/方案.docx").unwrap();
        let table = crate::ingest::inline::parse(&read.text, "input/方案.docx").expect("tasks");
        let contents: Vec<&str> = table.tasks().map(|t| t.content.as_str()).collect();
        assert_eq!(
            contents,
            [
                "全年谋划储备项目100个以上。",
                "推进沁县至沁源高速公路前期工作。"
            ]
        );
        let labelled = (table.rows.iter()).any(|r| match &r.kind {
            crate::ingest::raw_table::RowKind::Label(label) => label.contains("附件2"),
            _ => false,
        });
        assert!(!labelled, "{:?}", table.rows);
    }

    /// Labelled lines a writer set apart with a line break inside one paragraph (Shift+Enter):
    /// each label starts its own clause, as on lines of their own.
    #[test]
    fn labelled_lines_in_one_paragraph_are_each_read() {
        let broken = |first: &str, second: &str| {
            format!("<w:p><w:r><w:t>{first}</w:t><w:br/><w:t>{second}</w:t></w:r></w:p>")
        };
        let body = [
            p("柏溪区2024年重点工作任务分工"),
            p("一、稳定经济增长"),
            p("1.规模以上工业增加值增长7%。"),
            broken("牵头单位：区工信局", "配合单位：区发改局，各街道"),
            p("2.外贸进出口总额增长5%。"),
            broken("牵头单位：区商务局", "责任单位：区税务局、区市场监管局"),
        ]
        .concat();
        let read = read(&docx(&body, &[]), "input/方案.docx").unwrap();
        let table = crate::ingest::inline::parse(&read.text, "input/方案.docx").expect("tasks");
        let units: Vec<(Option<&str>, Option<&str>)> = (table.rows.iter())
            .filter_map(|r| match &r.kind {
                crate::ingest::raw_table::RowKind::Task(t) => {
                    Some((t.lead.as_deref(), t.support.as_deref()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            units,
            [
                // The list as written: its comma parts kinds of unit.
                (Some("区工信局"), Some("区发改局，各街道")),
                (Some("区商务局"), Some("区税务局、区市场监管局")),
            ]
        );
    }

    /// A Word paragraph is the writer's own: one that ends no sentence is not run on into the next
    /// as a text's line cut by a page break is, and each keeps its place.
    #[test]
    fn a_word_paragraph_that_ends_no_sentence_stays_a_paragraph() {
        let body = [
            p("松岭县2025年防汛工作方案"),
            p("为做好今年防汛工作，结合我县实际"),
            p("制定本方案。"),
            p("一、重点任务"),
            p("（一）修复水毁工程。县水利局牵头，年内完成全部修复"),
            p("全县汛期值班表另行印发。"),
            p("（二）加强监测预警。汛前完成站网检修。（县气象局牵头）"),
        ]
        .concat();
        let read = read(&docx(&body, &[]), "input/方案.docx").unwrap();
        let prose = read.doc.prose.expect("prose");
        let preamble: Vec<(&str, String)> = (prose.preamble.iter())
            .map(|p| (p.text.as_str(), p.origin.to_string()))
            .collect();
        assert_eq!(
            preamble,
            [
                (
                    "为做好今年防汛工作，结合我县实际",
                    "input/方案.docx#段2".to_string()
                ),
                ("制定本方案。", "input/方案.docx#段3".to_string()),
            ]
        );
        let first = &prose.sections[0].groups[0].text.text;
        assert!(
            first.ends_with("年内完成全部修复\n全县汛期值班表另行印发。"),
            "{first}"
        );
    }

    /// A nested table in a task's content cell: each row an item, kept apart, its cells
    /// clauses of it.
    #[test]
    fn a_nested_tables_rows_stay_apart_in_a_tasks_text() {
        let header: &[&str] = &["序号", "工作任务", "责任单位", "完成时限"];
        let nested = table(&[&["保障用地", "新增工业用地供应1500亩"]]);
        let content = format!("<w:tc>{}{nested}<w:p/></w:tc>", p("强化项目要素保障："));
        let task = format!(
            "<w:tr><w:tc>{}</w:tc>{content}<w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>",
            p("1"),
            p("县自然资源局"),
            p("2025年9月底前")
        );
        let body = table(&[header]).replace("</w:tbl>", &format!("{task}</w:tbl>"));
        let read = read(&docx(&body, &[]), "input/清单.docx").unwrap();
        let table = read.doc.table.expect("a table");
        let contents: Vec<String> = (table.rows.iter())
            .filter_map(|r| match &r.kind {
                crate::ingest::raw_table::RowKind::Task(t) => Some(t.content.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            contents,
            ["强化项目要素保障：保障用地，新增工业用地供应1500亩"]
        );
    }
}
