"""A connection to a warehouse: connect by URL, check the contract, execute, load.

One common class with thin engine subclasses (the shape of Ibis's own
compilers): what differs between DuckDB and PostgreSQL is how a statement's
rows are fetched, how tables are bulk loaded and how a transaction is opened,
and nothing else.

An expression runs as exactly the SQL `semantic compile` prints
(`semantic.compiler.compile_sql`, the text the golden files pin); the last
statements run are kept in `executed`, so tests can compare them. Results come
back as Arrow tables in the expression's schema, fetched whole (DuckDB blocks
the next statement while a result is partly unread). Every identifier we write
is quoted by sqlglot; no value the user passes is spliced into SQL text.
"""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING, Any
import collections
import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from semantic.config import SQLGLOT_DIALECTS
from semantic.contract import CONTRACT
from semantic.errors import ContractError, WarehouseError
from semantic.result_rows import ResultRows
from semantic.sources import Sources

from semantic.backends.url import WarehouseUrl

if TYPE_CHECKING:  # Arrow only where a table crosses (a query printed from rows imports neither)
    import ibis.expr.types as ir
    import pyarrow as pa


@dataclass(frozen=True)
class MissingPiece:
    logical_table: str
    logical_column: str | None
    physical: str
    mapping_key: str


class Warehouse(abc.ABC):
    """Common behaviour; engines implement `_load_table`, `transaction` and `_columns`."""

    dialect: str = ""
    # A load's statements see its own new rows before the commit (so `semantic load` checks them there).
    READS_OWN_LOAD = True
    # Holds our materialized tables and backfills (transactions, and row or file locks).
    MATERIALIZES = True
    # How many of the last statements `executed` keeps.
    HISTORY = 50

    def __init__(self, url: WarehouseUrl, con: object) -> None:
        self.url = url
        self.con = con
        self.executed: collections.deque[str] = collections.deque(maxlen=self.HISTORY)

    # -- reading ----------------------------------------------------------------
    def execute(self, expr: ir.Expr) -> pa.Table:
        """Run an Ibis expression built on unbound tables as its compiled SQL; the whole result as Arrow."""
        from semantic.compiler import compile_sql  # Ibis: a compiled query runs through execute_sql alone

        table = expr.as_table()
        return self.execute_sql(compile_sql(table, self.dialect), table.schema().to_pyarrow())

    def execute_sql(self, sql: str, schema: pa.Schema) -> pa.Table:
        """Run one compiled statement (`semantic.compile_cache`); the whole result as Arrow in `schema`."""
        with self._running(sql):
            return self._fetch_arrow(sql, schema)

    def execute_rows(
        self, sql: str, schema: tuple[tuple[str, str], ...], arrow_schema: Callable[[], pa.Schema]
    ) -> ResultRows:
        """Run one compiled statement; its rows as Python values in `schema` ((column, Ibis type) pairs).

        Engines whose cursor gives Python values fetch them without Arrow; the
        others (Spark) fetch Arrow in `arrow_schema()` and convert.
        """
        with self._running(sql):
            rows = self._fetch_rows(sql, arrow_schema)
        try:
            return ResultRows.of(schema, rows)
        except ValueError as exc:  # a value its type cannot hold exactly: never shown rounded
            raise WarehouseError(f"{self.dialect} returned a value the query's result cannot hold: {exc}") from exc

    @contextlib.contextmanager
    def _running(self, sql: str) -> Iterator[None]:
        """Keep `sql` in `executed`; an engine's own error raised while it runs becomes a WarehouseError."""
        self.executed.append(sql)
        try:
            yield
        except Exception as exc:  # engines raise their own types; report them uniformly
            raise WarehouseError(f"{self.dialect} failed to run the query: {_first_line(exc)}") from exc

    @abc.abstractmethod
    def _fetch_arrow(self, sql: str, schema: pa.Schema) -> pa.Table:
        """Run one statement and return all its rows in `schema` (column names and types)."""

    def _fetch_rows(self, sql: str, arrow_schema: Callable[[], pa.Schema]) -> list[tuple]:
        """Run one statement and return all its rows as tuples of Python values (through Arrow here)."""
        table = self._fetch_arrow(sql, arrow_schema())
        return list(zip(*(column.to_pylist() for column in table.columns)))

    def check_contract(self, sources: Sources, tables: tuple[str, ...] | list[str]) -> None:
        """Raise ContractError naming the contract entry and mapping key of anything missing in `tables`."""
        from_preset = [t for t in tables if sources.from_preset(t)]
        if from_preset:
            from semantic.backends.preset_check import check_preset_tables

            check_preset_tables(self, sources, from_preset)
        missing = self.missing_pieces(sources, [t for t in tables if not sources.from_preset(t)])
        if missing:
            piece = missing[0]
            what = f"column {piece.logical_column!r} of contract table" if piece.logical_column else "contract table"
            hint = f"load it (`semantic load DIR` or `semantic demo`) or set {piece.mapping_key} in metrics.toml"
            if piece.logical_column in CONTRACT[piece.logical_table].optional:
                # A column added to the contract later (duties, taxes_included): older tables lack it.
                zero = "false" if CONTRACT[piece.logical_table].columns[piece.logical_column] == "boolean" else "0"
                hint = (f"reload with `semantic load DIR` (which fills it), or say the source has none: "
                        f"[sources.tables.{piece.logical_table}] constants = {{ {piece.logical_column} = {zero} }}")
            raise ContractError(
                f"{what} {piece.logical_table!r} not found in the warehouse "
                f"(looked for {piece.physical} in {self.url.redacted})",
                hint=hint,
            )

    def missing_pieces(self, sources: Sources, logical_tables: list[str]) -> list[MissingPiece]:
        pieces = []
        physicals = {logical: sources.physical(logical) for logical in logical_tables}
        found = self._columns_of([(p.name, p.database) for p in physicals.values()])
        for logical, physical in physicals.items():
            columns = found[(physical.name, physical.database)]
            if columns is None:
                pieces.append(MissingPiece(logical, None, physical.qualified_name, physical.mapping_key()))
                continue
            for column, physical_column in physical.columns:
                if physical_column not in columns:
                    pieces.append(
                        MissingPiece(
                            logical, column, f"{physical.qualified_name}.{physical_column}", physical.mapping_key(column)
                        )
                    )
            for physical_column in sources.view_columns(logical):  # fallbacks and filters of a mapped view
                if physical_column not in columns:
                    where = f"{physical.qualified_name}.{physical_column}"
                    pieces.append(MissingPiece(logical, physical_column, where, f"sources.tables.{logical} (fallbacks, where)"))
        return pieces

    # -- writing ----------------------------------------------------------------
    def load(
        self,
        tables: Mapping[str, pa.Table],
        sources: Sources,
        *,
        made_by_demo: bool = False,
        before_commit: Callable[[], None] | None = None,
    ) -> dict[str, int]:
        """Replace contract tables with `tables`, all in one transaction: all or nothing.

        Tables keep existing when their columns allow (see table_replace). The demo's
        record of what it wrote is written with its tables, and removed by any other load.
        `before_commit` runs inside the transaction once every table holds its new rows
        (`semantic load`'s data checks): when it raises, everything rolls back.
        """
        from semantic.errors import SemanticError

        for logical in tables:
            if logical not in CONTRACT:
                raise ContractError(f"{logical!r} is not a contract table ({', '.join(CONTRACT)})")
            mapping = sources.settings.tables.get(logical)
            if mapping is not None and mapping.is_view:
                from semantic.errors import ConfigError

                raise ConfigError(
                    f"{logical} is a view over {mapping.name or logical} (constants, fallbacks or a filter in "
                    f"[sources.tables.{logical}]): semantic reads it in place and does not write it",
                    hint=f"load {logical} into a project without those keys, or load the physical table yourself",
                )
            if sources.from_preset(logical):
                from semantic.errors import ConfigError

                raise ConfigError(
                    f"{logical} is read in place from the loader's tables by preset {sources.settings.preset!r}: "
                    "semantic does not write it",
                    hint="load into a project without [sources] preset, or let the connector keep the tables",
                )
        from semantic.arrow_schema import contract_arrow_schema

        counts = {}
        with self.transaction():
            for logical, table in tables.items():
                physical = sources.physical(logical)
                schema = contract_arrow_schema(logical)
                data = table.select(list(schema.names)).cast(schema)
                data = data.rename_columns([dict(physical.columns)[c] for c in schema.names])
                try:
                    self._load_table(physical.database, physical.name, logical, data)
                except SemanticError:
                    raise
                except Exception as exc:  # the engine's own error types: say which table, roll back
                    raise WarehouseError(f"{self.dialect} refused the rows of {logical}; nothing was loaded: {_first_line(exc)}") from exc
                counts[logical] = data.num_rows
            if before_commit is not None:
                before_commit()
            if made_by_demo:
                self._record_demo(sources, counts)
            else:
                self._forget_demo(sources)
        return counts

    def _record_demo(self, sources: Sources, counts: dict[str, int]) -> None:
        """Record that the demo wrote `counts` rows (see demo_marker), inside the load's transaction."""
        from semantic.backends.demo_marker import write_marker

        write_marker(self, sources, counts)

    def _forget_demo(self, sources: Sources) -> None:
        from semantic.backends.demo_marker import clear_marker

        clear_marker(self, sources)

    @property
    def sqlglot_dialect(self) -> str:
        """sqlglot's name for this engine's dialect (ours says `pyspark` where sqlglot says `spark`)."""
        return SQLGLOT_DIALECTS[self.dialect]

    def table_ddl(self, database: str | None, name: str, logical: str, data: pa.Table) -> tuple[str, str]:
        """(DROP, CREATE) statements for a contract table, identifiers quoted by sqlglot."""
        import sqlglot.expressions as sge  # loading only: a query's SQL arrives as text

        table = sge.table_(name, db=database, quoted=True)
        types = CONTRACT[logical].columns
        nullable = CONTRACT[logical].nullable
        columns = []
        for physical_name, logical_name in zip(data.column_names, types):
            kind = sge.DataType.build(_sql_type(types[logical_name]), dialect=self.sqlglot_dialect)
            constraints = [] if logical_name in nullable else [sge.ColumnConstraint(kind=sge.NotNullColumnConstraint())]
            columns.append(sge.ColumnDef(this=sge.to_identifier(physical_name, quoted=True), kind=kind, constraints=constraints))
        drop = sge.Drop(tables=[table], kind="TABLE", exists=True)
        create = sge.Create(this=sge.Schema(this=table, expressions=columns), kind="TABLE")
        return drop.sql(self.sqlglot_dialect), create.sql(self.sqlglot_dialect)

    def create_schema_sql(self, database: str) -> str:
        import sqlglot.expressions as sge

        return sge.Create(this=sge.Table(db=sge.to_identifier(database, quoted=True)), kind="SCHEMA", exists=True).sql(
            self.sqlglot_dialect
        )

    @abc.abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """All statements inside commit together or not at all."""

    @abc.abstractmethod
    def _load_table(self, database: str | None, name: str, logical: str, data: pa.Table) -> None:
        """Replace one physical table with `data` (inside the caller's transaction)."""

    @abc.abstractmethod
    def _columns(self, name: str, database: str | None) -> set[str] | None:
        """The physical column names of a table, or None when it does not exist."""

    def _columns_of(self, tables: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], set[str] | None]:
        """`_columns` of each (name, database); engines with a catalog query answer all in one statement."""
        return {table: self._columns(*table) for table in tables}

    @property
    def raw(self) -> Any:
        """The engine's own connection (DuckDB's or psycopg's), for statements with bound parameters."""
        raise NotImplementedError(f"{type(self).__name__} has no raw connection")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.con.close()  # type: ignore[attr-defined]


def columns_by_table(
    tables: list[tuple[str, str | None]], rows: list[tuple]
) -> dict[tuple[str, str | None], set[str] | None]:
    """Catalog rows (schema, table, column, current schema) as `_columns` of each (name, database)."""
    found: dict[tuple[str, str | None], set[str] | None] = {table: None for table in tables}
    for schema, name, column, current in rows:
        for table in ((name, schema), (name, None)) if schema == current else ((name, schema),):
            if table in found:
                found[table] = (found[table] or set()) | {column}
    return found


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` with `schema`'s column names and types (every column nullable), as Ibis would return it."""
    import pyarrow as pa

    target = pa.schema([field.with_nullable(True) for field in schema])
    return table.rename_columns(target.names).cast(target)


def _sql_type(ibis_type: str) -> str:
    """Contract type -> portable SQL type name sqlglot can render per dialect."""
    return {
        "string": "TEXT",
        "decimal(18, 2)": "DECIMAL(18, 2)",
        "timestamp('UTC')": "TIMESTAMPTZ",
        "date": "DATE",
        "boolean": "BOOLEAN",
        "int64": "BIGINT",
    }[ibis_type]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


