"""Answers files: YAML that a person can read and edit, checked against the catalogue.

Top-level keys are question ids. Keys starting with ``_`` belong to commgen itself
(``_commgen``: the format version; ``_commgen_accepted``: per question the reason the user gave
for keeping an answer the privacy check found a problem in, ``_commgen_drafts``: the text
being typed when the interview was stopped, and ``_commgen_history``: the versions of the
statement, see ``answers.history``; format 2 added it, format 1 files are still read). Every
problem in the file is reported at once, with its line, so that a communications officer under
pressure fixes the file in one pass.

The answers file is meant to be shareable at any moment (with the board, a colleague): text that is
not finished or not cleared yet does not go into it. Answers with an open privacy finding and the
text typed when the interview stopped live in a private side file beside it
(``antwoorden.niet-delen.yaml`` for ``antwoorden.yaml``, readable by its owner only) until the
finding is fixed or kept with a reason. Reading an answers file reads its side file too, when there
is one, and its answers count over the main file's.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from commgen.answers.history import HISTORY_KEY as HISTORY_KEY
from commgen.answers.history import Version, plain, read_history
from commgen.answers.profiles import Profile, SchoolLink, load_profile, profile_answers, school_link
from commgen.foundation.concepts import GUARDED_MASK
from commgen.foundation.errors import AnswersError, Problem
from commgen.foundation.files import write_atomic
from commgen.foundation.i18n import _, current_language
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions.catalog import Catalog, Question, closest, text_for
from commgen.questions.conditions import parse_answer
from commgen.questions.guard import GuardedNames, names_key_missing, names_weak
from commgen.questions.types import InvalidAnswer, is_empty, to_yaml_value, type_of

FORMAT_KEY = "_commgen"
FORMAT_VERSION = 2  # 2: the history of the versions (_commgen_history)
READABLE_FORMATS = (1, 2)  # format 1 (no history) is read; it is written as format 2
ACCEPTED_KEY = "_commgen_accepted"
DRAFTS_KEY = "_commgen_drafts"
META_KEYS = {FORMAT_KEY, ACCEPTED_KEY, DRAFTS_KEY, HISTORY_KEY}
SCHOOL_KEY = "school"  # a school profile (a file, or a bundled one by name) for the school's facts
PRIVATE_PART = ".niet-delen"  # the side file's name: antwoorden.yaml -> antwoorden.niet-delen.yaml


def private_path(path: Path) -> Path:
    """The side file beside ``path`` that holds what is not to be shared yet."""
    return path.with_name(f"{path.stem}{PRIVATE_PART}{path.suffix or '.yaml'}")


@dataclass
class Answers:
    """Typed answers for the questions that apply; ``None`` for an optional one left open."""

    values: dict[str, Any]
    path: Path | None = None
    notes: list[Problem] = field(default_factory=list)  # warnings that did not stop the run
    accepted: dict[str, str] = field(default_factory=dict)  # question id -> reason kept
    history: list[Version] = field(default_factory=list)  # the versions so far (format 2)
    format: int = FORMAT_VERSION  # the format the file was written in

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def load_answers(path: Path, catalog: Catalog) -> Answers:
    """Read ``path`` and check it; raise AnswersError with every problem found."""
    return validate_answers(read_answers_file(path), catalog, path)


def read_answers_file(path: Path) -> LineDict:
    """The raw ``question: answer`` lines of an answers file and of its private side file, or
    AnswersError. ``data.sources`` names the side file for the keys that came from it. Neither
    is kept in the user cache (``cache=False``): they change on every run, and the side file
    holds what may not be shared."""
    if path.stem.endswith(PRIVATE_PART):
        main = path.with_name(path.stem[:-len(PRIVATE_PART)] + path.suffix)
        raise AnswersError(_("The answers file cannot be used:"), [Problem(_(
            "this is the private side file of {name}, with the answers not cleared yet; give "
            "{name} itself (commgen reads the two together)").format(name=main.name), path)])
    data, problems = load_mapping(path, cache=False, missing=_("file not found"), shape=_(
        "the file must consist of lines 'question: answer'"))
    side = private_path(path)
    if not problems and side != path and side.exists():
        private, problems = load_mapping(side, cache=False, shape=_(
            "the file must consist of lines 'question: answer'"))
        for key, value in private.items():
            if key == FORMAT_KEY:
                continue
            data[key] = value
            data.lines[key] = private.line_of(key) or 0
            if key in private.raw:
                data.raw[key] = private.raw[key]
            else:
                data.raw.pop(key, None)
            data.sources[key] = side
    if problems:
        raise AnswersError(_("The answers file cannot be used:"), problems)
    return data


def validate_answers(data: LineDict, catalog: Catalog, path: Path | None = None) -> Answers:
    """Check raw answers against the catalogue, in catalogue order, honouring ``when``."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    for key in data:
        if str(key) in catalog.by_id or str(key) in META_KEYS or str(key) == SCHOOL_KEY:
            continue
        # a spelling hint for the first few (thousands of unknown keys are not typos)
        close = closest(str(key), list(catalog.by_id)) if len(problems) < 20 else None
        hint = _("did you mean '{name}'?").format(name=close) if close else _(
            "remove it, or check the spelling against the question ids in catalog.yaml")
        problems.append(Problem(_("unknown question; {hint}").format(hint=hint),
                                data.source_of(key, path), data.line_of(key), str(key)))
    version = data.get(FORMAT_KEY, FORMAT_VERSION)
    if version not in READABLE_FORMATS or isinstance(version, bool):
        problems.append(Problem(_("this file is for format {found}; this commgen reads format "
                                  "{version}").format(found=version, version=FORMAT_VERSION),
                                path, data.line_of(FORMAT_KEY), FORMAT_KEY))

    values: dict[str, Any] = {}
    school = school_answers(data, catalog, path)
    for question in catalog.questions:
        if question.id in school and is_empty(data.get(question.id)):
            values[question.id] = school[question.id]  # the file's own line wins
            continue
        if not catalog.applies(question, values):
            if question.id in data and not is_empty(data[question.id]):
                notes.append(Problem(_("this answer is not used, because the question does not "
                                       "apply to the other answers"),
                                     data.source_of(question.id, path),
                                     data.line_of(question.id), question.id))
            values[question.id] = None
            continue
        values[question.id] = _one_answer(question, catalog, data, path, problems)
        if _masked(values[question.id]):
            problems.append(Problem(_("a pupil's name stood where this answer says {mask}; "
                                      "commgen took it out when it saved the answer. Write the "
                                      "sentence without the name (commgen new --resume)").format(
                                          mask=GUARDED_MASK),
                                    data.source_of(question.id, path),
                                    data.line_of(question.id), question.id))
        names = values[question.id]
        if isinstance(names, GuardedNames) and names:
            where = (data.source_of(question.id, path), data.line_of(question.id), question.id)
            if names.weak:
                notes.append(Problem(names_weak(), *where))
            elif not names.available:
                problems.append(Problem(names_key_missing(), *where))
    accepted = read_meta_mapping(data, ACCEPTED_KEY, path, problems)
    history = read_history(data, path, problems)
    if problems:
        raise AnswersError(_("The answers file cannot be used:"), problems)
    return Answers(values, path, notes, accepted, history,
                   version if version in READABLE_FORMATS else FORMAT_VERSION)


def school_profile(data: LineDict, path: Path | None) -> Profile | None:
    """The school profile the answers file names (``school: hetbaken`` or ``school:
    ../scholen/debrug.yaml``, a file counted from the answers file), or None: a foundation
    keeps one profile per school and each case's answers file points at it, instead of
    copying the school's facts (trial-check10 F12). AnswersError names the profile's problems."""
    spec = data.get(SCHOOL_KEY)
    if is_empty(spec):
        return None
    if not isinstance(spec, str):
        raise AnswersError(_("The answers file cannot be used:"), [Problem(_(
            "give the name of a school profile or its file"), data.source_of(SCHOOL_KEY, path),
            data.line_of(SCHOOL_KEY), SCHOOL_KEY)])
    return load_profile(spec.strip(), path.parent if path is not None else None)


def read_school_link(path: Path, catalog: Catalog) -> SchoolLink | None:
    """The profile an answers file names, to be written back when commgen saves it again."""
    data = read_answers_file(path)
    spec = data.get(SCHOOL_KEY)
    if is_empty(spec) or school_profile(data, path) is None:
        return None
    return school_link(str(spec).strip(), path.parent, catalog)


def school_answers(data: LineDict, catalog: Catalog, path: Path | None) -> dict[str, Any]:
    """The answers the named school profile gives (none without ``school:``)."""
    profile = school_profile(data, path)
    return {} if profile is None else profile_answers(profile, catalog)


def _masked(value: Any) -> bool:
    """Free text in which commgen replaced a guarded name by the mask before saving it."""
    if isinstance(value, list):
        return any(isinstance(v, str) and GUARDED_MASK in v for v in value)
    return isinstance(value, str) and GUARDED_MASK in value


def read_meta_mapping(data: LineDict, key: str, path: Path | None, problems: list[Problem]
                      ) -> dict[str, str]:
    """A ``question id: text`` mapping under one of commgen's own keys."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        problems.append(Problem(_("expected lines 'question: text' under this key"),
                                data.source_of(key, path), data.line_of(key), key))
        return {}
    return {str(k): v for k, v in value.items()}


def _one_answer(question: Question, catalog: Catalog, data: LineDict, path: Path | None,
                problems: list[Problem]) -> Any:
    line = data.line_of(question.id) if question.id in data else None
    path = data.source_of(question.id, path)
    value = data.get(question.id)
    if not is_empty(value):
        try:  # a relative file name counts from the answers file
            parsed = parse_answer(question, value, data.raw.get(question.id),
                                  base=path.parent if path else Path.cwd())
        except InvalidAnswer as exc:
            problems.append(Problem(str(exc), path, line, question.id))
            return None
        if not is_empty(parsed):
            return parsed
    default = default_value(question, catalog)
    if default is not None:
        return default
    if question.required:
        problems.append(Problem(_("an answer is required ({prompt})").format(
            prompt=text_for(question.prompt, current_language())), path, line, question.id))
    return None


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a readable ``|`` block instead of a quoted string with escapes."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_answers(catalog: Catalog, answered: dict[str, Any], header: list[str],
                 meta: dict[str, Any] | None = None, school: str | None = None) -> str:
    """An answers file a person can read: the question as a comment above each answer.

    ``answered`` maps question ids to typed values; a key with ``None`` was asked and left
    empty, and is written as an empty answer so that a resumed interview does not ask again.
    ``school``: the school profile the file names (its ``school:`` line).
    """
    lang = current_language()
    lines = [f"# {line}" if line else "#" for line in header]
    lines += [f"{FORMAT_KEY}: {FORMAT_VERSION}"]
    if school:
        lines.append(yaml.dump({SCHOOL_KEY: school}, Dumper=_Dumper, allow_unicode=True,
                               width=100).rstrip("\n"))
    for key, mapping in (meta or {}).items():
        if mapping:  # a mapping (accepted, drafts) or a list (the history)
            mapping = list(mapping) if isinstance(mapping, list) else dict(mapping)
            lines.append(yaml.dump({key: mapping}, Dumper=_Dumper, allow_unicode=True,
                                   sort_keys=False, default_flow_style=False,
                                   width=100).rstrip("\n"))
    lines.append("")
    section = None
    for question in catalog.questions:
        if question.id not in answered:
            continue
        if question.section != section:
            section = question.section
            title = next((text_for(s.title, lang) for s in catalog.sections if s.id == section),
                         section)
            lines += ["", f"# --- {title}"]
        lines.append(f"# {text_for(question.prompt, lang)}")
        value = answered[question.id]
        if value is None:
            lines.append(f"{question.id}:")
            continue
        dumped = yaml.dump({question.id: to_yaml_value(question, value)}, Dumper=_Dumper,
                           allow_unicode=True, sort_keys=False, default_flow_style=False,
                           width=100)
        lines.append(dumped.rstrip("\n"))
    return "\n".join(lines) + "\n"


def save_answers(path: Path, catalog: Catalog, answered: dict[str, Any], header: list[str],
                 meta: dict[str, Any] | None = None,
                 private: Collection[str] = (), school: SchoolLink | None = None) -> None:
    """Write an answers file atomically, readable by its owner only (it is a draft of a
    confidential statement). ``meta``: commgen's own mappings (``ACCEPTED_KEY``, ...); the
    history (``HISTORY_KEY``) the file holds is kept when ``meta`` does not give it.

    The answers named in ``private`` (an open privacy finding) and the text typed so far
    (``DRAFTS_KEY``) go to the private side file instead, so that the answers file itself can be
    shared at any moment; the side file is written first, so that an interruption between the two
    writes loses nothing, and removed once nothing is left for it. ``school``: the profile the
    file names; its line is written and the profile's own answers are left out.
    """
    meta = dict(meta or {})
    if school is not None:
        answered = school.own_answers(answered)
    if HISTORY_KEY not in meta:
        meta[HISTORY_KEY] = _stored_history(path)
    drafts = meta.pop(DRAFTS_KEY, None) or {}
    held = {k: v for k, v in answered.items() if k in private}
    shared = {k: v for k, v in answered.items() if k not in held}
    side = private_path(path)
    if held or drafts:
        side_header = [_("NOT TO SHARE. Answers of {name} that are not finished or not cleared "
                         "yet: text with a privacy problem that is not fixed or kept with a "
                         "reason, and text typed when the interview stopped.").format(
                             name=path.name),
                       _("commgen reads this file together with {name}; once every problem is "
                         "fixed or kept, the answers move there and this file is removed.").format(
                             name=path.name)]
        write_atomic(side, dump_answers(catalog, held, side_header, {DRAFTS_KEY: drafts}).encode(
            "utf-8"), private=True)
        header = [*header, _("Answers still to be cleared are kept apart, readable only by you, "
                             "in {name}: do not share that file.").format(name=side.name)]
    write_atomic(path, dump_answers(catalog, shared, header, meta,
                                    school.spec_for(path) if school else None).encode("utf-8"),
                 private=True)
    if not held and not drafts and side != path:
        try:
            side.unlink(missing_ok=True)
        except OSError:  # an old side file would count over the new answers: empty it instead
            write_atomic(side, dump_answers(catalog, {}, []).encode("utf-8"), private=True)


def _stored_history(path: Path) -> list[Any]:
    """The history an answers file holds now, as stored (an interview that saves the file
    keeps it); none when the file cannot be read."""
    if not path.is_file():
        return []
    data, problems = load_mapping(path)
    history = data.get(HISTORY_KEY) if not problems else None
    return plain(history) if isinstance(history, list) else []  # plain lists and dicts


def default_value(question: Question, catalog: Catalog) -> Any:
    """The catalogue's default, typed; ``today`` is the day of generation for dates."""
    return type_of(question).default_value(question)
