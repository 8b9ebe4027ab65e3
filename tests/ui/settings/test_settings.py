"""The Settings screen: every preference by keyboard into the real store, refusals at the field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coach.audio.status import NO_PORTAUDIO, AudioStatus
from coach.domain.preferences import PREFERENCE_NAMES, Preferences
from coach.storage.database import open_store
from coach.storage.preferences_repo import PreferencesRepository
from coach.ui.services import AppServices
from coach.ui.settings.fields import RangeSpinBox
from coach.ui.settings.onboarding import OnboardingWizard
from coach.ui.settings.screen import SettingsScreen, settings_screenshot_states

CTRL = Qt.KeyboardModifier.ControlModifier


def stored_preferences() -> Preferences:
    """Open the store afresh, as the next app start would, and read the preferences."""
    with open_store() as store:
        prefs, problems = PreferencesRepository(store).load()
    assert problems == []
    return prefs


@pytest.fixture
def screen(qtbot: QtBot, services: AppServices) -> Iterator[SettingsScreen]:
    widget = SettingsScreen(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def type_into(qtbot: QtBot, box: QWidget, text: str) -> None:
    """Focus a field, replace its text by typing, and press Enter."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key)


def test_every_preference_except_onboarding_has_a_field(screen: SettingsScreen) -> None:
    shown = set(screen.rows)
    assert shown == set(PREFERENCE_NAMES) - {"onboarding_done"}
    for row in screen.rows.values():
        assert row.editor.accessibleName(), row.label.text()
        assert row.label.text() and row.help.text()


def test_every_preference_changes_by_keyboard_and_reaches_the_store(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    rows = screen.rows
    type_into(qtbot, screen.height_input.cm, "172")
    type_into(qtbot, rows["usual_walk_minutes_per_week"].editor, "150")
    type_into(qtbot, rows["default_cadence_spm"].editor, "112")
    press(qtbot, rows["left_sound"].editor, Qt.Key.Key_Down)
    press(qtbot, rows["right_sound"].editor, Qt.Key.Key_End)
    press(qtbot, rows["pan_feet"].editor, Qt.Key.Key_Space)
    press(qtbot, rows["accent_first_beat"].editor, Qt.Key.Key_Space)
    press(qtbot, screen.volume_slider, Qt.Key.Key_PageDown)
    type_into(qtbot, rows["count_in_beats"].editor, "2")
    press(qtbot, rows["output_device"].editor, Qt.Key.Key_Down)
    type_into(qtbot, rows["av_offset_ms"].editor, "-150")
    type_into(qtbot, rows["cue_interval_s"].editor, "90")
    press(qtbot, rows["theme"].editor, Qt.Key.Key_End)
    type_into(qtbot, screen.reminder_edit, "07:45")
    press(qtbot, rows["units"].editor, Qt.Key.Key_Down)

    assert stored_preferences() == Preferences(
        units="imperial",
        height_cm=172.0,
        usual_walk_minutes_per_week=150,
        default_cadence_spm=112,
        left_sound="click",
        right_sound="beep",
        pan_feet=True,
        accent_first_beat=True,
        volume=0.6,
        count_in_beats=2,
        output_device="Test speakers",
        av_offset_ms=-150,
        cue_interval_s=90,
        theme="dark",
        reminder_time="07:45",
    )
    assert rows["units"].message_kind() == "saved"


def test_height_in_feet_and_inches_is_stored_in_cm(
    qtbot: QtBot, services: AppServices, screen: SettingsScreen
) -> None:
    services.preferences.set("units", "imperial")
    assert screen.height_input.feet.isVisible()
    press(qtbot, screen.height_input.feet, Qt.Key.Key_Up)  # from "Not set" to 3 ft 4 in
    type_into(qtbot, screen.height_input.feet, "5")
    type_into(qtbot, screen.height_input.inches, "9")
    assert stored_preferences().height_cm == pytest.approx(175.3)
    assert screen.rows["height_cm"].message_kind() == "saved"


def test_out_of_range_number_is_refused_with_the_range_and_store_untouched(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    before = stored_preferences()
    box = screen.rows["default_cadence_spm"].editor
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(box, "300")
    message = screen.rows["default_cadence_spm"].message
    assert message.isVisible()
    assert "40 to 220 steps/min" in message.text() and "300" in message.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert isinstance(box, RangeSpinBox) and box.value() == 105
    assert screen.rows["default_cadence_spm"].message_kind() == "error"
    assert stored_preferences() == before


def test_out_of_range_height_is_refused_in_both_units(
    qtbot: QtBot, services: AppServices, screen: SettingsScreen
) -> None:
    type_into(qtbot, screen.height_input.cm, "250")
    assert "100 to 230 cm" in screen.rows["height_cm"].message.text()
    assert stored_preferences().height_cm is None
    services.preferences.set("height_cm", 180.0)
    services.preferences.set("units", "imperial")
    type_into(qtbot, screen.height_input.inches, "10")  # 5 ft 10 in: fine
    type_into(qtbot, screen.height_input.feet, "7")  # 7 ft 10 in: too tall
    assert "3 ft 4 in to 7 ft 6 in" in screen.rows["height_cm"].message.text()
    assert stored_preferences().height_cm == pytest.approx(177.8)
    assert screen.height_input.feet.value() == 5


def test_bad_reminder_time_is_refused_inline(qtbot: QtBot, screen: SettingsScreen) -> None:
    type_into(qtbot, screen.reminder_edit, "25:00")
    assert screen.rows["reminder_time"].message_kind() == "error"
    assert "08:30" in screen.rows["reminder_time"].message.text()
    assert stored_preferences().reminder_time == ""
    type_into(qtbot, screen.reminder_edit, "")
    assert stored_preferences().reminder_time == ""


def test_changes_from_elsewhere_show_up(services: AppServices, screen: SettingsScreen) -> None:
    services.preferences.set("default_cadence_spm", 120)
    services.preferences.set("volume", 0.35)
    assert screen.rows["default_cadence_spm"].editor.value() == 120  # type: ignore[attr-defined]
    assert screen.volume_slider.value() == 35
    assert screen.volume_label.text() == "35 %"


def test_saved_confirmation_clears_itself(qtbot: QtBot, screen: SettingsScreen) -> None:
    row = screen.rows["pan_feet"]
    press(qtbot, row.editor, Qt.Key.Key_Space)
    assert row.message.text() == "Saved."
    row._timer.timeout.emit()  # what the timer does after a few seconds
    assert row.message_kind() == ""


def test_remembered_device_that_is_missing_stays_listed(
    services: AppServices, screen: SettingsScreen
) -> None:
    services.preferences.set("output_device", "Old headphones")
    combo = screen.device_combo
    assert combo.currentText() == "Old headphones (not connected now)"
    assert [combo.itemText(i) for i in range(combo.count())][:2] == [
        "System default",
        "Test speakers",
    ]


class TestSoundOff:
    @pytest.fixture
    def audio_status(self) -> AudioStatus:
        return AudioStatus(False, NO_PORTAUDIO)

    def test_device_combo_is_disabled_with_the_reason(self, screen: SettingsScreen) -> None:
        row = screen.rows["output_device"]
        assert not screen.device_combo.isEnabled()
        assert row.message_kind() == "note"
        assert row.message.text() == NO_PORTAUDIO
        assert NO_PORTAUDIO in screen.device_combo.accessibleDescription()


def test_introduction_button_reopens_onboarding(
    qtbot: QtBot, services: AppServices, screen: SettingsScreen
) -> None:
    calls: list[AppServices] = []
    screen.onboarding_runner = lambda given, _parent: calls.append(given) is None
    press(qtbot, screen.introduction_button, Qt.Key.Key_Space)
    assert calls == [services]


def test_tab_reaches_every_field_and_scrolls_it_into_view(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    screen.activateWindow()
    screen.introduction_button.setFocus()
    visited: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        visited.append(focused)
        area = screen.scroll_area
        assert area.widget().isAncestorOf(focused), focused
        top_left = focused.mapTo(area.viewport(), focused.rect().topLeft())
        assert 0 <= top_left.y() < area.viewport().height()
    editors = {row.editor for name, row in screen.rows.items() if name != "height_cm"}
    editors.add(screen.height_input.cm)
    assert editors <= set(visited)


def test_screenshot_states_build(services: AppServices, qtbot: QtBot) -> None:
    names = [name for name, _build in settings_screenshot_states()]
    assert names == ["settings", "settings-sound", "settings-sound-off"]
    for _name, build in settings_screenshot_states():
        widget = build(services)
        qtbot.addWidget(widget)
        assert isinstance(widget, SettingsScreen)


def test_introduction_from_settings_runs_the_real_dialog_and_updates_the_screen(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    def answer_and_finish() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        wizard = dialog.findChild(OnboardingWizard)
        assert wizard is not None
        wizard.walking_step.minutes.setValue(240)
        wizard.finish()

    QTimer.singleShot(0, answer_and_finish)
    screen.introduction_button.click()
    assert stored_preferences().onboarding_done
    assert screen.rows["usual_walk_minutes_per_week"].editor.value() == 240  # type: ignore[attr-defined]
