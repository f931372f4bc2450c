"""An independent reference for the core metrics, in plain Python, and random shop data for it.

Nothing here uses Ibis or SQL: shop time comes from `zoneinfo`, money is
`Decimal`, and each metric follows the words of the foundation issue (metric
definitions v1), not the code under test:

- included order: not test, not cancelled, financial_status paid,
  partially_refunded or refunded; its day is processed_at in the shop's zone;
- revenue: gross_sales - discounts (+ shipping) (+ taxes) of included orders, minus
  their refunds (amount (+ shipping) (+ taxes)), on the order's day or the refund's;
  taxes are never added to tax-inclusive prices (taxes_included; issue 11), and under
  refund_date a refund of an order never loaded counts on its own day;
- paid_spend: spend on paid platforms, on the row's shop-local `date`;
- new_customers: per shop, a customer (customer_id; a guest by the one customers
  row with the same normalised email, else by the email) on the day of their
  first included order that is not fully refunded, over all history;
- a bucket appears when a metric of the query has a contributing row in it; an
  additive metric with no rows there is 0; a ratio is NULL when its denominator is 0.

`random_shop_data` is a hypothesis strategy for small multi-shop warehouses whose
instants cluster around DST changes and local midnights.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

import pyarrow as pa
from hypothesis import strategies as st

from semantic.arrow_schema import contract_arrow_schema
from semantic.contract import CONTRACT, FINANCIAL_STATUSES

UTC = dt.timezone.utc
ZONES = (
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "Asia/Kolkata",  # +05:30, no DST
    "Pacific/Chatham",  # +12:45 / +13:45
    "UTC",
)
CURRENCIES = ("USD", "EUR")
PLATFORMS = ("meta", "google", "tiktok", "pinterest")
EMAILS = ("ana@shop.com", "bo@shop.com", "dup@shop.com")
INCLUDED_STATUSES = ("paid", "partially_refunded", "refunded")
CORE_METRICS = ("revenue", "orders", "aov", "paid_spend", "mer", "new_customers", "cac")
RATIOS = {"aov": ("revenue", "orders"), "mer": ("revenue", "paid_spend"), "cac": ("paid_spend", "new_customers")}
ADDITIVE_SOURCES = {  # which facts each additive metric takes rows from
    "revenue": ("included_orders", "refunds"),
    "orders": ("included_orders",),
    "paid_spend": ("paid_spend",),
    "new_customers": ("acquisitions",),
}
ZERO = Decimal("0.00")


# -- the data, as plain Python ---------------------------------------------------
@dataclass
class ShopData:
    """A small warehouse as lists of row dicts keyed by contract column."""

    shops: list[dict] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)
    refunds: list[dict] = field(default_factory=list)
    customers: list[dict] = field(default_factory=list)
    ad_spend: list[dict] = field(default_factory=list)

    def arrow_tables(self) -> dict[str, pa.Table]:
        """One Arrow table per contract table (tables without rows are empty)."""
        rows = {"shops": self.shops, "orders": self.orders, "refunds": self.refunds,
                "customers": self.customers, "ad_spend": self.ad_spend}
        tables = {}
        for name in CONTRACT:
            schema = contract_arrow_schema(name)
            table_rows = rows.get(name, [])
            tables[name] = pa.Table.from_pylist(table_rows, schema=schema) if table_rows else schema.empty_table()
        return tables


@dataclass(frozen=True)
class Knobs:
    refund_dating: str = "order_date"
    include_shipping: bool = True
    include_taxes: bool = True
    paid_platforms: tuple[str, ...] = ("meta", "google")

    def overrides(self) -> list[str]:
        return [
            f"revenue.refund_dating={self.refund_dating}",
            f"revenue.include_shipping={str(self.include_shipping).lower()}",
            f"revenue.include_taxes={str(self.include_taxes).lower()}",
        ]


# -- the reference computation ---------------------------------------------------
def local_day(instant: dt.datetime, zone: str) -> dt.date:
    return instant.astimezone(ZoneInfo(zone)).date()


def bucket_start(day: dt.date, grain: str) -> dt.date:
    if grain == "day":
        return day
    if grain == "week":  # ISO week: Monday
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    raise ValueError(grain)


def normalised_email(email: str | None) -> str | None:
    if email is None:
        return None
    email = email.strip(" \t\n\r\v\f").lower()
    return email or None


def is_included(order: dict) -> bool:
    return (
        not order["is_test"]
        and order["cancelled_at"] is None
        and order["financial_status"] in INCLUDED_STATUSES
    )


def fact_rows(data: ShopData, knobs: Knobs) -> dict[str, list[tuple[str, dt.date, Decimal | int]]]:
    """(shop_id, shop-local day, value) rows of every fact, before any window."""
    zone = {s["shop_id"]: s["timezone"] for s in data.shops}
    included = {
        (o["shop_id"], o["order_id"]): o for o in data.orders if is_included(o) and o["shop_id"] in zone
    }

    def with_taxes(value: Decimal, taxes: Decimal, taxes_included: bool | None) -> Decimal:
        # Tax-inclusive prices already hold their taxes: add none, or give them back.
        if taxes_included:
            return value if knobs.include_taxes else value - taxes
        return value + taxes if knobs.include_taxes else value

    def order_value(o: dict) -> Decimal:
        value = o["gross_sales"] - o["discounts"]
        value += o["shipping"] if knobs.include_shipping else 0
        return with_taxes(value, o["taxes"], o.get("taxes_included"))

    orders = [(o["shop_id"], local_day(o["processed_at"], zone[o["shop_id"]]), order_value(o)) for o in included.values()]

    loaded = {(o["shop_id"], o["order_id"]) for o in data.orders}
    refunds = []
    for r in data.refunds:
        order = included.get((r["shop_id"], r["order_id"]))
        # Under refund_date, a refund of an order never loaded (before the history) still counts on its day.
        unknown = knobs.refund_dating == "refund_date" and (r["shop_id"], r["order_id"]) not in loaded
        if order is None and not (unknown and r["shop_id"] in zone):
            continue
        value = r["amount"]
        value += r["shipping"] if knobs.include_shipping else 0
        value = with_taxes(value, r["taxes"], order.get("taxes_included") if order else None)
        dated = order["processed_at"] if knobs.refund_dating == "order_date" else r["processed_at"]
        refunds.append((r["shop_id"], local_day(dated, zone[r["shop_id"]]), -value))

    spend = [
        (a["shop_id"], a["date"], a["spend"]) for a in data.ad_spend if a["platform"] in knobs.paid_platforms
    ]

    # Who a guest is: the one customers row with the same normalised email, else the email.
    by_email: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in data.customers:
        email = normalised_email(c["email"])
        if email is not None:
            by_email[(c["shop_id"], email)].append(c["customer_id"])
    first_order: dict[tuple[str, str], dt.datetime] = {}
    for o in included.values():
        if o["financial_status"] == "refunded":
            continue
        if o["customer_id"] is not None:
            key = "id:" + o["customer_id"]
        else:
            email = normalised_email(o["email"])
            if email is None:
                continue
            matches = by_email.get((o["shop_id"], email), [])
            key = "id:" + matches[0] if len(matches) == 1 else "email:" + email
        slot = (o["shop_id"], key)
        if slot not in first_order or o["processed_at"] < first_order[slot]:
            first_order[slot] = o["processed_at"]
    acquisitions = [(shop, local_day(at, zone[shop]), 1) for (shop, _), at in first_order.items()]

    return {"included_orders": orders, "refunds": refunds, "paid_spend": spend, "acquisitions": acquisitions}


def reference_query(
    data: ShopData,
    metrics: Sequence[str],
    by: Sequence[str],
    knobs: Knobs = Knobs(),
    shops: Iterable[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[tuple, dict[str, object]]:
    """{bucket: {metric: value}}; the bucket is a tuple of the `by` values, in order.

    Money is Decimal, counts int, ratios float (float(numerator) / float(denominator))
    or None.
    """
    shops = set(shops)
    facts = fact_rows(data, knobs)
    additive = []
    for metric in metrics:
        for needed in RATIOS.get(metric, (metric,)):
            if needed not in additive:
                additive.append(needed)
    sums: dict[tuple, dict[str, Decimal | int]] = {}
    for metric in additive:
        for fact in ADDITIVE_SOURCES[metric]:
            for shop, day, value in facts[fact]:
                if shops and shop not in shops:
                    continue
                if (start and day < start) or (end and day > end):
                    continue
                bucket = tuple(shop if d == "shop" else bucket_start(day, d) for d in by)
                row = sums.setdefault(bucket, {})
                value = 1 if metric in ("orders", "new_customers") else value
                row[metric] = row.get(metric, 0) + value
    if not by and not sums:
        sums[()] = {}  # an aggregate without GROUP BY always has one row
    result = {}
    for bucket, row in sums.items():
        values: dict[str, object] = {}
        for metric in additive:
            zero = 0 if metric in ("orders", "new_customers") else ZERO
            values[metric] = row.get(metric, zero)
        out = {}
        for metric in metrics:
            if metric in RATIOS:
                numerator, denominator = (values[m] for m in RATIOS[metric])
                out[metric] = None if denominator == 0 else float(numerator) / float(denominator)
            else:
                out[metric] = values[metric]
        result[bucket] = out
    return result


# -- random data -------------------------------------------------------------------
def _zone_anchors(name: str) -> list[dt.datetime]:
    """UTC instants where the shop-local day is easy to get wrong in zone `name`: its DST
    changes, and its local midnights around them and at week, month and year boundaries
    (in and out of DST, in both hemispheres)."""
    zone = ZoneInfo(name)
    anchors = set()
    instant = dt.datetime(2023, 12, 25, tzinfo=UTC)
    previous = instant.astimezone(zone).utcoffset()
    while instant < dt.datetime(2025, 1, 8, tzinfo=UTC):
        instant += dt.timedelta(minutes=15)
        offset = instant.astimezone(zone).utcoffset()
        if offset != previous:
            anchors.add(instant)
            for days in (-1, 0, 1):  # the local midnights either side of the change
                day = instant.astimezone(zone).date() + dt.timedelta(days=days)
                anchors.add(dt.datetime.combine(day, dt.time(), zone).astimezone(UTC))
        previous = offset
    for day in (dt.date(2024, 1, 1), dt.date(2024, 2, 29), dt.date(2024, 3, 1), dt.date(2024, 3, 4),
                dt.date(2024, 4, 1), dt.date(2024, 7, 1), dt.date(2024, 12, 30), dt.date(2025, 1, 1)):
        anchors.add(dt.datetime.combine(day, dt.time(), zone).astimezone(UTC))
    return sorted(anchors)


ZONE_ANCHORS = {name: _zone_anchors(name) for name in ZONES}
ANCHORS = sorted({a for anchors in ZONE_ANCHORS.values() for a in anchors})
ANCHOR_DAYS = sorted({a.date() + dt.timedelta(days=k) for a in ANCHORS for k in (-1, 0, 1)})

# Offsets from an anchor: on it, a second or up to an hour either side (a DST offset), or up to a day away.
_offsets = st.one_of(
    st.sampled_from([0, -1, 1, -1800, 1800, -3599, 3599, -3600, 3600]),
    st.integers(-26 * 3600, 26 * 3600),
)


def instants_near(zone: str) -> st.SearchStrategy[dt.datetime]:
    """Instants near the edges of `zone` (mostly) or of any other zone."""
    anchors = st.one_of(st.sampled_from(ZONE_ANCHORS[zone]), st.sampled_from(ANCHORS))
    return st.builds(lambda a, s: a + dt.timedelta(seconds=s), anchors, _offsets)


instants = st.builds(lambda a, s: a + dt.timedelta(seconds=s), st.sampled_from(ANCHORS), _offsets)
cents = st.integers(0, 20_000).map(lambda c: Decimal(c).scaleb(-2))
small_cents = st.integers(0, 2_000).map(lambda c: Decimal(c).scaleb(-2))

# Customer rows a shop may have: dup@ belongs to two of them (ambiguous), c4 has no email.
CUSTOMER_ROWS = (("c0", "ana@shop.com"), ("c1", "bo@shop.com"), ("c2", "dup@shop.com"), ("c3", "dup@shop.com"), ("c4", None))


def _email_variant(email: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f"\t{email.title()}\n", email, email.upper(), f"  {email} "])


_pool_email = st.sampled_from(EMAILS).flatmap(_email_variant)
# Mostly an email some customers row has (in some case and padding), so that guests and
# customers often turn out to be the same person.
_order_email = st.one_of(
    _pool_email, _pool_email, _pool_email, st.none(), st.sampled_from(["", "   "]), st.just("guest@else.com")
)


@st.composite
def random_shop_data(draw, max_orders: int = 14) -> ShopData:
    data = ShopData()
    zones = draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=draw(st.sampled_from([1, 2, 3])), unique=True))
    one_currency = draw(st.booleans())
    for i, zone in enumerate(zones):
        currency = "USD" if one_currency else draw(st.sampled_from(CURRENCIES))
        data.shops.append({"shop_id": f"s{i}", "timezone": zone, "currency": currency})
    zone_of = {s["shop_id"]: s["timezone"] for s in data.shops}
    shop_ids = list(zone_of)
    loaded = dt.datetime(2025, 2, 1, tzinfo=UTC)

    # customers: the same ids in every shop (ids are unique within a shop only)
    for shop in shop_ids:
        for customer_id, email in draw(st.lists(st.sampled_from(CUSTOMER_ROWS), min_size=1, max_size=5, unique=True)):
            shown = None if email is None else draw(_email_variant(email))
            data.customers.append({"shop_id": shop, "customer_id": customer_id, "email": shown,
                                   "created_at": loaded, "_loaded_at": loaded})

    counters = {shop: 0 for shop in shop_ids}
    for _ in range(draw(st.integers(0, max_orders))):
        shop = draw(st.sampled_from(shop_ids))
        counters[shop] += 1
        processed = draw(instants_near(zone_of[shop]))
        gross = draw(cents)
        data.orders.append({
            "shop_id": shop,
            "order_id": str(1000 + counters[shop]),  # the same ids in every shop
            "customer_id": draw(st.sampled_from([None, None, None, None, "c0", "c1", "c2", "c3", "c9"])),
            "email": draw(_order_email),
            "created_at": processed - dt.timedelta(minutes=draw(st.integers(0, 90))),
            "processed_at": processed,
            # every status, but mostly ones that count (and acquire), so customers often have several orders
            "financial_status": draw(st.sampled_from(FINANCIAL_STATUSES + ("paid",) * 4 + ("partially_refunded",) * 2)),
            "cancelled_at": draw(st.sampled_from([None] * 5 + [processed + dt.timedelta(hours=2)])),
            "is_test": draw(st.sampled_from([False] * 5 + [True])),
            "gross_sales": gross,
            "discounts": draw(st.sampled_from([ZERO, gross, (gross / 10).quantize(Decimal("0.01"))])),
            "shipping": draw(small_cents),
            "taxes": draw(small_cents),
            "taxes_included": draw(st.sampled_from([None, None, False, True])),
            "visitor_id": None, "landing_site": None, "referring_site": None,
            "_loaded_at": loaded,
        })

    for n in range(draw(st.integers(0, 6)) if data.orders else 0):
        order = draw(st.sampled_from(data.orders))
        shop = draw(st.sampled_from([order["shop_id"]] * 4 + shop_ids))  # mostly its own shop; sometimes a dangling id
        data.refunds.append({
            "shop_id": shop,
            "refund_id": f"r{n}",
            "order_id": order["order_id"],
            "processed_at": draw(st.one_of(
                st.integers(0, 4 * 86_400).map(lambda s, o=order: o["processed_at"] + dt.timedelta(seconds=s)),
                instants_near(zone_of[shop]),
            )),
            "amount": draw(cents),
            "shipping": draw(small_cents),
            "taxes": draw(small_cents),
            "_loaded_at": loaded,
        })

    for n in range(draw(st.integers(0, 6))):
        data.ad_spend.append({
            "shop_id": draw(st.sampled_from(shop_ids)),
            "date": draw(st.sampled_from(ANCHOR_DAYS)),
            "platform": draw(st.sampled_from(PLATFORMS)),
            "campaign_id": f"k{n}",
            "campaign_name": f"campaign {n}",
            "spend": draw(cents),
            "impressions": 100,
            "clicks": 3,
            "platform_conversion_value": None,
            "_loaded_at": loaded,
        })
    return data


knobs_strategy = st.builds(
    Knobs,
    refund_dating=st.sampled_from(["order_date", "refund_date"]),
    include_shipping=st.booleans(),
    include_taxes=st.booleans(),
)


def edge_case_shops() -> ShopData:
    """A fixed warehouse with the coincidences random data rarely hits, for `@example`.

    s0 (New York; DST starts 2024-03-10 07:00Z) and s1 (Chatham; DST ends 2024-04-06
    14:00Z) share customer and order ids. In s0 a guest's dup@ email belongs to two
    customers rows (so the guest is the email, not c3), a tab-padded upper-case email
    is customer c0, and orders sit a second either side of local midnight.
    """
    loaded = dt.datetime(2025, 2, 1, tzinfo=UTC)

    def at(text: str) -> dt.datetime:
        return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)

    def order(shop, order_id, customer_id, email, processed, status="paid", cancelled=False, test=False):
        processed = at(processed)
        return {
            "shop_id": shop, "order_id": order_id, "customer_id": customer_id, "email": email,
            "created_at": processed, "processed_at": processed, "financial_status": status,
            "cancelled_at": processed + dt.timedelta(hours=1) if cancelled else None, "is_test": test,
            "gross_sales": Decimal("40.00"), "discounts": Decimal("4.00"), "shipping": Decimal("5.00"),
            "taxes": Decimal("3.20"), "visitor_id": None, "landing_site": None, "referring_site": None,
            "_loaded_at": loaded,
        }

    def refund(shop, refund_id, order_id, processed, amount):
        return {"shop_id": shop, "refund_id": refund_id, "order_id": order_id, "processed_at": at(processed),
                "amount": Decimal(amount), "shipping": Decimal("1.00"), "taxes": Decimal("0.50"), "_loaded_at": loaded}

    def customer(shop, customer_id, email):
        return {"shop_id": shop, "customer_id": customer_id, "email": email, "created_at": loaded, "_loaded_at": loaded}

    def spend(shop, day, platform, amount):
        return {"shop_id": shop, "date": dt.date.fromisoformat(day), "platform": platform, "campaign_id": platform,
                "campaign_name": platform, "spend": Decimal(amount), "impressions": 1, "clicks": 1,
                "platform_conversion_value": None, "_loaded_at": loaded}

    return ShopData(
        shops=[{"shop_id": "s0", "timezone": "America/New_York", "currency": "USD"},
               {"shop_id": "s1", "timezone": "Pacific/Chatham", "currency": "USD"}],
        customers=[customer("s0", "c0", " Ana@Shop.com"), customer("s0", "c2", "dup@shop.com"),
                   customer("s0", "c3", "DUP@shop.com "), customer("s0", "c4", None),
                   customer("s1", "c0", "ana@shop.com")],
        orders=[
            order("s0", "1001", "c3", None, "2024-03-10 05:00:00"),  # 00:00 EST Mar 10
            order("s0", "1002", None, "dup@shop.com\t", "2024-03-11 04:00:00"),  # 00:00 EDT Mar 11: the email is new
            order("s0", "1003", None, "\tANA@SHOP.COM\n", "2024-03-10 06:59:59"),  # c0, new on Mar 10
            order("s0", "1004", "c0", None, "2024-03-12 03:59:59"),  # 23:59:59 EDT Mar 11: c0 again
            order("s0", "1005", "c2", None, "2024-03-09 12:00:00", status="refunded"),  # counts, acquires nobody
            order("s0", "1006", "c2", None, "2024-03-13 12:00:00", cancelled=True),
            order("s0", "1007", "c2", None, "2024-03-13 12:00:00", test=True),
            order("s0", "1008", "c2", None, "2024-03-31 04:00:00", status="partially_refunded"),  # c2 new Mar 31
            order("s1", "1001", "c0", None, "2024-04-06 10:14:59"),  # 23:59:59 Apr 6 (+13:45)
            order("s1", "1002", None, "ana@shop.com", "2024-04-06 10:15:00"),  # 00:00 Apr 7: c0 again
            order("s1", "1003", None, None, "2024-04-06 14:00:00"),  # 02:45 Apr 7 after the change: nobody
        ],
        refunds=[
            refund("s0", "r0", "1005", "2024-03-10 04:59:59", "40.00"),  # 23:59:59 EST Mar 9
            refund("s0", "r1", "1008", "2024-04-01 03:59:59", "10.00"),  # 23:59:59 EDT Mar 31
            refund("s1", "r0", "1001", "2024-04-06 11:14:59", "5.00"),  # 23:59:59 CHAST Apr 6 (+12:45)
            refund("s1", "r1", "1005", "2024-04-07 00:00:00", "5.00"),  # s1 has no order 1005
        ],
        ad_spend=[spend("s0", "2024-03-10", "meta", "10.00"), spend("s0", "2024-03-10", "tiktok", "5.00"),
                  spend("s0", "2024-03-12", "google", "0.00"), spend("s1", "2024-04-07", "google", "7.50")],
    )
