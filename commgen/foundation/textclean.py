"""Make user text safe for Word XML without losing any of it.

Word and e-mail clients paste ``\\r\\n``, ``\\r`` and vertical tabs (Word's manual line break);
XML 1.0 cannot carry most other control characters at all. Line ends become ``\\n`` (a line
break in the document), tabs stay tabs, and characters XML cannot hold are removed: those are
invisible, so no readable text is lost.
"""

from __future__ import annotations

import re

# Characters that XML 1.0 forbids, or that docxtpl gives a meaning of its own (\a paragraph,
# \f page break), plus lone surrogates that cannot be encoded. \t and \n are kept.
_FORBIDDEN = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def clean_text(value: str) -> str:
    """Normalise line ends, turn Word's vertical tab into a line break, drop XML-illegal chars."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _FORBIDDEN.sub("", value)


def split_paragraphs(value: str) -> list[str]:
    """Split text on blank lines into paragraphs; single line breaks stay inside a paragraph."""
    value = clean_text(value).strip()
    if not value:
        return []
    return [p.strip("\n") for p in _BLANK_LINES.split(value) if p.strip()]


# Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour and
# cursor sequences) and the bidirectional overrides that can make text read backwards.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """Text from a file, shown on the terminal: controls written out as ``\\x1b``, so an
    answers file or a checked letter cannot move the cursor, recolour or hide the output."""
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                                  else f"\\u{ord(m.group()):04x}", text)
