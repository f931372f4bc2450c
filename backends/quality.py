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

import datetime as dt
import time
import ibis
import ibis.expr.types as ir

from semantic.catalog import Catalog
from semantic.checks import Check, CheckContext, CheckResult, CheckRun, CheckScope, select_checks, status_of
from semantic.compiler import compile_sql
from semantic.config import Config
from semantic.quality_config import CheckEntry
from semantic.scope import Scope
from semantic.sources import Sources

from semantic.backends.warehouse import Warehouse

DEFAULT_SAMPLES = 5


def run_checks(
    warehouse: Warehouse,
    catalog: Catalog,
    config: Config,
    scope: CheckScope | None = None,
    *,
    now: dt.datetime | None = None,
    samples: int = DEFAULT_SAMPLES,
) -> CheckRun:
    """Run every enabled check `scope` selects; results in catalog order.

    Point `config.sources` at other relations (staged tables of a backfill) to
    check those instead. Raises ContractError (exit 3) when a table a selected
    check reads is missing, WarehouseError when a statement fails.
    """
    scope = scope or CheckScope()
    now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    checks = select_checks(dict(catalog.checks), config, scope)
    sources = Sources.from_config(config)
    tables = list(dict.fromkeys(t for c in checks for t in c.tables))
    warehouse.check_contract(sources, tables)
    query_scope = Scope.for_query(catalog, config, sources=sources)
    results = [_run_one(warehouse, check, query_scope, config, scope, now, samples) for check in checks]
    return CheckRun(tuple(results), now, warehouse.url.redacted)


def offending_rows(check: Check, query_scope: Scope, config: Config, scope: CheckScope, now: dt.datetime) -> ir.Table:
    """The expression of a check's offending rows, narrowed to the scope (what `--show-sql` prints)."""
    context = CheckContext(query_scope, config.checks.get(check.name, CheckEntry()), now)
    expr = check.build(context)
    if scope.shops and "shop_id" in expr.columns:
        expr = expr.filter(expr.shop_id.isin(list(scope.shops)))
    if "day" in expr.columns:
        if scope.start is not None:
            expr = expr.filter(expr.day >= ibis.literal(scope.start))
        if scope.end is not None:
            expr = expr.filter(expr.day <= ibis.literal(scope.end))
    return expr


def _run_one(
    warehouse: Warehouse, check: Check, query_scope: Scope, config: Config, scope: CheckScope, now: dt.datetime, samples: int
) -> CheckResult:
    started = time.perf_counter()
    entry = config.checks.get(check.name, CheckEntry())
    expr = offending_rows(check, query_scope, config, scope, now)
    has_severity = "severity" in expr.columns
    measures = {"offending": expr.count()}
    if has_severity:
        measures["errors"] = (expr.severity == "error").sum()
    counts = warehouse.execute(expr.aggregate(**measures)).to_pylist()[0]
    offending = int(counts["offending"] or 0)
    errors = int(counts.get("errors") or 0) if has_severity else None
    rows: tuple[tuple, ...] = ()
    if offending:
        sample = expr.order_by([expr[c] for c in expr.columns]).limit(samples)
        table = warehouse.execute(sample)
        rows = tuple(tuple(r.values()) for r in table.to_pylist())
    status, severity = status_of(offending, errors, entry.severity, check.severity)
    return CheckResult(
        name=check.name,
        status=status,
        severity=severity,
        offending=offending,
        threshold=check.shown_threshold(entry),
        columns=tuple(expr.columns),
        samples=rows,
        sql=compile_sql(expr, warehouse.dialect),
        hint=check.hint,
        description=check.description,
        tables=check.tables,
        seconds=round(time.perf_counter() - started, 3),
    )
