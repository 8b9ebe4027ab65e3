"""Opening the store with a person in the loop: a damaged or too-new database gets a calm dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from coach.storage.database import Store, open_read_only, open_store, restore_backup
from coach.storage.errors import DatabaseDamagedError, DatabaseTooNewError

logger = logging.getLogger(__name__)

DAMAGED_TITLE = "Your diary needs attention"
DAMAGED_TEXT = (
    "Walking Coach could not open your diary because the file is damaged. Nothing has been deleted."
)
DAMAGED_WHERE = "The damaged file was moved to:\n{damaged}"
DAMAGED_BACKUP = (
    "The newest good backup, saved {when}, is:\n{backup}\n\n"
    "Restoring it brings back everything saved up to that time."
)
DAMAGED_NO_BACKUP = "No good backup was found."
DAMAGED_READ_ONLY = (
    "You can also open the damaged copy read-only to look at what it still holds; "
    "nothing new can be saved then."
)
RESTORE_BUTTON = "Restore the backup"
READ_ONLY_BUTTON = "Open the damaged copy read-only"
QUIT_BUTTON = "Quit"
TOO_NEW_TITLE = "Please update Walking Coach"


class RecoveryChoice(Enum):
    """What the person chose to do with a damaged database."""

    RESTORE_BACKUP = "restore"
    OPEN_READ_ONLY = "read_only"
    QUIT = "quit"


def damaged_message(error: DatabaseDamagedError) -> str:
    """The dialog's explanation: where the damaged file and the newest good backup are."""
    parts = [DAMAGED_WHERE.format(damaged=error.damaged_path)]
    if error.backups:
        newest = error.backups[0]
        when = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        parts.append(DAMAGED_BACKUP.format(when=when, backup=newest))
    else:
        parts.append(DAMAGED_NO_BACKUP)
    parts.append(DAMAGED_READ_ONLY)
    return "\n\n".join(parts)


def damaged_dialog(
    error: DatabaseDamagedError, parent: QWidget | None = None
) -> tuple[QMessageBox, dict[QPushButton, RecoveryChoice]]:
    """The dialog offering the newest good backup (if any), the read-only copy, or quitting."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(DAMAGED_TITLE)
    box.setAccessibleName(DAMAGED_TITLE)
    box.setText(DAMAGED_TEXT)
    box.setInformativeText(damaged_message(error))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons: dict[QPushButton, RecoveryChoice] = {}
    if error.backups:
        restore = box.addButton(RESTORE_BUTTON, QMessageBox.ButtonRole.AcceptRole)
        buttons[restore] = RecoveryChoice.RESTORE_BACKUP
        box.setDefaultButton(restore)
    read_only = box.addButton(READ_ONLY_BUTTON, QMessageBox.ButtonRole.ActionRole)
    buttons[read_only] = RecoveryChoice.OPEN_READ_ONLY
    quit_button = box.addButton(QUIT_BUTTON, QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = RecoveryChoice.QUIT
    if not error.backups:
        box.setDefaultButton(read_only)
    for button in buttons:
        button.setAccessibleName(button.text())
    return box, buttons


def ask_recovery_choice(
    error: DatabaseDamagedError, parent: QWidget | None = None
) -> RecoveryChoice:
    """Show the damaged-database dialog and wait for the person's choice."""
    box, buttons = damaged_dialog(error, parent)
    box.exec()
    clicked = box.clickedButton()
    for button, choice in buttons.items():
        if button is clicked:
            return choice
    return RecoveryChoice.QUIT


def tell_too_new(error: DatabaseTooNewError, parent: QWidget | None = None) -> None:
    """Explain that the diary was saved by a newer app, and that it was left untouched."""
    box = QMessageBox(QMessageBox.Icon.Information, TOO_NEW_TITLE, str(error), parent=parent)
    box.setAccessibleName(TOO_NEW_TITLE)
    box.exec()


def open_store_interactively(
    path: Path | None = None,
    parent: QWidget | None = None,
    choose: Callable[[DatabaseDamagedError, QWidget | None], RecoveryChoice] = ask_recovery_choice,
    tell: Callable[[DatabaseTooNewError, QWidget | None], None] = tell_too_new,
) -> Store | None:
    """Open the store, asking the person what to do if it is damaged; None means quit."""
    try:
        return open_store(path)
    except DatabaseTooNewError as error:
        logger.error("Database too new: %s", error)
        tell(error, parent)
        return None
    except DatabaseDamagedError as error:
        logger.error("Database damaged: %s", error)
        choice = choose(error, parent)
        logger.info("Recovery choice: %s", choice.value)
        if choice is RecoveryChoice.RESTORE_BACKUP and error.backups:
            return restore_backup(error.backups[0], path)
        if choice is RecoveryChoice.OPEN_READ_ONLY:
            return open_read_only(error.damaged_path)
        return None
