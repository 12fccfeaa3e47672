//! Any bytes as a text source: decoding, the notice/prose/table reader, the inline and
//! labelled layouts, assembly and every check must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = fengong::ingest::plan_from_text_bytes(data, "fuzz.md") {
        let config = fengong::config::Config::default();
        if let Ok(registry) = config.registry("fuzz.toml") {
            let _ = fengong::checks::run(&plan, &config, &registry, &[], &[]);
        }
        let _ = fengong::view::TaskSheet::all(&plan);
        let _ = fengong::view::TaskTableView::new(&plan);
    }
});
