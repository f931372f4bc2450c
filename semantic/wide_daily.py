"""The wide serving table: daily_metrics pivoted, one row per shop and day, one column per metric part.

`daily_wide` holds exactly what `daily_metrics` holds, laid out for dashboards:
a row per (shop_id, day) where any materialized metric has a row, a column
`NAME__vVERSION` per materialized additive metric (NULL where that metric has
no row that day), `built_at` (the latest of the pivoted rows') and
`definitions_id`, the md5 of the pivoted rows' `metric@version=fingerprint/run_id`
in (metric, version) order: the key of its rows in `definition_sets`
(definitions_id, metric, version, fingerprint, run_id, built_at), which say which
definition version and fingerprint, and which run, produced each value.

It is a pure function of daily_metrics, written in the same transactions as it
(build, a backfill's swap, a rollback; semantic.backends.wide_daily): a crash
leaves both as before or both changed, and a rollback that restores
daily_metrics' rows restores daily_wide's byte for byte.

A query by day/week/month (and shop) of materialized metrics reads it; by day
and shop it needs no GROUP BY (its rows are already one per shop and day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

import ibis

from semantic.catalog import Catalog
from semantic.config import Config
from semantic.metrics import Additive, Metric
from semantic.query import BuiltQuery, QuerySpec, dimensions_of, finish_query, internal_name, typed_sums, within_spec
from semantic.sources import Sources

WIDE_TABLE = "daily_wide"
DEFINITION_SETS = "definition_sets"
WIDE_KEY = {"shop_id": ("string", False), "day": ("date", False)}
WIDE_STAMP = {"built_at": ("timestamp('UTC')", False), "definitions_id": ("string", False)}
DEFINITION_SET_COLUMNS = {
    "definitions_id": ("string", False),
    "metric": ("string", False),
    "version": ("int64", False),
    "fingerprint": ("string", True),
    "run_id": ("string", False),
    "built_at": ("timestamp('UTC')", False),
}
SEPARATOR = "__v"


def wide_column(name: str, version: int) -> str:
    """The column of a metric's daily values: `revenue__v1`."""
    return f"{name}{SEPARATOR}{version}"


def parse_wide_column(column: str) -> str | None:
    """The metric ref a wide column holds (`revenue__v1` -> `revenue@1`), or None for the key and stamp columns."""
    name, sep, version = column.rpartition(SEPARATOR)
    return f"{name}@{version}" if sep and name and version.isdigit() else None


def wide_columns(metrics: Sequence[Metric]) -> dict[str, tuple[str, bool]]:
    """Column -> (Ibis type, nullable) of daily_wide holding `metrics`."""
    values = {wide_column(m.name, m.version): ("decimal(38, 2)", True) for m in metrics}
    return {**WIDE_KEY, **values, **WIDE_STAMP}


def covers(catalog: Catalog, config: Config, spec: QuerySpec, wide_refs: Collection[str]) -> bool:
    """Whether daily_wide (holding `wide_refs`) has every additive part `spec` needs."""
    needed = [m.ref for m in catalog.closure(spec.metrics, config) if isinstance(m, Additive)]
    return bool(needed) and all(ref in wide_refs for ref in needed)


def wide_query(catalog: Catalog, config: Config, spec: QuerySpec, schema: str, today: dt.date | None = None) -> BuiltQuery:
    """`spec` (whose parts daily_wide `covers`) answered from daily_wide: the same rows as semantic.materialized.materialized_query.

    A bucket exists where any needed part has a value (as on daily_metrics, where a
    row exists where the metric has contributing rows); by day and shop the rows
    are taken as they are, otherwise summed by the buckets.
    """
    dims = dimensions_of(catalog, spec.by)
    closure = catalog.closure(spec.metrics, config)
    additive = [m for m in closure if isinstance(m, Additive)]
    internal = {m.ref: internal_name(m) for m in closure}
    table = ibis.table({c: t for c, (t, _) in wide_columns(additive).items()}, name=WIDE_TABLE, database=schema)
    parts = {m.ref: table[wide_column(m.name, m.version)] for m in additive}
    present = ibis.literal(False)
    for value in parts.values():
        present |= value.notnull()
    table = table.filter(present)
    table = within_spec(table, spec)
    columns = [d.column for d in dims]
    if sorted(columns) == ["day", "shop_id"]:  # already one row per shop and day
        agg = table.select(*columns, **{internal[m.ref]: table[wide_column(m.name, m.version)] for m in additive})
    else:
        for dim in dims:
            if dim.grain is not None and dim.grain.unit is not None:
                table = table.mutate(**{dim.column: dim.grain.bucket(table.day)})
        sums = {internal[m.ref]: table[wide_column(m.name, m.version)].sum() for m in additive}
        agg = table.group_by(columns).aggregate(**sums) if columns else table.aggregate(**sums)
    agg = typed_sums(agg, additive, internal)
    return finish_query(catalog, config, spec, dims, agg, closure, Sources.from_config(config), tables=("shops",), today=today)
