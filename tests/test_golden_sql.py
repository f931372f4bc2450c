"""Golden SQL per dialect: any change to the SQL a metric compiles to shows up in review as a diff.

One file per case and dialect, as Ibis keeps its own snapshots:

- tests/golden/sql/<metric>/<dialect>.sql: each core metric by day and shop
  (`semantic.api.compile_metric` with the package's default project);
- tests/golden/sql/queries/<name>/<dialect>.sql: multi-metric queries.

After an intended change, regenerate every file with one command and review the diff:

    SEMANTIC_UPDATE_GOLDEN=1 /tmp/venv/bin/pytest tests/test_golden_sql.py

Whatever the files say, every BigQuery, PostgreSQL and Spark statement must parse with
sqlglot in its own dialect, and BigQuery SQL must spell shop time DATETIME(instant, zone)
and Spark SQL FROM_UTC_TIMESTAMP(instant, zone) (never TIMEZONE(...), which neither has),
and none may name DuckDB's `memory.main` catalog.
Run as they are on DuckDB and PostgreSQL (empty contract tables), the golden files
give DATE buckets, DECIMAL(38,2) money, BIGINT counts and DOUBLE ratios: what an
analyst who makes views of them gets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlglot

from semantic.api import build_query, compile_metric, compile_sql
from semantic.project import Project

GOLDEN = Path(__file__).parent / "golden" / "sql"
UPDATE = os.environ.get("SEMANTIC_UPDATE_GOLDEN", "") not in ("", "0")
DIALECTS = ("duckdb", "postgres", "bigquery", "pyspark")
CORE_METRICS = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")
QUERIES = {
    "core_metrics_by_month_and_shop": (CORE_METRICS, ("month", "shop")),
    "revenue_by_week": (("revenue",), ("week",)),
}
SQLGLOT_DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "bigquery": "bigquery", "pyspark": "spark"}


@pytest.fixture(scope="module")
def project() -> Project:
    return Project.defaults()


def compiled(project: Project, case: str, dialect: str) -> str:
    if case in QUERIES:
        metrics, by = QUERIES[case]
        return compile_sql(build_query(project, metrics, by=by).expr, dialect)
    return compile_metric(project, case, dialect)


def golden_path(case: str, dialect: str) -> Path:
    folder = GOLDEN / "queries" / case if case in QUERIES else GOLDEN / case
    return folder / f"{dialect}.sql"


CASES = [(case, dialect) for case in (*CORE_METRICS, *QUERIES) for dialect in DIALECTS]


@pytest.fixture(scope="module")
def sql_of(project):
    cache: dict[tuple[str, str], str] = {}

    def get(case: str, dialect: str) -> str:
        if (case, dialect) not in cache:
            cache[(case, dialect)] = compiled(project, case, dialect)
        return cache[(case, dialect)]

    return get


@pytest.mark.parametrize(("case", "dialect"), CASES, ids=[f"{c}-{d}" for c, d in CASES])
def test_sql_matches_its_golden_file(sql_of, case, dialect):
    sql = sql_of(case, dialect) + "\n"
    path = golden_path(case, dialect)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(sql.encode("utf-8"))
    assert path.is_file(), f"{path} is missing; run SEMANTIC_UPDATE_GOLDEN=1 pytest tests/test_golden_sql.py"
    # bytes, not text: the email TRIM's literal holds a raw tab, CR, VT and FF that
    # text mode would translate
    assert sql == path.read_bytes().decode("utf-8"), (
        f"{case} on {dialect} compiles to different SQL than {path.relative_to(GOLDEN.parent.parent)}; "
        "if intended, regenerate with SEMANTIC_UPDATE_GOLDEN=1 and review the diff"
    )


def test_every_core_metric_has_golden_files_and_no_stale_ones_remain():
    expected = {golden_path(case, dialect) for case, dialect in CASES}
    present = set(GOLDEN.rglob("*.sql"))
    assert expected <= present or UPDATE
    assert present <= expected, f"stale golden files: {sorted(str(p) for p in present - expected)}"


@pytest.mark.parametrize("dialect", ["postgres", "bigquery", "pyspark"])
@pytest.mark.parametrize("case", [*CORE_METRICS, *QUERIES])
def test_statement_parses_in_its_dialect(sql_of, case, dialect):
    tree = sqlglot.parse_one(sql_of(case, dialect), read=SQLGLOT_DIALECTS[dialect])
    assert tree.find(sqlglot.exp.Select) is not None


@pytest.mark.parametrize("case", [*CORE_METRICS, *QUERIES])
def test_bigquery_spells_shop_time_as_datetime_with_the_zone(sql_of, case):
    sql = sql_of(case, "bigquery")
    assert re.search(r"DATETIME\(`t\d+`\.`(processed_at|first_order_at)`, `t\d+`\.`shop_timezone`\)", sql) or case == "paid_spend"
    assert "TIMEZONE(" not in sql.upper()
    assert "memory.main" not in sql and "`memory`" not in sql
    # ad spend is already dated in shop time: paid_spend needs no conversion at all
    if case == "paid_spend":
        assert "DATETIME(" not in sql


@pytest.mark.parametrize("case", [*CORE_METRICS, *QUERIES])
def test_spark_spells_shop_time_as_from_utc_timestamp_with_the_zone(sql_of, case):
    sql = sql_of(case, "pyspark")
    converted = re.findall(r"FROM_UTC_TIMESTAMP\(`t\d+`\.`(processed_at|first_order_at)`, `t\d+`\.`shop_timezone`\)", sql)
    # ad spend is already dated in shop time: paid_spend needs no conversion at all
    assert bool(converted) == (case != "paid_spend")
    assert "TIMEZONE(" not in sql.upper().replace("FROM_UTC_TIMESTAMP(", "")


@pytest.mark.parametrize("case", [*CORE_METRICS, *QUERIES])
def test_no_engine_catalog_leaks_into_any_dialect(sql_of, case):
    for dialect in DIALECTS:
        assert "memory" not in sql_of(case, dialect).lower()


# What each output column must be in the SQL itself, for analysts who run the files as views.
COLUMN_TYPES = {
    "duckdb": {"dimension": "DATE", "shop_id": "VARCHAR", "money": "DECIMAL(38,2)", "count": "BIGINT", "ratio": "DOUBLE"},
    "postgres": {"dimension": "date", "shop_id": "text", "money": "numeric(38,2)", "count": "int8", "ratio": "float8"},
}
UNITS = {"revenue": "money", "paid_spend": "money", "orders": "count", "new_customers": "count",
         "aov": "ratio", "mer": "ratio", "cac": "ratio"}


def expected_types(dialect: str, columns: list[str]) -> list[str]:
    types = COLUMN_TYPES[dialect]
    return [types["shop_id"] if c == "shop_id" else types[UNITS.get(c, "dimension")] for c in columns]


@pytest.fixture(scope="module")
def empty_duckdb():
    from semantic.backends.connect import connect
    from semantic.sources import Sources
    from tests.conftest import empty_tables

    warehouse = connect("duckdb:///:memory:")
    warehouse.load(empty_tables(), Sources.from_config(Project.from_text("").config))
    yield warehouse
    warehouse.close()


@pytest.mark.parametrize("case", [*CORE_METRICS, *QUERIES])
def test_golden_duckdb_sql_gives_dates_decimals_integers_and_doubles(empty_duckdb, case):
    result = empty_duckdb.raw.sql(golden_path(case, "duckdb").read_bytes().decode("utf-8"))
    assert [str(t) for t in result.types] == expected_types("duckdb", result.columns)


@pytest.mark.postgres
def test_golden_postgres_sql_gives_dates_decimals_integers_and_doubles():
    import uuid

    from psycopg import sql as psql

    from semantic.backends.connect import connect
    from semantic.sources import Sources
    from tests.conftest import empty_tables, postgres_url_or_skip

    warehouse = connect(postgres_url_or_skip())
    schema = f"golden_{uuid.uuid4().hex[:12]}"
    try:
        warehouse.load(empty_tables(), Sources.from_config(Project.from_text(f'[sources]\ndatabase = "{schema}"\n').config))
        with warehouse.raw.cursor() as cursor:
            cursor.execute(psql.SQL("SET search_path TO {}").format(psql.Identifier(schema)))
            for case in (*CORE_METRICS, *QUERIES):
                text = golden_path(case, "postgres").read_bytes().decode("utf-8")
                cursor.execute(psql.SQL(text.replace("{", "{{").replace("}", "}}")))
                columns = [c.name for c in cursor.description]
                assert [c.type_display for c in cursor.description] == expected_types("postgres", columns), case
                cursor.fetchall()
        warehouse.raw.rollback()
    finally:
        warehouse.raw.rollback()
        with warehouse.raw.cursor() as cursor:
            cursor.execute(psql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(psql.Identifier(schema)))
        warehouse.raw.commit()
        warehouse.close()
