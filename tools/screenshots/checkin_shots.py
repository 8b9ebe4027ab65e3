"""Screenshots of the weekly check-in: sample check-ins, and the dialog on a screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.ui.dialogs.checkin import CheckinDialog
from coach.ui.services import AppServices
from tools.screenshots.capture import SCHEMES
from tools.screenshots.dialog_shots import save_on_desktop

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1024, 600))
SAMPLE_WEEKS: tuple[tuple[int | None, int | None, int | None] | None, ...] = (
    (7, 6, 7),
    (6, 6, 6),
    None,  # a skipped week
    (6, None, 5),  # a question left out
    (5, 4, 5),
    (4, 4, 5),
    (4, 3, 4),
    (3, 3, 4),
)
"""Eight weeks of check-ins before this one, easing slowly (this week's is still due)."""


def fill_sample_checkins(services: AppServices) -> None:
    """Save SAMPLE_WEEKS, one a week, the last one last week; this week stays due."""
    now = services.clock.now()
    weekday = services.preferences.current.checkin_weekday
    for back, answers in zip(range(len(SAMPLE_WEEKS), 0, -1), SAMPLE_WEEKS, strict=True):
        at = now - timedelta(days=7 * back)
        if answers is None:
            services.checkins.skip(at, weekday)
        else:
            services.checkins.answer(at, weekday, answers)


def grab_checkin(
    app: QApplication, services: AppServices, size: tuple[int, int], path: Path
) -> None:
    """The check-in dialog with two questions answered, centred on a screen."""
    dialog = CheckinDialog(services)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.choose(0, 4)
    dialog.choose(2, 3)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    save_on_desktop(dialog, size, path)
    dialog.close()
    dialog.deleteLater()


def render_checkin_states(out_dir: Path, services: AppServices, app: QApplication) -> list[Path]:
    """checkin-* at both sizes in both schemes; return the files."""
    written: list[Path] = []
    for scheme in SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in SIZES:
            path = out_dir / f"checkin-{width}x{height}-{scheme}.png"
            grab_checkin(app, services, (width, height), path)
            written.append(path)
    return written
