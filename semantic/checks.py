"""Data checks: definitions in the catalog whose Ibis expression returns the offending rows.

A `Check` is registered in a project's catalog like a metric (built-in ones are
listed in `semantic.builtins`; a project module can `catalog.register(Check(...))`).
Its `build(context)` returns an Ibis table over the unbound sources (or the
facts) holding one row per offence; no rows means the check passes. The
expression compiles through `semantic.compiler.compile_sql` like any metric, so
the SQL shown with `--show-sql` is the SQL the warehouse runs (wrapped in a
count and a sample). Values from metrics.toml (thresholds, statuses, zones)
enter the expression as Ibis literals, never as SQL text.

A check's rows may carry a `severity` column ('error' or 'warn'), deciding per
row (freshness: warn after 1 h, error after 24 h); else the check's default
applies. `[checks.NAME] severity` in metrics.toml overrides both.

>>> from semantic.builtins import builtin_catalog
>>> "duplicate_keys" in builtin_catalog().checks
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import ibis
import ibis.expr.types as ir

from semantic.config import Config
from semantic.quality_config import CheckEntry, Severity, parse_threshold
from semantic.scope import Scope

Status = Literal["pass", "warn", "fail", "skip"]


class NothingToCheck(Exception):
    """Raised by a check's build when none of the tables it reads is present (a load of some files): it is skipped."""


@dataclass(frozen=True)
class CheckContext:
    """What a check is built in: the query scope (facts, config, sources), its own entry and the run's clock."""

    scope: Scope
    entry: CheckEntry
    now: dt.datetime  # an aware UTC instant: the same for every check of a run
    catalog: Any = None  # the project's catalog, for checks over metrics (attribution_rate)
    # The run's day range (CheckScope start/end), when it has one.
    start: dt.date | None = None
    end: dt.date | None = None
    # The contract tables the warehouse holds, when not all of them (`semantic load` of some files): None is all.
    present: frozenset[str] | None = None
    # Freshness from `[quality.freshness.T] query`: what each source's query returned, (shop_id or None, instant) rows.
    loaded_at: Mapping[str, tuple[tuple[str | None, dt.datetime], ...]] | None = None

    def has(self, table: str) -> bool:
        """True when contract table `table` can be read (checks over several tables skip the others at load)."""
        return self.present is None or table in self.present

    def detection_period(self, days: int = 2) -> tuple[dt.date, dt.date]:
        """The days a trend check tests: the scope's range, else the last `days` complete days before the run's day."""
        end = self.end or self.now.date() - dt.timedelta(days=1)
        return (self.start or end - dt.timedelta(days=days - 1)), end

    @property
    def config(self) -> Config:
        return self.scope.config

    @property
    def sources(self):
        return self.scope.sources

    def threshold(self, default: float) -> float:
        return parse_threshold(self.entry.threshold) if self.entry.threshold is not None else default

    def shop_threshold(self, shop_id: ir.StringValue, default: float) -> ir.FloatingValue:
        """The threshold for each row's shop: `[checks.NAME] shops` overrides, else the check's threshold."""
        base = ibis.literal(self.threshold(default), type="float64")
        if not self.entry.shops:
            return base
        cases = [(shop_id == ibis.literal(shop), ibis.literal(parse_threshold(t), type="float64")) for shop, t in self.entry.shops.items()]
        return ibis.cases(*cases, else_=base)

    def now_literal(self) -> ir.TimestampScalar:
        return ibis.literal(self.now, type="timestamp('UTC')")


@dataclass(frozen=True)
class Check:
    """One data check: the offending rows of `build(context)`, with a severity and the fix."""

    name: str
    description: str
    build: Callable[[CheckContext], ir.Table]
    hint: str
    severity: Severity = "error"
    # Contract tables it reads (selection by source; the runner checks they exist).
    tables: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # The default threshold and how it reads ("share": 0.1 is 10 %; "ratio"; "hours").
    threshold: float | None = None
    threshold_unit: str | None = None
    # True when it reads the warehouse's own catalog (information_schema): DuckDB and PostgreSQL.
    reads_catalog: bool = False
    # Checks that must not fail first (a bad shops.timezone breaks every shop-local day): else this one is skipped.
    requires: tuple[str, ...] = ()
    # Off unless `[checks.NAME] enabled = true` (a check too costly to run on every build).
    enabled: bool = True
    # When it finds rows: notes from the distinct values of one column (freshness: the metrics a late source makes stale).
    note_column: str | None = None
    note: Callable[[CheckContext, tuple[Any, ...]], tuple[str, ...]] | None = None
    # Run by `semantic load` on the files' rows before the commit (blocking row-level checks).
    at_load: bool = False
    # At load, the tables that must be in the warehouse for it to run (None: all of `tables`); of the
    # others it reads those present (CheckContext.has).
    load_needs: tuple[str, ...] | None = None
    is_check: ClassVar[bool] = True

    def shown_threshold(self, entry: CheckEntry) -> str | None:
        value = parse_threshold(entry.threshold) if entry.threshold is not None else self.threshold
        if value is None:
            return None
        text = f"{value * 100:g}%" if self.threshold_unit == "share" else f"{value:g}{'h' if self.threshold_unit == 'hours' else ''}"
        return text + (f" ({len(entry.shops)} shop overrides)" if entry.shops else "")


@dataclass(frozen=True)
class CheckScope:
    """Which checks run, and on what: names/tags/tables to select or exclude, shops, a day range.

    `shops` and `start`/`end` filter the offending rows by their `shop_id` and
    shop-local `day` columns (a check without `day` looks at the whole relation).
    """

    select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    shops: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    # Only these contract tables exist (a load of some files into an empty warehouse); None: all.
    present: frozenset[str] | None = None
    # Set by the runner: what the freshness queries of [quality.freshness] returned (see CheckContext).
    loaded_at: Mapping[str, tuple[tuple[str | None, dt.datetime], ...]] | None = None


def runnable_with(check: Check, present: frozenset[str] | None) -> list[str]:
    """The tables `check` needs that are not present ([] when it can run)."""
    if present is None:
        return []
    needs = check.tables if check.load_needs is None else check.load_needs
    missing = [t for t in needs if t not in present]
    if not missing and check.tables and not set(check.tables) & present:
        missing = list(check.tables)
    return missing


def matches(check: Check, token: str, metric_tables: dict[str, set[str]] | None = None) -> bool:
    """`token` names the check, one of its tags, or a contract table it reads (`tag:pii`, `source:orders` too);
    `metric:roas` selects the checks of the tables ROAS reads."""
    kind, _, value = token.partition(":")
    if not value:
        return token in (check.name, *check.tags, *check.tables)
    if kind == "metric":
        return bool((metric_tables or {}).get(value, set()) & set(check.tables))
    return {"check": value == check.name, "tag": value in check.tags, "source": value in check.tables}.get(kind, False)


def metric_tables(catalog: Any, scope: Scope, name: str) -> set[str]:
    """The contract tables a metric reads, through the facts its closure adds up."""
    from semantic.metrics import Additive

    facts = {c.fact for m in catalog.closure([name], scope.config) if isinstance(m, Additive) for c in m.contributions}
    return {t for fact in facts for t in scope.sources.tables_read_by(scope.fact(fact))}


def select_checks(
    checks: dict[str, Check], config: Config, scope: CheckScope, metric_tables: dict[str, set[str]] | None = None
) -> list[Check]:
    """The enabled checks the scope selects, in registration order; unknown names in metrics.toml are errors."""
    from semantic.errors import ConfigError, did_you_mean

    for name in config.checks:
        if name not in checks:
            raise ConfigError(
                f"[checks.{name}] names no check.{did_you_mean(name, checks)} Checks: {', '.join(checks)}",
                hint="remove the table or fix its name",
            )
    chosen = []
    for check in checks.values():
        enabled = config.checks.get(check.name, CheckEntry()).enabled
        if not (check.enabled if enabled is None else enabled):
            continue
        if scope.select and not any(matches(check, t, metric_tables) for t in scope.select):
            continue
        if any(matches(check, t, metric_tables) for t in scope.exclude):
            continue
        chosen.append(check)
    return chosen


@dataclass(frozen=True)
class CheckResult:
    """What one check found: its status, how many offending rows, the first of them, and the SQL."""

    name: str
    status: Status
    severity: Severity
    offending: int
    threshold: str | None
    columns: tuple[str, ...]
    samples: tuple[tuple[Any, ...], ...]
    sql: str
    hint: str
    description: str
    tables: tuple[str, ...] = ()
    seconds: float = 0.0
    stored_as: str | None = None  # --store-failures: the warehouse table holding every offending row
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckRun:
    """The results of one run, in order, and when it ran."""

    results: tuple[CheckResult, ...]
    started_at: dt.datetime
    database: str = ""  # redacted
    extra: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        counts = {"pass": 0, "warn": 0, "fail": 0, "skip": 0}
        for result in self.results:
            counts[result.status] += 1
        return counts

    def exit_code(self, warn_error: bool = False) -> int:
        counts = self.counts()
        return 1 if counts["fail"] or (warn_error and counts["warn"]) else 0


def status_of(offending: int, errors: int | None, configured: Severity | None, default: Severity) -> tuple[Status, Severity]:
    """pass/warn/fail: a configured severity wins; else rows' own severities (`errors` of them 'error'); else the default.

    `errors` is None when the rows carry no `severity` column.
    """
    if configured is not None:
        severity = configured
    elif errors is not None:
        severity = "error" if errors else "warn"
    else:
        severity = default
    if offending == 0:
        return "pass", severity
    return ("fail" if severity == "error" else "warn"), severity
