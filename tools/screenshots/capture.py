"""What every screenshot module shares: the sizes and schemes, a window that never shows, a grab.

render.py and the per-screen *_shots modules import it; it imports none of them, so the
screenshot tool has no import circle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080), (1024, 600))
SCHEMES: tuple[str, ...] = ("light", "dark")


def settle(app: QApplication) -> None:
    """Let layouts, polish and deferred deletes finish before grabbing."""
    for _ in range(5):
        app.processEvents()


def discard(*widgets: QWidget) -> None:
    """Close windows or dialogs and delete them now, as the app's event loop would soon after.

    The tool runs no event loop, so deleteLater alone never deleted anything: every window
    it had made stayed alive, refreshed on every data change, and was restyled on every theme
    switch (the app-wide style sheet took 74 of the tool's 120 s, 6 s a switch by the end).
    """
    for widget in widgets:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def grab_window(app: QApplication, window: MainWindow, key: str, path: Path) -> None:
    """Show one screen of the main window and save it."""
    window.show_screen(key)
    settle(app)
    window.grab().save(str(path))


def make_window(services: AppServices, size: tuple[int, int], view_dir: Path) -> MainWindow:
    """A main window of the given size that never appears on a screen."""
    settings = QSettings(str(view_dir / "view.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    window.on_theme_changed("")  # draw the icons in the current scheme
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*size)
    window.show()
    return window
