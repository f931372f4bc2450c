"""DuckDB: an embedded file (or memory); loads go through Arrow in one transaction (see table_replace)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from semantic.errors import WarehouseError

from semantic.backends.table_replace import replace_table
from semantic.backends.url import WarehouseUrl
from semantic.backends.warehouse import Warehouse, columns_by_table, conform

if TYPE_CHECKING:  # Arrow only where a table crosses (loads, Arrow results)
    import pyarrow as pa


class DuckDBWarehouse(Warehouse):
    dialect = "duckdb"

    @classmethod
    def open(cls, url: WarehouseUrl) -> DuckDBWarehouse:
        import duckdb

        path = url.path or ":memory:"
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise WarehouseError(f"cannot open DuckDB file {path}: directory {parent} does not exist")
        try:
            # The driver itself: we run SQL text, so Ibis's backend (and its import) is not needed.
            con = duckdb.connect(path)
            # Instants are TIMESTAMPTZ; show them in UTC whatever the machine's zone is.
            con.execute("SET TimeZone = 'UTC'")
            # An unknown table name must be an error, never a Python variable of the caller.
            con.execute("SET python_enable_replacements = false")
        except Exception as exc:
            raise WarehouseError(f"cannot open DuckDB database {path}: {str(exc).splitlines()[0]}") from exc
        return cls(url, con)

    @property
    def raw(self):  # the duckdb.DuckDBPyConnection
        return self.con

    def _fetch_arrow(self, sql: str, schema: pa.Schema) -> pa.Table:
        return conform(self.raw.sql(sql).to_arrow_table(), schema)

    def _fetch_rows(self, sql: str, arrow_schema: Callable[[], pa.Schema]) -> list[tuple]:
        return self.raw.execute(sql).fetchall()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.raw.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    # How DuckDB's catalog spells each contract type (information_schema.columns.data_type).
    CATALOG_TYPES = {
        "string": "VARCHAR",
        "decimal(18, 2)": "DECIMAL(18,2)",
        "timestamp('UTC')": "TIMESTAMP WITH TIME ZONE",
        "date": "DATE",
        "boolean": "BOOLEAN",
        "int64": "BIGINT",
    }

    def _load_table(self, database: str | None, name: str, logical: str, data: pa.Table) -> None:
        replace_table(self, database, name, logical, data)

    def _run(self, sql: str) -> None:
        self.raw.execute(sql)

    def _fetch(self, sql: str) -> list[tuple]:
        return self.raw.execute(sql).fetchall()

    def _insert(self, target: str, data: pa.Table) -> None:
        import sqlglot.expressions as sge  # loading only: a query's SQL arrives as text

        columns = ", ".join(sge.to_identifier(c, quoted=True).sql("duckdb") for c in data.column_names)
        self.raw.register("__semantic_load", data)
        try:
            self.raw.execute(f"INSERT INTO {target} ({columns}) SELECT {columns} FROM __semantic_load")
        finally:
            self.raw.unregister("__semantic_load")

    def _drop_for_new_columns(self, drop: str, label: str, changes: list[str]) -> None:
        self.raw.execute(drop)  # DuckDB binds views when they are queried: nothing depends on a table

    def _column_types(self, name: str, database: str | None) -> dict[str, str] | None:
        rows = self.raw.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_name = ? AND table_schema = coalesce(?, current_schema())",
            [name, database],
        ).fetchall()
        return {r[0]: r[1] for r in rows} or None

    def _columns_of(self, tables: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], set[str] | None]:
        rows = self.raw.execute(
            "SELECT table_schema, table_name, column_name, current_schema() FROM information_schema.columns"
            " WHERE list_contains(?, table_name)",
            [sorted({name for name, _ in tables})],
        ).fetchall()
        return columns_by_table(tables, rows)

    def _columns(self, name: str, database: str | None) -> set[str] | None:
        return self._columns_of([(name, database)])[(name, database)]
