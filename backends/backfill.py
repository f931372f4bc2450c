"""Running a planned backfill (semantic.backfill_plan) on the materialized tables, and undoing one.

The steps, in order (each reported to `step`, and followed by the `fault`
hook tests use to crash the run between any two):

1. lock   take the target's lock (backfill_lock), refusing with who holds it;
2. audit  append the audit row, status running;
3. snapshot  copy exactly the daily rows about to be replaced into backfill_snapshots;
4. recompute the range of the selected shops and metrics into backfill_staging;
5. checks run the invariants and the given checks on the staging rows; an
          error-level failure stops here: production untouched, audit says failed;
6. swap   in ONE transaction (explicit BEGIN/COMMIT), delete the production rows
          of that range, shops and metrics, insert the staging rows, re-pivot
          daily_wide's rows of that range and shops (semantic.wide_daily) and append
          the audit row `swapped` (so the log says production changed exactly
          when it did);
7. complete  append the audit row completed (rows, totals before/after, checks, duration).

When the plan recomputes the `attributed_orders` metric, steps 3-6 cover that
table's rows of the range and shops too, in the same transactions
(semantic.backends.backfill_orders). The recompute's statements name no range,
shop or run (they read the scope tables, `Recompute`), so their compiled SQL is
cached across runs.

A crash leaves production as before (before the swap's COMMIT) or fully
swapped (after it), never partly, and the audit log says which (a `swapped` or
`completed` row, `swapped_at`); rollback refuses a backfill that never swapped; the lock is then stale and a rerun (after
`semantic backfill unlock`) recomputes and swaps again: the result is the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from semantic.backfill_plan import BackfillPlan, BackfillPolicy
from semantic.catalog import Catalog
from semantic.compiler import compile_sql
from semantic.config import Config
from semantic.errors import NothingToRollBack, WarehouseError
from semantic.materialized import ATTRIBUTED_ORDERS_METRIC, DAILY_COLUMNS, Layout, scoped_attributed_orders, scoped_daily_rows
from semantic.range_sources import SCOPE_COLUMNS, SCOPE_SHOP_COLUMNS, ScopeTables
from semantic.statement_cache import StatementCache

from semantic.backends import backfill_audit as audit
from semantic.backends import statements as sql
from semantic.backends import wide_daily as wide
from semantic.backends.backfill_lock import BackfillLock
from semantic.backends.backfill_orders import OrderTables, refreshes_orders
from semantic.backends.materialize import DAILY_ORDER, ensure_tables, require_materializing
from semantic.backends.warehouse import Warehouse

INVARIANTS = (
    "rows inside the backfill's range, shops and metrics",
    "one row per shop, day and metric",
    "no NULL value",
    "order and customer counts not negative",
)
STEPS = ("lock", "audit", "snapshot", "recompute", "checks", "swap", "complete")
DAILY = list(DAILY_COLUMNS)


@dataclass(frozen=True)
class Scope:
    """The daily rows a backfill replaces, as a WHERE clause with its parameters."""

    start: dt.date
    end: dt.date
    shops: tuple[str, ...]
    metrics: tuple[tuple[str, int], ...]  # (name, version)

    def order_where(self) -> tuple[str, list[object]]:
        """The range and shops alone (attributed_orders' rows in scope)."""
        clauses: list[str] = ["day BETWEEN ? AND ?"]
        params: list[object] = [self.start, self.end]
        if self.shops:
            clauses.append(f"shop_id IN ({', '.join('?' for _ in self.shops)})")
            params += list(self.shops)
        return " AND ".join(clauses), params

    def where(self) -> tuple[str, list[object]]:
        where, params = self.order_where()
        clauses = [where]
        clauses.append("(" + " OR ".join("(metric = ? AND version = ?)" for _ in self.metrics) + ")")
        for name, version in self.metrics:
            params += [name, version]
        return " AND ".join(clauses), params

    @classmethod
    def of(cls, plan: BackfillPlan) -> Scope:
        r = plan.request
        return cls(r.start, r.end, tuple(r.shops), tuple((m.name, m.version) for m in plan.metrics))

    @classmethod
    def from_audit(cls, row: dict) -> Scope:
        metrics = tuple((ref.split("@")[0], int(ref.split("@")[1])) for ref in json.loads(row["metrics"]))
        return cls(row["start_day"], row["end_day"], tuple(json.loads(row["shops"])), metrics)


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    level: str = "error"  # "error" stops the backfill; "warning" is recorded
    detail: str = ""


@dataclass(frozen=True)
class StagingRows:
    """What a check is given: the staging table, the backfill's rows in it and their scope."""

    warehouse: Warehouse
    table: str
    backfill_id: str
    scope: Scope


class StagingCheck(Protocol):
    """A data-quality check on the staging rows (the data-quality checks plug in here)."""

    def __call__(self, rows: StagingRows) -> Sequence[CheckResult]: ...


@dataclass(frozen=True)
class Outcome:
    backfill_id: str
    status: str  # completed or failed
    rows_before: int
    rows_after: int
    totals_before: dict[str, str]
    totals_after: dict[str, str]
    checks: tuple[CheckResult, ...]
    seconds: float
    orders_before: int | None = None  # attributed_orders rows replaced (None: the backfill left the table alone)
    orders_after: int | None = None


def ensure_backfill_tables(warehouse: Warehouse, layout: Layout) -> None:
    from semantic.backends.backfill_lock import LOCK_COLUMNS

    ensure_tables(warehouse, layout)
    extra = {"backfill_id": ("string", False), **DAILY_COLUMNS}
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, layout.staging, extra))
    snapshot = {"backfill_id": ("string", False), "taken_at": ("timestamp('UTC')", False), **DAILY_COLUMNS}
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, layout.snapshots, snapshot))
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, layout.lock, LOCK_COLUMNS))
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, layout.scope, SCOPE_COLUMNS))
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, layout.scope_shops, SCOPE_SHOP_COLUMNS))
    audit.ensure_audit(warehouse, layout)


def counts_and_totals(warehouse: Warehouse, table: str, where: str, params: list[object]) -> tuple[int, dict[str, str]]:
    """Rows and the SUM of value per metric ref in `table` WHERE `where`."""
    found = sql.fetch(
        warehouse,
        f"SELECT metric, version, count(*), sum(value) FROM {table} WHERE {where} GROUP BY metric, version ORDER BY metric, version",
        params,
    )
    return sum(r[2] for r in found), {f"{r[0]}@{r[1]}": str(r[3]) for r in found}


def invariants(rows: StagingRows) -> list[CheckResult]:
    """Our own checks on staging rows: inside the scope, one row per key, no NULL value, counts not negative."""
    where, params = rows.scope.where()
    base = f"FROM {rows.table} WHERE backfill_id = ?"
    outside = sql.fetch(rows.warehouse, f"SELECT count(*) {base} AND NOT ({where})", [rows.backfill_id, *params])[0][0]
    duplicates = sql.fetch(
        rows.warehouse,
        f"SELECT count(*) FROM (SELECT shop_id, day, metric, version {base} GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d",
        [rows.backfill_id],
    )[0][0]
    nulls = sql.fetch(rows.warehouse, f"SELECT count(*) {base} AND value IS NULL", [rows.backfill_id])[0][0]
    negative = sql.fetch(
        rows.warehouse, f"SELECT count(*) {base} AND metric IN ('orders', 'new_customers') AND value < 0", [rows.backfill_id]
    )[0][0]
    found = ((outside, "outside"), (duplicates, "duplicated keys"), (nulls, "NULL"), (negative, "negative"))
    return [CheckResult(name, count == 0, detail=f"{count} {what}") for name, (count, what) in zip(INVARIANTS, found)]


def run_backfill(
    warehouse: Warehouse,
    catalog: Catalog,
    config: Config,
    plan: BackfillPlan,
    fingerprints: Mapping[str, str | None] | Callable[[], Mapping[str, str | None]],
    layout: Layout = Layout(),
    *,
    checks: Sequence[StagingCheck] = (),
    step: Callable[[str], None] = lambda _: None,
    fault: Callable[[str], None] = lambda _: None,
    backfill_id: str | None = None,
    statements: StatementCache = StatementCache(),
) -> Outcome:
    """Run `plan`'s steps in order (module docstring); the outcome, also written to the audit log.

    `fingerprints` (ref -> the definition's fingerprint) may be a function, called
    once the lock is held (computing them takes a while; a refusal should not).
    `statements` keeps the recompute's compiled SQL across runs
    (`StatementCache.for_project(project)`; the default compiles it each time).
    """
    started = time.monotonic()
    backfill_id = backfill_id or str(uuid.uuid4())
    request, scope = plan.request, Scope.of(plan)
    require_materializing(warehouse, "backfill")
    if not sql.exists(warehouse, layout.schema, layout.daily):
        raise WarehouseError(f"nothing is materialized in schema {layout.schema!r}", hint="run `semantic build` first")
    ensure_backfill_tables(warehouse, layout)
    step("lock")
    lock = BackfillLock.acquire(warehouse, layout, backfill_id, request.actor, BackfillPolicy.of(config).lock_stale_after_seconds)
    fault("lock")
    entry = audit.AuditEntry(
        backfill_id, "running", request.actor, dt.datetime.now(dt.timezone.utc), request.environment, request.start,
        request.end, tuple(request.shops), tuple(m.ref for m in plan.metrics), request.reason, request.approved_by,
    )
    try:
        if callable(fingerprints):
            fingerprints = fingerprints()
        recompute = Recompute(catalog, config, plan, fingerprints, layout, statements, _order_tables(warehouse, layout, plan))
        return _steps(warehouse, recompute, layout, checks, step, fault, lock, entry, scope, started)
    except Exception as exc:  # an error (not a crash): say so in the audit log, free the lock
        audit.append(warehouse, layout, entry.with_status("failed", error=f"{type(exc).__name__}: {exc}"))
        lock.release()
        raise


def _steps(warehouse, recompute, layout, checks, step, fault, lock, entry, scope, started) -> Outcome:
    table = {name: sql.table_name(warehouse, layout.schema, getattr(layout, name)) for name in ("daily", "snapshots", "staging")}
    where, params = scope.where()
    backfill_id = entry.backfill_id

    def begin(name: str) -> None:
        step(name)
        lock.heartbeat()

    step("audit")
    audit.append(warehouse, layout, entry)
    fault("audit")
    orders = recompute.orders
    begin("snapshot")
    orders_before = _snapshot(warehouse, table, backfill_id, where, params, orders)
    rows_before, totals_before = counts_and_totals(warehouse, table["daily"], where, params)
    fault("snapshot")
    begin("recompute")
    recompute.run(warehouse, backfill_id)
    rows_after, totals_after = counts_and_totals(warehouse, table["staging"], "backfill_id = ?", [backfill_id])
    orders_after = orders.count(layout.order_staging, backfill_id) if orders else None
    fault("recompute")
    begin("checks")
    staged = StagingRows(warehouse, table["staging"], backfill_id, scope)
    results = tuple(invariants(staged)) + _order_checks(orders, backfill_id) + tuple(r for check in checks for r in check(staged))
    failed = [r for r in results if not r.passed and r.level == "error"]
    summary = [{"name": r.name, "passed": r.passed, "level": r.level, "detail": r.detail} for r in results]
    totals = {"rows_before": rows_before, "rows_after": rows_after, "totals_before": totals_before, "totals_after": totals_after,
              "orders_before": orders_before, "orders_after": orders_after}
    outcome = Outcome(backfill_id, "failed", rows_before, rows_after, totals_before, totals_after, results, 0.0,
                      orders_before, orders_after)
    if failed:
        sql.run(warehouse, f"DELETE FROM {table['staging']} WHERE backfill_id = ?", (backfill_id,))
        if orders:
            orders.discard_staging(backfill_id)
        error = "checks failed: " + "; ".join(f"{r.name} ({r.detail})" for r in failed)
        audit.append(warehouse, layout, entry.with_status("failed", error=error, checks=summary, **totals))
        lock.release()
        return dataclasses.replace(outcome, seconds=time.monotonic() - started)
    fault("checks")
    begin("swap")
    swapped = entry.with_status("swapped", rows_before=rows_before, rows_after=rows_after, orders_before=orders_before,
                                orders_after=orders_after)
    _swap(warehouse, table, backfill_id, where, params, orders, lambda: _refresh_and_record(warehouse, layout, scope, swapped))
    fault("swap")
    step("complete")
    seconds = time.monotonic() - started
    audit.append(warehouse, layout, entry.with_status(
        "completed", rows_affected=rows_before + rows_after, checks=summary, seconds=round(seconds, 3), **totals))
    lock.release()
    fault("complete")
    return dataclasses.replace(outcome, status="completed", seconds=seconds)


def _refresh_and_record(warehouse: Warehouse, layout: Layout, scope: Scope, swapped: audit.AuditEntry) -> None:
    """In the swap's transaction: daily_wide's rows of the scope's range and shops re-pivoted, the audit row `swapped`."""
    wide.refresh(warehouse, layout, *scope.order_where())
    audit.append(warehouse, layout, swapped)


def _order_tables(warehouse: Warehouse, layout: Layout, plan: BackfillPlan) -> OrderTables | None:
    """attributed_orders' part of the backfill, or None when it leaves the table alone (backfill_orders)."""
    if not refreshes_orders(warehouse, layout, [m.ref for m in plan.metrics]):
        return None
    where, params = Scope.of(plan).order_where()
    tables = OrderTables(warehouse, layout, where, tuple(params))
    tables.ensure()
    return tables


# The two checks of attributed_orders' refreshed rows, on every engine (named in the audit's checks summary).
ORDER_CHECKS = ("attributed orders inside the backfill's range and shops", "one attributed order per shop and order_id")


def order_check_results(outside: int, duplicated: int) -> tuple[CheckResult, ...]:
    """The ORDER_CHECKS' results for `outside` staged rows outside the scope and `duplicated` keys."""
    return (CheckResult(ORDER_CHECKS[0], outside == 0, detail=f"{outside} outside"),
            CheckResult(ORDER_CHECKS[1], duplicated == 0, detail=f"{duplicated} duplicated keys"))


def _order_checks(orders: OrderTables | None, backfill_id: str) -> tuple[CheckResult, ...]:
    if orders is None:
        return ()
    return order_check_results(*orders.problems(backfill_id))


def _snapshot(warehouse: Warehouse, table: dict[str, str], backfill_id: str, where: str, params: list[object],
              orders: OrderTables | None = None) -> int | None:
    """Copy exactly the rows in scope into the snapshots (a rerun of the same id replaces its snapshot).

    With `orders`, attributed_orders' rows in scope too, in the same transaction; their count (else None).
    """
    columns = sql.column_list(warehouse, DAILY)
    with warehouse.transaction():
        sql.run(warehouse, f"DELETE FROM {table['snapshots']} WHERE backfill_id = ?", (backfill_id,))
        sql.run(
            warehouse,
            f"INSERT INTO {table['snapshots']} (backfill_id, taken_at, {columns}) SELECT ?, ?, {columns} FROM {table['daily']} WHERE {where}",
            [backfill_id, dt.datetime.now(dt.timezone.utc), *params],
        )
        return orders.snapshot(backfill_id) if orders else None


@dataclass(frozen=True)
class Recompute:
    """Step 4: the plan's range, shops and metrics computed from the sources into the staging table.

    One statement for every range and shop (semantic.materialized.scoped_daily_rows):
    the range, shops, backfill id and time are rows of the scope tables, written,
    read and deleted inside the recompute's own transaction (readers never see
    them; the lock keeps a second backfill out), so the compiled SQL is cached
    across runs by `statements`.
    """

    catalog: Catalog
    config: Config
    plan: BackfillPlan
    fingerprints: Mapping[str, str | None]
    layout: Layout
    statements: StatementCache
    orders: OrderTables | None = None  # attributed_orders refreshed too (backfill_orders)

    def scope_tables(self) -> ScopeTables:
        return self.layout.scope_tables(every_shop=not self.plan.request.shops)

    def statement(self, dialect: str) -> str:
        """The SELECT of the staging rows (the same text for every range and shop of these metrics)."""
        metrics, scope = list(self.plan.metrics), self.scope_tables()
        parts = {
            "statement": "backfill-recompute", "dialect": dialect, "scope": repr(scope),
            "metrics": [(m.ref, self.fingerprints.get(m.ref)) for m in metrics],
        }

        def compile_text() -> str:
            rows = scoped_daily_rows(self.catalog, self.config, metrics, self.fingerprints, scope)
            assert rows.columns == (*DAILY, "backfill_id")
            return compile_sql(rows, dialect)

        return self.statements.sql(parts, compile_text)

    def orders_statement(self, dialect: str) -> str:
        """The SELECT of attributed_orders' staging rows (range- and shop-independent like `statement`)."""
        metric = next(m for m in self.plan.metrics if m.name == ATTRIBUTED_ORDERS_METRIC)
        scope, fingerprint = self.scope_tables(), self.fingerprints.get(metric.ref)
        parts = {"statement": "backfill-attributed-orders", "dialect": dialect, "scope": repr(scope), "metric": (metric.ref, fingerprint)}
        return self.statements.sql(
            parts, lambda: compile_sql(scoped_attributed_orders(self.catalog, self.config, metric, fingerprint, scope), dialect))

    def run(self, warehouse: Warehouse, backfill_id: str) -> None:
        request = self.plan.request
        built_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        text = self.statement(warehouse.dialect)
        bounds = ScopeTables.row(backfill_id, request.start, request.end, built_at)
        scope = {name: sql.table_name(warehouse, self.layout.schema, name) for name in (self.layout.scope, self.layout.scope_shops)}
        staging = sql.table_name(warehouse, self.layout.schema, self.layout.staging)
        columns = sql.column_list(warehouse, [*DAILY, "backfill_id"])
        with warehouse.transaction():
            for table in scope.values():
                sql.run(warehouse, f"DELETE FROM {table}")
            sql.run(warehouse, f"INSERT INTO {scope[self.layout.scope]} ({sql.column_list(warehouse, list(bounds))}) "
                               f"VALUES ({', '.join('?' for _ in bounds)})", list(bounds.values()))
            for shop in request.shops:
                sql.run(warehouse, f"INSERT INTO {scope[self.layout.scope_shops]} (shop_id) VALUES (?)", (shop,))
            sql.run(warehouse, f"DELETE FROM {staging} WHERE backfill_id = ?", (backfill_id,))
            sql.run(warehouse, f"INSERT INTO {staging} ({columns})\n{text}")
            if self.orders is not None:
                self.orders.stage(backfill_id, self.orders_statement(warehouse.dialect))
            for table in scope.values():
                sql.run(warehouse, f"DELETE FROM {table}")


def _swap(warehouse: Warehouse, table: dict[str, str], backfill_id: str, where: str, params: list[object],
          orders: OrderTables | None = None, record: Callable[[], None] = lambda: None) -> None:
    """In one transaction: the production rows in scope are replaced by the staging rows; nothing else changes.

    `record` (the audit row `swapped`) is written in the same transaction.
    """
    columns, order = sql.column_list(warehouse, DAILY), sql.column_list(warehouse, DAILY_ORDER)
    with warehouse.transaction():
        sql.run(warehouse, f"DELETE FROM {table['daily']} WHERE {where}", params)
        sql.run(
            warehouse,
            f"INSERT INTO {table['daily']} ({columns}) SELECT {columns} FROM {table['staging']} WHERE backfill_id = ? ORDER BY {order}",
            (backfill_id,),
        )
        sql.run(warehouse, f"DELETE FROM {table['staging']} WHERE backfill_id = ?", (backfill_id,))
        if orders is not None:
            orders.replace_from(orders.layout.order_staging, backfill_id)
            orders.discard_staging(backfill_id)
        record()


def swapped_at(warehouse: Warehouse, layout: Layout, backfill_id: str) -> dict | None:
    """The audit row saying `backfill_id`'s swap committed (`swapped`, or `completed` for logs written before
    `swapped` existed), or None: then production was never touched by it."""
    return next((r for r in audit.rows(warehouse, layout, backfill_id) if r["status"] in ("swapped", "completed")), None)


def dry_run(warehouse: Warehouse, plan: BackfillPlan, layout: Layout = Layout()) -> dict[str, object]:
    """What the backfill would replace: rows and totals in scope now. Writes nothing."""
    if not sql.exists(warehouse, layout.schema, layout.daily):
        raise WarehouseError(f"nothing is materialized in schema {layout.schema!r}", hint="run `semantic build` first")
    where, params = Scope.of(plan).where()
    rows, totals = counts_and_totals(warehouse, sql.table_name(warehouse, layout.schema, layout.daily), where, params)
    return {"rows_to_replace": rows, "totals": totals, "checks": list(INVARIANTS)}


def rollback(warehouse: Warehouse, layout: Layout, backfill_id: str, actor: str, stale_after: int) -> int:
    """Restore the snapshot of `backfill_id` exactly (its rows replace the range again); audited. Rows restored.

    Decided from the audit log, never from whether the snapshot has rows: a backfill
    whose swap never committed (no `swapped`/`completed` row: it crashed or failed
    before) changed nothing and is refused (NothingToRollBack); one that swapped
    has its scope's rows replaced by the snapshot, even when the snapshot is empty
    (the scope had no rows: what the swap inserted is deleted).
    """
    last = audit.latest(warehouse, layout, backfill_id)
    if last is None:
        raise WarehouseError(f"no backfill {backfill_id} in the audit log of schema {layout.schema}", hint="`semantic backfill list`")
    if last["status"] not in ("completed", "failed", "running", "swapped"):
        raise NothingToRollBack(f"backfill {backfill_id} is {last['status']}: nothing to roll back")
    swap = swapped_at(warehouse, layout, backfill_id)
    if swap is None:
        raise NothingToRollBack(f"backfill {backfill_id} never swapped (it stopped while {last['status']}): "
                                "production was never touched, so there is nothing to roll back")
    detail = json.loads(swap["detail"])
    scope = Scope.from_audit(last)
    table = {name: sql.table_name(warehouse, layout.schema, getattr(layout, name)) for name in ("daily", "snapshots")}
    if not sql.fetch(warehouse, f"SELECT count(*) FROM {table['snapshots']} WHERE backfill_id = ?", (backfill_id,))[0][0] and \
            detail.get("rows_before"):
        raise WarehouseError(f"the snapshot of backfill {backfill_id} was pruned: it cannot be rolled back")
    rollback_id = str(uuid.uuid4())
    lock = BackfillLock.acquire(warehouse, layout, rollback_id, actor, stale_after)
    where, params = scope.where()
    entry = audit.AuditEntry(
        backfill_id, "rolling_back", actor, dt.datetime.now(dt.timezone.utc), last["environment"], last["start_day"],
        last["end_day"], scope.shops, tuple(json.loads(last["metrics"])), f"rollback of {backfill_id}", None,
    )
    try:
        with warehouse.transaction():
            sql.run(warehouse, f"DELETE FROM {table['daily']} WHERE {where}", params)
            sql.run(
                warehouse,
                f"INSERT INTO {table['daily']} ({sql.column_list(warehouse, DAILY)}) "
                f"SELECT {sql.column_list(warehouse, DAILY)} FROM {table['snapshots']} WHERE backfill_id = ? "
                f"ORDER BY {sql.column_list(warehouse, DAILY_ORDER)}",
                (backfill_id,),
            )
            restored = sql.fetch(warehouse, f"SELECT count(*) FROM {table['snapshots']} WHERE backfill_id = ?", (backfill_id,))[0][0]
            # The swap replaced attributed_orders' rows only when it snapshotted them (orders_before recorded).
            orders = _restored_orders(warehouse, layout, scope, backfill_id) if detail.get("orders_before") is not None else None
            wide.refresh(warehouse, layout, *scope.order_where())
            audit.append(warehouse, layout, entry.with_status("rolled_back", rows_affected=restored, rollback_id=rollback_id,
                                                                orders_restored=orders))
    finally:
        lock.release()
    return restored


def _restored_orders(warehouse: Warehouse, layout: Layout, scope: Scope, backfill_id: str) -> int | None:
    """attributed_orders' snapshot of `backfill_id` put back (in the caller's transaction); its rows."""
    if not sql.exists(warehouse, layout.schema, layout.order_snapshots):
        return None
    where, params = scope.order_where()
    orders = OrderTables(warehouse, layout, where, tuple(params))
    orders.replace_from(layout.order_snapshots, backfill_id)
    return orders.count(layout.order_snapshots, backfill_id)


def prune(warehouse: Warehouse, layout: Layout, retention_days: int, now: dt.datetime | None = None) -> int:
    """Delete snapshots older than the retention; how many rows went."""
    if not sql.exists(warehouse, layout.schema, layout.snapshots):
        return 0
    cutoff = (now or dt.datetime.now(dt.timezone.utc)) - dt.timedelta(days=retention_days)
    table = sql.table_name(warehouse, layout.schema, layout.snapshots)
    count = sql.fetch(warehouse, f"SELECT count(*) FROM {table} WHERE taken_at < ?", (cutoff,))[0][0]
    sql.run(warehouse, f"DELETE FROM {table} WHERE taken_at < ?", (cutoff,))
    if sql.exists(warehouse, layout.schema, layout.order_snapshots):  # attributed_orders' snapshots (counted apart)
        sql.run(warehouse, f"DELETE FROM {sql.table_name(warehouse, layout.schema, layout.order_snapshots)} WHERE taken_at < ?", (cutoff,))
    return int(count)
