"""Make user text safe for Word XML without losing any of it.

Word and e-mail clients paste ``\\r\\n``, ``\\r`` and vertical tabs (Word's manual line break);
web pages and PDFs paste the Unicode line and paragraph separators (U+2028, U+2029) and the
old next-line character (U+0085); XML 1.0 cannot carry most other control characters at all.
Line ends become ``\\n`` (a line break in the document; a paragraph separator becomes a blank
line, so a new paragraph), tabs stay tabs, non-breaking spaces become ordinary spaces, spaces at
the end of a line go, and characters XML cannot hold are removed: those are invisible, so no
readable text is lost. ``clean_field`` goes further for answers that are not prose (an e-mail
address, a phone number, a web address): Word's smart quotes around or in them are taken off.
"""

from __future__ import annotations

import re

# Characters that XML 1.0 forbids, or that docxtpl gives a meaning of its own (\a paragraph,
# \f page break), plus lone surrogates that cannot be encoded. \t and \n are kept.
_FORBIDDEN = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_LINE_ENDS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\u0085": "\n", "\u2028": "\n",
              "\u2029": "\n\n"}
_LINE_END = re.compile("|".join(map(re.escape, _LINE_ENDS)))
_SPACES = re.compile("[\u00a0\u2007\u202f]")  # non-breaking spaces of all widths
_TRAILING = re.compile(r"[ \t]+(?=\n)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


def clean_text(value: str) -> str:
    """Normalise line ends and spaces, drop XML-illegal characters; no visible one is lost."""
    value = _LINE_END.sub(lambda m: _LINE_ENDS[m.group()], value)
    value = _TRAILING.sub("", _SPACES.sub(" ", value))
    return _FORBIDDEN.sub("", value)


def clean_field(value: str) -> str:
    """A one-line answer that is not prose: cleaned, trimmed, without quotes around it, and
    with Word's smart quotes in it made plain."""
    value = clean_text(value).translate(_QUOTES).strip()
    while len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def split_paragraphs(value: str) -> list[str]:
    """Split text on blank lines into paragraphs; single line breaks stay inside a paragraph."""
    value = clean_text(value).strip()
    if not value:
        return []
    return [p.strip("\n") for p in _BLANK_LINES.split(value) if p.strip()]


# Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour and
# cursor sequences) and the bidirectional overrides that can make text read backwards; and the
# lone surrogates that stand for bytes of a file name that are not UTF-8 (no terminal can
# print them).
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                                "\ud800-\udfff]")


def for_terminal(text: str) -> str:
    """Text from a file, shown on the terminal: controls written out as ``\\x1b``, so an
    answers file or a checked letter cannot move the cursor, recolour or hide the output."""
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                                  else f"\\u{ord(m.group()):04x}", text)
