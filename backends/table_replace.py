"""Replacing a contract table's rows, keeping the table (and so the user's views over it).

`semantic load` and `semantic demo` replace each table inside the caller's
transaction:

- no such table: create it with the contract's columns;
- a table whose columns have the contract's names and types: delete its rows and
  insert the new ones; the table object stays, so views, grants and comments on
  it survive, and readers see the old rows until the commit;
- a table whose columns must change (a type differs, a column is missing or
  extra): drop and create it; when the engine refuses the drop because other
  objects depend on it (PostgreSQL views), the load stops with a message saying
  which columns must change and which objects stand in the way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from semantic.contract import CONTRACT

if TYPE_CHECKING:
    import pyarrow as pa


def wanted_types(warehouse, logical: str, physical_columns: list[str]) -> dict[str, str]:
    """Physical column -> the type the engine's catalog spells for the contract's type."""
    kinds = CONTRACT[logical].columns
    return {physical: warehouse.CATALOG_TYPES[kinds[name]] for physical, name in zip(physical_columns, kinds)}


def schema_changes(existing: dict[str, str], wanted: dict[str, str]) -> list[str]:
    """What must change for a table with `existing` columns to be the contract's, in words ([] when nothing)."""
    changes = []
    for column, kind in wanted.items():
        if column not in existing:
            changes.append(f"column {column} is missing")
        elif existing[column].lower() != kind.lower():
            changes.append(f"column {column} is {existing[column]}, the contract's type is {kind}")
    changes += [f"column {column} is not in the contract" for column in existing if column not in wanted]
    return changes


def replace_table(warehouse, database: str | None, name: str, logical: str, data: pa.Table) -> None:
    """Make table `database.name` hold exactly `data` (inside the caller's transaction)."""
    import sqlglot.expressions as sge  # loading only (a query's module imports stay light)

    if database:
        warehouse._run(warehouse.create_schema_sql(database))
    drop, create = warehouse.table_ddl(database, name, logical, data)
    target = sge.table_(name, db=database, quoted=True).sql(warehouse.dialect)
    existing = warehouse._column_types(name, database)
    if existing is None:
        warehouse._run(create)
    else:
        changes = schema_changes(existing, wanted_types(warehouse, logical, data.column_names))
        if changes:
            warehouse._drop_for_new_columns(drop, f"{database}.{name}" if database else name, changes)
            warehouse._run(create)
        else:
            warehouse._run(sge.delete(sge.table_(name, db=database, quoted=True)).sql(warehouse.dialect))
    warehouse._insert(target, data)
