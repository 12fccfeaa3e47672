//! Cell comments (notes) of an `.xlsx`: Excel shows them beside their cells, calamine does not
//! read them, so the comments parts are read here — each said with its cell, never printed as
//! the plan's (what a Word file's comments get). The workbook has passed [`sheet_limits`].

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::ingest::sheet_limits;

/// At most this many comments are said, each of at most [`MAX_CHARS`] characters.
const MAX_COMMENTS: usize = 500;
const MAX_CHARS: usize = 300;

/// A comment: its sheet, its cell (`C5`) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub sheet: String,
    pub cell: String,
    pub text: String,
}

/// A zipped `.xlsx` opened to read its parts, and its sheets as (part, name), in the
/// order of their parts; none for any other workbook. Every reader of what calamine does
/// not tell (hidden rows, comments, text boxes, date formats) starts here.
pub(super) type Zipped<'a> = (zip::ZipArchive<Cursor<&'a [u8]>>, Vec<(String, String)>);

pub(super) fn zipped(bytes: &[u8]) -> Option<Zipped<'_>> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut sheets: Vec<(String, String)> = sheet_limits::xlsx_sheet_names(&mut zip)
        .into_iter()
        .collect();
    sheets.sort();
    Some((zip, sheets))
}

/// The comments of a zipped `.xlsx`, sheet by sheet; none for any other workbook.
pub fn of_workbook(bytes: &[u8]) -> Vec<Comment> {
    let Some((mut zip, sheets)) = zipped(bytes) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (part, sheet) in sheets {
        for comments in related_parts(&mut zip, &part, "/comments") {
            let Ok(entry) = zip.by_name(&comments) else {
                continue;
            };
            let limit = sheet_limits::MAX_UNPACKED_BYTES;
            for (cell, text) in of_part(BufReader::new(entry.take(limit))) {
                if found.len() < MAX_COMMENTS {
                    let sheet = sheet.clone();
                    found.push(Comment { sheet, cell, text });
                }
            }
        }
    }
    found
}

/// The parts of a kind (`/comments`, `/drawing`: how its relationship's type ends) a sheet
/// part's relationships name (`../comments1.xml`), from the zip root.
pub(super) fn related_parts<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    kind_ends: &str,
) -> Vec<String> {
    let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
    let rels = format!("{folder}/_rels/{file}.rels");
    let Ok(entry) = zip.by_name(&rels) else {
        return Vec::new();
    };
    let mut xml = Reader::from_reader(BufReader::new(entry.take(1 << 20)));
    let (mut buf, mut parts) = (Vec::new(), Vec::new());
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return parts,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let kind = sheet_limits::attr(&e, "Type").unwrap_or_default();
                if let Some(target) =
                    sheet_limits::attr(&e, "Target").filter(|_| kind.ends_with(kind_ends))
                {
                    parts.push(resolved(folder, &target));
                }
            }
            Ok(_) => {}
        }
    }
}

/// A relationship's target, relative to `folder` or absolute (`/xl/…`), from the zip root.
fn resolved(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut path: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            piece => path.push(piece),
        }
    }
    path.join("/")
}

/// An entity or character reference's text (&amp; → &, &#x4E00; → 一).
pub(super) fn resolved_ref(r: &quick_xml::events::BytesRef<'_>) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => {
            let name = r.xml10_content();
            (quick_xml::escape::resolve_predefined_entity(&name))
                .unwrap_or_default()
                .to_string()
        }
    }
}

/// More of the open comment's text, up to [`MAX_CHARS`].
fn add(open: &mut Option<(String, String)>, piece: &str) {
    if let Some((_, text)) = open.as_mut()
        && text.chars().count() < MAX_CHARS
    {
        text.push_str(piece);
    }
}

/// Each `<comment ref="C5">` of a comments part with its text (its runs joined).
fn of_part<R: std::io::BufRead>(input: R) -> Vec<(String, String)> {
    let mut xml = Reader::from_reader(input);
    let (mut buf, mut found) = (Vec::new(), Vec::new());
    let mut open: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return found,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "comment" => {
                    open = Some((
                        sheet_limits::attr(&e, "ref").unwrap_or_default(),
                        String::new(),
                    ))
                }
                "t" => in_text = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => add(&mut open, &t.xml10_content()),
            Ok(Event::GeneralRef(r)) if in_text => add(&mut open, &resolved_ref(&r)),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "comment" => {
                    if let Some((cell, text)) = open.take()
                        && !text.trim().is_empty()
                        && found.len() < MAX_COMMENTS
                    {
                        // Excel's own notes open with their author (督查室:), on a line of
                        // its own: said on one line.
                        let lines: Vec<&str> = text.lines().map(str::trim).collect();
                        found.push((cell, lines.join(" ").trim().to_string()));
                    }
                }
                _ => {}
            },
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comments_part_gives_each_comment_with_its_cell() {
        let xml = r#"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>督查室</author></authors><commentList><comment ref="C5" authorId="0"><text><r><t>牵头单位待</t></r><r><t>县政府常务会确认</t></r></text></comment><comment ref="B4" authorId="0"><text><t>3月12日调整</t></text></comment></commentList></comments>"#;
        let found = of_part(xml.as_bytes());
        assert_eq!(
            found,
            [
                ("C5".to_string(), "牵头单位待县政府常务会确认".to_string()),
                ("B4".to_string(), "3月12日调整".to_string())
            ]
        );
        assert_eq!(
            resolved("xl/worksheets", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(
            resolved("xl/worksheets", "/xl/comments2.xml"),
            "xl/comments2.xml"
        );
    }
}
