"""What a fact or dimension is built in: one typed scope per query.

A `Scope` carries the query's facts (from the project's catalog), its
configuration, the unbound source tables, the query's options (the attribution
model and the like) and the dimensions it is split by. Each fact is built at
most once per scope, so two metrics of one query that read `included_orders`
share one expression.

>>> from semantic.builtins import builtin_catalog
>>> from semantic.config import Config
>>> scope = Scope.for_query(builtin_catalog(), Config())
>>> "order_revenue" in scope.fact("included_orders").columns
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import ibis.expr.types as ir

from semantic.config import Config
from semantic.errors import UnknownNameError
from semantic.layer_texts import current as current_layer_texts
from semantic.layers import LayerShape, from_shape, placeholder, shape_of
from semantic.query_spec import QueryOptions
from semantic.sources import Sources


@dataclass(frozen=True)
class Fact:
    """A relation of rows metrics add up, built from the sources (and other facts) in a scope.

    Every fact has `shop_id` and `day` (a shop-local DATE); order-level facts keep
    `order_id` so that dimensions can attach the order's attribution.
    """

    name: str
    build: Callable[[Scope], ir.Table]
    description: str = ""
    # A layer is compiled once, as a relation of its own that metrics read by name
    # (semantic.layers): a CTE of each statement, a view of its own in `semantic export`.
    layer: bool = False


class HasFacts(Protocol):
    """What a scope needs of a catalog: its facts by name."""

    @property
    def facts(self) -> Mapping[str, Fact]: ...


@dataclass
class Scope:
    """One query's build: facts by name (built once each), config, sources, options and split."""

    facts: Mapping[str, Fact]
    config: Config
    sources: Sources
    options: QueryOptions = QueryOptions()
    by: tuple[str, ...] = ()
    _built: dict[str, ir.Table] = field(default_factory=dict, repr=False)

    @classmethod
    def for_query(
        cls,
        catalog: HasFacts,
        config: Config,
        options: QueryOptions | None = None,
        by: tuple[str, ...] = (),
        sources: Sources | None = None,
    ) -> Scope:
        """A scope over `catalog`'s facts (`catalog.facts`), with the sources `config` maps."""
        return cls(catalog.facts, config, sources or Sources.from_config(config), options or QueryOptions(), by)

    def fact(self, name: str) -> ir.Table:
        """The fact `name` as an Ibis expression, built on first use."""
        if name not in self._built:
            if name not in self.facts:
                raise UnknownNameError("fact", name, self.facts)
            fact = self.facts[name]
            self._built[name] = self._layer(fact) if fact.layer else fact.build(self)
        return self._built[name]

    def _layer(self, fact: Fact) -> ir.Table:
        """A layer's placeholder: from its shape in the compile's layer store when there is one
        (the layer is then built only if its text must be printed), else built, its shape kept."""
        store = current_layer_texts()
        if store is None:
            return placeholder(fact.name, fact.build(self))
        key = ("shape", fact.name)
        data = store.get_data(key)
        if data is not None:
            try:
                shape = LayerShape.from_json(data)
                reads = tuple(self.fact(inner) for inner in shape.reads)
                return from_shape(fact.name, shape, store.namespace, lambda: fact.build(self), reads)
            except (KeyError, TypeError, ValueError, RuntimeError, UnknownNameError):
                pass  # an entry of another shape (Ibis's type parser raises a RuntimeError): build it
        table = placeholder(fact.name, fact.build(self))
        shape = shape_of(table)
        if shape is not None:
            store.put_data(key, shape.as_json())
        return table
