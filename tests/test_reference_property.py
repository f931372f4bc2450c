"""The engine agrees with an independent plain-Python reference (tests/reference.py) on random shops.

Every core metric, at every grain (none, shop, day, week, month, and each time
bucket by shop), under both refund datings and with shipping and taxes in or out,
over small random warehouses whose instants cluster around DST changes and local
midnights in zones from UTC-5 to UTC+13:45 (Lord Howe's 30-minute DST shift included).

Each example loads a fresh warehouse (DuckDB in memory; PostgreSQL in a schema of
its own) and checks two paths: the compiled SQL of every grain, run as is (as an
analyst runs an exported file: its column types must be right too), and one
random filtered query (some metrics, some shops, a date window) through
`run_query`, as the CLI runs it, currency guard included. Fixed `@example`s add
the coincidences random data rarely hits (tests/reference.py: edge_case_shops).

Comparisons are exact: money as Decimal, counts as int. Ratios are compared
with `==`, not `math.isclose`: the reference computes float(Decimal numerator) /
float(denominator), and both engines do the same operations (an exact decimal
converted to the nearest double, then one IEEE division), so a correct engine
gives the very same double; any difference is a real discrepancy worth seeing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from semantic.backends.runner import run_query
from semantic.backends.connect import connect
from semantic.backends.warehouse import Warehouse
from semantic.compiler import compile_sql
from semantic.errors import QueryError
from semantic.project import Project
from semantic.query import QuerySpec, build_query
from semantic.sources import Sources
from tests.conftest import postgres_url_or_skip
from tests.reference import (
    ANCHOR_DAYS,
    CORE_METRICS,
    RATIOS,
    Knobs,
    ShopData,
    edge_case_shops,
    knobs_strategy,
    random_shop_data,
    reference_query,
)

# Every grain, over all core metrics, in every example.
GRAINS = [(), ("shop",), ("day", "shop"), ("week", "shop"), ("month", "shop")]
# The filtered query of each example may also bucket by time across shops.
FILTERED_GRAINS = [*GRAINS, ("day",), ("week",), ("month",)]
COUNTS = ("orders", "new_customers")


@contextlib.contextmanager
def loaded_warehouse(url: str, data: ShopData, knobs: Knobs) -> Iterator[tuple[Warehouse, Project, str | None]]:
    """A warehouse holding `data` (PostgreSQL: in a fresh schema, dropped afterwards)."""
    warehouse = connect(url)
    schema = None if warehouse.dialect == "duckdb" else f"p_{uuid.uuid4().hex[:12]}"
    project = Project.from_text(f'[sources]\ndatabase = "{schema}"\n' if schema else "").with_overrides(knobs.overrides())
    try:
        warehouse.load(data.arrow_tables(), Sources.from_config(project.config))
        yield warehouse, project, schema
    finally:
        if schema:
            warehouse.raw.rollback()
            with warehouse.raw.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            warehouse.raw.commit()
        warehouse.close()


@functools.lru_cache(maxsize=None)
def compiled(knobs: Knobs, spec: QuerySpec, dialect: str) -> str:
    """The SQL of `spec` (tables unqualified): it does not depend on the data, so it is compiled once."""
    project = Project.from_text("").with_overrides(knobs.overrides())
    return compile_sql(build_query(project.catalog, project.config, spec).expr, dialect)


def execute_sql(warehouse: Warehouse, schema: str | None, sql: str) -> list[dict]:
    if warehouse.dialect == "duckdb":
        cursor = warehouse.raw.execute(sql)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    with warehouse.raw.cursor() as cursor:
        cursor.execute(sql_text(f'SET search_path TO "{schema}"'))
        cursor.execute(sql_text(sql))
        names = [c.name for c in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    warehouse.raw.rollback()
    return rows


def sql_text(sql: str):
    from psycopg import sql as psql

    return psql.SQL(sql.replace("{", "{{").replace("}", "}}"))


def assert_agrees(rows: list[dict], data: ShopData, knobs: Knobs, spec: QuerySpec) -> None:
    expected = reference_query(data, spec.metrics, spec.by, knobs, spec.shops, spec.start, spec.end)
    columns = ["shop_id" if d == "shop" else d for d in spec.by]
    keys = [tuple(r[c] for c in columns) for r in rows]
    assert keys == sorted(keys), "rows are sorted by the dimensions in the order given"
    got = {key: {m: r[m] for m in spec.metrics} for key, r in zip(keys, rows)}
    assert len(got) == len(rows), "one row per bucket"
    assert got == expected, f"{spec} under {knobs}"
    for values in got.values():
        for metric, value in values.items():
            if metric in RATIOS:
                assert value is None or type(value) is float
            elif metric in COUNTS:
                assert type(value) is int
            else:
                assert type(value) is Decimal


def assert_run_agrees(warehouse: Warehouse, project: Project, data: ShopData, knobs: Knobs, spec: QuerySpec) -> None:
    """Through run_query, as the CLI runs it: the currency guard first, then the values."""
    built = build_query(project.catalog, project.config, spec)
    in_scope = [s for s in data.shops if not spec.shops or s["shop_id"] in spec.shops]
    mixed = len({s["currency"] for s in in_scope}) > 1
    if mixed and "shop" not in spec.by and any(m not in COUNTS for m in spec.metrics):
        with pytest.raises(QueryError, match="different currencies"):
            run_query(warehouse, built)
        return
    assert_agrees(run_query(warehouse, built).to_pylist(), data, knobs, spec)


windows = st.one_of(
    st.just((None, None)),
    st.tuples(st.sampled_from(ANCHOR_DAYS), st.sampled_from(ANCHOR_DAYS)).map(sorted).map(tuple),
    st.tuples(st.none(), st.sampled_from(ANCHOR_DAYS)),
)


@st.composite
def filtered_specs(draw, data: ShopData) -> QuerySpec:
    """Some metrics (which buckets appear depends on them) at some grain, for some shops and days."""
    start, end = draw(windows)
    shop_ids = [s["shop_id"] for s in data.shops]
    shops = tuple(draw(st.one_of(st.just([]), st.lists(st.sampled_from(shop_ids), min_size=1, unique=True))))
    metrics = tuple(draw(st.lists(st.sampled_from(CORE_METRICS), min_size=1, max_size=7, unique=True)))
    return QuerySpec(metrics=metrics, by=draw(st.sampled_from(FILTERED_GRAINS)), shops=shops, start=start, end=end)


def check_random_shops(url: str, data: ShopData, knobs: Knobs, filtered: QuerySpec) -> None:
    with loaded_warehouse(url, data, knobs) as (warehouse, project, schema):
        for by in GRAINS:
            spec = QuerySpec(metrics=CORE_METRICS, by=by)
            assert_agrees(execute_sql(warehouse, schema, compiled(knobs, spec, warehouse.dialect)), data, knobs, spec)
        assert_run_agrees(warehouse, project, data, knobs, filtered)


@st.composite
def cases(draw, max_orders: int = 14):
    data = draw(random_shop_data(max_orders=max_orders))
    return data, draw(knobs_strategy), draw(filtered_specs(data))


EDGE_CASES = [
    (edge_case_shops(), Knobs(), QuerySpec(metrics=("new_customers", "cac"), by=("week",), shops=("s0",), start=dt.date(2024, 3, 10))),
    (edge_case_shops(), Knobs("refund_date", include_shipping=False), QuerySpec(metrics=CORE_METRICS, by=("day",))),
]


@settings(max_examples=60, deadline=None)
@example(case=EDGE_CASES[0])
@example(case=EDGE_CASES[1])
@given(case=cases())
def test_duckdb_matches_the_reference_on_random_shops(case):
    data, knobs, filtered = case
    check_random_shops("duckdb:///:memory:", data, knobs, filtered)


@pytest.mark.postgres
@settings(max_examples=8, deadline=None)
@example(case=EDGE_CASES[1])
@given(case=cases(max_orders=10))
def test_postgres_matches_the_reference_on_random_shops(case):
    data, knobs, filtered = case
    check_random_shops(postgres_url_or_skip(), data, knobs, filtered)


def test_reference_sees_dst_and_midnight_edges():
    """The reference itself, on instants whose shop-local day is easy to get wrong."""
    from tests.reference import local_day

    # 04:30Z on 2024-03-10 is 23:30 EST on Mar 9 (before the change at 07:00Z).
    assert local_day(dt.datetime(2024, 3, 10, 4, 30, tzinfo=dt.timezone.utc), "America/New_York") == dt.date(2024, 3, 9)
    # Chatham is UTC+13:45 in January: 10:15Z on Dec 31 is already Jan 1.
    assert local_day(dt.datetime(2024, 12, 31, 10, 15, tzinfo=dt.timezone.utc), "Pacific/Chatham") == dt.date(2025, 1, 1)
    # Lord Howe is UTC+10:30 until 15:30Z on 2024-10-05: 13:29:59Z is still Oct 5, 13:30Z is Oct 6.
    assert local_day(dt.datetime(2024, 10, 5, 13, 29, 59, tzinfo=dt.timezone.utc), "Australia/Lord_Howe") == dt.date(2024, 10, 5)
    assert local_day(dt.datetime(2024, 10, 5, 13, 30, tzinfo=dt.timezone.utc), "Australia/Lord_Howe") == dt.date(2024, 10, 6)
