"""`semantic backfill`: recompute a date range of some shops, audited and reversible; and its subcommands.

`semantic backfill --start --end --reason --env --as [--shop]... [--metrics]...` runs;
`rollback ID`, `list`, `show ID`, `verify`, `unlock`, `prune` read or mend the log.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from semantic.cli.options import Config, Database, Overrides, parse_date, say

backfill_app = typer.Typer(
    name="backfill", invoke_without_command=True, no_args_is_help=False, add_completion=False,
    help="Recompute materialized rows for a date range (and shops), with snapshot, checks, one-transaction swap and audit.",
)
Schema = Annotated[str, typer.Option("--schema", help="Schema of the materialized tables.")]


def _open(project, database, what: str):
    from semantic.backends.backfill_lock import refusal_for_open_error
    from semantic.backends.connect import connect_for
    from semantic.errors import WarehouseError

    try:
        return connect_for(project, database)
    except WarehouseError as exc:
        raise refusal_for_open_error(exc, what) from None


@backfill_app.callback()
def backfill(
    ctx: typer.Context,
    start: Annotated[Optional[str], typer.Option("--start", help="First shop-local day, YYYY-MM-DD.")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last shop-local day, YYYY-MM-DD (inclusive).")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why (kept in the audit log).")] = None,
    shop: Annotated[Optional[list[str]], typer.Option("--shop", help="Only this shop (repeatable; default all).")] = None,
    metrics: Annotated[Optional[list[str]], typer.Option("--metrics", help="Only these metrics (repeatable; default all).")] = None,
    env: Annotated[Optional[str], typer.Option("--env", help="dev, staging or production.")] = None,
    as_: Annotated[Optional[str], typer.Option("--as", help="Your email (who triggers it).")] = None,
    approved_by: Annotated[Optional[str], typer.Option("--approved-by", help="Email of the approving manager.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan and the rows it would replace; write nothing.")] = False,
    data_checks: Annotated[bool, typer.Option("--data-checks/--no-data-checks", help="Run the catalog's data checks on the backfill's shops and days before the swap (freshness aside).")] = True,
    schema: Schema = "semantic",
    database: Database = None,
    config: Config = None,
    set_: Overrides = None,
) -> None:
    """Backfill a date range; subcommands: rollback, list, show, verify, unlock, prune."""
    if ctx.invoked_subcommand is not None:
        return
    from semantic.errors import QueryError

    missing = [flag for flag, value in (("--start", start), ("--end", end), ("--env", env), ("--as", as_)) if not value]
    if missing:
        raise QueryError(f"semantic backfill needs {', '.join(missing)}", hint="see `semantic backfill --help`")
    _run(parse_date(start, "--start"), parse_date(end, "--end"), reason or "", tuple(shop or ()), tuple(metrics or ()),
         env, as_, approved_by, dry_run, schema, database, config, set_, data_checks)


def _data_checks(project) -> tuple:
    from semantic.backends.backfill_quality import data_checks

    return (data_checks(project.catalog, project.config),)


def _run(start, end, reason, shops, metrics, env, actor, approved_by, dry_run, schema, database, config, set_, data_checks=True) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    from semantic.api import load_project
    from semantic.backends.materialized_engines import engine_for
    from semantic.backends.runner import require_known_shops
    from semantic.backfill_plan import BackfillRequest, plan_backfill
    from semantic.cli.materialize_commands import current_fingerprints
    from semantic.materialized import Layout
    from semantic.sources import Sources
    from semantic.statement_cache import StatementCache

    project = load_project(config, set_ or ())
    request = BackfillRequest(start, end, reason, env, actor, shops, metrics, approved_by)
    warehouse = _open(project, database, "the backfill")
    engine = engine_for(warehouse)
    try:
        require_known_shops(warehouse, Sources.from_config(project.config), shops)
        plan = plan_backfill(project.catalog, project.config, request, list(shops))
        layout = Layout(schema)
        say(f"plan: {start} to {end} ({plan.days} days), shops {', '.join(shops) or 'all'}, "
            f"metrics {', '.join(m.ref for m in plan.metrics)}; {'; '.join(plan.rules)}", err=True)
        if dry_run:
            found = engine.dry_run(warehouse, plan, layout)
            say(f"dry run: would replace {found['rows_to_replace']} rows (totals {found['totals']}); "
                f"checks: {', '.join(map(str, found['checks']))}; nothing was written")  # type: ignore[call-overload]
            return
        def fingerprints():
            return current_fingerprints(project, [m.ref for m in plan.metrics])

        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      console=Console(stderr=True), transient=False) as progress:
            task = progress.add_task("backfill", total=len(engine.steps))
            outcome = engine.run_backfill(
                warehouse, project.catalog, project.config, plan, fingerprints, layout,
                checks=_data_checks(project) if data_checks else (), statements=StatementCache.for_project(project),
                step=lambda name: progress.update(task, description=name, completed=engine.steps.index(name) + 1),
            )
    finally:
        warehouse.close()
    failed = [c for c in outcome.checks if not c.passed and c.level == "error"]
    warned = [c for c in outcome.checks if not c.passed and c.level != "error"]
    say(f"backfill {outcome.backfill_id} {outcome.status}: replaced {outcome.rows_before} rows with {outcome.rows_after} "
        f"in {outcome.seconds:.2f}s; totals before {outcome.totals_before}, after {outcome.totals_after}"
        + (f"; failed checks: {', '.join(f'{c.name} ({c.detail})' for c in failed)}" if failed else "")
        + (f"; warnings: {', '.join(f'{c.name} ({c.detail})' for c in warned)}" if warned else ""))
    if outcome.status != "completed":
        raise typer.Exit(1)


def _with_warehouse(schema, database, config, what: str, action):
    from semantic.api import load_project
    from semantic.materialized import Layout

    project = load_project(config)
    warehouse = _open(project, database, what)
    try:
        return action(warehouse, Layout(schema), project)
    finally:
        warehouse.close()


@backfill_app.command("rollback")
def rollback(
    backfill_id: Annotated[str, typer.Argument(help="The backfill_id to undo.")],
    as_: Annotated[str, typer.Option("--as", help="Your email.")],
    schema: Schema = "semantic", database: Database = None, config: Config = None,
) -> None:
    """Restore the rows a backfill replaced, exactly, from its snapshot (audited)."""
    from semantic.backends.materialized_engines import engine_for
    from semantic.backfill_plan import BackfillPolicy

    def act(warehouse, layout, project):
        stale = BackfillPolicy.of(project.config).lock_stale_after_seconds
        return engine_for(warehouse).rollback(warehouse, layout, backfill_id, as_, stale)

    say(f"rolled back {backfill_id}: restored {_with_warehouse(schema, database, config, 'the rollback', act)} rows")


@backfill_app.command("list")
def list_(schema: Schema = "semantic", database: Database = None, config: Config = None) -> None:
    """The audit log: one line per row, oldest first."""
    from semantic.backends.materialized_engines import engine_for

    for row in _with_warehouse(schema, database, config, "list", lambda w, layout, p: engine_for(w).audit_rows(w, layout)):
        say(f"{row['seq']:>4} {row['at']:%Y-%m-%d %H:%M:%S} {row['backfill_id']} {row['status']:<12} {row['environment']:<10} "
            f"{row['start_day']}..{row['end_day']} shops={row['shops']} by {row['triggered_by']}: {row['reason']}")


@backfill_app.command("show")
def show(backfill_id: str, schema: Schema = "semantic", database: Database = None, config: Config = None) -> None:
    """Every audit row of one backfill, as JSON."""
    import json

    from semantic.backends.materialized_engines import engine_for

    found = _with_warehouse(schema, database, config, "show", lambda w, layout, p: engine_for(w).audit_rows(w, layout, backfill_id))
    if not found:
        from semantic.errors import QueryError

        raise QueryError(f"no backfill {backfill_id} in the audit log", hint="`semantic backfill list`")
    say(json.dumps(found, indent=2, default=str))


@backfill_app.command("verify")
def verify(schema: Schema = "semantic", database: Database = None, config: Config = None) -> None:
    """Check the audit log's hash chain: any edited, inserted or deleted row is reported (exit 1)."""
    from semantic.backends.materialized_engines import engine_for

    result = _with_warehouse(schema, database, config, "verify", lambda w, layout, p: engine_for(w).verify(w, layout))
    for problem in result.problems:
        say(f"tampered: {problem}")
    say(f"{result.rows} audit rows, head {result.head[:16]}: {'TAMPERED' if result.problems else 'intact'}")
    if result.problems:
        raise typer.Exit(1)


@backfill_app.command("unlock")
def unlock(schema: Schema = "semantic", database: Database = None, config: Config = None) -> None:
    """Break a stale backfill lock explicitly (refused while its holder is alive on PostgreSQL)."""
    from semantic.backends.materialized_engines import engine_for

    found = _with_warehouse(schema, database, config, "unlock", lambda w, layout, p: engine_for(w).unlock(w, layout))
    say(f"broke the lock of {found.describe()}" if found else "no backfill lock is held")


@backfill_app.command("prune")
def prune(schema: Schema = "semantic", database: Database = None, config: Config = None) -> None:
    """Delete snapshots older than \\[backfill] snapshot_retention_days (default 7)."""
    from semantic.backends.materialized_engines import engine_for
    from semantic.backfill_plan import BackfillPolicy

    def act(warehouse, layout, project):
        return engine_for(warehouse).prune(warehouse, layout, BackfillPolicy.of(project.config).snapshot_retention_days)

    say(f"pruned {_with_warehouse(schema, database, config, 'prune', act)} snapshot rows")


BANNER = "Data is being reprocessed. Metrics may be temporarily inconsistent."


def status(
    format: Annotated[str, typer.Option("--format", help="table or json (for dashboards).")] = "table",
    schema: Schema = "semantic", database: Database = None, config: Config = None,
) -> None:
    """Whether a backfill is reprocessing data now (the banner dashboards show), and the last build."""
    import json

    from semantic.backends.materialized_engines import engine_for
    from semantic.errors import QueryError, shown

    if format not in ("table", "json"):
        raise QueryError(f"--format must be table or json, got {shown(format)}")

    def act(warehouse, layout, project):
        engine = engine_for(warehouse)
        return engine.holder(warehouse, layout), engine.state(warehouse, layout)

    running, built = _with_warehouse(schema, database, config, "status", act)
    report = {
        "reprocessing": running is not None,
        "banner": BANNER if running else None,
        "backfill": None if running is None else {
            "backfill_id": running.backfill_id, "owner": running.owner,
            "since": running.acquired_at.isoformat(), "heartbeat": running.heartbeat_at.isoformat(),
        },
        "last_build": None if built is None else {"run_id": built.run_id, "built_at": built.built_at.isoformat()},
    }
    if format == "json":
        typer.echo(json.dumps(report, indent=2))
        return
    if running:
        say(f"{BANNER}\n{running.describe()}")
    else:
        say("no backfill is running")
    say(f"last build: {built.built_at:%Y-%m-%d %H:%M:%S} UTC (run {built.run_id})" if built else "nothing is built yet")


COMMANDS = {"backfill": backfill_app, "status": status}
