//! Tables that run over pages: column widths from content, wrapped cells, the header repeated
//! on every page, section rows across the width, a group column whose cells span their rows
//! (repeated with "（续）" after a page break), and rows split only when taller than a page.

use std::collections::HashMap;
use std::rc::Rc;

use super::fonts::{FontSet, Role};
use super::layout::{Align, Geometry};
use super::page::{Item, Page};
use super::text::{self, Glyph, Style};
use crate::base::diag::Result;

/// A column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Header text.
    pub header: String,
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
        .map(|(c, w)| cell(fonts, strong, &c.header, *w, Align::Center))
        .collect::<Result<_>>()?;
    let header_h = cells_height(&header, line_h);
    let mut state = State {
        fonts,
        pages,
        geo: *geo,
        y,
        xs,
        line_h,
        header,
        header_h,
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
                    state.close_group()?;
                    if let Some(g) = group {
                        state.open_group(*g, index, cells_height(&contents, line_h))?;
                    }
                }
                let other_cols = state.other_cols.clone();
                state.place_row(contents, &other_cols)?;
            }
        }
    }
    state.close_group()?;
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
        self.close_group()?;
        let (left, width) = (self.geo.left, self.geo.width);
        let c = cell(self.fonts, self.strong, title, width, Align::Left)?;
        let h = cells_height(std::slice::from_ref(&c), self.line_h);
        let next_h = self
            .spec
            .rows
            .get(index + 1)
            .map_or(0.0, |_| self.line_h + 2.0 * PAD_Y);
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
        if self.y + label_h.min(rows_h).max(first_h) > self.bottom() {
            self.new_page()?;
        }
        self.group = Some(OpenGroup {
            index: g,
            top: self.y,
            continued: false,
            label_h,
            rows_left_h: rows_h,
        });
        Ok(())
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
        for (i, c) in header.iter().enumerate() {
            let (x1, x2) = (self.xs[i], self.xs[i + 1]);
            self.draw_cell(c, x1, top, x2 - x1, h, 0..c.lines.len());
            self.frame(x1, top, x2, h, true);
        }
        self.header = header;
        self.y += h;
    }

    fn new_page(&mut self) -> Result<()> {
        // The group cell open on this page is drawn before the page ends.
        let reopen = self
            .group
            .as_ref()
            .map(|g| (g.index, g.label_h, g.rows_left_h));
        self.close_group()?;
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
            });
        }
        Ok(())
    }

    /// Draws the open group's merged cell from its top to the current y.
    fn close_group(&mut self) -> Result<()> {
        let (Some(group), Some(col)) = (self.group.take(), self.spec.group_column) else {
            return Ok(());
        };
        if self.y <= group.top + 0.01 {
            return Ok(());
        }
        let (x1, x2) = (self.xs[col], self.xs[col + 1]);
        let mut label = self.spec.groups[group.index].clone();
        if group.continued {
            label.push_str("（续）");
        }
        let fonts_cell = cell(self.fonts, self.group_style, &label, x2 - x1, Align::Center)?;
        let h = self.y - group.top;
        let fit = (((h - 2.0 * PAD_Y) / self.line_h + 0.01).floor().max(1.0)) as usize;
        let shown = fonts_cell.lines.len().min(fit);
        self.draw_cell(&fonts_cell, x1, group.top, x2 - x1, h, 0..shown);
        self.frame(x1, group.top, x2, h, true);
        Ok(())
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
            // The merged group cell needs its label's height over the group's rows.
            if let Some(group) = &self.group
                && !group.continued
            {
                let used = self.y - group.top;
                let is_last = (group.rows_left_h - h).abs() < 0.01 || group.rows_left_h < h;
                if is_last && used + h < group.label_h {
                    h = group.label_h - used;
                }
            }
            let page_body = self.bottom() - self.geo.top - self.header_h;
            // Too tall for what is left: a fresh page, unless this page is already fresh and
            // the row is taller than any page (then it is split below).
            let fresh = self.y <= self.geo.top + self.header_h + 0.01;
            if self.y + h > self.bottom() && (h <= page_body || !fresh) {
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

fn cells_height(cells: &[Cell], line_h: f32) -> f32 {
    let lines = cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(0)
        .max(1);
    lines as f32 * line_h + 2.0 * PAD_Y
}

/// Column widths from content: each column as wide as its longest line needs, within its
/// min and max share; the growing column takes what is left, and shrinks first when the
/// table is too wide; then width moves to the growing column wherever that makes the
/// table shorter ([`balance`]).
fn column_widths(
    fonts: &FontSet,
    spec: &TableSpec,
    total: f32,
    body: Style,
    strong: Style,
) -> Result<Vec<f32>> {
    let mut widths = natural_widths(fonts, spec, total, body, strong)?;
    balance(fonts, spec, &mut widths, body, strong)?;
    Ok(widths)
}

/// The table's texts, shaped once, and their line counts at the widths tried: widths move by
/// half ems, so a column's counts are known by its offset from the start, each worked out once.
struct Measured {
    /// Per column: the shaped texts, header first; empty for the group column.
    texts: Vec<Vec<Vec<Glyph>>>,
    names: Vec<bool>,
    start: Vec<f32>,
    step: f32,
    known: HashMap<(usize, i32), Rc<Vec<usize>>>,
}

impl Measured {
    fn new(
        fonts: &FontSet,
        spec: &TableSpec,
        widths: &[f32],
        body: Style,
        strong: Style,
    ) -> Result<Measured> {
        let n = spec.columns.len();
        let mut texts: Vec<Vec<Vec<Glyph>>> = vec![Vec::new(); n];
        for (c, column) in spec.columns.iter().enumerate() {
            if Some(c) != spec.group_column {
                texts[c].push(text::shape(fonts, strong, &column.header)?);
            }
        }
        for row in &spec.rows {
            if let Row::Cells { cells, .. } = row {
                let cols = (0..n).filter(|c| Some(*c) != spec.group_column);
                for (c, t) in cols.zip(cells) {
                    texts[c].push(text::shape(fonts, body, t)?);
                }
            }
        }
        Ok(Measured {
            texts,
            names: spec.columns.iter().map(|c| c.names).collect(),
            start: widths.to_vec(),
            step: spec.size / 2.0,
            known: HashMap::new(),
        })
    }

    /// Column `column`'s line count per row at `offset` steps from its starting width.
    fn lines(&mut self, column: usize, offset: i32) -> Rc<Vec<usize>> {
        if let Some(known) = self.known.get(&(column, offset)) {
            return known.clone();
        }
        let measure = self.start[column] + self.step * offset as f32 - 2.0 * PAD_X;
        let counts: Vec<usize> = self.texts[column]
            .iter()
            .map(|g| {
                if self.names[column] {
                    text::break_lines_preferring(g, measure, measure, text::after_name).len()
                } else {
                    text::break_lines(g, measure, measure).len()
                }
            })
            .collect();
        let counts = Rc::new(counts);
        self.known.insert((column, offset), counts.clone());
        counts
    }
}

/// The table's height in lines: each row as tall as its tallest cell.
fn height_in_lines(lines: &[Rc<Vec<usize>>]) -> usize {
    let rows = lines.iter().map(|c| c.len()).max().unwrap_or(0);
    (0..rows)
        .map(|r| {
            lines
                .iter()
                .filter_map(|c| c.get(r))
                .max()
                .copied()
                .unwrap_or(1)
        })
        .sum()
}

/// Where the balancing stands: each column's offset in steps, its line counts there.
struct Balance {
    grow: usize,
    offsets: Vec<i32>,
    lines: Vec<Rc<Vec<usize>>>,
    height: usize,
}

impl Balance {
    /// The height after `taken` steps from each column go to the growing one.
    fn height_after(&self, measured: &mut Measured, taken: &[i32]) -> usize {
        let mut trial = self.lines.clone();
        for (c, k) in taken.iter().enumerate().filter(|(_, k)| **k != 0) {
            trial[c] = measured.lines(c, self.offsets[c] - k);
        }
        let total: i32 = taken.iter().sum();
        trial[self.grow] = measured.lines(self.grow, self.offsets[self.grow] + total);
        height_in_lines(&trial)
    }

    /// The move that saves the most lines per step: one column giving up to 24 steps; or
    /// every column that can spare a few without growing the table giving them together
    /// (twelve count columns may each spare what no single one can); or the growing column
    /// giving some back to one whose text wraps (file names beside a half-empty 说明).
    fn best_move(
        &self,
        measured: &mut Measured,
        room: &[i32],
        grow_room: i32,
    ) -> Option<(Vec<i32>, usize)> {
        let n = room.len();
        let mut best: Option<(Vec<i32>, usize, f32)> = None;
        let mut consider = |taken: Vec<i32>, h: usize| {
            let total: i32 = taken.iter().sum::<i32>().abs();
            if h < self.height && total > 0 {
                let gain = (self.height - h) as f32 / total as f32;
                if best.as_ref().is_none_or(|b| gain > b.2) {
                    best = Some((taken, h, gain));
                }
            }
        };
        let mut harmless = vec![0i32; n];
        for c in (0..n).filter(|c| room[*c] > 0) {
            for k in 1..=room[c].min(24) {
                let mut taken = vec![0; n];
                taken[c] = k;
                let h = self.height_after(measured, &taken);
                if h <= self.height && k == harmless[c] + 1 && k <= 4 {
                    harmless[c] = k;
                }
                consider(taken, h);
            }
        }
        if harmless.iter().filter(|k| **k > 0).count() > 1 {
            for k in 1..=4 {
                let taken: Vec<i32> = harmless.iter().map(|h| k.min(*h)).collect();
                let h = self.height_after(measured, &taken);
                consider(taken, h);
            }
        }
        for c in (0..n).filter(|c| *c != self.grow) {
            for k in 1..=grow_room.min(24) {
                let mut taken = vec![0; n];
                taken[c] = -k;
                let h = self.height_after(measured, &taken);
                consider(taken, h);
            }
        }
        best.map(|(taken, h, _)| (taken, h))
    }
}

/// Moves width, half an em at a time, between the growing column and the others while that
/// makes the table shorter: a short list of units beside a long task wraps a line or two
/// more, the task many lines fewer (a one-task sheet then fits its first page). Columns never
/// go below their minimum, and a header goes to two lines at most.
fn balance(
    fonts: &FontSet,
    spec: &TableSpec,
    widths: &mut [f32],
    body: Style,
    strong: Style,
) -> Result<()> {
    let Some(grow) = spec.columns.iter().position(|c| c.grow) else {
        return Ok(());
    };
    let n = spec.columns.len();
    let mut measured = Measured::new(fonts, spec, widths, body, strong)?;
    let em = spec.size;
    let step = measured.step;
    // A header may go to two lines to save lines below it (牵头/任务), never to three.
    let floor: Vec<f32> = spec
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let header = measured.texts[c].first().map_or(0.0, |g| text::width(g));
            let half = (header / 2.0 / em - 0.01).ceil() * em;
            column.min.max(half + 2.0 * PAD_X + 0.5)
        })
        .collect();
    let lines: Vec<Rc<Vec<usize>>> = (0..n).map(|c| measured.lines(c, 0)).collect();
    let mut state = Balance {
        grow,
        offsets: vec![0; n],
        height: height_in_lines(&lines),
        lines,
    };
    // Each round makes one move; the count bounds the work on any table.
    for _ in 0..64 {
        let room: Vec<i32> = (0..n)
            .map(|c| {
                if c == grow || !spec.columns[c].yields {
                    0
                } else {
                    ((widths[c] - floor[c]) / step + 0.001).floor().max(0.0) as i32
                }
            })
            .collect();
        let grow_room = ((widths[grow] - floor[grow]) / step + 0.001)
            .floor()
            .max(0.0) as i32;
        let Some((taken, h)) = state.best_move(&mut measured, &room, grow_room) else {
            break;
        };
        for (c, k) in taken.iter().enumerate().filter(|(_, k)| **k != 0) {
            widths[c] -= step * *k as f32;
            widths[grow] += step * *k as f32;
            state.offsets[c] -= k;
            state.offsets[grow] += k;
            state.lines[c] = measured.lines(c, state.offsets[c]);
        }
        state.lines[grow] = measured.lines(grow, state.offsets[grow]);
        state.height = h;
    }
    Ok(())
}

fn natural_widths(
    fonts: &FontSet,
    spec: &TableSpec,
    total: f32,
    body: Style,
    strong: Style,
) -> Result<Vec<f32>> {
    let n = spec.columns.len();
    let mut natural = vec![0.0f32; n];
    for (i, column) in spec.columns.iter().enumerate() {
        natural[i] = text::width(&text::shape(fonts, strong, &column.header)?) + 2.0 * PAD_X;
    }
    for row in &spec.rows {
        if let Row::Cells { cells, group } = row {
            let mut col_iter = (0..n).filter(|c| Some(*c) != spec.group_column);
            for t in cells {
                let Some(c) = col_iter.next() else { break };
                let w = text::width(&text::shape(fonts, body, t)?) + 2.0 * PAD_X;
                natural[c] = natural[c].max(w);
            }
            if let (Some(g), Some(col)) = (group, spec.group_column) {
                let w = text::width(&text::shape(fonts, body, &spec.groups[*g])?) + 2.0 * PAD_X;
                natural[col] = natural[col].max(w);
            }
        }
    }
    let mut widths: Vec<f32> = spec
        .columns
        .iter()
        .zip(&natural)
        .map(|(c, w)| w.max(c.min).min(c.max_share * total).max(c.min))
        .collect();
    let sum: f32 = widths.iter().sum();
    let grow_column = spec.columns.iter().position(|c| c.grow);
    let grow = grow_column.unwrap_or(n - 1);
    if sum < total && grow_column.is_none() {
        // No text column to take the rest (a table of numbers): share it out evenly.
        let extra = (total - sum) / n as f32;
        for w in &mut widths {
            *w += extra;
        }
    } else if sum < total {
        widths[grow] += total - sum;
    } else if sum > total {
        // Take the excess from the growing column first, then from the others above their
        // minimum, in proportion.
        let mut excess = sum - total;
        let cut = (widths[grow] - spec.columns[grow].min).min(excess);
        widths[grow] -= cut;
        excess -= cut;
        if excess > 0.0 {
            let slack: f32 = widths
                .iter()
                .zip(&spec.columns)
                .map(|(w, c)| (w - c.min).max(0.0))
                .sum();
            if slack > 0.0 {
                for (w, c) in widths.iter_mut().zip(&spec.columns) {
                    let s = (*w - c.min).max(0.0);
                    *w -= excess * s / slack;
                }
            }
        }
    }
    Ok(widths)
}
