"""Spark runs a statement's shared CTEs once: each as a cached temporary view, then the rest.

Spark inlines every common table expression where it is read, so a layer that
three parts of a statement read (attribution's touchpoints: every session
classified) is computed three times, a scan of the sessions each. Here the
statement's top-level CTEs are run in their order as temporary views of the
session, those read more than once cached (`DataFrame.cache()`), and the final
SELECT reads them; afterwards the cache is released and the views dropped. The
text of every step is the text of its CTE as `semantic compile --dialect
pyspark` prints it; only the names change, to `__semantic_<run>_<cte>`, so that
no step shadows a user's table or another run's view.

Temporary views live in the session only: nothing is written to the warehouse.
"""

from __future__ import annotations

import contextlib
import uuid
from collections import Counter
from collections.abc import Iterator

import sqlglot
import sqlglot.expressions as sge


def shared_ctes(tree: sge.Expression) -> dict[str, int]:
    """How often each top-level CTE of `tree` is read (by later CTEs and the final statement)."""
    own = tree.args.get("with_")
    if not own:
        return {}
    names = {cte.alias for cte in own.expressions}
    reads = Counter(t.name for t in tree.find_all(sge.Table) if not t.args.get("db") and t.name in names)
    return {name: reads.get(name, 0) for name in names}


@contextlib.contextmanager
def in_steps(session, sql: str) -> Iterator[str]:
    """The final statement of `sql` (its CTEs registered as views, shared ones cached) while inside."""
    tree = sqlglot.parse_one(sql, read="spark")
    reads = shared_ctes(tree)
    if not any(count > 1 for count in reads.values()):
        yield sql
        return
    run = uuid.uuid4().hex[:8]
    views = {name: sge.Table(this=sge.to_identifier(f"__semantic_{run}_{name}", quoted=True)) for name in reads}
    ctes = tree.args["with_"].expressions
    tree.set("with_", None)
    frames = []
    try:
        for cte in ctes:
            frame = session.sql(_renamed(cte.this, views).sql("spark"))
            if reads[cte.alias] > 1:
                frame = frame.cache()
                frames.append(frame)
            frame.createOrReplaceTempView(views[cte.alias].name)
        yield _renamed(tree, views).sql("spark")
    finally:
        for frame in frames:
            with contextlib.suppress(Exception):
                frame.unpersist()
        for view in views.values():
            with contextlib.suppress(Exception):
                session.catalog.dropTempView(view.name)


def _renamed(tree: sge.Expression, views: dict[str, sge.Table]) -> sge.Expression:
    def rename(node: sge.Expression) -> sge.Expression:
        if isinstance(node, sge.Table) and not node.args.get("db") and node.name in views:
            node.set("this", views[node.name].this.copy())
        return node

    return tree.copy().transform(rename, copy=False)


__all__ = ["in_steps", "shared_ctes"]
