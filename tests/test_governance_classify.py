"""Kinds of change, read off sqlglot's AST diff of compiled SQL plus the knobs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlglot

from semantic.governance.classify import changed_pairs, classify, classify_sql
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


GOLDEN_ROAS = Path(__file__).parent / "golden" / "attribution" / "roas_by_day_and_platform" / "duckdb.sql"


@pytest.mark.parametrize(
    ("edit", "kinds"),
    [
        # The 7-day window is a join condition of the candidates layer: it changes which touchpoints count.
        (lambda sql: sql.replace("INTERVAL '168' HOUR", "INTERVAL '336' HOUR"), ("filter",)),
        # A literal of the touchpoints layer's SELECT list: what is computed, not which rows.
        (lambda sql: sql.replace("'direct'", "'none'", 1), ("measure expression",)),
        # Both at once: each edit judged where it sits.
        (lambda sql: sql.replace("INTERVAL '168' HOUR", "INTERVAL '336' HOUR").replace("'direct'", "'none'", 1), ("filter", "measure expression")),
    ],
)
def test_a_layered_attribution_statement_is_classified_from_its_ast_quickly(edit, kinds):
    # 65 kB of SQL: Change Distiller over the whole trees took about 6 s of CPU; diffing only the
    # subtrees that differ is exact and takes a fraction of that (mostly the two parses).
    base = GOLDEN_ROAS.read_text()
    head = edit(base)
    assert head != base and len(base) > 50_000
    started = time.process_time()
    assert classify_sql(base, head) == kinds
    assert time.process_time() - started < 3.0


def test_changed_pairs_are_the_smallest_differing_subtrees():
    old = sqlglot.parse_one("SELECT d, SUM(a) FROM t WHERE x > 1 GROUP BY d")
    new = sqlglot.parse_one("SELECT d, e, SUM(a) FROM t WHERE x > 2 GROUP BY d, e")
    got = [(o and o.sql(), n and n.sql()) for o, n in changed_pairs(old, new)]
    assert sorted(got, key=str) == sorted([(None, "e"), (None, "e"), ("1", "2")], key=str)
