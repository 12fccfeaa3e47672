use std::io::Write;

use super::*;

/// A real workbook written by rust_xlsxwriter, with `cells` (row, col, text) on one sheet.
fn workbook(sheet: &str, cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for &(r, c, text) in cells {
        ws.write_string(r, c, text).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// `bytes` (a zip) with the parts in `replace` swapped in or added.
fn rezip(bytes: &[u8], replace: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if let Some((_, new)) = replace.iter().find(|(n, _)| *n == name) {
            data = new.to_vec();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    for (name, data) in replace {
        if zip.by_name(name).is_err() {
            out.start_file(*name, options).unwrap();
            out.write_all(data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn rejected(bytes: &[u8]) -> String {
    check(bytes, "x.xlsx").unwrap_err()[0].to_string()
}

#[test]
fn an_ordinary_workbook_passes() {
    let cells: Vec<(u32, u16, &str)> = (0..200).map(|r| (r, (r % 15) as u16, "区教育局")).collect();
    assert_eq!(check(&workbook("任务清单", &cells), "x.xlsx"), Ok(()));
}

#[test]
fn a_cell_at_the_last_excel_cell_is_refused_with_its_sheet() {
    // 16 KB on disk; calamine would allocate the whole 1048576 × 16384 grid.
    let bytes = workbook("任务清单", &[(0, 0, "序号"), (1_048_575, 16_383, "x")]);
    assert!(bytes.len() < 16_000);
    let message = rejected(&bytes);
    assert!(message.contains("x.xlsx#任务清单"), "{message}");
    assert!(message.contains("1048576 行"), "{message}");
    // The readers refuse it the same way, without allocating.
    let err = crate::ingest::xlsx::read_bytes(&bytes, "x.xlsx").unwrap_err();
    assert_eq!(err[0].code, "input/too-large");
    let err = crate::ingest::returns::read_bytes(&bytes, "r.xlsx").unwrap_err();
    assert_eq!(err[0].code, "input/too-large");
}

#[test]
fn a_wide_or_large_area_is_refused() {
    let wide = workbook("表", &[(0, 999, "a")]);
    assert_eq!(check(&wide, "x.xlsx"), Ok(()));
    let too_wide = workbook("表", &[(0, 1000, "a")]);
    assert!(rejected(&too_wide).contains("1001 列"));
    // Within rows and columns, but the rectangle is 49,999 × 900.
    let area = workbook("表", &[(0, 0, "a"), (49_998, 899, "b")]);
    assert!(rejected(&area).contains("已用区域"), "{}", rejected(&area));
}

#[test]
fn a_whole_sheet_declared_or_styled_is_not_a_large_one() {
    // Excel writes <dimension ref="A1:XFD1048576"/> and empty styled cells down to the last
    // row when a whole sheet is formatted (calamine's tests/issue_174.xlsx is such a file).
    // calamine allocates for neither, so neither is refused; the values decide.
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let forged = sheet
        .replace(r#"<dimension ref="A1"/>"#, r#"<dimension ref="A1:XFD1048576"/>"#)
        .replace(
            "</sheetData>",
            r#"<row r="1048576"><c r="A1048576" s="0"/><c r="XFD1048576" s="0"/></row></sheetData>"#,
        );
    assert_ne!(sheet, forged, "the dimension element was found");
    let bytes = rezip(&bytes, &[("xl/worksheets/sheet1.xml", forged.as_bytes())]);
    assert_eq!(check(&bytes, "x.xlsx"), Ok(()));
}

#[test]
fn a_damaged_part_is_not_called_too_large() {
    // A part whose CRC does not match (calamine's tests/issue252.xlsx) was reported as over
    // 256 MB; it is left to calamine to say what is wrong.
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.start_file(name, stored).unwrap();
        out.write_all(&data).unwrap();
    }
    out.start_file("xl/media/note.bin", stored).unwrap();
    out.write_all(b"FENGONG-INTACT-PART").unwrap();
    let mut damaged = out.finish().unwrap().into_inner();
    let at = damaged
        .windows(19)
        .position(|w| w == b"FENGONG-INTACT-PART")
        .unwrap();
    damaged[at] = b'X';
    assert_eq!(check(&damaged, "x.xlsx"), Ok(()));
}

#[test]
fn cells_without_a_reference_are_placed_by_their_order() {
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let many: String = "<c><v>1</v></c>".repeat(1001);
    let forged = sheet.replace("</row>", &format!("{many}</row>"));
    let bytes = rezip(&bytes, &[("xl/worksheets/sheet1.xml", forged.as_bytes())]);
    assert!(rejected(&bytes).contains("列"), "{}", rejected(&bytes));
}

#[test]
fn a_forged_shared_string_count_is_refused() {
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let strings = part(&bytes, "xl/sharedStrings.xml");
    let forged = strings.replace(r#"uniqueCount="1""#, r#"uniqueCount="4000000000""#);
    assert_ne!(strings, forged);
    let bytes = rezip(&bytes, &[("xl/sharedStrings.xml", forged.as_bytes())]);
    assert!(rejected(&bytes).contains("共享字符串"));
}

#[test]
fn a_cell_longer_than_excel_allows_is_refused() {
    let long = "字".repeat(40_000);
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let strings = part(&bytes, "xl/sharedStrings.xml");
    let forged = strings.replace("<t>a</t>", &format!("<t>{long}</t>"));
    let bytes = rezip(&bytes, &[("xl/sharedStrings.xml", forged.as_bytes())]);
    assert!(
        rejected(&bytes).contains("40000 个字符"),
        "{}",
        rejected(&bytes)
    );
}

#[test]
fn a_zip_bomb_part_is_refused_by_its_ratio() {
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let zeros = vec![b' '; 8 << 20];
    let bytes = rezip(&bytes, &[("xl/media/pad.bin", &zeros)]);
    assert!(bytes.len() < 100_000);
    assert!(rejected(&bytes).contains("倍"), "{}", rejected(&bytes));
}

#[test]
fn ods_repeats_count_as_the_cells_they_stand_for() {
    let content = |cell: &str| {
        format!(
            r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="进度"><table:table-row table:number-rows-repeated="3">{cell}<table:table-cell table:number-columns-repeated="1020"/></table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    };
    let ods = |cell: &str| {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        out.start_file("mimetype", options).unwrap();
        out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        out.start_file("content.xml", options).unwrap();
        out.write_all(content(cell).as_bytes()).unwrap();
        out.finish().unwrap().into_inner()
    };
    // What LibreOffice writes: a few used cells, then empty repeats to the sheet's end.
    let normal = ods(
        r#"<table:table-cell office:value-type="string"><text:p>甲</text:p></table:table-cell>"#,
    );
    assert_eq!(check(&normal, "x.ods"), Ok(()));
    let spread = ods(
        r#"<table:table-cell table:number-columns-repeated="16000"><text:p>甲</text:p></table:table-cell>"#,
    );
    let message = check(&spread, "x.ods").unwrap_err()[0].to_string();
    assert!(message.contains("x.ods#进度"), "{message}");
}

/// BIFF records: (type, body).
fn biff(records: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (kind, body) in records {
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&(body.len() as u16).to_le_bytes());
        out.extend_from_slice(body);
    }
    out
}

fn bof() -> (u16, Vec<u8>) {
    (0x0809, vec![0; 16])
}

fn sheet_record(name: &str) -> (u16, Vec<u8>) {
    let units: Vec<u16> = name.encode_utf16().collect();
    let mut body = vec![0u8; 6];
    body.push(units.len() as u8);
    body.push(1); // two bytes a character
    body.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    (0x0085, body)
}

fn number(row: u16, col: u16) -> (u16, Vec<u8>) {
    let mut body = Vec::new();
    body.extend_from_slice(&row.to_le_bytes());
    body.extend_from_slice(&col.to_le_bytes());
    body.extend_from_slice(&[0; 10]);
    (0x0203, body)
}

fn dimensions(rows: u32, cols: u16) -> (u16, Vec<u8>) {
    let mut body = Vec::new();
    body.extend_from_slice(&0u32.to_le_bytes());
    body.extend_from_slice(&rows.to_le_bytes());
    body.extend_from_slice(&0u16.to_le_bytes());
    body.extend_from_slice(&cols.to_le_bytes());
    body.extend_from_slice(&[0, 0]);
    (0x0200, body)
}

/// `records` as the Workbook stream of a compound file, as an .xls is.
fn xls(records: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook")
        .unwrap()
        .write_all(&biff(records))
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn xls_cells_and_dimensions_are_bounded() {
    let globals = [bof(), sheet_record("分工")];
    let fine = [&globals[..], &[bof(), dimensions(3, 3), number(2, 2)]].concat();
    assert_eq!(check(&xls(&fine), "x.xls"), Ok(()));
    let far = [&globals[..], &[bof(), number(0, 0), number(60_000, 0)]].concat();
    let message = check(&xls(&far), "x.xls").unwrap_err()[0].to_string();
    assert!(message.contains("x.xls#分工"), "{message}");
    // calamine reserves rows × columns of the DIMENSIONS record before reading a cell.
    let forged = [&globals[..], &[bof(), dimensions(u32::MAX, 255)]].concat();
    assert!(check(&xls(&forged), "x.xls").is_err());
    let area = [&globals[..], &[bof(), dimensions(40_000, 200)]].concat();
    assert!(
        check(&xls(&area), "x.xls").unwrap_err()[0]
            .to_string()
            .contains("声明的区域")
    );
}

#[test]
fn references_parse_like_excel() {
    assert_eq!(parse_ref("A1"), Some((0, 0)));
    assert_eq!(parse_ref("$C$7"), Some((6, 2)));
    assert_eq!(parse_ref("XFD1048576"), Some((1_048_575, 16_383)));
    assert_eq!(parse_ref("A0"), None);
    assert_eq!(parse_ref("1A"), None);
    assert_eq!(parse_span("B2:D9"), Some(((1, 1), (8, 3))));
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.xlsx");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: costs nothing
    assert!(read_file(&path).unwrap_err().contains("64 MB"));
}

#[test]
fn merged_regions_are_bounded_by_the_cells_they_cover() {
    let bytes = workbook("Sheet1", &[(0, 0, "a")]);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let merges: String = (0..60)
        .map(|c| {
            format!(
                r#"<mergeCell ref="{}1:{}49999"/>"#,
                col_name(c),
                col_name(c)
            )
        })
        .collect();
    let forged = sheet.replace(
        "</sheetData>",
        &format!(r#"</sheetData><mergeCells count="60">{merges}</mergeCells>"#),
    );
    let bytes = rezip(&bytes, &[("xl/worksheets/sheet1.xml", forged.as_bytes())]);
    assert!(
        rejected(&bytes).contains("合并区域"),
        "{}",
        rejected(&bytes)
    );
}

fn col_name(c: u32) -> String {
    crate::base::diag::cell_name(0, c)
        .trim_end_matches('1')
        .to_string()
}

#[test]
fn a_sheet_of_endless_text_is_refused_before_it_is_buffered() {
    // 64 MB of spaces inside a cell's text packs into ~64 KB: refused at the first 4 MB run,
    // before the XML reader holds the text whole.
    let bytes = workbook("任务清单", &[(0, 0, "序号")]);
    let strings = part(&bytes, "xl/sharedStrings.xml");
    let forged = strings.replacen("序号", &" ".repeat(64 << 20), 1);
    let forged = rezip(&bytes, &[("xl/sharedStrings.xml", forged.as_bytes())]);
    let message = rejected(&forged);
    assert!(message.contains("连续文字超过 4 MB"), "{message}");
    // A cell at Excel's own limit is text as any other.
    let long = workbook("任务清单", &[(0, 0, &"任".repeat(32_767))]);
    assert_eq!(check(&long, "x.xlsx"), Ok(()));
}
