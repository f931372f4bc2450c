"""UTM parsing, the referrer table and the channel rules, on their own; and the engines agree with Python on hostile strings."""

from __future__ import annotations

import pytest

from semantic.attribution import relation
from semantic.attribution.channels import load_channels, parse_channels
from semantic.attribution.referrers import internal_match_py, load_referrers, pattern_regex
from semantic.attribution.touchpoints import classify_py, utm_issues_py
from semantic.attribution.urls import decodable_py, form_decode_py, host_py, query_param_py, utm_value_py
from semantic.config import AttributionKnobs
from semantic.errors import DefinitionError
from tests.test_attribution_scenarios import before, session, tables

KNOBS = AttributionKnobs()


@pytest.mark.parametrize("raw, decoded", [
    ("spring+sale", "spring sale"),
    ("spring%20sale%21", "spring sale!"),
    ("a%2Bb", "a+b"),  # an escaped plus is a plus
    ("caf%C3%A9", "café"),
    ("%E2%82%AC%F0%9F%98%80", "€😀"),
    ("50%", "50%"),  # a lone percent does not decode: kept as written
    ("%zz", "%zz"),
    ("%FF", "%FF"),  # not UTF-8
    ("%C3", "%C3"),  # truncated sequence
    ("%ED%A0%80", "%ED%A0%80"),  # a surrogate
    ("%C0%AF", "%C0%AF"),  # overlong
    ("%00", "%00"),  # NUL
    ("", ""),
])
def test_form_decoding(raw, decoded):
    assert form_decode_py(raw) == decoded


def test_decodable_agrees_with_strict_utf8_on_every_two_byte_escape():
    for first in range(256):
        for second in (0x41, 0x80, 0xBF, 0xC0):
            raw = f"%{first:02X}%{second:02X}"
            try:
                text = bytes([first, second]).decode("utf-8")
                expected = "\x00" not in text
            except UnicodeDecodeError:
                expected = False
            assert decodable_py(raw) == expected, raw


@pytest.mark.parametrize("url, value", [
    ("https://s.com/?utm_source=fb&utm_medium=cpc", "fb"),
    ("https://s.com/p?x=1&utm_source=&utm_medium=cpc", None),
    ("/collections?utm_source=a#utm_source=b", "a"),
    ("https://s.com/?not_utm_source=x", None),
    ("https://s.com/?UTM_SOURCE=x", None),  # parameter names are case-sensitive, as in GA
    (None, None),
])
def test_query_parameters(url, value):
    assert query_param_py(url, "utm_source") == value


def test_a_column_wins_over_the_url_each_on_its_own():
    url = "/?utm_source=url&utm_medium=url-medium"
    assert utm_value_py("Column ", url, "utm_source") == "column"
    assert utm_value_py("   ", url, "utm_medium") == "url-medium"


@pytest.mark.parametrize("url, found", [
    ("https://www.google.com/search?q=x", "google.com"),
    ("HTTPS://WWW.Example.ORG:8443/path", "example.org"),
    ("//cdn.example.com/x", "cdn.example.com"),
    ("example.com/path", "example.com"),
    ("https://user:pw@host.example/", "host.example"),
    ("https://example.com./", "example.com"),
    ("android-app://com.google.android.gm/", "com.google.android.gm"),
    ("", None),
    ("   ", None),
    ("https:///nohost", None),
])
def test_hosts(url, found):
    assert host_py(url) == found


@pytest.mark.parametrize("host, expected", [
    ("google.com", ("google", "organic", "google.*")),
    ("google.co.uk", ("google", "organic", "google.*")),
    ("news.google.de", ("google", "organic", "google.*")),
    ("mail.google.com", ("gmail", "email", "mail.google.com")),
    ("l.facebook.com", ("facebook", "social", "facebook.com")),
    ("m.facebook.com", ("facebook", "social", "facebook.com")),
    ("instagram.com", ("instagram", "social", "instagram.com")),
    ("t.co", ("twitter", "social", "t.co")),
    ("outlook.live.com", ("outlook", "email", "outlook.live.com")),
    ("search.yahoo.com", ("yahoo", "organic", "yahoo.*")),
    ("mail.yahoo.com", ("yahoo", "email", "mail.yahoo.com")),
])
def test_known_referrer_hosts(host, expected):
    match = load_referrers().match_py(host)
    assert (match.source, match.medium, match.pattern) == expected


@pytest.mark.parametrize("host", ["googleusercontent.com", "notfacebook.com", "facebook.com.evil.io", "xt.co", "google.evil"])
def test_lookalike_hosts_are_unknown_referrals(host):
    assert load_referrers().source_medium_py(host) == (host, "referral")


def test_internal_hosts():
    knobs = AttributionKnobs(own_domains=("My-Shop.com",))
    assert internal_match_py("shop-1.myshopify.com", knobs) == "*.myshopify.com"
    assert internal_match_py("checkout.shopify.com", knobs) == "checkout.shopify.com"
    assert internal_match_py("blog.my-shop.com", knobs) == "my-shop.com"
    assert internal_match_py("shopify.com", knobs) is None


def test_host_patterns_are_validated():
    for bad in ("face book.com", "a.*.com", "(x)", ""):
        with pytest.raises(DefinitionError):
            pattern_regex(bad)


@pytest.mark.parametrize("source, medium, campaign, channel", [
    ("direct", "none", None, "Direct"),
    ("google", "cpc", "brand", "Paid Search"),
    ("google", "cpc", "shopping pmax", "Paid Shopping"),
    ("facebook", "paid_social", None, "Paid Social"),
    ("youtube", "cpv", None, "Paid Video"),
    ("criteo", "display", None, "Display"),
    ("criteo", "cpm", None, "Display"),
    ("newsletter", "paid", None, "Paid Other"),
    ("instagram", "social", None, "Organic Social"),
    ("youtube", "social", None, "Organic Social"),
    ("vimeo", "referral", None, "Organic Video"),
    ("bing", "organic", None, "Organic Search"),
    ("some-blog.example.org", "referral", None, "Referral"),
    ("klaviyo", "email", None, "Email"),
    ("partner", "affiliate", None, "Affiliates"),
    ("attentive", "sms", None, "SMS"),
    ("somewhere", "weird", None, "Unassigned"),
])
def test_channels_follow_ga4_default_rules_in_order(source, medium, campaign, channel):
    assert load_channels().channel_py(source, medium, campaign) == channel


def test_channel_rules_are_validated():
    with pytest.raises(DefinitionError, match="unknown category"):
        parse_channels('version = "x"\n[[rules]]\nchannel = "A"\nall = [{ field = "source", category = "nope" }]\n')
    with pytest.raises(DefinitionError, match="field must be"):
        parse_channels('version = "x"\n[[rules]]\nchannel = "A"\nall = [{ field = "term", in = ["a"] }]\n')


def test_classification_rules_in_words():
    fb = classify_py({"referrer": "https://l.facebook.com/l.php?u=x"}, KNOBS)
    assert (fb.source, fb.medium, fb.rule) == (
        "facebook", "social", "referrer host l.facebook.com matched facebook.com -> (facebook, social)")
    utm = classify_py({"utm_source": "Direct", "utm_medium": "(none)"}, KNOBS)
    assert (utm.source, utm.medium, utm.is_direct) == ("direct", "none", True)
    one_utm = classify_py({"utm_source": "facebook"}, KNOBS)
    assert (one_utm.source, one_utm.medium) == ("direct", "none")
    only_source = classify_py({"utm_source": "facebook"}, AttributionKnobs(required_utms=("utm_source",)))
    assert only_source.source == "facebook"


def test_malformed_utms_are_reported_not_fatal():
    row = {"utm_source": "face\x07book", "utm_medium": "x" * 201,
           "landing_url": "/?utm_campaign=50%25%zz&utm_content=ok%20fine"}
    assert utm_issues_py(row) == [
        ("utm_source", "face\x07book", "control_character"),
        ("utm_medium", "x" * 201, "too_long"),
        ("utm_campaign", "50%25%zz", "bad_percent_encoding"),
    ]


HOSTILE = [
    {"utm_source": "FACE\tBOOK", "utm_medium": " CPC "},
    {"utm_source": "fb\x01", "utm_medium": "cpc", "utm_campaign": "y" * 250},
    {"landing_url": "/?utm_source=%FF&utm_medium=%C3%A9t%C3%A9&utm_campaign=a%00b"},
    {"landing_url": "/?utm_source=x%2By+z&utm_medium=paid%5Fsocial&utm_term=%e2%82%ac"},
    {"landing_url": "/?utm_source=%&utm_medium=%%"},
    {"referrer": "HTTPS://User@WWW.Google.CO.UK:443/search?q=1"},
    {"referrer": "https://googleusercontent.com/x", "utm_source": "   "},
    {"referrer": "javascript:alert('x')"},
    {"referrer": "https://shop-1.myshopify.com/cart"},
    {"referrer": "'; DROP TABLE sessions; --", "utm_medium": "cpc"},
    {"utm_source": "ünïcödé", "utm_medium": "cpc", "landing_url": "/?utm_campaign=%F0%9F%98%80+sale"},
    {"landing_url": "https://x.com/?utm_source=newsletter&utm_medium=e-mail&utm_campaign=" + "%41" * 120},
]


def test_engines_classify_hostile_strings_like_the_python_twin(load_warehouse):
    sessions = [session(f"h{i:02d}", before(hours=i + 1), visitor=f"v{i}", **row) for i, row in enumerate(HOSTILE)]
    w = load_warehouse(tables(sessions))
    config = w.project.config
    got = {r["touchpoint_id"]: r for r in w.execute(relation(w.project, "attribution_touchpoints"))}
    for i, row in enumerate(HOSTILE):
        expected = classify_py(row, config.attribution)
        r = got[f"h{i:02d}"]
        assert (r["source"], r["medium"], r["campaign"], r["channel"], r["is_paid"], r["platform"], r["classified_by"]) == (
            expected.source, expected.medium, expected.campaign, expected.channel, expected.is_paid,
            expected.platform, expected.classified_by), row
    issues = sorted((r["touchpoint_id"], r["parameter"], r["value"], r["issue"])
                    for r in w.execute(relation(w.project, "utm_issues")))
    assert issues == sorted((f"h{i:02d}", *issue) for i, row in enumerate(HOSTILE) for issue in utm_issues_py(row))
    assert issues  # the hostile rows do have issues
