"""The quick pain log: keyboard only, sensible 'when', time now, calm refusals, read-only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainContext, PainEntry, context_for_hour
from coach.storage.database import open_read_only
from coach.ui.bootstrap import build_services
from coach.ui.dialogs import texts
from coach.ui.dialogs.log_pain import LogPainDialog, open_log_pain
from coach.ui.services import AppServices
from coach.ui.texts import READ_ONLY_REFUSAL


@pytest.fixture
def dialog(qtbot: QtBot, services: AppServices) -> LogPainDialog:
    shown = LogPainDialog(services)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.scale.setFocus()
    return shown


def test_keyboard_only_a_number_and_enter_saves_now(
    qtbot: QtBot, dialog: LogPainDialog, services: AppServices
) -> None:
    assert QApplication.focusWidget() is dialog.scale
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.keyClick(dialog.scale, "6")
        qtbot.keyClick(dialog.scale, Qt.Key.Key_Return)
    entry = blocker.args[0]
    assert isinstance(entry, PainEntry) and entry.id is not None
    assert (entry.pain, entry.at, entry.context) == (6, services.clock.now(), PainContext.ON_WAKING)
    assert services.pain.latest(5) == [entry]
    assert dialog.result() == LogPainDialog.DialogCode.Accepted


def test_ten_by_typing_1_then_0_with_a_note(
    qtbot: QtBot, dialog: LogPainDialog, services: AppServices
) -> None:
    qtbot.keyClicks(dialog.scale, "10")
    qtbot.keyClick(dialog.scale, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.context_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note_edit
    qtbot.keyClicks(dialog.note_edit, "after the long drive")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    [entry] = services.pain.latest(5)
    assert (entry.pain, entry.note) == (10, "after the long drive")


def test_enter_without_a_rating_says_what_to_do_and_saves_nothing(
    qtbot: QtBot, dialog: LogPainDialog, services: AppServices
) -> None:
    qtbot.keyClick(dialog.scale, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message_label.text() == texts.NEED_RATING
    assert services.pain.latest(5) == []
    qtbot.keyClick(dialog.scale, "3")
    assert dialog.message_label.isHidden()


def test_values_off_the_scale_are_refused_with_a_message(
    dialog: LogPainDialog, services: AppServices
) -> None:
    assert not dialog.choose(11)
    assert dialog.message_label.text() == texts.OUT_OF_RANGE.format(value=11)
    assert not dialog.choose(-2)
    assert dialog.scale.value() is None
    assert dialog.choose(0)
    assert dialog.save()
    assert [e.pain for e in services.pain.latest(5)] == [0]


@pytest.mark.parametrize(
    ("hour", "context"),
    [
        (7, PainContext.ON_WAKING),
        (13, PainContext.OTHER),
        (21, PainContext.EVENING),
        (2, PainContext.EVENING),
    ],
)
def test_when_defaults_by_time_of_day(
    qtbot: QtBot, services: AppServices, hour: int, context: PainContext
) -> None:
    assert context_for_hour(hour) is context
    clocked = build_services(
        services.store, services.audio_status, FakeClock(datetime(2026, 11, 25, hour, tzinfo=UTC))
    )
    dialog = LogPainDialog(clocked)
    qtbot.addWidget(dialog)
    assert dialog.context_box.currentData() == context.value


@pytest.fixture
def read_only(services: AppServices, clock: FakeClock) -> Iterator[AppServices]:
    services.store.close()
    store = open_read_only(services.store.path)
    yield build_services(store, services.audio_status, clock)
    store.close()


def test_read_only_diary_says_why_instead_of_crashing(qtbot: QtBot, read_only: AppServices) -> None:
    dialog = LogPainDialog(read_only)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.message_label.text() == READ_ONLY_REFUSAL
    dialog.choose(5)
    assert dialog.save() is False
    assert read_only.pain.latest(5) == []


def test_open_log_pain_returns_the_saved_entry(qtbot: QtBot, services: AppServices) -> None:
    def rate_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LogPainDialog)
        qtbot.keyClick(dialog.scale, "2")
        qtbot.keyClick(dialog.scale, Qt.Key.Key_Enter)

    QTimer.singleShot(0, rate_and_save)
    entry = open_log_pain(services)
    assert entry is not None and entry.pain == 2


def test_not_now_saves_nothing(qtbot: QtBot, services: AppServices) -> None:
    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LogPainDialog)
        qtbot.keyClick(dialog.scale, "8")
        dialog.cancel_button.click()

    QTimer.singleShot(0, close_it)
    assert open_log_pain(services) is None
    assert services.pain.latest(5) == []
