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
