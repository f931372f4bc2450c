"""The materialized tables, as a model: their layout, what fills them, and queries on them.

`semantic build` writes, in a schema of its own (default `semantic`):

- `daily_metrics`: one row per shop, shop-local day and additive metric
  (version): the metric's sum over that day. Ratios are never stored: their
  numerators and denominators are additive metrics, so any bucket (week,
  month, a year) is the SUM of days and every ratio is recomputed from sums,
  never averaged. A row exists exactly where the metric has contributing rows,
  so a query on these rows has the same buckets as the query on the sources.
- `attributed_orders`: the included orders with the attribution of the
  default model (channel, source, medium, campaign, platform).
- bookkeeping: `builds` (one row per build: when, the sources' signature),
  `definitions` (metric, version, fingerprint of the last build).

Every materialized row carries the definition version, the fingerprint and the
build time (`built_at`) and run (`run_id`) that produced it.

Nothing here opens a connection: the expressions are on unbound tables and
`semantic.backends.materialize` runs them.

>>> from semantic.builtins import builtin_catalog
>>> from semantic.config import Config
>>> [m.ref for m in materialized_metrics(builtin_catalog(), Config())][:4]
['revenue@1', 'orders@1', 'paid_spend@1', 'new_customers@1']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from semantic.catalog import Catalog
from semantic.config import Config
from semantic.errors import QueryError
from semantic.metrics import Additive, Metric
from semantic.range_sources import RANGE_FACTS, RangeSources, ScopeTables
from semantic.query import UNIT_DTYPES, BuiltQuery, QuerySpec, dimensions_of, finish_query, internal_name, typed_sums, within_spec
from semantic.scope import Scope
from semantic.sources import Sources

DEFAULT_SCHEMA = "semantic"
# The dimensions a query on daily_metrics can be split by.
MATERIALIZED_DIMENSIONS = ("day", "week", "month", "shop")
# Column -> (Ibis type, nullable). Counts are stored exactly in the same DECIMAL as money.
DAILY_COLUMNS: dict[str, tuple[str, bool]] = {
    "shop_id": ("string", False),
    "day": ("date", False),
    "metric": ("string", False),
    "version": ("int64", False),
    "value": ("decimal(38, 2)", False),
    "fingerprint": ("string", True),
    "built_at": ("timestamp('UTC')", False),
    "run_id": ("string", False),
}
# The attribution columns of attributed_orders, from the attribution dimensions.
ATTRIBUTION_COLUMNS = ("channel", "source", "medium", "campaign", "platform")
# The metric whose definition the attributed orders are (its version and fingerprint are recorded).
ATTRIBUTED_ORDERS_METRIC = "attributed_orders"


@dataclass(frozen=True)
class Layout:
    """Where the materialized tables live: one schema, fixed table names."""

    schema: str = DEFAULT_SCHEMA
    daily: str = "daily_metrics"
    orders: str = "attributed_orders"
    builds: str = "builds"
    definitions: str = "definitions"
    audit: str = "backfill_audit"
    snapshots: str = "backfill_snapshots"
    lock: str = "backfill_lock"
    staging: str = "backfill_staging"
    order_snapshots: str = "backfill_order_snapshots"
    order_staging: str = "backfill_order_staging"
    scope: str = "backfill_scope"
    scope_shops: str = "backfill_scope_shops"

    def scope_tables(self, every_shop: bool = False) -> ScopeTables:
        """The scope tables a backfill's range-independent recompute reads (semantic.range_sources)."""
        return ScopeTables(self.schema, every_shop, self.scope, self.scope_shops)

    def daily_table(self) -> ir.Table:
        """daily_metrics as an unbound table."""
        return ibis.table({c: t for c, (t, _) in DAILY_COLUMNS.items()}, name=self.daily, database=self.schema)


@dataclass(frozen=True)
class Stamp:
    """What produced a materialized row: the definition (name, version), its fingerprint, the run and when."""

    metric: Metric
    fingerprint: str | None
    run_id: str
    built_at: dt.datetime


def materialized_metrics(catalog: Catalog, config: Config) -> list[Additive]:
    """The additive metrics every current metric needs (ratios through their parts), in catalog order."""
    refs = [m.ref for m in catalog.latest(config)]
    return [m for m in catalog.closure(refs, config) if isinstance(m, Additive)]


@dataclass(frozen=True)
class ShopSources(Sources):
    """The contract tables restricted to some shops: every metric is per shop, so its rows
    for those shops are the same, and a backfill of one shop reads only that shop's history."""

    only_shops: tuple[str, ...] = ()  # (not `shops`: that is the shops table)
    scope: ScopeTables | None = None  # set: the shops of the scope tables instead of only_shops

    def _build(self, logical: str) -> ir.Table:
        table = super()._build(logical)
        if self.scope is not None:
            return self.scope.of_shops(table)
        return table.filter(table.shop_id.isin(list(self.only_shops))) if self.only_shops else table


def daily_rows(
    catalog: Catalog,
    config: Config,
    stamps: list[Stamp],
    shops: tuple[str, ...] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> ir.Table:
    """The daily_metrics rows of the stamped additive metrics, from the sources (optionally a range of some shops).

    Exactly what `semantic query METRIC --by day --by shop` gives for each metric
    (one row per bucket with contributing rows, 0 when they add up to nothing),
    computed in one statement whose facts are built once. Given a range, the
    facts of semantic.range_sources.RANGE_FACTS read only the source rows the
    range depends on (a backfill's cost follows the range, not the history).
    """
    history = ShopSources(config.sources, tuple(shops)) if shops else None
    pruned = RangeSources.for_range(config, tuple(shops), start, end) if start is not None and end is not None else None

    def keep(table: ir.Table) -> ir.Table:
        if shops:
            table = table.filter(table.shop_id.isin(list(shops)))
        if start:
            table = table.filter(table.day >= start)
        if end:
            table = table.filter(table.day <= end)
        return table

    sums = _daily_sums(catalog, config, [s.metric for s in stamps], history, pruned, keep)
    first = stamps[0]
    return sums.select(
        "shop_id", "day", "metric", "version",
        value=ibis.coalesce(sums.value, ibis.literal(0, "decimal(38, 2)")).cast("decimal(38, 2)"),
        fingerprint=_fingerprint_of(sums, {(s.metric.name, s.metric.version): s.fingerprint for s in stamps}),
        built_at=ibis.literal(first.built_at, "timestamp('UTC')"),
        run_id=ibis.literal(first.run_id, "string"),
    )


def scoped_daily_rows(
    catalog: Catalog,
    config: Config,
    metrics: Sequence[Metric],
    fingerprints: Mapping[str, str | None],
    scope: ScopeTables,
) -> ir.Table:
    """daily_rows of the range, shops and run read from `scope`'s tables, with a `backfill_id` column.

    The rows of `daily_rows(catalog, config, stamps, shops, start, end)` for the
    scope row's start_day/end_day, its shops (every shop if `scope.every_shop`),
    run_id = built by its backfill_id at its built_at. The statement names no
    date, shop or run, so one compiled text serves every backfill of these
    metrics (semantic.statement_cache); columns: DAILY_COLUMNS, backfill_id.
    """
    history = None if scope.every_shop else ShopSources(config.sources, scope=scope)
    sums = _daily_sums(catalog, config, metrics, history, RangeSources.for_scope(config, scope), scope.in_range)
    run = scope.bounds().select("built_at", run_id=scope.bounds().backfill_id, backfill_id=scope.bounds().backfill_id)
    rows = sums.cross_join(run)
    return rows.select(
        "shop_id", "day", "metric", "version",
        value=ibis.coalesce(rows.value, ibis.literal(0, "decimal(38, 2)")).cast("decimal(38, 2)"),
        fingerprint=_fingerprint_of(rows, {(m.name, m.version): fingerprints.get(m.ref) for m in metrics}),
        built_at=rows.built_at, run_id=rows.run_id, backfill_id=rows.backfill_id,
    )


def _daily_sums(
    catalog: Catalog,
    config: Config,
    metrics: Sequence[Metric],
    history_sources: Sources | None,
    pruned_sources: Sources | None,
    keep: Callable[[ir.Table], ir.Table],
) -> ir.Table:
    """(shop_id, day, metric, version, value): each additive metric's sum per shop and day, rows kept by `keep`.

    Facts of RANGE_FACTS read `pruned_sources` (if any), the others `history_sources`.
    """
    history = Scope.for_query(catalog, config, by=("day", "shop"), sources=history_sources)
    pruned = Scope.for_query(catalog, config, by=("day", "shop"), sources=pruned_sources) if pruned_sources else history
    parts = []
    for metric in metrics:
        if not isinstance(metric, Additive):
            raise QueryError(f"{metric.ref} is not additive: only additive metrics are materialized")
        groups: dict[tuple, list] = {}
        for contribution in metric.contributions:
            groups.setdefault((contribution.fact, contribution.where), []).append(contribution)
        for (fact, where), taken in groups.items():
            scope = pruned if fact in RANGE_FACTS else history
            table = scope.fact(fact)
            if where is not None:
                table = table.filter(where.predicate(table, scope))
            table = keep(table)
            dtype = UNIT_DTYPES[metric.unit]
            value = taken[0].value(table, config).cast(dtype)
            for more in taken[1:]:
                value = value + more.value(table, config).cast(dtype)
            parts.append(
                table.select(
                    shop_id=table.shop_id, day=table.day, metric=ibis.literal(metric.name, "string"),
                    version=ibis.literal(metric.version, "int64"), value=value.cast("decimal(38, 2)"),
                )
            )
    union = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    return union.group_by(["shop_id", "day", "metric", "version"]).aggregate(value=union.value.sum())


def _fingerprint_of(rows: ir.Table, fingerprints: Mapping[tuple[str, int], str | None]) -> ir.StringValue:
    """Each row's fingerprint: its (metric, version)'s."""
    return ibis.cases(
        *[((rows.metric == name) & (rows.version == version), ibis.literal(fp, "string")) for (name, version), fp in fingerprints.items()],
        else_=ibis.null("string"),
    )


def attributed_orders(catalog: Catalog, config: Config, stamp: Stamp) -> ir.Table:
    """Included orders with their default-model attribution, stamped like the daily rows."""
    table = _attributed(catalog, Scope.for_query(catalog, config, by=ATTRIBUTION_COLUMNS))
    return table.mutate(
        version=ibis.literal(stamp.metric.version, "int64"),
        fingerprint=ibis.literal(stamp.fingerprint, "string"),
        built_at=ibis.literal(stamp.built_at, "timestamp('UTC')"),
        run_id=ibis.literal(stamp.run_id, "string"),
    )


def scoped_attributed_orders(catalog: Catalog, config: Config, metric: Metric, fingerprint: str | None, scope: ScopeTables) -> ir.Table:
    """attributed_orders of the scope's days and shops, stamped with its run, plus `backfill_id`.

    The rows `attributed_orders` gives for those days and shops (the facts read
    only what the range depends on, semantic.range_sources); like
    scoped_daily_rows, the statement names no date, shop or run.
    """
    pruned = Scope.for_query(catalog, config, by=ATTRIBUTION_COLUMNS, sources=RangeSources.for_scope(config, scope))
    table = _attributed(catalog, pruned, keep=scope.in_range)
    run = scope.bounds().select("built_at", run_id=scope.bounds().backfill_id, backfill_id=scope.bounds().backfill_id)
    rows = table.cross_join(run)
    return rows.select(
        *table.columns,
        version=ibis.literal(metric.version, "int64"), fingerprint=ibis.literal(fingerprint, "string"),
        built_at=rows.built_at, run_id=rows.run_id, backfill_id=rows.backfill_id,
    )


def _attributed(catalog: Catalog, scope: Scope, keep: Callable[[ir.Table], ir.Table] | None = None) -> ir.Table:
    """The included orders (those `keep` keeps) with the attribution columns attached."""
    orders = scope.fact("included_orders")
    if keep is not None:
        orders = keep(orders)
    table = orders.select("shop_id", "order_id", "day", "processed_at", "order_revenue")
    for name in ATTRIBUTION_COLUMNS:
        attached = catalog.dimension(name).attach(table, "included_orders", scope)
        if attached is not None:
            table = attached
    return table


def source_signature(sources: Sources) -> ir.Table:
    """One row summarising the sources: counts, and the latest instants and totals that change when rows do.

    A materialized table is fresh while this row equals the one recorded at its build.
    """
    orders, refunds, spend = sources.orders, sources.refunds, sources.ad_spend
    parts = [
        orders.aggregate(orders=orders.count(), orders_last=orders.processed_at.max().cast("string"),
                         orders_total=orders.gross_sales.sum().cast("string")),
        refunds.aggregate(refunds=refunds.count(), refunds_total=refunds.amount.sum().cast("string")),
        spend.aggregate(spend_rows=spend.count(), spend_total=spend.spend.sum().cast("string")),
        sources.customers.aggregate(customers=sources.customers.count()),
        sources.shops.aggregate(shops=sources.shops.count()),
    ]
    result = parts[0]
    for part in parts[1:]:
        result = result.cross_join(part)
    return result


def unsupported_reason(catalog: Catalog, config: Config, spec: QuerySpec, materialized: Mapping[str, str | None]) -> str | None:
    """Why `spec` cannot be answered from daily_metrics holding `materialized` (ref -> fingerprint), or None."""
    other = [d for d in spec.by if d not in MATERIALIZED_DIMENSIONS]
    if other:
        return f"daily_metrics is split only by {', '.join(MATERIALIZED_DIMENSIONS)} (not {other[0]})"
    if spec.options.model is not None:
        return "daily_metrics holds the default attribution model only"
    if spec.fill:
        return "--fill is answered from the sources"
    missing = [m.ref for m in catalog.closure(spec.metrics, config) if isinstance(m, Additive) and m.ref not in materialized]
    if missing:
        return f"{missing[0]} is not materialized (run `semantic build`)"
    return None


def materialized_query(
    catalog: Catalog,
    config: Config,
    spec: QuerySpec,
    layout: Layout = Layout(),
    today: dt.date | None = None,
) -> BuiltQuery:
    """The query `spec` answered from daily_metrics: SUM of the daily parts, ratios recomputed from the sums."""
    if spec.start and spec.end and spec.start > spec.end:
        raise QueryError(f"--start {spec.start} is after --end {spec.end}")
    dims = dimensions_of(catalog, spec.by)
    closure = catalog.closure(spec.metrics, config)
    additive = [m for m in closure if isinstance(m, Additive)]
    internal = {m.ref: internal_name(m) for m in closure}
    table = layout.daily_table()
    # One `version = v AND metric IN (...)` per version (usually one): an index on (metric, version, ...) serves it.
    by_version: dict[int, list[str]] = {}
    for m in additive:
        by_version.setdefault(m.version, []).append(m.name)
    wanted = [(table.version == version) & table.metric.isin(names) for version, names in by_version.items()]
    predicate = wanted[0]
    for more in wanted[1:]:
        predicate |= more
    table = table.filter(predicate)
    table = within_spec(table, spec)
    for dim in dims:
        if dim.grain is not None and dim.grain.unit is not None:
            table = table.mutate(**{dim.column: dim.grain.bucket(table.day)})
    sums = {
        internal[m.ref]: table.value.sum(where=(table.metric == m.name) & (table.version == m.version)) for m in additive
    }
    columns = [d.column for d in dims]
    agg = table.group_by(columns).aggregate(**sums) if columns else table.aggregate(**sums)
    agg = typed_sums(agg, additive, internal)
    sources = Sources.from_config(config)
    return finish_query(catalog, config, spec, dims, agg, closure, sources, tables=("shops",), today=today)
