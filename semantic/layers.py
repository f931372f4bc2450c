"""Layers: relations compiled once, as a named statement of their own, that metrics read by name.

Attribution's relations (every touchpoint classified, the candidates of each
order, each order's credit) are large; inlined into every metric's statement,
Ibis repeats them and an analyst cannot read the result. A fact declared a
layer (`Fact(..., layer=True)`) is built once per scope, as usual, but what the
scope hands to metrics is a placeholder table standing for it. The compiler
(`semantic.compiler`) then writes each layer a statement reads as a common
table expression named after the fact, before the statement, in dependency
order: `WITH attribution_touchpoints AS (...), attribution_candidates AS (...),
order_attribution AS (...) SELECT ...`. The same text is what `semantic export`
writes as views of their own (the metric's view then reads the layer's view).

A placeholder's table name carries a digest of the layer's expression, so
equal layers are one placeholder and different ones (another model, other
knobs) never meet; only the readable fact name reaches the SQL.

>>> import ibis
>>> t = ibis.table({"a": "int64"}, name="t")
>>> doubled = placeholder("doubled", t.select(b=t.a * 2))
>>> [layer.name for layer in layers_of(doubled.filter(doubled.b > 2))]
['doubled']
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

PLACEHOLDER_PREFIX = "__semantic_layer__"


@dataclass(frozen=True)
class Layer:
    """A layer: its readable name, its expression (itself reading deeper layers by placeholder) and its placeholder."""

    name: str
    expr: ir.Table
    table_name: str  # the placeholder's table name (internal: never printed)


# Placeholder table name -> its layer. A memo of content (like semantic.inline_tables'
# constant tables), not a registry of definitions: the name is derived from the expression.
_LAYERS: dict[str, Layer] = {}


def placeholder(name: str, expr: ir.Table) -> ir.Table:
    """An unbound table standing for `expr`, compiled as the layer `name` wherever it is read."""
    # The op's structural hash: equal expressions, one placeholder (in this process; never printed).
    table_name = f"{PLACEHOLDER_PREFIX}{name}__{hash(expr.op()) & 0xFFFFFFFFFFFFFFFF:016x}"
    if table_name not in _LAYERS:
        _LAYERS[table_name] = Layer(name, expr, table_name)
    return ibis.table(expr.schema(), name=table_name)


def layer_named(table_name: str) -> Layer | None:
    """The layer a placeholder table name stands for (None for any other table)."""
    return _LAYERS.get(table_name) if table_name.startswith(PLACEHOLDER_PREFIX) else None


def direct_layers(expr: ir.Expr) -> list[Layer]:
    """The layers `expr` itself reads (not those they read)."""
    found = [layer_named(node.name) for node in expr.op().find(ops.UnboundTable)]
    return list({layer.table_name: layer for layer in found if layer is not None}.values())


def layers_of(expr: ir.Expr) -> list[Layer]:
    """Every layer `expr` reads, directly or through other layers, deepest first (dependency order)."""
    ordered: dict[str, Layer] = {}

    def visit(layer: Layer, trail: tuple[str, ...]) -> None:
        if layer.table_name in ordered or layer.table_name in trail:
            return
        for inner in direct_layers(layer.expr):
            visit(inner, (*trail, layer.table_name))
        ordered[layer.table_name] = layer

    for layer in direct_layers(expr):
        visit(layer, ())
    return list(ordered.values())


def readable_names(layers: list[Layer]) -> dict[str, str]:
    """Placeholder table name -> the name printed in SQL: the fact's name (`_2`, `_3` when two differ)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for layer in layers:
        name, n = layer.name, 1
        while name in taken:
            n += 1
            name = f"{layer.name}_{n}"
        taken.add(name)
        names[layer.table_name] = name
    return names


def expand(expr: ir.Expr) -> list[ops.Node]:
    """Every unbound table `expr` reads, through its layers: the real sources behind the placeholders."""
    tables: dict[ops.Node, None] = {}
    for node in (expr.op(), *(layer.expr.op() for layer in layers_of(expr))):
        for table in node.find(ops.UnboundTable):
            if layer_named(table.name) is None:
                tables.setdefault(table, None)
    return list(tables)


__all__ = ["Layer", "direct_layers", "expand", "layer_named", "layers_of", "placeholder", "readable_names"]
