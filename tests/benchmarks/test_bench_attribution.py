"""Last-click attribution on the demo warehouse (1M orders, ~5M sessions) on DuckDB, beside hand-written SQL.

    pytest tests/benchmarks/test_bench_attribution.py --benchmark-only --benchmark-columns=min,mean,max,rounds

Two groups:

- `attribution-last-click-join`: the candidate join, window and tie-break over
  touchpoints classified once beforehand (table bench_touchpoints), ours through
  the same Ibis machinery the metrics use, theirs as one hand-written DuckDB
  query; both reduced to orders and revenue by shop and channel, and checked
  equal outside the timing. The order-landing-site fallback is off on both sides.
- `attribution-end-to-end`: ours from the raw sessions (classification included),
  beside one hand-written DuckDB query doing the same parsing, referrer and
  channel classification, window and ties (hand_written/attribution_duckdb.sql,
  reading the referrer table as data); rows asserted identical.

The ratio ours / hand-written is printed and kept in extra_info.
"""

from __future__ import annotations

import time
from pathlib import Path

import ibis
import pytest

from semantic.attribution import relation
from semantic.attribution.referrers import internal_patterns, load_referrers, pattern_regex
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
HAND_WRITTEN_DIR = Path(__file__).parent / "hand_written"


def referrer_lookup_rows(project) -> tuple[list[tuple], list[tuple]]:
    """The referrer table (position, regex, source, medium) and the internal hosts (regex) as rows, for hand-written SQL."""
    patterns = [(position, pattern_regex(host), rule.source, rule.medium)
                for position, rule in enumerate(load_referrers().rules) for host in rule.hosts]
    return patterns, [(pattern_regex(p),) for p in internal_patterns(project.config.attribution)]


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


def _record(benchmark, name: str, what: str = "last-click join", ours: str = "ours", hand: str = "hand") -> None:
    TIMINGS[name] = benchmark.stats.stats.min
    if {ours, hand} <= TIMINGS.keys():
        ratio = TIMINGS[ours] / TIMINGS[hand]
        benchmark.extra_info["ratio_ours_over_hand"] = round(ratio, 3)
        print(f"\n{what}: ours {TIMINGS[ours]:.2f}s, hand-written {TIMINGS[hand]:.2f}s, ratio {ratio:.2f}x")


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


@pytest.fixture(scope="module")
def with_referrer_lookup(demo_warehouse):
    """The demo warehouse plus the referrer table and internal hosts as tables, for the hand-written query."""
    warehouse, project, _, _ = demo_warehouse
    patterns, internal = referrer_lookup_rows(project)
    raw = warehouse.raw
    raw.execute("CREATE OR REPLACE TABLE bench_referrer_patterns (position INTEGER, regex VARCHAR, source VARCHAR, medium VARCHAR)")
    raw.executemany("INSERT INTO bench_referrer_patterns VALUES (?, ?, ?, ?)", patterns)
    raw.execute("CREATE OR REPLACE TABLE bench_internal_hosts (regex VARCHAR)")
    raw.executemany("INSERT INTO bench_internal_hosts VALUES (?)", internal)
    return warehouse, project


@pytest.mark.benchmark(group="attribution-end-to-end")
def test_semantic_attribution_from_raw_sessions(benchmark, with_referrer_lookup):
    warehouse, project = with_referrer_lookup
    expr = _by_channel(relation(project, "order_attribution"))
    result = benchmark.pedantic(warehouse.execute, args=(expr,), rounds=3, iterations=1, warmup_rounds=1)
    assert sum(result.column("orders").to_pylist()) > 0
    _record(benchmark, "ours_e2e", "end to end", "ours_e2e", "hand_e2e")


@pytest.mark.benchmark(group="attribution-end-to-end")
def test_hand_written_attribution_from_raw_sessions(benchmark, with_referrer_lookup):
    warehouse, project = with_referrer_lookup
    sql = (HAND_WRITTEN_DIR / "attribution_duckdb.sql").read_text()
    theirs = benchmark.pedantic(lambda: warehouse.raw.sql(sql).to_arrow_table(), rounds=3, iterations=1, warmup_rounds=1)
    _record(benchmark, "hand_e2e", "end to end", "ours_e2e", "hand_e2e")
    ours = warehouse.execute(_by_channel(relation(project, "order_attribution")))
    assert ours.to_pylist() == theirs.to_pylist()
