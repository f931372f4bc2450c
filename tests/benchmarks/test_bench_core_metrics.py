"""All core metrics by day and shop on DuckDB, side by side with a hand-written query.

    pytest tests/benchmarks/test_bench_core_metrics.py --benchmark-only

Both must return the same numbers (checked once, outside the timing); the
README reports the two timings and their ratio (target: within 1.2x). The
whole-process pair runs `semantic query ... --by day --by shop --format json`
(compile cache warm, as an analyst's second run) beside a `python -c` process
running the hand-written query with the duckdb driver and printing its rows.
"""

from __future__ import annotations

import decimal
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from semantic.backends.runner import run_query
from semantic.query import QuerySpec, build_query

ALL = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")

HAND_WRITTEN = """
WITH inc AS (
  SELECT o.shop_id, o.order_id, o.customer_id, o.email, o.processed_at, o.financial_status,
         CAST(timezone(s.timezone, o.processed_at) AS DATE) AS day,
         o.gross_sales - o.discounts + o.shipping + o.taxes AS rev
  FROM orders o JOIN shops s USING (shop_id)
  WHERE o.financial_status IN ('paid', 'partially_refunded', 'refunded')
    AND NOT o.is_test AND o.cancelled_at IS NULL
),
ord AS (SELECT shop_id, day, SUM(rev) AS rev, COUNT(*) AS n FROM inc GROUP BY 1, 2),
ref AS (
  SELECT i.shop_id, i.day, SUM(r.amount + r.shipping + r.taxes) AS refunded
  FROM refunds r JOIN inc i USING (shop_id, order_id) GROUP BY 1, 2
),
spend AS (
  SELECT shop_id, date AS day, SUM(spend) AS spend FROM ad_spend
  WHERE platform IN ('meta', 'google') GROUP BY 1, 2
),
by_email AS (
  SELECT shop_id, NULLIF(LOWER(TRIM(email)), '') AS e, MAX(customer_id) AS cid
  FROM customers WHERE NULLIF(LOWER(TRIM(email)), '') IS NOT NULL
  GROUP BY 1, 2 HAVING COUNT(*) = 1
),
keyed AS (
  SELECT i.shop_id, i.processed_at,
         COALESCE('id:' || i.customer_id, 'id:' || c.cid, 'email:' || NULLIF(LOWER(TRIM(i.email)), '')) AS k
  FROM inc i LEFT JOIN by_email c ON c.shop_id = i.shop_id AND c.e = NULLIF(LOWER(TRIM(i.email)), '')
  WHERE i.financial_status <> 'refunded'
),
firsts AS (SELECT shop_id, k, MIN(processed_at) AS t FROM keyed WHERE k IS NOT NULL GROUP BY 1, 2),
newc AS (
  SELECT f.shop_id, CAST(timezone(s.timezone, f.t) AS DATE) AS day, COUNT(*) AS n
  FROM firsts f JOIN shops s USING (shop_id) GROUP BY 1, 2
),
keys AS (
  SELECT shop_id, day FROM ord UNION SELECT shop_id, day FROM ref
  UNION SELECT shop_id, day FROM spend UNION SELECT shop_id, day FROM newc
),
wide AS (
  SELECT k.day, k.shop_id,
         COALESCE(o.rev, 0) - COALESCE(r.refunded, 0) AS revenue,
         COALESCE(o.n, 0) AS orders,
         COALESCE(s.spend, 0) AS paid_spend,
         COALESCE(n.n, 0) AS new_customers
  FROM keys k
  LEFT JOIN ord o USING (shop_id, day)
  LEFT JOIN ref r USING (shop_id, day)
  LEFT JOIN spend s USING (shop_id, day)
  LEFT JOIN newc n USING (shop_id, day)
)
SELECT day, shop_id, revenue, orders,
       CAST(revenue AS DOUBLE) / NULLIF(CAST(orders AS DOUBLE), 0) AS aov,
       paid_spend,
       CAST(revenue AS DOUBLE) / NULLIF(CAST(paid_spend AS DOUBLE), 0) AS mer,
       new_customers,
       CAST(paid_spend AS DOUBLE) / NULLIF(CAST(new_customers AS DOUBLE), 0) AS cac
FROM wide ORDER BY day, shop_id
"""


def _semantic(warehouse, project):
    built = build_query(project.catalog, project.config, QuerySpec(metrics=ALL, by=("day", "shop")))
    return run_query(warehouse, built)


def _hand_written(warehouse):
    return warehouse.raw.sql(HAND_WRITTEN).to_arrow_table()


@pytest.mark.benchmark(group="core-metrics-by-day-and-shop")
def test_semantic_all_metrics_by_day_and_shop(benchmark, demo_warehouse):
    warehouse, project, _, _ = demo_warehouse
    benchmark.pedantic(_semantic, args=(warehouse, project), rounds=5, iterations=1, warmup_rounds=1)


@pytest.mark.benchmark(group="core-metrics-by-day-and-shop")
def test_hand_written_duckdb_sql(benchmark, demo_warehouse):
    warehouse, project, _, _ = demo_warehouse
    theirs = benchmark.pedantic(_hand_written, args=(warehouse,), rounds=5, iterations=1, warmup_rounds=1)
    # Same numbers, row for row (checked outside the timing).
    ours = _semantic(warehouse, project)
    assert ours.num_rows == theirs.num_rows
    assert ours.to_pylist() == theirs.to_pylist()


SEMANTIC = str(Path(sys.executable).with_name("semantic"))
HAND_PROCESS = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
con.execute("SET TimeZone = 'UTC'")
con.execute("SET enable_progress_bar = false")
cursor = con.execute(sys.stdin.read())
names = [d[0] for d in cursor.description]
print(json.dumps([dict(zip(names, row)) for row in cursor.fetchall()], default=str))
"""


@pytest.fixture(scope="module")
def demo_file(demo_warehouse, tmp_path_factory):
    """A copy of the benchmark's DuckDB file that other processes can open (the fixture holds the original)."""
    warehouse, _, _, _ = demo_warehouse
    warehouse.raw.execute("CHECKPOINT")
    copy = tmp_path_factory.mktemp("whole") / "demo.duckdb"
    shutil.copy(warehouse.url.path, copy)
    return copy


def _semantic_process(path: Path) -> list[dict]:
    env = {**os.environ, "SEMANTIC_CACHE_DIR": str(path.parent / "cache")}
    env.pop("SEMANTIC_NO_CACHE", None)
    env.pop("SEMANTIC_CONFIG", None)
    done = subprocess.run(
        [SEMANTIC, "query", *ALL, "--by", "day", "--by", "shop", "--format", "json", "--database", str(path)],
        capture_output=True, text=True, env=env, cwd=path.parent, check=True,  # no metrics.toml there: the defaults
    )
    return json.loads(done.stdout)


def _hand_process(path: Path) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", HAND_PROCESS, str(path)], input=HAND_WRITTEN, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.benchmark(group="core-metrics-whole-process")
def test_semantic_query_whole_process(benchmark, demo_file):
    _semantic_process(demo_file)  # fills the compile cache: the timed runs are an analyst's next ones
    benchmark.pedantic(_semantic_process, args=(demo_file,), rounds=5, iterations=1)


@pytest.mark.benchmark(group="core-metrics-whole-process")
def test_hand_written_whole_process(benchmark, demo_file):
    theirs = benchmark.pedantic(_hand_process, args=(demo_file,), rounds=5, iterations=1, warmup_rounds=1)
    ours = _semantic_process(demo_file)
    assert len(ours) == len(theirs)
    for mine, hand in zip(ours, theirs):
        assert (mine["day"], mine["shop_id"]) == (hand["day"], hand["shop_id"])
        for column in ("revenue", "paid_spend"):
            assert decimal.Decimal(str(mine[column])) == decimal.Decimal(hand[column])
        for column in ("orders", "new_customers"):
            assert mine[column] == hand[column]
        for column in ("aov", "mer", "cac"):  # NULL exactly when the hand-written one is
            assert (mine[column] is None) == (hand[column] is None)
            assert mine[column] is None or mine[column] == pytest.approx(hand[column], rel=1e-12)
