"""Golden SQL of attribution queries per dialect; BigQuery (compile-only here) and Spark must parse and decode URLs their own way.

Files: tests/golden/attribution/<case>/<dialect>.sql. Regenerate after an intended change with

    SEMANTIC_UPDATE_GOLDEN=1 /tmp/venv/bin/pytest tests/test_attribution_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlglot

from semantic.compiler import SQLGLOT_DIALECTS

from semantic.api import build_query, compile_sql
from semantic.portable import URL_DECODE_FUNCTION
from semantic.project import Project

# Beside tests/golden/sql (the core metrics, whose test treats any other file there as stale).
GOLDEN = Path(__file__).parent / "golden" / "attribution"
UPDATE = os.environ.get("SEMANTIC_UPDATE_GOLDEN", "") not in ("", "0")
DIALECTS = ("duckdb", "postgres", "bigquery", "pyspark")
CASES = {
    "roas_by_day_and_platform": (("roas", "attributed_revenue"), ("day", "platform"), "last_click"),
    "attributed_revenue_by_channel_linear": (("attributed_revenue", "attributed_orders"), ("month", "channel"), "linear"),
}


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_attribution_sql_matches_its_golden_file(case, dialect):
    metrics, by, model = CASES[case]
    built = build_query(Project.defaults(), metrics, by=by, options={"model": model})
    sql = compile_sql(built.expr, dialect) + "\n"
    path = GOLDEN / case / f"{dialect}.sql"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(sql.encode("utf-8"))
    assert path.is_file(), f"{path} is missing; run SEMANTIC_UPDATE_GOLDEN=1 pytest {__file__}"
    assert path.read_bytes().decode("utf-8") == sql  # bytes: the SQL holds a literal \r (TRIM)
    sqlglot.parse_one(sql, read=SQLGLOT_DIALECTS[dialect])
    if dialect == "pyspark":
        assert "timezone(" not in sql.lower().replace("from_utc_timestamp(", "")
        assert "url_decode(" in sql.lower()  # Spark's own
        # Java's `$` also matches before a final newline: Spark's patterns end with \z
        assert not re.search(r"(RLIKE|REGEXP_\w+\().*[^\\]\$'", sql)
    if dialect == "bigquery":
        assert f"{URL_DECODE_FUNCTION}(" not in sql.lower()
        assert "SAFE_CONVERT_BYTES_TO_STRING" in sql
        assert "timezone(" not in sql.lower() and "memory.main" not in sql
