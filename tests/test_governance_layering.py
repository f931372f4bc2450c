"""Layering: governance may import semantic (and its backends); semantic never imports governance."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_semantic_never_imports_governance():
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path) if m.startswith("semantic.governance"))
        for path in (ROOT / "semantic").rglob("*.py")
    }
    assert {p: m for p, m in offenders.items() if m} == {}


def test_governance_never_imports_the_cli():
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path) if m.startswith("semantic.cli"))
        for path in (ROOT / "governance").glob("*.py")
    }
    assert {p: m for p, m in offenders.items() if m} == {}
