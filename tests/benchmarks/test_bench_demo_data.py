"""How long the demo warehouse takes at a million orders (~5M sessions); it must stay well under a minute."""

from __future__ import annotations

import datetime

from semantic.demo_data import generate


def test_generate_a_million_orders(benchmark):
    tables = benchmark.pedantic(
        generate, kwargs=dict(orders=1_000_000, end=datetime.date(2025, 3, 31)), rounds=1, iterations=1
    )
    assert tables["orders"].num_rows == 1_000_000
    assert 4_500_000 < tables["sessions"].num_rows < 5_500_000
