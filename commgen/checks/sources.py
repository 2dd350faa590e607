"""The text to check, read from a .docx, a text file or standard input.

For a .docx the checked text is, in this order: the body, the headers, the footers, the
footnotes, the endnotes and the comments, each paragraph on its own line (paragraphs joined
by "\\n"; a table's cells are read row by row, cell by cell, as Word stores them). Runs that
Word split a paragraph into are joined first, so a name split over three runs is still one
word. Deleted tracked changes are not part of the text; inserted ones are.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from commgen.foundation.errors import CommgenError
from commgen.foundation.i18n import _

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
PART_ORDER = ("word/document", "word/header", "word/footer", "word/footnotes", "word/endnotes",
              "word/comments")


@dataclass
class Source:
    path: str  # as the user gave it; "-" for standard input
    text: str


def docx_text(data: bytes) -> str:
    """The checked text of a .docx (see the module docstring for the order)."""
    from commgen.docx.reader import paragraphs_of, read_package

    package = read_package(data)

    def rank(name: str) -> tuple[int, str]:
        return next((i for i, p in enumerate(PART_ORDER) if name.startswith(p)), 99), name

    parts = sorted((n for n in package.trees if n.endswith(".xml") and rank(n)[0] < 99),
                   key=rank)
    paragraphs: list[str] = []
    for name in parts:
        paragraphs.extend(paragraphs_of(package.trees[name]))
    return "\n".join(paragraphs)


def read_source(spec: str) -> Source:
    """Read one FILE argument; CommgenError (exit 2) with a clear message if it cannot be."""
    from commgen.docx.reader import PackageProblem

    if spec == "-":
        data = sys.stdin.buffer.read()
        return Source(spec, _decode(data, spec))
    path = Path(spec)
    suffix = path.suffix.lower()
    if suffix not in (".docx", *TEXT_SUFFIXES):
        raise CommgenError(_("{file}: commgen check reads .docx, .txt and .md files; save the "
                             "document as .docx or as plain text.").format(file=spec))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommgenError(_("{file}: file not found").format(file=spec)) from None
    except IsADirectoryError:
        raise CommgenError(_("{file}: this is a folder; give the file").format(file=spec)
                           ) from None
    except OSError as exc:
        raise CommgenError(f"{spec}: {exc.strerror or exc}") from None
    if suffix == ".docx":
        try:
            return Source(spec, docx_text(data))
        except PackageProblem:
            raise CommgenError(_("{file}: this is not a Word document (.docx) that can be read. "
                                 "Save it again from Word as .docx.").format(file=spec)) from None
    return Source(spec, _decode(data, spec))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommgenError(_("{file}: the file is not UTF-8 text; save it as UTF-8 in your "
                             "editor").format(file=name)) from None
