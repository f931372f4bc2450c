"""A small Shopify shop pair whose Sales report is computed by hand (tests/test_sales_report_hand.py).

Shop A, America/New_York (EST, UTC-5), prices exclude tax; shop B, Europe/London
(GMT), prices include tax. Times are UTC; "local" is shop time.

A  a1  Jan 10 10:00  partially_refunded  gross 100, disc 10, ship 5, tax 7.20
       ra1 Jan 12 10:00: merchandise 30, shipping 5, tax 2.40
   a2  Jan 10 15:00  pending             gross 40, tax 3.20
   a3  Jan 10 11:00  refunded, cancelled Jan 11 09:00; gross 60, ship 5, tax 5.20
       rc3 Jan 11 09:00 (the cancellation's refund): 60, 5, 5.20
   a4  Jan 11 10:00  voided, cancelled Jan 12 10:00, never refunded: gross 20, disc 2, tax 1.44
   a5  Jan 10        paid, a test order: never counts
   a6  Jan 10 23:30  paid (04:30Z Jan 11)  gross 10
   ra0 Jan 11 10:00  refund of an order that predates the loaded history: 15, tax 1.20
B  b1  Jan 10 12:00  partially_refunded, tax-inclusive: gross 120, ship 6, tax 21.00
       rb1 Jan 13 10:00: merchandise 60 (tax-inclusive), tax 10.00
   b2  Jan 12 23:30  paid, tax-inclusive: gross 50, disc 10, tax 6.67
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa

from semantic.arrow_schema import contract_arrow_schema
from semantic.contract import CONTRACT

UTC = dt.timezone.utc


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def table(name: str, rows: list[dict]) -> pa.Table:
    """Rows with the contract's columns; columns a row leaves out are NULL (or a neutral default)."""
    defaults = {"is_test": False, "discounts": "0", "shipping": "0", "taxes": "0", "_loaded_at": "2024-02-01T00:00:00"}
    schema = contract_arrow_schema(name)
    columns = {}
    for column, kind in CONTRACT[name].columns.items():
        values = [row.get(column, defaults.get(column)) for row in rows]
        if kind.startswith("decimal"):
            values = [None if v is None else Decimal(v) for v in values]
        elif kind.startswith("timestamp"):
            values = [None if v is None else at(v) for v in values]
        columns[column] = pa.array(values, schema.field(column).type)
    return pa.Table.from_pydict(columns, schema=schema)


def order(shop: str, order_id: str, processed: str, status: str, gross: str, **more) -> dict:
    return dict(shop_id=shop, order_id=order_id, created_at=processed, processed_at=processed,
                financial_status=status, gross_sales=gross, **more)  # fmt: skip


def refund(shop: str, refund_id: str, order_id: str, processed: str, amount: str, shipping="0", taxes="0") -> dict:
    return dict(shop_id=shop, refund_id=refund_id, order_id=order_id, processed_at=processed,
                amount=amount, shipping=shipping, taxes=taxes)  # fmt: skip


def shopify_hand_tables() -> dict[str, pa.Table]:
    orders = [
        order("A", "a1", "2024-01-10T15:00:00", "partially_refunded", "100", discounts="10", shipping="5", taxes="7.20"),
        order("A", "a2", "2024-01-10T20:00:00", "pending", "40", taxes="3.20"),
        order("A", "a3", "2024-01-10T16:00:00", "refunded", "60", shipping="5", taxes="5.20",
              cancelled_at="2024-01-11T14:00:00"),
        order("A", "a4", "2024-01-11T15:00:00", "voided", "20", discounts="2", taxes="1.44",
              cancelled_at="2024-01-12T15:00:00"),
        order("A", "a5", "2024-01-10T17:00:00", "paid", "25", is_test=True),
        order("A", "a6", "2024-01-11T04:30:00", "paid", "10"),
        order("B", "b1", "2024-01-10T12:00:00", "partially_refunded", "120", shipping="6", taxes="21.00",
              taxes_included=True),
        order("B", "b2", "2024-01-12T23:30:00", "paid", "50", discounts="10", taxes="6.67", taxes_included=True),
    ]  # fmt: skip
    refunds = [
        refund("A", "ra1", "a1", "2024-01-12T15:00:00", "30", "5", "2.40"),
        refund("A", "rc3", "a3", "2024-01-11T14:00:00", "60", "5", "5.20"),
        refund("A", "ra0", "a0-before-history", "2024-01-11T15:00:00", "15", "0", "1.20"),
        refund("B", "rb1", "b1", "2024-01-13T10:00:00", "60", "0", "10.00"),
    ]
    shops = [
        dict(shop_id="A", timezone="America/New_York", currency="USD"),
        dict(shop_id="B", timezone="Europe/London", currency="GBP"),
    ]
    return {"orders": table("orders", orders), "refunds": table("refunds", refunds), "shops": table("shops", shops)}
