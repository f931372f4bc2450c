"""Options shared by many commands, as Annotated types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

Config = Annotated[
    Optional[str],
    typer.Option("--config", envvar="SEMANTIC_CONFIG", help="metrics.toml to use (default: nearest, like git)."),
]
Overrides = Annotated[
    Optional[list[str]],
    typer.Option("--set", help="Override a knob for this run, e.g. --set revenue.refund_dating=refund_date."),
]
Database = Annotated[
    Optional[str],
    typer.Option(
        "--database",
        help="Warehouse URL: duckdb:///file.duckdb, a path ending in .duckdb, or postgresql://user@host:port/db. "
        "Default: $SEMANTIC_DATABASE, then metrics.toml, then ./semantic.duckdb.",
    ),
]


def say(text: str, *, err: bool = False) -> None:
    """Print a message for people, with any control character from user input or data made visible."""
    from semantic.printable import printable

    typer.echo(printable(text, keep_newlines=True), err=err)


def parse_date(value: str | None, flag: str) -> dt.date | None:
    from semantic.errors import QueryError, shown

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{flag} expects a date as YYYY-MM-DD, got {shown(value)}") from None
