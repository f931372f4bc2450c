"""Hand-built warehouses for the data-check tests: a small clean one, and ways to spoil it.

Two shops, s1 (America/New_York, USD) and s2 (Europe/Berlin, EUR); every row was
loaded 30 minutes before NOW, the clock every test runs the checks at.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa

from semantic.arrow_schema import contract_arrow_schema
from semantic.contract import CONTRACT

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 1, 20, 12, 0, tzinfo=UTC)
LOADED = NOW - dt.timedelta(minutes=30)


def at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 1, day, hour, tzinfo=UTC)


def order(shop: str, order_id: str | None, gross: str, *, day: int = 10, status: str = "paid", shipping: str = "0.00", taxes: str = "0.00") -> dict:
    return {
        "shop_id": shop, "order_id": order_id, "customer_id": None, "email": f"{order_id}@example.com",
        "created_at": at(day), "processed_at": at(day), "financial_status": status, "cancelled_at": None,
        "is_test": False, "gross_sales": Decimal(gross), "discounts": Decimal("0.00"), "shipping": Decimal(shipping),
        "taxes": Decimal(taxes), "visitor_id": "v", "landing_site": None, "referring_site": None, "_loaded_at": LOADED,
    }


def line(shop: str, order_id: str, line_id: str, quantity: int, price: str) -> dict:
    return {"shop_id": shop, "order_id": order_id, "line_id": line_id, "product_id": "p", "quantity": quantity, "price": Decimal(price), "discount": Decimal("0.00")}


def refund(shop: str, refund_id: str, order_id: str | None, amount: str, *, day: int = 12, shipping: str = "0.00", taxes: str = "0.00") -> dict:
    return {
        "shop_id": shop, "refund_id": refund_id, "order_id": order_id, "processed_at": at(day), "amount": Decimal(amount),
        "shipping": Decimal(shipping), "taxes": Decimal(taxes), "_loaded_at": LOADED,
    }


def session(shop: str, session_id: str) -> dict:
    base = {c: None for c in CONTRACT["sessions"].columns}
    return {**base, "shop_id": shop, "session_id": session_id, "visitor_id": "v", "started_at": at(9), "utm_source": "google", "utm_medium": "cpc", "_loaded_at": LOADED}


def clean_rows() -> dict[str, list[dict]]:
    return {
        "shops": [
            {"shop_id": "s1", "timezone": "America/New_York", "currency": "USD"},
            {"shop_id": "s2", "timezone": "Europe/Berlin", "currency": "EUR"},
        ],
        "orders": [
            order("s1", "o1", "100.00", shipping="10.00", taxes="8.00"),
            order("s1", "o2", "60.00"),
            order("s2", "o1", "40.00"),
        ],
        "order_lines": [line("s1", "o1", "l1", 2, "50.00"), line("s1", "o2", "l2", 2, "30.00"), line("s2", "o1", "l1", 1, "40.00")],
        "refunds": [refund("s1", "r1", "o1", "20.00")],
        "customers": [
            {"shop_id": "s1", "customer_id": "c1", "email": "c1@example.com", "created_at": at(1), "_loaded_at": LOADED},
        ],
        "sessions": [session("s1", "x1"), session("s2", "x2")],
        "ad_spend": [
            {"shop_id": "s1", "date": dt.date(2026, 1, 10), "platform": "meta", "campaign_id": "m1", "campaign_name": "m",
             "spend": Decimal("5.00"), "impressions": 10, "clicks": 1, "platform_conversion_value": None, "_loaded_at": LOADED},
        ],
    }


def arrow_tables(rows: dict[str, list[dict]], *, nullable: bool = False) -> dict[str, pa.Table]:
    """Arrow tables in the contract's types; `nullable` drops NOT NULL so that bad rows can be built."""
    tables = {}
    for name in CONTRACT:
        schema = contract_arrow_schema(name)
        if nullable:
            schema = pa.schema([f.with_nullable(True) for f in schema])
        tables[name] = pa.Table.from_pylist(rows.get(name, []), schema=schema)
    return tables


def duckdb_with(path, rows: dict[str, list[dict]], *, extra_sql: tuple[str, ...] = ()):
    """A DuckDB warehouse whose tables are created straight from Arrow (no NOT NULL), then `extra_sql` run.

    This is how a mapped source that `semantic load` never saw looks: any value, any type.
    """
    from semantic.backends.connect import connect

    warehouse = connect(f"duckdb:///{path}")
    for name, table in arrow_tables(rows, nullable=True).items():
        warehouse.raw.register("__rows", table)
        warehouse.raw.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM __rows')
        warehouse.raw.unregister("__rows")
    for statement in extra_sql:
        warehouse.raw.execute(statement)
    return warehouse


def loaded_at(rows: dict[str, list[dict]], instant: dt.datetime) -> dict[str, list[dict]]:
    """`rows` with every `_loaded_at` set to `instant` (CLI runs judge freshness by the real clock)."""
    return {name: [{**r, "_loaded_at": instant} if "_loaded_at" in r else r for r in table] for name, table in rows.items()}
