"""The school's own fields, listed once.

Each field is a key of a school profile file (``samples/scholen/*.yaml``), the question of the
catalogue it answers (``profile: <field>`` on that question), what ``school.<field>`` gives a
template, and how the privacy check treats it: the school's name, address and website may
appear in any document, as may its phone number, e-mail address and head. A profile may also
name the case's contact person and spokesperson with their numbers and addresses (a school or
a foundation that keeps them fixed); those are allowed as the answers to their questions are.
The profile loader (``answers.profiles``), the context builder and the linter
(``contextnames.SCHOOL_QUESTIONS``) and the allow-list (``checks.allow``) all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commgen.questions.model import Question
from commgen.questions.types import TYPES


@dataclass(frozen=True)
class SchoolField:
    name: str  # the key in a profile file, and school.<name> in a template
    question: str  # the id of the catalogue question it answers
    type: str  # the question type its value has in a profile file
    required: bool = False  # a profile must give it
    in_template: bool = True  # offered to templates as school.<name>
    allow: str | None = None  # for the privacy check: "text" or "website" (others: by type)
    contact: bool = False  # the case's contact person or spokesperson, not the school's own
    # detail: allowed as that question's answer is, and its e-mail domain is not the school's

    def parse(self, value: Any, raw: str | None = None, base: Path | None = None) -> Any:
        """A value from a profile file; a file name counts from ``base``."""
        question = Question(self.question, self.type, {}, {}, "")
        return TYPES[self.type].parse(question, value, raw, base)


# In the order a profile file lists them (and the "allowed: ..." message names them).
SCHOOL_FIELDS: tuple[SchoolField, ...] = (
    SchoolField("name", "school_name", "text", required=True, allow="text"),
    SchoolField("type", "school_type", "text", required=True, in_template=False),
    SchoolField("address", "school_address", "text", allow="text"),
    SchoolField("postcode", "school_postcode", "text", allow="text"),
    SchoolField("place", "school_place", "text", required=True, allow="text"),
    SchoolField("website", "school_website", "url", allow="website"),
    SchoolField("phone", "school_phone", "phone"),
    SchoolField("email", "school_email", "email"),
    SchoolField("head", "signatory", "person"),
    SchoolField("logo", "school_logo", "image"),
    # The contact person and the spokesperson, when a school (or its foundation) keeps them
    # fixed: a profile may give them; without them the interview asks (trial12 F13).
    SchoolField("contact", "contact", "person", in_template=False, contact=True),
    SchoolField("contact_phone", "contact_phone", "phone", in_template=False, contact=True),
    SchoolField("contact_email", "contact_email", "email", in_template=False, contact=True),
    SchoolField("spokesperson", "spokesperson", "person", in_template=False, contact=True),
    SchoolField("spokesperson_phone", "spokesperson_phone", "phone", in_template=False,
                contact=True),
    SchoolField("spokesperson_email", "spokesperson_email", "email", in_template=False,
                contact=True),
)
BY_NAME = {f.name: f for f in SCHOOL_FIELDS}
