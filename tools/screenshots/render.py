"""Render every screen (and each onboarding step) to PNG: `python -m tools.screenshots OUTDIR`.

Runs offscreen on a throwaway store full of sample data in a temporary COACH_DATA_DIR, never
the user's. Writes e.g. today-1366x768-light.png, plus main.png for the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import (
    QMessageLogContext,
    QPoint,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from coach.audio.status import AUDIO_READY, NO_PORTAUDIO, AudioStatus
from coach.domain.clock import FakeClock
from coach.storage.database import open_store
from coach.storage.paths import DATA_DIR_ENV
from coach.ui.bootstrap import build_services
from coach.ui.services import AppServices
from coach.ui.theme import ThemeController, colors_for, current_scheme
from tools.screenshots.capture import SCHEMES, SIZES, discard, grab_window, make_window, settle
from tools.screenshots.checkin_shots import fill_sample_checkins, render_checkin_states
from tools.screenshots.dialog_shots import render_pain_log_states
from tools.screenshots.diary_shots import render_diary_states
from tools.screenshots.report_shots import render_report_page
from tools.screenshots.sample_data import fill_sample_baseline, fill_sample_data
from tools.screenshots.settings_shots import render_settings_states
from tools.screenshots.stretches_shots import render_stretches_states
from tools.screenshots.walk_shots import render_walk_states

SAMPLE_NOW = datetime(2026, 11, 26, 10, 15).astimezone()  # a Thursday morning
DIALOG_SIZE = (900, 680)  # the onboarding dialog's own size (coach.ui.settings.onboarding)
SOUND_READY = AudioStatus(True, AUDIO_READY, ("Built-in speakers",), "Built-in speakers")
TREADMILL_SAMPLE = (110, 110, 12 * 60 + 34)  # cadence, this week's target, seconds walked

Builder = Callable[[AppServices], QWidget]


def onboarding_states() -> list[tuple[str, Builder]]:
    """The onboarding pages to render, if the onboarding package is there."""
    try:
        from coach.ui.settings.onboarding import onboarding_screenshot_states
    except ImportError:
        return []
    return onboarding_screenshot_states()


def grab_dialog(
    app: QApplication, services: AppServices, build: Builder, size: tuple[int, int], path: Path
) -> None:
    """Render an onboarding page as its dialog would sit, centred on a screen of `size`."""
    page = build(services)
    page.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    page.resize(min(DIALOG_SIZE[0], size[0] - 80), min(DIALOG_SIZE[1], size[1] - 80))
    page.show()
    settle(app)
    dialog = page.grab()
    discard(page)
    canvas = QPixmap(*size)
    canvas.fill(QColor("#5b6569"))  # a neutral desktop behind the dialog
    painter = QPainter(canvas)
    corner = QPoint((size[0] - dialog.width()) // 2, (size[1] - dialog.height()) // 2)
    painter.drawPixmap(corner, dialog)
    painter.setPen(QColor(colors_for(current_scheme()).border))
    painter.drawRect(corner.x() - 1, corner.y() - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    canvas.save(str(path))


def grab_treadmill_view(app: QApplication, size: tuple[int, int], path: Path) -> None:
    """The full-screen treadmill view as it looks mid-walk, at a screen size."""
    from coach.ui.metronome import texts as metronome_texts
    from coach.ui.metronome.treadmill_view import TreadmillView

    view = TreadmillView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*size)
    view.show_cadence(TREADMILL_SAMPLE[0])
    view.show_target(TREADMILL_SAMPLE[1])
    view.show_time(TREADMILL_SAMPLE[2])
    view.show_state(metronome_texts.TV_WALKING)
    view.footprints.show_step("left")
    view.show()
    settle(app)
    view.grab().save(str(path))
    discard(view)


def render_all(
    out_dir: Path,
    services: AppServices,
    app: QApplication,
    sizes: tuple[tuple[int, int], ...] = SIZES,
) -> list[Path]:
    """Render every screen and onboarding page at each size in each scheme; return the files."""
    written: list[Path] = []
    view_dir = Path(services.store.path).parent
    for scheme in SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in sizes:
            window = make_window(services, (width, height), view_dir)
            for key in window.screen_keys():
                path = out_dir / f"{key}-{width}x{height}-{scheme}.png"
                grab_window(app, window, key, path)
                written.append(path)
            discard(window)
            path = out_dir / f"treadmill-{width}x{height}-{scheme}.png"
            grab_treadmill_view(app, (width, height), path)
            written.append(path)
            for stem, build in onboarding_states():
                path = out_dir / f"{stem}-{width}x{height}-{scheme}.png"
                grab_dialog(app, services, build, (width, height), path)
                written.append(path)
    return written


def render_sound_off(out_dir: Path, services: AppServices, app: QApplication) -> Path:
    """Today with sound unavailable, to check the status line."""
    services.preferences.set("theme", "light")
    window = make_window(services, SIZES[0], Path(services.store.path).parent)
    window.set_audio_status(AudioStatus(False, NO_PORTAUDIO))
    path = out_dir / f"today-{SIZES[0][0]}x{SIZES[0][1]}-light-sound-off.png"
    grab_window(app, window, "today", path)
    discard(window)
    return path


def _quiet_offscreen_messages(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    # The offscreen platform complains about every top-level window; nothing to act on.
    if "propagateSizeHints" not in text:
        print(text, file=sys.stderr)


def main(argv: list[str]) -> int:
    """Write the screenshots to the folder named on the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.screenshots", description="Render every screen to PNG files."
    )
    parser.add_argument("out_dir", type=Path, help="folder for the PNG files")
    # The test suite renders the screens at one size only; tests/ui/test_screens_fit.py
    # already opens every screen at every size, and all sizes took 10 min on 2 busy cores.
    parser.add_argument("--sizes", help="only these sizes, e.g. 1366x768,1024x600")
    args = parser.parse_args(argv)
    sizes = SIZES
    if args.sizes:
        sizes = tuple(size for size in SIZES if "x".join(map(str, size)) in args.sizes.split(","))
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    from coach.app import make_application

    app = make_application()
    qInstallMessageHandler(_quiet_offscreen_messages)
    with tempfile.TemporaryDirectory(prefix="walkcoach-screenshots-") as data:
        os.environ[DATA_DIR_ENV] = data  # sample data only, never the user's diary
        store = open_store(clock=FakeClock(SAMPLE_NOW))
        try:
            services = build_services(store, SOUND_READY, FakeClock(SAMPLE_NOW))
            services.preferences.set("height_cm", 172.0)
            services.preferences.set("onboarding_done", True)
            fill_sample_data(services)
            fill_sample_baseline(services)
            fill_sample_checkins(services)
            theme = ThemeController(app, services.preferences)  # follows the theme preference
            written = render_all(out_dir, services, app, sizes)
            written += render_pain_log_states(out_dir, services, app)
            written += render_settings_states(out_dir, services, app)
            written += render_checkin_states(out_dir, services, app)
            written.append(render_sound_off(out_dir, services, app))
            written += render_diary_states(out_dir, services, app)
            written += render_report_page(out_dir, services)
            written += render_stretches_states(out_dir, services, app)
            written += render_walk_states(out_dir, services, app)  # last: it walks the clock on
            main_png = out_dir / "main.png"
            QPixmap(str(out_dir / "today-1366x768-light.png")).save(str(main_png))
            written.append(main_png)
            del theme
        finally:
            store.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
