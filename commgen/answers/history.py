"""The history of a case in its answers file: one entry per version of the statement.

Kept under commgen's own key ``_commgen_history`` as a list of plain values, one mapping per
version: its number, date and time, who approved it (the ``approvals`` choices and a role in
words, never a pupil's name), which answers changed (question id -> old and new value, as the
answers file stores them: guarded names stay keyed hashes), the "what is new" text, and which
documents went to which audience (document id, audience, file name, SHA-256, and for an update
letter the questions it told of). Reading it reports every problem with its file, line and key,
like the rest of the answers file: also a date or time typed by hand that is not a real one, a
version dated before the one before it, or one dated in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.foundation.errors import Problem
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict
from commgen.questions.catalog import Catalog
from commgen.questions.types import to_yaml_value

HISTORY_KEY = "_commgen_history"


@dataclass(frozen=True)
class Sent:
    """One document of a version: what it is, for whom, and the file commgen wrote."""

    document: str
    audience: str
    file: str = ""
    sha256: str = ""
    about: tuple[str, ...] = ()  # an update letter: the questions it told of

    def as_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"document": self.document, "audience": self.audience,
                                "file": self.file, "sha256": self.sha256}
        if self.about:
            data["about"] = list(self.about)
        return data


@dataclass
class Version:
    number: int
    date: str  # ISO date, "2026-11-21"
    time: str  # "10:30"
    approvals: list[str] = field(default_factory=list)  # the approvals choices
    approved_by: str = ""  # a role in words, e.g. "directeur en bestuurder"
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # id -> (old, new)
    news: str = ""
    sent: list[Sent] = field(default_factory=list)
    out: str = ""  # the output folder, relative to the answers file's folder ("docs")

    def as_yaml(self) -> dict[str, Any]:
        data = {"version": self.number, "date": self.date, "time": self.time,
                "approvals": list(self.approvals), "approved_by": self.approved_by,
                "changes": {k: {"old": old, "new": new} for k, (old, new) in
                            self.changes.items()},
                "news": self.news, "sent": [s.as_yaml() for s in self.sent]}
        if self.out:
            data["out"] = self.out
        return data

    def audiences(self) -> list[str]:
        return list(dict.fromkeys(s.audience for s in self.sent))


def history_yaml(versions: list[Version]) -> list[dict[str, Any]]:
    """The history as the answers file stores it."""
    return [v.as_yaml() for v in versions]


def read_history(data: LineDict, path: Path | None, problems: list[Problem],
                 today: dt.date | None = None) -> list[Version]:
    """The versions under ``HISTORY_KEY``; an answers file without it has none (yet)."""
    entries = data.get(HISTORY_KEY)
    if entries is None:
        return []
    where = data.source_of(HISTORY_KEY, path)
    if not isinstance(entries, list):
        problems.append(Problem(_("expected a list of versions under this key"), where,
                                data.line_of(HISTORY_KEY), HISTORY_KEY))
        return []
    versions: list[Version] = []
    for index, entry in enumerate(entries, 1):
        label = f"{HISTORY_KEY}[{index}]"
        if not isinstance(entry, LineDict):
            problems.append(Problem(_("each version is a mapping with version, date, time, "
                                      "approvals, changes, news and sent"), where,
                                    data.line_of(HISTORY_KEY), label))
            continue
        version = _one_version(entry, where, label, problems)
        if version is None:
            continue
        if version.number != len(versions) + 1:
            problems.append(Problem(_("the versions must be numbered 1, 2, 3, ... in order; "
                                      "found {number} here").format(number=version.number),
                                    where, entry.line_of("version"), f"{label}.version"))
        _check_moment(version, versions[-1] if versions else None, today or dt.date.today(),
                      (where, entry, label), problems)
        versions.append(version)
    return versions


_TIME = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")


def version_moment(version: Version) -> dt.datetime | None:
    """When a version was made, or None when its date or time is not a real one."""
    try:
        day = dt.date.fromisoformat(version.date)
    except ValueError:
        return None
    if not version.time:
        return dt.datetime.combine(day, dt.time(0, 0))
    if not _TIME.fullmatch(version.time):
        return None
    hours, minutes = version.time.split(":")
    return dt.datetime.combine(day, dt.time(int(hours), int(minutes)))


def _check_moment(version: Version, before: Version | None, today: dt.date,
                  place: tuple[Path | None, LineDict, str], problems: list[Problem]) -> None:
    """A date or time typed by hand: a real one, not before the version before it, not in the
    future."""
    where, entry, label = place
    try:
        day = dt.date.fromisoformat(version.date)
    except ValueError:
        problems.append(Problem(_("'{value}' is not a date; write it as 2026-11-21 (year, month, "
                                  "day)").format(value=version.date), where,
                                entry.line_of("date"), f"{label}.date"))
        return
    if version.time and not _TIME.fullmatch(version.time):
        if version.time.isdigit():  # YAML reads 10:30 without quotes as a number (630)
            shown = f"{int(version.time) // 60}:{int(version.time) % 60:02d}"
            message = _("{value} without quotes is read as a number, not a time; put the time "
                        "in quotes: \"{value}\"").format(value=shown)
        else:
            message = _("'{value}' is not a time; write it between quotes as \"10:30\" (hours "
                        "0-23, minutes 00-59)").format(value=version.time)
        problems.append(Problem(message, where, entry.line_of("time"), f"{label}.time"))
        return
    if day > today:
        problems.append(Problem(_("version {n} is dated {date}, which is in the future; give the "
                                  "day it was made").format(n=version.number, date=version.date),
                                where, entry.line_of("date"), f"{label}.date"))
        return
    mine, theirs = version_moment(version), version_moment(before) if before else None
    if mine is not None and theirs is not None and mine < theirs:
        problems.append(Problem(_("version {n} is dated {date} {time}, before version {m} "
                                  "({before}); the versions must follow each other in "
                                  "time").format(n=version.number, date=version.date,
                                                 time=version.time, m=before.number,
                                                 before=f"{before.date} {before.time}".strip()),
                                where, entry.line_of("date"), f"{label}.date"))


def _text(entry: LineDict, key: str, where: Path | None, label: str, problems: list[Problem],
          required: bool = False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            problems.append(Problem(_("this version needs '{key}'").format(key=key), where,
                                    entry.line, label))
        return ""
    if isinstance(value, list | dict):
        problems.append(Problem(_("expected a text"), where, entry.line_of(key),
                                f"{label}.{key}"))
        return ""
    return str(value)


def _one_version(entry: LineDict, where: Path | None, label: str, problems: list[Problem]
                 ) -> Version | None:
    before = len(problems)
    number = entry.get("version")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        problems.append(Problem(_("'version' is a whole number from 1"), where,
                                entry.line_of("version"), f"{label}.version"))
        number = 0
    date = _text(entry, "date", where, label, problems, required=True)
    time = _text(entry, "time", where, label, problems)
    approvals = entry.get("approvals") or []
    if not isinstance(approvals, list) or not all(isinstance(a, str) for a in approvals):
        problems.append(Problem(_("expected a list of choices, e.g. [board, family]"), where,
                                entry.line_of("approvals"), f"{label}.approvals"))
        approvals = []
    changes: dict[str, tuple[Any, Any]] = {}
    raw = entry.get("changes") or {}
    if not isinstance(raw, dict):
        problems.append(Problem(_("expected lines 'question: {old: ..., new: ...}'"), where,
                                entry.line_of("changes"), f"{label}.changes"))
        raw = {}
    for key, change in raw.items():
        if not isinstance(change, dict) or set(change) - {"old", "new"}:
            problems.append(Problem(_("expected lines 'question: {old: ..., new: ...}'"), where,
                                    raw.line_of(key) if isinstance(raw, LineDict) else None,
                                    f"{label}.changes.{key}"))
            continue
        changes[str(key)] = (plain(change.get("old")), plain(change.get("new")))
    sent: list[Sent] = []
    items = entry.get("sent") or []
    if not isinstance(items, list):
        items = [items]
    for number_sent, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("document") or not item.get("audience"):
            problems.append(Problem(_("each document sent needs 'document' and 'audience'"),
                                    where, entry.line_of("sent"), f"{label}.sent[{number_sent}]"))
            continue
        about = item.get("about") or []
        if not isinstance(about, list) or not all(isinstance(a, str) for a in about):
            problems.append(Problem(_("expected a list of question ids, e.g. [police, media]"),
                                    where, entry.line_of("sent"),
                                    f"{label}.sent[{number_sent}].about"))
            continue
        sent.append(Sent(str(item["document"]), str(item["audience"]),
                         str(item.get("file") or ""), str(item.get("sha256") or ""),
                         tuple(about)))
    if len(problems) > before:
        return None
    return Version(int(number), date, time, list(approvals),
                   _text(entry, "approved_by", where, label, problems),
                   changes, _text(entry, "news", where, label, problems), sent,
                   _text(entry, "out", where, label, problems))


def output_folder(versions: list[Version], answers_path: Path) -> Path | None:
    """The output folder the newest version that names one wrote to (``out``, relative to the
    answers file's folder; an absolute one is read as it is), or None."""
    for version in reversed(versions):
        if version.out:
            folder = Path(version.out)
            return folder if folder.is_absolute() else answers_path.parent / folder
    return None


def relative_folder(folder: Path, answers_path: Path) -> str:
    """``folder`` as the history stores it: relative to the answers file's folder (so a case
    folder copied or moved keeps it), with forward slashes; absolute only on another drive."""
    import os

    try:
        return Path(os.path.relpath(folder.resolve(), answers_path.parent.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path
        return folder.resolve().as_posix()


def plain(value: Any) -> Any:
    """A stored value as plain Python (the loader's mappings become dicts)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def stored_values(catalog: Catalog, values: dict[str, Any]) -> dict[str, Any]:
    """Typed answers in the form the answers file stores them (plain values)."""
    result: dict[str, Any] = {}
    for question in catalog.questions:
        value = values.get(question.id)
        result[question.id] = None if value is None else plain(to_yaml_value(question, value))
    return result


def changed(catalog: Catalog, before: dict[str, Any], after: dict[str, Any]
            ) -> dict[str, tuple[Any, Any]]:
    """The answers that differ (stored values), in catalogue order; the version's own
    fields (``changes: version`` or ``news`` in the catalogue) are not changes."""
    result: dict[str, tuple[Any, Any]] = {}
    for question in catalog.questions:
        if question.changes in ("version", "news"):
            continue
        old, new = before.get(question.id), after.get(question.id)
        if _same(old, new):
            continue
        result[question.id] = (old, new)
    return result


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, list) and isinstance(new, list):
        return sorted(map(str, old)) == sorted(map(str, new))
    empty = (None, "", [])
    if old in empty and new in empty:
        return True
    return old == new


def answers_at(versions: list[Version], current: dict[str, Any], number: int
               ) -> dict[str, Any]:
    """The stored answers of version ``number``: the current ones with the later changes
    taken back, newest first. The version's own fields (number, date, time, approved by, what
    is new) are on its ``Version``, not among these answers."""
    state = dict(current)
    for version in reversed(versions):
        if version.number <= number:
            break
        for key, (old, _new) in version.changes.items():
            state[key] = old
    return state


def added_values(old: Any, new: Any) -> list[str]:
    """What a change brought: the choices added to a list, or the new single value
    (``changed`` for a date, a time or a text)."""
    if isinstance(new, list):
        before = {str(v) for v in old} if isinstance(old, list) else set()
        return [str(v) for v in new if str(v) not in before]
    if new is None or new == "":
        return []
    return [str(new)]
