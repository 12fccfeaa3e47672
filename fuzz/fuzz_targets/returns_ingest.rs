//! Any bytes as a returned form: calamine under catch_unwind, the key sheet, the header
//! search, every cell's validation; must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = fengong::ingest::returns::read_bytes(data, "fuzz.xlsx");
});
