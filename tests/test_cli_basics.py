"""What every user meets first: --version, --debug documented, usage errors that cannot hijack the terminal."""

from __future__ import annotations

import sys

import pytest

import semantic
from tests.cli_run import cli, isolated, one_line  # noqa: F401 - fixture

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


def _commands(group, path=()):
    """(path, click command) of every command and subcommand of the CLI."""
    for name, command in getattr(group, "commands", {}).items():
        yield (*path, name), command
        yield from _commands(command, (*path, name))


def test_no_help_text_loses_a_bracketed_toml_name_to_rich_markup(capsys):
    # "[metrics.NAME]" or "[quality] history" in a docstring or an option's help is rich markup unless
    # escaped: the help would silently drop the very table name the user has to type.
    import re

    import typer.main

    from semantic.cli.app import _register_commands, app

    _register_commands()
    root = typer.main.get_command(app)
    checked = 0
    for path, command in _commands(root):
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        names = {m for text in texts for m in re.findall(r"\[[a-z][a-z_.A-Z]*\]", text.replace("\\[", "["))}
        if not names:
            continue
        code, out, _ = cli(capsys, *path, "--help")
        flat = one_line(out.replace("│", " "))
        for name in names:
            checked += 1
            assert name in flat, f"`semantic {' '.join(path)} --help` lost {name}"
    assert checked >= 5
