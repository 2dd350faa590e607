"""Asking one question at the terminal, per question type, with Click's prompts.

An invalid answer is explained and asked again; choices are numbered; free text can be typed
line by line (a plain terminal needs no editor) or written in an editor.
"""

from __future__ import annotations

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
    click.echo("    " + marked(item.text, finding.start, finding.end,
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
        for paragraph in current:
            click.echo(click.wrap_text(paragraph, width=88, initial_indent="    ",
                                       subsequent_indent="    "))
    click.echo(_("  Type one paragraph per line and end with an empty line, or type {editor} to "
                 "write in an editor.").format(editor=EDITOR_WORD)
               + (_(" An empty first line keeps the current text.") if current else ""))
    lines: list[str] = []
    while True:
        try:
            line = click.prompt("  " + ("›" if not lines else " "), default="",
                                show_default=False, prompt_suffix=" ")
        except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
            raise StoppedTyping("\n\n".join(lines)) from None
        if not lines and line.strip() == EDITOR_WORD:
            start = "\n\n".join(current or [])
            edited = click.edit(start, extension=".txt")
            if edited is None:
                continue
            return parse_paragraphs(edited) or None
        if not line.strip():
            break
        lines.append(line)
    if not lines:
        return current or None
    return parse_paragraphs(lines) or None


def _ask_person(question: Question, current: Any) -> Person | None:
    name = click.prompt(_("  Name"), default=current.name if current else "",
                        show_default=bool(current), value_proc=parse_text)
    if not name:
        return None
    if "," in name:  # "Karin Smit, intern begeleider" typed at once, as the help suggests
        name, _sep, typed_role = name.partition(",")
        if name.strip() and typed_role.strip():
            return Person(name.strip(), typed_role.strip())
    role = click.prompt(_("  Role (for example intern begeleider, mentor, directeur)"),
                        default=current.role if current else "", show_default=bool(current),
                        value_proc=parse_text)
    while not role:
        click.echo(_("Error: {message}").format(message=_("give the role as well")), err=True)
        role = click.prompt(_("  Role"), value_proc=parse_text)
    return Person(name, role)


def _ask_names(question: Question, catalog: Catalog, current: Any) -> Any:
    if current:
        click.echo(_("  Already given: {names}. Enter keeps them.").format(
            names=display(question, current)))
    click.echo(_("  Type the names, one per line or separated by commas, and end with an empty "
                 "line. Typing is not shown; pasted lines are all kept."))
    lines: list[str] = []
    while True:  # each pasted line is read here, never left for the next question
        line = click.prompt("  ›", default="", show_default=False, hide_input=True,
                            prompt_suffix=" ")
        if not line.strip():
            break
        lines.append(line)
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
        if value is None or value == []:
            if question.required:
                click.echo(_("Error: {message}").format(message=_("an answer is required")),
                           err=True)
                continue
            return None if question.type != "multichoice" else []
        return value
