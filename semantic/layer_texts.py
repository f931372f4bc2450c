"""Layers' printed SQL kept on disk, so a new query over known layers composes cached text.

Attribution's layers (semantic.layers) are most of what compiling an
attribution query costs: Ibis renders each, sqlglot re-reads and prints it. Their
text depends only on what the layer is built from: the `semantic` package and
the project's module files, the whole configuration, the query's options
(the attribution model) and its split (a fact's scope carries it), never on the
query's metrics, shops or dates. `semantic.compile_cache` keys a namespace on exactly those (like the
governance cache) and opens a `LayerTexts` over it for the duration of one
compile; the compiler asks it before printing a layer and fills it after.
Beside each layer's text the store keeps its shape (`semantic.layers.LayerShape`:
columns, the layers and tables it reads), so that a new query in a new process
composes cached text without building the layers' expressions at all
(`Scope.fact`). Without a store (governance, export, SEMANTIC_NO_CACHE=1) layers
are built and printed as before. The entries live in the compile cache's `layers/` folder.

>>> import tempfile
>>> store = LayerTexts(Path(tempfile.mkdtemp()), "ns")
>>> store.put(("order_attribution", "duckdb"), ("\\"order_attribution\\" AS (SELECT 1)",))
>>> store.get(("order_attribution", "duckdb"))
('"order_attribution" AS (SELECT 1)',)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from semantic.atomic_files import write_atomically


@dataclass(frozen=True)
class LayerTexts:
    """The printed CTEs of layers under one namespace (package, modules, configuration, options)."""

    directory: Path
    namespace: str

    def _path(self, key: tuple) -> Path:
        digest = hashlib.sha256(json.dumps([self.namespace, *key]).encode("utf-8")).hexdigest()
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, key: tuple) -> tuple[str, ...] | None:
        texts = self.get_data(key)
        return tuple(texts) if isinstance(texts, list) and all(isinstance(t, str) for t in texts) else None

    def put(self, key: tuple, texts: tuple[str, ...]) -> None:
        self.put_data(key, list(texts))

    def get_data(self, key: tuple) -> Any:
        """What `put_data` kept under `key` (None if nothing, or unreadable)."""
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put_data(self, key: tuple, data: Any) -> None:
        try:
            write_atomically(self._path(key), json.dumps(data))
        except OSError:
            pass  # a cache that cannot be written only costs time


_CURRENT: ContextVar[LayerTexts | None] = ContextVar("semantic_layer_texts", default=None)


def current() -> LayerTexts | None:
    """The store the compile in progress may use (None: print every layer)."""
    return _CURRENT.get()


@contextlib.contextmanager
def using(store: LayerTexts | None) -> Iterator[None]:
    """Compile with `store` for layers' text inside the block."""
    token = _CURRENT.set(store)
    try:
        yield
    finally:
        _CURRENT.reset(token)


__all__ = ["LayerTexts", "current", "using"]
