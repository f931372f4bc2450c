"""The core metrics on a small hand-made fixture (tests/fixtures/hand), values computed by hand.

The fixture, in shop time (s1 America/New_York USD, s2 Europe/Berlin EUR):

s1  o1  Mar 1  paid            100 - 0 + 10 + 8      = 118.00   c1 (new Mar 1)
    o2  Feb 29 partially_ref.  50 - 5 + 0 + 4.50     =  49.50   c2 (new Feb 29); 04:30Z is 23:30 EST on Feb 29
        r1 refund Mar 2: 20 + 0 + 1.80            = -21.80
    o3  Mar 5  refunded        30 + 5                =  35.00   guest " C3@Example.com " -> customer c3; refunded: not new
        r2 refund Mar 6: 30 + 5 + 0               = -35.00
    o4  Mar 11 paid, 100% discount                   =   0.00   c3 (new Mar 11); 04:30Z is 00:30 EDT, after the DST change
    o5  cancelled, o6 test, o7 pending                  excluded (r9 refunds cancelled o5: ignored)
    o8  Mar 31 paid  40 - 4 + 6 + 3.20               =  45.20   c1 again; 2024-04-01 03:59:59Z is Mar 31 local
    o9  Mar 2  guest, no email                       =  10.00   nobody
    o10 Mar 2  guest new@shop.com                    =  20.00   new (by email)
    o11 Mar 12 guest NEW@shop.com                    =  15.00   same customer, not new
    o12 Mar 12 guest dup@x.com (two customers rows)  =   5.00   new as the email, not as c6
    o13 Mar 13 c6                                    =   5.00   new
    spend: Mar 1 meta 50 + google 25 (+ tiktok 10, not paid); Mar 3 meta 20; Mar 4 tiktok 5 only
s2  p1  Mar 31 partially_ref.  80 - 8 + 4 + 13.68    =  89.68   23:30Z Mar 30 is 00:30 CET Mar 31
        r3 refund Apr 2: 10 + 4 + 1.90            = -15.90
    p2  Apr 1  paid  60 + 11.40                      =  71.40   22:30Z Mar 31 is 00:30 CEST Apr 1
    spend: Mar 31 meta 30
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from semantic.errors import QueryError
from tests.conftest import read_fixture_dir

ALL = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")


@pytest.fixture
def hand(load_warehouse):
    return load_warehouse(read_fixture_dir("hand"))


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_daily_revenue_and_orders_dated_on_the_order_day(hand):
    rows = hand.query(["revenue", "orders"], by=["day", "shop"])
    got = {(r["day"], r["shop_id"]): (r["revenue"], r["orders"]) for r in rows}
    assert got == {
        (d("2024-02-29"), "s1"): (D("27.70"), 1),
        (d("2024-03-01"), "s1"): (D("118.00"), 1),
        (d("2024-03-02"), "s1"): (D("30.00"), 2),
        (d("2024-03-05"), "s1"): (D("0.00"), 1),
        (d("2024-03-11"), "s1"): (D("0.00"), 1),
        (d("2024-03-12"), "s1"): (D("20.00"), 2),
        (d("2024-03-13"), "s1"): (D("5.00"), 1),
        (d("2024-03-31"), "s1"): (D("45.20"), 1),
        (d("2024-03-31"), "s2"): (D("73.78"), 1),
        (d("2024-04-01"), "s2"): (D("71.40"), 1),
    }


def test_refund_date_dating_moves_refunds_to_their_own_day(hand):
    rows = hand.with_overrides("revenue.refund_dating=refund_date").query(["revenue", "orders", "aov"], by=["day", "shop"])
    got = {(r["day"], r["shop_id"]): (r["revenue"], r["orders"], r["aov"]) for r in rows}
    assert got[(d("2024-02-29"), "s1")] == (D("49.50"), 1, 49.5)
    assert got[(d("2024-03-02"), "s1")] == (D("8.20"), 2, 4.1)
    assert got[(d("2024-03-05"), "s1")] == (D("35.00"), 1, 35.0)
    # A day with only a refund: negative revenue, no orders, AOV NULL.
    assert got[(d("2024-03-06"), "s1")] == (D("-35.00"), 0, None)
    assert got[(d("2024-03-31"), "s2")] == (D("89.68"), 1, 89.68)
    assert got[(d("2024-04-02"), "s2")] == (D("-15.90"), 0, None)
    assert len(got) == 12


def test_monthly_core_metrics(hand):
    rows = hand.query(ALL, by=["month", "shop"])
    assert rows == [
        {"month": d("2024-02-01"), "shop_id": "s1", "revenue": D("27.70"), "orders": 1, "aov": 27.7,
         "paid_spend": D("0.00"), "mer": None, "new_customers": 1, "cac": 0.0},
        {"month": d("2024-03-01"), "shop_id": "s1", "revenue": D("218.20"), "orders": 9, "aov": 218.20 / 9,
         "paid_spend": D("95.00"), "mer": 218.20 / 95, "new_customers": 5, "cac": 19.0},
        {"month": d("2024-03-01"), "shop_id": "s2", "revenue": D("73.78"), "orders": 1, "aov": 73.78,
         "paid_spend": D("30.00"), "mer": 73.78 / 30, "new_customers": 1, "cac": 30.0},
        {"month": d("2024-04-01"), "shop_id": "s2", "revenue": D("71.40"), "orders": 1, "aov": 71.4,
         "paid_spend": D("0.00"), "mer": None, "new_customers": 1, "cac": 0.0},
    ]


def test_iso_weeks_start_on_monday_in_shop_time(hand):
    rows = hand.query(["revenue", "orders", "paid_spend", "new_customers"], by=["week"], shops=("s1",))
    assert [(r["week"], r["revenue"], r["orders"], r["paid_spend"], r["new_customers"]) for r in rows] == [
        (d("2024-02-26"), D("175.70"), 4, D("95.00"), 3),
        (d("2024-03-04"), D("0.00"), 1, D("0.00"), 0),
        (d("2024-03-11"), D("25.00"), 4, D("0.00"), 3),
        (d("2024-03-25"), D("45.20"), 1, D("0.00"), 0),
    ]


def test_a_day_with_spend_and_no_orders_has_zero_revenue(hand):
    rows = hand.query(["revenue", "orders", "aov", "paid_spend", "mer"], by=["day"], shops=("s1",),
                      start=d("2024-03-03"), end=d("2024-03-04"))
    # Mar 3 has paid spend only; Mar 4 has only tiktok spend, which is not paid, so it does not appear.
    assert rows == [{"day": d("2024-03-03"), "revenue": D("0.00"), "orders": 0, "aov": None,
                     "paid_spend": D("20.00"), "mer": 0.0}]


def test_new_customers_are_new_only_at_their_first_qualifying_order_whatever_the_window(hand):
    rows = hand.query(["new_customers"], by=["day"], shops=("s1",), start=d("2024-03-12"), end=d("2024-03-31"))
    # Mar 12: dup@x.com (ambiguous email, counted as the email); Mar 13: c6; o11 and o8 are repeat orders.
    assert [(r["day"], r["new_customers"]) for r in rows] == [(d("2024-03-12"), 1), (d("2024-03-13"), 1)]


def test_money_across_currencies_is_refused_unless_split_by_shop(hand):
    with pytest.raises(QueryError, match="different currencies"):
        hand.query(["revenue"], by=["month"])
    assert hand.query(["orders"], by=["month"])  # counts are fine
    rows = hand.query(["revenue"], shops=("s1",))
    assert rows == [{"revenue": D("245.90")}]  # 27.70 (Feb) + 218.20 (Mar)


def test_knobs_change_revenue(hand):
    no_tax_no_ship = hand.with_overrides("revenue.include_taxes=false", "revenue.include_shipping=false")
    rows = no_tax_no_ship.query(["revenue"], by=["shop"], shops=("s2",))
    # p1 72.00 - r3 10.00 + p2 60.00
    assert rows == [{"shop_id": "s2", "revenue": D("122.00")}]
    with_pending = hand.with_overrides('orders.included_financial_statuses=["paid","pending"]')
    rows = with_pending.query(["orders"], by=["shop"], shops=("s1",))
    # paid: o1 o4 o8 o9 o10 o11 o12 o13 (o5 cancelled, o6 test) + pending o7
    assert rows == [{"shop_id": "s1", "orders": 9}]
