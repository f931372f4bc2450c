"""`semantic load DIR` with a GraphQL Admin API bulk-operation result (orders.jsonl) gives the REST figures.

The JSONL is written here from the orders of tests/test_admin_json.py, in the
GraphQL Admin API's shapes: gid ids, MoneyBag money (`shopMoney { amount
currencyCode }`), upper-case `displayFinancialStatus`, camelCase fields, the
connections lineItems and shippingLines as lines of their own with `__parentId`.
Shop A's refunds are lines of their own too (their refundLineItems and
orderAdjustments children of the refund); shop B's are inline with `nodes`.
"""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from semantic.project import Project
from tests.cli_run import cli, isolated  # noqa: F401 (a fixture)
from tests.conftest import Loaded
from tests.test_admin_json import SHOP_A_ORDERS, SHOP_B_ORDERS, money_set
from tests.test_admin_json import order as rest_order
from tests.test_admin_json import line as rest_line
from tests.test_admin_json import refund as rest_refund
from tests.test_fivetran_preset import _Renamed
from tests.test_sales_report_hand import d, report
from tests.test_sales_report_hand import test_tax_inclusive_shop_counts_its_taxes_once as _expect_shop_b


def bag(amount, currency="USD"):
    return None if amount is None else {"shopMoney": {"amount": amount, "currencyCode": currency}}


def gid(kind, number):
    return f"gid://shopify/{kind}/{number}"


def graphql_lines(order, inline_refunds=False, shipping_in_total=False):
    """The JSONL lines of one order: the order, then its children with __parentId."""
    oid = gid("Order", order["id"])
    head = {
        "id": oid, "email": order.get("email"), "createdAt": order["created_at"], "processedAt": order.get("processed_at"),
        "cancelledAt": order.get("cancelled_at"), "test": order["test"], "taxesIncluded": order["taxes_included"],
        "displayFinancialStatus": order["financial_status"].upper(),
        "totalDiscountsSet": bag(order["total_discounts"]), "totalTaxSet": bag(order["total_tax"]),
        "originalTotalDutiesSet": bag((order.get("original_total_duties_set") or {}).get("shop_money", {}).get("amount")),
    }  # fmt: skip
    if order.get("customer"):
        c = order["customer"]
        head["customer"] = {"id": gid("Customer", c["id"]), "email": c["email"], "createdAt": c["created_at"]}
    refunds = []
    for r in order["refunds"]:
        adjustments = r["order_adjustments"]
        if shipping_in_total:  # refunded shipping only inside totalRefundedSet, as older API versions give it
            adjustments = [a for a in adjustments if a["kind"] != "shipping_refund"]
        refunds.append({"totalRefundedSet": bag(REFUNDED_TOTAL.get(r["id"])) if shipping_in_total else None,
            "id": gid("Refund", r["id"]), "createdAt": r["created_at"], "processedAt": r["processed_at"],
            "lines": [{"id": gid("RefundLineItem", x["id"]), "quantity": x["quantity"], "subtotalSet": bag(x["subtotal"]),
                       "totalTaxSet": bag(x["total_tax"])} for x in r["refund_line_items"]],
            "adjustments": [{"id": gid("OrderAdjustment", a["id"]), "reason": a["kind"].upper(),
                             "amountSet": bag(a["amount"]), "taxAmountSet": bag(a["tax_amount"])}
                            for a in adjustments],
            "duties": [{"amountSet": bag(x["amount_set"]["shop_money"]["amount"])} for x in r.get("duties", [])],
        })  # fmt: skip
    if inline_refunds:
        head["refunds"] = [{"id": r["id"], "totalRefundedSet": r["totalRefundedSet"], "createdAt": r["createdAt"], "processedAt": r["processedAt"], "duties": r["duties"],
                            "refundLineItems": {"nodes": r["lines"]}, "orderAdjustments": {"nodes": r["adjustments"]}}
                           for r in refunds]  # fmt: skip
    lines = [head]
    for item in order["line_items"]:
        lines.append({"id": gid("LineItem", item["id"]), "__parentId": oid, "quantity": item["quantity"],
                      "originalUnitPriceSet": bag(item["price"]), "totalDiscountSet": bag(item["total_discount"]),
                      "isGiftCard": item["gift_card"], "product": {"id": gid("Product", item["product_id"])},
                      "duties": [{"price": bag(x["price_set"]["shop_money"]["amount"])} for x in item.get("duties", [])]})  # fmt: skip
    for ship in order["shipping_lines"]:
        lines.append({"id": gid("ShippingLine", f"{order['id']}9"), "__parentId": oid,
                      "originalPriceSet": bag(ship["price"]), "discountedPriceSet": bag(ship["discounted_price"])})  # fmt: skip
    if not inline_refunds:
        for r in refunds:
            lines.append({"id": r["id"], "__parentId": oid, "totalRefundedSet": r["totalRefundedSet"], "createdAt": r["createdAt"], "processedAt": r["processedAt"],
                          "duties": r["duties"]})  # fmt: skip
            lines += [{**x, "__parentId": r["id"]} for x in r["lines"] + r["adjustments"]]
    return lines


# What each refund of shop A gave back in all, by hand: 32 - 2 + 5 + 2.40; 60 + 5 + 5.20.
REFUNDED_TOTAL = {501: "37.40", 502: "70.20"}


def bulk_export(directory, shop_id, zone, currency, orders, inline_refunds=False, shipping_in_total=False):
    directory.mkdir()
    shop = {"id": gid("Shop", shop_id), "ianaTimezone": zone, "currencyCode": currency, "timezoneAbbreviation": "EST"}
    (directory / "shop.json").write_text(json.dumps({"data": {"shop": shop}}), encoding="utf-8")
    lines = [json.dumps(x) for o in orders for x in graphql_lines(o, inline_refunds, shipping_in_total)]
    (directory / "orders.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.fixture
def loaded_jsonl(capsys, isolated):
    def load(name, *args, **kwargs):
        url = f"duckdb:///{isolated / (name + '.duckdb')}"
        code, out, err = cli(capsys, "load", str(bulk_export(isolated / name, *args, **kwargs)), "--database", url)
        assert code == 0, err
        from semantic.backends.connect import connect

        return Loaded(connect(url), Project.from_text('[project]\nprofile = "shopify"\n'))

    return load


def test_graphql_bulk_jsonl_gives_the_rest_figures(loaded_jsonl):
    a = loaded_jsonl("a", 1001, "America/New_York", "USD", SHOP_A_ORDERS)
    got = report(a, "1001")
    # As tests/test_admin_json.py's REST figures, worked out by hand from the same orders.
    assert got[d("2024-01-10")] == (D("210.00"), D("-10.00"), D("0.00"), D("200.00"), D("10.00"), D("15.60"), D("225.60"), 4, 50.0)
    assert got[d("2024-01-11")] == (D("20.00"), D("-2.00"), D("-60.00"), D("-42.00"), D("-5.00"), D("-3.76"), D("-50.76"), 1, 18.0)
    assert got[d("2024-01-12")] == (D("0.00"), D("0.00"), D("-48.00"), D("-48.00"), D("-5.00"), D("-3.84"), D("-56.84"), 0, None)
    assert a.query(["new_customers"], by=["shop"]) == [{"shop_id": "1001", "new_customers": 1}]
    a.warehouse.close()
    b = loaded_jsonl("b", 2002, "Europe/London", "GBP", SHOP_B_ORDERS, inline_refunds=True)
    _expect_shop_b(_Renamed(b, {"B": "2002"}))
    b.warehouse.close()


def test_refunded_shipping_inside_the_refund_total_is_read_as_the_preset_reads_it(loaded_jsonl):
    a = loaded_jsonl("t", 1001, "America/New_York", "USD", SHOP_A_ORDERS, shipping_in_total=True)
    got = report(a, "1001", ("returns", "shipping", "taxes", "total_sales"))
    # Without shipping_refund adjustments, 37.40 - 32 - 2.40 + 2 (discrepancy) = 5.00 and 70.20 - 60 - 5.20 = 5.00;
    # Jan 11 total: 20 - 2 - 60 - 5 - 3.76.
    assert got[d("2024-01-11")] == (D("-60.00"), D("-5.00"), D("-3.76"), D("-50.76"))
    assert got[d("2024-01-12")] == (D("-48.00"), D("-5.00"), D("-3.84"), D("-56.84"))
    a.warehouse.close()


def test_graphql_duties_as_rest_duties(loaded_jsonl):
    sold = {**rest_order(1, "2024-01-14T12:00:00Z", "partially_refunded", [rest_line(11, "80.00")], "6.40"),
            "original_total_duties_set": money_set("12.00"),
            "refunds": [{**rest_refund(501, "2024-01-15T12:00:00Z", "40.00", "3.20"),
                         "duties": [{"duty_id": 71, "amount_set": money_set("6.00")}]}]}  # fmt: skip
    c = loaded_jsonl("c", 3003, "Europe/London", "GBP", [sold])
    got = report(c, "3003", ("gross_sales", "returns", "taxes", "duties", "total_sales"))
    assert got == {d("2024-01-14"): (D("80.00"), D("0.00"), D("6.40"), D("12.00"), D("98.40")),
                   d("2024-01-15"): (D("0.00"), D("-40.00"), D("-3.20"), D("-6.00"), D("-49.20"))}  # fmt: skip
    c.warehouse.close()


def test_a_child_line_before_its_parent_is_refused_naming_the_line(capsys, isolated):
    directory = bulk_export(isolated / "x", 1, "UTC", "USD", [])
    (directory / "orders.jsonl").write_text(json.dumps({"id": gid("LineItem", 1), "__parentId": gid("Order", 9)}) + "\n")
    code, _, err = cli(capsys, "load", str(directory), "--database", f"duckdb:///{isolated / 'x.duckdb'}")
    assert code == 2 and "orders.jsonl: line 1: its __parentId 'gid://shopify/Order/9' is on no earlier line" in err
