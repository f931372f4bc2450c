"""`semantic diff`: what a change between two git revisions does to every governed metric.

Each revision is built in its own process (`snapshot.py`; the base in a
temporary `git worktree`), so the two versions of the Python definitions never
meet in one interpreter. The snapshots are then compared metric by metric:

- status: added, removed, changed or unchanged (a likely rename is named);
- kind of change: filter, measure expression, grain, knob or metadata only;
- the unified diff of the pretty SQL, versions before and after and whether the
  bump fits (same version = a fix in place, +1 = a new version with the old one
  still queryable), approvals present vs required, the changelog entry;
- the metrics that depend on it and so change too (aov and mer follow revenue).

The change satisfies the policy when no metric has a problem.

>>> # report = diff_revisions(base="main", head=None, config=None, author=None)
>>> # print(render_diff(report, "markdown"))
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from semantic.errors import GovernanceError

from semantic.governance.changelog import Changelog, parse_changelog
from semantic.governance.classify import classify
from semantic.governance.git import repository_root, worktree
from semantic.governance.policy import Policy, parse_policy
from semantic.governance.records import MetricSnapshot, ProjectSnapshot, count_approvals, follows_inputs

DIFF_FORMATS = ("text", "markdown", "json")
# How the warehouse URL reaches snapshot.py (see _start).
SNAPSHOT_DATABASE_ENV = "SEMANTIC_SNAPSHOT_DATABASE"
WORKING_TREE = "working tree"
RENAME_SIMILARITY = 0.9


@dataclass(frozen=True)
class ValueRow:
    """One metric on one shop over the window, on both sides."""

    shop: str
    base: float | None
    head: float | None

    @property
    def difference(self) -> float | None:
        return None if self.base is None or self.head is None else self.head - self.base

    @property
    def percent(self) -> float | None:
        if self.difference is None or not self.base:
            return None
        return 100.0 * self.difference / abs(self.base)


@dataclass(frozen=True)
class MetricDiff:
    """The verdict on one metric."""

    name: str
    status: str  # added, removed, changed, unchanged
    kinds: tuple[str, ...] = ()
    ref_before: str | None = None
    ref_after: str | None = None
    owner_before: str | None = None
    owner: str | None = None
    verdict: str = ""  # what the version decision is ("fix in place", "new version", ...)
    approvals: tuple[str, ...] = ()
    approvals_required: int = 0
    changelog: str | None = None
    dependents: tuple[str, ...] = ()
    follows: tuple[str, ...] = ()
    rename: str | None = None
    sql_diff: str = ""
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    values: tuple[ValueRow, ...] = ()
    value_errors: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "values"}
        data["values"] = [
            {"shop": v.shop, "base": v.base, "head": v.head, "difference": v.difference, "percent": v.percent} for v in self.values
        ]
        return json.loads(json.dumps(data))


@dataclass(frozen=True)
class DiffReport:
    base: str
    head: str
    metrics: tuple[MetricDiff, ...]
    author: str | None = None
    window: tuple[str, str] | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def satisfied(self) -> bool:
        return not self.problems and not any(m.problems for m in self.metrics)

    def as_json(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "author": self.author,
            "window": list(self.window) if self.window else None,
            "satisfied": self.satisfied,
            "problems": list(self.problems),
            "metrics": [m.as_json() for m in self.metrics],
        }


# -- snapshots ----------------------------------------------------------------


@dataclass(frozen=True)
class SnapshotJob:
    label: str
    config: Path
    code_root: Path


def _start(job: SnapshotJob, evaluate: tuple[str, str, str] | None) -> subprocess.Popen[str]:
    command = [sys.executable, str(Path(__file__).with_name("snapshot.py")), "--config", str(job.config), "--code-root", str(job.code_root)]
    env = {k: v for k, v in os.environ.items() if k not in ("SEMANTIC_CONFIG", "PYTHONPATH", SNAPSHOT_DATABASE_ENV)}
    if evaluate:
        # The URL may carry a password: through the environment (private to this
        # user), never on the command line, which every local user can read with `ps`.
        command += ["--evaluate", "--start", evaluate[1], "--end", evaluate[2]]
        env[SNAPSHOT_DATABASE_ENV] = evaluate[0]
    return subprocess.Popen(command, cwd=job.config.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def run_snapshots(jobs: list[SnapshotJob], evaluate: tuple[str, str, str] | None = None) -> list[ProjectSnapshot]:
    """Build every job's snapshot, each in its own process: in parallel, or one after
    the other when they evaluate on a warehouse (a DuckDB file admits one writer)."""
    results = []
    processes = [(job, None if evaluate else _start(job, None)) for job in jobs]
    for job, process in processes:
        process = process or _start(job, evaluate)
        stdout, stderr = process.communicate()
        try:
            data = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else None
        except ValueError:
            data = None
        if data is None:
            last = (stderr.strip().splitlines() or ["no output"])[-1]
            raise GovernanceError(f"cannot build the {job.label}: {last}")
        if not data.get("ok"):
            raise GovernanceError(f"cannot build the {job.label}: {data.get('error')}")
        results.append(ProjectSnapshot.model_validate(data))
    return results


# -- comparing ----------------------------------------------------------------


def _similarity(removed: MetricSnapshot, added: MetricSnapshot) -> float:
    if removed.fingerprint and removed.fingerprint == added.fingerprint:
        return 1.0
    old = removed.sql.replace(removed.name, added.name)
    # Line by line: attribution SQL runs to 100 kB, too long to match character by character.
    return difflib.SequenceMatcher(None, old.splitlines(), added.sql.splitlines(), autojunk=False).ratio() if old else 0.0


def _sql_diff(base: MetricSnapshot | None, head: MetricSnapshot | None, labels: tuple[str, str]) -> str:
    before = base.sql if base else ""
    after = head.sql if head else ""
    if before == after:
        return ""
    either = head or base
    lines = difflib.unified_diff(
        before.splitlines(),
        after.splitlines(),
        fromfile=f"{(base or either).ref} ({labels[0]})",
        tofile=f"{(head or either).ref} ({labels[1]})",
        lineterm="",
    )
    return "\n".join(lines)


def _renames(before: dict[str, MetricSnapshot], after: dict[str, MetricSnapshot]) -> dict[str, str]:
    """Removed name -> added name, for pairs whose SQL is nearly the same."""
    added = sorted(after.keys() - before.keys())
    renames: dict[str, str] = {}
    for old in sorted(before.keys() - after.keys()):
        scored = sorted(((_similarity(before[old], after[new]), new) for new in added if new not in renames.values()), reverse=True)
        if scored and scored[0][0] >= RENAME_SIMILARITY:
            renames[old] = scored[0][1]
    return renames


@dataclass(frozen=True)
class _Context:
    """What every metric's verdict is judged against."""

    policy: Policy
    author: str | None
    labels: tuple[str, str]
    before: dict[str, MetricSnapshot]
    after: dict[str, MetricSnapshot]
    head_log: Changelog
    old_entries: frozenset[tuple[str, str]]

    def dependents_of(self, name: str, side: dict[str, MetricSnapshot]) -> tuple[str, ...]:
        return tuple(sorted(n for n, m in side.items() if name in m.closure))

    def changed(self, name: str) -> bool:
        old, new = self.before.get(name), self.after.get(name)
        return old is not None and new is not None and old.fingerprint != new.fingerprint

    def new_changelog_entry(self, name: str, version: int, sections: tuple[str, ...]) -> str | None:
        for entry in self.head_log.entries_for(name, version):
            if entry.section in sections and (entry.section, entry.text) not in self.old_entries:
                return f"{entry.section} (line {entry.line}): {entry.text}"
        return None


@dataclass(frozen=True)
class _Verdict:
    verdict: str
    required: int
    follows: tuple[str, ...] = ()
    changelog: str | None = None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def compare(
    base: ProjectSnapshot,
    head: ProjectSnapshot,
    policy: Policy,
    author: str | None,
    labels: tuple[str, str] = ("base", WORKING_TREE),
) -> DiffReport:
    """The per-metric verdicts between two snapshots under `policy`."""
    base_log = parse_changelog(base.changelog)
    context = _Context(
        policy, author, labels, base.by_name(), head.by_name(), parse_changelog(head.changelog),
        frozenset((e.section, e.text) for e in base_log.entries),
    )
    renames = _renames(context.before, context.after)
    renamed_to = {new: old for old, new in renames.items()}
    results = []
    for name in sorted(context.before.keys() | context.after.keys()):
        old, new = context.before.get(name), context.after.get(name)
        if new is None:
            results.append(_removed(context, old, renames.get(name)))
        else:
            results.append(_present(context, old, new, renamed_to.get(name)))
    return DiffReport(labels[0], labels[1], tuple(results), author=author)


def _removed(context: _Context, old: MetricSnapshot, renamed_to: str | None) -> MetricDiff:
    rename = f"likely renamed to {renamed_to}" if renamed_to else None
    problems = []
    if context.policy.require_deprecation_before_removal and old.status != "deprecated":
        problems.append(f"{old.name} was removed while {old.status}: deprecate it with a sunset date first" + (f" ({rename})" if rename else ""))
    return MetricDiff(
        old.name, "removed", ref_before=old.ref, owner_before=old.owner, verdict="removed",
        dependents=context.dependents_of(old.name, context.before), rename=rename,
        sql_diff=_sql_diff(old, None, context.labels), problems=tuple(problems),
    )


def _standing(context: _Context, new: MetricSnapshot) -> tuple[list[str], list[str]]:
    """Problems and notes of the head side alone: compiling, ownership, the lock."""
    problems = [f"{new.ref} does not compile to {d}: {e}" for d, e in sorted(new.errors.items())]
    if new.owner is None:
        problems.append(f"{new.name} has no owner")
    elif not context.policy.owner_allowed(new.owner):
        problems.append(f"owner {new.owner} of {new.name} is not allowed by the policy")
    if new.is_metric and new.fingerprint and new.recorded_fingerprint != new.fingerprint:
        problems.append(f"{new.ref} is not locked: recorded {new.recorded_fingerprint}, now {new.fingerprint} (run `semantic lock`)")
    return problems, []


def _present(context: _Context, old: MetricSnapshot | None, new: MetricSnapshot, renamed_from: str | None) -> MetricDiff:
    problems, notes = _standing(context, new)
    counted, by_author = count_approvals(new.approvals, new.fingerprint, context.author, context.policy)
    notes += [f"the approval by {who} does not count: {who} is the change's author" for who in by_author]
    if old is None:
        kinds: tuple[str, ...] = ()
        status = "added"
        verdict = _Verdict("new metric", context.policy.approvals)
    else:
        kinds = classify(old.model_dump(), new.model_dump())
        status = "changed" if kinds else "unchanged"
        verdict = _version_verdict(context, old, new, kinds, status)
    problems += verdict.problems
    notes += verdict.notes
    required = verdict.required
    if not new.is_metric and not new.fingerprint:
        # Governed in metrics.toml but not a metric, and nothing recorded to approve.
        required = 0
        notes.append(f"{new.name} is not a metric: owner and status compared, no fingerprint to approve")
    if len(counted) < required:
        problems.append(f"{len(counted)} of {required} required approvals of {new.fingerprint}")
    return MetricDiff(
        new.name, status, kinds=kinds, ref_before=old.ref if old else None, ref_after=new.ref,
        owner_before=old.owner if old else None, owner=new.owner, verdict=verdict.verdict,
        approvals=tuple(counted), approvals_required=required, changelog=verdict.changelog,
        dependents=context.dependents_of(new.name, context.after), follows=verdict.follows,
        rename=f"likely renamed from {renamed_from}" if renamed_from else None,
        sql_diff=_sql_diff(old, new, context.labels), problems=tuple(problems), notes=tuple(notes),
    )


def _version_verdict(context: _Context, old: MetricSnapshot, new: MetricSnapshot, kinds: tuple[str, ...], status: str) -> _Verdict:
    """What the version decision is for a metric on both sides, and what it requires."""
    policy, name = context.policy, new.name
    v_old, v_new = old.version, new.version
    if not context.changed(name):
        bumped = (f"version went from {v_old} to {v_new} without a definition change",) if v_old != v_new else ()
        return _Verdict("unchanged definition" if status == "unchanged" else "metadata only", 0, problems=bumped)
    follows = tuple(sorted(d for d in new.closure if context.changed(d)))
    if v_old == v_new and follows_inputs(old.parts, new.parts):
        return _Verdict(f"follows {', '.join(follows)} (same version)", policy.approvals, follows=follows)
    strict = policy.approvals_for_definition_change
    if v_new == v_old:
        version = v_new or 1
        changelog = context.new_changelog_entry(name, version, ("Fixed",))
        fixes: tuple[str, ...] = ()
        if changelog is None and policy.require_changelog:
            fixes = (f"{name}@{version} changed in place: {policy.changelog} needs a new Fixed entry naming {name}@{version} (or make it {name}@{version + 1})",)
        return _Verdict("fix in place (same version)", strict, follows, changelog, fixes)
    if isinstance(v_old, int) and isinstance(v_new, int) and v_new == v_old + 1:
        problems: list[str] = []
        if v_old not in new.versions:
            problems.append(f"{name}@{v_old} is no longer defined: the old version must stay queryable")
        changelog = context.new_changelog_entry(name, v_new, ("Added", "Changed", "Deprecated", "Fixed", "Removed", "Security"))
        if changelog is None and policy.require_changelog:
            problems.append(f"{name}@{v_new} is a new version: {policy.changelog} needs a new entry naming {name}@{v_new}")
        notes = (f"a knob change applies to every version, {name}@{v_old} included",) if "knob" in kinds else ()
        return _Verdict(f"new version {name}@{v_new}", strict, follows, changelog, tuple(problems), notes)
    problem = f"version went from {v_old} to {v_new}: a definition change is the same version (a fix) or the next one"
    return _Verdict(f"version {v_old} -> {v_new}", strict, follows, problems=(problem,))


def _with_values(report: DiffReport, base: ProjectSnapshot, head: ProjectSnapshot, window: tuple[str, str]) -> DiffReport:
    import dataclasses

    metrics = []
    for item in report.metrics:
        old = base.evaluation.get(item.name, {})
        new = head.evaluation.get(item.name, {})
        shops = sorted(set(old.get("values", {})) | set(new.get("values", {})))
        rows = tuple(ValueRow(s, old.get("values", {}).get(s), new.get("values", {}).get(s)) for s in shops)
        errors = tuple(f"{side}: {e['error']}" for side, e in (("base", old), ("head", new)) if "error" in e)
        metrics.append(dataclasses.replace(item, values=rows, value_errors=errors))
    return dataclasses.replace(report, metrics=tuple(metrics), window=window)


def diff_revisions(
    base: str,
    head: str | None,
    config: str | None,
    author: str | None,
    author_resolver: Callable[[str | None, Path, str], str | None] | None = None,
    database: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    cwd: Path | None = None,
) -> DiffReport:
    """Build `base` and `head` (None: the working tree) in separate processes and compare them."""
    from semantic.project import find_project

    cwd = cwd or Path.cwd()
    project = find_project(config, start=cwd)
    if project.path is None:
        raise GovernanceError("no metrics.toml here or above; `semantic diff` compares a project's revisions", hint="pass --config")
    root = repository_root(project.path.parent)
    if root is None:
        raise GovernanceError(f"{project.path} is not in a git repository; `semantic diff` compares git revisions")
    relative = project.path.resolve().relative_to(root)
    evaluate = None
    window = None
    if database:
        from semantic.backends.connect import absolute_url, resolve_url

        end = end or dt.date.today() - dt.timedelta(days=1)
        start = start or end - dt.timedelta(days=27)
        if start > end:
            raise GovernanceError(f"--start {start} is after --end {end}")
        window = (start.isoformat(), end.isoformat())
        # The snapshots run in other directories (a worktree): a relative DuckDB path is the caller's.
        evaluate = (absolute_url(resolve_url(database, None, project.root), cwd), *window)
    with _checkout(root, base) as base_tree, _checkout(root, head) as head_tree:
        for revision, tree in ((base, base_tree), (head, head_tree)):
            if not (tree / relative).is_file():
                raise GovernanceError(f"revision {revision!r} has no {relative.as_posix()}", hint="pick a base revision where the project exists")
        jobs = [
            SnapshotJob(f"base revision {base!r}", tree / relative, tree)
            for tree in (base_tree,)
        ] + [SnapshotJob(WORKING_TREE if head is None else f"head revision {head!r}", head_tree / relative, head_tree)]
        base_snapshot, head_snapshot = run_snapshots(jobs, evaluate)
    policy = parse_policy(head_snapshot.policy, label=relative.as_posix())
    resolver = author_resolver or (lambda explicit, _root, _file: explicit)
    who = resolver(author, root, relative.as_posix())
    labels = (base, WORKING_TREE if head is None else head)
    report = compare(base_snapshot, head_snapshot, policy, who, labels)
    if window:
        report = _with_values(report, base_snapshot, head_snapshot, window)
    return report


@contextmanager
def _checkout(root: Path, revision: str | None) -> Iterator[Path]:
    if revision is None:
        yield root
    else:
        with worktree(root, revision) as path:
            yield path
