"""Which warehouses `semantic demo` may overwrite: those whose contract tables it wrote itself.

The demo records, in a small table `semantic_demo` beside the contract tables,
how many rows it wrote into each. A later `semantic demo` replaces the tables
without `--force` only when that record exists and every contract table still
holds exactly the rows it recorded; anything else (a `semantic load`, which
removes the record in its own transaction, or another tool writing rows) makes
the data the user's.

The statements are built with sqlglot from our own names and integers; no value
the user typed is spliced into them.
"""

from __future__ import annotations

import pyarrow as pa
import sqlglot.expressions as sge

from semantic.contract import CONTRACT
from semantic.sources import Sources

MARKER = "semantic_demo"
_COLUMNS = {"table_name": "TEXT", "row_count": "BIGINT"}


def _marker(sources: Sources) -> sge.Table:
    return sge.table_(MARKER, db=sources.physical("orders").database, quoted=True)


def clear_marker(warehouse, sources: Sources) -> None:
    """Forget that the demo wrote these tables (inside the caller's transaction)."""
    warehouse._run(sge.Drop(tables=[_marker(sources)], kind="TABLE", exists=True).sql(warehouse.sqlglot_dialect))


def write_marker(warehouse, sources: Sources, counts: dict[str, int]) -> None:
    """Record the demo's row count of each table (inside the caller's transaction)."""
    clear_marker(warehouse, sources)
    columns = [
        sge.ColumnDef(this=sge.to_identifier(name, quoted=True), kind=sge.DataType.build(kind, dialect=warehouse.sqlglot_dialect))
        for name, kind in _COLUMNS.items()
    ]
    table = _marker(sources)
    warehouse._run(sge.Create(this=sge.Schema(this=table, expressions=columns), kind="TABLE").sql(warehouse.sqlglot_dialect))
    rows = [sge.Tuple(expressions=[sge.convert(name), sge.convert(int(count))]) for name, count in sorted(counts.items())]
    warehouse._run(sge.insert(sge.Values(expressions=rows), table).sql(warehouse.sqlglot_dialect))


def marker_rows(counts: dict[str, int]) -> pa.Table:
    """The record as rows, for engines that write tables as files (Spark)."""
    names = sorted(counts)
    return pa.table({"table_name": pa.array(names, pa.string()), "row_count": pa.array([int(counts[n]) for n in names], pa.int64())})


def demo_owns(warehouse, sources: Sources) -> bool:
    """True when every contract table present holds exactly the rows the demo recorded writing."""
    marker = _marker(sources)
    if set(warehouse._column_types(MARKER, marker.db or None) or {}) != set(_COLUMNS):
        return False  # no record, or one from an older version that did not count rows
    select = sge.select("table_name", "row_count").from_(marker)
    recorded = dict(warehouse._fetch(select.sql(warehouse.sqlglot_dialect)))
    for logical in CONTRACT:
        physical = sources.physical(logical)
        if warehouse._column_types(physical.name, physical.database) is None:
            continue
        count = sge.select(sge.Count(this=sge.Star())).from_(sge.table_(physical.name, db=physical.database, quoted=True))
        if recorded.get(logical) != warehouse._fetch(count.sql(warehouse.sqlglot_dialect))[0][0]:
            return False
    return True
