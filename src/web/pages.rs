//! The pages, as HTML strings: plain, Chinese, one stylesheet, no script needed.

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
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · fengong</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><header><b>fengong 分工</b><nav>{nav}</nav></header><main><h1>{}</h1>{body}</main></body></html>",
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
th{background:#ededed;white-space:nowrap}td.n{text-align:center;white-space:nowrap}\
.msg{padding:.6em 1em;border-left:4px solid #888;background:#fff}.msg.ok{border-color:#2e7d32}.msg.err{border-color:#c62828}.msg.warn{border-color:#ef6c00}\
form{display:inline-block;margin:.5em 0}button{font:inherit;padding:.3em 1.2em}\
dl{display:grid;grid-template-columns:8em 1fr;background:#fff;padding:.6em 1em}dt{color:#666}\
.error{color:#c62828}.warning{color:#ef6c00}";
