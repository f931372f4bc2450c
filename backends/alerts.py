"""Send a check run's alerts to the webhooks of `[quality.alerts]`, via HttpClient (timeouts, retries, redaction).

A failed delivery is reported as an outcome, never raised: the check results
are printed whatever happens to the alert, and the webhook URL (its path is the
secret) is shown only as scheme and host.

>>> # outcomes = send_alerts(run, project.config.quality.alerts)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from semantic.checks import CheckRun
from semantic.errors import ConfigError, RemoteError
from semantic.quality_alerts import alert_messages
from semantic.quality_config import AlertSettings

from semantic.backends.http import HttpClient, redact_endpoint


@dataclass(frozen=True)
class AlertOutcome:
    channel: str
    endpoint: str  # redacted
    delivered: bool
    detail: str = ""


def webhook_url(value: str, channel: str) -> str:
    """The URL itself, reading `env:NAME` from the environment."""
    if not value.startswith("env:"):
        return value
    name = value.removeprefix("env:")
    url = os.environ.get(name, "")
    if not url.startswith(("https://", "http://")):
        raise ConfigError(
            f"quality.alerts.{channel} reads ${name}, which is {'unset' if not url else 'not an http(s) URL'}",
            hint=f"export {name}=https://hooks.slack.com/services/...",
        )
    return url


def send_alerts(run: CheckRun, settings: AlertSettings, client: HttpClient | None = None) -> list[AlertOutcome]:
    """Post each channel's message to its webhook; channels without a webhook or without news are skipped."""
    client = client or HttpClient(timeout=settings.timeout, retries=settings.retries)
    outcomes = []
    for channel, payload in alert_messages(run).items():
        configured = getattr(settings, channel)
        if configured is None:
            continue
        url = webhook_url(configured, channel)
        shown = redact_endpoint(url)
        try:
            client.request("POST", url, payload, shown_as=shown)
        except RemoteError as exc:
            outcomes.append(AlertOutcome(channel, shown, False, exc.message))
        else:
            outcomes.append(AlertOutcome(channel, shown, True))
    return outcomes
