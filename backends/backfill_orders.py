"""A backfill's refresh of attributed_orders: the daily rows' steps, for the orders of its range and shops.

When the backfill recomputes the `attributed_orders` metric (every backfill
without --metrics does) and a build wrote the table, each step of
semantic.backends.backfill also covers the table's rows of the range (their
shop-local `day`) and shops:

- snapshot: copied into backfill_order_snapshots, in the daily snapshot's step;
- recompute: semantic.materialized.scoped_attributed_orders into
  backfill_order_staging, in the daily recompute's transaction (same scope rows);
- checks: one row per (shop_id, order_id), every row inside the scope;
- swap: deleted and re-inserted in the daily swap's transaction;
- rollback: the snapshot restored in the daily rollback's transaction.

The staging and snapshot tables take the production table's columns (what the
build wrote: `CREATE TABLE ... AS SELECT ... LIMIT 0`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from semantic.materialized import ATTRIBUTED_ORDERS_METRIC, Layout

from semantic.backends import statements as sql
from semantic.backends.warehouse import Warehouse


def refreshes_orders(warehouse: Warehouse, layout: Layout, metric_refs: Sequence[str]) -> bool:
    """Whether a backfill of `metric_refs` refreshes attributed_orders (the metric is among them, the table exists)."""
    named = any(ref.split("@")[0] == ATTRIBUTED_ORDERS_METRIC for ref in metric_refs)
    return named and sql.exists(warehouse, layout.schema, layout.orders)


def columns_of(warehouse: Warehouse, schema: str, name: str) -> list[str]:
    """A table's columns, in order."""
    found = sql.fetch(
        warehouse,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
        (schema, name),
    )
    return [r[0] for r in found]


@dataclass(frozen=True)
class OrderTables:
    """attributed_orders and its staging and snapshot tables in one warehouse; `where` bounds the backfill's rows."""

    warehouse: Warehouse
    layout: Layout
    where: str  # day BETWEEN ? AND ? [AND shop_id IN (...)]
    params: tuple[object, ...]

    def name(self, table: str) -> str:
        return sql.table_name(self.warehouse, self.layout.schema, table)

    @property
    def columns(self) -> list[str]:
        return columns_of(self.warehouse, self.layout.schema, self.layout.orders)

    def ensure(self) -> None:
        """Staging and snapshot tables shaped like production (staging remade when production's shape changed)."""
        w, layout, production = self.warehouse, self.layout, self.name(self.layout.orders)
        if columns_of(w, layout.schema, layout.order_staging) != [*self.columns, "backfill_id"]:
            sql.run(w, f"DROP TABLE IF EXISTS {self.name(layout.order_staging)}")
            sql.run(w, f"CREATE TABLE {self.name(layout.order_staging)} AS SELECT *, CAST(NULL AS TEXT) AS backfill_id "
                       f"FROM {production} LIMIT 0")
        sql.run(w, f"CREATE TABLE IF NOT EXISTS {self.name(layout.order_snapshots)} AS SELECT CAST(NULL AS TEXT) AS backfill_id, "
                   f"CAST(NULL AS TIMESTAMPTZ) AS taken_at, * FROM {production} LIMIT 0")

    def snapshot(self, backfill_id: str) -> int:
        """Copy the production rows in scope (inside the caller's transaction); how many."""
        w, columns = self.warehouse, sql.column_list(self.warehouse, self.columns)
        snapshots = self.name(self.layout.order_snapshots)
        sql.run(w, f"DELETE FROM {snapshots} WHERE backfill_id = ?", (backfill_id,))
        sql.run(w, f"INSERT INTO {snapshots} (backfill_id, taken_at, {columns}) SELECT ?, ?, {columns} "
                   f"FROM {self.name(self.layout.orders)} WHERE {self.where}",
                [backfill_id, dt.datetime.now(dt.timezone.utc), *self.params])
        return self.count(self.layout.orders)

    def count(self, table: str, backfill_id: str | None = None) -> int:
        if backfill_id is None:
            return int(sql.fetch(self.warehouse, f"SELECT count(*) FROM {self.name(table)} WHERE {self.where}", self.params)[0][0])
        return int(sql.fetch(self.warehouse, f"SELECT count(*) FROM {self.name(table)} WHERE backfill_id = ?", (backfill_id,))[0][0])

    def stage(self, backfill_id: str, select: str) -> None:
        """The recomputed rows (`select`: scoped_attributed_orders compiled) into staging (caller's transaction)."""
        staging = self.name(self.layout.order_staging)
        sql.run(self.warehouse, f"DELETE FROM {staging} WHERE backfill_id = ?", (backfill_id,))
        sql.run(self.warehouse, f"INSERT INTO {staging} ({sql.column_list(self.warehouse, [*self.columns, 'backfill_id'])})\n{select}")

    def problems(self, backfill_id: str) -> tuple[int, int]:
        """(staged rows outside the scope, duplicated (shop_id, order_id) keys)."""
        staging, w = self.name(self.layout.order_staging), self.warehouse
        outside = sql.fetch(w, f"SELECT count(*) FROM {staging} WHERE backfill_id = ? AND NOT ({self.where})", [backfill_id, *self.params])
        duplicated = sql.fetch(w, f"SELECT count(*) FROM (SELECT shop_id, order_id FROM {staging} WHERE backfill_id = ? "
                                  f"GROUP BY 1, 2 HAVING count(*) > 1) d", (backfill_id,))
        return int(outside[0][0]), int(duplicated[0][0])

    def replace_from(self, table: str, backfill_id: str) -> None:
        """Production rows in scope replaced by `table`'s rows of `backfill_id` (caller's transaction)."""
        w, columns = self.warehouse, sql.column_list(self.warehouse, self.columns)
        sql.run(w, f"DELETE FROM {self.name(self.layout.orders)} WHERE {self.where}", self.params)
        sql.run(w, f"INSERT INTO {self.name(self.layout.orders)} ({columns}) SELECT {columns} FROM {self.name(table)} "
                   f"WHERE backfill_id = ? ORDER BY shop_id, day, order_id", (backfill_id,))

    def discard_staging(self, backfill_id: str) -> None:
        sql.run(self.warehouse, f"DELETE FROM {self.name(self.layout.order_staging)} WHERE backfill_id = ?", (backfill_id,))
