//! Word (.docx) from the same Markdown blocks and views the PDFs use, for offices that edit,
//! sign and forward in WPS and Word. Written directly (zip + WordprocessingML text), so the
//! geometry is GB/T 9704's in Word's own terms (ooxml.md): A4, the 156 × 225 mm 版心 with 22
//! lines of 28 characters, the red head 35 mm down, "— N —" footers alternating sides.
//!
//! Word lays pages out itself: where the PDF decides line by line, the Word file states the
//! rule (exact line heights, keep-with-next, rows that do not split, a repeating header row).

mod flow;
mod notice;
mod package;
mod table;
pub mod xml;

pub use flow::{Charts, document};
pub use notice::notice;

use xml::{Face, FontNames, TWIPS_PER_MM, TWIPS_PER_PT, tw, tw_mm};

/// Page and 版心 in Word's terms, from the same numbers as the PDF's geometry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    /// Landscape (tables) or portrait.
    pub landscape: bool,
    page_w_mm: f32,
    page_h_mm: f32,
    left_mm: f32,
    top_mm: f32,
    width_mm: f32,
    height_mm: f32,
    /// Lines per page.
    pub lines: usize,
    /// Characters per line.
    pub chars: usize,
    /// Body size, pt (3号).
    pub body_size: f32,
    /// Table text size, pt.
    pub table_size: f32,
}

impl PageSetup {
    /// The page number's size: 4号.
    pub const NUMBER_SIZE: f32 = 14.0;
    /// The footer line's exact height, pt.
    pub const NUMBER_LINE: f32 = 14.0;

    /// A4 portrait: 156 × 225 mm at 28 mm left, 37 mm top; 22 lines of 28.
    pub fn portrait(table_size: f32) -> PageSetup {
        PageSetup {
            landscape: false,
            page_w_mm: 210.0,
            page_h_mm: 297.0,
            left_mm: 28.0,
            top_mm: 37.0,
            width_mm: 156.0,
            height_mm: 225.0,
            lines: 22,
            chars: 28,
            body_size: 16.0,
            table_size,
        }
    }

    /// A4 landscape, the 版心 turned (225 × 156 mm, centred): 15 lines of 39, as the PDF.
    pub fn landscape(table_size: f32) -> PageSetup {
        PageSetup {
            landscape: true,
            page_w_mm: 297.0,
            page_h_mm: 210.0,
            left_mm: 36.0,
            top_mm: 27.0,
            width_mm: 225.0,
            height_mm: 156.0,
            lines: 15,
            chars: 39,
            body_size: 16.0,
            table_size,
        }
    }

    /// The same page with `extra` more lines (a notice tightened to keep its closing block).
    pub fn with_extra_lines(mut self, extra: usize) -> PageSetup {
        self.lines += extra;
        self
    }

    /// Page size in twips (w, h).
    pub fn size(&self) -> (i32, i32) {
        // Word's own A4 numbers.
        if self.landscape {
            (16838, 11906)
        } else {
            (11906, 16838)
        }
    }

    /// The grid pitch in pt: the lines' em boxes exactly fill the 版心 (D1).
    fn pitch(&self) -> f32 {
        (self.height_mm * 72.0 / 25.4 - self.body_size) / (self.lines as f32 - 1.0)
    }

    /// Every body line's exact height, twips (592 for 22 lines).
    pub fn line_twips(&self) -> i32 {
        tw(self.pitch())
    }

    /// Where an exact line of height `h` twips holding `size` pt puts its em box's top below
    /// the line's top: the baseline sits 0.8 h down (LibreOffice and Word alike, ooxml.md §7),
    /// the em box 0.88 em above it.
    pub fn em_offset(h: i32, size: f32) -> f32 {
        0.8 * h as f32 - 0.88 * size * TWIPS_PER_PT
    }

    /// Top margin: the first line's em box at the 版心 top (recipe B, ooxml.md §4).
    pub fn margin_top(&self) -> i32 {
        (self.top_mm * TWIPS_PER_MM - Self::em_offset(self.line_twips(), self.body_size)).round()
            as i32
    }

    /// Bottom margin: exactly `lines` lines fit.
    pub fn margin_bottom(&self) -> i32 {
        self.size().1 - self.margin_top() - self.lines as i32 * self.line_twips()
    }

    /// Left margin (订口).
    pub fn margin_left(&self) -> i32 {
        tw_mm(self.left_mm)
    }

    /// Right margin: the 版心 is `width_mm` wide.
    pub fn margin_right(&self) -> i32 {
        self.size().0 - tw_mm(self.left_mm) - tw_mm(self.width_mm)
    }

    /// The text width in twips.
    pub fn width_twips(&self) -> i32 {
        tw_mm(self.width_mm)
    }

    /// The 版心's height in twips.
    pub fn height_twips(&self) -> f32 {
        self.height_mm * TWIPS_PER_MM
    }

    /// The top of the 版心 in twips from the page top.
    pub fn top_twips(&self) -> f32 {
        self.top_mm * TWIPS_PER_MM
    }

    /// Footer distance from the page bottom: the page number's dash 7 mm below the 版心
    /// (its baseline 0.38 em lower, as the PDF sets it).
    pub fn footer_distance(&self) -> i32 {
        let baseline = (self.top_mm + self.height_mm + 7.0) * TWIPS_PER_MM
            + 0.38 * Self::NUMBER_SIZE * TWIPS_PER_PT;
        let line = Self::NUMBER_LINE * TWIPS_PER_PT;
        (self.size().1 as f32 - baseline - 0.2 * line).round() as i32
    }

    /// Space after each body character, twips: `chars` to a line (−5 sets 28 in portrait:
    /// LibreOffice breaks a character grid with less than 1 em per cell, ooxml.md §5).
    pub fn char_spacing(&self) -> i32 {
        let cell = self.width_mm * 72.0 / 25.4 / self.chars as f32;
        ((cell - self.body_size) * TWIPS_PER_PT).floor() as i32
    }

    /// One full-width character's advance, twips (2 字 indents are twice this).
    pub fn char_twips(&self) -> i32 {
        tw(self.body_size) + self.char_spacing()
    }
}

/// The font names Word looks for, per face: the 公文 fonts offices install (方正小标宋简体,
/// 仿宋_GB2312 …) or the families of the font files `[fonts]` names; each with the names
/// Word tries when it is missing, the free fonts fengong ships last.
#[derive(Debug, Clone, PartialEq)]
pub struct WordFonts {
    names: [String; 5],
    alternatives: [String; 5],
}

impl WordFonts {
    /// The standard names, and for each face the family of a configured font file when
    /// there is one (`families` in [`Face`] order: title, body, hei, kai, song).
    pub fn new(families: [Option<String>; 5]) -> WordFonts {
        let standard: [(&str, &str); 5] = [
            (
                "方正小标宋简体",
                "方正小标宋_GBK,华文中宋,宋体,Noto Serif SC",
            ),
            ("仿宋_GB2312", "仿宋,FangSong,FandolFang"),
            ("黑体", "SimHei,Noto Sans SC"),
            ("楷体_GB2312", "楷体,KaiTi,FandolKai"),
            ("宋体", "SimSun,Noto Serif SC"),
        ];
        let mut names: [String; 5] = Default::default();
        let mut alternatives: [String; 5] = Default::default();
        for (i, family) in families.into_iter().enumerate() {
            let (name, alt) = standard[i];
            match family {
                Some(family) if family != name => {
                    alternatives[i] = format!("{name},{alt}");
                    names[i] = family;
                }
                _ => {
                    names[i] = name.to_string();
                    alternatives[i] = alt.to_string();
                }
            }
        }
        WordFonts {
            names,
            alternatives,
        }
    }

    /// The standard 公文 names.
    pub fn standard() -> WordFonts {
        WordFonts::new(Default::default())
    }

    fn index(face: Face) -> usize {
        match face {
            Face::Title => 0,
            Face::Body => 1,
            Face::Hei => 2,
            Face::Kai => 3,
            Face::Song => 4,
        }
    }

    /// The names tried when `face`'s is not installed, comma-separated.
    pub fn alternatives(&self, face: Face) -> String {
        self.alternatives[Self::index(face)].clone()
    }
}

impl FontNames for WordFonts {
    fn name(&self, face: Face) -> &str {
        &self.names[Self::index(face)]
    }
}

/// A font file's family name (its `name` table), for naming it in Word.
pub fn family_name(data: &[u8]) -> Option<String> {
    use skrifa::MetadataProvider;
    use skrifa::raw::TableProvider;
    let font = skrifa::FontRef::from_index(data, 0).ok()?;
    let _ = font.name().ok()?;
    let names = font.localized_strings(skrifa::string::StringId::FAMILY_NAME);
    let mut english = None;
    for name in names {
        let text = name.to_string();
        if name.language().is_some_and(|l| l.starts_with("zh")) {
            return Some(text);
        }
        english.get_or_insert(text);
    }
    english
}

/// Approximate width of `text` in ems: ideographs and full-width forms 1, the rest ½ — the
/// proportions of the 公文 fonts, for sizing what Word will lay out itself.
pub(crate) fn ems(text: &str) -> f32 {
    text.chars()
        .map(|c| {
            if crate::base::cjk::is_wide(c) {
                1.0
            } else {
                0.5
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portrait_numbers_are_the_measured_recipe() {
        let page = PageSetup::portrait(12.0);
        assert_eq!(page.line_twips(), 592);
        assert_eq!(page.margin_top(), 1906);
        assert_eq!(page.margin_bottom(), 1908);
        assert_eq!(page.margin_left(), 1587);
        assert_eq!(page.width_twips(), 8844);
        assert_eq!(page.char_spacing(), -5);
        assert!(
            (page.footer_distance() - 1425).abs() <= 1,
            "{}",
            page.footer_distance()
        );
    }

    #[test]
    fn configured_fonts_are_named_and_the_standard_kept_as_fallback() {
        let fonts = WordFonts::new([None, Some("方正仿宋_GBK".into()), None, None, None]);
        assert_eq!(fonts.name(Face::Body), "方正仿宋_GBK");
        assert!(fonts.alternatives(Face::Body).starts_with("仿宋_GB2312,"));
        assert_eq!(fonts.name(Face::Title), "方正小标宋简体");
    }
}
