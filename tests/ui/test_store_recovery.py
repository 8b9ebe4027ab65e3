"""A damaged diary gets a calm dialog offering the newest good backup or a read-only look."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_store
from coach.storage.errors import DatabaseDamagedError, DatabaseTooNewError
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import database_path
from coach.storage.recovery import RecoveryOffer, find_recovery_offer, kept_marker
from coach.ui import store_recovery
from coach.ui.store_recovery import (
    READ_ONLY_BUTTON,
    RESTORE_BUTTON,
    START_NEW_BUTTON,
    RecoveryChoice,
    again_dialog,
    ask_again_choice,
    ask_recovery_choice,
    damaged_dialog,
    open_store_interactively,
)
from coach.ui.widgets.message_dialog import MessageDialog

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
        assert isinstance(box, MessageDialog)
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


AgainChooser = Callable[[RecoveryOffer, QWidget | None], RecoveryChoice]


def choose_again_with(choice: RecoveryChoice, seen: list[RecoveryOffer]) -> AgainChooser:
    def choose(offer: RecoveryOffer, parent: QWidget | None) -> RecoveryChoice:
        seen.append(offer)
        return choice

    return choose


def never_asked(offer: RecoveryOffer, parent: QWidget | None) -> RecoveryChoice:
    raise AssertionError(f"asked again about {offer.damaged}")


def look_read_only_then_close() -> Path:
    """The first start: damage found, the person opens the damaged copy read-only."""
    seen: list[DatabaseDamagedError] = []
    make_diary_with_backup(database_path())
    store = open_store_interactively(choose=choose_with(RecoveryChoice.OPEN_READ_ONLY, seen))
    assert store is not None and store.read_only
    store.close()
    return seen[0].damaged_path


def test_after_a_read_only_look_the_next_start_asks_again(qtbot: QtBot) -> None:
    damaged = look_read_only_then_close()
    seen: list[RecoveryOffer] = []
    store = open_store_interactively(
        choose_again=choose_again_with(RecoveryChoice.OPEN_READ_ONLY, seen)
    )
    assert store is not None
    try:
        assert store.read_only and store.path == damaged
        assert seen[0].damaged == (damaged,) and seen[0].backups
        assert not database_path().exists() or database_path().stat().st_size == 0
    finally:
        store.close()


def test_restoring_on_the_next_start_brings_the_entries_back(qtbot: QtBot) -> None:
    look_read_only_then_close()
    store = open_store_interactively(
        choose_again=choose_again_with(RecoveryChoice.RESTORE_BACKUP, [])
    )
    assert store is not None
    try:
        assert not store.read_only
        assert [e.note for e in PainRepository(store).latest(5)] == ["before the damage"]
    finally:
        store.close()


def test_starting_new_keeps_the_old_files_and_stops_asking(qtbot: QtBot) -> None:
    damaged = look_read_only_then_close()
    store = open_store_interactively(choose_again=choose_again_with(RecoveryChoice.START_NEW, []))
    assert store is not None
    try:
        assert not store.read_only and PainRepository(store).latest(5) == []
    finally:
        store.close()
    assert damaged.exists()
    assert kept_marker(damaged).exists()
    again = open_store_interactively(choose_again=never_asked)
    assert again is not None
    again.close()


def test_quitting_on_the_next_start_creates_no_diary(qtbot: QtBot) -> None:
    look_read_only_then_close()
    assert open_store_interactively(choose_again=choose_again_with(RecoveryChoice.QUIT, [])) is None
    assert not database_path().exists()
    assert open_store_interactively(choose_again=choose_again_with(RecoveryChoice.QUIT, [])) is None


def test_restart_dialog_names_the_files_and_says_nothing_is_deleted(qtbot: QtBot) -> None:
    damaged = look_read_only_then_close()
    offer = find_recovery_offer(database_path())
    assert offer is not None
    box, buttons = again_dialog(offer)
    qtbot.addWidget(box)
    assert [b.text() for b in buttons] == [
        RESTORE_BUTTON,
        READ_ONLY_BUTTON,
        START_NEW_BUTTON,
        "Quit",
    ]
    assert list(buttons.values())[2] is RecoveryChoice.START_NEW
    assert box.defaultButton().text() == RESTORE_BUTTON
    assert box.escapeButton().text() == "Quit"
    text = box.informativeText()
    assert str(damaged) in text and str(offer.backups[0]) in text
    assert "not deleted" in text and "stay in the files" in text


def test_the_real_restart_dialog_returns_start_new(qtbot: QtBot) -> None:
    look_read_only_then_close()
    offer = find_recovery_offer(database_path())
    assert offer is not None

    def click_start_new() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, MessageDialog)
        next(b for b in box.buttons() if b.text() == START_NEW_BUTTON).click()

    QTimer.singleShot(0, click_start_new)
    assert ask_again_choice(offer) is RecoveryChoice.START_NEW
