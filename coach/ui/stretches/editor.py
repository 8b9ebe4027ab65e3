"""The routine editor: name, order and timings of a user's own routine.

Exercises come from the app's own (their texts and figures stay as written); the person
chooses which, in what order, and for how long. A default is never edited: the screen hands
this editor a copy made with editable().
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coach.domain.cadence_range import CADENCE_MAX, CADENCE_MIN
from coach.domain.routines import Exercise, ExerciseKind, Routine, Sides
from coach.ui.stretches import texts
from coach.ui.widgets.card import Card, styled_label

# Ranges match the routine schema (docs/plans-and-routines.md), so a save never fails on them.
SPIN_RANGES: dict[str, tuple[int, int]] = {
    "hold_seconds": (5, 300),
    "reps": (1, 50),
    "sets": (1, 10),
    "prep_seconds": (0, 120),
    "rest_seconds": (0, 300),
    "duration_seconds": (1, 10800),
    "cadence_spm": (CADENCE_MIN, CADENCE_MAX),
}
SPIN_LABELS = {
    "hold_seconds": texts.HOLD_SECONDS,
    "reps": texts.REPS_COUNT,
    "sets": texts.SETS,
    "prep_seconds": texts.PREP,
    "rest_seconds": texts.REST,
    "duration_seconds": texts.WALK_SECONDS,
    "cadence_spm": texts.CADENCE,
}
WALK_ONLY = ("duration_seconds", "cadence_spm")
STRETCH_ONLY = ("hold_seconds", "reps", "sets")


class RoutineEditor(QWidget):
    """Edits one routine in memory; save_requested hands back the result to be written."""

    save_requested = Signal(object)  # the Routine as edited
    preview_requested = Signal(object)  # the Routine as edited, to play now
    closed = Signal()

    def __init__(self, library: list[Exercise], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._routine: Routine | None = None
        self._exercises: list[Exercise] = []
        self._loading = False
        self.heading = styled_label(texts.EDITOR_TITLE, "heading")
        self.copy_note = styled_label(texts.COPY_NOTE, "muted")
        self.problem = styled_label("")
        self.problem.setObjectName("notice_text")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(80)
        self.description_edit = QLineEdit()
        self.description_edit.setMaxLength(500)
        self.exercise_list = QListWidget()
        self.exercise_list.setAccessibleName(texts.EXERCISES)
        self.add_choice = QComboBox()
        self.add_choice.addItems([e.name for e in library])
        self.sides = QComboBox()
        self.sides.addItems([texts.SIDES_NONE, texts.SIDES_BOTH])
        self.mode = QComboBox()
        self.mode.addItems([texts.HOLD, texts.REPS])
        self.spins = {key: _spin(*limits) for key, limits in SPIN_RANGES.items()}
        self.form = QFormLayout()
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        self._name_controls()
        names = QFormLayout()
        names.addRow(texts.NAME, self.name_edit)
        names.addRow(texts.DESCRIPTION, self.description_edit)
        self.form.addRow(texts.SIDES, self.sides)
        self.form.addRow(texts.HOLD_OR_REPS, self.mode)
        for key, spin in self.spins.items():
            self.form.addRow(SPIN_LABELS[key], spin)
        self.exercise_card = Card("")
        self.exercise_card.body.addLayout(self.form)
        self.exercise_card.body.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(self._order_column(), 1)
        columns.addWidget(self.exercise_card, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.copy_note):
            outer.addWidget(widget)
        outer.addLayout(names)
        outer.addLayout(columns, 1)
        outer.addWidget(self.problem)
        outer.addLayout(self._button_row())
        for button in self.findChildren(QPushButton):
            button.setAccessibleName(button.text())

    def _name_controls(self) -> None:
        named = {
            self.name_edit: texts.NAME,
            self.description_edit: texts.DESCRIPTION,
            self.add_choice: texts.ADD_EXERCISE,
            self.sides: texts.SIDES,
            self.mode: texts.HOLD_OR_REPS,
        }
        named.update({spin: SPIN_LABELS[key] for key, spin in self.spins.items()})
        for widget, name in named.items():
            widget.setAccessibleName(name)

    def _order_column(self) -> QVBoxLayout:
        """The exercise list with its move, remove and add buttons."""
        order = QVBoxLayout()
        order.addWidget(styled_label(texts.EXERCISES, "muted"))
        order.addWidget(self.exercise_list, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(texts.MOVE_UP)
        self.down_button = QPushButton(texts.MOVE_DOWN)
        self.remove_button = QPushButton(texts.REMOVE_EXERCISE)
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        order.addLayout(moves)
        adding = QHBoxLayout()
        self.add_button = QPushButton(texts.ADD_EXERCISE)
        adding.addWidget(self.add_choice, 1)
        adding.addWidget(self.add_button)
        order.addLayout(adding)
        return order

    def _button_row(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.save_button = QPushButton(texts.SAVE)
        self.preview_button = QPushButton(texts.PREVIEW)
        self.cancel_button = QPushButton(texts.CANCEL)
        buttons.addStretch(1)
        for button in (self.cancel_button, self.preview_button, self.save_button):
            buttons.addWidget(button)
        return buttons

    def _connect(self) -> None:
        self.exercise_list.currentRowChanged.connect(self._show_exercise)
        self.up_button.clicked.connect(lambda: self.move_exercise(-1))
        self.down_button.clicked.connect(lambda: self.move_exercise(1))
        self.remove_button.clicked.connect(self.remove_exercise)
        self.add_button.clicked.connect(lambda: self.add_exercise(self.add_choice.currentIndex()))
        self.sides.currentIndexChanged.connect(self._on_field_changed)
        self.mode.currentIndexChanged.connect(self._on_field_changed)
        for spin in self.spins.values():
            spin.valueChanged.connect(self._on_field_changed)
        self.save_button.clicked.connect(self._on_save)
        self.preview_button.clicked.connect(self._on_preview)
        self.cancel_button.clicked.connect(self.closed.emit)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, change in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(key), self, context=context)
            shortcut.activated.connect(lambda change=change: self.move_exercise(change))

    # --- the routine ---------------------------------------------------------------------

    def edit(self, routine: Routine, *, is_copy_of_default: bool = False) -> None:
        """Start editing a user routine (a default must be copied first)."""
        self._routine = routine
        self._exercises = list(routine.exercises)
        self.copy_note.setVisible(is_copy_of_default)
        self.problem.setText("")
        self.name_edit.setText(routine.name)
        self.description_edit.setText(routine.description)
        self._refill_list(0)

    def routine(self) -> Routine:
        """The routine as edited now (not saved)."""
        assert self._routine is not None
        return replace(
            self._routine,
            name=self.name_edit.text().strip(),
            description=self.description_edit.text().strip(),
            exercises=tuple(self._exercises),
            is_default=False,
        )

    @property
    def exercises(self) -> list[Exercise]:
        """The exercises in their current order."""
        return list(self._exercises)

    def move_exercise(self, change: int) -> None:
        """Move the selected exercise up (-1) or down (+1)."""
        row = self.exercise_list.currentRow()
        target = row + change
        if row < 0 or not 0 <= target < len(self._exercises):
            return
        items = self._exercises
        items[row], items[target] = items[target], items[row]
        self._refill_list(target)

    def add_exercise(self, library_index: int) -> None:
        """Add an exercise from the app's own, after the selected one."""
        if not 0 <= library_index < len(self._library):
            return
        at = self.exercise_list.currentRow() + 1 if self._exercises else 0
        self._exercises.insert(at, self._library[library_index])
        self._refill_list(at)

    def remove_exercise(self) -> None:
        """Take the selected exercise out of the routine."""
        row = self.exercise_list.currentRow()
        if 0 <= row < len(self._exercises):
            del self._exercises[row]
            self._refill_list(min(row, len(self._exercises) - 1))

    def select_exercise(self, row: int) -> None:
        """Select an exercise to change its timings."""
        self.exercise_list.setCurrentRow(row)

    def set_value(self, key: str, value: int) -> None:
        """Set one timing of the selected exercise (hold_seconds, reps, sets, ...)."""
        self.spins[key].setValue(value)

    def set_sides(self, both: bool) -> None:
        """Once, or left then right, for the selected stretch."""
        self.sides.setCurrentIndex(1 if both else 0)

    def set_uses_reps(self, reps: bool) -> None:
        """Repetitions instead of a hold for the selected stretch."""
        self.mode.setCurrentIndex(1 if reps else 0)

    # --- internals -----------------------------------------------------------------------

    def _refill_list(self, select: int) -> None:
        self.exercise_list.clear()
        self.exercise_list.addItems([f"{n}. {e.name}" for n, e in enumerate(self._exercises, 1)])
        self.exercise_list.setCurrentRow(select)
        self._show_exercise(self.exercise_list.currentRow())

    def _show_exercise(self, row: int) -> None:
        valid = 0 <= row < len(self._exercises)
        self.exercise_card.setEnabled(valid)
        if not valid:
            return
        exercise = self._exercises[row]
        walk = exercise.kind is ExerciseKind.WALK
        self._loading = True
        self.exercise_card.title_label.setText(exercise.name)
        self.sides.setCurrentIndex(1 if exercise.sides is Sides.LEFT_RIGHT else 0)
        self.mode.setCurrentIndex(0 if exercise.hold_seconds is not None else 1)
        for key, spin in self.spins.items():
            value = getattr(exercise, key)
            spin.setValue(value if value is not None else _fallback(key))
            self.form.setRowVisible(spin, _row_shown(key, walk))
        self.form.setRowVisible(self.sides, not walk)
        self.form.setRowVisible(self.mode, not walk)
        self._show_mode(exercise)
        self._loading = False

    def _show_mode(self, exercise: Exercise) -> None:
        if exercise.kind is ExerciseKind.WALK:
            return
        reps = exercise.hold_seconds is None
        self.form.setRowVisible(self.spins["hold_seconds"], not reps)
        self.form.setRowVisible(self.spins["reps"], reps)

    def _on_field_changed(self) -> None:
        row = self.exercise_list.currentRow()
        if self._loading or not 0 <= row < len(self._exercises):
            return
        exercise = self._exercises[row]
        values = {key: spin.value() for key, spin in self.spins.items()}
        if exercise.kind is ExerciseKind.WALK:
            changed = replace(
                exercise,
                duration_seconds=values["duration_seconds"],
                cadence_spm=values["cadence_spm"],
                prep_seconds=values["prep_seconds"],
                rest_seconds=values["rest_seconds"],
            )
        else:
            reps = self.mode.currentIndex() == 1
            changed = replace(
                exercise,
                sides=Sides.LEFT_RIGHT if self.sides.currentIndex() == 1 else Sides.NONE,
                hold_seconds=None if reps else values["hold_seconds"],
                reps=values["reps"] if reps else None,
                sets=values["sets"],
                prep_seconds=values["prep_seconds"],
                rest_seconds=values["rest_seconds"],
            )
        self._exercises[row] = changed
        self._show_mode(changed)

    def _checked(self) -> Routine | None:
        routine = self.routine()
        if not routine.name:
            self.problem.setText(texts.NEEDS_NAME)
            return None
        if not routine.exercises:
            self.problem.setText(texts.NEEDS_EXERCISE)
            return None
        self.problem.setText("")
        return routine

    def _on_save(self) -> None:
        routine = self._checked()
        if routine is not None:
            self.save_requested.emit(routine)

    def _on_preview(self) -> None:
        routine = self._checked()
        if routine is not None:
            self.preview_requested.emit(routine)

    def show_problem(self, text: str) -> None:
        """Say what stopped a save, under the form."""
        self.problem.setText(text)


def _row_shown(key: str, walk: bool) -> bool:
    """Walks show their length and cadence, stretches their hold, reps and sets."""
    if key in WALK_ONLY:
        return walk
    if key in STRETCH_ONLY:
        return not walk
    return True


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setAccelerated(True)
    return spin


def _fallback(key: str) -> int:
    """A sensible starting value when the exercise has none (e.g. reps for a held stretch)."""
    return {"hold_seconds": 20, "reps": 6, "duration_seconds": 180, "cadence_spm": 90}.get(key, 0)
