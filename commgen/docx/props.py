"""Document properties written by commgen after rendering, never taken from a template.

Word shows these in File > Info and sends them along with every copy; they say which school
and which template produced a document, and nothing about any person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from typing import Any

from commgen import __version__
from commgen.docx.ooxml import (
    APP_NS,
    CP,
    CT_CUSTOM,
    CUSTOM,
    CUSTOM_FMTID,
    CUSTOM_NS,
    DC,
    REL_CUSTOM,
    VT,
    VT_NS,
)

MAX_CORE_PROPERTY = 255  # characters a core property (title, author) may hold


@dataclass
class DocProperties:
    title: str
    subject: str
    author: str  # the school, never a person
    language: str
    identifier: str
    version: str
    created: dt.datetime
    custom: dict[str, str] = field(default_factory=dict)


def set_properties(doc: Any, props: DocProperties) -> None:
    core = doc.core_properties
    element = core._element
    for child in list(element):
        element.remove(child)
    created = props.created.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    core.title = props.title
    core.subject = props.subject
    core.author = props.author
    core.last_modified_by = props.author
    core.language = props.language
    core.identifier = props.identifier
    core.version = props.version
    core.revision = 1
    core.created = created
    core.modified = created
    _set_app_properties(doc, props.author)
    _set_custom_properties(doc, props.custom)


def _set_app_properties(doc: Any, company: str) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{APP_NS}" xmlns:vt="{VT_NS}">'
        f"<Application>commgen {escape(__version__)}</Application>"
        f"<Company>{escape(company)}</Company></Properties>"
    ).encode()
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = xml


def _set_custom_properties(doc: Any, custom: dict[str, str]) -> None:
    from docx.opc.packuri import PackURI  # python-docx only where a document is written:
    from docx.opc.part import Part  # reading properties (commgen check) does without it

    package = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == REL_CUSTOM:
            package.rels.pop(rId)
    if not custom:
        return
    items = "".join(
        f'<property fmtid="{CUSTOM_FMTID}" '
        f'pid="{pid}" name="{escape(name)}"><vt:lpwstr>{escape(value)}'
        "</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(custom.items()), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>'
    ).encode()
    part = Part(PackURI("/docProps/custom.xml"), CT_CUSTOM, xml, package)
    package.relate_to(part, REL_CUSTOM)


def add_custom_property(data: bytes, name: str, value: str) -> bytes:
    """Add one custom property to a saved .docx (used to record accepted check findings)."""
    import io
    import zipfile

    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(data))
    if "docProps/custom.xml" not in source.namelist():
        raise ValueError("the document has no custom properties part")
    root = etree.fromstring(source.read("docProps/custom.xml"))
    pids = [int(p.get("pid", "1")) for p in root]
    prop = etree.SubElement(root, CUSTOM + "property", fmtid=CUSTOM_FMTID,
                            pid=str(max(pids, default=1) + 1), name=name)
    etree.SubElement(prop, VT + "lpwstr").text = value
    custom = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = custom if item.filename == "docProps/custom.xml" else source.read(item)
            target.writestr(item, content)
    return out.getvalue()


CORE_PEOPLE = ("creator", "lastModifiedBy")


def read_core_people(data: bytes) -> dict[str, str]:
    """The people fields of a saved .docx's core properties: ``creator`` (Word's author) and
    ``lastModifiedBy``, stripped; a field that is absent or empty is left out."""
    root = _property_part(data, "docProps/core.xml")
    if root is None:
        return {}
    found: dict[str, str] = {}
    for name, tag in zip(CORE_PEOPLE, (DC + "creator", CP + "lastModifiedBy"), strict=True):
        element = root.find(tag)
        value = (element.text or "").strip() if element is not None else ""
        if value:
            found[name] = value
    return found


def read_custom_properties(data: bytes) -> dict[str, str]:
    """The custom properties of a saved .docx with a text value, by name ({} if none)."""
    root = _property_part(data, "docProps/custom.xml")
    if root is None:
        return {}
    found: dict[str, str] = {}
    for prop in root.iterfind(CUSTOM + "property"):
        value = prop.find(VT + "lpwstr")
        if prop.get("name") and value is not None:
            found[prop.get("name", "")] = value.text or ""
    return found


def custom_properties_if_readable(data: bytes) -> dict[str, str]:
    """The custom properties of what may be a .docx ({} when it is no Word package that can
    be read): for a file that only accompanies the one being read."""
    import zipfile

    from lxml import etree

    try:
        return read_custom_properties(data)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError):
        return {}


def _property_part(data: bytes, name: str) -> Any:
    """The parsed XML of one properties part of a saved .docx, or None if it has none."""
    import io
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if name not in archive.namelist():
            return None
        xml = archive.read(name)
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
