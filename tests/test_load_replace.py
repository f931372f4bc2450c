"""Loading replaces rows, not the user's objects; the demo never overwrites data it did not write.

- `semantic load` keeps a contract table whose columns already have the contract's
  types, so views over it survive (PostgreSQL refuses to drop a table a view
  depends on); when the columns must change and a view is in the way, the load
  stops, says which columns and which view, and changes nothing.
- `semantic demo` replaces the tables without --force only when they still hold
  exactly the rows it wrote; `load` takes its record away.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli_run import cli, isolated, one_line  # noqa: F401 - fixture
from tests.conftest import ENGINES, postgres_url_or_skip

HAND = Path(__file__).parent / "fixtures" / "hand"
HAND_ORDERS = 15
pytestmark = pytest.mark.usefixtures("isolated")


@dataclass
class Target:
    """A warehouse for CLI runs: its --database and --config, and SQL on it."""

    engine: str
    args: tuple[str, ...]
    schema: str | None
    raw: object

    def sql(self, statement: str) -> list[tuple]:
        if self.engine == "duckdb":
            import duckdb

            # One connection per statement: the CLI opens the same file in between.
            with duckdb.connect(self.raw) as con:
                result = con.execute(statement)
                return result.fetchall() if result.description else []
        with self.raw.cursor() as cursor:
            cursor.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
        self.raw.commit()
        return rows

    def table(self, name: str) -> str:
        return f'"{self.schema}"."{name}"' if self.schema else f'"{name}"'

    def count(self, name: str) -> int:
        return self.sql(f"SELECT count(*) FROM {self.table(name)}")[0][0]


@pytest.fixture(params=ENGINES)
def target(request, tmp_path):
    if request.param == "duckdb":
        path = tmp_path / "w.duckdb"
        yield Target("duckdb", ("--database", str(path)), None, str(path))
        return
    import psycopg

    url = postgres_url_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    config = tmp_path / "metrics.toml"
    config.write_text(f'[sources]\ndatabase = "{schema}"\n')
    raw = psycopg.connect(url)
    yield Target("postgres", ("--database", url, "--config", str(config)), schema, raw)
    with raw.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    raw.commit()
    raw.close()


def run(capsys, *args: str) -> tuple[int, str]:
    code, out, err = cli(capsys, *args)
    return code, out + err


def test_demo_refuses_to_overwrite_loaded_data_and_load_removes_its_record(capsys, target):
    assert run(capsys, "demo", "--orders", "200", "--shops", "1", *target.args)[0] == 0
    assert run(capsys, "load", str(HAND), *target.args)[0] == 0
    code, output = run(capsys, "demo", "--orders", "200", "--shops", "1", *target.args)
    assert code == 2
    assert "not written by the demo" in one_line(output) and "--force" in output
    assert target.count("orders") == HAND_ORDERS
    assert run(capsys, "demo", "--orders", "200", "--shops", "1", "--force", *target.args)[0] == 0
    assert target.count("orders") == 200


def test_demo_may_regenerate_its_own_warehouse(capsys, target):
    assert run(capsys, "demo", "--orders", "200", "--shops", "1", *target.args)[0] == 0
    assert run(capsys, "demo", "--orders", "300", "--shops", "1", *target.args)[0] == 0
    assert target.count("orders") == 300


def test_demo_refuses_when_another_tool_changed_its_rows(capsys, target):
    assert run(capsys, "demo", "--orders", "200", "--shops", "1", *target.args)[0] == 0
    target.sql(f"DELETE FROM {target.table('refunds')}")
    code, output = run(capsys, "demo", "--orders", "200", "--shops", "1", *target.args)
    assert code == 2 and "not written by the demo" in one_line(output)


def test_load_keeps_a_users_view_over_a_contract_table(capsys, target):
    assert run(capsys, "load", str(HAND), *target.args)[0] == 0
    target.sql(f"CREATE VIEW {target.table('my_orders')} AS SELECT order_id FROM {target.table('orders')}")
    target.sql(f"DELETE FROM {target.table('orders')} WHERE order_id = 'o1'")
    code, output = run(capsys, "load", str(HAND), *target.args)
    assert code == 0, output
    assert target.count("my_orders") == HAND_ORDERS


# PostgreSQL only: DuckDB binds a view when it is queried, so nothing ever blocks replacing a table.
@pytest.mark.parametrize("target", [ENGINES[1]], indirect=True)
def test_a_schema_change_blocked_by_a_view_names_both_and_changes_nothing(capsys, target):
    assert run(capsys, "load", str(HAND), *target.args)[0] == 0
    shops = target.table("shops")
    target.sql(f"ALTER TABLE {shops} ALTER COLUMN currency TYPE varchar(3)")
    target.sql(f"CREATE VIEW {target.table('shop_currencies')} AS SELECT currency FROM {shops}")
    target.sql(f"DELETE FROM {target.table('orders')} WHERE order_id = 'o1'")
    code, output = run(capsys, "load", str(HAND), *target.args)
    assert code == 3
    message = one_line(output)
    assert f"cannot replace table {target.schema}.shops: its columns must change (column currency is character varying(3)" in message
    assert "shop_currencies" in message and "nothing was loaded" in message
    assert target.count("orders") == HAND_ORDERS - 1  # the whole load rolled back


@pytest.mark.postgres
def test_a_nul_byte_handed_to_postgres_through_the_api_names_table_row_and_column():
    import psycopg  # noqa: F401 - the PostgreSQL extra

    from semantic.backends.connect import connect
    from semantic.errors import WarehouseError
    from semantic.project import Project
    from semantic.sources import Sources
    from tests.conftest import empty_tables, read_fixture_dir

    warehouse = connect(postgres_url_or_skip())
    schema = f"t_{uuid.uuid4().hex[:12]}"
    sources = Sources.from_config(Project.from_text(f'[sources]\ndatabase = "{schema}"\n').config)
    tables = {**empty_tables(), **read_fixture_dir("hand")}
    shops = tables["shops"]
    tables["shops"] = shops.set_column(1, "timezone", [["America/New_York", "Europe/Ber\x00lin"][: shops.num_rows]])
    try:
        with pytest.raises(WarehouseError, match=r"shops row 2, column timezone: the value holds a NUL byte"):
            warehouse.load(tables, sources)
    finally:
        with warehouse.raw.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        warehouse.raw.commit()
        warehouse.close()
