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
use super::text::{self, Style};
use super::{DocInfo, RED, RED_RULE, leaf_bookmarks, number_pages, table, title_block};
use crate::base::diag::Result;
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
    let geo = Geometry::portrait();
    let mut flow = Flow::new(fonts, geo);
    let body = geo.body();
    let grid = geo.grid_advance();
    let indent2 = 2.0 * grid;
    let hei = Style::new(Role::Hei, geo.size).on_grid(grid);
    let kai = Style::new(Role::Kai, geo.size).on_grid(grid);
    let gap = |blank_lines: f32| blank_lines * geo.pitch() + (geo.pitch() - geo.size);
    let mut bookmarks = vec![Bookmark {
        title: view.title.clone(),
        page: 0,
        y: geo.top,
        children: Vec::new(),
    }];

    // 版头: the mark's top edge 35 mm below the 版心 top (7.2.4), sized to fit the 版心.
    let mark_top = geo.top + 35.0 * MM;
    let mark_style = Style::new(Role::Title, 1.0).colored(RED);
    let unit_width = text::width(&text::shape(fonts, mark_style, &view.mark)?);
    let mark_size = if unit_width > 0.0 {
        (geo.width / unit_width).min(42.0)
    } else {
        42.0
    };
    let mark = text::shape(
        fonts,
        Style {
            size: mark_size,
            ..mark_style
        },
        &view.mark,
    )?;
    flow.push(Item::Text {
        x: geo.left + (geo.width - text::width(&mark)).max(0.0) / 2.0,
        y: layout::baseline(mark_top, mark_size),
        glyphs: mark,
    });
    // 发文字号: two blank lines below the mark, centred (7.2.5).
    let mut y = mark_top + mark_size + gap(2.0);
    if let Some(number) = &view.doc_number {
        let glyphs = text::shape(fonts, Style::new(Role::Body, geo.size), number)?;
        flow.push(Item::Text {
            x: geo.left + (geo.width - text::width(&glyphs)).max(0.0) / 2.0,
            y: layout::baseline(y, geo.size),
            glyphs,
        });
        y += geo.size;
    }
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

    let mut part = Part::Head;
    let mut last_body_line = 0;
    let mut attachment: Option<Bookmark> = None;
    for block in blocks {
        match (part, block) {
            // The typed furniture is already placed; its Markdown twins are skipped.
            (_, Block::Paragraph { style: Some(s), .. })
                if s == "发文机关标志" || s == "发文字号" || s == "成文日期" => {}
            (Part::Head, Block::Title(title)) => {
                // Two blank lines below the rule (7.3.1); 主送 one blank line below (7.3.2).
                let bottom = title_block(
                    fonts,
                    &mut flow.pages,
                    &geo,
                    rule_y + RED_RULE / 2.0 + gap(2.0),
                    title,
                    22.0,
                )?;
                flow.line = flow.line_at_or_below(bottom + gap(1.0));
                part = Part::Body;
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "主送机关" => {
                flow.paragraph(&[(body, &joined(spans))], 0.0, 0.0, Align::Justify)?;
            }
            (
                _,
                Block::Paragraph {
                    spans,
                    style: Some(s),
                },
            ) if s == "附件说明" => {
                // One blank line below the body, indented 2 字; wrapped names align with the
                // first character after 附件： (7.3.4).
                flow.skip(1);
                let text = joined(spans);
                let label_w = text::width(&text::shape(fonts, body, "附件：")?);
                for (i, line) in text.split('\n').enumerate() {
                    let indent = if i == 0 { indent2 } else { indent2 + label_w };
                    let number_w =
                        numbered_prefix_width(fonts, body, line.trim_start_matches("附件："))?;
                    flow.paragraph(
                        &[(body, line)],
                        indent,
                        indent2 + label_w + number_w,
                        Align::Justify,
                    )?;
                }
            }
            (_, Block::Paragraph { style: Some(s), .. }) if s == "署名" => {
                signature(&mut flow, view, body, last_body_line)?;
            }
            (_, Block::Paragraph { style: Some(s), .. }) if s == "附件标识" => {
                // The attachment on a new page: 附件 in 黑体 on line 1, its title on line 3 (7.3.7).
                flow.new_page();
                flow.paragraph(
                    &[(Style::new(Role::Hei, geo.size), "附件")],
                    0.0,
                    0.0,
                    Align::Left,
                )?;
                part = Part::AttachmentHead;
            }
            (Part::AttachmentHead, Block::Title(title)) => {
                let page = flow.page_index();
                let bottom =
                    title_block(fonts, &mut flow.pages, &geo, geo.line_top(2), title, 22.0)?;
                flow.line = flow.line_at_or_below(bottom + gap(1.0));
                attachment = Some(Bookmark {
                    title: format!("附件：{title}"),
                    page,
                    y: geo.top,
                    children: Vec::new(),
                });
                part = Part::Attachment;
            }
            (_, Block::Title(title)) => {
                // A title inside the attachment: the 任务分工表, on a page of its own.
                flow.new_page();
                let page = flow.page_index();
                let bottom = title_block(fonts, &mut flow.pages, &geo, geo.top, title, 18.0)?;
                flow.line = flow.line_at_or_below(bottom);
                if let Some(a) = attachment.as_mut() {
                    a.children.push(Bookmark {
                        title: title.clone(),
                        page,
                        y: geo.top,
                        children: Vec::new(),
                    });
                }
            }
            (_, Block::Heading(level, text)) => {
                let style = if *level == 1 { hei } else { kai };
                flow.heading(&[(style, text)], indent2, Align::Justify)?;
                if let Some(a) = attachment.as_mut() {
                    a.children.push(Bookmark {
                        title: text.clone(),
                        page: flow.page_index(),
                        y: geo.line_top(flow.line.saturating_sub(1)),
                        children: Vec::new(),
                    });
                }
            }
            (_, Block::Paragraph { spans, .. }) => {
                // A bold lead-in is a group heading: 楷体, the （一） level.
                if spans.first().is_some_and(|(bold, _)| *bold) && flow.lines_left() < 2 {
                    flow.new_page();
                }
                let runs: Vec<(Style, &str)> = spans
                    .iter()
                    .map(|(bold, t)| (if *bold { kai } else { body }, t.as_str()))
                    .collect();
                flow.paragraph(&runs, indent2, 0.0, Align::Justify)?;
                if part == Part::Body {
                    last_body_line = flow.lines_set().saturating_sub(1);
                }
            }
            (
                _,
                Block::Table {
                    header,
                    aligns,
                    rows,
                    columns,
                },
            ) => {
                let spec = flow::table_spec(header, aligns, rows, columns.as_deref(), 12.0);
                let y = geo.line_top(flow.line);
                let (_, marks) = table::place(fonts, &mut flow.pages, &geo, y, &spec)?;
                if let Some(table_mark) = attachment.as_mut().and_then(|a| a.children.last_mut()) {
                    table_mark.children.extend(leaf_bookmarks(marks));
                }
            }
            // A notice template has no charts; a page break starts a page.
            (_, Block::PageBreak) => {
                if flow.line > 0 {
                    flow.new_page();
                }
            }
            (_, Block::Chart(_)) => {}
        }
    }
    bookmarks.extend(attachment);
    let mut pages = flow.pages;
    number_pages(fonts, &mut pages, &geo, 1)?;
    super::writer::write(&pages, &bookmarks, info, fonts)
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
fn signature(flow: &mut Flow<'_>, view: &NoticeView, body: Style, carry_from: usize) -> Result<()> {
    let geo = flow.geo;
    let two = 2.0 * geo.grid_advance();
    let right = geo.left + geo.width - two;
    let signer = text::shape(flow.fonts, body, &view.signer)?;
    let date = match &view.date {
        Some(d) => text::shape(flow.fonts, body, d)?,
        None => Vec::new(),
    };
    let (signer_w, date_w) = (text::width(&signer), text::width(&date));
    let (mut signer_x, mut date_x) = (right - signer_w, right - signer_w + two);
    if date_x + date_w > right {
        date_x = right - date_w;
        signer_x = date_x - two;
    }
    // One blank line, the 署名 and the date line must share a page with body text (GB/T 9704
    // 7.3.5.5 and practice: never a page holding only the signature).
    if flow.lines_left() < 3 {
        flow.carry_to_new_page(carry_from);
    }
    flow.skip(1);
    let top = geo.line_top(flow.line);
    flow.set_line(Item::Text {
        x: signer_x,
        y: layout::baseline(top, geo.size),
        glyphs: signer,
    });
    if !date.is_empty() {
        let top = geo.line_top(flow.line);
        flow.set_line(Item::Text {
            x: date_x,
            y: layout::baseline(top, geo.size),
            glyphs: date,
        });
    } else {
        flow.line += 1; // the date line stays blank, to be filled by hand
    }
    Ok(())
}
