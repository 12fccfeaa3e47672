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
        tera.autoescape_on(Vec::new());
        tera.register_filter("cell", cell_filter);
        tera.register_filter("text", text_filter);
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

/// Text made safe for one cell of a Markdown pipe table: `|` escaped, line breaks as spaces.
pub fn table_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Text made safe for a Markdown paragraph: characters that would start emphasis, links,
/// headings or HTML are escaped; line breaks become spaces.
pub fn paragraph_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn text_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    match value {
        tera::Value::String(s) => Ok(tera::Value::String(paragraph_text(s))),
        other => Ok(tera::Value::String(paragraph_text(&other.to_string()))),
    }
}

fn cell_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    match value {
        tera::Value::String(s) => Ok(tera::Value::String(table_cell(s))),
        other => Ok(tera::Value::String(table_cell(&other.to_string()))),
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
        assert_eq!(table_cell("甲|乙\n丙"), "甲\\|乙 丙");
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
