"""Every vetted sentence of updates.yaml passes commgen's own privacy check, for every
audience it is written for, filled in with the answers of each sample case (a primary school
says "groepen" and "intern begeleider", a secondary school "klassen" and "mentor"): a sentence
the check rejects would stop every update that needs it."""

from __future__ import annotations

from pathlib import Path

from jinja2 import UndefinedError

from commgen.answers.answersfile import load_answers
from commgen.checks.findings import has_errors
from commgen.checks.load import checker_from_answers
from commgen.foundation.concepts import AUDIENCES, DOCUMENT_LANGUAGE
from commgen.foundation.jinja import render_text
from commgen.foundation.textclean import clean_text
from commgen.foundation.yamlfile import load_mapping
from commgen.render.context import build_context
from commgen.render.snippets import load_snippets, sentence_sources
from commgen.render.updates import LATER, MEANING, NEW, UPDATES_FILE
from tests.conftest import write_answers

CASES = ["po-basisschool", "vo-politie"]  # the two words of a school: groep/klas, ib/mentor


def test_every_update_sentence_passes_the_privacy_check(catalog, tmp_path: Path
                                                        ) -> None:  # type: ignore[no-untyped-def]
    """Each sentence is filled in with every case that has the answers it prints (a case
    without a parents' evening cannot fill in its day), and each with at least one."""
    failed: list[str] = []
    filled: set[tuple[str, str]] = set()
    every: set[tuple[str, str]] = set()
    for case in CASES:
        folder = tmp_path / case
        folder.mkdir()
        _check_case(catalog, load_answers(write_answers(folder, base=case), catalog), failed,
                    filled, every)
    assert len(every) > 100
    assert every == filled, sorted(every - filled)
    assert not failed, "\n".join(failed)


def _check_case(catalog, answers, failed: list[str], filled: set[tuple[str, str]],
                every: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    lang = DOCUMENT_LANGUAGE
    snippets = load_snippets(catalog, lang)
    checker = checker_from_answers(answers.values, catalog.snippets_dir / lang,
                                   catalog.questions)
    data, _problems = load_mapping(catalog.snippets_dir / lang / UPDATES_FILE)
    by_audience = {}
    for doc in catalog.documents:
        by_audience.setdefault(doc.audience, doc)
    for section in (NEW, LATER, MEANING):
        for source in sentence_sources(data[section]):
            if not source.text:
                continue
            audiences = AUDIENCES if source.audience == "all" else (source.audience,)
            for audience in audiences:
                context = build_context(catalog, snippets, answers, by_audience[audience], lang)
                key = (f"{section}.{source.key}.{source.when}", audience)
                every.add(key)
                try:
                    text = clean_text(render_text(source.text, context)).strip()
                except UndefinedError:
                    continue  # this case lacks an answer the sentence prints
                filled.add(key)
                findings = checker.for_audience(audience).check(text)
                if has_errors(findings):
                    failed.append(f"{section}.{source.key} ({audience}, line {source.line}): "
                                  f"{text} -> {[f.category for f in findings]}")
