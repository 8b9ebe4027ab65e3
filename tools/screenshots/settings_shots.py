"""Screenshots of Settings scrolled to Sound, with sound on and off, for tools.screenshots."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from coach.audio.status import NO_PORTAUDIO, AudioStatus
from coach.ui.main_window import MainWindow
from coach.ui.navigation import default_screens
from coach.ui.services import AppServices
from coach.ui.settings.screen import settings_screenshot_states
from tools.screenshots.capture import discard

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080))
SCHEMES: tuple[str, ...] = ("light", "dark")
STATES = ("settings-sound", "settings-sound-off")


def grab_settings_state(
    app: QApplication, services: AppServices, stem: str, size: tuple[int, int], path: Path
) -> None:
    """The main window showing Settings in one of its screenshot states."""
    build = dict(settings_screenshot_states())[stem]
    screens = [
        dataclasses.replace(spec, factory=build) if spec.key == "settings" else spec
        for spec in default_screens()
    ]
    view = QSettings(str(Path(services.store.path).parent / "view.ini"), QSettings.Format.IniFormat)
    shown = services
    if stem.endswith("sound-off"):
        shown = dataclasses.replace(
            services, audio=services.audio.showing(AudioStatus(False, NO_PORTAUDIO))
        )
    window = MainWindow(shown, view, screens)
    window.reminder.timer.stop()
    window.on_theme_changed("")
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*size)
    window.show()
    window.show_screen("settings")
    for _ in range(8):
        app.processEvents()  # scroll_to waits for the layout; let it land
    window.grab().save(str(path))
    discard(window)


def render_settings_states(out_dir: Path, services: AppServices, app: QApplication) -> list[Path]:
    """settings-sound-* and settings-sound-off-* at both sizes in both schemes."""
    written: list[Path] = []
    for scheme in SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in SIZES:
            for stem in STATES:
                path = out_dir / f"{stem}-{width}x{height}-{scheme}.png"
                grab_settings_state(app, services, stem, (width, height), path)
                written.append(path)
    return written
