"""`semantic reconcile`: each difference between our figures and Shopify's, split by cause, adds up exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

from semantic.backends.reconcile_run import reconcile_warehouse
from semantic.reconcile import CAUSES
from tests.cli_run import isolated  # noqa: F401 (a fixture)
from tests.shopify_hand import shopify_hand_tables

README = Path(__file__).parents[1] / "README.md"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def lines_of(loaded, **kwargs) -> dict:
    lines = reconcile_warehouse(loaded.warehouse, loaded.project, **kwargs)
    return {(line.day, line.shop_id, line.measure): line for line in lines}


def test_each_cause_of_the_hand_fixture(load_warehouse):
    got = lines_of(load_warehouse(shopify_hand_tables()), shops=("A",))
    revenue = got[(d("2024-01-10"), "A", "revenue")]
    # Ours: a1 102.20 - ra1 37.40 + a6 10.00. Shopify: 225.60 (tests/test_sales_report_hand.py).
    # Pending a2 (40 + 3.20) is a status; cancelled a3 sells and is refunded on its order day (0 here);
    # ra1 and rc3 leave Jan 10 for their own days under refund dating.
    assert (revenue.ours, revenue.shopify) == (D("74.80"), D("225.60"))
    assert revenue.causes == (("statuses", D("43.20")), ("refund dating", D("107.60")))
    orders = got[(d("2024-01-10"), "A", "orders")]
    assert (orders.ours, orders.shopify, orders.causes) == (D("2"), D("4"), (("statuses", D("1")), ("cancellations", D("1"))))
    aov = got[(d("2024-01-10"), "A", "aov")]
    # 37.40 -> 118.00/3 = 39.33 -> 118.00/4 = 29.50 -> 225.60/4 = 56.40 -> Shopify's 200.00/4 = 50.00
    assert (aov.ours, aov.shopify) == (D("37.40"), D("50.00"))
    assert aov.causes == (("statuses", D("1.93")), ("cancellations", D("-9.83")), ("refund dating", D("26.90")),
                          ("AOV definition", D("-6.40")))  # fmt: skip
    # Jan 12 has no revenue of ours; Shopify shows ra1 and a4's cancellation as returns that day.
    late = got[(d("2024-01-12"), "A", "revenue")]
    assert (late.ours, late.shopify, late.causes) == (D("0.00"), D("-56.84"), (("refund dating", D("-56.84")),))


def test_without_taxes_the_first_cause_is_shipping_and_taxes(load_warehouse):
    loaded = load_warehouse(shopify_hand_tables()).with_overrides("revenue.include_taxes=false")
    revenue = lines_of(loaded, shops=("B",))[(d("2024-01-12"), "B", "revenue")]
    # b2: 40.00 paid with 6.67 tax inside; without taxes ours is 33.33.
    assert (revenue.ours, revenue.shopify, revenue.causes) == (D("33.33"), D("40.00"), (("shipping, taxes and duties", D("6.67")),))


def test_causes_add_up_to_every_difference_on_generated_data(load_warehouse):
    from semantic.demo_data import generate

    loaded = load_warehouse(generate(orders=400, shops=2, end=dt.date(2024, 6, 30), days=20))
    lines = reconcile_warehouse(loaded.warehouse, loaded.project)
    assert {line.measure for line in lines} == {"revenue", "orders", "aov"}
    for line in lines:
        assert sum((a for _, a in line.causes), D(0)) == line.difference, line
        assert all(cause in CAUSES for cause, _ in line.causes)
    # The Shopify side is the profile's own total_sales and orders, queried on its own.
    shopify = loaded.with_overrides("profile=shopify").query(["total_sales", "orders"], by=["day", "shop"])
    expected = {(r["day"], r["shop_id"]): (r["total_sales"], r["orders"]) for r in shopify}
    got = {(l.day, l.shop_id): l.shopify for l in lines if l.measure == "revenue"}
    assert {k: v[0] for k, v in expected.items()} == {k: v for k, v in got.items() if k in expected}
    assert all(v == 0 for k, v in got.items() if k not in expected)
    assert sum(1 for line in lines if line.causes) > 10  # the demo's statuses, cancellations and refunds differ


def test_the_readme_explains_each_cause_by_name():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Shopify as merchants have it"):]
    for cause in CAUSES:
        assert f"**{cause}**" in section, cause


def test_the_commands_print_the_causes_and_the_note(capsys, isolated):
    from semantic.backends.connect import connect
    from semantic.project import Project
    from semantic.sources import Sources
    from tests.cli_run import cli
    from tests.conftest import empty_tables

    url = f"duckdb:///{isolated / 'w.duckdb'}"
    warehouse = connect(url)
    warehouse.load({**empty_tables(), **shopify_hand_tables()}, Sources.from_config(Project.from_text("").config))
    warehouse.close()
    code, out, err = cli(capsys, "reconcile", "--database", url, "--shop", "A", "--start", "2024-01-12",
                         "--end", "2024-01-12", "--format", "csv")  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [
        "day,shop_id,measure,ours,shopify,difference,cause,amount",
        "2024-01-12,A,revenue,0.00,-56.84,-56.84,refund dating,-56.84",
        "2024-01-12,A,orders,0.00,0.00,0.00,,",
        "2024-01-12,A,aov,0.00,0.00,0.00,,",
    ]
    code, out, err = cli(capsys, "query", "returns", "--by", "shop", "--set", "profile=shopify", "--database", url)
    assert code == 0 and "1 refund(s) counted on their own day have no loaded order" in " ".join(err.split())


ADMIN_EXPORT = """\ufeffDay,Orders,Gross sales,Discounts,Returns,Net sales,Shipping,Taxes,Total sales
2024-01-10,4,$210.00,-$10.00,$0.00,$200.00,$10.00,$15.60,$225.60
2024-01-11,1,$20.00,-$2.00,-$90.00,-$72.00,-$5.00,-$4.96,-$81.96
2024-01-12,0,$0.00,$0.00,-$48.00,-$48.00,-$5.00,-$3.84,-$56.84
2024-01-13,0,$0.00,$0.00,$0.00,$0.00,$0.00,$0.00,$0.00
"""


def test_admin_report_lines_up_and_names_likely_causes(capsys, isolated):
    from semantic.admin_report import compare, read_admin_report

    admin = read_admin_report(ADMIN_EXPORT, "sales.csv")
    assert admin[d("2024-01-10")]["discounts"] == D("-10.00") and admin[d("2024-01-12")]["returns"] == D("-48.00")
    ours = {d("2024-01-10"): {"orders": 4, "gross_sales": D("210.00"), "discounts": D("-10.00"), "returns": D("0.00"),
                               "net_sales": D("200.00"), "shipping": D("10.00"), "taxes": D("15.60"),
                               "total_sales": D("225.60")},
            d("2024-01-11"): {"orders": 1, "gross_sales": D("20.00"), "discounts": D("-2.00"), "returns": D("-75.00"),
                               "net_sales": D("-57.00"), "shipping": D("-5.00"), "taxes": D("-4.96"),
                               "total_sales": D("-66.96")}}  # fmt: skip
    lines = {(l.day, l.measure): l for l in compare(ours, admin)}
    assert all(l.cause is None for (day, _), l in lines.items() if day == d("2024-01-10"))
    returns = lines[(d("2024-01-11"), "returns")]
    assert (returns.difference, returns.cause) == (D("-15.00"), "refunds not loaded yet, or dated in another zone "
                                                                 "(refund processed_at in shop time)")
    assert lines[(d("2024-01-11"), "orders")].cause is None
    assert lines[(d("2024-01-12"), "total_sales")].cause.startswith("no data of ours on this day")
    assert lines[(d("2024-01-13"), "orders")].cause is None  # nothing on either side


def test_admin_report_through_the_cli(capsys, isolated):
    from semantic.backends.connect import connect
    from semantic.project import Project
    from semantic.sources import Sources
    from tests.cli_run import cli
    from tests.conftest import empty_tables

    url = f"duckdb:///{isolated / 'w.duckdb'}"
    warehouse = connect(url)
    warehouse.load({**empty_tables(), **shopify_hand_tables()}, Sources.from_config(Project.from_text("").config))
    warehouse.close()
    (isolated / "sales.csv").write_text(ADMIN_EXPORT, encoding="utf-8")
    code, out, err = cli(capsys, "reconcile", "--admin-report", str(isolated / "sales.csv"), "--shop", "A",
                         "--database", url, "--format", "csv")  # fmt: skip
    assert code == 0, err
    rows = out.splitlines()
    assert rows[0] == "day,measure,ours,shopify,difference,cause"
    # The hand fixture's Jan 11 has returns -75.00; the export says -90.00.
    assert "2024-01-11,returns,-75.00,-90.00,-15.00,\"refunds not loaded yet" in out
    assert "2024-01-12,total_sales,-56.84,-56.84,0.00," in out
    code, _, err = cli(capsys, "reconcile", "--admin-report", str(isolated / "sales.csv"), "--database", url)
    assert code == 2 and "--shop" in err
