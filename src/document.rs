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
}
