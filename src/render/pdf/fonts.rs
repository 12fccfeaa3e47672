//! Fonts for the GB/T 9704 roles, loaded once per process, with per-glyph fallback: every
//! character is checked against its role's font and taken from the fallback faces when that
//! font lacks it (FandolFang has no 疁). A character no face has is drawn as the 缺字 mark
//! (see [`crate::base::glyphs`]), never as tofu or nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::base::diag::{Error, Result};

/// The typographic roles of a 公文.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 小标宋: titles, the 发文机关标志.
    Title,
    /// 仿宋: body text.
    Body,
    /// 黑体: 一、 headings, 附件 label, table headers.
    Hei,
    /// 楷体: （一） headings.
    Kai,
    /// 宋体: page numbers, and the fallback for every role.
    Song,
}

impl Role {
    /// Every role, in slot order.
    pub const ALL: [Role; 5] = [Role::Title, Role::Body, Role::Hei, Role::Kai, Role::Song];

    /// The config key naming this role.
    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Body => "body",
            Role::Hei => "hei",
            Role::Kai => "kai",
            Role::Song => "song",
        }
    }

    /// The file shipped in `fonts/` for this role.
    pub fn default_file(self) -> &'static str {
        match self {
            Role::Title => "NotoSerifSC-Bold.ttf",
            Role::Body => "FandolFang-Regular.otf",
            Role::Hei => "NotoSansSC-Regular.ttf",
            Role::Kai => "FandolKai-Regular.otf",
            Role::Song => "NotoSerifSC-Regular.ttf",
        }
    }

    /// The face index of this role in a [`FontSet`].
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// One font face: the bytes, krilla's handle for drawing, and what skrifa measures.
pub struct Face {
    /// Where it came from.
    pub path: PathBuf,
    data: FontBytes,
    index: u32,
    /// krilla's handle (cheap to clone).
    pub font: Font,
    units_per_em: f32,
}

impl Face {
    fn load(path: &Path, index: u32) -> Result<Face> {
        let data = shared_bytes(path)?;
        validate(data.as_ref().as_ref(), index)
            .map_err(|why| Error::Render(format!("字体文件 {} 已损坏：{why}", path.display())))?;
        // CFF faces (Fandol) are set from a TrueType copy: same glyphs, far cheaper to subset.
        let data =
            super::truetype::working_copy(path, data.as_ref().as_ref(), index).unwrap_or(data);
        let font_ref = FontRef::from_index(data.as_ref().as_ref(), index)
            .map_err(|e| Error::Render(format!("字体文件 {} 无法解析：{e}", path.display())))?;
        let upem = font_ref
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em as f32;
        let font = Font::new(data.clone().into(), index)
            .ok_or_else(|| Error::Render(format!("字体文件 {} 无法用于 PDF", path.display())))?;
        Ok(Face {
            path: path.to_path_buf(),
            data,
            index,
            font,
            units_per_em: upem.max(1.0),
        })
    }

    /// The glyph for `c` and its advance in em, if this face has one.
    pub fn glyph(&self, c: char) -> Option<(u32, f32)> {
        let font_ref = FontRef::from_index(self.data.as_ref().as_ref(), self.index).ok()?;
        let gid = font_ref.charmap().map(c)?;
        if gid.to_u32() == 0 {
            return None;
        }
        let advance = font_ref
            .glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(gid)
            .unwrap_or(self.units_per_em);
        Some((gid.to_u32(), advance / self.units_per_em))
    }
}

/// Characters every document sets in every role: a face must draw them all.
const PROBE: &str = "一二年月日中国的区工作任务单位0123456789";

/// Checks a face before it is used: a truncated or damaged file parses its table directory
/// fine and then draws nothing, which would be invisible text in the PDFs. Every table must
/// lie inside the file, the tables a face needs must be there, and the characters every
/// document sets must have outlines.
fn validate(data: &[u8], index: u32) -> std::result::Result<(), String> {
    use skrifa::outline::{DrawSettings, OutlinePen};
    use skrifa::raw::TableProvider;
    let font = FontRef::from_index(data, index).map_err(|e| format!("无法解析（{e}）"))?;
    for record in font.table_directory().table_records() {
        let tag = record.tag();
        if font.table_data(tag).is_none() {
            return Err(format!("{tag} 表超出文件末尾（文件不完整）"));
        }
    }
    let has = |tag: &[u8; 4]| font.table_data(skrifa::Tag::new(tag)).is_some();
    for tag in [b"cmap", b"head", b"hhea", b"hmtx", b"maxp"] {
        if !has(tag) {
            return Err(format!("缺少 {} 表", String::from_utf8_lossy(tag)));
        }
    }
    if ![b"glyf", b"CFF ", b"CFF2"].iter().any(|t| has(t)) {
        return Err("没有字形轮廓表（glyf/CFF）".into());
    }
    if font.head().is_err() || font.maxp().is_err() {
        return Err("head 或 maxp 表已损坏".into());
    }
    struct Count(usize);
    impl OutlinePen for Count {
        fn move_to(&mut self, _: f32, _: f32) {}
        fn line_to(&mut self, _: f32, _: f32) {
            self.0 += 1;
        }
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn close(&mut self) {}
    }
    let glyphs = font.outline_glyphs();
    for c in PROBE.chars() {
        let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
        // A face without the character (a symbol font) is fine; one that maps it to nothing
        // drawable is not.
        let Some(gid) = font.charmap().map(c) else {
            continue;
        };
        let mut pen = Count(0);
        let drawn = glyphs.get(gid).map(|g| g.draw(settings, &mut pen));
        if !matches!(drawn, Some(Ok(_))) || pen.0 == 0 {
            return Err(format!("「{c}」的字形无法绘出"));
        }
    }
    Ok(())
}

/// A font file's bytes, shared by every face and every PDF of the process.
type FontBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Each font file mapped once per process and shared: a publish renders dozens of PDFs, and
/// each touches only the glyphs it sets, so mapping (not reading) spares copying and zeroing
/// 55 MB that are mostly never looked at.
fn shared_bytes(path: &Path) -> Result<FontBytes> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, FontBytes>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if let Ok(map) = cache.lock()
        && let Some(bytes) = map.get(&key)
    {
        return Ok(bytes.clone());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, "读取字体", e))?;
    // SAFETY: the map is read-only and lives as long as the process's faces. A font file
    // rewritten while fengong runs could change under it; fonts are installed files, and a
    // failed map falls back to reading.
    let bytes: FontBytes = match unsafe { memmap2::Mmap::map(&file) } {
        Ok(map) => Arc::new(map),
        Err(_) => Arc::new(std::fs::read(path).map_err(|e| Error::io(path, "读取字体", e))?),
    };
    if let Ok(mut map) = cache.lock() {
        map.insert(key, bytes.clone());
    }
    Ok(bytes)
}

/// The identity of a set of faces: each file's length and the hash of its first and last
/// 64 KiB (the table directory, `head` with its checksum, and the tail tables), which any
/// other font or version changes, without reading 55 MB each run.
fn identity(faces: &[Face]) -> String {
    use sha2::{Digest, Sha256};
    const SPAN: usize = 64 * 1024;
    let mut hash = Sha256::new();
    for face in faces {
        let bytes: &[u8] = face.data.as_ref().as_ref();
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(face.index.to_le_bytes());
        hash.update(&bytes[..bytes.len().min(SPAN)]);
        hash.update(&bytes[bytes.len().saturating_sub(SPAN)..]);
    }
    crate::base::hash::hex(&hash.finalize())
}

/// Where to look for font files, in order.
#[derive(Debug, Clone, Default)]
pub struct FontSearch {
    /// Files the config names per role (role key → path).
    pub overrides: Vec<(Role, PathBuf)>,
    /// Folders to search for the shipped file names: FENGONG_FONT_PATHS, the project's
    /// `fonts/`, the fonts beside the source tree.
    pub dirs: Vec<PathBuf>,
}

impl FontSearch {
    /// The search for a project at `root`: the files `[fonts]` of its config names
    /// (relative to `input_dir`), then [`FontSearch::for_root`].
    pub fn for_project(
        root: &Path,
        input_dir: &Path,
        f: &crate::config::FontsConfig,
    ) -> FontSearch {
        let mut search = FontSearch::for_root(root);
        for (role, file) in [
            (Role::Title, &f.title),
            (Role::Body, &f.body),
            (Role::Hei, &f.hei),
            (Role::Kai, &f.kai),
            (Role::Song, &f.song),
        ] {
            if let Some(file) = file {
                search.overrides.push((role, input_dir.join(file)));
            }
        }
        search
    }

    /// The default search for a project at `root`: `FENGONG_FONT_PATHS` (separated like
    /// `PATH`), `root/fonts`, then the `fonts/` this program was built with.
    pub fn for_root(root: &Path) -> FontSearch {
        let mut dirs = Vec::new();
        if let Some(paths) = std::env::var_os("FENGONG_FONT_PATHS") {
            dirs.extend(std::env::split_paths(&paths));
        }
        dirs.push(root.join("fonts"));
        dirs.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts")));
        FontSearch {
            overrides: Vec::new(),
            dirs,
        }
    }

    /// The first file named `name` in the search folders.
    fn find_file(&self, name: &str) -> Option<PathBuf> {
        self.dirs.iter().map(|d| d.join(name)).find(|p| p.is_file())
    }

    fn find(&self, role: Role) -> Result<PathBuf> {
        if let Some((_, path)) = self.overrides.iter().find(|(r, _)| *r == role) {
            if path.is_file() {
                return Ok(path.clone());
            }
            let why = if path.is_dir() {
                "是一个目录，不是字体文件"
            } else {
                "不存在"
            };
            return Err(Error::Render(format!(
                "配置中 {} 字体文件 {} {why}",
                role.key(),
                path.display()
            )));
        }
        for dir in &self.dirs {
            let candidate = dir.join(role.default_file());
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
        Err(Error::Render(format!(
            "找不到字体 {}（在 {} 中查找）；请把字体放进 fonts/，或用 FENGONG_FONT_PATHS 指定目录",
            role.default_file(),
            self.dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join("、")
        )))
    }
}

/// The last fallback face, after every role's: symbols and Latin letters no CJK font has.
pub const FALLBACK_FILE: &str = "DejaVuSans.ttf";

/// The faces of all roles. Fallback order for a missing glyph: the role's own face, 宋体,
/// 黑体, then the others, then [`FALLBACK_FILE`].
pub struct FontSet {
    faces: Vec<Face>,
    /// Every (role, character) looked up so far: a publish sets the same few thousand
    /// characters hundreds of thousands of times, and a cmap lookup is not free.
    lookups: RwLock<HashMap<(Role, char), Option<FoundGlyph>>>,
    /// What tells these font files apart from others (see [`FontSet::identity`]).
    identity: String,
}

/// A face of the set, by index.
pub type FaceId = usize;

/// Where a character was found: (face, glyph id, advance in em).
pub type FoundGlyph = (FaceId, u32, f32);

impl FontSet {
    /// Loads the faces `search` finds; the same files are shared with every other set of the
    /// process.
    pub fn load(search: &FontSearch) -> Result<Arc<FontSet>> {
        static SETS: OnceLock<Mutex<HashMap<Vec<PathBuf>, Arc<FontSet>>>> = OnceLock::new();
        let paths: Vec<PathBuf> = Role::ALL
            .iter()
            .map(|r| search.find(*r))
            .collect::<Result<_>>()?;
        let sets = SETS.get_or_init(|| Mutex::new(HashMap::new()));
        if let Ok(map) = sets.lock()
            && let Some(set) = map.get(&paths)
        {
            return Ok(set.clone());
        }
        let mut faces = paths
            .iter()
            .map(|p| Face::load(p, 0))
            .collect::<Result<Vec<_>>>()?;
        // The symbol fallback is optional: without it those characters get the 缺字 mark.
        if let Some(path) = search.find_file(FALLBACK_FILE) {
            faces.push(Face::load(&path, 0)?);
        }
        let identity = identity(&faces);
        let set = Arc::new(FontSet {
            faces,
            lookups: RwLock::new(HashMap::new()),
            identity,
        });
        if let Ok(mut map) = sets.lock() {
            map.insert(paths, set.clone());
        }
        Ok(set)
    }

    /// A hash of the faces' files, role by role: a PDF laid out with other fonts (a user's
    /// own 仿宋_GB2312, a newer Noto) is never taken for one made with these.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The face of `id`.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id]
    }

    /// The glyph for `c` in `role`, falling back face by face: (face, glyph id, advance in em).
    pub fn glyph(&self, role: Role, c: char) -> Option<FoundGlyph> {
        if let Ok(map) = self.lookups.read()
            && let Some(found) = map.get(&(role, c))
        {
            return *found;
        }
        let found = self.lookup(role, c);
        if let Ok(mut map) = self.lookups.write() {
            map.insert((role, c), found);
        }
        found
    }

    /// True when some face has `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.glyph(Role::Song, c).is_some()
    }

    fn lookup(&self, role: Role, c: char) -> Option<FoundGlyph> {
        let order = [
            role.slot(),
            Role::Song.slot(),
            Role::Hei.slot(),
            Role::Title.slot(),
            Role::Body.slot(),
            Role::Kai.slot(),
            Role::ALL.len(), // the symbol fallback, when there is one
        ];
        order.iter().find_map(|&slot| {
            let face = self.faces.get(slot)?;
            face.glyph(c).map(|(g, a)| (slot, g, a))
        })
    }
}
