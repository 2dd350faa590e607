"""The text to check, read from a .docx, a text file or standard input.

A .docx is read by commgen's one reader (``commgen.docx.reader``), the same reader that reads
a document back after ``commgen generate`` renders it: the body, the headers, the footers, the
footnotes, the endnotes and the comments, in that order, each paragraph on its own line. Runs
that Word split a paragraph into are joined first, so a name split over three runs is still one
word. Deleted tracked changes are not part of the text; inserted ones are. A finding's offsets
in the text of a .docx therefore mean the same as in ``commgen generate``'s review, and the
reader gives the place in Word of each.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from commgen.foundation.errors import InputFileError
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from commgen.docx.reader import DocumentText

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")


@dataclass
class Source:
    path: str  # as the user gave it; "-" for standard input
    text: str
    document: DocumentText | None = None  # for a .docx: the text with the place of each paragraph
    properties: dict[str, str] = field(default_factory=dict)  # a .docx's custom properties

    @property
    def located(self) -> str | DocumentText:
        """What a report needs to say where a finding is: the document, or the plain text."""
        return self.document if self.document is not None else self.text


def read_source(spec: str) -> Source:
    """Read one FILE argument; InputFileError (exit 2) with a clear message if it cannot be."""
    from commgen.docx.reader import PackageProblem, read_document

    if spec == "-":
        data = sys.stdin.buffer.read()
        return Source(spec, _decode(data, spec))
    path = Path(spec)
    suffix = path.suffix.lower()
    if suffix not in (".docx", *TEXT_SUFFIXES):
        raise InputFileError(_("{file}: commgen check reads .docx, .txt and .md files; save the "
                             "document as .docx or as plain text.").format(file=spec))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(_("{file}: file not found").format(file=spec)) from None
    except IsADirectoryError:
        raise InputFileError(_("{file}: this is a folder; give the file").format(file=spec)
                           ) from None
    except OSError as exc:
        raise InputFileError(f"{spec}: {exc.strerror or exc}") from None
    if suffix == ".docx":
        try:
            document = read_document(data)
        except PackageProblem:
            raise InputFileError(_("{file}: this is not a Word document (.docx) that can be read. "
                                 "Save it again from Word as .docx.").format(file=spec)) from None
        from commgen.docx.props import read_custom_properties

        return Source(spec, document.text, document, read_custom_properties(data))
    return Source(spec, _decode(data, spec))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(_("{file}: the file is not UTF-8 text; save it as UTF-8 in your "
                             "editor").format(file=name)) from None
