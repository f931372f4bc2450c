"""Dashboards on the materialized tables, and a backfill next to a full build (DuckDB).

    pytest tests/benchmarks/test_bench_materialized.py --benchmark-only

1. A year of 100 shops in daily_metrics (10 metrics: 365,000 rows), the core
   metrics by day, week and month and shop: engine time of the compiled SQL
   (target < 100 ms), beside a hand-written pivot over the same table (both
   must return the same rows), and beside the same query on the sources.
2. A 7-day backfill of one shop on the demo warehouse (SEMANTIC_BENCH_ORDERS)
   next to a full `semantic build` of it: both times and their ratio.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pyarrow as pa
import pytest

from semantic.backends import statements as sql
from semantic.backends.backfill import run_backfill
from semantic.backends.connect import connect
from semantic.backends.materialize import build
from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.compiler import compile_sql
from semantic.materialized import DAILY_COLUMNS, Layout, materialized_metrics, materialized_query
from semantic.project import Project
from semantic.query import QuerySpec, build_query

CORE = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")
HAND_WRITTEN = """
SELECT {bucket} AS b, shop_id,
  SUM(value) FILTER (WHERE metric = 'revenue') AS revenue,
  CAST(SUM(value) FILTER (WHERE metric = 'orders') AS BIGINT) AS orders,
  SUM(value) FILTER (WHERE metric = 'revenue') / NULLIF(SUM(value) FILTER (WHERE metric = 'orders'), 0) AS aov,
  SUM(value) FILTER (WHERE metric = 'paid_spend') AS paid_spend
FROM semantic.daily_metrics
WHERE metric IN ('revenue', 'orders', 'paid_spend') AND version = 1
GROUP BY 1, 2 ORDER BY 1, 2
"""
BUCKETS = {"day": "day", "week": "CAST(date_trunc('week', day) AS DATE)", "month": "CAST(date_trunc('month', day) AS DATE)"}


@pytest.fixture(scope="module")
def year_of_100_shops(tmp_path_factory):
    """A DuckDB file whose daily_metrics holds 365 days x 100 shops x 10 metrics (values synthetic)."""
    warehouse = connect(f"duckdb:///{tmp_path_factory.mktemp('dash') / 'd.duckdb'}")
    project = Project.defaults()
    metrics = materialized_metrics(project.catalog, project.config)
    from semantic.backends.materialize import ensure_tables

    ensure_tables(warehouse, Layout())
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    built_at = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    columns = {c: [] for c in DAILY_COLUMNS}
    for shop in range(100):
        for i, day in enumerate(days):
            for metric in metrics:
                columns["shop_id"].append(f"shop_{shop:03d}")
                columns["day"].append(day)
                columns["metric"].append(metric.name)
                columns["version"].append(metric.version)
                columns["value"].append(Decimal((shop * 7 + i * 13) % 500 + 1) if metric.unit == "count" else Decimal(f"{(shop + i) % 997}.25"))
                columns["fingerprint"].append("sha256:bench")
                columns["built_at"].append(built_at)
                columns["run_id"].append("bench")
    table = pa.table({c: columns[c] for c in DAILY_COLUMNS}).cast(pa.schema([
        ("shop_id", pa.string()), ("day", pa.date32()), ("metric", pa.string()), ("version", pa.int64()),
        ("value", pa.decimal128(38, 2)), ("fingerprint", pa.string()), ("built_at", pa.timestamp("us", tz="UTC")),
        ("run_id", pa.string())]))
    warehouse._insert(sql.table_name(warehouse, "semantic", "daily_metrics"), table)
    yield warehouse, project
    warehouse.close()


@pytest.mark.parametrize("grain", ["day", "week", "month"])
def test_dashboard_query_on_a_year_of_100_shops(benchmark, year_of_100_shops, grain):
    warehouse, project = year_of_100_shops
    spec = QuerySpec(metrics=CORE, by=(grain, "shop"))
    text = compile_sql(materialized_query(project.catalog, project.config, spec).expr, "duckdb")
    rows = benchmark.pedantic(lambda: warehouse.raw.sql(text).to_arrow_table(), rounds=10, warmup_rounds=1)
    assert rows.num_rows == {"day": 36_500, "week": 5_300, "month": 1_200}[grain]
    ours = rows.select([grain, "shop_id", "revenue", "orders", "paid_spend"]).to_pylist()
    started = time.perf_counter()
    hand = warehouse.raw.sql(HAND_WRITTEN.format(bucket=BUCKETS[grain])).to_arrow_table()
    hand_seconds = time.perf_counter() - started
    assert [tuple(r.values()) for r in ours] == [tuple(r.values()) for r in hand.select(["b", "shop_id", "revenue", "orders", "paid_spend"]).to_pylist()]
    print(f"\n{grain}: materialized {benchmark.stats.stats.min * 1000:.1f} ms (min), hand-written pivot {hand_seconds * 1000:.1f} ms")


def test_seven_day_backfill_of_one_shop_next_to_a_full_build(benchmark, demo_warehouse):
    warehouse, project, _, _ = demo_warehouse
    catalog, config = project.catalog, project.config
    started = time.perf_counter()
    build(warehouse, catalog, config, {})
    full = time.perf_counter() - started
    last = warehouse.raw.execute("SELECT max(day), min(shop_id) FROM semantic.daily_metrics").fetchone()
    end, shop = last[0], last[1]
    request = BackfillRequest(end - dt.timedelta(days=6), end, "benchmark", "dev", "bench@example.com", (shop,))
    plan = plan_backfill(catalog, config, request, [shop])
    outcome = benchmark.pedantic(lambda: run_backfill(warehouse, catalog, config, plan, {}), rounds=1, iterations=1)
    seven = benchmark.stats.stats.min
    assert outcome.status == "completed"
    spec = QuerySpec(metrics=CORE, by=("month", "shop"))
    started = time.perf_counter()
    warehouse.execute(build_query(catalog, config, spec).expr)
    on_sources = time.perf_counter() - started
    print(f"\nfull build {full:.2f}s; 7-day backfill of {shop} {seven:.2f}s ({seven / full:.1%} of the build); "
          f"core metrics by month and shop on the sources {on_sources:.2f}s")
