"""Attribution metrics and dimensions; `register(catalog)` adds them to a catalog.

Dimensions `channel`, `source`, `medium`, `campaign`, `platform` split the
attribution facts (each credited part carries them). Ad spend splits by
`platform` and `campaign` (its campaign_name, normalised like a UTM) only.
Under a single-touch model, order-level core metrics (revenue, orders) split by
them too, through the order's one credited touchpoint.

Metrics:

- `attributed_revenue`: each order's revenue (refunds under the same
  `revenue.refund_dating`, carrying their order's attribution) credited to its
  touchpoint(s); over all channels it equals `revenue` in every bucket;
- `attributed_orders`: orders credited to the bucket (under linear, an order
  counts in every bucket it has a part in);
- `paid_attributed_revenue`: attributed revenue won by paid touchpoints of the
  `spend.paid_platforms`; split by platform, of each platform;
- `roas_spend`: `paid_spend`; split by platform, each platform's spend;
- `roas` = paid_attributed_revenue / roas_spend, NULL where spend is 0;
- `attribution_rate` = non-direct orders / orders (0..1);
- `platform_conversion_value`: what the ad platforms report they earned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import ibis
import ibis.expr.types as ir

from semantic.attribution.journeys import model_of
from semantic.attribution.urls import normalise
from semantic.config import Config
from semantic.dimensions import Dimension
from semantic.metrics import Additive, Contribution, Ratio
from semantic.registration import Registrar
from semantic.scope import Scope

ATTRIBUTION_FACTS = ("order_attribution", "attribution_refund_credit")
ORDER_FACTS = ("included_orders", "refunds")


def _attach(column: str, spend_column: Callable[[ir.Table], ir.Value] | None):
    def attach(table: ir.Table, fact: str, scope: Scope) -> ir.Table | None:
        if fact in ATTRIBUTION_FACTS:
            return table
        if fact == "ad_spend":
            return table.mutate(**{column: spend_column(table)}) if spend_column else None
        if fact in ORDER_FACTS and not model_of(scope).credit_all:
            credit = scope.fact("order_attribution")
            picked = credit.select(a_shop=credit.shop_id, a_order=credit.order_id, a_value=credit[column])
            joined = table.left_join(picked, [table.shop_id == picked.a_shop, table.order_id == picked.a_order])
            return joined.select(*table.columns, **{column: joined.a_value})
        return None

    return attach


ATTRIBUTION_DIMENSIONS = tuple(
    Dimension(name, name, text, _attach(name, spend))
    for name, spend, text in (
        ("channel", None, "Channel of the credited touchpoint (GA4 default channel group, semantic/data/channels.toml)."),
        ("source", None, "Source of the credited touchpoint (utm_source, referrer source, or direct)."),
        ("medium", None, "Medium of the credited touchpoint (utm_medium, organic/social/referral/email, or none)."),
        ("campaign", lambda t: normalise(t.campaign_name), "Campaign: utm_campaign of the credited touchpoint; ad spend's campaign_name."),
        ("platform", lambda t: t.platform, "Ad platform of a paid credited touchpoint (attribution.platforms); ad spend's platform."),
    )
)


@dataclass(frozen=True)
class PlatformScoped:
    """A row filter (semantic.metrics.RowFilter) that widens when the query is split by platform.

    Unsplit, rows count only for the `spend.paid_platforms`; split by platform,
    every platform is its own bucket, so each platform's rows count.
    """

    base: Callable[[ir.Table, Config], ir.BooleanValue]
    platform_column: str = "platform"

    def predicate(self, table: ir.Table, scope: Scope) -> ir.BooleanValue:
        kept = self.base(table, scope.config)
        if "platform" in scope.by:
            return kept
        return kept & table[self.platform_column].isin(list(scope.config.spend.paid_platforms))


def _paid(table: ir.Table, config: Config) -> ir.BooleanValue:
    return table.is_paid


def _any(table: ir.Table, config: Config) -> ir.BooleanValue:
    return ibis.literal(True)


_PAID_CREDIT = PlatformScoped(_paid)
_SPEND = PlatformScoped(_any)
_KNOBS = ("orders", "revenue", "attribution")
# Counting orders reads which orders count and who wins them, never what revenue adds up.
_COUNT_KNOBS = ("orders", "attribution")

ATTRIBUTION_METRICS = (
    Additive(
        name="attributed_revenue",
        version=1,
        description=(
            "Revenue (as `revenue`, refunds included) credited to the touchpoint that won each order "
            "(last non-direct click in a 7-day window by default; --model first_click|linear)."
        ),
        unit="money",
        knob_groups=_KNOBS,
        contributions=(
            Contribution("order_attribution", lambda t, c: t.credited_revenue),
            Contribution("attribution_refund_credit", lambda t, c: -t.credited_refund),
        ),
    ),
    Additive(
        name="attributed_orders",
        version=1,
        description="Included orders credited to the bucket's touchpoints (under linear, once in each bucket with a part).",
        unit="count",
        knob_groups=_COUNT_KNOBS,
        contributions=(Contribution("order_attribution", lambda t, c: ibis.literal(1, "int64")),),
    ),
    Additive(
        name="paid_attributed_revenue",
        version=1,
        description="Attributed revenue of orders won by a paid touchpoint of the paid platforms (by platform: of that platform).",
        unit="money",
        knob_groups=(*_KNOBS, "spend"),
        contributions=(
            Contribution("order_attribution", lambda t, c: t.credited_revenue, where=_PAID_CREDIT),
            Contribution("attribution_refund_credit", lambda t, c: -t.credited_refund, where=_PAID_CREDIT),
        ),
    ),
    Additive(
        name="roas_spend",
        version=1,
        description="Spend of the paid platforms, as paid_spend (by platform: each platform's spend).",
        unit="money",
        knob_groups=("spend",),
        contributions=(Contribution("ad_spend", lambda t, c: t.spend, where=_SPEND),),
    ),
    Ratio(
        name="roas",
        version=1,
        description="Return on ad spend: paid_attributed_revenue / roas_spend; NULL where spend is 0.",
        unit="ratio",
        numerator="paid_attributed_revenue",
        denominator="roas_spend",
    ),
    Additive(
        name="nondirect_orders",
        version=1,
        description="Included orders credited to a non-direct touchpoint.",
        unit="count",
        knob_groups=_COUNT_KNOBS,
        contributions=(
            Contribution(
                "order_attribution",
                lambda t, c: ibis.literal(1, "int64"),
                where=lambda t, c: (t.part == 0) & ~t.is_direct,
            ),
        ),
    ),
    Ratio(
        name="attribution_rate",
        version=1,
        description="Fraction (0..1) of included orders not attributed to direct: nondirect_orders / orders.",
        unit="ratio",
        numerator="nondirect_orders",
        denominator="orders",
    ),
    Additive(
        name="platform_conversion_value",
        version=1,
        description="Conversion value the ad platforms report for themselves (ad_spend.platform_conversion_value).",
        unit="money",
        knob_groups=(),
        contributions=(
            Contribution("ad_spend", lambda t, c: ibis.coalesce(t.platform_conversion_value, ibis.literal(0, "decimal(18, 2)"))),
        ),
    ),
)


def register(catalog: Registrar) -> None:
    for definition in (*ATTRIBUTION_DIMENSIONS, *ATTRIBUTION_METRICS):
        catalog.register(definition)
