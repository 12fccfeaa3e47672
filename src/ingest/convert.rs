//! Old and other office formats (.doc, .wps, .rtf, .odt) and saved web pages (.html) through
//! LibreOffice: converted to .docx in a private temporary folder (its own profile, a time
//! limit), then read as Word.
//! Nothing is written beside the user's file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::base::diag::{Diagnostic, Location};

/// How long one conversion may take before it is stopped.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The command that converts `file` by hand, for messages.
fn by_hand(file: &str, web: bool) -> String {
    if web {
        format!(
            "soffice --headless --infilter=\"HTML (StarWriter)\" --convert-to \"docx:MS Word 2007 XML\" \"{file}\""
        )
    } else {
        format!("soffice --headless --convert-to docx \"{file}\"")
    }
}

/// A web page saved from a browser (.html, .htm), or one saved under an office file's name:
/// an OA system's 导出Excel and a site's 下载 often give HTML as .xls or .doc.
fn is_web_page(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| matches!(e.to_string_lossy().to_lowercase().as_str(), "html" | "htm"))
        || holds_html(path)
}

/// True when the file at `path` is HTML, whatever its name says: it opens with a tag of a
/// web page (after a byte-order mark and blanks).
pub fn holds_html(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 512];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = String::from_utf8_lossy(&head[..n]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<meta",
        "<table",
        "<body",
    ]
    .iter()
    .any(|tag| head.starts_with(tag))
        || (head.starts_with("<?xml") && head.contains("<html"))
}

/// LibreOffice's command, when it is installed.
fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The .docx bytes of `path` (shown as `display`), made by LibreOffice.
pub fn to_docx(path: &Path, display: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let web = is_web_page(path);
    let unavailable = |why: String| {
        let hint = format!(
            "可用 WPS 或 Word 另存为 .docx，或运行：{}",
            by_hand(display, web)
        );
        vec![
            Diagnostic::error("input/needs-conversion", Location::file(display), why)
                .with_hint(hint),
        ]
    };
    let Some(soffice) = soffice() else {
        return Err(unavailable(
            "此格式需先转为 .docx；本机未安装 LibreOffice（soffice），无法自动转换".into(),
        ));
    };
    let work = tempfile::tempdir()
        .map_err(|e| unavailable(format!("无法创建临时目录以转换此文件：{e}")))?;
    let profile = work.path().join("profile");
    let out = work.path().join("out");
    let mut command = Command::new(&soffice);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore"]);
    // A saved web page opens in Writer/Web, which has no .docx export: read it as a
    // document, and name the export filter.
    if web {
        command.arg("--infilter=HTML (StarWriter)");
    }
    let target = if web { "docx:MS Word 2007 XML" } else { "docx" };
    let mut child = command
        .args(["--convert-to", target, "--outdir"])
        .arg(&out)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| unavailable(format!("无法启动 LibreOffice：{e}")))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() < TIME_LIMIT => {
                std::thread::sleep(Duration::from_millis(100))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(unavailable(format!(
                    "LibreOffice 转换超过 {} 秒未完成，已停止",
                    TIME_LIMIT.as_secs()
                )));
            }
        }
    }
    let stem = path.file_stem().unwrap_or_default();
    let converted = out.join(stem).with_extension("docx");
    std::fs::read(&converted)
        .map_err(|_| unavailable("LibreOffice 未能转换此文件（文件可能已损坏或受密码保护）".into()))
}
