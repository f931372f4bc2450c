"""Warehouse URLs, in SQLAlchemy's forms, parsed with urllib.parse.

Accepted:

- `duckdb:///relative/path.duckdb` (three slashes: relative to the working directory)
- `duckdb:////absolute/path.duckdb` (four slashes: absolute)
- `duckdb:///:memory:` (an in-memory database)
- a bare path ending in `.duckdb`
- `postgresql://user[:password]@host[:port]/database` (also `postgres://`,
  `postgresql+psycopg://`), with libpq query options such as `?sslmode=require`
- `spark://local?warehouse=DIR` (a local Spark session, `cores` (default 2) and
  `memory` (driver memory, default 2g) as further options) or
  `spark://HOST:PORT?warehouse=DIR` (a standalone cluster's master); DIR is the
  folder of Parquet tables (relative to the working directory), one folder per
  table, schemas as subfolders

No credential is ever shown: `redacted` (and `redact` for any text) replaces the
password of the user information and the value of every query option that can
carry one (`password`, `sslpassword`, `passfile`, `sslkey`, anything naming a
pass, secret, token or key) with `***`; `scrub` hides, in any message, every
credential of every URL this process has parsed.

>>> WarehouseUrl.parse("postgresql://ana:secret@db:5433/shop").redacted
'postgresql://ana:***@db:5433/shop'
>>> redact("postgresql://ana@db/shop?sslmode=require&password=S3cretPass")
'postgresql://ana@db/shop?sslmode=require&password=***'
>>> WarehouseUrl.parse("duckdb:///demo.duckdb").path
'demo.duckdb'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from semantic.errors import UrlError

ACCEPTED_FORMS = (
    "duckdb:///relative.duckdb, duckdb:////absolute/path.duckdb, duckdb:///:memory:, "
    "a bare path ending in .duckdb, postgresql://user@host:port/database, or spark://local?warehouse=DIR"
)
SPARK_OPTIONS = ("warehouse", "cores", "memory")

_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2"}


@dataclass(frozen=True)
class WarehouseUrl:
    engine: Literal["duckdb", "postgres", "spark"]
    original: str
    path: str | None = None  # DuckDB: file path or ':memory:'; Spark: the warehouse folder
    host: str | None = None
    port: int | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None
    options: tuple[tuple[str, str], ...] = ()

    @property
    def redacted(self) -> str:
        return redact(self.original)

    @classmethod
    def parse(cls, text: str) -> WarehouseUrl:
        text = (text or "").strip()
        if not text:
            raise UrlError(f"empty warehouse URL; accepted forms: {ACCEPTED_FORMS}")
        if "://" not in text:
            if text.endswith(".duckdb") or text == ":memory:":
                return cls(engine="duckdb", original=text, path=text)
            raise UrlError(f"not a warehouse URL: {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}")
        try:
            parts = urlsplit(text)
            parts.hostname  # noqa: B018 - raises on a malformed host such as "[::1"
        except ValueError as exc:
            raise UrlError(f"malformed warehouse URL {_safe(text)!r} ({exc}); accepted forms: {ACCEPTED_FORMS}") from None
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
            url = cls(
                engine="postgres",
                original=text,
                host=parts.hostname,
                port=port,
                user=unquote(parts.username) if parts.username else None,
                password=unquote(parts.password) if parts.password is not None else None,
                database=database,
                options=tuple(parse_qsl(parts.query)),
            )
            _remember_secrets(url)
            return url
        if scheme == "spark":
            return cls._parse_spark(text, parts)
        raise UrlError(f"unsupported warehouse scheme {scheme!r} in {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}")


    @classmethod
    def _parse_spark(cls, text: str, parts) -> WarehouseUrl:
        try:
            port = parts.port
        except ValueError:
            raise UrlError(f"bad port in {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}") from None
        if not parts.hostname:
            raise UrlError(f"Spark URL without a master (local, or a cluster's host): {_safe(text)!r}; accepted forms: {ACCEPTED_FORMS}")
        if parts.username or parts.password or parts.path not in ("", "/"):
            raise UrlError(f"Spark URLs name the folder as ?warehouse=DIR, with no user or path: {_safe(text)!r}")
        options = parse_qsl(parts.query, keep_blank_values=True)
        for key, value in options:
            if key not in SPARK_OPTIONS:
                raise UrlError(f"unknown Spark URL option {_safe(key)!r} in {_safe(text)!r}; known: {', '.join(SPARK_OPTIONS)}")
            if key == "cores" and not (value.isdigit() and 0 < int(value) <= 1024):
                raise UrlError(f"Spark URL option cores must be a positive integer, not {_safe(value)!r}")
            if key == "memory" and not re.fullmatch(r"[1-9][0-9]*[kmgt]", value.lower()):
                raise UrlError(f"Spark URL option memory must look like 2g or 512m, not {_safe(value)!r}")
        warehouse = dict(options).get("warehouse") or None
        return cls(engine="spark", original=text, host=parts.hostname, port=port, path=warehouse, options=tuple(options))


# Query options whose value is, or points at, a credential.
_SECRET_KEY = re.compile(r"pass|pwd|secret|token|key|credential", re.IGNORECASE)
# libpq keyword/value strings ("host=db password=x") are not URLs, but users paste them.
_KEYWORD_PAIR = re.compile(r"""\b(password|sslpassword|passfile|sslkey|api_key|token|secret)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;]+)""")
# Every credential of every URL parsed in this process, so that `scrub` hides it anywhere.
_SECRETS: set[str] = set()
_MIN_SECRET = 3  # shorter ones would mask ordinary words in every message


_USERINFO = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/?#\s]*)@")
_ANY_QUERY_PAIR = re.compile(r"([?&;])([^=&;#\s]*)=([^&;#\s]*)")


def redact(text: str) -> str:
    """`text` (a URL, or any message holding URLs) with every credential replaced by `***`."""

    def userinfo(match: re.Match) -> str:
        user, colon, _password = match["userinfo"].partition(":")  # the netloc's last @ ends the userinfo
        return f"{match['scheme']}{user}{':***' if colon else ''}@"

    text = _USERINFO.sub(userinfo, text)
    text = _ANY_QUERY_PAIR.sub(_redact_pair, text)
    return scrub(_KEYWORD_PAIR.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text))


def _redact_pair(match: re.Match) -> str:
    separator, key, _value = match.groups()
    return f"{separator}{key}=***" if _SECRET_KEY.search(unquote(key)) else match.group(0)


def _remember_secrets(url: WarehouseUrl) -> None:
    values = [url.password] + [value for key, value in url.options if _SECRET_KEY.search(key)]
    for value in values:
        if value and len(value) >= _MIN_SECRET:
            _SECRETS.update({value, quote(value, safe=""), quote(value)})


def scrub(text: str) -> str:
    """`text` with every credential of a URL parsed in this process replaced by `***`."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def _safe(text: str) -> str:
    """The text with any credential hidden and cut to a readable length, for error messages."""
    from semantic.printable import shorten

    return shorten(redact(text), 200)
