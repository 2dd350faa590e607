"""Deliberately broken templates, one per problem `commgen templates check` must find.

Each case builds a small Word document with python-docx, the way a template author would type
it, and names the code the linter must report and the place (as the Dutch output shows it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import docx
from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CHANGE = 'w:author="Jan Jansen" w:date="2026-11-01T10:00:00Z"'


def letter(*paragraphs: str):  # type: ignore[no-untyped-def]
    """A document with these paragraphs and no personal details in its properties."""
    document = docx.Document()
    document.core_properties.author = ""
    for text in paragraphs:
        document.add_paragraph(text)
    return document


def with_table(rows: list[list[str]], before: tuple[str, ...] = ("Overzicht",)):  # type: ignore[no-untyped-def]
    document = letter(*before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return document


def split_runs(*runs: tuple[str, bool]):  # type: ignore[no-untyped-def]
    """One paragraph typed in several runs with different formatting (bold or not)."""
    document = letter("Beste ouders,")
    paragraph = document.add_paragraph()
    for text, bold in runs:
        paragraph.add_run(text).bold = bold
    return document


def commented():  # type: ignore[no-untyped-def]
    document = letter("Beste ouders,")
    paragraph = document.add_paragraph("Wij informeren u over {{ school_name }}.")
    document.add_comment(paragraph.runs, text="Klopt deze zin?", author="Jan Jansen",
                         initials="JJ")
    return document


def tracked_insertion():  # type: ignore[no-untyped-def]
    document = letter("Beste ouders,", "Vaste tekst.")
    document.paragraphs[1]._p.append(parse_xml(
        f'<w:ins {W} w:id="91" {CHANGE}><w:r><w:t xml:space="preserve"> Nieuw.</w:t></w:r>'
        "</w:ins>"))
    return document


def tracked_deletion_with_tag():  # type: ignore[no-untyped-def]
    document = letter("Beste ouders,", "Vaste tekst.")
    document.paragraphs[1]._p.append(parse_xml(
        f'<w:del {W} w:id="92" {CHANGE}><w:r><w:delText>{{{{ geheim }}}}</w:delText></w:r>'
        "</w:del>"))
    return document


def personal_metadata():  # type: ignore[no-untyped-def]
    document = letter("Beste ouders,", "{{ note }}")
    document.core_properties.author = "Jan Jansen"
    document.core_properties.last_modified_by = "Jan Jansen"
    return document


def header_error():  # type: ignore[no-untyped-def]
    document = letter("Beste ouders,", "{{ note }}")
    document.sections[0].header.paragraphs[0].text = "{{ school_name } · brief"
    return document


@dataclass(frozen=True)
class Case:
    build: Callable[[], object]
    code: str
    place: str  # as the Dutch text output shows it
    words: str = ""  # words the message must contain
    extra_questions: str = ""


SENSITIVE_QUESTION = """\
  - id: involved
    section: main
    type: names
    sensitive: true
    prompt: {nl: Namen, en: Names}
"""

CASES: dict[str, Case] = {
    "unclosed-if": Case(lambda: letter("Beste ouders,", "{%p if note %}", "{{ note }}"),
                        "unclosed-block", "alinea 2 (“{%p if note %}”)", "endif"),
    "misspelt-endfor": Case(lambda: letter("{%p for zin in [note] %}", "{{ zin }}",
                                           "{%p endfro %}"),
                            "syntax", "alinea 3 (“{%p endfro %}”)", "endfor"),
    "p-space": Case(lambda: letter("{% p if note %}", "{{ note }}", "{% p endif %}"),
                    "syntax", "alinea 1 (“{% p if note %}”)", "{%p"),
    "text-beside-p-tag": Case(lambda: letter("Beste ouders, {%p if note %}", "{{ note }}",
                                             "{%p endif %}"),
                              "text-lost", "alinea 1 (“Beste ouders, {%p if note", "Beste ouders"),
    "tr-outside-table": Case(lambda: letter("{%tr for zin in [note] %}", "{{ zin }}",
                                            "{%tr endfor %}"),
                             "tr-outside-table", "alinea 1 (“{%tr for zin in [note]"),
    "text-beside-tr-tag": Case(lambda: with_table([["{%tr if note %}", "Let op"],
                                                   ["{{ note }}", ""],
                                                   ["{%tr endif %}", ""]]),
                               "text-lost", "tabel 1, rij 1, cel 1", "Let op"),
    "p-block-across-cells": Case(lambda: with_table([["{%p if note %}", "{{ note }}",
                                                      "{%p endif %}"]]),
                                 "block-crosses-cells", "tabel 1, rij 1, cel 1"),
    "prefix-mismatch": Case(lambda: letter("{%p if note %}", "{{ note }}", "{% endif %}"),
                            "prefix-mismatch", "alinea 3 (“{% endif %}”)"),
    "space-in-braces": Case(lambda: letter("Beste ouders,", "Groet, { { school_name } }"),
                            "broken-tag", "alinea 2 (“Groet, { { school_name } }”)"),
    "close-without-open": Case(lambda: letter("Beste ouders,", "Namens school_name }}"),
                               "stray-close", "alinea 2 (“Namens school_name }}”)"),
    "tag-not-closed": Case(lambda: letter("Beste ouders,", "Namens {{ school_name",
                                          "Met vriendelijke groet"),
                           "unclosed-tag", "alinea 2 (“Namens {{ school_name”)"),
    "curly-quotes": Case(lambda: letter("{% if note == “ja” %}Ja.{% endif %}"),
                         "curly-quotes", "alinea 1", "AutoCorrect"),
    "unknown-variable": Case(lambda: letter("Beste ouders,", "{{ school_nam }}"),
                             "unknown-variable", "alinea 2 (“{{ school_nam }}”)", "school_name"),
    "unknown-attribute": Case(lambda: letter("{{ doc.titel }}", "{{ school_name }}"),
                              "unknown-attribute", "alinea 1", "doc.title"),
    "sensitive-answer": Case(lambda: letter("{{ school_name }}", "{{ involved }}"),
                             "sensitive-variable", "alinea 2", extra_questions=SENSITIVE_QUESTION),
    "unknown-filter": Case(lambda: letter("{{ school_name|hoofdletters }}"),
                           "unknown-filter", "alinea 1", "hoofdletters"),
    "unknown-variable-split-runs": Case(lambda: split_runs(("Groet van {{ school", True),
                                                           ("_nam }}", False)),
                                        "unknown-variable", "alinea 2 (“Groet van {{ school_nam",
                                        "school_nam"),
    "comment": Case(commented, "comment", "alinea 2 (“Wij informeren u over", "Klopt deze zin"),
    "tracked-insertion": Case(tracked_insertion, "tracked-change", "alinea 2 (“Vaste tekst."),
    "tag-in-tracked-deletion": Case(tracked_deletion_with_tag, "tag-in-deletion",
                                    "alinea 2 (“Vaste tekst.”)", "{{ geheim }}"),
    "header": Case(header_error, "unclosed-tag", "koptekst, alinea 1"),
}
