"""`semantic comment`: one pull-request comment per report, edited in place, against a local server playing GitHub.

The server keeps the pull request's comments in memory and speaks the part of
GitHub's REST API the command uses (list with pagination, create, edit,
delete), checking the token and API headers on every call.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from semantic.cli.app import main
from semantic.governance.pr_comment import GITHUB_COMMENT_LIMIT, marker_of, plan_updates, split_report

TOKEN = "ghs_TESTTOKEN1234567890"


class FakeGitHub:
    """Comments of pull request 7 of octo/shop, and what was asked of them."""

    def __init__(self) -> None:
        self.comments: dict[int, dict] = {}
        self.next_id = 1000
        self.calls: list[tuple[str, str]] = []
        self.fail_next: list[int] = []  # statuses to answer before serving normally
        self.lock = threading.Lock()

    def add(self, body: str, user: str = "someone") -> int:
        self.next_id += 1
        self.comments[self.next_id] = {"id": self.next_id, "body": body, "user": {"login": user}}
        return self.next_id

    def bodies(self) -> list[str]:
        return [c["body"] for _, c in sorted(self.comments.items())]


def _handler(fake: FakeGitHub):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _answer(self, status: int, payload=None) -> None:
            body = json.dumps(payload).encode() if payload is not None else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _serve(self, method: str) -> None:
            with fake.lock:
                fake.calls.append((method, self.path))
                if fake.fail_next:
                    return self._answer(fake.fail_next.pop(0), {"message": "try again"})
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._answer(401, {"message": "Bad credentials"})
                if self.headers.get("Accept") != "application/vnd.github+json":
                    return self._answer(415, {"message": "wrong Accept"})
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length)) if length else None
                listing = re.fullmatch(r"/repos/octo/shop/issues/7/comments\?per_page=(\d+)&page=(\d+)", self.path)
                one = re.fullmatch(r"/repos/octo/shop/issues/comments/(\d+)", self.path)
                if method == "GET" and listing:
                    size, page = int(listing.group(1)), int(listing.group(2))
                    items = [fake.comments[k] for k in sorted(fake.comments)]
                    return self._answer(200, items[(page - 1) * size : page * size])
                if method == "POST" and self.path == "/repos/octo/shop/issues/7/comments":
                    comment_id = fake.add(payload["body"], "github-actions[bot]")
                    return self._answer(201, fake.comments[comment_id])
                if one and int(one.group(1)) in fake.comments:
                    comment_id = int(one.group(1))
                    if method == "PATCH":
                        fake.comments[comment_id]["body"] = payload["body"]
                        return self._answer(200, fake.comments[comment_id])
                    if method == "DELETE":
                        del fake.comments[comment_id]
                        return self._answer(204)
                return self._answer(404, {"message": "Not Found"})

        def do_GET(self) -> None:  # noqa: N802
            self._serve("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._serve("POST")

        def do_PATCH(self) -> None:  # noqa: N802
            self._serve("PATCH")

        def do_DELETE(self) -> None:  # noqa: N802
            self._serve("DELETE")

    return Handler


@pytest.fixture
def github(monkeypatch, tmp_path):
    fake = FakeGitHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7}}))
    monkeypatch.setenv("GITHUB_API_URL", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/shop")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    yield fake
    server.shutdown()
    server.server_close()


def post(capsys, tmp_path, text: str, *options: str) -> tuple[int, str]:
    report = tmp_path / "report.md"
    report.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["comment", str(report), *options])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert TOKEN not in captured.out + captured.err
    return (exited.value.code or 0), captured.out + captured.err


def test_first_push_creates_one_comment_and_later_pushes_edit_it(github, capsys, tmp_path):
    github.add("LGTM", "ana")
    code, out = post(capsys, tmp_path, "## Metric changes\nrevenue: changed\n")
    assert code == 0 and "0 edited, 1 created, 0 deleted" in out
    code, out = post(capsys, tmp_path, "## Metric changes\nrevenue: changed\naov: follows revenue\n")
    assert code == 0 and "1 edited, 0 created, 0 deleted" in out
    bodies = github.bodies()
    assert len(bodies) == 2 and bodies[0] == "LGTM"  # somebody else's comment is untouched
    assert bodies[1] == "<!-- semantic:diff 1/1 -->\n## Metric changes\nrevenue: changed\naov: follows revenue\n"


def test_an_unchanged_report_makes_no_call_but_the_listing(github, capsys, tmp_path):
    post(capsys, tmp_path, "same\n")
    github.calls.clear()
    code, out = post(capsys, tmp_path, "same\n")
    assert code == 0 and "0 edited, 0 created, 0 deleted" in out
    assert [method for method, _ in github.calls] == ["GET"]


def test_a_report_over_githubs_limit_is_split_and_shrinks_back_to_one_comment(github, capsys, tmp_path):
    long = "## Metric changes\n```diff\n" + "".join(f"+ line {i} {'x' * 60}\n" for i in range(2500)) + "```\n"
    assert len(long) > GITHUB_COMMENT_LIMIT
    code, out = post(capsys, tmp_path, long)
    assert code == 0 and "0 edited, 3 created, 0 deleted" in out
    bodies = github.bodies()
    assert all(len(b) <= GITHUB_COMMENT_LIMIT for b in bodies)
    assert [marker_of(b) for b in bodies] == [("diff", 1), ("diff", 2), ("diff", 3)]
    # every part's code fences are balanced, and the text round-trips
    assert all(b.count("```") % 2 == 0 for b in bodies)
    rebuilt = "".join(b.split("\n", 1)[1] for b in bodies).replace("```\n```diff\n", "")
    assert rebuilt == long
    code, out = post(capsys, tmp_path, "## Metric changes\nNo metric changes.\n")
    assert code == 0 and "1 edited, 0 created, 2 deleted" in out
    assert github.bodies() == ["<!-- semantic:diff 1/1 -->\n## Metric changes\nNo metric changes.\n"]


def test_two_reports_keep_two_comments(github, capsys, tmp_path):
    post(capsys, tmp_path, "diff report\n")
    post(capsys, tmp_path, "check report\n", "--name", "check")
    post(capsys, tmp_path, "diff report, again\n")
    assert sorted(github.bodies()) == sorted([
        "<!-- semantic:diff 1/1 -->\ndiff report, again\n",
        "<!-- semantic:check 1/1 -->\ncheck report\n",
    ])


def test_pagination_finds_our_comment_past_the_first_page(github, capsys, tmp_path):
    post(capsys, tmp_path, "ours\n")
    for i in range(150):
        github.add(f"chatter {i}")
    code, out = post(capsys, tmp_path, "ours, edited\n")
    assert code == 0 and "1 edited, 0 created" in out
    assert sum(1 for b in github.bodies() if b.startswith("<!-- semantic:diff")) == 1


def test_server_errors_are_retried_and_a_refusal_is_exit_3_without_the_token(github, capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("semantic.backends.http.time.sleep", lambda seconds: None)
    github.fail_next = [502, 503]
    code, out = post(capsys, tmp_path, "report\n")
    assert code == 0 and "1 created" in out
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_WRONG")
    code, out = post(capsys, tmp_path, "report\n")
    assert code == 3
    assert "answered 401: Bad credentials" in out and "ghs_WRONG" not in out


def test_missing_token_repository_or_pull_request_is_a_usage_error(github, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN")
    code, out = post(capsys, tmp_path, "x\n")
    assert code == 2 and "$GITHUB_TOKEN is empty" in out
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    code, out = post(capsys, tmp_path, "x\n", "--repo", "not-a-repo")
    assert code == 2 and "owner/name" in out
    monkeypatch.delenv("GITHUB_EVENT_PATH")
    code, out = post(capsys, tmp_path, "x\n")
    assert code == 2 and "--pr N" in out


def test_plan_never_touches_comments_of_another_report_or_person():
    existing = {1: "hello", 2: "<!-- semantic:check 1/1 -->\nc", 3: "<!-- semantic:diff 2/2 -->\nb", 4: "<!-- semantic:diff 1/2 -->\na"}
    parts = split_report("only one part now\n", "diff")
    plan = plan_updates(existing, parts, "diff")
    assert plan.update == {4: parts[0]} and plan.create == () and plan.delete == (3,)
