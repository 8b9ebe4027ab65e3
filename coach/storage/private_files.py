"""The app's one way of writing a file: private, whole, and never through a planted link.

Every file Walking Coach writes (exports, the report, chart pictures, audio, routines, plans,
marker files) goes through write_private, or writing_private when a library needs a file
object to stream into: a new, randomly named 0600 file beside the target, flushed and
fsync-ed, then renamed over it. A crash or a full disk leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from coach.storage.paths import PRIVATE_FILE_MODE

PARTIAL_SUFFIX = ".partial"
"""Ends the name of a file being written; it is renamed into place once complete."""
_PARTIAL_ATTEMPTS = 20


def write_private(path: Path, data: bytes) -> Path:
    """Write the bytes to path with mode 0600, replacing the file only once all is written.

    The temporary file is new (O_EXCL, O_NOFOLLOW) and randomly named in the target's own
    folder, so a file or link planted under a predictable name is never followed or
    overwritten. Raises OSError (nothing is left behind) when the file cannot be written.
    """
    with writing_private(path) as out:
        out.write(data)
    return path


@contextlib.contextmanager
def writing_private(path: Path) -> Iterator[BinaryIO]:
    """A private temporary file beside path to write (or stream) into, as write_private.

    When the block ends without an error the file is flushed to disk and renamed onto
    path; otherwise it is deleted and path is left as it was. For writers that need a
    file object (audio encoders); everything that has its bytes uses write_private.
    """
    fd, partial = _create_partial(path)
    try:
        with os.fdopen(fd, "w+b") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _create_partial(path: Path) -> tuple[int, Path]:
    """A new private file beside path, open for writing, and its name."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _attempt in range(_PARTIAL_ATTEMPTS):
        # os.urandom(6).hex() is what secrets.token_hex(6) returns; the secrets module would
        # bring hmac and hashlib (about 6 ms) onto the start path, where the store opens.
        partial = path.with_name(f".{path.name}.{os.urandom(6).hex()}{PARTIAL_SUFFIX}")
        try:
            fd = os.open(partial, flags, PRIVATE_FILE_MODE)
        except FileExistsError:
            continue
        os.fchmod(fd, PRIVATE_FILE_MODE)  # the umask may have narrowed it; never widened
        return fd, partial
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _sync_folder(folder: Path) -> None:
    # The rename reaches the disk only with the folder entry; some file systems refuse this.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
