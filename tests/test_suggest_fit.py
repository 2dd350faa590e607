"""One-click suggestions keep the sentence Dutch or are not offered (found in the web trial of
issue 19): a noun phrase never takes the place of a clause, an image detail's clause goes with
its conjunction, a guarded name's suggestion is never "de leerling" (the victim), a suggestion
that leaves a slip ("mevrouw de leerling", "terwijl ze haar.") is replaced by "write the
sentence anew", and taking one never writes the mask into the answer."""

from __future__ import annotations

import pytest
import yaml

from commgen.app.answercheck import check_answers, with_suggestion
from commgen.checks.suggest import grammar_slips, take_in
from commgen.foundation.concepts import GUARDED_MASK
from commgen.questions.guard import GuardedNames
from tests.conftest import TEMPLATES

SITUATION = ("Lotte uit groep 8 is door twee klasgenoten stiekem gefilmd op de wc terwijl ze "
             "haar broek uittrok. Het filmpje staat in de klassenapp \"Groep 8 Regenboog\".")
ACTIONS = ("De daders Sem en Noah zijn 3 dagen geschorst. Ouders met vragen kunnen bellen met "
           "de moeder van de leerling, mevrouw Jansen, op 06-12345678.")
NAMES = ["Lotte Jansen", "Sem de Boer", "Noah Visser"]


def _values(catalog, question_id: str, text: str) -> dict:  # type: ignore[no-untyped-def]
    names = catalog.by_id["involved_pupils"]
    from commgen.questions.conditions import parse_answer

    guarded = parse_answer(names, "\n".join(NAMES))
    assert isinstance(guarded, GuardedNames)
    return {"pupil_visible": True, "origin": "secret", "involved_pupils": guarded,
            "school_type": "po", question_id: [text]}


def _click_every_suggestion(catalog, question_id: str, text: str) -> tuple[str, list]:  # type: ignore[no-untyped-def]
    """Take every suggestion offered, one after the other, as the officer in the trial did."""
    values = _values(catalog, question_id, text)
    question = catalog.by_id[question_id]
    for _round in range(20):
        found = [f for f in check_answers(catalog, values, only=[question_id])
                 if f.finding.suggestion]
        if not found:
            break
        changed = with_suggestion(question, values[question_id], found[0].finding)
        assert changed != values[question_id], found[0].finding
        values[question_id] = changed
    left = check_answers(catalog, values, only=[question_id])
    return "\n".join(values[question_id]), left


@pytest.mark.parametrize(("question_id", "text"), [("situation_extra", SITUATION),
                                                    ("actions_extra", ACTIONS)])
def test_clicking_every_suggestion_leaves_whole_sentences_or_a_finding(
        catalog, question_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    result, left = _click_every_suggestion(catalog, question_id, text)
    assert GUARDED_MASK not in result  # the mask is never written into the answer
    assert grammar_slips(result) == []
    for broken in ("terwijl ze haar.", "mevrouw de leerling", "een seksueel getint beeld terwijl",
                   "staat in een klas van onze school", "met een leerling, mevrouw"):
        assert broken not in result
    # what no suggestion could fix is still open, and says to write the sentence anew
    assert left, result
    assert all(f.finding.suggestion is None for f in left)
    assert any("Schrijf deze zin opnieuw" in f.finding.message for f in left)


def test_an_image_detail_in_its_own_clause_gets_no_suggestion() -> None:
    """Trial cli9, finding 1: the clause used to go with its conjunction while option 2 showed
    "een seksueel getint beeld" — what it did was not what it showed. Now: no suggestion."""
    text = "Ze is gefilmd terwijl ze haar broek uittrok, zegt de mentor."
    start = text.index("broek uittrok")
    assert take_in(text, start, start + len("broek uittrok"), "een seksueel getint beeld",
                   "image-detail") is None


@pytest.mark.parametrize(("text", "passage", "suggestion"), [
    ("Ze is stiekem gefilmd op de wc.", "gefilmd op de wc", "een seksueel getint beeld"),
    ("Op het beeld zijn haar borsten te zien.", "zijn haar borsten te zien",
     "een seksueel getint beeld"),
    ("Bel met de moeder van de leerling.", "de moeder van de", "een leerling"),
    ("De daders Sem en Noah zijn bekend.", "Sem", "een leerling"),
    ("Bel met mevrouw Jansen.", "Jansen", "de leerling"),
])
def test_a_phrase_never_takes_the_place_of_a_clause_or_half_a_phrase(
        text: str, passage: str, suggestion: str) -> None:
    start = text.index(passage)
    category = "image-detail" if "beeld" in suggestion else "name"
    assert take_in(text, start, start + len(passage), suggestion, category) is None


@pytest.mark.parametrize(("text", "passage", "suggestion", "expected"), [
    ("Er ging een topless foto rond.", "topless", "een seksueel getint beeld",
     "Er ging een seksueel getint beeld rond."),
    ("Ook niet dat de telefoon van Sem in beslag is genomen.", "Sem", "een leerling",
     "Ook niet dat de telefoon van een leerling in beslag is genomen."),
    ("Lotte is thuis.", "Lotte", "een leerling", "Een leerling is thuis."),
])
def test_a_fitting_suggestion_is_still_taken(text: str, passage: str, suggestion: str,
                                             expected: str) -> None:
    start = text.index(passage)
    category = "image-detail" if "beeld" in suggestion else "name"
    assert take_in(text, start, start + len(passage), suggestion, category) == expected


def test_a_guarded_names_suggestion_is_neutral_never_the_victim(catalog) -> None:  # type: ignore[no-untyped-def]
    values = _values(catalog, "not_said_extra",
                     "Ook niet dat de telefoon van Sem in beslag is genomen.")
    found = [f for f in check_answers(catalog, values, only=["not_said_extra"])
             if f.finding.category == "name"]
    assert found and found[0].finding.suggestion == "een leerling"
    rules = yaml.safe_load((TEMPLATES.parent / "snippets/nl/regels/detectoren.yaml")
                           .read_text(encoding="utf-8"))
    assert rules["guarded-name"]["suggestion"] != "de leerling"
    changed = with_suggestion(catalog.by_id["not_said_extra"], values["not_said_extra"],
                              found[0].finding)
    assert changed == ["Ook niet dat de telefoon van een leerling in beslag is genomen."]


def test_the_blame_suggestion_has_no_in_trust_line(catalog) -> None:  # type: ignore[no-untyped-def]
    """A secretly made image was never shared in trust (DOMAIN.md: wording by case facts)."""
    values = _values(catalog, "view_extra", "Ze had natuurlijk zelf de deur op slot moeten "
                                            "doen, maar dat is geen excuus.")
    found = [f for f in check_answers(catalog, values, only=["view_extra"])
             if f.finding.category == "blame"]
    assert found and found[0].finding.suggestion
    assert "vertrouwen" not in found[0].finding.suggestion


@pytest.mark.parametrize(("origin", "said", "never"), [
    ("secret", "zonder toestemming filmen", "vertrouwen"),
    ("voluntary", "vertrouwen", "filmen"),
])
def test_the_blame_suggestion_is_chosen_by_how_the_image_was_made(
        catalog, origin: str, said: str, never: str) -> None:  # type: ignore[no-untyped-def]
    """A vetted sentence for the case (phrases.yaml ``blame_instead``), for an answer that only
    reaches the internal statement; a secretly made image never gets the in-trust line
    (DOMAIN.md: wording by case facts)."""
    from commgen.app.answercheck import CaseSentences, check_answer
    from commgen.app.answercheck import make_checker as checker_for

    values = _values(catalog, "view_extra", "Ze had zelf de deur op slot moeten doen.")
    values["origin"] = origin
    question = catalog.by_id["view_extra"]
    found = [f for f in check_answer(checker_for(catalog, values), question,
                                     values["view_extra"], values, ["internal"],
                                     case=CaseSentences(catalog, values))
             if f.finding.category == "blame"]
    assert found and found[0].finding.suggestion
    assert said in found[0].finding.suggestion and never not in found[0].finding.suggestion
    changed = with_suggestion(question, values["view_extra"], found[0].finding)
    assert changed and said in changed[0] and "deur" not in changed[0]


def test_the_page_sending_back_a_masked_answer_never_writes_the_mask(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The web shows an answer with every guarded name masked; after a suggestion is taken
    the page puts that masked text in the input and sends it back: the names stay names in
    memory (masked only on disk), never the mask characters (web trial, finding 3)."""
    pytest.importorskip("starlette")
    from commgen.app.web.case import WebCase

    class Form(dict):  # type: ignore[type-arg]
        def getlist(self, key: str) -> list:  # type: ignore[type-arg]
            value = self.get(key)
            return value if isinstance(value, list) else [value]

    case = WebCase(catalog, tmp_path / "zaak")
    try:
        assert case.answer("pupil_visible", Form(value="yes")) is None
        assert case.answer("involved_pupils", Form(value=NAMES)) is None
        assert case.answer("actions_extra", Form(value=ACTIONS)) is None
        found = case.findings(["actions_extra"])
        phone = next(n for n, f in enumerate(found) if f.finding.category == "phone")
        assert case.take_suggestion("actions_extra", phone) is None
        shown = case.answer_as_text(catalog.by_id["actions_extra"],
                                    case.interview.draft.answered["actions_extra"])
        assert GUARDED_MASK in shown and "Jansen" not in shown
        assert case.answer("actions_extra", Form(value=shown)) is None  # the page saves it
        kept = "\n".join(case.interview.draft.answered["actions_extra"])
        assert GUARDED_MASK not in kept and "Jansen" in kept and "Sem" in kept
        assert "het nummer van de contactpersoon" in kept
        on_disk = case.draft.path.read_text(encoding="utf-8")
        assert "Jansen" not in on_disk and "Sem" not in on_disk
    finally:
        case.close()


def test_a_sanction_against_pupils_is_named_for_what_it_is_not_a_guess(catalog) -> None:  # type: ignore[no-untyped-def]
    values = _values(catalog, "actions_extra", "De leerlingen zijn 3 dagen geschorst.")
    found = [f.finding for f in check_answers(catalog, values, only=["actions_extra"])]
    about = [f for f in found if "geschorst" in f.text]
    assert about, found
    assert all("vermoeden" not in f.message for f in about)
    assert any("maatregelen tegen leerlingen" in f.message for f in about)
    assert len({(f.start, f.end) for f in about}) == len(about)  # the passage once


@pytest.mark.parametrize(("text", "passage", "suggestion"), [
    # a place after an article without a preposition: "een in de omgeving" (trial12 F5; a
    # handle after "door" takes the place of "door": test_suggest_kinds.py)
    ("Het is een camping in Zeeland.", "camping in Zeeland", "in de omgeving"),
])
def test_a_suggestion_that_would_break_the_answer_is_not_offered(
        text: str, passage: str, suggestion: str) -> None:
    start = text.index(passage)
    assert take_in(text, start, start + len(passage), suggestion) is None
    assert grammar_slips("Ik hoorde het via via.") == []


def test_the_blame_suggestion_is_no_sentence_the_documents_say_already(
        catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The second web trial: the suggestion was the documents' own view sentence, so taking it
    held three documents back for a sentence said twice."""
    from commgen.app.generate import generate
    from commgen.docx.reader import docx_text
    from tests.conftest import write_answers
    from tests.goldentext import NOW

    for origin in ("secret", "voluntary", "sextortion"):
        values = _values(catalog, "view_extra", "Ze had natuurlijk zelf beter moeten weten.")
        values["origin"] = origin
        found = [f for f in check_answers(catalog, values, only=["view_extra"])
                 if f.finding.category == "blame"]
        assert found and found[0].finding.suggestion, origin
        changed = with_suggestion(catalog.by_id["view_extra"], values["view_extra"],
                                  found[0].finding)
        assert changed
        (tmp_path / origin).mkdir()
        path = write_answers(tmp_path / origin, {"origin": origin, "view_extra": changed})
        result = generate(path, tmp_path / origin / "out", TEMPLATES, now=NOW)
        statement = next(w.path for w in result.written if w.path.name ==
                         "communicatiestatement.docx")
        text = docx_text(statement.read_bytes())
        assert text.count(changed[0]) == 1, origin
