"""One module per command; each ``make()`` builds its Click command once the language is set
(help texts are translated when the command is made). The help of every command is here, so
that ``commgen --help`` lists the commands without importing them."""

from __future__ import annotations

from commgen.foundation.i18n import _

# In the order ``commgen --help`` lists them.
COMMANDS = ("check", "evaluate", "generate", "history", "names", "new", "share", "templates",
            "update", "web")


def help_text(command: str) -> str:
    """The help of a command, in the language of the command line."""
    texts = {
        "check": _("Check letters and documents for names, class names, contact details, "
                 "descriptions of the image, blame and speculation. FILE is a .docx, "
                 ".txt or .md file, or - for standard input."),
        "evaluate": _("Make the evaluation record for the ZAT meeting from the case's "
                      "history, with the protocol's questions and the aftercare dates (also "
                      "as a calendar file, .ics)."),
        "generate": _("Make the documents from an answers file (YAML)."),
        "history": _("Show the timeline of a case: every version, what changed, which "
                     "documents went to whom, who approved it."),
        "names": _("The names of the pupils involved: where their key is kept."),
        "new": _("Answer the questions of the communication statement, check them on one "
                 "screen, and make the documents. Every answer is saved at once."),
        "share": _("Write a copy of ANSWERS.yaml to share (with the board, a colleague): "
                 "no names, no unfinished text. Refused while an answer still has an "
                 "open finding of the privacy check."),
        "templates": _("For template authors: see and try the template set."),
        "update": _("Make a new version of the statement: asks only what can change, then "
                    "makes an update letter for each audience the change concerns, and the "
                    "full documents of the new version."),
        "web": _("The same interview in your browser, on this computer only: live privacy "
                 "checks, previews of the documents, and every document made at once."),
    }
    return texts[command]
