//! The only module that writes files. A publish builds the whole output in a temporary folder
//! beside the target and swaps it into place only when everything was written, so a failure
//! leaves the previous output untouched. File names are made safe here, once for everyone.

pub mod document;
pub mod place;
pub mod reuse;

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::base::diag::{Diagnostic, Error, Location, Result};
use crate::base::hash::hex;
#[cfg(test)]
use crate::output::document::safe_file_name;
use crate::output::document::{Document, Format, Kind};

/// The README written into the output folder (also committed as `output/README.md`).
pub const OUTPUT_README: &str = include_str!("../../templates/output_readme.md");

/// `manifest.json`: every file of the output with its hash.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// The program that wrote it.
    pub generator: String,
    /// The plan, in one line.
    pub plan: ManifestPlan,
    /// Every file except the manifest itself, sorted by path.
    pub files: Vec<ManifestFile>,
}

/// What the manifest says of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestPlan {
    /// Plan title.
    pub title: Option<String>,
    /// 发文字号.
    pub doc_number: Option<String>,
    /// Number of tasks.
    pub tasks: usize,
}

/// One file in the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestFile {
    /// Path relative to the output folder.
    pub path: String,
    /// What it is.
    pub kind: Kind,
    /// Its format.
    pub format: Format,
    /// The unit it is for.
    pub unit: Option<String>,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// What it was made from, hashed (PDF and XLSX): the next publish reuses the file when
    /// this is unchanged (see [`crate::output::reuse`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Writes `documents` and a manifest into `out_dir`, replacing what was there only when
/// everything succeeded.
pub fn publish(documents: &[Document], plan: ManifestPlan, out_dir: &Path) -> Result<Manifest> {
    use rayon::prelude::*;
    let staging = Staging::new(out_dir)?;
    documents.par_iter().try_for_each(|d| staging.put(d))?;
    staging.finish(plan, out_dir)
}

/// An output being built: a temporary folder beside the target that documents are written
/// into as soon as they are made — so a publish for 1,000 units never holds all their bytes
/// at once — and that [`Staging::finish`] swaps into place only when everything succeeded.
/// Dropped unfinished (an error anywhere), it is removed and the previous output stays.
pub struct Staging {
    /// `None` once put in place.
    dir: Option<PathBuf>,
    files: Mutex<Vec<ManifestFile>>,
    /// Held from before the staging folder exists until it is in place.
    _lock: place::TargetLock,
}

impl Staging {
    /// A new staging folder beside `out_dir`, after taking the target's lock and cleaning
    /// what dead runs left there.
    pub fn new(out_dir: &Path) -> Result<Staging> {
        let lock = place::lock(out_dir)?; // creates the folder the output goes in
        place::recover(out_dir)?;
        let dir = place::new_staging(out_dir)?;
        Ok(Staging {
            dir: Some(dir),
            files: Mutex::new(Vec::new()),
            _lock: lock,
        })
    }

    fn path(&self) -> Result<&Path> {
        match &self.dir {
            _ if place::stopping() => Err(Error::Render("已中断".into())),
            Some(dir) => Ok(dir),
            None => Err(Error::Render("输出已完成".into())),
        }
    }

    /// Writes one document and notes it for the manifest. Safe to call from every core.
    pub fn put(&self, document: &Document) -> Result<()> {
        let target = contained(self.path()?, &document.path)?;
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, "创建目录", e))?;
        }
        fs::write(&target, &document.bytes).map_err(|e| Error::io(&target, "写入", e))?;
        let entry = ManifestFile {
            path: document.path.clone(),
            kind: document.kind,
            format: document.format,
            unit: document.unit.clone(),
            bytes: document.bytes.len() as u64,
            sha256: hex(&Sha256::digest(&document.bytes)),
            source: document.source.clone(),
        };
        self.files
            .lock()
            .map_err(|_| Error::Render("清单记录失败".into()))?
            .push(entry);
        Ok(())
    }

    /// Writes the manifest (files sorted by path, whatever order they came in) and swaps the
    /// folder into place as `out_dir`.
    pub fn finish(mut self, plan: ManifestPlan, out_dir: &Path) -> Result<Manifest> {
        let mut files = std::mem::take(
            &mut *self
                .files
                .lock()
                .map_err(|_| Error::Render("清单记录失败".into()))?,
        );
        files.sort_by(|a, b| a.path.cmp(&b.path));
        for pair in files.windows(2) {
            if pair[0].path == pair[1].path {
                return Err(Error::Render(format!("两份文件同名：{}", pair[0].path)));
            }
        }
        let manifest = Manifest {
            generator: format!("fengong {}", env!("CARGO_PKG_VERSION")),
            plan,
            files,
        };
        let mut manifest_json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| Error::Render(format!("manifest.json：{e}")))?;
        manifest_json.push(b'\n');
        let manifest_path = self.path()?.join("manifest.json");
        fs::write(&manifest_path, &manifest_json)
            .map_err(|e| Error::io(&manifest_path, "写入", e))?;
        let Some(staged) = self.dir.take() else {
            return Err(Error::Render("输出已完成".into()));
        };
        place::unregister(&staged);
        place::swap(&staged, out_dir)?;
        Ok(manifest)
    }
}

impl Drop for Staging {
    /// Unfinished (an error anywhere): the folder goes, and is no longer the signal
    /// handler's to remove.
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let _ = fs::remove_dir_all(&dir);
            place::unregister(&dir);
        }
    }
}

/// Refuses an output folder fengong may not replace: one that holds (or is) the input or
/// the project, `/` or the home folder — always — and, unless `force`, a folder that is not
/// empty and was not made by fengong (no fengong manifest lists it). fengong never deletes
/// what it did not make.
pub fn check_target(out_dir: &Path, protected: &[&Path], force: bool) -> Result<()> {
    let target = absolute(out_dir);
    let refuse = |message: String, hint: &str| {
        Err(Error::Input(vec![
            Diagnostic::error(
                "output/refused",
                Location::file(out_dir.display().to_string()),
                message,
            )
            .with_hint(hint),
        ]))
    };
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|h| absolute(&h));
    let holds_protected = protected.iter().any(|p| absolute(p).starts_with(&target));
    if target.parent().is_none() || home.as_ref() == Some(&target) || holds_protected {
        return refuse(
            "输出目录是根目录、主目录，或包含输入和项目文件；发布会替换整个输出目录，已拒绝".into(),
            "请用 -o 指定一个单独的输出目录，如 output",
        );
    }
    if target.is_file() {
        return refuse(
            "输出位置是一个文件，不是目录".into(),
            "请用 -o 指定一个目录",
        );
    }
    let empty = fs::read_dir(&target).map_or(true, |mut entries| entries.next().is_none());
    if force || empty || only_our_readme(&target) {
        return Ok(());
    }
    if made_by_fengong(&target) {
        let kept = not_as_published(&target);
        if kept.is_empty() {
            return Ok(());
        }
        return Err(Error::Input(vec![
            Diagnostic::error(
                "output/not-ours",
                Location::file(out_dir.display().to_string()),
                format!(
                    "输出目录中有 {} 个{}不是上次发布写出的，或发布后改过：{}；发布会替换整个目录，为免删除它们，未写出",
                    kept.len(),
                    if kept.iter().any(|k| k.ends_with('/')) { "文件或文件夹" } else { "文件" },
                    listed(&kept)
                ),
            )
            .with_hint(
                "请把它们移到输出目录以外（如另建「已签发」文件夹）后再发布；正在 Excel 或 Word 中打开的，请先关闭；确需替换，请加 --force（它们会被删除）",
            ),
        ]));
    }
    refuse(
        "输出目录不为空，且不是 fengong 生成的；发布会替换整个目录，为免删除其中的文件，未写出"
            .into(),
        "请换一个输出目录；确需替换，请加 --force",
    )
}

/// Files in an output folder fengong made that no manifest lists as they are: the user's own
/// (a signed copy, a folder of stamped scans) or outputs edited since, which a publish would
/// delete. Manifests above the folder (an evaluation written into a published output) and
/// inside it (an evaluation published there since) count. What the system leaves while a
/// folder is browsed does not.
fn not_as_published(dir: &Path) -> Vec<String> {
    const SYSTEM_FILES: &[&str] = &[".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini"];
    let listed = published_files(dir);
    let mut kept = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let Ok(entry) = entry else {
            continue;
        };
        let name = entry.file_name().to_string_lossy();
        let Ok(relative) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            // A folder of the user's own is named once, not file by file.
            let prefix = format!("{relative}/");
            if !listed.keys().any(|p| p.starts_with(&prefix)) {
                kept.push(prefix);
                walk.skip_current_dir();
            }
            continue;
        }
        if SYSTEM_FILES.contains(&name.as_ref())
            || name.starts_with("._")
            || name == "manifest.json"
        {
            continue;
        }
        let same = listed.get(&relative).is_some_and(|versions| {
            let bytes = fs::read(entry.path()).unwrap_or_default();
            let sha = hex(&Sha256::digest(&bytes));
            versions
                .iter()
                .any(|(size, hash)| *size == bytes.len() as u64 && *hash == sha)
        });
        if !same {
            kept.push(relative);
        }
    }
    kept
}

/// Every file fengong manifests in and above `dir` list, by its path in `dir`, with the sizes
/// and hashes they were written with.
fn published_files(dir: &Path) -> std::collections::HashMap<String, Vec<(u64, String)>> {
    let mut listed: std::collections::HashMap<String, Vec<(u64, String)>> = Default::default();
    let mut note = |manifest: &Path, prefix: &str, within: &str| {
        let Ok(bytes) = fs::read(manifest) else {
            return;
        };
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            return;
        };
        if !value["generator"]
            .as_str()
            .is_some_and(|g| g.starts_with("fengong"))
        {
            return;
        }
        for file in value["files"].as_array().into_iter().flatten() {
            let (Some(path), Some(size), Some(sha)) = (
                file["path"].as_str(),
                file["bytes"].as_u64(),
                file["sha256"].as_str(),
            ) else {
                continue;
            };
            let Some(path) = path.strip_prefix(within) else {
                continue;
            };
            let entry = listed.entry(format!("{prefix}{path}")).or_default();
            entry.push((size, sha.to_string()));
        }
    };
    for ancestor in dir.ancestors().take(4) {
        let Ok(relative) = dir.strip_prefix(ancestor) else {
            continue;
        };
        let within = relative.to_string_lossy().replace('\\', "/");
        let within = if within.is_empty() {
            within
        } else {
            format!("{within}/")
        };
        note(&ancestor.join("manifest.json"), "", &within);
    }
    let inner = walkdir::WalkDir::new(dir)
        .min_depth(2)
        .into_iter()
        .flatten();
    for entry in inner.filter(|e| e.file_name() == "manifest.json") {
        let folder = entry.path().parent().and_then(|p| p.strip_prefix(dir).ok());
        let Some(folder) = folder else { continue };
        let prefix = format!("{}/", folder.to_string_lossy().replace('\\', "/"));
        note(entry.path(), &prefix, "");
    }
    listed
}

/// Up to five paths, and how many more.
fn listed(paths: &[String]) -> String {
    let shown: Vec<String> = paths.iter().take(5).map(|p| format!("「{p}」")).collect();
    match paths.len() {
        n if n > 5 => format!("{} 等 {n} 个", shown.join("")),
        _ => shown.join(""),
    }
}

/// `path` made absolute (and canonical as far as it exists), for comparing places.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let joined = std::env::current_dir().map_or(path.to_path_buf(), |cwd| cwd.join(path));
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) => absolute(parent).join(name),
        _ => joined,
    }
}

/// True when `dir` holds nothing but the README fengong writes there, byte for byte: the
/// `output/` a fresh clone has (it is committed so the folder exists and says what it is for).
fn only_our_readme(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let names: Vec<std::ffi::OsString> = entries.flatten().map(|e| e.file_name()).collect();
    names.len() == 1
        && names[0] == "README.md"
        && fs::read(dir.join("README.md")).is_ok_and(|b| b == OUTPUT_README.as_bytes())
}

/// True when `dir`, or a folder above it, holds a fengong manifest that lists files in it.
fn made_by_fengong(dir: &Path) -> bool {
    dir.ancestors().take(4).any(|ancestor| {
        let Ok(text) = fs::read(ancestor.join("manifest.json")) else {
            return false;
        };
        let Ok(manifest) = serde_json::from_slice::<serde_json::Value>(&text) else {
            return false;
        };
        let ours = manifest["generator"]
            .as_str()
            .is_some_and(|g| g.starts_with("fengong"));
        let Ok(relative) = dir.strip_prefix(ancestor) else {
            return false;
        };
        let prefix = relative.to_string_lossy().replace('\\', "/");
        ours && (prefix.is_empty()
            || manifest["files"].as_array().is_some_and(|files| {
                files.iter().any(|f| {
                    f["path"]
                        .as_str()
                        .is_some_and(|p| p.starts_with(&format!("{prefix}/")))
                })
            }))
    })
}

/// Writes the config file at `path` through a temporary file in the same folder, so a
/// failure leaves no half-written config; a config already there is kept as `…toml.bak`.
pub fn write_config(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if path.exists() {
        let backup = path.with_extension("toml.bak");
        fs::copy(path, &backup).map_err(|e| Error::io(&backup, "写入", e))?;
    }
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, "写入", e))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| Error::io(path, "写入", e))?;
    // The user's file to edit: readable as a file they wrote would be (the temporary file
    // is made readable by its owner only), or as the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        file.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io(path, "写入", e))?;
    }
    file.persist(path)
        .map_err(|e| Error::io(path, "写入", e.error))?;
    Ok(())
}

/// `root/relative`, refusing anything that could leave `root`: absolute paths, `..`, drive
/// prefixes. Names should already have gone through [`document::safe_file_name`]; this is the last guard.
pub fn contained(root: &Path, relative: &str) -> Result<PathBuf> {
    let path = Path::new(relative);
    let ok = !relative.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
    if !ok {
        return Err(Error::Render(format!("拒绝写到输出目录之外：{relative}")));
    }
    Ok(root.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_never_make_paths() {
        assert_eq!(safe_file_name("区教育局"), "区教育局");
        assert_eq!(safe_file_name("../../x"), "_._.._x");
        assert_eq!(safe_file_name(".."), "_");
        assert_eq!(safe_file_name("CON"), "_CON");
        assert_eq!(safe_file_name("con.txt"), "_con.txt");
        assert_eq!(safe_file_name("a\u{0}b\nc"), "a_b_c");
        assert_eq!(safe_file_name("  "), "_");
        assert_eq!(safe_file_name("C:\\Windows"), "C__Windows");
        for hostile in ["../../x", "/etc/passwd", "..", "a/../../b", "CON", "\u{7}"] {
            let name = safe_file_name(hostile);
            assert!(
                contained(Path::new("out"), &name).is_ok(),
                "{hostile} → {name}"
            );
        }
    }

    #[test]
    fn paths_outside_the_root_are_refused() {
        for bad in ["../x", "/abs", "a/../../b", "", "./."] {
            assert!(contained(Path::new("out"), bad).is_err(), "{bad}");
        }
        assert!(contained(Path::new("out"), "单位/区教育局.pdf").is_ok());
    }

    #[test]
    fn publish_replaces_the_folder_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("stale.txt"), "old").unwrap();
        let doc = Document {
            source: None,
            path: "a/b.json".into(),
            kind: Kind::Model,
            format: Format::Json,
            unit: None,
            bytes: b"{}".to_vec(),
        };
        let plan = ManifestPlan {
            title: None,
            doc_number: None,
            tasks: 0,
        };
        let manifest = publish(&[doc], plan, &out).unwrap();
        assert_eq!(manifest.files.len(), 1);
        assert!(!out.join("stale.txt").exists());
        assert_eq!(fs::read(out.join("a/b.json")).unwrap(), b"{}");
        // Nothing but the output folder is left beside it.
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn a_bad_document_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("keep.txt"), "old").unwrap();
        let doc = Document {
            source: None,
            path: "../escape.json".into(),
            kind: Kind::Model,
            format: Format::Json,
            unit: None,
            bytes: Vec::new(),
        };
        let plan = ManifestPlan {
            title: None,
            doc_number: None,
            tasks: 0,
        };
        assert!(publish(&[doc], plan, &out).is_err());
        assert_eq!(fs::read_to_string(out.join("keep.txt")).unwrap(), "old");
        assert!(!dir.path().join("escape.json").exists());
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "staging folder left behind");
    }
}
