"""Today: a greeting, this week's walking minutes toward a goal, and the latest pain ratings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.domain.dose import DoseStep, WeekProgress
from coach.domain.pain import PainEntry
from coach.domain.preferences import Preferences
from coach.domain.safety.urgency import most_urgent, words_for
from coach.domain.walks import minutes_to_seconds, whole_minutes
from coach.services.changes import Change
from coach.ui.data_changes import refresh_on
from coach.ui.dialogs import open_pain_log
from coach.ui.dialogs import texts as log_texts
from coach.ui.learn import texts as learn_texts
from coach.ui.safety.notice import SafetyNotice
from coach.ui.services import AppServices
from coach.ui.texts import READ_ONLY_REFUSAL
from coach.ui.today import texts
from coach.ui.today.checkin_card import CheckinCard
from coach.ui.today.morning import MorningCheck
from coach.ui.walk.dose import current_dose
from coach.ui.widgets.card import Card, styled_label

PAIN_ROWS = 5
CONTENT_MAX_WIDTH = 980


def greeting_for(hour: int) -> str:
    """The greeting for an hour of the day (0-23)."""
    if 5 <= hour < 12:
        return texts.GREETING_MORNING
    if 12 <= hour < 18:
        return texts.GREETING_AFTERNOON
    if 18 <= hour <= 23:
        return texts.GREETING_EVENING
    return texts.GREETING_NIGHT


def describe_pain(entry: PainEntry) -> tuple[str, str, str]:
    """When, the rating, and where/when-in-the-day plus the note, as short texts."""
    when = texts.PAIN_WHEN_FORMAT.format(at=entry.at.astimezone())
    details = [texts.CONTEXT_NAMES.get(entry.context.value, "")]
    if entry.location is not None:
        details.append(texts.LOCATION_NAMES.get(entry.location.value, ""))
    if entry.note:
        details.append(f"“{entry.note}”")
    if entry.red_flags:  # the words of the one urgency table, as on every screen
        advice = words_for(most_urgent(entry.red_flags)).title.lower()
        details.append(texts.PAIN_SIGN_NOTED.format(advice=advice))
    return when, texts.PAIN_VALUE.format(pain=entry.pain), " · ".join(d for d in details if d)


class WeekCard(Card):
    """This week's walking minutes, a bar toward the goal and what to do next."""

    def __init__(self) -> None:
        super().__init__(texts.WEEK_TITLE)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.minutes_label = styled_label(role="big-number", wrap=False)
        self.minutes_label.setAccessibleName("Walking minutes this week")
        self.goal_label = styled_label(role="muted", wrap=False)
        row.addWidget(self.minutes_label, 0, Qt.AlignmentFlag.AlignBaseline)
        row.addWidget(self.goal_label, 1, Qt.AlignmentFlag.AlignBaseline)
        self.body.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(texts.WEEK_PROGRESS_NAME)
        self.body.addWidget(self.progress)
        self.advice_label = styled_label()
        self.body.addWidget(self.advice_label)
        self.dose_label = styled_label(role="muted")
        self.body.addWidget(self.dose_label)
        self.goal_note_label = styled_label(role="muted")
        self.body.addWidget(self.goal_note_label)
        self.target_label = styled_label()
        self.target_label.hide()
        self.body.addWidget(self.target_label)

    def show_paused(self, paused: bool) -> None:
        """While the safety state is active, suggest no walking: no goal, target or dose."""
        if paused:
            self.advice_label.setText(texts.WEEK_PAUSED)
            self.target_label.hide()
        self.dose_label.setVisible(not paused)
        self.goal_note_label.setVisible(not paused)

    def show_cadence_target(self, spm: int | None) -> None:
        """This week's cadence target from the plan, or nothing without a plan."""
        self.target_label.setText(texts.CADENCE_TARGET.format(spm=spm) if spm else "")
        self.target_label.setVisible(spm is not None)

    def show_week(self, step: DoseStep, progress: WeekProgress) -> None:
        """The week's minutes against its walking goal (coach.domain.dose), and why that goal."""
        goal = step.dose.weekly_minutes
        whole = whole_minutes(minutes_to_seconds(progress.minutes_done))
        self.minutes_label.setText(texts.WEEK_MINUTES.format(minutes=whole))
        self.goal_label.setText(texts.WEEK_GOAL.format(goal=goal))
        self.progress.setRange(0, goal)
        self.progress.setValue(min(whole, goal))
        self.progress.setAccessibleDescription(f"{whole} of {goal} minutes")
        if progress.minutes_done <= 0:
            advice = texts.WEEK_EMPTY
        elif whole >= goal:
            advice = texts.WEEK_REACHED
        else:
            advice = texts.WEEK_TO_GO.format(left=goal - whole)
        self.advice_label.setText(advice)
        self.dose_label.setText(
            texts.DOSE_PROGRESS.format(
                walks=progress.walks_done,
                walks_goal=step.dose.walks_per_week,
                per_walk=step.dose.minutes_per_walk,
            )
        )
        why = texts.WEEK_GOAL_WHY[step.decision.value]
        self.goal_note_label.setText(f"{texts.WEEK_GOAL_GROWTH} {why}")


class PainCard(Card):
    """The latest pain ratings, newest first, or what to do when there are none."""

    def __init__(self) -> None:
        super().__init__(texts.PAIN_TITLE)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(20)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(2, 1)
        self.body.addLayout(self.grid)
        self.empty_label = styled_label(texts.PAIN_EMPTY)
        self.body.addWidget(self.empty_label)
        self.row_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        self.note_button = QPushButton(log_texts.NOTE_PAIN_BUTTON)
        self.note_button.setAccessibleName(log_texts.NOTE_PAIN_BUTTON)
        self.note_button.setAccessibleDescription(log_texts.NOTE_PAIN_HELP)
        # Beside the title, so it is in view on a small screen without scrolling.
        self.body.removeWidget(self.title_label)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.body.insertLayout(0, header)

    def show_entries(self, entries: list[PainEntry]) -> None:
        """Replace the rows with these entries (newest first)."""
        for labels in self.row_labels:
            for label in labels:
                self.grid.removeWidget(label)
                label.hide()  # deleteLater waits for the event loop; do not paint meanwhile
                label.deleteLater()
        self.row_labels = []
        for row, entry in enumerate(entries):
            when, value, details = describe_pain(entry)
            labels = (
                styled_label(when, wrap=False),
                styled_label(value, "subheading", wrap=False),
                styled_label(details, "muted"),
            )
            labels[1].setAccessibleName(f"Pain {value} on {when}")
            for column, label in enumerate(labels):
                self.grid.addWidget(label, row, column)
            self.row_labels.append(labels)
        self.empty_label.setVisible(not entries)


class LearnCard(Card):
    """A short pointer to the Learn screen, with a button that opens it."""

    def __init__(self) -> None:
        super().__init__(learn_texts.TODAY_LINK_TITLE)
        self.body.addWidget(styled_label(learn_texts.TODAY_LINK_TEXT))
        self.open_button = QPushButton(learn_texts.TODAY_LINK_BUTTON)
        self.open_button.setAccessibleName(learn_texts.TODAY_LINK_BUTTON)
        self.open_button.setAccessibleDescription(learn_texts.TODAY_LINK_TEXT)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)


class TodayScreen(QScrollArea):
    """The first screen: greeting, this week's walking and the latest pain ratings."""

    open_screen = Signal(str)  # the key of a screen to show, e.g. "learn"

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.greeting_label = styled_label(role="heading")
        self.date_label = styled_label(role="muted")
        self.week_card = WeekCard()
        self.pain_card = PainCard()
        self.pain_log_opener: Callable[[AppServices, QWidget], PainEntry | None] = open_pain_log
        """Opens the quick pain log from "Note my pain"; tests replace it."""
        self.pain_card.note_button.clicked.connect(self._on_note_pain_clicked)
        if not services.can_save():
            self.pain_card.note_button.setEnabled(False)
            self.pain_card.note_button.setToolTip(READ_ONLY_REFUSAL)
        self.learn_card = LearnCard()
        self.learn_card.open_button.clicked.connect(lambda: self.open_screen.emit("learn"))
        self.safety_label = styled_label(texts.SAFETY_NOTE, "muted")
        self.safety_notice = SafetyNotice(services)
        self.morning_check = MorningCheck(services)
        self.checkin_card = CheckinCard(services)
        self._lay_out()
        services.preferences.preferences_changed.connect(self._on_preferences_changed)
        kinds = (Change.PAIN, Change.WALKS, Change.PLANS, Change.SAFETY, Change.CHECKINS)
        refresh_on(services.data_changes, kinds, self, self.refresh)
        self.refresh()

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(18)
        column.addWidget(self.greeting_label)
        column.addWidget(self.date_label)
        column.addSpacing(4)
        column.addWidget(self.safety_notice)
        column.addWidget(self.morning_check)
        column.addWidget(self.week_card)
        column.addWidget(self.checkin_card)  # below the week: an invitation, not the headline
        column.addWidget(self.pain_card)
        column.addWidget(self.learn_card)
        column.addWidget(self.safety_label)
        column.addStretch(1)
        content = QWidget()
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        content.setLayout(column)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(content, 1)
        holder_layout.addStretch(0)
        self.setWidget(holder)

    def refresh(self) -> None:
        """Reload the greeting, the week's minutes and the pain ratings from the store."""
        now: datetime = self.services.clock.now()
        self.greeting_label.setText(greeting_for(now.hour))
        self.date_label.setText(texts.DATE_FORMAT.format(now=now))
        self.week_card.show_week(*current_dose(self.services))
        self.week_card.show_cadence_target(self.services.plan_target())
        self.week_card.show_paused(self.safety_notice.refresh().active)
        self.morning_check.refresh()
        self.checkin_card.refresh()
        self.pain_card.show_entries(self.services.pain.latest(PAIN_ROWS))

    def _on_preferences_changed(self, _preferences: Preferences) -> None:
        self.refresh()

    def _on_note_pain_clicked(self) -> None:
        self.pain_log_opener(self.services, self)  # a saved rating refreshes (refresh_on)
