"""The cue card as shown while walking (large), and the library of every card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.domain.cues import CueCard, CueCatalogue
from coach.domain.plan_files import ILLUSTRATIONS_DIR
from coach.ui.screens import walk_texts as texts
from coach.ui.widgets.card import styled_label


class Illustration(QWidget):
    """An SVG drawn with QSvgRenderer, scaled to fit and kept square; empty when missing."""

    def __init__(self, minimum: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer: QSvgRenderer | None = None
        self.mirrored = False
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A square that suits a card."""
        return QSize(260, 260)

    def show_file(self, name: str, mirrored: bool = False) -> bool:
        """Draw assets/illustrations/<name>; False (and blank) if it cannot be read."""
        path = Path(ILLUSTRATIONS_DIR) / name
        renderer = QSvgRenderer(str(path)) if path.is_file() else None
        self._renderer = renderer if renderer is not None and renderer.isValid() else None
        self.mirrored = mirrored
        self.update()
        return self._renderer is not None

    @property
    def loaded(self) -> bool:
        """Whether an illustration is drawn now."""
        return self._renderer is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        """Centre the drawing in the largest square that fits."""
        if self._renderer is None:
            return
        side = min(self.width(), self.height())
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.mirrored:  # the second side of a per-side stretch
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        self._renderer.render(painter, box)
        painter.end()


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
            self.illustration.show_file("")
            self.setAccessibleName(texts.NO_CUES)
            return
        self.kind_label.setText(texts.KIND_NAMES.get(card.kind.value, ""))
        self.title_label.setText(card.title)
        self.text_label.setText(card.text)
        self.illustration.show_file(card.illustration)
        self.setAccessibleName(f"{card.title}. {card.text}")


class CueLibrary(QScrollArea):
    """Every cue card, two to a row, each with a box to show or hide it during walks."""

    shown_changed = Signal(str, bool)  # cue id, whether it shows during walks

    def __init__(self, catalogue: CueCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.views: dict[str, CueCardView] = {}
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setSpacing(16)
        grid.addWidget(styled_label(texts.LIBRARY_HELP, "muted"), 0, 0, 1, 2)
        for index, card in enumerate(catalogue.cards):
            grid.addWidget(self._entry(card), 1 + index // 2, index % 2)
        holder = QWidget()
        holder.setLayout(grid)
        self.setWidget(holder)

    def _entry(self, card: CueCard) -> QWidget:
        view = CueCardView(title_px=22)
        view.illustration.setMinimumSize(110, 110)
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
