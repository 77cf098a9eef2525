"""Writing files safely: the one way every command writes a file (exports, documents, templates,
backups).

- An existing file is replaced only with ``--force``; the database file and the files SQLite
  keeps beside it (``-wal``, ``-shm``, ``-journal``) never, even with ``--force``.
- The content goes to a temporary file created exclusively (``O_EXCL``, never through a
  pre-placed symbolic link) in the target's folder, and is renamed into place only once complete:
  an interrupted write never leaves half a file at the target. Without ``--force`` the rename
  itself refuses to replace a file that appeared meanwhile.
- A temporary file left by a killed run (its process gone, or older than a day) is removed by the
  next write to that folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

#: every temporary file hoptac writes has this in its name (SQLite may add ``-journal`` to it)
TEMP_MARK = ".hoptac-tmp"
#: a temporary file this old is stale even if a process with its number runs
STALE_AFTER = 24 * 3600


def protect(database: Callable[[], Path]) -> None:
    """Never write to the database file ``database()`` names (the CLI's ``--db``), nor the files
    SQLite keeps beside it; the path is worked out only when a file is about to be written.
    (Kept by ``storage.db``, which every command that reads the database imports anyway.)"""
    from hoptac_cli.storage import db

    db.protect(database)


def _protected() -> list[Path]:
    from hoptac_cli.storage.db import protected

    return protected()


def same_file(path: Path, other: Path) -> bool:
    if os.path.normcase(os.path.realpath(path)) == os.path.normcase(os.path.realpath(other)):
        return True
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def check_target(target: str, *, force: bool) -> Path | None:
    """Refuse, before any work is done, a target that must not or cannot be written;
    ``None`` for ``-`` (stdout)."""
    if target == "-":
        return None
    path = Path(target)
    if any(same_file(path, protected) for protected in _protected()):
        raise HoptacError(t("err.output_is_database", value=target))
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise HoptacError(t("err.output_folder", value=target))
    if os.path.lexists(path):
        if not force:
            raise HoptacError(t("err.output_exists", value=target))
        if path.is_file() and not os.access(path, os.W_OK):
            raise HoptacError(t("err.output_folder", value=target))
    return path


# temporary files -----------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate it: rely on the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary files a killed run left in ``folder``; return them."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(".") or TEMP_MARK not in entry.name:
            continue
        try:
            pid = int(entry.name.split(TEMP_MARK)[0].rsplit(".", 2)[1])
            info = entry.stat(follow_symlinks=False)
        except (ValueError, IndexError, OSError):
            continue
        if not _alive(pid) or now - info.st_mtime > STALE_AFTER:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _create_temporary(folder: Path, name: str) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    for extra in ("O_NOFOLLOW", "O_CLOEXEC", "O_BINARY"):
        flags |= getattr(os, extra, 0)
    while True:
        temporary = folder / f".{name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_MARK}"
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue


def _remove(temporary: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{temporary}{suffix}")


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _put_in_place(temporary: Path, path: Path, *, replace: bool) -> None:
    """Rename ``temporary`` to ``path``; without ``replace``, never over an existing file."""
    if replace:
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # fails if the target exists: no window to overwrite it
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


@contextlib.contextmanager
def output_path(target: str, *, force: bool) -> Iterator[Path]:
    """A temporary path (an empty file) beside ``target``, renamed to it when the block succeeds."""
    path = check_target(target, force=force)
    if path is None:
        raise ValueError("output_path needs a file, not stdout")
    folder = path.parent if str(path.parent) else Path(".")
    clean_stale(folder)
    try:
        temporary, handle = _create_temporary(folder, path.name)
        os.close(handle)
    except OSError as error:
        raise HoptacError(t("err.output_write", value=target, reason=error.strerror or error)) from None
    try:
        yield temporary
        _put_in_place(temporary, path, replace=force)
        _sync_folder(folder)
    except FileExistsError:
        _remove(temporary)
        raise HoptacError(t("err.output_exists", value=target)) from None
    except OSError as error:
        _remove(temporary)
        raise HoptacError(t("err.output_write", value=target, reason=error.strerror or error)) from None
    except BaseException:
        _remove(temporary)
        raise


@contextlib.contextmanager
def output(target: str, *, force: bool) -> Iterator[IO[bytes]]:
    """A binary stream for ``target`` (``-``: stdout), written safely as described above."""
    if target == "-":
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with output_path(target, force=force) as temporary:
        try:
            with open(temporary, "wb") as stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            raise HoptacError(t("err.output_write", value=target, reason=error.strerror or error)) from None


def refuse_existing(targets: Iterable[Path | str], force: bool) -> None:
    """``check_target`` for several files at once, before any work (a folder of letters)."""
    for target in targets:
        check_target(str(target), force=force)


def write_file(target: Path | str, fill: Callable[[IO[bytes]], None], *, force: bool = True) -> None:
    """Write ``target`` (``-``: stdout) with ``fill(stream)``, safely. The caller has checked the
    target with ``check_target`` or ``refuse_existing`` first, so a file it accepted may be
    replaced by default; the database is refused whatever ``force`` says."""
    with output(str(target), force=force) as stream:
        fill(stream)


@dataclass
class NewFile:
    """A file being made by ``new_file``: write ``temporary``; ``path`` is its name once made."""

    temporary: Path
    path: Path | None = None


@contextlib.contextmanager
def new_file(folder: Path, stem: str, suffix: str) -> Iterator[NewFile]:
    """A file that did not exist in ``folder``, named ``stem + suffix`` (else ``stem-2 + suffix``,
    ...), put in place when the block that writes its ``temporary`` succeeds."""
    clean_stale(folder)
    temporary, handle = _create_temporary(folder, stem + suffix)
    os.close(handle)
    made = NewFile(temporary)
    try:
        yield made
        number = 1
        while True:
            name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
            try:
                _put_in_place(temporary, folder / name, replace=False)
                break
            except FileExistsError:
                number += 1
        made.path = folder / name
        _sync_folder(folder)
    except BaseException:
        _remove(temporary)
        raise


@contextlib.contextmanager
def scratch_copy(source: Path, folder: Path) -> Iterator[Path]:
    """A private copy of ``source`` in ``folder`` (so that checking it never touches the
    original), removed when the block ends unless the block moved it away."""
    import shutil

    clean_stale(folder)
    temporary, handle = _create_temporary(folder, source.name)
    try:
        with open(source, "rb") as original, os.fdopen(handle, "wb") as copy:
            shutil.copyfileobj(original, copy, 1 << 20)
            copy.flush()
            os.fsync(copy.fileno())
        yield temporary
    finally:
        _remove(temporary)


def move_into_place(temporary: Path, target: Path) -> None:
    """Rename a finished temporary file over ``target`` (the caller has checked that it may)."""
    os.replace(temporary, target)
    _sync_folder(target.parent if str(target.parent) else Path("."))
