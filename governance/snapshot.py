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
from typing import Any


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


def _approvals(entry: Any) -> list[dict[str, str]]:
    return [{"by": a.by, "at": str(a.at), "fingerprint": a.fingerprint} for a in (entry.approvals if entry else ())]


def build_snapshot(config_path: Path) -> dict[str, Any]:
    """Every governed definition of the project at `config_path`, compiled and fingerprinted."""
    from semantic.project import Project

    from semantic.governance.fingerprint import compile_for_governance, precompile

    project = Project.load(config_path)
    config = project.config
    registry = project.catalog
    changelog_text = None
    changelog_name = str(config.policy.get("changelog", "CHANGELOG.md"))
    changelog = project.root / changelog_name
    if changelog.is_file():
        changelog_text = changelog.read_text(encoding="utf-8")
    metrics = []
    names = sorted(set(registry.names()) | set(config.metrics))
    precompile(project, [registry.resolve(n, config).ref for n in registry.names()], config.project.dialects)
    for name in names:
        entry = config.metrics.get(name)
        item: dict[str, Any] = {
            "name": name,
            "kind": "metric" if name in registry.names() else "definition",
            "owner": entry.owner if entry else None,
            "description": entry.description if entry else None,
            "status": entry.status if entry else "active",
            "sunset": entry.sunset.isoformat() if entry and entry.sunset else None,
            "recorded_version": entry.version if entry else None,
            "recorded_fingerprint": entry.fingerprint if entry else None,
            "approvals": _approvals(entry),
            "history": {k: v.get("fingerprint") for k, v in sorted(entry.versions.items())} if entry else {},
        }
        if item["kind"] == "metric":
            metric = registry.resolve(name, config)
            closure = registry.closure([name], config)
            record = compile_for_governance(project, metric.ref, config.project.dialects)
            item.update(
                ref=metric.ref,
                version=metric.version,
                versions=sorted(registry.versions(name)),
                unit=metric.unit,
                dependencies=list(metric.dependencies()),
                closure=[m.name for m in closure if m.name != name],
                fingerprint=record.fingerprint,
                sql=record.sql,
                knobs=record.knobs,
                errors=record.errors,
            )
        else:
            item.update(
                ref=f"{name}@{item['recorded_version']}",
                version=item["recorded_version"],
                versions=[item["recorded_version"]],
                unit=None,
                dependencies=[],
                closure=[],
                fingerprint=item["recorded_fingerprint"],
                sql="",
                knobs={},
                errors={},
            )
        metrics.append(item)
    return {
        "ok": True,
        "project": config.project.name,
        "policy": dict(config.policy),
        "changelog": changelog_text,
        "metrics": metrics,
    }


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
            snapshot["evaluation"] = evaluate(Path(args.config), args.database, args.start, args.end)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as data, never a traceback
        code = getattr(exc, "exit_code", 2)
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        print(json.dumps({"ok": False, "error": message, "exit_code": code}))
        return code
    print(json.dumps(snapshot, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
