"""UTM values and referrer hosts out of URLs, as Ibis expressions and as plain Python.

Each rule is written twice, side by side: once as an Ibis expression (what the
engines run) and once in Python (what `semantic explain` and the tests' reference
use). Both read the same regular expressions, which are written in the subset
that RE2 (DuckDB, BigQuery), PostgreSQL's ARE and Python's `re` read alike.

Form decoding is standard: `+` is a space, `%XX` a byte, and the bytes must be
UTF-8. A value whose escapes do not decode is kept as written (and reported by
`utm_issues`), never an error: DuckDB's `url_decode` would fail the whole query
on `%FF`, so only values that `DECODABLE` accepts reach it.

>>> query_param_py("https://shop.com/?utm_source=Face%20book&x=1", "utm_source")
'Face%20book'
>>> normalise_py(form_decode_py("Face%20book"))
'face book'
>>> host_py("https://WWW.Google.co.uk/search?q=1")
'google.co.uk'
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

import ibis
import ibis.expr.types as ir

from semantic.portable import url_decode

# Characters SQL TRIM (as Ibis compiles `strip`) removes, so Python strips the same.
WHITESPACE = " \t\n\r\v\f"

UTM_PARAMS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")

# Longer values are kept but reported: they are almost always a pasted URL or junk.
MAX_UTM_LENGTH = 200

_HEX = "[0-9A-Fa-f]"
_CONT = "%[89ABab][0-9A-Fa-f]"
# A whole string of literal characters and percent-escapes that form valid UTF-8
# (the UTF-8 byte grammar of RFC 3629, spelled on escapes; no NUL).
DECODABLE = (
    "^([^%]"
    # %00 is excluded: a NUL cannot live in a PostgreSQL string.
    f"|%0[1-9A-Fa-f]|%[1-7]{_HEX}"
    f"|%[Cc][2-9A-Fa-f]{_CONT}|%[Dd]{_HEX}{_CONT}"
    f"|%[Ee]0%[ABab]{_HEX}{_CONT}|%[Ee][1-9A-Ca-cEeFf]{_CONT}{_CONT}|%[Ee][Dd]%[89]{_HEX}{_CONT}"
    f"|%[Ff]0%[9ABab]{_HEX}{_CONT}{_CONT}|%[Ff][1-3]{_CONT}{_CONT}{_CONT}|%[Ff]4%8{_HEX}{_CONT}{_CONT}"
    ")*$"
)
CONTROL_CHARACTER = r"[\x01-\x1f\x7f]"
# A URL's scheme, removed first (one regex for both would backtrack into taking
# "https" of "https:///path" for a host); then //user@host:port/... or host/...
SCHEME = r"^[a-z][a-z0-9+.-]*:(//)?"
HOST = r"^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)"


def py_pattern(pattern: str) -> re.Pattern[str]:
    """`pattern` for Python's `re`, where `$` would also match before a final newline."""
    return re.compile(pattern.replace("$", r"\Z"))


def _param_pattern(name: str) -> str:
    if name not in UTM_PARAMS:  # our own constants only: never user text in a pattern
        raise ValueError(f"not a UTM parameter: {name!r}")
    return f"[?&]{name}=([^&#]*)"


# -- Ibis ---------------------------------------------------------------------------


def query_param(url: ir.StringValue, name: str) -> ir.StringValue:
    """The raw (still encoded) value of query parameter `name` in `url`; NULL when absent."""
    return url.re_extract(_param_pattern(name), 1).nullif("")


def form_decode(raw: ir.StringValue) -> ir.StringValue:
    """`+` as space, then percent-decoded; kept as written when the escapes do not decode."""
    spaced = raw.replace("+", " ")
    ok = spaced.re_search(DECODABLE)
    escaped = spaced.contains("%") & ok  # only these need decoding (most values have no escape)
    # The argument is blanked rather than the call skipped: engines may evaluate
    # both branches of a CASE, and url_decode fails the query on bad input.
    decoded = url_decode(escaped.ifelse(spaced, ""))
    return escaped.ifelse(decoded, spaced)


def normalise(value: ir.StringValue) -> ir.StringValue:
    """Trimmed, lower-cased; empty is NULL."""
    return value.strip().lower().nullif("")


def utm_value(column: ir.StringValue, url: ir.StringValue, name: str) -> ir.StringValue:
    """The normalised UTM: the column as written, else the URL's parameter decoded."""
    return ibis.coalesce(normalise(column), normalise(form_decode(query_param(url, name))))


def url_utm_values(urls: ir.Table, url: str = "landing_url") -> ir.Table:
    """`urls` plus `url_<param>`: each UTM_PARAMS parameter of `url`, form-decoded and normalised.

    In stages, so that the SQL names each intermediate value once instead of
    repeating its expression; meant for the distinct URLs (there are far fewer
    landing URLs than sessions).
    """
    t = urls.mutate(**{f"q__{p}": query_param(urls[url], p).replace("+", " ") for p in UTM_PARAMS})
    # The cheap test first: only values holding an escape need the UTF-8 check and the decoding.
    t = t.mutate(**{f"ok__{p}": t[f"q__{p}"].contains("%") & t[f"q__{p}"].re_search(DECODABLE) for p in UTM_PARAMS})

    def value(p: str) -> ir.StringValue:
        spaced, ok = t[f"q__{p}"], t[f"ok__{p}"]
        return normalise(ok.ifelse(url_decode(ok.ifelse(spaced, "")), spaced))  # blanked argument: see form_decode

    # A select, not drop(): Ibis may spell a drop as EXCLUDE in set order, which varies between runs.
    return t.select(*urls.columns, **{f"url_{p}": value(p) for p in UTM_PARAMS})


def host(url: ir.StringValue) -> ir.StringValue:
    """The lower-cased host of a URL without a leading `www.`; NULL when there is none."""
    found = url.strip().lower().re_replace(SCHEME, "").re_extract(HOST, 1).nullif("")
    return found.re_replace(r"^www\.", "").re_replace(r"\.$", "").nullif("")


# -- Python ------------------------------------------------------------------------


def query_param_py(url: str | None, name: str) -> str | None:
    if url is None:
        return None
    match = py_pattern(_param_pattern(name)).search(url)
    return (match.group(1) or None) if match else None


_DECODABLE_PY = py_pattern(DECODABLE)


def decodable_py(raw: str) -> bool:
    return _DECODABLE_PY.search(raw.replace("+", " ")) is not None


def form_decode_py(raw: str | None) -> str | None:
    if raw is None:
        return None
    spaced = raw.replace("+", " ")
    if not decodable_py(spaced):
        return spaced
    return unquote_to_bytes(spaced).decode("utf-8")


def normalise_py(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip(WHITESPACE).lower() or None


def utm_value_py(column: str | None, url: str | None, name: str) -> str | None:
    return normalise_py(column) or normalise_py(form_decode_py(query_param_py(url, name)))


def host_py(url: str | None) -> str | None:
    if url is None:
        return None
    match = py_pattern(HOST).search(py_pattern(SCHEME).sub("", url.strip(WHITESPACE).lower(), count=1))
    if not match or not match.group(1):
        return None
    found = re.sub(r"\.\Z", "", re.sub(r"^www\.", "", match.group(1)))
    return found or None
