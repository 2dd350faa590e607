"""Dates and times as Dutch (or English) letters write them, through Babel."""

from __future__ import annotations

import datetime as dt
import json

from commgen.foundation.cache import remembered


class DateText(str):
    """A date that prints as "21 november 2026" and offers other forms for templates."""

    __jinja_attributes__ = frozenset({"long", "weekday", "short", "iso"})  # see foundation.jinja

    long: str
    weekday: str
    short: str
    iso: str

    def __new__(cls, date: dt.date, lang: str) -> DateText:
        def forms() -> list[str]:
            from babel.dates import format_date

            return [format_date(date, "long", locale=lang),
                    format_date(date, "EEEE d MMMM y", locale=lang),
                    format_date(date, "dd-MM-y" if lang == "nl" else "d/M/y", locale=lang)]

        long, weekday, short = remembered("babel", "date", [date.isoformat(), lang], forms)
        self = super().__new__(cls, long)
        self.long = str(self)
        self.weekday = weekday
        self.short = short
        self.iso = date.isoformat()
        return self


def format_time(value: dt.time, lang: str) -> str:
    """A time as Babel's "short" form writes it ("14:05"): from a table of every minute of
    the day in ``lang``, made once per Babel version (a document made now prints the time:
    a run a minute later would otherwise import Babel and load its locale data again)."""
    if value.tzinfo is None:
        table = remembered("babel", "time-table", [lang], lambda: _time_table(lang))
        if isinstance(table, list) and len(table) == 24 * 60 + 1 and table[-1] is True:
            return str(table[value.hour * 60 + value.minute])
    from babel.dates import format_time as babel_time

    return babel_time(value, "short", locale=lang)


def _time_table(lang: str) -> list[str | bool]:
    """Every minute of the day in Babel's short form, and last whether the form leaves the
    seconds out (so that a time with seconds reads its minute's entry)."""
    from babel.dates import format_time as babel_time

    def short(*parts: int) -> str:
        return babel_time(dt.time(*parts), "short", locale=lang)

    table: list[str | bool] = [short(h, m) for h in range(24) for m in range(60)]
    return [*table, all(short(h, m, 59, 999_999) == short(h, m) for h, m in ((0, 0), (13, 7)))]


# The kinds of Dutch number a house style groups (see snippets/nl/telefoonnummers.yaml).
PHONE_KINDS = ("vast", "mobiel", "dienst")


def phone_kind(number: object) -> str:
    """"mobiel" (06), "dienst" (0800, 0900, 0909, 0906) or "vast" (an area code, 085, 088)."""
    import phonenumbers

    kind = phonenumbers.number_type(number)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        return "mobiel"
    if kind in (phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                phonenumbers.PhoneNumberType.SHARED_COST):
        return "dienst"
    return "vast"


def format_phone(text: str, separator: str = " ",
                 groups: dict[str, dict[int, list[int]]] | None = None) -> str:
    """A phone number as Dutch letters write it: the prefix (area code, 06, 0800) as
    phonenumbers finds it, ``separator``, then the other digits in the house style's groups
    for that kind of number and that many digits ("038 760 12 34", "06 12 34 56 78",
    "0800 0432"). A number the style has no groups for keeps phonenumbers' national form; a
    foreign number is written internationally; a short number (112) and text that is no
    number stay as they are."""
    return str(remembered("phonenumbers", "phone-style",
                          [text, separator, json.dumps(groups, sort_keys=True)],
                          lambda: _format_phone(text, separator, groups)))


def _format_phone(text: str, separator: str, groups: dict[str, dict[int, list[int]]] | None
                  ) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    if number.country_code != 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    prefix, _space, rest = national.partition(" ")
    digits = "".join(c for c in rest if c.isdigit())
    sizes = (groups or {}).get(phone_kind(number), {}).get(len(digits))
    if not rest or not sizes:
        return national
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start:start + size])
        start += size
    return prefix + separator + " ".join(parts)
