"""The `[policy]` table of metrics.toml: who may own, who must approve, what must be logged.

Defaults follow the plan's change-management recommendations: one
approval, two for a change to a metric's definition (or to attribution), the
approver is not the author, and a changed definition needs a CHANGELOG.md entry.

>>> policy = Policy.model_validate({"allowed_owners": ["*@example.com"]})
>>> policy.owner_allowed("growth-lead@example.com"), policy.owner_allowed("x@other.org")
(True, False)
>>> policy.approvals_required(definition_change=True)
2
"""

from __future__ import annotations

import fnmatch
import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from semantic.project import Project, validation_error

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Policy(BaseModel):
    """Governance rules; every field has the seed's recommended default."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Emails or shell patterns ("*@example.com"); empty means any email address.
    allowed_owners: tuple[str, ...] = ()
    # Approvals of the current fingerprint needed for a new metric or metadata.
    approvals: int = Field(default=1, ge=0)
    # Approvals needed when an existing definition changes (new version or fix).
    approvals_for_definition_change: int = Field(default=2, ge=0)
    # An approval by the change's author does not count.
    approver_differs_from_author: bool = True
    # A changed definition needs an entry naming `metric@version` in the changelog.
    require_changelog: bool = True
    changelog: str = "CHANGELOG.md"
    # Where `semantic codeowners` writes.
    codeowners: str = ".github/CODEOWNERS"
    # Removing an active metric without deprecating it first breaks its users.
    require_deprecation_before_removal: bool = True

    @field_validator("allowed_owners")
    @classmethod
    def _emails_or_patterns(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for owner in value:
            if "@" not in owner:
                raise ValueError(f"allowed_owners entry {owner!r} is neither an email nor a pattern like '*@example.com'")
        return value

    def owner_allowed(self, owner: str) -> bool:
        """Is `owner` an email the policy accepts?"""
        if not EMAIL.match(owner):
            return False
        if not self.allowed_owners:
            return True
        return any(fnmatch.fnmatchcase(owner.lower(), pattern.lower()) for pattern in self.allowed_owners)

    def approvals_required(self, definition_change: bool) -> int:
        return self.approvals_for_definition_change if definition_change else self.approvals


def load_policy(project: Project) -> Policy:
    """`project.config.policy` validated; errors name metrics.toml and the line."""
    return parse_policy(project.config.policy, project.text, str(project.path or "<defaults>"))


def parse_policy(raw: dict, text: str = "", label: str = "metrics.toml") -> Policy:
    """A [policy] table validated, or a ConfigError naming the key (see semantic.project.validation_error)."""
    try:
        return Policy.model_validate(raw or {})
    except ValidationError as exc:
        raise validation_error(exc, Policy, text, label, at=("policy",)) from None
