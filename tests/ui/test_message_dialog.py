"""MessageDialog, the app's QMessageBox: answers, Escape, and buttons that stack to fit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.widgets.message_dialog import Icon, MessageDialog, Role, ask_yes_no


def _answer_with(action: str) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, answer)
            return
        assert isinstance(box, MessageDialog)
        if action == "escape":
            box.reject()
        else:
            next(b for b in box.buttons() if b.text() == action).click()

    QTimer.singleShot(0, answer)


def test_yes_is_true_and_no_or_escape_is_false(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for action, expected in (("Yes", True), ("No", False), ("escape", False)):
        _answer_with(action)
        assert ask_yes_no(parent, "Stop the walk?", "Stop now?") is expected


def test_buttons_stack_when_a_row_would_not_fit(qtbot: QtBot) -> None:
    box = MessageDialog(Icon.Warning, "Title", "A sentence that wraps onto lines.")
    qtbot.addWidget(box)
    for text in ("Open the damaged copy read-only", "Restore the backup", "Quit"):
        box.addButton(text, Role.AcceptRole)
    box.show()
    box.resize(300, 300)
    qtbot.waitUntil(lambda: box.button_box.orientation() == Qt.Orientation.Vertical)
    box.resize(900, 300)
    qtbot.waitUntil(lambda: box.button_box.orientation() == Qt.Orientation.Horizontal)
