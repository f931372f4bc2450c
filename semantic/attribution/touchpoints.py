"""Touchpoints and their classification: (source, medium, campaign), channel, paid, platform.

A touchpoint is a session, or an order's own landing_site/referring_site (the
fallback at the order's processed_at). Classification, first that applies:

1. UTMs, when every `attribution.required_utms` is present: each `utm_*` column
   as written, else the same parameter form-decoded from the landing URL;
   trimmed, lower-cased, empty is missing. UTMs (direct, none) are direct.
2. The referrer's host, when it is not the shop's own or the checkout's:
   the referrer table's (source, medium), else (host, referral).
3. (direct, none).

`classify` does this as Ibis expressions; `classify_py` in plain Python (for
`semantic explain` and the tests' reference). Both read the same data files.

>>> from semantic.config import Config
>>> tp = classify_py({"utm_source": " Facebook", "utm_medium": "CPC", "landing_url": None, "referrer": None},
...                  Config().attribution)
>>> (tp.source, tp.medium, tp.channel, tp.platform, tp.rule)
('facebook', 'cpc', 'Paid Social', 'meta', 'utm: utm_source=facebook utm_medium=cpc')
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from semantic.attribution.channel_table import channel_of_triples
from semantic.attribution.channels import load_channels
from semantic.attribution.host_keys import host_classes
from semantic.attribution.referrers import internal_match_py, load_referrers
from semantic.attribution.urls import (
    CONTROL_CHARACTER,
    DECODABLE,
    MAX_UTM_LENGTH,
    UTM_PARAMS,
    decodable_py,
    form_decode,
    host,
    host_py,
    normalise,
    normalise_py,
    py_pattern,
    query_param,
    query_param_py,
    url_utm_values,
    utm_value_py,
)
from semantic.config import AttributionKnobs

DIRECT_SOURCES = ("direct", "(direct)")
DIRECT_MEDIUMS = ("none", "(none)", "(not set)")

# The raw columns a touchpoint relation carries before classification.
RAW_COLUMNS = ("shop_id", "order_id", "touchpoint_id", "kind", "visitor_id", "customer_id", "at", "landing_url", "referrer", *UTM_PARAMS)


def session_touchpoints(sessions: ir.Table) -> ir.Table:
    """Sessions as raw touchpoints (order_id NULL)."""
    return sessions.select(
        "shop_id",
        order_id=ibis.null("string"),
        touchpoint_id=sessions.session_id,
        kind=ibis.literal("session"),
        visitor_id=sessions.visitor_id,
        customer_id=sessions.customer_id,
        at=sessions.started_at,
        landing_url=sessions.landing_url,
        referrer=sessions.referrer,
        **{p: sessions[p] for p in UTM_PARAMS},
    )


def order_touchpoints(orders: ir.Table) -> ir.Table:
    """Each order's own landing_site/referring_site as a raw touchpoint (id `order:<order_id>`)."""
    return orders.select(
        "shop_id",
        "order_id",
        touchpoint_id="order:" + orders.order_id,
        kind=ibis.literal("order"),
        visitor_id=orders.visitor_id,
        customer_id=orders.customer_id,
        at=orders.processed_at,
        landing_url=orders.landing_site,
        referrer=orders.referring_site,
        **{p: ibis.null("string") for p in UTM_PARAMS},
    )


def platform_of(source: ir.StringValue, knobs: AttributionKnobs) -> ir.StringValue:
    """The ad platform of a paid source: the `attribution.platforms` mapping, else the source itself."""
    cases = [(source.isin(list(sources)), platform) for platform, sources in knobs.platforms.items() if sources]
    return ibis.cases(*cases, else_=source) if cases else source


def classify(raw: ir.Table, knobs: AttributionKnobs) -> ir.Table:
    """`raw` plus utm values, source, medium, campaign, classified_by, referrer_host, is_direct, is_paid, platform, channel.

    Parsing and classifying happen once per distinct value, then join back: the
    landing URL's UTMs once per distinct URL, the referrer's host once per
    distinct referrer, the host's class (a join against the referrer table as
    data, `host_keys`) once per distinct host, the channel once per distinct
    (source, medium, campaign).
    """
    refs = raw.filter(raw.referrer.notnull()).select("referrer").distinct()
    refs = refs.mutate(referrer_host=host(refs.referrer))
    classes = host_classes(refs.filter(refs.referrer_host.notnull()).select("referrer_host").distinct(), knobs)
    # Each parsed relation ends in DISTINCT (a no-op on distinct input): an engine may not then
    # inline its expressions into the join below, which would evaluate them once per touchpoint.
    refs = refs.left_join(classes, refs.referrer_host == classes.referrer_host).select(
        refs.referrer, refs.referrer_host, classes.ref_source, classes.ref_medium, internal=classes.is_internal,
    ).distinct()
    urls = url_utm_values(raw.filter(raw.landing_url.notnull()).select("landing_url").distinct()).distinct()
    t = raw.left_join(refs, raw.referrer == refs.referrer).left_join(urls, raw.landing_url == urls.landing_url)
    t = t.select(
        *(raw[c] for c in raw.columns),
        **{f"u_{p}": ibis.coalesce(normalise(raw[p]), urls[f"url_{p}"]) for p in UTM_PARAMS},
        referrer_host=refs.referrer_host, ref_source=refs.ref_source, ref_medium=refs.ref_medium,
        internal=refs.internal.fill_null(False),
    )
    has_utms = ibis.literal(True)
    for p in knobs.required_utms:
        has_utms &= t[f"u_{p}"].notnull()
    has_referrer = t.referrer_host.notnull() & ~t.internal
    t = t.mutate(classified_by=ibis.cases((has_utms, "utm"), (has_referrer, "referrer"), else_="direct"))
    utm_direct = t.u_utm_source.isin(list(DIRECT_SOURCES)) & t.u_utm_medium.isin(list(DIRECT_MEDIUMS))
    is_direct = (t.classified_by == "direct") | ((t.classified_by == "utm") & utm_direct.fill_null(False))
    ref_source = ibis.coalesce(t.ref_source, t.referrer_host)
    ref_medium = ibis.coalesce(t.ref_medium, ibis.literal("referral"))
    t = t.mutate(
        is_direct=is_direct,
        source=ibis.cases((is_direct, "direct"), (t.classified_by == "utm", t.u_utm_source), else_=ref_source),
        medium=ibis.cases((is_direct, "none"), (t.classified_by == "utm", t.u_utm_medium), else_=ref_medium),
        campaign=is_direct.ifelse(ibis.null("string"), t.u_utm_campaign),
    )
    t = t.select(*(c for c in t.columns if c not in ("ref_source", "ref_medium", "internal")))  # not drop(): see urls
    is_paid = ~t.is_direct & t.medium.isin(list(knobs.paid_mediums))
    t = t.mutate(is_paid=is_paid, platform=is_paid.ifelse(platform_of(t.source, knobs), ibis.null("string")))
    return with_channels(t)


# Source, medium and campaign are normalised (never empty) or NULL, so '' can stand for NULL in a join key.
def _key(value: ir.StringValue) -> ir.StringValue:
    return ibis.coalesce(value, ibis.literal(""))


def with_channels(t: ir.Table) -> ir.Table:
    """`t` plus `channel`: the channel rules, as data (`channel_table`), met once per distinct (source, medium, campaign)."""
    triples = t.select("source", "medium", "campaign").distinct()
    triples = triples.select(
        "source", "medium", "campaign",
        k_source=_key(triples.source), k_medium=_key(triples.medium), k_campaign=_key(triples.campaign),
    )
    keys = ["k_source", "k_medium", "k_campaign"]
    channels = channel_of_triples(triples, keys, load_channels())
    joined = t.left_join(channels, [_key(t.source) == channels.k_source, _key(t.medium) == channels.k_medium,
                                    _key(t.campaign) == channels.k_campaign])
    return joined.select(*(t[c] for c in t.columns), channel=channels.channel)


def utm_issues(raw: ir.Table) -> ir.Table:
    """One row per touchpoint and UTM parameter whose value is malformed (kept as written, never an error).

    Columns: shop_id, touchpoint_id, parameter, value (normalised, undecoded when it does not decode), issue
    (`bad_percent_encoding`, `control_character` or `too_long`).
    """
    parts = []
    for p in UTM_PARAMS:
        from_column = normalise(raw[p])
        from_url = query_param(raw.landing_url, p)
        value = ibis.coalesce(from_column, normalise(form_decode(from_url)))
        bad_escape = from_column.isnull() & from_url.notnull() & ~from_url.replace("+", " ").re_search(DECODABLE)
        issue = ibis.cases(
            (bad_escape, "bad_percent_encoding"),
            (value.re_search(CONTROL_CHARACTER), "control_character"),
            (value.length() > MAX_UTM_LENGTH, "too_long"),
            else_=ibis.null("string"),
        )
        part = raw.select("shop_id", "touchpoint_id", parameter=ibis.literal(p), value=value, issue=issue)
        parts.append(part.filter(part.issue.notnull()))
    return ibis.union(*parts, distinct=False)


# -- Python twin ---------------------------------------------------------------------


@dataclass(frozen=True)
class Classified:
    """A touchpoint's classification and the rule that gave it, in words."""

    source: str
    medium: str
    campaign: str | None
    channel: str
    is_direct: bool
    is_paid: bool
    platform: str | None
    classified_by: str  # utm, referrer, direct
    rule: str


def platform_of_py(source: str, knobs: AttributionKnobs) -> str:
    for platform, sources in knobs.platforms.items():
        if source in sources:
            return platform
    return source


def classify_py(row: dict, knobs: AttributionKnobs) -> Classified:
    """The classification of one raw touchpoint (a dict of RAW_COLUMNS), with the rule in words."""
    url = row.get("landing_url")
    utms = {p: utm_value_py(row.get(p), url, p) for p in UTM_PARAMS}
    campaign = utms["utm_campaign"]
    if all(utms[p] is not None for p in knobs.required_utms):
        shown = " ".join(f"{p}={utms[p]}" for p in knobs.required_utms)
        if utms["utm_source"] in DIRECT_SOURCES and utms["utm_medium"] in DIRECT_MEDIUMS:
            return _direct(knobs, f"utm: {shown} is direct")
        return _classified(utms["utm_source"], utms["utm_medium"], campaign, "utm", f"utm: {shown}", knobs)
    missing = [p for p in knobs.required_utms if utms[p] is None]
    found = host_py(row.get("referrer"))
    if found is None:
        return _direct(knobs, f"no {', '.join(missing)} and no referrer: (direct, none)")
    internal = internal_match_py(found, knobs)
    if internal is not None:
        return _direct(knobs, f"referrer host {found} is internal ({internal}): (direct, none)")
    match = load_referrers().match_py(found)
    if match is None:
        return _classified(found, "referral", campaign, "referrer", f"referrer host {found} is not in the referrer table -> ({found}, referral)", knobs)
    rule = f"referrer host {found} matched {match.pattern} -> ({match.source}, {match.medium})"
    return _classified(match.source, match.medium, campaign, "referrer", rule, knobs)


def _direct(knobs: AttributionKnobs, rule: str) -> Classified:
    return Classified("direct", "none", None, load_channels().channel_py("direct", "none", None), True, False, None, "direct", rule)


def _classified(source: str, medium: str, campaign: str | None, by: str, rule: str, knobs: AttributionKnobs) -> Classified:
    paid = medium in knobs.paid_mediums
    return Classified(
        source=source,
        medium=medium,
        campaign=campaign,
        channel=load_channels().channel_py(source, medium, campaign),
        is_direct=False,
        is_paid=paid,
        platform=platform_of_py(source, knobs) if paid else None,
        classified_by=by,
        rule=rule,
    )


def utm_issues_py(row: dict) -> list[tuple[str, str, str]]:
    """(parameter, value, issue) for each malformed UTM of one raw touchpoint."""
    found = []
    for p in UTM_PARAMS:
        from_column = normalise_py(row.get(p))
        from_url = query_param_py(row.get("landing_url"), p)
        value = utm_value_py(row.get(p), row.get("landing_url"), p)
        if from_column is None and from_url is not None and not decodable_py(from_url):
            found.append((p, value, "bad_percent_encoding"))
        elif value is not None and py_pattern(CONTROL_CHARACTER).search(value):
            found.append((p, value, "control_character"))
        elif value is not None and len(value) > MAX_UTM_LENGTH:
            found.append((p, value, "too_long"))
    return found
