"""Compile Ibis expressions to SQL text per dialect, with our few dialect rewrites.

Compiling needs no connection: the expressions are built on unbound tables.
After Ibis renders a statement, `sqlglot` re-reads it so that we can apply the
rewrites Ibis cannot express (BigQuery's spelling of shop-local time) and print
it in one canonical, pretty form. `canonical_sql` is what fingerprints hash:
formatting- and comment-insensitive.

>>> import ibis
>>> t = ibis.table({"a": "int64"}, name="t")
>>> print(compile_sql(t.select(b=t.a + 1), "postgres"))
SELECT
  "t0"."a" + 1 AS "b"
FROM "t" AS "t0"
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import sqlglot
import sqlglot.expressions as sge

from semantic.attribution.urls import URL_DECODE_FUNCTION
from semantic.config import DIALECTS
from semantic.errors import UnknownNameError
from semantic.localtime import LOCAL_TIMESTAMP_FUNCTION

# Our dialect names -> sqlglot's.
SQLGLOT_DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "bigquery": "bigquery"}
# The dialect fingerprints are computed in.
REFERENCE_DIALECT = "duckdb"


def _bigquery_local_time(node: sge.Expression) -> sge.Expression:
    # timezone(zone, instant) -> DATETIME(instant, zone)
    if isinstance(node, sge.Anonymous) and node.name.lower() == LOCAL_TIMESTAMP_FUNCTION:
        zone, instant = node.expressions
        return sge.Anonymous(this="DATETIME", expressions=[instant, zone])
    return node


# BigQuery has no URL decoding: split into escapes and text, rebuild the bytes, read as UTF-8.
_BIGQUERY_URL_DECODE = (
    "COALESCE((SELECT SAFE_CONVERT_BYTES_TO_STRING(STRING_AGG(IF(STARTS_WITH(tok, '%') AND LENGTH(tok) = 3, "
    "FROM_HEX(SUBSTR(tok, 2)), CAST(tok AS BYTES)), b'' ORDER BY off)) "
    "FROM UNNEST(REGEXP_EXTRACT_ALL(semantic__value, r'%[0-9A-Fa-f]{2}|[^%]+|%')) AS tok WITH OFFSET AS off), '')"
)


def _bigquery_url_decode(node: sge.Expression) -> sge.Expression:
    # url_decode(value) -> the subquery above, with value in place of semantic__value
    if isinstance(node, sge.Anonymous) and node.name.lower() == URL_DECODE_FUNCTION:
        (value,) = node.expressions
        template = sqlglot.parse_one(_BIGQUERY_URL_DECODE, read="bigquery")
        return template.transform(
            lambda n: value.copy() if isinstance(n, sge.Column) and n.name == "semantic__value" else n
        )
    return node


REWRITES = {"bigquery": (_bigquery_local_time, _bigquery_url_decode)}


def check_dialect(dialect: str) -> str:
    if dialect not in DIALECTS:
        raise UnknownNameError("dialect", dialect, DIALECTS)
    return dialect


def to_sqlglot(expr: ir.Expr, dialect: str) -> sge.Expression:
    """The statement as a sqlglot tree in `dialect`, with our rewrites applied."""
    check_dialect(dialect)
    text = ibis.to_sql(expr, dialect=dialect, pretty=False)
    tree = sqlglot.parse_one(text, read=SQLGLOT_DIALECTS[dialect])
    for rewrite in REWRITES.get(dialect, ()):
        tree = tree.transform(rewrite)
    return tree


def compile_sql(expr: ir.Expr, dialect: str, pretty: bool = True) -> str:
    """Runnable SQL text for `expr` in `dialect`."""
    return to_sqlglot(expr, dialect).sql(dialect=SQLGLOT_DIALECTS[dialect], pretty=pretty)


def canonical_sql(sql: str, dialect: str = REFERENCE_DIALECT) -> str:
    """SQL normalised for hashing: parsed, comments dropped, one canonical layout."""
    tree = sqlglot.parse_one(sql, read=SQLGLOT_DIALECTS[dialect])
    return tree.sql(dialect=SQLGLOT_DIALECTS[dialect], pretty=False, comments=False, normalize=True)
