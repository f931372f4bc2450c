"""Kinds of change, read off sqlglot's AST diff of compiled SQL plus the knobs."""

from __future__ import annotations

import pytest

from semantic.governance.classify import classify, classify_sql
from semantic.governance.fingerprint import compile_for_governance
from semantic.project import Project


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "governance-cache"))


def entry(text: str, metric: str) -> dict:
    record = compile_for_governance(Project.from_text(text), metric, ("duckdb",))
    return {"fingerprint": record.fingerprint, "sql": record.sql, "knobs": record.knobs}


def test_a_knob_that_drops_rows_is_a_filter_and_knob_change():
    base = entry("", "orders")
    head = entry("[orders]\nexclude_test = false\n", "orders")
    assert classify(base, head) == ("filter", "knob")


def test_a_knob_that_changes_what_is_added_is_a_measure_and_knob_change():
    base = entry("", "revenue")
    head = entry("[revenue]\ninclude_shipping = false\n", "revenue")
    assert classify(base, head) == ("knob", "measure expression")


def test_same_definition_with_new_owner_is_metadata_only():
    base = {**entry("", "orders"), "owner": "a@example.com"}
    head = {**base, "owner": "b@example.com"}
    assert classify(base, head) == ("metadata only",)


@pytest.mark.parametrize(
    ("before", "after", "kinds"),
    [
        ("SELECT d, SUM(a) FROM t GROUP BY d", "SELECT d, SUM(a) FROM t WHERE a > 0 GROUP BY d", ("filter",)),
        ("SELECT d, SUM(a) FROM t GROUP BY d", "SELECT d, e, SUM(a) FROM t GROUP BY d, e", ("grain", "measure expression")),
        ("SELECT SUM(a) FROM t", "SELECT SUM(a * 2) FROM t", ("measure expression",)),
        ("SELECT SUM(a) FROM t  -- a comment", "SELECT  SUM(a)\nFROM t", ()),
        ("SELECT SUM(a) FROM t JOIN u ON t.k = u.k", "SELECT SUM(a) FROM t JOIN u ON t.k = u.k AND u.live", ("filter",)),
    ],
)
def test_classify_sql_by_where_the_edit_sits(before, after, kinds):
    assert classify_sql(before, after) == kinds


@pytest.mark.parametrize(
    ("metric", "knobs"),
    [("orders", "[orders]\nexclude_test = false\n"), ("revenue", "[revenue]\ninclude_shipping = false\n"), ("revenue", "[orders]\nexclude_cancelled = false\n")],
)
def test_the_line_classifier_for_long_sql_agrees_with_the_ast_diff(metric, knobs):
    base, head = entry("", metric), entry(knobs, metric)
    assert classify_sql(base["sql"], head["sql"], ast_max_chars=0) == classify_sql(base["sql"], head["sql"])
