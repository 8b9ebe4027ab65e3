"""The one safety notice every screen that starts or suggests walking shows, word for word."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coach.domain.safety.state import SafetyMessage, SafetyState
from coach.ui.safety import texts
from coach.ui.safety.gate import confirm_clearance, current_state, record_clearance
from coach.ui.services import AppServices
from coach.ui.widgets.card import styled_label


class SafetyNotice(QFrame):
    """Title, what to do, why, and "A clinician has checked this"; hidden when all is clear."""

    cleared = Signal()  # the person confirmed that a clinician has checked; it is saved

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.confirm: Callable[[QWidget], bool] = confirm_clearance
        """Asks before the clearance is saved; tests replace it to avoid a modal dialog."""
        self.state: SafetyState | None = None
        self.setObjectName("notice_bar")
        self.setAccessibleName(texts.NOTICE_NAME)
        self.title_label = self._label("subheading")
        self.text_label = self._label()
        self.reason_label = self._label()
        self.cleared_button = QPushButton(texts.CLEARED_BUTTON)
        self.cleared_button.setAccessibleName(texts.CLEARED_BUTTON)
        self.cleared_button.clicked.connect(self._on_cleared_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(6)
        for label in (self.title_label, self.text_label, self.reason_label):
            column.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(self.cleared_button)
        row.addStretch(1)
        column.addLayout(row)
        self.hide()

    def _label(self, role: str = "") -> QLabel:
        label = styled_label(role=role)
        label.setObjectName("notice_text")  # the theme's calm warning colours
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def refresh(self) -> SafetyState:
        """Read the safety state again and show it; the state is returned for the screen."""
        state = current_state(self.services)
        self.show_state(state)
        return state

    def show_state(self, state: SafetyState) -> None:
        """Show the state's message (or the flare advice), or hide when there is none."""
        self.state = state
        message = state.message
        self.cleared_button.setVisible(message is not None)
        self.cleared_button.setEnabled(self.services.can_save())
        shown = message or state.flare_message
        self.setAccessibleName(texts.NOTICE_NAME if message else texts.FLARE_NAME)
        self._show(shown)
        self.setProperty("urgency", state.urgency.name.lower())

    def _show(self, message: SafetyMessage | None) -> None:
        for label, text in (
            (self.title_label, message.title if message else ""),
            (self.text_label, message.text if message else ""),
            (self.reason_label, message.reason if message else ""),
        ):
            label.setText(text)
            label.setAccessibleDescription(text)
            label.setVisible(bool(text))
        self.setVisible(message is not None)

    def _on_cleared_clicked(self) -> None:
        if self.confirm(self) and record_clearance(self.services):
            self.refresh()
            self.cleared.emit()

    def text(self) -> str:
        """Everything the notice says, for tests and screen readers."""
        labels = (self.title_label, self.text_label, self.reason_label)
        return "\n".join(label.text() for label in labels if label.text())
