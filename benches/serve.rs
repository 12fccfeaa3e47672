//! `cargo bench --bench serve`: `fengong serve` on the shipped input (the seed and its sample
//! returns). Prints how long the server takes to answer each page (best and median of 20, over
//! loopback, including the check each page runs afresh) and a publish started from the page
//! (until its status says done) against the same publish from the command line. Asserts
//! nothing: the targets (≤ 100 ms a page, publish as fast as the CLI) are judged from the
//! figures.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(project: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(["serve", ".", "--port", "0"])
        .current_dir(project)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn fengong serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line.split("http://").nth(1).expect(&line).trim();
    Server(child, addr.trim_end_matches('/').to_string())
}

/// One request; (status, body).
fn request(addr: &str, method: &str, path: &str, form: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = String::from_utf8_lossy(&raw[9..12]).parse().unwrap();
    (status, raw[split + 4..].to_vec())
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Publishes through the page and waits for its status to say done.
fn publish_through_page(addr: &str, csrf: &str) -> Duration {
    let start = Instant::now();
    let (status, _) = request(addr, "POST", "/publish", &format!("csrf={csrf}"));
    assert_eq!(status, 303);
    loop {
        let (_, body) = request(addr, "GET", "/publish/status", "");
        let state: serde_json::Value = serde_json::from_slice(&body).unwrap();
        if state["running"] == false {
            assert_eq!(state["ok"], true, "{state}");
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn publish_cli(project: &Path, fresh: bool) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(["publish", "input", "-o", "output"])
        .args(fresh.then_some("--fresh"))
        .current_dir(project)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    start.elapsed()
}

fn main() {
    let project = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("input"),
        &project.path().join("input"),
    );
    let server = serve(project.path());
    let addr = server.1.clone();
    let page = String::from_utf8(request(&addr, "GET", "/", "").1).unwrap();
    let at = page.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf = page[at..at + 32].to_string();

    // The first publish through the page writes the output the other pages list.
    let first = publish_through_page(&addr, &csrf);
    println!(
        "publish through the page, empty output: {:.1} ms",
        ms(first)
    );
    for path in ["/", "/check", "/documents", "/returns", "/app.css"] {
        let mut times: Vec<Duration> = (0..20)
            .map(|_| {
                let start = Instant::now();
                let (status, _) = request(&addr, "GET", path, "");
                assert_eq!(status, 200, "{path}");
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "page {path}: best {:.1} ms, median {:.1} ms",
            ms(times[0]),
            ms(times[times.len() / 2])
        );
    }
    // The same publish (the output as it is: unchanged documents reused) from the page and
    // from the command line, alternately, best of 3 each; then both making everything anew.
    let (mut page_best, mut cli_best) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        page_best = page_best.min(publish_through_page(&addr, &csrf));
        cli_best = cli_best.min(publish_cli(project.path(), false));
    }
    println!(
        "publish, unchanged output: page {:.1} ms, CLI {:.1} ms (best of 3)",
        ms(page_best),
        ms(cli_best)
    );
    drop(server);
    let fresh_project = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("input"),
        &fresh_project.path().join("input"),
    );
    let (mut page_best, mut cli_best) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(fresh_project.path().join("output"));
        let server = serve(fresh_project.path());
        page_best = page_best.min(publish_through_page(&server.1, &csrf_of(&server.1)));
        drop(server);
        let _ = std::fs::remove_dir_all(fresh_project.path().join("output"));
        cli_best = cli_best.min(publish_cli(fresh_project.path(), true));
    }
    println!(
        "publish, empty output: page {:.1} ms, CLI {:.1} ms (best of 3)",
        ms(page_best),
        ms(cli_best)
    );
}

fn csrf_of(addr: &str) -> String {
    let page = String::from_utf8(request(addr, "GET", "/documents", "").1).unwrap();
    let at = page.find("name=\"csrf\" value=\"").unwrap() + 19;
    page[at..at + 32].to_string()
}
