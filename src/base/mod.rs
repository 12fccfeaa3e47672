//! Helpers every stage may use, and which import nothing else of the crate: diagnostics,
//! Chinese text, decoding bytes to text, dates, numbers and hashes.

pub mod cjk;
pub mod date;
pub mod decode;
pub mod diag;
pub mod glyphs;
pub mod hash;
pub mod markup;
pub mod number;
