"""Portable functions: what we add to Ibis, each with its declaration, per-dialect spelling and engine setup here.

Ibis has no per-row time-zone conversion (each shop has its own zone, taken from
a column) and no URL decoding, so each is declared once as an Ibis builtin under
a name our model uses, and spelled per dialect after Ibis renders the SQL:

- `local_timestamp(instant, zone)`: the wall-clock TIMESTAMP of a UTC instant in
  an IANA zone. DuckDB and PostgreSQL: `timezone(zone, instant)` on a
  TIMESTAMPTZ (both engines share the function and its meaning); BigQuery:
  `DATETIME(instant, zone)`. DST is the engine's: all use the IANA database, so
  a shop-local day is 23 or 25 hours long when the clocks change.
- `url_decode(value)`: percent-decoding of a string whose escapes form valid
  UTF-8. DuckDB: its builtin. PostgreSQL and BigQuery: an inline subquery over
  the escapes' bytes. Nothing is ever created in a warehouse: a read command
  never writes, a read-only role works, and exported SQL runs in a database
  `semantic` never connected to.

`spell(tree, dialect)` applies the spellings to a sqlglot tree (the compiler
does).

>>> import ibis
>>> t = ibis.table({"at": "timestamp('UTC')", "zone": "string"}, name="t")
>>> import sqlglot
>>> tree = sqlglot.parse_one(ibis.to_sql(t.select(d=local_date(t.at, t.zone)), dialect="bigquery"), read="bigquery")
>>> "DATETIME(" in spell(tree, "bigquery").sql("bigquery")
True
"""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import sqlglot
import sqlglot.expressions as sge

LOCAL_TIMESTAMP_FUNCTION = "timezone"
URL_DECODE_FUNCTION = "url_decode"


# -- declarations (what Ibis sees) ---------------------------------------------------


@ibis.udf.scalar.builtin(name=LOCAL_TIMESTAMP_FUNCTION)
def _timezone(zone: str, instant: dt.Timestamp(timezone="UTC")) -> dt.Timestamp(timezone=None):  # type: ignore[valid-type]
    """The wall-clock timestamp of `instant` in IANA time zone `zone`."""


@ibis.udf.scalar.builtin(name=URL_DECODE_FUNCTION)
def _url_decode(value: str) -> str:
    """Percent-decoding of a string already known to be decodable (see semantic.attribution.urls)."""


def local_timestamp(instant: ir.TimestampValue, zone: ir.StringValue) -> ir.TimestampValue:
    """Wall-clock time of a UTC instant in a per-row IANA zone."""
    return _timezone(zone, instant)


def local_date(instant: ir.TimestampValue, zone: ir.StringValue) -> ir.DateValue:
    """The shop-local calendar day of a UTC instant."""
    return local_timestamp(instant, zone).date()


def url_decode(value: ir.StringValue) -> ir.StringValue:
    """Percent-decoded `value`; only pass strings whose escapes form valid UTF-8."""
    return _url_decode(value)


# -- spellings (what each engine reads) ----------------------------------------------


def _is_call(node: sge.Expression, name: str) -> bool:
    return isinstance(node, sge.Anonymous) and node.name.lower() == name


def _bigquery_local_time(node: sge.Expression) -> sge.Expression:
    # timezone(zone, instant) -> DATETIME(instant, zone)
    if _is_call(node, LOCAL_TIMESTAMP_FUNCTION):
        zone, instant = node.expressions
        return sge.Anonymous(this="DATETIME", expressions=[instant, zone])
    return node


# BigQuery has no URL decoding: split into escapes and text, rebuild the bytes, read as UTF-8.
_BIGQUERY_URL_DECODE = (
    "COALESCE((SELECT SAFE_CONVERT_BYTES_TO_STRING(STRING_AGG(IF(STARTS_WITH(tok, '%') AND LENGTH(tok) = 3, "
    "FROM_HEX(SUBSTR(tok, 2)), CAST(tok AS BYTES)), b'' ORDER BY off)) "
    "FROM UNNEST(REGEXP_EXTRACT_ALL(semantic__value, r'%[0-9A-Fa-f]{2}|[^%]+|%')) AS tok WITH OFFSET AS off), '')"
)


def _inline(template: str, dialect: str) -> Callable[[sge.Expression], sge.Expression]:
    """A spelling that replaces url_decode(value) by `template` with value for `semantic__value`."""
    parsed = sqlglot.parse_one(template, read=dialect)

    def rewrite(node: sge.Expression) -> sge.Expression:
        if _is_call(node, URL_DECODE_FUNCTION):
            (value,) = node.expressions
            return parsed.copy().transform(
                lambda n: value.copy() if isinstance(n, sge.Column) and n.name == "semantic__value" else n
            )
        return node

    return rewrite


# PostgreSQL has none either: the same, with regexp_matches and bytea. Inline rather than a
# function created on connect, so reading never writes to the warehouse and exported SQL runs anywhere.
_POSTGRES_URL_DECODE = (
    "COALESCE((SELECT convert_from(string_agg(CASE WHEN left(m.t[1], 1) = '%' AND length(m.t[1]) = 3 "
    "THEN decode(substr(m.t[1], 2, 2), 'hex') ELSE convert_to(m.t[1], 'UTF8') END, ''::bytea ORDER BY m.n), 'UTF8') "
    "FROM regexp_matches(semantic__value, '%[0-9A-Fa-f]{2}|[^%]+|%', 'g') WITH ORDINALITY AS m(t, n)), '')"
)

SPELLINGS: dict[str, tuple[Callable[[sge.Expression], sge.Expression], ...]] = {
    "bigquery": (_bigquery_local_time, _inline(_BIGQUERY_URL_DECODE, "bigquery")),
    "postgres": (_inline(_POSTGRES_URL_DECODE, "postgres"),),
}


def spell(tree: sge.Expression, dialect: str) -> sge.Expression:
    """`tree` with every portable function spelled for `dialect`."""
    for rewrite in SPELLINGS.get(dialect, ()):
        tree = tree.transform(rewrite)
    return tree
