"""Warehouse URLs, in SQLAlchemy's forms, parsed with urllib.parse.

Accepted:

- `duckdb:///relative/path.duckdb` (three slashes: relative to the working directory)
- `duckdb:////absolute/path.duckdb` (four slashes: absolute)
- `duckdb:///:memory:` (an in-memory database)
- a bare path ending in `.duckdb`
- `postgresql://user[:password]@host[:port]/database` (also `postgres://`,
  `postgresql+psycopg://`), with libpq query options such as `?sslmode=require`

A password is never shown: `redacted` replaces it with `***`.

>>> WarehouseUrl.parse("postgresql://ana:secret@db:5433/shop").redacted
'postgresql://ana:***@db:5433/shop'
>>> WarehouseUrl.parse("duckdb:///demo.duckdb").path
'demo.duckdb'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from semantic.errors import UrlError

ACCEPTED_FORMS = (
    "duckdb:///relative.duckdb, duckdb:////absolute/path.duckdb, duckdb:///:memory:, "
    "a bare path ending in .duckdb, or postgresql://user@host:port/database"
)

_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2"}


@dataclass(frozen=True)
class WarehouseUrl:
    engine: Literal["duckdb", "postgres"]
    original: str
    path: str | None = None  # DuckDB: file path or ':memory:'
    host: str | None = None
    port: int | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None
    options: tuple[tuple[str, str], ...] = ()

    @property
    def redacted(self) -> str:
        if self.password is None:
            return self.original
        return self.original.replace(f":{_quoted_password(self.original)}@", ":***@", 1)

    @classmethod
    def parse(cls, text: str) -> WarehouseUrl:
        text = (text or "").strip()
        if not text:
            raise UrlError(f"empty warehouse URL; accepted forms: {ACCEPTED_FORMS}")
        if "://" not in text:
            if text.endswith(".duckdb") or text == ":memory:":
                return cls(engine="duckdb", original=text, path=text)
            raise UrlError(f"not a warehouse URL: {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}")
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme == "duckdb":
            if parts.netloc not in ("", ":memory:"):
                raise UrlError(f"DuckDB URLs have no host ({_safe(text)!r}); accepted forms: {ACCEPTED_FORMS}")
            if parts.netloc == ":memory:":
                return cls(engine="duckdb", original=text, path=":memory:")
            # duckdb:///rel -> path '/rel' -> 'rel'; duckdb:////abs -> '//abs' -> '/abs'
            path = unquote(parts.path)[1:]
            if not path:
                raise UrlError(f"DuckDB URL without a file: {text!r}; accepted forms: {ACCEPTED_FORMS}")
            return cls(engine="duckdb", original=text, path=path)
        if scheme in _POSTGRES_SCHEMES:
            try:
                port = parts.port
            except ValueError:
                raise UrlError(f"bad port in {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}") from None
            database = unquote(parts.path.lstrip("/")) or None
            if not parts.hostname and not dict(parse_qsl(parts.query)).get("host"):
                raise UrlError(f"PostgreSQL URL without a host: {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}")
            return cls(
                engine="postgres",
                original=text,
                host=parts.hostname,
                port=port,
                user=unquote(parts.username) if parts.username else None,
                password=unquote(parts.password) if parts.password is not None else None,
                database=database,
                options=tuple(parse_qsl(parts.query)),
            )
        raise UrlError(f"unsupported warehouse scheme {scheme!r} in {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}")


def _quoted_password(text: str) -> str:
    netloc = urlsplit(text).netloc
    userinfo = netloc.rpartition("@")[0]
    return userinfo.partition(":")[2]


def _safe(text: str) -> str:
    """The text with any password hidden, for error messages."""
    try:
        parts = urlsplit(text)
        if parts.password:
            return text.replace(f":{_quoted_password(text)}@", ":***@", 1)
    except ValueError:
        pass
    return text
