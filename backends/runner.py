"""Run a built query on a warehouse: contract check, currency guard, execute.

Everything it needs travels with the query (`BuiltQuery`): the sources and
contract tables it reads, and the currency check when it adds money across shops.

>>> # warehouse = connect("duckdb:///semantic_demo.duckdb")
>>> # result = run_query(warehouse, built)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from semantic.currency import refuse_mixed_currencies
from semantic.errors import QueryError, did_you_mean, shown
from semantic.compile_cache import CompiledQuery
from semantic.result_rows import ResultRows
from semantic.sources import Sources

from semantic.backends.warehouse import Warehouse

if TYPE_CHECKING:  # a compiled query runs without Ibis, and without Arrow (run_compiled)
    import pyarrow as pa

    from semantic.query import BuiltQuery


def run_query(warehouse: Warehouse, built: BuiltQuery) -> pa.Table:
    """Execute `built` on `warehouse`; refuses money across currencies unless split by shop."""
    warehouse.check_contract(built.sources, built.tables)
    require_known_shops(warehouse, built.sources, built.spec.shops)
    if built.currency_check is not None:
        currencies = warehouse.execute(built.currency_check).column("currency").to_pylist()
        refuse_mixed_currencies([c for c in currencies if c is not None])
    return warehouse.execute(built.expr)


def query_notes(warehouse: Warehouse, built: BuiltQuery) -> list[str]:
    """What a reader of the result should know about the data it counted (after run_query)."""
    notes = []
    if built.orphan_refunds is not None:
        count = warehouse.execute(built.orphan_refunds).column("refunds").to_pylist()[0] or 0
        if count:
            notes.append(
                f"{count:,} refund(s) counted on their own day have no loaded order (it predates the loaded "
                "history or is missing): they are returns of orders outside the data, as Shopify shows them"
            )
    return notes


def run_compiled(warehouse: Warehouse, compiled: CompiledQuery, sources: Sources) -> ResultRows:
    """Execute a compiled query (`semantic.compile_cache`), with the same checks as `run_query`.

    Needs neither Ibis nor the catalog, nor Arrow on DuckDB and PostgreSQL:
    everything travels as text and type names, and the rows come back as Python values.
    """
    if compiled.dialect != warehouse.dialect:
        raise QueryError(f"the query was compiled for {compiled.dialect}, the warehouse is {warehouse.dialect}")
    warehouse.check_contract(sources, compiled.tables)
    require_known_shops(warehouse, sources, compiled.spec.shops)
    if compiled.currency_sql is not None:
        check = warehouse.execute_rows(compiled.currency_sql, compiled.currency_schema, compiled.currency_result_schema)
        refuse_mixed_currencies([c for c in check.values("currency") if c is not None])
    return warehouse.execute_rows(compiled.sql, compiled.schema, compiled.result_schema)


def require_known_shops(warehouse: Warehouse, sources: Sources, shops) -> None:
    """Refuse (exit 2) a --shop the warehouse's shops table does not hold, naming the nearest ones.

    An unknown shop would otherwise answer an empty table, which reads as "no sales".
    """
    if not shops:
        return
    table = sources.shops
    known = sorted(str(s) for s in warehouse.execute(table.select("shop_id").distinct()).column("shop_id").to_pylist() if s is not None)
    unknown = [s for s in dict.fromkeys(shops) if s not in known]
    if unknown:
        import difflib

        nearest = difflib.get_close_matches(unknown[0][:200], known, n=5, cutoff=0.0) if known else []
        raise QueryError(
            f"unknown shop {shown(unknown[0])}{' (and ' + str(len(unknown) - 1) + ' more)' if len(unknown) > 1 else ''}."
            f"{did_you_mean(unknown[0], known)} "
            + (f"Nearest of the {len(known)} shops: {', '.join(nearest)}." if known else "The shops table is empty."),
            hint="--shop takes a shop_id of the shops table",
        )
