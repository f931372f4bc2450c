"""The core metrics, version 1: revenue, orders, aov, paid_spend, mer, new_customers, cac.

The plain-English definitions are in metrics.toml and the README; the knobs
they read are in `semantic.config`. `register(catalog)` adds them to a catalog.
"""

from __future__ import annotations

import ibis

from semantic.metrics import Additive, Contribution, Ratio
from semantic.registration import Registrar

CORE_METRICS = (
    Additive(
        name="revenue",
        version=1,
        description=(
            "gross_sales - discounts + shipping + taxes of included orders, minus their refunds "
            "(merchandise, plus refunded shipping and taxes where those are included), on the "
            "order's shop-local day (or the refund's, with refund_dating = refund_date)."
        ),
        unit="money",
        knob_groups=("orders", "revenue"),
        contributions=(
            Contribution("included_orders", lambda t, c: t.order_revenue),
            Contribution("refunds", lambda t, c: -t.refund_total),
        ),
    ),
    Additive(
        name="orders",
        version=1,
        description="Count of included orders: not test, not cancelled, financial_status paid, partially_refunded or refunded.",
        unit="count",
        knob_groups=("orders",),
        contributions=(Contribution("included_orders", lambda t, c: ibis.literal(1, "int64")),),
    ),
    Ratio(
        name="aov",
        version=1,
        description="Average order value: revenue / orders; NULL where there are no orders.",
        unit="ratio",
        numerator="revenue",
        denominator="orders",
    ),
    Additive(
        name="paid_spend",
        version=1,
        description="Ad spend on the paid platforms (spend.paid_platforms, default meta and google), on the shop-local date.",
        unit="money",
        knob_groups=("spend",),
        contributions=(Contribution("ad_spend", lambda t, c: t.spend, where=lambda t, c: t.is_paid),),
    ),
    Ratio(
        name="mer",
        version=1,
        description="Marketing efficiency ratio (blended return): revenue / paid_spend; NULL where spend is 0.",
        unit="ratio",
        numerator="revenue",
        denominator="paid_spend",
    ),
    Additive(
        name="new_customers",
        version=1,
        description=(
            "Customers (customer_id; guests by their customers-row or normalised email) counted on the "
            "shop-local day of their first included order that is not fully refunded, over all history."
        ),
        unit="count",
        knob_groups=("orders", "customers"),
        contributions=(Contribution("acquisitions", lambda t, c: ibis.literal(1, "int64")),),
    ),
    Ratio(
        name="cac",
        version=1,
        description="Customer acquisition cost: paid_spend / new_customers; NULL where there are no new customers.",
        unit="ratio",
        numerator="paid_spend",
        denominator="new_customers",
    ),
)


def register(catalog: Registrar) -> None:
    for metric in CORE_METRICS:
        catalog.register(metric)
