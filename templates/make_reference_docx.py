#!/usr/bin/env python3
"""Generate templates/reference.docx: a pandoc reference document whose styles
follow the Chinese official-document standard GB/T 9704-2012 (党政机关公文格式).

Use it as

    pandoc x.md --reference-doc templates/reference.docx -o x.docx

and, so that a leading ``# 标题`` becomes the document title (style "Title")
and ``## 一、`` / ``### （一）`` become the first/second-level headings,

    pandoc x.md --shift-heading-level-by=-1 --reference-doc templates/reference.docx -o x.docx

Run
    python3 templates/make_reference_docx.py [OUTPUT]      # default: templates/reference.docx

Dependencies
    * pandoc on PATH (any 2.x/3.x): the script starts from pandoc's own default
      reference document (``pandoc -o - --print-default-data-file reference.docx``)
      so that every style pandoc uses exists.  Set PANDOC to use another binary.
    * python-docx >= 1.0 (``pip install python-docx``), which brings lxml.

Determinism: the same script with the same pandoc gives a byte-identical file:
zip entries are written in a fixed order with the timestamp 1980-01-01 00:00,
and the core properties (created/modified 1980-01-01T00:00:00Z, author and
lastModifiedBy "fengong", revision 1) are fixed.  A different pandoc version
ships a slightly different default reference, and so gives a different file.

What it sets (sizes: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小四 = 12 pt):

  Page      A4 210×297 mm; margins top 37, bottom 35, left 28, right 26 mm
            (text block 156×225 mm); footer with the page number "— N —"
            (宋体 4号), 7 mm below the text block, odd pages right and even
            pages left, one character in from the text block's edge.
  Normal, Body Text, First Paragraph
            仿宋 (Times New Roman for Latin) 16 pt, first-line indent 32 pt,
            line spacing exactly 28.95 pt, no space before/after, justified.
  Title     方正小标宋简体 22 pt, centred, not bold, no indent, one line after.
  Heading 1 黑体 16 pt; Heading 2 楷体 16 pt; Heading 3 仿宋 16 pt bold;
            Heading 4-9 仿宋 16 pt; all black, not bold/italic unless said,
            first-line indent 32 pt, no space before/after.
  Compact, Table (table style)
            仿宋 12 pt, single line spacing, no indent; full 0.5 pt black grid.
  Custom paragraph styles for ``::: {custom-style="…"}``:
            发文机关标志 发文字号 主送机关 附件说明 署名 成文日期 附件标识 版记 表格标题
            落款 落款日期 (a plan's own signature, set as 署名 and 成文日期)
  Footer    宋体 14 pt.
"""

import datetime
import io
import os
import subprocess
import sys
import tempfile
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import StyleFactory
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "reference.docx")

# ---------------------------------------------------------------- constants
LATIN = "Times New Roman"
FANGSONG = "仿宋"
HEITI = "黑体"
KAITI = "楷体"
SONGTI = "宋体"
XIAOBIAOSONG = "方正小标宋简体"

SIZE_2 = 22  # 二号
SIZE_3 = 16  # 三号
SIZE_4 = 14  # 四号
SIZE_XIAO4 = 12  # 小四
LINE = Pt(28.95)  # 22 lines in the 225 mm text block
INDENT_2CH = Pt(32)  # two 三号 characters
BLACK = RGBColor(0, 0, 0)
RED = RGBColor(0xFF, 0, 0)

FIXED_DATE = datetime.datetime(1980, 1, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
AUTHOR = "fengong"


def mm(v):
    """Millimetres to whole twips (1/1440 inch)."""
    return Twips(round(v * 1440 / 25.4))


# ---------------------------------------------------------------- helpers
def default_reference():
    """pandoc's own default reference.docx, as bytes in memory."""
    pandoc = os.environ.get("PANDOC", "pandoc")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "default.docx")
        subprocess.run(
            [pandoc, "-o", path, "--print-default-data-file", "reference.docx"],
            check=True,
        )
        with open(path, "rb") as f:
            return io.BytesIO(f.read())


def style_by_id(doc, style_id):
    """The style whose styleId is `style_id` (python-docx looks styles up by
    name, and pandoc's names, e.g. "Heading 1", differ from Word's)."""
    for el in doc.styles.element.iterchildren(qn("w:style")):
        if el.get(qn("w:styleId")) == style_id:
            return StyleFactory(el)
    raise KeyError(style_id)


def get_or_make_paragraph_style(doc, name, base="Normal", style_id=None,
                                custom=True):
    """A paragraph style named `name`; its styleId is `style_id` or, as
    pandoc expects of custom styles, the name without spaces."""
    for s in doc.styles:
        if s.type == WD_STYLE_TYPE.PARAGRAPH and s.name == name:
            return s
    s = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if style_id is not None:
        s.element.set(qn("w:styleId"), style_id)
    if not custom:  # a built-in Word style (e.g. "footer")
        del s.element.attrib[qn("w:customStyle")]
    s.base_style = style_by_id(doc, base)
    s.quick_style = custom
    return s


def set_fonts(rPr, east, latin=LATIN):
    """Explicit fonts on an rPr element; theme font references are removed
    (they would take precedence over the explicit names)."""
    rFonts = rPr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        if rFonts.get(qn("w:" + attr)) is not None:
            del rFonts.attrib[qn("w:" + attr)]
    rFonts.set(qn("w:ascii"), latin)
    rFonts.set(qn("w:hAnsi"), latin)
    rFonts.set(qn("w:cs"), latin)
    rFonts.set(qn("w:eastAsia"), east)


def set_onoff(rPr, tag, value):
    """<w:b/>, <w:bCs/>, <w:i/>, <w:iCs/> with an explicit value, so a style
    turns off what its base style (or pandoc's default) turned on."""
    el = getattr(rPr, "get_or_add_" + tag)()  # python-docx keeps schema order
    if value:
        if el.get(qn("w:val")) is not None:
            del el.attrib[qn("w:val")]
    else:
        el.set(qn("w:val"), "0")


# Child order of w:rPr and w:pPr in the WordprocessingML schema.  python-docx
# inserts a missing element before the first successor it looks up, which
# can misplace it when pandoc's original order is unusual (Heading 4 has
# <w:i/> before <w:bCs/>); Word rejects out-of-order children, so sort.
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
    "dstrike", "outline", "shadow", "emboss", "imprint", "noProof",
    "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd",
    "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
]
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
    "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
    "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
    "pPrChange",
]


def sort_children(el, order):
    if el is None:
        return
    rank = {qn("w:" + t): i for i, t in enumerate(order)}
    kids = list(el)
    kids.sort(key=lambda k: rank.get(k.tag, len(order)))  # stable
    for k in kids:
        el.append(k)


STYLE_ORDER = [
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
    "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked",
    "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
    "tblPr", "trPr", "tcPr", "tblStylePr",
]


def sort_all_styles(doc):
    """Every w:style's children in schema order (pandoc's own Body Text has
    <w:pPr> before <w:qFormat/>)."""
    for el in doc.styles.element.iterchildren(qn("w:style")):
        sort_children(el, STYLE_ORDER)


def sort_style(style):
    sort_children(style.element.find(qn("w:pPr")), PPR_ORDER)
    sort_children(style.element.find(qn("w:rPr")), RPR_ORDER)


def run_props(style, east=FANGSONG, size=SIZE_3, bold=False, italic=False,
              color=BLACK, latin=LATIN):
    rPr = style.element.get_or_add_rPr()
    set_fonts(rPr, east, latin)
    style.font.size = Pt(size)
    # complex-script size too, so Word's "szCs" does not keep an old value
    szCs = rPr.find(qn("w:szCs"))
    if szCs is None:
        szCs = OxmlElement("w:szCs")
        rPr.find(qn("w:sz")).addnext(szCs)
    szCs.set(qn("w:val"), str(int(size * 2)))
    set_onoff(rPr, "b", bold)
    set_onoff(rPr, "bCs", bold)
    set_onoff(rPr, "i", italic)
    set_onoff(rPr, "iCs", italic)
    style.font.color.rgb = color
    sort_style(style)


def para_props(style, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first=INDENT_2CH,
               left=Pt(0), right=Pt(0), before=Pt(0), after=Pt(0),
               line=LINE):
    """line: a Length for 'exactly', None for single spacing."""
    pf = style.paragraph_format
    pf.alignment = align
    pf.first_line_indent = first
    pf.left_indent = left
    pf.right_indent = right
    pf.space_before = before
    pf.space_after = after
    if line is None:
        pf.line_spacing = 1.0
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        pf.line_spacing = line
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    # character-unit indents/spacing would override the twip values in Word
    pPr = style.element.get_or_add_pPr()
    for tagname, attrs in (
        ("w:ind", ("firstLineChars", "hangingChars", "leftChars", "rightChars",
                   "startChars", "endChars", "hanging")),
        ("w:spacing", ("beforeLines", "afterLines", "beforeAutospacing",
                       "afterAutospacing")),
    ):
        el = pPr.find(qn(tagname))
        if el is not None:
            for a in attrs:
                if el.get(qn("w:" + a)) is not None:
                    del el.attrib[qn("w:" + a)]
    sort_style(style)


def border(tag, sz=4, color="000000"):
    el = OxmlElement("w:" + tag)
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(sz))  # eighths of a point: 4 = 0.5 pt
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), color)
    return el


# ---------------------------------------------------------------- doc defaults
def set_doc_defaults(doc):
    styles = doc.styles.element
    dd = styles.find(qn("w:docDefaults"))
    rPr = dd.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rFonts = rPr.find(qn("w:rFonts"))
    for a in list(rFonts.attrib):
        del rFonts.attrib[a]
    rFonts.set(qn("w:ascii"), LATIN)
    rFonts.set(qn("w:eastAsia"), FANGSONG)
    rFonts.set(qn("w:hAnsi"), LATIN)
    rFonts.set(qn("w:cs"), LATIN)
    rPr.find(qn("w:sz")).set(qn("w:val"), str(SIZE_3 * 2))
    rPr.find(qn("w:szCs")).set(qn("w:val"), str(SIZE_3 * 2))
    rPr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    pPr = dd.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = pPr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")


# ---------------------------------------------------------------- styles
def set_styles(doc):
    sid = lambda i: style_by_id(doc, i)  # noqa: E731

    # Body text.
    for i in ("Normal", "BodyText", "FirstParagraph"):
        s = sid(i)
        run_props(s)
        para_props(s)

    # Title block.
    s = sid("Title")
    run_props(s, east=XIAOBIAOSONG, size=SIZE_2)
    para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0), after=LINE)
    s = sid("Subtitle")
    run_props(s, east=KAITI, size=SIZE_3)
    para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0), after=LINE)
    for i in ("Author", "Date"):
        s = sid(i)
        run_props(s)
        para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0))
    s = sid("Abstract")
    run_props(s, size=SIZE_4)
    para_props(s, first=Pt(0), left=INDENT_2CH, right=INDENT_2CH)

    # Headings: 一、黑体  （一）楷体  1. 仿宋加粗  (1) 仿宋.
    heads = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True)}
    for level in range(1, 10):
        east, bold = heads.get(level, (FANGSONG, False))
        s = sid("Heading%d" % level)
        run_props(s, east=east, bold=bold)
        para_props(s)
    s = sid("TOCHeading")
    run_props(s, east=HEITI)
    para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0))

    # Block quote, footnotes, captions, figures, definitions.
    s = sid("BlockText")
    run_props(s)
    para_props(s, first=INDENT_2CH, left=INDENT_2CH, right=INDENT_2CH)
    s = sid("FootnoteText")
    run_props(s, size=SIZE_4)
    para_props(s, first=Pt(0), line=None)
    s = sid("Caption")
    run_props(s)
    para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0))
    s = sid("TableCaption")  # pandoc's "Table: …" caption = 表格标题
    run_props(s, east=XIAOBIAOSONG, size=18)
    para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0))
    s = sid("ImageCaption")
    run_props(s)
    para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0))
    for i in ("Figure", "CaptionedFigure"):
        s = sid(i)
        para_props(s, align=WD_ALIGN_PARAGRAPH.CENTER, first=Pt(0), line=None)
    s = sid("DefinitionTerm")
    run_props(s, east=HEITI)
    para_props(s, first=Pt(0))
    s = sid("Definition")
    para_props(s)

    # Table cells (pandoc writes them as "Compact"; tight lists use it too).
    s = sid("Compact")
    run_props(s, size=SIZE_XIAO4)
    para_props(s, first=Pt(0), line=None)

    set_table_style(sid("Table"))

    # Footer (page numbers): 4号半角宋体.
    # Built-in "footer" (styleId "Footer", which python-docx's footer uses).
    footer = get_or_make_paragraph_style(doc, "Footer", style_id="Footer",
                                         custom=False)
    run_props(footer, east=SONGTI, size=SIZE_4, latin=SONGTI)
    para_props(footer, align=WD_ALIGN_PARAGRAPH.RIGHT, first=Pt(0),
               line=Pt(SIZE_4))

    # Custom styles for ::: {custom-style="…"}.
    custom = [
        # name, east, size, colour, alignment, first-line, right indent
        ("发文机关标志", XIAOBIAOSONG, SIZE_2, RED, WD_ALIGN_PARAGRAPH.CENTER, Pt(0), Pt(0)),
        ("发文字号", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.CENTER, Pt(0), Pt(0)),
        ("主送机关", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.JUSTIFY, Pt(0), Pt(0)),
        ("附件说明", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.JUSTIFY, INDENT_2CH, Pt(0)),
        ("署名", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.RIGHT, Pt(0), Pt(64)),
        ("成文日期", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.RIGHT, Pt(0), Pt(64)),
        ("落款", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.RIGHT, Pt(0), Pt(64)),
        ("落款日期", FANGSONG, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.RIGHT, Pt(0), Pt(64)),
        ("附件标识", HEITI, SIZE_3, BLACK, WD_ALIGN_PARAGRAPH.LEFT, Pt(0), Pt(0)),
        ("版记", FANGSONG, SIZE_4, BLACK, WD_ALIGN_PARAGRAPH.JUSTIFY, Pt(0), Pt(0)),
        ("表格标题", XIAOBIAOSONG, 18, BLACK, WD_ALIGN_PARAGRAPH.CENTER, Pt(0), Pt(0)),
    ]
    for name, east, size, color, align, first, right in custom:
        s = get_or_make_paragraph_style(doc, name)
        s.next_paragraph_style = sid("BodyText")
        run_props(s, east=east, size=size, color=color)
        para_props(s, align=align, first=first, right=right)
    sort_all_styles(doc)
    return [c[0] for c in custom]


def set_table_style(s):
    """pandoc's table style "Table": 仿宋 小四, single spacing, full grid."""
    run_props(s, size=SIZE_XIAO4)
    para_props(s, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first=Pt(0), line=None)
    el = s.element
    tblPr = el.find(qn("w:tblPr"))
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for tag in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(border(tag))
    # CT_TblPrBase order: … tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    anchor = tblPr.find(qn("w:tblInd"))
    if anchor is not None:
        anchor.addnext(borders)
    else:
        tblPr.insert(0, borders)
    # Cells centred vertically.
    tcPr = el.find(qn("w:tcPr"))
    if tcPr is None:
        tcPr = OxmlElement("w:tcPr")
        first_cond = el.find(qn("w:tblStylePr"))
        if first_cond is not None:
            first_cond.addprevious(tcPr)
        else:
            el.append(tcPr)
        tcPr.append(OxmlElement("w:vAlign"))
    tcPr.find(qn("w:vAlign")).set(qn("w:val"), "center")
    # Header row: keep pandoc's bottom rule, now 0.5 pt black like the grid.
    for cond in el.iterchildren(qn("w:tblStylePr")):
        ctcPr = cond.find(qn("w:tcPr"))
        if ctcPr is None:
            continue
        va = ctcPr.find(qn("w:vAlign"))
        if va is not None:
            va.set(qn("w:val"), "center")
        tb = ctcPr.find(qn("w:tcBorders"))
        if tb is not None:
            for b in list(tb):
                tb.replace(b, border(etree.QName(b).localname))


# ---------------------------------------------------------------- page
def field_runs(paragraph, instr):
    """A complex field (PAGE) as runs: begin, instrText, separate, 1, end."""
    def fld(kind):
        r = paragraph.add_run()
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r._r.append(fc)

    fld("begin")
    r = paragraph.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = " %s " % instr
    r._r.append(it)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


def dash_run(paragraph, text):
    """一字线 runs: U+2014 is East Asian-width ambiguous, so hint eastAsia."""
    r = paragraph.add_run(text)
    rPr = r._r.get_or_add_rPr()
    rPr.get_or_add_rFonts().set(qn("w:hint"), "eastAsia")


def page_number_paragraph(footer, align, left, right):
    p = footer.paragraphs[0]  # python-docx gives it the style "Footer"
    p.paragraph_format.alignment = align
    p.paragraph_format.left_indent = left
    p.paragraph_format.right_indent = right
    dash_run(p, "— ")
    field_runs(p, "PAGE")
    dash_run(p, " —")


def set_page(doc):
    sec = doc.sections[0]
    sec.page_width = mm(210)
    sec.page_height = mm(297)
    sec.top_margin = mm(37)
    sec.bottom_margin = mm(35)
    sec.left_margin = mm(28)
    sec.right_margin = mm(26)
    sec.gutter = Twips(0)
    sec.header_distance = mm(15)
    # The footer is one line of exactly 14 pt; its top (the 一字线) sits 7 mm
    # under the text block: footer distance = 35 mm - 7 mm - 14 pt.
    sec.footer_distance = Twips(mm(35 - 7).twips - SIZE_4 * 20)

    # 单页码居右空一字，双页码居左空一字.
    doc.settings.odd_and_even_pages_header_footer = True
    one_char = Pt(SIZE_4)
    sec.footer.is_linked_to_previous = False
    page_number_paragraph(sec.footer, WD_ALIGN_PARAGRAPH.RIGHT, Pt(0), one_char)
    sec.even_page_footer.is_linked_to_previous = False
    page_number_paragraph(sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, one_char, Pt(0))


def add_samples(doc, custom):
    """pandoc ignores the body of a reference document; these paragraphs only
    show each custom style when the file is opened in Word."""
    for name in custom:
        doc.add_paragraph("%s（custom-style=\"%s\"）" % (name, name), style=doc.styles[name])


def set_core(doc):
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = "GB/T 9704-2012 公文格式 pandoc 参考文档"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.revision = 1


# ---------------------------------------------------------------- fonts
# Entries for the Chinese fonts, so Word can pick a substitute (by charset
# and panose) where a font is not installed.
CJK_FONTS = [
    # name, altName, panose1, family, pitch
    (FANGSONG, "FangSong", "02010609060101010101", "modern", "fixed"),
    (HEITI, "SimHei", "02010609060101010101", "modern", "fixed"),
    (KAITI, "KaiTi", "02010609060101010101", "modern", "fixed"),
    (SONGTI, "SimSun", "02010600030101010101", "auto", "variable"),
    (XIAOBIAOSONG, None, "02000000000000000000", "auto", "variable"),
]


def patch_font_table(xml):
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(xml)
    have = {f.get("{%s}name" % W) for f in root.iterchildren("{%s}font" % W)}
    for name, alt, panose, family, pitch in CJK_FONTS:
        if name in have:
            continue
        f = etree.SubElement(root, "{%s}font" % W)
        f.set("{%s}name" % W, name)
        if alt:
            etree.SubElement(f, "{%s}altName" % W).set("{%s}val" % W, alt)
        etree.SubElement(f, "{%s}panose1" % W).set("{%s}val" % W, panose)
        etree.SubElement(f, "{%s}charset" % W).set("{%s}val" % W, "86")
        etree.SubElement(f, "{%s}family" % W).set("{%s}val" % W, family)
        etree.SubElement(f, "{%s}pitch" % W).set("{%s}val" % W, pitch)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------- zip
def deterministic_zip(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    order = first + sorted(n for n in names if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for n in order:
            body = src.read(n)
            if n == "word/fontTable.xml":
                body = patch_font_table(body)
            info = zipfile.ZipInfo(n, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def main(argv):
    out_path = argv[1] if len(argv) > 1 else DEFAULT_OUT
    doc = Document(default_reference())
    set_doc_defaults(doc)
    custom = set_styles(doc)
    set_page(doc)
    add_samples(doc, custom)
    set_core(doc)
    buf = io.BytesIO()
    doc.save(buf)
    data = deterministic_zip(buf.getvalue())
    with open(out_path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (out_path, len(data)))


if __name__ == "__main__":
    main(sys.argv)
