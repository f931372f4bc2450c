"""`semantic check` without a warehouse: the data-check part of governance.

Every `[checks.NAME]` table must name a check of the catalog (a typo would
silently configure nothing), and every check a project's own modules add must
build and compile to the project's dialects (the built-in ones are pinned by
tests), so a broken custom check is found in review, not in the warehouse.
Checks that read the warehouse's catalog compile for DuckDB and PostgreSQL only.

>>> from semantic.project import Project
>>> [f.code for f in data_check_findings(Project.from_text("[checks.freshnes]\\nenabled = false\\n"))]
['check']
"""

from __future__ import annotations

import datetime as dt

from semantic.errors import did_you_mean
from semantic.project import Project, locate

from semantic.governance.findings import Finding, Level

CATALOG_DIALECTS = ("duckdb", "postgres")


def data_check_findings(project: Project, file: str | None = None) -> list[Finding]:
    """Findings about `[checks.*]` and the project's own checks; `file` is how metrics.toml is shown."""
    from semantic.builtins import builtin_catalog

    checks = project.catalog.checks
    findings = []
    for name in project.config.checks:
        if name not in checks:
            message = f"names no check.{did_you_mean(name, checks)} Checks: {', '.join(checks)}"
            line = locate(project.text, ("checks", name))
            findings.append(Finding(Level.ERROR, "check", message, file=file, line=line, object=f"checks.{name}"))
    builtin = builtin_catalog().checks
    own = [check for name, check in checks.items() if name not in builtin]
    if own:
        findings += _compile_own(project, own, file)
    return findings


def _compile_own(project: Project, own: list, file: str | None) -> list[Finding]:
    from semantic.checks import CheckContext
    from semantic.compiler import compile_sql
    from semantic.quality_config import CheckEntry
    from semantic.scope import Scope

    findings = []
    now = dt.datetime.now(dt.timezone.utc)
    for check in own:
        context = CheckContext(Scope.for_query(project.catalog, project.config), project.config.checks.get(check.name, CheckEntry()), now, project.catalog)
        dialects = [d for d in project.config.project.dialects if not check.reads_catalog or d in CATALOG_DIALECTS]
        try:
            expr = check.build(context)
            for dialect in dialects:
                compile_sql(expr, dialect)
        except Exception as exc:  # noqa: BLE001 - a project's own code: report whatever it raises
            first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
            findings.append(Finding(Level.ERROR, "check", f"data check {check.name} does not build or compile: {first}", file=file, object=check.name))
    return findings
