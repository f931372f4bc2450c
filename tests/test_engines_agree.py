"""DuckDB and PostgreSQL give identical values for every core metric on a demo-like warehouse.

The data is `semantic.demo_data.generate` (several shops in different zones and
currencies, refunds the next local day, guests, cancellations, test orders, ad
spend), loaded into a DuckDB file and into a fresh PostgreSQL schema. Every core
metric, alone by day and shop and all together by day, ISO week and month (by
shop), must give the same rows on both engines: same buckets, Decimal-equal money,
equal counts and bit-identical ratios. DuckDB's answer is also checked against the
plain-Python reference (tests/reference.py), so "the same" also means "right".
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from semantic.backends.runner import run_query
from semantic.backends.connect import connect
from semantic.backends.warehouse import Warehouse
from semantic.demo_data import generate
from semantic.project import Project
from semantic.query import QuerySpec, build_query
from semantic.sources import Sources
from tests.conftest import empty_tables, postgres_url_or_skip
from tests.reference import CORE_METRICS, Knobs, ShopData, reference_query

pytestmark = pytest.mark.postgres

# The tables the core metrics read (sessions and order lines stay empty: faster loads).
READ_BY_CORE_METRICS = ("shops", "orders", "refunds", "customers", "ad_spend")
GROUPINGS = [("day", "shop"), ("week", "shop"), ("month", "shop"), ("shop",)]


@pytest.fixture(scope="module")
def demo_tables() -> dict[str, pa.Table]:
    tables = generate(orders=3_000, shops=4, seed=11, end=dt.date(2024, 11, 30), days=120)
    return {**empty_tables(), **{name: tables[name] for name in READ_BY_CORE_METRICS}}


@pytest.fixture(scope="module")
def both_engines(demo_tables, tmp_path_factory) -> Iterator[dict[str, tuple[Warehouse, Project]]]:
    postgres_url = postgres_url_or_skip()
    schema = f"agree_{uuid.uuid4().hex[:12]}"
    duckdb_path: Path = tmp_path_factory.mktemp("agree") / "demo.duckdb"
    engines = {
        "duckdb": (connect(f"duckdb:///{duckdb_path}"), Project.from_text("")),
        "postgres": (connect(postgres_url), Project.from_text(f'[sources]\ndatabase = "{schema}"\n')),
    }
    try:
        for warehouse, project in engines.values():
            warehouse.load(demo_tables, Sources.from_config(project.config))
        yield engines
    finally:
        postgres = engines["postgres"][0]
        with postgres.raw.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        postgres.raw.commit()
        for warehouse, _ in engines.values():
            warehouse.close()


def run(engine: tuple[Warehouse, Project], spec: QuerySpec, *overrides: str) -> list[dict]:
    warehouse, project = engine
    project = project.with_overrides(overrides)
    built = build_query(project.catalog, project.config, spec)
    return run_query(warehouse, built).to_pylist()


def same_rows(spec: QuerySpec, both_engines, *overrides: str) -> list[dict]:
    on_duckdb = run(both_engines["duckdb"], spec, *overrides)
    on_postgres = run(both_engines["postgres"], spec, *overrides)
    assert on_duckdb, f"{spec}: the demo data should give rows"
    assert on_postgres == on_duckdb
    return on_duckdb


@pytest.mark.parametrize("metric", CORE_METRICS)
def test_each_metric_by_day_and_shop_is_identical_on_both_engines(both_engines, metric):
    same_rows(QuerySpec(metrics=(metric,), by=("day", "shop")), both_engines)


@pytest.mark.parametrize("by", GROUPINGS, ids=["-".join(b) for b in GROUPINGS])
@pytest.mark.parametrize("refund_dating", ["order_date", "refund_date"])
def test_all_core_metrics_are_identical_on_both_engines_and_match_the_reference(
    both_engines, demo_tables, by, refund_dating
):
    spec = QuerySpec(metrics=CORE_METRICS, by=by)
    rows = same_rows(spec, both_engines, f"revenue.refund_dating={refund_dating}")
    columns = ["shop_id" if d == "shop" else d for d in by]
    got = {tuple(r[c] for c in columns): {m: r[m] for m in CORE_METRICS} for r in rows}
    assert got == reference_query(as_shop_data(demo_tables), CORE_METRICS, by, Knobs(refund_dating=refund_dating))


def test_time_buckets_across_shops_of_one_currency_are_identical(both_engines, demo_tables):
    shops = demo_tables["shops"].to_pylist()
    usd = tuple(s["shop_id"] for s in shops if s["currency"] == "USD")
    assert len(usd) == 2, "the demo's first and fourth shops both sell in USD"
    for by in (("day",), ("week",), ("month",)):
        same_rows(QuerySpec(metrics=CORE_METRICS, by=by, shops=usd), both_engines)


def as_shop_data(tables: dict[str, pa.Table]) -> ShopData:
    return ShopData(**{name: tables[name].to_pylist() for name in READ_BY_CORE_METRICS})


def test_upstream_postgres_distinct_after_a_filter_still_keeps_the_filter_column():
    """Pins the Ibis 12 bug worked around in semantic.currency.refuse_mixed_currencies.

    When this fails, Ibis compiles the currency scope correctly and the deduplication
    there can go.
    """
    from semantic.compiler import compile_sql
    from semantic.currency import currencies_in_scope

    sources = Sources.from_config(Project.from_text("").config)
    sql = compile_sql(currencies_in_scope(sources, ("a", "b")), "postgres")
    assert re.search(r'SELECT DISTINCT\s+"t0"\."currency",\s+"t0"\."shop_id"', sql), sql
