"""The source contract: the tables and columns `semantic` reads, with their types.

All money is DECIMAL(18,2); all timestamps are UTC instants (`timestamp('UTC')`,
TIMESTAMPTZ on DuckDB and PostgreSQL, TIMESTAMP on BigQuery); every table
carries `shop_id`, the tenant. Ids are strings unique within their shop.

metrics.toml may map each table and column to another physical name
(`[sources.tables.orders] name = "..."`, `columns = { ... }`); the names below
are the logical ones every metric is written against.

>>> CONTRACT["orders"].columns["gross_sales"]
'decimal(18, 2)'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

MONEY = "decimal(18, 2)"
INSTANT = "timestamp('UTC')"

# Shopify's values for orders.financial_status (REST lower case; GraphQL's
# displayFinancialStatus writes the same names in upper case). `expired`: an
# authorization that lapsed before it was captured (never paid).
FINANCIAL_STATUSES = (
    "pending",
    "authorized",
    "partially_paid",
    "paid",
    "partially_refunded",
    "refunded",
    "voided",
    "expired",
)


@dataclass(frozen=True)
class ContractTable:
    """One table of the contract: its logical name, typed columns and nullable ones."""

    name: str
    columns: MappingProxyType  # logical column name -> Ibis type string
    nullable: frozenset[str] = field(default_factory=frozenset)
    description: str = ""
    # Nullable columns a file may leave out (loaded as NULL): columns added after
    # the contract's first version, so older exports still load.
    optional: frozenset[str] = field(default_factory=frozenset)

    def schema(self) -> dict[str, str]:
        """The Ibis schema as a plain dict, NOT NULL where the contract says so."""
        return {c: (t if c in self.nullable else f"!{t}") for c, t in self.columns.items()}


def _table(
    name: str, description: str, nullable: tuple[str, ...] = (), optional: tuple[str, ...] = (), **columns: str
) -> ContractTable:
    return ContractTable(
        name=name,
        columns=MappingProxyType(dict(columns)),
        nullable=frozenset(nullable) | frozenset(optional),
        description=description,
        optional=frozenset(optional),
    )


CONTRACT: MappingProxyType = MappingProxyType(
    {
        t.name: t
        for t in (
            _table(
                "shops",
                "One row per shop: its IANA time zone and ISO currency.",
                shop_id="string",
                timezone="string",
                currency="string",
            ),
            _table(
                "orders",
                "One row per order, as Shopify stands now. taxes_included: the order's prices "
                "(lines and shipping) already contain its taxes (NULL: they do not). duties: import "
                "duties charged on top of the prices (NULL: none, counted as 0).",
                ("customer_id", "email", "cancelled_at", "visitor_id", "landing_site", "referring_site"),
                ("taxes_included", "duties"),
                shop_id="string",
                order_id="string",
                customer_id="string",
                email="string",
                created_at=INSTANT,
                processed_at=INSTANT,
                financial_status="string",
                cancelled_at=INSTANT,
                is_test="boolean",
                gross_sales=MONEY,
                discounts=MONEY,
                shipping=MONEY,
                taxes=MONEY,
                visitor_id="string",
                landing_site="string",
                referring_site="string",
                _loaded_at=INSTANT,
                taxes_included="boolean",
                duties=MONEY,
            ),
            _table(
                "order_lines",
                "One row per order line; gross_sales of an order is the sum of price x quantity.",
                shop_id="string",
                order_id="string",
                line_id="string",
                product_id="string",
                quantity="int64",
                price=MONEY,
                discount=MONEY,
            ),
            _table(
                "refunds",
                "One row per refund; amount is the merchandise refunded; duties: duties refunded "
                "(NULL: none, counted as 0).",
                (),
                ("duties",),
                shop_id="string",
                refund_id="string",
                order_id="string",
                processed_at=INSTANT,
                amount=MONEY,
                shipping=MONEY,
                taxes=MONEY,
                _loaded_at=INSTANT,
                duties=MONEY,
            ),
            _table(
                "customers",
                "One row per customer account.",
                ("email",),
                shop_id="string",
                customer_id="string",
                email="string",
                created_at=INSTANT,
                _loaded_at=INSTANT,
            ),
            _table(
                "sessions",
                "One row per storefront session (a touchpoint for attribution).",
                (
                    "customer_id",
                    "landing_url",
                    "referrer",
                    "utm_source",
                    "utm_medium",
                    "utm_campaign",
                    "utm_content",
                    "utm_term",
                ),
                shop_id="string",
                session_id="string",
                visitor_id="string",
                customer_id="string",
                started_at=INSTANT,
                landing_url="string",
                referrer="string",
                utm_source="string",
                utm_medium="string",
                utm_campaign="string",
                utm_content="string",
                utm_term="string",
                _loaded_at=INSTANT,
            ),
            _table(
                "ad_spend",
                "Daily spend per campaign; `date` is the shop-local day.",
                ("platform_conversion_value",),
                shop_id="string",
                date="date",
                platform="string",
                campaign_id="string",
                campaign_name="string",
                spend=MONEY,
                impressions="int64",
                clicks="int64",
                platform_conversion_value=MONEY,
                _loaded_at=INSTANT,
            ),
        )
    }
)
