"""`semantic diff --base REV`: per-metric verdicts between two git revisions.

Golden Markdown output lives in tests/golden/diff/; regenerate it with

    SEMANTIC_UPDATE_GOLDEN=1 pytest tests/test_governance_diff.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.governance_repo import AUTHOR, DEFS_V1, REVIEWERS, GovRepo

GOLDEN = Path(__file__).parent / "golden" / "diff"

DEFS_V2_BESIDE_V1 = DEFS_V1 + '''
    registry.register(
        Additive(
            name="gross",
            version=2,
            description="Gross sales net of discounts.",
            unit="money",
            knob_groups=("orders",),
            contributions=(Contribution("included_orders", lambda t, c: t.gross_sales - t.discounts),),
        )
    )
'''


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "governance-cache"))
    monkeypatch.delenv("SEMANTIC_CONFIG", raising=False)


@pytest.fixture
def repo(tmp_path) -> GovRepo:
    return GovRepo.create(tmp_path / "repo")


def diff_json(repo: GovRepo, *args: str) -> tuple[int, dict]:
    code, output = repo.run("diff", "--base", "main", "--format", "json", *args)
    assert code in (0, 1), output
    return code, json.loads(output)


def by_name(report: dict) -> dict[str, dict]:
    return {m["name"]: m for m in report["metrics"]}


def assert_golden(name: str, text: str) -> None:
    # Fingerprints move whenever Ibis or a fact's SQL does; the verdicts are what this file pins.
    text = re.sub(r"sha256:[0-9a-f]{16}", "sha256:<fingerprint>", text)
    # The built-in metrics grow with each capability; which are unchanged is asserted elsewhere.
    text = re.sub(r"(?m)^Unchanged: .*$", "Unchanged: <every other metric>", text)
    path = GOLDEN / name
    if os.environ.get("SEMANTIC_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run SEMANTIC_UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == path.read_text(encoding="utf-8")


def bump_gross_to_v2(repo: GovRepo) -> None:
    repo.write("defs.py", DEFS_V2_BESIDE_V1)
    repo.edit("metrics.toml", 'description = "The gross metric."\nversion = 1', 'description = "The gross metric."\nversion = 2')


def test_reformatting_metrics_toml_changes_no_metric(repo):
    text = repo.read("metrics.toml")
    # Comments, blank lines and key order change; no value does.
    reformatted = text.replace('owner = "analytics@example.com"\ndescription = "The gross metric."', 'description = "The gross metric."   # why not\nowner = "analytics@example.com"')
    repo.write("metrics.toml", "# reformatted\n\n" + reformatted.replace("\n\n", "\n\n\n"))
    code, report = diff_json(repo)
    assert code == 0
    assert {m["status"] for m in report["metrics"]} == {"unchanged"}
    code, markdown = repo.run("diff", "--base", "main", "--format", "markdown")
    assert "No metric changes." in markdown and "✅ **Policy satisfied**" in markdown


def test_changed_expression_in_place_is_a_fix_needing_a_fixed_entry_and_two_approvals(repo):
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales - t.discounts")
    repo.ok("lock", "gross")
    code, report = diff_json(repo)
    assert code == 1
    gross = by_name(report)["gross"]
    assert gross["status"] == "changed"
    assert gross["kinds"] == ["measure expression"]
    assert gross["verdict"] == "fix in place (same version)"
    assert gross["approvals_required"] == 2
    assert any("needs a new Fixed entry naming gross@1" in p for p in gross["problems"])
    assert '-      t1."gross_sales" AS "m__gross"' in gross["sql_diff"] or "discounts" in gross["sql_diff"]
    assert [m["name"] for m in report["metrics"] if m["status"] != "unchanged"] == ["gross"]
    code, markdown = repo.run("diff", "--base", "main", "--format", "markdown")
    assert code == 1
    assert_golden("fix_in_place_unapproved.md", markdown)


def test_a_fix_with_changelog_and_two_other_approvers_satisfies_the_policy(repo):
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales - t.discounts")
    repo.ok("lock", "gross")
    repo.edit("CHANGELOG.md", "## [Unreleased]\n", "## [Unreleased]\n\n### Fixed\n- gross@1 nets discounts, as documented.\n")
    repo.approve_all(["gross"], reviewers=(AUTHOR, REVIEWERS[0]))
    code, report = diff_json(repo)
    gross = by_name(report)["gross"]
    assert code == 1 and gross["approvals"] == [REVIEWERS[0]]
    assert "the approval by dev@example.com does not count: dev@example.com is the change's author" in gross["notes"]
    repo.approve_all(["gross"], reviewers=(REVIEWERS[1],))
    code, report = diff_json(repo)
    assert code == 0, report
    assert by_name(report)["gross"]["changelog"].startswith("Fixed (line 8): gross@1 nets discounts")


def test_a_new_version_keeps_the_old_one_queryable_and_satisfies_the_policy(repo):
    bump_gross_to_v2(repo)
    repo.ok("lock", "gross")
    entry = __import__("tomllib").loads(repo.read("metrics.toml"))["metrics"]["gross"]
    assert list(entry["versions"]) == ["1"]  # gross@1's record is kept as it was
    repo.edit("CHANGELOG.md", "## [Unreleased]\n", "## [Unreleased]\n\n### Changed\n- gross@2: net of discounts; gross@1 stays queryable.\n")
    repo.approve_all(["gross"])
    code, report = diff_json(repo)
    gross = by_name(report)["gross"]
    assert code == 0, gross
    assert (gross["ref_before"], gross["ref_after"], gross["verdict"]) == ("gross@1", "gross@2", "new version gross@2")
    assert gross["approvals_required"] == 2
    assert repo.run("check")[0] == 0
    code, markdown = repo.run("diff", "--base", "main", "--format", "markdown")
    assert_golden("new_version_approved.md", markdown)


def test_a_version_that_jumps_two_steps_is_the_wrong_bump(repo):
    repo.write("defs.py", DEFS_V2_BESIDE_V1.replace("version=2", "version=3"))
    repo.edit("metrics.toml", 'description = "The gross metric."\nversion = 1', 'description = "The gross metric."\nversion = 3')
    repo.ok("lock", "gross")
    code, report = diff_json(repo)
    assert code == 1
    assert any("version went from 1 to 3" in p for p in by_name(report)["gross"]["problems"])


def test_a_new_version_that_drops_the_old_one_is_refused(repo):
    repo.write("defs.py", DEFS_V1.replace("version=1", "version=2").replace("t.gross_sales", "t.gross_sales - t.discounts"))
    repo.edit("metrics.toml", 'description = "The gross metric."\nversion = 1', 'description = "The gross metric."\nversion = 2')
    repo.ok("lock", "gross")
    code, report = diff_json(repo)
    assert code == 1
    assert "gross@1 is no longer defined: the old version must stay queryable" in by_name(report)["gross"]["problems"]


def test_a_changed_knob_changes_revenue_and_the_metrics_that_follow_it(repo):
    repo.set_knob("revenue", "include_taxes", "false")
    code, report = diff_json(repo)
    assert code == 1
    metrics = by_name(report)
    revenue = metrics["revenue"]
    assert "knob" in revenue["kinds"] and "measure expression" in revenue["kinds"]
    assert {"aov", "mer"} <= set(revenue["dependents"])
    assert metrics["aov"]["follows"] == ["revenue"] and metrics["aov"]["verdict"] == "follows revenue (same version)"
    assert metrics["orders"]["status"] == "unchanged"  # orders reads no revenue knob
    assert any("is not locked" in p for p in revenue["problems"])


def test_an_added_metric_needs_one_approval(repo):
    repo.write("defs.py", DEFS_V1 + DEFS_V1.split("def register(registry):\n")[1].replace('name="gross"', 'name="shipping_charged"').replace("t.gross_sales", "t.shipping"))
    repo.write("metrics.toml", repo.read("metrics.toml") + '\n[metrics.shipping_charged]\nowner = "analytics@example.com"\ndescription = "Shipping charged."\nversion = 1\n')
    repo.ok("lock")
    code, report = diff_json(repo)
    added = by_name(report)["shipping_charged"]
    assert code == 1 and added["status"] == "added" and added["approvals_required"] == 1
    repo.approve_all(["shipping_charged"], reviewers=(REVIEWERS[0],))
    code, report = diff_json(repo)
    assert code == 0


def test_removing_an_active_metric_fails_and_a_deprecated_one_passes(repo):
    repo.write("defs.py", "def register(registry):\n    pass\n")
    text = repo.read("metrics.toml")
    start = text.index("[metrics.gross]")
    end = text.find("\n[", start + 1)
    repo.write("metrics.toml", text[:start] + (text[end + 1 :] if end != -1 else ""))
    code, report = diff_json(repo)
    assert code == 1
    assert by_name(report)["gross"]["problems"] == ["gross was removed while active: deprecate it with a sunset date first"]
    # Deprecate first (on main), then remove: the policy is met.
    removed = (repo.read("defs.py"), repo.read("metrics.toml"))
    repo.write("defs.py", DEFS_V1)
    repo.write("metrics.toml", text.replace('description = "The gross metric."\nversion = 1\nstatus = "active"', 'description = "The gross metric."\nversion = 1\nstatus = "deprecated"\nsunset = 2026-12-31'))
    repo.commit("deprecate gross")
    repo.write("defs.py", removed[0])
    repo.write("metrics.toml", removed[1])
    code, report = diff_json(repo)
    assert code == 0, report


def test_a_renamed_metric_is_removed_plus_added_and_named_a_likely_rename(repo):
    repo.write("defs.py", DEFS_V1.replace('name="gross"', 'name="gross_merchandise"'))
    repo.edit("metrics.toml", "[metrics.gross]", "[metrics.gross_merchandise]")
    repo.ok("lock")
    code, report = diff_json(repo)
    metrics = by_name(report)
    assert code == 1
    assert metrics["gross"]["status"] == "removed" and metrics["gross"]["rename"] == "likely renamed to gross_merchandise"
    assert metrics["gross_merchandise"]["status"] == "added" and metrics["gross_merchandise"]["rename"] == "likely renamed from gross"


def test_an_unknown_base_revision_is_a_usage_error(repo):
    code, output = repo.run("diff", "--base", "no-such-branch")
    assert code == 2
    assert "git revision 'no-such-branch' does not exist" in output and "Traceback" not in output


def test_a_base_without_metrics_toml_is_a_usage_error(tmp_path):
    repo = GovRepo(tmp_path / "fresh")
    repo.path.mkdir()
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.email", AUTHOR)
    repo.git("config", "user.name", "Dev")
    repo.write("README.md", "nothing yet\n")
    repo.commit("readme only")
    base = repo.git("rev-parse", "HEAD").strip()
    fresh = GovRepo.create(repo.path)  # adds the project in a second commit
    code, output = fresh.run("diff", "--base", base)
    assert code == 2
    assert f"revision '{base}' has no metrics.toml" in output


def test_a_definition_that_fails_to_import_is_a_clear_error(repo):
    repo.write("defs.py", "import no_such_module\n\ndef register(registry):\n    pass\n")
    code, output = repo.run("diff", "--base", "main")
    assert code == 2
    assert "cannot build the working tree" in output and "defs.py failed to load: ModuleNotFoundError" in output
    assert "Traceback" not in output


def test_with_a_database_both_sides_are_evaluated_side_by_side(repo, tmp_path):
    warehouse = tmp_path / "demo.duckdb"
    code, output = repo.run("demo", "--orders", "300", "--shops", "2", "--database", str(warehouse))
    assert code == 0, output
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales - t.discounts")
    code, output = repo.run(
        "diff", "--base", "main", "--format", "json", "--database", str(warehouse), "--start", "2020-01-01", "--end", "2030-12-31"
    )
    assert code == 1, output
    report = json.loads(output)
    assert report["window"] == ["2020-01-01", "2030-12-31"]
    metrics = by_name(report)
    gross = metrics["gross"]["values"]
    assert len(gross) == 2
    for row in gross:
        # Discounts are never negative: netting them can only lower gross sales.
        assert row["head"] <= row["base"]
        assert row["difference"] == pytest.approx(row["head"] - row["base"])
        assert row["percent"] == pytest.approx(100 * (row["head"] - row["base"]) / abs(row["base"]))
    assert any(row["difference"] < 0 for row in gross)
    # An unchanged metric evaluates to the same numbers on both sides.
    assert all(row["base"] == row["head"] for row in metrics["orders"]["values"])


def test_a_version_bump_without_a_definition_change_is_the_wrong_bump(repo):
    same = DEFS_V2_BESIDE_V1.replace("t.gross_sales - t.discounts", "t.gross_sales")
    repo.write("defs.py", same)
    repo.edit("metrics.toml", 'description = "The gross metric."\nversion = 1', 'description = "The gross metric."\nversion = 2')
    code, report = diff_json(repo)
    gross = by_name(report)["gross"]
    assert code == 1
    # gross@2 compiles to gross@1's SQL: same fingerprint, so the bump records no change.
    assert gross["sql_diff"] == ""
    assert "version went from 1 to 2 without a definition change" in gross["problems"]


def test_a_knob_change_recorded_as_a_fix_satisfies_check_and_diff(repo):
    repo.set_knob("revenue", "include_taxes", "false")
    repo.ok("lock")
    code, report = diff_json(repo)
    changed = [m for m in report["metrics"] if m["status"] == "changed"]
    direct = sorted(m["name"] for m in changed if not m["follows"])
    followers = sorted(m["name"] for m in changed if m["follows"])
    assert "revenue" in direct and {"aov", "mer"} <= set(followers)
    assert all(m["approvals_required"] == 1 for m in changed if m["follows"])
    refs = ", ".join(f"{name}@1" for name in direct)
    repo.edit("CHANGELOG.md", "## [Unreleased]\n", f"## [Unreleased]\n\n### Fixed\n- Revenue excludes taxes: {refs}.\n")
    repo.approve_all(direct)
    repo.approve_all(followers, reviewers=(REVIEWERS[0],))
    code, output = repo.run("check")
    assert code == 0, output
    code, report = diff_json(repo)
    assert code == 0, [m["problems"] for m in report["metrics"] if m["problems"]]


def test_a_governed_entry_that_is_not_a_metric_is_diffed_by_its_record(repo):
    repo.write("metrics.toml", repo.read("metrics.toml") + '\n[metrics.attribution]\nowner = "growth@example.com"\ndescription = "Attribution v1."\n')
    code, report = diff_json(repo)
    attribution = by_name(report)["attribution"]
    assert code == 0, attribution
    assert (attribution["status"], attribution["approvals_required"], attribution["problems"]) == ("added", 0, [])
    assert attribution["notes"] == ["attribution is not a metric: owner and status compared, no fingerprint to approve"]


def test_two_committed_revisions_compare_without_the_working_tree(repo):
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales - t.discounts")
    repo.ok("lock", "gross")
    repo.commit("gross nets discounts")
    repo.write("defs.py", "this working tree edit is not part of either revision (")
    code, output = repo.run("diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json")
    report = json.loads(output)
    assert code == 1 and (report["base"], report["head"]) == ("HEAD~1", "HEAD")
    assert by_name(report)["gross"]["verdict"] == "fix in place (same version)"
    code, output = repo.run("diff", "--base", "main", "--head", "no-such-rev")
    assert code == 2 and "git revision 'no-such-rev' does not exist" in output


def test_a_relative_database_path_is_read_from_the_callers_directory_on_both_sides(repo):
    code, output = repo.run("demo", "--orders", "300", "--shops", "2", "--database", "demo.duckdb")
    assert code == 0, output
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales - t.discounts")
    code, output = repo.run(
        "diff", "--base", "main", "--format", "json", "--database", "demo.duckdb", "--start", "2020-01-01", "--end", "2030-12-31"
    )
    report = json.loads(output)
    revenue = by_name(report)["revenue"]
    # The base is built in a temporary worktree: the relative path must still be this folder's file.
    assert revenue["value_errors"] == []
    assert len(revenue["values"]) == 2 and all(row["base"] == row["head"] is not None for row in revenue["values"])


def test_the_warehouse_url_reaches_the_snapshot_process_through_its_environment_not_argv(monkeypatch, tmp_path):
    import subprocess

    from semantic.governance import diff

    seen = {}

    class Recorder:
        def __init__(self, command, **kwargs):
            seen.update(command=command, env=kwargs["env"])

    monkeypatch.setattr(subprocess, "Popen", Recorder)
    url = "postgresql://ana:S3cretPass@db.example.com/shop?sslpassword=K3yPass"
    diff._start(diff.SnapshotJob("base", tmp_path / "metrics.toml", tmp_path), (url, "2026-01-01", "2026-01-31"))
    assert not any("S3cretPass" in part or "K3yPass" in part for part in seen["command"])
    assert seen["env"][diff.SNAPSHOT_DATABASE_ENV] == url
