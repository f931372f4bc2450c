"""The shape of the code: who may import whom, how big a module may grow, how fast the CLI starts.

- The model (`semantic/`, without the subpackages installed from `backends/`,
  `governance/` and `cli/`) never opens a connection, so it never imports
  `semantic.backends`, `semantic.governance` or `semantic.cli`;
- `semantic.backends` and `semantic.governance` never import `semantic.cli`;
- the four top-level packages import each other without cycles, and no two
  modules do either (imports under `if TYPE_CHECKING:` included: a cycle hidden
  from the interpreter is still a cycle for the reader);
- definitions live in a project's catalog: no model module keeps `global`
  state or registers anything when imported;
- no module is over 600 lines (exceptions would be listed in OVERSIZED, with why);
- `semantic --help` answers in under half a second and does not import Ibis.

Imports are read from the source with `ast`, wherever they are (a lazy import
inside a function counts too); the package rules leave out imports under
`if TYPE_CHECKING:`, the module-cycle rule does not.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
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


def imports_of(module: str, path: Path, type_checking: bool = False) -> set[str]:
    """Absolute names of the `semantic` modules that `module` imports (with `type_checking`, those under TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(tree):
        if not type_checking and _type_checking_only(node, parents):
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


def module_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every set of modules that import each other in a circle (strongly connected components of size > 1)."""
    edges = {m: {i for i in imported if i in graph and i != m} for m, imported in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for following in sorted(edges[node]):
            if following not in index:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in stack:
                low[node] = min(low[node], index[following])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return cycles


def test_no_two_modules_import_each_other_even_for_type_checking():
    graph = {module: imports_of(module, path, type_checking=True) for module, path in modules().items()}
    assert module_cycles(graph) == []


def test_the_cycle_reader_finds_a_cycle_hidden_under_type_checking(tmp_path):
    # The shape of the cycle this rule was written for: query -> attribution.metrics -> dimensions -> query.
    (tmp_path / "query.py").write_text("import semantic.attribution_metrics\n")
    (tmp_path / "attribution_metrics.py").write_text("from semantic.dimensions import Dimension\n")
    (tmp_path / "dimensions.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from semantic.query import Built\n")
    names = {"semantic.query": "query.py", "semantic.attribution_metrics": "attribution_metrics.py", "semantic.dimensions": "dimensions.py"}
    graph = {m: imports_of(m, tmp_path / f, type_checking=True) for m, f in names.items()}
    assert module_cycles(graph) == [sorted(names)]
    without = {m: imports_of(m, tmp_path / f) for m, f in names.items()}
    assert module_cycles(without) == []


def test_model_modules_keep_no_global_state_and_register_nothing_on_import():
    offending = []
    for module, path in modules().items():
        if top_level(module) != MODEL:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offending += [f"{module}:{n.lineno} global" for n in ast.walk(tree) if isinstance(n, ast.Global)]
        for node in tree.body:  # module level only
            call = node.value if isinstance(node, ast.Expr) else None
            if isinstance(call, ast.Call) and "register" in ast.unparse(call.func):
                offending.append(f"{module}:{node.lineno} {ast.unparse(call)[:60]}")
            for decorator in getattr(node, "decorator_list", []):
                if any(word in ast.unparse(decorator) for word in ("register", "fact(")):
                    offending.append(f"{module}:{node.lineno} @{ast.unparse(decorator)}")
    assert offending == []


def test_two_projects_never_share_definitions(tmp_path):
    from semantic.project import Project

    (tmp_path / "defs.py").write_text(
        "from semantic.metrics import Additive, Contribution\n"
        "def register(catalog):\n"
        "    catalog.register(Additive(name='gross', version=1, description='', unit='money',\n"
        "        contributions=(Contribution('included_orders', lambda t, c: t.gross_sales),)))\n"
    )
    (tmp_path / "metrics.toml").write_text('[project]\nmodules = ["defs.py"]\n')
    custom = Project.load(tmp_path / "metrics.toml")
    assert "gross" in custom.catalog.names()
    assert "gross" not in Project.from_text("").catalog.names()
    assert custom.catalog.metric_versions is not Project.from_text("").catalog.metric_versions


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
    """Whole process, interpreter start included: the best of three runs, in CPU seconds
    (user + system of the child), which other work on a loaded machine does not inflate."""
    import resource

    script = Path(sys.executable).with_name("semantic")
    command = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "semantic.cli.app", "--help"]
    timings = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        timings.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        assert done.returncode == 0 and "Usage" in done.stdout, done.stderr
    assert min(timings) < HELP_BUDGET_SECONDS, f"semantic --help took {min(timings):.2f} CPU seconds at best ({timings})"


def _sources(*folders: str) -> dict[str, str]:
    return {f"{folder}/{p.name}": p.read_text(encoding="utf-8") for folder in folders for p in sorted((ROOT / folder).glob("*.py"))}


def test_governance_has_one_approval_rule_one_follows_rule_and_one_git_module():
    sources = _sources("semantic", "backends", "governance", "cli")
    counting = {path for path, text in sources.items() if "approver_differs_from_author" in text}
    assert counting == {"governance/policy.py", "governance/records.py"}, counting
    following = {path for path, text in sources.items() if "follows_inputs(" in text}
    assert following == {"governance/records.py", "governance/check.py", "governance/diff.py"}, following
    git_calls = {path for path, text in sources.items() if '"git"' in text}
    assert git_calls == {"governance/git.py"}, git_calls
    writers = {path for path, text in sources.items() if "os.replace(" in text or "NamedTemporaryFile(" in text}
    assert writers <= {"semantic/atomic_files.py"}, writers
    # diff reads typed snapshots, never the JSON dicts snapshot.py prints.
    assert "ProjectSnapshot.model_validate" in sources["governance/diff.py"]
