"""A query's result as plain Python values: what `semantic query` prints as a table, CSV or JSON.

Printing needs the rows and each column's type, nothing of Arrow. Engines whose
cursor gives Python values (DuckDB, PostgreSQL) fill these straight from it, so
a `semantic query` process never imports pyarrow and numpy (0.1 to 0.15 s of a
one-second command); Parquet and every other consumer keep Arrow tables.

Values are conformed to the result's Ibis types as the Arrow path casts them: a
ratio is a float, money a Decimal with exactly its scale's places (a value that
would lose a digit is an error, never rounded), a count an int.

>>> rows = ResultRows.of((("shop_id", "string"), ("revenue", "decimal(38, 2)")), [("s1", Decimal("12.5"))])
>>> rows.dicts()
[{'shop_id': 's1', 'revenue': Decimal('12.50')}]
>>> rows.text_columns
frozenset({'shop_id'})
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

_DECIMAL = re.compile(r"decimal\((\d+), *(\d+)\)")


@dataclass(frozen=True)
class ResultRows:
    """Column names, their Ibis types (as `str(dtype)` spells them) and the rows, in that column order."""

    columns: tuple[str, ...]
    types: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    @classmethod
    def of(cls, schema: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]) -> ResultRows:
        """Rows fetched from an engine, conformed to `schema` ((column, Ibis type) pairs)."""
        columns = tuple(name for name, _ in schema)
        types = tuple(kind.lstrip("!") for _, kind in schema)
        if rows and len(rows[0]) != len(columns):
            raise ValueError(f"the statement returned {len(rows[0])} columns, its schema has {len(columns)}: {', '.join(columns)}")
        convert = [_converter(name, kind) for name, kind in zip(columns, types)]
        if all(c is None for c in convert):
            return cls(columns, types, tuple(tuple(row) for row in rows))
        return cls(columns, types, tuple(
            tuple(v if f is None or v is None else f(v) for f, v in zip(convert, row)) for row in rows
        ))

    @classmethod
    def from_arrow(cls, table: pa.Table) -> ResultRows:
        """An Arrow result (the materialized path's, a report's) as rows."""
        import ibis

        schema = ibis.Schema.from_pyarrow(table.schema)
        values = [table.column(i).to_pylist() for i in range(table.num_columns)]
        return cls(tuple(schema.names), tuple(str(t).lstrip("!") for t in schema.types), tuple(zip(*values)))

    @property
    def text_columns(self) -> frozenset[str]:
        """The columns holding text (a table may cut them; never a number or a date)."""
        return frozenset(c for c, t in zip(self.columns, self.types) if t == "string")

    def dicts(self, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Each row as {column: value}, of `columns` (default: all) in that order."""
        picked = list(columns) if columns is not None else list(self.columns)
        index = [self.columns.index(c) for c in picked]
        return [{c: row[i] for c, i in zip(picked, index)} for row in self.rows]

    def values(self, column: str) -> list[Any]:
        """One column's values, top to bottom."""
        i = self.columns.index(column)
        return [row[i] for row in self.rows]

    def to_arrow(self) -> pa.Table:
        """The rows as an Arrow table of their Ibis types (for Parquet)."""
        import ibis

        from semantic.arrow_schema import rows_to_arrow

        return rows_to_arrow(self.rows, ibis.schema(list(zip(self.columns, self.types))).to_pyarrow())


def _converter(column: str, kind: str) -> Callable[[Any], Any] | None:
    """How a fetched value becomes the Python value of Ibis type `kind` (None: as it comes)."""
    if kind in ("float64", "float32"):
        return float
    if kind in ("int64", "int32", "int16", "int8"):
        return lambda value: _integer(column, value)
    if kind == "date":
        return _date
    found = _DECIMAL.fullmatch(kind)
    if found:
        quantum = Decimal(1).scaleb(-int(found.group(2)))
        return lambda value: _decimal(column, value, quantum)
    return None


def _integer(column: str, value: Any) -> Any:
    if type(value) is int:
        return value
    whole = int(value)
    if whole != value:
        raise ValueError(f"column {column!r}: {value} is not a whole number")
    return whole


def _date(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else value


def _decimal(column: str, value: Any, quantum: Decimal) -> Decimal:
    """`value` with exactly `quantum`'s places; one that would lose a digit is an error."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    if exact.as_tuple().exponent == quantum.as_tuple().exponent:
        return exact
    shown = exact.quantize(quantum)
    if shown != exact:
        raise ValueError(f"column {column!r}: {exact} has more decimal places than its type keeps ({quantum})")
    return shown
