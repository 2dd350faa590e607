"""Asking one question at the terminal, per question type, with Click's prompts.

An invalid answer is explained and asked again; choices are numbered; free text can be typed
line by line (a plain terminal needs no editor), pasted whole (``terminal.read_entry``), or
written in an editor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from commgen.foundation.i18n import _, current_language, ngettext
from commgen.questions.catalog import Catalog, Question, text_for
from commgen.questions.conditions import parse_answer, parse_typed
from commgen.questions.types import (
    InvalidAnswer,
    Person,
    display,
    parse_paragraphs,
    parse_text,
    picked_number,
    refuse_pick,
    type_of,
)

EDITOR_WORD = "!e"
CONTEXT = 40  # characters shown on each side of a marked passage


class StoppedTyping(click.exceptions.Abort):
    """Ctrl-C or the end of input while an answer was being typed; ``text``: what was typed
    of it so far (kept as a draft of that answer)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def marked(text: str, start: int, end: int, shown: str | None = None) -> str:
    """The passage in its context on one line, marked »like this« (``shown`` instead of the
    passage itself, for a guarded name, which is never printed)."""
    before = text[max(0, start - CONTEXT):start].replace("\n", " ")
    after = text[end:end + CONTEXT].replace("\n", " ")
    lead = "…" if start > CONTEXT else ""
    tail = "…" if end + CONTEXT < len(text) else ""
    passage = click.style(f"»{text[start:end] if shown is None else shown}«", fg="red",
                          bold=True)
    return f"{lead}{before}{passage}{after}{tail}"


def show_finding(item: Any) -> None:
    """A problem in the answer just given: where, why, what to write instead."""
    from commgen.app.answercheck import kind_label
    from commgen.checks.report import severity_label

    finding = item.finding
    click.echo()
    click.secho("  " + _("The privacy check found a problem in this answer ({level}, "
                         "{category}):").format(level=severity_label(finding.severity),
                                                category=kind_label(finding.category)),
                fg="red", bold=True)
    text, start, end = item.excerpt() if hasattr(item, "excerpt") else (
        item.text, finding.start, finding.end)
    click.echo("    " + marked(text, start, end,
                               finding.text if finding.rule == "guarded-name" else None))
    click.echo("    " + finding.message)
    if finding.suggestion:
        click.echo("    " + _("Instead: {suggestion}").format(suggestion=finding.suggestion))


def show_earlier_findings(items: list[Any]) -> None:
    """Before an answer the check rejected is offered again as the default: its problems."""
    if not items:
        return
    click.echo()
    click.secho(ngettext("The current answer to the next question, offered again as the "
                         "default, still has a problem:",
                         "The current answer to the next question, offered again as the "
                         "default, still has {count} problems:", len(items)).format(
                             count=len(items)), fg="red", bold=True)
    for item in items:
        show_finding(item)


def feeds_text(question: Question, catalog: Catalog, values: dict[str, Any] | None = None
               ) -> str:
    """"Appears in: ..." for free text that feeds only some documents; else empty. With
    ``values`` (the answers so far): only the documents these answers make now (the set that
    ``commgen generate`` writes, not those of update, history or evaluate)."""
    if not question.feeds:
        return ""
    lang = current_language()
    titles = [text_for(doc.title, lang) for doc in catalog.documents_fed(question)
              if values is None or (doc.made_by is None and catalog.applies(doc, values))]
    return _("Appears in: {documents}").format(documents=", ".join(titles) or _("no document"))


def _show_question(question: Question, catalog: Catalog) -> None:
    lang = current_language()
    click.echo()
    click.secho(text_for(question.prompt, lang), bold=True)
    help_text = text_for(question.help, lang) if question.help else ""
    if help_text:
        click.secho(click.wrap_text(help_text, width=88, initial_indent="  ",
                                    subsequent_indent="  "), dim=True)
    if fed := feeds_text(question, catalog):
        click.secho(click.wrap_text(fed, width=88, initial_indent="  ",
                                    subsequent_indent="  "), dim=True)
    if question.type in ("choice", "multichoice"):
        for i, choice in enumerate(question.choices, 1):
            click.echo(f"  {i:>2}. {text_for(choice.label, lang)}")


def _typed_proc(question: Question):  # type: ignore[no-untyped-def]
    def proc(text: str) -> Any:
        if not text.strip():
            return None
        try:
            return parse_typed(question, text)
        except InvalidAnswer as exc:
            raise click.BadParameter(str(exc)) from None
    return proc


def _ask_paragraphs(question: Question, current: Any) -> list[str] | None:
    if current:
        click.echo(_("  Current text:"))
        for number, paragraph in enumerate(current, 1):
            lead = f"  {number:>2}. " if len(current) > 1 else "    "
            click.echo(click.wrap_text(paragraph, width=88, initial_indent=lead,
                                       subsequent_indent="      " if len(current) > 1
                                       else "    "))
    click.echo(_("  Type one paragraph per line and end with an empty line, or type {editor} to "
                 "write in an editor.").format(editor=EDITOR_WORD)
               + (_(" An empty first line keeps the current text.") if current else "")
               + (_(" Type !2 to change only paragraph 2.") if current and len(current) > 1
                  else ""))
    lines: list[str] = []
    while True:
        try:
            entry = _read_lines("  " + ("›" if not lines else " "))
        except (click.exceptions.Abort, KeyboardInterrupt, EOFError) as stop:
            arrived = [line for line in getattr(stop, "lines", []) if line.strip()]
            raise StoppedTyping("\n\n".join([*lines, *arrived])) from None
        typed = "\n".join(entry.lines)
        if not lines and not entry.pasted and typed.strip() == EDITOR_WORD:
            start = "\n\n".join(current or [])
            edited = click.edit(start, extension=".txt")
            if edited is None:
                continue
            return parse_paragraphs(edited) or None
        if not lines and not entry.pasted and (number := _paragraph_number(typed, current)):
            return _replace_paragraph(current, number)
        if not lines and not entry.pasted and picked_number(typed) is not None:
            _refuse_number(typed, current)  # "!1", "1.", "(1)": never kept as the text
            continue
        if not entry.pasted and not typed.strip():
            break  # an empty line typed (never one inside a paste) ends the answer
        lines.extend(line for line in entry.lines if line.strip())
        if entry.pasted:
            say_pasted(len(lines))
    if not lines:
        return current or None
    return parse_paragraphs(lines) or None


def _paragraph_number(typed: str, current: Any) -> int:
    """``!2`` typed first, with a current text of at least two paragraphs: 2; else 0."""
    text = typed.strip()
    if not current or len(current) < 2 or not text.startswith("!") or not text[1:].isdigit():
        return 0
    number = int(text[1:])
    return number if 1 <= number <= len(current) else 0


def _refuse_number(typed: str, current: Any) -> None:
    """A number typed where the text of an answer is asked (``!1`` to pick the first
    suggestion, ``3.`` from the finding's menu): say what it is not and what to type, then
    the same question is asked again."""
    several = bool(current) and len(current) > 1
    click.echo(_("Error: {message}").format(message=_(
        "“{typed}” is not an answer text, and commgen does not keep it.").format(
            typed=typed.strip())), err=True)
    if several:
        click.echo(_("  Type !1 to !{n} to change one paragraph, or the new text; an empty "
                     "line keeps the current text.").format(n=len(current)), err=True)
    elif current:
        click.echo(_("  Type the new text; an empty line keeps the current text."), err=True)
    else:
        click.echo(_("  Type the text itself; an empty line leaves the answer empty."),
                   err=True)
    if current:
        click.echo(_("  To take the privacy check's suggestion: keep the text (an empty line) "
                     "and choose its number at the finding."), err=True)


def pick(label: str, keys: list[str]) -> str:
    """One of the numbered options ``keys`` of a menu, typed as users type a number
    (``2``, ``!2``, ``2.``, ``(2)``, ``#2``); anything else is said and asked again."""
    def proc(text: str) -> str:
        number = picked_number(text)
        key = str(number) if number is not None else text.strip()
        if key not in keys:
            raise click.BadParameter(_("type one of the numbers {numbers}").format(
                numbers=", ".join(keys)))
        return key
    return str(click.prompt(label, value_proc=proc, show_choices=False))


def _plain_name(text: str) -> str:
    """A name or role typed at the terminal: never a pick such as ``!1``."""
    try:
        return refuse_pick(parse_text(text), bare=True)
    except InvalidAnswer as exc:
        raise click.BadParameter(str(exc)) from None


def _replace_paragraph(current: list[str], number: int) -> list[str] | None:
    """The current text with paragraph ``number`` typed anew (the others kept as they are);
    an empty line keeps it, ``-`` removes it."""
    click.echo(_("  New text of paragraph {n} (Enter keeps it, - removes it):").format(
        n=number))
    try:
        entry = _read_lines("  ›")
    except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
        raise StoppedTyping("\n\n".join(current)) from None
    new = [line for line in entry.lines if line.strip()]
    if not new:
        return current
    if new == ["-"]:
        new = []
    return [*current[:number - 1], *new, *current[number:]] or None


def _read_lines(prompt: str) -> Any:
    """One line typed, or a whole paste at a terminal (``terminal.read_entry``); from a pipe
    one line as it comes."""
    from commgen.app.terminal import Entry, at_terminal, read_entry

    if at_terminal():
        return read_entry(prompt + " ")
    line = click.prompt(prompt, default="", show_default=False, prompt_suffix=" ")
    return Entry([line], False)


def say_pasted(count: int) -> None:
    click.secho(ngettext("  Pasted text kept: {n} paragraph so far. Type more, or end with an "
                         "empty line.",
                         "  Pasted text kept: {n} paragraphs so far. Type more, or end with "
                         "an empty line.", count).format(n=count), dim=True)


def _ask_person(question: Question, current: Any) -> Person | None:
    name = click.prompt(_("  Name"), default=current.name if current else "",
                        show_default=bool(current), value_proc=_plain_name)
    if not name:
        return None
    if "," in name:  # "Karin Smit, intern begeleider" typed at once, as the help suggests
        name, _sep, typed_role = name.partition(",")
        if name.strip() and typed_role.strip():
            return Person(name.strip(), typed_role.strip())
    role = click.prompt(_("  Role (for example intern begeleider or zorgcoördinator, directeur or "
                          "rector)"),
                        default=current.role if current else "", show_default=bool(current),
                        value_proc=_plain_name)
    while not role:
        click.echo(_("Error: {message}").format(message=_("give the role as well")), err=True)
        role = click.prompt(_("  Role"), value_proc=_plain_name)
    return Person(name, role)


def _ask_names(question: Question, catalog: Catalog, current: Any) -> Any:
    from commgen.app.terminal import Entry, read_hidden_entry

    if current:
        click.echo(_("  Already given: {names}. Enter keeps them.").format(
            names=display(question, current)))
    click.echo(_("  Type the names, one per line or separated by commas, and end with an empty "
                 "line. Typing is not shown; pasted lines are all kept."))
    lines: list[str] = []
    while True:  # each pasted line is read here, never left for the next question
        entry = read_hidden_entry("  › ") or Entry(
            [click.prompt("  ›", default="", show_default=False, hide_input=True,
                          prompt_suffix=" ")], False)
        typed = [line for line in entry.lines if line.strip()]
        if not typed and not entry.pasted:
            break  # an empty line typed (never one inside a paste) ends the list
        lines.extend(typed)
        click.echo(_("  {count} line(s) so far; an empty line ends the list.").format(
            count=len(lines)))
    if not lines:
        return current or None
    return parse_answer(question, "\n".join(lines))


def _prompt_text(hint: str, default: str | None) -> tuple[str, str]:
    """The prompt and its suffix, indented like every other prompt, one space before the
    cursor: "  nummer [2]: " with a hint (Click adds the default), else "  [Zwolle] › "."""
    if hint:
        return f"  {hint}", ": "
    return "  " + (f"[{default}] " if default is not None else "") + "›", " "


def ask(question: Question, catalog: Catalog, current: Any = None) -> Any:
    """Ask ``question`` until the answer is valid; return the typed value or ``None``."""
    from commgen.app.terminal import discard_typeahead

    discard_typeahead()  # keys that came before the question are not its answer
    _show_question(question, catalog)
    while True:
        if question.type == "paragraphs":
            value = _ask_paragraphs(question, current)
        elif question.type == "person":
            value = _ask_person(question, current)
        elif question.type == "names":
            value = _ask_names(question, catalog, current)
        else:
            kind = type_of(question)
            default = kind.default_text(question, current)
            hint = kind.hint(question)
            text, suffix = _prompt_text(hint, default)
            value = click.prompt(text, default=default if default is not None else "",
                                 prompt_suffix=suffix,
                                 show_default=bool(hint) and default is not None,
                                 value_proc=_typed_proc(question))
        if question.type == "date" and isinstance(value, dt.date):
            from commgen.foundation.formatting import DateText

            # "gisteren" or "vrijdag" typed: the day it became, to catch a wrong one
            click.echo(_("  = {date}").format(date=DateText(value, current_language()).weekday))
        if value is None or value == []:
            if question.required:
                click.echo(_("Error: {message}").format(message=_("an answer is required")),
                           err=True)
                continue
            return None if question.type != "multichoice" else []
        return value
