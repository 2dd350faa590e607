"""Dates and times as Dutch (or English) letters write them, through Babel."""

from __future__ import annotations

import datetime as dt


class DateText(str):
    """A date that prints as "21 november 2026" and offers other forms for templates."""

    __jinja_attributes__ = frozenset({"long", "weekday", "short", "iso"})  # see foundation.jinja

    long: str
    weekday: str
    short: str
    iso: str

    def __new__(cls, date: dt.date, lang: str) -> DateText:
        from babel.dates import format_date

        self = super().__new__(cls, format_date(date, "long", locale=lang))
        self.long = str(self)
        self.weekday = format_date(date, "EEEE d MMMM y", locale=lang)
        self.short = format_date(date, "dd-MM-y" if lang == "nl" else "d/M/y", locale=lang)
        self.iso = date.isoformat()
        return self


def format_time(value: dt.time, lang: str) -> str:
    from babel.dates import format_time as babel_time

    return babel_time(value, "short", locale=lang)
