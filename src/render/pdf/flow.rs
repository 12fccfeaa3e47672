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

use super::fonts::{FontSet, Role};
use super::layout::{Align, Flow, Geometry};
use super::page::Bookmark;
use super::table::{self, Column, Row, TableSpec};
use super::text::Style;
use super::{DocInfo, leaf_bookmarks, number_pages, title_block};
use crate::base::diag::{Error, Result};
pub use crate::render::ColumnKind;
pub use crate::render::blocks::{Block, Unsupported, blocks};

/// The numbers of the charts a document may draw, by name.
pub type Charts = std::collections::BTreeMap<&'static str, crate::view::Chart>;

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
    let mut setter = Setter {
        flow: Flow::new(fonts, geo),
        styles: Styles::of(&geo),
        fonts,
        table_size,
        charts,
        bookmarks: Vec::new(),
    };
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1);
        match block {
            Block::Title(text) => setter.title(text)?,
            Block::Heading(level, text) => setter.heading(*level, text, next)?,
            Block::Paragraph { spans, style } => {
                setter.paragraph(block, spans, style.as_deref(), next)?
            }
            Block::ListItem { .. } | Block::Quote { .. } | Block::Rule => {
                let s = setter.styles;
                indented(&mut setter.flow, block, s.body, s.kai, s.grid)?
            }
            Block::PageBreak => {
                if setter.flow.line > 0 {
                    setter.flow.new_page();
                }
            }
            Block::Chart(_) | Block::Table { .. } => setter.figure(block)?,
        }
    }
    let Setter {
        flow, bookmarks, ..
    } = setter;
    let mut pages = flow.pages;
    // A page break asked for at the very end (a heading's page rule, a figure that
    // ended a page) leaves nothing to print on.
    while pages.len() > 1 && pages.last().is_some_and(|p| p.items.is_empty()) {
        pages.pop();
    }
    number_pages(fonts, &mut pages, &geo, 1)?;
    super::writer::write(&pages, &bookmarks, info, fonts)
}

/// The styles of a document's text on its grid.
#[derive(Clone, Copy)]
struct Styles {
    body: Style,
    kai: Style,
    hei: Style,
    grid: f32,
    /// The first line's indent of a body paragraph: 2 字.
    indent2: f32,
    /// The white between two lines.
    gap: f32,
}

impl Styles {
    fn of(geo: &Geometry) -> Styles {
        let grid = geo.grid_advance();
        Styles {
            body: geo.body(),
            kai: Style::new(Role::Kai, geo.size).on_grid(grid),
            hei: Style::new(Role::Hei, geo.size).on_grid(grid),
            grid,
            indent2: 2.0 * grid,
            gap: geo.pitch() - geo.size,
        }
    }
}

/// Places a document's blocks one after another, keeping its bookmarks.
struct Setter<'a> {
    flow: Flow<'a>,
    styles: Styles,
    fonts: &'a FontSet,
    table_size: f32,
    charts: &'a Charts,
    bookmarks: Vec<Bookmark>,
}

impl<'a> Setter<'a> {
    fn title(&mut self, text: &str) -> Result<()> {
        let geo = self.flow.geo;
        if self.flow.lines_left() < 3 {
            self.flow.new_page();
        }
        let top = geo.line_top(self.flow.line);
        let page = self.flow.page_index();
        let bottom = title_block(self.fonts, &mut self.flow.pages, &geo, top, text, 22.0)?;
        self.bookmarks.push(Bookmark {
            title: text.to_string(),
            page,
            y: top,
            children: Vec::new(),
        });
        self.flow.line = self
            .flow
            .line_at_or_below(bottom + self.styles.gap + geo.pitch());
        Ok(())
    }

    fn heading(&mut self, level: u8, text: &str, next: Option<&Block>) -> Result<()> {
        let s = self.styles;
        let style = match level {
            1 => s.hei,
            2 => s.kai,
            _ => s.body,
        };
        // A heading goes down with the table or chart it heads when that one moves.
        if let Some(figure) = self.figure_of(next)?
            && ((self.flow.lines_left() < 3 && figure.kept_whole())
                || figure.moves_down(&self.flow, self.flow.line + 1)?)
        {
            self.flow.new_page();
        }
        self.flow
            .heading(&[(style, text)], s.indent2, Align::Justify)?;
        let entry = Bookmark {
            title: text.to_string(),
            page: self.flow.page_index(),
            y: self.flow.geo.line_top(self.flow.line.saturating_sub(1)),
            children: Vec::new(),
        };
        match self.bookmarks.last_mut() {
            Some(parent) => parent.children.push(entry),
            None => self.bookmarks.push(entry),
        }
        Ok(())
    }

    fn paragraph(
        &mut self,
        block: &Block,
        spans: &[(bool, String)],
        style: Option<&str>,
        next: Option<&Block>,
    ) -> Result<()> {
        let s = self.styles;
        // A caption (a paragraph ending in ：) goes down with the figure after it.
        let caption = block.text().trim_end().ends_with(['：', ':']);
        if caption
            && let Some(figure) = self.figure_of(next)?
            && figure.moves_down(&self.flow, self.flow.line + 2)?
        {
            self.flow.new_page();
        }
        let mut runs: Vec<(Style, &str)> = spans
            .iter()
            .map(|(bold, t)| (if *bold { s.kai } else { s.body }, t.as_str()))
            .collect();
        match style {
            Some("发文字号") => self.flow.paragraph(&runs, 0.0, 0.0, Align::Center),
            Some("主送机关") => self.flow.paragraph(&runs, 0.0, 0.0, Align::Justify),
            Some("署名") | Some("成文日期") => {
                runs.push((s.body, "　　"));
                self.flow.paragraph(&runs, 0.0, 0.0, Align::Right)
            }
            Some("附件标识") => {
                let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
                let hei = Style::new(Role::Hei, self.flow.geo.size);
                self.flow.paragraph(&[(hei, &text)], 0.0, 0.0, Align::Left)
            }
            // A note under a table (注：…), at the table's size, 2 字 in.
            Some(crate::render::TABLE_NOTE) => {
                let text: String = spans.iter().map(|(_, t)| t.as_str()).collect();
                let size = self.table_size;
                let note = Style::new(Role::Body, size);
                self.flow
                    .paragraph(&[(note, &text)], 2.0 * size, 0.0, Align::Justify)
            }
            _ => self.flow.paragraph(&runs, s.indent2, 0.0, Align::Justify),
        }
    }

    fn figure(&mut self, block: &Block) -> Result<()> {
        let Some(figure) = self.figure_of(Some(block))? else {
            return Ok(());
        };
        let marks = figure.place_kept(&mut self.flow)?;
        if let Some(parent) = self.bookmarks.last_mut() {
            parent.children.extend(leaf_bookmarks(marks));
        }
        Ok(())
    }

    fn figure_of(&self, block: Option<&Block>) -> Result<Option<Figure<'a>>> {
        match block {
            Some(block) => Figure::of(block, self.charts, self.table_size),
            None => Ok(None),
        }
    }
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
                bands,
            } => Some(Figure::Table(table_spec(
                header,
                aligns,
                rows,
                columns.as_deref(),
                bands,
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

    /// Whether the figure, started at grid line `line`, goes to the next page instead: it is
    /// kept whole, does not end on this page but would on a fresh one — and, for a table,
    /// this page has under a third of its lines left. With more left a small table splits
    /// (its header repeated) rather than leave a page of text alone: a one-unit sheet's
    /// first page holding only its letter.
    fn moves_down(&self, flow: &Flow<'_>, line: usize) -> Result<bool> {
        if !self.kept_whole() || line == 0 || self.fits_from(flow, line)? {
            return Ok(false);
        }
        let left = flow.geo.lines.saturating_sub(line);
        if matches!(self, Figure::Table(_)) && left * 3 >= flow.geo.lines {
            return Ok(false);
        }
        let geo = flow.geo;
        let mut fresh = vec![super::page::Page::new(geo.page_w, geo.page_h)];
        self.place(flow.fonts, &mut fresh, &geo, geo.line_top(0))?;
        Ok(fresh.len() == 1)
    }

    /// Places the figure at the current line: on a new page when [`Figure::moves_down`].
    fn place_kept(&self, flow: &mut Flow<'_>) -> Result<table::SectionMarks> {
        let geo = flow.geo;
        if flow.lines_left() < 3 {
            flow.new_page();
        }
        if self.moves_down(flow, flow.line)? {
            flow.new_page();
        }
        let y = geo.line_top(flow.line);
        let (after, marks) = self.place(flow.fonts, &mut flow.pages, &geo, y)?;
        let gap = geo.pitch() - geo.size;
        // At the page's end the line stays past the last one: whatever comes next starts
        // the next page, and nothing leaves an empty one.
        flow.line = flow.line_at_or_below(after + gap);
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
/// width and the alignment row's alignment. A table with a column of kind `group` merges
/// each label down over the rows after it that leave the column empty (how a
/// Markdown table writes a merged cell), never past a section's band.
pub(crate) fn table_spec(
    header: &[String],
    aligns: &[Align],
    rows: &[Vec<(bool, String)>],
    kinds: Option<&[ColumnKind]>,
    bands: &[String],
    size: f32,
) -> TableSpec {
    let em = size;
    let kind_of = |i: usize| kinds.and_then(|k| k.get(i)).copied();
    // The 主要事项 column, merged down over its tasks, wherever the source set it.
    let group_at = crate::render::merged_group_column(kinds, rows);
    let columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let align = aligns.get(i).copied().unwrap_or(Align::Left);
            let sizing = ColumnKind::sizing(kind_of(i), group_at == Some(i));
            Column {
                header: name.clone(),
                over: bands.get(i).cloned().unwrap_or_default(),
                min: sizing.min_em * em + sizing.min_pt,
                max_share: sizing.max_share,
                grow: sizing.grow,
                align: sizing.align.unwrap_or(align),
                names: ColumnKind::holds_names(kind_of(i)),
                yields: kind_of(i) != Some(ColumnKind::Group),
            }
        })
        .collect();
    let mut groups: Vec<String> = Vec::new();
    let mut out = Vec::new();
    // A group never runs on over a section's band: the rows under one start their own.
    let mut after_band = true;
    for cells in rows {
        let only_first = cells.iter().skip(1).all(|(_, t)| t.is_empty());
        match cells.first() {
            Some((true, t)) if only_first && !t.is_empty() => {
                out.push(Row::Section(t.clone()));
                after_band = true;
            }
            Some(_) if let Some(g) = group_at => {
                let label = cells.get(g).map_or("", |(_, t)| t.as_str());
                if !label.is_empty() || after_band {
                    groups.push(label.to_string());
                }
                after_band = false;
                let others = cells.iter().enumerate().filter(|(i, _)| *i != g);
                out.push(Row::Cells {
                    group: Some(groups.len() - 1),
                    cells: others.map(|(_, (_, t))| t.clone()).collect(),
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
        group_column: group_at,
        groups,
        rows: out,
        size,
        widths: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_stops_at_a_sections_band() {
        let row = |cells: &[(bool, &str)]| -> Vec<(bool, String)> {
            cells.iter().map(|(b, t)| (*b, t.to_string())).collect()
        };
        let header: Vec<String> = ["主要事项", "序号", "具体内容"].map(String::from).to_vec();
        let rows = [
            row(&[(false, "（一）推进改造"), (false, "1"), (false, "改造小区")]),
            row(&[(true, "二、重点项目"), (false, ""), (false, "")]),
            row(&[(false, ""), (false, "2"), (false, "建设步道")]),
        ];
        let kinds = [ColumnKind::Group, ColumnKind::No, ColumnKind::Content];
        let spec = table_spec(&header, &[Align::Left; 3], &rows, Some(&kinds), &[], 12.0);
        let groups: Vec<Option<usize>> = (spec.rows.iter())
            .filter_map(|r| match r {
                Row::Cells { group, .. } => Some(*group),
                Row::Section(_) => None,
            })
            .collect();
        // Task 2's empty group cell opens a group of its own, not （一）'s.
        assert_eq!(groups, [Some(0), Some(1)]);
        assert_eq!(spec.groups, ["（一）推进改造", ""]);
    }

    #[test]
    fn a_group_column_right_of_the_number_merges_where_it_stands() {
        let row = |cells: &[&str]| -> Vec<(bool, String)> {
            cells.iter().map(|t| (false, t.to_string())).collect()
        };
        let header: Vec<String> = ["序号", "类别", "具体内容"].map(String::from).to_vec();
        let rows = [
            row(&["1", "水资源保护", "实施双控"]),
            row(&["2", "", "推进节水"]),
            row(&["3", "水污染防治", "新建管网"]),
        ];
        let kinds = [ColumnKind::No, ColumnKind::Group, ColumnKind::Content];
        let spec = table_spec(&header, &[Align::Left; 3], &rows, Some(&kinds), &[], 12.0);
        assert_eq!(spec.group_column, Some(1));
        assert_eq!(spec.groups, ["水资源保护", "水污染防治"]);
        let cells: Vec<(Option<usize>, Vec<String>)> = (spec.rows.iter())
            .filter_map(|r| match r {
                Row::Cells { group, cells } => Some((*group, cells.clone())),
                Row::Section(_) => None,
            })
            .collect();
        assert_eq!(cells[1], (Some(0), vec!["2".into(), "推进节水".into()]));
        assert_eq!(cells[2].0, Some(1));
        // Every row its own label (a unit's sheet): a column as written, nothing merged.
        let rows = [
            row(&["1", "水资源保护", "实施双控"]),
            row(&["3", "水污染防治", "新建管网"]),
        ];
        let spec = table_spec(&header, &[Align::Left; 3], &rows, Some(&kinds), &[], 12.0);
        assert_eq!(spec.group_column, None);
    }

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
            ..
        } = &b[0]
        else {
            panic!("{:?}", b[0]);
        };
        assert_eq!(
            columns.as_deref(),
            Some(&[ColumnKind::No, ColumnKind::Content][..])
        );
        let spec = table_spec(header, aligns, rows, columns.as_deref(), &[], 12.0);
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
        let plain = table_spec(header, aligns, rows, None, &[], 12.0);
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
