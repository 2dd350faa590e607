"""The plain-text twin of a rendered letter, for school apps (Parro, Social Schools) and e-mail.

It is read from the rendered .docx itself, so its wording is the Word text by construction:
paragraphs separated by a blank line, list items as "- ", table rows as "cell: cell". The
letterhead table (Word table title "Briefhoofd") is left out: the app shows the sender.
Headers and footers are left out too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from commgen.docx.ooxml import W
from commgen.docx.reader import DOCUMENT, paragraph_texts, read_package

LETTERHEAD_CAPTION = "Briefhoofd"
_LIST_STYLES = ("ListBullet", "ListNumber", "Lijstopsomteken", "Lijstnummering")


def plain_text(data: bytes, root: Any = None) -> str:
    """The body text of a .docx as plain text with Windows-friendly, app-friendly layout.
    ``root``: the document part of ``data`` when it was parsed already (by the verification
    after rendering), so that it is not read twice."""
    if root is None:
        root = read_package(data).trees[DOCUMENT]
    body = root.find(W + "body")
    blocks: list[_Block] = []
    for element in body if body is not None else ():
        if element.tag == W + "p":
            text = _paragraph(element)
            if text.strip():
                listed = _is_list(element)
                blocks.append(_Block(("- " + text) if listed else text, listed,
                                     *_spacing(element)))
        elif element.tag == W + "tbl" and not _is_letterhead(element):
            for row in element.iter(W + "tr"):
                cells = [" ".join(t for t in paragraph_texts(cell) if t.strip())
                         for cell in row.iter(W + "tc")]
                line = ": ".join(c for c in cells if c)
                if line:
                    blocks.append(_Block(line, True, False, False))
    lines: list[str] = []
    for i, block in enumerate(blocks):
        if i and not _joins(blocks[i - 1], block):
            lines.append("")
        lines.append(block.text)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Block:
    text: str
    listed: bool  # a list item or a table row
    tight_after: bool  # no space after it in Word (a signature line)
    space_before: bool


def _joins(previous: _Block, block: _Block) -> bool:
    """One newline instead of a blank line: items of one list, or the lines of a signature."""
    if previous.listed or block.listed:
        return previous.listed and block.listed
    return previous.tight_after and not block.space_before


def _paragraph(p: Any) -> str:
    return "".join(paragraph_texts(p)).replace("\t", " ")


def _is_list(p: Any) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    style = ppr.find(W + "pStyle")
    return ppr.find(W + "numPr") is not None or (
        style is not None and style.get(W + "val") in _LIST_STYLES)


def _spacing(p: Any) -> tuple[bool, bool]:
    """(no space after, some space before) as set on the paragraph itself."""
    spacing = p.find(f"{W}pPr/{W}spacing")
    if spacing is None:
        return False, False
    return spacing.get(W + "after") == "0", spacing.get(W + "before") not in (None, "0")


def _is_letterhead(tbl: Any) -> bool:
    caption = tbl.find(f"{W}tblPr/{W}tblCaption")
    return caption is not None and caption.get(W + "val") == LETTERHEAD_CAPTION
