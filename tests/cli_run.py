"""Running `semantic` in-process for tests: (exit code, stdout, stderr), never a traceback."""

from __future__ import annotations

import pytest

from semantic.cli.app import main


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `semantic ARGS`, asserting no traceback leaked."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    code = exited.value.code
    return (0 if code is None else code), captured.out, captured.err


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Run in an empty directory, untouched by the caller's SEMANTIC_* environment."""
    for variable in ("SEMANTIC_DATABASE", "SEMANTIC_CONFIG", "SEMANTIC_DEBUG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path
