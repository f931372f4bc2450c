"""Findings of `semantic check` and `semantic diff`, at three levels as dbt reports them.

- error: blocks (exit 1);
- future-error: passes today, becomes an error on `effective` (a date);
- warning: reported, never blocks.

>>> f = Finding(Level.ERROR, "owner", "revenue has no owner", file="metrics.toml", line=3, object="revenue")
>>> summary([f])
'ERRORS: 1, FUTURE_ERRORS: 0, WARNINGS: 0'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


class Level(str, enum.Enum):
    ERROR = "error"
    FUTURE_ERROR = "future-error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem: what, where (file, line) and which object (a metric ref or section)."""

    level: Level
    code: str  # a short stable name: owner, fingerprint, approvals, changelog, ...
    message: str
    file: str | None = None
    line: int | None = None
    object: str | None = None
    effective: dt.date | None = None  # future errors: the day they become errors

    def as_json(self) -> dict[str, Any]:
        return {
            "level": self.level.value,
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "object": self.object,
            "effective": self.effective.isoformat() if self.effective else None,
        }


def counts(findings: Iterable[Finding]) -> dict[Level, int]:
    tally = {level: 0 for level in Level}
    for finding in findings:
        tally[finding.level] += 1
    return tally


def summary(findings: Iterable[Finding]) -> str:
    """The one closing line counting each level."""
    tally = counts(findings)
    return f"ERRORS: {tally[Level.ERROR]}, FUTURE_ERRORS: {tally[Level.FUTURE_ERROR]}, WARNINGS: {tally[Level.WARNING]}"


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.level is Level.ERROR for f in findings)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by file, line and object, so output is deterministic."""
    rank = {Level.ERROR: 0, Level.FUTURE_ERROR: 1, Level.WARNING: 2}
    return sorted(findings, key=lambda f: (rank[f.level], f.file or "", f.line or 0, f.object or "", f.code, f.message))
