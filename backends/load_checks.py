"""`semantic load`'s door: the blocking row-level checks, run on the files' rows before the commit.

The load writes every table inside one transaction (Warehouse.load); once they
hold the new rows, and before COMMIT, the catalog's checks marked `at_load`
(keys, NULL order ids and required fields, Shopify's statuses, time zones and
currencies, unknown shops, orphan and oversized refunds, gross sales against
lines) run in the warehouse as the same compiled expressions `semantic check
--database` runs, over the tables as they would be committed (loaded files plus
tables already there). An error-level failure raises DataRefused and the
transaction rolls back: nothing is written, and readers never saw the new rows.
Each offending row found in a file is named by its line (row in Parquet/JSON).
The checks look at the state the commit would leave, so a problem already in a
table that is not loaded (and that a check of the loaded ones reads) refuses the
load too: nothing bad is committed; load that table fixed, or pass --no-checks.

>>> # warehouse.load(tables, sources, before_commit=door(warehouse, catalog, config, files, report))
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from semantic.catalog import Catalog
from semantic.checks import CheckResult, CheckRun, CheckScope
from semantic.config import Config
from semantic.contract import CONTRACT
from semantic.errors import DataRefused
from semantic.quality_checks import CONTRACT_KEYS
from semantic.quality_config import CheckEntry
from semantic.sources import Sources

from semantic.backends.bad_values import where
from semantic.backends.warehouse import Warehouse

# How many file rows are named per offending row of a check.
ROWS_NAMED = 5


def load_check_names(catalog: Catalog, config: Config, loaded: Collection[str]) -> tuple[str, ...]:
    """The checks a load of `loaded` tables runs: `at_load` ones that read one of them, unless `[checks.NAME] enabled = false`."""
    names = []
    for name, check in catalog.checks.items():
        enabled = config.checks.get(name, CheckEntry()).enabled
        if check.at_load and enabled is not False and set(check.tables) & set(loaded):
            names.append(name)
    return tuple(names)


def door(
    warehouse: Warehouse,
    catalog: Catalog,
    config: Config,
    files: Mapping[str, tuple[Path, pa.Table]],
    report: Callable[[CheckRun, dict[str, list[str]]], None],
) -> Callable[[], None]:
    """The `before_commit` of a load: run the load checks, `report` them with their file rows, raise on a failure."""
    from semantic.backends.quality import run_checks

    def check() -> None:
        sources = Sources.from_config(config)
        present = frozenset(t for t in CONTRACT if t in files or not warehouse.missing_pieces(sources, [t]))
        names = load_check_names(catalog, config, files)
        if not names:
            return
        run = run_checks(warehouse, catalog, config, CheckScope(select=names, present=present))
        rows = {r.name: file_rows(r, files) for r in run.results if r.status in ("fail", "warn")}
        report(run, rows)
        failed = [r.name for r in run.results if r.status == "fail"]
        if failed:
            raise DataRefused(
                f"{len(failed)} blocking data check(s) failed on the files ({', '.join(failed)}); nothing was loaded",
                hint="fix the rows named above in the files (or the source), or load anyway with --no-checks",
            )

    return check


def file_rows(result: CheckResult, files: Mapping[str, tuple[Path, pa.Table]]) -> list[str]:
    """Where the sample rows of `result` come from in the files: 'orders.csv line 4 (data row 3)', ..."""
    found: list[str] = []
    for values in result.samples:
        row = dict(zip(result.columns, values))
        table = row.get("table") if isinstance(row.get("table"), str) else (result.tables[0] if result.tables else None)
        if table not in files:
            continue
        path, data = files[table]
        mask = _row_mask(result.name, table, row, data)
        if mask is None:
            continue
        indices = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()
        more = f" and {len(indices) - ROWS_NAMED:,} more" if len(indices) > ROWS_NAMED else ""
        if not indices:
            continue
        if path.stem == table:
            found.append(f"{path.name} {', '.join(where(path, i) for i in indices[:ROWS_NAMED])}{more}")
        else:  # a table read out of another file (order lines of Shopify's orders.json): its own row numbers
            found.append(f"{table} {', '.join(f'row {i + 1}' for i in indices[:ROWS_NAMED])}{more} (read from {path.name})")
    return list(dict.fromkeys(found))


def _row_mask(check: str, table: str, row: dict[str, Any], data: pa.Table) -> pa.ChunkedArray | None:
    """The file rows an offending row stands for: equal on the columns they share (a key's parts, a NULL column)."""
    conditions = []
    columns = set(data.column_names)
    if check == "duplicate_keys" and "key" in row:
        key = CONTRACT_KEYS[table]
        rest = key[1:] or key
        parts = str(row["key"]).split(" | ") if len(rest) > 1 else [str(row["key"])]
        conditions += [pc.equal(pc.cast(data.column(c), pa.string()), p) for c, p in zip(rest, parts)]
    if check == "order_id_null" and "order_id" in columns:
        conditions.append(pc.is_null(data.column("order_id")))
    if isinstance(row.get("column"), str) and row["column"] in columns:
        conditions.append(pc.is_null(data.column(row["column"])))
    for name, value in row.items():
        if name in columns and name not in ("column", "key") and value is not None:
            try:
                conditions.append(pc.equal(data.column(name), pa.scalar(value, type=data.schema.field(name).type)))
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                continue
    if not conditions:
        return None
    mask = conditions[0]
    for condition in conditions[1:]:
        mask = pc.and_(mask, condition)
    return mask
