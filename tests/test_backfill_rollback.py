"""Rollback decides from the audit log whether production was touched (both engines).

A backfill that crashed or failed before its swap committed changed nothing:
rollback refuses it (exit 2) and leaves production alone, even though its
snapshot may be empty or present. One that swapped is undone exactly, also when
its scope had no rows before (the snapshot is empty: what the swap inserted is
deleted). "Byte-identical" compares every column of every daily and
attributed_orders row with what was there before the backfill started.
"""

from __future__ import annotations


import pytest

from semantic.backends import backfill as engine
from semantic.backends import backfill_audit as audit
from semantic.backends import statements as sql
from semantic.backends.backfill_lock import unlock
from semantic.backends.connect import connect
from semantic.backends.materialize import build
from semantic.errors import NothingToRollBack, WarehouseError
from semantic.materialized import Layout
from semantic.backends.backfill_orders import columns_of
from tests.cli_run import cli, one_line
from tests.conftest import Loaded
from tests.reference import edge_case_shops
from tests.test_backfill_orders import END, ENGINEER, IN_SCOPE, START, Crash, fingerprints, run, sell_for_100


@pytest.fixture
def built(load_warehouse):
    """(loaded, layout, data): the edge-case shops built whole (every daily metric and attributed_orders)."""
    data = edge_case_shops()
    loaded = load_warehouse(data.arrow_tables())
    schema = loaded.project.config.sources.database
    layout = Layout(schema=f"{schema}_sem" if schema else "semantic")
    build(loaded.warehouse, loaded.project.catalog, loaded.project.config, fingerprints(loaded), layout)
    yield loaded, layout, data
    if loaded.warehouse.dialect == "postgres":
        loaded.warehouse.raw.rollback()
        sql.run(loaded.warehouse, f'DROP SCHEMA IF EXISTS "{layout.schema}" CASCADE')


@pytest.fixture
def engine_url(engine, tmp_path):
    import os

    return f"duckdb:///{tmp_path / 'w0.duckdb'}" if engine == "duckdb" else os.environ["SEMANTIC_TEST_POSTGRES_URL"]


def production(loaded, layout) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Every column of every daily_metrics, attributed_orders and daily_wide row, in key order.

    Also checks daily_wide is daily_metrics pivoted (worked out here in Python).
    """
    daily = sql.table_name(loaded.warehouse, layout.schema, layout.daily)
    orders = sql.table_name(loaded.warehouse, layout.schema, layout.orders)
    found = (sql.fetch(loaded.warehouse, f"SELECT * FROM {daily} ORDER BY shop_id, day, metric, version"),
             sql.fetch(loaded.warehouse, f"SELECT * FROM {orders} ORDER BY shop_id, order_id"),
             sql.fetch(loaded.warehouse, f"SELECT * FROM {sql.table_name(loaded.warehouse, layout.schema, 'daily_wide')} "
                                         "ORDER BY shop_id, day"))
    assert_pivot(loaded, layout, found[0])
    return found


def assert_pivot(loaded, layout, daily_rows) -> None:
    """daily_wide holds, per shop and day, each metric's daily_metrics value in its column, the latest built_at."""
    wide = sql.table_name(loaded.warehouse, layout.schema, "daily_wide")
    cursor_columns = columns_of(loaded.warehouse, layout.schema, "daily_wide")
    pivot: dict[tuple, dict] = {}
    for shop, day, metric, version, value, _fingerprint, built_at, _run in daily_rows:
        row = pivot.setdefault((shop, day), {"built_at": built_at})
        row[f"{metric}__v{version}"], row["built_at"] = value, max(row["built_at"], built_at)
    got = {}
    for row in sql.fetch(loaded.warehouse, f"SELECT * FROM {wide}"):
        named = dict(zip(cursor_columns, row))
        key = (named.pop("shop_id"), named.pop("day"))
        got[key] = {k: v for k, v in named.items() if v is not None and k != "definitions_id"}
    assert got == pivot, cursor_columns


def crash_at(name):
    def fault(step):
        if step == name:
            raise Crash(step)
    return fault


def test_rollback_after_a_crash_after_each_step_leaves_production_as_before_the_backfill(built, engine_url):
    loaded, layout, data = built
    before = production(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"))
    for number, crash_after in enumerate(engine.STEPS):
        crashed = f"00000000-0000-0000-0000-00000000000{number}"
        victim = Loaded(connect(engine_url), loaded.project)
        with pytest.raises(Crash):
            run(victim, layout, fault=crash_at(crash_after), backfill_id=crashed)
        victim.warehouse.close()
        swapped = engine.STEPS.index(crash_after) >= engine.STEPS.index("swap")
        assert (production(loaded, layout) != before) if swapped else (production(loaded, layout) == before), crash_after
        if crash_after != "complete":  # the complete step frees the lock before the fault
            assert unlock(loaded.warehouse, layout) is not None
        if swapped:
            restored = engine.rollback(loaded.warehouse, layout, crashed, ENGINEER, 300)
            assert restored == len([r for r in before[0] if r[0] == "s0" and START <= r[1] <= END]), crash_after
            assert audit.latest(loaded.warehouse, layout, crashed)["status"] == "rolled_back"
        elif crash_after == "lock":  # not even audited: the log knows no such backfill
            with pytest.raises(WarehouseError, match="no backfill"):
                engine.rollback(loaded.warehouse, layout, crashed, ENGINEER, 300)
        else:
            with pytest.raises(NothingToRollBack, match="never swapped"):
                engine.rollback(loaded.warehouse, layout, crashed, ENGINEER, 300)
            assert audit.latest(loaded.warehouse, layout, crashed)["status"] == "running", "the refusal wrote nothing"
        assert production(loaded, layout) == before, crash_after
    assert audit.verify(loaded.warehouse, layout).problems == ()


def test_rollback_of_a_failed_backfill_is_refused_and_changes_nothing(built):
    loaded, layout, data = built
    before = production(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"))
    outcome = run(loaded, layout, checks=[lambda rows: [engine.CheckResult("refuse", False, detail="injected")]])
    assert outcome.status == "failed"
    with pytest.raises(NothingToRollBack, match="never swapped"):
        engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300)
    assert production(loaded, layout) == before


def test_a_swap_into_an_empty_scope_rolls_back_to_the_empty_scope(built):
    loaded, layout, data = built
    for table in (layout.daily, layout.orders, "daily_wide"):  # a gap in production: the scope has no rows
        sql.run(loaded.warehouse, f"DELETE FROM {sql.table_name(loaded.warehouse, layout.schema, table)} WHERE {IN_SCOPE}",
                ("s0", START, END))
    before = production(loaded, layout)
    outcome = run(loaded, layout)
    assert outcome.status == "completed" and outcome.rows_before == 0 and outcome.rows_after > 0 and outcome.orders_after
    assert production(loaded, layout) != before
    assert engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300) == 0
    assert production(loaded, layout) == before


def test_the_cli_refuses_with_exit_2_and_one_line(built, engine_url, capsys):
    loaded, layout, data = built
    before = production(loaded, layout)
    victim = Loaded(connect(engine_url), loaded.project)
    with pytest.raises(Crash):
        run(victim, layout, fault=crash_at("snapshot"))
    victim.warehouse.close()
    crashed = audit.rows(loaded.warehouse, layout)[-1]["backfill_id"]
    unlock(loaded.warehouse, layout)
    if loaded.warehouse.dialect == "duckdb":
        loaded.warehouse.close()  # the CLI opens the file itself
    code, out, err = cli(capsys, "backfill", "rollback", crashed, "--as", ENGINEER, "--schema", layout.schema,
                         "--database", engine_url)
    assert code == 2, out + err
    message = [line for line in (out + err).splitlines() if line.strip()]
    assert len(message) == 1 and "never swapped" in message[0] and "nothing to roll back" in one_line(message[0])
    if loaded.warehouse.dialect == "duckdb":
        loaded = Loaded(connect(engine_url), loaded.project)
    assert production(loaded, layout) == before
    loaded.warehouse.close() if loaded.warehouse.dialect == "duckdb" else None


def test_a_metrics_subset_backfill_repivots_its_scope_and_leaves_other_wide_rows_identical(built):
    loaded, layout, data = built
    wide = sql.table_name(loaded.warehouse, layout.schema, "daily_wide")
    others = sql.fetch(loaded.warehouse, f"SELECT * FROM {wide} WHERE NOT ({IN_SCOPE}) ORDER BY shop_id, day", ("s0", START, END))
    before = production(loaded, layout)
    sell_for_100(loaded, data, ("s0", "1003"), ("s1", "1001"))
    outcome = run(loaded, layout, metrics=("revenue",))
    assert outcome.status == "completed"
    after = production(loaded, layout)  # daily_wide is still daily_metrics pivoted
    assert after[2] != before[2]
    assert sql.fetch(loaded.warehouse, f"SELECT * FROM {wide} WHERE NOT ({IN_SCOPE}) ORDER BY shop_id, day", ("s0", START, END)) == others
    sets = sql.table_name(loaded.warehouse, layout.schema, "definition_sets")
    changed = sql.fetch(loaded.warehouse, f"SELECT DISTINCT s.metric, s.run_id FROM {wide} w JOIN {sets} s "
                        f"ON s.definitions_id = w.definitions_id WHERE w.shop_id = ? AND w.day = ?", ("s0", START))
    runs = dict(changed)
    assert runs["revenue"] == outcome.backfill_id and runs["orders"] != outcome.backfill_id
    engine.rollback(loaded.warehouse, layout, outcome.backfill_id, ENGINEER, 300)
    assert production(loaded, layout) == before
