"""A damaged diary gets a calm dialog offering the newest good backup or a read-only look."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_store
from coach.storage.errors import DatabaseDamagedError, DatabaseTooNewError
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import database_path
from coach.ui import store_recovery
from coach.ui.store_recovery import (
    READ_ONLY_BUTTON,
    RESTORE_BUTTON,
    RecoveryChoice,
    ask_recovery_choice,
    damaged_dialog,
    open_store_interactively,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def make_diary_with_backup(path: Path) -> None:
    """A diary with one pain entry, backed up, then its header overwritten (damaged)."""
    store = open_store(path, clock=FakeClock(NOW))
    PainRepository(store).add(PainEntry(at=NOW, pain=4, note="before the damage"))
    store.backup_now(NOW)
    store.connection.close()
    with path.open("r+b") as file:
        file.write(b"this is not a database at all!!")


Chooser = Callable[[DatabaseDamagedError, QWidget | None], RecoveryChoice]


def choose_with(choice: RecoveryChoice, seen: list[DatabaseDamagedError]) -> Chooser:
    def choose(error: DatabaseDamagedError, parent: QWidget | None) -> RecoveryChoice:
        seen.append(error)
        return choice

    return choose


def damaged_error() -> DatabaseDamagedError:
    path = database_path()
    make_diary_with_backup(path)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_store(path)
    return caught.value


def test_dialog_offers_the_backup_and_says_where_both_files_are(qtbot: QtBot) -> None:
    error = damaged_error()
    box, buttons = damaged_dialog(error)
    qtbot.addWidget(box)
    assert [button.text() for button in buttons] == [RESTORE_BUTTON, READ_ONLY_BUTTON, "Quit"]
    assert box.defaultButton().text() == RESTORE_BUTTON
    assert str(error.damaged_path) in box.informativeText()
    assert str(error.backups[0]) in box.informativeText()
    assert "Nothing has been deleted" in box.text()


def test_restoring_the_backup_brings_the_diary_back(qtbot: QtBot) -> None:
    seen: list[DatabaseDamagedError] = []
    path = database_path()
    make_diary_with_backup(path)
    store = open_store_interactively(choose=choose_with(RecoveryChoice.RESTORE_BACKUP, seen))
    assert store is not None
    try:
        assert [e.note for e in PainRepository(store).latest(5)] == ["before the damage"]
        assert not store.read_only
        assert seen[0].damaged_path.exists()  # moved aside, never deleted
    finally:
        store.close()


def test_damaged_copy_can_be_opened_read_only(qtbot: QtBot) -> None:
    seen: list[DatabaseDamagedError] = []
    make_diary_with_backup(database_path())
    store = open_store_interactively(choose=choose_with(RecoveryChoice.OPEN_READ_ONLY, seen))
    assert store is not None
    try:
        assert store.read_only
        assert store.path == seen[0].damaged_path
    finally:
        store.close()


def test_quit_opens_nothing(qtbot: QtBot) -> None:
    make_diary_with_backup(database_path())
    assert open_store_interactively(choose=choose_with(RecoveryChoice.QUIT, [])) is None


def test_the_real_dialog_returns_the_clicked_choice(qtbot: QtBot) -> None:
    error = damaged_error()

    def click_restore() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        restore = next(b for b in box.buttons() if b.text() == RESTORE_BUTTON)
        restore.click()

    QTimer.singleShot(0, click_restore)
    assert ask_recovery_choice(error) is RecoveryChoice.RESTORE_BACKUP


def test_too_new_database_is_refused_with_a_message(qtbot: QtBot) -> None:
    path = database_path()
    open_store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.commit()
    connection.close()
    told: list[DatabaseTooNewError] = []
    result = store_recovery.open_store_interactively(tell=lambda error, _parent: told.append(error))
    assert result is None
    assert "newer version" in str(told[0])
    assert path.exists()
