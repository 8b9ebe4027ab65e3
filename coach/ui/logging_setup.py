"""Logging to a rotating file in the log folder, with Qt's own messages routed into it."""

from __future__ import annotations

import errno
import logging
import os
import sys
from io import TextIOWrapper
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from coach.storage.paths import ensure_private_dir

LOG_FILE_NAME = "walkcoach.log"
"""The name of the current log file inside the log folder."""

_MAX_BYTES = 1_000_000
_BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

qt_logger = logging.getLogger("qt")
"""The logger that receives every message Qt prints."""


class PrivateRotatingFileHandler(logging.FileHandler):
    """A log file readable by its owner only (mode 0600), rotated like the stdlib's.

    Before a line would take the file to max_bytes, the file becomes `<name>.1` (the older
    ones `.2` ... up to backup_count) and a new one is started. Our own rather than
    logging.handlers.RotatingFileHandler: that module brings socket, pickle and queue for its
    other handlers, about 7 ms of every start before the window can paint.
    """

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        super().__init__(path, encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        # Create the file with 0600 before opening, because logs may mention health data paths.
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        os.chmod(self.baseFilename, 0o600)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record, first rotating when it would not fit; called under the lock."""
        try:
            if self._is_full_with(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _is_full_with(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        line = self.format(record) + self.terminator
        return self.stream.tell() > 0 and self.stream.tell() + len(line) >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # a failed rename below must not leave a closed stream
        for number in range(self.backup_count - 1, 0, -1):
            older = Path(f"{self.baseFilename}.{number}")
            if older.exists():
                older.replace(f"{self.baseFilename}.{number + 1}")
        Path(self.baseFilename).replace(f"{self.baseFilename}.1")
        self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A log line that cannot be written (a full disk) is dropped: said once, no traceback."""
        if not self._said_so:
            self._said_so = True
            error = sys.exc_info()[1]
            reason = "disk full" if getattr(error, "errno", None) == errno.ENOSPC else error
            print(f"Cannot write the log {self.baseFilename}: {reason}.", file=sys.stderr)

    _said_so = False


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file in log_dir (mode 0700) and return its path."""
    ensure_private_dir(log_dir)
    log_path = log_dir / LOG_FILE_NAME
    handler = PrivateRotatingFileHandler(log_path, _MAX_BYTES, _BACKUP_COUNT)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return log_path


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Write one Qt message to the `qt` logger at the matching level."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_logger.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> object:
    """Route Qt's qDebug/qWarning/... output into Python logging; returns the old handler."""
    return qInstallMessageHandler(qt_message_handler)
