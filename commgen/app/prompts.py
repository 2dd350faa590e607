"""Asking one question at the terminal, per question type, with Click's prompts.

An invalid answer is explained and asked again; choices are numbered; free text can be typed
line by line (a plain terminal needs no editor) or written in an editor.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import click

from commgen.foundation.concepts import NOW_WORDS, TODAY_WORDS
from commgen.foundation.i18n import _, current_language
from commgen.questions.catalog import Catalog, Question, text_for
from commgen.questions.guard import GuardedNames
from commgen.questions.types import (
    InvalidAnswer,
    Person,
    parse_answer,
    parse_image,
    parse_paragraphs,
    parse_text,
)

EDITOR_WORD = "!e"


def display(question: Question, value: Any) -> str:
    """An answer as the review screen shows it; guarded names are never shown."""
    lang = current_language()
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, GuardedNames):
        return _("{count} name(s), not shown").format(count=value.count or "?")
    if question.type in ("choice", "multichoice"):
        labels = {c.value: text_for(c.label, lang) for c in question.choices}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(v, v) for v in chosen)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, Person):
        return str(value)
    if isinstance(value, list):  # paragraphs
        first = value[0].replace("\n", " ")
        more = _(" (+{n} more paragraphs)").format(n=len(value) - 1) if len(value) > 1 else ""
        return (first[:70] + "…" if len(first) > 70 else first) + more
    return str(value)


def _default_text(question: Question, current: Any, catalog: Catalog) -> str | None:
    """What Enter accepts: the current answer when re-asking, else the catalogue default."""
    if current is not None and current != [] and not isinstance(current, GuardedNames):
        if question.type in ("choice", "multichoice"):
            chosen = current if isinstance(current, list) else [current]
            numbers = [str(i) for i, c in enumerate(question.choices, 1) if c.value in chosen]
            return ",".join(numbers)
        if question.type in ("paragraphs", "person"):
            return None
        return display(question, current)
    default = question.default
    if default is None or default == []:
        return None
    if question.type == "date" and default in TODAY_WORDS:
        return dt.date.today().strftime("%d-%m-%Y")
    if question.type == "time" and default in NOW_WORDS:
        return dt.datetime.now().strftime("%H:%M")
    if question.type == "choice":
        for i, choice in enumerate(question.choices, 1):
            if choice.value == default:
                return str(i)
    if question.type == "yesno":
        return _("yes") if parse_answer(question, catalog, default) else _("no")
    return str(default)


def _show_question(question: Question) -> None:
    lang = current_language()
    click.echo()
    click.secho(text_for(question.prompt, lang), bold=True)
    help_text = text_for(question.help, lang) if question.help else ""
    if help_text:
        click.secho(click.wrap_text(help_text, width=88, initial_indent="  ",
                                    subsequent_indent="  "), dim=True)
    if question.type in ("choice", "multichoice"):
        for i, choice in enumerate(question.choices, 1):
            click.echo(f"  {i:>2}. {text_for(choice.label, lang)}")


def _choice_proc(question: Question, catalog: Catalog, multiple: bool):  # type: ignore[no-untyped-def]
    def proc(text: str) -> Any:
        text = text.strip()
        if not text:
            return [] if multiple else None
        parts = [text]
        if multiple:  # "1,3 5" or "foto, video"
            parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
            parts = [n for p in parts for n in (p.split() if p.replace(" ", "").isdigit()
                                                 else [p])]
        values = []
        for part in parts:
            if part.isdigit() and 1 <= int(part) <= len(question.choices):
                value = question.choices[int(part) - 1].value
            else:
                try:
                    value = catalog.match_choice(question, part)
                except InvalidAnswer as exc:
                    raise click.BadParameter(
                        _("{detail}; or type the number").format(detail=exc)) from None
            if value not in values:
                values.append(value)
        return values if multiple else values[0]
    return proc


def _typed_proc(question: Question, catalog: Catalog):  # type: ignore[no-untyped-def]
    def proc(text: str) -> Any:
        if not text.strip():
            return None
        try:
            value = parse_answer(question, catalog, text)
            if question.type == "image":  # typed at the terminal: relative to where we are
                value = parse_image(value, base=Path.cwd()).resolve()
            return value
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
        line = click.prompt("  " + ("›" if not lines else " "), default="", show_default=False,
                            prompt_suffix=" ")
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
    text = click.prompt(_("  Names, separated by commas (typing is not shown)"), default="",
                        show_default=False, hide_input=True)
    if not text.strip():
        return current or None
    return parse_answer(question, catalog, text)


def ask(question: Question, catalog: Catalog, current: Any = None) -> Any:
    """Ask ``question`` until the answer is valid; return the typed value or ``None``."""
    _show_question(question)
    while True:
        if question.type == "paragraphs":
            value = _ask_paragraphs(question, current)
        elif question.type == "person":
            value = _ask_person(question, current)
        elif question.type == "names":
            value = _ask_names(question, catalog, current)
        else:
            default = _default_text(question, current, catalog)
            if question.type in ("choice", "multichoice"):
                hint = _("number") if question.type == "choice" else _(
                    "numbers, separated by commas")
                proc = _choice_proc(question, catalog, question.type == "multichoice")
            else:
                hint = {"yesno": _("yes/no"), "date": _("for example 21-11-2026"),
                        "time": _("for example 16:00"),
                        "image": _("for example logo.png")}.get(question.type, "")
                proc = _typed_proc(question, catalog)
            text = f"  {hint}" if hint else " "
            value = click.prompt(text, default=default if default is not None else "",
                                 show_default=default is not None, value_proc=proc,
                                 prompt_suffix=": " if hint else "> ")
        if value is None or value == []:
            if question.required:
                click.echo(_("Error: {message}").format(message=_("an answer is required")),
                           err=True)
                continue
            return None if question.type != "multichoice" else []
        return value
