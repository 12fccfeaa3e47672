//! `fengong serve`: the job on a local web page, a thin layer over the library (axum on
//! tokio: the well-kept stack, and the blocking work — check, publish — runs on tokio's
//! blocking pool). Bound to 127.0.0.1 unless `--listen` says otherwise, and then only with
//! the token printed at start. Every POST carries the page's CSRF token; the
//! Content-Security-Policy allows nothing from outside; a file is served only when the
//! output's manifest lists it; one publish at a time.

mod materials;
mod pages;
mod publish;
mod returns;
mod review;
mod upload;

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};

/// Largest upload of one request.
const MAX_UPLOAD: usize = 50 * 1024 * 1024;

struct App {
    input: PathBuf,
    output: PathBuf,
    csrf: String,
    /// Required on every request when serving beyond this machine.
    token: Option<String>,
    /// Held by whatever writes into the project (publish, uploads, decisions): one at a time.
    writing: Arc<tokio::sync::Mutex<()>>,
    /// The latest publish started from the page, running or finished.
    job: std::sync::Mutex<Option<publish::Job>>,
    /// What the last decision did, shown once on the findings page.
    flash: std::sync::Mutex<Option<(bool, String)>>,
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
        writing: Arc::new(tokio::sync::Mutex::new(())),
        job: std::sync::Mutex::new(None),
        flash: std::sync::Mutex::new(None),
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
        .route("/", get(materials::materials))
        .route("/app.css", get(stylesheet))
        .route("/app.js", get(script))
        .route("/upload", post(materials::upload))
        .route("/check", get(review::findings))
        .route("/decide", post(review::decide))
        .route("/init", post(review::init))
        .route("/publish", post(publish::start))
        .route("/publish/status", get(publish::status))
        .route("/documents", get(publish::documents))
        .route("/documents.zip", get(publish::zip_all))
        .route("/files/{*path}", get(publish::file))
        .route("/returns", get(returns::returns))
        .route("/returns/upload", post(returns::upload_returns))
        .fallback(not_found)
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

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        pages::SCRIPT,
    )
}

/// Runs blocking library work off the async threads.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(work).await.ok()
}

/// A form that carries only the page's token.
#[derive(serde::Deserialize)]
struct Post {
    csrf: String,
}

/// A page saying why a request was not carried out.
/// A page that is not there (a mistyped or old address): said in Chinese, with the menu to
/// go on from.
async fn not_found() -> Response {
    refused(
        StatusCode::NOT_FOUND,
        "没有这个页面：地址可能输错了，或是旧的书签。请从上方的菜单进入。",
    )
}

fn refused(status: StatusCode, text: &str) -> Response {
    (
        status,
        Html(pages::page("未执行", "", &pages::notice("err", text))),
    )
        .into_response()
}
