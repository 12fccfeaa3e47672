//! The formal notice to GB/T 9704: 版头 (red 发文机关标志, 发文字号, red rule), title, 主送,
//! body, 附件说明, 署名 and 成文日期, then the attachment on a new page (附件 label, title, the
//! plan's prose with its heading levels, the 任务分工表), page numbers throughout.

use super::fonts::{FontSet, Role};
use super::layout::{self, Align, Flow, Geometry, MM};
use super::page::{Bookmark, Item};
use super::text::{self, Style};
use super::{DocInfo, RED, RED_RULE, leaf_bookmarks, number_pages, table, table_spec, title_block};
use crate::diag::Result;
use crate::view::NoticeView;

/// The notice with its attachment, as PDF/A-2b bytes.
pub fn notice(view: &NoticeView, fonts: &FontSet, info: &DocInfo) -> Result<Vec<u8>> {
    let geo = Geometry::portrait();
    let mut flow = Flow::new(fonts, geo);
    let body = geo.body();
    let indent2 = 2.0 * geo.grid_advance();
    let mut bookmarks = vec![Bookmark {
        title: view.title.clone(),
        page: 0,
        y: geo.top,
        children: Vec::new(),
    }];

    // 版头: the mark's top edge 35 mm below the 版心 top (7.2.4).
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
    let gap = |blank_lines: f32| blank_lines * geo.pitch() + (geo.pitch() - geo.size);
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
    // Title: two blank lines below the rule (7.3.1).
    let title_top = rule_y + RED_RULE / 2.0 + gap(2.0);
    let title_bottom = title_block(fonts, &mut flow.pages, &geo, title_top, &view.title, 22.0)?;
    // 主送: one blank line below the title (7.3.2), then the body on the grid.
    flow.line = flow.line_at_or_below(title_bottom + gap(1.0));
    if let Some(recipients) = &view.recipients {
        flow.paragraph(&[(body, recipients)], 0.0, 0.0, Align::Justify)?;
    }
    for paragraph in &view.body {
        flow.paragraph(&[(body, paragraph)], indent2, 0.0, Align::Justify)?;
    }
    // The body's last line: if the signature cannot follow on this page, it moves along.
    let last_body_line = flow.lines_set().saturating_sub(1);
    // 附件说明: one blank line below the body, indented 2 字; a wrapped name aligns with the
    // name's first character (7.3.4).
    if !view.attachments.is_empty() {
        flow.skip(1);
        let label = "附件：";
        let label_w = text::width(&text::shape(fonts, body, label)?);
        let numbered = view.attachments.len() > 1;
        for (i, name) in view.attachments.iter().enumerate() {
            let item = if numbered {
                format!("{}. {name}", i + 1)
            } else {
                name.clone()
            };
            let first = if i == 0 { label } else { "" };
            let number_w = if numbered {
                text::width(&text::shape(fonts, body, &format!("{}. ", i + 1))?)
            } else {
                0.0
            };
            flow.paragraph(
                &[(body, first), (body, &item)],
                indent2 + if i == 0 { 0.0 } else { label_w },
                indent2 + label_w + number_w,
                Align::Justify,
            )?;
        }
    }
    signature(&mut flow, view, body, last_body_line)?;

    // The attachment on a new page: 附件 in 黑体 on line 1, its title centred on line 3 (7.3.7).
    flow.new_page();
    let attachment_page = flow.page_index();
    flow.paragraph(
        &[(Style::new(Role::Hei, geo.size), "附件")],
        0.0,
        0.0,
        Align::Left,
    )?;
    let plan_title_bottom = title_block(
        fonts,
        &mut flow.pages,
        &geo,
        geo.line_top(2),
        &view.plan.title,
        22.0,
    )?;
    flow.line = flow.line_at_or_below(plan_title_bottom + gap(1.0));
    let mut attachment = Bookmark {
        title: format!("附件：{}", view.plan.title),
        page: attachment_page,
        y: geo.top,
        children: Vec::new(),
    };
    for paragraph in &view.plan.preamble {
        flow.paragraph(&[(body, paragraph)], indent2, 0.0, Align::Justify)?;
    }
    let hei = Style::new(Role::Hei, geo.size).on_grid(geo.grid_advance());
    let kai = Style::new(Role::Kai, geo.size).on_grid(geo.grid_advance());
    for section in &view.plan.sections {
        if !section.heading.is_empty() {
            flow.heading(&[(hei, &section.heading)], indent2, Align::Justify)?;
            attachment.children.push(Bookmark {
                title: section.heading.clone(),
                page: flow.page_index(),
                y: geo.line_top(flow.line.saturating_sub(1)),
                children: Vec::new(),
            });
        }
        for (title, text) in &section.groups {
            // A bold-headed paragraph: the heading in 楷体 (the （一） level), then 仿宋.
            if flow.lines_left() < 2 {
                flow.new_page();
            }
            let heading = format!("{title}。");
            for (i, part) in text.split('\n').enumerate() {
                if i == 0 {
                    flow.paragraph(
                        &[(kai, &heading), (body, part)],
                        indent2,
                        0.0,
                        Align::Justify,
                    )?;
                } else {
                    flow.paragraph(&[(body, part)], indent2, 0.0, Align::Justify)?;
                }
            }
        }
    }
    for paragraph in &view.plan.closing {
        flow.paragraph(&[(body, paragraph)], indent2, 0.0, Align::Justify)?;
    }

    // The 任务分工表, starting on a new page.
    flow.new_page();
    let table_page = flow.page_index();
    let table_title_bottom = title_block(
        fonts,
        &mut flow.pages,
        &geo,
        geo.top,
        &view.table.title,
        18.0,
    )?;
    let spec = table_spec(&view.table, &geo, 12.0);
    let (_, marks) = table::place(
        fonts,
        &mut flow.pages,
        &geo,
        table_title_bottom + 0.8 * 18.0,
        &spec,
    )?;
    attachment.children.push(Bookmark {
        title: view.table.title.clone(),
        page: table_page,
        y: geo.top,
        children: leaf_bookmarks(marks),
    });
    bookmarks.push(attachment);

    let mut pages = flow.pages;
    number_pages(fonts, &mut pages, &geo, 1)?;
    super::writer::write(&pages, &bookmarks, info, fonts)
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
