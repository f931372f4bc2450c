"""A backfill runs the catalog's data checks on the rows it recomputes from, before the swap."""

from __future__ import annotations

import duckdb
import pytest

from semantic.backends.connect import connect
from semantic.backends.materialize import build
from semantic.materialized import Layout
from semantic.metrics import Additive
from semantic.project import Project
from semantic.sources import Sources
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.conftest import empty_tables
from tests.reference import CORE_METRICS, edge_case_shops

BACKFILL = ("backfill", "--start", "2024-03-10", "--end", "2024-03-12", "--reason", "restate", "--shop", "s0",
            "--metrics", "revenue", "--env", "dev", "--as", "dev@example.com", "--database", "w.duckdb")


@pytest.fixture
def built(isolated):
    project = Project.from_text("")
    (isolated / "metrics.toml").write_text("")
    warehouse = connect(f"duckdb:///{isolated / 'w.duckdb'}")
    warehouse.load({**empty_tables(), **edge_case_shops().arrow_tables()}, Sources.from_config(project.config))
    metrics = [m for m in project.catalog.closure(CORE_METRICS, project.config) if isinstance(m, Additive)]
    build(warehouse, project.catalog, project.config, {}, Layout("semantic"), metrics=metrics)
    warehouse.close()
    return isolated / "w.duckdb"


def _daily(path) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT shop_id, day, metric, version, value FROM semantic.daily_metrics ORDER BY ALL").fetchall()


def test_bad_source_rows_stop_the_backfill_and_leave_production_untouched(built, capsys):
    with duckdb.connect(str(built)) as con:
        # Shopify's GraphQL API writes statuses in upper case: that order would silently stop counting.
        con.execute("UPDATE orders SET financial_status = 'PAID' WHERE shop_id = 's0' AND financial_status = 'paid'")
    before = _daily(built)
    code, out, err = cli(capsys, *BACKFILL)
    assert code == 1
    assert "failed" in out + err and "data:financial_status" in out + err
    assert _daily(built) == before


def test_clean_rows_pass_and_warnings_are_recorded(built, capsys):
    code, out, err = cli(capsys, *BACKFILL)
    assert code == 0, out + err
    assert "completed" in out + err and "failed checks" not in out + err
    code, out, err = cli(capsys, *BACKFILL, "--no-data-checks")
    assert code == 0 and "data:" not in out + err
