//! Any bytes as a workbook (.xlsx/.xls/.ods by content): calamine under catch_unwind, the
//! header search, merged cells, assembly; must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = fengong::ingest::plan_from_sheet_bytes(data, "fuzz.xlsx");
});
