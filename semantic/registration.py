"""How a module of definitions adds them to a catalog: `register(catalog)` calls `catalog.register(...)`.

Built-in definition modules (listed in `semantic.builtins`) and a project's own
modules (`[project] modules` in metrics.toml) each define

    def register(catalog: Registrar) -> None:
        catalog.register(Additive(name="merchandise_sales", ...))

and never touch module globals, so loading a module twice, or into two
projects, cannot leak definitions from one into the other.
"""

from __future__ import annotations

from typing import Any, Protocol


class Registrar(Protocol):
    """The one method a definition module needs of a catalog."""

    def register(self, definition: Any) -> Any: ...
