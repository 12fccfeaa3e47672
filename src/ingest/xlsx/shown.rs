//! How a sheet shows its date cells, where that is less than a whole date: a cell holding
//! 2025-05-31 under the format `yyyy"年"m"月"` shows 「2025年5月」, one under `m"月"d"日"`
//! 「5月31日」. calamine gives the date, not its format, so the styles part and each sheet's
//! cell styles are read here: a 完成时限 is printed as the sheet shows it, never with a day
//! (or a year) the source does not show. The workbook has passed [`sheet_limits`].

use std::collections::HashMap;
use std::io::{BufReader, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::ingest::sheet_limits::{self, MAX_COLUMNS, MAX_ROWS};

/// What of a date a cell's format shows, when not the whole of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// 2025年5月: no day.
    YearMonth,
    /// 5月31日: no year.
    MonthDay,
}

/// Sheet name → (row, column) → what its date cells show, for a zipped `.xlsx`; empty for
/// any other workbook, and for sheets whose dates show whole.
pub fn of_workbook(bytes: &[u8]) -> HashMap<String, HashMap<(u32, u32), Shown>> {
    let mut found = HashMap::new();
    let Some((mut zip, sheets)) = super::comments::zipped(bytes) else {
        return found;
    };
    let limit = sheet_limits::MAX_UNPACKED_BYTES;
    let styles = match zip.by_name("xl/styles.xml") {
        Ok(entry) => styles(BufReader::new(entry.take(limit))),
        Err(_) => return found,
    };
    if styles.iter().all(Option::is_none) {
        return found;
    }
    for (part, sheet) in sheets {
        let Ok(entry) = zip.by_name(&part) else {
            continue;
        };
        let cells = cells_shown(BufReader::new(entry.take(limit)), &styles);
        if !cells.is_empty() {
            found.insert(sheet, cells);
        }
    }
    found
}

/// What each cell style (`s` index) shows of a date, from the styles part.
fn styles<R: std::io::BufRead>(input: R) -> Vec<Option<Shown>> {
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut shown = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return shown,
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id = sheet_limits::attr(&e, "numFmtId").and_then(|n| n.parse().ok());
                    // The attribute as written: its quotes are &quot; until unescaped.
                    let code = sheet_limits::attr(&e, "formatCode")
                        .map(|c| quick_xml::escape::unescape(&c).map(|c| c.into_owned()));
                    if let (Some(id), Some(Ok(code))) = (id, code) {
                        codes.insert(id, code);
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs && shown.len() < 65_536 => {
                    let id = sheet_limits::attr(&e, "numFmtId").and_then(|n| n.parse().ok());
                    shown.push(id.and_then(|id| of_format(id, codes.get(&id))));
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Ok(_) => {}
        }
    }
}

/// What a number format shows of a date: built-in formats by number (Excel's Chinese ones:
/// 27 `yyyy"年"m"月"`, 28 `m"月"d"日"` …), others by their code's letters outside quotes.
fn of_format(id: u32, code: Option<&String>) -> Option<Shown> {
    if let Some(code) = code {
        return of_code(code);
    }
    match id {
        17 | 27 | 36 | 50 | 52 | 57 => Some(Shown::YearMonth),
        16 | 28 | 29 | 51 | 53 | 54 | 58 => Some(Shown::MonthDay),
        _ => None,
    }
}

/// What a format code shows of a date: its letters outside quoted text, escapes and
/// brackets ([$-804], [DBNum1]); none for a code that is no date's or shows all of one.
fn of_code(code: &str) -> Option<Shown> {
    let mut letters = String::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => chars.by_ref().take_while(|&c| c != '"').for_each(drop),
            '[' => chars.by_ref().take_while(|&c| c != ']').for_each(drop),
            '\\' | '_' | '*' => {
                chars.next();
            }
            // The first section is the one a date (a positive number) is shown by.
            ';' => break,
            c => letters.push(c.to_ascii_lowercase()),
        }
    }
    let (year, month, day) = (
        letters.contains(['y', 'e']),
        letters.contains('m'),
        letters.contains('d'),
    );
    match (year, month, day) {
        (true, true, false) => Some(Shown::YearMonth),
        (false, true, true) => Some(Shown::MonthDay),
        _ => None,
    }
}

/// The cells of a worksheet part whose style shows part of a date.
fn cells_shown<R: std::io::BufRead>(
    input: R,
    styles: &[Option<Shown>],
) -> HashMap<(u32, u32), Shown> {
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut found = HashMap::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return found,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "c" => {
                let style = sheet_limits::attr(&e, "s").and_then(|s| s.parse::<usize>().ok());
                let shown = style.and_then(|s| styles.get(s).copied().flatten());
                let at = sheet_limits::attr(&e, "r").and_then(|r| cell_at(&r));
                if let (Some(shown), Some(at)) = (shown, at) {
                    found.insert(at, shown);
                }
            }
            Ok(_) => {}
        }
    }
}

/// A cell reference (`E3`) as zero-based (row, column), within the sheet limits.
fn cell_at(reference: &str) -> Option<(u32, u32)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    let column = letters.chars().try_fold(0u64, |n, c| {
        c.is_ascii_uppercase()
            .then(|| n * 26 + u64::from(c as u8 - b'A' + 1))
    })?;
    let row: u64 = digits.parse().ok()?;
    ((1..=MAX_COLUMNS).contains(&column) && (1..=MAX_ROWS).contains(&row))
        .then(|| ((row - 1) as u32, (column - 1) as u32))
}

/// A date as a cell showing only part of it shows it, in a Chinese document's words.
pub fn text(date: jiff::civil::Date, shown: Shown) -> String {
    match shown {
        Shown::YearMonth => format!("{}年{}月", date.year(), date.month()),
        Shown::MonthDay => format!("{}月{}日", date.month(), date.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_shows_what_its_letters_outside_quotes_say() {
        assert_eq!(of_code(r#"yyyy"年"m"月""#), Some(Shown::YearMonth));
        assert_eq!(of_code(r#"m"月"d"日""#), Some(Shown::MonthDay));
        assert_eq!(of_code(r#"yyyy"年"m"月"d"日""#), None);
        assert_eq!(of_code("yyyy/m/d"), None);
        assert_eq!(
            of_code("[$-804]yyyy\"年\"m\"月\";@"),
            Some(Shown::YearMonth)
        );
        assert_eq!(of_code("0.00"), None);
        assert_eq!(of_format(27, None), Some(Shown::YearMonth));
        assert_eq!(of_format(14, None), None);
    }

    #[test]
    fn cells_styled_to_show_part_of_a_date_are_found() {
        let styles_xml = r#"<styleSheet><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="58"/></cellXfs></styleSheet>"#;
        let shown = styles(styles_xml.as_bytes());
        assert_eq!(shown, [None, Some(Shown::YearMonth), Some(Shown::MonthDay)]);
        let sheet = r#"<worksheet><sheetData><row r="3"><c r="E3" s="1"><v>45808</v></c><c r="F3" s="2"><v>45838</v></c><c r="G3" s="0"><v>1</v></c></row></sheetData></worksheet>"#;
        let cells = cells_shown(sheet.as_bytes(), &shown);
        assert_eq!(cells.get(&(2, 4)), Some(&Shown::YearMonth));
        assert_eq!(cells.get(&(2, 5)), Some(&Shown::MonthDay));
        assert_eq!(cells.len(), 2);
        let date = jiff::civil::date(2025, 5, 31);
        assert_eq!(text(date, Shown::YearMonth), "2025年5月");
        assert_eq!(text(date, Shown::MonthDay), "5月31日");
    }
}
