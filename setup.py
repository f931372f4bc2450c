"""Package discovery for setuptools, which pyproject.toml alone cannot express here.

backends/, governance/ and cli/ live at the top of the repository but install as
subpackages of `semantic`, so nothing generic lands in site-packages. Every
package below those four folders is found (no hand-kept list to forget one in),
and every file in them that is not Python source is package data.
"""

from pathlib import Path

from setuptools import find_packages, setup

ROOT = Path(__file__).resolve().parent
# Import name -> folder in the repository.
PACKAGE_ROOTS = {"semantic": "semantic", "semantic.backends": "backends", "semantic.governance": "governance", "semantic.cli": "cli"}
NOT_DATA = {".py", ".pyc", ".pyo"}


def packages_and_data() -> tuple[list[str], dict[str, list[str]]]:
    packages: list[str] = []
    data: dict[str, list[str]] = {}
    for name, folder in PACKAGE_ROOTS.items():
        found = [name] + [f"{name}.{sub}" for sub in find_packages(str(ROOT / folder))]
        # semantic's own find would list backends etc. under their folder names; they are mapped above.
        packages += [p for p in found if p not in packages]
    for package in packages:
        directory = _directory(package)
        files = [
            p.relative_to(directory).as_posix()
            for p in sorted(directory.rglob("*"))
            if p.is_file() and p.suffix not in NOT_DATA and "__pycache__" not in p.parts and not _in_subpackage(directory, p)
        ]
        if files:
            data[package] = files
    return packages, data


def _directory(package: str) -> Path:
    for name, folder in sorted(PACKAGE_ROOTS.items(), key=lambda item: -len(item[0])):
        if package == name or package.startswith(name + "."):
            rest = package[len(name) :].lstrip(".")
            return ROOT / folder / Path(*rest.split(".")) if rest else ROOT / folder
    raise KeyError(package)


def _in_subpackage(directory: Path, path: Path) -> bool:
    """True when `path` belongs to a package below `directory` (it is that package's data)."""
    for parent in path.parents:
        if parent == directory:
            return False
        if (parent / "__init__.py").is_file():
            return True
    return False


PACKAGES, PACKAGE_DATA = packages_and_data()

setup(packages=PACKAGES, package_dir=PACKAGE_ROOTS, package_data=PACKAGE_DATA)
