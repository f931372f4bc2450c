"""CHANGELOG.md in Keep a Changelog form: releases, sections, and entries naming metrics.

A definition change is logged as a bullet naming the metric and its version,
`revenue@2` (also accepted: `revenue v2`, `revenue version 2`), under a release
heading (`## [Unreleased]` or `## [1.2.0] - 2026-11-30`) and a section
(`### Added`, `Changed`, `Deprecated`, `Removed`, `Fixed`, `Security`).

>>> log = parse_changelog("## [Unreleased]\\n### Fixed\\n- revenue@1: refunds of test orders no longer count.\\n")
>>> entry = log.entry_for("revenue", 1)
>>> (entry.release, entry.section, entry.line)
('Unreleased', 'Fixed', 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTIONS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
_RELEASE = re.compile(r"^##\s+\[?([^\]\s]+)\]?(?:\s*-\s*(\S+))?")
_SECTION = re.compile(r"^###\s+(\w+)")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)")


@dataclass(frozen=True)
class ChangelogEntry:
    release: str  # "Unreleased" or a version
    section: str  # Added, Changed, Fixed, ...
    text: str
    line: int

    def names(self, metric: str, version: int) -> bool:
        pattern = rf"(?<![\w@]){re.escape(metric)}\s*(?:@v?|\s+v|\s+version\s+){version}(?!\d)"
        return re.search(pattern, self.text, flags=re.IGNORECASE) is not None


@dataclass(frozen=True)
class Changelog:
    entries: tuple[ChangelogEntry, ...] = ()
    exists: bool = True

    def entries_for(self, metric: str, version: int) -> list[ChangelogEntry]:
        return [e for e in self.entries if e.names(metric, version)]

    def entry_for(self, metric: str, version: int, sections: tuple[str, ...] = SECTIONS) -> ChangelogEntry | None:
        """The first (newest) entry naming `metric@version` in one of `sections`."""
        for entry in self.entries_for(metric, version):
            if entry.section in sections:
                return entry
        return None


def parse_changelog(text: str | None) -> Changelog:
    """Entries of a Keep a Changelog document (None: there is no changelog file)."""
    if text is None:
        return Changelog(exists=False)
    entries: list[ChangelogEntry] = []
    release, section = "", ""
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current and release and section:
            entries.append(ChangelogEntry(release, section, " ".join(current), start))

    for number, line in enumerate(text.splitlines(), start=1):
        heading = _RELEASE.match(line) if line.startswith("## ") else None
        sub = _SECTION.match(line)
        bullet = _BULLET.match(line)
        if heading:
            flush()
            current, release, section = [], heading.group(1), ""
        elif sub:
            flush()
            current, section = [], sub.group(1).capitalize()
        elif bullet and not line.startswith("  " * 2):
            flush()
            current, start = [bullet.group(1).strip()], number
        elif current and line.strip():
            current.append(line.strip())  # a bullet continued on the next line
        else:
            flush()
            current = []
    flush()
    return Changelog(tuple(entries))


HEADER = "# Changelog\n\nAll notable changes to this project are documented here, in the\n[Keep a Changelog](https://keepachangelog.com/en/1.1.0/) form.\n"


def add_unreleased_entry(text: str | None, section: str, bullet: str) -> str:
    """`text` with `- bullet` as the first entry of `section` under `## [Unreleased]` (both made if missing)."""
    lines = (text or HEADER).splitlines()
    unreleased = next((i for i, line in enumerate(lines) if _RELEASE.match(line) and "unreleased" in line.lower()), None)
    if unreleased is None:
        first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
        lines[first:first] = ["## [Unreleased]", ""]
        unreleased = first
    end = next((i for i in range(unreleased + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    heading = next((i for i in range(unreleased + 1, end) if (m := _SECTION.match(lines[i])) and m.group(1).capitalize() == section), None)
    if heading is None:
        lines[unreleased + 1:unreleased + 1] = ["", f"### {section}"]
        heading = unreleased + 2
    lines.insert(heading + 1, f"- {bullet}")
    return "\n".join(lines) + "\n"
