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
from dataclasses import dataclass
from pathlib import Path

from semantic.config import MetricEntry
from semantic.errors import ConfigError
from semantic.metrics import Metric
from semantic.project import Project, locate

from semantic.governance.changelog import Changelog, parse_changelog
from semantic.governance.findings import Finding, Level
from semantic.governance.fingerprint import CompiledMetric, compile_for_governance, precompile
from semantic.governance.git import repository_relative
from semantic.governance.records import count_approvals, follows_inputs
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


def display_path(path: Path | None) -> str:
    """metrics.toml's path as annotations want it: relative to the git root (else to cwd)."""
    if path is None:
        return "<defaults>"
    relative = repository_relative(path)
    if relative is not None:
        return relative
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


def is_definition_change(entry: MetricEntry) -> bool:
    """A definition with older records (a new version or a fix) needs the stricter approval rule."""
    return bool(entry.versions)


def superseded_parts(entry: MetricEntry) -> tuple[str | None, str | None]:
    """(own, inputs) fingerprints of the record the current one replaced in place (None, None if none)."""
    fixes = sorted((k for k in entry.versions if k.startswith(f"{entry.version}.")), key=lambda k: int(k.partition(".")[2]))
    if not fixes:
        return None, None
    record = entry.versions[fixes[-1]]
    return record.get("own_fingerprint"), record.get("inputs_fingerprint")


def is_fix(entry: MetricEntry) -> bool:
    """The current version was changed in place (its superseded record is `versions."N.k"`)."""
    return any(key.startswith(f"{entry.version}.") for key in entry.versions)


@dataclass
class _Run:
    """One `check_project` run: the project, what it is judged against, and the findings so far."""

    project: Project
    author: str | None
    today: dt.date
    policy: Policy
    changelog: Changelog
    compiled: dict[str, CompiledMetric]
    file: str
    findings: list[Finding]

    def add(self, level: Level, code: str, message: str, name: str | None, *keys: str, effective: dt.date | None = None) -> None:
        text = self.project.text
        line = (locate(text, ("metrics", name, *keys)) or locate(text, ("metrics", name))) if name else None
        self.findings.append(Finding(level, code, message, file=self.file, line=line, object=name, effective=effective))

    def record(self, metric: Metric) -> CompiledMetric:
        return self.compiled.get(metric.ref) or compile_for_governance(self.project, metric.ref, self.project.config.project.dialects)


def check_project(
    project: Project,
    author: str | None = None,
    today: dt.date | None = None,
    compiled: dict[str, CompiledMetric] | None = None,
) -> list[Finding]:
    """Every governance finding for `project` (see the module docstring for the rules)."""
    policy = load_policy(project)
    definitions = governed_definitions(project)
    if compiled is None:
        refs = [g.metric.ref for g in definitions if g.metric is not None and (g.entry is None or g.entry.version in g.versions)]
        compiled = precompile(project, refs, project.config.project.dialects)
    run = _Run(project, author, today or dt.date.today(), policy, read_changelog(project, policy), compiled, display_path(project.path), [])
    seen: dict[str, str] = {}
    for item in definitions:
        if item.name.lower() in seen:
            run.add(Level.ERROR, "name", f"{item.name} and {seen[item.name.lower()]} differ only in case", item.name)
        seen[item.name.lower()] = item.name
    deprecated = {g.name: g.entry for g in definitions if g.entry and g.entry.status == "deprecated"}
    for item in definitions:
        _check_definition(run, item, deprecated)
    return run.findings


def _check_definition(run: _Run, item: Governed, deprecated: dict[str, MetricEntry]) -> None:
    name, entry, metric = item.name, item.entry, item.metric
    if entry is None:
        message = f"metric {name} has no [metrics.{name}] entry (owner, description, version) in metrics.toml"
        run.findings.append(Finding(Level.ERROR, "owner", message, file=run.file, object=name))
        for dialect, error in sorted(run.record(metric).errors.items()):
            run.findings.append(Finding(Level.ERROR, "compile", f"{metric.ref} does not compile to {dialect}: {error}", file=run.file, object=name))
        return
    _ownership(entry, name, run.policy, run.add)
    _lifecycle(entry, name, run.today, run.add)
    if metric is None:
        run.add(Level.WARNING, "definition", f"{name} is governed in metrics.toml but is not a metric; owner and status checked, fingerprint not verified", name)
        return
    if entry.version not in item.versions:
        known = ", ".join(f"{name}@{v}" for v in item.versions)
        run.add(Level.ERROR, "version", f"version = {entry.version} but only {known} is defined", name, "version")
        return
    if str(entry.version) in entry.versions:
        run.add(Level.ERROR, "version", f"{name}@{entry.version} is recorded twice: as the current version and under versions", name, "versions")
    for dependency in metric.dependencies():
        if dependency in deprecated and entry.status != "deprecated":
            sunset = deprecated[dependency].sunset
            level = Level.ERROR if sunset and sunset < run.today else Level.WARNING
            run.add(level, "deprecated", f"{name} depends on deprecated {dependency}" + (f" (sunset {sunset})" if sunset else ""), name)
    _check_record(run, name, entry, metric)


def _check_record(run: _Run, name: str, entry: MetricEntry, metric: Metric) -> None:
    """Compiling, the lock, approvals and the changelog of one metric at its recorded version."""
    record = run.record(metric)
    for dialect, error in sorted(record.errors.items()):
        run.add(Level.ERROR, "compile", f"{metric.ref} does not compile to {dialect}: {error}", name)
    if record.fingerprint is None:
        return
    if entry.fingerprint is None:
        run.add(Level.ERROR, "fingerprint", f"{metric.ref} has no recorded fingerprint (now {record.fingerprint}); run `semantic lock`", name)
        return
    if entry.fingerprint != record.fingerprint:
        run.add(
            Level.ERROR,
            "fingerprint",
            f"the definition of {metric.ref} changed (recorded {entry.fingerprint}, now {record.fingerprint}): "
            f"decide - a fix in place (same version, a Fixed changelog entry) or a new version "
            f"({name}@{entry.version + 1} registered, version = {entry.version + 1}) - then run `semantic lock`",
            name,
            "fingerprint",
        )
        return
    # A ratio changed in place only follows its inputs (aov follows revenue): the
    # inputs carry the changelog entry and the stricter approvals.
    follows = follows_inputs(superseded_parts(entry), (record.own_fingerprint, record.inputs_fingerprint))
    if entry.status != "draft":
        _approvals(entry, name, metric.ref, record.fingerprint, run.author, run.policy, run.add, follows)
    if run.policy.require_changelog and is_definition_change(entry) and not follows:
        _changelog(entry, name, run.changelog, run.policy, run.add)


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
    counted, by_author = count_approvals(entry.approvals, fingerprint, author, policy)
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
