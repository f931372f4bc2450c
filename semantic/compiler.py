"""Compile Ibis expressions to SQL text per dialect: the one compile path.

Compiling needs no connection: the expressions are built on unbound tables.
After Ibis renders a statement, `sqlglot` re-reads it so that the portable
functions (`semantic.portable`) are spelled for the dialect, and prints it in one
pretty form. That text is what `semantic compile` prints, what the golden files
pin, and what the backends send to the engine, byte for byte. `canonical_sql`
is what fingerprints hash: formatting- and comment-insensitive.

>>> import ibis
>>> t = ibis.table({"a": "int64"}, name="t")
>>> print(compile_sql(t.select(b=t.a + 1), "postgres"))
SELECT
  "t0"."a" + 1 AS "b"
FROM "t" AS "t0"
"""

from __future__ import annotations

import functools

import ibis
import ibis.backends.sql.dialects  # noqa: F401 - see below
import ibis.expr.types as ir
import sqlglot
import sqlglot.expressions as sge

from semantic.config import SQLGLOT_DIALECTS as SQLGLOT_DIALECTS
from semantic.config import check_dialect as check_dialect
from semantic.inline_tables import inline
from semantic.layer_texts import current as current_layer_texts
from semantic.layers import Layer, layer_named, layers_of, readable_names
from semantic.portable import spell

# Ibis patches sqlglot's generators when ibis.backends.sql.dialects is imported (PostgreSQL's
# DATE_FROM_PARTS printed as MAKE_DATE, among others); imported above, before any statement is
# printed, so that no process prints SQL Ibis did not mean (a backfill run alone once printed
# DATE_FROM_PARTS for PostgreSQL: tests/test_backfill_processes.py).

COMPILED_ENTRIES = 64
# The dialect fingerprints are computed in.
REFERENCE_DIALECT = "duckdb"


def to_sqlglot(expr: ir.Expr, dialect: str, layer_views: dict[str, sge.Table] | None = None) -> sge.Expression:
    """The statement as a sqlglot tree in `dialect`, with our rewrites applied.

    The layers it reads (semantic.layers) come first, as common table expressions
    in dependency order; with `layer_views` (layer name -> view), the statement
    reads those views instead (`semantic export`).
    """
    check_dialect(dialect)
    tree = _statement(expr, dialect)
    layers = layers_of(expr)
    if layers:
        names = readable_names(layers)
        if layer_views is None:
            tree = _with_layers(tree, layers, names, dialect)
        else:
            tree = _rename_tables(tree, {t: layer_views[n] for t, n in names.items()})
    return tree


def _statement(expr: ir.Expr, dialect: str) -> sge.Expression:
    """Ibis's statement for `expr`, re-read by sqlglot, constant tables inline, spelled (a copy of a memo)."""
    key = (expr.op(), dialect)
    tree = _TREES.get(key)
    if tree is None:
        text = ibis.to_sql(expr, dialect=dialect, pretty=False)
        tree = spell(inline(sqlglot.parse_one(text, read=SQLGLOT_DIALECTS[dialect]), expr), dialect)  # type: ignore[arg-type]
        if len(_TREES) >= COMPILED_ENTRIES:
            _TREES.pop(next(iter(_TREES)))
        _TREES[key] = tree
    return tree.copy()


def _with_layers(tree: sge.Expression, layers: list[Layer], names: dict[str, str], dialect: str) -> sge.Expression:
    """`tree` headed by its layers as CTEs; each layer's own CTEs are hoisted and prefixed with its name.

    Flat rather than nested: Spark refuses a nested CTE whose name an outer one
    also uses, and one level reads better.
    """
    ctes = [cte for layer in layers for cte in _layer_cte_trees(layer, names, dialect)]
    tree = _rename_tables(tree, {t: _table(n) for t, n in names.items()})
    own = tree.args.get("with_")
    tree.set("with_", sge.With(expressions=[*ctes, *(own.expressions if own else [])]))
    return tree


def _layer_cte_trees(layer: Layer, names: dict[str, str], dialect: str) -> list[sge.CTE]:
    """The CTEs a layer contributes to a statement: its own hoisted ones, then itself (`names`: placeholder -> name)."""
    body = _rename_tables(_statement(layer.expr, dialect), {t: _table(n) for t, n in names.items()})
    return [*_hoisted(body, names[layer.table_name]), _cte(body, names[layer.table_name])]


def _hoisted(body: sge.Expression, prefix: str) -> list[sge.CTE]:
    """The CTEs of `body`, renamed `<prefix>__<name>` and removed from it (in place)."""
    own = body.args.get("with_")
    if not own:
        return []
    renamed = {cte.alias: _table(f"{prefix}__{cte.alias}") for cte in own.expressions}
    body.set("with_", None)
    ctes = [_cte(_rename_tables(cte.this, renamed), renamed[cte.alias].name) for cte in own.expressions]
    _rename_tables(body, renamed)
    return ctes


def _table(name: str) -> sge.Table:
    return sge.Table(this=sge.to_identifier(name, quoted=True))


def _cte(body: sge.Expression, name: str) -> sge.CTE:
    return sge.CTE(this=body, alias=sge.TableAlias(this=sge.to_identifier(name, quoted=True)))


def _rename_tables(tree: sge.Expression, tables: dict[str, sge.Table]) -> sge.Expression:
    """References to the tables named in `tables` (no schema) pointed at the given tables, in place; aliases kept."""

    def rename(node: sge.Expression) -> sge.Expression:
        if isinstance(node, sge.Table) and not node.args.get("db") and node.name in tables:
            target = tables[node.name]
            for part in ("this", "db", "catalog"):
                node.set(part, target.args.get(part).copy() if target.args.get(part) else None)
        return node

    return tree.transform(rename, copy=False)


def compile_sql(expr: ir.Expr, dialect: str, pretty: bool = True) -> str:
    """Runnable SQL text for `expr` in `dialect` (compiled once per expression in a process).

    The same text as `to_sqlglot(expr, dialect).sql(...)`, composed from each
    layer's CTEs printed once per process (a layer is shared by many metrics).
    """
    key = (expr.op(), dialect, pretty)
    found = _COMPILED.get(key)
    if found is None:
        found = _composed(expr, dialect, pretty)
        if len(_COMPILED) >= COMPILED_ENTRIES:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[key] = found
    return found


def _composed(expr: ir.Expr, dialect: str, pretty: bool) -> str:
    glot = SQLGLOT_DIALECTS[check_dialect(dialect)]
    layers = layers_of(expr)
    if not layers:
        return _statement(expr, dialect).sql(dialect=glot, pretty=pretty)
    names = readable_names(layers)
    tables = {t: _table(n) for t, n in names.items()}
    outer = _rename_tables(_statement(expr, dialect), tables)
    own = outer.args.get("with_")
    outer.set("with_", None)
    ctes = [text for layer in layers for text in _layer_texts(layer, names, dialect, pretty)]
    ctes += [cte.sql(dialect=glot, pretty=pretty) for cte in (own.expressions if own else [])]
    return "WITH " + ", ".join(ctes) + ("\n" if pretty else " ") + outer.sql(dialect=glot, pretty=pretty)


def _layer_texts(layer: Layer, names: dict[str, str], dialect: str, pretty: bool) -> tuple[str, ...]:
    """A layer's printed CTEs: from the layer texts on disk when a compile cache is open, else printed.

    The key is the layer's readable name, the names of every layer of the
    statement (its text reads them by name) and the form; the store's namespace
    covers what the layer is built from (semantic.layer_texts). Two different
    layers of one fact in one statement (`name_2`) are always printed.
    """
    store = current_layer_texts()
    readable = tuple(names.values())
    if store is None or any(n != _layer(t).name for t, n in names.items()):
        return _layer_ctes(layer, tuple(names.items()), dialect, pretty)
    key = ("layer", names[layer.table_name], readable, dialect, pretty)
    texts = store.get(key)
    if texts is None:
        texts = _layer_ctes(layer, tuple(names.items()), dialect, pretty)
        store.put(key, texts)
    return texts


@functools.lru_cache(maxsize=COMPILED_ENTRIES)
def _layer_ctes(layer: Layer, names: tuple[tuple[str, str], ...], dialect: str, pretty: bool) -> tuple[str, ...]:
    """`_layer_cte_trees` printed, once per process for each layer, naming and dialect."""
    glot = SQLGLOT_DIALECTS[dialect]
    return tuple(cte.sql(dialect=glot, pretty=pretty) for cte in _layer_cte_trees(layer, dict(names), dialect))


def _layer(table_name: str) -> Layer:
    found = layer_named(table_name)
    assert found is not None, table_name  # names holds placeholders only
    return found


# Equal Ibis expressions (structurally: the same tables, the same operations) compile to the
# same text, so a process compiles each once (semantic/compile_cache.py keeps them across processes).
_COMPILED: dict[tuple, str] = {}
_TREES: dict[tuple, sge.Expression] = {}


def canonical_sql(sql: str, dialect: str = REFERENCE_DIALECT) -> str:
    """SQL normalised for hashing: parsed, comments dropped, one canonical layout."""
    tree = sqlglot.parse_one(sql, read=SQLGLOT_DIALECTS[dialect])
    return tree.sql(dialect=SQLGLOT_DIALECTS[dialect], pretty=False, comments=False, normalize=True)
