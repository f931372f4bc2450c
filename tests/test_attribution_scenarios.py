"""Attribution, the seed's scenarios: each its own test, on DuckDB and PostgreSQL.

Every scenario is one shop in UTC with an order at T = 2024-03-10 12:00:00Z and
sessions placed before it; the expected credit is read off the rules by hand.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pyarrow as pa
import pytest

from semantic.attribution import relation
from semantic.arrow_schema import contract_arrow_schema

UTC = dt.timezone.utc
T = dt.datetime(2024, 3, 10, 12, 0, tzinfo=UTC)
LOADED = dt.datetime(2024, 4, 1, tzinfo=UTC)


def before(**delta) -> dt.datetime:
    return T - dt.timedelta(**delta)


def session(session_id: str, at: dt.datetime, visitor: str = "v1", **columns) -> dict:
    return {"shop_id": "s1", "session_id": session_id, "visitor_id": visitor, "started_at": at, "_loaded_at": LOADED, **columns}


def order(order_id: str = "o1", at: dt.datetime = T, visitor: str | None = "v1", total: str = "100.00", **columns) -> dict:
    return {
        "shop_id": "s1", "order_id": order_id, "created_at": at, "processed_at": at, "financial_status": "paid",
        "is_test": False, "gross_sales": D(total), "discounts": D("0"), "shipping": D("0"), "taxes": D("0"),
        "visitor_id": visitor, "_loaded_at": LOADED, **columns,
    }


def refund(refund_id: str, order_id: str, amount: str, at: dt.datetime, shop: str = "s1") -> dict:
    return {"shop_id": shop, "refund_id": refund_id, "order_id": order_id, "processed_at": at, "amount": D(amount),
            "shipping": D("0"), "taxes": D("0"), "_loaded_at": LOADED}


def spend(day: str, platform: str, amount: str, value: str | None = None, campaign: str = "c") -> dict:
    return {"shop_id": "s1", "date": dt.date.fromisoformat(day), "platform": platform, "campaign_id": campaign,
            "campaign_name": campaign, "spend": D(amount), "impressions": 0, "clicks": 0,
            "platform_conversion_value": None if value is None else D(value), "_loaded_at": LOADED}


def tables(sessions=(), orders=(), refunds=(), ad_spend=(), shops=(("s1", "UTC", "USD"),)) -> dict[str, pa.Table]:
    def build(name: str, rows) -> pa.Table:
        schema = contract_arrow_schema(name)
        return pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)

    return {
        "shops": build("shops", [{"shop_id": s, "timezone": z, "currency": c} for s, z, c in shops]),
        "sessions": build("sessions", sessions),
        "orders": build("orders", orders),
        "refunds": build("refunds", refunds),
        "ad_spend": build("ad_spend", ad_spend),
    }


def credit(loaded, model: str | None = None) -> dict[str, tuple]:
    """order_id -> (touchpoint_id, source, medium, channel, candidates) under `model`."""
    rows = loaded.execute(relation(loaded.project, "order_attribution", model=model))
    return {r["order_id"]: (r["touchpoint_id"], r["source"], r["medium"], r["channel"], r["candidates"]) for r in rows}


FB = {"utm_source": "facebook", "utm_medium": "cpc", "utm_campaign": "spring"}
GOOGLE_ADS = {"utm_source": "google", "utm_medium": "cpc"}


def test_single_click_then_order_credits_the_click(load_warehouse):
    w = load_warehouse(tables([session("a", before(hours=2), **FB)], [order()]))
    assert credit(w) == {"o1": ("a", "facebook", "cpc", "Paid Social", 1)}


def test_several_clicks_the_last_wins(load_warehouse):
    sessions = [session("a", before(days=3), **FB), session("b", before(days=1), **GOOGLE_ADS),
                session("c", before(days=2), referrer="https://t.co/x")]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w) == {"o1": ("b", "google", "cpc", "Paid Search", 3)}


def test_a_click_eight_days_old_gives_direct(load_warehouse):
    w = load_warehouse(tables([session("a", before(days=8), **FB)], [order()]))
    assert credit(w) == {"o1": (None, "direct", "none", "Direct", 0)}


def test_no_click_gives_direct(load_warehouse):
    w = load_warehouse(tables([], [order()]))
    assert credit(w) == {"o1": (None, "direct", "none", "Direct", 0)}


def test_organic_after_paid_gives_organic(load_warehouse):
    sessions = [session("paid", before(days=2), **GOOGLE_ADS),
                session("organic", before(hours=1), referrer="https://www.google.com/search?q=shop")]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w) == {"o1": ("organic", "google", "organic", "Organic Search", 2)}


def test_direct_sessions_are_not_clicks(load_warehouse):
    sessions = [session("ad", before(days=2), **FB), session("typed", before(minutes=5))]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w) == {"o1": ("ad", "facebook", "cpc", "Paid Social", 2)}


def test_direct_sessions_win_when_counted(load_warehouse):
    sessions = [session("ad", before(days=2), **FB), session("typed", before(minutes=5))]
    w = load_warehouse(tables(sessions, [order()]), "[attribution]\ncount_direct_sessions = true\n")
    assert credit(w) == {"o1": ("typed", "direct", "none", "Direct", 2)}


def test_mobile_click_then_desktop_purchase_is_attributed_only_when_logged_in(load_warehouse):
    sessions = [session("mobile", before(days=1), visitor="phone", customer_id="c1", **FB),
                session("mobile-guest", before(days=1), visitor="phone-2", **GOOGLE_ADS)]
    orders = [order("logged-in", visitor="desktop", customer_id="c1"),
              order("guest", visitor="desktop-2")]
    w = load_warehouse(tables(sessions, orders))
    assert credit(w) == {
        "logged-in": ("mobile", "facebook", "cpc", "Paid Social", 1),
        "guest": (None, "direct", "none", "Direct", 0),
    }


def test_missing_utms_fall_back_to_the_referrer(load_warehouse):
    sessions = [session("a", before(hours=1), utm_source="newsletter", referrer="https://l.facebook.com/l.php")]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w) == {"o1": ("a", "facebook", "social", "Organic Social", 1)}


def test_upper_case_and_padded_utms_normalise(load_warehouse):
    sessions = [session("a", before(hours=1), utm_source="  FaceBook ", utm_medium="CPC\t", utm_campaign=" Spring SALE")]
    w = load_warehouse(tables(sessions, [order()]))
    rows = w.execute(relation(w.project, "order_attribution"))
    assert [(r["source"], r["medium"], r["campaign"], r["platform"]) for r in rows] == [
        ("facebook", "cpc", "spring sale", "meta")
    ]


def test_utms_only_in_the_landing_url_are_form_decoded(load_warehouse):
    url = "https://shop.example/p?utm_source=Face+Book&utm_medium=cpc&utm_campaign=spring%20sale%21"
    w = load_warehouse(tables([session("a", before(hours=1), landing_url=url)], [order()]))
    rows = w.execute(relation(w.project, "order_attribution"))
    assert [(r["source"], r["medium"], r["campaign"]) for r in rows] == [("face book", "cpc", "spring sale!")]


def test_the_shops_own_domain_and_checkout_are_no_referrer(load_warehouse):
    sessions = [session("own", before(hours=1), referrer="https://my-shop.myshopify.com/cart"),
                session("checkout", before(hours=2), referrer="https://checkout.shopify.com/x"),
                session("blog", before(hours=3), referrer="https://WWW.Some-Blog.example.org/post")]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w) == {"o1": ("blog", "some-blog.example.org", "referral", "Referral", 3)}


def test_click_exactly_seven_days_before_counts(load_warehouse):
    w = load_warehouse(tables([session("a", before(days=7), **FB)], [order()]))
    assert credit(w)["o1"][0] == "a"


def test_click_seven_days_and_one_second_before_does_not(load_warehouse):
    w = load_warehouse(tables([session("a", before(days=7, seconds=1), **FB)], [order()]))
    assert credit(w)["o1"][0] is None


def test_a_click_after_the_order_does_not_count(load_warehouse):
    w = load_warehouse(tables([session("a", T + dt.timedelta(seconds=1), **FB)], [order()]))
    assert credit(w)["o1"][0] is None


def test_ties_on_time_go_to_the_greatest_session_id_as_text(load_warehouse):
    # As text "9" > "10" > "1"; upper case sorts before lower case byte-wise.
    at = before(hours=1)
    sessions = [session("10", at, **FB), session("9", at, **GOOGLE_ADS), session("1", at, **FB)]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w)["o1"][:2] == ("9", "google")


def test_the_orders_own_landing_site_is_used_only_without_a_click(load_warehouse):
    orders = [order("own", visitor="v-none", landing_site="/?utm_source=tiktok&utm_medium=cpc"),
              order("clicked", visitor="v1", landing_site="/?utm_source=tiktok&utm_medium=cpc")]
    w = load_warehouse(tables([session("a", before(days=1), **FB)], orders))
    got = credit(w)
    assert got["own"] == ("order:own", "tiktok", "cpc", "Paid Social", 1)
    assert got["clicked"] == ("a", "facebook", "cpc", "Paid Social", 1)
    off = load_warehouse(tables([session("a", before(days=1), **FB)], orders),
                         "[attribution]\nuse_order_landing_site = false\n")
    assert credit(off)["own"] == (None, "direct", "none", "Direct", 0)


def test_other_shops_sessions_are_no_candidates(load_warehouse):
    other = session("elsewhere", before(hours=1), **FB)
    other["shop_id"] = "s2"
    w = load_warehouse(tables([other], [order()], shops=(("s1", "UTC", "USD"), ("s2", "UTC", "USD"))))
    assert credit(w)["o1"][0] is None


def test_journeys_list_every_candidate_in_time_order_with_the_winner(load_warehouse):
    sessions = [session("a", before(days=3), **FB), session("b", before(days=1), referrer="https://bing.com/"),
                session("c", before(hours=1)), session("old", before(days=9), **FB)]
    w = load_warehouse(tables(sessions, [order()]))
    rows = w.execute(relation(w.project, "attribution_journeys").order_by("position"))
    assert [(r["position"], r["touchpoint_id"], r["channel"], r["won"]) for r in rows] == [
        (0, "a", "Paid Social", False), (1, "b", "Organic Search", True), (2, "c", "Direct", False)
    ]


@pytest.mark.parametrize("model, expected", [
    ("last_click", "b"),
    ("first_click", "a"),
])
def test_single_touch_models(load_warehouse, model, expected):
    sessions = [session("a", before(days=3), **FB), session("b", before(days=1), **GOOGLE_ADS)]
    w = load_warehouse(tables(sessions, [order()]))
    assert credit(w, model)["o1"][0] == expected


def test_linear_splits_revenue_to_the_cent_latest_first(load_warehouse):
    sessions = [session("a", before(days=3), **FB), session("b", before(days=2), **GOOGLE_ADS),
                session("c", before(days=1), referrer="https://t.co/x")]
    w = load_warehouse(tables(sessions, [order(total="100.00")]))
    rows = w.execute(relation(w.project, "order_attribution", model="linear"))
    parts = sorted((r["part"], r["touchpoint_id"], r["credited_revenue"]) for r in rows)
    # 10000 cents / 3 = 3333 rest 1: the latest click gets the extra cent.
    assert parts == [(0, "c", D("33.34")), (1, "b", D("33.33")), (2, "a", D("33.33"))]


def test_shuffled_input_gives_the_same_attribution(load_warehouse):
    at = before(hours=3)
    sessions = [session("b", at, **FB), session("a", at, **GOOGLE_ADS), session("z", before(days=1), visitor="v2", **FB),
                session("m", before(hours=2), visitor="v2"), session("q", before(days=6), visitor="v3", customer_id="c3",
                                                                      referrer="https://bing.com/")]
    orders = [order("o1"), order("o2", visitor="v2"), order("o3", visitor="v9", customer_id="c3")]
    expected = {
        "o1": ("b", "facebook", "cpc", "Paid Social", 2),  # tie at the same instant: "b" > "a"
        "o2": ("z", "facebook", "cpc", "Paid Social", 2),
        "o3": ("q", "bing", "organic", "Organic Search", 1),
    }
    assert credit(load_warehouse(tables(sessions, orders))) == expected
    assert credit(load_warehouse(tables(sessions[::-1], orders[::-1]))) == expected
    assert credit(load_warehouse(tables(sessions[2:] + sessions[:2], orders[1:] + orders[:1]))) == expected
