//! The whole job in a real browser: Debian's chromium, headless, driven through chromedriver
//! (the W3C WebDriver protocol) at the office screen's 1366 × 768. It starts `fengong serve`
//! on a free port, uploads the seed notice, sees 78 tasks and the 赤河源/苏河源 finding,
//! accepts that correction, publishes, downloads 通知.pdf and one unit's workbook (their hashes
//! are the manifest's), uploads two returned forms and sees them accounted for. A screenshot
//! of each step goes to `target/browser/`.
//!
//! The WebDriver client is the few commands this test sends, over a plain socket: a client
//! crate (fantoccini) would add 55 crates to the build, two versions of ICU among them.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use common::*;
use serde_json::{Value, json};

/// A child process stopped when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP exchange with chromedriver; the JSON answer's `value`.
fn call(driver: &str, method: &str, path: &str, body: Option<&Value>) -> Value {
    try_call(driver, method, path, body)
        .unwrap_or_else(|(error, message)| panic!("WebDriver {method} {path}: {error}: {message}"))
}

/// [`call`], its WebDriver error and message returned, not raised.
fn try_call(
    driver: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<Value, (String, Value)> {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut stream = TcpStream::connect(driver).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {driver}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // chromedriver keeps the connection open whatever the request says: read the head, then
    // exactly the body its length names.
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut raw = vec![0; length];
    reader.read_exact(&mut raw).unwrap();
    let answer: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    if let Some(error) = answer["value"]["error"].as_str() {
        return Err((error.to_string(), answer["value"]["message"].clone()));
    }
    Ok(answer["value"].clone())
}

/// A browser session.
struct Browser {
    driver: String,
    session: String,
    shots: PathBuf,
    base: String,
}

impl Browser {
    fn path(&self, tail: &str) -> String {
        format!("/session/{}{tail}", self.session)
    }

    fn go(&self, page: &str) {
        let url = format!("http://{}{page}", self.base);
        call(
            &self.driver,
            "POST",
            &self.path("/url"),
            Some(&json!({ "url": url })),
        );
    }

    /// The first element matching `css`, waiting up to 60 s for it.
    fn find(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let found = call(
                &self.driver,
                "POST",
                &self.path("/elements"),
                Some(&json!({ "using": "css selector", "value": css })),
            );
            // An element reference is an object whose one value is the id.
            let id = found[0].as_object().and_then(|o| o.values().next());
            if let Some(id) = id.and_then(Value::as_str) {
                return id.to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no element {css} on {}",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        call(
            &self.driver,
            "POST",
            &self.path(&format!("/element/{id}/click")),
            Some(&json!({})),
        );
    }

    /// Types `text` into the element (a file input takes paths, one a line).
    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        call(
            &self.driver,
            "POST",
            &self.path(&format!("/element/{id}/value")),
            Some(&json!({ "text": text })),
        );
    }

    fn url(&self) -> String {
        call(&self.driver, "GET", &self.path("/url"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the page's text contains `text` (the page may reload meanwhile).
    fn wait_for_text(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let found = call(
                &self.driver,
                "POST",
                &self.path("/execute/sync"),
                Some(
                    &json!({ "script": "return document.body ? document.body.innerText : ''", "args": [] }),
                ),
            );
            let body = found.as_str().unwrap_or_default().to_string();
            if body.contains(text) {
                return body;
            }
            assert!(
                started.elapsed() < Duration::from_secs(180),
                "「{text}」never appeared on {}:\n{body}",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Saves the window as `target/browser/<name>.png`.
    fn screenshot(&self, name: &str) {
        // On a loaded machine Chrome may answer a screenshot taken while the page still
        // settles with a timeout ("aborted by navigation"): the picture is taken again.
        let mut tries = 0;
        let data = loop {
            match try_call(&self.driver, "GET", &self.path("/screenshot"), None) {
                Ok(data) => break data,
                Err((error, message)) if error == "timeout" && tries < 3 => {
                    eprintln!("screenshot {name}: {error}: {message}; again");
                    tries += 1;
                    std::thread::sleep(Duration::from_secs(1));
                }
                Err((error, message)) => panic!("WebDriver screenshot {name}: {error}: {message}"),
            }
        };
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| {
            call(&self.driver, "DELETE", &self.path(""), None);
        });
    }
}

/// Starts chromedriver and a headless chromium that downloads into `downloads`.
fn browser(base: &str, downloads: &Path) -> (Running, Browser) {
    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver (Debian package chromium-driver) must be installed");
    let driver = Running(driver);
    let addr = format!("127.0.0.1:{port}");
    let started = Instant::now();
    while TcpStream::connect(&addr).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("chromium must be installed");
    let capabilities = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": binary,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1366,768",
                     "--lang=zh-CN", "--no-first-run"],
            "prefs": {
                "download.default_directory": downloads.to_str().unwrap(),
                "download.prompt_for_download": false,
                "plugins.always_open_pdf_externally": true
            }
        }
    }}});
    let session = call(&addr, "POST", "/session", Some(&capabilities));
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("browser");
    let _ = std::fs::remove_dir_all(&shots);
    std::fs::create_dir_all(&shots).unwrap();
    let browser = Browser {
        driver: addr,
        session: session["sessionId"].as_str().unwrap().to_string(),
        shots,
        base: base.to_string(),
    };
    (driver, browser)
}

/// Waits for the browser to finish downloading `name` into `dir`; its bytes.
fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let started = Instant::now();
    loop {
        let partial = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"));
        let path = dir.join(name);
        if path.is_file() && !partial {
            return std::fs::read(path).unwrap();
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{name} was not downloaded"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn manifest_hash(project: &Path, path: &str) -> String {
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(project.join("output/manifest.json")).unwrap())
            .unwrap();
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in the manifest"))["sha256"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_whole_job_in_a_browser() {
    // A project with its config and nothing else: the notice comes through the page.
    let project = project(&[]);
    let sources = tempfile::tempdir().unwrap();
    let notice = sources.path().join("嘉发改〔2025〕14号.md");
    std::fs::write(&notice, seed_text()).unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let server = serve(project.path(), &[]);
    let base = server.addr.clone();
    let (_driver, browser) = browser(&base, downloads.path());

    // 材料: choose the notice, upload, see what was read.
    browser.go("/");
    browser.screenshot("1-材料-空");
    browser.type_into("input[type=file][name=files]", notice.to_str().unwrap());
    browser.click("form[action='/upload'] button");
    browser.wait_for_text("已上传 1 个文件");
    browser.go("/");
    let page = browser.wait_for_text("78 项");
    assert!(page.contains("嘉发改〔2025〕14号"), "{page}");
    let rows = call(
        &browser.driver,
        "POST",
        &browser.path("/elements"),
        Some(&json!({ "using": "css selector", "value": "table tr td.n:first-child" })),
    );
    assert_eq!(rows.as_array().unwrap().len(), 78, "one row per task");
    browser.screenshot("2-材料-读取结果");

    // 校对: the 赤河源/苏河源 finding, marked, and its correction accepted.
    browser.click("nav a[href='/check']");
    let page = browser.wait_for_text("推进赤河源综合公园竣工");
    assert!(page.contains("推进苏河源综合公园竣工"));
    let prose_wins =
        "form:has(input[name=action][value=use_prose]):has(input[name=task][value='40']) button";
    let row = call(
        &browser.driver,
        "POST",
        &browser.path("/execute/sync"),
        Some(
            &json!({ "script": "var b = document.querySelector(arguments[0]); b.scrollIntoView({block: 'center'}); return b.closest('tr').innerText;", "args": [prose_wins] }),
        ),
    );
    assert!(row.as_str().unwrap().contains("第 40 项"), "{row}");
    browser.screenshot("3-校对-赤河源");
    browser.click(prose_wins);
    let page = browser.wait_for_text("已写入 fengong.toml：第 40 项以正文为准");
    assert!(
        !page.contains("推进赤河源综合公园竣工"),
        "the finding is settled"
    );
    let config = std::fs::read_to_string(project.path().join("input/fengong.toml")).unwrap();
    assert!(config.contains("[[corrections]]\ntask = 40\nuse_prose = true"));
    browser.screenshot("4-校对-已采用正文");

    // 发布: with progress, then the documents by kind and unit.
    browser.click("form[action='/publish'] button");
    let page = browser.wait_for_text("已发布");
    assert!(page.contains("任务单"), "{page}");
    browser.screenshot("5-发布-文件列表");

    // The notice (a PDF, downloaded rather than shown) and one unit's workbook, as the
    // manifest lists them: the correction is in the published table.
    for (path, link) in [
        ("通知.pdf", "a[href='/files/%E9%80%9A%E7%9F%A5.pdf']"),
        (
            "任务单/南翔镇.xlsx",
            "a[href='/files/%E4%BB%BB%E5%8A%A1%E5%8D%95/%E5%8D%97%E7%BF%94%E9%95%87.xlsx']",
        ),
    ] {
        browser.click(link);
        let name = path.rsplit('/').next().unwrap();
        let bytes = downloaded(downloads.path(), name);
        assert_eq!(
            fengong::base::hash::sha256_hex(&bytes),
            manifest_hash(project.path(), path),
            "{path}"
        );
    }
    let table = std::fs::read_to_string(project.path().join("output/任务分工表.md")).unwrap();
    assert!(table.contains("苏河源综合公园") && !table.contains("赤河源"));

    // 反馈与评估: two returned forms into the half-year period.
    browser.click("nav a[href='/returns']");
    browser.wait_for_text("还没有反馈表");
    let samples = input_dir().join("returns/2025-半年度");
    let forms = ["示例_公安嘉定分局.xlsx", "示例_区交通委.xlsx"];
    // The first dropped on the form (as a file dragged from the desktop), the second chosen
    // with its button.
    let dropped = std::fs::read(samples.join(forms[0])).unwrap();
    call(
        &browser.driver,
        "POST",
        &browser.path("/execute/sync"),
        Some(
            &json!({ "script": "var form = document.querySelector(arguments[0]);\
            var raw = atob(arguments[1]), bytes = new Uint8Array(raw.length);\
            for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);\
            var dt = new DataTransfer(); dt.items.add(new File([bytes], arguments[2]));\
            form.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
            "args": ["form[action='/returns/upload']",
                     base64::engine::general_purpose::STANDARD.encode(&dropped), forms[0]] }),
        ),
    );
    browser.wait_for_text(&format!("已收到「{}」（2025-半年度）：已接收", forms[0]));
    let received = project
        .path()
        .join("input/returns/2025-半年度")
        .join(forms[0]);
    assert_eq!(
        std::fs::read(received).unwrap(),
        dropped,
        "the dropped file, whole"
    );
    browser.click("a[href='/returns']");
    browser.wait_for_text("1 份文件");
    let chosen = samples.join(forms[1]);
    browser.type_into(
        "form[action='/returns/upload'] input[type=file]",
        chosen.to_str().unwrap(),
    );
    browser.screenshot("6-反馈-选择文件");
    browser.click("form[action='/returns/upload'] button");
    browser.wait_for_text(&format!("已收到「{}」（2025-半年度）：已接收", forms[1]));
    browser.click("a[href='/returns']");
    let page = browser.wait_for_text("2 份文件");
    for name in forms {
        assert!(page.contains(name), "{name}");
    }
    assert_eq!(page.matches("已接收").count(), 2, "{page}");
    browser.screenshot("7-反馈-处理结果");
    // Publishing again makes the period's report, linked from the same page.
    browser.click("form[action='/publish'] button");
    browser.wait_for_text("评估 · 2025-半年度");
    browser.click("nav a[href='/returns']");
    let page = browser.wait_for_text("评估报告");
    assert!(page.contains("PDF 预览"), "{page}");
    browser.screenshot("8-反馈-评估报告");
}
