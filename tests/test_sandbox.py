"""Templates, snippets and conditions are data: they cannot read, write or reach anything
outside the values they are given, and a runaway one stops within its limit.

Each payload below is a known way out of a Jinja sandbox (attribute walks to ``__globals__``,
``__subclasses__``, ``__builtins__``, path methods on a file answer, ``attr()`` and ``map``,
``format`` strings, ``self`` and ``namespace``, include/import). Each is rendered from a Word
template, from a vetted sentence and from a ``when`` condition, with the real context of a
sample (its logo is an image answer). Each must fail with a clear template error, and nothing
may be read or written: a sentinel file next to the logo is never touched.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx as python_docx
import pytest

from commgen.answers.answersfile import load_answers
from commgen.docx.props import DocProperties
from commgen.foundation.errors import TemplateProblem
from commgen.foundation.jinja import EXPRESSION_ERRORS, compile_expression, render_text
from commgen.questions.catalog import load_catalog
from commgen.render.context import build_context, check_plain
from commgen.render.docxrender import render_document
from commgen.render.snippets import load_snippets
from tests.conftest import SAMPLES, TEMPLATES, run_cli, write_answers

SECRET = "geheime-inhoud-4711"

ESCAPES = [
    "school_logo.joinpath('SENTINEL').read_text()",
    "school_logo.read_bytes()",
    "school_logo.write_text('x')",
    "school_logo.parent.iterdir()|list",
    "school.logo.path.read_text()",
    "school.logo.path",
    "''.__class__.__mro__[1].__subclasses__()",
    "().__class__.__base__.__subclasses__()",
    "range.__globals__",
    "dict.__base__.__subclasses__()",
    "namespace.__init__.__globals__",
    "self.__init__.__globals__",
    "self._TemplateReference__context",
    "lipsum.__globals__['os'].popen('id').read()",
    "cycler.__init__.__globals__.os",
    "joiner.__init__.__globals__",
    "''|attr('__class__')",
    "school_logo|attr('read_text')",
    "[school_logo]|map(attribute='parent')|list",
    "'{0.__class__}'.format(1)",
    "'{0}'.format(school_logo)",
    "'%s'|format(school_logo)",
    "doc.items.__self__",
    "hulp.__class__",
    "today.__class__.__mro__",
    "phrase.__class__.__subclasses__()",
    "label.get.__self__.__class__",
    "school.head.__class__",
]


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    work = tmp_path_factory.mktemp("sandbox")
    shutil.copy(SAMPLES / "scholen" / "hetbaken-logo.png", work / "logo.png")
    (work / "SENTINEL").write_text(SECRET, encoding="utf-8")
    catalog = load_catalog(TEMPLATES)
    answers_path = write_answers(work, {"school_logo": str(work / "logo.png")})
    answers = load_answers(answers_path, catalog)
    snippets = load_snippets(catalog, "nl")
    doc = catalog.document("brief-ouders-klas")
    built = build_context(catalog, snippets, answers, doc, "nl", dt.datetime(2026, 11, 21, 10))
    built["_work"] = work
    return built


def _sentinel_untouched(context: dict) -> None:  # type: ignore[type-arg]
    work: Path = context["_work"]
    assert (work / "SENTINEL").read_text(encoding="utf-8") == SECRET
    assert sorted(p.name for p in work.iterdir()) == ["SENTINEL", "antwoorden.yaml", "logo.png"]


def _template(tmp_path: Path, text: str) -> Path:
    document = python_docx.Document()
    document.add_paragraph(text)
    path = tmp_path / "kwaad.docx"
    document.save(path)
    return path


def _props() -> DocProperties:
    return DocProperties("t", "s", "school", "nl-NL", "id", "1", dt.datetime(2026, 11, 21, 10))


def _values(context: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in context.items() if not k.startswith("_")}


def test_the_context_holds_plain_values_only(context) -> None:  # type: ignore[no-untyped-def]
    check_plain(_values(context))
    with pytest.raises(RuntimeError):
        check_plain({"school_logo": Path("/etc/passwd")})


@pytest.mark.parametrize("payload", ESCAPES)
def test_an_escape_from_a_template_fails_clearly(tmp_path: Path, context, payload: str) -> None:  # type: ignore[no-untyped-def]
    template = _template(tmp_path, "Begin {{ " + payload.replace("SENTINEL", str(
        context["_work"] / "SENTINEL")) + " }} eind")
    with pytest.raises(TemplateProblem) as info:
        render_document(template, _values(context), _props())
    assert "kwaad.docx" in info.value.message
    assert SECRET not in info.value.message and "root:" not in info.value.message
    _sentinel_untouched(context)


@pytest.mark.parametrize("payload", ESCAPES)
def test_an_escape_from_a_snippet_or_condition_fails(context, payload: str) -> None:  # type: ignore[no-untyped-def]
    payload = payload.replace("SENTINEL", str(context["_work"] / "SENTINEL"))
    with pytest.raises(EXPRESSION_ERRORS):
        render_text("Zin {{ " + payload + " }}.", _values(context))
    with pytest.raises(EXPRESSION_ERRORS):  # a condition is used as a truth value
        bool(compile_expression(payload)(**_values(context)))
    _sentinel_untouched(context)


@pytest.mark.parametrize("tag", ["{% include 'SENTINEL' %}", "{% import 'SENTINEL' as x %}",
                                 "{% extends 'SENTINEL' %}", "{% from 'SENTINEL' import y %}"])
def test_nothing_can_be_included(tmp_path: Path, context, tag: str) -> None:  # type: ignore[no-untyped-def]
    tag = tag.replace("SENTINEL", str(context["_work"] / "SENTINEL"))
    with pytest.raises(TemplateProblem) as info:
        render_document(_template(tmp_path, "Begin " + tag + " eind"), _values(context),
                        _props())
    assert "include" in info.value.message
    assert SECRET not in info.value.message


RUNAWAYS = [
    "{{ 'x' * 10**9 }}",
    "{{ [1] * 10**8 }}",
    "{{ 2 ** (10**9) }}",
    "{{ 9 ** 999999 }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{% set n = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}{% set n.s = n.s + n.s %}"
    "{% endfor %}{{ n.s }}",
    "{% set n = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}{% set n.s = n.s ~ n.s %}"
    "{% endfor %}{{ n.s }}",
    "{% set n = namespace(s='xx') %}{% for i in range(40) %}{% set n.s = n.s|replace('x', 'xx') %}"
    "{% endfor %}{{ n.s }}",
    "{% set n = namespace(s=[1]) %}{% for i in range(40) %}{% set n.s = n.s + n.s %}"
    "{% endfor %}{{ n.s|length }}",
    "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "{% for c in 'x' * 150000 %}{% for d in 'y' * 150000 %}{% endfor %}{% endfor %}",
]


@pytest.mark.parametrize("source", RUNAWAYS)
def test_a_runaway_template_stops_within_its_limit(tmp_path: Path, context, source: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TemplateProblem) as info:
        render_document(_template(tmp_path, source), _values(context), _props())
    assert "kwaad.docx" in info.value.message


@pytest.mark.parametrize("source", [s for s in RUNAWAYS if "macro" not in s])
def test_a_runaway_sentence_or_condition_stops(context, source: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EXPRESSION_ERRORS):
        render_text(source, _values(context))


def test_templates_may_still_read_what_they_are_given(tmp_path: Path, context) -> None:  # type: ignore[no-untyped-def]
    """The allow-list keeps what real templates use: mapping keys, date forms, loops,
    namespace counters, a few str methods and commgen's filters."""
    source = ("{{ school.name }}|{{ school.head.name }}|{{ today.weekday }}|{{ doc.title|upper }}"
              "|{% for h in hulp %}{{ loop.index }}{% endfor %}"
              "|{% set ns = namespace(n=0) %}{% for x in range(3) %}{% set ns.n = ns.n + 1 %}"
              "{% endfor %}{{ ns.n }}|{{ 'a b'.split()|join('-') }}|{{ ['x', 'y']|opsomming }}"
              "|{{ school.head.get('role') }}|{{ (label.items()|list)[0][0] }}")
    assert render_text(source, _values(context)).startswith(
        context["school"]["name"] + "|" + context["school"]["head"]["name"] + "|")
    rendered = render_document(_template(tmp_path, source), _values(context), _props())
    assert "|3|a-b|x en y|" in rendered.text


def test_a_bad_template_in_a_set_is_a_message_not_a_crash(tmp_path: Path, capsys,
                                                          template_copy: Path) -> None:
    """End to end: a template set whose letter reads the logo's file stops with exit 2."""
    path = template_copy / "nl" / "persverklaring.docx"
    document = python_docx.Document(str(path))
    document.add_paragraph("{{ school_logo.read_text() }}")
    document.save(str(path))
    code, out, err = run_cli(capsys, "generate", str(SAMPLES / "vo-politie.yaml"),
                             "--templates", str(template_copy), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "persverklaring.docx" in err and "Traceback" not in err + out
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
