"""Texts that several screens share, kept in one place."""

from __future__ import annotations

READ_ONLY_REFUSAL = (
    "Your diary is open read-only because it was damaged, so nothing can be saved now. "
    "Your earlier entries are safe. Restart Walking Coach to restore a backup or start a "
    "new diary."
)
"""Why a change was not saved while a damaged copy is open read-only."""

YES = "Yes"
"""The answer button that agrees, in the app's yes/no questions."""
NO = "No"
"""The answer button that declines (and the one Escape presses)."""
OK = "OK"
"""The one button of a message that only tells something."""
