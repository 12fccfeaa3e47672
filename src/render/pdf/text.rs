//! Text → positioned glyphs: per-glyph font fallback, CJK line breaking with 禁则, justification.
//!
//! Measuring and drawing use the same numbers (skrifa advances, our own positions), so what
//! the layout decides is exactly what the PDF shows.

use super::fonts::{FaceId, FontSet, FoundGlyph, Role};
use crate::base::diag::Result;
use crate::base::glyphs::{self, Fate};

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The font role.
    pub role: Role,
    /// Size in pt.
    pub size: f32,
    /// Advance of a full-width character in pt, when set to a grid (GB/T 9704: 156 mm / 28).
    pub grid: Option<f32>,
    /// Colour (sRGB).
    pub color: [u8; 3],
}

impl Style {
    /// A style in black with natural advances.
    pub fn new(role: Role, size: f32) -> Style {
        Style {
            role,
            size,
            grid: None,
            color: [0, 0, 0],
        }
    }

    /// The same style on a character grid.
    pub fn on_grid(mut self, advance: f32) -> Style {
        self.grid = Some(advance);
        self
    }

    /// The same style in `color`.
    pub fn colored(mut self, color: [u8; 3]) -> Style {
        self.color = color;
        self
    }
}

/// One glyph, measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The character it draws.
    pub ch: char,
    /// The face it comes from (after fallback).
    pub face: FaceId,
    /// Glyph id in that face.
    pub gid: u32,
    /// Advance in pt, justification included.
    pub advance: f32,
    /// Size in pt.
    pub size: f32,
    /// Colour.
    pub color: [u8; 3],
}

/// Shapes `text` in `style`: one glyph per character, each from the first face that has it.
/// Tabs become spaces; control and zero-width characters are left out, symbol-font
/// characters mapped ([`glyphs::fate`]); a character no face has is drawn as
/// [`glyphs::MISSING_MARK`] (the checks have said where), never an error and never nothing.
pub fn shape(fonts: &FontSet, style: Style, text: &str) -> Result<Vec<Glyph>> {
    let mut out = Vec::with_capacity(text.len() / 2);
    for ch in text.chars() {
        let ch = match ch {
            '\t' => ' ',
            '\n' => '\n',
            c if c.is_control() => continue,
            c => match glyphs::fate(c) {
                Fate::Keep => c,
                Fate::Drop => continue,
                Fate::Map(to) => to,
            },
        };
        if ch == '\n' {
            out.push(Glyph {
                ch,
                face: 0,
                gid: 0,
                advance: 0.0,
                size: style.size,
                color: style.color,
            });
            continue;
        }
        let (ch, (face, gid, advance_em)) = match fonts.glyph(style.role, ch) {
            Some(found) => (ch, found),
            None => (glyphs::MISSING_MARK, missing_mark(fonts, style.role)),
        };
        let advance = match style.grid {
            Some(grid) if is_full_width(ch) => grid,
            _ => advance_em * style.size,
        };
        out.push(Glyph {
            ch,
            face,
            gid,
            advance,
            size: style.size,
            color: style.color,
        });
    }
    Ok(out)
}

/// The glyph drawn for a character no face has: the 缺字 mark, or the role face's own
/// missing-glyph box when even that is missing.
fn missing_mark(fonts: &FontSet, role: Role) -> FoundGlyph {
    fonts
        .glyph(role, glyphs::MISSING_MARK)
        .unwrap_or((role.slot(), 0, 1.0))
}

/// Characters set on the full-width grid: ideographs, CJK punctuation, full-width forms, and
/// the 间隔号 · that Chinese text sets a full em wide.
pub fn is_full_width(c: char) -> bool {
    crate::base::cjk::is_wide(c) || c == '·'
}

pub use crate::base::cjk::may_break;

/// A laid-out line: glyphs `start..end` of the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// First glyph.
    pub start: usize,
    /// One past the last glyph (trailing spaces and the break excluded).
    pub end: usize,
    /// Natural width in pt.
    pub width: f32,
    /// True for the last line of a paragraph or before a forced break: not justified.
    pub last: bool,
}

/// Breaks `glyphs` into lines: the first `first_width` wide, the rest `width` wide.
pub fn break_lines(glyphs: &[Glyph], first_width: f32, width: f32) -> Vec<Line> {
    break_lines_preferring(glyphs, first_width, width, |_| false)
}

pub use crate::render::after_name;

/// [`break_lines`], breaking only after a character `preferred` accepts wherever such a
/// break fits the line (and anywhere allowed where none does).
pub fn break_lines_preferring(
    glyphs: &[Glyph],
    first_width: f32,
    width: f32,
    preferred: impl Fn(char) -> bool,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let avail = if lines.is_empty() { first_width } else { width };
        let mut used = 0.0;
        let mut last_break: Option<usize> = None; // break before this index
        let mut last_preferred: Option<usize> = None;
        let mut i = start;
        let mut forced = false;
        while i < glyphs.len() {
            let g = &glyphs[i];
            if g.ch == '\n' {
                forced = true;
                break;
            }
            if i > start && may_break(glyphs[i - 1].ch, g.ch) {
                last_break = Some(i);
                if preferred(glyphs[i - 1].ch) {
                    last_preferred = Some(i);
                }
            }
            if used + g.advance > avail + 0.01 && i > start && g.ch != ' ' {
                break;
            }
            used += g.advance;
            i += 1;
        }
        let end = if forced || i >= glyphs.len() {
            i
        } else {
            match last_preferred.or(last_break) {
                Some(b) if b > start => b,
                _ => i.max(start + 1),
            }
        };
        let mut visible_end = end;
        while visible_end > start && glyphs[visible_end - 1].ch == ' ' {
            visible_end -= 1;
        }
        let natural: f32 = glyphs[start..visible_end].iter().map(|g| g.advance).sum();
        lines.push(Line {
            start,
            end: visible_end,
            width: natural,
            last: forced || end >= glyphs.len(),
        });
        start = end;
        if forced {
            start += 1; // the '\n'
        }
        while start < glyphs.len() && glyphs[start].ch == ' ' && !forced {
            start += 1;
        }
    }
    lines
}

/// Spreads `extra` pt over the break opportunities inside `glyphs` (never inside a word), so
/// the line fills its measure. Lines that would need more than one em per gap stay ragged.
pub fn justify(glyphs: &mut [Glyph], extra: f32) {
    if extra <= 0.01 || glyphs.len() < 2 {
        return;
    }
    let gaps: Vec<usize> = (1..glyphs.len())
        .filter(|&i| may_break(glyphs[i - 1].ch, glyphs[i].ch) || is_full_width(glyphs[i].ch))
        .collect();
    if gaps.is_empty() {
        return;
    }
    let each = extra / gaps.len() as f32;
    if each > glyphs[0].size {
        return;
    }
    for i in gaps {
        glyphs[i - 1].advance += each;
    }
}

/// Width of a run of glyphs in pt.
pub fn width(glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str) -> Vec<Glyph> {
        text.chars()
            .map(|ch| Glyph {
                ch,
                face: 0,
                gid: 1,
                advance: if ch.is_ascii() { 8.0 } else { 16.0 },
                size: 16.0,
                color: [0, 0, 0],
            })
            .collect()
    }

    fn lines_of(text: &str, width: f32) -> Vec<String> {
        let g = glyphs(text);
        break_lines(&g, width, width)
            .iter()
            .map(|l| g[l.start..l.end].iter().map(|g| g.ch).collect())
            .collect()
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Four characters a line: the 。 would start line 2, so 四 goes down with it.
        assert_eq!(lines_of("一二三四。五六", 64.0), ["一二三", "四。五六"]);
        assert_eq!(lines_of("一二三“四”五", 64.0), ["一二三", "“四”五"]);
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        assert_eq!(lines_of("一二三《四五》", 64.0), ["一二三", "《四五》"]);
    }

    #[test]
    fn numbers_and_words_never_split() {
        assert_eq!(lines_of("一二12355", 64.0), ["一二", "12355"]);
        assert_eq!(lines_of("达到100%以上", 56.0), ["达到", "100%以", "上"]);
        assert_eq!(lines_of("甲乙丙 2025 年", 64.0), ["甲乙丙", "2025 年"]);
    }

    #[test]
    fn forced_breaks_and_spaces() {
        let g = glyphs("甲乙\n丙丁");
        let lines = break_lines(&g, 160.0, 160.0);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].last);
    }

    #[test]
    fn justification_fills_the_measure_outside_words() {
        let mut g = glyphs("甲乙AB丙");
        justify(&mut g, 12.0);
        assert!((width(&g) - (16.0 * 3.0 + 16.0 + 12.0)).abs() < 0.01);
        // Nothing is added between A and B.
        assert_eq!(g[2].advance, 8.0);
    }

    #[test]
    fn lists_of_names_break_between_names() {
        let g = glyphs("牵头：区妇工委办；配合：区规划资源局、各街镇");
        // Room for 9 characters (16 pt each): a plain break cuts 区规划/资源局.
        let lines = break_lines_preferring(&g, 144.5, 144.5, after_name);
        let text = |l: &Line| g[l.start..l.end].iter().map(|g| g.ch).collect::<String>();
        let got: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(
            got,
            ["牵头：区妇工委办；", "配合：", "区规划资源局、", "各街镇"]
        );
        let plain: Vec<String> = break_lines(&g, 144.5, 144.5).iter().map(text).collect();
        assert_eq!(
            plain[1], "配合：区规划资源",
            "a plain break cuts the name: {plain:?}"
        );
    }
}
