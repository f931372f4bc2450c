"""The demo warehouse: the contract's shape, exact money, and the edge cases metrics must survive.

Expected values are computed here in plain Python from the returned tables, never with the
generator's own helpers.
"""

from __future__ import annotations

import datetime
import io
from collections import Counter, defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

import pyarrow as pa
import pytest

from semantic.contract import CONTRACT, FINANCIAL_STATUSES
from semantic.demo_data import generate

END = datetime.date(2025, 3, 31)
DAYS = 400
EXPECTED_TYPES = {
    "string": pa.string(),
    "decimal(18, 2)": pa.decimal128(18, 2),
    "timestamp('UTC')": pa.timestamp("us", tz="UTC"),
    "date": pa.date32(),
    "boolean": pa.bool_(),
    "int64": pa.int64(),
}
PAID_SOURCES = {"facebook", "fb", "instagram", "google", "tiktok"}


@pytest.fixture(scope="module")
def warehouse() -> dict[str, pa.Table]:
    return generate(orders=3000, end=END, days=DAYS)


@pytest.fixture(scope="module")
def rows(warehouse) -> dict[str, list[dict]]:
    return {name: table.to_pylist() for name, table in warehouse.items()}


@pytest.fixture(scope="module")
def zones(rows) -> dict[str, ZoneInfo]:
    return {s["shop_id"]: ZoneInfo(s["timezone"]) for s in rows["shops"]}


@pytest.fixture(scope="module")
def orders_by_key(rows) -> dict[tuple[str, str], dict]:
    return {(o["shop_id"], o["order_id"]): o for o in rows["orders"]}


def _local(ts: datetime.datetime, zone: ZoneInfo) -> datetime.datetime:
    return ts.astimezone(zone)


def _ipc_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


# -- the contract ---------------------------------------------------------------------------


def test_every_contract_table_is_generated_with_its_columns_in_contract_order(warehouse):
    assert list(warehouse) == list(CONTRACT)
    for name, table in warehouse.items():
        assert table.column_names == list(CONTRACT[name].columns), name


def test_column_types_are_the_contract_types_in_arrow(warehouse):
    for name, table in warehouse.items():
        for column, type_name in CONTRACT[name].columns.items():
            assert table.schema.field(column).type == EXPECTED_TYPES[type_name], (name, column)


def test_not_null_columns_never_hold_nulls(warehouse):
    for name, table in warehouse.items():
        for column in CONTRACT[name].columns:
            if column not in CONTRACT[name].nullable:
                assert table.column(column).null_count == 0, (name, column)
                assert not table.schema.field(column).nullable, (name, column)


def test_same_arguments_give_byte_identical_tables(warehouse):
    again = generate(orders=3000, end=END, days=DAYS)
    for name in CONTRACT:
        assert _ipc_bytes(again[name]) == _ipc_bytes(warehouse[name]), name


def test_another_seed_gives_other_data(warehouse):
    other = generate(orders=3000, end=END, days=DAYS, seed=8)
    assert not other["orders"].equals(warehouse["orders"])
    assert not other["sessions"].equals(warehouse["sessions"])


def test_end_defaults_to_today_in_utc():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    tables = generate(orders=50, shops=1, days=3)
    dates = {o["processed_at"].astimezone(ZoneInfo("America/New_York")).date() for o in tables["orders"].to_pylist()}
    assert dates <= {today - datetime.timedelta(days=d) for d in range(3)}


def test_nonsense_sizes_are_rejected():
    with pytest.raises(ValueError):
        generate(orders=0)


# -- shops and ids ----------------------------------------------------------------------------


def test_shops_cycle_through_time_zones_and_currencies_then_number_their_ids():
    shops = generate(orders=2000, shops=7, end=END, days=60)["shops"].to_pylist()
    assert [(s["shop_id"], s["timezone"], s["currency"]) for s in shops] == [
        ("shop_us", "America/New_York", "USD"),
        ("shop_de", "Europe/Berlin", "EUR"),
        ("shop_au", "Australia/Sydney", "AUD"),
        ("shop_ca", "America/Los_Angeles", "USD"),
        ("shop_jp", "Asia/Tokyo", "JPY"),
        ("shop_us_2", "America/New_York", "USD"),
        ("shop_de_2", "Europe/Berlin", "EUR"),
    ]


def test_yen_amounts_are_whole_yen():
    tables = generate(orders=2000, shops=5, end=END, days=60)
    for o in tables["orders"].to_pylist():
        if o["shop_id"] == "shop_jp":
            for m in ("gross_sales", "discounts", "shipping", "taxes"):
                assert o[m] == o[m].to_integral_value(), (o["order_id"], m)


def test_orders_spread_unevenly_over_shops(rows):
    per_shop = Counter(o["shop_id"] for o in rows["orders"])
    assert len(per_shop) == 3 and len(set(per_shop.values())) == 3


@pytest.mark.parametrize(
    ("table", "id_column"),
    [
        ("orders", "order_id"),
        ("order_lines", "line_id"),
        ("refunds", "refund_id"),
        ("customers", "customer_id"),
        ("sessions", "session_id"),
    ],
)
def test_ids_are_unique_within_a_shop(rows, table, id_column):
    keys = [(r["shop_id"], r[id_column]) for r in rows[table]]
    assert len(keys) == len(set(keys))


def test_order_ids_repeat_across_shops(rows):
    shops_with_1001 = {o["shop_id"] for o in rows["orders"] if o["order_id"] == "1001"}
    assert len(shops_with_1001) == 3


# -- orders, lines and money ------------------------------------------------------------------


def test_gross_sales_is_exactly_price_times_quantity_summed_over_lines(rows):
    gross = defaultdict(Decimal)
    for line in rows["order_lines"]:
        gross[line["shop_id"], line["order_id"]] += line["price"] * line["quantity"]
    assert {(o["shop_id"], o["order_id"]): o["gross_sales"] for o in rows["orders"]} == dict(gross)


def test_line_discounts_sum_exactly_to_the_order_discount(rows):
    discount = defaultdict(Decimal)
    for line in rows["order_lines"]:
        discount[line["shop_id"], line["order_id"]] += line["discount"]
    assert {(o["shop_id"], o["order_id"]): o["discounts"] for o in rows["orders"]} == dict(discount)


def test_lines_hold_one_to_five_items_of_quantity_one_to_three(rows):
    lines_per_order = Counter((line["shop_id"], line["order_id"]) for line in rows["order_lines"])
    assert set(lines_per_order.values()) == {1, 2, 3, 4, 5}
    assert {line["quantity"] for line in rows["order_lines"]} == {1, 2, 3}


def test_discounts_are_none_ten_to_twenty_percent_or_everything(rows):
    shares = Counter()
    for o in rows["orders"]:
        ratio = o["discounts"] / o["gross_sales"]
        if o["discounts"] == 0:
            shares["none"] += 1
        elif o["discounts"] == o["gross_sales"]:
            shares["free"] += 1
        else:
            assert Decimal("0.099") <= ratio <= Decimal("0.2"), o
            shares["partial"] += 1
    assert shares["none"] > shares["partial"] > shares["free"] > 0


def test_taxes_are_at_most_twenty_percent_of_net_sales_and_shipping_a_few_units(rows):
    for o in rows["orders"]:
        assert 0 <= o["taxes"] <= (o["gross_sales"] - o["discounts"]) * Decimal("0.2") + Decimal("0.01")
        assert 0 <= o["shipping"] <= 20
    assert any(o["shipping"] == 0 for o in rows["orders"]) and any(o["shipping"] > 0 for o in rows["orders"])


def test_every_financial_status_occurs_mostly_paid(rows):
    statuses = Counter(o["financial_status"] for o in rows["orders"])
    # expired (a lapsed authorization) is Shopify's but the demo generates none.
    assert set(statuses) == set(FINANCIAL_STATUSES) - {"expired"}
    assert statuses["paid"] > 0.75 * len(rows["orders"])


def test_about_two_percent_cancelled_after_processing_and_one_percent_test(rows):
    n = len(rows["orders"])
    cancelled = [o for o in rows["orders"] if o["cancelled_at"] is not None]
    assert 0.01 * n < len(cancelled) < 0.03 * n
    assert all(o["cancelled_at"] > o["processed_at"] for o in cancelled)
    assert 0.004 * n < sum(o["is_test"] for o in rows["orders"]) < 0.02 * n


def test_processed_at_follows_created_at_within_minutes(rows):
    for o in rows["orders"]:
        assert datetime.timedelta(0) < o["processed_at"] - o["created_at"] <= datetime.timedelta(minutes=15)


def test_orders_lie_in_the_shop_local_history(rows, zones):
    first = END - datetime.timedelta(days=DAYS - 1)
    dates = {_local(o["processed_at"], zones[o["shop_id"]]).date() for o in rows["orders"]}
    assert first <= min(dates) and max(dates) <= END
    assert max(dates) - min(dates) > datetime.timedelta(days=DAYS - 10)


def test_some_orders_fall_within_half_an_hour_of_local_midnight(rows, zones):
    def minutes_from_midnight(o):
        local = _local(o["processed_at"], zones[o["shop_id"]])
        minutes = local.hour * 60 + local.minute
        return min(minutes, 24 * 60 - minutes)

    assert sum(minutes_from_midnight(o) < 30 for o in rows["orders"]) >= 5


def test_some_orders_fall_in_another_month_in_utc_than_locally(rows, zones):
    crossing = [
        o for o in rows["orders"] if _local(o["processed_at"], zones[o["shop_id"]]).month != o["processed_at"].month
    ]
    assert {o["shop_id"] for o in crossing} == set(zones)


def test_a_weekend_and_black_friday_lift(rows, zones):
    per_weekday = Counter(_local(o["processed_at"], zones[o["shop_id"]]).weekday() for o in rows["orders"])
    assert per_weekday[5] > per_weekday[1]
    per_month = Counter(_local(o["processed_at"], zones[o["shop_id"]]).month for o in rows["orders"])
    assert per_month[11] > per_month[2]


# -- customers and guests ---------------------------------------------------------------------


def test_repeat_customers_place_many_orders(rows):
    per_customer = Counter((o["shop_id"], o["customer_id"]) for o in rows["orders"] if o["customer_id"])
    assert max(per_customer.values()) >= 5
    assert sum(1 for c in per_customer.values() if c == 1) > 0


def test_customers_are_created_at_or_before_their_first_order(rows):
    first = {}
    for o in rows["orders"]:
        if o["customer_id"]:
            key = o["shop_id"], o["customer_id"]
            first[key] = min(first.get(key, o["created_at"]), o["created_at"])
    customers = {(c["shop_id"], c["customer_id"]): c for c in rows["customers"]}
    assert set(first) <= set(customers)
    assert all(customers[key]["created_at"] <= when for key, when in first.items())


def test_customers_have_emails_but_not_all(rows):
    emails = [c["email"] for c in rows["customers"]]
    assert None in emails and sum(e is not None for e in emails) > 0.9 * len(emails)


def test_guests_check_out_with_a_customers_email_in_another_case_or_padded(rows):
    known = {(c["shop_id"], c["email"].strip().lower()) for c in rows["customers"] if c["email"]}
    guests = [o for o in rows["orders"] if o["customer_id"] is None]
    matching = [o for o in guests if o["email"] and (o["shop_id"], o["email"].strip().lower()) in known]
    assert any(o["email"] == o["email"].strip().lower() for o in matching)
    assert any(o["email"] != o["email"].lower() for o in matching)
    assert any(o["email"] != o["email"].strip() for o in matching)


def test_some_guests_leave_no_email(rows):
    assert any(o["customer_id"] is None and o["email"] is None for o in rows["orders"])


# -- refunds ----------------------------------------------------------------------------------


def test_refunded_orders_are_refunded_in_full_with_shipping_and_taxes(rows, orders_by_key):
    by_order = defaultdict(list)
    for r in rows["refunds"]:
        by_order[r["shop_id"], r["order_id"]].append(r)
    refunded = [o for o in rows["orders"] if o["financial_status"] == "refunded"]
    assert refunded
    for o in refunded:
        (refund,) = by_order[o["shop_id"], o["order_id"]]
        assert refund["amount"] == o["gross_sales"] - o["discounts"]
        assert (refund["shipping"], refund["taxes"]) == (o["shipping"], o["taxes"])


def test_partially_refunded_orders_get_one_or_two_smaller_refunds(rows):
    by_order = defaultdict(list)
    for r in rows["refunds"]:
        by_order[r["shop_id"], r["order_id"]].append(r)
    partial = [o for o in rows["orders"] if o["financial_status"] == "partially_refunded"]
    counts = Counter()
    for o in partial:
        refunds = by_order[o["shop_id"], o["order_id"]]
        counts[len(refunds)] += 1
        assert 0 < sum(r["amount"] for r in refunds) < o["gross_sales"] - o["discounts"]
        assert all(r["shipping"] == 0 and r["taxes"] <= o["taxes"] for r in refunds)
    assert set(counts) == {1, 2}
    refunded_orders = {o["shop_id"] + o["order_id"] for o in rows["orders"] if "refunded" in o["financial_status"]}
    assert {k[0] + k[1] for k in by_order} == refunded_orders


def test_refunds_never_precede_their_order_nor_follow_the_history(rows, orders_by_key, zones):
    for r in rows["refunds"]:
        order = orders_by_key[r["shop_id"], r["order_id"]]
        assert order["processed_at"] <= r["processed_at"] <= order["processed_at"] + datetime.timedelta(days=21)
        assert _local(r["processed_at"], zones[r["shop_id"]]).date() <= END


def test_some_refunds_land_on_the_next_local_day(rows, orders_by_key, zones):
    def local_date(ts, shop):
        return _local(ts, zones[shop]).date()

    next_day = [
        r
        for r in rows["refunds"]
        if local_date(r["processed_at"], r["shop_id"])
        == local_date(orders_by_key[r["shop_id"], r["order_id"]]["processed_at"], r["shop_id"])
        + datetime.timedelta(days=1)
    ]
    assert len(next_day) >= 5


def test_some_cancelled_orders_are_refunded(rows, orders_by_key):
    assert any(orders_by_key[r["shop_id"], r["order_id"]]["cancelled_at"] for r in rows["refunds"])


# -- sessions ---------------------------------------------------------------------------------


def test_about_five_sessions_per_order(rows):
    assert 4 * len(rows["orders"]) < len(rows["sessions"]) < 6 * len(rows["orders"])


def test_most_orders_have_a_visitor_and_some_a_landing_site(rows):
    n = len(rows["orders"])
    assert 0.8 * n < sum(o["visitor_id"] is not None for o in rows["orders"]) < 0.9 * n
    assert 0.55 * n < sum(o["landing_site"] is not None for o in rows["orders"]) < 0.65 * n
    assert any(o["landing_site"] and "utm_source=" in o["landing_site"] for o in rows["orders"])
    assert any(o["referring_site"] for o in rows["orders"])


def test_journeys_reach_back_up_to_ten_days_before_the_order(rows):
    sessions = defaultdict(list)
    for s in rows["sessions"]:
        sessions[s["shop_id"], s["visitor_id"]].append(s["started_at"])
    gaps = []
    for o in rows["orders"]:
        if o["visitor_id"]:
            before = [o["processed_at"] - t for t in sessions[o["shop_id"], o["visitor_id"]] if t <= o["processed_at"]]
            gaps += [g for g in before if g <= datetime.timedelta(days=10)]
    assert any(g < datetime.timedelta(seconds=60) for g in gaps)
    assert any(g > datetime.timedelta(days=7) for g in gaps)


def test_a_logged_in_customer_is_seen_on_another_device(rows):
    order_visitors = defaultdict(set)
    for o in rows["orders"]:
        if o["customer_id"] and o["visitor_id"]:
            order_visitors[o["shop_id"], o["customer_id"]].add(o["visitor_id"])
    assert any(
        s["customer_id"]
        and order_visitors.get((s["shop_id"], s["customer_id"]))
        and s["visitor_id"] not in order_visitors[s["shop_id"], s["customer_id"]]
        for s in rows["sessions"]
    )


def test_utms_arrive_clean_upper_case_and_padded(rows):
    sources = {s["utm_source"] for s in rows["sessions"] if s["utm_source"]}
    assert {"facebook", "fb", "instagram", "google", "tiktok", "newsletter", "klaviyo"} <= sources
    assert "FACEBOOK" in sources or "GOOGLE" in sources
    assert any(s != s.strip() for s in sources)


def test_utms_arrive_malformed(rows):
    campaigns = {s["utm_campaign"] for s in rows["sessions"] if s["utm_campaign"]}
    assert any(any(ord(ch) < 32 for ch in c) for c in campaigns)
    assert any(len(c) == 300 for c in campaigns)
    assert "%E0%A4%A" in campaigns


def test_some_utms_are_only_in_the_landing_url_percent_or_plus_encoded(rows):
    url_only = [s["landing_url"] for s in rows["sessions"] if s["utm_source"] is None and s["landing_url"]]
    url_only = [u for u in url_only if "utm_source=" in u]
    assert url_only
    assert any("utm_campaign=spring%20sale" in u for u in url_only)
    assert any("utm_campaign=spring+sale" in u for u in url_only)


def test_referrer_only_and_direct_visits(rows):
    untagged = [s for s in rows["sessions"] if s["utm_source"] is None and "utm_" not in (s["landing_url"] or "")]
    referrers = {s["referrer"] for s in untagged}
    expected = {"https://www.google.com/", "https://t.co/x", "https://duckduckgo.com/", "https://checkout.shopify.com/"}
    assert expected <= referrers
    assert any(r and ".myshopify.com/" in r for r in referrers)
    assert None in referrers  # direct


def test_landing_urls_are_on_the_shops_domain(rows):
    for s in rows["sessions"][:2000]:
        if s["landing_url"]:
            assert s["landing_url"].startswith(f"https://{s['shop_id'].replace('_', '-')}.myshopify.com/")


def test_paid_clicks_carry_the_ad_spend_campaign_names(rows):
    ad_names = {a["campaign_name"] for a in rows["ad_spend"]}
    clean = {
        s["utm_campaign"].strip().lower()
        for s in rows["sessions"]
        if s["utm_source"] and s["utm_source"].strip().lower() in PAID_SOURCES and s["utm_campaign"]
        and len(s["utm_campaign"]) < 100 and "%" not in s["utm_campaign"] and s["utm_campaign"].isprintable()
    }  # fmt: skip
    assert clean == ad_names


# -- ad spend and loading ---------------------------------------------------------------------


def test_ad_spend_has_a_row_per_shop_local_day_and_campaign(rows):
    keys = [(a["shop_id"], a["date"], a["campaign_id"]) for a in rows["ad_spend"]]
    assert len(keys) == len(set(keys))
    assert {a["platform"] for a in rows["ad_spend"]} == {"meta", "google", "tiktok"}
    per_platform = defaultdict(set)
    for a in rows["ad_spend"]:
        per_platform[a["platform"]].add(a["campaign_name"])
    assert all(2 <= len(names) <= 3 for names in per_platform.values())
    dates = {a["date"] for a in rows["ad_spend"]}
    assert min(dates) == END - datetime.timedelta(days=DAYS - 1) and max(dates) == END


def test_ad_spend_has_idle_days_and_conversion_values_only_from_meta_and_google(rows):
    assert any(a["spend"] == 0 and a["clicks"] == 0 for a in rows["ad_spend"])
    assert all(a["clicks"] <= a["impressions"] for a in rows["ad_spend"])
    valued = {a["platform"] for a in rows["ad_spend"] if a["platform_conversion_value"] is not None}
    assert valued == {"meta", "google"}
    assert any(a["platform_conversion_value"] is None for a in rows["ad_spend"] if a["platform"] == "meta")


@pytest.mark.parametrize(
    ("table", "event"),
    [("orders", "processed_at"), ("refunds", "processed_at"), ("customers", "created_at"), ("sessions", "started_at")],
)
def test_rows_are_loaded_after_their_event_and_by_the_day_after_the_end(rows, table, event):
    cutoff = datetime.datetime.combine(END + datetime.timedelta(days=2), datetime.time(), datetime.timezone.utc)
    for r in rows[table]:
        assert r[event] <= r["_loaded_at"] < cutoff


def test_an_order_is_loaded_after_its_refunds(rows, orders_by_key):
    for r in rows["refunds"]:
        assert orders_by_key[r["shop_id"], r["order_id"]]["_loaded_at"] >= r["processed_at"]
