"""`semantic build` and `semantic backfill` on Spark: Parquet folders swapped in by rename, a lock file, a chained audit log.

In the run's one local[2] session (tests/conftest.py). The materialized answers
must equal the answers from the sources; a backfill's expected values come from
tests/reference.py on the changed sources; "identical" compares every column of
every row (value, fingerprint, built_at, run_id).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from semantic.backends import spark_backfill as engine
from semantic.backends.materialize import choose
from semantic.backends.runner import run_query
from semantic.backends.spark_lock import SparkLock, holder, lock_path, unlock
from semantic.backends.spark_materialize import build, stage_expr
from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.demo_data import generate
from semantic.errors import WarehouseError
from semantic.materialized import ATTRIBUTED_ORDERS_METRIC, Layout, Stamp, attributed_orders, materialized_query
from semantic.metrics import Additive
from semantic.query import QuerySpec, build_query
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.reference import CORE_METRICS, Knobs, edge_case_shops, reference_query
from tests.test_backfill import START, END, ENGINEER, Crash, change_sources

GRAINS = [("day", "shop"), ("week", "shop"), ("month", "shop")]


def core_metrics(loaded) -> list[Additive]:
    return [m for m in loaded.project.catalog.closure(CORE_METRICS, loaded.project.config) if isinstance(m, Additive)]


def fingerprints(metrics) -> dict[str, str]:
    return {m.ref: f"sha256:{m.name}" for m in metrics}


def layout_of(loaded) -> Layout:
    return Layout(schema=f"{loaded.project.config.sources.database}_sem")


def daily(loaded, layout) -> list[tuple]:
    """Every column of the daily rows, in key order (read from the table's Parquet folder)."""
    rows = pq.read_table(loaded.warehouse.root / layout.schema / layout.daily).to_pylist()
    return sorted(tuple(r.values()) for r in rows)


@pytest.fixture
def built(spark_warehouse):
    """(loaded, layout, data): the reference's edge-case shops loaded and their core metrics built."""
    data = edge_case_shops()
    loaded = spark_warehouse(data.arrow_tables())
    layout = layout_of(loaded)
    metrics = core_metrics(loaded)
    build(loaded.warehouse, loaded.project.catalog, loaded.project.config, fingerprints(metrics), layout, metrics=metrics)
    yield loaded, layout, data
    loaded.warehouse.session.sql(f"DROP SCHEMA IF EXISTS `{layout.schema}` CASCADE")


def plan(loaded, shops=("s0",)):
    request = BackfillRequest(START, END, "refunds were late", "dev", ENGINEER, tuple(shops), tuple(CORE_METRICS))
    return plan_backfill(loaded.project.catalog, loaded.project.config, request, ["s0", "s1"])


def run(loaded, layout, **kwargs):
    the_plan = plan(loaded)
    return engine.run_backfill(loaded.warehouse, loaded.project.catalog, loaded.project.config, the_plan,
                               fingerprints(the_plan.metrics), layout, **kwargs)


# -- build and --from materialized -------------------------------------------------------


def test_materialized_answers_equal_the_sources_by_day_week_and_month(spark_warehouse):
    tables = generate(orders=300, shops=2, seed=5, end=dt.date(2024, 11, 30), days=45)
    loaded = spark_warehouse(tables)
    catalog, config, layout = loaded.project.catalog, loaded.project.config, layout_of(loaded)
    metrics = core_metrics(loaded)
    report = build(loaded.warehouse, catalog, config, fingerprints(metrics), layout, metrics=metrics)
    assert set(report.rows) == {m.ref for m in metrics} and all(report.rows.values())
    assert {p.name for p in (loaded.warehouse.root / layout.schema).iterdir()} == {"daily_metrics", "builds", "definitions"}
    for by, mode in zip(GRAINS, ("auto", "materialized", "materialized")):  # (auto reads the sources' signature: slow)
        spec = QuerySpec(metrics=CORE_METRICS, by=by)
        choice = choose(loaded.warehouse, catalog, config, spec, lambda ref: f"sha256:{ref.split('@')[0]}", mode, layout)
        assert choice.source == "materialized", choice.reason
        from_sources = run_query(loaded.warehouse, build_query(catalog, config, spec)).to_pylist()
        assert from_sources and run_query(loaded.warehouse, choice.built).to_pylist() == from_sources, by
    # A changed definition: auto answers from the sources and says why.
    spec = QuerySpec(metrics=("revenue",), by=("month",))
    assert "changed since the build" in choose(loaded.warehouse, catalog, config, spec, lambda ref: "other", "auto", layout).reason
    assert not list(loaded.warehouse.root.glob(".staging-*")) and not list(loaded.warehouse.root.glob(".swap-*"))
    loaded.warehouse.session.sql(f"DROP SCHEMA IF EXISTS `{layout.schema}` CASCADE")


def test_a_swap_cut_short_is_completed_by_the_next_open(built, spark_session, monkeypatch):
    """The process dies once the journal is written, before its renames: the next open renames the tables in."""
    import semantic.backends.spark as spark_module

    loaded, layout, data = built
    before = daily(loaded, layout)
    change_sources(loaded, data)
    journals = []

    def die(root, journal):
        journals.append(journal)
        raise Crash("between the journal and the renames")

    monkeypatch.setattr(spark_module, "finish_swap", die)
    with pytest.raises(Crash):
        build(loaded.warehouse, loaded.project.catalog, loaded.project.config, {}, layout, metrics=core_metrics(loaded))
    monkeypatch.undo()
    assert journals[0].exists() and daily(loaded, layout) == before  # written, not yet swapped
    spark_module.SparkWarehouse.from_session(spark_session, loaded.warehouse.root)
    assert not journals[0].exists() and daily(loaded, layout) != before
    assert pq.read_table(loaded.warehouse.root / layout.schema / layout.builds).num_rows == 2  # both builds recorded
    assert not list(loaded.warehouse.root.glob(".staging-*/*"))


# -- backfill -----------------------------------------------------------------------------


def test_backfill_of_three_days_of_one_shop_changes_just_those_rows_and_rolls_back_exactly(built):
    loaded, layout, data = built
    before = daily(loaded, layout)
    in_scope = lambda r: r[0] == "s0" and START <= r[1] <= END  # noqa: E731 - (shop_id, day, ...)
    change_sources(loaded, data)
    dry = engine.dry_run(loaded.warehouse, plan(loaded), layout)
    assert dry["rows_to_replace"] == sum(1 for r in before if in_scope(r))
    outcome = run(loaded, layout)
    assert outcome.status == "completed" and all(c.passed for c in outcome.checks), outcome.checks
    after = daily(loaded, layout)
    assert [r for r in after if not in_scope(r)] == [r for r in before if not in_scope(r)]  # s1 changed too, untouched
    spec = QuerySpec(metrics=CORE_METRICS, by=("day", "shop"), shops=("s0",), start=START, end=END)
    got = run_query(loaded.warehouse, materialized_query(loaded.project.catalog, loaded.project.config, spec, layout)).to_pylist()
    expected = reference_query(data, CORE_METRICS, ("day", "shop"), Knobs(), ("s0",), START, END)
    assert {(r["day"], r["shop_id"]): {m: r[m] for m in CORE_METRICS} for r in got} == expected
    assert expected[(START, "s0")]["revenue"] == Decimal("44.20") + Decimal("104.20")
    rows = engine.rows(loaded.warehouse, layout, outcome.backfill_id)
    assert [r["status"] for r in rows] == ["running", "completed"] and json.loads(rows[-1]["shops"]) == ["s0"]
    assert rows[-1]["rows_affected"] == outcome.rows_before + outcome.rows_after and holder(loaded.warehouse.root, layout) is None
    snapshot = engine.work_folder(loaded.warehouse, layout, outcome.backfill_id) / "snapshot"
    assert sorted(tuple(r.values()) for r in pq.read_table(snapshot).to_pylist()) == [r for r in before if in_scope(r)]
    restored = engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300)
    assert daily(loaded, layout) == before and restored == outcome.rows_before
    assert engine.latest(loaded.warehouse, layout, outcome.backfill_id)["status"] == "rolled_back"
    assert engine.prune(loaded.warehouse, layout, 7) == 0
    assert engine.prune(loaded.warehouse, layout, 0, now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1)) == restored
    assert not snapshot.exists()
    verify_detects_tampering(loaded, layout)


def verify_detects_tampering(loaded, layout) -> None:
    """An edited, a deleted and an inserted audit row (files of the audit folder) are each found by verify."""
    folder = loaded.warehouse.root / layout.schema / layout.audit
    assert engine.verify(loaded.warehouse, layout).problems == ()
    files = sorted(folder.glob("seq-*.parquet"))
    assert len(files) == 3  # running, completed, rolled_back
    original = pq.read_table(files[1])
    pq.write_table(original.set_column(original.schema.get_field_index("reason"), "reason", [["nothing to see"]]), files[1])
    assert [p for p in engine.verify(loaded.warehouse, layout).problems if "edited" in p]
    pq.write_table(original, files[1])
    assert engine.verify(loaded.warehouse, layout).problems == ()
    files[1].rename(folder / ".deleted")
    assert [p for p in engine.verify(loaded.warehouse, layout).problems if "deleted or inserted" in p]
    (folder / ".deleted").rename(files[1])
    pq.write_table(pq.read_table(files[0]), folder / "seq-0000000001a.parquet")  # a copy of the first row slipped in
    assert [p for p in engine.verify(loaded.warehouse, layout).problems if "deleted or inserted" in p]


def test_a_crash_before_the_swap_leaves_production_as_before_one_after_swapped_and_a_rerun_completes(built):
    loaded, layout, data = built
    before = daily(loaded, layout)
    change_sources(loaded, data)
    crashed = {}
    for crash_after in ("snapshot", "swap"):
        def fault(step, at=crash_after):
            if step == at:
                raise Crash(step)

        with pytest.raises(Crash):
            run(loaded, layout, fault=fault)
        crashed[crash_after] = daily(loaded, layout)
        with pytest.raises(WarehouseError, match="stale backfill lock"):
            run(loaded, layout)
        assert unlock(loaded.warehouse.root, layout) is not None
    assert crashed["snapshot"] == before and crashed["swap"] != before
    assert run(loaded, layout).status == "completed"
    rerun = daily(loaded, layout)
    assert len(rerun) == len({r[:4] for r in rerun})
    # The rerun gives the values the crashed run had swapped in (only the stamps differ).
    assert [r[:5] for r in rerun] == [r[:5] for r in crashed["swap"]]
    assert [r["status"] for r in engine.rows(loaded.warehouse, layout)] == ["running", "running", "running", "completed"]


# -- the lock file (no Spark needed) ------------------------------------------------------


def test_the_lock_file_refuses_a_second_run_naming_it_and_a_dead_holder_is_stale_until_unlocked(tmp_path):
    layout = Layout("semantic")
    first = SparkLock.acquire(tmp_path, layout, "b-1", "ana@example.com", 300)
    # As if another live process held it (a process runs one backfill at a time, so its own lock is a dead run's).
    record = json.loads(lock_path(tmp_path, layout).read_text())
    lock_path(tmp_path, layout).write_text(json.dumps({**record, "pid": os.getppid()}))
    with pytest.raises(WarehouseError, match=r"another backfill is running.*b-1 by ana@example.com"):
        SparkLock.acquire(tmp_path, layout, "b-2", "bob@example.com", 300)
    lock_path(tmp_path, layout).write_text(json.dumps(record))
    first.heartbeat()
    assert holder(tmp_path, layout).heartbeat_at >= holder(tmp_path, layout).acquired_at
    first.release()
    assert holder(tmp_path, layout) is None
    # A holder whose process has exited: stale, refused all the same, broken only by unlock.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    SparkLock.acquire(tmp_path, layout, "b-3", "ana@example.com", 300)
    record = json.loads(lock_path(tmp_path, layout).read_text())
    lock_path(tmp_path, layout).write_text(json.dumps({**record, "pid": int(dead)}))
    for _ in range(2):
        with pytest.raises(WarehouseError, match="stale backfill lock.*its process is gone"):
            SparkLock.acquire(tmp_path, layout, "b-4", "bob@example.com", 300)
    assert unlock(tmp_path, layout).backfill_id == "b-3" and holder(tmp_path, layout) is None


# -- the session the tool started -----------------------------------------------------------


def test_closing_a_session_the_tool_started_removes_its_scratch_folder(tmp_path):
    script = (
        "import sys\nfrom semantic.backends.connect import connect\n"
        f"w = connect('spark://local?warehouse={tmp_path / 'lake'}&cores=1&memory=512m')\n"
        "scratch = w.session.conf.get('spark.local.dir')\nassert w.owns_session\nw.close()\nprint(scratch)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    scratch = Path(done.stdout.strip().splitlines()[-1])
    assert scratch.name == "local" and scratch.parent.name.startswith("semantic-spark-")
    assert not scratch.parent.exists()


def test_a_backfill_refreshes_attributed_orders_of_its_range_and_shops_and_rolls_back_exactly(built):
    # As on the SQL engines (tests/test_backfill_orders.py): s0's order 1003 (local 2024-03-10, in the
    # range) now sells for 100.00, so its attributed revenue is 100 - 4 discount + 5 shipping + 3.20 tax =
    # 104.20; s1's order 1001 changed too, outside the backfill's shops, and keeps its built row.
    loaded, layout, data = built
    w, catalog, config = loaded.warehouse, loaded.project.catalog, loaded.project.config
    metric = catalog.resolve(ATTRIBUTED_ORDERS_METRIC, config)
    with w.transaction():
        stage_expr(w, layout.schema, layout.orders,
                   attributed_orders(catalog, config, Stamp(metric, "sha256:built", "build-1", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))))
    before = attributed(loaded, layout)
    in_scope = lambda r: r["shop_id"] == "s0" and START <= r["day"] <= END  # noqa: E731
    assert before[("s0", "1003")]["order_revenue"] != Decimal("104.20") and sum(map(in_scope, before.values())) >= 2
    change_sources(loaded, data)
    request = BackfillRequest(START, END, "refunds were late", "dev", ENGINEER, ("s0",), ("revenue", ATTRIBUTED_ORDERS_METRIC))
    the_plan = plan_backfill(catalog, config, request, ["s0", "s1"])
    outcome = engine.run_backfill(w, catalog, config, the_plan, fingerprints(the_plan.metrics), layout)
    assert outcome.status == "completed" and all(c.passed for c in outcome.checks), outcome.checks
    assert {c.name for c in outcome.checks} >= {"one attributed order per shop and order_id"}
    after = attributed(loaded, layout)
    assert after[("s0", "1003")]["order_revenue"] == Decimal("104.20") and after[("s0", "1003")]["run_id"] == outcome.backfill_id
    assert {k: r for k, r in after.items() if not in_scope(r)} == {k: r for k, r in before.items() if not in_scope(r)}
    assert outcome.orders_before == outcome.orders_after == sum(map(in_scope, before.values()))
    engine.rollback(w, layout, outcome.backfill_id, ENGINEER, 300)
    assert attributed(loaded, layout) == before


def attributed(loaded, layout) -> dict[tuple[str, str], dict]:
    """attributed_orders' rows (every column) by (shop_id, order_id), read from the table's Parquet folder."""
    rows = pq.read_table(loaded.warehouse.root / layout.schema / layout.orders).to_pylist()
    assert len(rows) == len({(r["shop_id"], r["order_id"]) for r in rows})
    return {(r["shop_id"], r["order_id"]): r for r in rows}
