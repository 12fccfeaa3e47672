//! PDF: a small Chinese typesetting core (fonts with per-glyph fallback, 禁则 line breaking,
//! the GB/T 9704 grid, tables over pages) and the documents built on it. Only this folder
//! talks to krilla.
//!
//! Layout fills a display list ([`page::Page`]); [`writer`] turns it into PDF/A-2b.

pub mod chart;
pub mod flow;
pub mod fonts;
pub mod layout;
pub mod page;
pub mod table;
pub mod text;
pub mod truetype;
pub mod writer;

mod notice;

use fonts::{FontSet, Role};
use layout::{Geometry, MM};
use page::{Bookmark, Item, Page};
use text::Style;

use crate::base::diag::Result;

pub use notice::{extra_lines as notice_extra_lines, notice};
pub use writer::DocInfo;

/// The 任务分工表 on its own, laid out from `table.md.tera`'s Markdown: A4 landscape, title,
/// header repeated on every page, section rows, group cells merged over their rows, page
/// numbers.
pub fn task_table(blocks: &[flow::Block], fonts: &FontSet, info: &DocInfo) -> Result<Vec<u8>> {
    let geo = Geometry::landscape();
    let mut pages = vec![Page::new(geo.page_w, geo.page_h)];
    let title_size = 20.0;
    let mut y = geo.top;
    let mut bookmarks: Vec<Bookmark> = Vec::new();
    for block in blocks {
        match block {
            flow::Block::Title(title) => {
                y = title_block(fonts, &mut pages, &geo, y, title, title_size)? + 0.6 * title_size;
                bookmarks.push(Bookmark {
                    title: title.clone(),
                    page: pages.len() - 1,
                    y: geo.top,
                    children: Vec::new(),
                });
            }
            flow::Block::Table {
                header,
                aligns,
                rows,
                columns,
                bands,
            } => {
                let spec = flow::table_spec(header, aligns, rows, columns.as_deref(), bands, 12.0);
                let (after, marks) = table::place(fonts, &mut pages, &geo, y, &spec)?;
                y = after + 12.0;
                match bookmarks.last_mut() {
                    Some(parent) => parent.children.extend(leaf_bookmarks(marks)),
                    None => bookmarks.extend(leaf_bookmarks(marks)),
                }
            }
            flow::Block::PageBreak => {
                pages.push(Page::new(geo.page_w, geo.page_h));
                y = geo.top;
            }
            // The source's note under its table (注：…), at the table's size.
            flow::Block::Paragraph { style, .. }
                if style
                    .as_deref()
                    .is_none_or(|s| s == crate::render::TABLE_NOTE) =>
            {
                y = note_block(fonts, &mut pages, &geo, y, &block.text(), 12.0)? + 6.0;
            }
            // The landscape table is a title, tables and their notes; anything else a
            // template adds would be lost here, so it is refused.
            other => {
                return Err(crate::base::diag::Error::Render(format!(
                    "任务分工表的 PDF 只排标题和表格，无法排入「{}」",
                    crate::base::cjk::excerpt(&other.text())
                )));
            }
        }
    }
    number_pages(fonts, &mut pages, &geo, 1)?;
    writer::write(&pages, &bookmarks, info, fonts)
}

/// Bookmarks without children, one per (title, page, y).
pub(crate) fn leaf_bookmarks(marks: table::SectionMarks) -> Vec<Bookmark> {
    marks
        .into_iter()
        .map(|(title, page, y)| Bookmark {
            title,
            page,
            y,
            children: Vec::new(),
        })
        .collect()
}

/// A centred title in 小标宋, balanced over lines; returns the y below it.
pub(crate) fn title_block(
    fonts: &FontSet,
    pages: &mut [Page],
    geo: &Geometry,
    top: f32,
    title: &str,
    size: f32,
) -> Result<f32> {
    let glyphs = text::shape(fonts, Style::new(Role::Title, size), title)?;
    let pitch = size + (geo.pitch() - geo.size);
    let mut y = top;
    let Some(page) = pages.last_mut() else {
        return Ok(y);
    };
    for range in layout::balanced_title(&glyphs, geo.width) {
        let run = glyphs[range].to_vec();
        let w = text::width(&run);
        page.items.push(Item::Text {
            x: geo.left + (geo.width - w).max(0.0) / 2.0,
            y: layout::baseline(y, size),
            glyphs: run,
        });
        y += pitch;
    }
    Ok(y - pitch + size)
}

/// A note under a table from `top`, `size` pt, 2 字 in on its first line, justified across
/// the 版心 and going on to a new page where it reaches the foot. Returns where it ends.
fn note_block(
    fonts: &FontSet,
    pages: &mut Vec<Page>,
    geo: &Geometry,
    top: f32,
    note: &str,
    size: f32,
) -> Result<f32> {
    let mut glyphs = text::shape(fonts, Style::new(Role::Body, size), note)?;
    let pitch = 1.5 * size;
    let indent = 2.0 * size;
    let mut y = top;
    for (i, line) in text::break_lines(&glyphs, geo.width - indent, geo.width)
        .iter()
        .enumerate()
    {
        if y + size > geo.top + geo.height {
            pages.push(Page::new(geo.page_w, geo.page_h));
            y = geo.top;
        }
        let x = geo.left + if i == 0 { indent } else { 0.0 };
        let run = &mut glyphs[line.start..line.end];
        if !line.last {
            let room = if i == 0 {
                geo.width - indent
            } else {
                geo.width
            };
            text::justify(run, room - line.width);
        }
        let Some(page) = pages.last_mut() else {
            return Ok(y);
        };
        page.items.push(Item::Text {
            x,
            y: layout::baseline(y, size),
            glyphs: run.to_vec(),
        });
        y += pitch;
    }
    Ok(y)
}

/// "— N —" on every page, numbering from `first`.
pub(crate) fn number_pages(
    fonts: &FontSet,
    pages: &mut [Page],
    geo: &Geometry,
    first: usize,
) -> Result<()> {
    for (i, page) in pages.iter_mut().enumerate() {
        layout::page_number(fonts, page, geo, first + i)?;
    }
    Ok(())
}

/// The notice's red (GB/T 9704 D5: sRGB #FF0000).
pub(crate) const RED: [u8; 3] = [255, 0, 0];

/// The rule weight under the 版头 (D4: 0.5 mm).
pub(crate) const RED_RULE: f32 = 0.5 * MM;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_numbers_match_the_standard() {
        let geo = Geometry::portrait();
        assert!((geo.pitch() - 29.609).abs() < 0.01, "{}", geo.pitch());
        assert!((geo.grid_advance() - 15.793).abs() < 0.01);
        assert!((geo.left / MM - 28.0).abs() < 1e-4);
        assert!((geo.line_top(21) + geo.size - geo.bottom()).abs() < 0.01);
    }
}
