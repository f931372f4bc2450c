"""`semantic load` refuses bad data at the door: the blocking row-level checks run on the rows
before the commit, name the file lines, exit 1 and load nothing; `--no-checks` loads anyway.

Line numbers here are counted by hand in tests/fixtures/hand (line 1 is the header).
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from semantic.backends.connect import connect
from semantic.backends.files import find_table_files, read_checked
from semantic.backends.load_checks import door
from semantic.errors import DataRefused
from semantic.sources import Sources
from tests.cli_run import cli, isolated, one_line  # noqa: F401 - fixture
from tests.conftest import postgres_url_or_skip, project_in_schema
from tests.test_load_files import HAND, copy_hand, counts, edit_line

pytestmark = pytest.mark.usefixtures("isolated")


def load(capsys, directory: Path, database: Path, *extra: str) -> tuple[int, str]:
    code, _, err = cli(capsys, "load", str(directory), "--database", str(database), *extra)
    return code, one_line(err)


def test_upper_case_status_is_refused_with_its_line_and_nothing_is_written(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 2, ",paid,", ",PAID,")
    database = tmp_path / "w.duckdb"
    code, err = load(capsys, bad, database)
    assert code == 1
    assert "FAIL financial_status: 1 offending" in err
    assert "s1 | PAID | 1 | True" in err
    assert "in orders.csv line 2 (data row 1)" in err
    assert "error: 1 blocking data check(s) failed on the files (financial_status); nothing was loaded" in err
    assert counts(database) == {}


def test_a_refused_load_leaves_the_loaded_tables_as_they_were(tmp_path, capsys):
    database = tmp_path / "w.duckdb"
    assert load(capsys, HAND, database)[0] == 0
    before = counts(database)
    bad = copy_hand(tmp_path, "bad")
    lines = (bad / "orders.csv").read_text(encoding="utf-8").splitlines()
    (bad / "orders.csv").write_text("\n".join([*lines, lines[2]]) + "\n", encoding="utf-8")  # order s1/o2 twice
    code, err = load(capsys, bad, database)
    assert code == 1
    assert "orders | s1 | o2 | 2" in err
    assert f"in orders.csv line 3 (data row 2), line {len(lines) + 1} (data row {len(lines)})" in err
    assert counts(database) == before


def test_bad_time_zone_and_orphan_refund_are_each_named(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "shops.csv", 3, "Europe/Berlin", "(GMT+01:00) Europe/Berlin")
    edit_line(bad / "refunds.csv", 5, ",p1,", ",p404,")
    code, err = load(capsys, bad, tmp_path / "w.duckdb")
    assert code == 1
    assert "FAIL shop_timezone" in err and "in shops.csv line 3 (data row 2)" in err
    assert "FAIL refund_without_order" in err and "s2 | r3 | p404" in err and "in refunds.csv line 5 (data row 4)" in err


def test_no_checks_loads_the_same_files(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 2, ",paid,", ",PAID,")
    database = tmp_path / "w.duckdb"
    code, err = load(capsys, bad, database, "--no-checks")
    assert code == 0, err
    assert counts(database)["orders"] == 15


def test_a_check_set_to_warn_reports_and_loads(tmp_path, capsys):
    bad = copy_hand(tmp_path, "bad")
    edit_line(bad / "orders.csv", 2, ",paid,", ",PAID,")
    (tmp_path / "metrics.toml").write_text('[checks.financial_status]\nseverity = "warn"\n', encoding="utf-8")
    database = tmp_path / "w.duckdb"
    code, err = load(capsys, bad, database)
    assert code == 0, err
    assert "WARN financial_status: 1 offending" in err and "in orders.csv line 2 (data row 1)" in err
    assert counts(database)["orders"] == 15


def test_refunds_loaded_alone_are_checked_against_the_orders_already_there(tmp_path, capsys):
    database = tmp_path / "w.duckdb"
    assert load(capsys, HAND, database)[0] == 0
    only = tmp_path / "only_refunds"
    only.mkdir()
    shutil.copy(HAND / "refunds.csv", only)
    edit_line(only / "refunds.csv", 2, ",o2,", ",o99,")
    code, err = load(capsys, only, database)
    assert code == 1
    assert "s1 | r1 | o99" in err and "in refunds.csv line 2 (data row 1)" in err


def test_shops_alone_into_an_empty_warehouse_load(tmp_path, capsys):
    only = tmp_path / "only_shops"
    only.mkdir()
    shutil.copy(HAND / "shops.csv", only)
    code, err = load(capsys, only, tmp_path / "w.duckdb")
    assert code == 0, err


@pytest.mark.postgres
def test_on_postgres_a_refused_load_rolls_back_and_a_clean_one_commits():
    url = postgres_url_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    project = project_in_schema(schema)
    warehouse = connect(url)
    try:
        files = {t: read_checked(t, p) for t, p in find_table_files(HAND).items()}
        sources = Sources.from_config(project.config)
        read = {t: (f.path, f.table) for t, f in files.items()}
        seen: list = []
        report = lambda run, rows: seen.append(rows)  # noqa: E731
        warehouse.load({t: f.table for t, f in files.items()}, sources, before_commit=door(warehouse, project.catalog, project.config, read, report))
        assert warehouse._fetch(f'SELECT count(*) FROM "{schema}"."orders"') == [(15,)]
        orders = files["orders"].table
        statuses = orders.column("financial_status").to_pylist()
        statuses[0] = "PAID"
        import pyarrow as pa

        bad = orders.set_column(orders.schema.get_field_index("financial_status"), "financial_status", pa.array(statuses))
        read["orders"] = (files["orders"].path, bad)
        with pytest.raises(DataRefused):
            warehouse.load({"orders": bad}, sources, before_commit=door(warehouse, project.catalog, project.config, {"orders": read["orders"]}, report))
        assert seen[-1]["financial_status"] == ["orders.csv line 2 (data row 1)"]
        assert warehouse._fetch(f'SELECT count(*) FROM "{schema}"."orders" WHERE financial_status = %s', ("PAID",)) == [(0,)]
    finally:
        warehouse._run(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        warehouse.raw.commit()
        warehouse.close()


def test_shops_loaded_alone_run_only_the_checks_that_read_shops():
    from semantic.backends.load_checks import load_check_names
    from semantic.project import Project

    catalog_config = Project.defaults()
    assert load_check_names(catalog_config.catalog, catalog_config.config, ["shops"]) == (
        "duplicate_keys", "required_nulls", "shop_timezone", "shop_currency", "unknown_shop",
    )
    assert "refund_without_order" in load_check_names(catalog_config.catalog, catalog_config.config, ["refunds"])
    disabled = Project.from_text("[checks.shop_currency]\nenabled = false\n")
    assert "shop_currency" not in load_check_names(disabled.catalog, disabled.config, ["shops"])
