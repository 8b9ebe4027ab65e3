"""What makes a screen or dialog not fit: a horizontal scroll bar, a clipped button, a dialog
larger than its screen; and the window sizes and screens the fit tests use (issue 12, §3).

The tests run in the suite's own process at the usual text size on the window sizes in SIZES.
tests/ui/test_fit_text_150.py runs them again in child processes, each on an offscreen screen
of one size (QT_QPA_PLATFORM=offscreen:configfile=...) with real 150 % text scaling
(QT_FONT_DPI=144) and ON_SCREEN_ENV set: then the window fills that screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

SIZES: tuple[tuple[int, int], ...] = ((1024, 600), (1180, 720), (1366, 768))
"""Window sizes in the suite's own process: a small laptop, the app's default, a common laptop."""
ON_SCREEN_ENV = "COACH_FIT_ON_SCREEN"
"""Set by test_fit_text_150.py: use only the whole (configured) screen as the window size."""
BUTTON_TEXT_MARGIN = 6
"""A button narrower than its text plus this (3 px a side) shows its words cut off."""


def window_sizes() -> tuple[tuple[int, int], ...]:
    """SIZES, or the primary screen's available size when a child process runs on one screen."""
    if not os.environ.get(ON_SCREEN_ENV):
        return SIZES
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    area = screen.availableGeometry()
    return ((area.width(), area.height()),)


def settle(app: QApplication) -> None:
    """Let layouts, polish and posted resizes finish before looking."""
    for _ in range(4):
        app.processEvents()


def misfits(root: QWidget) -> list[str]:
    """Every visible horizontal scroll bar and every button narrower than its words."""
    found: list[str] = []
    for area in root.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            found.append(f"horizontal scroll bar on {_name(area)} ({bar.maximum()} px more)")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        words = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = max(button.fontMetrics().horizontalAdvance(line) for line in words.splitlines())
        if not button.icon().isNull():
            needed += button.iconSize().width()
        if button.width() < needed + BUTTON_TEXT_MARGIN:
            found.append(f"button {words!r} is {button.width()} px wide, its words need {needed}")
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or label.wordWrap() or not text or "<" in text:
            continue  # wrapped and rich text reflow; a plain line must fit its label
        needed = max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        room = label.contentsRect().width() - 2 * label.margin() - 2 * max(0, label.indent())
        if room < needed:
            found.append(f"label {text[:40]!r} is cut off ({room} px for {needed})")
    return found


def dialog_misfits(dialog: QWidget) -> list[str]:
    """misfits, plus a dialog larger than its screen or smaller than its layout needs."""
    found = misfits(dialog)
    screen = dialog.screen()
    area = screen.availableGeometry()
    size = dialog.frameGeometry().size()
    if size.width() > area.width() or size.height() > area.height():
        found.append(
            f"{size.width()}x{size.height()} on a screen of {area.width()}x{area.height()}"
        )
    layout = dialog.layout()
    if layout is not None:
        needed = layout.minimumSize()
        if dialog.width() < needed.width() or dialog.height() < needed.height():
            found.append(
                f"{dialog.width()}x{dialog.height()}, its contents need at least "
                f"{needed.width()}x{needed.height()} (clipped)"
            )
    return found


def look_at_dialog(app: QApplication, dialog: QWidget, where: str) -> list[str]:
    """Show a dialog as the app does, note what does not fit, and close it again."""
    dialog.show()
    settle(app)
    found = [f"{where}: {problem}" for problem in dialog_misfits(dialog)]
    dialog.close()
    return found


def look_at_modal(app: QApplication, opens: Callable[[], object], where: str) -> list[str]:
    """Call `opens`, which runs a modal dialog (exec), look at that dialog and reject it."""
    found: list[str] = []
    seen: list[QWidget] = []
    tries = [50]

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            tries[0] -= 1
            if tries[0]:
                QTimer.singleShot(10, look)  # exec() has not shown it yet
            return
        seen.append(modal)
        settle(app)
        found.extend(f"{where}: {problem}" for problem in dialog_misfits(modal))
        assert isinstance(modal, QDialog)
        modal.reject()

    QTimer.singleShot(0, look)
    opens()
    assert seen, f"{where}: no dialog opened"
    return found


def _name(widget: QWidget) -> str:
    chain = []
    while widget is not None and len(chain) < 3:
        chain.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return " in ".join(chain)
