"""The data-quality checks of the catalog as a backfill's check step.

Before a backfill swaps its recomputed rows in, the catalog's data checks run on
the source rows it recomputed from (its shops and days; checks without days look
at the whole relation). An error-level failure stops the backfill with production
untouched; a warning is recorded in the audit log. Freshness is left out: a
backfill restates history, so how late today's data is says nothing about it.
"""

from __future__ import annotations

from collections.abc import Sequence

from semantic.catalog import Catalog
from semantic.checks import CheckScope
from semantic.config import Config

from semantic.backends.backfill import CheckResult, StagingCheck, StagingRows

NOT_FOR_BACKFILLS = ("freshness",)


def data_checks(catalog: Catalog, config: Config, exclude: Sequence[str] = NOT_FOR_BACKFILLS) -> StagingCheck:
    """A StagingCheck running the catalog's data checks over the backfill's shops and days."""
    from semantic.backends.quality import run_checks

    def check(rows: StagingRows) -> list[CheckResult]:
        scope = CheckScope(exclude=tuple(exclude), shops=rows.scope.shops, start=rows.scope.start, end=rows.scope.end)
        run = run_checks(rows.warehouse, catalog, config, scope)
        results = []
        for result in run.results:
            if result.status == "fail":
                level = "error" if result.severity == "error" else "warning"
                results.append(CheckResult(f"data:{result.name}", False, level, f"{result.offending} offending row(s); {result.hint}"))
            elif result.status == "warn":
                results.append(CheckResult(f"data:{result.name}", False, "warning", f"{result.offending} offending row(s); {result.hint}"))
        passed = sum(1 for r in run.results if r.status == "pass")
        results.append(CheckResult("data checks", True, "error", f"{passed} of {len(run.results)} passed"))
        return results

    return check
