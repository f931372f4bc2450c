"""The backfill lock on Spark: a file in the warehouse folder, created atomically, with an owner and a heartbeat.

Spark has no engine lock, so the lock is `DIR/<schema>/_backfill.lock`, created
with O_CREAT|O_EXCL (one process wins; the others find it there) and holding the
owner, host, PID, when it was taken and the last heartbeat (rewritten whole by a
rename at each step). A second backfill, rollback or build on the same schema is
refused naming the holder; a lock whose process is gone or whose heartbeat is
older than `[backfill] lock_stale_after_seconds` is reported stale, and only
`semantic backfill unlock` removes it: never silently.

(O_EXCL is atomic on a local file system and on NFS v3 and later; on an object
store mounted as a folder it may not be, and the lock would then only detect a
concurrent run, not prevent it.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

from semantic.atomic_files import write_atomically
from semantic.errors import WarehouseError
from semantic.materialized import Layout

from semantic.backends.backfill_lock import Holder, _alive, now
from semantic.backends.spark import table_folder

LOCK_FILE = "_backfill.lock"


def lock_path(root: Path, layout: Layout) -> Path:
    return table_folder(root, layout.schema, LOCK_FILE)  # (the schema's folder, checked like a table's)


def _record(backfill_id: str, owner: str, acquired_at: dt.datetime, heartbeat_at: dt.datetime) -> bytes:
    return json.dumps({
        "backfill_id": backfill_id, "owner": owner, "host": socket.gethostname(), "pid": os.getpid(),
        "acquired_at": acquired_at.isoformat(), "heartbeat_at": heartbeat_at.isoformat(),
    }).encode()


def holder(root: Path, layout: Layout) -> Holder | None:
    """Who holds the lock of `layout.schema` (None: nobody)."""
    try:
        found = json.loads(lock_path(root, layout).read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise WarehouseError(f"the backfill lock {lock_path(root, layout)} cannot be read ({exc})",
                             hint="check it, then `semantic backfill unlock`") from None
    return Holder(found["backfill_id"], found["owner"], found["host"], int(found["pid"]),
                  dt.datetime.fromisoformat(found["acquired_at"]), dt.datetime.fromisoformat(found["heartbeat_at"]))


class SparkLock:
    """The lock file of one run; `heartbeat()` between steps, `release()` at the end."""

    def __init__(self, root: Path, layout: Layout, backfill_id: str, owner: str, acquired_at: dt.datetime) -> None:
        self.root, self.layout, self.path = root, layout, lock_path(root, layout)
        self.backfill_id, self.owner, self.acquired_at = backfill_id, owner, acquired_at

    @classmethod
    def acquire(cls, root: Path, layout: Layout, backfill_id: str, owner: str, stale_after: int) -> SparkLock:
        """Create the lock file, or refuse naming who holds it (and whether that run is gone)."""
        path = lock_path(root, layout)
        path.parent.mkdir(parents=True, exist_ok=True)
        at = now()
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            found = holder(root, layout)
            if found is None:  # released between our two looks: try once more
                return cls.acquire(root, layout, backfill_id, owner, stale_after)
            alive = _alive(found, stale_after)
            raise WarehouseError(
                f"{'another backfill is running' if alive else 'a stale backfill lock is left'} on schema {layout.schema}: "
                f"{found.describe()}" + ("" if alive else "; its process is gone"),
                hint="wait for it to finish" if alive else
                "check `semantic backfill show ID`, then break the lock with `semantic backfill unlock` and rerun",
            ) from None
        with os.fdopen(descriptor, "wb") as out:
            out.write(_record(backfill_id, owner, at, at))
            out.flush()
            os.fsync(out.fileno())
        return cls(root, layout, backfill_id, owner, at)

    def heartbeat(self) -> None:
        write_atomically(self.path, _record(self.backfill_id, self.owner, self.acquired_at, now()))

    def release(self) -> None:
        found = holder(self.root, self.layout)
        if found is not None and found.backfill_id == self.backfill_id:
            self.path.unlink(missing_ok=True)


def unlock(root: Path, layout: Layout) -> Holder | None:
    """Break the lock explicitly; the holder it had (None: nothing was locked)."""
    found = holder(root, layout)
    if found is not None:
        lock_path(root, layout).unlink(missing_ok=True)
    return found
