"""The schema of metrics.toml, as frozen pydantic models.

Every knob a metric depends on lives here with its default, so that a
definition is data: the planned Shopify-faithful mode is a set of knob values,
not new code. Parsing and error locating live in `semantic.project`.

>>> Config().revenue.refund_dating
'order_date'
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from semantic.contract import CONTRACT, FINANCIAL_STATUSES
from semantic.quality_config import CheckEntry, QualitySettings

# Every dialect a statement can be compiled to (pyspark: Spark SQL, run through Ibis's PySpark backend).
Dialect = Literal["duckdb", "postgres", "bigquery", "pyspark"]
DIALECTS: tuple[Dialect, ...] = ("duckdb", "postgres", "bigquery", "pyspark")
# What `semantic check` compiles every metric to unless `[project] dialects` says otherwise.
DEFAULT_DIALECTS: tuple[Dialect, ...] = ("duckdb", "postgres", "bigquery")

# Our dialect names -> sqlglot's.
SQLGLOT_DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "bigquery": "bigquery", "pyspark": "spark"}


def check_dialect(dialect: str) -> str:
    """`dialect` if it is one we compile to; else an error naming the nearest."""
    if dialect not in DIALECTS:
        from semantic.errors import UnknownNameError

        raise UnknownNameError("dialect", dialect, DIALECTS)
    return dialect
# The contract tables each source preset reads from a loader's tables (semantic.presets builds them).
PRESET_TABLES = {
    "fivetran_shopify": ("shops", "orders", "order_lines", "refunds", "customers"),
    "fivetran_shopify_graphql": ("shops", "orders", "order_lines", "refunds", "customers"),
}


class Frozen(BaseModel):
    """A strict, immutable config section: unknown keys are errors, not silence."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ProjectSettings(Frozen):
    name: str = "semantic"
    # Dialects every metric must compile to (`semantic check` verifies it).
    dialects: tuple[Dialect, ...] = DEFAULT_DIALECTS
    # Python files (relative to metrics.toml) defining this project's own metrics:
    # each defines `register(catalog)` and registers metrics (and facts, dimensions, checks) on it.
    modules: tuple[str, ...] = ()
    # A named set of knob values (semantic.profiles): "shopify" answers as Shopify admin's Sales report.
    profile: Literal["default", "shopify"] = "default"


class WarehouseSettings(Frozen):
    # The default warehouse when neither --database nor SEMANTIC_DATABASE is given.
    url: str | None = None


Scalar = bool | int | str


class SourceTable(Frozen):
    """Where one contract table physically lives, its column renames, and how it is shaped into the contract.

    A table with constants, fallbacks or a filter is a view: read in place, never loaded into.
    """

    name: str | None = None
    database: str | None = None
    columns: dict[str, str] = Field(default_factory=dict)
    # logical column -> a constant (the shop id of a one-shop table, say)
    constants: dict[str, Scalar] = Field(default_factory=dict)
    # logical column -> physical columns taken, in order, where the column itself is NULL
    fallbacks: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # logical column -> the type of the physical column it reads, when not the contract's (cast on reading)
    types: dict[str, str] = Field(default_factory=dict)
    # physical column -> the value rows must have (NULL counts as false for a boolean)
    where: dict[str, Scalar] = Field(default_factory=dict)

    @property
    def is_view(self) -> bool:
        return bool(self.constants or self.fallbacks or self.where)

    @field_validator("types")
    @classmethod
    def _ibis_types(cls, value: dict[str, str]) -> dict[str, str]:
        known = ("string", "int64", "int32", "float64", "decimal(18, 2)", "decimal(38, 9)", "boolean", "date",
                 "timestamp", "timestamp('UTC')")  # fmt: skip
        for column, kind in value.items():
            if kind not in known:
                raise ValueError(f"types.{column} = {kind!r} is not one of {', '.join(known)}")
        return value


class SourceSettings(Frozen):
    # Schema (PostgreSQL, DuckDB) or dataset (BigQuery) that holds the contract tables.
    database: str | None = None
    # Catalog (DuckDB database name) or BigQuery project; rarely needed.
    catalog: str | None = None
    tables: dict[str, SourceTable] = Field(default_factory=dict)
    # Read a loader's own tables in place (semantic.presets): "fivetran_shopify".
    preset: Literal["fivetran_shopify", "fivetran_shopify_graphql"] | None = None
    # The IANA zone of the wall-clock time the loader's naive timestamps hold (e.g. "UTC");
    # unset: its timestamps must be instants (TIMESTAMPTZ), and a naive one is refused.
    naive_timestamps: str | None = None
    # Several connections unioned into one schema: each row's shop is its source_relation column.
    source_relation: bool = False

    @field_validator("naive_timestamps")
    @classmethod
    def _iana_zone(cls, value: str | None) -> str | None:
        if value is None:
            return value
        import zoneinfo

        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone (e.g. \"UTC\", \"America/New_York\")") from None
        return value

    @model_validator(mode="after")
    def _known_tables_and_columns(self) -> SourceSettings:
        from semantic.errors import did_you_mean

        if self.preset:
            covered = [t for t in self.tables if t in PRESET_TABLES[self.preset]]
            if covered:
                raise ValueError(
                    f"sources.tables.{covered[0]} is read by preset {self.preset!r}; remove the mapping "
                    f"(the preset reads {', '.join(PRESET_TABLES[self.preset])}) or the preset"
                )

        for table, mapping in self.tables.items():
            if table not in CONTRACT:
                raise ValueError(
                    f"sources.tables.{table} is not a contract table.{did_you_mean(table, CONTRACT)} "
                    f"Contract tables: {', '.join(CONTRACT)}"
                )
            for key in ("columns", "constants", "fallbacks", "types"):
                for column in getattr(mapping, key):
                    if column not in CONTRACT[table].columns:
                        raise ValueError(
                            f"sources.tables.{table}.{key}.{column} is not a column of {table}."
                            f"{did_you_mean(column, CONTRACT[table].columns)}"
                        )
            both = set(mapping.constants) & (set(mapping.columns) | set(mapping.fallbacks))
            if both:
                raise ValueError(f"sources.tables.{table}: {sorted(both)[0]} is a constant and a column; keep one")
        return self


class OrderKnobs(Frozen):
    """Which orders count at all (an "included order")."""

    included_financial_statuses: tuple[str, ...] = ("paid", "partially_refunded", "refunded")
    exclude_test: bool = True
    exclude_cancelled: bool = True

    @field_validator("included_financial_statuses")
    @classmethod
    def _shopify_statuses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in value if s not in FINANCIAL_STATUSES]
        if unknown:
            raise ValueError(f"unknown financial_status {unknown}; Shopify's are {', '.join(FINANCIAL_STATUSES)}")
        if not value:
            raise ValueError("at least one financial_status must be included")
        return value


class RevenueKnobs(Frozen):
    """What revenue adds up and on which day a refund lands."""

    include_shipping: bool = True
    include_taxes: bool = True
    # order_date: a refund reduces the revenue of its order's day (restates history);
    # refund_date: on the refund's own shop-local day, as Shopify's reports do.
    refund_dating: Literal["order_date", "refund_date"] = "order_date"
    # A cancelled order (when cancelled orders count) returns what its refunds have not
    # returned yet on its cancellation day, as Shopify's reports do (a sale, then a return).
    cancellation_returns: bool = False


class SpendKnobs(Frozen):
    """Which ad platforms count as paid media spend."""

    paid_platforms: tuple[str, ...] = ("meta", "google")


class CustomerKnobs(Frozen):
    """Who is a new customer."""

    # Orders with these statuses (as the data stands now) never make a customer new.
    not_acquiring_statuses: tuple[str, ...] = ("refunded",)

    @field_validator("not_acquiring_statuses")
    @classmethod
    def _shopify_statuses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in value if s not in FINANCIAL_STATUSES]
        if unknown:
            raise ValueError(f"unknown financial_status {unknown}; Shopify's are {', '.join(FINANCIAL_STATUSES)}")
        return value


class AttributionKnobs(Frozen):
    """How orders are credited to the touchpoints before them (see semantic.attribution)."""

    # Candidates are touchpoints at most this many days (x 24 hours, exact) before the order.
    window_days: int = Field(default=7, ge=0, le=365)
    # UTMs used only when every one of these is present (else the referrer decides).
    required_utms: tuple[Literal["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"], ...] = (
        "utm_source",
        "utm_medium",
    )
    # The order's own landing_site/referring_site, when no session candidate is non-direct.
    use_order_landing_site: bool = True
    # True: a direct session is a click like any other and can win.
    count_direct_sessions: bool = False
    # Media (after normalisation) of paid clicks.
    paid_mediums: tuple[str, ...] = ("cpc", "ppc", "paid", "paid_social", "cpm", "display")
    # The shop's own hosts (and their subdomains): a referrer from one is no referrer.
    own_domains: tuple[str, ...] = ()
    # Checkout and platform hosts that are never a referrer; "*." matches any subdomain.
    internal_hosts: tuple[str, ...] = ("*.myshopify.com", "checkout.shopify.com", "shop.app")
    # ad_spend.platform -> the utm sources of its paid clicks; unmapped paid sources are their own platform.
    platforms: dict[str, tuple[str, ...]] = Field(
        default_factory=lambda: {"meta": ("facebook", "fb", "instagram", "ig", "meta"), "google": ("google", "adwords", "youtube")}
    )

    @field_validator("paid_mediums", "own_domains", "internal_hosts")
    @classmethod
    def _lower(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.strip().lower() for v in value)

    @field_validator("own_domains", "internal_hosts")
    @classmethod
    def _host_patterns(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        import re

        for pattern in value:
            if not re.fullmatch(r"(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?", pattern):
                raise ValueError(f"{pattern!r} is not a host pattern (a domain like shop.com, *.domain or name.*)")
        return value

    @field_validator("platforms")
    @classmethod
    def _one_platform_per_source(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        seen: dict[str, str] = {}
        for platform, sources in value.items():
            for source in sources:
                if source.lower() in seen:
                    raise ValueError(f"source {source!r} is mapped to both {seen[source.lower()]!r} and {platform!r}")
                seen[source.lower()] = platform
        return {p: tuple(s.lower() for s in sources) for p, sources in value.items()}


class Approval(Frozen):
    by: str
    at: dt.datetime | dt.date | str
    fingerprint: str
    # Recorded by `semantic lock --baseline`: the definition as it stood when governance began.
    baseline: bool = False


class MetricEntry(Frozen):
    """Governance metadata of one metric (see semantic.governance)."""

    owner: str | None = None
    description: str | None = None
    version: int = Field(default=1, ge=1)
    status: Literal["draft", "active", "deprecated"] = "active"
    sunset: dt.date | None = None
    fingerprint: str | None = None
    # For a metric with metric inputs (a ratio): its own definition's and its inputs' fingerprints,
    # so a change that only follows the inputs is told apart (semantic.governance.records).
    own_fingerprint: str | None = None
    inputs_fingerprint: str | None = None
    approvals: tuple[Approval, ...] = ()
    # Older versions still recorded (fingerprints of revenue@1 when revenue is at 2, ...).
    versions: dict[str, dict[str, Any]] = Field(default_factory=dict)


class Config(Frozen):
    """The whole of metrics.toml."""

    project: ProjectSettings = ProjectSettings()
    warehouse: WarehouseSettings = WarehouseSettings()
    sources: SourceSettings = SourceSettings()
    # Knob groups: top-level tables of metrics.toml, addressed as `--set revenue.refund_dating=...`.
    orders: OrderKnobs = OrderKnobs()
    revenue: RevenueKnobs = RevenueKnobs()
    spend: SpendKnobs = SpendKnobs()
    customers: CustomerKnobs = CustomerKnobs()
    attribution: AttributionKnobs = AttributionKnobs()
    metrics: dict[str, MetricEntry] = Field(default_factory=dict)
    # Governance policy; its schema is owned by semantic.governance.
    policy: dict[str, Any] = Field(default_factory=dict)
    # Backfill policy (environments' limits, roles); its schema is semantic.backfill_plan.BackfillPolicy.
    backfill: dict[str, Any] = Field(default_factory=dict)
    # Data checks: `[checks.NAME]` per check, `[quality]` for what several share (semantic.quality_config).
    checks: dict[str, CheckEntry] = Field(default_factory=dict)
    quality: QualitySettings = QualitySettings()

    def knob_group(self, name: str) -> BaseModel:
        """One knob group by name (`orders`, `revenue`, ...)."""
        if name not in KNOB_GROUPS:
            raise KeyError(name)
        return getattr(self, name)


# The top-level tables of metrics.toml that hold knobs (metrics depend on them by name).
KNOB_GROUPS: tuple[str, ...] = ("orders", "revenue", "spend", "customers", "attribution")
