"""The query builder: metrics by dimensions, as one Ibis expression on unbound tables.

Plan, for a query of metrics M by dimensions D over a project's catalog:

1. expand M to the additive metrics it needs (aov needs revenue and orders);
2. for every fact those metrics read, select D and each metric's contribution
   (NULL where the metric takes nothing from that fact), filtered to the shops
   and shop-local dates asked for;
3. UNION ALL the parts and SUM by D: a bucket appears exactly when some metric
   of the query has a contributing row in it; in such a bucket an additive
   metric with no rows is 0;
4. compute ratios over the sums, guarded: NULL exactly when the denominator is
   0 or absent, never infinity or NaN.

The result, a `BuiltQuery`, carries everything running it needs: the sources,
the contract tables it reads, the currency check (when it adds money across
shops) and its deprecation warnings; the backend only runs it.

>>> from semantic.builtins import builtin_catalog
>>> from semantic.config import Config
>>> built = build_query(builtin_catalog(), Config(), QuerySpec(metrics=("aov",), by=("month", "shop")))
>>> built.expr.columns
('month', 'shop_id', 'aov')
"""

from __future__ import annotations

from typing import Any

import dataclasses
import datetime as dt
from dataclasses import dataclass

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

from semantic.catalog import Catalog
from semantic.config import Config
from semantic.currency import currencies_in_scope
from semantic.dimensions import Dimension
from semantic.errors import QueryError
from semantic.grains import GRAINS
from semantic.metadata import MetricInfo
from semantic.metrics import Additive, Metric, Ratio, RowFilter
from semantic.query_spec import OutputColumn, QuerySpec
from semantic.scope import Scope
from semantic.sources import Sources

UNIT_DTYPES = {"money": "decimal(18, 2)", "count": "int64"}


@dataclass(frozen=True)
class BuiltQuery:
    """An Ibis expression, what its columns hold, and what running it needs."""

    expr: ir.Table
    columns: tuple[OutputColumn, ...]
    metrics: tuple[Metric, ...]
    spec: QuerySpec
    # Everything computed, dependencies included (aov brings revenue and orders).
    closure: tuple[Metric, ...]
    sources: Sources
    # The logical contract tables the expression reads (the backend checks they exist).
    tables: tuple[str, ...]
    # Distinct currencies of the shops in scope, when the query adds money across shops.
    currency_check: ir.Table | None = None
    warnings: tuple[str, ...] = ()
    # Under refund_date: the refunds counted whose order was never loaded (`refunds` column).
    orphan_refunds: ir.Table | None = None

    @property
    def uses_money(self) -> bool:
        """True when any metric computed adds money (aov does, through revenue)."""
        return any(m.unit == "money" for m in self.closure)


def output_name(token: str) -> str:
    """The result column of a metric token: `revenue`, or `revenue_v1` for `revenue@1`."""
    name, _, version = token.partition("@")
    return f"{name}_v{version.lstrip('v')}" if version else name


def build_query(
    catalog: Catalog,
    config: Config,
    spec: QuerySpec,
    sources: Sources | None = None,
    today: dt.date | None = None,
) -> BuiltQuery:
    """Build the Ibis expression answering `spec` with `catalog`'s definitions under `config`."""
    if not spec.metrics:
        raise QueryError("name at least one metric", hint=f"known metrics: {', '.join(catalog.names())}")
    if spec.start and spec.end and spec.start > spec.end:
        raise QueryError(f"--start {spec.start} is after --end {spec.end}")
    dims = dimensions_of(catalog, spec.by)
    closure = catalog.closure(spec.metrics, config)
    internal = {m.ref: internal_name(m) for m in closure}
    additive = [m for m in closure if isinstance(m, Additive)]
    scope = Scope.for_query(catalog, config, spec.options, spec.by, sources)
    parts = [_part(scope, spec, fact, where, dims, additive, internal) for fact, where in _fact_groups(additive)]
    union = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    agg = _sums(union, scope, spec, dims, additive, internal)
    built = finish_query(catalog, config, spec, dims, agg, closure, scope.sources, today=today)
    # Under refund_date, how many refunds of never-loaded orders the answer counts (a note for the user).
    return dataclasses.replace(built, orphan_refunds=_orphan_refunds(scope, spec) if "refunds" in built.tables else None)


def finish_query(
    catalog: Catalog,
    config: Config,
    spec: QuerySpec,
    dims: list[Dimension],
    agg: ir.Table,
    closure: list[Metric],
    sources: Sources,
    tables: tuple[str, ...] | None = None,
    today: dt.date | None = None,
) -> BuiltQuery:
    """The ratios over `agg` (the typed sums by the dimensions, named by `internal_name`), the output, the query.

    Shared by the query on the sources and the one on the materialized tables
    (`semantic.materialized`), so both compute ratios and name columns alike.
    """
    internal = {m.ref: internal_name(m) for m in closure}
    requested = [(token, catalog.resolve(token, config)) for token in spec.metrics]
    for metric in closure:
        if isinstance(metric, Ratio):
            numerator = agg[internal[catalog.resolve(metric.numerator, config).ref]]
            denominator = agg[internal[catalog.resolve(metric.denominator, config).ref]]
            agg = agg.mutate(**{internal[metric.ref]: numerator.cast("float64") / denominator.cast("float64").nullif(0)})
    dim_columns = [d.column for d in dims]
    out = agg.select(*dim_columns, **{output_name(t): agg[internal[m.ref]] for t, m in requested})
    if dim_columns:
        out = out.order_by([ibis.asc(c, nulls_first=False) for c in dim_columns])
    columns = tuple(OutputColumn(d.column, "dimension") for d in dims) + tuple(
        OutputColumn(output_name(t), m.unit) for t, m in requested
    )
    adds_money = any(m.unit == "money" for m in closure)
    return BuiltQuery(
        expr=out,
        columns=columns,
        metrics=tuple(m for _, m in requested),
        spec=spec,
        closure=tuple(closure),
        sources=sources,
        tables=sources.tables_read_by(out) if tables is None else tables,
        currency_check=currencies_in_scope(sources, spec.shops) if adds_money and "shop" not in spec.by else None,
        warnings=deprecation_warnings(config, closure, today or dt.date.today()),
    )


def internal_name(metric: Metric) -> str:
    """The column a metric's value has inside a query, before the output is named."""
    return f"m__{metric.name}__v{metric.version}"


def within_spec(table: ir.Table, spec: QuerySpec) -> ir.Table:
    """`table`'s rows of the query's shops and days (its `shop_id` and `day` columns)."""
    if spec.shops:
        table = table.filter(table.shop_id.isin(list(spec.shops)))
    if spec.start:
        table = table.filter(table.day >= spec.start)
    if spec.end:
        table = table.filter(table.day <= spec.end)
    return table


def _orphan_refunds(scope: Scope, spec: QuerySpec) -> ir.Table | None:
    """How many refunds in the query's range have no loaded order (counted on their own day)."""
    if scope.config.revenue.refund_dating != "refund_date" or "refunds" not in scope.facts:
        return None
    refunds = scope.fact("refunds")
    if "order_known" not in refunds.columns:
        return None  # a project's own refunds fact
    refunds = refunds.filter(~refunds.order_known)
    refunds = within_spec(refunds, spec)
    return refunds.aggregate(refunds=refunds.count())


def deprecation_warnings(config: Config, closure: list[Metric] | tuple[Metric, ...], today: dt.date) -> tuple[str, ...]:
    """One warning per deprecated metric computed (directly or through a ratio)."""
    found = (MetricInfo(m, config.metrics.get(m.name)).deprecation_warning(today) for m in closure)
    return tuple(w for w in found if w)


def _sums(
    union: ir.Table, scope: Scope, spec: QuerySpec, dims: list[Dimension], additive: list[Additive], internal: dict[str, str]
) -> ir.Table:
    """SUM of every additive metric by the dimensions; 0 (typed) where a bucket has no rows for it."""
    dim_columns = [d.column for d in dims]
    sums = {internal[m.ref]: union[internal[m.ref]].sum() for m in additive}
    agg = union.group_by(dim_columns).aggregate(**sums) if dim_columns else union.aggregate(**sums)
    if spec.fill:
        agg = _fill(scope, spec, agg, dims, [internal[m.ref] for m in additive])
    return typed_sums(agg, additive, internal)


def typed_sums(agg: ir.Table, additive: list[Additive], internal: dict[str, str]) -> ir.Table:
    """Each additive metric's sum as its output type; 0 where the bucket has no rows for it."""
    return agg.mutate(
        **{
            internal[m.ref]: _cast_in_sql(
                ibis.coalesce(agg[internal[m.ref]], ibis.literal(0, UNIT_DTYPES[m.unit])),
                "decimal(38, 2)" if m.unit == "money" else "int64",
            )
            for m in additive
        }
    )


def _cast_in_sql(value: ir.Value, dtype: str) -> ir.Value:
    """CAST(value AS dtype) in the SQL even when Ibis already types it so.

    `Value.cast` drops a cast to the type Ibis infers, but engines type some results
    otherwise (PostgreSQL's SUM of a BIGINT is NUMERIC), and exported SQL must give
    counts as integers.
    """
    return ops.Cast(value, to=ibis.dtype(dtype)).to_expr()


def _fill(scope: Scope, spec: QuerySpec, agg: ir.Table, dims: list[Dimension], values: list[str]) -> ir.Table:
    """Left-join the sums onto a calendar of every bucket from start to end (and every shop)."""
    time_dims = [d for d in dims if d.grain is not None]
    if len(time_dims) != 1:
        raise QueryError("--fill needs exactly one time dimension (day, week or month) in --by")
    if not (spec.start and spec.end):
        raise QueryError("--fill needs --start and --end: the calendar must have ends")
    others = [d for d in dims if d.grain is None]
    if any(d.name != "shop" for d in others):
        raise QueryError("--fill supports only --by shop besides the time dimension")
    time_dim = time_dims[0]
    buckets = time_dim.grain.calendar(spec.start, spec.end)
    shops = scope.sources.shops
    if spec.shops:
        shops = shops.filter(shops.shop_id.isin(list(spec.shops)))
    base = shops.select("shop_id") if others else shops.aggregate(shop_count=shops.count())
    spine = base.select(*(["shop_id"] if others else []), **{time_dim.column: ibis.literal(buckets, "array<date>").unnest()})
    dim_columns = [d.column for d in dims]
    joined = spine.left_join(agg, [spine[c] == agg[c] for c in dim_columns])
    return joined.select(*[spine[c] for c in dim_columns], *[agg[v] for v in values])


def calendar(unit: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """Bucket starts of grain `unit` (day, week, month) from the bucket holding `start` to the one holding `end`.

    >>> calendar("week", dt.date(2024, 3, 6), dt.date(2024, 3, 18))
    [datetime.date(2024, 3, 4), datetime.date(2024, 3, 11), datetime.date(2024, 3, 18)]
    """
    return GRAINS[unit].calendar(start, end)


def dimensions_of(catalog: Catalog, names: tuple[str, ...]) -> list[Dimension]:
    seen: list[Dimension] = []
    for name in names:
        dimension = catalog.dimension(name)
        if dimension in seen:
            raise QueryError(f"dimension {name!r} is named twice in --by")
        seen.append(dimension)
    return seen


def _fact_groups(additive: list[Additive]) -> list[tuple[str, RowFilter | None]]:
    """(fact, where) pairs in first-seen order: each becomes one part of the union."""
    groups: dict[tuple[str, Any], None] = {}
    for metric in additive:
        for contribution in metric.contributions:
            groups.setdefault((contribution.fact, contribution.where), None)
    return list(groups)


def _part(
    scope: Scope,
    spec: QuerySpec,
    fact: str,
    where: RowFilter | None,
    dims: list[Dimension],
    additive: list[Additive],
    internal: dict[str, str],
) -> ir.Table:
    table = scope.fact(fact)
    if where is not None:
        table = table.filter(where.predicate(table, scope))
    if spec.shops:
        table = table.filter(table.shop_id.isin(list(spec.shops)))
    if spec.start:
        table = table.filter(table.day >= spec.start)
    if spec.end:
        table = table.filter(table.day <= spec.end)
    for dim in dims:
        attached = dim.attach(table, fact, scope)
        if attached is None:
            users = [m.name for m in additive if any(c.fact == fact for c in m.contributions)]
            raise QueryError(f"{', '.join(users)} cannot be split by {dim.name!r} (its {fact} rows have no {dim.name})")
        table = attached
    values = {internal[m.ref]: _contribution_value(m, fact, where, table, scope.config) for m in additive}
    return table.select(*[table[d.column] for d in dims], **values)


def _contribution_value(metric: Additive, fact: str, where: RowFilter | None, table: ir.Table, config: Config) -> ir.Value:
    """What `metric` takes from the rows of this part: the sum of its matching contributions, else NULL."""
    dtype = UNIT_DTYPES[metric.unit]
    taken = [c for c in metric.contributions if c.fact == fact and c.where == where]
    if not taken:
        return ibis.null(dtype)
    value = taken[0].value(table, config).cast(dtype)
    for more in taken[1:]:
        value = value + more.value(table, config).cast(dtype)
    return value
