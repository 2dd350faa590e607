"""``commgen templates check``: every problem in a template set, before a school meets it.

Order of work: the catalogue (without it nothing else can be judged), the snippets per
language, each Word template (file hygiene, tags, Jinja syntax, names), the Jinja in the vetted
sentences, questions nobody uses, and finally the fixed text through the privacy checks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from jinja2 import TemplateSyntaxError

from commgen.docx.places import WordPart, excerpt
from commgen.docx.reader import PackageProblem
from commgen.foundation.concepts import DOCUMENT_LANGUAGE, ERROR, WARNING
from commgen.foundation.errors import CatalogError
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import load_mapping
from commgen.lint.hygiene import hygiene_problems
from commgen.lint.jinjacheck import Names, Usage, check_names, parse, record_usage, syntax_message
from commgen.lint.privacy import StaticText, privacy_problems
from commgen.lint.problem import LintProblem, from_problem
from commgen.lint.tags import scan_part, strip_tags
from commgen.lint.wordparts import read_parts
from commgen.questions.catalog import Catalog, Document, load_catalog
from commgen.render.snippets import PHRASES_FILE, Snippets, load_snippets, sentence_sources

_UNEXPECTED_END = "Unexpected end of template"


def check_template_set(folder: Path) -> list[LintProblem]:
    """All problems of the template set in ``folder``, errors and warnings."""
    try:
        catalog = load_catalog(folder)
    except CatalogError as exc:
        return [from_problem(p, "catalog") for p in exc.problems]
    problems: list[LintProblem] = []
    names_by_lang: dict[str, Names] = {}
    for lang in sorted({lang for doc in catalog.documents for lang in doc.templates}):
        try:
            snippets: Snippets | None = load_snippets(catalog, lang)
        except CatalogError as exc:
            problems += [from_problem(p, "snippets") for p in exc.problems]
            snippets = None
        names_by_lang[lang] = Names(catalog, snippets)
    usage = Usage()
    texts: list[StaticText] = []
    for document in catalog.documents:
        for lang, path in document.templates.items():
            problems += check_template(path, document, replace(names_by_lang[lang],
                                                               document=document), usage, texts)
    for names in names_by_lang.values():
        if names.snippets is not None:
            problems += _check_phrases(names, catalog, usage, texts)
    problems += _unused_questions(catalog, next(iter(names_by_lang.values()), None), usage)
    return problems + privacy_problems(texts, catalog.snippets_dir / DOCUMENT_LANGUAGE)


def check_template(path: Path, document: Document, names: Names, usage: Usage,
                   texts: list[StaticText]) -> list[LintProblem]:
    """One Word template: the file, its tags, its Jinja, the names it uses."""
    try:
        parts, package = read_parts(path)
    except (PackageProblem, OSError) as exc:
        usage.complete = False
        detail = exc.part if isinstance(exc, PackageProblem) else type(exc).__name__
        return [LintProblem("unreadable", _(
            "this is not a Word document (.docx) that can be read ({detail}); save it again "
            "from Word as .docx").format(detail=detail), path)]
    problems = hygiene_problems(path, parts, package.trees)
    before = len(problems)
    for part in parts:
        problems += _check_part(path, part, names, usage)
        for para in part.paragraphs:
            fixed = strip_tags(para.text)
            if fixed:
                texts.append(StaticText(fixed, document.audience, path, para.place))
    if not any(p.severity == ERROR for p in problems[before:]):
        problems += _as_docxtpl_sees_it(path)
    return problems


def _check_part(path: Path, part: WordPart, names: Names, usage: Usage) -> list[LintProblem]:
    scanned = scan_part(part, path)
    problems = list(scanned.problems)
    try:
        ast = parse(scanned.source)
    except TemplateSyntaxError as exc:
        usage.complete = False
        if (exc.message or "").startswith(_UNEXPECTED_END) and scanned.unclosed:
            for tag in scanned.unclosed:
                problems.append(LintProblem("unclosed-block", _(
                    "{tag} is never closed; add {{%{prefix} end{name} %}} where the part it "
                    "governs ends").format(tag=tag.shown(), prefix=tag.prefix, name=tag.name),
                    path, tag.para.place))
        else:
            line = min(max(exc.lineno or 1, 1), len(part.paragraphs))
            place = part.paragraphs[line - 1].place if part.paragraphs else None
            problems.append(LintProblem("syntax", syntax_message(exc), path, place))
        return problems
    for finding in check_names(ast, names, usage):
        para = part.paragraphs[min(finding.lineno, len(part.paragraphs)) - 1]
        problems.append(LintProblem(finding.code, finding.message, path, para.place))
    return problems


def _as_docxtpl_sees_it(path: Path) -> list[LintProblem]:
    """The last word: parse exactly what rendering parses, in case a rule above missed it."""
    from commgen.render.templateinfo import part_sources

    for source in part_sources(path):
        try:
            parse(source)
        except TemplateSyntaxError as exc:
            lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", source).splitlines()
            near = re.sub(r"<[^>]+>", "", lines[min(exc.lineno, len(lines)) - 1]
                          if exc.lineno and lines else "")
            return [LintProblem("syntax", syntax_message(exc) + _(" Near: “{text}”.").format(
                text=excerpt(near, 12)), path)]
    return []


def _check_phrases(names: Names, catalog: Catalog, usage: Usage, texts: list[StaticText]
                   ) -> list[LintProblem]:
    """The vetted sentences: Jinja syntax and names, with the line in phrases.yaml."""
    assert names.snippets is not None
    path = names.snippets.folder / PHRASES_FILE
    data, _problems = load_mapping(path)
    audiences = sorted({doc.audience for doc in catalog.documents})
    problems: list[LintProblem] = []
    for source in sentence_sources(data):
        if source.when:
            record_usage(f"{{{{ ({source.when}) }}}}", names, usage)
        if not source.text:
            continue
        for aud in audiences if source.audience == "all" else [source.audience]:
            texts.append(StaticText(strip_tags(source.text), aud, path, line=source.line,
                                    key=source.key))
        problems += _check_sentence(source.text, names, usage, path, source.line, source.key)
    return problems


def _check_sentence(text: str, names: Names, usage: Usage, path: Path, line: int | None,
                    key: str) -> list[LintProblem]:
    try:
        ast = parse(text)
    except TemplateSyntaxError as exc:
        usage.complete = False
        return [LintProblem("syntax", syntax_message(exc), path, line=line, key=key)]
    return [LintProblem(f.code, f.message, path, line=line, key=key)
            for f in check_names(ast, names, usage)]


def _unused_questions(catalog: Catalog, names: Names | None, usage: Usage) -> list[LintProblem]:
    """Questions whose answer nothing reads: asked for nothing, or a typo in a template."""
    if names is None or not usage.complete:
        return []  # after a syntax error the usage is not known
    for source in [catalog.author] + [f"{{{{ ({when}) }}}}" for when in
                                      [q.when for q in catalog.questions] +
                                      [d.when for d in catalog.documents] if when]:
        record_usage(source, names, usage)
    terms_question = names.snippets.terms_question if names.snippets else None
    if usage.uses_term and terms_question:
        usage.questions.add(terms_question)
    return [LintProblem("unused-question", _(
        "no template, sentence or condition uses the answer to this question; remove the "
        "question or use it"), catalog.path, line=q.line, key=q.id, severity=WARNING)
        for q in catalog.questions if not q.sensitive and q.id not in usage.questions]
