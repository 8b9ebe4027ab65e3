"""The Stretches screen: choose a routine, follow it hands-free, or shape your own.

Routines come from assets/routines (never changed) and the data folder's routines/ (the
person's own, 0600). Editing a default edits a copy; a delete can be undone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.plan_files.loading import PlanFileError, load_default_routines
from coach.domain.routines import Exercise, Routine, editable, editable_copy
from coach.services import user_files
from coach.services.changes import Change
from coach.ui.data_changes import refresh_on
from coach.ui.safety.gate import WalkQuestion, ask_before_walking, may_start_walk
from coach.ui.safety.notice import SafetyNotice
from coach.ui.services import AppServices
from coach.ui.stretches import texts
from coach.ui.stretches.editor import RoutineEditor
from coach.ui.stretches.player import RoutinePlayerView
from coach.ui.stretches.routine_list import RoutineList
from coach.ui.widgets.column_scroll import column_scroll

NEW_ROUTINE_ID = "my-routine"


def exercise_library(routines: list[Routine]) -> list[Exercise]:
    """Every exercise of the given routines once, by name, in order of appearance."""
    seen: dict[str, Exercise] = {}
    for routine in routines:
        for exercise in routine.exercises:
            seen.setdefault(exercise.name, exercise)
    return list(seen.values())


def unique_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 ... whichever is free."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class StretchesScreen(QWidget):
    """The list, the player and the editor, one at a time."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.defaults = load_default_routines()
        self.user: dict[str, Routine] = {}
        self._undo: tuple[str, str, str] | None = None  # id, file text, name
        self._editing_copy = False
        self.routine_list = RoutineList()
        self.player_view = RoutinePlayerView(services)
        self.editor = RoutineEditor(exercise_library(list(self.defaults.values())))
        self.stack = QStackedWidget()
        for page in (self.routine_list, self.player_view, self.editor):
            self.stack.addWidget(page)
        # The warm-up routine includes an easy walk, so it asks first while the plan is paused.
        self.safety_notice = SafetyNotice(services)
        refresh_on(services.data_changes, (Change.SAFETY,), self, self.refresh)
        self.ask_before_walking: WalkQuestion = ask_before_walking
        """Asks before a routine while the plan is paused; tests answer it instead."""
        # A scroll area, so the notice never squeezes the list of routines on a small screen.
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(self.safety_notice)
        layout.addWidget(self.stack, 1)
        scroll = column_scroll(inner, texts.TITLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Shown above the list only: the player and the editor need the whole height.
        self.stack.currentChanged.connect(lambda _i: self.refresh())
        self._connect()
        self.reload()
        self.refresh()

    def _connect(self) -> None:
        buttons = self.routine_list.buttons
        buttons["start"].clicked.connect(self.start_selected)
        buttons["edit"].clicked.connect(self.edit_selected)
        buttons["duplicate"].clicked.connect(self.duplicate_selected)
        buttons["new"].clicked.connect(self.new_routine)
        buttons["delete"].clicked.connect(self.delete_selected)
        buttons["import"].clicked.connect(self._on_import_clicked)
        buttons["export"].clicked.connect(self._on_export_clicked)
        self.routine_list.undo_requested.connect(self.undo_delete)
        self.routine_list.list.itemActivated.connect(lambda _item: self.start_selected())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (("Delete", self.delete_selected), ("Ctrl+Z", self.undo_delete)):
            QShortcut(QKeySequence(key), self.routine_list, context=context).activated.connect(slot)
        self.player_view.stopped.connect(self.show_list)
        self.player_view.finished.connect(self._on_finished)
        self.editor.save_requested.connect(self.save_edited)
        self.editor.preview_requested.connect(self.play)
        self.editor.closed.connect(self.show_list)

    # --- routines ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the safety notice as the state is now, above the list of routines."""
        self.safety_notice.refresh()
        if self.stack.currentWidget() is not self.routine_list:
            self.safety_notice.hide()

    def reload(self, select: str = "") -> None:
        """Read the user's routine files again and list everything."""
        self.user, problems = user_files.load_user_routines()
        routines = [*self.defaults.values(), *self.user.values()]
        self.routine_list.show_routines(routines, select)
        if problems:
            lines = "\n".join(str(p) for p in problems)
            self.routine_list.say(f"{texts.SOME_FILES_BAD}\n{lines}")

    def routine(self, routine_id: str) -> Routine | None:
        """A default or user routine by id."""
        return self.user.get(routine_id) or self.defaults.get(routine_id)

    def taken_ids(self) -> set[str]:
        """Ids in use by defaults and the person's own routines."""
        return set(self.defaults) | set(self.user)

    def selected(self) -> Routine | None:
        """The routine chosen in the list."""
        return self.routine(self.routine_list.current_id())

    # --- actions -------------------------------------------------------------------------

    def start_selected(self) -> None:
        """Play the chosen routine."""
        routine = self.selected()
        if routine is not None:
            self.play(routine)

    def play(self, routine: Routine) -> None:
        """Show the player and start a routine (also the editor's preview)."""
        if not may_start_walk(self.services, self, self.ask_before_walking):
            return
        self.stack.setCurrentWidget(self.player_view)
        self.player_view.play_routine(routine)
        self.player_view.setFocus()

    def edit_selected(self) -> None:
        """Edit the chosen routine; a default is copied first."""
        routine = self.selected()
        if routine is None:
            return
        self._editing_copy = routine.is_default
        self.open_editor(editable(routine, self.taken_ids()))

    def open_editor(self, routine: Routine) -> None:
        """Show the editor on a user-owned routine."""
        self.editor.edit(routine, is_copy_of_default=self._editing_copy)
        self.stack.setCurrentWidget(self.editor)
        self.editor.name_edit.setFocus()

    def duplicate_selected(self) -> None:
        """Save a copy of the chosen routine and choose it."""
        routine = self.selected()
        if routine is not None:
            self._save_and_list(editable_copy(routine, self.taken_ids()))

    def new_routine(self) -> None:
        """A new routine with the app's first stretch in it, in the editor."""
        library = exercise_library(list(self.defaults.values()))
        new_id = unique_id(NEW_ROUTINE_ID, self.taken_ids())
        first = library[1:2] or library[:1]
        self._editing_copy = False
        self.open_editor(Routine(new_id, texts.NEW_NAME, texts.NEW_DESCRIPTION, tuple(first)))

    def save_edited(self, routine: Routine) -> None:
        """Write the editor's routine and go back to the list."""
        if self._save_and_list(routine):
            self._editing_copy = False

    def delete_selected(self) -> None:
        """Delete the chosen user routine; Undo brings it back."""
        routine = self.selected()
        if routine is None or routine.is_default:
            self.routine_list.say(texts.CANNOT_DELETE_DEFAULT if routine else "")
            return
        try:
            text = user_files.delete_routine(routine.id)
        except OSError as error:
            self.routine_list.say(texts.WRITE_FAILED.format(reason=error.strerror or error))
            return
        self._undo = (routine.id, text, routine.name)
        self.reload()
        self.routine_list.say(texts.DELETED.format(name=routine.name), undo=True)

    def undo_delete(self) -> None:
        """Bring back the routine deleted last."""
        if self._undo is None:
            return
        routine_id, text, name = self._undo
        self._undo = None
        user_files.restore_routine(routine_id, text)
        self.reload(routine_id)
        self.routine_list.say(texts.SAVED.format(name=name))

    def import_file(self, path: Path) -> Routine | None:
        """Add a routine from a file; a bad file is named with its field and problem."""
        try:
            routine = user_files.import_routine(path, self.taken_ids())
        except PlanFileError as error:
            self.routine_list.say(f"{texts.IMPORT_FAILED}\n{error}")
            return None
        except OSError as error:
            self.routine_list.say(texts.WRITE_FAILED.format(reason=error.strerror or error))
            return None
        self.reload(routine.id)
        self.routine_list.say(texts.IMPORTED.format(name=routine.name))
        return routine

    def export_file(self, path: Path) -> bool:
        """Write the chosen routine to a file the person picked."""
        routine = self.selected()
        if routine is None:
            return False
        try:
            user_files.export_routine(routine, path)
        except (OSError, PlanFileError) as error:
            self.routine_list.say(texts.WRITE_FAILED.format(reason=error))
            return False
        self.routine_list.say(texts.EXPORTED.format(path=path))
        return True

    def show_list(self) -> None:
        """Back to the list of routines."""
        self.stack.setCurrentWidget(self.routine_list)
        self.routine_list.list.setFocus()

    # --- helpers -------------------------------------------------------------------------

    def _save_and_list(self, routine: Routine) -> bool:
        try:
            user_files.save_routine(routine)
        except (OSError, PlanFileError, ValueError) as error:
            message = texts.WRITE_FAILED.format(reason=error)
            self.editor.show_problem(message)
            self.routine_list.say(message)
            return False
        self.reload(routine.id)
        self.routine_list.say(texts.SAVED.format(name=routine.name))
        self.show_list()
        return True

    def _on_finished(self) -> None:
        self.reload(self.routine_list.current_id())

    def _on_import_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, texts.IMPORT_CAPTION, "", texts.FILE_FILTER)
        if name:
            self.import_file(Path(name))

    def _on_export_clicked(self) -> None:
        routine = self.selected()
        if routine is None:
            return
        suggested = str(Path.home() / f"{routine.id}.json")
        name, _ = QFileDialog.getSaveFileName(
            self, texts.EXPORT_CAPTION, suggested, texts.FILE_FILTER
        )
        if name:
            self.export_file(Path(name))
