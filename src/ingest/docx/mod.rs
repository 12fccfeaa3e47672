//! A reader for Word `.docx` files: the body's paragraphs and tables, in document order,
//! with what a plan reader needs to see (Word's automatic numbers, heading styles, bold
//! leads, the red head), and nothing that is not content (deleted text, field codes,
//! text boxes apart, headers and footers only noted).
//!
//! Hostile files are expected: every zip entry is read through a size cap, the
//! compression ratio and entry count are bounded, XML is stream-parsed, nothing recurses
//! on the input's nesting, and no input panics.
//!
//! Reference: ISO/IEC 29500-1 (ECMA-376 Part 1); section numbers (§) are that text's.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

// ---------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------

/// The content of one .docx.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordDocument {
    /// Body paragraphs and tables, in document order.
    pub blocks: Vec<Block>,
    /// Paragraphs found in text boxes (and legacy WordArt), in document order. Not body
    /// content, but the 发文机关标志 is sometimes drawn this way. `index` is the body
    /// paragraph the box is anchored in (for a box in a table: the last body paragraph
    /// before it; 0 if none).
    pub text_boxes: Vec<Paragraph>,
    /// Parts present that are not the document's content, each at most once.
    pub not_content: Vec<NotContent>,
    /// The footnotes, endnotes and comments the body refers to, each with its text and the
    /// place of its reference: said one by one, never read as the plan's.
    pub notes: Vec<Note>,
    /// The lines the page headers show, each header's once (a 发文机关标志 is sometimes set
    /// there): not body content, but quoted, and the notice's 版头 when it has none.
    pub header_lines: Vec<String>,
}

/// A footnote, endnote or comment and where the body refers to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub kind: NoteKind,
    /// Its text, paragraphs joined by a space.
    pub text: String,
    pub place: NotePlace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    Footnote,
    Endnote,
    Comment,
    /// Text the body hides (`w:vanish`): left out, as Word prints it.
    Hidden,
}

/// Where a note's reference stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePlace {
    /// In body paragraph `n` (段n).
    Paragraph(usize),
    /// In the body's table `table` (表N), its 0-based `row` and grid `column`.
    Cell {
        table: usize,
        row: usize,
        column: usize,
    },
    /// In a text box or a nested table.
    Elsewhere,
}

/// Parts present that are not the document's content: say once each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotContent {
    /// A header part with text.
    Headers,
    /// A footer part with text (page numbers count).
    Footers,
    /// Text boxes (their paragraphs are in [`WordDocument::text_boxes`]).
    TextBoxes,
    /// Comments (a comments part, or comment references in the body).
    Comments,
    /// Tracked deletions (`w:del`, `w:moveFrom`): left out, as in the accepted view.
    TrackedDeletions,
    /// Footnote or endnote references in the body.
    Footnotes,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// 1-based, counting body paragraphs (not those in tables) in document order: the
    /// `段` in `x.docx#段123`.
    pub index: usize,
    /// The automatic number Word shows (numbering.xml), e.g. "一、", "（一）", "1.", "①";
    /// without the tab or space Word puts after it; "" if none.
    pub number: String,
    /// The paragraph is a bulleted list item (its `number` is then "").
    pub bullet: bool,
    /// The list level (`ilvl`, 0-based) when the paragraph is numbered or bulleted.
    pub list_level: Option<u8>,
    /// The paragraph's own text: tabs as `\t`, line breaks (`w:br`, `w:cr`) as `\n`,
    /// page and column breaks left out; without `number`.
    pub text: String,
    pub style: ParagraphStyle,
    pub align: Align,
    /// The text of the bold run(s) opening the paragraph, when it starts bold and is not
    /// entirely bold (then this is `None` and `all_bold` is set). Always a prefix of
    /// `text`; leading whitespace runs are taken along.
    pub bold_lead: Option<String>,
    /// All visible non-blank text is bold (false for a blank paragraph).
    pub all_bold: bool,
    /// All visible non-blank text is red-ish (R high, G and B low), e.g. FF0000, C00000.
    pub red: bool,
    /// A bottom border (`pBdr/bottom`), directly or from the style: the 文号 line above
    /// the red rule is often drawn this way.
    pub bottom_border: bool,
    /// The largest font size (`sz`, half-points) of its visible runs, if any is known.
    pub font_size_half_points: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ParagraphStyle {
    Title,
    /// Heading level 1..=9.
    Heading(u8),
    #[default]
    Body,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Justify,
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// 1-based table number: the `表2` in `x.docx#表2!C7`. Nested tables are not counted.
    pub index: usize,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// `w:tblHeader`: Word repeats the row at the top of each page.
    pub header: bool,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// 0-based grid column, after `gridBefore` and the spans of the cells before it.
    pub column: usize,
    /// `gridSpan`: the number of grid columns the cell covers (at least 1).
    pub span: usize,
    pub merge: VMerge,
    /// The cell's paragraphs joined by `\n` (automatic numbers included); a nested
    /// table's paragraphs are lines of the cell holding it.
    pub text: String,
    /// The same, each list item and nested table's cell ended with ；where it has no stop
    /// of its own: what a task's cell says, its items kept apart when its lines are joined.
    pub items: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum VMerge {
    #[default]
    None,
    /// Opens a vertically merged region (`vMerge val="restart"`).
    Restart,
    /// Joins the region above in the same grid column (`vMerge` without val).
    Continue,
}

/// Bounds on what a file may make the reader do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The largest uncompressed zip entry read (declared and actual).
    pub max_entry_bytes: u64,
    /// The sum of the uncompressed sizes of the entries read.
    pub max_total_uncompressed: u64,
    /// The largest uncompressed/compressed ratio of an entry bigger than 1 MiB.
    pub max_ratio: u64,
    /// Paragraphs, counting those in tables and text boxes.
    pub max_paragraphs: usize,
    pub max_cells: usize,
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entry_bytes: 64 << 20,
            max_total_uncompressed: 256 << 20,
            max_ratio: 200,
            max_paragraphs: 200_000,
            max_cells: 500_000,
            max_entries: 10_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive (or a damaged one); the message says what was found.
    NotZip(String),
    /// A zip without the part a .docx must have.
    MissingPart(&'static str),
    Xml {
        part: String,
        message: String,
    },
    TooLarge {
        what: String,
        limit: u64,
    },
    /// A password-protected document (an OLE file holding an encrypted package, or
    /// encrypted zip entries).
    Encrypted,
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip(m) => write!(f, "not a .docx (zip) file: {m}"),
            DocxError::MissingPart(p) => write!(f, "not a Word document: no {p}"),
            DocxError::Xml { part, message } => write!(f, "bad XML in {part}: {message}"),
            DocxError::TooLarge { what, limit } => write!(f, "{what} over the limit of {limit}"),
            DocxError::Encrypted => write!(f, "the document is password-protected"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Reads a .docx with [`Limits::default`].
pub fn read(bytes: &[u8]) -> Result<WordDocument, DocxError> {
    read_with(bytes, &Limits::default())
}

/// Reads a .docx within `limits`.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<WordDocument, DocxError> {
    let mut pkg = Package::open(bytes, limits)?;
    let main = pkg.main_part()?;
    let rels = pkg.relationships(&main)?;
    let part = rels.target("styles", &main, "styles.xml");
    let styles = match pkg.read_xml(&part)? {
        Some(xml) => Styles::parse(&xml, &part)?,
        None => Styles::default(),
    };
    let part = rels.target("numbering", &main, "numbering.xml");
    let numbering = match pkg.read_xml(&part)? {
        Some(xml) => Numbering::parse(&xml, &part)?,
        None => Numbering::default(),
    };
    let xml = pkg
        .read_xml(&main)?
        .ok_or(DocxError::MissingPart("word/document.xml"))?;
    let mut walker = Walker::new(&styles, &numbering, limits);
    walker.run(&xml, &main)?;
    let (mut doc, note_refs, hidden) = walker.finish();
    doc.notes = read_notes(&mut pkg, &rels, &main, note_refs)?;
    doc.notes.extend(hidden);
    for (kind, flag) in [
        ("header", NotContent::Headers),
        ("footer", NotContent::Footers),
    ] {
        let mut parts = rels.all(kind, &main);
        parts.sort();
        parts.dedup();
        // A document has a few (first, even, default per section); a hostile one many.
        for part in parts.into_iter().take(MAX_HEADER_PARTS) {
            let lines = pkg.part_lines(&part)?;
            if !doc.not_content.contains(&flag) && !lines.is_empty() {
                doc.not_content.push(flag);
            }
            if flag == NotContent::Headers {
                for line in lines {
                    if !doc.header_lines.contains(&line) && doc.header_lines.len() < MAX_LINES {
                        doc.header_lines.push(line);
                    }
                }
            }
        }
    }
    // A comments part with no comment in it (pandoc writes one to every file) says nothing.
    let mut comments = rels.all("comments", &main);
    comments.sort();
    comments.dedup();
    for part in comments.into_iter().take(MAX_HEADER_PARTS) {
        if !doc.not_content.contains(&NotContent::Comments) && !pkg.part_lines(&part)?.is_empty() {
            doc.not_content.push(NotContent::Comments);
        }
    }
    Ok(doc)
}

/// Footnotes, endnotes and comments at most: a hostile file may refer to many.
const MAX_NOTES: usize = 1000;

/// The notes `refs` refer to, each with its text from its part (footnotes.xml, endnotes.xml,
/// comments.xml); a reference whose note has no text is left out.
fn read_notes(
    pkg: &mut Package<'_>,
    rels: &Relationships,
    main: &str,
    refs: Vec<(NoteKind, String, NotePlace)>,
) -> Result<Vec<Note>, DocxError> {
    let mut texts: HashMap<(NoteKind, String), String> = HashMap::new();
    for (kind, rel, usual) in [
        (NoteKind::Footnote, "footnotes", "footnotes.xml"),
        (NoteKind::Endnote, "endnotes", "endnotes.xml"),
        (NoteKind::Comment, "comments", "comments.xml"),
    ] {
        if !refs.iter().any(|(k, _, _)| *k == kind) {
            continue;
        }
        let part = rels.target(rel, main, usual);
        let Some(xml) = pkg.read_xml(&part)? else {
            continue;
        };
        let mut events = XmlEvents::new(&xml, &part);
        let mut open: Option<(String, String)> = None;
        let mut in_text = false;
        while let Some(ev) = events.next()? {
            match ev {
                Ev::Start(Tag::T, _) => in_text = true,
                Ev::End(Tag::T) => in_text = false,
                Ev::Start(Tag::Note, e) => open = attr(&e, "id").map(|id| (id, String::new())),
                Ev::Start(Tag::P, _) => {
                    if let Some((_, text)) = open.as_mut().filter(|(_, t)| !t.is_empty()) {
                        text.push(' ');
                    }
                }
                Ev::Text(t) if in_text => {
                    if let Some((_, text)) = open.as_mut() {
                        text.push_str(&t);
                    }
                }
                Ev::End(Tag::Note) => {
                    if let Some((id, text)) = open.take() {
                        texts.insert((kind, id), text.trim().to_string());
                    }
                }
                _ => {}
            }
        }
    }
    Ok(refs
        .into_iter()
        .filter_map(|(kind, id, place)| {
            let text = texts.get(&(kind, id))?.clone();
            (!text.is_empty()).then_some(Note { kind, text, place })
        })
        .collect())
}

// ---------------------------------------------------------------------------------------
// The package: zip entries under limits, relationships
// ---------------------------------------------------------------------------------------

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Header (or footer) parts looked into for text, at most.
const MAX_HEADER_PARTS: usize = 64;

/// Lines kept of the page headers, and characters of each: a 版头 is a line or two.
const MAX_LINES: usize = 32;
const MAX_LINE_CHARS: usize = 200;
/// Entries this small are not checked for their compression ratio: tiny XML parts of
/// repeated markup legitimately compress very well.
const RATIO_FLOOR: u64 = 1 << 20;

struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: &'a Limits,
    total: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, DocxError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(ole_error(bytes));
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| DocxError::NotZip(e.to_string()))?;
        if archive.len() > limits.max_entries {
            return Err(too_large("zip entries", limits.max_entries as u64));
        }
        Ok(Package {
            archive,
            limits,
            total: 0,
        })
    }

    /// The main document part: the officeDocument relationship of the package, else the
    /// usual name.
    fn main_part(&mut self) -> Result<String, DocxError> {
        let rels = match self.read_xml("_rels/.rels")? {
            Some(xml) => Relationships::parse(&xml, "_rels/.rels")?,
            None => Relationships::default(),
        };
        let main = rels.target("officeDocument", "", "word/document.xml");
        if self.index(&main).is_some() {
            Ok(main)
        } else if self.index("word/document.xml").is_some() {
            Ok("word/document.xml".to_string())
        } else {
            Err(DocxError::MissingPart("word/document.xml"))
        }
    }

    /// The relationships of `part` (none when its .rels is absent).
    fn relationships(&mut self, part: &str) -> Result<Relationships, DocxError> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        match self.read_xml(&name)? {
            Some(xml) => Relationships::parse(&xml, &name),
            None => Ok(Relationships::default()),
        }
    }

    /// The entry's index; part names are case-insensitive (OPC), so fall back to that.
    fn index(&self, name: &str) -> Option<usize> {
        self.archive.index_for_name(name).or_else(|| {
            self.archive
                .file_names()
                .position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
        })
    }

    /// An entry's bytes, read under the limits; `None` when absent.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(index) = self.index(name) else {
            return Ok(None);
        };
        let limit = self.limits.max_entry_bytes.min(
            self.limits
                .max_total_uncompressed
                .saturating_sub(self.total),
        );
        let compressed = {
            // The raw view checks what the entry declares before anything is inflated.
            let raw = self
                .archive
                .by_index_raw(index)
                .map_err(|e| bad_entry(name, e))?;
            if raw.encrypted() {
                return Err(DocxError::Encrypted);
            }
            check_size(
                self.limits,
                self.total,
                name,
                raw.size(),
                raw.compressed_size(),
            )?;
            raw.compressed_size()
        };
        let file = self
            .archive
            .by_index(index)
            .map_err(|e| bad_entry(name, e))?;
        // Declared sizes can lie: read at most one byte past the limit to see.
        let mut data = Vec::with_capacity(file.size().min(limit).min(16 << 20) as usize);
        file.take(limit.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| DocxError::NotZip(format!("damaged entry {name}: {e}")))?;
        check_size(self.limits, self.total, name, data.len() as u64, compressed)?;
        self.total += data.len() as u64;
        Ok(Some(data))
    }

    /// An entry as text (XML parts are UTF-8, rarely UTF-16).
    fn read_xml(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        match self.read(name)? {
            Some(bytes) => decode_xml(bytes)
                .map(Some)
                .map_err(|message| DocxError::Xml {
                    part: name.to_string(),
                    message,
                }),
            None => Ok(None),
        }
    }

    /// The lines of text a header, footer or comments part shows, a paragraph a line (none:
    /// Word often writes empty parts), at most [`MAX_LINES`] of [`MAX_LINE_CHARS`] each.
    fn part_lines(&mut self, name: &str) -> Result<Vec<String>, DocxError> {
        let Some(xml) = self.read_xml(name)? else {
            return Ok(Vec::new());
        };
        let mut events = XmlEvents::new(&xml, name);
        let (mut lines, mut line) = (Vec::new(), String::new());
        let mut in_text = false;
        while let Some(ev) = events.next()? {
            match ev {
                Ev::Start(Tag::T, _) => in_text = true,
                Ev::End(Tag::T) => in_text = false,
                Ev::Text(t) if in_text && line.chars().count() < MAX_LINE_CHARS => {
                    line.push_str(&t)
                }
                Ev::End(Tag::P) if !line.trim().is_empty() && lines.len() < MAX_LINES => {
                    lines.push(std::mem::take(&mut line).trim().to_string());
                }
                Ev::End(Tag::P) => line.clear(),
                _ => {}
            }
        }
        if !line.trim().is_empty() && lines.len() < MAX_LINES {
            lines.push(line.trim().to_string());
        }
        Ok(lines)
    }
}

fn check_size(
    limits: &Limits,
    total: u64,
    name: &str,
    size: u64,
    compressed: u64,
) -> Result<(), DocxError> {
    if size > limits.max_entry_bytes {
        return Err(too_large(
            &format!("uncompressed size of {name}"),
            limits.max_entry_bytes,
        ));
    }
    if total.saturating_add(size) > limits.max_total_uncompressed {
        let what = "uncompressed size of the parts read";
        return Err(too_large(what, limits.max_total_uncompressed));
    }
    if size > RATIO_FLOOR && size / compressed.max(1) > limits.max_ratio {
        return Err(too_large(
            &format!("compression ratio of {name}"),
            limits.max_ratio,
        ));
    }
    Ok(())
}

fn too_large(what: &str, limit: u64) -> DocxError {
    DocxError::TooLarge {
        what: what.to_string(),
        limit,
    }
}

fn bad_entry(name: &str, e: zip::result::ZipError) -> DocxError {
    match e {
        zip::result::ZipError::UnsupportedArchive(m) if m.contains("assword") => {
            DocxError::Encrypted
        }
        e => DocxError::NotZip(format!("damaged entry {name}: {e}")),
    }
}

/// True when `bytes`, an OLE compound file, hold an OOXML package under a password (a
/// .docx or .xlsx saved with 打开密码): its stream named EncryptedPackage.
pub(crate) fn is_encrypted_package(bytes: &[u8]) -> bool {
    let utf16: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
}

/// An OLE compound file is either an encrypted OOXML package (its streams are named
/// EncryptionInfo and EncryptedPackage) or a legacy binary .doc.
fn ole_error(bytes: &[u8]) -> DocxError {
    if is_encrypted_package(bytes) {
        DocxError::Encrypted
    } else {
        DocxError::NotZip("an OLE compound file: a legacy Word .doc (save it as .docx)".to_string())
    }
}

fn decode_xml(bytes: Vec<u8>) -> Result<String, String> {
    let utf16 = |le: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Ok(utf16(true)),
        Some([0xFE, 0xFF]) => Ok(utf16(false)),
        _ => {
            let mut s = String::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
            if s.starts_with('\u{FEFF}') {
                s.drain(..3);
            }
            Ok(s)
        }
    }
}

/// One part's relationships: (type suffix, target, external).
#[derive(Debug, Default)]
struct Relationships {
    rels: Vec<(String, String)>,
}

impl Relationships {
    fn parse(xml: &str, part: &str) -> Result<Self, DocxError> {
        let mut rels = Vec::new();
        let mut events = XmlEvents::new(xml, part);
        while let Some(ev) = events.next()? {
            if let Ev::Start(_, e) = ev {
                if local(&e) != "Relationship"
                    || attr(&e, "TargetMode").as_deref() == Some("External")
                {
                    continue;
                }
                if let (Some(kind), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                    let kind = kind.rsplit('/').next().unwrap_or("").to_string();
                    rels.push((kind, target));
                }
            }
        }
        Ok(Relationships { rels })
    }

    /// The targets of `kind`, as part names resolved against the source `part`.
    fn all(&self, kind: &str, part: &str) -> Vec<String> {
        let dir = part.rsplit_once('/').map_or("", |(d, _)| d);
        self.rels
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, t)| resolve_target(dir, t))
            .collect()
    }

    /// The first target of `kind`, else `fallback` beside `part`.
    fn target(&self, kind: &str, part: &str, fallback: &str) -> String {
        let dir = part.rsplit_once('/').map_or("", |(d, _)| d);
        self.all(kind, part)
            .into_iter()
            .next()
            .unwrap_or_else(|| resolve_target(dir, fallback))
    }
}

/// A relationship target relative to `dir` (or absolute, with a leading '/').
fn resolve_target(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => dir.split('/').filter(|s| !s.is_empty()).collect(),
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

// ---------------------------------------------------------------------------------------
// XML events
// ---------------------------------------------------------------------------------------

const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const V_NS: &str = "urn:schemas-microsoft-com:vml";

/// The elements the reader acts on; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    // Paragraphs and runs.
    P,
    PPr,
    R,
    RPr,
    T,
    Tab,
    Br,
    Cr,
    NoBreakHyphen,
    Sym,
    Ptab,
    FldChar,
    // Revisions, and property changes (old properties: never applied).
    Del,
    MoveFrom,
    Change,
    // Tables.
    Tbl,
    Tr,
    Tc,
    TrPr,
    TcPr,
    GridBefore,
    GridSpan,
    VMerge,
    TblHeader,
    // Properties.
    PStyle,
    RStyle,
    NumPr,
    Ilvl,
    NumId,
    Jc,
    PBdr,
    Bottom,
    OutlineLvl,
    B,
    Color,
    Sz,
    Vanish,
    // Containers read past or skipped.
    TxbxContent,
    RubyText,
    SdtPr,
    SdtEndPr,
    SectPr,
    FootnoteRef,
    EndnoteRef,
    CommentRef,
    // footnotes.xml, endnotes.xml, comments.xml
    Note,
    // styles.xml
    Style,
    Name,
    BasedOn,
    DocDefaults,
    // numbering.xml
    AbstractNum,
    Num,
    Lvl,
    Start,
    NumFmt,
    LvlText,
    LvlRestart,
    IsLgl,
    AbstractNumId,
    LvlOverride,
    StartOverride,
    NumStyleLink,
    // Markup compatibility and VML.
    AltContent,
    Choice,
    Fallback,
    TextPath,
    Other,
}

fn w_tag(local: &str) -> Tag {
    use Tag::*;
    match local {
        "p" => P,
        "pPr" => PPr,
        "r" => R,
        "rPr" => RPr,
        "t" => T,
        "tab" => Tab,
        "br" => Br,
        "cr" => Cr,
        "noBreakHyphen" => NoBreakHyphen,
        "sym" => Sym,
        "ptab" => Ptab,
        "fldChar" => FldChar,
        "del" => Del,
        "moveFrom" => MoveFrom,
        "tbl" => Tbl,
        "tr" => Tr,
        "tc" => Tc,
        "trPr" => TrPr,
        "tcPr" => TcPr,
        "gridBefore" => GridBefore,
        "gridSpan" => GridSpan,
        "vMerge" => VMerge,
        "tblHeader" => TblHeader,
        "pStyle" => PStyle,
        "rStyle" => RStyle,
        "numPr" => NumPr,
        "ilvl" => Ilvl,
        "numId" => NumId,
        "jc" => Jc,
        "pBdr" => PBdr,
        "bottom" => Bottom,
        "outlineLvl" => OutlineLvl,
        "b" => B,
        "color" => Color,
        "sz" => Sz,
        "vanish" => Vanish,
        "txbxContent" => TxbxContent,
        "sdtPr" => SdtPr,
        "sdtEndPr" => SdtEndPr,
        "sectPr" => SectPr,
        "footnoteReference" => FootnoteRef,
        "endnoteReference" => EndnoteRef,
        "commentReference" => CommentRef,
        "footnote" | "endnote" | "comment" => Note,
        "rt" => RubyText,
        "style" => Style,
        "name" => Name,
        "basedOn" => BasedOn,
        "docDefaults" => DocDefaults,
        "abstractNum" => AbstractNum,
        "num" => Num,
        "lvl" => Lvl,
        "start" => Start,
        "numFmt" => NumFmt,
        "lvlText" => LvlText,
        "lvlRestart" => LvlRestart,
        "isLgl" => IsLgl,
        "abstractNumId" => AbstractNumId,
        "lvlOverride" => LvlOverride,
        "startOverride" => StartOverride,
        "numStyleLink" => NumStyleLink,
        // pPrChange, rPrChange, tblPrChange, ...: the properties before a tracked change.
        s if s.ends_with("Change") => Change,
        _ => Other,
    }
}

fn tag_of(ns: &ResolveResult, local: &str) -> Tag {
    let uri = match ns {
        ResolveResult::Bound(n) => n.0,
        // Lenient: an unbound name or an undeclared `w:` prefix is taken as Word's.
        ResolveResult::Unbound => W_NS[0],
        ResolveResult::Unknown(p) if p == "w" => W_NS[0],
        ResolveResult::Unknown(_) => "",
    };
    if W_NS.contains(&uri) {
        w_tag(local)
    } else if uri == MC_NS {
        match local {
            "AlternateContent" => Tag::AltContent,
            "Choice" => Tag::Choice,
            "Fallback" => Tag::Fallback,
            _ => Tag::Other,
        }
    } else if uri == V_NS && local == "textpath" {
        Tag::TextPath
    } else {
        Tag::Other
    }
}

enum Ev<'i> {
    Start(Tag, BytesStart<'i>),
    End(Tag),
    Text(Cow<'i, str>),
}

/// A pull parser over one part, giving starts (empty elements expanded), ends and text
/// with references resolved. Nothing is built: memory is bounded by the part's size.
struct XmlEvents<'i> {
    reader: NsReader<&'i [u8]>,
    part: String,
}

impl<'i> XmlEvents<'i> {
    fn new(xml: &'i str, part: &str) -> Self {
        let mut reader = NsReader::from_str(xml);
        reader.config_mut().expand_empty_elements = true;
        XmlEvents {
            reader,
            part: part.to_string(),
        }
    }

    fn next(&mut self) -> Result<Option<Ev<'i>>, DocxError> {
        loop {
            let (ns, event) = self
                .reader
                .read_resolved_event()
                .map_err(|e| DocxError::Xml {
                    part: self.part.clone(),
                    message: e.to_string(),
                })?;
            return Ok(Some(match event {
                Event::Start(e) => Ev::Start(tag_of(&ns, e.local_name().as_ref()), e),
                Event::End(e) => Ev::End(tag_of(&ns, e.local_name().as_ref())),
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(t.xml10_content()),
                Event::GeneralRef(r) => match r.resolve_char_ref() {
                    Ok(Some(c)) => Ev::Text(Cow::Owned(c.to_string())),
                    _ => match quick_xml::escape::resolve_predefined_entity(&r.xml10_content()) {
                        Some(s) => Ev::Text(Cow::Borrowed(s)),
                        None => continue,
                    },
                },
                Event::Eof => return Ok(None),
                Event::Empty(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::DocType(_) => continue,
            }));
        }
    }
}

fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// An attribute by local name (`w:val` → "val"); malformed values are taken as absent.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned)
        })
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

fn val_num<T: std::str::FromStr>(e: &BytesStart) -> Option<T> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// ST_OnOff: an absent val means on.
fn on_off(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off" | "none"))
}

/// The open elements, and the subtree being skipped (content that is not content).
/// Depth is kept as a plain vector: nothing here scans it, so deep nesting stays linear.
#[derive(Debug, Default)]
struct Path {
    tags: Vec<Tag>,
    /// The depth of the element whose subtree is skipped.
    skip_from: Option<usize>,
}

impl Path {
    /// The element `n` levels up from the innermost open one (0 = innermost).
    fn up(&self, n: usize) -> Tag {
        let len = self.tags.len();
        if n < len {
            self.tags[len - 1 - n]
        } else {
            Tag::Other
        }
    }

    fn skipping(&self) -> bool {
        self.skip_from.is_some()
    }

    /// Opens `tag`; `skip` starts skipping its subtree. Returns whether it is live.
    fn push(&mut self, tag: Tag, skip: bool) -> bool {
        let live = !self.skipping() && !skip;
        if !self.skipping() && skip {
            self.skip_from = Some(self.tags.len());
        }
        self.tags.push(tag);
        live
    }

    /// Closes the innermost element. Returns whether its end is live.
    fn pop(&mut self) -> bool {
        self.tags.pop();
        let live = !self.skipping();
        if self.skip_from == Some(self.tags.len()) {
            self.skip_from = None;
        }
        live
    }
}

// ---------------------------------------------------------------------------------------
// Properties and styles
// ---------------------------------------------------------------------------------------

/// Run properties as written (`None` = not said at this level).
#[derive(Debug, Clone, Default)]
struct RunProps {
    style: Option<String>,
    bold: Option<bool>,
    color: Option<String>,
    size: Option<u32>,
    vanish: Option<bool>,
}

impl RunProps {
    /// Applies one child of a `w:rPr`.
    fn apply(&mut self, tag: Tag, e: &BytesStart) {
        match tag {
            Tag::RStyle => self.style = val(e),
            Tag::B => self.bold = Some(on_off(e)),
            Tag::Color => self.color = val(e),
            Tag::Sz => self.size = val_num(e),
            Tag::Vanish => self.vanish = Some(on_off(e)),
            _ => {}
        }
    }
}

/// Paragraph properties as written.
#[derive(Debug, Clone, Default)]
struct ParaProps {
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    jc: Option<Align>,
    bottom: Option<bool>,
    outline: Option<u8>,
    /// Its paragraph mark is a tracked deletion (`w:pPr/w:rPr/w:del`): accepted, what is
    /// left of it joins the next paragraph.
    mark_deleted: bool,
}

impl ParaProps {
    /// Applies an element inside a `w:pPr`; `path` ends with the element itself.
    fn apply(&mut self, tag: Tag, path: &Path, e: &BytesStart) {
        let (parent, grand) = (path.up(1), path.up(2));
        match tag {
            Tag::PStyle if parent == Tag::PPr => self.style = val(e),
            Tag::Ilvl if parent == Tag::NumPr && grand == Tag::PPr => self.ilvl = val_num(e),
            Tag::NumId if parent == Tag::NumPr && grand == Tag::PPr => self.num_id = val_num(e),
            Tag::Jc if parent == Tag::PPr => self.jc = Some(align(val(e).as_deref())),
            Tag::Bottom if parent == Tag::PBdr && grand == Tag::PPr => {
                self.bottom = Some(!matches!(val(e).as_deref(), Some("nil" | "none")));
            }
            Tag::OutlineLvl if parent == Tag::PPr => self.outline = val_num(e),
            _ => {}
        }
    }
}

fn align(v: Option<&str>) -> Align {
    match v {
        Some("left" | "start") => Align::Left,
        Some("center") => Align::Center,
        Some("right" | "end") => Align::Right,
        Some("both" | "distribute" | "justify" | "thaiDistribute") => Align::Justify,
        _ => Align::Unknown,
    }
}

/// Red-ish: a strong red channel with weak green and blue (FF0000, C00000, E00000).
fn is_red(color: &str) -> bool {
    let Some(hex) = color
        .get(..6)
        .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
    else {
        return false;
    };
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    channel(0) >= 0xB0 && channel(2) <= 0x50 && channel(4) <= 0x50
}

#[derive(Debug, Default)]
struct Style {
    id: String,
    name: String,
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// What a run looks like once styles are applied.
#[derive(Debug, Clone, Copy, Default)]
struct Effective {
    bold: bool,
    red: bool,
    size: Option<u32>,
    hidden: bool,
}

/// styles.xml: paragraph, character and numbering styles, and the document defaults.
#[derive(Debug, Default)]
struct Styles {
    map: HashMap<String, Style>,
    default_para: Option<String>,
    defaults: RunProps,
}

/// basedOn chains are followed this far at most (they may loop in a hostile file).
const MAX_CHAIN: usize = 32;

impl Styles {
    fn parse(xml: &str, part: &str) -> Result<Self, DocxError> {
        let mut styles = Styles::default();
        let mut path = Path::default();
        let mut current: Option<Style> = None;
        let mut events = XmlEvents::new(xml, part);
        while let Some(ev) = events.next()? {
            match ev {
                Ev::Start(tag, e) => {
                    if path.push(tag, tag == Tag::Change) {
                        styles.on_start(&mut current, &path, tag, &e);
                    }
                }
                Ev::End(tag) => {
                    if path.pop()
                        && tag == Tag::Style
                        && let Some(style) = current.take()
                    {
                        styles.map.insert(style.id.clone(), style);
                    }
                }
                Ev::Text(_) => {}
            }
        }
        Ok(styles)
    }

    fn on_start(&mut self, current: &mut Option<Style>, path: &Path, tag: Tag, e: &BytesStart) {
        let parent = path.up(1);
        if tag == Tag::Style {
            let id = attr(e, "styleId").unwrap_or_default();
            let kind = attr(e, "type").unwrap_or_else(|| "paragraph".to_string());
            let default = matches!(attr(e, "default").as_deref(), Some("1" | "true" | "on"));
            if kind == "paragraph" && default && self.default_para.is_none() {
                self.default_para = Some(id.clone());
            }
            *current = Some(Style {
                id,
                ..Style::default()
            });
        } else if let Some(style) = current.as_mut() {
            match tag {
                Tag::Name if parent == Tag::Style => style.name = val(e).unwrap_or_default(),
                Tag::BasedOn if parent == Tag::Style => style.based_on = val(e),
                _ if parent == Tag::RPr && path.up(2) == Tag::Style => style.run.apply(tag, e),
                _ => style.para.apply(tag, path, e),
            }
        } else if parent == Tag::RPr && path.up(3) == Tag::DocDefaults {
            self.defaults.apply(tag, e);
        }
    }

    /// The style and its basedOn ancestors, nearest first.
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = id;
        std::iter::from_fn(move || {
            let style = self.map.get(next?)?;
            next = style.based_on.as_deref();
            Some(style)
        })
        .take(MAX_CHAIN)
    }

    fn first_para<T>(&self, id: Option<&str>, f: impl Fn(&ParaProps) -> Option<T>) -> Option<T> {
        self.chain(id).find_map(|s| f(&s.para))
    }

    fn first_run<T>(&self, id: Option<&str>, f: impl Fn(&RunProps) -> Option<T>) -> Option<T> {
        self.chain(id).find_map(|s| f(&s.run))
    }

    /// Title or Heading(n) by the style's name or id (Word keeps the English built-in
    /// names even in a Chinese Word; WPS may write 标题 1), else by its outline level,
    /// nearest style first.
    fn classify(&self, id: Option<&str>) -> ParagraphStyle {
        for style in self.chain(id) {
            if let Some(kind) = style_kind_by_name(&style.name).or(style_kind_by_name(&style.id)) {
                return kind;
            }
            if let Some(level) = style.para.outline {
                return outline_style(level);
            }
        }
        ParagraphStyle::Body
    }

    /// A run's look: its own rPr wins; else bold and hidden are toggles over the
    /// paragraph and character styles (true at both levels cancels, §17.7.3), and colour
    /// and size come from the nearest level that sets them.
    fn effective(&self, para_style: Option<&str>, run: &RunProps) -> Effective {
        let char_style = run.style.as_deref();
        let toggle = |own: Option<bool>, f: fn(&RunProps) -> Option<bool>| {
            own.unwrap_or_else(|| {
                let p = self.first_run(para_style, f).unwrap_or(false);
                let c = char_style
                    .and_then(|s| self.first_run(Some(s), f))
                    .unwrap_or(false);
                if p || c {
                    p ^ c
                } else {
                    f(&self.defaults).unwrap_or(false)
                }
            })
        };
        let color = run
            .color
            .clone()
            .or_else(|| self.first_run(char_style, |r| r.color.clone()))
            .or_else(|| self.first_run(para_style, |r| r.color.clone()))
            .or_else(|| self.defaults.color.clone());
        let size = run
            .size
            .or_else(|| self.first_run(char_style, |r| r.size))
            .or_else(|| self.first_run(para_style, |r| r.size))
            .or(self.defaults.size);
        Effective {
            bold: toggle(run.bold, |r| r.bold),
            red: color.as_deref().is_some_and(is_red),
            size,
            hidden: toggle(run.vanish, |r| r.vanish),
        }
    }
}

fn outline_style(level: u8) -> ParagraphStyle {
    if level < 9 {
        ParagraphStyle::Heading(level + 1)
    } else {
        ParagraphStyle::Body
    }
}

/// "heading 1", "Heading1", "标题 1", "Title", "标题".
fn style_kind_by_name(name: &str) -> Option<ParagraphStyle> {
    let name = name.trim().to_lowercase();
    if name == "title" || name == "标题" {
        return Some(ParagraphStyle::Title);
    }
    let rest = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?;
    match rest.trim().parse::<u8>() {
        Ok(n @ 1..=9) => Some(ParagraphStyle::Heading(n)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Automatic numbering (§17.9)
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<i64>,
    format: String,
    text: Option<String>,
    restart: Option<u32>,
    legal: bool,
    style: Option<String>,
}

#[derive(Debug, Default)]
struct AbstractNum {
    levels: [Option<Level>; 9],
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct NumDef {
    abstract_id: Option<u32>,
    start_overrides: [Option<i64>; 9],
    levels: [Option<Level>; 9],
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, NumDef>,
}

/// What numbering.xml's parser has open.
#[derive(Default)]
struct NumberingCursor {
    abstract_num: Option<(u32, AbstractNum)>,
    num: Option<(u32, NumDef)>,
    override_level: Option<usize>,
    level: Option<(usize, Level)>,
}

impl Numbering {
    fn parse(xml: &str, part: &str) -> Result<Self, DocxError> {
        let mut numbering = Numbering::default();
        let mut path = Path::default();
        let mut cur = NumberingCursor::default();
        let mut events = XmlEvents::new(xml, part);
        while let Some(ev) = events.next()? {
            match ev {
                Ev::Start(tag, e) => {
                    if path.push(tag, tag == Tag::Change) {
                        on_numbering_start(&mut cur, &path, tag, &e);
                    }
                }
                Ev::End(tag) => {
                    if path.pop() {
                        numbering.on_end(&mut cur, tag);
                    }
                }
                Ev::Text(_) => {}
            }
        }
        Ok(numbering)
    }

    fn on_end(&mut self, cur: &mut NumberingCursor, tag: Tag) {
        match tag {
            Tag::Lvl => {
                let Some((i, level)) = cur.level.take() else {
                    return;
                };
                if let (Some((_, num)), Some(_)) = (cur.num.as_mut(), cur.override_level) {
                    num.levels[i] = Some(level);
                } else if let Some((_, abs)) = cur.abstract_num.as_mut() {
                    abs.levels[i] = Some(level);
                }
            }
            Tag::LvlOverride => cur.override_level = None,
            Tag::AbstractNum => {
                if let Some((id, abs)) = cur.abstract_num.take() {
                    self.abstracts.insert(id, abs);
                }
            }
            Tag::Num => {
                if let Some((id, num)) = cur.num.take() {
                    self.nums.insert(id, num);
                }
            }
            _ => {}
        }
    }

    /// The abstract definition behind a num, with its id: counters live there. A
    /// numStyleLink leads through a numbering style to the definition holding the levels.
    fn abstract_for(&self, num: &NumDef, styles: &Styles) -> Option<(u32, &AbstractNum)> {
        let id = num.abstract_id?;
        let abs = self.abstracts.get(&id)?;
        let linked = abs.style_link.as_deref().and_then(|link| {
            let num_id = styles.first_para(Some(link), |p| p.num_id)?;
            let linked_id = self.nums.get(&num_id)?.abstract_id?;
            Some((linked_id, self.abstracts.get(&linked_id)?))
        });
        Some(linked.unwrap_or((id, abs)))
    }

    /// The level a paragraph style is tied to (`lvl/pStyle`), for a style's numPr
    /// without ilvl.
    fn level_of_style(&self, num_id: u32, style: Option<&str>, styles: &Styles) -> Option<u8> {
        let style = style?;
        let num = self.nums.get(&num_id)?;
        let (_, abs) = self.abstract_for(num, styles)?;
        (0..9u8).find(|&i| {
            level_def(num, abs, usize::from(i)).and_then(|l| l.style.as_deref()) == Some(style)
        })
    }
}

fn on_numbering_start(cur: &mut NumberingCursor, path: &Path, tag: Tag, e: &BytesStart) {
    let parent = path.up(1);
    let ilvl = || {
        attr(e, "ilvl")
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&i| i < 9)
    };
    match tag {
        Tag::AbstractNum => {
            let id = attr(e, "abstractNumId").and_then(|v| v.parse().ok());
            cur.abstract_num = id.map(|id| (id, AbstractNum::default()));
        }
        Tag::Num => {
            let id = attr(e, "numId").and_then(|v| v.parse().ok());
            cur.num = id.map(|id| (id, NumDef::default()));
        }
        Tag::AbstractNumId if parent == Tag::Num => {
            if let Some((_, num)) = cur.num.as_mut() {
                num.abstract_id = val_num(e);
            }
        }
        Tag::NumStyleLink if parent == Tag::AbstractNum => {
            if let Some((_, abs)) = cur.abstract_num.as_mut() {
                abs.style_link = val(e);
            }
        }
        Tag::LvlOverride => cur.override_level = ilvl(),
        Tag::StartOverride => {
            if let (Some((_, num)), Some(i)) = (cur.num.as_mut(), cur.override_level) {
                num.start_overrides[i] = val_num(e);
            }
        }
        Tag::Lvl => cur.level = ilvl().map(|i| (i, Level::default())),
        _ => {
            if let Some((_, level)) = cur.level.as_mut() {
                apply_level(level, tag, parent, e);
            }
        }
    }
}

/// One child of a `w:lvl`.
fn apply_level(level: &mut Level, tag: Tag, parent: Tag, e: &BytesStart) {
    match tag {
        Tag::Start if parent == Tag::Lvl => level.start = val_num(e),
        // Word writes a custom format in mc:Choice and a plain one in mc:Fallback: the
        // first one read wins.
        Tag::NumFmt if level.format.is_empty() => {
            let format = val(e).unwrap_or_default();
            level.format = match attr(e, "format") {
                Some(custom) if format == "custom" => format!("custom:{custom}"),
                _ => format,
            };
        }
        Tag::LvlText if parent == Tag::Lvl => {
            // A label is a few characters; a huge one would be copied to every paragraph.
            level.text = val(e).map(|t| t.chars().take(MAX_LABEL).collect());
        }
        Tag::LvlRestart if parent == Tag::Lvl => level.restart = val_num(e),
        Tag::IsLgl if parent == Tag::Lvl => level.legal = on_off(e),
        Tag::PStyle if parent == Tag::Lvl => level.style = val(e),
        _ => {}
    }
}

/// A level as a num sees it: its lvlOverride/lvl, else the abstract definition's.
fn level_def<'a>(num: &'a NumDef, abs: &'a AbstractNum, i: usize) -> Option<&'a Level> {
    num.levels.get(i)?.as_ref().or(abs.levels.get(i)?.as_ref())
}

/// List counters as the paragraphs go by, per abstract definition (nums sharing one
/// continue each other, §17.9).
#[derive(Debug, Default)]
struct NumState {
    counters: HashMap<u32, [Option<i64>; 9]>,
    seen: HashSet<u32>,
}

impl NumState {
    /// Counts a paragraph of `num_id` at `ilvl` and returns the label Word shows, and
    /// whether it is a bullet; `None` when the paragraph has no (known) numbering.
    fn next(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        num_id: u32,
        ilvl: u8,
    ) -> Option<(String, bool)> {
        let num = numbering.nums.get(&num_id).filter(|_| num_id != 0)?;
        let (abs_id, abs) = numbering.abstract_for(num, styles)?;
        let i = usize::from(ilvl.min(8));
        let level = level_def(num, abs, i)?;
        let start = |k: usize| {
            num.start_overrides[k]
                .or_else(|| level_def(num, abs, k).and_then(|l| l.start))
                .unwrap_or(0)
        };
        let counters = self.counters.entry(abs_id).or_default();
        // The first paragraph of a num with startOverride restarts those levels.
        if self.seen.insert(num_id) {
            for (k, o) in num.start_overrides.iter().enumerate() {
                if o.is_some() {
                    counters[k] = None;
                }
            }
        }
        counters[i] = Some(counters[i].map_or(start(i), |c| c.saturating_add(1)));
        // Deeper levels restart, unless lvlRestart says never (0) or only after a level
        // shallower than the one used here.
        for (k, counter) in counters.iter_mut().enumerate().skip(i + 1) {
            match level_def(num, abs, k).and_then(|l| l.restart) {
                Some(r) if i as u32 >= r => {}
                _ => *counter = None,
            }
        }
        if level.format == "bullet" {
            return Some((String::new(), true));
        }
        let label = level.text.as_deref().unwrap_or("");
        let value_of = |k: usize| {
            let format = if level.legal {
                "decimal"
            } else {
                level_def(num, abs, k).map_or("decimal", |l| l.format.as_str())
            };
            format_number(counters[k].unwrap_or(start(k)), format)
        };
        Some((expand_label(label, value_of), false))
    }
}

/// lvlText with `%1`..`%9` replaced by the levels' numbers.
fn expand_label(text: &str, value_of: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                out.push_str(&value_of(d as usize - 1));
            }
            _ => out.push(c),
        }
    }
    out
}

/// The longest list label kept (lvlText, custom format width), in characters.
const MAX_LABEL: usize = 64;

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A counter in a numFmt (§17.18.59); unknown formats fall back to decimal.
fn format_number(n: i64, format: &str) -> String {
    if n <= 0 && !matches!(format, "none" | "bullet") {
        return n.to_string();
    }
    match format {
        "none" | "bullet" => String::new(),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "chineseCounting" if n >= 100 => digit_by_digit(n, '○'),
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese_counting(n, &CN_DIGITS, ['十', '百', '千']),
        "chineseLegalSimplified" => {
            let legal = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
            chinese_counting(n, &legal, ['拾', '佰', '仟'])
        }
        "ideographDigital" | "japaneseDigitalTenThousand" => digit_by_digit(n, '〇'),
        "japaneseCounting" | "japaneseLegal" => japanese_counting(n),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            enclosed(n, 0x2460)
        }
        "decimalEnclosedParen" => enclosed(n, 0x2474),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "ordinal" => format!("{n}{}", ordinal_suffix(n)),
        f if f.starts_with("custom:") => custom(n, &f["custom:".len()..]),
        _ => n.to_string(),
    }
}

/// A, B, ... Z, AA, BB, ... (Word repeats the letter).
fn letters(n: i64, base: u8) -> String {
    let letter = char::from(base + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(100) as usize;
    std::iter::repeat_n(letter, times).collect()
}

fn roman(n: i64) -> String {
    if n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let (mut n, mut out) = (n, String::new());
    for (value, s) in table {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

/// 一 … 十, 十一, 二十, 二十一, 一百, 一百零一, 一百一十, 一千, 一千零一; past 9999
/// digit by digit. With legal digits (壹…) ten is 壹拾.
fn chinese_counting(n: i64, digits: &[char; 10], units: [char; 3]) -> String {
    if n >= 10_000 {
        return digit_by_digit(n, '〇');
    }
    let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (pos, &digit) in d.iter().enumerate() {
        if digit == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十, not 一十, for 10–19 (counting digits only).
        let bare_ten = pos == 2 && digit == 1 && out.is_empty() && digits[1] == '一';
        if !bare_ten {
            out.push(digits[digit as usize]);
        }
        if pos < 3 {
            out.push(units[2 - pos]);
        }
    }
    out
}

/// Japanese counting: 十, 十一, 二十, 百, 百一, 千 (no 一 before a unit, no zero).
fn japanese_counting(n: i64) -> String {
    if n >= 10_000 {
        return digit_by_digit(n, '〇');
    }
    let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ['千', '百', '十'];
    let mut out = String::new();
    for (pos, &digit) in d.iter().enumerate() {
        if digit == 0 {
            continue;
        }
        if digit > 1 || pos == 3 {
            out.push(CN_DIGITS[digit as usize]);
        }
        if pos < 3 {
            out.push(units[pos]);
        }
    }
    out
}

fn digit_by_digit(n: i64, zero: char) -> String {
    n.to_string()
        .bytes()
        .map(|b| {
            if b == b'0' {
                zero
            } else {
                CN_DIGITS[usize::from(b - b'0')]
            }
        })
        .collect()
}

fn cycle(n: i64, chars: &str) -> String {
    let set: Vec<char> = chars.chars().collect();
    set[((n - 1) as usize) % set.len()].to_string()
}

/// ① … ⑳ (and the like); past 20 Word shows plain digits.
fn enclosed(n: i64, first: u32) -> String {
    match n {
        1..=20 => char::from_u32(first + n as u32 - 1).map_or(n.to_string(), String::from),
        _ => n.to_string(),
    }
}

fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A custom format ("001, 002, 003, ..."): zero-padded decimal as wide as its sample.
fn custom(n: i64, sample: &str) -> String {
    let first = sample.split(',').next().unwrap_or("").trim();
    if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) {
        // Capped: the sample is the file's, the output is per paragraph.
        format!("{n:0width$}", width = first.len().min(MAX_LABEL))
    } else {
        n.to_string()
    }
}

// ---------------------------------------------------------------------------------------
// The document walk
// ---------------------------------------------------------------------------------------

/// A stretch of text with one look.
#[derive(Debug)]
struct Piece {
    text: String,
    bold: bool,
    red: bool,
    size: Option<u32>,
}

#[derive(Debug, Default)]
struct ParaBuild {
    index: usize,
    props: ParaProps,
    run: RunProps,
    /// The open run's look, worked out at its first text.
    look: Option<Effective>,
    pieces: Vec<Piece>,
}

/// The body, or one text box being read inside it: each has its own paragraph, fields
/// and tables open.
#[derive(Debug, Default)]
struct Story {
    in_box: bool,
    para: Option<ParaBuild>,
    /// Open complex fields: true once past `separate` (showing the result).
    fields: Vec<bool>,
    /// How many open fields are still in their instructions (their text is hidden).
    in_instructions: usize,
    /// Open `w:tbl` depth.
    tables: usize,
}

#[derive(Debug, Default)]
struct RowBuild {
    header: bool,
    deleted: bool,
    column: usize,
    cells: Vec<Cell>,
}

#[derive(Debug, Default)]
struct CellBuild {
    span: Option<usize>,
    merge: VMerge,
    /// Its paragraphs' texts, each with whether it is an item (a bulleted or numbered list
    /// paragraph, or a nested table's) whose end is a boundary the text must keep.
    lines: Vec<(String, bool)>,
    /// A nested table's row being read: its cells so far, and the cell's text so far.
    /// Each row is one line of this cell (阶段 | 时间 / 完成规划 | 2021年6月底), its cells
    /// in order.
    nested_row: Vec<String>,
    nested_cell: String,
}

/// The body's top-level table being read (nested tables only add lines to its cells).
#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<Row>,
    row: Option<RowBuild>,
    cell: Option<CellBuild>,
}

struct Walker<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    limits: &'s Limits,
    path: Path,
    /// Per open mc:AlternateContent: whether a branch has been read.
    alternates: Vec<bool>,
    /// The body first, then one story per open text box.
    stories: Vec<Story>,
    table: TableBuild,
    body_numbers: NumState,
    box_numbers: NumState,
    body_paragraphs: usize,
    tables: usize,
    paragraphs: usize,
    cells: usize,
    /// The notes the body refers to: (kind, `w:id`, place).
    note_refs: Vec<(NoteKind, String, NotePlace)>,
    /// Hidden text, a note for each place it stands.
    hidden: Vec<Note>,
    doc: WordDocument,
}

impl<'s> Walker<'s> {
    fn new(styles: &'s Styles, numbering: &'s Numbering, limits: &'s Limits) -> Self {
        Walker {
            styles,
            numbering,
            limits,
            path: Path::default(),
            alternates: Vec::new(),
            stories: vec![Story::default()],
            table: TableBuild::default(),
            body_numbers: NumState::default(),
            box_numbers: NumState::default(),
            body_paragraphs: 0,
            tables: 0,
            paragraphs: 0,
            cells: 0,
            note_refs: Vec::new(),
            hidden: Vec::new(),
            doc: WordDocument::default(),
        }
    }

    fn finish(self) -> (WordDocument, Vec<(NoteKind, String, NotePlace)>, Vec<Note>) {
        (self.doc, self.note_refs, self.hidden)
    }

    fn run(&mut self, xml: &str, part: &str) -> Result<(), DocxError> {
        let mut events = XmlEvents::new(xml, part);
        while let Some(ev) = events.next()? {
            match ev {
                Ev::Start(tag, e) => {
                    let skip = !self.path.skipping() && self.skips(tag);
                    if self.path.push(tag, skip) {
                        self.on_start(tag, &e)?;
                    }
                }
                Ev::End(tag) => {
                    if self.path.pop() {
                        self.on_end(tag);
                    }
                }
                Ev::Text(text) => {
                    if !self.path.skipping() && self.path.up(0) == Tag::T {
                        self.push_text(&text);
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether a (live) element's whole subtree is left out.
    fn skips(&mut self, tag: Tag) -> bool {
        match tag {
            // Old properties of a tracked change; control properties; section setup; the
            // phonetic guide over ruby text (the base text is read).
            Tag::Change | Tag::SdtPr | Tag::SdtEndPr | Tag::SectPr | Tag::RubyText => true,
            Tag::Del | Tag::MoveFrom => {
                self.flag(NotContent::TrackedDeletions);
                // A deleted table row: the row goes.
                if tag == Tag::Del
                    && self.path.up(0) == Tag::TrPr
                    && self.top_level_table()
                    && let Some(row) = self.table.row.as_mut()
                {
                    row.deleted = true;
                }
                // A deleted paragraph mark.
                if tag == Tag::Del
                    && self.path.up(0) == Tag::RPr
                    && self.path.up(1) == Tag::PPr
                    && let Some(para) = self.story().para.as_mut()
                {
                    para.props.mark_deleted = true;
                }
                true
            }
            // One branch of mc:AlternateContent only: Choice and Fallback repeat the
            // same text (DrawingML and VML).
            Tag::Choice | Tag::Fallback => match self.alternates.last_mut() {
                Some(taken) if !*taken => {
                    *taken = true;
                    false
                }
                Some(_) => true,
                None => false,
            },
            _ => false,
        }
    }

    /// A reference to a note (`w:id`), with where it stands; its text is read after the body.
    fn note_ref(&mut self, kind: NoteKind, e: &BytesStart) {
        match kind {
            NoteKind::Footnote | NoteKind::Endnote => self.flag(NotContent::Footnotes),
            NoteKind::Comment => self.flag(NotContent::Comments),
            NoteKind::Hidden => {}
        }
        let place = self.place_here();
        if let Some(id) = attr(e, "id")
            && self.note_refs.len() < MAX_NOTES
        {
            self.note_refs.push((kind, id, place));
        }
    }

    /// Where the text being read stands, for a note about it.
    fn place_here(&self) -> NotePlace {
        if self.top_level_table() {
            NotePlace::Cell {
                table: self.tables + 1,
                row: self.table.rows.len(),
                column: self.table.row.as_ref().map_or(0, |r| r.column),
            }
        } else {
            match self.stories.last().and_then(|s| s.para.as_ref()) {
                Some(p) if p.index > 0 => NotePlace::Paragraph(p.index),
                _ => NotePlace::Elsewhere,
            }
        }
    }

    /// Hidden text, left out and kept for the note that says so: one note a place, its
    /// text bounded.
    fn hidden_text(&mut self, text: &str) {
        const MAX_HIDDEN_CHARS: usize = 2000;
        let place = self.place_here();
        let room = self.hidden.len() < MAX_NOTES;
        match self.hidden.last_mut() {
            Some(last) if last.place == place => {
                // Bounded, whatever the file holds.
                let full = last.text.chars().count() >= MAX_HIDDEN_CHARS;
                last.text.push_str(if full { "" } else { text });
            }
            _ if room => self.hidden.push(Note {
                kind: NoteKind::Hidden,
                text: text.chars().take(MAX_HIDDEN_CHARS).collect(),
                place,
            }),
            _ => {}
        }
    }

    fn flag(&mut self, what: NotContent) {
        if !self.doc.not_content.contains(&what) {
            self.doc.not_content.push(what);
        }
    }

    fn story(&mut self) -> &mut Story {
        if self.stories.is_empty() {
            self.stories.push(Story::default());
        }
        let last = self.stories.len() - 1;
        &mut self.stories[last]
    }

    /// Inside the body's top-level table (not a nested one, not in a text box).
    fn top_level_table(&self) -> bool {
        self.stories.len() == 1 && self.stories[0].tables == 1
    }

    fn on_start(&mut self, tag: Tag, e: &BytesStart) -> Result<(), DocxError> {
        let in_run = self.path.up(1) == Tag::R;
        match tag {
            Tag::P => self.start_paragraph()?,
            Tag::R => {
                if let Some(p) = self.story().para.as_mut() {
                    p.run = RunProps::default();
                    p.look = None;
                }
            }
            Tag::Tbl => self.start_table(),
            Tag::Tr if self.top_level_table() => self.table.row = Some(RowBuild::default()),
            Tag::Tc => self.start_cell()?,
            Tag::TxbxContent => {
                self.flag(NotContent::TextBoxes);
                self.stories.push(Story {
                    in_box: true,
                    ..Story::default()
                });
            }
            Tag::TextPath => self.word_art(e),
            Tag::FootnoteRef => self.note_ref(NoteKind::Footnote, e),
            Tag::EndnoteRef => self.note_ref(NoteKind::Endnote, e),
            Tag::CommentRef => self.note_ref(NoteKind::Comment, e),
            Tag::AltContent => self.alternates.push(false),
            Tag::FldChar => self.field_char(attr(e, "fldCharType").as_deref()),
            Tag::Tab | Tag::Ptab if in_run => self.push_text("\t"),
            // A page or column break is layout (LibreOffice writes one at the end of the
            // paragraph before a pageBreakBefore); a line break is a new line.
            Tag::Br if in_run && matches!(attr(e, "type").as_deref(), Some("page" | "column")) => {}
            Tag::Br | Tag::Cr if in_run => self.push_text("\n"),
            Tag::NoBreakHyphen if in_run => self.push_text("-"),
            Tag::Sym if in_run => {
                let c = symbol(attr(e, "font").as_deref(), attr(e, "char").as_deref());
                if let Some(c) = c {
                    self.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => self.property(tag, e),
        }
        Ok(())
    }

    /// Paragraph, run, row and cell properties.
    fn property(&mut self, tag: Tag, e: &BytesStart) {
        let (parent, grand) = (self.path.up(1), self.path.up(2));
        if parent == Tag::RPr && grand == Tag::R {
            if let Some(p) = self.story().para.as_mut() {
                p.run.apply(tag, e);
            }
        } else if parent == Tag::TrPr && self.top_level_table() {
            if let Some(row) = self.table.row.as_mut() {
                match tag {
                    Tag::GridBefore => row.column = val_num(e).unwrap_or(0),
                    Tag::TblHeader => row.header = on_off(e),
                    _ => {}
                }
            }
        } else if parent == Tag::TcPr && self.top_level_table() {
            if let Some(cell) = self.table.cell.as_mut() {
                match tag {
                    Tag::GridSpan => cell.span = val_num(e),
                    Tag::VMerge => {
                        cell.merge = match val(e).as_deref() {
                            Some("restart") => VMerge::Restart,
                            _ => VMerge::Continue,
                        }
                    }
                    _ => {}
                }
            }
        } else if parent != Tag::RPr {
            let path = &self.path;
            if let Some(p) = self.stories.last_mut().and_then(|s| s.para.as_mut()) {
                p.props.apply(tag, path, e);
            }
        }
    }

    fn on_end(&mut self, tag: Tag) {
        match tag {
            Tag::P => self.end_paragraph(),
            Tag::Tc => self.end_cell(),
            Tag::Tr => self.end_row(),
            Tag::Tbl => self.end_table(),
            Tag::TxbxContent if self.stories.len() > 1 => {
                self.stories.pop();
            }
            Tag::AltContent => {
                self.alternates.pop();
            }
            _ => {}
        }
    }

    /// Complex fields (§17.16.18): the instructions are hidden, the result is text.
    fn field_char(&mut self, kind: Option<&str>) {
        let story = self.story();
        match kind {
            Some("begin") => {
                story.fields.push(false);
                story.in_instructions += 1;
            }
            Some("separate") => {
                if let Some(open) = story.fields.last_mut().filter(|past| !**past) {
                    *open = true;
                    story.in_instructions -= 1;
                }
            }
            Some("end") => {
                let was_in_instructions = story.fields.pop() == Some(false);
                story.in_instructions -= usize::from(was_in_instructions);
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        let styles = self.styles;
        let story = self.story();
        if story.in_instructions > 0 {
            return;
        }
        let Some(p) = story.para.as_mut() else { return };
        let para_style = p.props.style.as_deref().or(styles.default_para.as_deref());
        let look = *p
            .look
            .get_or_insert_with(|| styles.effective(para_style, &p.run));
        if look.hidden {
            self.hidden_text(text);
            return;
        }
        match p.pieces.last_mut() {
            Some(last) if (last.bold, last.red, last.size) == (look.bold, look.red, look.size) => {
                last.text.push_str(text);
            }
            _ => p.pieces.push(Piece {
                text: text.to_string(),
                bold: look.bold,
                red: look.red,
                size: look.size,
            }),
        }
    }

    /// Legacy WordArt (`v:textpath string=…`) is a text box of one line.
    fn word_art(&mut self, e: &BytesStart) {
        self.flag(NotContent::TextBoxes);
        if let Some(text) = attr(e, "string").filter(|t| !t.trim().is_empty()) {
            let index = self.body_paragraphs;
            self.doc.text_boxes.push(Paragraph {
                index,
                text,
                ..Paragraph::default()
            });
        }
    }
}

/// A `w:sym` character: Wingdings and Symbol glyphs mapped to Unicode where they are the
/// usual check marks, boxes and bullets; else the character itself.
fn symbol(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    let font = font.unwrap_or("").to_ascii_lowercase();
    // Symbol fonts are addressed either at F0xx or at the plain byte.
    let byte = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    let mapped = match (font.as_str(), byte) {
        ("wingdings", 0xFC) => Some('✓'),
        ("wingdings", 0xFB) => Some('✗'),
        ("wingdings", 0xFD) => Some('☒'),
        ("wingdings", 0xFE) => Some('☑'),
        ("wingdings", 0xA8) => Some('□'),
        ("wingdings", 0x6F) => Some('□'),
        ("wingdings", 0x6C) => Some('●'),
        ("wingdings", 0x6E) => Some('■'),
        ("wingdings 2", 0x50) => Some('✓'),
        ("wingdings 2", 0x52) => Some('☑'),
        ("wingdings 2", 0xA3) => Some('□'),
        ("symbol", 0xB7) => Some('•'),
        ("symbol", 0xB4) => Some('×'),
        ("symbol", 0xD6) => Some('√'),
        ("symbol", 0xB0) => Some('°'),
        ("symbol", 0xB1) => Some('±'),
        _ => None,
    };
    mapped.or_else(|| char::from_u32(code))
}

impl Walker<'_> {
    fn start_paragraph(&mut self) -> Result<(), DocxError> {
        self.paragraphs += 1;
        if self.paragraphs > self.limits.max_paragraphs {
            return Err(too_large("paragraphs", self.limits.max_paragraphs as u64));
        }
        let story = self.story();
        let body = !story.in_box && story.tables == 0;
        let in_table = !story.in_box && story.tables > 0;
        if body {
            self.body_paragraphs += 1;
        }
        let index = if in_table { 0 } else { self.body_paragraphs };
        self.story().para = Some(ParaBuild {
            index,
            ..ParaBuild::default()
        });
        Ok(())
    }

    fn end_paragraph(&mut self) {
        let (styles, numbering) = (self.styles, self.numbering);
        let story = self.story();
        let Some(built) = story.para.take() else {
            return;
        };
        let (in_box, in_table, nested) = (story.in_box, story.tables > 0, story.tables > 1);
        // A paragraph the accepted view does not have — deleted whole (its mark and all its
        // text), or in a deleted row — takes no number of a list: 咸宁's deleted （六） made
        // the rest （七）…, a deleted row's 序号 made task 6 the seventh.
        let in_deleted_row = in_table && self.table.row.as_ref().is_some_and(|r| r.deleted);
        let gone = in_deleted_row
            || (built.props.mark_deleted && built.pieces.iter().all(|p| p.text.trim().is_empty()));
        if gone {
            return;
        }
        let numbers = if in_box {
            &mut self.box_numbers
        } else {
            &mut self.body_numbers
        };
        let paragraph = finish_paragraph(built, styles, numbering, numbers);
        if in_box {
            self.doc.text_boxes.push(paragraph);
        } else if in_table {
            if let Some(cell) = self.table.cell.as_mut() {
                let text = paragraph.number + &paragraph.text;
                if nested {
                    if !cell.nested_cell.is_empty() && !text.trim().is_empty() {
                        cell.nested_cell.push(' ');
                    }
                    cell.nested_cell.push_str(text.trim());
                } else {
                    let item = paragraph.bullet || paragraph.list_level.is_some();
                    cell.lines.push((text, item));
                }
            }
        } else {
            self.doc.blocks.push(Block::Paragraph(paragraph));
        }
    }

    fn start_table(&mut self) {
        let story = self.story();
        story.tables += 1;
        if self.top_level_table() {
            self.table = TableBuild::default();
        }
    }

    fn end_table(&mut self) {
        if self.top_level_table() {
            let rows = std::mem::take(&mut self.table.rows);
            self.tables += 1;
            let index = self.tables;
            self.doc.blocks.push(Block::Table(Table { index, rows }));
        }
        let story = self.story();
        story.tables = story.tables.saturating_sub(1);
    }

    fn start_cell(&mut self) -> Result<(), DocxError> {
        self.cells += 1;
        if self.cells > self.limits.max_cells {
            return Err(too_large("table cells", self.limits.max_cells as u64));
        }
        if self.top_level_table() {
            self.table.cell = Some(CellBuild::default());
        }
        Ok(())
    }

    fn end_cell(&mut self) {
        if !self.top_level_table() {
            if let Some(cell) = self.table.cell.as_mut() {
                let text = std::mem::take(&mut cell.nested_cell);
                cell.nested_row.push(text);
            }
            return;
        }
        let (Some(cell), Some(row)) = (self.table.cell.take(), self.table.row.as_mut()) else {
            return;
        };
        let span = cell.span.unwrap_or(1).max(1);
        row.cells.push(Cell {
            column: row.column,
            span,
            merge: cell.merge,
            text: cell
                .lines
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            items: cell_text(&cell.lines),
        });
        row.column = row.column.saturating_add(span);
    }

    fn end_row(&mut self) {
        if !self.top_level_table() {
            // A nested table's row: one item line of the cell holding it.
            if let Some(cell) = self.table.cell.as_mut() {
                let cells = std::mem::take(&mut cell.nested_row);
                let mut line = String::new();
                for text in cells.iter().filter(|c| !c.is_empty()) {
                    // Cells side by side read as a clause each (完成规划，2021年6月底): spaces
                    // between them would be closed up in print.
                    let stopped = line.ends_with(['。', '；', ';', '，', ',', '、', '：', ':']);
                    if !line.is_empty() && !stopped {
                        line.push('，');
                    }
                    line.push_str(text);
                }
                if !line.is_empty() {
                    cell.lines.push((line, true));
                }
            }
            return;
        }
        if let Some(row) = self.table.row.take().filter(|r| !r.deleted) {
            self.table.rows.push(Row {
                header: row.header,
                cells: row.cells,
            });
        }
    }
}

/// A cell's text as a task's: its paragraphs one a line. An item (a bullet, a nested table's cell) ends
/// with ；where it has no stop of its own, so items read apart when the lines are joined.
fn cell_text(lines: &[(String, bool)]) -> String {
    let mut text = String::new();
    for (i, (line, item)) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(line);
        let more = lines[i + 1..].iter().any(|(l, _)| !l.trim().is_empty());
        let bare = !line.trim().is_empty()
            && !line
                .trim_end()
                .ends_with(['。', '；', ';', '，', ',', '、', '：', ':', '！', '？']);
        if *item && more && bare {
            text.push('；');
        }
    }
    text
}

/// The paragraph as read: numbering counted, styles resolved, the look summed up.
fn finish_paragraph(
    built: ParaBuild,
    styles: &Styles,
    numbering: &Numbering,
    numbers: &mut NumState,
) -> Paragraph {
    let props = &built.props;
    let style_id = props.style.as_deref().or(styles.default_para.as_deref());
    let mut paragraph = Paragraph {
        index: built.index,
        ..Paragraph::default()
    };
    if let Some((num_id, ilvl)) = list_of(props, style_id, styles, numbering)
        && let Some((number, bullet)) = numbers.next(numbering, styles, num_id, ilvl)
    {
        paragraph.number = number;
        paragraph.bullet = bullet;
        paragraph.list_level = Some(ilvl);
    }
    paragraph.style = match props.outline {
        Some(level) => outline_style(level),
        None => styles.classify(style_id),
    };
    paragraph.align = props
        .jc
        .or_else(|| styles.first_para(style_id, |p| p.jc))
        .unwrap_or(Align::Left);
    paragraph.bottom_border = props
        .bottom
        .or_else(|| styles.first_para(style_id, |p| p.bottom))
        .unwrap_or(false);
    summarize(&built.pieces, &mut paragraph);
    paragraph
}

/// The paragraph's list (numId, ilvl): its own numPr, else its style's (§17.9.1); a
/// style's numPr without ilvl takes the level tied to the style (`lvl/pStyle`).
fn list_of(
    props: &ParaProps,
    style_id: Option<&str>,
    styles: &Styles,
    numbering: &Numbering,
) -> Option<(u32, u8)> {
    let num_id = props
        .num_id
        .or_else(|| styles.first_para(style_id, |p| p.num_id))?;
    if num_id == 0 {
        return None;
    }
    let ilvl = props
        .ilvl
        .or_else(|| styles.first_para(style_id, |p| p.ilvl))
        .or_else(|| numbering.level_of_style(num_id, style_id, styles))
        .unwrap_or(0);
    Some((num_id, ilvl.min(8)))
}

/// Text, bold lead, all-bold, red and size from the paragraph's pieces. Blank pieces
/// (spaces, tabs) neither make nor break bold or red.
fn summarize(pieces: &[Piece], paragraph: &mut Paragraph) {
    let blank = |p: &&Piece| p.text.trim().is_empty();
    let visible: Vec<&Piece> = pieces.iter().filter(|p| !blank(p)).collect();
    paragraph.text = pieces.iter().map(|p| p.text.as_str()).collect();
    paragraph.all_bold = !visible.is_empty() && visible.iter().all(|p| p.bold);
    paragraph.red = !visible.is_empty() && visible.iter().all(|p| p.red);
    paragraph.font_size_half_points = visible.iter().filter_map(|p| p.size).max();
    if paragraph.all_bold || !visible.first().is_some_and(|p| p.bold) {
        return;
    }
    // The lead runs to the last bold piece before the first non-bold visible one.
    let mut lead = String::new();
    let mut taken = 0;
    for piece in pieces {
        if !piece.bold && !blank(&piece) {
            break;
        }
        lead.push_str(&piece.text);
        if piece.bold {
            taken = lead.len();
        }
    }
    lead.truncate(taken);
    paragraph.bold_lead = Some(lead);
}

#[cfg(test)]
pub(crate) mod tests;
