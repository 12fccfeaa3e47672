//! The blocks of a Markdown document as the templates write it: what every layout (PDF, Word)
//! sets, read once. pandoc's `::: {custom-style="…"}` divisions carry the 公文 paragraph
//! styles, `::: {columns="…"}` a table's column kinds and `::: {custom-style="图表"
//! chart="…"}` a chart's name; a construct no layout can set is an error naming its line.

use std::sync::LazyLock;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::base::diag::Error;
use crate::render::{Align, ColumnKind};

/// A block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A centred title.
    Title(String),
    /// A heading of level 1 (一、), 2 (（一）) or deeper.
    Heading(u8, String),
    /// A paragraph: spans (bold?, text) and its custom style, if any.
    Paragraph {
        /// The text in runs; bold runs are lead-in headings.
        spans: Vec<(bool, String)>,
        /// The pandoc custom style.
        style: Option<String>,
    },
    /// A paragraph of a list item: the item's marker (`1.`, `•`) on its first paragraph,
    /// none on those after; `depth` 1 for a top-level list.
    ListItem {
        /// `1.` for an ordered list (its own numbering), `•` for a bullet.
        marker: Option<String>,
        /// How deep the list is nested, from 1.
        depth: u8,
        /// The text in runs; emphasised runs set in 楷体.
        spans: Vec<(bool, String)>,
    },
    /// A paragraph of a block quote, `depth` quotes deep.
    Quote {
        /// How deep, from 1.
        depth: u8,
        /// The text in runs.
        spans: Vec<(bool, String)>,
    },
    /// A thematic break (`---`): a thin rule across the text.
    Rule,
    /// A bar chart, by the name of its numbers (`::: {custom-style="图表" chart="…"}`).
    Chart(String),
    /// `\newpage` on a line of its own: the next block starts a page (pandoc drops it in DOCX).
    PageBreak,
    /// A pipe table.
    Table {
        /// Header cells.
        header: Vec<String>,
        /// Column alignments.
        aligns: Vec<Align>,
        /// Body rows; a row whose only text is a bold first cell is a section row.
        rows: Vec<Vec<(bool, String)>>,
        /// Column kinds, when the template states them.
        columns: Option<Vec<ColumnKind>>,
        /// The names a two-row header merges over its columns, one a column (empty under
        /// none), when the template states them (`over="|阶段目标|阶段目标"`); else empty.
        bands: Vec<String>,
    },
}

impl Block {
    /// Its text, run together (what an error quotes).
    pub fn text(&self) -> String {
        let joined = |spans: &[(bool, String)]| spans.iter().map(|(_, t)| t.as_str()).collect();
        match self {
            Block::Title(t) | Block::Heading(_, t) | Block::Chart(t) => t.clone(),
            Block::Paragraph { spans, .. }
            | Block::ListItem { spans, .. }
            | Block::Quote { spans, .. } => joined(spans),
            Block::Table { header, .. } => header.join(" | "),
            Block::Rule => "---".into(),
            Block::PageBreak => "\\newpage".into(),
        }
    }
}

/// A `::: {…}` division's attributes that matter here.
#[derive(Debug, Clone, Default)]
struct Division {
    style: Option<String>,
    columns: Option<Vec<ColumnKind>>,
    bands: Vec<String>,
    chart: Option<String>,
}

static DIV_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r#"^:::+\s*\{(.*)\}\s*$"#).unwrap()
});
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r#"([A-Za-z][\w-]*)\s*=\s*"([^"]*)""#).unwrap()
});

fn division(attributes: &str) -> Division {
    let mut div = Division::default();
    for caps in ATTRIBUTE.captures_iter(attributes) {
        let value = caps[2].to_string();
        match &caps[1] {
            "custom-style" => div.style = Some(value),
            "columns" => {
                div.columns = Some(
                    value
                        .split_whitespace()
                        .map(|w| ColumnKind::parse(w).unwrap_or(ColumnKind::Other))
                        .collect(),
                )
            }
            "chart" => div.chart = Some(value),
            "over" => div.bands = value.split('|').map(|b| b.trim().to_string()).collect(),
            _ => {}
        }
    }
    div
}

/// A construct the PDF layout cannot set, and where: the line of the Markdown (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// 1-based line of the Markdown.
    pub line: usize,
    /// What it is, in Chinese, with an excerpt.
    pub what: String,
}

impl Unsupported {
    /// The error for the Markdown that template `template` produced.
    pub fn in_template(&self, template: &str) -> Error {
        Error::Render(format!(
            "模板 {template} 生成的 Markdown 第 {} 行：PDF 排版不支持{}；请改写模板（Markdown 输出中仍保留原样）",
            self.line, self.what
        ))
    }
}

/// Reads the blocks of `markdown`; a construct the layout cannot set (raw HTML, an image)
/// is an error naming its line: templates are edited by users, and silence would lose it.
pub fn blocks(markdown: &str) -> std::result::Result<Vec<Block>, Unsupported> {
    let mut out = Vec::new();
    let mut chunk = String::new();
    let mut chunk_line = 1;
    let mut div = Division::default();
    for (i, line) in markdown.lines().enumerate() {
        let trimmed = line.trim();
        let boundary = trimmed == "\\newpage"
            || DIV_OPEN.is_match(trimmed)
            || (trimmed.starts_with(":::") && trimmed.trim_start_matches(':').trim().is_empty());
        if !boundary {
            chunk.push_str(line);
            chunk.push('\n');
            continue;
        }
        Chunk::read(&chunk, chunk_line, &div, &mut out)?;
        chunk.clear();
        chunk_line = i + 2;
        if trimmed == "\\newpage" {
            out.push(Block::PageBreak);
        } else if let Some(caps) = DIV_OPEN.captures(trimmed) {
            div = division(&caps[1]);
        } else {
            div = Division::default();
        }
    }
    Chunk::read(&chunk, chunk_line, &div, &mut out)?;
    Ok(out)
}

/// A table while it is read: header, alignments, rows of (bold?, text) cells.
type TableParts = (Vec<String>, Vec<Align>, Vec<Vec<(bool, String)>>);

/// One run of Markdown between division fences, read event by event.
struct Chunk<'a> {
    div: &'a Division,
    out: &'a mut Vec<Block>,
    spans: Vec<(bool, String)>,
    /// Inside `**…**` or `*…*`: set in 楷体.
    emphasis: u8,
    heading: Option<u8>,
    table: Option<TableParts>,
    row: Vec<(bool, String)>,
    cell: Option<(bool, String)>,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of the item just opened, until its first paragraph takes it.
    marker: Option<String>,
    quotes: u8,
}

impl<'a> Chunk<'a> {
    fn read(
        text: &str,
        first_line: usize,
        div: &'a Division,
        out: &'a mut Vec<Block>,
    ) -> std::result::Result<(), Unsupported> {
        if text.trim().is_empty() {
            return Ok(());
        }
        let mut chunk = Chunk {
            div,
            out,
            spans: Vec::new(),
            emphasis: 0,
            heading: None,
            table: None,
            row: Vec::new(),
            cell: None,
            lists: Vec::new(),
            marker: None,
            quotes: 0,
        };
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            // The line is counted only for an error: counting it for every event made a
            // large table's reading quadratic.
            chunk.event(event).map_err(|what| Unsupported {
                line: first_line + text[..range.start].matches('\n').count(),
                what: format!(
                    "{what}「{}」",
                    crate::base::cjk::excerpt(text[range.clone()].trim())
                ),
            })?;
        }
        chunk.flush();
        Ok(())
    }

    /// One event; `Err` names a construct the layout cannot set.
    fn event(&mut self, event: Event<'_>) -> std::result::Result<(), &'static str> {
        match event {
            Event::Start(tag) => self.start(tag)?,
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak => {}
            Event::HardBreak => self.text("\n"),
            Event::Rule => {
                self.flush();
                self.out.push(Block::Rule);
            }
            Event::InlineHtml(tag) if is_line_break(&tag) => self.line_break(),
            Event::Html(_) | Event::InlineHtml(_) => return Err("HTML"),
            Event::FootnoteReference(_) => return Err("脚注"),
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag<'_>) -> std::result::Result<(), &'static str> {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::Paragraph | Tag::CodeBlock(_) => self.flush(),
            Tag::Strong | Tag::Emphasis => self.emphasis += 1,
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes += 1;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                };
                self.marker = Some(marker);
            }
            Tag::Table(aligns) => {
                let aligns = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        _ => Align::Left,
                    })
                    .collect();
                self.table = Some((Vec::new(), aligns, Vec::new()));
            }
            Tag::TableCell => self.cell = Some((false, String::new())),
            Tag::Image { .. } => return Err("图片"),
            Tag::HtmlBlock => return Err("HTML"),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let text: String = self.spans.drain(..).map(|(_, t)| t).collect();
                let level = self.heading.take().unwrap_or(1);
                self.out.push(Block::Heading(level, text));
            }
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item => self.flush(),
            TagEnd::Strong | TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::TableCell => {
                if let Some((bold, text)) = self.cell.take() {
                    self.row.push((bold, text.trim().to_string()));
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.0 = self.row.drain(..).map(|(_, c)| c).collect();
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.2.push(std::mem::take(&mut self.row));
                }
            }
            TagEnd::Table => self.end_table(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let strong = self.emphasis > 0;
        match self.cell.as_mut() {
            // A line break inside a cell reads as a space.
            Some((bold, cell)) => {
                cell.push_str(if text == "\n" { " " } else { text });
                *bold |= strong;
            }
            None => push_span(&mut self.spans, strong, text),
        }
    }

    /// A `<br>`: the line break a table cell can hold (the space written before it for
    /// pandoc's sake is not kept).
    fn line_break(&mut self) {
        let strong = self.emphasis > 0;
        match self.cell.as_mut() {
            Some((_, cell)) => {
                cell.truncate(cell.trim_end_matches(' ').len());
                cell.push('\n');
            }
            None => {
                if let Some((_, last)) = self.spans.last_mut() {
                    last.truncate(last.trim_end_matches(' ').len());
                }
                push_span(&mut self.spans, strong, "\n");
            }
        }
    }

    fn end_table(&mut self) {
        let Some((header, aligns, rows)) = self.table.take() else {
            return;
        };
        // A chart without a name has no numbers to draw: its table is shown.
        if let (Some("图表"), Some(name)) = (self.div.style.as_deref(), &self.div.chart) {
            self.out.push(Block::Chart(name.clone()));
            return;
        }
        self.out.push(Block::Table {
            header,
            aligns,
            rows,
            columns: self.div.columns.clone(),
            bands: self.div.bands.clone(),
        });
    }

    /// The text gathered so far as a block of the kind the context gives: a list item's
    /// paragraph, a quote's, a title or a paragraph.
    fn flush(&mut self) {
        if self.spans.iter().all(|(_, t)| t.trim().is_empty()) {
            self.spans.clear();
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        let style = self.div.style.as_deref();
        let block = if !self.lists.is_empty() {
            Block::ListItem {
                marker: self.marker.take(),
                depth: self.lists.len().min(9) as u8,
                spans,
            }
        } else if self.quotes > 0 {
            Block::Quote {
                depth: self.quotes,
                spans,
            }
        } else if style == Some("Title") {
            Block::Title(spans.into_iter().map(|(_, t)| t).collect())
        } else {
            Block::Paragraph {
                spans,
                style: style.map(str::to_string),
            }
        };
        self.out.push(block);
    }
}

/// `<br>`, `<br/>` or `<br />`, in any case.
fn is_line_break(tag: &str) -> bool {
    let inner = tag.trim().trim_start_matches('<').trim_end_matches('>');
    let inner = inner.trim_end_matches('/').trim_end();
    inner.eq_ignore_ascii_case("br")
}

fn push_span(spans: &mut Vec<(bool, String)>, strong: bool, text: &str) {
    match spans.last_mut() {
        Some((s, t)) if *s == strong => t.push_str(text),
        _ => spans.push((strong, text.to_string())),
    }
}
/// The label a notice template wrote over an attachment (附件, 附件2); 附件 when it wrote
/// none.
pub(crate) fn attachment_label(spans: &[(bool, String)]) -> String {
    let written: String = spans.iter().map(|(_, t)| t.as_str()).collect();
    match written.trim() {
        "" => "附件".to_string(),
        label => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_br_is_a_line_break_in_a_cell_and_a_hard_break_in_a_paragraph() {
        let markdown =
            "| 进展 |\n|---|\n| 1\\. 甲 <br>2\\. 乙 <BR/>丙 |\n\n进展：1\\. 甲\\\n2\\. 乙\n";
        let blocks = blocks(markdown).unwrap();
        let Block::Table { rows, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[0][0].1, "1. 甲\n2. 乙\n丙");
        assert_eq!(blocks[1].text(), "进展：1. 甲\n2. 乙");
    }

    #[test]
    fn other_html_is_still_refused() {
        assert!(blocks("| a |\n|---|\n| <u>甲</u> |\n").is_err());
        assert!(!is_line_break("<b>"));
        assert!(is_line_break("<br />"));
    }
}
