"""The diary's ratings grouped by day, newest first, each with Edit and Delete buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from coach.domain.pain import PainContext, PainEntry
from coach.domain.safety.rules import DAY_NAMES, MONTH_NAMES, flag_words
from coach.domain.walks import WalkRecord, duration_words
from coach.ui.diary import texts
from coach.ui.widgets.card import Card, styled_label

PAGE_SIZE = 40
"""Ratings shown at first and added by each 'Show older' (about two weeks at three a day)."""


def day_title(day: date, today: date) -> str:
    """'Today', 'Yesterday', 'Monday 23 November', or with the year when it is not this year.

    Our own day and month names, so the process locale cannot mix languages.
    """
    if day == today:
        return texts.DAY_TODAY
    if day.toordinal() == today.toordinal() - 1:
        return texts.DAY_YESTERDAY
    return texts.DAY_FORMAT.format(
        day_name=DAY_NAMES[day.weekday()], day=day.day, month=MONTH_NAMES[day.month - 1],
        year=day.year if day.year != today.year else "",
    ).strip()  # fmt: skip


def walk_link(entry: PainEntry, walk: WalkRecord | None) -> str:
    """'after your walk of 20 min' for a rating taken with a walk, else ''."""
    if walk is None:
        return ""
    template = {
        PainContext.AFTER_WALK: texts.AFTER_WALK_LINK,
        PainContext.BEFORE_WALK: texts.BEFORE_WALK_LINK,
    }.get(entry.context, texts.WALK_LINK)
    return template.format(duration=duration_words(walk.duration_s))


def entry_details(entry: PainEntry, walk: WalkRecord | None) -> str:
    """When in the day, where, the walk it belongs to and the note, joined with dots."""
    link = walk_link(entry, walk)
    parts = [link or texts.CONTEXT_WORDS.get(entry.context.value, "")]
    if entry.location is not None:
        parts.append(texts.LOCATION_WORDS.get(entry.location.value, ""))
    if entry.note:
        parts.append(f"“{entry.note}”")
    return " · ".join(p for p in parts if p)


def group_by_day(entries: Sequence[PainEntry]) -> list[tuple[date, list[PainEntry]]]:
    """Entries (newest first) grouped by their local day, newest day first."""
    groups: list[tuple[date, list[PainEntry]]] = []
    for entry in entries:
        day = entry.at.astimezone().date()
        if groups and groups[-1][0] == day:
            groups[-1][1].append(entry)
        else:
            groups.append((day, [entry]))
    return groups


class EntryRow(QWidget):
    """One rating: time, value, details, a warning-sign line if any, Edit and Delete."""

    def __init__(self, entry: PainEntry, walk: WalkRecord | None, day: str) -> None:
        super().__init__()
        self.entry = entry
        at = entry.at.astimezone()
        time_text = texts.TIME_FORMAT.format(at=at)
        value = texts.PAIN_VALUE.format(pain=entry.pain)
        self.time_label = styled_label(time_text, wrap=False)
        self.value_label = styled_label(value, "subheading", wrap=False)
        self.value_label.setAccessibleName(f"Pain {value} at {time_text}")
        self.details_label = styled_label(entry_details(entry, walk), "muted")
        names = {"pain": value, "time": time_text, "day": day}
        self.edit_button = _small_button(texts.EDIT, texts.EDIT_NAME.format(**names))
        self.delete_button = _small_button(texts.DELETE, texts.DELETE_NAME.format(**names))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 6)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.time_label, 0, 0)
        grid.addWidget(self.value_label, 0, 1)
        grid.addWidget(self.edit_button, 0, 3)
        grid.addWidget(self.delete_button, 0, 4)
        # Details on their own line, under the rating, so a narrow column still reads well.
        grid.addWidget(self.details_label, 1, 1, 1, 4)
        self.details_label.setVisible(bool(self.details_label.text()))
        if entry.red_flags:
            flags = texts.RED_FLAG_NOTE.format(signs=flag_words(entry.red_flags))
            self.flags_label = styled_label(flags)
            self.flags_label.setObjectName("notice_text")
            grid.addWidget(self.flags_label, 2, 1, 1, 4)
        grid.setColumnMinimumWidth(0, 52)
        grid.setColumnStretch(2, 1)


class EntryList(Card):
    """The list card: days with their ratings, and a button to show older ones."""

    edit_requested = Signal(object)  # PainEntry
    delete_requested = Signal(object)  # PainEntry
    show_older_requested = Signal()

    def __init__(self) -> None:
        super().__init__(texts.LIST_TITLE)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        self.body.addLayout(self.rows_box)
        self.empty_label = styled_label(texts.LIST_EMPTY, "muted")
        self.body.addWidget(self.empty_label)
        self.count_label = styled_label(role="muted")
        self.body.addWidget(self.count_label)
        self.older_button = QPushButton(texts.SHOW_OLDER)
        self.older_button.setAccessibleName(texts.SHOW_OLDER)
        self.older_button.clicked.connect(self.show_older_requested)
        self.body.addWidget(self.older_button)
        self.body.addStretch(1)
        self.rows: list[EntryRow] = []
        self._widgets: list[QWidget] = []

    def show_entries(
        self,
        entries: Sequence[PainEntry],
        walks: Mapping[int, WalkRecord],
        total: int,
        now: datetime,
    ) -> None:
        """Replace the list with these entries (newest first) out of `total` in the diary."""
        self._clear()
        today = now.astimezone().date()
        for day, day_entries in group_by_day(entries):
            title = day_title(day, today)
            heading = styled_label(title, "subheading", wrap=False)
            heading.setAccessibleName(title)
            self._add(heading)
            for entry in day_entries:
                walk = walks.get(entry.walk_id) if entry.walk_id is not None else None
                row = EntryRow(entry, walk, title)
                row.edit_button.clicked.connect(
                    lambda _=False, e=entry: self.edit_requested.emit(e)
                )
                row.delete_button.clicked.connect(
                    lambda _=False, e=entry: self.delete_requested.emit(e)
                )
                self.rows.append(row)
                self._add(row)
        self.empty_label.setVisible(not entries)
        more = total > len(entries)
        self.count_label.setText(texts.SHOWING.format(shown=len(entries), total=total))
        self.count_label.setVisible(more)
        self.older_button.setVisible(more)

    def _add(self, widget: QWidget) -> None:
        self.rows_box.addWidget(widget)
        self._widgets.append(widget)

    def _clear(self) -> None:
        for widget in self._widgets:
            self.rows_box.removeWidget(widget)
            widget.hide()  # deleteLater waits for the event loop; do not paint meanwhile
            widget.deleteLater()
        self._widgets = []
        self.rows = []


def _small_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(name)
    return button
