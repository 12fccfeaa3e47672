//! `fengong serve` over real HTTP (a plain TCP client, as a browser speaks it): the pages show
//! what fengong read and found, a publish through the page writes what the CLI writes and
//! its files download with the manifest's hashes, and the refusals hold — a POST without the
//! page's token, a path out of the output, an upload too large or named like a path, a
//! second publish while one runs, a network listener without the printed token; decisions
//! taken on findings land in `fengong.toml` with its comments, and the finding goes.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpStream;

use common::*;

/// One request; (status, headers, body).
fn request(
    server: &Server,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    request_to(&server.addr, method, path, content_type, body, None)
}

fn request_to(
    addr: &str,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
    cookie: Option<&str>,
) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !content_type.is_empty() {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    if let Some(c) = cookie {
        head.push_str(&format!("Cookie: {c}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A server may answer (413) before it has read a large body: stop writing then.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP response");
    let headers = String::from_utf8_lossy(&raw[..split]).to_string();
    let status: u16 = headers.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    (status, headers, body)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

fn text(body: &[u8]) -> String {
    String::from_utf8_lossy(body).to_string()
}

fn csrf_of(page: &str) -> String {
    let at = page
        .find("name=\"csrf\" value=\"")
        .expect("a form with the token")
        + 19;
    page[at..at + 32].to_string()
}

fn multipart(csrf: &str, files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "fengongtestboundary7MA4YWxk";
    let mut body = Vec::new();
    write!(
        body,
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
    )
    .unwrap();
    for (name, bytes) in files {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .unwrap();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Waits for the publish the page started; its closing message.
fn wait_published(server: &Server) -> String {
    let started = std::time::Instant::now();
    loop {
        let (status, headers, body) = request(server, "GET", "/publish/status", "", b"");
        assert_eq!(status, 200);
        assert!(headers.contains("application/json"), "{headers}");
        let state: serde_json::Value = serde_json::from_slice(&body).unwrap();
        if state["running"] == false {
            assert_eq!(state["ok"], true, "{state}");
            return state["message"].as_str().unwrap().to_string();
        }
        assert!(state["made"].as_u64().is_some(), "{state}");
        assert!(started.elapsed().as_secs() < 300, "publish did not end");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn form_post(server: &Server, path: &str, fields: &[(&str, &str)]) -> (u16, String, Vec<u8>) {
    let body = fields
        .iter()
        .map(|(k, v)| {
            let v: String = v.bytes().map(|b| format!("%{b:02X}")).collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&");
    request(
        server,
        "POST",
        path,
        "application/x-www-form-urlencoded",
        body.as_bytes(),
    )
}

fn seed_dir() -> tempfile::TempDir {
    project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())])
}

#[test]
fn the_page_shows_the_plan_and_publishes_what_the_manifest_lists() {
    // A project with its config and no sources yet: the notice comes as an upload.
    let dir = project(&[]);
    let server = serve(dir.path(), &[]);
    let (status, headers, body) = request(&server, "GET", "/", "", b"");
    assert_eq!(status, 200);
    assert!(
        headers.contains("content-security-policy: default-src 'self'"),
        "{headers}"
    );
    let page = text(&body);
    let csrf = csrf_of(&page);
    let (kind, form) = multipart(&csrf, &[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let (status, headers, body) = request(&server, "POST", "/upload", &kind, &form);
    // Back to the materials page: a reload there never sends the files again.
    assert_eq!(status, 303, "{}", text(&body));
    assert!(headers.contains("location: /?uploaded=1"), "{headers}");
    assert!(dir.path().join("input/嘉发改〔2025〕14号.md").is_file());
    let page = text(&request(&server, "GET", "/?uploaded=1", "", b"").2);
    assert!(page.contains("已上传 1 个文件"), "{page}");
    // What fengong read: the notice's fields, 78 tasks, the 赤河源/苏河源 finding.
    let page = text(&request(&server, "GET", "/", "", b"").2);
    assert!(page.contains("嘉发改〔2025〕14号"));
    assert!(page.contains("<dd>78 项"), "{page}");
    assert_eq!(page.matches("<tr><td class=\"n\">").count(), 78);
    // Each task under its section, with its own group's title.
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    for task in [&plan.tasks[1], &plan.tasks[40], &plan.tasks[77]] {
        let group = &plan.group(task.group).unwrap().title;
        let row = format!("<tr><td class=\"n\">{}</td><td>{group}</td>", task.no);
        assert!(page.contains(&row), "{row}");
    }
    for section in &plan.sections {
        let row = format!(
            "<tr class=\"section\"><td colspan=\"6\">{}、{}</td></tr>",
            section.numeral, section.title
        );
        assert!(page.contains(&row), "{row}");
    }
    let check = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(
        check.contains("推进<mark>赤</mark>河源") && check.contains("推进<mark>苏</mark>河源"),
        "the 赤河源/苏河源 finding, marked"
    );
    // Publish: the page answers at once and follows the progress; then every listed file
    // downloads with the manifest's hash.
    let (status, headers, body) = form_post(&server, "/publish", &[("csrf", &csrf)]);
    assert_eq!(status, 303, "{}", text(&body));
    assert!(headers.contains("location: /documents"), "{headers}");
    let running = text(&request(&server, "GET", "/documents", "", b"").2);
    assert!(
        running.contains("正在发布") || running.contains("已发布"),
        "{running}"
    );
    let said = wait_published(&server);
    assert!(said.starts_with("已发布 "), "{said}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/manifest.json")).unwrap())
            .unwrap();
    for name in ["通知.pdf", "任务单/南翔镇.xlsx", "通知.docx"] {
        let entry = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == name)
            .unwrap();
        let href = name
            .split('/')
            .map(|s| s.bytes().map(|b| format!("%{b:02X}")).collect::<String>())
            .collect::<Vec<_>>()
            .join("/");
        let (status, headers, body) = request(&server, "GET", &format!("/files/{href}"), "", b"");
        assert_eq!(status, 200, "{name}");
        assert_eq!(
            fengong::base::hash::sha256_hex(&body),
            entry["sha256"].as_str().unwrap(),
            "{name}"
        );
        if name.ends_with(".pdf") {
            assert!(headers.contains("application/pdf") && headers.contains("inline"));
        }
    }
    let list = text(&request(&server, "GET", "/documents", "", b"").2);
    assert!(list.contains(&said), "the publish's closing message");
    assert!(list.contains("<h2>任务单</h2>"));
    // One row per unit, its formats in reading order.
    let sheet = "%E4%BB%BB%E5%8A%A1%E5%8D%95/%E5%8D%97%E7%BF%94%E9%95%87";
    let row = format!(
        "<td>南翔镇</td><td><a href=\"/files/{sheet}.pdf\">PDF 预览</a> <a href=\"/files/{sheet}.docx\">Word</a> <a href=\"/files/{sheet}.xlsx\">Excel</a> <a href=\"/files/{sheet}.md\">Markdown</a> </td>"
    );
    assert!(list.contains(&row), "{row}");
    // One zip of everything: each listed file in it, byte for byte.
    let (status, headers, body) = request(&server, "GET", "/documents.zip", "", b"");
    assert_eq!(status, 200);
    assert!(headers.contains("application/zip"), "{headers}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(body)).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(zip.len(), files.len() + 1, "every file and the manifest");
    for entry in files {
        let mut bytes = Vec::new();
        zip.by_name(entry["path"].as_str().unwrap())
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        assert_eq!(
            fengong::base::hash::sha256_hex(&bytes),
            entry["sha256"].as_str().unwrap()
        );
    }
}

/// The decisions of 校对 go into `fengong.toml` beside what the user wrote there, and the
/// finding they settle is gone; a decision fengong could not read back is refused.
#[test]
fn decisions_are_written_to_the_config() {
    // The registry without 区体育局, so its tasks name an unknown unit.
    let config = seed_config().replace("[[units]]\nname = \"区体育局\"\n", "");
    assert_ne!(config, seed_config());
    let dir = project(&[
        ("fengong.toml", config.as_bytes()),
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
    ]);
    let config_path = dir.path().join("input/fengong.toml");
    let server = serve(dir.path(), &[]);
    let check = text(&request(&server, "GET", "/check", "", b"").2);
    let csrf = csrf_of(&check);
    assert!(check.contains("推进<mark>赤</mark>河源"), "{check}");
    assert!(check.contains("value=\"use_prose\""));
    assert!(check.contains("单位名录中没有「区体育局」"), "{check}");

    let decide = |fields: &[(&str, &str)]| {
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        let (status, headers, _) = form_post(&server, "/decide", &all);
        assert_eq!(status, 303);
        assert!(headers.contains("location: /check"), "{headers}");
        text(&request(&server, "GET", "/check", "", b"").2)
    };
    let page = decide(&[("action", "use_prose"), ("task", "40")]);
    assert!(
        page.contains("已写入 fengong.toml：第 40 项以正文为准"),
        "{page}"
    );
    assert!(!page.contains("<mark>赤</mark>河源"), "{page}");
    let page = decide(&[("action", "add_unit"), ("name", "区体育局")]);
    assert!(page.contains("「区体育局」加入单位名录"));
    assert!(!page.contains("单位名录中没有「区体育局」"));
    let page = decide(&[
        ("action", "signer"),
        ("value", "上海市嘉定区发展和改革委员会"),
    ]);
    assert!(!page.contains("notice/no-signer"), "{page}");
    // A date fengong could not read: refused, the file as it was.
    let before = std::fs::read_to_string(&config_path).unwrap();
    let page = decide(&[("action", "date"), ("value", "三月")]);
    assert!(page.contains("未写入"), "{page}");
    assert_eq!(std::fs::read_to_string(&config_path).unwrap(), before);
    // A date typed as 2025-03-05 is written as the notice prints it.
    let page = decide(&[("action", "date"), ("value", "2025-03-05")]);
    assert!(page.contains("已写入"), "{page}");
    assert!(
        std::fs::read_to_string(&config_path)
            .unwrap()
            .contains("date = \"2025年3月5日\"")
    );
    // An alias without a unit chosen: said, nothing written.
    let before = std::fs::read_to_string(&config_path).unwrap();
    let page = decide(&[("action", "alias"), ("name", "区体育局"), ("unit", "")]);
    assert!(page.contains("未写入：表单不完整"));
    assert_eq!(std::fs::read_to_string(&config_path).unwrap(), before);
    assert!(!page.contains("notice/no-date"), "{page}");

    // The user's comments are all still there, and the CLI reads what the page wrote.
    let written = std::fs::read_to_string(&config_path).unwrap();
    for line in config.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(written.contains(line), "lost: {line}");
    }
    assert!(written.contains("[[corrections]]\ntask = 40\nuse_prose = true"));
    let out = fengong(dir.path(), &["check", "input"]);
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        !said.contains("【赤】河源") && !said.contains("notice/no-signer"),
        "{said}"
    );
    // Without the page's token nothing is written.
    let (status, _, _) = form_post(
        &server,
        "/decide",
        &[("csrf", "x"), ("action", "use_prose"), ("task", "5")],
    );
    assert_eq!(status, 403);
    assert!(
        !std::fs::read_to_string(&config_path)
            .unwrap()
            .contains("task = 5\n")
    );
}

#[test]
fn refusals() {
    let dir = seed_dir();
    std::fs::write(dir.path().join("secret.txt"), "not for the page").unwrap();
    let server = serve(dir.path(), &[]);
    let page = text(&request(&server, "GET", "/", "", b"").2);
    let csrf = csrf_of(&page);
    // A POST without the page's token, or with another.
    for body in ["", "csrf=0123456789abcdef0123456789abcdef"] {
        let (status, _, _) = request(
            &server,
            "POST",
            "/publish",
            "application/x-www-form-urlencoded",
            body.as_bytes(),
        );
        assert!(status == 403 || status == 422 || status == 400, "{status}");
    }
    assert!(!dir.path().join("output/manifest.json").exists());
    // Paths out of the output, plain and encoded, and a file the manifest does not list.
    for path in [
        "/files/../secret.txt",
        "/files/%2e%2e/secret.txt",
        "/files/..%2fsecret.txt",
        "/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/files/input/fengong.toml",
    ] {
        let (status, _, body) = request(&server, "GET", path, "", b"");
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(!text(&body).contains("not for the page"), "{path}");
    }
    // Uploads: a name with a path, a name that is not a source, a file too large.
    for name in ["../evil.md", "子/x.md", "run.exe"] {
        let (kind, form) = multipart(&csrf, &[(name, b"x")]);
        let (status, _, _) = request(&server, "POST", "/upload", &kind, &form);
        assert_eq!(status, 400, "{name}");
    }
    assert!(!dir.path().join("evil.md").exists());
    let big = vec![b'x'; 21 * 1024 * 1024];
    let (kind, form) = multipart(&csrf, &[("大.md", &big)]);
    let (status, _, _) = request(&server, "POST", "/upload", &kind, &form);
    assert_eq!(status, 413);
    assert!(!dir.path().join("input/大.md").exists());
    // An upload never replaces a file that is there.
    let (kind, form) = multipart(&csrf, &[("嘉发改〔2025〕14号.md", b"replaced")]);
    let (status, _, _) = request(&server, "POST", "/upload", &kind, &form);
    assert_eq!(status, 409);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("input/嘉发改〔2025〕14号.md")).unwrap(),
        seed_text()
    );
    // The same file chosen twice is taken once; two files of one name are refused.
    let (kind, form) = multipart(&csrf, &[("同名.md", b"x"), ("同名.md", b"x")]);
    let (status, headers, _) = request(&server, "POST", "/upload", &kind, &form);
    assert_eq!(status, 303);
    assert!(headers.contains("location: /?uploaded=1"), "{headers}");
    assert_eq!(
        std::fs::read(dir.path().join("input/同名.md")).unwrap(),
        b"x"
    );
    std::fs::remove_file(dir.path().join("input/同名.md")).unwrap();
    let (kind, form) = multipart(&csrf, &[("两份.md", b"x"), ("两份.md", b"y")]);
    let (status, _, body) = request(&server, "POST", "/upload", &kind, &form);
    assert_eq!(status, 400);
    assert!(
        text(&body).contains("有两个不同的文件都叫「两份.md」"),
        "{}",
        text(&body)
    );
    assert!(!dir.path().join("input/两份.md").exists());
    // A batch with one name already there, or with too many files, writes none of them.
    let (kind, form) = multipart(
        &csrf,
        &[("新方案.md", b"x"), ("嘉发改〔2025〕14号.md", b"replaced")],
    );
    let (status, _, body) = request(&server, "POST", "/upload", &kind, &form);
    assert_eq!(status, 409);
    assert!(text(&body).contains("这次一个也没有上传"));
    assert!(!dir.path().join("input/新方案.md").exists());
    let many: Vec<(String, Vec<u8>)> = (0..21).map(|i| (format!("表{i}.md"), vec![b'x'])).collect();
    let many: Vec<(&str, &[u8])> = many
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let (kind, form) = multipart(&csrf, &many);
    let (status, _, _) = request(&server, "POST", "/upload", &kind, &form);
    assert_eq!(status, 413);
    assert!(!dir.path().join("input/表0.md").exists());
    // A second publish while one runs starts none: the page shows the one under way.
    let addr = server.addr.clone();
    let form = format!("csrf={csrf}");
    let first = {
        let (addr, form) = (addr.clone(), form.clone());
        std::thread::spawn(move || {
            request_to(
                &addr,
                "POST",
                "/publish",
                "application/x-www-form-urlencoded",
                form.as_bytes(),
                None,
            )
            .0
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(150));
    let (second, headers, _) = request_to(
        &addr,
        "POST",
        "/publish",
        "application/x-www-form-urlencoded",
        form.as_bytes(),
        None,
    );
    let first = first.join().unwrap();
    assert_eq!((first, second), (303, 303));
    assert!(headers.contains("location: /documents"), "{headers}");
    wait_published(&server);
}

#[test]
fn a_network_listener_needs_the_printed_token() {
    let dir = seed_dir();
    let server = serve(dir.path(), &["--listen", "0.0.0.0"]);
    let token = server.token.clone().expect("a token is printed");
    let port = server.addr.rsplit(':').next().unwrap();
    let local = format!("127.0.0.1:{port}");
    let (status, _, _) = request_to(&local, "GET", "/", "", b"", None);
    assert_eq!(status, 403);
    let (status, headers, _) =
        request_to(&local, "GET", &format!("/?token={token}"), "", b"", None);
    assert_eq!(status, 200);
    assert!(headers.contains("fengong_token="));
    let (status, _, _) = request_to(
        &local,
        "GET",
        "/check",
        "",
        b"",
        Some(&format!("fengong_token={token}")),
    );
    assert_eq!(status, 200);
}

/// Returned forms dropped into a period through the page are read and each accounted for,
/// as `fengong evaluate` prints them; a period not named as the CLI names it is refused.
#[test]
fn returned_forms_are_accounted_for() {
    let dir = seed_dir();
    let server = serve(dir.path(), &[]);
    let page = text(&request(&server, "GET", "/returns", "", b"").2);
    assert!(page.contains("还没有反馈表"), "{page}");
    assert!(
        page.contains("<a href=\"/returns\" class=\"on\">反馈与评估</a>"),
        "{page}"
    );
    let csrf = csrf_of(&page);
    let samples = input_dir().join("returns/2025-半年度");
    // Two of the shipped sample returns that `fengong evaluate` accepts.
    let forms: Vec<(String, Vec<u8>)> = ["示例_公安嘉定分局.xlsx", "示例_区交通委.xlsx"]
        .iter()
        .map(|n| (n.to_string(), std::fs::read(samples.join(n)).unwrap()))
        .collect();
    let files: Vec<(&str, &[u8])> = forms
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let with_period = |period: &str| {
        let (kind, body) = multipart(&csrf, &files);
        // The period field goes right after the token.
        let marker =
            b"--fengongtestboundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"files\"";
        let at = body
            .windows(marker.len())
            .position(|w| w == marker)
            .unwrap();
        let mut out = body[..at].to_vec();
        write!(
            out,
            "--fengongtestboundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n{period}\r\n"
        )
        .unwrap();
        out.extend_from_slice(&body[at..]);
        (kind, out)
    };
    let (kind, body) = with_period("../2025-年度");
    assert_eq!(
        request(&server, "POST", "/returns/upload", &kind, &body).0,
        400
    );
    let (kind, body) = with_period("2025-半年度");
    let (status, headers, said) = request(&server, "POST", "/returns/upload", &kind, &body);
    // To the list, so a reload does not send the files again; the list says what became
    // of each file just sent.
    assert_eq!(status, 303, "{}", text(&said));
    let to = (headers.lines())
        .find_map(|l| {
            l.strip_prefix("location: ")
                .or_else(|| l.strip_prefix("Location: "))
        })
        .expect("a Location header")
        .trim()
        .to_string();
    assert!(to.starts_with("/returns?"), "{to}");
    let after = text(&request(&server, "GET", &to, "", b"").2);
    for (name, _) in &forms {
        assert!(
            after.contains(&format!("已收到「{name}」（2025-半年度）：已接收")),
            "{after}"
        );
    }
    for (name, _) in &forms {
        assert!(
            dir.path()
                .join("input/returns/2025-半年度")
                .join(name)
                .is_file()
        );
    }
    let page = text(&request(&server, "GET", "/returns", "", b"").2);
    assert!(page.contains("2 份文件"), "{page}");
    for (name, _) in &forms {
        assert!(page.contains(name.as_str()), "{name}");
    }
    assert_eq!(
        page.matches(">已接收<").count() + page.matches(">已接收（有问题）<").count(),
        2,
        "{page}"
    );
}

/// The seed's notice in a project with no fengong.toml, served.
fn seed_without_config() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("input")).unwrap();
    std::fs::write(dir.path().join("input/嘉发改〔2025〕14号.md"), seed_text()).unwrap();
    let server = serve(dir.path(), &[]);
    (dir, server)
}

/// A project with sources and no fengong.toml: the page offers the starter `fengong init`
/// writes, and a group phrase the registry lacks (各街镇) is defined from the page.
#[test]
fn a_new_project_gets_its_registry_from_the_page() {
    let (dir, server) = seed_without_config();
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(page.contains("还没有单位名录"), "the init offer");
    let csrf = csrf_of(&page);
    let unknown_before = page.matches("不在单位名录中").count();
    assert!(unknown_before > 30, "{unknown_before}");
    let (status, _, _) = form_post(&server, "/init", &[("csrf", &csrf)]);
    assert_eq!(status, 303);
    let config = dir.path().join("input/fengong.toml");
    assert!(config.is_file());
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(page.contains("已生成 input/fengong.toml"));
    assert!(!page.contains("还没有单位名录"));
    // init proposes 各街镇 as a commented placeholder: the page defines it.
    assert!(page.contains("定义为单位组"), "a form for the group phrase");
    let members = "新成路街道、真新街道、嘉定镇街道、南翔镇";
    let (status, _, _) = form_post(
        &server,
        "/decide",
        &[
            ("csrf", &csrf),
            ("action", "group"),
            ("name", "各街镇"),
            ("partial", "false"),
            ("members", members),
        ],
    );
    assert_eq!(status, 303);
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(
        page.contains("「各街镇」定义为单位组（4 个单位）"),
        "the confirmation"
    );
    assert!(!page.contains("「各街镇」不在单位名录中"));
    let written =
        fengong::config::Config::parse(&std::fs::read_to_string(&config).unwrap(), "f").unwrap();
    let group = written.groups.iter().find(|g| g.name == "各街镇").unwrap();
    assert_eq!(group.members.len(), 4);
    // A second init is refused by the library: the file stays.
    let before = std::fs::read_to_string(&config).unwrap();
    form_post(&server, "/init", &[("csrf", &csrf)]);
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(page.contains("未生成"));
    assert_eq!(std::fs::read_to_string(&config).unwrap(), before);
}

/// A decision made before the registry (one unit added by hand) makes `fengong.toml`: the
/// page still offers the registry, and taking it adds every other unit the plan names to
/// that file, the decision kept.
#[test]
fn the_registry_is_still_offered_after_a_first_decision() {
    let (dir, server) = seed_without_config();
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    let csrf = csrf_of(&page);
    let decision = [
        ("csrf", csrf.as_str()),
        ("action", "add_unit"),
        ("name", "区教育局"),
    ];
    assert_eq!(form_post(&server, "/decide", &decision).0, 303);
    let config = dir.path().join("input/fengong.toml");
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    // The file is there: the offer says the registry lacks the plan's units, not that there
    // is no registry.
    assert!(!page.contains("还没有单位名录"), "the file is there");
    assert!(
        page.contains("单位名录（fengong.toml）里还没有文件中的大多数单位"),
        "the offer stays"
    );
    assert_eq!(form_post(&server, "/init", &[("csrf", &csrf)]).0, 303);
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(page.contains("已生成 input/fengong.toml"), "{page}");
    assert!(!page.contains("里还没有文件中的大多数单位"));
    let written =
        fengong::config::Config::parse(&std::fs::read_to_string(&config).unwrap(), "f").unwrap();
    assert_eq!(
        written.units[0].name, "区教育局",
        "the decision first, kept"
    );
    assert!(written.units.len() > 30, "{}", written.units.len());
    assert!(written.units.iter().any(|u| u.name == "区民政局"));
    // A phrase for several units is a group to fill, never a unit of the registry.
    assert!(
        !written
            .units
            .iter()
            .any(|u| fengong::model::is_group_phrase(&u.name)),
        "{:?}",
        written.units.iter().map(|u| &u.name).collect::<Vec<_>>()
    );
}

/// The decisions the page offers where reading stops or returns conflict: a second table
/// file is left out (`[plan] sources`), and a unit's two returns resolve to the latest
/// (`[evaluation] prefer_latest`).
#[test]
fn two_tables_and_two_returns_are_settled_from_the_page() {
    let second = std::fs::read(root().join("tests/fixtures/columns/leaders.md")).unwrap();
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("leaders.md", &second),
    ]);
    let period = dir.path().join("input/returns/2025-半年度");
    std::fs::create_dir_all(&period).unwrap();
    for name in ["示例_区民政局.xlsx", "示例_区民政局（更正稿）.xlsx"] {
        std::fs::copy(
            input_dir().join("returns/2025-半年度").join(name),
            period.join(name),
        )
        .unwrap();
    }
    let server = serve(dir.path(), &[]);
    let page = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(page.contains("这些问题使方案无法读入"));
    assert!(
        page.contains("不读「leaders.md」"),
        "the decision is offered"
    );
    let csrf = csrf_of(&page);
    let (status, _, _) = form_post(
        &server,
        "/decide",
        &[
            ("csrf", &csrf),
            ("action", "leave_out"),
            ("name", "leaders.md"),
        ],
    );
    assert_eq!(status, 303);
    let config = std::fs::read_to_string(dir.path().join("input/fengong.toml")).unwrap();
    assert!(
        config.contains("sources = [\"嘉发改〔2025〕14号.md\"]"),
        "{config}"
    );
    let page = text(&request(&server, "GET", "/", "", b"").2);
    assert!(page.contains("<dd>78 项"), "the plan reads again");

    let page = text(&request(&server, "GET", "/returns", "", b"").2);
    assert!(page.contains("重复报送待定") && page.contains("采用填报日期最晚的一份"));
    let (status, headers, _) = form_post(
        &server,
        "/decide",
        &[("csrf", &csrf), ("action", "prefer_latest")],
    );
    assert_eq!(status, 303);
    assert!(headers.contains("location: /returns"));
    let page = text(&request(&server, "GET", "/returns", "", b"").2);
    assert!(page.contains("已写入 fengong.toml"));
    assert!(!page.contains("重复报送待定"), "one of the two is taken");
    assert!(page.contains("已被替代"));
}

/// What would stop the project reading never gets into `input/`: an empty file, or bytes
/// that are not the document their name says, are refused at the upload with why. A file
/// `[plan] sources` leaves out is marked unread, and the page reads it instead or as well.
/// An address that is no page is answered in Chinese.
#[test]
fn unreadable_uploads_are_refused_and_a_file_left_unread_is_said() {
    let dir = project(&[
        ("甲.md", seed_text().as_bytes()),
        ("乙.md", seed_text().as_bytes()),
    ]);
    let config = dir.path().join("input/fengong.toml");
    let pinned = format!(
        "{}\n",
        std::fs::read_to_string(&config).unwrap().replacen(
            "[plan]",
            "[plan]\nsources = [\"甲.md\"]",
            1
        )
    );
    assert!(
        pinned.contains("sources = [\"甲.md\"]"),
        "the seed config has a [plan]"
    );
    std::fs::write(&config, pinned).unwrap();
    let server = serve(dir.path(), &[]);
    let page = text(&request(&server, "GET", "/", "", b"").2);
    assert!(
        page.contains("乙.md（") && page.contains("未读取"),
        "{page}"
    );
    let csrf = csrf_of(&page);
    for (name, bytes, why) in [
        ("空.docx", &b""[..], "是空文件"),
        ("坏.xlsx", &b"not a workbook at all"[..], "打不开"),
    ] {
        let (kind, body) = multipart(&csrf, &[(name, bytes)]);
        let (status, _, said) = request(&server, "POST", "/upload", &kind, &body);
        assert_eq!(status, 400, "{name}");
        assert!(text(&said).contains(why), "{name}: {}", text(&said));
        assert!(!dir.path().join("input").join(name).exists(), "{name}");
    }
    let check = text(&request(&server, "GET", "/check", "", b"").2);
    assert!(check.contains("「乙.md」未读取"), "{check}");
    let decision = [
        ("csrf", csrf.as_str()),
        ("action", "read_also"),
        ("name", "乙.md"),
    ];
    assert_eq!(form_post(&server, "/decide", &decision).0, 303);
    let written =
        fengong::config::Config::parse(&std::fs::read_to_string(&config).unwrap(), "f").unwrap();
    assert_eq!(written.plan.sources, ["甲.md", "乙.md"]);
    let (status, _, said) = request(&server, "GET", "/没有这页", "", b"");
    assert_eq!(status, 404);
    assert!(text(&said).contains("没有这个页面"), "{}", text(&said));
}
