"""Tags in Word paragraphs, checked the way docxtpl will treat them.

docxtpl joins the XML of a part and runs regular expressions over it before Jinja sees it:
``{%p %}`` replaces its whole paragraph, ``{%tr %}`` its row, ``{%tc %}`` its cell, and a tag
that does not end in its paragraph swallows the XML up to its end. Those rules are checked
per paragraph here, so every problem gets a place in Word. The result also includes the Jinja
source of the part with one line per paragraph, so Jinja's line numbers name paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from commgen.docx.places import Para, WordPart, excerpt
from commgen.foundation.concepts import ERROR, WARNING
from commgen.foundation.i18n import _
from commgen.lint.problem import LintProblem

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_PREFIX = re.compile(r"^\{([{%#])(p|tr|tc|r)\s")
_OPEN = re.compile(r"\{[{%#]")
_CLOSE = re.compile(r"[}%#]\}")
_BROKEN = re.compile(r"\{\s+[{%#]|[}%#]\s+\}")
# Word's AutoCorrect quotes, Dutch low quotes included; docxtpl only repairs some of them.
CURLY_QUOTES = "“”‘’„‚"
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
# docxtpl's table tags that are not Jinja: keep their expression, drop the tag.
_DOCXTPL_CELL = re.compile(r"^\{%\s*(colspan|cellbg)\s+(.*?)\s*%\}$|^\{%\s*(vm|hm)\s*%\}$")
_BLOCKS = {"if", "for", "with", "macro", "call", "filter", "block", "autoescape", "raw", "trans"}
_MIDDLES = {"else": ("if", "for"), "elif": ("if",)}


@dataclass
class Tag:
    para: Para
    text: str  # as typed
    prefix: str  # "", "p", "tr", "tc", "r"
    jinja: str  # what Jinja sees after docxtpl's rewriting

    @property
    def name(self) -> str:
        """The statement of a ``{% %}`` tag: if, endif, for ..."""
        if not self.jinja.startswith("{%"):
            return ""
        words = self.jinja[2:-2].strip(" -+").split()
        return words[0] if words else ""

    def shown(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:57] + "...}"


@dataclass
class PartTags:
    """Tags of one part, the problems found in them, and the Jinja source with a line each."""

    tags: list[Tag] = field(default_factory=list)
    problems: list[LintProblem] = field(default_factory=list)
    unclosed: list[Tag] = field(default_factory=list)
    source: str = ""


def strip_tags(text: str) -> str:
    """The fixed text of a paragraph: what a reader sees apart from the tags."""
    return " ".join(_TAG.sub(" ", text).split())


def _jinja_form(text: str) -> tuple[str, str]:
    """The prefix and the tag as docxtpl hands it to Jinja."""
    prefix = ""
    match = _PREFIX.match(text)
    if match:
        prefix = match.group(2)
        text = "{" + match.group(1) + text[match.end():]
    text = text.translate(_STRAIGHT)
    cell = _DOCXTPL_CELL.match(text)
    if cell:
        text = "{{ " + cell.group(2) + " }}" if cell.group(2) else ""
    return prefix, text


def scan_part(part: WordPart, file: Path) -> PartTags:
    """Find the tags of every paragraph and check what docxtpl requires of them."""
    result = PartTags()
    by_para: dict[int, list[Tag]] = {}
    for para in part.paragraphs:
        tags = _scan_paragraph(para, file, result.problems)
        by_para[para.index] = tags
        result.tags.extend(tags)
    lines = {para.index: " ".join(t.jinja for t in by_para[para.index] if t.jinja)
             for para in part.paragraphs}
    for tag in result.tags:
        _check_prefix(tag, part, by_para, lines, file, result.problems)
    _check_blocks(result, file)
    result.source = "\n".join(lines[p.index] for p in part.paragraphs)
    return result


def _problem(code: str, message: str, file: Path, para: Para, severity: str = ERROR
             ) -> LintProblem:
    return LintProblem(code, message, file, para.place, severity=severity)


def _scan_paragraph(para: Para, file: Path, problems: list[LintProblem]) -> list[Tag]:
    tags = []
    pos = 0
    text = para.text
    data = []
    for match in _TAG.finditer(text):
        data.append(text[pos:match.start()])
        pos = match.end()
        prefix, jinja = _jinja_form(match.group(0))
        tag = Tag(para, match.group(0), prefix, jinja)
        tags.append(tag)
        quotes = sorted({c for c in tag.text if c in CURLY_QUOTES})
        if quotes:
            problems.append(_problem("curly-quotes", _(
                "the tag {tag} contains curly quotes ({quotes}) that Word's AutoCorrect typed; "
                "a tag needs straight quotes (\" or '). Turn AutoCorrect's smart quotes off "
                "and type the quotes again").format(tag=tag.shown(), quotes=" ".join(quotes)),
                file, para))
    data.append(text[pos:])
    rest = " … ".join(d for d in data if d)
    broken = _BROKEN.search(rest)
    opened = _OPEN.search(rest)
    closed = _CLOSE.search(rest)
    if broken:
        problems.append(_problem("broken-tag", _(
            "“{text}” looks like a tag but is not one: write {{{{ and }}}} (or {{% and %}}) "
            "without a space between the two characters").format(text=broken.group(0)), file,
            para))
    elif opened:
        problems.append(_problem("unclosed-tag", _(
            "a tag starts here (“{text}”) but does not end in this paragraph; a tag must open "
            "and close within one paragraph").format(text=excerpt(rest[opened.start():], 4)),
            file, para))
    elif closed:
        problems.append(_problem("stray-close", _(
            "“{text}” closes a tag that was never opened in this paragraph; check the start "
            "of the tag").format(text=closed.group(0)), file, para))
    return tags


def _check_prefix(tag: Tag, part: WordPart, by_para: dict[int, list[Tag]],
                  lines: dict[int, str], file: Path, problems: list[LintProblem]) -> None:
    """docxtpl replaces the paragraph, row or cell of a prefixed tag with the tag alone."""
    if not tag.prefix or tag.prefix == "r":
        return
    para = tag.para
    if tag.prefix in ("tr", "tc") and para.cell_key is None:
        problems.append(_problem("tr-outside-table", _(
            "{tag} only works inside a table cell; outside a table write {{%p ... %}} on a "
            "paragraph of its own").format(tag=tag.shown()), file, para))
        return
    if tag.prefix == "p":
        scope = [para]
        what = _("paragraph")
    elif tag.prefix == "tr":
        scope = [p for p in part.paragraphs if p.cell_key and para.cell_key
                 and p.cell_key[:2] == para.cell_key[:2]]
        what = _("table row")
    else:
        scope = [p for p in part.paragraphs if p.cell_key == para.cell_key]
        what = _("table cell")
    lost = " ".join(p.text for p in scope).replace(tag.text, "", 1).strip()
    if lost:
        problems.append(_problem("text-lost", _(
            "{tag} replaces its whole {what}, so the other text there is lost when the document "
            "is made: “{lost}”. Give the tag a {what} of its own").format(
                tag=tag.shown(), what=what, lost=excerpt(lost)), file, para))
    for other in scope:
        lines[other.index] = ""
    lines[para.index] = tag.jinja


def _check_blocks(result: PartTags, file: Path) -> None:
    """Openers and closers must pair up in the same kind of tag and the same table cell."""
    stack: list[Tag] = []
    for tag in result.tags:
        name = tag.name
        if name in _BLOCKS or (name == "set" and "=" not in tag.jinja):
            stack.append(tag)
        elif name.startswith("end") or name in _MIDDLES:
            opener_name = name[3:] if name.startswith("end") else ""
            if not stack:
                continue  # Jinja reports it with its paragraph
            opener = stack[-1]
            if opener_name and opener.name != opener_name:
                continue
            if name in _MIDDLES and opener.name not in _MIDDLES[name]:
                continue
            if opener_name:
                stack.pop()
            result.problems.extend(_pair_problems(opener, tag, file))
    result.unclosed = stack


def _pair_problems(opener: Tag, closer: Tag, file: Path) -> list[LintProblem]:
    where = opener.para.place.describe()
    if opener.prefix != closer.prefix:
        return [_problem("prefix-mismatch", _(
            "{closer} belongs to {opener} ({where}), but the two are different kinds of tag; "
            "write both as {{%{prefix} ... %}}").format(
                closer=closer.shown(), opener=opener.shown(), where=where,
                prefix=opener.prefix), file, closer.para)]
    a, b = opener.para.cell_key, closer.para.cell_key
    if opener.prefix in ("", "p") and a != b:
        return [_problem("block-crosses-cells", _(
            "{opener} is closed by {closer} in another place ({where_closer}); a block that "
            "starts in a table cell must end in the same cell, and one outside a table outside "
            "it. To repeat or hide table rows use {{%tr ... %}}").format(
                opener=opener.shown(), closer=closer.shown(),
                where_closer=closer.para.place.describe()), file, opener.para)]
    if opener.prefix == "tr" and a and b and (a[0] != b[0] or a[1] == b[1]):
        return [_problem("block-crosses-cells", _(
            "{opener} and {closer} must be in different rows of the same table").format(
                opener=opener.shown(), closer=closer.shown()), file, opener.para)]
    if opener.prefix == "tc" and a and b and (a[:2] != b[:2] or a[2] == b[2]):
        return [_problem("block-crosses-cells", _(
            "{opener} and {closer} must be in different cells of the same row").format(
                opener=opener.shown(), closer=closer.shown()), file, opener.para)]
    if opener.prefix == "" and opener.para is not closer.para and closer.name.startswith("end"):
        return [_problem("block-spans-paragraphs", _(
            "{opener} ends in another paragraph ({where_closer}); when the condition is false "
            "the paragraphs merge into one. Put {{%p if ... %}} and {{%p endif %}} on "
            "paragraphs of their own instead").format(
                opener=opener.shown(), where_closer=closer.para.place.describe()), file,
            opener.para, WARNING)]
    return []
