"""Pull-request comments through GitHub's REST API: list, create, edit and delete, for one report.

The repository, the pull request and the API's address come from the options,
else from the environment GitHub Actions sets (`GITHUB_REPOSITORY`,
`GITHUB_EVENT_PATH` holding the pull request's number, `GITHUB_API_URL`); the
token from `GITHUB_TOKEN` (or the variable `--token-env` names). The token is
sent as a header and never shown.

Which comments to edit, create or delete is decided by semantic.governance.pr_comment;
this module only speaks HTTP.

>>> # pr = PullRequest.from_environment(); pr.apply(update={12: "..."}, create=(), delete=())
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from semantic.errors import ConfigError

from semantic.backends.http import HttpClient

DEFAULT_API = "https://api.github.com"
PAGE_SIZE = 100


@dataclass(frozen=True)
class PullRequest:
    repository: str  # owner/name
    number: int
    token: str = field(repr=False)
    api_url: str = DEFAULT_API
    client: HttpClient = HttpClient()

    @classmethod
    def from_environment(
        cls, repository: str | None = None, number: int | None = None, token_env: str = "GITHUB_TOKEN", api_url: str | None = None
    ) -> PullRequest:
        repository = repository or os.environ.get("GITHUB_REPOSITORY")
        if not repository or repository.count("/") != 1 or not all(repository.split("/")):
            raise ConfigError("name the repository as owner/name (--repo, or GITHUB_REPOSITORY as GitHub Actions sets it)")
        number = number or pull_request_number(os.environ.get("GITHUB_EVENT_PATH"))
        if not number:
            raise ConfigError("name the pull request (--pr N); outside a pull_request event GitHub sets none")
        token = os.environ.get(token_env, "")
        if not token:
            raise ConfigError(f"${token_env} is empty: GitHub Actions provides it as secrets.GITHUB_TOKEN (pass it in `env:`)")
        api = (api_url or os.environ.get("GITHUB_API_URL") or DEFAULT_API).rstrip("/")
        if urlsplit(api).scheme not in ("http", "https"):
            raise ConfigError(f"the GitHub API URL must be http(s), got {api!r}")
        return cls(repository, number, token, api)

    @property
    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }

    def _url(self, path: str) -> str:
        owner, name = (quote(part, safe="") for part in self.repository.split("/"))
        return f"{self.api_url}/repos/{owner}/{name}{path}"

    def _call(self, method: str, path: str, payload=None):
        shown = f"{self.api_url}/repos/{self.repository}{path.split('?')[0]}"
        return self.client.request(method, self._url(path), payload, self._headers, shown_as=shown).body

    def comments(self) -> dict[int, str]:
        """Every comment of the pull request: id -> body (all pages)."""
        found: dict[int, str] = {}
        page = 1
        while True:
            batch = self._call("GET", f"/issues/{self.number}/comments?per_page={PAGE_SIZE}&page={page}") or []
            found.update({int(c["id"]): c.get("body") or "" for c in batch})
            if len(batch) < PAGE_SIZE:
                return found
            page += 1

    def apply(self, update: Mapping[int, str], create: Sequence[str], delete: Sequence[int]) -> None:
        """Edit comments in place, then create new ones, then delete surplus ones."""
        for comment_id, body in update.items():
            self._call("PATCH", f"/issues/comments/{comment_id}", {"body": body})
        for body in create:
            self._call("POST", f"/issues/{self.number}/comments", {"body": body})
        for comment_id in delete:
            self._call("DELETE", f"/issues/comments/{comment_id}")


def pull_request_number(path: str | None) -> int | None:
    """The pull request's number in the event file GitHub Actions writes ($GITHUB_EVENT_PATH), if any."""
    if not path:
        return None
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    number = (event.get("pull_request") or {}).get("number") or event.get("number")
    return int(number) if isinstance(number, int) else None
