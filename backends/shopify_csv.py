"""Reading Shopify admin's orders CSV export (Orders > Export) as REST-shaped orders.

The export (`orders_export_1.csv`, `_2.csv`, ... when large) has one row per
line item; the order's own fields (Financial Status, Subtotal, Shipping, Taxes,
Total, Discount Amount, Created at, Cancelled at, Refunded Amount, Id, ...) are
on its first row only, and every row repeats its Name. Timestamps read like
`2024-01-10 10:00:00 -0500`.

What the export cannot carry, and what this reader does about it:
- refunds: only a total `Refunded Amount`, no date and no split into
  merchandise, shipping and taxes: no refund is loaded, with a warning naming
  the orders and the amount (`--strict` refuses); load orders.json or a
  GraphQL bulk export for returns;
- processed_at: not exported; `Created at` stands in (they differ for imported
  and draft orders);
- test orders and gift-card lines: not marked; every order and line counts;
- taxes_included: not exported; read from the totals (Total = Subtotal +
  Shipping + Taxes + Duties when prices exclude tax, without Taxes when they
  include it); an order fitting neither is refused;
- ids of customers, lines and products: the customer is its Email; a line is
  `<order Id>-<n>`, its product the Lineitem sku.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from semantic.errors import ConfigError

REQUIRED = ("Name", "Id", "Financial Status", "Created at", "Subtotal", "Shipping", "Taxes", "Total",
            "Discount Amount", "Lineitem quantity", "Lineitem price")  # fmt: skip
ZERO = Decimal("0.00")


def export_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("orders_export*.csv"))


def read_orders_export(paths: list[Path], currency: str | None) -> tuple[list[dict], list[str]]:
    """REST-shaped orders from the export's files, and warnings about what the export could not carry."""
    orders: list[dict] = []
    refunded: list[tuple[str, Decimal]] = []
    for path in paths:
        for where, first, rows in _orders_of(path):
            order = _order(where, first, rows, currency)
            amount = _amount(first.get("Refunded Amount"), f"{where}, Refunded Amount")
            if amount:
                refunded.append((first["Name"], amount))
            orders.append(order)
    warnings = []
    if refunded:
        names = ", ".join(name for name, _ in refunded[:5]) + (" ..." if len(refunded) > 5 else "")
        total = sum((amount for _, amount in refunded), ZERO)
        warnings.append(
            f"{paths[0].parent}: {len(refunded)} order(s) ({names}) have refunds ({total} in all) that Shopify's orders "
            "CSV export cannot date or split into merchandise, shipping and taxes: no returns are loaded; "
            "export orders.json (REST) or a GraphQL bulk operation for them"
        )
    return orders, warnings


def _orders_of(path: Path) -> Iterator[tuple[str, dict, list[dict]]]:
    """(where, first row, all rows) of each order, its rows being consecutive with one Name."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
            if missing:
                raise ConfigError(f"{path}: not Shopify's orders export: no column(s) {', '.join(missing)}",
                                  hint="export from Shopify admin: Orders > Export > CSV for Excel, Numbers, or other")  # fmt: skip
            current: list[tuple[int, dict]] = []
            for row in reader:
                if current and row["Name"] != current[0][1]["Name"]:
                    yield f"{path}:{current[0][0]} ({current[0][1]['Name']})", current[0][1], [r for _, r in current]
                    current = []
                current.append((reader.line_num, row))
            if current:
                yield f"{path}:{current[0][0]} ({current[0][1]['Name']})", current[0][1], [r for _, r in current]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None


def _order(where: str, first: dict, rows: list[dict], currency: str | None) -> dict:
    if not (first.get("Id") or "").strip():
        raise ConfigError(f"{where}: no Id on the order's first row", hint="keep the export's rows in the order Shopify wrote them")
    if currency and first.get("Currency") and first["Currency"] != currency:
        raise ConfigError(f"{where}: Currency {first['Currency']!r} is not the shop's {currency!r} (shop.json)")
    order_id = first["Id"].strip()
    get = lambda column: _amount(first.get(column), f"{where}, {column}")  # noqa: E731
    lines = [{"id": f"{order_id}-{n}", "product_id": row.get("Lineitem sku") or "",
              "quantity": int(_amount(row.get("Lineitem quantity"), f"{where}, Lineitem quantity")),
              "price": row.get("Lineitem price"), "total_discount": row.get("Lineitem discount"), "gift_card": False}
             for n, row in enumerate(rows, start=1)]  # fmt: skip
    return {
        "id": order_id, "email": first.get("Email") or None, "created_at": first.get("Created at"),
        "processed_at": None, "cancelled_at": first.get("Cancelled at") or None,
        "financial_status": (first.get("Financial Status") or "").strip().lower(), "test": False,
        "taxes_included": _taxes_included(where, get), "total_discounts": first.get("Discount Amount"),
        "total_tax": first.get("Taxes"), "shipping_lines": [{"price": first.get("Shipping"), "discounted_price": first.get("Shipping")}],
        "original_total_duties_set": {"shop_money": {"amount": first.get("Duties")}} if first.get("Duties") else None,
        "line_items": lines, "refunds": [],
    }  # fmt: skip


def _taxes_included(where: str, get) -> bool | None:
    subtotal, shipping, taxes, total, duties = (get(c) for c in ("Subtotal", "Shipping", "Taxes", "Total", "Duties"))
    if taxes == 0:
        return None
    if total == subtotal + shipping + taxes + duties:
        return False
    if total == subtotal + shipping + duties:
        return True
    raise ConfigError(f"{where}: Total {total} is neither Subtotal + Shipping + Taxes + Duties ({subtotal + shipping + taxes + duties}) "
                      f"nor, with tax-inclusive prices, Subtotal + Shipping + Duties ({subtotal + shipping + duties})",
                      hint="the export's totals must be as Shopify wrote them")  # fmt: skip


def _amount(text: str | None, where: str) -> Decimal:
    if text is None or not text.strip():
        return ZERO
    try:
        return Decimal(text.strip())
    except ArithmeticError:
        raise ConfigError(f"{where}: {text!r} is not a number") from None
