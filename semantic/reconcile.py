"""Reconciling our definitions with Shopify's, day by day, cause by cause.

Our revenue, orders and AOV (the project's knobs) and Shopify's total sales,
orders and AOV (profile "shopify") differ for named reasons. Each reason is one
step of knob changes from our configuration to the profile's; the figure
after each step minus the figure before it is what that cause accounts for, so
the causes add up to the difference exactly (the steps telescope):

    shipping, taxes and duties
                         revenue -> total_sales (always adds shipping, taxes and duties)
    statuses             every financial status counts (pending, authorized, ...)
    cancellations        cancelled orders count, and return on their cancellation day
    refund dating        refunds (and cancellation returns) on their own day, not their order's
    other knobs          any knob the profile sets that the steps above did not
    AOV definition       Shopify's AOV is (gross sales - discounts) / orders, before returns,
                         shipping and taxes

AOV is rounded to cents at every step (a day without orders has none, taken
as 0 in the steps), so its causes add up to the cent figures shown.

>>> [cause for cause, _ in STEPS]
['statuses', 'cancellations', 'refund dating']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from semantic.contract import FINANCIAL_STATUSES

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# Knob changes, applied one after the other on top of the project's own configuration.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("statuses", (f"orders.included_financial_statuses={','.join(FINANCIAL_STATUSES)}", "orders.exclude_test=true")),
    ("cancellations", ("orders.exclude_cancelled=false", "revenue.cancellation_returns=true")),
    ("refund dating", ("revenue.refund_dating=refund_date",)),
)
CAUSES = ("shipping, taxes and duties", *(c for c, _ in STEPS), "other knobs", "AOV definition")

Key = tuple[dt.date, str]  # (shop-local day, shop_id)
Figures = Mapping[Key, Mapping[str, object]]


@dataclass(frozen=True)
class Line:
    """One measure of one shop's day: ours, Shopify's, and what each cause accounts for."""

    day: dt.date
    shop_id: str
    measure: str  # revenue, orders, aov
    ours: Decimal
    shopify: Decimal
    causes: tuple[tuple[str, Decimal], ...]  # non-zero causes, in CAUSES order

    @property
    def difference(self) -> Decimal:
        return self.shopify - self.ours


def _money(value: object) -> Decimal:
    return ZERO if value is None else Decimal(str(value)).quantize(CENT)


def _aov(value: Decimal, orders: Decimal) -> Decimal:
    return ZERO if orders == 0 else (value / orders).quantize(CENT, rounding=ROUND_HALF_UP)


def _line(day: dt.date, shop: str, measure: str, chain: list[tuple[str | None, Decimal]]) -> Line:
    causes = []
    for (_, before), (cause, after) in zip(chain, chain[1:]):
        if after != before:
            causes.append((cause, after - before))
    merged: dict[str, Decimal] = {}
    for cause, amount in causes:
        merged[cause] = merged.get(cause, ZERO) + amount
    ordered = tuple((c, merged[c]) for c in CAUSES if merged.get(c, ZERO) != 0)
    return Line(day, shop, measure, chain[0][1], chain[-1][1], ordered)


def reconcile(ours: Figures, steps: Sequence[Figures], shopify: Figures) -> list[Line]:
    """Lines per (day, shop) from the figures of each configuration.

    `ours`: revenue, total_sales and orders under the project's knobs; `steps`:
    total_sales and orders after each of STEPS; `shopify`: total_sales, orders and
    ordered_sales under the profile.
    """
    keys = sorted(set(ours) | set(shopify) | {k for s in steps for k in s})
    lines = []
    for key in keys:
        get = lambda figures, metric: _money(figures.get(key, {}).get(metric))  # noqa: E731, B023 - called in this iteration
        revenue: list[tuple[str | None, Decimal]] = [(None, get(ours, "revenue")), ("shipping, taxes and duties", get(ours, "total_sales"))]
        orders: list[tuple[str | None, Decimal]] = [(None, get(ours, "orders"))]
        for (cause, _), figures in zip(STEPS, steps):
            revenue.append((cause, get(figures, "total_sales")))
            orders.append((cause, get(figures, "orders")))
        revenue.append(("other knobs", get(shopify, "total_sales")))
        orders.append(("other knobs", get(shopify, "orders")))
        aov: list[tuple[str | None, Decimal]] = [(None, _aov(revenue[0][1], orders[0][1]))]
        aov += [(cause, _aov(value, count)) for (cause, value), (_, count) in zip(revenue[1:], orders)]
        aov.append(("AOV definition", _aov(get(shopify, "ordered_sales"), orders[-1][1])))
        day, shop = key
        lines += [_line(day, shop, "revenue", revenue), _line(day, shop, "orders", orders), _line(day, shop, "aov", aov)]
    return lines
