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
pub async fn receive(
    app: &App,
    mut form: Multipart,
    extensions: &[&str],
    folder_for: impl Fn(Option<&str>) -> Result<PathBuf, String>,
) -> Result<Vec<String>, Response> {
    let Ok(_writing) = app.writing.clone().try_lock_owned() else {
        return Err(refused(StatusCode::CONFLICT, "正在发布，请稍后再上传"));
    };
    let mut csrf_ok = false;
    let mut period: Option<String> = None;
    let mut saved = Vec::new();
    let mut count = 0;
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
        count += 1;
        if count > MAX_FILES {
            return Err(refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("一次最多上传 {MAX_FILES} 个文件"),
            ));
        }
        let Some(name) = bare_name(&name, extensions) else {
            return Err(refused(
                StatusCode::BAD_REQUEST,
                &format!(
                    "「{name}」不能上传：文件名须是 .{} 之一，不含路径",
                    extensions.join("、.")
                ),
            ));
        };
        let dir =
            folder_for(period.as_deref()).map_err(|m| refused(StatusCode::BAD_REQUEST, &m))?;
        let bytes = match field.bytes().await {
            Ok(b) if b.len() <= MAX_FILE => b,
            Ok(_) => {
                return Err(refused(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    &format!("「{name}」超过 {} MB", MAX_FILE / 1024 / 1024),
                ));
            }
            Err(e) => return Err(refused(e.status(), &format!("上传失败：{}", e.body_text()))),
        };
        let target = dir.join(&name);
        let written = blocking(move || {
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            write_new(&target, &bytes)
        })
        .await;
        match written {
            Some(Ok(())) => saved.push(name),
            Some(Err(message)) => return Err(refused(StatusCode::CONFLICT, &message)),
            None => return Err(refused(StatusCode::INTERNAL_SERVER_ERROR, "写入失败")),
        }
    }
    if !csrf_ok {
        return Err(refused(
            StatusCode::FORBIDDEN,
            "表单已过期，请刷新页面后重试",
        ));
    }
    Ok(saved)
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
    temp.persist_noclobber(target)
        .map(|_| ())
        .map_err(|_| format!("input/ 中已有「{name}」"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
