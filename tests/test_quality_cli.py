"""`semantic check --database`: exit codes, formats, escaping, and the governance check kept as it was."""

from __future__ import annotations

import datetime as dt
import json
from xml.etree import ElementTree as ET

from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.quality_data import clean_rows, duckdb_with, loaded_at, order

UTC = dt.timezone.utc


def warehouse_file(directory, rows=None, minutes_ago: float = 30) -> str:
    rows = loaded_at(rows or clean_rows(), dt.datetime.now(UTC) - dt.timedelta(minutes=minutes_ago))
    path = directory / "w.duckdb"
    duckdb_with(path, rows).close()
    return str(path)


def test_a_clean_warehouse_exits_0_with_the_summary(isolated, capsys):
    code, out, _ = cli(capsys, "check", "--database", warehouse_file(isolated), "--data-only")
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("Done. PASS=23 WARN=0 FAIL=0 TOTAL=23")


def test_a_duplicate_order_blocks_with_exit_1_naming_table_row_and_fix(isolated, capsys):
    rows = clean_rows()
    rows["orders"].append(order("s1", "o2", "60.00"))
    code, out, _ = cli(capsys, "check", "--database", warehouse_file(isolated, rows), "--data-only", "--select", "tag:keys")
    assert code == 1
    assert "FAIL  duplicate_keys: 1 offending" in out
    assert "orders | s1 | o2 | 2" in out
    assert "fix: keep one row per key" in out
    assert "FAIL=1" in out


def test_warnings_exit_0_and_warn_error_makes_them_fail(isolated, capsys):
    database = warehouse_file(isolated, minutes_ago=180)  # orders warn after 1 h, error after 24 h
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "freshness")
    assert (code, "WARN  freshness" in out) == (0, True)
    code, _, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "freshness", "--warn-error")
    assert code == 1


def test_an_unknown_check_in_metrics_toml_exits_2(isolated, capsys):
    (isolated / "metrics.toml").write_text("[checks.duplicate_key]\nenabled = false\n")
    code, _, err = cli(capsys, "check", "--database", warehouse_file(isolated), "--data-only")
    assert code == 2
    assert "duplicate_keys" in err


def test_a_missing_warehouse_exits_3(isolated, capsys):
    code, _, err = cli(capsys, "check", "--database", str(isolated / "nowhere.duckdb"), "--data-only")
    assert code == 3
    assert "nowhere.duckdb" in err


def test_json_junit_and_markdown(isolated, capsys):
    rows = clean_rows()
    rows["refunds"][0]["order_id"] = "o404"
    database = warehouse_file(isolated, rows)
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "tag:orphans", "--format", "json")
    data = json.loads(out)
    assert code == 1
    by_name = {c["name"]: c for c in data["data"]["checks"]}
    assert by_name["refund_without_order"]["sample"] == [{"shop_id": "s1", "refund_id": "r1", "order_id": "o404"}]
    assert data["data"]["summary"]["fail"] == 1
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "tag:orphans", "--format", "junit")
    suite = ET.fromstring(out.split("\n", 1)[1])
    failures = [case.get("name") for case in suite if case.find("failure") is not None]
    assert (code, failures, suite.get("tests")) == (1, ["refund_without_order"], "2")
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "tag:orphans", "--format", "markdown")
    assert "| `refund_without_order` | fail | 1 |" in out


def test_control_characters_from_the_data_are_escaped_in_text_and_xml(isolated, capsys):
    rows = clean_rows()
    rows["orders"][1]["financial_status"] = "pa\x1b[31mid"
    database = warehouse_file(isolated, rows)
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "financial_status")
    assert code == 1 and "\x1b" not in out and "pa\\x1b[31mid" in out
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "financial_status", "--format", "junit")
    assert "\x1b" not in out
    ET.fromstring(out.split("\n", 1)[1])


def test_show_sql_prints_the_statement_that_finds_the_rows(isolated, capsys):
    code, out, _ = cli(capsys, "check", "--database", warehouse_file(isolated), "--data-only", "--select", "refund_without_order", "--show-sql")
    assert code == 0
    assert "SELECT" in out and "ANTI JOIN" in out.upper() or "NOT EXISTS" in out.upper()


def test_without_database_check_is_the_governance_check_and_refuses_junit(isolated, capsys):
    code, _, err = cli(capsys, "check", "--format", "junit")
    assert code == 2 and "--format" in err


def test_store_failures_names_the_table_holding_the_rows(isolated, capsys):
    rows = clean_rows()
    rows["refunds"][0]["order_id"] = "o404"
    database = warehouse_file(isolated, rows)
    code, out, _ = cli(capsys, "check", "--database", database, "--data-only", "--select", "refund_without_order", "--store-failures")
    assert code == 1
    assert "all rows: semantic_check_failures.refund_without_order__" in out


def test_governance_check_names_an_unknown_check_table_and_a_broken_own_check(isolated):
    # The findings `semantic check` adds (called directly: the whole governance check compiles every metric).
    from semantic.governance.data_checks import data_check_findings
    from semantic.governance.render import render_findings
    from semantic.project import Project

    (isolated / "broken_checks.py").write_text(
        "from semantic.checks import Check\n"
        "def broken(ctx):\n"
        "    return ctx.sources.orders.select('no_such_column')\n"
        "def register(catalog):\n"
        "    catalog.register(Check('broken_check', 'Broken.', broken, 'fix it', tables=('orders',)))\n"
    )
    (isolated / "metrics.toml").write_text('[project]\nmodules = ["broken_checks.py"]\n\n[checks.duplicate_key]\nenabled = false\n')
    out = render_findings(data_check_findings(Project.load(isolated / "metrics.toml"), "metrics.toml"), "text")
    assert "metrics.toml:4: error: [checks.duplicate_key] names no check. Did you mean 'duplicate_keys'?" in out
    assert "[broken_check] data check broken_check does not build or compile" in out and "no_such_column" in out


def test_github_format_annotates_each_failure_and_warning(isolated, capsys):
    rows = clean_rows()
    rows["orders"].append(order("s1", "o2", "60.00"))
    code, out, _ = cli(capsys, "check", "--database", warehouse_file(isolated, rows, minutes_ago=180), "--data-only", "--format", "github")
    assert code == 1
    lines = out.strip().splitlines()
    assert any(line.startswith("::error title=data check duplicate_keys::1 offending row(s) in ") for line in lines)
    assert any(line.startswith("::warning title=data check freshness::") for line in lines)
    assert lines[-1].startswith("Done. PASS=")
