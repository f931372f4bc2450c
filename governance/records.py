"""Typed governance records: one snapshot per metric, and the two rules both commands apply.

`snapshot.py` writes a `ProjectSnapshot` (as JSON, from a process of its own);
`semantic diff` reads two of them and `semantic check` builds the same records
in process. Both count approvals with `count_approvals` and decide whether a
changed metric only follows its inputs with `follows_inputs`, so the two
commands cannot disagree.

A metric carries three fingerprints, kept apart as SQLMesh keeps data,
metadata and parent hashes apart:

- `fingerprint`: the whole compiled definition (what approvals approve);
- `own_fingerprint`: the metric's own definition, its inputs by name only
  (for a metric without metric inputs, the same as `fingerprint`);
- `inputs_fingerprint`: its metric inputs' fingerprints (None without inputs).

>>> follows_inputs(before=("own:1", "in:1"), after=("own:1", "in:2"))
True
>>> follows_inputs(before=("own:1", "in:1"), after=("own:2", "in:2"))
False
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from semantic.governance.policy import Policy


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class ApprovalRecord(Record):
    by: str
    at: str
    fingerprint: str
    baseline: bool = False


class MetricSnapshot(Record):
    """One governed definition at one revision: its metadata, its records and how it compiles."""

    name: str
    kind: Literal["metric", "definition"] = "metric"
    # Metadata, from the metric's [metrics.NAME] entry.
    owner: str | None = None
    description: str | None = None
    status: str = "active"
    sunset: str | None = None
    # What metrics.toml records.
    recorded_version: int | None = None
    recorded_fingerprint: str | None = None
    approvals: tuple[ApprovalRecord, ...] = ()
    history: dict[str, str | None] = Field(default_factory=dict)
    # What the definition compiles to now.
    ref: str
    version: int | None = None
    versions: tuple[int, ...] = ()
    unit: str | None = None
    dependencies: tuple[str, ...] = ()
    closure: tuple[str, ...] = ()
    fingerprint: str | None = None
    own_fingerprint: str | None = None
    inputs_fingerprint: str | None = None
    sql: str = ""
    knobs: dict[str, Any] = Field(default_factory=dict)
    errors: dict[str, str] = Field(default_factory=dict)

    @property
    def is_metric(self) -> bool:
        return self.kind == "metric"

    @property
    def parts(self) -> tuple[str | None, str | None]:
        return (self.own_fingerprint, self.inputs_fingerprint)


class ProjectSnapshot(Record):
    """Every governed definition of a project at one revision (what `semantic diff` compares)."""

    project: str | None = None
    policy: dict[str, Any] = Field(default_factory=dict)
    changelog: str | None = None
    metrics: tuple[MetricSnapshot, ...] = ()
    evaluation: dict[str, Any] = Field(default_factory=dict)

    def by_name(self) -> dict[str, MetricSnapshot]:
        return {m.name: m for m in self.metrics}


def count_approvals(
    approvals: Iterable[Any], fingerprint: str | None, author: str | None, policy: Policy
) -> tuple[list[str], list[str]]:
    """(approvers who count, approvals by the change's author that do not) for `fingerprint`.

    An approval belongs to the fingerprint it approved; one person counts once;
    the author's own approval does not count when the policy says so, except a
    baseline (`semantic lock --baseline`), which accepts definitions that existed
    before governance began rather than reviewing a change.
    """
    counted: list[str] = []
    by_author: list[str] = []
    for approval in approvals:
        if fingerprint is None or approval.fingerprint != fingerprint:
            continue
        who = approval.by.lower()
        if policy.approver_differs_from_author and author and who == author.lower() and not getattr(approval, "baseline", False):
            by_author.append(approval.by)
        elif who not in counted:
            counted.append(who)
    return counted, by_author


def follows_inputs(before: tuple[str | None, str | None], after: tuple[str | None, str | None]) -> bool:
    """A change that only follows the metric's inputs: its own definition is the same, its inputs moved.

    `before` and `after` are (own fingerprint, inputs fingerprint). Unknown own
    fingerprints (records written before they were kept) never count as following.
    """
    (own_before, inputs_before), (own_after, inputs_after) = before, after
    if own_before is None or own_after is None or inputs_after is None:
        return False
    return own_before == own_after and inputs_before != inputs_after
