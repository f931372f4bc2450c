"""Alerts: failures to the incidents webhook, warnings to the monitoring one, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from semantic.backends.alerts import send_alerts
from semantic.backends.http import HttpClient
from semantic.checks import CheckResult, CheckRun
from semantic.quality_config import AlertSettings
from tests.cli_run import cli, isolated  # noqa: F401 - fixture
from tests.quality_data import clean_rows, duckdb_with, loaded_at

SECRET = "T000/B000/XXXXSECRETPATH"


class Webhooks:
    def __init__(self) -> None:
        self.received: list[tuple[str, dict]] = []
        self.fail_next: list[int] = []
        self.lock = threading.Lock()


@pytest.fixture
def webhooks():
    hooks = Webhooks()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length))
            with hooks.lock:
                status = hooks.fail_next.pop(0) if hooks.fail_next else (404 if "missing" in self.path else 200)
                if status == 200:
                    hooks.received.append((self.path, body))
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    hooks.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield hooks
    server.shutdown()
    server.server_close()


def result(name: str, status: str, sample=("s1", "o\x1b[2J1")) -> CheckResult:
    return CheckResult(name, status, "error" if status == "fail" else "warn", 3 if status != "pass" else 0, None, ("shop_id", "order_id"),
                       (sample,) if status != "pass" else (), "SELECT 1", f"fix {name}", "")


RUN = CheckRun((result("duplicate_keys", "fail"), result("email_nulls", "warn"), result("freshness", "pass")),
               dt.datetime(2026, 1, 20, 12, 0, tzinfo=dt.timezone.utc), "duckdb:///w.duckdb")


def test_failures_go_to_incidents_and_warnings_to_monitoring(webhooks):
    settings = AlertSettings(error=f"{webhooks.base}/incidents/{SECRET}", warn=f"{webhooks.base}/monitoring/{SECRET}")
    outcomes = send_alerts(RUN, settings, HttpClient(retries=0))
    assert [(o.channel, o.delivered) for o in outcomes] == [("error", True), ("warn", True)]
    (incident_path, incident), (monitoring_path, monitoring) = sorted(webhooks.received)
    assert incident_path.startswith("/incidents/") and monitoring_path.startswith("/monitoring/")
    assert "duplicate_keys: 3 offending" in incident["text"] and "email_nulls" not in incident["text"]
    assert "email_nulls: 3 offending" in monitoring["text"] and "freshness" not in monitoring["text"]
    assert "\x1b" not in incident["text"] and "o\\x1b[2J1" in incident["text"]
    assert all(SECRET not in o.endpoint for o in outcomes)


def test_a_busy_webhook_is_retried_with_backoff(webhooks):
    webhooks.fail_next = [503, 429]
    waits: list[float] = []
    outcomes = send_alerts(RUN, AlertSettings(error=f"{webhooks.base}/incidents"), HttpClient(retries=3, backoff=0.5, sleep=waits.append))
    assert outcomes[0].delivered and waits == [0.5, 1.0]


def test_a_failed_delivery_is_an_outcome_without_the_secret(webhooks):
    outcomes = send_alerts(RUN, AlertSettings(error=f"{webhooks.base}/missing/{SECRET}"), HttpClient(retries=0))
    assert [(o.channel, o.delivered) for o in outcomes] == [("error", False)]
    assert SECRET not in outcomes[0].detail and "404" in outcomes[0].detail


def test_the_cli_alerts_from_env_and_a_failed_alert_hides_no_result(isolated, capsys, monkeypatch, webhooks):
    rows = loaded_at(clean_rows(), dt.datetime.now(dt.timezone.utc))
    rows["refunds"][0]["order_id"] = "o404"
    duckdb_with(isolated / "w.duckdb", rows).close()
    monkeypatch.setenv("INCIDENTS_HOOK", f"{webhooks.base}/incidents/{SECRET}")
    (isolated / "metrics.toml").write_text(
        f'[quality.alerts]\nerror = "env:INCIDENTS_HOOK"\nwarn = "{webhooks.base}/missing/{SECRET}"\nretries = 0\n'
        '[checks.freshness]\nseverity = "warn"\nthreshold = 0\n[quality.freshness.orders]\nwarn_after = "1m"\n'
    )
    code, out, err = cli(capsys, "check", "--database", "w.duckdb", "--data-only", "--select", "tag:orphans", "--alert")
    assert code == 1 and "FAIL  refund_without_order" in out
    assert "alert: sent the error message to http://127.0.0.1" in err
    assert [p.split("/")[1] for p, _ in webhooks.received] == ["incidents"]
    assert SECRET not in out + err


def test_an_unset_webhook_variable_is_a_config_error(isolated, capsys, monkeypatch):
    rows = loaded_at(clean_rows(), dt.datetime.now(dt.timezone.utc))
    rows["refunds"][0]["order_id"] = "o404"
    duckdb_with(isolated / "w.duckdb", rows).close()
    monkeypatch.delenv("NO_SUCH_HOOK", raising=False)
    (isolated / "metrics.toml").write_text('[quality.alerts]\nerror = "env:NO_SUCH_HOOK"\n')
    code, out, err = cli(capsys, "check", "--database", "w.duckdb", "--data-only", "--select", "refund_without_order", "--alert")
    assert code == 2 and "NO_SUCH_HOOK" in err and "FAIL  refund_without_order" in out
