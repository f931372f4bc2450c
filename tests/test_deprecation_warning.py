"""A deprecated metric warns when used, directly or through a ratio that reads it."""

from __future__ import annotations

import datetime as dt

from semantic.api import build_query, deprecation_warnings
from semantic.project import Project

TOML = """
[metrics.orders]
owner = "a@example.com"
status = "deprecated"
sunset = 2026-06-30
"""


def test_deprecated_metric_used_through_a_ratio_warns_with_its_sunset():
    project = Project.from_text(TOML)
    built = build_query(project, ["aov"], by=["day"])
    assert deprecation_warnings(project, built, today=dt.date(2026, 1, 1)) == [
        "metric orders is deprecated, sunset 2026-06-30"
    ]
    assert deprecation_warnings(project, built, today=dt.date(2026, 7, 1)) == [
        "metric orders is deprecated, sunset 2026-06-30 (past its sunset: `semantic check` fails)"
    ]


def test_active_metrics_do_not_warn():
    project = Project.from_text(TOML)
    assert deprecation_warnings(project, build_query(project, ["revenue"])) == []


def test_query_command_prints_the_warning_on_stderr(tmp_path, capsys, monkeypatch):
    import pytest

    from semantic.backends.connect import connect
    from semantic.cli.app import main
    from semantic.sources import Sources
    from tests.conftest import empty_tables

    (tmp_path / "metrics.toml").write_text(TOML)
    warehouse = connect(f"duckdb:///{tmp_path / 'w.duckdb'}")
    warehouse.load(empty_tables(), Sources.from_config(Project.from_text(TOML).config))
    warehouse.close()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["query", "orders", "--database", str(tmp_path / "w.duckdb"), "--format", "json"])
    assert exit_.value.code == 0
    assert "warning: metric orders is deprecated, sunset 2026-06-30" in capsys.readouterr().err
