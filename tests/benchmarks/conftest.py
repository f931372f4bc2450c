"""Benchmarks share one demo warehouse per size, generated once per session.

Run them with: pytest tests/benchmarks --benchmark-only --benchmark-columns=min,mean,max,rounds
Sizes come from SEMANTIC_BENCH_ORDERS (default 1,000,000 orders).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

BENCH_ORDERS = int(os.environ.get("SEMANTIC_BENCH_ORDERS", "1000000"))


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory):
    """(warehouse, project, seconds to generate, seconds to load) at BENCH_ORDERS orders."""
    from semantic.backends.connect import connect
    from semantic.demo_data import generate
    from semantic.project import Project
    from semantic.sources import Sources

    path: Path = tmp_path_factory.mktemp("bench") / "demo.duckdb"
    started = time.perf_counter()
    tables = generate(orders=BENCH_ORDERS, shops=5, seed=11)
    generated = time.perf_counter() - started
    warehouse = connect(f"duckdb:///{path}")
    project = Project.defaults()
    started = time.perf_counter()
    warehouse.load(tables, Sources.from_config(project.config))
    loaded = time.perf_counter() - started
    del tables
    print(f"\ngenerated {BENCH_ORDERS:,} orders in {generated:.1f}s, loaded in {loaded:.1f}s")
    yield warehouse, project, generated, loaded
    warehouse.close()
