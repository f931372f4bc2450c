"""JSON over HTTP for the services we talk to (GitHub's REST API, chat webhooks): timeouts, retries, redaction.

Standard library only (urllib.request). A request that fails with a connection
error, a timeout, 429 or a 5xx is retried with exponential backoff; any other
status is final. Errors are `RemoteError` (exit 3) whose message shows the
service's host and path but never a token or a webhook's secret path.

>>> redact_endpoint("https://hooks.slack.com/services/T000/B000/XXXXSECRET")
'https://hooks.slack.com/…'
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from semantic.errors import RemoteError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def redact_endpoint(url: str) -> str:
    """Scheme and host of `url` only: a webhook's path is its secret."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or '?'}{':' + str(parts.port) if parts.port else ''}/…"


@dataclass(frozen=True)
class Response:
    status: int
    body: Any  # parsed JSON, or the text when it is not JSON, or None when empty
    headers: Mapping[str, str]


@dataclass(frozen=True)
class HttpClient:
    """Requests with a timeout (seconds), `retries` extra attempts and exponential backoff from `backoff` seconds."""

    timeout: float = 10.0
    retries: int = 3
    backoff: float = 0.5
    # Looked up at call time, so tests can make backoff instant.
    sleep: Callable[[float], None] = lambda seconds: time.sleep(seconds)  # noqa: E731

    def request(
        self,
        method: str,
        url: str,
        payload: Any = None,
        headers: Mapping[str, str] | None = None,
        shown_as: str | None = None,
    ) -> Response:
        """Send one request (retried as the module says); `shown_as` is how errors name the endpoint."""
        shown = shown_as or redact_endpoint(url)
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        all_headers = {"Content-Type": "application/json", "User-Agent": "semantic", **(headers or {})}
        last_error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:  # noqa: S310 - http(s) only, checked by callers
                    return Response(reply.status, _parse(reply.read()), dict(reply.headers))
            except urllib.error.HTTPError as exc:
                body = _parse(exc.read())
                if exc.code not in RETRY_STATUSES:
                    raise RemoteError(f"{method} {shown} answered {exc.code}: {_message(body)}") from None
                last_error = f"answered {exc.code}: {_message(body)}"
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                last_error = f"failed: {reason}"
        raise RemoteError(f"{method} {shown} {last_error} (after {self.retries + 1} attempts)")


def _parse(raw: bytes) -> Any:
    if not raw:
        return None
    text = raw.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def _message(body: Any) -> str:
    if isinstance(body, dict) and "message" in body:
        return str(body["message"])[:200]
    return str(body)[:200] if body else "no body"
