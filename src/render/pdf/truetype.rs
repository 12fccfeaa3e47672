//! TrueType working copies of CFF fonts. FandolFang and FandolKai have CFF outlines; krilla
//! embeds those as they are, but subsetting CFF (every charstring decompiled and re-encoded)
//! measured 11× slower than subsetting TrueType `glyf` (18.6 ms against 1.7 ms for the
//! seed's 726 glyphs), and it runs again for every PDF of a publish: with CFF, font work was
//! half of a cold publish. So a CFF face is converted once per machine and build to
//! TrueType — cubics to quadratics within 1 font unit (1/1000 em, the tolerance fontTools'
//! cu2qu uses for the same job), every other table (cmap, metrics, names, OS/2) copied
//! unchanged — and the copy is cached on disk. Glyph ids, advances and so the layout are
//! those of the original; only the embedded outline format differs. The committed font files
//! stay as shipped. Anything unexpected in a font means no copy: its CFF is used as before.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kurbo::{BezPath, CubicBez, Point};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::TableProvider;
use skrifa::raw::types::Tag;
use skrifa::{FontRef, GlyphId, MetadataProvider};
use write_fonts::FontBuilder;
use write_fonts::tables::glyf::{GlyfLocaBuilder, Glyph, SimpleGlyph};
use write_fonts::tables::maxp::Maxp;

/// Largest distance, in font units, between a CFF cubic and the quadratics replacing it.
const ACCURACY: f64 = 1.0;

/// Tables that belong to CFF outlines and have no place beside `glyf`.
const CFF_ONLY: [&[u8; 4]; 3] = [b"CFF ", b"CFF2", b"VORG"];

/// The TrueType copy of the CFF font `data` (face `index`), from the cache folder when an
/// earlier run made it; `None` when the font is not CFF or cannot be converted.
pub fn working_copy(
    source: &Path,
    data: &[u8],
    index: u32,
) -> Option<Arc<dyn AsRef<[u8]> + Send + Sync>> {
    let font = FontRef::from_index(data, index).ok()?;
    if font.cff().is_err() {
        return None;
    }
    let cached = cache_file(source, data, index);
    if let Some(path) = &cached
        && let Some(bytes) = read_cached(path)
    {
        return Some(bytes);
    }
    let converted = convert(&font)?;
    if let Some(path) = &cached {
        store(path, &converted);
    }
    Some(Arc::new(converted))
}

/// `data` converted to TrueType outlines, or `None` if any glyph cannot be.
pub fn convert(font: &FontRef<'_>) -> Option<Vec<u8>> {
    let outlines = font.outline_glyphs();
    let count = font.maxp().ok()?.num_glyphs();
    let glyphs: Vec<Glyph> = (0..count)
        .into_par_iter()
        .map(|gid| {
            let mut pen = QuadraticPen::default();
            if let Some(outline) = outlines.get(GlyphId::new(gid as u32)) {
                outline
                    .draw(
                        DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
                        &mut pen,
                    )
                    .ok()?;
            }
            let path = pen.finish();
            if path.elements().is_empty() {
                return Some(Glyph::Empty);
            }
            // CFF outer contours run counter-clockwise, TrueType ones clockwise.
            SimpleGlyph::from_bezpath(&path.reverse_subpaths())
                .ok()
                .map(Glyph::Simple)
        })
        .collect::<Option<_>>()?;
    let mut builder = GlyfLocaBuilder::new();
    let (mut max_points, mut max_contours) = (0usize, 0usize);
    for glyph in &glyphs {
        if let Glyph::Simple(simple) = glyph {
            max_points = max_points.max(simple.contours.iter().map(|c| c.len()).sum());
            max_contours = max_contours.max(simple.contours.len());
        }
        builder.add_glyph(glyph).ok()?;
    }
    let (glyf, loca, loca_format) = builder.build();
    let hmtx = left_side_bearings_at_x_min(font, &glyphs)?;
    // `head` as it is, but for indexToLocFormat (offset 50) and glyphDataFormat (52).
    let mut head = font.table_data(Tag::new(b"head"))?.as_bytes().to_vec();
    if head.len() < 54 {
        return None;
    }
    let long = matches!(loca_format, write_fonts::tables::loca::LocaFormat::Long);
    head[50..52].copy_from_slice(&(long as i16).to_be_bytes());
    head[52..54].copy_from_slice(&0i16.to_be_bytes());
    let maxp = Maxp {
        num_glyphs: count,
        max_points: Some(u16::try_from(max_points).ok()?),
        max_contours: Some(u16::try_from(max_contours).ok()?),
        max_composite_points: Some(0),
        max_composite_contours: Some(0),
        max_zones: Some(1),
        max_twilight_points: Some(0),
        max_storage: Some(0),
        max_function_defs: Some(0),
        max_instruction_defs: Some(0),
        max_stack_elements: Some(0),
        max_size_of_instructions: Some(0),
        max_component_elements: Some(0),
        max_component_depth: Some(0),
    };
    let mut out = FontBuilder::new();
    out.add_table(&glyf).ok()?;
    out.add_table(&loca).ok()?;
    out.add_table(&maxp).ok()?;
    out.add_raw(Tag::new(b"head"), head);
    out.add_raw(Tag::new(b"hmtx"), hmtx);
    for record in font.table_directory.table_records() {
        let tag = record.tag();
        if CFF_ONLY.iter().any(|t| Tag::new(t) == tag) || out.contains(tag) {
            continue;
        }
        out.add_raw(tag, font.table_data(tag)?.as_bytes().to_vec());
    }
    let bytes = out.build();
    // What we made must read back as a TrueType font with every glyph.
    let check = FontRef::new(&bytes).ok()?;
    (check.glyf().is_ok() && check.maxp().ok()?.num_glyphs() == count).then_some(bytes)
}

/// `hmtx` with each glyph's left side bearing set to its outline's xMin. TrueType places a
/// glyph by its bearing (the origin is xMin − lsb); CFF ignores the bearing, and Fandol's do
/// not always match its outlines ("2": lsb 53, xMin 50), so copying them would shift glyphs.
fn left_side_bearings_at_x_min(font: &FontRef<'_>, glyphs: &[Glyph]) -> Option<Vec<u8>> {
    let mut hmtx = font.table_data(Tag::new(b"hmtx"))?.as_bytes().to_vec();
    let long_metrics = usize::from(font.hhea().ok()?.number_of_h_metrics());
    for (gid, glyph) in glyphs.iter().enumerate() {
        let Glyph::Simple(simple) = glyph else {
            continue;
        };
        // longHorMetric[n] = (advance u16, lsb i16), then one lsb i16 per remaining glyph.
        let at = if gid < long_metrics {
            4 * gid + 2
        } else {
            4 * long_metrics + 2 * (gid - long_metrics)
        };
        hmtx.get_mut(at..at + 2)?
            .copy_from_slice(&simple.bbox.x_min.to_be_bytes());
    }
    Some(hmtx)
}

/// Draws an outline as lines and quadratics, dropping contours that enclose nothing.
#[derive(Default)]
struct QuadraticPen {
    path: BezPath,
    contour: BezPath,
    current: Point,
    segments: usize,
}

impl QuadraticPen {
    fn end_contour(&mut self) {
        if self.segments >= 2 {
            self.contour.close_path();
            self.path.extend(std::mem::take(&mut self.contour));
        } else {
            self.contour = BezPath::new();
        }
        self.segments = 0;
    }

    fn finish(mut self) -> BezPath {
        self.end_contour();
        self.path
    }
}

impl OutlinePen for QuadraticPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.end_contour();
        self.current = Point::new(x.into(), y.into());
        self.contour.move_to(self.current);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.current = Point::new(x.into(), y.into());
        self.contour.line_to(self.current);
        self.segments += 1;
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.current = Point::new(x.into(), y.into());
        self.contour
            .quad_to(Point::new(cx0.into(), cy0.into()), self.current);
        self.segments += 1;
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let end = Point::new(x.into(), y.into());
        let cubic = CubicBez::new(
            self.current,
            Point::new(cx0.into(), cy0.into()),
            Point::new(cx1.into(), cy1.into()),
            end,
        );
        for (_, _, quad) in cubic.to_quads(ACCURACY) {
            self.contour.quad_to(quad.p1, quad.p2);
        }
        self.current = end;
        self.segments += 1;
    }

    fn close(&mut self) {
        self.end_contour();
    }
}

/// Where the copy of `source` is kept: `FENGONG_CACHE_DIR`, else `$XDG_CACHE_HOME/fengong`,
/// else `~/.cache/fengong`. The name carries a hash of the source font and of this build, so
/// another font, version or converter never picks it up.
fn cache_file(source: &Path, data: &[u8], index: u32) -> Option<PathBuf> {
    let dir = if let Some(dir) = std::env::var_os("FENGONG_CACHE_DIR") {
        PathBuf::from(dir)
    } else if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        PathBuf::from(dir).join("fengong")
    } else {
        PathBuf::from(std::env::var_os("HOME")?)
            .join(".cache")
            .join("fengong")
    };
    Some(dir.join(cache_name(source, data, index)?))
}

/// `<font file stem>-<hash of this build and the whole font file>.ttf`.
fn cache_name(source: &Path, data: &[u8], index: u32) -> Option<String> {
    let mut hash = Sha256::new();
    hash.update(crate::base::hash::BUILD_ID.as_bytes());
    hash.update(index.to_le_bytes());
    hash.update((data.len() as u64).to_le_bytes());
    // The whole file: a few ms once per run, and exact.
    hash.update(data);
    let key = crate::base::hash::hex(&hash.finalize()[..12]);
    let stem = source.file_stem()?.to_string_lossy().to_string();
    Some(format!("{stem}-{key}.ttf"))
}

fn read_cached(path: &Path) -> Option<Arc<dyn AsRef<[u8]> + Send + Sync>> {
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: as for the shipped fonts (see `fonts::shared_bytes`): a read-only map of a
    // file only fengong writes, and only by renaming a finished file into place.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    // A damaged cache file is not used: it must read as TrueType.
    FontRef::new(&map).ok()?.glyf().ok()?;
    Some(Arc::new(map))
}

/// Writes the copy into the cache (a temporary file renamed into place, so a reader never
/// sees half a font) and removes copies of the same font made by other builds. Failing to
/// cache only costs time next run.
fn store(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(mut file) = tempfile::NamedTempFile::new_in(dir) else {
        return;
    };
    use std::io::Write;
    if file.write_all(bytes).is_err() || file.persist(path).is_err() {
        return;
    }
    let (Some(name), Some(stem)) = (path.file_name(), path.file_stem()) else {
        return;
    };
    let stem = stem.to_string_lossy();
    let prefix = &stem[..stem.rfind('-').unwrap_or(stem.len())];
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let other = entry.file_name();
        let other_name = other.to_string_lossy();
        if other != name
            && other_name.ends_with(".ttf")
            && other_name.rsplit_once('-').map(|(p, _)| p) == Some(prefix)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::outline::OutlinePen;

    /// The bounding box of a glyph's outline, in font units.
    #[derive(Default)]
    struct Bounds(Option<(f32, f32, f32, f32)>);

    impl Bounds {
        fn add(&mut self, x: f32, y: f32) {
            let b = self.0.get_or_insert((x, y, x, y));
            *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        }
    }

    impl OutlinePen for Bounds {
        fn move_to(&mut self, x: f32, y: f32) {
            self.add(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.add(x, y);
        }
        fn quad_to(&mut self, _: f32, _: f32, x: f32, y: f32) {
            self.add(x, y);
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, x: f32, y: f32) {
            self.add(x, y);
        }
        fn close(&mut self) {}
    }

    fn bounds(font: &FontRef<'_>, gid: GlyphId) -> Option<(f32, f32, f32, f32)> {
        let mut pen = Bounds::default();
        font.outline_glyphs()
            .get(gid)?
            .draw(
                DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
                &mut pen,
            )
            .ok()?;
        pen.0
    }

    #[test]
    fn fandol_fang_converts_with_the_same_glyphs_metrics_and_shapes() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/FandolFang-Regular.otf");
        let data = std::fs::read(&path).unwrap();
        let original = FontRef::new(&data).unwrap();
        let bytes = convert(&original).expect("converts");
        let copy = FontRef::new(&bytes).unwrap();
        assert!(copy.glyf().is_ok() && copy.cff().is_err());
        assert_eq!(
            copy.maxp().unwrap().num_glyphs(),
            original.maxp().unwrap().num_glyphs()
        );
        let (copy_metrics, original_metrics) = (
            copy.glyph_metrics(Size::unscaled(), LocationRef::default()),
            original.glyph_metrics(Size::unscaled(), LocationRef::default()),
        );
        // Every character of the seed that Fandol has (all but 疁), and some of our own.
        let seed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("input/嘉发改〔2025〕14号.md"),
        )
        .unwrap();
        let mut chars: Vec<char> = seed.chars().chain("〔〕—Aa0%門嬰".chars()).collect();
        chars.sort();
        chars.dedup();
        let mut compared = 0;
        for c in chars {
            let Some(gid) = original.charmap().map(c) else {
                continue;
            };
            compared += 1;
            assert_eq!(copy.charmap().map(c), Some(gid), "{c}");
            assert_eq!(
                copy_metrics.advance_width(gid),
                original_metrics.advance_width(gid),
                "{c}"
            );
            // On-curve extremes move by at most the accuracy plus rounding to whole units.
            let (a, b) = (bounds(&original, gid), bounds(&copy, gid));
            assert_eq!(a.is_some(), b.is_some(), "{c}");
            let (Some(a), Some(b)) = (a, b) else {
                continue;
            };
            for (x, y) in [(a.0, b.0), (a.1, b.1), (a.2, b.2), (a.3, b.3)] {
                assert!((x - y).abs() <= 1.5, "{c}: {a:?} vs {b:?}");
            }
        }
        assert!(compared > 700, "{compared}");
        // The names PDFs show are the original's.
        assert_eq!(
            copy.localized_strings(skrifa::string::StringId::POSTSCRIPT_NAME)
                .english_or_first()
                .map(|s| s.to_string()),
            Some("FandolFang-Regular".to_string())
        );
    }

    #[test]
    fn a_truetype_font_gets_no_copy() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSansSC-Regular.ttf");
        let data = std::fs::read(&path).unwrap();
        assert!(working_copy(&path, &data, 0).is_none());
    }

    #[test]
    fn the_copy_is_cached_and_a_damaged_cache_file_is_not_used() {
        let cache = tempfile::tempdir().unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/FandolKai-Regular.otf");
        let data = std::fs::read(&path).unwrap();
        let file = cache.path().join(cache_name(&path, &data, 0).unwrap());
        store(&file, b"not a font");
        assert!(read_cached(&file).is_none(), "garbage must not be used");
        let font = FontRef::new(&data).unwrap();
        let bytes = convert(&font).unwrap();
        // An older build's copy of the same font is removed when a new one is stored.
        let stale = cache
            .path()
            .join("FandolKai-Regular-000000000000000000000000.ttf");
        std::fs::write(&stale, b"old").unwrap();
        store(&file, &bytes);
        assert!(!stale.exists());
        let cached = read_cached(&file).expect("cached copy reads back");
        assert_eq!((*cached).as_ref(), bytes.as_slice());
    }
}
