"""`semantic build` on a warehouse, and choosing where a query is answered from.

A build writes every materialized table (semantic.materialized) in one engine
transaction (explicit BEGIN/COMMIT on DuckDB, psycopg's on PostgreSQL): readers
see the previous build until the commit, never a half-written one. The rows are
computed by the engine itself (`INSERT INTO ... SELECT`, the SELECT being the
text `semantic compile` would print), so nothing crosses the wire but the SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from semantic.catalog import Catalog
from semantic.compiler import compile_sql
from semantic.config import Config
from semantic.errors import QueryError, WarehouseError
from semantic.metrics import Additive
from semantic.materialized import (
    ATTRIBUTED_ORDERS_METRIC,
    DAILY_COLUMNS,
    Layout,
    Stamp,
    attributed_orders,
    daily_rows,
    materialized_metrics,
    materialized_query,
    source_signature,
    unsupported_reason,
)
from semantic.query import BuiltQuery, QuerySpec, build_query
from semantic.sources import Sources
from semantic.wide_daily import covers, wide_query

from semantic.backends import statements as sql
from semantic.backends import wide_daily as wide
from semantic.backends.warehouse import Warehouse

BUILD_COLUMNS = {
    "run_id": ("string", False),
    "built_at": ("timestamp('UTC')", False),
    "kind": ("string", False),
    "signature": ("string", False),
    "metrics": ("int64", False),
    "daily_rows": ("int64", False),
}
DEFINITION_COLUMNS = {
    "metric": ("string", False),
    "version": ("int64", False),
    "fingerprint": ("string", True),
    "run_id": ("string", False),
    "built_at": ("timestamp('UTC')", False),
}


@dataclass(frozen=True)
class BuildReport:
    run_id: str
    built_at: dt.datetime
    schema: str
    rows: dict[str, int]  # metric ref -> daily rows
    orders: int


# The order daily rows are written in: the rows of one shop's days sit together, so a roll-up
# by day or week aggregates neighbouring rows (about 15-20 % less engine time on DuckDB than rows
# in a GROUP BY's hash order, tests/benchmarks/test_bench_materialized.py) and DuckDB's zone
# maps skip other shops' row groups when a dashboard asks for one shop.
DAILY_ORDER = ("shop_id", "day", "metric", "version")
# PostgreSQL: a covering index, so a dashboard's metrics (and a shop, and days) are read from the
# index alone instead of every metric's rows.
DAILY_INDEX_COLUMNS = ("metric", "version", "shop_id", "day")


def ensure_tables(warehouse: Warehouse, layout: Layout) -> None:
    """The schema and the bookkeeping and daily tables (idempotent); on PostgreSQL, daily's covering index."""
    sql.run(warehouse, warehouse.create_schema_sql(layout.schema))
    for name, columns in ((layout.daily, DAILY_COLUMNS), (layout.builds, BUILD_COLUMNS), (layout.definitions, DEFINITION_COLUMNS)):
        sql.run(warehouse, sql.create_table_sql(warehouse, layout.schema, name, columns))
    if warehouse.dialect == "postgres":
        index = sql.column_list(warehouse, [f"{layout.daily}_by_metric"])
        sql.run(warehouse, f"CREATE INDEX IF NOT EXISTS {index} ON {sql.table_name(warehouse, layout.schema, layout.daily)} "
                           f"({sql.column_list(warehouse, DAILY_INDEX_COLUMNS)}) INCLUDE ({sql.column_list(warehouse, ['value'])})")


def insert_select(warehouse: Warehouse, target: str, expr) -> None:
    """INSERT INTO target (its columns) SELECT ... : the compiled text of `expr`."""
    select = compile_sql(expr, warehouse.dialect)
    sql.run(warehouse, f"INSERT INTO {target} ({sql.column_list(warehouse, expr.columns)})\n{select}")


def insert_daily(warehouse: Warehouse, target: str, expr) -> None:
    """INSERT the daily rows `expr` into `target` in DAILY_ORDER (clustered by shop and day)."""
    insert_select(warehouse, target, expr.order_by(list(DAILY_ORDER)))


def signature_of(warehouse: Warehouse, config: Config) -> str:
    """The sources' signature (semantic.materialized.source_signature) as canonical JSON."""
    row = warehouse.execute(source_signature(Sources.from_config(config))).to_pylist()[0]
    return json.dumps({k: (None if v is None else str(v)) for k, v in row.items()}, sort_keys=True)


def require_materializing(warehouse: Warehouse, command: str) -> None:
    """Refuse, in one line, `command` on an engine whose materialized tables are not supported yet (Spark)."""
    if not warehouse.MATERIALIZES:
        raise QueryError(
            f"`semantic {command}` is not supported on {warehouse.dialect} yet: its materialized tables and "
            f"backfills need DuckDB or PostgreSQL",
            hint="query Spark from the sources (`semantic query --from sources`), or build on DuckDB or PostgreSQL",
        )


def build(
    warehouse: Warehouse,
    catalog: Catalog,
    config: Config,
    fingerprints: Mapping[str, str | None],
    layout: Layout = Layout(),
    *,
    metrics: Sequence[Additive] | None = None,
    now: dt.datetime | None = None,
    step: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    """Materialize every table of `layout` from the sources, all in one transaction.

    `metrics` (default: every one the project's metrics need) narrows the daily
    rows; attributed_orders is then left as it is.
    """
    require_materializing(warehouse, "build")
    built_at = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    run_id = uuid.uuid4().hex
    whole = metrics is None
    metrics = materialized_metrics(catalog, config) if whole else list(metrics)
    from semantic.backends.backfill_lock import holder

    running = holder(warehouse, layout)
    if running is not None:
        raise WarehouseError(
            f"a backfill holds schema {layout.schema}, so the build does not start: {running.describe()}",
            hint="scheduled builds resume after it; a stale lock is broken with `semantic backfill unlock`",
        )
    step("sources signature")
    signature = signature_of(warehouse, config)
    daily = sql.table_name(warehouse, layout.schema, layout.daily)
    with warehouse.transaction():
        ensure_tables(warehouse, layout)
        sql.run(warehouse, f"DELETE FROM {daily}")
        step(f"{len(metrics)} metrics by shop and day")
        stamps = [Stamp(m, fingerprints.get(m.ref), run_id, built_at) for m in metrics]
        insert_daily(warehouse, daily, daily_rows(catalog, config, stamps))
        step("the wide serving table")
        wide.create(warehouse, layout, metrics)
        wide.refresh(warehouse, layout)
        step("attributed orders")
        orders = _attributed_orders(warehouse, catalog, config, fingerprints, layout, run_id, built_at) if whole else 0
        counts = dict(sql.fetch(warehouse, f"SELECT metric || '@' || CAST(version AS TEXT), count(*) FROM {daily} GROUP BY 1"))
        definitions = sql.table_name(warehouse, layout.schema, layout.definitions)
        sql.run(warehouse, f"DELETE FROM {definitions}")
        for metric in metrics:
            sql.run(
                warehouse,
                f"INSERT INTO {definitions} (metric, version, fingerprint, run_id, built_at) VALUES (?, ?, ?, ?, ?)",
                (metric.name, metric.version, fingerprints.get(metric.ref), run_id, built_at),
            )
        sql.run(
            warehouse,
            f"INSERT INTO {sql.table_name(warehouse, layout.schema, layout.builds)} "
            "(run_id, built_at, kind, signature, metrics, daily_rows) VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, built_at, "build", signature, len(metrics), sum(counts.values())),
        )
    return BuildReport(run_id, built_at, layout.schema, {m.ref: int(counts.get(m.ref, 0)) for m in metrics}, orders)


def _attributed_orders(warehouse, catalog, config, fingerprints, layout, run_id: str, built_at: dt.datetime) -> int:
    """Replace attributed_orders (inside the build's transaction); its row count. Skipped without the metric."""
    if ATTRIBUTED_ORDERS_METRIC not in catalog.names():
        return 0
    metric = catalog.resolve(ATTRIBUTED_ORDERS_METRIC, config)
    expr = attributed_orders(catalog, config, Stamp(metric, fingerprints.get(metric.ref), run_id, built_at))
    target = sql.table_name(warehouse, layout.schema, layout.orders)
    sql.run(warehouse, f"DROP TABLE IF EXISTS {target}")
    sql.run(warehouse, f"CREATE TABLE {target} AS\n{compile_sql(expr, warehouse.dialect)}")
    return int(sql.fetch(warehouse, f"SELECT count(*) FROM {target}")[0][0])


@dataclass(frozen=True)
class MaterializedState:
    """What the last build left: when, the sources' signature then, and each materialized definition's fingerprint."""

    run_id: str
    built_at: dt.datetime
    signature: str
    fingerprints: dict[str, str | None]  # ref -> fingerprint
    wide: tuple[str, ...] = ()  # the refs daily_wide has a column for (semantic.wide_daily)


def state(warehouse: Warehouse, layout: Layout) -> MaterializedState | None:
    """The last build's state, or None when nothing was built in `layout.schema`."""
    own = getattr(warehouse, "materialized_state", None)
    if own is not None:  # an engine that keeps them as files, not SQL tables (Spark)
        return own(layout)
    if not (sql.exists(warehouse, layout.schema, layout.builds) and sql.exists(warehouse, layout.schema, layout.definitions)):
        return None
    builds = sql.table_name(warehouse, layout.schema, layout.builds)
    last = sql.fetch(warehouse, f"SELECT run_id, built_at, signature FROM {builds} WHERE kind = ? ORDER BY built_at DESC LIMIT 1", ("build",))
    if not last:
        return None
    rows = sql.fetch(warehouse, f"SELECT metric, version, fingerprint FROM {sql.table_name(warehouse, layout.schema, layout.definitions)}")
    return MaterializedState(last[0][0], last[0][1], last[0][2], {f"{m}@{v}": f for m, v, f in rows}, wide.refs(warehouse, layout))


@dataclass(frozen=True)
class Choice:
    """Where a query is answered from, and why."""

    built: BuiltQuery
    source: str  # "materialized" or "sources"
    reason: str


def choose(
    warehouse: Warehouse,
    catalog: Catalog,
    config: Config,
    spec: QuerySpec,
    fingerprint: Callable[[str], str | None],
    mode: str = "auto",
    layout: Layout = Layout(),
) -> Choice:
    """The query for `spec` from `mode` (materialized, sources or auto), with the reason for the choice."""
    if mode not in ("auto", "materialized", "sources"):
        raise QueryError(f"--from must be materialized, sources or auto, got {mode!r}")
    if mode == "sources":
        return Choice(build_query(catalog, config, spec), "sources", "asked for the sources")
    current = state(warehouse, layout)
    if current is None:
        if mode == "materialized":
            raise WarehouseError(
                f"nothing is materialized in schema {layout.schema!r} of {warehouse.url.redacted}",
                hint="run `semantic build` first, or query with --from sources",
            )
        return Choice(build_query(catalog, config, spec), "sources", f"nothing is materialized in schema {layout.schema!r}")
    unsupported = unsupported_reason(catalog, config, spec, current.fingerprints)
    if unsupported:
        if mode == "materialized":
            raise QueryError(f"cannot answer from the materialized tables: {unsupported}", hint="use --from sources or auto")
        return Choice(build_query(catalog, config, spec), "sources", unsupported)
    stale = _staleness(warehouse, catalog, config, spec, fingerprint, current)
    built = (wide_query(catalog, config, spec, layout.schema) if covers(catalog, config, spec, current.wide)
             else materialized_query(catalog, config, spec, layout))
    if mode == "materialized":
        return Choice(built, "materialized", stale or f"build of {current.built_at:%Y-%m-%d %H:%M:%S} UTC")
    if stale:
        return Choice(build_query(catalog, config, spec), "sources", stale)
    return Choice(built, "materialized", f"build of {current.built_at:%Y-%m-%d %H:%M:%S} UTC is fresh: fingerprints match, sources unchanged")


def _staleness(warehouse, catalog, config, spec, fingerprint, current: MaterializedState) -> str | None:
    """Why the materialized rows may not answer as the sources would (None: they do)."""
    for metric in catalog.closure(spec.metrics, config):
        if metric.ref in current.fingerprints and current.fingerprints[metric.ref] != fingerprint(metric.ref):
            return f"{metric.ref} changed since the build (fingerprint {current.fingerprints[metric.ref]} is now {fingerprint(metric.ref)})"
    if signature_of(warehouse, config) != current.signature:
        return f"the sources changed since the build of {current.built_at:%Y-%m-%d %H:%M:%S} UTC"
    return None
