"""The text to check, read from a .docx, a text file or standard input.

A .docx is read by commgen's one reader (``commgen.docx.reader``), the same reader that reads
a document back after ``commgen generate`` renders it: the body, the headers, the footers, the
footnotes, the endnotes and the comments, in that order, each paragraph on its own line. Runs
that Word split a paragraph into are joined first, so a name split over three runs is still one
word. Inserted tracked changes are part of the text. A finding's offsets in the text of a .docx
therefore mean the same as in ``commgen generate``'s review, and the reader gives the place in
Word of each.

What the file holds besides comes after that text, each a paragraph of its own: the text of
deleted tracked changes (anyone who opens the file with the changes shown reads it) and the
author and last editor in its properties, checked for the names that may never appear
(``hidden_findings``). A document that still has tracked changes or comments gets a warning:
they travel with the file to every parent it is sent to (trial12 F2).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from commgen.checks.findings import GUARDED_RULE, Finding, masked
from commgen.foundation.concepts import GUARDED_MASK, WARNING
from commgen.foundation.errors import InputFileError
from commgen.foundation.files import (
    MAX_DOCX_BYTES,
    MAX_TEXT_BYTES,
    FileTooLarge,
    NotARegularFile,
    read_limited,
)
from commgen.foundation.i18n import _, ngettext
from commgen.questions.types import MAX_NAMES

if TYPE_CHECKING:
    from commgen.docx.reader import DocumentText

REVISIONS_RULE = "tracked-changes"  # the warning on tracked changes and comments left in
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
    visible_end: int | None = None  # a .docx: where the text a reader does not see begins
    revisions: int = 0  # a .docx: its tracked changes
    comments: int = 0  # a .docx: its comments

    def hidden_findings(self, findings: list[Finding]) -> list[Finding]:
        """``findings`` with what the file holds unseen judged as such: in the file's
        properties only a name that may never appear counts (the author is usually the
        school leader), and a warning when tracked changes or comments are still there."""
        if self.document is None or self.visible_end is None:
            return findings
        people = next((p.start for p in self.document.paragraphs
                       if p.place.part == "properties"), len(self.text) + 1)
        kept = [f for f in findings  # how deleted text reads (its register) does not count
                if (f.start < people or f.rule == GUARDED_RULE)
                and not (f.start >= self.visible_end and f.category == "consistency")]
        if not (self.revisions or self.comments):
            return kept
        first = next((p for p in self.document.paragraphs
                      if p.place.hidden == "deleted" or p.place.part == "comments"),
                     self.document.paragraphs[0] if self.document.paragraphs else None)
        start, end = (first.start, first.end) if first is not None else (0, 0)
        held = [ngettext("{n} tracked change", "{n} tracked changes",
                         self.revisions).format(n=self.revisions)] if self.revisions else []
        if self.comments:
            held.append(ngettext("{n} comment", "{n} comments",
                                 self.comments).format(n=self.comments))
        message = _("This document still holds {what}: whoever receives the file can read "
                    "them (deleted text is checked as well). Accept or reject every change "
                    "and delete the comments in Word (Review) before you send it.").format(
            what=_(" and ").join(held))
        warning = Finding("revisions", WARNING, start, end, self.text[start:end], message,
                          rule=REVISIONS_RULE)
        guarded = [(f.start, f.end) for f in kept if f.rule == GUARDED_RULE]
        return [masked(warning, self.text, guarded, GUARDED_MASK), *kept]

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
    from commgen.docx.reader import PackageProblem, read_all_text

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
            whole = read_all_text(data)
        except PackageProblem:
            raise InputFileError(_("{file}: this is not a Word document (.docx) that can be read. "
                                 "Save it again from Word as .docx.").format(file=spec)) from None
        from commgen.docx.props import read_custom_properties

        return Source(spec, whole.document.text, whole.document, read_custom_properties(data),
                      visible_end=whole.visible_end, revisions=whole.revisions,
                      comments=whole.comments)
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

