"""A warm ``commgen generate`` skips only work whose result it already has: the phrasing
rules are loaded when a check misses the cache, and Babel's and phonenumbers' results for the
case's answers come from the user cache, sealed, exactly as the libraries give them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from commgen.checks import run
from commgen.checks.load import checker_from_answers
from commgen.docx.reader import read_package
from commgen.foundation import cache

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Beste ouders, de klas van juf Demi (groep 7) woont aan de Dorpsstraat 12. Bel "
        "06-12345678. Die dader is een schande en het slachtoffer was naïef. 😀 & <b>\n")


def test_the_rules_are_loaded_when_a_check_first_needs_them() -> None:
    checker = run.make_checker("parents-class")
    source = run._rules_source(checker)
    assert isinstance(source, run.RulesOnDemand) and source._rules is None
    other = checker.for_audience("staff").with_allow(checker.allow)
    assert run._rules_source(other) is source and source._rules is None  # still not loaded
    found = checker.check(TEXT)
    assert source._rules is not None
    eager = run.Checker(list(checker.rules), checker.settings, checker.allow,
                        audience="parents-class", rules_folder=checker.rules_folder)
    assert [(f.rule, f.start, f.end, f.severity) for f in found] == [
        (f.rule, f.start, f.end, f.severity) for f in eager.check(TEXT)]
    assert any(f.category == "phone" for f in found) and any(f.rule != "phone" for f in found)
    assert other.rules is checker.rules  # one list for every checker of the source
    assert checker._lines() is checker.lines  # so the line store is used


def test_an_answers_checker_with_other_rules_still_uses_them() -> None:
    checker = checker_from_answers({})
    fewer = [rule for rule in checker.rules if rule.category != "blame"]
    from dataclasses import replace

    changed = replace(checker, rules=fewer)
    assert changed.rules == fewer and changed._lines() is None  # the store is of other rules


def test_the_librarys_results_from_the_cache_are_its_own(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    empty_cache = tmp_path / "cache"  # the process's remembered results forgotten too
    monkeypatch.setenv("COMMGEN_CACHE", str(empty_cache))
    monkeypatch.setattr(cache, "_REMEMBERED", {})
    from babel.dates import format_date
    from babel.dates import format_time as babel_time
    from babel.lists import format_list

    from commgen.checks.allow import phone_key
    from commgen.foundation.formatting import DateText, _format_phone, format_phone, format_time
    from commgen.questions.types import InvalidAnswer, parse_phone

    def results() -> list[object]:
        day = DateText(dt.date(2026, 2, 28), "nl")
        errors = []
        for wrong in ("12", "geen nummer", "020 123"):
            with pytest.raises(InvalidAnswer) as caught:
                parse_phone(wrong)
            errors.append(str(caught.value))
        return [str(day), day.long, day.weekday, day.short, day.iso,
                format_time(dt.time(9, 5, 59, 1), "nl"), format_time(dt.time(23, 59), "en"),
                format_phone("0387601234", " ", {"vast": {7: [3, 2, 2]}}),
                format_phone("+32 2 512 34 56", "-"),
                format_phone("112"), format_phone("geen"),
                parse_phone("038-7601234"), parse_phone("+3225123456"), parse_phone("112"),
                phone_key("06 12345678"), phone_key("x"), *errors]

    first = results()
    cache._REMEMBERED.clear()  # the process forgets: the second time from the cache folder
    assert results() == first
    assert first[:4] == ["28 februari 2026", "28 februari 2026", "zaterdag 28 februari 2026",
                         "28-02-2026"]
    assert first[5:7] == [babel_time(dt.time(9, 5, 59, 1), "short", locale="nl"),
                          babel_time(dt.time(23, 59), "short", locale="en")]
    assert format_date(dt.date(2026, 2, 28), "long", locale="nl") == first[0]
    assert first[7:11] == ["038 760 12 34", "+32 2 512 34 56", "112", "geen"]
    assert first[7] == _format_phone("0387601234", " ", {"vast": {7: [3, 2, 2]}})
    assert first[11:16] == ["038 760 1234", "+32 2 512 34 56", "112", "31:612345678", None]
    entries = list(empty_cache.rglob("*"))
    assert any(p.parent.name == "library-phone" for p in entries)
    for path in entries:  # sealed: no answer readable in the cache folder
        if path.is_file():
            assert b"7601234" not in path.read_bytes() and b"februari" not in path.read_bytes()
    from jinja2 import Environment

    from commgen.foundation.jinja import opsomming
    env = Environment()
    env.filters["opsomming"] = opsomming
    template = env.from_string("{{ items | opsomming }}")
    words = ["de mentor", "de ouders & de leerling", "😀"]
    assert template.render(items=words, doc={"lang": "nl"}) == format_list(words, locale="nl")
    cache._REMEMBERED.clear()
    assert template.render(items=words, doc={"lang": "nl"}) == format_list(words, locale="nl")


def test_a_warm_generate_imports_neither_babel_nor_phonenumbers(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
        "NO_COLOR": "1", "COMMGEN_CACHE": str(tmp_path / "cache")}
    texts = []
    for run_index in range(2):
        out = tmp_path / f"out-{run_index}"
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "commgen", "generate",
                               str(ROOT / "samples" / "po-basisschool.yaml"), "--out", str(out)],
                              capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-2000:]
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                    if line.startswith("import time:")}
        texts.append({p.name: read_package(p.read_bytes()).text
                      for p in sorted(out.glob("*.docx"))})
        if run_index == 0:
            assert "babel.dates" in imported and "phonenumbers" in imported
        else:
            assert not {m for m in imported if m.split(".")[0] in ("babel", "phonenumbers")}
    assert texts[0] == texts[1] and len(texts[0]) >= 5
    assert all("{{" not in text for text in texts[0].values())


def test_a_letter_checked_again_gets_its_findings_from_the_cache(tmp_path: Path) -> None:
    """``commgen check`` of a text it checked before, with the same checker: the findings
    (suggestions fitted to their lines) from the user cache, the report the same; another
    text, or other readers, are checked anew."""
    letter = tmp_path / "brief.txt"
    letter.write_text(TEXT * 3, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
        "NO_COLOR": "1", "COMMGEN_CACHE": str(tmp_path / "cache")}

    def check(*options: str) -> tuple[int, str, set[str]]:
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "commgen", "check",
                               *options, str(letter)], capture_output=True, text=True, env=env)
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                    if line.startswith("import time:")}
        return done.returncode, done.stdout, imported

    first = check("--audience", "parents-class")
    assert first[0] == 1 and "06-12345678" in first[1] and "commgen.app.fitting" in first[2]
    again = check("--audience", "parents-class")
    assert again[:2] == first[:2]
    assert "commgen.app.fitting" not in again[2]  # nothing fitted: it was kept
    press = check("--audience", "press")
    assert "commgen.app.fitting" in press[2]
    # the answer checks only for the sentence a blame finding ("naïef") gets by the case's
    # facts (trial12 F4); a letter without blame or a sanction never loads them
    assert "commgen.app.answercheck" in first[2]
    letter.write_text(TEXT.replace(" en het slachtoffer was naïef", "") * 3, encoding="utf-8")
    plain = check("--audience", "press")
    assert "06-12345678" in plain[1] and "commgen.app.answercheck" not in plain[2]
    letter.write_text(TEXT * 3 + "Bel ook 06-87654321.\n", encoding="utf-8")
    changed = check("--audience", "parents-class")
    assert "06-87654321" in changed[1] and changed[1] != first[1]


def test_a_pattern_that_begins_with_any_word_finds_the_same_from_word_starts() -> None:
    """``checks.wordstart``: the detectors' patterns that begin with ``\\w*`` give the same
    matches (spans and groups, ``finditer`` and ``search`` from any position) when tried
    only where a search starts and after a non-word character; a 9000-letter word no
    longer costs them n*n steps."""
    import random
    import re

    from commgen.checks.wordstart import WordStartPattern, starts_with_any_word

    detectors = run.make_checker().detectors
    chosen = [p for v in vars(detectors).values() for p in (v if isinstance(v, tuple) else [v])
              if isinstance(getattr(p, "pattern", None), str)
              and isinstance(p, WordStartPattern)]
    # whichever shipped detector begins with \w* (the chat channel and the app group begin with
    # \b now, which makes them linear by themselves); the sources below are tried always
    assert not starts_with_any_word(r"\w+chat") and not starts_with_any_word(r"\w{0,3}chat")
    assert not starts_with_any_word(r"(?i)\w*chat") and not starts_with_any_word(r"\w*")
    made = [*[(p.compiled, p) for p in chosen], *[
        (re.compile(source), WordStartPattern(re.compile(source),
                                              re.compile(rf"(?<!\w)(?:{source})")))
        for source in (r"\w*?(?:chat|groep)", r"(\w*)(chat)\b", r"\w*(?:a|ab)c")]]
    random.seed(7)
    pieces = ["chat", "groep", "kanaal", " ", "#", "ab", "c", "a", "x", "é", "_", "-", "\n",
              "Chat", "server", "app", "ş", "1", "😀"]
    texts = [TEXT, "groepschat #klas-3b en de appgroep van 2a", "x" * 3000 + "chat #ab"]
    texts += ["".join(random.choice(pieces) for _ in range(random.randint(0, 30)))
              for _ in range(1500)]
    for plain, fast in made:
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)], (plain.pattern, text)
            for pos in (1, 4):
                ours, theirs = fast.search(text, pos), plain.search(text, pos)
                assert (ours and ours.span()) == (theirs and theirs.span())
