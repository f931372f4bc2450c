"""The channel rules as data: conditions joined on value, not a CASE chain compiled into every statement.

`semantic/data/channels.toml` holds ordered rules; each rule's conditions test
a touchpoint's source, medium or campaign. Here they become constant tables
(inlined as VALUES, like the referrer table's host keys):

- `channel_values`: one row (field, value, position, role, condition) per value
  of every `in` or `category` condition: a value holds a condition by equi-join;
- `channel_patterns`: (position, role, condition) of the conditions that use
  each pattern; a pattern is matched once per distinct (source, medium, campaign)
  and joined to its conditions (the small regex step);
- `channel_rules`: (position, channel, all_count, any_count).

A rule holds for a (source, medium, campaign) when every `all` condition holds
and, if it has `any` conditions, at least one does; the lowest position that
holds gives the channel, else `Unassigned`. `ChannelRules.channel_py` stays the
definition (the tests compare the two).

>>> from semantic.attribution.channels import load_channels
>>> values, _, rules = channel_tables(load_channels())
>>> rules.column("channel").to_pylist()[:3]
['Direct', 'Paid Shopping', 'Paid Search']
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from semantic.attribution.channels import FIELDS, UNASSIGNED, ChannelRules
from semantic.inline_tables import constant_table

_CONDITION_SCHEMA = [("position", pa.int64()), ("role", pa.string()), ("condition", pa.int64())]


def channel_tables(rules: ChannelRules) -> tuple[pa.Table, dict[tuple[str, str], pa.Table], pa.Table]:
    """(values, {(field, regex): its conditions}, rules) of `rules` as Arrow tables."""
    values: dict[str, list[Any]] = {"field": [], "value": [], "position": [], "role": [], "condition": []}
    patterns: dict[tuple[str, str], list[tuple[int, str, int]]] = {}
    ranked: dict[str, list[Any]] = {"position": [], "channel": [], "all_count": [], "any_count": []}
    condition = 0
    for position, rule in enumerate(rules.rules):
        for role, conditions in (("all", rule.all), ("any", rule.any)):
            for c in conditions:
                condition += 1
                if c.regex is not None:
                    patterns.setdefault((c.field, c.regex), []).append((position, role, condition))
                for value in dict.fromkeys(c.values):
                    for name, item in zip(values, (c.field, value, position, role, condition)):
                        values[name].append(item)
        for name, item in zip(ranked, (position, rule.channel, len(rule.all), len(rule.any))):
            ranked[name].append(item)
    value_schema = pa.schema([("field", pa.string()), ("value", pa.string()), *_CONDITION_SCHEMA])
    pattern_tables = {
        key: pa.table(dict(zip(("position", "role", "condition"), map(list, zip(*found)))), schema=pa.schema(_CONDITION_SCHEMA))
        for key, found in patterns.items()
    }
    rule_schema = pa.schema([("position", pa.int64()), ("channel", pa.string()), ("all_count", pa.int64()), ("any_count", pa.int64())])
    return pa.table(values, schema=value_schema), pattern_tables, pa.table(ranked, schema=rule_schema)


def _held_conditions(triples: ir.Table, keys: list[str], rules: ChannelRules) -> ir.Table:
    """(keys..., position, role, condition): each condition that holds for each triple."""
    values, patterns, _ = channel_tables(rules)
    # The triples unpivoted to (keys..., field, value), then one equi-join against every listed value.
    unpivoted = ibis.union(
        *(triples.select(*keys, field=ibis.literal(f), value=triples[f]) for f in FIELDS), distinct=False
    )
    listed = constant_table(values, "channel_values")
    parts = [
        unpivoted.join(listed, [unpivoted.field == listed.field, unpivoted.value == listed.value])
        .select(*keys, listed.position, listed.role, listed.condition)
    ]
    for index, ((field, regex), conditions) in enumerate(sorted(patterns.items())):
        matching = triples.filter(triples[field].re_search(regex)).select(*keys)
        uses = constant_table(conditions, f"channel_pattern_{index}")
        parts.append(matching.cross_join(uses).select(*keys, "position", "role", "condition"))
    return ibis.union(*parts, distinct=True)


def channel_of_triples(triples: ir.Table, keys: list[str], rules: ChannelRules) -> ir.Table:
    """(keys..., channel) for each row of `triples` (distinct on `keys`, with columns source, medium, campaign)."""
    held = _held_conditions(triples, keys, rules)
    counts = held.group_by([*keys, "position"]).aggregate(
        all_held=held.condition.count(where=held.role == "all"),
        any_held=held.condition.count(where=held.role == "any"),
    )
    ranked = constant_table(channel_tables(rules)[2], "channel_rules")
    holding = counts.join(ranked, counts.position == ranked.position).filter(
        (counts.all_held == ranked.all_count) & ((ranked.any_count == 0) | (counts.any_held > 0))
    )
    first = holding.group_by(keys).aggregate(position=holding.position.min())
    named = first.join(ranked, first.position == ranked.position).select(*keys, channel=ranked.channel)
    out = triples.left_join(named, [triples[k] == named[k] for k in keys])
    return out.select(*(triples[k] for k in keys), channel=ibis.coalesce(named.channel, ibis.literal(UNASSIGNED)))
