//! Display list → PDF bytes with krilla: PDF/A-2b, metadata, bookmarks. The only file that
//! talks to krilla's drawing API.

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use super::fonts::FontSet;
use super::page::{Bookmark, Item, Page};
use crate::base::diag::{Error, Result};

pub use crate::render::DocInfo;

/// Writes `pages` as a PDF/A-2b document.
pub fn write(
    pages: &[Page],
    bookmarks: &[Bookmark],
    info: &DocInfo,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| Error::Render(format!("PDF/A-2b 配置无效：{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        ..Default::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(metadata(info));
    for page in pages {
        let settings = PageSettings::from_wh(page.width, page.height)
            .ok_or_else(|| Error::Render("页面尺寸无效".into()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw_item(&mut surface, item, fonts);
        }
        surface.finish();
        pdf_page.finish();
    }
    let mut outline = Outline::new();
    for bookmark in bookmarks {
        outline.push_child(outline_node(bookmark));
    }
    document.set_outline(outline);
    document
        .finish()
        .map_err(|e| Error::Render(format!("生成 PDF 失败：{e:?}")))
}

/// The document's title, author, language and creation date.
fn metadata(info: &DocInfo) -> Metadata {
    let when = info.date;
    // Within 1..=9999 by construction (render::document_date); the casts cannot wrap.
    let (y, mo, d) = (
        when.year().max(1) as u16,
        when.month() as u8,
        when.day() as u8,
    );
    let (h, mi, s) = (when.hour() as u8, when.minute() as u8, when.second() as u8);
    let metadata = Metadata::new()
        .title(info.title.clone())
        .authors(vec![info.author.clone()])
        .language("zh-CN".into())
        .creator("fengong".into())
        .document_id(info.id.clone())
        .creation_date(
            DateTime::new(y)
                .month(mo)
                .day(d)
                .hour(h)
                .minute(mi)
                .second(s),
        );
    match &info.subject {
        Some(subject) => metadata.description(subject.clone()),
        None => metadata,
    }
}

fn draw_item(surface: &mut krilla::surface::Surface, item: &Item, fonts: &FontSet) {
    match item {
        Item::Text { x, y, glyphs } => draw_text(surface, *x, *y, glyphs, fonts),
        Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(color[0], color[1], color[2]).into(),
                    width: *width,
                    ..Default::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Item::Fill { x, y, w, h, color } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(color[0], color[1], color[2]).into(),
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
}

fn outline_node(bookmark: &Bookmark) -> OutlineNode {
    let mut node = OutlineNode::new(
        bookmark.title.clone(),
        XyzDestination::new(bookmark.page, Point::from_xy(0.0, bookmark.y.max(0.0))),
    );
    for child in &bookmark.children {
        node.push_child(outline_node(child));
    }
    node
}

/// Draws glyphs run by run: consecutive glyphs of one face, size and colour share a call.
fn draw_text(
    surface: &mut krilla::surface::Surface,
    x: f32,
    y: f32,
    glyphs: &[super::text::Glyph],
    fonts: &FontSet,
) {
    let mut start = 0;
    let mut pen = x;
    while start < glyphs.len() {
        let first = &glyphs[start];
        let mut end = start + 1;
        while end < glyphs.len()
            && glyphs[end].face == first.face
            && glyphs[end].size == first.size
            && glyphs[end].color == first.color
        {
            end += 1;
        }
        let run = &glyphs[start..end];
        let mut text = String::new();
        let mut krilla_glyphs = Vec::with_capacity(run.len());
        for g in run {
            let from = text.len();
            text.push(g.ch);
            krilla_glyphs.push(KrillaGlyph::new(
                GlyphId::new(g.gid),
                g.advance / g.size,
                0.0,
                0.0,
                0.0,
                from..text.len(),
                None,
            ));
        }
        surface.set_stroke(None);
        surface.set_fill(Some(Fill {
            paint: rgb::Color::new(first.color[0], first.color[1], first.color[2]).into(),
            ..Default::default()
        }));
        surface.draw_glyphs(
            Point::from_xy(pen, y),
            &krilla_glyphs,
            fonts.face(first.face).font.clone(),
            &text,
            first.size,
            false,
        );
        pen += run.iter().map(|g| g.advance).sum::<f32>();
        start = end;
    }
}
