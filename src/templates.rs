//! Templates: the words of every document. The shipped templates are compiled in; a file of
//! the same name in the project's `templates/` replaces one without a rebuild.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::Tera;

use crate::base::diag::{Error, Result};

/// The shipped templates, (name, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("audit.md.tera", include_str!("../templates/audit.md.tera")),
    (
        "notice.md.tera",
        include_str!("../templates/notice.md.tera"),
    ),
    (
        "evaluation.md.tera",
        include_str!("../templates/evaluation.md.tera"),
    ),
    (
        "packet.md.tera",
        include_str!("../templates/packet.md.tera"),
    ),
    (
        "packet_index.md.tera",
        include_str!("../templates/packet_index.md.tera"),
    ),
    ("table.md.tera", include_str!("../templates/table.md.tera")),
    (
        "unit_sheet.md.tera",
        include_str!("../templates/unit_sheet.md.tera"),
    ),
];

/// Files written by `fengong templates --eject` besides the templates.
pub const EJECT_EXTRA: &[(&str, &[u8])] = &[(
    "reference.docx",
    include_bytes!("../templates/reference.docx"),
)];

/// The loaded templates, shipped or overridden.
pub struct Templates {
    tera: Tera,
    /// Names replaced by the project's own files, and where they came from.
    pub overridden: Vec<(String, PathBuf)>,
}

impl Templates {
    /// Loads the embedded templates, replacing each by `dir/<name>` where that file exists.
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![""]);
        tera.set_escape_fn(markdown_escape);
        tera.register_filter("cell", LinesFilter(table_cell));
        tera.register_filter("text", LinesFilter(paragraph_text));
        tera.register_filter("book", book_filter);
        let mut overridden = Vec::new();
        let mut sources: Vec<(String, String)> = Vec::new();
        for (name, text) in EMBEDDED {
            let own = dir.map(|d| d.join(name)).filter(|p| p.is_file());
            match own {
                Some(path) => {
                    let text =
                        std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "读取", e))?;
                    sources.push((name.to_string(), text));
                    overridden.push((name.to_string(), path));
                }
                None => sources.push((name.to_string(), text.to_string())),
            }
        }
        for (name, text) in &sources {
            tera.add_raw_template(name, text).map_err(|e| {
                let origin = overridden
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, p)| p.display().to_string())
                    .unwrap_or_else(|| format!("内置模板 {name}"));
                Error::Render(format!("模板 {origin} 有误：{}", unravel(&e)))
            })?;
        }
        Ok(Templates { tera, overridden })
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &impl Serialize) -> Result<String> {
        let context = tera::Context::from_serialize(context)
            .map_err(|e| Error::Render(format!("模板 {name} 的数据有误：{}", unravel(&e))))?;
        self.tera
            .render(name, &context)
            .map_err(|e| Error::Render(format!("模板 {name} 渲染失败：{}", unravel(&e))))
    }
}

/// Every value a template prints is data, never Markdown: `5*8*2小时` must not become
/// emphasis, `[试点](url)` a link, `<u>` HTML or `&amp;` an entity. Tera escapes each
/// `{{ value }}` with this (a template that means to insert Markdown says `| safe`).
/// Characters that are Markdown anywhere get a backslash; those that are Markdown only at
/// the start of a line (headings, list markers, setext rules) get one there. Control
/// characters are left out (the glyph check notes each with its place).
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let rest = escape_line_start(line, &mut out);
        for c in rest.chars().filter(|c| !c.is_control() || *c == '\t') {
            if matches!(
                c,
                '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '~' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Escapes what would make `line` a heading, list item, quote or rule, pushing that part to
/// `out`; returns the rest.
fn escape_line_start<'a>(line: &'a str, out: &mut String) -> &'a str {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let (lead, body) = line.split_at(indent);
    out.push_str(lead);
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let after = body.as_bytes().get(digits + 1);
    let marker = match body.as_bytes().get(digits) {
        // `1. ` or `1)` then a space or the end: an ordered list item. `1.5` is not.
        Some(b'.' | b')')
            if (1..=9).contains(&digits) && matches!(after, None | Some(b' ' | b'\t')) =>
        {
            digits
        }
        _ if digits > 0 => return body,
        Some(b'#' | b'-' | b'+' | b'=') => 0,
        _ => return body,
    };
    out.push_str(&body[..marker]);
    out.push('\\');
    &body[marker..]
}

/// Text for one cell of a Markdown pipe table, escaped: a pipe table's row is one line, so
/// each line break of the value is a `<br>` (as GitHub writes one; the renderers set it as
/// a line break, and the space before it keeps pandoc, which drops the tag, from running
/// the lines together). A unit's return numbers its progress 1. 2. 3. on lines of their own.
pub fn table_cell(text: &str) -> String {
    value_lines(text).join(" <br>")
}

/// Text for one Markdown paragraph, escaped: each line break of the value a hard break.
pub fn paragraph_text(text: &str) -> String {
    value_lines(text).join("\\\n")
}

/// The value's non-blank lines, each escaped and without trailing blanks.
fn value_lines(text: &str) -> Vec<String> {
    text.split(['\n', '\r'])
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty())
        .map(markdown_escape)
        .collect()
}

/// `{{ title | book }}`: the title in 《》, a title it holds in 〈〉.
fn book_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(crate::base::cjk::in_title_marks(&text)))
}

/// `| cell` and `| text`: a value set as a table cell or a paragraph. Each escapes the value
/// itself (its output holds the Markdown of its line breaks), so it is marked safe.
struct LinesFilter(fn(&str) -> String);

impl tera::Filter for LinesFilter {
    fn filter(
        &self,
        value: &tera::Value,
        _: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let text = match value {
            tera::Value::String(s) => (self.0)(s),
            other => (self.0)(&other.to_string()),
        };
        Ok(tera::Value::String(text))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Writes the shipped templates (and the pandoc reference document) into `dir`, never
/// overwriting a file that is there.
pub fn eject(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "创建目录", e))?;
    let mut written = Vec::new();
    let files = EMBEDDED
        .iter()
        .map(|(n, t)| (*n, t.as_bytes()))
        .chain(EJECT_EXTRA.iter().copied());
    for (name, bytes) in files {
        let path = dir.join(name);
        if path.exists() {
            continue;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, "写入", e))?;
        written.push(path);
    }
    Ok(written)
}

/// Tera puts the real cause (the line, the missing variable) in `source()`: show the chain.
fn unravel(err: &dyn std::error::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join("：")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_templates_parse() {
        let templates = Templates::load(None).unwrap();
        assert!(templates.overridden.is_empty());
    }

    #[test]
    fn cells_never_break_a_pipe_table() {
        assert_eq!(table_cell("甲|乙\r\n\n<丙>  \n"), "甲\\|乙 <br>\\<丙\\>");
        assert_eq!(paragraph_text("1. 甲\n2. 乙"), "1\\. 甲\\\n2\\. 乙");
    }

    #[test]
    fn a_values_lines_stay_lines_in_a_table_and_a_paragraph() {
        let mut tera = Templates::load(None).unwrap().tera;
        tera.add_raw_template("t", "| {{ v | cell }} |\n\n进展：{{ v | text }}")
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("v", "1. 完成*一*\n2. 完成二");
        let out = tera.render("t", &context).unwrap();
        assert_eq!(
            out,
            "| 1\\. 完成\\*一\\* <br>2\\. 完成二 |\n\n进展：1\\. 完成\\*一\\*\\\n2\\. 完成二"
        );
    }

    #[test]
    fn data_is_never_markdown() {
        let cases = [
            ("5*8*2小时", "5\\*8\\*2小时"),
            ("[试点](http://x)", "\\[试点\\](http://x)"),
            ("<u>甲</u> &amp;", "\\<u\\>甲\\</u\\> \\&amp;"),
            (
                "# 标题\n- 一\n2. 二\n1.5 倍",
                "\\# 标题\n\\- 一\n2\\. 二\n1.5 倍",
            ),
            ("3#楼 a_b", "3#楼 a\\_b"),
        ];
        for (data, escaped) in cases {
            assert_eq!(markdown_escape(data), escaped, "{data}");
        }
    }

    #[test]
    fn a_project_file_overrides_and_errors_name_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("audit.md.tera"), "自定义 {{ title }}").unwrap();
        let templates = Templates::load(Some(dir.path())).unwrap();
        assert_eq!(templates.overridden.len(), 1);
        let out = templates
            .render("audit.md.tera", &serde_json::json!({"title": "报告"}))
            .unwrap();
        assert_eq!(out, "自定义 报告");

        std::fs::write(dir.path().join("audit.md.tera"), "第一行\n{% if %}\n").unwrap();
        let err = Templates::load(Some(dir.path())).err().unwrap().to_string();
        assert!(err.contains("audit.md.tera"), "{err}");
        assert!(err.contains("2:"), "{err}");
    }
}
