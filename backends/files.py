"""Reading contract tables from CSV or Parquet files, cast to the contract's types.

`semantic load DIR` reads `<table>.csv` or `<table>.parquet` for each contract
table present in DIR. CSV: a header row, an empty field is NULL, timestamps are
`YYYY-MM-DD HH:MM:SS` in UTC or carry their zone (`Z`, an offset such as
`-05:00` or `-0500`, or ` UTC`), booleans true/false. Any file that does not fit
the contract is reported by name, line, column and value before anything is
written; extra columns and a file without rows are warnings.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from semantic.contract import CONTRACT
from semantic.errors import ConfigError, did_you_mean

from semantic.arrow_schema import contract_arrow_schema
from semantic.printable import shorten
from semantic.shop_time import ZONE_SUFFIX, ZONED, rails_zone_name, rails_zones

from semantic.backends.bad_values import csv_column_as_text, describe_value, first_bad, where


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


@dataclass(frozen=True)
class TableFile:
    """A file read and checked against its contract table, and what the user should know about it."""

    path: Path
    table: pa.Table
    warnings: tuple[str, ...] = ()


def read_table_file(logical: str, path: Path) -> pa.Table:
    """The file as an Arrow table with exactly the contract's columns and types."""
    return read_checked(logical, path).table


def read_checked(logical: str, path: Path) -> TableFile:
    """The file read and checked; a file that does not fit raises ConfigError naming
    the file, line (or row), column and value. Extra columns and a file without rows
    are warnings (`semantic load --strict` makes them errors)."""
    schema = contract_arrow_schema(logical)
    header = _csv_header(path)
    _refuse_duplicates(path, header)
    try:
        raw = _read_csv(path, schema) if path.suffix.lower() == ".csv" else pq.read_table(path)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OSError) as exc:
        raise _read_error(path, exc, header, schema) from None
    _refuse_duplicates(path, raw.column_names)
    optional = CONTRACT[logical].optional
    for name in sorted(optional - set(raw.column_names)):
        raw = raw.append_column(name, pa.nulls(raw.num_rows, schema.field(name).type))
    missing = [f.name for f in schema if f.name not in raw.column_names]
    if missing:
        raise ConfigError(
            f"{path.name} lacks column(s) {', '.join(missing)} of contract table {logical}",
            path=str(path),
            hint=f"{logical} has: {', '.join(schema.names)}",
        )
    columns = [_checked_column(path, raw.column(field.name), field) for field in schema]
    warnings = []
    if logical == "shops":
        index = schema.names.index("timezone")
        columns[index], mapped = _rails_zones_mapped(columns[index])
        warnings += [f"{path}: timezone {name!r} is a Rails zone name of Shopify's: loaded as {zone}" for name, zone in mapped]
    extra = [c for c in raw.column_names if c not in schema.names]
    if extra:
        warnings.append(f"{path}: column(s) {', '.join(shorten(c, 60) for c in extra)} are not in contract table {logical} and are not loaded")
    if raw.num_rows == 0:
        warnings.append(f"{path} holds no rows: {logical} will be empty")
    return TableFile(path, pa.Table.from_arrays(columns, schema=schema), tuple(warnings))


def _checked_column(path: Path, column: pa.ChunkedArray, field: pa.Field) -> pa.ChunkedArray:
    try:
        column = _cast(column, field.type)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
        raise _bad_value_error(path, field, column.to_pylist(), exc) from None
    if not field.nullable and column.null_count:
        row = column.is_null().to_pylist().index(True)
        raise ConfigError(
            f"{where(path, row)}, column {field.name}: empty, but {field.name} may not be NULL "
            f"({column.null_count:,} empty value(s) in all)",
            path=str(path),
        )
    if pa.types.is_string(field.type):
        has_nul = pc.match_substring(column, "\x00")
        if pc.any(has_nul).as_py():
            row = has_nul.to_pylist().index(True)
            raise ConfigError(
                f"{where(path, row)}, column {field.name}: the value holds a NUL byte (\\x00), which text may not "
                "contain (PostgreSQL cannot store it)",
                path=str(path),
            )
    return column


def _refuse_duplicates(path: Path, names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ConfigError(f"column {shorten(name, 60)!r} appears more than once in the header; keep one", path=str(path))
        seen.add(name)


def _read_error(path: Path, exc: BaseException, header: list[str], schema: pa.Schema) -> ConfigError:
    """The reader's error, with the first bad value found when it is a conversion error of one column."""
    found = re.search(r"In CSV column #(\d+)", str(exc))
    if found and int(found.group(1)) < len(header) and header[int(found.group(1))] in schema.names:
        name = header[int(found.group(1))]
        try:
            values = csv_column_as_text(path, name)
        except (pa.ArrowInvalid, OSError):
            values = []
        return _bad_value_error(path, schema.field(name), values, exc)
    return ConfigError(f"{_arrow_message(exc, header)}", path=str(path))


def _bad_value_error(path: Path, field: pa.Field, values: list, exc: BaseException) -> ConfigError:
    texts = (None if v is None else repr(v) if isinstance(v, float) else str(v) for v in values)
    bad = first_bad(texts, field.type)
    if bad is None:
        return ConfigError(f"column {field.name} does not fit {field.type}: {_arrow_message(exc)}", path=str(path))
    row, text, reason = bad
    return ConfigError(f"{where(path, row)}, column {field.name}: {describe_value(text)} {reason}", path=str(path))


def _read_csv(path: Path, schema: pa.Schema) -> pa.Table:
    types = {}
    for field in schema:
        if pa.types.is_timestamp(field.type):
            types[field.name] = pa.string()  # zoned or naive (UTC) text, read by _text_instants
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
    if pa.types.is_timestamp(target) and pa.types.is_string(column.type):
        return _text_instants(column)
    if pa.types.is_timestamp(target) and pa.types.is_timestamp(column.type) and column.type.tz is None:
        return pc.assume_timezone(column.cast(pa.timestamp("us")), "UTC")
    if pa.types.is_decimal(target) and pa.types.is_floating(column.type):
        # Arrow rounds a float to the decimal's scale without a word: 12.345 would load as 12.35.
        uneven = pc.fill_null(pc.not_equal(pc.round(column, target.scale), column), False)
        if pc.any(uneven).as_py():
            raise pa.ArrowInvalid("a value has more decimal places than the column's scale")
    return column.cast(target)


def _rails_zones_mapped(column: pa.ChunkedArray) -> tuple[pa.ChunkedArray, list[tuple[str, str]]]:
    """Shop zones written as Rails names ("Eastern Time (US & Canada)") as their IANA zones, and which were."""
    mapped = []
    for value in set(column.to_pylist()):
        name = rails_zone_name(value)
        if name is not None:
            mapped.append((value, rails_zones()[name]))
    if not mapped:
        return column, []
    keys, zones = pa.array([m[0] for m in mapped]), pa.array([m[1] for m in mapped])
    found = pc.index_in(column, value_set=keys)
    return pc.coalesce(pc.take(zones, found), column), sorted(mapped)


def _text_instants(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Text timestamps as UTC instants: those with a zone (Z, an offset, UTC) at it, naive ones as UTC."""
    text = pc.utf8_trim_whitespace(column)
    zoned = pc.fill_null(pc.match_substring_regex(text, ZONED.pattern), False)
    # Arrow's ISO 8601 parser wants the zone right after the time, and no "UTC".
    spelled = pc.replace_substring_regex(text, rf"\s*({ZONE_SUFFIX})$", r"\1")
    spelled = pc.replace_substring_regex(spelled, "UTC$", "Z")
    with_zone = pc.if_else(zoned, spelled, pa.scalar(None, pa.string())).cast(pa.timestamp("us", tz="UTC"))
    naive = pc.if_else(zoned, pa.scalar(None, pa.string()), text).cast(pa.timestamp("us"))
    return pc.coalesce(with_zone, pc.assume_timezone(naive, "UTC"))


def _csv_header(path: Path) -> list[str]:
    if path.suffix.lower() != ".csv":
        return []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def _arrow_message(exc: BaseException, columns: list[str] | None = None) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

    def name(match: re.Match) -> str:  # Arrow numbers CSV columns from 0
        index = int(match.group(1))
        return f"column {columns[index]}" if columns and index < len(columns) else match.group(0)

    return re.sub(r"In CSV column #(\d+)", name, text)
