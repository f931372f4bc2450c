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

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

PLACEHOLDER_PREFIX = "__semantic_layer__"


@dataclass(frozen=True, eq=False)  # one object per placeholder (memoized below): identity is equality
class Layer:
    """A layer: its readable name, its placeholder's table name and its expression (itself reading deeper
    layers by placeholder).

    A layer known from a cached shape (`from_shape`) builds its expression only
    when something prints it; until then its direct layers and its sources are
    the shape's, so a query over it compiles without building it.
    """

    name: str
    table_name: str  # the placeholder's table name (internal: never printed)
    build: Callable[[], ir.Table]
    reads: tuple[str, ...] | None = None  # placeholder names of the layers it reads directly, if known unbuilt
    sources: tuple[ops.UnboundTable, ...] | None = None  # the real tables it reads directly, if known unbuilt

    @functools.cached_property
    def expr(self) -> ir.Table:
        return self.build()


# Placeholder table name -> its layer. A memo of content (like semantic.inline_tables'
# constant tables), not a registry of definitions: the name is derived from the expression.
_LAYERS: dict[str, Layer] = {}


def placeholder(name: str, expr: ir.Table) -> ir.Table:
    """An unbound table standing for `expr`, compiled as the layer `name` wherever it is read."""
    # The op's structural hash: equal expressions, one placeholder (in this process; never printed).
    table_name = f"{PLACEHOLDER_PREFIX}{name}__{hash(expr.op()) & 0xFFFFFFFFFFFFFFFF:016x}"
    if table_name not in _LAYERS:
        _LAYERS[table_name] = Layer(name, table_name, lambda: expr)
    return ibis.table(expr.schema(), name=table_name)


def from_shape(name: str, shape: LayerShape, key: str, build: Callable[[], ir.Table], reads: tuple[ir.Table, ...]) -> ir.Table:
    """A placeholder for the layer `name` from its cached shape, unbuilt (`key`: what the shape was cached under).

    `reads` are the placeholders of the layers the shape says it reads.
    """
    table_name = f"{PLACEHOLDER_PREFIX}{name}__shape_{key[:16]}"
    if table_name not in _LAYERS:
        sources = tuple(_unbound(source) for source in shape.sources)
        _LAYERS[table_name] = Layer(name, table_name, build, tuple(r.get_name() for r in reads), sources)
    return ibis.table(shape.ibis_schema(), name=table_name)


@dataclass(frozen=True)
class TableShape:
    """A table as JSON can keep it: name, database, catalog, columns with their Ibis types."""

    name: str
    database: str | None
    catalog: str | None
    columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LayerShape:
    """What compiling a query over a layer needs of it, without building it: its columns, the facts of
    the layers it reads directly, the real tables it reads directly."""

    columns: tuple[tuple[str, str], ...]
    reads: tuple[str, ...]
    sources: tuple[TableShape, ...]

    def ibis_schema(self) -> ibis.Schema:
        return _schema(self.columns)

    def as_json(self) -> dict:
        return {"columns": self.columns, "reads": self.reads, "sources": [dataclasses.asdict(s) for s in self.sources]}

    @classmethod
    def from_json(cls, data: dict) -> LayerShape:
        return cls(
            columns=tuple((str(n), str(t)) for n, t in data["columns"]),
            reads=tuple(str(r) for r in data["reads"]),
            sources=tuple(TableShape(s["name"], s["database"], s["catalog"], tuple((str(n), str(t)) for n, t in s["columns"]))
                          for s in data["sources"]),
        )


def shape_of(table: ir.Table) -> LayerShape | None:
    """The shape of the layer `table` is the placeholder of (None for another table, or for types
    Ibis prints in a form it does not read back exactly)."""
    layer = layer_named(table.get_name())
    if layer is None:
        return None
    real = [node for node in _own_tables(layer) if layer_named(node.name) is None]
    shape = LayerShape(
        _columns(table.schema()),
        tuple(inner.name for inner in direct_layers(layer.expr)),
        tuple(TableShape(n.name, n.namespace.database, n.namespace.catalog, _columns(n.schema)) for n in real),
    )
    try:
        exact = shape.ibis_schema() == table.schema() and [_unbound(s) for s in shape.sources] == real
    except Exception:  # noqa: BLE001 - a type string Ibis cannot parse: no shape, the layer is built as before
        return None
    return shape if exact else None


def _columns(schema: ibis.Schema) -> tuple[tuple[str, str], ...]:
    return tuple((name, str(dtype)) for name, dtype in schema.items())


def _own_tables(layer: Layer) -> list[ops.UnboundTable]:
    return list(dict.fromkeys(layer.expr.op().find(ops.UnboundTable)))


def _schema(columns: tuple[tuple[str, str], ...]) -> ibis.Schema:
    """`_columns` read back."""
    return ibis.schema([(name, ibis.dtype(dtype)) for name, dtype in columns])


def _unbound(source: TableShape) -> ops.UnboundTable:
    return ibis.table(_schema(source.columns), name=source.name, database=source.database, catalog=source.catalog).op()


def layer_named(table_name: str) -> Layer | None:
    """The layer a placeholder table name stands for (None for any other table)."""
    return _LAYERS.get(table_name) if table_name.startswith(PLACEHOLDER_PREFIX) else None


def direct_layers(expr: ir.Expr) -> list[Layer]:
    """The layers `expr` itself reads (not those they read)."""
    found = [layer_named(node.name) for node in expr.op().find(ops.UnboundTable)]
    return list({layer.table_name: layer for layer in found if layer is not None}.values())


def _inner_layers(layer: Layer) -> list[Layer]:
    """The layers `layer` reads directly: from its shape when it has one (it stays unbuilt), else its expression."""
    if layer.reads is not None:
        return [_LAYERS[name] for name in layer.reads]
    return direct_layers(layer.expr)


def layers_of(expr: ir.Expr) -> list[Layer]:
    """Every layer `expr` reads, directly or through other layers, deepest first (dependency order)."""
    ordered: dict[str, Layer] = {}

    def visit(layer: Layer, trail: tuple[str, ...]) -> None:
        if layer.table_name in ordered or layer.table_name in trail:
            return
        for inner in _inner_layers(layer):
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
    tables: dict[ops.Node, None] = dict.fromkeys(t for t in expr.op().find(ops.UnboundTable) if layer_named(t.name) is None)
    for layer in layers_of(expr):
        own = layer.sources if layer.sources is not None else _own_tables(layer)
        tables.update(dict.fromkeys(t for t in own if layer_named(t.name) is None))
    return list(tables)


__all__ = ["Layer", "LayerShape", "direct_layers", "expand", "from_shape", "layer_named", "layers_of", "placeholder", "readable_names", "shape_of"]
