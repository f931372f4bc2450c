"""Writing a loader's tables (Fivetran's Shopify connector, ...) into a test warehouse, in their own shapes.

The CSVs under tests/fixtures/<loader>/ are written by hand from the public column
lists; this creates each as a physical table with the loader's types (numeric
ids, float or numeric money, naive or zoned timestamps), not the contract's.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import sqlglot.expressions as sge

from semantic.presets import BOOL, COUNT, ID, INSTANT, MONEYISH, PRESETS

FIXTURES = Path(__file__).parent / "fixtures"
SQL_TYPES = {ID: "BIGINT", COUNT: "BIGINT", MONEYISH: "DOUBLE PRECISION", BOOL: "BOOLEAN"}
# Fivetran writes some money as NUMERIC; the preset must take both.
NUMERIC_MONEY = {("order_line_refund", "subtotal"), ("order_line_refund", "total_tax"), ("order_adjustment", "amount")}


def _arrow_type(kind: str | None, naive: bool) -> pa.DataType:
    if kind == INSTANT:
        return pa.timestamp("us") if naive else pa.timestamp("us", tz="UTC")
    return {ID: pa.int64(), COUNT: pa.int64(), MONEYISH: pa.float64(), BOOL: pa.bool_()}.get(kind, pa.string())


def _sql_type(table: str, column: str, kind: str | None, naive: bool) -> str:
    if kind == INSTANT:
        return "TIMESTAMP" if naive else "TIMESTAMP WITH TIME ZONE"
    if (table, column) in NUMERIC_MONEY:
        return "NUMERIC(38, 9)"
    return SQL_TYPES.get(kind, "TEXT")


def read_loader_tables(loader: str, preset: str, naive: bool, connections: tuple[str, ...] | None) -> dict[str, pa.Table]:
    """Each CSV as Arrow in the loader's types; with `connections`, only their rows and no source_relation."""
    kinds = {raw.name: dict(raw.columns) for raw in PRESETS[preset].raw_tables}
    tables = {}
    for path in sorted((FIXTURES / loader).glob("*.csv")):
        columns = kinds.get(path.stem, {})
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        types = {c: _arrow_type(columns.get(c), True) for c in header}
        options = pacsv.ConvertOptions(column_types=types, strings_can_be_null=True, timestamp_parsers=["%Y-%m-%d %H:%M:%S"])
        table = pacsv.read_csv(path, convert_options=options)
        if not naive:  # the same UTC wall clock, as instants
            for i, c in enumerate(table.column_names):
                if columns.get(c) == INSTANT:
                    table = table.set_column(i, c, pc.assume_timezone(table[c], "UTC"))
        if connections is not None:
            table = table.filter(pc.is_in(table["source_relation"], pa.array(connections))).drop(["source_relation"])
        tables[path.stem] = table
    return tables


def write_loader_tables(warehouse, schema: str | None, tables: dict[str, pa.Table], preset: str, naive: bool) -> None:
    kinds = {raw.name: dict(raw.columns) for raw in PRESETS[preset].raw_tables}
    dialect = warehouse.dialect
    with warehouse.transaction():
        if schema:
            warehouse._run(warehouse.create_schema_sql(schema))
        for name, data in tables.items():
            target = sge.table_(name, db=schema, quoted=True)
            columns = [
                sge.ColumnDef(
                    this=sge.to_identifier(c, quoted=True),
                    kind=sge.DataType.build(_sql_type(name, c, kinds.get(name, {}).get(c), naive), dialect=dialect),
                )
                for c in data.column_names
            ]
            warehouse._run(sge.Create(this=sge.Schema(this=target, expressions=columns), kind="TABLE").sql(dialect))
            warehouse._insert(target.sql(dialect), data)
