"""Case facts as data: sentences with conditions, several values per fact, the consistency
rules of a generation run, and their mistakes named with file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.answers.answersfile import load_answers
from commgen.app.generate import generate, generate_from_answers
from commgen.checks.consistency import CaseDocument, consistency_findings, load_consistency
from commgen.docx.reader import docx_text
from commgen.foundation.errors import CatalogError
from commgen.questions.catalog import load_catalog
from commgen.render.snippets import load_snippets
from tests.conftest import SAMPLES, TEMPLATES, WITHOUT_WIJKAGENT, run_cli, write_answers
from tests.goldentext import NOW

RULES = TEMPLATES.parent / "snippets" / "nl" / "regels"


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _texts(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
            if w.path.suffix == ".docx"}


def _refused(result) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {d.doc_id: [f.message for f in d.findings if f.category == "consistency"]
            for d in result.review.documents if d.findings}


# --- several values per fact ------------------------------------------------------------

def test_a_single_police_or_spread_value_stays_valid_and_becomes_a_list(catalog) -> None:  # type: ignore[no-untyped-def]
    answers = load_answers(SAMPLES / "vo-politie.yaml", catalog)  # police: investigation
    assert answers.values["police"] == ["investigation"]
    assert answers.values["spread"] == ["several_classes"]


def test_several_police_facts_each_give_their_sentence(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"police": ["report_family", "investigation"],
                                    "spread": ["several_classes", "other_schools"]})
    texts = _texts(generate(path, tmp_path / "out", TEMPLATES, now=NOW))
    press = texts["persverklaring"]
    assert "Er is aangifte gedaan bij de politie. De politie doet onderzoek." in press
    assert "De school stemt af met de andere scholen waar het beeld is gedeeld." in press
    statement = texts["communicatiestatement"]
    shareable, annex = statement.split("Bijlage: alleen voor het crisisteam")
    assert "De school stemt af met de andere scholen waar het beeld is gedeeld." in shareable
    assert "Neem contact op met de andere scholen" in annex  # a task for the crisis team


def test_contradictory_police_and_spread_answers_are_refused(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    from commgen.foundation.errors import AnswersError

    for overrides, words in (({"police": ["none", "advice"]}, "niet betrokken"),
                             ({"spread": ["few", "whole_school"]}, "één omvang")):
        path = write_answers(tmp_path, overrides)
        with pytest.raises(AnswersError) as info:
            load_answers(path, catalog)
        assert words in str(info.value)


# --- approval gates ---------------------------------------------------------------------

def test_without_police_approval_public_texts_say_a_neutral_line(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"approvals": ["board", "family"], **WITHOUT_WIJKAGENT})
    texts = _texts(generate(path, tmp_path / "out", TEMPLATES, now=NOW))
    for doc in ("persverklaring", "brief-ouders-klas", "brief-ouders-andere-klassen",
                "communicatiestatement-website"):
        assert "onderzoek" not in texts[doc].replace("Helpwanted", ""), doc
        assert "volgt het protocol voor zulke situaties" in texts[doc], doc
    internal = texts["communicatiestatement"]
    assert "De politie doet onderzoek." in internal  # the crisis team knows
    shared, annex = internal.split("Bijlage: alleen voor het crisisteam")
    # the statement's first part goes out after approval: the police as in public texts
    assert "volgt het protocol voor zulke situaties" in shared and "politie" not in shared.replace(
        "Politie", "")
    assert "Pas noemen na goedkeuring van de politie: " in annex and "onderzoek" in annex
    assert "Politie: nog geen goedkeuring." in internal
    assert "De leerling en de ouders: nog geen goedkeuring" not in internal


def test_without_family_approval_public_texts_say_nothing_about_the_pupil(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"approvals": ["board", "police"], "origin": "secret"})
    texts = _texts(generate(path, tmp_path / "out", TEMPLATES, now=NOW))
    for doc in ("persverklaring", "brief-ouders-klas"):
        assert "met de leerling gesproken" not in texts[doc]
        assert "zonder dat de leerling het wist" not in texts[doc]
        assert "in vertrouwen" not in texts[doc]
    # The fact is background in the statement's annex and known to the team; the statement's
    # first part may go outside, so it says the general rule (trial cli9, finding 13).
    shareable, annex = texts["communicatiestatement"].split("Bijlage: alleen voor het crisisteam")
    assert "zonder dat de leerling het wist" not in shareable
    assert "zonder toestemming seksueel filmen of fotograferen is strafbaar" in shareable
    assert "zonder medeweten van de leerling" in annex
    assert "zonder dat de leerling het wist" in texts["handreiking-team"]
    assert "De leerling en de ouders: nog geen goedkeuring" in texts["communicatiestatement"]


# --- the new samples ------------------------------------------------------------------

@pytest.mark.parametrize("sample, present, absent", [
    ("vo-stiekem-gefilmd", {"communicatiestatement": "seksueel filmen of fotograferen is "
                            "strafbaar",
                            "handreiking-team": "seksueel filmen of fotograferen is op "
                            "zichzelf al strafbaar",
                            "brief-ouders-klas": "niemand mag een ander zonder toestemming "
                            "filmen",
                            "persverklaring": "niet te publiceren"},
     ("in vertrouwen", "maken van een beeld fout was")),
    ("po-afpersing", {"brief-ouders-klas": "Betaal niet en stuur niets meer",
                      "handreiking-team": "niet betalen",
                      "brief-ouders-andere-klassen": "Helpwanted bij afpersing"},
     ("in vertrouwen",)),
    ("vo-deepfake", {"brief-ouders-klas": "bewerkt of nagemaakt (een deepfake)",
                     "persverklaring": "bewerkt of nagemaakt beeld"},
     ("politie om advies",)),
])
def test_the_samples_tell_their_case(tmp_path: Path, catalog, sample: str,  # type: ignore[no-untyped-def]
                                     present: dict[str, str], absent: tuple[str, ...]) -> None:
    result = generate_from_answers(catalog, load_answers(SAMPLES / f"{sample}.yaml", catalog),
                                   tmp_path, now=NOW)
    assert not _refused(result)
    texts = _texts(result)
    for doc, words in present.items():
        assert words in texts[doc], (doc, words)
    for doc in ("persverklaring", "brief-ouders-klas", "brief-ouders-andere-klassen"):
        for words in absent:
            assert words not in texts.get(doc, ""), (doc, words)


# --- sentences with conditions, checked at load -------------------------------------------

def test_a_sentence_condition_naming_no_question_is_named_with_line(template_copy: Path) -> None:
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    line = _edit(phrases, "    - when: \"origin == 'secret'\"\n      teachers: &stiekem_intern",
                 "    - when: \"origine == 'secret'\"\n      teachers: &stiekem_intern")
    with pytest.raises(CatalogError) as info:
        load_snippets(load_catalog(template_copy), "nl")
    message = str(info.value)
    assert f"phrases.yaml, regel {line}" in message and "origine" in message
    assert "sentences.view" in message


@pytest.mark.parametrize("file, old, new, words", [
    ("phrases.yaml", "when: \"'other_schools' in spread\"", "when: \"spread > 3\"",
     ("spread > 3", "sentences.other_schools")),
    ("hulpbronnen.yaml", "wanneer: \"origin == 'sextortion'\"", "wanneer: \"herkomst == 'x'\"",
     ("hulpbronnen.afpersing", "herkomst")),
])
def test_a_condition_that_cannot_be_evaluated_is_an_error(template_copy: Path, file: str,
                                                          old: str, new: str,
                                                          words: tuple[str, ...]) -> None:
    _edit(template_copy.parent / "snippets" / "nl" / file, old, new)
    with pytest.raises(CatalogError) as info:
        load_snippets(load_catalog(template_copy), "nl")
    assert all(w in str(info.value) for w in words), str(info.value)


def test_a_sentence_added_with_a_condition_appears_only_for_its_facts(
        template_copy: Path, tmp_path: Path) -> None:
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    _edit(phrases, "  media_request:\n    - press: >-\n",
          "  media_request:\n    - when: \"media == 'published'\"\n      press: Extra zin voor "
          "gepubliceerde berichten.\n    - press: >-\n")
    for media, expected in (("published", True), ("questions", False)):
        path = write_answers(tmp_path, {"media": media})
        texts = _texts(generate(path, tmp_path / media, template_copy, now=NOW))
        assert ("Extra zin voor gepubliceerde berichten." in texts["persverklaring"]) is expected


# --- consistency rules ------------------------------------------------------------------

def _findings(text: str, audience: str = "parents-class", values: dict | None = None,  # type: ignore[type-arg]
              doc_id: str = "brief") -> list[str]:
    rules = load_consistency(RULES)
    assert rules is not None
    found = consistency_findings(rules, {"school_type": "vo", **(values or {})},
                                 [CaseDocument(doc_id, audience, text)], "nl")
    return [f.rule + ": " + f.text for f in found.get(doc_id, [])]


@pytest.mark.parametrize("text, audience, values, rule", [
    ("De school gaat gaat verder.", "parents-class", {}, "consistency-dubbel_woord"),
    ("Wij bellen u morgen. Bel je ouders.", "parents-class", {}, "consistency-aanspreekvorm"),
    ("Je krijgt een brief. Belt u ons.", "teachers", {}, "consistency-aanspreekvorm"),
    ("Wij beschermen alle kinderen.", "parents-class", {}, "consistency-schoolsoort"),
    ("Wij beschermen alle jongeren.", "parents-class", {"school_type": "po"},
     "consistency-schoolsoort"),
    ("Wij hebben haar familie gesproken.", "internal", {}, "consistency-geslacht"),
    ("De leerling zegt dat hij niets wist.", "teachers", {}, "consistency-geslacht"),
    ("De moeder van de leerling belde.", "press", {}, "consistency-geslacht"),
    ("Twee leerlingen zijn voorlopig geschorst.", "press", {}, "consistency-openbaar_nooit"),
    ("Het beeld is stiekem gemaakt.", "parents-other", {}, "consistency-openbaar_nooit"),
    ("Het beeld is gemeld bij de politie. Het beeld is gemeld bij de politie.", "internal", {},
     "consistency-herhaling"),
    ("Neem contact op met Anna Vos, mentor.", "parents-class",
     {"contact": type("P", (), {"name": "Anna Vos", "role": "zorgcoördinator"})()},
     "consistency-dezelfde"),
])
def test_each_consistency_rule_finds_its_slip(text: str, audience: str, values: dict,  # type: ignore[type-arg]
                                              rule: str) -> None:
    found = _findings(text, audience, values)
    assert any(f.startswith(rule) for f in found), found


@pytest.mark.parametrize("text, audience, values", [
    ("Ik weet dat dat klopt.", "parents-class", {}),
    ("Stel open vragen, zoals “Hoe is dat voor jou?”", "parents-class", {}),
    ("Voor kinderen en jongeren van 8 tot 18 jaar.", "parents-class", {}),
    ("Wie is de leerling? In welke klas zit hij of zij?", "internal", {}),
    ("De ouders van de leerling zijn op de hoogte.", "press", {}),
    ("De school stemt haar aanpak af met de politie.", "parents-class", {}),
    ("Wij hebben haar familie gesproken.", "internal", {"gender_named": True}),
    ("Leerlingen zijn geschorst.", "internal", {}),
])
def test_what_the_consistency_rules_let_through(text: str, audience: str, values: dict) -> None:  # type: ignore[type-arg]
    assert _findings(text, audience, values) == []


def test_the_next_update_must_be_the_same_everywhere(catalog) -> None:  # type: ignore[no-untyped-def]
    values = load_answers(SAMPLES / "vo-politie.yaml", catalog).values
    rules = load_consistency(RULES)
    assert rules is not None
    right = "Wij geven een nieuwe update op maandag 23 november 2026 om 12:00 uur."
    wrong = "Wij geven een nieuwe update op dinsdag 24 november 2026 om 12:00 uur."
    found = consistency_findings(rules, values, [CaseDocument("a", "press", right),
                                                 CaseDocument("b", "press", wrong)], "nl")
    assert list(found) == ["b"] and "dinsdag 24 november 2026 om 12:00" in found["b"][0].message


def test_what_we_do_not_say_stays_out_of_public_documents(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"not_said_extra": "Niets over de ouderavond op donderdag",
                                    "actions_extra": "Niets over de ouderavond op donderdag."})
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    refused = _refused(result)
    assert "brief-ouders-klas" in refused and "communicatiestatement" not in refused
    assert any("Wat zeggen we niet" in m for m in refused["brief-ouders-klas"])


def test_a_slip_in_free_text_stops_the_document_with_its_sentence(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"actions_extra": "De leerling en haar familie krijgen "
                                                     "hulp van de school."})
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    sentences = {f.text for d in result.review.documents for f in d.findings
                 if f.category == "consistency"}
    assert "De leerling en haar familie krijgen hulp van de school." in sentences
    assert "brief-ouders-klas" in result.review.refused()


def test_a_broken_consistency_file_is_named_with_line(tmp_path: Path) -> None:
    folder = tmp_path / "regels"
    folder.mkdir()
    (folder / "consistentie.yaml").write_text("openbaar: [press]\nherhaling:\n  min_woord: 5\n",
                                              encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_consistency(folder)
    assert "consistentie.yaml, regel 3" in str(info.value) and "min_woord" in str(info.value)


@pytest.mark.parametrize(("typed", "police"), [
    ("De school heeft aangifte gedaan en de politie is een onderzoek gestart.",
     ["report_school", "investigation"]),
    ("De wijkagent is op de hoogte en komt langs.", ["wijkagent"]),
    ("Er loopt inmiddels een politieonderzoek.", ["investigation"])])
def test_a_police_fact_in_free_text_waits_for_police_approval(tmp_path, capsys, typed,  # type: ignore[no-untyped-def]
                                                              police) -> None:
    """The vetted sentences say nothing about the police in a public document until the police
    approved the text; the same holds for what the user typed. Once approved, what it says
    must be what the answers give (trial12 F3: advice is no report, no investigation)."""
    waiting = write_answers(tmp_path, {"approvals": ["board", "family"], "police": ["advice"],
                                       "situation_extra": typed})
    code, out, _err = run_cli(capsys, "generate", str(waiting), "--out", str(tmp_path / "a"))
    assert code == 1 and "pas in een openbaar document als de politie" in out, out
    assert not (tmp_path / "a" / "brief-ouders-klas.docx").exists()
    wrong = write_answers(tmp_path, {"approvals": ["board", "family", "police"],
                                     "police": ["advice"], "situation_extra": typed})
    code, out, _err = run_cli(capsys, "generate", str(wrong), "--out", str(tmp_path / "c"))
    assert code == 1 and "volgens de antwoorden is de politie om advies gevraagd" in out, out
    approved = write_answers(tmp_path, {"approvals": ["board", "family", "police"],
                                        "police": police, "situation_extra": typed})
    code, out, _err = run_cli(capsys, "generate", str(approved), "--out", str(tmp_path / "b"))
    assert code == 0, out


@pytest.mark.parametrize("facts", [{"origin": "secret"},
                                   {"material": "edited", "origin": "unknown"},
                                   {"origin": "secret", "school_type": "po"}])
def test_when_the_making_was_wrong_no_text_says_only_forwarding_is(tmp_path: Path,
                                                                    facts: dict) -> None:  # type: ignore[type-arg]
    """Found in both web trials: a secretly made or made-up image got the texts for an image
    shared in trust ("Het probleem is niet dat er een beeld bestaat", "Zeg dus niet dat het
    maken van een beeld fout was", "Doorsturen zonder toestemming is wat hier fout gaat")."""
    path = write_answers(tmp_path, {**facts, "audiences": ["parents_class", "staff"],
                                    "letter_other_classes": "letter"})
    texts = _texts(generate(path, tmp_path / "out", TEMPLATES, now=NOW))
    for doc in ("boodschap-leerlingen", "handreiking-team", "lesopzet-klassengesprek",
                "brief-ouders-andere-klassen"):
        assert doc in texts, sorted(texts)
        for wrong in ("Het probleem is niet dat er een beeld bestaat",
                      "Zeg dus niet dat het maken van een beeld fout was",
                      "Doorsturen zonder toestemming is wat hier fout gaat",
                      "stuur je nooit door zonder dat die ander dat goed vindt"):
            assert wrong not in texts[doc], (doc, wrong)
    assert "zonder toestemming maakt" in texts["boodschap-leerlingen"] or "maken, of een nepfoto" \
        in texts["boodschap-leerlingen"]
