"""`semantic backfill` on DuckDB and PostgreSQL: the seed's validation checklist, automated.

A small warehouse (the reference's edge-case shops s0 and s1) is built; then the
sources change and a backfill of three days of s0 recomputes them. Expected
values come from tests/reference.py on the changed data; "byte-identical" is
every column of every row (value, fingerprint, built_at, run_id) compared.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from semantic.backends import backfill as engine
from semantic.backends import backfill_audit as audit
from semantic.backends import statements as sql
from semantic.backends.backfill_lock import holder, unlock
from semantic.backends.connect import connect
from semantic.backends.materialize import build
from semantic.backends.runner import run_query
from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.errors import WarehouseError
from semantic.materialized import Layout, materialized_query
from semantic.metrics import Additive
from semantic.query import QuerySpec
from semantic.sources import Sources
from tests.conftest import Loaded
from tests.reference import CORE_METRICS, Knobs, edge_case_shops, reference_query

START, END = dt.date(2024, 3, 10), dt.date(2024, 3, 12)
ENGINEER = "eng@example.com"


class Crash(BaseException):
    """A simulated process death: not an Exception, so the run's error handling does not see it."""


@pytest.fixture
def setup(load_warehouse):
    """(loaded, layout, data): the edge-case shops loaded and built (core metrics), in schemas of their own."""
    data = edge_case_shops()
    loaded = load_warehouse(data.arrow_tables())
    schema = loaded.project.config.sources.database
    layout = Layout(schema=f"{schema}_sem" if schema else "semantic")
    metrics = core_metrics(loaded)
    build(loaded.warehouse, loaded.project.catalog, loaded.project.config, fingerprints(metrics), layout, metrics=metrics)
    yield loaded, layout, data
    if loaded.warehouse.dialect == "postgres":
        loaded.warehouse.raw.rollback()
        sql.run(loaded.warehouse, f'DROP SCHEMA IF EXISTS "{layout.schema}" CASCADE')


def core_metrics(loaded) -> list[Additive]:
    return [m for m in loaded.project.catalog.closure(CORE_METRICS, loaded.project.config) if isinstance(m, Additive)]


def fingerprints(metrics) -> dict[str, str]:
    return {m.ref: f"sha256:{m.name}" for m in metrics}


def plan(loaded, shops=("s0",), start=START, end=END, **kwargs):
    request = BackfillRequest(start, end, kwargs.pop("reason", "refunds were late"), kwargs.pop("env", "dev"),
                              kwargs.pop("actor", ENGINEER), tuple(shops), tuple(CORE_METRICS), **kwargs)
    return plan_backfill(loaded.project.catalog, loaded.project.config, request, ["s0", "s1"])


def run(loaded, layout, the_plan=None, **kwargs):
    the_plan = the_plan or plan(loaded)
    metrics = list(the_plan.metrics)
    return engine.run_backfill(loaded.warehouse, loaded.project.catalog, loaded.project.config, the_plan,
                               fingerprints(metrics), layout, **kwargs)


def daily(loaded, layout, where: str = "1 = 1", params=()) -> list[tuple]:
    """Every column of the daily rows, in key order: what byte-identical compares."""
    table = sql.table_name(loaded.warehouse, layout.schema, layout.daily)
    return sql.fetch(loaded.warehouse, f"SELECT * FROM {table} WHERE {where} ORDER BY shop_id, day, metric, version", params)


def change_sources(loaded, data):
    """s0's order 1003 (local 2024-03-10) now sold 100.00, s1's order 1001 too: the sources moved on."""
    for order in data.orders:
        if (order["shop_id"], order["order_id"]) in (("s0", "1003"), ("s1", "1001")):
            order["gross_sales"] = Decimal("100.00")
    loaded.warehouse.load({"orders": data.arrow_tables()["orders"]}, Sources.from_config(loaded.project.config))


def test_backfill_of_three_days_of_one_shop_recomputes_them_and_nothing_else(setup):
    loaded, layout, data = setup
    before_all = daily(loaded, layout)
    others_before = daily(loaded, layout, "NOT (shop_id = ? AND day BETWEEN ? AND ?)", ("s0", START, END))
    in_scope_before = daily(loaded, layout, "shop_id = ? AND day BETWEEN ? AND ?", ("s0", START, END))
    change_sources(loaded, data)
    outcome = run(loaded, layout)
    assert outcome.status == "completed" and all(c.passed for c in outcome.checks)
    # The changed s0 days answer as the reference says on the new sources ...
    spec = QuerySpec(metrics=CORE_METRICS, by=("day", "shop"), shops=("s0",), start=START, end=END)
    got = run_query(loaded.warehouse, materialized_query(loaded.project.catalog, loaded.project.config, spec, layout)).to_pylist()
    expected = reference_query(data, CORE_METRICS, ("day", "shop"), Knobs(), ("s0",), START, END)
    assert {(r["day"], r["shop_id"]): {m: r[m] for m in CORE_METRICS} for r in got} == expected
    assert expected[(START, "s0")]["revenue"] == Decimal("44.20") + Decimal("104.20")  # 1001 as before; 1003: 100 - 4 + 5 + 3.20
    # ... tenant isolation: every other row is byte-identical, although s1's sources changed too.
    assert daily(loaded, layout, "NOT (shop_id = ? AND day BETWEEN ? AND ?)", ("s0", START, END)) == others_before
    assert daily(loaded, layout) != before_all
    # The audit rows are complete, the snapshot holds exactly the replaced rows.
    rows = audit.rows(loaded.warehouse, layout, outcome.backfill_id)
    assert [r["status"] for r in rows] == ["running", "swapped", "completed"]
    done = rows[-1]
    assert (done["triggered_by"], done["environment"], done["start_day"], done["end_day"]) == (ENGINEER, "dev", START, END)
    assert json.loads(done["shops"]) == ["s0"] and done["reason"] == "refunds were late"
    assert done["rows_affected"] == len(in_scope_before) + outcome.rows_after
    detail = json.loads(done["detail"])
    assert detail["totals_before"]["revenue@1"] != detail["totals_after"]["revenue@1"] and "seconds" in detail
    snapshots = sql.table_name(loaded.warehouse, layout.schema, layout.snapshots)
    snapshot = sql.fetch(loaded.warehouse, f"SELECT shop_id, day, metric, version, value, fingerprint, built_at, run_id FROM {snapshots} "
                         "WHERE backfill_id = ? ORDER BY shop_id, day, metric, version", (outcome.backfill_id,))
    assert snapshot == in_scope_before
    assert holder(loaded.warehouse, layout) is None
    assert "postgresql://" not in json.dumps(rows, default=str) and "duckdb://" not in json.dumps(rows, default=str)


def test_rollback_restores_the_previous_rows_exactly_and_is_audited(setup):
    loaded, layout, data = setup
    before = daily(loaded, layout)
    change_sources(loaded, data)
    outcome = run(loaded, layout)
    assert daily(loaded, layout) != before
    restored = engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300)
    assert daily(loaded, layout) == before and restored == outcome.rows_before
    assert audit.latest(loaded.warehouse, layout, outcome.backfill_id)["status"] == "rolled_back"
    assert audit.verify(loaded.warehouse, layout).problems == ()


def test_a_failing_quality_check_stops_the_backfill_before_production(setup):
    loaded, layout, data = setup
    before = daily(loaded, layout)
    for order in data.orders:  # bad rows in the sources: a negative sale
        if (order["shop_id"], order["order_id"]) == ("s0", "1003"):
            order["gross_sales"] = Decimal("-500.00")
    loaded.warehouse.load({"orders": data.arrow_tables()["orders"]}, Sources.from_config(loaded.project.config))

    def no_negative_revenue(rows: engine.StagingRows):
        bad = sql.fetch(rows.warehouse, f"SELECT count(*) FROM {rows.table} WHERE backfill_id = ? AND metric = 'revenue' AND value < 0",
                        (rows.backfill_id,))[0][0]
        return [engine.CheckResult("revenue not negative", bad == 0, detail=f"{bad} negative days")]

    outcome = run(loaded, layout, checks=[no_negative_revenue])
    assert outcome.status == "failed"
    assert daily(loaded, layout) == before
    last = audit.latest(loaded.warehouse, layout, outcome.backfill_id)
    assert last["status"] == "failed" and "revenue not negative (1 negative days)" in json.loads(last["detail"])["error"]
    assert holder(loaded.warehouse, layout) is None


def test_a_crash_between_any_two_steps_leaves_production_before_or_swapped_and_a_stale_lock(setup, engine_url):
    loaded, layout, data = setup
    before = daily(loaded, layout)
    change_sources(loaded, data)
    for crash_after in engine.STEPS[:-1]:
        def fault(step, at=crash_after):
            if step == at:
                raise Crash(step)

        # The run dies in a process (connection) of its own; its connection goes with it (PostgreSQL frees the advisory lock).
        victim = Loaded(connect(engine_url), loaded.project)
        with pytest.raises(Crash):
            run(victim, layout, fault=fault)
        victim.warehouse.close()
        now = daily(loaded, layout)
        swapped = engine.STEPS.index(crash_after) >= engine.STEPS.index("swap")
        assert (now != before) if swapped else (now == before), crash_after
        with pytest.raises(WarehouseError, match="stale backfill lock"):
            run(loaded, layout)
        assert unlock(loaded.warehouse, layout) is not None
        if swapped:  # undo it, so that the next crash starts from the same rows
            crashed = audit.rows(loaded.warehouse, layout)[-1]["backfill_id"]
            engine.rollback(loaded.warehouse, layout, crashed, ENGINEER, 300)
            assert daily(loaded, layout) == before
    assert run(loaded, layout).status == "completed"
    after_rerun = daily(loaded, layout)
    assert after_rerun != before and len(after_rerun) == len({r[:4] for r in after_rerun})


@pytest.fixture
def engine_url(engine, tmp_path):
    import os

    return f"duckdb:///{tmp_path / 'w0.duckdb'}" if engine == "duckdb" else os.environ["SEMANTIC_TEST_POSTGRES_URL"]


def test_tampering_with_the_audit_log_is_detected(setup):
    loaded, layout, data = setup
    for _ in range(2):
        run(loaded, layout)
    warehouse = loaded.warehouse
    table = sql.table_name(warehouse, layout.schema, layout.audit)
    assert audit.verify(warehouse, layout).problems == ()
    if warehouse.dialect == "postgres":
        with pytest.raises(WarehouseError, match="append-only"):
            sql.run(warehouse, f"UPDATE {table} SET reason = 'x'")
        sql.run(warehouse, f"ALTER TABLE {table} DISABLE TRIGGER append_only")  # a superuser tampers anyway
    original = sql.fetch(warehouse, f"SELECT * FROM {table} ORDER BY seq")
    sql.run(warehouse, f"UPDATE {table} SET reason = ? WHERE seq = 2", ("nothing to see",))
    assert any("seq 2" in p and "edited" in p for p in audit.verify(warehouse, layout).problems)
    sql.run(warehouse, f"UPDATE {table} SET reason = ? WHERE seq = 2", (original[1][11],))
    assert audit.verify(warehouse, layout).problems == ()
    sql.run(warehouse, f"DELETE FROM {table} WHERE seq = 2")
    assert any("seq 3" in p for p in audit.verify(warehouse, layout).problems)
    columns = ", ".join("?" for _ in original[1])
    sql.run(warehouse, f"INSERT INTO {table} VALUES ({columns})", original[1])
    assert audit.verify(warehouse, layout).problems == ()
    forged = list(original[1])
    forged[0] = 99
    sql.run(warehouse, f"INSERT INTO {table} VALUES ({columns})", forged)
    assert audit.verify(warehouse, layout).problems


def test_a_build_refuses_to_start_while_a_backfill_holds_the_lock(setup):
    loaded, layout, _ = setup
    with pytest.raises(Crash):
        run(loaded, layout, fault=lambda step: (_ for _ in ()).throw(Crash()) if step == "snapshot" else None)
    metrics = core_metrics(loaded)
    with pytest.raises(WarehouseError, match="a backfill holds schema"):
        build(loaded.warehouse, loaded.project.catalog, loaded.project.config, fingerprints(metrics), layout, metrics=metrics)


def test_status_shows_the_banner_while_a_backfill_holds_the_lock(setup, capsys, engine_url):
    from tests.cli_run import cli

    loaded, layout, _ = setup
    code, out, _ = cli(capsys, "status", "--format", "json", "--schema", layout.schema, "--database", engine_url)
    assert code == 0 and json.loads(out)["banner"] is None
    with pytest.raises(Crash):
        run(loaded, layout, fault=lambda step: (_ for _ in ()).throw(Crash()) if step == "audit" else None)
    code, out, _ = cli(capsys, "status", "--format", "json", "--schema", layout.schema, "--database", engine_url)
    report = json.loads(out)
    assert code == 0 and report["reprocessing"] and report["banner"].startswith("Data is being reprocessed.")
    assert report["backfill"]["owner"] == ENGINEER and report["last_build"] is not None


def test_prune_deletes_snapshots_past_the_retention_and_rollback_then_refuses(setup):
    loaded, layout, data = setup
    change_sources(loaded, data)
    outcome = run(loaded, layout)
    assert engine.prune(loaded.warehouse, layout, 7) == 0, "a fresh snapshot is kept"
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=8)
    assert engine.prune(loaded.warehouse, layout, 7, now=later) == outcome.rows_before > 0
    with pytest.raises(WarehouseError, match="was pruned"):
        engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300)


def test_dry_run_counts_the_rows_it_would_replace_and_writes_nothing(setup):
    loaded, layout, _ = setup
    before = daily(loaded, layout)
    found = engine.dry_run(loaded.warehouse, plan(loaded), layout)
    assert found["rows_to_replace"] == len(daily(loaded, layout, "shop_id = ? AND day BETWEEN ? AND ?", ("s0", START, END)))
    assert found["checks"] == list(engine.INVARIANTS)
    assert daily(loaded, layout) == before and not sql.exists(loaded.warehouse, layout.schema, layout.audit)
