"""Build one revision of a project in this process and print it as JSON, for `semantic diff`.

`semantic diff` runs this file once per revision, each in its own process, so
two versions of the same Python definitions never meet in one interpreter:

    python governance/snapshot.py --config metrics.toml [--code-root DIR] [--evaluate --start D --end D]

The warehouse to evaluate on comes from $SEMANTIC_SNAPSHOT_DATABASE (or
`--database URL`): a URL with a password must not appear on a command line.

With `--code-root DIR` (a checkout of the semantic repository itself) the
`semantic` package is imported from DIR, while this governance code (and its
fingerprint recipe) is the caller's, so both sides are hashed the same way.
Also runnable as `python -m semantic.governance.snapshot` for the installed code.

The output is one JSON object: {"ok": true, "metrics": [...], "changelog": ...}
or {"ok": false, "error": "...", "exit_code": 2}.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported lazily: `semantic` is mounted from the revision first
    from semantic.governance.records import ProjectSnapshot


def _mount(name: str, directory: Path) -> None:
    """Import package `name` from `directory` (whose layout differs from the import name)."""
    spec = importlib.util.spec_from_file_location(name, directory / "__init__.py", submodule_search_locations=[str(directory)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


def mount_code(code_root: Path | None) -> None:
    """Make `semantic` the code of `code_root` (when it is a semantic checkout) and governance ours."""
    here = Path(__file__).resolve().parent
    if sys.path and Path(sys.path[0] or ".").resolve() == here:
        sys.path.pop(0)  # run as a file: our siblings must not shadow other modules
    if code_root is None or not (code_root / "semantic" / "__init__.py").is_file():
        return
    _mount("semantic", code_root / "semantic")
    if (code_root / "backends" / "__init__.py").is_file():
        _mount("semantic.backends", code_root / "backends")
    _mount("semantic.governance", here)


def _metadata(name: str, entry: Any) -> dict[str, Any]:
    """The record fields read from metrics.toml (`entry` is None for a metric without one)."""
    from semantic.governance.records import ApprovalRecord

    if entry is None:
        return {"name": name}
    return {
        "name": name,
        "owner": entry.owner,
        "description": entry.description,
        "status": entry.status,
        "sunset": entry.sunset.isoformat() if entry.sunset else None,
        "recorded_version": entry.version,
        "recorded_fingerprint": entry.fingerprint,
        "approvals": [ApprovalRecord(by=a.by, at=str(a.at), fingerprint=a.fingerprint, baseline=getattr(a, "baseline", False)) for a in entry.approvals],
        "history": {k: v.get("fingerprint") for k, v in sorted(entry.versions.items())},
    }


def _compiled(project: Any, name: str) -> dict[str, Any]:
    from semantic.governance.fingerprint import compile_for_governance

    catalog, config = project.catalog, project.config
    metric = catalog.resolve(name, config)
    record = compile_for_governance(project, metric.ref, config.project.dialects)
    return {
        "ref": metric.ref,
        "version": metric.version,
        "versions": sorted(catalog.versions(name)),
        "unit": metric.unit,
        "dependencies": list(metric.dependencies()),
        "closure": [m.name for m in catalog.closure([name], config) if m.name != name],
        "fingerprint": record.fingerprint,
        "own_fingerprint": record.own_fingerprint,
        "inputs_fingerprint": record.inputs_fingerprint,
        "sql": record.sql,
        "knobs": record.knobs,
        "errors": record.errors,
    }


def build_snapshot(config_path: Path) -> ProjectSnapshot:
    """Every governed definition of the project at `config_path`, compiled and fingerprinted."""
    from semantic.project import Project

    from semantic.governance.fingerprint import precompile
    from semantic.governance.records import MetricSnapshot, ProjectSnapshot

    project = Project.load(config_path)
    config = project.config
    catalog = _catalog_of(project)
    changelog = project.root / str(config.policy.get("changelog", "CHANGELOG.md"))
    names = sorted(set(catalog.names()) | set(config.metrics))
    precompile(project, [catalog.resolve(n, config).ref for n in catalog.names()], config.project.dialects)
    metrics = []
    for name in names:
        entry = config.metrics.get(name)
        fields = _metadata(name, entry)
        if name in catalog.names():
            fields.update(_compiled(project, name))
        else:
            version = entry.version
            fields.update(kind="definition", ref=f"{name}@{version}", version=version, versions=[version], fingerprint=entry.fingerprint)
        metrics.append(MetricSnapshot.model_validate(fields))
    return ProjectSnapshot(
        project=config.project.name,
        policy=dict(config.policy),
        changelog=changelog.read_text(encoding="utf-8") if changelog.is_file() else None,
        metrics=tuple(metrics),
    )


def _catalog_of(project: Any) -> Any:
    """The project's catalog; a revision older than the catalog cannot be read by this code."""
    catalog = getattr(project, "catalog", None)
    if catalog is None:
        raise RevisionTooOld("its semantic package predates the project catalog")
    return catalog


class RevisionTooOld(Exception):
    """The revision's `semantic` code is older than this governance code can read."""


def evaluate(config_path: Path, url: str, start: str, end: str) -> dict[str, Any]:
    """Each metric by shop over [start, end] on the warehouse at `url`: {metric: {shop: value}}."""
    import datetime as dt

    from semantic.api import build_query
    from semantic.backends.runner import run_query
    from semantic.backends.connect import connect
    from semantic.project import Project

    project = Project.load(config_path)
    warehouse = connect(url)
    values: dict[str, Any] = {}
    try:
        for name in sorted(project.catalog.names()):
            try:
                built = build_query(project, [name], by=["shop"], start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))
                table = run_query(warehouse, built).to_pylist()
                values[name] = {"values": {str(r["shop_id"]): (None if r[name] is None else float(r[name])) for r in table}}
            except Exception as exc:  # noqa: BLE001 - one metric failing must not hide the others
                values[name] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
    finally:
        warehouse.close()
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--code-root")
    parser.add_argument("--evaluate", action="store_true")
    parser.add_argument("--database", default=os.environ.get("SEMANTIC_SNAPSHOT_DATABASE"))
    parser.add_argument("--start")
    parser.add_argument("--end")
    args = parser.parse_args(argv)
    try:
        mount_code(Path(args.code_root).resolve() if args.code_root else None)
        snapshot = build_snapshot(Path(args.config))
        if args.evaluate:
            snapshot = snapshot.model_copy(update={"evaluation": evaluate(Path(args.config), args.database, args.start, args.end)})
    except (ImportError, AttributeError, RevisionTooOld) as exc:
        # The revision's own code is older (or newer) than the interfaces this code reads.
        message = f"its code is not compatible with this semantic ({type(exc).__name__}: {exc}); pick a more recent base revision"
        print(json.dumps({"ok": False, "error": message, "exit_code": 2}))
        return 2
    except Exception as exc:  # noqa: BLE001 - reported to the parent as data, never a traceback
        code = getattr(exc, "exit_code", 2)
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        print(json.dumps({"ok": False, "error": message, "exit_code": code}))
        return code
    print(json.dumps({"ok": True, **snapshot.model_dump(mode="json")}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
