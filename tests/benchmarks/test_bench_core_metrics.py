"""All core metrics by day and shop on DuckDB, side by side with a hand-written query.

    pytest tests/benchmarks/test_bench_core_metrics.py --benchmark-only

Both must return the same numbers (checked once, outside the timing); the
README reports the two timings and their ratio (target: within 1.2x).
"""

from __future__ import annotations

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
