"""The house style of phone numbers in documents (``telefoonnummers.yaml``), read and checked
with file, line and key; without the file, numbers keep phonenumbers' national form."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from commgen.foundation.errors import Problem
from commgen.foundation.formatting import PHONE_KINDS, format_phone
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping

PHONE_FILE = "telefoonnummers.yaml"


@dataclass(frozen=True)
class PhoneStyle:
    separator: str = " "
    groups: dict[str, dict[int, list[int]]] = field(default_factory=dict)

    def format(self, text: str) -> str:
        return format_phone(text, self.separator, self.groups) if text else text


def load_phone_style(folder: Path, problems: list[Problem]) -> PhoneStyle:
    path = folder / PHONE_FILE
    if not path.is_file():
        return PhoneStyle()
    data, found = load_mapping(path)
    problems.extend(found)
    separator = data.get("scheiding", " ")
    if separator not in (" ", "-"):
        problems.append(Problem(_("write the separator as \" \" or \"-\""), path,
                                data.line_of("scheiding"), "scheiding"))
        separator = " "
    groups: dict[str, dict[int, list[int]]] = {}
    section = data.get("groepen") or LineDict()
    if not isinstance(section, LineDict):
        problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                data.line_of("groepen"), "groepen"))
        return PhoneStyle(separator)
    for kind, by_length in section.items():
        label = f"groepen.{kind}"
        if kind not in PHONE_KINDS or not isinstance(by_length, LineDict):
            problems.append(Problem(_("give groups per kind of number: {kinds}").format(
                kinds=", ".join(PHONE_KINDS)), path, section.line_of(kind), label))
            continue
        groups[str(kind)] = {}
        for length, sizes in by_length.items():
            ok = (isinstance(length, int) and isinstance(sizes, list)
                  and all(isinstance(s, int) and s > 0 for s in sizes) and sum(sizes) == length)
            if not ok:
                problems.append(Problem(_("the groups must add up to the number of digits, for "
                                          "example 7: [3, 2, 2]"), path,
                                        by_length.line_of(length), f"{label}.{length}"))
                continue
            groups[str(kind)][length] = list(sizes)
    return PhoneStyle(separator, groups)
