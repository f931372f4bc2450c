"""Spark (local[2], one session for the whole run) gives the same numbers as DuckDB and the plain-Python reference.

Every core metric by every grain on generated demo data and on the hand-made DST
fixture, and last-click and linear attribution on generated journeys, run on
Spark as exactly the SQL `semantic compile --dialect pyspark` prints, and must
equal DuckDB row for row (Decimal-equal money, UTC instants, identical ratios)
and tests/reference.py. Data is small: Spark's cost here is per query, not per row.

Skips with the reason on a machine without pyspark or Java; CI sets
SEMANTIC_REQUIRE_SPARK so that there they fail instead.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from decimal import Decimal

import pyarrow as pa
import sqlglot
import pytest

from semantic.attribution import relation
from semantic.backends.connect import connect
from semantic.compiler import compile_sql
from semantic.demo_data import generate
from semantic.errors import ContractError, WarehouseError
from semantic.project import Project
from semantic.sources import Sources
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.conftest import Loaded, empty_tables, project_in_schema, read_fixture_dir
from tests.reference import CORE_METRICS, ShopData, reference_query

READ_BY_CORE_METRICS = ("shops", "orders", "refunds", "customers", "ad_spend")
GROUPINGS = [("day", "shop"), ("week", "shop"), ("month", "shop"), ("shop",)]


def on_duckdb(tmp_path, tables: dict[str, pa.Table]) -> Loaded:
    warehouse = connect(f"duckdb:///{tmp_path / 'same.duckdb'}")
    project = Project.from_text("")
    warehouse.load({**empty_tables(), **tables}, Sources.from_config(project.config))
    return Loaded(warehouse, project)


def as_shop_data(tables: dict[str, pa.Table]) -> ShopData:
    return ShopData(**{name: tables[name].to_pylist() for name in READ_BY_CORE_METRICS})


@pytest.fixture(scope="module")
def demo_tables() -> dict[str, pa.Table]:
    tables = generate(orders=1_500, shops=3, seed=11, end=dt.date(2024, 11, 30), days=90)
    return {name: tables[name] for name in READ_BY_CORE_METRICS}


def test_every_core_metric_by_every_grain_equals_duckdb_and_the_reference(spark_warehouse, demo_tables, tmp_path):
    spark = spark_warehouse(demo_tables)
    duck = on_duckdb(tmp_path, demo_tables)
    for by in GROUPINGS:
        got = spark.query(CORE_METRICS, by)
        assert got, by
        assert got == duck.query(CORE_METRICS, by), by
        columns = ["shop_id" if d == "shop" else d for d in by]
        keyed = {tuple(r[c] for c in columns): {m: r[m] for m in CORE_METRICS} for r in got}
        assert keyed == reference_query(as_shop_data(demo_tables), CORE_METRICS, by), by
    assert spark.warehouse.executed[-1] == compile_sql(_built(spark, CORE_METRICS, GROUPINGS[-1]).expr, "pyspark")


def _built(loaded: Loaded, metrics, by):
    from semantic.query import QuerySpec, build_query

    return build_query(loaded.project.catalog, loaded.project.config, QuerySpec(metrics=tuple(metrics), by=tuple(by)))


def test_hand_fixture_across_dst_equals_duckdb_with_exact_decimals(spark_warehouse, tmp_path):
    tables = read_fixture_dir("hand")
    spark = spark_warehouse(tables)
    got = spark.query(CORE_METRICS, ("day", "shop"))
    assert got == on_duckdb(tmp_path, tables).query(CORE_METRICS, ("day", "shop"))
    by_key = {(r["day"], r["shop_id"]): r for r in got}
    # By hand (tests/test_core_metrics_hand.py): o2 at 04:30Z Mar 1 is 23:30 EST Feb 29 (its refund dated with it); o4 at 04:30Z Mar 11 is
    # 00:30 EDT Mar 11, after the clocks changed; p2 at 22:30Z Mar 31 is 00:30 CEST Apr 1 in Berlin.
    assert by_key[(dt.date(2024, 2, 29), "s1")]["revenue"] == Decimal("27.70")  # 49.50 less r1 (21.80), dated to the order
    assert by_key[(dt.date(2024, 3, 11), "s1")]["orders"] == 1
    assert by_key[(dt.date(2024, 4, 1), "s2")]["revenue"] == Decimal("71.40")
    assert all(isinstance(r["revenue"], Decimal) and r["revenue"].as_tuple().exponent == -2 for r in got)
    keyed = {(r["day"], r["shop_id"]): {m: r[m] for m in CORE_METRICS} for r in got}
    assert keyed == reference_query(as_shop_data(tables), CORE_METRICS, ("day", "shop"))


# -- attribution ----------------------------------------------------------------------


def journeys(examples: int, seed: int) -> tuple[list[dict], list[dict]]:
    """Independent small journeys (ids prefixed per example) drawn like test_attribution_reference's."""
    from tests.test_attribution_reference import BASE, OFFSETS, TRAFFIC
    from tests.test_attribution_scenarios import order, session

    rng = random.Random(seed)
    sessions, orders = [], []
    for k in range(examples):
        for i in range(rng.randint(0, 6)):
            visitor, customer = rng.choice(["v1", "v2", "v3"]), rng.choice([None, None, "c1", "c2"])
            sid = f"e{k:02d}-{rng.randint(1, 29)}-{i}" if i % 3 else f"e{k:02d}-{i + 5}"
            sessions.append(session(sid, BASE - rng.choice(OFFSETS), visitor=f"e{k}{visitor}",
                                    customer_id=customer and f"e{k}{customer}", **rng.choice(TRAFFIC)))
        for i in range(rng.randint(1, 3)):
            visitor, customer = rng.choice(["v1", "v2", None]), rng.choice([None, "c1"])
            orders.append(order(f"e{k:02d}-o{i}", BASE + dt.timedelta(seconds=rng.choice([0, 3600, 86400 * 3])),
                                visitor=visitor and f"e{k}{visitor}", customer_id=customer and f"e{k}{customer}",
                                landing_site=rng.choice([None, "/?utm_source=pinterest&utm_medium=cpc", "/plain"]),
                                total=rng.choice(["0.01", "0.02", "100.00", "33.33", "10.00"]), referring_site=None))
    return sessions, orders


def test_last_click_attribution_equals_duckdb_and_the_reference(spark_warehouse, tmp_path):
    """One query (attribution plans are Spark's slowest to build); the other models differ only after the join."""
    model = "last_click"
    from tests.test_attribution_reference import reference
    from tests.test_attribution_scenarios import tables

    sessions, orders = journeys(examples=25, seed=3)
    data = tables(sessions, orders)
    spark = spark_warehouse(data)
    rows = spark.execute(relation(spark.project, "order_attribution", model=model).order_by(["order_id", "part"]))
    duck = on_duckdb(tmp_path, data)
    assert rows == duck.execute(relation(duck.project, "order_attribution", model=model).order_by(["order_id", "part"]))
    expected, counts = reference(orders, sessions, model, spark.project.config.attribution)
    assert {(r["order_id"], r["touchpoint_id"]): int(r["credited_revenue"] * 100) for r in rows} == expected
    assert {r["order_id"]: r["candidates"] for r in rows} == counts


def test_attribution_runs_its_shared_layers_once_and_leaves_nothing_behind(spark_warehouse, tmp_path):
    """The layers read twice are written once to scratch Parquet; afterwards no view and no scratch file remains."""
    import glob
    import tempfile

    from semantic.backends.spark_steps import in_steps, shared_ctes
    from semantic.compiler import compile_sql
    from tests.test_attribution_scenarios import tables

    sessions, orders = journeys(examples=10, seed=5)
    spark = spark_warehouse(tables(sessions, orders))
    sql = compile_sql(relation(spark.project, "order_attribution"), "pyspark")
    reads = shared_ctes(sqlglot.parse_one(sql, read="spark"))
    assert reads["attribution_touchpoints"] > 1 and reads["attribution_candidates"] > 1
    plans: list[str] = []
    with in_steps(spark.warehouse.session, sql, plans) as final:
        assert "WITH" not in final.upper().split("SELECT", 1)[0]
    # Every step read more than once was computed once: one plan each, plus nothing else.
    assert len(plans) == sum(1 for count in reads.values() if count > 1)
    assert not [t for t in spark.warehouse.session.catalog.listTables() if t.name.startswith("__semantic_")]
    assert not glob.glob(f"{tempfile.gettempdir()}/semantic-spark-steps-*")


# -- the warehouse itself ---------------------------------------------------------------


def test_url_form_opens_the_folder_and_checks_the_contract_through_the_catalog(spark_session, tmp_path):
    lake = tmp_path / "lake"
    assert pytest.raises(WarehouseError, connect, f"spark://local?warehouse={lake}", create=False)
    assert not lake.exists()  # a read never creates the folder
    warehouse = connect(f"spark://local?warehouse={lake}", create=True)
    project = project_in_schema("urlform")
    sources = Sources.from_config(project.config)
    assert not warehouse.owns_session  # the run's session was active: ours to use, not to stop
    with pytest.raises(ContractError, match="orders"):
        warehouse.check_contract(sources, ["orders"])
    warehouse.load(read_fixture_dir("hand"), sources)
    assert (lake / "urlform" / "orders").is_dir()
    warehouse.check_contract(sources, ["orders", "shops"])
    reopened = connect(f"spark://local?warehouse={lake}", create=False)  # registers the folder's tables again
    assert reopened._columns("orders", "urlform") >= {"order_id", "processed_at"}
    spark_session.sql("DROP SCHEMA IF EXISTS `urlform` CASCADE")


def test_a_failed_load_changes_nothing(spark_warehouse):
    import pyarrow.parquet as pq

    loaded = spark_warehouse(read_fixture_dir("hand"))
    warehouse, sources = loaded.warehouse, Sources.from_config(loaded.project.config)
    schema = sources.physical("orders").database
    files = sorted(p.relative_to(warehouse.root) for p in warehouse.root.rglob("*"))
    bad = {**read_fixture_dir("hand"), "orders": empty_tables()["orders"], "refunds": pa.table({"nope": [1]})}
    with pytest.raises(Exception):  # the refunds do not fit the contract
        warehouse.load(bad, sources)  # orders (staged first, empty) must not replace the loaded ones
    assert sorted(p.relative_to(warehouse.root) for p in warehouse.root.rglob("*")) == files  # no staging left
    assert pq.read_table(warehouse.root / schema / "orders").num_rows == read_fixture_dir("hand")["orders"].num_rows
    assert warehouse._columns("refunds", schema) >= {"refund_id", "amount"}


def test_a_failing_query_is_one_line_naming_spark(spark_warehouse, capfd):
    import ibis

    loaded = spark_warehouse({})
    missing = ibis.table({"x": "int64"}, name="no_such_table")
    with pytest.raises(WarehouseError) as raised:
        loaded.warehouse.execute(missing)
    assert "\n" not in str(raised.value) and "TABLE_OR_VIEW_NOT_FOUND" in str(raised.value)
    assert "at org.apache" not in "".join(capfd.readouterr())


def test_a_session_not_in_utc_is_refused(spark_session):
    from semantic.backends.spark import SparkWarehouse

    spark_session.conf.set("spark.sql.session.timeZone", "America/New_York")
    try:
        with pytest.raises(WarehouseError, match="UTC"):
            SparkWarehouse.from_session(spark_session)
    finally:
        spark_session.conf.set("spark.sql.session.timeZone", "UTC")


def test_demo_and_query_through_the_cli(spark_session, capsys, isolated):

    url = "spark://local?warehouse=lake"
    code, out, err = cli(capsys, "demo", "--orders", "300", "--shops", "2", "--database", url)
    assert code == 0, err
    assert (isolated / "lake" / "orders").is_dir() and (isolated / "lake" / "semantic_demo").is_dir()
    code, out, err = cli(capsys, "query", "nope_metric", "--database", url)
    assert code == 2
    code, out, err = cli(capsys, "query", "revenue", "--by", "month", "--format", "json", "--database", "spark://local?warehouse=nowhere")
    assert code == 3 and "no Spark warehouse folder" in err and not (isolated / "nowhere").exists()
    # Materialized tables on Spark: built (every metric, attributed orders), answering as the sources do.
    code, out, err = cli(capsys, "build", "--database", url)
    assert code == 0, err
    assert {p.name for p in (isolated / "lake" / "semantic").iterdir()} == {"daily_metrics", "attributed_orders", "builds", "definitions"}
    answers = {}
    for source in ("sources", "materialized"):
        code, out, err = cli(capsys, "query", "revenue", "orders", "--by", "week", "--by", "shop", "--format", "json", "--from", source, "--database", url)
        assert code == 0 and f"answered from {source}" in err if source != "sources" else code == 0, err
        answers[source] = out
    assert answers["materialized"] == answers["sources"] and "revenue" in answers["sources"]
    code, out, err = cli(capsys, "backfill", "--start", "2099-01-01", "--end", "2099-01-02", "--reason", "r", "--env", "dev",
                         "--as", "a@example.com", "--metrics", "revenue", "--no-data-checks", "--database", url)
    assert code == 0 and "completed: replaced 0 rows with 0" in out, err
    code, out, err = cli(capsys, "backfill", "verify", "--database", url)
    assert code == 0 and "2 audit rows" in out and "intact" in out, err
    code, out, err = cli(capsys, "status", "--format", "json", "--database", url)
    assert code == 0 and json.loads(out)["reprocessing"] is False and json.loads(out)["last_build"], err


# -- URLs (no Spark needed) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "master", "folder"),
    [("spark://local?warehouse=lake", "local[2]", "lake"),
     ("spark://local?warehouse=/data/lake&cores=4&memory=512m", "local[4]", "/data/lake"),
     ("spark://spark-master.internal:7077?warehouse=/lake", "spark://spark-master.internal:7077", "/lake")],
)
def test_spark_urls(text, master, folder, tmp_path):
    from semantic.backends.spark import session_config
    from semantic.backends.url import WarehouseUrl

    url = WarehouseUrl.parse(text)
    assert (url.engine, url.path) == ("spark", folder)
    config = session_config(url, tmp_path)
    assert config["spark.master"] == master
    assert config["spark.sql.session.timeZone"] == "UTC" and config["spark.ui.enabled"] == "false"


@pytest.mark.parametrize(
    ("text", "says"),
    [("spark://?warehouse=x", "without a master"), ("spark://local?wh=x", "unknown Spark URL option 'wh'"),
     ("spark://local?cores=two", "cores must be a positive integer"), ("spark://local?memory=lots", "memory must"),
     ("spark://ana:secret@local?warehouse=x", "no user or path"), ("spark://local/lake", "no user or path")],
)
def test_bad_spark_urls_say_what_is_wrong(text, says):
    from semantic.backends.url import WarehouseUrl
    from semantic.errors import UrlError

    with pytest.raises(UrlError, match=re.escape(says)) as raised:
        WarehouseUrl.parse(text)
    assert "secret" not in str(raised.value)


def test_a_spark_load_says_the_data_checks_did_not_run(spark_session, capsys, isolated):
    # Spark stages the files and swaps folders in at the end: no query can see the new rows before that.
    from pathlib import Path
    import shutil

    hand = isolated / "hand"
    shutil.copytree(Path(__file__).parent / "fixtures" / "hand", hand)
    text = (hand / "orders.csv").read_text(encoding="utf-8").replace(",paid,", ",PAID,", 1)
    (hand / "orders.csv").write_text(text, encoding="utf-8")
    code, out, err = cli(capsys, "load", str(hand), "--database", "spark://local?warehouse=lake")
    assert code == 0, err
    assert "the data checks cannot see the new rows and did not run" in " ".join(err.split())
