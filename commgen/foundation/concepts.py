"""The words every layer shares, each defined here once.

Audiences name who reads a document (the catalogue's ``audience``, the check's ``--audience``,
the severity table); severities weigh a finding or a template problem; the document language
is the language of the vetted texts; the date markers are the words a catalogue default or an
answer may use for "the day (or time) of the run".
"""

from __future__ import annotations

# Who reads a document: the crisis team, parents of the pupil's class, parents of other
# classes, the press (and the public website), and the school's staff.
AUDIENCES = ("internal", "parents-class", "parents-other", "press", "teachers")

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

# The language of the templates, vetted sentences and check rules that commgen ships.
DOCUMENT_LANGUAGE = "nl"

# Shown instead of a guarded (pupil's) name: in reports, and in place of a name that commgen
# removed from an answer before saving it. It never belongs in a document.
GUARDED_MASK = "•••"
# Languages the catalogue gives prompts, help and labels in.
CATALOG_LANGUAGES = ("nl", "en")

# A catalogue default for a date or time question that means "when the run happens".
TODAY_WORDS = frozenset({"today", "vandaag"})
NOW_WORDS = frozenset({"now", "nu"})
# Relative days an answer may give for a date, in days from today.
RELATIVE_DAYS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "gisteren": -1,
                 "yesterday": -1, "overmorgen": 2, "eergisteren": -2}
