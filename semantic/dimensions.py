"""Dimensions a query can be split by: time buckets in shop time, and the shop.

A dimension attaches its column to a fact relation, or says it cannot (returns
None): ad spend has no channel, for instance. Later issues register more
(`channel`, `source`, `platform`, ...) with `register_dimension`.

>>> sorted(DIMENSIONS)[:3]
['day', 'month', 'shop']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ibis.expr.types as ir

if TYPE_CHECKING:
    from semantic.query import BuildContext

Attach = Callable[[ir.Table, str, "BuildContext"], "ir.Table | None"]


@dataclass(frozen=True)
class Dimension:
    name: str
    column: str
    description: str
    attach: Attach
    # Time dimensions are ISO dates of the bucket start.
    is_time: bool = False


DIMENSIONS: dict[str, Dimension] = {}


def register_dimension(dimension: Dimension) -> Dimension:
    DIMENSIONS[dimension.name] = dimension
    return dimension


def _time_bucket(unit: str | None) -> Attach:
    def attach(table: ir.Table, fact: str, ctx: BuildContext) -> ir.Table:
        # Week buckets start on Monday (ISO) on all three dialects. DATE_TRUNC on a
        # DATE returns a timestamp on DuckDB and PostgreSQL, and Ibis drops a cast
        # from date to date, so cast through timestamp to keep the SQL's column a DATE.
        bucket = table.day if unit is None else table.day.truncate(unit).cast("timestamp").cast("date")
        return table.mutate(**{_UNIT_COLUMN[unit]: bucket}) if unit else table

    return attach


_UNIT_COLUMN = {None: "day", "W": "week", "M": "month"}

register_dimension(Dimension("day", "day", "Shop-local calendar day.", _time_bucket(None), is_time=True))
register_dimension(Dimension("week", "week", "Shop-local ISO week, as the date of its Monday.", _time_bucket("W"), is_time=True))
register_dimension(Dimension("month", "month", "Shop-local month, as the date of its first day.", _time_bucket("M"), is_time=True))
register_dimension(Dimension("shop", "shop_id", "The shop (tenant).", lambda table, fact, ctx: table))
