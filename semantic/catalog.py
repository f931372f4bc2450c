"""A project's catalog: every definition it can use, in one object.

A catalog holds facts (the rows metrics add up), dimensions (what a query can be
split by), metrics (every version of each) and data checks. Nothing is
registered by importing a module: the built-in definitions are listed in
`semantic.builtins` and loaded into a catalog by name; a project's own modules
(`[project] modules` in metrics.toml) add to the project's copy, so two
projects never share state.

A project module defines `register(catalog)` and calls `catalog.register(...)`
with any definition:

>>> from semantic.builtins import builtin_catalog
>>> catalog = builtin_catalog()
>>> catalog.resolve("aov").dependencies()
('revenue', 'orders')
>>> catalog.dimension("month").grain.name
'month'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from semantic.dimensions import Dimension
from semantic.errors import DefinitionError, UnknownNameError
from semantic.metrics import Metric
from semantic.scope import Fact

if TYPE_CHECKING:
    from semantic.config import Config


@dataclass
class Catalog:
    """Facts, dimensions, metrics (by name, then version) and checks of one project."""

    facts: dict[str, Fact] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    metric_versions: dict[str, dict[int, Metric]] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Catalog:
        """An independent catalog with the same definitions (a project adds its own to a copy)."""
        return Catalog(
            dict(self.facts),
            dict(self.dimensions),
            {name: dict(versions) for name, versions in self.metric_versions.items()},
            dict(self.checks),
        )

    # -- adding -----------------------------------------------------------------
    def register(self, definition: Any) -> Any:
        """Add a fact, dimension, metric version or check; returns it.

        A metric version defined twice, or a second fact, dimension or check of
        a name already taken, is a DefinitionError: a project replaces nothing
        silently.
        """
        if isinstance(definition, Metric):
            versions = self.metric_versions.setdefault(definition.name, {})
            if definition.version in versions:
                raise DefinitionError(f"metric {definition.ref} is defined twice")
            versions[definition.version] = definition
        elif isinstance(definition, Fact):
            self._add(self.facts, "fact", definition)
        elif isinstance(definition, Dimension):
            self._add(self.dimensions, "dimension", definition)
        elif getattr(definition, "is_check", False):
            self._add(self.checks, "check", definition)
        else:
            raise DefinitionError(
                f"cannot register {type(definition).__name__}: a catalog holds facts, dimensions, metrics and checks"
            )
        return definition

    @staticmethod
    def _add(table: dict[str, Any], kind: str, definition: Any) -> None:
        if definition.name in table:
            raise DefinitionError(f"{kind} {definition.name!r} is defined twice")
        table[definition.name] = definition

    # -- facts and dimensions ---------------------------------------------------
    def fact(self, name: str) -> Fact:
        if name not in self.facts:
            raise UnknownNameError("fact", name, self.facts)
        return self.facts[name]

    def dimension(self, name: str) -> Dimension:
        if name not in self.dimensions:
            raise UnknownNameError("dimension", name, self.dimensions)
        return self.dimensions[name]

    # -- metrics ----------------------------------------------------------------
    def names(self) -> tuple[str, ...]:
        """Metric names, in the order they were registered."""
        return tuple(self.metric_versions)

    def versions(self, name: str) -> dict[int, Metric]:
        if name not in self.metric_versions:
            raise UnknownNameError("metric", name, self.metric_versions)
        return dict(self.metric_versions[name])

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
        """Every metric at the version the project resolves it to."""
        return [self.resolve(name, config) for name in self.metric_versions]

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

    def dependents(self, name: str, config: Config | None = None) -> tuple[str, ...]:
        """Metrics whose closure includes `name` (aov and mer depend on revenue)."""
        return tuple(
            other
            for other in self.metric_versions
            if other != name and name in {m.name for m in self.closure([other], config)}
        )

    # -- checks -----------------------------------------------------------------
    def check(self, name: str) -> Any:
        if name not in self.checks:
            raise UnknownNameError("check", name, self.checks)
        return self.checks[name]
