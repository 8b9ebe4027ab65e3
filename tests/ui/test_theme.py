"""Themes: the preference picks light or dark, 'system' follows the system's scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from coach.ui.main_window import MainWindow
from coach.ui.theme import (
    DARK,
    LIGHT,
    ThemeColors,
    ThemeController,
    current_scheme,
    resolve_scheme,
    system_scheme,
)


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours."""

    def luminance(hex_colour: str) -> float:
        channels = []
        for value in QColor(hex_colour).getRgbF()[:3]:
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_preference_switches_theme_and_announces_it(
    qapp: QApplication, main_window: MainWindow, theme: ThemeController
) -> None:
    preferences = main_window.services.preferences
    preferences.set("theme", "light")
    assert window_colour(qapp) == LIGHT.window
    changes: list[str] = []
    theme.theme_changed.connect(changes.append)
    preferences.set("theme", "dark")
    assert window_colour(qapp) == DARK.window
    assert current_scheme() == "dark"
    assert changes == ["dark"]
    preferences.set("theme", "light")
    assert window_colour(qapp) == LIGHT.window
    assert changes == ["dark", "light"]
    sheet = qapp.styleSheet()
    qapp.setStyleSheet("")  # a style sheet wraps the style and hides its name
    assert qapp.style().name().lower() == "fusion"
    qapp.setStyleSheet(sheet)


def test_system_preference_follows_the_system_scheme(theme: ThemeController) -> None:
    assert resolve_scheme("system") == system_scheme()
    assert resolve_scheme("dark") == "dark"
    assert resolve_scheme("light") == "light"
    expected = (
        "dark" if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else ("light")
    )
    assert theme.scheme == expected


def test_base_font_is_large(qapp: QApplication, theme: ThemeController) -> None:
    assert qapp.font().pointSize() >= 11


def check_readable(colors: ThemeColors) -> None:
    assert contrast(colors.text, colors.window) >= 7
    assert contrast(colors.text, colors.surface) >= 7
    assert contrast(colors.muted_text, colors.surface) >= 4.5
    assert contrast(colors.accent_text, colors.accent) >= 4.5
    assert contrast(colors.warning_text, colors.warning_bg) >= 4.5
    assert contrast(colors.link, colors.surface) >= 4.5


def test_light_colours_are_readable() -> None:
    check_readable(LIGHT)


def test_dark_colours_are_readable() -> None:
    check_readable(DARK)


def test_back_to_system_after_an_override(qapp: QApplication, main_window: MainWindow) -> None:
    preferences = main_window.services.preferences
    preferences.set("theme", "dark")
    preferences.set("theme", "system")
    expected = DARK if system_scheme() == "dark" else LIGHT
    assert window_colour(qapp) == expected.window
