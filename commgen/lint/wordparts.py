"""Read a Word template as a person sees it: parts, paragraphs, tables and cells, in order.

The linter reports places an author can find in Word ("alinea 12", "tabel 2, rij 1, cel 3",
"koptekst"), so paragraphs are numbered here the way they appear on screen: body paragraphs
from the top (empty ones and headings included, tables not), table cells by table, row and
cell. The text of a paragraph is the text commgen's render sees: inserted text kept, deleted
text dropped (docxclean accepts tracked changes before rendering).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from commgen.docx.ooxml import DROP, W
from commgen.foundation.i18n import _

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
EXCERPT_WORDS = 6


@dataclass(frozen=True)
class Place:
    """Where a paragraph is, in words a Word user understands."""

    part: str = "body"  # body, header, footer
    variant: str = "default"  # default, first, even (headers and footers)
    paragraph: int = 0  # 1-based outside tables
    table: int = 0  # 1-based, top-level tables of the part
    row: int = 0
    cell: int = 0
    cell_paragraph: int = 0
    cell_paragraphs: int = 0
    excerpt: str = ""

    def describe(self) -> str:
        parts = []
        if self.part != "body":
            parts.append(_part_name(self.part, self.variant))
        if self.table:
            parts.append(_("table {table}, row {row}, cell {cell}").format(
                table=self.table, row=self.row, cell=self.cell))
            if self.cell_paragraphs > 1:
                parts.append(_("paragraph {n} in the cell").format(n=self.cell_paragraph))
        elif self.paragraph:
            parts.append(_("paragraph {n}").format(n=self.paragraph))
        where = ", ".join(parts)
        if self.paragraph or self.table:
            quoted = f"“{self.excerpt}”" if self.excerpt else _("empty")
            where += f" ({quoted})"
        return where

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"part": self.part}
        if self.part != "body":
            data["variant"] = self.variant
        if self.table:
            data.update(table=self.table, row=self.row, cell=self.cell)
            if self.cell_paragraphs > 1:
                data["cell_paragraph"] = self.cell_paragraph
        elif self.paragraph:
            data["paragraph"] = self.paragraph
        data["excerpt"] = self.excerpt
        return data


def _part_name(part: str, variant: str) -> str:
    names = {
        ("header", "default"): _("header"), ("header", "first"): _("header of the first page"),
        ("header", "even"): _("header of even pages"), ("footer", "default"): _("footer"),
        ("footer", "first"): _("footer of the first page"),
        ("footer", "even"): _("footer of even pages"),
    }
    return names.get((part, variant), part)


@dataclass
class Para:
    """One paragraph: its place, the text docxtpl sees, and the raw element for hygiene checks."""

    index: int  # position in the part; line index + 1 of the part's Jinja source
    place: Place
    text: str
    element: Any
    cell_key: tuple[int, int, int] | None = None  # (table uid, row, cell), innermost
    row_text: list[str] = field(default_factory=list)  # filled for paragraphs in a table row


@dataclass
class WordPart:
    name: str  # word/document.xml, word/header1.xml ...
    kind: str  # body, header, footer
    variant: str
    root: Any
    paragraphs: list[Para]


def own_text(p: Any, tags: tuple[str, ...] = (W + "t",)) -> str:
    """Text of ``p`` itself (not of text boxes inside it), leaving out tracked deletions."""
    out = []
    for el in p.iter(*tags, W + "tab", W + "br"):
        anc = el.getparent()
        deleted = False
        while anc is not None and anc.tag != W + "p":
            deleted = deleted or anc.tag in DROP
            anc = anc.getparent()
        if anc is not p or deleted:
            continue
        out.append(el.text or "" if el.tag in tags else " ")
    return "".join(out)


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" ..." if len(split) > words else "")


class _Walker:
    """Numbers paragraphs and tables the way a reader counts them on screen."""

    def __init__(self, kind: str, variant: str) -> None:
        self.kind, self.variant = kind, variant
        self.paragraphs: list[Para] = []
        self.body_count = 0
        self.table_count = 0
        self.table_uid = 0

    def container(self, el: Any, cell: tuple[int, int, int, int] | None,
                  key: tuple[int, int, int] | None) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell, key)
            elif tag == W + "tbl":
                self.table(child, cell, key)
            elif isinstance(tag, str) and tag not in DROP:
                self.container(child, cell, key)  # sdt, sdtContent, customXml, ins ...

    def paragraph(self, p: Any, cell: tuple[int, int, int, int] | None,
                  key: tuple[int, int, int] | None) -> None:
        text = own_text(p)
        if cell is None:
            self.body_count += 1
            place = Place(self.kind, self.variant, paragraph=self.body_count,
                          excerpt=excerpt(text))
        else:
            table, row, col, count = cell
            index = sum(1 for q in self.paragraphs if q.cell_key == key) + 1
            place = Place(self.kind, self.variant, table=table, row=row, cell=col,
                          cell_paragraph=index, cell_paragraphs=count, excerpt=excerpt(text))
        self.paragraphs.append(Para(len(self.paragraphs), place, text, p, key))
        for nested in p.iter(W + "txbxContent"):  # text boxes: counted at their anchor
            for q in nested.iter(W + "p"):
                self.paragraphs.append(Para(len(self.paragraphs), place, own_text(q), q, key))

    def table(self, tbl: Any, cell: tuple[int, int, int, int] | None,
              key: tuple[int, int, int] | None) -> None:
        self.table_uid += 1
        uid = self.table_uid
        if cell is None:
            self.table_count += 1
        for r, tr in enumerate(tbl.findall(W + "tr"), start=1):
            first = len(self.paragraphs)
            for c, tc in enumerate(tr.findall(W + "tc"), start=1):
                count = len(tc.findall(W + "p"))
                self.container(tc, cell or (self.table_count, r, c, count), (uid, r, c))
            row = self.paragraphs[first:]
            texts = [q.text for q in row]
            for q in row:
                q.row_text = texts


def _header_footer_kinds(archive: zipfile.ZipFile, document: Any) -> dict[str, tuple[str, str]]:
    """Part name -> (header|footer, default|first|even), from the section properties."""
    rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"), _PARSER)
    targets = {rel.get("Id"): "word/" + str(PurePosixPath(rel.get("Target", "")))
               for rel in rels.iter(_REL)}
    kinds: dict[str, tuple[str, str]] = {}
    for kind in ("header", "footer"):
        for ref in document.iter(W + kind + "Reference"):
            target = targets.get(ref.get(_R_ID))
            if target:
                kinds.setdefault(target, (kind, ref.get(W + "type", "default")))
    return kinds


def read_parts(path: Path) -> tuple[list[WordPart], zipfile.ZipFile]:
    """The body, headers and footers of a .docx; raises zipfile/lxml errors for a bad file."""
    archive = zipfile.ZipFile(path)
    document = etree.fromstring(archive.read("word/document.xml"), _PARSER)
    parts = [WordPart("word/document.xml", "body", "default", document, [])]
    for name, (kind, variant) in sorted(_header_footer_kinds(archive, document).items()):
        if name in archive.namelist():
            parts.append(WordPart(name, kind, variant,
                                  etree.fromstring(archive.read(name), _PARSER), []))
    for part in parts:
        walker = _Walker(part.kind, part.variant)
        body = part.root.find(W + "body")
        walker.container(body if body is not None else part.root, None, None)
        part.paragraphs = walker.paragraphs
    return parts, archive
