//! What a sheet shows beside its cells: the text of its text boxes and shapes (a 注 or a
//! 填报说明 set in a box) and its page's header and footer (附件2, 填报人 and a telephone).
//! calamine reads neither, so the parts are read here; each is said with its sheet, never
//! printed as the plan's (what a Word file's text boxes and headers get). The workbook has
//! passed [`sheet_limits`].

use std::io::{BufReader, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::comments::{related_parts, resolved_ref, zipped};
use crate::ingest::sheet_limits;

/// At most this many texts are said, each of at most [`MAX_CHARS`] characters.
const MAX_TEXTS: usize = 200;
const MAX_CHARS: usize = 300;

/// Where on the sheet a text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    TextBox,
    Header,
    Footer,
}

/// A text a sheet shows outside its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetText {
    pub sheet: String,
    pub place: Place,
    pub text: String,
}

/// The texts of a zipped `.xlsx`'s sheets outside their cells, sheet by sheet; none for any
/// other workbook.
pub fn of_workbook(bytes: &[u8]) -> Vec<SheetText> {
    let Some((mut zip, sheets)) = zipped(bytes) else {
        return Vec::new();
    };
    let limit = sheet_limits::MAX_UNPACKED_BYTES;
    let mut found = Vec::new();
    for (part, sheet) in sheets {
        if let Ok(entry) = zip.by_name(&part) {
            for (place, text) in header_and_footer(BufReader::new(entry.take(limit))) {
                found.push(SheetText {
                    sheet: sheet.clone(),
                    place,
                    text,
                });
            }
        }
        for drawing in related_parts(&mut zip, &part, "/drawing") {
            let Ok(entry) = zip.by_name(&drawing) else {
                continue;
            };
            for text in shapes_text(BufReader::new(entry.take(limit))) {
                found.push(SheetText {
                    sheet: sheet.clone(),
                    place: Place::TextBox,
                    text,
                });
            }
        }
    }
    found.truncate(MAX_TEXTS);
    found
}

/// The text of each shape of a drawing part (`<xdr:sp>` with its `<a:t>` runs, paragraphs
/// joined by a space).
fn shapes_text<R: std::io::BufRead>(input: R) -> Vec<String> {
    let mut xml = Reader::from_reader(input);
    let (mut buf, mut found) = (Vec::new(), Vec::new());
    let mut open: Option<String> = None;
    let mut in_text = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return found,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "sp" => open = Some(String::new()),
                "t" => in_text = true,
                "p" => push(&mut open, " "),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => push(&mut open, &t.xml10_content()),
            Ok(Event::GeneralRef(r)) if in_text => push(&mut open, &resolved_ref(&r)),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "sp" => {
                    let text = open.take().unwrap_or_default();
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !text.is_empty() && found.len() < MAX_TEXTS {
                        found.push(text);
                    }
                }
                _ => {}
            },
            Ok(_) => {}
        }
    }
}

/// The page header and footer a worksheet part sets (`<oddHeader>`, `<evenFooter>` …), as
/// the page prints them: Excel's codes (&L, &P, &"宋体,常规", &12) left out.
fn header_and_footer<R: std::io::BufRead>(input: R) -> Vec<(Place, String)> {
    let mut xml = Reader::from_reader(input);
    let (mut buf, mut found) = (Vec::new(), Vec::new());
    let mut open: Option<(Place, String)> = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return found,
            Ok(Event::Start(e)) => {
                let place = match e.local_name().as_ref() {
                    "oddHeader" | "evenHeader" | "firstHeader" => Some(Place::Header),
                    "oddFooter" | "evenFooter" | "firstFooter" => Some(Place::Footer),
                    _ => None,
                };
                open = place.map(|p| (p, String::new()));
            }
            Ok(Event::Text(t)) => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(&resolved_ref(&r));
                }
            }
            Ok(Event::End(_)) => {
                if let Some((place, codes)) = open.take() {
                    let text = printed(&codes);
                    let said = found.iter().any(|(p, t)| *p == place && *t == text);
                    if !text.is_empty() && !said {
                        found.push((place, text));
                    }
                }
            }
            Ok(_) => {}
        }
    }
}

/// A header's or footer's text as printed: its sections (&L, &C, &R) a space apart, the
/// fields and formatting codes left out (&P, &N, &D, &"font", &12, &K00FF00 …), && an &.
fn printed(codes: &str) -> String {
    let mut out = String::new();
    let mut chars = codes.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '&' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('&') => out.push('&'),
            Some('"') => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                }
            }
            Some(d) if d.is_ascii_digit() => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
            Some('K') => {
                for _ in 0..6 {
                    chars.next_if(char::is_ascii_alphanumeric);
                }
            }
            Some('L' | 'C' | 'R') => out.push(' '),
            _ => {}
        }
    }
    let text = out.split_whitespace().collect::<Vec<_>>().join(" ");
    text.chars().take(MAX_CHARS).collect()
}

fn push(open: &mut Option<String>, piece: &str) {
    if let Some(text) = open.as_mut()
        && text.chars().count() < MAX_CHARS
    {
        text.push_str(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_prints_without_its_codes() {
        assert_eq!(
            printed("&L附件2&C&\"宋体,加粗\"&14第&P页&R&D"),
            "附件2 第页"
        );
        assert_eq!(
            printed("&L填报人：刘洋  联系电话：0000-7654321"),
            "填报人：刘洋 联系电话：0000-7654321"
        );
        assert_eq!(printed("&K00FF00研究&&发展"), "研究&发展");
    }

    #[test]
    fn a_worksheets_header_footer_and_a_drawings_boxes_are_read() {
        let sheet = r#"<worksheet><sheetData/><headerFooter><oddHeader>&amp;L附件2</oddHeader><oddFooter>&amp;C第 &amp;P 页</oddFooter><evenHeader>&amp;L附件2</evenHeader></headerFooter></worksheet>"#;
        assert_eq!(
            header_and_footer(sheet.as_bytes()),
            [
                (Place::Header, "附件2".to_string()),
                (Place::Footer, "第 页".to_string())
            ]
        );
        let drawing = r#"<xdr:wsDr xmlns:xdr="x" xmlns:a="a"><xdr:twoCellAnchor><xdr:sp><xdr:txBody><a:p><a:r><a:t>注：第2项须于</a:t></a:r><a:r><a:t>每月5日前报送。</a:t></a:r></a:p><a:p><a:r><a:t>联系人：王芳</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor><xdr:twoCellAnchor><xdr:pic/></xdr:twoCellAnchor></xdr:wsDr>"#;
        assert_eq!(
            shapes_text(drawing.as_bytes()),
            ["注：第2项须于每月5日前报送。 联系人：王芳"]
        );
    }
}
