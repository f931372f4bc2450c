"""Run a built query on a warehouse: contract check, currency guard, execute.

>>> # warehouse = connect("duckdb:///semantic_demo.duckdb")
>>> # result = run_query(warehouse, project, built)
"""

from __future__ import annotations

import pyarrow as pa

from semantic.currency import currencies_in_scope, needs_currency_guard, refuse_mixed_currencies
from semantic.project import Project
from semantic.query import BuiltQuery
from semantic.sources import Sources

from semantic.backends.warehouse import Warehouse


def run_query(warehouse: Warehouse, project: Project, built: BuiltQuery) -> pa.Table:
    """Execute `built` on `warehouse`; refuses money across currencies unless split by shop."""
    sources = Sources.from_config(project.config)
    warehouse.check_contract(sources, built.expr)
    if needs_currency_guard(built):
        currencies = warehouse.execute(currencies_in_scope(sources, built)).column("currency").to_pylist()
        refuse_mixed_currencies([c for c in currencies if c is not None])
    return warehouse.execute(built.expr)
