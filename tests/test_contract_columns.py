"""The contract check reads every table's columns in one catalog statement, schema by schema.

`semantic query` checks that each contract table it reads exists with its
columns before running; it asks the catalog once for all of them. A table of
the same name in another schema must not stand in for the one the sources name.
"""

from __future__ import annotations

from semantic.backends.connect import connect
from semantic.backends.warehouse import columns_by_table
from semantic.project import Project
from semantic.sources import Sources
from tests.conftest import empty_tables


def test_columns_are_matched_to_their_schema_and_unqualified_names_to_the_current_one():
    rows = [("main", "orders", "order_id", "main"), ("main", "orders", "shop_id", "main"), ("x", "orders", "order_id", "main")]
    found = columns_by_table([("orders", None), ("orders", "x"), ("orders", "y"), ("shops", None)], rows)
    assert found == {("orders", None): {"order_id", "shop_id"}, ("orders", "x"): {"order_id"}, ("orders", "y"): None, ("shops", None): None}


def test_a_same_named_table_in_another_schema_does_not_stand_in(tmp_path):
    warehouse = connect(f"duckdb:///{tmp_path / 'w.duckdb'}")
    project = Project.from_text("")
    warehouse.load(empty_tables(), Sources.from_config(project.config))
    warehouse.raw.execute("CREATE SCHEMA other")
    warehouse.raw.execute("CREATE TABLE other.orders (order_id VARCHAR)")
    assert warehouse.missing_pieces(Sources.from_config(project.config), ["orders", "shops"]) == []
    elsewhere = Sources.from_config(Project.from_text('[sources]\ndatabase = "other"\n').config)
    missing = warehouse.missing_pieces(elsewhere, ["orders", "shops"])
    assert {(m.logical_table, m.logical_column) for m in missing if m.logical_table == "shops"} == {("shops", None)}
    orders = {m.logical_column for m in missing if m.logical_table == "orders"}
    assert "shop_id" in orders and "processed_at" in orders and "order_id" not in orders
    warehouse.close()
