"""Pain diary: log a rating in seconds, see and change past ratings, undo, and your data.

Layout: heading, safety advice when the diary calls for it (and the date a clinician last
checked, once the person has said so), an undo bar after each change;
then the logging form and 'Your data' on the left and the ratings by day on the right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from coach.domain.pain import PainEntry
from coach.domain.walks import WalkRecord
from coach.services.changes import Change
from coach.services.errors import StoreError
from coach.ui.data_changes import refresh_on
from coach.ui.diary import texts
from coach.ui.diary.data import DataCard
from coach.ui.diary.edit import EditEntryDialog
from coach.ui.diary.entry_list import PAGE_SIZE, EntryList
from coach.ui.diary.form import PainForm, save_button, shown_time
from coach.ui.safety.notice import SafetyNotice
from coach.ui.services import AppServices
from coach.ui.widgets.card import Card, styled_label
from coach.ui.widgets.notice_bar import NoticeBar
from coach.ui.widgets.reflow_row import ReflowRow

CONTENT_MAX_WIDTH = 1500


@dataclass(frozen=True)
class UndoStep:
    """How to take back one change: what to call, and what to say when it is done."""

    undo: Callable[[], object]
    done_text: str


class DiaryScreen(QScrollArea):
    """The Pain diary screen (sidebar key 'diary')."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.limit = PAGE_SIZE
        self.undo_steps: list[UndoStep] = []
        self.edit_dialog: EditEntryDialog | None = None
        self.setAccessibleName(texts.HEADING)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.safety_panel = SafetyNotice(services)
        self.cleared_label = styled_label(role="muted")
        """The person's latest "a clinician has checked this", with its date."""
        self.cleared_label.setAccessibleName(texts.CLEARED_NAME)
        self.cleared_label.hide()
        self.undo_bar = NoticeBar(texts.UNDO_BAR_NAME, texts.UNDO)
        assert self.undo_bar.action is not None
        self.undo_bar.action.setAccessibleName(texts.UNDO_NAME)
        self.undo_bar.action.clicked.connect(self.undo)
        self.form = PainForm()
        self.form.submitted.connect(self.save_new)
        self.save_button = save_button(texts.SAVE)
        self.save_button.clicked.connect(self.save_new)
        self.entry_list = EntryList()
        self.entry_list.edit_requested.connect(self.open_edit)
        self.entry_list.delete_requested.connect(self.delete)
        self.entry_list.show_older_requested.connect(self.show_older)
        self.data_card = DataCard(services)
        refresh_on(
            services.data_changes, (Change.PAIN, Change.WALKS, Change.SAFETY), self, self.refresh
        )
        self._lay_out()
        undo_key = QShortcut(QKeySequence.StandardKey.Undo, self)
        # Window-wide while this screen is shown; a text field with its own undo still wins.
        undo_key.setContext(Qt.ShortcutContext.WindowShortcut)
        undo_key.activated.connect(self.undo)
        self.form.clear(services.clock.now())
        self.refresh()

    def _log_card(self) -> Card:
        log_card = Card(texts.LOG_TITLE)
        log_card.body.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(styled_label(texts.SAVE_HINT, "muted", wrap=False))
        buttons.addStretch(1)
        log_card.body.addLayout(buttons)
        return log_card

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._log_card())
        left.addWidget(self.data_card)
        left.addStretch(1)
        left.setContentsMargins(0, 0, 0, 0)
        left_side = QWidget()
        left_side.setLayout(left)
        columns = ReflowRow(spacing=20)  # the list goes below the form on a narrow window
        # The form takes the width it wishes (the pain scale on one line) when there is room;
        # the list takes the rest, and both give way down to their minimum on a small window.
        columns.add(left_side, 0)
        columns.add(self.entry_list, 1, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(14)
        column.addWidget(styled_label(texts.HEADING, "heading"))
        column.addWidget(styled_label(texts.INTRO, "muted"))
        column.addWidget(self.safety_panel)
        column.addWidget(self.cleared_label)
        column.addWidget(self.undo_bar)
        column.addWidget(columns)
        column.addStretch(1)
        content = QWidget()
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        content.setLayout(column)
        outer = QWidget()
        row = QHBoxLayout(outer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(content)
        self.setWidget(outer)
        self.setFocusProxy(self.form.scale)
        self.setTabOrder(self.form.last_field(), self.save_button)

    def refresh(self) -> None:
        """Read the diary again: the list, the safety advice and a fresh 'now' in the form."""
        now = self.services.clock.now()
        self.form.follow_clock(now)
        try:
            entries = self.services.pain.latest(self.limit)
            total = self.services.pain.count()
            walks = self._walks_for(entries)
        except StoreError as error:
            self.undo_bar.show_message(str(error))
            return
        self.entry_list.show_entries(entries, walks, total, now)
        cleared = self.safety_panel.refresh().cleared_line()
        self.cleared_label.setText(cleared)
        self.cleared_label.setVisible(bool(cleared))
        self.save_button.setEnabled(self.services.can_save())
        if not self.services.can_save():
            self.form.show_message(texts.READ_ONLY)

    def _walks_for(self, entries: list[PainEntry]) -> dict[int, WalkRecord]:
        linked = [e for e in entries if e.walk_id is not None]
        if not linked:
            return {}
        start = min(e.at for e in linked) - timedelta(days=2)
        end = max(e.at for e in linked) + timedelta(days=1)
        return {w.id: w for w in self.services.walks.between(start, end) if w.id is not None}

    def save_new(self) -> None:
        """Save the form as a new rating, or say what to fix (e.g. a time still to come)."""
        if self._read_only():
            return
        now = self.services.clock.now()
        result = self.form.read(now)
        if isinstance(result, str):
            self.form.show_message(result)
            return
        try:
            saved = self.services.diary.add_pain(result)
        except (StoreError, ValueError) as error:
            self.form.show_message(texts.NOT_SAVED.format(problem=error))
            return
        assert saved.id is not None
        entry_id = saved.id
        self._push(UndoStep(lambda: self.services.diary.delete_pain(entry_id), texts.UNDONE_ADDED))
        at = shown_time(saved.at.astimezone())
        self._changed(texts.SAVED.format(pain=saved.pain, time=at))
        self.form.clear(now)
        self.form.show_message("")
        self.form.focus_scale()

    def open_edit(self, entry: PainEntry) -> EditEntryDialog:
        """Open the edit dialog for a rating; it saves (with undo) when accepted."""
        dialog = EditEntryDialog(entry, self.services.clock.now, self.window())
        dialog.accepted.connect(lambda: self._save_edit(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _save_edit(self, dialog: EditEntryDialog) -> None:
        new, old = dialog.result_entry, dialog.original
        if new is None or new == old or self._read_only():
            return
        try:
            self.services.diary.update_pain(new)
        except StoreError as error:
            self.undo_bar.show_message(texts.NOT_SAVED.format(problem=error))
            return
        self._push(UndoStep(lambda: self.services.diary.update_pain(old), texts.UNDONE_EDITED))
        self._changed(texts.DONE_EDITED)

    def delete(self, entry: PainEntry) -> None:
        """Delete a rating at once; the undo bar and Ctrl+Z bring it back with the same id."""
        if entry.id is None or self._read_only():
            return
        try:
            deleted = self.services.diary.delete_pain(entry.id)
        except StoreError as error:
            self.undo_bar.show_message(str(error))
            return
        self._push(
            UndoStep(lambda: self.services.diary.restore_pain(deleted), texts.UNDONE_DELETED)
        )
        self._changed(texts.DONE_DELETED)
        if self.undo_bar.action is not None:
            # The row and its buttons are gone; keep keyboard users next to the way back.
            self.undo_bar.action.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        """Take back the latest change that is not undone yet."""
        if not self.undo_steps or self._read_only():
            return
        step = self.undo_steps.pop()
        try:
            step.undo()
        except (StoreError, ValueError) as error:
            self.undo_bar.show_message(texts.UNDO_FAILED.format(problem=error))
            return
        more = texts.UNDO_HINT if self.undo_steps else ""
        self.undo_bar.show_message(step.done_text + more)
        if self.undo_bar.action is not None:
            self.undo_bar.action.setVisible(bool(self.undo_steps))

    def show_older(self) -> None:
        """Show another page of older ratings."""
        self.limit += PAGE_SIZE
        self.refresh()

    def _read_only(self) -> bool:
        """True (and says so) when the diary cannot be changed now."""
        if self.services.can_save():
            return False
        self.form.show_message(texts.READ_ONLY)
        self.undo_bar.show_message(texts.READ_ONLY)
        return True

    def _push(self, step: UndoStep) -> None:
        self.undo_steps.append(step)

    def _changed(self, text: str) -> None:
        # The save itself refreshed the screen (refresh_on): only the message is left to show.
        self.undo_bar.show_message(text + texts.UNDO_HINT)
        if self.undo_bar.action is not None:
            self.undo_bar.action.setVisible(True)
