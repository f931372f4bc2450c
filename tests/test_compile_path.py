"""The SQL an engine runs is the SQL `semantic compile` prints and the golden files pin, byte for byte.

Each golden case is run through `run_query` (as `semantic query` runs it) on an
empty warehouse of each engine; the warehouse records every statement it sends,
and the query's statement must equal its golden file. On PostgreSQL the empty
contract tables live in a schema of their own, found through the session's
search_path, so the statements are the unqualified ones the golden files hold.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from semantic.api import build_query, metric_query
from semantic.backends.connect import connect
from semantic.backends.runner import run_query
from semantic.project import Project
from semantic.sources import Sources
from tests.conftest import ENGINES, empty_tables, postgres_url_or_skip
from tests.test_attribution_golden import CASES as ATTRIBUTION_CASES
from tests.test_attribution_golden import GOLDEN as ATTRIBUTION_GOLDEN
from tests.test_golden_sql import CORE_METRICS, QUERIES, golden_path


@pytest.fixture
def empty_warehouse(engine, tmp_path):
    if engine == "duckdb":
        warehouse = connect(f"duckdb:///{tmp_path / 'empty.duckdb'}")
        warehouse.load(empty_tables(), Sources.from_config(Project.from_text("").config))
        yield warehouse
        warehouse.close()
        return
    warehouse = connect(postgres_url_or_skip())
    schema = f"compile_{uuid.uuid4().hex[:12]}"
    warehouse.load(empty_tables(), Sources.from_config(Project.from_text(f'[sources]\ndatabase = "{schema}"\n').config))
    with warehouse.raw.cursor() as cursor:
        cursor.execute(f'SET SESSION search_path TO "{schema}", public')
    warehouse.raw.commit()
    yield warehouse
    with warehouse.raw.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    warehouse.raw.commit()
    warehouse.close()


def golden_cases() -> list[tuple[str, object, Path]]:
    project = Project.defaults()
    cases = [(m, lambda m=m: metric_query(project, m), golden_path(m, "{dialect}")) for m in CORE_METRICS]
    cases += [
        (name, lambda ms=ms, by=by: build_query(project, ms, by=by), golden_path(name, "{dialect}"))
        for name, (ms, by) in QUERIES.items()
    ]
    cases += [
        (name, lambda ms=ms, by=by, model=model: build_query(project, ms, by=by, options={"model": model}),
         ATTRIBUTION_GOLDEN / name / "{dialect}.sql")
        for name, (ms, by, model) in ATTRIBUTION_CASES.items()
    ]
    return cases


@pytest.mark.parametrize("engine", ENGINES)
def test_every_golden_statement_is_what_the_engine_receives(empty_warehouse, engine):
    checked = []
    for name, build, template in golden_cases():
        golden = Path(str(template).format(dialect=engine)).read_bytes().decode("utf-8")
        run_query(empty_warehouse, build())
        assert empty_warehouse.executed[-1] + "\n" == golden, f"{name} on {engine} ran SQL other than its golden file"
        checked.append(name)
    assert len(checked) == len(CORE_METRICS) + len(QUERIES) + len(ATTRIBUTION_CASES)


def test_compile_prints_the_statement_query_runs(tmp_path, monkeypatch, capsys):
    from semantic.cli.app import main

    monkeypatch.delenv("SEMANTIC_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    warehouse = connect(f"duckdb:///{tmp_path / 'w.duckdb'}")
    warehouse.load(empty_tables(), Sources.from_config(Project.from_text("").config))
    built = build_query(Project.defaults(), ["aov", "orders"], by=["week", "shop"])
    run_query(warehouse, built)
    warehouse.close()
    with pytest.raises(SystemExit) as exited:
        main(["compile", "aov", "orders", "--by", "week", "--by", "shop", "--dialect", "duckdb"])
    assert exited.value.code in (0, None)
    assert capsys.readouterr().out == warehouse.executed[-1] + ";\n"
