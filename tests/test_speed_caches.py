"""What makes commgen quick never changes a result: the user cache, the flushed writes and the
lazy imports of ``commgen --help``.

Every cache entry carries the hash of its bytes, so a damaged one is made again; a parsed data
file is read back with only the types YAML can hold; docxtpl's patched template XML from the
cache is exactly what docxtpl makes; ``--help`` imports click, the translations and the list of
commands, and nothing of the work.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from commgen.foundation import cache
from commgen.foundation.files import write_durable
from commgen.foundation.yamlfile import LineDict, cached_parse


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMGEN_CACHE", str(folder))
    return folder


def test_a_damaged_cache_entry_is_made_again(empty_cache: Path) -> None:
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return "waarde & <tekst> 😀"

    assert cache.cached_text("test", ["a"], compute) == "waarde & <tekst> 😀"
    assert cache.cached_text("test", ["a"], compute) == "waarde & <tekst> 😀"
    assert len(calls) == 1  # the second time from the cache
    path = cache.entry("test", "a")
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0x01  # one bit flipped on the disk
    path.write_bytes(bytes(raw))
    assert cache.get(path) is None
    assert cache.cached_text("test", ["a"], compute) == "waarde & <tekst> 😀"
    assert len(calls) == 2


YAML = "vragen:\n" + "".join(f"  vraag{i}:\n    tekst: 'Vraag {i} & meer'\n"
                              f"    datum: 2026-11-{i % 28 + 1:02d}\n" for i in range(60))


def test_a_data_file_from_the_cache_keeps_its_lines(empty_cache: Path) -> None:
    first, problems = cached_parse(YAML, None)
    second, again = cached_parse(YAML, None)
    assert not problems and not again
    cache.save_packs()  # the yaml kind's entries are kept in one file, written at exit
    assert any((empty_cache / "yaml").iterdir())  # the second parse came from there
    assert second == first and isinstance(second, LineDict)
    # vraag7 starts on line 1 + 7 * 3 + 1
    assert second["vragen"].line_of("vraag7") == first["vragen"].line_of("vraag7") == 23
    assert second["vragen"]["vraag7"].raw["tekst"] == "Vraag 7 & meer"


class _Evil:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, ("echo hacked",))


def test_a_cache_entry_that_names_other_code_is_refused(empty_cache: Path) -> None:
    import yaml

    shape = ",".join(sorted(vars(LineDict())))
    key = cache.entry("yaml", yaml.__version__, str(getattr(yaml, "__with_libyaml__", False)),
                      shape, YAML)
    cache.put(key, pickle.dumps(_Evil()))  # a valid checksum, a hostile content
    data, problems = cached_parse(YAML, None)
    assert not problems and isinstance(data, LineDict) and "vragen" in data


def test_the_patched_template_from_the_cache_is_docxtpls_own(empty_cache: Path) -> None:
    from docxtpl import DocxTemplate

    from commgen.foundation.resources import templates_dir
    from commgen.render.docxrender import _template_class

    path = templates_dir() / "nl" / "brief-ouders-klas.docx"
    ours = _template_class(DocxTemplate)(path)
    ours.init_docx()
    plain = DocxTemplate(path)
    plain.init_docx()
    xml = plain.get_xml()
    expected = plain.patch_xml(xml)
    assert ours.patch_xml(xml) == expected  # made and stored
    assert ours.patch_xml(xml) == expected  # read back


def test_the_files_of_a_set_are_written_in_full(tmp_path: Path) -> None:
    files = [(tmp_path / f"doc{i}.docx", os.urandom(1000 * (i + 1))) for i in range(12)]
    write_durable(files)
    assert all(path.read_bytes() == data for path, data in files)
    with pytest.raises(FileExistsError):  # a staging folder's file is new, never replaced
        write_durable(files[:1])


def test_expressions_from_the_cache_give_the_same_results_and_errors(empty_cache: Path) -> None:
    from jinja2 import TemplateSyntaxError

    from commgen.foundation.jinja import CommgenSandbox, expression_names

    for _round in range(2):  # compiled, then from the cache
        env = CommgenSandbox()
        assert env.compile_expression("a + b * 2")(a=1, b=3) == 7
        assert expression_names("x and y.z or 'w' in q") == {"x", "y", "q"}
        with pytest.raises(TemplateSyntaxError):
            env.compile_expression("a b")
        with pytest.raises(TemplateSyntaxError):
            expression_names("a +")


def test_help_imports_click_and_the_command_list_only() -> None:
    code = ("import sys\n"
            "from commgen.app.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)))")
    env = os.environ | {"NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    modules = set(done.stdout.split("\n")[-2].split())
    # What this interpreter imports before any code of ours: a site-packages .pth file may
    # import shutil itself (CI's Python does), which commgen cannot avoid.
    bare = subprocess.run([sys.executable, "-c", "import sys; print(' '.join(sys.modules))"],
                          capture_output=True, text=True, check=True, env=env)
    started = set(bare.stdout.split())
    ours = {m for m in modules if m.startswith("commgen")}
    assert ours == {"commgen", "commgen.app", "commgen.app.cli", "commgen.app.commands",
                    "commgen.foundation", "commgen.foundation.i18n"}
    assert not modules & {"yaml", "jinja2", "docx", "docxtpl", "lxml", "babel", "phonenumbers"}
    assert not (modules - started) & {"shutil", "lzma", "bz2"}  # the help's width without shutil


@pytest.mark.parametrize(("columns", "width"), [("60", 58), ("200", 78), ("10", 50),
                                                ("x", None), ("0", None)])
def test_the_help_is_as_wide_as_click_makes_it(columns: str, width: int | None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import click

    from commgen.app.cli import _help_width

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(click.formatting, "FORCED_WIDTH", None)
    expected = click.formatting.HelpFormatter().width  # Click's own, through shutil
    assert _help_width() == expected
    if columns.isdigit() and columns != "0":  # else the terminal's, or 80 without one
        assert expected == width
    monkeypatch.setattr(click.formatting, "FORCED_WIDTH", 80)  # Click's test runner
    assert _help_width() == 80


def test_the_check_reads_the_text_parts_only_and_still_refuses_a_damaged_one(
        tmp_path: Path) -> None:
    import io
    import zipfile

    from docx import Document

    from commgen.docx.reader import PackageProblem, read_document, read_package

    document = Document()
    document.add_heading("Brief", 1)
    document.add_paragraph("Beste ouders & verzorgers, <hier> de tekst.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    assert read_document(data).text == read_package(data).document.text
    assert "Beste ouders & verzorgers, <hier> de tekst." in read_document(data).text

    def damaged(part: str) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                body = source.read(item)
                target.writestr(item, body[: len(body) // 2] if item.filename == part else body)
        return out.getvalue()

    with pytest.raises(PackageProblem):
        read_document(damaged("word/document.xml"))
    with pytest.raises(PackageProblem):
        read_document(damaged("word/styles.xml"))  # the headings come from it
    assert "de tekst" in read_document(damaged("word/theme/theme1.xml")).text


def test_the_answers_file_and_its_private_side_file_stay_out_of_the_cache(
        empty_cache: Path, tmp_path: Path) -> None:
    from commgen.answers.answersfile import private_path, read_answers_file

    answers = tmp_path / "antwoorden.yaml"
    answers.write_text("school_name: Het Baken\n" + "# opvulling\n" * 400, encoding="utf-8")
    private_path(answers).write_text("situation_extra: Geheim verhaal van Sanne\n"
                                     + "# opvulling\n" * 400, encoding="utf-8")
    data = read_answers_file(answers)
    assert data["situation_extra"] == "Geheim verhaal van Sanne"
    stored = [p.read_bytes() for p in empty_cache.rglob("*") if p.is_file()]
    assert not any(b"Sanne" in b or b"Het Baken" in b for b in stored)


REGEX_CASES = [  # (pattern, flags, text): groups, names, flags, bytes, a look-behind
    (r"(?P<dag>\d{1,2})[-/](?P<maand>\d{1,2})", 0, "op 12-11 en 3/4"),
    (r"(?<![\w])juf\s+\w+", re.IGNORECASE, "De klas van JUF Demi & <groep 7> 😀"),
    (r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD]", 0, "ok\x07 مرحبا"),
    (rb"^\s*(?:#|$)", re.MULTILINE, b"a\n  # b\n"),
    (r"(a)|(b)", re.VERBOSE, "xb"),
]


def _same(found: re.Pattern, expected: re.Pattern, text: str | bytes) -> None:
    assert (found.pattern, found.flags, found.groups, found.groupindex) == (
        expected.pattern, expected.flags, expected.groups, expected.groupindex)
    assert [(m.span(), m.groups()) for m in found.finditer(text)] == [
        (m.span(), m.groups()) for m in expected.finditer(text)]


def test_patterns_from_the_regex_file_are_res_own_and_a_damaged_file_is_ignored(
        empty_cache: Path) -> None:
    from commgen.foundation import regexcache

    made = regexcache._Bundle("test")
    for pattern, flags, text in REGEX_CASES:
        _same(made.compile(pattern, flags), re.compile(pattern, flags), text)
    assert len(made.new) == len(REGEX_CASES)
    made.save()
    again = regexcache._Bundle("test")
    for pattern, flags, text in REGEX_CASES:
        _same(again.compile(pattern, flags), re.compile(pattern, flags), text)
    assert not again.new and len(again.used) == len(REGEX_CASES)  # all from the file
    with pytest.raises(re.error):  # a mistake is still re's own error
        again.compile("(unclosed", 0)
    path = again._path()
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    damaged = regexcache._Bundle("test")
    for pattern, flags, text in REGEX_CASES:
        _same(damaged.compile(pattern, flags), re.compile(pattern, flags), text)
    assert len(damaged.new) == len(REGEX_CASES)  # compiled anew, none read


def test_a_command_keeps_its_patterns_and_finds_the_same(tmp_path: Path) -> None:
    """The command line's own process reads and writes the regex file; the check's report
    is the same with an empty and with a filled one."""
    letter = tmp_path / "brief.txt"
    letter.write_text("Beste ouders, de klas van juf Demi (groep 7) woont aan de Dorpsstraat "
                      "12. Bel 06-12345678 of mail demi@example.nl. Zonder toestemming "
                      "verspreiden is strafbaar. 😀 & <b>\n", encoding="utf-8")
    env = os.environ | {"NO_COLOR": "1", "COMMGEN_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "commgen", "check", "--audience", "parents-class",
               str(letter)]
    first = subprocess.run(command, capture_output=True, text=True, env=env)
    assert list((tmp_path / "cache" / "regex").iterdir())  # written at exit
    second = subprocess.run(command, capture_output=True, text=True, env=env)
    assert (second.returncode, second.stdout, second.stderr) == (
        first.returncode, first.stdout, first.stderr)
    assert first.returncode == 1 and "06-12345678" in first.stdout


def test_a_long_text_looks_for_its_signature_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every school's name asks whether it is in the signature; the signature lines are found
    once per text (once per name made the check quadratic in the text), with the same
    findings."""
    from commgen.checks.load import checker_from_files
    from commgen.checks.run import Checker

    checker = checker_from_files("parents-class")
    text = ("Het beeld ging ook rond op het Zuiderlicht College en op het Noorderlicht "
            "Lyceum.\n" * 40 + "Met vriendelijke groet,\n\nJan de Vries\nHet Baken College\n")
    expected = [(f.rule, f.start, f.end) for f in checker.check(text)]
    calls: list[int] = []
    original = Checker._signatures
    monkeypatch.setattr(Checker, "_signatures",
                        lambda self, t: calls.append(1) or original(self, t))
    assert [(f.rule, f.start, f.end) for f in checker.check(text)] == expected
    assert sum(1 for rule, _s, _e in expected if rule == "other-school") >= 80
    assert len(calls) == 1
    checker.check(text)
    assert len(calls) == 2  # a new check looks again


def test_a_rule_tried_with_only_the_alternatives_of_a_word_finds_the_same() -> None:
    """At a place where a word starts, a rule is tried with only its alternatives that can
    start with that word, one by one (``RuleKeys.alternatives``): the same findings as the
    whole pattern, for every bundled rule, on the golden documents and on hostile text."""
    from commgen.checks import ruleindex
    from commgen.checks.rules import _source, find_all
    from commgen.checks.run import make_checker

    rules = make_checker().rules
    narrowed = [r for r in rules if r.keys is not None and r.keys.narrowable]
    assert len(narrowed) >= len(rules) // 2
    for rule in narrowed:
        assert rule.keys is not None
        every = range(len(rule.keys.parts))
        capture = rule.kind == "substitution"
        assert ruleindex.alternatives_source(rule.keys.parts, every, capture) == _source(
            list(rule.keys.parts), False, capture) == rule.pattern.pattern
    golden = Path(__file__).parent / "golden"
    texts = [p.read_text(encoding="utf-8") for p in sorted(golden.rglob("*.txt"))][:40]
    texts.append("Wie het beeld doorstuurt, maakt zich schuldig & <Ahmad> 😀 مرحبا — "
                 "ÉÉN leerling stuurde het DOOR. Straße ﬁ İstanbul K-pop-foto")

    def found() -> list[tuple[str, int, int, str | None]]:
        return [(f.rule, f.start, f.end, f.suggestion) for text in texts
                for f in find_all(rules, text, {})]

    with_narrowing = found()
    original = ruleindex._tried
    try:
        ruleindex._tried = (  # type: ignore[assignment]
            lambda pattern, _keys, text, at, *_rest: pattern.match(text, at))
        whole = found()
    finally:
        ruleindex._tried = original
    assert with_narrowing == whole and len(whole) > 10


def test_a_contradiction_between_documents_is_searched_once_per_version() -> None:
    """Every document of a version asks whether another holds the other side of a pair:
    searched once per version, and again for a version with other texts."""
    from commgen.checks import consistency
    from commgen.checks.consistency import CaseDocument, consistency_findings, load_consistency

    rules = load_consistency(Path(__file__).parent.parent / "snippets" / "nl" / "regels")
    assert rules is not None
    limited = "Het beeld is beperkt gedeeld."
    wider = "Het beeld lijkt op grote schaal rond te gaan."

    def contradictions(texts: list[str]) -> dict[str, list[str]]:
        found = consistency_findings(rules, {"school_type": "vo"}, [
            CaseDocument(f"d{i}", "parents-class", t) for i, t in enumerate(texts)], "nl")
        return {doc: [f.rule for f in fs if f.rule == "consistency-tegenstrijdig"]
                for doc, fs in found.items() if any(f.rule == "consistency-tegenstrijdig"
                                                    for f in fs)}

    assert set(contradictions([limited, wider, "Wij staan naast de leerling."])) == {"d0", "d1"}
    searched = consistency._SEARCHED[0]
    assert searched[0] == (limited, wider, "Wij staan naast de leerling.") and searched[1]
    assert contradictions([limited, "Wij staan naast de leerling."]) == {}  # a new version
    assert set(contradictions([wider, limited])) == {"d0", "d1"}
