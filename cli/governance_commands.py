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
    format: Annotated[str, typer.Option("--format", help="text, json, markdown or github (annotations).")] = "text",
    author: Author = None,
    today: Annotated[Optional[str], typer.Option("--today", help="Judge sunsets as of this day, YYYY-MM-DD (default: today).")] = None,
    warn_error: Annotated[bool, typer.Option("--warn-error", help="Fail (exit 1) on warnings and future errors too.")] = False,
    config: Config = None,
) -> None:
    """Validate governance without a database: owners, compiling, fingerprints, versions, approvals, changelog.

    The author of the change is `--author`, else `git config user.email`, else the
    last commit author of metrics.toml. Exit 1 on any error (with --warn-error,
    on any finding), 0 otherwise.

    Example: semantic check --format github
    """
    from semantic.cli.options import parse_date
    from semantic.errors import ConfigError
    from semantic.governance.check import check_project, config_error_finding
    from semantic.governance.git import resolve_author
    from semantic.governance.findings import has_errors
    from semantic.governance.render import CHECK_FORMATS, render_findings
    from semantic.project import find_project

    _format(format, CHECK_FORMATS)
    day = parse_date(today, "--today")
    try:
        project = find_project(config)
        findings = check_project(project, resolve_author(author, project.root, project.path.name if project.path else "metrics.toml"), day)
    except ConfigError as exc:
        # An invalid metrics.toml is the first thing check reports, as a finding with its line.
        findings = [config_error_finding(exc)]
    typer.echo(_for_terminal(render_findings(findings, format), format))
    raise typer.Exit(1 if has_errors(findings) or (warn_error and findings) else 0)


def lock(
    metrics: Annotated[Optional[list[str]], typer.Argument(help="Only these metrics (default: all).")] = None,
    baseline: Annotated[bool, typer.Option("--baseline", help="Adopting governance on existing metrics: lock all and record --by's baseline approval of each, in metrics.toml and the changelog.")] = False,
    by: Annotated[Optional[str], typer.Option("--by", help="With --baseline: email of who accepts the existing definitions.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 when a fingerprint is not recorded (for pre-commit and CI).")] = False,
    config: Config = None,
) -> None:
    """Record each metric's current fingerprint in metrics.toml (comments and layout kept).

    Without names, every metric that has a `[metrics.NAME]` entry; a named metric
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
    output: Annotated[Optional[str], typer.Option("--output", help="Where to write (default: [policy] codeowners, .github/CODEOWNERS).")] = None,
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
COMMANDS = {"check": check, "lock": lock, "approve": approve, "codeowners": codeowners, "diff": diff}
