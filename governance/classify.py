"""What kind of change turned one compiled SQL into another, read off sqlglot's AST diff.

`sqlglot.diff` (Change Distiller) lists the edits between two trees; each edit
is classified by where it sits: inside WHERE, HAVING, QUALIFY or a JOIN
condition it changes which rows count (`filter`); inside GROUP BY it changes the
`grain`; anywhere else it changes what is added up (`measure expression`).
Knob values are compared directly (`knob`). Costs one parse per side plus the
diff, a few tens of milliseconds for a metric's SQL.

Change Distiller grows faster than linearly (seconds on the 60 kB of an
attribution metric), so the two trees are first narrowed to the subtrees that
differ (`changed_pairs`: equal subtrees are skipped by their structural hash,
list elements matched like lines) and only those pairs are diffed, each edit
still judged by where it sits in the whole tree.

>>> classify_sql("SELECT SUM(a) FROM t WHERE x > 1", "SELECT SUM(a) FROM t WHERE x > 2")
('filter',)
>>> classify_sql("SELECT SUM(a) FROM t GROUP BY d", "SELECT SUM(a + b) FROM t GROUP BY d, e")
('grain', 'measure expression')
"""

from __future__ import annotations

from typing import Any

import sqlglot
import sqlglot.expressions as sge
from sqlglot.diff import Insert, Move, Remove, Update

FILTER, MEASURE, GRAIN, KNOB, METADATA = "filter", "measure expression", "grain", "knob", "metadata only"
_FILTER_CLAUSES = (sge.Where, sge.Having, sge.Qualify)


def _context(node: sge.Expression) -> str:
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, _FILTER_CLAUSES) or (isinstance(parent, sge.Join) and child is parent.args.get("on")):
            return FILTER
        if isinstance(parent, sge.Group):
            return GRAIN
        child, parent = parent, parent.parent  # type: ignore[assignment]
    if isinstance(node, _FILTER_CLAUSES):
        return FILTER
    if isinstance(node, sge.Group):
        return GRAIN
    return MEASURE


# Past this size a differing pair is not AST-diffed: the pretty SQL's lines are classified.
AST_DIFF_MAX_CHARS = 30_000
_CLAUSES = (
    ("WHERE", FILTER), ("HAVING", FILTER), ("QUALIFY", FILTER), ("ON ", FILTER), ("GROUP BY", GRAIN),
    ("SELECT", MEASURE), ("FROM", FILTER), ("INNER JOIN", FILTER), ("LEFT OUTER JOIN", FILTER),
    ("LEFT JOIN", FILTER), ("CROSS JOIN", FILTER), ("JOIN", FILTER), ("UNION", MEASURE), ("ORDER BY", MEASURE),
)


def classify_sql(base_sql: str, head_sql: str, dialect: str = "duckdb", ast_max_chars: int = AST_DIFF_MAX_CHARS) -> tuple[str, ...]:
    """The kinds of change between two SQL texts (empty when they are the same tree)."""
    base = sqlglot.parse_one(base_sql, read=dialect)
    head = sqlglot.parse_one(head_sql, read=dialect)
    if base == head:
        return ()
    pairs = changed_pairs(base, head)
    if any(len(node.sql(dialect=dialect)) > ast_max_chars for pair in pairs for node in pair if node is not None):
        return classify_lines(base_sql, head_sql)
    kinds: set[str] = set()
    for old, new in pairs:
        if old is None or new is None:  # a clause or list element only one side has
            node = old if new is None else new
            kinds.add(FILTER if isinstance(node, _FILTER_CLAUSES) else _context(node))
            continue
        kinds.update(_edit_kinds(old, new))
    return tuple(sorted(kinds or {MEASURE}))


def _edit_kinds(base: Any, head: Any) -> set[str]:
    kinds: set[str] = set()
    for edit in sqlglot.diff(base, head, delta_only=True):
        if isinstance(edit, Move):
            continue  # a moved subtree accompanies the edit that moved it
        nodes: tuple[Any, ...] = (edit.source, edit.target) if isinstance(edit, Update) else (getattr(edit, "expression", None),)
        for node in nodes:
            kinds.add(_context(node))
        if isinstance(edit, (Insert, Remove)) and isinstance(getattr(edit, "expression", None), _FILTER_CLAUSES):
            kinds.add(FILTER)
    return kinds


# sqlglot 30 put every node under `Expr`; before it, `Expression` was the base.
_NODE: type = getattr(sge, "Expr", sge.Expression)
Pair = tuple[Any, Any]  # (node or None, node or None)


def changed_pairs(base: Any, head: Any) -> list[Pair]:
    """The smallest subtrees where `base` and `head` differ, as (base node, head node) pairs.

    (None, node) and (node, None): an argument or list element only one side has.

    >>> old, new = sqlglot.parse_one("SELECT a, b FROM t WHERE x > 1"), sqlglot.parse_one("SELECT a, c FROM t WHERE x > 2")
    >>> [(o.sql(), n.sql()) for o, n in changed_pairs(old, new)]
    [('b', 'c'), ('1', '2')]
    """
    if base == head:
        return []
    if type(base) is not type(head):
        return [(base, head)]
    pairs: list[Pair] = []
    for key in dict.fromkeys([*base.args, *head.args]):
        old, new = base.args.get(key), head.args.get(key)
        if isinstance(old, list) or isinstance(new, list):
            pairs += _changed_in_lists(old if isinstance(old, list) else [old], new if isinstance(new, list) else [new])
        elif isinstance(old, _NODE) and isinstance(new, _NODE):
            pairs += changed_pairs(old, new)
        elif isinstance(old, _NODE) or isinstance(new, _NODE):
            pairs.append((old if isinstance(old, _NODE) else None, new if isinstance(new, _NODE) else None))
        elif old != new and not (old in (None, False) and new in (None, False)):
            return [(base, head)]  # a flag or a name of this node itself changed
    return pairs


def _changed_in_lists(old: list, new: list) -> list[Pair]:
    """Differing elements of two argument lists, matched like the lines of a diff."""
    import difflib

    old_nodes = [x for x in old if isinstance(x, _NODE)]
    new_nodes = [x for x in new if isinstance(x, _NODE)]
    pairs: list[Pair] = []
    matcher = difflib.SequenceMatcher(None, [hash(x) for x in old_nodes], [hash(x) for x in new_nodes], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for a, b in zip(old_nodes[i1:i2], new_nodes[j1:j2]):
                pairs += changed_pairs(a, b)
            continue
        pairs += [(a, None) for a in old_nodes[i1:i2]] + [(None, b) for b in new_nodes[j1:j2]]
    return pairs


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_context(lines: list[str], index: int) -> str:
    """The clause enclosing line `index` of pretty SQL: the nearest less-indented clause line."""
    stripped = lines[index].strip().upper()
    for keyword, kind in _CLAUSES:
        if stripped.startswith(keyword):
            return kind
    level = _indent(lines[index])
    for j in range(index - 1, -1, -1):
        if lines[j].strip() and _indent(lines[j]) < level:
            text = lines[j].strip().upper()
            for keyword, kind in _CLAUSES:
                if text.startswith(keyword):
                    return kind
            level = _indent(lines[j])
    return MEASURE


def classify_lines(base_sql: str, head_sql: str) -> tuple[str, ...]:
    r"""Kinds of change from a line diff of pretty SQL, each changed line judged by its enclosing clause.

    >>> classify_lines("SELECT\n  a\nFROM t\nWHERE\n  x > 1", "SELECT\n  a\nFROM t\nWHERE\n  x > 2")
    ('filter',)
    """
    import difflib

    base, head = base_sql.splitlines(), head_sql.splitlines()
    kinds: set[str] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, base, head, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        kinds.update(_line_context(base, i) for i in range(i1, i2))
        kinds.update(_line_context(head, j) for j in range(j1, j2))
    return tuple(sorted(kinds))


def classify(base: dict[str, Any], head: dict[str, Any]) -> tuple[str, ...]:
    """Kinds of change between two snapshot entries of one metric (`metadata only` when the definition is the same)."""
    kinds: set[str] = set()
    if base.get("knobs") != head.get("knobs"):
        kinds.add(KNOB)
    if base.get("fingerprint") != head.get("fingerprint") and base.get("sql") and head.get("sql"):
        kinds.update(classify_sql(base["sql"], head["sql"]))
    if not kinds and base.get("fingerprint") != head.get("fingerprint"):
        kinds.add(MEASURE)
    if not kinds:
        fields = ("owner", "description", "status", "sunset", "recorded_version", "approvals", "recorded_fingerprint")
        if any(base.get(f) != head.get(f) for f in fields):
            kinds.add(METADATA)
    return tuple(sorted(kinds))
