"""Last-click attribution end to end on PostgreSQL (100,000 orders, ~500,000 sessions), beside hand-written SQL.

    SEMANTIC_TEST_POSTGRES_URL=postgresql://... pytest tests/benchmarks/test_bench_attribution_postgres.py \\
        --benchmark-only --benchmark-columns=min,mean,max,rounds

The demo warehouse is loaded by `semantic load`'s code path into a database of
its own (created beside the test URL's, dropped at the end; sizes from
SEMANTIC_BENCH_PG_ORDERS). Ours is `order_attribution` by shop and channel as
the Warehouse runs it; theirs is hand_written/attribution_postgres.sql, the
same classification (referrer table as data), window and ties. Each round runs
in a fresh server backend under a statement timeout, and the backend's peak
resident memory (VmHWM of /proc/<pg_backend_pid()>/status: the server runs on
this host) is kept in extra_info; rows are asserted identical.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pytest

from semantic.attribution import relation
from semantic.project import Project
from semantic.sources import Sources
from tests.benchmarks.test_bench_attribution import HAND_WRITTEN_DIR, referrer_lookup_rows
from tests.conftest import postgres_url_or_skip

PG_ORDERS = int(os.environ.get("SEMANTIC_BENCH_PG_ORDERS", "100000"))
# An earlier attempt had the planner take 6-9 GB and crash a shared server: bound every statement.
STATEMENT_TIMEOUT = "300s"
TIMINGS: dict[str, float] = {}
PEAKS: dict[str, list[int]] = {}


def _server_url(url: str, database: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + database


@pytest.fixture(scope="module")
def pg_demo():
    """(url of a fresh database holding the demo at PG_ORDERS orders plus the referrer lookup, project)."""
    import psycopg

    from semantic.backends.connect import connect
    from semantic.demo_data import generate

    base = postgres_url_or_skip()
    name = f"bench_attr_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = _server_url(base, name)
    project = Project.defaults()
    try:
        warehouse = connect(url)
        started = time.perf_counter()
        warehouse.load(generate(orders=PG_ORDERS, shops=5, seed=11), Sources.from_config(project.config))
        print(f"\nloaded {PG_ORDERS:,} orders into PostgreSQL in {time.perf_counter() - started:.1f}s")
        patterns, internal = referrer_lookup_rows(project)
        with warehouse.raw.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_referrer_patterns (position integer, regex text, source text, medium text)")
            cursor.executemany("INSERT INTO bench_referrer_patterns VALUES (%s, %s, %s, %s)", patterns)
            cursor.execute("CREATE TABLE bench_internal_hosts (regex text)")
            cursor.executemany("INSERT INTO bench_internal_hosts VALUES (%s)", internal)
            cursor.execute("ANALYZE bench_referrer_patterns")
            cursor.execute("ANALYZE bench_internal_hosts")
        warehouse.close()
        yield url, project
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmHWM for backend {pid}")


def _in_fresh_backend(url: str, run, name: str):
    """`run(warehouse)` on a new connection (a new server backend), recording the backend's peak memory."""
    from semantic.backends.connect import connect

    warehouse = connect(url)
    try:
        with warehouse.raw.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        result = run(warehouse)
        PEAKS.setdefault(name, []).append(_peak_kib(pid))
        return result
    finally:
        warehouse.close()


def _ours(project: Project):
    credit = relation(project, "order_attribution")
    expr = (credit.group_by(["shop_id", "channel"])
            .aggregate(orders=credit.count(), revenue=credit.credited_revenue.sum())
            .order_by(["shop_id", "channel"]))
    return lambda warehouse: [tuple(r.values()) for r in warehouse.execute(expr).to_pylist()]


def _theirs(warehouse) -> list[tuple]:
    with warehouse.raw.cursor() as cursor:
        cursor.execute((HAND_WRITTEN_DIR / "attribution_postgres.sql").read_text())
        return [tuple(r) for r in cursor.fetchall()]


def _record(benchmark, name: str) -> None:
    TIMINGS[name] = benchmark.stats.stats.min
    benchmark.extra_info["backend_peak_rss_mib"] = round(max(PEAKS[name]) / 1024, 1)
    print(f"\n{name}: min {TIMINGS[name]:.2f}s, server backend peak {max(PEAKS[name]) / 1024:.0f} MiB")
    if {"ours", "hand"} <= TIMINGS.keys():
        ratio = TIMINGS["ours"] / TIMINGS["hand"]
        benchmark.extra_info["ratio_ours_over_hand"] = round(ratio, 3)
        print(f"PostgreSQL end to end: ours {TIMINGS['ours']:.2f}s, hand-written {TIMINGS['hand']:.2f}s, ratio {ratio:.2f}x")


@pytest.mark.benchmark(group="attribution-postgres")
def test_semantic_attribution_on_postgres(benchmark, pg_demo):
    url, project = pg_demo
    ours = _ours(project)
    rows = benchmark.pedantic(lambda: _in_fresh_backend(url, ours, "ours"), rounds=3, iterations=1, warmup_rounds=1)
    assert sum(r[2] for r in rows) > 0
    _record(benchmark, "ours")


@pytest.mark.benchmark(group="attribution-postgres")
def test_hand_written_attribution_on_postgres(benchmark, pg_demo):
    url, project = pg_demo
    theirs = benchmark.pedantic(lambda: _in_fresh_backend(url, _theirs, "hand"), rounds=3, iterations=1, warmup_rounds=1)
    _record(benchmark, "hand")
    assert _in_fresh_backend(url, _ours(project), "ours") == theirs
