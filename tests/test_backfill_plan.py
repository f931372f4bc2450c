"""The backfill policy (semantic.backfill_plan): every refused case, and what is allowed, without a warehouse."""

from __future__ import annotations

import datetime as dt

import pytest

from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.errors import ConfigError, GovernanceError, QueryError
from semantic.project import Project
from tests.cli_run import cli, isolated  # noqa: F401 - fixture

POLICY = """
[backfill.roles]
engineers = ["*@eng.example.com"]
analysts = ["ana@example.com"]
managers = ["boss@example.com"]
"""
SHOPS = ["s0", "s1"]
DAY = dt.date(2024, 3, 1)


def plan(env="dev", days=3, actor="eve@eng.example.com", shops=("s0",), reason="late refunds", approved_by=None,
         start=DAY, config=POLICY):
    project = Project.from_text(config)
    request = BackfillRequest(start, start + dt.timedelta(days=days - 1), reason, env, actor, shops, ("aov",), approved_by)
    return plan_backfill(project.catalog, project.config, request, SHOPS)


def test_an_engineer_may_backfill_any_environment_within_its_limit():
    planned = plan("production", days=7)
    assert planned.days == 7 and [m.ref for m in planned.metrics] == ["revenue@1", "orders@1"]
    assert plan("staging", days=90).days == 90 and plan("dev", days=400).days == 400


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"reason": "  "}, GovernanceError, "needs a reason"),
        ({"days": 0}, QueryError, "is before --start"),
        ({"env": "staging", "days": 91}, GovernanceError, "over the staging limit of 90 days"),
        ({"env": "production", "days": 31}, GovernanceError, "over the production limit of 30 days"),
        ({"env": "production", "days": 8}, GovernanceError, "needs a manager's approval"),
        ({"env": "production", "actor": "ana@example.com"}, GovernanceError, "analysts may not backfill production"),
        ({"env": "staging", "days": 8, "actor": "ana@example.com"}, GovernanceError, "at most 7 days in staging"),
        ({"env": "staging", "actor": "stranger@example.com"}, GovernanceError, "holds no backfill role for staging"),
        ({"shops": ("s9",)}, QueryError, "unknown shop 's9'"),
        ({"env": "prod"}, QueryError, "--env must be one of dev, staging, production"),
        ({"env": "production", "days": 40, "approved_by": "eve@eng.example.com"}, GovernanceError, "cannot approve their own"),
        ({"env": "production", "days": 40, "approved_by": "ana@example.com"}, GovernanceError, "does not hold the manager role"),
    ],
)
def test_refused(kwargs, error, words):
    with pytest.raises(error, match=words):
        plan(**kwargs)


def test_a_manager_approves_a_longer_production_backfill():
    planned = plan("production", days=45, approved_by="boss@example.com")
    assert planned.days == 45 and "approved by boss@example.com" in planned.rules[0]
    assert plan("staging", days=7, actor="ana@example.com").days == 7


def test_a_wrong_policy_key_is_a_config_error():
    with pytest.raises(ConfigError, match=r"\[backfill\] snapshot_retention_day"):
        plan(config="[backfill]\nsnapshot_retention_day = 3\n")


def test_cli_refusals_exit_2_and_dry_run_writes_nothing(isolated, capsys):  # noqa: F811
    url = f"duckdb:///{isolated / 'w.duckdb'}"
    assert cli(capsys, "demo", "--orders", "200", "--shops", "1", "--database", url)[0] == 0
    base = ("backfill", "--start", "2025-01-01", "--end", "2025-01-03", "--env", "dev", "--as", "me@example.com", "--database", url)
    code, _, err = cli(capsys, *base, "--reason", "")
    assert code == 2 and "needs a reason" in err
    code, _, err = cli(capsys, *base, "--reason", "x", "--shop", "nope")
    assert code == 2 and "unknown shop" in err
    code, _, err = cli(capsys, *base, "--reason", "x", "--dry-run")
    assert code == 3 and "run `semantic build` first" in err
