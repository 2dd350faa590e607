"""Right-to-left text (Arabic, Hebrew) in a rendered document, marked so Word shows it right.

A run's stretch of right-to-left script gets ``w:rtl`` (the stretch becomes a run of its own,
with the same formatting, when the run holds other text too); a paragraph whose letters are
mostly right-to-left gets ``w:bidi``. Only properties and run boundaries change: the text,
read run after run, stays exactly as typed.
"""

from __future__ import annotations

import copy
import unicodedata
from typing import Any

from commgen.docx.ooxml import W

_RTL_CLASSES = frozenset({"R", "AL"})
# The order Word's schema gives the children of w:rPr and w:pPr: a new w:rtl goes before the
# first of these that is there, a new w:bidi likewise.
_AFTER_RTL = tuple(W + t for t in ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
                                   "rPrChange"))
_AFTER_BIDI = tuple(W + t for t in (
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
    "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))


def _direction(char: str) -> str:
    """"R" for a right-to-left letter, "L" for a left-to-right one, "" for the rest (spaces,
    digits, punctuation: they take the direction around them)."""
    kind = unicodedata.bidirectional(char)
    return "R" if kind in _RTL_CLASSES else "L" if kind == "L" else ""


def has_rtl(text: str) -> bool:
    return any(_direction(c) == "R" for c in text)


def rtl_stretches(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each right-to-left or not: a right-to-left piece runs from one
    right-to-left letter to the last before a left-to-right letter, with the neutral characters
    between them. The pieces joined are ``text``."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    index = 0
    while index < len(text):
        if _direction(text[index]) != "R":
            index += 1
            continue
        end = index + 1
        scan = end
        while scan < len(text) and _direction(text[scan]) != "L":
            scan += 1
            if _direction(text[scan - 1]) == "R":
                end = scan
        if index > start:
            pieces.append((text[start:index], False))
        pieces.append((text[index:end], True))
        start = index = end
    if start < len(text):
        pieces.append((text[start:], False))
    return pieces


def _insert_before(parent: Any, child: Any, later: tuple[str, ...]) -> None:
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return
    parent.append(child)


def _properties(element: Any, tag: str) -> Any:
    """The element's w:rPr or w:pPr (made as its first child when there is none)."""
    props = element.find(tag)
    if props is None:
        props = element.makeelement(tag, {})
        element.insert(0, props)
    return props


def _mark_run(run: Any) -> None:
    props = _properties(run, W + "rPr")
    if props.find(W + "rtl") is None:
        _insert_before(props, props.makeelement(W + "rtl", {}), _AFTER_RTL)


def _split_run(run: Any) -> None:
    """A run of one w:t with right-to-left script: its stretches as runs, those marked."""
    texts = run.findall(W + "t")
    content = [c for c in run if c.tag != W + "rPr"]
    if len(texts) != 1 or len(content) != 1:  # tabs, breaks: mark the run when it is RTL only
        text = "".join(t.text or "" for t in texts)
        if has_rtl(text) and not any(_direction(c) == "L" for c in text):
            _mark_run(run)
        return
    pieces = rtl_stretches(texts[0].text or "")
    if len(pieces) == 1:
        _mark_run(run)
        return
    anchor = run
    for text, rtl in pieces:
        piece = copy.deepcopy(run)
        node = piece.find(W + "t")
        node.text = text
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if rtl:
            _mark_run(piece)
        anchor.addnext(piece)
        anchor = piece
    run.getparent().remove(run)


def mark_rtl(root: Any) -> int:
    """Mark the right-to-left text of one part's XML (its root element); return how many
    paragraphs held some."""
    marked = 0
    for paragraph in root.iter(W + "p"):
        runs = [r for r in paragraph.iter(W + "r")
                if has_rtl("".join(t.text or "" for t in r.findall(W + "t")))]
        if not runs:
            continue
        marked += 1
        text = "".join(t.text or "" for t in paragraph.iter(W + "t"))
        letters = [_direction(c) for c in text]
        if "L" not in letters:  # wholly right to left: every run, its punctuation too
            for run in paragraph.iter(W + "r"):
                if any(t.text for t in run.findall(W + "t")):
                    _mark_run(run)
        else:
            for run in runs:
                _split_run(run)
        if letters.count("R") > letters.count("L"):
            props = _properties(paragraph, W + "pPr")
            if props.find(W + "bidi") is None:
                _insert_before(props, props.makeelement(W + "bidi", {}), _AFTER_BIDI)
    return marked


def mark_rtl_in(document: Any) -> None:
    """Every text part of a python-docx document (body, headers, footers, notes)."""
    import re

    from commgen.docx.ooxml import TEXT_PARTS

    for part in document.part.package.iter_parts():
        name = str(part.partname).lstrip("/")
        element = getattr(part, "_element", None)
        if element is not None and any(re.fullmatch(p, name) for p, _kind in TEXT_PARTS):
            mark_rtl(element)
