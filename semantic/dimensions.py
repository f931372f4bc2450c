"""Dimensions a query can be split by: time buckets in shop time, and the shop.

A dimension attaches its column to a fact relation, or says it cannot (returns
None): ad spend has no channel, for instance. The attribution dimensions
(`channel`, `source`, `platform`, ...) are defined in `semantic.attribution.metrics`.

>>> [d.name for d in BUILTIN_DIMENSIONS]
['day', 'week', 'month', 'shop']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import ibis.expr.types as ir

from semantic.grains import GRAINS, TimeGrain
from semantic.registration import Registrar
from semantic.scope import Scope

# (fact relation, fact name, scope) -> the relation with the dimension's column, or None.
Attach = Callable[[ir.Table, str, Scope], "ir.Table | None"]


@dataclass(frozen=True)
class Dimension:
    name: str
    column: str
    description: str
    attach: Attach
    # Time dimensions: the grain of their buckets (ISO dates of the bucket start).
    grain: TimeGrain | None = None

    @property
    def is_time(self) -> bool:
        return self.grain is not None


def time_dimension(grain: TimeGrain) -> Dimension:
    """The dimension bucketing a fact's shop-local `day` by `grain`."""

    def attach(table: ir.Table, fact: str, scope: Scope) -> ir.Table:
        return table if grain.unit is None else table.mutate(**{grain.column: grain.bucket(table.day)})

    return Dimension(grain.name, grain.column, grain.description, attach, grain=grain)


def _shop(table: ir.Table, fact: str, scope: Scope) -> ir.Table:
    return table


BUILTIN_DIMENSIONS = (
    *(time_dimension(grain) for grain in GRAINS.values()),
    Dimension("shop", "shop_id", "The shop (tenant).", _shop),
)


def register(catalog: Registrar) -> None:
    for dimension in BUILTIN_DIMENSIONS:
        catalog.register(dimension)
