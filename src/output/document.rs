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
    /// The plan's own text with its table, for a source without a notice (方案.*).
    Plan,
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
    /// Word document.
    Docx,
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
            Format::Docx => "docx",
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
/// [`MAX_NAME_BYTES`] bytes. Never empty, never a path.
pub fn safe_file_name(text: &str) -> String {
    let mut name = String::new();
    for c in text.trim().chars() {
        let c = match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        };
        // Bounded in bytes, which is what filesystems count (255 for a name), with room for
        // a （N） and an extension.
        if name.len() + c.len_utf8() > MAX_NAME_BYTES {
            break;
        }
        name.push(c);
    }
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

/// The file name of each unit of `plan` ([`distinct_file_names`] in plan order): one mapping
/// for the unit sheets, the packets and the sample returns.
pub fn unit_file_names(plan: &crate::model::Plan) -> std::collections::HashMap<&str, String> {
    distinct_file_names(plan.units.iter().map(|u| u.name.as_str()))
}

/// The longest name [`safe_file_name`] makes, in bytes.
pub const MAX_NAME_BYTES: usize = 200;

/// A distinct file name for each of `names` (units): [`safe_file_name`], and where two come
/// out the same — `..` and `...`, names cut at the byte limit, names differing only in
/// case on a case-blind filesystem — the later ones get （2）, （3） ….
pub fn distinct_file_names<'a>(
    names: impl IntoIterator<Item = &'a str>,
) -> std::collections::HashMap<&'a str, String> {
    let mut taken = std::collections::HashSet::new();
    let mut out = std::collections::HashMap::new();
    for name in names {
        if out.contains_key(name) {
            continue;
        }
        let base = safe_file_name(name);
        let mut candidate = base.clone();
        let mut n = 1;
        while !taken.insert(candidate.to_lowercase()) {
            n += 1;
            candidate = format!("{base}（{n}）");
        }
        out.insert(name, candidate);
    }
    out
}
