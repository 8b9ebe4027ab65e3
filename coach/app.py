"""Composition root: logging, QApplication, the store, audio probe, services and the window."""

from __future__ import annotations

import os

# pyqtgraph must pick PySide6, whatever other Qt bindings happen to be installed.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from coach import APP_ID, APP_NAME, APP_ORGANIZATION, __version__
from coach.resources import assets_dir
from coach.storage.database import READ_ONLY_NOTE, Store, open_read_only_instead, open_store
from coach.storage.errors import DataFolderError, StoreError
from coach.storage.paths import data_dir, log_dir
from coach.ui.audio_services import NOT_PROBED, AudioServices
from coach.ui.bootstrap import build_services, default_view_settings
from coach.ui.crash import CrashHandler
from coach.ui.logging_setup import configure_logging, install_qt_message_handler
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.store_recovery import open_read_only_or_tell, open_store_interactively
from coach.ui.theme import ThemeController, new_application

if TYPE_CHECKING:
    from coach.audio.playback import AudioEngine

logger = logging.getLogger(__name__)

BACKUP_CHECK_MS = 5 * 60 * 1000  # the store itself decides whether 30 minutes have passed
PAINT_WAIT_ROUNDS = 500
STORE_ERROR_TITLE = "Walking Coach cannot open your diary"
APP_ICON = "icons/walking-coach.svg"
"""The app icon inside the assets folder (packaging/render_icons.py draws the PNGs from it)."""
STARTUP_PROBE_ENV = "COACH_STARTUP_PROBE"
"""Set to 1 to print `FIRST_PAINT <time.monotonic()> <CPU seconds>` once painted, then quit."""


def ensure_display_platform() -> None:
    """Render offscreen when there is no X11 or Wayland display (self-test, CI, servers)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_application() -> QApplication:
    """The QApplication with the names QSettings and the desktop use."""
    app = QApplication.instance() or new_application(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ORGANIZATION)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    # The installed theme icon when there is one; the app's own SVG otherwise (a bare X11
    # window manager, or a start from a checkout without `make install-desktop`).
    app.setWindowIcon(QIcon.fromTheme(APP_ID, QIcon(str(assets_dir() / APP_ICON))))
    return app


def run_app(self_test: bool = False) -> int:
    """Start Walking Coach and return the process exit code.

    With self_test, open the store, report audio and the data folder on stdout, show the
    main window until it has painted, skip onboarding and exit (0 on success).
    """
    if self_test:
        ensure_display_platform()
    log_path = start_logging()
    install_qt_message_handler()
    logger.info("Starting %s %s (self-test: %s)", APP_NAME, __version__, self_test)
    app = make_application()
    crash = CrashHandler(log_path)
    crash.install()
    try:
        return run_self_test(app) if self_test else run_gui(app, crash)
    finally:
        crash.uninstall()


def start_logging() -> Path:
    """Log to the private log folder; when it cannot be written, say so in one line and go on."""
    try:
        return configure_logging(log_dir())
    except (StoreError, OSError) as error:
        print(f"No log is kept this time. {error}", file=sys.stderr)
        return Path(os.devnull)


def run_gui(app: QApplication, crash: CrashHandler) -> int:
    """The everyday start: store (with recovery dialogs), onboarding, window, event loop."""
    try:
        store = open_store_interactively()
    except DataFolderError as error:
        store = open_read_only_or_tell(error)
    except StoreError as error:
        logger.exception("Could not open the store")
        QMessageBox.critical(None, STORE_ERROR_TITLE, str(error))
        return 1
    if store is None:
        return 1
    audio: AudioServices | None = None
    try:
        # The sound stack (numpy, PortAudio) is built just after the first paint, not before it.
        services = build_services(store, NOT_PROBED, engine_factory=_create_engine)
        audio = services.audio
        theme = ThemeController(app, services.preferences, parent=app)
        first_screen = None
        if not services.preferences.current.onboarding_done and not store.read_only:
            first_screen = run_first_run_onboarding(services)
        window = MainWindow(services, default_view_settings())
        if first_screen is not None:
            window.show_screen(first_screen)  # Learn, when the introduction offered it
        theme.theme_changed.connect(window.on_theme_changed)
        crash.parent = window
        timer = start_backup_timer(store, services, app)
        after_paint: list[Callable[[], None]] = [services.audio.build]
        if os.environ.get(STARTUP_PROBE_ENV) == "1":
            after_paint.insert(0, _report_first_paint)  # before the audio build, so it is not timed
        window.installEventFilter(_AfterFirstPaint(after_paint, window))
        window.show()
        code = app.exec()
        timer.stop()
        return code
    finally:
        if audio is not None:
            audio.close()
        store.close()  # takes the exit backup when data changed


def run_first_run_onboarding(services: AppServices) -> str | None:
    """Show the first-run onboarding (it saves onboarding_done); the screen to open first."""
    from coach.ui.settings.onboarding import run_first_onboarding

    return run_first_onboarding(services)


def start_backup_timer(store: Store, services: AppServices, parent: QObject) -> QTimer:
    """Check every few minutes whether a backup is due (at most one per 30 minutes)."""
    timer = QTimer(parent)
    timer.setInterval(BACKUP_CHECK_MS)

    def check() -> None:
        try:
            store.maybe_backup(services.clock.now())
        except (StoreError, OSError):
            logger.warning("Periodic backup failed", exc_info=True)

    timer.timeout.connect(check)
    timer.start()
    return timer


class _PaintWatcher(QObject):
    """Counts paint events of the watched widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count paints and let every event through."""
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class _AfterFirstPaint(QObject):
    """Runs the given steps, in order, once the watched window's first paint has been handled."""

    def __init__(self, steps: list[Callable[[], None]], parent: QObject) -> None:
        super().__init__(parent)
        self._steps = steps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint, queue the steps behind it; let every event through."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        for step in self._steps:
            step()


def _report_first_paint() -> None:
    """For benchmarks/startup.py: say when the window first painted, then quit."""
    print(f"FIRST_PAINT {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
    QApplication.quit()


def _create_engine() -> AudioEngine:
    """The sounddevice engine; imported here because it brings in numpy and PortAudio."""
    from coach.audio.engine import create_engine

    return create_engine()  # probes once; visual-only when there is no sound


def run_self_test(app: QApplication) -> int:
    """Open the store, report audio and the data folder, paint the main window, exit."""
    try:
        store = open_store()
    except DataFolderError as error:
        print(error, file=sys.stderr)
        try:
            store = open_read_only_instead(error)
        except StoreError:
            print("Self-test failed: the diary cannot be opened.", file=sys.stderr)
            return 1
        print(READ_ONLY_NOTE, file=sys.stderr)
    except StoreError as error:
        print(f"Self-test failed: {error}", file=sys.stderr)
        return 1
    audio: AudioServices | None = None
    try:
        services = build_services(store, NOT_PROBED, engine_factory=_create_engine)
        audio = services.audio
        print(f"{APP_NAME} {__version__} self-test")
        print(f"Data folder: {data_dir()}")
        print(f"Database: {store.path}")
        ThemeController(app, services.preferences, parent=app)
        return _show_window_once(app, services)
    except Exception as error:
        logger.exception("Self-test failed")
        print(f"Self-test failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if audio is not None:
            audio.close()
        store.close()


def _show_window_once(app: QApplication, services: AppServices) -> int:
    with tempfile.TemporaryDirectory() as folder:
        # Throwaway view settings: a self-test must not move the user's window.
        settings = QSettings(str(Path(folder) / "view.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, settings)
        watcher = _PaintWatcher()
        window.installEventFilter(watcher)
        window.show()
        for _ in range(PAINT_WAIT_ROUNDS):
            app.processEvents()
            if watcher.paints:
                break
        painted = watcher.paints > 0 and not window.grab().isNull()
        services.audio.build()  # as in the everyday start: the sound stack after the paint
        audio = services.audio.status
        print("Sound: available" if audio.available else f"Sound: off. {audio.reason}")
        screens = ", ".join(window.sidebar.titles())
        window.removeEventFilter(watcher)
        window.close()
        window.deleteLater()
        app.processEvents()
    if not painted:
        print("Self-test failed: the main window did not paint.", file=sys.stderr)
        return 1
    print(f"Main window painted with screens: {screens}")
    print("Self-test passed.")
    return 0
