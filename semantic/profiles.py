"""Definition profiles: named sets of knob values, not code paths.

`[project] profile = "shopify"` (or `--set profile=shopify` for one run) sets
the knobs below so that the metrics answer as Shopify admin's Sales report:
every order but test (and deleted) ones counts, cancelled, pending and unpaid
included; a refund lands on the day it was processed; a cancellation is a sale
on its order day and a return on its cancellation day; the first order ever
makes a customer new.

A knob metrics.toml sets to another value than its profile is an error (the
profile would silently not be the profile); `--set` after it may still change
one for a run.

>>> PROFILES["shopify"]["revenue"]["refund_dating"]
'refund_date'
"""

from __future__ import annotations

import copy
from types import MappingProxyType
from typing import Any

from semantic.contract import FINANCIAL_STATUSES

PROFILES: MappingProxyType = MappingProxyType(
    {
        "default": {},
        "shopify": {
            "orders": {
                "included_financial_statuses": list(FINANCIAL_STATUSES),
                "exclude_test": True,
                "exclude_cancelled": False,
            },
            "revenue": {
                "include_shipping": True,
                "include_taxes": True,
                "refund_dating": "refund_date",
                "cancellation_returns": True,
            },
            "customers": {"not_acquiring_statuses": []},
        },
    }
)


def profile_name(raw: dict[str, Any]) -> str:
    project = raw.get("project")
    name = project.get("profile", "default") if isinstance(project, dict) else "default"
    return name if isinstance(name, str) else "default"


def conflicts(raw: dict[str, Any], name: str) -> list[tuple[tuple[str, str], Any, Any]]:
    """Knobs `raw` sets to another value than profile `name`: ((group, knob), profile's, raw's)."""
    found = []
    for group, knobs in PROFILES.get(name, {}).items():
        mine = raw.get(group)
        if not isinstance(mine, dict):
            continue
        for knob, value in knobs.items():
            if knob in mine and _normal(mine[knob]) != _normal(value):
                found.append(((group, knob), value, mine[knob]))
    return found


def apply_profile(raw: dict[str, Any], name: str, *, override: bool) -> dict[str, Any]:
    """`raw` with profile `name`'s knobs: beneath raw's own (override=False) or over them (True)."""
    out = copy.deepcopy(raw)
    for group, knobs in PROFILES.get(name, {}).items():
        section = out.setdefault(group, {})
        if not isinstance(section, dict):
            continue  # validation names the malformed table
        for knob, value in knobs.items():
            if override or knob not in section:
                section[knob] = copy.deepcopy(value)
    return out


def _normal(value: Any) -> Any:
    return tuple(value) if isinstance(value, (list, tuple)) else value
