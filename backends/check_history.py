"""The `check_runs` history: one row per check per run of `semantic check --database --record`.

A read command never writes to the user's warehouse unless asked: rows are
appended only with `--record` (or `[quality] history = true`), into
`<history_schema>.check_runs` (schema `semantic` by default, created when
first needed). A role that may not write gets its results all the same, and
one line saying the history was not recorded. `semantic check history` reads
the table back (a read command: it writes nothing).

Columns: run_id, check_name, severity, status, offending, threshold, started_at
(the run's UTC clock), duration_seconds, shops (the --shop scope, comma-joined;
'' is every shop), semantic_version. Values go in as bound parameters.

>>> list(HISTORY_COLUMNS)[:3]
['run_id', 'check_name', 'severity']
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from semantic.checks import CheckRun
from semantic.errors import WarehouseError

from semantic.backends import statements as sql
from semantic.backends.warehouse import Warehouse

HISTORY_TABLE = "check_runs"
HISTORY_COLUMNS: dict[str, tuple[str, bool]] = {
    "run_id": ("string", False),
    "check_name": ("string", False),
    "severity": ("string", False),
    "status": ("string", False),
    "offending": ("int64", False),
    "threshold": ("string", True),
    "started_at": ("timestamp('UTC')", False),
    "duration_seconds": ("float64", False),
    "shops": ("string", False),
    "semantic_version": ("string", False),
}


@dataclass(frozen=True)
class HistoryRow:
    """One recorded result of one check."""

    run_id: str
    check_name: str
    severity: str
    status: str
    offending: int
    threshold: str | None
    started_at: dt.datetime
    duration_seconds: float
    shops: str
    semantic_version: str


def record_run(warehouse: Warehouse, run: CheckRun, schema: str, shops: Sequence[str] = ()) -> str:
    """Append one row per result of `run` to `schema.check_runs` (created if missing), in one transaction; the run id.

    Raises WarehouseError naming the table when the warehouse refuses (a read-only role).
    """
    from semantic import __version__

    run_id = uuid.uuid4().hex
    table = sql.table_name(warehouse, schema, HISTORY_TABLE)
    insert = f"INSERT INTO {table} ({sql.column_list(warehouse, list(HISTORY_COLUMNS))}) VALUES ({', '.join('?' for _ in HISTORY_COLUMNS)})"
    scope = ",".join(shops)
    try:
        with warehouse.transaction():
            sql.run(warehouse, warehouse.create_schema_sql(schema))
            sql.run(warehouse, sql.create_table_sql(warehouse, schema, HISTORY_TABLE, HISTORY_COLUMNS))
            for r in run.results:
                sql.run(warehouse, insert, (run_id, r.name, r.severity, r.status, r.offending, r.threshold, run.started_at, float(r.seconds), scope, __version__))
    except WarehouseError as exc:
        raise WarehouseError(f"could not record the check history in {schema}.{HISTORY_TABLE}: {exc.message}") from exc
    except Exception as exc:  # the engine's own error types (e.g. a read-only DuckDB file on BEGIN)
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise WarehouseError(f"could not record the check history in {schema}.{HISTORY_TABLE}: {first}") from exc
    return run_id


def read_history(warehouse: Warehouse, schema: str, check: str | None = None, limit: int = 20) -> list[HistoryRow]:
    """The newest `limit` rows (of one check, or of all), newest first; [] when nothing was ever recorded."""
    if not sql.exists(warehouse, schema, HISTORY_TABLE):
        return []
    table = sql.table_name(warehouse, schema, HISTORY_TABLE)
    where, params = ("WHERE check_name = ?", [check]) if check else ("", [])
    rows = sql.fetch(
        warehouse,
        f"SELECT {sql.column_list(warehouse, list(HISTORY_COLUMNS))} FROM {table} {where} "
        "ORDER BY started_at DESC, check_name LIMIT ?",
        [*params, int(limit)],
    )
    return [HistoryRow(*row) for row in rows]
