//! Helpers shared by the end-to-end tests: where the seed is, temporary projects, running
//! the binary.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// LibreOffice, headless, with a profile of its own under `scratch` (a folder the test
/// owns): the tests run side by side, and two soffice processes on one profile either hand
/// their work to each other or fail on its lock.
pub fn soffice(scratch: &Path) -> Command {
    let profile = scratch.join(".lo-profile");
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .arg("--headless");
    command
}

/// The shipped input folder.
pub fn input_dir() -> PathBuf {
    root().join("input")
}

/// The shipped seed (嘉发改〔2025〕14号).
pub fn seed_path() -> PathBuf {
    input_dir().join("嘉发改〔2025〕14号.md")
}

/// The seed's bytes.
pub fn seed_text() -> String {
    std::fs::read_to_string(seed_path()).expect("seed")
}

/// The shipped config.
pub fn seed_config() -> String {
    std::fs::read_to_string(input_dir().join("fengong.toml")).expect("config")
}

/// The shipped config with a `[plan] title`, for sources that have no title of their own
/// (a bare table): without one a plan is refused (`plan/no-title`).
pub fn seed_config_titled(title: &str) -> String {
    seed_config().replacen("[plan]\n", &format!("[plan]\ntitle = \"{title}\"\n"), 1)
}

/// A temporary project folder with an `input/` holding `files` (name, bytes) and the shipped
/// config unless `files` brings its own.
pub fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).expect("mkdir");
    if !files.iter().any(|(name, _)| *name == "fengong.toml") {
        std::fs::write(input.join("fengong.toml"), seed_config()).expect("config");
    }
    for (name, bytes) in files {
        std::fs::write(input.join(name), bytes).expect("write");
    }
    dir
}

/// A project whose only input is the fixture `name` (under tests/fixtures), published.
pub fn published_fixture(name: &str) -> tempfile::TempDir {
    let path = root().join("tests/fixtures").join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    let file = path.file_name().and_then(|n| n.to_str()).expect("name");
    let dir = project(&[(file, bytes.as_slice())]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// Runs the fengong binary in `cwd`.
pub fn fengong(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run fengong")
}

/// What a run said, standard output and standard error together (check's findings go to
/// standard output, a refusal to standard error).
pub fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// One publish of the shipped seed in a temporary project, shared by the tests of a file.
pub fn published_seed() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
        let out = fengong(dir.path(), &["publish"]);
        assert!(out.status.success(), "{}", stderr(&out));
        dir
    })
    .path()
}

/// Every file under `dir`: relative path → bytes, sorted by path.
pub fn read_tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// Runs a tool the tests need and returns what it printed; a missing tool or a failure
/// stops the test saying so.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test ({e}); .ci/run installs it"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// How many pages a PDF has (pdfinfo).
pub fn pdf_pages(path: &Path) -> usize {
    run("pdfinfo", &[path.to_str().expect("a UTF-8 path")])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo prints Pages:")
        .trim()
        .parse()
        .expect("a page count")
}

/// A running server, stopped when dropped.
pub struct Server {
    pub child: Child,
    /// host:port.
    pub addr: String,
    /// The token printed when serving a network.
    pub token: Option<String>,
    /// Its console, kept open while it runs.
    _console: BufReader<std::process::ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `fengong serve` in `dir` on a free port and reads the address it prints.
pub fn serve(dir: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(["serve", ".", "--port", "0"])
        .args(extra)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut console = BufReader::new(child.stdout.take().unwrap());
    console.read_line(&mut line).unwrap();
    // "fengong 网页：http://127.0.0.1:PORT/" or ".../?token=T"
    let url = line
        .split("http://")
        .nth(1)
        .expect(&line)
        .trim()
        .to_string();
    let (addr, token) = match url.split_once("/?token=") {
        Some((a, t)) => (a.to_string(), Some(t.to_string())),
        None => (url.trim_end_matches('/').to_string(), None),
    };
    Server {
        child,
        addr,
        token,
        _console: console,
    }
}

// Accounting for a source's characters (tests/layouts.rs, tests/docx.rs).

/// The characters a reader reads: Han characters, letters and digits (full-width forms
/// folded to ASCII). Punctuation, spacing and Markdown are the layout's.
pub fn content_chars(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Every string of the model (as `dump --json` shows it), as content characters.
pub fn model_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(content_chars(s)),
        // Task and group numbers (a 序号 cell) are numbers in the model.
        serde_json::Value::Number(n) => out.push(n.to_string()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| model_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| model_strings(v, out)),
        _ => {}
    }
}

/// A line's clauses: split at cell separators (`|`, tabs, runs of spaces) and at
/// punctuation, each without the numbering that opens it (一、 （二） 3. ① 一是); a short
/// clause before a colon is a label (牵头单位：, 附件：) and not content.
pub fn clauses(line: &str) -> Vec<String> {
    static MARKER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(#+\s*|[-*>]\s+)?([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.、．]|[①-⑳]|[一二三四五六七八九十]是|第[一二三四五六七八九十百\d]+[条项章])?",
        )
        .unwrap()
    });
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"</?[a-zA-Z]+[^>]*>").unwrap());
    // The attachment's own label line (附件, 附件2) is structure.
    if regex::Regex::new(r"^附件\s*\d*[:：]?$")
        .unwrap()
        .is_match(line.trim())
    {
        return Vec::new();
    }
    // Small punctuation marks (1﹒, ﹑) are read as the usual ones, and said.
    let line = fengong::base::cjk::in_standard_forms(line);
    let line = TAG
        .replace_all(&line, "")
        .replace("  ", "\t")
        .replace("**", "");
    let mut out = Vec::new();
    let mut clause = String::new();
    for c in line.chars().chain(['\n']) {
        let separator = matches!(
            c,
            '|' | '\t' | '\n' | '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '？' | '、'
                // A box-drawn table's lines (│ ├ ┼ …) part its cells.
                | '\u{2500}'..='\u{257F}'
        );
        if !separator {
            clause.push(c);
            continue;
        }
        let text = clause.trim().to_string();
        clause.clear();
        let marker = MARKER.find(&text).map(|m| m.end()).unwrap_or(0);
        let content = content_chars(&text[marker..]);
        let label = matches!(c, '：' | ':') && content.chars().count() <= 8;
        if !content.is_empty() && !label {
            out.push(content);
        }
    }
    out
}

/// A PDF's text as `pdftotext -layout` gives it.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed; .ci/run installs it");
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The codes of what checking found, in order.
/// Each group's title and its tasks' numbers, in plan order.
pub fn groups(plan: &fengong::model::Plan) -> Vec<(String, Vec<u32>)> {
    plan.groups()
        .map(|g| (g.title.clone(), g.tasks.clone()))
        .collect()
}

pub fn codes(checked: &fengong::Checked) -> Vec<&str> {
    checked
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

/// The names of task `no`'s leading units.
pub fn leads(plan: &fengong::model::Plan, no: u32) -> Vec<String> {
    plan.task(no)
        .unwrap()
        .leads()
        .map(|a| a.name.clone())
        .collect()
}

/// The names of task `no`'s supporting units.
pub fn supports(plan: &fengong::model::Plan, no: u32) -> Vec<String> {
    plan.task(no)
        .unwrap()
        .supports()
        .map(|a| a.name.clone())
        .collect()
}

/// The tasks' contents, in order.
pub fn contents(plan: &fengong::model::Plan) -> Vec<&str> {
    plan.tasks.iter().map(|t| t.content.as_str()).collect()
}

/// Publishes `input` (a file or an input folder) into a temporary folder and returns the
/// text of the published file `name` (通知.md …).
pub fn published_text(input: &Path, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(input, &out, &fengong::Options::default()).unwrap();
    std::fs::read_to_string(out.join(name)).unwrap()
}

/// The text runs of a .docx's body, in order, a space after each.
pub fn docx_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let mut text = String::new();
    for piece in xml.split("<w:t").skip(1) {
        let body = piece.split_once('>').map_or("", |(_, b)| b);
        text.push_str(body.split("</w:t>").next().unwrap_or(""));
        text.push(' ');
    }
    text
}
