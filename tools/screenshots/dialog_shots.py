"""Screenshots of the quick pain log and of the daily reminder bar, for tools.screenshots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from coach.ui.dialogs import texts
from coach.ui.dialogs.log_pain import LogPainDialog
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.theme import colors_for, current_scheme
from tools.screenshots.capture import discard

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080))
SCHEMES: tuple[str, ...] = ("light", "dark")
DESKTOP = "#5b6569"  # a neutral desktop behind a dialog
SAMPLE_NOTE = "Stiff after sitting at the desk"


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save_on_desktop(widget: QWidget, size: tuple[int, int], path: Path) -> None:
    """Save the widget as it would sit, centred, on a screen of `size`."""
    image = widget.grab()
    ratio = image.devicePixelRatio()  # 1.5 with 150 % text: count in the dialog's own pixels
    canvas = QPixmap(round(size[0] * ratio), round(size[1] * ratio))
    canvas.setDevicePixelRatio(ratio)
    canvas.fill(QColor(DESKTOP))
    painter = QPainter(canvas)
    shown = image.deviceIndependentSize().toSize()
    corner = QPoint((size[0] - shown.width()) // 2, (size[1] - shown.height()) // 2)
    painter.drawPixmap(corner, image)
    painter.setPen(QColor(colors_for(current_scheme()).border))
    painter.drawRect(corner.x() - 1, corner.y() - 1, shown.width() + 1, shown.height() + 1)
    painter.end()
    canvas.save(str(path))


def grab_pain_log(
    app: QApplication, services: AppServices, size: tuple[int, int], path: Path
) -> None:
    """The quick pain log with a 4 chosen and a short note, centred on a screen."""
    dialog = LogPainDialog(services)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.choose(4)
    dialog.note_edit.setText(SAMPLE_NOTE)
    dialog.show()
    dialog.scale.setFocus()
    _settle(app)
    save_on_desktop(dialog, size, path)
    discard(dialog)


def grab_reminder(
    app: QApplication, services: AppServices, size: tuple[int, int], path: Path
) -> None:
    """Today with the daily "How is your back right now?" bar showing."""
    settings = QSettings(
        str(Path(services.store.path).parent / "view.ini"), QSettings.Format.IniFormat
    )
    window = MainWindow(services, settings)
    window.reminder.timer.stop()
    window.on_theme_changed("")
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*size)
    window.show()
    window.show_screen("today")
    window.pain_prompt.show_message(texts.REMINDER_TEXT)
    _settle(app)
    window.grab().save(str(path))
    discard(window)


def render_pain_log_states(out_dir: Path, services: AppServices, app: QApplication) -> list[Path]:
    """pain-log-* and reminder-* at both sizes in both schemes; return the files."""
    written: list[Path] = []
    for scheme in SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in SIZES:
            for stem, grab in (("pain-log", grab_pain_log), ("reminder", grab_reminder)):
                path = out_dir / f"{stem}-{width}x{height}-{scheme}.png"
                grab(app, services, (width, height), path)
                written.append(path)
    return written
