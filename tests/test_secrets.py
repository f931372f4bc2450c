"""No credential a warehouse URL can carry is ever printed: not in messages, not with --debug.

Credentials: the password of the user information, and query options that hold
or point at one (password, sslpassword, passfile, sslkey, anything naming a
pass, secret, token or key). User names, hosts and databases stay visible:
they are what a user needs to see which warehouse failed.
"""

from __future__ import annotations

import pytest

from semantic.backends.url import WarehouseUrl, redact, scrub
from semantic.cli.app import main
from tests.cli_run import cli, isolated  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("isolated")
UNREACHABLE = "127.0.0.1:9"  # the discard port: connection refused at once


@pytest.mark.parametrize(
    "url, shown",
    [
        ("postgresql://ana:S3cretPass@db:5433/shop", "postgresql://ana:***@db:5433/shop"),
        ("postgresql://ana:p%40ss%3Aword@db/shop", "postgresql://ana:***@db/shop"),
        ("postgresql://ana@db/shop?password=S3cretPass", "postgresql://ana@db/shop?password=***"),
        (
            "postgresql://ana@db/shop?sslmode=verify-full&sslpassword=K3y&passfile=/home/ana/.pgpass&sslkey=/k/ana.key",
            "postgresql://ana@db/shop?sslmode=verify-full&sslpassword=***&passfile=***&sslkey=***",
        ),
        ("postgres://:OnlyPass@db/shop", "postgres://:***@db/shop"),
        ("duckdb:///demo.duckdb", "duckdb:///demo.duckdb"),
    ],
)
def test_redacted_url_hides_every_credential_and_keeps_the_rest(url, shown):
    assert WarehouseUrl.parse(url).redacted == shown


def test_a_libpq_keyword_string_pasted_as_a_url_is_refused_without_its_password(capsys):
    code, out, err = cli(capsys, "query", "revenue", "--database", "host=db user=ana password=Hunter2Pass")
    assert code == 2
    assert "Hunter2Pass" not in out + err and "password=***" in err


def test_redact_hides_a_url_inside_a_longer_message():
    assert redact("cannot reach postgresql://u:pw123@h/db now") == "cannot reach postgresql://u:***@h/db now"


def test_scrub_hides_a_parsed_password_wherever_it_appears():
    WarehouseUrl.parse("postgresql://u@h/db?password=Zq9SecretValue")
    assert scrub("server said: bad password Zq9SecretValue for u") == "server said: bad password *** for u"


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://ana@{UNREACHABLE}/db?password=S3cretPass",
        f"postgresql://ana:S3cretPass@{UNREACHABLE}/db",
        f"postgresql://ana@{UNREACHABLE}/db?sslpassword=S3cretPass&sslmode=disable",
    ],
)
def test_a_failed_connection_never_prints_the_password(capsys, url, debug):
    args = ["query", "revenue", "--database", url] + (["--debug"] if debug else [])
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    assert exited.value.code == 3
    assert "S3cretPass" not in captured.out + captured.err
    assert f"ana@{UNREACHABLE}" in captured.err or f"ana:***@{UNREACHABLE}" in captured.err


def test_redact_hides_the_userinfo_of_every_url_in_a_message_even_with_an_unescaped_at():
    message = "GET http://bot:T0kenPw@api.local:9/x?token=abc&page=2 failed; base postgresql://u:p@ss@db/shop"
    assert redact(message) == "GET http://bot:***@api.local:9/x?token=***&page=2 failed; base postgresql://u:***@db/shop"


def test_an_api_url_with_credentials_is_never_printed_by_comment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "x")
    (tmp_path / "r.md").write_text("# report\n")
    code, out, err = cli(capsys, "comment", str(tmp_path / "r.md"), "--repo", "a/b", "--pr", "1", "--api-url", f"http://bot:Zz8ApiPass@{UNREACHABLE}")
    assert code == 3 and "Zz8ApiPass" not in out + err and "bot:***@" in err
