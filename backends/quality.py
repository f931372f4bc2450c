"""Run a catalog's data checks in a warehouse: count the offending rows, fetch the first few, never pull tables.

`run_checks(warehouse, catalog, config, scope)` is the one entry point (the
CLI's `semantic check --database` and a backfill's audit step both call it):
each selected check's expression is built, narrowed to the scope's shops and
days, counted in the warehouse (one aggregate statement) and, when it finds
anything, sampled (the first `samples` rows, ordered, so runs agree). The SQL
reported is `compile_sql` of the offending-rows expression: run it to see all.

>>> # run = run_checks(warehouse, project.catalog, project.config, CheckScope(shops=("shop_a",)))
>>> # run.exit_code()
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from typing import Protocol, cast
import ibis
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge

from semantic.catalog import Catalog
from semantic.checks import (
    Check, CheckContext, CheckResult, NothingToCheck, CheckRun, CheckScope, metric_tables, runnable_with, select_checks, status_of,
)
from semantic.compiler import SQLGLOT_DIALECTS, to_sqlglot
from semantic.config import Config
from semantic.quality_config import CheckEntry
from semantic.scope import Scope
from semantic.sources import Sources

from semantic.backends.warehouse import Warehouse
from semantic.errors import WarehouseError

DEFAULT_SAMPLES = 5


def _rows(tree: sge.Expression) -> sge.Subquery:
    """`(<the offending-rows statement>) AS offending_rows`, for the count and sample that wrap it."""
    return sge.Subquery(this=tree, alias=sge.TableAlias(this=sge.to_identifier("offending_rows")))


class _RunsStatements(Protocol):
    def _run(self, sql: str) -> None: ...


def run_checks(
    warehouse: Warehouse,
    catalog: Catalog,
    config: Config,
    scope: CheckScope | None = None,
    *,
    now: dt.datetime | None = None,
    samples: int = DEFAULT_SAMPLES,
    store_failures: bool = False,
) -> CheckRun:
    """Run every enabled check `scope` selects; results in catalog order.

    Point `config.sources` at other relations (staged tables of a backfill) to
    check those instead. Raises ContractError (exit 3) when a table a selected
    check reads is missing, WarehouseError when a statement fails.
    """
    scope = scope or CheckScope()
    now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    sources = Sources.from_config(config)
    query_scope = Scope.for_query(catalog, config, sources=sources)
    metrics = {t.partition(":")[2] for t in (*scope.select, *scope.exclude) if t.startswith("metric:")}
    checks = select_checks(dict(catalog.checks), config, scope, {m: metric_tables(catalog, query_scope, m) for m in metrics})
    tables = list(dict.fromkeys(t for c in checks for t in c.tables if scope.present is None or t in scope.present))
    warehouse.check_contract(sources, tables)
    if any(c.name == "freshness" for c in checks) and scope.loaded_at is None:
        from semantic.backends.freshness_query import freshness_queries

        scope = dataclasses.replace(scope, loaded_at=freshness_queries(warehouse, config))
    results: dict[str, CheckResult] = {}
    for check in checks:
        blocked = [name for name in check.requires if name in results and results[name].status == "fail"]
        absent = runnable_with(check, scope.present)
        if absent:
            results[check.name] = _skipped(check, [], f"not run: {', '.join(absent)} {'is' if len(absent) == 1 else 'are'} not in the warehouse")
        elif blocked:
            results[check.name] = _skipped(check, blocked)
        else:
            try:
                results[check.name] = _run_one(warehouse, catalog, check, query_scope, config, scope, now, samples, store_failures)
            except NothingToCheck as nothing:
                results[check.name] = _skipped(check, [], f"not run: {nothing}")
    return CheckRun(tuple(results.values()), now, warehouse.url.redacted)


def offending_rows(
    check: Check, query_scope: Scope, config: Config, scope: CheckScope, now: dt.datetime, catalog: Catalog | None = None
) -> ir.Table:
    """The expression of a check's offending rows, narrowed to the scope (what `--show-sql` prints)."""
    expr = check.build(offending_context(check, query_scope, config, scope, now, catalog))
    if scope.shops and "shop_id" in expr.columns:
        expr = expr.filter(expr.shop_id.isin(list(scope.shops)))
    if "day" in expr.columns:
        if scope.start is not None:
            expr = expr.filter(expr.day >= ibis.literal(scope.start))
        if scope.end is not None:
            expr = expr.filter(expr.day <= ibis.literal(scope.end))
    return expr


def offending_context(
    check: Check, query_scope: Scope, config: Config, scope: CheckScope, now: dt.datetime, catalog: Catalog | None
) -> CheckContext:
    entry = config.checks.get(check.name, CheckEntry())
    return CheckContext(query_scope, entry, now, catalog, scope.start, scope.end, scope.present, scope.loaded_at)


def _notes(warehouse: Warehouse, check: Check, tree: sge.Expression, context: CheckContext) -> tuple[str, ...]:
    if check.note is None or check.note_column is None:
        return ()
    column = sge.column(check.note_column, quoted=True)
    statement = sge.select(column).distinct().from_(_rows(tree)).order_by(column)
    values = _fetch(warehouse, statement, pa.schema([(check.note_column, pa.string())])).column(0).to_pylist()
    return check.note(context, tuple(v for v in values if v is not None))


def _run_one(
    warehouse: Warehouse,
    catalog: Catalog,
    check: Check,
    query_scope: Scope,
    config: Config,
    scope: CheckScope,
    now: dt.datetime,
    samples: int,
    store: bool = False,
) -> CheckResult:
    started = time.perf_counter()
    entry = config.checks.get(check.name, CheckEntry())
    expr = offending_rows(check, query_scope, config, scope, now, catalog)
    # Compiled once: the count and the sample wrap this very statement (what --show-sql prints).
    tree = to_sqlglot(expr, warehouse.dialect)
    sql = tree.sql(dialect=SQLGLOT_DIALECTS[warehouse.dialect], pretty=True)
    has_severity = "severity" in expr.columns
    rows: tuple[tuple, ...] = ()
    if samples > 0:
        offending, errors, rows = _count_and_sample(warehouse, tree, expr, has_severity, samples)
    else:
        offending, errors = _count(warehouse, tree, has_severity)
    status, severity = status_of(offending, errors, entry.severity, check.severity)
    notes = _notes(warehouse, check, tree, offending_context(check, query_scope, config, scope, now, catalog)) if offending else ()
    stored_as = store_rows(warehouse, tree, check.name, now, config.quality.failures_schema) if store and offending else None
    return CheckResult(
        name=check.name,
        status=status,
        severity=severity,
        offending=offending,
        threshold=check.shown_threshold(entry),
        columns=tuple(expr.columns),
        samples=rows,
        sql=sql,
        hint=check.hint,
        description=check.description,
        tables=check.tables,
        seconds=round(time.perf_counter() - started, 3),
        stored_as=stored_as,
        notes=notes,
    )


# The window aggregates that carry the totals beside the sample rows.
COUNTED, ERRORS = "__semantic_offending", "__semantic_errors"


def _count_and_sample(
    warehouse: Warehouse, tree: sge.Expression, expr: ir.Table, has_severity: bool, samples: int
) -> tuple[int, int | None, tuple[tuple, ...]]:
    """One scan: the first `samples` offending rows (ordered, so runs agree), each carrying the total count and
    how many say severity 'error' as window aggregates; no row means nothing offends. A check that finds rows
    costs one execution of its statement, not two (count, then sample)."""
    is_error = sge.EQ(this=sge.column("severity", quoted=True), expression=sge.convert("error"))
    errors = sge.func("sum", sge.Case(ifs=[sge.If(this=is_error, true=sge.convert(1))], default=sge.convert(0)))
    totals = [(COUNTED, sge.func("count", sge.Star()))] + ([(ERRORS, errors)] if has_severity else [])
    schema = expr.schema().to_pyarrow()
    for name, _ in totals:
        schema = schema.append(pa.field(name, pa.int64()))
    measures = [sge.Window(this=measure, over="OVER").as_(name) for name, measure in totals]
    ordered = [sge.Ordered(this=sge.column(c, quoted=True), nulls_first=False) for c in expr.columns]
    statement = sge.select(sge.Star(), *measures).from_(_rows(tree)).order_by(*ordered).limit(samples)
    found = _fetch(warehouse, statement, schema).to_pylist()
    if not found:
        return 0, (0 if has_severity else None), ()
    rows = tuple(tuple(r[c] for c in expr.columns) for r in found)
    return int(found[0][COUNTED]), (int(found[0][ERRORS] or 0) if has_severity else None), rows


def _count(warehouse: Warehouse, tree: sge.Expression, has_severity: bool) -> tuple[int, int | None]:
    """How many offending rows, and how many of them say severity 'error' (None without that column)."""
    measures = [sge.func("count", sge.Star()).as_("offending")]
    schema = [("offending", pa.int64())]
    if has_severity:
        is_error = sge.EQ(this=sge.column("severity", quoted=True), expression=sge.convert("error"))
        measures.append(sge.func("sum", sge.Case(ifs=[sge.If(this=is_error, true=sge.convert(1))], default=sge.convert(0))).as_("errors"))
        schema.append(("errors", pa.int64()))
    statement = sge.select(*measures).from_(_rows(tree))
    row = _fetch(warehouse, statement, pa.schema(schema)).to_pylist()[0]
    return int(row["offending"] or 0), (int(row["errors"] or 0) if has_severity else None)


def _fetch(warehouse: Warehouse, statement: sge.Expression, schema: pa.Schema) -> pa.Table:
    sql = statement.sql(dialect=SQLGLOT_DIALECTS[warehouse.dialect], pretty=True)
    warehouse.executed.append(sql)
    try:
        return warehouse._fetch_arrow(sql, schema)
    except Exception as exc:  # the engine's own error types: name the check's statement
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise WarehouseError(f"{warehouse.dialect} failed to run a data check: {first}") from exc


def _skipped(check: Check, blocked: list[str], why: str | None = None) -> CheckResult:
    return CheckResult(
        name=check.name, status="skip", severity=check.severity, offending=0, threshold=None, columns=(), samples=(), sql="",
        hint=why or f"not run: {', '.join(blocked)} failed first, and this check needs it to pass", description=check.description,
        tables=check.tables,
    )


def store_rows(warehouse: Warehouse, tree: sge.Expression, name: str, now: dt.datetime, schema: str) -> str:
    """CREATE TABLE <schema>.<name>__<run time> AS the offending rows; returns its name."""
    table = f"{name[:36]}__{now:%Y%m%dT%H%M%S%f}"  # within PostgreSQL's 63 characters
    create = sge.Create(this=sge.table_(table, db=schema, quoted=True), kind="TABLE", expression=tree.copy())
    dialect = SQLGLOT_DIALECTS[warehouse.dialect]
    try:
        engine = cast(_RunsStatements, warehouse)  # both engines run a statement without rows this way
        with warehouse.transaction():
            engine._run(warehouse.create_schema_sql(schema))
            engine._run(create.sql(dialect=dialect))
    except Exception as exc:  # the engine's own error types
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise WarehouseError(f"{warehouse.dialect} could not store the failures of {name}: {first}") from exc
    return f"{schema}.{table}"

