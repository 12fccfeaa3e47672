//! `fengong serve`: the job on a local web page, a thin layer over the library (axum on
//! tokio: the well-kept stack, and the blocking work — check, publish — runs on tokio's
//! blocking pool). Bound to 127.0.0.1 unless `--listen` says otherwise, and then only with
//! the token printed at start. Every POST carries the page's CSRF token; the
//! Content-Security-Policy allows nothing from outside; a file is served only when the
//! output's manifest lists it; one publish at a time.

mod pages;

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Multipart, Path as UrlPath, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use fengong::Severity;
use pages::{esc, page};

/// Largest upload of one request.
const MAX_UPLOAD: usize = 50 * 1024 * 1024;
/// Largest file in an upload.
const MAX_FILE: usize = 20 * 1024 * 1024;
/// Most files in an upload.
const MAX_FILES: usize = 20;
/// What may be uploaded as a returned form.
const FORM_EXTENSIONS: &[&str] = &["xlsx", "xls", "ods"];
/// What may be uploaded as a source.
const SOURCE_EXTENSIONS: &[&str] = &[
    "docx", "doc", "wps", "odt", "rtf", "xlsx", "xls", "ods", "md", "txt",
];

struct App {
    input: PathBuf,
    output: PathBuf,
    csrf: String,
    /// Required on every request when serving beyond this machine.
    token: Option<String>,
    publishing: tokio::sync::Mutex<()>,
}

type Shared = Arc<App>;

/// Serves `project` (a folder holding `input/`) until interrupted.
pub fn serve(project: &Path, port: u16, listen: Option<String>) -> Result<(), fengong::Error> {
    let io = |what: &'static str, e: std::io::Error| fengong::Error::io(project, what, e);
    let input = project.join("input");
    std::fs::create_dir_all(&input).map_err(|e| io("创建 input 目录", e))?;
    let host = listen.unwrap_or_else(|| "127.0.0.1".to_string());
    let addr: SocketAddr = format!("{host}:{port}")
        .parse()
        .or_else(|_| host.parse())
        .map_err(|_| {
            fengong::Error::Render(format!(
                "--listen 的地址「{host}」无效，应如 0.0.0.0 或 192.168.1.5"
            ))
        })?;
    let token = (!addr.ip().is_loopback()).then(random_token);
    let app = Arc::new(App {
        input,
        output: project.join("output"),
        csrf: random_token(),
        token: token.clone(),
        publishing: tokio::sync::Mutex::new(()),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| io("启动网页服务", e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| io("监听端口", e))?;
        let bound = listener.local_addr().map_err(|e| io("监听", e))?;
        // A closed console (the page opened from a shortcut) must not stop the server.
        let mut out = std::io::stdout();
        let _ = match &token {
            Some(t) => writeln!(out, "fengong 网页：http://{bound}/?token={t}"),
            None => writeln!(out, "fengong 网页：http://{bound}/"),
        };
        let _ = writeln!(out, "（按 Ctrl+C 停止）");
        let _ = out.flush();
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| io("网页服务", e))
    })
}

fn router(app: Shared) -> Router {
    Router::new()
        .route("/", get(materials))
        .route("/app.css", get(stylesheet))
        .route("/check", get(findings))
        .route("/upload", post(upload))
        .route("/publish", post(publish))
        .route("/documents", get(documents))
        .route("/returns", get(returns))
        .route("/returns/upload", post(upload_returns))
        .route("/files/{*path}", get(file))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD))
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// A token hard to guess: 16 bytes of the system's randomness, hex.
fn random_token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No /dev/urandom (Windows): the clock and the process, hashed.
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        let hex = fengong::base::hash::sha256_hex(seed.as_bytes());
        return hex[..32].to_string();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every response: the token check when serving a network, and headers that forbid any
/// external load and framing.
async fn guard(
    State(app): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if let Some(token) = &app.token {
        let query_ok = request
            .uri()
            .query()
            .is_some_and(|q| q.split('&').any(|p| p == format!("token={token}")));
        let cookie_ok = request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| {
                c.split(';')
                    .any(|p| p.trim() == format!("fengong_token={token}"))
            });
        if !query_ok && !cookie_ok {
            return (StatusCode::FORBIDDEN, "需要启动时显示的链接（含 token）").into_response();
        }
        let mut response = next.run(request).await;
        if let Ok(v) = HeaderValue::from_str(&format!(
            "fengong_token={token}; HttpOnly; SameSite=Strict; Path=/"
        )) {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
        return secured(response);
    }
    secured(next.run(request).await)
}

fn secured(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'self'; form-action 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::CSS,
    )
}

/// Runs blocking library work off the async threads.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(work).await.ok()
}

/// 材料: the upload form and what fengong read.
async fn materials(State(app): State<Shared>) -> Html<String> {
    let input = app.input.clone();
    let checked = blocking(move || fengong::check(&input)).await;
    let mut body = upload_form(&app.csrf);
    match checked {
        Some(Ok(checked)) => body.push_str(&plan_view(&checked.plan, &checked.report)),
        Some(Err(e)) => body.push_str(&pages::notice("err", &e.to_string())),
        None => body.push_str(&pages::notice("err", "读取失败")),
    }
    Html(page("材料", "/", &body))
}

fn upload_form(csrf: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"file\" name=\"files\" multiple accept=\".docx,.doc,.wps,.xlsx,.xls,.ods,.md,.txt\"> <button>上传到 input/</button></form>",
        esc(csrf)
    )
}

/// The notice's fields and every task with its units and deadline.
fn plan_view(plan: &fengong::model::Plan, report: &fengong::checks::Report) -> String {
    let n = &plan.notice;
    let field = |v: Option<&str>| esc(v.unwrap_or("（未读到）"));
    let mut out = format!(
        "<dl><dt>发文机关</dt><dd>{}</dd><dt>文号</dt><dd>{}</dd><dt>标题</dt><dd>{}</dd><dt>方案</dt><dd>{}</dd><dt>任务</dt><dd>{} 项，{} 个责任单位；<a href=\"/check\">校对发现 {} 条错误、{} 条警告</a></dd></dl>",
        field(n.issuer.as_deref()),
        field(n.doc_number.as_deref()),
        field(n.title.as_deref()),
        field(plan.title.as_deref()),
        plan.tasks.len(),
        plan.units.len(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    out.push_str("<table><tr><th>序号</th><th>主要事项</th><th>任务内容</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>");
    for task in &plan.tasks {
        let names = |role: fengong::model::Role| {
            task.units
                .iter()
                .filter(|a| a.role == role)
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        };
        let group = plan.group(task.no).map(|g| g.title.as_str()).unwrap_or("");
        let _ = std::fmt::Write::write_fmt(
            &mut out,
            format_args!(
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                task.no,
                esc(group),
                esc(&task.content),
                esc(&names(fengong::model::Role::Lead)),
                esc(&names(fengong::model::Role::Support)),
                esc(&task
                    .deadline_text
                    .clone()
                    .or_else(|| task.deadline.map(fengong::base::date::chinese))
                    .unwrap_or_default()),
            ),
        );
    }
    out.push_str("</table>");
    out
}

/// 校对: every finding with its place.
async fn findings(State(app): State<Shared>) -> Html<String> {
    let input = app.input.clone();
    let checked = blocking(move || fengong::check(&input)).await;
    let body = match checked {
        Some(Ok(checked)) => {
            let mut out = format!(
                "<p>共 {} 条。{}</p><table><tr><th>级别</th><th>位置</th><th>说明</th><th>代码</th></tr>",
                checked.report.diagnostics.len(),
                pages::button("/publish", &app.csrf, "发布")
            );
            for d in &checked.report.diagnostics {
                let (class, label) = match d.severity {
                    Severity::Error => ("error", "错误"),
                    Severity::Warning => ("warning", "警告"),
                    _ => ("", "提示"),
                };
                let hints = d.hints.join("；");
                let _ = std::fmt::Write::write_fmt(
                    &mut out,
                    format_args!(
                        "<tr><td class=\"{class}\">{label}</td><td>{}</td><td>{}<br>{}</td><td>{}</td></tr>",
                        esc(&d.location.to_string()),
                        esc(&d.message),
                        esc(&hints),
                        esc(&d.code)
                    ),
                );
            }
            out.push_str("</table>");
            out
        }
        Some(Err(e)) => pages::notice("err", &e.to_string()),
        None => pages::notice("err", "读取失败"),
    };
    Html(page("校对", "/check", &body))
}

#[derive(serde::Deserialize)]
struct Post {
    csrf: String,
}

/// 发布: one at a time; a second while one runs is refused.
async fn publish(State(app): State<Shared>, Form(post): Form<Post>) -> Response {
    if post.csrf != app.csrf {
        return refused(StatusCode::FORBIDDEN, "表单已过期，请刷新页面后重试");
    }
    let Ok(lock) = app.publishing.try_lock() else {
        return refused(StatusCode::CONFLICT, "另一次发布正在进行，请稍后再试");
    };
    let (input, output) = (app.input.clone(), app.output.clone());
    let result =
        blocking(move || fengong::publish_with(&input, &output, &fengong::Options::default()))
            .await;
    drop(lock);
    let message = match result {
        Some(Ok(published)) => pages::notice(
            "ok",
            &format!(
                "已发布 {} 个文件（沿用未变的 {} 个）",
                published.manifest.files.len() + 1,
                published.reused
            ),
        ),
        Some(Err(e)) => pages::notice("err", &e.to_string()),
        None => pages::notice("err", "发布失败"),
    };
    Html(page(
        "发布",
        "/documents",
        &(message + &document_list(&app)),
    ))
    .into_response()
}

fn refused(status: StatusCode, text: &str) -> Response {
    (
        status,
        Html(page("未执行", "", &pages::notice("err", text))),
    )
        .into_response()
}

/// The published documents, from the manifest.
async fn documents(State(app): State<Shared>) -> Html<String> {
    let mut body = pages::button("/publish", &app.csrf, "发布（重新生成 output/）");
    body.push_str(&document_list(&app));
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

fn document_list(app: &App) -> String {
    let files = manifest(&app.output);
    if files.is_empty() {
        return pages::notice("warn", "还没有发布过：先在“材料”上传文件，再点“发布”。");
    }
    let mut out = String::from("<table><tr><th>文件</th><th>大小</th></tr>");
    for (path, _, bytes) in &files {
        let href = path
            .split('/')
            .map(percent_encode)
            .collect::<Vec<_>>()
            .join("/");
        let _ = std::fmt::Write::write_fmt(
            &mut out,
            format_args!(
                "<tr><td><a href=\"/files/{href}\">{}</a></td><td class=\"n\">{} KB</td></tr>",
                esc(path),
                bytes.div_ceil(1024)
            ),
        );
    }
    out.push_str("</table>");
    out
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
async fn file(State(app): State<Shared>, UrlPath(path): UrlPath<String>) -> Response {
    let listed = manifest(&app.output).into_iter().any(|(p, _, _)| p == path);
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

#[derive(serde::Deserialize)]
struct TokenOnly {
    #[allow(dead_code)]
    token: Option<String>,
}

/// Uploads into `input/`: sources only, each written whole or not at all, never over a
/// file that is there.
async fn upload(State(app): State<Shared>, _: Query<TokenOnly>, form: Multipart) -> Response {
    let input = app.input.clone();
    match receive(&app, form, SOURCE_EXTENSIONS, move |_| Ok(input.clone())).await {
        Ok(saved) => {
            let mut body = pages::notice("ok", &format!("已上传：{}", saved.join("、")));
            body.push_str("<p><a href=\"/\">查看读取结果</a></p>");
            Html(page("材料", "/", &body)).into_response()
        }
        Err(response) => response,
    }
}

/// Returned forms into `input/returns/<period>/`, the period named as the CLI names it.
async fn upload_returns(State(app): State<Shared>, form: Multipart) -> Response {
    let returns = app.input.join("returns");
    let folder = move |period: Option<&str>| {
        let period = period.unwrap_or("").trim();
        let valid = period.len() >= 7
            && period[..4].bytes().all(|b| b.is_ascii_digit())
            && matches!(&period[4..], "-半年度" | "-年度");
        if valid {
            Ok(returns.join(period))
        } else {
            Err(format!(
                "评估期「{period}」无效：应如 2025-半年度 或 2025-年度"
            ))
        }
    };
    match receive(&app, form, FORM_EXTENSIONS, folder).await {
        Ok(saved) => {
            let mut body = pages::notice("ok", &format!("已收到：{}", saved.join("、")));
            body.push_str("<p><a href=\"/returns\">查看每份文件的处理结果</a></p>");
            Html(page("反馈与评估", "/returns", &body)).into_response()
        }
        Err(response) => response,
    }
}

/// Reads a multipart upload: the page's token first, a `period` field if any, then files
/// with one of `extensions`, each written into the folder `folder_for(period)` gives.
async fn receive(
    app: &App,
    mut form: Multipart,
    extensions: &[&str],
    folder_for: impl Fn(Option<&str>) -> Result<PathBuf, String>,
) -> Result<Vec<String>, Response> {
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

/// 反馈与评估: the upload form, and every returned file's outcome per period, as
/// `fengong evaluate` prints it (read afresh: nothing needs publishing first).
async fn returns(State(app): State<Shared>) -> Html<String> {
    let input = app.input.clone();
    let outcomes = blocking(move || evaluations(&input)).await;
    let year = outcomes
        .as_ref()
        .and_then(|o| o.as_ref().ok())
        .and_then(|(year, _)| *year)
        .unwrap_or(2025);
    let mut body = format!(
        "<form method=\"post\" action=\"/returns/upload\" enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><select name=\"period\"><option>{year}-半年度</option><option>{year}-年度</option></select> <input type=\"file\" name=\"files\" multiple accept=\".xlsx,.xls,.ods\"> <button>上传反馈表</button></form>",
        esc(&app.csrf)
    );
    match outcomes {
        Some(Ok((_, periods))) if periods.is_empty() => body.push_str(&pages::notice(
            "warn",
            "还没有反馈表：选择评估期，上传各单位报回的 Excel 反馈表。",
        )),
        Some(Ok((_, periods))) => {
            for e in &periods {
                body.push_str(&evaluation_view(e));
            }
        }
        Some(Err(message)) => body.push_str(&pages::notice("err", &message)),
        None => body.push_str(&pages::notice("err", "读取失败")),
    }
    Html(page("反馈与评估", "/returns", &body))
}

type Evaluations = (Option<i32>, Vec<fengong::evaluate::Evaluation>);

/// Every period folder under `input/returns/`, evaluated.
fn evaluations(input: &Path) -> Result<Evaluations, String> {
    let checked = fengong::check(input).map_err(|e| e.to_string())?;
    let dir = input.join("returns");
    if !dir.is_dir() {
        return Ok((checked.plan.year, Vec::new()));
    }
    let folders = fengong::ingest::returns::period_folders(&dir).map_err(|e| e.to_string())?;
    let rules = checked.project.config.evaluation.clone();
    let mut out = Vec::new();
    for folder in folders {
        let period = fengong::ingest::returns::period_of(&folder, None, checked.plan.year)
            .map_err(|e| e.to_string())?;
        let read = fengong::ingest::returns::read_folder(&folder).map_err(|e| e.to_string())?;
        out.push(fengong::evaluate::evaluate(
            &checked.plan,
            &rules,
            period,
            read,
        ));
    }
    Ok((checked.plan.year, out))
}

fn evaluation_view(e: &fengong::evaluate::Evaluation) -> String {
    let mut out = format!(
        "<h2>{}</h2><p>{} 份文件；采用 {} 个单位的反馈，未报送 {} 个{}。</p><table><tr><th>结果</th><th>单位</th><th>文件</th><th>说明</th></tr>",
        esc(&e.period.label),
        e.files.len(),
        e.units.iter().filter(|u| u.file.is_some()).count(),
        e.missing_units.len(),
        if e.missing_units.is_empty() {
            String::new()
        } else {
            format!("（{}）", esc(&e.missing_units.join("、")))
        }
    );
    for file in &e.files {
        let notes: Vec<String> = file.findings.iter().map(|f| esc(&f.message)).collect();
        let _ = std::fmt::Write::write_fmt(
            &mut out,
            format_args!(
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(file.outcome.label()),
                esc(file.unit.as_deref().unwrap_or("—")),
                esc(&file.file),
                notes.join("<br>")
            ),
        );
    }
    out.push_str("</table>");
    out
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
