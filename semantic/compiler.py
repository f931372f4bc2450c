"""Compile Ibis expressions to SQL text per dialect: the one compile path.

Compiling needs no connection: the expressions are built on unbound tables.
After Ibis renders a statement, `sqlglot` re-reads it so that the portable
functions (`semantic.portable`) are spelled for the dialect, and prints it in one
pretty form. That text is what `semantic compile` prints, what the golden files
pin, and what the backends send to the engine, byte for byte. `canonical_sql`
is what fingerprints hash: formatting- and comment-insensitive.

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

from semantic.config import DIALECTS
from semantic.errors import UnknownNameError
from semantic.inline_tables import inline
from semantic.portable import spell

# Our dialect names -> sqlglot's.
SQLGLOT_DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "bigquery": "bigquery", "pyspark": "spark"}
# The dialect fingerprints are computed in.
REFERENCE_DIALECT = "duckdb"


def check_dialect(dialect: str) -> str:
    if dialect not in DIALECTS:
        raise UnknownNameError("dialect", dialect, DIALECTS)
    return dialect


def to_sqlglot(expr: ir.Expr, dialect: str) -> sge.Expression:
    """The statement as a sqlglot tree in `dialect`, with our rewrites applied."""
    check_dialect(dialect)
    text = ibis.to_sql(expr, dialect=dialect, pretty=False)
    return spell(inline(sqlglot.parse_one(text, read=SQLGLOT_DIALECTS[dialect]), expr), dialect)  # type: ignore[arg-type]


def compile_sql(expr: ir.Expr, dialect: str, pretty: bool = True) -> str:
    """Runnable SQL text for `expr` in `dialect` (compiled once per expression in a process)."""
    key = (expr.op(), dialect, pretty)
    found = _COMPILED.get(key)
    if found is None:
        found = to_sqlglot(expr, dialect).sql(dialect=SQLGLOT_DIALECTS[dialect], pretty=pretty)
        if len(_COMPILED) >= COMPILED_ENTRIES:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[key] = found
    return found


# Equal Ibis expressions (structurally: the same tables, the same operations) compile to the
# same text, so a process compiles each once (semantic/compile_cache.py keeps them across processes).
COMPILED_ENTRIES = 64
_COMPILED: dict[tuple, str] = {}


def canonical_sql(sql: str, dialect: str = REFERENCE_DIALECT) -> str:
    """SQL normalised for hashing: parsed, comments dropped, one canonical layout."""
    tree = sqlglot.parse_one(sql, read=SQLGLOT_DIALECTS[dialect])
    return tree.sql(dialect=SQLGLOT_DIALECTS[dialect], pretty=False, comments=False, normalize=True)
