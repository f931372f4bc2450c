"""What an alert says: Slack-compatible incoming-webhook messages for a check run, one per channel.

Failures (error severity) go to the incidents channel, warnings to the
monitoring channel; passing checks and info go nowhere but the logs. The text
names each check, its offending count and fix, with control characters from
the data escaped. Sending lives in `semantic.backends.alerts`.

>>> import datetime as dt
>>> from semantic.checks import CheckRun
>>> alert_messages(CheckRun((), dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)))
{}
"""

from __future__ import annotations

from semantic.checks import CheckResult, CheckRun
from semantic.printable import printable, shorten

# Slack truncates longer messages; keep each well under.
MESSAGE_LIMIT = 3000


def _line(result: CheckResult) -> str:
    first = ""
    if result.samples:
        first = " (first: " + shorten(printable(", ".join("NULL" if v is None else str(v) for v in result.samples[0])), 120) + ")"
    notes = "".join(f" {printable(n)}." for n in result.notes)
    return f"• {result.name}: {result.offending:,} offending{first}.{notes} Fix: {printable(result.hint)}"


def alert_messages(run: CheckRun) -> dict[str, dict]:
    """Channel ('error' or 'warn') -> the webhook payload, for channels that have something to say."""
    messages = {}
    for channel, status, title in (("error", "fail", "failed"), ("warn", "warn", "warned")):
        results = [r for r in run.results if r.status == status]
        if not results:
            continue
        head = f"semantic check: {len(results)} data check{'s' if len(results) > 1 else ''} {title} on {run.database} at {run.started_at:%Y-%m-%d %H:%M} UTC"
        text = "\n".join([head, *(_line(r) for r in results)])
        messages[channel] = {"text": shorten(text, MESSAGE_LIMIT)}
    return messages
