"""`semantic export`: every exported file runs on its engine and gives what `semantic query` gives."""

from __future__ import annotations

import sqlglot

from semantic.export import export_project
from tests.conftest import read_fixture_dir

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
    views = (tmp_path / "out" / "views.sql").read_text()
    statements = [s for s in sqlglot.parse(views, read=dialect) if s is not None]
    assert len(statements) == len(list((tmp_path / "out").glob("*.sql"))) - 1
    for statement in statements:
        _run(loaded, statement.sql(dialect=dialect))
    rows = _run(loaded, "SELECT SUM(orders) FROM metric_orders")
    assert int(rows[0][0]) == 12  # included orders: 10 in s1, 2 in s2 (see test_core_metrics_hand)


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
