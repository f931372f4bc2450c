"""`semantic backfill` on Spark: the steps of backends/backfill.py over Parquet folders, each one idempotent.

Spark has no multi-statement transactions, so no step here is one; instead
every step writes a new folder of its own, keyed by the backfill's id
(`DIR/<schema>/_backfills/<id>/snapshot`, `staging`, `swap`), replacing what a
failed try of the same step left, and production (`DIR/<schema>/daily_metrics`)
changes in one place only: the swap, which writes the whole next version of the
table (the production rows outside the backfill's scope plus the staging rows)
into a new folder and renames it in through the warehouse's journal
(SparkWarehouse.replace_tables; a process that dies during the rename has it
completed by the next open). So a crash leaves production as before or fully
swapped, never partly, the lock file is then found stale, and a rerun (after
`semantic backfill unlock`) recomputes and swaps again: the result is the same.

The lock is a file (backends/spark_lock.py). The audit log is a folder of
Parquet files, one per row (`DIR/<schema>/backfill_audit/seq-NNNNNNNNNN.parquet`),
each created once and never rewritten (a hard link that fails if the name is
taken), hash-chained as backends/backfill_audit.py chains the SQL engines' rows,
so `verify` finds an edited, inserted or deleted row the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import sqlglot.expressions as sge

from semantic.backfill_plan import BackfillPlan, BackfillPolicy
from semantic.catalog import Catalog
from semantic.config import Config
from semantic.errors import WarehouseError
from semantic.materialized import Layout, Stamp, daily_rows

from semantic.backends import backfill_audit as audit
from semantic.backends import spark_lock
from semantic.backends.backfill import INVARIANTS, STEPS, CheckResult, Outcome, Scope, StagingCheck, StagingRows
from semantic.backends.backfill_lock import Holder
from semantic.backends.materialize import DAILY_ORDER
from semantic.backends.spark import SparkWarehouse, write_frame
from semantic.backends.spark_backfill_orders import SNAPSHOT as ORDER_SNAPSHOT, SWAP as ORDER_SWAP, SparkOrders
from semantic.backends.spark_materialize import arrow_schema, folder_of, frame_of, row_count, stage_expr_into

__all__ = ["STEPS", "dry_run", "holder", "latest", "prune", "rollback", "rows", "run_backfill", "unlock", "verify"]
WORK = "_backfills"  # DIR/<schema>/_backfills/<backfill_id>/: its snapshot, staging and next daily table
TAKEN_AT = "taken_at"


def work_folder(warehouse: SparkWarehouse, layout: Layout, backfill_id: str) -> Path:
    return warehouse._writable_root() / layout.schema / WORK / backfill_id


def _daily_table(warehouse: SparkWarehouse, layout: Layout) -> str:
    if not (folder_of(warehouse, layout.schema, layout.daily)).is_dir():
        raise WarehouseError(f"nothing is materialized in schema {layout.schema!r}", hint="run `semantic build` first")
    return sge.table_(layout.daily, db=layout.schema, quoted=True).sql("spark")


def totals(frame) -> tuple[int, dict[str, str]]:
    """Rows and the SUM of value per metric ref of a DataFrame of daily rows."""
    from pyspark.sql import functions as F

    found = frame.groupBy("metric", "version").agg(F.count("*").alias("n"), F.sum("value").alias("total")).collect()
    return sum(r["n"] for r in found), {f"{r['metric']}@{r['version']}": str(r["total"]) for r in sorted(found)}


def _in_scope(warehouse: SparkWarehouse, table: str, scope: Scope, inside: bool = True):
    where, params = scope.where()
    return frame_of(warehouse, f"SELECT * FROM {table} WHERE {'' if inside else 'NOT '}({where})", params)


# -- the audit log ------------------------------------------------------------------------
def rows(warehouse: SparkWarehouse, layout: Layout, backfill_id: str | None = None) -> list[dict]:
    """Audit rows in seq order (of one backfill, or all)."""
    folder = folder_of(warehouse, layout.schema, layout.audit)
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return []
    found = sorted(pq.read_table(folder).to_pylist(), key=lambda r: r["seq"])
    return [r for r in found if backfill_id is None or r["backfill_id"] == backfill_id]


def latest(warehouse: SparkWarehouse, layout: Layout, backfill_id: str) -> dict | None:
    found = rows(warehouse, layout, backfill_id)
    return found[-1] if found else None


def verify(warehouse: SparkWarehouse, layout: Layout) -> audit.Verification:
    return audit.verify_rows(rows(warehouse, layout))


def append(warehouse: SparkWarehouse, layout: Layout, entry: audit.AuditEntry) -> None:
    """Append `entry` as the next row of the chain: a new file, created once (never overwriting one)."""
    found = rows(warehouse, layout)
    values = audit.chained_row(entry, (found[-1]["seq"], found[-1]["row_hash"]) if found else None)
    folder = folder_of(warehouse, layout.schema, layout.audit)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{uuid.uuid4().hex}.tmp"
    pq.write_table(pa.Table.from_pylist([values], arrow_schema(audit.AUDIT_COLUMNS)), temporary)
    try:
        os.link(temporary, folder / f"seq-{values['seq']:010d}.parquet")  # fails if that row exists
    finally:
        temporary.unlink()
    warehouse._register(layout.schema, layout.audit, folder)


# -- the lock -----------------------------------------------------------------------------
def holder(warehouse: SparkWarehouse, layout: Layout) -> Holder | None:
    return spark_lock.holder(warehouse._writable_root(), layout) if warehouse.root is not None else None


def unlock(warehouse: SparkWarehouse, layout: Layout) -> Holder | None:
    return spark_lock.unlock(warehouse._writable_root(), layout)


# -- the steps ----------------------------------------------------------------------------
def run_backfill(
    warehouse: SparkWarehouse,
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
    statements: object = None,
) -> Outcome:
    """Run `plan`'s steps in order (backends/backfill.py's, module docstring here); the outcome, also audited.

    (`statements`, the SQL engines' cache of the recompute's statement, is not used:
    here the recompute is compiled with its range and shops as literals.)
    """
    started = time.monotonic()
    backfill_id = backfill_id or str(uuid.uuid4())
    request = plan.request
    daily = _daily_table(warehouse, layout)
    step("lock")
    lock = spark_lock.SparkLock.acquire(
        warehouse._writable_root(), layout, backfill_id, request.actor, BackfillPolicy.of(config).lock_stale_after_seconds)
    fault("lock")
    entry = audit.AuditEntry(
        backfill_id, "running", request.actor, dt.datetime.now(dt.timezone.utc), request.environment, request.start,
        request.end, tuple(request.shops), tuple(m.ref for m in plan.metrics), request.reason, request.approved_by,
    )
    try:
        if callable(fingerprints):
            fingerprints = fingerprints()
        return _steps(warehouse, catalog, config, plan, fingerprints, layout, daily, checks, step, fault, lock, entry, started)
    except Exception as exc:  # an error (not a crash): say so in the audit log, free the lock
        append(warehouse, layout, entry.with_status("failed", error=f"{type(exc).__name__}: {exc}"))
        lock.release()
        raise


def _steps(warehouse, catalog, config, plan, fingerprints, layout, daily, checks, step, fault, lock, entry, started) -> Outcome:
    scope, backfill_id = Scope.of(plan), entry.backfill_id
    work = work_folder(warehouse, layout, backfill_id)
    session = warehouse.session

    def begin(name: str) -> None:
        step(name)
        lock.heartbeat()

    orders = SparkOrders.refreshed_by(warehouse, layout, plan)
    step("audit")
    append(warehouse, layout, entry)
    fault("audit")
    begin("snapshot")
    _snapshot(warehouse, daily, scope, work)
    rows_before, totals_before = totals(session.read.parquet(str(work / "snapshot")))
    orders_before = orders.snapshot(work) if orders else None
    fault("snapshot")
    begin("recompute")
    staged = _recompute(warehouse, catalog, config, plan, fingerprints, work / "staging", backfill_id)
    rows_after, totals_after = totals(staged)
    staged_orders = orders.recompute(catalog, config, plan, fingerprints, work, backfill_id) if orders else None
    fault("recompute")
    begin("checks")
    results = _checks(warehouse, staged, scope, backfill_id, checks)
    if orders:
        results = [*results, *orders.checks(staged_orders)]
    failed = [r for r in results if not r.passed and r.level == "error"]
    summary = [{"name": r.name, "passed": r.passed, "level": r.level, "detail": r.detail} for r in results]
    numbers = {"rows_before": rows_before, "rows_after": rows_after, "totals_before": totals_before, "totals_after": totals_after,
               "orders_before": orders_before, "orders_after": None if staged_orders is None else staged_orders.count()}
    outcome = Outcome(backfill_id, "failed", rows_before, rows_after, totals_before, totals_after, tuple(results), 0.0,
                      numbers["orders_before"], numbers["orders_after"])
    if failed:
        shutil.rmtree(work / "staging", ignore_errors=True)
        error = "checks failed: " + "; ".join(f"{r.name} ({r.detail})" for r in failed)
        append(warehouse, layout, entry.with_status("failed", error=error, checks=summary, **numbers))
        lock.release()
        return dataclasses.replace(outcome, seconds=time.monotonic() - started)
    fault("checks")
    begin("swap")
    _swap(warehouse, layout, daily, scope, staged, work / "swap",
          orders=None if orders is None else orders.next_table(staged_orders, work / ORDER_SWAP))
    fault("swap")
    step("complete")
    seconds = time.monotonic() - started
    append(warehouse, layout, entry.with_status(
        "completed", rows_affected=rows_before + rows_after, checks=summary, seconds=round(seconds, 3), **numbers))
    lock.release()
    shutil.rmtree(work / "staging", ignore_errors=True)
    fault("complete")
    return dataclasses.replace(outcome, status="completed", seconds=seconds)


def _snapshot(warehouse: SparkWarehouse, daily: str, scope: Scope, work: Path) -> None:
    """Exactly the production rows in scope, into the backfill's snapshot folder (a rerun replaces it)."""
    write_frame(_in_scope(warehouse, daily, scope), work / "snapshot")
    (work / TAKEN_AT).write_text(dt.datetime.now(dt.timezone.utc).isoformat())


def _recompute(warehouse: SparkWarehouse, catalog, config, plan: BackfillPlan, fingerprints, folder: Path, backfill_id: str):
    """The range of the plan's shops and metrics, computed from the sources into the staging folder; its rows."""
    built_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    stamps = [Stamp(m, fingerprints.get(m.ref), backfill_id, built_at) for m in plan.metrics]
    request = plan.request
    stage_expr_into(warehouse, daily_rows(catalog, config, stamps, tuple(request.shops), request.start, request.end), folder)
    return warehouse.session.read.parquet(str(folder))


def _checks(warehouse: SparkWarehouse, staged, scope: Scope, backfill_id: str, checks: Sequence[StagingCheck]) -> list[CheckResult]:
    """The invariants of backends/backfill.py on the staging rows (as a temporary view), then the given checks."""
    view = f"__semantic_staging_{backfill_id.replace('-', '')[:12]}"
    staged.createOrReplaceTempView(view)
    try:
        table = sge.to_identifier(view, quoted=True).sql("spark")
        where, params = scope.where()

        def count(sql: str, args: Sequence[object] = ()) -> int:
            return int(frame_of(warehouse, sql, args).collect()[0][0])

        found = (
            (count(f"SELECT count(*) FROM {table} WHERE NOT ({where})", params), "outside"),
            (count(f"SELECT count(*) FROM (SELECT shop_id, day, metric, version FROM {table} "
                   "GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"), "duplicated keys"),
            (count(f"SELECT count(*) FROM {table} WHERE value IS NULL"), "NULL"),
            (count(f"SELECT count(*) FROM {table} WHERE metric IN ('orders', 'new_customers') AND value < 0"), "negative"),
        )
        results = [CheckResult(name, n == 0, detail=f"{n} {what}") for name, (n, what) in zip(INVARIANTS, found)]
        staging = StagingRows(warehouse, table, backfill_id, scope)
        return results + [r for check in checks for r in check(staging)]
    finally:
        warehouse.session.catalog.dropTempView(view)


def _swap(warehouse: SparkWarehouse, layout: Layout, daily: str, scope: Scope, rows, folder: Path, orders: Path | None = None) -> None:
    """The next daily table (production outside the scope + `rows`) written whole, then renamed in (journaled).

    `orders`: attributed_orders' next table (spark_backfill_orders), renamed in by the same journal.
    """
    outside = _in_scope(warehouse, daily, scope, inside=False)
    columns = rows.columns
    write_frame(outside.select(*columns).unionByName(rows.select(*columns)).orderBy(*DAILY_ORDER), folder)
    tables = {(layout.schema, layout.daily): folder}
    if orders is not None:
        tables[(layout.schema, layout.orders)] = orders
    warehouse.replace_tables(tables)


# -- dry run, rollback, prune ------------------------------------------------------------
def dry_run(warehouse: SparkWarehouse, plan: BackfillPlan, layout: Layout = Layout()) -> dict[str, object]:
    """What the backfill would replace: rows and totals in scope now. Writes nothing."""
    replaced, found = totals(_in_scope(warehouse, _daily_table(warehouse, layout), Scope.of(plan)))
    return {"rows_to_replace": replaced, "totals": found, "checks": list(INVARIANTS)}


def rollback(warehouse: SparkWarehouse, layout: Layout, backfill_id: str, actor: str, stale_after: int) -> int:
    """Restore the snapshot of `backfill_id` exactly (its rows replace the range again); audited. Rows restored."""
    last = latest(warehouse, layout, backfill_id)
    if last is None:
        raise WarehouseError(f"no backfill {backfill_id} in the audit log of schema {layout.schema}", hint="`semantic backfill list`")
    if last["status"] not in ("completed", "failed", "running"):
        raise WarehouseError(f"backfill {backfill_id} is {last['status']}: nothing to roll back")
    snapshot = work_folder(warehouse, layout, backfill_id) / "snapshot"
    if not snapshot.is_dir():
        raise WarehouseError(f"the snapshot of backfill {backfill_id} was pruned (or never taken): it cannot be rolled back")
    scope, daily = Scope.from_audit(last), _daily_table(warehouse, layout)
    rollback_id = str(uuid.uuid4())
    lock = spark_lock.SparkLock.acquire(warehouse._writable_root(), layout, rollback_id, actor, stale_after)
    try:
        order_snapshot = work_folder(warehouse, layout, backfill_id) / ORDER_SNAPSHOT
        orders = None
        if order_snapshot.is_dir() and folder_of(warehouse, layout.schema, layout.orders).is_dir():
            orders = SparkOrders(warehouse, layout, scope).next_table(
                warehouse.session.read.parquet(str(order_snapshot)), work_folder(warehouse, layout, rollback_id) / ORDER_SWAP)
        _swap(warehouse, layout, daily, scope, warehouse.session.read.parquet(str(snapshot)),
              work_folder(warehouse, layout, rollback_id) / "swap", orders=orders)
        restored = row_count(snapshot)
        entry = audit.AuditEntry(
            backfill_id, "rolled_back", actor, dt.datetime.now(dt.timezone.utc), last["environment"], last["start_day"],
            last["end_day"], scope.shops, tuple(json.loads(last["metrics"])), f"rollback of {backfill_id}", None,
            restored, {"rollback_id": rollback_id},
        )
        append(warehouse, layout, entry)
    finally:
        lock.release()
        shutil.rmtree(work_folder(warehouse, layout, rollback_id), ignore_errors=True)
    return restored


def prune(warehouse: SparkWarehouse, layout: Layout, retention_days: int, now: dt.datetime | None = None) -> int:
    """Delete the snapshots taken before the retention; how many rows went."""
    if warehouse.root is None:
        return 0
    cutoff = (now or dt.datetime.now(dt.timezone.utc)) - dt.timedelta(days=retention_days)
    pruned = 0
    for work in sorted((warehouse.root / layout.schema / WORK).glob("*")):
        taken = work / TAKEN_AT
        if taken.is_file() and dt.datetime.fromisoformat(taken.read_text()) < cutoff and (work / "snapshot").is_dir():
            pruned += row_count(work / "snapshot")
            shutil.rmtree(work)
    return pruned
