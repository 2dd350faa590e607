"""What the catalogue is made of: documents, sections, questions and their choices.

Plain data, read by ``catalog.load_catalog``. The question types (``types``) and the
conditions (``conditions``) work on these, so neither needs the catalogue itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commgen.foundation.concepts import CATALOG_LANGUAGES, DOCUMENT_LANGUAGE


@dataclass(frozen=True)
class Choice:
    value: str
    label: dict[str, str]
    when: str | None = None  # offered only when this holds (e.g. a victim action: pupil_visible)


@dataclass(frozen=True)
class Section:
    id: str
    title: dict[str, str]


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: dict[str, str]
    help: dict[str, str]
    section: str
    choices: tuple[Choice, ...] = ()
    choices_name: str | None = None
    default: Any = None
    required: bool = False
    when: str | None = None
    sensitive: bool = False
    validator: str | None = None
    profile: str | None = None  # the school-profile field that answers this question
    # The documents (ids) or audiences a free-text answer may be printed in; empty: all.
    feeds: tuple[str, ...] = ()
    past: bool = False  # a date that has happened: not after today; "maandag" is the last one
    # A date still to come when a new version is made (the next update): ``commgen update``
    # does not keep one that lies before the new version's day.
    future: bool = False
    # ``commgen update``: "yes" (asked again, its change told), "version" (set by the update
    # itself: version, date, time), "news" (asked afresh each version); None: not asked again.
    changes: str | None = None
    line: int | None = None
    source: Path | None = None  # the catalogue file, for messages about its conditions


@dataclass(frozen=True)
class Document:
    id: str
    title: dict[str, str]
    subject: dict[str, str]
    audience: str
    version: str
    filename: dict[str, str]
    templates: dict[str, Path]
    when: str | None = None
    plain_text: bool = False  # also write a .txt with the same wording, for school apps
    # Made by another command than ``commgen generate``: "update" (an update letter),
    # "history" (the timeline), "evaluate" (the evaluation record); None: the full set.
    made_by: str | None = None
    line: int | None = None
    source: Path | None = None


def localized(value: Any) -> dict[str, str]:
    """``{nl: ..., en: ...}`` or one text for every language."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if v is not None}
    if value is None:
        return {}
    return {lang: str(value) for lang in CATALOG_LANGUAGES}


def text_for(value: dict[str, str], lang: str) -> str:
    return value.get(lang) or value.get(DOCUMENT_LANGUAGE) or next(iter(value.values()), "")
