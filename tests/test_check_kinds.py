"""Rules over the structure of a sentence, with the words of a kind kept as data
(``snippets/nl/regels/woordsoorten.yaml``, ``checks.kinds``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.checks.kinds import alternation, expand
from commgen.checks.run import make_checker
from commgen.foundation.errors import CatalogError
from commgen.questions.guard import GuardedNames


def _rules(template_copy: Path) -> Path:
    return template_copy.parent / "snippets" / "nl" / "regels"


def _categories(text: str, snippets: Path | None = None) -> set[str]:
    checker = make_checker("parents-class", snippets_dir=snippets)
    return {f.category for f in checker.check(text) if f.severity == "error"}


def test_a_word_added_to_a_kind_counts_in_every_rule_that_names_the_kind(template_copy) -> None:
    rules = _rules(template_copy)
    text = "Bewaar de polaroid in een envelop."
    assert "evidence" not in _categories(text, rules.parent)
    path = rules / "woordsoorten.yaml"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("\nbeeld:\n", "\nbeeld:\n  - polaroid\n"), encoding="utf-8")
    assert "evidence" in _categories(text, rules.parent)
    # the same word now counts in the rule for image details too
    assert "image-detail" in _categories("De polaroid is op de zolder gemaakt.", rules.parent)


def test_a_wildcard_stands_for_the_rest_of_a_word() -> None:
    import re

    pattern = re.compile(rf"^{alternation(('vriend...', '...broer', 'foto'))}$", re.IGNORECASE)
    for word in ("vriendinnetje", "tweelingbroer", "broer", "Foto"):
        assert pattern.match(word), word
    assert not pattern.match("fotograaf")


def test_an_unknown_kind_is_reported_with_its_file_and_line(template_copy) -> None:
    rules = _rules(template_copy)
    path = rules / "relaties.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "tokens:\n", "tokens:\n  - (?:{familie})\\s+van\n", 1), encoding="utf-8")
    checker = make_checker(snippets_dir=rules.parent)  # the rules are read when first needed:
    with pytest.raises(CatalogError) as caught:  # by the first check the cache cannot answer
        checker.check("De oom van de leerling.")
    problems = [str(p) for p in caught.value.problems]
    assert any("relaties.yaml" in p and "{familie}" in p and "verwant" in p for p in problems), \
        problems


def test_a_repeat_count_is_not_a_kind() -> None:
    assert expand(r"(?:\w+\s+){0,3}{beeld}", {"beeld": "(?:foto)"}) == (
        r"(?:\w+\s+){0,3}(?:foto)", [])


@pytest.mark.parametrize(("text", "category"), [
    # one sentence of each kind, in words that are in no corpus
    ("Achteraf had het kind die opname nooit mogen delen.", "blame"),
    ("Het was nogal roekeloos van die jongen om zo'n video te maken.", "blame"),
    ("Kopieer de filmpjes naar een map, dan kunnen wij ze bekijken.", "evidence"),
    ("Wilt u de plaatjes per e-mail naar de rector sturen?", "evidence"),
    ("Haar stiefzus heeft het als eerste gezien.", "relation"),
    ("De neef van het meisje zit ook bij ons.", "relation"),
    ("Er wordt beweerd dat een oud-leerling erachter zit.", "speculation"),
    ("Het filmpje is volgens meneer Pauwels al overal te zien.", "speculation"),
    ("De opname is in een strandhuisje gefilmd tijdens de zomerreis.", "image-detail"),
    ("De video-affaire zorgt voor veel onrust.", "sensational"),
    ("Sexting is in ons land strafbaar.", "legal-term"),
])
def test_a_rule_finds_its_kind_in_a_sentence_it_was_not_written_for(text, category) -> None:
    assert category in _categories(text), text


@pytest.mark.parametrize("text", [
    "Niemand mag een ander onder druk zetten om een beeld te maken of te sturen.",
    "De leerling op het beeld is niet schuldig aan de verspreiding.",
    "Een naaktfoto van een ander doorsturen zonder toestemming is strafbaar.",
    "Laat het beeld aan niemand zien en verwijder het.",
    "De politie verzamelt het bewijs, niet de school.",
    "Praat thuis met uw zoon of dochter over wat toestemming is.",
    "Bewaar deze brief met de telefoonnummers van de hulplijnen.",
])
def test_a_sentence_of_the_safe_kind_stays_clean(text) -> None:
    assert not _categories(text), text


def test_a_rule_never_shows_a_guarded_name_it_takes_in() -> None:
    checker = make_checker("parents-class", [GuardedNames.from_names(["Jorien"])])
    findings = checker.check("Joriens broer heeft het filmpje rondgestuurd.")
    relation = [f for f in findings if f.category == "relation"]
    assert relation, findings
    assert all("Jorien" not in f.text and "Jorien" not in f.message for f in findings)
