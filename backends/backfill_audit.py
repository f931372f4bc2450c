"""The backfill audit log: append-only, each row chained to the previous one by a hash.

A status change is a new row (running, swapped, failed, completed, rolled_back); the
package never updates or deletes an audit row. Each row's `row_hash` is the
SHA-256 of the previous row's hash and this row's fields, so `verify` finds an
edited, inserted or deleted row (deleting the newest rows leaves a valid chain
shorter; `verify` reports the head so it can be compared with a recorded one).
On PostgreSQL a trigger also refuses UPDATE and DELETE on the table.
No URL, password or connection detail is ever written here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from semantic.materialized import Layout

from semantic.backends import statements as sql
from semantic.backends.warehouse import Warehouse

AUDIT_COLUMNS = {
    "seq": ("int64", False),
    "backfill_id": ("string", False),
    "status": ("string", False),
    "at": ("timestamp('UTC')", False),
    "triggered_by": ("string", False),
    "triggered_at": ("timestamp('UTC')", False),
    "environment": ("string", False),
    "start_day": ("date", False),
    "end_day": ("date", False),
    "shops": ("string", False),  # JSON list; [] means every shop
    "metrics": ("string", False),  # JSON list of metric refs
    "reason": ("string", False),
    "approved_by": ("string", True),
    "rows_affected": ("int64", True),
    "detail": ("string", False),  # JSON: checks, totals, duration, error
    "prev_hash": ("string", False),
    "row_hash": ("string", False),
}
FIELDS = tuple(c for c in AUDIT_COLUMNS if c not in ("prev_hash", "row_hash"))
GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    backfill_id: str
    status: str
    triggered_by: str
    triggered_at: dt.datetime
    environment: str
    start_day: dt.date
    end_day: dt.date
    shops: tuple[str, ...]
    metrics: tuple[str, ...]
    reason: str
    approved_by: str | None = None
    rows_affected: int | None = None
    detail: Mapping[str, object] = field(default_factory=dict)

    def with_status(self, status: str, *, rows_affected: int | None = None, **detail: object) -> AuditEntry:
        return AuditEntry(**{**self.__dict__, "status": status, "rows_affected": rows_affected, "detail": detail})


def _text(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_hash(prev_hash: str, values: Mapping[str, object]) -> str:
    payload = json.dumps([prev_hash, *[_text(values[c]) for c in FIELDS]], separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def ensure_audit(warehouse: Warehouse, layout: Layout) -> None:
    """The audit table; on PostgreSQL with the trigger refusing UPDATE and DELETE."""
    sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, layout.audit, AUDIT_COLUMNS))
    if warehouse.dialect != "postgres":
        return
    schema = sql.table_name(warehouse, None, layout.schema)
    function = f"{schema}.{sql.table_name(warehouse, None, 'refuse_audit_change')}"
    sql.run(
        warehouse,
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'the backfill audit log is append-only: % refused', TG_OP; END $$",
    )
    sql.run(warehouse, f"DROP TRIGGER IF EXISTS append_only ON {sql.table_name(warehouse, layout.schema, layout.audit)}")
    sql.run(
        warehouse,
        f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {sql.table_name(warehouse, layout.schema, layout.audit)} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
    )


def chained_row(entry: AuditEntry, last: tuple[int, str] | None, at: dt.datetime | None = None) -> dict[str, object]:
    """The audit row of `entry` following the row (seq, row_hash) `last` (None: the first row), hashes included."""
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    values: dict[str, object] = {
        "seq": seq, "backfill_id": entry.backfill_id, "status": entry.status, "at": at or dt.datetime.now(dt.timezone.utc),
        "triggered_by": entry.triggered_by, "triggered_at": entry.triggered_at, "environment": entry.environment,
        "start_day": entry.start_day, "end_day": entry.end_day, "shops": json.dumps(list(entry.shops)),
        "metrics": json.dumps(list(entry.metrics)), "reason": entry.reason, "approved_by": entry.approved_by,
        "rows_affected": entry.rows_affected, "detail": json.dumps(dict(entry.detail), sort_keys=True, default=str),
    }
    values["prev_hash"], values["row_hash"] = prev, row_hash(prev, values)
    return values


def append(warehouse: Warehouse, layout: Layout, entry: AuditEntry) -> None:
    """Append `entry` as the next row of the chain (in its own transaction unless inside one)."""
    table = sql.table_name(warehouse, layout.schema, layout.audit)
    last = sql.fetch(warehouse, f"SELECT seq, row_hash FROM {table} ORDER BY seq DESC LIMIT 1")
    values = chained_row(entry, (last[0][0], last[0][1]) if last else None)
    columns = list(AUDIT_COLUMNS)
    sql.run(
        warehouse,
        f"INSERT INTO {table} ({sql.column_list(warehouse, columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [values[c] for c in columns],
    )


def rows(warehouse: Warehouse, layout: Layout, backfill_id: str | None = None) -> list[dict]:
    """Audit rows in order (of one backfill, or all)."""
    if not sql.exists(warehouse, layout.schema, layout.audit):
        return []
    table = sql.table_name(warehouse, layout.schema, layout.audit)
    where, params = ("WHERE backfill_id = ?", (backfill_id,)) if backfill_id else ("", ())
    found = sql.fetch(warehouse, f"SELECT {sql.column_list(warehouse, list(AUDIT_COLUMNS))} FROM {table} {where} ORDER BY seq", params)
    return [dict(zip(AUDIT_COLUMNS, row)) for row in found]


def latest(warehouse: Warehouse, layout: Layout, backfill_id: str) -> dict | None:
    found = rows(warehouse, layout, backfill_id)
    return found[-1] if found else None


@dataclass(frozen=True)
class Verification:
    rows: int
    head: str
    problems: tuple[str, ...]


def verify(warehouse: Warehouse, layout: Layout) -> Verification:
    """Recompute the chain: every row's hash, its link to the previous row, and the sequence without gaps."""
    return verify_rows(rows(warehouse, layout))


def verify_rows(found: list[dict]) -> Verification:
    """`verify` on audit rows in seq order, wherever they were read from (Spark keeps them in Parquet files)."""
    problems, prev, expected_seq = [], GENESIS, 1
    for row in found:
        if row["seq"] != expected_seq:
            problems.append(f"row seq {row['seq']}: expected seq {expected_seq} (a row was deleted or inserted)")
        if row["prev_hash"] != prev:
            problems.append(f"row seq {row['seq']}: does not link to the row before it (a row was deleted or inserted)")
        if row_hash(row["prev_hash"], row) != row["row_hash"]:
            problems.append(f"row seq {row['seq']} (backfill {row['backfill_id']}): its contents were edited")
        prev, expected_seq = row["row_hash"], row["seq"] + 1
    return Verification(len(found), prev, tuple(problems))
