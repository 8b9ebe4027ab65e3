"""Every dialog fits the screen it opens on: no larger than the screen (it scrolls instead),
no horizontal scroll bar, no button narrower than its words (issue 12, §3).

test_fit_text_150.py runs this again on a real 1024x600 screen and at 150 % text scaling.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import PainAdder
from fit_support import look_at_dialog, look_at_modal, settle
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.diary.import_preview import preview_import
from coach.domain.pain import PainEntry
from coach.storage.errors import DatabaseDamagedError, DatabaseTooNewError, DataFolderError
from coach.storage.recovery import RecoveryOffer
from coach.ui.crash import CrashHandler
from coach.ui.dialogs.checkin import CheckinDialog
from coach.ui.dialogs.log_pain import LogPainDialog
from coach.ui.diary.edit import EditEntryDialog
from coach.ui.diary.import_dialog import ImportPreviewDialog
from coach.ui.main_window import MainWindow
from coach.ui.safety.gate import ask_before_walking, confirm_clearance, current_state
from coach.ui.services import AppServices
from coach.ui.settings.onboarding import onboarding_dialog
from coach.ui.store_recovery import (
    again_dialog,
    damaged_dialog,
    open_read_only_or_tell,
    tell_too_new,
)
from coach.ui.walk.player import ask_to_stop
from tools.screenshots.diary_shots import SAMPLE_FILE_NAME, sample_import_csv

LONG_NOTE = "Stiff after sitting at the desk all morning, easier after the walk to the shop"
ALL_SIGNS = ("saddle_numbness", "bladder_bowel", "leg_weakness", "fever_weight_loss")


@pytest.mark.qt_log_ignore("QWidget::setMinimumSize")  # a clipped dialog is reported below
def test_every_dialog_fits_its_screen(
    qtbot: QtBot,
    qapp: QApplication,
    main_window: MainWindow,
    services: AppServices,
    add_pain: PainAdder,
    tmp_path: Path,
) -> None:
    window = main_window
    for hours in (30, 20):
        add_pain(4, hours_ago=hours, note=LONG_NOTE)
    problems: list[str] = []
    problems += _pain_dialogs(qapp, window, services)
    problems += _onboarding(qapp, window, services)
    problems += _questions(qapp, window, services)
    problems += _recovery(qapp, window, tmp_path)
    assert not problems, "\n".join(problems)


def _pain_dialogs(app: QApplication, window: MainWindow, services: AppServices) -> list[str]:
    log = LogPainDialog(services, window)
    log.choose(4)
    log.note_edit.setText(LONG_NOTE)
    log.show_message("The diary is open read-only, so nothing can be saved.")
    found = look_at_dialog(app, log, "pain log")
    now = services.clock.now()
    entry: PainEntry = services.pain.between(now - timedelta(days=2), now)[0]
    found += look_at_dialog(app, EditEntryDialog(entry, services.clock.now, window), "edit")
    checkin = CheckinDialog(services, window)
    checkin.choose(0, 5)
    checkin.show_message("Answer at least two of the three questions, or skip this week.")
    found += look_at_dialog(app, checkin, "weekly check-in")
    preview = preview_import(
        sample_import_csv(services), now.tzinfo or now.astimezone().tzinfo, services.pain.keys(),
        now=now,
    )  # fmt: skip
    dialog = ImportPreviewDialog(SAMPLE_FILE_NAME, preview, window)
    return found + look_at_dialog(app, dialog, "import preview")


def _onboarding(app: QApplication, window: MainWindow, services: AppServices) -> list[str]:
    dialog, wizard = onboarding_dialog(services, window, offer_learn=True)
    for key in ALL_SIGNS:
        wizard.red_flag_step.boxes[key].setChecked(True)
    dialog.show()
    found: list[str] = []
    for step in wizard.step_names:
        wizard.go_to(step)
        settle(app)
        found += look_at_dialog(app, dialog, f"onboarding {step}")
    dialog.close()
    return found


def _questions(app: QApplication, window: MainWindow, services: AppServices) -> list[str]:
    services.pain.add(PainEntry(at=services.clock.now(), pain=7, red_flags=frozenset(ALL_SIGNS)))
    message = current_state(services).message
    assert message is not None
    found = look_at_modal(app, lambda: ask_before_walking(window, message), "ask before walking")
    found += look_at_modal(app, lambda: confirm_clearance(window), "clinician checked")
    found += look_at_modal(app, lambda: ask_to_stop(window), "stop the walk")
    handler = CrashHandler(Path("/home/someone/.local/state/walkcoach/log/walkcoach.log"), window)
    try:
        raise RuntimeError("a test of the crash dialog")
    except RuntimeError as error:
        handler(RuntimeError, error, error.__traceback__)
    assert handler.dialog is not None
    return found + look_at_dialog(app, handler.dialog, "crash")


def _recovery(app: QApplication, window: MainWindow, folder: Path) -> list[str]:
    database = folder / "walkcoach" / "walkcoach.sqlite3"
    backups = [folder / "backups" / f"walkcoach-2026-11-{day}T0800.sqlite3" for day in (25, 24)]
    damaged = folder / "walkcoach" / "walkcoach.sqlite3.damaged-2026-11-25T093000"
    for path in backups:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")  # the dialog names each backup with its date and size
    error = DatabaseDamagedError(database, damaged, backups, "database disk image is malformed")
    box, _ = damaged_dialog(error, window)
    found = look_at_dialog(app, box, "damaged diary")
    offer = RecoveryOffer(database, (damaged, damaged.with_suffix(".older")), tuple(backups))
    box, _ = again_dialog(offer, window)
    found += look_at_dialog(app, box, "damaged diary again")
    too_new = DatabaseTooNewError(database, 99, 9)
    found += look_at_modal(app, lambda: tell_too_new(too_new, window), "too new")
    unwritable = DataFolderError(folder, "permission denied", "Make the folder writable.")
    found += look_at_modal(
        app, lambda: open_read_only_or_tell(unwritable, window), "folder not writable"
    )
    return found
