"""Light and dark themes: Fusion with calm palettes of our own, large type, roomy spacing.

The theme follows the system's colour scheme unless the `theme` preference says light or dark.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from coach.domain.preferences import Preferences
from coach.resources import assets_dir
from coach.ui.controllers.preferences import PreferencesController
from coach.ui.fonts import load_app_fonts

Scheme = Literal["light", "dark"]

BASE_POINT_SIZE = 11
"""Base font size in points: large enough to read while standing on a treadmill."""

INDICATOR_PX = 20
"""Check box and radio button size: easy to see and to hit with a stiff back and a mouse."""
SPIN_BUTTON_PX = 28
"""Width of a spin box's up and down buttons."""
ICON_DIR = assets_dir() / "icons"
"""Tick and arrow images per scheme (check-dark.svg, arrow-up-light-disabled.svg, ...)."""
STYLE = "Fusion"
"""Qt's own widget style, alike on every desktop: the palettes and style rules assume it."""
_STYLE_SET = "coach_style_set"


@dataclass(frozen=True)
class ThemeColors:
    """The colours of one scheme; screens and charts read them instead of hard-coding."""

    window: str
    surface: str  # cards, inputs, lists
    surface_alt: str
    text: str
    muted_text: str
    border: str
    accent: str  # selection, progress, focus
    accent_text: str
    link: str
    warning_bg: str
    warning_text: str
    disabled_text: str


LIGHT = ThemeColors(
    window="#f3f5f4",
    surface="#ffffff",
    surface_alt="#e9eeec",
    text="#1d2a2e",
    muted_text="#4f5f64",
    border="#c9d3d0",
    accent="#2c6e6a",
    accent_text="#ffffff",
    link="#1d5c86",
    warning_bg="#fbeed5",
    warning_text="#5a3d05",
    disabled_text="#88959a",
)
"""Light scheme: soft grey-green window, white cards, deep teal accent (contrast >= 4.5:1)."""

DARK = ThemeColors(
    window="#1b2023",
    surface="#242b2f",
    surface_alt="#2d3539",
    text="#e5ebe9",
    muted_text="#a9b7b4",
    border="#3c474b",
    accent="#6fb8b1",
    accent_text="#0f1517",
    link="#8dc6ea",
    warning_bg="#3d3220",
    warning_text="#f3dcae",
    disabled_text="#6c787c",
)
"""Dark scheme: deep blue-grey, light text, a softer teal accent that reads on dark."""


def colors_for(scheme: Scheme) -> ThemeColors:
    """The colours of a scheme."""
    return DARK if scheme == "dark" else LIGHT


def system_scheme() -> Scheme:
    """The system's colour scheme as Qt reports it; light when it is unknown."""
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve_scheme(preference: str) -> Scheme:
    """The scheme to use for a `theme` preference of system, light or dark."""
    if preference == "light":
        return "light"
    if preference == "dark":
        return "dark"
    return system_scheme()


def build_palette(colors: ThemeColors) -> QPalette:
    """A full QPalette for the Fusion style from a scheme's colours."""
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: colors.window,
        role.WindowText: colors.text,
        role.Base: colors.surface,
        role.AlternateBase: colors.surface_alt,
        role.Text: colors.text,
        role.Button: colors.surface_alt,
        role.ButtonText: colors.text,
        role.BrightText: colors.accent_text,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.accent_text,
        role.Link: colors.link,
        role.LinkVisited: colors.link,
        role.ToolTipBase: colors.surface,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted_text,
        role.Light: colors.surface,
        role.Midlight: colors.surface_alt,
        role.Mid: colors.border,
        role.Dark: colors.border,
        role.Shadow: colors.window,
    }
    for palette_role, value in pairs.items():
        palette.setColor(palette_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for palette_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, palette_role, QColor(colors.disabled_text))
    palette.setColor(role.Accent, QColor(colors.accent))
    return palette


def style_sheet(colors: ThemeColors) -> str:
    """The few style rules a palette cannot express: sidebar, cards, headings, focus rings."""
    return f"""
    QWidget#sidebar_panel {{ background: {colors.surface_alt}; }}
    QLabel#app_title {{
        font-size: {BASE_POINT_SIZE + 2}pt; font-weight: 600; padding: 0 18px;
        color: {colors.muted_text};
    }}
    QListWidget#sidebar {{
        background: {colors.surface_alt}; border: none; padding: 4px 6px; outline: 0;
    }}
    QListWidget#sidebar::item {{ padding: 10px 12px; border-radius: 8px; margin: 2px 0; }}
    QListWidget#sidebar::item:selected {{
        background: {colors.accent}; color: {colors.accent_text};
    }}
    QListWidget#sidebar:focus {{ border: 2px solid {colors.accent}; border-radius: 8px; }}
    QFrame[card="true"] {{
        background: {colors.surface}; border: 1px solid {colors.border}; border-radius: 10px;
    }}
    QLabel[role="heading"] {{ font-size: {BASE_POINT_SIZE + 9}pt; font-weight: 600; }}
    QLabel[role="subheading"] {{ font-size: {BASE_POINT_SIZE + 3}pt; font-weight: 600; }}
    QLabel[role="big-number"] {{ font-size: {BASE_POINT_SIZE + 15}pt; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {colors.muted_text}; }}
    QFrame#notice_bar {{ background: {colors.warning_bg}; border-radius: 8px; margin-bottom: 8px; }}
    QLabel#notice_text {{ color: {colors.warning_text}; }}
    QProgressBar {{
        border: 1px solid {colors.border}; border-radius: 6px; background: {colors.surface_alt};
        min-height: 16px; max-height: 16px; text-align: center;
    }}
    QProgressBar::chunk {{ background: {colors.accent}; border-radius: 5px; }}
    QPushButton {{ padding: 6px 14px; }}
    *:focus {{ outline: none; }}
    QFrame#pain_scale {{ border: 2px solid transparent; border-radius: 10px; }}
    QFrame#pain_scale:focus {{ border-color: {colors.accent}; }}
    QFrame#pain_scale QPushButton {{
        font-size: {BASE_POINT_SIZE + 5}pt; font-weight: 600; padding: 6px 0;
        background: {colors.surface}; border: 1px solid {colors.muted_text}; border-radius: 8px;
    }}
    QFrame#pain_scale QPushButton:hover {{ background: {colors.surface_alt}; }}
    QFrame#pain_scale QPushButton:checked {{
        background: {colors.accent}; color: {colors.accent_text}; border-color: {colors.accent};
    }}
    {control_rules(colors)}
    """


def theme_icon(name: str, scheme: Scheme, disabled: bool = False) -> Path:
    """The image file of a tick or an arrow drawn in a scheme's colours."""
    return ICON_DIR / f"{name}-{scheme}{'-disabled' if disabled else ''}.svg"


def control_rules(colors: ThemeColors) -> str:
    """Check boxes, radio buttons and spin box arrows drawn clearly in both schemes.

    Fusion draws the indicator outline from the Window colour, which all but vanishes on a
    dark window, and its spin arrows are small and half transparent; one set of rules for
    the whole app replaces both.
    """
    scheme: Scheme = "dark" if colors == DARK else "light"

    def url(name: str, disabled: bool = False) -> str:
        return f"url({theme_icon(name, scheme, disabled).as_posix()})"

    return f"""
    QCheckBox::indicator, QRadioButton::indicator {{
        width: {INDICATOR_PX}px; height: {INDICATOR_PX}px;
        border: 2px solid {colors.muted_text}; background: {colors.surface};
    }}
    QCheckBox::indicator {{ border-radius: 4px; }}
    QRadioButton::indicator {{ border-radius: {INDICATOR_PX // 2 + 2}px; }}
    QCheckBox::indicator:checked {{
        background: {colors.accent}; border-color: {colors.accent}; image: {url("check")};
    }}
    QRadioButton::indicator:checked {{
        border-color: {colors.accent};
        background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
            stop: 0 {colors.accent}, stop: 0.55 {colors.accent},
            stop: 0.6 {colors.surface}, stop: 1 {colors.surface});
    }}
    QCheckBox::indicator:focus, QRadioButton::indicator:focus {{
        border: 3px solid {colors.accent};
    }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
        border-color: {colors.disabled_text}; background: {colors.surface_alt};
    }}
    QAbstractSpinBox {{
        border: 1px solid {colors.muted_text}; border-radius: 5px;
        background: {colors.surface}; padding: 3px 6px; min-height: 28px;
    }}
    QAbstractSpinBox:focus {{ border: 2px solid {colors.accent}; }}
    QAbstractSpinBox:disabled {{ border-color: {colors.border}; color: {colors.disabled_text}; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
        subcontrol-origin: padding; width: {SPIN_BUTTON_PX}px;
        border-left: 1px solid {colors.border}; background: {colors.surface_alt};
    }}
    QAbstractSpinBox::up-button {{
        subcontrol-position: top right; border-top-right-radius: 4px;
    }}
    QAbstractSpinBox::down-button {{
        subcontrol-position: bottom right; border-bottom-right-radius: 4px;
        border-top: 1px solid {colors.border};
    }}
    QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{
        background: {colors.border};
    }}
    QAbstractSpinBox::up-arrow {{ image: {url("arrow-up")}; width: 14px; height: 14px; }}
    QAbstractSpinBox::down-arrow {{ image: {url("arrow-down")}; width: 14px; height: 14px; }}
    QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {{
        image: {url("arrow-up", True)};
    }}
    QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {{
        image: {url("arrow-down", True)};
    }}
    """


def apply_theme(app: QApplication, preference: str) -> Scheme:
    """Apply Fusion, palette, font and style rules for a theme preference; return the scheme."""
    scheme = resolve_scheme(preference)
    colors = colors_for(scheme)
    if not app.property(_STYLE_SET):
        # Once only: with a style sheet set, style() is a wrapper whose name() is empty.
        app.setStyle(STYLE)
        app.setProperty(_STYLE_SET, True)
    font = QFont(app.font())
    font.setFamily(load_app_fonts())
    # Unhinted advances are the font's own: text measures the same whatever fontconfig says.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setPalette(build_palette(colors))
    app.setStyleSheet(style_sheet(colors))
    app.setProperty("coach_scheme", scheme)
    return scheme


def new_application(argv: list[str]) -> QApplication:
    """A QApplication started in STYLE, so apply_theme need not set the style again.

    Named on the command line, the style never passes through Python; app.setStyle() hands
    it back, and wrapping it sets up QStyle's dozen enums before the first paint (~10 ms).
    """
    app = QApplication([*argv[:1], "-style", STYLE])
    app.setProperty(_STYLE_SET, True)
    return app


def current_scheme() -> Scheme:
    """The scheme last applied by apply_theme (light before any)."""
    app = QApplication.instance()
    value = app.property("coach_scheme") if app is not None else None
    return "dark" if value == "dark" else "light"


class ThemeController(QObject):
    """Keeps the app's theme in step with the preference and with the system's scheme."""

    theme_changed = Signal(str)  # "light" or "dark"

    def __init__(
        self,
        app: QApplication,
        preferences: PreferencesController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._preferences = preferences
        self.scheme: Scheme = apply_theme(app, preferences.current.theme)
        preferences.preferences_changed.connect(self._on_preferences_changed)
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    def refresh(self) -> None:
        """Apply the theme again and announce it if the scheme changed."""
        scheme = apply_theme(self._app, self._preferences.current.theme)
        if scheme != self.scheme:
            self.scheme = scheme
            self.theme_changed.emit(scheme)

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if resolve_scheme(preferences.theme) != self.scheme:
            self.refresh()

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._preferences.current.theme == "system":
            self.refresh()
