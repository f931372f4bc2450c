"""`semantic query roas --by month --by shop` as a whole process on the 20,000-order demo (target: under 1 s).

    pytest tests/benchmarks/test_bench_roas_process.py --benchmark-only -s

The demo warehouse is `semantic demo`'s (20,000 orders, about 100,000 sessions)
in a DuckDB file of its own. Ours is the analyst's second run (compile cache
warm), printing its table. Beside it, the floor: a `python -c` process opening
the same file with the bare duckdb driver and running the very statement
`semantic compile` prints, printing its rows; the difference is what the CLI
adds (start-up, configuration, the cache lookup, the contract check, the
table). Rows are asserted equal outside the timing.
"""

from __future__ import annotations

import decimal
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEMANTIC = str(Path(sys.executable).with_name("semantic"))
QUERY = ["query", "roas", "--by", "month", "--by", "shop"]
TIMINGS: dict[str, float] = {}
FLOOR_PROCESS = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
con.execute("SET TimeZone = 'UTC'")
cursor = con.execute(sys.stdin.read())
names = [d[0] for d in cursor.description]
print(json.dumps([dict(zip(names, row)) for row in cursor.fetchall()], default=str))
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(the demo's DuckDB file, the environment with a compile cache of its own)."""
    folder = tmp_path_factory.mktemp("roas")
    env = {k: v for k, v in os.environ.items() if k not in ("SEMANTIC_NO_CACHE", "SEMANTIC_CONFIG", "PYTHONDONTWRITEBYTECODE")}
    env["SEMANTIC_CACHE_DIR"] = str(folder / "cache")
    path = folder / "demo.duckdb"
    subprocess.run([SEMANTIC, "demo", "--database", str(path)], cwd=folder, env=env, capture_output=True, check=True)
    return path, env


def _ours(path: Path, env: dict[str, str], *extra: str) -> str:
    done = subprocess.run([SEMANTIC, *QUERY, "--database", str(path), *extra], cwd=path.parent, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def _floor(path: Path, env: dict[str, str], sql: str) -> str:
    done = subprocess.run([sys.executable, "-c", FLOOR_PROCESS, str(path)], input=sql, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def _record(benchmark, name: str) -> None:
    TIMINGS[name] = benchmark.stats.stats.min
    print(f"\n{name}: min {TIMINGS[name]:.3f}s")
    if {"ours", "floor"} <= TIMINGS.keys():
        print(f"roas whole process: ours {TIMINGS['ours']:.3f}s, the bare driver running the same statement "
              f"{TIMINGS['floor']:.3f}s (target: ours under 1 s)")


@pytest.mark.benchmark(group="roas-whole-process")
def test_semantic_query_roas_whole_process(benchmark, demo):
    path, env = demo
    _ours(path, env)  # fills the compile cache: the timed runs are an analyst's next ones
    out = benchmark.pedantic(_ours, args=(path, env), rounds=7, iterations=1)
    assert "roas" in out
    benchmark.extra_info["target_s"] = 1.0
    _record(benchmark, "ours")


@pytest.mark.benchmark(group="roas-whole-process")
def test_bare_driver_running_the_same_statement(benchmark, demo):
    path, env = demo
    sql = subprocess.run([SEMANTIC, "compile", "roas", "--by", "month", "--by", "shop", "--dialect", "duckdb"],
                         cwd=path.parent, env=env, capture_output=True, text=True, check=True).stdout
    theirs = json.loads(benchmark.pedantic(_floor, args=(path, env, sql), rounds=7, iterations=1, warmup_rounds=1))
    _record(benchmark, "floor")
    ours = json.loads(_ours(path, env, "--format", "json"))
    assert [(r["month"], r["shop_id"]) for r in ours] == [(r["month"], r["shop_id"]) for r in theirs]
    for mine, bare in zip(ours, theirs):
        assert (mine["roas"] is None) == (bare["roas"] is None)
        assert mine["roas"] is None or decimal.Decimal(str(mine["roas"])) == decimal.Decimal(str(bare["roas"]))
