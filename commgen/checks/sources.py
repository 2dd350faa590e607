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
from commgen.foundation.files import (
    MAX_DOCX_BYTES,
    MAX_TEXT_BYTES,
    FileTooLarge,
    NotARegularFile,
    read_limited,
)
from commgen.foundation.i18n import _
from commgen.questions.types import MAX_NAMES

if TYPE_CHECKING:
    from commgen.docx.reader import DocumentText

DOCUMENT_PROPERTY = "commgen.document"  # written by render.document: which document this is
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")


@dataclass
class Source:
    path: str  # as the user gave it; "-" for standard input
    text: str
    document: DocumentText | None = None  # for a .docx: the text with the place of each paragraph
    properties: dict[str, str] = field(default_factory=dict)  # a .docx's custom properties
    # where the properties come from when not from the file itself: the .docx beside a text
    # file that commgen wrote with it (its twin to paste into a parents' portal)
    properties_from: str = ""

    @property
    def document_id(self) -> str | None:
        """The id of the document, when commgen made it (its ``commgen.document`` property)."""
        return self.properties.get(DOCUMENT_PROPERTY) or None

    @property
    def located(self) -> str | DocumentText:
        """What a report needs to say where a finding is: the document, or the plain text."""
        return self.document if self.document is not None else self.text


def read_source(spec: str) -> Source:
    """Read one FILE argument; InputFileError (exit 2) with a clear message if it cannot be."""
    from commgen.docx.reader import PackageProblem, read_document

    if spec == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            raise InputFileError(_("{file}: more than {limit} bytes of text; check a shorter "
                                   "text").format(file=_("standard input"), limit=MAX_TEXT_BYTES))
        return Source(spec, _decode(data, spec))
    path = Path(spec)
    suffix = path.suffix.lower()
    if suffix not in (".docx", *TEXT_SUFFIXES):
        raise InputFileError(_("{file}: commgen check reads .docx, .txt and .md files; save the "
                             "document as .docx or as plain text.").format(file=spec))
    try:
        data = read_limited(path, MAX_DOCX_BYTES if suffix == ".docx" else MAX_TEXT_BYTES)
    except FileTooLarge as exc:
        raise InputFileError(_("{file}: the file is too large ({size} bytes; at most {limit}); "
                               "is it the right file?").format(file=spec, size=exc.size,
                                                               limit=exc.limit)) from None
    except NotARegularFile:
        raise InputFileError(_("{file}: this is not an ordinary file (a device, pipe or "
                               "socket); give a .docx or text file").format(file=spec)) from None
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
    properties, twin = _twin_properties(path)
    return Source(spec, _decode(data, spec), properties=properties, properties_from=twin)


def _twin_properties(path: Path) -> tuple[dict[str, str], str]:
    """A text file commgen wrote beside a document of the same name (``brief.txt`` next to
    ``brief.docx``): the document's properties, so the text's own school details are known
    as the document's are. Nothing when there is no such document or commgen did not make
    it."""
    from commgen.docx.props import custom_properties_if_readable

    twin = path.with_suffix(".docx")
    try:
        properties = custom_properties_if_readable(read_limited(twin, MAX_DOCX_BYTES))
    except (OSError, FileTooLarge, NotARegularFile):  # no such document: no twin
        return {}, ""
    if not properties.get(DOCUMENT_PROPERTY):
        return {}, ""
    return properties, str(twin)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(_("{file}: the file is not UTF-8 text; save it as UTF-8 in your "
                             "editor").format(file=name)) from None


def read_guard_names(spec: str, files: tuple[str, ...] = ()) -> list[str]:
    """The names of ``--guard-file``: one per line (commas also separate), ``-`` for standard
    input (then no FILE may be ``-`` too)."""
    if spec == "-":
        if "-" in files:
            raise InputFileError(_("standard input can hold the names or the text to check, "
                                   "not both; put the names in a file"))
        text = _decode(sys.stdin.buffer.read(MAX_TEXT_BYTES), _("standard input"))
    else:
        try:
            text = _decode(read_limited(Path(spec), MAX_TEXT_BYTES), spec)
        except OSError as exc:
            raise InputFileError(_("{file}: the file with names cannot be read ({detail})"
                                   ).format(file=spec, detail=exc.strerror or type(exc).__name__)
                                 ) from None
    names = [name.strip() for line in text.splitlines() for name in line.split(",")
             if name.strip()]
    if len(names) > MAX_NAMES:  # the pupils involved, not a list of every name there is
        raise InputFileError(_("{file}: more than {limit} names; give only the pupils "
                               "involved").format(file=spec, limit=MAX_NAMES))
    return names

