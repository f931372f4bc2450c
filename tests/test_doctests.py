"""The examples in the package's docstrings run and say what they show (they are documentation a reader trusts)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import semantic

# Import name -> folder, as setup.py installs them.
PACKAGES = ("semantic", "semantic.backends", "semantic.governance", "semantic.cli")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        names.append(package)
        names += [m.name for m in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")]
    return sorted(set(names))


def _with_examples() -> list[str]:
    found = []
    for name in _modules():
        if name.startswith("semantic.backends.spark") or name == "semantic.cli.__main__":
            continue  # pyspark is optional; __main__ runs the CLI on import
        module = importlib.import_module(name)
        if doctest.DocTestFinder(exclude_empty=True).find(module):
            found.append(name)
    return found


def test_the_package_has_examples_to_run():
    assert len(_with_examples()) >= 40, semantic.__file__


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (run python -m doctest -v)"
