"""Reading a file someone handed us: only a regular file, never a link, and never too big.

A named pipe (FIFO) would block the reader forever, a device such as /dev/zero never ends,
and a link may point anywhere (/etc/shadow). The type and the true size are checked on the
opened file itself, before a single byte is read, so nothing changes between check and read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from coach.resources import assets_dir

_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_READ_CHUNK = 1 << 16


class FileRefusedError(ValueError):
    """The file is not read: it is a link, not a regular file, too big, or cannot be opened.

    str(error) says why in a few words, without the path (the caller names the file);
    size is the file's true size in bytes when it was refused for being too big.
    """

    def __init__(self, reason: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.size = size


def is_app_file(path: Path) -> bool:
    """True for a file shipped with the app (in assets/), which a packager may link into place."""
    return Path(path).absolute().is_relative_to(assets_dir().absolute())


def file_kind(mode: int) -> str:
    """What a file of this st_mode is, in plain words."""
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a regular file"


def describe_size(size: int) -> str:
    """A file size as people say it: 812 bytes, 45 KB, 19.3 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def refusal(path: Path, *, follow_links: bool = False) -> str | None:
    """Why path would not be read (a link, a FIFO, a device, a folder), or None if it is a file.

    Looks without opening, so it never blocks; follow_links only for the app's own files.
    """
    try:
        mode = (path.stat() if follow_links else path.lstat()).st_mode
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return f"is a link (to {os.readlink(path)}); links are not read, copy the file itself"
    return f"is {file_kind(mode)}, not a file"


def read_regular_file(path: Path, limit: int, *, follow_links: bool = False) -> bytes:
    """The whole file, if it is a regular file (not a link) of at most limit bytes.

    Raises FileRefusedError saying what the file is, or its true size against the limit.
    follow_links is for the app's own files only (a packager may link them into place);
    what the link leads to must still be a regular file.
    """
    flags = _OPEN_FLAGS & ~os.O_NOFOLLOW if follow_links else _OPEN_FLAGS
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _open_refusal(path, error) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(f"is {file_kind(info.st_mode)}, not a file")
        if info.st_size > limit:
            raise FileRefusedError(_too_big(info.st_size, limit), info.st_size)
        os.set_blocking(fd, True)
        data = _read_at_most(fd, limit + 1)
        if len(data) > limit:  # it grew while we read it
            size = max(len(data), os.fstat(fd).st_size)
            raise FileRefusedError(_too_big(size, limit), size)
    except OSError as error:
        raise FileRefusedError(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    return data


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = os.read(fd, min(_READ_CHUNK, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _too_big(size: int, limit: int) -> str:
    return f"is {describe_size(size)}; files up to {describe_size(limit)} are read"


def _open_refusal(path: Path, error: OSError) -> FileRefusedError:
    if error.errno == errno.ELOOP and path.is_symlink():
        return FileRefusedError(refusal(path) or "is a link")
    if error.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing elsewhere
        return FileRefusedError(refusal(path) or "is not a file")
    return FileRefusedError(f"cannot be read ({error.strerror or error})")
