"""The exception hook: log every unexpected error, and tell the user once where the log is."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from coach.ui.texts import OK
from coach.ui.widgets.message_dialog import Icon, MessageDialog, Role

logger = logging.getLogger(__name__)

CRASH_TITLE = "Something went wrong"
CRASH_TEXT = (
    "Walking Coach hit an unexpected problem. Your saved walks and diary entries are safe.\n\n"
    "Details were written to the log file:\n{log_path}\n\n"
    "If it keeps happening, restart the app and include that file when you report it."
)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def log_thread_exception(args: threading.ExceptHookArgs) -> None:
    """Log an error from a worker thread; no dialog, widgets belong to the GUI thread."""
    logger.critical(
        "Unexpected error in thread %s",
        args.thread.name if args.thread is not None else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


class CrashHandler:
    """Installed as sys.excepthook: logs each error and shows a single dialog at a time.

    Qt calls back into Python for every event, so one bug can raise hundreds of times;
    while the dialog is open (or after `max_dialogs` dialogs) further errors are only logged.
    """

    def __init__(self, log_path: Path, parent: QWidget | None = None, max_dialogs: int = 1):
        self.log_path = log_path
        self.parent = parent
        self.max_dialogs = max_dialogs
        self.dialogs_shown = 0
        self.dialog: MessageDialog | None = None
        self._previous: ExceptHook | None = None
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        """Make this the process's exception hook (threads' errors are logged only)."""
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self
        threading.excepthook = log_thread_exception

    def uninstall(self) -> None:
        """Put back the hooks that were there before install()."""
        if self._previous is not None:
            sys.excepthook = self._previous
            threading.excepthook = self._previous_thread_hook
            self._previous = None

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """Log the exception, then show the dialog unless one is already showing."""
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        logger.critical("Unexpected error", exc_info=(kind, error, trace))
        if self.dialog is not None and self.dialog.isVisible():
            return
        if self.dialogs_shown >= self.max_dialogs or QApplication.instance() is None:
            return
        self.dialogs_shown += 1
        self.dialog = self._make_dialog()
        # open() rather than exec(): the hook returns at once and no nested loop piles up.
        self.dialog.open()

    def _make_dialog(self) -> MessageDialog:
        text = CRASH_TEXT.format(log_path=self.log_path)
        dialog = MessageDialog(Icon.Warning, CRASH_TITLE, text, self.parent)
        dialog.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dialog.setDefaultButton(dialog.addButton(OK, Role.AcceptRole))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        return dialog
