//! Text that ingests, rendered: the task table and unit sheets as XLSX, and the Markdown
//! reader of the PDF renderer. (Returned forms have their own target, `returns_ingest`.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = fengong::render::pdf::flow::blocks(text);
    }
    if let Ok(plan) = fengong::ingest::plan_from_text_bytes(data, "fuzz.md") {
        let table = fengong::view::TaskTableView::new(&plan);
        let props = fengong::render::xlsx::properties("t", "a", jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0));
        if let Ok(props) = props {
            let _ = fengong::render::xlsx::task_table(&table, &props);
            for sheet in fengong::view::TaskSheet::all(&plan).iter().take(3) {
                let _ = fengong::render::xlsx::unit_sheet(sheet, &props);
            }
        }
    }
});
