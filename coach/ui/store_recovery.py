"""Opening the store with a person in the loop: a damaged or too-new database gets a calm dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from coach.domain.clock import Clock, SystemClock
from coach.storage.database import (
    READ_ONLY_NOTE,
    Store,
    open_read_only,
    open_read_only_instead,
    open_store,
)
from coach.storage.errors import (
    DatabaseDamagedError,
    DatabaseTooNewError,
    DataFolderError,
    StoreError,
)
from coach.storage.paths import database_path
from coach.storage.recovery import RecoveryOffer, find_recovery_offer, mark_kept
from coach.storage.restore import restore_and_resolve
from coach.ui.texts import OK
from coach.ui.widgets.message_dialog import Icon, MessageDialog, Role

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
START_NEW_BUTTON = "Start a new empty diary"
QUIT_BUTTON = "Quit"
AGAIN_TEXT = (
    "Last time, your diary was found damaged and moved aside. No diary has taken its place "
    "yet. Nothing has been deleted."
)
EMPTY_TEXT = (
    "Your diary is missing or empty, but backups of it remain, so no new diary was made. "
    "Nothing has been deleted."
)
AGAIN_WHERE = "The damaged copy is at:\n{damaged}"
AGAIN_WHERE_MANY = "The damaged copies are at:\n{damaged}"
START_NEW_TEXT = (
    "Or start a new, empty diary. Your old entries are not deleted: they stay in the files "
    "named above{backups}, and you will not be asked about them again."
)
START_NEW_BACKUPS = " and in the backups folder {folder}"
KEPT_FOR_NEW_DIARY = "the person started a new empty diary"
TOO_NEW_TITLE = "Please update Walking Coach"
FOLDER_TITLE = "Walking Coach cannot save to your data folder"


class RecoveryChoice(Enum):
    """What the person chose to do with a damaged database."""

    RESTORE_BACKUP = "restore"
    OPEN_READ_ONLY = "read_only"
    START_NEW = "start_new"
    QUIT = "quit"


def _backup_paragraph(backups: Sequence[Path]) -> str:
    if not backups:
        return DAMAGED_NO_BACKUP
    newest = backups[0]
    when = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return DAMAGED_BACKUP.format(when=when, backup=newest)


def damaged_message(error: DatabaseDamagedError) -> str:
    """The dialog's explanation: where the damaged file and the newest good backup are."""
    parts = [DAMAGED_WHERE.format(damaged=error.damaged_path)]
    parts.append(_backup_paragraph(error.backups))
    parts.append(DAMAGED_READ_ONLY)
    return "\n\n".join(parts)


def again_message(offer: RecoveryOffer) -> str:
    """The restart dialog's explanation: the damaged copies, the backup, and a new diary."""
    backups = START_NEW_BACKUPS.format(folder=offer.backups[0].parent) if offer.backups else ""
    if not offer.damaged:  # an empty or deleted diary beside its backups
        return "\n\n".join(
            [_backup_paragraph(offer.backups), START_NEW_TEXT.format(backups=backups)]
        )
    where = AGAIN_WHERE if len(offer.damaged) == 1 else AGAIN_WHERE_MANY
    return "\n\n".join(
        [
            where.format(damaged="\n".join(str(path) for path in offer.damaged)),
            _backup_paragraph(offer.backups),
            DAMAGED_READ_ONLY,
            START_NEW_TEXT.format(backups=backups),
        ]
    )


def damaged_dialog(
    error: DatabaseDamagedError, parent: QWidget | None = None
) -> tuple[MessageDialog, dict[QPushButton, RecoveryChoice]]:
    """The dialog offering the newest good backup (if any), the read-only copy, or quitting."""
    choices = _Choices(bool(error.backups), read_only=True, start_new=False)
    return _choice_box(DAMAGED_TEXT, damaged_message(error), choices, parent)


def again_dialog(
    offer: RecoveryOffer, parent: QWidget | None = None
) -> tuple[MessageDialog, dict[QPushButton, RecoveryChoice]]:
    """The same choice on a later start, plus starting a new diary that keeps the old files."""
    text = AGAIN_TEXT if offer.damaged else EMPTY_TEXT
    choices = _Choices(bool(offer.backups), read_only=bool(offer.damaged), start_new=True)
    return _choice_box(text, again_message(offer), choices, parent)


@dataclass(frozen=True)
class _Choices:
    """Which buttons a recovery dialog offers besides Quit."""

    restore: bool
    read_only: bool
    start_new: bool


def _choice_box(
    text: str, informative: str, choices: _Choices, parent: QWidget | None
) -> tuple[MessageDialog, dict[QPushButton, RecoveryChoice]]:
    box = MessageDialog(Icon.Warning, DAMAGED_TITLE, text, parent)
    box.setInformativeText(informative)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons: dict[QPushButton, RecoveryChoice] = {}
    if choices.restore:
        restore = box.addButton(RESTORE_BUTTON, Role.AcceptRole)
        buttons[restore] = RecoveryChoice.RESTORE_BACKUP
    if choices.read_only:
        read_only = box.addButton(READ_ONLY_BUTTON, Role.ActionRole)
        buttons[read_only] = RecoveryChoice.OPEN_READ_ONLY
    if choices.start_new:
        fresh = box.addButton(START_NEW_BUTTON, Role.DestructiveRole)
        buttons[fresh] = RecoveryChoice.START_NEW
    # Escape and closing the window mean Quit: nothing is decided by accident.
    quit_button = box.addButton(QUIT_BUTTON, Role.RejectRole)
    buttons[quit_button] = RecoveryChoice.QUIT
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(quit_button)
    for button in buttons:
        button.setAccessibleName(button.text())
    return box, buttons


def _ask(box: MessageDialog, buttons: dict[QPushButton, RecoveryChoice]) -> RecoveryChoice:
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    for button, choice in buttons.items():
        if button is clicked:
            return choice
    return RecoveryChoice.QUIT


def ask_recovery_choice(
    error: DatabaseDamagedError, parent: QWidget | None = None
) -> RecoveryChoice:
    """Show the damaged-database dialog and wait for the person's choice."""
    return _ask(*damaged_dialog(error, parent))


def ask_again_choice(offer: RecoveryOffer, parent: QWidget | None = None) -> RecoveryChoice:
    """Show the restart dialog about the damaged copies and wait for the person's choice."""
    return _ask(*again_dialog(offer, parent))


def tell_too_new(error: DatabaseTooNewError, parent: QWidget | None = None) -> None:
    """Explain that the diary was saved by a newer app, and that it was left untouched."""
    box = MessageDialog(Icon.Information, TOO_NEW_TITLE, str(error), parent)
    box.addButton(OK, Role.AcceptRole)
    box.exec()
    box.deleteLater()


def open_read_only_or_tell(
    error: DataFolderError,
    parent: QWidget | None = None,
    tell: Callable[[str, QWidget | None], None] | None = None,
) -> Store | None:
    """Say which folder cannot be written and what to do; open its diary read-only if any.

    None when there is no diary to open (the message says so, and the app then quits).
    """
    show = tell or _tell_folder
    try:
        store = open_read_only_instead(error)
    except StoreError as failed:
        logger.error("Data folder not writable and no diary to read: %s", failed)
        show(str(error), parent)
        return None
    logger.warning("Data folder not writable, diary opened read-only: %s", error)
    show(f"{error}\n\n{READ_ONLY_NOTE}", parent)
    return store


def _tell_folder(message: str, parent: QWidget | None) -> None:
    box = MessageDialog(Icon.Information, FOLDER_TITLE, message, parent)
    box.addButton(OK, Role.AcceptRole)
    box.exec()
    box.deleteLater()


def open_store_interactively(
    path: Path | None = None,
    parent: QWidget | None = None,
    choose: Callable[[DatabaseDamagedError, QWidget | None], RecoveryChoice] = ask_recovery_choice,
    tell: Callable[[DatabaseTooNewError, QWidget | None], None] = tell_too_new,
    choose_again: Callable[[RecoveryOffer, QWidget | None], RecoveryChoice] = ask_again_choice,
    clock: Clock | None = None,
) -> Store | None:
    """Open the store, asking the person what to do if it is damaged; None means quit.

    When no diary is in place but damaged copies were never resolved (after a read-only
    look or a quit), the person is asked again instead of getting a silent empty diary.
    """
    offer = find_recovery_offer(path if path is not None else database_path())
    if offer is not None:
        logger.warning("No diary in place; unresolved damaged copies: %s", offer.damaged)
        choice = choose_again(offer, parent)
        logger.info("Recovery choice on restart: %s", choice.value)
        if choice is not RecoveryChoice.START_NEW:
            return _carry_out_again(choice, offer, path, clock or SystemClock())
        mark_kept(offer, (clock or SystemClock()).now(), KEPT_FOR_NEW_DIARY)
    try:
        return open_store(path, new_diary=offer is not None)
    except DatabaseTooNewError as error:
        logger.error("Database too new: %s", error)
        tell(error, parent)
        return None
    except DatabaseDamagedError as error:
        logger.error("Database damaged: %s", error)
        choice = choose(error, parent)
        logger.info("Recovery choice: %s", choice.value)
        if choice is RecoveryChoice.RESTORE_BACKUP and error.backups:
            return restore_and_resolve(error.backups[0], path)
        if choice is RecoveryChoice.OPEN_READ_ONLY:
            return open_read_only(error.damaged_path)
        return None


def _carry_out_again(
    choice: RecoveryChoice, offer: RecoveryOffer, path: Path | None, clock: Clock
) -> Store | None:
    if choice is RecoveryChoice.RESTORE_BACKUP and offer.backups:
        return restore_and_resolve(offer.backups[0], path, clock=clock)
    if choice is RecoveryChoice.OPEN_READ_ONLY and offer.damaged:
        return open_read_only(offer.newest_damaged)
    return None
