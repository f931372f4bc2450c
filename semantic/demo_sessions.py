"""Storefront sessions for the demo warehouse: who visited each shop, from where, and when.

`build_sessions` turns the orders of `semantic.demo_data` into attribution touchpoints:
each order with a visitor gets a journey of 0 to 6 sessions in the 10 days before it
(some within seconds, some more than 7 days before), logged-in customers also show up on a
second device, and other visitors browse without buying; about 5 sessions per order in all.

Where traffic comes from is data, not code: `PAID_SOURCES`, `REFERRALS` and `UTM_FORMS`
below are expanded once into a small table of traffic sources (one row per source, campaign,
form and shop) and every session takes one row of it, so five million sessions cost a few
`take`s. The forms are the ways UTMs really arrive: clean, UPPER-case, padded with spaces,
malformed (a control character, a 300-character value, broken percent-encoding) or missing
from the columns and present only in the landing URL (`spring%20sale`, `spring+sale`).

>>> sorted(CAMPAIGNS)
['google', 'meta', 'tiktok']
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, quote_plus

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SECOND = 1_000_000  # timestamps are int64 microseconds since the epoch, UTC
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
DAY = 24 * HOUR
INSTANT = pa.timestamp("us", tz="UTC")

# Ad campaigns per platform: (campaign_id, campaign_name). ad_spend rows and the
# utm_campaign of paid clicks share these names, which is what attribution joins on.
CAMPAIGNS: dict[str, tuple[tuple[str, str], ...]] = {
    "meta": (
        ("120210000000101", "spring sale"),
        ("120210000000102", "retargeting_dpa"),
        ("120210000000103", "prospecting broad"),
    ),
    "google": (("20480000101", "brand_search"), ("20480000102", "shopping pmax"), ("20480000103", "generic_search")),
    "tiktok": (("1790000000101", "creator ugc"), ("1790000000102", "spark_ads")),
}
EMAIL_CAMPAIGNS = ("welcome series", "weekly_digest", "abandoned cart")

# UTM-tagged traffic: utm_source, utm_medium, campaigns (a CAMPAIGNS platform or "email"),
# utm_content, utm_term, the referrer a click usually keeps, the click id ad platforms append,
# and the share of all sessions.
PAID_SOURCES = (
    ("facebook", "cpc", "meta", "video_v2", None, "https://l.facebook.com/", "fbclid=IwAR0dEmO", 0.09),
    ("fb", "paid_social", "meta", "carousel", None, "https://l.facebook.com/", "fbclid=IwAR1dEmO", 0.05),
    ("instagram", "cpc", "meta", "story", None, "https://l.instagram.com/", "fbclid=PAZXh0bgNh", 0.05),
    ("google", "cpc", "google", None, "linen shirt", "https://www.google.com/", "gclid=Cj0KCQjwdemo", 0.13),
    ("tiktok", "cpc", "tiktok", "ugc_01", None, "https://www.tiktok.com/", "ttclid=E.C.P.demo", 0.06),
    ("newsletter", "email", "email", "hero_button", None, None, None, 0.04),
    ("klaviyo", "email", "email", None, None, None, "_kx=demo.token", 0.04),
)
PAID_REFERRER_KEPT = 0.6  # in-app browsers and privacy settings drop the rest

# Visits with a referrer and no UTMs; {host} is the shop's own domain.
REFERRALS = (
    ("https://www.google.com/", 0.11),
    ("https://l.facebook.com/", 0.04),
    ("https://t.co/x", 0.02),
    ("https://www.bing.com/", 0.02),
    ("https://duckduckgo.com/", 0.015),
    ("https://some-blog.example.org/post", 0.02),
    ("https://{host}/collections/all", 0.03),
    ("https://checkout.shopify.com/", 0.015),
)
DIRECT_SHARE = 0.27
NO_LANDING_SHARE = 0.005  # direct sessions whose landing page the pixel never saw

# How the UTMs of a tagged visit reach the warehouse, with the share of tagged visits.
UTM_FORMS = (
    ("clean", 0.64),
    ("upper", 0.06),
    ("padded", 0.06),
    ("control_char", 0.01),
    ("overlong", 0.01),
    ("bad_percent", 0.01),
    ("url_only", 0.12),
    ("url_only_plus", 0.09),
)
UTM_COLUMNS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")

PATHS = (
    "/",
    "/products/linen-shirt",
    "/products/trail-runner",
    "/products/canvas-tote",
    "/collections/sale",
    "/collections/new-arrivals",
    "/blogs/news/summer-lookbook",
    "/pages/gift-card",
)
PATH_WEIGHTS = np.array([0.3, 0.14, 0.12, 0.1, 0.12, 0.1, 0.06, 0.06])

# Sessions in an order's journey (0..6), for orders that have a visitor_id.
JOURNEY_LENGTHS = np.array([0.08, 0.24, 0.2, 0.17, 0.13, 0.1, 0.08])
VISITOR_SHARE = 0.85  # orders whose visitor_id the pixel captured
BROWSING_PER_ORDER = 2.75  # sessions that convert nothing; with journeys, ~5 per order
JOURNEY_DAYS = 10


def numbered(prefix: str, numbers: np.ndarray) -> pa.Array:
    """Strings `prefix + str(n)`, built in Arrow rather than a Python loop."""
    digits = pa.array(numbers, pa.int64()).cast(pa.string())
    return pc.binary_join_element_wise(prefix, digits, "") if prefix else digits


def instants(us: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    """A UTC timestamp array from int64 microseconds, null where `null` is true."""
    return pa.array(us, INSTANT, mask=null)


def _utm_variant(form: str, utms: dict[str, str]) -> tuple[dict[str, str], str]:
    """The utm_* column values and the landing URL query for one form of one tagged visit."""
    if form == "upper":
        utms = {k: v.upper() for k, v in utms.items()}
    elif form == "control_char":
        utms = {**utms, "utm_campaign": utms["utm_campaign"] + "\x07"}
    elif form == "overlong":
        utms = {**utms, "utm_campaign": ((utms["utm_campaign"] + " - ") * 30)[:300]}
    encode = quote_plus if form == "url_only_plus" else quote
    encoded = {k: encode(v, safe="") for k, v in utms.items()}
    columns = dict(utms)
    if form == "bad_percent":
        # A truncated UTF-8 escape, as hand-built links produce: undecodable in both places.
        columns["utm_campaign"] = encoded["utm_campaign"] = "%E0%A4%A"
    elif form == "padded":
        columns = {k: f"  {v} " for k, v in utms.items()}
    elif form.startswith("url_only"):
        columns = {}
    return columns, "&".join(f"{k}={v}" for k, v in encoded.items())


def _traffic_sources() -> list[dict]:
    """Every kind of visit, shop-independent: utm_* values, query, referrer template, weight."""
    sources = []
    for source, medium, platform, content, term, referrer, click_id, share in PAID_SOURCES:
        names = EMAIL_CAMPAIGNS if platform == "email" else [name for _, name in CAMPAIGNS[platform]]
        kept = (PAID_REFERRER_KEPT, 1 - PAID_REFERRER_KEPT) if referrer else (0.0, 1.0)
        for name in names:
            for form, form_share in UTM_FORMS:
                utms = {"utm_source": source, "utm_medium": medium, "utm_campaign": name}
                utms |= {k: v for k, v in (("utm_content", content), ("utm_term", term)) if v}
                columns, query = _utm_variant(form, utms)
                query = "?" + query + (f"&{click_id}" if click_id else "")
                for ref, ref_share in zip((referrer, None), kept):
                    if ref_share:
                        weight = share * form_share * ref_share / len(names)
                        sources.append(dict(columns, query=query, referrer=ref, weight=weight))
    for referrer, share in REFERRALS:
        sources.append(dict(query="", referrer=referrer, weight=share))
    sources.append(dict(query="", referrer=None, weight=DIRECT_SHARE))
    sources.append(dict(query=None, referrer=None, weight=NO_LANDING_SHARE))
    return sources


@dataclass(frozen=True)
class Storefront:
    """What sessions need to know about the shops, their orders and their customers.

    Customers are numbered globally and grouped by shop (`customer_start[s]` is the first
    customer of shop s); order arrays are aligned with the orders table.
    """

    shop_ids: list[str]
    hosts: list[str]
    history_start: np.ndarray  # per shop, UTC microseconds
    history_end: np.ndarray
    load_cutoff: int
    order_shop: np.ndarray
    order_processed: np.ndarray
    order_customer: np.ndarray  # global customer number, -1 for guests
    customer_start: np.ndarray
    customer_count: np.ndarray
    customer_ids: pa.Array  # customer_id strings by global customer number


def _visitor_ids(visitor: np.ndarray) -> pa.Array:
    # Visitors are numbered densely (customers' devices first); a multiplicative hash on
    # 32 bits (a bijection) makes the ids look like cookies without losing uniqueness.
    scrambled = (visitor * 2654435761 + 40503) % (1 << 32)
    ids = numbered("vis-", scrambled)
    return ids if not (visitor < 0).any() else pc.if_else(pa.array(visitor >= 0), ids, pa.scalar(None, pa.string()))


@dataclass(frozen=True)
class _Journeys:
    """The sessions of each order's visitor before it (position 0 is the last touch)."""

    order: np.ndarray  # the order each journey session leads to
    position: np.ndarray
    started: np.ndarray
    visitor: np.ndarray
    customer: np.ndarray


def _order_visitors(rng: np.random.Generator, store: Storefront, n_customers: int) -> np.ndarray:
    """Each order's visitor number (-1: no visitor recorded).

    Customer c's usual device is c, their other device n_customers + c, a one-off visitor of
    order i is 2 * n_customers + i; browsers come after.
    """
    n = len(store.order_shop)
    customer = store.order_customer
    fresh_visitor = 2 * n_customers + np.arange(n)
    visitor = np.where((customer >= 0) & (rng.random(n) < 0.6), customer, fresh_visitor)
    return np.where(rng.random(n) < VISITOR_SHARE, visitor, -1)


def _journeys(rng: np.random.Generator, store: Storefront, visitor: np.ndarray, n_customers: int) -> _Journeys:
    n = len(store.order_shop)
    length = rng.choice(len(JOURNEY_LENGTHS), n, p=JOURNEY_LENGTHS) * (visitor >= 0)
    journey_order = np.repeat(np.arange(n), length)
    first = np.cumsum(length) - length
    position = np.arange(len(journey_order)) - np.repeat(first, length)  # 0 = the last touch
    j = len(journey_order)
    spread = (JOURNEY_DAYS * DAY * rng.random(j) ** 2).astype(np.int64)  # skewed to recent days
    last_touch = np.where(
        rng.random(j) < 0.3,
        rng.integers(1 * SECOND, 60 * SECOND, j),  # landed seconds before checking out
        np.minimum(rng.exponential(25 * MINUTE, j).astype(np.int64) + SECOND, JOURNEY_DAYS * DAY),
    )
    offset = np.where(position == 0, last_touch, np.maximum(spread, SECOND))
    j_customer = store.order_customer[journey_order]
    other_device = (j_customer >= 0) & (rng.random(j) < 0.12)
    j_visitor = np.where(other_device, n_customers + j_customer, visitor[journey_order])
    logged_in = other_device | ((j_customer >= 0) & (rng.random(j) < 0.25))
    return _Journeys(
        journey_order, position, store.order_processed[journey_order] - offset, j_visitor,
        np.where(logged_in, j_customer, -1),
    )  # fmt: skip


def _browsing(rng: np.random.Generator, store: Storefront, n_customers: int) -> tuple[np.ndarray, ...]:
    """(shop, started, visitor, customer) of browsing that converts nothing.

    Dated like the orders (seasonality included) by anchoring each session to a random
    order of the same shop.
    """
    n = len(store.order_shop)
    m = int(round(BROWSING_PER_ORDER * n))
    anchor = rng.integers(0, n, m)
    shop = store.order_shop[anchor]
    jitter = rng.normal(0, 1.5 * DAY, m).astype(np.int64)
    low, high = store.history_start[shop], store.history_end[shop]
    started = store.order_processed[anchor] + jitter
    outside = (started < low) | (started > high)
    started[outside] -= 2 * jitter[outside]  # mirrored back inside, rather than piled on the edge
    started = np.clip(started, low, high)
    returning = rng.random(m) < 0.12
    known = store.customer_start[shop] + (rng.random(m) * store.customer_count[shop]).astype(np.int64)
    pool = max(1, m // 2)
    visitor = np.where(
        returning,
        known + n_customers * (rng.random(m) < 0.2),
        2 * n_customers + n + (pool * rng.random(m) ** 1.3).astype(np.int64),
    )
    return shop, started, visitor, np.where(returning & (rng.random(m) < 0.5), known, -1)


@dataclass(frozen=True)
class _Urls:
    """Every (shop, path, source) landing URL and (shop, source) referrer: small, so each session is one `take`."""

    sources: list[dict]
    referrers: pa.Array
    landings: pa.Array
    sites: pa.Array  # an order's landing_site: path and query, by (path, source)

    @classmethod
    def of(cls, store: Storefront) -> _Urls:
        sources = _traffic_sources()
        referrers = [
            None if s["referrer"] is None else s["referrer"].format(host=host) for host in store.hosts for s in sources
        ]
        landings = [
            None if s["query"] is None else f"https://{host}{p}{s['query']}"
            for host in store.hosts
            for p in PATHS
            for s in sources
        ]
        sites = [None if s["query"] is None else p + s["query"] for p in PATHS for s in sources]
        return cls(sources, pa.array(referrers, pa.string()), pa.array(landings, pa.string()), pa.array(sites, pa.string()))


def build_sessions(rng: np.random.Generator, store: Storefront) -> tuple[dict[str, pa.Array], dict[str, pa.Array]]:
    """The sessions table's columns, and the orders' visitor_id, landing_site and referring_site."""
    n = len(store.order_shop)
    n_customers = int(store.customer_count.sum())
    visitor = _order_visitors(rng, store, n_customers)
    journeys = _journeys(rng, store, visitor, n_customers)
    b_shop, b_started, b_visitor, b_customer = _browsing(rng, store, n_customers)
    shop = np.concatenate([store.order_shop[journeys.order], b_shop])
    started = np.concatenate([journeys.started, b_started])
    visitors = np.concatenate([journeys.visitor, b_visitor])
    customers = np.concatenate([journeys.customer, b_customer])

    urls = _Urls.of(store)
    weights = np.array([s["weight"] for s in urls.sources])
    n_sources, n_paths = len(urls.sources), len(PATHS)
    source = rng.choice(n_sources, len(shop), p=weights / weights.sum())
    path = rng.choice(n_paths, len(shop), p=PATH_WEIGHTS / PATH_WEIGHTS.sum())
    # The landing site of an order is its last touch, or any visit when it had no journey.
    o_source = rng.choice(n_sources, n, p=weights / weights.sum())
    o_path = rng.choice(n_paths, n, p=PATH_WEIGHTS / PATH_WEIGHTS.sum())
    last = journeys.position == 0
    o_source[journeys.order[last]] = source[: len(journeys.order)][last]
    o_path[journeys.order[last]] = path[: len(journeys.order)][last]

    columns = _session_columns(rng, store, urls, shop, started, visitors, customers, source, path)
    no_site = rng.random(n) >= 0.6  # Shopify fills landing_site for some orders only
    order_columns = {
        "visitor_id": _visitor_ids(visitor),
        "landing_site": urls.sites.take(pa.array(o_path * n_sources + o_source, mask=no_site)),
        "referring_site": urls.referrers.take(pa.array(store.order_shop * n_sources + o_source, mask=no_site)),
    }
    return columns, order_columns


def _session_columns(rng, store: Storefront, urls: _Urls, shop, started, visitors, customers, source, path) -> dict[str, pa.Array]:
    """The sessions table's columns, sorted by shop and start; session ids number each shop's sessions."""
    n_sources, n_paths, total = len(urls.sources), len(PATHS), len(shop)
    order = np.lexsort((started, shop))
    shop, started, visitors, customers = shop[order], started[order], visitors[order], customers[order]
    source, path = source[order], path[order]
    shop_source = pa.array(shop * n_sources + source)
    rank = np.arange(total) - np.searchsorted(shop, shop)
    loaded = np.minimum(started + rng.integers(5 * MINUTE, 3 * HOUR, total), store.load_cutoff)
    columns = {
        "shop_id": pa.array(store.shop_ids).take(pa.array(shop)),
        "session_id": numbered("sess-", rank + 1),
        "visitor_id": _visitor_ids(visitors),
        "customer_id": store.customer_ids.take(pa.array(customers, mask=customers < 0)),
        "started_at": instants(started),
        "landing_url": urls.landings.take(pa.array((shop * n_paths + path) * n_sources + source)),
        "referrer": urls.referrers.take(shop_source),
    }
    for name in UTM_COLUMNS:
        columns[name] = pa.array([s.get(name) for s in urls.sources] * len(store.hosts), pa.string()).take(shop_source)
    columns["_loaded_at"] = instants(np.maximum(loaded, started))
    return columns
