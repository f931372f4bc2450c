"""`semantic demo` and `semantic load`: getting data into the warehouse."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from semantic.cli.options import Config, Database, Overrides

DEMO_METRICS = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")


def demo(
    orders: Annotated[int, typer.Option("--orders", min=100, help="How many orders to generate.")] = 20_000,
    shops: Annotated[int, typer.Option("--shops", min=1, max=50, help="How many shops.")] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same shops.")] = 7,
    force: Annotated[bool, typer.Option("--force", help="Replace contract tables not made by the demo.")] = False,
    database: Database = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Generate a realistic multi-shop warehouse and print the core metrics by month and shop."""
    import time

    from rich.console import Console
    from rich.text import Text

    from semantic.api import build_query, load_project
    from semantic.backends.runner import run_query
    from semantic.backends.connect import connect_for
    from semantic.backends.demo_marker import demo_owns
    from semantic.cli.metric_commands import emit
    from semantic.contract import CONTRACT
    from semantic.demo_data import generate
    from semantic.errors import ConfigError
    from semantic.printable import printable
    from semantic.sources import Sources

    console = Console(stderr=True)
    project = load_project(config, set_ or ())
    warehouse = connect_for(project, database, create=True)
    try:
        sources = Sources.from_config(project.config)
        physical = {t: (sources.physical(t).name, sources.physical(t).database) for t in CONTRACT}
        found = warehouse._columns_of(list(physical.values()))  # one catalog statement for every table
        existing = [t for t in CONTRACT if found[physical[t]]]
        if existing and not force and not demo_owns(warehouse, sources):
            raise ConfigError(
                f"{warehouse.url.redacted} already holds contract tables ({', '.join(existing)}) not written by the demo "
                "(loaded, or changed since)",
                hint="pass --database duckdb:///another.duckdb, or --force to replace them",
            )
        started = time.perf_counter()
        with console.status(f"generating {orders:,} orders in {shops} shops"):
            tables = generate(orders=orders, shops=shops, seed=seed)
        generated = time.perf_counter() - started
        where = printable(warehouse.url.redacted)
        with console.status(f"loading into {where}"):
            counts = warehouse.load(tables, sources, made_by_demo=True)
        console.print(
            Text(f"generated in {generated:.1f}s, loaded " + ", ".join(f"{n:,} {t}" for t, n in counts.items()) + f" into {where}"),
            highlight=False,
        )
        built = build_query(project, DEMO_METRICS, by=("month", "shop"))
        result = run_query(warehouse, built)
    finally:
        warehouse.close()
    emit(result, built, "table", None)


def load(
    directory: Annotated[
        Path, typer.Argument(help="Folder of <table>.csv or <table>.parquet files, or Shopify's shop.json with orders.json (REST) or orders.jsonl (GraphQL bulk).")
    ],
    strict: Annotated[
        bool, typer.Option("--strict", help="Refuse files with columns outside the contract or without rows (warnings otherwise).")
    ] = False,
    no_checks: Annotated[
        bool, typer.Option("--no-checks", help="Do not run the blocking data checks on the rows before they are committed.")
    ] = False,
    database: Database = None,
    config: Config = None,
) -> None:
    """Load CSV or Parquet files named after contract tables, replacing those tables in one transaction.

    Before the commit, the blocking row-level data checks (duplicate keys, NULL order ids, Shopify's
    statuses, time zones, currencies, unknown shops, orphan refunds...) run on the rows as they would be
    committed; a failure names the file lines and loads nothing (exit 1). --no-checks skips them.
    """
    from rich.console import Console
    from rich.text import Text

    from semantic.api import load_project
    from semantic.backends.connect import connect_for
    from semantic.backends.shopify_json import read_load_folder
    from semantic.errors import ConfigError
    from semantic.printable import printable
    from semantic.sources import Sources

    project = load_project(config)
    files, checked = read_load_folder(directory)
    warnings = [w for item in checked.values() for w in item.warnings]
    if strict and warnings:
        raise ConfigError(
            f"--strict: {len(warnings)} problem(s), nothing loaded: " + "; ".join(warnings),
            hint="remove the extra columns or empty files, or load without --strict",
        )
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    for warning in warnings:
        console.print(Text.assemble(("warning: ", "bold yellow"), printable(warning)))
    warehouse = connect_for(project, database, create=True)
    try:
        before_commit = None
        if not no_checks and not warehouse.READS_OWN_LOAD:
            console.print(Text.assemble(("warning: ", "bold yellow"), f"{warehouse.dialect} loads are staged outside the tables until "
                                        "the swap, so the data checks cannot see the new rows and did not run; run "
                                        "`semantic check --database URL` after the load"))
        elif not no_checks:
            from semantic.backends.load_checks import door

            files_read = {logical: (files[logical], item.table) for logical, item in checked.items()}
            before_commit = door(warehouse, project.catalog, project.config, files_read, _report_load_checks)
        tables = {logical: item.table for logical, item in checked.items()}
        counts = warehouse.load(tables, Sources.from_config(project.config), before_commit=before_commit)
    finally:
        warehouse.close()
    for logical, count in counts.items():
        typer.echo(f"{logical}: {count:,} rows from {printable(files[logical].name)}")


def _report_load_checks(run, rows: dict[str, list[str]]) -> None:
    """On stderr: each check that found rows, as `semantic check` prints it, with the file lines they are on."""
    import dataclasses

    from semantic.cli.options import say
    from semantic.quality_report import render_text

    lines = []
    for result in (r for r in run.results if r.status in ("fail", "warn")):
        lines += render_text(dataclasses.replace(run, results=(result,))).splitlines()[:-1]  # without the summary
        lines += [f"      in {where}" for where in rows.get(result.name, ())]
    if lines:
        say("\n".join(lines), err=True)


# The commands this module adds to the app (semantic.cli.app), by name.
COMMANDS = {"demo": demo, "load": load}
