//! Markdown (what the templates produce) → PDF on the GB/T 9704 grid. One template, two
//! formats: the same Markdown is the `.md` output and what this lays out.
//!
//! pandoc's `::: {custom-style="…"}` divisions carry the 公文 paragraph styles: `Title` (小标宋
//! 2号, centred), `发文字号` (centred), `主送机关` (flush left), `附件说明`, `署名` and `成文日期`
//! (flush right, 2 字 in), `附件标识` (黑体, flush left). `#` is the 一、 level (黑体), `##` the
//! （一） level (楷体), deeper levels 仿宋; `**bold**` at the start of a paragraph is a lead-in
//! heading in 楷体. Pipe tables become tables over pages.
//!
//! Layout hints are data the template states, never guessed from wording a user may edit:
//! a table's column kinds come from the division around it (`::: {columns="no content
//! units"}`, see [`ColumnKind`]), and a bar chart (`::: {custom-style="图表"
//! chart="by_section"}`) is drawn from the numbers the caller passes by that name; the
//! table inside the division is what Markdown and Word readers see.

use std::sync::LazyLock;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::fonts::{FontSet, Role};
use super::layout::{Align, Flow, Geometry};
use super::page::Bookmark;
use super::table::{self, Column, Row, TableSpec};
use super::text::Style;
use super::{DocInfo, leaf_bookmarks, number_pages, title_block};
use crate::base::diag::{Error, Result};
pub use crate::render::ColumnKind;

/// The numbers of the charts a document may draw, by name.
pub type Charts = std::collections::BTreeMap<&'static str, crate::view::Chart>;

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
            let line = first_line + text[..range.start].matches('\n').count();
            let excerpt = || crate::base::cjk::excerpt(text[range.clone()].trim());
            chunk.event(event).map_err(|what| Unsupported {
                line,
                what: format!("{what}「{}」", excerpt()),
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

fn push_span(spans: &mut Vec<(bool, String)>, strong: bool, text: &str) {
    match spans.last_mut() {
        Some((s, t)) if *s == strong => t.push_str(text),
        _ => spans.push((strong, text.to_string())),
    }
}

/// Lays `blocks` out as an A4 document on the GB/T 9704 grid of `geo` (portrait, or
/// landscape for wide tables), tables at `table_size` pt.
pub fn document(
    blocks: &[Block],
    fonts: &FontSet,
    info: &DocInfo,
    geo: Geometry,
    table_size: f32,
    charts: &Charts,
) -> Result<Vec<u8>> {
    let mut flow = Flow::new(fonts, geo);
    let grid = geo.grid_advance();
    let body = geo.body();
    let kai = Style::new(Role::Kai, geo.size).on_grid(grid);
    let hei = Style::new(Role::Hei, geo.size).on_grid(grid);
    let indent2 = 2.0 * grid;
    let gap = geo.pitch() - geo.size;
    let mut bookmarks: Vec<Bookmark> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Title(text) => {
                if flow.lines_left() < 3 {
                    flow.new_page();
                }
                let top = geo.line_top(flow.line);
                let page = flow.page_index();
                let bottom = title_block(fonts, &mut flow.pages, &geo, top, text, 22.0)?;
                bookmarks.push(Bookmark {
                    title: text.clone(),
                    page,
                    y: top,
                    children: Vec::new(),
                });
                flow.line = flow.line_at_or_below(bottom + gap + geo.pitch());
            }
            Block::Heading(level, text) => {
                let style = match level {
                    1 => hei,
                    2 => kai,
                    _ => body,
                };
                // A heading goes down with the table or chart it heads when that one moves.
                if let Some(next) = blocks.get(i + 1)
                    && let Some(figure) = Figure::of(next, charts, table_size)?
                    && (flow.lines_left() < 3 || !figure.fits_from(&flow, flow.line + 1)?)
                    && figure.kept_whole()
                {
                    flow.new_page();
                }
                flow.heading(&[(style, text)], indent2, Align::Justify)?;
                let entry = Bookmark {
                    title: text.clone(),
                    page: flow.page_index(),
                    y: geo.line_top(flow.line.saturating_sub(1)),
                    children: Vec::new(),
                };
                match bookmarks.last_mut() {
                    Some(parent) => parent.children.push(entry),
                    None => bookmarks.push(entry),
                }
            }
            Block::Paragraph { spans, style } => {
                // A caption (a paragraph ending in ：) goes down with the figure after it.
                let caption = block.text().trim_end().ends_with(['：', ':']);
                if caption
                    && let Some(next) = blocks.get(i + 1)
                    && let Some(figure) = Figure::of(next, charts, table_size)?
                    && figure.kept_whole()
                    && !figure.fits_from(&flow, flow.line + 2)?
                {
                    flow.new_page();
                }
                let runs: Vec<(Style, &str)> = spans
                    .iter()
                    .map(|(bold, t)| (if *bold { kai } else { body }, t.as_str()))
                    .collect();
                match style.as_deref() {
                    Some("发文字号") => flow.paragraph(&runs, 0.0, 0.0, Align::Center)?,
                    Some("主送机关") => flow.paragraph(&runs, 0.0, 0.0, Align::Justify)?,
                    Some("署名") | Some("成文日期") => {
                        let mut runs = runs;
                        runs.push((body, "　　"));
                        flow.paragraph(&runs, 0.0, 0.0, Align::Right)?;
                    }
                    Some("附件标识") => {
                        let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
                        flow.paragraph(
                            &[(Style::new(Role::Hei, geo.size), &text)],
                            0.0,
                            0.0,
                            Align::Left,
                        )?
                    }
                    _ => flow.paragraph(&runs, indent2, 0.0, Align::Justify)?,
                }
            }
            Block::ListItem { .. } | Block::Quote { .. } | Block::Rule => {
                indented(&mut flow, block, body, kai, grid)?
            }
            Block::PageBreak => {
                if flow.line > 0 {
                    flow.new_page();
                }
            }
            Block::Chart(_) | Block::Table { .. } => {
                let Some(figure) = Figure::of(block, charts, table_size)? else {
                    continue;
                };
                let marks = figure.place_kept(&mut flow)?;
                if let Some(parent) = bookmarks.last_mut() {
                    parent.children.extend(leaf_bookmarks(marks));
                }
            }
        }
    }
    let mut pages = flow.pages;
    number_pages(fonts, &mut pages, &geo, 1)?;
    super::writer::write(&pages, &bookmarks, info, fonts)
}

/// A table or a chart: placed by its own layout, not line by line.
enum Figure<'a> {
    Chart(&'a crate::view::Chart),
    Table(TableSpec),
}

/// Tables of at most this many rows are never split over pages (when they fit on one).
const SMALL_TABLE: usize = 10;

impl<'a> Figure<'a> {
    /// The figure `block` stands for; `None` for other blocks. A chart name without numbers
    /// is an error.
    fn of(block: &Block, charts: &'a Charts, table_size: f32) -> Result<Option<Figure<'a>>> {
        Ok(match block {
            Block::Chart(name) => {
                let Some(chart) = charts.get(name.as_str()) else {
                    return Err(Error::Render(format!(
                        "模板中的图表「{name}」没有对应的数据（可用：{}）",
                        charts.keys().copied().collect::<Vec<_>>().join("、")
                    )));
                };
                Some(Figure::Chart(chart))
            }
            Block::Table {
                header,
                aligns,
                rows,
                columns,
            } => Some(Figure::Table(table_spec(
                header,
                aligns,
                rows,
                columns.as_deref(),
                table_size,
            ))),
            _ => None,
        })
    }

    /// Charts, and tables of up to [`SMALL_TABLE`] rows, are kept on one page.
    fn kept_whole(&self) -> bool {
        match self {
            Figure::Chart(_) => true,
            Figure::Table(spec) => spec.rows.len() <= SMALL_TABLE,
        }
    }

    fn place(
        &self,
        fonts: &FontSet,
        pages: &mut Vec<super::page::Page>,
        geo: &Geometry,
        y: f32,
    ) -> Result<(f32, table::SectionMarks)> {
        match self {
            Figure::Chart(chart) => Ok((
                super::chart::place(fonts, pages, geo, y, chart)?,
                Vec::new(),
            )),
            Figure::Table(spec) => table::place(fonts, pages, geo, y, spec),
        }
    }

    /// True when the figure, started at grid line `line` of the current page, ends on it
    /// (laid out on a copy of the page).
    fn fits_from(&self, flow: &Flow<'_>, line: usize) -> Result<bool> {
        if line >= flow.geo.lines {
            return Ok(false);
        }
        let mut scratch: Vec<super::page::Page> = flow.pages.last().cloned().into_iter().collect();
        self.place(flow.fonts, &mut scratch, &flow.geo, flow.geo.line_top(line))?;
        Ok(scratch.len() <= 1)
    }

    /// Places the figure at the current line: on a new page when it is kept whole and would
    /// not end on this one (but would on a fresh page).
    fn place_kept(&self, flow: &mut Flow<'_>) -> Result<table::SectionMarks> {
        let geo = flow.geo;
        if flow.lines_left() < 3 {
            flow.new_page();
        }
        if self.kept_whole() && flow.line > 0 && !self.fits_from(flow, flow.line)? {
            let mut fresh = vec![super::page::Page::new(geo.page_w, geo.page_h)];
            self.place(flow.fonts, &mut fresh, &geo, geo.line_top(0))?;
            if fresh.len() == 1 {
                flow.new_page();
            }
        }
        let y = geo.line_top(flow.line);
        let (after, marks) = self.place(flow.fonts, &mut flow.pages, &geo, y)?;
        let gap = geo.pitch() - geo.size;
        flow.line = flow.line_at_or_below(after + gap);
        if flow.line >= geo.lines {
            flow.new_page();
        }
        Ok(marks)
    }
}

/// Sets a list item's or a block quote's paragraph, or a rule, as every flowing layout does:
/// an item 2 字 in per level with its marker, continuation lines 2 字 less (so a top-level
/// item reads like a body paragraph); a quote in 楷体 2 字 in on every line; a rule a thin
/// line across the text on a line of its own.
pub(crate) fn indented(
    flow: &mut Flow<'_>,
    block: &Block,
    body: Style,
    kai: Style,
    grid: f32,
) -> Result<()> {
    let runs = |spans: &[(bool, String)], lead: Option<String>| -> Vec<(Style, String)> {
        lead.map(|m| (body, format!("{m} ")))
            .into_iter()
            .chain(
                spans
                    .iter()
                    .map(|(em, t)| (if *em { kai } else { body }, t.clone())),
            )
            .collect()
    };
    let (runs, indent, hang) = match block {
        Block::ListItem {
            marker,
            depth,
            spans,
        } => {
            let depth = f32::from(*depth);
            (
                runs(spans, marker.clone()),
                2.0 * depth * grid,
                2.0 * (depth - 1.0) * grid,
            )
        }
        Block::Quote { depth, spans } => {
            let runs: Vec<(Style, String)> = spans.iter().map(|(_, t)| (kai, t.clone())).collect();
            let depth = f32::from(*depth);
            (runs, 2.0 * (depth + 1.0) * grid, 2.0 * depth * grid)
        }
        Block::Rule => {
            if flow.line >= flow.geo.lines {
                flow.new_page();
            }
            let y = flow.geo.line_top(flow.line) + flow.geo.pitch() / 2.0;
            let (left, width) = (flow.geo.left, flow.geo.width);
            flow.push(super::page::Item::Rule {
                x1: left,
                y1: y,
                x2: left + width,
                y2: y,
                width: 0.5,
                color: [0, 0, 0],
            });
            flow.skip(1);
            return Ok(());
        }
        _ => return Ok(()),
    };
    let runs: Vec<(Style, &str)> = runs.iter().map(|(s, t)| (*s, t.as_str())).collect();
    flow.paragraph(&runs, indent, hang, Align::Justify)
}

/// Columns from the kinds the template states: 序号 and 责任类型 narrow, 完成时限 a date
/// wide, the content column takes what is left; a column of no stated kind gets a middle
/// width and the alignment row's alignment. A table whose first column is of kind `group`
/// merges each label down over the rows after it that leave the column empty (how a
/// Markdown table writes a merged cell).
pub(crate) fn table_spec(
    header: &[String],
    aligns: &[Align],
    rows: &[Vec<(bool, String)>],
    kinds: Option<&[ColumnKind]>,
    size: f32,
) -> TableSpec {
    let em = size;
    let kind_of = |i: usize| kinds.and_then(|k| k.get(i)).copied();
    let grouped = kind_of(0) == Some(ColumnKind::Group);
    let columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let align = aligns.get(i).copied().unwrap_or(Align::Left);
            let (min, max_share, grow, align) = match kind_of(i) {
                Some(ColumnKind::No) => (3.0 * em, 0.06, false, Align::Center),
                Some(ColumnKind::Role) => (3.0 * em, 0.07, false, Align::Center),
                // 2025年12月31日 on one line: seven ems.
                Some(ColumnKind::Date) => (7.2 * em, 0.16, false, align),
                Some(ColumnKind::Group) => (
                    4.0 * em,
                    if grouped && i == 0 { 0.17 } else { 0.12 },
                    false,
                    Align::Center,
                ),
                Some(ColumnKind::Target) => (4.0 * em, 0.12, false, align),
                Some(ColumnKind::Units) => (6.0 * em, 0.32, false, Align::Left),
                Some(ColumnKind::Content) => (8.0 * em, 1.0, true, Align::Justify),
                Some(ColumnKind::Text) => (6.0 * em, 1.0, true, Align::Left),
                Some(ColumnKind::Status) => (4.4 * em, 0.14, false, Align::Center),
                Some(ColumnKind::Name) => (5.0 * em, 1.0, true, Align::Left),
                Some(ColumnKind::Lead) => (5.0 * em, 0.22, false, Align::Left),
                Some(ColumnKind::Rate) => (3.3 * em, 0.1, false, Align::Center),
                Some(ColumnKind::Count) => (2.6 * em, 0.08, false, Align::Center),
                Some(ColumnKind::Other) | None => (4.0 * em, 0.18, false, align),
            };
            Column {
                header: name.clone(),
                min,
                max_share,
                grow,
                align,
                names: matches!(
                    kind_of(i),
                    Some(ColumnKind::Units | ColumnKind::Lead | ColumnKind::Name)
                ),
            }
        })
        .collect();
    let mut groups: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for cells in rows {
        let only_first = cells.iter().skip(1).all(|(_, t)| t.is_empty());
        match cells.first() {
            Some((true, t)) if only_first && !t.is_empty() => out.push(Row::Section(t.clone())),
            Some((_, first)) if grouped => {
                if !first.is_empty() || groups.is_empty() {
                    groups.push(first.clone());
                }
                out.push(Row::Cells {
                    group: Some(groups.len() - 1),
                    cells: cells.iter().skip(1).map(|(_, t)| t.clone()).collect(),
                });
            }
            _ => out.push(Row::Cells {
                group: None,
                cells: cells.iter().map(|(_, t)| t.clone()).collect(),
            }),
        }
    }
    TableSpec {
        columns,
        group_column: grouped.then_some(0),
        groups,
        rows: out,
        size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_styles_headings_lead_ins_and_tables() {
        let md = "::: {custom-style=\"Title\"}\n区教育局任务清单\n:::\n\n# 一、总体要求\n\n**推动甲**。做好甲事。\n\n::: {custom-style=\"署名\"}\n某单位\n:::\n\n| 序号 | 任务内容 |\n|:---:|---|\n| **一、部分** |  |\n| 1 | 甲\\|乙 |\n";
        let b = blocks(md).unwrap();
        assert_eq!(b[0], Block::Title("区教育局任务清单".into()));
        assert_eq!(b[1], Block::Heading(1, "一、总体要求".into()));
        assert_eq!(
            b[2],
            Block::Paragraph {
                spans: vec![(true, "推动甲".into()), (false, "。做好甲事。".into())],
                style: None
            }
        );
        assert!(matches!(&b[3], Block::Paragraph { style: Some(s), .. } if s == "署名"));
        match &b[4] {
            Block::Table { header, rows, .. } => {
                assert_eq!(header, &["序号", "任务内容"]);
                assert_eq!(rows[0][0], (true, "一、部分".to_string()));
                assert_eq!(rows[1][1].1, "甲|乙");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn layout_hints_come_from_the_division_not_the_wording() {
        let md = "::: {columns=\"no content\"}\n| 编号 | 工作任务 |\n|---|---|\n| 1 | 甲 |\n:::\n\n::: {custom-style=\"图表\" chart=\"by_section\"}\n| 部分 | 已完成 |\n|---|---|\n| 一 | 3 |\n:::\n\n::: {custom-style=\"图表\"}\n| 部分 | 已完成 |\n|---|---|\n| 一 | 3 |\n:::\n";
        let b = blocks(md).unwrap();
        let Block::Table {
            header,
            aligns,
            rows,
            columns,
        } = &b[0]
        else {
            panic!("{:?}", b[0]);
        };
        assert_eq!(
            columns.as_deref(),
            Some(&[ColumnKind::No, ColumnKind::Content][..])
        );
        let spec = table_spec(header, aligns, rows, columns.as_deref(), 12.0);
        assert_eq!(
            spec.columns[0].align,
            Align::Center,
            "a 序号 column by kind, whatever its header says"
        );
        assert!(spec.columns[1].grow);
        assert_eq!(b[1], Block::Chart("by_section".into()));
        assert!(
            matches!(b[2], Block::Table { .. }),
            "a chart with no name shows its table"
        );
        // The same table with no stated kinds: no column is guessed from its header.
        let plain = table_spec(header, aligns, rows, None, 12.0);
        assert!(plain.columns.iter().all(|c| !c.grow));
    }

    fn spans(text: &str) -> Vec<(bool, String)> {
        vec![(false, text.to_string())]
    }

    #[test]
    fn lists_quotes_emphasis_and_rules_are_kept() {
        let md = "七、口径\n\n1. 甲\n2. 乙 *重点*\n   - 乙一\n   - 乙二\n3. 丙\n\n> 引文\n\n---\n\n- 松散一\n\n  续段\n";
        let b = blocks(md).unwrap();
        let item = |marker: Option<&str>, depth, text: &str| Block::ListItem {
            marker: marker.map(str::to_string),
            depth,
            spans: spans(text),
        };
        assert_eq!(b[1], item(Some("1."), 1, "甲"));
        assert_eq!(
            b[2],
            Block::ListItem {
                marker: Some("2.".into()),
                depth: 1,
                spans: vec![(false, "乙 ".into()), (true, "重点".into())],
            }
        );
        assert_eq!(b[3], item(Some("•"), 2, "乙一"));
        assert_eq!(b[4], item(Some("•"), 2, "乙二"));
        assert_eq!(b[5], item(Some("3."), 1, "丙"));
        assert_eq!(
            b[6],
            Block::Quote {
                depth: 1,
                spans: spans("引文")
            }
        );
        assert_eq!(b[7], Block::Rule);
        assert_eq!(b[8], item(Some("•"), 1, "松散一"));
        assert_eq!(b[9], item(None, 1, "续段"));
        assert_eq!(b.len(), 10);
    }

    #[test]
    fn what_the_layout_cannot_set_is_an_error_with_its_line() {
        let md = "# 标题\n\n正文\n\n<div>框</div>\n";
        let err = blocks(md).unwrap_err();
        assert_eq!(err.line, 5);
        assert!(err.what.contains("HTML"), "{err:?}");
        let message = err.in_template("packet.md.tera").to_string();
        assert!(message.contains("packet.md.tera") && message.contains("第 5 行"));
        let image = blocks("::: {custom-style=\"署名\"}\n甲\n:::\n\n![图](a.png)\n").unwrap_err();
        assert_eq!(image.line, 5);
    }
}
