"""Every git call governance makes, in one place: the repository root, revisions, worktrees,
the change's author, ignored paths and the files changed since a revision.

Each call runs `git` with an argument list (never a shell) and a timeout; a
machine without git, or a folder outside a repository, answers None or an
empty set rather than raising.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from semantic.errors import GovernanceError

TIMEOUT_SECONDS = 60


def git(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str] | None:
    """`git ARGS` in `cwd`; None when git cannot be run at all."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None


def _output(args: list[str], cwd: Path) -> str | None:
    done = git(args, cwd)
    return done.stdout.strip() if done is not None and done.returncode == 0 and done.stdout.strip() else None


def repository_root(path: Path) -> Path | None:
    """The top of the git repository holding `path`, or None outside one."""
    top = _output(["rev-parse", "--show-toplevel"], path)
    return Path(top).resolve() if top else None


def verify_revision(root: Path, revision: str) -> str:
    """The commit `revision` names; a GovernanceError when there is none."""
    commit = None if revision.startswith("-") else _output(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    if commit is None:
        raise GovernanceError(f"git revision {revision!r} does not exist in {root}", hint="e.g. --base main or --base HEAD~1")
    return commit


@contextmanager
def worktree(root: Path, revision: str) -> Iterator[Path]:
    """A temporary checkout of `revision`, removed afterwards."""
    verify_revision(root, revision)
    parent = Path(tempfile.mkdtemp(prefix="semantic-diff-"))
    path = parent / "tree"
    done = git(["worktree", "add", "--detach", "--quiet", str(path), revision], root)
    if done is None or done.returncode != 0:
        shutil.rmtree(parent, ignore_errors=True)
        raise GovernanceError(f"cannot check out {revision!r}: {done.stderr.strip() if done else 'git is not available'}")
    try:
        yield path
    finally:
        git(["worktree", "remove", "--force", str(path)], root)
        shutil.rmtree(parent, ignore_errors=True)
        git(["worktree", "prune"], root)


def resolve_author(explicit: str | None, root: Path, config_file: str = "metrics.toml") -> str | None:
    """Who made the change: `--author`, else `git config user.email`, else the last author of metrics.toml."""
    if explicit:
        return explicit
    return _output(["config", "user.email"], root) or _output(["log", "-1", "--format=%ae", "--", config_file], root)


def repository_relative(path: Path) -> str | None:
    """`path` relative to the top of its repository (None outside one)."""
    root = repository_root(path.parent)
    if root is None:
        return None
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def ignored(root: Path, paths: list[str]) -> set[str]:
    """The repository-relative `paths` that git ignores in the repository at `root` (none outside git)."""
    if not paths:
        return set()
    done = git(["-C", str(root), "check-ignore", "--no-index", "-z", "--stdin"], root, stdin="\0".join(paths) + "\0")
    # Exit 0: some are ignored; 1: none; anything else: not a repository (nothing known to be ignored).
    if done is None or done.returncode != 0:
        return set()
    return {p for p in done.stdout.split("\0") if p}


def author_of_head(root: Path) -> str | None:
    """The author (name <email>) of the checked-out commit, for notifications."""
    return _output(["log", "-1", "--format=%an <%ae>"], root)
