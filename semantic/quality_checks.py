"""The built-in row checks: keys, NULLs, Shopify's values, orphans, amounts that disagree, negative days.

Each returns the offending rows as an Ibis expression over the unbound sources
(or the facts), so it compiles to every dialect like a metric. The checks that
read the warehouse's own catalog (naive timestamps, PII columns) and freshness
live in `semantic.catalog_checks` and `semantic.freshness_checks`.

>>> [c.name for c in ROW_CHECKS][:3]
['duplicate_keys', 'order_id_null', 'required_nulls']
"""

from __future__ import annotations

import functools
import zoneinfo
from importlib import resources

import ibis
import ibis.expr.types as ir

from semantic.checks import Check, CheckContext, NothingToCheck
from semantic.contract import CONTRACT, FINANCIAL_STATUSES
from semantic.registration import Registrar

# The key of every contract table ("Ids are strings unique within their shop"). A line is
# keyed within its order: extracts number lines per order (l1, l2) as often as Shopify's global ids.
CONTRACT_KEYS: dict[str, tuple[str, ...]] = {
    "shops": ("shop_id",),
    "orders": ("shop_id", "order_id"),
    "order_lines": ("shop_id", "order_id", "line_id"),
    "refunds": ("shop_id", "refund_id"),
    "customers": ("shop_id", "customer_id"),
    "sessions": ("shop_id", "session_id"),
    "ad_spend": ("shop_id", "date", "platform", "campaign_id"),
}
# Tables whose rows belong to a shop that `shops` must know.
SHOP_OWNED = ("orders", "order_lines", "refunds", "customers", "sessions", "ad_spend")


@functools.lru_cache(maxsize=1)
def iso_currencies() -> tuple[str, ...]:
    text = (resources.files("semantic") / "data" / "iso4217.txt").read_text(encoding="utf-8")
    return tuple(sorted(code for line in text.splitlines() if not line.startswith("#") for code in line.split()))


@functools.lru_cache(maxsize=1)
def iana_zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _one_of(value: ir.StringValue, allowed: tuple[str, ...]) -> ir.BooleanValue:
    """`value` is in `allowed`, as one array literal (a 600-value IN list takes seconds to compile)."""
    return ibis.literal(list(allowed), type="array<string>").contains(value)


def _union(parts: list[ir.Table]) -> ir.Table:
    if not parts:  # only at load, when none of the tables it reads is in the warehouse
        raise NothingToCheck("none of the tables it reads is in the warehouse")
    return functools.reduce(lambda a, b: a.union(b), parts)


def _key_text(table: ir.Table, columns: tuple[str, ...]) -> ir.StringValue:
    values = [table[c].cast("string") for c in columns]
    return values[0] if len(values) == 1 else ibis.literal(" | ").join(values)


def _duplicate_keys(context: CheckContext) -> ir.Table:
    parts = []
    for name, key in CONTRACT_KEYS.items():
        if not context.has(name):
            continue
        table = context.sources.table(name)
        rest = key[1:] or key
        counted = table.group_by(list(key)).aggregate(copies=table.count()).filter(lambda t: t.copies > 1)
        parts.append(counted.select(table=ibis.literal(name), shop_id="shop_id", key=_key_text(counted, rest), copies="copies"))
    return _union(parts)


def _order_id_null(context: CheckContext) -> ir.Table:
    row_ids = {"orders": "created_at", "order_lines": "line_id", "refunds": "refund_id"}
    parts = []
    for name, row_id in row_ids.items():
        if not context.has(name):
            continue
        table = context.sources.table(name)
        found = table.filter(table.order_id.isnull())
        parts.append(found.select(table=ibis.literal(name), shop_id="shop_id", row=ibis.literal(f"{row_id}=") + found[row_id].cast("string")))
    return _union(parts)


def null_shares(context: CheckContext, columns: dict[str, tuple[str, ...]], default: float) -> ir.Table:
    """Per table, column and shop: NULL rows, rows and their share, where the share is over the threshold."""
    import ibis.selectors as s

    parts = []
    for name, cols in columns.items():
        if not context.has(name) or not cols:
            continue
        table = context.sources.table(name)
        counts = table.group_by("shop_id").aggregate(rows=table.count(), **{c: table[c].isnull().sum() for c in cols})
        long = counts.pivot_longer(s.cols(*cols), names_to="column", values_to="null_rows")
        part = long.select(
            table=ibis.literal(name), column="column", shop_id="shop_id", null_rows="null_rows", rows="rows",
            null_share=(long.null_rows.cast("float64") / long.rows.cast("float64")).round(4),
        )
        parts.append(part.filter(part.null_share > context.shop_threshold(part.shop_id, default)))
    return _union(parts)


def _required_nulls(context: CheckContext) -> ir.Table:
    required = {name: tuple(c for c in t.columns if c not in t.nullable and c != "shop_id") for name, t in CONTRACT.items()}
    return null_shares(context, required, 0.10)


def _financial_status(context: CheckContext) -> ir.Table:
    orders = context.sources.orders
    known = list(FINANCIAL_STATUSES)
    bad = orders.filter(orders.financial_status.notnull() & ~orders.financial_status.isin(known))
    counted = bad.group_by(["shop_id", "financial_status"]).aggregate(rows=bad.count())
    return counted.mutate(known_when_lower_cased=counted.financial_status.lower().isin(known))


def _shop_timezone(context: CheckContext) -> ir.Table:
    shops = context.sources.shops
    return shops.filter(shops.timezone.isnull() | ~_one_of(shops.timezone, iana_zones())).select("shop_id", "timezone")


def _shop_currency(context: CheckContext) -> ir.Table:
    shops = context.sources.shops
    return shops.filter(shops.currency.isnull() | ~_one_of(shops.currency, iso_currencies())).select("shop_id", "currency")


def _unknown_shop(context: CheckContext) -> ir.Table:
    shops = context.sources.shops.select("shop_id")
    parts = []
    for name in SHOP_OWNED:
        if not context.has(name):
            continue
        table = context.sources.table(name)
        orphans = table.anti_join(shops, "shop_id")
        counted = orphans.group_by("shop_id").aggregate(rows=orphans.count())
        parts.append(counted.select(table=ibis.literal(name), shop_id="shop_id", rows="rows"))
    return _union(parts)


def _refund_without_order(context: CheckContext) -> ir.Table:
    refunds = context.sources.refunds
    orders = context.sources.orders.select("shop_id", "order_id")
    return refunds.anti_join(orders, ["shop_id", "order_id"]).select("shop_id", "refund_id", "order_id")


def _refund_exceeds_order(context: CheckContext) -> ir.Table:
    refunds = context.sources.refunds
    orders = context.sources.orders
    refunded = refunds.group_by(["shop_id", "order_id"]).aggregate(refunded=(refunds.amount + refunds.shipping + refunds.taxes).sum())
    totals = orders.select(
        "shop_id", "order_id", order_total=(orders.gross_sales - orders.discounts + orders.shipping + orders.taxes).cast("decimal(18, 2)")
    )
    joined = totals.join(refunded, ["shop_id", "order_id"])
    return joined.filter(joined.refunded > joined.order_total).select("shop_id", "order_id", "order_total", refunded=joined.refunded.cast("decimal(18, 2)"))


def _gross_sales_vs_lines(context: CheckContext) -> ir.Table:
    lines = context.sources.order_lines
    orders = context.sources.orders
    sums = lines.group_by(["shop_id", "order_id"]).aggregate(lines_total=(lines.price * lines.quantity).sum().cast("decimal(18, 2)"))
    joined = orders.select("shop_id", "order_id", "gross_sales").join(sums, ["shop_id", "order_id"])
    return joined.filter(joined.gross_sales != joined.lines_total)


def _negative_revenue_day(context: CheckContext) -> ir.Table:
    scope = context.scope
    orders = scope.fact("included_orders")
    refunds = scope.fact("refunds")
    sold = orders.group_by(["shop_id", "day"]).aggregate(order_revenue=orders.order_revenue.sum())
    refunded = refunds.group_by(["shop_id", "day"]).aggregate(refunded=refunds.refund_total.sum())
    joined = sold.outer_join(refunded, ["shop_id", "day"])
    days = joined.select(
        shop_id=ibis.coalesce(joined.shop_id, joined.shop_id_right),
        day=ibis.coalesce(joined.day, joined.day_right),
        order_revenue=ibis.coalesce(joined.order_revenue, 0).cast("decimal(18, 2)"),
        refunded=ibis.coalesce(joined.refunded, 0).cast("decimal(18, 2)"),
    )
    days = days.mutate(revenue=(days.order_revenue - days.refunded).cast("decimal(18, 2)"))
    negative = days.filter(days.revenue < 0)
    if context.config.revenue.refund_dating == "refund_date":
        # A refund lands on its own day: a day whose sales were not negative can dip below zero.
        severity = ibis.ifelse(negative.order_revenue >= 0, "warn", "error")
    else:
        severity = ibis.literal("error")
    return negative.mutate(severity=severity)


_STATUSES = ", ".join(FINANCIAL_STATUSES)

ROW_CHECKS = (
    Check(
        "duplicate_keys",
        "No two rows of a contract table share its key (an order loaded twice is counted twice).",
        _duplicate_keys,
        "keep one row per key in the source (deduplicate on load, e.g. the latest _loaded_at per key)",
        tables=tuple(CONTRACT_KEYS),
        tags=("keys", "blocking"),
        at_load=True,
        load_needs=(),
    ),
    Check(
        "order_id_null",
        "Every order, order line and refund has an order_id.",
        _order_id_null,
        "fill order_id from the source, or drop the rows: a row without its order cannot be counted or joined",
        tables=("orders", "order_lines", "refunds"),
        tags=("nulls", "blocking"),
        at_load=True,
        load_needs=(),
    ),
    Check(
        "required_nulls",
        "Required (NOT NULL in the contract) columns are at most 10% NULL per shop.",
        _required_nulls,
        "map the column to the right source field ([sources.tables.T.columns]) or fix the extract",
        tables=tuple(CONTRACT),
        tags=("nulls", "blocking"),
        at_load=True,
        load_needs=(),
        threshold=0.10,
        threshold_unit="share",
    ),
    Check(
        "financial_status",
        f"orders.financial_status is one of Shopify's values: {_STATUSES}.",
        _financial_status,
        f"write Shopify's lower-case values ({_STATUSES}); upper-case ones (PAID, as the GraphQL API writes them) "
        "must be lower-cased on load: lower(financial_status)",
        tables=("orders",),
        tags=("values", "blocking"),
        at_load=True,
    ),
    Check(
        "shop_timezone",
        "shops.timezone is an IANA time zone (America/New_York), as every shop-local day depends on it.",
        _shop_timezone,
        "write the IANA name only: '(GMT-05:00) America/New_York' becomes 'America/New_York'",
        tables=("shops",),
        tags=("values", "blocking"),
        at_load=True,
    ),
    Check(
        "shop_currency",
        "shops.currency is an ISO 4217 code (USD, EUR).",
        _shop_currency,
        "write the three-letter upper-case ISO 4217 code of the shop's currency (USD, not $ or usd)",
        tables=("shops",),
        tags=("values", "blocking"),
        at_load=True,
    ),
    Check(
        "unknown_shop",
        "Every order, line, refund, customer, session and ad spend row belongs to a shop in `shops`.",
        _unknown_shop,
        "load the shop into `shops` (its timezone and currency), or drop the rows of the shop that is not yours",
        tables=("shops", *SHOP_OWNED),
        tags=("orphans", "blocking"),
        at_load=True,
        load_needs=("shops",),
    ),
    Check(
        "refund_without_order",
        "Every refund belongs to an order that is loaded.",
        _refund_without_order,
        "load the refunded orders (an extract window that cuts orders but not refunds), or drop the refunds",
        tables=("refunds", "orders"),
        tags=("orphans", "blocking"),
        at_load=True,
    ),
    Check(
        "refund_exceeds_order",
        "No order is refunded more than its total (gross_sales - discounts + shipping + taxes).",
        _refund_exceeds_order,
        "look for refunds loaded twice or refund amounts in another currency or unit (cents)",
        tables=("refunds", "orders"),
        tags=("amounts", "blocking"),
        at_load=True,
    ),
    Check(
        "gross_sales_vs_lines",
        "orders.gross_sales equals the sum of price x quantity of its order lines (orders with lines).",
        _gross_sales_vs_lines,
        "reload the order or its lines: gross_sales is Shopify's subtotal before discounts (sum of price x quantity)",
        tables=("orders", "order_lines"),
        tags=("amounts", "blocking"),
        at_load=True,
    ),
    Check(
        "negative_revenue_day",
        "No shop has negative revenue on a day (with refund_dating = refund_date, a day made negative by refunds warns).",
        _negative_revenue_day,
        "find the refunds of that day (refund_exceeds_order) or orders with negative amounts",
        tables=("orders", "refunds", "shops"),
        tags=("amounts", "blocking"),
        requires=("shop_timezone",),
    ),
)


def register(catalog: Registrar) -> None:
    for check in ROW_CHECKS:
        catalog.register(check)
