//! GB/T 9704 geometry and the flow that fills pages: body text on the 22 × 28 grid, headings,
//! page numbers. Numbers come from `shared/design/gbt9704.md` (clause numbers in comments).

use super::fonts::{FontSet, Role};
use super::page::{Item, Page};
use super::text::{self, Glyph, Style};
use crate::base::diag::Result;

/// pt per mm.
pub const MM: f32 = 72.0 / 25.4;

/// Page and 版心 geometry, in pt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub page_w: f32,
    /// Page height.
    pub page_h: f32,
    /// 版心 left (订口, 5.2.1: 28 mm).
    pub left: f32,
    /// 版心 top (天头, 5.2.1: 37 mm).
    pub top: f32,
    /// 版心 width (156 mm).
    pub width: f32,
    /// 版心 height (225 mm).
    pub height: f32,
    /// Lines per page (5.2.3: 22).
    pub lines: usize,
    /// Characters per line (5.2.3: 28).
    pub chars: usize,
    /// Body size (3号 = 16 pt).
    pub size: f32,
}

impl Geometry {
    /// A4 portrait with the GB/T 9704 版心: 156 × 225 mm at 28 mm left, 37 mm top.
    pub fn portrait() -> Geometry {
        Geometry {
            page_w: 210.0 * MM,
            page_h: 297.0 * MM,
            left: 28.0 * MM,
            top: 37.0 * MM,
            width: 156.0 * MM,
            height: 225.0 * MM,
            lines: 22,
            chars: 28,
            size: 16.0,
        }
    }

    /// A4 landscape with the 版心 turned: 225 × 156 mm, centred; 15 lines of 39 characters,
    /// the body's 3号 on about the portrait grid's pitch.
    pub fn landscape() -> Geometry {
        Geometry {
            page_w: 297.0 * MM,
            page_h: 210.0 * MM,
            left: 36.0 * MM,
            top: 27.0 * MM,
            width: 225.0 * MM,
            height: 156.0 * MM,
            lines: 15,
            chars: 39,
            size: 16.0,
        }
    }

    /// Distance between grid lines (D1): 22 lines exactly fill the 版心 by em box.
    pub fn pitch(&self) -> f32 {
        (self.height - self.size) / (self.lines as f32 - 1.0)
    }

    /// Advance of a full-width character (D2): 28 to a line in portrait.
    pub fn grid_advance(&self) -> f32 {
        self.width / self.chars as f32
    }

    /// Top of the em box of grid line `i` (0-based).
    pub fn line_top(&self, i: usize) -> f32 {
        self.top + i as f32 * self.pitch()
    }

    /// Bottom of the 版心.
    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// The body style: 仿宋 3号 on the character grid.
    pub fn body(&self) -> Style {
        Style::new(Role::Body, self.size).on_grid(self.grid_advance())
    }
}

/// Baseline of text whose em box starts at `top`: the ideographic em box spans −0.12 … 0.88 em
/// around the baseline (gbt9704.md §1).
pub fn baseline(top: f32, size: f32) -> f32 {
    top + 0.88 * size
}

pub use crate::render::Align;

/// Fills pages line by line on the grid, starting new pages as needed.
pub struct Flow<'a> {
    /// The fonts.
    pub fonts: &'a FontSet,
    /// The page geometry.
    pub geo: Geometry,
    /// Finished and current pages.
    pub pages: Vec<Page>,
    /// Next free grid line on the current page.
    pub line: usize,
    /// Every grid line set so far: (page, line, the items it drew), so lines can be moved.
    placed: Vec<(usize, usize, std::ops::Range<usize>)>,
}

impl<'a> Flow<'a> {
    /// A flow with one empty page.
    pub fn new(fonts: &'a FontSet, geo: Geometry) -> Flow<'a> {
        Flow {
            fonts,
            geo,
            pages: vec![Page::new(geo.page_w, geo.page_h)],
            line: 0,
            placed: Vec::new(),
        }
    }

    /// How many grid lines have been set; a mark for [`Flow::carry_to_new_page`].
    pub fn lines_set(&self) -> usize {
        self.placed.len()
    }

    /// Moves the lines set since `mark` (all on the current page) to the top of a new page,
    /// keeping the blank lines between them: so a signature never stands on a page alone.
    pub fn carry_to_new_page(&mut self, mark: usize) {
        let page = self.page_index();
        let moving: Vec<(usize, usize, std::ops::Range<usize>)> = self.placed[mark..]
            .iter()
            .filter(|(p, _, _)| *p == page)
            .cloned()
            .collect();
        let Some(first_line) = moving.first().map(|(_, l, _)| *l) else {
            self.new_page();
            return;
        };
        let shift = self.geo.line_top(first_line) - self.geo.line_top(0);
        let mut taken: Vec<(usize, Vec<Item>)> = Vec::new();
        if let Some(current) = self.pages.last_mut() {
            // Remove from the back so earlier ranges stay valid.
            for (_, line, range) in moving.iter().rev() {
                let items: Vec<Item> = current.items.drain(range.clone()).collect();
                taken.push((*line, items));
            }
        }
        taken.reverse();
        self.placed.truncate(mark);
        self.new_page();
        let last_line = moving.last().map(|(_, l, _)| *l).unwrap_or(first_line);
        for (line, items) in taken {
            let start = self.pages.last().map_or(0, |p| p.items.len());
            for mut item in items {
                if let Item::Text { y, .. } = &mut item {
                    *y -= shift;
                }
                self.push(item);
            }
            let end = self.pages.last().map_or(0, |p| p.items.len());
            self.placed
                .push((self.page_index(), line - first_line, start..end));
        }
        self.line = last_line - first_line + 1;
    }

    /// The current page's index.
    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::new(self.geo.page_w, self.geo.page_h));
        self.line = 0;
    }

    /// Pushes an item on the current page.
    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Sets one grid line's item on the current line and moves to the next line.
    pub fn set_line(&mut self, item: Item) {
        let start = self.pages.last().map_or(0, |p| p.items.len());
        self.push(item);
        let end = start + 1;
        self.placed.push((self.page_index(), self.line, start..end));
        self.line += 1;
    }

    /// Lines left on this page.
    pub fn lines_left(&self) -> usize {
        self.geo.lines.saturating_sub(self.line)
    }

    /// Leaves `n` grid lines empty (never past the page end: a blank line at a page break
    /// is dropped).
    pub fn skip(&mut self, n: usize) {
        self.line = (self.line + n).min(self.geo.lines);
    }

    /// The first grid line whose em box starts at or below `y`.
    pub fn line_at_or_below(&self, y: f32) -> usize {
        let pitch = self.geo.pitch();
        let i = ((y - self.geo.top) / pitch - 0.001).ceil().max(0.0) as usize;
        i.min(self.geo.lines)
    }

    /// How many lines [`Flow::paragraph`] would set `spans` on.
    pub fn lines_of(&self, spans: &[(Style, &str)], indent: f32, hang: f32) -> Result<usize> {
        let mut glyphs: Vec<Glyph> = Vec::new();
        for (style, text) in spans {
            glyphs.extend(text::shape(self.fonts, *style, text)?);
        }
        let width = self.geo.width;
        Ok(text::break_lines(&glyphs, width - indent, width - hang).len())
    }

    /// Sets `text` as a paragraph on the grid: each line on the next grid line.
    /// `indent` is the first line's indent, `hang` the other lines'.
    pub fn paragraph(
        &mut self,
        spans: &[(Style, &str)],
        indent: f32,
        hang: f32,
        align: Align,
    ) -> Result<()> {
        let mut glyphs: Vec<Glyph> = Vec::new();
        for (style, text) in spans {
            glyphs.extend(text::shape(self.fonts, *style, text)?);
        }
        let width = self.geo.width;
        let lines = text::break_lines(&glyphs, width - indent, width - hang);
        for (n, line) in lines.iter().enumerate() {
            if self.line >= self.geo.lines {
                self.new_page();
            }
            let offset = if n == 0 { indent } else { hang };
            let measure = width - offset;
            let mut run: Vec<Glyph> = glyphs[line.start..line.end].to_vec();
            let natural = text::width(&run);
            if align == Align::Justify && !line.last {
                text::justify(&mut run, measure - natural);
            }
            let x = self.geo.left
                + offset
                + match align {
                    Align::Center => (measure - natural).max(0.0) / 2.0,
                    Align::Right => (measure - natural).max(0.0),
                    _ => 0.0,
                };
            let size = run.first().map(|g| g.size).unwrap_or(self.geo.size);
            let top = self.geo.line_top(self.line);
            self.set_line(Item::Text {
                x,
                y: baseline(top, size),
                glyphs: run,
            });
        }
        Ok(())
    }

    /// A heading: like a paragraph, but never the last line of a page (it moves down with
    /// the text it heads).
    pub fn heading(&mut self, spans: &[(Style, &str)], indent: f32, align: Align) -> Result<()> {
        if self.lines_left() < 2 {
            self.new_page();
        }
        self.paragraph(spans, indent, 0.0, align)
    }
}

/// Breaks a title into balanced lines no wider than `width` ([`crate::render::balanced_title`]).
pub fn balanced_title(glyphs: &[Glyph], width: f32) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<char> = glyphs.iter().map(|g| g.ch).collect();
    let advances: Vec<f32> = glyphs.iter().map(|g| g.advance).collect();
    crate::render::balanced_title(&chars, &advances, width)
}

/// Draws "— N —" in 4号 宋体 7 mm below the 版心 (GB/T 9704 7.5): odd pages right, even pages
/// left, one 字 in from the edge.
pub fn page_number(fonts: &FontSet, page: &mut Page, geo: &Geometry, number: usize) -> Result<()> {
    let size = 14.0;
    let glyphs = text::shape(
        fonts,
        Style::new(Role::Song, size),
        &format!("— {number} —"),
    )?;
    let w = text::width(&glyphs);
    let indent = size; // one 字 at the page number's own size (D8)
    let x = if number % 2 == 1 {
        geo.left + geo.width - indent - w
    } else {
        geo.left + indent
    };
    // The dash sits about 0.38 em above the baseline; its stroke is 7 mm below the 版心.
    let y = geo.bottom() + 7.0 * MM + 0.38 * size;
    page.items.push(Item::Text { x, y, glyphs });
    Ok(())
}
