"""Connecting to a warehouse by URL: which engine, which file or server, which defaults.

The URL is `--database`, else `$SEMANTIC_DATABASE`, else `[warehouse] url` in
metrics.toml (a relative DuckDB path there is relative to metrics.toml's
folder), else `duckdb:///semantic.duckdb` in the working directory.

>>> # warehouse = connect_for(project, "duckdb:///semantic_demo.duckdb")
"""

from __future__ import annotations

import os
from pathlib import Path

from semantic.errors import WarehouseError
from semantic.project import Project

from semantic.backends.url import WarehouseUrl
from semantic.backends.warehouse import Warehouse

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

    With `create=False` a DuckDB file (or Spark warehouse folder) that does not
    exist is an error rather than a new empty database (reading commands never leave stray files behind).
    """
    parsed = WarehouseUrl.parse(url)
    if parsed.engine == "duckdb":
        if not create and parsed.path != ":memory:" and not Path(parsed.path).expanduser().exists():
            raise WarehouseError(
                f"no DuckDB warehouse at {parsed.path}",
                hint="create one with `semantic demo` or `semantic load DIR`, or pass --database",
            )
        from semantic.backends.duckdb import DuckDBWarehouse  # each engine's module only when asked for

        return DuckDBWarehouse.open(parsed)
    if parsed.engine == "spark":
        from semantic.backends.spark import SparkWarehouse  # pyspark is an extra: imported only when asked for

        return SparkWarehouse.open(parsed, create=create)
    from semantic.backends.postgres import PostgresWarehouse

    return PostgresWarehouse.open(parsed)


def connect_for(project: Project, explicit: str | None = None, *, create: bool = False) -> Warehouse:
    """The project's warehouse: --database, $SEMANTIC_DATABASE, metrics.toml (relative to it), default."""
    root = project.root if project.path else None
    return connect(resolve_url(explicit, project.config.warehouse.url, root), create=create)


# A URL's engine -> the dialect its warehouse runs (the Spark warehouse runs Spark SQL, "pyspark").
ENGINE_DIALECTS = {"spark": "pyspark"}


def dialect_for(project: Project, explicit: str | None = None) -> str:
    """The dialect of the project's warehouse (duckdb, postgres or pyspark), without connecting."""
    root = project.root if project.path else None
    engine = WarehouseUrl.parse(resolve_url(explicit, project.config.warehouse.url, root)).engine
    return ENGINE_DIALECTS.get(engine, engine)
