"""The kinds of round 19, each by its structure, in sentences written for the kind (not taken
from a corpus): a name that no name list holds, found because it is no Dutch word
(``regels/woordenlijst.txt``, OpenTaal's list, and ``woordenlijst-eigen.txt``), no place,
platform, brand or institution; one initial alone in a sentence. And the look-alikes that stay
clean: platforms and brands in a list, an organisation after its kind ("het stadsdeel X"), a
thing of an organisation ("de website van X"), a compound, an English sentence, a word at the
start of a sentence in another form (a verb's stem, a plural, without its accents), a letter
that names a thing ("unit C.")."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.checks.lexicon import LEXICON_FILE, OWN_WORDS_FILE, load_lexicon
from tests.conftest import errors_of


@pytest.mark.parametrize("text,name", [
    # in the middle of a sentence, after the words that stand before a person
    ("Het gaat om Shurayne uit de derde klas.", "Shurayne"),
    ("Iedereen zegt dat de jongen van Oyekunle het heeft gedaan.", "Oyekunle"),
    ("Zet haar in de les naast Oyelaran, daar voelt ze zich veilig.", "Oyelaran"),
    ("Mijn dochter Kamińska heeft het ook gezien.", "Kamińska"),
    # at the start of a sentence, where every word has a capital
    ("Tjeerdina kiest zelf wie er naast haar zit.", "Tjeerdina"),
    ("Wubbolda had de foto al gezien.", "Wubbolda"),
])
def test_a_name_no_list_holds_is_found(checker, text: str, name: str) -> None:
    assert name in errors_of(checker, text, "name"), text


@pytest.mark.parametrize("text,initial", [
    ("De leerling, R., heeft ons toestemming gegeven.", "R."),
    ("Moeder vertelt dat R. thuis al eerder problemen had.", "R."),
    ("Broer H. heeft de beelden doorgezet.", "H."),
])
def test_one_initial_alone_is_a_name(checker, text: str, initial: str) -> None:
    assert initial in errors_of(checker, text, "name"), text


@pytest.mark.parametrize("text", [
    # platforms and brands, also in a list with one
    "Discord, Fortnite en Roblox hebben allemaal een meldknop.",
    "Google en Apple hebben allebei een gezinsfunctie voor schermtijd.",
    "Is het beeld op je Chromebook verschenen? Sluit het dan af.",
    "Dertienjarigen mogen een eigen Instagramaccount hebben.",
    # an organisation after its kind, or a thing of one
    "Het samenwerkingsverband Parkstad ondersteunt de school.",
    "De wijkagent van Charlois komt in algemene zin vertellen over veilig online zijn.",
    "Op de website van Slachtofferwijzer staat wat je kunt doen.",
    "Wij werken samen met Altrecht en het buurtteam als kinderen meer zorg nodig hebben.",
    "Praten kan ook bij MIND Korrelatie, via de chat.",
    # a compound, English, a word in another form at the start of a sentence
    "Dit is geen Sinterklaasverhaal: nepbeelden kunnen er heel echt uitzien.",
    "Jongeren kunnen ook bij Stop it Now terecht.",
    "Problematiseer het doorsturen, niet het verliefd zijn.",
    "Eén op de vijf jongeren krijgt weleens een beeld dat hij niet wilde zien.",
    "Deepfakes zijn beelden die met kunstmatige intelligentie zijn gemaakt.",
    "Nepbeelden kunnen net zoveel pijn doen als echte beelden.",
    # a letter that names a thing
    "De pauze is om 10.15 uur bij unit C.",
    "Het account is trending op X.",
])
def test_a_look_alike_is_no_name(checker, text: str) -> None:
    assert not errors_of(checker, text, "name"), text


def test_the_lexicon_knows_words_in_any_case_and_the_foundations_own(tmp_path: Path,
                                                                      monkeypatch) -> None:
    """The word lists are read once and kept as a sorted array in the user cache: a second
    load reads the cache, a changed list is read again, a folder without the list has none."""
    monkeypatch.setenv("COMMGEN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "regels"
    folder.mkdir()
    assert load_lexicon(folder) is None
    (folder / LEXICON_FILE).write_text("# kop\nhuis\nverhaal\n", encoding="utf-8")
    lexicon = load_lexicon(folder)
    assert lexicon is not None and len(lexicon) == 2
    assert "Huis" in lexicon and "VERHAAL" in lexicon and "kop" not in lexicon
    assert "deepfake" not in lexicon
    (folder / OWN_WORDS_FILE).write_text("deepfake\n", encoding="utf-8")
    again = load_lexicon(folder)
    assert again is not None and "Deepfake" in again and "huis" in again
    assert list(Path(tmp_path / "cache").rglob("*")), "the array is kept in the user cache"


def test_the_shipped_lexicon_is_dutch() -> None:
    from commgen.checks.rules import RULES_FOLDER
    from commgen.checks.run import snippets_folder

    lexicon = load_lexicon(snippets_folder() / RULES_FOLDER)
    assert lexicon is not None and len(lexicon) > 300_000
    for word in ("leerling", "Schoolreisje", "doorgestuurd", "Appgroep", "sexting"):
        assert word in lexicon, word
    for name in ("Shurayne", "Oyekunle", "Oyelaran"):
        assert name not in lexicon, name
