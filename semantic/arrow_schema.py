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
