"""The SQL of a materialization statement, compiled once per project and kept across runs.

A backfill's recompute (semantic.materialized.scoped_daily_rows) names no date,
shop or run: its text depends only on the project and the metrics. Building it
and compiling it takes over a second (the attribution facts are a large tree),
much more than running it on a week of one shop, so `StatementCache.sql` keeps
the text under a key covering what it can depend on, as the query cache does
(semantic.compile_cache, whose digests and folder it shares): the `semantic`
package's files, the project's module files, the whole configuration, and the
statement's own parts (its name, the metrics and their fingerprints, the scope
tables, the dialect). A hit skips building the expression too.
`SEMANTIC_NO_CACHE=1` turns it off; an unreadable or unwritable cache only costs time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from semantic.atomic_files import write_atomically
from semantic.compile_cache import _digest, cache_dir, project_key

if TYPE_CHECKING:
    from semantic.project import Project

RECIPE = "statement-1"  # bump when an entry's shape changes
_MEMORY: dict[str, str] = {}
MEMORY_ENTRIES = 64


@dataclass(frozen=True)
class StatementCache:
    """Compiled statements of one project; `project_key` None: nothing is cached (each call compiles)."""

    project_key: str | None = None

    @classmethod
    def for_project(cls, project: Project) -> StatementCache:
        return cls(project_key(project, recipe=RECIPE))

    def key(self, parts: Mapping[str, object]) -> str | None:
        if self.project_key is None:
            return None
        return _digest(json.dumps({"project": self.project_key, **parts}, sort_keys=True, default=str))

    def sql(self, parts: Mapping[str, object], compile_text: Callable[[], str]) -> str:
        """The statement's SQL: cached under (project, parts), else `compile_text()` (then cached)."""
        key = self.key(parts)
        if key is None:
            return compile_text()
        found = _MEMORY.get(key) or _read(key)
        if found is None:
            found = compile_text()
            _write(key, found)
        if len(_MEMORY) >= MEMORY_ENTRIES:
            _MEMORY.pop(next(iter(_MEMORY)))
        _MEMORY[key] = found
        return found


def _path(key: str):
    return cache_dir() / key[:2] / f"{key}.statement.json"


def _read(key: str) -> str | None:
    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
        return data["sql"] if isinstance(data.get("sql"), str) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(key: str, text: str) -> None:
    try:
        write_atomically(_path(key), json.dumps({"sql": text}))
    except OSError:
        pass  # a cache that cannot be written only costs time
