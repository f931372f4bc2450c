"""Backfills in separate processes: a second one is refused naming the holder, every time; SIGKILL leaves a stale lock.

Process A runs a backfill that holds its lock until the test lets it go (a file
appears); meanwhile `semantic backfill` (process B, the real CLI) is started
twice and must be refused each time, naming who holds the lock. Then A
finishes and the daily rows have no duplicate. Killed with SIGKILL instead, A
leaves a lock that the next run reports as stale; `semantic backfill unlock`
breaks it and a rerun completes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from semantic.backends import backfill_audit as audit
from semantic.backends import statements as sql
from semantic.backends.backfill_lock import unlock
from semantic.backends.connect import connect
from semantic.backends.materialize import build
from semantic.materialized import Layout
from semantic.metrics import Additive
from semantic.project import Project
from semantic.sources import Sources
from tests.conftest import empty_tables, postgres_url_or_skip
from tests.reference import CORE_METRICS, edge_case_shops

HOLDER = """
import sys, time, datetime as dt
from pathlib import Path
from semantic.api import load_project
from semantic.backends.backfill_lock import unlock
from semantic.backends.connect import connect
from semantic.backends.backfill import run_backfill
from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.materialized import Layout

config, url, schema, release = sys.argv[1:5]
project = load_project(config)
request = BackfillRequest(dt.date(2024, 3, 10), dt.date(2024, 3, 12), "holder", "dev", "holder@example.com", ("s0",),
                          ("revenue", "orders"))
plan = plan_backfill(project.catalog, project.config, request, ["s0", "s1"])
warehouse = connect(url)

def fault(step):
    if step == "lock":
        print("LOCKED", flush=True)
        while not Path(release).exists():
            time.sleep(0.05)

outcome = run_backfill(warehouse, project.catalog, project.config, plan, {}, Layout(schema), fault=fault)
print("DONE", outcome.status, flush=True)
"""


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path):
    """(metrics.toml, url, layout): the edge-case shops built, the warehouse closed again."""
    if request.param == "duckdb":
        url, schema = f"duckdb:///{tmp_path / 'w.duckdb'}", None
    else:
        url, schema = postgres_url_or_skip(), f"bp_{uuid.uuid4().hex[:12]}"
    config = tmp_path / "metrics.toml"
    config.write_text(f'[sources]\ndatabase = "{schema}"\n' if schema else "")
    project = Project.from_text(config.read_text())
    layout = Layout(f"{schema}_sem" if schema else "semantic")
    warehouse = connect(url)
    warehouse.load({**empty_tables(), **edge_case_shops().arrow_tables()}, Sources.from_config(project.config))
    metrics = [m for m in project.catalog.closure(CORE_METRICS, project.config) if isinstance(m, Additive)]
    build(warehouse, project.catalog, project.config, {}, layout, metrics=metrics)
    warehouse.close()
    yield config, url, layout
    if schema:
        warehouse = connect(url)
        for name in (schema, layout.schema):
            sql.run(warehouse, f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        warehouse.close()


def semantic(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("semantic")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEMANTIC_") or k == "SEMANTIC_TEST_POSTGRES_URL"}
    return subprocess.run([str(script), *args], capture_output=True, text=True, cwd=cwd, timeout=120, env=env)


def start_holder(config: Path, url: str, layout: Layout, release: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(config), url, layout.schema, str(release)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = holder.stdout.readline()
    assert line.strip() == "LOCKED", holder.stderr.read()
    return holder


def backfill_args(config: Path, url: str, layout: Layout) -> tuple[str, ...]:
    return ("backfill", "--start", "2024-03-10", "--end", "2024-03-11", "--reason", "second", "--shop", "s0",
            "--metrics", "orders", "--env", "dev", "--as", "b@example.com", "--schema", layout.schema, "--database", url, "--config", str(config))


def test_a_second_backfill_is_refused_naming_the_holder_every_time(target, tmp_path):
    config, url, layout = target
    release = tmp_path / "release"
    holder = start_holder(config, url, layout, release)
    try:
        for _ in range(2):
            second = semantic(*backfill_args(config, url, layout), cwd=tmp_path)
            assert second.returncode == 3, second.stderr
            if url.startswith("duckdb"):
                assert "another process holds the DuckDB file, so the backfill cannot start" in second.stderr
                assert f"PID {holder.pid}" in second.stderr
            else:
                assert "another backfill is running" in second.stderr and "holder@example.com" in second.stderr
    finally:
        release.touch()
        out, err = holder.communicate(timeout=120)
    assert "DONE completed" in out, err
    warehouse = connect(url)
    try:
        table = sql.table_name(warehouse, layout.schema, layout.daily)
        keys = sql.fetch(warehouse, f"SELECT count(*), count(DISTINCT shop_id || CAST(day AS TEXT) || metric) FROM {table}")[0]
        assert keys[0] == keys[1], "no duplicated rows"
        statuses = [r["status"] for r in audit.rows(warehouse, layout)]
        assert statuses == ["running", "swapped", "completed"], "the refused runs wrote nothing"
    finally:
        warehouse.close()


def test_sigkill_leaves_a_stale_lock_that_unlock_breaks_and_a_rerun_completes(target, tmp_path):
    config, url, layout = target
    holder = start_holder(config, url, layout, tmp_path / "never")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    time.sleep(0.2)  # PostgreSQL notices the dead session
    refused = semantic(*backfill_args(config, url, layout), cwd=tmp_path)
    assert refused.returncode == 3 and "stale backfill lock" in refused.stderr and "holder@example.com" in refused.stderr
    warehouse = connect(url)
    try:
        assert unlock(warehouse, layout).owner == "holder@example.com"
    finally:
        warehouse.close()
    rerun = semantic(*backfill_args(config, url, layout), cwd=tmp_path)
    assert rerun.returncode == 0 and "completed" in rerun.stdout, rerun.stderr
    warehouse = connect(url)
    try:
        assert audit.verify(warehouse, layout).problems == ()
        assert [r["status"] for r in audit.rows(warehouse, layout)] == ["running", "swapped", "completed"]
    finally:
        warehouse.close()
