"""Small dialogs opened from several places (the quick pain log, the weekly check-in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coach.domain.checkin import WeeklyCheckin
    from coach.domain.pain import PainEntry
    from coach.ui.services import AppServices


def open_pain_log(services: AppServices, parent: QWidget | None = None) -> PainEntry | None:
    """The quick pain log (log_pain.open_log_pain), imported when first opened.

    The main window and Today offer it from their first paint, but nobody opens it that soon:
    importing the dialog and its widgets (about 20 ms) waits until someone asks for it.
    """
    from coach.ui.dialogs.log_pain import open_log_pain

    return open_log_pain(services, parent)


def open_weekly_checkin(
    services: AppServices, parent: QWidget | None = None
) -> WeeklyCheckin | None:
    """The weekly check-in (checkin.open_checkin), imported when first opened."""
    from coach.ui.dialogs.checkin import open_checkin

    return open_checkin(services, parent)
