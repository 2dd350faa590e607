"""What may appear although it looks like personal data: the school's own details, the contact
person and the spokesperson, and the help resources.

All of it comes from data: the school profile, the answers file and
``snippets/nl/hulpbronnen.yaml``. Nothing is allowed because the code happens to know it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.questions.guard import normalise

# The school's own answers (often from its profile) and the people a document may name.
PERSON_KEYS = ("contact", "spokesperson", "signatory", "team_support")
PHONE_KEYS = ("contact_phone", "spokesperson_phone", "school_phone")
EMAIL_KEYS = ("contact_email", "spokesperson_email", "school_email")
TEXT_KEYS = ("school_name", "school_place", "school_address", "school_postcode")
WEBSITE_KEYS = ("school_website",)
PROFILE_TEXT = ("name", "address", "postcode", "place")


def phone_key(text: str) -> str | None:
    """A phone number reduced to country code and national number, for comparison."""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    return f"{number.country_code}:{number.national_number}"


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

    def add_values(self, values: Mapping[str, Any]) -> None:
        """Answers (typed or raw): the contact person, the spokesperson, the school."""
        for key in PERSON_KEYS:
            person = values.get(key)
            name = getattr(person, "name", None)
            if name is None and isinstance(person, Mapping):
                name = person.get("name") or person.get("naam")
            if name is None and isinstance(person, str):
                name = person.partition(",")[0]
            if name:
                self.add_name(str(name))
        for key in PHONE_KEYS:
            if values.get(key):
                self.add_phone(str(values[key]))
        for key in EMAIL_KEYS:
            if values.get(key):
                self.add_email(str(values[key]))
        for key in TEXT_KEYS:
            if isinstance(values.get(key), str):
                self.add_name(values[key])
        for key in WEBSITE_KEYS:
            if isinstance(values.get(key), str):
                self.add_website(values[key])
        email = values.get("school_email")
        if isinstance(email, str) and "@" in email:
            self.domains.add(domain_of(email))

    def add_profile(self, fields: Mapping[str, Any]) -> None:
        for key in PROFILE_TEXT:
            if isinstance(fields.get(key), str):
                self.add_name(fields[key])
        self.add_website(str(fields.get("website") or ""))
        self.add_phone(str(fields.get("phone") or ""))
        email = str(fields.get("email") or "")
        self.add_email(email)
        if email:
            self.domains.add(domain_of(email))
        head = fields.get("head")
        name = getattr(head, "name", None) or (head.get("name") if isinstance(head, Mapping)
                                               else None)
        if name:
            self.add_name(str(name))

    def add_resources(self, folder: Path) -> None:
        """Help resources: names, public numbers and websites (``hulpbronnen.yaml``), every
        entry, also one still to be confirmed: a helpline is never personal data."""
        from commgen.render.helpresources import load_help_resources

        for resource in load_help_resources(folder):
            self.phrases.add(resource.naam)
            self.phrases.add(re.sub(r"\s*\(.*\)$", "", resource.naam))  # "... (Rutgers)"
            self.add_phone(resource.telefoon)
            self.add_website(resource.website)
            if resource.website:
                self.phrases.add(domain_of(resource.website))
        self.phrases.discard("")

    def allows_phone(self, text: str) -> bool:
        key = phone_key(text)
        return key is not None and key in self.phones

    def allows_email(self, text: str) -> bool:
        return text.lower() in self.emails

    def allows_url(self, text: str) -> bool:
        return domain_of(text) in self.domains

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where allowed phrases occur in ``text``."""
        return phrase_spans(text, self.phrases)


def phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Word-bounded, case-insensitive occurrences of ``phrases``."""
    words = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not words:
        return []
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]
