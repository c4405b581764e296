"""A draft's text split into numbered units as Polish resolutions write them ("Rozdział 2", "§ 3.", "1." for
a section (ustęp), "1)" for a point), and the differences between two versions of a unit."""

import difflib
import re
from dataclasses import dataclass

from .choices import UnitLevel

CHAPTER = re.compile(r"^\s*(Rozdział|Rozdz\.)\s+([0-9IVXLC]+[a-z]?)\.?\s*(.*)$", re.IGNORECASE)
PARAGRAPH = re.compile(r"^\s*§\s*(\d+[a-z]?)\.?\s*(.*)$")
SECTION = re.compile(r"^\s*(?:ust\.\s*)?(\d+[a-z]?)\.\s+(.*)$")
POINT = re.compile(r"^\s*(?:pkt\s*)?(\d+[a-z]?)\)\s*(.*)$")


@dataclass
class ParsedUnit:
    number: str
    level: int
    heading: str = ""
    text: str = ""


def split_draft(text: str) -> list[ParsedUnit]:
    """Units in the order they appear; text before the first heading becomes an untitled preamble."""
    units: list[ParsedUnit] = []
    paragraph = section = ""
    current: ParsedUnit | None = None
    awaiting_heading = False
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if m := CHAPTER.match(line):
            current = ParsedUnit(number=f"Rozdział {m.group(2)}", level=UnitLevel.CHAPTER, heading=m.group(3))
            units.append(current)
            paragraph = section = ""
            awaiting_heading = not m.group(3)
            continue
        if awaiting_heading and current is not None and not PARAGRAPH.match(line):
            current.heading, awaiting_heading = line, False
            continue
        awaiting_heading = False
        if m := PARAGRAPH.match(line):
            paragraph, section = m.group(1), ""
            rest = m.group(2)
            if s := SECTION.match(rest):
                section = s.group(1)
                current = ParsedUnit(
                    number=f"§ {paragraph} ust. {section}", level=UnitLevel.SECTION, text=s.group(2)
                )
            else:
                current = ParsedUnit(number=f"§ {paragraph}", level=UnitLevel.PARAGRAPH, text=rest)
            units.append(current)
        elif paragraph and (m := SECTION.match(line)):
            section = m.group(1)
            current = ParsedUnit(
                number=f"§ {paragraph} ust. {section}", level=UnitLevel.SECTION, text=m.group(2)
            )
            units.append(current)
        elif paragraph and (m := POINT.match(line)):
            base = f"§ {paragraph}" + (f" ust. {section}" if section else "")
            current = ParsedUnit(number=f"{base} pkt {m.group(1)}", level=UnitLevel.POINT, text=m.group(2))
            units.append(current)
        elif current is None:
            current = ParsedUnit(number="", level=UnitLevel.PARAGRAPH, text=line)
            units.append(current)
        else:
            current.text = f"{current.text}\n{line}" if current.text else line
    return units


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, words) pieces: op is "same", "removed" or "added"; words compared, not characters."""
    a, b = (old or "").split(), (new or "").split()
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("added", " ".join(b[j1:j2])))
    return pieces
