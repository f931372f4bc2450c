"""Fingerprints: a short hash of a metric's definition as compiled.

fingerprint = sha256 of the canonical SQL of the metric (by day and shop, in the
reference dialect, with columns nobody reads pruned; formatting- and
comment-insensitive) together with every knob group it reads, through its Ratio
dependencies. So a knob changed in
metrics.toml, or a changed Python expression, changes it; reformatting
metrics.toml or the Python code does not.

Compiling is the expensive part (about 60 ms per metric and dialect), so compiled
results are cached on disk under a key that covers everything the SQL can depend
on: the source of the `semantic` package, the files defining the metric and its
dependencies, the knobs and source mapping, and the Ibis and sqlglot versions.
`SEMANTIC_NO_CACHE=1` turns the cache off; `SEMANTIC_CACHE_DIR` moves it.

>>> fingerprint_of("SELECT 1", {"revenue": {"include_taxes": True}})
'sha256:aadb064d23c29fe7'
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from semantic.atomic_files import write_atomically
from semantic.metrics import Metric
from semantic.project import Project

CACHE_ENV = "SEMANTIC_CACHE_DIR"
NO_CACHE_ENV = "SEMANTIC_NO_CACHE"
# Files of the package whose content can change compiled SQL.
DIGESTED_SUFFIXES = (".py", ".toml", ".json", ".csv")
# Bump when the record layout or the fingerprint recipe changes.
RECIPE = "fingerprint-v6"


def _digest(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def fingerprint_of(canonical_sql: str, knobs: dict[str, Any]) -> str:
    """The fingerprint of a canonical SQL text and the knob values it was built with."""
    payload = json.dumps({"sql": canonical_sql, "knobs": knobs}, sort_keys=True, separators=(",", ":"))
    return "sha256:" + _digest(payload)[:16]


def knobs_of(project: Project, ref: str) -> dict[str, Any]:
    """Every knob group `ref` reads, through its dependencies, as plain JSON values."""
    groups: set[str] = set()
    for metric in project.catalog.closure([ref], project.config):
        groups.update(metric.knob_groups)
    return {group: project.config.knob_group(group).model_dump(mode="json") for group in sorted(groups)}


@dataclass(frozen=True)
class CompiledMetric:
    """A metric compiled for governance: its fingerprint, readable SQL and dialect errors."""

    ref: str
    fingerprint: str | None  # None when it does not compile in the reference dialect
    sql: str  # pretty SQL in the reference dialect ('' when it does not compile)
    knobs: dict[str, Any]
    # dialect -> error message, for each dialect of `[project] dialects` it fails to compile to
    errors: dict[str, str]
    # The metric's own definition (its inputs by name only) and its inputs' fingerprints
    # (governance/records.py): a ratio whose own part is unchanged only follows its inputs.
    own_fingerprint: str | None = None
    inputs_fingerprint: str | None = None

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def compile_for_governance(project: Project, ref: str, dialects: Iterable[str]) -> CompiledMetric:
    """Compile `ref` (cached): fingerprint and pretty SQL in the reference dialect, errors per dialect."""
    dialects = tuple(dict.fromkeys(dialects))
    key = cache_key(project, ref, dialects)
    cached = _cache_read(key) if key else None
    if cached is not None:
        return CompiledMetric(**cached)
    record = _compile(project, ref, dialects)
    if key:
        _cache_write(key, record.as_json())
    return record


# Below this many cache misses, forking workers costs more than it saves.
PARALLEL_MIN_MISSES = 8
_FORKED_PROJECT: Project | None = None


def precompile(project: Project, refs: Iterable[str], dialects: Iterable[str]) -> dict[str, CompiledMetric]:
    """Compile many metrics at once: cache misses are compiled in forked worker processes.

    Compiling is CPU-bound Python (Ibis, then sqlglot), so a cold `semantic check`
    of hundreds of metrics scales with the cores available.
    """
    global _FORKED_PROJECT
    import multiprocessing

    dialects = tuple(dict.fromkeys(dialects))
    refs = list(dict.fromkeys(refs))
    keys = {ref: cache_key(project, ref, dialects) for ref in refs}
    misses = [ref for ref in refs if keys[ref] and _cache_read(keys[ref]) is None]
    workers = min(os.cpu_count() or 1, len(misses))
    if len(misses) >= PARALLEL_MIN_MISSES and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        _FORKED_PROJECT = project
        try:
            # Workers inherit the loaded project (fork), compile, and write the cache.
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                pool.starmap(_compile_in_worker, [(ref, dialects) for ref in misses], chunksize=1)
        except Exception:  # noqa: BLE001 - fall back to compiling here, one by one
            pass
        finally:
            _FORKED_PROJECT = None
    return {ref: compile_for_governance(project, ref, dialects) for ref in refs}


def _compile_in_worker(ref: str, dialects: tuple[str, ...]) -> None:
    compile_for_governance(_FORKED_PROJECT, ref, dialects)


def _compile(project: Project, ref: str, dialects: tuple[str, ...]) -> CompiledMetric:
    from semantic.api import metric_query
    from semantic.compiler import REFERENCE_DIALECT, canonical_sql, compile_sql

    knobs = knobs_of(project, ref)
    errors: dict[str, str] = {}
    try:
        expr = metric_query(project, ref).expr
    except Exception as exc:  # noqa: BLE001 - a definition that does not build is a finding
        message = f"{type(exc).__name__}: {exc}"
        return CompiledMetric(ref, None, "", knobs, {d: message for d in (REFERENCE_DIALECT, *dialects)})
    sql, fingerprint = "", None
    for dialect in (REFERENCE_DIALECT, *[d for d in dialects if d != REFERENCE_DIALECT]):
        try:
            text = compile_sql(expr, dialect)
        except Exception as exc:  # noqa: BLE001
            errors[dialect] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            continue
        if dialect == REFERENCE_DIALECT:
            # `revenue@1` is output as revenue_v1 and `revenue` as revenue: one definition, one SQL.
            name = ref.partition("@")[0]
            sql = re.sub(rf'AS "{re.escape(name)}_v\d+"', f'AS "{name}"', pruned_sql(text, project))
            fingerprint = fingerprint_of(canonical_sql(sql, dialect), knobs)
    if REFERENCE_DIALECT not in dialects:
        errors = {d: e for d, e in errors.items() if d != REFERENCE_DIALECT or fingerprint is None}
    own, inputs = _own_and_inputs(project, ref, fingerprint, dialects)
    return CompiledMetric(ref, fingerprint, sql, knobs, errors, own, inputs)


def _own_and_inputs(project: Project, ref: str, fingerprint: str | None, dialects: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(own fingerprint, inputs fingerprint) of `ref`; see governance/records.py."""
    metric = project.catalog.resolve(ref, project.config)
    dependencies = metric.dependencies()
    if not dependencies:
        return fingerprint, None
    inputs = []
    for name in dependencies:
        dependency = project.catalog.resolve(name, project.config)
        inputs.append((dependency.ref, compile_for_governance(project, dependency.ref, dialects).fingerprint))
    own_knobs = {group: project.config.knob_group(group).model_dump(mode="json") for group in sorted(metric.knob_groups)}
    own = {"metric": _describe(metric), "code": sorted(_code_digests(metric)), "knobs": own_knobs}
    return "sha256:" + _digest(json.dumps(own, sort_keys=True, default=str))[:16], "sha256:" + _digest(json.dumps(inputs))[:16]


def _code_digest(code: Any) -> str:
    """A digest of a code object that is the same in every process (nested code included)."""
    consts = [_code_digest(c) if hasattr(c, "co_code") else repr(c) for c in code.co_consts]
    return _digest(repr((code.co_code, consts, code.co_names)))


def _code_digests(value: Any, seen: set[int] | None = None) -> set[str]:
    """Digests of the code of every function inside a definition (bytecode, constants, names)."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return set()
    seen.add(id(value))
    code = getattr(value, "__code__", None)
    if code is not None:
        return {_code_digest(code)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(_code_digests(getattr(value, f.name), seen) for f in dataclasses.fields(value)))
    if isinstance(value, (tuple, list)):
        return set().union(*(_code_digests(v, seen) for v in value)) if value else set()
    return set()


def _physical_schema(project: Project) -> dict[str, Any]:
    """The contract tables under their physical names, for sqlglot to expand `SELECT *`."""
    from semantic.contract import CONTRACT
    from semantic.sources import Sources

    sources = Sources.from_config(project.config)
    schema: dict[str, Any] = {}
    for logical in CONTRACT:
        physical = sources.physical(logical)
        node = schema
        for part in (p for p in (physical.catalog, physical.database) if p):
            node = node.setdefault(part, {})
        node[physical.name] = {column: "VARCHAR" for _, column in physical.columns}
    return schema


def pruned_sql(sql: str, project: Project) -> str:
    """`sql` (reference dialect) without the columns no outer query reads, pretty-printed.

    Ibis keeps every column a fact computes (an order's revenue travels along
    when counting orders), so without pruning a revenue knob would change the
    fingerprint of `orders`. Falls back to `sql` when sqlglot cannot qualify it.
    """
    import sqlglot
    from sqlglot.optimizer.pushdown_projections import pushdown_projections
    from sqlglot.optimizer.qualify import qualify

    from semantic.compiler import REFERENCE_DIALECT, SQLGLOT_DIALECTS

    dialect = SQLGLOT_DIALECTS[REFERENCE_DIALECT]
    try:
        tree = qualify(sqlglot.parse_one(sql, read=dialect), schema=_physical_schema(project), dialect=dialect, validate_qualify_columns=False)
        sql = _renumber_aliases(pushdown_projections(tree)).sql(dialect=dialect, pretty=True)
    except Exception:  # noqa: BLE001 - pruning is an improvement, never a requirement
        pass
    # The query builder names internal columns m__revenue__v1; the version number is
    # metadata, so `revenue@2` with revenue@1's expression has revenue@1's SQL.
    return re.sub(r'"m__(\w+?)__v\d+"', r'"m__\1"', sql)


def _renumber_aliases(tree: Any) -> Any:
    """Table aliases renamed t0, t1, ... in order of appearance.

    Ibis numbers aliases in the order it walks its graph, so an unrelated change
    elsewhere in a fact can swap `t11` and `t12` without changing the query.
    """
    import sqlglot.expressions as sge

    mapping: dict[str, str] = {}
    for node in tree.find_all(sge.TableAlias):
        if node.name and node.name not in mapping:
            mapping[node.name] = f"t{len(mapping)}"

    def rename(node: Any) -> Any:
        if isinstance(node, sge.TableAlias) and node.name in mapping:
            node.set("this", sge.to_identifier(mapping[node.name]))
        elif isinstance(node, sge.Column) and node.table in mapping:
            node.set("table", sge.to_identifier(mapping[node.table]))
        return node

    return tree.transform(rename, copy=False)


# -- the compile cache --------------------------------------------------------


def _file_digest(path: str) -> str:
    try:
        stat = Path(path).stat()
    except OSError:
        return "missing"
    # Memoised on size and mtime: a project module may be edited between two checks in one process.
    return _file_digest_at(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _file_digest_at(path: str, mtime_ns: int, size: int) -> str:
    try:
        return _digest(Path(path).read_bytes())
    except OSError:
        return "missing"


@functools.lru_cache(maxsize=None)
def _package_digest(directories: tuple[str, ...]) -> str:
    """Digest of every source and data file of the `semantic` package (facts, query builder,
    compiler, the referrer and channel tables...)."""
    import ibis
    import sqlglot

    parts = [RECIPE, ibis.__version__, sqlglot.__version__]
    for directory in directories:
        for path in sorted(p for p in Path(directory).rglob("*") if p.suffix in DIGESTED_SUFFIXES and p.is_file()):
            parts.append(f"{path.relative_to(directory)}:{_file_digest(str(path))}")
    return _digest("\n".join(parts))


def _code_names(code: Any) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _code_names(const)
    return names


def _package_directories() -> tuple[str, ...]:
    """The semantic package (facts, query builder, compiler) and this package (pruning)."""
    import semantic

    return tuple(str(Path(str(p)).resolve()) for p in (*semantic.__path__, Path(__file__).parent))


def _function_files(value: Any, seen: set[int] | None = None) -> set[str]:
    """Files holding the code of every function inside a metric definition.

    Follows the globals a function uses (a helper imported from another file),
    so that editing the helper invalidates the cached compile too.
    """
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return set()
    seen.add(id(value))
    code = getattr(value, "__code__", None)
    if code is not None:
        files = {code.co_filename}
        namespace = getattr(value, "__globals__", {})
        for name in _code_names(code):
            used = namespace.get(name)
            if callable(used) and hasattr(used, "__code__"):
                files |= _function_files(used, seen)
            elif getattr(used, "__file__", None) and isinstance(used, type(functools)):
                files.add(used.__file__)
        for cell in getattr(value, "__closure__", None) or ():
            try:
                files |= _function_files(cell.cell_contents, seen)
            except ValueError:
                pass  # an empty cell
        return files
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        files = set()
        for item in dataclasses.fields(value):
            files |= _function_files(getattr(value, item.name), seen)
        return files
    if isinstance(value, (tuple, list)):
        return set().union(*(_function_files(v, seen) for v in value)) if value else set()
    return set()


def _describe(metric: Metric) -> dict[str, Any]:
    description: dict[str, Any] = {"ref": metric.ref, "type": type(metric).__qualname__}
    for item in dataclasses.fields(metric):
        value = getattr(metric, item.name)
        if isinstance(value, (str, int, float, bool, type(None))) and item.name != "description":
            description[item.name] = value
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            description[item.name] = list(value)
    return description


def cache_key(project: Project, ref: str, dialects: tuple[str, ...]) -> str | None:
    """Everything the compiled SQL of `ref` can depend on, hashed; None disables caching."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    try:
        closure = project.catalog.closure([ref], project.config)
    except Exception:  # noqa: BLE001 - not cacheable; compiling reports the problem
        return None
    files = set()
    for metric in closure:
        files |= _function_files(metric)
        module = getattr(type(metric), "__module__", "")
        files.add(getattr(__import__(module, fromlist=["_"]), "__file__", "") or "")
    package = _package_digest(_package_directories())
    config = project.config.model_dump(mode="json", include={"orders", "revenue", "spend", "customers", "sources"})
    # Every other knob group of Config is included too.
    extra = {k: v for k, v in project.config.model_dump(mode="json").items() if k not in {"metrics", "policy", "warehouse", "project"}}
    payload = {
        "ref": ref,
        "package": package,
        "files": sorted(_file_digest(f) for f in files if f),
        "closure": [_describe(m) for m in closure],
        "config": {**extra, **config},
        "dialects": list(dialects),
    }
    return _digest(json.dumps(payload, sort_keys=True, default=str))


def _cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else Path.home() / ".cache" / "semantic" / "governance"


def _cache_read(key: str) -> dict[str, Any] | None:
    path = _cache_dir() / key[:2] / f"{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _cache_write(key: str, record: dict[str, Any]) -> None:
    directory = _cache_dir() / key[:2]
    try:
        # Atomic: a concurrent reader sees the whole record or none.
        write_atomically(directory / f"{key}.json", json.dumps(record))
    except OSError:
        pass  # a cache that cannot be written only costs time


# Digest the package now, as it was imported: a digest taken later could describe
# files edited since, while this process still runs the code it imported.
_package_digest(_package_directories())
