"""The Python API, in short wrappers; the CLI is built on these.

>>> from semantic.api import load_project, build_query, compile_sql
>>> project = load_project()
>>> built = build_query(project, ["revenue", "orders"], by=["day", "shop"])
>>> "SUM" in compile_sql(built.expr, "postgres")
True
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from semantic.project import Project, find_project
from semantic.query_spec import QueryOptions, QuerySpec

if TYPE_CHECKING:  # Ibis is imported when an expression is built, not to load a project or ask a cached question
    import ibis.expr.types as ir

    from semantic.metadata import MetricInfo
    from semantic.metrics import Metric
    from semantic.query import BuiltQuery

__all__ = [
    "build_query",
    "compile_metric",
    "compile_sql",
    "deprecation_warnings",
    "describe_metrics",
    "list_metrics",
    "load_project",
    "metric_query",
    "query_spec",
]

# The grain at which a single metric is exported, compiled and fingerprinted.
METRIC_GRAIN = ("day", "shop")


def load_project(
    config: str | os.PathLike[str] | None = None, overrides: Iterable[str] = ()
) -> Project:
    """Find metrics.toml (explicit path, $SEMANTIC_CONFIG, nearest, defaults) and apply `--set` overrides."""
    return find_project(config).with_overrides(tuple(overrides))


def build_query(
    project: Project,
    metrics: Sequence[str],
    by: Sequence[str] = (),
    shops: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    options: Mapping[str, str] | None = None,
    fill: bool = False,
) -> BuiltQuery:
    """An Ibis expression for `metrics` split by `by`, on unbound tables."""
    from semantic.query import build_query as build

    spec = query_spec(metrics, by, shops, start, end, options, fill)
    return build(project.catalog, project.config, spec)


def compile_sql(expr: ir.Expr, dialect: str, pretty: bool = True) -> str:
    """Runnable SQL text for `expr` in `dialect` (`semantic.compiler.compile_sql`)."""
    from semantic.compiler import compile_sql as compile_expr

    return compile_expr(expr, dialect, pretty)


def query_spec(
    metrics: Sequence[str],
    by: Sequence[str] = (),
    shops: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    options: Mapping[str, str] | None = None,
    fill: bool = False,
) -> QuerySpec:
    """The question, as a QuerySpec (what `build_query` builds and `compile_cache` keys on)."""
    return QuerySpec(
        metrics=tuple(metrics),
        by=tuple(by),
        shops=tuple(shops),
        start=start,
        end=end,
        options=QueryOptions.parse(options),
        fill=fill,
    )


def metric_query(project: Project, metric: str) -> BuiltQuery:
    """One metric by day and shop: the form exported, compiled and fingerprinted."""
    return build_query(project, [metric], by=METRIC_GRAIN)


def compile_metric(project: Project, metric: str, dialect: str) -> str:
    """Runnable SQL for one metric by day and shop in `dialect`."""
    return compile_sql(metric_query(project, metric).expr, dialect)


def deprecation_warnings(project: Project, built: BuiltQuery, today: dt.date | None = None) -> list[str]:
    """One warning per deprecated metric a query uses (directly or through a ratio), as of `today`."""
    from semantic.query import deprecation_warnings as warnings_of

    return list(warnings_of(project.config, built.closure, today or dt.date.today()))


def list_metrics(project: Project) -> list[Metric]:
    """The metrics `project` resolves by default (its recorded versions, else the newest)."""
    return project.catalog.latest(project.config)


def describe_metrics(project: Project) -> list[MetricInfo]:
    """Every metric with its metadata (owner, description, status, sunset) from metrics.toml."""
    from semantic.metadata import project_metrics

    return project_metrics(project.catalog, project.config)
