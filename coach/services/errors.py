"""The errors services raise: the store's own, so a message names the file and what failed."""

from __future__ import annotations

from coach.storage.errors import ReadOnlyStoreError, StoreError

__all__ = ["ReadOnlyStoreError", "StoreError"]
