"""Files that do not fit the contract: one plain message naming file, line, column and value,
exit 2, and the warehouse as it was. Files that fit with something worth knowing
(a header and no rows, columns outside the contract) load with a warning line per
file; `--strict` refuses them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from tests.cli_run import cli, isolated, one_line  # noqa: F401 - fixture

HAND = Path(__file__).parent / "fixtures" / "hand"
pytestmark = pytest.mark.usefixtures("isolated")


def copy_hand(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(HAND, target)
    return target


def edit_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1], lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def counts(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as con:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.fixture
def loaded(tmp_path, capsys) -> Path:
    database = tmp_path / "hand.duckdb"
    code, _, err = cli(capsys, "load", str(HAND), "--database", str(database))
    assert code == 0, err
    return database


def test_a_money_value_with_three_decimals_names_file_line_column_and_value(tmp_path, capsys, loaded):
    before = counts(loaded)
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 4, ",30.00,", ",12.345,")  # line 4 is the third order
    code, _, err = cli(capsys, "load", str(bad), "--database", str(loaded))
    assert code == 2
    assert f"{bad / 'orders.csv'}: line 4 (data row 3), column gross_sales: '12.345' has more than 2 decimal places" in one_line(err)
    assert counts(loaded) == before


def test_a_quoted_field_spanning_lines_does_not_shift_the_line_number(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 2, "c1@example.com", '"c1@exa\nmple.com"')
    edit_line(bad / "orders.csv", 5, ",0.00,", ",0.001,")  # now the file's line 5 is data row 3
    code, _, err = cli(capsys, "load", str(bad), "--database", str(tmp_path / "w.duckdb"))
    assert code == 2
    assert "line 5 (data row 3)" in err and "'0.001'" in err


def test_a_parquet_float_that_is_not_whole_cents_is_refused_not_rounded(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    orders = pacsv.read_csv(bad / "orders.csv", convert_options=pacsv.ConvertOptions(column_types={"gross_sales": pa.float64()}))
    index = orders.column_names.index("gross_sales")
    orders = orders.set_column(index, "gross_sales", pa.array([100.0, 12.345] + [1.0] * (orders.num_rows - 2)))
    pq.write_table(orders, bad / "orders.parquet")
    (bad / "orders.csv").unlink()
    code, _, err = cli(capsys, "load", str(bad), "--database", str(tmp_path / "w.duckdb"))
    assert code == 2
    assert "orders.parquet: row 2, column gross_sales: '12.345' has more than 2 decimal places" in one_line(err)


def test_a_duplicate_header_is_named(tmp_path, capsys, loaded):
    before = counts(loaded)
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "shops.csv", 1, "timezone", "shop_id")
    code, out, err = cli(capsys, "load", str(bad), "--database", str(loaded))
    assert code == 2
    assert "column 'shop_id' appears more than once in the header" in err and "internal error" not in err
    assert counts(loaded) == before


def test_a_nul_byte_is_refused_naming_file_line_and_column(tmp_path, capsys, loaded):
    before = counts(loaded)
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 3, "v2", "v\x002")
    code, _, err = cli(capsys, "load", str(bad), "--database", str(loaded))
    assert code == 2
    assert f"{bad / 'orders.csv'}: line 3 (data row 2), column visitor_id: the value holds a NUL byte" in one_line(err)
    assert "\x00" not in err
    assert counts(loaded) == before


def test_an_empty_required_value_names_its_line(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "shops.csv", 3, "EUR", "")
    code, _, err = cli(capsys, "load", str(bad), "--database", str(tmp_path / "w.duckdb"))
    assert code == 2 and "line 3 (data row 2), column currency: empty, but currency may not be NULL" in err


def test_header_only_file_and_extra_column_warn_once_per_file_and_load(tmp_path, capsys):
    data = copy_hand(tmp_path, "data")
    (data / "refunds.csv").write_text((data / "refunds.csv").read_text().split("\n")[0] + "\n")
    shops = (data / "shops.csv").read_text().strip().split("\n")
    (data / "shops.csv").write_text("\n".join([shops[0] + ",region"] + [line + ",eu" for line in shops[1:]]) + "\n")
    database = tmp_path / "w.duckdb"
    code, out, err = cli(capsys, "load", str(data), "--database", str(database))
    assert code == 0
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert f"warning: {data / 'refunds.csv'} holds no rows: refunds will be empty" in warnings
    assert f"warning: {data / 'shops.csv'}: column(s) region are not in contract table shops and are not loaded" in warnings
    assert "refunds: 0 rows" in out and counts(database)["shops"] == 2


def test_strict_refuses_header_only_files_and_extra_columns_and_loads_nothing(tmp_path, capsys, loaded):
    before = counts(loaded)
    data = copy_hand(tmp_path, "data")
    (data / "refunds.csv").write_text((data / "refunds.csv").read_text().split("\n")[0] + "\n")
    code, _, err = cli(capsys, "load", str(data), "--database", str(loaded), "--strict")
    assert code == 2
    assert "--strict" in err and "refunds.csv holds no rows" in err
    assert counts(loaded) == before


def processed(database: Path) -> list:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute("SELECT order_id, epoch(processed_at) FROM orders ORDER BY order_id").fetchall()


def test_timestamps_with_z_an_offset_or_utc_load_as_the_same_instants(tmp_path, capsys, loaded):
    zoned = copy_hand(tmp_path, "zoned")
    # o1 at 14:00 UTC written as New York time, o2 at 04:30 UTC with Z, refund r1 with " UTC".
    edit_line(zoned / "orders.csv", 2, ",2024-03-01 14:00:00,", ",2024-03-01 09:00:00 -0500,")
    edit_line(zoned / "orders.csv", 3, ",2024-03-01 04:30:00,", ",2024-03-01T04:30:00Z,")
    edit_line(zoned / "refunds.csv", 2, ",2024-03-02 15:00:00,", ",2024-03-02 16:00:00+01:00,")
    edit_line(zoned / "shops.csv", 2, "America/New_York", "Eastern Time (US & Canada)")
    database = tmp_path / "zoned.duckdb"
    code, _, err = cli(capsys, "load", str(zoned), "--database", str(database))
    assert code == 0, err
    assert "timezone 'Eastern Time (US & Canada)' is a Rails zone name of Shopify's: loaded as America/New_York" in one_line(err)
    assert processed(database) == processed(loaded)
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT timezone FROM shops ORDER BY shop_id").fetchall() == [("America/New_York",), ("Europe/Berlin",)]
        assert con.execute("SELECT epoch(processed_at) FROM refunds WHERE refund_id = 'r1'").fetchone() == (1709391600.0,)


def test_an_impossible_zoned_timestamp_names_its_line(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 2, ",2024-03-01 14:00:00,", ",2024-02-30 09:00:00 -0500,")
    code, _, err = cli(capsys, "load", str(bad), "--database", str(tmp_path / "x.duckdb"))
    assert code == 2
    assert "line 2 (data row 1), column processed_at: '2024-02-30 09:00:00 -0500' is not a real date and time" in one_line(err)


def test_a_warehouse_loaded_before_duties_existed_says_how_to_go_on(tmp_path, capsys, loaded):
    with duckdb.connect(str(loaded)) as con:
        con.execute("ALTER TABLE orders DROP COLUMN duties")
    code, _, err = cli(capsys, "query", "revenue", "--by", "shop", "--database", str(loaded))
    assert code == 3 and "column 'duties' of contract table 'orders' not found" in one_line(err)
    assert "[sources.tables.orders] constants = { duties = 0 }" in one_line(err)
    (tmp_path / "metrics.toml").write_text("[sources.tables.orders]\nconstants = { duties = 0 }\n")
    code, out, err = cli(capsys, "query", "total_sales", "--by", "shop", "--database", str(loaded), "--config", str(tmp_path / "metrics.toml"))
    assert code == 0, err
