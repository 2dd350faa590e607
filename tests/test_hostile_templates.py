"""Hostile template sets, end to end through ``commgen generate --templates`` and ``commgen
templates check``: sandbox escapes and runaways in a Word template and in a vetted sentence,
broken or hostile .docx packages (not a zip, truncated, malformed or entity-laden XML, zip
bombs, path traversal, macros, external relationships, huge or truncated images) and hostile
catalogue and snippet YAML. Each ends in a clear message within its limit; nothing outside the
set is read (a sentinel file's content never appears) or written, and no document is written
by a run that failed."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx as python_docx
import pytest

from tests.conftest import MINI_CATALOG, SAMPLES
from tests.hostile import LOGO, Case, Run, check, matrix_fixture

SECRET = "geheime-inhoud-4711"
LEAKS = (SECRET, "root:x:0")  # the sentinel beside the set, and /etc/passwd
LOGO_QUESTION = """\
  - id: school_logo
    section: main
    type: image
    prompt: {nl: Logo, en: Logo}
"""
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _letter(text: str) -> bytes:
    document = python_docx.Document()
    document.add_paragraph("Beste ouders van {{ school_name }},")
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PLAIN = _letter("Met vriendelijke groet.")


def _set(folder: Path, letter: bytes, catalog: str | bytes | None = None,
         phrases: str | None = None) -> Path:
    """A one-document set in ``folder/set``, a sentinel beside it and answers for it."""
    templates = folder / "set"
    templates.mkdir()
    (templates / "brief.docx").write_bytes(letter)
    catalog = catalog if catalog is not None else MINI_CATALOG.format(extra=LOGO_QUESTION)
    (templates / "catalog.yaml").write_bytes(
        catalog if isinstance(catalog, bytes) else catalog.encode("utf-8"))
    if phrases is not None:
        (templates / "snippets" / "nl").mkdir(parents=True)
        (templates / "snippets" / "nl" / "phrases.yaml").write_text(phrases, encoding="utf-8")
    (folder / "SENTINEL").write_text(SECRET, encoding="utf-8")
    (folder / "logo.png").write_bytes(LOGO.read_bytes())
    (folder / "antwoorden.yaml").write_text(
        "school_name: OBS De Linde\nnote: Een gewone zin.\nschool_logo: logo.png\n",
        encoding="utf-8")
    return templates


def _untouched(run: Run) -> None:
    assert (run.folder / "SENTINEL").read_text(encoding="utf-8") == SECRET
    assert not (run.folder / "x").exists() and not (run.folder / "evil.txt").exists()


def generate_with(letter: bytes | Callable[[Path], bytes], catalog: str | bytes | None = None,
                  phrases: str | None = None) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        data = letter(folder) if callable(letter) else letter
        _set(folder, data, catalog, phrases)
        return ["generate", "antwoorden.yaml", "--templates", "set", "--out", "uit"]
    return setup


def lint_with(letter: bytes, catalog: str | None = None) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        _set(folder, letter, catalog)
        return ["templates", "check", "--templates", "set"]
    return setup


def payload(case_id: str, source: str, *words: str, timeout: float = 30) -> Case:
    """``source`` in the letter: generate stops with a template error naming the file."""
    def letter(folder: Path) -> bytes:
        return _letter(source.replace("SENTINEL", str(folder / "SENTINEL")))
    return Case(case_id, generate_with(letter), words=("brief.docx", *words), secrets=LEAKS,
                timeout=timeout, after=_untouched)


def sentence(case_id: str, source: str) -> Case:
    """``source`` as a vetted sentence the letter prints."""
    phrases = "sentences:\n  kwaad:\n    - all: " + repr(source).replace("\\'", "''") + "\n"
    return Case(case_id, generate_with(_letter("{{ phrase.kwaad }}"), phrases=phrases),
                secrets=LEAKS, after=_untouched)


def lint(case_id: str, source: str, code: int = 1) -> Case:
    return Case(case_id, lint_with(_letter(source)), codes=(code,), words=("brief.docx",),
                secrets=LEAKS, after=_untouched)


ESCAPES = {
    "attribute-walk-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "attribute-walk-dict": "{{ {}.__class__.__base__.__subclasses__() }}",
    "attribute-walk-int": "{{ (1).__class__.__base__ }}",
    "dunder-method": "{{ school_name.__len__() }}",
    "attr-filter": "{{ ''|attr('__class__') }}",
    "attr-filter-logo": "{{ school_logo|attr('read_text')() }}",
    "map-attribute": "{{ [school_logo]|map(attribute='parent')|list }}",
    "map-dunder-filter": "{{ [1]|map('__class__')|list }}",
    "selectattr-dunder": "{{ [1]|selectattr('__class__')|list }}",
    "format-method": "{{ '{0.__class__}'.format(1) }}",
    "format-globals": "{{ '{0.__init__.__globals__}'.format(namespace) }}",
    "format-filter-logo": "{{ '%s'|format(school_logo.read_bytes()) }}",
    "self-globals": "{{ self.__init__.__globals__ }}",
    "self-context": "{{ self._TemplateReference__context }}",
    "namespace-globals": "{{ namespace.__init__.__globals__ }}",
    "cycler-globals": "{{ cycler.__init__.__globals__.os }}",
    "joiner-globals": "{{ joiner.__init__.__globals__ }}",
    "lipsum-os": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "loop-globals": "{% for x in [1] %}{{ loop.__class__.__init__.__globals__ }}{% endfor %}",
    "logo-read-text": "{{ school_logo.read_text() }}",
    "logo-joinpath-sentinel": "{{ school_logo.joinpath('SENTINEL').read_text() }}",
    "logo-etc-passwd": "{{ school_logo.joinpath('/etc/passwd').read_text() }}",
    "logo-proc-environ": "{{ school_logo.joinpath('/proc/self/environ').read_bytes() }}",
    "logo-write": "{{ school_logo.with_name('x').write_text('gehackt') }}",
    "logo-iterdir": "{{ school_logo.parent.iterdir()|list }}",
    "dict-update": "{% set d = {} %}{{ d.update(a=1) }}",
    "list-append": "{% set l = [] %}{{ l.append(1) }}",
    "set-dunder": "{% set c = school_name.__class__ %}{{ c }}",
    "flask-config": "{{ config.items() }}",
    "undefined-name": "{{ nergens_gedefinieerd }}",
    "unknown-filter": "{{ school_name|kwaad }}",
    "unclosed-tag": "{{ school_name ",
    "include": "{% include 'SENTINEL' %}",
    "import": "{% import 'SENTINEL' as x %}",
    "from-import": "{% from 'SENTINEL' import y %}",
    "extends": "{% extends 'SENTINEL' %}",
}
RUNAWAYS = {
    "range-1e9-list": "{{ range(10**9)|list|length }}",
    "range-1e9-sum": "{{ range(10**9)|sum }}",
    "range-batch": "{{ range(10**9)|batch(3)|list }}",
    "nested-loops": "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}"
                    "{% endfor %}",
    "string-times-1e9": "{{ 'x' * 10**9 }}",
    "list-times-1e8": "{{ [0] * 10**8 }}",
    "power-tower": "{{ 10**(10**10) }}",
    "macro-recursion": "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "caller-recursion": "{% macro m() %}{{ caller() }}{{ m() }}{% endmacro %}"
                        "{% call m() %}x{% endcall %}",
    "center-width": "{{ 'x'|center(10**9) }}",
    "format-width": "{{ '{:>999999999}'.format(1) }}",
    "percent-width": "{{ '%999999999d'|format(1) }}",
    "zfill": "{{ 'x'.zfill(10**9) }}",
    "ljust": "{{ 'x'.ljust(10**9) }}",
    "indent-width": "{{ 'a\nb'|indent(10**9) }}",
    "replace-growth": "{{ ('x' * 1000)|replace('x', 'x' * 100000) }}",
    "lipsum-huge": "{{ lipsum(10**6) }}",
    "cycler-huge": "{{ cycler(*range(10**8)) }}",
    "doubling-namespace": "{% set n = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}"
                          "{% set n.s = n.s ~ n.s %}{% endfor %}{{ n.s|length }}",
    "sort-huge": "{{ range(10**8)|sort|first }}",
}


def _zip(entries: dict[str, bytes], base: bytes = PLAIN, drop: tuple[str, ...] = ()) -> bytes:
    """The plain letter with ``entries`` added or replaced and ``drop`` left out."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in entries and info.filename not in drop:
                target.writestr(info, source.read(info))
        for name, data in entries.items():
            target.writestr(name, data)
    return buffer.getvalue()


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}" '
            f'xmlns:r="{R}"><w:body>{body}<w:sectPr/></w:body></w:document>').encode()


def _bomb_part(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(PLAIN)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        with target.open(name, "w") as handle:
            for _ in range(300):
                handle.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


def _rels(extra: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(PLAIN)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    return rels.replace("</Relationships>", extra + "</Relationships>").encode()


def _no_part(*names: str) -> Callable[[Run], None]:
    def after(run: Run) -> None:
        _untouched(run)
        for path in (run.folder / "uit").glob("*.docx"):
            with zipfile.ZipFile(path) as archive:
                everything = b"".join(archive.read(n) for n in archive.namelist())
                for name in names:
                    assert name.encode() not in everything and name not in archive.namelist(), \
                        f"{name} kept in {path.name}"
    return after


def package(case_id: str, data: bytes, codes: tuple[int, ...] = (2,),
            after: Callable[[Run], None] | None = None, timeout: float = 30) -> Case:
    return Case(case_id, generate_with(data), codes=codes, words=("brief.docx",),
                secrets=LEAKS, after=after or _untouched, timeout=timeout)


def _png(width: int, height: int, truncate: bool = False) -> bytes:
    """A black-and-white PNG of ``width`` x ``height`` (small on disk however large)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    row = b"\0" + b"\0" * ((width + 7) // 8)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))
    return data[: len(data) // 2] if truncate else data


def _with_image(image: bytes) -> bytes:
    """A letter with a picture, its bytes replaced by ``image``."""
    document = python_docx.Document()
    document.add_paragraph("{{ school_name }}")
    document.add_picture(str(SAMPLES / "scholen" / "hetbaken-logo.png"))
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        media = next(n for n in archive.namelist() if n.startswith("word/media/"))
    return _zip({media: image}, base=buffer.getvalue())


BILLION_LAUGHS = ('<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e "&c;&c;&c;&c;&c;&c;&c;&c;">'
                  '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;">'
                  ']>')
VBA_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
             b'.org/package/2006/content-types"><Default Extension="rels" ContentType="applicati'
             b'on/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" Conten'
             b'tType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms'
             b'-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="applica'
             b'tion/vnd.ms-word.document.macroEnabled.main+xml"/></Types>')
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _catalog(extra: str = "", **replace: str) -> str:
    text = MINI_CATALOG.format(extra=LOGO_QUESTION + extra)
    for old, new in replace.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def catalog_case(case_id: str, catalog: str | bytes, *words: str,
                 phrases: str | None = None) -> Case:
    return Case(case_id, generate_with(PLAIN, catalog=catalog, phrases=phrases),
                words=words or ("catalog.yaml",), secrets=LEAKS, after=_untouched)


def _encrypted_zip() -> bytes:
    """A letter whose document part says it is encrypted (flag bit 0)."""
    data = bytearray(PLAIN)
    with zipfile.ZipFile(io.BytesIO(PLAIN)) as archive:
        info = archive.getinfo("word/document.xml")
    offset = info.header_offset
    data[offset + 6] |= 1  # the local header's flags
    start = data.find(b"PK\x01\x02")
    while start != -1:  # and the central directory entry of the same part
        if data[start + 42:start + 46] == offset.to_bytes(4, "little"):
            data[start + 8] |= 1
            break
        start = data.find(b"PK\x01\x02", start + 4)
    return bytes(data)


CASES = [
    *(payload(f"template-{k}", v) for k, v in ESCAPES.items()),
    *(payload(f"runaway-{k}", v, timeout=40) for k, v in RUNAWAYS.items()),
    sentence("sentence-attribute-walk", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    sentence("sentence-logo-read", "{{ school_logo.read_text() }}"),
    sentence("sentence-lipsum-os", "{{ lipsum.__globals__['os'].popen('id').read() }}"),
    sentence("sentence-include", "{% include '/etc/passwd' %}"),
    sentence("sentence-string-times", "{{ 'x' * 10**9 }}"),
    sentence("sentence-nested-loops", "{% for i in range(10**5) %}{% for j in range(10**5) %}"
                                      "{% endfor %}{% endfor %}"),
    lint("lint-logo-read", "{{ school_logo.read_text() }}"),
    lint("lint-attribute-walk", "{{ ''.__class__.__mro__ }}"),
    lint("lint-include", "{% include 'x' %}"),
    lint("lint-string-times", "{{ 'x' * 10**9 }}"),
    lint("lint-power", "{{ 2 ** (10**9) }}"),
    lint("lint-range", "{% for i in range(10**9) %}x{% endfor %}"),
    lint("lint-self", "{{ self._TemplateReference__context }}"),
    lint("lint-extends", "{% extends 'x' %}"),
    lint("lint-logo-chain", "{{ school_logo.parent.iterdir()|list }}"),
    # --- broken and hostile packages
    package("docx-random-bytes", bytes(range(256)) * 64),
    package("docx-empty", b""),
    package("docx-truncated", PLAIN[: len(PLAIN) // 2]),
    package("docx-no-document-part", _zip({}, drop=("word/document.xml",))),
    package("docx-malformed-xml", _zip({"word/document.xml": b"<w:document><w:body><w:p>"})),
    package("docx-not-xml", _zip({"word/document.xml": b"\xff\xfe\x00gewoon geen xml"})),
    package("docx-billion-laughs", _zip({"word/document.xml": _document_xml(
        "<w:p><w:r><w:t>&g;</w:t></w:r></w:p>", BILLION_LAUGHS)})),
    package("docx-external-entity", _zip({"word/document.xml": _document_xml(
        "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>",
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')}), codes=(0, 2)),
    package("docx-zip-bomb-in-media", _bomb_part("word/media/image9.png"), timeout=40),
    package("docx-thousands-of-parts", _zip({f"word/media/x{i}.bin": b"x"
                                             for i in range(2500)})),
    package("docx-path-traversal", _zip({"../../evil.txt": b"gehackt"}), codes=(0, 2)),
    package("docx-duplicate-part", _zip({"word/document.xml": _document_xml(
        "<w:p><w:r><w:t>tweede</w:t></w:r></w:p>")}, base=PLAIN), codes=(0, 2)),
    package("docx-encrypted-part", _encrypted_zip()),
    package("docm-macros", _zip({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro",
                                 "[Content_Types].xml": VBA_TYPES}), codes=(0, 2),
            after=_no_part("vbaProject", "macroEnabled")),
    package("remote-template", _zip({"word/_rels/settings.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlfo'
        f'rmats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RT}/attachedTem'
        f'plate" Target="http://tracker.example/t.dotm" TargetMode="External"/></Relationships>'
    ).encode()}), codes=(0, 2), after=_no_part("tracker.example")),
    package("remote-frame-and-ole", _zip({"word/_rels/document.xml.rels": _rels(
        f'<Relationship Id="rIdX1" Type="{RT}/frame" Target="http://tracker.example/f.html" '
        f'TargetMode="External"/><Relationship Id="rIdX2" Type="{RT}/oleObject" '
        f'Target="file:///C:/Users/anne/geheim.xlsx" TargetMode="External"/>')}),
        codes=(0, 2), after=_no_part("tracker.example", "geheim.xlsx")),
    package("huge-image", _with_image(_png(20000, 20000)), codes=(0, 2)),
    package("truncated-image", _with_image(_png(400, 400, truncate=True)), codes=(0, 2)),
    package("image-not-an-image", _with_image(b"<svg onload='alert(1)'/>"), codes=(0, 2)),
    # --- hostile catalogue and snippets
    catalog_case("catalog-python-tag", "!!python/object/apply:os.system ['echo gehackt']\n"),
    catalog_case("catalog-alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a]\n"
                 "c: [*b, *b, *b, *b, *b, *b]\n" + _catalog()),
    catalog_case("catalog-when-escape", _catalog(
        "  - id: extra\n    section: main\n    type: text\n    prompt: {nl: X, en: X}\n"
        "    when: \"school_logo.read_text() == 'x'\"\n")),
    catalog_case("catalog-when-runaway", _catalog(
        "  - id: extra\n    section: main\n    type: text\n    prompt: {nl: X, en: X}\n"
        "    when: \"(range(10**9)|list|length) > 1\"\n")),
    catalog_case("catalog-author-escape", _catalog().replace(
        'author: "{{ school_name }}"', "author: \"{{ ''.__class__.__mro__ }}\"")),
    catalog_case("catalog-template-outside", _catalog().replace(
        "{nl: brief.docx}", "{nl: ../SENTINEL}")),
    catalog_case("catalog-template-absolute", _catalog().replace(
        "{nl: brief.docx}", "{nl: /etc/passwd}")),
    catalog_case("catalog-not-utf8", ("# caf\xe9\n" + _catalog()).encode("latin-1")),
    catalog_case("snippet-python-tag", _catalog(), "phrases.yaml",
                 phrases="sentences: !!python/object/apply:os.system ['echo gehackt']\n"),
    catalog_case("snippet-alias-bomb", _catalog(), "phrases.yaml",
                 phrases="a: &a [x, x, x, x, x, x, x, x]\nsentences:\n  kwaad: [*a, *a, *a]\n"),
    catalog_case("snippet-when-escape", _catalog(), "snippets",
                 phrases="sentences:\n  kwaad:\n    - when: \"''.__class__\"\n      all: x\n"),
]


results = matrix_fixture(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_hostile_template(results, case: Case) -> None:  # type: ignore[no-untyped-def]
    check(results, case)


def test_the_plain_set_works(tmp_path: Path) -> None:
    """The set every case breaks makes its letter when nothing is broken (no case passes
    because the set itself is wrong)."""
    from tests.hostile import launch

    args = generate_with(_letter("{{ note|join(' ') }} {{ phrase.goed }}"),
                         phrases="sentences:\n  goed:\n    - all: Een goede zin.\n")(tmp_path)
    run = launch(args, tmp_path)
    assert run.code == 0, run.output
    from tests.hostile import docs_text

    assert "Een goede zin." in docs_text(tmp_path / "uit")
