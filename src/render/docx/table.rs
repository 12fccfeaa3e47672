//! Word tables from the Markdown's pipe tables: widths from the column kinds and the text,
//! a header row repeated on every page, rows that do not split across pages, a section row
//! across the width, and a leading 主要事项 column whose label is merged down over its rows.

use std::fmt::Write as _;

use super::WordFonts;
use super::xml::{Face, Para, RunStyle, tw};
use crate::render::widths::{self, ColumnNeed, Remembered};
use crate::render::{Align, ColumnKind};

/// Cell padding left and right, pt (as the PDF's).
pub const PAD_X: f32 = 4.0;

const HEADER_FILL: &str = "EDEDED";
/// Tables of up to this many rows are kept on one page (as the PDF keeps them).
const SMALL_TABLE: usize = 10;
/// Word's fonts are not the PDF's: widths are worked out with this much to spare, so a
/// date or a name sized to fit on one line does.
const SPARE: f32 = 1.08;
const SECTION_FILL: &str = "F6F6F6";

/// A table's header: each column's name, and the names a two-row header merges over runs
/// of them (one a column, empty under none; no bands when empty).
#[derive(Clone, Copy)]
pub struct Header<'a> {
    /// Each column's own name.
    pub names: &'a [String],
    /// The name over each column, if any.
    pub bands: &'a [String],
}

/// A table as Word XML, `width` twips wide, its text at `size` pt, on a page `page_h` pt
/// high.
#[allow(clippy::too_many_arguments)]
pub fn table(
    fonts: &WordFonts,
    Header {
        names: header,
        bands,
    }: Header,
    aligns: &[Align],
    rows: &[Vec<(bool, String)>],
    kinds: Option<&[ColumnKind]>,
    width: i32,
    size: f32,
    page_h: f32,
) -> String {
    let widths = column_widths(header, rows, kinds, width, size);
    // A table of a few rows is kept on one page, as the PDF keeps it: every row's
    // paragraphs keep with the next row. Not one over a third of a page: the PDF splits
    // that rather than leave a page of text alone (a unit's letter on a page of its own),
    // and Word would move it whole.
    let kept_whole =
        rows.len() <= SMALL_TABLE && height_estimate(header, rows, &widths, size) <= page_h / 3.0;
    let rows_of = RowWriter {
        fonts,
        aligns,
        kinds,
        group_at: crate::render::merged_group_column(kinds, rows),
        line: tw(size * 1.5),
        widths,
        size,
        kept_whole,
        page_h,
    };
    let mut x = table_start(width, &rows_of.widths);
    rows_of.header(&mut x, header, bands, rows.is_empty());
    let mut in_group = false;
    for (r, cells) in rows.iter().enumerate() {
        rows_of.row(&mut x, cells, r + 1 == rows.len(), &mut in_group);
    }
    x.push_str("</w:tbl>");
    x
}

/// A table's properties (borders, fixed layout, cell margins) and its grid of `widths`.
fn table_start(width: i32, widths: &[i32]) -> String {
    let mut x = String::new();
    let _ = write!(
        x,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{pad}" w:type="dxa"/><w:left w:w="{padx}" w:type="dxa"/><w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="{padx}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#,
        ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|side| format!(
                r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
            ))
            .collect::<String>(),
        pad = tw(4.0),
        padx = tw(PAD_X),
    );
    for w in widths {
        let _ = write!(x, r#"<w:gridCol w:w="{w}"/>"#);
    }
    x.push_str("</w:tblGrid>");
    x
}

/// Writes a table's rows: what every row of one table shares.
struct RowWriter<'a> {
    fonts: &'a WordFonts,
    aligns: &'a [Align],
    kinds: Option<&'a [ColumnKind]>,
    /// The 主要事项 column merged down its tasks (see [`crate::render::merged_group_column`]).
    group_at: Option<usize>,
    /// A cell line's height, twips.
    line: i32,
    widths: Vec<i32>,
    size: f32,
    kept_whole: bool,
    page_h: f32,
}

impl RowWriter<'_> {
    /// The header, repeated on every page: one row, or two under names merged over runs of
    /// columns (`bands`), a column under none merged down both.
    fn header(&self, x: &mut String, names: &[String], bands: &[String], last_row: bool) {
        let row = r#"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#;
        let band = |i: usize| bands.get(i).map_or("", |b| b.trim());
        let name_cell = |i: usize, extra: &str| {
            let para = self.para(&names[i], Face::Hei, Align::Center, last_row);
            cell(self.widths[i], Some(HEADER_FILL), extra, &para)
        };
        x.push_str(row);
        let mut i = 0;
        while i < names.len() {
            let over = band(i);
            if over.is_empty() {
                let merged = !bands.is_empty() && bands.iter().any(|b| !b.trim().is_empty());
                let extra = match merged {
                    true => r#"<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>"#,
                    false => "",
                };
                x.push_str(&name_cell(i, extra));
                i += 1;
                continue;
            }
            let run = (i..names.len()).take_while(|&k| band(k) == over).count();
            let para = self.para_kept(over, Face::Hei, Align::Center, true);
            let width: i32 = self.widths[i..i + run].iter().sum();
            let span = format!(r#"<w:gridSpan w:val="{run}"/>"#);
            x.push_str(&cell(width, Some(HEADER_FILL), &span, &para));
            i += run;
        }
        x.push_str("</w:tr>");
        if bands.iter().all(|b| b.trim().is_empty()) {
            return;
        }
        x.push_str(row);
        for i in 0..names.len() {
            if band(i).is_empty() {
                let para = self.para("", Face::Hei, Align::Center, last_row);
                x.push_str(&cell(
                    self.widths[i],
                    Some(HEADER_FILL),
                    "<w:vMerge/>",
                    &para,
                ));
            } else {
                x.push_str(&name_cell(i, r#"<w:vAlign w:val="center"/>"#));
            }
        }
        x.push_str("</w:tr>");
    }

    fn kind_of(&self, i: usize) -> Option<ColumnKind> {
        self.kinds.and_then(|k| k.get(i)).copied()
    }

    /// A cell's paragraph.
    fn para(&self, text: &str, face: Face, align: Align, last_row: bool) -> String {
        self.para_kept(text, face, align, self.kept_whole && !last_row)
    }

    /// A cell's paragraph, kept with the row under it when `keep` (a band over its tasks).
    fn para_kept(&self, text: &str, face: Face, align: Align, keep: bool) -> String {
        let p = Para::new().exact(self.line).align(align).run(
            self.fonts,
            &RunStyle::new(face, self.size),
            text,
        );
        if keep { p.keep_next().xml() } else { p.xml() }
    }

    /// One body row: a section row across the width, or a row of cells whose 主要事项 cell
    /// (when the table has one) opens or continues a merged group cell.
    fn row(&self, x: &mut String, cells: &[(bool, String)], last_row: bool, in_group: &mut bool) {
        let only_first = cells.iter().skip(1).all(|(_, t)| t.is_empty());
        // A row is kept on one page, as the PDF keeps it, unless it is over half a page:
        // moved whole it would leave most of a page blank (a ledger's task with its
        // measures), and one taller than a page would be cut.
        let tall = row_height(
            cells.iter().map(|(_, t)| t.as_str()),
            &self.widths,
            self.size,
        ) > self.page_h / 2.0;
        x.push_str(if tall {
            "<w:tr>"
        } else {
            r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#
        });
        match cells.first() {
            Some((true, t)) if only_first && !t.is_empty() => {
                *in_group = false;
                let span = format!(r#"<w:gridSpan w:val="{}"/>"#, self.widths.len());
                // A section's band never ends a page: it goes over with its first task, as
                // the PDF's does.
                x.push_str(&cell(
                    self.widths.iter().sum(),
                    Some(SECTION_FILL),
                    &span,
                    &self.para_kept(t, Face::Hei, Align::Left, !last_row),
                ));
            }
            _ => {
                for (i, width) in self.widths.iter().enumerate() {
                    let text = cells.get(i).map_or("", |(_, t)| t.as_str());
                    if self.group_at == Some(i) {
                        // A label opens a merged cell; an empty cell continues it.
                        let merge = if !text.is_empty() || !*in_group {
                            *in_group = true;
                            r#"<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>"#
                        } else {
                            "<w:vMerge/>"
                        };
                        let content = self.para(text, Face::Kai, Align::Center, last_row);
                        x.push_str(&cell(*width, None, merge, &content));
                        continue;
                    }
                    let sizing = ColumnKind::sizing(self.kind_of(i), false);
                    let align = sizing
                        .align
                        .unwrap_or_else(|| self.aligns.get(i).copied().unwrap_or(Align::Left));
                    let content = self.para(text, Face::Body, align, last_row);
                    // A row split over pages reads from its top on each.
                    let valign = if tall {
                        r#"<w:vAlign w:val="top"/>"#
                    } else {
                        r#"<w:vAlign w:val="center"/>"#
                    };
                    x.push_str(&cell(*width, None, valign, &content));
                }
            }
        }
        x.push_str("</w:tr>");
    }
}

/// A `w:tc`: its width, fill, extra properties (span, merge, alignment) and content.
fn cell(width: i32, fill: Option<&str>, extra: &str, content: &str) -> String {
    let shading = fill
        .map(|f| format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{f}"/>"#))
        .unwrap_or_default();
    // tcPr order: tcW, gridSpan, vMerge, tcBorders, shd, …, vAlign.
    let (span_merge, valign) = match extra.find("<w:vAlign") {
        Some(at) => (&extra[..at], &extra[at..]),
        None => (extra, ""),
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_merge}{shading}{valign}</w:tcPr>{content}</w:tc>"#
    )
}

/// Widths in twips, from content (see [`crate::render::widths`]), lines estimated from
/// each text's width in ems (Word breaks them, not us); a date never wraps.
fn column_widths(
    header: &[String],
    rows: &[Vec<(bool, String)>],
    kinds: Option<&[ColumnKind]>,
    total: i32,
    size: f32,
) -> Vec<i32> {
    let n = header.len();
    let kind_of = |i: usize| kinds.and_then(|k| k.get(i)).copied();
    let group_at = crate::render::merged_group_column(kinds, rows);
    let is_group = |c: usize| group_at == Some(c);
    let pad = 2.0 * PAD_X;
    let points = total as f32 / 20.0;
    // Every column's texts in ems, the header first. A section band spans the table: its
    // words, in the first column's cell, say nothing of that column's width.
    let is_band = |r: &Vec<(bool, String)>| {
        r.first().is_some_and(|(bold, _)| *bold) && r.iter().skip(1).all(|(_, t)| t.is_empty())
    };
    let ems: Vec<Vec<f32>> = (0..n)
        .map(|c| {
            std::iter::once(cell_ems(&header[c]))
                .chain(
                    rows.iter()
                        .filter(|r| !is_band(r))
                        .map(|r| r.get(c).map_or(0.0, |(_, t)| cell_ems(t))),
                )
                .collect()
        })
        .collect();
    let needs: Vec<ColumnNeed> = (0..n)
        .map(|c| {
            let sizing = ColumnKind::sizing(kind_of(c), is_group(c));
            // A header's ideographs are an em each in Word as here: no spare (with it, three
            // a line counted as 3.24 ems took a fourth em in every narrow column).
            let header = ems[c][0] * size;
            let widest_body = ems[c][1..].iter().copied().fold(0.0f32, f32::max) * size * SPARE;
            let natural = header.max(widest_body) + pad;
            let mut min = sizing.min_em * size * SPARE + sizing.min_pt;
            // A date never wraps; its header may, onto two lines.
            if kind_of(c) == Some(ColumnKind::Date) {
                let whole = widest_body.max(header / 2.0) + pad;
                min = min.max(whole.min(sizing.max_share * points));
            }
            // A column of names keeps its longest name whole, within its share.
            if ColumnKind::holds_names(kind_of(c)) {
                let name = (rows.iter().filter(|r| !is_band(r)))
                    .filter_map(|r| r.get(c))
                    .flat_map(|(_, t)| crate::render::name_pieces(t))
                    .map(cell_ems)
                    .fold(0.0f32, f32::max);
                let kept = (crate::render::NAME_KEPT_EMS * size).min(sizing.max_share * points);
                min = min.max((name * size * SPARE + pad).min(kept));
            }
            ColumnNeed {
                volume: ems[c][1..].iter().sum::<f32>() * size * SPARE,
                min,
                max_share: sizing.max_share,
                grow: sizing.grow,
                yields: !is_group(c),
                natural,
                header,
                widest_body,
            }
        })
        .collect();
    let mut count = Remembered::new(|c: usize, width: f32| {
        if is_group(c) {
            return Vec::new();
        }
        ems[c].iter().map(|e| lines(*e, width, size)).collect()
    });
    let widths = widths::column_widths(&needs, points, size, pad, &mut count);
    let mut out: Vec<i32> = widths.iter().map(|w| tw(*w)).collect();
    // Whole twips that add up to the table's width exactly.
    let diff = total - out.iter().sum::<i32>();
    if let Some(last) = out.last_mut() {
        *last += diff;
    }
    out
}

/// About how tall the table is, pt, at `widths` (twips): each row its tallest cell's lines.
fn height_estimate(
    header: &[String],
    rows: &[Vec<(bool, String)>],
    widths: &[i32],
    size: f32,
) -> f32 {
    let head = row_height(header.iter().map(String::as_str), widths, size);
    head + rows
        .iter()
        .map(|r| row_height(r.iter().map(|(_, t)| t.as_str()), widths, size))
        .sum::<f32>()
}

/// About how tall a row of `texts` is, pt, at `widths` (twips): its tallest cell's lines.
fn row_height<'a>(texts: impl Iterator<Item = &'a str>, widths: &[i32], size: f32) -> f32 {
    let lines = texts
        .zip(widths)
        .map(|(t, w)| lines(cell_ems(t), *w as f32 / 20.0, size))
        .max()
        .unwrap_or(1);
    lines as f32 * size * 1.5 + 8.0
}

/// Width of a cell's text in ems, with a quarter em where ideographs meet digits or Latin:
/// LibreOffice spaces them so whatever the file asks (Word does not), and a date sized to
/// fit one line must fit in both.
fn cell_ems(text: &str) -> f32 {
    let wide = |c: char| crate::base::cjk::is_wide(c) && c.is_alphabetic();
    let narrow = |c: char| c.is_ascii_alphanumeric();
    let chars: Vec<char> = text.chars().collect();
    let meets = chars
        .windows(2)
        .filter(|w| (wide(w[0]) && narrow(w[1])) || (narrow(w[0]) && wide(w[1])))
        .count();
    super::ems(text) + 0.25 * meets as f32
}

/// Lines a text `ems` wide needs at `width` pt (approximate: Word breaks it, not us).
fn lines(ems: f32, width: f32, size: f32) -> usize {
    let measure = (width - 2.0 * PAD_X).max(size);
    ((ems * size * SPARE) / measure).ceil().max(1.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds() -> Vec<ColumnKind> {
        vec![
            ColumnKind::Group,
            ColumnKind::No,
            ColumnKind::Content,
            ColumnKind::Units,
        ]
    }

    #[test]
    fn widths_fill_the_table_and_content_takes_the_most() {
        let header: Vec<String> = ["主要事项", "序号", "具体内容", "责任单位"]
            .map(String::from)
            .to_vec();
        let rows = vec![vec![
            (false, "（一）加强组织领导".to_string()),
            (false, "1".to_string()),
            (false, "内容".repeat(60)),
            (false, "区发展改革委、区教育局".to_string()),
        ]];
        let w = column_widths(&header, &rows, Some(&kinds()), 8844, 12.0);
        assert_eq!(w.iter().sum::<i32>(), 8844);
        assert!(w[2] > w[0] && w[2] > w[3], "{w:?}");
    }

    /// A long section band in a table whose first column is 序号 leaves 序号 narrow.
    #[test]
    fn a_section_band_does_not_widen_the_first_column() {
        let header: Vec<String> = ["序号", "具体内容", "责任单位"].map(String::from).to_vec();
        let band = vec![
            (true, "一、2023年全区经济社会发展的主要预期目标".to_string()),
            (false, String::new()),
            (false, String::new()),
        ];
        let task = vec![
            (false, "1".to_string()),
            (false, "地区生产总值增长7%以上".to_string()),
            (false, "区发展和改革局".to_string()),
        ];
        let kinds = [ColumnKind::No, ColumnKind::Content, ColumnKind::Units];
        let w = column_widths(&header, &[band, task], Some(&kinds), 12756, 12.0);
        assert!(w[0] * 6 < w[1], "{w:?}");
    }

    #[test]
    fn group_labels_merge_down_and_sections_span() {
        let header: Vec<String> = ["主要事项", "序号", "具体内容", "责任单位"]
            .map(String::from)
            .to_vec();
        let row = |g: &str, no: &str| {
            vec![
                (false, g.to_string()),
                (false, no.to_string()),
                (false, "内容".to_string()),
                (false, "区教育局".to_string()),
            ]
        };
        let section = vec![
            (true, "一、总体要求".to_string()),
            (false, String::new()),
            (false, String::new()),
            (false, String::new()),
        ];
        let rows = vec![
            section,
            row("（一）甲", "1"),
            row("", "2"),
            row("（二）乙", "3"),
        ];
        let xml = table(
            &WordFonts::standard(),
            Header {
                names: &header,
                bands: &[],
            },
            &[],
            &rows,
            Some(&kinds()),
            8844,
            12.0,
            640.0,
        );
        assert_eq!(xml.matches(r#"<w:vMerge w:val="restart"/>"#).count(), 2);
        assert_eq!(xml.matches("<w:vMerge/>").count(), 1);
        assert!(xml.contains(r#"<w:gridSpan w:val="4"/>"#));
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
        assert_eq!(xml.matches("<w:cantSplit/>").count(), 5);
        // Four short rows: kept whole, each row's paragraphs with the next.
        assert!(xml.contains("<w:keepNext/>"));
    }

    #[test]
    fn a_row_over_half_a_page_may_split_and_reads_from_its_top() {
        let header: Vec<String> = ["主要事项", "序号", "具体内容", "责任单位"]
            .map(String::from)
            .to_vec();
        let long = "推进重点项目建设，完善配套设施，按月跟踪进度并通报。".repeat(30);
        let rows = vec![
            vec![
                (false, "（一）甲".to_string()),
                (false, "1".to_string()),
                (false, long),
                (false, "区发展改革委".to_string()),
            ],
            vec![
                (false, String::new()),
                (false, "2".to_string()),
                (false, "建成公园一座。".to_string()),
                (false, "区绿化市容局".to_string()),
            ],
        ];
        let xml = table(
            &WordFonts::standard(),
            Header {
                names: &header,
                bands: &[],
            },
            &[],
            &rows,
            Some(&kinds()),
            8844,
            12.0,
            640.0,
        );
        // The header and the short row are kept whole; the tall one is not.
        assert_eq!(xml.matches("<w:cantSplit/>").count(), 2);
        let tall = xml.split("<w:tr>").nth(2).unwrap();
        assert!(tall.contains(r#"<w:vAlign w:val="top"/>"#), "{tall}");
    }

    /// Five tasks of long text.
    fn long_rows() -> Vec<Vec<(bool, String)>> {
        (1..=5)
            .map(|i| vec![(false, i.to_string()), (false, "内容".repeat(150))])
            .collect()
    }

    /// The table of `rows` under 序号 | 具体内容 on a page `page_h` high.
    fn numbered_table(rows: &[Vec<(bool, String)>], page_h: f32) -> String {
        let header: Vec<String> = ["序号", "具体内容"].map(String::from).to_vec();
        let kinds = [ColumnKind::No, ColumnKind::Content];
        table(
            &WordFonts::standard(),
            Header {
                names: &header,
                bands: &[],
            },
            &[],
            rows,
            Some(&kinds),
            8844,
            12.0,
            page_h,
        )
    }

    #[test]
    fn a_small_table_over_a_third_of_a_page_is_not_kept_whole() {
        let rows = long_rows();
        assert!(!numbered_table(&rows, 640.0).contains("<w:keepNext/>"));
        assert!(numbered_table(&rows, 64000.0).contains("<w:keepNext/>"));
    }

    /// In a table too tall to keep whole, a section's band still goes over a page with its
    /// first task (泾县's 三、坚定不移抓改革优环境 ended page 3 alone); the last row keeps
    /// with nothing.
    #[test]
    fn a_band_keeps_with_its_first_task_in_a_long_table() {
        let mut rows = long_rows();
        rows.insert(
            2,
            vec![
                (true, "三、坚定不移抓改革优环境".to_string()),
                (true, String::new()),
            ],
        );
        rows.push(vec![(true, "四、末行".to_string()), (true, String::new())]);
        let xml = numbered_table(&rows, 640.0);
        let band = xml
            .split("<w:tr>")
            .find(|r| r.contains("三、坚定"))
            .unwrap();
        assert!(band.contains("<w:keepNext/>"), "{band}");
        let last = xml
            .split("<w:tr>")
            .find(|r| r.contains("四、末行"))
            .unwrap();
        assert!(!last.contains("<w:keepNext/>"), "{last}");
        assert_eq!(xml.matches("<w:keepNext/>").count(), 1);
    }
}
