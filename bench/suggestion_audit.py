"""Take every suggestion the check offers on the dev corpus into its sentence and look for
broken Dutch (trial12 F4/F5).

    python bench/suggestion_audit.py [--set dev] [--examples N]

For each labelled problem sentence of the set, the check's findings are fitted as ``commgen
check`` fits them (``fitted_to_lines``: a suggestion only where it fits its line). Each offered
suggestion is then taken in two ways: as a reader of ``commgen check`` would (the marked
passage replaced by the words shown, or the passage's sentence by a sentence) and as the
interview does (``checks.suggest.take_in``). A result is broken when it has what its original
did not:

- ``article``: an article doubled or two articles ("de een klas", "het een beeld");
- ``article-prep``: an article before a preposition ("uit de onder leerlingen");
- ``punctuation``: the sentence lost its closing sign, or a sign stands alone (" ,", ",,");
- ``role``: a police officer, teacher, parent or other adult became "een leerling";
- ``partial``: the passage ends or starts inside a token ("3havo" of "3havo-b" leaves "-b");
- ``count-place``: a number of views or shares replaced by a place ("onder leerlingen");
- ``slip``: any other slip ``checks.suggest.grammar_slips`` knows.

Blame findings without a suggestion are counted apart (every blame finding must offer the
sentence the school can say instead).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_eval import corpus_checker, load_corpus, parts_of  # noqa: E402

_ARTICLE = re.compile(r"\b(?:de|het|een)\s+(?:de|het|een)\b", re.IGNORECASE)
_PREP = re.compile(r"\b(?:de|het|een)\s+(?:onder|in|op|via|bij|naar|van|uit|met|door|aan)\b",
                   re.IGNORECASE)
_LONE_SIGN = re.compile(r"\s[,.;:!?]|[,;:]{2}|\.\.(?!\.)|,\s*\.")
_COUNT = re.compile(r"(?:\d|honderd|duizend|tientallen)\S*\s+(?:keer|maal|views|likes|volgers|"
                    r"shares|weergaven|reacties|haatreacties|kijkers|mensen)", re.IGNORECASE)
_PLACE = re.compile(r"^(?:onder|in|op|bij|via)\b", re.IGNORECASE)
# Adults and their roles: never "een leerling" (the audit's own list, apart from the rules').
ROLES = frozenset([
    "agent", "agente", "wijkagent", "politieagent", "jeugdagent", "rechercheur", "politie",
    "docent", "docente", "leraar", "lerares", "leerkracht", "mentor", "mentrix", "juf",
    "juffrouw", "meester", "meneer", "mevrouw", "mijnheer", "heer", "dhr", "mevr", "mw",
    "directeur", "directrice", "rector", "conrector", "teamleider", "afdelingsleider",
    "zorgcoördinator", "coördinator", "vertrouwenspersoon", "conciërge", "medewerker",
    "medewerkster", "moeder", "vader", "ouder", "ouders", "opa", "oma", "oom", "tante",
    "stiefvader", "stiefmoeder", "coach", "trainer", "jeugdarts", "hulpverlener",
    "jeugdwerker", "wethouder", "burgemeester", "gymdocent", "gymleraar", "decaan",
    "begeleider", "orthopedagoog", "psycholoog", "schoolmaatschappelijk", "advocaat",
    "journalist", "verslaggever"
])


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", text)]


def shown(text: str, start: int, end: int, suggestion: str) -> str:
    """What a reader makes of a shown passage and suggestion: the passage replaced by the words
    (at a sentence start with a capital), or its sentence by a sentence."""
    from commgen.checks.suggest import is_phrase, leave_out, leave_out_text, own_sentence

    if suggestion == leave_out_text():
        return leave_out(text, start, end) or ""
    if suggestion.casefold().startswith(("laat ", "verwijder ")):  # advice: the passage out,
        from commgen.checks.suggest import take_in  # as the check offers it (an aside only)

        return take_in(text, start, end, suggestion) or text
    if not is_phrase(suggestion):
        first, last = own_sentence(text, start, end)
        return text[:first] + suggestion + text[last:]
    new = suggestion
    if not text[:start].strip() or text[:start].rstrip()[-1:] in ".!?":
        new = new[:1].upper() + new[1:]
    return text[:start] + new + text[end:]


def broken(text: str, start: int, end: int, suggestion: str, result: str) -> list[str]:
    """The kinds of break ``result`` has that ``text`` had not."""
    from commgen.checks.suggest import grammar_slips, is_phrase

    kinds: list[str] = []
    if result == text:
        return kinds  # advice shown as it is, nothing put in
    if len(_ARTICLE.findall(result)) > len(_ARTICLE.findall(text)):
        kinds.append("article")
    if len(_PREP.findall(result)) > len(_PREP.findall(text)):
        kinds.append("article-prep")
    if (text.rstrip()[-1:] in ".!?" and result.rstrip()[-1:] not in ".!?") \
            or len(_LONE_SIGN.findall(result)) > len(_LONE_SIGN.findall(text)):
        kinds.append("punctuation")
    # the role word just before the passage, in it, or after it as an apposition
    before_words = re.search(r"([^\W\d_]+)\s+$", text[:start])
    after_words = re.match(r"\s*,\s*(?:de|een|onze|haar|zijn)?\s*([^\W\d_]+)", text[end:])
    around = _words(text[start:end]) + [m.group(1).casefold()
                                         for m in (before_words, after_words) if m]
    if is_phrase(suggestion) and "leerling" in _words(suggestion) and set(around) & ROLES \
            and "leerling" not in _words(text[start:end]):
        kinds.append("role")
    before = text[start - 1] if start else " "
    joined_before = before.isalnum() or (before in "-./" and start > 1
                                         and text[start - 2].isalnum())
    after = text[end:end + 2]
    joined_after = (after[:1].isalnum()
                    or (after[:1] in "-./" and after[1:2].isalnum()))
    if (joined_before or joined_after) and text[start:end].strip() and is_phrase(suggestion):
        kinds.append("partial")
    if _COUNT.search(text[start:end]) and _PLACE.match(suggestion.strip()):
        kinds.append("count-place")
    if not kinds and [s for s in grammar_slips(result) if s not in grammar_slips(text)]:
        kinds.append("slip")
    return kinds


def audit(name: str = "dev", examples: int = 3) -> int:
    from commgen.app.commands.check import fitted_to_lines
    from commgen.checks.suggest import take_in

    total = Counter()
    kinds: dict[str, Counter] = {"shown": Counter(), "taken": Counter()}
    seen: dict[tuple[str, str], list[str]] = {}
    for part in parts_of(name):
        problems, _clean, context = load_corpus(part)
        checker = corpus_checker(context)
        audience = context.get("audience")
        for entry in problems:
            text = entry["tekst"]
            for f in fitted_to_lines(checker, text, checker.check(text), audience):
                if f.category == "blame":
                    total["blame"] += 1
                    total["blame without suggestion"] += not f.suggestion
                    if not f.suggestion:
                        seen.setdefault(("blame", "no suggestion"), []).append(
                            f"“{f.text}” in “{text}”")
                if not f.suggestion:
                    continue
                total["offered"] += 1
                taken = take_in(text, f.start, f.end, f.suggestion, f.category) \
                    or shown(text, f.start, f.end, f.suggestion)
                for how, result in (("shown", shown(text, f.start, f.end, f.suggestion)),
                                    ("taken", taken)):
                    found = broken(text, f.start, f.end, f.suggestion, result)
                    total[f"broken {how}"] += bool(found)
                    for kind in found:
                        kinds[how][kind] += 1
                        seen.setdefault((how, kind), []).append(
                            f"[{f.category}] “{f.text}” → “{f.suggestion}”: {result}")
    print(f"set {name}: {total['offered']} suggestions offered")
    for how in ("shown", "taken"):
        print(f"  broken as {how}: {total[f'broken {how}']} "
              f"({', '.join(f'{k} {n}' for k, n in kinds[how].most_common()) or 'none'})")
    print(f"  blame findings: {total['blame']}, without a suggestion: "
          f"{total['blame without suggestion']}")
    for (how, kind), lines in sorted(seen.items()):
        print(f"-- {how} / {kind}: {len(lines)}")
        for line in lines[:examples]:
            print(f"   {line}")
    return 0


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", dest="name", default="dev")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    return audit(args.name, args.examples)


if __name__ == "__main__":
    raise SystemExit(main())
