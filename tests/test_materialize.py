"""`semantic build` and `semantic query --from`: the materialized tables answer exactly as the sources do.

On DuckDB and PostgreSQL both, the same small warehouse (the reference's edge
cases plus a few demo shops) is built, then every core metric at every grain is
asked from the sources and from the materialized tables: the answers are
identical, and equal to the plain-Python reference (tests/reference.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pytest

import uuid

from semantic.backends import statements as sql
from semantic.backends import wide_daily as wide
from semantic.backends.connect import connect
from semantic.backends.materialize import build, choose
from semantic.backends.runner import run_query
from semantic.cli.materialize_commands import current_fingerprints
from semantic.demo_data import generate
from semantic.materialized import Layout, materialized_query
from semantic.metrics import Additive
from semantic.query import QuerySpec, build_query
from semantic.sources import Sources
from semantic.wide_daily import covers, wide_query
from tests.conftest import ENGINES, Loaded, empty_tables, postgres_url_or_skip, project_in_schema
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.reference import CORE_METRICS, Knobs, ShopData, edge_case_shops, reference_query

READ_BY_CORE_METRICS = ("shops", "orders", "refunds", "customers", "ad_spend")
GROUPINGS = [("day", "shop"), ("week", "shop"), ("month", "shop"), ("shop",), ("week",), ()]
NOW = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone.utc)


def small_warehouse() -> ShopData:
    """The edge-case shops (one currency: USD) and 300 demo orders of two more USD shops."""
    demo = generate(orders=300, shops=1, seed=5, end=dt.date(2024, 4, 30), days=60)
    data = edge_case_shops()
    for name in READ_BY_CORE_METRICS:
        getattr(data, name).extend(demo[name].to_pylist())
    currencies = {s["currency"] for s in data.shops}
    assert currencies == {"USD"}, "money adds across shops only in one currency"
    return data


@pytest.fixture(scope="module", params=ENGINES)
def built(request, tmp_path_factory):
    """A warehouse holding small_warehouse(), built once per engine (sources and tables in schemas of their own)."""
    data = small_warehouse()
    if request.param == "duckdb":
        warehouse, schema = connect(f"duckdb:///{tmp_path_factory.mktemp('mat') / 'w.duckdb'}"), None
    else:
        warehouse, schema = connect(postgres_url_or_skip()), f"m_{uuid.uuid4().hex[:12]}"
    project = project_in_schema(schema)
    loaded = Loaded(warehouse, project)
    warehouse.load({**empty_tables(), **data.arrow_tables()}, Sources.from_config(project.config))
    layout = Layout(schema=f"{schema or 'main'}_sem")
    # The core metrics only (attribution's are built by the CLI test below), with stand-in fingerprints
    # (the real ones are checked there too).
    metrics = [m for m in project.catalog.closure(CORE_METRICS, project.config) if isinstance(m, Additive)]
    fingerprints = {m.ref: f"sha256:{m.name}{m.version}" for m in metrics}
    report = build(warehouse, project.catalog, project.config, fingerprints, layout, metrics=metrics, now=NOW)
    try:
        yield loaded, layout, data, report, fingerprints
    finally:
        if schema:
            for name in (schema, layout.schema):
                sql.run(warehouse, f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        warehouse.close()


def answers(loaded, built_query) -> list[dict]:
    return run_query(loaded.warehouse, built_query).to_pylist()


@pytest.mark.parametrize("by", GROUPINGS, ids=["-".join(b) or "total" for b in GROUPINGS])
def test_materialized_answers_equal_the_sources_and_the_reference(built, by):
    loaded, layout, data, _, _ = built
    catalog, config = loaded.project.catalog, loaded.project.config
    for spec in (
        QuerySpec(metrics=CORE_METRICS, by=by),
        QuerySpec(metrics=CORE_METRICS, by=by, shops=("s0",), start=dt.date(2024, 3, 10), end=dt.date(2024, 3, 31)),
    ):
        from_sources = answers(loaded, build_query(catalog, config, spec))
        from_tables = answers(loaded, materialized_query(catalog, config, spec, layout))
        assert from_tables == from_sources, spec
        assert answers(loaded, wide_query(catalog, config, spec, layout.schema)) == from_sources, spec
        columns = ["shop_id" if d == "shop" else d for d in by]
        got = {tuple(r[c] for c in columns): {m: r[m] for m in CORE_METRICS} for r in from_tables}
        assert got == reference_query(data, CORE_METRICS, by, Knobs(), spec.shops, spec.start, spec.end)


@pytest.mark.parametrize("by", GROUPINGS, ids=["-".join(b) or "total" for b in GROUPINGS])
def test_the_wide_table_answers_metric_subsets_with_the_same_buckets(built, by):
    loaded, layout, data, _, _ = built
    catalog, config = loaded.project.catalog, loaded.project.config
    for metrics in (("orders",), ("paid_spend",), ("aov", "new_customers")):
        spec = QuerySpec(metrics=metrics, by=by)
        assert covers(catalog, config, spec, wide.refs(loaded.warehouse, layout))
        from_wide = answers(loaded, wide_query(catalog, config, spec, layout.schema))
        assert from_wide == answers(loaded, build_query(catalog, config, spec)), spec
        columns = ["shop_id" if d == "shop" else d for d in by]
        got = {tuple(r[c] for c in columns): {m: r[m] for m in metrics} for r in from_wide}
        assert got == reference_query(data, metrics, by, Knobs(), (), None, None)


def test_wide_rows_are_the_daily_rows_pivoted_and_record_their_definitions_and_run(built):
    loaded, layout, _, report, fingerprints = built
    w = loaded.warehouse
    daily = sql.fetch(w, f"SELECT shop_id, day, metric, version, value FROM {sql.table_name(w, layout.schema, layout.daily)}")
    pivot: dict[tuple, dict[str, Decimal]] = {}
    for shop, day, metric, version, value in daily:
        pivot.setdefault((shop, day), {})[f"{metric}__v{version}"] = value
    columns = ["revenue__v1", "orders__v1", "paid_spend__v1", "new_customers__v1"]
    wide_rows = sql.fetch(w, f"SELECT shop_id, day, {', '.join(columns)}, built_at, definitions_id FROM {layout.schema}.daily_wide")
    assert len(wide_rows) == len(pivot) == len({r[:2] for r in wide_rows})
    for shop, day, *values, built_at, _definitions_id in wide_rows:
        assert dict((c, v) for c, v in zip(columns, values) if v is not None) == pivot[(shop, day)]
        assert built_at == NOW
    sets = sql.fetch(w, f"SELECT definitions_id, metric, version, fingerprint, run_id, built_at FROM {layout.schema}.definition_sets")
    by_id: dict[str, set] = {}
    for definitions_id, metric, version, fingerprint, run_id, built_at in sets:
        by_id.setdefault(definitions_id, set()).add((f"{metric}@{version}", fingerprint, run_id, built_at))
    for row in wide_rows:
        values, definitions_id = row[2:-2], row[-1]
        present = {c.replace("__v", "@") for c, v in zip(columns, values) if v is not None}
        assert by_id[definitions_id] == {(ref, fingerprints[ref], report.run_id, NOW) for ref in present}


def test_every_row_records_its_definition_fingerprint_and_build(built):
    loaded, layout, _, report, fingerprints = built
    daily = sql.table_name(loaded.warehouse, layout.schema, layout.daily)
    rows = sql.fetch(loaded.warehouse, f"SELECT DISTINCT metric, version, fingerprint, built_at, run_id FROM {daily}")
    core = {("revenue", 1), ("orders", 1), ("paid_spend", 1), ("new_customers", 1)}
    assert {(m, v) for m, v, *_ in rows} == core
    for metric, version, fingerprint, built_at, run_id in rows:
        assert fingerprint == fingerprints[f"{metric}@{version}"]
        assert built_at == NOW and run_id == report.run_id
    # s0's revenue on its local 2024-03-10, by hand: orders 1001 and 1003 (40 - 4 + 5 + 3.20 each).
    value = sql.fetch(
        loaded.warehouse, f"SELECT value FROM {daily} WHERE shop_id = ? AND day = ? AND metric = ?", ("s0", dt.date(2024, 3, 10), "revenue")
    )
    assert value == [(Decimal("88.40"),)]


def test_auto_uses_the_tables_while_fresh_and_says_why_it_does_not(built):
    loaded, layout, data, _, fingerprints = built
    catalog, config = loaded.project.catalog, loaded.project.config
    spec = QuerySpec(metrics=("aov",), by=("month", "shop"))
    current = fingerprints.get
    choice = choose(loaded.warehouse, catalog, config, spec, current, "auto", layout)
    assert (choice.source, "fresh") == ("materialized", choice.reason.split(" is ")[1][:5])
    assert choose(loaded.warehouse, catalog, config, QuerySpec(metrics=("revenue",), by=("channel",)), current, "auto", layout).source == "sources"
    changed = choose(loaded.warehouse, catalog, config, spec, lambda ref: "sha256:other", "auto", layout)
    assert changed.source == "sources" and "changed since the build" in changed.reason
    # A new order in the sources: the tables are stale.
    orders = data.arrow_tables()["orders"]
    extra = orders.slice(0, 1).to_pylist()[0] | {"order_id": "new-1"}
    loaded.warehouse.load({"orders": pa.concat_tables([orders, pa.Table.from_pylist([extra], schema=orders.schema)])}, _sources(loaded))
    stale = choose(loaded.warehouse, catalog, config, spec, current, "auto", layout)
    assert stale.source == "sources" and "sources changed" in stale.reason
    loaded.warehouse.load({"orders": orders}, _sources(loaded))
    assert choose(loaded.warehouse, catalog, config, spec, current, "auto", layout).source == "materialized"


def _sources(loaded):
    from semantic.sources import Sources

    return Sources.from_config(loaded.project.config)


def test_cli_build_then_query_from_auto_and_materialized(isolated, capsys):  # noqa: F811
    url = f"duckdb:///{isolated / 'w.duckdb'}"
    assert cli(capsys, "demo", "--orders", "300", "--shops", "2", "--database", url)[0] == 0
    code, out, err = cli(capsys, "build", "--database", url)
    assert code == 0 and "built schema semantic" in out
    args = ("query", "revenue", "aov", "--by", "month", "--by", "shop", "--format", "json", "--database", url)
    code, from_sources, _ = cli(capsys, *args)
    assert code == 0
    code, from_auto, err = cli(capsys, *args, "--from", "auto")
    assert code == 0 and "answered from materialized" in err and from_auto == from_sources
    code, _, err = cli(capsys, "query", "revenue", "--by", "channel", "--from", "materialized", "--database", url)
    assert code == 2 and "cannot answer from the materialized tables" in err
    # The recorded fingerprints are governance's (semantic lock's) fingerprints of the definitions.
    from semantic.api import load_project
    from semantic.backends.connect import connect as open_warehouse

    warehouse = open_warehouse(url)
    try:
        recorded = dict(sql.fetch(warehouse, "SELECT metric || '@' || CAST(version AS TEXT), fingerprint FROM semantic.definitions"))
    finally:
        warehouse.close()
    assert recorded["revenue@1"] == current_fingerprints(load_project(None), ["revenue@1"])["revenue@1"]
