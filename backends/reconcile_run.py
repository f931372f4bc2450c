"""Running a reconciliation (semantic.reconcile) on a warehouse: one query per step, by day and shop."""

from __future__ import annotations

import datetime as dt

from semantic.project import Project
from semantic.query import QuerySpec, build_query
from semantic.reconcile import STEPS, Line, reconcile

from semantic.backends.runner import run_query
from semantic.backends.warehouse import Warehouse


def reconcile_warehouse(
    warehouse: Warehouse,
    project: Project,
    start: dt.date | None = None,
    end: dt.date | None = None,
    shops: tuple[str, ...] = (),
) -> list[Line]:
    """Our figures (the project's knobs) against the Shopify profile's, per day and shop, with their causes."""

    def figures(p: Project, metrics: tuple[str, ...]) -> dict:
        spec = QuerySpec(metrics=metrics, by=("day", "shop"), shops=shops, start=start, end=end)
        rows = run_query(warehouse, build_query(p.catalog, p.config, spec)).to_pylist()
        return {(r["day"], r["shop_id"]): r for r in rows}

    ours = figures(project, ("revenue", "total_sales", "orders"))
    steps, current = [], project
    for _, overrides in STEPS:
        current = current.with_overrides(overrides)
        steps.append(figures(current, ("total_sales", "orders")))
    shopify = figures(project.with_overrides(["profile=shopify"]), ("total_sales", "orders", "ordered_sales"))
    return reconcile(ours, steps, shopify)
