"""Phone numbers in documents as Dutch letters write them, in the house style that
snippets/nl/telefoonnummers.yaml holds (phonenumbers parses and validates them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.app.generate import generate
from commgen.docx.reader import docx_text
from commgen.foundation.errors import CatalogError
from commgen.foundation.formatting import format_phone
from commgen.questions.catalog import load_catalog
from commgen.render.snippets import load_snippets
from tests.conftest import TEMPLATES, write_answers
from tests.goldentext import NOW

NUMBERS = {"contact_phone": "0387601234", "spokesperson_phone": "+31612345678",
           "school_phone": "020-1234567"}


def _texts(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
            if w.path.suffix == ".docx"}


def test_documents_write_numbers_in_the_dutch_grouping(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {**NUMBERS, "phones_public": True})
    texts = _texts(generate(path, tmp_path / "out", TEMPLATES, now=NOW))
    statement, letter = texts["communicatiestatement"], texts["brief-ouders-klas"]
    assert "via 038 760 12 34 of zorg@" in statement
    assert "via 06 12 34 56 78" in statement
    assert "020 123 45 67" in letter  # the letterhead: the school's general number
    assert "06 12 34 56 78" in texts["persverklaring"]
    # help resources from hulpbronnen.yaml: service numbers in two groups of four at most
    assert "0800 0432" in letter or "0800 0432" in texts["handreiking-team"]
    for text in texts.values():
        for old in ("038 760 1234", "06 12345678", "020 123 4567", "0387601234"):
            assert old not in text


def test_the_house_style_is_data(tmp_path: Path, template_copy: Path) -> None:
    style = template_copy.parent / "snippets" / "nl" / "telefoonnummers.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace('scheiding: " "',
                                                               'scheiding: "-"'),
                     encoding="utf-8")
    path = write_answers(tmp_path, {**NUMBERS, "phones_public": True})
    texts = _texts(generate(path, tmp_path / "out", template_copy, now=NOW))
    assert "via 038-760 12 34 of" in texts["communicatiestatement"]
    assert "06-12 34 56 78" in texts["communicatiestatement"]


def test_a_broken_house_style_is_named_with_file_line_and_key(template_copy: Path) -> None:
    style = template_copy.parent / "snippets" / "nl" / "telefoonnummers.yaml"
    text = style.read_text(encoding="utf-8")
    style.write_text(text.replace("7: [3, 2, 2]", "7: [3, 3, 2]", 1), encoding="utf-8")
    line = text[:text.index("7: [3, 2, 2]")].count("\n") + 1
    with pytest.raises(CatalogError) as raised:
        load_snippets(load_catalog(template_copy), "nl")
    message = str(raised.value)
    assert "telefoonnummers.yaml" in message and f"regel {line}" in message
    assert "groepen.vast.7" in message and "optellen" in message


@pytest.mark.parametrize(("typed", "written"), [
    ("038 760 1234", "038 760 12 34"), ("020 1234567", "020 123 45 67"),
    ("0612345678", "06 12 34 56 78"), ("0800-0432", "0800 0432"), ("09008844", "0900 8844"),
    ("0111 456789", "0111 45 67 89"), ("088 123 4567", "088 123 45 67"),
    ("0800 1234567", "0800 123 4567"), ("112", "112"), ("+32 2 512 34 56", "+32 2 512 34 56"),
    ("geen nummer", "geen nummer")])
def test_the_bundled_style_groups_each_kind_of_number(catalog, typed: str, written: str) -> None:  # type: ignore[no-untyped-def]
    style = load_snippets(catalog, "nl").phones
    assert style.format(typed) == written
    assert format_phone(typed) == (written if typed in ("112", "+32 2 512 34 56", "geen nummer")
                                   else format_phone(typed))  # no style: national form
