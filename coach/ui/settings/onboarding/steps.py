"""The pages of the introduction: welcome, safety check, see-a-doctor, height, usual walking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.cadence import step_length_from_height
from coach.domain.preferences import RANGES, Preferences
from coach.domain.safety.red_flags import RED_FLAGS, RedFlagAdvice, red_flag_advice
from coach.domain.safety.urgency import Urgency, most_urgent, words_for
from coach.domain.units import cm_to_in
from coach.ui.settings.fields import RangeSpinBox, message_style
from coach.ui.settings.height_input import HeightInput
from coach.ui.settings.onboarding import texts


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    return label


class Step(QWidget):
    """A page with a heading; subclasses add their body and say where focus starts."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(14)
        self.heading_label = _label(title, "heading")
        self.body.addWidget(self.heading_label)

    def first_focus(self) -> QWidget | None:
        """The control that should have focus when the page opens (None: the Next button)."""
        return None

    def commit(self) -> bool:
        """Take typed input; False keeps the user on this page (the reason is shown)."""
        return True


class WelcomeStep(Step):
    """What the app does, that it is not medical advice, and that data stays local."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.WELCOME_TITLE, parent)
        self.body.addWidget(_label(texts.WELCOME_BODY))
        self.body.addWidget(_label(texts.WELCOME_APPROACH))
        notice = QFrame()
        notice.setProperty("card", True)
        inner = QVBoxLayout(notice)
        inner.setContentsMargins(18, 14, 18, 14)
        inner.addWidget(_label(texts.WELCOME_NOT_ADVICE))
        self.body.addWidget(notice)
        self.body.addWidget(_label(texts.WELCOME_PRIVACY, "muted"))
        self.body.addStretch(1)


class RedFlagStep(Step):
    """One checkbox per red flag, plus "None of these"; nothing is ticked at first, and the
    page cannot be passed until a sign or "None of these" is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.FLAGS_TITLE, parent)
        self.body.addWidget(_label(texts.FLAGS_BODY))
        self.boxes: dict[str, QCheckBox] = {}
        for flag in RED_FLAGS:
            box = QCheckBox(flag.short[:1].upper() + flag.short[1:])
            box.setAccessibleName(flag.label)
            box.toggled.connect(self._on_flag_toggled)
            detail = _label(flag.label, "muted")
            detail.setContentsMargins(32, 0, 0, 0)
            self.boxes[flag.key] = box
            pair = QVBoxLayout()  # the sign and its plain description belong together
            pair.setSpacing(2)
            pair.addWidget(box)
            pair.addWidget(detail)
            self.body.addLayout(pair)
        self.none_box = QCheckBox(texts.FLAGS_NONE)
        self.none_box.setAccessibleName(texts.FLAGS_NONE)
        self.none_box.toggled.connect(self._on_none_toggled)
        self.body.addWidget(self.none_box)
        self.message = _label(texts.FLAGS_CHOOSE)
        self.message.setObjectName("field_error")
        self.message.hide()
        self.body.addWidget(self.message)
        self.body.addStretch(1)

    def answered(self) -> bool:
        """Whether a sign or "None of these" has been chosen."""
        return self.none_box.isChecked() or any(b.isChecked() for b in self.boxes.values())

    def commit(self) -> bool:
        """Stay on the page, saying why, until the person has chosen."""
        self.message.setVisible(not self.answered())
        return self.answered()

    def first_focus(self) -> QWidget | None:
        """Start on the first warning sign."""
        return next(iter(self.boxes.values()))

    def advice(self) -> RedFlagAdvice:
        """What the ticked boxes call for."""
        return red_flag_advice(key for key, box in self.boxes.items() if box.isChecked())

    def _on_flag_toggled(self, checked: bool) -> None:
        if checked:
            self.none_box.setChecked(False)
            self.message.hide()

    def _on_none_toggled(self, checked: bool) -> None:
        if checked:
            for box in self.boxes.values():
                box.setChecked(False)
            self.message.hide()


class SeeDoctorStep(Step):
    """The unmissable "see a doctor promptly" page, naming what was ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.DOCTOR_TITLE, parent)
        self.setObjectName("see_doctor")
        alert = QFrame()
        alert.setObjectName("doctor_alert")
        alert.setStyleSheet(
            "QFrame#doctor_alert { border: 3px solid #b3261e; border-radius: 10px; }"
        )
        inner = QVBoxLayout(alert)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(10)
        inner.addWidget(_label(texts.DOCTOR_YOU_TICKED, "subheading"))
        self.ticked = _label("")
        self.ticked.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(self.ticked)
        inner.addWidget(_label(texts.DOCTOR_WHY))
        self.how = _label("")
        inner.addWidget(self.how)
        self.body.addWidget(alert)
        self.body.addWidget(_label(texts.DOCTOR_CONTINUE))
        self.body.addStretch(1)

    def show_advice(self, advice: RedFlagAdvice) -> None:
        """List the ticked signs, one per line, with the words of the one urgency table."""
        lines = [f"•  {flag.short[:1].upper()}{flag.short[1:]}" for flag in advice.flags]
        self.ticked.setText("\n".join(lines))
        urgency = most_urgent(flag.key for flag in advice.flags)
        if urgency is not Urgency.NONE:
            words = words_for(urgency)
            self.title = words.title
            self.heading_label.setText(words.title)
            self.how.setText(words.action)
        self.setAccessibleDescription(f"{self.title}. {advice.summary()}.")


class HeightStep(Step):
    """Units and height, with the step length that follows from it."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(texts.HEIGHT_TITLE, parent)
        self.body.addWidget(_label(texts.HEIGHT_BODY))
        self.metric_button = QRadioButton(texts.UNITS_METRIC)
        self.imperial_button = QRadioButton(texts.UNITS_IMPERIAL)
        self._group = QButtonGroup(self)
        self.height_input = HeightInput()
        self.body.addSpacing(6)
        self.body.addLayout(self._form())
        self.estimate = _label("")
        self.message = _label("")
        self.message.hide()
        self.body.addWidget(self.estimate)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        (self.imperial_button if prefs.units == "imperial" else self.metric_button).setChecked(True)
        self.height_input.set_units(prefs.units)
        self.height_input.set_height_cm(prefs.height_cm)
        self.metric_button.toggled.connect(self._on_units_toggled)
        self.height_input.height_entered.connect(self._on_height_entered)
        self.height_input.height_refused.connect(self._show_refusal)
        self.height_input.typing_in_range.connect(self._hide_message)
        self._refused = False
        self._update_estimate()

    def _form(self) -> QGridLayout:
        units = QHBoxLayout()
        units.setSpacing(28)
        for button in (self.metric_button, self.imperial_button):
            button.setAccessibleName(button.text().replace("&", ""))
            self._group.addButton(button)
            units.addWidget(button)
        units.addStretch(1)
        height_label = _label(texts.HEIGHT_LABEL, "subheading")
        height_label.setBuddy(self.height_input)
        form = QGridLayout()
        form.setHorizontalSpacing(20)
        form.setVerticalSpacing(16)
        form.addWidget(_label(texts.UNITS_LABEL, "subheading"), 0, 0)
        form.addLayout(units, 0, 1)
        form.addWidget(height_label, 1, 0)
        form.addWidget(self.height_input, 1, 1)
        form.setColumnStretch(1, 1)
        return form

    def units(self) -> str:
        """'metric' or 'imperial', as chosen."""
        return "imperial" if self.imperial_button.isChecked() else "metric"

    def height_cm(self) -> float | None:
        """The height entered, in cm, or None."""
        return self.height_input.height_cm()

    def first_focus(self) -> QWidget | None:
        """Start on the chosen units."""
        return self.imperial_button if self.imperial_button.isChecked() else self.metric_button

    def commit(self) -> bool:
        """Take a typed height; stay here once after a refusal so its message is read."""
        self.height_input.commit()
        refused, self._refused = self._refused, False
        return not refused

    def _on_units_toggled(self, _checked: bool) -> None:
        self.height_input.set_units(self.units())
        self._update_estimate()

    def _on_height_entered(self, _height: object) -> None:
        self._hide_message()
        self._update_estimate()

    def _show_refusal(self, text: str) -> None:
        self._refused = True
        self.message.setText(text)
        self.message.setStyleSheet(message_style("error"))
        self.message.show()

    def _hide_message(self) -> None:
        self._refused = False
        self.message.hide()

    def _update_estimate(self) -> None:
        height = self.height_cm()
        if height is None:
            self.estimate.setText(texts.STEP_ESTIMATE_NONE)
            return
        length_cm = step_length_from_height(height)  # about 0.414 x height (PRODUCT.md)
        if self.units() == "imperial":
            self.estimate.setText(texts.STEP_ESTIMATE_IMPERIAL.format(length=cm_to_in(length_cm)))
        else:
            self.estimate.setText(texts.STEP_ESTIMATE_METRIC.format(length=length_cm))


class WalkingStep(Step):
    """Usual walking minutes per week, typed or picked from a few quick choices."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(texts.WALKING_TITLE, parent)
        self.body.addWidget(_label(texts.WALKING_BODY))
        bounds = RANGES["usual_walk_minutes_per_week"]
        self.minutes = RangeSpinBox(int(bounds.low), int(bounds.high), texts.WALKING_SUFFIX)
        self.minutes.setAccessibleName(texts.WALKING_LABEL)
        self.minutes.setMinimumWidth(220)
        self.minutes.setValue(prefs.usual_walk_minutes_per_week)
        row = QHBoxLayout()
        label = _label(texts.WALKING_LABEL, "subheading")
        label.setBuddy(self.minutes)
        row.addWidget(label)
        row.addWidget(self.minutes)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(_label(texts.WALKING_QUICK, "subheading"))
        self.quick_buttons: list[QPushButton] = []
        self.body.addLayout(self._quick_choices())
        self.message = _label("")
        self.message.hide()
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self._refused = False
        self.minutes.out_of_range_typed.connect(self._show_refusal)
        self.minutes.typed_in_range.connect(self._hide_message)

    def _quick_choices(self) -> QGridLayout:
        choices = QGridLayout()  # three a row, so they never run off a narrow window
        choices.setSpacing(10)
        for index, (text, minutes) in enumerate(texts.WALKING_CHOICES):
            button = QPushButton(text)
            button.setAccessibleName(f"{text} ({minutes} minutes a week)")
            button.clicked.connect(lambda _c=False, m=minutes: self._choose(m))
            self.quick_buttons.append(button)
            choices.addWidget(button, index // 3, index % 3)
        choices.setColumnStretch(3, 1)
        return choices

    def first_focus(self) -> QWidget | None:
        """Start in the minutes box."""
        return self.minutes

    def commit(self) -> bool:
        """Take the typed minutes; stay here once after a refusal so its message is read."""
        self.minutes.interpretText()
        refused, self._refused = self._refused, False
        return not refused

    def minutes_per_week(self) -> int:
        """The minutes chosen."""
        return self.minutes.value()

    def _choose(self, minutes: int) -> None:
        self._hide_message()
        self.minutes.setValue(minutes)

    def _hide_message(self) -> None:
        self._refused = False
        self.message.hide()

    def _show_refusal(self, typed: str) -> None:
        self._refused = True
        self.message.setText(texts.WALKING_RANGE.format(typed=typed))
        self.message.setStyleSheet(message_style("error"))
        self.message.show()
