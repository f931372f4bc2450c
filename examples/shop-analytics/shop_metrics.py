"""A project's own metrics: gross merchandise sales, discounts and the discount rate.

metrics.toml names this file in `[project] modules`; `semantic` calls
`register(registry)` with the project's own registry.
"""

from semantic.metrics import Additive, Contribution, Ratio


def register(registry):
    registry.register(
        Additive(
            name="gross_sales",
            version=1,
            description="Price x quantity of included orders, before discounts.",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.gross_sales),),
        )
    )
    registry.register(
        Additive(
            name="discounts",
            version=1,
            description="Discounts of included orders (line and order level).",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.discounts),),
        )
    )
    registry.register(
        Ratio(
            name="discount_rate",
            version=1,
            description="discounts / gross_sales; NULL where there were no sales.",
            unit="ratio",
            numerator="discounts",
            denominator="gross_sales",
        )
    )
