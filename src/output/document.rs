//! An output file before it is written: where it goes, what it is, and its bytes.

use serde::Serialize;

/// What a document is, as the manifest says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The plan model as JSON (what `fengong dump --json` prints).
    Model,
    /// The 校对报告: every finding of the checks.
    Audit,
    /// The formal notice with its attachment.
    Notice,
    /// The 任务分工表 on its own.
    Table,
    /// One unit's task sheet.
    UnitSheet,
    /// An evaluation report of a period.
    Evaluation,
    /// An assessment packet.
    Packet,
    /// The README of the output folder.
    Readme,
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// PDF.
    Pdf,
    /// DOCX-ready Markdown.
    Markdown,
    /// Excel workbook.
    Xlsx,
    /// JSON.
    Json,
}

impl Format {
    /// The file ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }
}

/// One file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// What it is.
    pub kind: Kind,
    /// Its format.
    pub format: Format,
    /// The unit it is for (unit sheets, packets).
    pub unit: Option<String>,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// For the documents that are costly to make (PDF, XLSX): a hash of everything they are
    /// made from, so the next publish can reuse them unchanged (see [`crate::output::reuse`]).
    pub source: Option<String>,
}

/// Windows device names that cannot be file names on Windows, whatever the extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name (no extension) made from any text: separators, `..`, control characters and
/// characters Windows refuses become `_`; reserved device names get a `_` in front; at most
/// 80 characters. Never empty, never a path.
pub fn safe_file_name(text: &str) -> String {
    let mut name: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(80)
        .collect();
    // Leading dots would hide the file or make `..`; trailing dots and spaces Windows drops.
    while name.starts_with('.') {
        name.replace_range(..1, "_");
    }
    let trimmed = name.trim_end_matches(['.', ' ']).to_string();
    name = if trimmed.is_empty() {
        "_".into()
    } else {
        trimmed
    };
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    name
}
