"""`semantic build` on Spark: the materialized tables as Parquet folders, written whole and swapped in by rename.

Spark has no multi-statement transactions, so the guarantee is the one a Spark
load gives (backends/spark.py): every table of a build (`daily_metrics`,
`attributed_orders`, `definitions`, `builds`, under `DIR/<schema>/`) is first
written into a new folder, computed by Spark from the SQL `semantic compile
--dialect pyspark` prints for the model's relations (semantic.materialized);
only when all are written are they swapped in, one rename each, through a
journal that the next open of the warehouse completes if the process died part
way. A failed build changes nothing; a reader in the instant of the swap may
see some tables of the new build and some of the old one (the renames are not
one atomic step), never a half-written table. Running a build again is
idempotent: it writes the same rows in new folders.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.parquet as pq

from semantic.catalog import Catalog
from semantic.compiler import compile_sql
from semantic.config import Config
from semantic.errors import WarehouseError
from semantic.materialized import ATTRIBUTED_ORDERS_METRIC, Layout, Stamp, attributed_orders, daily_rows, materialized_metrics
from semantic.metrics import Additive

from semantic.backends import spark_lock
from semantic.backends.materialize import BUILD_COLUMNS, DAILY_ORDER, DEFINITION_COLUMNS, BuildReport, MaterializedState, signature_of
from semantic.backends.spark import SparkWarehouse, read_folder, table_folder, write_frame
from semantic.backends.spark_steps import in_steps


def arrow_schema(columns: Mapping[str, tuple[str, bool]]) -> pa.Schema:
    """(Ibis type, nullable) columns as an Arrow schema."""
    return ibis.schema({name: kind for name, (kind, _) in columns.items()}).to_pyarrow()


def folder_of(warehouse: SparkWarehouse, schema: str, name: str) -> Path:
    """The folder of table `schema.name` in the warehouse folder."""
    return table_folder(warehouse._writable_root(), schema, name)  # refuses a name that would leave the folder




def row_count(folder: Path) -> int:
    """Rows in a folder of Parquet files, from their footers."""
    return sum(pq.read_metadata(part).num_rows for part in folder.glob("*.parquet"))


def frame_of(warehouse: SparkWarehouse, sql: str, params: Sequence[object] = ()):
    """A DataFrame of one statement with bound parameters (`?`), never values spliced into the text."""
    warehouse.executed.append(sql)
    return warehouse.session.sql(sql, args=list(params)) if params else warehouse.session.sql(sql)


def stage_expr(warehouse: SparkWarehouse, schema: str, name: str, expr) -> Path:
    """Compute `expr` (its compiled pyspark SQL, shared CTEs once) into the next version of `schema.name`."""
    sql = compile_sql(expr, "pyspark")
    warehouse.executed.append(sql)
    with in_steps(warehouse.session, sql) as final:
        return warehouse.stage_frame(schema, name, warehouse.session.sql(final))


def stage_expr_into(warehouse: SparkWarehouse, expr, folder: Path) -> None:
    """Compute `expr` (its compiled pyspark SQL, shared CTEs once) into `folder` (a rerun replaces it)."""
    sql = compile_sql(expr, "pyspark")
    warehouse.executed.append(sql)
    with in_steps(warehouse.session, sql) as final:
        write_frame(warehouse.session.sql(final), folder)


def refuse_during_backfill(warehouse: SparkWarehouse, layout: Layout, what: str) -> None:
    running = spark_lock.holder(warehouse._writable_root(), layout)
    if running is not None:
        raise WarehouseError(
            f"a backfill holds schema {layout.schema}, so {what} does not start: {running.describe()}",
            hint="scheduled builds resume after it; a stale lock is broken with `semantic backfill unlock`",
        )


def build(
    warehouse: SparkWarehouse,
    catalog: Catalog,
    config: Config,
    fingerprints: Mapping[str, str | None],
    layout: Layout = Layout(),
    *,
    metrics: Sequence[Additive] | None = None,
    now: dt.datetime | None = None,
    step: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    """Materialize every table of `layout` from the sources: all written, then all swapped in (module docstring)."""
    built_at = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    run_id = uuid.uuid4().hex
    whole = metrics is None
    metrics = materialized_metrics(catalog, config) if whole else list(metrics)
    refuse_during_backfill(warehouse, layout, "the build")
    step("sources signature")
    signature = signature_of(warehouse, config)
    orders = 0
    with warehouse.transaction():
        step(f"{len(metrics)} metrics by shop and day")
        stamps = [Stamp(m, fingerprints.get(m.ref), run_id, built_at) for m in metrics]
        daily = stage_expr(warehouse, layout.schema, layout.daily, daily_rows(catalog, config, stamps).order_by(list(DAILY_ORDER)))
        step("attributed orders")
        if whole and ATTRIBUTED_ORDERS_METRIC in catalog.names():
            metric = catalog.resolve(ATTRIBUTED_ORDERS_METRIC, config)
            expr = attributed_orders(catalog, config, Stamp(metric, fingerprints.get(metric.ref), run_id, built_at))
            orders = row_count(stage_expr(warehouse, layout.schema, layout.orders, expr))
        counts = {f"{r[0]}@{r[1]}": int(r[2]) for r in warehouse.session.read.parquet(str(daily)).groupBy("metric", "version").count().collect()}
        definitions = [{"metric": m.name, "version": m.version, "fingerprint": fingerprints.get(m.ref), "run_id": run_id,
                        "built_at": built_at} for m in metrics]
        warehouse.stage_arrow(layout.schema, layout.definitions, pa.Table.from_pylist(definitions, arrow_schema(DEFINITION_COLUMNS)))
        builds = read_folder(folder_of(warehouse, layout.schema, layout.builds))
        row = {"run_id": run_id, "built_at": built_at, "kind": "build", "signature": signature, "metrics": len(metrics),
               "daily_rows": sum(counts.values())}
        history = (builds.to_pylist() if builds is not None else []) + [row]
        warehouse.stage_arrow(layout.schema, layout.builds, pa.Table.from_pylist(history, arrow_schema(BUILD_COLUMNS)))
    return BuildReport(run_id, built_at, layout.schema, {m.ref: counts.get(m.ref, 0) for m in metrics}, orders)


def state(warehouse: SparkWarehouse, layout: Layout) -> MaterializedState | None:
    """The last build's state (SparkWarehouse.materialized_state), or None when nothing was built."""
    return warehouse.materialized_state(layout)
