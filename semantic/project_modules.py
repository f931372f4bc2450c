"""A project's catalog: the built-in definitions plus those of the project's own modules.

metrics.toml may name Python files (`[project] modules = ["metrics/custom.py"]`,
relative to metrics.toml). Each defines `register(catalog)` and calls
`catalog.register(...)` with metrics (`Additive`, `Ratio`, new versions of
built-in ones), facts, dimensions or checks, on the project's own copy of the
catalog, so two projects never share state.

>>> # metrics/custom.py
>>> # from semantic.metrics import Ratio
>>> # def register(catalog):
>>> #     catalog.register(Ratio(name="refund_rate", version=1, ...))
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from pathlib import Path

from semantic.builtins import builtin_catalog
from semantic.catalog import Catalog
from semantic.errors import ConfigError, SemanticError


def project_catalog(modules: tuple[str, ...], root: Path, label: str) -> Catalog:
    """The built-in catalog plus what each module in `modules` registers, in order."""
    catalog = builtin_catalog()
    for index, relative in enumerate(modules):
        _load_module(catalog, relative, (root / relative).resolve(), index, label)
    return catalog


def _load_module(catalog: Catalog, relative: str, path: Path, index: int, label: str) -> None:
    if not path.is_file():
        raise ConfigError(f"project.modules names {relative!r}, which does not exist ({path})", path=label)
    if path.suffix != ".py":
        raise ConfigError(
            f"project.modules names {relative!r}, which is not a Python file", path=label,
            hint="list .py files that define register(catalog)",
        )
    name = f"semantic_project_module_{hashlib.sha256(str(path).encode()).hexdigest()[:12]}_{index}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"project.modules names {relative!r}, which Python cannot load as a module", path=label)
    try:
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        register = getattr(module, "register", None)
        if not callable(register):
            raise ConfigError(f"{relative} defines no register(catalog) function", path=str(path))
        register(catalog)
    except SemanticError:
        raise
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        line = frame.lineno if frame and frame.filename == str(path) else None
        raise ConfigError(f"{relative} failed to load: {type(exc).__name__}: {exc}", path=str(path), line=line) from None
    finally:
        sys.modules.pop(name, None)
