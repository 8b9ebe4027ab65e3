"""Small pieces of the player: time text, the routine step panel, and cue chime times."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.domain.cues import CueSchedule
from coach.domain.routines import Side, StepKind, TimelineStep
from coach.domain.session import WalkSession
from coach.ui.screens import walk_texts as texts
from coach.ui.screens.walk_cues import Illustration
from coach.ui.widgets.big_number import BigNumber
from coach.ui.widgets.card import styled_label


def clock_text(seconds: float) -> str:
    """Whole seconds as m:ss (rounded up, so 0:00 shows only at the very end)."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"


def cue_change_times(session: WalkSession, schedule: CueSchedule) -> list[float]:
    """Seconds from now at which the card changes during a walking phase (for soft chimes)."""
    now = session.elapsed_s
    start = now - session.phase_elapsed_s
    out: list[float] = []
    for phase in session.phases[session.phase_index :]:
        end = start + phase.duration_s
        if phase.timeline is None:
            slot = math.floor(max(start, now) / schedule.interval_s) + 1
            while slot * schedule.interval_s < end:
                at = slot * schedule.interval_s
                if schedule.changed_between(at - 1e-3, at):
                    out.append(at - now)
                slot += 1
        start = end
    return out


class RoutineStepPanel(QFrame):
    """The stretch step playing now: what to do, which side, how long, and when to stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.step: TimelineStep | None = None
        self.illustration = Illustration(minimum=140)
        self.kind_label = styled_label(role="subheading", wrap=False)
        self.name_label = styled_label(role="heading")
        self.left_number = BigNumber(pixel_size=64)
        self.left_number.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.steps_label = QLabel()
        self.steps_label.setWordWrap(True)
        self.stop_label = styled_label(role="muted")
        words = QVBoxLayout()
        words.setSpacing(8)
        for widget in (
            self.kind_label,
            self.name_label,
            self.left_number,
            self.steps_label,
            self.stop_label,
        ):
            words.addWidget(widget)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(24)
        row.addWidget(self.illustration, 2)
        row.addLayout(words, 3)

    def show_step(self, step: TimelineStep | None, position_s: float) -> None:
        """Show a step and the seconds left in it at routine second `position_s`."""
        if step is None:
            return
        if step is not self.step:
            self.step = step
            kind = texts.STEP_KINDS.get(step.kind.value, "")
            side = texts.STEP_SIDE.get(step.side.value, "") if step.side else ""
            self.kind_label.setText(f"{kind}, {side}" if side else kind)
            self.name_label.setText(step.exercise.name)
            lines = step.exercise.steps if step.kind is not StepKind.REST else ()
            self.steps_label.setText("\n".join(lines))
            self.stop_label.setText(texts.STEP_STOP_IF.format(text=step.exercise.stop_if))
            self.illustration.show_file(step.exercise.illustration, step.side is Side.RIGHT)
        self.left_number.setText(clock_text(step.end_s - position_s))
