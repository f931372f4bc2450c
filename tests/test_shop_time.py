"""Shopify's text timestamps and zone names, read the same way by every loader."""

from __future__ import annotations

import datetime as dt
import tomllib
import zoneinfo
from importlib import resources

import pytest

from semantic.errors import ConfigError
from semantic.shop_time import iana_zone, instant, rails_zones

FIFTEEN_UTC = dt.datetime(2024, 1, 10, 15, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("text", ["2024-01-10T15:00:00Z", "2024-01-10T10:00:00-05:00", "2024-01-10 10:00:00 -0500",
                                  "2024-01-10 10:00:00-05", "2024-01-10 15:00:00 UTC", "2024-01-10T16:00:00+01:00"])  # fmt: skip
def test_every_spelling_of_one_instant_is_that_instant(text):
    assert instant(text, "x") == FIFTEEN_UTC


def test_a_naive_timestamp_needs_a_declared_zone():
    with pytest.raises(ConfigError, match=r"orders.csv, line 2, Created at: '2024-01-10 10:00:00' has no zone"):
        instant("2024-01-10 10:00:00", "orders.csv, line 2, Created at")
    # 10:00 in New York in January is 15:00 UTC; in July (EDT) 14:00.
    assert instant("2024-01-10 10:00:00", "x", naive_zone="America/New_York") == FIFTEEN_UTC
    assert instant("2024-07-10 10:00:00", "x", naive_zone="America/New_York").hour == 14


def test_rails_zone_names_and_display_strings_map_to_iana():
    assert iana_zone("Eastern Time (US & Canada)", "x") == "America/New_York"
    assert iana_zone("(GMT-05:00) Eastern Time (US & Canada)", "x") == "America/New_York"
    assert iana_zone("(GMT+10:00) Sydney", "x") == "Australia/Sydney"
    assert iana_zone("(GMT+00:00) Edinburgh", "x") == "Europe/London"
    assert iana_zone("Europe/Berlin", "x") == "Europe/Berlin"
    assert iana_zone("(GMT-05:00) America/New_York", "x") == "America/New_York"
    assert iana_zone("UTC", "x") == "UTC"


def test_an_unknown_zone_name_is_an_error_naming_it_and_the_nearest():
    with pytest.raises(ConfigError, match=r"shop.json, timezone: 'Eastern Time \(US\)' is neither .* Did you mean"):
        iana_zone("Eastern Time (US)", "shop.json, timezone")
    with pytest.raises(ConfigError, match="'Mars/Olympus' is neither"):
        iana_zone("Mars/Olympus", "x")


def test_the_rails_table_is_versioned_data_and_every_zone_exists():
    data = tomllib.loads((resources.files("semantic") / "data" / "rails_time_zones.toml").read_text(encoding="utf-8"))
    assert data["version"].startswith("activesupport-")
    assert len(rails_zones()) == 151 and rails_zones()["Pacific Time (US & Canada)"] == "America/Los_Angeles"
    for zone in rails_zones().values():
        zoneinfo.ZoneInfo(zone)
