"""School profiles: the fixed facts of one school, kept in a YAML file per school.

A profile answers the questions whose catalogue entry names a profile field
(``profile: name``), so ``commgen new --school PROFILE`` does not ask them again.
``--school`` takes a file path or the name of a bundled profile (``samples/scholen``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.foundation.errors import AnswersError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.resources import bundled
from commgen.foundation.yamlfile import load_mapping
from commgen.questions.conditions import parse_answer
from commgen.questions.school import BY_NAME, SCHOOL_FIELDS
from commgen.questions.types import InvalidAnswer, is_empty

PROFILE_FOLDER = "scholen"
REQUIRED = tuple(f.name for f in SCHOOL_FIELDS if f.required)


@dataclass
class Profile:
    path: Path
    fields: dict[str, Any]

    def get(self, key: str) -> Any:
        return self.fields.get(key)


def find_profile(spec: str, base: Path | None = None) -> Path:
    """A path as given (a relative one counted from ``base``, when given), or a bundled
    profile by name."""
    path = Path(spec).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    try:
        given = path.suffix.lower() in (".yaml", ".yml") or path.exists()
    except OSError:  # a name longer than the system allows: reading it will say so
        given = True
    if given:
        return path
    return bundled("samples") / PROFILE_FOLDER / f"{spec}.yaml"


def is_bundled(spec: str, base: Path | None = None) -> bool:
    """``spec`` names a bundled profile (``hetbaken``), not a file of the user's."""
    return find_profile(spec, base) == bundled("samples") / PROFILE_FOLDER / f"{spec}.yaml"


def bundled_profiles() -> list[str]:
    folder = bundled("samples") / PROFILE_FOLDER
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def load_profile(spec: str, base: Path | None = None) -> Profile:
    path = find_profile(spec, base)
    heading = _("The school profile cannot be used:")
    data, problems = load_mapping(path, missing=_(
        "file not found; give a profile file or one of: {known}").format(
            known=", ".join(bundled_profiles())))
    if problems:
        raise AnswersError(heading, problems)
    fields: dict[str, Any] = {}
    for key, value in data.items():
        line = data.line_of(key)
        if key not in BY_NAME:
            problems.append(Problem(_("unknown key; allowed: {allowed}").format(
                allowed=", ".join(BY_NAME)), path, line, str(key)))
            continue
        try:  # a file (the logo) counts from the profile's folder
            fields[key] = BY_NAME[key].parse(value, data.raw.get(key), base=path.parent)
        except InvalidAnswer as exc:
            problems.append(Problem(str(exc), path, line, str(key)))
    for key in REQUIRED:
        if not fields.get(key):
            problems.append(Problem(_("an answer is required ({prompt})").format(prompt=key),
                                    path, None, key))
    if problems:
        raise AnswersError(heading, problems)
    return Profile(path, fields)


def profile_answers(profile: Profile, catalog: Any) -> dict[str, Any]:
    """The answers a profile gives, for the questions that name a profile field."""
    answers: dict[str, Any] = {}
    problems: list[Problem] = []
    for question in catalog.questions:
        if question.profile and profile.get(question.profile) is not None:
            try:
                answers[question.id] = parse_answer(question, profile.get(question.profile))
            except InvalidAnswer as exc:
                problems.append(Problem(str(exc), profile.path, None, question.profile))
    if problems:
        raise AnswersError(_("The school profile cannot be used:"), problems)
    return answers


@dataclass(frozen=True)
class SchoolLink:
    """The school profile a case's answers point at, kept when commgen saves them again.

    A foundation keeps one profile per school and each answers file says ``school: NAME`` (or a
    file); an interview that resumes, or starts with ``--school``, writes that line back and
    leaves the profile's own answers out, so that a later change to the profile still counts
    for the case (instead of a copy of the school's facts frozen in the answers file).
    """

    spec: str  # as the user gave it: a bundled profile's name, or a file
    base: Path | None  # the folder a relative file counts from (None: the working folder)
    values: dict[str, Any] = field(default_factory=dict)  # the profile's answers

    def spec_for(self, path: Path) -> str:
        """The ``school:`` line for the answers file at ``path``: a name as it is; a file
        counted from that file's folder (absolute where no relative path leads to it, as
        across Windows drives)."""
        if is_bundled(self.spec, self.base):
            return self.spec
        target = find_profile(self.spec, self.base).resolve()
        try:
            return Path(os.path.relpath(target, path.resolve().parent)).as_posix()
        except ValueError:
            return str(target)

    def own_answers(self, answered: dict[str, Any]) -> dict[str, Any]:
        """The answers the file must hold itself: all but those the profile gives as they are
        (an empty answer to a profile question means the profile's, as reading takes it)."""
        return {key: value for key, value in answered.items()
                if key not in self.values
                or not (is_empty(value) or value == self.values[key])}


def school_link(spec: str, base: Path | None, catalog: Any) -> SchoolLink:
    """The link to a profile, with its answers; AnswersError names the profile's problems."""
    return SchoolLink(spec, base, profile_answers(load_profile(spec, base), catalog))
