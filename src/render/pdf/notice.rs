//! The formal notice to GB/T 9704: 版头 (red 发文机关标志, 发文字号, red rule), title, 主送,
//! body, 附件说明, 署名 and 成文日期, then the attachment on a new page (附件 label, title, the
//! plan's prose with its heading levels, the 任务分工表), page numbers throughout.
//!
//! The words come from `notice.md.tera` (the same Markdown as `通知.md`); the formal
//! furniture (版头, 文号, 署名, 成文日期) is typed data from [`NoticeView`], placed here.

use super::flow::{self, Block};
use super::fonts::{FontSet, Role};
use super::layout::{self, Align, Flow, Geometry, MM};
use super::page::{Bookmark, Item};
use super::text::{self, Glyph, Style};
use super::{DocInfo, RED, RED_RULE, leaf_bookmarks, number_pages, table, title_block};
use crate::base::diag::Result;
use crate::render::Signed;
use crate::view::NoticeView;

/// Where in the notice the blocks are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Before the notice's title.
    Head,
    /// The notice's body.
    Body,
    /// The attachment, before its title.
    AttachmentHead,
    /// The attachment's prose.
    Attachment,
}

/// The notice with its attachment, as PDF/A-2b bytes: `view` gives the furniture, `blocks`
/// (from the notice template) the words.
pub fn notice(
    view: &NoticeView,
    blocks: &[Block],
    fonts: &FontSet,
    info: &DocInfo,
) -> Result<Vec<u8>> {
    let (
        Laid {
            mut pages,
            bookmarks,
            unnumbered,
            ..
        },
        _,
    ) = fitted(view, blocks, fonts)?;
    let numbered = pages.len() - unnumbered;
    number_pages(fonts, &mut pages[..numbered], &Geometry::portrait(), 1)?;
    super::writer::write(&pages, &bookmarks, info, fonts)
}

/// How many lines the notice's own pages gain to keep its closing block (0 when it fits as
/// it is): the Word file sets its pages the same way.
pub fn extra_lines(view: &NoticeView, blocks: &[Block], fonts: &FontSet) -> Result<usize> {
    // Only the notice's own pages decide: the attachment (a long table) is not laid out.
    let own = blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { style: Some(s), .. } if s == "附件标识"))
        .unwrap_or(blocks.len());
    Ok(fitted(view, &blocks[..own], fonts)?.1)
}

/// The notice laid out, and the lines its pages gained. When the closing block (特此通知,
/// 附件说明, 署名, 日期) would leave its page, the notice's lines are first set closer, within
/// what 7.3.5.5 allows (up to three more lines a page); only when that does not keep it is
/// it moved.
fn fitted(view: &NoticeView, blocks: &[Block], fonts: &FontSet) -> Result<(Laid, usize)> {
    let standard = lay_out(view, blocks, fonts, 0)?;
    if standard.carried {
        for extra in 1..=MAX_EXTRA_LINES {
            let tight = lay_out(view, blocks, fonts, extra)?;
            if !tight.carried {
                return Ok((tight, extra));
            }
        }
    }
    Ok((standard, 0))
}

/// Lines a notice page may gain when its closing block would otherwise leave it.
const MAX_EXTRA_LINES: usize = 3;

/// Lines a table needs below a preamble to start there: a blank, its title, a blank, its
/// header and two rows.
const TABLE_START_LINES: usize = 6;

/// A notice laid out, before its page numbers.
struct Laid {
    pages: Vec<super::page::Page>,
    bookmarks: Vec<Bookmark>,
    /// Trailing pages without a number (a 版记 page alone).
    unnumbered: usize,
    /// True when the 署名 had to carry body lines to a new page.
    carried: bool,
}

/// The notice with `extra` more lines on each of its own pages (the attachment keeps the
/// standard 22).
fn lay_out(view: &NoticeView, blocks: &[Block], fonts: &FontSet, extra: usize) -> Result<Laid> {
    let mut geo = Geometry::portrait();
    geo.lines += extra;
    let mut flow = Flow::new(fonts, geo);
    let rule_y = head(&mut flow, view)?;
    let mut notice = Notice {
        view,
        geo,
        body: geo.body(),
        hei: Style::new(Role::Hei, geo.size).on_grid(geo.grid_advance()),
        kai: Style::new(Role::Kai, geo.size).on_grid(geo.grid_advance()),
        indent2: 2.0 * geo.grid_advance(),
        flow,
        rule_y,
        part: Part::Head,
        closing_mark: 0,
        body_paragraphs: 0,
        paragraph_mark: None,
        heading_mark: None,
        attachment: None,
        carried: false,
    };
    for (i, block) in blocks.iter().enumerate() {
        if let Block::Title(title) = block
            && notice.part == Part::Attachment
            && !crate::render::table_starts_page(blocks, i)
        {
            notice.table_title_below(title)?;
            continue;
        }
        notice.block(block)?;
    }
    let mut bookmarks = vec![Bookmark {
        title: view.title.clone(),
        page: 0,
        y: geo.top,
        children: Vec::new(),
    }];
    bookmarks.extend(notice.attachment);
    // A page opened for what never came (the table's last row filled its page) is none.
    while notice.flow.pages.len() > 1
        && notice.flow.pages.last().is_some_and(|p| p.items.is_empty())
    {
        notice.flow.pages.pop();
    }
    let unnumbered = imprint(&mut notice.flow, view)?;
    Ok(Laid {
        pages: notice.flow.pages,
        bookmarks,
        unnumbered,
        carried: notice.carried,
    })
}

/// The space of `blank_lines` empty lines between two blocks.
fn gap(geo: &Geometry, blank_lines: f32) -> f32 {
    blank_lines * geo.pitch() + (geo.pitch() - geo.size)
}

/// 版头: the 发文机关标志, the 发文字号 and the red rule; returns the rule's y.
fn head(flow: &mut Flow<'_>, view: &NoticeView) -> Result<f32> {
    let geo = flow.geo;
    if view.mark.is_empty() {
        return headless(flow, view);
    }
    // The mark's top edge 35 mm below the 版心 top (7.2.4), sized to fit the 版心.
    let mark_top = geo.top + 35.0 * MM;
    let mark_bottom = mark(flow, view, mark_top)?;
    // 发文字号: two blank lines below the mark (7.2.5). A notice without one keeps its line,
    // so the rule and the title sit where they always do (and where Word has them).
    let y = mark_bottom + gap(&geo, 2.0);
    let y = number_line(flow, view, y)? + geo.size;
    // The red rule, 4 mm below the 文号, as wide as the 版心 (7.2.7).
    let rule_y = y + 4.0 * MM;
    flow.push(Item::Rule {
        x1: geo.left,
        y1: rule_y,
        x2: geo.left + geo.width,
        y2: rule_y,
        width: RED_RULE,
        color: RED,
    });
    Ok(rule_y)
}

/// The 发文机关标志 from `top`, centred and as wide as the 版心 at most; returns its bottom.
/// Agencies issuing jointly stand one a line, the leading one first, all as wide as the
/// widest, with 文件 to their right, centred over them (7.2.2).
fn mark(flow: &mut Flow<'_>, view: &NoticeView, top: f32) -> Result<f32> {
    let (geo, fonts) = (flow.geo, flow.fonts);
    let style = Style::new(Role::Title, 1.0).colored(RED);
    let joint = view.mark.len() > 1;
    let names: Vec<String> = match view.mark.as_slice() {
        [one] if view.filed => vec![format!("{one}文件")],
        names => names.to_vec(),
    };
    let word = (view.filed && joint).then_some("文件");
    let unit_width =
        |text: &str| -> Result<f32> { Ok(text::width(&text::shape(fonts, style, text)?)) };
    let mut widest = 0.0f32;
    for name in &names {
        widest = widest.max(unit_width(name)?);
    }
    // 文件 half an em right of the names.
    let word_width = match word {
        Some(word) => unit_width(word)? + 0.5,
        None => 0.0,
    };
    let size = match widest + word_width {
        w if w > 0.0 => (geo.width / w).min(42.0),
        _ => 42.0,
    };
    let sized = Style { size, ..style };
    let left = geo.left + (geo.width - (widest + word_width) * size).max(0.0) / 2.0;
    let pitch = 1.1 * size;
    for (k, name) in names.iter().enumerate() {
        let mut glyphs = text::shape(fonts, sized, name)?;
        let x = if joint {
            spread(&mut glyphs, widest * size);
            left
        } else {
            geo.left + (geo.width - text::width(&glyphs)).max(0.0) / 2.0
        };
        flow.push(Item::Text {
            x,
            y: layout::baseline(top + k as f32 * pitch, size),
            glyphs,
        });
    }
    let bottom = top + (names.len() - 1) as f32 * pitch + size;
    if let Some(word) = word {
        let glyphs = text::shape(fonts, sized, word)?;
        flow.push(Item::Text {
            x: left + (widest + 0.5) * size,
            y: layout::baseline((top + bottom - size) / 2.0, size),
            glyphs,
        });
    }
    Ok(bottom)
}

/// Spreads a joint agency's name over `width`, as the widest one stands (分散对齐).
fn spread(glyphs: &mut [Glyph], width: f32) {
    let extra = width - text::width(glyphs);
    if let Some((_, gaps)) = glyphs.split_last_mut()
        && extra > 0.01
        && !gaps.is_empty()
    {
        let each = extra / gaps.len() as f32;
        for glyph in gaps {
            glyph.advance += each;
        }
    }
}

/// The 发文字号's line at `top`: centred; a document sent up has it 1 字 in from the left and
/// its 签发人 1 字 in from the right, on the same line as the last of their names (7.2.5,
/// 7.2.6), two names a line above it. Returns the top of the 文号's line.
fn number_line(flow: &mut Flow<'_>, view: &NoticeView, top: f32) -> Result<f32> {
    let (geo, fonts) = (flow.geo, flow.fonts);
    let body = Style::new(Role::Body, geo.size);
    let rows: Vec<&[String]> = view.approved_by.chunks(2).collect();
    let number_top = top + rows.len().saturating_sub(1) as f32 * geo.pitch();
    if let Some(number) = &view.doc_number {
        let glyphs = text::shape(fonts, body, number)?;
        let x = match rows.is_empty() {
            true => geo.left + (geo.width - text::width(&glyphs)).max(0.0) / 2.0,
            false => geo.left + geo.size,
        };
        flow.push(Item::Text {
            x,
            y: layout::baseline(number_top, geo.size),
            glyphs,
        });
    }
    if rows.is_empty() {
        return Ok(number_top);
    }
    let label = text::shape(fonts, body, "签发人：")?;
    let kai = Style::new(Role::Kai, geo.size);
    let mut shaped = Vec::new();
    for row in &rows {
        shaped.push(text::shape(fonts, kai, &row.join("　"))?);
    }
    // The names' rows start where the widest ends 1 字 in from the right.
    let widest = shaped.iter().map(|g| text::width(g)).fold(0.0f32, f32::max);
    let names_x = geo.left + geo.width - geo.size - widest;
    let label_x = names_x - text::width(&label);
    for (k, glyphs) in shaped.into_iter().enumerate() {
        let y = layout::baseline(top + k as f32 * geo.pitch(), geo.size);
        if k == 0 {
            flow.push(Item::Text {
                x: label_x,
                y,
                glyphs: label.clone(),
            });
        }
        flow.push(Item::Text {
            x: names_x,
            y,
            glyphs,
        });
    }
    Ok(number_top)
}

/// A notice whose issuer nobody knows has no 版头: no mark and no red rule printed over
/// nothing. Its 文号, if any, stands on the first line; the title two lines below it, or on
/// the first line. Returns where the rule would be for the title to sit there.
fn headless(flow: &mut Flow<'_>, view: &NoticeView) -> Result<f32> {
    let geo = flow.geo;
    if view.doc_number.is_none() && view.approved_by.is_empty() {
        return Ok(geo.top - RED_RULE / 2.0 - gap(&geo, 2.0));
    }
    let number_top = number_line(flow, view, geo.top)?;
    Ok(number_top + geo.size - RED_RULE / 2.0)
}

/// The notice while its blocks are laid out.
struct Notice<'a> {
    view: &'a NoticeView,
    geo: Geometry,
    body: Style,
    hei: Style,
    kai: Style,
    indent2: f32,
    flow: Flow<'a>,
    rule_y: f32,
    part: Part,
    /// Where the body lines start that the closing block (附件说明, 署名, 日期) carries to a
    /// new page when it does not fit: the body's last paragraph when it is short (up to three
    /// lines; the last line of the body's only paragraph), else its last two — as the Word file keeps them (a short paragraph kept with
    /// the next moves whole; widow control keeps two lines of a long one).
    closing_mark: usize,
    /// The body's paragraphs set so far (its one paragraph splits rather than go over whole).
    body_paragraphs: usize,
    /// The attachment's bookmark, with its headings and tables.
    attachment: Option<Bookmark>,
    /// True when the 署名 carried body lines to a new page.
    carried: bool,
    /// Where the task just set starts (lines set before it; before its heading when one
    /// heads it): a task's 责任单位 line takes it to a new page rather than stand there alone.
    paragraph_mark: Option<usize>,
    /// Where the heading just set starts, for the paragraph under it.
    heading_mark: Option<usize>,
}

impl Notice<'_> {
    fn block(&mut self, block: &Block) -> Result<()> {
        // Only a paragraph (or a heading) keeps a task open for the duty lines under it.
        if !matches!(block, Block::Paragraph { .. } | Block::Heading(..)) {
            (self.paragraph_mark, self.heading_mark) = (None, None);
        }
        match (self.part, block) {
            // The typed furniture is already placed; its Markdown twins are skipped.
            (_, Block::Paragraph { style: Some(s), .. })
                if crate::render::is_notice_furniture(s) => {}
            (Part::Head, Block::Title(title)) => self.title(title)?,
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "主送机关" => {
                let text = joined(spans);
                let body = self.body;
                self.flow
                    .paragraph(&[(body, text.as_str())], 0.0, 0.0, Align::Justify)?;
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "附件说明" => self.attachment_note(&joined(spans))?,
            (_, Block::Paragraph { style: Some(s), .. }) if s == "成文日期" => {
                let signed = Signed::notice(self.view);
                self.carried |= signature(&mut self.flow, signed, self.body, self.closing_mark)?;
            }
            (_, Block::Paragraph { style: Some(s), .. }) if s == "落款日期" => {
                let signed = Signed::plan(self.view);
                self.carried |= signature(&mut self.flow, signed, self.body, self.closing_mark)?;
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "附件标识" => {
                // The attachment on a new page: 附件 (附件2) in 黑体 on line 1, its title on
                // line 3 (7.3.7), on the standard grid whatever the notice's pages needed.
                self.geo = Geometry::portrait();
                self.flow.geo = self.geo;
                self.flow.new_page();
                let hei = Style::new(Role::Hei, self.geo.size);
                let label = crate::render::blocks::attachment_label(spans);
                self.flow
                    .paragraph(&[(hei, label.as_str())], 0.0, 0.0, Align::Left)?;
                self.part = Part::AttachmentHead;
            }
            (Part::AttachmentHead, Block::Title(title)) => self.attachment_title(title)?,
            (_, Block::Title(title)) => self.table_title(title)?,
            (_, Block::Heading(level, text)) => self.heading(*level, text)?,
            // A note under a table (注：…), at the table's size, 2 字 in.
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == crate::render::TABLE_NOTE => {
                let note = Style::new(Role::Body, 12.0);
                let text = joined(spans);
                (self.flow).paragraph(&[(note, text.as_str())], 24.0, 0.0, Align::Justify)?;
            }
            (_, Block::Paragraph { spans, .. }) => self.paragraph(spans)?,
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
                let spec = flow::table_spec(header, aligns, rows, columns.as_deref(), bands, 12.0);
                self.table(&spec)?;
            }
            (_, Block::ListItem { .. } | Block::Quote { .. } | Block::Rule) => {
                let (body, kai, grid) = (self.body, self.kai, self.geo.grid_advance());
                flow::indented(&mut self.flow, block, body, kai, grid)?;
                if self.part == Part::Body {
                    self.closing_mark = self.flow.lines_set().saturating_sub(1);
                }
            }
            // A notice template has no charts; a page break starts a page.
            (_, Block::PageBreak) => {
                if self.flow.line > 0 {
                    self.flow.new_page();
                }
            }
            (_, Block::Chart(_)) => {}
        }
        Ok(())
    }

    /// The notice's title: two blank lines below the rule (7.3.1); 主送 one blank line below
    /// it (7.3.2).
    fn title(&mut self, title: &str) -> Result<()> {
        let top = self.rule_y + RED_RULE / 2.0 + gap(&self.geo, 2.0);
        self.title_from(top, title)?;
        self.part = Part::Body;
        Ok(())
    }

    /// A 2号 小标宋 title from `top`; the text goes on one blank line below it.
    fn title_from(&mut self, top: f32, title: &str) -> Result<()> {
        let bottom = title_block(
            self.flow.fonts,
            &mut self.flow.pages,
            &self.geo,
            top,
            title,
            22.0,
        )?;
        self.flow.line = self.flow.line_at_or_below(bottom + gap(&self.geo, 1.0));
        Ok(())
    }

    /// 附件说明: one blank line below the body, indented 2 字; wrapped names align with the
    /// first character after 附件： (7.3.4).
    /// The list is never split, nor set on a page the 署名 and date do not share with body
    /// text (7.3.5.5): when the note and the signature do not fit below the body, the body's
    /// last lines go over with them.
    fn attachment_note(&mut self, text: &str) -> Result<()> {
        let (body, indent2) = (self.body, self.indent2);
        let label_w = text::width(&text::shape(self.flow.fonts, body, "附件：")?);
        let mut lines = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            let indent = if i == 0 { indent2 } else { indent2 + label_w };
            let number_w =
                numbered_prefix_width(self.flow.fonts, body, line.trim_start_matches("附件："))?;
            lines.push((line, indent, indent2 + label_w + number_w));
        }
        let mut needed = 1 + signature_lines(Signed::notice(self.view));
        for (line, indent, hang) in &lines {
            needed += self.flow.lines_of(&[(body, line)], *indent, *hang)?;
        }
        if self.flow.lines_left() < needed && needed < self.geo.lines {
            self.flow.carry_to_new_page(self.closing_mark);
            self.carried = true;
        }
        self.flow.skip(1);
        for (line, indent, hang) in lines {
            self.flow
                .paragraph(&[(body, line)], indent, hang, Align::Justify)?;
        }
        Ok(())
    }

    /// The attachment's title on its third line, and its bookmark.
    fn attachment_title(&mut self, title: &str) -> Result<()> {
        let page = self.flow.page_index();
        self.title_from(self.geo.line_top(2), title)?;
        self.attachment = Some(Bookmark {
            title: format!("附件：{title}"),
            page,
            y: self.geo.top,
            children: Vec::new(),
        });
        self.part = Part::Attachment;
        Ok(())
    }

    /// The attachment's table, from the current line; the plan's text under it goes on one
    /// blank line below its last row.
    fn table(&mut self, spec: &table::TableSpec) -> Result<()> {
        let y = self.geo.line_top(self.flow.line);
        let (after, marks) =
            table::place(self.flow.fonts, &mut self.flow.pages, &self.geo, y, spec)?;
        self.flow.line = self.flow.line_at_or_below(after + gap(&self.geo, 1.0));
        if self.flow.line >= self.geo.lines {
            self.flow.new_page();
        }
        if let Some(mark) = self.attachment.as_mut().and_then(|a| a.children.last_mut()) {
            mark.children.extend(leaf_bookmarks(marks));
        }
        Ok(())
    }

    /// A title inside the attachment: the 任务分工表, on a page of its own.
    fn table_title(&mut self, title: &str) -> Result<()> {
        self.flow.new_page();
        let page = self.flow.page_index();
        let bottom = title_block(
            self.flow.fonts,
            &mut self.flow.pages,
            &self.geo,
            self.geo.top,
            title,
            18.0,
        )?;
        self.flow.line = self.flow.line_at_or_below(bottom);
        self.bookmark(title.to_string(), page, self.geo.top);
        Ok(())
    }

    /// The 任务分工表's title one blank line below a short preamble, when the title and the
    /// table's first rows have room there; else on a page of its own.
    fn table_title_below(&mut self, title: &str) -> Result<()> {
        if self.flow.lines_left() < TABLE_START_LINES {
            return self.table_title(title);
        }
        let page = self.flow.page_index();
        let y = self.geo.line_top(self.flow.line + 1);
        let bottom = title_block(
            self.flow.fonts,
            &mut self.flow.pages,
            &self.geo,
            y,
            title,
            18.0,
        )?;
        self.flow.line = self.flow.line_at_or_below(bottom);
        self.bookmark(title.to_string(), page, y);
        Ok(())
    }

    fn heading(&mut self, level: u8, text: &str) -> Result<()> {
        self.paragraph_mark = None;
        self.heading_mark = Some(self.flow.lines_set());
        let style = if level == 1 { self.hei } else { self.kai };
        self.flow
            .heading(&[(style, text)], self.indent2, Align::Justify)?;
        let y = self.geo.line_top(self.flow.line.saturating_sub(1));
        self.bookmark(text.to_string(), self.flow.page_index(), y);
        Ok(())
    }

    /// A paragraph; a bold lead-in is a group heading (楷体, the （一） level) and does not
    /// stand alone at the foot of a page.
    fn paragraph(&mut self, spans: &[(bool, String)]) -> Result<()> {
        if spans.first().is_some_and(|(bold, _)| *bold) && self.flow.lines_left() < 2 {
            self.flow.new_page();
        }
        let runs: Vec<(Style, &str)> = spans
            .iter()
            .map(|(bold, t)| (if *bold { self.kai } else { self.body }, t.as_str()))
            .collect();
        // A task's 责任单位 / 完成时限 line goes with the task above it: when it would start
        // a page, the task's lines go over with it.
        let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
        let duty = crate::render::is_duty_line(&text);
        if let Some(mark) = self.paragraph_mark
            && duty
            && self.flow.lines_of(&runs, self.indent2, 0.0)? > self.flow.lines_left()
            && mark < self.flow.lines_set()
        {
            self.flow.carry_to_new_page(mark);
        }
        // A duty line goes on the task before it; the task starts at its heading, if any.
        let start = self.heading_mark.take().unwrap_or(self.flow.lines_set());
        if !duty || self.paragraph_mark.is_none() {
            self.paragraph_mark = Some(start);
        }
        let before = self.flow.lines_set();
        self.flow
            .paragraph(&runs, self.indent2, 0.0, Align::Justify)?;
        if self.part == Part::Body {
            let after = self.flow.lines_set();
            self.body_paragraphs += 1;
            // The body's one paragraph leaves its first lines under the 主送: the page the
            // 版头 and title fill is never left without body text.
            self.closing_mark = match after - before {
                2..=3 if self.body_paragraphs == 1 => after - 1,
                0..=3 => before,
                _ => after - 2,
            };
        }
        Ok(())
    }

    /// A bookmark under the attachment's.
    fn bookmark(&mut self, title: String, page: usize, y: f32) {
        if let Some(a) = self.attachment.as_mut() {
            a.children.push(Bookmark {
                title,
                page,
                y,
                children: Vec::new(),
            });
        }
    }
}

fn joined(spans: &[(bool, String)]) -> String {
    spans.iter().map(|(_, t)| t.as_str()).collect()
}

/// Width of a `1. ` before an attachment name, so its wrapped lines align after it.
fn numbered_prefix_width(fonts: &FontSet, style: Style, line: &str) -> Result<f32> {
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || !line[digits.len()..].starts_with(". ") {
        return Ok(0.0);
    }
    Ok(text::width(&text::shape(
        fonts,
        style,
        &format!("{digits}. "),
    )?))
}

/// 署名 and 成文日期 without a seal (7.3.5.2): the 署名 one blank line below, right-indented
/// 2 字; the date on the next line starting 2 字 right of the 署名's start. When the date is the
/// longer, the date is right-indented 2 字 and the 署名 moves left. An unknown date leaves its
/// line blank, to be filled by hand.
/// 版记 text: 4号 仿宋 (7.4.2).
const IMPRINT_SIZE: f32 = 14.0;

/// The 版记 (7.4) at the foot of the last page, after the attachments: a thick rule, the
/// 抄送 (wrapped lines aligned after the colon), a thin rule, 印发机关 and 印发日期, and a thick
/// rule on the 版心's bottom edge. It goes on an even page: on the last page when that is
/// even and has room, else on a page of its own (with a blank page before it when needed),
/// and such pages are not numbered (7.5). Returns how many trailing pages are unnumbered.
fn imprint(flow: &mut Flow<'_>, view: &NoticeView) -> Result<usize> {
    if view.copy_to.is_none() && view.printed.is_none() {
        return Ok(0);
    }
    let (geo, fonts) = (flow.geo, flow.fonts);
    let style = Style::new(Role::Body, IMPRINT_SIZE);
    let one = IMPRINT_SIZE; // 1 字 at 4号
    let line_h = geo.pitch();
    // Lines: (x, glyphs) rows, the 抄送's first, then the 印发 row.
    let mut copy_rows: Vec<Vec<(f32, Vec<text::Glyph>)>> = Vec::new();
    if let Some(copy_to) = &view.copy_to {
        let label = text::shape(fonts, style, "抄送：")?;
        let label_w = text::width(&label);
        let names = text::shape(fonts, style, &format!("{copy_to}。"))?;
        let width = geo.width - 2.0 * one - label_w;
        for (n, line) in text::break_lines(&names, width, width).iter().enumerate() {
            let mut row = Vec::new();
            if n == 0 {
                row.push((geo.left + one, label.clone()));
            }
            row.push((
                geo.left + one + label_w,
                names[line.start..line.end].to_vec(),
            ));
            copy_rows.push(row);
        }
    }
    let printed_row = match &view.printed {
        Some((by, on)) => {
            let date = text::shape(fonts, style, &format!("{on}印发"))?;
            let date_x = geo.left + geo.width - one - text::width(&date);
            Some(vec![
                (geo.left + one, text::shape(fonts, style, by)?),
                (date_x, date),
            ])
        }
        None => None,
    };
    let rows = copy_rows.len() + usize::from(printed_row.is_some());
    let top = geo.bottom() - rows as f32 * line_h;
    let used = flow
        .pages
        .last()
        .map_or(geo.top, |p| used_bottom(p, geo.top));
    let page_no = flow.pages.len(); // 1-based number of the last page
    let mut unnumbered = 0;
    if page_no % 2 == 1 || used > top - line_h / 2.0 {
        flow.new_page();
        unnumbered = 1;
        if flow.pages.len() % 2 == 1 {
            flow.new_page(); // the blank page before it, so it lands on an even page
            unnumbered = 2;
        }
    }
    let rule = |y: f32, mm: f32| Item::Rule {
        x1: geo.left,
        y1: y,
        x2: geo.left + geo.width,
        y2: y,
        width: mm * MM,
        color: [0, 0, 0],
    };
    flow.push(rule(top, 0.35));
    let mut y = top;
    for (i, row) in copy_rows.into_iter().chain(printed_row).enumerate() {
        if i > 0 && i == rows - 1 && view.printed.is_some() && view.copy_to.is_some() {
            flow.push(rule(y, 0.25));
        }
        let baseline = layout::baseline(y + (line_h - IMPRINT_SIZE) / 2.0, IMPRINT_SIZE);
        for (x, glyphs) in row {
            flow.push(Item::Text {
                x,
                y: baseline,
                glyphs,
            });
        }
        y += line_h;
    }
    flow.push(rule(geo.bottom(), 0.35));
    Ok(unnumbered)
}

/// The lowest point anything on `page` reaches (`top` for an empty page).
fn used_bottom(page: &super::page::Page, top: f32) -> f32 {
    page.items
        .iter()
        .map(|item| match item {
            Item::Text { y, glyphs, .. } => {
                y + glyphs.iter().map(|g| g.size).fold(0.0, f32::max) * 0.12
            }
            Item::Rule { y1, y2, .. } => y1.max(*y2),
            Item::Fill { y, h, .. } => y + h,
        })
        .fold(top, f32::max)
}

/// Printed where the 成文日期 goes when none is known, as the Markdown prints it.
const DATE_PLACEHOLDER: &str = "　　年　　月　　日";

/// The lines the signature takes: a blank line, the 署名 (one a signer), the date and a 附注.
fn signature_lines(signed: Signed<'_>) -> usize {
    2 + signed.signers.len() + signed.annotations.len()
}

/// Sets the 署名 and the date; true when they carried body lines to a new page.
fn signature(
    flow: &mut Flow<'_>,
    signed: Signed<'_>,
    body: Style,
    carry_from: usize,
) -> Result<bool> {
    let geo = flow.geo;
    let two = 2.0 * geo.grid_advance();
    let signers = (signed.signers.iter())
        .map(|s| text::shape(flow.fonts, body, s))
        .collect::<Result<Vec<_>>>()?;
    // No 成文日期 known: a placeholder to write it in by hand (the check says so).
    let date = text::shape(flow.fonts, body, signed.date.unwrap_or(DATE_PLACEHOLDER))?;
    // Agencies issuing jointly stand one under another, each centred on the widest.
    let signer_w = signers.iter().map(|g| text::width(g)).fold(0.0, f32::max);
    let date_w = text::width(&date);
    let edge = geo.left + geo.width;
    let (signer_gap, date_gap) = crate::render::signature_gaps(signer_w, date_w, two);
    let (signer_x, date_x) = (edge - signer_gap - signer_w, edge - date_gap - date_w);
    // One blank line, the 署名 and the date line (and a 附注) must share a page with body
    // text (GB/T 9704 7.3.5.5 and practice: never a page holding only the signature).
    let carried = flow.lines_left() < signature_lines(signed);
    if carried {
        flow.carry_to_new_page(carry_from);
    }
    flow.skip(1);
    for glyphs in signers {
        let top = geo.line_top(flow.line);
        flow.set_line(Item::Text {
            x: signer_x + (signer_w - text::width(&glyphs)) / 2.0,
            y: layout::baseline(top, geo.size),
            glyphs,
        });
    }
    let top = geo.line_top(flow.line);
    flow.set_line(Item::Text {
        x: date_x,
        y: layout::baseline(top, geo.size),
        glyphs: date,
    });
    // 附注: on the next line, 2 字 in from the left, in its parentheses (7.3.6).
    for annotation in signed.annotations {
        let glyphs = text::shape(flow.fonts, body, annotation)?;
        let top = geo.line_top(flow.line);
        flow.set_line(Item::Text {
            x: geo.left + two,
            y: layout::baseline(top, geo.size),
            glyphs,
        });
    }
    Ok(carried)
}
