"""examples/shop-analytics end to end, and the checks of the checks (issue 10).

The example is copied into a fresh git repository (as a team copies it), then:
its own `semantic check` is green; its custom metric answers what a hand-written
DuckDB query over the same demo warehouse answers; and a metric broken on
purpose (a syntax error, a changed formula without a version decision, a
missing approval) makes `semantic check` fail with what is wrong and the fix,
while a warn-level finding passes with a visible warning.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.cli_run import cli, isolated, one_line  # noqa: F401 - fixture

EXAMPLE = Path(__file__).parent.parent / "examples" / "shop-analytics"
AUTHOR = "dev@example.com"


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": AUTHOR, "GIT_COMMITTER_NAME": "Dev", "GIT_COMMITTER_EMAIL": AUTHOR}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


@pytest.fixture
def project(isolated) -> Path:
    root = isolated / "shop-analytics"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("*.duckdb", "__pycache__"))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.email", AUTHOR)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start from the example")
    os.chdir(root)
    return root


def test_the_example_passes_its_own_check(project, capsys):
    code, out, err = cli(capsys, "check")
    assert code == 0, out + err
    assert "ERRORS: 0" in out


def test_the_custom_metric_matches_a_hand_written_query(project, capsys):
    code, out, err = cli(capsys, "demo", "--orders", "1500", "--database", "warehouse.duckdb")
    assert code == 0, out + err
    code, out, err = cli(capsys, "query", "discount_rate", "merchandise_sales", "order_discounts", "--by", "shop", "--format", "json")
    assert code == 0, out + err
    ours = {row["shop_id"]: row for row in json.loads(out)}
    with duckdb.connect("warehouse.duckdb", read_only=True) as con:
        expected = con.execute(
            """
            SELECT shop_id, SUM(gross_sales), SUM(discounts)
            FROM orders
            WHERE financial_status IN ('paid', 'partially_refunded', 'refunded')
              AND NOT is_test AND cancelled_at IS NULL
            GROUP BY shop_id
            """
        ).fetchall()
    assert expected and len(ours) == len(expected)
    for shop, gross, discounts in expected:
        row = ours[shop]
        assert Decimal(str(row["merchandise_sales"])) == gross
        assert Decimal(str(row["order_discounts"])) == discounts
        assert row["discount_rate"] == pytest.approx(float(discounts / gross), rel=1e-12)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_syntax_error_in_a_custom_metric_names_the_file_and_line(project, capsys):
    _edit(project / "shop_metrics.py", "lambda t, c: t.discounts)", "lambda t, c: t.discounts))")
    code, out, err = cli(capsys, "check")
    assert code == 1
    text = one_line(out + err)
    assert "shop_metrics.py" in text and "SyntaxError" in text and "line 3" in text


def test_a_changed_formula_without_a_version_decision_fails(project, capsys):
    _edit(project / "shop_metrics.py", "lambda t, c: t.discounts)", "lambda t, c: t.discounts * 2)")
    code, out, err = cli(capsys, "check")
    assert code == 1
    text = one_line(out)
    assert "the definition of order_discounts@1 changed" in text
    assert "a fix in place" in text and "order_discounts@2" in text and "semantic lock" in text
    # discount_rate follows discounts: it changed too, and says so.
    assert "discount_rate@1 changed" in text


def test_a_new_metric_without_an_approval_fails_until_approved(project, capsys):
    _edit(project / "shop_metrics.py", "def register(catalog):\n", "def register(catalog):\n    catalog.register(Additive(name='line_discounts', version=1, description='x', unit='money', knob_groups=('orders',), contributions=(Contribution('included_orders', lambda t, c: t.discounts),)))\n")
    with (project / "metrics.toml").open("a") as toml:
        toml.write('\n[metrics.line_discounts]\nowner = "head-of-analytics@example.com"\ndescription = "Discounts."\nversion = 1\n')
    assert cli(capsys, "lock")[0] == 0
    code, out, _ = cli(capsys, "check")
    assert code == 1
    assert "line_discounts@1 has 0 of the 1 approvals" in one_line(out)
    assert "semantic approve line_discounts --by EMAIL" in one_line(out)
    # The author's own approval does not count; a reviewer's does.
    assert cli(capsys, "approve", "line_discounts", "--by", AUTHOR)[0] == 0
    assert cli(capsys, "check")[0] == 1
    assert cli(capsys, "approve", "line_discounts", "--by", "reviewer@example.com")[0] == 0
    code, out, _ = cli(capsys, "check")
    assert code == 0, out


def test_a_warning_passes_and_shows(project, capsys):
    _edit(project / "metrics.toml", 'description = "Count of included orders."\n', "")
    code, out, _ = cli(capsys, "check")
    assert code == 0
    assert "orders has no description" in out and "WARNINGS: 1" in out
    assert cli(capsys, "check", "--warn-error")[0] == 1


def test_a_slim_run_checks_only_the_changed_metric_and_its_downstream(project, capsys):
    assert cli(capsys, "demo", "--orders", "800", "--database", "warehouse.duckdb")[0] == 0
    args = ("check", "--database", "warehouse.duckdb", "--data-only", "--changed-since", "HEAD", "--format", "json")
    code, out, err = cli(capsys, *args)
    assert code == 0 and "no metric changed since HEAD" in err and out == ""
    _edit(project / "shop_metrics.py", "lambda t, c: t.discounts)", "lambda t, c: t.discounts * 2)")
    code, out, err = cli(capsys, *args)
    text = one_line(err)
    assert "1 metric(s) changed since HEAD (order_discounts), 1 downstream (discount_rate)" in text
    report = json.loads(out)
    ran = {c["name"] for c in report.get("data", report)["checks"]}
    # order_discounts reads orders (and shops, for shop-local days): checks of ad spend and sessions are skipped.
    assert {"financial_status", "duplicate_keys"} <= ran
    assert not ran & {"ad_spend_jump", "utm_source_nulls", "new_traffic_source"}
    skipped = text.split("skipped checks: ", 1)[1]
    assert "ad_spend_jump" in skipped and "utm_source_nulls" in skipped and "financial_status" not in skipped


OWN_METRICS = ("merchandise_sales", "order_discounts", "discount_rate")


def test_the_exported_sql_of_the_examples_own_metrics_is_current(tmp_path, capsys):
    """sql/duckdb holds what `semantic export` writes for the example's own metrics (sqlfluff lints
    it in pre-commit). Refresh: SEMANTIC_UPDATE_GOLDEN=1 pytest tests/test_example_project.py."""
    code, out, err = cli(capsys, "export", "--dialect", "duckdb", "--out", str(tmp_path), "--config", str(EXAMPLE / "metrics.toml"))
    assert code == 0, out + err
    for name in OWN_METRICS:
        fresh = (tmp_path / f"{name}.sql").read_text()
        kept = EXAMPLE / "sql" / "duckdb" / f"{name}.sql"
        if os.environ.get("SEMANTIC_UPDATE_GOLDEN"):
            kept.write_text(fresh)
        assert kept.read_text() == fresh, f"{kept} is stale: SEMANTIC_UPDATE_GOLDEN=1 pytest tests/test_example_project.py"
