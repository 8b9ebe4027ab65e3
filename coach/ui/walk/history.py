"""Past guided walks, and a small editor to make your own plan."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coach.domain.pain import PainEntry
from coach.domain.plan_files.loading import PlanFileError
from coach.domain.plans import Cadence, CadenceError, Phase, PhaseKind, SessionPlan
from coach.domain.walks import WalkRecord, duration_words
from coach.services.user_files import save_user_plan
from coach.ui.walk import texts
from coach.ui.widgets.card import Card, styled_label

HistoryRow = tuple[WalkRecord, PainEntry | None, PainEntry | None]
STRETCH_ROUTINE = "warm-up"
"""The app's warm-up routine, which a plan made here starts with when asked."""
MAX_MINUTES = 180


class HistoryView(QWidget):
    """A table of past guided walks: date, plan, minutes, cadence, pain before and after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(texts.HISTORY_HEADERS))
        self.table.setHorizontalHeaderLabels(list(texts.HISTORY_HEADERS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(texts.TAB_HISTORY)
        self.empty_label = styled_label(texts.HISTORY_EMPTY, "muted")
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 24, 36, 24)
        column.addWidget(self.empty_label)
        column.addWidget(self.table, 1)

    def show_rows(self, rows: list[HistoryRow]) -> None:
        """Replace the rows (newest first)."""
        self.table.setRowCount(len(rows))
        for row, (walk, before, after) in enumerate(rows):
            at = walk.started_at.astimezone()
            cadence = texts.NO_VALUE if walk.cadence_spm is None else str(round(walk.cadence_spm))
            cells = (
                texts.HISTORY_DATE.format(at=at),
                walk.plan_name,
                duration_words(walk.duration_s),
                cadence,
                texts.NO_VALUE if before is None else str(before.pain),
                texts.NO_VALUE if after is None else str(after.pain),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def cell(self, row: int, column: int) -> str:
        """The text of one cell (for tests and screen readers)."""
        item = self.table.item(row, column)
        return "" if item is None else item.text()


_PARTS = (
    (PhaseKind.WARM_UP, "Warm-up", "5", "target-15", "target"),
    (PhaseKind.MAIN, "Main walk", "15", "target", "target"),
    (PhaseKind.COOL_DOWN, "Cool-down", "3", "target", "target-15"),
)


def plan_id_for(name: str) -> str:
    """A file-safe id for a plan name: my-<lower-case words joined by dashes>."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50]
    return f"my-{slug or 'plan'}"


def _cadence(text: str) -> Cadence:
    value = text.strip()
    return Cadence.parse(int(value) if value.isdigit() else value)


def part_problems(error: PlanFileError, plan: SessionPlan) -> str:
    """The schema's problems in the editor's words: the part's name, then the reason."""
    lines = []
    for problem in error.problems:
        found = re.match(r"phases\[(\d+)\]", problem.field)
        index = int(found.group(1)) if found else -1
        part = plan.phases[index].name if 0 <= index < len(plan.phases) else plan.name
        lines.append(f"{part}: {problem.reason}")
    return "\n".join(lines) or str(error)


class PlanEditor(Card):
    """Minutes and cadence (steady or from-to) for warm-up, main walk and cool-down."""

    plan_saved = Signal(object)  # the SessionPlan written to the plans folder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.EDITOR_TITLE, parent)
        self.body.addWidget(styled_label(texts.EDITOR_HELP, "muted"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(texts.EDITOR_NAME)
        self.name_edit.setPlaceholderText(texts.EDITOR_NAME)
        self.name_edit.setMaxLength(80)
        self.stretches_box = QCheckBox(texts.EDITOR_STRETCHES)
        self.stretches_box.setChecked(True)
        self.body.addWidget(self.name_edit)
        self.body.addWidget(self.stretches_box)
        grid = QGridLayout()
        self.fields: dict[PhaseKind, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}
        for row, (kind, title, minutes, start, end) in enumerate(_PARTS):
            edits = (self._edit(minutes), self._edit(start), self._edit(end))
            names = (texts.EDITOR_FIELD_MINUTES, texts.EDITOR_FIELD_FROM, texts.EDITOR_FIELD_TO)
            for edit, name in zip(edits, names, strict=True):
                edit.setAccessibleName(f"{title}: {name.format(part=title)}")
            grid.addWidget(styled_label(title, wrap=False), row, 0)
            for column, (edit, name) in enumerate(zip(edits, names, strict=True)):
                grid.addWidget(
                    styled_label(name.format(part="").strip(), "muted"), row, 1 + 2 * column
                )
                grid.addWidget(edit, row, 2 + 2 * column)
            self.fields[kind] = edits
        grid.setColumnStretch(7, 1)  # keep the fields together on a wide window
        self.body.addLayout(grid)
        self.save_button = QPushButton(texts.EDITOR_SAVE)
        self.save_button.setAccessibleName(self.save_button.text())
        self.save_button.clicked.connect(self.save)
        self.body.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message_label = styled_label()
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.message_label)

    def _edit(self, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setMaximumWidth(120)
        return edit

    def build_plan(self) -> SessionPlan:
        """The plan the fields describe; ValueError with a message naming the field."""
        name = self.name_edit.text().strip()
        if not name:
            raise ValueError(texts.EDITOR_BAD_NAME)
        phases: list[Phase] = []
        if self.stretches_box.isChecked():
            phases.append(
                Phase(PhaseKind.STRETCHES, "Warm-up stretches", routine_id=STRETCH_ROUTINE)
            )
        for kind, title, *_defaults in _PARTS:
            minutes_edit, start_edit, end_edit = self.fields[kind]
            raw = minutes_edit.text().strip()
            if not raw.isdigit() or not 1 <= int(raw) <= MAX_MINUTES:
                raise ValueError(texts.EDITOR_BAD_MINUTES.format(part=title, value=raw))
            try:
                start, end = _cadence(start_edit.text()), _cadence(end_edit.text())
            except CadenceError as error:
                raise ValueError(
                    texts.EDITOR_BAD_CADENCE.format(part=title, reason=error)
                ) from None
            phases.append(Phase(kind, title, int(raw) * 60, start, end))
        return SessionPlan(plan_id_for(name), name, "", tuple(phases))

    def save(self) -> SessionPlan | None:
        """Check and write the plan (mode 0600); a bad value gets a message and nothing is saved."""
        try:
            plan = self.build_plan()
        except ValueError as error:
            self.message_label.setText(str(error))
            return None
        try:
            save_user_plan(plan)
        except PlanFileError as error:
            self.message_label.setText(part_problems(error, plan))
            return None
        except OSError as error:
            self.message_label.setText(str(error))
            return None
        self.message_label.setText(texts.EDITOR_SAVED.format(name=plan.name))
        self.plan_saved.emit(plan)
        return plan


class PlansView(QWidget):
    """The plan editor on its own tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = PlanEditor()
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 24, 36, 24)
        column.addWidget(self.editor)
        column.addStretch(1)
