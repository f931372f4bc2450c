"""A Spark backfill's refresh of attributed_orders: the daily rows' folders, for the orders of its range and shops.

As on the SQL engines (backends/backfill_orders.py), a backfill that recomputes
the `attributed_orders` metric (every backfill without --metrics does) and finds
the table a build wrote also covers that table's rows of the range (their
shop-local `day`) and shops, each step idempotent like the daily rows':

- snapshot: the rows in scope into `DIR/<schema>/_backfills/ID/order_snapshot`;
- recompute: attributed_orders of those days and shops into `order_staging`;
- checks: every staged row inside the scope, one per (shop_id, order_id);
- swap: the next table (rows outside the scope + staged rows) written to
  `order_swap` and renamed in by the same journal as the next daily table, so
  the two change together or not at all;
- rollback: the snapshot restored the same way, with the daily snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import sqlglot.expressions as sge

from semantic.backfill_plan import BackfillPlan
from semantic.catalog import Catalog
from semantic.config import Config
from semantic.materialized import ATTRIBUTED_ORDERS_METRIC, Layout, Stamp, attributed_orders

from semantic.backends.backfill import CheckResult, Scope, order_check_results
from semantic.backends.spark import SparkWarehouse, write_frame
from semantic.backends.spark_materialize import folder_of, frame_of, stage_expr_into

SNAPSHOT, STAGING, SWAP = "order_snapshot", "order_staging", "order_swap"


@dataclass(frozen=True)
class SparkOrders:
    """attributed_orders of one Spark warehouse, bounded to a backfill's scope."""

    warehouse: SparkWarehouse
    layout: Layout
    scope: Scope

    @classmethod
    def refreshed_by(cls, warehouse: SparkWarehouse, layout: Layout, plan: BackfillPlan) -> SparkOrders | None:
        """The part of `plan` that refreshes attributed_orders, or None when the backfill leaves the table alone."""
        named = any(m.name == ATTRIBUTED_ORDERS_METRIC for m in plan.metrics)
        if not named or not folder_of(warehouse, layout.schema, layout.orders).is_dir():
            return None
        return cls(warehouse, layout, Scope.of(plan))

    @property
    def table(self) -> str:
        return sge.table_(self.layout.orders, db=self.layout.schema, quoted=True).sql("spark")

    def in_scope(self, inside: bool = True):
        where, params = self.scope.order_where()
        return frame_of(self.warehouse, f"SELECT * FROM {self.table} WHERE {'' if inside else 'NOT '}({where})", params)

    def snapshot(self, work: Path) -> int:
        """The production rows in scope into the backfill's order snapshot (a rerun replaces it); how many."""
        write_frame(self.in_scope(), work / SNAPSHOT)
        return self.warehouse.session.read.parquet(str(work / SNAPSHOT)).count()

    def recompute(self, catalog: Catalog, config: Config, plan: BackfillPlan, fingerprints, work: Path, backfill_id: str):
        """attributed_orders of the plan's days and shops, stamped with the backfill, into the staging folder."""
        metric = next(m for m in plan.metrics if m.name == ATTRIBUTED_ORDERS_METRIC)
        built_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        rows = attributed_orders(catalog, config, Stamp(metric, fingerprints.get(metric.ref), backfill_id, built_at))
        rows = rows.filter(rows.day.between(self.scope.start, self.scope.end))
        if self.scope.shops:
            rows = rows.filter(rows.shop_id.isin(list(self.scope.shops)))
        stage_expr_into(self.warehouse, rows, work / STAGING)
        return self.warehouse.session.read.parquet(str(work / STAGING))

    def checks(self, staged) -> tuple[CheckResult, ...]:
        where, params = self.scope.order_where()
        view = "__semantic_order_staging"
        staged.createOrReplaceTempView(view)
        try:
            outside = frame_of(self.warehouse, f"SELECT count(*) FROM `{view}` WHERE NOT ({where})", params).collect()[0][0]
            duplicated = frame_of(self.warehouse, f"SELECT count(*) FROM (SELECT shop_id, order_id FROM `{view}` "
                                                  "GROUP BY 1, 2 HAVING count(*) > 1) d").collect()[0][0]
        finally:
            self.warehouse.session.catalog.dropTempView(view)
        return order_check_results(int(outside), int(duplicated))

    def next_table(self, rows, folder: Path) -> Path:
        """Production outside the scope plus `rows`, written whole into `folder` (to be renamed in with the daily table)."""
        columns = rows.columns
        write_frame(self.in_scope(inside=False).select(*columns).unionByName(rows.select(*columns))
                    .orderBy("shop_id", "day", "order_id"), folder)
        return folder
