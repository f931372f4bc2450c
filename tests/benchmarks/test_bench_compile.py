"""Compiling a query: cold (nothing cached) and warm (the compile cache), in process and as whole processes.

    pytest tests/benchmarks/test_bench_compile.py --benchmark-only --benchmark-columns=min,mean,max,rounds

Each attribution metric and the seven core metrics, by day and shop (the
grain `semantic compile` prints by default), in DuckDB's dialect. "Cold in
process" builds the Ibis expression and renders it with every in-process memo
emptied first (as the first query of a process does, Ibis already imported);
"warm" is `compiled_query` answering from the cache on disk. The whole-process
rows run `semantic compile` with an empty cache directory, then with the one
the first run filled. No warehouse is needed: compiling never connects.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import semantic.compile_cache as compile_cache
import semantic.compiler as compiler
from semantic.project import Project
from semantic.query import build_query
from semantic.query_spec import QuerySpec

CORE = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")
QUERIES = {
    "core_metrics": CORE,
    "attributed_revenue": ("attributed_revenue",),
    "attributed_orders": ("attributed_orders",),
    "roas": ("roas",),
    "attribution_rate": ("attribution_rate",),
    "platform_conversion_value": ("platform_conversion_value",),
}
BY = ("day", "shop")
SEMANTIC = str(Path(sys.executable).with_name("semantic"))


def _forget() -> None:
    """Empty what this process remembers of earlier compiles."""
    compiler._COMPILED.clear()
    compiler._TREES.clear()
    compiler._layer_ctes.cache_clear()
    compile_cache._MEMORY.clear()


def _cold(project: Project, metrics: tuple[str, ...]) -> str:
    _forget()
    built = build_query(project.catalog, project.config, QuerySpec(metrics=metrics, by=BY))
    return compile_cache.compile_built(built, "duckdb").sql


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.benchmark(group="compile-cold-in-process")
def test_cold_compile_in_process(benchmark, name):
    project = Project.defaults()
    _cold(project, QUERIES[name])  # Ibis's own lazy imports and the catalog, once
    sql = benchmark.pedantic(_cold, args=(project, QUERIES[name]), rounds=3, iterations=1)
    assert sql.startswith(("SELECT", "WITH"))


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.benchmark(group="compile-warm-in-process")
def test_warm_compile_in_process(benchmark, name, tmp_path, monkeypatch):
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SEMANTIC_NO_CACHE", raising=False)
    project = Project.defaults()
    spec = QuerySpec(metrics=QUERIES[name], by=BY)
    first = compile_cache.compiled_query(project, spec, "duckdb")

    def warm():
        compile_cache._MEMORY.clear()  # from the disk, as a new process would
        return compile_cache.compiled_query(project, spec, "duckdb")

    again = benchmark.pedantic(warm, rounds=5, iterations=1)
    assert again.sql == first.sql


def _compile_process(metrics: tuple[str, ...], cache: Path, cwd: Path) -> str:
    env = {**os.environ, "SEMANTIC_CACHE_DIR": str(cache)}
    env.pop("SEMANTIC_NO_CACHE", None)
    env.pop("SEMANTIC_CONFIG", None)
    done = subprocess.run([SEMANTIC, "compile", *metrics], capture_output=True, text=True, env=env, cwd=cwd, check=True)
    return done.stdout


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.benchmark(group="compile-cold-whole-process")
def test_cold_compile_whole_process(benchmark, name, tmp_path):
    def cold():
        shutil.rmtree(tmp_path / "cache", ignore_errors=True)
        return _compile_process(QUERIES[name], tmp_path / "cache", tmp_path)

    sql = benchmark.pedantic(cold, rounds=2, iterations=1)
    assert sql.rstrip().endswith(";")


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.benchmark(group="compile-warm-whole-process")
def test_warm_compile_whole_process(benchmark, name, tmp_path):
    first = _compile_process(QUERIES[name], tmp_path / "cache", tmp_path)
    again = benchmark.pedantic(_compile_process, args=(QUERIES[name], tmp_path / "cache", tmp_path), rounds=3, iterations=1)
    assert again == first
