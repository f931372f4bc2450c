"""The check_runs history: appended only when asked (--record or [quality] history = true), one row per
check per run; a role that may not write still gets its results and one line saying why nothing was
recorded; `semantic check history` reads it back and writes nothing."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from semantic import __version__
from semantic.backends.check_history import read_history, record_run
from semantic.backends.quality import run_checks
from semantic.checks import CheckScope
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.conftest import engine, load_warehouse, postgres_url_or_skip  # noqa: F401 - fixtures
from tests.quality_data import NOW, arrow_tables, clean_rows, order
from tests.test_quality_cli import warehouse_file

SUBSET = ("duplicate_keys", "financial_status")


def schemas(path: str) -> set[str]:
    with duckdb.connect(path, read_only=True) as con:
        return {r[0] for r in con.execute("SELECT table_schema FROM information_schema.tables").fetchall()}


def test_one_row_per_check_per_run_newest_first(load_warehouse):
    rows = clean_rows()
    rows["orders"].append(order("s1", "o2", "60.00"))  # one duplicate key
    loaded = load_warehouse(arrow_tables(rows))
    w, project = loaded.warehouse, loaded.project
    schema = f"{project.config.sources.database or 'main'}_history"
    first = run_checks(w, project.catalog, project.config, CheckScope(select=SUBSET), now=NOW)
    later = NOW + dt.timedelta(hours=1)
    second = run_checks(w, project.catalog, project.config, CheckScope(select=("duplicate_keys",), shops=("s1",)), now=later)
    first_id = record_run(w, first, schema)
    second_id = record_run(w, second, schema, ("s1",))
    history = read_history(w, schema)
    assert [(h.run_id, h.check_name, h.status, h.severity, h.offending, h.shops) for h in history] == [
        (second_id, "duplicate_keys", "fail", "error", 1, "s1"),
        (first_id, "duplicate_keys", "fail", "error", 1, ""),
        (first_id, "financial_status", "pass", "error", 0, ""),
    ]
    assert [h.started_at for h in history] == [later, NOW, NOW]
    assert {h.semantic_version for h in history} == {__version__}
    assert all(h.duration_seconds >= 0 for h in history)
    assert [h.run_id for h in read_history(w, schema, "financial_status")] == [first_id]
    assert len(read_history(w, schema, limit=1)) == 1
    if w.dialect == "postgres":
        w._run(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        w.raw.commit()


def test_check_writes_no_history_unless_asked(isolated, capsys):
    database = warehouse_file(isolated)
    code, _, err = cli(capsys, "check", "--database", database, "--data-only", "--select", "duplicate_keys")
    assert code == 0 and "history" not in err
    assert schemas(database) == {"main"}
    code, _, err = cli(capsys, "check", "--database", database, "--data-only", "--select", "duplicate_keys", "--record")
    assert code == 0
    assert "history: recorded 1 result(s) as run " in err and "in semantic.check_runs" in err
    assert schemas(database) == {"main", "semantic"}


def test_the_setting_records_and_no_record_wins(isolated, capsys):
    database = warehouse_file(isolated)
    (isolated / "metrics.toml").write_text('[quality]\nhistory = true\nhistory_schema = "audit"\n', encoding="utf-8")
    cli(capsys, "check", "--database", database, "--data-only", "--select", "duplicate_keys", "--no-record")
    assert schemas(database) == {"main"}
    cli(capsys, "check", "--database", database, "--data-only", "--select", "duplicate_keys")
    code, out, _ = cli(capsys, "check", "history", "--database", database, "--format", "json")
    assert code == 0
    assert [(r["check_name"], r["status"], r["offending"], r["shops"]) for r in json.loads(out)] == [("duplicate_keys", "pass", 0, "")]


def test_history_text_names_each_result_and_an_empty_history_says_how_to_record(isolated, capsys):
    database = warehouse_file(isolated)
    code, out, _ = cli(capsys, "check", "history", "--database", database)
    assert code == 0 and "record some with `semantic check --database URL --record`" in out
    assert schemas(database) == {"main"}
    cli(capsys, "check", "--database", database, "--data-only", "--select", "shop_currency", "--shop", "s1", "--record")
    code, out, _ = cli(capsys, "check", "history", "--database", database, "--check", "shop_currency")
    assert code == 0
    assert "PASS  shop_currency: 0 offending" in out and "shops: s1" in out


def test_history_of_an_unknown_check_or_action_exits_2(isolated, capsys):
    database = warehouse_file(isolated)
    code, _, err = cli(capsys, "check", "history", "--database", database, "--check", "freshnes")
    assert code == 2 and "Did you mean 'freshness'?" in err
    code, _, err = cli(capsys, "check", "histroy", "--database", database)
    assert code == 2 and "history" in err


@pytest.mark.postgres
def test_a_read_only_role_gets_its_results_and_is_told_history_was_not_recorded(isolated, capsys):
    import uuid

    import psycopg

    from semantic.backends.connect import connect
    from semantic.sources import Sources
    from tests.conftest import empty_tables, project_in_schema

    url = postgres_url_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    project = project_in_schema(schema)
    writer = connect(url)
    try:
        rows = clean_rows()
        rows["orders"].append(order("s1", "o2", "60.00"))
        writer.load({**empty_tables(), **arrow_tables(rows)}, Sources.from_config(project.config))
        (isolated / "metrics.toml").write_text(f'[sources]\ndatabase = "{schema}"\n[quality]\nhistory_schema = "{schema}_h"\n', encoding="utf-8")
        read_only = url + ("&" if "?" in url else "?") + "options=-c%20default_transaction_read_only%3Don"
        code, out, err = cli(capsys, "check", "--database", read_only, "--data-only", "--select", "duplicate_keys", "--record")
        assert code == 1  # the duplicate, as without --record
        assert "FAIL  duplicate_keys: 1 offending" in out
        assert f"history: not recorded: could not record the check history in {schema}_h.check_runs" in err
        assert "read-only transaction" in err
        with psycopg.connect(url) as con:
            assert con.execute("SELECT count(*) FROM pg_namespace WHERE nspname = %s", (f"{schema}_h",)).fetchone() == (0,)
    finally:
        writer._run(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        writer._run(f'DROP SCHEMA IF EXISTS "{schema}_h" CASCADE')
        writer.raw.commit()
        writer.close()
