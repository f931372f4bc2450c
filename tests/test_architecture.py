"""The shape of the code: who may import whom, how big a module may grow, how fast the CLI starts.

- The model (`semantic/`, without the subpackages installed from `backends/`,
  `governance/` and `cli/`) never opens a connection, so it never imports
  `semantic.backends`, `semantic.governance` or `semantic.cli`;
- `semantic.backends` and `semantic.governance` never import `semantic.cli`;
- the four top-level packages import each other without cycles;
- no module is over 600 lines (exceptions would be listed in OVERSIZED, with why);
- `semantic --help` answers in under half a second and does not import Ibis.

Imports are read from the source with `ast`, wherever they are (a lazy import
inside a function counts too), except under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Folder -> the package it installs as (pyproject's package-dir mapping).
PACKAGES = {"semantic": "semantic", "backends": "semantic.backends", "governance": "semantic.governance", "cli": "semantic.cli"}
MODEL = "semantic"
MAX_LINES = 600
OVERSIZED: dict[str, str] = {}  # module -> why it may be longer (none today)
HELP_BUDGET_SECONDS = 0.5


def modules() -> dict[str, Path]:
    """Every module of the installed package, by dotted name."""
    found = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join([package, *parts])] = path
    return found


def top_level(module: str) -> str:
    """Which of the four packages a module belongs to ('semantic' is the model)."""
    for package in ("semantic.backends", "semantic.governance", "semantic.cli"):
        if module == package or module.startswith(package + "."):
            return package
    return MODEL


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports_of(module: str, path: Path) -> set[str]:
    """Absolute names of the `semantic` modules that `module` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            # `from semantic.cli import render` imports semantic.cli.render
            names = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(n for n in names if n == "semantic" or n.startswith("semantic."))
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return {module: imports_of(module, path) for module, path in modules().items()}


def test_the_model_never_imports_backends_governance_or_the_cli(graph):
    offending = {
        module: sorted(i for i in imported if top_level(i) != MODEL)
        for module, imported in graph.items()
        if top_level(module) == MODEL
    }
    assert {m: i for m, i in offending.items() if i} == {}


def test_backends_and_governance_never_import_the_cli(graph):
    offending = {
        module: sorted(i for i in imported if top_level(i) == "semantic.cli")
        for module, imported in graph.items()
        if top_level(module) in ("semantic.backends", "semantic.governance")
    }
    assert {m: i for m, i in offending.items() if i} == {}


def test_top_level_packages_import_each_other_without_cycles(graph):
    edges: dict[str, set[str]] = {p: set() for p in ("semantic", "semantic.backends", "semantic.governance", "semantic.cli")}
    for module, imported in graph.items():
        edges[top_level(module)].update(top_level(i) for i in imported if top_level(i) != top_level(module))

    def cycle_from(node: str, trail: tuple[str, ...]) -> tuple[str, ...] | None:
        for following in sorted(edges[node]):
            if following in trail:
                return (*trail[trail.index(following):], following)
            found = cycle_from(following, (*trail, following))
            if found:
                return found
        return None

    for package in edges:
        assert cycle_from(package, (package,)) is None, f"import cycle: {' -> '.join(cycle_from(package, (package,)))}"


def test_the_import_reader_sees_lazy_and_relative_imports(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import semantic.errors\n"
        "from . import sibling\n"
        "if TYPE_CHECKING:\n    from semantic.cli import app\n"
        "def later():\n    from semantic.backends.warehouse import connect\n"
    )
    found = imports_of("semantic.probe", source)
    assert {"semantic.errors", "semantic.sibling", "semantic.backends.warehouse"} <= found
    assert not any(name.startswith("semantic.cli") for name in found)


def test_no_module_is_over_600_lines():
    sizes = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in modules().items()}
    oversized = {m: n for m, n in sizes.items() if n > MAX_LINES and m not in OVERSIZED}
    assert oversized == {}, f"split these (one idea per module): {oversized}"
    assert all(sizes.get(m, 0) > MAX_LINES for m in OVERSIZED), "an exception that no longer applies: remove it"


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SEMANTIC_DEBUG", None)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


HELP = """
import json, sys
from semantic.cli.app import main
try:
    main(sys.argv[1:])
except SystemExit as exited:
    code = exited.code
engines = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('ibis', 'duckdb', 'psycopg', 'pyarrow', 'sqlglot')})
print('RESULT ' + json.dumps({'code': code, 'engines': engines}), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [("--help",), ("query", "--help"), ("load", "--help")])
def test_help_does_not_import_ibis_or_any_engine(args):
    done = _run(HELP, *args)
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("RESULT "), done.stderr
    result = json.loads(last.removeprefix("RESULT "))
    assert result["code"] in (0, None) and "Usage" in done.stdout, done.stderr
    assert result["engines"] == [], f"`semantic {' '.join(args)}` imported {result['engines']}"


def test_semantic_help_answers_in_under_half_a_second():
    """Whole process, interpreter start included: the best of three runs."""
    script = Path(sys.executable).with_name("semantic")
    command = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "semantic.cli.app", "--help"]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
        timings.append(time.perf_counter() - started)
        assert done.returncode == 0 and "Usage" in done.stdout, done.stderr
    assert min(timings) < HELP_BUDGET_SECONDS, f"semantic --help took {min(timings):.2f}s at best ({timings})"
