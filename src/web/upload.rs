//! Uploads: limits, bare names, atomic writes that never replace a file.

use std::path::{Path, PathBuf};

use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::Response;

use super::{App, blocking, refused};

/// Largest file in an upload.
const MAX_FILE: usize = 20 * 1024 * 1024;
/// Most files in an upload.
const MAX_FILES: usize = 20;
/// What may be uploaded as a returned form.
pub const FORM_EXTENSIONS: &[&str] = &["xlsx", "xls", "ods"];
/// What may be uploaded as a source.
pub const SOURCE_EXTENSIONS: &[&str] = &[
    "docx", "doc", "wps", "odt", "rtf", "xlsx", "xls", "ods", "md", "txt",
];

/// Reads a multipart upload: the page's token first, a `period` field if any, then files
/// with one of `extensions`, each written into the folder `folder_for(period)` gives.
/// Returns the period and the files written.
pub async fn receive(
    app: &App,
    mut form: Multipart,
    extensions: &[&str],
    folder_for: impl Fn(Option<&str>) -> Result<PathBuf, String>,
) -> Result<(Option<String>, Vec<String>), Response> {
    let Ok(_writing) = app.writing.clone().try_lock_owned() else {
        return Err(refused(StatusCode::CONFLICT, "正在发布，请稍后再上传"));
    };
    let mut csrf_ok = false;
    let mut period: Option<String> = None;
    // Every file is read and judged before any is written: a refusal leaves the folder as it
    // was, never half a batch.
    let mut files: Vec<(String, axum::body::Bytes)> = Vec::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(refused(e.status(), &format!("上传失败：{}", e.body_text()))),
        };
        match field.name() {
            Some("csrf") => {
                csrf_ok = field.text().await.is_ok_and(|t| t == app.csrf);
                continue;
            }
            Some("period") => {
                period = field.text().await.ok();
                continue;
            }
            _ => {}
        }
        if !csrf_ok {
            return Err(refused(
                StatusCode::FORBIDDEN,
                "表单已过期，请刷新页面后重试",
            ));
        }
        let Some(name) = field
            .file_name()
            .map(str::to_string)
            .filter(|n| !n.is_empty())
        else {
            continue;
        };
        if files.len() == MAX_FILES {
            return Err(refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("一次最多上传 {MAX_FILES} 个文件；这次一个也没有上传，请分批选择"),
            ));
        }
        let Some(name) = bare_name(&name, extensions) else {
            return Err(refused(
                StatusCode::BAD_REQUEST,
                &format!(
                    "「{name}」不能上传：文件名须是 .{} 之一，不含路径；这次一个也没有上传",
                    extensions.join("、.")
                ),
            ));
        };
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return Err(refused(e.status(), &format!("上传失败：{}", e.body_text()))),
        };
        fits(&name, &bytes).map_err(|(status, why)| refused(status, &why))?;
        files.push((name, bytes));
    }
    if !csrf_ok {
        return Err(refused(
            StatusCode::FORBIDDEN,
            "表单已过期，请刷新页面后重试",
        ));
    }
    if files.is_empty() {
        return Err(refused(StatusCode::BAD_REQUEST, "没有选择文件"));
    }
    let files = once_each(files).map_err(|m| refused(StatusCode::BAD_REQUEST, &m))?;
    let dir = folder_for(period.as_deref()).map_err(|m| refused(StatusCode::BAD_REQUEST, &m))?;
    let written = blocking(move || write_batch(&dir, &files)).await;
    match written {
        Some(Ok(saved)) => Ok((period, saved)),
        Some(Err(message)) => Err(refused(StatusCode::CONFLICT, &message)),
        None => Err(refused(StatusCode::INTERNAL_SERVER_ERROR, "写入失败")),
    }
}

/// The files of a batch, the same file chosen twice taken once; two different files of one
/// name are refused (which is meant?).
fn once_each(
    files: Vec<(String, axum::body::Bytes)>,
) -> Result<Vec<(String, axum::body::Bytes)>, String> {
    let mut once: Vec<(String, axum::body::Bytes)> = Vec::new();
    for (name, bytes) in files {
        match once.iter().find(|(other, _)| *other == name) {
            Some((_, same)) if *same == bytes => {}
            Some(_) => {
                return Err(format!(
                    "这次选择的文件中有两个不同的文件都叫「{name}」：这次一个也没有上传，请改名后重试"
                ));
            }
            None => once.push((name, bytes)),
        }
    }
    Ok(once)
}

/// Writes every file of a batch into `dir`, or none: names already there (or twice in the
/// batch) are refused before anything is written, and a failure part way removes the files
/// this batch wrote.
fn write_batch(dir: &Path, files: &[(String, axum::body::Bytes)]) -> Result<Vec<String>, String> {
    let folder = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let taken: Vec<&str> = files
        .iter()
        .enumerate()
        .filter(|(i, (name, _))| {
            dir.join(name).exists() || files[..*i].iter().any(|(other, _)| other == name)
        })
        .map(|(_, (name, _))| name.as_str())
        .collect();
    if !taken.is_empty() {
        return Err(format!(
            "{folder}/ 中已有「{}」：这次一个也没有上传。请先改名，或在项目的 {folder} 文件夹中移走旧文件后重试",
            taken.join("」「")
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut saved: Vec<String> = Vec::new();
    for (name, bytes) in files {
        if let Err(message) = write_new(&dir.join(name), bytes) {
            for done in &saved {
                let _ = std::fs::remove_file(dir.join(done));
            }
            return Err(format!("{message}；这次一个也没有上传"));
        }
        saved.push(name.clone());
    }
    Ok(saved)
}

/// A file of an upload refused for its size, or for not being what its name says: the
/// answer's status and why.
fn fits(name: &str, bytes: &[u8]) -> Result<(), (StatusCode, String)> {
    if bytes.len() > MAX_FILE {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "「{name}」超过 {} MB；这次一个也没有上传",
                MAX_FILE / 1024 / 1024
            ),
        ));
    }
    looks_readable(name, bytes).map_err(|why| {
        (
            StatusCode::BAD_REQUEST,
            format!("「{name}」{why}；这次一个也没有上传"),
        )
    })
}

/// Whether `bytes` can be the file its name says: not empty, and a Word, Excel or
/// OpenDocument file opening as one does (a zip, an old Office compound file, RTF's
/// `{\rtf`). What fails would stop the whole project from reading once in `input/`, and the
/// page cannot take a file out again.
fn looks_readable(name: &str, bytes: &[u8]) -> Result<(), &'static str> {
    if bytes.is_empty() {
        return Err("是空文件（0 字节）");
    }
    let zip = bytes.starts_with(b"PK\x03\x04");
    let compound = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let fits = match extension.as_deref() {
        Some("docx" | "xlsx" | "odt" | "ods") => zip,
        Some("doc" | "xls" | "wps") => compound || zip,
        Some("rtf") => bytes.starts_with(b"{\\rtf"),
        _ => true,
    };
    if fits {
        Ok(())
    } else {
        Err(
            "打不开：内容不是这种文件（可能已损坏，或扩展名不对）。请用 WPS 或 Word/Excel 打开后另存再上传",
        )
    }
}

/// A file name fit for `input/`: a bare name (no folder, no `..`, no control characters)
/// with one of `extensions`.
fn bare_name(name: &str, extensions: &[&str]) -> Option<String> {
    let name = name.trim();
    let bare = !name.contains(['/', '\\', '\0'])
        && !name.starts_with('.')
        && !name.chars().any(char::is_control)
        && name.chars().count() <= 120;
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    (bare && extensions.contains(&extension.as_str())).then(|| name.to_string())
}

/// Writes `bytes` to a new file at `target` atomically (a temporary file beside it, then a
/// rename that fails if the name was taken meanwhile).
fn write_new(target: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if target.exists() {
        return Err(format!(
            "input/ 中已有「{name}」：请先改名或在文件夹中删除旧文件"
        ));
    }
    let dir = target.parent().ok_or("无效路径")?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| e.to_string())?;
    temp.write_all(bytes).map_err(|e| e.to_string())?;
    fengong::base::permissions_as_saved(temp.as_file(), None).map_err(|e| e.to_string())?;
    temp.persist_noclobber(target)
        .map(|_| ())
        .map_err(|_| format!("input/ 中已有「{name}」"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_cannot_be_what_they_are_named_are_refused() {
        assert!(looks_readable("方案.docx", b"").is_err());
        assert!(looks_readable("表.xlsx", b"random bytes here").is_err());
        assert!(looks_readable("表.xlsx", b"PK\x03\x04rest").is_ok());
        assert!(looks_readable("旧.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0]).is_ok());
        assert!(looks_readable("旧.doc", b"<html>").is_err());
        assert!(looks_readable("方案.rtf", b"{\\rtf1 ...").is_ok());
        assert!(looks_readable("方案.txt", "一、总体要求".as_bytes()).is_ok());
    }

    #[test]
    fn only_bare_source_names_are_taken() {
        let source_name = |n: &str| bare_name(n, SOURCE_EXTENSIONS);
        assert_eq!(source_name("方案.docx").as_deref(), Some("方案.docx"));
        assert_eq!(source_name("表.XLSX").as_deref(), Some("表.XLSX"));
        assert_eq!(bare_name("反馈.docx", FORM_EXTENSIONS), None);
        for bad in [
            "../x.docx",
            "a/b.docx",
            "a\\b.docx",
            ".hidden.md",
            "run.exe",
            "x",
            "a\u{1}.md",
        ] {
            assert_eq!(source_name(bad), None, "{bad}");
        }
    }
}
