"""Attribution metrics on DuckDB and PostgreSQL: values computed by hand, and the revenue invariant.

One shop in UTC. Orders on Mar 10 unless said, each with one click 1 hour before:

    o1 100.00  facebook/cpc      meta     Paid Social   refund r1 30.00 on Mar 12
    o2  50.00  google/cpc        google   Paid Search
    o3  30.00  tiktok/cpc        tiktok   Paid Social   (tiktok is not a paid platform for spend)
    o4  20.00  google organic    -        Organic Search
    o5  10.00  no session        -        Direct
    o6  40.00  facebook/cpc      meta     Paid Social   on Mar 11
    spend: Mar 10 meta 50 (platform says 90), google 25 (says 40), tiktok 10; Mar 11 meta 0
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal as D

import pytest

from semantic.errors import QueryError
from tests.test_attribution_scenarios import FB, GOOGLE_ADS, UTC, order, refund, session, spend, tables

MAR10 = dt.date(2024, 3, 10)
MAR11 = dt.date(2024, 3, 11)
MAR12 = dt.date(2024, 3, 12)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def shop(load_warehouse):
    sessions = [
        session("s1", at(MAR10, 9), visitor="v1", **FB),
        session("s2", at(MAR10, 9), visitor="v2", **GOOGLE_ADS),
        session("s3", at(MAR10, 9), visitor="v3", utm_source="tiktok", utm_medium="cpc"),
        session("s4", at(MAR10, 9), visitor="v4", referrer="https://www.google.de/"),
        session("s6", at(MAR11, 9), visitor="v6", **FB),
    ]
    orders = [
        order("o1", at(MAR10, 10), "v1", "100.00"),
        order("o2", at(MAR10, 10), "v2", "50.00"),
        order("o3", at(MAR10, 10), "v3", "30.00"),
        order("o4", at(MAR10, 10), "v4", "20.00"),
        order("o5", at(MAR10, 10), "v5", "10.00"),
        order("o6", at(MAR11, 10), "v6", "40.00"),
    ]
    ad_spend = [spend("2024-03-10", "meta", "50", "90"), spend("2024-03-10", "google", "25", "40"),
                spend("2024-03-10", "tiktok", "10"), spend("2024-03-11", "meta", "0")]
    return load_warehouse(tables(sessions, orders, [refund("r1", "o1", "30.00", at(MAR12, 8))], ad_spend))


def test_attributed_revenue_by_day_and_channel(shop):
    rows = shop.query(["attributed_revenue", "attributed_orders"], by=["day", "channel"])
    assert {(r["day"], r["channel"]): (r["attributed_revenue"], r["attributed_orders"]) for r in rows} == {
        (MAR10, "Paid Social"): (D("100.00"), 2),  # o1 100 - 30 refunded, o3 30
        (MAR10, "Paid Search"): (D("50.00"), 1),
        (MAR10, "Organic Search"): (D("20.00"), 1),
        (MAR10, "Direct"): (D("10.00"), 1),
        (MAR11, "Paid Social"): (D("40.00"), 1),
    }


def test_refunds_carry_their_orders_attribution_on_their_own_day(shop):
    rows = shop.with_overrides("revenue.refund_dating=refund_date").query(["attributed_revenue"], by=["day", "source"])
    got = {(r["day"], r["source"]): r["attributed_revenue"] for r in rows}
    assert got[(MAR10, "facebook")] == D("100.00")
    assert got[(MAR12, "facebook")] == D("-30.00")


def test_roas_overall_counts_the_paid_platforms_only(shop):
    rows = shop.query(["roas", "paid_attributed_revenue", "roas_spend"], by=["day"])
    assert rows == [
        {"day": MAR10, "roas": 120 / 75, "paid_attributed_revenue": D("120.00"), "roas_spend": D("75.00")},
        # Spend of 0: ROAS is NULL, never infinity.
        {"day": MAR11, "roas": None, "paid_attributed_revenue": D("40.00"), "roas_spend": D("0.00")},
    ]


def test_roas_by_platform_has_every_platform_with_spend_or_revenue(shop):
    rows = shop.query(["roas"], by=["day", "platform"])
    assert {(r["day"], r["platform"]): r["roas"] for r in rows} == {
        (MAR10, "google"): 2.0,
        (MAR10, "meta"): 70 / 50,
        (MAR10, "tiktok"): 3.0,
        (MAR11, "meta"): None,
    }


def test_attribution_rate_is_the_share_of_orders_not_direct(shop):
    rows = shop.query(["attribution_rate"], by=["day"])
    assert rows == [{"day": MAR10, "attribution_rate": 0.8}, {"day": MAR11, "attribution_rate": 1.0}]


def test_discrepancy_puts_our_revenue_next_to_the_platforms(shop):
    rows = shop.query(["paid_attributed_revenue", "platform_conversion_value"], by=["day", "platform"])
    got = {(r["day"], r["platform"]): (r["paid_attributed_revenue"], r["platform_conversion_value"]) for r in rows}
    assert got[(MAR10, "meta")] == (D("70.00"), D("90.00"))
    assert got[(MAR10, "google")] == (D("50.00"), D("40.00"))
    assert got[(MAR10, "tiktok")] == (D("30.00"), D("0.00"))


def test_core_metrics_split_by_channel_under_single_touch(shop):
    rows = shop.query(["revenue", "orders"], by=["channel"])
    assert {r["channel"]: (r["revenue"], r["orders"]) for r in rows} == {
        "Paid Social": (D("140.00"), 3), "Paid Search": (D("50.00"), 1),
        "Organic Search": (D("20.00"), 1), "Direct": (D("10.00"), 1),
    }


def test_what_cannot_be_split_says_so(shop):
    with pytest.raises(QueryError, match="roas_spend cannot be split by 'channel'"):
        shop.query(["roas"], by=["channel"])
    with pytest.raises(QueryError, match="revenue cannot be split by 'channel'"):
        shop.query(["revenue"], by=["channel"], options=(("model", "linear"),))


def test_unknown_model_is_named(shop):
    with pytest.raises(KeyError, match="unknown attribution model 'lienar'"):
        shop.query(["attributed_revenue"], options=(("model", "lienar"),))


@pytest.mark.parametrize("model", ["last_click", "first_click", "linear"])
@pytest.mark.parametrize("dating", ["order_date", "refund_date"])
def test_attributed_revenue_over_all_channels_equals_revenue_in_every_bucket(load_warehouse, model, dating):
    from semantic.demo_data import generate

    data = generate(orders=300, shops=2, seed=11, end=dt.date(2024, 6, 30), days=20)
    w = load_warehouse(data).with_overrides(f"revenue.refund_dating={dating}")
    options = (("model", model),)
    revenue = {(r["day"], r["shop_id"]): r["revenue"] for r in w.query(["revenue"], by=["day", "shop"])}
    attributed = defaultdict(lambda: D("0"))
    for r in w.query(["attributed_revenue"], by=["day", "shop", "channel"], options=options):
        attributed[(r["day"], r["shop_id"])] += r["attributed_revenue"]
    assert dict(attributed) == revenue
    assert len(revenue) > 20
