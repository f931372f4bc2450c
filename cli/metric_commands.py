"""`semantic query`, `compile`, `export` and `metrics`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from semantic.cli.options import Config, Database, Overrides, parse_date, say

Metrics = Annotated[list[str], typer.Argument(help="Metric names, e.g. revenue aov, or revenue@1 for a version.")]
DESCRIPTION_SHOWN = 300  # characters of a description in the `metrics` table
By = Annotated[Optional[list[str]], typer.Option("--by", help="Split by a dimension: day, week, month, shop (repeatable).")]


def query(
    metrics: Metrics,
    by: By = None,
    shop: Annotated[Optional[list[str]], typer.Option("--shop", help="Only this shop (repeatable).")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First shop-local day, YYYY-MM-DD (inclusive).")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last shop-local day, YYYY-MM-DD (inclusive).")] = None,
    fill: Annotated[bool, typer.Option("--fill", help="Dense calendar: every bucket from --start to --end appears.")] = False,
    format: Annotated[str, typer.Option("--format", help="table, csv, json or parquet.")] = "table",
    output: Annotated[Optional[Path], typer.Option("--output", help="Write to this file instead of stdout.")] = None,
    model: Annotated[
        Optional[str], typer.Option("--model", help="Attribution model: last_click (default), first_click or linear.")
    ] = None,
    from_: Annotated[
        str, typer.Option("--from", help="sources (default), materialized (`semantic build`'s tables) or auto.")
    ] = "sources",
    schema: Annotated[str, typer.Option("--schema", help="Schema of the materialized tables.")] = "semantic",
    database: Database = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Compute metrics on the warehouse, split by dimensions."""
    from semantic.api import load_project, query_spec
    from semantic.backends.connect import connect_for, dialect_for
    from semantic.backends.runner import run_compiled, run_query
    from semantic.cli import render
    from semantic.compile_cache import compiled_query
    from semantic.sources import Sources

    render.check_format(format, output)
    project = load_project(config, set_ or ())
    spec = query_spec(
        metrics, by=by or (), shops=shop or (), start=parse_date(start, "--start"), end=parse_date(end, "--end"),
        options={"model": model} if model else None,
        fill=fill,
    )
    # Compiled once (and cached per project and query): see semantic/compile_cache.py.
    compiled = compiled_query(project, spec, dialect_for(project, database))
    _warn(compiled.warnings)
    warehouse = connect_for(project, database)
    try:
        if from_ != "sources":
            built = _choose(warehouse, project, spec, from_, schema)
            result, shown = run_query(warehouse, built), built
        else:
            result, shown = run_compiled(warehouse, compiled, Sources.from_config(project.config)), compiled
        notes = _notes(warehouse, project, spec)
    finally:
        warehouse.close()
    _warn(tuple(notes), "note: ")
    emit(result, shown, format, output)


def _notes(warehouse, project, spec) -> list[str]:
    """What the reader should know about the data counted (refunds of never-loaded orders under refund_date)."""
    if project.config.revenue.refund_dating != "refund_date":
        return []  # nothing to say, and no expression to build (a cached query runs without Ibis)
    from semantic.backends.runner import query_notes
    from semantic.query import build_query

    return query_notes(warehouse, build_query(project.catalog, project.config, spec))


def _choose(warehouse, project, spec, mode: str, schema: str):
    """The query from the materialized tables or the sources; says on stderr which and why."""
    from semantic.backends.materialize import choose
    from semantic.cli.materialize_commands import current_fingerprints
    from semantic.materialized import Layout

    choice = choose(
        warehouse, project.catalog, project.config, spec,
        lambda ref: current_fingerprints(project, [ref])[ref], mode, Layout(schema),
    )
    say(f"answered from {choice.source}: {choice.reason}", err=True)
    return choice.built


def _warn(warnings: tuple[str, ...], label: str = "warning: ") -> None:
    if not warnings:
        return  # and rich is not imported
    from rich.console import Console
    from rich.text import Text

    console = Console(stderr=True)
    for warning in warnings:
        console.print(Text.assemble((label, "bold yellow"), warning))


def emit(result, built, format: str, output: Path | None) -> None:
    from semantic.cli import render

    render.emit(result, {c.name: c.unit for c in built.columns}, format, output)


def compile_(
    metrics: Metrics,
    dialect: Annotated[str, typer.Option("--dialect", help="duckdb, postgres, bigquery or pyspark.")] = "duckdb",
    by: By = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Print the SQL of a query (default: each metric by day and shop) in a dialect."""
    from semantic.api import load_project, query_spec
    from semantic.compile_cache import compiled_query
    from semantic.config import check_dialect

    check_dialect(dialect)
    project = load_project(config, set_ or ())
    spec = query_spec(metrics, by=by if by is not None else ("day", "shop"))
    print_sql(compiled_query(project, spec, dialect).sql + ";")


def print_sql(sql: str) -> None:
    """Print SQL exactly as the engine runs it: its literals' whitespace (the TRIM set of tab, CR, VT,
    FF) kept, so that the text pasted or piped elsewhere gives the same rows. Any other control
    character (from a project's own values) is shown escaped, with a warning that the exact text
    is in `semantic export`'s files."""
    from semantic.printable import printable

    shown_sql = printable(sql, keep_whitespace=True)
    typer.echo(shown_sql)
    if shown_sql != sql:
        say("warning: the SQL holds control characters, shown escaped above, so this text is not the "
            "statement that runs; `semantic export --dialect D --out DIR` writes it exactly", err=True)


def export(
    dialect: Annotated[str, typer.Option("--dialect", help="duckdb, postgres, bigquery or pyspark.")],
    out: Annotated[Path, typer.Option("--out", help="Directory to write the .sql files into.")],
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Write one runnable .sql file per metric, plus views.sql creating them all as views."""
    from semantic.api import load_project
    from semantic.export import export_project

    project = load_project(config, set_ or ())
    written = export_project(project, dialect, out)
    say(f"wrote {len(written)} files to {out}")


def metrics_(
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    config: Config = None,
) -> None:
    """List metrics: name, version, owner, status, description."""
    import json

    from semantic.api import describe_metrics, load_project
    from semantic.errors import QueryError, shown

    if format not in ("table", "json"):
        raise QueryError(f"--format must be table or json, got {shown(format)}")
    project = load_project(config)
    rows = [
        {
            "name": info.name,
            "version": info.metric.version,
            "unit": info.metric.unit,
            "owner": info.owner,
            "status": info.status,
            "description": info.description,
        }
        for info in describe_metrics(project)
    ]
    if format == "json":
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console

    from semantic.cli.tables import cell_text, print_rows
    from semantic.printable import shorten

    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(width=1000, highlight=False)
    columns = ["name", "version", "owner", "status", "description"]
    # A table shows the start of a long description (laying out megabytes takes seconds); JSON has all of it.
    cells = [
        {
            "name": cell_text(row["name"]), "version": str(row["version"]), "owner": cell_text(row["owner"] or "-"),
            "status": cell_text(row["status"]), "description": cell_text(shorten(str(row["description"] or ""), DESCRIPTION_SHOWN)),
        }
        for row in rows
    ]
    print_rows(console, cells, columns, rigid={"version"}, right=set())


# The commands this module adds to the app (semantic.cli.app), by name.
COMMANDS = {"query": query, "compile": compile_, "export": export, "metrics": metrics_}
