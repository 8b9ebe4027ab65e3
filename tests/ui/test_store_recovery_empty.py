"""An empty or deleted diary beside its backups, and a data folder that cannot be written."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainEntry
from coach.storage.database import READ_ONLY_NOTE, open_store
from coach.storage.errors import DataFolderError
from coach.storage.pain_repo import PainRepository
from coach.storage.paths import database_path
from coach.storage.recovery import RecoveryOffer, find_recovery_offer
from coach.ui.store_recovery import (
    EMPTY_TEXT,
    RESTORE_BUTTON,
    START_NEW_BUTTON,
    RecoveryChoice,
    again_dialog,
    open_read_only_or_tell,
    open_store_interactively,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def emptied_diary_with_backup() -> Path:
    """A diary with one entry, closed (so backed up), then truncated to zero bytes."""
    path = database_path()
    with open_store(path, clock=FakeClock(NOW)) as store:
        PainRepository(store).add(PainEntry(at=NOW, pain=4, note="in the backup"))
    path.write_bytes(b"")
    return path


def test_an_empty_diary_offers_the_backup_without_a_read_only_copy(qtbot: QtBot) -> None:
    emptied_diary_with_backup()
    offer = find_recovery_offer(database_path())
    assert offer is not None and offer.damaged == ()
    box, buttons = again_dialog(offer)
    qtbot.addWidget(box)
    assert [b.text() for b in buttons] == [RESTORE_BUTTON, START_NEW_BUTTON, "Quit"]
    assert box.text() == EMPTY_TEXT
    assert str(offer.backups[0]) in box.informativeText()


@pytest.mark.parametrize(
    ("choice", "rows"), [(RecoveryChoice.RESTORE_BACKUP, 1), (RecoveryChoice.START_NEW, 0)]
)
def test_restore_or_a_new_diary_is_the_persons_choice(
    qtbot: QtBot, choice: RecoveryChoice, rows: int
) -> None:
    emptied_diary_with_backup()

    def choose(offer: RecoveryOffer, parent: QWidget | None) -> RecoveryChoice:
        return choice

    store = open_store_interactively(choose_again=choose, clock=FakeClock(NOW))
    assert store is not None
    try:
        assert PainRepository(store).count() == rows
    finally:
        store.close()


def test_a_folder_that_cannot_be_written_opens_its_diary_read_only(qtbot: QtBot) -> None:
    path = database_path()
    with open_store(path, clock=FakeClock(NOW)) as store:
        PainRepository(store).add(PainEntry(at=NOW, pain=4))
    error = DataFolderError(path.parent, "you made it read-only", "Make it writable.", path)
    told: list[str] = []
    opened = open_read_only_or_tell(error, tell=lambda text, parent: told.append(text))
    assert opened is not None and opened.read_only
    opened.close()
    assert told == [f"{error}\n\n{READ_ONLY_NOTE}"]
    nothing = DataFolderError(path.parent / "x", "it is on a read-only disk", "Move it.")
    assert open_read_only_or_tell(nothing, tell=lambda text, parent: told.append(text)) is None
    assert told[-1] == str(nothing)
    assert os.path.exists(path)
