//! Bounds a workbook must keep before calamine reads it. calamine sizes its grids by what a
//! file claims: a 16 KB return with one cell at XFD1048576 asks for 512 GiB, a forged
//! shared-string count reserves billions of slots, an `.xls` DIMENSIONS record does the
//! same. Allocation failure aborts the process (it is not a panic), so every claim is checked
//! here first, by streaming the parts with a byte budget, and a file over a limit is refused
//! with its `file#Sheet` and the limit. No plan or return comes near these limits: a
//! district plan is a few hundred rows, a return a few dozen.

use std::collections::HashMap;
use std::io::{self, BufReader, Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::base::diag::{Diagnostic, Location};

/// A workbook file larger than this is not read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// All parts of a zipped workbook together, unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;
/// One part may unpack to at most this many times its packed size (past 1 MiB): real
/// spreadsheet XML packs about 10:1, a zip bomb 1000:1.
pub const MAX_PACK_RATIO: u64 = 200;
/// Parts in a zipped workbook.
pub const MAX_ZIP_ENTRIES: usize = 4096;
/// Rows of a sheet (the last used row).
pub const MAX_ROWS: u64 = 50_000;
/// Columns of a sheet (the last used column).
pub const MAX_COLUMNS: u64 = 1_000;
/// The rectangle from the first to the last used cell of a sheet (what calamine allocates).
pub const MAX_AREA: u64 = 2_000_000;
/// Cells with a value, over the whole workbook.
pub const MAX_CELLS: u64 = 1_000_000;
/// Shared strings of a workbook.
pub const MAX_STRINGS: u64 = 1_000_000;
/// Characters of one cell: Excel's own limit.
pub const MAX_CELL_CHARS: u64 = crate::form::CELL_LIMIT as u64;
/// Merged regions of a sheet.
pub const MAX_MERGES: u64 = 50_000;

/// Counts a merged region (zero-based corners) against [`MAX_MERGES`] and its cells against
/// [`MAX_AREA`] (the reader spreads a merge's value over its rows).
fn count_merge(
    merged: &mut (u64, u64),
    (r0, c0): (u64, u64),
    (r1, c1): (u64, u64),
    sheet: &str,
) -> Result<(), Over> {
    within_grid(r0.max(r1), c0.max(c1), sheet)?;
    merged.0 += 1;
    merged.1 = merged
        .1
        .saturating_add((r0.abs_diff(r1) + 1) * (c0.abs_diff(c1) + 1));
    if merged.0 > MAX_MERGES || merged.1 > MAX_AREA {
        return Err(Over::sheet(
            sheet,
            format!("合并区域超过 {MAX_MERGES} 个或 {MAX_AREA} 个单元格"),
        ));
    }
    Ok(())
}

/// Reads the workbook at `path` into memory, refusing a file over [`MAX_FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "文件超过 {} MB，不像任务表或反馈表",
            MAX_FILE_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// Checks the workbook `bytes` (named `display` in messages) against every limit; the
/// error is the one limit exceeded.
pub fn check(bytes: &[u8], display: &str) -> Result<(), Vec<Diagnostic>> {
    let over = if bytes.starts_with(b"PK\x03\x04") {
        check_zip(bytes)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        check_xls(bytes)
    } else if bytes.len() as u64 > MAX_FILE_BYTES {
        Err(Over::file(format!(
            "文件大小（上限 {} MB）",
            MAX_FILE_BYTES >> 20
        )))
    } else {
        // Not a workbook calamine sizes by its claims; calamine says what it is not.
        Ok(())
    };
    over.map_err(|over| vec![over.diagnostic(display)])
}

/// What went over a limit, and in which sheet.
#[derive(Debug, PartialEq)]
struct Over {
    sheet: Option<String>,
    what: String,
}

impl Over {
    fn file(what: String) -> Self {
        Over { sheet: None, what }
    }

    fn sheet(sheet: &str, what: String) -> Self {
        Over {
            sheet: Some(sheet.to_string()),
            what,
        }
    }

    fn diagnostic(self, display: &str) -> Diagnostic {
        let location = match self.sheet {
            Some(sheet) => Location::sheet(display, sheet),
            None => Location::file(display),
        };
        Diagnostic::error(
            "input/too-large",
            location,
            format!("表格超出可读取的范围：{}，未读取此文件", self.what),
        )
        .with_hint("任务表或反馈表不会有这么大；请确认文件无误（可在 Excel/WPS 中另存一份）")
    }
}

/// The used rectangle of one sheet, and its limits.
#[derive(Debug, Default)]
struct Extent {
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

impl Extent {
    /// Adds cells `row..row+rows` × `col..col+cols` (zero-based).
    fn add(&mut self, row: u64, col: u64, rows: u64, cols: u64, sheet: &str) -> Result<(), Over> {
        let last_row = row.saturating_add(rows.max(1) - 1);
        let last_col = col.saturating_add(cols.max(1) - 1);
        within_grid(last_row, last_col, sheet)?;
        self.rows = Some(widen(self.rows, row, last_row));
        self.cols = Some(widen(self.cols, col, last_col));
        if let (Some((r0, r1)), Some((c0, c1))) = (self.rows, self.cols) {
            let area = (r1 - r0 + 1) * (c1 - c0 + 1);
            if area > MAX_AREA {
                return Err(Over::sheet(
                    sheet,
                    format!("已用区域 {area} 个单元格（上限 {MAX_AREA}）"),
                ));
            }
        }
        Ok(())
    }
}

fn widen(span: Option<(u64, u64)>, first: u64, last: u64) -> (u64, u64) {
    match span {
        Some((a, b)) => (a.min(first), b.max(last)),
        None => (first, last),
    }
}

/// A cell (zero-based) must lie within [`MAX_ROWS`] × [`MAX_COLUMNS`].
fn within_grid(row: u64, col: u64, sheet: &str) -> Result<(), Over> {
    if row >= MAX_ROWS {
        return Err(Over::sheet(
            sheet,
            format!("用到第 {} 行（上限 {MAX_ROWS} 行）", row.saturating_add(1)),
        ));
    }
    if col >= MAX_COLUMNS {
        return Err(Over::sheet(
            sheet,
            format!(
                "用到第 {} 列（上限 {MAX_COLUMNS} 列）",
                col.saturating_add(1)
            ),
        ));
    }
    Ok(())
}

/// Counts values over the workbook against [`MAX_CELLS`].
fn count_cell(cells: &mut u64, n: u64, sheet: &str) -> Result<(), Over> {
    *cells = cells.saturating_add(n);
    if *cells > MAX_CELLS {
        return Err(Over::sheet(sheet, format!("单元格超过 {MAX_CELLS} 个")));
    }
    Ok(())
}

fn cell_text(chars: u64, sheet: &str) -> Result<(), Over> {
    if chars > MAX_CELL_CHARS {
        return Err(Over::sheet(
            sheet,
            format!("一个单元格有 {chars} 个字符（上限 {MAX_CELL_CHARS}）"),
        ));
    }
    Ok(())
}

// ---- zipped workbooks: .xlsx, .xlsm, .ods -------------------------------------------------

/// The longest run of a part's bytes without a tag's `<` or `>`: a cell holds at most 32,767
/// characters, so longer text is a forged part, and refused before the XML reader buffers it
/// whole (a sheet of 2 GB of spaces packs into 2 MB).
pub const MAX_TEXT_RUN: u64 = 4 << 20;

/// A reader that fails once more than `left` bytes come through (the unpacked budget), or a
/// run of text longer than [`MAX_TEXT_RUN`].
struct Budget<'a, R> {
    inner: R,
    left: &'a mut u64,
    read: u64,
    /// True once the budget, not the part (a bad CRC, a broken stream), stopped the read.
    exceeded: bool,
    /// Bytes since the last `<` or `>`.
    run: u64,
    /// True once a run of text stopped the read.
    run_too_long: bool,
    /// Whether runs are watched: an XML part's, not a picture's.
    watch_runs: bool,
}

impl<'a, R> Budget<'a, R> {
    fn new(inner: R, left: &'a mut u64) -> Self {
        Budget {
            inner,
            left,
            read: 0,
            exceeded: false,
            run: 0,
            run_too_long: false,
            watch_runs: false,
        }
    }
}

impl<R: Read> Read for Budget<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if n as u64 > *self.left {
            self.exceeded = true;
            return Err(io::Error::other("over budget"));
        }
        *self.left -= n as u64;
        self.run = match buf[..n].iter().rposition(|&b| b == b'<' || b == b'>') {
            Some(at) => (n - at - 1) as u64,
            None => self.run + n as u64,
        };
        if self.run > MAX_TEXT_RUN && self.watch_runs {
            self.run_too_long = true;
            return Err(io::Error::other("text run too long"));
        }
        Ok(n)
    }
}

/// How the parts of a zipped workbook are scanned.
#[derive(Default)]
struct ZipScan {
    /// Worksheet part path → sheet name (from workbook.xml and its relationships).
    sheet_names: HashMap<String, String>,
    cells: u64,
}

fn check_zip(bytes: &[u8]) -> Result<(), Over> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not a readable zip: calamine reports it
    };
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(Over::file(format!(
            "压缩包内有 {} 个部件（上限 {MAX_ZIP_ENTRIES}）",
            zip.len()
        )));
    }
    if zip.by_name("xl/workbook.bin").is_ok() {
        return Err(Over::file(
            "二进制工作簿（.xlsb）不受支持，请另存为 .xlsx".into(),
        ));
    }
    let mut scan = ZipScan {
        sheet_names: xlsx_sheet_names(&mut zip),
        cells: 0,
    };
    let mut left = MAX_UNPACKED_BYTES;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            return Ok(()); // a broken part: calamine reports it
        };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let packed = entry.compressed_size();
        let mut part = Budget::new(entry, &mut left);
        let scanned = scan.part(&name, &mut part);
        if part.run_too_long {
            return Err(Over::file(format!(
                "部件 {name} 中有一段连续文字超过 {} MB（单元格最多 32767 个字符）",
                MAX_TEXT_RUN >> 20
            )));
        }
        let unpacked = part.read;
        if unpacked > 1 << 20 && unpacked / packed.max(1) > MAX_PACK_RATIO {
            return Err(Over::file(format!(
                "部件 {name} 解压后是压缩时的 {} 倍（上限 {MAX_PACK_RATIO} 倍）",
                unpacked / packed.max(1)
            )));
        }
        match scanned {
            Ok(()) => {}
            Err(Scan::Over(over)) => return Err(over),
            Err(Scan::Budget) => {
                return Err(Over::file(format!(
                    "解压后超过 {} MB",
                    MAX_UNPACKED_BYTES >> 20
                )));
            }
            // Malformed XML: calamine reports it when it reads the part.
            Err(Scan::Malformed) => {}
        }
    }
    Ok(())
}

enum Scan {
    Over(Over),
    Budget,
    Malformed,
}

impl From<Over> for Scan {
    fn from(over: Over) -> Self {
        Scan::Over(over)
    }
}

impl ZipScan {
    /// Scans one part: worksheets, shared strings and the ODS content are parsed, every
    /// other part only counted against the budget.
    fn part<R: Read>(&mut self, name: &str, part: &mut Budget<'_, R>) -> Result<(), Scan> {
        let lower = name.to_ascii_lowercase();
        part.watch_runs = [".xml", ".rels", ".vml"].iter().any(|e| lower.ends_with(e));
        let is_sheet = lower.starts_with("xl/worksheets/") && lower.ends_with(".xml");
        let result = if is_sheet {
            let sheet = self
                .sheet_names
                .get(&lower)
                .cloned()
                .unwrap_or_else(|| name.rsplit('/').next().unwrap_or(name).to_string());
            xlsx_sheet(BufReader::new(&mut *part), &sheet, &mut self.cells)
        } else if lower == "xl/sharedstrings.xml" {
            shared_strings(BufReader::new(&mut *part))
        } else if lower == "content.xml" {
            ods_content(BufReader::new(&mut *part), &mut self.cells)
        } else {
            io::copy(part, &mut io::sink())
                .map(|_| ())
                .map_err(|_| Scan::Malformed)
        };
        // A read error is the budget's only when the budget stopped it; a damaged part
        // (a bad CRC) is calamine's to report.
        match result {
            Err(Scan::Malformed) if part.exceeded => Err(Scan::Budget),
            Err(Scan::Malformed) => {
                // Drain the rest so the ratio and budget see the whole part.
                let _ = io::copy(part, &mut io::sink());
                if part.exceeded {
                    Err(Scan::Budget)
                } else {
                    Err(Scan::Malformed)
                }
            }
            other => other,
        }
    }
}

/// Streams XML events, mapping a read failure to [`Scan::Malformed`].
fn next_event<'b, R: io::BufRead>(
    xml: &mut Reader<R>,
    buf: &'b mut Vec<u8>,
) -> Result<Event<'b>, Scan> {
    buf.clear();
    xml.read_event_into(buf).map_err(|_| Scan::Malformed)
}

pub(crate) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == local).then(|| a.value.to_string()))
}

/// Sheet part path (lower case, from the zip root) → sheet name.
pub(crate) fn xlsx_sheet_names<R: Read + io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> HashMap<String, String> {
    let mut ids = Vec::new(); // (relationship id, sheet name)
    let mut targets = HashMap::new(); // relationship id → part path
    for (part, wanted) in [
        ("xl/workbook.xml", "sheet"),
        ("xl/_rels/workbook.xml.rels", "Relationship"),
    ] {
        let Ok(entry) = zip.by_name(part) else {
            continue;
        };
        // Small parts; bounded anyway so a forged one cannot grow without end.
        let mut xml = Reader::from_reader(BufReader::new(entry.take(16 << 20)));
        let mut buf = Vec::new();
        while let Ok(event) = next_event(&mut xml, &mut buf) {
            match event {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == wanted => {
                    if wanted == "sheet" {
                        if let (Some(id), Some(name)) = (attr(&e, "id"), attr(&e, "name")) {
                            ids.push((id, name));
                        }
                    } else if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                        let path = match target.strip_prefix('/') {
                            Some(absolute) => absolute.to_string(),
                            None => format!("xl/{target}"),
                        };
                        targets.insert(id, path.to_ascii_lowercase());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    ids.into_iter()
        .filter_map(|(id, name)| targets.get(&id).map(|path| (path.clone(), name)))
        .collect()
}

/// `A1`-style reference → zero-based (row, col); `None` when malformed.
fn parse_ref(reference: &str) -> Option<(u64, u64)> {
    let reference = reference.trim().trim_start_matches('$');
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    let letters = letters.trim_end_matches('$');
    if letters.is_empty() || letters.len() > 4 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let col = letters.bytes().fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u64 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// `A1:C7` (or `A1`) → both corners.
fn parse_span(span: &str) -> Option<((u64, u64), (u64, u64))> {
    let mut parts = span.split(':');
    let first = parse_ref(parts.next()?)?;
    let last = match parts.next() {
        Some(second) => parse_ref(second)?,
        None => first,
    };
    Some((first, last))
}

/// One worksheet part: every cell with content, merges, text sizes. The declared
/// `<dimension>` is not checked: calamine reserves by it only below 100,000 cells, and Excel
/// declares the whole sheet (A1:XFD1048576) when a whole sheet is formatted.
fn xlsx_sheet<R: io::BufRead>(input: R, sheet: &str, cells: &mut u64) -> Result<(), Scan> {
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut extent = Extent::default();
    let (mut row, mut col): (u64, Option<u64>) = (0, None);
    let mut seen_row = false;
    let mut merged = (0u64, 0u64);
    let mut in_value = false;
    loop {
        match next_event(&mut xml, &mut buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                row = match attr(&e, "r").and_then(|r| r.trim().parse::<u64>().ok()) {
                    Some(r) => r.saturating_sub(1),
                    None if seen_row => row + 1,
                    None => 0,
                };
                seen_row = true;
                col = None;
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let (r, c) = match attr(&e, "r").as_deref().and_then(parse_ref) {
                    Some(at) => at,
                    None => (row, col.map_or(0, |c| c + 1)),
                };
                col = Some(c);
                // Counted as used even if empty: calamine may keep an empty string.
                extent.add(r, c, 1, 1, sheet)?;
                count_cell(cells, 1, sheet)?;
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                col = Some(match attr(&e, "r").as_deref().and_then(parse_ref) {
                    Some((_, c)) => c,
                    None => col.map_or(0, |c| c + 1),
                });
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t" | "f") => {
                in_value = true;
            }
            Event::End(e) if matches!(e.local_name().as_ref(), "v" | "t" | "f") => {
                in_value = false;
            }
            Event::Text(t) if in_value => cell_text(char_count(&t.xml10_content()), sheet)?,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                if let Some((first, last)) = attr(&e, "ref").as_deref().and_then(parse_span) {
                    count_merge(&mut merged, first, last, sheet)?;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn char_count(text: &str) -> u64 {
    text.chars().count() as u64
}

/// The shared-string table: its declared counts (calamine reserves by them), the number of
/// strings and each string's length.
fn shared_strings<R: io::BufRead>(input: R) -> Result<(), Scan> {
    const SHEET: &str = "共享字符串";
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let (mut strings, mut chars) = (0u64, 0u64);
    let mut in_text = false;
    loop {
        match next_event(&mut xml, &mut buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                for key in ["count", "uniqueCount"] {
                    let declared = attr(&e, key).and_then(|n| n.trim().parse::<u64>().ok());
                    if declared.is_some_and(|n| n > MAX_STRINGS) {
                        return Err(
                            Over::file(format!("声明的共享字符串数超过 {MAX_STRINGS}")).into()
                        );
                    }
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                strings += 1;
                chars = 0;
                if strings > MAX_STRINGS {
                    return Err(Over::file(format!("共享字符串超过 {MAX_STRINGS} 个")).into());
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_text = false,
            Event::Text(t) if in_text => {
                chars += char_count(&t.xml10_content());
                cell_text(chars, SHEET)?;
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An OpenDocument spreadsheet's `content.xml`: rows and cells repeat by attribute, and a
/// repeated cell with content is as many cells as it says.
fn ods_content<R: io::BufRead>(input: R, cells: &mut u64) -> Result<(), Scan> {
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut sheet = String::new();
    let mut extent = Extent::default();
    let (mut row, mut col) = (0u64, 0u64);
    let mut row_repeat = 1u64;
    // The open cell: its column repeat and whether it holds anything.
    let mut cell: Option<(u64, bool)> = None;
    let repeat = |e: &BytesStart<'_>, key: &str| {
        attr(e, key)
            .and_then(|n| n.trim().parse::<u64>().ok())
            .unwrap_or(1)
            .max(1)
    };
    loop {
        let event = next_event(&mut xml, &mut buf)?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone().into_owned()), false),
            Event::Empty(e) => (Some(e.clone().into_owned()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.local_name().as_ref() {
                "table" => {
                    sheet = attr(&e, "name").unwrap_or_default();
                    extent = Extent::default();
                    row = 0;
                }
                "table-row" => {
                    row_repeat = repeat(&e, "number-rows-repeated");
                    col = 0;
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    let cols = repeat(&e, "number-columns-repeated");
                    let valued = attr(&e, "value-type").is_some();
                    if empty {
                        if valued {
                            used(&mut extent, cells, (row, col), (row_repeat, cols), &sheet)?;
                        }
                        col = col.saturating_add(cols);
                    } else {
                        cell = Some((cols, valued));
                    }
                }
                _ if !empty && cell.is_some() => {
                    if let Some((_, valued)) = cell.as_mut() {
                        *valued = true; // text or other content inside the cell
                    }
                }
                _ => {}
            }
        }
        match event {
            Event::End(e) if e.local_name().as_ref() == "table-row" => {
                row = row.saturating_add(row_repeat);
            }
            Event::End(e)
                if matches!(e.local_name().as_ref(), "table-cell" | "covered-table-cell") =>
            {
                if let Some((cols, valued)) = cell.take() {
                    if valued {
                        used(&mut extent, cells, (row, col), (row_repeat, cols), &sheet)?;
                    }
                    col = col.saturating_add(cols);
                }
            }
            Event::Text(t) if cell.is_some() => cell_text(char_count(&t.xml10_content()), &sheet)?,
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// A used ODS cell block of `rows` × `cols` at `at`.
fn used(
    extent: &mut Extent,
    cells: &mut u64,
    at: (u64, u64),
    (rows, cols): (u64, u64),
    sheet: &str,
) -> Result<(), Over> {
    extent.add(at.0, at.1, rows, cols, sheet)?;
    count_cell(cells, rows.saturating_mul(cols), sheet)
}

// ---- BIFF workbooks: .xls -----------------------------------------------------------------

fn u16_at(data: &[u8], at: usize) -> Option<u64> {
    data.get(at..at + 2)
        .map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u64> {
    data.get(at..at + 4)
        .map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
}

fn check_xls(bytes: &[u8]) -> Result<(), Over> {
    let Ok(mut cfb) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports a broken container
    };
    let stream = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"]
        .iter()
        .find_map(|name| cfb.open_stream(name).ok());
    let Some(stream) = stream else {
        return Ok(());
    };
    let mut data = Vec::new();
    if stream
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut data)
        .is_err()
    {
        return Ok(());
    }
    biff_records(&data)
}

/// Walks the BIFF records: sheet names from BOUNDSHEET, each sheet's DIMENSIONS (calamine
/// reserves by it) and cell positions. (The SST's declared counts are not: calamine grows
/// that table string by string.)
fn biff_records(data: &[u8]) -> Result<(), Over> {
    let mut names: Vec<String> = Vec::new();
    let mut substream = 0usize; // 0: workbook globals, n: the n-th sheet
    let mut seen_bof = false;
    let mut extent = Extent::default();
    let mut cells = 0u64;
    let mut merged = (0u64, 0u64);
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (u16_at(data, at), u16_at(data, at + 2)) {
        let body = data.get(at + 4..at + 4 + len as usize).unwrap_or(&[]);
        at += 4 + len as usize;
        let sheet = names
            .get(substream.wrapping_sub(1))
            .cloned()
            .unwrap_or_else(|| format!("工作表{substream}"));
        match kind {
            0x0809 => {
                // BOF: globals first, then one substream per sheet.
                if seen_bof {
                    substream += 1;
                    extent = Extent::default();
                    merged = (0, 0);
                }
                seen_bof = true;
            }
            0x0085 => names.push(biff_sheet_name(body)),
            0x0200 => {
                let (last_row, last_col) = match body.len() {
                    10 => (u16_at(body, 2), u16_at(body, 6)),
                    _ => (u32_at(body, 4), u16_at(body, 10)),
                };
                // Both are one past the last used row/column.
                let rows = last_row.unwrap_or(0);
                let cols = last_col.unwrap_or(0);
                within_grid(rows.saturating_sub(1), cols.saturating_sub(1), &sheet)?;
                if rows.saturating_mul(cols) > MAX_AREA {
                    return Err(Over::sheet(
                        &sheet,
                        format!("声明的区域 {} 个单元格（上限 {MAX_AREA}）", rows * cols),
                    ));
                }
            }
            // Number, label, shared-string label, RK, formula, bool/error, rich string.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0006 | 0x0205 | 0x00D6 => {
                if let (Some(r), Some(c)) = (u16_at(body, 0), u16_at(body, 2)) {
                    extent.add(r, c, 1, 1, &sheet)?;
                    count_cell(&mut cells, 1, &sheet)?;
                }
            }
            // MERGEDCELLS: a count, then (first row, last row, first col, last col) each.
            0x00E5 => {
                for at in (2..body.len()).step_by(8) {
                    let corners = (u16_at(body, at), u16_at(body, at + 2));
                    let cols = (u16_at(body, at + 4), u16_at(body, at + 6));
                    if let ((Some(r0), Some(r1)), (Some(c0), Some(c1))) = (corners, cols) {
                        count_merge(&mut merged, (r0, c0), (r1, c1), &sheet)?;
                    }
                }
            }
            // MULRK: a row of RK numbers from colFirst to colLast (the record's last u16).
            0x00BD => {
                let first = (u16_at(body, 0), u16_at(body, 2));
                let last = body.len().checked_sub(2).and_then(|i| u16_at(body, i));
                if let ((Some(r), Some(c0)), Some(c1)) = (first, last) {
                    let n = c1.saturating_sub(c0) + 1;
                    extent.add(r, c0, 1, n, &sheet)?;
                    count_cell(&mut cells, n, &sheet)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A BOUNDSHEET8 record's name: offset(4) state(1) type(1), then cch(1) and a flag whether
/// the characters are two bytes.
fn biff_sheet_name(body: &[u8]) -> String {
    let cch = body.get(6).copied().unwrap_or(0) as usize;
    let wide = body.get(7).is_some_and(|f| f & 1 == 1);
    let chars = body.get(8..).unwrap_or(&[]);
    if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(cch).map(|&b| char::from(b)).collect()
    }
}

#[cfg(test)]
mod tests;
