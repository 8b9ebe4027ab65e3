"""The import preview: what a diary file would add, skip as duplicate, and reject (and why)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.domain.diary.import_preview import ImportPreview, RejectedRow
from coach.domain.pain import PainEntry
from coach.ui.diary import texts
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.screen_fit import fit_to_screen, scrolling_column

LISTED_ROWS = 300
"""Rows listed per group; the rest are counted in a last line (a long list helps nobody)."""
NOTE_SHOWN_CHARS = 40
LIST_MIN_LINES = 3
PREFERRED_SIZE = (760, 640)
"""Room for the three lists where the screen has it; a smaller screen scrolls."""


def entry_line(entry: PainEntry) -> str:
    """One rating as a line of the preview, e.g. 'Wed 25 Nov 2026, 09:30 · 4/10 · “stiff”'."""
    note = (
        entry.note if len(entry.note) <= NOTE_SHOWN_CHARS else entry.note[:NOTE_SHOWN_CHARS] + "…"
    )
    return texts.PREVIEW_ENTRY.format(
        at=entry.at.astimezone(), pain=entry.pain, note=f" · “{note}”" if note else ""
    )


def rejected_line(row: RejectedRow) -> str:
    """'Row 7, column pain: Pain must be …' (the column is left out when the whole row is bad)."""
    if row.column:
        return texts.PREVIEW_REJECTED_ROW.format(row=row.row, column=row.column, reason=row.reason)
    return texts.PREVIEW_REJECTED_ROW_ONLY.format(row=row.row, reason=row.reason)


class ImportPreviewDialog(QDialog):
    """Three groups (to add, duplicates, rejected) and a button that imports the first."""

    date_order_changed = Signal(object)  # True day first, False month first, None automatic

    def __init__(
        self,
        name: str,
        preview: ImportPreview,
        parent: QWidget | None = None,
        day_first: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        title = texts.PREVIEW_TITLE.format(name=name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        added, rejected = len(preview.to_add), preview.rejected_total
        column, self._outer = scrolling_column(self, title, (24, 20, 24, 20), 8)
        column.addWidget(styled_label(title, "subheading"))
        self.summary_label = styled_label(
            texts.PREVIEW_SUMMARY.format(
                added=added, duplicates=len(preview.duplicates), rejected=rejected
            )
        )
        column.addWidget(self.summary_label)
        for note in preview.notes:
            column.addWidget(styled_label(note, "muted"))
        self.date_order_box = self._date_order(column, day_first)
        self.add_list = self._group(
            column, texts.PREVIEW_ADD.format(count=added), map(entry_line, preview.to_add), added
        )
        duplicates = (
            texts.PREVIEW_DUPLICATE.format(
                row=d.row, at=d.entry.at.astimezone(), pain=d.entry.pain, note=""
            )
            for d in preview.duplicates
        )
        count = len(preview.duplicates)
        self.duplicate_list = self._group(
            column, texts.PREVIEW_DUPLICATES.format(count=count), duplicates, count
        )
        self.rejected_list = self._group(
            column, texts.PREVIEW_REJECTED.format(count=rejected),
            map(rejected_line, preview.rejected), rejected,
        )  # fmt: skip
        column.addWidget(styled_label(texts.PREVIEW_BACKUP_NOTE, "muted"))
        self.apply_button = self._buttons(added)
        fit_to_screen(self, *PREFERRED_SIZE)

    def _group(
        self, column: QVBoxLayout, heading: str, lines: Iterable[str], total: int
    ) -> QListWidget:
        label = styled_label(heading, "subheading")
        box = QListWidget()
        box.setAccessibleName(heading)
        label.setBuddy(box)
        shown = 0
        for line in lines:
            if shown == LISTED_ROWS:
                break
            box.addItem(line)
            shown += 1
        if total > shown:
            box.addItem(texts.PREVIEW_MORE.format(count=total - shown))
        if total == 0:
            box.addItem(texts.PREVIEW_NOTHING)
        box.setWordWrap(True)
        # A few lines at least, and no wish for more: the scrolling page would otherwise grow
        # to every list's preferred height; this way the lists share the room there is and
        # scroll their own rows.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        min_rows = LIST_MIN_LINES * box.fontMetrics().lineSpacing()
        box.setMinimumHeight(min_rows + 2 * box.frameWidth())
        column.addWidget(label)
        column.addWidget(box, min(3, max(1, total)))
        return box

    def _date_order(self, column: QVBoxLayout, day_first: bool | None) -> QComboBox:
        box = QComboBox()
        for value, text in texts.DATE_ORDER_CHOICES:
            box.addItem(text, value)
        box.setCurrentIndex([v for v, _ in texts.DATE_ORDER_CHOICES].index(day_first))
        box.setAccessibleName(texts.DATE_ORDER_LABEL)
        box.currentIndexChanged.connect(
            lambda index: self.date_order_changed.emit(box.itemData(index))
        )
        label = QLabel(texts.DATE_ORDER_LABEL)
        label.setBuddy(box)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(box)
        row.addStretch(1)
        column.addLayout(row)
        return box

    def _buttons(self, added: int) -> QPushButton:
        buttons = QDialogButtonBox()
        text = texts.PREVIEW_APPLY_ONE if added == 1 else texts.PREVIEW_APPLY.format(count=added)
        apply_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        apply_button.setAccessibleName(text)
        apply_button.setEnabled(added > 0)
        close_text = texts.CANCEL if added else texts.PREVIEW_CLOSE
        close_button = buttons.addButton(close_text, QDialogButtonBox.ButtonRole.RejectRole)
        close_button.setAccessibleName(close_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._outer.addWidget(buttons)
        return apply_button

    def lines(self, box: QListWidget) -> list[str]:
        """The lines of one group, for tests and checks."""
        return [box.item(i).text() for i in range(box.count())]
