"""What each question type accepts, and how its answer is asked, shown and saved.

One class per type of the catalogue (``text``, ``choice``, ``date``, ...), registered in
``TYPES`` under that name. The answers file, the school profile, the interview and the review
screen all go through these classes, so one answer means the same thing wherever it is typed.
A type gets the ``Question`` (for its choices and default), never the catalogue; the
catalogue's own expressions (``validator``, ``when``) are applied in ``conditions``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from commgen.foundation.concepts import NOW_WORDS, RELATIVE_DAYS, TODAY_WORDS
from commgen.foundation.files import MAX_IMAGE_BYTES, FileTooLarge, read_limited
from commgen.foundation.i18n import _, current_language, ngettext
from commgen.foundation.textclean import clean_field, clean_text, split_paragraphs
from commgen.questions.guard import GuardedNames
from commgen.questions.model import Question, text_for

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")

# The longest answer commgen takes: a free-text answer of a school is a few paragraphs; this is
# about ten pages, and stops pasted megabytes early (the privacy check of a document grows
# faster than its length). Guarded names: more pupils than any case involves.
MAX_ANSWER_CHARS = 25_000
MAX_NAMES = 200

_YES = {"ja", "j", "yes", "y", "true", "waar", "1"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}


class InvalidAnswer(ValueError):
    """The answer does not fit the question; the message says what is allowed."""


@dataclass(frozen=True)
class Person:
    __jinja_attributes__ = frozenset({"name", "role"})  # what a condition may read

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


def _limited(text: str) -> str:
    if len(text) > MAX_ANSWER_CHARS:
        raise InvalidAnswer(_("this answer is too long ({length} characters; at most {limit}); "
                              "shorten it").format(length=len(text), limit=MAX_ANSWER_CHARS))
    return text


def _as_text(value: Any, raw: str | None) -> str:
    """Scalar answers as the person typed them (YAML would turn ``yes`` into ``True``)."""
    if isinstance(value, str):
        return _limited(value)
    if raw is not None and not isinstance(value, list | dict):
        return _limited(raw)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _limited(str(value))
    raise InvalidAnswer(_("expected text, not a list or a mapping"))


# A number typed to pick one of a list ("1", "!1", "#1", "1.", "1)", "(1)"): a choice's
# number, a menu's, or what a user types believing it picks a suggestion. Never an answer text.
_PICK = re.compile(r"[!#]?\s*\(?\s*(\d{1,3})\s*\)?\s*\.?")


def picked_number(text: str) -> int | None:
    """The number ``text`` picks when it is only a number in one of the forms a user types to
    pick from a numbered list (``1``, ``!1``, ``#1``, ``1.``, ``1)``, ``(1)``, spaces around);
    else None."""
    match = _PICK.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def refuse_pick(text: str, bare: bool = False) -> str:
    """``text``, unless it is a pick (``!1``, ``(1)``, ``1.``; a bare ``1`` too when ``bare``):
    then InvalidAnswer, so that no such thing is ever kept as the text of an answer."""
    if picked_number(text) is not None and (bare or not text.strip().isdigit()):
        raise InvalidAnswer(_("“{typed}” is a number to pick from a list, not an answer: type "
                              "the answer itself (a suggestion of the privacy check is taken "
                              "by its number where the finding is shown)").format(
                                  typed=text.strip()))
    return text


def parse_text(value: Any, raw: str | None = None) -> str:
    return clean_text(_as_text(value, raw)).strip()


def parse_answer_text(value: Any, raw: str | None = None) -> str:
    """A one-line text answer: ``parse_text``, never a pick such as ``!1`` (a bare number
    is a text answer: a version "2")."""
    return refuse_pick(parse_text(value, raw))


def parse_field(value: Any, raw: str | None = None) -> str:
    """A one-line answer that is not prose (address, number, date): smart quotes and
    surrounding quotes off, spaces trimmed."""
    return clean_field(_as_text(value, raw))


def parse_paragraphs(value: Any, raw: str | None = None) -> list[str]:
    if isinstance(value, list):
        if any(isinstance(item, list | dict) for item in value):
            raise InvalidAnswer(_("expected text, or a list of paragraphs as text"))
        _limited("\n\n".join(map(str, value)))
        return [p for item in value for p in split_paragraphs(str(item))]
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
    """A month name in Dutch (or, failing that, English), full or abbreviated (Babel's
    names; what a word gives is kept: ``foundation.cache.remembered``)."""
    from commgen.foundation.cache import remembered

    def compute() -> int | None:
        from babel.dates import get_month_names

        for locale in ("nl", "en"):  # English locale data is loaded only when Dutch fails
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, locale=locale).items():
                    if name.lower().rstrip(".") == word:
                        return int(number)
        return None

    number = remembered("babel", "month", [word], compute)
    return number if isinstance(number, int) and 1 <= number <= 12 else None


_DATE_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_WORDS = re.compile(r"^(?:[a-z]+\s+)?(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$")


WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
            "zaterdag": 5, "zondag": 6, "monday": 0, "tuesday": 1, "wednesday": 2,
            "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_PAST_WORDS = ("afgelopen", "vorige", "jongstleden", "last")
_NEXT_WORDS = ("komende", "volgende", "aanstaande", "next")


def _weekday(text: str, today: dt.date, past: bool) -> dt.date | None:
    """"maandag", "afgelopen maandag", "volgende maandag": the nearest such day (today
    included) backwards when ``past`` or the word says so, else forwards."""
    words = text.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    if len(words) == 2:
        if words[0] in _PAST_WORDS:
            past = True
        elif words[0] in _NEXT_WORDS:
            past = False
        else:
            return None
    ahead = (WEEKDAYS[words[-1]] - today.weekday()) % 7
    return today - dt.timedelta(days=(7 - ahead) % 7) if past else today + dt.timedelta(
        days=ahead)


def parse_date(value: Any, raw: str | None = None, today: dt.date | None = None,
               past: bool = False) -> dt.date:
    """Dates as people write them: 21-11-2026, 21/11/2026, 21 november 2026, 2026-11-21,
    vandaag/gisteren/morgen and weekday names ("maandag": the coming one, or the last one
    when ``past``)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    today = today or dt.date.today()
    text = clean_field(str(value)).lower()
    if text in RELATIVE_DAYS:
        return today + dt.timedelta(days=RELATIVE_DAYS[text])
    if (day := _weekday(text, today, past)) is not None:
        return day
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
    text = clean_field(str(value)).lower()
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
    text = parse_field(value, raw).removeprefix("mailto:")
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
    from commgen.foundation.cache import remembered

    text = parse_field(value, raw)
    written = remembered("phonenumbers", "phone", [text], lambda: _written_phone(text))
    if not isinstance(written, str):
        raise InvalidAnswer(
            _("this is not a valid phone number; write it as 020 123 4567 or +32 2 512 34 56")
        )
    return written


def _written_phone(text: str) -> str | None:
    """``text`` as a phone number in phonenumbers' national (Dutch) or international form;
    None when it is no valid number."""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not (phonenumbers.is_valid_number(number)
            or phonenumbers.is_valid_short_number(number)):  # type: ignore[attr-defined]
        return None
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


_SCHEME = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def parse_url(value: Any, raw: str | None = None) -> str:
    """A web address written one way everywhere: without ``https://`` and without the slash
    at the end, the host in lower case (``https://www.School.nl/`` -> ``www.school.nl``);
    a path stays as written (``school.nl/nieuws``)."""
    text = _SCHEME.sub("", parse_field(value, raw))
    host, _slash, path = text.partition("/")
    host = host.lower().rstrip(".")
    path = path.rstrip("/")
    if not _HOST.match(host.split(":", 1)[0]) or any(c.isspace() for c in text):
        raise InvalidAnswer(_("this is not a web address; write it as www.school.nl"))
    return f"{host}/{path}" if path else host


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
    return Person(refuse_pick(name, bare=True), refuse_pick(role, bare=True))


def parse_names(value: Any, raw: str | None = None) -> GuardedNames:
    """Guarded names: the stored form ``{key, count, hashes}``, or names typed as a list or
    text (hashed at once with a new key kept on this computer)."""
    if isinstance(value, GuardedNames):
        return value
    if isinstance(value, dict):
        stored = GuardedNames.from_yaml(value)
        if stored is None:
            raise InvalidAnswer(_("expected 'key', 'count' and 'hashes' as commgen writes "
                                  "them, or a list of names"))
        return stored
    if isinstance(value, list):
        if any(isinstance(n, list | dict) for n in value):
            raise InvalidAnswer(_("expected a list of names, one name per line"))
        _limited("\n".join(map(str, value)))
        names = value
    else:
        names = re.split(r"[,;\n]", _as_text(value, raw))
    names = [clean_text(str(n)).strip() for n in names if str(n).strip()]
    if len(names) > MAX_NAMES:
        raise InvalidAnswer(_("more than {limit} names; give only the pupils involved").format(
            limit=MAX_NAMES))
    return GuardedNames.from_names(names)


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
            data = read_limited(path, MAX_IMAGE_BYTES)
        except FileTooLarge as exc:
            raise InvalidAnswer(_("{file} is too large ({size} bytes; at most {limit}); use a "
                                  "smaller logo").format(file=path, size=exc.size,
                                                         limit=exc.limit)) from None
        except OSError:
            raise InvalidAnswer(_("file not found: {file}").format(file=path)) from None
        if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
            raise InvalidAnswer(_("{file} is not a PNG or JPEG image").format(file=path))
        if not _complete_image(data):
            raise InvalidAnswer(_("{file} is damaged or incomplete (the end of the image is "
                                  "missing); save the logo again").format(file=path))
    return path


def _complete_image(data: bytes) -> bool:
    """A PNG ends with its IEND chunk and a JPEG with its end marker: a file cut off while it
    was copied or downloaded has neither."""
    if data.startswith(b"\x89PNG"):
        return data[12:16] == b"IHDR" and data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82")
    return data.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9")


def match_choice(question: Question, text: str) -> str:
    """Accept a choice by its value or by its label in any language, ignoring case."""
    wanted = clean_field(text).casefold()
    for choice in question.choices:
        if wanted == choice.value.casefold() or any(
            wanted == label.casefold() for label in choice.label.values()
        ):
            return choice.value
    lang = current_language()
    allowed = ", ".join(f"{c.value} ({text_for(c.label, lang)})" if text_for(c.label, lang)
                        != c.value else c.value for c in question.choices)
    raise InvalidAnswer(
        _("'{value}' is not one of the choices; allowed: {allowed}").format(
            value=text, allowed=allowed
        )
    )


class QuestionType:
    """One type of question: what it accepts, how it is asked, shown and saved.

    ``parse`` takes a value from YAML (``raw``: the scalar as written, before YAML read
    ``yes`` as ``True``) or typed text, and returns the typed answer or raises InvalidAnswer.
    A relative file name counts from ``base`` when one is given.
    """

    name: ClassVar[str]
    # Most types parse with one function and try conditions on fixed sample answers.
    parser: ClassVar[Callable[..., Any] | None] = None
    sample_values: ClassVar[tuple[Any, ...]] = ()

    def parse(self, question: Question, value: Any, raw: str | None = None,
              base: Path | None = None) -> Any:
        if self.parser is None:
            raise NotImplementedError(self.name)
        return self.parser(value, raw)

    def parse_typed(self, question: Question, text: str) -> Any:
        """An answer typed at the terminal (files count from where commgen runs)."""
        return self.parse(question, text, base=Path.cwd())

    def unanswered(self) -> Any:
        """What a condition sees for this question while it has no answer."""
        return None

    def samples(self, question: Question) -> list[Any]:
        """Typical answers, to try the catalogue's conditions and validators on at load."""
        return list(self.sample_values)

    def hint(self, question: Question) -> str:
        """The short hint next to the prompt ("for example 21-11-2026")."""
        return ""

    def display(self, question: Question, value: Any) -> str:
        """The answer as the review screen shows it."""
        if value is None or value == [] or value == "":
            return "—"
        return self.show(question, value)

    def show(self, question: Question, value: Any) -> str:
        return str(value)

    def default_text(self, question: Question, current: Any) -> str | None:
        """What Enter accepts: the current answer when re-asking, else the catalogue default."""
        if current is not None and current != []:
            return self.current_text(question, current)
        default = question.default
        if default is None or default == []:
            return None
        return self.default_for(question, default)

    def current_text(self, question: Question, current: Any) -> str | None:
        return self.display(question, current)

    def default_for(self, question: Question, default: Any) -> str | None:
        return str(default)

    def default_value(self, question: Question) -> Any:
        """The catalogue's default, typed; ``None`` when there is none."""
        if is_empty(question.default):
            return None
        return self.parse(question, question.default)

    def to_yaml(self, question: Question, value: Any) -> Any:
        """The form in which an answer is saved back into an answers file."""
        return value


TYPES: dict[str, QuestionType] = {}


def _register(cls: type[QuestionType]) -> type[QuestionType]:
    TYPES[cls.name] = cls()
    return cls


def _simple_type(name: str, parser: Callable[..., Any], sample: Any) -> type[QuestionType]:
    """A type that is only its parser, tried at load with one sample answer."""
    cls = type(f"{name.title()}Type", (QuestionType,), {
        "name": name, "parser": staticmethod(parser), "sample_values": (sample,),
        "__doc__": f"Answers of type {name}, parsed by {parser.__name__}."})
    return _register(cls)


def type_of(question: Question) -> QuestionType:
    """The type class of a question (the catalogue refuses unknown types)."""
    return TYPES[question.type]


TextType = _simple_type("text", parse_answer_text, "tekst")


@_register
class ParagraphsType(QuestionType):
    name = "paragraphs"

    parser = staticmethod(parse_paragraphs)
    sample_values = (["Een alinea."],)

    def parse(self, question: Question, value: Any, raw: str | None = None,
              base: Path | None = None) -> list[str]:
        """Paragraphs; never only a pick (``!1``, ``1``): no free text is a bare number."""
        paragraphs = parse_paragraphs(value, raw)
        if paragraphs and all(picked_number(p) is not None for p in paragraphs):
            refuse_pick(" ".join(paragraphs), bare=True)
        return paragraphs

    def show(self, question: Question, value: Any) -> str:
        first = value[0].replace("\n", " ")
        extra = len(value) - 1
        more = ngettext(" (+{n} more paragraph)", " (+{n} more paragraphs)", extra).format(
            n=extra) if extra else ""
        return (first[:70] + "…" if len(first) > 70 else first) + more

    def current_text(self, question: Question, current: Any) -> str | None:
        return None  # asked paragraph by paragraph, not as one line

    def to_yaml(self, question: Question, value: Any) -> Any:
        return list(value)


class _ChoiceBase(QuestionType):
    multiple: ClassVar[bool] = False

    def match(self, question: Question, text: str) -> str:
        return match_choice(question, text)

    def parse_typed(self, question: Question, text: str) -> Any:
        """A number from the list, or a value or label; several for a multiple choice."""
        text = text.strip()
        parts = [text]
        if self.multiple:  # "1,3 5", "1. 3.", "(1) (3)" or "foto, video"
            parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
            parts = [n for p in parts for n in (
                p.split() if all(picked_number(w) is not None for w in p.split()) else [p])]
        values: list[str] = []
        for part in parts:
            number = picked_number(part)  # "2", and as users type it: "!2", "2.", "(2)", "#2"
            if number is not None and 1 <= number <= len(question.choices):
                value = question.choices[number - 1].value
            elif number is not None:
                raise InvalidAnswer(_("there is no choice {number}; type a number from 1 to "
                                      "{count}").format(number=number,
                                                        count=len(question.choices)))
            else:
                try:
                    value = self.match(question, part)
                except InvalidAnswer as exc:
                    raise InvalidAnswer(
                        _("{detail}; or type the number").format(detail=exc)) from None
            if value not in values:
                values.append(value)
        return values if self.multiple else values[0]

    def show(self, question: Question, value: Any) -> str:
        labels = {c.value: text_for(c.label, current_language()) for c in question.choices}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(v, v) for v in chosen)

    def current_text(self, question: Question, current: Any) -> str | None:
        chosen = current if isinstance(current, list) else [current]
        return ",".join(str(i) for i, c in enumerate(question.choices, 1) if c.value in chosen)


@_register
class ChoiceType(_ChoiceBase):
    name = "choice"

    def parse(self, question: Question, value: Any, raw: str | None = None,
              base: Path | None = None) -> str:
        return self.match(question, _as_text(value, raw))

    def samples(self, question: Question) -> list[Any]:
        return [c.value for c in question.choices]

    def hint(self, question: Question) -> str:
        return _("number")

    def default_for(self, question: Question, default: Any) -> str | None:
        for i, choice in enumerate(question.choices, 1):
            if choice.value == default:
                return str(i)
        return str(default)


@_register
class MultiChoiceType(_ChoiceBase):
    name = "multichoice"
    multiple = True

    def parse(self, question: Question, value: Any, raw: str | None = None,
              base: Path | None = None) -> list[str]:
        items, item_raw = (value, None) if isinstance(value, list) else ([value], raw)
        result: list[str] = []
        for item in items:
            key = self.match(question, _as_text(item, item_raw))
            if key not in result:
                result.append(key)
        return result

    def unanswered(self) -> Any:
        return []  # so that "'x' in audiences" is simply false before it is answered

    def samples(self, question: Question) -> list[Any]:
        return [[c.value] for c in question.choices]

    def hint(self, question: Question) -> str:
        return _("numbers, separated by commas")

    def to_yaml(self, question: Question, value: Any) -> Any:
        return list(value)


@_register
class YesNoType(QuestionType):
    name = "yesno"

    parser = staticmethod(parse_yesno)
    sample_values = (True, False,)

    def hint(self, question: Question) -> str:
        return _("yes/no")

    def show(self, question: Question, value: Any) -> str:
        return _("yes") if value else _("no")

    def default_for(self, question: Question, default: Any) -> str | None:
        return self.show(question, parse_yesno(default))


class _MomentType(QuestionType):
    """A date or a time: shown in one format, with a word for "when the run happens"."""

    format: ClassVar[str]
    run_words: ClassVar[frozenset[str]]

    def current(self) -> Any:
        raise NotImplementedError

    def show(self, question: Question, value: Any) -> str:
        return value.strftime(self.format)

    def default_for(self, question: Question, default: Any) -> str | None:
        if default in self.run_words:
            return self.current().strftime(self.format)
        return str(default)

    def default_value(self, question: Question) -> Any:
        if question.default in self.run_words:  # the day or time the documents are made
            return self.current()
        return super().default_value(question)


@_register
class DateType(_MomentType):
    name = "date"
    parser = staticmethod(parse_date)
    sample_values = (dt.date(2026, 11, 21),)
    format = "%d-%m-%Y"
    run_words = TODAY_WORDS

    def current(self) -> dt.date:
        return dt.date.today()

    def parse(self, question: Question, value: Any, raw: str | None = None,
              base: Path | None = None) -> Any:
        """A day that has happened (``past: true`` in the catalogue) is not after today:
        letters are dated the day they are made, never before what they report."""
        day = parse_date(value, raw, past=question.past)
        if question.past and isinstance(day, dt.date) and day > dt.date.today():
            raise InvalidAnswer(_("{day} is after today; give the day it happened (a letter "
                                  "is dated today and cannot report a later day)").format(
                                      day=day.strftime(self.format)))
        return day

    def hint(self, question: Question) -> str:
        return _("for example 21-11-2026 or maandag")


@_register
class TimeType(_MomentType):
    name = "time"
    parser = staticmethod(parse_time)
    sample_values = (dt.time(16, 0),)
    format = "%H:%M"
    run_words = NOW_WORDS

    def current(self) -> dt.time:
        now = dt.datetime.now()
        return dt.time(now.hour, now.minute)

    def hint(self, question: Question) -> str:
        return _("for example 16:00")

    def to_yaml(self, question: Question, value: Any) -> Any:
        return value.strftime(self.format)


EmailType = _simple_type("email", parse_email, "info@school.nl")


PhoneType = _simple_type("phone", parse_phone, "020 123 4567")


@_register
class UrlType(QuestionType):
    """A web address (the school's website): one form in every document and check."""

    name = "url"
    parser = staticmethod(parse_url)
    sample_values = ("www.school.nl",)

    def hint(self, question: Question) -> str:
        return _("for example www.school.nl")


@_register
class PersonType(QuestionType):
    name = "person"

    parser = staticmethod(parse_person)
    sample_values = (Person("Karin Smit", "intern begeleider"),)

    def current_text(self, question: Question, current: Any) -> str | None:
        return None  # asked as name and role

    def to_yaml(self, question: Question, value: Any) -> Any:
        return value.as_dict()


@_register
class NamesType(QuestionType):
    name = "names"

    parser = staticmethod(parse_names)
    sample_values = (GuardedNames("0" * 16, ["0" * 64], 1),)  # no key made at import

    def show(self, question: Question, value: Any) -> str:
        if not value.count:
            return _("names given, not shown")
        return ngettext("{count} name, not shown", "{count} names, not shown",
                        value.count).format(count=value.count)

    def default_text(self, question: Question, current: Any) -> str | None:
        return super().default_text(question, None)  # names given are never shown again

    def to_yaml(self, question: Question, value: Any) -> Any:
        return value.as_yaml()


@_register
class ImageType(QuestionType):
    name = "image"

    def parse(self, question: Question, value: Any, raw: str | None = None,
              base: Path | None = None) -> Path:
        path = parse_image(value, raw, base)
        return path.resolve() if base is not None else path

    def samples(self, question: Question) -> list[Any]:
        return [Path("logo.png")]

    def hint(self, question: Question) -> str:
        return _("for example logo.png")

    def to_yaml(self, question: Question, value: Any) -> Any:
        return str(value)


def display(question: Question, value: Any) -> str:
    """An answer as the review screen shows it; guarded names are never shown."""
    return type_of(question).display(question, value)


def to_yaml_value(question: Question, value: Any) -> Any:
    """The form in which an answer is saved back into an answers file."""
    return type_of(question).to_yaml(question, value)
