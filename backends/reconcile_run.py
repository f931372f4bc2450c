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


ADMIN_MEASURES = ("orders", "gross_sales", "discounts", "returns", "net_sales", "shipping", "taxes", "duties", "total_sales")


def compare_admin_report(warehouse: Warehouse, project: Project, path, shop: str):
    """The Shopify profile's figures of `shop` against a Shopify admin Sales report export, per day."""
    from pathlib import Path

    from semantic.admin_report import compare, read_admin_report
    from semantic.errors import ConfigError

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    admin = read_admin_report(text, str(path))
    if not admin:
        raise ConfigError(f"{path} holds no days")
    shopify = project.with_overrides(["profile=shopify"])
    spec = QuerySpec(metrics=ADMIN_MEASURES, by=("day",), shops=(shop,), start=min(admin), end=max(admin))
    rows = run_query(warehouse, build_query(shopify.catalog, shopify.config, spec)).to_pylist()
    return compare({r["day"]: r for r in rows}, admin)
