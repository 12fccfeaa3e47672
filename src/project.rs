//! Where things are: the input folder or file, its sources, and the loaded config.

use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Error, Location, Result};
use crate::config::Config;

/// The name of the project configuration file inside the input folder.
pub const CONFIG_FILE: &str = "fengong.toml";

/// File endings read as text sources.
pub const TEXT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text"];
/// File endings read as spreadsheets.
/// (`et` is WPS 表格's own, an .xls inside.)
pub const SHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "et", "ods"];
/// File endings read as Word documents.
pub const WORD_EXTENSIONS: &[&str] = &["docx"];
/// Office formats, and web pages saved from a browser, read after LibreOffice converts them
/// to .docx.
pub const CONVERTED_EXTENSIONS: &[&str] = &["doc", "wps", "rtf", "odt", "html", "htm"];
/// The folder inside the input folder that holds the returned forms, one subfolder per period.
pub const RETURNS_DIR: &str = "returns";

/// File endings that are listed as sources only to say they are not read (yet).
pub const UNREAD_EXTENSIONS: &[&str] = &["pdf"];

/// True when a file ending is one fengong reads or reports as a source.
pub fn is_source_extension(ext: &str) -> bool {
    [
        TEXT_EXTENSIONS,
        SHEET_EXTENSIONS,
        WORD_EXTENSIONS,
        CONVERTED_EXTENSIONS,
        UNREAD_EXTENSIONS,
    ]
    .iter()
    .any(|list| list.contains(&ext))
}

/// A project: its input folder, the sources to read in order, and its configuration.
#[derive(Debug, Clone)]
pub struct Project {
    /// The input folder (for a single-file input, the file's folder).
    pub input_dir: PathBuf,
    /// The sources, in the order they are read.
    pub sources: Vec<PathBuf>,
    /// The configuration (defaults when there is no `fengong.toml`).
    pub config: Config,
    /// The config file, when there is one.
    pub config_path: Option<PathBuf>,
    /// Files of the folder a source could be that `[plan] sources` does not list (a revised
    /// plan put beside the one listed): not read, and said.
    pub unlisted: Vec<PathBuf>,
    /// The project root, whose `templates/` and `fonts/` override the embedded ones: the
    /// parent of the input folder.
    pub root: PathBuf,
    /// What the input folder holds that fengong cannot read — archives, pictures, folders
    /// other than `returns/` — each with what it is, to be said: a notice kept only in a zip
    /// or a scan would otherwise be missing without a word.
    pub aside: Vec<(PathBuf, Aside)>,
}

/// What a file or folder of the input folder, not read, is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aside {
    /// .zip, .rar, .7z.
    Archive,
    /// A picture: a scan or a photo of a page.
    Picture,
    /// A folder (not `returns/`).
    Folder,
    /// An empty file beside others (新建 Microsoft Excel 工作表.xlsx, never saved): nothing to
    /// lose, and not to stop the others being read.
    Empty,
}

/// File endings of archives and pictures, said when left aside.
const ARCHIVE_EXTENSIONS: &[&str] = &["zip", "rar", "7z", "tar", "gz"];
const PICTURE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif", "heic", "webp",
];

/// The archives, pictures and folders at the top of `dir`, in name order. `returns/` (the
/// returned forms), hidden folders and a Mac's `__MACOSX` are fengong's or nobody's.
fn left_aside(dir: &Path) -> Vec<(PathBuf, Aside)> {
    let entries = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name();
    let mut aside = Vec::new();
    for entry in entries.into_iter().flatten() {
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let ext = (entry.path().extension())
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let kind = if entry.file_type().is_dir() {
            let ours = [RETURNS_DIR, "__MACOSX", "templates", "fonts"];
            (!ours.contains(&name.as_ref())).then_some(Aside::Folder)
        } else if ARCHIVE_EXTENSIONS.contains(&ext.as_str()) {
            Some(Aside::Archive)
        } else if PICTURE_EXTENSIONS.contains(&ext.as_str()) {
            Some(Aside::Picture)
        } else {
            None
        };
        if let Some(kind) = kind {
            aside.push((entry.into_path(), kind));
        }
    }
    aside
}

impl Project {
    /// Opens `input`: a folder (every text and spreadsheet file at its top level, or the
    /// `sources` its config names) or a single file.
    pub fn open(input: &Path) -> Result<Project> {
        Project::open_with(input, true)
    }

    /// The project at `input` as if it had no `fengong.toml` (what `init --force` reads the
    /// plan with: a config broken by an edit must not stop its own regeneration).
    pub fn open_without_config(input: &Path) -> Result<Project> {
        Project::open_with(input, false)
    }

    fn open_with(input: &Path, with_config: bool) -> Result<Project> {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, "读取", e))?;
        let input_dir = if meta.is_dir() {
            input.to_path_buf()
        } else {
            input
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."))
        };
        let root = input_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let config_file = input_dir.join(CONFIG_FILE);
        let (config, config_path) = if with_config && config_file.is_file() {
            let bytes =
                std::fs::read(&config_file).map_err(|e| Error::io(&config_file, "读取", e))?;
            let display = shown(&root, &config_file);
            let text = crate::base::decode::decode(&bytes).map_err(|e| Error::Config {
                location: Location::file(&display),
                message: e.message(),
            })?;
            (Config::parse(&text, &display)?, Some(config_file))
        } else {
            // Messages name the file to write where it would be read from.
            let config = Config {
                path: Some(shown(&root, &config_file)),
                ..Config::default()
            };
            (config, None)
        };
        let (sources, unlisted, aside) = if meta.is_dir() {
            let (mut sources, unlisted) = list_sources(&input_dir, &config)?;
            let mut aside = left_aside(&input_dir);
            if sources.len() > 1 {
                let empty = |p: &PathBuf| std::fs::metadata(p).is_ok_and(|m| m.len() == 0);
                aside.extend(
                    sources
                        .iter()
                        .filter(|p| empty(p))
                        .map(|p| (p.clone(), Aside::Empty)),
                );
                sources.retain(|p| !empty(p));
            }
            (sources, unlisted, aside)
        } else {
            (vec![input.to_path_buf()], Vec::new(), Vec::new())
        };
        Ok(Project {
            input_dir,
            sources,
            config,
            config_path,
            unlisted,
            root,
            aside,
        })
    }
}

impl Project {
    /// How `path` (a source, the config) is named in messages and documents: relative to the
    /// project root (`input/方案.docx`), never the absolute path it was given as, which would
    /// put a home folder into documents sent out.
    pub fn shown(&self, path: &Path) -> String {
        shown(&self.root, path)
    }
}

fn shown(root: &Path, path: &Path) -> String {
    let relative = if root == Path::new(".") {
        path
    } else {
        path.strip_prefix(root).unwrap_or(path)
    };
    relative.to_string_lossy().replace('\\', "/")
}

/// The sources to read, and the folder's files that could be sources but are left out by
/// `[plan] sources`.
fn list_sources(dir: &Path, config: &Config) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    if !config.plan.sources.is_empty() {
        let listed: Vec<PathBuf> = config.plan.sources.iter().map(|s| dir.join(s)).collect();
        let unlisted = (folder_sources(dir)?.into_iter())
            .filter(|p| !listed.iter().any(|l| same_file(l, p)))
            .collect();
        return Ok((listed, unlisted));
    }
    let sources = folder_sources(dir)?;
    if sources.is_empty() {
        let mut said: Vec<String> = Vec::new();
        for (path, kind) in left_aside(dir) {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            said.push(match kind {
                Aside::Empty => continue,
                Aside::Archive => format!("「{name}」是压缩包，请先解压到这个目录"),
                Aside::Picture => format!("「{name}」是图片，不能读出文字"),
                Aside::Folder => format!("子目录「{name}」中的文件不读取，请放到这个目录本身"),
            });
        }
        let hint = match said.is_empty() {
            true => "把通知和任务分工表放进该目录，或在 fengong.toml 的 [plan] sources 中列出文件"
                .to_string(),
            false => format!(
                "{}；或在 fengong.toml 的 [plan] sources 中列出文件",
                said.join("；")
            ),
        };
        return Err(Error::Input(vec![
            Diagnostic::error(
                "input/no-sources",
                Location::file(dir.display().to_string()),
                "输入目录中没有可读取的文件（.docx、.doc、.wps、.rtf、.odt、.md、.txt、.html、.xlsx、.xlsm、.xls、.et、.ods）",
            )
            .with_hint(hint),
        ]));
    }
    Ok((sources, Vec::new()))
}

/// Whether two paths name one file (`./方案.docx` and `方案.docx`).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || a.canonicalize()
            .ok()
            .is_some_and(|a| b.canonicalize().is_ok_and(|b| a == b))
}

/// The files at the top of `dir` that could be sources, in name order.
fn folder_sources(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut sources = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(&path, "读取", e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        // Lock files of Office/WPS (~$x.xlsx) and hidden files are not sources; nor is a
        // README someone keeps beside the inputs.
        if name.starts_with("~$") || name.starts_with('.') || name.eq_ignore_ascii_case("README.md")
        {
            continue;
        }
        let ext = entry
            .path()
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if is_source_extension(&ext) {
            sources.push(entry.into_path());
        }
    }
    Ok(sources)
}
