"""Files we write: atomic, with the permissions the umask gives (an existing file keeps
its mode), and a plain message with the right exit code when the path cannot be written.

Exit 2 when the path itself is wrong (a folder for --output, a file for
export --out); 3 when the system refuses (a read-only folder, /proc).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from semantic.atomic_files import write_all_atomically, write_atomically
from semantic.errors import OutputError
from tests.cli_run import cli, isolated  # noqa: F401 - fixture

HAND = Path(__file__).parent / "fixtures" / "hand"
pytestmark = pytest.mark.usefixtures("isolated")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    yield 0o640  # 0666 & ~027
    os.umask(previous)


@pytest.fixture
def read_only_folder(tmp_path) -> Path:
    """A folder this process cannot create files in (root ignores permission bits; /sys refuses even root)."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.fixture
def hand_db(tmp_path, capsys) -> str:
    path = tmp_path / "hand.duckdb"
    code, _, err = cli(capsys, "load", str(HAND), "--database", str(path))
    assert code == 0, err
    return str(path)


def test_a_new_file_gets_the_umasks_permissions(tmp_path, umask_027):
    write_atomically(tmp_path / "new.txt", "x")
    assert mode(tmp_path / "new.txt") == umask_027


def test_an_existing_file_keeps_its_mode(tmp_path, umask_027):
    target = tmp_path / "kept.txt"
    target.write_text("old")
    target.chmod(0o604)
    write_atomically(target, "new")
    assert (target.read_text(), mode(target)) == ("new", 0o604)


def test_a_failed_batch_leaves_every_target_as_it_was_and_no_temporary_file(tmp_path, read_only_folder):
    (tmp_path / "a.sql").write_text("old a")
    with pytest.raises(OutputError):
        write_all_atomically({tmp_path / "a.sql": "new a", read_only_folder / "b.sql": "b"})
    assert (tmp_path / "a.sql").read_text() == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sql"]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_query_output_honours_the_umask(capsys, tmp_path, hand_db, umask_027, fmt):
    target = tmp_path / f"out.{fmt}"
    code, _, err = cli(capsys, "query", "revenue", "--by", "shop", "--database", hand_db, "--format", fmt, "--output", str(target))
    assert code == 0, err
    assert mode(target) == umask_027


def test_codeowners_and_export_honour_the_umask(capsys, tmp_path, umask_027):
    (tmp_path / "metrics.toml").write_text('[metrics.revenue]\nowner = "ana@example.com"\n')
    code, _, err = cli(capsys, "codeowners", "--output", str(tmp_path / "CODEOWNERS"))
    assert code == 0, err
    assert mode(tmp_path / "CODEOWNERS") == umask_027
    code, _, err = cli(capsys, "export", "--dialect", "duckdb", "--out", str(tmp_path / "sql"))
    assert code == 0, err
    assert {mode(p) for p in (tmp_path / "sql").iterdir()} == {umask_027}


def test_output_onto_a_folder_is_a_usage_error(capsys, tmp_path, hand_db):
    code, out, err = cli(capsys, "query", "revenue", "--by", "shop", "--database", hand_db, "--output", str(tmp_path))
    assert code == 2
    assert f"cannot write {tmp_path}: it is a folder" in err and "internal error" not in err


def test_output_into_a_read_only_folder_says_so(capsys, hand_db, read_only_folder):
    target = read_only_folder / "revenue.csv"
    code, _, err = cli(capsys, "query", "revenue", "--by", "shop", "--database", hand_db, "--output", str(target))
    assert code == 3
    assert f"cannot write {target}: permission denied" in err and "internal error" not in err


def test_output_into_proc_says_so(capsys, hand_db):
    code, _, err = cli(capsys, "query", "revenue", "--by", "shop", "--database", hand_db, "--output", "/proc/revenue.csv")
    assert code == 3
    assert "cannot write /proc/revenue.csv: its folder does not exist or does not accept new files" in err


def test_attribution_output_onto_a_folder_is_a_usage_error(capsys, tmp_path, hand_db):
    code, _, err = cli(capsys, "attribution", "order_attribution", "--database", hand_db, "--output", str(tmp_path))
    assert code == 2 and "it is a folder" in err


def test_export_onto_a_file_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "taken").write_text("not a folder")
    code, _, err = cli(capsys, "export", "--dialect", "duckdb", "--out", str(tmp_path / "taken"))
    assert code == 2
    assert f"cannot write into {tmp_path / 'taken'}: it is a file, not a folder" in err
    assert (tmp_path / "taken").read_text() == "not a folder"
