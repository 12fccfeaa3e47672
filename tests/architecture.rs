//! The one-way flow of the library, enforced: every `crate::…` and `super::…` path in `src/`
//! must point to the module's own component or to one earlier in [`LAYERS`]. A helper that
//! sits in the wrong stage, or an import circle between components, fails here with the file
//! and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The components of the library, earliest first. A module may import from its own
/// component and from any component of an earlier layer; components of one layer may not
/// import each other (the output formats are independent of each other).
const LAYERS: &[&[&str]] = &[
    // Helpers with no knowledge of plans: diagnostics, CJK text, decoding, dates, numbers, hashes.
    &["base"],
    // The typed plan and returned forms.
    &["model"],
    // The return form's layout, shared by its writer (render::xlsx) and reader (ingest).
    &["form"],
    // fengong.toml, then the project folder that holds it.
    &["config"],
    &["project"],
    // The stages, in the order data flows through them.
    &["ingest"],
    &["checks"],
    &["evaluate"],
    &["view"],
    &["templates"],
    &["render"],
    &[
        "render::pdf",
        "render::xlsx",
        "render::markdown",
        "render::docx",
    ],
    &["output"],
    // The driver: composes documents from the stages, and the 示例 returns it ships.
    &["compose"],
    &["samples"],
    // The starter config `fengong init` writes from a plan.
    &["starter"],
    // lib.rs: `check`, `publish`, `evaluate` call the stages in order.
    &[""],
];

/// Names lib.rs re-exports, by the component that defines them.
const ROOT_REEXPORTS: &[(&str, &str)] = &[
    ("Diagnostic", "base"),
    ("Error", "base"),
    ("Location", "base"),
    ("Result", "base"),
    ("Severity", "base"),
    ("Project", "project"),
];

/// (layer index, component) of a module path such as `render::pdf::fonts`.
fn component_of(module: &[String]) -> (usize, &'static str) {
    let joined = module.join("::");
    let mut best: Option<(usize, &'static str)> = None;
    for (layer, components) in LAYERS.iter().enumerate() {
        for component in *components {
            let matches = component.is_empty()
                || joined == *component
                || joined.starts_with(&format!("{component}::"));
            if matches && best.is_none_or(|(_, b)| component.len() > b.len()) {
                best = Some((layer, component));
            }
        }
    }
    best.unwrap_or((LAYERS.len() - 1, ""))
}

/// The module path of a file under `src/`: `render/pdf/mod.rs` → [render, pdf].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line without its `//` comment (doc links are not imports).
fn code_of(line: &str) -> &str {
    match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// Every path a source text names from `crate::` or `super::`, as absolute module paths
/// (first two segments are enough to find a component), with their line numbers. Grouped
/// imports (`use crate::{a::b, c};`) are expanded, also over several lines; `super` is read
/// from the inline module it is written in (`mod tests { use super::*; }`).
fn paths_named(text: &str, module: &[String]) -> Vec<(usize, Vec<String>)> {
    let code: Vec<&str> = text.lines().map(code_of).collect();
    let joined = code.join("\n");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    // Inline modules open at this point: (name, brace depth inside them).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &joined[i..];
        let boundary = i == 0 || !is_ident(bytes[i - 1] as char) && bytes[i - 1] != b':';
        let prefix = ["crate::", "super::"]
            .into_iter()
            .find(|p| boundary && rest.starts_with(p));
        if let Some(prefix) = prefix {
            let mut base: Vec<String> = Vec::new();
            if prefix == "super::" {
                base = module.to_vec();
                base.extend(inline.iter().map(|(name, _)| name.clone()));
                base.pop();
            }
            let line = joined[..i].matches('\n').count() + 1;
            let (paths, used) = expand(&rest[prefix.len()..], base);
            out.extend(paths.into_iter().map(|p| (line, p)));
            i += prefix.len() + used.max(1);
            continue;
        }
        if boundary && let Some(name) = inline_module(rest) {
            depth += 1;
            inline.push((name, depth));
            i += rest.find('{').unwrap_or(0) + 1;
            continue;
        }
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// `mod name {` at the start of `text`: the name.
fn inline_module(text: &str) -> Option<String> {
    let rest = text.strip_prefix("mod ")?;
    let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
    let after = rest[name.len()..].trim_start();
    (!name.is_empty() && after.starts_with('{')).then_some(name)
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Reads a path (or a `{…}` group of paths) at the start of `text`, under `base`; returns
/// the full paths and the bytes read. `super::super::x` climbs further.
fn expand(text: &str, mut base: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut pos = 0;
    loop {
        let rest = &text[pos..];
        if rest.starts_with('{') {
            let close = matching_brace(rest);
            let inner = &rest[1..close];
            let mut paths = Vec::new();
            for item in split_top_level(inner) {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                if item == "self" {
                    paths.push(base.clone());
                    continue;
                }
                let (sub, _) = expand(item, base.clone());
                paths.extend(sub);
            }
            return (paths, pos + close + 1);
        }
        let ident: String = rest.chars().take_while(|c| is_ident(*c)).collect();
        if ident.is_empty() {
            return (vec![base], pos);
        }
        pos += ident.len();
        if ident == "super" {
            base.pop();
        } else {
            base.push(ident);
        }
        if text[pos..].starts_with("::") {
            pos += 2;
        } else {
            return (vec![base], pos);
        }
    }
}

fn matching_brace(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len() - 1
}

fn split_top_level(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0, 0, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// Where a named path lands: a re-export at the root counts as its defining component.
fn target_component(path: &[String]) -> (usize, &'static str) {
    if let [name, ..] = path
        && let Some((_, component)) = ROOT_REEXPORTS.iter().find(|(n, _)| n == name)
    {
        return component_of(&[component.to_string()]);
    }
    component_of(path)
}

/// Every import against the flow in the library's sources.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = BTreeSet::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        // The binary (main.rs, cli.rs) sits on top of the library and imports it as `fengong`.
        if name == "main.rs" || name == "cli.rs" {
            continue;
        }
        let module = module_of(src, &file);
        let (layer, component) = component_of(&module);
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, path) in paths_named(&text, &module) {
            let (target_layer, target) = target_component(&path);
            let allowed = target == component || target_layer < layer;
            if !allowed {
                found.insert(format!(
                    "{}:{line}: {} ({component}) imports {} ({target})",
                    file.display(),
                    module.join("::"),
                    path.join("::"),
                ));
            }
        }
    }
    found.into_iter().collect()
}

#[test]
fn every_import_points_to_an_earlier_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "imports against the flow (see LAYERS in tests/architecture.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_catches_what_it_should() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let write = |path: &str, text: &str| {
        let path = src.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod base;\npub mod render;\npub mod ingest;\n",
    );
    write(
        "base/mod.rs",
        "use crate::base::diag::Error; // crate::render in a comment\n",
    );
    // Against the flow, in the three spellings: a plain path, a group over lines, super.
    write(
        "ingest/xlsx.rs",
        "fn f() { crate::render::document_date(); }\n",
    );
    write(
        "ingest/text.rs",
        "use crate::{\n    base::cjk,\n    output::Staging,\n};\n",
    );
    write(
        "render/pdf/mod.rs",
        "use super::xlsx::Formats;\nuse super::super::base::x;\n",
    );
    write("render/xlsx/mod.rs", "use crate::Result;\n");
    // Tests inside a module see it as `super`.
    write(
        "render/xlsx/table.rs",
        "mod tests {\n    use super::*;\n    use super::super::Formats;\n}\nuse super::super::pdf::x;\n",
    );
    let found = violations(src);
    let summary: Vec<String> = found
        .iter()
        .map(|v| v.split_once(": ").unwrap().1.to_string())
        .collect();
    assert_eq!(
        summary,
        [
            "ingest::text (ingest) imports output::Staging (output)",
            "ingest::xlsx (ingest) imports render::document_date (render)",
            "render::pdf (render::pdf) imports render::xlsx::Formats (render::xlsx)",
            "render::xlsx::table (render::xlsx) imports render::pdf::x (render::pdf)",
        ],
        "{found:#?}"
    );
    assert!(found[0].contains("text.rs:1:"), "{}", found[0]);
}
