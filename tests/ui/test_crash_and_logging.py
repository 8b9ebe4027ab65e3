"""The exception hook logs to the rotating file and shows one dialog, never a storm."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.storage.paths import log_dir
from coach.ui.crash import CrashHandler
from coach.ui.logging_setup import (
    LOG_FILE_NAME,
    PrivateRotatingFileHandler,
    configure_logging,
    qt_message_handler,
)
from coach.ui.widgets.message_dialog import MessageDialog


@pytest.fixture
def log_path() -> Iterator[Path]:
    """The app's log file in the test's private log folder; handlers removed afterwards."""
    root = logging.getLogger()
    level = root.level
    before = list(root.handlers)
    path = configure_logging(log_dir())
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def raise_and_hook(handler: CrashHandler, message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        handler(*sys.exc_info())


def visible_crash_dialogs() -> list[MessageDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MessageDialog) and w.isVisible()
    ]


def test_log_file_is_private_and_in_the_log_folder(log_path: Path) -> None:
    logging.getLogger("coach.test").info("hello log")
    assert log_path == log_dir() / LOG_FILE_NAME
    assert "hello log" in log_path.read_text()
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path.parent.stat().st_mode) == 0o700


def test_qt_messages_go_to_the_log(log_path: Path) -> None:
    qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(), "a Qt warning for the log")
    assert "WARNING qt: a Qt warning for the log" in log_path.read_text()


def test_hook_logs_and_shows_one_dialog_with_the_log_path(qtbot: QtBot, log_path: Path) -> None:
    handler = CrashHandler(log_path)
    handler.install()
    try:
        assert sys.excepthook is handler
        for number in range(5):
            raise_and_hook(handler, f"boom {number}")
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler
    assert handler.dialog is not None
    qtbot.addWidget(handler.dialog)
    assert handler.dialogs_shown == 1
    assert visible_crash_dialogs() == [handler.dialog]
    assert str(log_path) in handler.dialog.text()
    text = log_path.read_text()
    assert all(f"RuntimeError: boom {number}" in text for number in range(5))
    handler.dialog.accept()
    raise_and_hook(handler, "after the dialog was closed")
    assert handler.dialogs_shown == 1  # still one: errors after the first are logged only
    assert visible_crash_dialogs() == []
    assert "after the dialog was closed" in log_path.read_text()


def test_errors_in_threads_are_logged_without_a_dialog(log_path: Path) -> None:
    handler = CrashHandler(log_path)
    handler.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker-for-test")
        worker.start()
        worker.join()
    finally:
        handler.uninstall()
    assert "Unexpected error in thread worker-for-test" in log_path.read_text()
    assert "ZeroDivisionError" in log_path.read_text()
    assert handler.dialogs_shown == 0


def test_the_log_rotates_before_a_line_would_pass_the_size_and_keeps_private_backups(
    tmp_path: Path,
) -> None:
    path = tmp_path / LOG_FILE_NAME
    handler = PrivateRotatingFileHandler(path, max_bytes=100, backup_count=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.Logger("coach.rotation.test")
    logger.addHandler(handler)
    try:
        for number in range(7):
            logger.info("line %d %s", number, "x" * 30)  # 39 characters with the newline
    finally:
        handler.close()
    # Two lines fit under 100 characters, so each file holds two; the oldest file is dropped.
    assert path.read_text().splitlines() == [f"line 6 {'x' * 30}"]
    assert Path(f"{path}.1").read_text().splitlines() == [f"line {n} {'x' * 30}" for n in (4, 5)]
    assert Path(f"{path}.2").read_text().splitlines() == [f"line {n} {'x' * 30}" for n in (2, 3)]
    assert not Path(f"{path}.3").exists()
    for kept in (path, Path(f"{path}.1"), Path(f"{path}.2")):
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
