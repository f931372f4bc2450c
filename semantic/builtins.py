"""The built-in definitions, listed in one place and loaded by name into a catalog.

Each module named here defines `register(catalog)`; nothing is registered by
importing it. `builtin_catalog()` loads them in this order (facts and
dimensions first, then the metrics over them), the way sqlglot lists its
dialects in one table and loads each when first asked for.

>>> catalog = builtin_catalog()
>>> catalog.resolve("roas").dependencies()
('paid_attributed_revenue', 'roas_spend')
>>> builtin_catalog() is not builtin_catalog()  # every caller gets its own copy
True
"""

from __future__ import annotations

import functools
import importlib

from semantic.catalog import Catalog

BUILTIN_MODULES = (
    "semantic.facts",
    "semantic.dimensions",
    "semantic.core_metrics",
    "semantic.sales_report",
    "semantic.attribution.journeys",
    "semantic.attribution.metrics",
    "semantic.quality_checks",
    "semantic.freshness_checks",
    "semantic.catalog_checks",
    "semantic.trend_checks",
)


@functools.lru_cache(maxsize=1)
def _loaded() -> Catalog:
    catalog = Catalog()
    for name in BUILTIN_MODULES:
        importlib.import_module(name).register(catalog)
    return catalog


def builtin_catalog() -> Catalog:
    """A new catalog holding every built-in fact, dimension, metric and check."""
    return _loaded().copy()
