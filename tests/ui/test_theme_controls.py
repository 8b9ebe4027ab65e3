"""Check boxes, radio buttons and spin box arrows are clearly visible in both themes."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coach.ui.settings.fields import RangeSpinBox
from coach.ui.theme import Scheme, apply_theme, colors_for, theme_icon

NON_TEXT_CONTRAST = 3.0
"""WCAG 2.1 asks 3:1 for the parts of a control a person must see to use it."""


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG defines it."""
    channels = []
    for value in colour.getRgbF()[:3]:
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Scheme:
    """Each test runs in both themes; light is restored afterwards."""
    value: Scheme = request.param
    apply_theme(qapp, value)
    yield value
    apply_theme(qapp, "light")


def shown_in_window(qtbot: QtBot, *widgets: QWidget) -> QWidget:
    host = QWidget()
    column = QVBoxLayout(host)
    for widget in widgets:
        column.addWidget(widget)
    qtbot.addWidget(host)
    host.resize(320, 200)
    host.show()
    qtbot.waitExposed(host)
    return host


def indicator_border_contrast(qtbot: QtBot, button: QCheckBox | QRadioButton) -> float:
    """Contrast between the indicator's left border pixel and the window behind it."""
    host = shown_in_window(qtbot, button)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    image = host.grab().toImage()
    origin = button.mapTo(host, QPoint(0, 0))
    y = origin.y() + rect.center().y()
    border = image.pixelColor(origin.x() + rect.left() + 1, y)
    window = image.pixelColor(origin.x() + rect.left() - 3, y)
    return contrast(border, window)


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_indicator_border_stands_out_from_the_window(
    qtbot: QtBot, scheme: Scheme, kind: type[QCheckBox] | type[QRadioButton]
) -> None:
    ratio = indicator_border_contrast(qtbot, kind("Put each foot in its own ear"))
    assert ratio >= NON_TEXT_CONTRAST, f"{kind.__name__} in {scheme}: {ratio:.2f}"


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_indicators_are_at_least_20_px(
    qtbot: QtBot, scheme: Scheme, kind: type[QCheckBox] | type[QRadioButton]
) -> None:
    button = kind("Numbness")
    host = shown_in_window(qtbot, button)
    assert host.isVisible()
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    assert min(rect.width(), rect.height()) >= 20


def test_spin_box_buttons_are_at_least_20_px_wide(qtbot: QtBot, scheme: Scheme) -> None:
    box = RangeSpinBox(40, 220, " steps/min")
    host = shown_in_window(qtbot, box)
    assert host.isVisible()
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    for control in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        rect = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, control, box)
        assert rect.width() >= 20, (scheme, control, rect)


@pytest.mark.parametrize("scheme_name", ["light", "dark"])
def test_tick_and_arrow_images_use_the_scheme_colours(scheme_name: Scheme) -> None:
    colors = colors_for(scheme_name)
    expected = {
        theme_icon("check", scheme_name): colors.accent_text,
        theme_icon("arrow-up", scheme_name): colors.text,
        theme_icon("arrow-down", scheme_name): colors.text,
        theme_icon("arrow-up", scheme_name, disabled=True): colors.disabled_text,
        theme_icon("arrow-down", scheme_name, disabled=True): colors.disabled_text,
    }
    for path, colour in expected.items():
        found = re.findall(r'(?:stroke|fill)="(#[0-9a-f]{6})"', path.read_text())
        assert found == [colour], path.name
