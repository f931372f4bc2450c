"""Answers that were wrong or unhelpful: each now says what is wrong, with the right exit code.

- an unknown --shop is refused (exit 2) naming the nearest shops, never an empty table;
- a list knob takes a comma list on --set, and a wrong type says how to write it;
- CODEOWNERS owns only files of the repository that git does not ignore;
- user input echoed in a message is cut, and a huge description keeps `metrics` fast;
- attribution --limit takes 0 or more (a usage error, exit 2).
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from semantic.project import Project
from tests.cli_run import cli, isolated, one_line  # noqa: F401 - fixture

HAND = Path(__file__).parent / "fixtures" / "hand"
pytestmark = pytest.mark.usefixtures("isolated")


@pytest.fixture
def hand_db(tmp_path, capsys) -> str:
    path = tmp_path / "hand.duckdb"
    code, _, err = cli(capsys, "load", str(HAND), "--database", str(path))
    assert code == 0, err
    return str(path)


@pytest.mark.parametrize(
    "command",
    [
        ("query", "revenue", "--shop", "s3"),
        ("query", "orders", "--by", "shop", "--shop", "s1", "--shop", "s3"),
        ("attribution", "order_attribution", "--shop", "s3"),
        ("explain", "o1", "--shop", "s3"),
    ],
)
def test_an_unknown_shop_is_a_usage_error_naming_the_nearest(capsys, hand_db, command):
    code, out, err = cli(capsys, *command, "--database", hand_db)
    assert code == 2 and out == ""
    assert "unknown shop 's3'." in err
    assert re.search(r"Nearest of the 2 shops: (s1, s2|s2, s1)\.", one_line(err))


def test_a_known_shop_still_answers(capsys, hand_db):
    code, out, err = cli(capsys, "query", "orders", "--shop", "s2", "--database", hand_db, "--format", "csv")
    assert code == 0, err
    assert out.splitlines()[0] == "orders"


def test_a_comma_list_sets_a_list_knob():
    project = Project.defaults().with_overrides(["orders.included_financial_statuses=paid, refunded"])
    assert project.config.orders.included_financial_statuses == ("paid", "refunded")
    project = Project.defaults().with_overrides(["orders.included_financial_statuses=paid"])
    assert project.config.orders.included_financial_statuses == ("paid",)
    project = Project.defaults().with_overrides(["attribution.platforms.tiktok=tiktok,tt"])
    assert project.config.attribution.platforms["tiktok"] == ("tiktok", "tt")


def test_a_toml_list_still_works_and_a_table_knob_says_how_to_write_it(capsys):
    project = Project.defaults().with_overrides(['spend.paid_platforms=["meta", "tiktok"]'])
    assert project.config.spend.paid_platforms == ("meta", "tiktok")
    code, _, err = cli(capsys, "compile", "revenue", "--set", "attribution.platforms=meta")
    assert code == 2 and "--set attribution.platforms.KEY=a,b" in err


def test_codeowners_owns_no_ignored_file_and_nothing_outside_the_repository(capsys, tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text(".venv/\n")
    definition = (
        "from semantic.metrics import Additive, Contribution\n"
        "def register(registry):\n"
        "    registry.register(Additive(name='{name}', version=1, description='d', unit='money', knob_groups=('orders',),\n"
        "        contributions=(Contribution('included_orders', lambda t, c: t.gross_sales),)))\n"
    )
    vendored = tmp_path / ".venv" / "lib" / "python3.11" / "site-packages" / "vendor_defs.py"
    vendored.parent.mkdir(parents=True)
    vendored.write_text(definition.format(name="vendored"))
    (tmp_path / "defs.py").write_text(definition.format(name="gross"))
    (tmp_path / "metrics.toml").write_text(
        '[project]\nmodules = ["defs.py", ".venv/lib/python3.11/site-packages/vendor_defs.py"]\n'
        '[metrics.gross]\nowner = "ana@example.com"\n[metrics.vendored]\nowner = "ben@example.com"\n'
    )
    code, _, err = cli(capsys, "codeowners")
    assert code == 0, err
    lines = (tmp_path / ".github" / "CODEOWNERS").read_text().splitlines()[1:]
    assert lines == ["/defs.py ana@example.com", "/metrics.toml ana@example.com ben@example.com"]


def test_a_huge_unknown_name_is_cut_when_echoed(capsys):
    name = "x" * 100_000
    code, _, err = cli(capsys, "compile", name)
    assert code == 2
    assert "unknown metric 'xxxx" in err and "(100,000 characters)" in err
    assert len(err) < 2_000


def test_a_huge_value_is_cut_wherever_a_message_quotes_it(capsys):
    code, _, err = cli(capsys, "query", "revenue", "--start", "y" * 100_000)
    assert code == 2 and "(100,000 characters)" in err and len(err) < 2_000


def test_a_two_megabyte_description_keeps_metrics_fast(capsys, tmp_path):
    (tmp_path / "metrics.toml").write_text(f'[metrics.revenue]\nowner = "a@example.com"\ndescription = "{"d" * 2_000_000}"\n')
    started = time.perf_counter()
    code, out, _ = cli(capsys, "metrics")
    elapsed = time.perf_counter() - started
    assert code == 0 and "(2,000,000 characters)" in out
    assert elapsed < 4.0, f"semantic metrics took {elapsed:.1f}s"
    code, out, _ = cli(capsys, "metrics", "--format", "json")
    assert code == 0 and "d" * 2_000_000 in out  # JSON keeps every character


def test_a_negative_attribution_limit_is_a_usage_error(capsys, hand_db):
    code, _, err = cli(capsys, "attribution", "order_attribution", "--limit", "-1", "--database", hand_db)
    assert code == 2 and "--limit" in err and "internal error" not in err and "Binder" not in err
