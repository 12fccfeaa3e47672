//! A document of Markdown blocks as Word paragraphs and tables, set as the PDF sets them:
//! titles in 小标宋, 一、 headings in 黑体 and （一） in 楷体, body 仿宋 3号 on exact grid lines
//! with 2-字 indents, lists and quotes indented by level, tables and charts as Word tables.

use super::package::{SectionStart, package, section};
use super::xml::{Border, Face, Para, RunStyle, tw};
use super::{PageSetup, WordFonts, ems, table};
use crate::base::diag::Result;
use crate::render::blocks::Block;
use crate::render::{Align, DocInfo, TABLE_NOTE};
use crate::view::Chart;

/// The numbers of the charts a document may draw, by name.
pub type Charts = std::collections::BTreeMap<&'static str, Chart>;

/// `blocks` as a .docx on `page`; a chart block becomes the table of its numbers.
pub fn document(
    blocks: &[Block],
    fonts: &WordFonts,
    info: &DocInfo,
    page: PageSetup,
    charts: &Charts,
) -> Result<Vec<u8>> {
    let mut body = String::new();
    let set = Setter::new(fonts, page);
    for (i, block) in blocks.iter().enumerate() {
        let next_is_figure = matches!(
            blocks.get(i + 1),
            Some(Block::Table { .. } | Block::Chart(_))
        );
        body.push_str(&set.block(block, next_is_figure, charts));
    }
    body.push_str(&section(&page, true, SectionStart::NextPage));
    package(&body, &page, fonts, info)
}

/// What every block needs to be set: the fonts, the page, and the body's run style.
pub(super) struct Setter<'a> {
    pub fonts: &'a WordFonts,
    pub page: PageSetup,
    pub line: i32,
    pub indent2: i32,
    pub body: RunStyle,
    pub kai: RunStyle,
    pub hei: RunStyle,
}

impl<'a> Setter<'a> {
    pub fn new(fonts: &'a WordFonts, page: PageSetup) -> Setter<'a> {
        let spacing = page.char_spacing();
        Setter {
            fonts,
            page,
            line: page.line_twips(),
            indent2: 2 * page.char_twips(),
            body: RunStyle::new(Face::Body, page.body_size).spaced(spacing),
            kai: RunStyle::new(Face::Kai, page.body_size).spaced(spacing),
            hei: RunStyle::new(Face::Hei, page.body_size).spaced(spacing),
        }
    }

    /// A body paragraph on the grid.
    pub fn grid(&self) -> Para {
        Para::new().exact(self.line)
    }

    /// A note under a table (注：…), at the table's size, 2 字 in.
    pub fn table_note(&self, text: &str) -> Para {
        let size = self.page.table_size;
        Para::new()
            .exact(tw(1.5 * size))
            .style("TableText")
            .first_line(tw(2.0 * size))
            .align(Align::Justify)
            .run(self.fonts, &RunStyle::new(Face::Body, size), text)
    }

    /// Runs of `spans`: a bold lead-in in 楷体, the rest in 仿宋.
    pub fn spans(&self, para: Para, spans: &[(bool, String)]) -> Para {
        spans.iter().fold(para, |p, (bold, text)| {
            let style = if *bold { &self.kai } else { &self.body };
            p.run(self.fonts, style, text)
        })
    }

    /// A title in 2号 小标宋 (`size` pt), centred, broken between words as the PDF breaks it.
    pub fn title(&self, text: &str, size: f32) -> Para {
        let pitch = size + (self.line as f32 / 20.0 - self.page.body_size);
        let lines = title_lines(text, self.page.width_twips() as f32 / 20.0 / size);
        Para::new()
            .style("Title")
            .exact(tw(pitch))
            .align(Align::Center)
            .keep_next()
            .run(
                self.fonts,
                &RunStyle::new(Face::Title, size),
                &lines.join("\n"),
            )
    }

    pub fn block(&self, block: &Block, next_is_figure: bool, charts: &Charts) -> String {
        match block {
            Block::Title(text) => self.title(text, 22.0).space(0, self.line).xml(),
            Block::Heading(level, text) => {
                let (style, run, id) = match level {
                    1 => (&self.hei, 0, "Heading1"),
                    2 => (&self.kai, 1, "Heading2"),
                    _ => (&self.body, 2, "Heading3"),
                };
                self.grid()
                    .style(id)
                    .outline(run)
                    .keep_next()
                    .first_line(self.indent2)
                    .align(Align::Justify)
                    .run(self.fonts, style, text)
                    .xml()
            }
            Block::Paragraph { spans, style } => {
                self.paragraph(spans, style.as_deref(), next_is_figure)
            }
            Block::ListItem {
                marker,
                depth,
                spans,
            } => {
                // 2 字 in per level with its marker; continuation lines 2 字 less.
                let depth = i32::from(*depth);
                let mut p = self
                    .grid()
                    .indent(self.indent2 * (depth - 1), 0)
                    .first_line(self.indent2)
                    .align(Align::Justify);
                if let Some(m) = marker {
                    p = p.run(self.fonts, &self.body, &format!("{m} "));
                }
                self.spans(p, spans).xml()
            }
            Block::Quote { depth, spans } => {
                let depth = i32::from(*depth);
                let p = self
                    .grid()
                    .indent(self.indent2 * (depth + 1), 0)
                    .align(Align::Justify);
                spans
                    .iter()
                    .fold(p, |p, (_, t)| p.run(self.fonts, &self.kai, t))
                    .xml()
            }
            Block::Rule => self
                .grid()
                .border_bottom(Border {
                    eighths: 4,
                    space: 1,
                    color: "000000",
                })
                .xml(),
            Block::PageBreak => Para::new().page_break_before().exact(tw(1.0)).xml(),
            Block::Table {
                header,
                aligns,
                rows,
                columns,
                bands,
            } => self.table(header, aligns, rows, columns.as_deref(), bands),
            Block::Chart(name) => match charts.get(name.as_str()) {
                Some(chart) => self.chart(chart),
                None => String::new(),
            },
        }
    }

    fn paragraph(
        &self,
        spans: &[(bool, String)],
        style: Option<&str>,
        next_is_figure: bool,
    ) -> String {
        let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
        let p = self.grid();
        let p = match style {
            Some("发文字号") => self.spans(p.style("DocNumber").align(Align::Center), spans),
            Some("主送机关") => self.spans(p.style("Recipients").align(Align::Justify), spans),
            Some("署名") | Some("成文日期") => self
                .spans(p.style("Signer").align(Align::Right), spans)
                .indent(0, self.indent2),
            Some("附件标识") => p
                .style("AttachmentLabel")
                .align(Align::Left)
                .run(self.fonts, &self.hei, &text),
            Some(TABLE_NOTE) => self.table_note(&text),
            _ => self.spans(p.first_line(self.indent2).align(Align::Justify), spans),
        };
        // A caption (ending in ：) stays with the table or chart after it.
        let caption = text.trim_end().ends_with(['：', ':']);
        if caption && next_is_figure {
            p.keep_next().xml()
        } else {
            p.xml()
        }
    }

    pub fn table(
        &self,
        header: &[String],
        aligns: &[Align],
        rows: &[Vec<(bool, String)>],
        columns: Option<&[crate::render::ColumnKind]>,
        bands: &[String],
    ) -> String {
        let mut x = table::table(
            self.fonts,
            table::Header {
                names: header,
                bands,
            },
            aligns,
            rows,
            columns,
            self.page.width_twips(),
            self.page.table_size,
            self.page.height_twips() / 20.0,
        );
        // Word needs a paragraph between two tables, and one after the last.
        x.push_str(&Para::new().exact(tw(self.page.table_size)).xml());
        x
    }

    /// A chart's numbers as a table: one row per bar, one column per series.
    fn chart(&self, chart: &Chart) -> String {
        let mut header = vec![String::new()];
        header.extend(chart.series.iter().cloned());
        let rows: Vec<Vec<(bool, String)>> = chart
            .bars
            .iter()
            .map(|bar| {
                std::iter::once((false, bar.label.clone()))
                    .chain(bar.values.iter().map(|v| {
                        let shown = crate::base::number::fmt_number(*v);
                        (
                            false,
                            if chart.percent {
                                format!("{shown}%")
                            } else {
                                shown
                            },
                        )
                    }))
                    .collect()
            })
            .collect();
        let mut kinds = vec![crate::render::ColumnKind::Name];
        kinds.extend(
            chart
                .series
                .iter()
                .map(|_| crate::render::ColumnKind::Count),
        );
        self.table(&header, &[], &rows, Some(&kinds), &[])
    }
}

/// A title's lines, balanced and broken between words, for a measure of `width_ems` ems:
/// the same breaks as the PDF's, with the characters' widths in ems.
pub(super) fn title_lines(title: &str, width_ems: f32) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    // Word and LibreOffice set a little space between Chinese and Latin letters or digits
    // (区政府 2023 年, autoSpaceDE/DN): counted, and a Latin glyph (which may come from
    // another font than the PDF's) as a little wider, so no line the break was made for
    // wraps again in them. Chinese characters are one em in every font: a line of twenty
    // fills a measure of 20.1 ems.
    let apart = |a: char, b: char| crate::base::cjk::is_han(a) && b.is_ascii_alphanumeric();
    let advances: Vec<f32> = (0..chars.len())
        .map(|i| {
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let gap = apart(chars[i], next) || apart(next, chars[i]);
            let slack = if chars[i].is_ascii() {
                LATIN_SLACK_EMS
            } else {
                0.0
            };
            ems(&chars[i].to_string()) + slack + if gap { AUTO_SPACE_EMS } else { 0.0 }
        })
        .collect();
    let width_ems = width_ems - 0.05;
    crate::render::balanced_title(&chars, &advances, width_ems)
        .into_iter()
        .map(|range| chars[range].iter().collect())
        .collect()
}

/// The space Word sets between a Chinese character and a Latin letter or digit, in ems.
const AUTO_SPACE_EMS: f32 = 0.25;

/// How much wider a Latin letter or digit may come out in Word than measured, in ems.
const LATIN_SLACK_EMS: f32 = 0.12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_line_leaves_room_for_the_space_word_sets_around_digits() {
        // 20 ems as the PDF measures it, in a line of 20.1: Word's space around 2023 and
        // its own glyphs would push 年 to a line of its own.
        let title =
            "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知";
        for line in title_lines(title, 20.1) {
            assert!(ems(&line) <= 19.6, "{line}");
        }
    }

    #[test]
    fn a_long_title_is_balanced_and_broken_where_a_line_may_break() {
        let lines = title_lines(
            "关于印发《嘉定区推进儿童友好城区建设2025年重点工作安排》的通知",
            20.0,
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| ems(l) <= 20.0));
        // Balanced (a trapezoid), and never before a closing mark or inside 2025.
        assert!((ems(&lines[0]) - ems(&lines[1])).abs() <= 3.0, "{lines:?}");
        let title = "关于印发《2025年嘉定区推进儿童友好城区建设重点工作安排》的通知";
        for line in title_lines(title, 20.0) {
            assert!(!line.starts_with('》'), "{line}");
            assert!(!line.ends_with("20") && !line.ends_with('《'), "{line}");
        }
    }
}
