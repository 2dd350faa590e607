"""The CLI catalogues are complete and the compiled .mo files match their .po sources."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from commgen.foundation.i18n import LOCALE_DIR as _LOCALE

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = Path(_LOCALE)


def _catalog(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "commgen.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def _messages(data: bytes) -> dict[object, str]:
    """The translations a .mo file holds, without its header (which names the Babel version)."""
    messages = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_compiled_catalogue_is_current(lang: str) -> None:
    buffer = io.BytesIO()
    write_mo(buffer, _catalog(lang))
    compiled = (LOCALE_DIR / lang / "LC_MESSAGES" / "commgen.mo").read_bytes()
    expected = _messages(buffer.getvalue())
    assert expected  # a .mo without messages would pass any comparison
    assert _messages(compiled) == expected, "run tools/i18n.sh"


def test_every_message_has_a_dutch_translation() -> None:
    missing = [m.id for m in _catalog("nl") if m.id and (not m.string or m.fuzzy or (
        isinstance(m.string, tuple) and not all(m.string)))]
    assert missing == []


def test_every_message_in_the_code_is_in_the_template() -> None:
    from babel.messages.extract import extract_from_dir

    in_code = {msg[2] if isinstance(msg[2], str) else msg[2][0] for msg in extract_from_dir(
        str(ROOT / "commgen"), keywords={"_": None, "N_": None, "ngettext": (1, 2)})}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog("nl") if m.id}
    assert sorted(in_code - known) == [], "run tools/i18n.sh and translate the new messages"
