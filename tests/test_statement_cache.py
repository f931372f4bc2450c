"""The statement cache keeps a backfill's compiled recompute across runs, keyed by project, metrics and scope."""

from __future__ import annotations

import datetime as dt

import pytest

from semantic import statement_cache
from semantic.backfill_plan import BackfillRequest, plan_backfill
from semantic.project import Project
from semantic.statement_cache import StatementCache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SEMANTIC_NO_CACHE", raising=False)
    statement_cache._MEMORY.clear()
    yield tmp_path
    statement_cache._MEMORY.clear()


def test_a_new_run_reads_the_text_from_disk_without_compiling(cache_dir):
    cache = StatementCache.for_project(Project.defaults())
    calls: list[str] = []
    parts = {"statement": "s", "metrics": [("revenue@1", "sha256:a")]}
    assert cache.sql(parts, lambda: calls.append("x") or "SELECT 1") == "SELECT 1"
    statement_cache._MEMORY.clear()  # as a new process: nothing in memory
    assert StatementCache.for_project(Project.defaults()).sql(parts, lambda: calls.append("y") or "other") == "SELECT 1"
    assert calls == ["x"] and list(cache_dir.rglob("*.statement.json"))


def test_another_fingerprint_or_configuration_compiles_again(cache_dir):
    cache = StatementCache.for_project(Project.defaults())
    cache.sql({"metrics": [("revenue@1", "sha256:a")]}, lambda: "A")
    assert cache.sql({"metrics": [("revenue@1", "sha256:b")]}, lambda: "B") == "B"
    changed = StatementCache.for_project(Project.defaults().with_overrides(["attribution.window_days=3"]))
    assert changed.project_key != cache.project_key
    assert changed.sql({"metrics": [("revenue@1", "sha256:a")]}, lambda: "C") == "C"


def test_no_cache_compiles_every_time(cache_dir, monkeypatch):
    monkeypatch.setenv("SEMANTIC_NO_CACHE", "1")
    cache = StatementCache.for_project(Project.defaults())
    assert cache.project_key is None
    assert [cache.sql({"a": 1}, lambda n=n: str(n)) for n in range(2)] == ["0", "1"]


def test_the_recompute_statement_is_the_same_for_every_range_and_shop(cache_dir):
    from semantic.backends.backfill import Recompute
    from semantic.materialized import Layout

    project = Project.defaults()
    texts = set()
    for shops, start in ((("s0",), dt.date(2024, 3, 10)), (("s1", "s2"), dt.date(2023, 1, 1))):
        request = BackfillRequest(start, start + dt.timedelta(days=6), "r", "dev", "eng@example.com", shops)
        plan = plan_backfill(project.catalog, project.config, request, ["s0", "s1", "s2"])
        texts.add(Recompute(project.catalog, project.config, plan, {}, Layout(), StatementCache()).statement("duckdb"))
    assert len(texts) == 1
    (text,) = texts
    assert "2024" not in text and "2023" not in text and "'s0'" not in text and "'s1'" not in text
