"""Temporary git repositories holding a governed project, for the governance tests.

A `GovRepo` is a fresh `git init` with metrics.toml (an entry per metric, every
metric locked and approved by two reviewers), CHANGELOG.md and an optional
defs.py, committed on `main` by dev@example.com. Tests then edit, lock, approve
and run the CLI in-process through `semantic.cli.app.main`.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

AUTHOR = "dev@example.com"
REVIEWERS = ("ana@example.com", "ben@example.com")

# A project metric defined in Python, so tests can change "the expression behind a metric".
DEFS_V1 = '''
from semantic.metrics import Additive, Contribution


def register(registry):
    registry.register(
        Additive(
            name="gross",
            version=1,
            description="Gross sales of included orders.",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.gross_sales),),
        )
    )
'''

CHANGELOG = """# Changelog

All notable changes to this project are documented here (Keep a Changelog).

## [Unreleased]

### Added
- Every core metric at version 1, and gross@1.
"""


def builtin_metric_names() -> tuple[str, ...]:
    from semantic.project import Project

    return Project.from_text("").catalog.names()


def metrics_toml(extra_entries: str = "", policy: str = 'allowed_owners = ["*@example.com"]', modules: bool = True) -> str:
    names = [*builtin_metric_names(), *(["gross"] if modules else [])]
    lines = [
        "# A governed test project.",
        "[project]",
        'name = "governed"',
        '# duckdb only: each dialect costs a compile per metric',
        'dialects = ["duckdb"]',
    ]
    if modules:
        lines.append('modules = ["defs.py"]')
    lines += ["", "[policy]", policy, ""]
    for name in names:
        owner = "growth@example.com" if "spend" in name or name in ("mer", "cac", "roas") else "analytics@example.com"
        lines += [f"[metrics.{name}]", f'owner = "{owner}"', f'description = "The {name} metric."', "version = 1", 'status = "active"', ""]
    return "\n".join(lines) + extra_entries


@dataclass
class GovRepo:
    path: Path

    @classmethod
    def create(cls, path: Path, defs: str | None = DEFS_V1, toml: str | None = None) -> GovRepo:
        path.mkdir(parents=True, exist_ok=True)
        repo = cls(path)
        repo.git("init", "-q", "-b", "main")
        repo.git("config", "user.email", AUTHOR)
        repo.git("config", "user.name", "Dev")
        repo.git("config", "commit.gpgsign", "false")
        if defs is not None:
            repo.write("defs.py", defs)
        repo.write("metrics.toml", toml if toml is not None else metrics_toml(modules=defs is not None))
        repo.write("CHANGELOG.md", CHANGELOG)
        repo.ok("lock")
        repo.approve_all()
        repo.commit("initial governed project")
        return repo

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.path, check=True, capture_output=True, text=True).stdout

    def write(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, f"{old!r} not in {name}"
        self.write(name, text.replace(old, new, 1))

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def run(self, *args: str) -> tuple[int, str]:
        """Run the CLI in this repository; returns (exit code, stdout + stderr)."""
        from semantic.cli.app import main

        out, err = io.StringIO(), io.StringIO()
        previous = Path.cwd()
        os.chdir(self.path)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    main(list(args))
                    code = 0
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os.chdir(previous)
        return code, out.getvalue() + err.getvalue()

    def ok(self, *args: str) -> str:
        code, output = self.run(*args)
        assert code == 0, output
        return output

    def metric_names(self) -> list[str]:
        import tomllib

        return list(tomllib.loads(self.read("metrics.toml")).get("metrics", {}))

    def approve_all(self, names: list[str] | None = None, reviewers: tuple[str, ...] = REVIEWERS) -> None:
        """Approve the recorded fingerprint of each metric by each reviewer, in one write."""
        import tomllib

        from semantic.governance.approvals import add_approval

        text = self.read("metrics.toml")
        entries = tomllib.loads(text)["metrics"]
        for name in names or list(entries):
            for reviewer in reviewers:
                text, _ = add_approval(text, name, reviewer, entries[name]["fingerprint"], "2026-11-30T12:00:00Z")
        self.write("metrics.toml", text)

    def set_knob(self, group: str, key: str, value: str) -> None:
        self.write("metrics.toml", self.read("metrics.toml") + f"\n[{group}]\n{key} = {value}\n")
