"""A connection to a warehouse: connect by URL, check the contract, execute, load.

One common class with thin engine subclasses (the shape of Ibis's own
compilers): what differs between DuckDB and PostgreSQL is how tables are bulk
loaded and how a transaction is opened, and nothing else.

Results come back as Arrow tables, fetched whole (DuckDB blocks the next
statement while a result is partly unread). Every identifier we write is quoted
by sqlglot; no value the user passes is spliced into SQL text.
"""

from __future__ import annotations

import abc
import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import ibis.expr.operations as ops
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge

from semantic.contract import CONTRACT
from semantic.errors import ContractError, WarehouseError
from semantic.project import Project
from semantic.sources import Sources

from semantic.arrow_schema import contract_arrow_schema
from semantic.backends.url import WarehouseUrl

DATABASE_ENV = "SEMANTIC_DATABASE"
DEFAULT_URL = "duckdb:///semantic.duckdb"


def resolve_url(explicit: str | None, configured: str | None, project_root: Path | None = None) -> str:
    """--database, then $SEMANTIC_DATABASE, then metrics.toml, then a DuckDB file here.

    A relative DuckDB path written in metrics.toml is relative to metrics.toml's
    folder (so `semantic query` finds the same file from any subdirectory); one
    given on the command line or in the environment is relative to the working
    directory, as usual.
    """
    chosen = explicit or os.environ.get(DATABASE_ENV)
    if chosen:
        return chosen
    if configured and project_root is not None:
        parsed = WarehouseUrl.parse(configured)
        if parsed.engine == "duckdb" and parsed.path not in (None, ":memory:") and not Path(parsed.path).is_absolute():
            return f"duckdb:///{(project_root / parsed.path).resolve()}"
    return configured or DEFAULT_URL


def absolute_url(url: str, base: Path) -> str:
    """`url` with a relative DuckDB path made absolute against `base` (other URLs unchanged).

    For handing a URL to a process that runs in another directory.

    >>> absolute_url("demo.duckdb", Path("/work"))
    'duckdb:////work/demo.duckdb'
    """
    parsed = WarehouseUrl.parse(url)
    if parsed.engine != "duckdb" or parsed.path == ":memory:":
        return url
    path = Path(parsed.path).expanduser()
    return url if path.is_absolute() and url.startswith("duckdb:") else f"duckdb:///{(base / path).resolve()}"


def connect(url: str, *, create: bool = True) -> Warehouse:
    """Connect to the warehouse at `url` (see semantic.backends.url for the forms).

    With `create=False` a DuckDB file that does not exist is an error rather than
    a new empty database (reading commands never leave stray files behind).
    """
    parsed = WarehouseUrl.parse(url)
    if parsed.engine == "duckdb":
        from semantic.backends.duckdb import DuckDBWarehouse

        if not create and parsed.path != ":memory:" and not Path(parsed.path).expanduser().exists():
            raise WarehouseError(
                f"no DuckDB warehouse at {parsed.path}",
                hint="create one with `semantic demo` or `semantic load DIR`, or pass --database",
            )
        return DuckDBWarehouse.open(parsed)
    from semantic.backends.postgres import PostgresWarehouse

    return PostgresWarehouse.open(parsed)


def connect_for(project: Project, explicit: str | None = None, *, create: bool = False) -> Warehouse:
    """The project's warehouse: --database, $SEMANTIC_DATABASE, metrics.toml (relative to it), default."""
    root = project.root if project.path else None
    return connect(resolve_url(explicit, project.config.warehouse.url, root), create=create)


@dataclass(frozen=True)
class MissingPiece:
    logical_table: str
    logical_column: str | None
    physical: str
    mapping_key: str


class Warehouse(abc.ABC):
    """Common behaviour; engines implement `_load_table`, `transaction` and `_columns`."""

    dialect: str = ""

    def __init__(self, url: WarehouseUrl, con: object) -> None:
        self.url = url
        self.con = con

    # -- reading ----------------------------------------------------------------
    def execute(self, expr: ir.Expr) -> pa.Table:
        """Run an Ibis expression built on unbound tables; the whole result as Arrow."""
        try:
            result = self.con.to_pyarrow(expr)
        except Exception as exc:  # engines raise their own types; report them uniformly
            raise WarehouseError(f"{self.dialect} failed to run the query: {_first_line(exc)}") from exc
        return result if isinstance(result, pa.Table) else pa.table({"value": [result.as_py()]})

    def check_contract(self, sources: Sources, expr: ir.Expr) -> None:
        """Raise ContractError naming the contract entry and mapping key of anything missing."""
        missing = self.missing_pieces(sources, tables_read_by(sources, expr))
        if missing:
            piece = missing[0]
            what = f"column {piece.logical_column!r} of contract table" if piece.logical_column else "contract table"
            raise ContractError(
                f"{what} {piece.logical_table!r} not found in the warehouse "
                f"(looked for {piece.physical} in {self.url.redacted})",
                hint=f"load it (`semantic load DIR` or `semantic demo`) or set {piece.mapping_key} in metrics.toml",
            )

    def missing_pieces(self, sources: Sources, logical_tables: list[str]) -> list[MissingPiece]:
        pieces = []
        for logical in logical_tables:
            physical = sources.physical(logical)
            columns = self._columns(physical.name, physical.database)
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
        return pieces

    # -- writing ----------------------------------------------------------------
    def load(self, tables: Mapping[str, pa.Table], sources: Sources, *, made_by_demo: bool = False) -> dict[str, int]:
        """Replace contract tables with `tables`, all in one transaction: all or nothing.

        Tables keep existing when their columns allow (see table_replace). The demo's
        record of what it wrote is written with its tables, and removed by any other load.
        """
        from semantic.errors import SemanticError

        from semantic.backends.demo_marker import clear_marker, write_marker

        for logical in tables:
            if logical not in CONTRACT:
                raise ContractError(f"{logical!r} is not a contract table ({', '.join(CONTRACT)})")
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
            if made_by_demo:
                write_marker(self, sources, counts)
            else:
                clear_marker(self, sources)
        return counts

    def table_ddl(self, database: str | None, name: str, logical: str, data: pa.Table) -> tuple[str, str]:
        """(DROP, CREATE) statements for a contract table, identifiers quoted by sqlglot."""
        table = sge.table_(name, db=database, quoted=True)
        types = CONTRACT[logical].columns
        nullable = CONTRACT[logical].nullable
        columns = []
        for physical_name, logical_name in zip(data.column_names, types):
            kind = sge.DataType.build(_sql_type(types[logical_name]), dialect=self.dialect)
            constraints = [] if logical_name in nullable else [sge.ColumnConstraint(kind=sge.NotNullColumnConstraint())]
            columns.append(sge.ColumnDef(this=sge.to_identifier(physical_name, quoted=True), kind=kind, constraints=constraints))
        drop = sge.Drop(tables=[table], kind="TABLE", exists=True)
        create = sge.Create(this=sge.Schema(this=table, expressions=columns), kind="TABLE")
        return drop.sql(self.dialect), create.sql(self.dialect)

    def create_schema_sql(self, database: str) -> str:
        return sge.Create(this=sge.Table(db=sge.to_identifier(database, quoted=True)), kind="SCHEMA", exists=True).sql(
            self.dialect
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

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.con.disconnect()


def tables_read_by(sources: Sources, expr: ir.Expr) -> list[str]:
    """The logical contract tables an expression reads."""
    physical_to_logical = {}
    for logical in CONTRACT:
        physical = sources.physical(logical)
        physical_to_logical[(physical.name, physical.database)] = logical
    found = []
    for node in expr.op().find(ops.UnboundTable):
        key = (node.name, node.namespace.database)
        if key in physical_to_logical and physical_to_logical[key] not in found:
            found.append(physical_to_logical[key])
    return found


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


