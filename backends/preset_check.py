"""Checking a source preset's loader tables before a query reads them in place.

A preset (semantic.presets) reads a loader's tables as they are; this checks
that each table and column it reads exists and that its physical type fits:
ids are numbers, money is numeric, booleans are booleans, and a timestamp is
an instant (TIMESTAMPTZ) unless `[sources] naive_timestamps` declares the zone
its naive values are in. Every problem names the table, the column, what was
found and the fix.
"""

from __future__ import annotations

import re

from semantic.errors import ContractError
from semantic.presets import BOOL, COUNT, ID, INSTANT, MONEYISH, TEXT, RawTable
from semantic.sources import Sources

_INTEGER = r"(tiny|small|big|huge|u)?int(eger|\d+)?|bigint|smallint|integer|hugeint|ubigint|uinteger"
_NUMERIC = rf"({_INTEGER}|numeric(\(\d+,\s*0\))?|decimal(\(\d+,\s*0\))?)"
_FITS = {
    ID: _NUMERIC,
    COUNT: _NUMERIC,
    MONEYISH: rf"({_INTEGER}|numeric.*|decimal.*|double.*|float.*|real)",
    TEXT: r"(text|varchar.*|character varying.*|string|char.*)",
    BOOL: r"bool(ean)?",
}
_WHAT = {ID: "a numeric id", COUNT: "an integer", MONEYISH: "a number", TEXT: "text", BOOL: "a boolean"}


def check_preset_tables(warehouse, sources: Sources, logical_tables: list[str] | tuple[str, ...]) -> None:
    """Raise ContractError for the first loader table or column of the preset that does not fit."""
    seen: set[str] = set()
    for logical in logical_tables:
        for raw in sources.preset.reads(logical):
            if raw.name not in seen:
                seen.add(raw.name)
                _check_table(warehouse, sources, raw)


def _check_table(warehouse, sources: Sources, raw: RawTable) -> None:
    settings = sources.settings
    where = f"{settings.database}.{raw.name}" if settings.database else raw.name
    types = warehouse._column_types(raw.name, settings.database)
    preset = sources.preset.name
    if types is None:
        raise ContractError(
            f"table {where}, which preset {preset!r} reads, is not in {warehouse.url.redacted}",
            hint=f"set [sources] database to the connector's schema, or sync the connector's {raw.name} table",
        )
    columns = dict(raw.columns)
    if settings.source_relation:
        columns["source_relation"] = TEXT
    for column, kind in columns.items():
        if column not in types:
            hint = (
                "union the connections with a source_relation column, or set [sources] source_relation = false"
                if column == "source_relation"
                else f"re-sync {raw.name} with column {column} selected in the connector"
            )
            raise ContractError(f"column {where}.{column}, which preset {preset!r} reads, is missing", hint=hint)
        _check_type(where, column, kind, types[column].lower(), settings.naive_timestamps)


def _check_type(where: str, column: str, kind: str, found: str, naive_zone: str | None) -> None:
    if kind == INSTANT:
        aware = "with time zone" in found or found == "timestamptz"
        if not found.startswith("timestamp"):
            raise ContractError(f"column {where}.{column} is {found}, not a timestamp")
        if not aware and not naive_zone:
            raise ContractError(
                f"column {where}.{column} is a timestamp without time zone: which zone its wall-clock values are in is unknown",
                hint='declare it in metrics.toml: [sources] naive_timestamps = "UTC" (Fivetran writes UTC)',
            )
        if aware and naive_zone:
            raise ContractError(
                f"column {where}.{column} holds instants (timestamp with time zone), but [sources] naive_timestamps "
                f"= {naive_zone!r} says the loader's timestamps are naive",
                hint="remove naive_timestamps from [sources] in metrics.toml",
            )
        return
    if not re.fullmatch(_FITS[kind], found):
        raise ContractError(
            f"column {where}.{column} is {found}, but preset reads it as {_WHAT[kind]}",
            hint=f"cast {column} to {_WHAT[kind]} in the loader's schema (or a view over it)",
        )
