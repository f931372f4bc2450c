"""Reading Shopify's text timestamps as UTC instants, and its zone names as IANA zones.

Shopify writes one instant many ways: `2024-01-10T10:00:00-05:00` (REST),
`2024-01-10T15:00:00Z` (GraphQL), `2024-01-10 10:00:00 -0500` (the admin's CSV
exports), `2024-01-10 15:00:00 UTC`. All of them are the same UTC instant here;
a timestamp without a zone is refused unless the caller declares one.

Its shops name their zone in Rails' words ("Eastern Time (US & Canada)", or the
REST `shop.timezone` display string "(GMT-05:00) Eastern Time (US & Canada)");
`iana_zone` maps them through semantic/data/rails_time_zones.toml (data, not code).

>>> instant("2024-01-10 10:00:00 -0500", "x").isoformat()
'2024-01-10T15:00:00+00:00'
>>> iana_zone("(GMT-05:00) Eastern Time (US & Canada)", "shop.json, timezone")
'America/New_York'
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import zoneinfo
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from semantic.errors import ConfigError, did_you_mean

# The zone written after a time: Z, UTC or an offset (±HH:MM, ±HHMM, ±HH), maybe after a space.
ZONE_SUFFIX = r"(?:Z|UTC|[+-]\d{2}(?::?\d{2})?)"
# A text timestamp that carries its zone (used by the Arrow CSV reader too).
ZONED = re.compile(rf"^\s*\d{{4}}-\d{{2}}-\d{{2}}[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d{{1,9}})?)?\s*{ZONE_SUFFIX}\s*$")
_SPLIT = re.compile(rf"^(?P<clock>.*?\d)\s*(?P<zone>{ZONE_SUFFIX})\s*$")
_DISPLAY = re.compile(r"^\(GMT[+-]\d{2}:\d{2}\)\s*")


def normal_zoned(text: str) -> str:
    """`text` with its zone written as ISO 8601 wants it (`...+00:00`), for fromisoformat and Arrow."""
    found = _SPLIT.match(text.strip())
    if not found or not ZONED.match(text):
        return text.strip()
    zone = found.group("zone")
    if zone in ("Z", "UTC"):
        zone = "+00:00"
    elif len(zone) == 3:
        zone += ":00"
    elif ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return found.group("clock") + zone


def instant(value: Any, where: str, naive_zone: str | None = None) -> dt.datetime | None:
    """A text timestamp with `Z`, an offset or ` UTC` as a UTC instant; missing is None.

    A naive one is refused, unless `naive_zone` (an IANA zone) says whose wall clock it is.
    """
    if value is None or value == "":
        return None
    text = normal_zoned(str(value))
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a timestamp") from None
    if parsed.tzinfo is None:
        if naive_zone is None:
            raise ConfigError(f"{where}: {value!r} has no zone (Z, an offset or UTC)",
                              hint="export timestamps with their offset")  # fmt: skip
        parsed = parsed.replace(tzinfo=zoneinfo.ZoneInfo(naive_zone))
    return parsed.astimezone(dt.timezone.utc)


@cache
def rails_zones() -> MappingProxyType:
    """Rails zone name -> IANA zone, from semantic/data/rails_time_zones.toml."""
    text = (resources.files("semantic") / "data" / "rails_time_zones.toml").read_text(encoding="utf-8")
    return MappingProxyType(dict(tomllib.loads(text)["zones"]))


def _is_iana(text: str) -> bool:
    # Rails' names hold no "/"; of IANA's without one, only UTC is a Rails name too.
    if "/" not in text and text != "UTC":
        return False
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def rails_zone_name(value: Any) -> str | None:
    """The Rails zone name `value` is, or shows ("(GMT-05:00) Eastern Time (US & Canada)"); None if none."""
    text = _DISPLAY.sub("", str(value or "").strip())
    return text if text in rails_zones() and not _is_iana(text) else None


def iana_zone(value: Any, where: str) -> str:
    """The IANA zone of an IANA name, a Rails zone name or Shopify's "(GMT-05:00) Name" display string."""
    text = _DISPLAY.sub("", str(value or "").strip())
    zones = rails_zones()
    if _is_iana(text):
        return text
    if text in zones:
        return str(zones[text])
    raise ConfigError(
        f"{where}: {value!r} is neither an IANA time zone nor a Rails zone name of Shopify's.{did_you_mean(text, zones)}",
        hint="give the shop's IANA zone (shop.json iana_timezone, GraphQL ianaTimezone), e.g. America/New_York",
    )
