"""Host patterns as join keys: the referrer table and the internal hosts as data, not regular expressions.

A pattern `facebook.com` (or `*.facebook.com`) matches a host whose last labels
are `facebook.com`; a pattern `google.*` matches a host whose labels just before
a country ending (`.xx`, `.co.xx`, `.com.xx`, xx of 2 or 3 letters) are
`google`. So each host has a few keys (its last n labels; the n labels before
each of the three endings), each pattern one, and matching is an equi-join:
`KEY_RULES` are the key tables, `host_keys(hosts)` explodes each distinct host
into its keys. The regular expressions of `referrers.pattern_regex` stay the
Python twin's definition (and the tests compare the two on hostile hosts).

>>> pattern_key("google.*"), pattern_key("*.l.facebook.com")
(('name', 1, 'google'), ('domain', 3, 'l.facebook.com'))
>>> sorted(py_host_keys("m.google.co.uk", {("domain", 2), ("name", 1)}))[:3]
[('domain', 2, 'co.uk'), ('name', 1, 'co'), ('name', 1, 'google')]
"""

from __future__ import annotations

from typing import Any

import re
from collections.abc import Iterable

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from semantic.attribution.referrers import ReferrerTable, internal_patterns, load_referrers, pattern_regex
from semantic.config import AttributionKnobs
from semantic.inline_tables import constant_table

# The country endings of a `name.*` pattern (pattern_regex's `\.(com?\.)?[a-z]{2,3}$`), one regex each.
ENDINGS = (r"\.[a-z]{2,3}", r"\.co\.[a-z]{2,3}", r"\.com\.[a-z]{2,3}")

Shape = tuple[str, int]  # (kind, labels): ("domain", 2) or ("name", 1)


def pattern_key(pattern: str) -> tuple[str, int, str]:
    """(kind, number of labels, key) of a host pattern."""
    pattern_regex(pattern)  # validates
    body = pattern.removeprefix("*.")
    if body.endswith(".*"):
        name = body[:-2]
        return ("name", name.count(".") + 1, name)
    return ("domain", body.count(".") + 1, body)


def _key_regex(kind: str, labels: int, ending: str = "") -> str:
    return r"(?:^|\.)([^.]+" + r"(?:\.[^.]+)" * (labels - 1) + ")" + ending + "$"


def shape_regexes(shapes: Iterable[Shape]) -> list[tuple[str, int, str]]:
    """(kind, labels, regex with the key as group 1) for each key a host may have."""
    found: list[Any] = []
    for kind, labels in sorted(set(shapes)):
        endings = ENDINGS if kind == "name" else ("",)
        found.extend((kind, labels, _key_regex(kind, labels, ending)) for ending in endings)
    return found


def host_keys(hosts: ir.Table, column: str, shapes: Iterable[Shape]) -> ir.Table:
    """(column, kind, labels, key): every key of each row's host, one row per key that exists."""
    parts = []
    for kind, labels, regex in shape_regexes(shapes):
        key = hosts[column].re_extract(regex, 1).nullif("")
        part = hosts.select(column, kind=ibis.literal(kind), labels=ibis.literal(labels, "int64"), key=key)
        parts.append(part.filter(part.key.notnull()))
    return ibis.union(*parts, distinct=False)


def py_host_keys(host: str, shapes: Iterable[Shape]) -> set[tuple[str, int, str]]:
    """The same keys in Python (for tests and `explain`)."""
    keys = set()
    for kind, labels, regex in shape_regexes(shapes):
        match = re.search(regex.replace("$", r"\Z"), host)
        if match and match.group(1):
            keys.add((kind, labels, match.group(1)))
    return keys


def referrer_key_table(table: ReferrerTable) -> pa.Table:
    """(kind, labels, key, position, source, medium): one row per host pattern; the lowest position wins."""
    rows: dict[str, list[Any]] = {"kind": [], "labels": [], "key": [], "position": [], "source": [], "medium": []}
    for position, rule in enumerate(table.rules):
        for pattern in rule.hosts:
            kind, labels, key = pattern_key(pattern)
            for name, value in zip(rows, (kind, labels, key, position, rule.source, rule.medium)):
                rows[name].append(value)
    return pa.table(rows, schema=pa.schema([("kind", pa.string()), ("labels", pa.int64()), ("key", pa.string()),
                                            ("position", pa.int64()), ("source", pa.string()), ("medium", pa.string())]))


def pattern_key_table(patterns: Iterable[str]) -> pa.Table:
    """(kind, labels, key) of each pattern (the internal hosts)."""
    keys = sorted({pattern_key(p) for p in patterns})
    return pa.table({"kind": [k[0] for k in keys], "labels": [k[1] for k in keys], "key": [k[2] for k in keys]},
                    schema=pa.schema([("kind", pa.string()), ("labels", pa.int64()), ("key", pa.string())]))


def shapes_of(table: pa.Table) -> set[Shape]:
    return set(zip(table.column("kind").to_pylist(), table.column("labels").to_pylist()))


# -- the classification of distinct hosts ------------------------------------------------


def _key_join(keys: ir.Table, table: ir.Table) -> list:
    return [keys.kind == table.kind, keys.labels == table.labels, keys.key == table.key]


def host_classes(hosts: ir.Table, knobs: AttributionKnobs) -> ir.Table:
    """(referrer_host, ref_source, ref_medium, is_internal) of each distinct, non-NULL host in `hosts`.

    ref_source/ref_medium are NULL for a host the referrer table does not know.
    """
    referrers = referrer_key_table(load_referrers())
    internal = pattern_key_table(internal_patterns(knobs))
    keys = host_keys(hosts, "referrer_host", shapes_of(referrers) | shapes_of(internal))
    ref = constant_table(referrers, "referrer_keys")
    matched = keys.join(ref, _key_join(keys, ref)).select("referrer_host", "position")
    best = matched.group_by("referrer_host").aggregate(position=matched.position.min())
    rules = constant_table(referrers.select(["position", "source", "medium"]).group_by(["position", "source", "medium"]).aggregate([]), "referrer_rules")
    best = best.join(rules, best.position == rules.position).select(
        "referrer_host", ref_source=rules.source, ref_medium=rules.medium
    )
    out = hosts.left_join(best, hosts.referrer_host == best.referrer_host).select(
        hosts.referrer_host, best.ref_source, best.ref_medium
    )
    if internal.num_rows == 0:
        return out.mutate(is_internal=ibis.literal(False))
    own = constant_table(internal, "internal_hosts")
    hits = keys.semi_join(own, _key_join(keys, own)).select(internal_host="referrer_host").distinct()
    return out.left_join(hits, out.referrer_host == hits.internal_host).select(
        *(out[c] for c in out.columns), is_internal=hits.internal_host.notnull()
    )
