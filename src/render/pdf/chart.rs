//! Bar charts as vector drawing: horizontal bars, one per row, stacked when there are several
//! series, a legend, and the value at the end of each bar. The numbers are the view's
//! ([`Chart`]); the Markdown shows the same numbers as a table for `.md`/DOCX readers.

use super::fonts::{FontSet, Role};
use super::layout::{Geometry, baseline};
use super::page::{Item, Page};
use super::text::{self, Style};
use crate::base::diag::Result;
use crate::view::Chart;

use crate::view::series_color;

const SIZE: f32 = 10.5;
const BAR_H: f32 = 10.0;
const ROW_H: f32 = 16.0;
/// Line height of a wrapped label.
const LINE_H: f32 = 12.5;

/// Draws `chart` from `top` in the 版心, over pages as needed; returns the y below it.
pub fn place(
    fonts: &FontSet,
    pages: &mut Vec<Page>,
    geo: &Geometry,
    top: f32,
    chart: &Chart,
) -> Result<f32> {
    let style = Style::new(Role::Body, SIZE);
    let mut label_w: f32 = 0.0;
    for bar in &chart.bars {
        label_w = label_w.max(text::width(&text::shape(fonts, style, &bar.label)?));
    }
    let label_w = label_w.min(geo.width * 0.32) + 6.0;
    let value_w = 3.5 * SIZE;
    let bar_x = geo.left + label_w;
    let totals: Vec<f64> = chart
        .bars
        .iter()
        .map(|b| b.values.iter().map(|v| v.max(0.0)).sum())
        .collect();
    let new_page = |pages: &mut Vec<Page>| pages.push(Page::new(geo.page_w, geo.page_h));
    if pages.is_empty() {
        new_page(pages);
    }
    let mut y = top;
    if chart.series.len() > 1 {
        if y + ROW_H > geo.bottom() {
            new_page(pages);
            y = geo.top;
        }
        y = legend(fonts, pages, bar_x, y, chart)?;
    }
    // A label too long for its column wraps (never cut): its row grows to hold it.
    let mut rows = Vec::with_capacity(chart.bars.len());
    for bar in &chart.bars {
        let glyphs = text::shape(fonts, style, &bar.label)?;
        let lines = text::break_lines(&glyphs, label_w - 6.0, label_w - 6.0);
        let row_h = ROW_H.max(lines.len() as f32 * LINE_H + (ROW_H - LINE_H));
        rows.push((glyphs, lines, row_h));
    }
    // A chart a little taller than a page closes its rows up (to 70%) rather than send a
    // few bars over the page.
    let needed: f32 = rows.iter().map(|r| r.2).sum::<f32>() + (y - top);
    let page_body = geo.bottom() - geo.top;
    let squeeze = if needed > page_body {
        (page_body / needed).max(0.7)
    } else {
        1.0
    };
    let bars = Bars {
        x: bar_x,
        w: (geo.width - label_w - value_w).max(geo.width * 0.3),
        h: BAR_H * squeeze.max(0.8),
        line_h: LINE_H * squeeze.max(0.85),
        max: if chart.percent {
            100.0
        } else {
            totals.iter().copied().fold(0.0, f64::max).max(1.0)
        },
        style,
    };
    let mut rows_top = y;
    for ((bar, total), (glyphs, lines, row_h)) in chart.bars.iter().zip(&totals).zip(rows) {
        let row_h = (row_h * squeeze).max(lines.len() as f32 * bars.line_h + 1.0);
        if y + row_h > geo.bottom() {
            axis(pages, bar_x, rows_top, y);
            new_page(pages);
            y = geo.top;
            rows_top = y;
        }
        let Some(page) = pages.last_mut() else {
            break;
        };
        let row = Row {
            label: &glyphs,
            lines: &lines,
            values: &bar.values,
            total: *total,
        };
        bars.draw(fonts, page, chart, row, y + row_h / 2.0)?;
        y += row_h;
    }
    axis(pages, bar_x, rows_top, y);
    Ok(y + 4.0)
}

/// The legend, one swatch and name per series, at `y` from `x`; returns the y below it.
fn legend(fonts: &FontSet, pages: &mut [Page], x: f32, y: f32, chart: &Chart) -> Result<f32> {
    let style = Style::new(Role::Body, SIZE);
    let mut x = x;
    for (i, name) in chart.series.iter().enumerate() {
        let glyphs = text::shape(fonts, style, name)?;
        let w = text::width(&glyphs);
        if let Some(page) = pages.last_mut() {
            page.items.push(Item::Fill {
                x,
                y: y + (ROW_H - BAR_H) / 2.0,
                w: BAR_H,
                h: BAR_H,
                color: series_color(name, i),
            });
            page.items.push(Item::Text {
                x: x + BAR_H + 3.0,
                y: baseline(y + (ROW_H - SIZE) / 2.0, SIZE),
                glyphs,
            });
        }
        x += BAR_H + 3.0 + w + 12.0;
    }
    Ok(y + ROW_H + 2.0)
}

/// How the bars of a chart are drawn: where they start, the width of the largest value,
/// a bar's height, a label's line height, the value a full bar stands for.
struct Bars {
    x: f32,
    w: f32,
    h: f32,
    line_h: f32,
    max: f64,
    style: Style,
}

/// One bar's label (shaped and broken into lines), its values and their total.
struct Row<'a> {
    label: &'a [text::Glyph],
    lines: &'a [text::Line],
    values: &'a [f64],
    total: f64,
}

impl Bars {
    /// Draws `row` centred on `mid`: its label right-aligned before the axis, its stacked
    /// bar, its total after the bar.
    fn draw(
        &self,
        fonts: &FontSet,
        page: &mut Page,
        chart: &Chart,
        row: Row<'_>,
        mid: f32,
    ) -> Result<()> {
        let line_h = self.line_h;
        let first_top = mid - row.lines.len() as f32 * line_h / 2.0 + (line_h - SIZE) / 2.0;
        for (n, line) in row.lines.iter().enumerate() {
            let run = row.label[line.start..line.end].to_vec();
            let w = text::width(&run);
            page.items.push(Item::Text {
                x: self.x - 6.0 - w,
                y: baseline(first_top + n as f32 * line_h, SIZE),
                glyphs: run,
            });
        }
        let mut x = self.x;
        for (i, value) in row.values.iter().enumerate() {
            let w = (*value / self.max) as f32 * self.w;
            if w > 0.0 {
                page.items.push(Item::Fill {
                    x,
                    y: mid - self.h / 2.0,
                    w,
                    h: self.h,
                    color: series_color(chart.series.get(i).map_or("", |s| s.as_str()), i),
                });
            }
            x += w;
        }
        let shown = if chart.percent {
            format!("{}%", crate::base::number::fmt_rate(row.total))
        } else {
            crate::base::number::fmt_number(row.total)
        };
        page.items.push(Item::Text {
            x: x + 3.0,
            y: baseline(mid - SIZE / 2.0, SIZE),
            glyphs: text::shape(fonts, self.style, &shown)?,
        });
        Ok(())
    }
}

/// The axis at the bars' left edge, from `top` to `bottom` on the last page.
fn axis(pages: &mut [Page], x: f32, top: f32, bottom: f32) {
    if let Some(page) = pages.last_mut()
        && bottom > top
    {
        page.items.push(Item::Rule {
            x1: x,
            y1: top,
            x2: x,
            y2: bottom,
            width: 0.5,
            color: [0x60, 0x60, 0x60],
        });
    }
}
