//! A real workbook with one part replaced by the fuzzer's bytes (a worksheet, the shared
//! strings, the workbook, or a new ODS content part): the size checks must refuse whatever
//! claims too much before calamine allocates for it, and the readers must return. libFuzzer's
//! malloc limit turns any allocation past it into a crash.
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static TEMPLATE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["序号", "具体内容", "责任单位"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "1").unwrap();
    sheet.write_string(1, 1, "做好甲事。").unwrap();
    sheet.write_string(1, 2, "区教育局").unwrap();
    book.save_to_buffer().unwrap()
});

const PARTS: [&str; 4] = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "content.xml",
];

fn with_part(name: &str, data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(TEMPLATE.as_slice())).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut replaced = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if entry_name == name {
            bytes = data.to_vec();
            replaced = true;
        }
        out.start_file(entry_name, options).unwrap();
        out.write_all(&bytes).unwrap();
    }
    if !replaced {
        out.start_file(name, options).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let bytes = with_part(PARTS[which as usize % PARTS.len()], rest);
    let _ = fengong::ingest::sheet_limits::check(&bytes, "fuzz.xlsx");
    let _ = fengong::ingest::plan_from_sheet_bytes(&bytes, "fuzz.xlsx");
    let _ = fengong::ingest::returns::read_bytes(&bytes, "fuzz.xlsx");
});
