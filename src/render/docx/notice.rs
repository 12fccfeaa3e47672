//! 通知.docx to GB/T 9704 in Word's terms: the 版头 at absolute depths built from exact line
//! heights (red mark 35 mm below the 版心 top, 文号 two lines below it, the red rule 4 mm below
//! the 文号 as its paragraph's border), the title two lines below the rule, the body on the
//! 22-line grid, 附件说明, 署名 and 成文日期 placed as the PDF places them and kept with the
//! body's last lines, the attachment in a section of its own, and the 版记 on an even page.
//! Depths and formulas: ooxml.md §4–§7, gbt9704.md.

use super::flow::{Setter, title_lines};
use super::package::{SectionStart, package, section};
use super::xml::{Border, Face, Para, RunStyle, TWIPS_PER_MM, TWIPS_PER_PT, tw};
use super::{PageSetup, WordFonts, ems};
use crate::base::diag::Result;
use crate::render::blocks::Block;
use crate::render::{Align, DocInfo, Signed};
use crate::view::NoticeView;

const RED: &str = "FF0000";
/// The 文号 line's exact height: with it a border 8 pt below the line lands 4 mm below the
/// 文号's em box (ooxml.md §7).
const NUMBER_LINE: i32 = 526;
const RULE_SPACE_PT: u32 = 8;
/// The red rule: 1.5 pt (D4 asks 0.5 mm; Word's border widths come in eighths of a point).
const RULE_EIGHTHS: u32 = 12;
/// The PDF's red rule: 0.5 mm (D4), centred 4 mm below the 文号's em box.
const RED_RULE_MM: f32 = 0.5;
/// The title's size: 2号.
const TITLE_SIZE: f32 = 22.0;
/// Printed where the 成文日期 goes when none is known, as the Markdown and the PDF print it.
const DATE_PLACEHOLDER: &str = "　　年　　月　　日";

/// The notice with its attachment as .docx bytes; `extra_lines` is how many lines the PDF
/// added to the notice's pages to keep its closing block (the same fit rule, so both agree).
pub fn notice(
    view: &NoticeView,
    blocks: &[Block],
    fonts: &WordFonts,
    info: &DocInfo,
    extra_lines: usize,
) -> Result<Vec<u8>> {
    let standard = PageSetup::portrait(12.0);
    let own = standard.with_extra_lines(extra_lines);
    let mut doc = Notice {
        view,
        set: Setter::new(fonts, own),
        paras: Vec::new(),
        part: Part::Head,
        attachment_page: standard,
        cursor: 0.0,
        after_title: None,
        title_first: false,
        rule_bottom: 0.0,
        body_paragraphs: 0,
        body_last: false,
    };
    doc.head();
    for (i, block) in blocks.iter().enumerate() {
        let next_is_figure = matches!(blocks.get(i + 1), Some(Block::Table { .. }));
        if let Block::Title(title) = block
            && doc.part == Part::Attachment
            && !crate::render::table_starts_page(blocks, i)
        {
            // After a short preamble the table follows on its page, a blank line below.
            let p = doc.set.title(title, 18.0).space(doc.set.line, tw(9.0));
            doc.push(p);
            continue;
        }
        doc.block(block, next_is_figure);
    }
    let imprint = imprint(view, fonts, &standard);
    let mut body: String = doc.paras.iter().map(Item::xml).collect();
    // The last section's properties end the body; an earlier one ends its last paragraph.
    let last_page = match doc.part {
        Part::Head | Part::Body => own,
        _ => standard,
    };
    match imprint {
        Some(imprint) => {
            body.push_str(
                &Para::new()
                    .exact(tw(1.0))
                    .ends_section(section(&last_page, true, SectionStart::NextPage))
                    .xml(),
            );
            body.push_str(&imprint);
            body.push_str(&section(&standard, false, SectionStart::EvenPage));
        }
        None => body.push_str(&section(&last_page, true, SectionStart::NextPage)),
    }
    package(&body, &standard, fonts, info)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Body,
    AttachmentHead,
    Attachment,
}

/// A paragraph still open to changes (keep-with-next, a section end), or XML already final.
enum Item {
    Para(Para),
    Xml(String),
}

impl Item {
    fn xml(&self) -> String {
        match self {
            Item::Para(p) => p.xml(),
            Item::Xml(x) => x.clone(),
        }
    }
}

struct Notice<'a> {
    view: &'a NoticeView,
    set: Setter<'a>,
    paras: Vec<Item>,
    part: Part,
    attachment_page: PageSetup,
    /// Depth in twips from the page top where the last paragraph placed at a known depth
    /// ends (the 版头, a title): what the next one's space before is measured from.
    cursor: f32,
    /// The em box bottom of a title just placed: the next line goes on the first grid line
    /// one blank line below it.
    after_title: Option<f32>,
    /// No 版头 and no 文号: the title stands on the first line.
    title_first: bool,
    /// Where the PDF's red rule ends (or would, for a notice without a 版头), in twips from
    /// the page top: the title is placed from it as the PDF places it, so both choose the
    /// same grid line for the text below the title. The Word rule, a paragraph border, ends
    /// a few twips lower; measuring from it set the 主送 a line lower than the PDF when the
    /// title ended near a grid line (the notice's closing block then left page 1).
    rule_bottom: f32,
    /// The body's paragraphs set so far, and whether the last item set is one.
    body_paragraphs: usize,
    body_last: bool,
}

impl Notice<'_> {
    fn push(&mut self, para: Para) {
        self.body_last = false;
        self.paras.push(Item::Para(para));
    }

    /// The grid pitch in twips, unrounded (the PDF's grid is not whole twips).
    fn pitch(&self) -> f32 {
        let p = self.set.page;
        (p.height_twips() - p.body_size * TWIPS_PER_PT) / (p.lines as f32 - 1.0)
    }

    /// 版头: a spacer down to the mark, the mark, the 文号 with the red rule as its border.
    fn head(&mut self) {
        let page = self.set.page;
        if self.view.mark.is_empty() {
            return self.headless();
        }
        let top = page.margin_top() as f32;
        // The mark's em box top 35 mm below the 版心 top (7.2.4); sized to fit the 版心.
        let mark_top = page.top_twips() + 35.0 * TWIPS_PER_MM;
        let mark = Mark::of(self.view, page.width_twips() as f32 / TWIPS_PER_PT);
        self.push(Para::new().exact((mark_top - top).round() as i32));
        // 发文字号 two blank lines below the mark (7.2.5), as the PDF places it.
        let pitch = self.pitch();
        let body = page.body_size * TWIPS_PER_PT;
        let above_last = (mark.names.len().max(1) - 1) as f32 * mark.line as f32;
        let number_em_top = mark_top + above_last + mark.size * TWIPS_PER_PT + 3.0 * pitch - body;
        let number_line_top = number_em_top - PageSetup::em_offset(NUMBER_LINE, page.body_size);
        let after_mark =
            (number_line_top - (mark_top + above_last + mark.line as f32)).round() as i32;
        let fonts = self.set.fonts;
        let style = RunStyle::new(Face::Title, mark.size).colored(RED);
        match mark.word {
            // Joint agencies: their names a row each in a table's left column, 文件 in its
            // right one, merged down and centred (7.2.2); the space below goes before the 文号.
            Some(word) => {
                self.paras
                    .push(Item::Xml(mark.joint_table(fonts, &style, word)));
            }
            None => {
                for (k, name) in mark.names.iter().enumerate() {
                    let after = if k + 1 == mark.names.len() {
                        after_mark
                    } else {
                        0
                    };
                    self.push(
                        Para::new()
                            .style("Mark")
                            .exact(mark.line)
                            .space(0, after)
                            .align(Align::Center)
                            .run(fonts, &style, name),
                    );
                }
            }
        }
        let before = if mark.word.is_some() { after_mark } else { 0 };
        self.push_number_lines(before);
        self.rule_bottom = number_em_top
            + self.rows_above_number()
            + body
            + 4.0 * TWIPS_PER_MM
            + RED_RULE_MM / 2.0 * TWIPS_PER_MM;
        // The border adds its space and width to the paragraph.
        self.cursor = mark_top
            + above_last
            + mark.line as f32
            + after_mark as f32
            + NUMBER_LINE as f32
            + self.rows_above_number()
            + (RULE_SPACE_PT as f32 + RULE_EIGHTHS as f32 / 8.0) * TWIPS_PER_PT;
    }

    /// The 文号's line: centred; a document sent up has it 1 字 in from the left and its
    /// 签发人 1 字 in from the right on the same line (7.2.5, 7.2.6), as the PDF sets them —
    /// two names a line, a 文号's line high, each line's names
    /// starting where the first's do. The last paragraph is the 文号's.
    fn number_lines(&self, before: i32) -> Vec<Para> {
        let page = self.set.page;
        let fonts = self.set.fonts;
        let number = self.view.doc_number.clone().unwrap_or_default();
        let body = RunStyle::new(Face::Body, page.body_size);
        let kai = RunStyle::new(Face::Kai, page.body_size);
        let line = || Para::new().style("DocNumber").exact(NUMBER_LINE);
        let rows: Vec<String> = self
            .view
            .approved_by
            .chunks(2)
            .map(|r| r.join("　"))
            .collect();
        let Some((last, above)) = rows.split_last() else {
            return vec![
                line()
                    .space(before, 0)
                    .align(Align::Center)
                    .run(fonts, &body, &number),
            ];
        };
        let widest = rows.iter().map(|r| ems(r)).fold(0.0f32, f32::max);
        // The names end 1 字 in from the right; the label ends where they start.
        let names_at = page.width_twips() - tw(page.body_size) - tw(page.body_size * widest);
        let label_at = names_at - tw(page.body_size * ems("签发人："));
        let rpr = super::xml::run_properties(fonts, &body);
        let tab = format!("<w:r>{rpr}<w:tab/></w:r>");
        let mut lines: Vec<Para> = Vec::new();
        for (k, names) in rows.iter().enumerate() {
            let p = line().align(Align::Left);
            let p = match k {
                0 => p
                    .tab_left(label_at)
                    .raw_runs(&tab)
                    .run(fonts, &body, "签发人："),
                _ => p.tab_left(names_at).raw_runs(&tab),
            };
            let before = if k == 0 { before } else { 0 };
            lines.push(p.run(fonts, &kai, names).space(before, 0));
        }
        // 1 字 in as a full-width space, not an indent: the red rule (the paragraph's border)
        // spans the 版心.
        let number_line = match above.is_empty() {
            true => line().align(Align::Left).tab_left(label_at),
            false => line().align(Align::Left).tab_left(names_at),
        }
        .run(fonts, &body, &format!("　{number}"))
        .raw_runs(&tab);
        let number_line = match above.is_empty() {
            true => number_line.run(fonts, &body, "签发人："),
            false => number_line,
        };
        let before = if above.is_empty() { before } else { 0 };
        lines.pop();
        lines.push(number_line.run(fonts, &kai, last).space(before, 0));
        lines
    }

    /// The 文号's lines, the first `before` twips down, the red rule 4 mm below the 文号 and
    /// the 版心's width (7.2.7) as its bottom border.
    fn push_number_lines(&mut self, before: i32) {
        let mut lines = self.number_lines(before);
        let number = lines.pop().map(|line| {
            line.border_bottom(Border {
                eighths: RULE_EIGHTHS,
                space: RULE_SPACE_PT,
                color: RED,
            })
        });
        lines
            .into_iter()
            .chain(number)
            .for_each(|line| self.push(line));
    }

    /// How far the 签发人's lines above the 文号's push it down, in twips (a line each, 8 twips
    /// over the grid's pitch: the PDF's 0.4 pt).
    fn rows_above_number(&self) -> f32 {
        (self.view.approved_by.len().div_ceil(2).saturating_sub(1) as i32 * NUMBER_LINE) as f32
    }

    /// No issuer known: no mark and no red rule (as the PDF); the 文号, if any, on the first
    /// line, the title two lines below it or on the first line.
    fn headless(&mut self) {
        let page = self.set.page;
        // The first paragraph starts at the top margin.
        self.cursor = page.margin_top() as f32;
        if self.view.doc_number.is_none() && self.view.approved_by.is_empty() {
            self.title_first = true;
            return;
        }
        for line in self.number_lines(0) {
            self.push(line);
        }
        let above = self.rows_above_number();
        self.cursor += NUMBER_LINE as f32 + above;
        self.rule_bottom = page.top_twips() + above + page.body_size * TWIPS_PER_PT;
    }

    fn block(&mut self, block: &Block, next_is_figure: bool) {
        match (self.part, block) {
            // The typed furniture is placed from the view; its Markdown twins are skipped.
            (_, Block::Paragraph { style: Some(s), .. })
                if crate::render::is_notice_furniture(s) => {}
            (Part::Head, Block::Title(title)) => {
                self.title_at(title, self.title_em_top());
                self.part = Part::Body;
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "主送机关" => {
                let p = self.snapped(self.set.grid().style("Recipients").align(Align::Justify));
                let p = self.set.spans(p, spans);
                self.push(p);
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "附件说明" => {
                self.attachment_note(&joined(spans));
            }
            (_, Block::Paragraph { style: Some(s), .. }) if s == "成文日期" => {
                self.signature(Signed::notice(self.view));
            }
            (_, Block::Paragraph { style: Some(s), .. }) if s == "落款日期" => {
                self.signature(Signed::plan(self.view));
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "附件标识" => {
                self.start_attachment(&crate::render::blocks::attachment_label(spans));
            }
            (Part::AttachmentHead, Block::Title(title)) => {
                // The attachment's title on the page's third line (7.3.7).
                let page = self.attachment_page;
                let em_top = page.top_twips() + 2.0 * self.pitch();
                self.cursor = page.margin_top() as f32 + page.line_twips() as f32;
                self.title_at(title, em_top);
                self.part = Part::Attachment;
            }
            (_, Block::Title(title)) => {
                // The 任务分工表's title, on a page of its own.
                let p = self
                    .set
                    .title(title, 18.0)
                    .page_break_before()
                    .space(0, tw(9.0));
                self.push(p);
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == crate::render::TABLE_NOTE => {
                let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
                self.push(self.set.table_note(&text));
            }
            (_, Block::Paragraph { spans, .. }) => {
                // A task's 责任单位 line goes with the task above it (as the PDF keeps them).
                let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
                if crate::render::is_duty_line(&text)
                    && matches!(self.paras.last(), Some(Item::Para(_)))
                    && let Some(Item::Para(last)) = self.paras.pop()
                {
                    self.push(last.keep_end_with_next());
                }
                let p = self.snapped(
                    self.set
                        .grid()
                        .first_line(self.set.indent2)
                        .align(Align::Justify),
                );
                let p = self.set.spans(p, spans);
                self.push(p);
                if self.part == Part::Body {
                    self.body_paragraphs += 1;
                    self.body_last = true;
                }
            }
            (
                _,
                Block::Table {
                    header,
                    aligns,
                    rows,
                    columns,
                    bands,
                },
            ) => {
                let x = self
                    .set
                    .table(header, aligns, rows, columns.as_deref(), bands);
                self.paras.push(Item::Xml(x));
            }
            (_, other) => {
                let x = self.set.block(other, next_is_figure, &Default::default());
                self.snap();
                self.paras.push(Item::Xml(x));
            }
        }
    }
}

impl Notice<'_> {
    /// A 小标宋 title centred, broken between words, its first em box top at `em_top`.
    /// Where the notice's title's em box starts: two blank lines below the 版头's rule
    /// (7.3.1), or on the first line when there is no 版头.
    fn title_em_top(&self) -> f32 {
        if self.title_first {
            self.set.page.top_twips()
        } else {
            self.rule_bottom + 3.0 * self.pitch() - self.set.page.body_size * TWIPS_PER_PT
        }
    }

    /// The line pitch of the title: 2号 on the body's grid.
    fn title_pitch(&self) -> i32 {
        tw(TITLE_SIZE) + self.set.line - tw(self.set.page.body_size)
    }

    fn title_at(&mut self, title: &str, em_top: f32) {
        let pitch = self.title_pitch();
        let first_line_top = em_top - PageSetup::em_offset(pitch, TITLE_SIZE);
        let before = (first_line_top - self.cursor).round() as i32;
        let lines = title_lines(
            title,
            self.set.page.width_twips() as f32 / TWIPS_PER_PT / TITLE_SIZE,
        );
        let count = lines.len() as f32;
        let p = Para::new()
            .style("Title")
            .exact(pitch)
            .space(before, 0)
            .align(Align::Center)
            .keep_next()
            .run(
                self.set.fonts,
                &RunStyle::new(Face::Title, TITLE_SIZE),
                &lines.join("\n"),
            );
        self.push(p);
        self.cursor = first_line_top + count * pitch as f32;
        let em_bottom = self.cursor - pitch as f32
            + PageSetup::em_offset(pitch, TITLE_SIZE)
            + TITLE_SIZE * TWIPS_PER_PT;
        self.after_title = Some(em_bottom);
    }

    /// After a title, a spacer down to the grid line one blank line below it (7.3.2), as the
    /// PDF sets the next line.
    fn snap(&mut self) {
        let Some(em_bottom) = self.after_title.take() else {
            return;
        };
        let page = self.page();
        let line = page.line_twips() as f32;
        let pitch = self.pitch();
        let wanted = em_bottom + 2.0 * pitch - page.body_size * TWIPS_PER_PT;
        let first = page.margin_top() as f32;
        let offset = PageSetup::em_offset(page.line_twips(), page.body_size);
        let i = ((wanted - offset - first) / line - 0.01).ceil().max(0.0);
        let gap = (first + i * line - self.cursor).round() as i32;
        if gap > 0 {
            self.push(Para::new().exact(gap));
        }
    }

    /// `para`, after the spacer a title may need.
    fn snapped(&mut self, para: Para) -> Para {
        self.snap();
        para
    }

    /// The page of the part being set.
    fn page(&self) -> PageSetup {
        match self.part {
            Part::Head | Part::Body => self.set.page,
            _ => self.attachment_page,
        }
    }

    /// 附件说明: one blank line below the body, 2 字 in; wrapped names align with the first
    /// character after 附件： (and after a number) (7.3.4).
    fn attachment_note(&mut self, text: &str) {
        // The body's last paragraph goes with the note, as with the 署名 it keeps to.
        self.keep_last_with_next();
        let char_w = self.set.page.char_twips();
        let label = 3 * char_w;
        for (i, line) in text.split('\n').enumerate() {
            let name = line.trim_start_matches("附件：");
            let digits = name.chars().take_while(char::is_ascii_digit).count();
            let number = if digits > 0 && name[digits..].starts_with(". ") {
                // Half-width digits, the point and the space: half a character each.
                (digits as i32 + 2) * char_w / 2
            } else {
                0
            };
            let left = self.set.indent2 + label + number;
            let first = if i == 0 { -(label + number) } else { -number };
            let p = self
                .set
                .grid()
                .style("AttachmentNote")
                .keep_next()
                .space(if i == 0 { self.set.line } else { 0 }, 0)
                .indent(left, 0)
                .first_line(first)
                .align(Align::Justify)
                .run(self.set.fonts, &self.set.body, line);
            self.push(p);
        }
    }

    /// The paragraph set last goes on the page of what follows it: Word, with widow control,
    /// carries its last two lines (a paragraph of three or fewer whole), as the PDF does — so
    /// the 附件说明 and 署名 never stand on a page without body text. LibreOffice moves a
    /// paragraph kept with the next whole, so a long one would leave the page above nearly
    /// empty there: past eight lines it is left free to split.
    fn keep_last_with_next(&mut self) {
        let per_line = (self.set.page.width_twips() / self.set.page.char_twips().max(1)) as usize;
        match self.paras.pop() {
            Some(Item::Para(last)) if last.text_chars() <= 8 * per_line => {
                // The body's one paragraph may split anywhere: its first lines stay under
                // the 主送, the page the 版头 and title fill never left without body text
                // (as the PDF; Word does, LibreOffice still moves it whole).
                let only = self.body_paragraphs == 1 && self.body_last;
                let kept = last.keep_end_with_next();
                self.push(if only { kept.split_anywhere() } else { kept })
            }
            Some(other) => self.paras.push(other),
            None => {}
        }
    }

    /// 署名 and 成文日期 (7.3.5.2), one blank line below: the 署名 2 字 from the right, the
    /// date starting 2 字 right of the 署名's start; a longer date 2 字 from the right and the
    /// 署名 2 字 left of its start. Kept with the body's last paragraph: never alone on a page.
    fn signature(&mut self, signed: Signed<'_>) {
        let char_w = self.set.page.char_twips() as f32;
        let width = |text: &str| ems(text) * char_w;
        let signers = signed.signers.to_vec();
        let date = signed.date.unwrap_or(DATE_PLACEHOLDER).to_string();
        // Agencies issuing jointly stand one under another, each centred on the widest.
        let signer_w = signers.iter().map(|s| width(s)).fold(0.0, f32::max);
        let date_w = width(&date);
        let two = 2.0 * char_w;
        let (signer_right, date_right) = crate::render::signature_gaps(signer_w, date_w, two);
        self.keep_last_with_next();
        let signer_ps: Vec<_> = signers
            .iter()
            .enumerate()
            .map(|(i, signer)| {
                let right = signer_right + (signer_w - width(signer)) / 2.0;
                self.set
                    .grid()
                    .style("Signer")
                    .keep_next()
                    .space(if i == 0 { self.set.line } else { 0 }, 0)
                    .indent(0, right.round() as i32)
                    .align(Align::Right)
                    .run(self.set.fonts, &self.set.body, signer)
            })
            .collect();
        // With no 署名 the date takes its place: one blank line below the body, as the PDF.
        let before = if signers.is_empty() { self.set.line } else { 0 };
        let mut date_p = self
            .set
            .grid()
            .style("SignDate")
            .space(before, 0)
            .indent(0, date_right.round() as i32)
            .align(Align::Right);
        // 附注: the next line, 2 字 in from the left (7.3.6), kept with the date.
        let mut annotations: Vec<Para> = (signed.annotations.iter())
            .map(|note| {
                self.set
                    .grid()
                    .style("Annotation")
                    .indent(two.round() as i32, 0)
                    .align(Align::Left)
                    .run(self.set.fonts, &self.set.body, note)
            })
            .collect();
        if !annotations.is_empty() {
            date_p = date_p.keep_next();
        }
        // Each 附注 kept with the next one.
        if let Some((_, firsts)) = annotations.split_last_mut() {
            for p in firsts {
                *p = std::mem::take(p).keep_next();
            }
        }
        let date_p = date_p.run(self.set.fonts, &self.set.body, &date);
        for p in signer_ps {
            self.push(p);
        }
        self.push(date_p);
        for p in annotations {
            self.push(p);
        }
    }

    /// The attachment starts a section of its own on a new page, on the standard grid,
    /// 附件 in 黑体 on its first line.
    fn start_attachment(&mut self, label: &str) {
        let own = self.set.page;
        let sect = section(&own, true, SectionStart::NextPage);
        match self.paras.pop() {
            Some(Item::Para(p)) => self.push(p.ends_section(sect)),
            Some(other) => {
                self.paras.push(other);
                self.push(Para::new().exact(tw(1.0)).ends_section(sect));
            }
            None => self.push(Para::new().exact(tw(1.0)).ends_section(sect)),
        }
        self.set = Setter::new(self.set.fonts, self.attachment_page);
        let p = self
            .set
            .grid()
            .style("AttachmentLabel")
            .align(Align::Left)
            .run(self.set.fonts, &self.set.hei, label);
        self.push(p);
        self.part = Part::AttachmentHead;
    }
}

/// The 发文机关标志 as Word sets it.
struct Mark {
    /// Its lines: one agency's name (with 文件), or joint agencies' names one a line.
    names: Vec<String>,
    /// 文件 to the right of joint agencies' names.
    word: Option<&'static str>,
    /// Size in pt.
    size: f32,
    /// A line's exact height in twips: 1.1 em puts the em box's top on the line's top.
    line: i32,
    /// The widest name, in ems: the joint names' column.
    widest: f32,
}

impl Mark {
    /// The mark of `view`, sized to fit `width` pt (the 版心).
    fn of(view: &NoticeView, width: f32) -> Mark {
        let names = match view.mark.as_slice() {
            [one] if view.filed => vec![format!("{one}文件")],
            names => names.to_vec(),
        };
        let word = (view.filed && names.len() > 1).then_some("文件");
        let widest = names.iter().map(|n| mark_ems(n)).fold(1.0f32, f32::max);
        // 文件 half an em right of the names.
        let word_ems = word.map_or(0.0, |w| ems(w) + 0.5);
        let size = (width / (widest + word_ems)).min(42.0);
        let size = (size * 2.0).floor() / 2.0;
        Mark {
            names,
            word,
            size,
            line: tw(1.1 * size),
            widest,
        }
    }

    /// Joint agencies' names a row each, spread to the widest (分散对齐), and `word` in a
    /// cell merged down their rows, centred over them: a table without borders, centred.
    fn joint_table(&self, fonts: &WordFonts, style: &RunStyle, word: &str) -> String {
        use std::fmt::Write as _;
        let left = tw(self.widest * self.size) + tw(1.0);
        let right = tw((ems(word) + 0.5) * self.size);
        let mut xml = format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/></w:tblGrid>"#,
            left + right
        );
        for (k, name) in self.names.iter().enumerate() {
            let chars = name.chars().count();
            let extra = (self.widest - mark_ems(name)) * self.size / (chars.max(2) - 1) as f32;
            // Every character but the last spaced, so the name ends at the column's edge.
            let split = name.char_indices().last().map_or(0, |(at, _)| at);
            let spread = Para::new()
                .style("Mark")
                .exact(self.line)
                .align(Align::Left)
                .run(fonts, &style.clone().spaced(tw(extra)), &name[..split])
                .run(fonts, style, &name[split..]);
            let merged = if k == 0 {
                r#"<w:vMerge w:val="restart"/>"#
            } else {
                "<w:vMerge/>"
            };
            let word_para = match k {
                0 => Para::new()
                    .style("Mark")
                    .exact(self.line)
                    .align(Align::Right)
                    .run(fonts, style, word),
                _ => Para::new().exact(self.line),
            };
            let _ = write!(
                xml,
                r#"<w:tr><w:trPr><w:trHeight w:val="{}" w:hRule="exact"/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{left}" w:type="dxa"/></w:tcPr>{}</w:tc><w:tc><w:tcPr><w:tcW w:w="{right}" w:type="dxa"/>{merged}<w:vAlign w:val="center"/></w:tcPr>{}</w:tc></w:tr>"#,
                self.line,
                spread.xml(),
                word_para.xml()
            );
        }
        xml.push_str("</w:tbl>");
        xml
    }
}

/// A mark's width in ems: a letter or digit in it (政协XX市…) is set in the CJK face's own
/// Latin, wider than half an em, with a space Word or LibreOffice may add beside it — counted
/// at three quarters, and a quarter em each side of a run, so the name stays on one line.
fn mark_ems(name: &str) -> f32 {
    let latin = name.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    let runs = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|run| !run.is_empty())
        .count();
    ems(name) + 0.25 * latin as f32 + 0.5 * runs as f32
}

fn joined(spans: &[(bool, String)]) -> String {
    spans.iter().map(|(_, t)| t.as_str()).collect()
}

/// The 版记 (7.4), 4号, 1 字 in on both sides: a thick rule, the 抄送 (wrapped lines aligned
/// after the colon), a thin rule, 印发机关 and 印发日期, a thick rule at the foot. Its section
/// starts on an even page and sits at the page's foot, without a page number.
fn imprint(view: &NoticeView, fonts: &WordFonts, page: &PageSetup) -> Option<String> {
    if view.copy_to.is_none() && view.printed.is_none() {
        return None;
    }
    let size = 14.0;
    let one = tw(size);
    let style = RunStyle::new(Face::Body, size);
    let thick = Border {
        eighths: 8,
        space: 1,
        color: "000000",
    };
    let thin = Border {
        eighths: 6,
        space: 1,
        color: "000000",
    };
    let line = page.line_twips();
    let mut out = String::new();
    let both = view.copy_to.is_some() && view.printed.is_some();
    // The rows and their rules' heights, so a spacer above sets the last rule on the 版心's
    // bottom edge (LibreOffice 7.4 ignores a section's bottom alignment).
    let copy_lines = view.copy_to.as_ref().map_or(0, |c| {
        let measure = page.width_twips() as f32 / TWIPS_PER_PT - 5.0 * size;
        ((ems(&format!("{c}。")) * size) / measure).ceil().max(1.0) as i32
    });
    let rows = copy_lines + i32::from(view.printed.is_some());
    let rules = |b: Border| tw(b.space as f32 + b.eighths as f32 / 8.0);
    let rule_heights = rules(thick) * 2 + if both { rules(thin) } else { 0 };
    let spacer = page.lines as i32 * line - rows * line - rule_heights - tw(1.0);
    if spacer > 0 {
        out.push_str(&Para::new().exact(spacer).xml());
    }
    if let Some(copy_to) = &view.copy_to {
        let label = 3 * one;
        let mut p = Para::new()
            .style("Imprint")
            .exact(line)
            .indent(one + label, one)
            .first_line(-label)
            .align(Align::Justify)
            .border_top(thick)
            .run(fonts, &style, &format!("抄送：{copy_to}。"));
        if !both {
            p = p.border_bottom(thick);
        }
        out.push_str(&p.xml());
    }
    if let Some((by, on)) = &view.printed {
        let rpr = super::xml::run_properties(fonts, &style);
        let p = Para::new()
            .style("Imprint")
            .exact(line)
            .indent(one, one)
            .tab_right(page.width_twips() - one)
            .border_top(if both { thin } else { thick })
            .border_bottom(thick)
            .run(fonts, &style, by)
            .raw_runs(&format!("<w:r>{rpr}<w:tab/></w:r>"))
            .run(fonts, &style, &format!("{on}印发"));
        out.push_str(&p.xml());
    }
    Some(out)
}
