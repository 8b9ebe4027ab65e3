"""The first-run introduction: keyboard-only, the safety check, and what it saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.preferences import Preferences
from coach.domain.safety.urgency import Urgency, words_for
from coach.storage.database import open_store
from coach.storage.preferences_repo import PreferencesRepository
from coach.ui.safety.gate import current_state
from coach.ui.services import AppServices
from coach.ui.settings.onboarding import (
    OnboardingWizard,
    onboarding_screenshot_states,
    run_onboarding,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def stored_preferences() -> Preferences:
    """Open the store afresh and read the preferences."""
    with open_store() as store:
        prefs, problems = PreferencesRepository(store).load()
    assert problems == []
    return prefs


@pytest.fixture
def wizard(qtbot: QtBot, services: AppServices) -> OnboardingWizard:
    widget = OnboardingWizard(services)
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def key(qtbot: QtBot, name: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """Press a key in whatever has focus, as a person would."""
    focused = QApplication.focusWidget()
    assert focused is not None
    if modifier is None:
        qtbot.keyClick(focused, name)
    else:
        qtbot.keyClick(focused, name, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused, text)


def test_completes_with_the_keyboard_and_saves_the_answers(
    qtbot: QtBot, services: AppServices, wizard: OnboardingWizard
) -> None:
    done: list[bool] = []
    wizard.completed.connect(lambda: done.append(True))
    assert wizard.current_step == "welcome"
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.current_step == "red_flags"
    step = wizard.red_flag_step
    assert not step.none_box.isChecked()  # nothing is ticked for the person
    assert not any(box.isChecked() for box in step.boxes.values())
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.current_step == "red_flags"  # no choice yet: the page stays, saying why
    assert step.message.isVisible()
    step.none_box.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert step.none_box.isChecked() and not step.message.isVisible()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.current_step == "height"  # nothing ticked: no doctor page
    assert QApplication.focusWidget() is wizard.height_step.metric_button
    key(qtbot, Qt.Key.Key_Right)  # arrow keys move between the unit choices
    assert wizard.height_step.imperial_button.isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.height_step.height_input.feet
    type_text(qtbot, "5")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "9")
    assert "step length" in wizard.height_step.estimate.text()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.current_step == "walking"
    assert wizard.next_button.text() == "&Finish"
    type_text(qtbot, "150")
    key(qtbot, Qt.Key.Key_Return)
    assert done == [True]
    saved = stored_preferences()
    assert saved.units == "imperial"
    assert saved.height_cm == pytest.approx(175.3)
    assert saved.usual_walk_minutes_per_week == 150
    assert saved.onboarding_done
    assert services.preferences.current == saved


def test_a_ticked_red_flag_shows_the_doctor_page_naming_it(
    qtbot: QtBot, wizard: OnboardingWizard
) -> None:
    wizard.go_to("red_flags")
    assert QApplication.focusWidget() is wizard.red_flag_step.boxes["bladder_bowel"]
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # the second sign: saddle numbness
    assert not wizard.red_flag_step.none_box.isChecked()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.current_step == "see_doctor"
    page = wizard.see_doctor_step
    # A saddle-area sign: the emergency words of the one table, as on every other screen.
    assert page.title == words_for(Urgency.EMERGENCY).title
    assert page.how.text() == words_for(Urgency.EMERGENCY).action
    assert "Numbness in the saddle area" in page.ticked.text()
    assert "bladder" not in page.ticked.text()
    assert "Change my answers" in wizard.back_button.text().replace("&", "")
    key(qtbot, Qt.Key.Key_Return)  # they may still go on, after reading
    assert wizard.current_step == "height"
    wizard.go_back()
    assert wizard.current_step == "see_doctor"
    wizard.go_back()
    assert wizard.current_step == "red_flags"


def test_none_of_these_clears_the_signs_and_the_page_needs_a_choice(
    wizard: OnboardingWizard,
) -> None:
    step = wizard.red_flag_step
    assert not step.commit()
    step.boxes["trauma"].setChecked(True)
    step.boxes["leg_weakness"].setChecked(True)
    assert step.advice().see_doctor and not step.none_box.isChecked() and step.commit()
    step.none_box.setChecked(True)
    assert not any(box.isChecked() for box in step.boxes.values()) and step.commit()
    step.none_box.setChecked(False)
    assert not step.commit()  # unticking leaves no answer: the page waits for one


def test_signs_ticked_at_the_start_pause_the_plan_everywhere(
    services: AppServices, wizard: OnboardingWizard
) -> None:
    wizard.red_flag_step.boxes["night_pain"].setChecked(True)
    wizard.finish()
    state = current_state(services)
    assert state.active and state.message is not None
    assert "severe pain at night or at rest" in state.message.reason


def test_out_of_range_minutes_are_refused_and_keep_the_page(
    qtbot: QtBot, wizard: OnboardingWizard
) -> None:
    wizard.go_to("walking")
    type_text(qtbot, "5000")
    assert "0 to 2000" in wizard.walking_step.message.text()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.current_step == "walking"
    assert wizard.walking_step.minutes_per_week() == 60
    assert not stored_preferences().onboarding_done


def test_quick_choice_sets_the_minutes(qtbot: QtBot, wizard: OnboardingWizard) -> None:
    wizard.go_to("walking")
    button = wizard.walking_step.quick_buttons[3]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert wizard.walking_step.minutes_per_week() == 150


def test_run_onboarding_is_modal_and_reports_completion(
    qtbot: QtBot, services: AppServices
) -> None:
    def finish_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        found = dialog.findChild(OnboardingWizard)
        assert found is not None
        found.finish()

    QTimer.singleShot(0, finish_it)
    assert run_onboarding(services) is True
    assert stored_preferences().onboarding_done


def test_closing_the_dialog_does_not_mark_it_done(qtbot: QtBot, services: AppServices) -> None:
    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        dialog.reject()

    QTimer.singleShot(0, close_it)
    assert run_onboarding(services) is False
    assert not stored_preferences().onboarding_done


def test_every_control_has_an_accessible_name(wizard: OnboardingWizard) -> None:
    for name in wizard.step_names:
        wizard.go_to(name)
        for control in wizard.findChildren(QWidget):
            if control.focusPolicy() != Qt.FocusPolicy.NoFocus and control.isVisible():
                if control.metaObject().className() == "QLineEdit":
                    continue  # the spin boxes' inner editors take their owner's name
                assert control.accessibleName(), (name, control)
    for area in wizard.findChildren(QScrollArea):
        assert area.accessibleName(), area


def test_screenshot_states_show_each_page(qtbot: QtBot, services: AppServices) -> None:
    expected = {
        "onboarding-1-welcome": "welcome",
        "onboarding-2-red-flags": "red_flags",
        "onboarding-2b-see-doctor": "see_doctor",
        "onboarding-3-height": "height",
        "onboarding-4-walking": "walking",
    }
    states = onboarding_screenshot_states()
    assert [name for name, _ in states] == list(expected)
    for name, build in states:
        widget = build(services)
        qtbot.addWidget(widget)
        assert isinstance(widget, OnboardingWizard)
        assert widget.current_step == expected[name]
    doctor = dict(states)["onboarding-2b-see-doctor"](services)
    qtbot.addWidget(doctor)
    assert isinstance(doctor, OnboardingWizard) and doctor.see_doctor_step.ticked.text()
