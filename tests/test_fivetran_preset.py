"""`preset = "fivetran_shopify"`: the connector's own tables read in place give the hand-computed report.

The fixture (tests/fixtures/fivetran_shopify) holds the orders of tests/shopify_hand.py
in the connector's REST shapes: numeric ids, float money (some NUMERIC), a processed_at
left NULL, a refund discrepancy and a shipping refund as order adjustments, a gift
card line, a deleted order, and two connections unioned with overlapping ids.
"""

from __future__ import annotations

import uuid

import pytest

from semantic.backends.connect import connect
from semantic.errors import ConfigError, ContractError
from semantic.project import Project
from tests.conftest import ENGINES, Loaded, postgres_url_or_skip
from tests.loader_tables import read_loader_tables, write_loader_tables
from tests.test_sales_report_hand import REPORT, d, report
from tests.test_sales_report_hand import test_tax_exclusive_shop_as_shopify_reports_it as _expect_shop_a
from tests.test_sales_report_hand import test_tax_inclusive_shop_counts_its_taxes_once as _expect_shop_b

PRESET = "fivetran_shopify"
# The same orders in the GraphQL schema's shapes: *_set_shop_amount money, upper-case
# statuses, refunds dated by created_at, shipping refunds only in the refund's total.
GRAPHQL = "fivetran_shopify_graphql"


@pytest.fixture(params=ENGINES)
def fivetran(request, tmp_path):
    """`fivetran(naive=True, connections=("shopify_a",), toml="")` -> Loaded over the connector's tables."""
    opened = []

    def make(naive: bool = True, connections=("shopify_a",), toml: str = "", preset: str = PRESET) -> Loaded:
        if request.param == "duckdb":
            warehouse, schema = connect(f"duckdb:///{tmp_path / f'f{len(opened)}.duckdb'}"), f"fivetran_{len(opened)}"
        else:
            warehouse, schema = connect(postgres_url_or_skip()), f"t_{uuid.uuid4().hex[:12]}"
        opened.append((warehouse, schema, request.param))
        write_loader_tables(warehouse, schema, read_loader_tables(preset, preset, naive, connections), preset, naive)
        text = (
            f'[project]\nprofile = "shopify"\n[sources]\ndatabase = "{schema}"\npreset = "{preset}"\n'
            + ('naive_timestamps = "UTC"\n' if naive else "")
            + ("source_relation = true\n" if connections is None else "")
            + toml
        )
        return Loaded(warehouse, Project.from_text(text))

    yield make
    for warehouse, schema, engine in opened:
        if engine == "postgres":
            with warehouse.raw.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            warehouse.raw.commit()
        warehouse.close()


class _Renamed:
    """A Loaded whose shop ids are the hand fixture's (A, B) instead of the connector's."""

    def __init__(self, loaded: Loaded, shops: dict[str, str]):
        self.loaded, self.shops = loaded, shops

    def query(self, metrics, by=(), shops=(), **kwargs):
        rows = self.loaded.query(metrics, by, shops=tuple(self.shops[s] for s in shops), **kwargs)
        return rows


@pytest.mark.parametrize(
    "preset,naive", [(PRESET, True), (PRESET, False), (GRAPHQL, False)], ids=["rest-naive-utc", "rest-timestamptz", "graphql"]
)
def test_one_connection_reads_as_the_hand_report(fivetran, naive, preset):
    loaded = fivetran(naive=naive, preset=preset)
    # The connection's one shop is shop.id 1001, as text.
    _expect_shop_a(_Renamed(loaded, {"A": "1001"}))


@pytest.mark.parametrize("preset", [PRESET, GRAPHQL])
def test_unioned_connections_keep_overlapping_ids_apart(fivetran, preset):
    loaded = fivetran(connections=None, preset=preset)
    # Both connections have orders 1 and 2 and refund 501; each shop is its source_relation.
    _expect_shop_a(_Renamed(loaded, {"A": "shopify_a"}))
    _expect_shop_b(_Renamed(loaded, {"B": "shopify_b"}))
    rows = loaded.query(["orders"], by=["shop"])
    assert rows == [{"shop_id": "shopify_a", "orders": 5}, {"shop_id": "shopify_b", "orders": 2}]


def test_default_profile_over_the_preset(fivetran):
    loaded = fivetran(toml="")
    default = Loaded(loaded.warehouse, Project.from_text(loaded.project.text.replace('profile = "shopify"', "")))
    # a1 (102.20 - ra1 37.40) + a6 10.00, the hand fixture's figure.
    assert report(default, "1001", ("revenue", "orders")) == {d("2024-01-10"): (__import__("decimal").Decimal("74.80"), 2)}


def test_a_naive_timestamp_without_a_declared_zone_is_refused(fivetran):
    loaded = fivetran(naive=True)
    undeclared = Project.from_text(loaded.project.text.replace('naive_timestamps = "UTC"\n', ""))
    with pytest.raises(ContractError, match=r"order\.created_at is a timestamp without time zone") as err:
        Loaded(loaded.warehouse, undeclared).query(["orders"], by=["shop"])
    assert 'naive_timestamps = "UTC"' in err.value.hint


def test_a_missing_connector_column_names_the_table_column_and_fix(fivetran):
    loaded = fivetran(naive=True)
    loaded.warehouse._run(f'ALTER TABLE "{loaded.project.config.sources.database}"."order_line" DROP COLUMN "gift_card"')
    with pytest.raises(ContractError, match=r"order_line\.gift_card, which preset 'fivetran_shopify' reads, is missing"):
        loaded.query(REPORT[:1], by=["shop"])


def test_preset_tables_are_not_mapped_or_loaded_twice():
    with pytest.raises(ConfigError, match="sources.tables.orders is read by preset 'fivetran_shopify'"):
        Project.from_text('[sources]\npreset = "fivetran_shopify"\n[sources.tables.orders]\nname = "x"\n')
    with pytest.raises(ConfigError, match="not an IANA time zone"):
        Project.from_text('[sources]\npreset = "fivetran_shopify"\nnaive_timestamps = "Eastern"\n')
