"""The referrer table (semantic/data/referrers.toml) and the small engine over it.

A host pattern is a registrable domain (`facebook.com`: it and its subdomains)
or a name on any country domain (`google.*`). Rules are tried in file order,
first match wins; a host no rule matches is `(host, referral)`. Hosts of the
shop itself (`attribution.own_domains`) and of the checkout
(`attribution.internal_hosts`) are no referrer at all.

>>> table = load_referrers()
>>> table.match_py("l.facebook.com")
ReferrerMatch(source='facebook', medium='social', pattern='facebook.com')
>>> table.match_py("news.example.org") is None
True
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ibis
import ibis.expr.types as ir

from semantic.attribution.urls import py_pattern
from semantic.config import AttributionKnobs
from semantic.errors import DefinitionError

_HOST_PATTERN = re.compile(r"^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?$")


def pattern_regex(pattern: str) -> str:
    """The regular expression (RE2/ARE/Python alike) matching hosts of `pattern`.

    >>> pattern_regex("google.*")
    '(^|\\\\.)google\\\\.(com?\\\\.)?[a-z]{2,3}$'
    """
    if not _HOST_PATTERN.match(pattern):
        raise DefinitionError(f"not a host pattern: {pattern!r} (use a domain, name.* or *.domain)")
    body = pattern.removeprefix("*.")
    if body.endswith(".*"):
        return "(^|\\.)" + body[:-2].replace(".", "\\.") + "\\.(com?\\.)?[a-z]{2,3}$"
    return "(^|\\.)" + body.replace(".", "\\.") + "$"


def _any_of(patterns: tuple[str, ...]) -> str:
    return "|".join(f"({pattern_regex(p)})" for p in patterns)


@dataclass(frozen=True)
class ReferrerRule:
    source: str
    medium: str
    hosts: tuple[str, ...]


@dataclass(frozen=True)
class ReferrerMatch:
    source: str
    medium: str
    pattern: str


@dataclass(frozen=True)
class ReferrerTable:
    version: str
    rules: tuple[ReferrerRule, ...]

    def source_medium(self, host: ir.StringValue) -> tuple[ir.StringValue, ir.StringValue]:
        """(source, medium) of a non-internal, non-NULL host, as Ibis CASE expressions."""
        matches = [host.re_search(_any_of(rule.hosts)) for rule in self.rules]
        source = ibis.cases(*((m, rule.source) for m, rule in zip(matches, self.rules)), else_=host)
        medium = ibis.cases(*((m, rule.medium) for m, rule in zip(matches, self.rules)), else_="referral")
        return source, medium

    def match_py(self, host: str) -> ReferrerMatch | None:
        for rule in self.rules:
            for pattern in rule.hosts:
                if py_pattern(pattern_regex(pattern)).search(host):
                    return ReferrerMatch(rule.source, rule.medium, pattern)
        return None

    def source_medium_py(self, host: str) -> tuple[str, str]:
        match = self.match_py(host)
        return (match.source, match.medium) if match else (host, "referral")


@lru_cache(maxsize=1)
def load_referrers() -> ReferrerTable:
    """The shipped, versioned referrer table."""
    text = resources.files("semantic").joinpath("data/referrers.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    rules = tuple(
        ReferrerRule(source=r["source"], medium=r["medium"], hosts=tuple(h.lower() for h in r["hosts"]))
        for r in raw["rules"]
    )
    for rule in rules:
        for pattern in rule.hosts:
            pattern_regex(pattern)  # validate now, not at query time
    return ReferrerTable(version=str(raw["version"]), rules=rules)


def internal_patterns(knobs: AttributionKnobs) -> tuple[str, ...]:
    """Host patterns of the shop and its checkout: a referrer from them is no referrer."""
    return tuple(dict.fromkeys((*knobs.own_domains, *knobs.internal_hosts)))


def is_internal(host: ir.StringValue, knobs: AttributionKnobs) -> ir.BooleanValue:
    patterns = internal_patterns(knobs)
    if not patterns:
        return ibis.literal(False)
    return host.re_search(_any_of(patterns))


def internal_match_py(host: str, knobs: AttributionKnobs) -> str | None:
    """The internal pattern `host` matches, or None."""
    for pattern in internal_patterns(knobs):
        if py_pattern(pattern_regex(pattern)).search(host):
            return pattern
    return None
