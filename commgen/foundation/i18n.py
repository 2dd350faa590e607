"""The CLI's language: gettext catalogues compiled from Babel-managed .po files.

Message ids are English; Dutch is the default language. The choice order is ``--lang``, then
``COMMGEN_LANG``, then the system locale (when it is Dutch or English), then Dutch.
"""

from __future__ import annotations

import gettext
import os

# A plain string: pathlib is not needed to start the CLI (``commgen --help`` stays quick).
LOCALE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")
DOMAIN = "commgen"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "tr": None}


def _system_language() -> str | None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else None
    import locale

    try:  # Windows and macOS set no environment variable; ask the C library.
        code = (locale.getlocale()[0] or "")[:2].lower()
    except (ValueError, TypeError):
        return None
    return code if code in LANGUAGES else None


def choose_language(requested: str | None = None) -> str:
    """Pick the CLI language from the flag, the environment or the system."""
    for candidate in (requested, os.environ.get("COMMGEN_LANG")):
        if candidate:
            code = candidate.strip()[:2].lower()
            if code in LANGUAGES:
                return code
    return _system_language() or DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """Load the catalogue for ``lang``; English needs none but has one for completeness."""
    _state["lang"] = lang
    _state["tr"] = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
    )


def current_language() -> str:
    return str(_state["lang"])


def _translation() -> gettext.NullTranslations:
    if _state["tr"] is None:
        set_language(str(_state["lang"]))
    return _state["tr"]  # type: ignore[return-value]


def _(message: str) -> str:
    """Translate a message id into the current language."""
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation().ngettext(singular, plural, n)
