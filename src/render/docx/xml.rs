//! WordprocessingML as text: paragraphs and runs built from typed settings, their children
//! always in the order the schema requires (Word refuses a file whose `pPr` children are out
//! of order; LibreOffice is lenient, so tests through it would not notice).

use std::fmt::Write;

use crate::render::Align;

/// Twips (1/20 pt) per point.
pub const TWIPS_PER_PT: f32 = 20.0;
/// Twips per millimetre.
pub const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

pub use crate::base::markup::escape;

/// The typefaces of the 公文 roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// 小标宋: titles, the 发文机关标志.
    Title,
    /// 仿宋: body text.
    Body,
    /// 黑体: 一、 headings, table headers.
    Hei,
    /// 楷体: （一） headings, group labels.
    Kai,
    /// 宋体: page numbers.
    Song,
}

/// How a run looks.
#[derive(Debug, Clone, PartialEq)]
pub struct RunStyle {
    /// Its face.
    pub face: Face,
    /// Size in pt.
    pub size: f32,
    /// Colour as RRGGBB, when not black.
    pub color: Option<&'static str>,
    /// Extra space after each character, in twips (negative to set 28 to a line).
    pub spacing: i32,
}

impl RunStyle {
    /// `face` at `size` pt.
    pub fn new(face: Face, size: f32) -> RunStyle {
        RunStyle {
            face,
            size,
            color: None,
            spacing: 0,
        }
    }

    /// The same with `spacing` twips after each character.
    pub fn spaced(mut self, spacing: i32) -> RunStyle {
        self.spacing = spacing;
        self
    }

    /// The same in `color`.
    pub fn colored(mut self, color: &'static str) -> RunStyle {
        self.color = Some(color);
        self
    }
}

/// The font names a run names for each face (see [`super::WordFonts`]).
pub trait FontNames {
    /// The name written for `face`.
    fn name(&self, face: Face) -> &str;
}

/// A run of text: line breaks in `text` become `w:br`.
pub fn run(fonts: &dyn FontNames, style: &RunStyle, text: &str) -> String {
    let mut out = String::new();
    out.push_str("<w:r>");
    out.push_str(&run_properties(fonts, style));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        if !line.is_empty() {
            let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, escape(line));
        }
    }
    out.push_str("</w:r>");
    out
}

/// A run's `w:rPr`.
pub fn run_properties(fonts: &dyn FontNames, style: &RunStyle) -> String {
    let name = escape(fonts.name(style.face));
    let half_points = (style.size * 2.0).round() as i32;
    let mut out = format!(
        r#"<w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}" w:hint="eastAsia"/>"#
    );
    if let Some(color) = style.color {
        let _ = write!(out, r#"<w:color w:val="{color}"/>"#);
    }
    if style.spacing != 0 {
        let _ = write!(out, r#"<w:spacing w:val="{}"/>"#, style.spacing);
    }
    let _ = write!(
        out,
        r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>"#
    );
    out
}

/// A paragraph border: (style, width in eighths of a point, space in pt, colour).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Border {
    /// Width in eighths of a point.
    pub eighths: u32,
    /// Space between the text and the border, in whole points.
    pub space: u32,
    /// Colour, RRGGBB.
    pub color: &'static str,
}

/// A paragraph, its properties set by name and written in schema order.
#[derive(Debug, Clone, Default)]
pub struct Para {
    style: Option<&'static str>,
    keep_next: bool,
    keep_lines: bool,
    page_break_before: bool,
    /// Widow control off: a paragraph of two lines may leave one on each page.
    split_anywhere: bool,
    border_top: Option<Border>,
    border_bottom: Option<Border>,
    tab_right: Option<i32>,
    tab_left: Option<i32>,
    before: i32,
    after: i32,
    exact: Option<i32>,
    left: i32,
    right: i32,
    first_line: i32,
    hanging: i32,
    align: Option<Align>,
    outline: Option<u8>,
    section: Option<String>,
    runs: String,
}

impl Para {
    /// An empty paragraph.
    pub fn new() -> Para {
        Para::default()
    }

    /// Of style `id`.
    pub fn style(mut self, id: &'static str) -> Para {
        self.style = Some(id);
        self
    }

    /// Kept whole, on one page with the next paragraph.
    pub fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self.keep_lines = true;
        self
    }

    /// Its last lines kept on one page with the next paragraph; a long paragraph may still
    /// start on the page before (a notice's last body paragraph above its 署名).
    pub fn keep_end_with_next(mut self) -> Para {
        self.keep_next = true;
        self
    }

    /// May leave a single line on either page (widow control off): a notice's one body
    /// paragraph keeps its first lines under the 主送 while its last goes over with the
    /// 署名.
    pub fn split_anywhere(mut self) -> Para {
        self.split_anywhere = true;
        self
    }

    /// Starts a page.
    pub fn page_break_before(mut self) -> Para {
        self.page_break_before = true;
        self
    }

    /// A rule above.
    pub fn border_top(mut self, border: Border) -> Para {
        self.border_top = Some(border);
        self
    }

    /// A rule below.
    pub fn border_bottom(mut self, border: Border) -> Para {
        self.border_bottom = Some(border);
        self
    }

    /// A right-aligned tab stop at `twips` from the left indent's origin.
    pub fn tab_right(mut self, twips: i32) -> Para {
        self.tab_right = Some(twips);
        self
    }

    /// Its tab stops' `w:tabs`, or nothing.
    fn tabs(&self) -> String {
        let stops = [("left", self.tab_left), ("right", self.tab_right)];
        let stops: String = (stops.into_iter())
            .filter_map(|(kind, pos)| Some(format!(r#"<w:tab w:val="{kind}" w:pos="{}"/>"#, pos?)))
            .collect();
        match stops.is_empty() {
            true => String::new(),
            false => format!("<w:tabs>{stops}</w:tabs>"),
        }
    }

    /// A left-aligned tab stop at `twips` from the left indent's origin.
    pub fn tab_left(mut self, twips: i32) -> Para {
        self.tab_left = Some(twips);
        self
    }

    /// Space before and after, in twips.
    pub fn space(mut self, before: i32, after: i32) -> Para {
        self.before = before;
        self.after = after;
        self
    }

    /// Every line exactly `twips` high.
    pub fn exact(mut self, twips: i32) -> Para {
        self.exact = Some(twips);
        self
    }

    /// Left and right indents, in twips.
    pub fn indent(mut self, left: i32, right: i32) -> Para {
        self.left = left;
        self.right = right;
        self
    }

    /// The first line indented by `twips` more (negative: hanging).
    pub fn first_line(mut self, twips: i32) -> Para {
        if twips >= 0 {
            self.first_line = twips;
            self.hanging = 0;
        } else {
            self.hanging = -twips;
            self.first_line = 0;
        }
        self
    }

    /// Aligned.
    pub fn align(mut self, align: Align) -> Para {
        self.align = Some(align);
        self
    }

    /// At outline level `level` (0 for 一、): Word's navigation pane lists it.
    pub fn outline(mut self, level: u8) -> Para {
        self.outline = Some(level);
        self
    }

    /// Ends a section whose properties are `sect_pr`.
    pub fn ends_section(mut self, sect_pr: String) -> Para {
        self.section = Some(sect_pr);
        self
    }

    /// Adds a run.
    pub fn run(mut self, fonts: &dyn FontNames, style: &RunStyle, text: &str) -> Para {
        self.runs.push_str(&run(fonts, style, text));
        self
    }

    /// Adds runs already written.
    pub fn raw_runs(mut self, xml: &str) -> Para {
        self.runs.push_str(xml);
        self
    }

    /// About how many characters its runs hold (their markup left out): enough to tell a
    /// line from a paragraph.
    pub fn text_chars(&self) -> usize {
        let mut in_tag = false;
        self.runs
            .chars()
            .filter(|c| match c {
                '<' => {
                    in_tag = true;
                    false
                }
                '>' => {
                    in_tag = false;
                    false
                }
                _ => !in_tag,
            })
            .count()
    }

    /// The `w:p` element.
    pub fn xml(&self) -> String {
        let mut p = String::from("<w:p><w:pPr>");
        if let Some(style) = self.style {
            let _ = write!(p, r#"<w:pStyle w:val="{style}"/>"#);
        }
        if self.keep_next {
            p.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            p.push_str("<w:keepLines/>");
        }
        if self.page_break_before {
            p.push_str("<w:pageBreakBefore/>");
        }
        if self.split_anywhere {
            p.push_str(r#"<w:widowControl w:val="0"/>"#);
        }
        if self.border_top.is_some() || self.border_bottom.is_some() {
            p.push_str("<w:pBdr>");
            for (side, border) in [("top", self.border_top), ("bottom", self.border_bottom)] {
                if let Some(b) = border {
                    let _ = write!(
                        p,
                        r#"<w:{side} w:val="single" w:sz="{}" w:space="{}" w:color="{}"/>"#,
                        b.eighths, b.space, b.color
                    );
                }
            }
            p.push_str("</w:pBdr>");
        }
        p.push_str(&self.tabs());
        // No punctuation hanging past the 版心 (a full line is 28 characters; the PDF's 禁则
        // moves a character down instead), and no automatic space between ideographs and
        // digits or Latin (2025年 stays 2025年).
        p.push_str(
            r#"<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>"#,
        );
        let _ = write!(
            p,
            r#"<w:spacing w:before="{}" w:after="{}""#,
            self.before, self.after
        );
        match self.exact {
            Some(h) => {
                let _ = write!(p, r#" w:line="{h}" w:lineRule="exact"/>"#);
            }
            None => p.push_str("/>"),
        }
        let _ = write!(
            p,
            r#"<w:ind w:left="{}" w:right="{}""#,
            self.left, self.right
        );
        if self.hanging > 0 {
            let _ = write!(p, r#" w:hanging="{}"/>"#, self.hanging);
        } else {
            let _ = write!(p, r#" w:firstLine="{}"/>"#, self.first_line);
        }
        if let Some(align) = self.align {
            let jc = match align {
                Align::Justify => "both",
                Align::Left => "left",
                Align::Center => "center",
                Align::Right => "right",
            };
            let _ = write!(p, r#"<w:jc w:val="{jc}"/>"#);
        }
        if let Some(level) = self.outline {
            let _ = write!(p, r#"<w:outlineLvl w:val="{level}"/>"#);
        }
        if let Some(sect) = &self.section {
            p.push_str(sect);
        }
        p.push_str("</w:pPr>");
        p.push_str(&self.runs);
        p.push_str("</w:p>");
        p
    }
}

/// Twips from points, rounded.
pub fn tw(points: f32) -> i32 {
    (points * TWIPS_PER_PT).round() as i32
}

/// Twips from millimetres, rounded.
pub fn tw_mm(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names;
    impl FontNames for Names {
        fn name(&self, _: Face) -> &str {
            "仿宋_GB2312"
        }
    }

    #[test]
    fn paragraph_properties_in_schema_order() {
        let p = Para::new()
            .style("Body")
            .keep_next()
            .border_bottom(Border {
                eighths: 12,
                space: 8,
                color: "FF0000",
            })
            .exact(592)
            .first_line(632)
            .align(Align::Justify)
            .run(&Names, &RunStyle::new(Face::Body, 16.0), "一\n二")
            .xml();
        let order = [
            "w:pStyle",
            "w:keepNext",
            "w:pBdr",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:jc",
            "w:rPr",
        ];
        let at: Vec<usize> = order.iter().map(|t| p.find(t).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{p}");
        assert!(p.contains(r#"w:line="592" w:lineRule="exact""#));
        assert!(p.contains("<w:br/>"));
        assert!(p.contains(r#"w:eastAsia="仿宋_GB2312""#));
    }
}
