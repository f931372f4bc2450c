"""Spark computes a statement's shared CTEs once: each written to scratch Parquet, then the rest reads it.

Spark inlines every common table expression where it is read, so a layer that
several parts of a statement read (attribution's touchpoints: every session
classified) is computed once per reader, a scan of the sessions each. Here, in
a local session, the statement's top-level CTEs are taken in their order: one
read more than once is computed and written as Parquet into a scratch folder of
the session's own (never the warehouse) and registered as a temporary view over
that file; the others become temporary views as written. The final SELECT then
reads them; afterwards the views are dropped and the scratch files deleted.
Every step's text is its CTE's text as `semantic compile --dialect pyspark`
prints it; only the names change, to `__semantic_<run>_<cte>`, so that no step
shadows a user's table or another run's view.

(Caching the CTEs in memory instead, `DataFrame.cache()`, ran the driver out of
heap at 2,000 orders: each cached plan still carried its inputs' whole plans.)
A session on a cluster runs the statement as one: its scratch folder would
have to be storage every executor shares.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

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
def in_steps(session, sql: str, plans: list[str] | None = None) -> Iterator[str]:
    """The final statement of `sql`, its shared CTEs computed once (local sessions), while inside.

    `plans`, when given, receives the physical plan of each step written (for the benchmark's scan count).
    """
    tree: sge.Expression = sqlglot.parse_one(sql, read="spark")  # type: ignore[assignment]
    reads = shared_ctes(tree)
    if not any(count > 1 for count in reads.values()) or not session.sparkContext.master.startswith("local"):
        yield sql
        return
    run = uuid.uuid4().hex[:8]
    views = {name: sge.Table(this=sge.to_identifier(f"__semantic_{run}_{name}", quoted=True)) for name in reads}
    ctes = tree.args["with_"].expressions
    tree.set("with_", None)
    scratch = Path(tempfile.mkdtemp(prefix="semantic-spark-steps-"))
    try:
        for cte in ctes:
            frame = session.sql(_renamed(cte.this, views).sql("spark"))
            if reads[cte.alias] > 1:
                path = str(scratch / cte.alias)
                if plans is not None:
                    plans.append(frame._jdf.queryExecution().executedPlan().toString())
                frame.write.parquet(path)
                frame = session.read.parquet(path)
            frame.createOrReplaceTempView(views[cte.alias].name)
        yield _renamed(tree, views).sql("spark")
    finally:
        for view in views.values():
            with contextlib.suppress(Exception):
                session.catalog.dropTempView(view.name)
        shutil.rmtree(scratch, ignore_errors=True)


def _renamed(tree: sge.Expression, views: dict[str, sge.Table]) -> sge.Expression:
    def rename(node: sge.Expression) -> sge.Expression:
        if isinstance(node, sge.Table) and not node.args.get("db") and node.name in views:
            node.set("this", views[node.name].this.copy())
        return node

    return tree.copy().transform(rename, copy=False)


__all__ = ["in_steps", "shared_ctes"]
