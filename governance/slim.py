"""Slim runs: the metrics whose fingerprints changed since a git revision, and everything downstream.

`semantic check --database URL --changed-since REV` runs only the data checks of
those metrics (the checks of the tables they read, `--select metric:NAME`) and
says which it skipped. A changed formula is noticed because fingerprints hash
the compiled SQL: the base revision is built in its own process from a
temporary checkout (as `semantic diff` does) and compared metric by metric.

>>> # slim = changed_since(project, "origin/main"); slim.selected
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from semantic.errors import GovernanceError
from semantic.project import Project

from semantic.governance.diff import SnapshotJob, run_snapshots
from semantic.governance.fingerprint import precompile
from semantic.governance.git import repository_root, worktree


@dataclass(frozen=True)
class SlimSelection:
    revision: str
    changed: tuple[str, ...]  # added, or a different fingerprint
    downstream: tuple[str, ...]  # metrics built on a changed one
    unchanged: tuple[str, ...]

    @property
    def selected(self) -> tuple[str, ...]:
        return tuple(sorted({*self.changed, *self.downstream}))

    def describe(self) -> str:
        if not self.selected:
            return f"slim run: no metric changed since {self.revision}; no data check of a metric runs (drop --changed-since for all)"
        text = f"slim run: {len(self.changed)} metric(s) changed since {self.revision} ({', '.join(self.changed)})"
        if self.downstream:
            text += f", {len(self.downstream)} downstream ({', '.join(self.downstream)})"
        return text + f"; skipping the checks of {len(self.unchanged)} unchanged metric(s) only (drop --changed-since for all)"


def changed_since(project: Project, revision: str) -> SlimSelection:
    """Compare the fingerprints of `project` now with those at `revision`."""
    if project.path is None:
        raise GovernanceError("--changed-since compares a project's git revisions; there is no metrics.toml here", hint="pass --config")
    root = repository_root(project.path.parent)
    if root is None:
        raise GovernanceError(f"{project.path} is not in a git repository; --changed-since needs one")
    relative = project.path.resolve().relative_to(root)
    catalog, config = project.catalog, project.config
    current = precompile(project, [catalog.resolve(n, config).ref for n in catalog.names()], config.project.dialects)
    now = {catalog.resolve(n, config).name: (r.fingerprint, r.own_fingerprint) for n, r in zip(catalog.names(), current.values())}
    before = _base_fingerprints(root, revision, relative)
    # Changed: its own definition moved (a ratio whose inputs alone moved is downstream of them).
    changed = sorted(n for n, (whole, own) in now.items() if whole is None or n not in before or before[n][1] != own)
    following = {n for n, (whole, _) in now.items() if n in before and before[n][0] != whole}
    downstream = sorted(({d for n in changed for d in catalog.dependents(n, config)} | following) - set(changed))
    unchanged = sorted(set(now) - set(changed) - set(downstream))
    return SlimSelection(revision, tuple(changed), tuple(downstream), tuple(unchanged))


def _base_fingerprints(root: Path, revision: str, relative: Path) -> dict[str, tuple[str | None, str | None]]:
    """name -> (whole, own) fingerprints at `revision`."""
    with worktree(root, revision) as tree:
        if not (tree / relative).is_file():
            return {}  # the project did not exist: every metric is new
        (base,) = run_snapshots([SnapshotJob(f"revision {revision!r}", tree / relative, tree)])
    return {m.name: (m.fingerprint, m.own_fingerprint or m.fingerprint) for m in base.metrics if m.is_metric}


def skipped_checks(project: Project, tokens: list[str], metrics: tuple[str, ...]) -> list[str]:
    """The enabled checks a slim selection leaves out (every check when nothing is selected)."""
    from semantic.checks import CheckScope, metric_tables, select_checks
    from semantic.scope import Scope

    catalog, config = project.catalog, project.config
    checks = dict(catalog.checks)
    everything = select_checks(checks, config, CheckScope())
    if not tokens:
        return [c.name for c in everything]
    scope = Scope.for_query(catalog, config, None, (), None)
    chosen = {c.name for c in select_checks(checks, config, CheckScope(select=tuple(tokens)), {m: metric_tables(catalog, scope, m) for m in metrics})}
    return [c.name for c in everything if c.name not in chosen]
