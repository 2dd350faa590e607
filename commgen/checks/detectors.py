"""Detectors for the structured categories: phone, e-mail, url, handle, address, id-number,
birthdate, age and group (class names).

Libraries do what they do best: phonenumbers tells a helpline (0800, 0900) from a personal
number. The BSN 11-proef and the postcode letters are a few lines here (python-stdnum cost
0.04 s of imports on every run); dates come from ``checks.namefinder``. The patterns here
cover what no library knows: Dutch class names, ages, social-media handles. Each detector
returns (key, start, end); the texts per key are data (``detectoren.yaml``).

The patterns keep the structure (a class word, then a number or a code); the Dutch words in
them are data too (``woorden.yaml``, read by ``checks.vocabulary``). ``detectors_for``
compiles the patterns once per vocabulary, that is once per process for a rules folder, and
``checks.patterns`` keeps their compiled form on disk.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from commgen.checks.allow import AllowList, domain_of
from commgen.checks.vocabulary import Vocabulary, alternation
from commgen.checks.wordstart import compile_detector as _compile  # speed only: same matches
from commgen.questions.guard import normalise

Hit = tuple[str, int, int]  # detector key, start, end
_I = re.IGNORECASE

# --- patterns without words -----------------------------------------------------------------
_PHONE = re.compile(r"(?<![\w+/])(?:(?:\+|00)\d{2}[\s.\-–]?(?:\(0\))?|\(?0)\d[\d\s.\-–/()]{6,16}\d"
                    r"(?![\w])")
_HELPLINE_TYPES = ("TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "UAN")
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# an address written to fool a harvester: "w.hoekstra [at] xs4all.nl", "naam(at)domein.nl"
_EMAIL_SPELLED = re.compile(r"[\w.+\-]+\s*(?:\[\s*(?:at|@)\s*\]|\(\s*(?:at|@)\s*\)|\{\s*at\s*\}|"
                            r"\s(?:apenstaartje|at)\s)\s*[\w\-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*"
                            r"[\w\-]+)*\s*(?:\.|\[dot\]|\(dot\))\s*[a-z]{2,6}\b", re.IGNORECASE)
_AT_SPELLED = re.compile(r"[\[({]\s*(?:at|@)\s*[\])}]|\s(?:apenstaartje|at)\s", re.IGNORECASE)
# a Discord name with its tag: "DarkNova#7731"
_TAGGED_HANDLE = re.compile(r"(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}(?!\d)")
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})")
# a Reddit user by its form: "u/drenthe_dude88"
_REDDIT_USER = re.compile(r"(?<![\w/])u/[A-Za-z0-9_\-]{3,20}(?![\w/])")
# A word with an underscore is a username; "gebruikersnaam X" introduces one.
_UNDERSCORE = re.compile(r"(?<![\w@./])[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*_[A-Za-z0-9_.]*"
                         r"[A-Za-z0-9](?![\w@])")
_HANDLE_SHAPED = re.compile(  # a digit, an underscore, a dot or a capital between letters
    r"(?<![\w@./\-])(?=[A-Za-z0-9_.]*(?:\d|_|[A-Za-z0-9]\.[A-Za-z0-9]|[a-z][A-Z]))"
    r"(?=[0-9_.]*[A-Za-z])"
    r"[A-Za-z0-9][A-Za-z0-9_.]{2,29}(?<![.])(?![\w@/\-])")
# a username made of words run together, with two capitals or more inside it
# ("BloxBoyZwolle", "xXSvenNinjaXx", "ZaanWerfKing"): a username wherever it stands
_CAMEL_HANDLE = re.compile(r"(?<![\w@./\-])[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]*){2,}(?![\w@/\-])")
_ONE_CAPITAL = re.compile(r"[a-z][A-Z]")
# a channel of a chat server by its hashtag with a hyphen ("#4v-memes", "#nsfw-school") or
# after a word for a channel ("kanaal #memes")
_CHANNEL_TAG = re.compile(r"(?<![\w#&/])#[A-Za-z0-9][\w]*(?:-[\w]+)+"
                          r"|(?i:kanaal|server|channel|kanalen)\s(?P<tag>#[A-Za-z0-9][\w\-]{1,40})")
# a lower-case word after a platform that the sentence goes on from ("Roblox is populair
# bij ...") is a word, not a username (a username ends its clause: "heet kloosterbro.")
_A_WORD_GOES_ON = re.compile(r"[ \t]+(?:[a-z]|\d)")
_AN_ACCOUNT = re.compile(r"\b(?:een|geen)\s+(?:eigen\s+|nieuw\s+|nieuwe\s+|apart\s+)?$", _I)
_HANDLE_REACH = 60  # characters between the platform word and the username, at most
_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")
_FULL_STOP = re.compile(r"[.!?\n]\s")
_NOT_A_HANDLE = ("van", "is", "was", "een", "de")  # "gebruikersnaam van ...": no handle yet
_NUMBER_START = re.compile(r"(?<![\w\-])(?:[A-Z]{1,5}[-\s]?)?\d")
_HOUSE_NUMBER = re.compile(r"\b(?:huisnummer|op\s+nummer|nummer)\s+\d{1,4}[a-zA-Z]?\b"
                           r"(?![\s.\-]?\d)", _I)  # not "het nummer 0800-0432", a phone
_POSTCODE = re.compile(r"(?<![\w])[1-9]\d{3}\s?[A-Z]{2}(?![\w])")
_DIGITS9 = re.compile(r"(?<![\w.\-])\d{3}[\s.\-]?\d{2,3}[\s.\-]?\d{3,4}(?![\w])")
# a further code in a list: ", 209947", " en 210004"
_LISTED_CODE = re.compile(r"\s*(?:,|;|\ben\b)\s*(\d{4,}|[A-Z]{1,4}-?\d{3,})(?![\w\-])")
# a card or account number: four groups of four digits, an IBAN, an IMEI of 15 digits
_CARD_NUMBER = re.compile(r"(?<![\w\-])\d{4}([ \-])\d{4}\1\d{4}\1\d{4}(?![\w\-])"
                          r"|(?<![\w])[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}(?![\w])"
                          r"|(?<![\w\-+])\d{15}(?![\w\-])")
_LONG_NUMBER = re.compile(r"(?<=leerling\s)(?:\d{5,8}|\d{2,3}\.\d{3})\b(?!\.\d)"
                          r"|(?<=nummer\s)\d{5,9}\b", _I)  # "Leerling 240.871"
# a code of digits with separators, and its form for comparing ("20-4817" -> "2-4")
_CODE_TOKEN = re.compile(r"(?<![\w\-./])\d[\d\-./]*\d(?![\w\-]|[./]\d)")


def _recent_year(found: str, year: int) -> bool:
    """A bare year of the last three years is this case's date, not a birth ("in 2026
    geboren" of an idea, a plan); a full date is judged by its words as before."""
    return found.isdigit() and len(found) == 4 and int(found) > year - 3


def _shape(code: str) -> str:
    return re.sub(r"\d+", lambda m: str(len(m.group())), code)


# numbers by their form: a case or file code of letters and two or more groups of digits
# ("HW-26-11-3391", "ZT-2026-0147"), an IP address, a run of 10 to 14 digits that is not a
# telephone number (a report or account number: "meldingsnummer Instagram 4418290377164")
_CODE_SHAPED = re.compile(r"(?<![\w\-])(?-i:[A-Z]{1,5})-\d{2,4}(?:-\d{2,6}){1,3}(?![\w\-])"
                          r"|(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]|\.\d)"
                          r"|(?<![\w\-+./=@#])[1-9]\d{9,13}(?![\w\-/])")
# a word for a personal number a few words before a nine-digit number: "BSN Lana Haddad 318
# 057 442" is a BSN even when its check digit is wrong
_NUMBER_CONTEXT_REACH = 40
_PAREN_YEAR = re.compile(r"\(\s*((?:19|20)\d{2})\s*\)"
                         r"|\b(?:is|was|zijn|waren|ben)\s+van\s+((?:19|20)\d{2})\b"
                         r"|\bvan\s+((?:19|20)\d{2})\s+(?:is|was|zijn|waren|ben)\b"
                         r"|\bbouwjaar\s+((?:19|20)\d{2})\b", _I)
_CLASS_CODES = (
    re.compile(r"(?<![\w/\-.,:])(?:[1-6](?:[A-Z]{1,3}\d?|[a-d])|[78][a-d])(?![\w\-/])"),
    # in lower case ("h3c", "v5a") and with a hyphen ("VIG-2B", "PRO-3")
    re.compile(r"(?<![\w/\-])(?:[hv][1-6][a-d]?|m[1-6][a-d])(?![\w\-])|(?<![\w/\-])[A-Z]{2,4}-[1-6][A-Z]?(?![\w\-])"),
    re.compile(r"(?<![\w/\-])(?:[HVMTG]{1,2}[1-6][A-Za-z]?|[A-Z]{1,2}[1-6][a-z])(?![\w\-])"),
    re.compile(r"(?<![\w/\-])(?:TL|KB|BB|GT|KL|BK|TH|HV|MH)[1-6][A-Za-z]?(?:-[a-dA-D])?(?![\w\-])"),
    # a class code with a part after a hyphen, in any order of year and level letters:
    # "2HV-b", "3VK-2", "8b-17" (a pupil's place in a class), "PrO-3", "K3A", "de
    # 2HV-klassen", "de 2HV-laag"
    re.compile(r"(?<![\w/\-.,:])[1-8][A-Za-z]{1,3}-(?:[a-dA-D]|\d{1,2})(?![\w\-/])"
               r"|(?<![\w/\-])(?i:pro)-[1-6](?![\w\-])"
               r"|(?<![\w/\-])[KA][1-6][A-D](?![\w\-])"
               r"|(?<![\w/\-.,:])[1-6][A-Za-z]{1,3}-(?i:klassen|klas|laag|leerlingen)\b"),
    # in lower case with a class letter ("uit 3hb", "in 4hc", "#3hb-gaming"), practical
    # education with a space ("PrO 3", "PrO-2B"), parallel classes ("3b/3c"), a class after a
    # folder or a teacher's code ("Zorg/3HB", "NE/2HV")
    re.compile(r"(?<![\w/\-.,:])[1-6][hvmtk][a-d](?![\w/])"
               r"|(?<![\w/\-])(?:PrO|PRO)[\s\-]?[1-6][A-Da-d]?(?![\w\-])"
               r"|(?<![\w/\-.,:])[1-8][a-d](?:/[1-8][a-d])+(?![\w\-/])"
               r"|(?<=[A-Za-z]/)[1-6][A-Z]{1,3}(?![\w\-/])"),
    # a hockey team ("MC1 van Kampong", "JB2"), a team code before "-team" ("het MO17-team")
    re.compile(r"(?<![\w/\-])[MJ][A-F][1-9](?![\w\-])"
               r"|(?<![\w/\-])(?:MO|JO|MA|JA)\d{1,2}(?=-(?i:team|meid|meiden|elftal|selectie|jongens)\b)"),
    # a sports team: letters, the age category, a team number ("MO17-2", "JO11-1"), also
    # without the team number ("de MO15", "de O14")
    re.compile(r"(?<![\w/\-])(?:MO|JO|O|MA|JA|DA|HA|HS|DS)\d{1,2}-\d{1,2}(?![\w\-])"),
    re.compile(r"(?<![\w/\-])(?:MO|JO|MA|JA)\d{1,2}(?![\w\-])|(?<=de\s)O(?:[7-9]|1\d|2[0-3])\b"),
    # a youth team of a club after a word for a team ("de selectie van de A1")
    re.compile(r"(?i:selectie|elftal|team)\s+van\s+de\s+[A-F][1-9]\b"),
    # a room of a camp or boarding school ("de jongens van kamer 308"), a youth team by its
    # letter ("D-junioren")
    re.compile(r"(?<![\w])(?i:kamer|slaapzaal|tent|chalet|huisje)\s+\d{1,4}\b(?![.,]\d)"),
    re.compile(r"(?<![\w])[A-F]-?(?i:junioren|pupillen|jeugd|selectie)\b"),
    # a chat group or app with its name in quotes ("de kinderappgroep ‘G7 chillerz’", "de
    # internaatsapp ‘Eikenrode lichting 2026’")
    re.compile(r"(?i:app|appgroep|groep|chat|groepschat)\s+[\"“‘']([^\"”’'\n]{2,40})[\"”’']"),
    # a chat group, server or team by its name in quotes after a word that names or sends to
    # it: "De Discordserver heet ‘Flevo Fakes’", "doorgestuurd naar ‘Polderwind memes’"
    re.compile(r"(?i:heet|heette|genaamd|doorgestuurd\s+naar|gestuurd\s+naar|gedeeld\s+in|"
               r"daarna\s+in|de\s+chat\s+van|de\s+groep\s+van|het\s+dansteam|het\s+team|de\s+club)"
               r"\s+[‘“]([^”’\n]{2,40})[”’]"),
)
# a short code that may be something else ("4K", "5G") is a class in a list after a name or
# an age ("Sem Oldenhuis, 4K.", "(17, 5G)", "in 4A en 5G", "allebei 4K") (round detect11b)
_CODE_LISTED_BEFORE = re.compile(r"(?:[\w)],|\(\d{1,2},|\b[1-6][A-Za-z]{1,3}\s+en|\ballebei|"
                                 r"\bbeiden|\bons\s+in)\s*$")
_CODE_LISTED_AFTER = re.compile(r"\s*(?:[.,;)]|$)")
# a whole year ("het vierde jaar", "de derde klassen") is a group of all its pupils, no
# pupil's, unless a pupil comes from it ("een meisje uit het vierde jaar")
_YEAR_OF_ALL = re.compile(r"(?:\bjaar|klassen)$", re.IGNORECASE)
_YEAR_OF_ONE = re.compile(r"\b(?:(?:uit|in)\s+(?:het|de)|hetzelfde|dezelfde)\s*$", re.IGNORECASE)
# A class named by what it does, found from its ending ("de sportklas", "uit de danklas",
# "ISK-klas", "de technasiumstroom"): the word before the ending is looked at in Python (a
# pattern that starts at every word costs ten times more).
_CLASS_ENDING = re.compile(r"(?:klas|klassen|stroom)\b", re.IGNORECASE)
_SCANDAL_ENDING = re.compile(r"(?:schandaal|schandalen|rel|relletje|drama|affaire|gate)(?![\w])",
                             re.IGNORECASE)
class _Places:
    """Where a text's full stops end and its group hits start and end, sorted once, so that
    each hit finds its sentence and its neighbours by bisection: a text twice as long costs
    twice as much (a scan of the text and of every hit per hit made 1 MB take minutes)."""

    def __init__(self, text: str, hits: list[Hit]) -> None:
        self.text = text
        self.stops = [m.end() for m in _FULL_STOP.finditer(text)]
        self.starts = sorted(s for _k, s, _e in hits)
        self.ends = sorted(e for _k, _s, e in hits)

    def sentence_start(self, start: int) -> int:
        """The end of the last full stop that ends at or before ``start`` (0: none)."""
        i = bisect_right(self.stops, start)
        return self.stops[i - 1] if i else 0

    def side_by_side(self, start: int, end: int) -> bool:
        """Another hit joined to this one by "en" or "of" and white space only: the text
        between them is ``\\s+(?:en|of)\\s+`` as a whole."""
        after = _JOINED_AFTER.match(self.text, end)
        if after is not None:  # another hit starts inside the white space after the word
            i = bisect_left(self.starts, after.start("ws") + 1)
            if i < len(self.starts) and self.starts[i] <= after.end("ws"):
                return True
        before = _joined_before(self.text, start)
        if before is None:
            return False
        i = bisect_left(self.ends, before[0])
        return i < len(self.ends) and self.ends[i] <= before[1]


_JOINED_AFTER = re.compile(r"\s+(?:en|of)(?P<ws>\s+)")


def _joined_before(text: str, start: int) -> tuple[int, int] | None:
    """Where another hit may end so that the text up to ``start`` is white space, "en" or
    "of" and white space: the first and the last such end (None: no "en" or "of" there)."""
    word = start
    while word > 0 and text[word - 1].isspace():
        word -= 1
    if word == start or text[word - 2:word] not in ("en", "of"):
        return None
    last = word - 2
    first = last
    while first > 0 and text[first - 1].isspace():
        first -= 1
    return (first, last - 1) if first < last else None


def _compound_start(text: str, end: int) -> int:
    """Where the word that ends at ``end`` with an ending begins ("sport" in "sportklas", "ISK-"
    in "ISK-klas"); -1 when it is part of a longer token ("brief-ouders-klas.docx", "a/klas").
    """
    start = end
    if start > 0 and text[start - 1] == "-":
        start -= 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if start > 0 and (text[start - 1] in "-/._@" or text[start - 1].isdigit()):
        return -1
    return start


_NOT_CLASS_PREFIXES = frozenset({"wereld", "top", "eerste", "tweede", "derde", "midden",
                                 "school", "hele", "golf", "lucht", "zee", "water"})
# The name of a school: a word for a school with a name ("Bargerveen Lyceum", "OSG De
# Meerwaarden", "de Hondsrugschool"); found as an identifying detail unless it is the school's
# own name (the allow-list).
_SCHOOL_NAME_PART = r"(?:(?:De|Het|'t|Sint|St\.)[ \t]+)?[A-Z][\w'’\-]+"

# The interfixes that may stand inside a street or a titled name ("Laan van de Mensenrechten").
_STREET_INTERFIX = r"(?:van|de|der|den|het|'t)"
# After "is al 5": a number of days or hours, not an age.
_NOT_AGE_UNITS = (r"uur|dag|dagen|week|weken|maand|maanden|jaar|keer|minuten|procent|euro|"
                  r"leerlingen|klassen|mensen")
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ]"  # Özdemir, Łukasz
_NAME_INTERFIX = r"(?:van|de|der|den|ter|ten|van\s+der|van\s+den)"


_NO_POSTCODE_LETTERS = ("SA", "SD", "SS")  # PostNL does not use these letter pairs


def _bsn_valid(digits: str) -> bool:
    """The 11-proef of a citizen service number (BSN): nine digits, weighted 9..2 and -1."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    weighted = sum((9 - i) * int(d) for i, d in enumerate(digits[:8])) - int(digits[8])
    return weighted % 11 == 0


def _known_site(url: str) -> bool:
    """A bare domain ("sanne.nl") counts; a word with a dot ("o.a.nl") only when plausible."""
    return bool(re.fullmatch(r"(?:[\w\-]{2,}\.)+[a-z]{2,6}", url, _I))


class Detectors:
    """The detectors with their patterns compiled from one vocabulary."""

    def __init__(self, words: Vocabulary) -> None:
        w = words.alternatives

        def capitalised(key: str) -> str:
            """A list of lower-case words, also with a capital at the start of a sentence
            ("Groep 8 van locatie ...")."""
            listed = words.words(key)
            return alternation((*listed, *(x[:1].upper() + x[1:] for x in listed)))

        self.numbers = dict(words.numbers)
        number_words = "|".join(re.escape(n) for n in sorted(self.numbers, key=len, reverse=True))
        num = rf"(?:\d{{1,2}}|{number_words})"
        months = w("maanden")

        # e-mail, url, handle
        self.url = _compile(
            rf"(?<![@\w.\-])(?:https?://[^\s<>\"”’)]+|www\.[^\s<>\"”’)]+|"
            rf"(?:[\w\-]+\.)+(?:{w('domeinextensies')})(?![\w\-])(?:/[^\s<>\"”’)]*)?|"
            # any short top-level domain with a path: a link shortener ("we.tl/t-8HjK")
            r"(?:[\w\-]+\.)+[a-z]{2,12}/[\w\-./?=&%#@]*[\w/])", _I)
        self.help_words = _compile(rf"\b(?:{w('hulp_woorden')})\b", _I)
        self.platform_name = _compile(rf"^(?:{w('platforms')})\b", _I)
        # a platform and an account word run together: "TikTokaccount", "Instagramprofiel"
        self.platform_account = _compile(
            rf"(?:{w('platforms')})-?(?:{w('platform_woorden')})", _I)
        self.named_handle = _compile(
            rf"\b(?:{w('gebruikersnaam_woorden')})\s*(?:is|was|:|"
            r"van)?\s*[\"“'‘]?(?P<handle>[A-Za-z0-9_.]{3,30})", _I)
        # a word shaped like a username (digits, dots, underscores) in a sentence that names a
        # platform or an account: "op TikTok heet het account sterrenmeisje.07"
        self.not_handles = frozenset(x.casefold() for x in words.words("geen_gebruikersnamen"))
        self.handle_context = _compile(
            rf"\b(?:{w('platforms')}|{w('platform_woorden')}|{w('gebruikersnaam_woorden')})", _I)
        self.platform = _compile(
            rf"\b(?:{w('platforms')})"
            rf"(?P<kw>[-\s]?(?:{w('platform_woorden')}))?"
            rf"(?P<link>\s*(?:{w('platform_koppelwoorden')}))?"
            r"\s*[\"“'‘]?(?P<handle>[A-Za-z0-9_.]{3,30})[\"”'’]?", _I)

        # address, id-number
        self.street = _compile(
            rf"\b(?:(?:[A-Z]\.){{1,3}}[ \t\xa0]?)?"  # initials: "J.C. Wilslaan 12"
            rf"(?:[A-Z][\w'’\-]*[ \t\xa0]+(?:{_STREET_INTERFIX}[ \t\xa0]+)*)?"
            # one line: a letterhead puts the name above it
            rf"[A-Z][\w'’\-]*(?:{w('straatnaam_eindes')})"
            r"[ \t\xa0]+\d{1,4}(?:\s?-?\s?[a-zA-Z](?![\w])|\s?-\s?\d{1,3})?(?![\w])")
        # a street without a number after "aan de" or "op de hoek van" ("bij hem thuis aan de
        # Spijksedijk"), and a capitalised name with a house number after "op" or "aan"
        # ("kom langs op De Vest 9", "aan de Boveneind 150")
        self.street_named = _compile(
            rf"\b(?:aan|op|in|bij|naar|vanaf)\s+(?:de\s+hoek\s+van\s+)?de[ \t\xa0]+"
            rf"(?P<street>[A-Z][\w'’\-]*(?:{w('straatnaam_eindes')})(?![\w])"
            rf"(?:\s+en\s+de\s+[A-Z][\w'’\-]*(?:{w('straatnaam_eindes')})(?![\w]))?)")
        self.street_numbered = _compile(
            r"\b(?:op|aan|bij|naar|tegenover|naast)[ \t\xa0]+(?:(?:de|het)[ \t\xa0]+)?"
            r"(?P<street>(?:(?:De|Het|'t)[ \t\xa0]+)?"
            r"(?!(?:Groep|Klas|Unit|Kanaal|Nederland|NPO|RTL|Radio|Lokaal|Kamer|Zaal|Veld|Lijn|"
            r"Bus|Tram|Spoor|Perron|Hoofdstuk|Artikel|Vraag|Pagina|Bladzijde|Les|Blok|Periode|"
            r"Week|Windows|Route|Stap|Level|Seizoen|Aflevering|Fase|Niveau|Jaar|Leerjaar|Team|"
            r"Tafel|Gebouw|Verdieping|Ingang|Poort|Uitgang|Kluis|Locker|Kanalen|Versie)\b)"
            r"[A-Z][\w'’\-]+[ \t\xa0]+\d{1,4}[a-z]?)(?![\w:.,]\d|[\w:])"
            r"(?![ \t\xa0]+(?:uur|jaar|procent|minuten|januari|februari|maart|april|mei|juni|juli|"
            r"augustus|september|oktober|november|december))")
        self.lives = _compile(
            rf"\b(?:{w('wonen')})\s+(?:{w('wonen_voorzetsels')})\s+(?:de\s+|het\s+)?"
            r"(?:wijk\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z0-9][\w'’\-]*)*")
        # round detect10b: a named local place by its structure; the hit is the place's
        # name only, so the school's own place and address (the allow-list) pass
        # (a word with a small letter after its capital: not a class "H3B", "TL2", "Mavo-plusklas")
        place = (rf"(?!(?i:{w('schooltypen')}|{w('schooltypen_met_leerweg')}|groep|klas|lwoo)\b)"
                 r"(?:(?:De|Het|'t|Van\s+der|Van\s+de|Van)\s+)?[A-Z][a-zà-ÿ'’][\w'’\-]*"
                 r"(?<!klas)(?<!groep)(?:\s+[A-Z][\w'’\-]+)?")
        self.places = (
            # "de jongen uit Bouwlust", "een leerling van 15 uit Moerwijk"
            _compile(rf"\b(?:{w('persoon_voor_plaats')})(?:[\s,]+(?:van\s+)?{num})?,?"
                     rf"\s+uit\s+(?:de\s+|het\s+)?(?P<place>{place})"),
            # "de wijk Terwijde", "snackbar Het Hoekje", "halte Stadsplein"
            _compile(rf"\b(?i:{w('plek_met_naam')})\s+(?P<place>{place})"),
            # "het Hofbad", "de Emmaüskerk", "de Al-Fath-moskee", "de Wildlands-parkeergarage"
            # after a preposition of place ("Het Máximapark is een mooie plek" names no one)
            _compile(rf"\b(?i:in|bij|op|naar|achter|naast|tegenover|rond|uit|van)\s+(?:de|het)\s+"
                     rf"(?P<place>[A-Z][\w'’\-]*?-?(?:{w('plek_eindes')}))\b"),
            # "wonen sinds de zomer in Haarzuilens", "woont met haar moeder in flat De Parkrand"
            _compile(rf"\b(?:{w('wonen')}|wonen)\s+(?:[\w'’\-]+\s+){{1,5}}?(?:in|op|aan|bij)\s+"
                     rf"(?:de\s+wijk\s+|de\s+|het\s+|flat\s+)?(?P<place>{place})"),
            # a venue at a named street or square: "de Jumbo aan de Westzijde", "de Mac aan het
            # Stadsplein"
            _compile(r"\b(?:de|het|bij)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?\s+(?:aan|op)\s+"
                     r"(?:de|het)\s+(?P<place>[A-Z][\w'’\-]+)"),
            # round det14d: someone's home by the person ("bij oksana thuis", "bij een leerling
            # thuis in Oudorp"; not "bij ons thuis", "bij u thuis", "bij een vriend thuis")
            _compile(r"\bbij\s+(?P<place>(?!(?:ons|u|jou|je|jullie|mij|me|iemand|anderen|hen|"
                     r"uw\s+kind|jouw\s+kind|een\s+vriend\w*|vrienden|elkaar)\s+thuis\b)(?!het\s|twijfel\b)"
                     r"(?:[\w'’\-]+\s+){1,3}?(?-i:thuis)(?:\s+(?:in|aan|op)\s+(?:de\s+)?[A-Z][\w'’\-]+)?)\b",
                     _I),
            # a workplace: "werkt in Lanaken", "werkt met de vader van Jens bij Sappi", "werkt
            # als bezorger bij Thuisbezorgd in Wyck", "op zijn werk bij DSM in Geleen"
            _compile(rf"\b(?:werkt|werken|werkte|werkten|(?:zijn|haar|z'n|d'r)\s+werk)\s+"
                     rf"(?:[\w'’\-]+\s+){{0,5}}?(?:bij|in)\s+(?:de\s+|het\s+)?(?P<place>{place})"),
            # a relative where he or she lives or stays: "vader zit in Genk", "Oksana's vader
            # zit sinds de zomer weer in Lviv"
            _compile(rf"\b(?i:vader|moeder|ouders|oma|opa|tante|oom|broer|zus|neef|nicht|"
                     rf"stiefvader|stiefmoeder|familie|gezin|pa|ma)\b(?:\s+[\w'’\-]+){{0,2}}?\s+"
                     rf"(?i:zit|zat|woont|woonde|verblijft|verbleef)\s+(?:[\w'’\-]+\s+){{0,4}}?"
                     rf"(?i:in|op|aan|bij)\s+(?:de\s+|het\s+)?(?P<place>{place})"),
            # the verb last: "die sinds kort aan de Zonnewijzer in Schothorst woont", "dat de
            # moeder bij de Jumbo in Nieuwland werkt"
            _compile(rf"\b(?i:bij|in|aan|op)\s+(?:de\s+|het\s+)?(?P<place>{place}"
                     rf"(?:\s+in\s+[A-Z][\w'’\-]+)?)\s+(?i:werkt|werken|werkte|woont|wonen|woonde)\b"
                     r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:en|maar|dus|of)\b)"),
            # a person by name from a place: "Elien uit Maasmechelen", "mevrouw Hoekstra uit
            # Baarn", "die jongen van Ortmans uit de Blauwdorp"; families from a district
            _compile(rf"(?:(?<=[a-zà-ÿ,]\s)(?-i:[A-Z])[a-zà-ÿ'’\-]+|\b(?i:gezin|gezinnen|familie|"
                     rf"families))\s+uit\s+(?:de\s+|het\s+)?(?![^\s]*\d)(?P<place>{place})(?![\w'’\-])"),
            # a school or workplace a person goes to: "nu op het Farel", "zit op het Etty
            # Hillesum Lyceum", "student bij Vista College" ("basisschool Het Kompas" is a
            # school's name: the group finder's, so that the school's own name can be allowed)
            _compile(rf"\b(?i:zit|zat|zitten|zaten|gaat|ging|nu|student|studente|stagiair\w*)\s+"
                     rf"(?:(?i:al|nu|sinds\s+\w+|ook)\s+)?(?i:op|bij|aan)\s+(?:de\s+|het\s+)?"
                     rf"(?!(?i:{w('platforms')})\b)(?P<place>{place})"),
            # a street without a number anywhere: "de Hoge Hondstraat", "De Gouden Draak,
            # Boschstraat"
            _compile(r"(?<![\w\-])(?P<place>[A-Z][a-zà-ÿ'’\-]{2,}"
                     r"(?:straat|laan|weg|gracht|kade|dijk|singel|steeg|dreef|allee|boulevard))(?![\w\-])"),
            # a place of birth: "geboren op 30 december 2011 in Aleppo"
            _compile(rf"\bgeboren\b[^.!?;\n]{{0,40}}?\bin\s+(?P<place>{place})"),
            # a shop on a square: "een shoarmazaak op de Brink"
            _compile(rf"\b(?i:een|de|het|zijn|haar)\s+[\w\-]*(?i:zaak|winkel|restaurant|bakkerij|"
                     rf"kapsalon|snackbar|garage|cafetaria|kiosk|shop)\s+(?i:op|aan)\s+(?:de\s+|het\s+)?"
                     rf"(?P<place>{place})"),
        )
        self.bsn_word = _compile(rf"\b(?:{w('nummer_woorden')})\b", _I)
        self.id_keyword = _compile(
            rf"\b(?:{w('nummer_woorden')})"
            rf"(?:\s+(?:{w('nummer_tussenwoorden')})){{0,4}}"
            r"(?:\s*(?:is|was|:|nr\.?|no\.?|nummer|\())?(?:\s*(?:nr\.?|no\.?))?\s*"
            r"(?:[A-Z]{0,4}[-\s]?\d[\d\s.\-/]{1,15}\d|\d{3,})",
            _I)
        # any word for a kind of number ("ticketnummer", "OT-nummer", "zorgdossier",
        # "incident nr."), a few words, then a code of letters and digits ("SWV-4410",
        # "2026-PV-77812", "ZD 5518"); a telephone or house number is not one of these
        code = (r"(?P<code>(?-i:[A-Z]{1,5})(?:-(?-i:[A-Z]{1,5}))*[-\s/]?"
                r"\d[\dA-Z]*(?:[-/.][\dA-Z]+)*"
                r"|\d[\dA-Z]*(?:[-/.][\dA-Z]+)*)")
        # found from the ending on (a scan from every word's start costs three times more);
        # the word's start and its first part are looked at in find_id_numbers
        self.not_number_words = frozenset(x.lower() for x in words.words("geen_nummer_woorden"))
        self.id_compound = _compile(
            rf"(?P<end>{w('nummer_eindes')})(?![\w\-])\.?"
            rf"(?:(?:\s+(?:{w('nummer_tussenwoorden')})){{0,4}}|(?:\s+[\w\-]+){{0,7}}?\s*"
            r"(?:is|was|luidt|:|,|\())"
            rf"(?:\s*(?:nr\.?|no\.?|nummer|:))?\s*{code}(?![\w\-])", _I)

        # birthdate, age
        date = (rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{1,2}}\s+(?:{months})\.?"
                rf"(?:\s+(?:19|20)\d{{2}})?|(?:{months})\.?\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}})")
        self.birth = (
            _compile(rf"\b(?:{w('geboorte_woorden')})(?!\w)(?:\s*(?:op|in|is|was|:|sinds|van|rond|"
                     rf"de|het|haar|zijn|{w('leeftijd_woorden')}|slachtoffer|,))*"
                       rf"\s*({date})(?![\w])", _I),
            _compile(rf"(?<![\w-])({date})\s+(?:{w('geboorte_na_datum')})\b", _I),
            # a birth word, some words and a colon: "Geboortedatum slachtoffer volgens
            # OSO-dossier: 23-11-2011"
            _compile(rf"\b(?:{w('geboorte_woorden')})(?!\w)[^.!?\n:]{{0,40}}:\s*({date})(?![\w])",
                     _I),
            # a birthday: "dertien geworden op 5 november", "wordt op 3 januari zestien", "op
            # 9 december, haar veertiende verjaardag"
            _compile(rf"\b(?:geworden|jarig|verjaardag\w*)\s+(?:op\s+)?({date})(?![\w])"
                     rf"|\b(?:wordt|werd)\s+op\s+({date})\s+(?:{num})\b"
                     rf"|\b(?:wordt|werd)\s+(?:{num})\s+op\s+({date})(?![\w])"
                     rf"|(?<![\w-])({date}),?\s+(?:haar|zijn)\s+\w+(?:ste|de|e)\s+verjaardag", _I),
        )
        # a year of birth further on (round detect12b): "geboren in het voorjaar van 2015",
        # "geboren op oudejaarsdag 2011", "geboren in juni '15", "die in 2011 is geboren", a
        # month child ("een junikind uit 2015", "een maartkind (17-03)"), "een 2013'er"; only a
        # year at least three years ago (no date of this case)
        self.birth_years = (
            _compile(rf"\b(?:{w('geboortejaar_woorden')})(?!\w)[^.!?;\n]{{0,35}}?"
                     r"((?:19|20)\d{2}|['’]\d{2})(?![\w])", _I),
            _compile(r"(?<![\w-])((?:19|20)\d{2})\s+(?:is|werd|zijn|werden)\s+geboren\b", _I),
            _compile(rf"\b(?:{months})(?:{w('geboortemaand_eindes')})\b"
                     r"(?:\s+(?:van|uit)\s+((?:19|20)\d{2})\b)?"
                     r"(?:\s*\(\d{1,2}[-/.]\d{1,2}\))?", _I),
            _compile(r"(?<![\w-])((?:19|20)\d{2})['’]ers?\b", _I),
        )
        self.ages = (
            # "Daan (14)", "het meisje (zestien)"
            _compile(rf"(?:(?<=[\w.]\s)|(?<=\w))\(\s*({num})\s*(?:jaar|jr\.?)?\s*\)", _I),
            _compile(rf"(?<![\w])({num})[-\s]?jarig\w*", _I),
            _compile(rf"(?<![\w,.])({num})\s+(?:jaar|jr\.?)(?:\s+oud)?(?![\w])", _I),
            _compile(rf"\b(?:{w('leeftijd_woorden')}|\w+klasser|\w+klasse)\s+(?:van\s+)?"
                       rf"(?:pas\s+|nog\s+maar\s+|net\s+|amper\s+|ruim\s+|bijna\s+|nauwelijks\s+)?"
                       rf"({num})(?![\w:]|[.,]\d)", _I),
            _compile(rf"\b(?:is|was|werd|wordt)\s+(?:pas|net|nog\s+maar|bijna|inmiddels|amper|nauwelijks|"
                     rf"(?:toch\s+|ook\s+)?al|toch\s+pas)\s+({num})(?![\w:%]|[.,]\d)"
                     rf"(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            _compile(rf"\bleeftijd\s*(?:van|:)\s*({num})\b", _I),
            # "pas elf is", "die vorige week zestien werd", "pas 14 en"
            _compile(rf"\b(?:pas|net|bijna|nog\s+maar)\s+({num})(?![\w:%]|[.,]\d)"
                     rf"(?!\s+(?:{_NOT_AGE_UNITS}|uur|keer|leerlingen|procent))", _I),
            _compile(rf"(?<![\w,.])({num})\s+(?:werd|geworden|wordt|is\s+geworden)\b", _I),
            # "twee jongens van 15 en 16 jaar"
            _compile(rf"(?<=van\s)({num})\s+(?:en|of)\s+{num}\s+(?:jaar|jr\.?)(?![\w])", _I),
            # "op haar twaalfde", "sinds zijn 13e": an age as an ordinal
            _compile(rf"\b(?:op|sinds|vanaf|voor)\s+(?:haar|zijn|mijn|jouw|je)\s+"
                     rf"({num})(?:ste|de|e)\b", _I),
            # "is 15 en", "zijn allebei veertien,", "omdat hij al vijftien is", "haar
            # veertiende verjaardag", "wordt op 3 januari zestien", ", dertien,"
            _compile(rf"\b(?:is|was|zijn|waren)\s+(?:allebei\s+|beiden\s+|beide\s+)?({num})"
                     rf"(?=\s*[.,;!?]|\s+en\b|\s*$|\s+\((?:geb|\d))", _I),
            _compile(rf"\bal\s+({num})\s+(?:is|was|werd|wordt)\b|\b(?:is|was)\s+(?:ze|hij|zij)\s+({num})"
                     r"(?=\s+en\b|\s*[.,;!?])", _I),
            _compile(rf"\b(?:haar|zijn|mijn|jouw|je)\s+({num})(?:ste|de|e)\s+verjaardag", _I),
            _compile(rf"\b(?:wordt|werd)\s+(?:op\s+\d{{1,2}}\s+(?:{months})\s+|in\s+(?:{months})\s+|volgende\s+"
                     rf"(?:week|maand)\s+|binnenkort\s+|morgen\s+)({num})\b", _I),
            _compile(rf"[\w)],\s({number_words})(?=\s*,)", _I),
        )
        self.ages_in_range = (self.ages[2], self.ages[8], self.ages[10])
        self.one_pupil_before = _compile(
            rf"\b(?:een|de|het|die|dat)\s+(?:leerlinge?|meisje|jongen|zoon|dochter|speler|speelster)"
            rf"\s+van\s+(?:{num}\s*(?:of|,)\s*)?$", _I)  # not "een kind van elf of twaalf"
        self.age_or_before = _compile(rf"(?<![\w]){num}\s*(?:of|,)\s*$", _I)
        self.age_or_after = _compile(rf"\s*(?:jaar\s+)?(?:of|,)\s*{num}(?:\s*jaar)?(?![\w])"
                                     r"(?!\s*(?:,|en)\s)", _I)
        # round detect10b: more forms of an age tied to a pupil; the hit is the number only
        # where a date stands before it ("wordt op 30 november 15": the date is a birthdate)
        self.ages_more = (
            # round detect11b: "werd vorige maand 16", "wordt dit jaar dus zestien", "wordt in
            # december al dertien": a few words of time between the verb and the age
            _compile(rf"\b(?:wordt|werd)\s+(?:(?:dit|deze|dat|volgend|volgende|vorig|vorige|"
                     rf"afgelopen|komend|komende|in|op|al|dus|net|pas|straks|binnenkort|morgen|"
                     rf"jaar|week|maand|zomer|winter|{months}|\d{{1,2}})\s+){{1,4}}({num})"
                     r"(?=\s*[,;!?)]|\.(?!\d)|\s*$|"
                     r"\s+(?:en|of|maar|toen|dus|jaar\b(?!\s+geleden)))", _I),
            # "Sem van veertien.", "Jesse van 14, kent ...", "Ilias van 17 heeft ...": a name
            # with an age after "van" (not the plural of all of an age: "Kinderen van negen en
            # tien", "Jongeren van veertien, vijftien jaar")
            _compile(r"\b(?!(?:Jongeren|Kinderen|Pubers|Tieners|Leerlingen|Meisjes|Jongens|Meiden|"
                     r"Scholieren|Ouders|Groepen|Klassen|Kids|Spelers|Speelsters)\b)"
                     rf"(?-i:[A-Z][a-zà-ÿ]{{2,}})\s+van\s+({num})(?!\s*(?:,|en|of|tot|t/m|-|–)\s*{num})"
                     r"(?=\s*[,.;)!?]|\s*$|\s+(?:is|was|heeft|had|zit|zat|en|uit|die|kent|kende|"
                     r"speelt|zegt|zei|wil|wordt)\b)"),
            # "(m, 15)", "(v, 9)", "Rosalie (15, H4C)"
            _compile(rf"\(\s*(?:[mvjf]\s*,\s*)?({num})\s*,(?!\s*(?:{months})\b)"
                     rf"(?!\s*\d{{1,2}}\s*(?:,|en\b|of\b|t/m|-|–|\)|(?:{months})\b))\s*[^()\n]{{1,20}}\)"
                     rf"|\(\s*[mvjf]\s*,\s*({num})\s*\)", _I),
            # "Slachtoffer: jongen, 15, havo 3"
            _compile(rf"\b(?:{w('leeftijd_woorden')}),\s*({num})(?=\s*[,.;)]|\s*$)", _I),
            # "haar broertje van zes", "twee jongens van veertien", "zijn zoontje van 12"
            # (not "drie leerlingen van 4 havo": a class)
            _compile(rf"\b(?:{w('leeftijd_personen')})\s+(?:[A-Z][\w'’\-]+\s+)?van\s+({num})"
                     rf"(?![\w:]|[.,]\d|[\s\-]*(?:{w('schooltypen')}|{w('schooltypen_met_leerweg')})\b)"
                     rf"|\b(?:{w('leeftijd_aantallen')})\s+(?:{w('leeftijd_groepen')})\s+van\s+({num})"
                     rf"(?![\w:]|[.,]\d|[\s\-]*(?:{w('schooltypen')}|{w('schooltypen_met_leerweg')})\b)",
                     _I),
            # "is dus 15", "was toen nog veertien", "is dus al twaalf"
            _compile(rf"\b(?:is|was|zijn|waren|ben|werd|wordt)\s+(?:(?:dus|toen|nu|inmiddels|dan|al|"
                     rf"nog|pas|net|ook)\s+){{1,3}}({num})(?=\s*[.,;!?’”']|\s+(?:en|toen|om|jaar)\b"
                     r"|\s*$)", _I),
            # "dat hij 15 is", "toen ze 12 was", "Dan zijn ze 15"
            _compile(rf"\b(?:hij|zij|ze)\s+({num})\s+(?:is|was|werd|wordt|zijn|waren)\b"
                     rf"|\b(?:zijn|waren)\s+(?:ze|zij)\s+({num})\b(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            # "zij wordt dan tien", "wordt straks zestien"
            _compile(rf"\b(?:wordt|werd)\s+(?:dan|straks|binnenkort|bijna|ook)\s+({num})\b"
                     rf"(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            # "8 en 9 jaar oud", "pubers van vijftien en zestien"
            _compile(rf"(?:(?<=,\s)|(?<=:\s)|(?<=\bzijn\s)|(?<=\bwaren\s))({num})\s+(?:en|of)\s+{num}"
                     r"\s+(?:jaar|jr\.?)\s+oud\b"
                     rf"|\b(?:{w('leeftijd_aantallen')})\s+(?:{w('leeftijd_groepen')})\s+van\s+"
                     rf"({number_words})\s+(?:en|of)\s+(?:{number_words})\b", _I),
            # "nog geen 16"
            _compile(rf"\bnog\s+geen\s+({num})\b(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            # "wordt op 30 november 15", "die op 21 november 16 werd"
            _compile(rf"\b(?:wordt|werd)\s+op\s+\d{{1,2}}\s+(?:{months})\s+({num})\b"
                     rf"|\bop\s+\d{{1,2}}\s+(?:{months})\s+({num})\s+(?:werd|wordt|geworden)\b",
                     _I),
            # round det14d: the speaker's or a pupil's own age after a pronoun and a verb ("ik
            # ben 14", "hij werd 14 op ..."), an age first in brackets with more after it
            # ("(19, student bij ...)") or last after a class ("(H4b, 16)"), and "ze is onder
            # de twaalf" (one person, not a rule for all under twelve)
            _compile(rf"\b(?:ik\s+ben|ben\s+ik|(?:hij|zij|ze)\s+(?:werd|wordt))\s+({num})"
                     rf"(?![\w:%]|[.,]\d)(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            _compile(rf"\(\s*({num})\s*,\s*(?=[^\W\d\s])(?!(?:{months})\b)[^()\n]{{1,40}}\)"
                     rf"|\(\s*[A-Za-z][\w-]{{0,8}},\s*({num})\s*\)", _I),
            _compile(rf"\b(?:hij|zij|ze|die)\s+(?:is|was)\s+(?:nog\s+)?(?:jonger\s+dan|onder\s+de)\s+"
                     rf"({num})\b(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            # round 19: "wordt 16, dus", "de oudste 19 en", "geboren in 2012, dus 14"
            _compile(rf"\b(?:wordt|werd)\s+({num})(?=\s*[,;!?)]|\.(?!\d)|\s*$|"
                     r"\s+(?:en|of|maar|toen|dus|jaar)\b(?!\s+geleden))", _I),
            _compile(rf"\bde\s+(?:jongste|oudste)\s+(?:is\s+)?({num})\b"
                     rf"(?![\w:%]|[.,]\d)(?!\s+(?:{_NOT_AGE_UNITS}))", _I),
            _compile(rf"\b(?:geboren|geb\.?)[ \t][^.!?\n]{{0,30}}?,\s*(?:dus|nu|inmiddels)\s+"
                     rf"({num})\b(?![\w:%]|[.,]\d)", _I),
        )
        self.age_rank = _compile(r"\bde\s+(?:jongste|oudste)\s+van\s+(?:de|zijn|haar|hun)\s+"
                                 r"(?:klas|groep|jaarlaag|school|team|gezin)\b", _I)
        self.not_an_age_before = _compile(
            rf"(?:\b(?:{w('geen_leeftijd_voor')}|van\s+\d{{1,2}}\s+tot|"
            rf"(?:{w('leeftijdsgroepen')})\s+(?:van|vanaf|tot|onder))|[-–])\s*$", _I)
        # "elk kind van twaalf": everyone of that age, not a pupil's
        self.every_one_before = _compile(rf"\b(?:{w('geen_leeftijd_kwantoren')})\s*$", _I)
        # an age as the subject of a general statement: "Een kind van negen kan nog niet ...",
        # "Dertienjarigen mogen ..." (round detect12b)
        self.general_age_before = re.compile(
            r"(?:^|(?<![A-Z])[.!?:;]\s+|\n)(?:Een\s+(?:kind\s+van\s+)?)?$")
        self.general_age_after = _compile(
            rf"(?:\s+jaar)?(?:\s+oud)?\s+(?:{w('algemene_leeftijd_werkwoorden')})\b", _I)
        # an age that is a rule for everyone, not a pupil's: "De minimumleeftijd voor de
        # meeste sociale media is dertien jaar"
        self.age_rule = _compile(rf"\b(?:{w('leeftijdsregel_woorden')})\b", _I)
        self.not_an_age_after = _compile(
            rf"^\s*(?:{w('geen_leeftijd_na')}|en\s+\d+(?!\s+(?:maand|maanden|weken|dagen)\b)"
            r"|\+)", _I)

        # group (class names)
        ordinals = w("rangtelwoorden")
        types = w("schooltypen")
        with_track = w("schooltypen_met_leerweg")
        titles = w("titels")
        self.groups = (
            _compile(rf"\b(?:{capitalised('groep_woorden')})\s+(?:\d{{1,2}}(?:\s?[/\-]\s?\d{{1,2}})?"
                       r"(?:[A-Za-z]{1,3}\d?|\s[A-Z](?![\w']))?|[A-Z]{1,2}\d?[a-z]?)(?![\w])"),
            _compile(rf"\b(?:{w('groep_in_letters')})\b", _I),
            *_CLASS_CODES,
            _compile(rf"\b(?:[1-6]|{ordinals})\s?-?\s?(?:{types}|(?:{with_track})"
                       rf"(?:[-\s]?(?:{w('leerwegen')})\b)?|{w('schooltypen_na_leerjaar')})\b",
                       _I),
            _compile(rf"\b(?:{types}|{with_track})[-\s]?[1-6]\b", _I),
            _compile(rf"\b(?:{ordinals})\s*(?:{w('na_rangtelwoord')})\b", _I),
            _compile(rf"\b(?:(?:{w('klas_woorden')})\w*)\b", _I),
            _compile(rf"\b(?:{w('groep_van')})\s+van\s+(?:(?:{titles})\s+)?[A-Z][\w\-]+"
                       r"(?:\s+(?:(?:van|de|der|den)\s+)*[A-Z][\w\-]+)?"),
            _compile(rf"\b(?:{w('groepsapps')})\s+"
                       r"[\"“‘']([^\"”’'\n]{2,40})[\"”’']", _I),
            # "de Discord-server heet 'Zuiderzee Gaming'", "Snap-groep heette eerst 'Roddels'": the
            # quoted name is the group's, the words between name it (round 17); a compound only
            # with a platform or a hyphen ("gameserver", "Snap-groep"; not "werkgroep")
            _compile(rf"(?<![\w-])(?:(?:{w('platforms')}|game|snap|insta)-?|\w+-)?"
                     rf"(?:{w('groepsapps')})\s+(?:(?:{w('voor_groepsnaam')})\s+)"
                     r"{1,3}[\"“‘'](?P<name>[^\"”’'\n]{2,40})[\"”’']", _I),
        )
        # "een leerling uit de tweede": an ordinal at the end of a phrase is a year group
        self.groups += (_compile(rf"\b(?:uit|in|van)\s+de\s+(?:{ordinals})"
                                 r"(?=\s*[.,;:!?)]|\s*$|\s+(?:en|maar|of)\s+(?!\w+e\b)"
                                 r"|\s+(?:hebben|heeft|zit|zitten|zat|zaten|is|zijn|was|waren)\b)",
                                 _I),)
        # round detect10b: a group by its structure, not its words ...
        name_part = r"(?:[A-Z][\w&'’\-]*|[A-Z]{1,3}\d{1,2}(?:-\d)?|U\d{1,2})"
        self.groups += (
            # ... a club, team or association with its name ("handbalvereniging Almere
            # Pioniers", "het basketbalteam U14", "de handbalploeg van Almere Pioniers"); the
            # word before the ending is looked at in find_groups ("docententeam" is none)
            _compile(rf"\b(?i:\w{{3,}}?(?P<end>{w('club_eindes')}))[ \t]+"
                     r"(?:van[ \t]+(?:de[ \t]+)?)?"
                     rf"{name_part}(?:[ \t]+(?:{name_part}|\d{{1,4}}))*"),
            # ... a chat, channel or group with its name in quotes, also after "heet (nu)"
            # ("het Telegramkanaal ‘Almere Exposed 036’", "het kanaal heet nu ‘036 Uncut’")
            _compile(rf"\b(?i:\w*(?:{w('chat_woorden')}))\s+(?:(?i:heet|heette|genaamd|met\s+de\s+naam)"
                     r"\s+(?:(?i:nu|eerst|inmiddels|sindsdien)\s+)?)?[\"“‘]([^\"”’\n]{2,40})[\"”’]"),
            # ... a name in quotes with a capital or a digit that something is put or sent in
            # ("in ‘Mavo 2 chaos’ terechtgekomen", "ging rond in ‘8B Kampvibes’")
            _compile(r"(?<![\w])(?i:in|naar)\s+[\"“‘](?P<name>[A-Z0-9][^\"”’\n]{1,40})[\"”’]"),
            # ... the same group as someone ("in dezelfde clan", "dezelfde kickboksgroep")
            _compile(rf"\bdezelfde\s+\w*(?:{w('club_eindes')}|groep|klas)\b", _I),
            # ... a superlative group ("de hoogste groep")
            _compile(rf"\b(?:{w('groep_overtreffend')})\s+(?:groep|klas|klassen|jaarlaag)\b", _I),
            # ... a group of friends or a team of a named person ("de vriendengroep van Tamara")
            _compile(r"\b\w+?(?P<end>groep|groepje|team|ploeg)\s+van\s+(?:[A-Z][\w\-]+)"
                     r"(?:\s+(?:(?:van|de|der|den)\s+)*[A-Z][\w\-]+)?"),
            # ... a scouting group or team by its own name ("groep Wiltrakkers")
            _compile(r"\b(?:groep|team|ploeg|speltak)[ \t]+[A-Z][a-z]{3,}(?:[ \t]+[A-Z][a-z]+)?"),
            # ... a group by the hour it meets ("het clubje van 19 uur", "het groepje van half
            # tien")
            _compile(rf"\b(?:{w('groep_met_tijd')})\s+van\s+(?:\d{{1,2}}(?:[.:]\d{{2}})?\s*uur|"
                     r"half\s+(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf))\b",
                     _I),
            # ... a part of a school with its type ("de bovenbouw havo", "het vierde leerjaar
            # havo")
            _compile(rf"\b(?:(?:{ordinals})\s+)?(?:{w('bouw_woorden')})\s+(?:{types})\b", _I),
            # ... a group named by what it does, after "uit/in/van de" ("uit de kookgroep",
            # "de LWOO-groep", "de groenafdeling"); not "de werkgroep", "de doelgroep"
            _compile(r"\b(?i:uit|in|van|bij)\s+(?i:de|het)\s+"
                     r"(?P<grp>\w{3,}?-?(?P<end>(?i:groep|groepje|afdeling|club|clubje|team|teampje|"
                     r"elftal|selectie)))\b"),
            # ... a name given after "heet" with a few words between ("die WhatsApp-community
            # heet eigenlijk ‘Grauwaart Gang 4’"), a channel by its hashtag ("#3hb-gaming")
            _compile(r"\b(?i:heet|heette|heten|genaamd)\s+(?:\w+\s+){0,2}[\"“‘]"
                     r"(?P<name>[A-Z0-9][^\"”’\n]{1,40})[\"”’]"),
            # (a word boundary first: "\w*" tried from inside every word took 5 s on a line of
            # 9000 letters; the leftmost match starts at a word's start anyway)
            _compile(r"\b(?i:\w*(?:kanaal|server|channel|chat))\s+#[\w\-]{2,40}"),
            # ... a scouting group by its name ("scouting Vleuten")
            _compile(r"\b(?i:scouting|scoutinggroep|scoutingvereniging)\s+[A-Z][\w'’\-]+"),
            # ... a club by its prefix and name ("vv Oosterparkers", "SV Blerick", "HC
            # Scheveningse Duinen") (round detect11b)
            _compile(r"(?<![\w.])(?i:vv|v\.v\.|sv|s\.v\.|hc|h\.c\.|mhc|rkvv|rksv|svv|kv|zv|hv|vc|bc|"
                     r"fc|tc|ttv|dzs|kvc)[ \t]+[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+)?"),
            # ... a youth team by its letter and number after a word for in or of ("uit de A1",
            # "bij de meiden A1", "de A-meiden", "de F-jes")
            _compile(r"(?<![\w])(?i:uit|bij|van|in|naar)\s+(?i:de|het)\s+(?:(?i:hele|meiden|jongens)\s+)?"
                     r"(?P<name>(?:(?i:meiden|jongens)\s+)?[A-F][1-9])(?![\w\-])"),
            _compile(r"(?<![\w])[A-F]-(?:meiden|jongens|jes|tjes|team|elftal)\b"),
            # ... a youth team code of its own ("U14", "U12-1")
            _compile(r"(?<![\w/\-])U(?:[7-9]|1\d|2[0-3])(?:-\d)?(?![\w\-])"),
        )
        self.every_year = _compile(rf"\b(?:{w('groep_elk_jaar')})\b", _I)
        self.everyone = _compile(rf"\b(?:{w('groep_allen')})\b", _I)
        self.bare_chat = _compile(rf"(?:{w('klas_woorden')})", _I)
        self.club_prefixes = frozenset(x.casefold() for x in words.words("geen_club_voorvoegsels"))
        self.class_before = _compile(rf"\b(?:{w('klas_ervoor')})\s*$", _I)
        school_words = w("school_woorden")
        school_prefixes = w("school_voorvoegsels")
        # a word that begins a sentence ("Op", "Bij", "Namens") is no part of the school's
        # name: "Op Basisschool De Regenboog" names "Basisschool De Regenboog"
        not_a_name = rf"(?!(?i:{w('geen_schoolnaam_begin')})[ \t])"
        self.schools = _compile(
            rf"\b{not_a_name}(?:{_SCHOOL_NAME_PART}[ \t]+){{1,2}}(?:{school_words})\b"
            rf"|\b(?:{school_prefixes})[ \t]+{_SCHOOL_NAME_PART}(?:[ \t]+[A-Z][\w'’\-]+)?"
            rf"|\b(?:{school_words})[ \t]+{not_a_name}(?!(?:{school_words})\b)"
            rf"{_SCHOOL_NAME_PART}"
            r"|\b[A-Z][a-zà-ÿ]{2,}(?:school|college|lyceum)\b"
            # with a hyphen ("het Alfa-college", "de Da Vinci-school") (round detect11b)
            r"|\b[A-Z][a-zà-ÿ]{1,}-(?:school|college|lyceum)\b")
        # a school named as an organisation (round 18): what it does after its name at the
        # start of a sentence, "in" its town, or who of it or what with it comes before
        self.school_acts = _compile(
            rf"[ \t]*(?:(?-i:in[ \t]+[A-Z])|(?:{w('school_doet')})\b)", _I)
        self.school_org_before = _compile(
            rf"\b(?:{w('school_als_organisatie_voor')})[ \t]+(?:(?:de|het|'t)[ \t]+)?\Z", _I)
        self.school_org_after = _compile(
            rf"[ \t]+(?:(?:ook|al|inmiddels|direct|meteen)[ \t]+)*"
            rf"(?:{w('school_als_organisatie_na')})\b", _I)
        self.not_a_group_after = _compile(rf"^\s*(?:{w('geen_groep_na')})\b", _I)
        self.not_a_group_before = _compile(rf"\b(?:{w('geen_groep_voor')})\s*$", _I)

        # names with a title ("de heer Visser", "juf Petra")
        # ... on one line: a title at the end of a table cell or line ("aangifte door de
        # familie") and a capital at the start of the next ("Geslacht") are not a name.
        self.titled = _compile(
            rf"\b(?i:{titles})[ \t\xa0]+(?:{_CAPITAL}\.[ \t\xa0]*)*"
            rf"(?:(?i:{_NAME_INTERFIX})[ \t\xa0]+)?{_CAPITAL}[\w'’\-]+"
            rf"(?:[ \t\xa0]+(?:(?:van|de|der|den)[ \t\xa0]+)*{_CAPITAL}[\w'’\-]+)?")

        # after a title that is a function, "van" is "of", not an interfix: "de wijkagent van
        # Charlois", "een trainer van School & Veiligheid" (a name after it is found as a name)
        self.role_of = _compile(rf"(?i:{w('rol_titels')})[ \t\xa0]+van[ \t\xa0]")

        # initials as a name: "E.Y. (14)", "de moeder van S."
        self.not_initials = frozenset(x.upper() for x in words.words("geen_initialen"))
        self.initials = (
            _compile(rf"(?<![\w.])(?:{_CAPITAL}\.){{2,3}}(?![\w.])"),
            _compile(rf"(?<![\w])(?:van|met|bij|voor|aan|over)\s({_CAPITAL}\.)"
                     r"(?=\s*[(,;:]|\s+(?:[a-z]|$))"),
        )

        # round 19: one initial alone, in a sentence ("De leerling, R., heeft", "dat R. thuis
        # al", "Broer H. (17)"), not after a word that makes the letter a thing's ("unit C.")
        self.lone_initial = re.compile(
            r"(?<![\w.&'’-])([A-Z])\.(?=[ \t]+[a-zß-ÿ(]|[ \t]*[,;:)]|[ \t]*$)", re.MULTILINE)
        self.no_initial_after = frozenset(v.casefold() for v in words.words("geen_initiaal_na"))

        # round detect10b: a name by its context: a kinship word before a capitalised word
        # ("Moeder Latuheru", "vader Tavares", "moeder JST"), a family name made into a word
        # for a child ("die Wiśniewski-jongen"), a family in the plural ("van de Brinkmans")
        self.context_names = (
            _compile(rf"\b(?i:{w('kinship_voor_naam')})[ \t]+({_CAPITAL}[a-zà-ÿ'’\-]+|[A-Z]{{2,4}})"
                     r"(?![\w'’\-])"),
            _compile(rf"\b({_CAPITAL}[a-zà-ÿ'’]+)-(?:jongen|meisje|kinderen|broers|zussen|tweeling)\b"),
            _compile(rf"\b(?:meisje|jongen|kind|zoon|dochter|kinderen|die|dat|zoontje|dochtertje|"
                     rf"kleine|jongste|oudste)\s+van\s+de\s+({_CAPITAL}[a-zà-ÿ]{{3,}}s)\b"
                     rf"(?![ \t]+{_CAPITAL})"),
        )

        # sentences and names (checks.run, checks.names)
        self.object_words = _compile(rf"\s+(?:{w('na_gebiedende_wijs')})\b")
        self.imperatives = frozenset(v.casefold() for v in words.words("gebiedende_wijs"))
        # a capitalised word after "de moeder van", "die ... uit": a person, even when no list
        # knows the name (round 18)
        self.person_context = _compile(
            rf"\b(?i:{w('persoon_van')})[ \t]+van[ \t]+"
            r"(?P<n>[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w'’-])"
            r"|\b[Dd]ie[ \t]+(?P<m>[A-ZÀ-Ý][a-zà-ÿ]{2,})[ \t]+(?:van|uit)[ \t]+"
            r"(?:de|het|groep|klas|\d)")
        # round 19: after these a capitalised word no list knows is a place or a thing
        self.no_name_after = frozenset(v.casefold() for v in words.words("geen_naam_na"))
        self.organisation_before = frozenset(
            v.casefold() for v in words.words("organisatie_voor_naam"))
        self.brands = frozenset(v.casefold() for v in (*words.words("merken"),
                                                       *words.words("geen_gebruikersnamen")))
        self.thing_of = frozenset(v.casefold() for v in words.words("geen_persoon_van"))
        self.platform_start = re.compile(rf"(?i:{w('platforms')})")
        self.street_ends = tuple(v.casefold() for v in words.words("straatnaam_eindes"))
        self.place_ends = tuple(v.casefold() for v in (*words.words("plek_eindes"),
                                                       *words.words("club_eindes")))
        self.negation = _compile(rf"\b(?:{w('ontkenningen')})\b", _I)
        self.interfixes = frozenset(normalise(t) for t in words.words("tussenvoegsels"))
        self.name_titles = frozenset(normalise(t) for t in words.words("naam_titels"))

    def number(self, text: str) -> int | None:
        text = text.lower()
        return int(text) if text.isdigit() else self.numbers.get(text)

    # --- phone ----------------------------------------------------------------------------
    def find_phones(self, text: str, allow: AllowList) -> list[Hit]:
        hits: list[Hit] = []
        helplines = None
        for match in _PHONE.finditer(text):
            candidate = match.group().rstrip(".-–/ ").replace("–", "-")
            digits = re.sub(r"\D", "", candidate)
            if not 9 <= len(digits) <= 13 or "\n" in candidate:
                continue
            import phonenumbers  # only for a text with a candidate (0.03 s of imports)

            if helplines is None:
                helplines = {getattr(phonenumbers.PhoneNumberType, t) for t in _HELPLINE_TYPES}
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

    # --- e-mail, url, handle --------------------------------------------------------------
    def find_emails(self, text: str, allow: AllowList, role_words: set[str]) -> list[Hit]:
        hits: list[Hit] = []
        help_domains: set[str] | None = None  # found once per text: a pass over all of it
        for match in _EMAIL.finditer(text):
            address = match.group().rstrip(".")
            local, _at, domain = address.lower().rpartition("@")
            if allow.allows_email(address) or (local in role_words and domain in allow.domains):
                continue
            if local in role_words:
                if help_domains is None:
                    help_domains = self._help_domains(text, allow)
                if domain in help_domains:
                    continue  # the role address of a help site the text names: it agrees
            hits.append(("email", match.start(), match.start() + len(address)))
        if _AT_SPELLED.search(text):  # the long pattern only where an "(at)" is
            hits += [("email", m.start(), m.end()) for m in _EMAIL_SPELLED.finditer(text)]
        return hits

    def find_urls(self, text: str, allow: AllowList) -> list[Hit]:
        hits: list[Hit] = []
        for match in self.url.finditer(text):
            url = match.group().rstrip(".,;:!?")
            looks_like_url = url.lower().startswith(("www.", "http")) or "/" in url
            if (looks_like_url or _known_site(url)) and not allow.allows_url(url) \
                    and not self._help_site(text, match.start(), url):
                hits.append(("url", match.start(), match.start() + len(url)))
        return hits

    def _help_domains(self, text: str, allow: AllowList) -> set[str]:
        """The domains of the help sites a text names (``find_urls`` lets them pass), so a role
        address on one of them ("info@" of that site) passes with it, whatever the order."""
        found: set[str] = set()
        for match in self.url.finditer(text):
            url = match.group().rstrip(".,;:!?")
            if not allow.allows_url(url) and self._help_site(text, match.start(), url):
                found.add(domain_of(url))
        return found

    def _help_site(self, text: str, start: int, url: str) -> bool:
        """A help resource by what it is: the home page of a site (no path, no platform) in a
        sentence that offers help, advice or information ("Tips vindt u op www.x.nl"), also
        when ``hulpbronnen.yaml`` does not list it. A page (a path) or a social-media site
        is never allowed so."""
        site = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
        if "/" in site or "?" in site or self.platform_name.search(site):
            return False
        if self.help_words.search(site.replace("-", " ").rpartition(".")[0]) \
                or re.search(r"hulp|help|meld|telefoon", site, _I):
            return True  # the site's own name says it helps ("slachtofferhulp.nl")
        # the whole sentence, over a semicolon: "Fier helpt jongeren ...; zie fier.nl"
        breaks = [m.end() for m in _FULL_STOP.finditer(text, max(0, start - 300), start)]
        begin = breaks[-1] if breaks else max(0, start - 300)
        end = _FULL_STOP.search(text, start + len(url))
        sentence = text[begin:end.start() if end else start + len(url) + 200]
        # the words of the sentence, not of an address in it ("info@school.nl" offers nothing)
        sentence = self.url.sub(" ", _EMAIL.sub(" ", sentence))
        return bool(self.help_words.search(sentence))

    def find_handles(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for match in _AT_HANDLE.finditer(text):
            handle = match.group().rstrip(".")
            hits.append(("handle", match.start(), match.start() + len(handle)))
        hits += [("handle", m.start(), m.end()) for m in _REDDIT_USER.finditer(text)]
        for match in _TAGGED_HANDLE.finditer(text):
            hits.append(("handle", match.start(), match.end()))
        for match in _UNDERSCORE.finditer(text):
            handle = match.group().rstrip(".")
            hits.append(("handle", match.start(), match.start() + len(handle)))
        for match in self.named_handle.finditer(text):
            handle = match.group("handle").rstrip(".")
            goes_on = _A_WORD_GOES_ON.match(text, match.start("handle") + len(handle))
            if handle.lower() in _NOT_A_HANDLE or (goes_on and handle.isalpha()
                                                   and handle.islower()):
                continue  # "een gamertag zegt weinig": a word, the sentence goes on
            hits.append(("handle", match.start("handle"), match.start("handle") + len(handle)))
        hits += self._handles_near_platforms(text)
        for match in _CAMEL_HANDLE.finditer(text):
            word = match.group()
            if len(_ONE_CAPITAL.findall(word)) >= 2 and word.casefold() not in self.not_handles \
                    and not self.platform_account.fullmatch(word):
                hits.append(("handle", match.start(), match.end()))
        hits += [("handle", m.start("tag"), m.end()) if m.group("tag") else
                 ("handle", m.start(), m.end()) for m in _CHANNEL_TAG.finditer(text)]
        for match in self.platform.finditer(text):
            handle = match.group("handle").rstrip(".")
            quoted = match.group().rstrip()[-1:] in "\"”'’" and len(handle) > 2 \
                and text[match.start("handle") - 1] in "\"“'‘"  # not the end of ‘a Squad’
            marked = bool(match.group("kw") or match.group("link"))
            odd = bool(re.search(r"[\d_.]", handle))
            goes_on = bool(_A_WORD_GOES_ON.match(text, match.start("handle") + len(handle)))
            # "een eigen Instagramaccount hebben": an account in general, no name after it
            general = bool(_AN_ACCOUNT.search(text, max(0, match.start() - 12), match.start()))
            if odd or quoted or (marked and handle.islower() and len(handle) > 3
                                 and not goes_on and not general):
                start = match.start("handle")
                hits.append(("handle", start, start + len(handle)))
        return hits

    def _handles_near_platforms(self, text: str) -> list[Hit]:
        """Words shaped like a username near a platform or account word, in one sentence."""
        candidates = list(_HANDLE_SHAPED.finditer(text))
        context = [m.start() for m in self.handle_context.finditer(text)] if candidates else []
        hits: list[Hit] = []
        for match in candidates if context else ():
            word = match.group()
            parts = word.split(".")
            if word.casefold() in self.not_handles or self.platform_account.fullmatch(word):
                continue  # "WhatsApp", "ParnasSys", "TikTokaccount": a brand, not a username
            shaped = any(c.isdigit() or c == "_" for c in word) or bool(
                _ONE_CAPITAL.search(word) and len(word) >= 6) or (
                len(parts) > 1 and all(len(p) >= 2 for p in parts)) or (
                len(parts) >= 2 and len(parts[0]) >= 3 and word.islower())  # "lotje.x"
            if word.lower().startswith("www."):
                continue  # a web address, found as a url
            if not shaped or word.isdigit() or not any(c.isalpha() for c in word) \
                    or any(code.fullmatch(word) for code in _CLASS_CODES):
                continue  # "4H2" near "account" is a class, not a username
            i = bisect_left(context, match.start() - _HANDLE_REACH)
            near = context[i:bisect_right(context, match.end() + _HANDLE_REACH)]
            if any(not _SENTENCE_BREAK.search(text, min(p, match.start()), max(p, match.end()))
                   for p in near):
                hits.append(("handle", match.start(), match.end()))
        return hits

    # --- address, id-number ---------------------------------------------------------------
    def find_addresses(self, text: str) -> list[Hit]:
        hits: list[Hit] = [("address", m.start(), m.end()) for m in self.street.finditer(text)]
        hits += [("address", m.start(), m.end()) for m in self.lives.finditer(text)]
        for pattern in (self.street_named, self.street_numbered):  # the street, not "aan de"
            hits += [("address", m.start("street"), m.end()) for m in pattern.finditer(text)]
        hits += [("address", m.start(), m.end()) for m in _HOUSE_NUMBER.finditer(text)]
        for pattern in self.places:
            hits += [("address", m.start("place"), m.end("place")) for m in pattern.finditer(text)]
        for match in _POSTCODE.finditer(text):
            if match.group()[-2:] not in _NO_POSTCODE_LETTERS:
                hits.append(("address", match.start(), match.end()))
        return hits

    def find_id_numbers(self, text: str) -> list[Hit]:
        hits: list[Hit] = [self._past_a_name("id-number", text, m.start(), m.end(), _NUMBER_START)
                           for m in self.id_keyword.finditer(text)]
        for match in _DIGITS9.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            before = text[max(0, match.start() - _NUMBER_CONTEXT_REACH):match.start()]
            if _bsn_valid(digits) or (len(digits) == 9 and self.bsn_word.search(before)
                                      and not _SENTENCE_BREAK.search(before)):
                hits.append(("id-number", match.start(), match.end()))
        hits += [("id-number", m.start(), m.end()) for m in _CODE_SHAPED.finditer(text)]
        hits += [("id-number", m.start(), m.end()) for m in _LONG_NUMBER.finditer(text)]
        for match in self.id_compound.finditer(text):
            code = match.group("code")
            digits = sum(c.isdigit() for c in code)
            phone = code[0] == "0" and not re.search(r"[A-Za-z/]", code) and (
                digits >= 7 or re.match(r"[ \-]\d", text[match.end():match.end() + 2]))
            if digits < 3 or phone:
                continue  # too short for a personal number, or a telephone number ("0612
                # 998 401", "0031 6 ..."; a short code "0-9711" is no telephone number)
            start = match.start()
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                start -= 1
            first = text[start:match.start()].lower().rstrip("-")
            short = len(match.group("end")) <= 2 and match.group("end").lower() != "nr" \
                and text[match.start() - 1:match.start()] != "-"  # "Magister-id 77102-NA"
            if first in self.not_number_words or (short and first):
                continue  # "telefoonnummer"; "id" and "no" only as a word of their own
            hits.append(self._past_a_name("id-number", text, start, match.end(), _NUMBER_START,
                                          match.start("code")))
            # more codes in a list after it ("Leerlingnummers: 209913, 209947, 210004")
            end = match.end()
            while (more := _LISTED_CODE.match(text, end)) is not None:
                hits.append(("id-number", more.start(1), more.end(1)))
                end = more.end()
        hits += [("id-number", m.start(), m.end()) for m in _CARD_NUMBER.finditer(text)]
        return hits + self._same_shape_after(text, hits)

    @staticmethod
    def _same_shape_after(text: str, hits: list[Hit]) -> list[Hit]:
        """A number of the same form as a personal number found before it in the sentence is
        one too: the next of a list ("Leerling-id 20-4817 hoort bij Rayan, 20-5102 bij Bilal",
        "Lln.nr 80-4421 (D.V.) en 80-4398 (T.v.G.)", "van Dewi: 230077; van Olena: 231902").
        The form: the same groups of digits and separators, at least four digits."""
        from bisect import bisect_right
        from itertools import accumulate

        spans = sorted((s, e) for _k, s, e in hits)
        starts = [s for s, _e in spans]
        reach = list(accumulate((e for _s, e in spans), max))  # the furthest end so far

        def covered(position: int) -> bool:  # inside a hit: a look-up, not a pass over all
            i = bisect_right(starts, position) - 1
            return i >= 0 and reach[i] > position

        more: list[Hit] = []
        for _kind, start, end in hits:
            codes = _CODE_TOKEN.findall(text[start:end])
            if not codes or sum(c.isdigit() for c in codes[-1]) < 4:
                continue
            shape = _shape(codes[-1])
            stop = _SENTENCE_BREAK.search(text, end)
            for other in _CODE_TOKEN.finditer(text, end, stop.start() if stop else len(text)):
                if _shape(other.group()) == shape and not covered(other.start()):
                    more.append(("id-number", other.start(), other.end()))
        return more

    # --- birthdate, age -------------------------------------------------------------------
    def find_birthdates(self, text: str, annotations: list[tuple[int, int, str]],
                        today: dt.date | None = None) -> list[Hit]:
        """Dates near a word about birth, and dates (from deduce) too old to be about the
        incident."""
        year = (today or dt.date.today()).year
        hits: list[Hit] = []
        for pattern in self.birth[:-1]:
            hits += [self._past_a_name("birthdate", text, m.start(), m.end(), _NUMBER_START,
                                       m.start(1)) for m in pattern.finditer(text)
                     if not _recent_year(m.group(1), year)]
        for match in self.birth[-1].finditer(text):  # the date of a birthday only
            group = match.lastindex or 0
            hits.append(("birthdate", match.start(group), match.end(group)))
        for index, pattern in enumerate(self.birth_years):
            for match in pattern.finditer(text):
                found = match.group(1) or ""
                value = int(found.lstrip("'’")) if found else None
                if value is not None and value < 100:
                    value += 2000 if value <= year % 100 else 1900
                if value is None or 1990 <= value <= year - 3:
                    # after a birth word the year alone: the words between may be a name
                    span = match.span(1) if index == 0 else match.span()
                    hits.append(("birthdate", *span))
        for match in _PAREN_YEAR.finditer(text):
            group = next(i for i in (1, 2, 3, 4) if match.group(i))
            if 1990 <= int(match.group(group)) <= year - 3:
                hits.append(("birthdate", match.start(group) if group > 1 else match.start(),
                             match.end(group) if group > 1 else match.end()))
        for start, end, tag in annotations:
            found = re.search(r"(?:19|20)\d{2}|(?<!\d)\d{2}$", text[start:end])
            if re.match(r"[.:]\d{2}(?!\d)", text[end:end + 3]):
                continue  # "do 3 dec 19.30", "vr 27 nov 14.00": a day and a time, no year
            if tag == "datum" and found:
                value = int(found.group())
                value = value + 2000 if value < 100 and value <= year % 100 else (
                    value + 1900 if value < 100 else value)
                if 1990 <= value <= year - 3:
                    hits.append(("birthdate", start, end))
        return hits

    @staticmethod
    def _past_a_name(key: str, text: str, start: int, end: int, number: re.Pattern[str],
                     begins: int | None = None) -> Hit:
        """A number after its word with a name between ("Leerlingnummer Chanel: PRO-14-0392",
        "Geboortedatum R.: 22-08-2011", "Onderwijsnummer van Kevin: ..."): the hit is the
        number, so the name is found as a name too."""
        if begins is None:
            found = number.search(text, start, end)
            begins = found.start() if found else start
        between = text[start:begins]
        words = between.split()
        if len(words) > 1 and any(w[:1].isupper() for w in words[1:]):
            return key, begins, end
        return key, start, end

    def find_ages(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for pattern in self.ages:
            for match in pattern.finditer(text):
                value = self.number(match.group(match.lastindex or 1))
                # "De man is 58,": the age of an adult names him as well
                oldest = 99 if pattern is self.ages[10] else 21
                if value is None or not 4 <= value <= oldest:
                    continue
                before = text[max(0, match.start() - 25):match.start()]
                after = text[match.end():match.end() + 20]
                if pattern in self.ages_in_range and (self.not_an_age_before.search(before)
                                                or self.not_an_age_after.search(after)):
                    continue
                if pattern is self.ages[3] and self.every_one_before.search(before):
                    continue
                sentence = text[max(0, match.start() - 80):match.start()]
                if self.age_rule.search(sentence) and not _SENTENCE_BREAK.search(
                        sentence[self.age_rule.search(sentence).end():]):
                    continue
                if self._age_of_all(text, match.start(match.lastindex or 1),
                                    match.end(match.lastindex or 1)):
                    continue
                start = match.start()
                if pattern is self.ages[3] and re.match(r"\w+klasse", match.group(), _I):
                    start = match.start(1)  # "tweedeklasser": a group of its own
                if pattern is self.ages[-1]:
                    start = match.start(1)  # ", dertien,": the number only
                hits.append(("age", start, match.end()))
        for pattern in self.ages_more:
            for match in pattern.finditer(text):
                group = next(i for i in range(1, (match.lastindex or 0) + 1) if match.group(i))
                value = self.number(match.group(group))
                if value is None or not 4 <= value <= 21:
                    continue
                before = text[max(0, match.start() - 25):match.start()]
                after = text[match.end():match.end() + 20]
                if self.not_an_age_after.search(after) or self.every_one_before.search(before) \
                        or re.match(r"\s*(?:jaar\s+)?(?:en|of)\s+(?:ouder|jonger)\b", after):
                    continue
                hits.append(("age", match.start(group), match.end(group)))
        hits += [("age", m.start(), m.end()) for m in self.age_rank.finditer(text)]
        return [hit for hit in hits if not self._general_age(text, hit[1], hit[2])]

    def _general_age(self, text: str, start: int, end: int) -> bool:
        """The age is the subject a sentence starts with, and what follows says what anyone of
        that age may, can or understands: "Een 15-jarige mag ...", "Een kind van negen jaar kan
        nog niet ...", "Dertienjarigen mogen ...". "Een jongen van twaalf hoort ..." and "Een
        twaalfjarige uit groep 8 ..." stay ages."""
        if text[start:start + 1] == "(":
            return False  # "Jurre L. (16) mag ...": the age beside a name
        return bool(self.general_age_before.search(text, max(0, start - 20), start)
                    and self.general_age_after.match(text, end))

    def _age_of_all(self, text: str, start: int, end: int) -> bool:
        """Two ages joined by "of" or a comma ("leerlingen van 16 of 17 jaar", "een kind van elf
        of twaalf", "Jongeren van veertien, vijftien jaar") are the ages of a group in general,
        no pupil's (round detect11b); "twee jongens van 15 en 16" stays an age."""
        if self.one_pupil_before.search(text, max(0, start - 40), start):
            return False  # "een leerling van veertien of vijftien": one pupil's age
        return bool(self.age_or_before.search(text, max(0, start - 20), start)
                    or self.age_or_after.match(text, end))

    # --- group (class names) --------------------------------------------------------------
    def find_groups(self, text: str, not_codes: set[str]) -> list[Hit]:
        hits: list[Hit] = []
        for pattern in self.groups:
            for match in pattern.finditer(text):
                if match.group().casefold() in not_codes and not self.class_before.search(
                        text[max(0, match.start() - 15):match.start()]) \
                        and not (_CODE_LISTED_BEFORE.search(text, max(0, match.start() - 40),
                                                            match.start())
                                 and _CODE_LISTED_AFTER.match(text, match.end())):
                    continue  # "4K" is a screen, "zit in 4K" and "Sem, 4K." a class
                    # (the list before is looked for in the 40 characters before the code, not
                    # from the text's start: that made a long text cost more than linear)
                if _YEAR_OF_ALL.search(match.group()) and not _YEAR_OF_ONE.search(
                        text, max(0, match.start() - 12), match.start()):
                    continue  # "het vierde jaar", "de derde klassen": all of a year
                named = match.groupdict()
                if named.get("end") is not None:  # a club: not "docententeam", "zorgteam"
                    begin = match.start("grp") if named.get("grp") is not None else match.start()
                    prefix = text[begin:match.start("end")].rstrip("-").casefold()
                    if prefix in self.club_prefixes or prefix.endswith(tuple(self.club_prefixes)):
                        continue
                if named.get("name") is not None:
                    hits.append(("group", match.start("name"), match.end("name")))
                    continue
                if named.get("grp") is not None:  # "uit de kookgroep": the word only
                    hits.append(("group", match.start("grp"), match.end("grp")))
                    continue
                after = text[match.end():match.end() + 15]
                before = text[max(0, match.start() - 15):match.start()]
                if self.not_a_group_after.search(after) or self.not_a_group_before.search(before):
                    continue
                hits.append(("group", match.start(), match.end()))
        for match in _CLASS_ENDING.finditer(text):
            start = _compound_start(text, match.start())
            prefix = text[start:match.start()].rstrip("-").casefold()
            if start >= 0 and len(prefix) >= 3 and prefix not in _NOT_CLASS_PREFIXES \
                    and not self.not_a_group_before.search(text[max(0, start - 15):start]):
                hits.append(("group", start, match.end()))
        places = _Places(text, hits)
        return [hit for hit in hits if not self._general_group(text, places, hit)]

    def _general_group(self, text: str, places: _Places, hit: Hit) -> bool:
        """A group in a sentence about every year or the curriculum ("In de brugklas beginnen
        we elk jaar met ..."), two groups side by side with all their pupils ("In 4 havo en 4
        vwo krijgen alle leerlingen ..."), or a bare class chat in a sentence that says not
        to use it ("niet naar de klassenapp"): a group in general, no pupil's."""
        _key, start, end = hit
        stop = _FULL_STOP.search(text, end)
        sentence = text[places.sentence_start(start):stop.start() if stop else len(text)]
        if self.every_year.search(sentence):
            return True
        if self.everyone.search(sentence) and places.side_by_side(start, end):
            return True
        passage, near = text[start:end], text[max(0, start - 20):end + 20]
        return bool(self.bare_chat.fullmatch(passage) and re.search(r"app|chat", passage)
                    and self.negation.search(near))

    def find_compounds(self, text: str) -> list[Hit]:
        """Words made with a word that makes it bigger ("cameraschandaal", "deepfakerel",
        "eerwraakdrama"): found from the ending, the word before it looked at here."""
        hits: list[Hit] = []
        for match in _SCANDAL_ENDING.finditer(text):
            start = _compound_start(text, match.start())
            if start >= 0 and match.start() - start >= 3:
                hits.append(("sensational-compound", start, match.end()))
        return hits

    def find_schools(self, text: str) -> list[Hit]:
        """Names of schools ("het Stedelijk Lyceum", "OSG De Meerwaarden"): the caller drops
        the school's own name."""
        return [("other-school", m.start(), m.end()) for m in self.schools.finditer(text)]

    def school_with_organisation_word(self, text: str, start: int) -> bool:
        """"De directie van de Sint-Servaas Mavo", "contact met het Polderhorst College": the
        words before the school's name make it an organisation, not a pupil's school."""
        return self.school_org_before.search(text, max(0, start - 60), start) is not None

    def school_as_object(self, text: str, end: int) -> bool:
        """"Wij hebben het Noorderlicht College gevraagd ...": what we did with the school,
        right after its name, makes it an organisation."""
        return self.school_org_after.match(text, end) is not None

    # --- names with a title ("de heer Visser", "juf Petra") ---------------------------------
    def find_titled_names(self, text: str) -> list[Hit]:
        hits: list[Hit] = [("name", m.start(), m.end()) for m in self.titled.finditer(text)
                           if not self.role_of.match(m.group())]
        for pattern in self.context_names:
            hits += [("name", m.start(1), m.end(1)) for m in pattern.finditer(text)]
        for pattern in self.initials:
            hits += [("name", m.start(m.lastindex or 0), m.end(m.lastindex or 0))
                     for m in pattern.finditer(text)
                     if m.group(m.lastindex or 0).upper() not in self.not_initials]
        hits += self._lone_initials(text)
        return hits

    def _lone_initials(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for match in self.lone_initial.finditer(text):
            start = match.start(1)
            before = text[max(0, start - 60):start].rstrip(" \t")
            if not before or before[-1] in ".!?:;\n\"'‘“(•*–-":
                continue  # a sentence, a list item or a quote that opens with a letter
            word = _LAST_WORD.search(before)
            if word is not None:
                previous = word.group(1)
                if previous.casefold() in self.no_initial_after:
                    continue
                opens = _LAST_WORD.search(before, 0, word.start()) is None \
                    or before[:word.start()].rstrip(" \t“\"‘'(-•*–")[-1:] in ".!?:;\n"
                if previous[0].isupper() and len(previous) > 1 and not opens \
                        and not before.endswith(","):
                    continue  # "Sanne B.": the initial of a surname, found with the name
            if _INTERFIX_NAME.match(text, match.end()):
                continue  # "mevrouw P. de Vries": the initial of a whole name, found with it
            hits.append(("name", start, match.end()))
        return hits


_INTERFIX_NAME = re.compile(r"[ \t]+(?:van|de|der|den|ter|ten|te|in\s+'t|op\s+de)"
                            r"(?:[ \t]+(?:de|der|den))?[ \t]+[A-Z]")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*\Z")


@lru_cache(maxsize=8)
def detectors_for(words: Vocabulary) -> Detectors:
    """The compiled detectors of a vocabulary (compiled once, then shared)."""
    return Detectors(words)


STRUCTURED: tuple[str, ...] = ("id-number", "phone", "email", "url", "handle", "address",
                               "birthdate", "age", "group")
Detector = Callable[..., list[Hit]]
