"""Opening the diary for a command that only reads it: read-only if its folder is not writable."""

from __future__ import annotations

import sys

from coach.domain.clock import Clock
from coach.storage.database import READ_ONLY_NOTE, Store, open_read_only_instead, open_store
from coach.storage.errors import DataFolderError


def open_for_reading(clock: Clock | None = None) -> Store:
    """The diary; read-only (said in one line on stderr) when its folder cannot be written.

    Raises StoreError with a one-line message when there is no diary that can be read.
    """
    try:
        return open_store(clock=clock)
    except DataFolderError as error:
        store = open_read_only_instead(error, clock=clock)
        print(f"{error} {READ_ONLY_NOTE}", file=sys.stderr)
        return store
