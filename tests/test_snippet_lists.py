"""Named lists of sentences in phrases.yaml (``lists``): read with their conditions, and their
mistakes named with file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.foundation.errors import CatalogError
from commgen.questions.catalog import load_catalog
from commgen.render.snippets import load_snippets


def _broken(template_copy: Path, old: str, new: str) -> tuple[str, int]:
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    text = phrases.read_text(encoding="utf-8")
    assert old in text
    phrases.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_snippets(load_catalog(template_copy), "nl")
    return str(raised.value), text[:text.index(old)].count("\n") + 1


def test_a_list_named_like_a_sentence_is_refused(template_copy: Path) -> None:
    message, line = _broken(template_copy, "  crisis_tasks:\n", "  view:\n")
    assert "phrases.yaml" in message and f"regel {line}" in message and "'lists.view'" in message
    assert "geef de lijst een andere naam" in message


def test_a_list_that_is_no_list_is_refused(template_copy: Path) -> None:
    message, line = _broken(
        template_copy, "  crisis_tasks:\n    - when:",
        "  crisis_tasks: Stem af met de politie.\n  oud:\n    - when:")
    assert f"regel {line}" in message and "'lists.crisis_tasks'" in message
    assert "geef een lijst van zinnen" in message


def test_a_list_items_condition_is_checked(template_copy: Path) -> None:
    message, _line = _broken(template_copy, "when: \"'report_family' in police\"",
                             "when: \"'report_family' in politie\"")
    assert "'lists.crisis_tasks.1'" in message and "politie" in message
