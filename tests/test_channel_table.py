"""The channel rules joined as data give the rules' own answers (channel_py), by hand and on generated triples."""

from __future__ import annotations

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from semantic.attribution.channel_table import channel_of_triples, channel_tables
from semantic.attribution.channels import load_channels, parse_channels
from semantic.backends.connect import connect

KEYS = ["k_source", "k_medium", "k_campaign"]


def engine_channels(triples: list[tuple], rules=None) -> dict[tuple, str]:
    rules = rules or load_channels()
    distinct = sorted(set(triples), key=repr)
    table = ibis.memtable(pa.table(
        {"source": [t[0] for t in distinct], "medium": [t[1] for t in distinct], "campaign": [t[2] for t in distinct]},
        schema=pa.schema([("source", pa.string()), ("medium", pa.string()), ("campaign", pa.string())]),
    ))
    keyed = table.select("source", "medium", "campaign", **{
        k: ibis.coalesce(table[f], ibis.literal("\x1f<null>")) for k, f in zip(KEYS, ("source", "medium", "campaign"))
    })
    warehouse = connect("duckdb:///:memory:")
    try:
        rows = warehouse.execute(channel_of_triples(keyed, KEYS, rules)).to_pylist()
    finally:
        warehouse.close()
    back = {tuple(None if r[k] == "\x1f<null>" else r[k] for k in KEYS): r["channel"] for r in rows}
    assert len(back) == len(distinct)
    return back


BY_HAND = [
    (("direct", "none", None), "Direct"),
    (("(direct)", "(not set)", None), "Direct"),
    (("google", "cpc", "brand"), "Paid Search"),
    (("google", "cpc", "shopping pmax"), "Paid Shopping"),  # the campaign pattern, before Paid Search
    (("amazon", "ppc", None), "Paid Shopping"),
    (("facebook", "paid_social", None), "Paid Social"),
    (("youtube", "cpv", None), "Paid Video"),
    (("criteo", "cpm", None), "Display"),
    (("newsletter", "paid", None), "Paid Other"),
    (("etsy", "referral", None), "Organic Shopping"),
    (("blog", "referral", "workshop"), "Referral"),  # "workshop": shop after a letter is no shopping campaign
    (("blog", "referral", "summer-shop"), "Organic Shopping"),
    (("instagram", "social", None), "Organic Social"),
    (("vimeo", "referral", None), "Organic Video"),
    (("x", "myvideo", None), "Organic Social"),  # x is a social source: Organic Social comes first
    (("bing", "organic", None), "Organic Search"),
    (("some-blog.example.org", "referral", None), "Referral"),
    (("klaviyo", "email", None), "Email"),
    (("partner", "affiliate", None), "Affiliates"),
    (("attentive", "sms", None), "SMS"),
    (("somewhere", "weird", None), "Unassigned"),
    ((None, None, None), "Unassigned"),
    (("direct", None, None), "Unassigned"),
]


def test_known_triples_get_the_channel_by_hand():
    got = engine_channels([t for t, _ in BY_HAND])
    assert {t: got[t] for t, _ in BY_HAND} == dict(BY_HAND)


def test_the_values_table_holds_every_listed_value_once_per_condition():
    values, patterns, rules = channel_tables(load_channels())
    rows = list(zip(*(values.column(c).to_pylist() for c in ("field", "value", "condition"))))
    assert len(rows) == len(set(rows))
    assert ("source", "google", ) in {(f, v) for f, v, _ in rows}
    assert {field for field, _ in patterns} == {"medium", "campaign"}
    assert rules.num_rows == len(load_channels().rules)


def test_a_rule_with_all_and_any_needs_one_of_each():
    rules = parse_channels(
        'version = "t"\n[[rules]]\nchannel = "A"\n'
        'all = [{ field = "source", in = ["s"] }, { field = "medium", in = ["m"] }]\n'
        'any = [{ field = "campaign", in = ["c1"] }, { field = "campaign", in = ["c2"] }]\n'
    )
    triples = [("s", "m", "c1"), ("s", "m", "c2"), ("s", "m", "c3"), ("s", "x", "c1"), ("s", "m", None)]
    assert engine_channels(triples, rules) == {
        ("s", "m", "c1"): "A", ("s", "m", "c2"): "A", ("s", "m", "c3"): "Unassigned",
        ("s", "x", "c1"): "Unassigned", ("s", "m", None): "Unassigned",
    }


def _values(field: str) -> list[str]:
    values, _, _ = channel_tables(load_channels())
    return sorted({v for f, v in zip(values.column("field").to_pylist(), values.column("value").to_pylist()) if f == field})


# Listed values, pattern-like values and arbitrary text, so every rule both holds and fails.
def _part(field: str):
    return st.one_of(st.none(), st.sampled_from(_values(field) or ["x"]),
                     st.sampled_from(["cpc", "paid_x", "xcpx", "ppc", "video", "my video", "shop", "workshop", "e-shop", "shopping"]),
                     st.text(alphabet="acdeimnopstv-_ ", max_size=6))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(_part("source"), _part("medium"), _part("campaign")), min_size=1, max_size=60))
def test_the_table_join_agrees_with_the_rules_on_generated_triples(triples):
    rules = load_channels()
    got = engine_channels(triples)
    assert got == {t: rules.channel_py(*t) for t in set(triples)}


@pytest.mark.parametrize("triple, channel", BY_HAND)
def test_the_python_rules_agree_by_hand(triple, channel):
    assert load_channels().channel_py(*triple) == channel
