"""`semantic check`, `diff`, `approve`, `lock` and `codeowners`: governance from metrics.toml."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from semantic.cli.options import Config, Database, say

Author = Annotated[
    Optional[str],
    typer.Option(
        "--author",
        help="Email of the change's author (approvals by the author do not count). "
        "Default: `git config user.email`, else the last commit author of metrics.toml.",
    ),
]


def _for_terminal(text: str, format: str) -> str:
    """Text formats with control characters from metrics.toml or data made visible; JSON exact."""
    from semantic.printable import printable

    return text if format == "json" else printable(text, keep_newlines=True)


def _format(value: str, allowed: tuple[str, ...]) -> str:
    from semantic.errors import GovernanceError, shown

    if value not in allowed:
        raise GovernanceError(f"--format must be one of {', '.join(allowed)}, got {shown(value)}")
    return value


def check(
    action: Annotated[Optional[str], typer.Argument(help="`history`: show recorded results of the data checks (with --database).", show_default=False)] = None,
    format: Annotated[str, typer.Option("--format", help="text, json, markdown or github (annotations).")] = "text",
    author: Author = None,
    today: Annotated[Optional[str], typer.Option("--today", help="Judge sunsets as of this day, YYYY-MM-DD (default: today).")] = None,
    warn_error: Annotated[bool, typer.Option("--warn-error", help="Fail (exit 1) on warnings and future errors too.")] = False,
    database: Database = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="With --database: only checks with this name, tag or source (tag:pii, source:orders).")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help="With --database: skip checks with this name, tag or source.")] = None,
    shop: Annotated[Optional[list[str]], typer.Option("--shop", help="With --database: only the offending rows of this shop (repeatable).")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="With --database: first shop-local day of day-level checks, YYYY-MM-DD.")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="With --database: last shop-local day of day-level checks, YYYY-MM-DD.")] = None,
    show_sql: Annotated[bool, typer.Option("--show-sql", help="With --database: print the SQL that finds each check's offending rows.")] = False,
    store_failures: Annotated[bool, typer.Option("--store-failures", help="With --database: keep each failed check's rows in a table of schema semantic_check_failures (one per run).")] = False,
    alert: Annotated[bool, typer.Option("--alert", help="With --database: post failures and warnings to the webhooks of \\[quality.alerts].")] = False,
    data_only: Annotated[bool, typer.Option("--data-only", help="With --database: run the data checks only, not the governance of definitions.")] = False,
    record: Annotated[Optional[bool], typer.Option("--record/--no-record", help="With --database: append the results to the check_runs history table (schema \\[quality] history_schema, default semantic). Default: \\[quality] history, off.")] = None,
    history_check: Annotated[Optional[str], typer.Option("--check", help="With history: only this check's results.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="With history: how many rows, newest first.")] = 20,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="With --database: only the data checks of metrics whose fingerprints changed since this git revision, and of their downstream metrics.")] = None,
    config: Config = None,
) -> None:
    """Validate governance (owners, compiling, fingerprints, versions, approvals, changelog); with --database, the data too.

    The author of the change is `--author`, else `git config user.email`, else the
    last commit author of metrics.toml. With --database, the data checks of the
    catalog run in the warehouse (duplicates, NULLs, Shopify's values, orphans,
    amounts, freshness, types, PII) and print each failure's table, column,
    first offending rows and fix; formats text, json, junit or markdown.
    Exit 1 on any error (with --warn-error, on any finding or warning), 0
    otherwise; 2 for a configuration error, 3 when the warehouse fails.

    Example: semantic check --format github
    Example: semantic check --database demo.duckdb --format junit > checks.xml
    Example: semantic check --database demo.duckdb --changed-since origin/main
    Example: semantic check --database demo.duckdb --record   (append to semantic.check_runs)
    Example: semantic check history --database demo.duckdb --check freshness --limit 10
    """
    from semantic.cli.options import parse_date
    from semantic.errors import ConfigError
    from semantic.governance.check import check_project, config_error_finding
    from semantic.governance.git import resolve_author
    from semantic.governance.findings import has_errors
    from semantic.governance.render import CHECK_FORMATS, render_findings
    from semantic.project import find_project

    if action is not None:
        _history(action, config, database, history_check, limit, format)
        return
    if database is not None:
        from semantic.quality_report import QUALITY_FORMATS

        _format(format, QUALITY_FORMATS)
    else:
        _format(format, CHECK_FORMATS)
    day = parse_date(today, "--today")
    project = None
    try:
        project = find_project(config)
        if data_only and database is not None:
            findings = []
        else:
            author_email = resolve_author(author, project.root, project.path.name if project.path else "metrics.toml")
            findings = check_project(project, author_email, day)
    except ConfigError as exc:
        # An invalid metrics.toml is the first thing check reports, as a finding with its line.
        findings = [config_error_finding(exc)]
    failed = has_errors(findings) or (warn_error and bool(findings))
    if database is None:
        typer.echo(_for_terminal(render_findings(findings, format), format))
        raise typer.Exit(1 if failed else 0)
    from semantic.cli.quality_commands import DataCheckOptions, check_data

    if changed_since is not None and project is not None:
        select = _slim_selection(project, changed_since, select)
        if select is None:
            raise typer.Exit(1 if failed else 0)
    options = DataCheckOptions(
        format=format, select=tuple(select or ()), exclude=tuple(exclude or ()), shops=tuple(shop or ()),
        start=parse_date(start, "--start"), end=parse_date(end, "--end"), show_sql=show_sql,
        store_failures=store_failures, alert=alert, warn_error=warn_error, record=record,
    )
    raise typer.Exit(check_data(project, database, options, findings, lambda f, fmt: _for_terminal(render_findings(f, fmt), fmt)))


def _slim_selection(project, revision: str, select: list[str] | None) -> list[str] | None:
    """The --select tokens of a slim run (None: nothing to run); says on stderr what is skipped."""
    from semantic.errors import GovernanceError
    from semantic.governance.slim import changed_since, skipped_checks

    if select:
        raise GovernanceError("--changed-since chooses the checks itself; use it without --select", hint="or --select without --changed-since")
    slim = changed_since(project, revision)
    say(slim.describe(), err=True)
    tokens = [f"metric:{name}" for name in slim.selected]
    skipped = skipped_checks(project, tokens, slim.selected)
    if skipped:
        say(f"skipped checks: {', '.join(skipped)}", err=True)
    return tokens or None


def lock(
    metrics: Annotated[Optional[list[str]], typer.Argument(help="Only these metrics (default: all).")] = None,
    baseline: Annotated[bool, typer.Option("--baseline", help="Adopting governance on existing metrics: lock all and record --by's baseline approval of each, in metrics.toml and the changelog.")] = False,
    by: Annotated[Optional[str], typer.Option("--by", help="With --baseline: email of who accepts the existing definitions.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 when a fingerprint is not recorded (for pre-commit and CI).")] = False,
    config: Config = None,
) -> None:
    """Record each metric's current fingerprint in metrics.toml (comments and layout kept).

    Without names, every metric that has a `\\[metrics.NAME]` entry; a named metric
    without one gets an entry. A superseded fingerprint moves, with the names of
    its approvers, under the metric's `versions`.

    Example: semantic lock revenue; semantic lock --baseline --by analytics-lead@example.com
    """
    from semantic.governance.approvals import lock_project
    from semantic.project import find_project

    project = find_project(config)
    if baseline or by:
        _baseline(project, baseline, by, metrics)
        return
    changes = lock_project(project, tuple(metrics or ()), write=not check)
    if check:
        for change in changes:
            say(f"{change.name}: recorded {change.before or 'nothing'}, now {change.after}: run `semantic lock {change.name}`")
        if changes:
            raise typer.Exit(1)
        typer.echo("every fingerprint is recorded")
        return
    if not metrics:
        for name in project.catalog.names():
            if name not in project.config.metrics:
                say(f"{name}: no [metrics.{name}] entry yet; add its owner and description, or run `semantic lock {name}`")
    for change in changes:
        moved = f" (previous record kept as versions.{change.archived_as})" if change.archived_as else ""
        say(f"{change.name}: {change.before or 'unrecorded'} -> {change.after}{moved}")
    if not changes:
        typer.echo("every fingerprint is already recorded")


def _baseline(project, baseline: bool, by: str | None, metrics: list[str] | None) -> None:
    from semantic.errors import GovernanceError
    from semantic.governance.approvals import baseline as record_baseline

    if not baseline or not by or metrics:
        raise GovernanceError("--baseline and --by go together, without metric names", hint="semantic lock --baseline --by you@example.com")
    accepted = record_baseline(project, by)
    for ref, fingerprint in accepted:
        say(f"{ref}: baseline {fingerprint} accepted by {by}")
    if not accepted:
        typer.echo("no metric has a [metrics.NAME] entry to baseline; add owners and descriptions first")


def approve(
    metric: Annotated[str, typer.Argument(help="The metric (or governed definition) to approve.")],
    by: Annotated[str, typer.Option("--by", help="Email of the approver.")],
    config: Config = None,
) -> None:
    """Record an approval of METRIC's current fingerprint (who, when, which fingerprint) in metrics.toml.

    Example: semantic approve revenue --by analyst@example.com
    """
    from semantic.governance.approvals import approve as record
    from semantic.project import find_project

    fingerprint, added = record(find_project(config), metric, by)
    say(f"{metric}: {'approved' if added else 'already approved'} by {by} at fingerprint {fingerprint}")


def codeowners(
    output: Annotated[Optional[str], typer.Option("--output", help="Where to write (default: \\[policy] codeowners, .github/CODEOWNERS).")] = None,
    config: Config = None,
) -> None:
    """Write .github/CODEOWNERS: metrics.toml and the files behind each metric -> their owners.

    Example: semantic codeowners && git add .github/CODEOWNERS
    """
    from pathlib import Path

    from semantic.atomic_files import write_atomically
    from semantic.governance.codeowners import file_owners, render_codeowners
    from semantic.governance.git import repository_root
    from semantic.governance.policy import load_policy
    from semantic.project import find_project

    project = find_project(config)
    root = repository_root(project.root) or project.root
    target = Path(output) if output else root / load_policy(project).codeowners
    owners = file_owners(project, root)
    write_atomically(target, render_codeowners(owners))
    say(f"wrote {target} ({len(owners)} paths)")


def diff(
    base: Annotated[str, typer.Option("--base", help="Git revision to compare against, e.g. main or HEAD~1.")],
    head: Annotated[Optional[str], typer.Option("--head", help="Git revision of the change (default: the working tree).")] = None,
    format: Annotated[str, typer.Option("--format", help="text, markdown (a pull-request comment) or json.")] = "text",
    author: Author = None,
    database: Database = None,
    start: Annotated[Optional[str], typer.Option("--start", help="With --database: first day evaluated (default: 28 days before --end).")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="With --database: last day evaluated (default: yesterday).")] = None,
    config: Config = None,
) -> None:
    """What a change does to every metric, between two git revisions, and whether the policy is met.

    Builds each revision in its own process (the base in a temporary git worktree),
    then reports added, removed, changed and unchanged metrics with the kind of
    change, the SQL diff, versions, approvals, changelog and dependents. With
    --database, also evaluates both sides over a window. Exit 0 when the change
    satisfies the policy, 1 when not, 2 for a bad revision or configuration.

    Example: semantic diff --base main --format markdown > comment.md
    """
    from semantic.cli.options import parse_date
    from semantic.governance.diff import DIFF_FORMATS, diff_revisions
    from semantic.governance.render import render_diff
    from semantic.governance.git import resolve_author
    from pathlib import Path
    import os

    _format(format, DIFF_FORMATS)
    report = diff_revisions(
        base=base,
        head=head,
        config=config,
        author=author,
        author_resolver=resolve_author,
        database=database,
        start=parse_date(start, "--start"),
        end=parse_date(end, "--end"),
        cwd=Path(os.getcwd()),
    )
    typer.echo(_for_terminal(render_diff(report, format), format))
    raise typer.Exit(0 if report.satisfied else 1)


# The commands this module adds to the app (semantic.cli.app), by name.
def _history(action: str, config, database: str | None, check: str | None, limit: int, format: str) -> None:
    from semantic.cli.quality_commands import show_history
    from semantic.errors import ConfigError, shown
    from semantic.project import find_project

    if action != "history":
        raise ConfigError(f"semantic check takes no argument but `history`, got {shown(action)}", hint="semantic check history --database URL [--check NAME]")
    _format(format, ("text", "json"))
    show_history(find_project(config), database, check, limit, format)


COMMANDS = {"check": check, "lock": lock, "approve": approve, "codeowners": codeowners, "diff": diff}
