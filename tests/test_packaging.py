"""The wheel is what users install: it must hold every module and data file, not only what an editable install sees.

Builds the wheel once (about 6 s, no network: pip reuses the build backend it has)
and compares its contents with the source folders, mapped as they install
(backends/ -> semantic/backends/, ...).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLED_AS = {"semantic": "semantic", "backends": "semantic/backends", "governance": "semantic/governance", "cli": "semantic/cli"}


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    # From a clean copy: setuptools reuses a build/ folder left in the source tree.
    source = tmp_path_factory.mktemp("source") / "semantic"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = out.glob("semantic-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def source_files() -> set[str]:
    """Every file of the four package folders, by the path it must have inside the wheel."""
    expected = set()
    for folder, target in INSTALLED_AS.items():
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                expected.add(f"{target}/{path.relative_to(ROOT / folder).as_posix()}")
    return expected


def test_the_wheel_holds_every_module_and_data_file(wheel_names):
    missing = sorted(source_files() - wheel_names)
    assert missing == []
    # Spelled out, so a broken mapping cannot hide behind the comparison above.
    assert {"semantic/attribution/__init__.py", "semantic/data/referrers.toml", "semantic/defaults/metrics.toml",
            "semantic/backends/warehouse.py", "semantic/cli/app.py", "semantic/governance/snapshot.py"} <= wheel_names


def test_the_wheel_installs_nothing_outside_the_semantic_package(wheel_names):
    top = {name.split("/")[0] for name in wheel_names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"semantic"}


def test_the_wheel_version_is_the_package_version(wheel_names):
    import semantic

    assert f"semantic-{semantic.__version__}.dist-info/METADATA" in wheel_names
