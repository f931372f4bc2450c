"""This team's own metrics: gross merchandise sales, discounts and the discount rate.

metrics.toml names this file in `[project] modules`; `semantic` calls
`register(catalog)` with the project's own catalog. Custom metrics get the same
governance (owner, fingerprint, approvals), compile targets and checks as the
built-in ones.
"""

from semantic.metrics import Additive, Contribution, Ratio


def register(catalog):
    catalog.register(
        Additive(
            name="gross_sales",
            version=1,
            description="Price x quantity of included orders, before discounts.",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.gross_sales),),
        )
    )
    catalog.register(
        Additive(
            name="discounts",
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
            description="Share of gross sales given away as discounts: discounts / gross_sales; NULL without sales.",
            unit="ratio",
            numerator="discounts",
            denominator="gross_sales",
        )
    )
