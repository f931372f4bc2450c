"""The typed governance records and the two rules `check` and `diff` share."""

from __future__ import annotations

from pathlib import Path

import pytest

from semantic.config import Approval
from semantic.governance.changelog import add_unreleased_entry, parse_changelog
from semantic.governance.fingerprint import compile_for_governance
from semantic.governance.policy import Policy
from semantic.governance.records import MetricSnapshot, ProjectSnapshot, count_approvals, follows_inputs
from semantic.project import Project
from tests.cli_run import cli, isolated  # noqa: F401 - fixture

POLICY = Policy()


def _records(toml: str, *names: str):
    project = Project.from_text(toml)
    return {n: compile_for_governance(project, project.catalog.resolve(n).ref, ("duckdb",)) for n in names}


def test_a_fingerprint_moves_only_with_knobs_the_metric_reads():
    names = ("revenue", "orders", "attributed_revenue", "attributed_orders", "nondirect_orders", "aov")
    before = _records("[revenue]\ninclude_taxes = true\n", *names)
    after = _records("[revenue]\ninclude_taxes = false\n", *names)
    moved = {n for n in names if before[n].fingerprint != after[n].fingerprint}
    # Counting orders (attributed or not) never reads what revenue adds up.
    assert moved == {"revenue", "attributed_revenue", "aov"}


def test_a_ratio_follows_its_inputs_when_only_they_change():
    before = _records("[revenue]\ninclude_taxes = true\n", "aov")["aov"]
    after = _records("[revenue]\ninclude_taxes = false\n", "aov")["aov"]
    assert before.own_fingerprint == after.own_fingerprint
    assert before.inputs_fingerprint != after.inputs_fingerprint
    assert follows_inputs((before.own_fingerprint, before.inputs_fingerprint), (after.own_fingerprint, after.inputs_fingerprint))
    # A metric without metric inputs has its whole fingerprint as its own, and no inputs part.
    orders = _records("", "orders")["orders"]
    assert orders.own_fingerprint == orders.fingerprint and orders.inputs_fingerprint is None


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (("a", "i1"), ("a", "i2"), True),  # only the inputs moved
        (("a", "i1"), ("b", "i2"), False),  # its own definition moved too
        (("a", "i1"), ("b", "i1"), False),  # only its own definition moved
        ((None, None), ("a", "i2"), False),  # a record kept before the parts were: not known to follow
        (("a", None), ("a", None), False),  # no inputs at all
    ],
)
def test_follows_inputs(before, after, expected):
    assert follows_inputs(before, after) is expected


def test_count_approvals_one_rule():
    approvals = [
        Approval(by="Ana@example.com", at="2026-12-01", fingerprint="sha256:1"),
        Approval(by="ana@example.com", at="2026-12-02", fingerprint="sha256:1"),  # the same person twice
        Approval(by="dev@example.com", at="2026-12-02", fingerprint="sha256:1"),  # the author
        Approval(by="ben@example.com", at="2026-12-02", fingerprint="sha256:0"),  # another definition
    ]
    assert count_approvals(approvals, "sha256:1", "dev@example.com", POLICY) == (["ana@example.com"], ["dev@example.com"])
    assert count_approvals(approvals, "sha256:1", None, POLICY) == (["ana@example.com", "dev@example.com"], [])
    assert count_approvals(approvals, None, None, POLICY) == ([], [])
    # A baseline accepts what existed before governance: it counts even when the author records it.
    baseline = [Approval(by="dev@example.com", at="2026-12-02", fingerprint="sha256:1", baseline=True)]
    assert count_approvals(baseline, "sha256:1", "dev@example.com", POLICY) == (["dev@example.com"], [])


def test_a_snapshot_round_trips_through_json():
    metric = MetricSnapshot(name="aov", ref="aov@1", version=1, fingerprint="sha256:1", own_fingerprint="sha256:2", inputs_fingerprint="sha256:3")
    snapshot = ProjectSnapshot(project="p", metrics=(metric,))
    again = ProjectSnapshot.model_validate_json(snapshot.model_dump_json())
    assert again == snapshot and again.by_name()["aov"].parts == ("sha256:2", "sha256:3")


def test_add_unreleased_entry_makes_the_release_and_section_when_missing():
    text = add_unreleased_entry(None, "Added", "Governance baseline: revenue@1 accepted.")
    log = parse_changelog(text)
    entry = log.entry_for("revenue", 1, ("Added",))
    assert entry is not None and entry.release == "Unreleased"
    existing = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n- x\n\n## [1.0.0] - 2026-01-01\n### Added\n- old\n"
    text = add_unreleased_entry(existing, "Fixed", "revenue@1: y")
    assert text.index("- revenue@1: y") < text.index("- x") < text.index("## [1.0.0]")


def test_lock_baseline_records_approvals_and_the_changelog(isolated, capsys):
    Path("metrics.toml").write_text(
        "[project]\nname = 'adopting'\n"
        + "".join(f'\n[metrics.{name}]\nowner = "lead@example.com"\ndescription = "d"\nversion = 1\n' for name in Project.from_text("").catalog.names())
    )
    code, out, _ = cli(capsys, "check", "--author", "lead@example.com")
    assert code == 1 and "no recorded fingerprint" in out
    code, out, err = cli(capsys, "lock", "--baseline", "--by", "lead@example.com")
    assert code == 0, out + err
    assert "revenue@1: baseline sha256:" in out
    code, out, _ = cli(capsys, "check", "--author", "lead@example.com")
    assert code == 0, out
    log = parse_changelog(Path("CHANGELOG.md").read_text())
    assert log.entry_for("revenue", 1, ("Added",)).text.startswith("Governance baseline:")
    assert cli(capsys, "lock", "--baseline")[0] == 2  # --by is required
