//! A table's header set over several lines in a PDF's text. Word centres a header's names
//! vertically in their cells: `pdftotext -layout` sets the one-line names on the middle
//! line and a name its narrow column wrapped above and below it (序 / 号, 责任领 / 导), and
//! a name merged over two columns (责任单位 over 牵头单位 | 配合单位) on a line of its own.
//! The lines are read as one header line, each name at the column it stands over.

use super::{Measure, Places, cells_at_columns, prose};
use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::{Column, HeaderMap};

/// A piece of a header line: the line (0 above the main line's first, in order), where it
/// starts and ends, and its words.
#[derive(Debug, Clone)]
struct Piece {
    line: usize,
    start: usize,
    end: usize,
    text: String,
}

/// A name merged over columns, with the names of those it stands over.
pub(super) type Band = (String, Vec<String>);

/// A header read from the lines it was set over.
struct Stacked {
    /// The lines it takes, `from..to`.
    from: usize,
    to: usize,
    /// The one header line to read instead, its names at their columns.
    line: String,
    names: Vec<String>,
    /// The names merged over columns, each with the names it stands over.
    bands: Vec<Band>,
}

/// A column's name gathered from the header's lines, top to bottom.
#[derive(Debug)]
struct Name {
    pieces: Vec<Piece>,
}

impl Name {
    fn start(&self) -> usize {
        self.pieces.iter().map(|p| p.start).min().unwrap_or(0)
    }

    fn end(&self) -> usize {
        self.pieces.iter().map(|p| p.end).max().unwrap_or(0)
    }

    fn text(&self) -> String {
        let mut pieces = self.pieces.clone();
        pieces.sort_by_key(|p| p.line);
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn overlaps(&self, piece: &Piece) -> bool {
        piece.start < self.end() && self.start() < piece.end
    }
}

/// Each header set over several lines joined onto its middle line, the others emptied (every
/// line keeps its number); said once. The names merged over columns, with the line (index)
/// of the header they stand in, for the table read there to print.
pub(super) fn join_header_lines(
    lines: &mut [String],
    places: Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, Vec<Band>)> {
    let mut joined: Vec<(usize, Vec<String>, Vec<Band>)> = Vec::new();
    let mut banded = Vec::new();
    // Headers read on a line of their own: repeated at a page's top, the same header is
    // one line again, whatever short words stand under it (a row's cut cell, 月底前).
    let mut one_line: Vec<Vec<(usize, String)>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let words = header_words(&lines[i], 8);
        let repeated = words.as_ref().is_some_and(|w| {
            let names =
                |w: &[(usize, String)]| w.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();
            one_line.iter().any(|o| names(o) == names(w))
        });
        let over_lines = (!repeated).then(|| header_over_lines(lines, i)).flatten();
        let Some(Stacked {
            from,
            to,
            line,
            names,
            bands,
        }) = over_lines
        else {
            if let Some(words) = words.filter(|w| {
                HeaderMap::detect(&w.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>()).is_some()
            }) {
                one_line.push(words);
            }
            i += 1;
            continue;
        };
        // A page's form feed over the header (one repeated at its top) stays with it: the
        // page's columns are read from there.
        let page = (lines[from..to].iter()).any(|l| l.starts_with(super::PAGE_BREAK));
        for (k, l) in lines.iter_mut().enumerate().take(to).skip(from) {
            if k == i {
                *l = if page {
                    format!("{}{line}", super::PAGE_BREAK)
                } else {
                    line.clone()
                };
            } else {
                l.clear();
            }
        }
        if !bands.is_empty() {
            banded.push((i, bands.clone()));
        }
        joined.push((from, names, bands));
        i = to;
    }
    let Some((first, names, bands)) = joined.first() else {
        return banded;
    };
    let mut said = format!(
        "表头的列名排在几行上（PDF 中的窄列、上下居中的表头格），已合起来读作「{}」",
        names.join("」「")
    );
    for (band, under) in bands {
        said.push_str(&format!(
            "；「{band}」跨在「{}」之上，各列按下一行的列名读",
            under.join("」「")
        ));
    }
    if joined.len() > 1 {
        said.push_str(&format!("（共 {} 处，翻页重复的表头同样读）", joined.len()));
    }
    diagnostics.push(Diagnostic::note(
        "table/header-stacked",
        places.at(*first as u32 + 1),
        said,
    ));
    banded
}

/// The header whose names' middle line is line `at`, when lines above or below it hold more
/// of its names.
fn header_over_lines(lines: &[String], at: usize) -> Option<Stacked> {
    let main = header_words(&lines[at], 8)?;
    if main.len() < 2 || !main.iter().any(|(_, t)| Column::from_header(t).is_some()) {
        return None;
    }
    // Up to two lines each side, short names only (a table's title is longer).
    let short = |k: usize| -> Option<Vec<(usize, String)>> {
        let line = &lines[k];
        if prose::is_attachment_label(line) || super::names_a_plan(line.trim()) {
            return None;
        }
        header_words(line, 5)
    };
    let above: Vec<usize> = (at.saturating_sub(2)..at)
        .rev()
        .take_while(|&k| short(k).is_some())
        .collect();
    let below: Vec<usize> = (at + 1..(at + 3).min(lines.len()))
        .take_while(|&k| short(k).is_some())
        .collect();
    // The most lines that read as one header (a wrapped title's tail above it is none of it).
    let mut spans: Vec<(usize, usize)> = (0..=above.len())
        .flat_map(|a| (0..=below.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| a + b > 0)
        .collect();
    spans.sort_by_key(|&(a, b)| std::cmp::Reverse((a + b, b)));
    let main_texts: Vec<&str> = main.iter().map(|(_, t)| t.as_str()).collect();
    let (from, to, names, bands) = spans.into_iter().find_map(|(a, b)| {
        let (from, to) = (at - a, at + b + 1);
        let mut pieces = Vec::new();
        for k in from..to {
            let words = if k == at { main.clone() } else { short(k)? };
            pieces.extend(words.into_iter().map(|(start, text)| Piece {
                line: k - from,
                end: start + text.chars().count(),
                start,
                text,
            }));
        }
        let (names, bands) = gathered(pieces, at - from)?;
        let texts: Vec<String> = names.iter().map(Name::text).collect();
        let reads = HeaderMap::detect(&texts).is_some();
        (reads && texts != main_texts && texts.iter().all(|t| t.chars().count() <= 10))
            .then_some((from, to, names, bands))
    })?;
    let texts: Vec<String> = names.iter().map(Name::text).collect();
    let line = set_at_columns(&names);
    Some(Stacked {
        from,
        to,
        line,
        names: texts,
        bands,
    })
}

/// A header line's pieces, each a few Han characters (at most `longest`), at the columns
/// they start at; none for any other line.
fn header_words(line: &str, longest: usize) -> Option<Vec<(usize, String)>> {
    let pieces = cells_at_columns(line, Measure::Chars)?;
    let word = |t: &str| {
        (1..=longest).contains(&t.chars().count()) && t.chars().all(crate::base::cjk::is_han)
    };
    (!pieces.is_empty() && pieces.iter().all(|(_, t)| word(t))).then_some(pieces)
}

/// The header's names from its lines' pieces: pieces standing over each other are one name;
/// a piece above standing over the gap between two names of the line below, with none
/// under it, is a name merged over those columns (said, the columns read by theirs). None
/// when a piece under a whole name is a unit's (a row's first line beside the header).
fn gathered(pieces: Vec<Piece>, main: usize) -> Option<(Vec<Name>, Vec<Band>)> {
    let mut names: Vec<Name> = Vec::new();
    let mut pieces = pieces;
    // The middle line first: its names are whole.
    pieces.sort_by_key(|p| (p.line != main, p.line));
    for piece in pieces {
        match names.iter_mut().find(|n| n.overlaps(&piece)) {
            Some(name) => {
                let whole = name.pieces.iter().any(|p| p.line == main)
                    && Column::from_header(&name.text()).is_some();
                if whole && crate::ingest::units::ends_as_a_body(&piece.text) {
                    return None;
                }
                name.pieces.push(piece);
            }
            None => names.push(Name {
                pieces: vec![piece],
            }),
        }
    }
    names.sort_by_key(Name::start);
    let mut bands = Vec::new();
    let alone_on = |n: &Name, line: usize| n.pieces.iter().all(|p| p.line == line);
    let mut k = 0;
    while k < names.len() {
        let name = &names[k];
        let centre = (name.start() + name.end()) / 2;
        let line = name.pieces[0].line;
        let merged = line < main && alone_on(name, line) && {
            let under = |n: &Name| n.pieces.iter().all(|p| p.line > line);
            let left = names[..k].iter().rev().find(|n| !alone_on(n, line));
            let right = names[k + 1..].iter().find(|n| !alone_on(n, line));
            matches!((left, right), (Some(l), Some(r))
                if under(l) && under(r) && l.end() <= centre && centre <= r.start()
                    && l.pieces.iter().all(|p| p.line != main)
                    && r.pieces.iter().all(|p| p.line != main))
        };
        if merged {
            let band = names.remove(k);
            let left = names[..k].last().map(Name::text).unwrap_or_default();
            let right = names.get(k).map(Name::text).unwrap_or_default();
            bands.push((band.text(), vec![left, right]));
            continue;
        }
        k += 1;
    }
    // A name of its own off the middle line is a wrapped name (序 / 号) or under a merged
    // one; a body's name there is a row's first line, no header's.
    let banded = |n: &Name| {
        (bands.iter()).any(|(_, under): &(String, Vec<String>)| under.contains(&n.text()))
    };
    let stray = names.iter().any(|n| {
        n.pieces.iter().all(|p| p.line != main)
            && (crate::ingest::units::ends_as_a_body(&n.text())
                || (n.pieces.len() < 2 && !banded(n)))
    });
    // Centred, a name's pieces stand as many lines above the middle line as below it (序 /
    // 号), or one more below when the middle line holds its first (责任 / 领导).
    let lopsided = names.iter().any(|n| {
        let above = n.pieces.iter().filter(|p| p.line < main).count();
        let below = n.pieces.iter().filter(|p| p.line > main).count();
        let on_main = n.pieces.iter().any(|p| p.line == main);
        let banded_alone = n.pieces.len() == 1 && banded(n);
        !banded_alone
            && if on_main {
                above.abs_diff(below) > 1
            } else {
                above != below
            }
    });
    (!stray && !lopsided).then_some((names, bands))
}

/// One header line with each name at the column it starts at, two spaces at least
/// between names.
fn set_at_columns(names: &[Name]) -> String {
    let mut line = String::new();
    let mut width = 0;
    for name in names {
        let at = name.start().max(if width == 0 { 0 } else { width + 2 });
        line.push_str(&" ".repeat(at - width));
        let text = name.text();
        width = at + text.chars().count();
        line.push_str(&text);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> (Vec<String>, Vec<Diagnostic>) {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut said = Vec::new();
        let _ = join_header_lines(&mut lines, Places::lines("t.txt"), &mut said);
        (lines, said)
    }

    #[test]
    fn names_wrapped_above_and_below_the_middle_line_are_joined_over_their_columns() {
        let text = "\
序                                      责任领
       重点任务           具体措施                   牵头单位     配合单位     完成时限       备注
号                                       导
              围绕企业开办、工程建设、不动产登记等高";
        let (lines, said) = joined(text);
        assert_eq!(lines[0], "");
        assert_eq!(lines[2], "");
        let names: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(
            names,
            [
                "序号",
                "重点任务",
                "具体措施",
                "责任领导",
                "牵头单位",
                "配合单位",
                "完成时限",
                "备注"
            ]
        );
        assert!(lines[1].find("责任领导") < lines[1].find("牵头单位"));
        assert_eq!(said.len(), 1);
        assert_eq!(said[0].code, "table/header-stacked");
        assert_eq!(lines[3], text.lines().nth(3).unwrap());
    }

    #[test]
    fn a_header_repeated_at_a_pages_top_keeps_the_pages_break() {
        let text = "                         —4—
\u{c}     序                                     完成时
类别             任务内容         牵头单位   配合单位
     号                                      限
                                   办事处、各";
        let (lines, _) = joined(text);
        assert_eq!(lines[1], "");
        assert!(lines[2].starts_with('\u{c}'), "{:?}", lines[2]);
        let names: Vec<&str> = lines[2].split_whitespace().collect();
        assert_eq!(
            names,
            [
                "类别",
                "序号",
                "任务内容",
                "牵头单位",
                "配合单位",
                "完成时限"
            ]
        );
        assert_eq!(lines[4], text.lines().nth(4).unwrap());
    }

    #[test]
    fn a_name_over_two_columns_is_said_and_the_columns_read_by_theirs() {
        let text = "                                                 责任单位
序号                 工作任务                                           完成时限
                                           牵头单位      配合单位
                                                  区财政局、区规划和自";
        let (lines, said) = joined(text);
        let names: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(
            names,
            ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
        );
        assert!(
            said[0]
                .message
                .contains("「责任单位」跨在「牵头单位」「配合单位」之上")
        );
    }

    #[test]
    fn a_rows_first_line_under_a_header_of_three_lines_stays_the_rows() {
        let text = " 序                              牵头   配合   完成时
     任务          工作内容
 号                              单位   单位    间
                                     区发";
        let (lines, said) = joined(text);
        let names: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(
            names,
            [
                "序号",
                "任务",
                "工作内容",
                "牵头单位",
                "配合单位",
                "完成时间"
            ]
        );
        assert_eq!(lines[3], text.lines().nth(3).unwrap());
        assert_eq!(said.len(), 1);
    }

    #[test]
    fn a_header_read_on_one_line_is_one_line_where_a_page_repeats_it() {
        let text = "\
序号              任务内容                       牵头单位       配合单位       完成时限
13   培育市级以上农业产业化龙头企业 5 家，新增家庭农场 50 家。     区农业农村局       区商务局     2025 年 12

序号                 任务内容                  牵头单位       配合单位       完成时限
                                                                月底前";
        let (lines, said) = joined(text);
        assert!(said.is_empty(), "{said:?}");
        assert_eq!(lines.join("\n"), text);
    }

    #[test]
    fn a_rows_first_line_beside_the_header_and_a_title_above_stay_as_they_are() {
        let text = "\
                重点任务分工表
序号    主要任务               工作措施               牵头单位       配合单位      完成时间
                                                       区商务局
     提升数字经济核 1.引进培育软件和信息服务业重点企业 20 家。";
        let (lines, said) = joined(text);
        assert!(said.is_empty(), "{said:?}");
        assert_eq!(lines.join("\n"), text);
    }
}
