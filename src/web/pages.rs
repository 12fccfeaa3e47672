//! The pages, as HTML strings: plain, Chinese, one stylesheet, one small script (files
//! dropped on an upload form, a publish's progress); every page works without it.

use std::fmt::Write as _;

pub use fengong::base::markup::escape as esc;

/// A whole page: the navigation, `title`, `body`.
pub fn page(title: &str, active: &str, body: &str) -> String {
    let mut nav = String::new();
    for (href, label) in [
        ("/", "材料"),
        ("/check", "校对"),
        ("/documents", "发布"),
        ("/returns", "反馈与评估"),
    ] {
        let class = if href == active { " class=\"on\"" } else { "" };
        let _ = write!(nav, "<a href=\"{href}\"{class}>{label}</a>");
    }
    format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · fengong</title><link rel=\"stylesheet\" href=\"/app.css\"><script src=\"/app.js\" defer></script></head><body><header><b>fengong 分工</b><nav>{nav}</nav></header><main><h1>{}</h1>{body}</main></body></html>",
        esc(title),
        esc(title)
    )
}

/// A message box.
pub fn notice(kind: &str, text: &str) -> String {
    format!("<p class=\"msg {kind}\">{}</p>", esc(text))
}

/// A form that POSTs to `action` with the CSRF token, a button labelled `label`.
pub fn button(action: &str, csrf: &str, label: &str) -> String {
    format!(
        "<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><button>{}</button></form>",
        esc(csrf),
        esc(label)
    )
}

/// The stylesheet, served as /app.css (the Content-Security-Policy allows no inline style).
pub const CSS: &str = "body{margin:0;font:15px/1.6 \"Noto Sans SC\",\"Microsoft YaHei\",sans-serif;color:#222;background:#f6f6f4}\
header{display:flex;gap:2em;align-items:center;padding:.6em 1.5em;background:#8b0000;color:#fff}\
header a{color:#fff;text-decoration:none;margin-right:1.2em;padding:.2em .4em}header a.on{border-bottom:2px solid #fff}\
main{max-width:1280px;margin:0 auto;padding:1em 1.5em}h1{font-size:1.4em}\
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}\
th{background:#ededed;white-space:nowrap}td.n{text-align:center;white-space:nowrap;width:1%}\
.msg{padding:.6em 1em;border-left:4px solid #888;background:#fff}.msg.ok{border-color:#2e7d32}.msg.err{border-color:#c62828}.msg.warn{border-color:#ef6c00}\
form{display:inline-block;margin:.5em 0}button{font:inherit;padding:.3em 1.2em}\
dl{display:grid;grid-template-columns:8em 1fr;background:#fff;padding:.6em 1em}dt{color:#666}\
.error{color:#c62828}.warning{color:#ef6c00}\
mark{background:#ffe082;padding:0 .1em}.hint{color:#555;font-size:.93em}.code{color:#999;font-size:.8em}\
td.place{font-size:.85em;color:#555;word-break:break-all;width:12em}td.act{width:17em}td.act form{display:block;margin:.2em 0}\
textarea{width:100%;font:inherit;box-sizing:border-box}details summary{cursor:pointer;color:#1565c0}\
progress{width:100%;height:1.2em}a.button{display:inline-block;padding:.3em 1.2em;background:#fff;border:1px solid #888;color:#222;text-decoration:none}\
table.docs td:first-child{width:40%}h2{font-size:1.15em;margin:1.2em 0 .4em}tr.section td{background:#f3e9e9;font-weight:bold}\
form.drop{display:block;border:2px dashed #bbb;padding:1em;background:#fff}form.drop.over{border-color:#8b0000;background:#fbf3f3}.drop-hint{color:#666;margin-right:.5em}";

/// The page's only script, served as /app.js: sends files dropped on an upload form, follows
/// a running publish and reloads the page when it ends. Without it the page still works
/// (choose files with the button, reload by hand).
pub const SCRIPT: &str = r#"(function () {
  // Files dropped on an upload form are sent as if chosen with its button.
  document.querySelectorAll("form.drop").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    form.addEventListener("dragover", function (e) { e.preventDefault(); form.classList.add("over"); });
    form.addEventListener("dragleave", function () { form.classList.remove("over"); });
    form.addEventListener("drop", function (e) {
      e.preventDefault();
      form.classList.remove("over");
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      input.files = e.dataTransfer.files;
      form.submit();
    });
  });
  var box = document.getElementById("progress");
  if (!box) return;
  var made = document.getElementById("made"), bar = document.getElementById("bar");
  function poll() {
    fetch(box.getAttribute("data-status"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (!s.running) { location.reload(); return; }
        made.textContent = s.made;
        // Without a last count to measure by, the bar stays one that only says work goes on.
        if (s.expected) {
          if (s.made > bar.max) bar.max = s.made;
          bar.value = s.made;
        }
        setTimeout(poll, 300);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 300);
})();
"#;
