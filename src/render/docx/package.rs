//! The .docx package: the parts every document has (styles, settings, fonts, footers with
//! "— N —", document properties) around a body, zipped the same way every time: fixed entry
//! order, the earliest DOS time on every entry, no extra fields (ooxml.md §8).

use std::fmt::Write as _;
use std::io::Write as _;

use super::xml::{Face, FontNames, Para, RunStyle, escape, tw};
use super::{PageSetup, WordFonts};
use crate::base::diag::{Error, Result};
use crate::render::{Align, DocInfo};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Relationship ids of the footers: odd pages, even pages, none (a 版记 page).
pub const FOOTER_ODD: &str = "rIdFooterOdd";
/// Even pages' footer.
pub const FOOTER_EVEN: &str = "rIdFooterEven";
/// The empty footer of unnumbered pages.
pub const FOOTER_NONE: &str = "rIdFooterNone";

/// A section's properties: its page, and which footers it shows.
pub fn section(page: &PageSetup, numbered: bool, start: SectionStart) -> String {
    let (odd, even) = if numbered {
        (FOOTER_ODD, FOOTER_EVEN)
    } else {
        (FOOTER_NONE, FOOTER_NONE)
    };
    let mut s = format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="{odd}"/><w:footerReference w:type="even" r:id="{even}"/>"#
    );
    match start {
        SectionStart::NextPage => s.push_str(r#"<w:type w:val="nextPage"/>"#),
        SectionStart::EvenPage => s.push_str(r#"<w:type w:val="evenPage"/>"#),
    }
    let (w, h) = page.size();
    let orient = if page.landscape {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    let _ = write!(
        s,
        r#"<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="851" w:footer="{}" w:gutter="0"/>"#,
        page.margin_top(),
        page.margin_right(),
        page.margin_bottom(),
        page.margin_left(),
        page.footer_distance(),
    );
    s.push_str(r#"<w:cols w:space="425"/>"#);
    s.push_str("</w:sectPr>");
    s
}

/// Where a section starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStart {
    /// On the next page.
    NextPage,
    /// On the next even page (a blank page before it when needed).
    EvenPage,
}

/// The whole .docx: `body` is the `w:body` content, its last section's properties included.
pub fn package(body: &str, page: &PageSetup, fonts: &WordFonts, info: &DocInfo) -> Result<Vec<u8>> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>"#
    );
    let parts: [(&str, String); 11] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles(page, fonts)),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", font_table(fonts)),
        ("word/footer1.xml", footer(fonts, Some(Align::Right))),
        ("word/footer2.xml", footer(fonts, Some(Align::Left))),
        ("word/footer3.xml", footer(fonts, None)),
        ("docProps/core.xml", core(info)),
    ];
    zip(&parts)
}

fn zip(parts: &[(&str, String)]) -> Result<Vec<u8>> {
    let error = |e: &dyn std::fmt::Display| Error::Render(format!("Word 文件打包失败：{e}"));
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default());
    for (name, text) in parts {
        writer.start_file(*name, options).map_err(|e| error(&e))?;
        writer.write_all(text.as_bytes()).map_err(|e| error(&e))?;
    }
    let cursor = writer.finish().map_err(|e| error(&e))?;
    Ok(cursor.into_inner())
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{main}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{main}.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="{main}.footer+xml"/><Override PartName="/word/footer3.xml" ContentType="{main}.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{REL}"><Relationship Id="rId1" Type="{REL_TYPE}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{REL}"><Relationship Id="rIdStyles" Type="{REL_TYPE}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="{REL_TYPE}/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="{REL_TYPE}/fontTable" Target="fontTable.xml"/><Relationship Id="{FOOTER_ODD}" Type="{REL_TYPE}/footer" Target="footer1.xml"/><Relationship Id="{FOOTER_EVEN}" Type="{REL_TYPE}/footer" Target="footer2.xml"/><Relationship Id="{FOOTER_NONE}" Type="{REL_TYPE}/footer" Target="footer3.xml"/></Relationships>"#
    )
}

/// Odd and even footers differ (7.5); the compatibility mode is Word 2013's; a justified
/// line ending in a line break (a unit's numbered lines) keeps its spacing, not spread.
fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// The styles a user finds by the names the Markdown's custom styles use (发文字号, 主送机关 …),
/// so editing one restyles every paragraph of its kind. Paragraphs also carry their settings
/// directly: the layout must not depend on a style a user edits.
fn styles(page: &PageSetup, fonts: &WordFonts) -> String {
    // No character spacing by default: the body's runs carry the grid's own, table text none.
    let body = RunStyle::new(Face::Body, page.body_size);
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault>{}</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        super::xml::run_properties(fonts, &body).replace(
            "</w:rPr>",
            r#"<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>"#
        ),
        page.line_twips(),
    );
    let paragraph = |id: &str, name: &str, face: Face, size: f32, extra: &str| {
        let run = super::xml::run_properties(fonts, &RunStyle::new(face, size));
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{extra}</w:pPr>{run}</w:style>"#,
            escape(name)
        )
    };
    s.push_str(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>"#);
    let size = page.body_size;
    for (id, name, face, size, extra) in [
        (
            "Title",
            "Title",
            Face::Title,
            22.0,
            r#"<w:jc w:val="center"/>"#,
        ),
        (
            "Heading1",
            "heading 1",
            Face::Hei,
            size,
            r#"<w:keepNext/><w:outlineLvl w:val="0"/>"#,
        ),
        (
            "Heading2",
            "heading 2",
            Face::Kai,
            size,
            r#"<w:keepNext/><w:outlineLvl w:val="1"/>"#,
        ),
        (
            "Heading3",
            "heading 3",
            Face::Body,
            size,
            r#"<w:keepNext/><w:outlineLvl w:val="2"/>"#,
        ),
        (
            "Mark",
            "发文机关标志",
            Face::Title,
            36.0,
            r#"<w:jc w:val="center"/>"#,
        ),
        (
            "DocNumber",
            "发文字号",
            Face::Body,
            size,
            r#"<w:jc w:val="center"/>"#,
        ),
        ("Recipients", "主送机关", Face::Body, size, ""),
        ("AttachmentNote", "附件说明", Face::Body, size, ""),
        (
            "Signer",
            "署名",
            Face::Body,
            size,
            r#"<w:jc w:val="right"/>"#,
        ),
        (
            "SignDate",
            "成文日期",
            Face::Body,
            size,
            r#"<w:jc w:val="right"/>"#,
        ),
        ("Annotation", "附注", Face::Body, size, ""),
        ("AttachmentLabel", "附件标识", Face::Hei, size, ""),
        ("Imprint", "版记", Face::Body, 14.0, ""),
        ("TableText", "表格文字", Face::Body, page.table_size, ""),
        (
            "TableHeader",
            "表头",
            Face::Hei,
            page.table_size,
            r#"<w:jc w:val="center"/>"#,
        ),
    ] {
        s.push_str(&paragraph(id, name, face, size, extra));
    }
    s.push_str(&format!(
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
        pad = tw(super::table::PAD_X)
    ));
    s.push_str("</w:styles>");
    s
}

/// Every font the document names, with the names Word tries when it is not installed.
fn font_table(fonts: &WordFonts) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}">"#
    );
    let mut seen: Vec<&str> = Vec::new();
    for face in [Face::Title, Face::Body, Face::Hei, Face::Kai, Face::Song] {
        let name = fonts.name(face);
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let alt = fonts.alternatives(face);
        let _ = write!(s, r#"<w:font w:name="{}">"#, escape(name));
        if !alt.is_empty() {
            let _ = write!(s, r#"<w:altName w:val="{}"/>"#, escape(&alt));
        }
        s.push_str(r#"<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#);
    }
    s.push_str("</w:fonts>");
    s
}

/// "— N —" in 4号 宋体: odd pages flush right, even pages flush left, one 字 in (7.5);
/// `None` writes an empty footer (pages GB/T 9704 leaves unnumbered).
fn footer(fonts: &WordFonts, align: Option<Align>) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W}" xmlns:r="{R}">"#
    );
    let one = tw(PageSetup::NUMBER_SIZE);
    let para = Para::new().exact(tw(PageSetup::NUMBER_LINE));
    let para = match align {
        Some(Align::Right) => para.indent(0, one).align(Align::Right),
        Some(_) => para.indent(one, 0).align(Align::Left),
        None => para,
    };
    let para = if align.is_some() {
        let style = RunStyle::new(Face::Song, PageSetup::NUMBER_SIZE);
        let rpr = super::xml::run_properties(fonts, &style);
        let field = format!(
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>1</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>"#
        );
        para.run(fonts, &style, "— ")
            .raw_runs(&field)
            .run(fonts, &style, " —")
    } else {
        para
    };
    s.push_str(&para.xml());
    s.push_str("</w:ftr>");
    s
}

/// Title, author and dates; the dates are the document's (SOURCE_DATE_EPOCH honoured), never
/// the clock's.
fn core(info: &DocInfo) -> String {
    let date = info.date.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let subject = info
        .subject
        .as_deref()
        .map(|s| format!("<dc:subject>{}</dc:subject>", escape(s)))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title>{subject}<dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        escape(&info.title),
        escape(&info.author),
    )
}
