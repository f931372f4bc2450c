"""Text for people: data never drives the terminal, and numbers and dates are never cut.

- Every text format that shows data (query and attribution tables, explain,
  metrics, check) prints control characters as visible escapes; CSV and JSON
  keep the exact value.
- A table at any terminal width shows every number and date whole: text columns
  fold first, then the table loses its rules, then it turns vertical.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from semantic.backends.connect import connect
from semantic.cli.tables import choose_layout, print_rows
from semantic.printable import printable
from semantic.project import Project
from semantic.sources import Sources
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.conftest import empty_tables
from tests.test_attribution_scenarios import FB, before, order, session, tables

pytestmark = pytest.mark.usefixtures("isolated")
# As the UTM comes out of attribution: lower-cased, escape sequences intact.
HOSTILE_CAMPAIGN = "x\x1b[41mred\x1b[0m\x1b]0;owned\x07"
HOSTILE_URL = "https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=x%1B%5B41mRED%1B%5B0m%1B%5D0%3Bowned%07"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def hostile_db(tmp_path) -> str:
    path = tmp_path / "hostile.duckdb"
    sessions = [
        session("ev\x1b[2Jil", before(hours=3), landing_url=HOSTILE_URL),
        session("fb", before(days=3), visitor="v2", **FB),
        session("fb2", before(days=2), visitor="v2", **{**FB, "utm_campaign": "summer"}),
    ]
    orders = [order("o1", total="90.00"), order("o2", visitor="v2", total="1234567.89")]
    warehouse = connect(f"duckdb:///{path}")
    warehouse.load({**empty_tables(), **tables(sessions, orders)}, Sources.from_config(Project.defaults().config))
    warehouse.close()
    return str(path)


def test_printable_shows_escape_sequences_and_keeps_plain_text():
    assert printable(HOSTILE_CAMPAIGN) == "x\\x1b[41mred\\x1b[0m\\x1b]0;owned\\x07"
    assert printable("Zürich – ok") == "Zürich – ok"
    assert printable("a\u202eb\nc") == "a\\u202eb\\nc"


def test_a_query_table_shows_a_utm_escape_sequence_made_visible(capsys, hostile_db):
    code, out, err = cli(capsys, "query", "attributed_orders", "--by", "campaign", "--database", hostile_db)
    assert code == 0, err
    assert not CONTROL.search(out)
    assert "x\\x1b[41mred\\x1b[0m\\x1b]0;owned\\x07" in out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_keep_the_exact_value(capsys, hostile_db, fmt):
    code, out, err = cli(capsys, "query", "attributed_orders", "--by", "campaign", "--database", hostile_db, "--format", fmt)
    assert code == 0, err
    campaigns = [row["campaign"] for row in json.loads(out)] if fmt == "json" else out.splitlines()
    assert any(HOSTILE_CAMPAIGN in str(c) for c in campaigns)


def test_attribution_and_explain_show_it_made_visible(capsys, hostile_db):
    code, out, _ = cli(capsys, "attribution", "order_attribution", "--database", hostile_db)
    assert code == 0 and not CONTROL.search(out) and "\\x1b[41mred" in out
    code, out, _ = cli(capsys, "explain", "o1", "--shop", "s1", "--database", hostile_db)
    assert code == 0 and not CONTROL.search(out) and "ev\\x1b[2Jil" in out


def test_metrics_and_check_show_a_hostile_description_made_visible(capsys, tmp_path):
    (tmp_path / "metrics.toml").write_text('[metrics.revenue]\nowner = "a@example.com"\ndescription = "ok\\u001b]0;owned\\u0007"\n')
    code, out, _ = cli(capsys, "metrics")
    assert code == 0 and not CONTROL.search(out) and "ok\\x1b]0;owned\\x07" in out
    (tmp_path / "metrics.toml").write_text('[metrics."re\\u001b[2Jvenue"]\nowner = "a@example.com"\n')
    code, out, _ = cli(capsys, "check")
    assert not CONTROL.search(out) and "re\\x1b[2Jvenue" in out


def test_explain_linear_headline_names_every_touchpoint_sharing_the_credit(capsys, hostile_db):
    code, out, err = cli(capsys, "explain", "o2", "--shop", "s1", "--model", "linear", "--database", hostile_db)
    assert code == 0, err
    headline = out.splitlines()[1]
    assert headline.startswith("credit shared by 2 touchpoints: ")
    assert "fb (facebook, cpc)" in headline and "fb2 (facebook, cpc)" in headline
    assert out.count("won part") == 2


def render(cells, columns, rigid, width) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    print_rows(console, cells, columns, rigid, right=rigid)
    return console.file.getvalue()


MONEY = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=40, deadline=None)
@given(
    width=st.integers(min_value=20, max_value=200),
    rows=st.lists(
        st.tuples(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), st.text("abcdefgh _-", min_size=0, max_size=40), MONEY, st.integers(0, 10**9)),
        min_size=1, max_size=5,
    ),
)
def test_no_number_or_date_is_ever_cut_at_any_width(width, rows):
    columns = ["day", "campaign", "attributed_revenue", "orders"]
    cells = [{"day": d.isoformat(), "campaign": c or "null", "attributed_revenue": f"{m:,.2f}", "orders": f"{n:,}"} for d, c, m, n in rows]
    out = render(cells, columns, {"day", "attributed_revenue", "orders"}, width)
    tokens = set(re.split(r"[\s│┃]+", out))
    for cell in cells:
        for column in ("day", "attributed_revenue", "orders"):
            assert cell[column] in tokens, (cell[column], out)
    assert "…" not in out


def test_the_layout_steps_from_boxed_to_compact_to_vertical():
    cells = [{"month": "2026-09-01", "shop_id": "shop_us", "revenue": "89,261.00", "orders": "1,204", "new_customers": "1,000"}]
    columns = list(cells[0])
    rigid = {"month", "revenue", "orders", "new_customers"}
    assert choose_layout(cells, columns, rigid, 120) == ("boxed", False)
    assert choose_layout(cells, columns, rigid, 50) == ("compact", False)
    assert choose_layout(cells, columns, rigid, 25) == ("vertical", False)
    vertical = render(cells, columns, rigid, 25)
    assert "revenue        89,261.00" in vertical and "month          2026-09-01" in vertical


def test_a_query_at_80_columns_shows_every_number_whole(capsys, hostile_db, monkeypatch):
    import rich.console

    monkeypatch.setattr(rich.console.Console, "is_terminal", property(lambda self: True))
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = cli(capsys, "query", "attributed_revenue", "attributed_orders", "revenue", "orders", "aov", "--by", "day", "--by", "campaign", "--database", hostile_db)
    assert code == 0, err
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out)  # rich's own styling, on a terminal
    assert "1,234,567.89" in shown and "1,234,567.8900" in shown and "…" not in shown
    assert max(len(line) for line in shown.splitlines()) <= 80
