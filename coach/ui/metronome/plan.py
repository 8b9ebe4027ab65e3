"""The "Cadence plan" tab: weekly targets from the saved baseline toward a goal, with holds."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from coach.domain.progression import (
    DEFAULT_GOAL_PERCENT,
    PlanError,
    ProgressionPlan,
    goal_week,
    hold_week,
    make_plan,
    plan_weeks,
    this_week_target,
)
from coach.domain.units import OutOfRangeError
from coach.services.errors import StoreError
from coach.ui.metronome import texts
from coach.ui.services import AppServices
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.checked_field import CheckedField, named_button, set_button_text


class PlanPanel(QWidget):
    """Make a plan from the baseline, see its weeks and this week's target, hold a week."""

    plan_changed = Signal()
    tempo_chosen = Signal(int)  # "Use this week's target"

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.plan: ProgressionPlan | None = None
        self.goal = CheckedField(texts.PLAN_GOAL)
        self.goal.accept(f"{DEFAULT_GOAL_PERCENT:g}")
        self.create_button = named_button(texts.PLAN_CREATE)
        self.hold_button = named_button(texts.PLAN_HOLD)
        self.use_button = named_button(texts.PLAN_USE_TARGET)
        self.baseline_label = styled_label()
        self.summary_label = styled_label(role="subheading")
        self.message_label = styled_label(role="muted")
        self.weeks = QGridLayout()
        self.weeks.setHorizontalSpacing(24)
        self.weeks.setVerticalSpacing(4)
        self._week_widgets: list[QWidget] = []
        self._lay_out()
        self.create_button.clicked.connect(self.create_plan)
        self.goal.committed.connect(lambda _v: self.create_plan())
        self.hold_button.clicked.connect(self.hold_this_week)
        self.use_button.clicked.connect(self._on_use)
        self.refresh()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 8, 4, 8)
        column.setSpacing(10)
        column.addWidget(styled_label(texts.PLAN_HELP, "muted"))
        column.addWidget(self.baseline_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.goal.add_to(grid, 0)
        grid.addWidget(self.create_button, 0, 3)
        grid.setColumnStretch(4, 1)
        column.addLayout(grid)
        column.addWidget(self.summary_label)
        column.addLayout(self.weeks)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.hold_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.message_label)
        column.addStretch(1)

    @property
    def today(self) -> date:
        """The local date now, from the app's clock."""
        return self.services.clock.now().date()

    def refresh(self) -> None:
        """Reload the baseline and the active plan from the store."""
        try:
            baseline = self.services.cadence.latest_baseline()
            self.plan = self.services.cadence.active_plan()
        except StoreError as error:
            self.message_label.setText(texts.PLAN_READ_FAILED.format(error=error))
            baseline, self.plan = None, None
        if baseline is None:
            self.baseline_label.setText(texts.PLAN_NEEDS_BASELINE)
        else:
            self.baseline_label.setText(
                texts.BASELINE_NOW.format(spm=round(baseline.cadence_spm), at=baseline.measured_at)
            )
        self.create_button.setEnabled(baseline is not None)
        set_button_text(self.create_button, texts.PLAN_REPLACE if self.plan else texts.PLAN_CREATE)
        self._show_plan()

    def create_plan(self) -> None:
        """A new plan from the latest baseline toward the goal typed (5-10 %)."""
        baseline = self.services.cadence.latest_baseline()
        if baseline is None:
            self.message_label.setText(texts.PLAN_NEEDS_BASELINE)
            return
        try:
            plan = make_plan(baseline.cadence_spm, self.today, self.goal.value())
        except OutOfRangeError as error:
            self.goal.refuse(str(error))
            return
        self.goal.accept(f"{self.goal.value():g}")
        try:
            self.services.cadence.save_plan(plan, self.services.clock.now())
        except StoreError as error:
            self.message_label.setText(str(error))
            return
        self.message_label.setText("")
        self.refresh()
        self.plan_changed.emit()

    def hold_this_week(self) -> None:
        """Keep this week's target for another week; the rest of the plan moves back."""
        if self.plan is None:
            return
        try:
            held = hold_week(self.plan, self.today)
            self.services.cadence.update_active_plan(held)
        except (PlanError, StoreError) as error:
            self.message_label.setText(str(error))
            return
        self.plan = held
        self._show_plan()
        target = this_week_target(held, self.today)
        self.message_label.setText(texts.PLAN_HOLD_DONE.format(spm=target))
        self.plan_changed.emit()

    def _on_use(self) -> None:
        if self.plan is not None:
            self.tempo_chosen.emit(this_week_target(self.plan, self.today))

    def _show_plan(self) -> None:
        for widget in self._week_widgets:
            self.weeks.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._week_widgets = []
        plan = self.plan
        self.hold_button.setEnabled(plan is not None)
        self.use_button.setEnabled(plan is not None)
        if plan is None:
            self.summary_label.setText(texts.PLAN_NONE)
            return
        target = this_week_target(plan, self.today)
        self.summary_label.setText(
            texts.PLAN_SUMMARY.format(baseline=plan.baseline_spm, goal=plan.goal_spm, target=target)
        )
        current = plan.week_index(self.today)
        reached = self.today >= goal_week(plan)
        self.hold_button.setEnabled(not reached)  # a week at the goal has nothing to hold
        if reached:
            self.message_label.setText(texts.PLAN_GOAL_REACHED.format(spm=plan.goal_spm))
        for row, week in enumerate(plan_weeks(plan)):
            notes = [texts.PLAN_THIS_WEEK] if row == current else []
            if week.held:
                notes.append(texts.PLAN_HELD)
            role = "subheading" if row == current else ""
            cells = (
                styled_label(texts.PLAN_WEEK.format(monday=week.week_start), role, wrap=False),
                styled_label(texts.PLAN_WEEK_TARGET.format(spm=week.target_spm), role, wrap=False),
                styled_label(" · ".join(notes), "muted", wrap=False),
            )
            for column, cell in enumerate(cells):
                self.weeks.addWidget(cell, row, column)
                self._week_widgets.append(cell)
