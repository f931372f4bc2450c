"""`semantic explain`, `semantic attribution` and `semantic query --model` from the command line (DuckDB)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from semantic.backends.connect import connect
from semantic.project import Project
from semantic.sources import Sources
from tests.conftest import empty_tables
from tests.test_attribution_scenarios import FB, GOOGLE_ADS, before, order, session, tables


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "attr.duckdb"
    sessions = [
        session("old", before(days=8), **FB),
        session("ad", before(days=2), **GOOGLE_ADS),
        session("blog", before(days=1), referrer="https://l.facebook.com/l.php"),
        session("typed", before(hours=1)),
    ]
    warehouse = connect(f"duckdb:///{path}")
    warehouse.load({**empty_tables(), **tables(sessions, [order("o1", total="90.00")])}, Sources.from_config(Project.defaults().config))
    warehouse.close()
    return f"duckdb:///{path}"


def semantic(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "semantic.cli", *args], capture_output=True, text=True,
                          env={"COLUMNS": "250", "PATH": "/usr/bin:/bin", "SEMANTIC_CONFIG": ""})


def test_explain_lists_every_touchpoint_with_its_verdict(database):
    out = semantic("explain", "o1", "--shop", "s1", "--database", database)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "credited to (facebook, social) channel Organic Social, touchpoint blog" in text
    assert "because: referrer host l.facebook.com matched facebook.com -> (facebook, social)" in text
    assert "outside the 7-day window (8d before the order)" in text
    assert "earlier than the winner" in text
    assert "direct: not a click" in text


def test_explain_as_json(database):
    out = semantic("explain", "o1", "--shop", "s1", "--database", database, "--format", "json", "--model", "first_click")
    assert out.returncode == 0, out.stderr
    explained = json.loads(out.stdout)
    assert (explained["model"], explained["touchpoint_id"], explained["rule"]) == (
        "first_click", "ad", "utm: utm_source=google utm_medium=cpc")
    assert [(t["touchpoint_id"], t["won"]) for t in explained["touchpoints"]] == [
        ("old", False), ("ad", True), ("blog", False), ("typed", False)]
    assert explained["touchpoints"][2]["reason"] == "later than the winner"


def test_explain_an_unknown_order_is_a_usage_error(database):
    out = semantic("explain", "nope", "--shop", "s1", "--database", database)
    assert out.returncode == 2
    assert "not an included order" in out.stderr


def test_query_with_a_model(database):
    out = semantic("query", "attributed_revenue", "--by", "source", "--model", "linear", "--format", "json",
                   "--database", database)
    assert out.returncode == 0, out.stderr
    # 9000 cents over two clicks: 4500 each.
    assert json.loads(out.stdout) == [{"source": "facebook", "attributed_revenue": 45.00},
                                      {"source": "google", "attributed_revenue": 45.00}]


def test_attribution_relations_can_be_listed(database):
    out = semantic("attribution", "attribution_journeys", "--format", "json", "--database", database)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["touchpoint_id"], r["won"]) for r in rows] == [("ad", False), ("blog", True), ("typed", False)]
