"""The currency guard: money is never added across currencies.

A query that sums money over several shops without splitting by shop is refused
when those shops use different currencies. The check is itself an Ibis
expression over `shops`, run by the backend before the query.
"""

from __future__ import annotations

import ibis.expr.types as ir

from semantic.errors import QueryError
from semantic.query import BuiltQuery
from semantic.sources import Sources


def needs_currency_guard(built: BuiltQuery) -> bool:
    """True when the query adds money and does not split by shop."""
    return built.uses_money and "shop" not in built.spec.by


def currencies_in_scope(sources: Sources, built: BuiltQuery) -> ir.Table:
    """Distinct currencies of the shops the query covers."""
    shops = sources.shops
    if built.spec.shops:
        shops = shops.filter(shops.shop_id.isin(list(built.spec.shops)))
    return shops.select("currency").distinct().order_by("currency")


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
