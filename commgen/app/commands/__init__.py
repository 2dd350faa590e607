"""One module per command; each ``make()`` builds its Click command once the language is set
(help texts are translated when the command is made). The help of every command is here, so
that ``commgen --help`` lists the commands without importing them."""

from __future__ import annotations

from commgen.foundation.i18n import _

# In the order ``commgen --help`` lists them.
COMMANDS = ("check", "generate", "names", "new", "share", "templates")


def help_text(command: str) -> str:
    """The help of a command, in the language of the command line."""
    texts = {
        "check": _("Check letters and documents for names, class names, contact details, "
                 "descriptions of the image, blame and speculation. FILE is a .docx, "
                 ".txt or .md file, or - for standard input."),
        "generate": _("Make the documents from an answers file (YAML)."),
        "names": _("The names of the pupils involved: where their key is kept."),
        "new": _("Answer the questions of the communication statement, check them on one "
                 "screen, and make the documents. Every answer is saved at once."),
        "share": _("Write a copy of ANSWERS.yaml to share (with the board, a colleague): "
                 "no names, no unfinished text. Refused while an answer still has an "
                 "open finding of the privacy check."),
        "templates": _("For template authors: see and try the template set."),
    }
    return texts[command]
