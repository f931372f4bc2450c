"""A project: metrics.toml found like git finds a repository, parsed, validated and overridden.

Lookup order: an explicit path (`--config` / `SEMANTIC_CONFIG`), else the nearest
metrics.toml in the working directory or above it, else the package defaults.

>>> project = Project.from_text('[revenue]\\nrefund_dating = "refund_date"\\n')
>>> project.config.revenue.refund_dating
'refund_date'
>>> project.with_overrides(["revenue.include_taxes=false"]).config.revenue.include_taxes
False
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from semantic.config import KNOB_GROUPS, Config
from semantic.errors import ConfigError, UnknownNameError, shown

if TYPE_CHECKING:  # the catalog brings Ibis; loading a project's file does not need it
    from semantic.catalog import Catalog

CONFIG_FILENAME = "metrics.toml"
CONFIG_ENV = "SEMANTIC_CONFIG"


@dataclass(frozen=True)
class Project:
    """A validated configuration and where it came from."""

    config: Config
    path: Path | None = None  # None: the package defaults
    text: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    overrides: tuple[str, ...] = ()

    @cached_property
    def catalog(self) -> Catalog:
        """Built-in definitions plus the project's own modules (`[project] modules`)."""
        from semantic.project_modules import project_catalog

        return project_catalog(self.config.project.modules, self.root, str(self.path or "<defaults>"))

    @property
    def root(self) -> Path:
        """The directory holding metrics.toml (the working directory for defaults)."""
        return self.path.parent if self.path else Path.cwd()

    @classmethod
    def from_text(cls, text: str, path: Path | None = None) -> Project:
        label = str(path) if path else "<defaults>"
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = _decode_error_line(exc)
            message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
            raise ConfigError(f"not valid TOML: {message}", path=label, line=line) from None
        return cls(config=_validate(raw, text, label), path=path, text=text, raw=raw)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Project:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"no such file: {path}", hint="pass an existing metrics.toml to --config") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from None
        return cls.from_text(text, path=path.resolve())

    @classmethod
    def defaults(cls) -> Project:
        text = resources.files("semantic").joinpath("defaults").joinpath(CONFIG_FILENAME).read_text(encoding="utf-8")
        return cls.from_text(text, path=None)

    def with_overrides(self, assignments: list[str] | tuple[str, ...]) -> Project:
        """Apply `--set KEY=VALUE` overrides for one run; the file is not touched."""
        if not assignments:
            return self
        raw = copy.deepcopy(self.raw)
        for assignment in assignments:
            key, value = parse_assignment(assignment)
            _assign(raw, key, value)
        from semantic.printable import shorten

        label = f"{self.path or '<defaults>'} with --set {' '.join(shorten(a) for a in assignments)}"
        # The file itself is valid (it was checked when loaded), so any error is the
        # override's: name the --set, not a line of the file.
        config = _validate(raw, "", label)
        return Project(config=config, path=self.path, text=self.text, raw=raw, overrides=tuple(assignments))


def find_project(explicit: str | os.PathLike[str] | None = None, start: Path | None = None) -> Project:
    """Find and load the project: explicit path, $SEMANTIC_CONFIG, nearest metrics.toml, defaults."""
    explicit = explicit or os.environ.get(CONFIG_ENV) or None
    if explicit:
        return Project.load(explicit)
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILENAME
        if candidate.is_file():
            return Project.load(candidate)
    return Project.defaults()


def parse_assignment(assignment: str) -> tuple[str, Any]:
    """`revenue.refund_dating=refund_date` -> ('revenue.refund_dating', 'refund_date').

    The value is read as a TOML value when it is one (true, 7, ["meta"]) and as a
    plain string otherwise, so quoting is rarely needed.
    """
    key, sep, text = assignment.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ConfigError(f"--set expects KEY=VALUE, got {shown(assignment)}", hint="e.g. --set revenue.refund_dating=refund_date")
    text = text.strip()
    try:
        value = tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        value = text
    return key, value


def _assign(raw: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    if parts[0] not in KNOB_GROUPS:
        raise UnknownNameError("knob group", parts[0], KNOB_GROUPS)
    if len(parts) < 2:
        raise ConfigError(f"--set {key}: name a knob inside the group, e.g. {parts[0]}.<knob>")
    known = type(Config().knob_group(parts[0])).model_fields
    if parts[1] not in known:
        raise UnknownNameError(f"{parts[0]} knob", parts[1], known)
    if isinstance(value, str) and _takes_a_list(known[parts[1]].annotation, len(parts)):
        # --set orders.included_financial_statuses=paid,refunded: a comma list is a list.
        value = [item.strip() for item in value.split(",") if item.strip()]
    node = raw
    for part in parts[:-1]:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ConfigError(f"--set {key}: {part} is not a table")
    node[parts[-1]] = value


def _takes_a_list(annotation: Any, depth: int) -> bool:
    """True when the knob at `depth` (2: group.knob, 3: group.knob.key) holds a list of values."""
    import typing

    if depth == 3 and typing.get_origin(annotation) is dict:
        annotation = typing.get_args(annotation)[1]
    elif depth != 2:
        return False
    return typing.get_origin(annotation) in (tuple, list)


def _validate(raw: dict[str, Any], text: str, label: str) -> Config:
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise validation_error(exc, Config, text, label) from None


def validation_error(exc: ValidationError, model: type[BaseModel], text: str, label: str, at: tuple[str, ...] = ()) -> ConfigError:
    """The one conversion of a pydantic error into a ConfigError naming the key, the fix and the line.

    `model` is what was validated; `at` is where it sits in metrics.toml (("policy",) for [policy]).
    """
    error = exc.errors()[0]
    loc = (*at, *(str(p) for p in error["loc"]))
    where = ".".join(loc) or "(top level)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}"
        parent = _model_at(model, tuple(str(p) for p in error["loc"])[:-1])
        if parent is not None:
            from semantic.errors import did_you_mean

            fields = getattr(parent, "model_fields", {})
            message += did_you_mean(loc[-1], fields) + f" Known: {', '.join(fields)}."
    if error["type"] in ("tuple_type", "list_type"):
        message += ': write a list, e.g. --set KEY=a,b or in metrics.toml KEY = ["a", "b"]'
    elif error["type"] in ("dict_type", "model_type"):
        message += f": set one key at a time (--set {where}.KEY=a,b) or write a [{where}] table in metrics.toml"
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return ConfigError(f"{where}: {message}{more}", path=label, line=locate(text, loc))


def _model_at(root: type[BaseModel], loc: tuple[str, ...]) -> type | None:
    """The pydantic model class at a location inside `root`, if it is one."""
    model: Any = root
    for part in loc:
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return None
        model = fields[part].annotation
    return model if hasattr(model, "model_fields") else None


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\.\"' ]+?)\s*=")


def locate(text: str, loc: tuple[str, ...]) -> int | None:
    """Best line number in `text` for a validation location such as ('revenue', 'refund_dating').

    Finds the table header closest to the location, then the key inside it;
    falls back to the header, then to the first line inside the location (a
    check of a whole table, such as `sources`, written only as
    `[sources.tables.order]`), then to None.
    """
    if not text or not loc:
        return None
    best_line, best_depth = None, 0
    first_inside = None
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = tuple(p.strip().strip('"') for p in header.group(1).split("."))
            if loc[: len(table)] == table and len(table) > best_depth:
                best_line, best_depth = number, len(table)
            if first_inside is None and table[: len(loc)] == loc:
                first_inside = number
            continue
        key = _KEY.match(line)
        if key:
            path = table + tuple(p.strip().strip('"') for p in key.group(1).split("."))
            depth = _common_prefix(path, loc)
            if depth == len(path) and depth > best_depth:
                best_line, best_depth = number, depth
            if first_inside is None and path[: len(loc)] == loc:
                first_inside = number
    return best_line if best_line is not None else first_inside


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _decode_error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return lineno
    found = re.search(r"at line (\d+)", str(exc))
    return int(found.group(1)) if found else None
