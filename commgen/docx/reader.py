"""Read a .docx package back: every XML part parsed strictly, and the text a reader sees.

This is the independent second look at a rendered document. It does not use docxtpl or
python-docx, so a fault in either cannot hide itself.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from commgen.docx.ooxml import TEXT_PART_PREFIXES, W

_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                          recover=False, remove_blank_text=False)


class PackageProblem(Exception):
    """A part of the package is missing or not well-formed XML."""

    def __init__(self, part: str, detail: str) -> None:
        super().__init__(f"{part}: {detail}")
        self.part, self.detail = part, detail


@dataclass
class PackageText:
    """Parsed XML parts and the paragraphs of the parts a reader sees, in reading order."""

    trees: dict[str, Any] = field(default_factory=dict)
    paragraphs: dict[str, list[str]] = field(default_factory=dict)  # part name -> paragraphs

    @property
    def text(self) -> str:
        return "\n".join("\n".join(p) for p in self.paragraphs.values())


def _part_order(name: str) -> tuple[int, str]:
    for i, prefix in enumerate(("word/header", "word/document", "word/footnotes",
                                "word/endnotes", "word/footer")):
        if name.startswith(prefix):
            return i, name
    return 9, name


def read_package(data: bytes) -> PackageText:
    """Parse every XML part of ``data`` strictly; raise PackageProblem at the first fault."""
    result = PackageText()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise PackageProblem("(zip)", str(exc)) from None
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise PackageProblem("word/document.xml", "missing")
        for name in names:
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                result.trees[name] = etree.fromstring(archive.read(name), _STRICT)
            except etree.XMLSyntaxError as exc:
                raise PackageProblem(name, str(exc)) from None
    for name in sorted(result.trees, key=_part_order):
        if name.startswith(TEXT_PART_PREFIXES) and name.endswith(".xml"):
            result.paragraphs[name] = paragraphs_of(result.trees[name])
    return result


def paragraphs_of(root: Any) -> list[str]:
    """The text of each paragraph: runs joined, tabs and line breaks kept as \\t and \\n."""
    paragraphs: list[str] = []
    current: list[str] | None = None
    for el in root.iter(W + "p", W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        tag = el.tag
        if tag == W + "p":
            if current is not None:
                paragraphs.append("".join(current))
            current = []
            continue
        if current is None:
            current = []
        if tag == W + "t":
            current.append(el.text or "")
        elif tag == W + "tab":
            if el.getparent() is not None and el.getparent().tag == W + "r":
                current.append("\t")
        elif tag in (W + "br", W + "cr"):
            current.append("\n")
        else:
            current.append("-")
    if current is not None:
        paragraphs.append("".join(current))
    return paragraphs


def docx_text(data: bytes) -> str:
    """All text of a .docx as one string (paragraphs separated by newlines)."""
    return read_package(data).text
