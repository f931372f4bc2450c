"""Checks that read the warehouse's own catalog (information_schema.columns): column types and names.

- `naive_timestamps`: a contract timestamp column, where it physically lives,
  whose type is not a UTC instant (TIMESTAMPTZ), unless `[quality.zones]`
  declares the zone it is written in. A naive timestamp read as an instant
  moves orders to another day.
- `pii_columns`: a column whose name carries a PII tag (`[quality] pii_tags`)
  in a relation of the source schema that `[quality] pii_allowed` does not
  allow to carry it.

Both are Ibis expressions over `information_schema.columns` (DuckDB and
PostgreSQL spell it alike), compiled like every other check.

>>> NAIVE_TIMESTAMPS.reads_catalog
True
"""

from __future__ import annotations

import functools

import ibis
import ibis.expr.types as ir

from semantic.checks import Check, CheckContext
from semantic.contract import CONTRACT, INSTANT
from semantic.portable import current_schema
from semantic.registration import Registrar

INSTANT_TYPE = "timestamp with time zone"


def information_schema_columns() -> ir.Table:
    return ibis.table(
        {"table_schema": "string", "table_name": "string", "column_name": "string", "data_type": "string"},
        name="columns",
        database="information_schema",
    )


def _schema_of(database: str | None) -> ir.StringValue:
    return ibis.literal(database) if database else current_schema()


def _naive_timestamps(context: CheckContext) -> ir.Table:
    columns = information_schema_columns()
    zones = context.config.quality.zones
    parts = []
    for logical, table in CONTRACT.items():
        physical = context.sources.physical(logical)
        for column, kind in table.columns.items():
            if kind != INSTANT or f"{logical}.{column}" in zones:
                continue
            found = columns.filter(
                columns.table_schema == _schema_of(physical.database),
                columns.table_name == ibis.literal(physical.name),
                columns.column_name == ibis.literal(physical.physical_column(column)),
                columns.data_type.lower() != INSTANT_TYPE,
            )
            parts.append(
                found.select(
                    table=ibis.literal(logical), column=ibis.literal(column), relation="table_name", physical_column="column_name", data_type="data_type"
                )
            )
    return functools.reduce(lambda a, b: a.union(b), parts)


def _pii_columns(context: CheckContext) -> ir.Table:
    columns = information_schema_columns()
    quality = context.config.quality
    schema = _schema_of(context.config.sources.database)
    parts = []
    for tag, names in quality.pii_tags.items():
        allowed = set()
        for relation in quality.pii_allowed.get(tag, ()):
            allowed.add(relation)
            if relation in CONTRACT:
                allowed.add(context.sources.physical(relation).name)
        found = columns.filter(columns.table_schema == schema, columns.column_name.lower().isin([n.lower() for n in names]))
        if allowed:
            found = found.filter(~found.table_name.isin(sorted(allowed)))
        parts.append(found.select(relation="table_name", column="column_name", tag=ibis.literal(tag)))
    if not parts:
        return columns.filter(ibis.literal(False)).select(relation="table_name", column="column_name", tag=ibis.literal(""))
    return functools.reduce(lambda a, b: a.union(b), parts)


NAIVE_TIMESTAMPS = Check(
    "naive_timestamps",
    "Every timestamp column of the contract is a UTC instant (TIMESTAMPTZ) in the warehouse.",
    _naive_timestamps,
    "store the column as TIMESTAMPTZ (convert at extract), or declare its zone: [quality.zones] \"orders.created_at\" = \"America/New_York\"",
    tables=tuple(CONTRACT),
    tags=("types", "blocking"),
    reads_catalog=True,
)

PII_COLUMNS = Check(
    "pii_columns",
    "Columns tagged as PII ([quality] pii_tags) appear only in relations allowed to carry them ([quality] pii_allowed).",
    _pii_columns,
    "drop or hash the column in that relation, or allow it: [quality.pii_allowed] TAG = [\"relation\", ...]",
    tags=("pii", "blocking"),
    reads_catalog=True,
)


def register(catalog: Registrar) -> None:
    catalog.register(NAIVE_TIMESTAMPS)
    catalog.register(PII_COLUMNS)
