"""The shipped SVG illustrations and the app icon: present, safe, small, and really drawn.

Every illustration named by the default cue and routine files must exist and render with
QtSvg to a picture that holds more than its background; none may run scripts, pull in
anything from outside the file, embed raster images or carry text (texts live in the app).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from coach.domain.plan_files.loading import ASSETS_DIR, ILLUSTRATIONS_DIR, load_cues, load_routine
from coach.domain.routines import Sides

ICON = ASSETS_DIR / "icons" / "walking-coach.svg"
MAX_BYTES = 8 * 1024
RENDER_SIZE = 240
BACKGROUND = QColor("#F7F1E6")  # every illustration's own pale card, so both themes work
ACCENTS = ("#0072B2", "#E69F00")  # Okabe-Ito blue and orange: colour-blind safe
FORBIDDEN_TAGS = {"script", "image", "foreignObject", "text", "iframe", "audio", "video"}


def _cue_names() -> list[str]:
    catalogue = load_cues(ASSETS_DIR / "cues" / "cues.json", check_illustrations=False)
    return [card.illustration for card in catalogue.cards]


def _exercise_names(per_side_only: bool = False) -> list[str]:
    names = []
    for path in sorted((ASSETS_DIR / "routines").glob("*.json")):
        routine = load_routine(path, check_illustrations=False)
        names += [
            e.illustration
            for e in routine.exercises
            if not per_side_only or e.sides is Sides.LEFT_RIGHT
        ]
    return names


REFERENCED = sorted(set(_cue_names() + _exercise_names()))
PER_SIDE = sorted(set(_exercise_names(per_side_only=True)))
ALL_SVGS = [*(ILLUSTRATIONS_DIR / n for n in REFERENCED), ICON]


def _render(path: Path) -> QImage:
    renderer = QSvgRenderer(QByteArray(path.read_bytes()))
    assert renderer.isValid(), f"{path.name} is not an SVG that Qt can draw"
    image = QImage(RENDER_SIZE, RENDER_SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _pixels(image: QImage, step: int = 2) -> list[QColor]:
    return [
        image.pixelColor(x, y)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    ]


def _far_from(color: QColor, other: QColor, tolerance: int = 40) -> bool:
    return (
        abs(color.red() - other.red())
        + abs(color.green() - other.green())
        + abs(color.blue() - other.blue())
        > tolerance
    )


def test_the_default_files_name_illustrations() -> None:
    assert len(_cue_names()) >= 13  # 7 posture, 6 stride (feet-under-body merged, issue 21)
    assert len(_exercise_names()) >= 4
    assert PER_SIDE, "the warm-up has per-side stretches"


@pytest.mark.parametrize("name", REFERENCED)
def test_every_referenced_illustration_exists(name: str) -> None:
    assert (ILLUSTRATIONS_DIR / name).is_file(), f"{name} is named in assets/ but missing"


def test_the_default_cue_and_routine_files_pass_their_illustration_check() -> None:
    load_cues(ASSETS_DIR / "cues" / "cues.json")
    for path in sorted((ASSETS_DIR / "routines").glob("*.json")):
        load_routine(path)


@pytest.mark.parametrize("path", ALL_SVGS, ids=lambda p: p.name)
def test_svg_is_small_and_self_contained(path: Path) -> None:
    data = path.read_bytes()
    assert len(data) < MAX_BYTES, f"{path.name} is {len(data)} bytes"
    text = data.decode("utf-8")
    lowered = text.lower()
    for needle in ("<script", "<image", "javascript:", "data:", "<!entity", "<!doctype"):
        assert needle not in lowered, f"{path.name} contains {needle}"
    root = ET.fromstring(text)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in FORBIDDEN_TAGS, f"{path.name} has a <{tag}> element"
        for key, value in element.attrib.items():
            if key.rsplit("}", 1)[-1] == "href":
                assert value.startswith("#"), f"{path.name} links outside itself: {value}"
            assert not key.startswith("on"), f"{path.name} has an event handler {key}"
    for target in re.findall(r"url\(([^)]*)\)", text):
        assert target.startswith("#"), f"{path.name} uses an outside resource {target}"


@pytest.mark.parametrize("path", ALL_SVGS, ids=lambda p: p.name)
def test_svg_uses_the_shared_square_canvas(path: Path) -> None:
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    assert root.get("viewBox") == "0 0 240 240"


@pytest.mark.parametrize("name", REFERENCED)
def test_illustration_renders_a_figure_on_its_own_card(qapp: QApplication, name: str) -> None:
    path = ILLUSTRATIONS_DIR / name
    image = _render(path)
    pixels = _pixels(image)
    # Its own rounded card fills the canvas (only the rounded corners stay clear) ...
    opaque = sum(1 for p in pixels if p.alpha() == 255)
    assert opaque > 0.9 * len(pixels)
    centre = image.pixelColor(RENDER_SIZE // 2, 12)
    assert not _far_from(centre, BACKGROUND, 20), f"{name} lacks its pale card at the top"
    # ... and something real is drawn on it: dark figure strokes and an accent colour.
    drawn = sum(1 for p in pixels if p.alpha() == 255 and _far_from(p, BACKGROUND))
    assert drawn > 0.03 * len(pixels), f"{name} draws almost nothing"
    dark = sum(1 for p in pixels if p.lightness() < 90)
    assert dark > 0.005 * len(pixels) or name == "cue-shorter-steps.svg"
    assert any(accent in path.read_text(encoding="utf-8") for accent in ACCENTS)


@pytest.mark.parametrize("name", PER_SIDE)
def test_per_side_illustrations_are_drawn_for_the_left_side(name: str) -> None:
    text = (ILLUSTRATIONS_DIR / name).read_text(encoding="utf-8")
    assert "drawn for the LEFT side" in text
    assert "figure's left leg" in text


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256, 512])
def test_app_icon_renders_at_every_size(qapp: QApplication, size: int) -> None:
    renderer = QSvgRenderer(QByteArray(ICON.read_bytes()))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    pixels = _pixels(image, step=1)
    white = sum(1 for p in pixels if p.alpha() > 200 and p.lightness() > 200)
    opaque = sum(1 for p in pixels if p.alpha() > 200)
    # A solid tile with a clearly visible light figure, even at 16 px.
    assert opaque > 0.7 * len(pixels)
    assert 0.05 * len(pixels) < white < 0.5 * len(pixels)
