"""Every default data check on the 1M-order demo warehouse, and the three most expensive beside hand-written DuckDB SQL.

    pytest tests/benchmarks/test_bench_quality.py --benchmark-only -s

The hand-written queries find the same rows as the checks (asserted outside the
timing); `-s` prints the seconds of every check. The README reports both.
"""

from __future__ import annotations

import datetime as dt

import pytest

from semantic.backends.quality import run_checks
from semantic.checks import CheckScope

NOW = dt.datetime.now(dt.timezone.utc)
DETECTION = (NOW.date() - dt.timedelta(days=2), NOW.date() - dt.timedelta(days=1))

DUPLICATE_KEYS = """
SELECT 'shops' AS t, shop_id, COUNT(*) AS n FROM shops GROUP BY shop_id HAVING COUNT(*) > 1
UNION ALL SELECT 'orders', shop_id, COUNT(*) FROM orders GROUP BY shop_id, order_id HAVING COUNT(*) > 1
UNION ALL SELECT 'order_lines', shop_id, COUNT(*) FROM order_lines GROUP BY shop_id, order_id, line_id HAVING COUNT(*) > 1
UNION ALL SELECT 'refunds', shop_id, COUNT(*) FROM refunds GROUP BY shop_id, refund_id HAVING COUNT(*) > 1
UNION ALL SELECT 'customers', shop_id, COUNT(*) FROM customers GROUP BY shop_id, customer_id HAVING COUNT(*) > 1
UNION ALL SELECT 'sessions', shop_id, COUNT(*) FROM sessions GROUP BY shop_id, session_id HAVING COUNT(*) > 1
UNION ALL SELECT 'ad_spend', shop_id, COUNT(*) FROM ad_spend GROUP BY shop_id, date, platform, campaign_id HAVING COUNT(*) > 1
"""

ANOMALY = """
WITH inc AS (
  SELECT o.shop_id, o.order_id, CAST(timezone(s.timezone, o.processed_at) AS DATE) AS day,
         o.gross_sales - o.discounts + o.shipping + o.taxes AS rev
  FROM orders o JOIN shops s USING (shop_id)
  WHERE o.financial_status IN ('paid', 'partially_refunded', 'refunded') AND NOT o.is_test AND o.cancelled_at IS NULL
),
sold AS (SELECT shop_id, day, COUNT(*) AS n, SUM(rev) AS rev FROM inc GROUP BY 1, 2),
ref AS (
  SELECT i.shop_id, i.day, SUM(r.amount + r.shipping + r.taxes) AS refunded
  FROM refunds r JOIN inc i USING (shop_id, order_id) GROUP BY 1, 2
),
daily AS (
  SELECT s.shop_id, s.day, CAST(s.rev - COALESCE(r.refunded, 0) AS DOUBLE) {per_order} AS value
  FROM sold s LEFT JOIN ref r USING (shop_id, day)
),
p1 AS (
  SELECT *, AVG(value) OVER w AS m, STDDEV_SAMP(value) OVER w AS sd, COUNT(value) OVER w AS k FROM daily
  WINDOW w AS (PARTITION BY shop_id ORDER BY day ROWS BETWEEN 14 PRECEDING AND 1 PRECEDING)
),
f1 AS (SELECT shop_id, day, value, COALESCE(k >= 7 AND ABS(value - m) / NULLIF(sd, 0) > {sensitivity}, FALSE) AS flagged FROM p1),
p2 AS (
  SELECT *, AVG(CASE WHEN flagged THEN NULL ELSE value END) OVER w AS m,
         STDDEV_SAMP(CASE WHEN flagged THEN NULL ELSE value END) OVER w AS sd,
         COUNT(CASE WHEN flagged THEN NULL ELSE value END) OVER w AS k
  FROM f1 WINDOW w AS (PARTITION BY shop_id ORDER BY day ROWS BETWEEN 14 PRECEDING AND 1 PRECEDING)
)
SELECT shop_id, day FROM p2
WHERE day BETWEEN DATE '{first}' AND DATE '{last}' AND k >= 7 AND ABS(value - m) / NULLIF(sd, 0) > {sensitivity}
ORDER BY 1, 2
"""

HAND_WRITTEN = {
    "duplicate_keys": DUPLICATE_KEYS,
    "revenue_anomaly": ANOMALY.format(per_order="", sensitivity=3, first=DETECTION[0], last=DETECTION[1]),
    "aov_anomaly": ANOMALY.format(per_order="/ s.n", sensitivity=2, first=DETECTION[0], last=DETECTION[1]),
}


def _all_checks(warehouse, project):
    return run_checks(warehouse, project.catalog, project.config, now=NOW)


def _one(warehouse, project, name):
    return run_checks(warehouse, project.catalog, project.config, CheckScope(select=(name,)), now=NOW).results[0]


@pytest.mark.benchmark(group="quality-all-checks")
def test_all_default_checks(benchmark, demo_warehouse):
    warehouse, project, _, _ = demo_warehouse
    run = benchmark.pedantic(_all_checks, args=(warehouse, project), rounds=2, iterations=1, warmup_rounds=0)
    print()
    for result in sorted(run.results, key=lambda r: -r.seconds):
        print(f"  {result.name:22} {result.status:5} {result.offending:6,} {result.seconds:6.2f}s")
    assert run.counts()["fail"] == 0  # the demo is clean: warnings only


@pytest.mark.parametrize("name", list(HAND_WRITTEN))
@pytest.mark.benchmark(group="quality-expensive-checks")
def test_check_as_semantic_runs_it(benchmark, demo_warehouse, name):
    warehouse, project, _, _ = demo_warehouse
    benchmark.pedantic(_one, args=(warehouse, project, name), rounds=3, iterations=1, warmup_rounds=1)


@pytest.mark.parametrize("name", list(HAND_WRITTEN))
@pytest.mark.benchmark(group="quality-expensive-checks")
def test_check_as_hand_written_duckdb_sql(benchmark, demo_warehouse, name):
    warehouse, project, _, _ = demo_warehouse
    theirs = benchmark.pedantic(lambda: warehouse.raw.sql(HAND_WRITTEN[name]).fetchall(), rounds=3, iterations=1, warmup_rounds=1)
    ours = _one(warehouse, project, name)
    assert ours.offending == len(theirs)
    if name != "duplicate_keys":
        assert [r[:2] for r in ours.samples] == [tuple(r) for r in theirs][: len(ours.samples)]
