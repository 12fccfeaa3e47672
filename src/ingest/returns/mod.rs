//! Returned forms (反馈表): the period folders under `input/returns/`, and the unit-sheet
//! workbooks units filled in and sent back. A form is recognised by its hidden key sheet
//! (unit, plan, task numbers and hashes), never by its file name; the columns are found by
//! their headers, so a form re-saved by WPS or LibreOffice, or one with a column moved,
//! still reads.
//!
//! Reading only looks at the files. Whether the unit and tasks belong to the current plan is
//! the evaluation's business.

mod workbook;

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::base::diag::{Diagnostic, Error, Location, Result};
use crate::model::{Period, PeriodKind, ReturnForm};
use crate::project::SHEET_EXTENSIONS;

/// A form read: what it says, and what was wrong with it (warnings; the form is kept).
#[derive(Debug, Clone)]
pub struct ReadForm {
    /// The form.
    pub form: ReturnForm,
    /// Problems of single cells or rows.
    pub diagnostics: Vec<Diagnostic>,
}

/// One file of a period folder as read: its name relative to the folder, and the form or
/// why it is not one (`None`: not a spreadsheet).
pub type ReadFile = (
    String,
    Option<std::result::Result<ReadForm, Vec<Diagnostic>>>,
);

/// Reads the returned form at `path`. A file that is not a readable fengong form comes back as
/// `Err` with the reasons; a broken file never panics.
pub fn read(path: &Path, display: &str) -> std::result::Result<ReadForm, Vec<Diagnostic>> {
    let workbook =
        super::xlsx::open(path).map_err(|why| vec![workbook::unreadable(display, &why)])?;
    workbook::read_workbook(workbook, display)
}

/// The same from bytes in memory (fuzzing, benchmarks).
pub fn read_bytes(bytes: &[u8], display: &str) -> std::result::Result<ReadForm, Vec<Diagnostic>> {
    let workbook =
        super::xlsx::open_bytes(bytes).map_err(|why| vec![workbook::unreadable(display, &why)])?;
    workbook::read_workbook(workbook, display)
}

/// Finds the period folders under `dir` (its immediate subfolders, sorted by name).
pub fn period_folders(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::io(dir, "读取", e.into()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type().is_dir() && !name.starts_with('.') {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

/// Files lying directly in the returns folder, outside any period folder: they cannot be
/// evaluated, and must not pass unnoticed. A README there is expected and not listed.
pub fn stray_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            !name.starts_with('.')
                && !name.starts_with("~$")
                && !name.eq_ignore_ascii_case("README.md")
        })
        .map(|e| e.into_path())
        .collect()
}

/// The period of a folder: its name says 半年度 or 年度 (or `kind` does) and usually the year
/// (else the plan's year).
pub fn period_of(
    folder: &Path,
    kind: Option<PeriodKind>,
    plan_year: Option<i32>,
) -> Result<Period> {
    let label = folder
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "评估".into());
    let Some(kind) = kind.or_else(|| PeriodKind::detect(&label)) else {
        return Err(Error::Input(vec![
            Diagnostic::error(
                "return/period",
                Location::file(folder.display().to_string()),
                format!("无法从目录名「{label}」判断是半年度还是年度评估"),
            )
            .with_hint("目录名请写成如 2025-半年度、2025-年度，或用 --period 半年度|年度 指定"),
        ]));
    };
    #[allow(clippy::unwrap_used)] // literal pattern
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(19|20)\d\d").unwrap());
    let year = YEAR
        .find(&label)
        .and_then(|m| m.as_str().parse().ok())
        .or(plan_year)
        .unwrap_or(2000);
    Ok(Period::new(label, kind, year))
}

/// Reads every file under `folder` (any depth), in name order, each on its own: a broken
/// file never stops the others.
pub fn read_folder(folder: &Path) -> Result<Vec<ReadFile>> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(folder).to_path_buf();
            Error::io(&path, "读取", e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        // Office/WPS lock files and hidden files are not returns.
        if name.starts_with("~$") || name.starts_with('.') {
            continue;
        }
        paths.push(entry.into_path());
    }
    use rayon::prelude::*;
    let read: Vec<ReadFile> = paths
        .par_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(folder)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let display = path.display().to_string();
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let result = SHEET_EXTENSIONS
                .contains(&ext.as_str())
                .then(|| read(path, &display));
            (relative, result)
        })
        .collect();
    Ok(read)
}
