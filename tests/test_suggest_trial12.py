"""Suggestions that fit their passage (user trial round 12, F4 and F5): a blame finding offers
the sentence the school can say instead, chosen by how the image was made; an adult's role is
never turned into "een leerling"; an article is never doubled ("uit de een klas"); a passage
covers a whole code ("3havo-b"); a number of views is left out or "gedeeld", never a place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commgen.checks.run import make_checker
from commgen.checks.suggest import take_in
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent


def _check(capsys: pytest.CaptureFixture[str], tmp_path: Path, lines: list[str],
           *extra: str) -> list[dict]:
    """``commgen check --json`` on the lines, as a user runs it."""
    source = tmp_path / "brief.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "check", "--json", *extra, str(source))
    assert code in (0, 1), err
    return json.loads(out)["files"][0]["findings"]


def _applied(text: str, finding: dict) -> str:
    """The suggestion put in place of the shown passage, as a reader does by hand."""
    suggestion = finding["suggestion"]
    if suggestion[:1].isupper() and suggestion[-1:] in ".!?":
        return suggestion
    return text[:finding["start"]] + suggestion + text[finding["end"]:]


BLAME = ["Had ze die foto maar nooit gestuurd.", "Ze heeft zichzelf in deze situatie gebracht.",
         "Dat had ze kunnen weten."]


def test_every_blame_finding_offers_the_schools_sentence(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    found = [f for f in _check(capsys, tmp_path, BLAME) if f["category"] == "blame"]
    assert len(found) == 3
    for finding in found:
        assert finding["suggestion"], finding
        assert "schuld ligt nooit bij" in finding["suggestion"]
        assert "vertrouwen" not in finding["suggestion"]  # origin unknown: never the trust line


@pytest.mark.parametrize(("origin", "said", "never"), [
    ("secret", "zonder toestemming filmen", "vertrouwen"),
    ("voluntary", "vertrouwen", "filmen"),
])
def test_with_answers_the_blame_sentence_fits_how_the_image_was_made(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, origin: str, said: str,
        never: str) -> None:
    answers = (ROOT / "tests/corpus/oefen/antwoorden.yaml").read_text(encoding="utf-8")
    answers = answers.replace("origin: voluntary", f"origin: {origin}").replace(
        "../../../samples", str(ROOT / "samples"))
    path = tmp_path / "antwoorden.yaml"
    path.write_text(answers, encoding="utf-8")
    found = [f for f in _check(capsys, tmp_path, BLAME, "--answers", str(path))
             if f["category"] == "blame"]
    assert len(found) == 3
    for finding in found:
        assert said in finding["suggestion"] and never not in finding["suggestion"]


@pytest.mark.parametrize(("text", "role"), [
    ("De wijkagent Bakker sprak met de klas.", "wijkagent"),
    ("Wijkagent Sanne de Vries kwam langs op school.", "wijkagent"),
    ("Mentor Thijs van Dam begeleidt de leerling.", "mentor"),
    ("Docente Ingrid Mulder heeft de melding gedaan.", "docente"),
    ("Verslaggever Kim Geuze belde de school.", "verslaggever"),
])
def test_an_adults_role_is_kept_never_a_pupil(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, role: str) -> None:
    names = [f for f in _check(capsys, tmp_path, [text]) if f["category"] == "name"]
    assert names
    for finding in names:
        if not finding["suggestion"]:
            continue
        changed = _applied(text, finding)
        assert "leerling" not in finding["suggestion"], finding
        assert role in changed.lower() and changed.count(role) == 1, changed


@pytest.mark.parametrize("text", [
    "Het beeld is door een leerling uit de 3havo-b doorgestuurd.",
    "De leerlingen uit de 2havo-c zijn ingelicht.",
])
def test_a_class_code_is_replaced_whole_and_with_one_article(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str) -> None:
    found = [f for f in _check(capsys, tmp_path, [text]) if f["category"] == "group"]
    assert found and all(f["suggestion"] for f in found)
    for finding in found:
        changed = _applied(text, finding)
        assert "uit een klas" in changed, changed
        assert "de een" not in changed and "-b" not in changed and "-c" not in changed


@pytest.mark.parametrize(("text", "never"), [
    ("Het filmpje is al 300 keer bekeken.", "onder leerlingen"),
    ("De nepfoto is daar ruim vierhonderd keer bekeken.", "ruim"),
    ("Het account had binnen een dag 2.000 volgers.", "onder leerlingen"),
])
def test_a_number_of_views_is_never_a_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, never: str) -> None:
    found = [f for f in _check(capsys, tmp_path, [text]) if f["category"] == "sensational"]
    assert found
    for finding in found:
        if finding["suggestion"] == "laat het aantal weg":
            continue  # advice for the reader: leave the number out
        if finding["suggestion"]:
            assert _applied(text, finding).endswith("gedeeld."), finding
            assert never not in _applied(text, finding)


@pytest.mark.parametrize(("text", "passage", "suggestion", "category", "expected"), [
    ("Zij woont op de hoek van de Lingewal.", "hoek van de Lingewal", "in de omgeving",
     "address", "Zij woont in de omgeving."),
    ("Het gaat om een 13-jarig meisje.", "13-jarig", "een leerling", "age",
     "Het gaat om een meisje."),
    ("De zestienjarige leerling krijgt hulp.", "zestienjarige", "een leerling", "age",
     "De leerling krijgt hulp."),
    ("De 14-jarige krijgt hulp.", "14-jarige", "een leerling", "age",
     "Een leerling krijgt hulp."),
    ("Bel ons (06-12345678) als u vragen heeft.", "06-12345678", "laat het nummer weg",
     "phone", "Bel ons als u vragen heeft."),
])
def test_taken_in_the_words_around_fit(text: str, passage: str, suggestion: str,
                                       category: str, expected: str) -> None:
    start = text.index(passage)
    assert take_in(text, start, start + len(passage), suggestion, category) == expected


def test_advice_is_never_put_into_the_text() -> None:
    text = "De familie woont op Havendijk 3 in Gorinchem."
    start = text.index("Havendijk 3")
    assert take_in(text, start, start + len("Havendijk 3"), "laat het adres weg") is None


def test_the_check_api_suggestions_on_a_letter_leave_no_broken_dutch() -> None:
    from commgen.app.commands.check import fitted_to_lines

    checker = make_checker("press")
    text = ("Het gaat om een 13-jarig meisje uit de 3havo-b. Wijkagent Bakker is ingelicht. "
            "Het filmpje is al 300 keer bekeken.")
    for finding in fitted_to_lines(checker, text, checker.check(text), "press"):
        if finding.suggestion and finding.suggestion[-1:] not in ".!?" \
                and not finding.suggestion.startswith("laat "):
            changed = text[:finding.start] + finding.suggestion + text[finding.end:]
            for broken in ("de een", "een een", "een leerling meisje", "-b", "onder leerlingen"):
                assert changed.count(broken) <= text.count(broken), (finding, changed)
