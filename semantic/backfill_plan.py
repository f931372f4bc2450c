"""A backfill as a plan: what it replaces, who asks, and whether the policy allows it.

The policy is the `[backfill]` table of metrics.toml; its defaults are the seed's
recommendation (story 4.8):

- development: no limit; staging: at most 90 days; production: at most 30 days,
  more only with an approver who holds the manager role;
- production backfills over 7 days need a manager's approval (`--approved-by`),
  and an approver is never the caller;
- engineers may backfill any environment; analysts at most 7 days in staging
  (and development); anyone else development only.

```toml
[backfill]
snapshot_retention_days = 7
[backfill.roles]
engineers = ["*@example.com"]
analysts = ["ana@example.com"]
managers = ["lead@example.com"]
```

>>> policy = BackfillPolicy.model_validate({"roles": {"engineers": ["*@shop.com"]}})
>>> policy.roles_of("eve@shop.com")
('engineer',)
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from semantic.catalog import Catalog
from semantic.config import Config
from semantic.errors import ConfigError, GovernanceError, QueryError, did_you_mean, shown
from semantic.materialized import materialized_metrics
from semantic.metrics import Additive

ENVIRONMENTS = ("dev", "staging", "production")
ROLE_NAMES = {"engineers": "engineer", "analysts": "analyst", "managers": "manager"}


class Roles(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    engineers: tuple[str, ...] = ()
    analysts: tuple[str, ...] = ()
    managers: tuple[str, ...] = ()


class BackfillPolicy(BaseModel):
    """The `[backfill]` table; every field defaults to the seed's recommendation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Days a backfill may span per environment; None: no limit.
    limits: dict[str, int | None] = Field(default_factory=lambda: {"dev": None, "staging": 90, "production": 30})
    # Production backfills longer than this need a manager's approval.
    production_days_without_approval: int = Field(default=7, ge=0)
    analyst_days: int = Field(default=7, ge=0)
    roles: Roles = Roles()
    snapshot_retention_days: int = Field(default=7, ge=0)
    # A lock whose heartbeat is older than this belongs to a run that is gone.
    lock_stale_after_seconds: int = Field(default=300, ge=1)

    @classmethod
    def of(cls, config: Config) -> BackfillPolicy:
        try:
            return cls.model_validate(config.backfill)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            raise ConfigError(f"[backfill] {where}: {error['msg']}", hint="see docs/backfills.md for the policy keys") from None

    def roles_of(self, email: str) -> tuple[str, ...]:
        """The roles whose patterns match `email` (case-insensitive)."""
        email = email.strip().lower()
        found = []
        for field, role in ROLE_NAMES.items():
            if any(fnmatch.fnmatchcase(email, pattern.strip().lower()) for pattern in getattr(self.roles, field)):
                found.append(role)
        return tuple(found)


@dataclass(frozen=True)
class BackfillRequest:
    start: dt.date
    end: dt.date
    reason: str
    environment: str
    actor: str
    shops: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    approved_by: str | None = None


@dataclass(frozen=True)
class BackfillPlan:
    """An allowed backfill: the request, its days and the additive metrics (definitions) it recomputes."""

    request: BackfillRequest
    metrics: tuple[Additive, ...]
    days: int
    rules: tuple[str, ...]  # the policy rules it was checked against, in words


def plan_backfill(catalog: Catalog, config: Config, request: BackfillRequest, known_shops: list[str]) -> BackfillPlan:
    """Check `request` against the policy (every refusal names the rule and the fix) and plan it."""
    policy = BackfillPolicy.of(config)
    if not request.reason.strip():
        raise GovernanceError("a backfill needs a reason: --reason TEXT (it is kept in the audit log)")
    if request.end < request.start:
        raise QueryError(f"--end {request.end} is before --start {request.start}")
    if request.environment not in ENVIRONMENTS:
        raise QueryError(f"--env must be one of {', '.join(ENVIRONMENTS)}, got {shown(request.environment)}")
    days = (request.end - request.start).days + 1
    rules = [_environment_rule(policy, request, days), _role_rule(policy, request, days)]
    for shop in request.shops:
        if shop not in known_shops:
            raise QueryError(f"unknown shop {shown(shop)}.{did_you_mean(shop, known_shops)}", hint="--shop takes a shop_id of the shops table")
    return BackfillPlan(request, tuple(_metrics(catalog, config, request.metrics)), days, tuple(r for r in rules if r))


def _environment_rule(policy: BackfillPolicy, request: BackfillRequest, days: int) -> str:
    limit = policy.limits.get(request.environment)
    manager_ok = _approved_by_manager(policy, request)
    if limit is not None and days > limit and not manager_ok:
        raise GovernanceError(
            f"{days} days is over the {request.environment} limit of {limit} days",
            hint="narrow --start/--end, or have a manager approve it (--approved-by EMAIL)",
        )
    needs = request.environment == "production" and days > policy.production_days_without_approval
    if needs and not manager_ok:
        raise GovernanceError(
            f"a production backfill of {days} days (over {policy.production_days_without_approval}) needs a manager's approval",
            hint="--approved-by EMAIL of someone listed in [backfill.roles] managers (not yourself)",
        )
    return f"{request.environment}: {days} days" + (f", approved by {request.approved_by}" if manager_ok else "")


def _approved_by_manager(policy: BackfillPolicy, request: BackfillRequest) -> bool:
    approver = request.approved_by
    if not approver:
        return False
    if approver.strip().lower() == request.actor.strip().lower():
        raise GovernanceError(f"{shown(approver)} cannot approve their own backfill", hint="ask another manager")
    if "manager" not in policy.roles_of(approver):
        raise GovernanceError(f"{shown(approver)} does not hold the manager role", hint="[backfill.roles] managers in metrics.toml")
    return True


def _role_rule(policy: BackfillPolicy, request: BackfillRequest, days: int) -> str:
    roles = policy.roles_of(request.actor)
    if "engineer" in roles:
        return f"{request.actor} is an engineer"
    if "analyst" in roles:
        if request.environment == "production":
            raise GovernanceError(f"analysts may not backfill production ({shown(request.actor)})", hint="ask an engineer")
        if request.environment == "staging" and days > policy.analyst_days:
            raise GovernanceError(
                f"analysts may backfill at most {policy.analyst_days} days in staging, this is {days}", hint="ask an engineer"
            )
        return f"{request.actor} is an analyst"
    if request.environment != "dev":
        raise GovernanceError(
            f"{shown(request.actor)} holds no backfill role for {request.environment}",
            hint="[backfill.roles] engineers / analysts in metrics.toml list who may",
        )
    return ""


def _metrics(catalog: Catalog, config: Config, tokens: tuple[str, ...]) -> list[Additive]:
    """The additive metrics to recompute: those `tokens` need (ratios through their parts), else all materialized."""
    if not tokens:
        return materialized_metrics(catalog, config)
    return [m for m in catalog.closure(list(tokens), config) if isinstance(m, Additive)]
