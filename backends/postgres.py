"""PostgreSQL through psycopg 3: loads use COPY inside one transaction, keeping tables (see table_replace)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from semantic.errors import WarehouseError

from semantic.backends.table_replace import replace_table
from semantic.backends.url import WarehouseUrl
from semantic.backends.warehouse import Warehouse, columns_by_table

if TYPE_CHECKING:  # Arrow and sqlglot only for loads and Arrow results (a printed query needs neither)
    import pyarrow as pa


INSTALL_HINT = "install the PostgreSQL extra: pip install 'semantic[postgres]'"


def _require_driver() -> None:
    """Fail with the install command when psycopg (the `postgres` extra) is missing."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise WarehouseError("PostgreSQL support is not installed: the psycopg driver is missing", hint=INSTALL_HINT) from None


def _refuse_nul_bytes(logical: str, data: pa.Table) -> None:
    """PostgreSQL text cannot hold a NUL byte: name the first one instead of failing mid-COPY."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for name in data.column_names:
        column = data.column(name)
        if pa.types.is_string(column.type):
            found = pc.fill_null(pc.match_substring(column, "\x00"), False)
            if pc.any(found).as_py():
                row = found.to_pylist().index(True)
                raise WarehouseError(
                    f"{logical} row {row + 1}, column {name}: the value holds a NUL byte (\\x00), which PostgreSQL text "
                    "cannot store; nothing was loaded"
                )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class PostgresWarehouse(Warehouse):
    dialect = "postgres"

    @classmethod
    def open(cls, url: WarehouseUrl) -> PostgresWarehouse:
        from semantic.backends.url import scrub

        _require_driver()
        try:
            import psycopg

            kwargs: dict[str, Any] = {k: v for k, v in (("host", url.host), ("port", url.port), ("user", url.user),
                                       ("password", url.password), ("dbname", url.database)) if v is not None}
            kwargs.update(dict(url.options))
            # The driver itself, in autocommit: a statement outside `transaction()` commits on its own.
            con = psycopg.connect(autocommit=True, **kwargs)
        except ImportError as exc:  # the driver is missing
            raise WarehouseError(f"PostgreSQL support is not installed ({_first_line(exc)})", hint=INSTALL_HINT) from None
        except Exception as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise WarehouseError(f"cannot connect to {url.redacted}: {scrub(message)}") from None
        with con.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
            # No JIT compilation in our session: for attribution's statements (hundreds of
            # expressions, cost estimates over jit_optimize_above_cost) compiling them took 11.7 s
            # of a 38 s run at 100,000 orders, more than it saved. A session setting, any role may.
            cursor.execute("SET jit = off")
        return cls(url, con)

    @property
    def raw(self):  # the psycopg.Connection
        return self.con

    # How PostgreSQL spells each contract type (format_type of pg_attribute).
    CATALOG_TYPES = {
        "string": "text",
        "decimal(18, 2)": "numeric(18,2)",
        "timestamp('UTC')": "timestamp with time zone",
        "date": "date",
        "boolean": "boolean",
        "int64": "bigint",
    }

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            with self.raw.transaction():
                yield
        finally:
            self._depth -= 1

    def _load_table(self, database: str | None, name: str, logical: str, data: pa.Table) -> None:
        _refuse_nul_bytes(logical, data)
        replace_table(self, database, name, logical, data)
        # Fresh statistics for the planner (a server may run without autovacuum): without them it
        # guesses the sessions' size and visitor spread, and plans the attribution joins badly.
        import sqlglot.expressions as sge

        self._run(f"ANALYZE {sge.table_(name, db=database, quoted=True).sql('postgres')}")

    def _run(self, sql: str) -> None:
        with self.raw.cursor() as cursor:
            cursor.execute(sql)

    def _fetch(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.raw.cursor() as cursor:
            cursor.execute(sql, params or None)
            rows = cursor.fetchall()
        if not getattr(self, "_depth", 0):
            self.raw.commit()  # leave no transaction open between statements
        return rows

    def _insert(self, target: str, data: pa.Table) -> None:
        import sqlglot.expressions as sge

        columns = ", ".join(sge.to_identifier(c, quoted=True).sql("postgres") for c in data.column_names)
        with self.raw.cursor() as cursor:
            with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
                for batch in data.to_batches(max_chunksize=50_000):
                    for row in zip(*(col.to_pylist() for col in batch.columns)):
                        copy.write_row(row)

    def _drop_for_new_columns(self, drop: str, label: str, changes: list[str]) -> None:
        import psycopg

        try:
            with self.raw.transaction():  # a savepoint: the refusal is reported, then all rolls back
                self._run(drop)
        except psycopg.errors.DependentObjectsStillExist as exc:
            dependents = (exc.diag.message_detail or "other objects depend on it").replace("\n", "; ")
            raise WarehouseError(
                f"cannot replace table {label}: its columns must change ({'; '.join(changes)}), "
                f"and PostgreSQL will not drop it while other objects depend on it ({dependents}); nothing was loaded",
                hint="drop those objects, run `semantic load` again, then recreate them (for metric views: `semantic export`)",
            ) from None

    def _column_types(self, name: str, database: str | None) -> dict[str, str] | None:
        rows = self._fetch(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = %s AND n.nspname = coalesce(%s, current_schema()) AND a.attnum > 0 AND NOT a.attisdropped "
            "ORDER BY a.attnum",
            (name, database),
        )
        return {r[0]: r[1] for r in rows} or None

    def _columns_of(self, tables: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], set[str] | None]:
        rows = self._fetch(
            # Unqualified tables resolve through the search_path, as the queries' do.
            "SELECT table_schema, table_name, column_name, current_schema() FROM information_schema.columns"
            " WHERE table_name = ANY(%s)",
            (sorted({name for name, _ in tables}),),
        )
        return columns_by_table(tables, rows)

    def _columns(self, name: str, database: str | None) -> set[str] | None:
        return self._columns_of([(name, database)])[(name, database)]

    def _fetch_arrow(self, sql: str, schema: pa.Schema) -> pa.Table:
        from semantic.arrow_schema import rows_to_arrow

        return rows_to_arrow(self._fetch_rows(sql, lambda: schema), schema)

    def _fetch_rows(self, sql: str, arrow_schema: Callable[[], pa.Schema]) -> list[tuple]:
        try:
            with self.raw.cursor() as cursor:
                cursor.execute(sql)
                rows = cursor.fetchall()
        finally:
            # Leave no transaction open between statements (inside ours, e.g. a load's checks, the caller ends it).
            if not getattr(self, "_depth", 0):
                with contextlib.suppress(Exception):
                    self.raw.rollback()
        return rows
