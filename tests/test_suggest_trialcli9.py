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
            ("view_extra", 'Filmen in de kleedkamer van de sporthal is "niet normaal" en a<b>c '
                           'hoort hier niet.', "in de kleedkamer"),
            ("situation_extra", "Afgelopen donderdag is een leerling uit een klas van onze school "
             "tijdens de gymles in de kleedkamer gefilmd terwijl ze zich omkleedde; op het "
             "filmpje is ze in haar ondergoed te zien.", "in haar ondergoed")]:
        found = [f for f in _found(catalog, qid, text) if f.finding.category == "image-detail"]
        assert found, text
        for item in found:
            assert item.finding.suggestion is None, (text, item.finding.text)
            assert "opnieuw" in item.finding.message
        assert any(place in f.finding.text for f in found)
    # a setting in a sentence that is not about the image is no image detail (round detect12b)
    safe = "Iedere leerling moet zich veilig kunnen voelen in de kleedkamer en in de klas."
    assert not [f for f in _found(catalog, "why_extra", safe)
                if f.finding.category == "image-detail"]


def test_an_image_detail_suggestion_does_what_it_shows(catalog: Any) -> None:
    """Where a suggestion is offered for an image detail, taking it puts in exactly its words."""
    text = "Er gaat een topless foto rond van een leerling."
    found = [f for f in _found(catalog, "situation_extra", text)
             if f.finding.category == "image-detail"]
    assert found and found[0].finding.suggestion
    taken = _taken(found[0])
    assert found[0].finding.suggestion in taken
    assert taken == "Er gaat een seksueel getint beeld rond van een leerling."


PAIR = ("Let op: Daan en Milan zitten voorlopig niet bij de gymles; meneer Yilmaz leidt morgen "
        "het klassengesprek.")


def test_two_guarded_names_in_a_pair_get_no_broken_suggestion(catalog: Any) -> None:
    """Finding 2: taking "een leerling" for both names gave "Een leerling en zitten"."""
    found = _found(catalog, "teachers_extra", PAIR, involved_pupils=["Daan", "Milan"])
    names = [f for f in found if f.finding.rule == "guarded-name"]
    assert len(names) == 2
    for item in names:
        assert item.finding.suggestion is None
        assert "opnieuw" in item.finding.message
        assert _taken(item) == PAIR  # nothing taken in: the sentence is written anew


def test_an_excerpt_masks_every_guarded_name(catalog: Any, capsys: Any) -> None:
    """Finding 2: the first name's excerpt showed the second name in clear."""
    from commgen.app.prompts import show_finding

    found = _found(catalog, "teachers_extra", PAIR, involved_pupils=["Daan", "Milan"])
    for item in found:
        show_finding(item)
    shown = capsys.readouterr().out
    assert "Daan" not in shown and "Milan" not in shown
    assert "»•••« en ••• zitten" in shown and "••• en »•••« zitten" in shown
    text, start, end = found[-1].excerpt()  # a later finding: its place in the masked text
    assert text[start:end] == found[-1].finding.text


def test_a_name_with_a_title_is_never_a_pupil(catalog: Any) -> None:
    """Finding 2: "meneer Yilmaz" got "Beter: een leerling"."""
    found = _found(catalog, "teachers_extra", "Morgen leidt meneer Yilmaz het klassengesprek.")
    titled = [f for f in found if "Yilmaz" in f.finding.text]
    assert titled and all(f.finding.suggestion != "een leerling" for f in titled)


def test_the_spread_sentence_only_for_a_claim_about_the_spread(catalog: Any) -> None:
    """Findings 6, 19, 22: "Hoe het beeld is verspreid, wordt uitgezocht" replaced a rumour
    about something else ("al vaker gebeurd"); it fits only a claim about the spread
    (``zinsbouw.over_verspreiding`` in woorden.yaml)."""
    other = _found(catalog, "why_extra", "Volgens ouders zou dit al vaker gebeurd zijn bij gym, "
                                         "daarom nemen we het extra serieus.")
    spec = [f for f in other if f.finding.category == "speculation"]
    assert spec and all(f.finding.suggestion is None for f in spec)
    spread = _found(catalog, "situation_extra",
                    "Volgens ouders is het beeld door een leerling van een andere school "
                    "verspreid.")
    assert any((f.finding.suggestion or "").startswith("Hoe het beeld is verspreid")
               for f in spread if f.finding.category == "speculation")


def test_a_relative_is_never_a_pupil(catalog: Any) -> None:
    """Finding 15: "haar moeder" got "Beter: een leerling"; now the neutral words for it."""
    found = _found(catalog, "situation_extra", "Haar moeder vraagt u haar met rust te laten.")
    relation = [f for f in found if f.finding.category == "relation"]
    assert relation and all(f.finding.suggestion != "een leerling" for f in relation)
    assert relation[0].finding.suggestion in (None, "een ouder")


def test_who_approved_never_gets_a_pupil(catalog: Any) -> None:
    """Finding 19: "rector, bestuurder en wijkagent J. de Graaf" got "Beter: een leerling" (that
    would record that a pupil approved the text)."""
    values = {"pupil_visible": True, "origin": "unknown", "school_type": "vo",
              "statement_version": "2",
              "approved_by": "rector, bestuurder en wijkagent J. de Graaf"}
    found = check_answers(catalog, values, only=["approved_by"])
    names = [f for f in found if f.finding.category == "name"]
    assert names and all(f.finding.suggestion != "een leerling" for f in names)
