"""``commgen evaluate``: the evaluation record for the ZAT meeting, and the aftercare dates.

Step 6 of the protocol. The record is prefilled from the history (the timeline, the documents
sent, the approvals) and holds the protocol's evaluation questions; the aftercare plan has
dates computed from the day the school learnt of it (``reported_date``). The questions and the
moments (after how many days, weeks or months) are data: ``snippets/nl/evaluatie.yaml``. The
moments are also written as an .ics calendar file: all-day events without any name, each with
a UID that stays the same on every run, so that importing it again updates the events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.formatting import DateText
from commgen.foundation.i18n import _
from commgen.foundation.jinja import render_text
from commgen.foundation.textclean import clean_text
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions.catalog import Catalog

EVALUATION_FILE = "evaluatie.yaml"
ICS_NAME = "nazorg.ics"
UNITS = {"dagen": "days", "weken": "weeks", "maanden": "months"}


@dataclass(frozen=True)
class Part:
    title: str
    questions: tuple[str, ...]
    when: str | None = None


@dataclass(frozen=True)
class Moment:
    id: str
    amount: int
    unit: str  # days, weeks, months
    when_text: str
    title: str
    questions: str
    who: str


@dataclass
class EvaluationData:
    parts: list[Part]
    moments: list[Moment]
    path: Path


def load_evaluation(catalog: Catalog, lang: str = DOCUMENT_LANGUAGE) -> EvaluationData:
    """Read ``evaluatie.yaml`` and report every problem with its line."""
    from commgen.render.snippets import _check_when

    path = catalog.snippets_dir / lang / EVALUATION_FILE
    data, problems = load_mapping(path, missing=_("file not found"))
    parts: list[Part] = []
    moments: list[Moment] = []
    for number, entry in enumerate(_list(data, "gesprekken", path, problems), 1):
        label = f"gesprekken[{number}]"
        questions = entry.get("vragen")
        if not entry.get("titel") or not isinstance(questions, list) or not all(
                isinstance(q, str) for q in questions):
            problems.append(Problem(_("each part needs 'titel' and a list 'vragen'"), path,
                                    entry.line, label))
            continue
        when = entry.get("when")
        if when is not None:
            _check_when(catalog, str(when), path, entry.line_of("when"), label, problems)
        parts.append(Part(str(entry["titel"]), tuple(questions),
                          str(when) if when is not None else None))
    for number, entry in enumerate(_list(data, "nazorg", path, problems), 1):
        label = f"nazorg[{number}]"
        after = entry.get("na")
        fields = [entry.get(k) for k in ("id", "wanneer", "titel", "vragen", "wie")]
        if (not isinstance(after, dict) or len(after) != 1 or next(iter(after)) not in UNITS
                or not isinstance(next(iter(after.values())), int)
                or isinstance(next(iter(after.values())), bool)
                or not all(isinstance(f, str) and f for f in fields)):
            problems.append(Problem(_("each moment needs 'id', 'na' (for example {weken: 6}: "
                                      "dagen, weken or maanden), 'wanneer', 'titel', 'vragen' "
                                      "and 'wie'"), path, entry.line, label))
            continue
        unit, amount = next(iter(after.items()))
        moments.append(Moment(str(entry["id"]), int(amount), UNITS[unit], *map(str, fields[1:])))
    if len({m.id for m in moments}) != len(moments):
        problems.append(Problem(_("each moment needs its own 'id'"), path, None, "nazorg"))
    if problems:
        raise CatalogError(_("The snippets cannot be used:"), problems)
    return EvaluationData(parts, moments, path)


def _list(data: LineDict, key: str, path: Path, problems: list[Problem]) -> list[LineDict]:
    entries = data.get(key)
    if not isinstance(entries, list) or not all(isinstance(e, LineDict) for e in entries):
        problems.append(Problem(_("expected a list of mappings under this key"), path,
                                data.line_of(key), key))
        return []
    return entries


def after(start: dt.date, amount: int, unit: str) -> dt.date:
    """``start`` plus days, weeks or calendar months (the 31st becomes the month's last day)."""
    if unit == "days":
        return start + dt.timedelta(days=amount)
    if unit == "weeks":
        return start + dt.timedelta(weeks=amount)
    month = start.month - 1 + amount
    year, month = start.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


SCHOOL_REGIONS = ("Noord", "Midden", "Zuid")  # the regions of the Dutch school holidays


def day_off(day: dt.date, school: bool = True) -> str | None:
    """Why ``day`` is no school day, in words: a weekend day, a Dutch public holiday, or (with
    ``school``) a school holiday and the regions that have it, all from the ``holidays``
    package; None for a school day. The one owner of the school calendar: the aftercare dates
    and the checks of ``commgen update`` ask it."""
    import holidays

    from commgen.foundation.i18n import current_language

    language = "nl" if current_language() == "nl" else "en_US"
    if day.weekday() >= 5:
        return _("a Saturday") if day.weekday() == 5 else _("a Sunday")
    public = holidays.country_holidays("NL", years=day.year, language=language)
    if day in public:
        return str(public[day])
    if not school:
        return None
    found: dict[str, list[str]] = {}
    for region in SCHOOL_REGIONS:
        try:
            breaks = holidays.country_holidays("NL", subdiv=region, categories=("school",),
                                               years=day.year, language=language)
        except (NotImplementedError, KeyError, ValueError):  # an older holidays package
            return None
        if day in breaks:
            found.setdefault(str(breaks[day]), []).append(region)
    if not found:
        return None
    return "; ".join(_("{holiday} (region {regions})").format(
        holiday=name.lower(), regions=", ".join(regions)) if len(regions) < len(SCHOOL_REGIONS)
        else name.lower() for name, regions in found.items())


def working_day(day: dt.date) -> dt.date:
    """The day itself, or the first day after it that is no weekend and no Dutch public holiday
    (``day_off``): an aftercare talk cannot be planned on 1 January or a Saturday. School
    holidays differ per region; the record says to check them."""
    while day_off(day, school=False):
        day += dt.timedelta(days=1)
    return day


def _render(text: str, context: dict[str, Any], path: Path) -> str:
    if "{" not in text:
        return text
    try:
        return clean_text(render_text(text, context)).strip()
    except TemplateError as exc:
        raise CatalogError(_("The snippets cannot be used:"), [Problem(
            _("the sentence cannot be filled in: {detail}").format(detail=exc), path, None,
            text[:40])]) from None


def aftercare(data: EvaluationData, start: dt.date, context: dict[str, Any], lang: str
              ) -> list[dict[str, Any]]:
    """The moments with their dates, as plain values."""
    days = [working_day(after(start, m.amount, m.unit)) for m in data.moments]
    return [{"id": m.id, "day": day.isoformat(), "datum": str(DateText(day, lang)),
             "wanneer": _render(m.when_text, context, data.path),
             "titel": _render(m.title, context, data.path),
             "vragen": _render(m.questions, context, data.path),
             "wie": _render(m.who, context, data.path)} for m, day in zip(data.moments, days,
                                                                         strict=True)]


def conversations(data: EvaluationData, facts: dict[str, Any], context: dict[str, Any]
                  ) -> list[dict[str, Any]]:
    from commgen.render.snippets import holds

    return [{"titel": _render(p.title, context, data.path),
             "vragen": [_render(q, context, data.path) for q in p.questions]}
            for p in data.parts if holds(p.when, facts)]


def event_uid(school: str, start: dt.date, moment_id: str) -> str:
    """The same for the same case and moment on every run; no name in it."""
    digest = hashlib.sha256(f"{school}\n{start.isoformat()}\n{moment_id}".encode()).hexdigest()
    return f"{digest[:32]}@commgen"


def calendar_file(moments: list[dict[str, Any]], school: str, start: dt.date) -> bytes:
    """An .ics file of all-day events, one per aftercare moment."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//commgen//nazorg//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Aftercare {school}").format(school=school))
    stamp = dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for moment in moments:
        day = dt.date.fromisoformat(moment["day"])
        event = Event()
        event.add("uid", event_uid(school, start, moment["id"]))
        event.add("dtstamp", stamp)  # fixed, so that a rerun writes the same file
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", _("Aftercare: {title} ({when})").format(title=moment["titel"],
                                                                     when=moment["wanneer"]))
        event.add("description", _("{questions} Who: {who}.").format(
            questions=moment["vragen"], who=moment["wie"]))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def evaluate(catalog: Catalog, answers_path: Path, out_dir: Path | None = None,
             accept_findings: str | None = None, now: dt.datetime | None = None
             ) -> tuple[Any, str | None, list[dict[str, Any]]]:
    """Write the evaluation record and the calendar file; return the result, a note (no
    history yet) and the aftercare moments."""
    from commgen.app.generate import output_path
    from commgen.app.timeline import (
        default_out,
        incident_date,
        load_case,
        made_by,
        render_extra,
        timeline_rows,
        write_extra,
    )
    from commgen.render.context import build_context, case_facts
    from commgen.render.snippets import load_snippets

    lang = DOCUMENT_LANGUAGE
    now = now or dt.datetime.now().replace(microsecond=0)
    folder = out_dir or default_out(answers_path)
    answers, versions, note = load_case(catalog, answers_path, folder)
    doc = made_by(catalog, "evaluate")
    data = load_evaluation(catalog, lang)
    context = build_context(catalog, load_snippets(catalog, lang), answers, doc, lang, now)
    start = answers.values.get("reported_date")
    start = start if isinstance(start, dt.date) else now.date()
    moments = aftercare(data, start, context, lang)
    history = {"versions": timeline_rows(catalog, versions, lang, folder),
               "incident": incident_date(answers, lang),
               "gesprekken": conversations(data, case_facts(catalog, answers), context),
               "nazorg": [{k: v for k, v in m.items() if k not in ("id", "day")}
                          for m in moments]}
    rendered = render_extra(catalog, answers, doc, history, now, lang)
    school = str(answers.values.get("school_name") or "")
    result = write_extra(catalog, answers, [(output_path(folder, doc, lang).name, doc, rendered)],
                         folder, "evaluatie", [(ICS_NAME, calendar_file(moments, school, start))],
                         accept_findings, now, lang)
    return result, note, moments
