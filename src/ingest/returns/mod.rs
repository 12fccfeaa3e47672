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

/// One file of a period folder as read: its name relative to the folder, and what it gave.
pub type ReadFile = (String, FileRead);

/// What one file of a period folder gave.
#[derive(Debug, Clone)]
pub enum FileRead {
    /// A form.
    Form(ReadForm),
    /// A spreadsheet that is not a readable fengong form, and why.
    Rejected(Vec<Diagnostic>),
    /// Not a spreadsheet (an attachment, a note): not read, and why.
    NotASheet(String),
    /// Not read on purpose (a link, an Office lock file, a hidden file), and why.
    Ignored(String),
}

/// Reads the returned form at `path`. A file that is not a readable fengong form comes back as
/// `Err` with the reasons; a broken file never panics.
pub fn read(path: &Path, display: &str) -> std::result::Result<ReadForm, Vec<Diagnostic>> {
    let workbook = super::xlsx::open(path, display, workbook::unreadable)?;
    let mut read = workbook::read_workbook(workbook, display)?;
    read.diagnostics.extend(pictures_said(path, display));
    Ok(read)
}

/// Pictures pasted into a form (a site's photo beside 进展情况): not read, said — counted
/// from the workbook's directory, none of them unpacked.
fn pictures_said(path: &Path, display: &str) -> Option<Diagnostic> {
    let file = std::fs::File::open(path).ok()?;
    let zip = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
    let pictures = (zip.file_names())
        .filter(|name| name.as_ref().is_ok_and(|n| n.starts_with("xl/media/")))
        .count();
    (pictures > 0).then(|| {
        Diagnostic::note(
            "return/pictures",
            Location::file(display),
            format!(
                "反馈表中贴有 {pictures} 张图片（照片等），未读入评估；作为佐证的，请在“佐证材料”中写明或另行报送"
            ),
        )
    })
}

/// The same from bytes in memory (fuzzing, benchmarks).
pub fn read_bytes(bytes: &[u8], display: &str) -> std::result::Result<ReadForm, Vec<Diagnostic>> {
    let workbook = super::xlsx::open_bytes(bytes.to_vec(), display, None, workbook::unreadable)?;
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

/// What lies directly in the returns folder outside any period folder — files, and links
/// (a linked period folder is not followed) — which cannot be evaluated and must not pass
/// unnoticed. A README there is expected and not listed.
pub fn stray_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .filter(|e| !e.file_name().eq_ignore_ascii_case("README.md"))
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
            .with_hint("目录名请写成如 2025-半年度、2025-年度（单独评估一个目录时，也可用 fengong evaluate 的 --period 半年度|年度 指定）"),
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
/// file never stops the others. Every entry is accounted for: links, Office lock files and
/// hidden files are listed as ignored, with why.
pub fn read_folder(folder: &Path) -> Result<Vec<ReadFile>> {
    let mut paths = Vec::new();
    let mut ignored = Vec::new();
    for entry in walkdir::WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(folder).to_path_buf();
            Error::io(&path, "读取", e.into())
        })?;
        let name = entry.file_name().to_string_lossy().to_string();
        let kind = entry.file_type();
        let why = if kind.is_symlink() {
            Some("是快捷方式（符号链接），未读取；请把文件本身放进此目录")
        } else if !kind.is_file() {
            None // a folder: its files are listed one by one
        } else if name.starts_with("~$") {
            Some("是 Office/WPS 打开文件时生成的临时锁文件，未读取")
        } else if name.starts_with('.') {
            Some("是隐藏文件，未读取")
        } else if ["thumbs.db", "desktop.ini"].contains(&name.to_lowercase().as_str()) {
            Some("是 Windows 自动生成的系统文件，未读取")
        } else {
            paths.push(entry.into_path());
            continue;
        };
        if let Some(why) = why {
            ignored.push((
                relative(folder, entry.path()),
                FileRead::Ignored(why.into()),
            ));
        }
    }
    use rayon::prelude::*;
    let mut read: Vec<ReadFile> = paths
        .par_iter()
        .map(|path| {
            // Named from the period folder on (`2025-半年度/区教育局.xlsx`), never by the
            // absolute path the folder was given as.
            let label = folder.file_name().map(|n| n.to_string_lossy().to_string());
            let display = match label {
                Some(label) => format!("{label}/{}", relative(folder, path)),
                None => relative(folder, path),
            };
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let result = if SHEET_EXTENSIONS.contains(&ext.as_str()) {
                match read(path, &display) {
                    Ok(form) => FileRead::Form(form),
                    Err(reasons) => FileRead::Rejected(reasons),
                }
            } else {
                FileRead::NotASheet(not_a_form(&ext).into())
            };
            (relative(folder, path), result)
        })
        .collect();
    read.extend(ignored);
    read.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(read)
}

/// Why a file of ending `ext` found among the returns is not read, and what to do: a unit
/// that sent its return in another form must be told which.
fn not_a_form(ext: &str) -> &'static str {
    match ext {
        "pdf" | "jpg" | "jpeg" | "png" | "tif" | "tiff" | "bmp" | "ofd" => {
            "是扫描件或图片，无法读取填报内容；请该单位报送下发的 Excel 反馈表（任务单/单位名称.xlsx）"
        }
        "doc" | "docx" | "wps" | "rtf" | "odt" | "txt" => {
            "是文字文件，不是反馈表；请该单位把内容填入下发的 Excel 反馈表后报送"
        }
        "zip" | "rar" | "7z" | "gz" | "tar" => "是压缩包，未解压；请解压后把其中的反馈表放入本目录",
        "csv" => {
            "是 CSV 文本，没有反馈表的隐藏工作表，无法确认单位和任务；请报送下发的 Excel 反馈表"
        }
        _ => {
            "不是电子表格（.xlsx/.xls/.et/.ods），未读取；如是某单位的反馈，请其报送下发的 Excel 反馈表"
        }
    }
}

/// `path` relative to `folder`, with `/` between parts.
fn relative(folder: &Path, path: &Path) -> String {
    path.strip_prefix(folder)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
