"""What every user meets first: --version, --debug documented, usage errors that cannot hijack the terminal."""

from __future__ import annotations

import sys

import pytest

import semantic
from tests.cli_run import cli, isolated  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("isolated")


def test_version_prints_the_package_version(capsys):
    code, out, _ = cli(capsys, "--version")
    assert (code, out) == (0, f"semantic {semantic.__version__}\n")


def test_debug_is_documented_in_the_help(capsys):
    code, out, _ = cli(capsys, "--help")
    assert code == 0 and "--debug" in out and "--version" in out


def test_debug_is_accepted_after_a_command(capsys):
    code, out, err = cli(capsys, "compile", "revenue", "--dialect", "postgres", "--debug")
    assert code == 0 and "SELECT" in out


def test_an_unknown_command_is_echoed_with_its_escape_sequences_made_visible(capsys):
    code, out, err = cli(capsys, "qu\x1b]0;pwned\x07ery")
    assert code == 2
    assert "\x1b" not in err + out and "\x07" not in err + out
    assert "qu\\x1b]0;pwned\\x07ery" in err


def test_missing_postgres_driver_names_the_extra_to_install(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if `semantic[postgres]` was not installed
    code, _, err = cli(capsys, "query", "revenue", "--database", "postgresql://u@127.0.0.1:9/db")
    assert code == 3
    assert "pip install 'semantic[postgres]'" in err


@pytest.mark.parametrize("command", ["query", "load", "check", "explain"])
def test_every_commands_help_mentions_debug(capsys, command):
    code, out, _ = cli(capsys, command, "--help")
    assert code == 0 and "--debug" in out


def test_an_argument_with_a_nul_byte_is_a_usage_error(capsys):
    code, out, err = cli(capsys, "codeowners", "--output", "a\x00b")
    assert code == 2 and "NUL byte" in err and "\x00" not in out + err


@pytest.mark.parametrize("command", [("codeowners", "--output"), ("export", "--dialect", "duckdb", "--out")])
def test_a_success_message_shows_a_hostile_path_made_visible(capsys, tmp_path, command):
    code, out, err = cli(capsys, *command, str(tmp_path / "x\x1b]0;owned\x07"))
    assert code == 0, err
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "x\\x1b]0;owned\\x07" in out
