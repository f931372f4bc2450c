"""Journeys and credit: each included order's candidate touchpoints, and who gets credit.

Candidates of an order are touchpoints of its shop whose visitor_id equals the
order's, or whose customer_id equals the order's (non-NULL) customer_id, at or
before processed_at and no more than `attribution.window_days` x 24 hours
before it (exact elapsed time on UTC instants: exactly 7 days counts). When no
session candidate is non-direct, the order's own landing_site/referring_site is
a candidate at processed_at (`attribution.use_order_landing_site`), if it is
non-direct. Direct touchpoints are no clicks (unless
`attribution.count_direct_sessions`); the model ranks the rest; an order with
none is (direct, none).

Relations, facts of the catalog (built once per query):

- `attribution_touchpoints`: every touchpoint (sessions, and the included
  orders' own landing sites when used), classified once;
- `attribution_candidates`: (order, candidate touchpoint) pairs;
- `order_attribution`: one row per credited part of each included order (one
  per order under single-touch models), with `credited_revenue`;
- `attribution_refund_credit`: each refund split like its order;
- `attribution_journeys`: every candidate of every order in time order, with `won`;
- `utm_issues`: malformed UTMs of sessions, kept as written.

The model comes from the query's options (`--model`), last_click by default.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from semantic.attribution.models import AttributionModel, allocate, ranking_keys, resolve_model
from semantic.attribution.touchpoints import classify, order_touchpoints, session_touchpoints, utm_issues
from semantic.errors import UnknownNameError
from semantic.project import Project
from semantic.registration import Registrar
from semantic.scope import Fact, QueryOptions, Scope

# Touchpoint columns carried onto candidates.
TOUCHPOINT_COLUMNS = (
    "touchpoint_id",
    "kind",
    "at",
    "source",
    "medium",
    "campaign",
    "channel",
    "platform",
    "is_direct",
    "is_paid",
    "classified_by",
    "referrer_host",
)
ORDER_KEY = ["shop_id", "order_id"]
# The relations users can query (`semantic attribution show NAME`).
RELATIONS = ("order_attribution", "attribution_journeys", "utm_issues", "attribution_touchpoints")


def model_of(scope: Scope) -> AttributionModel:
    """The model the query asks for (its options' `model`), last_click by default."""
    return resolve_model(scope.options.model)


def relation(project: Project, name: str, model: str | None = None) -> ir.Table:
    """One attribution relation (RELATIONS) of `project` as an Ibis expression on unbound tables.

    >>> from semantic.project import Project
    >>> "won" in relation(Project.defaults(), "attribution_journeys").columns
    True
    """
    if name not in RELATIONS:
        raise UnknownNameError("attribution relation", name, RELATIONS)
    resolve_model(model)
    return Scope.for_query(project.catalog, project.config, QueryOptions(model=model)).fact(name)


def _touchpoints(scope: Scope) -> ir.Table:
    """Every touchpoint, classified once: the sessions and (when used) the included orders' own landing sites."""
    raw = session_touchpoints(scope.sources.sessions)
    if scope.config.attribution.use_order_landing_site:
        raw = ibis.union(raw, order_touchpoints(scope.fact("included_orders")), distinct=False)
    return classify(raw, scope.config.attribution)


def _utm_issues(scope: Scope) -> ir.Table:
    return utm_issues(session_touchpoints(scope.sources.sessions))


def match_candidates(orders: ir.Table, touchpoints: ir.Table, window_hours: int | None) -> ir.Table:
    """(order, touchpoint) pairs by visitor or by customer; within `window_hours` before the order (None: any time before).

    Each match is an equi-join on (shop, visitor) or (shop, customer) with the
    window as a range condition; the pairs are deduplicated on their keys only,
    then the touchpoint's columns are joined on (shop, touchpoint_id).
    """
    o = orders.select("shop_id", "order_id", "processed_at", o_visitor=orders.visitor_id, o_customer=orders.customer_id)
    tp = touchpoints.select("touchpoint_id", "at", tp_shop=touchpoints.shop_id, tp_visitor=touchpoints.visitor_id,
                            tp_customer=touchpoints.customer_id)
    common = [o.shop_id == tp.tp_shop, tp.at <= o.processed_at]
    if window_hours is not None:
        common.append(tp.at >= o.processed_at - ibis.interval(hours=window_hours))
    # Two equi-joins rather than one join on an OR: engines hash-join these.
    parts = [
        o.join(tp, [*common, o[key] == tp[tp_key]]).select("shop_id", "order_id", "touchpoint_id")
        for key, tp_key in (("o_visitor", "tp_visitor"), ("o_customer", "tp_customer"))
    ]
    pairs = ibis.union(*parts, distinct=True)
    columns = touchpoints.select(*TOUCHPOINT_COLUMNS, tp_shop=touchpoints.shop_id)
    joined = pairs.join(columns, [pairs.shop_id == columns.tp_shop, pairs.touchpoint_id == columns.touchpoint_id])
    return joined.select(pairs.shop_id, pairs.order_id, *(columns[c] for c in TOUCHPOINT_COLUMNS))


def _candidates(scope: Scope) -> ir.Table:
    knobs = scope.config.attribution
    orders = scope.fact("included_orders")
    touchpoints = scope.fact("attribution_touchpoints")
    sessions = match_candidates(orders, touchpoints.filter(touchpoints.kind == "session"), knobs.window_days * 24)
    if not knobs.use_order_landing_site:
        return sessions
    own = touchpoints.filter((touchpoints.kind == "order") & ~touchpoints.is_direct)
    both = ibis.union(sessions, own.select("shop_id", "order_id", *TOUCHPOINT_COLUMNS), distinct=False)
    # The order's own touchpoint counts only when no session candidate is a click: a window
    # over the order's candidates rather than an anti-join (which planners may run as a nested loop).
    clicked = ((both.kind == "session") & ~both.is_direct).ifelse(1, 0).max().over(group_by=ORDER_KEY)
    both = both.mutate(clicked__=clicked)
    kept = both.filter((both.kind == "session") | (both.clicked__ == 0))
    return kept.select(*(c for c in kept.columns if c != "clicked__"))


def _credited(scope: Scope, model: AttributionModel) -> ir.Table:
    candidates = scope.fact("attribution_candidates")
    eligible = candidates if scope.config.attribution.count_direct_sessions else candidates.filter(~candidates.is_direct)
    ranked = eligible.mutate(
        part=ibis.row_number().over(group_by=ORDER_KEY, order_by=ranking_keys(model, eligible.at, eligible.touchpoint_id)),
        eligible_count=eligible.touchpoint_id.count().over(group_by=ORDER_KEY),
    )
    if model.credit_all:
        return ranked.mutate(parts=ranked.eligible_count)
    return ranked.filter(ranked.part == 0).mutate(parts=ibis.literal(1, "int64"))


def _order_attribution(scope: Scope) -> ir.Table:
    model = model_of(scope)
    orders = scope.fact("included_orders")
    candidates = scope.fact("attribution_candidates")
    credited = _credited(scope, model)
    counts = candidates.group_by(ORDER_KEY).aggregate(candidates=candidates.touchpoint_id.count())
    base = orders.select(*ORDER_KEY, "day", "order_revenue", "processed_at")
    # One left join: an order no touchpoint is credited for is (direct, none), in one part.
    joined = base.left_join(credited, ORDER_KEY)
    won = joined.parts.notnull()
    direct = {
        "source": ibis.literal("direct"), "medium": ibis.literal("none"), "channel": ibis.literal("Direct"),
        "is_direct": ibis.literal(True), "is_paid": ibis.literal(False), "classified_by": ibis.literal("direct"),
        "part": ibis.literal(0, "int64"), "parts": ibis.literal(1, "int64"),
    }
    rows = joined.select(
        *(base[c] for c in base.columns),
        **{c: won.ifelse(credited[c], direct[c]) if c in direct else credited[c] for c in (*TOUCHPOINT_COLUMNS, "part", "parts")},
    )
    rows = rows.left_join(counts, ORDER_KEY).select(
        *rows.columns, candidates=ibis.coalesce(counts.candidates, ibis.literal(0, "int64"))
    )
    return rows.mutate(
        credited_revenue=allocate(rows.order_revenue, rows.part, rows.parts),
        model=ibis.literal(model.name),
    )


# The columns a refund takes from its order's attribution.
CREDIT_COLUMNS = ("touchpoint_id", "source", "medium", "campaign", "channel", "platform", "is_direct", "is_paid", "part", "parts")


def _refund_credit(scope: Scope) -> ir.Table:
    refunds = scope.fact("refunds")
    credit = scope.fact("order_attribution")
    joined = refunds.join(credit.select(*ORDER_KEY, *CREDIT_COLUMNS), ORDER_KEY)
    return joined.mutate(credited_refund=allocate(joined.refund_total, joined.part, joined.parts))


def _journeys(scope: Scope) -> ir.Table:
    candidates = scope.fact("attribution_candidates")
    credit = scope.fact("order_attribution")
    winners = credit.filter(credit.touchpoint_id.notnull()).select(*ORDER_KEY, won_id=credit.touchpoint_id, credit_part=credit.part)
    joined = candidates.left_join(
        winners, [candidates.shop_id == winners.shop_id, candidates.order_id == winners.order_id,
                  candidates.touchpoint_id == winners.won_id]
    )
    joined = joined.select(*candidates.columns, won=joined.won_id.notnull(), credit_part=joined.credit_part)
    return joined.mutate(
        position=ibis.row_number().over(group_by=ORDER_KEY, order_by=[joined.at, joined.touchpoint_id]),
    )


ATTRIBUTION_FACTS = (
    Fact("attribution_touchpoints", _touchpoints, "Every touchpoint (sessions and orders' landing sites), classified once.", layer=True),
    Fact("utm_issues", _utm_issues, "Malformed UTMs of sessions, kept as written."),
    Fact("attribution_candidates", _candidates, "(order, candidate touchpoint) pairs within the window.", layer=True),
    Fact("order_attribution", _order_attribution, "One row per credited part of each included order.", layer=True),
    Fact("attribution_refund_credit", _refund_credit, "Each refund split like its order's credit."),
    Fact("attribution_journeys", _journeys, "Every candidate of every order in time order, with `won`."),
)


def register(catalog: Registrar) -> None:
    for fact in ATTRIBUTION_FACTS:
        catalog.register(fact)
