//! 发布: publish in the background with progress, then every document by kind and unit, each
//! to preview or download, and one zip of all.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use axum::Form;
use axum::extract::{Path as UrlPath, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::pages::{self, esc, page};
use super::{App, Post, Shared, blocking, refused};

/// A publish started from the page.
pub struct Job {
    /// Documents written so far.
    made: Arc<AtomicUsize>,
    /// How many the previous publish wrote, as the measure of progress.
    expected: Option<usize>,
    started: Instant,
    /// How it ended: the message for the page, and whether it succeeded.
    outcome: Option<(bool, String)>,
}

/// Starts a publish and answers at once (the page follows its progress); refused while
/// anything else writes into the project.
pub async fn start(State(app): State<Shared>, Form(post): Form<Post>) -> Response {
    if post.csrf != app.csrf {
        return refused(StatusCode::FORBIDDEN, "表单已过期，请刷新页面后重试");
    }
    let Ok(lock) = app.writing.clone().try_lock_owned() else {
        // Pressed twice: the publish under way is the one asked for — show its progress.
        if running(&app) {
            return Redirect::to("/documents").into_response();
        }
        return refused(StatusCode::CONFLICT, "另一次发布或上传正在进行，请稍后再试");
    };
    let made = Arc::new(AtomicUsize::new(0));
    let expected = Some(manifest(&app.output).len()).filter(|n| *n > 0);
    set_job(
        &app,
        Some(Job {
            made: made.clone(),
            expected,
            started: Instant::now(),
            outcome: None,
        }),
    );
    let options = fengong::Options {
        progress: Some(made),
        ..Default::default()
    };
    let (input, output, job_app) = (app.input.clone(), app.output.clone(), app.clone());
    tokio::spawn(async move {
        let result = blocking(move || fengong::publish_with(&input, &output, &options)).await;
        let outcome = match result {
            Some(Ok(published)) => (
                true,
                format!(
                    "已发布 {} 个文件（沿用未变的 {} 个）",
                    published.manifest.files.len() + 1,
                    published.reused
                ),
            ),
            Some(Err(e)) => (false, format!("发布失败：{e}")),
            None => (false, "发布失败".to_string()),
        };
        if let Ok(mut job) = job_app.job.lock()
            && let Some(job) = job.as_mut()
        {
            let seconds = job.started.elapsed().as_secs_f64();
            let message = if outcome.0 {
                format!("{}，用时 {seconds:.1} 秒", outcome.1)
            } else {
                outcome.1
            };
            job.outcome = Some((outcome.0, message));
        }
        drop(lock);
    });
    Redirect::to("/documents").into_response()
}

/// Whether a publish started from the page is under way.
fn running(app: &App) -> bool {
    (app.job.lock().ok().as_deref())
        .and_then(Option::as_ref)
        .is_some_and(|job| job.outcome.is_none())
}

fn set_job(app: &App, job: Option<Job>) {
    if let Ok(mut slot) = app.job.lock() {
        *slot = job;
    }
}

/// The publish's progress, for the page's script: `{running, made, expected, message, ok}`.
pub async fn status(State(app): State<Shared>) -> Response {
    let job = app.job.lock().ok();
    let value = match job.as_deref().and_then(Option::as_ref) {
        None => serde_json::json!({ "running": false }),
        Some(job) => serde_json::json!({
            "running": job.outcome.is_none(),
            "made": job.made.load(Ordering::Relaxed),
            "expected": job.expected,
            "ok": job.outcome.as_ref().map(|o| o.0),
            "message": job.outcome.as_ref().map(|o| o.1.as_str()),
        }),
    };
    (
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

/// The publish's state, then the documents.
pub async fn documents(State(app): State<Shared>) -> Html<String> {
    let mut body = String::new();
    let mut failed = false;
    let running = match app.job.lock().ok().as_deref().and_then(Option::as_ref) {
        Some(Job {
            outcome: Some((ok, message)),
            ..
        }) => {
            body.push_str(&pages::notice(if *ok { "ok" } else { "err" }, message));
            failed = !ok;
            false
        }
        Some(job) => {
            let made = job.made.load(Ordering::Relaxed);
            // Measured against the last publish's count; a first publish has none, so its bar
            // only says work goes on (a bar without a value), never full from the start.
            let bar = match job.expected {
                Some(n) => format!(
                    "<progress id=\"bar\" max=\"{}\" value=\"{made}\"></progress>",
                    n.max(made)
                ),
                None => "<progress id=\"bar\"></progress>".to_string(),
            };
            let _ = write!(
                body,
                "<p class=\"msg\" id=\"progress\" data-status=\"/publish/status\">正在发布：已生成 <b id=\"made\">{made}</b> 个文件{}<br>{bar}<noscript><br><a href=\"/documents\">刷新本页</a>查看进度。</noscript></p>",
                job.expected
                    .map(|n| format!("（上次共 {n} 个）"))
                    .unwrap_or_default()
            );
            true
        }
        None => false,
    };
    if !running {
        body.push_str(&pages::button(
            "/publish",
            &app.csrf,
            "发布（重新生成 output/）",
        ));
    }
    // While the first publish runs there is nothing yet to list, and nothing to say of it.
    if !(running && manifest(&app.output).is_empty()) {
        body.push_str(&document_list(&app, failed));
    }
    Html(page("发布", "/documents", &body))
}

/// Paths and hashes the output's manifest lists.
fn manifest(output: &Path) -> Vec<(String, String, u64)> {
    let Ok(bytes) = std::fs::read(output.join("manifest.json")) else {
        return Vec::new();
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Vec::new();
    };
    value["files"]
        .as_array()
        .map(|files| {
            files
                .iter()
                .filter_map(|f| {
                    Some((
                        f["path"].as_str()?.to_string(),
                        f["sha256"].as_str()?.to_string(),
                        f["bytes"].as_u64()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the manifest lists `path`.
pub fn listed(output: &Path, path: &str) -> bool {
    manifest(output).iter().any(|(p, _, _)| p == path)
}

/// The published files of `folder` (and below), as links.
pub fn links_under(output: &Path, folder: &str) -> String {
    let files: Vec<_> = manifest(output)
        .into_iter()
        .filter(|(p, _, _)| p.starts_with(&format!("{folder}/")))
        .collect();
    grouped(&files)
}

/// Every document, one table per folder (the plan's, the unit sheets, each period's and its
/// packets), one row per document with a link per format.
fn document_list(app: &App, failed: bool) -> String {
    let files = manifest(&app.output);
    if files.is_empty() {
        return pages::notice("warn", "还没有发布过：先在“材料”上传文件，再点“发布”。");
    }
    let total: u64 = files.iter().map(|f| f.2).sum();
    // Where they are on this computer; after a failed publish, that they are the last good one's.
    let shown = std::path::absolute(&app.output).unwrap_or_else(|_| app.output.clone());
    let folder = format!("<code>{}</code>", esc(&shown.display().to_string()));
    let mut out = match failed {
        true => pages::notice(
            "warn",
            "这次发布没有完成：下面仍是上一次发布成功的文件，不含这次的修改。",
        ),
        false => String::new(),
    };
    let _ = write!(out, "<p class=\"files\">文件在 {folder} 中。</p>");
    let _ = write!(
        out,
        "<p><a class=\"button\" href=\"/documents.zip\" download>下载全部文件（zip，{} 个，{:.1} MB）</a></p>",
        files.len() + 1,
        total as f64 / 1024.0 / 1024.0
    );
    out.push_str(&grouped(&files));
    out
}

/// The order formats are offered in: what is read first.
const FORMAT_ORDER: &[&str] = &["pdf", "docx", "xlsx", "md", "json"];

/// One document's files: (extension, path) of each format.
type Formats<'a> = Vec<(&'a str, &'a str)>;

/// Files grouped by folder, then by document (the same name in several formats).
fn grouped(files: &[(String, String, u64)]) -> String {
    let mut folders: BTreeMap<&str, BTreeMap<&str, Formats>> = BTreeMap::new();
    for (path, _, _) in files {
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        folders
            .entry(folder)
            .or_default()
            .entry(stem)
            .or_default()
            .push((ext, path));
    }
    let mut out = String::new();
    for (folder, documents) in &folders {
        let heading = if folder.is_empty() {
            "通知、分工表与清单".to_string()
        } else {
            folder.replace('/', " · ")
        };
        let _ = write!(
            out,
            "<h2>{}</h2><table class=\"docs\"><tr><th>文件</th><th>格式</th></tr>",
            esc(&heading)
        );
        for (stem, formats) in documents {
            let mut formats = formats.clone();
            formats.sort_by_key(|(ext, _)| FORMAT_ORDER.iter().position(|f| f == ext));
            let mut links = String::new();
            for (ext, path) in &formats {
                let label = match *ext {
                    "pdf" => "PDF 预览",
                    "docx" => "Word",
                    "xlsx" => "Excel",
                    "md" => "Markdown",
                    "json" => "JSON",
                    other => other,
                };
                let _ = write!(links, "<a href=\"/files/{}\">{label}</a> ", href(path));
            }
            // The two files for programs and readers of the folder, said as such.
            let label = match (folder.is_empty(), *stem) {
                (true, "README") => "说明（README）",
                (true, "plan") => "方案数据（plan.json，供其他程序读取）",
                _ => stem,
            };
            let _ = write!(out, "<tr><td>{}</td><td>{links}</td></tr>", esc(label));
        }
        out.push_str("</table>");
    }
    out
}

/// A manifest path as a URL under /files/.
fn href(path: &str) -> String {
    path.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// One zip of every published file, in the manifest's order (the same bytes each time for
/// the same output).
pub async fn zip_all(State(app): State<Shared>) -> Response {
    let output = app.output.clone();
    let zipped = blocking(move || zip_of(&output)).await;
    match zipped {
        Some(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/zip".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"fengong.zip\"; filename*=UTF-8''{}",
                        percent_encode("全部文件.zip")
                    ),
                ),
            ],
            bytes,
        )
            .into_response(),
        Some(Err(message)) => refused(StatusCode::NOT_FOUND, &message),
        None => refused(StatusCode::INTERNAL_SERVER_ERROR, "打包失败"),
    }
}

fn zip_of(output: &Path) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let files = manifest(output);
    if files.is_empty() {
        return Err("还没有发布过".into());
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let fail = |e: &dyn std::fmt::Display| format!("打包失败：{e}");
    let paths = files.iter().map(|f| f.0.as_str()).chain(["manifest.json"]);
    for path in paths {
        let bytes = std::fs::read(output.join(path)).map_err(|e| fail(&e))?;
        // PDFs, workbooks and Word files are compressed already.
        let method = if path.ends_with(".md") || path.ends_with(".json") {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        zip.start_file(path, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    zip.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|e| fail(&e))
}

fn percent_encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A published file, only when the manifest lists it: no other path of the machine can be
/// asked for. PDFs open in the browser, the rest download.
pub async fn file(State(app): State<Shared>, UrlPath(path): UrlPath<String>) -> Response {
    let listed = listed(&app.output, &path);
    let safe = Path::new(&path)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !listed || !safe {
        return refused(StatusCode::NOT_FOUND, "没有这个文件");
    }
    let full = app.output.join(&path);
    let Some(Ok(bytes)) = blocking(move || std::fs::read(full)).await else {
        return refused(StatusCode::NOT_FOUND, "没有这个文件");
    };
    let kind = match path.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("md") => "text/markdown; charset=utf-8",
        Some("json") => "application/json",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
    let name = path.rsplit('/').next().unwrap_or("file");
    let disposition = if kind == "application/pdf" {
        "inline"
    } else {
        "attachment"
    };
    let disposition = format!("{disposition}; filename*=UTF-8''{}", percent_encode(name));
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}
