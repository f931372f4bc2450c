"""The source contract as unbound Ibis tables, renamed to their logical columns.

Nothing here touches an engine: `Sources` builds `ibis.table(...)` nodes with the
physical names from metrics.toml and selects them back under the contract's
logical names, so every metric is written once against one vocabulary and
compiles to any dialect without DuckDB catalog names leaking into BigQuery SQL.

>>> from semantic.config import Config
>>> sources = Sources.from_config(Config())
>>> sources.table("orders").columns[:3]
('shop_id', 'order_id', 'customer_id')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dataclasses import dataclass
from functools import cached_property

from semantic.config import Config, SourceSettings
from semantic.contract import CONTRACT
from semantic.errors import UnknownNameError

if TYPE_CHECKING:  # the mapping (physical names, contract checks) needs no Ibis; the tables do
    import ibis.expr.types as ir


@dataclass(frozen=True)
class PhysicalTable:
    """Where a contract table lives and how its columns are physically named."""

    logical: str
    name: str
    database: str | None
    catalog: str | None
    columns: tuple[tuple[str, str], ...]  # (logical, physical)

    @property
    def qualified_name(self) -> str:
        return ".".join(p for p in (self.catalog, self.database, self.name) if p)

    def physical_column(self, logical: str) -> str:
        return dict(self.columns)[logical]

    def mapping_key(self, logical_column: str | None = None) -> str:
        """The metrics.toml key a user sets to point this table (or column) elsewhere."""
        if logical_column is None:
            return f"sources.tables.{self.logical}.name"
        return f"sources.tables.{self.logical}.columns.{logical_column}"


@dataclass(frozen=True)
class Sources:
    """The contract tables of one project, as unbound Ibis tables."""

    settings: SourceSettings

    @classmethod
    def from_config(cls, config: Config) -> Sources:
        return cls(config.sources)

    def physical(self, logical: str) -> PhysicalTable:
        if logical not in CONTRACT:
            raise UnknownNameError("table", logical, CONTRACT)
        mapping = self.settings.tables.get(logical)
        constants = mapping.constants if mapping else {}
        columns = tuple(
            (c, (mapping.columns.get(c, c) if mapping else c)) for c in CONTRACT[logical].columns if c not in constants
        )
        return PhysicalTable(
            logical=logical,
            name=(mapping.name if mapping and mapping.name else logical),
            database=(mapping.database if mapping and mapping.database else self.settings.database),
            catalog=self.settings.catalog,
            columns=columns,
        )

    @property
    def preset(self):
        """The source preset (semantic.presets.Preset) reading a loader's tables, or None."""
        if not self.settings.preset:
            return None
        from semantic.presets import PRESETS

        return PRESETS[self.settings.preset]

    def from_preset(self, logical: str) -> bool:
        """True when `logical` is an expression over a preset's loader tables (not a table of its own)."""
        return self.preset is not None and logical in self.preset.covers

    def tables_read_by(self, expr: ir.Expr) -> tuple[str, ...]:
        """The logical contract tables an expression reads, in the order first found.

        A loader table read through a preset counts as the first contract table built on it.
        """
        by_physical: dict[Any, Any] = {}
        for logical in CONTRACT:
            if self.from_preset(logical):
                for raw in self.preset.reads(logical):
                    by_physical.setdefault((raw.name, self.settings.database), logical)
                continue
            physical = self.physical(logical)
            by_physical[(physical.name, physical.database)] = logical
        from semantic.layers import expand

        found: dict[str, None] = {}
        for node in expand(expr):
            logical = by_physical.get((node.name, node.namespace.database))
            if logical is not None:
                found.setdefault(logical, None)
        return tuple(found)

    def table(self, logical: str) -> ir.Table:
        """The contract table `logical` with logical column names, unbound."""
        return self._tables[logical]

    @cached_property
    def _tables(self) -> dict[str, ir.Table]:
        return {name: self._build(name) for name in CONTRACT}

    def raw_table(self, name: str) -> ir.Table:
        """A preset's loader table `name`, unbound, with the columns the preset reads."""
        import ibis

        raw = self.preset.raw_table(name)
        schema = raw.ibis_schema(self.settings.naive_timestamps, self.settings.source_relation)
        return ibis.table(schema, name=name, database=self.settings.database, catalog=self.settings.catalog)

    def _build(self, logical: str) -> ir.Table:
        import ibis

        if self.from_preset(logical):
            from semantic.presets import PresetContext

            context = PresetContext(self.raw_table, self.settings.naive_timestamps, self.settings.source_relation)
            return self.preset.build(logical, context)
        physical = self.physical(logical)
        types = CONTRACT[logical].columns
        mapping = self.settings.tables.get(logical)
        declared = {**types, **(mapping.types if mapping else {})}
        schema = {p: declared[c] for c, p in physical.columns}
        if mapping is not None:
            schema |= {p: declared[c] for c, ps in mapping.fallbacks.items() for p in ps}
            schema |= {p: _literal_type(v) for p, v in mapping.where.items()}
        raw = ibis.table(schema, name=physical.name, database=physical.database, catalog=physical.catalog)
        if mapping is None or (not mapping.is_view and not mapping.types):
            if all(c == p for c, p in physical.columns):
                return raw
            return raw.select(**{c: raw[p] for c, p in physical.columns})
        return _view(raw, logical, physical, mapping)

    def view_columns(self, logical: str) -> tuple[str, ...]:
        """The physical columns a mapped view reads beyond its renamed ones (fallbacks, filters)."""
        mapping = self.settings.tables.get(logical)
        if mapping is None:
            return ()
        return tuple(dict.fromkeys([p for ps in mapping.fallbacks.values() for p in ps] + list(mapping.where)))

    def __getattr__(self, name: str) -> ir.Table:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in CONTRACT:
            return self.table(name)
        raise AttributeError(name)


def _literal_type(value: object) -> str:
    return "boolean" if isinstance(value, bool) else "int64" if isinstance(value, int) else "string"


def _view(raw: ir.Table, logical: str, physical: PhysicalTable, mapping) -> ir.Table:
    """A mapped table shaped into the contract: filtered, with constants, fallbacks and casts."""
    import ibis

    types = CONTRACT[logical].columns
    for column, value in mapping.where.items():
        raw = raw.filter(raw[column].fill_null(False) == value if isinstance(value, bool) else raw[column] == value)
    by_logical = dict(physical.columns)
    values = {}
    for column, kind in types.items():
        if column in mapping.constants:
            values[column] = ibis.literal(mapping.constants[column]).cast(kind)
            continue
        tried = [raw[p].cast(kind) for p in (by_logical[column], *mapping.fallbacks.get(column, ()))]
        values[column] = ibis.coalesce(*tried) if len(tried) > 1 else tried[0]
    return raw.select(**values)
