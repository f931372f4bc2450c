"""Shopify's Sales report on a hand-computed fixture (tests/shopify_hand.py), on both engines.

Every figure below is worked out by hand from the fixture's docstring, in
Shopify's signs (discounts and returns negative).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from semantic.errors import ConfigError
from semantic.project import Project
from tests.shopify_hand import shopify_hand_tables

REPORT = ("gross_sales", "discounts", "returns", "net_sales", "shipping", "taxes", "total_sales", "orders", "shopify_aov")
SHOPIFY = '[project]\nprofile = "shopify"\n'


@pytest.fixture
def shop(load_warehouse):
    return load_warehouse(shopify_hand_tables(), SHOPIFY)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def report(loaded, shop_id: str, metrics=REPORT) -> dict:
    rows = loaded.query(metrics, by=["day"], shops=(shop_id,))
    return {r["day"]: tuple(r[m] for m in metrics) for r in rows}


def test_tax_exclusive_shop_as_shopify_reports_it(shop):
    assert report(shop, "A") == {
        # a1 + a2 (pending) + a3 (cancelled later) + a6 (23:30 local); a5 is a test order.
        d("2024-01-10"): (D("210.00"), D("-10.00"), D("0.00"), D("200.00"), D("10.00"), D("15.60"), D("225.60"), 4, 50.0),
        # a4 sold; rc3 returns a3 on its cancellation day; ra0's order predates the history, still a return.
        d("2024-01-11"): (D("20.00"), D("-2.00"), D("-75.00"), D("-57.00"), D("-5.00"), D("-4.96"), D("-66.96"), 1, 18.0),
        # ra1, and a4's cancellation (never refunded) returns its 18.00 and 1.44 tax.
        d("2024-01-12"): (D("0.00"), D("0.00"), D("-48.00"), D("-48.00"), D("-5.00"), D("-3.84"), D("-56.84"), 0, None),
    }


def test_tax_inclusive_shop_counts_its_taxes_once(shop):
    assert report(shop, "B") == {
        # 120 with 21.00 VAT in it: gross 99.00; total is what the customer paid, 126.00.
        d("2024-01-10"): (D("99.00"), D("0.00"), D("0.00"), D("99.00"), D("6.00"), D("21.00"), D("126.00"), 1, 99.0),
        d("2024-01-12"): (D("43.33"), D("-10.00"), D("0.00"), D("33.33"), D("0.00"), D("6.67"), D("40.00"), 1, 33.33),
        d("2024-01-13"): (D("0.00"), D("0.00"), D("-50.00"), D("-50.00"), D("0.00"), D("-10.00"), D("-60.00"), 0, None),
    }


def test_default_revenue_never_adds_tax_to_tax_inclusive_prices(load_warehouse):
    loaded = load_warehouse(shopify_hand_tables())
    # b1: 120 + 6 (tax inside) - rb1 60 on the order day; b2: 50 - 10.
    assert report(loaded, "B", ("revenue", "orders")) == {d("2024-01-10"): (D("66.00"), 1), d("2024-01-12"): (D("40.00"), 1)}
    no_tax = loaded.with_overrides("revenue.include_taxes=false")
    # b1: 126 - 21 - (60 - 10); b2: 40 - 6.67.
    assert report(no_tax, "B", ("revenue",)) == {d("2024-01-10"): (D("55.00"),), d("2024-01-12"): (D("33.33"),)}


def test_default_revenue_of_the_tax_exclusive_shop(load_warehouse):
    loaded = load_warehouse(shopify_hand_tables())
    # Included: a1 (102.20 - ra1 37.40) and a6 (10.00); pending, voided, cancelled and test orders are not.
    assert report(loaded, "A", ("revenue", "orders")) == {d("2024-01-10"): (D("74.80"), 2)}


def test_refund_date_dating_counts_refunds_of_orders_outside_the_history(load_warehouse):
    loaded = load_warehouse(shopify_hand_tables(), '[revenue]\nrefund_dating = "refund_date"\n')
    # ra0 (order never loaded) lands on Jan 11; rc3 refunds a cancelled order, which does not count.
    assert report(loaded, "A", ("revenue", "orders")) == {
        d("2024-01-10"): (D("112.20"), 2),
        d("2024-01-11"): (D("-16.20"), 0),
        d("2024-01-12"): (D("-37.40"), 0),
    }
    # A range holding only the refund's day still shows it, without its order.
    rows = loaded.query(["revenue"], by=["day"], shops=("A",), start=d("2024-01-12"), end=d("2024-01-12"))
    assert rows == [{"day": d("2024-01-12"), "revenue": D("-37.40")}]


def test_shopify_totals_equal_revenue_under_the_profile_except_cancellations(shop):
    # Under the profile, revenue differs from total_sales only by a4's cancellation return (19.44 on Jan 12).
    got = report(shop, "A", ("revenue", "total_sales"))
    assert got[d("2024-01-12")] == (D("-37.40"), D("-56.84"))
    assert got[d("2024-01-10")] == (D("225.60"), D("225.60"))


def test_an_expired_order_is_a_sale_in_shopify_report_and_no_revenue_by_default(load_warehouse):
    from tests.shopify_hand import order, table

    tables = shopify_hand_tables()
    rows = _plain(tables["orders"].to_pylist())
    # a7: Jan 13 12:00 local (17:00Z), an authorization of 30.00 (tax 2.40) that lapsed: expired.
    tables["orders"] = table("orders", [*rows, order("A", "a7", "2024-01-13T17:00:00", "expired", "30", taxes="2.40")])
    shopify = load_warehouse(tables, SHOPIFY)
    assert report(shopify, "A")[d("2024-01-13")] == (
        D("30.00"), D("0.00"), D("0.00"), D("30.00"), D("0.00"), D("2.40"), D("32.40"), 1, 30.0)  # fmt: skip
    default = load_warehouse(tables)
    assert d("2024-01-13") not in report(default, "A", ("revenue", "orders"))


def _plain(rows):
    return [{k: (v.isoformat() if hasattr(v, "isoformat") else
                 (str(v) if v is not None and not isinstance(v, (bool, str)) else v)) for k, v in r.items()}
            for r in rows]  # fmt: skip


def test_duties_are_part_of_total_sales_and_returned_with_their_refund(load_warehouse):
    from tests.shopify_hand import order, refund, table

    tables = shopify_hand_tables()
    # a8: Jan 14 12:00 local, paid, gross 80, tax 6.40, duties 12.00; ra8 Jan 15: 40, tax 3.20, duties 6.00.
    # a9: Jan 15 12:00 local, voided, gross 20, duties 5.00, cancelled Jan 16 12:00 local, never refunded.
    orders = [*_plain(tables["orders"].to_pylist()),
              order("A", "a8", "2024-01-14T17:00:00", "paid", "80", taxes="6.40", duties="12.00"),
              order("A", "a9", "2024-01-15T17:00:00", "voided", "20", duties="5.00", cancelled_at="2024-01-16T17:00:00")]
    refunds = [*_plain(tables["refunds"].to_pylist()),
               {**refund("A", "ra8", "a8", "2024-01-15T17:00:00", "40", "0", "3.20"), "duties": "6.00"}]  # fmt: skip
    tables["orders"], tables["refunds"] = table("orders", orders), table("refunds", refunds)
    shopify = load_warehouse(tables, SHOPIFY)
    metrics = (*REPORT[:6], "duties", *REPORT[6:])
    got = report(shopify, "A", metrics)
    # gross, discounts, returns, net, shipping, taxes, duties, total (= net + shipping + taxes + duties), orders, AOV
    assert got[d("2024-01-14")] == (D("80.00"), D("0.00"), D("0.00"), D("80.00"), D("0.00"), D("6.40"), D("12.00"),
                                    D("98.40"), 1, 80.0)  # fmt: skip
    # a9 sold (20 + 5 duties); ra8 returns 40, 3.20 tax and 6.00 duties: -20 - 3.20 + (5 - 6).
    assert got[d("2024-01-15")] == (D("20.00"), D("0.00"), D("-40.00"), D("-20.00"), D("0.00"), D("-3.20"), D("-1.00"),
                                    D("-24.20"), 1, 20.0)  # fmt: skip
    # a9's cancellation returns its 20.00 and its 5.00 duties.
    assert got[d("2024-01-16")] == (D("0.00"), D("0.00"), D("-20.00"), D("-20.00"), D("0.00"), D("0.00"), D("-5.00"),
                                    D("-25.00"), 0, None)  # fmt: skip
    # The days without duties (NULL) are as before: Jan 10's total is still 225.60.
    assert got[d("2024-01-10")][6:8] == (D("0.00"), D("225.60"))
    # Our revenue leaves duties out: a8 is 80 + 6.40 - (40 + 3.20) on its order day.
    default = load_warehouse(tables)
    assert report(default, "A", ("revenue",))[d("2024-01-14")] == (D("43.20"),)


def test_a_knob_contradicting_the_profile_is_an_error_naming_the_line():
    with pytest.raises(ConfigError, match=r"orders.exclude_cancelled = true contradicts profile 'shopify'") as err:
        Project.from_text(SHOPIFY + "[orders]\nexclude_cancelled = true\n")
    assert err.value.line == 4
    # The same value as the profile is fine; --set may still change one for a run.
    project = Project.from_text(SHOPIFY + "[orders]\nexclude_test = true\n")
    assert project.with_overrides(["revenue.refund_dating=order_date"]).config.revenue.refund_dating == "order_date"
    assert Project.defaults().with_overrides(["profile=shopify"]).config.orders.exclude_cancelled is False


def test_a_query_says_how_many_refunds_of_unloaded_orders_it_counted(shop):
    from semantic.backends.runner import query_notes, run_query
    from semantic.query import QuerySpec, build_query

    def notes(**kwargs):
        built = build_query(shop.project.catalog, shop.project.config, QuerySpec(metrics=("returns",), by=("shop",), **kwargs))
        run_query(shop.warehouse, built)
        return query_notes(shop.warehouse, built)

    assert len(notes()) == 1 and notes()[0].startswith("1 refund(s) counted on their own day have no loaded order")
    assert notes(start=d("2024-01-12")) == []  # ra0 lands on Jan 11
    assert notes(shops=("B",)) == []


def test_first_time_and_returning_customers_over_the_whole_history(load_warehouse):
    from tests.shopify_hand import table

    tables = shopify_hand_tables()
    rows = tables["orders"].to_pylist()
    # c1 buys a1 (Jan 10) and a6 (Jan 10, later); a2's guest email belongs to c1's customers row.
    for row in rows:
        if row["order_id"] in ("a1", "a6"):
            row["customer_id"] = "c1"
        if row["order_id"] == "a2":
            row["email"] = " C1@Example.com"
    tables["orders"] = table("orders", [{k: (v.isoformat() if hasattr(v, "isoformat") else
                                            (str(v) if v is not None and not isinstance(v, (bool, str)) else v))
                                         for k, v in r.items()} for r in rows])  # fmt: skip
    tables["customers"] = table("customers", [dict(shop_id="A", customer_id="c1", email="c1@example.com",
                                                   created_at="2023-01-01T00:00:00")])  # fmt: skip
    loaded = load_warehouse(tables, SHOPIFY)
    got = loaded.query(["orders", "gross_sales", "returns"], by=["customer_type"], shops=("A",))
    # first-time: a1 (100); returning: a2 (40, 15:00 local, after a1's 10:00) and a6 (10);
    # nobody: a3 and a4 (guests without email). Returns follow their order: ra1 is a1's; ra0 has no order.
    assert got == [
        {"customer_type": "first-time", "orders": 1, "gross_sales": D("100.00"), "returns": D("-30.00")},
        {"customer_type": "returning", "orders": 2, "gross_sales": D("50.00"), "returns": D("0.00")},
        {"customer_type": None, "orders": 2, "gross_sales": D("80.00"), "returns": D("-93.00")},
    ]
