"""Output files: written atomically where that is safe, through whatever the user named.

A regular file (or a new path) appears complete under its name, or not at all: kg writes a
temporary file beside it and renames it over the target. Anything else is written through,
never replaced: a symbolic link is followed to its target (the link stays), and a FIFO, a
device (``/dev/stdout``, ``/dev/null``) or a socket is opened and written as it is; ``-`` is
standard output. A folder is refused. Every :class:`OSError` becomes an
:class:`~kg.errors.OutputError` that names the path and what to do (:func:`describe_os_error`).
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import OutputError

__all__ = ["STDOUT", "atomic_path", "describe_os_error", "is_stdout", "write_atomic"]

STDOUT = "-"
"""The output path that means standard output."""

_HINTS = {
    errno.ENOSPC: "the disk is full: free some space or write elsewhere",
    errno.EDQUOT: "the disk quota is used up: free some space or write elsewhere",
    errno.EACCES: "permission denied: check the permissions, or choose another path",
    errno.EPERM: "operation not permitted: check the permissions, or choose another path",
    errno.EROFS: "the file system is read-only: write elsewhere",
    errno.EISDIR: "it is a folder: give a file name",
    errno.ENOTDIR: "a part of the path is a file, not a folder: check the path",
    errno.ENOENT: "no such file or folder: check the path",
    errno.ENAMETOOLONG: "the name is too long: choose a shorter path",
    errno.EPIPE: "the reader went away (broken pipe)",
    errno.EIO: "input/output error: check the disk",
}


def describe_os_error(exc: OSError, path: Path | str | None = None) -> str:
    """One line on what failed and what to do, for any :class:`OSError`.

    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device"), "out.ttl")
    'out.ttl: the disk is full: free some space or write elsewhere (No space left on device)'
    """
    where = os.fspath(path) if path is not None else exc.filename
    reason = exc.strerror or str(exc) or type(exc).__name__
    hint = _HINTS.get(exc.errno or 0)
    message = f"{hint} ({reason})" if hint else reason
    return f"{where}: {message}" if where is not None else message


def is_stdout(path: Path | str) -> bool:
    """Whether ``path`` means standard output (``-``)."""
    return os.fspath(path) == STDOUT


def _resolve(path: Path) -> tuple[Path, bool]:
    """The path to write and whether it may be replaced by a rename (a regular file or new).

    Raises:
        OutputError: ``path`` is a folder.
    """
    linked = path.is_symlink()
    try:
        mode = path.stat().st_mode  # of the link's target
    except FileNotFoundError:  # a new file, or a link to one: created where the link points
        return (Path(os.path.realpath(path)) if linked else path), True
    except OSError as exc:
        raise OutputError(f"Cannot write {describe_os_error(exc, path)}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"Cannot write {path}: it is a folder; give a file name inside it")
    if stat.S_ISREG(mode):
        return (Path(os.path.realpath(path)) if linked else path), True
    # A FIFO, a device or a socket, maybe behind a link (/dev/stdout): opened as named.
    return path, False


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A path to write ``path`` through, for writers that want a file name.

    For a regular file or a new path: a temporary file beside it, flushed to disk and
    renamed over it when the block ends without error (on error it is removed and ``path``
    is left untouched); the file gets the usual permissions (``0666`` less the umask). For a
    FIFO or a device: the path itself. For ``-``: a temporary file copied to standard output.

    Raises:
        OutputError: The path is a folder, or writing failed (disk full, permissions, …).
    """
    shown = Path(path)
    if is_stdout(shown):
        with _stdout_path() as tmp:
            yield tmp
        return
    target, replaceable = _resolve(shown)
    if not replaceable:
        try:
            yield target
        except OutputError:
            raise
        except OSError as exc:
            raise OutputError(f"Cannot write {describe_os_error(exc, shown)}") from exc
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise OutputError(f"Cannot write {describe_os_error(exc, shown)}") from exc
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OutputError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"Cannot write {describe_os_error(exc, shown)}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _stdout_path() -> Iterator[Path]:
    handle, name = tempfile.mkstemp(prefix="kg-output-")
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb") as source:
            sys.stdout.flush()
            shutil.copyfileobj(source, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    except OSError as exc:
        raise OutputError(f"Cannot write {describe_os_error(exc, 'standard output')}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path | str, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` with a binary file that becomes ``path`` only once complete.

    ``-`` writes to standard output; a FIFO or a device is written through (see
    :func:`atomic_path`).

    Raises:
        OutputError: The path is a folder, or writing failed (disk full, permissions, …).
    """
    if is_stdout(path):
        try:
            sys.stdout.flush()
            write(sys.stdout.buffer)
            sys.stdout.buffer.flush()
        except OSError as exc:
            raise OutputError(f"Cannot write {describe_os_error(exc, 'standard output')}") from exc
        return
    with atomic_path(path) as tmp:
        try:
            with tmp.open("wb") as handle:
                write(handle)
        except OutputError:
            raise
        except OSError as exc:
            raise OutputError(f"Cannot write {describe_os_error(exc, path)}") from exc
