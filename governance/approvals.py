"""Edits to metrics.toml that keep its comments and layout: approvals and recorded fingerprints.

All writes go through tomlkit (so a reviewer's diff of metrics.toml shows only
the lines that changed) and are atomic: a temporary file beside metrics.toml,
then a rename, so a crash never leaves half a file.

>>> text = '[metrics.revenue]  # the money\\nowner = "a@example.com"\\n'
>>> print(add_approval(text, "revenue", "b@example.com", "sha256:00", "2026-12-01T10:00:00Z")[0], end="")
[metrics.revenue]  # the money
owner = "a@example.com"
approvals = [
    {by = "b@example.com", at = 2026-12-01T10:00:00Z, fingerprint = "sha256:00"},
]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tomlkit
from tomlkit.items import Table

from semantic.atomic_files import write_atomically
from semantic.errors import ConfigError


@dataclass(frozen=True)
class LockChange:
    """What `lock` did to one metric."""

    name: str
    before: str | None
    after: str
    archived_as: str | None = None  # key under `versions` the previous record moved to


def _parse(text: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(text)
    except Exception as exc:  # noqa: BLE001 - tomlkit raises its own family
        raise ConfigError(f"metrics.toml is not valid TOML: {exc}") from None


def _metric_table(doc: tomlkit.TOMLDocument, name: str, create: bool) -> Table | None:
    metrics = doc.get("metrics")
    if metrics is None:
        if not create:
            return None
        metrics = tomlkit.table(is_super_table=True)
        doc["metrics"] = metrics
    if name not in metrics:
        if not create:
            return None
        metrics[name] = tomlkit.table()
    return metrics[name]


def _timestamp(at: str | dt.datetime) -> Any:
    if isinstance(at, str):
        return tomlkit.item(dt.datetime.fromisoformat(at.replace("Z", "+00:00")))
    return tomlkit.item(at)


def _approval_item(by: str, at: Any, fingerprint: str, baseline: bool = False) -> Any:
    item = tomlkit.inline_table()
    item.update({"by": by, "at": _timestamp(at) if isinstance(at, (str, dt.datetime)) else at, "fingerprint": fingerprint})
    if baseline:
        item["baseline"] = True
    return item


def add_approval(text: str, metric: str, by: str, fingerprint: str, at: str | dt.datetime, baseline: bool = False) -> tuple[str, bool]:
    """metrics.toml text with an approval of `fingerprint` by `by`; False when already recorded."""
    doc = _parse(text)
    table = _metric_table(doc, metric, create=True)
    approvals = table.get("approvals")
    if approvals is None:
        approvals = tomlkit.array()
        approvals.multiline(True)
        table["approvals"] = approvals
    for existing in approvals:
        if existing.get("by", "").lower() == by.lower() and existing.get("fingerprint") == fingerprint:
            return text, False
    approvals.append(_approval_item(by, at, fingerprint, baseline))
    return tomlkit.dumps(doc), True


@dataclass(frozen=True)
class Locked:
    """What `lock` records for one metric."""

    version: int
    fingerprint: str
    own_fingerprint: str | None = None  # recorded only for metrics with metric inputs
    inputs_fingerprint: str | None = None

    def parts(self) -> dict[str, str]:
        if self.inputs_fingerprint is None or self.own_fingerprint is None:
            return {}
        return {"own_fingerprint": self.own_fingerprint, "inputs_fingerprint": self.inputs_fingerprint}


PART_KEYS = ("own_fingerprint", "inputs_fingerprint")


def record_fingerprints(
    text: str,
    current: Mapping[str, Locked],
    archive_keys: Mapping[str, str],
) -> tuple[str, list[LockChange]]:
    """metrics.toml text with `current` fingerprints recorded.

    A recorded fingerprint that differs moves, with its approvals, to
    `versions[archive_keys[name]]` so the history of a definition stays in the file.
    """
    doc = _parse(text)
    changes: list[LockChange] = []
    for name, locked in current.items():
        version, fingerprint = locked.version, locked.fingerprint
        table = _metric_table(doc, name, create=True)
        before = table.get("fingerprint")
        before = str(before) if before is not None else None
        if before == fingerprint:
            for key, value in locked.parts().items():
                if table.get(key) is None:
                    table[key] = value  # a record kept before the parts were: complete it
            continue
        if "version" not in table:
            table["version"] = version
        archived = None
        if before is not None:
            archived = archive_keys[name]
            record = tomlkit.inline_table()
            record["fingerprint"] = before
            for key in PART_KEYS:
                if table.get(key) is not None:
                    record[key] = str(table[key])
            old = table.get("approvals")
            if old:
                record["approved_by"] = sorted({str(a.get("by")) for a in old})
            versions = table.get("versions")
            if versions is None:
                versions = tomlkit.table()
                table["versions"] = versions
            versions[archived] = record
            if "approvals" in table:
                # Approvals belong to the fingerprint they approved; they moved with it.
                del table["approvals"]
        table["fingerprint"] = fingerprint
        for key in PART_KEYS:
            if key in table:
                del table[key]
        for key, value in locked.parts().items():
            table[key] = value
        changes.append(LockChange(name, before, fingerprint, archived))
    return tomlkit.dumps(doc), changes


def archive_key(versions: Mapping[str, Any], old_version: int, in_place: bool) -> str:
    """Where a superseded record goes: "1" for version 1 replaced by 2, "1.1", "1.2"... for fixes of 1."""
    if not in_place and str(old_version) not in versions:
        return str(old_version)
    n = 1
    while f"{old_version}.{n}" in versions:
        n += 1
    return f"{old_version}.{n}"


# -- the commands' logic: lock and approve a project --------------------------


def lock_project(project, names: tuple[str, ...] = (), write: bool = True) -> list[LockChange]:
    """Record the current fingerprint of every metric with an entry (or of `names`) in metrics.toml.

    A superseded record moves under `versions`: to "1" when version 1 was replaced
    by a new version (its definition is unchanged and still queryable as name@1),
    to "1.1", "1.2"... when version 1 itself was changed in place (a fix).
    """
    from semantic.errors import GovernanceError

    from semantic.governance.fingerprint import compile_for_governance

    if project.path is None:
        raise GovernanceError("there is no metrics.toml to lock", hint="run in a project directory or pass --config")
    registry, config = project.catalog, project.config
    # Without names, only metrics that already have an entry: creating `[metrics.X]`
    # tables for the others would race whoever is writing their owner and description.
    selected = names or tuple(n for n in registry.names() if n in config.metrics)
    current: dict[str, Locked] = {}
    archive: dict[str, str] = {}
    for name in selected:
        metric = registry.resolve(name, config)
        record = compile_for_governance(project, metric.ref, config.project.dialects)
        if record.fingerprint is None:
            raise GovernanceError(f"{metric.ref} does not compile, so it has no fingerprint: {next(iter(record.errors.values()))}")
        current[metric.name] = Locked(metric.version, record.fingerprint, record.own_fingerprint, record.inputs_fingerprint)
        entry = config.metrics.get(metric.name)
        if entry is None or entry.fingerprint in (None, record.fingerprint):
            continue
        replaced_version = entry.version
        for version, other in sorted(registry.versions(metric.name).items()):
            if version != metric.version:
                older = compile_for_governance(project, other.ref, config.project.dialects)
                if older.fingerprint == entry.fingerprint:
                    replaced_version = version
        archive[metric.name] = archive_key(entry.versions, replaced_version, in_place=replaced_version == metric.version)
    text, changes = record_fingerprints(project.text, current, archive)
    if write and text != project.text:
        write_atomically(project.path, text)
    return changes


def approve(project, name: str, by: str, at: dt.datetime | None = None) -> tuple[str, bool]:
    """Record `by`'s approval of the current fingerprint of `name`; returns (fingerprint, newly recorded)."""
    from semantic.errors import GovernanceError, UnknownNameError

    from semantic.governance.fingerprint import compile_for_governance
    from semantic.governance.policy import EMAIL

    if project.path is None:
        raise GovernanceError("there is no metrics.toml to record the approval in", hint="pass --config")
    if not EMAIL.match(by):
        raise GovernanceError(f"--by expects an email address, got {by!r}")
    registry, config = project.catalog, project.config
    entry = config.metrics.get(name)
    if name in registry.names():
        metric = registry.resolve(name, config)
        fingerprint = compile_for_governance(project, metric.ref, config.project.dialects).fingerprint
        if fingerprint is None:
            raise GovernanceError(f"{metric.ref} does not compile; there is nothing to approve")
        if entry is None or entry.fingerprint != fingerprint:
            raise GovernanceError(
                f"the definition of {metric.ref} is not locked (recorded {entry.fingerprint if entry else None}, now {fingerprint})",
                hint="run `semantic lock` first, so the approval is of the recorded definition",
            )
    elif entry is not None and entry.fingerprint:
        fingerprint = entry.fingerprint  # a governed definition that is not a metric: its recorded fingerprint
    else:
        raise UnknownNameError("metric", name, [*registry.names(), *config.metrics])
    at = at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    text, added = add_approval(project.text, name, by, fingerprint, at)
    if added:
        write_atomically(project.path, text)
    return fingerprint, added


def baseline(project, by: str, at: dt.datetime | None = None) -> list[tuple[str, str]]:
    """Lock every metric with an entry and record `by`'s baseline approval of each fingerprint.

    For a team adopting governance on metrics that already exist: the baseline says
    who accepted the definitions as they stand; every change after it needs the
    policy's approvals. Returns (ref, fingerprint) of each metric accepted.
    """
    from semantic.errors import GovernanceError
    from semantic.project import Project

    from semantic.governance.policy import EMAIL

    if not EMAIL.match(by):
        raise GovernanceError(f"--by expects an email address, got {by!r}")
    lock_project(project)
    project = Project.load(project.path)
    at = at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    text, accepted = project.text, []
    for name, entry in sorted(project.config.metrics.items()):
        if entry.fingerprint is None:
            continue
        text, _ = add_approval(text, name, by, entry.fingerprint, at, baseline=True)
        accepted.append((f"{name}@{entry.version}", entry.fingerprint))
    if text != project.text:
        write_atomically(project.path, text)
    if accepted:
        _log_baseline(project, by, at, accepted)
    return accepted


def _log_baseline(project, by: str, at: dt.datetime, accepted: list[tuple[str, str]]) -> None:
    from semantic.governance.changelog import add_unreleased_entry
    from semantic.governance.policy import load_policy

    path = project.root / load_policy(project).changelog
    refs = ", ".join(ref for ref, _ in accepted)
    bullet = f"Governance baseline: {refs} accepted as they stand by {by} on {at.date().isoformat()} (`semantic lock --baseline`)."
    write_atomically(path, add_unreleased_entry(path.read_text(encoding="utf-8") if path.is_file() else None, "Added", bullet))
