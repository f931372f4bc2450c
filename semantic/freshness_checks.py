"""Freshness: how long ago each shop's rows of a source were loaded, against `warn_after` and `error_after`.

Per source (`[quality.freshness.TABLE]`, defaults: orders warn 1 h, sessions
2 h, ad spend 6 h, every source errors at 24 h) and per shop, the age is the
run's clock minus the newest value of the column (`_loaded_at` unless
configured). As dbt does, `error_after` is checked first, then `warn_after`,
and "late" is strictly older than.

>>> FRESHNESS.name
'freshness'
"""

from __future__ import annotations

import datetime as dt
import functools

import ibis
import ibis.expr.types as ir

from semantic.checks import Check, CheckContext, metric_tables
from semantic.contract import CONTRACT, INSTANT
from semantic.errors import ConfigError, did_you_mean
from semantic.quality_config import parse_hours
from semantic.registration import Registrar


def _source_ages(context: CheckContext, name: str) -> ir.Table | None:
    entry = context.config.quality.freshness[name]
    if name not in CONTRACT:
        raise ConfigError(f"quality.freshness.{name} is not a contract table.{did_you_mean(name, CONTRACT)}")
    column = entry.loaded_at_column
    if entry.query is None and CONTRACT[name].columns.get(column) != INSTANT:
        instants = [c for c, t in CONTRACT[name].columns.items() if t == INSTANT]
        raise ConfigError(
            f"quality.freshness.{name}.column = {column!r} is not a timestamp column of {name}.{did_you_mean(column, instants)}",
            hint=f"use one of {', '.join(instants)}, or query = \"SELECT max(...) FROM ...\"",
        )
    limits = [parse_hours(v) for v in (entry.error_after, entry.warn_after) if v is not None]
    if not limits:
        return None
    if entry.query is not None:
        last = _queried(context, name)
    else:
        table = context.sources.table(name)
        last = table.group_by("shop_id").aggregate(last_loaded_at=table[column].max())
    age = ((context.now_literal().epoch_seconds() - last.last_loaded_at.epoch_seconds()) / 3600).round(2)
    aged = last.select(source=ibis.literal(name), shop_id="shop_id", last_loaded_at="last_loaded_at", age_hours=age.cast("float64"))
    late = aged.filter(aged.age_hours > min(limits))
    return late.mutate(
        severity=ibis.cases(*[(late.age_hours > parse_hours(v), s) for v, s in _ordered(entry)], else_=None),
        # As written in metrics.toml ("24h"): a text, so that every engine returns it alike.
        limit=ibis.cases(*[(late.age_hours > parse_hours(v), ibis.literal(_shown(v))) for v, _ in _ordered(entry)], else_=None),
    )


def _queried(context: CheckContext, name: str) -> ir.Table:
    """(shop_id, last_loaded_at) per shop of `shops`, from what the source's query returned (literals)."""
    rows = (context.loaded_at or {}).get(name)
    if rows is None:
        raise ConfigError(f"quality.freshness.{name}.query was not run: freshness queries run in `semantic check --database`")
    shops = context.sources.shops
    anywhere = [instant for shop, instant in rows if shop is None]
    fallback = ibis.literal(max(anywhere), type="timestamp('UTC')") if anywhere else ibis.null("timestamp('UTC')")
    newest: dict[str, dt.datetime] = {}
    for shop, instant in rows:
        if shop is not None:
            newest[shop] = max(instant, newest.get(shop, instant))
    cases = [(shops.shop_id == ibis.literal(shop), ibis.literal(instant, type="timestamp('UTC')")) for shop, instant in newest.items()]
    last = shops.select("shop_id", last_loaded_at=ibis.cases(*cases, else_=fallback) if cases else fallback)
    return last.filter(last.last_loaded_at.notnull())


def _shown(limit: str | float) -> str:
    return limit if isinstance(limit, str) else f"{limit:g}h"


def _ordered(entry) -> list[tuple[str | float, str]]:
    """(limit, severity), error first: the first limit exceeded decides."""
    return [(v, s) for v, s in ((entry.error_after, "error"), (entry.warn_after, "warn")) if v is not None]


def _freshness(context: CheckContext) -> ir.Table:
    parts = [p for p in (_source_ages(context, name) for name in context.config.quality.freshness) if p is not None]
    if not parts:  # nothing configured: an empty result of the same shape
        shops = context.sources.shops
        return shops.filter(ibis.literal(False)).select(
            source=ibis.literal("", type="string"), shop_id="shop_id", last_loaded_at=ibis.null("timestamp('UTC')"),
            age_hours=ibis.null("float64"), severity=ibis.null("string"), limit=ibis.null("string"),
        )
    return functools.reduce(lambda a, b: a.union(b), parts)


def stale_metrics(context: CheckContext, late_sources: tuple[str, ...]) -> tuple[str, ...]:
    """One note per metric that reads a late source: a metric built on stale data is stale (ROAS when ad spend is late)."""
    late = set(late_sources)
    notes = []
    for metric in context.catalog.latest(context.config):
        reads = sorted(late & metric_tables(context.catalog, context.scope, metric.name))
        if reads:
            notes.append(f"{metric.name} is stale: {', '.join(reads)} {'is' if len(reads) == 1 else 'are'} late")
    return tuple(notes)


FRESHNESS = Check(
    "freshness",
    "Each shop's rows of every source were loaded recently ([quality.freshness.TABLE] warn_after / error_after).",
    _freshness,
    "rerun the extract of that source (or its schedule); raise warn_after/error_after in [quality.freshness] if it is meant to be slower",
    tables=("orders", "refunds", "customers", "sessions", "ad_spend", "shops"),
    tags=("freshness",),
    threshold_unit="hours",
    note_column="source",
    note=stale_metrics,
)


def register(catalog: Registrar) -> None:
    catalog.register(FRESHNESS)
