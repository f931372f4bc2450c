"""`semantic check`, governance part: every rule metrics.toml and the policy state, without a database.

Rules (each finding names metrics.toml and the line of the metric's entry):

- every metric has a `[metrics.NAME]` entry with an owner the policy allows;
- the recorded version exists (`revenue@2` is defined), no version is recorded twice;
- every metric compiles to every dialect of `[project] dialects`;
- the recorded fingerprint matches the definition (run `semantic lock` after deciding);
- the current fingerprint has the approvals the policy requires, not by the change's author;
- a changed definition (one with older records under `versions`) has a changelog entry;
- deprecated metrics carry a sunset date; before it they are future errors, after it errors.

>>> # findings = check_project(load_project(), author="dev@example.com")
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from semantic.config import MetricEntry
from semantic.errors import ConfigError
from semantic.metrics import Metric
from semantic.project import Project, locate

from semantic.governance.changelog import Changelog, parse_changelog
from semantic.governance.findings import Finding, Level
from semantic.governance.fingerprint import CompiledMetric, compile_for_governance, precompile
from semantic.governance.policy import Policy, load_policy


@dataclass(frozen=True)
class Governed:
    """One governed definition: a metric (resolved to its recorded version) or another entry."""

    name: str
    entry: MetricEntry | None
    metric: Metric | None  # None: governed in metrics.toml but not a metric (e.g. attribution)
    versions: tuple[int, ...] = ()  # every registered version of the metric


def governed_definitions(project: Project) -> list[Governed]:
    """Registered metrics, then entries of metrics.toml that are not metrics, sorted by name."""
    registry = project.catalog
    found = []
    for name in registry.names():
        found.append(
            Governed(name, project.config.metrics.get(name), registry.resolve(name, project.config), tuple(sorted(registry.versions(name))))
        )
    for name, entry in project.config.metrics.items():
        if name not in registry.names():
            found.append(Governed(name, entry, None))
    return sorted(found, key=lambda g: g.name)


def resolve_author(explicit: str | None, root: Path, config_file: str = "metrics.toml") -> str | None:
    """Who made the change: `--author`, else `git config user.email`, else the last author of metrics.toml."""
    if explicit:
        return explicit
    for command in (["git", "config", "user.email"], ["git", "log", "-1", "--format=%ae", "--", config_file]):
        try:
            out = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return None


def display_path(path: Path | None) -> str:
    """metrics.toml's path as annotations want it: relative to the git root (else to cwd)."""
    if path is None:
        return "<defaults>"
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path.parent, capture_output=True, text=True, timeout=10)
        if out.returncode == 0:
            return path.resolve().relative_to(Path(out.stdout.strip()).resolve()).as_posix()
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.name


def config_error_finding(exc: ConfigError) -> Finding:
    """An invalid metrics.toml (or project module) as an error finding at its file and line."""
    prefix = ""
    if exc.path:
        prefix = f"{exc.path}:{exc.line}: " if exc.line else f"{exc.path}: "
    message = exc.message.removeprefix(prefix)
    path = display_path(Path(exc.path)) if exc.path and not exc.path.startswith("<") else exc.path
    return Finding(Level.ERROR, "schema", message, file=path, line=exc.line)


def read_changelog(project: Project, policy: Policy) -> Changelog:
    path = project.root / policy.changelog
    return parse_changelog(path.read_text(encoding="utf-8") if path.is_file() else None)


def valid_approvals(entry: MetricEntry, fingerprint: str, author: str | None, policy: Policy) -> tuple[list[str], list[str]]:
    """(approvers that count, approvers that are the author) for `fingerprint`."""
    counted: list[str] = []
    by_author: list[str] = []
    for approval in entry.approvals:
        if approval.fingerprint != fingerprint:
            continue  # an approval belongs to the definition it approved
        who = approval.by.lower()
        if policy.approver_differs_from_author and author and who == author.lower():
            by_author.append(approval.by)
        elif who not in counted:
            counted.append(who)
    return counted, by_author


def is_definition_change(entry: MetricEntry) -> bool:
    """A definition with older records (a new version or a fix) needs the stricter approval rule."""
    return bool(entry.versions)


def is_fix(entry: MetricEntry) -> bool:
    """The current version was changed in place (its superseded record is `versions."N.k"`)."""
    return any(key.startswith(f"{entry.version}.") for key in entry.versions)


def check_project(
    project: Project,
    author: str | None = None,
    today: dt.date | None = None,
    compiled: dict[str, CompiledMetric] | None = None,
) -> list[Finding]:
    """Every governance finding for `project` (see the module docstring for the rules)."""
    today = today or dt.date.today()
    policy = load_policy(project)
    changelog = read_changelog(project, policy)
    file = display_path(project.path)
    text = project.text
    findings: list[Finding] = []

    def at(name: str, *keys: str) -> int | None:
        return locate(text, ("metrics", name, *keys)) or locate(text, ("metrics", name))

    def add(level: Level, code: str, message: str, name: str | None, *keys: str, effective: dt.date | None = None) -> None:
        line = at(name, *keys) if name else None
        findings.append(Finding(level, code, message, file=file, line=line, object=name, effective=effective))

    definitions = governed_definitions(project)
    if compiled is None:
        refs = [g.metric.ref for g in definitions if g.metric is not None and (g.entry is None or g.entry.version in g.versions)]
        compiled = precompile(project, refs, project.config.project.dialects)
    seen: dict[str, str] = {}
    for item in definitions:
        if item.name.lower() in seen:
            add(Level.ERROR, "name", f"{item.name} and {seen[item.name.lower()]} differ only in case", item.name)
        seen[item.name.lower()] = item.name
    deprecated = {g.name: g.entry for g in definitions if g.entry and g.entry.status == "deprecated"}

    for item in definitions:
        name, entry, metric = item.name, item.entry, item.metric
        if entry is None:
            message = f"metric {name} has no [metrics.{name}] entry (owner, description, version) in metrics.toml"
            findings.append(Finding(Level.ERROR, "owner", message, file=file, object=name))
            record = compiled.get(metric.ref) or compile_for_governance(project, metric.ref, project.config.project.dialects)
            for dialect, error in sorted(record.errors.items()):
                findings.append(Finding(Level.ERROR, "compile", f"{metric.ref} does not compile to {dialect}: {error}", file=file, object=name))
            continue
        _ownership(entry, name, policy, add)
        _lifecycle(entry, name, today, add)
        if metric is None:
            add(Level.WARNING, "definition", f"{name} is governed in metrics.toml but is not a metric; owner and status checked, fingerprint not verified", name)
            continue
        if entry.version not in item.versions:
            known = ", ".join(f"{name}@{v}" for v in item.versions)
            add(Level.ERROR, "version", f"version = {entry.version} but only {known} is defined", name, "version")
            continue
        if str(entry.version) in entry.versions:
            add(Level.ERROR, "version", f"{name}@{entry.version} is recorded twice: as the current version and under versions", name, "versions")
        for dependency in metric.dependencies():
            if dependency in deprecated and entry.status != "deprecated":
                sunset = deprecated[dependency].sunset
                level = Level.ERROR if sunset and sunset < today else Level.WARNING
                add(level, "deprecated", f"{name} depends on deprecated {dependency}" + (f" (sunset {sunset})" if sunset else ""), name)
        record = (compiled or {}).get(metric.ref) or compile_for_governance(project, metric.ref, project.config.project.dialects)
        for dialect, error in sorted(record.errors.items()):
            add(Level.ERROR, "compile", f"{metric.ref} does not compile to {dialect}: {error}", name)
        if record.fingerprint is None:
            continue
        if entry.fingerprint is None:
            add(Level.ERROR, "fingerprint", f"{metric.ref} has no recorded fingerprint (now {record.fingerprint}); run `semantic lock`", name)
            continue
        if entry.fingerprint != record.fingerprint:
            add(
                Level.ERROR,
                "fingerprint",
                f"the definition of {metric.ref} changed (recorded {entry.fingerprint}, now {record.fingerprint}): "
                f"decide - a fix in place (same version, a Fixed changelog entry) or a new version "
                f"({name}@{entry.version + 1} registered, version = {entry.version + 1}) - then run `semantic lock`",
                name,
                "fingerprint",
            )
            continue
        # A ratio changed in place only follows its inputs (aov follows revenue): the
        # inputs carry the changelog entry and the stricter approvals.
        follows = bool(metric.dependencies()) and not any("." not in key for key in entry.versions)
        if entry.status != "draft":
            _approvals(entry, name, metric.ref, record.fingerprint, author, policy, add, follows)
        if policy.require_changelog and is_definition_change(entry) and not follows:
            _changelog(entry, name, changelog, policy, add)
    from semantic.governance.data_checks import data_check_findings

    findings += data_check_findings(project, file)
    return findings


def _ownership(entry: MetricEntry, name: str, policy: Policy, add) -> None:
    if not entry.owner:
        add(Level.ERROR, "owner", f"{name} has no owner", name)
    elif not policy.owner_allowed(entry.owner):
        allowed = ", ".join(policy.allowed_owners) or "any email address"
        add(Level.ERROR, "owner", f"owner {entry.owner!r} of {name} is not allowed (allowed: {allowed})", name, "owner")
    if not entry.description:
        add(Level.WARNING, "description", f"{name} has no description", name)


def _lifecycle(entry: MetricEntry, name: str, today: dt.date, add) -> None:
    if entry.status == "deprecated":
        if entry.sunset is None:
            add(Level.ERROR, "deprecated", f"{name} is deprecated without a sunset date", name, "status")
        elif entry.sunset < today:
            add(Level.ERROR, "deprecated", f"{name} is past its sunset ({entry.sunset}); remove it and every use of it", name, "sunset")
        else:
            add(
                Level.FUTURE_ERROR,
                "deprecated",
                f"{name} is deprecated; keeping it after its sunset ({entry.sunset}) is an error",
                name,
                "sunset",
                effective=entry.sunset,
            )
    elif entry.sunset is not None:
        add(Level.WARNING, "deprecated", f"{name} has a sunset date but status {entry.status!r}", name, "sunset")


def _approvals(
    entry: MetricEntry, name: str, ref: str, fingerprint: str, author: str | None, policy: Policy, add, follows: bool = False
) -> None:
    counted, by_author = valid_approvals(entry, fingerprint, author, policy)
    for who in by_author:
        add(Level.WARNING, "approvals", f"the approval of {ref} by {who} does not count: {who} is the change's author", name, "approvals")
    changed = is_definition_change(entry) and not follows
    required = policy.approvals_required(changed)
    if len(counted) < required:
        kind = "a changed definition" if changed else "it"
        add(
            Level.ERROR,
            "approvals",
            f"{ref} has {len(counted)} of the {required} approvals {kind} needs for fingerprint {fingerprint} "
            f"(run `semantic approve {name} --by EMAIL`)",
            name,
            "approvals",
        )


def _changelog(entry: MetricEntry, name: str, changelog: Changelog, policy: Policy, add) -> None:
    ref = f"{name}@{entry.version}"
    if not changelog.exists:
        add(Level.ERROR, "changelog", f"{ref} changed, and there is no {policy.changelog}", name)
        return
    if is_fix(entry):
        if changelog.entry_for(name, entry.version, ("Fixed",)) is None:
            add(Level.ERROR, "changelog", f"{ref} was fixed in place: {policy.changelog} needs a Fixed entry naming {ref}", name)
    elif changelog.entry_for(name, entry.version) is None:
        add(Level.ERROR, "changelog", f"{ref} is a new version: {policy.changelog} needs an entry naming {ref}", name)
