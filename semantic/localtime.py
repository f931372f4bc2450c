"""Shop-local time: one name in our model, one small definition per dialect.

Ibis has no per-row time-zone conversion (each shop has its own zone, taken from
a column), so we name it once here as `local_timestamp(instant, zone)` and let
each engine spell it:

- DuckDB and PostgreSQL: `timezone(zone, instant)` on a TIMESTAMPTZ gives the
  wall-clock TIMESTAMP in `zone` (both engines share this function and meaning);
- BigQuery: `DATETIME(instant, zone)`, rewritten by `semantic.dialects`.

DST is the engine's: both use the IANA database, so a day in shop time is 23 or
25 hours long when the clocks change, and tests pin that on both engines.
"""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

# The SQL name the DuckDB and PostgreSQL dialects use; semantic.dialects rewrites
# it for BigQuery.
LOCAL_TIMESTAMP_FUNCTION = "timezone"


@ibis.udf.scalar.builtin(name=LOCAL_TIMESTAMP_FUNCTION)
def _timezone(zone: str, instant: dt.Timestamp(timezone="UTC")) -> dt.Timestamp(timezone=None):  # type: ignore[valid-type]
    """The wall-clock timestamp of `instant` in IANA time zone `zone`."""


def local_timestamp(instant: ir.TimestampValue, zone: ir.StringValue) -> ir.TimestampValue:
    """Wall-clock time of a UTC instant in a per-row IANA zone."""
    return _timezone(zone, instant)


def local_date(instant: ir.TimestampValue, zone: ir.StringValue) -> ir.DateValue:
    """The shop-local calendar day of a UTC instant."""
    return local_timestamp(instant, zone).date()
