"""Every file `semantic` writes, written atomically: a temporary file beside the target, then a rename.

A crash or a full disk never leaves half a file, and a reader sees the old file
or the new one. The new file's permissions are what the user's umask gives any
new file (0644 under the usual 022), as `open()` would make them; a file that
already exists keeps its mode. (`tempfile.mkstemp` alone creates 0600 files.)

A failure is an `OutputError` naming the path and the reason in plain words,
never a raw OSError: exit 2 when the path itself is wrong (a folder where a file
is expected, a file where a folder is), 3 when the system refuses (permissions,
read-only or full file system, /proc).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "out.txt", "hello\\n")
>>> (folder / "out.txt").read_text()
'hello\\n'
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from semantic.errors import OutputError

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENOENT: "its folder does not exist or does not accept new files",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}
_PATH_IS_WRONG = {errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG}


def output_error(path: Path, exc: OSError, what: str = "write") -> OutputError:
    """A plain-words OutputError for an OSError met while writing `path`."""
    reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    error = OutputError(f"cannot {what} {path}: {reason}", hint="choose another path, e.g. a file in a folder you can write to")
    if exc.errno in _PATH_IS_WRONG:
        error.exit_code = 2
    return error


def check_output_file(path: Path) -> None:
    """Refuse, before any work, a target that can never be a file: an existing folder, or a file as its folder."""
    try:  # Python 3.11's is_dir/exists raise on a name too long for the system
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder", hint="give a file name, e.g. out/result.csv", exit_code=2)
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise OutputError(f"cannot write {path}: {parent} is a file, not a folder", exit_code=2)
                break
    except OutputError:
        raise
    except OSError as exc:
        raise output_error(path, exc) from None


def check_output_folder(path: Path) -> None:
    """Refuse, before any work, a folder target that is an existing file (or under one), and
    create the folder now, so a folder that cannot be made fails before the work, not after."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            if not candidate.is_dir():
                what = "it is" if candidate == path else f"{candidate} is"
                raise OutputError(f"cannot write into {path}: {what} a file, not a folder", hint="give a folder, e.g. exported_sql/", exit_code=2)
            break
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(path, exc, "create the folder") from None


def _new_file_mode() -> int:
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current


def _stage(path: Path) -> Path:
    """An empty temporary file beside `path` (its folder created if needed)."""
    try:
        check_output_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
    except OutputError:
        raise
    except OSError as exc:
        raise output_error(path, exc) from None
    return Path(name)


def _finish(tmp: Path, path: Path) -> None:
    """Give `tmp` the mode `path` has (or the umask's), then rename it onto `path`."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    os.chmod(tmp, mode)
    os.replace(tmp, path)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to (e.g. by a Parquet writer); renamed onto `path` on success."""
    path = Path(path)
    tmp = _stage(path)
    try:
        yield tmp
        _finish(tmp, path)
    except OutputError:
        raise
    except OSError as exc:
        raise output_error(path, exc) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text as UTF-8, newlines as given) in one step."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def write_all_atomically(files: Mapping[Path, str]) -> None:
    """Write several files: every temporary file first, then the renames, so a
    failure while writing leaves every target as it was."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            path = Path(path)
            staged.append((_stage(path), path))
            try:
                staged[-1][0].write_bytes(text.encode("utf-8"))
            except OutputError:
                raise
            except OSError as exc:
                raise output_error(path, exc) from None
        for tmp, path in staged:
            try:
                _finish(tmp, path)
            except OutputError:
                raise
            except OSError as exc:
                raise output_error(path, exc) from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
