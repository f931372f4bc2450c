"""Every error `semantic` raises on purpose, in one small hierarchy.

Each class also subclasses the built-in exception it resembles, so callers that
only know Python's own exceptions still catch them. Each carries the exit code
the CLI uses for it:

- 2: usage or configuration error (bad metrics.toml, unknown metric, bad URL);
- 3: runtime failure (unreachable warehouse, failed statement, missing table).

>>> suggest("revnue", ["revenue", "orders", "aov"])
'revenue'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


# Longest user input echoed in a message; anything longer is cut (a pasted file, a fuzzer).
ECHO_LIMIT = 80


def shown(name: str) -> str:
    """`name` as quoted in a message: cut to ECHO_LIMIT characters, saying how long it was."""
    if len(name) <= ECHO_LIMIT:
        return repr(name)
    return f"{name[: ECHO_LIMIT - 1]!r}… ({len(name):,} characters)"


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate nearest to `name`, or None when nothing is close."""
    if len(name) > 4 * ECHO_LIMIT:
        return None  # nothing is close to a name that long, and comparing costs time
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """A ' Did you mean X?' suffix, or '' when nothing is close."""
    nearest = suggest(name, candidates)
    return f" Did you mean {nearest!r}?" if nearest else ""


class SemanticError(Exception):
    """Base of every deliberate error; `exit_code` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class ConfigError(SemanticError, ValueError):
    """metrics.toml (or an override) is malformed or invalid.

    `path` and `line` point at the offending place when known.
    """

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, hint: str | None = None
    ) -> None:
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}", hint=hint)
        self.path = path
        self.line = line


class UnknownNameError(SemanticError, KeyError):
    """A metric, dimension, knob or shop that does not exist."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        known = sorted(set(known))
        message = f"unknown {kind} {shown(name)}.{did_you_mean(name, known)} Known {kind}s: {', '.join(known)}."
        super().__init__(message)
        self.kind = kind
        self.name = name
        self.known = known

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return self.message


class QueryError(SemanticError, ValueError):
    """A query that cannot be answered as asked (e.g. money across currencies)."""


class DefinitionError(SemanticError, TypeError):
    """A metric definition in Python that is inconsistent (a bug in a definition)."""


class WarehouseError(SemanticError, RuntimeError):
    """The warehouse could not be reached or a statement failed."""

    exit_code = 3


class NothingToRollBack(SemanticError, ValueError):
    """`semantic backfill rollback` of a backfill that changed nothing (it never swapped) or was already undone (exit 2)."""


class DataRefused(SemanticError, ValueError):
    """Blocking data checks failed on rows about to be written (`semantic load`): nothing was written."""

    exit_code = 1


class ContractError(SemanticError, LookupError):
    """A table or column of the source contract is missing from the warehouse."""

    exit_code = 3


class UrlError(SemanticError, ValueError):
    """A warehouse URL in a form we do not accept."""


class OutputError(SemanticError, OSError):
    """A file or folder we were asked to write cannot be written: exit 3 when the
    system refuses (permissions, read-only or full disk), 2 when the path itself
    is wrong (a folder given for a file, a file for a folder)."""

    exit_code = 3

    def __init__(self, message: str, *, hint: str | None = None, exit_code: int | None = None) -> None:
        super().__init__(message, hint=hint)
        if exit_code is not None:
            self.exit_code = exit_code


class GovernanceError(SemanticError, ValueError):
    """A governance command cannot run as asked: an unknown git revision, a revision
    without metrics.toml, a definition that fails to load at one revision (exit 2)."""


class RemoteError(SemanticError, RuntimeError):
    """A service we call (GitHub's API, a chat webhook) could not be reached or refused the request."""

    exit_code = 3
