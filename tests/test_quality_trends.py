"""The warning checks: jumps, anomalies (baseline without the tested day), NULL shares, attribution, new sources.

Expected z-scores are computed here with Python's statistics module from the
planted daily counts, not read back from the check.
"""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from semantic.backends.quality import run_checks
from semantic.checks import CheckScope
from semantic.project import Project
from tests.quality_data import LOADED, NOW, at, clean_rows, duckdb_with, order, session

RUN_AT = dt.datetime(2026, 1, 21, 1, 0, tzinfo=dt.timezone.utc)  # detection period: Jan 19 and 20


def daily_count(shop: str, day: int) -> int:
    if shop == "s1" and day == 19:
        return 100  # the 10x spike
    return 9 if day % 2 else 11


def spiked_rows() -> dict:
    rows = clean_rows()
    rows["orders"] = [
        order(shop, f"{shop}-{day}-{i}", "10.00", day=day) for shop in ("s1", "s2") for day in range(1, 21) for i in range(daily_count(shop, day))
    ]
    rows["order_lines"] = rows["refunds"] = []
    return rows


def run(tmp_path, rows, toml="", now=RUN_AT, **scope):
    warehouse = duckdb_with(tmp_path / f"w{len(list(tmp_path.glob('*.duckdb')))}.duckdb", rows)
    try:
        project = Project.from_text(toml)
        return {r.name: r for r in run_checks(warehouse, project.catalog, project.config, CheckScope(**scope), now=now).results}
    finally:
        warehouse.close()


def test_a_10x_spike_in_one_shop_is_found_and_the_other_shop_stays_green(tmp_path):
    toml = "[checks.orders_anomaly]\nwindow_days = 7\nmin_points = 7\n"
    result = run(tmp_path, spiked_rows(), toml, select=("orders_anomaly", "orders_jump"))
    baseline = [daily_count("s1", d) for d in range(12, 19)]
    mean, sd = statistics.mean(baseline), statistics.stdev(baseline)
    (row,) = result["orders_anomaly"].samples
    assert row[:3] == ("s1", dt.date(2026, 1, 19), 100.0)
    assert row[3:6] == pytest.approx((mean, sd, (100 - mean) / sd), abs=0.01)
    assert row[6] == 7
    # With the tested day inside its own window of 8, no z-score can reach 3: (n - 1) / sqrt(n) < 3.
    with_itself = baseline + [100]
    assert (100 - statistics.mean(with_itself)) / statistics.stdev(with_itself) < 3
    assert result["orders_jump"].samples == (("s1", dt.date(2026, 1, 19), 100.0, 11.0, round(100 / 11, 2)),)


def test_the_day_after_a_spike_is_judged_without_the_spike_in_its_baseline(tmp_path):
    rows = spiked_rows()
    # Day 20 of s1 drops to 1 order: against a baseline without day 19 it is a drop; with 100 in it, it would not be.
    rows["orders"] = [o for o in rows["orders"] if not (o["shop_id"] == "s1" and o["order_id"].startswith("s1-20-") and o["order_id"] != "s1-20-0")]
    # The window of 7 holds days 13..19; without the flagged 19, 6 points remain.
    toml = '[checks.orders_anomaly]\nwindow_days = 7\nmin_points = 6\ndirection = "drop"\n'
    result = run(tmp_path, rows, toml, select=("orders_anomaly",))["orders_anomaly"]
    baseline = [daily_count("s1", d) for d in range(13, 19)]  # days 13..19 minus the flagged 19
    assert [r[:3] for r in result.samples] == [("s1", dt.date(2026, 1, 20), 1.0)]
    assert result.samples[0][3] == pytest.approx(statistics.mean(baseline), abs=0.01)
    inflated = [daily_count("s1", d) for d in range(13, 20)]
    assert (1 - statistics.mean(inflated)) / statistics.stdev(inflated) > -3  # the inflated baseline would hide it


def test_min_change_and_per_shop_sensitivity_quieten_small_shops(tmp_path):
    quiet = '[checks.orders_anomaly]\nwindow_days = 7\nmin_points = 7\nmin_change = 1000\n[checks.orders_jump]\nshops = { s1 = 20 }\n'
    result = run(tmp_path, spiked_rows(), quiet, select=("orders_anomaly", "orders_jump"))
    assert {n: r.status for n, r in result.items()} == {"orders_anomaly": "pass", "orders_jump": "pass"}


def test_too_few_points_give_no_verdict(tmp_path):
    result = run(tmp_path, spiked_rows(), "[checks.orders_anomaly]\nwindow_days = 7\nmin_points = 8\n", select=("orders_anomaly",))
    assert result["orders_anomaly"].status == "pass"


def test_email_and_utm_source_null_shares_warn(tmp_path):
    rows = clean_rows()
    rows["orders"][1]["email"] = None  # s1: 1 of 2 orders
    rows["sessions"] += [session("s2", "x3"), session("s2", "x4")]
    rows["sessions"][2]["utm_source"] = rows["sessions"][3]["utm_source"] = None  # s2: 2 of 3 sessions
    result = run(tmp_path, rows, select=("tag:nulls",), now=NOW)
    assert result["email_nulls"].samples == (("orders", "email", "s1", 1, 2, 0.5),)
    assert result["utm_source_nulls"].samples == (("sessions", "utm_source", "s2", 2, 3, 0.6667),)
    assert (result["email_nulls"].status, result["required_nulls"].status) == ("warn", "pass")


def test_attribution_rate_is_off_by_default(tmp_path):
    assert "attribution_rate" not in run(tmp_path, clean_rows(), select=("tag:attribution",), now=NOW)


def test_attribution_rate_below_half_warns_per_shop(tmp_path):
    rows = clean_rows()
    for o in rows["orders"]:
        o["visitor_id"] = "nobody" if o["shop_id"] == "s1" else o["visitor_id"]
    toml = "[checks.attribution_rate]\nenabled = true\n"
    result = run(tmp_path, rows, toml, select=("attribution_rate",), now=NOW)["attribution_rate"]
    assert result.samples == (("s1", 0.0, 2),)


def test_a_traffic_source_not_seen_in_the_trailing_28_days(tmp_path):
    rows = clean_rows()
    recent = NOW - dt.timedelta(hours=6)
    rows["sessions"] += [
        {**session("s1", "x5"), "started_at": recent, "utm_source": " Google"},
        {**session("s1", "x6"), "started_at": recent, "utm_source": "tiktok"},
        {**session("s1", "x7"), "started_at": recent - dt.timedelta(hours=1), "utm_source": "TikTok"},
    ]
    result = run(tmp_path, rows, select=("new_traffic_source",), now=NOW)["new_traffic_source"]
    assert result.samples == (("s1", "tiktok", 2, recent - dt.timedelta(hours=1)),)
    assert LOADED < NOW and at(9) < recent
