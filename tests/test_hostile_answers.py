"""Hostile answers files, end to end through ``commgen generate``: encodings, YAML tags, anchors
and aliases, duplicate keys, deep nesting, huge scalars and lists, a wrong type for every
question type, unknown and meta keys of wrong shapes, and things that are not a plain file.
Each must end in a clear message (exit 2) within seconds, write nothing and leak nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import GUARDED, Case, check, generate, matrix_fixture, sample_text, with_raw

BASE = sample_text()
NAMED = sample_text(involved_pupils=["Sanne de Vries"])


def raw(case_id: str, text: str, *words: str, codes: tuple[int, ...] = (2,), **kw) -> Case:  # type: ignore[no-untyped-def]
    """A case: the sample with ``text`` (YAML) in place of the keys it sets."""
    return Case(case_id, generate(with_raw(text)), codes=codes, words=words, **kw)


def encoded(case_id: str, data: bytes, *words: str, codes: tuple[int, ...] = (2,)) -> Case:
    return Case(case_id, generate(data), codes=codes, words=("antwoorden.yaml", *words))


def _special(kind: str):  # type: ignore[no-untyped-def]
    """A setup whose answers 'file' is not a plain readable file."""
    def setup(folder: Path) -> list[str]:
        target = folder / "antwoorden.yaml"
        if kind == "symlink-loop":
            os.symlink("b.yaml", folder / "a.yaml")
            os.symlink("a.yaml", folder / "b.yaml")
            os.symlink("a.yaml", target)
        elif kind == "dangling-symlink":
            os.symlink(folder / "weg.yaml", target)
        elif kind == "fifo":
            os.mkfifo(target)
        elif kind == "unreadable":
            target.write_text(BASE, encoding="utf-8")
            target.chmod(0)
        elif kind == "symlink-to-dir":
            (folder / "map").mkdir()
            os.symlink(folder / "map", target)
        elif kind == "dir-with-yaml-name":
            target.mkdir()
        else:
            return ["generate", kind, "--out", "uit"]
        return ["generate", "antwoorden.yaml", "--out", "uit"]
    return setup


POSIX = os.name == "posix"
ROOT = POSIX and os.geteuid() == 0

CASES = [
    # --- encodings
    encoded("utf16-bom", BASE.encode("utf-16"), "UTF-8"),
    encoded("utf16le-no-bom", BASE.encode("utf-16-le"), "UTF-8"),
    encoded("utf16be-no-bom", BASE.encode("utf-16-be"), "UTF-8"),
    encoded("utf32-bom", BASE.encode("utf-32"), "UTF-8"),
    encoded("cp1252-quotes", BASE.replace("Amersfoort", "“Amersfoort” – café").encode(
        "cp1252"), "UTF-8"),
    encoded("invalid-utf8-byte", BASE.encode() + b"view_extra2: \xff\xfe kapot\n", "UTF-8"),
    encoded("overlong-utf8", BASE.replace("school_place: Amersfoort", "school_place: A")
            .encode() .replace(b"place: A", b"place: \xc0\xaf"), "UTF-8"),
    encoded("encoded-surrogate", BASE.encode().replace(b"Amersfoort", b"Amers\xed\xa0\x80"),
            "UTF-8"),
    encoded("nul-byte", BASE.encode().replace(b"Amersfoort", b"Amers\x00foort")),
    encoded("utf8-bom-is-fine", b"\xef\xbb\xbf" + BASE.encode(), codes=(0,)),
    encoded("only-a-bom", b"\xef\xbb\xbf"),
    encoded("binary-garbage", bytes(range(256)) * 40),
    encoded("a-docx-as-answers", (Path(__file__).parent.parent / "templates" / "nl" /
                                  "persverklaring.docx").read_bytes()),
    # --- YAML tags
    raw("tag-python-object-new", "view_extra: !!python/object/new:os.system [echo gehackt]"),
    raw("tag-python-name", "view_extra: !!python/name:os.system"),
    raw("tag-python-module", "view_extra: !!python/module:os"),
    raw("tag-binary", "school_name: !!binary aGV0IGJha2Vu", codes=(0, 2)),
    raw("tag-custom", "school_name: !kwaad Het Baken"),
    raw("tag-set", "channel: !!set {private_chats: null}"),
    raw("tag-omap", "channel: !!omap [a: 1]"),
    raw("tag-timestamp-for-text", "statement_version: !!timestamp 2026-11-21", codes=(0, 2)),
    raw("tag-float-for-phone", "contact_phone: !!float 334605510", codes=(0, 2)),
    raw("tag-verbatim", "school_name: !<tag:yaml.org,2002:python/str> x"),
    raw("tag-directive", "%TAG !e! tag:example.com,2000:\n---\nschool_name: !e!x y"),
    # --- anchors, aliases, merge keys
    raw("alias-bomb-in-text", "a: &a [xxxxxxxxxx, xxxxxxxxxx, xxxxxxxxxx, xxxxxxxxxx]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\nsituation_extra: [*d, *d, *d, *d, *d, *d]"),
    raw("alias-bomb-in-mapping", "a: &a {name: [x, x, x, x, x, x, x, x, x]}\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        "contact: {name: [*c, *c, *c, *c, *c, *c, *c, *c], role: x}"),
    raw("alias-recursive", "actions: &a [lesson, *a]"),
    raw("alias-recursive-mapping", "contact: &c {name: Karin, role: *c}"),
    raw("alias-undefined", "school_name: *nergens"),
    raw("alias-to-a-person", "contact: &p {name: Samira El Idrissi, role: zorg}\n"
        "team_support: *p", "alias"),
    raw("merge-key", "base: &b {name: Karin}\ncontact: {<<: *b, role: zorg}"),
    # --- duplicate keys
    raw("duplicate-nested-key", "contact:\n  name: Karin\n  name: Samira\n  role: zorg",
        "twee keer"),
    raw("duplicate-meta-key", "_commgen: 1\n_commgen: 1", "twee keer"),
    raw("duplicate-key-in-flow", "signatory: {name: Peter, name: Piet, role: rector}",
        "twee keer"),
    # --- nesting and size
    raw("deep-list-nesting", "view_extra: " + "[" * 20000 + "]" * 20000),
    raw("deep-mapping-nesting", "view_extra: " + "{a: " * 5000 + "b" + "}" * 5000),
    raw("deep-block-nesting", "view_extra:\n" + "".join(" " * i + "- \n" for i in
                                                        range(0, 3000, 1)) + " " * 3000 + "x"),
    raw("huge-scalar", "view_extra: " + "woord " * 330000, "te lang"),
    raw("huge-list", "channel: [" + ", ".join(["private_chats"] * 200000) + "]"),
    raw("huge-paragraph-list", "actions_extra:\n" + "- Een zin.\n" * 150000, "te lang"),
    raw("huge-key", "k" * 500000 + ": x"),
    raw("many-unknown-keys", "\n".join(f"onbekend_{i}: x" for i in range(20000))),
    raw("huge-names-list", "involved_pupils: [" + ", ".join(
        f"Leerling{i} Achternaam{i}" for i in range(30000)) + "]", "te lang"),
    raw("too-many-names", "involved_pupils: [" + ", ".join(
        f"Kind{i}" for i in range(300)) + "]", "200"),
    # --- a wrong type for each question type
    raw("text-mapping", "school_name: {naam: Het Baken}", "'school_name'"),
    raw("text-boolean", "school_place: ja", "'school_place'", codes=(0, 2)),
    raw("text-null-required", "school_name:", "'school_name'"),
    raw("text-empty-list", "school_name: []", "'school_name'"),
    raw("text-5000-digits", "statement_version: " + "7" * 5000, "regel"),
    raw("choice-mapping", "material: {video: ja}", "'material'"),
    raw("choice-list", "material: [video, photo]", "'material'"),
    raw("choice-number", "school_type: 3", "'school_type'"),
    raw("choice-null", "media: null", "'media'"),
    raw("multichoice-unknown", "channel: [pigeon]", "'pigeon'"),
    raw("multichoice-mapping", "actions: {lesson: ja}", "'actions'"),
    raw("multichoice-nested", "spread: [[several_classes]]", "'spread'"),
    raw("multichoice-number", "police: 12", "'police'"),
    raw("yesno-word", "pupil_visible: misschien", "'pupil_visible'"),
    raw("yesno-list", "pupil_visible: [ja]", "'pupil_visible'"),
    raw("yesno-number", "phones_public: 2", "'phones_public'"),
    raw("date-month-13", "reported_date: 2026-13-45", "regel"),
    raw("date-zero", "reported_date: 0000-00-00", "regel"),
    raw("date-year-99999", "reported_date: 99999-01-01", "'reported_date'"),
    raw("date-short-year", "reported_date: 19/11/26", "'reported_date'", codes=(0, 2)),
    raw("date-integer", "reported_date: 20261119", "'reported_date'"),
    raw("date-float", "reported_date: 1e10", "'reported_date'"),
    raw("date-with-time", "reported_date: 2026-11-19T10:00:00", "'reported_date'",
        codes=(0, 2)),
    raw("date-list", "reported_date: [2026-11-19]", "'reported_date'"),
    raw("date-5000-digits", "reported_date: " + "1" * 5000, "regel"),
    raw("date-year-1", "statement_date: 0001-01-01", "'statement_date'", codes=(0, 2)),
    raw("date-negative", "statement_date: -2026-11-21", "'statement_date'"),
    raw("time-out-of-range", "statement_time: '25:61'", "'statement_time'"),
    raw("time-sexagesimal", "statement_time: 11:15", "'statement_time'", codes=(0, 2)),
    raw("time-negative", "next_update_time: '-1:00'", "'next_update_time'"),
    raw("time-mapping", "next_update_time: {uur: 12}", "'next_update_time'"),
    raw("phone-5000-digits", "contact_phone: " + "0" + "6" * 5000, "'contact_phone'"),
    raw("phone-letters", "contact_phone: bel-me-maar", "'contact_phone'"),
    raw("phone-float", "spokesperson_phone: 6.41", "'spokesperson_phone'"),
    raw("email-300-chars", "contact_email: " + "a" * 290 + "@hetbaken.example",
        "'contact_email'", codes=(0, 2)),
    raw("email-newline", 'contact_email: "zorg@hetbaken.example\\nBcc: x@y.nl"',
        "'contact_email'"),
    raw("email-list", "contact_email: [a@b.nl, c@d.nl]", "'contact_email'"),
    raw("url-javascript", "school_website: 'javascript:alert(1)'", "'school_website'"),
    raw("url-file", "school_website: file:///etc/passwd", "'school_website'"),
    raw("url-huge", "school_website: https://www.hetbaken.example/" + "a" * 100000,
        "'school_website'"),
    raw("person-string", "signatory: Peter de Boer", "'signatory'", codes=(0, 2)),
    raw("person-unknown-key", "signatory: {name: Peter, role: rector, bsn: 123}",
        "'signatory'"),
    raw("person-name-list", "signatory: {name: [Peter, Piet], role: rector}", "'signatory'"),
    raw("person-empty-mapping", "signatory: {}", "'signatory'"),
    raw("image-list", "school_logo: [a.png, b.png]", "'school_logo'"),
    raw("image-number", "school_logo: 42", "'school_logo'"),
    raw("image-missing", "school_logo: weg.png", "'school_logo'"),
    raw("names-wrong-shape", "involved_pupils: {key: 1, count: x, hashes: 3}",
        "'involved_pupils'"),
    raw("names-number", "involved_pupils: 12", "'involved_pupils'", codes=(0, 2)),
    raw("names-list-of-mappings", "involved_pupils: [{name: Sanne de Vries}]",
        "'involved_pupils'", secrets=GUARDED),
    raw("names-hashes-not-hex", "involved_pupils: {key: 'zz', count: 1, hashes: [';rm -rf']}",
        "'involved_pupils'"),
    raw("paragraphs-mapping", "situation_extra: {a: b}", "'situation_extra'"),
    raw("paragraphs-nested-list", "situation_extra: [[a, b], [c]]", "'situation_extra'"),
    raw("paragraphs-infinity", "view_extra: .inf", "'view_extra'", codes=(0, 2)),
    raw("paragraphs-nan", "view_extra: .nan", "'view_extra'", codes=(0, 2)),
    # --- unknown and meta keys
    raw("key-number", "1: x"),
    raw("key-complex", "? [a, b]\n: c"),
    raw("key-null", "~: x"),
    raw("key-bidi", "school_\u202ename: x"),
    raw("meta-format-99", "_commgen: 99", "_commgen"),
    raw("meta-format-list", "_commgen: [1]", "_commgen"),
    raw("meta-format-text", "_commgen: een", "_commgen"),
    raw("meta-accepted-list", "_commgen_accepted: [view_extra]", "_commgen_accepted"),
    raw("meta-accepted-unknown-question", "_commgen_accepted: {nergens: akkoord}",
        "_commgen_accepted", codes=(0, 2)),
    raw("meta-accepted-nested", "_commgen_accepted: {view_extra: {a: [b]}}",
        "_commgen_accepted"),
    raw("meta-drafts-text", "_commgen_drafts: zomaar", "_commgen_drafts", codes=(0, 2)),
    raw("meta-drafts-huge", "_commgen_drafts: {view_extra: '" + "x" * 500000 + "'}",
        codes=(0, 2)),
    # --- not a plain file, or an odd document
    Case("symlink-loop", _special("symlink-loop"), words=("antwoorden.yaml",),
         skip=None if POSIX else "symbolic links need POSIX"),
    Case("dangling-symlink", _special("dangling-symlink"), words=("niet gevonden",),
         skip=None if POSIX else "symbolic links need POSIX"),
    Case("symlink-to-folder", _special("symlink-to-dir"), words=("map",),
         skip=None if POSIX else "symbolic links need POSIX"),
    Case("folder-named-yaml", _special("dir-with-yaml-name"), words=("map",)),
    Case("fifo-named-yaml", _special("fifo"), words=("geen gewoon bestand",),
         skip=None if hasattr(os, "mkfifo") else "named pipes are POSIX"),
    Case("dev-urandom", _special("/dev/urandom"),
         skip=None if Path("/dev/urandom").exists() else "no /dev/urandom"),
    Case("dev-null", _special("/dev/null"),
         skip=None if Path("/dev/null").exists() else "no /dev/null"),
    Case("proc-self-mem", _special("/proc/self/mem"),
         skip=None if Path("/proc/self/mem").exists() else "no /proc"),
    Case("unreadable-file", _special("unreadable"), words=("antwoorden.yaml",),
         skip=None if POSIX and not ROOT else "permissions do not stop root (or are POSIX)"),
    Case("empty-file", generate(b""), words=("antwoorden.yaml",)),
    Case("only-comments", generate("# niets\n# nog niets\n"), words=("antwoorden.yaml",)),
    Case("null-document", generate("~\n"), words=("antwoorden.yaml",)),
    Case("scalar-document", generate("gewoon wat tekst\n"), words=("antwoorden.yaml",)),
    Case("two-documents", generate(BASE + "---\n" + BASE), words=("antwoorden.yaml",)),
    Case("names-plain-list-is-kept-out", generate(NAMED), codes=(0,), secrets=(),
         after=lambda run: _no_name_in_documents(run.folder)),
]


def _no_name_in_documents(folder: Path) -> None:
    from tests.hostile import docs_text

    text = docs_text(folder / "uit")
    assert text and "Sanne" not in text and "Vries" not in text


results = matrix_fixture(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_hostile_answers_file(results, case: Case) -> None:  # type: ignore[no-untyped-def]
    check(results, case)
