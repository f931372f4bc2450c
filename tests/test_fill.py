"""`--fill`: a dense calendar from --start to --end, on the hand fixture (see test_core_metrics_hand)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from semantic.errors import QueryError
from semantic.query import calendar
from tests.conftest import read_fixture_dir


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_every_day_appears_per_shop_with_zero_sums_and_null_ratios(load_warehouse):
    hand = load_warehouse(read_fixture_dir("hand"))
    rows = hand.query(["revenue", "orders", "aov"], by=["day", "shop"], start=d("2024-03-30"), end=d("2024-04-02"), fill=True)
    got = [(r["day"], r["shop_id"], r["revenue"], r["orders"], r["aov"]) for r in rows]
    assert got == [
        (d("2024-03-30"), "s1", D("0.00"), 0, None),
        (d("2024-03-30"), "s2", D("0.00"), 0, None),
        (d("2024-03-31"), "s1", D("45.20"), 1, 45.2),
        (d("2024-03-31"), "s2", D("73.78"), 1, 73.78),
        (d("2024-04-01"), "s1", D("0.00"), 0, None),
        (d("2024-04-01"), "s2", D("71.40"), 1, 71.4),
        (d("2024-04-02"), "s1", D("0.00"), 0, None),
        (d("2024-04-02"), "s2", D("0.00"), 0, None),
    ]


def test_weeks_fill_from_the_monday_of_the_start(load_warehouse):
    hand = load_warehouse(read_fixture_dir("hand"))
    rows = hand.query(["orders"], by=["week"], shops=("s1",), start=d("2024-03-06"), end=d("2024-03-20"), fill=True)
    # Mar 6-10: nothing (o3 is Mar 5); Mar 11-17: o4, o11, o12, o13; Mar 18-20: nothing.
    assert [(r["week"], r["orders"]) for r in rows] == [(d("2024-03-04"), 0), (d("2024-03-11"), 4), (d("2024-03-18"), 0)]


def test_fill_needs_both_ends_and_one_time_dimension():
    from semantic.builtins import builtin_catalog
    from semantic.config import Config
    from semantic.query import QuerySpec, build_query

    with pytest.raises(QueryError, match="--start and --end"):
        build_query(builtin_catalog(), Config(), QuerySpec(metrics=("orders",), by=("day",), fill=True))
    with pytest.raises(QueryError, match="exactly one time dimension"):
        build_query(builtin_catalog(), Config(), QuerySpec(metrics=("orders",), by=("shop",), start=d("2024-01-01"), end=d("2024-01-02"), fill=True))


def test_calendar_buckets():
    assert calendar("day", d("2024-02-28"), d("2024-03-01")) == [d("2024-02-28"), d("2024-02-29"), d("2024-03-01")]
    assert calendar("month", d("2023-11-15"), d("2024-02-01")) == [d("2023-11-01"), d("2023-12-01"), d("2024-01-01"), d("2024-02-01")]
    assert calendar("week", d("2024-03-04"), d("2024-03-04")) == [d("2024-03-04")]
