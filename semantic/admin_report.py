"""Comparing the Shopify profile's figures with a Shopify admin Sales report export (CSV), day by day.

Shopify admin exports its Sales report ("Sales over time", by day) as CSV with
a day column and columns such as Orders, Gross sales, Discounts, Returns, Net
sales, Shipping, Taxes, Duties and Total sales (money possibly with a currency sign and
thousands separators). `compare` lines each measure of each day up with ours
under profile "shopify", and names the likely cause of a difference from the
pattern of which measures differ.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from semantic.errors import ConfigError

# Shopify's column header (lower-cased) -> our metric.
COLUMNS = {
    "orders": "orders",
    "gross sales": "gross_sales",
    "discounts": "discounts",
    "returns": "returns",
    "net sales": "net_sales",
    "shipping": "shipping",
    "shipping charges": "shipping",
    "taxes": "taxes",
    "duties": "duties",
    "total sales": "total_sales",
}
DAY_COLUMNS = ("day", "date")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class AdminLine:
    day: dt.date
    measure: str
    ours: Decimal
    shopify: Decimal
    cause: str | None

    @property
    def difference(self) -> Decimal:
        return self.shopify - self.ours


def read_admin_report(text: str, label: str) -> dict[dt.date, dict[str, Decimal]]:
    """{day: {metric: value}} from the export's text; unknown columns are ignored."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headers = {h.strip().lower(): h for h in reader.fieldnames or ()}
    day_header = next((headers[h] for h in DAY_COLUMNS if h in headers), None)
    known = {COLUMNS[h]: headers[h] for h in headers if h in COLUMNS}
    if day_header is None or not known:
        raise ConfigError(
            f"{label}: not a Sales report export: it needs a Day column and some of "
            "Orders, Gross sales, Discounts, Returns, Net sales, Shipping, Taxes, Total sales",
            hint="in Shopify admin: Analytics > Reports > Sales over time, grouped by day, Export",
        )
    out: dict[dt.date, dict[str, Decimal]] = {}
    for number, row in enumerate(reader, start=2):
        day = _day(row.get(day_header) or "", f"{label}:{number}")
        out[day] = {metric: _amount(row.get(column) or "", f"{label}:{number}, {column}") for metric, column in known.items()}
    return out


def _day(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ConfigError(f"{where}: {text!r} is not a day (YYYY-MM-DD)") from None


def _amount(text: str, where: str) -> Decimal:
    cleaned = re.sub(r"[^\d.\-()]", "", text.strip())
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    cleaned = cleaned.strip("()")
    if cleaned in ("", "-"):
        return ZERO
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ConfigError(f"{where}: {text!r} is not a number") from None
    return -value if negative else value


def likely_cause(differs: set[str]) -> str:
    """The likely cause of a day's differences, from which measures differ."""
    if {"orders", "gross_sales"} <= differs:
        return "orders missing or extra: not loaded yet (load lag), deleted, test, or another shop"
    if differs <= {"gross_sales", "discounts"}:
        return "gross and discounts split otherwise: tax-inclusive prices discounted after tax is removed"
    if "returns" in differs:
        return "refunds not loaded yet, or dated in another zone (refund processed_at in shop time)"
    if differs <= {"duties", "total_sales"}:
        return "duties: orders.duties or refunds.duties not loaded (a source without duties loads them as 0)"
    if differs <= {"taxes", "total_sales"}:
        return "taxes: tax-inclusive prices (orders.taxes_included)"
    if differs <= {"shipping", "total_sales"}:
        return "shipping: shipping discounts or refunded shipping"
    if differs == {"orders"}:
        return "order count only: free or fully discounted orders, or orders edited after the day"
    return "several measures differ: compare the day's orders one by one"


def compare(ours: Mapping[dt.date, Mapping[str, object]], admin: Mapping[dt.date, Mapping[str, Decimal]]) -> list[AdminLine]:
    """Every measure of every day in the export, ours next to Shopify's, with the likely cause of a difference."""
    lines = []
    for day in sorted(admin):
        figures = ours.get(day, {})
        values = {m: (Decimal(str(figures.get(m) or 0)), v) for m, v in admin[day].items()}
        differs = {m for m, (a, b) in values.items() if a != b}
        cause = likely_cause(differs) if differs else None
        if differs and not figures:
            cause = "no data of ours on this day: not loaded, or another shop or zone"
        for measure, (mine, theirs) in values.items():
            lines.append(AdminLine(day, measure, mine, theirs, cause if measure in differs else None))
    return lines
