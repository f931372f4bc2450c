"""`semantic reconcile`: our revenue, orders and AOV next to Shopify's, per day, with the causes of each difference."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from semantic.cli.options import Config, Database, Overrides, parse_date

UNITS = {"day": "dimension", "shop_id": "dimension", "measure": "dimension", "ours": "money", "shopify": "money",
         "difference": "money", "cause": "dimension", "amount": "money"}  # fmt: skip


def reconcile(
    shop: Annotated[Optional[list[str]], typer.Option("--shop", help="Only this shop (repeatable).")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First shop-local day, YYYY-MM-DD (inclusive).")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last shop-local day, YYYY-MM-DD (inclusive).")] = None,
    format: Annotated[str, typer.Option("--format", help="table, csv, json or parquet.")] = "table",
    output: Annotated[Optional[Path], typer.Option("--output", help="Write to this file instead of stdout.")] = None,
    admin_report: Annotated[
        Optional[Path],
        typer.Option("--admin-report", help="Compare with Shopify admin's Sales report by day (an exported CSV); needs --shop."),
    ] = None,
    database: Database = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Our revenue, orders and AOV next to Shopify's (profile shopify) per day, each difference split by cause.

    With --admin-report, the Shopify profile's figures next to an export of Shopify admin's own report instead.
    """
    from semantic.api import load_project
    from semantic.backends.connect import connect_for
    from semantic.backends.reconcile_run import reconcile_warehouse
    from semantic.cli import render

    render.check_format(format, output)
    project = load_project(config, set_ or ())
    if admin_report is not None:
        _admin(project, admin_report, shop or [], database, format, output)
        return
    warehouse = connect_for(project, database)
    try:
        lines = reconcile_warehouse(
            warehouse, project, parse_date(start, "--start"), parse_date(end, "--end"), tuple(shop or ())
        )
    finally:
        warehouse.close()
    render.emit(_table(lines), UNITS, format, output)


ADMIN_UNITS = {"day": "dimension", "measure": "dimension", "ours": "money", "shopify": "money", "difference": "money",
               "cause": "dimension"}  # fmt: skip


def _admin(project, path: Path, shops: list[str], database, format: str, output) -> None:
    import pyarrow as pa

    from semantic.backends.connect import connect_for
    from semantic.backends.reconcile_run import compare_admin_report
    from semantic.cli import render
    from semantic.errors import QueryError

    if len(shops) != 1:
        raise QueryError("--admin-report compares one shop: pass --shop ID (the shop the export is of)")
    warehouse = connect_for(project, database)
    try:
        lines = compare_admin_report(warehouse, project, path, shops[0])
    finally:
        warehouse.close()
    money = pa.decimal128(38, 2)
    schema = pa.schema([("day", pa.date32()), ("measure", pa.string()), ("ours", money), ("shopify", money),
                        ("difference", money), ("cause", pa.string())])  # fmt: skip
    rows = [dict(day=l.day, measure=l.measure, ours=l.ours, shopify=l.shopify, difference=l.difference, cause=l.cause)
            for l in lines]  # fmt: skip
    render.emit(pa.Table.from_pylist(rows, schema=schema), ADMIN_UNITS, format, output)


def _table(lines):
    """One row per cause of a difference (a row without cause where ours and Shopify's agree)."""
    import pyarrow as pa

    rows = []
    for line in lines:
        base = dict(day=line.day, shop_id=line.shop_id, measure=line.measure, ours=line.ours, shopify=line.shopify,
                    difference=line.difference)  # fmt: skip
        for cause, amount in line.causes or ((None, None),):
            rows.append({**base, "cause": cause, "amount": amount})
    money = pa.decimal128(38, 2)
    schema = pa.schema([("day", pa.date32()), ("shop_id", pa.string()), ("measure", pa.string()), ("ours", money),
                        ("shopify", money), ("difference", money), ("cause", pa.string()), ("amount", money)])  # fmt: skip
    return pa.Table.from_pylist(rows, schema=schema)


COMMANDS = {"reconcile": reconcile}
