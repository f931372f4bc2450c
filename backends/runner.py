"""Run a built query on a warehouse: contract check, currency guard, execute.

Everything it needs travels with the query (`BuiltQuery`): the sources and
contract tables it reads, and the currency check when it adds money across shops.

>>> # warehouse = connect("duckdb:///semantic_demo.duckdb")
>>> # result = run_query(warehouse, built)
"""

from __future__ import annotations

import pyarrow as pa

from semantic.currency import refuse_mixed_currencies
from semantic.query import BuiltQuery

from semantic.backends.warehouse import Warehouse


def run_query(warehouse: Warehouse, built: BuiltQuery) -> pa.Table:
    """Execute `built` on `warehouse`; refuses money across currencies unless split by shop."""
    warehouse.check_contract(built.sources, built.tables)
    if built.currency_check is not None:
        currencies = warehouse.execute(built.currency_check).column("currency").to_pylist()
        refuse_mixed_currencies([c for c in currencies if c is not None])
    return warehouse.execute(built.expr)
