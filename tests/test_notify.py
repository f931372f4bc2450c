"""`semantic notify` against a local HTTP server playing a Slack-compatible webhook."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.cli_run import cli, isolated  # noqa: F401 - fixture

SECRET_PATH = "/services/T000/B000/SECRETxyz"


class Hook:
    def __init__(self) -> None:
        self.posts: list[dict] = []
        self.fail_next: list[int] = []


@pytest.fixture
def hook(monkeypatch, isolated):
    received = Hook()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            status = received.fail_next.pop(0) if received.fail_next else (200 if self.path == SECRET_PATH else 404)
            if status == 200:
                received.posts.append(json.loads(body))
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"ok" if status == 200 else b"no")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("SEMANTIC_WEBHOOK_URL", f"http://127.0.0.1:{server.server_port}{SECRET_PATH}")
    event = isolated / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 42}}))
    for key, value in {
        "GITHUB_SERVER_URL": "https://github.example",
        "GITHUB_REPOSITORY": "octo/shop",
        "GITHUB_RUN_ID": "9001",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_ACTOR": "dev-octo",
        "GITHUB_HEAD_REF": "fix-aov",
    }.items():
        monkeypatch.setenv(key, value)
    yield received
    server.shutdown()


REPORT = {
    "findings": [
        {"level": "error", "code": "approvals", "message": "aov@1 has 0 of the 1 approvals <b>&", "object": "aov"},
        {"level": "warning", "code": "description", "message": "orders has no description", "object": "orders"},
        {"level": "error", "code": "fingerprint", "message": "evil \x1b]0;title\x07 text", "object": "revenue"},
    ],
    "summary": {"errors": 2, "future_errors": 0, "warnings": 1},
}


def test_notify_posts_the_failures_with_the_pull_request_and_committer(hook, capsys):
    Path("check.json").write_text(json.dumps(REPORT))
    code, out, err = cli(capsys, "notify", "check.json")
    assert code == 0, out + err
    assert len(hook.posts) == 1
    text = hook.posts[0]["text"]
    assert "2 failing in <https://github.example/octo/shop/pull/42|fix-aov>" in text
    assert "committer: dev-octo" in text
    assert "*aov: approvals* (error): aov@1 has 0 of the 1 approvals &lt;b&gt;&amp;" in text
    assert "revenue: fingerprint" in text and "\x1b" not in text and "\\x1b" in text
    assert "orders" not in text  # a warning is not a failure
    # The webhook's path is its secret: never printed.
    assert "SECRET" not in out + err and "posted 2 failure(s) to http://127.0.0.1:" in out


def test_notify_with_warnings_and_a_clean_run(hook, capsys):
    Path("check.json").write_text(json.dumps(REPORT))
    assert cli(capsys, "notify", "check.json", "--warnings")[0] == 0
    assert "orders: description" in hook.posts[0]["text"]
    Path("clean.json").write_text(json.dumps({"findings": [], "summary": {}}))
    code, out, _ = cli(capsys, "notify", "clean.json")
    assert code == 0 and "nothing posted" in out and len(hook.posts) == 1


def test_notify_retries_then_reports_a_failing_webhook_without_its_secret(hook, capsys, monkeypatch):
    monkeypatch.setattr("semantic.backends.http.HttpClient.sleep", lambda self, seconds: None, raising=False)
    Path("check.json").write_text(json.dumps(REPORT))
    hook.fail_next = [503]
    assert cli(capsys, "notify", "check.json")[0] == 0 and len(hook.posts) == 1
    hook.fail_next = [403]
    code, out, err = cli(capsys, "notify", "check.json")
    assert code == 3 and "answered 403" in err and "SECRET" not in out + err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda: Path("r.json").write_text("not json"), "r.json is not JSON"),
        (lambda: Path("r.json").write_text("[]"), 'no "findings", "checks" or "results" list'),
    ],
)
def test_notify_refuses_a_bad_report(hook, capsys, setup, message):
    setup()
    code, _, err = cli(capsys, "notify", "r.json")
    assert code == 2 and message in err


def test_notify_needs_the_webhook(hook, capsys, monkeypatch):
    monkeypatch.delenv("SEMANTIC_WEBHOOK_URL")
    Path("check.json").write_text(json.dumps(REPORT))
    code, _, err = cli(capsys, "notify", "check.json")
    assert code == 2 and "$SEMANTIC_WEBHOOK_URL is empty" in err


def test_notify_reads_the_data_checks_of_check_database(hook, capsys):
    """`semantic check --database --format json` nests the definitions' findings and the data checks."""
    report = {
        "definitions": {"findings": [], "summary": {"errors": 0}},
        "data": {"checks": [
            {"name": "financial_status", "status": "fail", "severity": "error", "offending": 3, "tables": ["orders"], "hint": "lower-case them"},
            {"name": "email_nulls", "status": "warn", "severity": "warn", "offending": 12, "tables": ["orders"], "hint": "map orders.email"},
            {"name": "duplicate_keys", "status": "pass", "severity": "error", "offending": 0, "tables": ["orders"], "hint": ""},
        ]},
    }
    Path("check.json").write_text(json.dumps(report))
    assert cli(capsys, "notify", "check.json")[0] == 0
    text = hook.posts[0]["text"]
    assert "1 failing" in text and "*orders: financial_status* (fail): 3 offending row(s); lower-case them" in text
    assert "email_nulls" not in text and "duplicate_keys" not in text
