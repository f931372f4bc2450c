"""Plain statements with bound parameters, the same way on every engine, and DDL for our own tables.

The bookkeeping of `semantic build` and `semantic backfill` (audit rows, locks,
build records) is written with parameters (`?`), never with values spliced into
SQL text; identifiers are quoted by sqlglot. Inside `Warehouse.transaction()`
statements join the transaction; outside it each one commits on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sqlglot.expressions as sge

from semantic.errors import WarehouseError

from semantic.backends.warehouse import Warehouse

# Ibis type of our columns -> portable SQL type sqlglot renders per dialect.
SQL_TYPES = {
    "string": "TEXT",
    "date": "DATE",
    "int64": "BIGINT",
    "decimal(38, 2)": "DECIMAL(38, 2)",
    "decimal(18, 2)": "DECIMAL(18, 2)",
    "timestamp('UTC')": "TIMESTAMPTZ",
    "boolean": "BOOLEAN",
    "float64": "DOUBLE",
}


def table_name(warehouse: Warehouse, schema: str | None, name: str) -> str:
    """`"schema"."name"`, quoted for the warehouse's dialect."""
    return sge.table_(name, db=schema, quoted=True).sql(warehouse.dialect)


def column_list(warehouse: Warehouse, columns: Sequence[str]) -> str:
    return ", ".join(sge.to_identifier(c, quoted=True).sql(warehouse.dialect) for c in columns)


def create_table_sql(warehouse: Warehouse, schema: str, name: str, columns: Mapping[str, tuple[str, bool]]) -> str:
    """CREATE TABLE IF NOT EXISTS with the given (Ibis type, nullable) columns."""
    definitions = []
    for column, (kind, nullable) in columns.items():
        constraints = [] if nullable else [sge.ColumnConstraint(kind=sge.NotNullColumnConstraint())]
        definitions.append(
            sge.ColumnDef(
                this=sge.to_identifier(column, quoted=True),
                kind=sge.DataType.build(SQL_TYPES[kind], dialect=warehouse.dialect),
                constraints=constraints,
            )
        )
    table = sge.table_(name, db=schema, quoted=True)
    return sge.Create(this=sge.Schema(this=table, expressions=definitions), kind="TABLE", exists=True).sql(warehouse.dialect)


def _in_transaction(warehouse: Warehouse) -> bool:
    return bool(getattr(warehouse, "_depth", 0))


def _placeholders(warehouse: Warehouse, sql: str) -> str:
    return sql.replace("?", "%s") if warehouse.dialect == "postgres" else sql


def run(warehouse: Warehouse, sql: str, params: Sequence[object] = ()) -> None:
    """Run one statement with bound parameters."""
    fetch(warehouse, sql, params, rows=False)


def fetch(warehouse: Warehouse, sql: str, params: Sequence[object] = (), *, rows: bool = True) -> list[tuple]:
    """Run one statement with bound parameters and return its rows."""
    warehouse.executed.append(sql)
    try:
        if warehouse.dialect == "postgres":
            with warehouse.raw.cursor() as cursor:
                cursor.execute(_placeholders(warehouse, sql), tuple(params) or None)
                found = cursor.fetchall() if rows and cursor.description else []
            if not _in_transaction(warehouse):
                warehouse.raw.commit()
            return found
        result = warehouse.raw.execute(sql, list(params))
        return result.fetchall() if rows and result.description else []
    except WarehouseError:
        raise
    except Exception as exc:  # the engine's own error types
        if warehouse.dialect == "postgres" and not _in_transaction(warehouse):
            warehouse.raw.rollback()
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WarehouseError(f"{warehouse.dialect} failed: {text}") from exc


def exists(warehouse: Warehouse, schema: str, name: str) -> bool:
    """Whether table `schema.name` exists."""
    found = fetch(
        warehouse,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        (schema, name),
    )
    return bool(found and found[0][0])
