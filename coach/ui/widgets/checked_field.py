"""A number field that refuses bad input where it was typed, with the reason under it."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from coach.ui.widgets.card import styled_label


def named_button(text: str, name: str = "") -> QPushButton:
    """A push button whose accessible name is its text without the key hint in brackets."""
    button = QPushButton(text)
    button.setAccessibleName(name or spoken_name(text))
    return button


def spoken_name(text: str) -> str:
    """A button's text as a screen reader should say it: no key hint in brackets."""
    return text.split("  (")[0].strip()


def set_button_text(button: QPushButton, text: str) -> None:
    """Change a button's text and its accessible name together (a stale name misleads)."""
    button.setText(text)
    button.setAccessibleName(spoken_name(text))


def parse_number(text: str) -> float:
    """A typed number (a decimal comma is fine); NaN when it is not one."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


class CheckedField(QObject):
    """Label, line edit, unit and an error line; emits `committed` when a value is entered.

    The owner checks the value and calls `refuse(message)` or `accept(text)`, so a refused
    value never reaches any state and the message names the range at the field itself.
    """

    committed = Signal(float)  # the typed number, NaN when it was not a number

    def __init__(self, label: str, unit: str = "", width_chars: int = 7) -> None:
        super().__init__()
        self.label = styled_label(label, wrap=False)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * width_chars + 28)
        self.label.setBuddy(self.edit)
        self.unit = styled_label(unit, "muted", wrap=False)
        self.error = styled_label()
        self.error.setObjectName("field_error")
        self.error.setAccessibleName(f"{label}: problem")
        self.error.hide()
        self._accepted_text = ""
        self.edit.editingFinished.connect(self._on_editing_finished)

    def add_to(self, grid: QGridLayout, row: int) -> None:
        """Place the field in a grid: label, edit and unit on one row, the error below."""
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.edit, row, 1)
        grid.addWidget(self.unit, row, 2)
        grid.addWidget(self.error, row + 1, 0, 1, 4)

    def widgets(self) -> list[QWidget]:
        """Every widget of the field, for laying it out in other shapes."""
        return [self.label, self.edit, self.unit, self.error]

    def accept(self, text: str) -> None:
        """Show an accepted value and clear any refusal."""
        self._accepted_text = text
        self.edit.setText(text)
        self.clear_error()

    def refuse(self, message: str) -> None:
        """Keep what was typed (to fix it) and say why it was refused."""
        self.error.setText(message)
        self.error.show()
        self.edit.setProperty("invalid", True)
        self.edit.setAccessibleDescription(message)
        _repolish(self.edit)

    def clear_error(self) -> None:
        """Hide the refusal."""
        self.error.hide()
        self.error.setText("")
        self.edit.setProperty("invalid", False)
        self.edit.setAccessibleDescription("")
        _repolish(self.edit)

    @property
    def has_error(self) -> bool:
        """Whether a refusal is showing."""
        return bool(self.error.text())

    def set_unit(self, unit: str) -> None:
        """Change the unit shown beside the field."""
        self.unit.setText(unit)

    def value(self) -> float:
        """The number in the field now (NaN if it is not one)."""
        return parse_number(self.edit.text())

    def commit(self) -> None:
        """Offer what is typed now, as Enter does."""
        self.committed.emit(self.value())

    def _on_editing_finished(self) -> None:
        # Leaving the field without a change must not re-run the calculation.
        if self.edit.text() != self._accepted_text or self.has_error:
            self.commit()


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
