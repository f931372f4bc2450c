"""`semantic notify`: a run's failures as one chat message (Slack's incoming-webhook format).

The report is what `semantic check --format json` writes (governance findings or
data-check results: a list under "findings" or "results", each with a level or
severity, a message and the object it is about). Only what blocks (errors, and
warnings when asked) is posted; a clean run posts nothing.

The context comes from the CI environment GitHub Actions sets (the pull
request's link, the run's link, the actor), else from git (the committer).
Text from metrics.toml or data is escaped for Slack (`&`, `<`, `>`) and has its
control characters made visible.

>>> failures = failures_of({"findings": [{"level": "error", "code": "approvals", "message": "aov has 0 of 1", "object": "aov"}]})
>>> [f.title for f in failures]
['aov: approvals']
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from semantic.errors import ConfigError
from semantic.printable import printable

BLOCKING = ("error", "fail", "failed")  # a data check's status "fail" is an error-level failure
WARNING = ("warning", "warn", "future-error")
MAX_LISTED = 20


@dataclass(frozen=True)
class Failure:
    level: str
    title: str  # the failed check or rule, and what it is about
    message: str


@dataclass(frozen=True)
class RunContext:
    """Where the failures come from: links and who to ask."""

    link: str | None = None  # the pull request, else the CI run
    run: str | None = None
    committer: str | None = None
    ref: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str], committer: str | None = None) -> RunContext:
        server = environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        repository = environ.get("GITHUB_REPOSITORY")
        run = f"{server}/{repository}/actions/runs/{environ['GITHUB_RUN_ID']}" if repository and environ.get("GITHUB_RUN_ID") else None
        from semantic.backends.github import pull_request_number

        number = pull_request_number(environ.get("GITHUB_EVENT_PATH"))
        link = f"{server}/{repository}/pull/{number}" if repository and number else run
        who = environ.get("GITHUB_ACTOR") or committer
        return cls(link=link, run=run, committer=who, ref=environ.get("GITHUB_HEAD_REF") or environ.get("GITHUB_REF_NAME"))


def parse_report(text: str, label: str) -> dict[str, Any]:
    try:
        report = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{label} is not JSON ({exc}); write it with `semantic check --format json`") from None
    if not isinstance(report, dict) or not _items(report):
        if not (isinstance(report, dict) and any(isinstance(report.get(k), (list, dict)) for k in (*LISTS, "definitions", "data"))):
            raise ConfigError(f"{label} has no \"findings\", \"checks\" or \"results\" list; write it with `semantic check --format json`")
    return report


LISTS = ("findings", "results", "checks")


def _items(report: Mapping[str, Any]) -> list[Any]:
    """Every finding or check result of a report: governance findings, data checks, or both
    (`semantic check --database --format json` nests them under "definitions" and "data")."""
    items: list[Any] = []
    for key in LISTS:
        if isinstance(report.get(key), list):
            items += report[key]
    for key in ("definitions", "data"):
        if isinstance(report.get(key), Mapping):
            items += _items(report[key])
    return items


def failures_of(report: Mapping[str, Any], include_warnings: bool = False) -> list[Failure]:
    """The report's blocking items (and its warnings, when asked), in report order."""
    levels = BLOCKING + (WARNING if include_warnings else ())
    found = []
    for item in _items(report):
        if not isinstance(item, Mapping):
            continue
        level = str(item.get("status") or item.get("level") or item.get("severity") or "").lower()
        if level not in levels:
            continue
        about = item.get("object") or item.get("table") or item.get("metric") or ", ".join(item.get("tables") or ())
        rule = item.get("check") or item.get("name") or item.get("code") or "check"
        title = f"{about}: {rule}" if about and about != rule else str(rule)
        message = item.get("message") or (f"{item.get('offending', 0):,} offending row(s); {item.get('hint', '')}" if "offending" in item else "")
        found.append(Failure(level, str(title), str(message)))
    return found


def _slack(text: str) -> str:
    """Text safe for Slack's mrkdwn: control characters visible, &, <, > escaped."""
    return printable(text, keep_newlines=True).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_message(failures: list[Failure], context: RunContext, title: str) -> dict[str, Any]:
    """The webhook payload: a fallback text and blocks (Slack; Mattermost and others read `text`)."""
    head = f"{_slack(title)}: {len(failures)} failing"
    if context.link:
        head += f" in <{context.link}|{_slack(context.ref or 'this run')}>"
    if context.committer:
        head += f" (committer: {_slack(context.committer)})"
    lines = [f"• *{_slack(f.title)}* ({f.level}): {_slack(f.message[:500])}" for f in failures[:MAX_LISTED]]
    if len(failures) > MAX_LISTED:
        lines.append(f"… and {len(failures) - MAX_LISTED} more" + (f": <{context.run}|the run>" if context.run else ""))
    body = "\n".join(lines)
    return {
        "text": f"{head}\n{body}",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": head}},
            {"type": "section", "text": {"type": "mrkdwn", "text": body[:2900]}},
        ],
    }


def environment() -> dict[str, str]:
    return dict(os.environ)
