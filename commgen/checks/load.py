"""Build a Checker from what the user has: a school profile, an answers file, --guard names.

The answers file gives the contact person and the spokesperson (allowed) and the guarded
names of the pupils involved (always refused); the profile gives the school's own details.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from commgen.checks.allow import AllowedAnswers, AllowList
from commgen.checks.findings import Finding
from commgen.checks.run import Checker, make_checker
from commgen.foundation.concepts import ERROR
from commgen.foundation.errors import AnswersError, Problem
from commgen.foundation.i18n import _
from commgen.questions.guard import GuardedNames, names_key_missing
from commgen.questions.model import Question

GUARDED_QUESTION = "involved_pupils"


def guards_from_values(values: Mapping[str, Any], path: Path | None = None
                       ) -> list[GuardedNames]:
    from commgen.questions.types import InvalidAnswer, parse_names

    value = values.get(GUARDED_QUESTION)
    if not value:
        return []
    try:
        guard = parse_names(value)
    except InvalidAnswer as exc:
        raise AnswersError(_("The answers file cannot be used:"), [Problem(
            str(exc), path, None, GUARDED_QUESTION)]) from None
    if guard and not guard.available:
        raise AnswersError(_("The answers file cannot be used:"), [Problem(
            names_key_missing(), path, None, GUARDED_QUESTION)])
    return [guard]


def checker_from_files(audience: str | None = None, guard_names: Iterable[str] = (),
                       answers: Path | None = None, school: str | None = None,
                       snippets_dir: Path | None = None) -> Checker:
    """For ``commgen check``: everything optional; a draft answers file is fine."""
    allow = AllowList()
    guards: list[GuardedNames] = []
    if school:
        from commgen.answers.profiles import load_profile

        allow.add_profile(load_profile(school).fields)
    if answers is not None:
        from commgen.answers.answersfile import read_answers_file, school_profile

        raw = read_answers_file(answers)
        profile = school_profile(raw, answers)
        if profile is not None:  # the school's facts from the profile the answers name
            allow.add_profile(profile.fields)
        allow.add_values(raw)
        guards += guards_from_values(raw, answers)
        consented = str(raw.get("class_named", "")).strip().lower() in ("ja", "yes", "true")
        if audience == "parents-class" and consented and raw.get("class_name"):
            allow.phrases.add(str(raw["class_name"]).strip())  # its own letter, with consent
    names = [n.strip() for n in guard_names if n.strip()]
    if names:
        guards.append(GuardedNames.from_names(names))
    return make_checker(audience, guards, allow, snippets_dir)


def checker_from_answers(values: Mapping[str, Any], snippets_dir: Path | None = None,
                         questions: Iterable[Question] | None = None) -> Checker:
    """For generation: checked answers (typed values); ``questions``, the catalogue's, saves
    reading the catalogue again."""
    allow = AllowList()
    allow.add_values(values, AllowedAnswers.from_questions(questions) if questions else None)
    return make_checker(None, guards_from_values(values), allow, snippets_dir)


ALLOWED_PROPERTY = "commgen.allowed"  # written by render.document: the school's own details
# What a school's own letterhead and signature hold: a finding of these categories in a
# document whose school is not known gets a hint how to allow them.
OWN_DETAIL_CATEGORIES = ("address", "phone", "email", "url")
OTHER_SCHOOL_RULE = "other-school"  # detectoren.yaml: a school named, maybe the own one


def for_document(checker: Checker, properties: Mapping[str, str]) -> tuple[Checker, bool]:
    """The checker for one document: with the school's details and contacts that commgen
    recorded in the document's properties allowed; and whether there were any."""
    import json

    raw = properties.get(ALLOWED_PROPERTY)
    try:
        details = json.loads(raw) if raw else None
    except ValueError:
        details = None
    if not isinstance(details, dict) or not details:
        return checker, False
    allow = AllowList(set(checker.allow.phrases), set(checker.allow.name_tokens),
                      set(checker.allow.phones), set(checker.allow.emails),
                      set(checker.allow.domains))
    allow.add_values(details)
    return checker.with_allow(allow), True


def with_own_details_hint(findings: list[Finding], school_known: bool = False,
                          contacts_known: bool = False, text: str = "",
                          home_words: Iterable[str] = ()) -> list[Finding]:
    """For a document whose school or contacts are not known: an error that may be the
    school's own details, its contact person or spokesperson, or its own name says how to
    allow them (``--answers`` gives the contacts, ``--school`` the school's details). Not for
    an address in a line of ``text`` that says someone lives there (``home_words``, the rules'
    list ``wonen``): a pupil's street is never the school's to allow (trial-check10 F8)."""
    home = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, home_words))),
                      re.IGNORECASE) if home_words else None
    details = _("If this is your school's own detail: use --answers or --school to allow your "
                "school's details.")
    contact_detail = _("If this is the contact person's or the spokesperson's: use --answers, "
                       "or --school with a profile that names them, to allow them.")
    person = _("If this is the contact person or the spokesperson: use --answers, or --school "
               "with a profile that names them, to allow them.")
    own_school = _("If this is your own school: use --school or --answers to allow its name.")

    def hint(f: Finding) -> str | None:
        if f.severity != ERROR or f.rule == "guarded-name":
            return None
        if f.category in OWN_DETAIL_CATEGORIES:
            if f.category == "address" and home is not None and _said_of_home(f, text, home):
                return None
            if not school_known:
                return details
            return contact_detail if f.category in ("phone", "email") and not contacts_known \
                else None
        if f.category == "name" and not contacts_known:
            return person
        return own_school if f.rule == OTHER_SCHOOL_RULE and not school_known else None

    return [replace(f, message=f"{f.message} {said}") if (said := hint(f)) else f
            for f in findings]


def _said_of_home(finding: Finding, text: str, home: re.Pattern[str]) -> bool:
    """The finding's line says someone lives there ("die aan de Populierenlaan woont")."""
    from commgen.checks.findings import line_bounds

    if not text or finding.end > len(text):
        return False
    start, end = line_bounds(text, finding.start)
    return home.search(text[start:end]) is not None
