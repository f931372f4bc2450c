"""A compiled query's rows fetched without Arrow are the rows the Arrow path gives.

`semantic query` prints from `ResultRows` (the engine cursor's Python values,
conformed to the result's Ibis types) so that its process imports neither
pyarrow nor numpy. The Arrow path (`run_query`) is the one the engine-agreement
and reference tests check; here every metric of the catalog, by month and shop,
must come back from the rows path with the same values of the same Python types
(money to the cent with its two places, ratios as floats bit for bit, counts as
ints, NULL as None), on DuckDB and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pytest

from semantic.backends.runner import run_compiled, run_query
from semantic.compile_cache import compiled_query
from semantic.demo_data import generate
from semantic.errors import WarehouseError
from semantic.query import QuerySpec, build_query
from semantic.result_rows import ResultRows
from semantic.sources import Sources

TODAY = dt.date(2024, 12, 1)


def test_values_are_conformed_to_their_types():
    rows = ResultRows.of(
        (("day", "date"), ("shop_id", "!string"), ("revenue", "decimal(38, 2)"), ("aov", "float64"), ("orders", "int64")),
        [(dt.datetime(2024, 5, 1, 0, 0), "s1", Decimal("10.5"), Decimal("3.25"), Decimal("4")), (dt.date(2024, 5, 2), "s2", None, None, None)],
    )
    first, second = rows.rows
    assert first == (dt.date(2024, 5, 1), "s1", Decimal("10.50"), 3.25, 4)
    assert [type(v) for v in first] == [dt.date, str, Decimal, float, int]
    assert first[2].as_tuple().exponent == -2  # shown as 10.50, as Arrow's decimal128(38, 2) gives it
    assert second == (dt.date(2024, 5, 2), "s2", None, None, None)  # NULL stays NULL, never 0
    assert rows.text_columns == frozenset({"shop_id"})
    assert rows.values("orders") == [4, None]
    assert rows.dicts(["orders", "day"]) == [{"orders": 4, "day": dt.date(2024, 5, 1)}, {"orders": None, "day": dt.date(2024, 5, 2)}]


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [("decimal(38, 2)", Decimal("1.005"), "more decimal places"), ("int64", Decimal("2.5"), "not a whole number")],
)
def test_a_value_its_type_cannot_hold_is_an_error_never_rounded(kind, value, message):
    with pytest.raises(ValueError, match=message) as raised:
        ResultRows.of((("m", kind),), [(value,)])
    assert "'m'" in str(raised.value)


def test_a_statement_with_other_columns_than_its_schema_is_refused():
    with pytest.raises(ValueError, match="returned 2 columns, its schema has 1: m"):
        ResultRows.of((("m", "int64"),), [(1, 2)])


def test_rows_round_trip_through_arrow():
    table = pa.table({"shop_id": ["a", None], "revenue": pa.array([Decimal("1.20"), None], pa.decimal128(38, 2))})
    rows = ResultRows.from_arrow(table)
    assert rows.columns == ("shop_id", "revenue") and rows.types == ("string", "decimal(38, 2)")
    assert rows.rows == (("a", Decimal("1.20")), (None, None))
    assert rows.to_arrow().to_pylist() == table.to_pylist()
    assert rows.to_arrow().schema.field("revenue").type == pa.decimal128(38, 2)


def _typed(rows: list[tuple]) -> list[tuple]:
    """Each value with its type and, for a Decimal, its exponent (10.5 and 10.50 differ on screen)."""
    return [tuple((v, type(v), v.as_tuple().exponent if isinstance(v, Decimal) else None) for v in row) for row in rows]


@pytest.fixture(scope="module")
def shop_tables() -> dict[str, pa.Table]:
    return generate(orders=400, shops=2, seed=5, end=TODAY - dt.timedelta(days=1), days=60)


def test_every_metric_fetched_as_rows_equals_the_arrow_path(load_warehouse, shop_tables):
    loaded = load_warehouse(shop_tables)
    project, warehouse = loaded.project, loaded.warehouse
    names = project.catalog.names()
    assert len(names) >= 20  # the core and attribution metrics, each checked
    sources = Sources.from_config(project.config)
    for name in names:
        spec = QuerySpec(metrics=(name,), by=("month", "shop"))
        compiled = compiled_query(project, spec, warehouse.dialect, today=TODAY)
        rows = run_compiled(warehouse, compiled, sources)
        arrow = run_query(warehouse, build_query(project.catalog, project.config, spec, today=TODAY))
        assert rows.columns == tuple(arrow.column_names)
        expected = [tuple(r.values()) for r in arrow.to_pylist()]
        assert expected, f"{name}: the data should give rows"
        assert _typed(list(rows.rows)) == _typed(expected), name


def test_a_failing_statement_names_the_engine(load_warehouse, shop_tables):
    warehouse = load_warehouse(shop_tables).warehouse
    with pytest.raises(WarehouseError, match=f"{warehouse.dialect} failed to run the query"):
        warehouse.execute_rows("SELECT * FROM no_such_table", (("x", "int64"),), lambda: pa.schema([("x", pa.int64())]))
