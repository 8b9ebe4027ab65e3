"""The list of routines on the Stretches screen: the app's and the person's own."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.routines import Routine, RoutineTimeline
from coach.ui.stretches import texts
from coach.ui.widgets.card import Card, styled_label


def minutes_text(routine: Routine) -> str:
    """About how long a routine takes, in whole minutes."""
    minutes = max(1, round(RoutineTimeline(routine).total_s / 60))
    return f"about {minutes} min"


class RoutineList(QWidget):
    """Routines to choose from, what the chosen one holds, and what to do with it."""

    selection_changed = Signal(str)  # routine id, "" when none
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routines: dict[str, Routine] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(texts.LIST_TITLE)
        self.list.setSpacing(3)
        self.details = styled_label("")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notice = QFrame()
        self.notice.setObjectName("notice_bar")
        self.notice_text = styled_label("")
        self.notice_text.setObjectName("notice_text")
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(texts.UNDO)
        self.buttons = {
            name: QPushButton(label)
            for name, label in (
                ("start", texts.START),
                ("edit", texts.EDIT),
                ("duplicate", texts.DUPLICATE),
                ("new", texts.NEW),
                ("delete", texts.DELETE),
                ("import", texts.IMPORT),
                ("export", texts.EXPORT),
            )
        }
        for button in (*self.buttons.values(), self.undo_button):
            button.setAccessibleName(button.text())
        self.buttons["start"].setToolTip(texts.START_TIP)
        self.buttons["start"].setMinimumHeight(44)
        self._lay_out()
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.undo_button.clicked.connect(self.undo_requested.emit)

    def _lay_out(self) -> None:
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(14, 10, 14, 10)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()
        chooser = Card(texts.LIST_TITLE)
        chooser.body.addWidget(self.list, 1)
        grid = QGridLayout()
        order = ("start", "edit", "duplicate", "new", "delete", "import", "export")
        for n, name in enumerate(order):
            grid.addWidget(self.buttons[name], n // 4, n % 4)
        chooser.body.addLayout(grid)
        about = Card("")
        about.body.addWidget(self.details, 1)
        self.about = about
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(chooser, 1)
        columns.addWidget(about, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(styled_label(texts.TITLE, "heading"))
        outer.addWidget(styled_label(texts.INTRO, "muted"))
        outer.addWidget(self.notice)
        outer.addLayout(columns, 1)

    def show_routines(self, routines: list[Routine], select: str = "") -> None:
        """List routines (defaults first), keeping `select` or the current one chosen."""
        keep = select or self.current_id()
        self._routines = {r.id: r for r in routines}
        self.list.clear()
        for routine in routines:
            row = texts.ROUTINE_ROW.format(name=routine.name, minutes=minutes_text(routine))
            text = texts.BUILT_IN.format(name=row) if routine.is_default else row
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            self.list.addItem(item)
        ids = [r.id for r in routines]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)

    def current_id(self) -> str:
        """The chosen routine's id, "" when the list is empty."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select(self, routine_id: str) -> None:
        """Choose a routine by id."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == routine_id:
                self.list.setCurrentRow(row)

    def say(self, text: str, *, undo: bool = False) -> None:
        """A calm line above the list ("" hides it), with Undo after a delete."""
        self.notice_text.setText(text)
        self.notice.setVisible(bool(text))
        self.undo_button.setVisible(undo)

    def _on_current_changed(self, current: QListWidgetItem | None, _old: object) -> None:
        routine_id = str(current.data(Qt.ItemDataRole.UserRole)) if current is not None else ""
        routine = self._routines.get(routine_id)
        if routine is None:
            self.about.title_label.setText("")
            self.details.setText("")
        else:
            self.about.title_label.setText(routine.name)
            names = "\n".join(f"{n}.  {e.name}" for n, e in enumerate(routine.exercises, 1))
            self.details.setText(f"{routine.description}\n\n{names}".strip())
        is_own = routine is not None and not routine.is_default
        self.buttons["delete"].setEnabled(is_own)
        self.buttons["edit"].setToolTip("" if is_own else texts.EDIT_DEFAULT_TIP)
        for name in ("start", "edit", "duplicate", "export"):
            self.buttons[name].setEnabled(routine is not None)
        self.selection_changed.emit(routine_id)
