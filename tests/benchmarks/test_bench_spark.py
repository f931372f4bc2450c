"""Spark local[2] beside DuckDB and a hand-written Spark SQL query, on the 20,000-order demo.

    pytest tests/benchmarks/test_bench_spark.py --benchmark-only --benchmark-columns=min,mean,max,rounds

Groups:

- `spark-core-metrics`: all core metrics by day and shop, ours (the SQL
  `semantic compile --dialect pyspark` prints) and the hand-written query of
  test_bench_core_metrics spelled for Spark (shop time as from_utc_timestamp);
  same rows, checked outside the timing; DuckDB's time beside them.
- `spark-attribution`: last-click attributed revenue and ROAS by day, shop and platform (ROAS's
  attribution side), with the number of scans of the sessions table in Spark's
  physical plan kept in extra_info.

The session start is timed apart (printed, and in extra_info), as are the loads.
Sizes: SEMANTIC_BENCH_SPARK_ORDERS (default 20,000).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time

import pytest

from semantic.backends.runner import run_query
from semantic.compiler import compile_sql
from semantic.query import QuerySpec, build_query
from tests.benchmarks.test_bench_core_metrics import ALL, HAND_WRITTEN

ORDERS = int(os.environ.get("SEMANTIC_BENCH_SPARK_ORDERS", "20000"))
# The DuckDB baseline, spelled for Spark: the shop's wall clock is from_utc_timestamp in a UTC session.
HAND_WRITTEN_SPARK = re.sub(r"timezone\(s\.timezone, (\w+\.\w+)\)", r"from_utc_timestamp(\1, s.timezone)", HAND_WRITTEN)


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    from semantic.backends.connect import connect
    from semantic.backends.spark import SparkWarehouse, start_session
    from semantic.backends.url import WarehouseUrl
    from semantic.demo_data import generate
    from semantic.project import Project
    from semantic.sources import Sources
    from tests.conftest import spark_unavailable

    if spark_unavailable():
        pytest.skip(spark_unavailable())
    started = time.perf_counter()
    session, owned = start_session(WarehouseUrl.parse("spark://local?cores=2&memory=2g"))
    startup = time.perf_counter() - started
    folder = tmp_path_factory.mktemp("bench_spark")
    tables = generate(orders=ORDERS, shops=3, seed=11, end=dt.date(2024, 11, 30), days=365)
    project = Project.defaults()
    sources = Sources.from_config(project.config)
    spark = SparkWarehouse.from_session(session, folder / "lake")
    duck = connect(f"duckdb:///{folder / 'demo.duckdb'}")
    started = time.perf_counter()
    spark.load(tables, sources)
    loaded = time.perf_counter() - started
    duck.load(tables, sources)
    print(f"\nSpark session start {startup:.1f}s (owned: {owned}); {ORDERS:,} orders written as Parquet in {loaded:.1f}s")
    yield {"spark": spark, "duckdb": duck, "project": project, "startup": startup, "load": loaded}
    duck.close()
    if owned:
        from semantic.backends.spark import stop_session

        stop_session(session)


def _core(warehouse, project):
    built = build_query(project.catalog, project.config, QuerySpec(metrics=ALL, by=("day", "shop")))
    return run_query(warehouse, built)


def _attribution_spec():
    return QuerySpec(metrics=("attributed_revenue", "roas"), by=("day", "shop", "platform"), options={"model": "last_click"})


def _attribution(warehouse, project):
    return run_query(warehouse, build_query(project.catalog, project.config, _attribution_spec()))


def _rows(table) -> list[tuple]:
    return [tuple(r.values()) for r in table.to_pylist()]


@pytest.mark.benchmark(group="spark-core-metrics")
def test_spark_semantic_core_metrics(benchmark, engines):
    benchmark.extra_info["session_start_s"] = round(engines["startup"], 1)
    benchmark.pedantic(_core, args=(engines["spark"], engines["project"]), rounds=3, iterations=1, warmup_rounds=1)


@pytest.mark.benchmark(group="spark-core-metrics")
def test_spark_hand_written_core_metrics(benchmark, engines):
    session = engines["spark"].session
    theirs = benchmark.pedantic(lambda: session.sql(HAND_WRITTEN_SPARK).toArrow(), rounds=3, iterations=1, warmup_rounds=1)
    ours = _core(engines["spark"], engines["project"])
    assert _rows(ours) == _rows(theirs)  # same numbers, row for row (outside the timing)


@pytest.mark.benchmark(group="spark-core-metrics")
def test_duckdb_semantic_core_metrics(benchmark, engines):
    ours = benchmark.pedantic(_core, args=(engines["duckdb"], engines["project"]), rounds=3, iterations=1, warmup_rounds=1)
    assert ours.to_pylist() == _core(engines["spark"], engines["project"]).to_pylist()


def _sessions_scans(plan: str) -> int:
    return len(re.findall(r"Scan parquet [^\n]*sessions", plan))


@pytest.mark.benchmark(group="spark-attribution")
def test_spark_attribution_last_click(benchmark, engines):
    from semantic.backends.spark_steps import in_steps

    spark, project = engines["spark"], engines["project"]
    built = build_query(project.catalog, project.config, _attribution_spec())
    sql = compile_sql(built.expr, "pyspark")
    # As one statement, Spark would scan sessions this often; run in steps (shared CTEs written once), this often.
    whole = _sessions_scans(spark.session.sql(sql)._jdf.queryExecution().executedPlan().toString())
    plans: list[str] = []
    with in_steps(spark.session, sql, plans) as final:
        plans.append(spark.session.sql(final)._jdf.queryExecution().executedPlan().toString())
    benchmark.extra_info["sessions_scans_one_statement"] = whole
    benchmark.extra_info["sessions_scans"] = sum(_sessions_scans(p) for p in plans)
    ours = benchmark.pedantic(_attribution, args=(spark, project), rounds=1, iterations=1)
    assert ours.to_pylist() == _attribution(engines["duckdb"], project).to_pylist()
    print(f"\nsessions scanned {benchmark.extra_info['sessions_scans']} times per attribution query ({whole} as one statement)")


@pytest.mark.benchmark(group="spark-attribution")
def test_duckdb_attribution_last_click(benchmark, engines):
    benchmark.pedantic(_attribution, args=(engines["duckdb"], engines["project"]), rounds=1, iterations=1)


# -- materialized tables and backfills (group spark-build-backfill) ------------------------


def _core_additive(project):
    from semantic.metrics import Additive

    return [m for m in project.catalog.closure(ALL, project.config) if isinstance(m, Additive)]


def _build(warehouse, project, layout):
    from semantic.backends.materialized_engines import engine_for

    return engine_for(warehouse).build(warehouse, project.catalog, project.config, {}, layout, metrics=_core_additive(project))


def _backfill(warehouse, project, layout):
    from semantic.backends.materialized_engines import engine_for
    from semantic.backfill_plan import BackfillRequest, plan_backfill

    request = BackfillRequest(dt.date(2024, 11, 1), dt.date(2024, 11, 7), "benchmark", "dev", "bench@example.com", ("shop_us",), ALL)
    plan = plan_backfill(project.catalog, project.config, request, ["shop_us"])
    return engine_for(warehouse).run_backfill(warehouse, project.catalog, project.config, plan, {}, layout)


@pytest.mark.benchmark(group="spark-build-backfill")
def test_spark_build_core_metrics(benchmark, engines):
    from semantic.materialized import Layout

    benchmark.pedantic(_build, args=(engines["spark"], engines["project"], Layout("bench_sem")), rounds=1, iterations=1)


@pytest.mark.benchmark(group="spark-build-backfill")
def test_spark_hand_written_daily_table(benchmark, engines, tmp_path):
    """The hand-written core-metrics query written as one Parquet folder: the same work as the build's daily table."""
    session = engines["spark"].session
    benchmark.pedantic(lambda: session.sql(HAND_WRITTEN_SPARK).write.mode("overwrite").parquet(str(tmp_path / "hand")),
                       rounds=1, iterations=1)


@pytest.mark.benchmark(group="spark-build-backfill")
def test_spark_backfill_seven_days_of_one_shop(benchmark, engines):
    from semantic.materialized import Layout

    layout = Layout("bench_sem")
    if not (engines["spark"].root / layout.schema / layout.daily).is_dir():
        _build(engines["spark"], engines["project"], layout)
    outcome = benchmark.pedantic(_backfill, args=(engines["spark"], engines["project"], layout), rounds=1, iterations=1)
    assert outcome.status == "completed"


@pytest.mark.benchmark(group="spark-build-backfill")
def test_duckdb_build_and_backfill(benchmark, engines):
    from semantic.materialized import Layout

    layout = Layout("bench_sem")
    _build(engines["duckdb"], engines["project"], layout)
    outcome = benchmark.pedantic(_backfill, args=(engines["duckdb"], engines["project"], layout), rounds=1, iterations=1)
    assert outcome.status == "completed"
