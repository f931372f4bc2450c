"""Governance of metric definitions: owners, versions, approvals, fingerprints, diffs.

Everything is read from metrics.toml (and CHANGELOG.md, and git for `diff`);
nothing here needs a database. `semantic` never imports this package.

>>> # semantic check             # validate owners, fingerprints, approvals, changelog
>>> # semantic diff --base main  # what a pull request changes, metric by metric
"""
