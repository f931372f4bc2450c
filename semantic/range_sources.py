"""The sources a backfill of some days reads: only the rows those days can depend on.

A backfill recomputes the daily rows of a range [start, end] of shop-local days
for some shops. Reading every order and session of the shop's history to do it
makes a backfill cost a fraction of a whole build; most facts need much less:

- orders of the named shops processed in [start - 1 day, end + 2 days) UTC (a
  shop-local day spans at most 14 hours either side of its UTC day), and, under
  `revenue.refund_dating = "refund_date"`, the orders of the refunds in range
  (so that whether their order is included is known, and their credit);
- refunds of those orders (under refund_date: the refunds processed in range);
- sessions of those shops from `attribution.window_days` + 1 day before the
  first of those orders until end + 2 days (a candidate touchpoint is never
  after its order nor more than the window before it);
- ad spend dated in range.

The facts built on these rows (RANGE_FACTS) give the same rows as on the whole
history for every day in range; the caller keeps only those days. Facts that
read history by design (`acquisitions`: "new" is the first order ever) or that
this module does not know (a project's own facts, the Shopify profile's
cancellations dated on the cancel day) read the shops' whole history instead
(`semantic.materialized.ShopSources`).

The range and shops are literals of the statement, or (a backfill) read from
the small scope tables of `ScopeTables`, which the backfill fills inside its
recompute's transaction: then the statement does not depend on the range or
the shops, and its compiled SQL is cached across runs
(semantic.statement_cache). The engines still filter each source right at its
scan, on the scalar bounds read once from the one-row scope table.

>>> import datetime as dt
>>> from semantic.config import Config
>>> pruned = RangeSources.for_range(Config(), ("s0",), dt.date(2024, 3, 10), dt.date(2024, 3, 12))
>>> pruned.window_start.isoformat(), pruned.window_end.isoformat()
('2024-03-09T00:00:00+00:00', '2024-03-14T00:00:00+00:00')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from semantic.config import Config
from semantic.sources import Sources

# Facts whose rows of a day in range come only from the pruned rows above (semantic.facts and the
# attribution facts); every other fact is built on the shops' whole history.
RANGE_FACTS = frozenset(
    {
        "included_orders",
        "refunds",
        "ad_spend",
        "attribution_touchpoints",
        "attribution_candidates",
        "order_attribution",
        "attribution_refund_credit",
    }
)
# How far a shop-local day reaches outside its UTC day: UTC-12 to UTC+14, rounded up to whole days.
DAYS_BEFORE, DAYS_AFTER = 1, 2
UTC = dt.timezone.utc
# The one row of a backfill's scope (its id, range, windows and build time), and its shops.
SCOPE_COLUMNS: dict[str, tuple[str, bool]] = {
    "backfill_id": ("string", False),
    "start_day": ("date", False),
    "end_day": ("date", False),
    "window_start": ("timestamp('UTC')", False),
    "window_end": ("timestamp('UTC')", False),
    "built_at": ("timestamp('UTC')", False),
}
SCOPE_SHOP_COLUMNS: dict[str, tuple[str, bool]] = {"shop_id": ("string", False)}


def window_of(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[first UTC instant a shop-local day in [start, end] can hold, first instant after every one of them)."""
    return (
        dt.datetime.combine(start - dt.timedelta(days=DAYS_BEFORE), dt.time(), UTC),
        dt.datetime.combine(end + dt.timedelta(days=DAYS_AFTER), dt.time(), UTC),
    )


@dataclass(frozen=True)
class ScopeTables:
    """Where a range-independent statement reads its range, shops, run id and build time from.

    `bounds_table` holds one row (SCOPE_COLUMNS), `shops_table` the shops
    (ignored when `every_shop`). Values are scalar subqueries on the one row.
    """

    schema: str
    every_shop: bool = False
    bounds_table: str = "backfill_scope"
    shops_table: str = "backfill_scope_shops"

    def bounds(self) -> ir.Table:
        return ibis.table({c: t for c, (t, _) in SCOPE_COLUMNS.items()}, name=self.bounds_table, database=self.schema)

    def shops(self) -> ir.Table:
        return ibis.table({c: t for c, (t, _) in SCOPE_SHOP_COLUMNS.items()}, name=self.shops_table, database=self.schema)

    def value(self, column: str) -> ir.Value:
        """The scope row's `column`, as a scalar (filters only: Ibis mis-aliases a reused scalar subquery in a SELECT)."""
        return self.bounds()[column].as_scalar()

    def of_shops(self, table: ir.Table) -> ir.Table:
        return table if self.every_shop else table.filter(table.shop_id.isin(self.shops().shop_id))

    def in_range(self, table: ir.Table) -> ir.Table:
        """`table`'s rows of the scope's shops and days (its `day` column)."""
        table = self.of_shops(table)
        return table.filter(table.day.between(self.value("start_day"), self.value("end_day")))

    @staticmethod
    def row(backfill_id: str, start: dt.date, end: dt.date, built_at: dt.datetime) -> dict[str, object]:
        """The bounds row of a backfill of [start, end], in SCOPE_COLUMNS order."""
        window_start, window_end = window_of(start, end)
        return {"backfill_id": backfill_id, "start_day": start, "end_day": end,
                "window_start": window_start, "window_end": window_end, "built_at": built_at}


@dataclass(frozen=True)
class RangeSources(Sources):
    """The contract tables of some shops, pruned to what the days [start, end] depend on (module docstring)."""

    only_shops: tuple[str, ...] = ()  # () : every shop
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max
    window_days: int = 7
    refund_dating: str = "order_date"
    scope: ScopeTables | None = None  # set: range and shops read from these tables (start, end, only_shops unused)

    @classmethod
    def for_range(cls, config: Config, shops: tuple[str, ...], start: dt.date, end: dt.date) -> RangeSources:
        return cls(config.sources, tuple(shops), start, end, config.attribution.window_days, config.revenue.refund_dating)

    @classmethod
    def for_scope(cls, config: Config, scope: ScopeTables) -> RangeSources:
        return cls(config.sources, (), window_days=config.attribution.window_days,
                   refund_dating=config.revenue.refund_dating, scope=scope)

    @property
    def window_start(self) -> dt.datetime:
        """The first UTC instant a shop-local day in range can hold."""
        return window_of(self.start, self.end)[0]

    @property
    def window_end(self) -> dt.datetime:
        """The first UTC instant after every shop-local day in range."""
        return window_of(self.start, self.end)[1]

    def _instant(self, column: str, before: dt.timedelta = dt.timedelta()) -> ir.TimestampValue:
        """window_start or window_end (minus `before`): a literal, or the scope row's value."""
        if self.scope is None:
            return ibis.literal(getattr(self, column) - before, "timestamp('UTC')")
        value = self.scope.value(column)
        return value - ibis.interval(days=before.days) if before else value

    def _build(self, logical: str) -> ir.Table:
        if logical == "orders":
            return self._orders()
        if logical == "refunds":
            return self._refunds()
        if logical == "sessions":
            return self._sessions()
        table = self._of_shops(logical)
        if logical == "ad_spend":
            if self.scope is None:
                return table.filter(table.date.between(self.start, self.end))
            return table.filter(table.date.between(self.scope.value("start_day"), self.scope.value("end_day")))
        return table

    def _of_shops(self, logical: str) -> ir.Table:
        table = super()._build(logical)
        if self.scope is not None:
            return self.scope.of_shops(table)
        return table.filter(table.shop_id.isin(list(self.only_shops))) if self.only_shops else table

    def _in_window(self, table: ir.Table, column: str) -> ir.BooleanValue:
        return (table[column] >= self._instant("window_start")) & (table[column] < self._instant("window_end"))

    def _refunds_in_window(self) -> ir.Table:
        refunds = self._of_shops("refunds")
        return refunds.filter(self._in_window(refunds, "processed_at"))

    def _orders(self) -> ir.Table:
        orders = self._of_shops("orders")
        near = self._in_window(orders, "processed_at")
        if self.refund_dating == "refund_date":
            # Order ids are unique within a shop only: another named shop's order of the same id may be
            # read too; it is one more order outside the range, dropped with the days outside it.
            near |= orders.order_id.isin(self._refunds_in_window().order_id)
        return orders.filter(near)

    def _refunds(self) -> ir.Table:
        if self.refund_dating == "refund_date":
            return self._refunds_in_window()
        refunds = self._of_shops("refunds")
        return refunds.filter(refunds.order_id.isin(self._orders().order_id))

    def _sessions(self) -> ir.Table:
        sessions = self._of_shops("sessions")
        reach = dt.timedelta(days=self.window_days + DAYS_BEFORE)
        lower = self._instant("window_start", before=reach)
        if self.refund_dating == "refund_date":
            # A refund in range may be of an older order: its credit needs the sessions before that order.
            first = self._orders().processed_at.min()
            lower = ibis.least(lower, ibis.coalesce(first, lower) - ibis.interval(hours=reach.days * 24))
        return sessions.filter((sessions.started_at >= lower) & (sessions.started_at < self._instant("window_end")))
