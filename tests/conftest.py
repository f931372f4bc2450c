"""Shared fixtures: a warehouse on each engine, loaded with given tables in a schema of its own.

PostgreSQL is found through SEMANTIC_TEST_POSTGRES_URL. Unset: PostgreSQL tests
skip with that reason (a user's machine). Set but unreachable: they fail (CI
sets it, and must never skip silently).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pytest

from semantic.backends.files import find_table_files, read_table_file
from semantic.backends.runner import run_query
from semantic.backends.connect import connect
from semantic.backends.warehouse import Warehouse
from semantic.contract import CONTRACT
from semantic.project import Project
from semantic.query import QuerySpec, build_query

POSTGRES_ENV = "SEMANTIC_TEST_POSTGRES_URL"
FIXTURES = Path(__file__).parent / "fixtures"
ENGINES = ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_ignore_collect(collection_path, config):
    """Benchmarks are opt-in: collected only with --benchmark-only or --benchmark-enable."""
    if "benchmarks" in collection_path.parts:
        return not (config.getoption("benchmark_only", False) or config.getoption("benchmark_enable", False))
    return None


def postgres_url_or_skip() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set: PostgreSQL tests need a server (CI sets it)")
    return url


def empty_tables() -> dict[str, pa.Table]:
    from semantic.arrow_schema import contract_arrow_schema

    return {name: contract_arrow_schema(name).empty_table() for name in CONTRACT}


def read_fixture_dir(name: str) -> dict[str, pa.Table]:
    directory = FIXTURES / name
    return {logical: read_table_file(logical, path) for logical, path in find_table_files(directory).items()}


@dataclass
class Loaded:
    """A warehouse holding test data, and the project pointing at it."""

    warehouse: Warehouse
    project: Project

    def with_overrides(self, *assignments: str) -> Loaded:
        return Loaded(self.warehouse, self.project.with_overrides(assignments))

    def query(self, metrics: Sequence[str], by: Sequence[str] = (), **kwargs) -> list[dict]:
        spec = QuerySpec(metrics=tuple(metrics), by=tuple(by), **kwargs)
        built = build_query(self.project.catalog, self.project.config, spec)
        return run_query(self.warehouse, built).to_pylist()

    def execute(self, expr) -> list[dict]:
        return self.warehouse.execute(expr).to_pylist()


def project_in_schema(schema: str | None, extra_toml: str = "") -> Project:
    text = (f'[sources]\ndatabase = "{schema}"\n' if schema else "") + extra_toml
    return Project.from_text(text)


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


@pytest.fixture
def load_warehouse(engine: str, tmp_path: Path) -> Iterator:
    """`load_warehouse(tables, extra_toml="")` -> Loaded, on the parametrized engine.

    Tables not given are created empty. On PostgreSQL every call uses a fresh
    schema, dropped afterwards, so tests (and parallel runs) never collide.
    """
    opened: list[tuple[Warehouse, str | None]] = []

    def load(tables: Mapping[str, pa.Table], extra_toml: str = "") -> Loaded:
        if engine == "duckdb":
            warehouse = connect(f"duckdb:///{tmp_path / f'w{len(opened)}.duckdb'}")
            schema = None
        else:
            warehouse = connect(postgres_url_or_skip())
            schema = f"t_{uuid.uuid4().hex[:12]}"
        opened.append((warehouse, schema))
        project = project_in_schema(schema, extra_toml)
        from semantic.sources import Sources

        warehouse.load({**empty_tables(), **tables}, Sources.from_config(project.config))
        return Loaded(warehouse, project)

    yield load
    for warehouse, schema in opened:
        if schema:
            with warehouse.raw.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            warehouse.raw.commit()
        warehouse.close()


# -- Spark -------------------------------------------------------------------------
# Set by CI (.ci/run): a machine without Java or pyspark fails the Spark tests instead of skipping them.
SPARK_REQUIRED_ENV = "SEMANTIC_REQUIRE_SPARK"


def spark_unavailable() -> str | None:
    """Why Spark cannot run here (pyspark or Java missing), or None."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed: pip install 'semantic[spark]' (CI installs it)"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "Spark needs Java 17+ and no `java` is on PATH nor JAVA_HOME set"
    return None


@pytest.fixture(scope="session")
def spark_session():
    """ONE local[2] SparkSession for the whole test run (UTC, small shuffles, no UI), stopped at the end."""
    reason = spark_unavailable()
    if reason:
        if os.environ.get(SPARK_REQUIRED_ENV):
            pytest.fail(f"{SPARK_REQUIRED_ENV} is set but {reason}")
        pytest.skip(reason)
    from semantic.backends.spark import start_session
    from semantic.backends.url import WarehouseUrl

    session, started = start_session(WarehouseUrl.parse("spark://local?cores=2&memory=1g"))
    # Tiny data: compiling whole-stage Java code costs more than it saves.
    session.conf.set("spark.sql.codegen.wholeStage", "false")
    yield session
    if started:
        from semantic.backends.spark import stop_session

        stop_session(session)


@pytest.fixture
def spark_warehouse(spark_session, tmp_path):
    """`spark_warehouse(tables, extra_toml="")` -> Loaded: a fresh folder and schema in the shared session."""
    from semantic.backends.spark import SparkWarehouse
    from semantic.sources import Sources

    opened = []

    def load(tables: Mapping[str, pa.Table], extra_toml: str = "") -> Loaded:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        warehouse = SparkWarehouse.from_session(spark_session, tmp_path / f"lake{len(opened)}")
        opened.append((warehouse, schema))
        project = project_in_schema(schema, extra_toml)
        warehouse.load({**empty_tables(), **tables}, Sources.from_config(project.config))
        return Loaded(warehouse, project)

    yield load
    for warehouse, schema in opened:
        spark_session.sql(f"DROP SCHEMA IF EXISTS `{schema}` CASCADE")
        warehouse.close()
