"""Pieces of the composition root: application names and the periodic backup check."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coach import APP_ID, APP_NAME, APP_ORGANIZATION
from coach.app import BACKUP_CHECK_MS, make_application, start_backup_timer
from coach.domain.clock import FakeClock
from coach.storage.backups import newest_backup_time
from coach.ui.services import AppServices


def test_application_carries_the_app_names(qapp: QApplication) -> None:
    app = make_application()
    assert app is qapp
    assert app.applicationName() == APP_NAME
    assert app.organizationName() == APP_ORGANIZATION
    assert QGuiApplication.desktopFileName() == APP_ID


def test_backup_timer_backs_up_only_after_changes_and_30_minutes(
    services: AppServices, clock: FakeClock
) -> None:
    owner = QObject()
    timer = start_backup_timer(services.store, services, owner)
    assert timer.isActive() and timer.interval() == BACKUP_CHECK_MS
    folder = services.store.backup_folder
    services.preferences.set("usual_walk_minutes_per_week", 75)  # first save may back up
    clock.advance(60)
    services.preferences.set("usual_walk_minutes_per_week", 80)  # too soon for another
    first = newest_backup_time(folder)
    timer.timeout.emit()  # what the timer does every few minutes; no real waiting
    assert newest_backup_time(folder) == first  # not 30 minutes yet
    clock.advance(30 * 60)
    timer.timeout.emit()
    assert newest_backup_time(folder) == clock.now()
    clock.advance(30 * 60)
    timer.timeout.emit()  # nothing changed since: no new backup
    assert newest_backup_time(folder) == clock.now() - timedelta(minutes=30)
    timer.stop()
