"""`semantic check --database`: the data checks of the project's catalog, run in the warehouse.

The governance part of `semantic check` (definitions) lives in governance_commands;
this module runs the data checks and prints them. It adds no command of its own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

import typer

from semantic.cli.options import say


@dataclass(frozen=True)
class DataCheckOptions:
    """The options of `semantic check` that concern the data."""

    format: str = "text"
    select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    shops: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    show_sql: bool = False
    store_failures: bool = False
    alert: bool = False
    warn_error: bool = False
    record: bool | None = None  # None: [quality] history decides


def check_data(project, database: str, options: DataCheckOptions, findings: list, render: Callable[[list, str], str]) -> int:
    """Run and print the data checks after the definitions' findings; the exit code of both.

    `project` is None when metrics.toml is invalid: its finding is printed and nothing runs (exit 2).
    """
    from semantic.governance.findings import has_errors

    failed = has_errors(findings) or (options.warn_error and bool(findings))
    if project is None:
        typer.echo(render(findings, "text"), err=True)
        return 2
    run = run_data_checks(
        project, database, select=options.select, exclude=options.exclude, shops=options.shops,
        start=options.start, end=options.end, store_failures=options.store_failures,
    )
    if options.format == "json":
        print_data_checks(run, options.format, options.show_sql, definitions_json=render(findings, "json"))
    else:
        if findings and options.format in ("text", "markdown", "github"):
            typer.echo(render(findings, options.format))
        elif failed:  # JUnit holds the data checks; the definitions' errors go to stderr
            typer.echo(render(findings, "text"), err=True)
        print_data_checks(run, options.format, options.show_sql)
    quality = project.config.quality
    if options.record if options.record is not None else quality.history:
        record_and_report(project, database, run, options.shops)
    if options.alert:
        send_and_report(run, quality.alerts)
    return 1 if failed or run.exit_code(options.warn_error) else 0


def run_data_checks(
    project,
    database: str | None,
    *,
    select: tuple[str, ...],
    exclude: tuple[str, ...],
    shops: tuple[str, ...],
    start: dt.date | None,
    end: dt.date | None,
    store_failures: bool = False,
):
    """The CheckRun of the selected checks (ContractError/WarehouseError propagate: exit 3)."""
    from semantic.backends.connect import connect_for
    from semantic.backends.quality import run_checks
    from semantic.checks import CheckScope

    warehouse = connect_for(project, database)
    try:
        return run_checks(warehouse, project.catalog, project.config, CheckScope(select, exclude, shops, start, end), store_failures=store_failures)
    finally:
        warehouse.close()


def print_data_checks(run, format: str, show_sql: bool, definitions_json: str | None = None) -> None:
    from semantic.quality_report import render_json, render_run

    if format == "json":
        data = json.loads(render_json(run))
        if definitions_json is not None:
            data = {"definitions": json.loads(definitions_json), "data": data}
        print(json.dumps(data, indent=2))
        return
    text = render_run(run, format, show_sql)
    if format == "junit":
        print(text)  # XML: values already escaped by the renderer
    else:
        say(text)


def record_and_report(project, database: str, run, shops: tuple[str, ...]) -> None:
    """Append the run to the check history; say on stderr where, or why not (the results are already printed)."""
    from semantic.backends.check_history import HISTORY_TABLE, record_run
    from semantic.backends.connect import connect_for
    from semantic.errors import SemanticError

    schema = project.config.quality.history_schema
    try:
        warehouse = connect_for(project, database)
        try:
            run_id = record_run(warehouse, run, schema, shops)
        finally:
            warehouse.close()
    except SemanticError as exc:
        say(f"history: not recorded: {exc.message}", err=True)
        return
    say(f"history: recorded {len(run.results)} result(s) as run {run_id} in {schema}.{HISTORY_TABLE}", err=True)


def show_history(project, database: str, check: str | None, limit: int, format: str) -> None:
    """`semantic check history`: the newest recorded results, newest first (writes nothing)."""
    from semantic.backends.check_history import HISTORY_TABLE, read_history
    from semantic.backends.connect import connect_for
    from semantic.errors import UnknownNameError

    if check is not None and check not in project.catalog.checks:
        raise UnknownNameError("check", check, project.catalog.checks)
    schema = project.config.quality.history_schema
    warehouse = connect_for(project, database)
    try:
        rows = read_history(warehouse, schema, check, limit)
    finally:
        warehouse.close()
    if format == "json":
        print(json.dumps([{**r.__dict__, "started_at": r.started_at.isoformat()} for r in rows], indent=2))
        return
    if not rows:
        say(f"no check history in {schema}.{HISTORY_TABLE}: record some with `semantic check --database URL --record`")
        return
    lines = []
    for r in rows:
        started = r.started_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        threshold = f", threshold {r.threshold}" if r.threshold else ""
        lines.append(
            f"{started}  {r.status.upper():4}  {r.check_name}: {r.offending:,} offending{threshold}  [{r.duration_seconds:.2f}s]"
            f"  shops: {r.shops or 'all'}  run {r.run_id[:8]}"
        )
    say("\n".join(lines))


def send_and_report(run, settings) -> None:
    """Send the run's alerts; say on stderr what was delivered and what was not (the results are already printed)."""
    from semantic.backends.alerts import send_alerts

    for outcome in send_alerts(run, settings):
        if outcome.delivered:
            say(f"alert: sent the {outcome.channel} message to {outcome.endpoint}", err=True)
        else:
            say(f"alert: could not send the {outcome.channel} message: {outcome.detail}", err=True)


COMMANDS: dict = {}
