"""`semantic build`: materialize the attributed orders and the daily metric parts in the warehouse."""

from __future__ import annotations

from typing import Annotated

import typer

from semantic.cli.options import Config, Database, Overrides, say

Schema = Annotated[str, typer.Option("--schema", help="Schema of the materialized tables (default: semantic).")]


def current_fingerprints(project, refs) -> dict[str, str | None]:
    """The governance fingerprint of each ref as the project defines it now (cached on disk)."""
    from semantic.governance.fingerprint import compile_for_governance

    return {ref: compile_for_governance(project, ref, ()).fingerprint for ref in refs}


def build(
    database: Database = None,
    schema: Schema = "semantic",
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Materialize attributed orders and every metric's additive parts per shop and day, in one transaction."""
    from rich.console import Console

    from semantic.api import load_project
    from semantic.backends.connect import connect_for
    from semantic.backends.materialized_engines import engine_for
    from semantic.materialized import Layout, materialized_metrics

    project = load_project(config, set_ or ())
    metrics = materialized_metrics(project.catalog, project.config)
    refs = [m.ref for m in metrics] + [m.ref for m in project.catalog.latest(project.config) if m.name == "attributed_orders"]
    fingerprints = current_fingerprints(project, refs)
    warehouse = connect_for(project, database)
    console = Console(stderr=True)
    try:
        with console.status("building") as status:
            report = engine_for(warehouse).build(
                warehouse, project.catalog, project.config, fingerprints, Layout(schema),
                step=lambda what: status.update(f"building {what}"),
            )
    finally:
        warehouse.close()
    say(
        f"built schema {report.schema}: {sum(report.rows.values())} daily rows of {len(report.rows)} metrics, "
        f"{report.orders} attributed orders (run {report.run_id}, {report.built_at:%Y-%m-%d %H:%M:%S} UTC)"
    )


COMMANDS = {"build": build}
