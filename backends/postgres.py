"""PostgreSQL through psycopg 3: loads use COPY inside one transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pyarrow as pa
import sqlglot.expressions as sge

from semantic.errors import WarehouseError
from semantic.portable import setup_statements

from semantic.backends.url import WarehouseUrl
from semantic.backends.warehouse import Warehouse, rows_to_arrow


class PostgresWarehouse(Warehouse):
    dialect = "postgres"

    @classmethod
    def open(cls, url: WarehouseUrl) -> PostgresWarehouse:
        try:
            import ibis

            kwargs = {k: v for k, v in (("host", url.host), ("port", url.port), ("user", url.user),
                                       ("password", url.password), ("database", url.database)) if v is not None}
            kwargs.update(dict(url.options))
            con = ibis.postgres.connect(**kwargs)
        except ModuleNotFoundError as exc:
            raise WarehouseError(
                f"PostgreSQL support is not installed ({exc.name}); pip install 'semantic[postgres]'"
            ) from exc
        except Exception as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if url.password:
                message = message.replace(url.password, "***")
            raise WarehouseError(f"cannot connect to {url.redacted}: {message}") from None
        with con.con.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
        con.con.commit()
        _ensure_functions(con.con)
        return cls(url, con)

    @property
    def raw(self):  # the psycopg.Connection
        return self.con.con

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.raw.transaction():
            yield

    def _load_table(self, database: str | None, name: str, logical: str, data: pa.Table) -> None:
        drop, create = self.table_ddl(database, name, logical, data)
        target = sge.table_(name, db=database, quoted=True).sql("postgres")
        columns = ", ".join(sge.to_identifier(c, quoted=True).sql("postgres") for c in data.column_names)
        with self.raw.cursor() as cursor:
            if database:
                cursor.execute(self.create_schema_sql(database))
            cursor.execute(drop)
            cursor.execute(create)
            with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
                for batch in data.to_batches(max_chunksize=50_000):
                    for row in zip(*(col.to_pylist() for col in batch.columns)):
                        copy.write_row(row)

    def _columns(self, name: str, database: str | None) -> set[str] | None:
        with self.raw.cursor() as cursor:
            cursor.execute(
                # Unqualified tables resolve through the search_path, as the queries' do.
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s AND table_schema = coalesce(%s, current_schema())",
                (name, database),
            )
            rows = cursor.fetchall()
        self.raw.commit()
        return {r[0] for r in rows} or None

    def _fetch_arrow(self, sql: str, schema: pa.Schema) -> pa.Table:
        try:
            with self.raw.cursor() as cursor:
                cursor.execute(sql)
                rows = cursor.fetchall()
        finally:
            # Leave no transaction open between statements.
            with contextlib.suppress(Exception):
                self.raw.rollback()
        return rows_to_arrow(rows, schema)


def _ensure_functions(raw) -> None:
    """Create the portable functions PostgreSQL lacks (semantic.portable), once per database.

    Idempotent and harmless when another session creates one first; a role that
    may not create functions only loses URL-decoded UTMs, reported when used.
    """
    for setup in setup_statements("postgres"):
        try:
            with raw.cursor() as cursor:
                cursor.execute(setup.exists_sql)
                exists = cursor.fetchone()[0]
            raw.commit()
            if exists:
                continue
            with raw.cursor() as cursor:
                cursor.execute(setup.create_sql)
            raw.commit()
        except Exception:  # noqa: BLE001 - a concurrent creator or missing privilege; see docstring
            with contextlib.suppress(Exception):
                raw.rollback()
