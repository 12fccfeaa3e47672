//! Tables that run over pages: column widths from content, wrapped cells, the header repeated
//! on every page, section rows across the width, a group column whose cells span their rows
//! (repeated with "（续）" after a page break), and rows split only when taller than a page.

use super::fonts::{FontSet, Role};
use super::layout::{Align, Geometry};
use super::page::{Item, Page};
use super::text::{self, Glyph, Style};
use crate::base::diag::Result;
use crate::render::widths::{self, ColumnNeed, Remembered};

/// A column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Header text.
    pub header: String,
    /// The name a two-row header merges over this column and its neighbours (阶段目标 over
    /// 6月底前 | 12月底前): set above their headers; empty for none.
    pub over: String,
    /// Narrowest width in pt.
    pub min: f32,
    /// Widest width as a share of the table (0–1).
    pub max_share: f32,
    /// Takes the width left over.
    pub grow: bool,
    /// Horizontal alignment of its cells.
    pub align: Align,
    /// Holds names (units): lines break between names, not inside one.
    pub names: bool,
    /// May give width to the growing column when that makes the table shorter (a label
    /// such as 主要事项's keeps the width it reads in).
    pub yields: bool,
}

/// A row of the table.
#[derive(Debug, Clone)]
pub enum Row {
    /// A section row across the whole width.
    Section(String),
    /// Cells, one per column except the group column; `group` indexes [`TableSpec::groups`].
    Cells {
        /// The group this row belongs to.
        group: Option<usize>,
        /// Cell texts, in column order, the group column left out.
        cells: Vec<String>,
    },
}

/// A whole table.
#[derive(Debug, Clone)]
pub struct TableSpec {
    /// Columns in order.
    pub columns: Vec<Column>,
    /// The column whose cells span their group's rows, if any.
    pub group_column: Option<usize>,
    /// Group labels.
    pub groups: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Body text size.
    pub size: f32,
    /// The column widths once worked out, with the table width they are for: a figure is
    /// laid out on trial pages before it is placed, and balancing the widths is the costly part.
    pub widths: std::cell::OnceCell<(f32, Vec<f32>)>,
}

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 4.0;
const RULE: f32 = 0.5;
const HEADER_FILL: [u8; 3] = [0xED, 0xED, 0xED];
const SECTION_FILL: [u8; 3] = [0xF6, 0xF6, 0xF6];

struct Cell {
    glyphs: Vec<Glyph>,
    lines: Vec<text::Line>,
    align: Align,
}

/// Where each section row landed, for bookmarks: (title, page, y).
pub type SectionMarks = Vec<(String, usize, f32)>;

/// Lays `spec` out from `y` on the last page of `pages`, adding pages in `geo` as needed.
/// Returns the y below the table and where each section row went.
pub fn place(
    fonts: &FontSet,
    pages: &mut Vec<Page>,
    geo: &Geometry,
    y: f32,
    spec: &TableSpec,
) -> Result<(f32, SectionMarks)> {
    let body = Style::new(Role::Body, spec.size);
    let strong = Style::new(Role::Hei, spec.size);
    let line_h = spec.size * 1.5;
    let widths = match spec.widths.get() {
        Some((width, widths)) if *width == geo.width => widths.clone(),
        _ => {
            let widths = column_widths(fonts, spec, geo.width, body, strong)?;
            let _ = spec.widths.set((geo.width, widths.clone()));
            widths
        }
    };
    let xs: Vec<f32> = std::iter::once(geo.left)
        .chain(widths.iter().scan(geo.left, |x, w| {
            *x += w;
            Some(*x)
        }))
        .collect();
    let header: Vec<Cell> = spec
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| header_cell(fonts, strong, &c.header, *w))
        .collect::<Result<_>>()?;
    let bands = band_cells(fonts, strong, &spec.columns, &xs)?;
    let (header_h, band_h) = header_heights(&header, &bands, line_h);
    let mut state = State {
        fonts,
        pages,
        geo: *geo,
        y,
        xs,
        line_h,
        header,
        header_h,
        bands,
        band_h,
        group: None,
        group_style: Style::new(Role::Kai, spec.size),
        marks: Vec::new(),
        spec,
        other_cols: (0..spec.columns.len())
            .filter(|c| Some(*c) != spec.group_column)
            .collect(),
        widths,
        body,
        strong,
    };
    // A header never stands alone at the foot of a page: it needs its first row under it.
    let first_h = match spec.rows.first() {
        Some(Row::Cells { cells, .. }) => cells_height(&state.row_cells(cells)?, line_h),
        _ => 2.0 * (line_h + 2.0 * PAD_Y),
    };
    if state.y > geo.top
        && state.y + state.header_h + first_h.min(geo.height / 3.0) > state.bottom()
    {
        state.pages.push(Page::new(geo.page_w, geo.page_h));
        state.y = geo.top;
    }
    state.draw_header();
    for (index, row) in spec.rows.iter().enumerate() {
        match row {
            Row::Section(title) => state.section_row(title, index)?,
            Row::Cells { group, cells } => {
                let contents = state.row_cells(cells)?;
                if state.group.as_ref().map(|g| g.index) != *group {
                    state.finish_group()?;
                    if let Some(g) = group {
                        state.open_group(*g, index, cells_height(&contents, line_h))?;
                    }
                }
                let other_cols = state.other_cols.clone();
                state.place_row(contents, &other_cols)?;
            }
        }
    }
    state.finish_group()?;
    Ok((state.y, state.marks))
}

impl State<'_, '_> {
    /// A row's cells set in their columns (the group column left out).
    fn row_cells(&self, cells: &[String]) -> Result<Vec<Cell>> {
        self.other_cols
            .iter()
            .zip(cells)
            .map(|(&c, t)| {
                let column = &self.spec.columns[c];
                cell_of(
                    self.fonts,
                    self.body,
                    t,
                    self.widths[c],
                    column.align,
                    column.names,
                )
            })
            .collect()
    }

    /// A section row across the table, kept with the row after it.
    fn section_row(&mut self, title: &str, index: usize) -> Result<()> {
        self.finish_group()?;
        let (left, width) = (self.geo.left, self.geo.width);
        let c = cell(self.fonts, self.strong, title, width, Align::Left)?;
        let h = cells_height(std::slice::from_ref(&c), self.line_h);
        // Kept with as much of the next row as that row needs to start on this page: a
        // heading never stands at a page's foot above a row that moves on.
        let next_h = match self.spec.rows.get(index + 1) {
            Some(Row::Cells { cells, .. }) => {
                self.start_height(cells_height(&self.row_cells(cells)?, self.line_h))
            }
            Some(Row::Section(_)) => self.line_h + 2.0 * PAD_Y,
            None => 0.0,
        };
        if self.y + h + next_h > self.bottom() {
            self.new_page()?;
        }
        let page = self.page_index();
        self.marks.push((title.to_string(), page, self.y));
        let top = self.y;
        self.fill(left, top, width, h, SECTION_FILL);
        self.draw_cell(&c, left, top, width, h, 0..c.lines.len());
        self.frame(left, top, left + width, h, true);
        self.y += h;
        Ok(())
    }

    /// Closes the open group after its last row; a label longer than its rows and the page
    /// goes on over the next pages, beside empty cells, until all of it is set.
    fn finish_group(&mut self) -> Result<()> {
        loop {
            let Some(group) = &self.group else {
                return Ok(());
            };
            let label_h = self.label_height_left(group)?;
            let used = self.y - group.top;
            if used + 0.01 >= label_h {
                self.close_group()?;
                return Ok(());
            }
            let room = self.bottom() - self.y;
            if room > self.line_h + 0.01 {
                // Empty cells beside the label's rest, as far as it or the page goes.
                let h = (label_h - used).min(room);
                let top = self.y;
                for col in self.other_cols.clone() {
                    let (x1, x2) = (self.xs[col], self.xs[col + 1]);
                    self.frame(x1, top, x2, h, false);
                }
                self.y += h;
                continue;
            }
            self.new_page()?;
        }
    }

    /// Opens group `g` at row `index`: its label in the group column, on a new page when
    /// neither the label nor its first row (`first_h` tall) would fit on this one.
    fn open_group(&mut self, g: usize, index: usize, first_h: f32) -> Result<()> {
        let Some(col) = self.spec.group_column else {
            return Ok(());
        };
        let label = cell(
            self.fonts,
            self.group_style,
            &self.spec.groups[g],
            self.widths[col],
            Align::Center,
        )?;
        let label_h = cells_height(std::slice::from_ref(&label), self.line_h);
        let rows_h = self.group_rows_height(index, g)?;
        if self.y + label_h.min(rows_h).max(self.start_height(first_h)) > self.bottom() {
            self.new_page()?;
        }
        self.group = Some(OpenGroup {
            index: g,
            top: self.y,
            continued: false,
            label_h,
            rows_left_h: rows_h,
            label_from: 0,
        });
        Ok(())
    }

    /// What of a row `h` tall must fit on this page for the row to start on it: all of it,
    /// but a third of a page for a row taller than half a page — that one is split across
    /// pages anyway, and moving it on would leave this page nearly blank.
    fn start_height(&self, h: f32) -> f32 {
        let page_body = self.bottom() - self.geo.top - self.header_h;
        if h > page_body / 2.0 {
            page_body / 3.0
        } else {
            h
        }
    }

    /// The height of group `group`'s rows from row `from` on.
    fn group_rows_height(&self, from: usize, group: usize) -> Result<f32> {
        let mut total = 0.0;
        for row in &self.spec.rows[from..] {
            match row {
                Row::Cells {
                    group: Some(g),
                    cells,
                } if *g == group => total += cells_height(&self.row_cells(cells)?, self.line_h),
                _ => break,
            }
        }
        Ok(total)
    }
}

struct OpenGroup {
    index: usize,
    top: f32,
    continued: bool,
    label_h: f32,
    rows_left_h: f32,
    /// The label's first line on this page: 0, or — a label taller than a page, set on
    /// over pages — where the last page's part stopped.
    label_from: usize,
}

struct State<'p, 's> {
    fonts: &'s FontSet,
    pages: &'p mut Vec<Page>,
    geo: Geometry,
    y: f32,
    xs: Vec<f32>,
    line_h: f32,
    header: Vec<Cell>,
    header_h: f32,
    /// Names merged over runs of columns (first, last, name), set in a band of `band_h`
    /// above their columns' headers.
    bands: Vec<(usize, usize, Cell)>,
    band_h: f32,
    group: Option<OpenGroup>,
    group_style: Style,
    marks: SectionMarks,
    spec: &'s TableSpec,
    /// Column widths.
    widths: Vec<f32>,
    /// Columns other than the group column.
    other_cols: Vec<usize>,
    body: Style,
    strong: Style,
}

impl State<'_, '_> {
    fn bottom(&self) -> f32 {
        self.geo.bottom()
    }

    fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: [u8; 3]) {
        self.push(Item::Fill { x, y, w, h, color });
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.push(Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width: RULE,
            color: [0, 0, 0],
        });
    }

    /// Box around (x1..x2, y..y+h); `top` draws the top edge too.
    fn frame(&mut self, x1: f32, y: f32, x2: f32, h: f32, top: bool) {
        if top {
            self.rule(x1, y, x2, y);
        }
        self.rule(x1, y + h, x2, y + h);
        self.rule(x1, y, x1, y + h);
        self.rule(x2, y, x2, y + h);
    }

    fn draw_header(&mut self) {
        let top = self.y;
        let h = self.header_h;
        let total = self.xs[self.xs.len() - 1] - self.xs[0];
        self.fill(self.xs[0], top, total, h, HEADER_FILL);
        let header = std::mem::take(&mut self.header);
        let bands = std::mem::take(&mut self.bands);
        for (i, c) in header.iter().enumerate() {
            let (x1, x2) = (self.xs[i], self.xs[i + 1]);
            // A column under a band has its own name below it; the others span both rows.
            let (y, h) = match in_band(&bands, i) {
                true => (top + self.band_h, h - self.band_h),
                false => (top, h),
            };
            self.draw_cell(c, x1, y, x2 - x1, h, 0..c.lines.len());
            self.frame(x1, y, x2, h, true);
        }
        for (first, last, c) in &bands {
            let (x1, x2) = (self.xs[*first], self.xs[*last + 1]);
            self.draw_cell(c, x1, top, x2 - x1, self.band_h, 0..c.lines.len());
            self.frame(x1, top, x2, self.band_h, true);
        }
        self.header = header;
        self.bands = bands;
        self.y += h;
    }

    fn new_page(&mut self) -> Result<()> {
        // The group cell open on this page is drawn before the page ends.
        let reopen = self
            .group
            .as_ref()
            .map(|g| (g.index, g.label_h, g.rows_left_h));
        let label_from = self.close_group()?;
        self.pages.push(Page::new(self.geo.page_w, self.geo.page_h));
        self.y = self.geo.top;
        self.draw_header();
        if let Some((index, label_h, rows_left_h)) = reopen {
            self.group = Some(OpenGroup {
                index,
                top: self.y,
                continued: true,
                label_h,
                rows_left_h,
                label_from,
            });
        }
        Ok(())
    }

    /// The open group's label as this page sets it: the label, or — continued on a new page
    /// — the label marked （续）, or the rest of a label too tall for one page.
    fn group_label(&self, group: &OpenGroup, width: f32) -> Result<Cell> {
        let mut label = self.spec.groups[group.index].clone();
        if group.continued && group.label_from == 0 {
            label.push_str("（续）");
        }
        cell(self.fonts, self.group_style, &label, width, Align::Center)
    }

    /// The height the open group's label still needs on this page, from the group's top.
    fn label_height_left(&self, group: &OpenGroup) -> Result<f32> {
        let Some(col) = self.spec.group_column else {
            return Ok(0.0);
        };
        let label = self.group_label(group, self.widths[col])?;
        let lines = label.lines.len().saturating_sub(group.label_from).max(1);
        let h = lines as f32 * self.line_h + 2.0 * PAD_Y;
        // A label repeated on a page it goes on to (（续）) is shown whole too: cut to the
        // rows there (全区经济 / 社会发展, the rest gone) it read as another label. Only one
        // taller than half a page is shown as the rows allow.
        let reminder = group.continued && group.label_from == 0;
        if reminder && h > (self.bottom() - self.geo.top) / 2.0 {
            return Ok(0.0);
        }
        Ok(h)
    }

    /// Draws the open group's merged cell from its top to the current y. Returns the label's
    /// line the next page goes on from: 0 when this page showed the rest of it (the next
    /// page repeats it marked （续）), else the first line not shown — never lost.
    fn close_group(&mut self) -> Result<usize> {
        let (Some(group), Some(col)) = (self.group.take(), self.spec.group_column) else {
            return Ok(0);
        };
        if self.y <= group.top + 0.01 {
            return Ok(group.label_from);
        }
        let (x1, x2) = (self.xs[col], self.xs[col + 1]);
        let label = self.group_label(&group, x2 - x1)?;
        let h = self.y - group.top;
        let fit = (((h - 2.0 * PAD_Y) / self.line_h + 0.01).floor().max(1.0)) as usize;
        let end = label.lines.len().min(group.label_from + fit);
        self.draw_cell(&label, x1, group.top, x2 - x1, h, group.label_from..end);
        self.frame(x1, group.top, x2, h, true);
        let reminder = group.continued && group.label_from == 0;
        Ok(if end < label.lines.len() && !reminder {
            end
        } else {
            0
        })
    }

    fn place_row(&mut self, cells: Vec<Cell>, cols: &[usize]) -> Result<()> {
        let mut from = vec![0usize; cells.len()];
        loop {
            let remaining: Vec<usize> = cells
                .iter()
                .zip(&from)
                .map(|(c, f)| c.lines.len().saturating_sub(*f))
                .collect();
            let need_lines = remaining.iter().copied().max().unwrap_or(0).max(1);
            let mut h = need_lines as f32 * self.line_h + 2.0 * PAD_Y;
            // The merged group cell needs its label's height over the group's rows — as much
            // of it as the page holds; the rest goes on over the next (finish_group).
            if let Some(group) = &self.group {
                let used = self.y - group.top;
                let is_last = (group.rows_left_h - h).abs() < 0.01 || group.rows_left_h < h;
                let label_h = self.label_height_left(group)?;
                if is_last && used + h < label_h {
                    h = (label_h - used).min(self.bottom() - self.y).max(h);
                }
            }
            // Too tall for what is left: a fresh page — unless the row may be split and
            // start here (see start_height), or the page is fresh.
            let fresh = self.y <= self.geo.top + self.header_h + 0.01;
            if self.y + h > self.bottom() && !fresh && self.y + self.start_height(h) > self.bottom()
            {
                self.new_page()?;
                continue;
            }
            // Taller than what is left of an empty page: split the row's lines.
            let fit = (((self.bottom() - self.y - 2.0 * PAD_Y) / self.line_h + 0.01)
                .floor()
                .max(1.0)) as usize;
            let take = need_lines.min(fit);
            let h = if take < need_lines {
                take as f32 * self.line_h + 2.0 * PAD_Y
            } else {
                h
            };
            let top = self.y;
            for (i, c) in cells.iter().enumerate() {
                let col = cols[i];
                let (x1, x2) = (self.xs[col], self.xs[col + 1]);
                let end = (from[i] + take).min(c.lines.len());
                self.draw_cell(c, x1, top, x2 - x1, h, from[i]..end);
                self.frame(x1, top, x2, h, true);
                from[i] = end;
            }
            if let Some(group) = self.group.as_mut() {
                group.rows_left_h -= h;
            }
            self.y += h;
            if take >= need_lines {
                return Ok(());
            }
            self.new_page()?;
        }
    }

    /// Draws lines `range` of `c` in the box, vertically centred.
    fn draw_cell(
        &mut self,
        c: &Cell,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        range: std::ops::Range<usize>,
    ) {
        let n = range.len() as f32;
        let block = n * self.line_h;
        let mut line_top = y + ((h - block) / 2.0).max(PAD_Y);
        let size = c.glyphs.first().map(|g| g.size).unwrap_or(12.0);
        for line in &c.lines[range] {
            let mut run: Vec<Glyph> = c.glyphs[line.start..line.end].to_vec();
            let measure = w - 2.0 * PAD_X;
            let natural = text::width(&run);
            if c.align == Align::Justify && !line.last {
                text::justify(&mut run, measure - natural);
            }
            let dx = match c.align {
                Align::Center => ((measure - natural) / 2.0).max(0.0),
                Align::Right => (measure - natural).max(0.0),
                _ => 0.0,
            };
            // Centre the em box in the line: baseline at 0.88 em below the em top.
            let em_top = line_top + (self.line_h - size) / 2.0;
            if !run.is_empty() {
                self.push(Item::Text {
                    x: x + PAD_X + dx,
                    y: em_top + 0.88 * size,
                    glyphs: run,
                });
            }
            line_top += self.line_h;
        }
    }
}

fn cell(fonts: &FontSet, style: Style, text: &str, width: f32, align: Align) -> Result<Cell> {
    cell_of(fonts, style, text, width, align, false)
}

/// A header cell: a name that wraps does so between its words and in lines of even length
/// (责任/类型, not 责任类/型; 其他责任/单位, not 其他责/任单位), in as many lines as the
/// column's width needs.
fn header_cell(fonts: &FontSet, style: Style, text: &str, width: f32) -> Result<Cell> {
    let mut cell = cell(fonts, style, text, width, Align::Center)?;
    let count = cell.lines.len();
    if count > 1
        && let Some(lines) = header_lines(&cell.glyphs, width - 2.0 * PAD_X, count)
    {
        cell.lines = lines;
    }
    Ok(cell)
}

/// The best way to set a header's name in `count` lines of at most `measure`: breaks
/// between words first — a header's names are two-character words (其他|责任|单位, 量化|
/// 目标), so a break after an even run of ideographs, or beside a mark, is between words —
/// then the shortest longest line. `None` when no such breaking fits (the name is long:
/// lines as [`text::break_lines`] sets them).
fn header_lines(glyphs: &[Glyph], measure: f32, count: usize) -> Option<Vec<text::Line>> {
    let han = |i: usize| crate::base::cjk::is_han(glyphs[i].ch);
    let breaks: Vec<usize> = (1..glyphs.len())
        .filter(|&i| text::may_break(glyphs[i - 1].ch, glyphs[i].ch) && glyphs[i].ch != '\n')
        .collect();
    if count > 4 || breaks.len() > 24 || glyphs.iter().any(|g| g.ch == '\n') {
        return None;
    }
    let between_words = |i: usize| {
        let run = (0..i).rev().take_while(|&j| han(j)).count();
        !han(i) || run == 0 || run % 2 == 0
    };
    let mut best: Option<((usize, f32), Vec<usize>)> = None;
    let mut chosen = Vec::with_capacity(count - 1);
    choose_breaks(&breaks, 0, count - 1, &mut chosen, &mut |cuts| {
        let widths = line_widths(glyphs, cuts);
        let longest = widths.iter().copied().fold(0.0f32, f32::max);
        if longest > measure + 0.01 {
            return;
        }
        let mid_word = cuts.iter().filter(|&&i| !between_words(i)).count();
        let score = (mid_word, longest);
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, cuts.to_vec()));
        }
    });
    let (_, cuts) = best?;
    let mut bounds = vec![0];
    bounds.extend(&cuts);
    bounds.push(glyphs.len());
    Some(
        bounds
            .windows(2)
            .enumerate()
            .map(|(k, w)| text::Line {
                start: w[0],
                end: w[1],
                width: glyphs[w[0]..w[1]].iter().map(|g| g.advance).sum(),
                last: k + 2 == bounds.len(),
            })
            .collect(),
    )
}

/// Calls `each` with every increasing choice of `left` break positions from `breaks[from..]`.
fn choose_breaks(
    breaks: &[usize],
    from: usize,
    left: usize,
    chosen: &mut Vec<usize>,
    each: &mut impl FnMut(&[usize]),
) {
    if left == 0 {
        each(chosen);
        return;
    }
    for k in from..breaks.len() {
        chosen.push(breaks[k]);
        choose_breaks(breaks, k + 1, left - 1, chosen, each);
        chosen.pop();
    }
}

/// The widths of the lines `glyphs` makes when cut before each of `cuts`.
fn line_widths(glyphs: &[Glyph], cuts: &[usize]) -> Vec<f32> {
    let mut widths = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &end in cuts.iter().chain(std::iter::once(&glyphs.len())) {
        widths.push(glyphs[start..end].iter().map(|g| g.advance).sum());
        start = end;
    }
    widths
}

/// A cell of column `names` (a list of units) or not.
fn cell_of(
    fonts: &FontSet,
    style: Style,
    text: &str,
    width: f32,
    align: Align,
    names: bool,
) -> Result<Cell> {
    let glyphs = text::shape(fonts, style, text)?;
    let measure = width - 2.0 * PAD_X;
    let lines = if names {
        text::break_lines_preferring(&glyphs, measure, measure, text::after_name)
    } else {
        text::break_lines(&glyphs, measure, measure)
    };
    Ok(Cell {
        glyphs,
        lines,
        align,
    })
}

/// The names merged over runs of `columns` (whose edges are `xs`), set as header cells as
/// wide as their runs: (first, last, cell).
fn band_cells(
    fonts: &FontSet,
    strong: Style,
    columns: &[Column],
    xs: &[f32],
) -> Result<Vec<(usize, usize, Cell)>> {
    (band_runs(columns).into_iter())
        .map(|(first, last, name)| {
            let cell = header_cell(fonts, strong, name, xs[last + 1] - xs[first])?;
            Ok((first, last, cell))
        })
        .collect()
}

/// Runs of adjacent columns a two-row header merges one name over: (first, last, name).
fn band_runs(columns: &[Column]) -> Vec<(usize, usize, &str)> {
    let mut runs: Vec<(usize, usize, &str)> = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let name = column.over.trim();
        if name.is_empty() {
            continue;
        }
        match runs.last_mut() {
            Some((_, last, over)) if *last + 1 == i && *over == name => *last = i,
            _ => runs.push((i, i, name)),
        }
    }
    runs
}

/// The header's height and its band's: the band over the tallest name under it, and at
/// least as tall as a column's name standing alone over both rows.
fn header_heights(header: &[Cell], bands: &[(usize, usize, Cell)], line_h: f32) -> (f32, f32) {
    if bands.is_empty() {
        return (cells_height(header, line_h), 0.0);
    }
    let band_h = height_of(bands.iter().map(|(_, _, c)| c), line_h);
    let under = (header.iter().enumerate())
        .filter(|(i, _)| in_band(bands, *i))
        .map(|(_, c)| c);
    let alone = (header.iter().enumerate())
        .filter(|(i, _)| !in_band(bands, *i))
        .map(|(_, c)| height_of(std::iter::once(c), line_h))
        .fold(0.0f32, f32::max);
    ((band_h + height_of(under, line_h)).max(alone), band_h)
}

/// Whether column `i` stands under one of `bands`.
fn in_band(bands: &[(usize, usize, Cell)], i: usize) -> bool {
    (bands.iter()).any(|(first, last, _)| (*first..=*last).contains(&i))
}

fn cells_height(cells: &[Cell], line_h: f32) -> f32 {
    height_of(cells.iter(), line_h)
}

/// The height of a row of `cells`: its tallest cell's lines, padded.
fn height_of<'c>(cells: impl Iterator<Item = &'c Cell>, line_h: f32) -> f32 {
    let lines = cells.map(|c| c.lines.len()).max().unwrap_or(0).max(1);
    lines as f32 * line_h + 2.0 * PAD_Y
}

/// What the widths need of each column: its kind's bounds and its texts' widths (`texts`
/// shaped per column, header first; `labels` the group column's labels).
fn needs(
    spec: &TableSpec,
    texts: &[Vec<Vec<Glyph>>],
    labels: &[f32],
    (total, em): (f32, f32),
) -> Vec<ColumnNeed> {
    spec.columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let header = texts[c].first().map_or(0.0, |g| text::width(g));
            let mut widest_body = texts[c][1..]
                .iter()
                .map(|g| text::width(g))
                .fold(0.0f32, f32::max);
            if Some(c) == spec.group_column {
                widest_body = labels.iter().copied().fold(0.0f32, f32::max);
            }
            let volume = if Some(c) == spec.group_column {
                labels.iter().sum()
            } else {
                texts[c][1..].iter().map(|g| text::width(g)).sum()
            };
            let natural = header.max(widest_body) + 2.0 * PAD_X;
            // No wider than its texts need, each on one line: a deadline column holding
            // only — gives its room to the task. A column of names keeps its longest name
            // whole (县政府党组成员 over 何文斌, never 党组成/员), within its share.
            let mut min = column.min.min(natural);
            if column.names {
                let name = texts[c][1..]
                    .iter()
                    .map(|g| widest_name(g))
                    .fold(0.0f32, f32::max);
                let kept = (crate::render::NAME_KEPT_EMS * em).min(column.max_share * total);
                min = min.max((name + 2.0 * PAD_X + 0.5).min(kept));
            }
            ColumnNeed {
                volume,
                min,
                max_share: column.max_share,
                grow: column.grow,
                yields: column.yields,
                natural,
                header,
                widest_body,
            }
        })
        .collect()
}

/// The width of the widest name in a names cell's glyphs: the run up to each mark a list
/// breaks after (see [`text::after_name`]).
fn widest_name(glyphs: &[Glyph]) -> f32 {
    let (mut widest, mut run) = (0.0f32, 0.0f32);
    for g in glyphs {
        if g.ch == '\n' {
            run = 0.0;
            continue;
        }
        if g.ch != ' ' {
            run += g.advance;
        }
        widest = widest.max(run);
        if text::after_name(g.ch) {
            run = 0.0;
        }
    }
    widest
}

/// Column widths from content (see [`crate::render::widths`]), lines counted with the
/// shaped glyphs: a units column breaks between names.
fn column_widths(
    fonts: &FontSet,
    spec: &TableSpec,
    total: f32,
    body: Style,
    strong: Style,
) -> Result<Vec<f32>> {
    let n = spec.columns.len();
    // Per column: the shaped texts, header first; the group column's labels apart.
    let mut texts: Vec<Vec<Vec<Glyph>>> = vec![Vec::new(); n];
    for (c, column) in spec.columns.iter().enumerate() {
        texts[c].push(text::shape(fonts, strong, &column.header)?);
    }
    let mut labels: Vec<f32> = Vec::new();
    for row in &spec.rows {
        if let Row::Cells { cells, group } = row {
            let cols = (0..n).filter(|c| Some(*c) != spec.group_column);
            for (c, t) in cols.zip(cells) {
                texts[c].push(text::shape(fonts, body, t)?);
            }
            if let (Some(g), Some(_)) = (group, spec.group_column) {
                labels.push(text::width(&text::shape(fonts, body, &spec.groups[*g])?));
            }
        }
    }
    let needs = needs(spec, &texts, &labels, (total, body.size));
    let names: Vec<bool> = spec.columns.iter().map(|c| c.names).collect();
    let group_column = spec.group_column;
    let mut count = Remembered::new(|c: usize, width: f32| {
        // The group column's labels span their rows: they set no row's height.
        if Some(c) == group_column {
            return Vec::new();
        }
        let measure = width - 2.0 * PAD_X;
        texts[c]
            .iter()
            .map(|g| {
                if names[c] {
                    text::break_lines_preferring(g, measure, measure, text::after_name).len()
                } else {
                    text::break_lines(g, measure, measure).len()
                }
            })
            .collect()
    });
    Ok(widths::column_widths(
        &needs,
        total,
        spec.size,
        2.0 * PAD_X,
        &mut count,
    ))
}
