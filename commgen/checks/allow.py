"""What may appear although it looks like personal data: the school's own details, the contact
person and the spokesperson, and the help resources.

All of it comes from data: the school profile, the answers file and
``snippets/nl/hulpbronnen.yaml``. Nothing is allowed because the code happens to know it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from commgen.questions.guard import normalise
from commgen.questions.model import Question
from commgen.questions.school import SCHOOL_FIELDS


@dataclass(frozen=True)
class AllowedAnswers:
    """Which answers hold what a document may show although it looks like personal data.

    The people, phone numbers and e-mail addresses are the catalogue's non-sensitive
    questions of type person, phone and email (the contact, the spokesperson, the school's
    head); the school's name, address and website come from its fields (``questions.school``).
    """

    people: tuple[str, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    texts: tuple[str, ...]
    websites: tuple[str, ...]
    domains: tuple[str, ...]  # e-mail answers whose domain is the school's own

    @classmethod
    def from_questions(cls, questions: Iterable[Question]) -> AllowedAnswers:
        public = [q for q in questions if not q.sensitive]

        def of_type(kind: str) -> tuple[str, ...]:
            return tuple(q.id for q in public if q.type == kind)

        def school(allow: str) -> tuple[str, ...]:
            return tuple(f.question for f in SCHOOL_FIELDS if f.allow == allow)

        return cls(of_type("person"), of_type("phone"), of_type("email"), school("text"),
                   school("website"),
                   tuple(f.question for f in SCHOOL_FIELDS if f.type == "email"
                         and not f.contact))


@lru_cache(maxsize=4)
def _catalog_answers(folder: Path) -> AllowedAnswers:
    from commgen.questions.catalog import load_catalog

    return AllowedAnswers.from_questions(load_catalog(folder).questions)


def default_answers() -> AllowedAnswers:
    """For the catalogue in use (``COMMGEN_TEMPLATES`` or the bundled set)."""
    from commgen.foundation.resources import templates_dir

    return _catalog_answers(templates_dir().resolve())


def phone_key(text: str) -> str | None:
    """A phone number reduced to country code and national number, for comparison."""
    from commgen.foundation.cache import remembered

    def compute() -> str | None:
        import phonenumbers

        try:
            number = phonenumbers.parse(text, "NL")
        except phonenumbers.NumberParseException:
            return None
        return f"{number.country_code}:{number.national_number}"

    key = remembered("phonenumbers", "phone-key", [text], compute)
    return key if isinstance(key, str) else None


def domain_of(text: str) -> str:
    """``https://www.School.nl/ouders`` and ``info@school.nl`` -> ``school.nl``."""
    text = text.strip().lower().rpartition("@")[2]
    text = re.sub(r"^[a-z]+://", "", text).split("/", 1)[0]
    return text.removeprefix("www.")


@dataclass
class AllowList:
    phrases: set[str] = field(default_factory=set)  # literal text, matched without case
    name_tokens: set[str] = field(default_factory=set)  # normalised parts of allowed names
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)

    def add_name(self, name: str) -> None:
        name = name.strip()
        if name:
            self.phrases.add(name)
            self.name_tokens.update(normalise(name).split())
            street = re.fullmatch(r"(.*[^\W\d_].*?)\s+\d{1,4}\s*[a-zA-Z]?(?:\s*-\s*\d{1,3})?", name)
            if street:  # the school's street, also without its number ("aan de Lingewal")
                self.phrases.add(street.group(1))

    def add_phone(self, text: str) -> None:
        key = phone_key(text) if text else None
        if key:
            self.phones.add(key)

    def add_email(self, text: str) -> None:
        if text and "@" in text:
            self.emails.add(text.strip().lower())

    def add_website(self, text: str) -> None:
        if text and text.strip():
            self.domains.add(domain_of(text))

    def add_values(self, values: Mapping[str, Any], answers: AllowedAnswers | None = None
                   ) -> None:
        """Answers (typed or raw): the contact person, the spokesperson, the school."""
        answers = answers or default_answers()
        for key in answers.people:
            self._add_person(values.get(key))
        for key in answers.phones:
            if values.get(key):
                self.add_phone(str(values[key]))
        for key in answers.emails:
            if values.get(key):
                self.add_email(str(values[key]))
        for key in answers.texts:
            if isinstance(values.get(key), str):
                self.add_name(values[key])
        for key in answers.websites:
            if isinstance(values.get(key), str):
                self.add_website(values[key])
        for key in answers.domains:
            email = values.get(key)
            if isinstance(email, str) and "@" in email:
                self.domains.add(domain_of(email))

    def _add_person(self, person: Any) -> None:
        name = getattr(person, "name", None)
        if name is None and isinstance(person, Mapping):
            name = person.get("name") or person.get("naam")
        if name is None and isinstance(person, str):
            name = person.partition(",")[0]
        if name:
            self.add_name(str(name))

    def add_profile(self, fields: Mapping[str, Any]) -> None:
        """A school profile's fields (``questions.school``)."""
        for school in SCHOOL_FIELDS:
            value = fields.get(school.name)
            if school.allow == "text" and isinstance(value, str):
                self.add_name(value)
            elif school.allow == "website":
                self.add_website(str(value or ""))
            elif school.type == "phone":
                self.add_phone(str(value or ""))
            elif school.type == "email":
                self.add_email(str(value or ""))
                if value and not school.contact:  # a contact's own address: not a domain
                    self.domains.add(domain_of(str(value)))
            elif school.type == "person" and value:
                self._add_person(value)

    def add_resources(self, folder: Path) -> None:
        """Help resources: names, public numbers and websites (``hulpbronnen.yaml``), every
        entry, also one still to be confirmed: a helpline is never personal data."""
        from commgen.render.helpresources import load_help_resources

        for resource in load_help_resources(folder):
            self.phrases.add(resource.naam)
            self.phrases.add(re.sub(r"\s*\(.*\)$", "", resource.naam))  # "... (Rutgers)"
            self.add_phone(resource.telefoon)
            for website in (resource.website, *resource.andere_websites):
                if website:
                    self.add_website(website)
                    self.phrases.add(domain_of(website))
        self.phrases.discard("")

    def allows_phone(self, text: str) -> bool:
        key = phone_key(text)
        return key is not None and key in self.phones

    def allows_email(self, text: str) -> bool:
        return text.lower() in self.emails

    def allows_url(self, text: str) -> bool:
        return domain_of(text) in self.domains

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where allowed phrases and allowed e-mail addresses occur in ``text``: the part of
        the contact person's address before the @ ("m.jacobs") is no one else's name."""
        return phrase_spans(text, self.phrases | self.emails)


def phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Word-bounded, case-insensitive occurrences of ``phrases``."""
    pattern = _phrase_pattern(frozenset(phrases))
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


@lru_cache(maxsize=32)
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
    """The pattern of a set of phrases, built once (a check of a short answer spent half its
    time escaping and joining the same phrases again)."""
    words = sorted({p for p in phrases if p.strip()}, key=lambda w: (-len(w), w))
    if not words:
        return None
    body = "|".join(_phrase_body(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)


PATTERN_MARK = "~"  # an allowed phrase that starts with it is a pattern: "~woorden als ‘[^’]+’"


def _phrase_body(phrase: str) -> str:
    """A phrase as a pattern: literal, or (after ``PATTERN_MARK``) a regular expression, for
    what is allowed by its form (a quoted example of words not to use, a research figure)."""
    if phrase.startswith(PATTERN_MARK):
        try:
            re.compile(phrase[1:])
        except re.error:
            return re.escape(phrase[1:])
        return f"(?:{phrase[1:]})"
    return re.escape(phrase).replace(r"\ ", r"[\s\-]+")  # "Jantje-van-Leiden" too
