"""`semantic explain` (why an order was credited as it was) and `semantic attribution` (the relations)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from semantic.cli.options import Config, Database, Overrides

Model = Annotated[
    Optional[str], typer.Option("--model", help="Attribution model: last_click (default), first_click or linear.")
]


def explain(
    order_id: Annotated[str, typer.Argument(help="The order's id (ids are unique within a shop).")],
    shop: Annotated[str, typer.Option("--shop", help="The order's shop.")],
    model: Model = None,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    database: Database = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Explain one order's attribution: every touchpoint in time order, why it did or did not win."""
    from semantic.api import load_project
    from semantic.attribution.explain import explain_order
    from semantic.backends.connect import connect_for
    from semantic.errors import QueryError

    if format not in ("table", "json"):
        raise QueryError(f"--format must be table or json, got {format!r}")
    project = load_project(config, set_ or ())
    warehouse = connect_for(project, database)
    try:
        explanation = explain_order(warehouse, project, shop, order_id, model)
    finally:
        warehouse.close()
    if format == "json":
        typer.echo(explanation.to_json())
        return
    _print_explanation(explanation)


def _print_explanation(e) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console() if Console().is_terminal else Console(width=200)
    console.print(
        f"[bold]order {e.order_id}[/] of shop {e.shop_id}, processed {e.processed_at:%Y-%m-%d %H:%M:%S} UTC "
        f"({e.model}, {e.window_days}-day window)",
        highlight=False,
    )
    console.print(
        f"credited to [bold]({e.source}, {e.medium})[/] channel {e.channel}"
        + (f", platform {e.platform}" if e.platform else "")
        + (f", touchpoint {e.touchpoint_id}" if e.touchpoint_id else ""),
        highlight=False,
    )
    console.print(f"because: {e.rule}", highlight=False, markup=False)
    table = Table(header_style="bold")
    for column in ("at (UTC)", "touchpoint", "source / medium", "channel", "classified by", "verdict"):
        table.add_column(column, overflow="fold")
    for t in e.touchpoints:
        table.add_row(
            f"{t.at:%Y-%m-%d %H:%M:%S}", t.touchpoint_id, f"{t.source} / {t.medium}", t.channel, t.rule,
            ("[green]" if t.won else "") + t.reason + ("[/]" if t.won else ""),
        )
    if e.touchpoints:
        console.print(table)
    else:
        console.print("no touchpoints of this visitor or customer before the order")


def attribution(
    relation: Annotated[str, typer.Argument(help="order_attribution, attribution_journeys, utm_issues or attribution_touchpoints.")],
    shop: Annotated[Optional[list[str]], typer.Option("--shop", help="Only this shop (repeatable).")] = None,
    model: Model = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="At most this many rows.")] = None,
    format: Annotated[str, typer.Option("--format", help="table, csv, json or parquet.")] = "table",
    output: Annotated[Optional[Path], typer.Option("--output", help="Write to this file instead of stdout.")] = None,
    database: Database = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Show an attribution relation: each order's credit, the journeys, or the malformed UTMs."""
    from semantic.api import load_project
    from semantic.attribution import relation as build_relation
    from semantic.backends.connect import connect_for
    from semantic.cli import render

    render.check_format(format, output)
    project = load_project(config, set_ or ())
    expr = build_relation(project, relation, model=model)
    if shop:
        expr = expr.filter(expr.shop_id.isin(list(shop)))
    keys = [c for c in ("shop_id", "order_id", "position", "part", "touchpoint_id", "parameter") if c in expr.columns]
    expr = expr.order_by(keys)
    if limit is not None:
        expr = expr.limit(limit)
    warehouse = connect_for(project, database)
    try:
        result = warehouse.execute(expr)
    finally:
        warehouse.close()
    render.emit(result, {c: "dimension" for c in result.column_names}, format, output)


# The commands this module adds to the app (semantic.cli.app), by name.
COMMANDS = {"explain": explain, "attribution": attribution}
