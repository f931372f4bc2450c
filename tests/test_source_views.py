"""[sources.tables.X] as a view: constants, fallbacks, casts and a filter over a table as a merchant has it.

Shop A's orders of tests/shopify_hand.py, as a one-shop export might hold them:
no shop_id column, numeric ids, processed_at missing on one row (a2), a `deleted`
flag with one deleted order. Read in place, they give the hand report.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest
import sqlglot.expressions as sge

from semantic.errors import ConfigError, ContractError
from semantic.project import Project
from semantic.sources import Sources
from tests.conftest import Loaded, empty_tables
from tests.shopify_hand import shopify_hand_tables
from tests.test_sales_report_hand import test_tax_exclusive_shop_as_shopify_reports_it as _expect_shop_a

VIEW = """
[project]
profile = "shopify"
[sources.tables.orders]
name = "shop_a_orders"
columns = { order_id = "id" }
constants = { shop_id = "A" }
fallbacks = { processed_at = ["created_at"] }
types = { order_id = "int64" }
where = { deleted = false }
"""


def _raw_orders() -> pa.Table:
    orders = shopify_hand_tables()["orders"]
    orders = orders.filter(pc.equal(orders["shop_id"], "A")).drop(["shop_id"])
    ids = [int(i[1:]) for i in orders["order_id"].to_pylist()]
    processed = [None if i == 2 else p for i, p in zip(ids, orders["processed_at"].to_pylist())]
    orders = orders.drop(["order_id", "processed_at"]).append_column("id", pa.array(ids, pa.int64()))
    orders = orders.append_column("processed_at", pa.array(processed, pa.timestamp("us", tz="UTC")))
    orders = orders.append_column("deleted", pa.array([False] * len(ids)))
    deleted = orders.slice(0, 1).set_column(orders.column_names.index("id"), "id", pa.array([99], pa.int64()))
    deleted = deleted.set_column(deleted.column_names.index("deleted"), "deleted", pa.array([True]))
    return pa.concat_tables([orders, deleted])


@pytest.fixture
def viewed(load_warehouse):
    tables = shopify_hand_tables()
    refunds = tables["refunds"].filter(pc.equal(tables["refunds"]["shop_id"], "A"))
    order_ids = [o[1:] if o in ("a1", "a3") else o for o in refunds["order_id"].to_pylist()]
    refunds = refunds.set_column(refunds.column_names.index("order_id"), "order_id", pa.array(order_ids))
    loaded = load_warehouse({"refunds": refunds, "shops": tables["shops"]})
    schema = loaded.project.config.sources.database
    raw = _raw_orders()
    warehouse = loaded.warehouse
    kinds = {"int64": "BIGINT", "string": "TEXT", "bool": "BOOLEAN", "decimal128(18, 2)": "DECIMAL(18, 2)",
             "timestamp[us, tz=UTC]": "TIMESTAMP WITH TIME ZONE"}  # fmt: skip
    target = sge.table_("shop_a_orders", db=schema, quoted=True)
    columns = [sge.ColumnDef(this=sge.to_identifier(f.name, quoted=True),
                             kind=sge.DataType.build(kinds[str(f.type)], dialect=warehouse.dialect)) for f in raw.schema]  # fmt: skip
    with warehouse.transaction():
        warehouse._run(sge.Create(this=sge.Schema(this=target, expressions=columns), kind="TABLE").sql(warehouse.dialect))
        warehouse._insert(target.sql(warehouse.dialect), raw)
    text = (f'[sources]\ndatabase = "{schema}"\n' if schema else "") + VIEW
    return Loaded(warehouse, Project.from_text(text))


class _Shop:
    def __init__(self, loaded):
        self.loaded = loaded

    def query(self, metrics, by=(), shops=(), **kwargs):
        return self.loaded.query(metrics, by, shops=shops, **kwargs)


def test_a_mapped_view_reads_as_the_hand_report(viewed):
    _expect_shop_a(_Shop(viewed))


def test_a_view_is_not_loaded_into_and_its_columns_are_checked(viewed):
    sources = Sources.from_config(viewed.project.config)
    with pytest.raises(ConfigError, match="orders is a view over shop_a_orders"):
        viewed.warehouse.load({"orders": empty_tables()["orders"]}, sources)
    broken = Project.from_text(viewed.project.text.replace("deleted = false", "removed = false"))
    with pytest.raises(ContractError, match=r"shop_a_orders\.removed"):
        Loaded(viewed.warehouse, broken).query(["orders"], by=["shop"])


def test_mapping_keys_are_checked():
    with pytest.raises(ConfigError, match="sources.tables.orders.constants.shop is not a column of orders"):
        Project.from_text('[sources.tables.orders]\nconstants = { shop = "A" }\n')
    with pytest.raises(ConfigError, match="is not one of"):
        Project.from_text('[sources.tables.orders]\ntypes = { order_id = "bigint" }\n')
