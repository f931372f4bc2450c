"""One pull-request comment per report, found by a marker and edited in place on every push.

GitHub refuses a comment body over 65,536 characters. A report longer than that
is split into parts at line boundaries (a fenced code block cut in two is closed
and reopened), each part headed by a hidden marker naming the report and the
part: `<!-- semantic:diff 1/2 -->`. On the next push the existing parts are
edited in place, missing parts are created and parts no longer needed are
deleted, so a pull request always carries exactly one copy of the report.

>>> parts = split_report("## Metric changes\\n" + "x\\n" * 40, "diff", limit=200)
>>> [p.splitlines()[0] for p in parts]
['<!-- semantic:diff 1/3 -->', '<!-- semantic:diff 2/3 -->', '<!-- semantic:diff 3/3 -->']
>>> plan_updates({101: "<!-- semantic:diff 1/1 -->\\nold"}, ["<!-- semantic:diff 1/1 -->\\nnew"], "diff")
CommentPlan(update={101: '<!-- semantic:diff 1/1 -->\\nnew'}, create=(), delete=())
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# GitHub's limit on an issue or pull-request comment body, in characters.
GITHUB_COMMENT_LIMIT = 65_536
_MARKER = re.compile(r"^<!-- semantic:(?P<name>[A-Za-z0-9_.-]+) (?P<part>\d+)/(?P<parts>\d+) -->")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
# Characters kept free in each part for a fence line that closes or reopens a code block.
_FENCE_RESERVE = 64


def check_marker_name(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"a comment marker name is 1 to 64 letters, digits, '.', '_' or '-', got {name!r}")
    return name


def marker(name: str, part: int, parts: int) -> str:
    return f"<!-- semantic:{name} {part}/{parts} -->"


def marker_of(body: str) -> tuple[str, int] | None:
    """(report name, part number) of a comment we wrote, or None for anybody else's comment."""
    found = _MARKER.match(body or "")
    return (found.group("name"), int(found.group("part"))) if found else None


def split_report(text: str, name: str, limit: int = GITHUB_COMMENT_LIMIT) -> list[str]:
    """`text` as comment bodies of at most `limit` characters each, every one headed by its marker."""
    check_marker_name(name)
    # Room for the text: the marker line, and a closing and reopening fence.
    room = limit - len(marker(name, 999, 999)) - 1 - 2 * _FENCE_RESERVE
    if room < 40:
        raise ValueError(f"a comment limit of {limit} characters leaves no room for the report")
    chunks: list[list[str]] = [[]]
    size = 0
    fence: str | None = None
    for line in _bounded_lines(text, room):
        if size + len(line) > room and chunks[-1]:
            if fence:
                chunks[-1].append("```\n")
            chunks.append([f"{fence}\n"] if fence else [])
            size = len(chunks[-1][0]) if fence else 0
        chunks[-1].append(line)
        size += len(line)
        if _FENCE.match(line):
            fence = None if fence else line.rstrip("\n")[:_FENCE_RESERVE - 1]
    total = len(chunks)
    return [marker(name, i + 1, total) + "\n" + "".join(chunk) for i, chunk in enumerate(chunks)]


def _bounded_lines(text: str, room: int) -> list[str]:
    """Lines of `text` (newline kept), any line longer than `room` cut into pieces that fit."""
    lines = []
    for line in text.splitlines(keepends=True) or [""]:
        while len(line) > room:
            lines.append(line[: room - 1] + "\n")
            line = line[room - 1 :]
        lines.append(line)
    return lines


@dataclass(frozen=True)
class CommentPlan:
    """What to do with the pull request's comments: edit these ids, create these bodies, delete these ids."""

    update: dict[int, str] = field(default_factory=dict)
    create: tuple[str, ...] = ()
    delete: tuple[int, ...] = ()


def plan_updates(existing: Mapping[int, str], parts: list[str], name: str) -> CommentPlan:
    """Edit our existing parts in place (in part order), create the missing ones, delete the surplus.

    `existing` is every comment of the pull request (id -> body); comments by
    anybody else, or of another report, are never touched. A part whose body is
    already right is left alone.
    """
    ours = sorted(
        (found[1], comment_id) for comment_id, body in existing.items() if (found := marker_of(body)) and found[0] == name
    )
    ids = [comment_id for _, comment_id in ours]
    update = {cid: body for cid, body in zip(ids, parts) if existing[cid] != body}
    return CommentPlan(update=update, create=tuple(parts[len(ids):]), delete=tuple(ids[len(parts):]))
