"""Emails are trimmed of the whitespace Python's str.strip(" \\t\\n\\r\\v\\f") removes, on every engine.

`semantic.facts.trimmed` asks TRIM only of the values with whitespace at an end
(a cheaper statement); the answer must be what trimming every value gives.
"""

from __future__ import annotations

import ibis
import pytest

from semantic.compiler import compile_sql
from semantic.facts import trimmed
from tests.conftest import postgres_url_or_skip

EMAILS = [
    "a@x.com", " a@x.com", "a@x.com ", "\ta@x.com", "a@x.com\n", "\r\n a@x.com \x0b\x0c", "\x0ca@x.com\x0b",
    "a @x.com", " \t ", "", "t", "\tt", "a\u00a0", None,
]


def _expected(value: str | None) -> str | None:
    return None if value is None else value.strip(" \t\n\r\v\f")


def _statement(dialect: str) -> str:
    table = ibis.table({"n": "int64", "e": "string"}, name="emails")
    return compile_sql(table.select("n", trimmed=trimmed(table.e)).order_by("n"), dialect)


def test_duckdb_trims_what_python_strips():
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE emails (n BIGINT, e VARCHAR)")
    con.executemany("INSERT INTO emails VALUES (?, ?)", list(enumerate(EMAILS)))
    got = [row[1] for row in con.execute(_statement("duckdb")).fetchall()]
    assert got == [_expected(e) for e in EMAILS]


def test_postgres_trims_what_python_strips():
    import psycopg

    with psycopg.connect(postgres_url_or_skip()) as con:
        con.execute("CREATE TEMPORARY TABLE emails (n BIGINT, e TEXT)")
        with con.cursor() as cursor:
            cursor.executemany("INSERT INTO emails VALUES (%s, %s)", list(enumerate(EMAILS)))
        got = [row[1] for row in con.execute(_statement("postgres")).fetchall()]
    assert got == [_expected(e) for e in EMAILS]


@pytest.mark.parametrize("dialect", ["bigquery", "pyspark"])
def test_the_trim_compiles_for_every_dialect(dialect):
    assert "TRIM" in _statement(dialect)
