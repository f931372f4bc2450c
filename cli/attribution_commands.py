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
    from semantic.backends.runner import require_known_shops
    from semantic.errors import QueryError, shown
    from semantic.sources import Sources

    if format not in ("table", "json"):
        raise QueryError(f"--format must be table or json, got {shown(format)}")
    project = load_project(config, set_ or ())
    warehouse = connect_for(project, database)
    try:
        require_known_shops(warehouse, Sources.from_config(project.config), [shop])
        explanation = explain_order(warehouse, project, shop, order_id, model)
    finally:
        warehouse.close()
    if format == "json":
        typer.echo(explanation.to_json())
        return
    _print_explanation(explanation)


def headline(e) -> list[str]:
    """What the explanation says first: who got the credit, and why (plain text, control characters visible).

    Under a model that shares the credit (linear), every touchpoint that won a part
    is named, so the headline agrees with the table below it.
    """
    from semantic.printable import printable

    lines = [f"order {e.order_id} of shop {e.shop_id}, processed {e.processed_at:%Y-%m-%d %H:%M:%S} UTC ({e.model}, {e.window_days}-day window)"]
    winners = [t for t in e.touchpoints if t.won]
    if len(winners) > 1:
        parts = ", ".join(f"{t.touchpoint_id} ({t.source}, {t.medium}) {t.channel}" for t in winners)
        lines.append(f"credit shared by {len(winners)} touchpoints: {parts}")
        lines.append(f"because: the {e.model} model gives each click in the window its part (see each verdict)")
    else:
        lines.append(
            f"credited to ({e.source}, {e.medium}) channel {e.channel}"
            + (f", platform {e.platform}" if e.platform else "")
            + (f", touchpoint {e.touchpoint_id}" if e.touchpoint_id else "")
        )
        lines.append(f"because: {e.rule}")
    return [printable(line) for line in lines]


def _print_explanation(e) -> None:
    from rich.console import Console
    from rich.text import Text

    from semantic.cli.tables import cell_text, print_rows

    console = Console(highlight=False) if Console().is_terminal else Console(width=200, highlight=False)
    first, *rest = headline(e)
    console.print(Text(first, style="bold"), soft_wrap=True)
    for line in rest:
        console.print(Text(line), soft_wrap=True)
    if not e.touchpoints:
        console.print("no touchpoints of this visitor or customer before the order", markup=False)
        return
    columns = ["at (UTC)", "touchpoint", "source / medium", "channel", "classified by", "verdict"]
    cells = [
        {
            "at (UTC)": f"{t.at:%Y-%m-%d %H:%M:%S}", "touchpoint": cell_text(t.touchpoint_id),
            "source / medium": cell_text(f"{t.source} / {t.medium}"), "channel": cell_text(t.channel),
            "classified by": cell_text(t.rule), "verdict": cell_text(t.reason),
        }
        for t in e.touchpoints
    ]
    styles = {(i, "verdict"): "green" for i, t in enumerate(e.touchpoints) if t.won}
    print_rows(console, cells, columns, rigid={"at (UTC)"}, right=set(), styles=styles)


def attribution(
    relation: Annotated[str, typer.Argument(help="order_attribution, attribution_journeys, utm_issues or attribution_touchpoints.")],
    shop: Annotated[Optional[list[str]], typer.Option("--shop", help="Only this shop (repeatable).")] = None,
    model: Model = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many rows (0 or more).")] = None,
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
    from semantic.backends.runner import require_known_shops
    from semantic.sources import Sources
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
        require_known_shops(warehouse, Sources.from_config(project.config), shop or ())
        result = warehouse.execute(expr)
    finally:
        warehouse.close()
    render.emit(result, {c: "dimension" for c in result.column_names}, format, output)


# The commands this module adds to the app (semantic.cli.app), by name.
COMMANDS = {"explain": explain, "attribution": attribution}
