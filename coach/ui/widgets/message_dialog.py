"""A message with a few answer buttons that fits any screen: the app's QMessageBox.

QMessageBox fixes its own size from its text and puts every button in one row, so on a small
screen or with large text it runs off the screen (issue 12, §3). This dialog keeps the parts
of its interface the app uses, scrolls its text vertically, and stacks its buttons when a row
of them would be wider than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.ui import texts
from coach.ui.widgets.card import styled_label
from coach.ui.widgets.screen_fit import fit_to_screen, scrolling_column

Icon = QMessageBox.Icon
Role = QDialogButtonBox.ButtonRole
PREFERRED_WIDTH = 560
"""Wide enough for a short paragraph in a few lines; narrower screens get their own width."""
_ICONS = {
    Icon.Information: "SP_MessageBoxInformation",
    Icon.Warning: "SP_MessageBoxWarning",
    Icon.Critical: "SP_MessageBoxCritical",
    Icon.Question: "SP_MessageBoxQuestion",
}
"""By name, and QStyle imported where used: importing it here would set it up before the
window's first paint (the crash handler imports this module at start-up; see
tests/packaging/test_startup.py)."""


class MessageDialog(QDialog):
    """Text, optional informative text and answer buttons; `clickedButton()` says which."""

    def __init__(self, icon: Icon, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        content, outer = scrolling_column(self, title, (20, 18, 20, 16), 12)
        self._icon = QLabel()
        self._text = styled_label(text)
        self._text.setObjectName("message_text")
        self._informative = styled_label("")
        self._informative.hide()
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QWidget()
        words = QVBoxLayout(column)
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self._text)
        words.addWidget(self._informative)
        words.addStretch(1)
        row.addWidget(column, 1)
        content.addLayout(row)
        page = content.parentWidget()
        assert page is not None  # scrolling_column gives the content a page
        self._page = page
        self._outer = outer
        self.button_box = QDialogButtonBox()
        self.button_box.setCenterButtons(False)
        outer.addWidget(self.button_box)
        self._clicked: QAbstractButton | None = None
        self._default: QPushButton | None = None
        self._escape: QAbstractButton | None = None
        self.button_box.clicked.connect(self._on_clicked)
        self.setIcon(icon)
        self.setAccessibleDescription(text)

    # --- the parts of QMessageBox the app uses ------------------------------------------

    def setIcon(self, icon: Icon) -> None:
        """Show the style's icon for this kind of message (none for NoIcon)."""
        name = _ICONS.get(icon)
        if name is None:
            self._icon.hide()
            return
        from PySide6.QtWidgets import QStyle

        standard = getattr(QStyle.StandardPixmap, name)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        self._icon.setPixmap(self.style().standardIcon(standard).pixmap(size, size))
        self._icon.show()

    def setText(self, text: str) -> None:
        """The main sentence."""
        self._text.setText(text)
        self.setAccessibleDescription(text)

    def text(self) -> str:
        """The main sentence."""
        return self._text.text()

    def setInformativeText(self, text: str) -> None:
        """The details under the main sentence (empty hides them)."""
        self._informative.setText(text)
        self._informative.setVisible(bool(text))

    def informativeText(self) -> str:
        """The details under the main sentence."""
        return self._informative.text()

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:
        """Let the texts be selected (to copy a file name), as QMessageBox does."""
        for label in (self._text, self._informative):
            label.setTextInteractionFlags(flags)

    def addButton(self, text: str, role: Role | QMessageBox.ButtonRole) -> QPushButton:
        """Add an answer button; a reject-role button is also what Escape presses."""
        button = self.button_box.addButton(text, Role(role.value))
        button.setAccessibleName(text)
        if Role(role.value) in (Role.RejectRole, Role.NoRole) and self._escape is None:
            self._escape = button
        return button

    def buttons(self) -> list[QAbstractButton]:
        """Every answer button."""
        return self.button_box.buttons()

    def setDefaultButton(self, button: QPushButton) -> None:
        """The button Enter presses (and the one with the focus at first)."""
        self._default = button
        button.setDefault(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def defaultButton(self) -> QPushButton | None:
        """The button Enter presses."""
        return self._default

    def setEscapeButton(self, button: QAbstractButton) -> None:
        """The answer that Escape and closing the window give."""
        self._escape = button

    def escapeButton(self) -> QAbstractButton | None:
        """The answer that Escape and closing the window give."""
        return self._escape

    def clickedButton(self) -> QAbstractButton | None:
        """The answer given (the escape button after Escape), None while none is given."""
        return self._clicked

    # --- behaviour -------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or closing the window: the escape button's answer."""
        if self._clicked is None:
            self._clicked = self._escape
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        """Take a comfortable size, or the screen's free area where that is smaller."""
        self._clicked = None
        self._stack_buttons_if_needed(PREFERRED_WIDTH)
        fit_to_screen(self, PREFERRED_WIDTH, self._wanted_height(PREFERRED_WIDTH))
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Stack the buttons when a row of them is wider than the dialog."""
        super().resizeEvent(event)
        self._stack_buttons_if_needed(event.size().width())

    def _wanted_height(self, width: int) -> int:
        # The scroll area hides the texts' height for a width from the layout: ask the page.
        margins = self._outer.contentsMargins()
        inner = width - margins.left() - margins.right()
        page = self._page.heightForWidth(inner) if self._page.hasHeightForWidth() else -1
        page = max(page, self._page.sizeHint().height())
        spacing = self._outer.spacing()
        return (
            margins.top() + page + spacing + self.button_box.sizeHint().height() + margins.bottom()
        )

    def _stack_buttons_if_needed(self, width: int) -> None:
        buttons = self.button_box.buttons()
        margins = self._outer.contentsMargins()
        room = width - margins.left() - margins.right()
        from PySide6.QtWidgets import QStyle

        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        row = sum(b.sizeHint().width() for b in buttons) + max(0, spacing) * len(buttons)
        wanted = Qt.Orientation.Vertical if row > room else Qt.Orientation.Horizontal
        if self.button_box.orientation() != wanted:
            self.button_box.setOrientation(wanted)

    def _on_clicked(self, button: QAbstractButton) -> None:
        self._clicked = button
        role = self.button_box.buttonRole(button)
        if role in (Role.RejectRole, Role.NoRole):
            super().reject()
        else:
            self.accept()


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes/no question; No is the default and what Escape answers. True for Yes."""
    box = MessageDialog(Icon.Question, title, question, parent)
    yes = box.addButton(texts.YES, Role.YesRole)
    no = box.addButton(texts.NO, Role.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    box.deleteLater()
    return box.clickedButton() is yes
