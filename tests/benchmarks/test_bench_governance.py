"""Governance at scale: `semantic check` and `semantic diff` on a generated project of 200 metrics.

Targets: check (no database, 3 dialects) under 2 s and diff between two
revisions under 5 s, both with the compile cache warm for unchanged metrics
(the normal state in CI: the base was built before). The cold first check is
measured too and reported in `extra_info`.

Run: pytest tests/benchmarks/test_bench_governance.py --benchmark-only --benchmark-columns=min,mean,max,rounds
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

MODULES, PER_MODULE = 20, 10  # 200 generated metrics, ten per project module
FACTS = (("included_orders", "gross_sales"), ("included_orders", "shipping"), ("refunds", "amount"), ("ad_spend", "spend"))


def module_source(k: int, tweak: int = 0) -> str:
    lines = ["from semantic.metrics import Additive, Contribution", "", "", "def register(registry):"]
    for j in range(PER_MODULE):
        fact, column = FACTS[(k + j) % len(FACTS)]
        factor = j + 1 + (tweak if j == 0 else 0)
        lines += [
            "    registry.register(",
            "        Additive(",
            f'            name="m_{k:02d}_{j}", version=1, unit="money", description="Generated metric {k}/{j}.",',
            f'            contributions=(Contribution("{fact}", lambda t, c: t.{column} * {factor}),),',
            "        )",
            "    )",
        ]
    return "\n".join(lines) + "\n"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "semantic.cli", *args], cwd=root, capture_output=True, text=True)


@pytest.fixture(scope="module")
def big_project(tmp_path_factory):
    """A git repository with 215 locked, approved metrics in two revisions; (root, cold check seconds)."""
    from tests.governance_repo import metrics_toml

    root = tmp_path_factory.mktemp("governance-bench")
    os.environ["SEMANTIC_CACHE_DIR"] = str(root.parent / "governance-bench-cache")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.email", "dev@example.com")
    _git(root, "config", "user.name", "Dev")
    for k in range(MODULES):
        (root / f"metrics_{k:02d}.py").write_text(module_source(k))
    entries = "".join(
        f'\n[metrics.m_{k:02d}_{j}]\nowner = "analytics@example.com"\ndescription = "Generated."\nversion = 1\n'
        for k in range(MODULES)
        for j in range(PER_MODULE)
    )
    text = metrics_toml(entries, modules=False).replace(
        'dialects = ["duckdb"]', 'dialects = ["duckdb", "postgres", "bigquery"]\nmodules = [' + ", ".join(f'"metrics_{k:02d}.py"' for k in range(MODULES)) + "]"
    )
    (root / "metrics.toml").write_text(text)
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n\n### Fixed\n- m_00_0@1 counts twice as much.\n")
    started = time.perf_counter()
    assert _cli(root, "lock").returncode == 0
    cold = time.perf_counter() - started
    from semantic.governance.approvals import add_approval
    import tomllib

    text = (root / "metrics.toml").read_text()
    for name, entry in tomllib.loads(text)["metrics"].items():
        for reviewer in ("ana@example.com", "ben@example.com"):
            text, _ = add_approval(text, name, reviewer, entry["fingerprint"], "2026-11-30T12:00:00Z")
    (root / "metrics.toml").write_text(text)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    # The head revision: one expression fixed in place (and locked), one owner changed.
    (root / "metrics_00.py").write_text(module_source(0, tweak=1))
    assert _cli(root, "lock").returncode == 0
    (root / "metrics.toml").write_text((root / "metrics.toml").read_text().replace('[metrics.m_19_9]\nowner = "analytics@example.com"', '[metrics.m_19_9]\nowner = "growth@example.com"'))
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "head")
    yield root, cold
    os.environ.pop("SEMANTIC_CACHE_DIR", None)


def test_check_200_metrics_three_dialects_under_two_seconds(benchmark, big_project):
    root, cold = big_project
    result = benchmark.pedantic(_cli, args=(root, "check", "--format", "json"), rounds=3, iterations=1, warmup_rounds=1)
    assert '"errors": 1' in result.stdout  # m_00_0's fix lacks its two approvals; nothing else is wrong
    benchmark.extra_info["cold_lock_seconds"] = round(cold, 2)
    assert benchmark.stats.stats.mean < 2.0


def test_diff_between_two_revisions_of_200_metrics_under_five_seconds(benchmark, big_project):
    root, _ = big_project
    result = benchmark.pedantic(_cli, args=(root, "diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"), rounds=3, iterations=1)
    assert result.returncode == 1, result.stderr  # m_00_0's fix lacks approvals
    assert '"verdict": "fix in place (same version)"' in result.stdout
    assert benchmark.stats.stats.mean < 5.0
