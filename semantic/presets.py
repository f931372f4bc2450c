"""Source presets: the contract tables as Ibis expressions over a loader's own tables, read in place.

`[sources] preset = "fivetran_shopify"` reads the tables Fivetran's Shopify
connector (REST schema) writes, with no copy: every contract table Shopify
holds (shops, orders, order_lines, refunds, customers) is an expression over
the connector's `shop`, `order`, `order_line`, `order_shipping_line`,
`refund`, `order_line_refund` and `order_adjustment`; sessions and ad spend
come from their own tables as before. Mapping facts honoured:

- the shop: `shop.id` of the connection's one shop row, or `source_relation`
  on every table when several connections are unioned (`[sources]
  source_relation = true`), so the ids of two shops never meet;
- time zone `shop.iana_timezone` (never `shop.timezone`, a display string such
  as "(GMT-05:00) Eastern Time (US & Canada)"), currency `shop.currency`;
- ids cast to text; rows with `_fivetran_deleted` true dropped; `processed_at`
  falling back to `created_at`; financial statuses lower-cased;
- gross sales = price x quantity of lines that are not gift cards (a gift card
  sold is a liability, not a sale); shipping = the shipping lines' discounted price;
- a refund's merchandise = its lines' subtotal minus its `refund_discrepancy`
  adjustments; its shipping = minus its `shipping_refund` adjustments (Shopify
  writes them negative); its taxes = its lines' tax minus its adjustments' tax;
- timestamps: the connector's columns are instants unless `[sources]
  naive_timestamps = "UTC"` (or another IANA zone) says they are naive wall
  clock in that zone; the warehouse check refuses a naive column without it.

Unlike dbt_shopify's `shopify__daily_shop` (one project-wide time zone and
`created_at` dating), every shop here is dated by processed_at in its own zone.

>>> sorted(PRESETS["fivetran_shopify"].covers)
['customers', 'order_lines', 'orders', 'refunds', 'shops']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import ibis
import ibis.expr.types as ir

from semantic.contract import CONTRACT
from semantic.portable import instant_from_local

MONEY = "decimal(18, 2)"
# Kinds of a raw column, as the warehouse check reads them: what physical types fit.
ID, MONEYISH, INSTANT, TEXT, BOOL, COUNT = "id", "money", "instant", "text", "boolean", "count"
_IBIS_TYPE = {ID: "int64", MONEYISH: "float64", TEXT: "string", BOOL: "boolean", COUNT: "int64"}


@dataclass(frozen=True)
class RawTable:
    """A loader's table and the columns a preset reads of it, by kind."""

    name: str
    columns: Mapping[str, str]  # column -> kind

    def ibis_schema(self, naive_zone: str | None, source_relation: bool) -> dict[str, str]:
        schema = {c: (_instant_type(naive_zone) if k == INSTANT else _IBIS_TYPE[k]) for c, k in self.columns.items()}
        if source_relation:
            schema["source_relation"] = "string"
        return schema


def _instant_type(naive_zone: str | None) -> str:
    return "timestamp" if naive_zone else "timestamp('UTC')"


@dataclass(frozen=True)
class PresetContext:
    """What building a preset's expressions needs: its raw tables (unbound) and the [sources] settings."""

    raw: Callable[[str], ir.Table]
    naive_zone: str | None
    source_relation: bool
    # loader table -> its columns under the REST schema's names (the GraphQL schema's are renamed)
    adapters: Mapping[str, Callable[[ir.Table], ir.Table]] = field(default_factory=dict)

    def table(self, name: str) -> ir.Table:
        """Loader table `name` in the REST schema's shape."""
        adapt = self.adapters.get(name)
        return adapt(self.raw(name)) if adapt else self.raw(name)

    def instant(self, value: ir.TimestampValue) -> ir.TimestampValue:
        """A raw timestamp as a UTC instant (naive ones read in the declared zone)."""
        return instant_from_local(value, self.naive_zone) if self.naive_zone else value


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    raw_tables: tuple[RawTable, ...]
    # contract table -> (the raw tables it reads, how to build it)
    builders: Mapping[str, tuple[tuple[str, ...], Callable[[PresetContext], ir.Table]]]
    adapters: Mapping[str, Callable[[ir.Table], ir.Table]] = field(default_factory=dict)

    @property
    def covers(self) -> tuple[str, ...]:
        return tuple(self.builders)

    def raw_table(self, name: str) -> RawTable:
        return next(t for t in self.raw_tables if t.name == name)

    def reads(self, logical: str) -> tuple[RawTable, ...]:
        return tuple(self.raw_table(n) for n in self.builders[logical][0])

    def build(self, logical: str, context: PresetContext) -> ir.Table:
        table = self.builders[logical][1](replace(context, adapters=self.adapters))
        contract = CONTRACT[logical]
        return table.select(*[table[c].cast(t) for c, t in contract.columns.items()])


# -- Fivetran's Shopify connector, REST schema -------------------------------------

FIVETRAN_REST_TABLES = (
    RawTable("shop", {"id": ID, "iana_timezone": TEXT, "currency": TEXT, "_fivetran_deleted": BOOL}),
    RawTable("order", {
        "id": ID, "customer_id": ID, "email": TEXT, "created_at": INSTANT, "processed_at": INSTANT,
        "cancelled_at": INSTANT, "financial_status": TEXT, "test": BOOL, "total_discounts": MONEYISH,
        "total_tax": MONEYISH, "taxes_included": BOOL, "landing_site_base_url": TEXT, "referring_site": TEXT,
        "_fivetran_synced": INSTANT, "_fivetran_deleted": BOOL,
    }),
    RawTable("order_line", {
        "id": ID, "order_id": ID, "product_id": ID, "quantity": COUNT, "price": MONEYISH,
        "total_discount": MONEYISH, "gift_card": BOOL,
    }),
    RawTable("order_shipping_line", {"id": ID, "order_id": ID, "discounted_price": MONEYISH}),
    RawTable("refund", {"id": ID, "order_id": ID, "created_at": INSTANT, "processed_at": INSTANT,
                        "_fivetran_synced": INSTANT}),
    RawTable("order_line_refund", {"id": ID, "refund_id": ID, "order_line_id": ID, "subtotal": MONEYISH,
                                   "total_tax": MONEYISH}),
    RawTable("order_adjustment", {"id": ID, "order_id": ID, "refund_id": ID, "amount": MONEYISH,
                                  "tax_amount": MONEYISH, "kind": TEXT}),
    RawTable("customer", {"id": ID, "email": TEXT, "created_at": INSTANT, "_fivetran_synced": INSTANT}),
)  # fmt: skip


def _text_id(value: ir.Value) -> ir.StringValue:
    return value.cast("int64").cast("string")


def _money(value: ir.Value) -> ir.DecimalValue:
    return value.cast(MONEY)


def _live(table: ir.Table) -> ir.Table:
    return table.filter(~table._fivetran_deleted.fill_null(False)) if "_fivetran_deleted" in table.columns else table


def _shop_rows(ctx: PresetContext) -> ir.Table:
    shop = _live(ctx.table("shop"))
    key = shop.source_relation if ctx.source_relation else _text_id(shop.id)
    return shop.select(shop_id=key, timezone=shop.iana_timezone, currency=shop.currency)


def _with_shop(table: ir.Table, ctx: PresetContext) -> ir.Table:
    """`table` with `shop_id`: its source_relation, or the connection's one shop."""
    if ctx.source_relation:
        return table.mutate(shop_id=table.source_relation)
    shops = _shop_rows(ctx).select(shop_key="shop_id")
    return table.cross_join(shops).rename(shop_id="shop_key")


def _per_order(ctx: PresetContext, table: ir.Table, **sums: Callable[[ir.Table], ir.Value]) -> ir.Table:
    keys = ["order_id", "source_relation"] if ctx.source_relation else ["order_id"]
    return table.group_by(keys).aggregate(**{name: f(table).sum() for name, f in sums.items()})


def _orders(ctx: PresetContext) -> ir.Table:
    order = _live(ctx.table("order"))
    lines = ctx.table("order_line")
    sales = lines.filter(~lines.gift_card.fill_null(False))
    gross = _per_order(ctx, sales, gross=lambda t: _money(t.price) * t.quantity)
    shipping_lines = ctx.table("order_shipping_line")
    shipping = _per_order(ctx, shipping_lines, shipping=lambda t: _money(t.discounted_price))
    keys = ["id"] + (["source_relation"] if ctx.source_relation else [])
    on_gross = [order[k] == gross[k if k != "id" else "order_id"] for k in keys]
    with_gross = order.left_join(gross, on_gross).select(order, gross=gross.gross)
    on_ship = [with_gross[k] == shipping[k if k != "id" else "order_id"] for k in keys]
    joined = with_gross.left_join(shipping, on_ship).select(with_gross, shipping=shipping.shipping)
    joined = _with_shop(joined, ctx)
    created = ctx.instant(joined.created_at)
    return joined.select(
        shop_id=joined.shop_id,
        order_id=_text_id(joined.id),
        customer_id=_text_id(joined.customer_id),
        email=joined.email,
        created_at=created,
        processed_at=ibis.coalesce(ctx.instant(joined.processed_at), created),
        financial_status=joined.financial_status.lower(),
        cancelled_at=ctx.instant(joined.cancelled_at),
        is_test=joined.test.fill_null(False),
        gross_sales=_money(joined.gross.fill_null(0)),
        discounts=_money(joined.total_discounts.fill_null(0)),
        shipping=_money(joined.shipping.fill_null(0)),
        taxes=_money(joined.total_tax.fill_null(0)),
        visitor_id=ibis.null("string"),
        landing_site=joined.landing_site_base_url,
        referring_site=joined.referring_site,
        _loaded_at=ctx.instant(joined._fivetran_synced),
        taxes_included=joined.taxes_included,
        duties=ibis.null(MONEY),  # not read from the connector yet: no duties
    )


def _order_lines(ctx: PresetContext) -> ir.Table:
    lines = ctx.table("order_line")
    lines = _with_shop(lines.filter(~lines.gift_card.fill_null(False)), ctx)
    return lines.select(
        shop_id=lines.shop_id,
        order_id=_text_id(lines.order_id),
        line_id=_text_id(lines.id),
        product_id=_text_id(lines.product_id),
        quantity=lines.quantity,
        price=_money(lines.price),
        discount=_money(lines.total_discount.fill_null(0)),
    )


def _per_refund(ctx: PresetContext, table: ir.Table, **sums: Callable[[ir.Table], ir.Value]) -> ir.Table:
    keys = ["refund_id", "source_relation"] if ctx.source_relation else ["refund_id"]
    return table.group_by(keys).aggregate(**{name: f(table).sum() for name, f in sums.items()})


def _refunds(ctx: PresetContext) -> ir.Table:
    refund = ctx.table("refund")
    line_refunds = _per_refund(
        ctx, ctx.table("order_line_refund"),
        subtotal=lambda t: _money(t.subtotal), line_tax=lambda t: _money(t.total_tax),
    )  # fmt: skip
    adjustments = _per_refund(
        ctx, ctx.table("order_adjustment"),
        discrepancy=lambda t: (t.kind == "refund_discrepancy").ifelse(_money(t.amount), 0),
        shipping_adjusted=lambda t: (t.kind == "shipping_refund").ifelse(_money(t.amount), 0),
        discrepancy_tax=lambda t: (t.kind == "refund_discrepancy").ifelse(_money(t.tax_amount.fill_null(0)), 0),
        adjustment_tax=lambda t: _money(t.tax_amount.fill_null(0)),
    )  # fmt: skip
    keys = ["id"] + (["source_relation"] if ctx.source_relation else [])
    lines = refund.left_join(line_refunds, [refund[k] == line_refunds[k if k != "id" else "refund_id"] for k in keys])
    lines = lines.select(refund, subtotal=line_refunds.subtotal, line_tax=line_refunds.line_tax)
    joined = lines.left_join(adjustments, [lines[k] == adjustments[k if k != "id" else "refund_id"] for k in keys])
    sums = ("discrepancy", "discrepancy_tax", "shipping_adjusted", "adjustment_tax")
    joined = _with_shop(joined.select(lines, *[adjustments[c] for c in sums]), ctx)
    zero = lambda v: v.fill_null(0)  # noqa: E731
    if "total_refunded" in joined.columns:
        joined = _with_taxes_included(joined, ctx)
        exclusive = ~joined.taxes_included.fill_null(False)
        # GraphQL has no shipping adjustments: refunded shipping (its tax inside) is what the
        # refund's total holds beyond its lines (and their tax, unless prices include it),
        # with the discrepancy given back.
        shipping = (
            _money(joined.total_refunded) - zero(joined.subtotal) - exclusive.ifelse(zero(joined.line_tax), 0)
            + zero(joined.discrepancy) + exclusive.ifelse(zero(joined.discrepancy_tax), 0)
        )  # fmt: skip
    else:
        shipping = -zero(joined.shipping_adjusted)
    return joined.select(
        shop_id=joined.shop_id,
        refund_id=_text_id(joined.id),
        order_id=_text_id(joined.order_id),
        processed_at=ibis.coalesce(ctx.instant(joined.processed_at), ctx.instant(joined.created_at)),
        amount=_money(zero(joined.subtotal) - zero(joined.discrepancy)),
        shipping=_money(shipping),
        taxes=_money(zero(joined.line_tax) - zero(joined.adjustment_tax)),
        _loaded_at=ctx.instant(joined._fivetran_synced),
        duties=ibis.null(MONEY),
    )


def _with_taxes_included(refunds: ir.Table, ctx: PresetContext) -> ir.Table:
    order = ctx.table("order")
    keys = ["id"] + (["source_relation"] if ctx.source_relation else [])
    flags = order.select(*keys, taxes_included=order.taxes_included).rename(order_key="id")
    on = [refunds.order_id == flags.order_key] + ([refunds.source_relation == flags.source_relation] if ctx.source_relation else [])
    return refunds.left_join(flags, on).select(refunds, taxes_included=flags.taxes_included)


def _customers(ctx: PresetContext) -> ir.Table:
    customer = _with_shop(_live(ctx.table("customer")), ctx)
    return customer.select(
        shop_id=customer.shop_id,
        customer_id=_text_id(customer.id),
        email=customer.email,
        created_at=ctx.instant(customer.created_at),
        _loaded_at=ctx.instant(customer._fivetran_synced),
    )


FIVETRAN_SHOPIFY = Preset(
    name="fivetran_shopify",
    description="Fivetran's Shopify connector, REST schema (shop, order, order_line, refund, ...), read in place.",
    raw_tables=FIVETRAN_REST_TABLES,
    builders=MappingProxyType({
        "shops": (("shop",), _shop_rows),
        "orders": (("order", "order_line", "order_shipping_line", "shop"), _orders),
        "order_lines": (("order_line", "shop"), _order_lines),
        "refunds": (("refund", "order_line_refund", "order_adjustment", "shop"), _refunds),
        "customers": (("customer", "shop"), _customers),
    }),
)  # fmt: skip

# -- Fivetran's Shopify connector, GraphQL schema -----------------------------------
# The same tables, money in `*_set_shop_amount` columns (shop currency), upper-case
# statuses, no landing or referring site, refunds dated by created_at, and order
# adjustments that are all refund discrepancies (refunded shipping is derived).

_SHOP = "_set_shop_amount"
FIVETRAN_GRAPHQL_TABLES = (
    RawTable("shop", {"id": ID, "iana_timezone": TEXT, "currency_code": TEXT, "_fivetran_deleted": BOOL}),
    RawTable("order", {
        "id": ID, "customer_id": ID, "email": TEXT, "created_at": INSTANT, "processed_at": INSTANT,
        "cancelled_at": INSTANT, "display_financial_status": TEXT, "test": BOOL,
        f"total_discounts{_SHOP}": MONEYISH, f"total_tax{_SHOP}": MONEYISH, "taxes_included": BOOL,
        "_fivetran_synced": INSTANT, "_fivetran_deleted": BOOL,
    }),
    RawTable("order_line", {
        "id": ID, "order_id": ID, "product_id": ID, "quantity": COUNT, f"original_unit_price{_SHOP}": MONEYISH,
        f"total_discount{_SHOP}": MONEYISH, "is_gift_card": BOOL,
    }),
    RawTable("order_shipping_line", {"id": ID, "order_id": ID, f"discounted_price{_SHOP}": MONEYISH}),
    RawTable("refund", {"id": ID, "order_id": ID, "created_at": INSTANT, f"total_refunded{_SHOP}": MONEYISH,
                        "_fivetran_synced": INSTANT}),
    RawTable("order_line_refund", {"id": ID, "refund_id": ID, "order_line_id": ID, f"subtotal{_SHOP}": MONEYISH,
                                   f"total_tax{_SHOP}": MONEYISH}),
    RawTable("order_adjustment", {"id": ID, "refund_id": ID, f"amount{_SHOP}": MONEYISH,
                                  f"tax_amount{_SHOP}": MONEYISH, "reason": TEXT}),
    RawTable("customer", {"id": ID, "email": TEXT, "created_at": INSTANT, "_fivetran_synced": INSTANT}),
)  # fmt: skip


def _renamed(**names: str) -> Callable[[ir.Table], ir.Table]:
    """An adapter renaming GraphQL columns to the REST names the builders read (rest_name="graphql_name")."""

    def adapt(table: ir.Table) -> ir.Table:
        return table.rename(**names)

    return adapt


def _graphql_order(table: ir.Table) -> ir.Table:
    table = table.rename(financial_status="display_financial_status", total_discounts=f"total_discounts{_SHOP}",
                         total_tax=f"total_tax{_SHOP}")  # fmt: skip
    return table.mutate(landing_site_base_url=ibis.null("string"), referring_site=ibis.null("string"))


def _graphql_refund(table: ir.Table) -> ir.Table:
    return table.rename(total_refunded=f"total_refunded{_SHOP}").mutate(processed_at=table.created_at)


def _graphql_adjustment(table: ir.Table) -> ir.Table:
    table = table.rename(amount=f"amount{_SHOP}", tax_amount=f"tax_amount{_SHOP}")
    return table.mutate(kind=ibis.literal("refund_discrepancy"))


FIVETRAN_SHOPIFY_GRAPHQL = Preset(
    name="fivetran_shopify_graphql",
    description="Fivetran's Shopify connector, GraphQL schema (*_set_shop_amount money, upper-case statuses), read in place.",
    raw_tables=FIVETRAN_GRAPHQL_TABLES,
    builders=MappingProxyType({
        **FIVETRAN_SHOPIFY.builders,
        "refunds": (("refund", "order_line_refund", "order_adjustment", "order", "shop"), _refunds),
    }),
    adapters=MappingProxyType({
        "shop": _renamed(currency="currency_code"),
        "order": _graphql_order,
        "order_line": _renamed(price=f"original_unit_price{_SHOP}", total_discount=f"total_discount{_SHOP}",
                               gift_card="is_gift_card"),
        "order_shipping_line": _renamed(discounted_price=f"discounted_price{_SHOP}"),
        "refund": _graphql_refund,
        "order_line_refund": _renamed(subtotal=f"subtotal{_SHOP}", total_tax=f"total_tax{_SHOP}"),
        "order_adjustment": _graphql_adjustment,
    }),
)  # fmt: skip

PRESETS: MappingProxyType = MappingProxyType({p.name: p for p in (FIVETRAN_SHOPIFY, FIVETRAN_SHOPIFY_GRAPHQL)})
