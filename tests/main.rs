//! The end-to-end tests, one binary: each file below was its own test crate, linked
//! separately against every dependency. One binary links once and lets the slow files
//! (LibreOffice, the browser, the kill loop) run beside the others instead of after them.

mod common;

mod architecture;
mod bad_input;
mod browser;
mod checks;
mod cli;
mod docx;
mod escaping;
mod evaluation;
mod excel;
mod hostile;
mod kill;
mod layouts;
mod ledgers;
mod pdf;
mod reuse;
mod scanned;
mod seed;
mod serve;
mod sheets;
mod word;
