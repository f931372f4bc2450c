"""Writing daily_wide (semantic.wide_daily) from daily_metrics, inside the caller's transaction.

`create` (re)makes the table with a column per built metric (a build); `refresh`
replaces its rows of some shops and days by the pivot of daily_metrics' rows
there (a build: every row; a backfill's swap and a rollback: the scope's range
and shops), and records any new definitions_id in definition_sets. Both run in
the transaction that writes daily_metrics, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from semantic.materialized import Layout
from semantic.metrics import Metric
from semantic.wide_daily import DEFINITION_SET_COLUMNS, DEFINITION_SETS, WIDE_TABLE, parse_wide_column, wide_column, wide_columns

from semantic.backends import statements as sql
from semantic.backends.backfill_orders import columns_of
from semantic.backends.warehouse import Warehouse


def create(warehouse: Warehouse, layout: Layout, metrics: Sequence[Metric]) -> None:
    """daily_wide anew with a column per metric of `metrics` (caller's transaction); definition_sets if missing."""
    sql.run(warehouse, f"DROP TABLE IF EXISTS {sql.table_name(warehouse, layout.schema, WIDE_TABLE)}")
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, WIDE_TABLE, wide_columns(metrics)))
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, DEFINITION_SETS, DEFINITION_SET_COLUMNS))


def refs(warehouse: Warehouse, layout: Layout) -> tuple[str, ...]:
    """The metric refs daily_wide has a column for (none when it does not exist: built before it did)."""
    return tuple(ref for ref in (parse_wide_column(c) for c in columns_of(warehouse, layout.schema, WIDE_TABLE)) if ref)


def refresh(warehouse: Warehouse, layout: Layout, where: str = "1 = 1", params: Sequence[object] = ()) -> None:
    """daily_wide's rows WHERE `where` (on shop_id and day) = the pivot of daily_metrics' rows there (caller's transaction)."""
    held = refs(warehouse, layout)
    if not held:
        return
    w, params = warehouse, list(params)
    wide, daily = sql.table_name(w, layout.schema, WIDE_TABLE), sql.table_name(w, layout.schema, layout.daily)
    sets = sql.table_name(w, layout.schema, DEFINITION_SETS)
    metrics = [(ref.split("@")[0], int(ref.split("@")[1])) for ref in held]
    wanted = " OR ".join("(metric = ? AND version = ?)" for _ in metrics)
    flat = [p for pair in metrics for p in pair]
    parts = ", ".join(f"max(CASE WHEN metric = ? AND version = ? THEN value END) AS {sql.column_list(w, [wide_column(*m)])}"
                      for m in metrics)
    part = "metric || '@' || CAST(version AS TEXT) || '=' || coalesce(fingerprint, '') || '/' || run_id"
    pivot = (f"SELECT shop_id, day, {parts}, max(built_at) AS built_at, "
             f"md5(string_agg({part}, ',' ORDER BY metric, version)) AS definitions_id "
             f"FROM {daily} WHERE ({where}) AND ({wanted}) GROUP BY shop_id, day")
    columns = sql.column_list(w, ["shop_id", "day", *(wide_column(*m) for m in metrics), "built_at", "definitions_id"])
    sql.run(w, f"DELETE FROM {wide} WHERE {where}", params)
    sql.run(w, f"INSERT INTO {wide} ({columns}) {pivot} ORDER BY shop_id, day", [*flat, *params, *flat])
    set_columns = sql.column_list(w, list(DEFINITION_SET_COLUMNS))
    sql.run(w, f"INSERT INTO {sets} ({set_columns}) SELECT DISTINCT x.definitions_id, d.metric, d.version, d.fingerprint, "
               f"d.run_id, d.built_at FROM (SELECT shop_id, day, definitions_id FROM {wide} WHERE {where}) x "
               f"JOIN (SELECT * FROM {daily} WHERE ({where}) AND ({wanted})) d ON d.shop_id = x.shop_id AND d.day = x.day "
               f"WHERE x.definitions_id NOT IN (SELECT definitions_id FROM {sets})", [*params, *params, *flat])
