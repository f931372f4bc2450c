"""The default channel group (semantic/data/channels.toml) and the small engine over it.

Rules are data: each names a channel and conditions on a touchpoint's
(source, medium, campaign); the first rule that holds wins, else `Unassigned`.
`semantic.attribution.channel_table` joins them as tables in the engines;
`channel_py` evaluates the same rules in Python for `semantic explain` and the
tests' reference.

>>> rules = load_channels()
>>> rules.channel_py("google", "cpc", None), rules.channel_py("direct", "none", None)
('Paid Search', 'Direct')
>>> rules.channel_py("some-blog.example.org", "referral", None)
'Referral'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from semantic.attribution.urls import py_pattern
from semantic.errors import DefinitionError

FIELDS = ("source", "medium", "campaign")
UNASSIGNED = "Unassigned"


@dataclass(frozen=True)
class Condition:
    """`field` is in `values` (a literal list or a category), or matches `regex`."""

    field: str
    values: tuple[str, ...] = ()
    regex: str | None = None

    def holds_py(self, row: dict[str, str | None]) -> bool:
        value = row[self.field]
        if value is None:
            return False
        if self.regex is not None:
            return py_pattern(self.regex).search(value) is not None
        return value in self.values


@dataclass(frozen=True)
class ChannelRule:
    channel: str
    all: tuple[Condition, ...] = ()
    any: tuple[Condition, ...] = ()

    def holds_py(self, row: dict[str, str | None]) -> bool:
        return all(c.holds_py(row) for c in self.all) and (not self.any or any(c.holds_py(row) for c in self.any))


@dataclass(frozen=True)
class ChannelRules:
    version: str
    rules: tuple[ChannelRule, ...]

    def channel_py(self, source: str | None, medium: str | None, campaign: str | None) -> str:
        row = {"source": source, "medium": medium, "campaign": campaign}
        for rule in self.rules:
            if rule.holds_py(row):
                return rule.channel
        return UNASSIGNED


def _condition(raw: dict, categories: dict[str, list[str]], patterns: dict[str, str], where: str) -> Condition:
    field = raw.get("field")
    if field not in FIELDS:
        raise DefinitionError(f"{where}: field must be one of {', '.join(FIELDS)}, got {field!r}")
    tests = [k for k in ("in", "category", "pattern") if k in raw]
    if len(tests) != 1:
        raise DefinitionError(f"{where}: give exactly one of in, category, pattern")
    if "in" in raw:
        return Condition(field, values=tuple(v.lower() for v in raw["in"]))
    if "category" in raw:
        if raw["category"] not in categories:
            raise DefinitionError(f"{where}: unknown category {raw['category']!r}")
        return Condition(field, values=tuple(v.lower() for v in categories[raw["category"]]))
    if raw["pattern"] not in patterns:
        raise DefinitionError(f"{where}: unknown pattern {raw['pattern']!r}")
    return Condition(field, regex=patterns[raw["pattern"]])


def parse_channels(text: str) -> ChannelRules:
    """Channel rules from the text of a channels.toml."""
    raw = tomllib.loads(text)
    categories = raw.get("categories", {})
    patterns = raw.get("patterns", {})
    rules = []
    for index, rule in enumerate(raw["rules"]):
        where = f"channels.toml rule {index + 1} ({rule.get('channel')})"
        rules.append(
            ChannelRule(
                channel=rule["channel"],
                all=tuple(_condition(c, categories, patterns, where) for c in rule.get("all", ())),
                any=tuple(_condition(c, categories, patterns, where) for c in rule.get("any", ())),
            )
        )
    return ChannelRules(version=str(raw["version"]), rules=tuple(rules))


@lru_cache(maxsize=1)
def load_channels() -> ChannelRules:
    """The shipped, versioned channel rules."""
    return parse_channels(resources.files("semantic").joinpath("data/channels.toml").read_text(encoding="utf-8"))
