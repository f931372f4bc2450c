"""`semantic check` (governance): each rule, on a temporary git repository."""

from __future__ import annotations

import json

import pytest

from tests.governance_repo import AUTHOR, DEFS_V1, REVIEWERS, GovRepo


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # One compile cache per test session: fast, and never the developer's own.
    monkeypatch.setenv("SEMANTIC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "governance-cache"))
    monkeypatch.delenv("SEMANTIC_CONFIG", raising=False)


@pytest.fixture
def repo(tmp_path) -> GovRepo:
    return GovRepo.create(tmp_path / "repo")


def test_a_locked_and_approved_project_passes(repo):
    code, output = repo.run("check")
    assert code == 0, output
    assert output.strip().splitlines()[-1] == "ERRORS: 0, FUTURE_ERRORS: 0, WARNINGS: 0"


def test_changed_knob_is_an_unrecorded_definition_change_of_revenue_and_its_dependents(repo):
    repo.set_knob("revenue", "include_taxes", "false")
    code, output = repo.run("check", "--format", "json")
    assert code == 1
    report = json.loads(output)
    changed = sorted(f["object"] for f in report["findings"] if f["code"] == "fingerprint")
    # orders reads no revenue knob: its pruned SQL and fingerprint do not move.
    assert {"revenue", "aov", "mer"} <= set(changed)
    assert "orders" not in changed and "gross" not in changed
    first = next(f for f in report["findings"] if f["object"] == "revenue")
    assert first["level"] == "error" and first["file"] == "metrics.toml"
    assert repo.read("metrics.toml").splitlines()[first["line"] - 1].startswith("[metrics.revenue]") or "fingerprint" in repo.read(
        "metrics.toml"
    ).splitlines()[first["line"] - 1]


def test_a_fix_in_place_needs_a_fixed_entry_and_two_approvals_not_by_the_author(repo):
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales - t.discounts")
    assert repo.run("check")[0] == 1
    output = repo.ok("lock", "gross")
    assert "versions.1.1" in output  # the superseded record of gross@1 is kept
    code, output = repo.run("check")
    assert code == 1
    assert "gross@1 was fixed in place: CHANGELOG.md needs a Fixed entry naming gross@1" in output
    assert "gross@1 has 0 of the 2 approvals a changed definition needs" in output
    repo.ok("approve", "gross", "--by", AUTHOR)
    repo.ok("approve", "gross", "--by", REVIEWERS[0])
    code, output = repo.run("check")
    assert "does not count: dev@example.com is the change's author" in output
    assert "gross@1 has 1 of the 2 approvals" in output
    repo.ok("approve", "gross", "--by", REVIEWERS[1])
    repo.edit("CHANGELOG.md", "## [Unreleased]\n", "## [Unreleased]\n\n### Fixed\n- gross@1 now nets discounts.\n")
    code, output = repo.run("check")
    assert code == 0, output
    assert output.strip().endswith("ERRORS: 0, FUTURE_ERRORS: 0, WARNINGS: 1")


def test_approvals_of_an_old_fingerprint_do_not_count(repo):
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales + t.shipping")
    repo.ok("lock")
    entry = __import__("tomllib").loads(repo.read("metrics.toml"))["metrics"]["gross"]
    assert entry["versions"]["1.1"]["approved_by"] == sorted(REVIEWERS)
    assert "approvals" not in entry  # they moved with the fingerprint they approved
    code, output = repo.run("check")
    assert code == 1 and "gross@1 has 0 of the 2 approvals" in output


def test_approve_refuses_a_definition_that_is_not_locked(repo):
    repo.edit("defs.py", "t.gross_sales", "t.gross_sales * 2")
    code, output = repo.run("approve", "gross", "--by", REVIEWERS[0])
    assert code == 2
    assert "is not locked" in output and "Traceback" not in output


def test_approve_keeps_comments_and_layout(repo):
    text = repo.read("metrics.toml").replace("[metrics.gross]", "# our own metric, keep this comment\n[metrics.gross]  # inline too")
    repo.write("metrics.toml", text)
    repo.ok("approve", "gross", "--by", "carla@example.com")
    after = repo.read("metrics.toml")
    assert "# our own metric, keep this comment\n[metrics.gross]  # inline too\n" in after
    assert after.count('by = "carla@example.com"') == 1
    assert after.startswith(text.split("[metrics.gross]")[0])  # everything before it untouched


def test_an_owner_outside_the_allowed_list_is_an_error_at_its_line(repo):
    repo.edit("metrics.toml", 'owner = "growth@example.com"', 'owner = "intern@elsewhere.org"')
    code, output = repo.run("check", "--format", "github")
    assert code == 1
    line = next(n for n, text in enumerate(repo.read("metrics.toml").splitlines(), 1) if "intern@elsewhere.org" in text)
    assert f"::error file=metrics.toml,line={line},title=owner::owner 'intern@elsewhere.org'" in output


def test_a_metric_without_an_entry_has_no_owner(repo):
    text = repo.read("metrics.toml")
    start = text.index("[metrics.gross]")
    repo.write("metrics.toml", text[:start] + text[text.index("\n\n", start) + 2 :] if "\n\n" in text[start:] else text[:start])
    code, output = repo.run("check")
    assert code == 1 and "metric gross has no [metrics.gross] entry" in output


def test_a_recorded_version_that_is_not_defined_is_an_error(repo):
    repo.edit("metrics.toml", '[metrics.gross]\nowner = "analytics@example.com"\ndescription = "The gross metric."\nversion = 1',
              '[metrics.gross]\nowner = "analytics@example.com"\ndescription = "The gross metric."\nversion = 2')
    code, output = repo.run("check")
    assert code == 1 and "version = 2 but only gross@1 is defined" in output


def test_deprecated_before_sunset_is_a_future_error_and_after_it_an_error(repo):
    repo.edit("metrics.toml", 'description = "The gross metric."\nversion = 1\nstatus = "active"',
              'description = "The gross metric."\nversion = 1\nstatus = "deprecated"\nsunset = 2027-01-31')
    code, output = repo.run("check", "--today", "2026-12-01")
    assert code == 0, output
    assert "future-error (from 2027-01-31): [gross] gross is deprecated" in output
    assert output.strip().endswith("ERRORS: 0, FUTURE_ERRORS: 1, WARNINGS: 0")
    assert repo.run("check", "--today", "2026-12-01", "--warn-error")[0] == 1
    code, output = repo.run("check", "--today", "2027-02-01")
    assert code == 1
    assert "gross is past its sunset (2027-01-31); remove it and every use of it" in output


def test_an_invalid_policy_is_reported_with_file_and_line(repo):
    repo.edit("metrics.toml", 'allowed_owners = ["*@example.com"]', 'allowed_owners = ["*@example.com"]\napprovals_needed = 3')
    code, output = repo.run("check")
    assert code == 1
    line = next(n for n, text in enumerate(repo.read("metrics.toml").splitlines(), 1) if "approvals_needed" in text)
    assert f"metrics.toml:{line}: error: policy.approvals_needed: unknown key 'approvals_needed'" in output


def test_a_governed_entry_that_is_not_a_metric_is_checked_for_owner_only(repo):
    repo.write("metrics.toml", repo.read("metrics.toml") + '\n[metrics.attribution]\nowner = "growth@example.com"\ndescription = "Attribution v1."\n')
    code, output = repo.run("check")
    assert code == 0, output
    assert "attribution is governed in metrics.toml but is not a metric" in output


def test_markdown_and_json_formats_count_the_same(repo):
    repo.edit("metrics.toml", 'owner = "growth@example.com"', 'owner = "not-an-email"')
    code, markdown = repo.run("check", "--format", "markdown")
    assert code == 1 and markdown.startswith("| level | where | object | finding |")
    code, text = repo.run("check", "--format", "json")
    assert json.loads(text)["summary"]["errors"] == markdown.count("| error |")


def test_codeowners_maps_metrics_toml_and_the_module_to_owners(repo):
    repo.ok("codeowners")
    text = repo.read(".github/CODEOWNERS")
    assert "/defs.py analytics@example.com\n" in text
    assert "/metrics.toml analytics@example.com growth@example.com\n" in text


def test_python_m_semantic_cli_runs_the_cli(repo):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "semantic.cli", "check"], cwd=repo.path, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ERRORS: 0" in out.stdout


def test_lock_leaves_metrics_without_an_entry_alone_unless_named(repo):
    text = repo.read("metrics.toml")
    start = text.index("[metrics.gross]")
    end = text.find("\n[", start + 1)
    repo.write("metrics.toml", text[:start] + (text[end + 1 :] if end != -1 else ""))
    output = repo.ok("lock")
    assert "gross: no [metrics.gross] entry yet" in output
    assert "[metrics.gross]" not in repo.read("metrics.toml")
    repo.ok("lock", "gross")
    entry = __import__("tomllib").loads(repo.read("metrics.toml"))["metrics"]["gross"]
    assert entry["version"] == 1 and entry["fingerprint"].startswith("sha256:")


def test_a_project_module_that_fails_to_load_is_an_error_at_its_line(repo):
    repo.write("defs.py", "def register(registry):\n    pass\nraise RuntimeError('boom')\n")
    code, output = repo.run("check")
    assert code == 1
    assert "defs.py:3: error: defs.py failed to load: RuntimeError: boom" in output
    assert "Traceback" not in output


def test_a_metric_that_does_not_compile_is_an_error_per_dialect(repo):
    broken = DEFS_V1.split("def register(registry):\n")[1].replace('name="gross"', 'name="broken"').replace("t.gross_sales", "t.no_such_column")
    repo.write("defs.py", DEFS_V1 + broken)
    repo.write("metrics.toml", repo.read("metrics.toml").replace('dialects = ["duckdb"]', 'dialects = ["duckdb", "postgres"]')
               + '\n[metrics.broken]\nowner = "analytics@example.com"\ndescription = "Broken."\n')
    code, output = repo.run("check")
    assert code == 1
    assert "broken@1 does not compile to duckdb: AttributeError" in output
    assert "broken@1 does not compile to postgres: AttributeError" in output
