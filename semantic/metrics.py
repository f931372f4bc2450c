"""Metric definitions, version by version, as data over Ibis expressions.

Two kinds:

- `Additive`: a sum of `Contribution`s, each a value taken from one fact
  (revenue = order revenue from `included_orders` + minus refund totals from
  `refunds`). Additive metrics can be added across any bucket.
- `Ratio`: numerator / denominator of two other metrics, computed after
  aggregation; NULL exactly when the denominator is 0 or absent.

A definition change is a new version registered beside the old one
(`revenue@1` stays queryable); `revenue` means the version metrics.toml
records, else the newest. Definitions live in a project's catalog
(`semantic.catalog`), never in module globals.

>>> Ratio(name="aov", version=1, description="", unit="ratio", numerator="revenue", denominator="orders").dependencies()
('revenue', 'orders')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

import ibis.expr.types as ir

from semantic.config import Config
from semantic.scope import Scope

Unit = Literal["money", "count", "ratio"]
ValueBuilder = Callable[[ir.Table, Config], ir.Value]


@runtime_checkable
class RowFilter(Protocol):
    """Which rows of a fact a contribution takes; it may depend on the query (its scope).

    ROAS's filter, for instance, keeps only the paid platforms unless the query is
    split by platform (then every platform is its own bucket).
    """

    def predicate(self, table: ir.Table, scope: Scope) -> ir.BooleanValue: ...


@dataclass(frozen=True)
class Predicate:
    """A RowFilter from a plain `(table, config) -> boolean` function."""

    function: Callable[[ir.Table, Config], ir.BooleanValue]

    def predicate(self, table: ir.Table, scope: Scope) -> ir.BooleanValue:
        return self.function(table, scope.config)


@dataclass(frozen=True)
class Contribution:
    """`value(fact_table, config)` summed over the rows of `fact` that `where` keeps.

    `where` is a RowFilter, or a plain `(table, config) -> boolean` function
    (wrapped in a `Predicate`), or None for every row.
    """

    fact: str
    value: ValueBuilder
    where: RowFilter | Callable[[ir.Table, Config], ir.BooleanValue] | None = None

    def __post_init__(self) -> None:
        if self.where is not None and not isinstance(self.where, RowFilter):
            object.__setattr__(self, "where", Predicate(self.where))


@dataclass(frozen=True)
class Metric:
    name: str
    version: int
    description: str
    unit: Unit
    # Knob groups of metrics.toml the definition reads (part of its fingerprint).
    knob_groups: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    def dependencies(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True)
class Additive(Metric):
    contributions: tuple[Contribution, ...] = ()


@dataclass(frozen=True)
class Ratio(Metric):
    numerator: str = ""
    denominator: str = ""

    def dependencies(self) -> tuple[str, ...]:
        return (self.numerator, self.denominator)
