"""Bad input, through the CLI: each mistake gets one plain message, the right exit code, and no traceback.

Exit codes: 2 for usage or configuration errors (bad metrics.toml, unknown names,
bad flags, bad files), 3 for runtime failures (unreachable warehouse, missing
tables). Also the pieces behind those messages: warehouse URL parsing and
redaction, project discovery (like git), and `--set KEY=VALUE` parsing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from semantic.backends.url import ACCEPTED_FORMS, WarehouseUrl
from semantic.cli.app import main
from semantic.errors import ConfigError, UnknownNameError, UrlError
from semantic.project import Project, find_project, parse_assignment

HAND = Path(__file__).parent / "fixtures" / "hand"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Run every command in an empty directory, untouched by the caller's environment."""
    for variable in ("SEMANTIC_DATABASE", "SEMANTIC_CONFIG", "SEMANTIC_DEBUG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `semantic ARGS`, asserting no traceback leaked."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    code = exited.value.code
    return (0 if code is None else code), captured.out, captured.err


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def hand_db(tmp_path, capsys) -> str:
    """A DuckDB file holding the hand fixture, loaded with `semantic load`."""
    path = tmp_path / "hand.duckdb"
    code, out, _ = cli(capsys, "load", str(HAND), "--database", str(path))
    assert code == 0 and "orders: 15 rows" in out
    return str(path)


def s1_revenue(capsys, database: str) -> str:
    code, out, err = cli(capsys, "query", "revenue", "--by", "shop", "--shop", "s1", "--database", database, "--format", "csv")
    assert code == 0, err
    return out


# -- metrics.toml ---------------------------------------------------------------
def test_toml_syntax_error_names_the_file_and_line(tmp_path, capsys):
    (tmp_path / "metrics.toml").write_text('[revenue]\nrefund_dating = "order_date"\ninclude_taxes = tru\n')
    code, _, err = cli(capsys, "compile", "revenue")
    assert code == 2
    assert f"{tmp_path / 'metrics.toml'}:3: not valid TOML" in one_line(err)


def test_schema_error_names_file_line_key_and_the_allowed_values(tmp_path, capsys):
    config = tmp_path / "conf" / "custom.toml"
    config.parent.mkdir()
    config.write_text('[project]\nname = "x"\n\n[revenue]\nrefund_dating = "someday"\n')
    code, _, err = cli(capsys, "compile", "revenue", "--config", str(config))
    assert code == 2
    assert f"{config}:5: revenue.refund_dating:" in one_line(err)
    assert "'order_date' or 'refund_date'" in err


def test_unknown_key_suggests_the_nearest_and_lists_the_known(tmp_path, capsys):
    (tmp_path / "metrics.toml").write_text('[orders]\nexclude_test = true\n\n[revenue]\nrefund_datin = "order_date"\n')
    code, _, err = cli(capsys, "compile", "revenue")
    assert code == 2
    line = one_line(err)
    assert ":5: revenue.refund_datin: unknown key 'refund_datin'" in line
    assert "Did you mean 'refund_dating'?" in line
    assert "Known: include_shipping, include_taxes, refund_dating, cancellation_returns." in line


def test_an_unknown_table_of_metrics_toml_suggests_the_nearest(tmp_path, capsys):
    (tmp_path / "metrics.toml").write_text('[project]\nname = "x"\n\n[revenu]\nrefund_dating = "refund_date"\n')
    code, _, err = cli(capsys, "compile", "revenue")
    assert code == 2
    assert ":4: revenu: unknown key 'revenu' Did you mean 'revenue'?" in one_line(err)


def test_a_mapping_of_an_unknown_contract_table_names_its_line(tmp_path, capsys):
    (tmp_path / "metrics.toml").write_text('[project]\nname = "x"\n\n[sources.tables.order]\nname = "shopify_orders"\n')
    code, _, err = cli(capsys, "compile", "revenue")
    assert code == 2
    line = one_line(err)
    assert f"{tmp_path / 'metrics.toml'}:4: sources: sources.tables.order is not a contract table." in line
    assert "Did you mean 'orders'?" in line


def test_a_mapping_of_an_unknown_column_suggests_the_contract_column(tmp_path, capsys):
    (tmp_path / "metrics.toml").write_text('[sources.tables.orders]\ncolumns = { procesed_at = "processed_at_utc" }\n')
    code, _, err = cli(capsys, "compile", "revenue")
    assert code == 2
    line = one_line(err)
    assert ":1: sources: sources.tables.orders.columns.procesed_at is not a column of orders." in line
    assert "Did you mean 'processed_at'?" in line


def test_a_missing_config_file_is_a_usage_error(tmp_path, capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--config", str(tmp_path / "nope.toml"))
    assert code == 2
    assert "no such file" in err and "nope.toml" in err


# -- names --------------------------------------------------------------------------
def test_unknown_metric_suggests_the_nearest_and_lists_the_known(capsys):
    code, _, err = cli(capsys, "compile", "revnue")
    assert code == 2
    line = one_line(err)
    assert "unknown metric 'revnue'. Did you mean 'revenue'?" in line
    known = re.search(r"Known metrics: ([^.]*)\.", line).group(1).split(", ")
    assert {"revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac"} <= set(known)


def test_unknown_metric_in_a_query_fails_before_touching_the_warehouse(capsys):
    code, _, err = cli(capsys, "query", "ordrs", "--database", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 2
    assert "Did you mean 'orders'?" in err


def test_unknown_dimension_suggests_the_nearest_and_lists_the_known(capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--by", "dya")
    assert code == 2
    line = one_line(err)
    assert "unknown dimension 'dya'. Did you mean 'day'?" in line
    assert set(re.search(r"Known dimensions: ([^.]*)\.", line).group(1).split(", ")) >= {"day", "week", "month", "shop"}


def test_unknown_dialect_lists_the_three(capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--dialect", "bigqeury")
    assert code == 2
    assert "Did you mean 'bigquery'?" in err and "bigquery, duckdb, postgres" in err


# -- --set ----------------------------------------------------------------------------
def test_set_with_an_unknown_knob_suggests_the_nearest(capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--set", "revenue.refund_datng=refund_date")
    assert code == 2
    assert "unknown revenue knob 'refund_datng'. Did you mean 'refund_dating'?" in one_line(err)


def test_set_with_an_unknown_group_lists_the_groups(capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--set", "revenu.refund_dating=refund_date")
    assert code == 2
    line = one_line(err)
    assert "unknown knob group 'revenu'. Did you mean 'revenue'?" in line
    assert "orders" in line and "spend" in line and "customers" in line


def test_set_with_a_bad_value_names_the_override_not_a_line_of_the_file(capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--set", "revenue.refund_dating=someday")
    assert code == 2
    line = one_line(err)
    assert "--set revenue.refund_dating=someday: revenue.refund_dating:" in line
    assert "'order_date' or 'refund_date'" in line
    assert not re.search(r"someday:\d+:", line), "the bad value is in the --set, not on a line of the defaults"


def test_set_without_an_equals_sign_shows_the_form(capsys):
    code, _, err = cli(capsys, "compile", "revenue", "--set", "revenue")
    assert code == 2
    assert "--set expects KEY=VALUE, got 'revenue'" in err
    assert "--set revenue.refund_dating=refund_date" in err


def test_set_values_are_toml_when_they_can_be_and_strings_otherwise():
    assert parse_assignment("revenue.include_taxes=false") == ("revenue.include_taxes", False)
    assert parse_assignment(" revenue.refund_dating = refund_date ") == ("revenue.refund_dating", "refund_date")
    assert parse_assignment('spend.paid_platforms=["meta", "tiktok"]') == ("spend.paid_platforms", ["meta", "tiktok"])
    assert parse_assignment('revenue.refund_dating="order_date"') == ("revenue.refund_dating", "order_date")
    assert parse_assignment("x.y=a=b") == ("x.y", "a=b")
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        parse_assignment("=refund_date")


def test_set_overrides_apply_for_one_run_and_leave_the_project_alone():
    project = Project.defaults()
    changed = project.with_overrides(["revenue.refund_dating=refund_date", 'spend.paid_platforms=["meta"]'])
    assert changed.config.revenue.refund_dating == "refund_date"
    assert changed.config.spend.paid_platforms == ("meta",)
    assert project.config.revenue.refund_dating == "order_date"
    assert project.config.spend.paid_platforms == ("meta", "google")
    with pytest.raises(UnknownNameError):
        project.with_overrides(["orders.exclude_tests=false"])


# -- flags ----------------------------------------------------------------------------
def test_start_after_end_is_refused(capsys):
    code, _, err = cli(capsys, "query", "revenue", "--start", "2024-02-01", "--end", "2024-01-01")
    assert code == 2
    assert "--start 2024-02-01 is after --end 2024-01-01" in err


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "yesterday", "01/02/2024"])
def test_a_bad_date_says_the_expected_form(capsys, value):
    code, _, err = cli(capsys, "query", "revenue", "--start", value)
    assert code == 2
    assert f"--start expects a date as YYYY-MM-DD, got '{value}'" in err


def test_parquet_needs_an_output_file(capsys):
    code, _, err = cli(capsys, "query", "revenue", "--format", "parquet")
    assert code == 2
    assert "--format parquet needs --output FILE" in err


def test_an_unknown_format_lists_the_formats(capsys):
    code, _, err = cli(capsys, "query", "revenue", "--format", "xml")
    assert code == 2
    assert "table, csv, json, parquet" in err


def test_a_missing_argument_is_a_usage_error(capsys):
    code, _, err = cli(capsys, "query")
    assert code == 2
    assert "Missing argument 'metrics'" in err


# -- the warehouse --------------------------------------------------------------------
@pytest.mark.parametrize("url", ["foo://bar", "mysql://u@h/db", "shop.sqlite", "duckdb://host/x.duckdb", "postgresql:///db"])
def test_a_bad_url_says_which_forms_are_accepted(capsys, url):
    code, _, err = cli(capsys, "query", "revenue", "--database", url)
    assert code == 2
    assert ACCEPTED_FORMS in one_line(err)


def test_an_unreachable_postgres_fails_with_exit_3_and_never_shows_the_password(capsys):
    code, out, err = cli(capsys, "query", "orders", "--database", "postgresql://ana:s3cr%40t-pw@127.0.0.1:1/shop")
    assert code == 3
    assert "cannot connect to postgresql://ana:***@127.0.0.1:1/shop" in err
    assert "s3cr" not in out + err


def test_a_missing_duckdb_file_is_not_created(tmp_path, capsys):
    code, _, err = cli(capsys, "query", "orders", "--database", "nothere.duckdb")
    assert code != 0 and "nothere.duckdb" in err
    assert not (tmp_path / "nothere.duckdb").exists()


def test_a_missing_table_names_the_contract_table_and_the_mapping_key(tmp_path, capsys):
    only_shops = tmp_path / "only_shops"
    only_shops.mkdir()
    shutil.copy(HAND / "shops.csv", only_shops)
    assert cli(capsys, "load", str(only_shops), "--database", "w.duckdb")[0] == 0
    code, _, err = cli(capsys, "query", "orders", "--database", "w.duckdb")
    assert code == 3
    line = one_line(err)
    assert "contract table 'orders' not found in the warehouse" in line
    assert "sources.tables.orders.name" in line


def test_a_renamed_table_that_is_missing_names_the_physical_name_and_the_key(tmp_path, capsys, hand_db):
    (tmp_path / "metrics.toml").write_text('[sources.tables.orders]\nname = "shopify_orders"\n')
    code, _, err = cli(capsys, "query", "orders", "--database", hand_db)
    assert code == 3
    line = one_line(err)
    assert "contract table 'orders' not found" in line and "shopify_orders" in line
    assert "sources.tables.orders.name" in line


def test_a_missing_column_names_the_contract_column_and_the_mapping_key(capsys, hand_db):
    with duckdb.connect(hand_db) as con:
        con.execute("ALTER TABLE orders DROP COLUMN taxes")
    code, _, err = cli(capsys, "query", "revenue", "--by", "shop", "--database", hand_db)
    assert code == 3
    line = one_line(err)
    assert "column 'taxes' of contract table 'orders' not found in the warehouse" in line
    assert "sources.tables.orders.columns.taxes" in line


def test_money_across_currencies_needs_by_shop(capsys, hand_db):
    code, _, err = cli(capsys, "query", "revenue", "--by", "month", "--database", hand_db)
    assert code == 2
    assert "different currencies (EUR, USD)" in err and "--by shop" in err
    assert cli(capsys, "query", "orders", "--by", "month", "--database", hand_db)[0] == 0
    assert cli(capsys, "query", "revenue", "--by", "month", "--shop", "s1", "--database", hand_db)[0] == 0


def test_debug_shows_the_traceback(capsys):
    with pytest.raises(SystemExit):
        main(["compile", "revnue", "--debug"])
    assert "Traceback" in capsys.readouterr().err


# -- semantic load --------------------------------------------------------------------
def copy_hand(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(HAND, target)
    return target


def test_load_with_a_bad_value_names_file_and_column_and_changes_nothing(tmp_path, capsys, hand_db):
    before = s1_revenue(capsys, hand_db)
    bad = copy_hand(tmp_path, "bad_value")
    orders = bad / "orders.csv"
    orders.write_text(orders.read_text().replace(",50.00,5.00,", ",5O.00,5.00,", 1))
    (bad / "shops.csv").write_text("shop_id,timezone,currency\ns1,America/New_York,USD\n")  # would change shops
    code, _, err = cli(capsys, "load", str(bad), "--database", hand_db)
    assert code == 2
    assert "orders.csv" in err and "column gross_sales" in err and "5O.00" in err
    assert s1_revenue(capsys, hand_db) == before  # nothing was loaded, not even the valid shops.csv


def test_load_refuses_an_impossible_timestamp_rather_than_rolling_it_over(tmp_path, capsys, hand_db):
    bad = copy_hand(tmp_path, "bad_date")
    orders = bad / "orders.csv"
    orders.write_text(orders.read_text().replace("2024-03-01 14:00:00", "2024-02-30 14:00:00", 1))
    code, _, err = cli(capsys, "load", str(bad), "--database", hand_db)
    assert code == 2
    assert "orders.csv" in err and "column processed_at" in err and "2024-02-30 14:00:00" in err


def test_load_with_a_missing_column_names_it_and_lists_the_table_columns(tmp_path, capsys, hand_db):
    before = s1_revenue(capsys, hand_db)
    bad = copy_hand(tmp_path, "missing_column")
    (bad / "shops.csv").write_text("shop_id,timezone\ns1,America/New_York\n")
    code, _, err = cli(capsys, "load", str(bad), "--database", hand_db)
    assert code == 2
    line = one_line(err)
    assert "shops.csv lacks column(s) currency of contract table shops" in line
    assert "shop_id, timezone, currency" in line
    assert s1_revenue(capsys, hand_db) == before


def test_load_with_an_unknown_file_name_suggests_the_table_and_loads_nothing(tmp_path, capsys, hand_db):
    before = s1_revenue(capsys, hand_db)
    bad = copy_hand(tmp_path, "unknown_name")
    (bad / "refunds.csv").rename(bad / "refund.csv")
    (bad / "orders.csv").write_text((bad / "orders.csv").read_text().replace("100.00", "900.00"))
    code, _, err = cli(capsys, "load", str(bad), "--database", hand_db)
    assert code == 2
    assert "refund.csv" in err and "Did you mean 'refunds'?" in err
    assert s1_revenue(capsys, hand_db) == before


def test_load_of_something_that_is_not_a_directory(tmp_path, capsys):
    code, _, err = cli(capsys, "load", str(tmp_path / "nope"), "--database", "w.duckdb")
    assert code == 2 and "is not a directory" in err


# -- URL parsing --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("duckdb:///relative.duckdb", "relative.duckdb"),
        ("duckdb:///sub/dir/w.duckdb", "sub/dir/w.duckdb"),
        ("duckdb:////abs/path/w.duckdb", "/abs/path/w.duckdb"),
        ("duckdb:///:memory:", ":memory:"),
        ("warehouse.duckdb", "warehouse.duckdb"),
        ("/tmp/x/warehouse.duckdb", "/tmp/x/warehouse.duckdb"),
        ("duckdb:///with%20space.duckdb", "with space.duckdb"),
    ],
)
def test_duckdb_urls_in_sqlalchemy_forms(text, path):
    url = WarehouseUrl.parse(text)
    assert (url.engine, url.path) == ("duckdb", path)
    assert url.redacted == text


def test_postgres_url_parts():
    url = WarehouseUrl.parse("postgresql://ana:p%40ss@db.example.com:5433/shop?sslmode=require")
    assert url.engine == "postgres"
    assert (url.user, url.password, url.host, url.port, url.database) == ("ana", "p@ss", "db.example.com", 5433, "shop")
    assert url.options == (("sslmode", "require"),)
    assert url.redacted == "postgresql://ana:***@db.example.com:5433/shop?sslmode=require"
    for scheme in ("postgres", "postgresql+psycopg"):
        assert WarehouseUrl.parse(f"{scheme}://u@h/d").engine == "postgres"
    plain = WarehouseUrl.parse("postgresql://postgres@127.0.0.1:5432/test")
    assert plain.password is None and plain.redacted == "postgresql://postgres@127.0.0.1:5432/test"


@pytest.mark.parametrize(
    "text", ["", "   ", "foo://bar", "sqlite:///x.db", "shop.db", "duckdb://host/x.duckdb", "duckdb:///", "postgresql:///db"]
)
def test_urls_we_do_not_accept(text):
    with pytest.raises(UrlError, match="accepted forms"):
        WarehouseUrl.parse(text)


def test_a_bad_url_with_a_password_never_echoes_it():
    with pytest.raises(UrlError) as raised:
        WarehouseUrl.parse("postgresql://ana:topsecret@db:notaport/shop")
    assert "topsecret" not in str(raised.value) and "***" in str(raised.value)
    with pytest.raises(UrlError) as raised:
        WarehouseUrl.parse("mysql://ana:topsecret@db/shop")
    assert "topsecret" not in str(raised.value)


# -- project discovery ----------------------------------------------------------------------
def write_config(directory: Path, dating: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "metrics.toml"
    path.write_text(f'[revenue]\nrefund_dating = "{dating}"\n')
    return path


def test_the_nearest_metrics_toml_upward_wins(tmp_path):
    outer = write_config(tmp_path / "repo", "refund_date")
    deep = tmp_path / "repo" / "analysis" / "q3"
    deep.mkdir(parents=True)
    found = find_project(start=deep)
    assert found.path == outer.resolve() and found.config.revenue.refund_dating == "refund_date"
    nearer = write_config(tmp_path / "repo" / "analysis", "order_date")
    assert find_project(start=deep).path == nearer.resolve()


def test_without_any_metrics_toml_the_package_defaults_apply(tmp_path):
    found = find_project(start=tmp_path)
    assert found.path is None and found.config.revenue.refund_dating == "order_date"


def test_semantic_config_beats_the_nearest_file(tmp_path, monkeypatch):
    write_config(tmp_path, "order_date")
    chosen = write_config(tmp_path / "elsewhere", "refund_date")
    monkeypatch.setenv("SEMANTIC_CONFIG", str(chosen))
    assert find_project(start=tmp_path).path == chosen.resolve()


def test_explicit_config_beats_semantic_config(tmp_path, monkeypatch):
    monkeypatch.setenv("SEMANTIC_CONFIG", str(write_config(tmp_path / "env", "order_date")))
    explicit = write_config(tmp_path / "flag", "refund_date")
    assert find_project(explicit).path == explicit.resolve()


def test_the_cli_finds_the_project_like_git(tmp_path, monkeypatch, capsys):
    write_config(tmp_path, "refund_date")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    nearest = cli(capsys, "compile", "revenue")[1]
    defaults = Project.defaults()
    from semantic.api import compile_metric

    assert nearest.rstrip(";\n") == compile_metric(defaults.with_overrides(["revenue.refund_dating=refund_date"]), "revenue", "duckdb")
    explicit = write_config(tmp_path / "other", "order_date")
    via_flag = cli(capsys, "compile", "revenue", "--config", str(explicit))[1]
    assert via_flag.rstrip(";\n") == compile_metric(defaults, "revenue", "duckdb")
    monkeypatch.setenv("SEMANTIC_CONFIG", str(explicit))
    assert cli(capsys, "compile", "revenue")[1] == via_flag
