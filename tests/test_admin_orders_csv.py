"""`semantic load DIR` with Shopify admin's orders CSV export gives the JSON's figures where the CSV carries them.

The export is written here, in the columns Shopify's Orders > Export writes (one
row per line item, the order's fields on its first row only, timestamps as
`2024-01-10 10:00:00 -0500`), for the orders of tests/test_admin_json.py. The
export marks neither test orders nor gift-card lines, so those are left out of
it, and it has no dated refunds: returns come only from cancellations.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import zoneinfo
from decimal import Decimal as D

import pytest

from semantic.project import Project
from tests.cli_run import cli, isolated, one_line  # noqa: F401 (a fixture)
from tests.conftest import Loaded
from tests.test_admin_json import SHOP_A_ORDERS, SHOP_B_ORDERS
from tests.test_sales_report_hand import d, report

COLUMNS = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
           "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
           "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
           "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
           "Billing Name", "Notes", "Cancelled at", "Payment Method", "Refunded Amount", "Vendor", "Id", "Tags",
           "Risk Level", "Source", "Lineitem discount", "Tax 1 Name", "Tax 1 Value", "Phone", "Duties"]  # fmt: skip
# What each order's refunds gave back in all (merchandise - discrepancy + shipping + tax), by hand.
REFUNDED = {("A", 1): "37.40", ("A", 3): "70.20", ("B", 1): "60.00"}


def shop_time(text, zone):
    if not text:
        return ""
    instant = dt.datetime.fromisoformat(text.replace(" UTC", "+00:00").replace("Z", "+00:00"))
    return instant.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S %z")


def export_rows(shop, order, zone, currency):
    lines = [x for x in order["line_items"] if not x["gift_card"]]
    gross = sum(D(x["price"]) * x["quantity"] for x in lines)
    subtotal = gross - D(order["total_discounts"])
    shipping = sum((D(s["discounted_price"]) for s in order["shipping_lines"]), D("0.00"))
    taxes = D(order["total_tax"])
    total = subtotal + shipping + (0 if order["taxes_included"] else taxes)
    first = {"Name": f"#{1000 + order['id']}", "Email": order.get("email") or "", "Financial Status": order["financial_status"],
             "Currency": currency, "Subtotal": f"{subtotal:.2f}", "Shipping": f"{shipping:.2f}", "Taxes": f"{taxes:.2f}",
             "Total": f"{total:.2f}", "Discount Amount": order["total_discounts"],
             "Created at": shop_time(order["processed_at"] or order["created_at"], zone),
             "Cancelled at": shop_time(order.get("cancelled_at"), zone), "Refunded Amount": REFUNDED.get((shop, order["id"]), "0.00"),
             "Id": str(5_000_000 + order["id"]), "Source": "web", "Tags": "", "Duties": ""}  # fmt: skip
    rows = []
    for n, x in enumerate(lines):
        item = {"Name": first["Name"], "Lineitem quantity": str(x["quantity"]), "Lineitem name": f"Product {x['product_id']}",
                "Lineitem price": x["price"], "Lineitem sku": f"SKU-{x['product_id']}", "Lineitem discount": x["total_discount"]}  # fmt: skip
        rows.append({**(first if n == 0 else {}), **item})
    return rows


def orders_export(directory, shop, shop_id, zone, currency, orders):
    directory.mkdir()
    (directory / "shop.json").write_text(json.dumps({"shop": {"id": shop_id, "iana_timezone": zone, "currency": currency}}))
    with (directory / "orders_export_1.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS, restval="")
        writer.writeheader()
        for order in orders:
            if not order["test"]:  # the export cannot mark a test order
                writer.writerows(export_rows(shop, order, zone, currency))
    return directory


@pytest.fixture
def loaded_csv(capsys, isolated):
    def load(name, *args, strict=False):
        url = f"duckdb:///{isolated / (name + '.duckdb')}"
        code, out, err = cli(capsys, "load", str(orders_export(isolated / name, *args)), "--database", url, *(["--strict"] if strict else []))
        if strict:
            return code, err
        assert code == 0, err
        from semantic.backends.connect import connect

        return Loaded(connect(url), Project.from_text('[project]\nprofile = "shopify"\n')), err

    return load


def test_the_orders_export_gives_the_json_figures_but_its_refunds(loaded_csv):
    a, err = loaded_csv("a", "A", 1001, "America/New_York", "USD", SHOP_A_ORDERS)
    got = report(a, "1001")
    # Jan 10 and Jan 11 as from orders.json: #1003's cancellation returns on Jan 11 what its refund did.
    assert got[d("2024-01-10")] == (D("210.00"), D("-10.00"), D("0.00"), D("200.00"), D("10.00"), D("15.60"), D("225.60"), 4, 50.0)
    assert got[d("2024-01-11")] == (D("20.00"), D("-2.00"), D("-60.00"), D("-42.00"), D("-5.00"), D("-3.76"), D("-50.76"), 1, 18.0)
    # Jan 12 lacks #1001's refund (30.00, 5.00 shipping, 2.40 tax): only #1004's cancellation (18.00, 1.44 tax).
    assert got[d("2024-01-12")] == (D("0.00"), D("0.00"), D("-18.00"), D("-18.00"), D("0.00"), D("-1.44"), D("-19.44"), 0, None)
    assert "2 order(s) (#1001, #1003) have refunds (107.60 in all)" in one_line(err)
    assert "no returns are loaded" in one_line(err)
    a.warehouse.close()


def test_tax_inclusive_orders_are_read_from_their_totals(loaded_csv):
    b, _ = loaded_csv("b", "B", 2002, "Europe/London", "GBP", SHOP_B_ORDERS)
    # As from orders.json, without rb1 (Jan 13), which the export cannot date.
    assert report(b, "2002") == {
        d("2024-01-10"): (D("99.00"), D("0.00"), D("0.00"), D("99.00"), D("6.00"), D("21.00"), D("126.00"), 1, 99.0),
        d("2024-01-12"): (D("43.33"), D("-10.00"), D("0.00"), D("33.33"), D("0.00"), D("6.67"), D("40.00"), 1, 33.33),
    }
    b.warehouse.close()


def test_strict_refuses_an_export_with_refunds(loaded_csv):
    code, err = loaded_csv("s", "A", 1001, "America/New_York", "USD", SHOP_A_ORDERS, strict=True)
    assert code == 2 and "--strict" in err and "cannot date" in one_line(err)


def test_a_file_that_is_not_the_export_is_named(capsys, isolated):
    directory = isolated / "x"
    directory.mkdir()
    (directory / "shop.json").write_text(json.dumps({"shop": {"id": 1, "iana_timezone": "UTC", "currency": "USD"}}))
    (directory / "orders_export_1.csv").write_text("Name,Email\n#1,a@example.com\n")
    code, _, err = cli(capsys, "load", str(directory), "--database", f"duckdb:///{isolated / 'x.duckdb'}")
    assert code == 2 and "not Shopify's orders export: no column(s) Id, Financial Status" in one_line(err)
