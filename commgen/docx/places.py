"""Where a paragraph is in a Word document, in words a Word user understands.

Paragraphs are numbered the way they appear on screen: the paragraphs of a part from the top
(empty ones and headings included, tables not), table cells by table, row and cell, text boxes
at the paragraph they are anchored to. Each place also knows the nearest heading above it (a
paragraph with a Heading/Kop style, a style with an outline level, or an outline level of its
own). Both the template linter and the reader of rendered documents (``docx.reader``) number
paragraphs here, so a place means the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from commgen.docx.ooxml import DROP, PKG_REL, R_ID, W
from commgen.foundation.i18n import _

EXCERPT_WORDS = 6
HEADING_WORDS = 10
# Footnotes and endnotes Word keeps for its own separator lines: nothing a reader sees.
_NOTE_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_HEADING_STYLE = re.compile(r"(heading|kop)\s*[1-9]", re.IGNORECASE)
_LEVELS = frozenset("012345678")  # w:outlineLvl 9 is body text


@dataclass(frozen=True)
class Place:
    """Where a paragraph is, in words a Word user understands."""

    part: str = "body"  # body, header, footer, footnotes, endnotes, comments
    variant: str = "default"  # default, first, even (headers and footers)
    paragraph: int = 0  # 1-based outside tables
    table: int = 0  # 1-based, top-level tables of the part
    row: int = 0
    cell: int = 0
    cell_paragraph: int = 0
    cell_paragraphs: int = 0
    excerpt: str = ""
    heading: str = ""  # the nearest heading above the paragraph, in the same part
    # text a reader does not see but the file holds: "deleted" (a tracked deletion in this
    # paragraph), "creator"/"lastModifiedBy" (a person in the file's properties)
    hidden: str = ""

    def _where(self) -> list[str]:
        parts = []
        if self.hidden in HIDDEN_PEOPLE:
            return [_("file properties"), HIDDEN_PEOPLE[self.hidden]()]
        if self.hidden == "deleted":
            parts.append(_("deleted text of a tracked change"))
        if self.part != "body":
            parts.append(_part_name(self.part, self.variant))
        if self.table:
            parts.append(_("table {table}, row {row}, cell {cell}").format(
                table=self.table, row=self.row, cell=self.cell))
            if self.cell_paragraphs > 1:
                parts.append(_("paragraph {n} in the cell").format(n=self.cell_paragraph))
        elif self.paragraph:
            parts.append(_("paragraph {n}").format(n=self.paragraph))
        return parts

    def describe(self) -> str:
        """The place with an excerpt of the paragraph: 'paragraph 12 (“...”)'."""
        where = ", ".join(self._where())
        if self.paragraph or self.table:
            quoted = f"“{self.excerpt}”" if self.excerpt else _("empty")
            where += f" ({quoted})"
        return where

    def locate(self) -> str:
        """The place with the heading above it: 'paragraph 12, under “What happened?”'."""
        parts = self._where()
        if self.heading:
            parts.append(_("under “{heading}”").format(heading=self.heading))
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"part": self.part}
        if self.hidden:
            data["hidden"] = self.hidden
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


HIDDEN_PEOPLE = {"creator": lambda: _("author"), "lastModifiedBy": lambda: _("last modified by")}


def _part_name(part: str, variant: str) -> str:
    names = {
        ("header", "default"): _("header"), ("header", "first"): _("header of the first page"),
        ("header", "even"): _("header of even pages"), ("footer", "default"): _("footer"),
        ("footer", "first"): _("footer of the first page"),
        ("footer", "even"): _("footer of even pages"),
    }
    other = {"footnotes": _("footnotes"), "endnotes": _("endnotes"), "comments": _("comments")}
    return names.get((part, variant)) or other.get(part, part)


@dataclass
class Para:
    """One paragraph: its place, the text docxtpl sees, and the raw element for hygiene checks."""

    index: int  # position in the part; line index + 1 of the part's Jinja source
    place: Place
    text: str
    element: Any
    cell_key: tuple[int, int, int] | None = None  # (table uid, row, cell), innermost
    row_text: list[str] = field(default_factory=list)  # filled for paragraphs in a table row
    reading: str | None = None  # ``reading_text`` of the paragraph (made in the same pass)


@dataclass
class WordPart:
    name: str  # word/document.xml, word/header1.xml ...
    kind: str  # body, header, footer, footnotes, endnotes, comments
    variant: str
    root: Any
    paragraphs: list[Para]


def _owned(p: Any, el: Any) -> bool:
    """``el`` belongs to paragraph ``p`` itself (not a text box in it) and is not deleted."""
    anc = el.getparent()
    deleted = False
    while anc is not None and anc.tag != W + "p":
        deleted = deleted or anc.tag in DROP
        anc = anc.getparent()
    return anc is p and not deleted


def own_text(p: Any, tags: tuple[str, ...] = (W + "t",)) -> str:
    """Text of ``p`` itself (not of text boxes inside it), leaving out tracked deletions;
    tabs and line breaks as spaces (the template linter's view of a paragraph)."""
    out = []
    for el in p.iter(*tags, W + "tab", W + "br"):
        if _owned(p, el):
            out.append(el.text or "" if el.tag in tags else " ")
    return "".join(out)


def reading_text(p: Any) -> str:
    """Text of ``p`` itself as a reader sees it: runs joined, tracked deletions left out,
    tabs as \\t, line breaks as \\n, non-breaking hyphens as '-'."""
    return both_texts(p)[1]


_T, _TAB, _BR, _CR, _NB_HYPHEN, _R = (W + t for t in ("t", "tab", "br", "cr", "noBreakHyphen",
                                                       "r"))


def both_texts(p: Any) -> tuple[str, str]:
    """``own_text(p)`` and ``reading_text(p)`` in one pass over the paragraph."""
    own, reading = [], []
    for el in p.iter(_T, _TAB, _BR, _CR, _NB_HYPHEN):
        parent = el.getparent()
        if not (parent.tag == _R and parent.getparent() is p) and not _owned(p, el):
            continue  # the common case, a run straight in the paragraph, asks no more
        tag = el.tag
        if tag == _T:
            own.append(el.text or "")
            reading.append(el.text or "")
        elif tag == _TAB:
            own.append(" ")
            if parent.tag == _R:  # not a tab stop in the paragraph properties
                reading.append("\t")
        elif tag == _BR:
            own.append(" ")
            reading.append("\n")
        elif tag == _CR:
            reading.append("\n")
        else:
            reading.append("-")
    return "".join(own), "".join(reading)


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" ..." if len(split) > words else "")


def heading_styles(styles: Any | None) -> frozenset[str]:
    """Ids of the paragraph styles in ``styles`` (word/styles.xml) that are headings: named
    'heading N' (Word's built-in name in every language) or with an outline level, directly
    or through the style they are based on."""
    if styles is None:
        return frozenset()
    based: dict[str, str] = {}
    own: set[str] = set()
    for style in styles.iter(W + "style"):
        if style.get(W + "type") != "paragraph":
            continue
        sid = style.get(W + "styleId", "")
        name = style.find(W + "name")
        level = style.find(f"{W}pPr/{W}outlineLvl")
        named = name is not None and _HEADING_STYLE.fullmatch(name.get(W + "val", ""))
        if named or (level is not None and level.get(W + "val", "9") in _LEVELS):
            own.add(sid)
        parent = style.find(W + "basedOn")
        if parent is not None:
            based[sid] = parent.get(W + "val", "")
    found = set()
    for sid in {*based, *own}:
        seen, current = set(), sid
        while current and current not in seen:
            if current in own:
                found.add(sid)
                break
            seen.add(current)
            current = based.get(current, "")
    return frozenset(found)


def is_heading(p: Any, styles: frozenset[str] = frozenset()) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    level = ppr.find(W + "outlineLvl")
    if level is not None:
        return level.get(W + "val", "9") in _LEVELS
    style = ppr.find(W + "pStyle")
    sid = style.get(W + "val", "") if style is not None else ""
    return bool(sid) and (sid in styles or _HEADING_STYLE.fullmatch(sid) is not None)


class Walker:
    """Numbers the paragraphs and tables of one part the way a reader counts them on screen."""

    def __init__(self, kind: str, variant: str,
                 headings: frozenset[str] = frozenset()) -> None:
        self.kind, self.variant = kind, variant
        self.headings = headings
        self.paragraphs: list[Para] = []
        self.body_count = 0
        self.table_count = 0
        self.table_uid = 0
        self.heading = ""

    def walk(self, root: Any) -> list[Para]:
        body = root.find(W + "body")
        self.container(body if body is not None else root, None, None)
        return self.paragraphs

    def container(self, el: Any, cell: tuple[int, int, int, int] | None,
                  key: tuple[int, int, int] | None) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell, key)
            elif tag == W + "tbl":
                self.table(child, cell, key)
            elif tag in (W + "footnote", W + "endnote") and (
                    child.get(W + "type") in _NOTE_SEPARATORS):
                continue
            elif isinstance(tag, str) and tag not in DROP:
                self.container(child, cell, key)  # sdt, sdtContent, customXml, ins ...

    def paragraph(self, p: Any, cell: tuple[int, int, int, int] | None,
                  key: tuple[int, int, int] | None) -> None:
        text, reading = both_texts(p)
        if cell is None:
            self.body_count += 1
            place = Place(self.kind, self.variant, paragraph=self.body_count,
                          excerpt=excerpt(text), heading=self.heading)
        else:
            table, row, col, count = cell
            index = sum(1 for q in self.paragraphs if q.cell_key == key) + 1
            place = Place(self.kind, self.variant, table=table, row=row, cell=col,
                          cell_paragraph=index, cell_paragraphs=count, excerpt=excerpt(text),
                          heading=self.heading)
        self.paragraphs.append(Para(len(self.paragraphs), place, text, p, key, reading=reading))
        for nested in p.iter(W + "txbxContent"):  # text boxes: counted at their anchor
            for q in nested.iter(W + "p"):
                own, reading = both_texts(q)
                self.paragraphs.append(Para(len(self.paragraphs), place, own, q, key,
                                            reading=reading))
        if text.strip() and is_heading(p, self.headings):
            self.heading = excerpt(text, HEADING_WORDS)

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


def header_footer_kinds(rels: Any | None, document: Any) -> dict[str, tuple[str, str]]:
    """Part name -> (header|footer, default|first|even), from the section properties of
    ``document`` (word/document.xml) and its relationships ``rels``."""
    if rels is None:
        return {}
    targets = {rel.get("Id"): _target(rel.get("Target", "")) for rel in rels.iter(PKG_REL)}
    kinds: dict[str, tuple[str, str]] = {}
    for kind in ("header", "footer"):
        for ref in document.iter(W + kind + "Reference"):
            target = targets.get(ref.get(R_ID))
            if target:
                kinds.setdefault(target, (kind, ref.get(W + "type", "default")))
    return kinds


@lru_cache(maxsize=512)
def _target(target: str) -> str:
    return "word/" + str(PurePosixPath(target))


def walk_part(name: str, kind: str, variant: str, root: Any,
              headings: frozenset[str] = frozenset()) -> WordPart:
    """The paragraphs of one part, numbered and placed."""
    return WordPart(name, kind, variant, root, Walker(kind, variant, headings).walk(root))
