r"""Portable functions: what we add to Ibis, each with its declaration, per-dialect spelling and engine setup here.

Ibis has no per-row time-zone conversion (each shop has its own zone, taken from
a column) and no URL decoding, so each is declared once as an Ibis builtin under
a name our model uses, and spelled per dialect after Ibis renders the SQL:

- `local_timestamp(instant, zone)`: the wall-clock TIMESTAMP of a UTC instant in
  an IANA zone. DuckDB and PostgreSQL: `timezone(zone, instant)` on a
  TIMESTAMPTZ (both engines share the function and its meaning); BigQuery:
  `DATETIME(instant, zone)`; Spark: `from_utc_timestamp(instant, zone)`, a
  TIMESTAMP whose UTC rendering is the wall clock, so the Spark session's time
  zone must be UTC (`SESSION_TIME_ZONE`; the Spark warehouse sets it and refuses
  a session set otherwise) for its DATE to be the shop-local day. DST is the
  engine's: all use the IANA database, so a shop-local day is 23 or 25 hours
  long when the clocks change.
- `instant_from_local(naive, zone)`: the UTC instant of a naive wall-clock
  timestamp read in a declared zone (a loader's naive columns). DuckDB and
  PostgreSQL: `timezone(zone, naive)` on a TIMESTAMP; BigQuery: `TIMESTAMP(naive, zone)`;
  Spark: `to_utc_timestamp(naive, zone)` (in its UTC session).
- `url_decode(value)`: percent-decoding of a string whose escapes form valid
  UTF-8. DuckDB: its builtin. PostgreSQL and BigQuery: an inline subquery over
  the escapes' bytes. Spark: its builtin (Java's form decoding: it also reads `+`
  as a space, which our callers have already replaced). Nothing is ever created
  in a warehouse: a read command never writes, a read-only role works, and
  exported SQL runs in a database `semantic` never connected to.
- regular expressions: written in the subset RE2, PostgreSQL's ARE, Python's
  `re` and Java read alike, except `$`: Java's (Spark's) also matches before a
  final line break, so for Spark an unescaped `$` outside a character class is
  spelled `\z` (the end of the text, as RE2's `$` and the reference's `\Z`).

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
# The time zone a Spark session must have for `from_utc_timestamp(...)`'s DATE to be the local day.
SESSION_TIME_ZONE = "UTC"
URL_DECODE_FUNCTION = "url_decode"
INSTANT_FUNCTION = "semantic_instant_at"


# -- declarations (what Ibis sees) ---------------------------------------------------


@ibis.udf.scalar.builtin(name=LOCAL_TIMESTAMP_FUNCTION)
def _timezone(zone: str, instant: dt.Timestamp(timezone="UTC")) -> dt.Timestamp(timezone=None):  # type: ignore[valid-type]
    """The wall-clock timestamp of `instant` in IANA time zone `zone`."""


@ibis.udf.scalar.builtin(name=INSTANT_FUNCTION)
def _instant_at(zone: str, wall_clock: dt.Timestamp(timezone=None)) -> dt.Timestamp(timezone="UTC"):  # type: ignore[valid-type]
    """The UTC instant of a naive wall-clock timestamp read in IANA time zone `zone`."""


@ibis.udf.scalar.builtin(name=URL_DECODE_FUNCTION)
def _url_decode(value: str) -> str:
    """Percent-decoding of a string already known to be decodable (see semantic.attribution.urls)."""


@ibis.udf.scalar.builtin(name="current_schema")
def _current_schema() -> str:
    """The connection's default schema (DuckDB and PostgreSQL spell it alike)."""


def current_schema() -> ir.StringValue:
    """The schema unqualified table names resolve to (data checks read the warehouse's catalog there)."""
    return _current_schema()


def local_timestamp(instant: ir.TimestampValue, zone: ir.StringValue) -> ir.TimestampValue:
    """Wall-clock time of a UTC instant in a per-row IANA zone."""
    return _timezone(zone, instant)


def local_date(instant: ir.TimestampValue, zone: ir.StringValue) -> ir.DateValue:
    """The shop-local calendar day of a UTC instant."""
    return local_timestamp(instant, zone).date()


def instant_from_local(wall_clock: ir.TimestampValue, zone: str) -> ir.TimestampValue:
    """The UTC instant of a naive timestamp that holds wall-clock time in `zone` (a loader's naive columns)."""
    return _instant_at(ibis.literal(zone, "string"), wall_clock)


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


def _instant_spelling(function: str, swap: bool) -> Callable[[sge.Expression], sge.Expression]:
    # semantic_instant_at(zone, naive) -> timezone(zone, naive) (DuckDB, PostgreSQL) or TIMESTAMP(naive, zone)
    def rewrite(node: sge.Expression) -> sge.Expression:
        if _is_call(node, INSTANT_FUNCTION):
            zone, wall_clock = node.expressions
            return sge.Anonymous(this=function, expressions=[wall_clock, zone] if swap else [zone, wall_clock])
        return node

    return rewrite


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


def _spark_local_time(node: sge.Expression) -> sge.Expression:
    # timezone(zone, instant) -> FROM_UTC_TIMESTAMP(instant, zone), read in a UTC session
    if _is_call(node, LOCAL_TIMESTAMP_FUNCTION):
        zone, instant = node.expressions
        return sge.Anonymous(this="FROM_UTC_TIMESTAMP", expressions=[instant, zone])
    return node


def java_end_anchors(pattern: str) -> str:
    r"""`pattern` with each unescaped `$` outside a character class spelled `\z` (Java's end of text).

    >>> java_end_anchors(r"^a\$[$]b$")
    '^a\\$[$]b\\z'
    """
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class:
            out.append("\\z")
            continue
        out.append(char)
    return "".join(out)


_REGEX_NODES = (sge.RegexpLike, sge.RegexpExtract, sge.RegexpReplace)


def _spark_regex(node: sge.Expression) -> sge.Expression:
    if isinstance(node, _REGEX_NODES):
        pattern = node.args.get("expression")
        if isinstance(pattern, sge.Literal) and pattern.is_string and "$" in pattern.this:
            node.set("expression", sge.Literal.string(java_end_anchors(pattern.this)))
    return node


# PostgreSQL has none either: the same, with regexp_matches and bytea. Inline rather than a
# function created on connect, so reading never writes to the warehouse and exported SQL runs anywhere.
_POSTGRES_URL_DECODE = (
    "COALESCE((SELECT convert_from(string_agg(CASE WHEN left(m.t[1], 1) = '%' AND length(m.t[1]) = 3 "
    "THEN decode(substr(m.t[1], 2, 2), 'hex') ELSE convert_to(m.t[1], 'UTF8') END, ''::bytea ORDER BY m.n), 'UTF8') "
    "FROM regexp_matches(semantic__value, '%[0-9A-Fa-f]{2}|[^%]+|%', 'g') WITH ORDINALITY AS m(t, n)), '')"
)

SPELLINGS: dict[str, tuple[Callable[[sge.Expression], sge.Expression], ...]] = {
    "bigquery": (_bigquery_local_time, _inline(_BIGQUERY_URL_DECODE, "bigquery"), _instant_spelling("TIMESTAMP", True)),
    "duckdb": (_instant_spelling(LOCAL_TIMESTAMP_FUNCTION, False),),
    "postgres": (_inline(_POSTGRES_URL_DECODE, "postgres"), _instant_spelling(LOCAL_TIMESTAMP_FUNCTION, False)),
    "pyspark": (_spark_local_time, _spark_regex, _instant_spelling("TO_UTC_TIMESTAMP", True)),
}


def spell(tree: sge.Expression, dialect: str) -> sge.Expression:
    """`tree` with every portable function spelled for `dialect`."""
    for rewrite in SPELLINGS.get(dialect, ()):
        tree = tree.transform(rewrite)
    return tree
