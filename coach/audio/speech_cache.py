"""A bounded disk cache of spoken phrases, so each is rendered once per voice and engine.

Each entry is the engine's own WAV bytes, named by a hash of text, voice, rate and the
engine's version, so a new espeak-ng makes fresh entries. Files are private (storage's one
writer: 0600, written whole). Reading an entry touches it; past the size cap, the least
recently used entries go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from coach.storage.private_files import PARTIAL_SUFFIX, write_private

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
"""About 400 phrases of three seconds; far more than any plan says."""
_SUFFIX = ".wav"


class SpeechCache:
    """Rendered phrases on disk, keyed by what made them, at most max_bytes in all."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    @staticmethod
    def key(text: str, voice: str, rate: int, engine_version: str) -> str:
        """The entry name for a phrase: everything that changes its sound is in it."""
        blob = json.dumps([text, voice, rate, engine_version], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def get(self, key: str) -> bytes | None:
        """The stored bytes, marked as just used; None if absent or unreadable."""
        path = self.folder / f"{key}{_SUFFIX}"
        try:
            data = path.read_bytes()
            os.utime(path)
        except OSError:
            return None
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry (private file), then trim the oldest-used past the cap.

        A cache that cannot be written only costs a render next time, so errors are dropped.
        """
        with contextlib.suppress(OSError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_private(self.folder / f"{key}{_SUFFIX}", data)
            self.trim()

    def discard(self, key: str) -> None:
        """Remove an entry (a corrupt one, found on reading)."""
        with contextlib.suppress(OSError):
            (self.folder / f"{key}{_SUFFIX}").unlink()

    def trim(self) -> None:
        """Delete the least recently used entries until the total fits the cap."""
        entries = []
        for path in self.folder.iterdir():
            if path.suffix != _SUFFIX or path.name.endswith(PARTIAL_SUFFIX):
                continue
            with contextlib.suppress(OSError):
                info = path.stat()
                entries.append((info.st_mtime_ns, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size

    def size_bytes(self) -> int:
        """The bytes the entries take now."""
        return sum(p.stat().st_size for p in self.folder.glob(f"*{_SUFFIX}"))
