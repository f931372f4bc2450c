"""Rendering query results: a rich table for people; CSV, JSON and Parquet for machines.

Tables print every value with its control characters made visible and never cut
a number or a date (semantic.cli.tables); CSV, JSON and Parquet keep the exact
values. JSON is a list of objects: dimension columns (dates as ISO strings) and one key
per metric; money as JSON numbers exact to the cent, counts as integers, ratios
as numbers, NULL as null.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
from collections.abc import Sequence
from pathlib import Path

FORMATS = ("table", "csv", "json", "parquet")


def check_format(format: str, output: Path | None) -> None:
    """Refuse an unknown --format, parquet without --output (it is binary), or an
    --output that can never be a file, before any work is done."""
    from semantic.atomic_files import check_output_file
    from semantic.errors import QueryError, shown

    if format not in FORMATS:
        raise QueryError(f"--format must be one of {', '.join(FORMATS)}, got {shown(format)}")
    if format == "parquet" and output is None:
        raise QueryError("--format parquet needs --output FILE")
    if output is not None:
        check_output_file(output)


def text_columns(result) -> frozenset[str]:
    """The text columns of an Arrow table or ResultRows (a table may cut them, never the others)."""
    from semantic.result_rows import ResultRows

    if isinstance(result, ResultRows):
        return result.text_columns
    import pyarrow as pa

    return frozenset(f.name for f in result.schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type))


def json_value(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, decimal.Decimal):
        # Exact decimal text is valid JSON number syntax: no float noise.
        text = format(value, "f")
        return text if text not in ("-0", "-0.00") else text.lstrip("-")
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "null"  # never emitted by our ratios; guarded anyway
        return json.dumps(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return json.dumps(value.isoformat())
    return json.dumps(value)


def to_json(rows: Sequence[dict]) -> str:
    items = ("{" + ", ".join(f"{json.dumps(k)}: {json_value(v)}" for k, v in row.items()) + "}" for row in rows)
    return "[\n  " + ",\n  ".join(items) + "\n]\n" if rows else "[]\n"


def to_csv(rows: Sequence[dict], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else _plain(row[c]) for c in columns])
    return buffer.getvalue()


def _plain(value) -> str:
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def display_cells(rows: Sequence[dict], columns: Sequence[str], units: dict[str, str]) -> list[dict[str, str]]:
    """Each row as the text a person reads: money with cents and thousands, control characters visible."""
    from semantic.cli.tables import cell_text

    return [{c: cell_text(_display(row[c], units.get(c))) if row[c] is not None else cell_text(None) for c in columns} for row in rows]


def rigid_columns(text: frozenset[str], columns: Sequence[str]) -> set[str]:
    """Columns that must never be cut: everything but text."""
    return {c for c in columns if c not in text}


def _display(value, unit: str | None) -> str:
    if unit == "money" and isinstance(value, decimal.Decimal):
        return f"{value:,.2f}"
    if unit == "ratio" and isinstance(value, float):
        return f"{value:,.4f}"
    if unit == "count" and isinstance(value, int):
        return f"{value:,}"
    return _plain(value)


def print_table(rows: Sequence[dict], columns: Sequence[str], units: dict[str, str], text: frozenset[str]) -> None:
    """Rows on stdout for a person (see semantic.cli.tables); piped output is never squeezed to 80 columns."""
    from rich.console import Console

    from semantic.cli.tables import print_rows

    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(width=1000, highlight=False)
    right = {c for c in columns if units.get(c) != "dimension"}
    print_rows(console, display_cells(rows, columns, units), columns, rigid_columns(text, columns), right)


def emit(result, units: dict[str, str], format: str, output: Path | None) -> None:
    """Write a result's `units` columns (name -> unit) in `format` to `output` or stdout.

    `result` is an Arrow table or `semantic.result_rows.ResultRows` (a compiled
    query's rows, fetched without Arrow; Parquet converts them).

    A table asked for with --output is written as CSV; every file is written
    atomically (semantic.atomic_files), so a failure never leaves half a file.
    """
    from semantic.result_rows import ResultRows

    columns = list(units)
    if format == "parquet":
        import pyarrow.parquet as pq

        from semantic.atomic_files import atomic_path

        table = result.to_arrow() if isinstance(result, ResultRows) else result
        with atomic_path(output) as tmp:
            pq.write_table(table.select(columns), tmp)
        return
    rows = result.dicts(columns) if isinstance(result, ResultRows) else result.select(columns).to_pylist()
    if format == "json":
        write_output(to_json(rows), output)
    elif format == "csv" or output is not None:
        write_output(to_csv(rows, columns), output)
    else:
        print_table(rows, columns, units, text_columns(result))


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        import sys

        sys.stdout.write(text)
        return
    from semantic.atomic_files import write_atomically

    write_atomically(output, text)
