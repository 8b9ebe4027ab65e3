"""The 0-10 pain scale: big buttons, number keys (1 then 0 for 10), arrows; Enter is the owner's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.widgets.pain_scale import BUTTON_PX, PainScale


class Owner(QWidget):
    """A parent that records the keys the scale passes on."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []
        self.scale = PainScale()
        QVBoxLayout(self).addWidget(self.scale)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.key())


@pytest.fixture
def owner(qtbot: QtBot) -> Owner:
    widget = Owner()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.scale.setFocus()
    return widget


def type_keys(qtbot: QtBot, scale: PainScale, text: str) -> None:
    for char in text:
        qtbot.keyClick(scale, char)


def test_starts_with_no_rating_and_eleven_big_buttons(owner: Owner) -> None:
    scale = owner.scale
    assert scale.value() is None
    assert [b.text() for b in scale.buttons] == [str(n) for n in range(11)]
    for button in scale.buttons:
        assert button.width() >= BUTTON_PX and button.height() >= BUTTON_PX
        assert button.accessibleName().startswith("Pain ")
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # one Tab stop: the scale
    assert scale.accessibleName()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("7", 7), ("0", 0), ("10", 10), ("100", 0), ("35", 5), ("1", 1), ("21", 1)],
)
def test_number_keys_choose(qtbot: QtBot, owner: Owner, typed: str, expected: int) -> None:
    type_keys(qtbot, owner.scale, typed)
    assert owner.scale.value() == expected
    checked = [b.text() for b in owner.scale.buttons if b.isChecked()]
    assert checked == [str(expected)]


def test_arrows_home_end_and_delete(qtbot: QtBot, owner: Owner) -> None:
    scale = owner.scale
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 0
    qtbot.keyClick(scale, Qt.Key.Key_Up)
    assert scale.value() == 1
    qtbot.keyClick(scale, Qt.Key.Key_End)
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 10
    qtbot.keyClick(scale, Qt.Key.Key_Home)
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    assert scale.value() == 0
    qtbot.keyClick(scale, Qt.Key.Key_Delete)
    assert scale.value() is None
    assert not any(b.isChecked() for b in scale.buttons)


def test_clicking_a_button_chooses_it_and_announces(qtbot: QtBot, owner: Owner) -> None:
    with qtbot.waitSignal(owner.scale.value_changed) as blocker:
        qtbot.mouseClick(owner.scale.buttons[6], Qt.MouseButton.LeftButton)
    assert blocker.args == [6]
    qtbot.mouseClick(owner.scale.buttons[6], Qt.MouseButton.LeftButton)  # again: still 6
    assert owner.scale.value() == 6
    assert owner.scale.buttons[6].isChecked()
    assert "6 of 10" in owner.scale.accessibleDescription()


def test_enter_goes_to_the_owner(qtbot: QtBot, owner: Owner) -> None:
    type_keys(qtbot, owner.scale, "4")
    qtbot.keyClick(owner.scale, Qt.Key.Key_Return)
    assert owner.keys == [Qt.Key.Key_Return]
    assert owner.scale.value() == 4


def test_out_of_range_values_are_refused(owner: Owner) -> None:
    with pytest.raises(ValueError, match="from 0 to 10"):
        owner.scale.set_value(11)
    with pytest.raises(ValueError):
        owner.scale.set_value(-1)
    assert owner.scale.value() is None
