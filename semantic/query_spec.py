"""What a query asks, as plain values: no Ibis, so a cached query is answered without importing it.

`QuerySpec` is the question (metrics, dimensions, shops, dates, options),
`QueryOptions` the options facts may read, `OutputColumn` one column of the
answer. `semantic.compile_cache` keys on the spec and stores the columns; the
query builder (`semantic.query`) builds the expression from the spec.

>>> QuerySpec(metrics=("roas",), by=("month",), options={"model": "linear"}).options
QueryOptions(model='linear')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from semantic.errors import UnknownNameError


@dataclass(frozen=True)
class QueryOptions:
    """Options of one query that facts may read (not knobs: they do not change a definition).

    `model` is the attribution model (`--model`); None means the default, last click.
    """

    model: str | None = None

    @classmethod
    def parse(cls, options: QueryOptions | Mapping[str, str] | tuple[tuple[str, str], ...] | None) -> QueryOptions:
        """Options from `{"model": "linear"}` or `(("model", "linear"),)`; unknown keys are errors."""
        if options is None:
            return cls()
        if isinstance(options, QueryOptions):
            return options
        pairs = dict(options)
        known = cls.__dataclass_fields__
        for key in pairs:
            if key not in known:
                raise UnknownNameError("query option", key, known)
        return cls(**{k: (v or None) for k, v in pairs.items()})


@dataclass(frozen=True)
class QuerySpec:
    """What to compute. `start`/`end` are inclusive shop-local dates.

    `options` may be given as QueryOptions, a dict or (key, value) pairs.
    """

    metrics: tuple[str, ...]
    by: tuple[str, ...] = ()
    shops: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    options: QueryOptions = field(default_factory=QueryOptions)
    # A dense calendar: every time bucket from start to end appears (per shop with --by shop).
    fill: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", QueryOptions.parse(self.options))


@dataclass(frozen=True)
class OutputColumn:
    name: str
    unit: str  # "dimension", "money", "count", "ratio"


__all__ = ["OutputColumn", "QueryOptions", "QuerySpec"]
