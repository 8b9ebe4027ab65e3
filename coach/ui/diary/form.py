"""The inputs of one pain rating: scale, when, time, where, warning signs and a note.

Used by the diary screen to log a rating and by the edit dialog to change one. Enter
anywhere in the form asks to save (Space ticks a box; arrows change a list or the time).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import cast

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.pain import (
    NOTE_MAX_CHARS,
    PainContext,
    PainEntry,
    PainLocation,
    context_for_hour,
)
from coach.domain.safety.red_flags import RED_FLAGS
from coach.domain.text_rules import without_unsafe
from coach.ui.diary import texts
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.field_message import FieldMessage
from coach.ui.widgets.pain_scale import PainScale
from coach.ui.widgets.reflow_row import ReflowRow

DATE_TIME_FORMAT = "ddd d MMM yyyy, HH:mm"
SHOWN_TIME = "{at:%a} {at.day} {at:%b}, {at:%H:%M}"


def shown_time(at: datetime) -> str:
    """A time as the form shows it in messages, e.g. 'Wed 25 Nov, 09:30'."""
    return SHOWN_TIME.format(at=at)


class PainForm(QWidget):
    """The fields of one rating; `submitted` asks the owner to save what `read()` returns."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time_edited = False
        self._walk_id: int | None = None
        self._shown: tuple[QDateTime, datetime] | None = None
        self.scale = PainScale()
        self.scale.setAccessibleName("Pain from 0 to 10")
        self.context_box = _combo(texts.CONTEXT_CHOICES, texts.CONTEXT_LABEL)
        self.time_edit = QDateTimeEdit()
        self.time_edit.setDisplayFormat(DATE_TIME_FORMAT)
        # Up/down arrows like every other spin box; the sections take typed numbers too.
        self.time_edit.setAccessibleName(texts.TIME_LABEL)
        self.time_edit.dateTimeChanged.connect(self._on_time_edit_changed)
        self.location_box = _combo(
            (("", texts.LOCATION_NONE), *texts.LOCATION_CHOICES), texts.LOCATION_LABEL
        )
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_MAX_CHARS)
        self.note_edit.setPlaceholderText(texts.NOTE_PLACEHOLDER)
        self.note_edit.setAccessibleName(texts.NOTE_LABEL)
        self.flags_toggle = QCheckBox(texts.FLAGS_TOGGLE)
        self.flags_toggle.setAccessibleName(texts.FLAGS_TOGGLE)
        self.flags_toggle.toggled.connect(self._on_flags_toggle_toggled)
        self.flag_boxes = {flag.key: _flag_box(flag.short, flag.label) for flag in RED_FLAGS}
        self.flags_panel = self._flags_panel()
        self.message_label = FieldMessage(role="muted")
        self._lay_out()

    def _lay_out(self) -> None:
        # Two columns of labelled fields, one above the other when the window is narrow.
        grid = ReflowRow(spacing=12)
        for stretch, pairs in (
            (
                1,
                (
                    (texts.CONTEXT_LABEL, self.context_box),
                    (texts.LOCATION_LABEL, self.location_box),
                ),
            ),
            (2, ((texts.TIME_LABEL, self.time_edit), (texts.NOTE_LABEL, self.note_edit))),
        ):
            fields = QFormLayout()
            fields.setContentsMargins(0, 0, 0, 0)
            fields.setHorizontalSpacing(12)
            fields.setVerticalSpacing(10)
            for name, field in pairs:
                label = QLabel(name)
                label.setBuddy(field)
                fields.addRow(label, field)
            column = QWidget()
            column.setLayout(fields)
            grid.add(column, stretch)
        stack = QVBoxLayout(self)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(12)
        stack.addWidget(self.scale)
        stack.addWidget(styled_label(texts.SCALE_HINT, "muted"))
        stack.addWidget(grid)
        stack.addWidget(self.flags_toggle)
        stack.addWidget(self.flags_panel)
        stack.addWidget(self.message_label)
        self.setTabOrder(self.scale, self.context_box)
        for before, after in (
            (self.context_box, self.time_edit),
            (self.time_edit, self.location_box),
            (self.location_box, self.note_edit),
            (self.note_edit, self.flags_toggle),
        ):
            self.setTabOrder(before, after)
        boxes = list(self.flag_boxes.values())
        for first, second in zip([self.flags_toggle, *boxes], boxes, strict=False):
            self.setTabOrder(first, second)

    def last_field(self) -> QWidget:
        """The last field in Tab order (the last warning sign; Tab skips it while hidden)."""
        return list(self.flag_boxes.values())[-1]

    def _flags_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(28, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(styled_label(texts.FLAGS_HINT, "muted"))
        for box in self.flag_boxes.values():
            column.addWidget(box)
        panel.hide()
        return panel

    def clear(self, now: datetime) -> None:
        """Empty the form for a new rating at `now` (the time follows the clock until edited)."""
        self.scale.set_value(None)
        self._set_context(context_for_hour(now.astimezone().hour))
        self._show_time(now)
        self._time_edited = False
        self._walk_id = None
        self.location_box.setCurrentIndex(0)
        self.note_edit.clear()
        for box in self.flag_boxes.values():
            box.setChecked(False)
        self.flags_toggle.setChecked(False)

    def follow_clock(self, now: datetime) -> None:
        """Show `now` in the time field unless the person has chosen a time themselves."""
        if not self._time_edited:
            self._show_time(now)

    def load(self, entry: PainEntry) -> None:
        """Fill the form with a saved entry, to edit it."""
        self.scale.set_value(entry.pain)
        self._set_context(entry.context)
        self._show_time(entry.at)
        self._time_edited = True
        self._walk_id = entry.walk_id
        location = "" if entry.location is None else entry.location.value
        self.location_box.setCurrentIndex(max(0, self.location_box.findData(location)))
        self.note_edit.setText(entry.note)
        for key, box in self.flag_boxes.items():
            box.setChecked(key in entry.red_flags)
        self.flags_toggle.setChecked(bool(entry.red_flags))

    def read(self, now: datetime, base: PainEntry | None = None) -> PainEntry | str:
        """The rating in the form, or a message saying what to fix. `base` keeps id and walk."""
        pain = self.scale.value()
        if pain is None:
            return texts.NEED_RATING
        at = self._chosen_time(now)
        if at > now:
            return texts.FUTURE_TIME.format(shown=shown_time(at), now=shown_time(now))
        location = self.location_box.currentData()
        entry = PainEntry(
            at=at,
            pain=pain,
            context=PainContext(self.context_box.currentData()),
            location=PainLocation(location) if location else None,
            note=without_unsafe(self.note_edit.text(), multiline=True).strip(),
            walk_id=self._walk_id,
            red_flags=frozenset(k for k, box in self.flag_boxes.items() if box.isChecked()),
        )
        return entry if base is None else replace(entry, id=base.id, walk_id=base.walk_id)

    def show_message(self, text: str) -> None:
        """Show a short message under the form (empty hides it)."""
        self.message_label.say(text)

    def focus_scale(self) -> None:
        """Put the keyboard focus on the scale, ready for a number key."""
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Return saves, unless a child (a check box, a button) used the key."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _chosen_time(self, now: datetime) -> datetime:
        if not self._time_edited:
            return now
        shown = self.time_edit.dateTime()
        if self._shown is not None and shown == self._shown[0]:
            return self._shown[1]  # unchanged: keep the saved time to the second
        chosen = cast(datetime, shown.toPython())
        # The edit shows local wall time to the minute; astimezone() gives the offset in force
        # on that day (summer or winter), not today's.
        return chosen.replace(second=0, microsecond=0).astimezone()

    def _show_time(self, at: datetime) -> None:
        local = at.astimezone()
        shown = QDateTime(
            QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
        )
        self.time_edit.blockSignals(True)
        self.time_edit.setDateTime(shown)
        self.time_edit.blockSignals(False)
        self._shown = (self.time_edit.dateTime(), at)

    def _set_context(self, context: PainContext) -> None:
        self.context_box.setCurrentIndex(max(0, self.context_box.findData(context.value)))

    def _on_time_edit_changed(self, _value: QDateTime) -> None:
        self._time_edited = True

    def _on_flags_toggle_toggled(self, checked: bool) -> None:
        self.flags_panel.setVisible(checked)


def _combo(choices: tuple[tuple[str, str], ...], name: str) -> QComboBox:
    box = QComboBox()
    for value, text in choices:
        box.addItem(text, value)
    box.setAccessibleName(name)
    return box


def _flag_box(short: str, label: str) -> QCheckBox:
    box = QCheckBox(short[:1].upper() + short[1:])
    box.setAccessibleName(short)
    box.setAccessibleDescription(label)
    box.setToolTip(label)
    return box


def save_button(text: str) -> QPushButton:
    """The big save button under a form."""
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setMinimumHeight(40)
    button.setAutoDefault(True)  # Enter on the focused button saves, as Space does
    return button
