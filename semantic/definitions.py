"""A project's metric registry: the built-in definitions plus the project's own modules.

metrics.toml may name Python files (`[project] modules = ["metrics/custom.py"]`,
relative to metrics.toml). Each defines `register(registry)`, which registers
`Additive` or `Ratio` metrics (or new versions of built-in ones) on the
project's own copy of the registry, so two projects never share state.

>>> # metrics/custom.py
>>> # from semantic.metrics import Ratio
>>> # def register(registry):
>>> #     registry.register(Ratio(name="refund_rate", version=1, ...))
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

import semantic.core_metrics  # noqa: F401  (registers the built-in metrics)
from semantic.errors import ConfigError, SemanticError
from semantic.metrics import REGISTRY, MetricRegistry


def project_registry(modules: tuple[str, ...], root: Path, label: str) -> MetricRegistry:
    """Built-in metrics plus those registered by each module in `modules`."""
    registry = REGISTRY.copy()
    for index, relative in enumerate(modules):
        path = (root / relative).resolve()
        if not path.is_file():
            raise ConfigError(f"project.modules names {relative!r}, which does not exist ({path})", path=label)
        name = f"semantic_project_module_{abs(hash(str(path)))}_{index}"
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            register = getattr(module, "register", None)
            if not callable(register):
                raise ConfigError(f"{relative} defines no register(registry) function", path=str(path))
            register(registry)
        except SemanticError:
            raise
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            line = frame.lineno if frame and frame.filename == str(path) else None
            raise ConfigError(
                f"{relative} failed to load: {type(exc).__name__}: {exc}", path=str(path), line=line
            ) from None
        finally:
            sys.modules.pop(name, None)
    return registry
