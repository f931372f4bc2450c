"""This team's own metrics: merchandise sales, order discounts and the discount rate.

(The built-in gross_sales and discounts are Shopify's, in its signs; a project may
not redefine a built-in name.)

metrics.toml names this file in `[project] modules`; `semantic` calls
`register(catalog)` with the project's own catalog. Custom metrics get the same
governance (owner, fingerprint, approvals), compile targets and checks as the
built-in ones.
"""

from semantic.metrics import Additive, Contribution, Ratio


def register(catalog):
    catalog.register(
        Additive(
            name="merchandise_sales",
            version=1,
            description="Price x quantity of included orders, before discounts.",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.gross_sales),),
        )
    )
    catalog.register(
        Additive(
            name="order_discounts",
            version=1,
            description="Discounts of included orders (line and order level).",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.discounts),),
        )
    )
    catalog.register(
        Ratio(
            name="discount_rate",
            version=1,
            description="order_discounts / merchandise_sales; NULL where there were no sales.",
            unit="ratio",
            numerator="order_discounts",
            denominator="merchandise_sales",
        )
    )
