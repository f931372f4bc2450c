"""`semantic query` compiles its statement once, and a query asked before runs without Ibis.

The issue behind these: `semantic query roas` once compiled its expression to
SQL, then compiled it again to execute it (2.6 s each). Now the compiled query
(semantic/compile_cache.py) is what runs, every statement and layer is
rendered by Ibis at most once, and a query found in the cache is answered from
its SQL text alone: neither Ibis nor sqlglot is imported, nor pyarrow and numpy
(its rows come from the engine's cursor, semantic/result_rows.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ibis
import pytest

import semantic.compile_cache as compile_cache
import semantic.compiler as compiler
from semantic.cli.app import main

QUERY = ["query", "roas", "revenue", "new_customers", "--by", "month", "--by", "shop", "--format", "json"]


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A small demo warehouse and a compile cache of this test's own."""
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SEMANTIC_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "demo.duckdb"
    with pytest.raises(SystemExit) as done:
        main(["demo", "--orders", "300", "--database", str(path), "--config", str(_defaults())])
    assert done.value.code == 0
    return path


def _defaults() -> Path:
    return Path(compile_cache.__file__).parent / "defaults" / "metrics.toml"


def _run(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0


def test_a_query_renders_each_statement_and_layer_once(demo, monkeypatch, capsys):
    # Forget what this process compiled before, so every rendering is counted.
    compiler._COMPILED.clear()
    compiler._TREES.clear()
    compiler._layer_ctes.cache_clear()
    compile_cache._MEMORY.clear()
    rendered: list[object] = []
    builds: list[object] = []
    to_sql, compile_built = ibis.to_sql, compile_cache.compile_built

    def counting_to_sql(expr, *args, **kwargs):
        rendered.append(expr.op())
        return to_sql(expr, *args, **kwargs)

    def counting_compile_built(built, dialect):
        builds.append(built.spec)
        return compile_built(built, dialect)

    monkeypatch.setattr(ibis, "to_sql", counting_to_sql)
    monkeypatch.setattr(compile_cache, "compile_built", counting_compile_built)
    capsys.readouterr()
    _run([*QUERY, "--database", str(demo), "--config", str(_defaults())])
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"month", "shop_id", "roas", "revenue", "new_customers"} <= set(rows[0])
    assert len(builds) == 1  # one compile of the query
    # The statement, its currency check (none here: split by shop) and attribution's three layers.
    assert len(rendered) >= 4
    assert len(rendered) == len(set(rendered)), "an expression was rendered twice"


def test_a_cached_query_runs_without_importing_ibis_or_arrow(demo):
    probe = (
        "import sys\n"
        "from semantic.cli.app import main\n"
        "try:\n"
        f"    main({[*QUERY, '--database', str(demo), '--config', str(_defaults())]!r})\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "sys.stderr.write('\\nimported: ' + ' '.join(m for m in ('ibis', 'sqlglot', 'pyarrow', 'numpy') if m in sys.modules) + f' exit {code}\\n')\n"
    )
    env = {**os.environ, "SEMANTIC_CACHE_DIR": os.environ["SEMANTIC_CACHE_DIR"]}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert first.stderr.splitlines()[-1] == "imported: ibis sqlglot pyarrow numpy exit 0"  # compiled: Ibis needed
    # From the cache: none of them; the rows come from DuckDB's cursor, not through Arrow.
    assert second.stderr.splitlines()[-1] == "imported:  exit 0"
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert json.loads(first.stdout)


def test_the_printed_sql_is_the_statement_that_runs(demo, capsys):
    """`semantic compile` prints the SQL byte for byte, whitespace in its literals included.

    The attribution SQL trims ' \\t\\n\\r\\x0b\\x0c'; printed with those shown as
    escapes, the pasted statement trimmed the letters t, r, x, b, c instead and
    credited other channels (roas of a shop's month 0.0 instead of 1.9 on the demo).
    """
    import duckdb

    from semantic.api import load_project
    from semantic.query import QuerySpec

    args = ["roas", "--by", "month", "--by", "shop", "--config", str(_defaults())]
    _run(["compile", *args, "--dialect", "duckdb"])
    printed = capsys.readouterr()
    compiled = compile_cache.compiled_query(load_project(_defaults(), ()), QuerySpec(("roas",), ("month", "shop")), "duckdb")
    assert printed.out == compiled.sql + ";\n" and printed.err == ""
    assert "\t" in printed.out and "\\t" not in printed.out  # the TRIM set as the engine reads it
    _run(["query", *args, "--database", str(demo), "--format", "json"])
    queried = [(r["month"], r["shop_id"], r["roas"]) for r in json.loads(capsys.readouterr().out)]
    con = duckdb.connect(str(demo), read_only=True)
    con.execute("SET TimeZone = 'UTC'")
    ran = [(m.isoformat(), s, v) for m, s, v in con.execute(printed.out).fetchall()]
    con.close()
    assert queried and ran == queried


def test_a_control_character_of_the_project_is_shown_escaped_with_a_warning(capsys):
    from semantic.cli.metric_commands import print_sql

    print_sql("SELECT 'a\tb', 'x\x1b[31m'")
    printed = capsys.readouterr()
    assert printed.out == "SELECT 'a\tb', 'x\\x1b[31m'\n"
    assert "semantic export" in printed.err
