"""Reading Shopify Admin API JSON (REST `orders.json` and `shop.json`) as contract tables.

`semantic load DIR` reads a folder holding `shop.json` (`{"shop": {...}}`, as
GET /admin/api/shop.json answers) and `orders.json` (`{"orders": [...]}`, as GET
/admin/api/orders.json?status=any answers; pages may be concatenated as a list
of such objects). Money arrives as strings and becomes exact Decimal;
timestamps carry `Z` or an offset (or end in ` UTC`); ids become text. The
mapping is the one the Fivetran preset uses (semantic.presets): gift-card lines
are not sales, shipping is the shipping lines' discounted price, a refund's
merchandise is its lines' subtotal minus its `refund_discrepancy` adjustments,
its shipping minus its `shipping_refund` adjustments, its taxes its lines' tax
minus its adjustments' tax. Duties: the order's `original_total_duties_set`
(else its lines' `duties[].price_set`), a refund's `duties[].amount_set`, in
shop money. The shop's zone is `iana_timezone` (never the
display string `timezone`).
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyarrow as pa

from semantic.arrow_schema import contract_arrow_schema
from semantic.errors import ConfigError
from semantic.shop_time import iana_zone, instant

from semantic.backends.files import TableFile, find_table_files, read_checked
from semantic.backends.shopify_csv import export_files, read_orders_export
from semantic.backends.shopify_graphql import read_bulk_lines, rest_orders, rest_shop

ZERO = Decimal("0.00")


ORDER_FILES = ("orders.json", "orders.jsonl")


def has_admin_export(directory: Path) -> bool:
    return any((directory / name).is_file() for name in ORDER_FILES) or bool(export_files(directory))


def read_load_folder(directory: Path) -> tuple[dict[str, Path], dict[str, TableFile]]:
    """(logical table -> file, logical table -> its rows read and checked) of a folder `semantic load` reads.

    A Shopify Admin API export (shop.json with orders.json, orders.jsonl or the admin's
    orders CSV) or contract files; every file is read and checked before anything is
    written, so nothing is half-loaded.
    """
    if has_admin_export(directory):
        checked = read_admin_export(directory)
        return {logical: item.path for logical, item in checked.items()}, checked
    files = find_table_files(directory)
    return files, {logical: read_checked(logical, path) for logical, path in files.items()}


def read_admin_export(directory: Path) -> dict[str, TableFile]:
    """shops, orders, order_lines, refunds and customers from shop.json and orders.json (REST) or
    orders.jsonl (a GraphQL bulk operation's result) in `directory`."""
    present = [directory / name for name in ORDER_FILES if (directory / name).is_file()] + export_files(directory)[:1]
    if len(present) > 1:
        raise ConfigError(f"both {present[0].name} and {present[1].name} are in {directory}; keep one")
    shop_path, orders_path = directory / "shop.json", present[0]
    if not shop_path.is_file():
        raise ConfigError(f"{orders_path} needs {shop_path.name} beside it (the shop's id, iana_timezone and currency)",
                          hint="save GET /admin/api/<version>/shop.json (or GraphQL's { shop { id ianaTimezone "
                               "currencyCode } } answer) as shop.json")  # fmt: skip
    shop = _shop(shop_path)
    shop_id = _text(shop, "id", str(shop_path))
    zone = shop_zone(shop, str(shop_path))
    rows: dict[str, list[dict]] = {"shops": [{"shop_id": shop_id, "timezone": zone, "currency": shop.get("currency")}],
                                   "orders": [], "order_lines": [], "refunds": [], "customers": []}  # fmt: skip
    customers: dict[str, dict] = {}
    warnings: list[str] = []
    if orders_path.suffix == ".jsonl":
        orders = rest_orders(read_bulk_lines(orders_path), str(orders_path))
    elif orders_path.suffix == ".csv":
        orders, warnings = read_orders_export(export_files(directory), shop.get("currency"))
    else:
        orders = _orders(orders_path)
    for number, order in enumerate(orders, start=1):
        where = f"{orders_path}, order #{number}"
        _order_rows(rows, customers, shop_id, order, where)
    rows["customers"] = list(customers.values())
    tables = {}
    for logical, items in rows.items():
        try:
            table = pa.Table.from_pylist(items, schema=contract_arrow_schema(logical))
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise ConfigError(f"{orders_path}: a value of {logical} does not fit the contract: {exc}") from None
        notes = tuple(warnings) if logical == "orders" else ()
        tables[logical] = TableFile(orders_path if logical != "shops" else shop_path, table, notes)
    return tables


def shop_zone(shop: dict, where: str) -> str:
    """The shop's IANA zone: `iana_timezone`, else its Rails `timezone` display string mapped."""
    if shop.get("iana_timezone"):
        return iana_zone(shop["iana_timezone"], f"{where}, iana_timezone")
    if shop.get("timezone"):
        return iana_zone(shop["timezone"], f"{where}, timezone")
    raise ConfigError(f"{where}: shop has neither iana_timezone nor timezone",
                      hint="export shop.json from the Admin API, which gives iana_timezone")  # fmt: skip


def _shop(path: Path) -> dict:
    """The shop of shop.json: REST's {"shop": {...}} or GraphQL's {"data": {"shop": {...}}}."""
    data = _load(path)
    graphql = (data.get("data") or {}).get("shop") if isinstance(data, dict) else None
    if isinstance(graphql, dict):
        return rest_shop(graphql)
    shop = data.get("shop") if isinstance(data, dict) else None
    if not isinstance(shop, dict):
        raise ConfigError(f"{path}: expected {{\"shop\": {{...}}}} (REST) or {{\"data\": {{\"shop\": {{...}}}}}} (GraphQL)")
    return shop


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not readable JSON: {exc}") from None


def _orders(path: Path) -> list[dict]:
    data = _load(path)
    pages = data if isinstance(data, list) else [data]
    orders = []
    for page in pages:
        if not isinstance(page, dict) or not isinstance(page.get("orders"), list):
            raise ConfigError(f"{path}: expected {{\"orders\": [...]}} (or a list of such pages) as the Admin API answers")
        orders += page["orders"]
    return orders


def _order_rows(rows: dict[str, list[dict]], customers: dict, shop_id: str, order: dict, where: str) -> None:
    order_id = _text(order, "id", where)
    created = instant(order.get("created_at"), f"{where}, created_at")
    lines = order.get("line_items") or []
    sales = [line for line in lines if not line.get("gift_card")]
    customer = order.get("customer") or {}
    customer_id = str(customer["id"]) if customer.get("id") is not None else None
    if customer_id and customer_id not in customers:
        customers[customer_id] = {"shop_id": shop_id, "customer_id": customer_id, "email": customer.get("email"),
                                  "created_at": instant(customer.get("created_at"), f"{where}, customer.created_at") or created,
                                  "_loaded_at": instant(customer.get("updated_at"), where) or created}  # fmt: skip
    rows["orders"].append({
        "shop_id": shop_id, "order_id": order_id, "customer_id": customer_id, "email": order.get("email"),
        "created_at": created,
        "processed_at": instant(order.get("processed_at"), f"{where}, processed_at") or created,
        "financial_status": (order.get("financial_status") or "").lower(),
        "cancelled_at": instant(order.get("cancelled_at"), f"{where}, cancelled_at"),
        "is_test": bool(order.get("test")),
        "gross_sales": sum((money(l.get("price"), where) * int(l.get("quantity") or 0) for l in sales), ZERO),
        "discounts": money(order.get("total_discounts"), where),
        "shipping": sum((money(s.get("discounted_price", s.get("price")), where) for s in order.get("shipping_lines") or []), ZERO),
        "taxes": money(order.get("total_tax"), where),
        "visitor_id": None, "landing_site": order.get("landing_site"), "referring_site": order.get("referring_site"),
        "_loaded_at": instant(order.get("updated_at"), f"{where}, updated_at") or created,
        "taxes_included": order.get("taxes_included"),
        "duties": _order_duties(order, where),
    })  # fmt: skip
    for line in sales:
        rows["order_lines"].append({
            "shop_id": shop_id, "order_id": order_id, "line_id": _text(line, "id", where),
            "product_id": str(line.get("product_id") or ""), "quantity": int(line.get("quantity") or 0),
            "price": money(line.get("price"), where), "discount": money(line.get("total_discount"), where),
        })  # fmt: skip
    for refund in order.get("refunds") or []:
        rows["refunds"].append(_refund_row(shop_id, order_id, refund, where))


def _refund_row(shop_id: str, order_id: str, refund: dict, where: str) -> dict:
    lines = refund.get("refund_line_items") or []
    adjustments = refund.get("order_adjustments") or []

    def adjusted(kind: str, field: str) -> Decimal:
        return sum((money(a.get(field), where) for a in adjustments if a.get("kind") == kind), ZERO)

    processed = instant(refund.get("processed_at"), f"{where}, refund processed_at") or instant(
        refund.get("created_at"), f"{where}, refund created_at"
    )
    return {
        "shop_id": shop_id, "refund_id": _text(refund, "id", where), "order_id": order_id, "processed_at": processed,
        "amount": sum((money(l.get("subtotal"), where) for l in lines), ZERO) - adjusted("refund_discrepancy", "amount"),
        "shipping": -adjusted("shipping_refund", "amount"),
        "taxes": sum((money(l.get("total_tax"), where) for l in lines), ZERO)
        - sum((money(a.get("tax_amount"), where) for a in adjustments), ZERO),
        "_loaded_at": processed,
        "duties": sum((shop_money(duty.get("amount_set"), where) for duty in refund.get("duties") or []), ZERO),
    }  # fmt: skip


def shop_money(money_set: Any, where: str) -> Decimal:
    """The shop-currency amount of a REST money set ({"shop_money": {"amount": "1.00", ...}, ...}); missing is 0."""
    if not isinstance(money_set, dict):
        return ZERO
    return money((money_set.get("shop_money") or {}).get("amount"), where)


def _order_duties(order: dict, where: str) -> Decimal:
    """Duties charged: `original_total_duties_set` (current_ would net refunds, which refunds carry), else its lines'."""
    if isinstance(order.get("original_total_duties_set"), dict):
        return shop_money(order["original_total_duties_set"], f"{where}, original_total_duties_set")
    lines = order.get("line_items") or []
    return sum((shop_money(d.get("price_set"), where) for line in lines for d in line.get("duties") or []), ZERO)


def money(value: Any, where: str) -> Decimal:
    """Shopify's money string ("12.50") as Decimal cents; missing is 0."""
    if value is None or value == "":
        return ZERO
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ConfigError(f"{where}: {value!r} is not an amount of money") from None


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key) if isinstance(item, dict) else None
    if value is None or value == "":
        raise ConfigError(f"{where}: no {key}")
    return str(value)
