"""The backfill lock: held in the warehouse itself, with an owner and a heartbeat.

One row per target (the materialized schema) in `backfill_lock` says who holds
it. On PostgreSQL the row is guarded by a session advisory lock: a second
backfill cannot take the advisory lock while the first one's session lives, and
when the session dies (a crash, SIGKILL) the engine releases it, so a row whose
advisory lock is free is known stale at once. On DuckDB only one process may
open the file for writing, so a second process meets the engine's file lock
first (`refusal_for_open_error` names the holder's PID); a row found by a
process that could open the file belongs to a run that is gone, or whose
heartbeat stopped. A stale lock is never broken silently: `semantic backfill
unlock` does it, explicitly.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
from dataclasses import dataclass

from semantic.errors import WarehouseError
from semantic.materialized import Layout

from semantic.backends import statements as sql
from semantic.backends.warehouse import Warehouse

LOCK_COLUMNS = {
    "target": ("string", False),
    "backfill_id": ("string", False),
    "owner": ("string", False),
    "host": ("string", False),
    "pid": ("int64", False),
    "acquired_at": ("timestamp('UTC')", False),
    "heartbeat_at": ("timestamp('UTC')", False),
}
ADVISORY_CLASS = 0x5E3A  # the first key of pg_try_advisory_lock(int, int): "semantic backfill"


@dataclass(frozen=True)
class Holder:
    backfill_id: str
    owner: str
    host: str
    pid: int
    acquired_at: dt.datetime
    heartbeat_at: dt.datetime

    def describe(self) -> str:
        return (f"backfill {self.backfill_id} by {self.owner} (pid {self.pid} on {self.host}), "
                f"since {self.acquired_at:%Y-%m-%d %H:%M:%S} UTC, last heartbeat {self.heartbeat_at:%H:%M:%S} UTC")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def holder(warehouse: Warehouse, layout: Layout) -> Holder | None:
    if not sql.exists(warehouse, layout.schema, layout.lock):
        return None
    rows = sql.fetch(
        warehouse,
        f"SELECT backfill_id, owner, host, pid, acquired_at, heartbeat_at FROM {sql.table_name(warehouse, layout.schema, layout.lock)}"
        " WHERE target = ?",
        (layout.schema,),
    )
    return Holder(*rows[0]) if rows else None


def _advisory(warehouse: Warehouse, layout: Layout, function: str) -> bool:
    return bool(sql.fetch(warehouse, f"SELECT {function}(?, hashtext(?))", (ADVISORY_CLASS, layout.schema))[0][0])


def _take_advisory(warehouse: Warehouse, layout: Layout, patience: float = 3.0) -> bool:
    """Take the advisory lock, waiting up to `patience` seconds: the server frees a dead session's
    locks only once it has noticed the connection is gone (a moment after a crash or a kill)."""
    import time

    deadline = time.monotonic() + patience
    while not _advisory(warehouse, layout, "pg_try_advisory_lock"):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _alive(found: Holder, stale_after: int) -> bool:
    """DuckDB: whether the holder's process still runs (same host) and beats."""
    if (now() - found.heartbeat_at).total_seconds() > stale_after:
        return False
    if found.host != socket.gethostname():
        return True
    if found.pid == os.getpid():  # a process runs one backfill at a time: this one's is gone
        return False
    try:
        os.kill(found.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class BackfillLock:
    """The lock of one run; `heartbeat()` between steps, `release()` at the end."""

    def __init__(self, warehouse: Warehouse, layout: Layout, backfill_id: str) -> None:
        self.warehouse, self.layout, self.backfill_id = warehouse, layout, backfill_id
        self.table = sql.table_name(warehouse, layout.schema, layout.lock)

    @classmethod
    def acquire(cls, warehouse: Warehouse, layout: Layout, backfill_id: str, owner: str, stale_after: int) -> BackfillLock:
        """Take the lock, or refuse naming who holds it (and whether that run is gone)."""
        postgres = warehouse.dialect == "postgres"
        if postgres and not _advisory(warehouse, layout, "pg_try_advisory_lock"):
            found = holder(warehouse, layout)
            raise WarehouseError(
                f"another backfill is running on schema {layout.schema}: {found.describe() if found else 'starting now'}",
                hint="wait for it to finish (`semantic backfill list`)",
            )
        with warehouse.transaction():
            found = holder(warehouse, layout)
            if found is None:
                at = now()
                sql.run(
                    warehouse,
                    f"INSERT INTO {sql.table_name(warehouse, layout.schema, layout.lock)} "
                    "(target, backfill_id, owner, host, pid, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (layout.schema, backfill_id, owner, socket.gethostname(), os.getpid(), at, at),
                )
        if found is not None:
            if postgres:
                _advisory(warehouse, layout, "pg_advisory_unlock")
            alive = not postgres and _alive(found, stale_after)
            raise WarehouseError(
                f"{'another backfill is running' if alive else 'a stale backfill lock is left'} on schema {layout.schema}: "
                f"{found.describe()}" + ("" if alive else "; its process is gone"),
                hint="wait for it to finish" if alive else
                "check `semantic backfill show ID`, then break the lock with `semantic backfill unlock` and rerun",
            )
        return cls(warehouse, layout, backfill_id)

    def heartbeat(self) -> None:
        sql.run(self.warehouse, f"UPDATE {self.table} SET heartbeat_at = ? WHERE backfill_id = ?", (now(), self.backfill_id))

    def release(self) -> None:
        sql.run(self.warehouse, f"DELETE FROM {self.table} WHERE backfill_id = ?", (self.backfill_id,))
        if self.warehouse.dialect == "postgres":
            _advisory(self.warehouse, self.layout, "pg_advisory_unlock")


def unlock(warehouse: Warehouse, layout: Layout) -> Holder | None:
    """Break the lock explicitly; the holder it had (None: nothing was locked). Refuses a live PostgreSQL holder."""
    found = holder(warehouse, layout)
    if found is None:
        return None
    if warehouse.dialect == "postgres":
        if not _take_advisory(warehouse, layout):
            raise WarehouseError(f"the backfill holding schema {layout.schema} is alive: {found.describe()}", hint="wait for it")
        _advisory(warehouse, layout, "pg_advisory_unlock")
    sql.run(warehouse, f"DELETE FROM {sql.table_name(warehouse, layout.schema, layout.lock)} WHERE target = ?", (layout.schema,))
    return found


DUCKDB_HOLDER = re.compile(r"Conflicting lock is held in (?P<process>.+?) \(PID (?P<pid>\d+)\)")


def refusal_for_open_error(error: WarehouseError, what: str) -> WarehouseError:
    """DuckDB's file lock as the backfill refusal: who holds the file (process and PID)."""
    found = DUCKDB_HOLDER.search(error.message)
    if not found:
        return error
    return WarehouseError(
        f"another process holds the DuckDB file, so {what} cannot start: {found['process']} (PID {found['pid']}); "
        "only one process may write a DuckDB file",
        hint="wait for that backfill (or writer) to finish; `semantic backfill list` shows running backfills",
    )
