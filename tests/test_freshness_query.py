"""Freshness from a query of the project's own (`[quality.freshness.T] query`): run as-is as a statement
of its own, never spliced into ours; one instant for every shop, or (shop_id, instant) rows; error_after
first, then warn_after, strictly older than. On DuckDB and PostgreSQL."""

from __future__ import annotations

import pytest

from semantic.backends.quality import run_checks
from semantic.checks import CheckScope
from semantic.errors import ConfigError, WarehouseError
from semantic.project import Project
from tests.conftest import engine, load_warehouse  # noqa: F401 - fixtures
from tests.quality_data import NOW, arrow_tables, clean_rows


def freshness(loaded):
    run = run_checks(loaded.warehouse, loaded.project.catalog, loaded.project.config, CheckScope(select=("freshness",)), now=NOW)
    (result,) = run.results
    return result


def toml(query: str, warn: str = "1h") -> str:
    escaped = query.replace("\\", "\\\\").replace('"', '\\"')
    return f'[quality.freshness.orders]\nquery = "{escaped}"\nwarn_after = "{warn}"\n'


def test_one_instant_three_hours_old_warns_for_every_shop(load_warehouse):
    # NOW is 2026-01-20 12:00 UTC: 09:00 is 3 h before, over warn_after 1 h, under error_after 24 h.
    loaded = load_warehouse(arrow_tables(clean_rows()), toml("SELECT CAST('2026-01-20 09:00:00+00' AS TIMESTAMPTZ) AS synced"))
    result = freshness(loaded)
    assert (result.status, result.offending) == ("warn", 2)
    rows = [dict(zip(result.columns, r)) for r in result.samples]
    assert [(r["source"], r["shop_id"], r["age_hours"], r["severity"], r["limit"]) for r in rows] == [
        ("orders", "s1", 3.0, "warn", "1h"),
        ("orders", "s2", 3.0, "warn", "1h"),
    ]


def test_rows_per_shop_judge_each_shop(load_warehouse):
    query = (
        "SELECT 's1' AS shop_id, CAST('2026-01-20 11:30:00+00' AS TIMESTAMPTZ) AS synced "
        "UNION ALL SELECT 's2', CAST('2026-01-19 06:00:00+00' AS TIMESTAMPTZ)"
    )
    result = freshness(load_warehouse(arrow_tables(clean_rows()), toml(query)))
    assert result.status == "fail"
    rows = [dict(zip(result.columns, r)) for r in result.samples]
    assert [(r["shop_id"], r["age_hours"], r["severity"], r["limit"]) for r in rows] == [("s2", 30.0, "error", "24h")]


def test_exactly_at_the_limit_is_not_late(load_warehouse):
    result = freshness(load_warehouse(arrow_tables(clean_rows()), toml("SELECT CAST('2026-01-20 11:00:00+00' AS TIMESTAMPTZ) AS synced")))
    assert (result.status, result.offending) == ("pass", 0)


def test_a_query_that_fails_names_its_key(load_warehouse):
    loaded = load_warehouse(arrow_tables(clean_rows()), toml("SELECT max(synced_at) FROM no_such_sync_log"))
    with pytest.raises(WarehouseError, match="quality.freshness.orders.query"):
        freshness(loaded)


def test_a_naive_instant_or_other_columns_are_refused_with_the_shape_wanted(load_warehouse):
    naive = load_warehouse(arrow_tables(clean_rows()), toml("SELECT CAST('2026-01-20 09:00:00' AS TIMESTAMP) AS synced"))
    with pytest.raises(ConfigError, match="not a UTC instant"):
        freshness(naive)
    wide = load_warehouse(arrow_tables(clean_rows()), toml("SELECT 1 AS a, 2 AS b, 3 AS c"))
    with pytest.raises(ConfigError, match="returned columns a, b, c"):
        freshness(wide)


def test_column_and_query_together_are_a_config_error():
    with pytest.raises(ConfigError, match="a column or a query, not both"):
        Project.from_text('[quality.freshness.orders]\ncolumn = "processed_at"\nquery = "SELECT 1"\n')


def test_a_configured_column_is_used(load_warehouse):
    # processed_at of the clean orders is 2026-01-10 12:00: 240 h before NOW, over error_after 24 h.
    loaded = load_warehouse(arrow_tables(clean_rows()), '[quality.freshness.orders]\ncolumn = "processed_at"\n')
    result = freshness(loaded)
    rows = [dict(zip(result.columns, r)) for r in result.samples]
    assert [(r["shop_id"], r["age_hours"], r["severity"]) for r in rows] == [("s1", 240.0, "error"), ("s2", 240.0, "error")]
