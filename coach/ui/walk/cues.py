"""The cue card as shown while walking (large), and the library of every card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.domain.cues import CueCard, CueCatalogue
from coach.domain.plan_files.loading import ILLUSTRATIONS_DIR
from coach.ui.walk import texts
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.illustration import Illustration


class CueCardView(QFrame):
    """One cue card: kind, title and sentence in large type beside its illustration."""

    def __init__(self, title_px: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.card: CueCard | None = None
        self.kind_label = styled_label(role="muted", wrap=False)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.illustration = Illustration()
        self.illustration.setMinimumSize(120, 120)
        self.illustration_path: Path | None = None
        self.set_title_size(title_px)
        words = QVBoxLayout()
        words.setSpacing(10)
        words.addStretch(1)
        words.addWidget(self.kind_label)
        words.addWidget(self.title_label)
        words.addWidget(self.text_label)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(24)
        row.addWidget(self.illustration, 2)
        row.addLayout(words, 3)

    def set_title_size(self, pixels: int) -> None:
        """Title at `pixels`, the sentence a little smaller: readable from a treadmill."""
        for label, size, weight in (
            (self.title_label, pixels, QFont.Weight.DemiBold),
            (self.text_label, max(14, round(pixels * 0.6)), QFont.Weight.Normal),
        ):
            font = QFont(label.font())
            font.setPixelSize(size)
            font.setWeight(weight)
            label.setFont(font)

    def show_card(self, card: CueCard | None) -> None:
        """Show a card; None shows that every card is hidden."""
        self.card = card
        if card is None:
            self.kind_label.setText("")
            self.title_label.setText("")
            self.text_label.setText(texts.NO_CUES)
            self._show_illustration(None)
            self.setAccessibleName(texts.NO_CUES)
            return
        self.kind_label.setText(texts.KIND_NAMES.get(card.kind.value, ""))
        self.title_label.setText(card.title)
        self.text_label.setText(card.text)
        self._show_illustration(Path(ILLUSTRATIONS_DIR) / card.illustration)
        self.setAccessibleName(f"{card.title}. {card.text}")

    def _show_illustration(self, path: Path | None) -> None:
        self.illustration_path = path if path is not None and path.is_file() else None
        self.illustration.show_file(self.illustration_path or Path(), False)
        self.illustration.setVisible(self.illustration_path is not None)


LIBRARY_CARD_PX = 190


class CueLibrary(QScrollArea):
    """Every cue card, two to a row, each with a box to show or hide it during walks."""

    shown_changed = Signal(str, bool)  # cue id, whether it shows during walks

    def __init__(self, catalogue: CueCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.views: dict[str, CueCardView] = {}
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout()
        self._grid.setContentsMargins(36, 16, 36, 16)
        self._grid.setSpacing(16)
        self._help = styled_label(texts.LIBRARY_HELP, "muted")
        self._entries = [self._entry(card) for card in catalogue.cards]
        self._columns = 0
        self._arrange(2)
        holder = QWidget()
        holder.setLayout(self._grid)
        self.setWidget(holder)

    def _arrange(self, columns: int) -> None:
        # Two cards to a row where they fit side by side, one in a narrow window.
        if columns == self._columns:
            return
        self._columns = columns
        for widget in (self._help, *self._entries):
            self._grid.removeWidget(widget)
        self._grid.addWidget(self._help, 0, 0, 1, columns)
        for index, entry in enumerate(self._entries):
            self._grid.addWidget(entry, 1 + index // columns, index % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """One card to a row when two would not fit side by side."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._follow_width)  # after the layouts have placed all

    def _follow_width(self) -> None:
        margins = self._grid.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right()
        widest = max(entry.minimumSizeHint().width() for entry in self._entries)
        self._arrange(2 if room >= 2 * widest + self._grid.spacing() else 1)

    def _entry(self, card: CueCard) -> QWidget:
        view = CueCardView(title_px=22)
        view.illustration.setMinimumSize(110, 110)
        view.setFixedHeight(LIBRARY_CARD_PX)  # many cards in view, not two and white space
        view.show_card(card)
        box = QCheckBox(texts.LIBRARY_SHOW)
        box.setChecked(True)
        box.setAccessibleName(f"{texts.LIBRARY_SHOW}: {card.title}")
        box.toggled.connect(lambda on, cue_id=card.id: self.shown_changed.emit(cue_id, on))
        self.views[card.id], self.boxes[card.id] = view, box
        column = QVBoxLayout()
        column.addWidget(view, 1)
        column.addWidget(box)
        entry = QWidget()
        entry.setLayout(column)
        return entry

    def set_shown(self, cue_id: str, shown: bool) -> None:
        """Tick or untick a card's box without sending shown_changed back."""
        box = self.boxes[cue_id]
        box.blockSignals(True)
        box.setChecked(shown)
        box.blockSignals(False)
