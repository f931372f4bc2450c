"""The warning checks: NULL shares that hint at a broken extract, day-over-day jumps, anomalies, new sources.

All warn by default (`[checks.NAME] severity = "error"` makes one block).

- `email_nulls` (orders.email > 5% NULL) and `utm_source_nulls` (sessions.utm_source > 50% NULL);
- `orders_jump` (3x the day before), `revenue_jump` (5x), `ad_spend_jump` (2x), per shop;
- `orders_anomaly`, `revenue_anomaly` (z-score over 3) and `aov_anomaly` (over 2): see `anomalies`;
- `attribution_rate` below 50% per shop over the last 28 days (off unless
  `[checks.attribution_rate] enabled = true`: it runs the whole attribution,
  about two minutes at a million orders on two cores);
- `new_traffic_source`: a utm_source of the last day not seen in the 28 days before.

Jumps and anomalies test the detection period: the run's `--start`/`--end`
(a backfill's range), else the last two days up to the run's day.

Anomalies, done as the neighbours' users asked: each day's value is compared
with a trailing window of the same shop (default 14 points, at least 7) that
excludes the tested day itself, and, in a second pass, every day the first
pass flagged, so a spike never hides inside its own baseline nor inflates the
next days'. `seasonality = "day_of_week"` compares Mondays with Mondays;
`direction` is spike, drop or both; `min_change` is the smallest absolute
difference from the mean that counts (ten orders a day should page nobody).

>>> [c.name for c in TREND_CHECKS][:2]
['email_nulls', 'utm_source_nulls']
"""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir

from semantic.checks import Check, CheckContext
from semantic.quality_checks import null_shares
from semantic.registration import Registrar

DAILY = ("orders", "revenue", "ad_spend")


def daily_series(context: CheckContext, measure: str) -> ir.Table:
    """(shop_id, day, value) per shop-local day: included orders, revenue (refunds dated per the knobs), or ad spend."""
    scope = context.scope
    if measure == "ad_spend":
        spend = scope.fact("ad_spend")
        return spend.group_by(["shop_id", "day"]).aggregate(value=spend.spend.sum().cast("float64"))
    orders = scope.fact("included_orders")
    sold = orders.group_by(["shop_id", "day"]).aggregate(orders=orders.count(), order_revenue=orders.order_revenue.sum())
    if measure == "orders":
        return sold.select("shop_id", "day", value=sold.orders.cast("float64"))
    refunds = scope.fact("refunds")
    refunded = refunds.group_by(["shop_id", "day"]).aggregate(refunded=refunds.refund_total.sum())
    joined = sold.left_join(refunded, ["shop_id", "day"])
    revenue = (joined.order_revenue - ibis.coalesce(joined.refunded, 0)).cast("float64")
    if measure == "revenue":
        return joined.select(shop_id=joined.shop_id, day=joined.day, value=revenue)
    return joined.select(shop_id=joined.shop_id, day=joined.day, value=revenue / joined.orders.cast("float64"))  # aov


def _jump(measure: str, default: float):
    def build(context: CheckContext) -> ir.Table:
        today = daily_series(context, measure)
        before = daily_series(context, measure).select(shop_id="shop_id", next_day=ibis._.day + ibis.interval(days=1), previous="value")
        joined = today.join(before, [today.shop_id == before.shop_id, today.day == before.next_day])
        pairs = joined.select(shop_id=today.shop_id, day=today.day, value=today.value.round(2), previous=joined.previous.round(2))
        floor = ibis.literal(float(context.entry.min_change or 0), type="float64")
        factor = context.shop_threshold(pairs.shop_id, default)
        first, last = context.detection_period()
        found = pairs.filter(pairs.day.between(first, last) & (pairs.previous > 0) & (pairs.value > pairs.previous * factor) & (pairs.value - pairs.previous >= floor))
        return found.mutate(ratio=(found.value / found.previous).round(2))

    return build


def anomalies(context: CheckContext, series: ir.Table, default_sensitivity: float) -> ir.Table:
    """Days whose value is more than `sensitivity` standard deviations from the trailing mean of the same shop."""
    entry = context.entry
    window_days = entry.window_days or 14
    min_points = entry.min_points or 7
    groups = ["shop_id"] + (["weekday"] if entry.seasonality == "day_of_week" else [])
    series = series.mutate(weekday=series.day.day_of_week.index())

    def scored(table: ir.Table, excluded: str | None) -> ir.Table:
        # The window ends the point before: the tested day is never in its own baseline.
        window = ibis.window(group_by=[table[g] for g in groups], order_by=table.day, rows=(-window_days, -1))
        kept = table.value if excluded is None else ibis.ifelse(table[excluded], ibis.null("float64"), table.value)
        return table.mutate(
            mean=kept.mean().over(window), sd=kept.std(how="sample").over(window), points=kept.count().over(window)
        )

    def flagged(table: ir.Table, direction: str) -> ir.BooleanValue:
        z = (table.value - table.mean) / table.sd.nullif(0)
        sensitivity = context.shop_threshold(table.shop_id, default_sensitivity)
        spike, drop = z > sensitivity, z < -sensitivity
        direction = {"spike": spike, "drop": drop}.get(direction, spike | drop)
        big_enough = (table.value - table.mean).abs() >= float(entry.min_change or 0)
        return direction & big_enough & (table.points >= min_points)

    first = scored(series, None)
    # Any outlier leaves the baselines, spike or drop, whichever direction is tested.
    first = first.mutate(first_flag=ibis.coalesce(flagged(first, "both"), False)).drop("mean", "sd", "points")
    # Second pass: days the first pass flagged leave every baseline.
    second = scored(first, "first_flag")
    first_day, last_day = context.detection_period()
    found = second.filter(second.day.between(first_day, last_day) & ibis.coalesce(flagged(second, entry.direction), False))
    return found.select(
        "shop_id", "day", value=found.value.round(2), trailing_mean=found.mean.round(2), trailing_sd=found.sd.round(2),
        z_score=((found.value - found.mean) / found.sd).round(2), points="points",
    )


def _anomaly(measure: str, sensitivity: float):
    return lambda context: anomalies(context, daily_series(context, measure), sensitivity)


def _email_nulls(context: CheckContext) -> ir.Table:
    return null_shares(context, {"orders": ("email",)}, 0.05)


def _utm_source_nulls(context: CheckContext) -> ir.Table:
    return null_shares(context, {"sessions": ("utm_source",)}, 0.50)


def _last_28_days(context: CheckContext) -> tuple[dt.date, dt.date]:
    today = context.now.date()
    return today - dt.timedelta(days=28), today - dt.timedelta(days=1)


def _attribution_rate(context: CheckContext) -> ir.Table:
    from semantic.query import QuerySpec, build_query

    start, end = _last_28_days(context)
    built = build_query(context.catalog, context.config, QuerySpec(metrics=("attribution_rate", "orders"), by=("shop",), start=start, end=end))
    rates = built.expr
    shop = "shop" if "shop" in rates.columns else "shop_id"
    rates = rates.select(shop_id=rates[shop], attribution_rate=rates.attribution_rate.cast("float64").round(4), orders=rates.orders)
    return rates.filter(rates.attribution_rate < context.shop_threshold(rates.shop_id, 0.50))


def _new_traffic_source(context: CheckContext) -> ir.Table:
    sessions = context.sources.sessions
    now = context.now_literal()
    source = sessions.utm_source.lower().strip().nullif("")
    tagged = sessions.mutate(source=source).filter(lambda t: t.source.notnull())
    day_ago, month_ago = now - ibis.interval(hours=24), now - ibis.interval(days=29)
    recent = tagged.filter((tagged.started_at > day_ago) & (tagged.started_at <= now))
    trailing = tagged.filter((tagged.started_at > month_ago) & (tagged.started_at <= day_ago)).select("shop_id", "source").distinct()
    new = recent.anti_join(trailing, ["shop_id", "source"])
    return new.group_by(["shop_id", "source"]).aggregate(sessions=new.count(), first_seen=new.started_at.min())


def _check(name, description, build, hint, tables, tags, threshold=None, unit=None, requires=("shop_timezone",), enabled=True) -> Check:
    return Check(name, description, build, hint, severity="warn", tables=tables, tags=("warning", *tags), threshold=threshold,
                 threshold_unit=unit, requires=requires, enabled=enabled)


_DAY_TABLES = ("orders", "refunds", "shops")
TREND_CHECKS = (
    _check("email_nulls", "orders.email is at most 5% NULL per shop.", _email_nulls,
           "map orders.email to the customer's email ([sources.tables.orders.columns]); customers cannot be matched without it",
           ("orders",), ("nulls",), 0.05, "share", ()),
    _check("utm_source_nulls", "sessions.utm_source is at most 50% NULL per shop.", _utm_source_nulls,
           "check the storefront's UTM capture (a theme change can drop it); attribution falls back to referrers",
           ("sessions",), ("nulls",), 0.50, "share", ()),
    _check("orders_jump", "Included orders on a day at most 3x the day before, per shop.", _jump("orders", 3.0),
           "look for orders loaded twice or a backfill landing on one day", _DAY_TABLES, ("volume",), 3.0, "ratio"),
    _check("revenue_jump", "Revenue on a day at most 5x the day before, per shop.", _jump("revenue", 5.0),
           "look for amounts in cents or another currency, or orders loaded twice", _DAY_TABLES, ("volume",), 5.0, "ratio"),
    _check("ad_spend_jump", "Ad spend on a day at most 2x the day before, per shop.", _jump("ad_spend", 2.0),
           "look for a campaign loaded twice or a platform report in another currency", ("ad_spend",), ("volume", "spend"), 2.0, "ratio", ()),
    _check("orders_anomaly", "Included orders per day within 3 standard deviations of the shop's trailing 14 days.",
           _anomaly("orders", 3.0), "compare the day with the source (Shopify admin); set [checks.orders_anomaly] min_change to quieten small shops",
           _DAY_TABLES, ("anomaly",), 3.0, "ratio"),
    _check("revenue_anomaly", "Revenue per day within 3 standard deviations of the shop's trailing 14 days.",
           _anomaly("revenue", 3.0), "compare the day with the source; refunds dated by refund_date move revenue between days",
           _DAY_TABLES, ("anomaly",), 3.0, "ratio"),
    _check("aov_anomaly", "AOV per day within 2 standard deviations of the shop's trailing 14 days.",
           _anomaly("aov", 2.0), "look for a few very large orders or discounts applied twice", _DAY_TABLES, ("anomaly",), 2.0, "ratio"),
    _check("attribution_rate", "At least 50% of a shop's orders of the last 28 days are credited to a non-direct touchpoint.",
           _attribution_rate, "check that sessions are loaded and carry visitor_id, and that UTMs survive the checkout",
           ("orders", "sessions", "shops"), ("attribution",), 0.50, "share", enabled=False),
    _check("new_traffic_source", "Every utm_source of the last 24 hours was seen in the 28 days before.", _new_traffic_source,
           "a new source is fine when a campaign starts; a misspelt one (Facebook vs facebook_ads) splits a channel",
           ("sessions",), ("attribution",), None, None, ()),
)


def register(catalog: Registrar) -> None:
    for check in TREND_CHECKS:
        catalog.register(check)
