"""The failure simulations of the seed, on DuckDB and PostgreSQL, loaded the way `semantic load` loads.

A representative subset of the checks (the DuckDB-only file covers every check):
a clean warehouse passes; a duplicate order, upper-case statuses, a bad time
zone, orphan refunds and stale orders are each found with their rows; a naive
timestamp column is found in the engine's own catalog.
"""

from __future__ import annotations

import datetime as dt
import uuid

from semantic.backends.quality import run_checks
from semantic.checks import CheckScope
from tests.conftest import engine, load_warehouse, project_in_schema  # noqa: F401 - fixtures
from tests.quality_data import NOW, arrow_tables, clean_rows, order, refund

SUBSET = ("duplicate_keys", "financial_status", "shop_timezone", "refund_without_order", "freshness", "naive_timestamps", "negative_revenue_day")


def results(loaded):
    run = run_checks(loaded.warehouse, loaded.project.catalog, loaded.project.config, CheckScope(select=SUBSET), now=NOW)
    return {r.name: r for r in run.results}


def test_clean_data_passes_the_subset(load_warehouse):
    found = results(load_warehouse(arrow_tables(clean_rows())))
    assert {n: r.status for n, r in found.items()} == {n: "pass" for n in SUBSET}


def test_each_planted_fault_is_found_with_its_rows(load_warehouse):
    rows = clean_rows()
    rows["orders"] += [order("s1", "o2", "60.00"), order("s2", "o8", "1.00", status="PAID")]
    rows["order_lines"] = []
    rows["shops"][1]["timezone"] = "(GMT-05:00) America/New_York"
    rows["refunds"].append(refund("s1", "r5", "o404", "3.00"))
    for o in rows["orders"]:
        o["_loaded_at"] = NOW - dt.timedelta(hours=3)
    found = results(load_warehouse(arrow_tables(rows)))
    assert found["duplicate_keys"].samples == (("orders", "s1", "o2", 2),)
    assert found["financial_status"].samples == (("s2", "PAID", 1, True),)
    assert found["shop_timezone"].samples == (("s2", "(GMT-05:00) America/New_York"),)
    assert found["refund_without_order"].samples == (("s1", "r5", "o404"),)
    assert [(r[0], r[1], r[3], r[4]) for r in found["freshness"].samples] == [("orders", "s1", 3.0, "warn"), ("orders", "s2", 3.0, "warn")]
    assert found["freshness"].status == "warn"


def test_a_naive_timestamp_column_is_found_in_the_engines_catalog(load_warehouse, engine):
    loaded = load_warehouse(arrow_tables(clean_rows()))
    physical = loaded.project.config.sources.database
    target = f'"{physical}"."refunds"' if physical else '"refunds"'
    statement = f"ALTER TABLE {target} ALTER COLUMN processed_at TYPE TIMESTAMP"
    if engine == "duckdb":
        loaded.warehouse.raw.execute(statement)
        expected_type = "TIMESTAMP"
    else:
        with loaded.warehouse.raw.cursor() as cursor:
            cursor.execute(statement)
        loaded.warehouse.raw.commit()
        expected_type = "timestamp without time zone"
    found = results(loaded)["naive_timestamps"]
    assert found.samples == (("refunds", "processed_at", "refunds", "processed_at", expected_type),)


def test_store_failures_keeps_every_offending_row_per_run(load_warehouse, engine):
    rows = clean_rows()
    rows["refunds"] += [refund("s1", f"r{i}", "o404", "1.00") for i in range(7)]
    loaded = load_warehouse(arrow_tables(rows))
    schema = f"failures_{uuid.uuid4().hex[:10]}"  # parallel runs never share it
    project = project_in_schema(loaded.project.config.sources.database, f'[quality]\nfailures_schema = "{schema}"\n')
    runs = [
        run_checks(loaded.warehouse, project.catalog, project.config, CheckScope(select=("refund_without_order",)), now=now, store_failures=True)
        for now in (NOW, NOW + dt.timedelta(hours=1))
    ]
    names = [r.results[0].stored_as for r in runs]
    assert names[0] != names[1] and all(n.startswith(f"{schema}.refund_without_order__") for n in names)
    table = names[0].split(".")[1]
    sql = f'SELECT refund_id FROM "{schema}"."{table}" ORDER BY refund_id'
    if engine == "duckdb":
        stored = [r[0] for r in loaded.warehouse.raw.execute(sql).fetchall()]
    else:
        with loaded.warehouse.raw.cursor() as cursor:
            cursor.execute(sql)
            stored = [r[0] for r in cursor.fetchall()]
        with loaded.warehouse.raw.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA "{schema}" CASCADE')
        loaded.warehouse.raw.commit()
    assert stored == [f"r{i}" for i in range(7)]  # all seven, not the five shown


def test_a_negative_revenue_day_blocks_on_each_engine(load_warehouse):
    from decimal import Decimal

    rows = clean_rows()
    rows["orders"].append(order("s2", "o5", "-50.00", day=11))  # s2 (Berlin): Jan 11 sells -50.00, refunds nothing
    rows["order_lines"] = []
    loaded = load_warehouse(arrow_tables(rows))
    run = run_checks(loaded.warehouse, loaded.project.catalog, loaded.project.config, CheckScope(select=("negative_revenue_day",)), now=NOW)
    (result,) = run.results
    assert (result.status, run.exit_code()) == ("fail", 1)
    assert result.samples == (("s2", dt.date(2026, 1, 11), Decimal("-50.00"), Decimal("0.00"), Decimal("-50.00"), "error"),)


def test_a_10x_spike_in_one_shop_is_found_on_each_engine_and_the_other_shop_stays_green(load_warehouse):
    import statistics

    from tests.test_quality_trends import RUN_AT, daily_count, spiked_rows

    loaded = load_warehouse(arrow_tables(spiked_rows()), "[checks.orders_anomaly]\nwindow_days = 7\nmin_points = 7\n")
    run = run_checks(loaded.warehouse, loaded.project.catalog, loaded.project.config, CheckScope(select=("orders_anomaly",)), now=RUN_AT)
    (result,) = run.results
    baseline = [daily_count("s1", d) for d in range(12, 19)]  # the 7 days before Jan 19, without it
    mean, sd = statistics.mean(baseline), statistics.stdev(baseline)
    (row,) = result.samples  # s2 is not among the offending rows
    assert row[:3] == ("s1", dt.date(2026, 1, 19), 100.0)
    assert row[3] == round(mean, 2) and row[4] == round(sd, 2) and row[5] == round((100 - mean) / sd, 2)


def test_a_check_that_finds_rows_runs_its_statement_once_for_count_and_sample(load_warehouse):
    rows = clean_rows()
    rows["refunds"] += [refund("s1", f"r{i}", "o404", "1.00") for i in range(7)]  # seven orphans, five shown
    loaded = load_warehouse(arrow_tables(rows))
    before = len(loaded.warehouse.executed)
    run = run_checks(loaded.warehouse, loaded.project.catalog, loaded.project.config, CheckScope(select=("refund_without_order",)), now=NOW)
    (result,) = run.results
    assert (result.offending, len(result.samples)) == (7, 5)
    assert result.samples == tuple(("s1", f"r{i}", "o404") for i in range(5))
    statements = list(loaded.warehouse.executed)[before:]
    assert len(statements) == 1 and "OVER ()" in statements[0]
