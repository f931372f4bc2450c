"""Reading contract tables from CSV or Parquet files, cast to the contract's types.

`semantic load DIR` reads `<table>.csv` or `<table>.parquet` for each contract
table present in DIR. CSV: a header row, an empty field is NULL, timestamps are
UTC as `YYYY-MM-DD HH:MM:SS`, booleans true/false. Any file that does not fit
the contract is reported by name, with the column and value, before anything is
written.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from semantic.contract import CONTRACT
from semantic.errors import ConfigError, did_you_mean

from semantic.arrow_schema import contract_arrow_schema


def find_table_files(directory: Path) -> dict[str, Path]:
    if not directory.is_dir():
        raise ConfigError(f"{directory} is not a directory", hint="semantic load DIR expects a folder of <table>.csv or .parquet files")
    found: dict[str, Path] = {}
    unknown = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".csv", ".parquet"):
            continue
        if path.stem not in CONTRACT:
            unknown.append(path.name)
            continue
        if path.stem in found:
            raise ConfigError(f"both {found[path.stem].name} and {path.name} are in {directory}; keep one")
        found[path.stem] = path
    if unknown:
        # A misspelt name (refund.csv) must not load the rest and silently leave a table out.
        raise ConfigError(
            f"{', '.join(unknown)} in {directory} {'is' if len(unknown) == 1 else 'are'} not named after a contract table."
            f"{did_you_mean(Path(unknown[0]).stem, CONTRACT)}",
            hint=f"files are named after the contract's tables: {', '.join(CONTRACT)}; move other files elsewhere",
        )
    if not found:
        raise ConfigError(f"no .csv or .parquet files named after contract tables in {directory}")
    return found


def read_table_file(logical: str, path: Path) -> pa.Table:
    """The file as an Arrow table with exactly the contract's columns and types."""
    schema = contract_arrow_schema(logical)
    try:
        raw = _read_csv(path, schema) if path.suffix.lower() == ".csv" else pq.read_table(path)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OSError) as exc:
        raise ConfigError(f"{path.name}: {_arrow_message(exc, _csv_header(path))}", path=str(path)) from None
    missing = [f.name for f in schema if f.name not in raw.column_names]
    if missing:
        raise ConfigError(
            f"{path.name} lacks column(s) {', '.join(missing)} of contract table {logical}",
            path=str(path),
            hint=f"{logical} has: {', '.join(schema.names)}",
        )
    columns = []
    for field in schema:
        column = raw.column(field.name)
        try:
            column = _cast(column, field.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
            raise ConfigError(
                f"{path.name}: column {field.name} does not fit {field.type}: {_arrow_message(exc)}", path=str(path)
            ) from None
        if not field.nullable and column.null_count:
            raise ConfigError(f"{path.name}: column {field.name} has {column.null_count} empty value(s) but may not be NULL", path=str(path))
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


def _read_csv(path: Path, schema: pa.Schema) -> pa.Table:
    types = {}
    for field in schema:
        if pa.types.is_timestamp(field.type):
            types[field.name] = pa.timestamp("us")  # naive text, declared UTC below
        else:
            types[field.name] = field.type
    options = pacsv.ConvertOptions(
        column_types=types,
        null_values=[""],
        strings_can_be_null=True,
        true_values=["true", "TRUE", "True"],
        false_values=["false", "FALSE", "False"],
        # ISO 8601 only (space or T): strptime formats silently roll 2024-02-30 over to March 1.
        timestamp_parsers=[pacsv.ISO8601],
    )
    return pacsv.read_csv(path, convert_options=options)


def _cast(column: pa.ChunkedArray, target: pa.DataType) -> pa.ChunkedArray:
    if column.type == target:
        return column
    if pa.types.is_timestamp(target) and pa.types.is_timestamp(column.type) and column.type.tz is None:
        return pc.assume_timezone(column.cast(pa.timestamp("us")), "UTC")
    return column.cast(target)


def _csv_header(path: Path) -> list[str]:
    if path.suffix.lower() != ".csv":
        return []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError):
        return []


def _arrow_message(exc: BaseException, columns: list[str] | None = None) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

    def name(match: re.Match) -> str:  # Arrow numbers CSV columns from 0
        index = int(match.group(1))
        return f"column {columns[index]}" if columns and index < len(columns) else match.group(0)

    return re.sub(r"In CSV column #(\d+)", name, text)
