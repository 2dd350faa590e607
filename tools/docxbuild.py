"""Helpers to draft a Word template with python-docx: real styles, Dutch proofing language.

Used once to draft each template in ``templates/``. After that the .docx is the source: the
foundation edits it in Word, and nobody regenerates it from code.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
FONT = "Calibri"


def new_document(lang: str = "nl-NL"):  # type: ignore[no-untyped-def]
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.3)
    section.header_distance = section.footer_distance = Cm(1.0)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _set_east_asian_font(normal, FONT)
    for name, size, before in (("Title", 24, 0), ("Heading 1", 15, 16), ("Heading 2", 12.5, 12)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = name != "Title"
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        _set_east_asian_font(style, FONT)
    subtitle = styles["Subtitle"]
    subtitle.font.name = FONT
    subtitle.font.size = Pt(11.5)
    subtitle.font.italic = False
    subtitle.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(3)
    _set_language(doc, lang)
    return doc


def _set_east_asian_font(style, font: str) -> None:  # type: ignore[no-untyped-def]
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _set_language(doc, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Proofing language in the document defaults, so Word spell-checks in Dutch."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)
    lang_el.set(qn("w:bidi"), "ar-SA")


def add_field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field such as PAGE or NUMPAGES, one run per piece, so that every piece (and
    the number Word and LibreOffice show) takes the size the caller gives the runs."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def header_footer(doc, header_text: str, footer_text: str) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    run = header.add_run(header_text)
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    footer = section.footer.paragraphs[0]
    run = footer.add_run(footer_text)
    run.font.size = Pt(9)
    footer.add_run("pagina ").font.size = Pt(9)
    add_field(footer, "PAGE")
    footer.add_run(" van ").font.size = Pt(9)
    add_field(footer, "NUMPAGES")
    for r in footer.runs:
        r.font.size = Pt(9)
        r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def page_break(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def para(doc, text: str, style: str | None = None, bold_prefix: str | None = None,
         italic: bool = False):  # type: ignore[no-untyped-def]
    p = doc.add_paragraph(style=style)
    if bold_prefix:
        p.add_run(bold_prefix).bold = True
    run = p.add_run(text)
    run.italic = italic
    return p


def table(doc, rows: list[tuple[str, str]], widths=None):  # type: ignore[no-untyped-def]
    widths = widths or (Cm(6.0), Cm(10.4))
    t = doc.add_table(rows=0, cols=2)
    t.style = doc.styles["Table Grid"]
    for left, right in rows:
        cells = t.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(left).bold = True
        cells[1].text = right
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
            for p in cell.paragraphs:
                p.paragraph_format.space_after = Pt(2)
    return t


def _no_borders(tbl) -> None:  # type: ignore[no-untyped-def]
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl._tbl.tblPr.append(borders)


def caption(tbl, text: str) -> None:  # type: ignore[no-untyped-def]
    """Word's table title (Tabeleigenschappen > Alternatieve tekst); commgen reads it."""
    el = OxmlElement("w:tblCaption")
    el.set(qn("w:val"), text)
    tbl._tbl.tblPr.append(el)


LONG_NAME = 30  # characters of the school's name that fit on one line at 12 pt


def letterhead(doc) -> None:  # type: ignore[no-untyped-def]
    """Logo left, the school's name and address right; filled from the school's answers.

    The table's title "Briefhoofd" tells commgen to leave it out of the plain-text version.
    """
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    caption(t, "Briefhoofd")
    left, right = t.rows[0].cells
    left.width, right.width = Cm(5.0), Cm(11.4)
    left.paragraphs[0].add_run("{{ school.logo }}")
    # A long name (up to 45 characters) gets a smaller size, so that it stays on one line.
    lines = [
        ("{%p if school.name|length <= " + str(LONG_NAME) + " %}", False),
        ("{{ school.name }}", True),
        ("{%p else %}", False),
        ("{{ school.name }}", 10),
        ("{%p endif %}", False),
        ("{% if school.address %}{{ school.address }}, {{ school.postcode }} {% endif %}"
         "{{ school.place }}", False),
        ("{{ school.phone }}{% if school.phone and school.email %} · {% endif %}"
         "{{ school.email }}", False),
        ("{{ school.website }}", False),
    ]
    for i, (text, bold) in enumerate(lines):
        p = right.paragraphs[0] if i == 0 else right.add_paragraph()
        p.alignment = 2  # right
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.bold = bool(bold)
        run.font.size = Pt(bold if not isinstance(bold, bool) else 12 if bold else 9)
        run.font.color.rgb = ACCENT if bold else RGBColor(0x59, 0x59, 0x59)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def shaded(doc, text: str, fill: str = "EAF1F8"):  # type: ignore[no-untyped-def]
    """A paragraph on a light background, for the one message everybody repeats."""
    p = doc.add_paragraph()
    p.add_run(text)
    ppr = p._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)
    p.paragraph_format.left_indent = Cm(0.3)
    p.paragraph_format.right_indent = Cm(0.3)
    return p


def footer_line(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    """A small grey footer with a page number."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.add_run(text)
    footer.add_run(" · pagina ")
    add_field(footer, "PAGE")
    footer.add_run(" van ")
    add_field(footer, "NUMPAGES")
    for r in footer.runs:
        r.font.size = Pt(8.5)
        r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def base_size(doc, size: float, after: float = 4) -> None:  # type: ignore[no-untyped-def]
    normal = doc.styles["Normal"]
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(after)
    normal.paragraph_format.line_spacing = 1.1
    keep_together(doc)


def keep_together(doc) -> None:  # type: ignore[no-untyped-def]
    """No orphan or widow line, and a heading never alone at the bottom of a page."""
    doc.styles["Normal"].paragraph_format.widow_control = True
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.keep_with_next = True


__all__ = ["WD_SECTION", "base_size", "caption", "footer_line", "header_footer", "letterhead",
           "new_document", "page_break", "para", "shaded", "table"]


def slim(doc) -> None:  # type: ignore[no-untyped-def]
    """Drop python-docx's unused default styles and obsolete parts before saving a template.

    python-docx starts from a template with ~160 styles (350 KB) and a Word 2010
    stylesWithEffects part (440 KB) that Word no longer needs. Every generated letter would
    carry them; Word adds any style back when an author picks it.
    """
    props = doc.core_properties  # python-docx writes itself in as author
    props.author = props.last_modified_by = props.comments = ""
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.rels.pop(rId)
    package = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rId)
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    used: set[str] = set()
    for part in [doc.part] + [rel.target_part for rel in doc.part.rels.values()
                              if not rel.is_external]:
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink"):
            for el in element.iter(qn(tag)):
                used.add(el.get(qn("w:val")))
    for style in by_id.values():
        if style.get(qn("w:default")) == "1":
            used.add(style.get(qn("w:styleId")))
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            el = style.find(qn(tag))
            if el is not None and el.get(qn("w:val")) not in used:
                used.add(el.get(qn("w:val")))
                pending.append(el.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in used:
            styles.remove(style)
