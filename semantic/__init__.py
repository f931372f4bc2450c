"""semantic: Shopify metrics and attribution written once in Ibis, compiled anywhere.

The model lives here and never opens a connection; `semantic.backends` runs it.
Names are imported lazily so that `semantic --help` does not pay for Ibis.

>>> import semantic
>>> project = semantic.load_project()
>>> built = semantic.build_query(project, ["revenue", "aov"], by=["month", "shop"])
>>> sql = semantic.compile_sql(built.expr, "bigquery")
"""

from __future__ import annotations

__version__ = "0.1.0"

_API = ("build_query", "compile_metric", "compile_sql", "list_metrics", "load_project")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from semantic import api

        return getattr(api, name)
    raise AttributeError(f"module 'semantic' has no attribute {name!r}")
