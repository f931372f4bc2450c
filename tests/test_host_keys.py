"""Host classification as a join on keys agrees with the regular expressions of the referrer table.

`referrers.pattern_regex` (the Python twin's definition) and the key join of
`host_keys` are two independent spellings of the same patterns; they must give
the same first-matching rule and the same internal verdict on every host.
"""

from __future__ import annotations

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from semantic.attribution.host_keys import host_classes, pattern_key, py_host_keys, referrer_key_table, shapes_of
from semantic.attribution.referrers import internal_match_py, load_referrers
from semantic.backends.connect import connect
from semantic.config import AttributionKnobs

KNOBS = AttributionKnobs(own_domains=("My-Shop.com", "shop.*"))

HOSTS = [
    "google.com", "google.co.uk", "google.com.au", "news.google.de", "google.evil", "google.de.com", "google.co",
    "mail.google.com", "inbox.google.com", "xmail.google.com", "l.facebook.com", "facebook.com.evil.io",
    "notfacebook.com", "t.co", "xt.co", "a.t.co", "search.yahoo.com", "mail.yahoo.co.jp", "yahoo.co.jp",
    "pin.it", "pinterest.de", "uk.pinterest.com", "shop-1.myshopify.com", "myshopify.com", "checkout.shopify.com",
    "shopify.com", "blog.my-shop.com", "my-shop.com.evil", "shop.co.uk", "a..facebook.com", "com", "co.uk",
    "duckduckgo.com", "x.y.z.bing.com", "bing.com.", "yandex.ru", "yandex.com.tr", "1.2.3.4", "localhost",
]


def py_class(host: str) -> tuple[str | None, str | None, bool]:
    match = load_referrers().match_py(host)
    internal = internal_match_py(host, KNOBS) is not None
    return (match.source, match.medium, internal) if match else (None, None, internal)


def engine_classes(hosts: list[str]) -> dict[str, tuple]:
    table = ibis.memtable(pa.table({"referrer_host": sorted(set(hosts))}))
    warehouse = connect("duckdb:///:memory:")
    try:
        rows = warehouse.execute(host_classes(table, KNOBS)).to_pylist()
    finally:
        warehouse.close()
    return {r["referrer_host"]: (r["ref_source"], r["ref_medium"], r["is_internal"]) for r in rows}


def test_the_key_join_gives_the_regexes_answer_on_known_hosts():
    got = engine_classes(HOSTS)
    assert got == {h: py_class(h) for h in set(HOSTS)}


def test_some_known_answers_by_hand():
    got = engine_classes(["news.google.de", "mail.google.com", "google.evil", "shop.co.uk", "l.facebook.com"])
    assert got["news.google.de"] == ("google", "organic", False)
    assert got["mail.google.com"] == ("gmail", "email", False)  # the earlier, more specific rule
    assert got["google.evil"] == (None, None, False)
    assert got["shop.co.uk"][2] is True  # shop.*
    assert got["l.facebook.com"] == ("facebook", "social", False)


label = st.text(alphabet="abcdefgimnoprstuwxyz0-", min_size=1, max_size=9)
known = st.sampled_from(["google", "facebook", "co", "com", "uk", "de", "mail", "yahoo", "t", "pin", "it", "shop", "live"])
hostnames = st.lists(st.one_of(label, known), min_size=1, max_size=5).map(".".join)


@settings(max_examples=15, deadline=None)
@given(st.lists(hostnames, min_size=1, max_size=80))
def test_the_key_join_agrees_with_the_regexes_on_random_hosts(hosts):
    got = engine_classes(hosts)
    assert got == {h: py_class(h) for h in set(hosts)}


@pytest.mark.parametrize("pattern, key", [
    ("facebook.com", ("domain", 2, "facebook.com")),
    ("*.myshopify.com", ("domain", 2, "myshopify.com")),
    ("yahoo.*", ("name", 1, "yahoo")),
])
def test_pattern_keys(pattern, key):
    assert pattern_key(pattern) == key


def test_a_host_has_every_key_a_pattern_could_match():
    shapes = shapes_of(referrer_key_table(load_referrers()))
    keys = py_host_keys("a.b.google.co.uk", shapes)
    assert ("name", 1, "google") in keys and ("domain", 2, "co.uk") in keys and ("domain", 3, "google.co.uk") in keys
