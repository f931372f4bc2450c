"""`semantic load DIR` with Shopify Admin API JSON (shop.json + orders.json) gives the hand-computed report.

The JSON is written here, in the REST Admin API's shapes (money as strings,
timestamps with offsets or Z, nested line_items, shipping_lines, refunds with
refund_line_items and order_adjustments), for the orders of tests/shopify_hand.py.
Refunds live inside their orders there, so ra0 (an order never loaded) has no place.
"""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from semantic.backends.shopify_json import instant
from semantic.errors import ConfigError
from semantic.project import Project
from tests.cli_run import cli, isolated  # noqa: F401 (a fixture)
from tests.conftest import Loaded
from tests.test_fivetran_preset import _Renamed
from tests.test_sales_report_hand import d, report
from tests.test_sales_report_hand import test_tax_inclusive_shop_counts_its_taxes_once as _expect_shop_b


def line(id_, price, quantity=1, discount="0.00", gift_card=False):
    return {"id": id_, "product_id": 900 + id_, "quantity": quantity, "price": price,
            "total_discount": discount, "gift_card": gift_card}  # fmt: skip


def order(id_, processed, status, lines, tax="0.00", discounts="0.00", shipping=None, **more):
    return {"id": id_, "created_at": processed, "processed_at": processed, "financial_status": status,
            "test": False, "line_items": lines, "total_discounts": discounts, "total_tax": tax,
            "shipping_lines": [{"price": shipping, "discounted_price": shipping}] if shipping else [],
            "taxes_included": False, "refunds": [], **more}  # fmt: skip


def refund(id_, processed, subtotal, tax, adjustments=()):
    return {"id": id_, "created_at": processed, "processed_at": processed,
            "refund_line_items": [{"id": id_ * 10, "line_item_id": 1, "quantity": 1, "subtotal": subtotal,
                                   "total_tax": tax}],
            "order_adjustments": [{"id": id_ * 10 + i, "kind": k, "amount": a, "tax_amount": "0.00"}
                                  for i, (k, a) in enumerate(adjustments)]}  # fmt: skip


SHOP_A_ORDERS = [
    order(1, "2024-01-10T10:00:00-05:00", "partially_refunded", [line(11, "50.00", 2, "10.00")], "7.20", "10.00", "5.00",
          refunds=[refund(501, "2024-01-12T10:00:00-05:00", "32.00", "2.40",
                          [("refund_discrepancy", "2.00"), ("shipping_refund", "-5.00")])]),
    order(2, "2024-01-10T15:00:00-05:00", "pending", [line(21, "40.00")], "3.20", processed_at=None),
    order(3, "2024-01-10T16:00:00Z", "refunded", [line(31, "20.00", 3)], "5.20", shipping="5.00",
          cancelled_at="2024-01-11 14:00:00 UTC",
          refunds=[refund(502, "2024-01-11T14:00:00Z", "60.00", "5.20", [("shipping_refund", "-5.00")])]),
    order(4, "2024-01-11T10:00:00-05:00", "voided", [line(41, "20.00", 1, "2.00")], "1.44", "2.00",
          cancelled_at="2024-01-12T10:00:00-05:00"),
    {**order(5, "2024-01-10T12:00:00-05:00", "paid", [line(51, "25.00")]), "test": True},
    order(6, "2024-01-10T23:30:00-05:00", "paid", [line(61, "10.00"), line(62, "25.00", gift_card=True)],
          customer={"id": 3001, "email": "x@example.com", "created_at": "2023-12-01T00:00:00Z"}),
]  # fmt: skip
SHOP_B_ORDERS = [
    {**order(1, "2024-01-10T12:00:00Z", "partially_refunded", [line(11, "120.00")], "21.00", shipping="6.00",
             refunds=[refund(501, "2024-01-13T10:00:00Z", "60.00", "10.00")]), "taxes_included": True},
    {**order(2, "2024-01-12T23:30:00+00:00", "paid", [line(21, "50.00", 1, "10.00")], "6.67", "10.00"),
     "taxes_included": True},
]  # fmt: skip


def export(directory, shop_id, zone, currency, orders):
    directory.mkdir()
    shop = {"id": shop_id, "iana_timezone": zone, "timezone": "(GMT-05:00) Eastern Time (US & Canada)", "currency": currency}
    (directory / "shop.json").write_text(json.dumps({"shop": shop}), encoding="utf-8")
    (directory / "orders.json").write_text(json.dumps({"orders": orders}), encoding="utf-8")
    return directory


@pytest.fixture
def loaded_json(capsys, isolated):
    def load(name, shop_id, zone, currency, orders):
        url = f"duckdb:///{isolated / (name + '.duckdb')}"
        code, out, err = cli(capsys, "load", str(export(isolated / name, shop_id, zone, currency, orders)), "--database", url)
        assert code == 0, err
        from semantic.backends.connect import connect

        warehouse = connect(url)
        return Loaded(warehouse, Project.from_text('[project]\nprofile = "shopify"\n'))

    return load


def test_rest_orders_json_gives_the_hand_report(loaded_json):
    a = loaded_json("a", 1001, "America/New_York", "USD", SHOP_A_ORDERS)
    got = report(a, "1001")
    # As the hand report, but without ra0, whose order is not in the export (Jan 11: returns -60, not -75).
    assert got[d("2024-01-10")] == (D("210.00"), D("-10.00"), D("0.00"), D("200.00"), D("10.00"), D("15.60"), D("225.60"), 4, 50.0)
    assert got[d("2024-01-11")] == (D("20.00"), D("-2.00"), D("-60.00"), D("-42.00"), D("-5.00"), D("-3.76"), D("-50.76"), 1, 18.0)
    assert got[d("2024-01-12")] == (D("0.00"), D("0.00"), D("-48.00"), D("-48.00"), D("-5.00"), D("-3.84"), D("-56.84"), 0, None)
    assert a.query(["new_customers"], by=["shop"]) == [{"shop_id": "1001", "new_customers": 1}]
    a.warehouse.close()
    b = loaded_json("b", 2002, "Europe/London", "GBP", SHOP_B_ORDERS)
    _expect_shop_b(_Renamed(b, {"B": "2002"}))
    b.warehouse.close()


def test_timestamps_need_a_zone():
    assert instant("2024-01-10 15:00:00 UTC", "x") == instant("2024-01-10T10:00:00-05:00", "x")
    assert instant("2024-01-10T15:00:00Z", "x").isoformat() == "2024-01-10T15:00:00+00:00"
    with pytest.raises(ConfigError, match="has no zone"):
        instant("2024-01-10T15:00:00", "orders.json, order #1, created_at")


def test_a_shop_without_iana_timezone_maps_its_rails_display_string(capsys, isolated):
    import duckdb

    directory = export(isolated / "x", 1, None, "USD", [])  # timezone "(GMT-05:00) Eastern Time (US & Canada)"
    code, _, err = cli(capsys, "load", str(directory), "--database", f"duckdb:///{isolated / 'x.duckdb'}")
    assert code == 0, err
    with duckdb.connect(str(isolated / "x.duckdb"), read_only=True) as con:
        assert con.execute("SELECT timezone FROM shops").fetchall() == [("America/New_York",)]


def test_an_order_twice_in_orders_json_is_refused_with_its_rows(capsys, isolated):
    # The JSON reader lower-cases statuses itself (REST writes them so); a repeated order is refused at the door.
    orders = [order(1, "2024-01-10T10:00:00-05:00", "paid", [line(11, "50.00")]),
              order(2, "2024-01-10T11:00:00-05:00", "paid", [line(21, "40.00")]),
              order(1, "2024-01-10T10:00:00-05:00", "paid", [line(11, "50.00")])]  # fmt: skip
    directory = export(isolated / "twice", 77, "America/New_York", "USD", orders)
    code, _, err = cli(capsys, "load", str(directory), "--database", str(isolated / "twice.duckdb"))
    assert code == 1
    text = " ".join(err.split())
    assert "FAIL duplicate_keys" in text and "in orders.json row 1, row 3" in text
    assert "in order_lines row 1, row 3 (read from orders.json)" in text


def test_a_shop_with_an_unknown_zone_name_is_refused_naming_it(capsys, isolated):
    directory = export(isolated / "y", 1, None, "USD", [])
    shop = json.loads((directory / "shop.json").read_text())
    shop["shop"]["timezone"] = "(GMT-05:00) Eastern Time"
    (directory / "shop.json").write_text(json.dumps(shop))
    code, _, err = cli(capsys, "load", str(directory), "--database", f"duckdb:///{isolated / 'y.duckdb'}")
    assert code == 2 and "timezone: '(GMT-05:00) Eastern Time' is neither an IANA time zone nor a Rails zone name" in err


def money_set(amount):
    return {"shop_money": {"amount": amount, "currency_code": "GBP"}, "presentment_money": {"amount": amount, "currency_code": "GBP"}}


def test_rest_duties_are_charged_on_the_order_day_and_returned_with_their_refund(loaded_json):
    sold = {**order(1, "2024-01-14T12:00:00Z", "partially_refunded", [line(11, "80.00")], "6.40"),
            "original_total_duties_set": money_set("12.00"), "current_total_duties_set": money_set("6.00"),
            "refunds": [{**refund(501, "2024-01-15T12:00:00Z", "40.00", "3.20"),
                         "duties": [{"duty_id": 71, "amount_set": money_set("6.00")}]}]}  # fmt: skip
    # Without original_total_duties_set, the lines' duties are the order's.
    by_lines = {**order(2, "2024-01-14T13:00:00Z", "paid", [{**line(21, "10.00"), "duties": [{"id": 72, "price_set": money_set("1.50")}]}])}
    c = loaded_json("c", 3003, "Europe/London", "GBP", [sold, by_lines])
    got = report(c, "3003", ("gross_sales", "returns", "taxes", "duties", "total_sales"))
    # Jan 14: 80 + 10 gross, 6.40 tax, 12.00 + 1.50 duties; Jan 15: 40 returned, 3.20 tax and 6.00 duties back.
    assert got == {d("2024-01-14"): (D("90.00"), D("0.00"), D("6.40"), D("13.50"), D("109.90")),
                   d("2024-01-15"): (D("0.00"), D("-40.00"), D("-3.20"), D("-6.00"), D("-49.20"))}  # fmt: skip
    c.warehouse.close()
