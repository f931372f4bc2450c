"""A realistic multi-shop Shopify warehouse, generated in memory for demos, tests and benchmarks.

`generate` returns one pyarrow Table per table of the source contract
(`semantic.contract.CONTRACT`), with exactly its columns, order and types:

- shops in several time zones and currencies (New York USD, Berlin EUR, Sydney AUD,
  Los Angeles USD, Tokyo JPY, then again with numbered ids), with uneven order volumes;
- orders over `days` shop-local days ending on `end`, with weekly and yearly seasonality,
  repeat customers, guest checkouts (some with a customer's email in another case or padded
  with spaces, some with none), every financial status, cancellations and test orders;
- order lines (1 to 5 per order) whose price x quantity sums exactly to gross_sales, and whose
  discounts sum exactly to the order's (0%, 10-20% or 100%);
- full and partial refunds from an hour to 20 days after the order, some on the next local day;
- customers, created at or before their first order;
- storefront sessions, about 5 per order (see `semantic.demo_sessions`);
- daily ad spend per shop-local day, platform and campaign.

Money is built from integer cents, never floats; ids are strings unique within a shop only
(every shop's first order is '1001'). Everything is vectorised numpy and pyarrow, deterministic
(same arguments, identical tables) and never touches a database.

>>> import datetime
>>> tables = generate(orders=2_000, shops=2, end=datetime.date(2024, 6, 30), days=90)
>>> tables["orders"].num_rows, tables["shops"].column("shop_id").to_pylist()
(2000, ['shop_us', 'shop_de'])
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from semantic.contract import FINANCIAL_STATUSES
from semantic.arrow_schema import contract_arrow_schema
from semantic.demo_sessions import CAMPAIGNS, DAY, HOUR, MINUTE, SECOND, Storefront, build_sessions, instants, numbered

@dataclass(frozen=True)
class _Region:
    """What a shop's orders look like where it sells. Amounts are in the currency's minor unit."""

    shop_id: str
    timezone: str
    currency: str
    cents_per_minor: int  # yen have no cents: a JPY amount is whole yen, 100 "cents" each
    median_price: int
    tax_bps: tuple[int, ...]  # sales tax or VAT rates seen on orders, basis points
    shipping: tuple[int, ...]  # shipping fees offered; 0 = free


REGIONS = (
    _Region("shop_us", "America/New_York", "USD", 1, 3900, (0, 400, 625, 725, 888), (0, 0, 0, 499, 799)),
    _Region("shop_de", "Europe/Berlin", "EUR", 1, 3500, (1900, 1900, 1900, 1900, 700), (0, 0, 0, 495, 695)),
    _Region("shop_au", "Australia/Sydney", "AUD", 1, 5500, (1000,) * 5, (0, 0, 0, 995, 1500)),
    _Region("shop_ca", "America/Los_Angeles", "USD", 1, 4200, (725, 775, 863, 950, 1025), (0, 0, 0, 599, 999)),
    _Region("shop_jp", "Asia/Tokyo", "JPY", 100, 4800, (1000, 1000, 1000, 1000, 800), (0, 0, 0, 500, 800)),
)

# Shopify's statuses (contract order) and how often each occurs.
STATUS_SHARE = dict(
    pending=0.02, authorized=0.015, partially_paid=0.01, paid=0.855,
    partially_refunded=0.045, refunded=0.04, voided=0.015, expired=0.0,
)  # fmt: skip
# expired (a lapsed authorization) is last with no share, so the generated orders stay as they were.
STATUS = {s: i for i, s in enumerate(FINANCIAL_STATUSES)}
CANCELLED_SHARE, TEST_SHARE, GUEST_SHARE = 0.02, 0.01, 0.22
LINES_PER_ORDER = np.array([0.5, 0.25, 0.13, 0.08, 0.04])  # 1..5 lines
PRODUCTS = 150
WEEKDAY = np.array([0.97, 0.95, 0.96, 0.99, 1.05, 1.1, 1.12])  # Monday first
MONTH = np.array([0.85, 0.85, 0.95, 1.0, 1.0, 0.95, 0.9, 0.95, 1.0, 1.05, 1.2, 1.35])
HOURLY = np.array([0.9, 0.6, 0.4, 0.3, 0.3, 0.4, 0.7, 1.2, 1.8, 2.2, 2.5, 2.7])  # local hour 0..11
HOURLY = np.concatenate([HOURLY, [2.9, 2.8, 2.7, 2.7, 2.8, 3.0, 3.2, 3.5, 3.8, 3.7, 3.0, 1.8]])  # 12..23
FIRST_NAMES = ("ava", "liam", "mia", "noah", "emma", "lucas", "sofia", "leon", "hana", "oliver", "chloe", "kenji")
LAST_NAMES = ("smith", "muller", "nguyen", "tanaka", "brown", "garcia", "wilson", "schmidt", "sato", "lee")
DOMAINS = ("example.com", "example.net", "example.org", "mail.example.de", "example.co.jp")
AD_BUDGET_SHARE = 0.12  # of revenue, split by PLATFORM_BUDGET
PLATFORM_BUDGET = {"meta": 0.45, "google": 0.4, "tiktok": 0.15}
PLATFORM_CTR = {"meta": 0.012, "google": 0.035, "tiktok": 0.008}
PLATFORM_ROAS = {"meta": 2.6, "google": 3.8}  # tiktok reports no conversion value here


@dataclass(frozen=True)
class _Shops:
    regions: list[_Region]
    ids: list[str]
    first_day: int  # epoch day of the first local day of history
    days: int
    day_weights: np.ndarray  # share of orders on each local day
    history_start: np.ndarray  # per shop, UTC microseconds of the first local midnight
    history_end: np.ndarray  # per shop, the last microsecond of the last local day
    load_cutoff: int  # _loaded_at never passes the end of the UTC day after `end`


def _local_to_utc(local_us: np.ndarray, tz: str) -> np.ndarray:
    """Wall-clock microseconds in `tz` to UTC; DST gaps resolve forward, overlaps to the first."""
    if len(local_us) == 0:
        return local_us.astype(np.int64)
    naive = pa.array(local_us, pa.timestamp("us"))
    utc = pc.assume_timezone(naive, timezone=tz, ambiguous="earliest", nonexistent="latest")
    return utc.view(pa.int64()).to_numpy()


def _per_shop(shop: np.ndarray, shops: _Shops, local_us: np.ndarray) -> np.ndarray:
    """_local_to_utc where each row's time zone is its shop's."""
    out = np.empty_like(local_us)
    for s, region in enumerate(shops.regions):
        mask = shop == s
        out[mask] = _local_to_utc(local_us[mask], region.timezone)
    return out


def _day_weights(first_day: int, days: int) -> np.ndarray:
    epoch_day = first_day + np.arange(days)
    dates = epoch_day.astype("datetime64[D]")
    month = dates.astype("datetime64[M]").astype(np.int64) % 12
    day_of_month = (dates - dates.astype("datetime64[M]")).astype(np.int64) + 1
    trend = 0.8 + 0.4 * np.arange(days) / max(days - 1, 1)  # the business grows
    weights = WEEKDAY[(epoch_day + 3) % 7] * MONTH[month] * trend  # 1970-01-01 was a Thursday
    black_friday = ((month == 10) & (day_of_month >= 24)) | ((month == 11) & (day_of_month <= 2))
    weights = weights * np.where(black_friday, 2.2, 1.0)
    return weights / weights.sum()


def _shops(count: int, end: datetime.date, days: int) -> _Shops:
    regions = [REGIONS[s % len(REGIONS)] for s in range(count)]
    ids = [r.shop_id if s < len(REGIONS) else f"{r.shop_id}_{s // len(REGIONS) + 1}" for s, r in enumerate(regions)]
    last_day = (end - datetime.date(1970, 1, 1)).days
    first_day = last_day - days + 1
    start = [_local_to_utc(np.array([first_day * DAY]), r.timezone)[0] for r in regions]
    stop = [_local_to_utc(np.array([(last_day + 1) * DAY]), r.timezone)[0] - 1 for r in regions]
    return _Shops(
        regions, ids, first_day, days, _day_weights(first_day, days),
        np.array(start), np.array(stop), (last_day + 2) * DAY - 1,
    )  # fmt: skip


def _money(cents: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    """decimal(18, 2) straight from integer cents: the unscaled 128-bit value is the cent count."""
    words = np.empty((len(cents), 2), dtype=np.int64)
    words[:, 0] = cents
    words[:, 1] = cents >> 63  # sign extension to 128 bits
    valid = None if null is None else pa.py_buffer(np.packbits(~null, bitorder="little"))
    return pa.Array.from_buffers(pa.decimal128(18, 2), len(cents), [valid, pa.py_buffer(words)])


def _rank_within_shop(shop: np.ndarray) -> np.ndarray:
    """0-based position of each row within its shop; rows must be grouped by shop."""
    return np.arange(len(shop)) - np.searchsorted(shop, shop)


def _order_times(rng: np.random.Generator, shops: _Shops, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each order's shop and shop-local processing time, grouped by shop and sorted by time."""
    popularity = (1 / np.arange(1, len(shops.ids) + 1) ** 0.8) * rng.uniform(0.8, 1.2, len(shops.ids))
    count = rng.multinomial(n, popularity / popularity.sum())
    shop = np.repeat(np.arange(len(shops.ids)), count)
    day = shops.first_day + rng.choice(shops.days, n, p=shops.day_weights)
    time_of_day = rng.choice(24, n, p=HOURLY / HOURLY.sum()) * HOUR + rng.integers(0, HOUR, n)
    local = day * DAY + time_of_day
    # In every shop one order in 200 (at least 2) lies within 30 minutes of a local midnight,
    # alternately before and after it, at the turn of a month where possible: there local
    # and UTC dates, and months, disagree whichever side of UTC the shop is.
    dates = (shops.first_day + np.arange(1, shops.days)).astype("datetime64[D]")
    month_starts = dates[dates == dates.astype("datetime64[M]")]
    midnights = (month_starts if len(month_starts) else dates).astype(np.int64)
    if len(midnights):
        first = np.cumsum(count) - count
        picks = [f + rng.choice(c, min(c, max(2, c // 200)), replace=False) for f, c in zip(first, count)]
        near = np.concatenate(picks)
        side = np.where(np.arange(len(near)) % 2, 1, -1)
        local[near] = rng.choice(midnights, len(near)) * DAY + side * rng.integers(1, 30 * MINUTE, len(near))
    order = np.lexsort((local, shop))
    return shop, local[order]


def _orders(rng: np.random.Generator, shops: _Shops, n: int) -> dict[str, np.ndarray]:
    """When each order happened, its status, and whose it is (customer numbers are global)."""
    shop, local = _order_times(rng, shops, n)
    processed = _per_shop(shop, shops, local)
    created = processed - rng.integers(5 * SECOND, 15 * MINUTE, n)  # checkout, then payment
    status = rng.choice(len(FINANCIAL_STATUSES), n, p=[STATUS_SHARE[s] for s in FINANCIAL_STATUSES])
    cancelled = rng.random(n) < CANCELLED_SHARE
    # A cancelled order was refunded or voided, now and then left as it was.
    outcome = rng.choice(3, n, p=[0.55, 0.35, 0.1])
    status = np.where(cancelled & (outcome == 0), STATUS["refunded"], status)
    status = np.where(cancelled & (outcome == 1), STATUS["voided"], status)
    end = shops.history_end[shop]
    cancelled_at = processed + rng.integers(HOUR, 3 * DAY, n)
    late = cancelled_at > end
    cancelled_at[late] = processed[late] + 1 + (rng.random(late.sum()) * (end - processed)[late]).astype(np.int64)

    # Customers: ~2 orders each on average, a loyal 5% placing many; 22% guest checkouts.
    customer_count = np.maximum(1, np.round(0.5 * np.bincount(shop, minlength=len(shops.ids)))).astype(np.int64)
    customer_start = np.cumsum(customer_count) - customer_count
    pool = customer_count[shop]
    loyal = rng.random(n) < 0.3
    local_customer = np.where(loyal, 0.05 * pool * rng.random(n) ** 1.25, pool * rng.random(n)).astype(np.int64)
    customer = np.where(rng.random(n) < GUEST_SHARE, -1, customer_start[shop] + np.minimum(local_customer, pool - 1))
    return dict(
        shop=shop, local=local, processed=processed, created=created, status=status,
        cancelled=np.where(cancelled, cancelled_at, -1), is_test=rng.random(n) < TEST_SHARE,
        customer=customer, customer_count=customer_count, customer_start=customer_start,
    )  # fmt: skip


def _lines(rng: np.random.Generator, shops: _Shops, shop: np.ndarray) -> dict[str, np.ndarray]:
    """Order lines, prices in minor units; `starts[i]` is order i's first line."""
    n = len(shop)
    count = rng.choice(len(LINES_PER_ORDER), n, p=LINES_PER_ORDER) + 1
    order = np.repeat(np.arange(n), count)
    # A catalogue per shop: log-normal prices in whole units (hundreds of yen), mostly .99.
    median = np.array([[r.median_price] for r in shops.regions])
    units = np.maximum(1, np.round(rng.lognormal(0, 0.6, (len(shops.ids), PRODUCTS)) * median / 100))
    has_cents = np.array([[r.cents_per_minor == 1] for r in shops.regions])
    catalogue = (units * 100 - ((rng.random(units.shape) < 0.7) & has_cents)).astype(np.int64)
    product = (PRODUCTS * rng.random(len(order)) ** 1.8).astype(np.int64)  # a few best sellers
    line_shop = shop[order]
    return dict(
        order=order, starts=np.cumsum(count) - count, shop=line_shop, product=product,
        price=catalogue[line_shop, product], quantity=rng.choice(3, len(order), p=[0.82, 0.13, 0.05]) + 1,
    )  # fmt: skip


def _amounts(rng: np.random.Generator, shops: _Shops, o: dict, lines: dict) -> dict[str, np.ndarray]:
    """Each order's gross, discounts, shipping and taxes, and its lines' discounts (minor units)."""
    n = len(o["shop"])
    line_gross = lines["price"] * lines["quantity"]
    gross = np.add.reduceat(line_gross, lines["starts"])
    kind = rng.choice(3, n, p=[0.72, 0.255, 0.025])  # nothing off, 10-20% off, free
    percent = np.choose(kind, [0, rng.integers(10, 21, n), 100])
    discounts = gross * percent // 100
    # Pro rata over the lines, the remainder (a few minor units) on the first line.
    line_discount = line_gross * discounts[lines["order"]] // gross[lines["order"]]
    line_discount[lines["starts"]] += discounts - np.add.reduceat(line_discount, lines["starts"])
    shipping = np.array([r.shipping for r in shops.regions])[o["shop"], rng.integers(0, 5, n)]
    tax_bps = np.array([r.tax_bps for r in shops.regions])[o["shop"], rng.integers(0, 5, n)]
    taxes = ((gross - discounts) * tax_bps + 5000) // 10000  # rounded half up
    return dict(gross=gross, discounts=discounts, shipping=shipping, taxes=taxes, line_discount=line_discount)


def _refunds(rng: np.random.Generator, shops: _Shops, o: dict) -> dict[str, np.ndarray]:
    """A full refund per refunded order, one or two partial ones per partially refunded order."""
    net = o["gross"] - o["discounts"]
    full = np.flatnonzero(o["status"] == STATUS["refunded"])
    partial = np.flatnonzero(o["status"] == STATUS["partially_refunded"])  # all with net >= 3
    total = np.clip((net[partial] * rng.uniform(0.1, 0.7, len(partial))).astype(np.int64), 1, net[partial] - 1)
    two = (rng.random(len(partial)) < 0.3) & (total >= 2)
    split = np.clip((total * rng.uniform(0.3, 0.7, len(partial))).astype(np.int64), 1, np.maximum(total - 1, 1))
    first_amount = np.where(two, split, total)

    order = np.concatenate([full, partial, partial[two]])
    sequence = np.repeat([0, 0, 1], [len(full), len(partial), two.sum()])
    amount = np.concatenate([net[full], first_amount, (total - first_amount)[two]])
    is_full = np.arange(len(order)) < len(full)
    shipping = np.where(is_full, o["shipping"][order], 0)
    # Partial refunds return tax in proportion to the merchandise.
    taxes = np.where(is_full, o["taxes"][order], o["taxes"][order] * amount // np.maximum(net[order], 1))

    # When: 1 hour to 20 days after the order (most within a week or two, as returns are
    # shipped back), 15% on the next local day, at cancellation for cancelled orders; a
    # second partial refund comes after the first.
    processed, shop, local, k = o["processed"][order], o["shop"][order], o["local"][order], len(order)
    when = processed + HOUR + (rng.beta(1.3, 2.5, k) * (20 * DAY - HOUR)).astype(np.int64)
    earliest = np.maximum(0, local % DAY + HOUR - DAY)  # still an hour or more after the order
    next_day = (local // DAY + 1) * DAY + earliest + (rng.random(k) * (DAY - earliest)).astype(np.int64)
    when = np.where(rng.random(k) < 0.15, _per_shop(shop, shops, next_day), when)
    cancelled = o["cancelled"][order]
    when = np.where(cancelled >= 0, cancelled + rng.integers(0, 30 * MINUTE, k), when)
    first_when = np.zeros(len(net), np.int64)
    first_when[order[sequence == 0]] = when[sequence == 0]
    after = first_when[order]
    later = after + (rng.random(k) * (20 * DAY - (after - processed))).astype(np.int64)
    when = np.where(sequence == 1, later, when)
    # Nothing happens after the history ends: a refund due later moves back to between the
    # order (or the first refund) and the end.
    end = shops.history_end[shop]
    floor = np.where(sequence == 1, np.minimum(after, end), processed)
    when = np.where(when > end, floor + (rng.random(k) * (end - floor)).astype(np.int64), when)

    by_order = np.lexsort((sequence, order))  # orders are grouped by shop, so refunds are too
    r = dict(order=order, amount=amount, shipping=shipping, taxes=taxes, processed=when, shop=shop)
    return {key: value[by_order] for key, value in r.items()}


def _customers(rng: np.random.Generator, shops: _Shops, o: dict) -> dict:
    """Customer accounts, created at or before their first order; some never ordered."""
    count = int(o["customer_count"].sum())
    shop = np.repeat(np.arange(len(shops.ids)), o["customer_count"])
    known = o["customer"] >= 0
    never = np.iinfo(np.int64).max
    first = np.full(count, never)
    np.minimum.at(first, o["customer"][known], o["created"][known])
    # Half sign up at checkout, the rest weeks or months before (possibly before history).
    lead = np.where(
        rng.random(count) < 0.45, rng.integers(0, 2 * MINUTE, count), rng.exponential(60 * DAY, count).astype(np.int64)
    )
    start, end = shops.history_start[shop], shops.history_end[shop]
    signed_up = start + (rng.random(count) * (end - start)).astype(np.int64)
    created = np.where(first < never, first - lead, signed_up)
    # Shopify ids grow with creation time: number customers by when they signed up.
    rows = np.lexsort((created, shop))
    rank = np.empty(count, np.int64)
    rank[rows] = _rank_within_shop(shop[rows])
    ids = numbered("", 6_100_000_000_000 + rank * 64 + rng.integers(0, 64, count))
    names = [pa.array(v).take(pa.array(rng.integers(0, len(v), count))) for v in (FIRST_NAMES, LAST_NAMES, DOMAINS)]
    email = pc.binary_join_element_wise(names[0], ".", names[1], numbered("", rank + 1), "@", names[2], "")
    email = pc.if_else(pa.array(rng.random(count) < 0.06), pa.scalar(None, pa.string()), email)
    loaded = np.minimum(created + rng.integers(2 * MINUTE, 6 * HOUR, count), shops.load_cutoff)
    return dict(shop=shop, created=created, ids=ids, email=email, loaded=loaded, rows=rows)


def _order_emails(rng: np.random.Generator, o: dict, customers: dict) -> pa.Array:
    """Customers' orders carry their email; guests type theirs, sometimes a customer's."""
    n, guest = len(o["shop"]), o["customer"] < 0
    pool = o["customer_count"][o["shop"]]
    lookalike = o["customer_start"][o["shop"]] + (rng.random(n) * pool).astype(np.int64)
    known = customers["email"].take(pa.array(np.where(guest, lookalike, o["customer"])))
    # Guests: a customer's email as typed, in upper case, padded with spaces; a fresh one; none.
    kind = np.where(guest, rng.choice(5, n, p=[0.12, 0.08, 0.08, 0.66, 0.06]) + 1, 0).astype(np.int8)
    fresh = pc.binary_join_element_wise("guest", numbered("", np.arange(n)), "@example.com", "")
    return pc.choose(
        pa.array(kind), known, known, pc.utf8_upper(known),
        pc.binary_join_element_wise("  ", known, " ", ""), fresh, pa.nulls(n, pa.string()),
    )  # fmt: skip


def _ad_spend(rng: np.random.Generator, shops: _Shops, revenue: np.ndarray) -> dict:
    """One row per shop, local day and campaign; the budget follows revenue and seasonality."""
    campaigns = [(platform, int(cid), name) for platform, items in CAMPAIGNS.items() for cid, name in items]
    k, n_shops, days = len(campaigns), len(shops.ids), shops.days
    platform = np.array([p for p, _, _ in campaigns])
    share = np.array([PLATFORM_BUDGET[p] / len(CAMPAIGNS[p]) for p in platform])
    rows = n_shops * days * k
    shop = np.repeat(np.arange(n_shops), days * k)
    day = np.tile(np.repeat(np.arange(days), k), n_shops)
    campaign = np.tile(np.arange(k), n_shops * days)
    daily_budget = AD_BUDGET_SHARE * revenue[shop] * shops.day_weights[day]
    spend = np.round(daily_budget * share[campaign] * rng.lognormal(0, 0.25, rows)).astype(np.int64)
    # TikTok campaigns launch part-way through; any campaign pauses now and then. Both leave
    # rows with zero spend, as the platforms' exports do.
    launch = rng.integers(0, max(1, days // 3), (n_shops, k)) * (platform == "tiktok")
    spend[(rng.random(rows) < 0.05) | (day < launch[shop, campaign])] = 0
    cpm = np.array([1400 if r.cents_per_minor == 100 else 900 for r in shops.regions])[shop]
    impressions = np.round(spend / cpm * 1000 * rng.lognormal(0, 0.2, rows)).astype(np.int64)
    clicks = rng.binomial(impressions, np.array([PLATFORM_CTR[p] for p in platform])[campaign])
    roas = np.array([PLATFORM_ROAS.get(p, np.nan) for p in platform])[campaign]
    no_value = np.isnan(roas) | (rng.random(rows) < 0.04)
    value = np.where(no_value, 0, np.round(spend * np.nan_to_num(roas) * rng.lognormal(0, 0.35, rows))).astype(np.int64)
    local_day = shops.first_day + day
    closed = _per_shop(shop, shops, (local_day + 1) * DAY)  # the day's numbers settle after it ends
    return dict(
        shop=shop, date=local_day.astype(np.int32), platform=platform[campaign],
        campaign_id=np.array([cid for _, cid, _ in campaigns])[campaign] + shop * 1_000_000,
        campaign_name=np.array([name for _, _, name in campaigns])[campaign], spend=spend,
        impressions=impressions, clicks=clicks, value=value, no_value=no_value,
        loaded=np.minimum(closed + rng.integers(HOUR, 12 * HOUR, rows), shops.load_cutoff),
    )  # fmt: skip


def generate(
    orders: int = 20_000, shops: int = 3, seed: int = 7, end: datetime.date | None = None, days: int = 400
) -> dict[str, pa.Table]:
    """A synthetic warehouse: one pyarrow Table per contract table, keyed by table name.

    History covers `days` shop-local days ending on `end` (default: today, UTC); `_loaded_at`
    never passes the end of the UTC day after `end`. Same arguments, identical tables.

    >>> import datetime
    >>> t = generate(orders=2_000, shops=5, end=datetime.date(2024, 12, 31), days=120)
    >>> from semantic.contract import CONTRACT
    >>> sorted(t) == sorted(CONTRACT)
    True
    >>> t["shops"].column("currency").to_pylist()
    ['USD', 'EUR', 'AUD', 'USD', 'JPY']
    """
    if orders < 1 or shops < 1 or days < 1:
        raise ValueError(f"generate needs orders, shops and days >= 1, got {orders}, {shops}, {days}")
    end = end if end is not None else datetime.datetime.now(datetime.timezone.utc).date()
    # One stream per part, so changing one part leaves the others' data as it was.
    r_orders, r_lines, r_refunds, r_customers, r_sessions, r_ads, r_loads = np.random.default_rng(seed).spawn(7)
    info = _shops(shops, end, days)
    o = _orders(r_orders, info, orders)
    lines = _lines(r_lines, info, o["shop"])
    o |= _amounts(r_lines, info, o, lines)
    # A partial refund must leave something unrefunded (free orders cannot have one).
    o["status"][(o["status"] == STATUS["partially_refunded"]) & (o["gross"] - o["discounts"] < 3)] = STATUS["paid"]
    refunds = _refunds(r_refunds, info, o)
    customers = _customers(r_customers, info, o)
    email = _order_emails(r_customers, o, customers)
    store = Storefront(
        info.ids, [f"{i.replace('_', '-')}.myshopify.com" for i in info.ids], info.history_start, info.history_end,
        info.load_cutoff, o["shop"], o["processed"], o["customer"], o["customer_start"], o["customer_count"],
        customers["ids"],
    )  # fmt: skip
    sessions, order_traffic = build_sessions(r_sessions, store)
    revenue = np.bincount(o["shop"], weights=o["gross"] - o["discounts"], minlength=shops)
    ads = _ad_spend(r_ads, info, revenue)

    # An order row is loaded after its last change: payment, cancellation or refund.
    last_change = np.maximum(o["processed"], o["cancelled"])
    np.maximum.at(last_change, refunds["order"], refunds["processed"])
    order_loaded = np.minimum(last_change + r_loads.integers(2 * MINUTE, 6 * HOUR, orders), info.load_cutoff)
    refund_loaded = np.minimum(
        refunds["processed"] + r_loads.integers(2 * MINUTE, 6 * HOUR, len(refunds["order"])), info.load_cutoff
    )
    parts = _Parts(info, o, lines, refunds, customers, ads)
    tables = {
        "shops": dict(
            shop_id=pa.array(info.ids), timezone=pa.array([r.timezone for r in info.regions]),
            currency=pa.array([r.currency for r in info.regions]),
        ),
        "orders": _order_columns(parts, email, order_traffic, order_loaded),
        **_line_and_refund_columns(parts, refund_loaded),
        "customers": {
            "shop_id": parts.shop_ids.take(pa.array(customers["shop"])), "customer_id": customers["ids"],
            "email": customers["email"], "created_at": instants(customers["created"]),
            "_loaded_at": instants(customers["loaded"]),
        },
        "sessions": sessions,
        "ad_spend": _ad_spend_columns(parts),
    }  # fmt: skip
    out = {name: _table(name, columns) for name, columns in tables.items()}
    out["customers"] = out["customers"].take(pa.array(customers["rows"]))  # by shop, then sign-up
    return out


def _table(name: str, columns: dict[str, pa.Array]) -> pa.Table:
    schema = contract_arrow_schema(name)
    rows = len(next(iter(columns.values())))
    # Optional columns the demo does not generate (duties) are NULL.
    arrays = [columns[f.name] if f.name in columns else pa.nulls(rows, f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


@dataclass(frozen=True)
class _Parts:
    """What the contract tables are built from: the shops and every generated part, keyed arrays."""

    info: _Shops
    o: dict
    lines: dict
    refunds: dict
    customers: dict
    ads: dict

    @property
    def cents(self) -> np.ndarray:
        return np.array([r.cents_per_minor for r in self.info.regions])

    @property
    def shop_ids(self) -> pa.Array:
        return pa.array(self.info.ids)

    @property
    def order_ids(self) -> pa.Array:
        return numbered("", 1001 + _rank_within_shop(self.o["shop"]))


def _order_columns(parts: _Parts, email: pa.Array, order_traffic: dict, loaded: np.ndarray) -> dict[str, pa.Array]:
    o, cents = parts.o, parts.cents
    customer = o["customer"]
    return dict(
        shop_id=parts.shop_ids.take(pa.array(o["shop"])), order_id=parts.order_ids,
        customer_id=parts.customers["ids"].take(pa.array(customer, mask=customer < 0)), email=email,
        created_at=instants(o["created"]), processed_at=instants(o["processed"]),
        financial_status=pa.array(FINANCIAL_STATUSES).take(pa.array(o["status"])),
        cancelled_at=instants(o["cancelled"], null=o["cancelled"] < 0), is_test=pa.array(o["is_test"]),
        gross_sales=_money(o["gross"] * cents[o["shop"]]),
        **{m: _money(o[m] * cents[o["shop"]]) for m in ("discounts", "shipping", "taxes")},
        **order_traffic,
        _loaded_at=instants(loaded),
        taxes_included=pa.array(np.zeros(len(customer), dtype=bool)),
    )  # fmt: skip


def _line_and_refund_columns(parts: _Parts, refund_loaded: np.ndarray) -> dict[str, dict[str, pa.Array]]:
    lines, refunds, cents, shop_ids, order_ids = parts.lines, parts.refunds, parts.cents, parts.shop_ids, parts.order_ids
    return {
        "order_lines": dict(
            shop_id=shop_ids.take(pa.array(lines["shop"])), order_id=order_ids.take(pa.array(lines["order"])),
            line_id=numbered("", 14_000_000_001 + _rank_within_shop(lines["shop"])),
            product_id=numbered("", 8_300_000_000_000 + lines["product"] * 1024),
            quantity=pa.array(lines["quantity"], pa.int64()), price=_money(lines["price"] * cents[lines["shop"]]),
            discount=_money(parts.o["line_discount"] * cents[lines["shop"]]),
        ),
        "refunds": dict(
            shop_id=shop_ids.take(pa.array(refunds["shop"])),
            refund_id=numbered("", 950_000_001 + _rank_within_shop(refunds["shop"])),
            order_id=order_ids.take(pa.array(refunds["order"])), processed_at=instants(refunds["processed"]),
            **{m: _money(refunds[m] * cents[refunds["shop"]]) for m in ("amount", "shipping", "taxes")},
            _loaded_at=instants(refund_loaded),
        ),
    }  # fmt: skip


def _ad_spend_columns(parts: _Parts) -> dict[str, pa.Array]:
    ads, cents = parts.ads, parts.cents
    return dict(
        shop_id=parts.shop_ids.take(pa.array(ads["shop"])), date=pa.array(ads["date"], pa.date32()),
        platform=pa.array(ads["platform"]), campaign_id=numbered("", ads["campaign_id"]),
        campaign_name=pa.array(ads["campaign_name"]), spend=_money(ads["spend"] * cents[ads["shop"]]),
        impressions=pa.array(ads["impressions"]), clicks=pa.array(ads["clicks"]),
        platform_conversion_value=_money(ads["value"] * cents[ads["shop"]], null=ads["no_value"]),
        _loaded_at=instants(ads["loaded"]),
    )  # fmt: skip
