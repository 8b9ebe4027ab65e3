"""The first-run introduction: a widget that tests and screenshots drive, and a modal runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.preferences import PreferenceError, Preferences
from coach.services.errors import StoreError
from coach.ui.learn import texts as learn_texts
from coach.ui.settings.onboarding import texts
from coach.ui.settings.onboarding.steps import (
    HeightStep,
    RedFlagStep,
    SeeDoctorStep,
    Step,
    WalkingStep,
    WelcomeStep,
)
from coach.ui.theme import BASE_POINT_SIZE, ThemeColors, colors_for, current_scheme
from coach.ui.widgets.column_scroll import column_scroll
from coach.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from coach.ui.services import AppServices

# The numbered steps people see; the see-a-doctor page belongs to step 2.
_STEP_NUMBERS = {"welcome": 1, "red_flags": 2, "see_doctor": 2, "height": 3, "walking": 4}
_TOTAL_STEPS = 4
DIALOG_SIZE = (900, 680)
"""The dialog's size where the screen has room: the text in a calm, readable column."""


class OnboardingWizard(QWidget):
    """The introduction as a plain widget: Back/Next, Enter for Next, saves on Finish."""

    completed = Signal()  # after the answers were saved

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, offer_learn: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onboarding")
        self._scheme = ""
        self._services = services
        prefs = services.preferences.current
        self.welcome_step = WelcomeStep()
        self.red_flag_step = RedFlagStep()
        self.see_doctor_step = SeeDoctorStep()
        self.height_step = HeightStep(prefs)
        self.walking_step = WalkingStep(prefs)
        self.learn_box = QCheckBox(learn_texts.ONBOARDING_OFFER)
        """Offered on the first run only: open the Learn screen once the introduction ends."""
        self.learn_box.setChecked(offer_learn)
        self.learn_box.setVisible(offer_learn)
        self.walking_step.body.insertWidget(self.walking_step.body.count() - 1, self.learn_box)
        self._steps: dict[str, Step] = {
            "welcome": self.welcome_step,
            "red_flags": self.red_flag_step,
            "see_doctor": self.see_doctor_step,
            "height": self.height_step,
            "walking": self.walking_step,
        }
        self.step_names: list[str] = list(self._steps)
        """Every page by name, in order; `see_doctor` is only visited when a sign is ticked."""
        self._build()
        self.go_to("welcome")

    def _build(self) -> None:
        self.progress = QLabel()
        self.progress.setProperty("role", "muted")
        self.progress.setWordWrap(True)
        self._stack = QStackedWidget()
        for step in self._steps.values():
            self._stack.addWidget(step)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 12, 0)
        column.addWidget(self.progress)
        column.addWidget(self._stack, 1)
        scroll = column_scroll(page, texts.PAGE_AREA_NAME)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = self._buttons()
        # One centred column, buttons included, so the next step sits right under the text
        # even on a wide screen.
        centre = QWidget()
        centre.setMaximumWidth(880)
        inner = QVBoxLayout(centre)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(scroll, 1)
        inner.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(36, 28, 24, 24)
        layout.addWidget(centre)
        self._restyle()

    def _buttons(self) -> QHBoxLayout:
        self.back_button = QPushButton(texts.BACK)
        self.next_button = QPushButton(texts.NEXT)
        self.next_button.setObjectName("primary")
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 12, 12, 0)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        return buttons

    def _restyle(self) -> None:
        scheme = current_scheme()
        if scheme != self._scheme:  # setStyleSheet re-polishes: only when the scheme changed
            self._scheme = scheme
            self.setStyleSheet(wizard_style(colors_for(scheme)))

    def showEvent(self, event: QShowEvent) -> None:
        """Pick up a theme chosen while the wizard was hidden."""
        super().showEvent(event)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a theme change, after the style sheet has re-polished the children."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._restyle)

    @property
    def current_step(self) -> str:
        """The name of the page showing now."""
        return self.step_names[self._stack.currentIndex()]

    def go_to(self, name: str) -> None:
        """Show a page by name (tests and screenshots use this; people use Back and Next)."""
        if name == "see_doctor":
            self.see_doctor_step.show_advice(self.red_flag_step.advice())
        step = self._steps[name]
        self._stack.setCurrentWidget(step)
        self.progress.setText(texts.STEP_OF.format(number=_STEP_NUMBERS[name], total=_TOTAL_STEPS))
        self._label_buttons(name)
        focus = step.first_focus() or self.next_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(focus, QAbstractSpinBox):
            focus.selectAll()  # typing replaces the number instead of adding to it

    def _label_buttons(self, name: str) -> None:
        self.back_button.setEnabled(name != "welcome")
        if name == "see_doctor":
            back, forward = texts.DOCTOR_BACK, texts.DOCTOR_NEXT
        else:
            back, forward = texts.BACK, texts.FINISH if name == "walking" else texts.NEXT
        self.back_button.setText(back)
        self.next_button.setText(forward)
        for button in (self.back_button, self.next_button):
            button.setAccessibleName(button.text().replace("&", ""))

    def go_next(self) -> None:
        """Go forward: after the safety check, to the doctor page if anything was ticked."""
        name = self.current_step
        if not self._steps[name].commit():
            return
        if name == "walking":
            self.finish()
            return
        if name == "red_flags":
            self.go_to("see_doctor" if self.red_flag_step.advice().see_doctor else "height")
            return
        following = {"welcome": "red_flags", "see_doctor": "height", "height": "walking"}
        self.go_to(following[name])

    def go_back(self) -> None:
        """Go one page back (to the doctor page again if it was shown)."""
        name = self.current_step
        if name == "height" and self.red_flag_step.advice().see_doctor:
            self.go_to("see_doctor")
            return
        previous = {"red_flags": "welcome", "see_doctor": "red_flags", "height": "red_flags"}
        previous["walking"] = "height"
        if name in previous:
            self.go_to(previous[name])

    def answers(self) -> Preferences:
        """The current preferences with the answers given here, marked as done."""
        current = self._services.preferences.current
        checked = current.with_value("units", self.height_step.units())
        checked = checked.with_value("height_cm", self.height_step.height_cm())
        checked = checked.with_value(
            "usual_walk_minutes_per_week", self.walking_step.minutes_per_week()
        )
        return replace(checked, onboarding_done=True)

    def finish(self) -> None:
        """Save the answers in one go and announce completion (or show why they were refused).

        Ticked warning signs go into the safety record, so every screen pauses the plan.
        """
        try:
            self._services.preferences.replace(self.answers())
            ticked = frozenset(f.key for f in self.red_flag_step.advice().flags)
            self._services.safety.add_signs(self._services.clock.now(), ticked)
        except (PreferenceError, StoreError) as error:  # e.g. the diary is open read-only
            self.progress.setText(str(error))
            return
        self.completed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere on a page means Next (Space still presses a focused button)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused is not self.next_button:
                focused.click()
            else:
                self.next_button.click()
            event.accept()
            return
        super().keyPressEvent(event)


def wizard_style(colors: ThemeColors) -> str:
    """Larger type than the rest of the app (read once, calmly) and a clear primary button."""
    body = BASE_POINT_SIZE + 3
    return f"""
    #onboarding QLabel, #onboarding QCheckBox, #onboarding QRadioButton,
    #onboarding QPushButton, #onboarding QAbstractSpinBox {{ font-size: {body}pt; }}
    #onboarding QLabel[role="heading"] {{ font-size: {body + 10}pt; font-weight: 600; }}
    #onboarding QLabel[role="subheading"] {{ font-size: {body + 2}pt; font-weight: 600; }}
    #onboarding QAbstractSpinBox {{ min-height: 34px; padding: 0 6px; }}
    #onboarding QPushButton {{ padding: 8px 18px; }}
    #onboarding QPushButton#primary {{
        background: {colors.accent}; color: {colors.accent_text}; font-weight: 600;
        border: 1px solid {colors.accent}; border-radius: 6px; padding: 10px 28px;
    }}
    #onboarding QPushButton#primary:focus {{ border: 3px solid {colors.text}; }}
    """


def run_onboarding(services: AppServices, parent: QWidget | None = None) -> bool:
    """Show the introduction as a modal dialog; True when finished (onboarding_done is set)."""
    return _run_dialog(services, parent, offer_learn=False) is not None


def run_first_onboarding(services: AppServices) -> str | None:
    """The first-run introduction; the screen to open first ("learn" if the user asked for it)."""
    wizard = _run_dialog(services, None, offer_learn=True)
    return "learn" if wizard is not None and wizard.learn_box.isChecked() else None


def onboarding_dialog(
    services: AppServices, parent: QWidget | None = None, offer_learn: bool = False
) -> tuple[QDialog, OnboardingWizard]:
    """The introduction in a modal dialog that fits its screen; accepted when finished."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(texts.WINDOW_TITLE)
    dialog.setModal(True)
    wizard = OnboardingWizard(services, dialog, offer_learn)
    wizard.completed.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(wizard)
    fit_to_screen(dialog, *DIALOG_SIZE)
    return dialog, wizard


def _run_dialog(
    services: AppServices, parent: QWidget | None, offer_learn: bool
) -> OnboardingWizard | None:
    dialog, wizard = onboarding_dialog(services, parent, offer_learn)
    finished = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return wizard if finished else None


def onboarding_screenshot_states() -> list[tuple[str, Callable[[AppServices], QWidget]]]:
    """(file stem, builder) for each page; the builder returns a wizard showing that page."""

    def at(step: str, ticked: tuple[str, ...] = ()) -> Callable[[AppServices], QWidget]:
        def build(services: AppServices) -> QWidget:
            wizard = OnboardingWizard(services, offer_learn=True)  # as on the first run
            for key in ticked:
                wizard.red_flag_step.boxes[key].setChecked(True)
            wizard.go_to(step)
            return wizard

        return build

    return [
        ("onboarding-1-welcome", at("welcome")),
        ("onboarding-2-red-flags", at("red_flags")),
        ("onboarding-2b-see-doctor", at("see_doctor", ("saddle_numbness", "leg_weakness"))),
        ("onboarding-3-height", at("height")),
        ("onboarding-4-walking", at("walking")),
    ]
