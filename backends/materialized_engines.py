"""Which code builds and backfills the materialized tables of a warehouse: the SQL engines' or Spark's.

DuckDB and PostgreSQL run backends/materialize.py and backends/backfill.py (SQL
in engine transactions, the lock and the audit log as tables); Spark, which has
no multi-statement transactions, runs backends/spark_materialize.py and
backends/spark_backfill.py (Parquet folders swapped in by rename, a lock file).
Both give the same functions, with the same arguments, under the same names;
the CLI asks this module for them and never names an engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from semantic.backends.warehouse import Warehouse


@dataclass(frozen=True)
class MaterializedEngine:
    build: Callable[..., Any]
    state: Callable[..., Any]
    run_backfill: Callable[..., Any]
    dry_run: Callable[..., Any]
    rollback: Callable[..., Any]
    prune: Callable[..., Any]
    audit_rows: Callable[..., Any]
    verify: Callable[..., Any]
    holder: Callable[..., Any]
    unlock: Callable[..., Any]
    steps: tuple[str, ...]


def engine_for(warehouse: Warehouse) -> MaterializedEngine:
    """The functions that build, read and backfill `warehouse`'s materialized tables."""
    if warehouse.dialect == "pyspark":
        from semantic.backends import spark_backfill, spark_materialize

        return MaterializedEngine(spark_materialize.build, spark_materialize.state, spark_backfill.run_backfill,
                                  spark_backfill.dry_run, spark_backfill.rollback, spark_backfill.prune, spark_backfill.rows,
                                  spark_backfill.verify, spark_backfill.holder, spark_backfill.unlock, spark_backfill.STEPS)
    from semantic.backends import backfill, backfill_audit, backfill_lock, materialize

    return MaterializedEngine(materialize.build, materialize.state, backfill.run_backfill, backfill.dry_run,
                              backfill.rollback, backfill.prune, backfill_audit.rows, backfill_audit.verify,
                              backfill_lock.holder, backfill_lock.unlock, backfill.STEPS)
