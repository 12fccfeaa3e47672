//! Diagnostics: where something is, how bad it is, and what to say about it (in Chinese).
//!
//! Position is data until the edge: readers produce a [`Location`], and only the CLI and the
//! audit report turn it into text such as `input/x.md:123`, `x.xlsx#任务分工表!C7`,
//! `x.docx#段12` or `x.docx#表2!C7`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A place in an input file: a line of a text file, a cell of a spreadsheet or of a Word
/// table (sheet `表2`), a paragraph of a Word document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Location {
    /// A line (1-based) of a text source.
    Line {
        /// The file, as the user named it (relative paths stay relative).
        path: String,
        /// 1-based line number.
        line: u32,
    },
    /// A cell of a spreadsheet, e.g. sheet `任务分工表`, cell `C7`.
    Cell {
        /// The workbook file.
        path: String,
        /// Sheet name as shown in the workbook.
        sheet: String,
        /// A1-style cell reference.
        cell: String,
    },
    /// A paragraph of a Word document's body (1-based, in document order, tables not
    /// counted): `x.docx#段12`.
    Paragraph {
        /// The document.
        path: String,
        /// 1-based paragraph number.
        index: u32,
    },
    /// A whole sheet of a workbook: `x.xlsx#任务清单`.
    Sheet {
        /// The workbook file.
        path: String,
        /// Sheet name as shown in the workbook.
        sheet: String,
    },
    /// A whole file, when no finer place is known.
    File {
        /// The file.
        path: String,
    },
}

impl Location {
    /// A line of `path`.
    pub fn line(path: impl Into<String>, line: u32) -> Self {
        Location::Line {
            path: path.into(),
            line,
        }
    }

    /// A paragraph of the Word document `path`.
    pub fn paragraph(path: impl Into<String>, index: u32) -> Self {
        Location::Paragraph {
            path: path.into(),
            index,
        }
    }

    /// The same kind of place in the same file, at line (or paragraph) `n`: where a reader
    /// that counted lines of one source points at another line of it.
    pub fn at_line(&self, n: u32) -> Self {
        match self {
            Location::Paragraph { path, .. } => Location::paragraph(path.clone(), n),
            other => Location::line(other.path(), n),
        }
    }

    /// The whole of `path`.
    pub fn file(path: impl Into<String>) -> Self {
        Location::File { path: path.into() }
    }

    /// A cell, given zero-based row and column (as calamine counts).
    pub fn cell(path: impl Into<String>, sheet: impl Into<String>, row: u32, col: u32) -> Self {
        Location::Cell {
            path: path.into(),
            sheet: sheet.into(),
            cell: cell_name(row, col),
        }
    }

    /// A whole sheet `sheet` of the workbook `path`.
    pub fn sheet(path: impl Into<String>, sheet: impl Into<String>) -> Self {
        Location::Sheet {
            path: path.into(),
            sheet: sheet.into(),
        }
    }

    /// The file this location is in.
    pub fn path(&self) -> &str {
        match self {
            Location::Line { path, .. }
            | Location::Cell { path, .. }
            | Location::Paragraph { path, .. }
            | Location::Sheet { path, .. }
            | Location::File { path } => path,
        }
    }

    /// The line, for text locations (the paragraph, for Word paragraphs).
    pub fn line_no(&self) -> Option<u32> {
        match self {
            Location::Line { line, .. } => Some(*line),
            Location::Paragraph { index, .. } => Some(*index),
            _ => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line { path, line } => write!(f, "{path}:{line}"),
            Location::Cell { path, sheet, cell } => write!(f, "{path}#{sheet}!{cell}"),
            Location::Paragraph { path, index } => write!(f, "{path}#段{index}"),
            Location::Sheet { path, sheet } => write!(f, "{path}#{sheet}"),
            Location::File { path } => write!(f, "{path}"),
        }
    }
}

/// A1-style name of a zero-based (row, column): (6, 2) → `C7`.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col as u64 + 1;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row as u64 + 1)
}

/// How serious a finding is. Errors make `check` exit 1; warnings and notes never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Note,
    /// A defect of the source that a proof-reader would flag; publishing goes on.
    Warning,
    /// Something that makes the published documents wrong.
    Error,
}

impl Severity {
    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Note => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// One finding, with its place, a stable code and a Chinese message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// A stable, machine-readable code such as `table/label-misplaced`.
    pub code: String,
    /// Where in the input.
    pub location: Location,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What to do about it, in Chinese, when there is something to say.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The decision a user can record about it (in `fengong.toml`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
}

/// A decision the user can take on a finding, which the configuration records: the data a
/// page needs to offer it, not the editing itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Remedy {
    /// The table's text of `task` differs from the prose: take the prose, or write one's own.
    TaskText {
        /// The task's number.
        task: u32,
        /// The table's text.
        table: String,
        /// The prose's text.
        prose: String,
    },
    /// A name the registry does not know: map it to a registry unit, or add it.
    UnknownUnit {
        /// The name as written.
        name: String,
        /// The registry's closest name, if any.
        closest: Option<String>,
    },
    /// Two source files each hold a task table: read the project without one of `files`.
    LeaveOutSource {
        /// The sources' file names in the input folder.
        files: Vec<String>,
    },
    /// Two names of the plan that may be one unit: make either the other's alias.
    SameUnit {
        /// The two names.
        names: [String; 2],
    },
    /// A file of the input folder `[plan] sources` leaves out: read it instead, or as well.
    ReadSource {
        /// The file's name.
        file: String,
    },
    /// The notice has no 署名.
    NoticeSigner,
    /// The notice has no 成文日期.
    NoticeDate,
    /// The plan has no title the source gives.
    PlanTitle,
}

impl Diagnostic {
    /// A new diagnostic.
    pub fn new(
        severity: Severity,
        code: &str,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.to_string(),
            location,
            // A paragraph quoted whole keeps its line breaks as spaces: one message, one line.
            message: message.into().replace(crate::base::cjk::LINE_BREAK, " "),
            hints: Vec::new(),
            remedy: None,
        }
    }

    /// An error.
    pub fn error(code: &str, location: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, location, message)
    }

    /// A warning.
    pub fn warning(code: &str, location: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, location, message)
    }

    /// A note.
    pub fn note(code: &str, location: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, location, message)
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Attaches the decision a user can take on it.
    pub fn with_remedy(mut self, remedy: Remedy) -> Self {
        self.remedy = Some(remedy);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location,
            self.severity.label(),
            self.code,
            self.message
        )?;
        for hint in &self.hints {
            write!(f, "\n  提示: {hint}")?;
        }
        Ok(())
    }
}

/// Why fengong could not run at all (exit code 2): unreadable input, I/O failures.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {action}失败：{}", io_reason(source))]
    Io {
        /// The path involved.
        path: PathBuf,
        /// What was being done, in Chinese (读取 / 写入 / 创建目录 …).
        action: &'static str,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The input cannot be turned into a plan; every reason is listed.
    #[error("{}", render_list(.0))]
    Input(Vec<Diagnostic>),
    /// The checks found errors, so nothing was published (exit code 1, like `check`).
    #[error("{}", render_list(.0))]
    Rejected(Vec<Diagnostic>),
    /// The project configuration is invalid.
    #[error("{location}: 配置错误：{message}")]
    Config {
        /// Where in the config file.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A document could not be produced.
    #[error("{0}")]
    Render(String),
}

/// Why an I/O operation failed, in the words a clerk reads (the system's English only for
/// the rare kinds without one).
fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let said = match error.kind() {
        NotFound => "找不到该文件或文件夹",
        PermissionDenied => "没有权限（请检查文件是否被其他程序占用或设为只读）",
        AlreadyExists => "同名文件已存在",
        IsADirectory => "这是文件夹，不是文件",
        NotADirectory => "路径中有一段是文件，不是文件夹",
        StorageFull => "磁盘已满",
        ReadOnlyFilesystem => "磁盘只读，不能写入",
        InvalidData => "内容不是可读的文字",
        UnexpectedEof => "文件不完整（可能仍在复制或下载中）",
        _ => return format!("{error}"),
    };
    said.to_string()
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, action: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }
}

fn render_list(list: &[Diagnostic]) -> String {
    list.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Result type of the library.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_failures_are_said_in_chinese() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let said = Error::io(Path::new("input/方案.docx"), "读取", missing).to_string();
        assert_eq!(said, "input/方案.docx: 读取失败：找不到该文件或文件夹");
    }

    #[test]
    fn cell_names_follow_excel() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 701), "ZZ10");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn locations_print_as_users_read_them() {
        assert_eq!(
            Location::line("input/x.md", 123).to_string(),
            "input/x.md:123"
        );
        assert_eq!(
            Location::cell("x.xlsx", "任务分工表", 6, 2).to_string(),
            "x.xlsx#任务分工表!C7"
        );
    }

    #[test]
    fn diagnostics_start_with_their_place() {
        let d = Diagnostic::warning("unit/alias", Location::line("a.md", 3), "别称")
            .with_hint("改为「区妇工委办」");
        assert_eq!(
            d.to_string(),
            "a.md:3: 警告[unit/alias]: 别称\n  提示: 改为「区妇工委办」"
        );
    }
}
