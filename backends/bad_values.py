"""Finding and explaining the first value of a file that does not fit the contract.

Arrow says only "Rescaling Decimal value would cause data loss" or "CSV
conversion error" for a whole column; a user needs the file, the line, the
column and the value. These run only once a file has been refused, so they may
read it again and look at values one by one.

>>> reason_for("12.345", pa.decimal128(18, 2))
'has more than 2 decimal places (money is DECIMAL(18, 2))'
>>> reason_for("2024-02-30 10:00:00", pa.timestamp("us", tz="UTC")) is not None
True
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import re
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from semantic.printable import shorten
from semantic.shop_time import ZONED, normal_zoned

TRUE = ("true", "TRUE", "True")
FALSE = ("false", "FALSE", "False")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}([ T]\d{2}(:\d{2}(:\d{2}(\.\d{1,9})?)?)?)?Z?")


def reason_for(text: str, target: pa.DataType) -> str | None:
    """Why `text` (as written in a CSV file) cannot be a `target` value, or None when it can."""
    if pa.types.is_decimal(target):
        return _decimal_reason(text, target)
    if pa.types.is_integer(target):
        return None if re.fullmatch(r"[+-]?\d+", text.strip()) else "is not a whole number"
    if pa.types.is_boolean(target):
        return None if text in TRUE + FALSE else "is not true or false"
    if pa.types.is_date(target):
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return "is not a date (YYYY-MM-DD)"
        return None
    if pa.types.is_timestamp(target):
        if ZONED.match(text):
            text = normal_zoned(text)
            try:
                dt.datetime.fromisoformat(text)
            except ValueError:
                return "is not a real date and time"
            return None
        if not _TIMESTAMP.fullmatch(text):
            return "is not a timestamp (YYYY-MM-DD HH:MM:SS in UTC, or with Z, an offset or UTC)"
        try:
            dt.datetime.fromisoformat(text.rstrip("Z")[:26])
        except ValueError:
            return "is not a real date and time"
        return None
    return None


def _decimal_reason(text: str, target: pa.Decimal128Type) -> str | None:
    try:
        value = decimal.Decimal(text.strip())
    except decimal.InvalidOperation:
        return "is not a number"
    if not value.is_finite():
        return "is not a finite number"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > target.scale and value != value.quantize(decimal.Decimal(1).scaleb(-target.scale)):
        return f"has more than {target.scale} decimal places (money is DECIMAL({target.precision}, {target.scale}))"
    if abs(value) >= decimal.Decimal(10) ** (target.precision - target.scale):
        return f"is too large for DECIMAL({target.precision}, {target.scale})"
    return None


def first_bad(values: Iterable[str | None], target: pa.DataType) -> tuple[int, str, str] | None:
    """(0-based row, value, reason) of the first value that cannot be `target`."""
    for index, text in enumerate(values):
        if text is None:
            continue
        reason = reason_for(text, target)
        if reason:
            return index, text, reason
    return None


def csv_column_as_text(path: Path, column: str) -> list[str | None]:
    """One column of a CSV file, as the text written in it (empty fields are None)."""
    options = pacsv.ConvertOptions(
        include_columns=[column], column_types={column: pa.string()}, null_values=[""], strings_can_be_null=True
    )
    return pacsv.read_csv(path, convert_options=options).column(column).to_pylist()


def csv_line(path: Path, row: int) -> int | None:
    """The line of a CSV file where data row `row` (0-based, after the header) starts.

    Read with the csv module, so quoted fields spanning lines are counted right.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            end_of_previous = 0
            for index, _record in enumerate(reader):
                if index == row + 1:
                    return end_of_previous + 1
                end_of_previous = reader.line_num
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return None


def where(path: Path, row: int) -> str:
    """'line 4 (data row 3)' in a CSV file, 'row 3' in a Parquet file: how to find a data row."""
    if path.suffix.lower() == ".csv":
        line = csv_line(path, row)
        if line is not None:
            return f"line {line} (data row {row + 1})"
    return f"row {row + 1}"


def describe_value(text: str) -> str:
    return repr(shorten(text, 60))
