"""A metric joined with its metadata in metrics.toml: owner, description, status, sunset.

One view, so that every reader (`semantic metrics`, `export`'s file headers,
deprecation warnings, governance snapshots) gives the same answer for a metric
that has no `[metrics.NAME]` entry: no owner, the definition's own description,
status active.

>>> from semantic.builtins import builtin_catalog
>>> from semantic.config import Config
>>> info = metric_info(builtin_catalog(), Config(), "aov")
>>> (info.ref, info.owner, info.status)
('aov@1', None, 'active')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from semantic.catalog import Catalog
from semantic.config import Config, MetricEntry
from semantic.metrics import Metric


@dataclass(frozen=True)
class MetricInfo:
    metric: Metric
    entry: MetricEntry | None

    @property
    def name(self) -> str:
        return self.metric.name

    @property
    def ref(self) -> str:
        return self.metric.ref

    @property
    def owner(self) -> str | None:
        return self.entry.owner if self.entry else None

    @property
    def description(self) -> str:
        return (self.entry.description if self.entry and self.entry.description else None) or self.metric.description

    @property
    def status(self) -> str:
        return self.entry.status if self.entry else "active"

    @property
    def sunset(self) -> dt.date | None:
        return self.entry.sunset if self.entry else None

    def deprecation_warning(self, today: dt.date) -> str | None:
        """The warning a query using this metric prints, or None when it is not deprecated."""
        if self.status != "deprecated":
            return None
        when = f"sunset {self.sunset.isoformat()}" if self.sunset else "no sunset date set"
        past = " (past its sunset: `semantic check` fails)" if self.sunset and self.sunset < today else ""
        return f"metric {self.name} is deprecated, {when}{past}"


def metric_info(catalog: Catalog, config: Config, ref: str) -> MetricInfo:
    """The metric `ref` resolves to, with its metrics.toml entry."""
    metric = catalog.resolve(ref, config)
    return MetricInfo(metric, config.metrics.get(metric.name))


def project_metrics(catalog: Catalog, config: Config) -> list[MetricInfo]:
    """Every metric at the version the project resolves it to, with its entry."""
    return [MetricInfo(m, config.metrics.get(m.name)) for m in catalog.latest(config)]
