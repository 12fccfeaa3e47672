//! The Word reader on arbitrary bytes: never a panic, never unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = fengong::ingest::docx::read(data);
});
