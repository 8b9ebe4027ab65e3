"""A note pasted with control or text-direction characters is saved without them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.ui.dialogs.log_pain import LogPainDialog
from coach.ui.services import AppServices


def test_a_pasted_note_loses_invisible_control_and_direction_characters(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = LogPainDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.scale, "4")
    dialog.note_edit.setText("after \u202ethe\x1b[2J drive\u2066")  # as a paste would
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    [entry] = services.pain.latest(5)
    assert (entry.pain, entry.note) == (4, "after the[2J drive")
