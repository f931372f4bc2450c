"""The query builder: metrics by dimensions, as one Ibis expression on unbound tables.

Plan, for a query of metrics M by dimensions D:

1. expand M to the additive metrics it needs (aov needs revenue and orders);
2. for every fact those metrics read, select D and each metric's contribution
   (NULL where the metric takes nothing from that fact), filtered to the shops
   and shop-local dates asked for;
3. UNION ALL the parts and SUM by D: a bucket appears exactly when some metric
   of the query has a contributing row in it; in such a bucket an additive
   metric with no rows is 0;
4. compute ratios over the sums, guarded: NULL exactly when the denominator is
   0 or absent, never infinity or NaN.

>>> from semantic.config import Config
>>> built = build_query(Config(), QuerySpec(metrics=("aov",), by=("month", "shop")))
>>> built.expr.columns
('month', 'shop_id', 'aov')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

import semantic.attribution.metrics  # noqa: F401  (registers attribution metrics and dimensions)
import semantic.core_metrics  # noqa: F401  (registers the core metrics)
from semantic.config import Config
from semantic.dimensions import DIMENSIONS, Dimension
from semantic.errors import QueryError, UnknownNameError
from semantic.facts import FactContext
from semantic.metrics import REGISTRY, Additive, Metric, MetricRegistry, Ratio
from semantic.sources import Sources

UNIT_DTYPES = {"money": "decimal(18, 2)", "count": "int64"}


@dataclass(frozen=True)
class QuerySpec:
    """What to compute. `start`/`end` are inclusive shop-local dates."""

    metrics: tuple[str, ...]
    by: tuple[str, ...] = ()
    shops: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    # Options later capabilities read (e.g. the attribution model), as sorted pairs.
    options: tuple[tuple[str, str], ...] = ()
    # A dense calendar: every time bucket from start to end appears (per shop with --by shop).
    fill: bool = False

    def option(self, key: str, default: str | None = None) -> str | None:
        return dict(self.options).get(key, default)


@dataclass(frozen=True)
class OutputColumn:
    name: str
    unit: str  # "dimension", "money", "count", "ratio"


@dataclass(frozen=True)
class BuiltQuery:
    """An Ibis expression and what its columns hold."""

    expr: ir.Table
    columns: tuple[OutputColumn, ...]
    metrics: tuple[Metric, ...]
    spec: QuerySpec
    # Everything computed, dependencies included (aov brings revenue and orders).
    closure: tuple[Metric, ...] = ()

    @property
    def uses_money(self) -> bool:
        """True when any metric computed adds money (aov does, through revenue)."""
        return any(m.unit == "money" for m in self.closure)


@dataclass
class BuildContext(FactContext):
    """Facts plus the query being built (dimensions may read its options)."""

    spec: QuerySpec = field(default_factory=lambda: QuerySpec(metrics=()))


def output_name(token: str) -> str:
    """The result column of a metric token: `revenue`, or `revenue_v1` for `revenue@1`."""
    name, _, version = token.partition("@")
    return f"{name}_v{version.lstrip('v')}" if version else name


def build_query(
    config: Config, spec: QuerySpec, sources: Sources | None = None, registry: MetricRegistry | None = None
) -> BuiltQuery:
    """Build the Ibis expression answering `spec` under `config` (metrics from `registry`)."""
    registry = registry or REGISTRY
    if not spec.metrics:
        raise QueryError("name at least one metric", hint=f"known metrics: {', '.join(registry.names())}")
    if spec.start and spec.end and spec.start > spec.end:
        raise QueryError(f"--start {spec.start} is after --end {spec.end}")
    dims = _dimensions(spec.by)
    requested = [(token, registry.resolve(token, config)) for token in spec.metrics]
    closure = registry.closure(spec.metrics, config)
    internal = {m.ref: f"m__{m.name}__v{m.version}" for m in closure}
    additive = [m for m in closure if isinstance(m, Additive)]
    ctx = BuildContext(sources or Sources.from_config(config), config, spec=spec)

    parts = [
        _part(ctx, fact, where, dims, additive, internal)
        for fact, where in _fact_groups(additive)
    ]
    union = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    dim_columns = [d.column for d in dims]
    sums = {internal[m.ref]: union[internal[m.ref]].sum() for m in additive}
    agg = union.group_by(dim_columns).aggregate(**sums) if dim_columns else union.aggregate(**sums)
    if spec.fill:
        agg = _fill(ctx, agg, dims, [internal[m.ref] for m in additive])
    agg = agg.mutate(
        **{
            internal[m.ref]: _cast_in_sql(
                ibis.coalesce(agg[internal[m.ref]], ibis.literal(0, UNIT_DTYPES[m.unit])),
                "decimal(38, 2)" if m.unit == "money" else "int64",
            )
            for m in additive
        }
    )
    for metric in closure:
        if isinstance(metric, Ratio):
            numerator = agg[internal[registry.resolve(metric.numerator, config).ref]]
            denominator = agg[internal[registry.resolve(metric.denominator, config).ref]]
            agg = agg.mutate(**{internal[metric.ref]: numerator.cast("float64") / denominator.cast("float64").nullif(0)})
    out = agg.select(*dim_columns, **{output_name(t): agg[internal[m.ref]] for t, m in requested})
    if dim_columns:
        out = out.order_by([ibis.asc(c, nulls_first=False) for c in dim_columns])
    columns = tuple(OutputColumn(d.column, "dimension") for d in dims) + tuple(
        OutputColumn(output_name(t), m.unit) for t, m in requested
    )
    return BuiltQuery(
        expr=out, columns=columns, metrics=tuple(m for _, m in requested), spec=spec, closure=tuple(closure)
    )


def _cast_in_sql(value: ir.Value, dtype: str) -> ir.Value:
    """CAST(value AS dtype) in the SQL even when Ibis already types it so.

    `Value.cast` drops a cast to the type Ibis infers, but engines type some results
    otherwise (PostgreSQL's SUM of a BIGINT is NUMERIC), and exported SQL must give
    counts as integers.
    """
    return ops.Cast(value, to=ibis.dtype(dtype)).to_expr()


def _fill(ctx: BuildContext, agg: ir.Table, dims: list[Dimension], values: list[str]) -> ir.Table:
    """Left-join the sums onto a calendar of every bucket from start to end (and every shop)."""
    spec = ctx.spec
    time_dims = [d for d in dims if d.is_time]
    if len(time_dims) != 1:
        raise QueryError("--fill needs exactly one time dimension (day, week or month) in --by")
    if not (spec.start and spec.end):
        raise QueryError("--fill needs --start and --end: the calendar must have ends")
    others = [d for d in dims if not d.is_time]
    if any(d.name != "shop" for d in others):
        raise QueryError("--fill supports only --by shop besides the time dimension")
    time_dim = time_dims[0]
    buckets = calendar(time_dim.name, spec.start, spec.end)
    shops = ctx.sources.shops
    if spec.shops:
        shops = shops.filter(shops.shop_id.isin(list(spec.shops)))
    base = shops.select("shop_id") if others else shops.aggregate(shop_count=shops.count())
    spine = base.select(*(["shop_id"] if others else []), **{time_dim.column: ibis.literal(buckets, "array<date>").unnest()})
    dim_columns = [d.column for d in dims]
    joined = spine.left_join(agg, [spine[c] == agg[c] for c in dim_columns])
    return joined.select(*[spine[c] for c in dim_columns], *[agg[v] for v in values])


def calendar(unit: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """Bucket starts from the bucket holding `start` to the one holding `end`.

    >>> calendar("week", dt.date(2024, 3, 6), dt.date(2024, 3, 18))
    [datetime.date(2024, 3, 4), datetime.date(2024, 3, 11), datetime.date(2024, 3, 18)]
    """
    if unit == "day":
        return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    if unit == "week":
        first = start - dt.timedelta(days=start.weekday())
        return [first + dt.timedelta(weeks=i) for i in range((end - first).days // 7 + 1)]
    months = (end.year - start.year) * 12 + end.month - start.month
    return [dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(months + 1)]


def _dimensions(names: tuple[str, ...]) -> list[Dimension]:
    seen: list[Dimension] = []
    for name in names:
        if name not in DIMENSIONS:
            raise UnknownNameError("dimension", name, DIMENSIONS)
        if DIMENSIONS[name] in seen:
            raise QueryError(f"dimension {name!r} is named twice in --by")
        seen.append(DIMENSIONS[name])
    return seen


def _fact_groups(additive: list[Additive]) -> list[tuple[str, object]]:
    """(fact, where) pairs in first-seen order: each becomes one part of the union."""
    groups: dict[tuple[str, object], None] = {}
    for metric in additive:
        for contribution in metric.contributions:
            groups.setdefault((contribution.fact, contribution.where), None)
    return list(groups)


def _part(
    ctx: BuildContext,
    fact: str,
    where: object,
    dims: list[Dimension],
    additive: list[Additive],
    internal: dict[str, str],
) -> ir.Table:
    table = ctx.fact(fact)
    if where is not None:
        # A `where` may depend on the split (ROAS counts every platform only when split by
        # platform): such filters offer `for_dimensions(by)` returning the filter to apply.
        applied = where.for_dimensions(ctx.spec.by) if hasattr(where, "for_dimensions") else where
        table = table.filter(applied(table, ctx.config))
    spec = ctx.spec
    if spec.shops:
        table = table.filter(table.shop_id.isin(list(spec.shops)))
    if spec.start:
        table = table.filter(table.day >= spec.start)
    if spec.end:
        table = table.filter(table.day <= spec.end)
    for dim in dims:
        attached = dim.attach(table, fact, ctx)
        if attached is None:
            users = [m.name for m in additive if any(c.fact == fact for c in m.contributions)]
            raise QueryError(f"{', '.join(users)} cannot be split by {dim.name!r} (its {fact} rows have no {dim.name})")
        table = attached
    values: dict[str, ir.Value] = {}
    for metric in additive:
        taken = [c for c in metric.contributions if c.fact == fact and c.where is where]
        dtype = UNIT_DTYPES[metric.unit]
        if taken:
            value = taken[0].value(table, ctx.config).cast(dtype)
            for more in taken[1:]:
                value = value + more.value(table, ctx.config).cast(dtype)
        else:
            value = ibis.null(dtype)
        values[internal[metric.ref]] = value
    return table.select(*[table[d.column] for d in dims], **values)
