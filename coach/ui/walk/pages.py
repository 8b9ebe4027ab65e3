"""The pages around the player: choose a plan, rate pain before and after, and the end."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.dose import WeeklyDose
from coach.domain.pain_monitoring import rose_too_far
from coach.domain.plans import SessionPlan
from coach.domain.safety.urgency import PAUSED_LINE, Urgency, words_for
from coach.domain.session import SessionResult
from coach.domain.walks import duration_words
from coach.ui.walk import texts
from coach.ui.widgets.card import Card, styled_label
from coach.ui.widgets.column_scroll import column_scroll
from coach.ui.widgets.pain_scale import PainScale

PLAN_ROW_PX = 40


def _page(*cards: QWidget) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setContentsMargins(36, 24, 36, 24)
    column.setSpacing(16)
    for card in cards:
        column.addWidget(card)
    column.addStretch(1)
    return column


class ChoosePage(QWidget):
    """The plans on offer, the suggested one chosen, and the cadence the main walk uses."""

    chosen = Signal(object)  # the SessionPlan to walk

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = Card(texts.CHOOSE_TITLE)
        self.suggestion_label = styled_label()
        self.cadence_label = styled_label(role="muted")
        self.plan_list = QListWidget()
        self.plan_list.setAccessibleName(texts.CHOOSE_TITLE)
        self.plan_list.setMinimumHeight(150)
        self.plan_list.itemActivated.connect(lambda _item: self._on_start_clicked())
        self.problems_label = styled_label(role="muted")
        self.start_button = QPushButton(texts.START_BUTTON)
        self.start_button.setAccessibleName(self.start_button.text())
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start_clicked)
        for widget in (self.suggestion_label, self.cadence_label, self.plan_list):
            self.card.body.addWidget(widget)
        self.card.body.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.card.body.addWidget(self.problems_label)
        # Scrolls rather than squeezing the list when the safety notice shows on a small screen.
        self._column = _page(self.card)
        inner = QWidget()
        inner.setLayout(self._column)
        scroll = column_scroll(inner, texts.CHOOSE_TITLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_plans(
        self,
        plans: tuple[SessionPlan, ...],
        suggested: SessionPlan | None,
        dose: WeeklyDose,
        problems: tuple[str, ...],
    ) -> None:
        """List the plans with the suggested one marked and selected."""
        self.plan_list.clear()
        for plan in plans:
            row = texts.PLAN_ROW.format(name=plan.name, minutes=round(plan.walking_seconds / 60))
            if suggested is not None and plan.id == suggested.id:
                row += texts.PLAN_SUGGESTED_MARK
            elif not plan.is_default:
                row += texts.PLAN_YOURS_MARK
            item = QListWidgetItem(row)
            item.setData(Qt.ItemDataRole.UserRole, plan)
            item.setSizeHint(QSize(0, PLAN_ROW_PX))  # a large target for a stiff, tired hand
            self.plan_list.addItem(item)
            if suggested is not None and plan.id == suggested.id:
                self.plan_list.setCurrentItem(item)
        if self.plan_list.currentRow() < 0 and plans:
            self.plan_list.setCurrentRow(0)
        name = suggested.name if suggested else ""
        self.suggestion_label.setText(
            texts.CHOOSE_SUGGESTED.format(
                plan=name,
                walks=dose.walks_per_week,
                per_walk=dose.minutes_per_walk,
                goal=dose.weekly_minutes,
            )
            if suggested
            else texts.NO_PLANS
        )
        self.start_button.setEnabled(bool(plans))
        listed = "\n".join(problems)
        self.problems_label.setText(texts.PLAN_PROBLEMS.format(problems=listed) if problems else "")
        self.problems_label.setVisible(bool(problems))

    def add_notice(self, notice: QWidget) -> None:
        """Put the safety notice above the plans."""
        self._column.insertWidget(0, notice)

    def show_paused(self, paused: bool) -> None:
        """While the safety state is active, suggest no walk (the notice above says why)."""
        if paused:
            self.suggestion_label.setText(texts.CHOOSE_PAUSED)

    def show_cadence(self, spm: int, from_plan: bool) -> None:
        """Say which cadence the main walk follows, and where it comes from."""
        text = texts.CHOOSE_CADENCE_PLAN if from_plan else texts.CHOOSE_CADENCE_DEFAULT
        self.cadence_label.setText(text.format(spm=spm))

    def selected_plan(self) -> SessionPlan | None:
        """The plan highlighted in the list."""
        item = self.plan_list.currentItem()
        plan = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return plan if isinstance(plan, SessionPlan) else None

    def _on_start_clicked(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self.chosen.emit(plan)


class PainPage(QWidget):
    """Pain 0-10 with an optional note (and, after the walk, the leg question)."""

    done = Signal()  # the person answered or skipped; read pain(), note(), legs()
    back = Signal()

    def __init__(self, after: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.after = after
        self.card = Card(texts.AFTER_TITLE if after else texts.BEFORE_TITLE)
        self.card.body.addWidget(styled_label(texts.AFTER_HELP if after else texts.BEFORE_HELP))
        self.scale = PainScale()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(texts.NOTE_PLACEHOLDER)
        self.note_edit.setAccessibleName(texts.NOTE_PLACEHOLDER)
        self.note_edit.setMaxLength(500)
        self.legs_box = QCheckBox(texts.LEG_SYMPTOMS)
        self.legs_box.setVisible(after)
        self.go_button = QPushButton(texts.SAVE_BUTTON if after else texts.BEGIN_BUTTON)
        self.go_button.setAccessibleName(self.go_button.text())
        self.go_button.setDefault(True)
        self.skip_button = QPushButton(texts.SKIP_SAVE_BUTTON if after else texts.SKIP_BUTTON)
        self.skip_button.setAccessibleName(self.skip_button.text())
        self.back_button = QPushButton(texts.BACK_BUTTON)
        self.back_button.setAccessibleName(self.back_button.text())
        self.back_button.setVisible(not after)
        self.go_button.clicked.connect(self.done.emit)
        self.skip_button.clicked.connect(self._on_skip_clicked)
        self.back_button.clicked.connect(self.back.emit)
        for widget in (self.scale, self.note_edit, self.legs_box):
            self.card.body.addWidget(widget)
        row = QHBoxLayout()
        for button in (self.go_button, self.skip_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        self.card.body.addLayout(row)
        self.setLayout(_page(self.card))

    def reset(self) -> None:
        """Clear the answers for a new walk."""
        self.scale.set_value(None)
        self.note_edit.clear()
        self.legs_box.setChecked(False)

    def pain(self) -> int | None:
        """The rating chosen, or None."""
        return self.scale.value()

    def note(self) -> str:
        """The note typed, trimmed."""
        return self.note_edit.text().strip()

    def legs(self) -> bool:
        """Whether new leg symptoms were reported."""
        return self.after and self.legs_box.isChecked()

    def _on_skip_clicked(self) -> None:
        self.scale.set_value(None)
        self.note_edit.clear()
        self.done.emit()


class EndPage(QWidget):
    """Minutes, cadence, pain before and after; the hold advice when it applies; what is next."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = Card(texts.END_TITLE)
        self.minutes_label = styled_label(role="big-number", wrap=False)
        self.cadence_label = styled_label(role="subheading")
        self.pain_label = styled_label(role="subheading")
        self.hold_label = styled_label()
        self.hold_label.setObjectName("notice_text")  # the theme's calm warning colours
        self.hold_frame = QFrame()
        self.hold_frame.setObjectName("notice_bar")
        frame_layout = QVBoxLayout(self.hold_frame)
        frame_layout.setContentsMargins(16, 12, 16, 12)
        frame_layout.addWidget(self.hold_label)
        self.next_label = styled_label()
        self.done_button = QPushButton(texts.DONE_BUTTON)
        self.done_button.setAccessibleName(self.done_button.text())
        self.done_button.clicked.connect(self.finished.emit)
        for widget in (
            self.minutes_label,
            self.cadence_label,
            self.pain_label,
            self.hold_frame,
            self.next_label,
        ):
            self.card.body.addWidget(widget)
        self.card.body.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setLayout(_page(self.card))

    def show_result(
        self, result: SessionResult, next_plan: SessionPlan | None, save_problem: str = ""
    ) -> None:
        """Fill in the walk just done."""
        summary = result.summary
        stopped = not summary.completed
        self.card.title_label.setText(texts.END_TITLE_STOPPED if stopped else texts.END_TITLE)
        if save_problem:
            self.card.title_label.setText(texts.END_NOT_SAVED.format(reason=save_problem))
        self.minutes_label.setText(
            texts.END_MINUTES.format(duration=duration_words(summary.walked_s))
        )
        spm = summary.main_cadence_spm
        self.cadence_label.setText(texts.END_CADENCE.format(spm=round(spm)) if spm else "")

        def rated(value: int | None) -> str:
            return texts.END_PAIN_UNRATED if value is None else f"{value}/10"

        self.pain_label.setText(
            texts.END_PAIN.format(before=rated(result.pain_before), after=rated(result.pain_after))
        )
        self.hold_label.setText(hold_text(result))
        self.hold_frame.setVisible(result.holds)
        self.next_label.setText(next_text(result, next_plan))


def hold_text(result: SessionResult) -> str:
    """The pain-monitoring rule as it applies to this walk; leg symptoms get the doctor advice."""
    if result.new_leg_symptoms:
        words = words_for(Urgency.PROMPTLY)  # the one table: the same words as Today's note
        return " ".join((texts.END_HOLD_LEGS, words.action, PAUSED_LINE))
    if rose_too_far(result.pain_before, result.pain_after):
        return " ".join(
            (texts.END_HOLD_PAIN.format(after=result.pain_after), texts.END_HOLD_ADVICE)
        )
    return ""


def next_text(result: SessionResult, next_plan: SessionPlan | None) -> str:
    """The next walk, following from the rule the same page states (nothing while paused)."""
    if next_plan is None or result.new_leg_symptoms:
        return ""
    if not result.holds:
        return " ".join((texts.END_RULE, texts.END_NEXT.format(plan=next_plan.name)))
    walked = result.summary.plan_id
    if next_plan.id != walked:
        return texts.END_NEXT_SHORTER.format(plan=next_plan.name)
    return texts.END_NEXT_SAME.format(plan=next_plan.name)
