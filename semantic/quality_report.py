"""A check run as text, JSON, JUnit XML (every CI shows the checks as tests) or markdown.

Values from the data are printed with control characters escaped
(`semantic.printable`) in text, markdown and XML; JSON keeps them exact (its
own escaping is safe). The closing line counts each status, as dbt's does.

>>> import datetime as dt
>>> run = CheckRun((), dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
>>> summary_line(run)
'Done. PASS=0 WARN=0 FAIL=0 TOTAL=0'
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any
from xml.etree import ElementTree as ET

from semantic.checks import CheckResult, CheckRun
from semantic.printable import printable, shorten

QUALITY_FORMATS = ("text", "json", "junit", "markdown", "github")
CELL_LIMIT = 60


def summary_line(run: CheckRun) -> str:
    counts = run.counts()
    skipped = f" SKIP={counts['skip']}" if counts["skip"] else ""
    return f"Done. PASS={counts['pass']} WARN={counts['warn']} FAIL={counts['fail']}{skipped} TOTAL={len(run.results)}"


def cell(value: Any) -> str:
    """One value of an offending row, as printed: NULL for None, control characters escaped, long text cut."""
    if value is None:
        return "NULL"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return shorten(printable(str(value)), CELL_LIMIT)


def _json_value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def render_text(run: CheckRun, show_sql: bool = False) -> str:
    lines = []
    marks = {"pass": "PASS", "warn": "WARN", "fail": "FAIL", "skip": "SKIP"}
    for result in run.results:
        threshold = f", threshold {result.threshold}" if result.threshold else ""
        lines.append(f"{marks[result.status]:4}  {result.name}: {result.offending:,} offending{threshold}  [{result.seconds:.2f}s]")
        if result.status == "skip":
            lines.append(f"      skipped: {result.hint}")
        elif result.status != "pass":
            lines.append(f"      {result.description}")
            lines.append("      " + " | ".join(result.columns))
            lines += ["      " + " | ".join(cell(v) for v in row) for row in result.samples]
            if result.offending > len(result.samples):
                lines.append(f"      ... and {result.offending - len(result.samples):,} more")
            lines.append(f"      fix: {result.hint}")
            lines += [f"      note: {printable(n)}" for n in result.notes]
            if result.stored_as:
                lines.append(f"      all rows: {result.stored_as}")
        if show_sql:
            lines += ["      " + line for line in result.sql.splitlines()]
    lines.append(summary_line(run))
    return "\n".join(lines)


def result_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "status": result.status,
        "severity": result.severity,
        "offending": result.offending,
        "threshold": result.threshold,
        "tables": list(result.tables),
        "description": result.description,
        "hint": result.hint,
        "sample": [{c: _json_value(v) for c, v in zip(result.columns, row)} for row in result.samples],
        "sql": result.sql,
        "seconds": result.seconds,
        "stored_as": result.stored_as,
        "notes": list(result.notes),
    }


def render_json(run: CheckRun) -> str:
    return json.dumps(
        {
            "started_at": run.started_at.isoformat(),
            "database": run.database,
            "summary": {**run.counts(), "total": len(run.results)},
            "checks": [result_dict(r) for r in run.results],
        },
        indent=2,
    )


def render_junit(run: CheckRun) -> str:
    """One testsuite, one testcase per check; a failed check is a <failure>, a warning is <system-out> (it passes)."""
    counts = run.counts()
    suite = ET.Element(
        "testsuite",
        name="semantic data checks",
        tests=str(len(run.results)),
        failures=str(counts["fail"]),
        errors="0",
        skipped=str(counts["skip"]),
        timestamp=run.started_at.isoformat(),
        time=f"{sum(r.seconds for r in run.results):.3f}",
    )
    for result in run.results:
        case = ET.SubElement(suite, "testcase", classname="semantic.checks", name=result.name, time=f"{result.seconds:.3f}")
        body = _plain_details(result)
        if result.status == "fail":
            failure = ET.SubElement(case, "failure", message=printable(f"{result.offending} offending rows: {result.hint}"), type=result.severity)
            failure.text = body
        elif result.status == "skip":
            ET.SubElement(case, "skipped", message=printable(result.hint))
        elif result.status == "warn":
            ET.SubElement(case, "system-out").text = "WARNING\n" + body
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode")


def _plain_details(result: CheckResult) -> str:
    lines = [printable(result.description), " | ".join(result.columns)]
    lines += [" | ".join(cell(v) for v in row) for row in result.samples]
    lines += [f"note: {printable(n)}" for n in result.notes]
    lines += [f"fix: {printable(result.hint)}", "sql:", printable(result.sql, keep_newlines=True)]
    return "\n".join(lines)


def _md(text: str) -> str:
    return printable(text).replace("|", "\\|")


def render_markdown(run: CheckRun) -> str:
    lines = ["| check | status | offending | threshold | fix |", "| --- | --- | ---: | --- | --- |"]
    for r in run.results:
        lines.append(f"| `{r.name}` | {r.status} | {r.offending:,} | {r.threshold or ''} | {_md(r.hint) if r.status != 'pass' else ''} |")
    for r in (r for r in run.results if r.status != "pass" and r.samples):
        lines += ["", f"**{r.name}** (first {len(r.samples)} of {r.offending:,})", "", "| " + " | ".join(map(_md, r.columns)) + " |"]
        lines.append("|" + " --- |" * len(r.columns))
        lines += ["| " + " | ".join(_md(cell(v)) for v in row) + " |" for row in r.samples]
    lines += ["", summary_line(run)]
    return "\n".join(lines)


def render_github(run: CheckRun) -> str:
    """GitHub Actions workflow commands: an ::error per failed check, a ::warning per warning, then the summary."""
    from semantic.printable import printable

    def escape(text: str) -> str:
        return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    lines = []
    for r in run.results:
        if r.status in ("fail", "warn"):
            level = "error" if r.status == "fail" and r.severity == "error" else "warning"
            where = f" in {', '.join(r.tables)}" if r.tables else ""
            lines.append(f"::{level} title=data check {escape(r.name)}::{escape(f'{r.offending:,} offending row(s){where}; {r.hint}')}")
    return "\n".join([*lines, summary_line(run)])


def render_run(run: CheckRun, format: str, show_sql: bool = False) -> str:
    if format == "github":
        return render_github(run)
    if format == "json":
        return render_json(run)
    if format == "junit":
        return render_junit(run)
    if format == "markdown":
        return render_markdown(run)
    return render_text(run, show_sql)
