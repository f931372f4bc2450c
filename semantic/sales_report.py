"""The metrics of Shopify admin's Sales report, as facts and additive metrics.

Shopify's report, in its own signs (discounts and returns are negative):

    gross_sales   price x quantity of line items, before discounts, returns, shipping, taxes
    discounts     -(line and order discounts), on the order day
    returns       -(merchandise returned), on the day the return is processed
    net_sales     gross_sales + discounts + returns
    shipping      shipping charged, minus shipping refunded (on the refund's day)
    taxes         taxes charged, minus taxes refunded (on the refund's day)
    duties        import duties charged, minus duties refunded (on the refund's day)
    total_sales   net_sales + shipping + taxes + duties
    ordered_sales gross_sales + discounts, on the order day, whatever happened later
    shopify_aov   ordered_sales / orders

Which orders count and on which day a return lands are the `[orders]` and
`[revenue]` knobs, so these metrics exist under every profile; `profile =
"shopify"` sets the knobs Shopify's report uses (semantic.profiles). With
`revenue.cancellation_returns`, a cancelled order returns what its refunds have
not, on its cancellation day.

Tax-inclusive orders (`orders.taxes_included`): Shopify's report shows sales net
of the tax their prices hold, so gross sales and returns give back the order's
(refund's) taxes, and taxes are counted once, in `taxes`. All of an order's tax
is taken from its lines (the contract has no separate shipping tax).

Duties (`orders.duties`, `refunds.duties`, optional) are charged on top of the
prices, tax-inclusive or not; a NULL (a source without duties) counts as 0.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from semantic.dimensions import Dimension
from semantic.facts import with_customer_key
from semantic.metrics import Additive, Contribution, Ratio
from semantic.portable import local_date
from semantic.registration import Registrar
from semantic.scope import Fact, Scope

MONEY = "decimal(18, 2)"
_RETURN_COLUMNS = ("shop_id", "order_id", "day", "returned", "shipping_returned", "taxes_returned", "duties_returned")


def _ex_tax(value: ir.DecimalValue, taxes: ir.DecimalValue, taxes_included: ir.BooleanValue) -> ir.DecimalValue:
    return (value - taxes_included.fill_null(False).ifelse(taxes, 0)).cast(MONEY)


def _sales(scope: Scope) -> ir.Table:
    orders = scope.fact("included_orders")
    return orders.select(
        "shop_id",
        "order_id",
        "day",
        gross=_ex_tax(orders.gross_sales, orders.taxes, orders.taxes_included),
        discounts=orders.discounts,
        shipping=orders.shipping,
        taxes=orders.taxes,
        duties=orders.duties.fill_null(0).cast(MONEY),
    )


def _returns(scope: Scope) -> ir.Table:
    refunds = scope.fact("refunds")
    parts = refunds.select(
        "shop_id",
        "order_id",
        "day",
        returned=_ex_tax(refunds.amount, refunds.taxes, refunds.taxes_included),
        shipping_returned=refunds.shipping,
        taxes_returned=refunds.taxes,
        duties_returned=refunds.duties.fill_null(0).cast(MONEY),
    )
    if not scope.config.revenue.cancellation_returns or scope.config.orders.exclude_cancelled:
        return parts
    return ibis.union(parts, _cancellation_returns(scope), distinct=False)


def _cancellation_returns(scope: Scope) -> ir.Table:
    """What a cancelled order's refunds have not returned, returned on its cancellation day."""
    orders = scope.fact("included_orders")
    cancelled = orders.filter(orders.cancelled_at.notnull())
    refunds = scope.sources.refunds
    refunded = refunds.group_by(["shop_id", "order_id"]).aggregate(
        r_amount=refunds.amount.sum(), r_shipping=refunds.shipping.sum(), r_taxes=refunds.taxes.sum(),
        r_duties=refunds.duties.fill_null(0).sum(),
    )
    joined = cancelled.left_join(refunded, ["shop_id", "order_id"])
    r_taxes = joined.r_taxes.fill_null(0)
    merchandise = _ex_tax(joined.gross_sales - joined.discounts, joined.taxes, joined.taxes_included)
    refunded_merchandise = _ex_tax(joined.r_amount.fill_null(0), r_taxes, joined.taxes_included)
    if scope.config.revenue.refund_dating == "refund_date":
        day = local_date(joined.cancelled_at, joined.shop_timezone)
    else:
        day = joined.day
    rows = joined.select(
        shop_id=joined.shop_id,
        order_id=joined.order_id,
        day=day,
        returned=(merchandise - refunded_merchandise).cast(MONEY),
        shipping_returned=(joined.shipping - joined.r_shipping.fill_null(0)).cast(MONEY),
        taxes_returned=(joined.taxes - r_taxes).cast(MONEY),
        duties_returned=(joined.duties.fill_null(0) - joined.r_duties.fill_null(0)).cast(MONEY),
    )
    returned = (rows.returned != 0) | (rows.shipping_returned != 0) | (rows.taxes_returned != 0)
    return rows.filter(returned | (rows.duties_returned != 0))


SALES_FACTS = (
    Fact("sales", _sales, "Included orders as Shopify's Sales report shows them (net of included tax), on the order day."),
    Fact(
        "returns",
        _returns,
        "Refunds (and, with revenue.cancellation_returns, cancellations) as returns, dated by revenue.refund_dating.",
    ),
)

def _customer_types(scope: Scope) -> ir.Table:
    """(shop_id, order_id, customer_type) of every included order: its customer's first ever, or a later one."""
    orders = scope.fact("included_orders")
    keyed = with_customer_key(orders.select("shop_id", "order_id", "customer_id", "email", "processed_at"),
                              scope.sources.customers)  # fmt: skip
    window = ibis.window(group_by=[keyed.shop_id, keyed.customer_key], order_by=[keyed.processed_at, keyed.order_id])
    first = ibis.row_number().over(window) == 0
    kind = keyed.customer_key.isnull().ifelse(ibis.null("string"), first.ifelse("first-time", "returning"))
    return keyed.select("shop_id", "order_id", customer_type=kind)


def _attach_customer_type(table: ir.Table, fact: str, scope: Scope) -> ir.Table | None:
    if fact not in ("included_orders", "sales", "refunds", "returns"):
        return None
    types = _customer_types(scope).rename(type_shop="shop_id", type_order="order_id")
    joined = table.left_join(types, [table.shop_id == types.type_shop, table.order_id == types.type_order])
    return joined.select(table, customer_type=types.customer_type)


CUSTOMER_TYPE = Dimension(
    "customer_type",
    "customer_type",
    "first-time (the customer's first included order ever) or returning; NULL for orders of nobody "
    "(returns follow their order).",
    _attach_customer_type,
)

_KNOBS = ("orders", "revenue")


def _money(name: str, description: str, *contributions: Contribution) -> Additive:
    return Additive(name=name, version=1, description=description, unit="money", knob_groups=_KNOBS, contributions=contributions)


SALES_METRICS = (
    _money("gross_sales", "Shopify's gross sales: price x quantity of the lines of included orders, before "
           "discounts, returns, shipping and taxes (net of the tax of tax-inclusive prices), on the order day.",
           Contribution("sales", lambda t, c: t.gross)),
    _money("discounts", "Shopify's discounts, negative: line and order discounts of included orders, on the order day.",
           Contribution("sales", lambda t, c: -t.discounts)),
    _money("returns", "Shopify's returns, negative: merchandise refunded (and cancelled, with revenue.cancellation_returns), "
           "dated by revenue.refund_dating.",
           Contribution("returns", lambda t, c: -t.returned)),
    _money("net_sales", "Shopify's net sales: gross_sales + discounts + returns (no shipping, no taxes).",
           Contribution("sales", lambda t, c: t.gross - t.discounts),
           Contribution("returns", lambda t, c: -t.returned)),
    _money("shipping", "Shipping charged on included orders (order day) minus shipping refunded (its return's day).",
           Contribution("sales", lambda t, c: t.shipping),
           Contribution("returns", lambda t, c: -t.shipping_returned)),
    _money("taxes", "Taxes charged on included orders (order day) minus taxes refunded (its return's day).",
           Contribution("sales", lambda t, c: t.taxes),
           Contribution("returns", lambda t, c: -t.taxes_returned)),
    _money("duties", "Import duties charged on included orders (order day) minus duties refunded (its return's day); "
           "0 where the source has none.",
           Contribution("sales", lambda t, c: t.duties),
           Contribution("returns", lambda t, c: -t.duties_returned)),
    _money("total_sales", "Shopify's total sales: net_sales + shipping + taxes + duties.",
           Contribution("sales", lambda t, c: t.gross - t.discounts + t.shipping + t.taxes + t.duties),
           Contribution("returns", lambda t, c: -(t.returned + t.shipping_returned + t.taxes_returned + t.duties_returned))),
    _money("ordered_sales", "gross_sales + discounts of included orders on their order day, ignoring later returns.",
           Contribution("sales", lambda t, c: t.gross - t.discounts)),
    Ratio(name="shopify_aov", version=1, unit="ratio", numerator="ordered_sales", denominator="orders",
          description="Shopify's average order value: ordered_sales / orders; NULL where there are no orders."),
)  # fmt: skip


def register(catalog: Registrar) -> None:
    for definition in (*SALES_FACTS, CUSTOMER_TYPE, *SALES_METRICS):
        catalog.register(definition)
