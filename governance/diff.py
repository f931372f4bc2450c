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
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from semantic.errors import ConfigError, GovernanceError

from semantic.governance.changelog import parse_changelog
from semantic.governance.classify import classify
from semantic.governance.policy import Policy

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


# -- git ----------------------------------------------------------------------


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def repository_root(path: Path) -> Path | None:
    """The top of the git repository holding `path`, or None outside one."""
    try:
        out = _git(["rev-parse", "--show-toplevel"], path)
    except OSError:
        return None
    return Path(out.stdout.strip()).resolve() if out.returncode == 0 else None


def _verify_revision(root: Path, revision: str) -> None:
    if revision.startswith("-") or _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root).returncode != 0:
        raise GovernanceError(f"git revision {revision!r} does not exist in {root}", hint="e.g. --base main or --base HEAD~1")


@contextmanager
def worktree(root: Path, revision: str) -> Iterator[Path]:
    """A temporary checkout of `revision`, removed afterwards."""
    _verify_revision(root, revision)
    parent = Path(tempfile.mkdtemp(prefix="semantic-diff-"))
    path = parent / "tree"
    out = _git(["worktree", "add", "--detach", "--quiet", str(path), revision], root)
    if out.returncode != 0:
        shutil.rmtree(parent, ignore_errors=True)
        raise GovernanceError(f"cannot check out {revision!r}: {out.stderr.strip()}")
    try:
        yield path
    finally:
        _git(["worktree", "remove", "--force", str(path)], root)
        shutil.rmtree(parent, ignore_errors=True)
        _git(["worktree", "prune"], root)


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


def run_snapshots(jobs: list[SnapshotJob], evaluate: tuple[str, str, str] | None = None) -> list[dict[str, Any]]:
    """Build every job's snapshot, each in its own process: in parallel, or one after
    the other when they evaluate on a warehouse (a DuckDB file admits one writer)."""
    results = []
    if evaluate:
        processes = [(job, None) for job in jobs]
    else:
        processes = [(job, _start(job, None)) for job in jobs]
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
        results.append(data)
    return results


# -- comparing ----------------------------------------------------------------


def _counted_approvals(entry: dict[str, Any], author: str | None, policy: Policy) -> tuple[list[str], list[str]]:
    counted, by_author = [], []
    for approval in entry.get("approvals", []):
        if approval["fingerprint"] != entry.get("fingerprint"):
            continue
        who = approval["by"].lower()
        if policy.approver_differs_from_author and author and who == author.lower():
            by_author.append(approval["by"])
        elif who not in counted:
            counted.append(who)
    return counted, by_author


def _similarity(removed: dict[str, Any], added: dict[str, Any]) -> float:
    if removed.get("fingerprint") and removed.get("fingerprint") == added.get("fingerprint"):
        return 1.0
    old = removed.get("sql", "").replace(removed["name"], added["name"])
    # Line by line: attribution SQL runs to 100 kB, too long to match character by character.
    return difflib.SequenceMatcher(None, old.splitlines(), added.get("sql", "").splitlines(), autojunk=False).ratio() if old else 0.0


def _sql_diff(base: dict[str, Any] | None, head: dict[str, Any] | None, labels: tuple[str, str]) -> str:
    before = (base or {}).get("sql", "")
    after = (head or {}).get("sql", "")
    if before == after:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(),
        after.splitlines(),
        fromfile=f"{(base or head)['ref']} ({labels[0]})",
        tofile=f"{(head or base)['ref']} ({labels[1]})",
        lineterm="",
    )
    return "\n".join(lines)


def compare(
    base: dict[str, Any],
    head: dict[str, Any],
    policy: Policy,
    author: str | None,
    labels: tuple[str, str] = ("base", WORKING_TREE),
) -> DiffReport:
    """The per-metric verdicts between two snapshots under `policy`."""
    before = {m["name"]: m for m in base["metrics"]}
    after = {m["name"]: m for m in head["metrics"]}
    base_log, head_log = parse_changelog(base.get("changelog")), parse_changelog(head.get("changelog"))
    old_entries = {(e.section, e.text) for e in base_log.entries}
    changed = {n for n in before.keys() & after.keys() if before[n].get("fingerprint") != after[n].get("fingerprint")}
    removed = sorted(before.keys() - after.keys())
    added = sorted(after.keys() - before.keys())
    renames: dict[str, str] = {}
    for old in removed:
        scored = sorted(((_similarity(before[old], after[new]), new) for new in added if new not in renames.values()), reverse=True)
        if scored and scored[0][0] >= RENAME_SIMILARITY:
            renames[old] = scored[0][1]
    renamed_to = {new: old for old, new in renames.items()}

    def dependents_of(name: str, snapshot: dict[str, dict[str, Any]]) -> tuple[str, ...]:
        return tuple(sorted(n for n, m in snapshot.items() if name in m.get("closure", [])))

    def new_changelog_entry(name: str, version: int, sections: tuple[str, ...]) -> str | None:
        for entry in head_log.entries_for(name, version):
            if entry.section in sections and (entry.section, entry.text) not in old_entries:
                return f"{entry.section} (line {entry.line}): {entry.text}"
        return None

    results = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        problems: list[str] = []
        notes: list[str] = []
        if new is None:
            rename = f"likely renamed to {renames[name]}" if name in renames else None
            if policy.require_deprecation_before_removal and old["status"] != "deprecated":
                problems.append(f"{name} was removed while {old['status']}: deprecate it with a sunset date first" + (f" ({rename})" if rename else ""))
            results.append(
                MetricDiff(name, "removed", ref_before=old["ref"], owner_before=old["owner"], verdict="removed",
                           dependents=dependents_of(name, before), rename=rename, sql_diff=_sql_diff(old, None, labels),
                           problems=tuple(problems))
            )
            continue
        problems += [f"{new['ref']} does not compile to {d}: {e}" for d, e in sorted(new.get("errors", {}).items())]
        if new.get("owner") is None:
            problems.append(f"{name} has no owner")
        elif not policy.owner_allowed(new["owner"]):
            problems.append(f"owner {new['owner']} of {name} is not allowed by the policy")
        counted, by_author = _counted_approvals(new, author, policy)
        notes += [f"the approval by {who} does not count: {who} is the change's author" for who in by_author]
        if new.get("kind") == "metric" and new.get("fingerprint") and new.get("recorded_fingerprint") != new.get("fingerprint"):
            problems.append(f"{new['ref']} is not locked: recorded {new.get('recorded_fingerprint')}, now {new['fingerprint']} (run `semantic lock`)")
        if old is None:
            rename = f"likely renamed from {renamed_to[name]}" if name in renamed_to else None
            required = policy.approvals
            verdict = "new metric"
            status, kinds, follows, changelog = "added", (), (), None
        else:
            rename = None
            kinds = classify(old, new)
            status = "changed" if kinds else "unchanged"
            follows = ()
            changelog = None
            v_old, v_new = old.get("version"), new.get("version")
            if name not in changed:
                required = 0
                verdict = "unchanged definition" if status == "unchanged" else "metadata only"
                if v_old != v_new:
                    problems.append(f"version went from {v_old} to {v_new} without a definition change")
            else:
                follows = tuple(sorted(d for d in new.get("closure", []) if d in changed))
                derived = bool(new.get("dependencies")) and new.get("dependencies") == old.get("dependencies") and follows
                if derived and v_old == v_new:
                    verdict = f"follows {', '.join(follows)} (same version)"
                    required = policy.approvals
                elif v_new == v_old:
                    verdict = "fix in place (same version)"
                    required = policy.approvals_for_definition_change
                    changelog = new_changelog_entry(name, v_new, ("Fixed",))
                    if changelog is None and policy.require_changelog:
                        problems.append(f"{name}@{v_new} changed in place: {policy.changelog} needs a new Fixed entry naming {name}@{v_new} (or make it {name}@{v_new + 1})")
                elif isinstance(v_old, int) and isinstance(v_new, int) and v_new == v_old + 1:
                    verdict = f"new version {name}@{v_new}"
                    required = policy.approvals_for_definition_change
                    if v_old not in new.get("versions", []):
                        problems.append(f"{name}@{v_old} is no longer defined: the old version must stay queryable")
                    changelog = new_changelog_entry(name, v_new, ("Added", "Changed", "Deprecated", "Fixed", "Removed", "Security"))
                    if changelog is None and policy.require_changelog:
                        problems.append(f"{name}@{v_new} is a new version: {policy.changelog} needs a new entry naming {name}@{v_new}")
                    if "knob" in kinds:
                        notes.append(f"a knob change applies to every version, {name}@{v_old} included")
                else:
                    verdict = f"version {v_old} -> {v_new}"
                    required = policy.approvals_for_definition_change
                    problems.append(f"version went from {v_old} to {v_new}: a definition change is the same version (a fix) or the next one")
        if new.get("kind") != "metric" and not new.get("fingerprint"):
            # Governed in metrics.toml but not a metric, and nothing recorded to approve.
            required = 0
            notes.append(f"{name} is not a metric: owner and status compared, no fingerprint to approve")
        if len(counted) < required:
            problems.append(f"{len(counted)} of {required} required approvals of {new.get('fingerprint')}")
        results.append(
            MetricDiff(
                name,
                status,
                kinds=kinds,
                ref_before=old["ref"] if old else None,
                ref_after=new["ref"],
                owner_before=old["owner"] if old else None,
                owner=new.get("owner"),
                verdict=verdict,
                approvals=tuple(counted),
                approvals_required=required,
                changelog=changelog,
                dependents=dependents_of(name, after),
                follows=follows,
                rename=rename,
                sql_diff=_sql_diff(old, new, labels),
                problems=tuple(problems),
                notes=tuple(notes),
            )
        )
    return DiffReport(labels[0], labels[1], tuple(results), author=author)


def _with_values(report: DiffReport, base: dict[str, Any], head: dict[str, Any], window: tuple[str, str]) -> DiffReport:
    import dataclasses

    metrics = []
    for item in report.metrics:
        old = base.get("evaluation", {}).get(item.name, {})
        new = head.get("evaluation", {}).get(item.name, {})
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
    try:
        policy = Policy.model_validate(head_snapshot.get("policy") or {})
    except ValidationError as exc:
        raise ConfigError(f"[policy] of {relative.as_posix()} is invalid: {exc.errors()[0]['msg']}") from None
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
