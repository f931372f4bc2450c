"""A backfill's recompute reads only the rows its range depends on, and gives a full build's rows.

semantic.range_sources prunes orders, refunds, sessions and spend to the range
(plus margins); these tests prove the pruned rows equal, for every day in range,
(1) the plain-Python reference (tests/reference.py) on data with orders a second
either side of the range's shop-local edges, refunds in range of orders long
before it (of an included order and of a test order), a refund long after of an
order in range and a customer whose first order predates the range; and (2) the
unpruned query the engine answers from the sources (`semantic query --from
sources`), attribution metrics included, on demo data with sessions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pytest

from semantic.backends.runner import run_query
from semantic.compiler import compile_sql
from semantic.demo_data import generate
from semantic.materialized import Stamp, daily_rows, materialized_metrics, scoped_daily_rows
from semantic.metrics import Additive
from semantic.query import QuerySpec, build_query
from tests.reference import CORE_METRICS, Knobs, edge_case_shops, reference_query

START, END = dt.date(2024, 3, 10), dt.date(2024, 3, 12)
BUILT = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
UTC = dt.timezone.utc


def stamps_of(metrics) -> list[Stamp]:
    return [Stamp(m, None, "run", BUILT) for m in metrics]


def rows_of(loaded, metrics, shops=(), start=None, end=None) -> dict[tuple, Decimal]:
    expr = daily_rows(loaded.project.catalog, loaded.project.config, stamps_of(metrics), shops, start, end)
    return {(r["shop_id"], r["day"], r["metric"]): r["value"] for r in loaded.warehouse.execute(expr).to_pylist()}


def edge_data():
    """The edge-case shops, plus the rows that sit at or just past the pruning's margins (s0 is New York)."""
    data = edge_case_shops()
    first = data.orders[0]

    def order(order_id, processed, customer_id="c9", **changes):
        return {**first, "order_id": order_id, "customer_id": customer_id, "email": None,
                "processed_at": processed, "created_at": processed, **changes}

    def refund(refund_id, order_id, processed, amount):
        return {**data.refunds[0], "refund_id": refund_id, "order_id": order_id, "processed_at": processed,
                "amount": Decimal(amount)}

    data.orders += [
        order("0900", dt.datetime(2024, 2, 1, 12, tzinfo=UTC), "c3"),  # c3's first order: 1001 in range is not new
        order("0901", dt.datetime(2024, 2, 2, 12, tzinfo=UTC), is_test=True),  # excluded, refunded in range
        order("0902", dt.datetime(2024, 3, 10, 4, 59, 59, tzinfo=UTC)),  # 23:59:59 EST Mar 9: a second before START
        order("0903", dt.datetime(2024, 3, 13, 3, 59, 59, tzinfo=UTC)),  # 23:59:59 EDT Mar 12: END's last second
        order("0904", dt.datetime(2024, 3, 13, 4, tzinfo=UTC)),  # 00:00 EDT Mar 13: a second after END
    ]
    data.refunds += [
        refund("r5", "0900", dt.datetime(2024, 3, 11, 12, tzinfo=UTC), "7.00"),  # in range, of an order before it
        refund("r6", "0901", dt.datetime(2024, 3, 11, 13, tzinfo=UTC), "9.00"),  # of the excluded test order
        refund("r7", "0903", dt.datetime(2024, 6, 1, 12, tzinfo=UTC), "3.00"),  # months later, of an order in range
    ]
    return data


@pytest.mark.parametrize("refund_dating", ["order_date", "refund_date"])
def test_pruned_recompute_equals_the_reference_at_the_edges_of_the_range(load_warehouse, refund_dating):
    data = edge_data()
    knobs = Knobs(refund_dating=refund_dating)
    loaded = load_warehouse(data.arrow_tables(), f'[revenue]\nrefund_dating = "{refund_dating}"\n')
    metrics = [m for m in loaded.project.catalog.closure(CORE_METRICS, loaded.project.config) if isinstance(m, Additive)]
    got = rows_of(loaded, metrics, ("s0",), START, END)
    names = [m.name for m in metrics]
    expected = reference_query(data, names, ("shop", "day"), knobs, ("s0",), START, END)
    # A daily row exists where a metric has contributing rows; the reference gives every metric of a bucket (0 if none).
    assert {(shop, day) for shop, day, _ in got} == set(expected)
    assert {(shop, day, m): got.get((shop, day, m), 0) for (shop, day) in expected for m in names} == {
        (shop, day, m): Decimal(values[m]) for (shop, day), values in expected.items() for m in names
    }
    # The edges really are in the data: END's last second counts, the seconds outside do not.
    assert got[("s0", END, "orders")] == 1
    assert ("s0", START - dt.timedelta(days=1), "orders") not in got
    if refund_dating == "refund_date":  # 0900's refund counts on its day (40 - 4 + 5 + 3.20 = 44.20 ... minus 7 + 1 + 0.5)
        assert got[("s0", dt.date(2024, 3, 11), "revenue")] == expected[("s0", dt.date(2024, 3, 11))]["revenue"]
        assert expected[("s0", dt.date(2024, 3, 11))]["revenue"] == Decimal("44.20") + Decimal("44.20") - Decimal("8.50")
    else:  # 0903's refund months later counts on 0903's day
        assert expected[("s0", END)]["revenue"] == Decimal("44.20") - Decimal("4.50")
    assert expected[("s0", START)]["new_customers"] == 1  # 1003's c0 only: c3 bought in February


def test_pruned_sql_bounds_orders_sessions_refunds_and_spend():
    from semantic.project import Project

    project = Project.defaults()
    metrics = materialized_metrics(project.catalog, project.config)
    text = compile_sql(daily_rows(project.catalog, project.config, stamps_of(metrics), ("s0",), START, END), "duckdb")
    orders = '"processed_at" >= MAKE_TIMESTAMPTZ(2024, 3, 9, 0, 0, 0.0, \'UTC\')'
    before_end = '< MAKE_TIMESTAMPTZ(2024, 3, 14, 0, 0, 0.0, \'UTC\')'
    assert orders in text and f'"processed_at" {before_end}' in text  # orders: [start - 1 day, end + 2 days)
    # sessions: from the attribution window (7 days) and a day more before the orders' window
    assert '"started_at" >= MAKE_TIMESTAMPTZ(2024, 3, 1, 0, 0, 0.0, \'UTC\')' in text and f'"started_at" {before_end}' in text
    assert '"date" BETWEEN MAKE_DATE(2024, 3, 10) AND MAKE_DATE(2024, 3, 12)' in text  # spend in range
    assert '"refunds"' in text and '"order_id" IN' in text  # refunds of those orders


@pytest.fixture(scope="module")
def demo_tables() -> dict[str, pa.Table]:
    return generate(orders=3_000, shops=3, seed=11, end=dt.date(2024, 6, 30), days=120)


@pytest.mark.parametrize("refund_dating", ["order_date", "refund_date"])
def test_pruned_recompute_equals_the_query_on_the_sources_attribution_included(load_warehouse, demo_tables, refund_dating):
    loaded = load_warehouse(demo_tables, f'[revenue]\nrefund_dating = "{refund_dating}"\n')
    catalog, config = loaded.project.catalog, loaded.project.config
    shop = demo_tables["shops"].column("shop_id")[1].as_py()
    start, end = dt.date(2024, 5, 30), dt.date(2024, 6, 5)  # across a month's edge
    metrics = materialized_metrics(catalog, config)
    assert {"attributed_revenue", "paid_attributed_revenue", "new_customers"} <= {m.name for m in metrics}
    got = rows_of(loaded, metrics, (shop,), start, end)
    expected: dict[tuple, Decimal] = {}
    for metric in metrics:
        spec = QuerySpec(metrics=(metric.ref,), by=("day", "shop"), shops=(shop,), start=start, end=end)
        for row in run_query(loaded.warehouse, build_query(catalog, config, spec)).to_pylist():
            (value,) = (v for k, v in row.items() if k not in ("day", "shop_id"))
            expected[(row["shop_id"], row["day"], metric.name)] = Decimal(value).quantize(Decimal("0.01"))
    assert got == expected
    assert len({day for _, day, _ in got}) == 7 and any(v != 0 for (_, _, m), v in got.items() if m == "attributed_revenue")


def test_every_fact_outside_the_pruned_set_reads_the_shops_whole_history():
    from semantic.project import Project
    from semantic.range_sources import RANGE_FACTS

    project = Project.defaults()
    metrics = materialized_metrics(project.catalog, project.config)
    new = [m for m in metrics if m.name == "new_customers"]
    assert new and all(c.fact not in RANGE_FACTS for c in new[0].contributions)
    text = compile_sql(daily_rows(project.catalog, project.config, stamps_of(new), ("s0",), START, END), "duckdb")
    assert "MAKE_TIMESTAMPTZ(2024, 3, 9" not in text  # acquisitions: "new" is the first order ever


# -- one recompute statement for every range and shop (its bounds read from the scope tables) --


def scoped_rows_of(loaded, metrics, shops, start, end) -> dict[tuple, Decimal]:
    """scoped_daily_rows run on scope tables holding (shops, start, end); also checks the run columns come from them."""
    from semantic.backends import statements as sql
    from semantic.range_sources import SCOPE_COLUMNS, SCOPE_SHOP_COLUMNS, ScopeTables

    warehouse = loaded.warehouse
    schema = loaded.project.config.sources.database or "semantic"
    scope = ScopeTables(schema, every_shop=not shops)
    sql.run(warehouse, warehouse.create_schema_sql(schema))
    for name, columns in ((scope.bounds_table, SCOPE_COLUMNS), (scope.shops_table, SCOPE_SHOP_COLUMNS)):
        sql.run(warehouse, sql.create_table_sql(warehouse, schema, name, columns))
        sql.run(warehouse, f"DELETE FROM {sql.table_name(warehouse, schema, name)}")
    bounds = ScopeTables.row("b-1", start, end, BUILT)
    sql.run(warehouse, f"INSERT INTO {sql.table_name(warehouse, schema, scope.bounds_table)} ({', '.join(bounds)}) "
                       f"VALUES ({', '.join('?' for _ in bounds)})", list(bounds.values()))
    for shop in shops:
        sql.run(warehouse, f"INSERT INTO {sql.table_name(warehouse, schema, scope.shops_table)} (shop_id) VALUES (?)", (shop,))
    fingerprints = {m.ref: f"fp-{m.name}" for m in metrics}
    expr = scoped_daily_rows(loaded.project.catalog, loaded.project.config, metrics, fingerprints, scope)
    rows = loaded.warehouse.execute(expr).to_pylist()
    assert rows and {(r["run_id"], r["backfill_id"], r["built_at"]) for r in rows} == {("b-1", "b-1", BUILT)}
    assert all(r["fingerprint"] == f"fp-{r['metric']}" for r in rows)
    return {(r["shop_id"], r["day"], r["metric"]): r["value"] for r in rows}


@pytest.mark.parametrize("refund_dating", ["order_date", "refund_date"])
def test_scoped_recompute_equals_the_reference_at_the_edges_of_the_range(load_warehouse, refund_dating):
    data = edge_data()
    loaded = load_warehouse(data.arrow_tables(), f'[revenue]\nrefund_dating = "{refund_dating}"\n')
    metrics = [m for m in loaded.project.catalog.closure(CORE_METRICS, loaded.project.config) if isinstance(m, Additive)]
    got = scoped_rows_of(loaded, metrics, ("s0",), START, END)
    names = [m.name for m in metrics]
    expected = reference_query(data, names, ("shop", "day"), Knobs(refund_dating=refund_dating), ("s0",), START, END)
    assert {(shop, day) for shop, day, _ in got} == set(expected)
    assert {(shop, day, m): got.get((shop, day, m), 0) for (shop, day) in expected for m in names} == {
        (shop, day, m): Decimal(values[m]) for (shop, day), values in expected.items() for m in names
    }
    assert got[("s0", END, "orders")] == 1 and ("s0", START - dt.timedelta(days=1), "orders") not in got


@pytest.mark.parametrize("shops", [1, 2, 0], ids=["one shop", "two shops", "every shop"])
def test_scoped_recompute_equals_the_literal_one_attribution_included(load_warehouse, demo_tables, shops):
    loaded = load_warehouse(demo_tables, '[revenue]\nrefund_dating = "refund_date"\n')
    catalog, config = loaded.project.catalog, loaded.project.config
    picked = tuple(demo_tables["shops"].column("shop_id").to_pylist()[:shops])
    start, end = dt.date(2024, 5, 30), dt.date(2024, 6, 5)
    metrics = materialized_metrics(catalog, config)
    literal = rows_of(loaded, metrics, picked, start, end)
    assert literal and len({shop for shop, _, _ in literal}) == (shops or 3)
    assert scoped_rows_of(loaded, metrics, picked, start, end) == literal


def test_the_scoped_statement_names_no_date_shop_or_run_and_is_bounded_at_the_scans():
    from semantic.project import Project
    from semantic.range_sources import ScopeTables

    project = Project.defaults()
    metrics = materialized_metrics(project.catalog, project.config)
    text = compile_sql(scoped_daily_rows(project.catalog, project.config, metrics, {}, ScopeTables("semantic")), "duckdb")
    assert "MAKE_DATE" not in text and "MAKE_TIMESTAMPTZ" not in text and "'s0'" not in text
    flat = " ".join(text.split()).replace("( ", "(").replace(" )", ")")
    assert '"processed_at" >= (SELECT' in flat and '"started_at" >= ((SELECT' in flat  # orders, sessions: windows
    assert '"date" BETWEEN (SELECT' in flat and '"shop_id" IN (SELECT' in flat  # spend in range; the scope's shops
    assert 'FROM "semantic"."backfill_scope"' in flat and 'FROM "semantic"."backfill_scope_shops"' in flat


def test_duckdb_filters_the_scoped_sources_at_their_scans(demo_tables, tmp_path):
    """DuckDB's profile (EXPLAIN ANALYZE's): the range's orders and sessions leave their scans bounded by the scope row."""
    import json

    from semantic.backends.connect import connect
    from semantic.project import Project
    from semantic.range_sources import ScopeTables, window_of
    from semantic.sources import Sources
    from tests.conftest import Loaded

    project = Project.defaults()
    warehouse = connect(f"duckdb:///{tmp_path / 'profiled.duckdb'}")
    warehouse.load(demo_tables, Sources.from_config(project.config))
    loaded = Loaded(warehouse, project)
    shop = demo_tables["shops"].column("shop_id")[1].as_py()
    start, end = dt.date(2024, 5, 30), dt.date(2024, 6, 5)
    metrics = materialized_metrics(loaded.project.catalog, loaded.project.config)
    scoped_rows_of(loaded, metrics, (shop,), start, end)  # fills the scope tables
    text = compile_sql(scoped_daily_rows(loaded.project.catalog, loaded.project.config, metrics, {},
                                         ScopeTables("semantic")), "duckdb")
    raw = loaded.warehouse.raw
    profile = tmp_path / "profile.json"
    raw.execute("PRAGMA enable_profiling = 'json'")
    raw.execute(f"PRAGMA profiling_output = '{profile}'")
    raw.execute(text).fetchall()
    raw.execute("PRAGMA disable_profiling")
    scans: dict[str, list[int]] = {}

    def walk(node):
        if node.get("type") == "TABLE_SCAN":
            scans.setdefault(node["extra_info"]["Table"].split(".")[-1], []).append(node["intermediate_rows"])
        for child in node.get("children", []):
            walk(child)

    for node in json.loads(profile.read_text())["operator"]:
        walk(node)
    low, high = window_of(start, end)
    in_window = raw.execute("SELECT count(*) FROM orders WHERE shop_id = ? AND processed_at >= ? AND processed_at < ?",
                            [shop, low, high]).fetchall()[0][0]
    of_shop = raw.execute("SELECT count(*) FROM orders WHERE shop_id = ?", [shop]).fetchall()[0][0]
    sessions_from = low - dt.timedelta(days=loaded.project.config.attribution.window_days + 1)
    sessions = raw.execute("SELECT count(*) FROM sessions WHERE shop_id = ? AND started_at >= ? AND started_at < ?",
                           [shop, sessions_from, high]).fetchall()[0][0]
    # The range's orders (fewer still: the included-order filters are pushed into the scan too), not the
    # shop's history; new customers do read the shop's whole history, by design.
    assert 0 < min(scans["orders"]) <= in_window < of_shop / 5 < max(scans["orders"]) <= of_shop
    all_sessions = raw.execute("SELECT count(*) FROM sessions WHERE shop_id = ?", [shop]).fetchall()[0][0]
    assert 0 < min(scans["sessions"]) <= sessions < all_sessions / 3
    warehouse.close()
