"""Fingerprints: stable under formatting of metrics.toml, moved by every knob value (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from semantic.governance.fingerprint import compile_for_governance, fingerprint_of
from semantic.project import Project

KNOBS = {
    "orders": {"included_financial_statuses": ["paid", "partially_refunded", "refunded"], "exclude_test": True, "exclude_cancelled": True},
    "revenue": {"include_shipping": True, "include_taxes": True, "refund_dating": "order_date"},
}
# Another legal value for each knob revenue reads.
OTHER_VALUES = {
    ("orders", "included_financial_statuses"): ["paid"],
    ("orders", "exclude_test"): False,
    ("orders", "exclude_cancelled"): False,
    ("revenue", "include_shipping"): False,
    ("revenue", "include_taxes"): False,
    ("revenue", "refund_dating"): "refund_date",
}


@pytest.fixture(autouse=True, scope="module")
def _isolated_cache(tmp_path_factory):
    import os

    previous = os.environ.get("SEMANTIC_CACHE_DIR")
    os.environ["SEMANTIC_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "governance-cache")
    yield
    if previous is None:
        os.environ.pop("SEMANTIC_CACHE_DIR", None)
    else:
        os.environ["SEMANTIC_CACHE_DIR"] = previous


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return f'"{value}"'


def render(knobs: dict, order: list[int], comments: bool, spacing: str, blank_lines: int) -> str:
    """metrics.toml text for `knobs`, with tables and keys in a permuted order and formatting."""
    lines = ["# generated"] if comments else []
    groups = list(knobs)
    for g in (groups if order[0] % 2 == 0 else groups[::-1]):
        lines.append(f"[{g}]" + ("  # a table" if comments else ""))
        keys = list(knobs[g])
        shift = order[1] % len(keys)
        for key in keys[shift:] + keys[:shift]:
            lines.append(f"{key}{spacing}={spacing}{toml_value(knobs[g][key])}" + ("  # why" if comments else ""))
        lines += [""] * blank_lines
    return "\n".join(lines) + "\n"


def revenue_fingerprint(text: str) -> str:
    project = Project.from_text(text)
    return compile_for_governance(project, "revenue", ("duckdb",)).fingerprint


BASELINE = None


def baseline() -> str:
    global BASELINE
    if BASELINE is None:
        BASELINE = revenue_fingerprint(render(KNOBS, [0, 0], False, " ", 1))
    return BASELINE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.lists(st.integers(0, 10), min_size=2, max_size=2),
    comments=st.booleans(),
    spacing=st.sampled_from(["", " ", "   ", "\t"]),
    blank_lines=st.integers(0, 3),
)
def test_fingerprint_ignores_whitespace_comments_and_key_order(order, comments, spacing, blank_lines):
    assert revenue_fingerprint(render(KNOBS, order, comments, spacing, blank_lines)) == baseline()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(knob=st.sampled_from(sorted(OTHER_VALUES)), comments=st.booleans())
def test_fingerprint_changes_whenever_a_knob_value_changes(knob, comments):
    group, key = knob
    changed = {g: dict(values) for g, values in KNOBS.items()}
    changed[group][key] = OTHER_VALUES[knob]
    assert revenue_fingerprint(render(changed, [1, 1], comments, " ", 1)) != baseline()


def test_a_knob_revenue_does_not_read_leaves_its_fingerprint_alone():
    text = render(KNOBS, [0, 0], False, " ", 1)
    assert revenue_fingerprint(text + '\n[spend]\npaid_platforms = ["meta"]\n') == revenue_fingerprint(text)


def test_fingerprint_is_a_hash_of_sql_and_knobs():
    assert fingerprint_of("SELECT 1", {"revenue": {"include_taxes": True}}) == "sha256:aadb064d23c29fe7"
    assert fingerprint_of("SELECT 1", {"revenue": {"include_taxes": False}}) != "sha256:aadb064d23c29fe7"
