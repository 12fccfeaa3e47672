//! The display list: pages of positioned glyph runs, rules and boxes. Layout fills it;
//! `writer` turns it into PDF. Coordinates are pt from the page's top-left, y down; text is
//! placed by its baseline.

use super::text::Glyph;

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in pt.
    pub width: f32,
    /// Height in pt.
    pub height: f32,
    /// What is drawn, in order.
    pub items: Vec<Item>,
}

impl Page {
    /// An empty page.
    pub fn new(width: f32, height: f32) -> Page {
        Page {
            width,
            height,
            items: Vec::new(),
        }
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Glyphs starting at (x, baseline).
    Text {
        /// Left edge of the first glyph.
        x: f32,
        /// Baseline.
        y: f32,
        /// The glyphs, with their advances.
        glyphs: Vec<Glyph>,
    },
    /// A straight rule.
    Rule {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width in pt.
        width: f32,
        /// Colour.
        color: [u8; 3],
    },
    /// A filled rectangle.
    Fill {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        color: [u8; 3],
    },
}

/// A bookmark: a title pointing at a place, with children.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// What the outline shows.
    pub title: String,
    /// Page index (0-based).
    pub page: usize,
    /// y of the place on the page.
    pub y: f32,
    /// Nested bookmarks.
    pub children: Vec<Bookmark>,
}
