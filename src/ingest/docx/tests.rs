//! Tests of the .docx reader: small packages built in memory.

use super::*;
use std::io::Write;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
const PACKAGE_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let options = SimpleFileOptions::default().compression_method(method);
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx whose body is `body`, with optional extra parts (styles, numbering, ...).
fn docx_with(body: &str, extra: &[(&str, &str)], method: CompressionMethod) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    );
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    entries.extend(extra.iter().map(|(n, d)| (*n, d.as_bytes())));
    zip_of(&entries, method)
}

pub(crate) fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    docx_with(body, extra, CompressionMethod::Deflated)
}

fn read_body(body: &str, extra: &[(&str, &str)]) -> WordDocument {
    read(&docx(body, extra)).unwrap()
}

fn paragraphs(doc: &WordDocument) -> Vec<&Paragraph> {
    doc.blocks
        .iter()
        .filter_map(|b| {
            if let Block::Paragraph(p) = b {
                Some(p)
            } else {
                None
            }
        })
        .collect()
}

fn tables(doc: &WordDocument) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| {
            if let Block::Table(t) = b {
                Some(t)
            } else {
                None
            }
        })
        .collect()
}

/// "number|text" for each body paragraph.
fn labelled(doc: &WordDocument) -> Vec<String> {
    paragraphs(doc)
        .iter()
        .map(|p| format!("{}|{}", p.number, p.text))
        .collect()
}

pub(crate) fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn numbered(num_id: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn lvl(ilvl: u8, format: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
    )
}

/// numbering.xml: abstractNum 1 is the 公文 scheme 一、 （一） 1. （1）; `nums` maps
/// numIds to abstractNum 1 with optional lvlOverride markup.
fn gongwen_numbering(nums: &[(u32, &str)], extra_abstract: &str) -> String {
    let levels = [
        lvl(0, "chineseCounting", "%1、", ""),
        lvl(1, "chineseCounting", "（%2）", ""),
        lvl(2, "decimal", "%3.", ""),
        lvl(3, "decimal", "（%4）", ""),
    ]
    .concat();
    let nums: String = nums
        .iter()
        .map(|(id, o)| format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="1"/>{o}</w:num>"#))
        .collect();
    format!(
        r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>{extra_abstract}{nums}</w:numbering>"#
    )
}

#[test]
fn numbering_counts_and_restarts_deeper_levels() {
    let body = [
        numbered(1, 0, "总体要求"),
        numbered(1, 1, "甲"),
        numbered(1, 1, "乙"),
        numbered(1, 0, "重点任务"),
        numbered(1, 1, "丙"),
        numbered(1, 2, "任务"),
        numbered(1, 2, "任务"),
        numbered(1, 3, "细项"),
        numbered(1, 1, "丁"),
        numbered(1, 2, "任务"),
        p("无编号"),
    ]
    .concat();
    let numbering = gongwen_numbering(&[(1, "")], "");
    let doc = read_body(&body, &[("word/numbering.xml", &numbering)]);
    assert_eq!(
        labelled(&doc),
        [
            "一、|总体要求",
            "（一）|甲",
            "（二）|乙",
            "二、|重点任务",
            "（一）|丙",
            "1.|任务",
            "2.|任务",
            "（1）|细项",
            "（二）|丁",
            "1.|任务",
            "|无编号",
        ]
    );
    let levels: Vec<Option<u8>> = paragraphs(&doc).iter().map(|p| p.list_level).collect();
    assert_eq!(levels[..3], [Some(0), Some(1), Some(1)]);
    assert_eq!(levels[10], None);
}

#[test]
fn start_override_restarts_and_shared_counters_continue() {
    let overrides = r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>"#;
    let numbering = gongwen_numbering(&[(1, ""), (2, overrides), (3, "")], "");
    let body = [
        numbered(1, 0, "a"),
        numbered(1, 0, "b"),
        numbered(2, 0, "c"),
        numbered(2, 0, "d"),
        numbered(1, 0, "e"),
        numbered(3, 0, "f"),
        numbered(0, 0, "numId 0 is no numbering"),
        numbered(99, 0, "unknown num"),
    ]
    .concat();
    let doc = read_body(&body, &[("word/numbering.xml", &numbering)]);
    let numbers: Vec<String> = paragraphs(&doc).iter().map(|p| p.number.clone()).collect();
    assert_eq!(
        numbers,
        ["一、", "二、", "一、", "二、", "三、", "四、", "", ""]
    );
}

#[test]
fn lvl_restart_zero_keeps_counting_and_is_lgl_uses_digits() {
    let levels = [
        lvl(0, "chineseCounting", "%1、", ""),
        lvl(1, "decimal", "%2.", r#"<w:lvlRestart w:val="0"/>"#),
        lvl(2, "decimal", "%1.%3", r#"<w:isLgl/>"#),
    ]
    .concat();
    let numbering = format!(
        r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let body = [
        numbered(4, 0, ""),
        numbered(4, 1, ""),
        numbered(4, 0, ""),
        numbered(4, 1, ""),
        numbered(4, 2, ""),
    ]
    .concat();
    let doc = read_body(&body, &[("word/numbering.xml", &numbering)]);
    let numbers: Vec<String> = paragraphs(&doc).iter().map(|p| p.number.clone()).collect();
    assert_eq!(numbers, ["一、", "1.", "二、", "2.", "2.1"]);
}

#[test]
fn bullets_style_links_level_overrides_and_huge_labels() {
    let huge = "%2".repeat(10_000);
    let numbering = format!(
        concat!(
            r#"<w:numbering {ns}><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="PlanList"/></w:abstractNum>"#,
            r#"<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="PlanList"/>{a}{b}</w:abstractNum>"#,
            r#"<w:abstractNum w:abstractNumId="3">{bullet}{huge}</w:abstractNum>"#,
            r#"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#,
            r#"<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>"#,
            r#"<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="1">{circle}</w:lvlOverride></w:num></w:numbering>"#,
        ),
        ns = NS,
        a = lvl(0, "ideographTraditional", "%1、", ""),
        b = lvl(1, "decimal", "%2)", ""),
        bullet = lvl(0, "bullet", "\u{F0B7}", ""),
        huge = lvl(1, "decimal", &huge, ""),
        circle = lvl(1, "decimalEnclosedCircle", "%2", ""),
    );
    let styles = styles_xml(
        r#"<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan list"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#,
    );
    let body = [
        numbered(1, 0, "甲项"),
        numbered(1, 1, "子项"),
        numbered(4, 1, "圈号"),
        numbered(3, 0, "圆点"),
        numbered(3, 1, "长标签"),
        numbered(1, 12, "越界层级"),
    ]
    .concat();
    let doc = read_body(
        &body,
        &[
            ("word/numbering.xml", &numbering),
            ("word/styles.xml", &styles),
        ],
    );
    let ps = paragraphs(&doc);
    assert_eq!(labelled(&doc)[..3], ["甲、|甲项", "1)|子项", "②|圈号"]);
    assert!(ps[3].bullet && ps[3].number.is_empty() && ps[3].list_level == Some(0));
    assert_eq!(ps[4].number, "1".repeat(32), "lvlText cut to 64 characters");
    assert_eq!((ps[5].number.as_str(), ps[5].list_level), ("", None));
}

#[test]
fn ruby_text_is_read_once() {
    let body = r#"<w:p><w:r><w:t>嘉</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>liù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>疁</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#;
    assert_eq!(labelled(&read_body(body, &[])), ["|嘉疁"]);
}

#[test]
fn number_formats() {
    let cases: &[(i64, &str, &str)] = &[
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCounting", "二十一"),
        (99, "chineseCounting", "九十九"),
        (100, "chineseCounting", "一○○"),
        (15, "chineseCountingThousand", "十五"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (1001, "chineseCountingThousand", "一千零一"),
        (10, "chineseLegalSimplified", "壹拾"),
        (10, "japaneseCounting", "十"),
        (101, "japaneseCounting", "百一"),
        (1, "ideographTraditional", "甲"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "甲"),
        (10, "ideographDigital", "一〇"),
        (1, "decimalEnclosedCircle", "①"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "21"),
        (12, "decimalFullWidth", "１２"),
        (1, "upperLetter", "A"),
        (27, "upperLetter", "AA"),
        (2, "lowerLetter", "b"),
        (1994, "upperRoman", "MCMXCIV"),
        (4, "lowerRoman", "iv"),
        (7, "decimal", "7"),
        (7, "somethingNew", "7"),
        (7, "none", ""),
        (3, "custom:001, 002, 003, ...", "003"),
        (0, "chineseCounting", "0"),
    ];
    for (n, format, want) in cases {
        assert_eq!(format_number(*n, format), *want, "{n} in {format}");
    }
}

fn styles_xml(styles: &str) -> String {
    format!(
        r#"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>{styles}</w:styles>"#
    )
}

#[test]
fn styles_give_headings_numbers_bold_and_colour() {
    let styles = styles_xml(concat!(
        r#"<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="标题 2"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My level"/><w:basedOn w:val="Deep"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Deep"><w:name w:val="Deep"/><w:pPr><w:outlineLvl w:val="2"/><w:jc w:val="center"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/><w:rPr><w:color w:val="C00000"/><w:sz w:val="44"/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="x"/><w:basedOn w:val="Loop2"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="y"/><w:basedOn w:val="Loop1"/></w:style>"#,
    ));
    let abstract_num = r#"<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>"#;
    let numbering = gongwen_numbering(&[], abstract_num);
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>主要任务</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="H2"/></w:pPr><w:r><w:t>二级</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Mine"/></w:pPr><w:r><w:t>三级</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr><w:r><w:t>题目</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>强调。</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Loop1"/><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>循环</w:t></w:r></w:p>"#,
    ]
    .concat();
    let doc = read_body(
        &body,
        &[
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
        ],
    );
    let ps = paragraphs(&doc);
    assert_eq!(
        labelled(&doc)[..3],
        ["一、|总体要求", "二、|主要任务", "|不编号"]
    );
    assert_eq!(ps[0].style, ParagraphStyle::Heading(1));
    assert!(
        ps[0].all_bold && !ps[1].all_bold,
        "w:b val=0 turns the style's bold off"
    );
    assert_eq!(ps[3].style, ParagraphStyle::Heading(2));
    assert_eq!(
        (ps[4].style, ps[4].align),
        (ParagraphStyle::Heading(3), Align::Center)
    );
    assert_eq!(ps[5].style, ParagraphStyle::Title);
    assert!(ps[5].red);
    assert_eq!(ps[5].font_size_half_points, Some(44));
    assert_eq!(ps[6].font_size_half_points, Some(32), "from docDefaults");
    assert_eq!(ps[6].bold_lead.as_deref(), Some("强调。"));
    assert_eq!(ps[7].style, ParagraphStyle::Heading(2));
}

#[test]
fn bold_lead_red_border_and_alignment() {
    let body = [
        r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">  </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>推动理念</w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>融入规划。</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>坚持儿童优先。</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr><w:t>某某县人民政府</w:t></w:r><w:r><w:rPr><w:b/><w:color w:val="E00000"/><w:sz w:val="80"/></w:rPr><w:t>文件</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="8" w:color="FF0000"/></w:pBdr><w:jc w:val="right"/></w:pPr><w:r><w:t>某发〔2025〕3号</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:rPr><w:color w:val="0070C0"/></w:rPr><w:t>蓝</w:t></w:r><w:r><w:rPr><w:color w:val="auto"/></w:rPr><w:t>自动</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:jc w:val="thaiDistribute"/><w:jc w:val="weird"/></w:pPr></w:p>"#,
    ]
    .concat();
    let doc = read_body(&body, &[]);
    let ps = paragraphs(&doc);
    assert_eq!(ps[0].bold_lead.as_deref(), Some("  推动理念融入规划。"));
    assert!(ps[0].text.starts_with(ps[0].bold_lead.as_deref().unwrap()));
    assert_eq!(ps[0].align, Align::Justify);
    assert!(ps[1].all_bold && ps[1].red && ps[1].bold_lead.is_none());
    assert_eq!(
        (ps[1].align, ps[1].font_size_half_points),
        (Align::Center, Some(80))
    );
    assert!(ps[2].bottom_border && !ps[2].red);
    assert_eq!(ps[2].align, Align::Right);
    assert!(!ps[3].red && ps[3].bold_lead.is_none());
    assert_eq!(
        (ps[4].align, ps[4].text.as_str(), ps[4].all_bold),
        (Align::Unknown, "", false)
    );
    assert_eq!(
        ps.iter().map(|p| p.index).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
}

fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

#[test]
fn table_grid_columns_merges_and_header() {
    let span = |n: u32| format!(r#"<w:gridSpan w:val="{n}"/>"#);
    let restart = r#"<w:vMerge w:val="restart"/>"#;
    let cont = "<w:vMerge/>";
    let rows = [
        format!(
            r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}{}</w:tr>"#,
            tc("", "主要事项"),
            tc("", "序号"),
            tc("", "具体内容"),
            tc("", "责任单位")
        ),
        format!("<w:tr>{}</w:tr>", tc(&span(4), "一、顶层设计")),
        format!(
            "<w:tr>{}{}{}{}</w:tr>",
            tc(restart, "（一）规划"),
            tc("", "1"),
            tc("", "坚持儿童优先"),
            tc("", "区发展改革委")
        ),
        format!(
            r#"<w:tr>{}{}{}{}</w:tr>"#,
            tc(cont, ""),
            tc("", "2"),
            tc("", "城市规划"),
            tc(r#"<w:vMerge w:val="continue"/>"#, "")
        ),
        format!(
            r#"<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{}{}</w:tr>"#,
            tc(&span(2), "跨两列"),
            tc("", "末列")
        ),
        format!(
            r#"<w:tr><w:trPr><w:tblHeader w:val="0"/></w:trPr>{}</w:tr>"#,
            tc("", "少于网格")
        ),
    ]
    .concat();
    let body = format!(
        "{}<w:tbl><w:tblPr><w:jc w:val=\"center\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1\"/></w:tblGrid>{rows}</w:tbl>{}",
        p("前"),
        p("后")
    );
    let doc = read_body(&body, &[]);
    let t = tables(&doc)[0];
    assert_eq!(t.index, 1);
    assert!(t.rows[0].header && !t.rows[1].header && !t.rows[5].header);
    let cell = |r: usize, c: usize| &t.rows[r].cells[c];
    assert_eq!(
        (cell(1, 0).column, cell(1, 0).span, cell(1, 0).text.as_str()),
        (0, 4, "一、顶层设计")
    );
    assert_eq!(
        (cell(2, 0).merge, cell(3, 0).merge, cell(3, 3).merge),
        (VMerge::Restart, VMerge::Continue, VMerge::Continue)
    );
    assert_eq!(cell(2, 3).text, "区发展改革委");
    assert_eq!(
        (cell(4, 0).column, cell(4, 0).span, cell(4, 1).column),
        (1, 2, 3)
    );
    assert_eq!(t.rows[5].cells.len(), 1);
    let ps = paragraphs(&doc);
    assert_eq!(
        (ps[0].index, ps[1].index, ps[1].text.as_str()),
        (1, 2, "后")
    );
    assert!(matches!(doc.blocks[1], Block::Table(_)));
}

#[test]
fn nested_tables_flatten_into_their_cell_and_cells_join_lines() {
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="3"/>"#, "内1"),
        tc("", "内2")
    );
    let outer = format!(
        "<w:tbl><w:tr><w:tc>{}{inner}{}</w:tc>{}</w:tr></w:tbl><w:tbl><w:tr>{}</w:tr></w:tbl>",
        p("区教育局"),
        r#"<w:p><w:r><w:t>区体育局</w:t><w:br/><w:t>各街镇</w:t></w:r></w:p>"#,
        tc("", "右"),
        tc("", "第二表"),
    );
    let doc = read_body(&outer, &[]);
    let ts = tables(&doc);
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[1].index, 2);
    let first = &ts[0].rows[0].cells;
    assert_eq!(first.len(), 2);
    // A nested table's row is a line, its cells in order.
    assert_eq!(first[0].text, "区教育局\n内1，内2\n区体育局\n各街镇");
    // As a task's cell a nested table's rows are items, each ended with ；so joined lines
    // keep them apart.
    assert_eq!(first[0].items, "区教育局\n内1，内2；\n区体育局\n各街镇");
    assert_eq!(
        (first[1].column, first[1].span, first[1].text.as_str()),
        (1, 1, "右")
    );
    assert!(paragraphs(&doc).is_empty());
}

#[test]
fn tracked_changes_keep_insertions_and_drop_deletions() {
    let body = concat!(
        r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText><w:tab/></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom>"#,
        r#"<w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>"#,
        r#"<w:p><w:pPr><w:pPrChange w:id="5"><w:pPr><w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:rPrChange w:id="6"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>旧格式不算</w:t></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:trPr><w:del w:id="7"/></w:trPr><w:tc><w:p><w:r><w:t>删行</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>留行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let doc = read_body(body, &[]);
    let ps = paragraphs(&doc);
    assert_eq!(ps[0].text, "保留插入移来");
    assert_eq!((ps[1].align, ps[1].all_bold), (Align::Left, false));
    assert_eq!(tables(&doc)[0].rows.len(), 1);
    assert_eq!(tables(&doc)[0].rows[0].cells[0].text, "留行");
    assert_eq!(doc.not_content, [NotContent::TrackedDeletions]);
}

/// What the accepted view does not have takes no number: a numbered paragraph deleted
/// whole (its text and its mark), a numbered 序号 in a deleted row.
#[test]
fn tracked_deletions_take_no_number() {
    let deleted = concat!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="8"/></w:rPr></w:pPr>"#,
        r#"<w:del w:id="9"><w:r><w:delText>删去的一条</w:delText></w:r></w:del></w:p>"#
    );
    let cell = |text: &str| {
        format!(
            r#"<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:tc><w:tc>{}</w:tc>"#,
            p(text)
        )
    };
    let body = [
        numbered(1, 1, "甲"),
        deleted.to_string(),
        numbered(1, 1, "乙"),
        format!(
            r#"<w:tbl><w:tr>{}</w:tr><w:tr><w:trPr><w:del w:id="7"/></w:trPr>{}</w:tr><w:tr>{}</w:tr></w:tbl>"#,
            cell("一行"),
            cell("删行"),
            cell("二行")
        ),
    ]
    .concat();
    let numbering = gongwen_numbering(&[(1, "")], "");
    let doc = read_body(&body, &[("word/numbering.xml", &numbering)]);
    assert_eq!(labelled(&doc), ["（一）|甲", "（二）|乙"]);
    let rows = &tables(&doc)[0].rows;
    let numbers: Vec<&str> = rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(numbers, ["1.", "2."]);
}

#[test]
fn fields_show_results_not_codes() {
    let body = concat!(
        r#"<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>"#,
        // A nested field inside the instructions, and a field with no result.
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>IF </w:instrText><w:fldChar w:fldCharType="begin"/><w:instrText>DATE</w:instrText>"#,
        r#"<w:fldChar w:fldCharType="separate"/><w:t>隐</w:t><w:fldChar w:fldCharType="end"/><w:fldChar w:fldCharType="separate"/><w:t>结果</w:t><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TC "x"</w:instrText><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>尾</w:t></w:r></w:p>"#,
        r#"<w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"#,
        r#"<w:smartTag w:uri="u" w:element="e"><w:r><w:t>智能</w:t></w:r></w:smartTag><w:sdt><w:sdtPr><w:alias w:val="别名"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>"#,
        r#"<w:sdt><w:sdtPr><w:docPartObj/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>块控件</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
    );
    let doc = read_body(body, &[]);
    let texts: Vec<&str> = paragraphs(&doc).iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["第3页", "结果尾", "12链接智能控件", "块控件"]);
    assert_eq!(paragraphs(&doc)[3].index, 4);
}

#[test]
fn runs_tabs_breaks_symbols_hidden_text_and_references() {
    let body = concat!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:br w:type="page"/>"#,
        r#"<w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="4E00"/></w:r>"#,
        r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>&amp;&lt;&#x4E8C;&#19977;</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>注</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>"#,
    );
    let doc = read_body(body, &[]);
    let ps = paragraphs(&doc);
    assert_eq!(ps[0].text, "a\tb\nc\nd-e✓一&<二三");
    assert_eq!(ps[1].text, "注");
    assert_eq!(
        doc.not_content,
        [NotContent::Footnotes, NotContent::Comments]
    );
}

#[test]
fn alternate_content_is_read_once_and_text_boxes_apart() {
    let text_box = |text: &str| {
        format!(
            r#"<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="FF0000"/><w:sz w:val="84"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"#
        )
    };
    let body = format!(
        concat!(
            r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{a}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:pict><v:shape><v:textbox>{b}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:pict><v:shape><v:textpath string="某某县人民政府文件"/></v:shape></w:pict></w:r></w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>仅备选</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        ),
        a = text_box("某某县发展和改革局"),
        b = text_box("某某县发展和改革局"),
    );
    let doc = read_body(&body, &[]);
    assert_eq!(labelled(&doc), ["|正文续", "|", "|仅备选"]);
    assert_eq!(doc.text_boxes.len(), 2);
    let red_head = &doc.text_boxes[0];
    assert_eq!(
        (red_head.text.as_str(), red_head.index),
        ("某某县发展和改革局", 1)
    );
    assert!(red_head.red && red_head.all_bold && red_head.align == Align::Center);
    assert_eq!(
        (doc.text_boxes[1].text.as_str(), doc.text_boxes[1].index),
        ("某某县人民政府文件", 2)
    );
    assert_eq!(doc.not_content, [NotContent::TextBoxes]);
}

#[test]
fn headers_footers_and_comments_are_noted_from_the_relationships() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="/word/footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x" TargetMode="External"/></Relationships>"#;
    let header = format!(r#"<w:hdr {NS}><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>"#);
    let footer =
        format!(r#"<w:ftr {NS}><w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:ftr>"#);
    let comments = format!(
        r#"<w:comments {NS}><w:comment w:id="0"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let doc = read_body(
        &p("正文"),
        &[
            ("word/_rels/document.xml.rels", rels),
            ("word/header1.xml", &header),
            ("word/footer1.xml", &footer),
            ("word/comments.xml", &comments),
        ],
    );
    assert_eq!(doc.not_content, [NotContent::Headers, NotContent::Comments]);
    assert_eq!(labelled(&doc), ["|正文"]);
    // A comments part holding no comment (pandoc writes one into every file) says nothing.
    let empty = format!(r#"<w:comments {NS}/>"#);
    let doc = read_body(
        &p("正文"),
        &[
            ("word/_rels/document.xml.rels", rels),
            ("word/header1.xml", &header),
            ("word/footer1.xml", &footer),
            ("word/comments.xml", &empty),
        ],
    );
    assert_eq!(doc.not_content, [NotContent::Headers]);
}

#[test]
fn main_part_comes_from_the_package_relationships() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/Word/Main.xml"/></Relationships>"#;
    let document = r#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(
        &[
            ("_rels/.rels", rels.as_bytes()),
            ("word/main.xml", document.as_bytes()),
        ],
        CompressionMethod::Stored,
    );
    assert_eq!(labelled(&read(&bytes).unwrap()), ["|严格"]);
    assert_eq!(
        resolve_target("word", "../customXml/item1.xml"),
        "customXml/item1.xml"
    );
    assert_eq!(
        resolve_target("word", "/word/media/a.png"),
        "word/media/a.png"
    );
}

#[test]
fn utf16_and_bom_parts_are_decoded() {
    let xml = format!(
        "<w:document {NS}><w:body>{}</w:body></w:document>",
        p("十六位")
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    let bytes = zip_of(
        &[("word/document.xml", &utf16)],
        CompressionMethod::Deflated,
    );
    assert_eq!(labelled(&read(&bytes).unwrap()), ["|十六位"]);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(xml.as_bytes());
    let bytes = zip_of(&[("word/document.xml", &bom)], CompressionMethod::Deflated);
    assert_eq!(labelled(&read(&bytes).unwrap()), ["|十六位"]);
}

// --- hostile and broken input -----------------------------------------------------

fn small_limits() -> Limits {
    Limits {
        max_entry_bytes: 1 << 20,
        max_total_uncompressed: 2 << 20,
        ..Limits::default()
    }
}

/// A document.xml of `size` bytes that deflates to almost nothing.
fn bomb_document(size: usize) -> Vec<u8> {
    let head = format!("<w:document {NS}><w:body><w:p><w:r><w:t>");
    let mut xml = head.into_bytes();
    xml.resize(size, b'a');
    xml
}

#[test]
fn a_zip_bomb_is_refused_by_its_declared_size() {
    let bytes = zip_of(
        &[("word/document.xml", &bomb_document(8 << 20))],
        CompressionMethod::Deflated,
    );
    assert!(bytes.len() < 100_000);
    let err = read_with(&bytes, &small_limits()).unwrap_err();
    assert!(
        matches!(err, DocxError::TooLarge { ref what, limit } if what.contains("document.xml") && limit == 1 << 20),
        "{err:?}"
    );
    // Under the default limits the ratio gives it away.
    let err = read(&bytes).unwrap_err();
    assert!(
        matches!(err, DocxError::TooLarge { ref what, .. } if what.contains("ratio")),
        "{err:?}"
    );
}

/// Rewrites the uncompressed size of every entry, in the local and central headers.
fn lie_about_sizes(bytes: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 30 <= bytes.len() {
        match bytes[i..i + 4] {
            [b'P', b'K', 3, 4] => bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes()),
            [b'P', b'K', 1, 2] => bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes()),
            _ => {}
        }
        i += 1;
    }
}

#[test]
fn a_zip_bomb_lying_about_its_size_is_stopped_while_reading() {
    let mut bytes = zip_of(
        &[("word/document.xml", &bomb_document(24 << 20))],
        CompressionMethod::Deflated,
    );
    lie_about_sizes(&mut bytes, 1000);
    let start = std::time::Instant::now();
    let err = read_with(&bytes, &small_limits()).unwrap_err();
    assert!(
        matches!(err, DocxError::TooLarge { .. } | DocxError::NotZip(_)),
        "{err:?}"
    );
    // Inflating all 64 MiB would take far longer than reading 1 MiB.
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn the_total_of_parts_read_is_bounded() {
    let limits = Limits {
        max_total_uncompressed: 1536 << 10,
        ..small_limits()
    };
    let filler = " ".repeat(900 << 10);
    let extra = [
        ("word/styles.xml", filler.as_str()),
        ("word/numbering.xml", filler.as_str()),
    ];
    let bytes = docx(&p("x"), &extra);
    let err = read_with(&bytes, &limits).unwrap_err();
    assert!(
        matches!(err, DocxError::TooLarge { ref what, .. } if what.contains("parts read")),
        "{err:?}"
    );
    assert!(read_with(&bytes, &small_limits()).is_ok());
}

#[test]
fn counts_are_bounded() {
    let limits = Limits {
        max_paragraphs: 3,
        max_cells: 2,
        max_entries: 4,
        ..Limits::default()
    };
    let body = p("1").repeat(4);
    assert!(
        matches!(read_with(&docx(&body, &[]), &limits), Err(DocxError::TooLarge { ref what, limit: 3 }) if what == "paragraphs")
    );
    let table = format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc("", "").repeat(3));
    assert!(
        matches!(read_with(&docx(&table, &[]), &limits), Err(DocxError::TooLarge { ref what, .. }) if what == "table cells")
    );
    let many = docx("", &[("a", ""), ("b", "")]);
    assert!(
        matches!(read_with(&many, &limits), Err(DocxError::TooLarge { ref what, .. }) if what == "zip entries")
    );
}

#[test]
fn broken_files_give_errors() {
    let good = docx(&p("正文"), &[]);
    for cut in [0, 10, good.len() / 2, good.len() - 1] {
        assert!(
            matches!(read(&good[..cut]), Err(DocxError::NotZip(_))),
            "cut at {cut}"
        );
    }
    let mut seed = 0x2545F4914F6CDD1Du64;
    let random: Vec<u8> = (0..4096).map(|_| next_random(&mut seed) as u8).collect();
    assert!(matches!(read(&random), Err(DocxError::NotZip(_))));
    let xlsx = zip_of(
        &[("xl/workbook.xml", b"<workbook/>")],
        CompressionMethod::Deflated,
    );
    assert_eq!(
        read(&xlsx),
        Err(DocxError::MissingPart("word/document.xml"))
    );
    let bad_xml = zip_of(
        &[("word/document.xml", b"<w:document><w:body><w:p></w:body>")],
        CompressionMethod::Stored,
    );
    assert!(
        matches!(read(&bad_xml), Err(DocxError::Xml { ref part, .. }) if part == "word/document.xml")
    );
    let latin1 = zip_of(
        &[("word/document.xml", b"<a>\xE9</a>")],
        CompressionMethod::Stored,
    );
    assert!(matches!(read(&latin1), Err(DocxError::Xml { .. })));
}

#[test]
fn deep_nesting_is_walked_without_recursion() {
    let nested = |depth: usize| {
        let body = format!(
            "{}{}{}",
            "<w:customXml>".repeat(depth),
            p("深处"),
            "</w:customXml>".repeat(depth)
        );
        read(&docx(&body, &[]))
    };
    assert_eq!(labelled(&nested(60_000).unwrap()), ["|深处"]);
    // quick-xml's namespace stack stops at 65535 levels.
    assert!(matches!(nested(100_000), Err(DocxError::Xml { .. })));
}

#[test]
fn ole_files_are_told_apart() {
    let mut doc = OLE_MAGIC.to_vec();
    doc.extend(std::iter::repeat_n(0u8, 600));
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(matches!(read(&doc), Err(DocxError::NotZip(ref m)) if m.contains(".doc")));
    let mut encrypted = OLE_MAGIC.to_vec();
    encrypted.extend(std::iter::repeat_n(0u8, 600));
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read(&encrypted), Err(DocxError::Encrypted));
}

fn next_random(state: &mut u64) -> u64 {
    // xorshift64*: deterministic, no dependency.
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545F4914F6CDD1D)
}

#[test]
fn random_mutations_never_panic() {
    let body = [
        numbered(1, 0, "总体要求"),
        numbered(1, 1, "任务"),
        format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc(r#"<w:vMerge w:val="restart"/><w:gridSpan w:val="2"/>"#, "a"), tc("", "b")),
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let numbering = gongwen_numbering(&[(1, "")], "");
    let styles = styles_xml(
        r#"<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="1"/></w:style>"#,
    );
    let extra = [
        ("word/numbering.xml", numbering.as_str()),
        ("word/styles.xml", styles.as_str()),
    ];
    let mut seed = 0x9E3779B97F4A7C15u64;
    for method in [CompressionMethod::Stored, CompressionMethod::Deflated] {
        let good = docx_with(&body, &extra, method);
        assert!(read(&good).is_ok());
        for _ in 0..1000 {
            let mut bytes = good.clone();
            for _ in 0..1 + next_random(&mut seed) % 8 {
                let at = (next_random(&mut seed) % bytes.len() as u64) as usize;
                match next_random(&mut seed) % 4 {
                    0 => bytes[at] = next_random(&mut seed) as u8,
                    1 => bytes[at] ^= 1 << (next_random(&mut seed) % 8),
                    2 => bytes[at] = b"<>/\"=&;:w"[(next_random(&mut seed) % 9) as usize],
                    _ => {
                        bytes.remove(at);
                    }
                }
            }
            let _ = read_with(&bytes, &small_limits());
        }
    }
}

#[test]
fn list_items_in_a_cell_keep_their_boundaries() {
    let lines = |items: &[(&str, bool)]| {
        items
            .iter()
            .map(|(t, i)| (t.to_string(), *i))
            .collect::<Vec<_>>()
    };
    let text = super::cell_text(&lines(&[
        ("重点推进以下工作：", false),
        ("覆盖率达到80%", true),
        ("培育智能工厂3家。", true),
        ("开展诊断服务100家次", true),
    ]));
    assert_eq!(
        text,
        "重点推进以下工作：\n覆盖率达到80%；\n培育智能工厂3家。\n开展诊断服务100家次"
    );
    // Paragraphs that are no list items (a header 完成⏎时限) join as they are.
    assert_eq!(
        super::cell_text(&lines(&[("完成", false), ("时限", false)])),
        "完成\n时限"
    );
}

#[test]
fn footnotes_and_comments_are_read_with_where_the_body_refers_to_them() {
    let body = concat!(
        r#"<w:p><w:r><w:t>全年完成</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"#,
        r#"<w:tc><w:p><w:r><w:t>乙</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let footnotes = format!(
        r#"<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>“全年”指1月至12月。</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let comments = format!(
        r#"<w:comments {NS}><w:comment w:id="0" w:author="甲"><w:p><w:r><w:t>建议写明区域。</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let doc = read_body(
        body,
        &[
            ("word/footnotes.xml", &footnotes),
            ("word/comments.xml", &comments),
        ],
    );
    assert_eq!(
        doc.notes,
        [
            Note {
                kind: NoteKind::Footnote,
                text: "“全年”指1月至12月。".into(),
                place: NotePlace::Paragraph(1),
            },
            Note {
                kind: NoteKind::Comment,
                text: "建议写明区域。".into(),
                place: NotePlace::Cell {
                    table: 1,
                    row: 0,
                    column: 1
                },
            },
        ]
    );
}
