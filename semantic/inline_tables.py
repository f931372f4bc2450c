"""Small constant tables (the referrer table, the internal hosts) written into the SQL as VALUES.

The model builds them as `ibis.memtable`s; Ibis would name each a table the
backend must register first, which a printed statement cannot carry. The
compiler calls `inline(tree, expr)`: every reference to a memtable becomes
`(VALUES ...) AS alias(columns)` (BigQuery: sqlglot spells it UNNEST of STRUCTs),
so the text stays self-contained and runs anywhere. Values are literals built
by sqlglot from the table's own data, never spliced text.

>>> import ibis, pyarrow as pa, sqlglot
>>> keys = ibis.memtable(pa.table({"key": ["a"], "n": [1]}))
>>> t = ibis.table({"h": "string"}, name="t")
>>> expr = t.join(keys, t.h == keys.key).select("h", "n")
>>> tree = inline(sqlglot.parse_one(ibis.to_sql(expr, dialect="duckdb"), read="duckdb"), expr)
>>> "(VALUES ('a', 1))" in tree.sql("duckdb")
True
"""

from __future__ import annotations

import ibis.expr.operations as ops
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge
from ibis.formats.pyarrow import PyArrowTableProxy


def _literal(value) -> sge.Expression:
    if value is None:
        return sge.Null()
    if isinstance(value, bool):
        return sge.Boolean(this=value)
    if isinstance(value, int):
        return sge.Literal.number(value)
    return sge.Literal.string(str(value))


def _values(op: ops.InMemoryTable, alias: str) -> sge.Expression:
    data = op.data.to_pyarrow(op.schema)
    columns = data.column_names
    rows = [sge.Tuple(expressions=[_literal(v) for v in row]) for row in zip(*(data.column(c).to_pylist() for c in columns))]
    if not rows:
        raise ValueError("an inline table needs at least one row")
    table_alias = sge.TableAlias(this=sge.to_identifier(alias), columns=[sge.to_identifier(c) for c in columns])
    return sge.Values(expressions=rows, alias=table_alias)


def inline(tree: sge.Expression, expr: ir.Expr) -> sge.Expression:
    """`tree` with each memtable of `expr` written as VALUES."""
    tables = {op.name: op for op in expr.op().find(ops.InMemoryTable)}
    if not tables:
        return tree

    def rewrite(node: sge.Expression) -> sge.Expression:
        if isinstance(node, sge.Table) and node.name in tables and not node.args.get("db"):
            return _values(tables[node.name], node.alias_or_name)
        return node

    return tree.transform(rewrite)


def constant_table(data: pa.Table, label: str) -> ir.Table:
    """`data` as an Ibis table named after its content: the same rows give an equal expression.

    (An `ibis.memtable` gets a random name, so two builds of one query would differ
    and compile twice.)
    """
    import hashlib

    import ibis

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, data.schema) as writer:
        writer.write_table(data)
    digest = hashlib.sha256(sink.getvalue().to_pybytes()).hexdigest()[:16]
    name = f"semantic_{label}_{digest}"
    if name not in _CONSTANT_TABLES:  # one op per content: Ibis compares the data proxies by identity
        schema = ibis.Schema.from_pyarrow(data.schema)
        _CONSTANT_TABLES[name] = ops.InMemoryTable(name=name, schema=schema, data=PyArrowTableProxy(data)).to_expr()
    return _CONSTANT_TABLES[name]


_CONSTANT_TABLES: dict[str, ir.Table] = {}
