"""`explain_order` on DuckDB and PostgreSQL: each touchpoint's verdict and the rule behind the credit."""

from __future__ import annotations

import datetime as dt

import pytest

from semantic.attribution.explain import explain_order
from semantic.errors import QueryError
from tests.test_attribution_scenarios import FB, T, before, order, session, tables


def verdicts(explanation) -> list[tuple[str, bool, str]]:
    return [(t.touchpoint_id, t.won, t.reason) for t in explanation.touchpoints]


def test_explain_says_why_each_touchpoint_did_or_did_not_win(load_warehouse):
    at = before(hours=5)
    sessions = [session("old", before(days=7, seconds=1), **FB), session("a", at, **FB),
                session("b", at, referrer="https://www.google.co.uk/"), session("typed", before(minutes=1)),
                session("later", T + dt.timedelta(minutes=1), **FB)]
    w = load_warehouse(tables(sessions, [order()]))
    e = explain_order(w.warehouse, w.project, "s1", "o1")
    assert (e.touchpoint_id, e.source, e.medium, e.channel, e.rule) == (
        "b", "google", "organic", "Organic Search", "referrer host google.co.uk matched google.* -> (google, organic)")
    assert verdicts(e) == [
        ("old", False, "outside the 7-day window (7d 1s before the order)"),
        ("a", False, "same instant as the winner b, whose id is greater as text"),
        ("b", True, "won: the latest click in the window"),
        ("typed", False, "direct: not a click"),
    ]


def test_explain_names_the_orders_own_landing_site(load_warehouse):
    w = load_warehouse(tables([session("typed", before(hours=1))],
                              [order(landing_site="/?utm_source=Klaviyo&utm_medium=email")]))
    e = explain_order(w.warehouse, w.project, "s1", "o1")
    assert (e.touchpoint_id, e.channel, e.rule) == ("order:o1", "Email", "utm: utm_source=klaviyo utm_medium=email")
    assert verdicts(e)[-1] == ("order:o1", True, "the order's own landing site, used as no session in the window "
                                                 "is a click; won: the latest click in the window")


def test_explain_a_direct_order(load_warehouse):
    w = load_warehouse(tables([], [order()]))
    e = explain_order(w.warehouse, w.project, "s1", "o1")
    assert (e.touchpoint_id, e.source, e.medium, e.rule, e.touchpoints) == (
        None, "direct", "none", "no non-direct click in the window: (direct, none)", ())


def test_explain_refuses_an_order_that_is_not_included(load_warehouse):
    w = load_warehouse(tables([], [order(financial_status="pending")]))
    with pytest.raises(QueryError, match="not an included order"):
        explain_order(w.warehouse, w.project, "s1", "o1")
