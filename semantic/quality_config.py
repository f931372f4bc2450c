"""The data-quality sections of metrics.toml: `[checks.NAME]` and `[quality]`, as frozen pydantic models.

`[checks.NAME]` configures one check of the catalog (built-in or a project's
own): `enabled`, `severity` (error blocks, warn does not), `threshold` (a number
or a per cent, "10%") and per-shop thresholds (`shops = { shop_b = "20%" }`).
`[quality]` holds what several checks read: freshness per source, PII tags and
the relations allowed to carry them, and the time zone of any naive timestamp
column.

>>> parse_threshold("10%")
0.1
>>> parse_hours("90m")
1.5
>>> QualitySettings().freshness["orders"].warn_after
'1h'
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Severity = Literal["error", "warn"]
Threshold = float | int | str



class Frozen(BaseModel):
    """A strict, immutable section (as in semantic.config, which imports this module)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


_PERCENT = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*%\s*")
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(m|min|h|d)\s*")


def parse_threshold(value: Threshold) -> float:
    """A threshold as a float: "10%" is 0.1, 3 is 3.0."""
    if isinstance(value, bool):
        raise ValueError(f"a threshold is a number or a per cent such as \"10%\", got {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    match = _PERCENT.fullmatch(value)
    if match:
        return float(match.group(1)) / 100
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"a threshold is a number or a per cent such as \"10%\", got {value!r}") from None


def parse_hours(value: str | int | float) -> float:
    """A duration ("30m", "1h", "2d", or a number of hours) in hours."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = _DURATION.fullmatch(str(value))
    if not match:
        raise ValueError(f"a duration is a number of hours or like \"30m\", \"6h\", \"2d\", got {value!r}")
    number, unit = float(match.group(1)), match.group(2)
    return {"m": number / 60, "min": number / 60, "h": number, "d": number * 24}[unit]


class CheckEntry(Frozen):
    """`[checks.NAME]`: how one check runs in this project."""

    # None: the check's own default (attribution_rate is off unless enabled: it runs the attribution).
    enabled: bool | None = None
    # None: the check's own default (some checks decide per row, e.g. freshness).
    severity: Severity | None = None
    threshold: Threshold | None = None
    # Per-shop thresholds: a tenant with other volumes gets its own.
    shops: dict[str, Threshold] = Field(default_factory=dict)
    # Jumps and anomalies: the smallest absolute change that counts (ten orders a day page nobody).
    min_change: float | None = Field(default=None, ge=0)
    # Anomalies: trailing points in the baseline, the fewest that allow a verdict, seasonality and direction.
    window_days: int | None = Field(default=None, ge=2, le=366)
    min_points: int | None = Field(default=None, ge=2)
    seasonality: Literal["none", "day_of_week"] = "none"
    direction: Literal["spike", "drop", "both"] = "both"

    @field_validator("threshold")
    @classmethod
    def _threshold(cls, value: Threshold | None) -> Threshold | None:
        if value is not None:
            parse_threshold(value)
        return value

    @field_validator("shops")
    @classmethod
    def _shop_thresholds(cls, value: dict[str, Threshold]) -> dict[str, Threshold]:
        for threshold in value.values():
            parse_threshold(threshold)
        return value


class FreshnessSource(Frozen):
    """`[quality.freshness.TABLE]`: when a source is late (strictly older than), from which column or query.

    `column` is a timestamp column of the contract table (default `_loaded_at`).
    `query` is the project's own SQL, run as-is as a statement of its own (never
    spliced into ours): it returns one row with the newest load instant, or rows of
    (`shop_id`, instant), the instant a TIMESTAMPTZ. Not both (as dbt).
    """

    column: str | None = None
    query: str | None = Field(default=None, min_length=1)
    warn_after: str | float | None = None
    error_after: str | float | None = "24h"

    @model_validator(mode="after")
    def _column_or_query(self) -> FreshnessSource:
        if self.column is not None and self.query is not None:
            raise ValueError("give a freshness source a column or a query, not both")
        return self

    @property
    def loaded_at_column(self) -> str:
        return self.column or "_loaded_at"

    @field_validator("warn_after", "error_after")
    @classmethod
    def _duration(cls, value: str | float | None) -> str | float | None:
        if value is not None:
            parse_hours(value)
        return value


def _default_freshness() -> dict[str, FreshnessSource]:
    return {
        "orders": FreshnessSource(warn_after="1h"),
        "refunds": FreshnessSource(),
        "customers": FreshnessSource(),
        "sessions": FreshnessSource(warn_after="2h"),
        "ad_spend": FreshnessSource(warn_after="6h"),
    }


class AlertSettings(Frozen):
    """`[quality.alerts]`: where `semantic check --alert` sends failures (error) and warnings (warn); info goes to logs only.

    A webhook URL is a secret: write `env:NAME` to read it from the environment
    variable NAME rather than committing it in metrics.toml.
    """

    error: str | None = None  # e.g. the #analytics-incidents incoming webhook
    warn: str | None = None  # e.g. #analytics-monitoring
    timeout: float = Field(default=10.0, gt=0, le=120)
    retries: int = Field(default=3, ge=0, le=10)

    @field_validator("error", "warn")
    @classmethod
    def _webhook(cls, value: str | None) -> str | None:
        if value is not None and not (value.startswith(("https://", "http://")) or re.fullmatch(r"env:[A-Za-z_][A-Za-z0-9_]*", value)):
            raise ValueError("a webhook is an http(s) URL or env:VARIABLE (the URL is a secret: prefer env:)")
        return value


class QualitySettings(Frozen):
    """`[quality]`: settings several checks share."""

    freshness: dict[str, FreshnessSource] = Field(default_factory=_default_freshness)
    # PII tag -> column names that carry it (matched case-insensitively, in every relation of the source schema).
    pii_tags: dict[str, tuple[str, ...]] = Field(
        default_factory=lambda: {
            "email": ("email", "customer_email", "email_address"),
            "phone": ("phone", "phone_number"),
            "name": ("first_name", "last_name", "full_name"),
            "address": ("address1", "address2", "street_address"),
        }
    )
    # PII tag -> relations (physical table names) allowed to carry it.
    pii_allowed: dict[str, tuple[str, ...]] = Field(
        default_factory=lambda: {"email": ("orders", "customers"), "phone": ("customers",), "name": ("customers",), "address": ("customers",)}
    )
    alerts: AlertSettings = AlertSettings()
    # Schema where `--store-failures` keeps each failed check's rows (one table per check and run).
    failures_schema: str = Field(default="semantic_check_failures", min_length=1, max_length=63)
    # `semantic check --database` appends its results to <history_schema>.check_runs only when asked:
    # `--record`, or `history = true` here (`--no-record` wins). A read-only role still gets its results.
    history: bool = False
    history_schema: str = Field(default="semantic", min_length=1, max_length=63)
    # "table.column" (logical) -> the IANA zone a naive (zone-less) timestamp column is written in.
    zones: dict[str, str] = Field(default_factory=dict)

    @field_validator("zones")
    @classmethod
    def _iana_zones(cls, value: dict[str, str]) -> dict[str, str]:
        import zoneinfo

        known = zoneinfo.available_timezones()
        for column, zone in value.items():
            if "." not in column:
                raise ValueError(f"quality.zones keys are table.column, got {column!r}")
            if zone not in known:
                raise ValueError(f"quality.zones.{column} = {zone!r} is not an IANA time zone (e.g. America/New_York)")
        return value
