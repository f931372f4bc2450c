"""A read command never writes: connecting and querying create nothing, and the SQL needs no helper function."""

from __future__ import annotations

import pytest

from semantic.attribution import relation
from semantic.compiler import compile_sql
from semantic.project import Project
from tests.test_attribution_scenarios import before, session, tables

DECODED_IN_URL = {"landing_url": "https://s.com/?utm_source=caf%C3%A9&utm_medium=e%2Dmail&utm_campaign=50%25+off"}


@pytest.mark.parametrize("dialect", ["postgres", "bigquery", "duckdb"])
def test_compiled_attribution_calls_no_helper_function(dialect):
    sql = compile_sql(relation(Project.defaults(), "attribution_touchpoints"), dialect)
    if dialect == "duckdb":
        assert "url_decode(" in sql.lower()  # DuckDB's builtin
    else:
        assert "url_decode" not in sql.lower()  # spelled inline: nothing to create first


@pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)])
def test_postgres_connect_and_query_create_nothing(load_warehouse):
    w = load_warehouse(tables([session("a", before(hours=1), **DECODED_IN_URL)]))

    schema = w.project.config.sources.database
    # Unqualified objects would be created in the first schema of the search path: the test's own.
    url = w.warehouse.url.original + ("&" if "?" in w.warehouse.url.original else "?") + f"options=-csearch_path%3D{schema}"

    def functions() -> int:
        return w.warehouse._fetch(
            "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %s", (schema,)
        )[0][0]

    def relations() -> int:
        return w.warehouse._fetch(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s", (schema,)
        )[0][0]

    before_functions, before_relations = functions(), relations()
    from semantic.backends.connect import connect

    again = connect(url)
    try:
        assert again._fetch("SELECT current_schema()")[0][0] == schema
        rows = again.execute(relation(w.project, "attribution_touchpoints")).to_pylist()
    finally:
        again.close()
    assert (functions(), relations()) == (before_functions, before_relations)
    (row,) = rows
    # By hand: %C3%A9 is é, %2D is -, %25 is %, + is a space.
    assert (row["source"], row["medium"], row["campaign"]) == ("café", "e-mail", "50% off")
