"""The names a template sees next to the answers: one list for the context builder and the linter.

``build_context`` refuses to add a name that is not declared here, the catalogue refuses a
question id that is, and ``commgen templates check`` accepts exactly these, so the three cannot
drift apart. An attribute set of ``None`` means the attributes depend on the catalogue or the
snippets (``phrase.<question>``) or are not fixed (a list, a date).
"""

from __future__ import annotations

from typing import Any

from commgen.foundation.jinja import GLOBALS
from commgen.questions.school import SCHOOL_FIELDS

# doc.<field>: facts about the document being made.
DOC_FIELDS = frozenset({"id", "title", "version", "audience", "lang"})
# school.<field>: the school's own answers (often from its profile), field -> question id.
SCHOOL_QUESTIONS = {f.name: f.question for f in SCHOOL_FIELDS if f.in_template}
SCHOOL_FIELDS = frozenset(SCHOOL_QUESTIONS)
# today.<form>: the forms a date offers (see formatting.DateText).
DATE_FORMS = frozenset({"long", "weekday", "short", "iso"})

CONTEXT_NAMES: dict[str, frozenset[str] | None] = {
    "label": None,      # label.<choice question>: the label of the chosen value(s)
    "phrase": None,     # phrase.<choice question>: the vetted sentence(s) for the audience
    "term": None,       # term.<word>: primary/secondary wording from terms.yaml
    "doc": DOC_FIELDS,
    "today": DATE_FORMS,
    "now": frozenset(),  # a time, "10:30"
    "school": SCHOOL_FIELDS,  # from the school profile (documents issue)
    "hulp": None,       # help resources: a list of {naam, wat, telefoon, website}
    # commgen update: what is new since the previous version, and what it means (update letters)
    "update": frozenset({"version", "nummer", "rangwoord", "volgende", "previous", "previous_date",
                         "previous_time",
                         "nieuw", "betekenis", "ontvangers", "niet"}),
    # commgen history / evaluate: the versions, and the evaluation and aftercare (as data)
    "history": frozenset({"versions", "incident", "gesprekken", "nazorg", "vragen"}),
}

# Jinja's own names that every template may use.
JINJA_NAMES = frozenset({"loop", "true", "false", "none", "True", "False", "None"}) | GLOBALS


def check_declared(extras: dict[str, Any]) -> None:
    """Stop a programming slip: the context builder adds only declared names and fields."""
    undeclared = sorted(set(extras) - set(CONTEXT_NAMES))
    for name, value in extras.items():
        fields = CONTEXT_NAMES.get(name)
        if fields is not None and isinstance(value, dict):
            undeclared += [f"{name}.{key}" for key in sorted(set(value) - fields)]
    if undeclared:
        raise RuntimeError(f"context names not declared in questions.contextnames: {undeclared}")
