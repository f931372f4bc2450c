"""Projects define their own metrics in Python modules; values checked on the hand fixture."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from semantic.errors import ConfigError
from semantic.project import Project
from tests.conftest import read_fixture_dir

EXAMPLE = Path(__file__).parent.parent / "examples" / "shop-analytics"


def test_example_module_metrics_compute_on_both_engines(load_warehouse):
    modules = f'[project]\nmodules = ["{(EXAMPLE / "shop_metrics.py").as_posix()}"]\n'
    loaded = load_warehouse(read_fixture_dir("hand"), extra_toml=modules)
    rows = loaded.query(["gross_sales", "discounts", "discount_rate"], by=["shop"], shops=("s1",))
    # Included s1 orders: o1 100, o2 50, o3 30, o4 200, o8 40, o9 10, o10 20, o11 15, o12 5, o13 5.
    # Discounts: o2 5, o4 200 (100 %), o8 4.
    assert rows == [{"shop_id": "s1", "gross_sales": D("475.00"), "discounts": D("209.00"), "discount_rate": 209 / 475}]


def test_projects_do_not_share_registries():
    custom = Project.load(EXAMPLE / "metrics.toml")
    plain = Project.from_text("")
    assert "discount_rate" in custom.catalog.names()
    assert "discount_rate" not in plain.catalog.names()


def test_a_module_that_fails_to_import_names_the_file(tmp_path):
    (tmp_path / "defs.py").write_text("def register(registry):\n    raise RuntimeError('boom')\n")
    (tmp_path / "metrics.toml").write_text('[project]\nmodules = ["defs.py"]\n')
    with pytest.raises(ConfigError, match=r"defs.py failed to load: RuntimeError: boom"):
        Project.load(tmp_path / "metrics.toml").catalog


def test_a_missing_module_is_a_config_error(tmp_path):
    (tmp_path / "metrics.toml").write_text('[project]\nmodules = ["nope.py"]\n')
    with pytest.raises(ConfigError, match="does not exist"):
        Project.load(tmp_path / "metrics.toml").catalog


def test_copying_the_example_elsewhere_keeps_working(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "p")
    assert "gross_sales" in Project.load(tmp_path / "p" / "metrics.toml").catalog.names()
