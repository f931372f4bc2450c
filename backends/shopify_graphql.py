"""Reading a Shopify GraphQL Admin API bulk-operation result (JSONL) as REST-shaped orders.

A bulk operation over `orders` writes one JSON object per line: each order, and
each object of its nested connections (lineItems, shippingLines, and a refund's
refundLineItems, orderAdjustments, refundShippingLines) on a line of its own
with `__parentId`, the id of the object it belongs to. Lists that are not
connections (`refunds`, `duties`) stay inline, and an inline connection may
come as `{"nodes": [...]}` or `{"edges": [{"node": ...}]}`. Money is a MoneyBag
(`{"shopMoney": {"amount": "12.50", "currencyCode": "USD"}}`, shop currency
read), enums are upper case (`displayFinancialStatus: PARTIALLY_REFUNDED`), ids
are `gid://shopify/Order/1001` (read as `1001`, as REST writes them).

Refunded shipping: `refundShippingLines` (positive), else `orderAdjustments` of
reason SHIPPING_REFUND (negative, as REST), else what `totalRefundedSet` holds
beyond the refund's lines, as the Fivetran GraphQL preset reads it.

`rest_orders` turns them into the REST orders.json shape, so one mapping
(semantic.backends.shopify_json) serves both APIs and gives the same figures.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from semantic.errors import ConfigError

# gid type of a child line -> the connection (on its parent) it belongs to.
CHILD_KINDS = {
    "LineItem": "lineItems",
    "ShippingLine": "shippingLines",
    "RefundLineItem": "refundLineItems",
    "OrderAdjustment": "orderAdjustments",
    "RefundShippingLine": "refundShippingLines",
    "Refund": "refunds",
}


def read_bulk_lines(path: Path) -> list[dict]:
    """The orders of a bulk-operation JSONL file, each with its children gathered under it."""
    by_id: dict[str, dict] = {}
    orders: list[dict] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: line {number} is not a JSON object: {exc}") from None
        if not isinstance(item, dict):
            raise ConfigError(f"{path}: line {number} is not a JSON object")
        if isinstance(item.get("id"), str):
            by_id[item["id"]] = item
        parent = item.get("__parentId")
        if parent is None:
            orders.append(item)
            continue
        if parent not in by_id:
            raise ConfigError(f"{path}: line {number}: its __parentId {parent!r} is on no earlier line",
                              hint="keep the bulk operation's file as Shopify wrote it (parents come first)")  # fmt: skip
        kind = _gid_type(item.get("id")) or ""
        field = CHILD_KINDS.get(kind)
        if field is None:
            raise ConfigError(f"{path}: line {number}: a child of type {kind or '(no id)'} is not read",
                              hint=f"the loader reads children of types {', '.join(CHILD_KINDS)}")  # fmt: skip
        by_id[parent].setdefault(f"__{field}", []).append(item)
    return orders


def rest_orders(orders: list[dict], where: str) -> list[dict]:
    return [_order(order, f"{where}, order #{number}") for number, order in enumerate(orders, start=1)]


def rest_shop(shop: dict) -> dict:
    """A GraphQL `shop` (id, ianaTimezone, currencyCode, timezoneAbbreviation) in REST's shape."""
    return {"id": gid_tail(shop.get("id")), "iana_timezone": shop.get("ianaTimezone"), "currency": shop.get("currencyCode")}


def gid_tail(value: Any) -> Any:
    """'gid://shopify/Order/1001' -> '1001'; anything else as it is."""
    if isinstance(value, str) and value.startswith("gid://"):
        return value.rsplit("/", 1)[-1].split("?", 1)[0]
    return value


def _gid_type(value: Any) -> str | None:
    if isinstance(value, str) and value.startswith("gid://"):
        parts = value.split("/")
        return parts[3] if len(parts) > 4 else None
    return None


def _children(item: dict, field: str) -> list[dict]:
    """A connection's nodes: child lines, `nodes`, `edges[].node`, or a plain list."""
    found = list(item.get(f"__{field}", []))
    inline = item.get(field)
    if isinstance(inline, dict):
        found += inline.get("nodes") or [e.get("node") for e in inline.get("edges") or [] if isinstance(e, dict)]
    elif isinstance(inline, list):
        found += inline
    return [f for f in found if isinstance(f, dict)]


def _shop_money(money_bag: Any) -> Any:
    if not isinstance(money_bag, dict):
        return None
    return (money_bag.get("shopMoney") or {}).get("amount")


def _rest_money_set(money_bag: Any) -> dict | None:
    amount = _shop_money(money_bag)
    return None if amount is None else {"shop_money": {"amount": amount}}


def _order(order: dict, where: str) -> dict:
    if not isinstance(order.get("id"), str):
        raise ConfigError(f"{where}: no id (gid://shopify/Order/...)")
    customer = order.get("customer") if isinstance(order.get("customer"), dict) else None
    status = order.get("displayFinancialStatus")
    return {
        "id": gid_tail(order["id"]), "email": order.get("email"),
        "created_at": order.get("createdAt"), "processed_at": order.get("processedAt"),
        "updated_at": order.get("updatedAt"), "cancelled_at": order.get("cancelledAt"),
        "financial_status": status.lower() if isinstance(status, str) else status,
        "test": order.get("test"), "taxes_included": order.get("taxesIncluded"),
        "total_discounts": _shop_money(order.get("totalDiscountsSet")),
        "total_tax": _shop_money(order.get("totalTaxSet")),
        "original_total_duties_set": _rest_money_set(order.get("originalTotalDutiesSet")),
        "landing_site": order.get("landingPageUrl"), "referring_site": order.get("referrerUrl"),
        "customer": None if customer is None else {
            "id": gid_tail(customer.get("id")), "email": customer.get("email"),
            "created_at": customer.get("createdAt"), "updated_at": customer.get("updatedAt")},
        "line_items": [_line(line) for line in _children(order, "lineItems")],
        "shipping_lines": [{"price": _shop_money(s.get("originalPriceSet")),
                            "discounted_price": _shop_money(s.get("discountedPriceSet"))}
                           for s in _children(order, "shippingLines")],
        "refunds": [_refund(refund, bool(order.get("taxesIncluded"))) for refund in _children(order, "refunds")],
    }  # fmt: skip


def _shipping_in_total(total: Decimal, lines: list[dict], adjustments: list[dict], taxes_included: bool) -> Decimal:
    """Refunded shipping (its tax inside) as what the refund's total holds beyond its lines (and their
    tax, unless prices include it), the discrepancy given back: the Fivetran GraphQL preset's rule."""

    def amount(value: Any) -> Decimal:
        return Decimal(str(value)) if value not in (None, "") else Decimal("0")

    merchandise = sum((amount(x["subtotal"]) for x in lines), Decimal("0"))
    tax = sum((amount(x["total_tax"]) for x in lines), Decimal("0"))
    discrepancies = [a for a in adjustments if a["kind"] == "refund_discrepancy"]
    discrepancy = sum((amount(a["amount"]) for a in discrepancies), Decimal("0"))
    discrepancy_tax = sum((amount(a["tax_amount"]) for a in discrepancies), Decimal("0"))
    if taxes_included:
        return total - merchandise + discrepancy
    return total - merchandise - tax + discrepancy + discrepancy_tax


def _line(line: dict) -> dict:
    product = line.get("product") if isinstance(line.get("product"), dict) else {}
    return {
        "id": gid_tail(line.get("id")), "product_id": gid_tail(product.get("id")), "quantity": line.get("quantity"),
        "price": _shop_money(line.get("originalUnitPriceSet")), "total_discount": _shop_money(line.get("totalDiscountSet")),
        "gift_card": line.get("isGiftCard"),
        "duties": [{"price_set": _rest_money_set(d.get("price"))} for d in line.get("duties") or [] if isinstance(d, dict)],
    }  # fmt: skip


def _refund(refund: dict, taxes_included: bool) -> dict:
    adjustments = [
        {"kind": str(a.get("reason") or a.get("kind") or "").lower(), "amount": _shop_money(a.get("amountSet")),
         "tax_amount": _shop_money(a.get("taxAmountSet"))}
        for a in _children(refund, "orderAdjustments")
    ]  # fmt: skip
    # Newer API versions give refunded shipping as refundShippingLines (positive); REST as a
    # negative shipping_refund adjustment.
    for shipping in _children(refund, "refundShippingLines"):
        amount = _shop_money(shipping.get("subtotalAmountSet"))
        adjustments.append({"kind": "shipping_refund", "amount": None if amount is None else -Decimal(str(amount)),
                            "tax_amount": None})  # fmt: skip
    lines = [{"subtotal": _shop_money(r.get("subtotalSet")), "total_tax": _shop_money(r.get("totalTaxSet")),
              "quantity": r.get("quantity")} for r in _children(refund, "refundLineItems")]  # fmt: skip
    total = _shop_money(refund.get("totalRefundedSet"))
    if total is not None and not any(a["kind"] == "shipping_refund" for a in adjustments):
        in_total = _shipping_in_total(Decimal(str(total)), lines, adjustments, taxes_included)
        if in_total:
            adjustments.append({"kind": "shipping_refund", "amount": -in_total, "tax_amount": None})
    return {
        "id": gid_tail(refund.get("id")), "created_at": refund.get("createdAt"),
        "processed_at": refund.get("processedAt"),
        "refund_line_items": lines,
        "order_adjustments": adjustments,
        "duties": [{"amount_set": _rest_money_set(d.get("amountSet"))} for d in refund.get("duties") or [] if isinstance(d, dict)],
    }  # fmt: skip
