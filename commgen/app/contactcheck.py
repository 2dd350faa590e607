"""Warnings on the contact person's e-mail address and phone number (trial cli9, finding 4).

Both go into every letter to parents. A private mail service (the list in
``snippets/<lang>/contactgegevens.yaml``, data the foundation maintains) or a mobile number
is not wrong in itself (some schools hand out a work mobile), so this only warns: at the
question and on the review screen. Plain functions, called with one line from the interview.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import load_mapping

CONTACT_FILE = "contactgegevens.yaml"
PRIVATE_KEY = "prive_maildiensten"
CONTACT_EMAIL = "contact_email"
CONTACT_PHONE = "contact_phone"


def private_mail_services(snippets_dir: Path, lang: str = DOCUMENT_LANGUAGE) -> frozenset[str]:
    """The mail services that are not the school's (lower case); none without the file."""
    data, problems = load_mapping(snippets_dir / lang / CONTACT_FILE)
    services = data.get(PRIVATE_KEY) if not problems else None
    if not isinstance(services, list):
        return frozenset()
    return frozenset(str(s).strip().lower().lstrip("@") for s in services if str(s).strip())


def _domain(address: object) -> str:
    text = str(address or "").strip().lower()
    return text.rpartition("@")[2] if "@" in text else ""


def school_domain(values: Mapping[str, Any]) -> str:
    """The school's own mail domain: from its e-mail address, else its website."""
    domain = _domain(values.get("school_email"))
    if domain:
        return domain
    site = str(values.get("school_website") or "").strip().lower()
    site = site.split("://", 1)[-1].split("/", 1)[0]
    return site.removeprefix("www.")


def email_warning(address: object, values: Mapping[str, Any],
                  services: frozenset[str]) -> str | None:
    domain = _domain(address)
    if not domain or domain not in services:
        return None
    own = school_domain(values)
    where = _(" ({domain})").format(domain=own) if own and own not in services else ""
    return _("This is not an address of the school{where}: {domain} is a private mail "
             "service, and parents would then write to a private address. It goes into every "
             "letter to parents; use an address of the school.").format(where=where,
                                                                       domain=domain)


def phone_warning(number: object) -> str | None:
    import phonenumbers

    from commgen.foundation.formatting import phone_kind

    text = str(number or "").strip()
    if not text:
        return None
    try:
        parsed = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed) or phone_kind(parsed) != "mobiel":
        return None
    return _("This is a mobile number. It goes into every letter to parents; use the school's "
             "number if you can (a work mobile of the school is fine).")


def contact_warnings(snippets_dir: Path, values: Mapping[str, Any],
                     only: str | None = None) -> list[tuple[str, str]]:
    """(question id, warning) for the contact person's e-mail address and phone number;
    ``only``: one question's warnings."""
    found: list[tuple[str, str]] = []
    if only in (None, CONTACT_EMAIL):
        message = email_warning(values.get(CONTACT_EMAIL), values,
                                private_mail_services(snippets_dir))
        if message:
            found.append((CONTACT_EMAIL, message))
    if only in (None, CONTACT_PHONE):
        message = phone_warning(values.get(CONTACT_PHONE))
        if message:
            found.append((CONTACT_PHONE, message))
    return found


def show_contact_warnings(snippets_dir: Path, values: Mapping[str, Any],
                          only: str | None = None) -> None:
    """Print the warnings (the interview's one-line hook)."""
    import click

    for _qid, message in contact_warnings(snippets_dir, values, only):
        click.secho(_("Warning: {message}").format(message=message), fg="yellow", err=True)
