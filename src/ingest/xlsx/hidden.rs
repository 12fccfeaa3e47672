//! Rows and columns an `.xlsx` hides (`<row hidden="1">`, `<col hidden="1">`, a filter's
//! hidden rows alike). Excel neither shows nor prints them, so fengong does not publish them
//! either; the reader says each one that holds anything. calamine does not tell them, so the
//! sheet parts are read here; the workbook has passed [`sheet_limits`] first.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufReader, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::ingest::sheet_limits::{self, MAX_COLUMNS, MAX_ROWS};

/// The hidden rows and columns of one sheet, zero-based.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Hidden {
    pub rows: BTreeSet<u32>,
    pub columns: BTreeSet<u32>,
    /// Rows a filter hides (under the header of the sheet's `<autoFilter>`, which filters
    /// on a column): a view of the table the ledger was saved in, not rows its author
    /// took out — read like the others, and said.
    pub filtered: BTreeSet<u32>,
}

impl Hidden {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty() && self.filtered.is_empty()
    }
}

/// Sheet name → what it hides, for a zipped `.xlsx`; empty for any other workbook (`.xls`
/// and `.ods` keep the flag elsewhere, and calamine reads neither).
pub fn of_workbook(bytes: &[u8]) -> HashMap<String, Hidden> {
    let Some((mut zip, names)) = super::comments::zipped(bytes) else {
        return HashMap::new();
    };
    let mut found = HashMap::new();
    for (part, sheet) in names {
        let Ok(entry) = zip.by_name(&part) else {
            continue;
        };
        // Bounded by the limits already checked; `take` keeps it so if a part lies.
        let limit = sheet_limits::MAX_UNPACKED_BYTES;
        let hidden = of_sheet(BufReader::new(entry.take(limit)));
        if !hidden.is_empty() {
            found.insert(sheet, hidden);
        }
    }
    found
}

/// Reads one worksheet part for `<row … hidden>` and `<col min max hidden>`; rows and columns
/// past the sheet limits are not kept (memory stays bounded whatever the part claims).
fn of_sheet<R: std::io::BufRead>(input: R) -> Hidden {
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut hidden = Hidden::default();
    let mut next_row = 0u64;
    // The filter's rows (zero-based, header first) and whether it filters on a column.
    let mut filter: Option<(u32, u32)> = None;
    let mut filtering = false;
    loop {
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        let (Event::Start(e) | Event::Empty(e)) = event else {
            continue;
        };
        match e.local_name().as_ref() {
            "autoFilter" => filter = sheet_limits::attr(&e, "ref").and_then(|r| rows_of(&r)),
            "filterColumn" => filtering = true,
            "row" => {
                let row = number(&e, "r").map_or(next_row, |r| r.saturating_sub(1));
                next_row = row + 1;
                if flag(&e, "hidden") && row < MAX_ROWS {
                    hidden.rows.insert(row as u32);
                }
            }
            "col" if flag(&e, "hidden") => {
                let (Some(min), Some(max)) = (number(&e, "min"), number(&e, "max")) else {
                    continue;
                };
                for column in min.max(1) - 1..max.min(MAX_COLUMNS) {
                    hidden.columns.insert(column as u32);
                }
            }
            _ => {}
        }
    }
    if let (Some((header, last)), true) = (filter, filtering) {
        let under: Vec<u32> = (hidden.rows.range(header + 1..=last)).copied().collect();
        for row in under {
            hidden.rows.remove(&row);
            hidden.filtered.insert(row);
        }
    }
    hidden
}

/// The first and last rows (zero-based) of a range `A2:E40`.
fn rows_of(range: &str) -> Option<(u32, u32)> {
    let row = |cell: &str| -> Option<u32> {
        let digits = cell.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '$');
        digits
            .trim_start_matches('$')
            .parse::<u32>()
            .ok()?
            .checked_sub(1)
    };
    let (first, last) = range.split_once(':').unwrap_or((range, range));
    Some((row(first)?, row(last)?))
}

fn number(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<u64> {
    sheet_limits::attr(e, key).and_then(|n| n.trim().parse().ok())
}

/// An XML boolean: `1` or `true`.
fn flag(e: &quick_xml::events::BytesStart<'_>, key: &str) -> bool {
    sheet_limits::attr(e, key).is_some_and(|v| matches!(v.trim(), "1" | "true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_a_filter_hides_are_filtered_not_hidden() {
        let xml = r#"<worksheet><sheetData><row r="2"/><row r="3"/><row r="4" hidden="1"/>
            <row r="9" hidden="1"/></sheetData><autoFilter ref="A2:E5"><filterColumn colId="2">
            <filters><filter val="县商务局"/></filters></filterColumn></autoFilter></worksheet>"#;
        let hidden = of_sheet(xml.as_bytes());
        assert_eq!(hidden.filtered, BTreeSet::from([3]));
        assert_eq!(hidden.rows, BTreeSet::from([8]));
        // A filter's buttons alone filter nothing: its hidden rows are the author's.
        let xml = r#"<worksheet><sheetData><row r="4" hidden="1"/></sheetData>
            <autoFilter ref="A2:E5"/></worksheet>"#;
        assert_eq!(of_sheet(xml.as_bytes()).rows, BTreeSet::from([3]));
    }

    #[test]
    fn hidden_rows_and_columns_are_read() {
        let xml = r#"<worksheet><cols><col min="2" max="3" width="9"/><col min="6" max="7" hidden="1"/></cols>
            <sheetData><row r="1"><c r="A1"/></row><row r="4" hidden="true"/><row hidden="0"/>
            <row hidden="1"/></sheetData></worksheet>"#;
        let hidden = of_sheet(xml.as_bytes());
        assert_eq!(hidden.columns, BTreeSet::from([5, 6]));
        // Row 4 (zero-based 3) by its number; the last by counting on from the one before.
        assert_eq!(hidden.rows, BTreeSet::from([3, 5]));
    }

    #[test]
    fn a_claim_past_the_limits_keeps_memory_bounded() {
        let xml = r#"<worksheet><cols><col min="1" max="16384" hidden="1"/></cols>
            <sheetData><row r="1048576" hidden="1"/></sheetData></worksheet>"#;
        let hidden = of_sheet(xml.as_bytes());
        assert_eq!(hidden.columns.len() as u64, MAX_COLUMNS);
        assert!(hidden.rows.is_empty());
    }
}
