"""Time grains: a shop-local bucket as one value, its SQL truncation and its calendar step together.

Buckets are named by the date they start on: the day itself, the Monday of an
ISO week, the first of a month. The same grain gives the SQL bucket of a fact's
`day` (`bucket`) and the Python calendar of bucket starts (`calendar`, for
`--fill`), so the two can never disagree.

>>> import datetime as dt
>>> GRAINS["week"].calendar(dt.date(2024, 3, 6), dt.date(2024, 3, 18))
[datetime.date(2024, 3, 4), datetime.date(2024, 3, 11), datetime.date(2024, 3, 18)]
>>> GRAINS["month"].start_of(dt.date(2024, 2, 29))
datetime.date(2024, 2, 1)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import MappingProxyType

import ibis.expr.types as ir


@dataclass(frozen=True)
class TimeGrain:
    name: str
    # Ibis truncation unit of the bucket ("W", "M"); None: the day itself.
    unit: str | None
    description: str

    @property
    def column(self) -> str:
        return self.name

    def bucket(self, day: ir.DateValue) -> ir.DateValue:
        """The bucket start of a shop-local DATE, as a DATE in SQL."""
        if self.unit is None:
            return day
        # Week buckets start on Monday (ISO) on every dialect. DATE_TRUNC on a DATE
        # returns a timestamp on DuckDB and PostgreSQL, and Ibis drops a cast from
        # date to date, so cast through timestamp to keep the SQL's column a DATE.
        return day.truncate(self.unit).cast("timestamp").cast("date")

    def start_of(self, day: dt.date) -> dt.date:
        """The bucket start holding `day`."""
        if self.unit == "W":
            return day - dt.timedelta(days=day.weekday())
        if self.unit == "M":
            return day.replace(day=1)
        return day

    def next_start(self, start: dt.date) -> dt.date:
        """The start of the bucket after the one starting on `start`."""
        if self.unit == "W":
            return start + dt.timedelta(weeks=1)
        if self.unit == "M":
            return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start + dt.timedelta(days=1)

    def calendar(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Bucket starts from the bucket holding `start` to the one holding `end`."""
        buckets, current = [], self.start_of(start)
        while current <= end:
            buckets.append(current)
            current = self.next_start(current)
        return buckets


GRAINS: MappingProxyType = MappingProxyType(
    {
        grain.name: grain
        for grain in (
            TimeGrain("day", None, "Shop-local calendar day."),
            TimeGrain("week", "W", "Shop-local ISO week, as the date of its Monday."),
            TimeGrain("month", "M", "Shop-local month, as the date of its first day."),
        )
    }
)
