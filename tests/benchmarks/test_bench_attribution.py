"""Last-click attribution on the demo warehouse (1M orders, ~5M sessions) on DuckDB, beside hand-written SQL.

    pytest tests/benchmarks/test_bench_attribution.py --benchmark-only --benchmark-columns=min,mean,max,rounds

Two groups:

- `attribution-last-click-join`: the candidate join, window and tie-break over
  touchpoints classified once beforehand (table bench_touchpoints), ours through
  the same Ibis machinery the metrics use, theirs as one hand-written DuckDB
  query; both reduced to orders and revenue by shop and channel, and checked
  equal outside the timing. The order-landing-site fallback is off on both sides.
- `attribution-end-to-end`: ours from the raw sessions (classification included).

The ratio ours / hand-written is printed and kept in extra_info.
"""

from __future__ import annotations

import time

import ibis
import pytest

from semantic.attribution import relation
from semantic.compiler import compile_sql
from semantic.scope import Scope

HAND_WRITTEN = """
WITH o AS (
  SELECT shop_id, order_id, processed_at, visitor_id, customer_id,
         CAST(gross_sales - discounts + shipping + taxes AS DECIMAL(18, 2)) AS revenue
  FROM orders
  WHERE financial_status IN ('paid', 'partially_refunded', 'refunded') AND NOT is_test AND cancelled_at IS NULL
),
clicks AS (SELECT shop_id, visitor_id, customer_id, touchpoint_id, "at", channel FROM bench_touchpoints WHERE NOT is_direct),
c AS (
  SELECT o.shop_id, o.order_id, t.touchpoint_id, t."at", t.channel
  FROM o JOIN clicks t ON t.shop_id = o.shop_id AND t.visitor_id = o.visitor_id
   AND t."at" <= o.processed_at AND t."at" >= o.processed_at - INTERVAL 168 HOUR
  UNION
  SELECT o.shop_id, o.order_id, t.touchpoint_id, t."at", t.channel
  FROM o JOIN clicks t ON t.shop_id = o.shop_id AND t.customer_id = o.customer_id
   AND t."at" <= o.processed_at AND t."at" >= o.processed_at - INTERVAL 168 HOUR
),
w AS (
  SELECT * FROM c
  QUALIFY row_number() OVER (PARTITION BY shop_id, order_id ORDER BY "at" DESC, touchpoint_id DESC) = 1
)
SELECT o.shop_id, COALESCE(w.channel, 'Direct') AS channel, COUNT(*) AS orders, SUM(o.revenue) AS revenue
FROM o LEFT JOIN w USING (shop_id, order_id)
GROUP BY 1, 2 ORDER BY 1, 2
"""

TIMINGS: dict[str, float] = {}


def _by_channel(credit: ibis.Table) -> ibis.Table:
    return (
        credit.group_by(["shop_id", "channel"])
        .aggregate(orders=credit.count(), revenue=credit.credited_revenue.sum())
        .order_by(["shop_id", "channel"])
    )


@pytest.fixture(scope="module")
def classified(demo_warehouse):
    """The demo warehouse with its sessions classified once into bench_touchpoints."""
    warehouse, project, _, _ = demo_warehouse
    project = project.with_overrides(("attribution.use_order_landing_site=false",))
    touchpoints = relation(project, "attribution_touchpoints")
    started = time.perf_counter()
    warehouse.raw.execute(f"CREATE OR REPLACE TABLE bench_touchpoints AS {compile_sql(touchpoints, 'duckdb')}")
    print(f"\nclassified the sessions in {time.perf_counter() - started:.1f}s")
    scope = Scope.for_query(project.catalog, project.config)
    scope._built["attribution_touchpoints"] = ibis.table(touchpoints.schema(), name="bench_touchpoints")
    return warehouse, project, _by_channel(scope.fact("order_attribution"))


def _record(benchmark, name: str) -> None:
    TIMINGS[name] = benchmark.stats.stats.min
    if {"ours", "hand"} <= TIMINGS.keys():
        ratio = TIMINGS["ours"] / TIMINGS["hand"]
        benchmark.extra_info["ratio_ours_over_hand"] = round(ratio, 3)
        print(f"\nlast-click join: ours {TIMINGS['ours']:.2f}s, hand-written {TIMINGS['hand']:.2f}s, ratio {ratio:.2f}x")


@pytest.mark.benchmark(group="attribution-last-click-join")
def test_semantic_last_click_join(benchmark, classified):
    warehouse, _, expr = classified
    benchmark.pedantic(warehouse.execute, args=(expr,), rounds=3, iterations=1, warmup_rounds=1)
    _record(benchmark, "ours")


@pytest.mark.benchmark(group="attribution-last-click-join")
def test_hand_written_last_click_join(benchmark, classified):
    warehouse, _, expr = classified
    theirs = benchmark.pedantic(
        lambda: warehouse.raw.sql(HAND_WRITTEN).to_arrow_table(), rounds=3, iterations=1, warmup_rounds=1
    )
    _record(benchmark, "hand")
    ours = warehouse.execute(expr)
    assert ours.to_pylist() == theirs.to_pylist()


@pytest.mark.benchmark(group="attribution-end-to-end")
def test_semantic_attribution_from_raw_sessions(benchmark, demo_warehouse):
    warehouse, project, _, _ = demo_warehouse
    expr = _by_channel(relation(project, "order_attribution"))
    result = benchmark.pedantic(warehouse.execute, args=(expr,), rounds=2, iterations=1, warmup_rounds=0)
    assert sum(result.column("orders").to_pylist()) > 0
