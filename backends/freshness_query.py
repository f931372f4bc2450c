"""Freshness from `[quality.freshness.T] query`: the project's own SQL, run as it is written.

Each query runs as a statement of its own, in a transaction that is always
rolled back (whatever it does, it keeps nothing), and is never spliced into a
statement of ours; its (shop_id or None, instant) rows enter the freshness check
as literals (`CheckScope.loaded_at`). DuckDB and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from semantic.config import Config
from semantic.errors import WarehouseError

from semantic.backends.warehouse import Warehouse


def freshness_queries(warehouse: Warehouse, config: Config) -> dict[str, tuple[tuple[str | None, dt.datetime], ...]]:
    """Run each `[quality.freshness.T] query` as-is, as a statement of its own; its (shop_id or None, instant) rows.

    The text is the project's own SQL: it is never spliced into a statement of ours,
    and its result enters the freshness check as literals.
    """
    from semantic.errors import ConfigError

    found: dict[str, tuple[tuple[str | None, dt.datetime], ...]] = {}
    for name, entry in config.quality.freshness.items():
        if entry.query is None:
            continue
        where = f"quality.freshness.{name}.query"
        if warehouse.dialect not in ("duckdb", "postgres"):
            raise ConfigError(f"{where}: freshness queries run on DuckDB and PostgreSQL", hint="use column = ... instead")
        columns, rows = _run_user_query(warehouse, entry.query, where)
        found[name] = _loaded_at_rows(columns, rows, where)
    return found


def _run_user_query(warehouse: Warehouse, query: str, where: str) -> tuple[list[str], list[tuple]]:
    """Run the project's query in a transaction that is always rolled back: whatever it does, it keeps nothing."""
    warehouse.executed.append(query)
    try:
        if warehouse.dialect == "postgres":
            with warehouse.raw.transaction(force_rollback=True), warehouse.raw.cursor() as cursor:
                cursor.execute(query.encode("utf-8"))  # bytes: psycopg sends it as it is, with no placeholders
                columns = [d.name for d in cursor.description or ()]
                rows = cursor.fetchall() if cursor.description else []
        else:
            con = warehouse.raw
            con.execute("BEGIN TRANSACTION")
            try:
                result = con.execute(query)
                columns = [d[0] for d in result.description or ()]
                rows = result.fetchall() if result.description else []
            finally:
                con.execute("ROLLBACK")
    except Exception as exc:  # the engine's own error types
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise WarehouseError(f"{warehouse.dialect} failed to run {where}: {first}") from exc
    return columns, rows


def _loaded_at_rows(columns: list[str], rows: list[tuple], where: str) -> tuple[tuple[str | None, dt.datetime], ...]:
    from semantic.errors import ConfigError

    hint = "return one column (the newest load instant, TIMESTAMPTZ) or two: shop_id and that instant"
    if len(columns) not in (1, 2) or (len(columns) == 2 and "shop_id" not in columns):
        raise ConfigError(f"{where} returned columns {', '.join(columns) or 'none'}", hint=hint)
    shop_at = columns.index("shop_id") if len(columns) == 2 else None
    value_at = 0 if shop_at != 0 else 1
    found = []
    for row in rows:
        value = row[value_at]
        if value is None:
            continue
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ConfigError(f"{where} returned {value!r}, not a UTC instant", hint=hint + "; cast a naive one with AT TIME ZONE 'UTC'")
        found.append((None if shop_at is None else str(row[shop_at]), value.astimezone(dt.timezone.utc)))
    return tuple(found)
