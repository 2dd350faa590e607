"""Hostile text in the free-text answers, end to end through ``commgen generate``.

Three kinds of case, each a real run with a guarded name (Sanne de Vries) in the answers file:
- text that must come out exactly (emoji, Arabic, XML- and Jinja-looking text, quotes,
  invisible characters in ordinary words) or, for characters a Word document cannot hold
  (control characters, lone surrogates), without them and nothing else lost; the run accepts the
  findings so that the documents are written and read back;
- the guarded name hidden with invisible characters, look-alike letters, spacing or dots: found,
  nothing written, never printed;
- text too long for an answer: refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml

from tests.hostile import (
    GUARDED,
    Case,
    Run,
    check,
    docs_text,
    generate,
    matrix_fixture,
    sample,
    with_raw,
)

PARAGRAPHS = ("situation_extra", "view_extra", "why_extra", "actions_extra")
LINES = ("evening_speakers", "desk_hours")
EVERY = PARAGRAPHS + LINES
ACCEPT = ("--accept-findings", "test van de matrix")


def answers(content: str, fields: Sequence[str]) -> str:
    changes = {field: ([content] if field == "actions_extra" else content) for field in fields}
    return yaml.safe_dump(sample(involved_pupils=["Sanne de Vries"], **changes),
                          allow_unicode=True, sort_keys=False)


def _comes_out(expected: str, absent: Sequence[str]):  # type: ignore[no-untyped-def]
    def after(run: Run) -> None:
        text = docs_text(run.folder / "uit")
        assert expected in text, f"{expected!r} is not in the documents"
        for word in absent:
            assert word not in text, f"{word!r} is in the documents"
    return after


def literal(case_id: str, content: str, expected: str | None = None,
            fields: Sequence[str] = EVERY, absent: Sequence[str] = ()) -> Case:
    """The text comes out as ``expected`` (default: exactly as typed) in the documents."""
    return Case(case_id, generate(answers(content, fields), *ACCEPT), codes=(0,),
                secrets=GUARDED, after=_comes_out(content if expected is None else expected,
                                                  absent))


def hidden(case_id: str, content: str, fields: Sequence[str] = ("view_extra",)) -> Case:
    """The guarded name, hidden: found, nothing written, never printed."""
    return Case(case_id, generate(answers(content, fields)), codes=(1,), words=("•••",),
                secrets=GUARDED)


def raw_literal(case_id: str, yaml_line: str, expected: str) -> Case:
    """As ``literal``, with the answer written as YAML (escapes YAML itself turns into
    characters a Word document cannot hold)."""
    text = with_raw(yaml_line, involved_pupils=["Sanne de Vries"])
    return Case(case_id, generate(text, *ACCEPT), codes=(0,), secrets=GUARDED,
                after=_comes_out(expected, ()))


CASES = [
    # --- comes out exactly, or without what Word cannot hold
    literal("control-c0", "Tekst\x01met\x02stuur\x1b[31mtekens\x07 einde",
            "Tekstmetstuur[31mtekens einde"),
    literal("control-backspace-del", "Wis\x08\x08 dit\x7f niet", "Wis dit niet"),
    literal("control-c1", "Een\x9b31m regel", "Een\x9b31m regel"),
    raw_literal("yaml-nul-and-form-feed", 'view_extra: "A\\0B\\fC\\vD"', "AB"),
    Case("yaml-lone-surrogate", generate(with_raw('view_extra: "voor \\ud800 na"')),
         words=("YAML", "regel")),
    raw_literal("yaml-noncharacters", 'view_extra: "x\\uFFFEy\\uFFFFz"', "xyz"),
    literal("bidi-override", "Tekst \u202edraai om\u202c en verder"),
    literal("bidi-isolates", "Een \u2066geïsoleerd\u2069 woord"),
    literal("zero-width-in-a-word", "gra\u200btis en school\u200dplein"),
    literal("soft-hyphen-in-a-word", "de school\u00adleiding en het ver\u00adhaal"),
    literal("word-joiner-and-bom", "samen\u2060werken en \ufeffbegin"),
    literal("emoji", "Wij 💛 onze leerlingen 👨‍👩‍👧 en 🏳️‍🌈 en 🇳🇱"),
    literal("arabic", "مدرسة آمنة للجميع"),
    literal("hebrew-mixed", "שלום and hello"),
    literal("cjk", "学校は安全です"),
    literal("combining-accents", "cafe\u0301 en e\u0301e\u0301n"),
    literal("math-letters", "𝐒𝐜𝐡𝐨𝐨𝐥 en 𝔤𝔬𝔱𝔥𝔦𝔠"),
    literal("private-use", "een \ue000 teken"),
    literal("xml-tags", "<w:t>x</w:t></w:r><w:r><w:t>y"),
    literal("xml-cdata", "]]> <![CDATA[x]]>"),
    literal("xml-entities", "&amp; &lt; &#x41; &nbsp; &"),
    literal("xml-doctype", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
            absent=("root:",)),
    literal("xml-declaration", '<?xml version="1.0"?><?mso-application progid="Word"?>'),
    literal("jinja-expression", "{{ 7*7 }} en {{ school_name }}", absent=("{{ 49",)),
    literal("jinja-statement", "{% for x in range(3) %}x{% endfor %}"),
    literal("jinja-comment", "voor {# weg #} na"),
    literal("jinja-escape-payload", "{{ school_logo.read_text() }} {{ ''.__class__ }}"),
    literal("jinja-raw", "{% raw %}{% endraw %}{% endraw %}"),
    literal("docxtpl-tags", "{%p if x %} {%tr for r in t %} {{r x }} {%- y -%}"),
    literal("format-strings", "%s %(x)s {0} {x!r} %n {{}} }}{{"),
    literal("quotes", "\"dubbel\" 'enkel' „laag” ‘slim’ «hoek»"),
    literal("backslashes", "C:\\Users\\anne\\n \\x1b \\u0041"),
    literal("tabs-and-spaces", "kolom\tkolom\u2003em\u2009smal"),
    literal("line-separators", "regel een\u2028regel twee", "regel twee"),
    literal("very-long-line", "x" * 9000, fields=("view_extra",)),
    literal("many-short-lines", "regel\n" * 1500, "regel", fields=("view_extra",)),
    literal("right-to-left-mark-in-phone", "bel \u200f033 460 55 10", fields=("view_extra",)),
    # --- the guarded name, hidden
    hidden("name-soft-hyphens", "Wij spraken met San\u00adne de Vr\u00adies."),
    hidden("name-zero-width-space", "Wij spraken met Sa\u200bnne."),
    hidden("name-zero-width-joiner", "Wij spraken met San\u200dne."),
    hidden("name-word-joiner", "Wij spraken met San\u2060ne."),
    hidden("name-bom-inside", "Wij spraken met San\ufeffne."),
    hidden("name-bidi-override", "Wij spraken met \u202eSanne\u202c."),
    hidden("name-cyrillic", "Wij spraken met Sаnnе."),
    hidden("name-fullwidth", "Wij spraken met Ｓａｎｎｅ."),
    hidden("name-math-bold", "Wij spraken met 𝐒𝐚𝐧𝐧𝐞."),
    hidden("name-spaced", "Wij spraken met S a n n e."),
    hidden("name-dotted", "Wij spraken met S.a.n.n.e."),
    hidden("name-hyphenated", "Wij spraken met S-a-n-n-e."),
    hidden("name-capitals", "WIJ SPRAKEN MET SANNE DE VRIES."),
    hidden("name-no-break-spaces", "Wij spraken met Sanne\u00a0de\u00a0Vries."),
    hidden("surname-soft-hyphen", "De familie de Vr\u00adies is op de hoogte."),
    hidden("name-in-a-line-answer", "Sanne en haar mentor", fields=("evening_speakers",)),
    hidden("name-in-a-list-answer", "Een gesprek met Sa\u200bnne.", fields=("actions_extra",)),
    hidden("name-in-an-address", "Mail sanne.devries@hetbaken.example."),
    Case("name-kept-by-accept-findings", generate(answers("Wij spraken met Sanne.",
                                                          ("view_extra",)), *ACCEPT),
         codes=(1,), words=("•••", "--accept-findings"), secrets=GUARDED),
    # --- too long
    Case("one-megabyte", generate(answers("Een zin over de school. " * 43000,
                                          ("view_extra",))), words=("te lang",),
         secrets=GUARDED),
    Case("long-line-answer", generate(answers("de rector " * 3000, ("evening_speakers",))),
         words=("te lang", "evening_speakers"), secrets=GUARDED),
]


results = matrix_fixture(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_hostile_text(results, case: Case) -> None:  # type: ignore[no-untyped-def]
    check(results, case)


def test_the_answers_are_what_the_matrix_says(tmp_path: Path) -> None:
    """The YAML the cases write reads back as the text they mean (no case tests less)."""
    text = answers("Tekst\x01 \u202e 💛 {{ 7*7 }}", ("view_extra",))
    assert yaml.safe_load(text)["view_extra"] == "Tekst\x01 \u202e 💛 {{ 7*7 }}"
