"""The contract's types as Arrow types: how data crosses into and out of engines (and the demo generator)."""

from __future__ import annotations

import pyarrow as pa

from semantic.contract import CONTRACT

ARROW_TYPES = {
    "string": pa.string(),
    "decimal(18, 2)": pa.decimal128(18, 2),
    "timestamp('UTC')": pa.timestamp("us", tz="UTC"),
    "date": pa.date32(),
    "boolean": pa.bool_(),
    "int64": pa.int64(),
}


def contract_arrow_schema(logical: str) -> pa.Schema:
    """The Arrow schema of a contract table, NOT NULL columns marked non-nullable."""
    table = CONTRACT[logical]
    return pa.schema(
        [pa.field(name, ARROW_TYPES[kind], nullable=name in table.nullable) for name, kind in table.columns.items()]
    )


def rows_to_arrow(rows, schema: pa.Schema) -> pa.Table:
    """Rows of Python values (a DB-API cursor's, `ResultRows`') as an Arrow table in `schema`, every column nullable."""
    target = pa.schema([field.with_nullable(True) for field in schema])
    columns = list(zip(*rows)) if rows else [() for _ in target]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, target)], schema=target)
