"""Metric definitions, version by version, as data over Ibis expressions.

Two kinds:

- `Additive`: a sum of `Contribution`s, each a value taken from one fact
  (revenue = order revenue from `included_orders` + minus refund totals from
  `refunds`). Additive metrics can be added across any bucket.
- `Ratio`: numerator / denominator of two other metrics, computed after
  aggregation; NULL exactly when the denominator is 0 or absent.

A definition change is a new version registered beside the old one
(`revenue@1` stays queryable); `revenue` means the newest active version.

>>> REGISTRY.resolve("aov").dependencies()
('revenue', 'orders')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

import ibis.expr.types as ir

from semantic.config import Config
from semantic.errors import DefinitionError, UnknownNameError

Unit = Literal["money", "count", "ratio"]
ValueBuilder = Callable[[ir.Table, Config], ir.Value]


@dataclass(frozen=True)
class Contribution:
    """`value(fact_table, config)` summed over the rows of `fact` (rows where `where` holds)."""

    fact: str
    value: ValueBuilder
    where: Callable[[ir.Table, Config], ir.BooleanValue] | None = None


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

    @property
    def column(self) -> str:
        """The column name in a query result."""
        return self.name

    def dependencies(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True)
class Additive(Metric):
    contributions: tuple[Contribution, ...] = ()

    def facts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.fact for c in self.contributions))


@dataclass(frozen=True)
class Ratio(Metric):
    numerator: str = ""
    denominator: str = ""

    def dependencies(self) -> tuple[str, ...]:
        return (self.numerator, self.denominator)


@dataclass
class MetricRegistry:
    """All metric definitions, every version of each."""

    _versions: dict[str, dict[int, Metric]] = field(default_factory=dict)

    def copy(self) -> MetricRegistry:
        """An independent registry with the same definitions (projects add their own to a copy)."""
        return MetricRegistry({name: dict(versions) for name, versions in self._versions.items()})

    def register(self, metric: Metric) -> Metric:
        versions = self._versions.setdefault(metric.name, {})
        if metric.version in versions:
            raise DefinitionError(f"metric {metric.ref} is defined twice")
        versions[metric.version] = metric
        return metric

    def names(self) -> tuple[str, ...]:
        return tuple(self._versions)

    def versions(self, name: str) -> dict[int, Metric]:
        if name not in self._versions:
            raise UnknownNameError("metric", name, self._versions)
        return dict(self._versions[name])

    def resolve(self, ref: str, config: Config | None = None) -> Metric:
        """`revenue` (the version metrics.toml names, else the newest) or `revenue@1`."""
        name, _, version = ref.partition("@")
        versions = self.versions(name.strip())
        if version:
            try:
                number = int(version.lstrip("v"))
            except ValueError:
                raise UnknownNameError(f"version of {name}", version, [str(v) for v in versions]) from None
            if number not in versions:
                raise UnknownNameError(f"version of {name}", version, [str(v) for v in versions])
            return versions[number]
        entry = config.metrics.get(name) if config is not None else None
        if entry is not None and entry.version in versions:
            return versions[entry.version]
        return versions[max(versions)]

    def latest(self, config: Config | None = None) -> list[Metric]:
        return [self.resolve(name, config) for name in self._versions]

    def closure(self, refs: Iterable[str], config: Config | None = None) -> list[Metric]:
        """The metrics asked for plus everything they depend on, dependencies first."""
        ordered: dict[str, Metric] = {}

        def visit(ref: str, trail: tuple[str, ...]) -> None:
            metric = self.resolve(ref, config)
            if metric.name in trail:
                raise DefinitionError(f"metric {metric.ref} depends on itself via {' -> '.join(trail)}")
            for dependency in metric.dependencies():
                visit(dependency, (*trail, metric.name))
            ordered.setdefault(metric.ref, metric)

        for ref in refs:
            visit(ref, ())
        return list(ordered.values())


REGISTRY = MetricRegistry()
