"""Attribution models as data: which eligible candidates get credit, in which order.

Every model ranks an order's eligible (non-direct) candidates, ties on time
always going to the greatest touchpoint id compared as text, and credits either
the first of that ranking or all of it in equal parts. Money is split in cents:
each of n parts gets floor(cents / n) and the first (cents mod n) parts in the
ranking one cent more, so the parts add up exactly to the amount.

Adding a model is one line in MODELS.

>>> MODELS["last_click"]
AttributionModel(name='last_click', latest_first=True, credit_all=False, description='...')
>>> allocate_cents_py(1000, 3)
[334, 333, 333]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import ibis
import ibis.expr.types as ir

from semantic.errors import UnknownNameError

DEFAULT_MODEL = "last_click"


@dataclass(frozen=True)
class AttributionModel:
    name: str
    # Rank candidates latest first (last click) or earliest first (first click).
    latest_first: bool
    # Credit every ranked candidate in equal parts (linear) or only the first.
    credit_all: bool
    description: str = field(default="", repr=False, compare=False)

    def __repr__(self) -> str:
        return f"AttributionModel(name={self.name!r}, latest_first={self.latest_first}, credit_all={self.credit_all}, description='...')"


MODELS: dict[str, AttributionModel] = {
    m.name: m
    for m in (
        AttributionModel("last_click", True, False, "The latest non-direct click in the window gets all the credit."),
        AttributionModel("first_click", False, False, "The earliest non-direct click in the window gets all the credit."),
        AttributionModel("linear", True, True, "Every non-direct click in the window gets an equal share, to the cent."),
    )
}


def resolve_model(name: str | None) -> AttributionModel:
    name = name or DEFAULT_MODEL
    if name not in MODELS:
        raise UnknownNameError("attribution model", name, MODELS)
    return MODELS[name]


def ranking_keys(model: AttributionModel, at: ir.TimestampValue, touchpoint_id: ir.StringValue) -> list:
    """The window ordering of candidates under `model` (rank 0 is credited first)."""
    by_time = ibis.desc(at) if model.latest_first else ibis.asc(at)
    return [by_time, ibis.desc(touchpoint_id)]


def allocate(amount: ir.DecimalValue, part: ir.IntegerValue, parts: ir.IntegerValue) -> ir.DecimalValue:
    """Part `part` (0-based) of `amount` split into `parts` cents-exact shares."""
    cents = (amount * 100).cast("int64")
    size = cents.abs()
    share = size // parts + (part < size % parts).ifelse(1, 0)
    signed = (cents < 0).ifelse(-share, share)
    # cents x 0.01 as decimals: exact on every engine (division would not be).
    return (signed.cast("decimal(18, 2)") * ibis.literal(Decimal("0.01"), "decimal(18, 2)")).cast("decimal(18, 2)")


def allocate_cents_py(cents: int, parts: int) -> list[int]:
    """The reference of `allocate`: cents split into `parts` shares, larger shares first."""
    size, sign = abs(cents), (-1 if cents < 0 else 1)
    return [sign * (size // parts + (1 if k < size % parts else 0)) for k in range(parts)]
