"""What each question type accepts, and how its answer is kept, shown and given to templates.

The answers file, the interview and the review screen all go through these functions, so one
answer means the same thing wherever it is typed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commgen.foundation.concepts import RELATIVE_DAYS
from commgen.foundation.i18n import _
from commgen.foundation.textclean import clean_text, split_paragraphs
from commgen.questions.guard import GuardedNames

if TYPE_CHECKING:
    from commgen.questions.catalog import Catalog, Question

TYPES = ("text", "paragraphs", "choice", "multichoice", "yesno", "date", "time", "email",
         "phone", "person", "names", "image")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")

_YES = {"ja", "j", "yes", "y", "true", "waar", "1"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}


class InvalidAnswer(ValueError):
    """The answer does not fit the question; the message says what is allowed."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


def is_empty(value: Any) -> bool:
    if value is None or (isinstance(value, str | list | dict) and not value):
        return True
    return isinstance(value, GuardedNames) and not value


def _as_text(value: Any, raw: str | None) -> str:
    """Scalar answers as the person typed them (YAML would turn ``yes`` into ``True``)."""
    if isinstance(value, str):
        return value
    if raw is not None and not isinstance(value, list | dict):
        return raw
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InvalidAnswer(_("expected text, not a list or a mapping"))


def parse_text(value: Any, raw: str | None = None) -> str:
    return clean_text(_as_text(value, raw)).strip()


def parse_paragraphs(value: Any, raw: str | None = None) -> list[str]:
    if isinstance(value, list):
        paragraphs: list[str] = []
        for item in value:
            if isinstance(item, list | dict):
                raise InvalidAnswer(_("expected text, or a list of paragraphs as text"))
            paragraphs.extend(split_paragraphs(str(item)))
        return paragraphs
    return split_paragraphs(_as_text(value, raw))


def parse_yesno(value: Any, raw: str | None = None) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InvalidAnswer(_("answer ja or nee (yes or no)"))


def _month_number(word: str) -> int | None:
    """A month name in Dutch (or, failing that, English), full or abbreviated."""
    from babel.dates import get_month_names

    for locale in ("nl", "en"):  # English locale data is loaded only when Dutch fails
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                if name.lower().rstrip(".") == word:
                    return number
    return None


_DATE_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_WORDS = re.compile(r"^(?:[a-z]+\s+)?(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$")


def parse_date(value: Any, raw: str | None = None, today: dt.date | None = None) -> dt.date:
    """Dates as people write them: 21-11-2026, 21/11/2026, 21 november 2026, 2026-11-21."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    today = today or dt.date.today()
    text = str(value).strip().lower()
    if text in RELATIVE_DAYS:
        return today + dt.timedelta(days=RELATIVE_DAYS[text])
    try:
        if m := _DATE_ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DATE_NUMERIC.match(text):
            year = int(m[3]) if m[3] else today.year
            year = year + 2000 if year < 100 else year
            return dt.date(year, int(m[2]), int(m[1]))
        if (m := _DATE_WORDS.match(text)) and (month := _month_number(m[2])):
            return dt.date(int(m[3]) if m[3] else today.year, month, int(m[1]))
    except ValueError:
        raise InvalidAnswer(_("this date does not exist; write it as 21-11-2026")) from None
    raise InvalidAnswer(
        _("this is not a date; write it as 21-11-2026 or 21 november 2026")
    )


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:\s*(?:uur|u|h))?$")


def parse_time(value: Any, raw: str | None = None) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads 16:00 as a sexagesimal number (960); take it back apart.
        if raw is not None and ":" in raw:
            value = raw
        elif 0 <= value < 24:
            return dt.time(value)
    text = str(value).strip().lower()
    m = _TIME.match(text)
    if m and int(m[1]) < 24 and int(m[2] or 0) < 60:
        return dt.time(int(m[1]), int(m[2] or 0))
    raise InvalidAnswer(_("this is not a time; write it as 16:00"))


# Ordinary addresses (name@school.nl) are checked by this strict pattern, which accepts a
# subset of what email-validator accepts; anything else, and special-use domains, go to
# email-validator itself. Importing it costs more than a whole render, so it is kept for
# the unusual cases. tests/test_question_types.py checks that both agree.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}$")
_SPECIAL_USE = {"test", "local", "localhost", "invalid", "onion", "arpa", "internal", "home",
                "lan", "corp", "intranet", "private"}


def parse_email(value: Any, raw: str | None = None) -> str:
    text = parse_text(value, raw)
    local, _at, domain = text.rpartition("@")
    if (len(text) <= 254 and len(local) <= 64 and _PLAIN_EMAIL.match(text)
            and domain.rsplit(".", 1)[-1].lower() not in _SPECIAL_USE):
        return f"{local}@{domain.lower()}"
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidAnswer(
            _("this is not a valid e-mail address; write it as name@school.nl")
        ) from None


def parse_phone(value: Any, raw: str | None = None) -> str:
    """Dutch and international numbers, written the way Dutch letters write them."""
    import phonenumbers

    text = parse_text(value, raw)
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not (
        phonenumbers.is_valid_number(number)
        or phonenumbers.is_valid_short_number(number)  # type: ignore[attr-defined]
    ):
        raise InvalidAnswer(
            _("this is not a valid phone number; write it as 020 123 4567 or +32 2 512 34 56")
        )
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def parse_person(value: Any, raw: str | None = None) -> Person:
    """A person as ``{name: ..., role: ...}`` or as the text ``Name, role``."""
    if isinstance(value, Person):
        return value
    if isinstance(value, dict):
        unknown = sorted(set(map(str, value)) - {"name", "role", "naam", "functie", "rol"})
        if unknown:
            raise InvalidAnswer(
                _("unknown key {keys}; a person has 'name' and 'role'").format(
                    keys=", ".join(unknown)
                )
            )
        name = value.get("name", value.get("naam"))
        role = value.get("role", value.get("functie", value.get("rol")))
        name = parse_text(name) if name is not None else ""
        role = parse_text(role) if role is not None else ""
    else:
        text = parse_text(value, raw)
        name, _sep, role = text.partition(",")
        name, role = name.strip(), role.strip()
    if not name or not role:
        raise InvalidAnswer(
            _("give both the name and the role, as 'name: ...' and 'role: ...'")
        )
    return Person(name, role)


def parse_names(value: Any, raw: str | None = None) -> GuardedNames:
    """Guarded names: the stored form ``{salt, hashes}``, or names typed as a list or text."""
    if isinstance(value, GuardedNames):
        return value
    if isinstance(value, dict):
        salt, hashes = value.get("salt"), value.get("hashes")
        if not isinstance(salt, str) or not isinstance(hashes, list) or not all(
                isinstance(h, str) and re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes):
            raise InvalidAnswer(_("expected 'salt' and 'hashes' as commgen writes them, or a "
                                  "list of names"))
        return GuardedNames(salt, list(hashes), int(value.get("count", 0) or 0))
    names = value if isinstance(value, list) else re.split(r"[,;\n]", _as_text(value, raw))
    return GuardedNames.from_names([clean_text(str(n)).strip() for n in names if str(n).strip()])


def parse_image(value: Any, raw: str | None = None, base: Path | None = None) -> Path:
    """A PNG or JPEG file; a relative path counts from ``base`` (the answers file's folder)."""
    path = value if isinstance(value, Path) else Path(parse_text(value, raw)).expanduser()
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise InvalidAnswer(_("expected a PNG or JPEG file (.png, .jpg), not '{name}'").format(
            name=path.name))
    if base is not None and not path.is_absolute():
        path = base / path
    if base is not None or path.is_absolute():
        try:
            head = path.read_bytes()[:8]
        except OSError:
            raise InvalidAnswer(_("file not found: {file}").format(file=path)) from None
        if not (head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8")):
            raise InvalidAnswer(_("{file} is not a PNG or JPEG image").format(file=path))
    return path


def parse_answer(question: Question, catalog: Catalog, value: Any, raw: str | None = None) -> Any:
    """Check one answer against its question; return the typed value or raise InvalidAnswer."""
    kind = question.type
    if kind == "text":
        result: Any = parse_text(value, raw)
    elif kind == "paragraphs":
        result = parse_paragraphs(value, raw)
    elif kind == "choice":
        result = catalog.match_choice(question, _as_text(value, raw))
    elif kind == "multichoice":
        items, item_raw = (value, None) if isinstance(value, list) else ([value], raw)
        result = []
        for item in items:
            key = catalog.match_choice(question, _as_text(item, item_raw))
            if key not in result:
                result.append(key)
    elif kind == "yesno":
        result = parse_yesno(value, raw)
    elif kind == "date":
        result = parse_date(value, raw)
    elif kind == "time":
        result = parse_time(value, raw)
    elif kind == "email":
        result = parse_email(value, raw)
    elif kind == "phone":
        result = parse_phone(value, raw)
    elif kind == "person":
        result = parse_person(value, raw)
    elif kind == "names":
        result = parse_names(value, raw)
    elif kind == "image":
        result = parse_image(value, raw)
    else:  # the catalogue loader refuses unknown types
        raise InvalidAnswer(f"unknown question type {kind}")
    if question.validator and not is_empty(result):
        message = catalog.run_validator(question, result)
        if message:
            raise InvalidAnswer(message)
    return result


def to_yaml_value(question: Question, value: Any) -> Any:
    """The form in which an answer is saved back into an answers file."""
    if isinstance(value, Person):
        return value.as_dict()
    if question.type == "names":
        return value.as_yaml()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list):
        return list(value)
    return value
