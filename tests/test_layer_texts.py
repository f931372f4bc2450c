"""A new query over known layers composes their cached text: the same statement, byte for byte.

`semantic.compile_cache` opens a store of layers' printed CTEs for each compile
(semantic/layer_texts.py). A second attribution metric split the same way reads
the three attribution layers from it instead of printing them, and must give
exactly the statement an uncached compile gives; a knob that changes a layer
(the attribution window) is another namespace, never the stale text.
"""

from __future__ import annotations

import pytest

import semantic.compile_cache as compile_cache
import semantic.compiler as compiler
from semantic.layer_texts import LayerTexts
from semantic.project import Project
from semantic.query import build_query
from semantic.query_spec import QuerySpec

BY = ("month", "shop")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SEMANTIC_NO_CACHE", raising=False)
    _forget()
    return tmp_path


def _forget() -> None:
    compiler._COMPILED.clear()
    compiler._TREES.clear()
    compiler._layer_ctes.cache_clear()
    compile_cache._MEMORY.clear()


def _uncached(project: Project, metrics: tuple[str, ...], dialect: str) -> str:
    _forget()
    return compile_cache.compile_built(build_query(project.catalog, project.config, QuerySpec(metrics=metrics, by=BY)), dialect).sql


def _counting(monkeypatch) -> dict[str, int]:
    counts = {"hit": 0, "miss": 0}
    get = LayerTexts.get

    def counting_get(self, key):
        found = get(self, key)
        counts["hit" if found is not None else "miss"] += 1
        return found

    monkeypatch.setattr(LayerTexts, "get", counting_get)
    return counts


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
def test_a_second_metric_reads_the_layers_text_and_prints_the_same_statement(cache, monkeypatch, dialect):
    project = Project.defaults()
    counts = _counting(monkeypatch)
    compile_cache.compiled_query(project, QuerySpec(metrics=("roas",), by=BY), dialect)
    assert counts == {"hit": 0, "miss": 3}  # three layers printed and kept
    _forget()  # as a new process would
    composed = compile_cache.compiled_query(project, QuerySpec(metrics=("attributed_revenue",), by=BY), dialect).sql
    assert counts == {"hit": 3, "miss": 3}
    assert composed == _uncached(project, ("attributed_revenue",), dialect)
    assert composed.count('"attribution_touchpoints" AS (') == 1


def test_another_window_is_another_namespace(cache, monkeypatch):
    project = Project.defaults()
    counts = _counting(monkeypatch)
    compile_cache.compiled_query(project, QuerySpec(metrics=("roas",), by=BY), "duckdb")
    wider = project.with_overrides(["attribution.window_days=30"])
    _forget()
    sql = compile_cache.compiled_query(wider, QuerySpec(metrics=("attributed_revenue",), by=BY), "duckdb").sql
    assert counts["hit"] == 0
    assert sql == _uncached(wider, ("attributed_revenue",), "duckdb")
    assert sql != _uncached(project, ("attributed_revenue",), "duckdb")


def _refuse_to_classify(monkeypatch) -> None:
    import semantic.attribution.touchpoints as touchpoints

    def refuse(*args, **kwargs):
        raise AssertionError("the touchpoints layer was built: its cached shape should have served")

    monkeypatch.setattr(touchpoints, "with_channels", refuse)  # classify calls it to finish every touchpoint


@pytest.mark.parametrize("dialect", ["duckdb", "bigquery"])
def test_a_new_query_over_cached_shapes_builds_no_layer(cache, monkeypatch, dialect):
    project = Project.defaults()
    expected = compile_cache.compile_built(
        build_query(project.catalog, project.config, QuerySpec(metrics=("paid_attributed_revenue",), by=BY)), dialect
    )
    _forget()
    compile_cache.compiled_query(project, QuerySpec(metrics=("roas",), by=BY), dialect)
    _forget()  # as a new process would
    _refuse_to_classify(monkeypatch)
    found = compile_cache.compiled_query(project, QuerySpec(metrics=("paid_attributed_revenue",), by=BY), dialect)
    assert found.sql == expected.sql
    assert (found.tables, found.schema, found.arrow_schema) == (expected.tables, expected.schema, expected.arrow_schema)


def test_a_shape_without_its_text_builds_the_layer_when_printing(cache, monkeypatch):
    project = Project.defaults()
    compile_cache.compiled_query(project, QuerySpec(metrics=("roas",), by=BY), "duckdb")
    shapes = [p for p in (cache / "compile" / "layers").rglob("*.json") if p.read_text().startswith("{")]
    texts = [p for p in (cache / "compile" / "layers").rglob("*.json") if p.read_text().startswith("[")]
    assert len(shapes) == 3 and len(texts) == 3
    for path in texts:
        path.unlink()
    _forget()
    sql = compile_cache.compiled_query(project, QuerySpec(metrics=("attribution_rate",), by=BY), "duckdb").sql
    assert sql == _uncached(project, ("attribution_rate",), "duckdb")


def test_an_unreadable_shape_is_built_again(cache):
    project = Project.defaults()
    compile_cache.compiled_query(project, QuerySpec(metrics=("roas",), by=BY), "duckdb")
    for path in (cache / "compile" / "layers").rglob("*.json"):
        if path.read_text().startswith("{"):
            path.write_text('{"columns": [["at", "not a type("]], "reads": [], "sources": []}')
    _forget()
    sql = compile_cache.compiled_query(project, QuerySpec(metrics=("nondirect_orders",), by=BY), "duckdb").sql
    assert sql == _uncached(project, ("nondirect_orders",), "duckdb")
