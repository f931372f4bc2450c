"""The currency guard: money is never added across currencies.

A query that sums money over several shops without splitting by shop is refused
when those shops use different currencies. The check is itself an Ibis
expression over `shops`, carried by the built query and run by the backend
before the query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from semantic.errors import QueryError
from semantic.sources import Sources

if TYPE_CHECKING:
    import ibis.expr.types as ir


def currencies_in_scope(sources: Sources, shops: tuple[str, ...] = ()) -> ir.Table:
    """Distinct currencies of the shops a query covers (every shop when `shops` is empty)."""
    table = sources.shops
    if shops:
        table = table.filter(table.shop_id.isin(list(shops)))
    return table.select("currency").distinct().order_by("currency")


def refuse_mixed_currencies(currencies: list[str]) -> None:
    # Deduplicated here too: Ibis 12 compiles filter -> select -> distinct for
    # PostgreSQL as SELECT DISTINCT currency, shop_id, so one currency can come
    # back once per shop (pinned by tests/test_engines_agree.py).
    currencies = sorted(set(currencies))
    if len(currencies) > 1:
        raise QueryError(
            f"this query adds money across shops in different currencies ({', '.join(currencies)})",
            hint="split it by shop (--by shop) or pick shops of one currency (--shop ID)",
        )
