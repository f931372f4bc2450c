"""Why one order was credited as it was: every touchpoint of its visitor or customer, with a reason.

The credit is the engine's (`order_attribution`, the same query the metrics
use). The touchpoints of the order's visitor and customer up to the order are
read back and each is explained with the Python twin of the rules
(`classify_py`): outside the window, direct, earlier than the winner, or won,
and the rule that classified it ("utm: utm_source=facebook utm_medium=cpc",
"referrer host l.facebook.com matched facebook.com -> (facebook, social)").

>>> # explanation = explain_order(warehouse, project, shop="s1", order_id="1001")
>>> # print(explanation.to_json())
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass

import ibis

from semantic.attribution.journeys import relation
from semantic.attribution.models import resolve_model
from semantic.attribution.touchpoints import Classified, classify_py
from semantic.errors import QueryError
from semantic.scope import QueryOptions, Scope


@dataclass(frozen=True)
class CandidateReason:
    touchpoint_id: str
    kind: str  # session or order (the order's own landing site)
    at: dt.datetime
    source: str
    medium: str
    campaign: str | None
    channel: str
    platform: str | None
    rule: str
    won: bool
    reason: str


@dataclass(frozen=True)
class Explanation:
    shop_id: str
    order_id: str
    processed_at: dt.datetime
    model: str
    window_days: int
    touchpoint_id: str | None
    source: str
    medium: str
    campaign: str | None
    channel: str
    platform: str | None
    rule: str
    touchpoints: tuple[CandidateReason, ...]

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, default=str)


def _ago(delta: dt.timedelta) -> str:
    hours, rest = divmod(int(delta.total_seconds()), 3600)
    days, hours = divmod(hours, 24)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{days}d"] if days else []
    parts += [f"{hours}h"] if hours else []
    parts += [f"{minutes}m"] if minutes else []
    parts += [f"{seconds}s"] if seconds or not parts else []
    return " ".join(parts) + " before the order"


def explain_order(warehouse, project, shop: str, order_id: str, model: str | None = None) -> Explanation:
    """The explanation of one included order's credit under `model` (last_click by default)."""
    config = project.config
    knobs = config.attribution
    chosen = resolve_model(model)
    scope = Scope.for_query(project.catalog, config, QueryOptions(model=chosen.name))
    credit = relation(project, "order_attribution", model=chosen.name)
    credit = credit.filter((credit.shop_id == shop) & (credit.order_id == order_id))
    credited = warehouse.execute(credit.order_by(credit.part)).to_pylist()
    if not credited:
        raise QueryError(
            f"order {order_id!r} of shop {shop!r} is not an included order",
            hint="check the id and --shop; test, cancelled and unpaid orders are never attributed (see [orders] knobs)",
        )
    order, found = _order_and_sessions(warehouse, scope, shop, order_id)
    processed_at = order["processed_at"]
    window_start = processed_at - dt.timedelta(days=knobs.window_days)
    rows = _classified(found, order, order_id, window_start, knobs)

    winners = {c["touchpoint_id"]: c for c in credited if c["touchpoint_id"] is not None}
    first = credited[0]
    first_winner = next(((r, c) for r, c in rows if r["touchpoint_id"] == first["touchpoint_id"]), None)
    reasons = []
    for raw, c in sorted(rows, key=lambda rc: (rc[0]["at"], rc[0]["touchpoint_id"])):
        won = raw["touchpoint_id"] in winners
        reasons.append(
            CandidateReason(
                touchpoint_id=raw["touchpoint_id"], kind=raw["kind"], at=raw["at"], source=c.source, medium=c.medium,
                campaign=c.campaign, channel=c.channel, platform=c.platform, rule=c.rule, won=won,
                reason=_reason(raw, c, won, winners, first_winner, window_start, processed_at, knobs, chosen),
            )
        )
    if first["touchpoint_id"] is None:
        rule = "no non-direct click in the window: (direct, none)"
    else:
        rule = first_winner[1].rule if first_winner else "(touchpoint not found)"
    return Explanation(
        shop_id=shop, order_id=order_id, processed_at=processed_at, model=chosen.name, window_days=knobs.window_days,
        touchpoint_id=first["touchpoint_id"], source=first["source"], medium=first["medium"], campaign=first["campaign"],
        channel=first["channel"], platform=first["platform"], rule=rule, touchpoints=tuple(reasons),
    )


def _order_and_sessions(warehouse, scope: Scope, shop: str, order_id: str) -> tuple[dict, list[dict]]:
    """The order's row and every session of its visitor or customer up to its processing."""
    orders = scope.fact("included_orders")
    order = warehouse.execute(
        orders.filter((orders.shop_id == shop) & (orders.order_id == order_id)).select(
            "processed_at", "visitor_id", "customer_id", "landing_site", "referring_site"
        )
    ).to_pylist()[0]
    sessions = scope.sources.sessions
    identity = sessions.visitor_id == order["visitor_id"] if order["visitor_id"] is not None else ibis.literal(False)
    if order["customer_id"] is not None:
        identity |= sessions.customer_id == order["customer_id"]
    found = warehouse.execute(
        sessions.filter((sessions.shop_id == shop) & identity & (sessions.started_at <= order["processed_at"]))
    ).to_pylist()
    return order, found


def _classified(found: list[dict], order: dict, order_id: str, window_start: dt.datetime, knobs) -> list[tuple[dict, Classified]]:
    """Each session as a touchpoint with its classification, and the order's own landing site when it is the fallback."""
    rows: list[tuple[dict, Classified]] = []
    for s in found:
        raw = {**s, "touchpoint_id": s["session_id"], "kind": "session", "at": s["started_at"]}
        rows.append((raw, classify_py(raw, knobs)))
    in_window = [(r, c) for r, c in rows if r["at"] >= window_start]
    if knobs.use_order_landing_site and not any(not c.is_direct for _, c in in_window):
        raw = {"touchpoint_id": f"order:{order_id}", "kind": "order", "at": order["processed_at"],
               "landing_url": order["landing_site"], "referrer": order["referring_site"]}  # fmt: skip
        own = classify_py(raw, knobs)
        if not own.is_direct:
            rows.append((raw, own))
    return rows


def _reason(raw, c, won, winners, first_winner, window_start, processed_at, knobs, model) -> str:
    if raw["kind"] == "order":
        prefix = "the order's own landing site, used as no session in the window is a click; "
    else:
        prefix = ""
    if raw["at"] < window_start:
        return f"outside the {knobs.window_days}-day window ({_ago(processed_at - raw['at'])})"
    if c.is_direct and not knobs.count_direct_sessions:
        return "direct: not a click"
    if won:
        part = winners[raw["touchpoint_id"]]
        if model.credit_all:
            return prefix + f"won part {part['part'] + 1} of {part['parts']}: {part['credited_revenue']}"
        which = "latest" if model.latest_first else "earliest"
        return prefix + f"won: the {which} click in the window"
    if first_winner is None:
        return "not credited"
    winner_at, winner_id = first_winner[0]["at"], first_winner[0]["touchpoint_id"]
    if raw["at"] == winner_at:
        return f"same instant as the winner {winner_id}, whose id is greater as text"
    return "earlier than the winner" if raw["at"] < winner_at else "later than the winner"
