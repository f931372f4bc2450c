"""Findings as text, JSON, Markdown or GitHub annotations (`::error file=...,line=...::`).

Output is deterministic (sorted, no timestamps, paths relative to the repository)
so it can be diffed, posted as a pull-request comment and checked against golden files.

>>> from semantic.governance.findings import Finding, Level
>>> print(render_findings([Finding(Level.ERROR, "owner", "revenue has no owner", "metrics.toml", 57, "revenue")], "github"))
::error file=metrics.toml,line=57,title=owner::revenue has no owner
ERRORS: 1, FUTURE_ERRORS: 0, WARNINGS: 0
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from semantic.governance.findings import Finding, Level, counts, ordered, summary

CHECK_FORMATS = ("text", "json", "markdown", "github")
# A pull-request comment holds 65,536 characters; attribution SQL diffs can exceed that.
MARKDOWN_DIFF_LINES = 120
_GITHUB_LEVEL = {Level.ERROR: "error", Level.FUTURE_ERROR: "warning", Level.WARNING: "warning"}


def _where(finding: Finding) -> str:
    if not finding.file:
        return ""
    return f"{finding.file}:{finding.line}: " if finding.line else f"{finding.file}: "


def _label(finding: Finding) -> str:
    if finding.level is Level.FUTURE_ERROR and finding.effective:
        return f"future-error (from {finding.effective.isoformat()})"
    return finding.level.value


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_findings(findings: Iterable[Finding], format: str) -> str:
    """All findings in `format`, ending with the summary line (json: an object with both)."""
    findings = ordered(findings)
    if format == "json":
        tally = counts(findings)
        return json.dumps(
            {
                "findings": [f.as_json() for f in findings],
                "summary": {"errors": tally[Level.ERROR], "future_errors": tally[Level.FUTURE_ERROR], "warnings": tally[Level.WARNING]},
            },
            indent=2,
        )
    lines: list[str] = []
    if format == "github":
        for f in findings:
            props = ",".join(
                p for p in (f"file={f.file}" if f.file else "", f"line={f.line}" if f.line else "", f"title={f.code}") if p
            )
            prefix = f"[future error from {f.effective.isoformat()}] " if f.level is Level.FUTURE_ERROR and f.effective else ""
            lines.append(f"::{_GITHUB_LEVEL[f.level]} {props}::{_escape_github(prefix + f.message)}")
    elif format == "markdown":
        if findings:
            lines += ["| level | where | object | finding |", "|---|---|---|---|"]
            for f in findings:
                where = f"{f.file}:{f.line}" if f.line else (f.file or "")
                message = f.message.replace("|", "\\|")
                lines.append(f"| {_label(f)} | `{where}` | {f.object or ''} | {message} |")
            lines.append("")
        lines.append(f"**{summary(findings)}**")
        return "\n".join(lines)
    else:
        for f in findings:
            object_ = f"[{f.object}] " if f.object else ""
            lines.append(f"{_where(f)}{_label(f)}: {object_}{f.message}")
    lines.append(summary(findings))
    return "\n".join(lines)


# -- semantic diff ------------------------------------------------------------


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}%"


def _version(item) -> str:
    before = item.ref_before.split("@")[1] if item.ref_before else "-"
    after = item.ref_after.split("@")[1] if item.ref_after else "-"
    return before if before == after else f"{before} → {after}"


def _details_lines(item) -> list[str]:
    lines = []
    owner = item.owner if item.owner_before in (None, item.owner) else f"{item.owner_before} → {item.owner}"
    lines.append(f"owner: {owner or item.owner_before or '-'}")
    lines.append(f"version: {item.ref_before or '-'} → {item.ref_after or '-'} ({item.verdict})")
    if item.kinds:
        lines.append(f"kind of change: {', '.join(item.kinds)}")
    if item.follows:
        lines.append(f"changes because it depends on: {', '.join(item.follows)}")
    if item.rename:
        lines.append(item.rename)
    if item.status != "removed":
        lines.append(f"approvals: {', '.join(item.approvals) or 'none'} ({len(item.approvals)} of {item.approvals_required} required)")
    if item.changelog:
        lines.append(f"changelog: {item.changelog}")
    if item.dependents:
        lines.append(f"dependents (change too): {', '.join(item.dependents)}")
    lines += [f"note: {n}" for n in item.notes]
    lines += [f"problem: {p}" for p in item.problems]
    lines += [f"values not evaluated: {e}" for e in item.value_errors]
    return lines


def render_diff(report, format: str) -> str:
    """A diff report as text, markdown (summary table first, details folded) or JSON."""
    if format == "json":
        return json.dumps(report.as_json(), indent=2, sort_keys=True)
    interesting = [m for m in report.metrics if m.status != "unchanged"]
    unchanged = [m.name for m in report.metrics if m.status == "unchanged"]
    problems = sum(len(m.problems) for m in report.metrics) + len(report.problems)
    verdict = "satisfied" if report.satisfied else f"NOT satisfied ({problems} problem{'s' if problems != 1 else ''})"
    if format == "markdown":
        return _diff_markdown(report, interesting, unchanged, verdict)
    lines = [f"semantic diff {report.base} -> {report.head}: policy {verdict}"]
    for item in interesting:
        lines.append("")
        lines.append(f"{item.name}: {item.status}" + (f" ({', '.join(item.kinds)})" if item.kinds else ""))
        lines += [f"  {line}" for line in _details_lines(item)]
        if report.window and item.values:
            lines.append(f"  values {report.window[0]}..{report.window[1]} (shop: base -> head, difference):")
            for row in item.values:
                lines.append(f"    {row.shop}: {_number(row.base)} -> {_number(row.head)} ({_number(row.difference)}, {_percent(row.percent)})")
        if item.sql_diff:
            lines += [f"  {line}" for line in item.sql_diff.splitlines()]
    if unchanged:
        lines += ["", f"unchanged: {', '.join(unchanged)}"]
    lines += [f"problem: {p}" for p in report.problems]
    return "\n".join(lines)


def _diff_markdown(report, interesting, unchanged, verdict: str) -> str:
    mark = "✅" if report.satisfied else "❌"
    lines = [f"## Metric changes: `{report.base}` → `{report.head}`", "", f"{mark} **Policy {verdict}**", ""]
    if interesting:
        lines += [
            "| metric | change | kind | version | approvals | changelog | policy |",
            "|---|---|---|---|---|---|---|",
        ]
        for item in interesting:
            approvals = "-" if item.status == "removed" else f"{len(item.approvals)}/{item.approvals_required}"
            changelog = "✅" if item.changelog else "-"
            policy = "✅" if not item.problems else f"❌ {len(item.problems)}"
            status = item.status + (f" ({item.rename})" if item.rename else "")
            lines.append(
                f"| `{item.name}` | {status} | {', '.join(item.kinds) or '-'} | {_version(item)} | {approvals} | {changelog} | {policy} |"
            )
        lines.append("")
    else:
        lines += ["No metric changes.", ""]
    if unchanged:
        lines += [f"Unchanged: {', '.join(f'`{n}`' for n in unchanged)}", ""]
    for problem in report.problems:
        lines.append(f"- ❌ {problem}")
    for item in interesting:
        lines += ["<details>", f"<summary><b>{item.name}</b>: {item.status}{' (' + ', '.join(item.kinds) + ')' if item.kinds else ''}</summary>", ""]
        for line in _details_lines(item):
            lines.append(f"- {line}")
        if report.window and item.values:
            lines += ["", f"Values {report.window[0]} to {report.window[1]}:", "", "| shop | base | head | difference | % |", "|---|---:|---:|---:|---:|"]
            for row in item.values:
                lines.append(f"| {row.shop} | {_number(row.base)} | {_number(row.head)} | {_number(row.difference)} | {_percent(row.percent)} |")
        if item.sql_diff:
            diff_lines = item.sql_diff.splitlines()
            shown = diff_lines[:MARKDOWN_DIFF_LINES]
            lines += ["", "```diff", *shown, "```"]
            if len(diff_lines) > len(shown):
                lines.append(f"_{len(diff_lines) - len(shown)} more lines: `semantic diff --format text` shows them all._")
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"
