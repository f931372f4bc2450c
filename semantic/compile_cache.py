"""Compile a query once: the SQL of (project, query, dialect), cached in memory and on disk.

Building an attribution query and compiling it takes seconds (Ibis renders a
large tree; sqlglot re-reads it), so `semantic query` and `semantic compile`
compile through `compiled_query`, which keeps the result under a key that covers
everything the SQL can depend on, like the governance compile cache
(governance/fingerprint.py): the source and data files of the `semantic`
package, the project's own module files (and the Python files beside them), the
whole configuration, the query (metrics, dimensions, shops, dates, options), the
dialect, the day (deprecation warnings name sunset dates), and the Ibis and
sqlglot versions. `SEMANTIC_NO_CACHE=1` turns it off; `SEMANTIC_CACHE_DIR` moves
it (entries live in its `compile/` folder). An unreadable or unwritable cache only
costs time.

A `CompiledQuery` carries what running needs without the Ibis expression: the
SQL, the result's schema (as Ibis types and as Arrow's serialized schema), the
contract tables, the currency check's SQL, the output columns and the warnings.
A query found in the cache is answered without importing Ibis or building the
catalog's expressions: the key needs only the files, the configuration and the
question.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from semantic.atomic_files import write_atomically
from semantic.config import check_dialect
from semantic.layer_texts import LayerTexts, using
from semantic.query_spec import OutputColumn, QuerySpec

if TYPE_CHECKING:
    import pyarrow as pa

    from semantic.project import Project

NO_CACHE_ENV = "SEMANTIC_NO_CACHE"
CACHE_ENV = "SEMANTIC_CACHE_DIR"
RECIPE = "compiled-query-2"  # bump when CompiledQuery's shape changes
DIGESTED_SUFFIXES = {".py", ".toml", ".json"}
_MEMORY: dict[str, CompiledQuery] = {}
MEMORY_ENTRIES = 256


@dataclass(frozen=True)
class CompiledQuery:
    """A built query as SQL text, with everything running it needs."""

    dialect: str
    sql: str
    schema: tuple[tuple[str, str], ...]  # (column, Ibis type)
    columns: tuple[OutputColumn, ...]
    tables: tuple[str, ...]
    currency_sql: str | None
    currency_schema: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    spec: QuerySpec
    # The schemas as Arrow IPC bytes in base64 (running needs Arrow's types, not Ibis's).
    arrow_schema: str = ""
    currency_arrow_schema: str = ""

    def result_schema(self) -> pa.Schema:
        """The result's Arrow schema."""
        return _arrow(self.arrow_schema, self.schema)

    def currency_result_schema(self) -> pa.Schema:
        """The currency check's Arrow schema."""
        return _arrow(self.currency_arrow_schema, self.currency_schema)

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("spec")
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], spec: QuerySpec) -> CompiledQuery:
        return cls(
            dialect=data["dialect"], sql=data["sql"], schema=tuple(tuple(c) for c in data["schema"]),
            columns=tuple(OutputColumn(**c) for c in data["columns"]), tables=tuple(data["tables"]),
            currency_sql=data["currency_sql"], currency_schema=tuple(tuple(c) for c in data["currency_schema"]),
            warnings=tuple(data["warnings"]), spec=spec,
            arrow_schema=data.get("arrow_schema", ""), currency_arrow_schema=data.get("currency_arrow_schema", ""),
        )


def _arrow(serialized: str, schema: tuple[tuple[str, str], ...]) -> pa.Schema:
    """An Arrow schema from its serialized form, else (an entry made without it) from the Ibis types."""
    import pyarrow as pa

    if serialized:
        return pa.ipc.read_schema(pa.py_buffer(base64.b64decode(serialized)))
    import ibis

    return ibis.schema(list(schema)).to_pyarrow()


def _serialized(schema) -> str:
    """An Ibis schema as Arrow IPC bytes in base64."""
    return base64.b64encode(schema.to_pyarrow().serialize().to_pybytes()).decode("ascii")


def compile_built(built, dialect: str) -> CompiledQuery:
    """A BuiltQuery compiled for `dialect` (no cache)."""
    from semantic.compiler import compile_sql

    schema = built.expr.schema()
    check = built.currency_check
    currency = compile_sql(check, dialect) if check is not None else None
    currency_schema = tuple((n, str(t)) for n, t in check.schema().items()) if check is not None else ()
    return CompiledQuery(
        arrow_schema=_serialized(schema), currency_arrow_schema=_serialized(check.schema()) if check is not None else "",
        dialect=dialect, sql=compile_sql(built.expr, dialect),
        schema=tuple((name, str(dtype)) for name, dtype in schema.items()),
        columns=built.columns, tables=built.tables, currency_sql=currency, currency_schema=currency_schema, warnings=built.warnings, spec=built.spec,
    )


def compiled_query(project: Project, spec: QuerySpec, dialect: str, today: dt.date | None = None) -> CompiledQuery:
    """The compiled query, from the cache when the same project asked the same question before."""
    check_dialect(dialect)
    today = today or dt.date.today()
    key = query_key(project, spec, dialect, today)
    if key is not None:
        found = _MEMORY.get(key) or _read(key, spec)
        if found is not None:
            _remember(key, found)
            return found
    from semantic.query import build_query  # Ibis: only when the question is new

    with using(layer_texts(project, spec)):
        compiled = compile_built(build_query(project.catalog, project.config, spec, today=today), dialect)
    if key is not None:
        _remember(key, compiled)
        _write(key, compiled)
    return compiled


# -- the key -------------------------------------------------------------------------


def _digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


@functools.lru_cache(maxsize=4096)
def _file_digest_at(path: str, mtime_ns: int, size: int) -> str:
    try:
        return _digest(Path(path).read_bytes())
    except OSError:
        return "missing"


def _file_digest(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    return _file_digest_at(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def package_digest() -> str:
    """Every source and data file of the `semantic` model package, with the Ibis and sqlglot versions."""
    from importlib.metadata import version

    import semantic

    # The installed distributions' versions: importing Ibis to ask costs more than the whole cached answer.
    parts = [RECIPE, version("ibis-framework"), version("sqlglot")]
    for directory in sorted(str(Path(p).resolve()) for p in semantic.__path__):
        for path in sorted(p for p in Path(directory).rglob("*") if p.suffix in DIGESTED_SUFFIXES and p.is_file()):
            parts.append(f"{path.relative_to(directory)}:{_file_digest(path)}")
    return _digest("\n".join(parts))


def _module_files(project: Project) -> list[str]:
    """The project's module files and the Python files beside them (helpers they may import)."""
    files: set[Path] = set()
    for relative in project.config.project.modules:
        path = (project.root / relative).resolve()
        files.add(path)
        if path.parent.is_dir():
            files |= set(path.parent.glob("*.py"))
    return [f"{path}:{_file_digest(path)}" for path in sorted(files)]


def project_key(project: Project, **parts: object) -> str | None:
    """A digest of what a project's compiled SQL can depend on (the `semantic` package's files, the
    project's module files, the whole configuration) and `parts`; None when caching is off."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    payload = {
        "package": package_digest(),
        "modules": _module_files(project),
        "config": project.config.model_dump(mode="json"),
        **parts,
    }
    return _digest(json.dumps(payload, sort_keys=True, default=str))


def query_key(project: Project, spec: QuerySpec, dialect: str, today: dt.date) -> str | None:
    """Everything the compiled SQL of `spec` can depend on, hashed; None when caching is off."""
    return project_key(project, spec=repr(spec), dialect=dialect, today=today.isoformat())


def layer_texts(project: Project, spec: QuerySpec) -> LayerTexts | None:
    """Where the layers of `spec`'s compile keep their text: a namespace of what layers are built from.

    A fact's build sees the configuration, the options and the split (`Scope.by`),
    never the metrics, shops or dates: roas and attributed_revenue by month and
    shop share their layers' text.
    """
    namespace = project_key(project, options=repr(spec.options), by=list(spec.by))
    return None if namespace is None else LayerTexts(cache_dir() / "layers", namespace)


# -- the store -------------------------------------------------------------------------


def _remember(key: str, compiled: CompiledQuery) -> None:
    if len(_MEMORY) >= MEMORY_ENTRIES:
        _MEMORY.pop(next(iter(_MEMORY)))
    _MEMORY[key] = compiled


def cache_dir() -> Path:
    """The compile cache's folder (`$SEMANTIC_CACHE_DIR/compile`, else ~/.cache/semantic/compile)."""
    configured = os.environ.get(CACHE_ENV)
    base = Path(configured) if configured else Path.home() / ".cache" / "semantic"
    return base / "compile"


def _read(key: str, spec: QuerySpec) -> CompiledQuery | None:
    try:
        data = json.loads((cache_dir() / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
        return CompiledQuery.from_json(data, spec)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(key: str, compiled: CompiledQuery) -> None:
    try:
        write_atomically(cache_dir() / key[:2] / f"{key}.json", json.dumps(compiled.as_json()))
    except OSError:
        pass  # a cache that cannot be written only costs time
