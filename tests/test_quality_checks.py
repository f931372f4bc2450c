"""Each built-in data check finds exactly the bad rows planted in a small hand-built warehouse.

Expected rows are written by hand from the planted data (tests/quality_data.py);
the clean warehouse passes every check (tests/test_quality_cli.py runs them all). DuckDB tables here are created straight
from Arrow (no NOT NULL, any type), as a mapped source may be.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from semantic.backends.quality import run_checks
from semantic.checks import CheckScope
from semantic.project import Project
from tests.quality_data import LOADED, NOW, at, clean_rows, duckdb_with, line, order, refund, session


def run(tmp_path, rows, toml: str = "", extra_sql: tuple[str, ...] = (), **scope):
    warehouse = duckdb_with(tmp_path / f"w{len(list(tmp_path.glob('*.duckdb')))}.duckdb", rows, extra_sql=extra_sql)
    try:
        project = Project.from_text(toml)
        return {r.name: r for r in run_checks(warehouse, project.catalog, project.config, CheckScope(**scope), now=NOW).results}
    finally:
        warehouse.close()


def failing(results) -> dict[str, str]:
    return {name: r.status for name, r in results.items() if r.status != "pass"}


def test_a_duplicated_order_row_blocks_with_its_key_and_copies(tmp_path):
    rows = clean_rows()
    rows["orders"].append(order("s1", "o2", "60.00"))
    result = run(tmp_path, rows, select=("duplicate_keys",))["duplicate_keys"]
    assert (result.status, result.offending) == ("fail", 1)
    assert result.samples == (("orders", "s1", "o2", 2),)


def test_a_line_is_keyed_within_its_order(tmp_path):
    rows = clean_rows()
    rows["order_lines"] += [line("s1", "o2", "l1", 0, "0.00"), line("s1", "o2", "l2", 0, "0.00")]  # l1 of o2 is fine; l2 twice is not
    result = run(tmp_path, rows, select=("duplicate_keys",))["duplicate_keys"]
    assert result.samples == (("order_lines", "s1", "o2 | l2", 2),)


def test_order_id_null_anywhere_blocks_naming_the_row(tmp_path):
    rows = clean_rows()
    rows["orders"].append(order("s2", None, "10.00", day=11))
    rows["refunds"].append(refund("s1", "r7", None, "1.00"))
    result = run(tmp_path, rows, select=("order_id_null",))["order_id_null"]
    assert result.status == "fail"
    assert result.samples == (("orders", "s2", "created_at=2026-01-11 12:00:00+00"), ("refunds", "s1", "refund_id=r7"))


def test_required_field_over_ten_percent_null_per_shop_and_strictly_over(tmp_path):
    rows = clean_rows()
    # s1: 10 orders, 2 without processed_at (20%); s2: 10 orders, 1 without (10%, not over).
    rows["orders"] = [order("s1", f"a{i}", "1.00") for i in range(10)] + [order("s2", f"b{i}", "1.00") for i in range(10)]
    rows["order_lines"] = rows["refunds"] = []
    for o in rows["orders"][:2] + rows["orders"][10:11]:
        o["processed_at"] = None
    result = run(tmp_path, rows, select=("required_nulls",))["required_nulls"]
    assert result.samples == (("orders", "processed_at", "s1", 2, 10, 0.2),)
    assert result.threshold == "10%"
    relaxed = run(tmp_path, rows, '[checks.required_nulls]\nshops = { s1 = "25%" }\n', select=("required_nulls",))
    assert relaxed["required_nulls"].status == "pass"


def test_upper_case_and_unknown_financial_status_are_found_with_the_value(tmp_path):
    rows = clean_rows()
    rows["orders"] += [order("s1", "o8", "1.00", status="PAID"), order("s1", "o9", "1.00", status="PAID"), order("s2", "o7", "1.00", status="settled")]
    # expired (a lapsed authorization) is one of Shopify's; EXPIRED, as GraphQL writes it, is not lower-cased.
    rows["orders"] += [order("s2", "o5", "1.00", status="expired"), order("s2", "o6", "1.00", status="EXPIRED")]
    rows["order_lines"] = []
    result = run(tmp_path, rows, select=("financial_status",))["financial_status"]
    assert result.samples == (("s1", "PAID", 2, True), ("s2", "EXPIRED", 1, True), ("s2", "settled", 1, False))
    assert "partially_refunded" in result.description and "expired" in result.description
    assert "lower(financial_status)" in result.hint


def test_a_time_zone_that_is_not_iana_and_a_currency_that_is_not_iso(tmp_path):
    rows = clean_rows()
    rows["shops"][0]["currency"] = "usd"
    rows["shops"][1]["timezone"] = "(GMT-05:00) America/New_York"
    results = run(tmp_path, rows, select=("tag:values",))
    assert results["shop_timezone"].samples == (("s2", "(GMT-05:00) America/New_York"),)
    assert results["shop_currency"].samples == (("s1", "usd"),)


def test_rows_of_unknown_shops_and_refunds_of_missing_orders(tmp_path):
    rows = clean_rows()
    rows["orders"].append(order("s9", "o1", "5.00"))
    rows["sessions"] += [session("s9", "x9"), session("s9", "x10")]
    rows["refunds"].append(refund("s1", "r5", "o404", "3.00"))
    results = run(tmp_path, rows, select=("tag:orphans",))
    assert results["unknown_shop"].samples == (("orders", "s9", 1), ("sessions", "s9", 2))
    assert results["refund_without_order"].samples == (("s1", "r5", "o404"),)


def test_refunds_larger_than_their_order(tmp_path):
    rows = clean_rows()
    # o1 of s1 totals 100 + 10 + 8 = 118.00; refunds 20.00 + (90.00 + 9.00 tax) = 119.00.
    rows["refunds"].append(refund("s1", "r2", "o1", "90.00", taxes="9.00"))
    result = run(tmp_path, rows, select=("refund_exceeds_order",))["refund_exceeds_order"]
    assert result.samples == (("s1", "o1", Decimal("118.00"), Decimal("119.00")),)


def test_gross_sales_disagreeing_with_its_lines(tmp_path):
    rows = clean_rows()
    rows["order_lines"].append(line("s1", "o2", "l3", 1, "0.50"))  # o2: 60.00 but lines 60.50
    result = run(tmp_path, rows, select=("gross_sales_vs_lines",))["gross_sales_vs_lines"]
    assert result.samples == (("s1", "o2", Decimal("60.00"), Decimal("60.50")),)


def test_a_day_made_negative_by_refunds_blocks_by_order_date_and_warns_by_refund_date(tmp_path):
    rows = clean_rows()
    rows["refunds"] = [refund("s2", "r1", "o1", "30.00", day=15)]  # s2's o1 (40.00) on Jan 10
    by_order = run(tmp_path, rows, select=("negative_revenue_day",))["negative_revenue_day"]
    assert by_order.status == "pass"  # Jan 10: 40 - 30 = 10
    by_refund = run(tmp_path, rows, '[revenue]\nrefund_dating = "refund_date"\n', select=("negative_revenue_day",))
    result = by_refund["negative_revenue_day"]
    assert (result.status, result.severity) == ("warn", "warn")
    assert result.samples == (("s2", dt.date(2026, 1, 15), Decimal("0.00"), Decimal("30.00"), Decimal("-30.00"), "warn"),)


def test_negative_sales_on_a_day_block(tmp_path):
    rows = clean_rows()
    rows["orders"].append(order("s2", "o5", "-50.00", day=11))
    rows["order_lines"] = []
    result = run(tmp_path, rows, select=("negative_revenue_day",))["negative_revenue_day"]
    assert result.status == "fail"
    assert result.samples == (("s2", dt.date(2026, 1, 11), Decimal("-50.00"), Decimal("0.00"), Decimal("-50.00"), "error"),)


def test_orders_three_hours_stale_warn_and_a_day_stale_blocks(tmp_path):
    rows = clean_rows()
    for o in rows["orders"]:
        o["_loaded_at"] = NOW - dt.timedelta(hours=3) if o["shop_id"] == "s1" else NOW - dt.timedelta(hours=25)
    result = run(tmp_path, rows, select=("freshness",))["freshness"]
    assert (result.status, result.severity) == ("fail", "error")
    assert result.samples == (
        ("orders", "s1", NOW - dt.timedelta(hours=3), 3.0, "warn", "1h"),
        ("orders", "s2", NOW - dt.timedelta(hours=25), 25.0, "error", "24h"),
    )
    only_s1 = run(tmp_path, rows, select=("freshness",), shops=("s1",))["freshness"]
    assert (only_s1.status, only_s1.offending) == ("warn", 1)


def test_a_late_source_makes_the_metrics_built_on_it_stale(tmp_path):
    rows = clean_rows()
    rows["ad_spend"][0]["_loaded_at"] = NOW - dt.timedelta(hours=7)  # ad spend warns after 6 h
    result = run(tmp_path, rows, select=("freshness",))["freshness"]
    assert result.status == "warn"
    stale = {n.split(" ")[0] for n in result.notes}
    assert {"roas", "mer", "cac", "paid_spend"} <= stale
    assert not stale & {"revenue", "orders", "aov", "new_customers"}
    assert "roas is stale: ad_spend is late" in result.notes


def test_freshness_is_strictly_older_than(tmp_path):
    rows = clean_rows()
    for o in rows["orders"]:
        o["_loaded_at"] = NOW - dt.timedelta(hours=1)
    assert run(tmp_path, rows, select=("freshness",))["freshness"].status == "pass"


def test_freshness_thresholds_and_column_come_from_metrics_toml(tmp_path):
    rows = clean_rows()
    toml = '[quality.freshness.orders]\ncolumn = "processed_at"\nwarn_after = "2d"\nerror_after = "30d"\n'
    result = run(tmp_path, rows, toml, select=("freshness",))["freshness"]  # processed Jan 10 12:00: 240 h ago
    assert [(r[0], r[1], r[3], r[4]) for r in result.samples] == [("orders", "s1", 240.0, "warn"), ("orders", "s2", 240.0, "warn")]


def test_a_naive_timestamp_column_blocks_unless_its_zone_is_declared(tmp_path):
    sql = ('ALTER TABLE orders ALTER COLUMN created_at TYPE TIMESTAMP',)
    result = run(tmp_path, clean_rows(), extra_sql=sql, select=("naive_timestamps",))["naive_timestamps"]
    assert result.samples == (("orders", "created_at", "orders", "created_at", "TIMESTAMP"),)
    declared = run(tmp_path, clean_rows(), '[quality.zones]\n"orders.created_at" = "America/New_York"\n', extra_sql=sql, select=("naive_timestamps",))
    assert declared["naive_timestamps"].status == "pass"


def test_a_pii_column_in_a_relation_not_allowed_to_carry_it(tmp_path):
    sql = ("ALTER TABLE sessions ADD COLUMN customer_email VARCHAR", 'CREATE TABLE marketing_list ("Email" VARCHAR, phone VARCHAR)')
    result = run(tmp_path, clean_rows(), extra_sql=sql, select=("pii_columns",))["pii_columns"]
    assert result.samples == (("marketing_list", "Email", "email"), ("marketing_list", "phone", "phone"), ("sessions", "customer_email", "email"))
    allowed = run(tmp_path, clean_rows(), '[quality.pii_allowed]\nemail = ["orders", "customers", "sessions", "marketing_list"]\nphone = ["marketing_list"]\n', extra_sql=sql, select=("pii_columns",))
    assert allowed["pii_columns"].status == "pass"


def test_configured_severity_and_disabled_checks(tmp_path):
    rows = clean_rows()
    rows["refunds"].append(refund("s1", "r5", "o404", "3.00"))
    toml = '[checks.refund_without_order]\nseverity = "warn"\n[checks.pii_columns]\nenabled = false\n'
    results = run(tmp_path, rows, toml, select=("tag:orphans", "pii_columns"))
    assert failing(results) == {"refund_without_order": "warn"}
    assert "pii_columns" not in results


def test_an_unknown_check_in_metrics_toml_is_a_config_error_naming_the_nearest(tmp_path):
    from semantic.errors import ConfigError

    with pytest.raises(ConfigError, match="did you mean 'freshness'|Did you mean 'freshness'"):
        run(tmp_path, clean_rows(), "[checks.freshnes]\nenabled = false\n")


def test_scope_shops_and_days_narrow_the_offending_rows(tmp_path):
    rows = clean_rows()
    rows["orders"] += [order("s1", "n1", "-5.00", day=11), order("s1", "n2", "-5.00", day=14), order("s2", "n3", "-5.00", day=11)]
    rows["order_lines"] = []
    scoped = run(tmp_path, rows, select=("negative_revenue_day",), shops=("s1",), start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 20))
    assert [r[:2] for r in scoped["negative_revenue_day"].samples] == [("s1", dt.date(2026, 1, 14))]


def test_select_by_metric_runs_the_checks_of_the_tables_it_reads(tmp_path):
    results = run(tmp_path, clean_rows(), select=("metric:paid_spend",))
    assert set(results) == {"duplicate_keys", "required_nulls", "unknown_shop", "freshness", "naive_timestamps", "ad_spend_jump"}


def test_a_project_module_adds_its_own_check(tmp_path):
    module = tmp_path / "my_checks.py"
    module.write_text(
        "from semantic.checks import Check\n"
        "def big(ctx):\n"
        "    o = ctx.sources.orders\n"
        "    return o.filter(o.gross_sales > 75).select('shop_id', 'order_id')\n"
        "def register(catalog):\n"
        "    catalog.register(Check('big_orders', 'No order over 75.', big, 'look at it', severity='warn', tables=('orders',)))\n"
    )
    (tmp_path / "metrics.toml").write_text('[project]\nmodules = ["my_checks.py"]\n')
    project = Project.load(tmp_path / "metrics.toml")
    warehouse = duckdb_with(tmp_path / "w.duckdb", clean_rows())
    try:
        result = run_checks(warehouse, project.catalog, project.config, CheckScope(select=("big_orders",)), now=NOW).results[0]
    finally:
        warehouse.close()
    assert (result.name, result.status, result.samples) == ("big_orders", "warn", (("s1", "o1"),))


def test_loaded_at_is_what_the_clean_data_says():
    assert LOADED == at(20) - dt.timedelta(minutes=30)
