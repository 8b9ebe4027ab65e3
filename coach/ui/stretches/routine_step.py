"""What one step of a stretch routine looks like: figure, big countdown, how-to and stop line.

Pure display: the Stretches player and the Walk screen's stretch phase both feed it the
step playing now, so the two look and read the same.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.domain.routines import Exercise, ExerciseKind, Side, StepKind, TimelineStep
from coach.services.user_files import illustration_path
from coach.ui.stretches import texts
from coach.ui.widgets.big_number import BigNumber
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.illustration import Illustration

COUNTDOWN_PX = 128
"""The countdown is readable from across the room, where a stretch is done."""
TEXT_SCALE = 1.2


def clock_text(seconds: float) -> str:
    """Whole seconds, rounded up, as m:ss (so 0:01 shows until the very end)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def step_title(step: TimelineStep) -> str:
    """ "Hold · left side", "Switch sides", "Rest" and so on."""
    title = texts.STEP_TITLES[step.kind]
    if step.side is not None and step.kind is not StepKind.SWITCH_SIDES:
        title = f"{title} · {texts.SIDE_NAMES[step.side]}"
    return title


def step_detail(step: TimelineStep, step_left_s: float) -> str:
    """The one line under the countdown: reps, cadence, rest or switch advice."""
    exercise = step.exercise
    if step.kind is StepKind.REPS and exercise.reps:
        done = step.duration_s - step_left_s
        rep = min(exercise.reps, int(done // exercise.seconds_per_rep) + 1)
        line = texts.REPS_LINE.format(reps=exercise.reps, seconds=exercise.seconds_per_rep)
        return f"{rep} / {exercise.reps} · {line}"
    if step.kind is StepKind.WALK and exercise.cadence_spm:
        return texts.WALK_LINE.format(spm=exercise.cadence_spm)
    if step.kind is StepKind.REST:
        return texts.REST_LINE
    if step.kind is StepKind.SWITCH_SIDES and step.side is not None:
        return texts.SWITCH_LINE.format(side=texts.SIDE_NAMES[step.side])
    return ""


def _enlarge(label: QLabel) -> None:
    """How-to text a little larger than body text: read from a step or two away."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
    label.setFont(font)


class RoutineStepPanel(QWidget):
    """Shows one routine step; call show_step() whenever the clock moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise_name = styled_label("", "heading")
        self.position_line = styled_label("", "muted")
        self.illustration = Illustration()
        self.step_title = styled_label("", "heading")
        self.step_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = BigNumber("0:00", COUNTDOWN_PX)
        self.countdown.setAccessibleName("Time left in this part")
        self.detail = styled_label("")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.purpose = styled_label("")
        self.steps = styled_label("")
        self.stop_if = styled_label("")
        self.stop_if.setObjectName("notice_text")
        for label in (self.purpose, self.steps, self.stop_if, self.detail):
            _enlarge(label)
        self._lay_out()
        self._shown: tuple[Exercise, bool] | None = None

    def _lay_out(self) -> None:
        timer = QVBoxLayout()
        timer.addStretch(1)
        for widget in (self.step_title, self.countdown, self.detail):
            timer.addWidget(widget)
        timer.addStretch(1)
        how = QVBoxLayout()
        how.setSpacing(10)
        how.addStretch(1)
        how.addWidget(self.purpose)
        how.addWidget(self.steps)
        stop_frame = QFrame()
        stop_frame.setObjectName("notice_bar")
        stop_layout = QVBoxLayout(stop_frame)
        stop_layout.setContentsMargins(14, 10, 14, 10)
        stop_layout.addWidget(self.stop_if)
        how.addWidget(stop_frame)
        how.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.illustration, 5)
        row.addLayout(timer, 4)
        row.addLayout(how, 5)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.exercise_name)
        outer.addWidget(self.position_line)
        outer.addLayout(row, 1)

    def show_step(self, step: TimelineStep, step_left_s: float, exercise_count: int) -> None:
        """Show a step with the seconds left in it; the figure is mirrored on the right side."""
        exercise = step.exercise
        self.exercise_name.setText(exercise.name)
        position = texts.EXERCISE_OF.format(n=step.exercise_index + 1, total=exercise_count)
        if exercise.sets > 1 and exercise.kind is ExerciseKind.STRETCH:
            position += " · " + texts.SET_OF.format(n=step.set_number, total=exercise.sets)
        self.position_line.setText(position)
        self.step_title.setText(step_title(step))
        self.countdown.setText(clock_text(step_left_s))
        self.detail.setText(step_detail(step, step_left_s))
        mirrored = step.side is Side.RIGHT
        if self._shown != (exercise, mirrored):
            self._shown = (exercise, mirrored)
            self._show_exercise(exercise, mirrored)

    def _show_exercise(self, exercise: Exercise, mirrored: bool) -> None:
        self.illustration.show_file(illustration_path(exercise.illustration), mirrored)
        self.illustration.setAccessibleName(exercise.name)
        self.purpose.setText(exercise.purpose)
        self.steps.setText("\n".join(f"{n}.  {s}" for n, s in enumerate(exercise.steps, 1)))
        self.stop_if.setText(exercise.stop_if)

    def show_message(self, title: str, text: str) -> None:
        """Replace the step with a closing message (the routine is over)."""
        self.exercise_name.setText(title)
        self.position_line.setText("")
        self.step_title.setText("")
        self.countdown.setText("✓")
        self.detail.setText(text)
