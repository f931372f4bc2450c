"""`semantic export`: every exported file runs on its engine and gives what `semantic query` gives."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
import sqlglot

from semantic.export import export_project
from tests.conftest import empty_tables, postgres_url_or_skip, project_in_schema, read_fixture_dir

CORE = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")


def _run(loaded, sql: str) -> list[tuple]:
    warehouse = loaded.warehouse
    if warehouse.dialect == "duckdb":
        return [tuple(r) for r in warehouse.raw.execute(sql).fetchall()]
    with warehouse.raw.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall() if cursor.description else []
    warehouse.raw.commit()
    return [tuple(r) for r in rows]


def test_exported_files_run_and_match_the_query(load_warehouse, tmp_path):
    loaded = load_warehouse(read_fixture_dir("hand"))
    dialect = loaded.warehouse.dialect
    written = export_project(loaded.project, dialect, tmp_path / "out")
    names = {p.name for p in written}
    assert {f"{m}.sql" for m in CORE} | {"views.sql"} <= names
    for metric in sorted(n.removesuffix(".sql") for n in names - {"views.sql"}):
        text = (tmp_path / "out" / f"{metric}.sql").read_text()
        assert text.startswith(f"-- metric: {metric}@1")
        got = _run(loaded, text.rstrip().rstrip(";"))
        expected = loaded.query([metric], by=["day", "shop"])
        assert [tuple(r.values()) for r in expected] == [tuple(r) for r in got], metric


def test_views_file_creates_every_metric_as_a_view(load_warehouse, tmp_path):
    loaded = load_warehouse(read_fixture_dir("hand"))
    dialect = loaded.warehouse.dialect
    export_project(loaded.project, dialect, tmp_path / "out")
    _run_script(loaded.warehouse.raw, dialect, (tmp_path / "out" / "views.sql").read_text())
    rows = _run(loaded, "SELECT SUM(orders) FROM metric_orders")
    assert int(rows[0][0]) == 12  # included orders: 10 in s1, 2 in s2 (see test_core_metrics_hand)


def _run_script(raw, dialect: str, script: str) -> None:
    """Run a whole exported file as the engine's own client would (one call, every statement)."""
    if dialect == "duckdb":
        raw.execute(script)
        return
    with raw.cursor() as cursor:
        cursor.execute(script)
    raw.commit()


def test_views_file_is_layered_and_short_per_metric(tmp_path):
    from semantic.project import Project

    export_project(Project.defaults(), "duckdb", tmp_path)
    text = (tmp_path / "views.sql").read_text()
    statements = [s for s in sqlglot.parse(text, read="duckdb") if s is not None]
    created = [s.this.name for s in statements if isinstance(s, sqlglot.exp.Create)]
    layers = ["semantic_attribution_touchpoints", "semantic_attribution_candidates", "semantic_order_attribution"]
    # The layers come first, deepest first; then one view per metric.
    assert created[:3] == layers
    assert len(created) == 3 + len(list(tmp_path.glob("*.sql"))) - 1
    # One transaction on DuckDB: BEGIN first, COMMIT last.
    assert isinstance(statements[0], sqlglot.exp.Transaction) and isinstance(statements[-1], sqlglot.exp.Commit)
    for statement in statements:
        if isinstance(statement, sqlglot.exp.Create) and statement.this.name.startswith("metric_"):
            sql = statement.sql("duckdb", pretty=True)
            assert len(sql) < 20_000, (statement.this.name, len(sql))
            # A metric's view never repeats a layer's work: no regular expression in it.
            assert "REGEXP" not in sql.upper(), statement.this.name


def _fresh_duckdb(tmp_path, tables):
    import duckdb

    from semantic.backends.connect import connect
    from semantic.sources import Sources

    path = tmp_path / "fresh.duckdb"
    warehouse = connect(f"duckdb:///{path}")
    project = project_in_schema(None)
    warehouse.load({**empty_tables(), **tables}, Sources.from_config(project.config))
    warehouse.close()
    return duckdb.connect(str(path)), connect(f"duckdb:///{path}"), project


def _fresh_postgres(tables):
    import psycopg

    from semantic.backends.connect import connect
    from semantic.sources import Sources

    base = postgres_url_or_skip()
    name = f"semantic_export_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(urlsplit(base)._replace(path=f"/{name}"))
    warehouse = connect(url)
    project = project_in_schema(None)
    warehouse.load({**empty_tables(), **tables}, Sources.from_config(project.config))
    return psycopg.connect(url), warehouse, project, name


@pytest.mark.parametrize("engine_name", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_exported_views_run_in_a_fresh_database_and_match_the_query(engine_name, tmp_path):
    """views.sql, run by the engine's own client in a database `semantic` only loaded, gives `semantic query`'s rows."""
    import datetime as dt

    from semantic.backends.runner import run_query
    from semantic.demo_data import generate
    from semantic.query import QuerySpec, build_query

    tables = generate(orders=300, shops=2, seed=11, end=dt.date(2024, 6, 30), days=20)
    if engine_name == "duckdb":
        raw, warehouse, project = _fresh_duckdb(tmp_path, tables)
        dbname = None
    else:
        raw, warehouse, project, dbname = _fresh_postgres(tables)
    try:
        export_project(project, engine_name, tmp_path / "out")
        _run_script(raw, engine_name, (tmp_path / "out" / "views.sql").read_text())
        for path in sorted((tmp_path / "out").glob("*.sql")):
            metric = path.stem
            if metric == "views":
                continue
            cursor = raw.execute(f'SELECT * FROM "metric_{metric}" ORDER BY 1, 2')
            got = [tuple(r) for r in cursor.fetchall()]
            built = build_query(project.catalog, project.config, QuerySpec(metrics=(metric,), by=("day", "shop")))
            expected = [tuple(r.values()) for r in run_query(warehouse, built).to_pylist()]
            assert got == expected, metric
            assert got, metric
    finally:
        raw.close()
        warehouse.close()
        if dbname:
            import psycopg

            with psycopg.connect(postgres_url_or_skip(), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def test_bigquery_export_parses_with_the_bigquery_dialect(tmp_path):
    from semantic.project import Project

    export_project(Project.defaults(), "bigquery", tmp_path)
    for path in tmp_path.glob("*.sql"):
        for statement in sqlglot.parse(path.read_text(), read="bigquery"):
            assert statement is not None
        assert "TIMEZONE(" not in path.read_text().upper().replace("DATETIME(", "")


def test_pyspark_export_parses_with_the_spark_dialect(tmp_path):
    from semantic.project import Project

    export_project(Project.defaults(), "pyspark", tmp_path)
    assert (tmp_path / "views.sql").is_file()
    for path in tmp_path.glob("*.sql"):
        for statement in sqlglot.parse(path.read_text(), read="spark"):
            assert statement is not None
        assert "TIMEZONE(" not in path.read_text().upper().replace("FROM_UTC_TIMESTAMP(", "")
