"""The one reader of a .docx: every XML part parsed strictly, and the text a reader sees.

This is the independent second look at a rendered document. It does not use docxtpl or
python-docx, so a fault in either cannot hide itself. Everything in commgen that needs the
text of a .docx reads it here: the check after rendering, the plain-text twin, ``commgen
check`` and the template linter (through ``docx.places``), so a position means the same
everywhere.

The text of a document (``DocumentText``) is the text of its parts in this fixed order:

    body (word/document.xml), headers, footers, footnotes, endnotes, comments

headers, footers and comment parts by their number (header1, header2, ..., header10). Within a
part the paragraphs come as Word stores them: a table row by row, cell by cell, a text box
after the paragraph it is anchored to. Paragraphs are joined with "\\n"; inside a paragraph a
tab is "\\t" and a line break "\\n". Tracked deletions are left out, tracked insertions kept,
and the fallback copy Word keeps of a text box (mc:Fallback) is read once, not twice. Every
paragraph keeps its character span and its ``Place``, so ``place_at`` turns an offset into
text back into a place in Word.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from lxml import etree

from commgen.docx.ooxml import MC_FALLBACK, REVISION_TAGS, TEXT_PARTS, W
from commgen.docx.places import (
    Place,
    excerpt,
    header_footer_kinds,
    heading_styles,
    reading_text,
    walk_part,
)

_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                          recover=False, remove_blank_text=False)
STRICT_PARSER = _STRICT  # for a part that is not read from a package (python-docx holds it)
_PATTERNS = [(re.compile(pattern), kind) for pattern, kind in TEXT_PARTS]
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
STYLES = "word/styles.xml"


class PackageProblem(Exception):
    """A part of the package is missing or not well-formed XML."""

    def __init__(self, part: str, detail: str) -> None:
        super().__init__(f"{part}: {detail}")
        self.part, self.detail = part, detail


def part_kind(name: str) -> str | None:
    """body, header, footer, footnotes, endnotes or comments; None for other parts."""
    return next((kind for pattern, kind in _PATTERNS if pattern.fullmatch(name)), None)


def part_order(name: str) -> tuple[int, int, str]:
    """Sort key of a part name in the reading order (see the module docstring)."""
    for rank, (pattern, _kind) in enumerate(_PATTERNS):
        match = pattern.fullmatch(name)
        if match:
            number = match.group(1) if match.groups() else ""
            return rank, int(number or 0), name
    return len(_PATTERNS), 0, name


@dataclass(frozen=True)
class TextParagraph:
    """One paragraph of a ``DocumentText``: its span (end exclusive, the "\\n" after it not
    included), its text, the part it is in and its place in Word."""

    start: int
    end: int
    text: str
    part: str
    place: Place


@dataclass
class DocumentText:
    """The text of a document as a reader sees it, and where each paragraph of it is."""

    text: str = ""
    paragraphs: list[TextParagraph] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def paragraph_at(self, offset: int) -> TextParagraph | None:
        """The paragraph that holds the character at ``offset`` (a "\\n" between paragraphs
        belongs to the paragraph before it)."""
        if not self.paragraphs:
            return None
        if len(self._starts) != len(self.paragraphs):
            self._starts = [p.start for p in self.paragraphs]
        index = bisect.bisect_right(self._starts, max(offset, 0)) - 1
        return self.paragraphs[max(index, 0)]

    def place_at(self, offset: int) -> Place | None:
        """The Word place of the character at ``offset``."""
        paragraph = self.paragraph_at(offset)
        return paragraph.place if paragraph is not None else None


@dataclass
class Package:
    """Every XML part of a .docx, parsed strictly, and the text of the parts a reader sees."""

    trees: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def document(self) -> DocumentText:
        return document_text(self.trees)

    @property
    def text(self) -> str:
        return self.document.text


# A Word document of a school is a few hundred kilobytes; these limits stop a "zip bomb" (a
# small file that unpacks to gigabytes) before it is unpacked.
MAX_PARTS = 2000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


def check_limits(archive: zipfile.ZipFile) -> None:
    """Refuse a package with too many parts or too much to unpack (as its directory says; the
    reading itself stops at the same sizes, should the directory lie)."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise PackageProblem("(zip)", f"more than {MAX_PARTS} parts")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:  # zipfile would stop at it asking for a password
            raise PackageProblem(info.filename, "encrypted (protected with a password)")
        if info.file_size > MAX_PART_BYTES:
            raise PackageProblem(info.filename, f"unpacks to more than {MAX_PART_BYTES} bytes")
        total += info.file_size
    if total > MAX_UNPACKED_BYTES:
        raise PackageProblem("(zip)", f"unpacks to more than {MAX_UNPACKED_BYTES} bytes")


def check_package_file(path: Any) -> None:
    """The same limits for a .docx on disk, before python-docx or docxtpl opens it."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_limits(archive)
    except zipfile.BadZipFile as exc:
        raise PackageProblem("(zip)", str(exc)) from None


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as handle:
        data = handle.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise PackageProblem(name, f"unpacks to more than {MAX_PART_BYTES} bytes")
    return data


def read_package(data: bytes, wanted: Callable[[str], bool] | None = None) -> Package:
    """Parse every XML part of ``data`` strictly (or those ``wanted`` names); raise
    PackageProblem at the first fault."""
    result = Package()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise PackageProblem("(zip)", str(exc)) from None
    with archive:
        check_limits(archive)
        names = archive.namelist()
        if DOCUMENT not in names:
            raise PackageProblem(DOCUMENT, "missing")
        for name in names:
            if not name.endswith((".xml", ".rels")) or (wanted is not None and not wanted(name)):
                continue
            try:
                result.trees[name] = etree.fromstring(_read_part(archive, name), _STRICT)
            except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError) as exc:
                raise PackageProblem(name, str(exc)) from None
    return result


def _in_fallback(element: Any) -> bool:
    return any(anc.tag == MC_FALLBACK for anc in element.iterancestors())


def document_text(trees: dict[str, Any], deleted: list[TextParagraph] | None = None
                  ) -> DocumentText:
    """The text of the parts a reader sees, in the fixed order, with the place of every
    paragraph. ``deleted``: filled with the text of the tracked deletions of each paragraph
    (placed at that paragraph, offsets not yet set)."""
    document = trees[DOCUMENT]
    kinds = header_footer_kinds(trees.get(DOCUMENT_RELS), document)
    headings = heading_styles(trees.get(STYLES))
    result = DocumentText()
    texts: list[str] = []
    offset = 0
    for name in sorted((n for n in trees if part_kind(n)), key=part_order):
        kind = part_kind(name) or ""
        variant = kinds.get(name, (kind, "default"))[1]
        part = walk_part(name, kind, variant, trees[name], headings)
        for para in part.paragraphs:
            if _in_fallback(para.element):
                continue
            text = para.reading if para.reading is not None else reading_text(para.element)
            result.paragraphs.append(TextParagraph(offset, offset + len(text), text, name,
                                                   para.place))
            if deleted is not None:
                gone = _deleted_text(para.element)
                if gone.strip():
                    deleted.append(TextParagraph(0, 0, gone, name, replace(
                        para.place, hidden="deleted", excerpt=excerpt(gone))))
            texts.append(text)
            offset += len(text) + 1
    result.text = "\n".join(texts)
    return result


_DELETED = (W + "delText", W + "t")


def _deleted_text(p: Any) -> str:
    """The text of the tracked deletions (and moves away) in paragraph ``p`` itself."""
    out = []
    for el in p.iter(*_DELETED):
        anc, gone = el.getparent(), False
        while anc is not None and anc.tag != W + "p":
            gone = gone or anc.tag in (W + "del", W + "moveFrom")
            anc = anc.getparent()
        if anc is p and (gone or el.tag == W + "delText"):
            out.append(el.text or "")
    return "".join(out)


@dataclass
class AllText:
    """Everything of a .docx that a person who opens it can read: the text a reader sees,
    then what the file still holds besides (the text of tracked deletions, the people in its
    properties), each a paragraph of its own after ``visible_end``."""

    document: DocumentText
    visible_end: int  # the offset where the hidden paragraphs begin (len(text) if none)
    revisions: int = 0  # tracked changes (insertions, deletions, moves, format changes)
    comments: int = 0


def read_all_text(data: bytes) -> AllText:
    """``read_document`` and what a reader does not see but the file holds: a school leader
    who re-checks an edited letter before sending it must hear of a pupil's name in a deleted
    tracked change or in "last modified by" (trial12 F2). PackageProblem if unreadable."""
    from commgen.docx.props import read_core_people

    package = read_package(data, text_part)
    deleted: list[TextParagraph] = []
    document = document_text(package.trees, deleted)
    revisions = comments = 0
    for name, root in package.trees.items():
        kind = part_kind(name)
        if kind is None:
            continue
        revisions += sum(1 for el in root.iter() if el.tag in REVISION_TAGS)
        if kind == "comments":
            comments += sum(1 for _el in root.iter(W + "comment"))
    hidden = [*deleted, *(TextParagraph(0, 0, value, "docProps/core.xml", Place(
        part="properties", hidden=field_name))
        for field_name, value in read_core_people(data).items())]
    visible_end = len(document.text)
    texts = [document.text] if document.paragraphs else []
    offset = visible_end + 1 if document.paragraphs else 0
    for para in hidden:
        document.paragraphs.append(replace(para, start=offset, end=offset + len(para.text)))
        texts.append(para.text)
        offset += len(para.text) + 1
    document.text = "\n".join(texts)
    return AllText(document, visible_end, revisions, comments)


def paragraph_texts(element: Any) -> list[str]:
    """The reading text of every paragraph in ``element`` (or of ``element`` itself, when it
    is a paragraph), in document order: nested tables and text boxes included."""
    return [reading_text(p) for p in element.iter(W + "p") if not _in_fallback(p)]


def text_part(name: str) -> bool:
    """A part the text is read from (or that says how: the relations, the styles)."""
    return name in (DOCUMENT, DOCUMENT_RELS, STYLES) or part_kind(name) is not None


def read_document(data: bytes) -> DocumentText:
    """The text of a .docx and the place of every paragraph; PackageProblem if unreadable.
    Only the parts the text comes from are parsed: not the theme, the fonts or the half a
    megabyte of ``stylesWithEffects.xml`` that Word keeps beside the styles. (Rendering
    verifies every part of what it made: ``render.docxrender.verify_package``.)"""
    return read_package(data, text_part).document


def docx_text(data: bytes) -> str:
    """All text of a .docx as one string (paragraphs separated by newlines)."""
    return read_document(data).text


def part_names(data: bytes) -> list[str]:
    """The names of the parts in a .docx package."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()
