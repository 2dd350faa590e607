"""The full document set: every applicable document per sample, its sections, wording and twins.

Documents are rendered for real, reopened with python-docx (which knows nothing of commgen)
and, where layout matters, converted with LibreOffice and measured in pages.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest

from commgen.app.generate import generate
from tests.conftest import SAMPLES, TEMPLATES, run_cli, write_answers
from tests.test_samples import TEMPLATE_SYNTAX, _all_text, _expected_strings

SECTIONS = {
    "communicatiestatement": ["Wat speelt er?", "Wat vindt de school?", "Wat doet de school?",
                              "Waarom?", "Contactpersoon", "Bijlage: alleen voor het crisisteam",
                              "Wat zeggen we niet", "Vragen en antwoorden", "Volgende update"],
    "communicatiestatement-website": ["Verklaring van", "Wat speelt er?", "Wat vindt de school?",
                                      "Wat doet de school?", "Waarom?", "Contactpersoon"],
    "brief-ouders-klas": ["Betreft:", "Beste ouder(s)/verzorger(s),", "Wat is er gebeurd?",
                          "Wat heeft de school gedaan?", "Wat vragen wij van u?",
                          "Hoe praat u met uw kind?", "Waar vindt u hulp?", "Vragen?",
                          "Met vriendelijke groet,"],
    "brief-ouders-andere-klassen": ["Betreft:", "Beste ouder(s)/verzorger(s),",
                                    "Wat doet de school?", "Wat vragen wij van u?",
                                    "Hulp en vragen", "Met vriendelijke groet,"],
    "persverklaring": ["Verklaring van", "staat voor ons voorop", "geven wij geen informatie",
                       "Contact voor de pers", "Wij geven een nieuwe update op"],
    "handreiking-team": ["Wat speelt er, en wat mag je delen?", "De boodschap aan leerlingen",
                         "Harde afspraken", "Het gesprek in de", "Wat je kunt doen aan gedrag",
                         "Problematiseren of normaliseren?", "Lesmateriaal en hulp",
                         "Je eigen oordeel, en steun voor jezelf"],
    # The rest of the protocol's communication (tests/test_protocol_documents.py).
    "boodschap-leerlingen": ["Boodschap aan de leerlingen", "Om voor te lezen",
                             "Kindertelefoon"],
    "lesopzet-klassengesprek": ["Voorbereiding", "1. Afspraken vooraf", "2. Openen",
                                "3. Toestemming", "4. Omstanders", "5. Afsluiten",
                                "Je eigen oordeel", "Lesmateriaal"],
    "verwijderbericht-leerlingen": ["Verwijder het beeld", "Om voor te lezen of te delen"],
    "uitnodiging-ouderavond": ["Betreft:", "Beste ouder(s)/verzorger(s),",
                               "Waar gaat de avond over?", "Waar gaat de avond niet over?",
                               "Met vriendelijke groet,"],
    "reacties-sociale-media": ["Reacties voor sociale media", "Vaste reacties",
                               "Controlelijst"],
    "kaart-receptie": ["Wat we zeggen", "Wat we niet zeggen", "Naar wie verbinden we door?"],
}
PROTOCOL_STAFF = {"boodschap-leerlingen", "lesopzet-klassengesprek",
                  "verwijderbericht-leerlingen"}
EXPECTED_DOCUMENTS = {
    "po-basisschool": {"communicatiestatement", "brief-ouders-klas", "handreiking-team",
                       *PROTOCOL_STAFF},
    "po-geen-leerling-zichtbaar": {"communicatiestatement", "brief-ouders-klas",
                                   "brief-ouders-andere-klassen", "handreiking-team",
                                   *PROTOCOL_STAFF},
    "vo-politie": set(SECTIONS),
}
LETTERS = ("brief-ouders-klas", "brief-ouders-andere-klassen")


@cache
def _generated(sample: str) -> dict[str, Path]:
    """Every document of one sample, generated once per test run (document id -> .docx)."""
    import tempfile

    out = Path(tempfile.mkdtemp(prefix=f"commgen-docs-{sample}-"))
    result = generate(SAMPLES / f"{sample}.yaml", out, TEMPLATES)
    return {w.path.stem: w.path for w in result.written if w.path.suffix == ".docx"}


def _document_id(path: Path) -> str:
    return path.stem


@pytest.mark.parametrize("sample", sorted(EXPECTED_DOCUMENTS))
def test_every_applicable_document_is_made(sample: str) -> None:
    assert set(_generated(sample)) == EXPECTED_DOCUMENTS[sample]


@pytest.mark.parametrize("sample", sorted(EXPECTED_DOCUMENTS))
def test_each_document_has_its_sections_the_answers_and_no_template_syntax(sample: str) -> None:
    for doc_id, path in _generated(sample).items():
        text = _all_text(path)
        position = -1
        for heading in SECTIONS[doc_id]:
            found = text.find(heading)
            assert found > position, f"{doc_id}: '{heading}' missing or out of order"
            position = found
        for value in _expected_strings(SAMPLES / f"{sample}.yaml", doc_id):
            assert value in text, f"{doc_id}: {value}"
        assert not TEMPLATE_SYNTAX.search(text), doc_id
        assert "None" not in text.split(), doc_id


def test_primary_school_says_groep_and_secondary_says_klas() -> None:
    for doc_id, path in _generated("po-basisschool").items():
        text = _all_text(path)
        assert not re.search(r"\bklas(sen)?\b|\bmentor(en)?\b|zorgcoördinator", text), doc_id
    assert "intern begeleider" in _all_text(_generated("po-basisschool")["handreiking-team"])
    assert "leerkrachten" in _all_text(_generated("po-basisschool")["handreiking-team"])
    for doc_id, path in _generated("vo-politie").items():
        text = _all_text(path)
        assert not re.search(r"\bgroep(en)?\b|\bleerkracht(en)?\b|intern begeleider", text), doc_id
    handout = _all_text(_generated("vo-politie")["handreiking-team"])
    assert "mentoren" in handout and "zorgcoördinator" in handout


def test_the_class_is_named_only_in_its_own_letter_and_only_with_consent() -> None:
    po = _generated("po-basisschool")  # the family agreed: class_named: ja, groep 7b
    assert "groep 7b" in _all_text(po["brief-ouders-klas"])
    for doc_id in ("communicatiestatement", "handreiking-team"):
        assert "7b" not in _all_text(po[doc_id]), doc_id
    for path in _generated("vo-politie").values():  # no consent: no class anywhere
        assert not re.search(r"\b\d\s?[A-Za-z]\b|\bklas \d", _all_text(path)), path.name


def test_no_pupil_visible_drops_the_victim_parts_in_every_document() -> None:
    for doc_id, path in _generated("po-geen-leerling-zichtbaar").items():
        text = _all_text(path)
        for victim in ("treft geen blaam", "de leerling om wie het gaat",
                       "ouders van de leerling", "drie groepsgenoten"):
            assert victim not in text, (doc_id, victim)
    letter = _all_text(_generated("po-geen-leerling-zichtbaar")["brief-ouders-klas"])
    assert "geen leerling van onze school" in letter and "verwijder" in letter


def test_other_classes_letter_only_when_spread_or_unrest_and_chosen(tmp_path: Path) -> None:
    assert "brief-ouders-andere-klassen" not in _generated("po-basisschool")  # one class
    no_letter = write_answers(tmp_path, {"letter_other_classes": "geen brief"})
    result = generate(no_letter, tmp_path / "a", TEMPLATES)
    assert [d.id for d in result.not_applicable if d.id == "brief-ouders-andere-klassen"]
    unrest = write_answers(tmp_path, {"spread": "one_class", "unrest": "ja",
                                      "letter_other_classes": "letter"}, base="vo-politie")
    result = generate(unrest, tmp_path / "b", TEMPLATES, ["brief-ouders-andere-klassen"])
    assert [w.path.name for w in result.written if w.path.suffix == ".docx"] == [
        "brief-ouders-andere-klassen.docx"]


def test_letters_carry_the_letterhead_logo_and_signature() -> None:
    for sample, logo in (("vo-politie", True), ("po-basisschool", True),
                         ("po-geen-leerling-zichtbaar", False)):
        for doc_id in ("brief-ouders-klas", "persverklaring", "brief-ouders-andere-klassen"):
            path = _generated(sample).get(doc_id)
            if path is None:
                continue
            document = docx.Document(str(path))
            head = document.tables[0]
            assert "Briefhoofd" in head._tbl.xml
            assert len(document.inline_shapes) == (1 if logo else 0), (sample, doc_id)
            head_text = "\n".join(c.text for c in head.rows[0].cells)
            assert head_text.count("\n") >= 2  # name, address, contact lines
    letter = _all_text(_generated("vo-politie")["brief-ouders-klas"])
    assert "Zeevaartweg 40, 3821 AK Amersfoort" in letter and "www.hetbaken.example" in letter
    assert "Met vriendelijke groet,\nPeter de Boer\nrector\nHet Baken College" in letter
    assert re.search(r"Amersfoort, \d{1,2} \w+ 20\d\d", letter)  # Babel's long Dutch date


def test_help_resources_come_from_the_snippet_file_and_unverified_ones_stay_out() -> None:
    handout = _all_text(_generated("vo-politie")["handreiking-team"])
    assert "Helpwanted" in handout and "020 261 52 75" in handout
    assert "bureaujeugdenmedia" not in handout  # marked controleren: ja
    letter = _all_text(_generated("vo-politie")["brief-ouders-klas"])
    assert "0800 0432" in letter and "Meldpunt Kinderporno" not in letter
    press = _all_text(_generated("vo-politie")["persverklaring"])
    assert "Helpwanted" not in press


def test_a_verified_help_resource_appears_once_the_mark_is_removed(template_copy: Path,
                                                                  tmp_path: Path) -> None:
    resources = template_copy.parent / "snippets" / "nl" / "hulpbronnen.yaml"
    text = resources.read_text(encoding="utf-8")
    resources.write_text(text.replace("    voor: [teachers]\n    controleren: ja\n",
                                      "    voor: [teachers]\n", 1), encoding="utf-8")
    result = generate(write_answers(tmp_path), tmp_path / "out", template_copy,
                      ["handreiking-team"])
    assert "www.bureaujeugdenmedia.nl" in _all_text(result.written[0].path)


def _body_paragraphs(path: Path) -> list[str]:
    """The body text as python-docx reads it: paragraphs outside tables, in order."""
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


@pytest.mark.parametrize("sample", sorted(EXPECTED_DOCUMENTS))
def test_plain_text_version_has_the_same_wording_as_the_word_document(sample: str) -> None:
    with_text = {"brief-ouders-klas", "brief-ouders-andere-klassen", "persverklaring",
                 "communicatiestatement-website", "boodschap-leerlingen",
                 "verwijderbericht-leerlingen", "uitnodiging-ouderavond",
                 "reacties-sociale-media"}
    for doc_id, path in _generated(sample).items():
        twin = path.with_suffix(".txt")
        assert twin.exists() == (doc_id in with_text), doc_id
        if not twin.exists():
            continue
        lines = [line.removeprefix("- ") for line in twin.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        assert lines == _body_paragraphs(path), doc_id
        assert "Briefhoofd" not in twin.read_text(encoding="utf-8")


def test_properties_record_template_version_and_generation_date() -> None:
    path = _generated("vo-politie")["persverklaring"]
    document = docx.Document(str(path))
    assert document.core_properties.version == "2026.1"
    assert document.core_properties.author == "Het Baken College"
    assert document.core_properties.created is not None
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    assert "commgen.template_version" in custom and "2026.1" in custom
    assert re.search(r"commgen.generated.*?\d{4}-\d\d-\d\dT", custom, re.S)


def test_a_missing_logo_is_a_clear_error(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"school_logo": "geen-logo.png"})
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "o"))
    assert code == 2 and "school_logo" in err and "geen-logo.png" in err
    (tmp_path / "nep.png").write_text("geen plaatje", encoding="utf-8")
    answers = write_answers(tmp_path, {"school_logo": "nep.png"})
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "o"))
    assert code == 2 and "geen PNG- of JPEG-afbeelding" in err
    assert not (tmp_path / "o").exists()


def test_pdf_without_libreoffice_says_what_to_do_and_writes_nothing(
        capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("commgen.render.pdf.find_soffice", lambda: None)
    code, _out, err = run_cli(capsys, "generate", str(write_answers(tmp_path)), "--out",
                              str(tmp_path / "o"), "--pdf")
    assert code != 0 and "LibreOffice" in err and "Word" in err
    assert not (tmp_path / "o").exists()


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_libreoffice = pytest.mark.skipif(not _soffice() and not os.environ.get("CI"),
                                       reason="LibreOffice is not installed (CI installs it)")


@needs_libreoffice
@pytest.mark.parametrize("sample", sorted(EXPECTED_DOCUMENTS))
def test_pdf_pages_fit_and_show_the_letterhead(capsys, tmp_path: Path, sample: str) -> None:
    """--pdf end to end; press statement one page, parent letters at most two."""
    assert _soffice(), "LibreOffice is required in CI"
    code, _out, _err = run_cli(capsys, "generate", str(SAMPLES / f"{sample}.yaml"), "--out",
                               str(tmp_path), "--pdf")
    assert code == 0
    limits = {"persverklaring": 1, "brief-ouders-klas": 2, "brief-ouders-andere-klassen": 2}
    for doc_id in EXPECTED_DOCUMENTS[sample]:
        pdf = tmp_path / f"{doc_id}.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-", doc_id
        if not shutil.which("pdfinfo"):
            continue
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert pages <= limits.get(doc_id, 5), (doc_id, pages)
        if doc_id in limits:
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
            school = {"vo-politie": "Het Baken College", "po-basisschool": "OBS De Vlinderboom",
                      "po-geen-leerling-zichtbaar": "Kindcentrum De Horizon"}[sample]
            assert school in text.split("Betreft")[0].split("Verklaring")[0] or (
                school in text[:300]), doc_id


AUDIENCE = {"communicatiestatement": "internal", "communicatiestatement-website": "press",
            "brief-ouders-klas": "parents-class", "brief-ouders-andere-klassen": "parents-other",
            "persverklaring": "press", "handreiking-team": "teachers",
            "boodschap-leerlingen": "teachers", "lesopzet-klassengesprek": "teachers",
            "verwijderbericht-leerlingen": "teachers", "brief-andere-school": "parents-other",
            "verwijderverzoek-platform": "press", "uitnodiging-ouderavond": "parents-other",
            "reacties-sociale-media": "press", "kaart-receptie": "internal"}


@pytest.mark.parametrize("sample", sorted(EXPECTED_DOCUMENTS))
def test_every_document_and_its_plain_text_pass_commgen_check(capsys, sample: str) -> None:
    """What a school leader runs before sending: the bundled text must pass for its audience."""
    for doc_id, path in _generated(sample).items():
        files = [str(path)] + ([str(path.with_suffix(".txt"))]
                               if path.with_suffix(".txt").exists() else [])
        code, out, _err = run_cli(capsys, "check", "--audience", AUDIENCE[doc_id], "--answers",
                                  str(SAMPLES / f"{sample}.yaml"), *files)
        assert code == 0, (doc_id, out)


def test_a_class_typed_without_consent_stops_the_letter(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"situation_extra": "Het gaat om klas 2B."})
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "o"),
                             "--only", "brief-ouders-klas")
    assert code == 1 and "klas 2B" in out + err
    assert not (tmp_path / "o" / "brief-ouders-klas.docx").exists()
