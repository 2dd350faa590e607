"""Detectors for the structured categories: phone, e-mail, url, handle, address, id-number,
birthdate, age and group (class names).

Libraries do what they do best: phonenumbers tells a helpline (0800, 0900) from a personal
number, python-stdnum checks the BSN 11-proef and postcodes, deduce finds dates. The patterns
here cover what no library knows: Dutch class names, ages, social-media handles. Each
detector returns (key, start, end); the texts per key are data (``detectoren.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from commgen.checks.allow import AllowList

Hit = tuple[str, int, int]  # detector key, start, end

_NUM_WORDS = ("zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
              "zeventien|achttien|negentien|twintig|eenentwintig")
_NUM_VALUES = {w: i for i, w in enumerate(_NUM_WORDS.split("|"), start=6)}
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
           "december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_I = re.IGNORECASE


def _number(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else _NUM_VALUES.get(text)


# --- phone --------------------------------------------------------------------------------
_PHONE = re.compile(r"(?<![\w+/])(?:(?:\+|00)\d{2}[\s.\-]?(?:\(0\))?|\(?0)\d[\d\s.\-/()]{6,16}\d"
                    r"(?![\w])")
_HELPLINE_TYPES = ("TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "UAN")


def find_phones(text: str, allow: AllowList) -> list[Hit]:
    import phonenumbers

    helplines = {getattr(phonenumbers.PhoneNumberType, t) for t in _HELPLINE_TYPES}
    hits: list[Hit] = []
    for match in _PHONE.finditer(text):
        candidate = match.group().rstrip(".-/ ")
        digits = re.sub(r"\D", "", candidate)
        if not 9 <= len(digits) <= 13 or "\n" in candidate:
            continue
        try:
            number = phonenumbers.parse(candidate, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.number_type(number) in helplines or allow.allows_phone(candidate):
            continue
        plausible = phonenumbers.is_possible_number(number) or (
            digits.startswith("0") and len(digits) == 10)
        if plausible:
            hits.append(("phone", match.start(), match.start() + len(candidate)))
    return hits


# --- e-mail, url, handle ------------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_TLDS = "nl|com|be|org|net|eu|info|app|io|me|tv|ly|gg|to|link|site|online|xyz|de|co|uk"
_URL = re.compile(
    rf"(?<![@\w.\-])(?:https?://[^\s<>\"”’)]+|www\.[^\s<>\"”’)]+|"
    rf"(?:[\w\-]+\.)+(?:{_TLDS})(?![\w\-])(?:/[^\s<>\"”’)]*)?)", _I)
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})")
# A word with an underscore is a username; "gebruikersnaam X" introduces one.
_UNDERSCORE = re.compile(r"(?<![\w@./])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_.]*[A-Za-z0-9](?![\w@])")
_NAMED_HANDLE = re.compile(
    r"\b(?:gebruikersnaam|accountnaam|schermnaam|username|nickname|profielnaam)\s*(?:is|was|:|"
    r"van)?\s*[\"“'‘]?(?P<handle>[A-Za-z0-9_.]{3,30})", _I)
_PLATFORM = re.compile(
    r"\b(?:snapchat|snap|instagram|insta|tiktok|tik\s?tok|twitter|facebook|telegram|discord|"
    r"youtube|twitch|threads|bereal|pinterest|reddit)"
    r"(?P<kw>[-\s]?(?:account|profiel|naam|gebruikersnaam|handle|id|kanaal))?"
    r"(?P<link>\s*(?:is|was|heet|als|:|onder\s+de\s+naam|met\s+de\s+naam))?"
    r"\s*[\"“'‘]?(?P<handle>[A-Za-z0-9_.]{3,30})[\"”'’]?", _I)


def find_emails(text: str, allow: AllowList, role_words: set[str]) -> list[Hit]:
    hits: list[Hit] = []
    for match in _EMAIL.finditer(text):
        address = match.group().rstrip(".")
        local, _at, domain = address.lower().rpartition("@")
        if allow.allows_email(address) or (local in role_words and domain in allow.domains):
            continue
        hits.append(("email", match.start(), match.start() + len(address)))
    return hits


def find_urls(text: str, allow: AllowList) -> list[Hit]:
    hits: list[Hit] = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:!?")
        looks_like_url = url.lower().startswith(("www.", "http")) or "/" in url
        if (looks_like_url or _known_site(url)) and not allow.allows_url(url):
            hits.append(("url", match.start(), match.start() + len(url)))
    return hits


def _known_site(url: str) -> bool:
    """A bare domain ("sanne.nl") counts; a word with a dot ("o.a.nl") only when plausible."""
    return bool(re.fullmatch(r"(?:[\w\-]{2,}\.)+[a-z]{2,6}", url, _I))


def find_handles(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in _AT_HANDLE.finditer(text):
        handle = match.group().rstrip(".")
        hits.append(("handle", match.start(), match.start() + len(handle)))
    for pattern in (_UNDERSCORE, _NAMED_HANDLE):
        for match in pattern.finditer(text):
            group = "handle" if pattern is _NAMED_HANDLE else 0
            handle = match.group(group).rstrip(".")
            if pattern is _NAMED_HANDLE and handle.lower() in ("van", "is", "was", "een", "de"):
                continue
            hits.append(("handle", match.start(group), match.start(group) + len(handle)))
    for match in _PLATFORM.finditer(text):
        handle = match.group("handle").rstrip(".")
        quoted = match.group().rstrip()[-1:] in "\"”'’" and len(handle) > 2
        marked = bool(match.group("kw") or match.group("link"))
        odd = bool(re.search(r"[\d_.]", handle))
        if odd or quoted or (marked and handle.islower() and len(handle) > 3):
            start = match.start("handle")
            hits.append(("handle", start, start + len(handle)))
    return hits


# --- address, id-number -------------------------------------------------------------------
_STREET_END = ("straat|laan|weg|plein|gracht|kade|dijk|singel|pad|hof|steeg|dreef|park|baan|"
               "markt|ring|wal|erf|veld|akker|hoek|haven|plantsoen|boulevard|allee|kamp|oord|"
               "dam|zoom|horst|vaart|weide|tuin|straatweg|dwarsstraat|burg|berg|wetering|lei")
_STREET = re.compile(
    rf"\b(?:[A-Z][\w'’\-]*[ \t\xa0]+(?:(?:van|de|der|den|het|'t)[ \t\xa0]+)*)?"
    rf"[A-Z][\w'’\-]*(?:{_STREET_END})"  # one line: a letterhead puts the name above it
    r"[ \t\xa0]+\d{1,4}(?:\s?-?\s?[a-zA-Z](?![\w])|\s?-\s?\d{1,3})?(?![\w])")
_LIVES = re.compile(
    r"\bwoon(?:t|de|den|achtig)?\s+(?:aan|op|in|bij|vlakbij|naast|tegenover)\s+(?:de\s+|het\s+)?"
    r"(?:wijk\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z0-9][\w'’\-]*)*")
_HOUSE_NUMBER = re.compile(r"\b(?:huisnummer|op\s+nummer|nummer)\s+\d{1,4}[a-zA-Z]?\b", _I)
_POSTCODE = re.compile(r"(?<![\w])[1-9]\d{3}\s?[A-Z]{2}(?![\w])")
_ID_KEYWORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer|leerlingnummer|leerlingnr\.?|"
    r"leerling-?id|studentnummer|stamnummer|onderwijsnummer|pgn|persoonsgebonden\s+nummer|"
    r"dossiernummer|zaaknummer|registratienummer|pv-nummer|proces-verbaalnummer|"
    r"aangiftenummer|klantnummer|pasnummer|id-nummer|identiteitsnummer|documentnummer)"
    r"(?:\s+(?:van|de|het|uw|haar|zijn|kind|leerling|dochter|zoon|meisje|jongen)){0,4}"
    r"(?:\s*(?:is|was|:|nr\.?|nummer))?\s*(?:[A-Z]{0,4}[-\s]?\d[\d\s.\-/]{1,15}\d|\d{3,})", _I)
_DIGITS9 = re.compile(r"(?<![\w.\-])\d{3}[\s.\-]?\d{2,3}[\s.\-]?\d{3,4}(?![\w])")
_LONG_NUMBER = re.compile(r"(?<=leerling\s)\d{5,8}\b|(?<=nummer\s)\d{5,9}\b", _I)


def find_addresses(text: str) -> list[Hit]:
    from stdnum.nl import postcode

    hits: list[Hit] = [("address", m.start(), m.end()) for m in _STREET.finditer(text)]
    hits += [("address", m.start(), m.end()) for m in _LIVES.finditer(text)]
    hits += [("address", m.start(), m.end()) for m in _HOUSE_NUMBER.finditer(text)]
    for match in _POSTCODE.finditer(text):
        if postcode.is_valid(match.group()):
            hits.append(("address", match.start(), match.end()))
    return hits


def find_id_numbers(text: str) -> list[Hit]:
    from stdnum.nl import bsn

    hits: list[Hit] = [("id-number", m.start(), m.end()) for m in _ID_KEYWORD.finditer(text)]
    for match in _DIGITS9.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 9 and bsn.is_valid(digits):
            hits.append(("id-number", match.start(), match.end()))
    hits += [("id-number", m.start(), m.end()) for m in _LONG_NUMBER.finditer(text)]
    return hits


# --- birthdate, age -----------------------------------------------------------------------
_DATE = (rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{1,2}}\s+(?:{_MONTHS})\.?"
         rf"(?:\s+(?:19|20)\d{{2}})?|(?:19|20)\d{{2}})")
_BIRTH = re.compile(
    rf"\b(?:geboren|geb\.|geboortedatum|geboortejaar|geboortedag|jarig|verjaardag|verjaart|"
    rf"jaargang)\b(?:\s*(?:op|in|is|was|:|sinds|van|rond))*\s*({_DATE})(?![\w])", _I)
_BIRTH_AFTER = re.compile(rf"(?<![\w-])({_DATE})\s+(?:geboren|jarig)\b", _I)
_PAREN_YEAR = re.compile(r"\(\s*((?:19|20)\d{2})\s*\)"
                         r"|\b(?:is|was|zijn|waren|ben)\s+van\s+((?:19|20)\d{2})\b"
                         r"|\bbouwjaar\s+((?:19|20)\d{2})\b", _I)
_NUM = rf"(?:\d{{1,2}}|{_NUM_WORDS})"
_AGE_PATTERNS = (
    re.compile(r"(?:(?<=\w\s)|(?<=\w))\(\s*(\d{1,2})\s*(?:jaar|jr\.?)?\s*\)"),
    re.compile(rf"(?<![\w])({_NUM})[-\s]?jarig\w*", _I),
    re.compile(rf"(?<![\w,.])({_NUM})\s+(?:jaar|jr\.?)(?:\s+oud)?(?![\w])", _I),
    re.compile(rf"\b(?:meisje|jongen|leerling|kind|dochter|zoon|tiener|scholier|jongere|puber|"
               rf"leeftijd)\s+(?:van\s+)?(?:pas\s+|nog\s+maar\s+|net\s+)?({_NUM})(?![\w:.,])", _I),
    re.compile(rf"\b(?:is|was|werd|wordt)\s+(?:pas|net|nog\s+maar|bijna|inmiddels)\s+({_NUM})"
               rf"(?![\w:.,%])", _I),
    re.compile(rf"\bleeftijd\s*(?:van|:)\s*({_NUM})\b", _I),
)
_NOT_AN_AGE_BEFORE = re.compile(
    r"(?:\b(?:tot|t/m|tot\s+en\s+met|en|vanaf|onder\s+de|boven\s+de|al|sinds|over|binnen|"
    r"afgelopen|laatste|na|dan|per|elk|elke|ruim|tussen|van\s+\d{1,2}\s+tot|"
    r"(?:kinderen|jongeren|leerlingen|tieners|scholieren|pubers)\s+(?:van|vanaf|tot|onder))|[-–])\s*$",
    _I)
_NOT_AN_AGE_AFTER = re.compile(r"^\s*(?:geleden|lang|ervaring|later|eerder|tot|t/m|en\s+\d|"
                               r"(?:en|of)\s+(?:ouder|jonger|meer|minder)|\+)",
                               _I)


def find_birthdates(text: str, annotations: list[tuple[int, int, str]],
                    today: dt.date | None = None) -> list[Hit]:
    """Dates near a word about birth, and dates (from deduce) too old to be about the incident."""
    year = (today or dt.date.today()).year
    hits: list[Hit] = []
    for pattern in (_BIRTH, _BIRTH_AFTER):
        hits += [("birthdate", m.start(), m.end()) for m in pattern.finditer(text)]
    for match in _PAREN_YEAR.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i))
        if 1990 <= int(match.group(group)) <= year - 3:
            hits.append(("birthdate", match.start(group) if group > 1 else match.start(),
                         match.end(group) if group > 1 else match.end()))
    for start, end, tag in annotations:
        found = re.search(r"(?:19|20)\d{2}|(?<!\d)\d{2}$", text[start:end])
        if tag == "datum" and found:
            value = int(found.group())
            value = value + 2000 if value < 100 and value <= year % 100 else (
                value + 1900 if value < 100 else value)
            if 1990 <= value <= year - 3:
                hits.append(("birthdate", start, end))
    return hits


def find_ages(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            value = _number(match.group(1))
            if value is None or not 4 <= value <= 21:
                continue
            before = text[max(0, match.start() - 25):match.start()]
            after = text[match.end():match.end() + 20]
            if pattern is _AGE_PATTERNS[2] and (_NOT_AN_AGE_BEFORE.search(before)
                                                 or _NOT_AN_AGE_AFTER.search(after)):
                continue
            hits.append(("age", match.start(), match.end()))
    return hits


# --- group (class names) ------------------------------------------------------------------
_GROUP_PATTERNS = (
    re.compile(r"\b(?:groep|klas|mentorgroep|mentorklas|stamgroep|basisgroep|leerjaar|jaarlaag|"
               r"combinatiegroep|kleutergroep|unit|bouw)\s+(?:\d{1,2}(?:\s?[/\-]\s?\d{1,2})?"
               r"(?:[A-Za-z]{1,3}\d?|\s[A-Z](?![\w']))?|[A-Z]{1,2}\d?[a-z]?)(?![\w])"),
    re.compile(r"\bgroep\s+(?:twee|drie|vier|vijf|zes|zeven|acht)\b", _I),
    re.compile(r"(?<![\w/\-.,:])[1-6](?:[A-Z]{1,3}\d?|[a-d])(?![\w\-/])"),
    re.compile(r"(?<![\w/\-])(?:[HVMTG]{1,2}[1-6][A-Za-z]?|[A-Z]{1,2}[1-6][a-z])(?![\w\-])"),
    re.compile(r"\b(?:[1-6]|eerste|tweede|derde|vierde|vijfde|zesde)\s?-?\s?(?:havo|vwo|vmbo"
               r"(?:[-\s]?(?:tl|gt|kb|bb|t|k|b)\b)?|mavo|atheneum|gymnasium|tto|tl|kader|"
               r"basis|bbl|kbl|gtl)\b", _I),
    re.compile(r"\b(?:havo|vwo|vmbo|mavo|atheneum|gymnasium)[-\s]?[1-6]\b", _I),
    re.compile(r"\b(?:eerste|tweede|derde|vierde|vijfde|zesde)\s+(?:klas|klassers?|jaars)\b", _I),
    re.compile(r"\b(?:brugklas\w*|examenklas\w*|eindexamenklas\w*|eindexamenkandidat\w*)\b",
               _I),
    re.compile(r"\b(?:mentorklas|mentorgroep|klas|groep|stamgroep)\s+van\s+(?:(?:meneer|mevrouw|"
               r"juf|meester|mentor|docent|de\s+heer)\s+)?[A-Z][\w\-]+(?:\s+(?:(?:van|de|der|den)"
               r"\s+)*[A-Z][\w\-]+)?"),
    re.compile(r"\b(?:groepsapp|groepschat|appgroep|whatsappgroep|klassenapp|klassenchat)\s+"
               r"[\"“‘']([^\"”’'\n]{2,40})[\"”’']", _I),
)
_NOT_A_GROUP_AFTER = re.compile(r"^\s*(?:t/m|tot\s+en\s+met|tot)\b", _I)
_NOT_A_GROUP_BEFORE = re.compile(r"\b(?:vanaf|tot|t/m|tot\s+en\s+met|alle|iedere|elke|per)\s*$",
                                 _I)


def find_groups(text: str, not_codes: set[str]) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in _GROUP_PATTERNS:
        for match in pattern.finditer(text):
            if match.group().casefold() in not_codes:
                continue
            if (_NOT_A_GROUP_AFTER.search(text[match.end():match.end() + 15])
                    or _NOT_A_GROUP_BEFORE.search(text[max(0, match.start() - 15):match.start()])):
                continue
            hits.append(("group", match.start(), match.end()))
    return hits


# --- names with a title ("de heer Visser", "juf Petra") -------------------------------------
_TITLED = re.compile(
    r"\b(?i:meneer|mevrouw|mevr\.|mw\.|dhr\.|de\s+heer|juf|juffrouw|meester|mentor|docent|"
    r"docente|leraar|lerares|mijnheer|coach|trainer|oom|tante|opa|oma)\s+(?:[A-Z]\.\s*)*"
    r"(?:(?:van|de|der|den|ter|ten|van\s+der|van\s+den)\s+)?[A-Z][\w'’\-]+"
    r"(?:\s+(?:(?:van|de|der|den)\s+)*[A-Z][\w'’\-]+)?")


def find_titled_names(text: str) -> list[Hit]:
    return [("name", m.start(), m.end()) for m in _TITLED.finditer(text)]


STRUCTURED: tuple[str, ...] = ("id-number", "phone", "email", "url", "handle", "address",
                               "birthdate", "age", "group")
Detector = Callable[..., list[Hit]]
