"""`semantic comment`: one pull-request comment per report, edited in place on every push (for CI)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def comment(
    report: Annotated[str, typer.Argument(help="The report to post: a Markdown file, or - for standard input.")],
    name: Annotated[str, typer.Option("--name", help="Which report this is; one comment (or set of parts) per name.")] = "diff",
    repo: Annotated[Optional[str], typer.Option("--repo", help="owner/name (default: $GITHUB_REPOSITORY).")] = None,
    pr: Annotated[Optional[int], typer.Option("--pr", min=1, help="Pull request number (default: from $GITHUB_EVENT_PATH).")] = None,
    token_env: Annotated[str, typer.Option("--token-env", help="Environment variable holding the token.")] = "GITHUB_TOKEN",
    api_url: Annotated[Optional[str], typer.Option("--api-url", help="GitHub API (default: $GITHUB_API_URL, else api.github.com).")] = None,
) -> None:
    """Post a report as ONE pull-request comment, found by a hidden marker and edited in place on every push.

    A report over GitHub's 65,536-character limit is split into parts at line
    boundaries; parts no longer needed are deleted. Other comments are never touched.

    Example: semantic diff --base origin/main --format markdown > diff.md; semantic comment diff.md
    """
    import sys

    from semantic.backends.github import PullRequest
    from semantic.errors import ConfigError
    from semantic.governance.pr_comment import check_marker_name, plan_updates, split_report

    try:
        check_marker_name(name)
    except ValueError as exc:
        raise ConfigError(f"--name: {exc}") from None
    text = sys.stdin.read() if report == "-" else _read_report(report)
    target = PullRequest.from_environment(repo, pr, token_env, api_url)
    plan = plan_updates(target.comments(), split_report(text, name), name)
    target.apply(plan.update, plan.create, plan.delete)
    typer.echo(
        f"{name} on {target.repository}#{target.number}: {len(plan.update)} edited, "
        f"{len(plan.create)} created, {len(plan.delete)} deleted"
    )




def notify(
    report: Annotated[str, typer.Argument(help="A JSON report of `semantic check --format json`, or - for standard input.")],
    webhook_env: Annotated[str, typer.Option("--webhook-env", help="Environment variable holding the Slack-compatible webhook URL.")] = "SEMANTIC_WEBHOOK_URL",
    title: Annotated[str, typer.Option("--title", help="What the message is about.")] = "semantic check",
    warnings: Annotated[bool, typer.Option("--warnings", help="Post warnings too (default: only what blocks).")] = False,
) -> None:
    """Post a run's failures to a chat webhook, with the pull-request link, each failed check and the committer.

    Nothing is posted for a clean run. The webhook URL is read from the
    environment (its path is its secret: it is never printed).

    Example: semantic check --format json > check.json || semantic notify check.json
    """
    import sys
    from urllib.parse import urlsplit

    from semantic.backends.http import HttpClient, redact_endpoint
    from semantic.errors import ConfigError
    from semantic.governance.git import author_of_head
    from semantic.governance.notification import RunContext, environment, failures_of, parse_report, slack_message

    text = sys.stdin.read() if report == "-" else _read_report(report)
    failures = failures_of(parse_report(text, "standard input" if report == "-" else report), include_warnings=warnings)
    if not failures:
        typer.echo("no failures: nothing posted")
        return
    url = environment().get(webhook_env, "")
    if not url:
        raise ConfigError(f"${webhook_env} is empty: set it to the channel's incoming-webhook URL (a CI secret)")
    if urlsplit(url).scheme not in ("http", "https"):
        raise ConfigError(f"${webhook_env} must be an http(s) URL")
    context = RunContext.from_environment(environment(), committer=author_of_head(Path.cwd()))
    HttpClient().request("POST", url, slack_message(failures, context, title))
    typer.echo(f"posted {len(failures)} failure(s) to {redact_endpoint(url)}")


def _read_report(report: str) -> str:
    from semantic.errors import ConfigError

    try:
        return Path(report).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the report {report}: {exc.strerror if isinstance(exc, OSError) else exc}") from None


# The commands this module adds to the app (semantic.cli.app), by name.
COMMANDS = {"comment": comment, "notify": notify}
