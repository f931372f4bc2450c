"""A backfill refreshes attributed_orders for its range and shops, with the daily rows' guarantees (both engines).

The edge-case shops are built whole (every materialized metric, and
attributed_orders); then orders change and a backfill of three days of s0
runs. The expected order_revenue is worked out by hand (gross - discounts +
shipping + tax of the changed order); "byte-identical" compares every column.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from semantic.backends import backfill as engine
from semantic.backends import statements as sql
from semantic.backends.backfill_lock import unlock
from semantic.backends.connect import connect
from semantic.backends.materialize import build
from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.materialized import Layout, materialized_metrics
from semantic.sources import Sources
from tests.conftest import Loaded
from tests.reference import edge_case_shops

START, END = dt.date(2024, 3, 10), dt.date(2024, 3, 12)
ENGINEER = "eng@example.com"
IN_SCOPE = "shop_id = ? AND day BETWEEN ? AND ?"


class Crash(BaseException):
    """A simulated process death (not an Exception: the run's error handling does not see it)."""


@pytest.fixture
def built(load_warehouse):
    """(loaded, layout, data): the edge-case shops, built whole (attributed_orders included)."""
    data = edge_case_shops()
    loaded = load_warehouse(data.arrow_tables())
    schema = loaded.project.config.sources.database
    layout = Layout(schema=f"{schema}_sem" if schema else "semantic")
    build(loaded.warehouse, loaded.project.catalog, loaded.project.config, fingerprints(loaded), layout)
    yield loaded, layout, data
    if loaded.warehouse.dialect == "postgres":
        loaded.warehouse.raw.rollback()
        sql.run(loaded.warehouse, f'DROP SCHEMA IF EXISTS "{layout.schema}" CASCADE')


def fingerprints(loaded) -> dict[str, str]:
    return {m.ref: f"sha256:{m.name}" for m in materialized_metrics(loaded.project.catalog, loaded.project.config)}


def run(loaded, layout, metrics=(), **kwargs):
    request = BackfillRequest(START, END, "orders were late", "dev", ENGINEER, ("s0",), tuple(metrics))
    plan = plan_backfill(loaded.project.catalog, loaded.project.config, request, ["s0", "s1"])
    return engine.run_backfill(loaded.warehouse, loaded.project.catalog, loaded.project.config, plan,
                               fingerprints(loaded), layout, **kwargs)


def orders(loaded, layout, where: str = "1 = 1", params=()) -> list[tuple]:
    table = sql.table_name(loaded.warehouse, layout.schema, layout.orders)
    return sql.fetch(loaded.warehouse, f"SELECT * FROM {table} WHERE {where} ORDER BY shop_id, order_id", params)


def named(loaded, layout, shop: str, order_id: str) -> dict:
    table = sql.table_name(loaded.warehouse, layout.schema, layout.orders)
    found = sql.fetch(loaded.warehouse, f"SELECT order_revenue, run_id, fingerprint FROM {table} WHERE shop_id = ? AND order_id = ?",
                      (shop, order_id))
    assert len(found) == 1
    return dict(zip(("order_revenue", "run_id", "fingerprint"), found[0]))


def sell_for_100(loaded, data, *keys) -> None:
    for order in data.orders:
        if (order["shop_id"], order["order_id"]) in keys:
            order["gross_sales"] = Decimal("100.00")
    loaded.warehouse.load({"orders": data.arrow_tables()["orders"]}, Sources.from_config(loaded.project.config))


def test_a_backfill_refreshes_attributed_orders_of_its_range_and_shops_and_nothing_else(built):
    loaded, layout, data = built
    in_scope_before = orders(loaded, layout, IN_SCOPE, ("s0", START, END))
    outside_before = orders(loaded, layout, f"NOT ({IN_SCOPE})", ("s0", START, END))
    assert len(in_scope_before) >= 2 and named(loaded, layout, "s0", "1003")["order_revenue"] != Decimal("104.20")
    sell_for_100(loaded, data, ("s0", "1003"), ("s1", "1001"))
    outcome = run(loaded, layout)
    assert outcome.status == "completed" and all(c.passed for c in outcome.checks)
    assert {c.name for c in outcome.checks} >= {"one attributed order per shop and order_id"}
    # 1003 (local 2024-03-10): 100.00 gross - 4.00 discounts + 5.00 shipping + 3.20 tax, stamped by the backfill.
    assert named(loaded, layout, "s0", "1003") == {"order_revenue": Decimal("104.20"), "run_id": outcome.backfill_id,
                                                  "fingerprint": "sha256:attributed_orders"}
    # Tenant isolation: every row outside s0's three days is byte-identical, s1's changed order included.
    assert orders(loaded, layout, f"NOT ({IN_SCOPE})", ("s0", START, END)) == outside_before
    assert named(loaded, layout, "s1", "1001")["order_revenue"] != Decimal("104.20")
    assert outcome.orders_before == outcome.orders_after == len(in_scope_before)
    snapshots = sql.table_name(loaded.warehouse, layout.schema, layout.order_snapshots)
    kept = sql.fetch(loaded.warehouse, f"SELECT count(*) FROM {snapshots} WHERE backfill_id = ?", (outcome.backfill_id,))
    assert kept[0][0] == len(in_scope_before)


def test_rollback_restores_attributed_orders_exactly(built):
    loaded, layout, data = built
    before = orders(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"))
    outcome = run(loaded, layout)
    assert orders(loaded, layout) != before
    engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300)
    assert orders(loaded, layout) == before


def test_a_metrics_subset_without_attributed_orders_leaves_the_table_alone(built):
    loaded, layout, data = built
    before = orders(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"))
    outcome = run(loaded, layout, metrics=("revenue",))
    assert outcome.status == "completed" and outcome.orders_before is None
    assert orders(loaded, layout) == before


def test_a_failing_check_leaves_attributed_orders_untouched(built):
    loaded, layout, data = built
    before = orders(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"))

    def always_fails(rows: engine.StagingRows):
        return [engine.CheckResult("refuse", False, detail="injected")]

    assert run(loaded, layout, checks=[always_fails]).status == "failed"
    assert orders(loaded, layout) == before
    staging = sql.table_name(loaded.warehouse, layout.schema, layout.order_staging)
    assert sql.fetch(loaded.warehouse, f"SELECT count(*) FROM {staging}")[0][0] == 0


def test_a_crash_between_any_two_steps_leaves_attributed_orders_before_or_swapped(built, engine_url):
    loaded, layout, data = built
    before = orders(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"))
    for crash_after in engine.STEPS[:-1]:
        def fault(step, at=crash_after):
            if step == at:
                raise Crash(step)

        victim = Loaded(connect(engine_url), loaded.project)
        with pytest.raises(Crash):
            run(victim, layout, fault=fault)
        victim.warehouse.close()
        swapped = engine.STEPS.index(crash_after) >= engine.STEPS.index("swap")
        now = orders(loaded, layout)
        assert (now != before) if swapped else (now == before), crash_after
        if swapped:
            assert named(loaded, layout, "s0", "1003")["order_revenue"] == Decimal("104.20")
        assert unlock(loaded.warehouse, layout) is not None
        if swapped:
            from semantic.backends import backfill_audit as audit

            engine.rollback(loaded.warehouse, layout, audit.rows(loaded.warehouse, layout)[-1]["backfill_id"], ENGINEER, 300)
            assert orders(loaded, layout) == before
    assert run(loaded, layout).status == "completed"
    assert named(loaded, layout, "s0", "1003")["order_revenue"] == Decimal("104.20")


@pytest.fixture
def engine_url(engine, tmp_path):
    import os

    return f"duckdb:///{tmp_path / 'w0.duckdb'}" if engine == "duckdb" else os.environ["SEMANTIC_TEST_POSTGRES_URL"]
