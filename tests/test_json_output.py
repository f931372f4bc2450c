"""`semantic query --format json|csv|parquet` on the hand fixture (tests/fixtures/hand), loaded with `semantic load`.

JSON is a list of objects: the dimensions in the order given, then one key per
metric; money as exact JSON numbers (27.70, never 27.699999999999999), counts as
integers, ratios as numbers, NULL as null; rows sorted by the dimensions in the
order given. The expected values are the hand-computed ones of
tests/test_core_metrics_hand.py.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from semantic.cli.app import main

HAND = Path(__file__).parent / "fixtures" / "hand"


@pytest.fixture(scope="module")
def hand_cli(tmp_path_factory):
    """`run(*args) -> stdout` of `semantic ARGS` on a DuckDB file holding the hand fixture."""
    folder = tmp_path_factory.mktemp("json")
    database = str(folder / "hand.duckdb")
    config = folder / "metrics.toml"
    config.write_text("")  # the package defaults, whatever metrics.toml the tests run beside
    common = ["--database", database, "--config", str(config)]
    with pytest.raises(SystemExit) as exited:
        main(["load", str(HAND), *common])
    assert exited.value.code in (0, None)

    def run(capsys, *args: str) -> str:
        with pytest.raises(SystemExit) as exited:
            main([*args, *common])
        captured = capsys.readouterr()
        assert exited.value.code in (0, None), captured.err
        return captured.out

    return run


MONTHLY = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")


def test_money_is_exact_json_numbers_counts_are_integers_and_null_ratios_are_null(hand_cli, capsys):
    text = hand_cli(capsys, "query", *MONTHLY, "--by", "month", "--by", "shop", "--format", "json")
    lines = text.strip().splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert lines[1].strip().rstrip(",") == (
        '{"month": "2024-02-01", "shop_id": "s1", "revenue": 27.70, "orders": 1, "aov": 27.7, '
        '"paid_spend": 0.00, "mer": null, "new_customers": 1, "cac": 0.0}'
    )
    assert '"revenue": 218.20, "orders": 9,' in text
    assert '"revenue": 71.40,' in text and '"paid_spend": 95.00,' in text
    rows = json.loads(text, parse_float=Decimal)
    assert [(r["month"], r["shop_id"]) for r in rows] == [
        ("2024-02-01", "s1"), ("2024-03-01", "s1"), ("2024-03-01", "s2"), ("2024-04-01", "s2")
    ]
    assert [r["revenue"] for r in rows] == [Decimal("27.70"), Decimal("218.20"), Decimal("73.78"), Decimal("71.40")]
    assert [r["orders"] for r in rows] == [1, 9, 1, 1] and all(type(r["orders"]) is int for r in rows)
    assert [r["mer"] for r in rows] == [None, Decimal(repr(218.20 / 95)), Decimal(repr(73.78 / 30)), None]
    # A ratio is the float nearest to the exact quotient, printed so it reads back exactly.
    assert json.loads(text)[1]["aov"] == float(Decimal("218.20")) / 9


def test_keys_and_rows_follow_the_dimensions_in_the_order_given(hand_cli, capsys):
    rows = json.loads(hand_cli(capsys, "query", "orders", "revenue", "--by", "shop", "--by", "month", "--format", "json"))
    assert [list(r) for r in rows] == [["shop_id", "month", "orders", "revenue"]] * 4
    assert [(r["shop_id"], r["month"]) for r in rows] == [
        ("s1", "2024-02-01"), ("s1", "2024-03-01"), ("s2", "2024-03-01"), ("s2", "2024-04-01")
    ]
    daily = json.loads(hand_cli(capsys, "query", "orders", "--by", "day", "--format", "json"))
    days = [r["day"] for r in daily]
    assert days == sorted(days) and len(days) == len(set(days))


def test_negative_and_zero_money_print_as_plain_numbers(hand_cli, capsys):
    text = hand_cli(
        capsys, "query", "revenue", "orders", "aov", "--by", "day", "--shop", "s1", "--format", "json",
        "--set", "revenue.refund_dating=refund_date",
    )
    assert '{"day": "2024-03-06", "revenue": -35.00, "orders": 0, "aov": null}' in text
    assert '{"day": "2024-03-11", "revenue": 0.00, "orders": 1, "aov": 0.0}' in text
    assert "-0.00" not in text


def test_no_rows_is_an_empty_json_list(hand_cli, capsys):
    text = hand_cli(capsys, "query", "orders", "--by", "day", "--start", "2030-01-01", "--format", "json")
    assert text == "[]\n"


def test_json_to_a_file(hand_cli, capsys, tmp_path):
    out = tmp_path / "nested" / "revenue.json"
    assert hand_cli(capsys, "query", "revenue", "--by", "shop", "--format", "json", "--output", str(out)) == ""
    assert json.loads(out.read_text(), parse_float=Decimal) == [
        {"shop_id": "s1", "revenue": Decimal("245.90")},
        {"shop_id": "s2", "revenue": Decimal("145.18")},
    ]


def test_csv_has_a_header_exact_money_and_empty_nulls(hand_cli, capsys):
    text = hand_cli(capsys, "query", "revenue", "orders", "mer", "--by", "month", "--by", "shop", "--format", "csv")
    assert text.splitlines() == [
        "month,shop_id,revenue,orders,mer",
        "2024-02-01,s1,27.70,1,",
        f"2024-03-01,s1,218.20,9,{218.20 / 95!r}",
        f"2024-03-01,s2,73.78,1,{73.78 / 30!r}",
        "2024-04-01,s2,71.40,1,",
    ]


def test_parquet_is_written_to_the_file_with_exact_types(hand_cli, capsys, tmp_path):
    out = tmp_path / "monthly.parquet"
    args = ("query", "revenue", "orders", "aov", "--by", "month", "--by", "shop", "--format", "parquet")
    assert hand_cli(capsys, *args, "--output", str(out)) == ""
    table = pq.read_table(out)
    assert table.column_names == ["month", "shop_id", "revenue", "orders", "aov"]
    assert table.schema.field("month").type == pa.date32()
    assert pa.types.is_decimal(table.schema.field("revenue").type) and table.schema.field("revenue").type.scale == 2
    assert table.schema.field("orders").type == pa.int64()
    assert table.schema.field("aov").type == pa.float64()
    assert table.to_pylist()[0] == {
        "month": dt.date(2024, 2, 1), "shop_id": "s1", "revenue": Decimal("27.70"), "orders": 1, "aov": 27.7
    }
    assert [r["revenue"] for r in table.to_pylist()] == [Decimal(v) for v in ("27.70", "218.20", "73.78", "71.40")]
    assert not list(tmp_path.glob(".*tmp")), "no temporary file is left behind"
