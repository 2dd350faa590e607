"""The new-user trial of the command line (trial-cli9): what option 2 shows at a question is
exactly what it does, and a suggestion is offered only when it fits what the passage is."""

from __future__ import annotations

from typing import Any

from commgen.app.answercheck import AnswerFinding, check_answers, with_suggestion


def _found(catalog: Any, question_id: str, text: str, **extra: Any) -> list[AnswerFinding]:
    values = {"pupil_visible": True, "origin": "unknown", "school_type": "vo",
              question_id: [text], **extra}
    return check_answers(catalog, values, only=[question_id])


def _taken(item: AnswerFinding) -> str:
    return with_suggestion(item.question, [item.text], item.finding)[0]


def test_a_place_of_filming_gets_no_image_suggestion(catalog: Any) -> None:
    """Findings 1 and 3: "een seksueel getint beeld" in place of "in de kleedkamer" gave
    "Filmen een seksueel getint beeld is ..."; a clause it stood in was deleted instead."""
    for qid, text, place in [
            ("view_extra", 'Filmen in een kleedkamer is "niet normaal" en a<b>c hoort hier niet.',
             "in een kleedkamer"),
            ("why_extra", "Iedere leerling moet zich veilig kunnen voelen in de kleedkamer en in "
                          "de klas.", "in de kleedkamer"),
            ("situation_extra", "Afgelopen donderdag is een leerling uit een klas van onze school "
             "tijdens de gymles in de kleedkamer gefilmd terwijl ze zich omkleedde; op het "
             "filmpje is ze in haar ondergoed te zien.", "in haar ondergoed")]:
        found = [f for f in _found(catalog, qid, text) if f.finding.category == "image-detail"]
        assert found, text
        for item in found:
            assert item.finding.suggestion is None, (text, item.finding.text)
            assert "opnieuw" in item.finding.message
        assert any(place in f.finding.text for f in found)


def test_an_image_detail_suggestion_does_what_it_shows(catalog: Any) -> None:
    """Where a suggestion is offered for an image detail, taking it puts in exactly its words."""
    text = "Er gaat een topless foto rond van een leerling."
    found = [f for f in _found(catalog, "situation_extra", text)
             if f.finding.category == "image-detail"]
    assert found and found[0].finding.suggestion
    taken = _taken(found[0])
    assert found[0].finding.suggestion in taken
    assert taken == "Er gaat een seksueel getint beeld rond van een leerling."
